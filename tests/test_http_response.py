# pyright: strict
"""HttpResponse: the reference's behaviour (anchor-inventory §4.2) and azfn's additions."""

from __future__ import annotations

import datetime
import http

import pytest
from hypothesis import given
from hypothesis import strategies as st

import azfn.http as func

# -- HttpResponse: the reference's behaviour ------------------------------------


def test_response_defaults() -> None:
    """Status 200, text/plain, utf-8 and an empty body."""
    resp = func.HttpResponse()
    assert (resp.status_code, resp.mimetype, resp.charset, resp.get_body()) == (
        200,
        "text/plain",
        "utf-8",
        b"",
    )


def test_response_arguments_after_body_are_keyword_only() -> None:
    """HttpResponse("x", 201) is a TypeError."""
    with pytest.raises(TypeError):
        func.HttpResponse("x", 201)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def test_response_str_body_is_encoded_with_the_charset() -> None:
    """A str body is encoded with charset at construction."""
    assert func.HttpResponse("héllo", charset="latin-1").get_body() == b"h\xe9llo"


@pytest.mark.parametrize("body", [b"ab", bytearray(b"ab")])
def test_response_bytes_body_is_stored_as_bytes(body: bytes | bytearray) -> None:
    """bytes and bytearray become bytes."""
    stored = func.HttpResponse(body).get_body()
    assert stored == b"ab"
    assert type(stored) is bytes


@pytest.mark.parametrize("body", [{"a": 1}, 1, memoryview(b"x")])
def test_response_rejects_other_bodies(body: object) -> None:
    """Other bodies raise the reference's TypeError."""
    with pytest.raises(
        TypeError, match="response is expected to be either of str, bytes, or bytearray"
    ):
        func.HttpResponse(body)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_response_http_status_is_stored_as_int() -> None:
    """An HTTPStatus becomes its int value."""
    resp = func.HttpResponse(status_code=http.HTTPStatus.BAD_REQUEST)
    assert resp.status_code == 400
    assert type(resp.status_code) is int


def test_response_headers_are_multi_valued_and_case_insensitive() -> None:
    """add/get_all keep several values; lookups ignore case; order is kept."""
    resp = func.HttpResponse("x", headers={"X-A": "1"})
    resp.headers.add("x-a", "2")
    resp.headers["X-B"] = "3"
    assert resp.headers["x-a"] == "1"
    assert resp.headers.get_all("X-A") == ["1", "2"]
    assert resp.headers.items() == [("X-A", "1"), ("x-a", "2"), ("X-B", "3")]


def test_response_headers_have_no_content_type() -> None:
    """mimetype and charset are kept apart from the headers."""
    resp = func.HttpResponse("x", mimetype="text/html")
    assert "content-type" not in resp.headers


def test_response_keeps_several_set_cookie_headers() -> None:
    """Several Set-Cookie headers are kept."""
    resp = func.HttpResponse("x")
    resp.headers.add("Set-Cookie", "a=1")
    resp.headers.add("Set-Cookie", "b=2")
    assert resp.headers.get_all("set-cookie") == ["a=1", "b=2"]


def test_response_properties_have_no_setters() -> None:
    """status_code has no setter."""
    resp = func.HttpResponse("x")
    with pytest.raises(AttributeError):
        resp.status_code = 201  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]


def test_response_headers_are_copied() -> None:
    """The headers passed in are copied, not aliased."""
    given_headers = {"X": "1"}
    resp = func.HttpResponse("x", headers=given_headers)
    given_headers["X"] = "2"
    assert resp.headers["X"] == "1"


# -- HttpResponse: improvements --------------------------------------------------


@pytest.mark.parametrize("status", ["201", 2.5, True, None.__class__])
def test_response_status_must_be_an_int(status: object) -> None:
    """A string status such as "201" (or a bool) is a TypeError."""
    with pytest.raises(TypeError, match="status_code must be an int"):
        func.HttpResponse(status_code=status)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


@pytest.mark.parametrize("status", [0, 99, 600, -200])
def test_response_status_must_be_in_range(status: int) -> None:
    """Status codes outside 100-599 are a ValueError."""
    with pytest.raises(ValueError, match="between 100 and 599"):
        func.HttpResponse(status_code=status)


@given(status=st.integers())
def test_property_status_accepted_exactly_in_range(status: int) -> None:
    """Any int is accepted exactly when it is from 100 to 599."""
    try:
        resp = func.HttpResponse(status_code=status)
    except ValueError:
        assert not 100 <= status <= 599
    else:
        assert resp.status_code == status


def test_response_json_helper() -> None:
    """HttpResponse.json encodes compact UTF-8 JSON with application/json."""
    resp = func.HttpResponse.json({"name": "Zoë", "n": [1, 2]}, status_code=http.HTTPStatus.CREATED)
    assert resp.status_code == 201
    assert resp.mimetype == "application/json"
    assert resp.get_body() == '{"name":"Zoë","n":[1,2]}'.encode()
    assert resp.get_json() == {"name": "Zoë", "n": [1, 2]}


def test_response_json_helper_headers_and_default() -> None:
    """headers are kept and default converts what json cannot."""
    day = datetime.date(2024, 5, 1)
    resp = func.HttpResponse.json({"day": day}, headers={"X-Id": "7"}, default=str)
    assert resp.get_json() == {"day": "2024-05-01"}
    assert resp.headers["x-id"] == "7"


def test_response_json_helper_rejects_nan_and_unknown_types() -> None:
    """NaN is a ValueError (it is not JSON); unknown objects a TypeError."""
    with pytest.raises(ValueError, match="JSON"):
        func.HttpResponse.json({"x": float("nan")})
    with pytest.raises(TypeError):
        func.HttpResponse.json({"x": object()})


def test_response_set_cookie_adds_one_header_per_cookie() -> None:
    """set_cookie writes Set-Cookie headers with the attributes asked for."""
    resp = func.HttpResponse("x")
    resp.set_cookie("sid", "abc", max_age=3600, httponly=True, secure=True, samesite="lax")
    resp.set_cookie("theme", "dark", path="/app", domain="example.com")
    assert resp.headers.get_all("Set-Cookie") == [
        "sid=abc; Max-Age=3600; Secure; HttpOnly; Path=/; SameSite=Lax",
        "theme=dark; Domain=example.com; Path=/app",
    ]


def test_response_set_cookie_expires_forms() -> None:
    """expires takes a datetime, a timestamp or a ready string; max_age a timedelta."""
    resp = func.HttpResponse()
    moment = datetime.datetime(2030, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    resp.set_cookie("a", expires=moment, max_age=datetime.timedelta(minutes=2))
    resp.set_cookie("b", expires=0)
    resp.set_cookie("c", expires="Wed, 21 Oct 2015 07:28:00 GMT", path=None)
    assert resp.headers.get_all("set-cookie") == [
        "a=; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Max-Age=120; Path=/",
        "b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
        "c=; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
    ]


def test_response_delete_cookie_expires_it() -> None:
    """delete_cookie sends an expired, empty cookie."""
    resp = func.HttpResponse()
    resp.delete_cookie("sid", path="/app")
    assert (
        resp.headers["set-cookie"]
        == "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app"
    )


@pytest.mark.parametrize(
    ("key", "samesite", "path", "domain", "match"),
    [
        ("bad name", None, "/", None, "cookie name"),
        ("a", "sometimes", "/", None, "samesite"),
        ("a", None, "/x;Secure", None, "path"),
        ("a", None, "/", "x\r\ny", "domain"),
    ],
)
def test_response_set_cookie_rejects_bad_input(
    key: str, samesite: str | None, path: str, domain: str | None, match: str
) -> None:
    """Bad cookie names, samesite values and attributes are a ValueError."""
    with pytest.raises(ValueError, match=match):
        func.HttpResponse().set_cookie(key, "v", path=path, domain=domain, samesite=samesite)


@pytest.mark.parametrize("headers", [{"X-A": "a\r\nInjected: 1"}, {"X\nA": "1"}, {"": "1"}])
def test_response_rejects_header_injection_at_construction(headers: dict[str, str]) -> None:
    """CR or LF in a header name or value is a ValueError."""
    with pytest.raises(ValueError, match="header"):
        func.HttpResponse("x", headers=headers)


def test_response_rejects_header_injection_on_mutation() -> None:
    """Later header mutations are validated too."""
    resp = func.HttpResponse("x")
    with pytest.raises(ValueError, match="CR, LF"):
        resp.headers["X"] = "a\nb"
    with pytest.raises(ValueError, match="CR, LF"):
        resp.headers.add("X\r", "1")
    with pytest.raises(ValueError, match="CR, LF"):
        resp.headers.setlist("X", ["1", "2\r"])
    assert len(resp.headers) == 0


def test_response_rejects_newlines_in_mimetype_and_charset() -> None:
    """mimetype and charset end up in Content-Type, so they are checked too."""
    with pytest.raises(ValueError, match="mimetype"):
        func.HttpResponse("x", mimetype="text/plain\r\nX: 1")
    with pytest.raises(ValueError, match="charset"):
        func.HttpResponse("x", charset="utf-8\nX: 1")


def test_response_repr() -> None:
    """The repr shows status, content type and body length."""
    assert (
        repr(func.HttpResponse("hello")) == "<HttpResponse 200 text/plain; charset=utf-8 (5 bytes)>"
    )
    assert (
        repr(func.HttpResponse.json([1], status_code=201))
        == "<HttpResponse 201 application/json (3 bytes)>"
    )


def test_response_equality() -> None:
    """Responses compare by status, headers, mimetype, charset and body."""
    first = func.HttpResponse("x", status_code=201, headers={"A": "1"})
    assert first == func.HttpResponse(b"x", status_code=201, headers={"a": "1"})
    assert first != func.HttpResponse("x", status_code=200, headers={"A": "1"})
    assert first != func.HttpResponse("x", status_code=201, headers={"A": "2"})
    assert first != func.HttpResponse(
        "x", status_code=201, headers={"A": "1"}, mimetype="text/html"
    )
    assert first != func.HttpResponse("x", status_code=201, headers={"A": "1"}, charset="latin-1")
    assert first != func.HttpResponse("y", status_code=201, headers={"A": "1"})
    assert first != "x"


def test_response_is_unhashable() -> None:
    """Responses have mutable headers, so they are not hashable."""
    with pytest.raises(TypeError):
        hash(func.HttpResponse())


# -- differential tests against the reference, where it is installed ---------------------


@pytest.mark.parametrize(
    ("body", "arguments"),
    [
        (None, {}),
        ("héllo", {"charset": "latin-1", "status_code": 404}),
        (b"\x00raw", {"mimetype": "application/octet-stream", "headers": {"X-A": "1"}}),
        (bytearray(b"x"), {"status_code": http.HTTPStatus.CREATED}),
    ],
)
def test_reference_response_reads_the_same(body: object, arguments: dict[str, object]) -> None:
    """Body, status, mimetype, charset and headers match the reference's."""
    reference = pytest.importorskip("azure.functions")
    ours = func.HttpResponse(body, **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    theirs = reference.HttpResponse(body, **arguments)
    assert ours.get_body() == theirs.get_body()
    assert (ours.status_code, ours.mimetype, ours.charset) == (
        theirs.status_code,
        theirs.mimetype,
        theirs.charset,
    )
    assert ours.headers.items() == list(theirs.headers.items())
