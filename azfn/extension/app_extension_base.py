# pyright: strict
"""``AppExtensionBase``: an extension whose hooks run for every function."""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import ClassVar

from azfn.extension.extension_meta import ExtensionMeta
from azfn.extension.extension_scope import ExtensionScope

if TYPE_CHECKING:
    from logging import Logger

    from azfn.context import Context

__all__ = ["AppExtensionBase"]


class AppExtensionBase(metaclass=ExtensionMeta):
    """Base of application-wide worker extensions: a static class of hooks.

    Subclassing registers the extension and calls its :meth:`init` at once,
    so importing the module that defines it is enough. It is never
    instantiated (that raises
    :class:`~azfn.extension.FunctionExtensionException`): every hook is a
    ``@classmethod``, and none has to be overridden.

    Example::

        class Timing(AppExtensionBase):
            @classmethod
            def pre_invocation_app_level(cls, logger, context, func_args=None, *args, **kwargs):
                logger.info("starting %s", context.function_name)
    """

    _scope: ClassVar[ExtensionScope] = ExtensionScope.APPLICATION
    _extension_base_class: ClassVar[bool] = True

    @classmethod
    def init(cls) -> None:
        """Set the extension up; runs once, when the subclass is defined."""

    @classmethod
    def configure(cls, *args: object, **kwargs: object) -> None:
        """Take settings from the app author; the extension defines what they are.

        The worker never calls this; apps call it after importing the
        extension. Several calls run in the order the app makes them.
        """

    @classmethod
    def post_function_load_app_level(
        cls, function_name: str, function_directory: str, *args: object, **kwargs: object
    ) -> None:
        """Run after each function is loaded, before any invocation.

        The worker's logging is not set up yet at this point.

        Args:
            function_name: the loaded function's name.
            function_directory: the directory of the function's script.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """

    @classmethod
    def pre_invocation_app_level(
        cls,
        logger: Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        """Run before every invocation of every function, before function hooks.

        Args:
            logger: the logger to report through (one per extension).
            context: the invocation's context (function name, invocation id...).
            func_args: the arguments the function is about to receive, by
                parameter name; changing the dict changes what it receives.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """

    @classmethod
    def post_invocation_app_level(
        cls,
        logger: Logger,
        context: Context,
        func_args: dict[str, object] | None = None,
        func_ret: object | None = None,
        *args: object,
        **kwargs: object,
    ) -> None:
        """Run after every invocation that returned, after function hooks.

        Not called when the function raises.

        Args:
            logger: the logger to report through (one per extension).
            context: the invocation's context.
            func_args: the arguments the function received, by parameter name.
            func_ret: what the function returned.
            *args: reserved for future worker versions.
            **kwargs: reserved for future worker versions.
        """
