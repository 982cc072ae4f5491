# pyright: strict
"""``WsgiMiddleware``: serve a WSGI app (Flask, Django...) from an HTTP function.

The middleware turns the function's :class:`~azfn.HttpRequest` into a PEP 3333
environ, calls the app, and turns what the app answers into an
:class:`~azfn.HttpResponse`. The environ is the reference library's, with
these fixes:

* ``Content-Type`` and ``Content-Length`` appear only as ``CONTENT_TYPE`` and
  ``CONTENT_LENGTH``, never as ``HTTP_CONTENT_TYPE`` (PEP 3333);
* ``PATH_INFO`` is the percent-decoded path as latin-1 text, decoded once
  (the reference encodes non-ASCII paths twice), and runs of ``/`` are
  collapsed, so a route prefix joined to the catch-all route never gives
  ``/api//items``;
* ``wsgi.errors`` is a fresh stream per request whose text is logged (logger
  ``azfn.wsgi``), instead of a shared buffer that made every later request
  raise.

And the response: every status is returned as a response, 4xx and 5xx
included (the reference raised for 5xx); every header is kept, repeated
``Set-Cookie`` included; the mimetype and charset come from ``Content-Type``
(the reference took the charset from ``Content-Encoding``). The app's
iterable is closed as PEP 3333 asks, and the ``write()`` callable works.
"""

from __future__ import annotations

import io
import re
import typing
from typing import TYPE_CHECKING
from typing import Protocol
from typing import TypeAlias

from azfn.http import HttpResponse

if TYPE_CHECKING:
    import logging

if TYPE_CHECKING:
    import types
    import urllib.parse
    from collections.abc import Callable
    from collections.abc import Iterable

    from azfn.context import Context
    from azfn.http import HttpRequest

__all__ = [
    "ExcInfo",
    "StartResponse",
    "WsgiApp",
    "WsgiEnviron",
    "WsgiMiddleware",
    "wsgi_environ",
]


def _log() -> logging.Logger:
    # logging is imported on first use only: it is heavy for `import azfn`.
    import logging

    return logging.getLogger("azfn.wsgi")


#: The ``exc_info`` a WSGI app may pass to ``start_response``.
ExcInfo: TypeAlias = (
    "tuple[type[BaseException], BaseException, types.TracebackType] | tuple[None, None, None]"
)
#: A WSGI environ.
WsgiEnviron: TypeAlias = "dict[str, object]"


class StartResponse(Protocol):
    """The ``start_response`` callable a WSGI app receives (PEP 3333)."""

    def __call__(
        self,
        status: str,
        headers: list[tuple[str, str]],
        exc_info: ExcInfo | None = ...,
        /,
    ) -> Callable[[bytes], object]:
        """Set the response status and headers; return the ``write`` callable."""
        ...


#: A WSGI application: Flask's ``app.wsgi_app``, Django's ``get_wsgi_application()``...
WsgiApp: TypeAlias = "Callable[[WsgiEnviron, StartResponse], Iterable[bytes]]"

#: The ``azure_functions.*`` environ (and scope) keys, and the context
#: attribute each one is read from.
CONTEXT_KEYS = (
    ("azure_functions.function_directory", "function_directory"),
    ("azure_functions.function_name", "function_name"),
    ("azure_functions.invocation_id", "invocation_id"),
    ("azure_functions.thread_local_storage", "thread_local_storage"),
    ("azure_functions.trace_context", "trace_context"),
    ("azure_functions.retry_context", "retry_context"),
)

_SLASHES = re.compile(r"//+")
_LEADING_DIGITS = re.compile(r"\s*(\d+)")
# Request headers that PEP 3333 moves out of the HTTP_* namespace.
_CGI_HEADERS = frozenset({"content-type", "content-length"})


def _wsgi_str(value: str) -> str:
    """Return *value* as a PEP 3333 "native string": its UTF-8 bytes as latin-1."""
    return value.encode("utf-8", "surrogateescape").decode("latin-1")


def request_target(url: str) -> urllib.parse.SplitResult:
    """Split *url*, with runs of ``/`` in its path collapsed to one."""
    import urllib.parse

    parts = urllib.parse.urlsplit(url)
    return parts._replace(path=_SLASHES.sub("/", parts.path) or "/")


def server_port(parts: urllib.parse.SplitResult, forwarded_port: str | None) -> int:
    """Return the port the client used: ``X-Forwarded-Port``, the URL's, or the scheme's."""
    if forwarded_port:
        for part in forwarded_port.split(","):
            match = _LEADING_DIGITS.match(part)
            if match:
                return int(match.group(1))
        _log().warning("ignoring invalid X-Forwarded-Port header %r", forwarded_port)
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None:
        return port
    return 443 if parts.scheme == "https" else 80


def context_items(context: object) -> list[tuple[str, object]]:
    """Return the ``azure_functions.*`` keys and the context's values for them."""
    return [(key, getattr(context, attr, None)) for key, attr in CONTEXT_KEYS]


def wsgi_environ(
    req: HttpRequest,
    context: Context | None = None,
    errors: typing.TextIO | io.TextIOBase | None = None,
) -> WsgiEnviron:
    """Return the PEP 3333 environ for *req*.

    Args:
        req: the function's HTTP request.
        context: the invocation context, exposed as ``azure_functions.*``
            keys (any object with the same attributes will do).
        errors: the ``wsgi.errors`` stream; a new in-memory stream by default.

    Returns:
        The environ. Keys whose value would be ``None`` are left out.
    """
    import urllib.parse

    parts = request_target(req.url)
    body = req.get_body() or b""
    headers = req.headers
    scheme = parts.scheme or "http"
    content_type = headers.get("content-type")
    host = parts.hostname or _host_name(headers.get("host"))
    candidates: dict[str, object] = {
        "REQUEST_METHOD": req.method,
        "SCRIPT_NAME": "",
        # Percent-decoded bytes as latin-1: what a WSGI server puts there.
        "PATH_INFO": urllib.parse.unquote_to_bytes(parts.path).decode("latin-1"),
        "QUERY_STRING": _wsgi_str(parts.query),
        "CONTENT_TYPE": None if content_type is None else _wsgi_str(content_type),
        "CONTENT_LENGTH": str(len(body)),
        "SERVER_NAME": _wsgi_str(host) if host else None,
        "SERVER_PORT": str(server_port(parts, headers.get("x-forwarded-port"))),
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    environ = {key: value for key, value in candidates.items() if value is not None}
    for name, value in headers.items():
        if name.lower() in _CGI_HEADERS:
            continue
        environ["HTTP_" + name.upper().replace("-", "_")] = _wsgi_str(value)
    environ.update(
        {
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": scheme,
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": errors if errors is not None else io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
    )
    for key, item in context_items(context):
        if item is not None:
            environ[key] = item
    return environ


def _host_name(host: str | None) -> str | None:
    if not host:
        return None
    if host.startswith("["):  # [::1]:8080
        return host[1 : host.find("]")] or None
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class _ErrorStream(io.TextIOBase):
    """``wsgi.errors`` for one request: text is logged at each flush.

    A flush (Python's logging handlers flush after each record) becomes one
    log record, so a traceback stays one record; what is left unflushed is
    logged when the request ends.
    """

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, s: str, /) -> int:
        self._parts.append(s)
        return len(s)

    def writelines(self, lines: Iterable[str], /) -> None:  # type: ignore[override]  # wider than TextIOBase's
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        text = "".join(self._parts).rstrip("\r\n")
        self._parts.clear()
        if text.strip():
            _log().error("WSGI app error stream: %s", text)


class _Response:
    """What a WSGI app answers: status, headers and body chunks."""

    def __init__(self) -> None:
        self.status: str | None = None
        self.headers: list[tuple[str, str]] = []
        self.chunks: list[bytes] = []

    def start_response(
        self,
        status: str,
        headers: list[tuple[str, str]],
        exc_info: ExcInfo | None = None,
        /,
    ) -> Callable[[bytes], object]:
        if exc_info is not None and exc_info[1] is not None:
            # Nothing is sent before the app returns, so an error page may
            # always replace the response begun so far (PEP 3333).
            self.chunks.clear()
        elif self.status is not None:
            raise RuntimeError("the WSGI app called start_response() twice without exc_info")
        self.status = status
        self.headers = list(headers)
        return self.write

    def write(self, data: bytes) -> None:
        if self.status is None:
            raise RuntimeError("the WSGI app called write() before start_response()")
        if data:
            self.chunks.append(bytes(data))

    def status_code(self) -> int:
        status = self.status
        if status is None:
            raise RuntimeError(
                "the WSGI app returned without calling start_response(): it gave no status"
            )
        code = status.split(None, 1)[0] if status.strip() else ""
        if not (len(code) == 3 and code.isdigit()):  # three digits
            raise ValueError(
                f"the WSGI app gave the invalid status {status!r}; a WSGI status "
                "is a three-digit code and a reason, such as '200 OK'"
            )
        return int(code)


def run_wsgi_app(app: WsgiApp, environ: WsgiEnviron) -> HttpResponse:
    """Call *app* with *environ* and return its answer as an :class:`HttpResponse`."""
    response = _Response()
    result = app(environ, response.start_response)
    try:
        for chunk in result:
            if chunk:
                if response.status is None:
                    raise RuntimeError(
                        "the WSGI app yielded body data before calling start_response()"
                    )
                response.chunks.append(bytes(chunk))
    finally:
        close = getattr(result, "close", None)
        if callable(close):
            close()
    return to_http_response(response.status_code(), response.headers, b"".join(response.chunks))


def content_type_parts(content_type: str | None) -> tuple[str | None, str | None]:
    """Split a ``Content-Type`` value into its mimetype and its charset parameter."""
    if content_type is None:
        return None, None
    mimetype, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').strip("'") or None
    return mimetype.strip() or None, charset


def to_http_response(status_code: int, headers: list[tuple[str, str]], body: bytes) -> HttpResponse:
    """Return the :class:`HttpResponse` for an app's status, headers and body."""
    content_type = next((v for k, v in headers if k.lower() == "content-type"), None)
    mimetype, charset = content_type_parts(content_type)
    return HttpResponse(
        body=body,
        status_code=status_code,
        headers=headers,
        mimetype=mimetype,
        charset=charset,
    )


class WsgiMiddleware:
    """Serve a WSGI application from an HTTP-triggered function.

    Example::

        from flask import Flask
        import azfn as func

        flask_app = Flask(__name__)
        main = func.WsgiMiddleware(flask_app.wsgi_app).main

    or, in a function of your own::

        def main(req: func.HttpRequest, context: func.Context) -> func.HttpResponse:
            return func.WsgiMiddleware(flask_app.wsgi_app).handle(req, context)

    Attributes:
        main: the same as :meth:`handle`, to assign to a function's entry point.
    """

    main: Callable[[HttpRequest, Context | None], HttpResponse]

    def __init__(self, app: WsgiApp) -> None:
        """Wrap *app*, a WSGI application callable."""
        self._app = app
        self.main = self._handle

    def handle(self, req: HttpRequest, context: Context | None = None) -> HttpResponse:
        """Run the WSGI app for *req* and return its response.

        Every status is returned as a response; text the app writes to
        ``wsgi.errors`` is logged (logger ``azfn.wsgi``).

        Args:
            req: the function's HTTP request.
            context: the invocation context, passed on as
                ``azure_functions.*`` environ keys.

        Returns:
            The app's status, headers (all of them) and body.

        Raises:
            Exception: whatever the app raises.
            RuntimeError: the app broke the WSGI protocol (no
                ``start_response()`` call, say).
        """
        return self._handle(req, context)

    def _handle(self, req: HttpRequest, context: Context | None = None) -> HttpResponse:
        errors = _ErrorStream()
        try:
            return run_wsgi_app(self._app, wsgi_environ(req, context, errors))
        finally:
            errors.flush()
