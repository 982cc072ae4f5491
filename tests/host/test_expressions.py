"""Binding expressions and blob path captures (host-semantics §A7.1, §A7.2)."""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azfn.errors import AzfnError
from azfn.host import _expressions
from azfn.host._expressions import BindingExpressionError
from azfn.host._expressions import blob_path_captures
from azfn.host._expressions import format_datetime
from azfn.host._expressions import resolve

FIXED = datetime.datetime(2024, 3, 5, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_expressions, "_utcnow", lambda: FIXED)


def test_plain_name() -> None:
    """host-semantics §A7.1: {name} takes the binding data value."""
    assert resolve("results/{id}.txt", {"id": "7"}, {}) == "results/7.txt"


def test_names_ignore_case() -> None:
    """host-semantics §A7.1: binding data keys are case-insensitive."""
    assert resolve("{QueueTrigger}", {"queueTrigger": "hello"}, {}) == "hello"


def test_dotted_navigation_case_insensitive() -> None:
    """host-semantics §A7.1: {data.id} navigates nested JSON objects ignoring case."""
    data = {"Data": {"Item": {"ID": 42}}}
    assert resolve("x/{data.item.id}", data, {}) == "x/42"


def test_dotted_navigation_through_json_text() -> None:
    """host-semantics §A7.1: nested objects given as JSON text (the str binding data) navigate."""
    assert resolve("{Query.name}", {"Query": json.dumps({"name": "ann"})}, {}) == "ann"


def test_missing_nested_property() -> None:
    """host-semantics §A7.1: a missing nested property is an error."""
    with pytest.raises(BindingExpressionError, match="property doesn't exist"):
        resolve("{data.nope}", {"data": {"id": 1}}, {})


def test_missing_key_message() -> None:
    """host-semantics §A7.1: a missing key fails with "No value for named parameter"."""
    with pytest.raises(BindingExpressionError, match=r"No value for named parameter 'x'\.") as info:
        resolve("a/{x}", {"id": "1"}, {})
    assert "id" in str(info.value)
    assert isinstance(info.value, AzfnError)
    assert isinstance(info.value, ValueError)


def test_escapes() -> None:
    """host-semantics §A7.1: {{ and }} are literal braces."""
    assert resolve("{{id}}-{id}", {"id": "1"}, {}) == "{id}-1"


@pytest.mark.parametrize("template", ["a/{id", "a/}", "{a{b}}", "{}", "{a b}"])
def test_malformed_templates(template: str) -> None:
    """host-semantics §A7.1: unbalanced braces and bad expressions are errors."""
    with pytest.raises(BindingExpressionError):
        resolve(template, {"a": "1", "id": "2"}, {})


def test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """host-semantics §A7.1: %Setting% comes from app settings, then the environment."""
    monkeypatch.setenv("FROM_ENV", "env")
    monkeypatch.setenv("BOTH", "env")
    settings = {"Container": "out", "BOTH": "settings"}
    assert resolve("%Container%/{id}-%FROM_ENV%-%BOTH%", {"id": "1"}, settings) == (
        "out/1-env-settings"
    )


def test_missing_setting() -> None:
    """host-semantics §A7.1: an unknown setting is a clear error naming it."""
    with pytest.raises(BindingExpressionError, match="AZFN_SURELY_UNSET"):
        resolve("%AZFN_SURELY_UNSET%", {}, {})
    with pytest.raises(BindingExpressionError, match="closing"):
        resolve("50%", {}, {})


def test_setting_values_are_templates() -> None:
    """host-semantics §A7.1: settings resolve first, then {tokens} (the host's order)."""
    assert resolve("%P%", {"id": "3"}, {"P": "items/{id}"}) == "items/3"


def test_rand_guid() -> None:
    """host-semantics §A7.1: {rand-guid}, {rand-guid:N} and sys.randguid."""
    plain = resolve("{rand-guid}", {}, {})
    assert str(uuid.UUID(plain)) == plain
    assert re.fullmatch(r"[0-9a-f]{32}", resolve("{rand-guid:N}", {}, {}))
    assert re.fullmatch(r"\{[0-9a-f-]{36}\}", resolve("{rand-guid:B}", {}, {}))
    assert uuid.UUID(resolve("{sys.randguid}", {}, {}))
    assert resolve("{rand-guid}", {}, {}) != resolve("{rand-guid}", {}, {})
    with pytest.raises(BindingExpressionError, match="rand-guid"):
        resolve("{rand-guid:Q}", {}, {})


@pytest.mark.usefixtures("frozen_now")
def test_datetime_default_and_formats() -> None:
    """host-semantics §A7.1: {DateTime} is UTC in yyyy-MM-ddTHH-mm-ssK; {datetime:fmt} formats."""
    assert resolve("{DateTime}", {}, {}) == "2024-03-05T07-08-09Z"
    assert resolve("{datetime:yyyy/MM/dd}", {}, {}) == "2024/03/05"
    assert resolve("{datetime:HH:mm:ss.fff}", {}, {}) == "07:08:09.123"
    assert resolve("{sys.UtcNow}", {}, {}) == "2024-03-05T07-08-09Z"


def test_builtins_win_over_binding_data() -> None:
    """host-semantics §A7.1: built-ins are resolved before binding data."""
    assert resolve("{rand-guid}", {"rand-guid": "mine"}, {}) != "mine"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3, "3"),
        (2.5, "2.5"),
        (2.0, "2"),
        (True, "True"),
        (None, ""),
        ({"a": 1}, ""),
        ([1, 2], ""),
        (FIXED, "2024-03-05T07-08-09Z"),
    ],
)
def test_value_formatting(value: object, text: str) -> None:
    """host-semantics §A7.1: numbers invariant, JSON objects/arrays become empty."""
    assert resolve("{v}", {"v": value}, {}) == text


def test_format_datetime_tokens() -> None:
    """host-semantics §A7.1: the .NET custom format specifiers used in paths."""
    assert format_datetime(FIXED, "yy-M-d h tt 'lit' \\y zzz") == "24-3-5 7 AM lit y +00:00"
    assert format_datetime(FIXED, "MMM dddd FFFFFFF") == "Mar Tuesday 123456"


_ident = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)
_literal = st.text(
    alphabet=st.characters(blacklist_characters="{}%", blacklist_categories=("Cs",)), max_size=8
)


@given(st.lists(st.tuples(_literal, _ident), max_size=5), _literal)
def test_roundtrip_grammar(pieces: list[tuple[str, str]], tail: str) -> None:
    """host-semantics §A7.1: literal text is kept and each {name} is replaced by its value."""
    template = "".join(f"{lit}{{{name}}}" for lit, name in pieces) + tail
    data = {name: f"<{name.upper()}>" for _, name in pieces}
    expected = "".join(f"{lit}<{name.upper()}>" for lit, name in pieces) + tail
    assert resolve(template, data, {}) == expected


@given(st.text(alphabet="ab{}", max_size=12))
def test_escaped_text_roundtrips(text: str) -> None:
    """host-semantics §A7.1: doubling every brace gives the text back unchanged."""
    template = text.replace("{", "{{").replace("}", "}}")
    assert resolve(template, {}, {}) == text


@given(st.text(alphabet="ab{}.", max_size=10))
def test_arbitrary_templates_resolve_or_fail_cleanly(template: str) -> None:
    """host-semantics §A7.1: any string resolves or raises BindingExpressionError only."""
    with contextlib.suppress(BindingExpressionError):
        resolve(template, {"a": "1", "b": {"a": 2}}, {})


# --- blob paths ----------------------------------------------------------------------


def test_blob_capture_crosses_slashes() -> None:
    """host-semantics §A7.2: {name} is a greedy .* that matches across '/'."""
    assert blob_path_captures("samples/{name}", "samples/sub/dir/file.txt") == {
        "name": "sub/dir/file.txt"
    }


def test_blob_capture_greedy_first() -> None:
    """host-semantics §A7.2: samples/{name}.{ext} on a.b.c gives name=a.b, ext=c."""
    assert blob_path_captures("samples/{name}.{ext}", "samples/a.b.c") == {
        "name": "a.b",
        "ext": "c",
    }


def test_blob_suffix_filter_and_case() -> None:
    """host-semantics §A7.2: literal parts filter; matching is case-sensitive and anchored."""
    assert blob_path_captures("samples/{name}.png", "samples/x.png") == {"name": "x"}
    assert blob_path_captures("samples/{name}.png", "samples/x.PNG") is None
    assert blob_path_captures("samples/{name}.png", "other/x.png") is None
    assert blob_path_captures("samples/fixed.txt", "samples/fixed.txt") == {}


def test_blob_container_tokens_rejected() -> None:
    """host-semantics §A7.2: the container part may not contain {tokens}."""
    with pytest.raises(BindingExpressionError, match="Container paths cannot contain"):
        blob_path_captures("{c}/{name}", "a/b")


def test_blob_container_only_pattern() -> None:
    """host-semantics §A7.2: a container-only path matches any blob in it."""
    assert blob_path_captures("samples", "samples/a/b.txt") == {}
    assert blob_path_captures("samples", "other/a") is None


@given(
    st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True),
    st.text(alphabet="ab./-", min_size=0, max_size=10),
    st.text(alphabet="ab./-", min_size=0, max_size=10),
)
def test_blob_captures_rebuild_the_path(container: str, first: str, second: str) -> None:
    """host-semantics §A7.2: substituting the captures into the pattern gives the path back."""
    pattern = f"{container}/{{a}}-{{b}}"
    path = f"{container}/{first}-{second}"
    captures = blob_path_captures(pattern, path)
    assert captures is not None
    assert f"{container}/{captures['a']}-{captures['b']}" == path
    assert captures["b"] == second or "-" in second
