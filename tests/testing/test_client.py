"""The test client end to end: HTTP through the host's rules, and invoke()."""

from __future__ import annotations

import asyncio
import json
import logging
import os
from typing import TYPE_CHECKING

import pytest

import azfn as func
from azfn.host import UnknownFunctionError
from azfn.testing import Client
from azfn.testing import Response

if TYPE_CHECKING:
    from pathlib import Path


def echo(req: func.HttpRequest) -> func.HttpResponse:
    """Return what the function saw, as JSON."""
    return func.HttpResponse.json(
        {
            "method": req.method,
            "url": req.url,
            "headers": dict(req.headers),
            "params": dict(req.params),
            "route": dict(req.route_params),
            "body": req.get_body().decode(),
        }
    )


@pytest.fixture
def client(app: func.FunctionApp) -> Client:
    app.route("items/{id:int}", methods=["GET", "POST"])(echo)

    @app.route("hello")
    def hello(req: func.HttpRequest) -> str:
        logging.getLogger("hello").info("greeting %s", req.params.get("name"))
        return f"Hello, {req.params.get('name', 'world')}!"

    return Client(app)


# --- routing and results ---------------------------------------------------------------------


def test_get_with_route_params_and_query(client: Client) -> None:
    """host-semantics §A3.1/§A3.5: route values as strings, query parsed, url has the query."""
    resp = client.get("/api/items/42", query={"q": "x"})
    assert resp.status_code == 200
    assert resp.function == "echo"
    seen = resp.get_json()
    assert isinstance(seen, dict)
    assert seen["route"] == {"id": "42"}
    assert seen["params"] == {"q": "x"}
    assert seen["url"] == "http://localhost:7071/api/items/42?q=x"


def test_str_result_is_200_text_plain(client: Client) -> None:
    """host-semantics §A2.3: a returned str is 200 text/plain; charset=utf-8."""
    resp = client.get("/api/hello?name=Ada")
    assert (resp.status_code, resp.text) == (200, "Hello, Ada!")
    assert resp.headers["content-type"] == "text/plain; charset=utf-8"
    assert resp.mimetype == "text/plain"


def test_unknown_route_is_404_not_an_exception(client: Client) -> None:
    """host-semantics §A3.2: no route matches -> 404 with an empty body."""
    resp = client.get("/api/nothing/here")
    assert (resp.status_code, resp.get_body(), resp.function, resp.invocation) == (
        404,
        b"",
        None,
        None,
    )


def test_method_mismatch_and_failed_constraint_are_404(client: Client) -> None:
    """host-semantics §A3.2: a disallowed method or a failed constraint is 404, never 405."""
    assert client.delete("/api/items/1").status_code == 404
    assert client.get("/api/items/abc").status_code == 404


def test_homepage(client: Client, app: func.FunctionApp) -> None:
    """host-semantics §A3.2: GET / serves the homepage (200 text/html), 204 when disabled."""
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    disabled = Client(app, settings={"AzureWebJobsDisableHomepage": "true"})
    assert disabled.get("/").status_code == 204
    assert client.post("/").status_code == 404


def test_http_response_status_headers_and_cookies(app: func.FunctionApp) -> None:
    """host-semantics §A2.3: an HttpResponse's status, headers and body are as given; cookies set."""

    @app.route("login", methods=["POST"])
    def login(req: func.HttpRequest) -> func.HttpResponse:
        resp = func.HttpResponse("created", status_code=201, headers={"X-Id": "7"})
        resp.set_cookie("sid", "abc", httponly=True)
        return resp

    resp = Client(app).post("/api/login")
    assert resp.status_code == 201
    assert resp.headers["x-id"] == "7"
    assert resp.cookies == {"sid": "abc"}
    assert resp.headers.getlist("set-cookie") == ["sid=abc; HttpOnly; Path=/"]
    assert resp.text == "created"


def test_json_envelope_string(app: func.FunctionApp) -> None:
    """host-semantics §A2.3: a JSON string with a `body` key is a response envelope."""

    @app.route("gone")
    def gone(req: func.HttpRequest) -> str:
        return json.dumps({"body": "not here", "status": 404})

    resp = Client(app).get("/api/gone")
    assert (resp.status_code, resp.text) == (404, "not here")
    assert resp.function == "gone"


def test_function_exception_is_raised_into_the_test(app: func.FunctionApp) -> None:
    """host-semantics §A2.2: by default the function's exception reaches the test."""

    @app.route("boom")
    def boom(req: func.HttpRequest) -> str:
        raise LookupError("no such item")

    with pytest.raises(LookupError, match="no such item"):
        Client(app).get("/api/boom")


def test_function_exception_is_500_without_raise_exceptions(app: func.FunctionApp) -> None:
    """host-semantics §A2.2/§A3.2: a failing function is a 500 with an empty body."""

    @app.route("boom")
    def boom(req: func.HttpRequest) -> str:
        raise LookupError("no such item")

    resp = Client(app, raise_exceptions=False).get("/api/boom")
    assert (resp.status_code, resp.get_body()) == (500, b"")
    assert resp.invocation is not None
    assert isinstance(resp.invocation.exception, LookupError)


def test_unencodable_results_are_500(app: func.FunctionApp) -> None:
    """host-semantics §A2.3: v2 `return None` and bytes are 500 (raised by default)."""

    @app.route("nothing")
    def nothing(req: func.HttpRequest) -> func.HttpResponse:
        return None  # type: ignore[return-value]

    @app.route("raw")
    def raw(req: func.HttpRequest) -> func.HttpResponse:
        return b"bytes"  # type: ignore[return-value]

    lenient = Client(app, raise_exceptions=False)
    assert lenient.get("/api/nothing").status_code == 500
    assert lenient.get("/api/raw").status_code == 500
    with pytest.raises(TypeError, match="unable to encode"):
        Client(app).get("/api/raw")


def test_head_has_no_body(client: Client) -> None:
    """host-semantics §A3.2: HEAD is routed like any method; the server sends no body."""
    resp = client.head("/api/hello")
    assert resp.status_code == 200
    assert resp.get_body() == b""
    assert resp.headers["content-length"] == str(len("Hello, world!"))


def test_route_precedence_and_overlap_warnings(
    app: func.FunctionApp, caplog: pytest.LogCaptureFixture
) -> None:
    """host-semantics §A3.4: function-name order wins; overlaps are exposed and logged."""

    @app.route("items/recent")
    def recent(req: func.HttpRequest) -> str:
        return "recent"

    @app.route("items/{id}")
    def details(req: func.HttpRequest) -> str:
        return "details"

    with caplog.at_level(logging.WARNING, logger="azfn"):
        client = Client(app)
    assert client.get("/api/items/recent").text == "details"
    (warning,) = client.warnings
    assert "'details' gets it" in warning
    assert warning in caplog.messages


def test_route_prefix_override(app: func.FunctionApp) -> None:
    """host-semantics §A3.1: the prefix comes from host.json; '' removes it."""
    app.route("items/{id:int}")(echo)
    client = Client(app, route_prefix="")
    assert client.get("/items/1").status_code == 200
    assert client.get("/api/items/1").status_code == 404


# --- the request the function sees -----------------------------------------------------------


def test_request_canonicalisation(client: Client) -> None:
    """host-semantics §A3.5: lower-case headers, repeats joined, empty query values dropped."""
    resp = client.post(
        "/api/items/7?a=&b=1&b=2",
        headers=[("X-Tag", "one"), ("x-tag", "two")],
        body=b"raw",
    )
    seen = resp.get_json()
    assert isinstance(seen, dict)
    assert seen["headers"]["x-tag"] == "one,two"
    assert seen["headers"]["content-length"] == "3"
    assert seen["params"] == {"b": "1,2"}
    assert seen["url"].endswith("/api/items/7?a=&b=1&b=2")
    assert seen["body"] == "raw"
    assert seen["method"] == "POST"


def test_json_form_and_files(app: func.FunctionApp) -> None:
    """host-semantics §A3.5: the raw body reaches the function; json/form/files parse as sent."""

    @app.route("upload", methods=["POST"])
    def upload(req: func.HttpRequest) -> func.HttpResponse:
        if req.headers.get("content-type", "").startswith("application/json"):
            return func.HttpResponse.json(req.get_json())
        files = {
            name: (f.filename, f.read().decode(), f.content_type) for name, f in req.files.items()
        }
        return func.HttpResponse.json({"form": dict(req.form), "files": files})

    client = Client(app)
    assert client.post("/api/upload", json={"a": [1, 2]}).get_json() == {"a": [1, 2]}
    assert client.post("/api/upload", form={"x": "1"}).get_json() == {
        "form": {"x": "1"},
        "files": {},
    }
    resp = client.post(
        "/api/upload",
        form={"title": "Holiday"},
        files={"photo": ("a.txt", b"hello"), "raw": b"data", "typed": ("b.bin", b"x", "image/png")},
    )
    assert resp.get_json() == {
        "form": {"title": "Holiday"},
        "files": {
            "photo": ["a.txt", "hello", "text/plain"],
            "raw": ["raw", "data", "application/octet-stream"],
            "typed": ["b.bin", "x", "image/png"],
        },
    }


def test_conflicting_body_arguments_are_a_clear_error(client: Client) -> None:
    """host-semantics §A3.5: one body per request; azfn refuses ambiguous ones."""
    with pytest.raises(TypeError, match="only one of body=, json="):
        client.post("/api/items/1", json={}, body=b"x")


def test_cookies_are_sent(app: func.FunctionApp) -> None:
    """host-semantics §A3.5: cookies travel in the Cookie header."""

    @app.route("who")
    def who(req: func.HttpRequest) -> str:
        return req.cookies.get("sid", "-")

    assert Client(app).get("/api/who", cookies={"sid": "abc"}).text == "abc"


def test_logs_and_invocation_on_the_response(client: Client) -> None:
    """host-semantics §A2.2: each request's invocation carries its logs and context."""
    resp = client.get("/api/hello", query={"name": "Ada"})
    assert resp.invocation is not None
    assert [r.getMessage() for r in resp.invocation.logs] == ["greeting Ada"]
    assert resp.invocation.context.function_name == "hello"


def test_settings_are_environment_variables_during_the_request(app: func.FunctionApp) -> None:
    """host-semantics §A4.3: settings are visible in os.environ while the function runs."""

    @app.route("setting")
    def setting(req: func.HttpRequest) -> str:
        return os.environ.get("GREETING", "-")

    client = Client(app, settings={"GREETING": "hey"})
    assert client.get("/api/setting").text == "hey"
    assert "GREETING" not in os.environ


# --- auth --------------------------------------------------------------------------------------


@pytest.fixture
def secured() -> func.FunctionApp:
    app = func.FunctionApp()  # function-level auth by default

    @app.route("private")
    def private(req: func.HttpRequest) -> str:
        return "code=" + req.params.get("code", "-")

    @app.route("ops", auth_level=func.AuthLevel.ADMIN)
    def admin_only(req: func.HttpRequest) -> str:
        return "admin"

    @app.route("public", auth_level=func.AuthLevel.ANONYMOUS)
    def public(req: func.HttpRequest) -> str:
        return "public"

    return app


def test_auth_is_off_by_default(secured: func.FunctionApp) -> None:
    """host-semantics §A3.3: Core Tools bypasses auth unless asked to enforce it."""
    assert Client(secured).get("/api/private").status_code == 200


def test_enforced_auth(secured: func.FunctionApp) -> None:
    """host-semantics §A3.3: keys via x-functions-key or code; 401 with an empty body otherwise."""
    client = Client(secured, enforce_auth=True, function_keys={"private": "k1"}, master_key="m")
    denied = client.get("/api/private")
    assert (denied.status_code, denied.get_body(), denied.invocation) == (401, b"", None)
    assert client.get("/api/private", headers={"x-functions-key": "k1"}).status_code == 200
    ok = client.get("/api/private", query={"code": "k1"})
    assert ok.text == "code=k1"  # `code` stays in req.params
    assert client.get("/api/ops", query={"code": "k1"}).status_code == 401
    assert client.get("/api/ops", query={"code": "m"}).status_code == 200
    assert client.get("/api/public").status_code == 200


# --- invoke ------------------------------------------------------------------------------------


@pytest.fixture
def queue_app(app: func.FunctionApp) -> func.FunctionApp:
    @app.queue_trigger("msg", queue_name="orders", connection="Storage")
    @app.queue_output("out", queue_name="receipts", connection="Storage")
    def process_order(msg: func.QueueMessage, out: func.Out[str]) -> None:
        logging.getLogger("orders").warning("order %s", msg.get_json()["id"])
        out.set(f"receipt for {msg.get_json()['id']}")

    return app


def test_invoke_by_binding_name(queue_app: func.FunctionApp) -> None:
    """host-semantics §A2.2: inputs by binding name; Out values captured, logs collected."""
    inv = Client(queue_app).invoke("process_order", msg=json.dumps({"id": 7}))
    assert inv.outputs == {"out": "receipt for 7"}
    assert inv.return_value is None
    assert [r.getMessage() for r in inv.logs] == ["order 7"]
    assert inv.context.function_name == "process_order"
    assert inv.exception is None


def test_invoke_unknown_function_lists_the_functions(queue_app: func.FunctionApp) -> None:
    """host-semantics §A4.1: an unknown function is an error naming the real ones."""
    with pytest.raises(UnknownFunctionError, match="process_order"):
        Client(queue_app).invoke("nope", msg="x")


def test_invoke_http_function_directly(client: Client) -> None:
    """host-semantics §A2.2: an HTTP function can be invoked with an HttpRequest; $return captured."""
    request = func.HttpRequest("GET", "http://localhost/api/hello?name=Bo", body=b"")
    inv = client.invoke("hello", req=request)
    assert inv.return_value == "Hello, Bo!"
    assert inv.outputs["$return"] == "Hello, Bo!"


def test_invoke_exception_kept_when_not_raising(app: func.FunctionApp) -> None:
    """host-semantics §A2.2: the failure is on the result when raise_exceptions=False."""

    @app.queue_trigger("msg", queue_name="q", connection="c")
    def fails(msg: func.QueueMessage) -> None:
        raise ValueError("bad message")

    inv = Client(app, raise_exceptions=False).invoke("fails", msg="x")
    assert isinstance(inv.exception, ValueError)
    with pytest.raises(ValueError, match="bad message"):
        Client(app).invoke("fails", msg="x")


# --- async -------------------------------------------------------------------------------------


def test_async_variants(app: func.FunctionApp) -> None:
    """host-semantics §A2.2: async functions are awaited; the client has awaitable methods."""

    @app.route("slow")
    async def slow(req: func.HttpRequest) -> str:
        await asyncio.sleep(0)
        return "done"

    @app.queue_trigger("msg", queue_name="q", connection="c")
    async def consume(msg: func.QueueMessage) -> None:
        await asyncio.sleep(0)

    client = Client(app)
    assert client.get("/api/slow").text == "done"

    async def main() -> tuple[Response, object]:
        resp = await client.aget("/api/slow")
        inv = await client.ainvoke("consume", msg="x")
        return resp, inv.exception

    resp, exception = asyncio.run(main())
    assert resp.text == "done"
    assert exception is None


def test_sync_call_inside_an_event_loop_points_at_the_async_api(app: func.FunctionApp) -> None:
    """host-semantics §A2.2: an async function cannot be driven synchronously inside a loop."""

    @app.route("slow")
    async def slow(req: func.HttpRequest) -> str:
        return "done"

    client = Client(app)

    async def main() -> None:
        client.get("/api/slow")

    with pytest.raises(RuntimeError, match="async"):
        asyncio.run(main())


# --- WSGI / ASGI -------------------------------------------------------------------------------


def test_wsgi_app_through_the_same_path() -> None:
    """host-semantics §A3.1: a WSGI app is one catch-all function, routed like any other."""

    def wsgi_app(environ: dict[str, object], start_response: object) -> list[bytes]:
        body = f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']} {environ['QUERY_STRING']}"
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-App", "wsgi")])  # type: ignore[operator]
        return [body.encode()]

    app = func.WsgiFunctionApp(app=wsgi_app, http_auth_level=func.AuthLevel.ANONYMOUS)
    resp = Client(app).post("/api/things/1?x=2")
    assert resp.status_code == 201
    assert resp.headers["x-app"] == "wsgi"
    assert resp.text == "POST /api/things/1 x=2"


def test_asgi_app_through_the_same_path() -> None:
    """host-semantics §A3.1: an ASGI app is one catch-all function, routed like any other."""

    async def asgi_app(scope: dict[str, object], receive: object, send: object) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()  # type: ignore[operator]
                kind = f"{message['type']}.complete"
                await send({"type": kind})  # type: ignore[operator]
                if message["type"] == "lifespan.shutdown":
                    return
        body = json.dumps({"path": scope["path"], "method": scope["method"]}).encode()
        await send({"type": "http.response.start", "status": 200,  # type: ignore[operator]
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})  # type: ignore[operator]

    app = func.AsgiFunctionApp(app=asgi_app, http_auth_level=func.AuthLevel.ANONYMOUS)
    client = Client(app)
    assert client.get("/api/a/b").get_json() == {"path": "/api/a/b", "method": "GET"}

    async def main() -> Response:
        return await client.aget("/api/c")

    assert asyncio.run(main()).get_json() == {"path": "/api/c", "method": "GET"}


# --- what a client accepts ------------------------------------------------------------------------


def test_blueprint_alone() -> None:
    """host-semantics §A1.1: a Blueprint can be tested without its app."""
    bp = func.Blueprint()

    @bp.route("bp")
    def from_blueprint(req: func.HttpRequest) -> str:
        return "bp"

    client = Client(bp)
    assert client.functions == ("from_blueprint",)
    assert client.get("/api/bp").text == "bp"


def test_project_folder(tmp_path: Path) -> None:
    """host-semantics §A1.1/§A3.1: a folder with function_app.py and host.json's routePrefix."""
    (tmp_path / "function_app.py").write_text(
        "import azfn as func\n"
        "app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)\n"
        "@app.route('ping')\n"
        "def ping(req: func.HttpRequest) -> str:\n"
        "    return 'pong'\n"
    )
    (tmp_path / "host.json").write_text(
        json.dumps({"version": "2.0", "extensions": {"http": {"routePrefix": "v1"}}})
    )
    client = Client(tmp_path)
    assert client.get("/v1/ping").text == "pong"


def test_client_repr_and_routes(client: Client) -> None:
    """host-semantics §A3.4: the client lists its routes in the order they are tried."""
    assert client.routes == (
        ("echo", "api/items/{id:int}", ("GET", "POST")),
        ("hello", "api/hello", ()),
    )
    assert "echo" in repr(client)


def test_http_function_with_an_input_binding_and_binding_paths(app: func.FunctionApp) -> None:
    """host-semantics §A7.1: route values resolve `{id}` in other bindings' paths."""

    @app.route("items/{id}")
    @app.blob_input("doc", path="items/{id}.json", connection="Storage")
    def item(req: func.HttpRequest, doc: func.InputStream) -> str:
        return doc.read().decode()

    client = Client(app)
    resp = client.get("/api/items/7", inputs={"doc": b'{"n": 7}'})
    assert resp.text == '{"n": 7}'
    assert resp.invocation is not None
    assert resp.invocation.binding_paths["doc"]["path"] == "items/7.json"


def test_the_context_the_function_saw_is_the_invocations(app: func.FunctionApp) -> None:
    """host-semantics §A2.2: a fresh invocation id per invocation, reported on the result."""
    seen: list[func.Context] = []

    @app.queue_trigger("msg", queue_name="q", connection="C")
    def with_context(msg: func.QueueMessage, context: func.Context) -> None:
        seen.append(context)

    client = Client(app)
    first = client.invoke("with_context", msg="a")
    second = client.invoke("with_context", msg="b")
    assert [first.context, second.context] == seen
    assert first.context.invocation_id != second.context.invocation_id


def test_a_context_is_there_even_when_the_function_takes_none(
    queue_app: func.FunctionApp,
) -> None:
    inv = Client(queue_app).invoke("process_order", msg='{"id": 1}')
    assert inv.context.function_name == "process_order"
    assert inv.context.invocation_id == inv.context.invocation_id  # made once
    assert inv.context.retry_context.retry_count == 0


def test_closing_the_client_restores_the_root_logger(queue_app: func.FunctionApp) -> None:
    """While open the root logger is at the worker's INFO; closing restores it."""
    import gc

    from azfn.host._logs import handler_attached

    gc.collect()  # clients of earlier tests kept alive by tracebacks let go
    assert not handler_attached()
    root = logging.getLogger()
    before = root.level
    root.setLevel(logging.WARNING)
    try:
        with Client(queue_app) as client:
            client.invoke("process_order", msg='{"id": 1}')
            assert handler_attached()
            assert root.level == logging.INFO
            inv = client.invoke("process_order", msg='{"id": 2}')
            assert [r.getMessage() for r in inv.logs] == ["order 2"]
        assert root.level == logging.WARNING
        assert not handler_attached()
        client.invoke("process_order", msg='{"id": 3}')  # a closed client reopens
        client.close()
        assert not handler_attached()
    finally:
        root.setLevel(before)


def test_invocations_log_at_info_even_if_the_root_level_was_raised() -> None:
    """caplog.set_level(WARNING) while a client is open: invocations still capture INFO."""
    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="q", connection="C")
    def chatty(msg: func.QueueMessage) -> None:
        logging.getLogger("chatty").info("info line")

    root = logging.getLogger()
    before = root.level
    with Client(app) as client:
        client.invoke("chatty", msg="warm up")
        root.setLevel(logging.WARNING)
        try:
            inv = client.invoke("chatty", msg="x")
            assert [r.getMessage() for r in inv.logs] == ["info line"]
            assert root.level == logging.WARNING  # put back after the invocation
        finally:
            root.setLevel(before)


def test_the_recorder_keeps_the_last_calls(queue_app: func.FunctionApp) -> None:
    """Failure reports stay short: a property test's hundreds of calls are cut to the last."""
    from azfn.testing._recorder import Recorder

    client = Client(queue_app)
    with Recorder() as recorder:
        for n in range(Recorder.KEEP + 3):
            client.invoke("process_order", msg=json.dumps({"id": n}))
        client.get("/api/nowhere")
    assert len(recorder.entries) == Recorder.KEEP
    assert recorder.dropped == 4
    report = recorder.report()
    assert report.startswith("(4 earlier invocations not shown)")
    assert "(no function): GET /api/nowhere\n  -> 404" in report
    assert "WARNING  orders: order 12" in report
    client.invoke("process_order", msg='{"id": 99}')  # the recorder is no longer active
    assert len(recorder.entries) == Recorder.KEEP
