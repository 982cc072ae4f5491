"""The host's route table: prefix, templates, methods, precedence, overlaps, auth."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import azfn as func
from azfn._routing import RouteTemplate
from azfn.host._model import BindingInfo
from azfn.host._router import Route
from azfn.host._router import Router
from azfn.host._router import authorize
from azfn.host._router import decode_path
from azfn.host._router import route_for


@dataclasses.dataclass(frozen=True)
class Fn:
    """The two things the router reads of a FunctionInfo."""

    name: str
    trigger: BindingInfo


def functions_of(app: func.FunctionApp) -> list[Fn]:
    result = []
    for function in app.get_functions():
        trigger = function.get_trigger()
        assert trigger is not None
        result.append(
            Fn(function.get_function_name(), BindingInfo.from_metadata(trigger.to_metadata()))
        )
    return result


def router_of(app: func.FunctionApp, prefix: str = "api") -> Router:
    return Router.for_functions(functions_of(app), prefix)


def handler(req: func.HttpRequest) -> str:
    return "ok"


def add(app: func.FunctionApp, name: str, route: str | None = None, **kwargs: object) -> None:
    app.function_name(name)(app.route(route, **kwargs)(handler))  # type: ignore[arg-type]


def test_default_route_is_function_name_under_api(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: the default route is the function name, prefix 'api'."""
    add(app, "Hello")
    router = router_of(app)
    assert [r.pattern for r in router.routes] == ["api/Hello"]
    match = router.match("GET", "/api/hello")
    assert match is not None
    assert match.route.function == "Hello"
    assert router.match("GET", "/hello") is None


@pytest.mark.parametrize(
    ("prefix", "path"), [("", "/items"), ("v1/", "/v1/items"), ("/x/y", "/x/y/items")]
)
def test_route_prefix(app: func.FunctionApp, prefix: str, path: str) -> None:
    """host-semantics §A3.1: host.json routePrefix, '' removes it, '/' trimmed."""
    add(app, "items", "items")
    match = router_of(app, prefix).match("GET", path)
    assert match is not None
    assert match.route.function == "items"


def test_route_values_are_strings_and_constraints_filter(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: constraints filter; matched values are passed as strings."""
    add(app, "item", "items/{id:int:min(1)}")
    router = router_of(app)
    match = router.match("GET", "/api/items/42")
    assert match is not None
    assert match.params == {"id": "42"}
    assert router.match("GET", "/api/items/0") is None
    assert router.match("GET", "/api/items/abc") is None


def test_optional_default_and_catch_all(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: absent optionals omitted, defaults included, catch-all takes the rest."""
    add(app, "a", "opt/{id?}")
    add(app, "b", "def/{page=1}")
    add(app, "c", "files/{*path}")
    router = router_of(app)
    assert router.match("GET", "/api/opt").params == {}  # type: ignore[union-attr]
    assert router.match("GET", "/api/def").params == {"page": "1"}  # type: ignore[union-attr]
    assert router.match("GET", "/api/files/a/b.txt").params == {"path": "a/b.txt"}  # type: ignore[union-attr]


def test_literals_match_case_insensitively(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: literal segments match case-insensitively."""
    add(app, "items", "Items/Recent")
    assert router_of(app).match("GET", "/API/items/RECENT") is not None


def test_path_decoding_keeps_encoded_slash() -> None:
    """host-semantics §A3.1: values are URL-decoded by ASP.NET, except an encoded '/'."""
    assert decode_path("/api/a%20b") == "/api/a b"
    assert decode_path("/api/a%2Fb%2f") == "/api/a%2Fb%2f"


def test_method_mismatch_does_not_match(app: func.FunctionApp) -> None:
    """host-semantics §A3.2: a method outside `methods` falls through (404, never 405)."""
    add(app, "items", "items", methods=[func.HttpMethod.POST])
    router = router_of(app)
    assert router.match("POST", "/api/items") is not None
    assert router.match("post", "/api/items") is not None
    assert router.match("GET", "/api/items") is None


def test_head_is_not_implied_by_get(app: func.FunctionApp) -> None:
    """host-semantics §A3.2: HEAD is not implied by GET."""
    add(app, "items", "items", methods=["GET"])
    assert router_of(app).match("HEAD", "/api/items") is None


def test_no_methods_means_all(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: no methods means all methods."""
    add(app, "items", "items")
    assert all(router_of(app).match(m, "/api/items") for m in ("GET", "DELETE", "PURGE"))


def test_precedence_is_case_insensitive_function_name_order(app: func.FunctionApp) -> None:
    """host-semantics §A3.4: first match in case-insensitive function-name order wins."""
    add(app, "recent", "items/recent")
    add(app, "Details", "items/{id}")
    router = router_of(app)
    assert [r.function for r in router.routes] == ["Details", "recent"]
    assert router.match("GET", "/api/items/recent").route.function == "Details"  # type: ignore[union-attr]


def test_a_method_mismatch_falls_through_to_the_next_route(app: func.FunctionApp) -> None:
    """host-semantics §A3.2/§A3.4: routes whose methods exclude the request are skipped."""
    add(app, "a_post", "items/{id}", methods=["POST"])
    add(app, "b_get", "items/{id}", methods=["GET"])
    assert router_of(app).match("GET", "/api/items/1").route.function == "b_get"  # type: ignore[union-attr]


def test_overlapping_routes_are_reported(app: func.FunctionApp) -> None:
    """host-semantics §A3.4: a warning names the overlapping routes and who wins."""
    add(app, "recent", "items/recent")
    add(app, "details", "items/{id}")
    (warning,) = router_of(app).warnings
    assert "'api/items/{id}' (function 'details')" in warning
    assert "'api/items/recent' (function 'recent')" in warning
    assert "/api/items/recent" in warning
    assert "'details' gets it" in warning


def test_constraints_and_methods_avoid_overlap_warnings(app: func.FunctionApp) -> None:
    """host-semantics §A3.4: the documented workaround (constraints) silences the warning."""
    add(app, "recent", "items/recent")
    add(app, "details", "items/{id:int}")
    add(app, "create", "orders", methods=["POST"])
    add(app, "list_orders", "orders/{id?}", methods=["GET"])
    add(app, "byname", "people/{name:alpha}")
    add(app, "byid", "people/{id:int}")
    assert router_of(app).warnings == ()


def test_catch_all_overlaps_everything(app: func.FunctionApp) -> None:
    """host-semantics §A3.4: a catch-all shadows the routes after it."""
    add(app, "aaa", "{*rest}")
    add(app, "zzz", "items/{id}/detail")
    (warning,) = router_of(app).warnings
    assert "'aaa' gets it" in warning


def test_non_http_functions_are_skipped(app: func.FunctionApp) -> None:
    """host-semantics §A3.4: only HTTP functions have routes."""
    add(app, "items", "items")

    @app.queue_trigger("msg", queue_name="q", connection="c")
    def worker(msg: func.QueueMessage) -> None: ...

    assert [r.function for r in router_of(app).routes] == ["items"]


def test_route_methods_and_auth_from_metadata() -> None:
    """host-semantics §A3.3: the auth level comes from the trigger (function by default)."""
    raw = {"type": "httpTrigger", "name": "req", "direction": "in", "methods": ["get", "Post"]}
    route = route_for(Fn("f", BindingInfo.from_metadata(raw)))
    assert route.methods == {"GET", "POST"}
    assert route.auth_level == "function"
    assert route.route == "f"  # v1 function.json without a route


def _route(level: str) -> Route:
    return Route("f", "f", RouteTemplate.parse("api/f"), None, level)


@pytest.mark.parametrize(
    ("level", "headers", "query", "allowed"),
    [
        ("anonymous", {}, {}, True),
        ("anonymous", {"x-functions-key": "wrong"}, {}, True),
        ("function", {}, {}, False),
        ("function", {"x-functions-key": "fkey"}, {}, True),
        ("function", {}, {"code": "fkey"}, True),
        ("function", {}, {"code": "master"}, True),
        ("function", {"x-functions-key": "wrong"}, {"code": "fkey"}, False),
        ("function", {}, {"code": "other-function-key"}, False),
        ("function", {}, {"code": "hostkey"}, True),
        ("admin", {}, {"code": "fkey"}, False),
        ("admin", {"x-functions-key": "master"}, {}, True),
    ],
)
def test_auth_keys(
    level: str, headers: dict[str, str], query: dict[str, str], allowed: bool
) -> None:
    """host-semantics §A3.3: header first then `code`; master is admin; function keys per function."""
    keys = {"f": "fkey", "g": "other-function-key", "*": ["hostkey"]}
    result = authorize(_route(level), headers, query, function_keys=keys, master_key="master")
    assert result is allowed


_SEGMENTS = ["a", "b", "{p#}", "{q#:int}", "{r#:alpha}"]
_LAST = [*_SEGMENTS, "{s#?}", "{*rest#}", "{t#=b}"]
_PIECES = ["a", "b", "1", "x", "A"]


@st.composite
def templates(draw: st.DrawFn) -> str:
    body = draw(st.lists(st.sampled_from(_SEGMENTS), max_size=3))
    parts = [*body, draw(st.sampled_from(_LAST))]
    return "/".join(p.replace("#", str(i)) for i, p in enumerate(parts))  # unique names


@settings(max_examples=300, deadline=None)
@given(
    templates(), templates(), st.lists(st.lists(st.sampled_from(_PIECES), max_size=5), max_size=20)
)
def test_overlap_detection_finds_shared_paths(
    first: str, second: str, paths: list[list[str]]
) -> None:
    """host-semantics §A3.4: if some path matches both routes, an overlap warning exists."""
    routes = [Route("a", first, RouteTemplate.parse(first), None, "anonymous"),
              Route("b", second, RouteTemplate.parse(second), None, "anonymous")]  # fmt: skip
    shared = [p for p in map("/".join, paths) if routes[0].template.match(p) is not None
              and routes[1].template.match(p) is not None]  # fmt: skip
    if shared:
        assert Router(routes).warnings, (first, second, shared)


@settings(max_examples=300, deadline=None)
@given(
    templates(),
    st.lists(st.lists(st.sampled_from([*_PIECES, "", "é", "B"]), max_size=5), max_size=10),
)
def test_fast_matcher_agrees_with_the_template(template: str, paths: list[list[str]]) -> None:
    """host-semantics §A3.1: the router's regex fast path matches exactly like ASP.NET's matcher."""
    router = Router(
        [Route("a", template, RouteTemplate.parse(f"api/{template}"), None, "anonymous")]
    )
    for pieces in paths:
        for path in ("api/" + "/".join(pieces), "/api/" + "/".join(pieces) + "/"):
            expected = router.routes[0].template.match(path)
            match = router.match("GET", path)
            assert (match.params if match else None) == expected, path
