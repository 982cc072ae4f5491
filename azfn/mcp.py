# pyright: strict
"""Model Context Protocol triggers at run time: context types and converters.

The MCP decorators (``mcp_tool``, ``PromptArgument``, ``mcp_content``...) live
in :mod:`azfn.bindings.mcp`; this module holds what a function receives and
how its return value goes back to the MCP extension.

Host conversion (the invoker builds these ``Datum`` values; all three are
triggers with implicit output, so any return annotation is accepted):

``mcpToolTrigger`` (:class:`MCPToolTriggerConverter`)
    ``decode`` returns the raw payload: the tool-call context JSON text
    (``{"name", "arguments", "sessionid", "clientinfo", "transport"}``) for a
    ``"json"`` or ``"string"`` ``Datum``, ``bytes`` for ``"bytes"``, and the
    ``Datum``'s Python value otherwise. Trigger metadata is not read.
    ``encode``: ``None`` becomes ``""``; ``str`` and ``bytes`` pass through; an
    official MCP SDK object (``mcp.types``, or ``mcp_types`` in mcp 2.x), an
    ``@mcp_content`` dataclass, or a list starting with one, becomes its JSON;
    anything else becomes ``str(obj)``.

``mcpResourceTrigger`` (:class:`MCPResourceTriggerConverter`)
    ``decode`` as for tools. ``encode``: ``None`` becomes ``""``, ``str`` and
    ``bytes`` pass through, anything else becomes ``str(obj)``.

``mcpPromptTrigger`` (:class:`MCPPromptTriggerConverter`)
    ``decode`` parses the prompt context JSON (``"json"``, ``"string"`` or
    UTF-8 ``"bytes"``) into a :class:`PromptInvocationContext`. ``encode`` as
    for resources.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import ClassVar
from typing import cast

from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

__all__ = [
    "MCPPromptTriggerConverter",
    "MCPResourceTriggerConverter",
    "MCPToolContext",
    "MCPToolTriggerConverter",
    "PromptInvocationContext",
    "is_call_tool_result",
    "is_mcp_sdk_type",
    "serialize_content_block",
]

# mcp 1.x defines its types in ``mcp.types``; mcp 2.x in the ``mcp_types`` package.
_SDK_MODULES = ("mcp.types", "mcp_types")


class MCPToolContext(dict[str, object]):
    """The context of an MCP tool call, as a plain ``dict``.

    Keys sent by the extension: ``name``, ``arguments``, ``sessionid``,
    ``clientinfo`` and ``transport``.
    """


class PromptInvocationContext:  # noqa: PLW1641  # compares by value, mutable: unhashable
    """What an MCP prompt trigger receives: the prompt's name and arguments.

    *data* is the context the extension sends (a mapping or its JSON text);
    keyword arguments set or override single fields, which is handy in tests::

        PromptInvocationContext(name="review", arguments={"code": "x = 1"})
    """

    __slots__ = ("_data",)

    def __init__(
        self,
        data: Mapping[str, object] | str | bytes | None = None,
        *,
        name: str | None = None,
        arguments: Mapping[str, str] | None = None,
        sessionid: str | None = None,
        clientinfo: Mapping[str, object] | None = None,
        transport: Mapping[str, object] | None = None,
    ) -> None:
        parsed: object = json.loads(data) if isinstance(data, (str, bytes)) else data
        self._data: dict[str, object] = (
            dict(cast("Mapping[str, object]", parsed)) if isinstance(parsed, Mapping) else {}
        )
        fields: dict[str, object] = {
            "name": name,
            "arguments": None if arguments is None else dict(arguments),
            "sessionid": sessionid,
            "clientinfo": None if clientinfo is None else dict(clientinfo),
            "transport": None if transport is None else dict(transport),
        }
        self._data.update((key, value) for key, value in fields.items() if value is not None)

    @property
    def name(self) -> str:
        """The prompt's name (``""`` if absent)."""
        value = self._data.get("name")
        return value if isinstance(value, str) else ""

    @property
    def arguments(self) -> dict[str, str]:
        """The prompt's arguments, all strings (``{}`` if absent or null)."""
        value = self._data.get("arguments")
        return cast("dict[str, str]", value) if isinstance(value, dict) else {}

    @property
    def sessionid(self) -> str | None:
        """The MCP session id, if any."""
        value = self._data.get("sessionid")
        return value if isinstance(value, str) else None

    @property
    def clientinfo(self) -> dict[str, object] | None:
        """The MCP client's ``{"name", "version"}``, if sent (not in the reference)."""
        return self._mapping("clientinfo")

    @property
    def transport(self) -> dict[str, object] | None:
        """The transport: ``{"name", "sessionId", "properties"}``, if sent."""
        return self._mapping("transport")

    def _mapping(self, key: str) -> dict[str, object] | None:
        value = self._data.get(key)
        return cast("dict[str, object]", value) if isinstance(value, dict) else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PromptInvocationContext):
            return NotImplemented
        return self._data == other._data

    def __repr__(self) -> str:
        return f"PromptInvocationContext(name={self.name!r}, arguments={self.arguments!r})"


def is_mcp_sdk_type(obj: object) -> bool:
    """Return whether *obj* is an instance of a type from the official MCP SDK."""
    module = getattr(type(obj), "__module__", None) or ""
    return any(module == name or module.startswith(name + ".") for name in _SDK_MODULES)


def is_call_tool_result(obj: object) -> bool:
    """Return whether *obj* is the MCP SDK's ``CallToolResult``."""
    return is_mcp_sdk_type(obj) and any(
        base.__name__ == "CallToolResult" for base in type(obj).__mro__
    )


def _is_mcp_content(obj: object) -> bool:
    """Whether *obj* is an instance of an ``@mcp_content`` (dataclass) class."""
    kind = type(obj)
    return getattr(kind, "__mcp_content__", False) is True and hasattr(kind, "__dataclass_fields__")


def _is_block(obj: object) -> bool:
    return is_mcp_sdk_type(obj) or _is_mcp_content(obj)


def _block_list(obj: object) -> list[object] | None:
    """*obj* if it is a list starting with a content block, else ``None``."""
    if not isinstance(obj, list):
        return None
    items = cast("list[object]", obj)
    return items if items and _is_block(items[0]) else None


def serialize_content_block(block: object) -> dict[str, object]:
    """Return a content block (SDK model, dataclass, dict or object) as a JSON-ready dict.

    Raises:
        TypeError: *block* is none of these.
    """
    if is_mcp_sdk_type(block):
        model_dump: object = getattr(block, "model_dump", None)
        if callable(model_dump):
            return cast("dict[str, object]", model_dump(mode="json", exclude_none=True))
        legacy_dict: object = getattr(block, "dict", None)
        if callable(legacy_dict):
            return cast("dict[str, object]", legacy_dict(exclude_none=True))
    if hasattr(type(block), "__dataclass_fields__"):
        import dataclasses

        if dataclasses.is_dataclass(block) and not isinstance(block, type):
            return dataclasses.asdict(block)
    if isinstance(block, dict):
        return cast("dict[str, object]", block)
    if hasattr(block, "__dict__"):
        return dict(vars(block))
    raise TypeError(f"Unable to serialize content block of type {type(block).__name__}")


def _raw(data: Datum) -> object:
    if data.type in {"json", "string", "bytes"}:
        return data.value
    return data.python_value


def _plain(obj: object) -> Datum | None:
    """The encoding shared by every MCP trigger, or ``None`` for other values."""
    if obj is None:
        return Datum("", "string")
    if isinstance(obj, str):
        return Datum(obj, "string")
    if isinstance(obj, (bytes, bytearray)):
        return Datum(bytes(obj), "bytes")
    return None


class _MCPTriggerConverter(InConverter, OutConverter):
    """Shared behaviour: implicit output, any return annotation, raw decoding."""

    _accepts: ClassVar[tuple[type, ...]] = (str, dict, bytes)

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept ``str``, ``dict`` or ``bytes`` (and the trigger's context type)."""
        return is_class_annotation(pytype, cls._accepts)

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept any return annotation: the output is implicit."""
        return True

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Return ``True``: the return value is the trigger's response."""
        return True

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Return the payload as the host sent it."""
        return _raw(data)

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None = None) -> Datum:
        """Return ``""`` for ``None``, ``str``/``bytes`` as they are, else ``str(obj)``."""
        return _plain(obj) or Datum(str(obj), "string")


class MCPToolTriggerConverter(_MCPTriggerConverter, binding="mcpToolTrigger", trigger=True):
    """Converter for ``mcpToolTrigger``: the context JSON in, the tool's result out."""

    _accepts = (str, dict, bytes, MCPToolContext)

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None = None) -> Datum:
        """Encode a tool result: text, bytes, MCP SDK objects or ``@mcp_content`` classes."""
        plain = _plain(obj)
        if plain is not None:
            return plain
        if _is_block(obj):  # a content block or a CallToolResult
            return Datum(json.dumps(serialize_content_block(obj)), "string")
        blocks = _block_list(obj)
        if blocks is not None:
            return Datum(json.dumps([serialize_content_block(b) for b in blocks]), "string")
        return Datum(str(obj), "string")


class MCPResourceTriggerConverter(_MCPTriggerConverter, binding="mcpResourceTrigger", trigger=True):
    """Converter for ``mcpResourceTrigger``: the request in, the resource's content out."""


class MCPPromptTriggerConverter(_MCPTriggerConverter, binding="mcpPromptTrigger", trigger=True):
    """Converter for ``mcpPromptTrigger``: a :class:`PromptInvocationContext` in, text out."""

    _accepts = (str, dict, bytes, PromptInvocationContext)

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> PromptInvocationContext:
        """Parse the prompt context.

        Raises:
            ValueError: the payload is text that is not JSON.
        """
        value = _raw(data)
        if isinstance(value, (bytes, bytearray)):
            value = bytes(value).decode("utf-8")
        if isinstance(value, (str, Mapping)):
            return PromptInvocationContext(cast("str | Mapping[str, object]", value))
        return PromptInvocationContext()


# The reference's names for these converters.
_MCPToolTriggerConverter = MCPToolTriggerConverter
_MCPPromptTriggerConverter = MCPPromptTriggerConverter
