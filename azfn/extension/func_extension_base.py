# pyright: strict
"""``FuncExtensionBase``: an extension whose hooks run for one function."""

from __future__ import annotations

import abc
import os
from typing import TYPE_CHECKING
from typing import ClassVar

from azfn.extension.extension_meta import ExtensionMeta
from azfn.extension.extension_scope import ExtensionScope
from azfn.extension.function_extension_exception import FunctionExtensionException

if TYPE_CHECKING:
    from logging import Logger

    from azfn.context import Context

__all__ = ["SCRIPT_ROOT_VARIABLE", "FuncExtensionBase"]

#: The environment variable holding the function app's root directory.
SCRIPT_ROOT_VARIABLE = "AzureWebJobsScriptRoot"


class FuncExtensionBase(metaclass=ExtensionMeta):
    """Base of per-function worker extensions (for the folder-per-function layout).

    Subclasses define ``__init__(self, file_path)`` calling
    ``super().__init__(file_path)`` and are instantiated in the function's
    script with ``__file__``; creating the instance registers its hooks for
    the function whose folder holds *file_path*. Hooks are ordinary methods,
    and none has to be overridden.

    Example::

        class Tracer(FuncExtensionBase):
            def __init__(self, file_path: str) -> None:
                super().__init__(file_path)

            def pre_invocation(self, logger, context, func_args=None, *args, **kwargs):
                logger.info("about to run %s", context.function_name)

        tracer = Tracer(__file__)
    """

    _scope: ClassVar[ExtensionScope] = ExtensionScope.FUNCTION
    _extension_base_class: ClassVar[bool] = True
    _trigger_name: str

    @abc.abstractmethod
    def __init__(self, file_path: str) -> None:
        """Bind the extension to the function whose folder holds *file_path*.

        The function's name is the first folder of *file_path* below the app
        root, given by the ``AzureWebJobsScriptRoot`` environment variable
        (the worker sets it).

        Args:
            file_path: a file inside the function's folder, usually ``__file__``.

        Raises:
            FunctionExtensionException: ``AzureWebJobsScriptRoot`` is not set,
                or *file_path* is not inside a function folder of the app.
        """
        script_root = os.environ.get(SCRIPT_ROOT_VARIABLE)
        if script_root is None:
            raise FunctionExtensionException(
                f"{SCRIPT_ROOT_VARIABLE} environment variable is not defined: "
                "function extensions run inside an Azure Functions app, where "
                "the worker sets it to the app's root directory (set it "
                "yourself to use the extension elsewhere, e.g. in tests)"
            )
        self._trigger_name = _function_folder(file_path, script_root)

    def post_function_load(
        self, function_name: str, function_directory: str, *args: object, **kwargs: object
    ) -> None:
        """Run after the function is loaded, before any invocation.

        The worker's logging is not set up yet at this point.

        Args:
            function_name: the loaded function's name.
            function_directory: the directory of the function's script.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """

    def pre_invocation(
        self,
        logger: Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        """Run before each invocation, after the application hooks.

        Args:
            logger: the logger to report through (one per extension).
            context: the invocation's context.
            func_args: the arguments the function is about to receive, by
                parameter name; changing the dict changes what it receives.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """

    def post_invocation(
        self,
        logger: Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        func_ret: object | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        """Run after each invocation that returned, before the application hooks.

        Not called when the function raises.

        Args:
            logger: the logger to report through (one per extension).
            context: the invocation's context.
            func_args: the arguments the function received, by parameter name.
            func_ret: what the function returned.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """


def _function_folder(file_path: str, script_root: str) -> str:
    """Return the first folder of *file_path* below *script_root*."""
    try:
        relative = os.path.relpath(os.path.normpath(file_path), os.path.normpath(script_root))
    except ValueError:  # another drive, on Windows
        relative = ""
    first = relative.split(os.sep)[0]
    if not first or first.startswith("."):
        raise FunctionExtensionException(
            f"cannot tell which function {file_path!r} belongs to: a function "
            "extension is created in a function's folder under "
            f"{SCRIPT_ROOT_VARIABLE} ({script_root!r}), with __file__ as its "
            "argument, and the function's name is that folder's name"
        )
    return first
