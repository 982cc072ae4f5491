"""The host's HTTP rules: request canonicalisation and result conversion."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import azfn as func
from azfn.host._http import HostRequest
from azfn.host._http import _from_datum
from azfn.host._http import _from_string
from azfn.host._http import canonical_headers
from azfn.host._http import canonical_query
from azfn.host._http import http_wire
from azfn.http import HttpRequestConverter
from azfn.http import HttpResponseConverter
from azfn.meta import Datum


def test_headers_lowercased_and_repeats_joined() -> None:
    """host-semantics §A3.5: header names lower-cased, a repeated header joined with ','."""
    headers = [("X-Tag", "a"), ("Accept", "text/html"), ("x-tag", "b")]
    assert canonical_headers(headers) == {"x-tag": "a,b", "accept": "text/html"}


def test_query_drops_empty_values_and_joins_repeats() -> None:
    """host-semantics §A3.5: `?a=&b=1` gives {'b': '1'}; a repeated key is comma-joined."""
    assert canonical_query("a=&b=1") == {"b": "1"}
    assert canonical_query("t=1&t=2&x=%20y") == {"t": "1,2", "x": " y"}
    assert canonical_query("") == {}


@given(st.lists(st.tuples(st.text("abc", min_size=1), st.text("xyz=&"))))
def test_query_canonicalisation_matches_the_request_class(pairs: list[tuple[str, str]]) -> None:
    """host-semantics §A3.5: the host's params equal what HttpRequest reads from the URL."""
    from urllib.parse import urlencode

    query = urlencode(pairs)
    request = func.HttpRequest("GET", f"http://h/api/x?{query}", body=b"")
    assert canonical_query(query) == dict(request.params)


def test_wire_dict_has_full_url_raw_body_and_string_params() -> None:
    """host-semantics §A3.5: url with the query, raw bytes body, route params as strings."""
    request = HostRequest(
        "post", "/api/items/42", "q=1&q=2", [("Content-Type", "application/json")], b'{"a": 1}'
    )
    wire = http_wire(request, {"id": "42"})
    assert wire == {
        "method": "post",
        "url": "http://localhost:7071/api/items/42?q=1&q=2",
        "headers": {"content-type": "application/json"},
        "query": {"q": "1,2"},
        "params": {"id": "42"},
        "body": b'{"a": 1}',
    }
    decoded = HttpRequestConverter.decode(Datum(wire, "http"), trigger_metadata={})
    assert decoded.method == "POST"
    assert decoded.route_params == {"id": "42"}
    assert decoded.get_json() == {"a": 1}
    assert decoded.params == {"q": "1,2"}


def test_plain_string_is_200_text_plain() -> None:
    """host-semantics §A2.3: a returned str is 200 text/plain; charset=utf-8, as written."""
    response = _from_string("héllo")
    assert response.status_code == 200
    assert response.headers == [("Content-Type", "text/plain; charset=utf-8")]
    assert response.body == "héllo".encode()


@pytest.mark.parametrize("text", ["[1, 2]", "true", "null", '{"a": 1}', "{not json", "42"])
def test_non_envelope_strings_pass_through(text: str) -> None:
    """host-semantics §A2.3: JSON without a `body` key and other text pass through (no re-serialising)."""
    response = _from_string(text)
    assert (response.status_code, response.body) == (200, text.encode())


def test_json_envelope_honours_status_headers_and_body() -> None:
    """host-semantics §A2.3: a JSON object string with `body` is a response envelope."""
    text = json.dumps({"Body": "missing", "status": 404, "headers": {"X-Why": "gone"}})
    response = _from_string(text)
    assert response.status_code == 404
    assert ("X-Why", "gone") in response.headers
    assert response.body == b"missing"


def test_json_envelope_status_code_key_and_object_body() -> None:
    """host-semantics §A2.3: `statusCode` works too; an object body is sent as JSON."""
    response = _from_string(json.dumps({"body": {"id": 1}, "statusCode": "201"}))
    assert response.status_code == 201
    assert json.loads(response.body) == {"id": 1}
    assert ("Content-Type", "application/json; charset=utf-8") in response.headers


def test_json_envelope_with_invalid_status_is_500() -> None:
    """host-semantics §A2.3: an envelope the host cannot turn into a result fails (500)."""
    assert _from_string(json.dumps({"body": "x", "status": "teapot"})).status_code == 500


def test_http_response_datum_keeps_status_headers_cookies_body() -> None:
    """host-semantics §A2.3: an HttpResponse's status, headers and body are as given; cookies sent."""
    original = func.HttpResponse(
        b"\x00\x01", status_code=201, headers={"X-Id": "7"}, mimetype="application/octet-stream"
    )
    original.set_cookie("sid", "abc", httponly=True)
    datum = HttpResponseConverter.encode(original, expected_type=None)
    assert datum is not None
    response = _from_datum(datum)
    assert response.status_code == 201
    assert response.body == b"\x00\x01"
    assert ("X-Id", "7") in response.headers
    assert ("content-type", "application/octet-stream") in response.headers
    assert [v for n, v in response.headers if n == "Set-Cookie"] == ["sid=abc; HttpOnly; Path=/"]


def test_other_encoded_types_are_500() -> None:
    """host-semantics §A2.3: the http output only accepts str and HttpResponse; others are 500."""
    assert _from_datum(Datum(b"x", "bytes")).status_code == 500
    assert _from_datum(Datum("{}", "json")).status_code == 500
