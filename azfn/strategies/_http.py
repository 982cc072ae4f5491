# pyright: strict
"""Strategies for HTTP requests (route-aware) and responses."""

from __future__ import annotations

import json as jsonlib
from typing import TYPE_CHECKING
from urllib.parse import quote
from urllib.parse import urlencode

from hypothesis import strategies as st

from azfn._routing import RouteTemplate
from azfn.http import HttpRequest
from azfn.http import HttpResponse
from azfn.strategies._common import Option
from azfn.strategies._common import bodies
from azfn.strategies._common import identifiers
from azfn.strategies._common import json_values
from azfn.strategies._common import option
from azfn.strategies._formats import route_paths

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["http_requests", "http_responses"]

_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_TOKEN = identifiers(extra="_")
_QUERY = st.dictionaries(_TOKEN, st.text(max_size=12), max_size=2)
_HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "user-agent": st.sampled_from(["python-httpx/0.28", "curl/8.5.0", "Mozilla/5.0"]),
        "accept": st.sampled_from(["*/*", "application/json", "text/html"]),
        "x-request-id": st.uuids().map(str),
    },
)


def http_requests(
    *,
    method: Option[str] | None = None,
    route: str | None = None,
    route_prefix: str = "api",
    params: Option[dict[str, str]] | None = None,
    headers: Option[dict[str, str]] | None = None,
    json: Option[object] | None = None,
    body: Option[bytes] | None = None,
) -> SearchStrategy[HttpRequest]:
    """HTTP requests as the host hands them to a function.

    Args:
        method: The method, or a strategy of methods (default: any).
        route: A route template (``items/{id:int}``): the URL's path matches it,
            constraints included, and ``route_params`` hold the matched values.
            Default: a plain path.
        route_prefix: ``host.json``'s route prefix (default ``api``).
        params: Query parameters (also in the URL).
        headers: Headers (default: a few a client sends).
        json: A JSON value (or strategy) sent as the body with
            ``content-type: application/json``.
        body: A raw body (or strategy). Default: none for GET/HEAD, else bytes.
    """
    template = RouteTemplate.parse(route) if route is not None else None
    paths = route_paths(template) if template is not None else route_paths("{*path}")
    methods = option(method, st.sampled_from(_METHODS))

    def build(draw: st.DrawFn) -> HttpRequest:
        chosen = draw(methods).upper()
        path = draw(paths)
        query = draw(option(params, _QUERY))
        sent = dict(draw(option(headers, _HEADERS)))
        if json is not None:
            payload: bytes = jsonlib.dumps(draw(option(json, json_values()))).encode("utf-8")
            sent.setdefault("content-type", "application/json")
        elif body is not None:
            payload = draw(option(body, bodies()))
        elif chosen in {"GET", "HEAD"}:
            payload = b""
        else:
            payload = draw(bodies())
        matched = template.match(path) if template is not None else None
        prefix = route_prefix.strip("/")
        url = "http://localhost:7071/" + "/".join(
            p for p in (prefix, quote(path, safe="/-._~")) if p
        )
        if query:
            url += "?" + urlencode(query)
        return HttpRequest(
            chosen,
            url,
            headers=sent,
            params=query,
            route_params=dict(matched or {}),
            body=payload,
        )

    return st.composite(build)()


def http_responses(
    *,
    status_code: Option[int] | None = None,
    body: Option[bytes | str] | None = None,
    mimetype: Option[str] | None = None,
) -> SearchStrategy[HttpResponse]:
    """HTTP responses a function may return."""
    return st.builds(
        HttpResponse,
        option(body, bodies()),
        status_code=option(status_code, st.sampled_from([200, 201, 204, 400, 404, 500])),
        mimetype=option(mimetype, st.sampled_from(["text/plain", "application/json"])),
    )
