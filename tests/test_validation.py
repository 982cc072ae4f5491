"""Index-time validation: the worker's and host's checks, reported all at once."""

from __future__ import annotations

from typing import Generic
from typing import TypeVar

import pytest

import azfn as func

T = TypeVar("T")


class Out(Generic[T]):
    """Stands in for azure.functions.Out: the worker checks the class name."""


class Context:
    """Stands in for azure.functions.Context."""


def _messages(app: func.FunctionApp) -> list[str]:
    return [p.message for p in app.validate()]


def _only(app: func.FunctionApp) -> str:
    (message,) = _messages(app)
    return message


def test_valid_app_has_no_problems(app: func.FunctionApp) -> None:
    """A correct app validates clean and indexes."""

    @app.route(route="items/{id:int}", methods=["GET"])
    @app.queue_output(arg_name="out", queue_name="q", connection="c")
    def get_item(req: object, out: Out[str], context: Context) -> str:
        return ""

    assert app.validate() == []
    assert len(app.get_functions()) == 1


@pytest.mark.parametrize("name", ["1abc", "host", "has space", "x" * 129])
def test_invalid_function_name(app: func.FunctionApp, name: str) -> None:
    """Host rule: names match ^[a-z][a-z0-9_-]{0,127}$ and are not 'host' (§A1.1)."""

    @app.function_name(name)
    @app.route(route="r")
    def hello(req: object) -> None: ...

    assert f"'{name}' is not a valid function name" in _only(app)


def test_missing_trigger(app: func.FunctionApp) -> None:
    """A function needs a trigger (anchor §3.4)."""

    @app.queue_output(arg_name="out", queue_name="q", connection="c")
    def hello(out: Out[str]) -> None: ...

    (problem,) = app.validate()
    assert problem.function == "hello"
    assert "does not have a trigger" in problem.message
    assert "cannot load the hello function" in str(problem)


def test_two_triggers(app: func.FunctionApp) -> None:
    """A function has exactly one trigger; both are named in the message."""

    @app.route()
    @app.queue_trigger(arg_name="msg", queue_name="q", connection="c")
    def hello(req: object, msg: object) -> None: ...

    message = _only(app)
    assert "2 triggers" in message
    assert "queueTrigger (msg)" in message
    assert "httpTrigger (req)" in message


def test_generic_trigger_type_must_end_with_trigger(app: func.FunctionApp) -> None:
    """The host only sees types ending in 'Trigger' as triggers (§A1.1)."""

    @app.generic_trigger(arg_name="req", type="custom")
    def hello(req: object) -> None: ...

    assert "No trigger binding specified" in _only(app)


@pytest.mark.parametrize("name", ["_req", "1req", "re__q", "re-q"])
def test_invalid_binding_name(app: func.FunctionApp, name: str) -> None:
    """Binding names start with a letter; no '__' (host 4.1038+ rule, §A1.1)."""
    app.queue_trigger(arg_name=name, queue_name="q", connection="c")(lambda **kw: None)
    assert any(f"The binding name {name} is invalid" in m for m in _messages(app))


def test_underscores_in_binding_names_are_fine(app: func.FunctionApp) -> None:
    """Single underscores are valid in current hosts."""

    @app.queue_trigger(arg_name="my_msg", queue_name="q", connection="c")
    def hello(my_msg: object) -> None: ...

    assert app.validate() == []


def test_duplicate_binding_names(app: func.FunctionApp) -> None:
    """Binding names are unique case-insensitively (§A1.1)."""

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="c")
    @app.queue_output(arg_name="Msg", queue_name="o", connection="c")
    def hello(msg: object, Msg: Out[str]) -> None: ...

    assert "Multiple bindings with name 'msg' discovered" in _only(app)


def test_return_binding_must_be_out(app: func.FunctionApp) -> None:
    """'$return' must be an output (§A2.1 step 1)."""

    @app.route()
    @app.generic_input_binding(arg_name="$return", type="blob")
    def hello(req: object) -> None: ...

    assert '"$return" binding must have direction set to "out"' in _messages(app)


def test_parameter_without_binding(app: func.FunctionApp) -> None:
    """Extra Python parameters are named, with the fix (§A2.1 step 4; W#1866)."""

    @app.route(route="items/{id}")
    def hello(req: object, id: str) -> None: ...

    message = _only(app)
    assert "declared in Python but not in function.json: {'id'}" in message
    assert "route_params" in message


def test_binding_without_parameter(app: func.FunctionApp) -> None:
    """Bindings that name no parameter are reported (§A2.1 step 4)."""

    @app.route()
    @app.queue_output(arg_name="nothere", queue_name="q", connection="c")
    def hello(req: object) -> None: ...

    assert "declared in function.json but not in Python: {'nothere'}" in _only(app)


def test_context_parameter_is_injected(app: func.FunctionApp) -> None:
    """A parameter named context without a binding is the invocation context (§A2.1 step 3)."""

    @app.route()
    def hello(req: object, context) -> None: ...  # type: ignore[no-untyped-def]

    @app.route()
    def typed(req: object, context: int) -> None: ...

    assert _messages(app) == [
        'the "context" parameter is expected to be of type azure.functions.Context, '
        "got <class 'int'>; annotate it as func.Context or leave it unannotated"
    ]


def test_out_annotations_must_match_direction(app: func.FunctionApp) -> None:
    """Out[...] goes with output bindings and only with them (§A2.1 step 5)."""

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="c")
    @app.queue_output(arg_name="out", queue_name="o", connection="c")
    def hello(msg: Out[str], out: str) -> None: ...

    messages = _messages(app)
    assert any('binding out is declared to have the "out" direction' in m for m in messages)
    assert any('binding msg is declared to have the "in" direction' in m for m in messages)


def test_return_annotation_must_not_be_out(app: func.FunctionApp) -> None:
    """The return annotation is never Out (§A2.1 step 6)."""

    @app.route()
    def hello(req: object) -> Out[str]: ...  # type: ignore[empty-body]

    assert "return annotation should not be azure.functions.Out" in _only(app)


def test_unresolvable_string_annotation(app: func.FunctionApp) -> None:
    """The worker resolves annotations; names it cannot resolve fail the load."""

    @app.route()
    def hello(req: "Missing") -> None: ...  # type: ignore[name-defined]  # noqa: F821, UP037

    assert "cannot be resolved (NameError" in _only(app)


def test_bad_enum_value_is_reported_not_raised(app: func.FunctionApp) -> None:
    """An unknown enum string is an index-time problem naming the allowed values."""

    @app.route(methods=["FETCH"], auth_level="public")
    def hello(req: object) -> None: ...

    messages = " ".join(_messages(app))
    assert "'FETCH' is not a valid HttpMethod" in messages
    assert "'public' is not a valid AuthLevel" in messages


def test_invalid_schedule(app: func.FunctionApp) -> None:
    """A schedule the host cannot parse is reported (§A5.1)."""

    @app.timer_trigger(arg_name="timer", schedule="every five minutes")
    def tick(timer: object) -> None: ...

    assert "was not recognized as a valid cron expression or timespan string" in _only(app)


def test_reserved_route_prefix(app: func.FunctionApp) -> None:
    """Routes starting with admin or runtime conflict with built-in routes (§A3.1)."""

    @app.route(route="administrator/users")
    def users(req: object) -> None: ...

    assert "conflicts with one or more built in routes" in _only(app)


def test_route_defaulting_to_a_reserved_name(app: func.FunctionApp) -> None:
    """The default route (the function name) is checked too."""

    @app.route()
    def admin(req: object) -> None: ...

    assert "built in routes" in _only(app)


def test_conflicting_routes(app: func.FunctionApp) -> None:
    """Equal routes with overlapping methods conflict; the later name fails (§A3.1)."""

    @app.route(route="items", methods=["GET", "POST"])
    def b_items(req: object) -> None: ...

    @app.route(route="/Items/", methods=["POST"])
    def a_items(req: object) -> None: ...

    @app.route(route="items", methods=["DELETE"])
    def c_items(req: object) -> None: ...

    (problem,) = app.validate()
    assert problem.function == "b_items"
    assert "conflicts with the route defined by function 'a_items'" in problem.message


def test_duplicate_function_names_point_at_both(app: func.FunctionApp) -> None:
    """Duplicate names name both definitions (user-asks §A3)."""
    bp = func.Blueprint()

    @app.route(route="one")
    def hello(req: object) -> None: ...

    @bp.function_name("hello")
    @bp.route(route="two")
    def other(req: object) -> None: ...

    app.register_functions(bp)
    message = _only(app)
    assert "does not have a unique function name" in message
    assert "test_validation.py" in message
    assert "(in a blueprint)" in message


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"strategy": "bogus", "max_retry_count": "3", "delay_interval": "00:00:01"}, "not one of"),
        (
            {"strategy": "fixed_delay", "max_retry_count": "x", "delay_interval": "00:00:01"},
            "whole number",
        ),
        ({"strategy": "fixed_delay", "max_retry_count": 3}, "needs delay_interval"),
        ({"strategy": "fixed_delay", "max_retry_count": 3, "delay_interval": "soon"}, "HH:MM:SS"),
        (
            {"strategy": "fixed_delay", "max_retry_count": 3, "delay_interval": "24:00:00"},
            "HH:MM:SS",
        ),
        (
            {
                "strategy": "exponential_backoff",
                "max_retry_count": 3,
                "minimum_interval": "00:01:00",
                "maximum_interval": "00:00:01",
            },
            "longer than maximum_interval",
        ),
    ],
)
def test_retry_policy_problems(
    app: func.FunctionApp, kwargs: dict[str, str], expected: str
) -> None:
    """Retry settings the worker cannot convert are reported (§A1.1 point 6, §A6.3)."""

    @app.retry(**kwargs)  # type: ignore[arg-type]
    @app.timer_trigger(arg_name="timer", schedule="0 */5 * * * *")
    def tick(timer: object) -> None: ...

    assert any(expected in m for m in _messages(app))


def test_every_problem_of_every_function_in_one_error(app: func.FunctionApp) -> None:
    """One FunctionLoadError lists all problems, grouped by function."""

    @app.route(methods=["FETCH"])
    def one(req: object, extra: object) -> None: ...

    @app.timer_trigger(arg_name="timer", schedule="nope")
    def two(timer: object) -> None: ...

    with pytest.raises(func.FunctionLoadError) as raised:
        app.get_functions()
    assert [p.function for p in raised.value.problems] == ["one", "one", "two"]
    assert isinstance(raised.value, ValueError)
