# pyright: strict
"""Building the test client's requests: query, headers, cookies and bodies.

Bodies come from exactly one of ``body=`` (bytes or text), ``json=`` (any
JSON-serialisable value), or ``form=``/``files=`` (URL-encoded, or multipart
when there are files, written by the small encoder below).
"""

from __future__ import annotations

import json as _json
import os
import re
from collections.abc import Iterable
from collections.abc import Mapping
from typing import TypeAlias
from typing import TypedDict
from typing import cast
from urllib.parse import quote
from urllib.parse import urlencode

from azfn.host._http import HostRequest

__all__ = [
    "BodyInput",
    "FileInput",
    "FormInput",
    "HeadersInput",
    "QueryInput",
    "RequestOptions",
    "build_request",
    "encode_multipart",
]

#: A file: its content, ``(filename, content)`` or ``(filename, content, content_type)``.
FileInput: TypeAlias = "bytes | str | tuple[str, bytes | str] | tuple[str, bytes | str, str]"
#: Form fields: a value or several values per name.
FormInput: TypeAlias = "Mapping[str, str | Iterable[str]]"
#: Query parameters: a mapping (a value or several per name) or pairs.
QueryInput: TypeAlias = "Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]]"
#: Headers: a mapping or pairs (repeated names are allowed as pairs).
HeadersInput: TypeAlias = "Mapping[str, str] | Iterable[tuple[str, str]]"
#: A raw body.
BodyInput: TypeAlias = "bytes | bytearray | str"


class RequestOptions(TypedDict, total=False):
    """The keyword arguments of a request (see :meth:`azfn.testing.Client.request`)."""

    query: QueryInput | None
    headers: HeadersInput | None
    body: BodyInput | None
    json: object
    form: FormInput | None
    files: Mapping[str, FileInput] | None
    cookies: Mapping[str, str] | None
    inputs: Mapping[str, object] | None


_SAFE = "/%:@!$&'()*+,;=-._~"
_SAFE_PATH = re.compile(r"[A-Za-z0-9/%:@!$&'()*+,;=\-._~]*")


def _pairs(
    value: Mapping[str, str | Iterable[str]] | Iterable[tuple[str, str]], what: str
) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    if isinstance(value, Mapping):
        for name, item in cast("Mapping[str, object]", value).items():
            if isinstance(item, str):
                items: list[object] = [item]
            elif isinstance(item, Iterable):
                items = list(cast("Iterable[object]", item))
            else:
                raise TypeError(f"{what} {name!r}: expected a str or strs, got {item!r}")
            for one in items:
                if not isinstance(one, str):
                    raise TypeError(f"{what} {name!r}: expected str values, got {one!r}")
                pairs.append((name, one))
        return pairs
    for pair in cast("Iterable[object]", value):
        if not isinstance(pair, tuple) or len(cast("tuple[object, ...]", pair)) != 2:
            raise TypeError(f"{what}: expected a mapping or (name, value) pairs, got {pair!r}")
        key, one = cast("tuple[object, object]", pair)
        if not isinstance(key, str) or not isinstance(one, str):
            raise TypeError(f"{what}: expected str names and values, got {pair!r}")
        pairs.append((key, one))
    return pairs


def _quote_field(text: str) -> str:
    """Escape a multipart field or file name: as browsers do (WHATWG), and backslashes."""
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def _file(name: str, value: object) -> tuple[str, bytes, str]:
    parts: tuple[object, ...] = (
        cast("tuple[object, ...]", value) if isinstance(value, tuple) else (name, value)
    )
    filename, content = parts[0] if parts else None, parts[1] if len(parts) > 1 else None
    content_type = parts[2] if len(parts) == 3 else None
    if (
        len(parts) not in (2, 3)
        or not isinstance(filename, str)
        or not isinstance(content, (bytes, bytearray, str))
        or not isinstance(content_type, (str, type(None)))
    ):
        raise TypeError(
            f"files[{name!r}]: expected bytes, (filename, bytes) or "
            f"(filename, bytes, content_type), got {value!r:.80}"
        )
    if content_type is None:
        import mimetypes

        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    data = content.encode() if isinstance(content, str) else bytes(content)
    return filename, data, content_type


def encode_multipart(
    fields: Iterable[tuple[str, str]],
    files: Mapping[str, FileInput],
    boundary: str | None = None,
) -> tuple[bytes, str]:
    """Encode a ``multipart/form-data`` body; return it and its ``Content-Type``."""
    boundary = boundary or f"azfn-{os.urandom(16).hex()}"
    chunks: list[bytes] = []
    for name, value in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote_field(name)}"'
        chunks += [f"{head}\r\n\r\n".encode(), value.encode(), b"\r\n"]
    for name, file in files.items():
        filename, data, content_type = _file(name, file)
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote_field(name)}"; '
            f'filename="{_quote_field(filename)}"\r\nContent-Type: {content_type}\r\n\r\n'
        )
        chunks += [head.encode(), data, b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _body(
    body: BodyInput | None,
    json: object,
    form: FormInput | None,
    files: Mapping[str, FileInput] | None,
) -> tuple[bytes, str | None]:
    kinds = (("body", body), ("json", json), ("form", form or files))
    given = [name for name, value in kinds if value is not None]
    if len(given) > 1:
        shown = " and ".join(given)
        raise TypeError(f"pass only one of body=, json= and form=/files=, not {shown}")
    if body is not None:
        if isinstance(body, str):
            return body.encode(), "text/plain; charset=utf-8"
        if not isinstance(body, (bytes, bytearray)):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(f"body must be bytes or str, got {type(body).__name__}")
        return bytes(body), None
    if json is not None:
        return _json.dumps(json).encode(), "application/json"
    if files:
        return encode_multipart(_pairs(form or {}, "form field"), files)
    if form is not None:
        return urlencode(_pairs(form, "form field")).encode(), "application/x-www-form-urlencoded"
    return b"", None


def build_request(
    method: str,
    path: str,
    *,
    query: QueryInput | None = None,
    headers: HeadersInput | None = None,
    body: BodyInput | None = None,
    json: object = None,
    form: FormInput | None = None,
    files: Mapping[str, FileInput] | None = None,
    cookies: Mapping[str, str] | None = None,
    base_url: str = "http://localhost:7071",
) -> HostRequest:
    """Build the request a client would send (``Host``, ``Content-Type``, ``Content-Length``).

    Raises:
        TypeError: Conflicting or malformed arguments.
        ValueError: A path that is a full URL or does not start with '/'.
    """
    given: list[object] = [method, path]
    if not isinstance(given[0], str) or not given[0]:
        raise TypeError(f"method must be a non-empty str, got {method!r}")
    if not isinstance(given[1], str):
        raise TypeError(f"path must be a str, got {type(given[1]).__name__}")
    if "://" in path:
        raise ValueError(f"pass a path such as '/api/items', not a URL: {path!r}")
    path, _, query_string = path.partition("?")
    path = path.partition("#")[0]
    if not _SAFE_PATH.fullmatch(path):
        path = quote(path, safe=_SAFE)
    if not path.startswith("/"):
        path = "/" + path
    if query is not None:
        extra = urlencode(_pairs(query, "query parameter"))
        joined = f"{query_string}&{extra}" if query_string and extra else None
        query_string = joined or query_string or extra
    lines = _pairs(headers, "header") if headers is not None else []
    names = {name.lower() for name, _ in lines}
    data, content_type = _body(body, json, form, files)
    extra_lines: list[tuple[str, str]] = []
    if "host" not in names:
        extra_lines.append(("Host", base_url.partition("://")[2]))
    if content_type is not None and "content-type" not in names:
        extra_lines.append(("Content-Type", content_type))
    if (data or method.upper() in ("POST", "PUT", "PATCH")) and "content-length" not in names:
        extra_lines.append(("Content-Length", str(len(data))))
    if cookies:
        cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
        extra_lines.append(("Cookie", cookie))
    return HostRequest(method, path, query_string, extra_lines + lines, data, base_url)
