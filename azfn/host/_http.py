# pyright: strict
"""HTTP in the in-process host: requests in, responses out, with the host's rules.

Transport-independent: a :class:`HostRequest` (what any front end received)
goes through :class:`HttpHost` and comes back as a :class:`HostResponse`.
The test client builds requests in memory; the local dev server will build
them from sockets. The steps, each from host-semantics Part A:

1. route (§A3.1, §A3.2, §A3.4): no match is a 404 with an empty body, and
   ``GET /`` the homepage (200, or 204 when ``AzureWebJobsDisableHomepage``);
2. auth (§A3.3), only when enforced: a 401 with an empty body;
3. canonicalise the request into the http datum's wire dict (§A3.5,
   documented in :mod:`azfn.http`);
4. invoke (engineer A's invoker), after binding the inputs (§A2.2);
5. convert the result (§A2.3): the function's ``HttpResponse`` or ``str``,
   the JSON envelope rule for strings, 204 for ``None`` with no http output,
   500 with an empty body for anything else and for exceptions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import cast
from urllib.parse import parse_qsl

from azfn.host._router import RouteMatch
from azfn.host._router import Router
from azfn.host._router import authorize
from azfn.host._router import decode_path
from azfn.meta import Datum

if TYPE_CHECKING:
    from collections.abc import Sequence

    from azfn.host._invoker import InvocationResult
    from azfn.host._model import FunctionInfo
    from azfn.host._model import Project

__all__ = [
    "HOMEPAGE",
    "HostRequest",
    "HostResponse",
    "HttpHost",
    "HttpHostError",
    "canonical_headers",
    "canonical_query",
    "http_wire",
    "response_for",
]

#: The body of ``GET /`` (the host serves a similar page).
HOMEPAGE = (
    "<!DOCTYPE html><html><head><title>Your Functions app is up and running</title></head>"
    "<body><h1>Your Functions app is up and running</h1>"
    "<p>Served in-process by azfn.</p></body></html>"
)
_TEXT = "text/plain; charset=utf-8"


class HttpHostError(RuntimeError):
    """A bug in azfn's HTTP host (never a problem with the app or the request)."""


@dataclass(frozen=True)
class HostRequest:
    """An HTTP request as a front end received it.

    Attributes:
        method: The method as sent (``"GET"``).
        path: The path, percent-encoded as sent (``"/api/items/42"``).
        query: The raw query string, without ``?``.
        headers: Header lines in order; names in any case, repeats allowed.
        body: The raw body.
        base_url: Scheme and authority used for the ``url`` the function sees.
    """

    method: str
    path: str
    query: str = ""
    headers: Sequence[tuple[str, str]] = ()
    body: bytes = b""
    base_url: str = "http://localhost:7071"

    @property
    def url(self) -> str:
        """The full URL, query included (§A3.5)."""
        path = self.path if self.path.startswith("/") else "/" + self.path
        return f"{self.base_url}{path}" + (f"?{self.query}" if self.query else "")


@dataclass
class HostResponse:
    """An HTTP response as the host sends it.

    Attributes:
        status_code: The status code.
        headers: Header lines in order (``Set-Cookie`` once per cookie).
        body: The body.
        function: The function that handled the request (``None`` for a 404,
            the homepage).
        invocation: The invocation result, when the function ran.
    """

    status_code: int
    headers: list[tuple[str, str]] = field(default_factory=list[tuple[str, str]])
    body: bytes = b""
    function: str | None = None
    invocation: InvocationResult | None = None


def canonical_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Header names lower-cased, repeated names joined with ``","`` (§A3.5)."""
    result: dict[str, str] = {}
    for name, value in headers:
        lower = name.lower()
        result[lower] = f"{result[lower]},{value}" if lower in result else value
    return result


def canonical_query(query: str) -> dict[str, str]:
    """Query parameters with empty values dropped, repeats joined with ``","`` (§A3.5)."""
    result: dict[str, str] = {}
    if not query:
        return result
    for name, value in parse_qsl(query):  # drops blank values, as the host does
        result[name] = f"{result[name]},{value}" if name in result else value
    return result


def http_wire(
    request: HostRequest, params: Mapping[str, str], headers: Mapping[str, str] | None = None
) -> dict[str, object]:
    """The http datum's wire dict the host sends for *request* (see :mod:`azfn.http`)."""
    return {
        "method": request.method,
        "url": request.url,
        "headers": canonical_headers(request.headers) if headers is None else dict(headers),
        "query": canonical_query(request.query),
        "params": dict(params),
        "body": request.body,
    }


def _plain(status: int, content_type: str | None = None, body: bytes = b"") -> HostResponse:
    headers = [] if content_type is None else [("Content-Type", content_type)]
    return HostResponse(status, headers, body)


def _status(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        status = value
    elif isinstance(value, str) and value.strip().isdigit():
        status = int(value.strip())
    else:
        return None
    return status if 100 <= status <= 599 else None


def _from_envelope(data: Mapping[str, object]) -> HostResponse:
    """A JSON object with a ``body`` key, returned as a string: the host's envelope (§A2.3)."""
    keys = {k.lower(): k for k in data}
    status_key = keys.get("status") or keys.get("statuscode")
    status = 200 if status_key is None else _status(data[status_key])
    if status is None:
        return _plain(500)
    headers: list[tuple[str, str]] = []
    raw_headers = data.get(keys["headers"]) if "headers" in keys else None
    if isinstance(raw_headers, Mapping):
        for name, value in cast("Mapping[object, object]", raw_headers).items():
            headers.append((str(name), value if isinstance(value, str) else json.dumps(value)))
    body = data[keys["body"]]
    if body is None:
        payload, content_type = b"", _TEXT
    elif isinstance(body, str):
        payload, content_type = body.encode(), _TEXT
    else:
        payload = json.dumps(body, separators=(",", ":")).encode()
        content_type = "application/json; charset=utf-8"
    if not any(name.lower() == "content-type" for name, _ in headers):
        headers.append(("Content-Type", content_type))
    return HostResponse(status, headers, payload)


def _from_string(text: str) -> HostResponse:
    """A returned ``str``: the envelope rule, else 200 text/plain as written (§A2.3)."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data: object = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            mapping = cast("dict[str, object]", data)
            if any(k.lower() == "body" for k in mapping):
                return _from_envelope(mapping)
    return _plain(200, _TEXT, text.encode())


def _from_http_datum(value: object) -> HostResponse:
    """The worker's http response dict (``HttpResponseConverter.encode``)."""
    if not isinstance(value, Mapping):
        raise HttpHostError(f"an http datum's value should be a mapping, got {value!r}")
    wire = cast("Mapping[str, object]", value)
    status = _status(wire.get("status_code", 200))
    if status is None:
        raise HttpHostError(f"an http datum has an invalid status code: {wire!r}")
    headers: list[tuple[str, str]] = []
    raw_headers = cast("Mapping[str, object] | None", wire.get("headers")) or {}
    for name, item in raw_headers.items():
        headers.append((name, str(item)))
    headers += [("Set-Cookie", str(c)) for c in cast("list[object]", wire.get("cookies") or [])]
    body = wire.get("body")
    if isinstance(body, Datum):
        body = body.value
    if body is None:
        payload = b""
    elif isinstance(body, (bytes, bytearray)):
        payload = bytes(body)
    else:
        payload = str(body).encode()
    return HostResponse(status, headers, payload)


def _from_datum(datum: Datum) -> HostResponse:
    if datum.type == "http":
        return _from_http_datum(datum.value)
    if datum.type == "string" and isinstance(datum.value, str):
        return _from_string(datum.value)
    # Only str and HttpResponse encode for an http binding; anything else is a host 500.
    return _plain(500)


def _http_output(function: FunctionInfo) -> str | None:
    """The binding whose value becomes the response: ``$return`` first, else an http out."""
    names = [b.name for b in function.outputs if b.type.lower() == "http"]
    if "$return" in names:
        return "$return"
    return names[0] if names else None


def response_for(function: FunctionInfo, result: InvocationResult) -> HostResponse:
    """Convert an invocation's result into the host's response (§A2.2, §A2.3).

    * an exception: 500, empty body;
    * the http output's encoded value: an ``HttpResponse`` as given, a
      ``str`` per the envelope rule (else 200 text/plain);
    * an http output that got nothing (``return None``): 500;
    * no http output and nothing returned (v1): 204.
    """
    if result.exception is not None:
        return _plain(500)
    output = _http_output(function)
    if output is None:
        return _plain(204) if result.return_value is None else _plain(500)
    datum = result.encoded.get(output)
    if datum is None:
        return _plain(500)  # the worker cannot encode None for an http output
    return _from_datum(datum)


def _disabled_homepage(settings: Mapping[str, str]) -> bool:
    import os

    name = "AzureWebJobsDisableHomepage"
    value = settings.get(name, os.environ.get(name))
    return (value or "").strip().lower() == "true"


class HttpHost:
    """Serves HTTP requests to a project's functions with the host's rules.

    Args:
        project: The loaded app.
        enforce_auth: Check keys like the host in Azure (§A3.3); off by
            default, like Core Tools.
        function_keys: Function name (or ``"*"`` for every function) to a
            key or keys, accepted for ``function``-level routes.
        master_key: The master key, accepted for every route.
    """

    def __init__(
        self,
        project: Project,
        *,
        enforce_auth: bool = False,
        function_keys: Mapping[str, str | Sequence[str]] | None = None,
        master_key: str | None = None,
    ) -> None:
        self.project = project
        self.router = Router.for_functions(project.functions.values(), project.route_prefix)
        self.enforce_auth = enforce_auth
        self.function_keys = dict(function_keys or {})
        self.master_key = master_key

    @property
    def warnings(self) -> tuple[str, ...]:
        """Overlapping routes (§A3.4)."""
        return self.router.warnings

    def route(self, request: HostRequest) -> RouteMatch | HostResponse:
        """Route *request*: its match, or the response that ends it (404, 401, homepage)."""
        path = decode_path(request.path)
        match = self.router.match(request.method, path)
        if match is None:
            if path.strip("/") == "" and request.method.upper() in ("GET", "HEAD"):
                if _disabled_homepage(self.project.settings):
                    return _plain(204)
                return self.finish(request, _plain(200, "text/html", HOMEPAGE.encode()))
            return _plain(404)
        if self.enforce_auth:
            headers = canonical_headers(request.headers)
            allowed = authorize(
                match.route,
                headers,
                canonical_query(request.query),
                function_keys=self.function_keys,
                master_key=self.master_key,
            )
            if not allowed:
                return _plain(401)
        return match

    def finish(self, request: HostRequest, response: HostResponse) -> HostResponse:
        """Final touches a server makes: ``Content-Length``, no body for ``HEAD``."""
        if response.status_code not in (204, 304) and not any(
            n.lower() == "content-length" for n, _ in response.headers
        ):
            response.headers.append(("Content-Length", str(len(response.body))))
        if request.method.upper() == "HEAD":
            response.body = b""
        return response
