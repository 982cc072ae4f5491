# pyright: strict
"""Strategies for the invocation context, warm-up and MCP tool calls."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from typing import cast

from hypothesis import strategies as st

from azfn.context import Context
from azfn.context import RetryContext
from azfn.context import RpcException
from azfn.context import TraceContext
from azfn.mcp import MCPToolContext
from azfn.strategies._common import Option
from azfn.strategies._common import identifiers
from azfn.strategies._common import ids
from azfn.strategies._common import json_objects
from azfn.strategies._common import json_values
from azfn.strategies._common import option
from azfn.warmup import WarmUpContext

if TYPE_CHECKING:
    from collections.abc import Mapping
    from collections.abc import Sequence

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "contexts",
    "mcp_tool_contexts",
    "retry_contexts",
    "trace_contexts",
    "warm_up_contexts",
]


def trace_contexts() -> SearchStrategy[TraceContext]:
    """W3C trace contexts (a valid ``traceparent``)."""
    hexes = st.binary(min_size=24, max_size=24).filter(lambda b: any(b[:16]) and any(b[16:]))
    return hexes.map(lambda b: TraceContext(f"00-{b[:16].hex()}-{b[16:].hex()}-01"))


def retry_contexts(*, max_retry_count: Option[int] | None = None) -> SearchStrategy[RetryContext]:
    """Retry states: attempt ``0..max``, the previous exception after the first."""

    def build(draw: st.DrawFn) -> RetryContext:
        maximum = draw(option(max_retry_count, st.integers(0, 5)))
        count = draw(st.integers(0, max(0, maximum)))
        exception = (
            RpcException(source="function_app", message="ValueError: boom", stack_trace="")
            if count
            else RpcException()
        )
        return RetryContext(count, maximum, exception)

    return st.composite(build)()


def contexts(
    *,
    function_name: Option[str] | None = None,
    retry_context: Option[RetryContext] | None = None,
) -> SearchStrategy[Context]:
    """Invocation contexts: a fresh invocation id, the function's name, trace and retry state."""
    return st.builds(
        Context,
        invocation_id=ids(),
        function_name=option(function_name, identifiers(max_size=16, extra="_")),
        function_directory=st.just("/home/site/wwwroot"),
        trace_context=trace_contexts(),
        retry_context=option(retry_context, retry_contexts()),
    )


def warm_up_contexts() -> SearchStrategy[WarmUpContext]:
    """The warm-up trigger's (empty) context."""
    return st.builds(WarmUpContext)


_PROPERTY_VALUES: dict[str, SearchStrategy[object]] = {
    "string": st.text(max_size=30),
    "integer": st.integers(-(2**31), 2**31 - 1),
    "number": st.floats(allow_nan=False, allow_infinity=False, width=32),
    "boolean": st.booleans(),
    "object": json_objects(),
}


def _tool_arguments(
    properties: Sequence[Mapping[str, object]],
) -> SearchStrategy[dict[str, object]]:
    required: dict[str, SearchStrategy[object]] = {}
    optional: dict[str, SearchStrategy[object]] = {}
    for prop in properties:
        name = str(prop.get("propertyName", ""))
        value = _PROPERTY_VALUES.get(str(prop.get("propertyType", "")).lower(), json_values())
        if prop.get("isArray"):
            value = st.lists(value, max_size=4)
        (required if prop.get("isRequired", True) else optional)[name] = value
    return st.fixed_dictionaries(required, optional=optional)


def mcp_tool_contexts(
    *,
    tool_name: Option[str] | None = None,
    tool_properties: Sequence[Mapping[str, object]] | str | None = None,
    arguments: Option[dict[str, object]] | None = None,
) -> SearchStrategy[MCPToolContext]:
    """MCP tool calls as the extension sends them: ``name``, ``arguments``, ``sessionid``...

    Args:
        tool_name: The tool's name.
        tool_properties: The tool's ``toolProperties`` (a list, or its JSON
            text as in the function's metadata): arguments follow their
            types, arrays and required flags. Default: any JSON object.
        arguments: The arguments, or a strategy of them (overrides *tool_properties*).
    """
    if isinstance(tool_properties, str):
        tool_properties = cast("list[Mapping[str, object]]", json.loads(tool_properties))
    default_arguments = (
        _tool_arguments(tool_properties) if tool_properties is not None else json_objects()
    )

    def build(draw: st.DrawFn) -> MCPToolContext:
        return MCPToolContext(
            name=draw(option(tool_name, identifiers(max_size=16, extra="_"))),
            arguments=draw(option(arguments, default_arguments)),
            sessionid=draw(ids()),
            clientinfo={"name": "azfn-tests", "version": "1.0"},
            transport={"name": "streamable-http"},
        )

    return st.composite(build)()
