"""``azure.functions.decorators.mcp`` for azfn: MCP triggers, ``PromptArgument``."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.bindings.mcp import MCPPromptTrigger
from azfn.bindings.mcp import MCPResourceTrigger
from azfn.bindings.mcp import MCPToolTrigger
from azfn.bindings.mcp import PromptArgument
from azfn.bindings.mcp import mcp_content
from azfn.decorators.constants import MCP_PROMPT_TRIGGER
from azfn.decorators.constants import MCP_RESOURCE_TRIGGER
from azfn.decorators.constants import MCP_TOOL_TRIGGER
from azfn.enums import DataType
from azfn.enums import McpPropertyType

__all__ = [
    "MCP_PROMPT_TRIGGER",
    "MCP_RESOURCE_TRIGGER",
    "MCP_TOOL_TRIGGER",
    "DataType",
    "MCPPromptTrigger",
    "MCPResourceTrigger",
    "MCPToolTrigger",
    "McpPropertyType",
    "PromptArgument",
    "Trigger",
    "mcp_content",
]
