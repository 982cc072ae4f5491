"""Stand-in for ``fastapi``, NOT the real package: just enough for the seed samples.

The seed samples (tests/seeds/samples) import FastAPI; the tests must not need
it installed. This module offers a ``FastAPI`` app with route decorators that
is a small but working ASGI app (lifespan, exact and ``{param}`` paths), and
the ``Request`` and response classes the samples name.
"""

from __future__ import annotations

import inspect
import json
import re
import typing

if typing.TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import Iterable

Scope = dict[str, typing.Any]
Message = dict[str, typing.Any]
Receive = typing.Callable[[], "Awaitable[Message]"]
Send = typing.Callable[[Message], "Awaitable[None]"]

__all__ = ["FastAPI", "JSONResponse", "Request", "Response", "StreamingResponse"]


class Request:
    """The incoming HTTP request of an ASGI call (stand-in)."""

    def __init__(self, scope: Scope, receive: Receive | None = None) -> None:
        self.scope = scope
        self._receive = receive

    @property
    def method(self) -> str:
        return str(self.scope.get("method", "GET"))

    async def stream(self) -> AsyncIterator[bytes]:
        """Yield the body chunk by chunk, as the ASGI server delivers it."""
        if self._receive is None:
            return
        while True:
            message = await self._receive()
            chunk = message.get("body", b"")
            if chunk:
                yield chunk
            if not message.get("more_body", False):
                return

    async def body(self) -> bytes:
        return b"".join([chunk async for chunk in self.stream()])

    async def json(self) -> typing.Any:
        return json.loads(await self.body())


class Response:
    """A complete HTTP response (stand-in)."""

    media_type: str | None = None

    def __init__(
        self,
        content: typing.Any = b"",
        status_code: int = 200,
        headers: dict[str, str] | None = None,
        media_type: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.headers = dict(headers or {})
        if media_type is not None:
            self.media_type = media_type
        self.body = self.render(content)

    def render(self, content: typing.Any) -> bytes:
        return content if isinstance(content, bytes) else str(content).encode()

    def _raw_headers(self) -> list[tuple[bytes, bytes]]:
        headers = dict(self.headers)
        if self.media_type is not None:
            headers.setdefault("content-type", self.media_type)
        return [(k.lower().encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": self._raw_headers(),
            }
        )
        await send({"type": "http.response.body", "body": self.body})


class JSONResponse(Response):
    """A response whose content is serialised as JSON (stand-in)."""

    media_type = "application/json"

    def render(self, content: typing.Any) -> bytes:
        return json.dumps(content).encode()


class StreamingResponse(Response):
    """A response sent chunk by chunk from a (sync or async) iterator (stand-in)."""

    def __init__(
        self,
        content: Iterable[typing.Any] | AsyncIterator[typing.Any],
        status_code: int = 200,
        headers: dict[str, str] | None = None,
        media_type: str | None = None,
    ) -> None:
        super().__init__(b"", status_code, headers, media_type)
        self.body_iterator = content

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": self.status_code,
                "headers": self._raw_headers(),
            }
        )
        if hasattr(self.body_iterator, "__aiter__"):
            async for chunk in typing.cast("AsyncIterator[typing.Any]", self.body_iterator):
                await send(
                    {"type": "http.response.body", "body": self.render(chunk), "more_body": True}
                )
        else:
            for chunk in self.body_iterator:
                await send(
                    {"type": "http.response.body", "body": self.render(chunk), "more_body": True}
                )
        await send({"type": "http.response.body", "body": b""})


Endpoint = typing.Callable[..., typing.Any]


class FastAPI:
    """An ASGI app with ``get``/``post``/... route decorators (stand-in)."""

    def __init__(self, **options: typing.Any) -> None:
        self.options = options
        self.routes: list[tuple[str, str, re.Pattern[str], Endpoint]] = []

    def api_route(
        self, path: str, methods: Iterable[str] = ("GET",)
    ) -> Callable[[Endpoint], Endpoint]:
        parts = re.split(r"\{(\w+)\}", path.lstrip("/"))
        # Even items are literal text, odd items parameter names.
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/]+)" for i, part in enumerate(parts)
        )
        pattern = re.compile(f"^/?{regex}$")

        def register(endpoint: Endpoint) -> Endpoint:
            for method in methods:
                self.routes.append((method.upper(), path, pattern, endpoint))
            return endpoint

        return register

    def get(self, path: str) -> Callable[[Endpoint], Endpoint]:
        return self.api_route(path, ["GET"])

    def post(self, path: str) -> Callable[[Endpoint], Endpoint]:
        return self.api_route(path, ["POST"])

    def put(self, path: str) -> Callable[[Endpoint], Endpoint]:
        return self.api_route(path, ["PUT"])

    def delete(self, path: str) -> Callable[[Endpoint], Endpoint]:
        return self.api_route(path, ["DELETE"])

    def patch(self, path: str) -> Callable[[Endpoint], Endpoint]:
        return self.api_route(path, ["PATCH"])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].rpartition(".")[2]  # startup / shutdown
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        response = await self._dispatch(scope, receive)
        await response(scope, receive, send)

    async def _dispatch(self, scope: Scope, receive: Receive) -> Response:
        path = str(scope.get("path", "/"))
        for method, _, pattern, endpoint in self.routes:
            match = pattern.match(path)
            if match and method == scope.get("method"):
                kwargs: dict[str, typing.Any] = dict(match.groupdict())
                if "request" in inspect.signature(endpoint).parameters:
                    kwargs["request"] = Request(scope, receive)
                result = endpoint(**kwargs)
                if hasattr(result, "__await__"):
                    result = await result
                return result if isinstance(result, Response) else JSONResponse(result)
        return JSONResponse({"detail": "Not Found"}, status_code=404)
