# pyright: strict
"""Form and multipart parsing of HttpRequest (anchor-inventory §4.1, user-asks §21)."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING
from typing import TypeAlias

import pytest
from hypothesis import HealthCheck
from hypothesis import example
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import azfn.http as func
from azfn._bodies import _parse_multipart_fast  # pyright: ignore[reportPrivateUsage]
from azfn._bodies import parse_form
from azfn.errors import AzfnError
from azfn.http import FormParseError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from collections.abc import Sequence

    from werkzeug.datastructures import FileStorage
    from werkzeug.datastructures import MultiDict

BOUNDARY = "azfnBoundary0123"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


@dataclass(frozen=True)
class Part:
    """One part of a multipart body to build."""

    name: str
    data: bytes
    filename: str | None = None
    content_type: str | None = None


def multipart(parts: list[Part], boundary: str = BOUNDARY) -> bytes:
    """Encode *parts* the way browsers and HTTP clients do (CRLF, quoted params)."""
    chunks: list[bytes] = []
    for part in parts:
        disposition = f'form-data; name="{part.name}"'
        if part.filename is not None:
            disposition += f'; filename="{part.filename}"'
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if part.content_type is not None:
            head += f"Content-Type: {part.content_type}\r\n"
        chunks.append(head.encode() + b"\r\n" + part.data + b"\r\n")
    return b"".join(chunks) + f"--{boundary}--\r\n".encode()


def raw(template: str) -> bytes:
    """A hand-written body, with ``@`` standing for the boundary."""
    return template.replace("@", BOUNDARY).encode()


def request(body: bytes, content_type: str | None = MULTIPART) -> func.HttpRequest:
    """A POST request with the body and content type."""
    headers = {} if content_type is None else {"Content-Type": content_type}
    return func.HttpRequest("POST", "/api/upload", headers=headers, body=body)


# -- what the reference does ---------------------------------------------------------


def test_urlencoded_form_keeps_repeated_and_blank_values() -> None:
    """URL-encoded fields parse; repeated keys are kept, blank values too."""
    req = request(b"a=1&b=&a=3&c&sp=x+y%21", "application/x-www-form-urlencoded")
    assert req.form.getlist("a") == ["1", "3"]
    assert req.form["b"] == ""
    assert req.form["c"] == ""
    assert req.form["sp"] == "x y!"
    assert len(req.files) == 0


def test_multipart_fields_and_files() -> None:
    """Fields go to form, files to files, as FileStorage objects."""
    body = multipart(
        [
            Part("title", b"Hello"),
            Part("upload", b"\x00\x01binary\r\n--", "a.bin", "application/octet-stream"),
        ]
    )
    req = request(body)
    assert req.form.to_dict() == {"title": "Hello"}
    upload = req.files["upload"]
    assert upload.filename == "a.bin"
    assert upload.content_type == "application/octet-stream"
    assert upload.read() == b"\x00\x01binary\r\n--"


def test_multipart_several_files_per_field() -> None:
    """Several files under one name all come back (the host issue of one file only)."""
    body = multipart(
        [Part("docs", b"one", "1.txt"), Part("docs", b"two", "2.txt"), Part("other", b"3", "3.txt")]
    )
    files = request(body).files
    assert [f.filename for f in files.getlist("docs")] == ["1.txt", "2.txt"]
    assert [f.read() for f in files.getlist("docs")] == [b"one", b"two"]
    assert files["other"].read() == b"3"


def test_multipart_field_charset_and_empty_values() -> None:
    """A part's charset is honoured; empty parts and empty filenames are kept."""
    body = multipart(
        [
            Part("latin", "é".encode("latin-1"), content_type="text/plain; charset=iso-8859-1"),
            Part("empty", b""),
            Part("nofile", b"", filename=""),
        ]
    )
    req = request(body)
    assert req.form.to_dict() == {"latin": "é", "empty": ""}
    assert req.files["nofile"].filename == ""


def test_form_is_parsed_once() -> None:
    """form and files are cached: the same objects come back."""
    req = request(multipart([Part("a", b"1")]))
    assert req.form is req.form
    assert req.files is req.files


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"a": 1}', "application/json"),
        (b"a=1", None),
        (b"a=1", "text/plain"),
        (b"", MULTIPART),
        (b"", "application/x-www-form-urlencoded"),
    ],
)
def test_non_form_bodies_give_empty_forms(body: bytes, content_type: str | None) -> None:
    """Other content types, no content type and an empty body give empty forms."""
    req = request(body, content_type)
    assert len(req.form) == 0
    assert len(req.files) == 0


# -- improvements ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "match"),
    [
        (b"garbage", MULTIPART, "cannot parse"),
        (multipart([Part("a", b"1")]), "multipart/form-data", "boundary"),
        (multipart([Part("a", b"1")], "é"), "multipart/form-data; boundary=é", "boundary"),
        (multipart([Part("a", b"1")])[:-20], MULTIPART, "cannot parse"),
        (raw("--@\r\nX-A: 1\r\n\r\nv\r\n--@--\r\n"), MULTIPART, "Content-Disposition"),
        (raw("--@\r\nContent-Disposition: form-data\r\n\r\nv\r\n--@--\r\n"), MULTIPART, "no name"),
        (b"a=\xff", "application/x-www-form-urlencoded", "cannot parse"),
    ],
)
def test_malformed_forms_raise_form_parse_error(body: bytes, content_type: str, match: str) -> None:
    """Garbage, no boundary, truncation, missing headers or names raise FormParseError."""
    req = request(body, content_type)
    with pytest.raises(FormParseError, match=match):
        _ = req.form
    with pytest.raises(FormParseError, match=match):
        _ = req.files


def test_form_parse_error_is_a_value_error() -> None:
    """FormParseError is a ValueError and an AzfnError."""
    assert issubclass(FormParseError, ValueError)
    assert issubclass(FormParseError, AzfnError)


def test_content_type_is_case_insensitive() -> None:
    """Multipart/Form-Data parses like multipart/form-data."""
    req = request(multipart([Part("a", b"1")]), f"Multipart/Form-Data; boundary={BOUNDARY}")
    assert req.form.to_dict() == {"a": "1"}


@pytest.mark.parametrize(
    "body",
    [
        # LF line breaks, a preamble, folded headers, whitespace after a boundary:
        # unusual, so Werkzeug's parser handles them.
        raw("--@\nContent-Disposition: form-data; name=a\n\n1\n--@--\n"),
        raw("preamble\r\n--@\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--@--"),
        raw('--@\r\nContent-Disposition: form-data;\r\n name="a"\r\n\r\n1\r\n--@--'),
        raw("--@  \r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--@--"),
    ],
)
def test_unusual_multipart_falls_back_to_werkzeug(body: bytes) -> None:
    """Bodies off the fast path still parse, through Werkzeug."""
    assert _parse_multipart_fast(body, BOUNDARY.encode()) is None
    assert request(body).form.to_dict() == {"a": "1"}


def test_werkzeug_is_imported_only_when_a_form_is_read() -> None:
    """Importing azfn.http and using requests without forms does not import Werkzeug."""
    code = (
        "import sys, azfn.http as h\n"
        "r = h.HttpRequest('POST', '/?a=1', headers={'Cookie': 'a=1'}, body=b'{}')\n"
        "r.get_json(); r.params; r.cookies; h.HttpResponse.json({}).set_cookie('a')\n"
        "assert 'werkzeug' not in sys.modules, 'werkzeug imported early'\n"
        "r.form\n"
        "assert 'werkzeug' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# -- properties --------------------------------------------------------------------------

_names = st.text(
    st.characters(codec="utf-8", exclude_characters='"\\\r\n%'), min_size=1, max_size=8
)
_data = st.binary(max_size=64) | st.lists(
    st.sampled_from([b"\r", b"\n", b"-", b"--", b"a", b"\r\n--"])
).map(b"".join)
_parts = st.builds(
    Part,
    name=_names,
    data=_data,
    filename=st.none() | _names,
    content_type=st.none()
    | st.sampled_from(["application/octet-stream", "text/plain; charset=utf-8"]),
)
_boundaries = st.text(
    "abcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=?", min_size=1, max_size=70
).filter(lambda b: not b.endswith(" "))


@given(parts=st.lists(_parts, max_size=6), boundary=_boundaries)
@example(parts=[Part("f", b"\r\n--x", "f")], boundary="x")
@example(parts=[Part("0", b"\r---")], boundary="-")  # CR then --boundary: left out above
def test_property_well_formed_multipart_keeps_every_part(parts: list[Part], boundary: str) -> None:
    """Every part of a well-formed multipart body comes back, in order, unchanged."""
    dash_boundary = b"--" + boundary.encode()
    # Not well formed: the data contains the delimiter. Werkzeug's parser,
    # which azfn uses, also takes a bare CR or LF before --boundary as one.
    if any(
        eol + dash_boundary in b"\r\n" + part.data + b"\r\n"
        for part in parts
        for eol in (b"\r", b"\n")
    ):
        return
    body = multipart(parts, boundary)
    req = request(body, f'multipart/form-data; boundary="{boundary}"')
    fields = [(p.name, p.data.decode("utf-8", "replace")) for p in parts if p.filename is None]
    files = [(p.name, p.filename, p.data) for p in parts if p.filename is not None]
    assert req.form.items(multi=True) is not None
    assert list(req.form.items(multi=True)) == sorted(
        fields, key=lambda item: _first_index(fields, item[0])
    )
    got = [(name, f.filename, f.read()) for name, f in req.files.items(multi=True)]
    assert got == sorted(files, key=lambda item: _first_index(files, item[0]))


def _first_index(items: Sequence[tuple[object, ...]], name: str) -> int:
    """MultiDict groups values by key in first-seen order: the sort key for that."""
    return next(index for index, item in enumerate(items) if item[0] == name)


@given(
    body=st.binary(max_size=300),
    content_type=st.sampled_from([MULTIPART, "application/x-www-form-urlencoded"]),
)
def test_property_any_body_parses_or_raises_form_parse_error(
    body: bytes, content_type: str
) -> None:
    """Any body either parses or raises FormParseError; nothing else escapes."""
    req = request(body, content_type)
    with contextlib.suppress(FormParseError):
        _ = req.form
        _ = req.files


@given(content_type=st.text(max_size=60), body=st.binary(max_size=60))
def test_property_any_content_type_parses_or_raises(content_type: str, body: bytes) -> None:
    """Any Content-Type header value either parses or raises FormParseError."""
    with contextlib.suppress(FormParseError):
        parse_form(body, content_type)


# Multipart-like bodies with the variations parsers disagree on.
@st.composite
def _variant_bodies(draw: st.DrawFn) -> bytes:
    """A multipart body: canonical half the time, else off in ways parsers disagree on."""
    boundary = BOUNDARY
    odd = draw(st.booleans())

    def _mostly(usual: str, *unusual: str) -> str:
        return draw(st.sampled_from([usual] * 6 + list(unusual))) if odd else usual

    def br() -> str:
        return _mostly("\r\n", "\n", "\r")

    out = _mostly("", "preamble\r\n", "\r\n", "x")
    for _ in range(draw(st.integers(0, 4))):
        out += "--" + boundary + _mostly("", " ", "\t") + br()
        name = draw(st.sampled_from(['; name="a"', "; name=b", '; name="c"; filename="f.txt"']))
        disposition = "form-data" + _mostly(name, "; filename=g", "")
        out += _mostly(f"Content-Disposition: {disposition}", "") + br()
        for _ in range(draw(st.integers(0, 2))):
            out += _mostly("X-A: 1", "Content-Type: text/plain; charset=latin-1", " folded", "bad")
            out += br()
        out += br()
        out += draw(st.text(st.sampled_from("ab\r\n-é" + boundary[:3]), max_size=12)) + br()
    out += _mostly("--" + boundary + "--\r\n", "--" + boundary + "--", "--" + boundary, "")
    out += _mostly("", "epilogue")
    return out.encode("utf-8")


_Flat: TypeAlias = (
    "tuple[list[tuple[str, str]], list[tuple[str, str | None, list[tuple[str, str]], bytes]]]"
)


def _flatten(form: MultiDict[str, str], files: MultiDict[str, FileStorage]) -> _Flat:
    """Form and files as plain lists, for comparison."""
    return list(form.items(multi=True)), [
        (name, f.filename, list(f.headers.items()), f.read()) for name, f in files.items(multi=True)
    ]


def _werkzeug(body: bytes) -> _Flat:
    """Werkzeug's own parse of *body*, flattened."""
    from werkzeug.datastructures import ImmutableMultiDict
    from werkzeug.formparser import FormDataParser

    def stream(*args: object, **kwargs: object) -> io.BytesIO:
        return io.BytesIO()

    parser = FormDataParser(stream, cls=ImmutableMultiDict, silent=False)
    options = {"boundary": BOUNDARY}
    _, form, files = parser.parse(io.BytesIO(body), "multipart/form-data", len(body), options)
    return _flatten(form, files)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(body=_variant_bodies())
def test_property_fast_path_agrees_with_werkzeug(body: bytes) -> None:
    """Wherever the fast path answers, Werkzeug's parser gives the same form and files."""
    fast = _parse_multipart_fast(body, BOUNDARY.encode())
    try:
        parse_form(body, MULTIPART)
    except FormParseError:
        assert fast is None
    if fast is None:
        return
    form, files = fast
    fast_flat = (
        list(form.items(multi=True)),
        [
            (name, f.filename, list(f.headers.items()), f.read())
            for name, f in files.items(multi=True)
        ],
    )
    assert fast_flat == _werkzeug(body)


# -- differential tests against the reference, where it is installed ---------------------------


def _read_all(files: Iterable[tuple[str, FileStorage]]) -> list[tuple[str, str | None, bytes]]:
    """Name, filename and content of every file, each closed after reading."""
    read: list[tuple[str, str | None, bytes]] = []
    for name, storage in files:
        read.append((name, storage.filename, storage.read()))
        storage.close()
    return read


@pytest.mark.parametrize(
    "parts",
    [
        [
            Part("a", b"1"),
            Part("f", b"data", "f.txt"),
            Part("f", b"more", "g.txt"),
            Part("a", b"2"),
        ],
        [Part("big", bytes(range(256)) * 4000, "big.bin", "application/octet-stream")],
        [Part("é", "ü".encode(), content_type="text/plain; charset=utf-8"), Part("x", b"", "")],
    ],
)
def test_reference_parses_the_same_multipart(parts: list[Part]) -> None:
    """The reference reads the same fields and files from well-formed bodies."""
    reference = pytest.importorskip("azure.functions")
    body = multipart(parts)
    ours = request(body)
    theirs = reference.HttpRequest("POST", "/", headers={"Content-Type": MULTIPART}, body=body)
    assert list(ours.form.items(multi=True)) == list(theirs.form.items(multi=True))
    assert _read_all(ours.files.items(multi=True)) == _read_all(theirs.files.items(multi=True))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"a=1&b=&a=3", "application/x-www-form-urlencoded"), (b"{}", "application/json")],
)
def test_reference_parses_the_same_urlencoded(body: bytes, content_type: str) -> None:
    """URL-encoded and non-form bodies read the same as in the reference."""
    reference = pytest.importorskip("azure.functions")
    theirs = reference.HttpRequest("POST", "/", headers={"Content-Type": content_type}, body=body)
    assert list(request(body, content_type).form.items(multi=True)) == list(
        theirs.form.items(multi=True)
    )
