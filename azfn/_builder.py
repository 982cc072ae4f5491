"""``FunctionBuilder``: what every decorator returns.

A builder *is still the user's function* for the caller: same ``__name__``,
``__doc__``, ``__wrapped__``, signature and coroutine-ness, and calling it
calls the function. It also records the function's bindings and settings,
and ``build()`` turns that record into a :class:`~azfn.Function`.

Each builder keeps its own record, so decorators always attach to the
function they decorate, in any order (the reference attaches them to "the
last function defined").
"""

from __future__ import annotations

import functools
import sys
from types import FunctionType
from typing import TYPE_CHECKING
from typing import Generic
from typing import ParamSpec
from typing import TypeVar

from azfn._function import SCRIPT_FILE_NAME
from azfn._function import Function
from azfn._validation import function_problems
from azfn.bindings.http import HttpTrigger
from azfn.enums import AuthLevel
from azfn.errors import FunctionLoadError
from azfn.errors import Problem

if TYPE_CHECKING:
    from collections.abc import Callable

    from typing_extensions import Self

    from azfn._app.decorators import DecoratorApi
    from azfn.bindings._base import Binding
    from azfn.settings import Setting

__all__ = ["FunctionBuilder"]

P = ParamSpec("P")
R = TypeVar("R")

# inspect.iscoroutinefunction() before 3.12 recognises "function-like" objects
# by these attributes; copying them keeps `async def` visible through us.
_FUNCTION_LIKE = ("__code__", "__defaults__", "__kwdefaults__")


class FunctionBuilder(Generic[P, R]):
    """The user's function plus the bindings and settings declared on it."""

    __wrapped__: Callable[P, R]

    def __init__(self, func: Callable[P, R], owner: DecoratorApi | None = None) -> None:
        # Not functools' default __dict__ update: a user decorator made with
        # functools.wraps around another builder carries that builder's
        # private record, which must not become ours.
        state = vars(self)
        if type(func) is FunctionType:
            # The common case, without functools.update_wrapper's getattr calls.
            state.update(
                __module__=func.__module__,
                __name__=func.__name__,
                __qualname__=func.__qualname__,
                __doc__=func.__doc__,
                __annotations__=func.__annotations__,
                __code__=func.__code__,
                __defaults__=func.__defaults__,
                __kwdefaults__=func.__kwdefaults__,
            )
        else:
            functools.update_wrapper(self, func, updated=())
            for name in _FUNCTION_LIKE:
                if hasattr(func, name):
                    state[name] = getattr(func, name)
        state["__wrapped__"] = func
        for name, value in getattr(func, "__dict__", {}).items():
            if not name.startswith("_"):
                state[name] = value
        if sys.version_info >= (3, 12):
            import inspect  # not at import time: it is a heavy module

            if inspect.iscoroutinefunction(func):
                inspect.markcoroutinefunction(self)
        self._func = func
        self._owner = owner
        self._bindings: list[Binding] = []
        self._settings: dict[str, Setting] = {}
        self._http_type = "function"
        self._problems: list[Problem] = []
        self._built: dict[AuthLevel | None, Function[P, R]] = {}

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._func(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<FunctionBuilder {getattr(self, '__qualname__', self._func)!r}>"

    # Mutators: each invalidates what build() cached.

    def add_trigger(self, trigger: Binding) -> Self:
        """Add the trigger binding (a second one is reported at build)."""
        return self.add_binding(trigger)

    def add_binding(self, binding: Binding) -> Self:
        """Add a binding, below those already added."""
        self._bindings.append(binding)
        self._built.clear()
        return self

    def add_setting(self, setting: Setting) -> Self:
        """Add or replace a function-level setting."""
        self._settings[setting.setting_name] = setting
        self._built.clear()
        return self

    def configure_http_type(self, http_type: str) -> Self:
        """Set how HTTP requests reach the function (function, asgi, wsgi)."""
        self._http_type = http_type
        self._built.clear()
        return self

    def add_problem(self, message: str, binding: str | None = None) -> Self:
        """Record a problem found while decorating, reported at build."""
        self._problems.append(Problem(None, message, binding))
        self._built.clear()
        return self

    def _adopt(self, other: FunctionBuilder[..., object]) -> None:
        """Take over *other*'s record: *other* wraps us in a user decorator."""
        self._bindings = [*other._bindings, *self._bindings]
        self._settings = {**other._settings, **self._settings}
        if other._http_type != "function":
            self._http_type = other._http_type
        self._problems = [*other._problems, *self._problems]

    # Reading.

    @property
    def function_name(self) -> str:
        """The function's name: ``@function_name`` if given, else ``__name__``."""
        setting = self._settings.get("function_name") if self._settings else None
        if setting is not None:
            return str(setting.get_settings_value("function_name"))
        if type(self._func) is FunctionType:
            return self._func.__name__
        return str(getattr(self._func, "__name__", type(self._func).__name__))

    def problems(self, auth_level: AuthLevel | str | None = None) -> list[Problem]:
        """Return every problem the worker or host would find in this function."""
        return self._check(_auth_level(auth_level))[1]

    def _check(self, level: AuthLevel | None) -> tuple[list[Binding], list[Problem]]:
        name = self.function_name
        bindings = self._resolved_bindings(name, level)
        problems = function_problems(name, self._func, bindings, self._settings)
        if self._problems:
            problems[:0] = [Problem(name, p.message, p.binding) for p in self._problems]
        return bindings, problems

    def build(self, auth_level: AuthLevel | str | None = None) -> Function[P, R]:
        """Return the indexed function, as the worker would see it.

        *auth_level* is the app's level, given to HTTP triggers that set
        none. The result is cached until a decorator changes the function.

        Raises:
            FunctionLoadError: the worker or host would reject the function;
                every problem is listed.
        """
        level = _auth_level(auth_level)
        built = self._built.get(level)
        if built is not None:
            return built
        bindings, problems = self._check(level)
        if problems:
            raise FunctionLoadError(problems)
        # Validated: exactly one trigger, so the Function is filled directly.
        function = Function(self._func, SCRIPT_FILE_NAME)
        function._bindings = bindings
        for binding in bindings:
            if binding.trigger:
                function._trigger = binding
        function._settings = dict(self._settings)
        function.http_type = self._http_type
        self._built[level] = function
        return function

    @property
    def _function(self) -> Function[P, R]:
        # The reference's private attribute; tests in the wild reach for it.
        return self.build()

    def _resolved_bindings(self, name: str, level: AuthLevel | None) -> list[Binding]:
        """Apply build-time defaults: an HTTP trigger's route and auth level."""
        resolved: list[Binding] = []
        for binding in self._bindings:
            if isinstance(binding, HttpTrigger):
                binding = binding.with_defaults(name, level)
            elif binding.type == "httpTrigger" and binding.direction == 0:
                # A generic trigger of type httpTrigger: the defaults are extras.
                changes: dict[str, object] = {}
                if _field(binding, "route") is None:
                    changes["route"] = name
                if _field(binding, "auth_level") is None and level is not None:
                    changes["auth_level"] = level
                if changes:
                    binding = binding.replace(**changes)
            resolved.append(binding)
        return resolved


def _field(binding: Binding, name: str) -> object:
    value = getattr(binding, name, None)
    return binding.extra_fields.get(name) if value is None else value


def _auth_level(level: AuthLevel | str | None) -> AuthLevel | None:
    if level is None or type(level) is AuthLevel:
        return level
    parsed = AuthLevel.parse(level)
    return parsed if isinstance(parsed, AuthLevel) else None
