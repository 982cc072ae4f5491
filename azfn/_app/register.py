"""``FunctionApp``, ``Blueprint`` and ``FunctionRegister``: collections of functions.

An app *indexes* its functions, its own and those of the blueprints
registered on it, the way the worker does: ``get_functions()`` builds each
one with the app's HTTP auth level and checks them all. Indexing holds no
hidden state: ask twice, get the same answer. Blueprints are read when the
app is indexed, so functions added to a blueprint after registering it are
included, and one blueprint can serve two apps with different auth levels.
"""

from __future__ import annotations

import typing
from typing import Any

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._validation import HttpRoute
from azfn._validation import app_problems
from azfn.enums import AuthLevel
from azfn.errors import FunctionLoadError
from azfn.errors import Problem
from azfn.errors import RegistrationError

if typing.TYPE_CHECKING:
    from collections.abc import Sequence

    from azfn._builder import FunctionBuilder
    from azfn._function import Function

__all__ = ["Blueprint", "FunctionApp", "FunctionRegister"]


def _parse_auth_level(level: AuthLevel | str) -> AuthLevel:
    try:
        parsed = AuthLevel.parse(level)
    except ValueError as exc:
        raise RegistrationError(f"http_auth_level: {exc}") from None
    return typing.cast("AuthLevel", parsed)


class FunctionRegister(DecoratorApi):
    """An app the worker indexes: it owns functions and registered blueprints.

    The worker finds the app as the one module-level ``FunctionRegister``.
    """

    def __init__(self, auth_level: AuthLevel | str, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._auth_level = _parse_auth_level(auth_level)
        self._blueprints: list[DecoratorApi] = []

    @property
    def auth_level(self) -> AuthLevel:
        """The auth level of HTTP functions that do not set their own."""
        return self._auth_level

    def _describe(self) -> str:
        return f"the {type(self).__name__}"

    def _builders(self) -> list[tuple[FunctionBuilder[..., Any], DecoratorApi]]:
        api = typing.cast("DecoratorApi", self)
        pairs = [(b, api) for b in self._function_builders]
        for blueprint in self._blueprints:
            pairs += [(b, blueprint) for b in blueprint._function_builders]
        return pairs

    def _index(self) -> tuple[list[Function[..., object]], list[Problem]]:
        functions: list[Function[..., object]] = []
        problems: list[Problem] = []
        builders = self._builders()
        names: list[str] = []
        routes: list[HttpRoute] = []
        for builder, _ in builders:
            name = builder.function_name
            names.append(name)
            try:
                function = builder.build(self._auth_level)
            except FunctionLoadError as exc:
                problems += exc.problems
                continue
            functions.append(function)
            trigger = function._trigger
            if trigger is not None and trigger.type == "httpTrigger":
                routes.append(_http_route(name, trigger))

        def where(index: int) -> str:
            builder, source = builders[index]
            return _where(builder, source, self)

        problems += app_problems(names, where, routes)
        return functions, problems

    def validate(self) -> list[Problem]:
        """Return every problem the worker or host would find; empty if none.

        Unlike :meth:`get_functions`, this never raises for a bad function:
        it reports them all, each with its function's name.
        """
        return self._index()[1]

    def get_functions(self) -> list[Function[..., object]]:
        """Index the app: every function, built and checked.

        Raises:
            FunctionLoadError: a function would be rejected by the worker or
                the host; the exception lists every problem found.
        """
        functions, problems = self._index()
        if problems:
            raise FunctionLoadError(problems)
        # Unlike the reference, no warning for apps without HTTP functions:
        # an unused auth level is not a problem (anchor-inventory §3.5 bug 17).
        return functions

    def validate_function_names(self, functions: Sequence[Function[..., object]]) -> None:
        """Check that *functions* have unique names.

        Raises:
            FunctionLoadError: two functions share a name.
        """
        names = [f.get_function_name() for f in functions]
        problems = app_problems(names, lambda i: repr(functions[i].get_user_function()), [])
        if problems:
            raise FunctionLoadError(problems)

    def register_functions(self, function_container: DecoratorApi) -> None:
        """Add a blueprint's functions, now and any declared on it later.

        Raises:
            TypeError: *function_container* is an app, not a blueprint.
            RegistrationError: it is already registered here.
        """
        if isinstance(function_container, FunctionRegister):
            raise TypeError(
                "functions can not be type of FunctionRegister! An app cannot be "
                "registered on another app: declare the functions on a "
                "func.Blueprint() and register that"
            )
        if not isinstance(function_container, DecoratorApi):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
            raise TypeError(
                f"register_functions() takes a Blueprint, not {type(function_container).__name__}"
            )
        if any(bp is function_container for bp in self._blueprints):
            raise RegistrationError(
                "this blueprint is already registered on this app; register it once"
            )
        self._blueprints.append(function_container)

    register_blueprint = register_functions


def _where(builder: FunctionBuilder[..., Any], source: DecoratorApi, app: DecoratorApi) -> str:
    code = getattr(builder.__wrapped__, "__code__", None)
    place = f"{code.co_filename}:{code.co_firstlineno}" if code else repr(builder)
    return place if source is app else f"{place} (in a blueprint)"


def _http_route(name: str, trigger: object) -> HttpRoute:
    route = getattr(trigger, "route", None)
    methods = getattr(trigger, "methods", None)
    if route is None:  # a generic trigger of type httpTrigger
        extra = getattr(trigger, "extra_fields", {})
        route, methods = extra.get("route"), extra.get("methods")
    return HttpRoute(
        function=name,
        route=str(route if route is not None else name),
        methods=None if methods is None else _method_set(methods),
    )


def _method_set(methods: object) -> frozenset[str]:
    try:
        # str.upper, not str(): HttpMethod members are strings, and Enum.__str__
        # would give the member name through a slow descriptor.
        return frozenset(map(str.upper, methods))  # type: ignore[call-overload]  # pyright: ignore
    except TypeError:  # a generic trigger's methods: anything goes
        return frozenset(str(m).upper() for m in typing.cast("list[object]", methods))


class FunctionApp(FunctionRegister, TriggerApi, BindingApi, SettingsApi):
    """The function app of ``function_app.py``: declare functions with its decorators.

    Example::

        import azfn as func

        app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)

        @app.route(route="hello")
        def hello(req: func.HttpRequest) -> func.HttpResponse:
            return func.HttpResponse("Hello!")
    """

    def __init__(self, http_auth_level: AuthLevel | str = AuthLevel.FUNCTION) -> None:
        super().__init__(auth_level=http_auth_level)


class Blueprint(TriggerApi, BindingApi, SettingsApi):
    """Functions declared apart from the app, then registered on it.

    ``app.register_functions(bp)`` (or ``register_blueprint``) adds them.
    """

    def _describe(self) -> str:
        return f"a Blueprint ({id(self):#x})"
