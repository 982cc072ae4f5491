# pyright: strict
"""WsgiMiddleware: the reference's environ and response mapping, minus its bugs."""

from __future__ import annotations

import io
import json
import logging
import sys
import typing
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response

from azfn._http_wsgi import WsgiMiddleware
from azfn._http_wsgi import content_type_parts
from azfn._http_wsgi import wsgi_environ
from azfn.context import Context
from azfn.context import RetryContext
from azfn.context import TraceContext
from azfn.http import HttpRequest
from azfn.http import HttpResponse

if TYPE_CHECKING:
    from azfn._http_wsgi import StartResponse
    from azfn._http_wsgi import WsgiEnviron

Handler = Callable[[Request], Response]


class MiniFlask:
    """A Flask-like WSGI framework: werkzeug requests, a route table, error pages."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.seen: list[Request] = []

    def route(self, path: str, methods: Iterable[str] = ("GET",)) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            for method in methods:
                self.routes[path, method] = handler
            return handler

        return register

    def wsgi_app(self, environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        self.seen.append(request)
        handler = self.routes.get((request.path, request.method))
        if handler is None:
            response = Response("not found", status=404)
        else:
            try:
                response = handler(request)
            except Exception:  # Flask turns errors into a 500 page
                response = Response("internal server error", status=500)
        return response(environ, start_response)


def _request(
    method: str = "GET",
    url: str = "https://example.com/api/items",
    headers: dict[str, str] | None = None,
    body: bytes = b"",
) -> HttpRequest:
    return HttpRequest(method, url, headers=headers, body=body)


def _echo_environ(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
    """Answer with the environ's string values as JSON."""
    shown = {k: v for k, v in environ.items() if isinstance(v, str)}
    start_response("200 OK", [("Content-Type", "application/json")])
    return [json.dumps(shown).encode()]


def _environ_of(req: HttpRequest) -> dict[str, str]:
    response = WsgiMiddleware(_echo_environ).handle(req)
    result: dict[str, str] = json.loads(response.get_body())
    return result


@pytest.fixture
def flask() -> MiniFlask:
    """A MiniFlask app with a few routes."""
    app = MiniFlask()

    @app.route("/api/items", methods=["GET", "POST"])
    def items(request: Request) -> Response:
        if request.method == "POST":
            data = request.get_json()
            return Response(json.dumps({"got": data}), status=201, mimetype="application/json")
        return Response(f"items q={request.args.get('q')}")

    @app.route("/api/login", methods=["POST"])
    def login(request: Request) -> Response:
        response = Response("welcome")
        response.set_cookie("session", "abc", httponly=True)
        response.set_cookie("csrftoken", "xyz")
        return response

    @app.route("/api/missing")
    def missing(request: Request) -> Response:
        return Response("no such thing", status=404)

    @app.route("/api/crash")
    def crash(request: Request) -> Response:
        raise RuntimeError("boom")

    return app


# Reference-compatible behaviour


def test_get_round_trip(flask: MiniFlask) -> None:
    """A GET reaches the Flask-like app and its response comes back."""
    response = WsgiMiddleware(flask.wsgi_app).handle(
        _request(url="https://example.com/api/items?q=shoes")
    )
    assert isinstance(response, HttpResponse)
    assert response.status_code == 200
    assert response.get_body() == b"items q=shoes"
    assert response.mimetype == "text/plain"
    assert response.charset == "utf-8"


def test_post_json_round_trip(flask: MiniFlask) -> None:
    """A JSON body and its Content-Type reach the app; its status and JSON come back."""
    req = _request("POST", headers={"Content-Type": "application/json"}, body=b'{"name": "shoe"}')
    response = WsgiMiddleware(flask.wsgi_app).handle(req)
    assert response.status_code == 201
    assert json.loads(response.get_body()) == {"got": {"name": "shoe"}}
    assert response.mimetype == "application/json"


def test_environ_matches_the_reference() -> None:
    """The CGI keys are the reference's for a typical request."""
    req = _request(
        "POST",
        "https://example.com/api/items%20x?a=1&b=%C3%A9",
        headers={"Content-Type": "text/plain", "X-Custom": "v", "Accept": "*/*"},
        body=b"hello",
    )
    environ = _environ_of(req)
    assert environ == {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": "/api/items x",
        "QUERY_STRING": "a=1&b=%C3%A9",
        "CONTENT_TYPE": "text/plain",
        "CONTENT_LENGTH": "5",
        "SERVER_NAME": "example.com",
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_X_CUSTOM": "v",
        "HTTP_ACCEPT": "*/*",
        "wsgi.url_scheme": "https",
    }


def test_wsgi_keys() -> None:
    """The wsgi.* keys: version, scheme, input holding the body, flags."""
    environ = wsgi_environ(_request("PUT", "http://h/api/x", body=b"data"))
    assert environ["wsgi.version"] == (1, 0)
    assert environ["wsgi.url_scheme"] == "http"
    wsgi_input = environ["wsgi.input"]
    assert isinstance(wsgi_input, io.BytesIO)
    assert wsgi_input.read() == b"data"
    assert environ["wsgi.multithread"] is False
    assert environ["wsgi.multiprocess"] is False
    assert environ["wsgi.run_once"] is False
    assert "wsgi.errors" in environ


def test_context_keys() -> None:
    """The invocation context appears as azure_functions.* keys."""
    trace = TraceContext("00-" + "1" * 32 + "-" + "2" * 16 + "-01")
    retry = RetryContext(1, 3)
    context = Context(
        invocation_id="inv-1",
        function_name="http_app_func",
        function_directory="/home/site/wwwroot",
        trace_context=trace,
        retry_context=retry,
    )
    environ = wsgi_environ(_request(), context)
    assert environ["azure_functions.invocation_id"] == "inv-1"
    assert environ["azure_functions.function_name"] == "http_app_func"
    assert environ["azure_functions.function_directory"] == "/home/site/wwwroot"
    assert environ["azure_functions.trace_context"] is trace
    assert environ["azure_functions.retry_context"] is retry
    assert environ["azure_functions.thread_local_storage"] is context.thread_local_storage


def test_no_context_means_no_context_keys() -> None:
    """Without a context the azure_functions.* keys are left out (None values are dropped)."""
    environ = wsgi_environ(_request())
    assert not [key for key in environ if key.startswith("azure_functions.")]
    assert "CONTENT_TYPE" not in environ


@pytest.mark.parametrize(
    ("url", "forwarded", "port"),
    [
        ("https://example.com/api/x", None, "443"),
        ("http://example.com/api/x", None, "80"),
        ("http://localhost:7071/api/x", None, "7071"),
        ("https://example.com/api/x", "8443", "8443"),
        ("https://example.com/api/x", "8080, 443", "8080"),
        ("https://example.com/api/x", "abc, 99x", "99"),
        ("https://example.com:444/api/x", "junk", "444"),
    ],
)
def test_server_port(url: str, forwarded: str | None, port: str) -> None:
    """SERVER_PORT: X-Forwarded-Port's first number, else the URL's port, else the scheme's."""
    headers = {"X-Forwarded-Port": forwarded} if forwarded is not None else {}
    assert _environ_of(_request(url=url, headers=headers))["SERVER_PORT"] == port


def test_main_is_handle(flask: MiniFlask) -> None:
    """`.main` serves requests like handle(), with or without a context."""
    middleware = WsgiMiddleware(flask.wsgi_app)
    assert middleware.main(_request(), None).get_body() == b"items q=None"
    assert middleware.main(_request(), Context()).status_code == 200


def test_generator_body_write_and_close() -> None:
    """Chunks from a generator and from write() are joined; the iterable is closed."""
    closed: list[bool] = []

    class Body:
        def __iter__(self) -> Iterator[bytes]:
            yield b"b"
            yield b""
            yield b"c"

        def close(self) -> None:
            closed.append(True)

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        write = start_response("200 OK", [])
        write(b"a")
        return Body()

    assert WsgiMiddleware(app).handle(_request()).get_body() == b"abc"
    assert closed == [True]


def test_exc_info_replaces_the_response() -> None:
    """start_response with exc_info replaces a response begun before (PEP 3333)."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        write = start_response("200 OK", [("X-Partial", "1")])
        write(b"partial")
        try:
            raise ValueError("late failure")
        except ValueError:
            start_response("500 Internal Server Error", [("X-Error", "1")], sys.exc_info())
        return [b"error page"]

    response = WsgiMiddleware(app).handle(_request())
    assert response.status_code == 500
    assert response.get_body() == b"error page"
    assert response.headers.items() == [("X-Error", "1")]


def test_start_response_twice_without_exc_info_is_an_error() -> None:
    """Calling start_response twice without exc_info is a protocol error."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        start_response("200 OK", [])
        start_response("201 Created", [])
        return []

    with pytest.raises(RuntimeError, match="twice"):
        WsgiMiddleware(app).handle(_request())


def test_app_that_never_starts_a_response() -> None:
    """An app that returns without calling start_response is reported clearly."""
    with pytest.raises(RuntimeError, match="start_response"):
        WsgiMiddleware(lambda environ, start_response: [b"x"]).handle(_request())


def test_invalid_status_line() -> None:
    """A malformed status line raises ValueError naming it."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        start_response("OK", [])
        return []

    with pytest.raises(ValueError, match="'OK'"):
        WsgiMiddleware(app).handle(_request())


def test_app_exception_propagates() -> None:
    """An exception the app does not handle reaches the caller (the host answers 500)."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        raise KeyError("unhandled")

    with pytest.raises(KeyError, match="unhandled"):
        WsgiMiddleware(app).handle(_request())


# Bug fixes


def test_every_set_cookie_survives(flask: MiniFlask) -> None:
    """Two Set-Cookie headers from the app are both in the response."""
    response = WsgiMiddleware(flask.wsgi_app).handle(_request("POST", "https://h/api/login"))
    cookies = response.headers.get_all("Set-Cookie")
    assert len(cookies) == 2
    assert cookies[0].startswith("session=abc")
    assert "HttpOnly" in cookies[0]
    assert cookies[1].startswith("csrftoken=xyz")


@pytest.mark.parametrize(("path", "status"), [("/api/missing", 404), ("/api/crash", 500)])
def test_error_statuses_are_returned_not_raised(flask: MiniFlask, path: str, status: int) -> None:
    """4xx and 5xx responses come back as responses (the reference raised for 5xx)."""
    response = WsgiMiddleware(flask.wsgi_app).handle(_request(url=f"https://h{path}"))
    assert response.status_code == status
    assert response.get_body() in (b"no such thing", b"internal server error")


def test_charset_comes_from_content_type() -> None:
    """The mimetype is Content-Type without parameters, the charset its parameter."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=ISO-8859-1"), ("Content-Encoding", "gzip")],
        )
        return [b"\xe9"]

    response = WsgiMiddleware(app).handle(_request())
    assert response.mimetype == "text/html"
    assert response.charset == "ISO-8859-1"
    assert response.headers["Content-Type"] == "text/html; charset=ISO-8859-1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, (None, None)),
        ("application/json", ("application/json", None)),
        ("text/plain;charset=utf-16", ("text/plain", "utf-16")),
        ('text/plain; format=flowed; charset="latin-1"', ("text/plain", "latin-1")),
        ("text/plain; CHARSET=ascii", ("text/plain", "ascii")),
    ],
)
def test_content_type_parts(value: str | None, expected: tuple[str | None, str | None]) -> None:
    """Content-Type splits into mimetype and charset, quotes and case tolerated."""
    assert content_type_parts(value) == expected


def test_no_content_type_keeps_the_defaults() -> None:
    """Without Content-Type the response keeps HttpResponse's text/plain, utf-8 defaults."""

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        start_response("204 No Content", [])
        return []

    response = WsgiMiddleware(app).handle(_request())
    assert response.status_code == 204
    assert (response.mimetype, response.charset) == ("text/plain", "utf-8")


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("https://h/api//items", "/api/items"),
        ("https://h//api///items/", "/api/items/"),
        ("https://h", "/"),
    ],
)
def test_double_slashes_are_collapsed(flask: MiniFlask, url: str, path: str) -> None:
    """A route prefix joined to '/{*route}' does not reach the app as '//'."""
    assert _environ_of(_request(url=url))["PATH_INFO"] == path


def test_double_slash_url_reaches_the_route(flask: MiniFlask) -> None:
    """The app routes /api//items to its /api/items handler."""
    response = WsgiMiddleware(flask.wsgi_app).handle(_request(url="https://h/api//items?q=1"))
    assert response.get_body() == b"items q=1"


def test_non_ascii_path_is_decoded_once(flask: MiniFlask) -> None:
    """A percent-encoded UTF-8 path reaches the app as the right text (the reference garbled it)."""
    WsgiMiddleware(flask.wsgi_app).handle(_request(url="https://h/api/caf%C3%A9?q=%C3%A9"))
    request = flask.seen[-1]
    assert request.path == "/api/café"
    assert request.args["q"] == "é"


def test_content_headers_are_not_duplicated_as_http_keys() -> None:
    """Content-Type and Content-Length are CONTENT_* keys only (PEP 3333)."""
    req = _request(
        "POST",
        headers={"Content-Type": "application/json", "Content-Length": "2"},
        body=b"{}",
    )
    environ = _environ_of(req)
    assert "HTTP_CONTENT_TYPE" not in environ
    assert "HTTP_CONTENT_LENGTH" not in environ
    assert environ["CONTENT_TYPE"] == "application/json"
    assert environ["CONTENT_LENGTH"] == "2"


def test_error_stream_is_logged_and_does_not_poison_later_requests(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Text written to wsgi.errors is logged, one record per flush; the next request is fine."""
    calls: list[int] = []

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        calls.append(1)
        errors = typing.cast("typing.TextIO", environ["wsgi.errors"])
        if len(calls) == 1:
            errors.write("first line\nsecond ")
            errors.write("line\n")
            errors.flush()
            errors.writelines(["unflushed", " text"])
        start_response("200 OK", [])
        return [b"ok"]

    middleware = WsgiMiddleware(app)
    with caplog.at_level(logging.ERROR, logger="azfn.wsgi"):
        first = middleware.handle(_request())
        second = middleware.handle(_request())
    assert (first.status_code, second.status_code) == (200, 200)
    messages = [r.getMessage() for r in caplog.records if r.name == "azfn.wsgi"]
    assert messages == [
        "WSGI app error stream: first line\nsecond line",
        "WSGI app error stream: unflushed text",
    ]


def test_each_request_gets_its_own_error_stream() -> None:
    """wsgi.errors is a new stream per request."""
    streams: list[object] = []

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        streams.append(environ["wsgi.errors"])
        start_response("200 OK", [])
        return []

    middleware = WsgiMiddleware(app)
    middleware.handle(_request())
    middleware.handle(_request())
    assert streams[0] is not streams[1]


def test_host_header_names_the_server_for_relative_urls() -> None:
    """A URL without a host takes SERVER_NAME from the Host header."""
    environ = _environ_of(_request(url="/api/items", headers={"Host": "example.org:8080"}))
    assert environ["SERVER_NAME"] == "example.org"
    assert environ["wsgi.url_scheme"] == "http"


# Property: headers survive the round trip

_token = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
_value = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30).map(
    str.strip
)


@settings(max_examples=60, deadline=None)
@given(
    request_headers=st.dictionaries(_token.map(lambda s: "x-" + s), _value, max_size=8),
    response_headers=st.lists(st.tuples(_token.map(lambda s: "X-" + s), _value), max_size=8),
    cookies=st.lists(_token.map(lambda s: s + "=1"), max_size=4),
)
def test_arbitrary_headers_survive_the_round_trip(
    request_headers: dict[str, str],
    response_headers: list[tuple[str, str]],
    cookies: list[str],
) -> None:
    """Any request headers reach the app; any response headers, repeats included, come back."""
    seen: dict[str, str] = {}
    answer = response_headers + [("Set-Cookie", c) for c in cookies]

    def app(environ: WsgiEnviron, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        seen.update({k.lower(): v for k, v in request.headers.items() if k != "Content-Length"})
        start_response("200 OK", answer)
        return [b""]

    response = WsgiMiddleware(app).handle(_request(headers=request_headers))
    assert seen == request_headers
    assert response.headers.items() == answer
    assert response.headers.get_all("Set-Cookie") == cookies
