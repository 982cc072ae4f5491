# pyright: strict
"""HttpRequest, HttpResponse and their converters (anchor-inventory §4.1, §4.2, §7)."""

from __future__ import annotations

import contextlib
import json
import pickle
from typing import cast

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st

import azfn.http as func
from azfn.errors import AzfnError
from azfn.http import HttpRequestConverter
from azfn.http import HttpResponseConverter
from azfn.http import InvalidJSONError
from azfn.meta import Datum
from azfn.meta import get_binding_registry

# -- the Azure docs' unit-test pattern ------------------------------------------


def hello(req: func.HttpRequest) -> func.HttpResponse:
    """The quickstart function of the Azure docs."""
    name = req.params.get("name")
    if not name:
        try:
            req_body = req.get_json()
        except ValueError:
            pass
        else:
            if isinstance(req_body, dict):
                found = req_body.get("name")
                name = found if isinstance(found, str) else None
    if name:
        return func.HttpResponse(
            f"Hello, {name}. This HTTP triggered function executed successfully."
        )
    return func.HttpResponse(
        "Pass a name in the query string or in the request body.", status_code=200
    )


def test_docs_example_query_param() -> None:
    """The docs' test: build a GET request with body=None, call, assert on the body."""
    req = func.HttpRequest(
        method="GET", body=None, url="/api/http_trigger", params={"name": "Test"}
    )
    resp = hello(req)
    assert resp.get_body() == b"Hello, Test. This HTTP triggered function executed successfully."


def test_docs_example_json_body() -> None:
    """The name can come from a JSON body."""
    req = func.HttpRequest("POST", "/api/http_trigger", body=json.dumps({"name": "Ada"}).encode())
    assert hello(req).get_body().startswith(b"Hello, Ada.")


def test_docs_example_no_name_catches_value_error() -> None:
    """body=None with no name: get_json raises ValueError, which the function catches."""
    resp = hello(func.HttpRequest(method="GET", body=None, url="/api/http_trigger"))
    assert resp.status_code == 200
    assert resp.get_body().startswith(b"Pass a name")


# -- HttpRequest: the reference's behaviour --------------------------------------


def test_request_body_is_a_required_keyword() -> None:
    """Leaving out body is a TypeError, as in the reference."""
    with pytest.raises(TypeError, match="body"):
        func.HttpRequest("GET", "/x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def test_request_method_is_upper_cased_and_url_kept() -> None:
    """method reads upper-cased; url is returned as given."""
    req = func.HttpRequest("post", "http://localhost/api/Items?x=1", body=b"")
    assert req.method == "POST"
    assert req.url == "http://localhost/api/Items?x=1"


def test_request_headers_are_case_insensitive_and_lower_cased() -> None:
    """Lookups ignore case; iteration yields lower-case names."""
    req = func.HttpRequest(
        "GET", "/", headers={"Content-Type": "text/plain", "X-Foo": "1"}, body=b""
    )
    assert req.headers["x-foo"] == "1"
    assert req.headers.get("X-FOO") == "1"
    assert "CONTENT-TYPE" in req.headers
    assert list(req.headers) == ["content-type", "x-foo"]
    assert req.headers == {"content-type": "text/plain", "x-foo": "1"}


def test_request_headers_are_single_valued_last_wins() -> None:
    """Two spellings of one name keep the last value."""
    req = func.HttpRequest("GET", "/", headers={"X": "1", "x": "2"}, body=b"")
    assert dict(req.headers) == {"x": "2"}


def test_request_headers_are_read_only() -> None:
    """The headers mapping has no item assignment."""
    req = func.HttpRequest("GET", "/", headers={"a": "1"}, body=b"")
    with pytest.raises(TypeError):
        req.headers["a"] = "2"  # type: ignore[index]  # pyright: ignore[reportIndexIssue]


def test_request_params_and_route_params_are_read_only() -> None:
    """params and route_params refuse item assignment."""
    req = func.HttpRequest("GET", "/", params={"a": "1"}, route_params={"id": "7"}, body=b"")
    assert req.params == {"a": "1"}
    assert req.route_params == {"id": "7"}
    with pytest.raises(TypeError):
        req.params["b"] = "2"  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
    with pytest.raises(TypeError):
        req.route_params["b"] = "2"  # type: ignore[index]  # pyright: ignore[reportIndexIssue]


def test_request_properties_have_no_setters() -> None:
    """method, url and the rest are read-only properties."""
    req = func.HttpRequest("GET", "/", body=b"")
    with pytest.raises(AttributeError):
        req.method = "POST"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]


def test_request_get_body_returns_bytes() -> None:
    """get_body returns the bytes given."""
    assert func.HttpRequest("POST", "/", body=b"\x00\xff").get_body() == b"\x00\xff"


def test_request_get_json_parses_utf8() -> None:
    """get_json decodes UTF-8 and parses."""
    req = func.HttpRequest("POST", "/", body='{"a": [1, "é"]}'.encode())
    assert req.get_json() == {"a": [1, "é"]}


@pytest.mark.parametrize("body", [b"", b"{", b"nope", b"\xff\xfe", b"[1,]"])
def test_request_get_json_raises_value_error(body: bytes) -> None:
    """Invalid JSON, an empty body and non-UTF-8 bytes raise ValueError."""
    req = func.HttpRequest("POST", "/", body=body)
    with pytest.raises(ValueError, match="does not contain valid JSON"):
        req.get_json()


def test_request_repr_names_method_url_and_size() -> None:
    """The repr says what the request is."""
    req = func.HttpRequest("post", "/api/x", body=b"abc")
    assert repr(req) == "<HttpRequest POST /api/x (3 bytes)>"


# -- HttpRequest: improvements ---------------------------------------------------


def test_request_params_do_not_alias_the_callers_dict() -> None:
    """Changing the dict passed in later leaves the request alone (a reference bug)."""
    params = {"a": "1"}
    route = {"id": "1"}
    req = func.HttpRequest("GET", "/", params=params, route_params=route, body=b"")
    params["a"] = "changed"
    route["id"] = "changed"
    assert req.params == {"a": "1"}
    assert req.route_params == {"id": "1"}


def test_request_params_come_from_the_url_query() -> None:
    """The URL's query appears in params, read the way the host reads it."""
    req = func.HttpRequest(
        "GET", "https://h/api/x?name=Ada&empty=&tag=a&tag=b&sp=a+b#frag", body=b""
    )
    assert req.params == {"name": "Ada", "tag": "a,b", "sp": "a b"}


def test_request_explicit_params_win_over_the_url() -> None:
    """params given to the constructor override those of the URL."""
    req = func.HttpRequest("GET", "/api?name=url&other=1", params={"name": "given"}, body=b"")
    assert req.params == {"name": "given", "other": "1"}


def test_request_cookies_are_parsed() -> None:
    """req.cookies reads the Cookie header."""
    req = func.HttpRequest(
        "GET", "/", headers={"Cookie": 'sid=abc; theme="dark mode"; n'}, body=b""
    )
    assert req.cookies == {"sid": "abc", "theme": "dark mode", "n": ""}


def test_request_without_cookie_header_has_no_cookies() -> None:
    """No Cookie header gives an empty mapping."""
    assert func.HttpRequest("GET", "/", body=b"").cookies == {}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("text é", "text é".encode()),
        (None, b""),
        (bytearray(b"ab"), b"ab"),
        (memoryview(b"cd"), b"cd"),
    ],
)
def test_request_body_is_normalised_to_bytes(
    body: str | bytearray | memoryview | None, expected: bytes
) -> None:
    """str bodies are UTF-8 encoded, None is empty, bytes-likes become bytes."""
    assert func.HttpRequest("POST", "/", body=body).get_body() == expected


def test_request_rejects_a_dict_body() -> None:
    """A body that is not bytes, str or None is a TypeError at construction."""
    with pytest.raises(TypeError, match="dict"):
        func.HttpRequest("POST", "/", body={"a": 1})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def test_request_get_json_error_is_a_json_decode_error() -> None:
    """The error is a ValueError, a JSONDecodeError and an AzfnError, with the details kept."""
    req = func.HttpRequest("POST", "/", body=b'{"a": }')
    with pytest.raises(json.JSONDecodeError) as info:
        req.get_json()
    error = info.value
    assert isinstance(error, InvalidJSONError)
    assert isinstance(error, AzfnError)
    assert str(error) == "HTTP request does not contain valid JSON data"
    assert error.msg == "Expecting value"
    assert (error.lineno, error.colno) == (1, 7)
    assert isinstance(error.__cause__, json.JSONDecodeError)


def test_invalid_json_error_pickles() -> None:
    """The error survives pickling (for process pools)."""
    error = InvalidJSONError("Expecting value", "x", 0)
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, InvalidJSONError)
    assert str(copy) == str(error)


def test_request_get_json_returns_a_new_object_each_time() -> None:
    """Mutating one result does not change the next."""
    req = func.HttpRequest("POST", "/", body=b'{"a": 1}')
    first = req.get_json()
    assert isinstance(first, dict)
    first["a"] = 2
    assert req.get_json() == {"a": 1}


def test_request_deeply_nested_json_is_a_value_error() -> None:
    """Nesting deep enough to exhaust the recursion limit is reported as invalid JSON."""
    req = func.HttpRequest("POST", "/", body=b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(ValueError, match="valid JSON"):
        req.get_json()


@given(body=st.binary(max_size=200))
def test_property_get_json_parses_or_raises_value_error(body: bytes) -> None:
    """Any body either parses or raises the documented ValueError."""
    req = func.HttpRequest("POST", "/", body=body)
    with contextlib.suppress(InvalidJSONError):
        req.get_json()


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
_around = st.text(alphabet=" \t\n\r\u00a0\u2028x,]}", max_size=3)  # JSON's whitespace and not


@given(
    before=_around,
    document=_json_values.map(json.dumps) | st.text(max_size=12),
    after=_around,
)
@example(before="", document='{"a": 1}', after="\n")
@example(before="", document="[1, 2] x", after="")
@example(before="\u00a0", document="1", after="")
@example(before="", document="1", after="\u00a0")  # not JSON whitespace: extra data
@example(before="", document="", after="")
@example(before="", document="nul", after="")
def test_property_get_json_is_json_loads(before: str, document: str, after: str) -> None:
    """get_json parses exactly what json.loads does, and fails where it fails, at the same place."""
    text = before + document + after
    req = func.HttpRequest("POST", "/", body=text.encode())
    expected: object
    try:
        expected = json.dumps(json.loads(text))  # NaN != NaN: compare the text
    except json.JSONDecodeError as exc:
        expected = (exc.msg, exc.pos)
    try:
        got: object = json.dumps(req.get_json())
    except InvalidJSONError as exc:
        got = (exc.msg, exc.pos)
    assert got == expected


@given(headers=st.dictionaries(st.text(), st.text()), url=st.text(), method=st.text())
def test_property_any_headers_and_url_build_a_request(
    headers: dict[str, str], url: str, method: str
) -> None:
    """Any header set and URL builds a request; each name reads its last value."""
    req = func.HttpRequest(method, url, headers=headers, body=b"")
    assert req.method == method.upper()
    last = {name.lower(): value for name, value in headers.items()}
    assert dict(req.headers) == last
    for name in headers:
        assert name in req.headers
        assert req.headers[name] == last[name.lower()]
    assert all(isinstance(value, str) for value in req.params.values())
    assert all(isinstance(value, str) for value in req.cookies.values())


@given(pairs=st.lists(st.tuples(st.text(min_size=1), st.text(min_size=1)), max_size=8))
def test_property_query_strings_keep_every_non_empty_value(pairs: list[tuple[str, str]]) -> None:
    """Every non-empty query value built with urlencode comes back in params."""
    from urllib.parse import urlencode

    req = func.HttpRequest("GET", "/api?" + urlencode(pairs), body=b"")
    for name, value in pairs:
        assert value in req.params[name]


def wire(datum: Datum | None) -> dict[str, object]:
    """The value of an encoded http datum."""
    assert datum is not None
    assert datum.type == "http"
    value: object = datum.value
    assert isinstance(value, dict)
    return cast("dict[str, object]", value)


# -- converters -------------------------------------------------------------------


def test_converters_are_registered() -> None:
    """The http and httpTrigger bindings use these converters."""
    registry = get_binding_registry()
    assert registry.get("httpTrigger") is HttpRequestConverter
    assert registry.get("http") is HttpResponseConverter
    assert HttpRequestConverter.has_trigger_support()
    assert not HttpResponseConverter.has_trigger_support()


def test_request_converter_accepts_request_annotations() -> None:
    """HttpRequest and subclasses are accepted; other annotations are not."""

    class MyRequest(func.HttpRequest):
        pass

    assert HttpRequestConverter.check_input_type_annotation(func.HttpRequest)
    assert HttpRequestConverter.check_input_type_annotation(MyRequest)
    assert not HttpRequestConverter.check_input_type_annotation(str)
    assert not HttpRequestConverter.check_input_type_annotation(list[str])


def test_request_converter_decodes_the_wire_dict() -> None:
    """decode builds the request from the plain wire dict."""
    data = Datum(
        {
            "method": "post",
            "url": "https://h/api/items/42?x=1&e=",
            "headers": {"content-type": "application/json", "cookie": "a=1"},
            "query": {"x": "1"},
            "params": {"id": "42"},
            "body": b'{"a": 1}',
        },
        "http",
    )
    req = HttpRequestConverter.decode(data, trigger_metadata=None)
    assert req.method == "POST"
    assert req.url == "https://h/api/items/42?x=1&e="
    assert req.headers["Content-Type"] == "application/json"
    assert req.params == {"x": "1"}
    assert req.route_params == {"id": "42"}
    assert req.cookies == {"a": "1"}
    assert req.get_json() == {"a": 1}


def test_request_converter_accepts_datum_wrapped_values() -> None:
    """The reference's shape (every value a Datum) decodes too."""
    data = Datum(
        {
            "method": Datum("GET", "string"),
            "url": Datum("/api/x", "string"),
            "headers": {"x-a": Datum("1", "string")},
            "query": {"q": Datum("v", "string")},
            "params": {},
            "body": Datum("text", "string"),
        },
        "http",
    )
    req = HttpRequestConverter.decode(data, trigger_metadata={})
    assert (req.headers["x-a"], req.params["q"], req.get_body()) == ("1", "v", b"text")


@pytest.mark.parametrize("body", [b"", b"{bad", Datum(b"", "bytes"), Datum(None, None), None])
def test_request_converter_get_json_uses_the_workers_message(body: object) -> None:
    """Invalid JSON, including an empty body, raises the worker's ValueError."""
    data = Datum({"method": "POST", "url": "/", "body": body}, "http")
    req = HttpRequestConverter.decode(data, trigger_metadata=None)
    with pytest.raises(ValueError, match=r"^HTTP request does not contain valid JSON data$"):
        req.get_json()


def test_request_converter_rejects_other_data() -> None:
    """Data that is not 'http' is not ours; a missing method or url is a ValueError."""
    with pytest.raises(NotImplementedError):
        HttpRequestConverter.decode(Datum("x", "string"), trigger_metadata=None)
    with pytest.raises(ValueError, match="method"):
        HttpRequestConverter.decode(Datum({"url": "/"}, "http"), trigger_metadata=None)


def test_response_converter_accepts_response_and_str_annotations() -> None:
    """HttpResponse subclasses and str are accepted; bytes and dict are not."""

    class MyResponse(func.HttpResponse):
        pass

    assert HttpResponseConverter.check_output_type_annotation(MyResponse)
    assert HttpResponseConverter.check_output_type_annotation(str)
    assert not HttpResponseConverter.check_output_type_annotation(bytes)
    assert not HttpResponseConverter.check_output_type_annotation(dict)


def test_response_converter_encodes_a_string() -> None:
    """A returned str becomes string data."""
    assert HttpResponseConverter.encode("hi", expected_type=None) == Datum("hi", "string")


@pytest.mark.parametrize("value", [b"bytes", {"a": 1}, None, 3])
def test_response_converter_refuses_other_values(value: object) -> None:
    """Anything but str or HttpResponse encodes to None (the host's 500)."""
    assert HttpResponseConverter.encode(value, expected_type=None) is None


def test_response_converter_wire_form() -> None:
    """Status as str, content-type added, cookies split out, body bytes."""
    resp = func.HttpResponse("hé", status_code=201, headers={"X-A": "1"})
    resp.set_cookie("sid", "1")
    resp.headers.add("Set-Cookie", "b=2")
    assert wire(HttpResponseConverter.encode(resp, expected_type=None)) == {
        "status_code": "201",
        "headers": {"X-A": "1", "content-type": "text/plain; charset=utf-8"},
        "cookies": ["sid=1; Path=/", "b=2"],
        "body": "hé".encode(),
    }


def test_response_converter_does_not_mutate_the_response() -> None:
    """Unlike the reference, encoding leaves the user's headers alone."""
    resp = func.HttpResponse("x")
    resp.set_cookie("a", "1")
    before = resp.headers.items()
    HttpResponseConverter.encode(resp, expected_type=None)
    assert resp.headers.items() == before


@pytest.mark.parametrize(
    ("mimetype", "charset", "expected"),
    [
        ("text/html", "latin-1", "text/html; charset=latin-1"),
        ("application/json", "utf-8", "application/json"),
        ("image/png", "utf-8", "image/png"),
    ],
)
def test_response_converter_content_type(mimetype: str, charset: str, expected: str) -> None:
    """text/* gets a charset; other mimetypes are sent bare."""
    resp = func.HttpResponse(b"", mimetype=mimetype, charset=charset)
    assert wire(HttpResponseConverter.encode(resp, expected_type=None))["headers"] == {
        "content-type": expected
    }


def test_response_converter_keeps_an_explicit_content_type() -> None:
    """A Content-Type header wins over mimetype."""
    resp = func.HttpResponse("x", headers={"Content-Type": "text/csv"})
    encoded = wire(HttpResponseConverter.encode(resp, expected_type=None))
    assert encoded["headers"] == {"Content-Type": "text/csv"}


def test_response_converter_joins_repeated_headers() -> None:
    """Repeated headers are joined with ', ' under the first spelling, not dropped."""
    resp = func.HttpResponse(headers=[("Vary", "Accept"), ("vary", "Cookie")], mimetype="image/png")
    encoded = wire(HttpResponseConverter.encode(resp, expected_type=None))
    assert encoded["headers"] == {"Vary": "Accept, Cookie", "content-type": "image/png"}


# -- differential tests against the reference, where it is installed ---------------------


def test_reference_request_reads_the_same() -> None:
    """method, url, headers, route params, body and JSON read as in the reference."""
    reference = pytest.importorskip("azure.functions")
    kwargs: dict[str, object] = {
        "headers": {"X-A": "1", "x-a": "2", "Content-Type": "application/json"},
        "params": {"q": "1"},
        "route_params": {"id": "7"},
        "body": b'{"a": [1, 2.5, null, "\\u00e9"]}',
    }
    ours = func.HttpRequest("post", "/api/x", **kwargs)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    theirs = reference.HttpRequest("post", "/api/x", **kwargs)
    assert (ours.method, ours.url) == (theirs.method, theirs.url)
    assert dict(ours.headers) == dict(theirs.headers)
    assert dict(ours.params) == dict(theirs.params)
    assert dict(ours.route_params) == dict(theirs.route_params)
    assert ours.get_body() == theirs.get_body()
    assert ours.get_json() == theirs.get_json()


@pytest.mark.parametrize("body", [b"", b"{", b"[1,]"])
def test_reference_request_bad_json_is_a_value_error_in_both(body: bytes) -> None:
    """Where the reference raises ValueError for bad JSON, so do we."""
    reference = pytest.importorskip("azure.functions")
    with pytest.raises(ValueError):  # noqa: PT011  # the type is the contract
        reference.HttpRequest("POST", "/", body=body).get_json()
    with pytest.raises(ValueError):  # noqa: PT011  # the type is the contract
        func.HttpRequest("POST", "/", body=body).get_json()


def test_reference_converter_encodes_the_same_response() -> None:
    """Status, headers, cookies and body on the wire match the reference's encoding."""
    reference_http = pytest.importorskip("azure.functions.http")
    reference = pytest.importorskip("azure.functions")
    arguments: dict[str, object] = {
        "status_code": 202,
        "headers": {"X-A": "1"},
        "mimetype": "text/html",
    }
    ours = func.HttpResponse("hé", **arguments)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    theirs = reference.HttpResponse("hé", **arguments)
    for response in (ours, theirs):
        response.headers.add("Set-Cookie", "a=1; Path=/")
    expected = reference_http.HttpResponseConverter.encode(theirs, expected_type=None).value
    got = wire(HttpResponseConverter.encode(ours, expected_type=None))
    assert got["status_code"] == expected["status_code"].value
    assert got["headers"] == {name: datum.value for name, datum in expected["headers"].items()}
    assert got["body"] == expected["body"].value
    assert got["cookies"] == [cookie.output(header="").strip() for cookie in expected["cookies"]]
    assert reference_http.HttpResponseConverter.encode("s", expected_type=None).type == "string"
