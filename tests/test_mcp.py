# pyright: strict
"""MCP trigger contexts and converters behave as the reference's."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING
from typing import Any
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn import mcp
from azfn.mcp import MCPPromptTriggerConverter
from azfn.mcp import MCPResourceTriggerConverter
from azfn.mcp import MCPToolContext
from azfn.mcp import MCPToolTriggerConverter
from azfn.mcp import PromptInvocationContext
from azfn.meta import Datum
from azfn.meta import get_binding_registry

if TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=40, deadline=None, database=None)
CONVERTERS = [MCPToolTriggerConverter, MCPResourceTriggerConverter, MCPPromptTriggerConverter]
PROMPT: dict[str, object] = {
    "name": "review",
    "arguments": {"code": "x = 1"},
    "sessionid": "s1",
    "clientinfo": {"name": "client", "version": "1.0"},
    "transport": {"name": "http", "properties": {}},
}


class _Shown:
    def __str__(self) -> str:
        return "shown"


def _sdk_class(module: str, name: str) -> type:
    """A stand-in for a pydantic model from the MCP SDK."""

    def model_dump(self: object, *, mode: str, exclude_none: bool) -> dict[str, object]:
        return {"type": "text", "text": "hi", "mode": mode}

    return type(name, (), {"__module__": module, "model_dump": model_dump})


@dataclasses.dataclass
class _Card:
    __mcp_content__: ClassVar[bool] = True
    title: str = "t"


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


def _value(datum: Datum | None) -> tuple[object, object]:
    assert datum is not None
    return datum.type, datum.value


def test_tool_context_is_a_dict() -> None:
    """MCPToolContext is a plain dict subclass."""
    context = MCPToolContext(name="t", arguments={"a": 1})
    assert isinstance(context, dict)
    assert context == {"name": "t", "arguments": {"a": 1}}


@pytest.mark.parametrize("data", [PROMPT, json.dumps(PROMPT), json.dumps(PROMPT).encode()])
def test_prompt_context_from_host_data(data: dict[str, object] | str | bytes) -> None:
    """PromptInvocationContext reads a mapping or its JSON text."""
    context = PromptInvocationContext(data)
    assert context.name == "review"
    assert context.arguments == {"code": "x = 1"}
    assert context.sessionid == "s1"
    assert context.transport == {"name": "http", "properties": {}}
    assert context.clientinfo == {"name": "client", "version": "1.0"}


def test_prompt_context_keywords() -> None:
    """Every field can be set by keyword, overriding the data."""
    context = PromptInvocationContext(
        {"name": "old"},
        name="new",
        arguments={"a": "1"},
        sessionid="s",
        clientinfo={"name": "c"},
        transport={"name": "sse"},
    )
    assert context == PromptInvocationContext(
        name="new",
        arguments={"a": "1"},
        sessionid="s",
        clientinfo={"name": "c"},
        transport={"name": "sse"},
    )
    assert context.name == "new"


def test_prompt_context_defaults() -> None:
    """Missing fields read as '' / {} / None; non-object data is ignored."""
    for context in (PromptInvocationContext(), PromptInvocationContext("[1]")):
        assert (context.name, context.arguments) == ("", {})
        assert context.sessionid is None
        assert context.transport is None
        assert context.clientinfo is None


def test_prompt_context_null_arguments_are_empty() -> None:
    """A JSON null for arguments reads as {} (the reference returns None)."""
    assert PromptInvocationContext({"arguments": None}).arguments == {}


def test_prompt_context_repr_and_equality() -> None:
    """The repr shows name and arguments; equality compares the data."""
    context = PromptInvocationContext(name="p", arguments={"a": "1"})
    assert repr(context) == "PromptInvocationContext(name='p', arguments={'a': '1'})"
    assert context == PromptInvocationContext({"name": "p", "arguments": {"a": "1"}})
    assert context != PromptInvocationContext(name="q")


def test_registered_keys_and_flags() -> None:
    """The three MCP keys are registered; all are triggers with implicit output."""
    registry = get_binding_registry()
    assert registry.get("mcpToolTrigger") is MCPToolTriggerConverter
    assert registry.get("mcpResourceTrigger") is MCPResourceTriggerConverter
    assert registry.get("mcpPromptTrigger") is MCPPromptTriggerConverter
    for converter in CONVERTERS:
        assert converter.has_trigger_support()
        assert converter.has_implicit_output()
        assert converter.check_output_type_annotation(int)


def test_reference_private_names_are_aliases() -> None:
    """The reference's underscore names still resolve."""
    assert mcp._MCPToolTriggerConverter is MCPToolTriggerConverter  # pyright: ignore[reportPrivateUsage]
    assert mcp._MCPPromptTriggerConverter is MCPPromptTriggerConverter  # pyright: ignore[reportPrivateUsage]


def test_input_annotation_checks() -> None:
    """str/dict/bytes are accepted everywhere, plus each trigger's context type."""
    for converter in CONVERTERS:
        for accepted in (str, dict, bytes, MCPToolContext):
            assert converter.check_input_type_annotation(accepted)
        assert not converter.check_input_type_annotation(int)
        assert not converter.check_input_type_annotation(dict[str, str])
    assert MCPPromptTriggerConverter.check_input_type_annotation(PromptInvocationContext)
    assert not MCPToolTriggerConverter.check_input_type_annotation(PromptInvocationContext)


@pytest.mark.parametrize(
    ("datum", "expected"),
    [
        (Datum('{"arguments": {"a": 1}}', "json"), '{"arguments": {"a": 1}}'),
        (Datum("abc", "string"), "abc"),
        (Datum(b"ab", "bytes"), b"ab"),
        (Datum(3, "int"), 3),
        (Datum(None, None), None),
    ],
)
def test_tool_and_resource_decode_raw(datum: Datum, expected: object) -> None:
    """Tool and resource triggers receive the payload as sent."""
    assert MCPToolTriggerConverter.decode(datum, trigger_metadata=None) == expected
    assert MCPResourceTriggerConverter.decode(datum, trigger_metadata=None) == expected


@pytest.mark.parametrize("type_", ["json", "string", "bytes"])
def test_prompt_decode(type_: str) -> None:
    """The prompt trigger parses the context into a PromptInvocationContext."""
    text = json.dumps(PROMPT)
    datum = Datum(text.encode() if type_ == "bytes" else text, type_)
    context = MCPPromptTriggerConverter.decode(datum, trigger_metadata=None)
    assert context == PromptInvocationContext(PROMPT)


def test_prompt_decode_other_payloads() -> None:
    """Non-text payloads give an empty context; invalid JSON text raises ValueError."""
    assert MCPPromptTriggerConverter.decode(Datum(3, "int"), trigger_metadata=None).name == ""
    with pytest.raises(ValueError, match="Expecting value"):
        MCPPromptTriggerConverter.decode(Datum("not json", "string"), trigger_metadata=None)


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (None, ("string", "")),
        ("x", ("string", "x")),
        (b"y", ("bytes", b"y")),
        (bytearray(b"z"), ("bytes", b"z")),
        ({"a": 1}, ("string", "{'a': 1}")),
        ([1, 2], ("string", "[1, 2]")),
        (5, ("string", "5")),
        (_Shown(), ("string", "shown")),
    ],
)
def test_encode_plain_values(obj: object, expected: tuple[object, object]) -> None:
    """None, text and bytes pass through; anything else becomes str(obj)."""
    for converter in CONVERTERS:
        assert _value(converter.encode(obj, expected_type=None)) == expected


@pytest.mark.parametrize("module", ["mcp.types", "mcp_types._types"])
def test_tool_encode_sdk_objects(module: str) -> None:
    """SDK objects (mcp 1.x and 2.x module layouts) are encoded as their JSON dump."""
    block = _sdk_class(module, "TextContent")()
    assert mcp.is_mcp_sdk_type(block)
    expected = {"type": "text", "text": "hi", "mode": "json"}
    assert _value(MCPToolTriggerConverter.encode(block, expected_type=None)) == (
        "string",
        json.dumps(expected),
    )
    assert _value(MCPToolTriggerConverter.encode([block, block], expected_type=None)) == (
        "string",
        json.dumps([expected, expected]),
    )


def test_call_tool_result_detection() -> None:
    """CallToolResult is recognised only from the SDK's modules."""
    assert mcp.is_call_tool_result(_sdk_class("mcp.types", "CallToolResult")())
    assert not mcp.is_call_tool_result(_sdk_class("mcp.types", "TextContent")())
    assert not mcp.is_call_tool_result(_sdk_class("mine", "CallToolResult")())
    assert not mcp.is_mcp_sdk_type(_sdk_class("mcp.typesx", "TextContent")())


def test_tool_encode_mcp_content_dataclass() -> None:
    """An @mcp_content dataclass encodes as JSON (the reference falls back to its repr)."""
    assert _value(MCPToolTriggerConverter.encode(_Card(), expected_type=None)) == (
        "string",
        '{"title": "t"}',
    )


def test_serialize_content_block_forms() -> None:
    """Dicts, dataclasses and plain objects serialize; other values raise TypeError."""
    assert mcp.serialize_content_block({"a": 1}) == {"a": 1}
    assert mcp.serialize_content_block(_Card()) == {"title": "t"}
    assert mcp.serialize_content_block(_Shown()) == {}
    with pytest.raises(TypeError, match="int"):
        mcp.serialize_content_block(5)


@FAST
@given(
    st.text(max_size=10),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=4),
    st.none() | st.text(max_size=8),
)
def test_prompt_context_json_round_trip(
    name: str, arguments: dict[str, str], sessionid: str | None
) -> None:
    """A prompt context decoded from its JSON keeps every field."""
    data: dict[str, object] = {"name": name, "arguments": arguments, "sessionid": sessionid}
    context = MCPPromptTriggerConverter.decode(
        Datum(json.dumps(data), "json"), trigger_metadata=None
    )
    assert (context.name, context.arguments, context.sessionid) == (name, arguments, sessionid)


def test_differential_decode_and_encode(ref: ModuleType) -> None:
    """Decoding and plain encoding match the reference for every MCP converter."""
    theirs: list[Any] = [
        ref.mcp._MCPToolTriggerConverter,
        ref.mcp.MCPResourceTriggerConverter,
        ref.mcp._MCPPromptTriggerConverter,
    ]
    payloads: list[tuple[object, str | None]] = [
        (json.dumps(PROMPT), "json"),
        (json.dumps(PROMPT), "string"),
        (json.dumps(PROMPT).encode(), "bytes"),
        (3, "int"),
        (None, None),
    ]
    for ours, their in zip(CONVERTERS, theirs, strict=True):
        for value, type_ in payloads:
            mine = ours.decode(Datum(value, type_), trigger_metadata=None)
            other: Any = their.decode(ref.meta.Datum(value, type_), trigger_metadata=None)
            if isinstance(mine, PromptInvocationContext):
                assert (mine.name, mine.arguments, mine.sessionid, mine.transport) == (
                    other.name,
                    other.arguments,
                    other.sessionid,
                    other.transport,
                )
                assert repr(mine) == repr(other)
            else:
                assert mine == other
        for obj in (None, "x", b"y", bytearray(b"z"), {"a": 1}, [1], 5, _Shown()):
            theirs_datum: Any = their.encode(obj, expected_type=None)
            assert _value(ours.encode(obj, expected_type=None)) == (
                theirs_datum.type,
                theirs_datum.value,
            )
        for annotation in (str, dict, bytes, int, list):
            assert ours.check_input_type_annotation(
                annotation
            ) == their.check_input_type_annotation(annotation)
