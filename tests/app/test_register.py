"""FunctionApp, Blueprint and FunctionRegister: registration semantics."""

from __future__ import annotations

import json

import pytest

import azfn as func
from azfn.errors import IntegrationUnavailableError


def _names(app: func.FunctionRegister) -> list[str]:
    return [f.get_function_name() for f in app.get_functions()]


def _bindings(fn: func.FunctionBuilder[..., object]) -> list[str]:
    return [b.name for b in fn.build().get_bindings()]


def test_decorators_attach_to_the_function_they_decorate(app: func.FunctionApp) -> None:
    """A decorator applied late attaches to its own function, not the last one defined.

    The reference pops "the last builder" (anchor-inventory §3.5 bug 2).
    """

    @app.route()
    def first(req: object, out) -> None: ...

    @app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *")
    def second(timer: object) -> None: ...

    decorated = app.queue_output(arg_name="out", queue_name="q", connection="c")(first)
    assert decorated is first
    assert _bindings(first) == ["req", "$return", "out"]
    assert _bindings(second) == ["timer"]


def test_bindings_are_listed_bottom_up(app: func.FunctionApp) -> None:
    """Bindings appear in the order the decorators were applied (anchor §3.3)."""

    @app.route()
    @app.queue_output(arg_name="out", queue_name="q", connection="c")
    def hello(req: object, out) -> None: ...

    assert _bindings(hello) == ["out", "req", "$return"]


def test_function_name_may_sit_anywhere(app: func.FunctionApp) -> None:
    """@function_name renames the function and its default route in any position."""

    @app.route()
    @app.function_name("Renamed")
    def below(req: object) -> None: ...

    @app.function_name("Other")
    @app.route()
    def above(req: object) -> None: ...

    routes = {
        f.get_function_name(): json.loads(f.get_raw_bindings()[0])["route"]
        for f in app.get_functions()
    }
    assert routes == {"Renamed": "Renamed", "Other": "Other"}


def test_get_functions_is_idempotent(app: func.FunctionApp) -> None:
    """Asking twice gives the same answer (the reference raises the second time)."""

    @app.route()
    def hello(req: object) -> None: ...

    first = app.get_functions()
    second = app.get_functions()
    assert first == second
    assert [f.get_function_json() for f in first] == [f.get_function_json() for f in second]


def test_blueprint_functions_added_after_registration_are_included(app: func.FunctionApp) -> None:
    """A blueprint is read when the app is indexed, not copied when registered."""
    bp = func.Blueprint()

    @bp.route()
    def early(req: object) -> None: ...

    app.register_functions(bp)

    @bp.route()
    def late(req: object) -> None: ...

    assert _names(app) == ["early", "late"]


def test_blueprint_in_two_apps_keeps_each_apps_auth_level() -> None:
    """Building for one app does not leak its auth level into another (anchor §3.5 bug 3)."""
    bp = func.Blueprint()

    @bp.route()
    def hello(req: object) -> None: ...

    anonymous = func.FunctionApp(http_auth_level="anonymous")
    admin = func.FunctionApp(http_auth_level=func.AuthLevel.ADMIN)
    anonymous.register_blueprint(bp)
    admin.register_blueprint(bp)
    levels = [
        json.loads(a.get_functions()[0].get_raw_bindings()[0])["authLevel"]
        for a in (anonymous, admin, anonymous)
    ]
    assert levels == ["ANONYMOUS", "ADMIN", "ANONYMOUS"]


def test_blueprint_alone_builds_without_auth_level() -> None:
    """A blueprint function built on its own has no authLevel, like the reference."""
    bp = func.Blueprint()

    @bp.route()
    def hello(req: object) -> None: ...

    assert hello.build().get_function_json() == (
        '{"scriptFile": "function_app.py", "bindings": [{"direction": "IN", '
        '"type": "httpTrigger", "name": "req", "route": "hello"}, '
        '{"direction": "OUT", "type": "http", "name": "$return"}]}'
    )


def test_registering_a_blueprint_twice_is_an_error(app: func.FunctionApp) -> None:
    """Double registration is refused up front, with a clear message."""
    bp = func.Blueprint()
    app.register_functions(bp)
    with pytest.raises(func.RegistrationError, match="already registered"):
        app.register_blueprint(bp)


def test_an_app_cannot_be_registered_on_an_app(app: func.FunctionApp) -> None:
    """Registering a FunctionRegister raises TypeError, as in the reference."""
    with pytest.raises(TypeError, match="can not be type of FunctionRegister"):
        app.register_functions(func.FunctionApp())


def test_mixing_containers_on_one_function_is_an_error(app: func.FunctionApp) -> None:
    """An app decorator on a blueprint function is refused (the reference moves the binding)."""
    bp = func.Blueprint()

    with pytest.raises(func.RegistrationError, match="Blueprint"):

        @app.queue_output(arg_name="out", queue_name="q", connection="c")
        @bp.route()
        def hello(req: object, out) -> None: ...


@pytest.mark.parametrize("level", ["anonymous", "ANONYMOUS", "Anonymous", func.AuthLevel.ANONYMOUS])
def test_app_auth_level_accepts_any_case(level: str) -> None:
    """FunctionApp(http_auth_level=...) parses strings case-insensitively (anchor §3.5 bug 7)."""
    assert func.FunctionApp(http_auth_level=level).auth_level is func.AuthLevel.ANONYMOUS


def test_app_auth_level_rejects_unknown_values() -> None:
    """An unknown app auth level names the allowed values."""
    with pytest.raises(func.RegistrationError, match="'FUNCTION', 'ANONYMOUS', 'ADMIN'"):
        func.FunctionApp(http_auth_level="public")


def test_validate_reports_every_problem_without_raising(app: func.FunctionApp) -> None:
    """validate() returns all problems, across functions, each naming its function."""

    @app.route(methods=["FETCH"])
    def bad_method(req: object) -> None: ...

    @app.queue_output(arg_name="out", queue_name="q", connection="c")
    def no_trigger(out) -> None: ...

    @app.route()
    def fine(req: object) -> None: ...

    problems = app.validate()
    assert {p.function for p in problems} == {"bad_method", "no_trigger"}
    with pytest.raises(func.FunctionLoadError) as raised:
        app.get_functions()
    assert raised.value.problems == tuple(problems)
    assert "2 problems" in str(raised.value)


def test_durable_decorators_say_the_integration_is_missing(app: func.FunctionApp) -> None:
    """Durable decorators raise a clear IntegrationUnavailableError."""
    with pytest.raises(IntegrationUnavailableError, match=r"[Dd]urable"):
        app.orchestration_trigger(context_name="context")
