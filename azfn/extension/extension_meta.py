# pyright: strict
"""``ExtensionMeta``: the metaclass of worker extensions, and their registry.

Defining a subclass of :class:`~azfn.extension.AppExtensionBase` registers it
(its ``init()`` runs then); creating an instance of a
:class:`~azfn.extension.FuncExtensionBase` subclass registers that instance
for its function. The registry flattens each extension into one list per
hook, which is what the worker (and :mod:`azfn.extension.invocation`) reads:

* ``ExtensionMeta.get_application_hooks()``: an :class:`AppExtensionHooks`,
  or ``None`` while no application extension is defined;
* ``ExtensionMeta.get_function_hooks(name)``: a :class:`FuncExtensionHooks`
  for the function (case-insensitive), or ``None``;
* ``ExtensionMeta.get_registered_extensions_json()``: which extensions are
  registered, as JSON, for diagnostics.

The registry is process-wide, like the reference's. Tests reset it with
:meth:`ExtensionMeta.clear` or, to restore what was registered before,
``with ExtensionMeta.isolated(): ...``.
"""

from __future__ import annotations

import abc
import json
import typing
from typing import TYPE_CHECKING
from typing import ClassVar
from typing import TypeVar

from azfn.extension.app_extension_hooks import AppExtensionHooks
from azfn.extension.extension_hook_meta import ExtensionHookMeta
from azfn.extension.extension_scope import ExtensionScope
from azfn.extension.func_extension_hooks import FuncExtensionHooks
from azfn.extension.function_extension_exception import FunctionExtensionException

if TYPE_CHECKING:
    from typing_extensions import Self

if typing.TYPE_CHECKING:
    import types

__all__ = ["ExtensionMeta", "RegistrySnapshot"]

_T = TypeVar("_T")

#: Set in the body of the two extension base classes: they are not extensions.
BASE_MARKER = "_extension_base_class"

_Info = dict[str, "dict[str, list[str]] | list[str]"]


def _scope_of(cls: type) -> ExtensionScope:
    scope = getattr(cls, "_scope", ExtensionScope.UNKNOWN)
    return scope if isinstance(scope, ExtensionScope) else ExtensionScope.UNKNOWN


def _app_hooks() -> AppExtensionHooks:
    return AppExtensionHooks([], [], [])


def _func_hooks() -> FuncExtensionHooks:
    return FuncExtensionHooks([], [], [])


class ExtensionMeta(abc.ABCMeta):
    """The metaclass of extensions: registers them and answers hook queries.

    Application extensions are registered when their class is defined,
    function extensions when they are instantiated. Instantiating an
    application extension, or a class with this metaclass that derives from
    neither extension base, raises :class:`FunctionExtensionException`.
    """

    # The names and shapes below are the reference's; tests in the wild read them.
    _func_exts: ClassVar[dict[str, FuncExtensionHooks]] = {}
    _app_exts: ClassVar[AppExtensionHooks | None] = None
    _info: ClassVar[_Info] = {}

    def __new__(
        mcs,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, object],
        /,
        **kwargs: object,
    ) -> ExtensionMeta:
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        if namespace.get(BASE_MARKER) is not True and _scope_of(cls) is ExtensionScope.APPLICATION:
            ExtensionMeta._register_application_extension(cls)
        return cls

    def __call__(cls: type[_T], *args: object, **kwargs: object) -> _T:
        scope = _scope_of(cls)
        if scope is ExtensionScope.APPLICATION:
            raise FunctionExtensionException(
                f"{cls.__name__} is an application extension: it is a static "
                "class and must not be instantiated; call its class methods "
                f"(e.g. {cls.__name__}.configure(...)) instead"
            )
        if scope is not ExtensionScope.FUNCTION:
            raise FunctionExtensionException(
                f"{cls.__name__} is not a worker extension: derive it from "
                "AppExtensionBase or FuncExtensionBase"
            )
        instance = typing.cast("_T", type.__call__(cls, *args, **kwargs))
        ExtensionMeta._register_function_extension(instance)
        return instance

    # Queries: what the worker calls.

    @classmethod
    def get_function_hooks(cls, name: str) -> FuncExtensionHooks | None:
        """Return the hooks of the function extensions bound to *name*.

        Args:
            name: the function (trigger folder) name; case does not matter.

        Returns:
            The hooks, or ``None`` if no extension was created for *name*.
        """
        return ExtensionMeta._func_exts.get(name.lower())

    @classmethod
    def get_application_hooks(cls) -> AppExtensionHooks | None:
        """Return the hooks of every application extension.

        Returns:
            The hooks, or ``None`` if no application extension is defined.
        """
        return ExtensionMeta._app_exts

    @classmethod
    def get_registered_extensions_json(cls) -> str:
        """Return the registered extensions' names as a JSON string.

        The shape is ``{"FuncExtension": {"<function>": ["<Ext>", ...]},
        "AppExtension": ["<Ext>", ...]}``; keys appear once something of
        their kind is registered, so an empty registry gives ``{}``.
        """
        return json.dumps(ExtensionMeta._info)

    # Resetting, for tests.

    @classmethod
    def clear(cls) -> None:
        """Forget every registered extension (the reference has no way to).

        Classes already defined stay usable, but their hooks no longer run;
        define or instantiate them again to register them again.
        """
        ExtensionMeta._func_exts = {}
        ExtensionMeta._app_exts = None
        ExtensionMeta._info = {}

    @classmethod
    def snapshot(cls) -> RegistrySnapshot:
        """Return a copy of the registry, to give back to :meth:`restore`."""
        current = RegistrySnapshot(
            ExtensionMeta._func_exts, ExtensionMeta._app_exts, ExtensionMeta._info
        )
        return current.copy()

    @classmethod
    def restore(cls, snapshot: RegistrySnapshot) -> None:
        """Make the registry what it was when *snapshot* was taken."""
        copy = snapshot.copy()
        ExtensionMeta._func_exts = copy.func_exts
        ExtensionMeta._app_exts = copy.app_exts
        ExtensionMeta._info = copy.info

    @classmethod
    def isolated(cls, *, empty: bool = True) -> _Isolated:
        """Return a context manager that undoes every registration made inside it.

        Example::

            with ExtensionMeta.isolated():
                class Tracer(AppExtensionBase): ...
                assert ExtensionMeta.get_application_hooks() is not None
            # Tracer is unregistered again here.

        Args:
            empty: start the block with an empty registry (the default) or
                with the extensions registered so far.
        """
        return _Isolated(empty=empty)

    # Registration.

    @staticmethod
    def _register_application_extension(ext: type) -> None:
        init = getattr(ext, "init", None)
        if callable(init):
            init()
        if ExtensionMeta._app_exts is None:
            ExtensionMeta._app_exts = _app_hooks()
        _flatten(ext, ext.__name__, ExtensionMeta._app_exts)
        names = ExtensionMeta._info.setdefault("AppExtension", [])
        typing.cast("list[str]", names).append(ext.__name__)

    @staticmethod
    def _register_function_extension(ext: object) -> None:
        ext_name = type(ext).__name__
        trigger_name = getattr(ext, "_trigger_name", None)
        if not isinstance(trigger_name, str):
            raise FunctionExtensionException(
                f"{ext_name}.__init__() must call super().__init__(file_path) so "
                "the extension knows which function it belongs to"
            )
        hooks = ExtensionMeta._func_exts.setdefault(trigger_name.lower(), _func_hooks())
        _flatten(ext, ext_name, hooks)
        by_function = ExtensionMeta._info.setdefault("FuncExtension", {})
        typing.cast("dict[str, list[str]]", by_function).setdefault(trigger_name, []).append(
            ext_name
        )


def _flatten(ext: object, ext_name: str, hooks: AppExtensionHooks | FuncExtensionHooks) -> None:
    """Append *ext*'s implementation of each hook to that hook's list."""
    for hook_name, registered in zip(hooks._fields, hooks, strict=True):
        impl = getattr(ext, hook_name, None)
        if impl is not None:
            registered.append(ExtensionHookMeta(ext_name=ext_name, ext_impl=impl))


class RegistrySnapshot(typing.NamedTuple):
    """A copy of the extension registry (see :meth:`ExtensionMeta.snapshot`)."""

    func_exts: dict[str, FuncExtensionHooks]
    app_exts: AppExtensionHooks | None
    info: _Info

    def copy(self) -> RegistrySnapshot:
        """Return a copy whose lists can be changed without changing this one."""
        return RegistrySnapshot(
            func_exts={
                name: FuncExtensionHooks(*(list(h) for h in ext))
                for name, ext in self.func_exts.items()
            },
            app_exts=None
            if self.app_exts is None
            else AppExtensionHooks(*(list(h) for h in self.app_exts)),
            info={
                key: dict((k, list(v)) for k, v in value.items())
                if isinstance(value, dict)
                else list(value)
                for key, value in self.info.items()
            },
        )


class _Isolated:
    """Context manager returned by :meth:`ExtensionMeta.isolated`."""

    def __init__(self, *, empty: bool) -> None:
        self._empty = empty
        self._saved: RegistrySnapshot | None = None

    def __enter__(self) -> Self:
        self._saved = ExtensionMeta.snapshot()
        if self._empty:
            ExtensionMeta.clear()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: types.TracebackType | None,
    ) -> None:
        if self._saved is not None:
            ExtensionMeta.restore(self._saved)
            self._saved = None
