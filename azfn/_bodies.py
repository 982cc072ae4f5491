# pyright: strict
"""Reading request bodies: as bytes, as JSON, and as forms (Werkzeug imported lazily).

For forms, Werkzeug's parser decides what a body means. In front of it sits
a fast path for the multipart bodies clients actually send (CRLF line
breaks, no preamble, no folded headers): it finds the parts with
``bytes.find`` on the body, which is in memory anyway, instead of streaming
it through Werkzeug's regular expressions, and hands anything unusual to
Werkzeug. A property test checks that both give the same result wherever
the fast path answers.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from typing import TypeAlias
from typing import cast

from azfn.errors import AzfnError

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import IO

    from werkzeug.datastructures import FileStorage
    from werkzeug.datastructures import Headers
    from werkzeug.datastructures import ImmutableMultiDict

    from azfn.bindings._base import JSONValue

__all__ = [
    "Form",
    "FormParseError",
    "InvalidJSONError",
    "as_bytes",
    "parse_form",
    "parse_json",
    "scan_json",
]

_NOT_JSON = "HTTP request does not contain valid JSON data"
_JSON = json.JSONDecoder()
#: The C scanner behind ``json.loads``: ``scan_json(text, i)`` is the JSON
#: value starting at ``text[i]`` and the index after it (``StopIteration``
#: if none starts there, ``json.JSONDecodeError`` if it is malformed).
#: Called directly on the common document (no whitespace around it):
#: ``json.loads`` wraps it in encoding checks, two regular-expression
#: matches and calls, an eighth of the time of a typical 400-byte body.
scan_json = cast("Callable[[str, int], tuple[JSONValue, int]]", vars(_JSON)["scan_once"])
_WHITESPACE = " \t\n\r"  # JSON's (RFC 8259), which decode() skips around the value


class InvalidJSONError(AzfnError, json.JSONDecodeError):
    """The request body is not UTF-8 JSON: raised by :meth:`HttpRequest.get_json`.

    It is a ``ValueError`` and a ``json.JSONDecodeError``; its message is the
    worker's (``HTTP request does not contain valid JSON data``), and
    ``msg``, ``lineno`` and ``colno`` (and ``__cause__``) say what is wrong.
    """

    def __init__(self, msg: str, doc: str, pos: int) -> None:
        super().__init__(msg, doc, pos)
        self.args = (_NOT_JSON,)


def as_bytes(body: object) -> bytes:
    """Return a request body as bytes: ``str`` UTF-8 encoded, ``None`` empty.

    Raises:
        TypeError: *body* is none of those nor bytes-like.
    """
    if isinstance(body, bytes):
        return body
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytearray, memoryview)):
        return bytes(cast("bytes", body))
    raise TypeError(f"the request body must be bytes, str or None, not {type(body).__name__}")


def parse_json(body: bytes) -> JSONValue:
    """Return *body* parsed as UTF-8 JSON.

    Raises:
        InvalidJSONError: it is not, an empty body included.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidJSONError(f"the body is not UTF-8 ({exc.reason})", "", 0) from exc
    try:
        if text and text[0] not in _WHITESPACE:
            try:
                value, end = scan_json(text, 0)
            except StopIteration:  # no value at 0: decode() says so in its words
                pass
            else:
                if end == len(text) or not text[end:].strip(_WHITESPACE):
                    return value
        return _JSON.decode(text)  # type: ignore[no-any-return]  # errors and the rest
    except json.JSONDecodeError as exc:
        raise InvalidJSONError(exc.msg, exc.doc, exc.pos) from exc
    except RecursionError as exc:
        raise InvalidJSONError("the JSON is nested too deeply", text, 0) from exc


class FormParseError(AzfnError, ValueError):
    """The body is not the form its ``Content-Type`` announces.

    Raised when :attr:`HttpRequest.form` or :attr:`HttpRequest.files` is
    read: a multipart body without a boundary, truncated, without
    ``Content-Disposition`` or ``name`` in a part, or a URL-encoded body that
    is not UTF-8. (The reference returns an empty form instead.)
    """


Form: TypeAlias = "tuple[ImmutableMultiDict[str, str], ImmutableMultiDict[str, FileStorage]]"
# A part of a multipart body: its header lines, and where its data starts and ends.
_Part: TypeAlias = "tuple[list[tuple[str, str]], int, int]"
_MULTIPART = "multipart/form-data"
_URLENCODED = "application/x-www-form-urlencoded"


def _memory_stream(
    total_content_length: int | None,
    content_type: str | None,
    filename: str | None,
    content_length: int | None = None,
) -> IO[bytes]:
    """Werkzeug's stream factory: the body is in memory already, so are its files."""
    import io

    return io.BytesIO()


def _split_multipart(body: bytes, boundary: bytes) -> list[_Part] | None:
    """Split a canonical multipart body into (headers, start, end) per part.

    This is the fast path for what clients send: CRLF line breaks, no
    preamble, no header continuation lines. It returns ``None`` on anything
    else, and Werkzeug's parser decides; on the bodies it accepts it finds
    exactly the parts Werkzeug finds (a property test checks it).
    """
    delimiter = b"--" + boundary
    if not body.startswith(delimiter + b"\r\n"):
        return None
    parts: list[_Part] = []
    pos = len(delimiter) + 2
    while True:
        head_end = body.find(b"\r\n\r\n", pos - 2)
        if head_end < pos:  # no blank line, or no headers at all
            return None
        headers: list[tuple[str, str]] = []
        for line in body[pos:head_end].split(b"\r\n"):
            if b"\r" in line or b"\n" in line or line[:1] in (b" ", b"\t"):
                return None
            line = line.strip(b" \t")
            if line:
                try:
                    name, _, value = line.decode().partition(":")
                except UnicodeDecodeError:
                    return None
                headers.append((name.strip(" \t"), value.strip(" \t")))
        start = head_end + 4
        end = body.find(delimiter, start) - 2
        if end < start or body[end : end + 2] != b"\r\n":
            return None
        parts.append((headers, start, end))
        after = end + 2 + len(delimiter)
        tail = body[after : after + 2]
        if tail == b"--":
            return parts
        if tail != b"\r\n":
            return None
        pos = after + 2


def _parse_multipart_fast(body: bytes, boundary: bytes) -> Form | None:
    import io

    from werkzeug.datastructures import FileStorage
    from werkzeug.datastructures import Headers
    from werkzeug.datastructures import ImmutableMultiDict
    from werkzeug.formparser import MultiPartParser
    from werkzeug.http import parse_options_header

    split = _split_multipart(body, boundary)
    if split is None:
        return None
    charset_of: Callable[[Headers], str] = MultiPartParser().get_part_charset
    fields: list[tuple[str, str]] = []
    files: list[tuple[str, FileStorage]] = []
    for pairs, start, end in split:
        headers = Headers(pairs)
        disposition = headers.get("content-disposition")
        if disposition is None:
            return None
        options = parse_options_header(disposition)[1]
        name, filename = options.get("name"), options.get("filename")
        if name is None:
            return None
        if filename is None:
            fields.append((name, body[start:end].decode(charset_of(headers), "replace")))
        else:
            stream = io.BytesIO(body[start:end])
            files.append((name, FileStorage(stream, filename, name, headers=headers)))
    return ImmutableMultiDict(fields), ImmutableMultiDict(files)


def parse_form(body: bytes, content_type: str) -> Form:
    """Parse a URL-encoded or multipart *body*; other types give empty forms.

    Raises:
        FormParseError: the body is malformed.
    """
    import io

    from werkzeug.datastructures import ImmutableMultiDict
    from werkzeug.formparser import FormDataParser
    from werkzeug.http import parse_options_header

    mimetype, options = parse_options_header(content_type)
    mimetype = mimetype.lower()
    if not body or mimetype not in (_MULTIPART, _URLENCODED):
        return ImmutableMultiDict(), ImmutableMultiDict()
    if mimetype == _MULTIPART:
        boundary = options.get("boundary", "")
        if not boundary or not boundary.isascii():
            raise FormParseError(f"{_MULTIPART} needs an ASCII boundary in its Content-Type")
        fast = _parse_multipart_fast(body, boundary.encode("ascii"))
        if fast is not None:
            return fast
    parser = FormDataParser(_memory_stream, cls=ImmutableMultiDict, silent=False)
    try:
        _, form, files = parser.parse(io.BytesIO(body), mimetype, len(body), options)
    except ValueError as exc:
        raise FormParseError(f"cannot parse the {mimetype} body: {exc}") from exc
    if None in form or None in files:
        raise FormParseError(f"a part of the {mimetype} body has no name")
    return cast("Form", (form, files))  # built by cls=ImmutableMultiDict
