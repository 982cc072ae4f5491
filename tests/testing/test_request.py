"""Building the client's requests: paths, query, headers, cookies, bodies, multipart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import azfn as func
from azfn.testing._request import build_request
from azfn.testing._request import encode_multipart


def test_path_query_and_default_headers() -> None:
    """host-semantics §A3.5: the url carries the query; a client sends Host and Content-Length."""
    request = build_request("post", "/api/x?a=1", query={"b": ["2", "3"]}, json={"k": 1})
    assert (request.path, request.query) == ("/api/x", "a=1&b=2&b=3")
    assert request.url == "http://localhost:7071/api/x?a=1&b=2&b=3"
    assert ("Host", "localhost:7071") in request.headers
    assert ("Content-Type", "application/json") in request.headers
    assert ("Content-Length", str(len(request.body))) in request.headers


def test_user_headers_win_and_pairs_repeat() -> None:
    """host-semantics §A3.5: given headers are sent as given; pairs may repeat a name."""
    request = build_request(
        "GET", "/x", headers=[("Host", "example.com"), ("X-A", "1"), ("X-A", "2")]
    )
    assert [v for n, v in request.headers if n.lower() == "host"] == ["example.com"]
    assert [v for n, v in request.headers if n == "X-A"] == ["1", "2"]


def test_unsafe_path_characters_are_percent_encoded() -> None:
    """host-semantics §A3.1: the path travels encoded; the router decodes it."""
    assert build_request("GET", "/api/a b/é").path == "/api/a%20b/%C3%A9"
    assert build_request("GET", "api/x").path == "/api/x"


def test_bad_arguments_are_clear_errors() -> None:
    """host-semantics §A3.5: malformed client arguments fail before anything runs."""
    with pytest.raises(ValueError, match="not a URL"):
        build_request("GET", "http://host/api/x")
    with pytest.raises(TypeError, match="only one of"):
        build_request("POST", "/x", body=b"1", form={"a": "b"})
    with pytest.raises(TypeError, match="files"):
        build_request("POST", "/x", files={"f": 42})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="query parameter"):
        build_request("GET", "/x", query={"a": 1})  # type: ignore[dict-item]


def test_form_is_urlencoded() -> None:
    """host-semantics §A3.5: form fields become an urlencoded body the function parses."""
    request = build_request("POST", "/x", form={"a": "1 2", "b": ["x", "y"]})
    parsed = func.HttpRequest(
        "POST", "http://h/x", headers=dict(request.headers), body=request.body
    )
    assert parsed.form.to_dict(flat=False) == {"a": ["1 2"], "b": ["x", "y"]}


# Browsers (and so Werkzeug) escape '"', CR and LF in names as %22, %0D, %0A; '%' is ambiguous.
names = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00\r\n%"), min_size=1, max_size=10
)


@given(
    st.dictionaries(names, st.text(max_size=20), max_size=3),
    st.dictionaries(names, st.binary(max_size=50), max_size=3),
)
def test_multipart_round_trips_through_the_request_parser(
    fields: dict[str, str], files: dict[str, bytes]
) -> None:
    """host-semantics §A3.5: multipart bodies parse back (werkzeug) to the same fields and files."""
    body, content_type = encode_multipart(
        fields.items(), {n: (f"{n}.bin", data) for n, data in files.items()}
    )
    request = func.HttpRequest(
        "POST", "http://h/x", headers={"Content-Type": content_type}, body=body
    )
    assert request.form.to_dict() == fields
    assert {n: f.read() for n, f in request.files.items()} == files


def test_cookies_header() -> None:
    """host-semantics §A3.5: cookies are sent in one Cookie header."""
    request = build_request("GET", "/x", cookies={"a": "1", "b": "2"})
    assert ("Cookie", "a=1; b=2") in request.headers
