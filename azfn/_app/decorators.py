"""How a decorator attaches a binding or setting to the function it decorates.

Every decorator method ends in :meth:`DecoratorApi._decorator`: find (or
create) the decorated function's :class:`FunctionBuilder` and apply one change
to *that* builder. Binding decorator methods are not written by hand: each is
a :class:`binding_method` made from the binding's declaration, so its typed
signature is the declaration's constructor.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable
from collections.abc import Mapping
from typing import TYPE_CHECKING
from typing import Any
from typing import Generic
from typing import ParamSpec
from typing import Protocol
from typing import TypeVar
from typing import overload

from azfn._builder import FunctionBuilder
from azfn._function import SCRIPT_FILE_NAME
from azfn.errors import RegistrationError
from azfn.settings import FunctionName

if TYPE_CHECKING:
    from typing_extensions import Self

    from azfn.bindings._base import Binding

__all__ = ["Decorator", "DecoratorApi", "binding_method"]

P = ParamSpec("P")
R = TypeVar("R")
BP = ParamSpec("BP")

_Change = Callable[[FunctionBuilder[..., Any]], object]


class Decorator(Protocol):
    """Turns a function into a :class:`FunctionBuilder` with the same type."""

    def __call__(self, func: Callable[P, R], /) -> FunctionBuilder[P, R]: ...


class DecoratorApi:
    """What every app and blueprint has: the functions declared on it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self._function_builders: list[FunctionBuilder[..., Any]] = []

    @property
    def app_script_file(self) -> str:
        """The script every function's ``scriptFile`` names."""
        return SCRIPT_FILE_NAME

    def _describe(self) -> str:
        return f"{type(self).__name__} at {id(self):#x}"

    def _builder_for(self, func: Callable[P, R]) -> FunctionBuilder[P, R]:
        """Return the builder recording *func*, creating it on first use."""
        if isinstance(func, FunctionBuilder):
            builder = typing.cast("FunctionBuilder[P, R]", func)
            if builder._owner is not self:  # same package
                owner = builder._owner._describe() if builder._owner else "nothing"
                raise RegistrationError(
                    f"function {builder.function_name!r} is declared on {owner}, "
                    f"so decorators of {self._describe()} cannot be added to it: "
                    "use the decorators of one app or blueprint for all of a "
                    "function's bindings"
                )
            return builder
        if not callable(func):
            raise RegistrationError(
                f"app decorators apply to functions, not to {type(func).__name__} "
                f"objects ({func!r})"
            )
        builder = FunctionBuilder(func, self)
        inner = _inner_builder(func)
        if inner is not None and inner._owner is self:
            # A user decorator (functools.wraps style) sits between two of
            # ours: the outer callable is what runs, with the inner record.
            builder._adopt(inner)
            self._function_builders.remove(inner)
        self._function_builders.append(builder)
        return builder

    def _decorator(self, change: _Change, problem: str | None = None) -> Decorator:
        """Return a decorator applying *change* (or reporting *problem*)."""

        def decorator(func: Callable[P, R], /) -> FunctionBuilder[P, R]:
            builder = self._builder_for(func)
            if problem is not None:
                builder.add_problem(problem)
            else:
                change(builder)
            return builder

        return decorator

    def _binding_decorator(self, *bindings: Binding) -> Decorator:
        def decorator(func: Callable[P, R], /) -> FunctionBuilder[P, R]:
            builder = self._builder_for(func)
            builder._bindings += bindings
            builder._built.clear()
            return builder

        return decorator

    def function_name(
        self, name: str, setting_extra_fields: Mapping[str, object] | None = None
    ) -> Decorator:
        """Name the function (default: the Python name); routes default to it."""
        setting = FunctionName(name, setting_extra_fields)
        return self._decorator(lambda builder: builder.add_setting(setting))

    def http_type(self, http_type: str) -> Decorator:
        """Set how HTTP requests reach the function: function, asgi or wsgi."""
        return self._decorator(lambda builder: builder.configure_http_type(http_type))


def _inner_builder(func: object) -> FunctionBuilder[..., Any] | None:
    seen = 0
    while seen < 100:  # a wrapper chain this long is a loop
        func = getattr(func, "__wrapped__", None)
        if func is None:
            return None
        if isinstance(func, FunctionBuilder):
            return typing.cast("FunctionBuilder[..., Any]", func)
        seen += 1
    return None


class binding_method(Generic[BP]):  # used like a decorator  # noqa: N801  # used like a decorator
    """A decorator method made from a binding declaration.

    ``queue_trigger = binding_method(QueueTrigger)`` gives apps a method with
    ``QueueTrigger``'s parameters that returns a :class:`Decorator` adding
    that binding. Extra keyword arguments become extra metadata keys at run
    time, as in the reference, but are not part of the typed signature, so a
    type checker flags a misspelled keyword.
    """

    def __init__(self, binding: Callable[BP, Binding], *, extras: bool = True) -> None:
        self._binding = typing.cast("type[Binding]", binding)  # always a class
        self._extras = extras
        self._name = binding.__name__
        self.__doc__ = binding.__doc__

    def __set_name__(self, owner: type[object], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type[object]) -> Self: ...
    @overload
    def __get__(self, obj: DecoratorApi, owner: type[object]) -> Callable[BP, Decorator]: ...
    def __get__(
        self, obj: DecoratorApi | None, owner: type[object]
    ) -> Self | Callable[BP, Decorator]:
        if obj is None:
            return self
        return typing.cast("Callable[BP, Decorator]", functools.partial(self._call, obj))

    def _call(self, app: DecoratorApi, /, *args: object, **kwargs: object) -> Decorator:
        try:
            binding = self._binding.create(args, kwargs, extras=self._extras)
        except TypeError as exc:
            message = str(exc).replace(f"{self._binding.__name__}.__init__()", f"{self._name}()")
            raise TypeError(message) from None
        return app._binding_decorator(binding)
