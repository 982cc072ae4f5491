# pyright: strict
"""``AsgiMiddleware``: serve an ASGI app (FastAPI, Starlette...) from an HTTP function.

The middleware turns the function's :class:`~azfn.HttpRequest` into an ASGI
``http`` scope, runs the app, and turns the messages it sends into an
:class:`~azfn.HttpResponse`. The scope is the reference library's, and so is
the API (``await handle_async(req, context)``, ``notify_startup()``,
``notify_shutdown()``), without its bugs:

* requests run concurrently: nothing serializes them, and the request's
  ``receive()`` waits on an event instead of polling;
* the lifespan protocol works: ``notify_startup()`` runs the app's startup,
  and an app that does not support lifespan (it raises on the ``lifespan``
  scope, or returns, or never answers within *lifespan_timeout*) is served
  without it, as the ASGI spec asks of servers;
* the lifespan ``state`` reaches every request, as a shallow copy;
* ``path`` has runs of ``/`` collapsed (no ``/api//items`` from a route prefix),
  and ``raw_path`` is the path as received, still percent-encoded;
* every header is kept (repeated ``Set-Cookie`` included); the mimetype and
  charset come from ``Content-Type``; body chunks sent with ``more_body`` are
  joined in order; a 4xx or 5xx response is returned, and an exception the
  app raises *after* completing its response (Starlette's error middleware
  does) is logged rather than raised.

Nothing here imports :mod:`asyncio` until a request or lifespan event runs.
"""

from __future__ import annotations

import typing
import warnings
from typing import TYPE_CHECKING

from azfn._asgi_lifespan import Lifespan
from azfn._asgi_protocol import ASGI_SPEC_VERSION
from azfn._asgi_protocol import ASGI_VERSION
from azfn._asgi_protocol import AsgiApp
from azfn._asgi_protocol import Message
from azfn._asgi_protocol import Receive
from azfn._asgi_protocol import Scope
from azfn._asgi_protocol import Send
from azfn._asgi_protocol import asgi_keys
from azfn._asgi_protocol import background
from azfn._asgi_protocol import log
from azfn._http_wsgi import context_items
from azfn._http_wsgi import request_target
from azfn._http_wsgi import server_port
from azfn._http_wsgi import to_http_response

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Coroutine

    from azfn.context import Context
    from azfn.http import HttpRequest
    from azfn.http import HttpResponse

__all__ = [
    "ASGI_SPEC_VERSION",
    "ASGI_VERSION",
    "AsgiApp",
    "AsgiMiddleware",
    "Message",
    "Receive",
    "Scope",
    "Send",
    "asgi_scope",
]


def _unquote(path: str) -> str:
    from urllib.parse import unquote  # on first request: heavy for `import azfn`

    return unquote(path)


_R = typing.TypeVar("_R")


def asgi_scope(
    req: HttpRequest,
    context: Context | None = None,
    state: dict[str, object] | None = None,
) -> Scope:
    """Return the ASGI ``http`` scope for *req*.

    Args:
        req: the function's HTTP request.
        context: the invocation context, exposed as ``azure_functions.*``
            keys (any object with the same attributes will do).
        state: the lifespan state to hand the app (the caller copies it).

    Returns:
        The scope: ``path`` percent-decoded (UTF-8), ``raw_path`` as
        received, ``headers`` with lower-case names, ``server`` as
        ``(host, port)`` and ``client`` ``None``.
    """
    parts = request_target(req.url)
    headers = req.headers
    port = server_port(parts, headers.get("x-forwarded-port"))
    host = parts.hostname
    scope: dict[str, object] = {
        "type": "http",
        **asgi_keys(),
        "http_version": "1.1",
        "method": req.method,
        "scheme": parts.scheme or "http",
        "path": _unquote(parts.path),
        "raw_path": parts.path.encode("utf-8"),
        "query_string": parts.query.encode("utf-8"),
        "root_path": "",
        "headers": [
            (name.lower().encode("latin-1", "replace"), value.encode("utf-8"))
            for name, value in headers.items()
        ],
        "server": (host, port) if host else None,
        "client": None,
        "state": state,
    }
    scope.update(context_items(context))
    return scope


def _text(value: object) -> str:
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return str(value)


class _HttpExchange:
    """One request's ``receive``/``send`` pair and the response it collects."""

    def __init__(self, body: bytes) -> None:
        import asyncio

        self._body: bytes | None = body
        self._finished = asyncio.Event()
        self.status: int | None = None
        self.headers: list[tuple[str, str]] = []
        self.chunks: list[bytes] = []
        self.complete = False

    def finish(self) -> None:
        self._finished.set()

    async def receive(self) -> Message:
        if self._body is not None:
            body, self._body = self._body, None
            return {"type": "http.request", "body": body, "more_body": False}
        # The client stays connected until the response is complete.
        await self._finished.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        kind = message.get("type")
        if kind == "http.response.start":
            if self.status is not None:
                raise RuntimeError("the ASGI app sent 'http.response.start' twice")
            status = message.get("status")
            if not isinstance(status, int):
                raise TypeError(f"the ASGI app sent the status {status!r}, not an int")
            raw_headers = typing.cast(
                "typing.Iterable[tuple[object, object]]", message.get("headers") or ()
            )
            self.headers = [(_text(name), _text(value)) for name, value in raw_headers]
            self.status = status
        elif kind == "http.response.body":
            if self.status is None:
                raise RuntimeError(
                    "the ASGI app sent 'http.response.body' before 'http.response.start'"
                )
            if self.complete:
                raise RuntimeError("the ASGI app sent body data after its response was complete")
            chunk = message.get("body") or b""
            if not isinstance(chunk, (bytes, bytearray, memoryview)):
                raise TypeError(f"the ASGI app sent a {type(chunk).__name__} body, not bytes")
            if chunk:
                self.chunks.append(bytes(typing.cast("bytes", chunk)))
            if not message.get("more_body", False):
                self.complete = True
                self.finish()
        elif kind != "http.response.trailers":
            raise RuntimeError(f"the ASGI app sent an unexpected {kind!r} message")


async def run_asgi_app(app: AsgiApp, scope: Scope, body: bytes) -> HttpResponse:
    """Run *app* for one HTTP request and return its response.

    Raises:
        Exception: whatever the app raises before completing its response.
        RuntimeError: the app returned without sending a response.
    """
    exchange = _HttpExchange(body)
    try:
        await app(scope, exchange.receive, exchange.send)
    except Exception:
        if not exchange.complete:
            raise
        log().exception("the ASGI app raised after sending its response; returning the response")
    finally:
        exchange.finish()
    if exchange.status is None:
        raise RuntimeError("the ASGI app returned without sending a response")
    if not exchange.complete:
        log().warning("the ASGI app returned before its last body chunk (more_body=True)")
    return to_http_response(exchange.status, exchange.headers, b"".join(exchange.chunks))


class AsgiMiddleware:
    """Serve an ASGI application from an HTTP-triggered function.

    Example::

        from fastapi import FastAPI
        import azfn as func

        fastapi_app = FastAPI()
        middleware = func.AsgiMiddleware(fastapi_app)

        async def main(req: func.HttpRequest, context: func.Context) -> func.HttpResponse:
            await middleware.notify_startup()  # once; later calls return at once
            return await middleware.handle_async(req, context)

    :class:`~azfn.AsgiFunctionApp` does all this for you.

    Attributes:
        main: a synchronous entry point, like the deprecated :meth:`handle`
            but without the warning.
        state: the lifespan state; each request's scope gets a shallow copy.
    """

    main: Callable[[HttpRequest, Context | None], HttpResponse]

    def __init__(self, app: AsgiApp, *, lifespan_timeout: float | None = 60.0) -> None:
        """Wrap *app*, an ASGI 3 application.

        Args:
            app: the application.
            lifespan_timeout: seconds :meth:`notify_startup` waits for the
                app to answer startup before serving without lifespan, and
                :meth:`notify_shutdown` for shutdown; ``None`` waits forever.
        """
        self._app = app
        self._lifespan_timeout = lifespan_timeout
        self._lifespan: Lifespan | None = None
        self.state: dict[str, object] = {}
        self.main = self._handle

    # Requests.

    async def handle_async(self, req: HttpRequest, context: Context | None = None) -> HttpResponse:
        """Run the ASGI app for *req* and return its response.

        Requests may run concurrently on one event loop.

        Args:
            req: the function's HTTP request.
            context: the invocation context, passed on as
                ``azure_functions.*`` scope keys.

        Returns:
            The app's status, headers (all of them) and body; 4xx and 5xx
            responses are returned like any other.

        Raises:
            Exception: whatever the app raises before its response is complete.
            RuntimeError: the app returned without sending a response.
        """
        scope = asgi_scope(req, context, state=dict(self.state))
        return await run_asgi_app(self._app, scope, req.get_body() or b"")

    def handle(self, req: HttpRequest, context: Context | None = None) -> HttpResponse:
        """Run the app for *req* on a private event loop (deprecated).

        Deprecated: ``await handle_async(req, context)`` from an ``async def``
        function instead; this one blocks a worker thread and has no lifespan.
        """
        warnings.warn(
            "AsgiMiddleware.handle() is deprecated: await .handle_async() instead",
            DeprecationWarning,
            stacklevel=2,
        )
        log().warning("AsgiMiddleware.handle() is deprecated: await .handle_async() instead")
        return self._handle(req, context)

    def _handle(self, req: HttpRequest, context: Context | None = None) -> HttpResponse:
        return _run_sync(lambda: self.handle_async(req, context))

    # Lifespan.

    @property
    def lifespan_supported(self) -> bool | None:
        """Whether the app answered lifespan startup; ``None`` before :meth:`notify_startup`."""
        lifespan = self._lifespan
        if lifespan is None or lifespan.outcome is None:
            return None
        return lifespan.outcome != "unsupported"

    async def notify_startup(self) -> bool:
        """Run the app's lifespan startup, once; later calls wait for the same outcome.

        Returns:
            ``False`` if the app reported ``lifespan.startup.failed``; ``True``
            if startup completed, or the app does not support lifespan (it
            raised, returned or did not answer in time), in which case it is
            served without lifespan events.
        """
        import asyncio

        lifespan = self._lifespan
        if lifespan is not None and lifespan.loop is not asyncio.get_running_loop():
            if lifespan.loop.is_running() and not lifespan.task.done():
                # The lifespan lives on a loop of another thread: wait there.
                waiting = asyncio.run_coroutine_threadsafe(
                    self._wait_for_startup(lifespan), lifespan.loop
                )
                await asyncio.wrap_future(waiting)
                return lifespan.outcome != "failed"
            log().debug("the ASGI lifespan's event loop is gone; starting it again")
            lifespan = None
        if lifespan is None:
            lifespan = self._lifespan = Lifespan(self._app, self.state)
        await self._wait_for_startup(lifespan)
        return lifespan.outcome != "failed"

    async def _wait_for_startup(self, lifespan: Lifespan) -> None:
        """Wait (on the lifespan's loop) until startup is answered or times out."""
        import asyncio

        if lifespan.answered.is_set() or lifespan.timed_out:
            return
        try:
            await asyncio.wait_for(lifespan.answered.wait(), self._lifespan_timeout)
        except asyncio.TimeoutError:
            lifespan.timed_out = True
            log().warning(
                "the ASGI app did not answer lifespan startup within %s s; "
                "serving it without waiting",
                self._lifespan_timeout,
            )

    @property
    def startup_failure(self) -> str | None:
        """The app's message if startup failed, else ``None``."""
        lifespan = self._lifespan
        if lifespan is None or lifespan.outcome != "failed":
            return None
        return lifespan.failure

    async def notify_shutdown(self) -> None:
        """Run the app's lifespan shutdown and wait for it to finish.

        Nothing is sent to an app without lifespan support, and a second
        call only waits for the first one's shutdown.

        Raises:
            RuntimeError: :meth:`notify_startup` was never called.
        """
        import asyncio

        lifespan = self._lifespan
        if lifespan is None:
            raise RuntimeError("notify_startup() must be called first.")
        if lifespan.outcome == "unsupported" or lifespan.task.done():
            return
        if lifespan.loop is asyncio.get_running_loop():
            await self._shutdown(lifespan)
        elif lifespan.loop.is_running():
            # The lifespan lives on a loop of another thread: shut down there.
            done = asyncio.run_coroutine_threadsafe(self._shutdown(lifespan), lifespan.loop)
            await asyncio.wrap_future(done)
        else:
            log().warning(
                "cannot run ASGI lifespan shutdown: its event loop is not running; "
                "call notify_shutdown() on that loop"
            )

    async def _shutdown(self, lifespan: Lifespan) -> None:
        """Send shutdown (once) and wait, on the lifespan's loop, for the answer."""
        import asyncio

        if not lifespan.shutdown_sent:
            lifespan.shutdown_sent = True
            lifespan.queue.put_nowait({"type": "lifespan.shutdown"})
        try:
            await asyncio.wait_for(lifespan.stopped.wait(), self._lifespan_timeout)
        except asyncio.TimeoutError:
            log().warning(
                "the ASGI app did not finish lifespan shutdown within %s s",
                self._lifespan_timeout,
            )
            lifespan.task.cancel()

    def notify_shutdown_nowait(self) -> None:
        """Start lifespan shutdown from synchronous code, as well as it can be done.

        If the lifespan's event loop is running (in this thread or another),
        shutdown is scheduled on it and this returns at once; if that loop is
        stopped, shutdown runs on it to completion; if it is closed, or no
        lifespan is running, nothing happens. ``AsgiFunctionApp`` calls this
        when it is garbage-collected.
        """
        lifespan = self._lifespan
        if lifespan is None or lifespan.task.done() or lifespan.outcome == "unsupported":
            return
        loop = lifespan.loop
        if loop.is_closed():
            return
        if not loop.is_running():
            loop.run_until_complete(self._shutdown(lifespan))
            return

        def schedule() -> None:
            task = loop.create_task(self._shutdown(lifespan))
            background.add(task)
            task.add_done_callback(background.discard)

        loop.call_soon_threadsafe(schedule)


def _run_sync(make: Callable[[], Coroutine[object, object, _R]]) -> _R:
    """Run a coroutine to completion from synchronous code.

    If this thread already runs an event loop, the coroutine runs on a new
    loop in a helper thread (``asyncio.run`` cannot nest).
    """
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()
