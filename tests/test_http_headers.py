# pyright: strict
"""Header collections and cookies of HTTP requests and responses."""

from __future__ import annotations

import copy
from http.cookies import SimpleCookie

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn._cookies import format_set_cookie
from azfn._cookies import parse_cookie_header
from azfn.http import HttpRequestHeaders
from azfn.http import HttpResponse
from azfn.http import HttpResponseHeaders

# -- HttpRequestHeaders -------------------------------------------------------------


def test_request_headers_mapping_behaviour() -> None:
    """A read-only Mapping with lower-cased names, None values accepted."""
    headers = HttpRequestHeaders({"X-A": "1", "Y": None})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    assert headers == {"x-a": "1", "y": None}
    assert headers.get("X-a") == "1"
    assert headers.get("missing", "d") == "d"
    number: object = 1
    assert number not in headers
    assert len(headers) == 2
    assert repr(HttpRequestHeaders({"A": "1"})) == "HttpRequestHeaders({'a': '1'})"
    with pytest.raises(KeyError):
        headers["missing"]


# -- HttpResponseHeaders: Werkzeug's Headers API ---------------------------------------


def test_response_headers_lookup() -> None:
    """Item access by name (first value) or index (pair); KeyError when absent."""
    headers = HttpResponseHeaders([("A", "1"), ("a", "2"), ("B", "3")])
    assert headers["a"] == "1"
    assert headers[1] == ("a", "2")
    assert headers.get("b") == "3"
    assert headers.get("c") is None
    assert headers.get("c", "d") == "d"
    assert headers.getlist("A") == ["1", "2"]
    assert headers.get_all("missing") == []
    assert headers.keys() == ["A", "a", "B"]
    assert headers.keys(lower=True) == ["a", "a", "b"]
    assert headers.values() == ["1", "2", "3"]
    assert headers.items(lower=True) == [("a", "1"), ("a", "2"), ("b", "3")]
    assert list(headers) == [("A", "1"), ("a", "2"), ("B", "3")]
    assert headers.to_wsgi_list() == headers.items()
    assert "b" in headers
    assert 3 not in headers
    with pytest.raises(KeyError):
        headers["missing"]


def test_response_headers_set_replaces_in_place() -> None:
    """set replaces every value at the first one's place; setlist likewise."""
    headers = HttpResponseHeaders([("A", "1"), ("B", "2"), ("a", "3")])
    headers.set("a", "9")
    assert headers.items() == [("a", "9"), ("B", "2")]
    headers.setlist("b", ["x", "y"])
    assert headers.items() == [("a", "9"), ("b", "x"), ("b", "y")]
    headers.setlist("b", [])
    assert headers.items() == [("a", "9")]


def test_response_headers_update_and_extend() -> None:
    """update replaces named headers (lists set several values); extend adds."""
    headers = HttpResponseHeaders({"A": "1", "B": "2"})
    headers.update({"a": ["3", "4"]}, C="5")
    assert headers.items() == [("a", "3"), ("B", "2"), ("a", "4"), ("C", "5")]
    headers.update([("B", "6"), ("B", "7")])
    assert headers.getlist("b") == ["7"]
    headers.extend({"B": "8"}, D=9)
    assert headers.getlist("B") == ["7", "8"]
    assert headers["d"] == "9"
    with pytest.raises(TypeError):
        headers.extend({}, {})


def test_response_headers_removal() -> None:
    """remove, del, pop and popitem."""
    headers = HttpResponseHeaders([("A", "1"), ("a", "2"), ("B", "3"), ("C", "4")])
    assert headers.pop("A") == "1"
    assert "a" not in headers
    assert headers.pop("missing", None) is None
    with pytest.raises(KeyError):
        headers.pop("missing")
    assert headers.pop() == ("C", "4")
    assert headers.pop(0) == ("B", "3")
    headers.add("X", 1)
    del headers["x"]
    del headers["never-there"]
    headers.add("Y", 2.5)
    del headers[0]
    assert len(headers) == 0
    with pytest.raises(KeyError):
        headers.popitem()


def test_response_headers_setdefault_clear_copy() -> None:
    """setdefault, clear and copy."""
    headers = HttpResponseHeaders()
    assert headers.setdefault("A", "1") == "1"
    assert headers.setdefault("a", "2") == "1"
    duplicate = headers.copy()
    assert copy.copy(headers) == headers
    headers.clear()
    assert duplicate.items() == [("A", "1")]
    assert not headers


def test_response_headers_options() -> None:
    """add and set take options, written as parameters and quoted when needed."""
    headers = HttpResponseHeaders()
    headers.add("Content-Disposition", "attachment", filename="a b.png", size=3, skip=None)
    headers.set("X-Opt", "v", foo_bar="x", empty="")
    assert headers["content-disposition"] == 'attachment; filename="a b.png"; size=3'
    assert headers["x-opt"] == 'v; foo-bar=x; empty=""'
    with pytest.raises(ValueError, match="CR, LF"):
        headers.add("X", "v", **{"a\r\nInjected: 1": "x"})


def test_response_headers_equality_and_str() -> None:
    """Equality ignores name case and the order of names; str is the header block."""
    headers = HttpResponseHeaders([("A", "1"), ("B", "2"), ("a", "3")])
    assert headers == HttpResponseHeaders([("b", "2"), ("a", "1"), ("A", "3")])
    assert headers != HttpResponseHeaders([("a", "3"), ("a", "1"), ("b", "2")])
    assert HttpResponseHeaders({"X": "1"}) == {"x": "1"}
    assert headers != 3
    assert str(HttpResponseHeaders({"A": "1"})) == "A: 1\r\n\r\n"
    assert repr(HttpResponseHeaders({"A": "1"})) == "HttpResponseHeaders([('A', '1')])"
    with pytest.raises(TypeError):
        hash(headers)


@pytest.mark.parametrize("name", ["", "a\rb", "a\nb", "a\0b"])
def test_response_headers_reject_bad_names(name: str) -> None:
    """Empty names and names with CR, LF or NUL are a ValueError."""
    with pytest.raises(ValueError, match="header name"):
        HttpResponseHeaders().add(name, "1")


def test_response_headers_reject_none_and_non_str_names() -> None:
    """None values and non-str names are a TypeError."""
    with pytest.raises(TypeError):
        HttpResponseHeaders().add("A", None)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    with pytest.raises(TypeError):
        HttpResponseHeaders().add(1, "1")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


_header_text = st.text(st.characters(exclude_characters="\r\n\0", codec="utf-8"), max_size=10)
_header_names = _header_text.filter(bool)


@given(name=st.text(max_size=10), value=st.text(max_size=10))
def test_property_headers_accept_exactly_the_safe_lines(name: str, value: str) -> None:
    """Any name and value is kept as given, or refused with ValueError if it could split a line."""
    unsafe = not name or any(char in name + value for char in "\r\n\0")
    try:
        response = HttpResponse(headers={name: value})
    except ValueError:
        assert unsafe
    else:
        assert not unsafe
        assert response.headers.items() == [(name, value)]


_operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), _header_names, _header_text),
        st.tuples(st.just("set"), _header_names, _header_text),
        st.tuples(st.just("setlist"), _header_names, st.lists(_header_text, max_size=3)),
        st.tuples(st.just("remove"), _header_names, st.none()),
        st.tuples(st.just("pop"), _header_names, st.none()),
        st.tuples(st.just("update"), _header_names, st.lists(_header_text, max_size=3)),
        st.tuples(st.just("setdefault"), _header_names, _header_text),
    ),
    max_size=12,
)


@settings(max_examples=300)
@given(operations=_operations)
def test_property_response_headers_behave_like_werkzeug(
    operations: list[tuple[str, str, str | list[str] | None]],
) -> None:
    """Any sequence of mutations leaves the same headers as Werkzeug's Headers."""
    from werkzeug.datastructures import Headers

    ours = HttpResponseHeaders()
    theirs = Headers()
    for operation, name, argument in operations:
        if operation == "add" and isinstance(argument, str):
            ours.add(name, argument)
            theirs.add(name, argument)
        elif operation == "set" and isinstance(argument, str):
            ours.set(name, argument)
            theirs.set(name, argument)
        elif operation == "setdefault" and isinstance(argument, str):
            assert ours.setdefault(name, argument) == theirs.setdefault(name, argument)
        elif operation == "setlist" and isinstance(argument, list):
            ours.setlist(name, argument)
            theirs.setlist(name, argument)
        elif operation == "update" and isinstance(argument, list):
            ours.update({name: argument})
            theirs.update({name: argument})
        elif operation == "remove":
            ours.remove(name)
            theirs.remove(name)
        else:
            assert ours.pop(name, None) == theirs.pop(name, None)
        assert ours.items() == list(theirs.items())
        assert ours.get(name) == theirs.get(name)
        assert ours.getlist(name) == theirs.getlist(name)


# -- cookies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a=1; b=2", {"a": "1", "b": "2"}),
        ("a=1; a=2", {"a": "1"}),
        ('q="x;y"; e=""', {"q": "x;y", "e": ""}),
        (r'o="\303\251\"\\"', {"o": 'é"\\'}),
        ("  spaced = v ;; =nameless; flag", {"spaced": "v", "flag": ""}),
        ("", {}),
    ],
)
def test_parse_cookie_header(header: str, expected: dict[str, str]) -> None:
    """Cookie headers parse leniently; the first of a name wins; quotes are undone."""
    assert parse_cookie_header(header) == expected


@given(header=st.text())
def test_property_cookie_header_never_raises(header: str) -> None:
    """Any Cookie header parses to non-empty names, each read from the header."""
    for name, value in parse_cookie_header(header).items():
        assert name
        assert name in header
        assert value in header or '"' in header


_ATTRIBUTE_NAMES = frozenset(
    ["expires", "path", "comment", "domain", "max-age", "secure", "httponly", "version", "samesite"]
)
_cookie_names = st.text(
    "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1
)


@given(name=_cookie_names, value=st.text())
def test_property_set_cookie_round_trips(name: str, value: str) -> None:
    """Any value written by set_cookie reads back the same, here and with http.cookies."""
    header = format_set_cookie(name, value, httponly=True)
    assert not any(char in header for char in "\r\n\0")
    pair = header.split("; ")[0]
    assert parse_cookie_header(pair) == {name: value}
    # http.cookies (used by the reference's converter) cannot read names that
    # are also attribute names, such as "Secure".
    if name.isalnum() and value.isascii() and name.lower() not in _ATTRIBUTE_NAMES:
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        assert jar[name].value.encode("latin-1").decode("utf-8") == value


@given(
    name=st.text(max_size=8),
    path=st.text(max_size=8),
    domain=st.none() | st.text(max_size=8),
)
def test_property_set_cookie_is_safe_or_refused(name: str, path: str, domain: str | None) -> None:
    """Any cookie name and attributes give one safe header line or a ValueError."""
    response = HttpResponse()
    try:
        response.set_cookie(name, "v", path=path, domain=domain)
    except ValueError:
        return
    assert response.headers.getlist("set-cookie")[0].startswith(f"{name}=v")
