# pyright: strict
"""HTTP requests and responses, and their conversion to and from the host.

:class:`HttpRequest` and :class:`HttpResponse` behave like the reference's
``azure.functions`` classes of the same names, so tests and functions written
for it run unchanged. On top of that they parse the URL's query string into
``params``, read ``cookies``, raise :class:`FormParseError` for a malformed
form instead of returning it empty, validate status codes and header lines,
and offer :meth:`HttpResponse.json`, :meth:`HttpResponse.set_cookie` and a
useful ``repr`` and ``==``. Werkzeug is imported only when a form is read.

The converters speak the worker's wire format, as plain data:

* ``HttpRequestConverter.decode`` takes ``Datum(type="http", value=request)``
  where *request* is a mapping::

      {"method": "POST",                       # as received
       "url": "https://host/api/items?x=1",    # full URL, query included
       "headers": {"content-type": "..."},     # names lower-cased, repeats ","-joined
       "query": {"x": "1"},                    # empty values dropped, repeats ","-joined
       "params": {"id": "42"},                 # route parameters
       "body": b"..."}                         # bytes, str, None or a Datum of those

  Only ``method`` and ``url`` are required; any value may also be wrapped in
  a ``Datum`` (the reference's shape), and other keys are ignored.

* ``HttpResponseConverter.encode`` returns ``Datum(type="string", value=s)``
  for a returned ``str`` *s*, ``None`` for anything but a ``str`` or an
  :class:`HttpResponse` (the host answers 500), and for a response
  ``Datum(type="http", value=response)`` where *response* is::

      {"status_code": "201",                    # a str, like the reference
       "headers": {"X-Id": "1", "content-type": "application/json"},
       "cookies": ["sid=abc; HttpOnly; Path=/"],  # Set-Cookie values, in order
       "body": b"..."}

  ``headers`` keeps each name's first spelling and joins repeated values
  with ``", "``; ``content-type`` is added when the response has none
  (``"<mimetype>; charset=<charset>"`` for ``text/*``, the bare mimetype
  otherwise). The user's response object is left untouched.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable
from collections.abc import Mapping
from typing import TYPE_CHECKING
from typing import ClassVar
from typing import cast

from azfn._bodies import FormParseError
from azfn._bodies import InvalidJSONError
from azfn._bodies import as_bytes
from azfn._bodies import parse_form
from azfn._bodies import parse_json
from azfn._cookies import format_set_cookie
from azfn._cookies import parse_cookie_header
from azfn._headers import HttpRequestHeaders
from azfn._headers import HttpResponseHeaders
from azfn._headers import check_line_text
from azfn._headers import check_status_code
from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if TYPE_CHECKING:
    import datetime
    from http import HTTPStatus

    from typing_extensions import Self
    from werkzeug.datastructures import FileStorage
    from werkzeug.datastructures import ImmutableMultiDict

    from azfn._bodies import Form
    from azfn._headers import HeadersInput
    from azfn.bindings._base import JSONValue

__all__ = [
    "FormParseError",
    "HttpRequest",
    "HttpRequestConverter",
    "HttpRequestHeaders",
    "HttpResponse",
    "HttpResponseConverter",
    "HttpResponseHeaders",
    "InvalidJSONError",
]


def _query_params(url: str) -> dict[str, str]:
    """The URL's query as the host gives it: empty values dropped, repeats joined."""
    query = url.partition("?")[2].partition("#")[0]
    if not query:
        return {}
    from urllib.parse import parse_qsl

    params: dict[str, str] = {}
    for name, value in parse_qsl(query):
        params[name] = f"{params[name]},{value}" if name in params else value
    return params


def _method_and_url(method: object, url: object) -> tuple[str, str]:
    if not isinstance(method, str) or not isinstance(url, str):
        raise TypeError("an HTTP request's method and url must be str")
    return method, url


class HttpRequest:
    """An HTTP request, as a function receives it.

    Args:
        method: the method; :attr:`method` reads it upper-cased.
        url: the full URL. Its query parameters appear in :attr:`params`.
        headers: the headers, looked up case-insensitively.
        params: query parameters; they win over those of *url*.
        route_params: the values of the route template's parameters.
        body: the raw body (required, like the reference). A ``str`` is
            encoded as UTF-8 and ``None`` is read as an empty body.

    *headers*, *params* and *route_params* are copied: changing the dicts
    passed in later does not change the request.

    Raises:
        TypeError: *method* or *url* is not a ``str``, or *body* is not
            bytes-like, a ``str`` or ``None``.
    """

    def __init__(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        route_params: Mapping[str, str] | None = None,
        body: bytes | bytearray | memoryview | str | None,
    ) -> None:
        self._method, self._url = _method_and_url(method, url)
        self._headers = HttpRequestHeaders(headers)
        self._given_params = dict(params) if params else {}
        self._route = dict(route_params) if route_params else {}
        self._body = body if type(body) is bytes else as_bytes(body)

    # Computed on first use, which keeps building a request cheap.
    _params: Mapping[str, str] | None = None
    _route_params: Mapping[str, str] | None = None
    _cookies: Mapping[str, str] | None = None
    _form: Form | None = None
    _form_error: str | None = None

    @property
    def method(self) -> str:
        """The request method, upper-cased (``"GET"``)."""
        return self._method.upper()

    @property
    def url(self) -> str:
        """The URL, as given."""
        return self._url

    @property
    def headers(self) -> HttpRequestHeaders:
        """The headers: read-only, case-insensitive, names lower-cased."""
        return self._headers

    @property
    def params(self) -> Mapping[str, str]:
        """The query parameters (read-only).

        Those of the URL's query string come first, read the way the host
        reads them (empty values dropped, repeated names joined with
        ``","``); the ``params`` given to the constructor win over them.
        """
        if self._params is None:
            merged = _query_params(self._url)
            merged.update(self._given_params)
            self._params = types.MappingProxyType(merged)
        return self._params

    @property
    def route_params(self) -> Mapping[str, str]:
        """The route parameters (read-only)."""
        if self._route_params is None:
            self._route_params = types.MappingProxyType(self._route)
        return self._route_params

    @property
    def cookies(self) -> Mapping[str, str]:
        """The cookies of the ``Cookie`` header (read-only; first of a name wins)."""
        if self._cookies is None:
            header = self._headers.get("cookie")
            self._cookies = types.MappingProxyType(parse_cookie_header(header or ""))
        return self._cookies

    @property
    def form(self) -> ImmutableMultiDict[str, str]:
        """The fields of a URL-encoded or multipart body (repeated names kept).

        Other content types, and an empty body, give an empty form.

        Raises:
            FormParseError: the body is not the form its ``Content-Type`` says.
        """
        return self._parsed_form()[0]

    @property
    def files(self) -> ImmutableMultiDict[str, FileStorage]:
        """The files of a multipart body, as Werkzeug ``FileStorage`` objects.

        Several files may share a field name (``files.getlist(name)``).

        Raises:
            FormParseError: the body is not the form its ``Content-Type`` says.
        """
        return self._parsed_form()[1]

    def _parsed_form(self) -> Form:
        if self._form is None:
            if self._form_error is not None:
                raise FormParseError(self._form_error)
            try:
                self._form = parse_form(self._body, self._headers.get("content-type") or "")
            except FormParseError as exc:
                self._form_error = str(exc)
                raise
        return self._form

    def get_body(self) -> bytes:
        """Return the raw body."""
        return self._body

    def get_json(self) -> JSONValue:
        """Return the body parsed as UTF-8 JSON (a new object on each call).

        Raises:
            InvalidJSONError: the body, an empty one included, is not JSON
                (a ``ValueError``: ``except ValueError`` catches it).
        """
        return parse_json(self._body)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.method} {self._url} ({len(self._body)} bytes)>"


def _response_body(body: object, charset: str) -> bytes:
    if isinstance(body, str):
        return body.encode(charset)
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    raise TypeError(
        f"response is expected to be either of str, bytes, or bytearray, got {type(body).__name__}"
    )


def _content_type(mimetype: str, charset: str) -> str:
    """The Content-Type the worker sends for a response without one."""
    return f"{mimetype}; charset={charset}" if mimetype.startswith("text/") else mimetype


class HttpResponse:
    """An HTTP response, as a function returns it.

    Args:
        body: the body; a ``str`` is encoded with *charset* here.
        status_code: an ``int`` from 100 to 599 or an ``http.HTTPStatus``
            (stored as ``int``); 200 by default.
        headers: headers to send, copied into :attr:`headers`.
        mimetype: the body's type, ``text/plain`` by default. It becomes the
            ``Content-Type`` unless *headers* has one.
        charset: the text encoding, ``utf-8`` by default.

    Raises:
        TypeError: *body* is not ``str``, ``bytes`` or ``bytearray``, or
            *status_code* is not an ``int`` (a string such as ``"201"``
            included).
        ValueError: *status_code* is out of range, or a header name or
            value, *mimetype* or *charset* contains CR, LF or NUL.
        LookupError: *charset* is unknown and *body* is a ``str``.
    """

    def __init__(
        self,
        body: str | bytes | bytearray | None = None,
        *,
        status_code: HTTPStatus | int | None = None,
        headers: HeadersInput | None = None,
        mimetype: str | None = None,
        charset: str | None = None,
    ) -> None:
        self._status_code = check_status_code(status_code)
        self._mimetype = check_line_text("mimetype", "text/plain" if mimetype is None else mimetype)
        self._charset = check_line_text("charset", "utf-8" if charset is None else charset)
        self._headers = HttpResponseHeaders(headers)
        self._body = _response_body(body, self._charset)

    @classmethod
    def json(
        cls,
        data: object,
        *,
        status_code: HTTPStatus | int = 200,
        headers: HeadersInput | None = None,
        mimetype: str = "application/json",
        default: Callable[[object], object] | None = None,
    ) -> Self:
        """Return a response whose body is *data* as compact UTF-8 JSON.

        *default* converts objects ``json`` cannot (``default=str`` for
        dates, say).

        Raises:
            TypeError: *data* holds something JSON cannot represent.
            ValueError: *data* holds NaN or infinity, or refers to itself.
        """
        text = json.dumps(
            data, ensure_ascii=False, allow_nan=False, separators=(",", ":"), default=default
        )
        return cls(text, status_code=status_code, headers=headers, mimetype=mimetype)

    @property
    def status_code(self) -> int:
        """The status code."""
        return self._status_code

    @property
    def mimetype(self) -> str:
        """The body's MIME type."""
        return self._mimetype

    @property
    def charset(self) -> str:
        """The text encoding of the body."""
        return self._charset

    @property
    def headers(self) -> HttpResponseHeaders:
        """The headers: multi-valued, case-insensitive and mutable."""
        return self._headers

    def get_body(self) -> bytes:
        """Return the body."""
        return self._body

    def get_json(self) -> JSONValue:
        """Return the body parsed as JSON (handy in tests).

        Raises:
            ValueError: the body is not JSON in :attr:`charset`.
        """
        return json.loads(self._body.decode(self._charset))  # type: ignore[no-any-return]

    def set_cookie(  # Werkzeug's and Flask's signature
        self,
        key: str,
        value: str = "",
        max_age: int | datetime.timedelta | None = None,
        expires: str | datetime.datetime | float | None = None,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool = False,
        httponly: bool = False,
        samesite: str | None = None,
    ) -> None:
        """Add a ``Set-Cookie`` header (several cookies make several headers).

        *expires* is a ``datetime`` (naive means UTC), a Unix timestamp or an
        HTTP date; *max_age* is seconds or a ``timedelta``; *samesite* is
        ``"Strict"``, ``"Lax"`` or ``"None"``. Values that are not plain
        cookie text are quoted and escaped.

        Raises:
            ValueError: *key* is not a valid cookie name, *samesite* is not
                one of the three, or an attribute contains ``;`` or a
                control character.
        """
        cookie = format_set_cookie(
            key, value, max_age, expires, path, domain, secure, httponly, samesite
        )
        self._headers.add("Set-Cookie", cookie)

    def delete_cookie(  # Werkzeug's and Flask's signature
        self,
        key: str,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool = False,
        httponly: bool = False,
        samesite: str | None = None,
    ) -> None:
        """Add a ``Set-Cookie`` header that makes the browser drop *key*.

        *path* and *domain* must match those the cookie was set with.
        """
        self.set_cookie(key, "", 0, 0, path, domain, secure, httponly, samesite)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HttpResponse):
            return NotImplemented
        return (
            self._status_code == other._status_code
            and self._mimetype == other._mimetype
            and self._charset == other._charset
            and self._body == other._body
            and self._headers == other._headers
        )

    # Mutable (headers), so unhashable.
    __hash__: ClassVar[None]  # type: ignore[assignment]  # pyright: ignore[reportIncompatibleMethodOverride]

    def __repr__(self) -> str:
        content_type = _content_type(self._mimetype, self._charset)
        return (
            f"<{type(self).__name__} {self._status_code} {content_type} ({len(self._body)} bytes)>"
        )


def _unwrap(value: object) -> object:
    return value.value if isinstance(value, Datum) else value


def _text_map(value: object) -> dict[str, str]:
    value = _unwrap(value)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a mapping of strings, got {type(value).__name__}")
    result: dict[str, str] = {}
    for name, item in cast("Mapping[object, object]", value).items():
        item = _unwrap(item)
        if item is not None:
            result[str(name)] = item if isinstance(item, str) else str(item)
    return result


class HttpRequestConverter(InConverter, binding="httpTrigger", trigger=True):
    """Builds the :class:`HttpRequest` of an ``httpTrigger`` from host data."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`HttpRequest` and its subclasses."""
        return is_class_annotation(pytype, HttpRequest)

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> HttpRequest:
        """Return the request described by an ``http`` datum (see the module docs).

        Raises:
            NotImplementedError: *data* is not an ``http`` datum.
            ValueError: its ``method`` or ``url`` is missing.
        """
        value = data.value
        if data.type != "http" or not isinstance(value, Mapping):
            raise NotImplementedError(f"an httpTrigger expects 'http' data, not {data.type!r}")
        fields = cast("Mapping[object, object]", value)
        method, url = _unwrap(fields.get("method")), _unwrap(fields.get("url"))
        if not isinstance(method, str) or not isinstance(url, str):
            raise ValueError("http data needs a 'method' and a 'url' string")
        body = _unwrap(fields.get("body"))
        return HttpRequest(
            method,
            url,
            headers=_text_map(fields.get("headers")),
            params=_text_map(fields.get("query")),
            route_params=_text_map(fields.get("params")),
            body=body if isinstance(body, (bytes, str)) or body is None else str(body),
        )


class HttpResponseConverter(OutConverter, binding="http"):
    """Turns what an HTTP function returns into the host's response data."""

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`HttpResponse`, ``str`` and their subclasses."""
        return is_class_annotation(pytype, (HttpResponse, str))

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the response data for *obj* (see the module docs), or ``None``."""
        if isinstance(obj, str):
            return Datum(obj, "string")
        if not isinstance(obj, HttpResponse):
            return None
        headers: dict[str, str] = {}
        spelling: dict[str, str] = {}
        cookies: list[str] = []
        for name, value in obj.headers.items():
            lower = name.lower()
            if lower == "set-cookie":
                cookies.append(value)
            elif lower in spelling:
                headers[spelling[lower]] += ", " + value
            else:
                spelling[lower] = name
                headers[name] = value
        if "content-type" not in spelling:
            headers["content-type"] = _content_type(obj.mimetype, obj.charset)
        wire: dict[str, object] = {
            "status_code": str(obj.status_code),
            "headers": headers,
            "cookies": cookies,
            "body": obj.get_body(),
        }
        return Datum(wire, "http")
