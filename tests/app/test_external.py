# pyright: strict
"""AsgiFunctionApp / WsgiFunctionApp: the reference's catch-all function, lifespan that works."""

from __future__ import annotations

import asyncio
import gc
import inspect
import json
import typing
from typing import TYPE_CHECKING

import pytest

import azfn as func
from azfn._app.external import AsgiFunctionApp
from azfn._app.external import ExternalHttpFunctionApp
from azfn._app.external import WsgiFunctionApp
from azfn._http_asgi import AsgiMiddleware
from azfn._http_wsgi import WsgiMiddleware
from azfn.context import Context
from azfn.http import HttpRequest
from azfn.http import HttpResponse

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Coroutine
    from collections.abc import Iterable

    from azfn._http_asgi import Receive
    from azfn._http_asgi import Scope
    from azfn._http_asgi import Send
    from azfn._http_wsgi import StartResponse
    from azfn._http_wsgi import WsgiEnviron

# What azure-functions 1.26.0 gives, captured from AsgiFunctionApp(app,
# http_auth_level=ANONYMOUS) and WsgiFunctionApp(app, function_name="custom").
REFERENCE_ASGI_JSON = (
    '{"scriptFile": "function_app.py", "bindings": [{"direction": "IN", "type": '
    '"httpTrigger", "name": "req", "methods": ["GET", "POST", "DELETE", "HEAD", '
    '"PATCH", "PUT", "OPTIONS"], "authLevel": "ANONYMOUS", "route": "/{*route}"}, '
    '{"direction": "OUT", "type": "http", "name": "$return"}]}'
)
REFERENCE_WSGI_JSON = REFERENCE_ASGI_JSON.replace("ANONYMOUS", "FUNCTION")


class LifespanApp:
    """A Starlette-like ASGI app that records its lifespan events and echoes state."""

    def __init__(self, *, fail_startup: bool = False, lifespan: bool = True) -> None:
        self.events: list[str] = []
        self.fail_startup = fail_startup
        self.lifespan = lifespan

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            if not self.lifespan:
                raise ValueError("lifespan is not supported")
            await receive()
            if self.fail_startup:
                await send({"type": "lifespan.startup.failed", "message": "no database"})
                return
            self.events.append("startup")
            state = typing.cast("dict[str, object]", scope["state"])
            state["ready"] = True
            await send({"type": "lifespan.startup.complete"})
            await receive()
            self.events.append("shutdown")
            await send({"type": "lifespan.shutdown.complete"})
            return
        await receive()
        state = typing.cast("dict[str, object]", scope.get("state") or {})
        body = json.dumps({"path": scope["path"], "ready": state.get("ready")})
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body.encode()})


def flask_like(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
    """A minimal WSGI app: echoes PATH_INFO, sets two cookies."""
    start_response(
        "200 OK",
        [("Content-Type", "text/plain"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")],
    )
    return [str(environ["PATH_INFO"]).encode()]


def _req(path: str = "/api/hello") -> HttpRequest:
    return HttpRequest("GET", f"https://example.com{path}", body=b"")


def _asgi_function(
    app: AsgiFunctionApp,
) -> Callable[[HttpRequest, Context], Coroutine[object, object, HttpResponse]]:
    [function] = [f for f in app.get_functions() if f.http_type == "asgi"]
    return typing.cast(
        "Callable[[HttpRequest, Context], Coroutine[object, object, HttpResponse]]",
        function.get_user_function(),
    )


# Metadata


def test_asgi_metadata_matches_the_reference() -> None:
    """AsgiFunctionApp registers the reference's catch-all function, byte for byte."""
    app = AsgiFunctionApp(LifespanApp(), http_auth_level=func.AuthLevel.ANONYMOUS)
    [function] = app.get_functions()
    assert function.get_function_name() == "http_app_func"
    assert function.get_function_json() == REFERENCE_ASGI_JSON
    assert function.http_type == "asgi"
    assert function.get_settings_dict("function_name") == {
        "setting_name": "function_name",
        "function_name": "http_app_func",
    }


def test_wsgi_metadata_matches_the_reference() -> None:
    """WsgiFunctionApp registers the reference's function, under a custom name here."""
    app = WsgiFunctionApp(flask_like, function_name="custom")
    [function] = app.get_functions()
    assert function.get_function_name() == "custom"
    assert function.get_function_json() == REFERENCE_WSGI_JSON
    assert function.http_type == "wsgi"
    assert [json.loads(b) for b in function.get_raw_bindings()] == json.loads(REFERENCE_WSGI_JSON)[
        "bindings"
    ]


def test_auth_level_strings_are_accepted() -> None:
    """http_auth_level may be a string, in any case."""
    app = WsgiFunctionApp(flask_like, http_auth_level="admin")
    assert app.auth_level is func.AuthLevel.ADMIN
    assert '"authLevel": "ADMIN"' in app.get_functions()[0].get_function_json()


def test_the_asgi_function_is_async_with_req_and_context() -> None:
    """The ASGI catch-all is `async def http_app_func(req, context)`."""
    function = _asgi_function(AsgiFunctionApp(LifespanApp()))
    assert function.__name__ == "http_app_func"
    assert inspect.iscoroutinefunction(function)
    assert list(inspect.signature(function).parameters) == ["req", "context"]


def test_apps_are_function_registers() -> None:
    """Both are FunctionRegisters (what the worker looks for); the base is abstract."""
    assert isinstance(AsgiFunctionApp(LifespanApp()), func.FunctionRegister)
    assert isinstance(WsgiFunctionApp(flask_like), ExternalHttpFunctionApp)
    with pytest.raises(TypeError, match="abstract"):
        ExternalHttpFunctionApp(auth_level=func.AuthLevel.FUNCTION)  # type: ignore[abstract]  # pyright: ignore[reportAbstractUsage]


def test_add_http_app_checks_the_middleware_type() -> None:
    """_add_http_app raises the reference's TypeError for the other kind of middleware."""
    asgi_app = AsgiFunctionApp(LifespanApp())
    wsgi_app = WsgiFunctionApp(flask_like)
    with pytest.raises(TypeError, match=r"^Please pass AsgiMiddleware instance as parameter\.$"):
        asgi_app._add_http_app(WsgiMiddleware(flask_like))  # pyright: ignore[reportPrivateUsage]
    with pytest.raises(TypeError, match=r"^Please pass WsgiMiddleware instance as parameter\.$"):
        wsgi_app._add_http_app(AsgiMiddleware(LifespanApp()))  # pyright: ignore[reportPrivateUsage]


def test_other_decorators_keep_working() -> None:
    """Routes and timers declared on the app sit beside the catch-all, indexed twice alike."""
    app = WsgiFunctionApp(flask_like, http_auth_level=func.AuthLevel.ANONYMOUS)

    @app.route(route="health")
    def health(req: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    @app.schedule(schedule="0 */5 * * * *", arg_name="timer")
    def tick(timer: object) -> None: ...

    names = [f.get_function_name() for f in app.get_functions()]
    assert names == ["http_app_func", "health", "tick"]
    assert [f.get_function_name() for f in app.get_functions()] == names
    assert health(_req()).get_body() == b"ok"


# Serving requests


def test_wsgi_function_serves_the_app() -> None:
    """The WSGI catch-all passes requests through, every Set-Cookie included."""
    [function] = WsgiFunctionApp(flask_like).get_functions()
    response = function.get_user_function()(_req("/api//items"), Context())
    assert isinstance(response, HttpResponse)
    assert response.get_body() == b"/api/items"
    assert response.headers.get_all("Set-Cookie") == ["a=1", "b=2"]


def test_asgi_function_runs_startup_before_the_first_request() -> None:
    """The first request runs lifespan startup; its state reaches the request."""
    asgi = LifespanApp()
    app = AsgiFunctionApp(asgi)
    function = _asgi_function(app)

    async def main() -> list[object]:
        first = await function(_req("/api/a"), Context())
        second = await function(_req("/api/b"), Context())
        await app.middleware.notify_shutdown()
        return [json.loads(first.get_body()), json.loads(second.get_body())]

    before = app.startup_task_done
    assert asyncio.run(main()) == [
        {"path": "/api/a", "ready": True},
        {"path": "/api/b", "ready": True},
    ]
    assert (before, app.startup_task_done) == (False, True)
    assert asgi.events == ["startup", "shutdown"]


def test_asgi_app_without_lifespan_is_served() -> None:
    """An app that raises on the lifespan scope still serves requests (the reference failed all)."""
    app = AsgiFunctionApp(LifespanApp(lifespan=False))
    function = _asgi_function(app)
    response = asyncio.run(function(_req(), Context()))
    assert response.status_code == 200
    assert app.middleware.lifespan_supported is False


def test_asgi_startup_failure_fails_requests() -> None:
    """lifespan.startup.failed makes requests raise, naming the app's message."""
    app = AsgiFunctionApp(LifespanApp(fail_startup=True))
    function = _asgi_function(app)
    with pytest.raises(RuntimeError, match=r"^ASGI middleware startup failed\.: no database$"):
        asyncio.run(function(_req(), Context()))
    assert app.startup_task_done is False


def test_concurrent_first_requests_start_up_once() -> None:
    """Two concurrent first requests run startup once and both succeed."""
    asgi = LifespanApp()
    app = AsgiFunctionApp(asgi)
    function = _asgi_function(app)

    async def main() -> list[int]:
        responses = await asyncio.gather(function(_req(), Context()), function(_req(), Context()))
        await app.middleware.notify_shutdown()
        return [r.status_code for r in responses]

    assert asyncio.run(main()) == [200, 200]
    assert asgi.events == ["startup", "shutdown"]


def test_concurrent_requests_through_the_app() -> None:
    """A request waiting for a later one completes: the app function is not serialized."""
    gates: list[asyncio.Event] = []

    async def gated(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        if scope["path"] == "/api/wait":
            await gates[0].wait()
        else:
            gates[0].set()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(scope["path"]).encode()})

    function = _asgi_function(AsgiFunctionApp(gated))

    async def main() -> list[bytes]:
        gates.append(asyncio.Event())
        first = asyncio.ensure_future(function(_req("/api/wait"), Context()))
        await asyncio.sleep(0)
        second = function(_req("/api/open"), Context())
        done = await asyncio.wait_for(asyncio.gather(first, second), timeout=5)
        return [r.get_body() for r in done]

    assert asyncio.run(main()) == [b"/api/wait", b"/api/open"]


# Shutdown when the app is garbage-collected


def test_del_runs_shutdown_after_startup() -> None:
    """Collecting a started app runs lifespan shutdown on its (stopped) loop."""
    asgi = LifespanApp()
    app = AsgiFunctionApp(asgi)
    function = _asgi_function(app)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(function(_req(), Context()))
        del app, function
        gc.collect()
        assert asgi.events == ["startup", "shutdown"]
    finally:
        loop.close()


def test_del_schedules_shutdown_on_a_running_loop() -> None:
    """Collecting a started app while its loop runs schedules shutdown on that loop."""
    asgi = LifespanApp()

    async def main() -> None:
        app = AsgiFunctionApp(asgi)
        function = _asgi_function(app)
        await function(_req(), Context())
        del app, function
        gc.collect()
        for _ in range(10):
            await asyncio.sleep(0)

    asyncio.run(main())
    assert asgi.events == ["startup", "shutdown"]


def test_del_without_startup_does_nothing() -> None:
    """An app that never served a request is collected without any lifespan event."""
    asgi = LifespanApp()
    app = AsgiFunctionApp(asgi)
    del app
    gc.collect()
    assert asgi.events == []


def test_del_never_raises_when_the_loop_is_gone() -> None:
    """A started app whose loop is closed is collected quietly (no unraisable exception)."""
    asgi = LifespanApp()
    app = AsgiFunctionApp(asgi)
    function = _asgi_function(app)
    asyncio.run(function(_req(), Context()))  # the loop closes, cancelling the lifespan
    del app, function
    gc.collect()
    assert asgi.events == ["startup"]
