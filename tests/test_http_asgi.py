# pyright: strict
"""AsgiMiddleware: the reference's scope and API, with lifespan, concurrency and no lost headers."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import threading
import typing
from collections.abc import AsyncIterator
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn._http_asgi import AsgiMiddleware
from azfn._http_asgi import asgi_scope
from azfn.context import Context
from azfn.http import HttpRequest
from azfn.http import HttpResponse

if TYPE_CHECKING:
    from azfn._http_asgi import Message
    from azfn._http_asgi import Receive
    from azfn._http_asgi import Scope
    from azfn._http_asgi import Send


class Request:
    """What MiniStarlette hands a handler: the scope and the whole body."""

    def __init__(self, scope: Scope, body: bytes) -> None:
        self.scope = scope
        self.body = body

    @property
    def path(self) -> str:
        return str(self.scope["path"])

    @property
    def state(self) -> dict[str, object]:
        state = self.scope.get("state")
        assert isinstance(state, dict)
        return typing.cast("dict[str, object]", state)

    def header(self, name: str) -> str | None:
        headers = typing.cast("list[tuple[bytes, bytes]]", self.scope["headers"])
        for key, value in headers:
            if key == name.lower().encode():
                return value.decode()
        return None


class Response:
    """A complete response, sent in one body message."""

    def __init__(
        self,
        body: bytes | str = b"",
        status: int = 200,
        headers: Iterable[tuple[str, str]] = (),
        media_type: str = "text/plain; charset=utf-8",
    ) -> None:
        self.body = body.encode() if isinstance(body, str) else body
        self.status = status
        self.headers = [("content-type", media_type), *headers]

    def start(self) -> Message:
        return {
            "type": "http.response.start",
            "status": self.status,
            "headers": [(k.encode(), v.encode()) for k, v in self.headers],
        }

    async def __call__(self, send: Send, receive: Receive) -> None:
        await send(self.start())
        await send({"type": "http.response.body", "body": self.body})


class StreamingResponse(Response):
    """Sends the body in chunks with more_body, listening for a disconnect meanwhile."""

    def __init__(self, chunks: AsyncIterator[bytes]) -> None:
        super().__init__(b"")
        self.chunks = chunks

    async def __call__(self, send: Send, receive: Receive) -> None:
        async def stream() -> None:
            await send(self.start())
            async for chunk in self.chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b"", "more_body": False})

        async def listen_for_disconnect() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass

        # Like Starlette: whichever finishes first cancels the other.
        tasks = {asyncio.ensure_future(stream()), asyncio.ensure_future(listen_for_disconnect())}
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        for task in done:
            task.result()


Handler = Callable[[Request], Awaitable[Response]]
Hook = Callable[[dict[str, object]], Awaitable[None]]


class MiniStarlette:
    """A Starlette-like ASGI framework: routes, lifespan hooks with state, a 500 page."""

    def __init__(
        self,
        on_startup: Iterable[Hook] = (),
        on_shutdown: Iterable[Hook] = (),
    ) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.on_startup = list(on_startup)
        self.on_shutdown = list(on_shutdown)
        self.events: list[str] = []

    def route(self, path: str, methods: Iterable[str] = ("GET",)) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for method in methods:
                self.routes[path, method] = handler
            return handler

        return register

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.lifespan(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += typing.cast("bytes", message.get("body", b""))
            if not message.get("more_body"):
                break
        request = Request(scope, body)
        handler = self.routes.get((request.path, str(scope["method"])))
        try:
            if handler is None:
                response = Response("not found", status=404)
            else:
                response = await handler(request)
        except Exception:
            # Starlette's ServerErrorMiddleware: send a 500 page, then re-raise.
            await Response("internal server error", status=500)(send, receive)
            raise
        await response(send, receive)

    async def lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        assert message["type"] == "lifespan.startup"
        state = typing.cast("dict[str, object]", scope["state"])
        try:
            for hook in self.on_startup:
                await hook(state)
        except Exception as exc:  # reported to the server
            await send({"type": "lifespan.startup.failed", "message": str(exc)})
            return
        self.events.append("startup")
        await send({"type": "lifespan.startup.complete"})
        message = await receive()
        assert message["type"] == "lifespan.shutdown"
        for hook in self.on_shutdown:
            await hook(state)
        self.events.append("shutdown")
        await send({"type": "lifespan.shutdown.complete"})


def _request(
    method: str = "GET",
    url: str = "https://example.com/api/items",
    headers: dict[str, str] | None = None,
    body: bytes = b"",
) -> HttpRequest:
    return HttpRequest(method, url, headers=headers, body=body)


def _run(coro: Awaitable[HttpResponse]) -> HttpResponse:
    async def main() -> HttpResponse:
        return await coro

    return asyncio.run(main())


@pytest.fixture
def starlette() -> MiniStarlette:
    """A MiniStarlette app with a few routes."""
    app = MiniStarlette()

    @app.route("/api/items", methods=["GET", "POST"])
    async def items(request: Request) -> Response:
        if request.body:
            return Response(
                json.dumps({"got": json.loads(request.body)}),
                status=201,
                media_type="application/json",
            )
        return Response(f"items {request.scope['query_string']!r}")

    @app.route("/api/login", methods=["POST"])
    async def login(request: Request) -> Response:
        return Response(
            "welcome",
            headers=[("set-cookie", "session=abc; HttpOnly"), ("set-cookie", "csrftoken=xyz")],
        )

    @app.route("/api/stream")
    async def stream(request: Request) -> Response:
        async def chunks() -> AsyncIterator[bytes]:
            for part in (b"one,", b"two,", b"three"):
                await asyncio.sleep(0)
                yield part

        return StreamingResponse(chunks())

    @app.route("/api/crash")
    async def crash(request: Request) -> Response:
        raise RuntimeError("handler failed")

    @app.route("/api/teapot")
    async def teapot(request: Request) -> Response:
        return Response("short and stout", status=418)

    return app


# Reference-compatible behaviour


def test_get_round_trip(starlette: MiniStarlette) -> None:
    """A GET reaches the app through handle_async and its response comes back."""
    response = _run(AsgiMiddleware(starlette).handle_async(_request(url="https://h/api/items?q=1")))
    assert isinstance(response, HttpResponse)
    assert response.status_code == 200
    assert response.get_body() == b"items b'q=1'"
    assert (response.mimetype, response.charset) == ("text/plain", "utf-8")


def test_post_body_round_trip(starlette: MiniStarlette) -> None:
    """The request body arrives in one http.request message; JSON comes back."""
    req = _request("POST", headers={"Content-Type": "application/json"}, body=b'{"a": 1}')
    response = _run(AsgiMiddleware(starlette).handle_async(req))
    assert response.status_code == 201
    assert json.loads(response.get_body()) == {"got": {"a": 1}}
    assert response.mimetype == "application/json"


def test_scope_matches_the_reference() -> None:
    """The scope has the reference's keys and values for a typical request."""
    context = Context(invocation_id="inv", function_name="fn", function_directory="/d")
    req = _request(
        "POST",
        "https://example.com:8443/api/items%20x?a=1&b=%C3%A9",
        headers={"Content-Type": "text/plain", "X-Custom": "v"},
        body=b"hi",
    )
    scope = asgi_scope(req, context, state={"k": 1})
    assert scope == {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.1"},
        "asgi.version": "2.1",
        "asgi.spec_version": "2.1",
        "http_version": "1.1",
        "method": "POST",
        "scheme": "https",
        "path": "/api/items x",
        "raw_path": b"/api/items%20x",
        "query_string": b"a=1&b=%C3%A9",
        "root_path": "",
        "headers": [(b"content-type", b"text/plain"), (b"x-custom", b"v")],
        "server": ("example.com", 8443),
        "client": None,
        "state": {"k": 1},
        "azure_functions.function_directory": "/d",
        "azure_functions.function_name": "fn",
        "azure_functions.invocation_id": "inv",
        "azure_functions.thread_local_storage": context.thread_local_storage,
        "azure_functions.trace_context": context.trace_context,
        "azure_functions.retry_context": context.retry_context,
    }


def test_scope_without_context() -> None:
    """Without a context the azure_functions.* keys are None, as in the reference."""
    scope = asgi_scope(_request(url="https://h/api/x"))
    assert scope["azure_functions.invocation_id"] is None
    assert scope["server"] == ("h", 443)
    assert scope["state"] is None


def test_main_is_a_synchronous_entry_point(starlette: MiniStarlette) -> None:
    """`.main(req, context)` runs the app synchronously, without a warning."""
    response = AsgiMiddleware(starlette).main(_request(), None)
    assert response.status_code == 200


def test_handle_is_deprecated_but_works(
    starlette: MiniStarlette, caplog: pytest.LogCaptureFixture
) -> None:
    """handle() warns with DeprecationWarning and a log line, and still serves."""
    with pytest.warns(DeprecationWarning, match="handle_async"):
        response = AsgiMiddleware(starlette).handle(_request())
    assert response.status_code == 200
    assert any("deprecated" in r.getMessage() for r in caplog.records)


def test_handle_works_inside_a_running_loop(starlette: MiniStarlette) -> None:
    """The deprecated sync handle() also works when called from async code."""

    async def main() -> HttpResponse:
        with pytest.warns(DeprecationWarning, match="handle_async"):
            return AsgiMiddleware(starlette).handle(_request())

    assert asyncio.run(main()).status_code == 200


def test_app_exception_before_the_response_propagates() -> None:
    """An app that raises before answering raises to the caller (the host answers 500)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        raise LookupError("no response")

    with pytest.raises(LookupError):
        _run(AsgiMiddleware(app).handle_async(_request()))


def test_app_that_sends_nothing() -> None:
    """An app that returns without a response is reported clearly."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()

    with pytest.raises(RuntimeError, match="without sending a response"):
        _run(AsgiMiddleware(app).handle_async(_request()))


def test_body_before_start_is_a_protocol_error() -> None:
    """Sending a body before http.response.start raises."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.body", "body": b"x"})

    with pytest.raises(RuntimeError, match=r"before 'http\.response\.start'"):
        _run(AsgiMiddleware(app).handle_async(_request()))


def test_receive_after_the_body_waits_for_the_response() -> None:
    """After the body, receive() answers http.disconnect only once the response is done."""
    seen: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        waiter = asyncio.ensure_future(receive())
        await asyncio.sleep(0.01)
        seen.append(f"pending={not waiter.done()}")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        seen.append(str((await waiter)["type"]))

    assert _run(AsgiMiddleware(app).handle_async(_request())).get_body() == b"ok"
    assert seen == ["pending=True", "http.disconnect"]


# Bug fixes: concurrency


def test_concurrent_requests_are_not_serialized() -> None:
    """A request waiting on an event set by a later request completes (no global lock)."""
    gate_holder: list[asyncio.Event] = []
    app = MiniStarlette()

    @app.route("/api/wait")
    async def wait(request: Request) -> Response:
        await gate_holder[0].wait()
        return Response("waited")

    @app.route("/api/open")
    async def open_gate(request: Request) -> Response:
        gate_holder[0].set()
        return Response("opened")

    middleware = AsgiMiddleware(app)

    async def main() -> list[bytes]:
        gate_holder.append(asyncio.Event())
        first = asyncio.ensure_future(middleware.handle_async(_request(url="https://h/api/wait")))
        await asyncio.sleep(0)
        second = middleware.handle_async(_request(url="https://h/api/open"))
        responses = await asyncio.wait_for(asyncio.gather(first, second), timeout=5)
        return [r.get_body() for r in responses]

    assert asyncio.run(main()) == [b"waited", b"opened"]


# Bug fixes: lifespan


def test_lifespan_startup_state_and_shutdown() -> None:
    """Startup runs, requests see a copy of its state, and shutdown runs."""

    async def open_pool(state: dict[str, object]) -> None:
        state["pool"] = "connected"

    async def close_pool(state: dict[str, object]) -> None:
        state["pool"] = "closed"

    app = MiniStarlette(on_startup=[open_pool], on_shutdown=[close_pool])

    @app.route("/api/pool")
    async def pool(request: Request) -> Response:
        request.state["pool"] = "changed by the request"
        return Response("ok")

    seen: list[object] = []

    @app.route("/api/look")
    async def look(request: Request) -> Response:
        seen.append(request.state.get("pool"))
        return Response("ok")

    middleware = AsgiMiddleware(app)

    async def main() -> None:
        assert await middleware.notify_startup() is True
        assert await middleware.notify_startup() is True  # once only
        assert middleware.lifespan_supported is True
        await middleware.handle_async(_request(url="https://h/api/pool"))
        await middleware.handle_async(_request(url="https://h/api/look"))
        await middleware.notify_shutdown()
        await middleware.notify_shutdown()  # a second call is harmless

    asyncio.run(main())
    assert app.events == ["startup", "shutdown"]
    assert seen == ["connected"]
    assert middleware.state == {"pool": "closed"}


def test_startup_failure_is_reported() -> None:
    """lifespan.startup.failed makes notify_startup() return False, with the app's message."""

    async def broken(state: dict[str, object]) -> None:
        raise ConnectionError("database unreachable")

    middleware = AsgiMiddleware(MiniStarlette(on_startup=[broken]))

    async def main() -> bool:
        return await middleware.notify_startup()

    assert asyncio.run(main()) is False
    assert middleware.startup_failure == "database unreachable"


AsgiCallable = Callable[["Scope", "Receive", "Send"], Awaitable[None]]


def _no_lifespan_raising(starlette: MiniStarlette) -> AsgiCallable:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            raise ValueError("only HTTP is supported")  # Django's ASGIHandler does this
        await starlette(scope, receive, send)

    return app


def _no_lifespan_returning(starlette: MiniStarlette) -> AsgiCallable:
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await starlette(scope, receive, send)

    return app


@pytest.mark.parametrize("variant", [_no_lifespan_raising, _no_lifespan_returning])
def test_app_without_lifespan_support_is_served(
    starlette: MiniStarlette,
    variant: Callable[[MiniStarlette], AsgiCallable],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An app that raises on, or ignores, the lifespan scope is served without lifespan."""
    middleware = AsgiMiddleware(variant(starlette))

    async def main() -> HttpResponse:
        assert await middleware.notify_startup() is True
        response = await middleware.handle_async(_request())
        await middleware.notify_shutdown()
        return response

    with caplog.at_level(logging.DEBUG):
        response = asyncio.run(main())
        gc.collect()
    assert response.status_code == 200
    assert middleware.lifespan_supported is False
    assert not [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.ERROR]


def test_app_that_never_answers_startup_is_served() -> None:
    """An app that takes the startup message and never answers is served after the timeout."""
    received: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                received.append(str((await receive())["type"]))
                if received[-1] == "lifespan.shutdown":
                    return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"served"})

    middleware = AsgiMiddleware(app, lifespan_timeout=0.05)

    async def main() -> HttpResponse:
        assert await middleware.notify_startup() is True
        assert await middleware.notify_startup() is True  # no second wait
        response = await middleware.handle_async(_request())
        await middleware.notify_shutdown()
        return response

    assert asyncio.run(main()).get_body() == b"served"
    assert received == ["lifespan.startup", "lifespan.shutdown"]


def test_lifespan_on_a_loop_of_another_thread() -> None:
    """Startup and shutdown asked from another loop run on the lifespan's own loop, once."""
    app = MiniStarlette()
    middleware = AsgiMiddleware(app)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        started = asyncio.run_coroutine_threadsafe(middleware.notify_startup(), loop)
        assert started.result(timeout=5) is True

        async def elsewhere() -> bool:
            ok = await middleware.notify_startup()  # no second lifespan
            await middleware.notify_shutdown()
            return ok

        assert asyncio.run(elsewhere()) is True
        assert app.events == ["startup", "shutdown"]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
        loop.close()


def test_lifespan_starts_again_when_its_loop_is_gone() -> None:
    """After the loop that ran startup is closed, a new loop gets a new lifespan."""
    app = MiniStarlette()
    middleware = AsgiMiddleware(app)
    assert asyncio.run(middleware.notify_startup()) is True

    async def again() -> None:
        assert await middleware.notify_startup() is True
        await middleware.notify_shutdown()

    asyncio.run(again())
    assert app.events == ["startup", "startup", "shutdown"]


def test_shutdown_before_startup_is_an_error() -> None:
    """notify_shutdown() without notify_startup() raises the reference's RuntimeError."""
    with pytest.raises(RuntimeError, match=r"notify_startup\(\) must be called first"):
        asyncio.run(AsgiMiddleware(MiniStarlette()).notify_shutdown())


def test_unexpected_lifespan_message_means_no_lifespan() -> None:
    """An app that answers lifespan with HTTP messages is treated as not supporting it."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"plain"})

    middleware = AsgiMiddleware(app)

    async def main() -> HttpResponse:
        assert await middleware.notify_startup() is True
        return await middleware.handle_async(_request())

    assert asyncio.run(main()).get_body() == b"plain"
    assert middleware.lifespan_supported is False


# Bug fixes: the response


def test_every_set_cookie_survives(starlette: MiniStarlette) -> None:
    """Both Set-Cookie headers of the app are in the response."""
    response = _run(AsgiMiddleware(starlette).handle_async(_request("POST", "https://h/api/login")))
    assert response.headers.get_all("set-cookie") == ["session=abc; HttpOnly", "csrftoken=xyz"]


def test_streamed_body_is_concatenated(starlette: MiniStarlette) -> None:
    """Chunks sent with more_body arrive whole and in order, not cut by a disconnect."""
    response = _run(AsgiMiddleware(starlette).handle_async(_request(url="https://h/api/stream")))
    assert response.get_body() == b"one,two,three"


def test_error_statuses_are_returned(starlette: MiniStarlette) -> None:
    """4xx responses come back as responses."""
    response = _run(AsgiMiddleware(starlette).handle_async(_request(url="https://h/api/teapot")))
    assert response.status_code == 418


def test_500_page_is_returned_and_the_late_exception_logged(
    starlette: MiniStarlette, caplog: pytest.LogCaptureFixture
) -> None:
    """A 500 page sent before the app re-raises is returned; the exception is logged."""
    with caplog.at_level(logging.ERROR, logger="azfn.asgi"):
        response = _run(AsgiMiddleware(starlette).handle_async(_request(url="https://h/api/crash")))
    assert response.status_code == 500
    assert response.get_body() == b"internal server error"
    [record] = [r for r in caplog.records if r.name == "azfn.asgi"]
    assert record.exc_info is not None
    assert "handler failed" in str(record.exc_info[1])


def test_charset_comes_from_content_type() -> None:
    """The mimetype is Content-Type without parameters, the charset its parameter."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"content-type", b"text/csv; charset=utf-16"), (b"content-encoding", b"br")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"x"})

    response = _run(AsgiMiddleware(app).handle_async(_request()))
    assert (response.mimetype, response.charset) == ("text/csv", "utf-16")


@pytest.mark.parametrize(
    ("url", "path", "raw"),
    [
        ("https://h/api//items", "/api/items", b"/api/items"),
        ("https://h//api/caf%C3%A9", "/api/café", b"/api/caf%C3%A9"),
    ],
)
def test_path_has_no_double_slashes(url: str, path: str, raw: bytes) -> None:
    """path and raw_path have runs of '/' collapsed; path is decoded once, as UTF-8."""
    scope = asgi_scope(_request(url=url))
    assert scope["path"] == path
    assert scope["raw_path"] == raw


def test_headers_are_lower_cased_bytes() -> None:
    """Request headers reach the app as lower-case (bytes, bytes) pairs, UTF-8 encoded."""
    scope = asgi_scope(_request(headers={"X-Name": "é", "Accept": "*/*"}))
    assert scope["headers"] == [(b"x-name", "é".encode()), (b"accept", b"*/*")]


_token = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
_value = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30).map(
    str.strip
)


@settings(max_examples=60, deadline=None)
@given(
    request_headers=st.dictionaries(_token.map(lambda s: "x-" + s), _value, max_size=8),
    response_headers=st.lists(st.tuples(_token.map(lambda s: "x-" + s), _value), max_size=8),
    chunks=st.lists(st.binary(max_size=20), max_size=6),
)
def test_arbitrary_headers_and_chunks_survive_the_round_trip(
    request_headers: dict[str, str],
    response_headers: list[tuple[str, str]],
    chunks: list[bytes],
) -> None:
    """Any request headers reach the app; any response headers and body chunks come back."""
    seen: list[tuple[bytes, bytes]] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.extend(typing.cast("list[tuple[bytes, bytes]]", scope["headers"]))
        raw = [(k.encode(), v.encode()) for k, v in response_headers]
        await send({"type": "http.response.start", "status": 200, "headers": raw})
        for chunk in chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body"})

    response = _run(AsgiMiddleware(app).handle_async(_request(headers=request_headers)))
    assert seen == [(k.encode(), v.encode()) for k, v in request_headers.items()]
    assert response.headers.items() == response_headers
    assert response.get_body() == b"".join(chunks)
