"""The client's Response: headers, body, text, JSON, cookies."""

from __future__ import annotations

import pytest

from azfn.testing import Response


def test_text_json_and_mimetype() -> None:
    """host-semantics §A2.3: the body and its content type as the host sent them."""
    resp = Response(
        200, [("Content-Type", "application/json; charset=latin-1")], '{"a": "é"}'.encode("latin-1")
    )
    assert resp.mimetype == "application/json"
    assert resp.charset == "latin-1"
    assert resp.text == '{"a": "é"}'
    assert resp.get_json() == {"a": "é"}
    assert resp.ok
    assert repr(resp) == "<Response 200 application/json; charset=latin-1 (10 bytes)>"


def test_headers_are_case_insensitive_and_multi() -> None:
    """host-semantics §A2.3: Set-Cookie comes once per cookie; lookups ignore case."""
    resp = Response(200, [("X-A", "1"), ("Set-Cookie", 'a="q\\"x"; Path=/'), ("Set-Cookie", "b=2")])
    assert resp.headers["x-a"] == "1"
    assert resp.cookies == {"a": 'q"x', "b": "2"}
    assert resp.content_type is None
    assert resp.mimetype == ""


def test_get_json_error_says_what_came_back() -> None:
    """host-semantics §A3.2: an empty 404 body is not JSON; the error shows status and body."""
    with pytest.raises(ValueError, match="status 404"):
        Response(404).get_json()
