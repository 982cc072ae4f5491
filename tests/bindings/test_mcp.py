"""MCP tools: properties read from the function, in any decorator order."""

from __future__ import annotations

import functools
import inspect
import json
from typing import TYPE_CHECKING
from typing import Any
from typing import Optional

import pytest

import azfn as func
from azfn.bindings.mcp import MCPToolTrigger
from azfn.bindings.mcp import mcp_content
from azfn.enums import McpPropertyType

if TYPE_CHECKING:
    from collections.abc import Callable

    from azfn._builder import FunctionBuilder


class MCPToolContext(dict[str, object]):
    """Stands in for the reference's MCPToolContext: matched by name."""


def _trigger(builder: FunctionBuilder[..., Any]) -> MCPToolTrigger:
    # An MCP tool cannot be built yet (see the MCP wrapper note): read the record.
    bindings = builder._bindings  # pyright: ignore[reportPrivateUsage]
    return next(b for b in bindings if isinstance(b, MCPToolTrigger))


def _properties(builder: FunctionBuilder[..., Any]) -> dict[str, dict[str, Any]]:
    raw = _trigger(builder).to_metadata()["toolProperties"]
    assert isinstance(raw, str)
    return {p["propertyName"]: p for p in json.loads(raw)}


def test_tool_reads_name_docstring_and_parameters() -> None:
    """Name, cleaned docstring and typed properties come from the function."""
    app = func.FunctionApp()

    @app.mcp_tool()
    def add(
        a: int, b: float = 1.0, tags: list[str] | None = None
    ) -> str:  # typing.Optional on purpose
        """Add numbers.

        Returns the sum.
        """
        return ""

    metadata = _trigger(add).to_metadata()
    assert metadata["name"] == "context"
    assert metadata["toolName"] == "add"
    assert metadata["description"] == "Add numbers.\n\nReturns the sum."
    assert metadata["useResultSchema"] is False
    props = _properties(add)
    assert props["a"] == {
        "propertyName": "a",
        "propertyType": "integer",
        "description": "",
        "isArray": False,
        "isRequired": True,
    }
    assert (props["b"]["propertyType"], props["b"]["isRequired"]) == ("number", False)
    assert (props["tags"]["propertyType"], props["tags"]["isArray"]) == ("string", True)
    assert props["tags"]["isRequired"] is False


@pytest.mark.parametrize("above", [True, False])
def test_tool_property_works_above_or_below(above: bool) -> None:
    """mcp_tool_property refines the property wherever it sits in the stack."""
    app = func.FunctionApp()
    prop = app.mcp_tool_property(
        "count", description="How many", property_type=McpPropertyType.INTEGER, as_array=True
    )
    tool = app.mcp_tool()

    def count_things(count: str) -> str:
        return count

    builder = prop(tool(count_things)) if above else tool(prop(count_things))
    assert _properties(builder)["count"] == {
        "propertyName": "count",
        "propertyType": "integer",
        "description": "How many",
        "isArray": True,
        "isRequired": True,
    }


def test_property_type_may_be_a_string() -> None:
    """A property type string is parsed; FLOAT sends "float", as the reference does."""
    app = func.FunctionApp()

    @app.mcp_tool_property("x", property_type="FLOAT")
    @app.mcp_tool_property("y", property_type="Boolean", is_required=False)
    @app.mcp_tool()
    def tool(x: str, y: str) -> str:
        return ""

    props = _properties(tool)
    assert props["x"]["propertyType"] == "float"
    assert (props["y"]["propertyType"], props["y"]["isRequired"]) == ("boolean", False)


def test_bindings_declared_above_the_tool_are_not_properties() -> None:
    """Parameters fed by any binding are skipped, even one declared after mcp_tool."""
    app = func.FunctionApp()

    @app.blob_input("snippet", "snippets/{name}.json", "Storage")
    @app.mcp_tool()
    @app.blob_output("saved", "out/{name}.json", "Storage")
    def get_snippet(name: str, snippet: str, saved: str, ctx: MCPToolContext) -> str:
        return ""

    assert list(_properties(get_snippet)) == ["name"]


def test_properties_follow_later_declarations() -> None:
    """The properties are worked out when rendered, from what is declared by then."""
    app = func.FunctionApp()

    def tool(name: str, extra: str) -> str:
        return ""

    builder = app.mcp_tool()(tool)
    assert list(_properties(builder)) == ["name", "extra"]
    assert '\\"extra\\"' in _trigger(builder).to_json()
    app.blob_input("extra", "p", "c")(builder)
    assert list(_properties(builder)) == ["name"]
    assert '\\"extra\\"' not in _trigger(builder).to_json()


def test_tool_in_a_blueprint_and_through_a_user_decorator() -> None:
    """A blueprint tool, and one wrapped by a functools.wraps decorator, see their bindings."""
    bp = func.Blueprint()

    def logged(f: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(f)
        def wrapper(*args: object, **kwargs: object) -> str:
            return f(*args, **kwargs)

        return wrapper

    @bp.blob_input("snippet", "p", "c")
    @logged
    @bp.mcp_tool()
    def get_snippet(name: str, snippet: str) -> str:
        return ""

    assert list(_properties(get_snippet)) == ["name"]


def test_tool_keeps_the_users_function() -> None:
    """The decorated name still is (and calls) the user's function."""
    app = func.FunctionApp()

    def greet(name: str) -> str:
        return f"hi {name}"

    builder = app.mcp_tool()(greet)
    assert inspect.unwrap(builder) is greet
    assert builder("ada") == "hi ada"
    assert _trigger(builder).tool is not None


class Snippet:
    """A result type."""


@mcp_content
class Marked:
    """A result type marked for structured content."""


Snippet.__module__ = "mcp_types._types"  # where mcp 2.x keeps its types


@pytest.mark.parametrize("returns", [Marked, Snippet, list[Marked], Optional[Marked]])  # noqa: UP045
def test_mcp_result_types_switch_on_the_result_schema(returns: object) -> None:
    """An @mcp_content class or an MCP SDK type (also mcp 2.x's) turns on useResultSchema."""
    app = func.FunctionApp()

    def tool(name: str) -> Any:
        return None

    tool.__annotations__["return"] = returns
    assert _trigger(app.mcp_tool()(tool)).to_metadata()["useResultSchema"] is True


def test_unknown_or_bad_tool_property_is_a_problem() -> None:
    """A property naming no parameter, or with a bad type, is reported."""
    app = func.FunctionApp()

    @app.mcp_tool_property("nope", description="typo")
    @app.mcp_tool_property("name", property_type="decimal")
    @app.mcp_tool()
    def tool(name: str) -> str:
        return ""

    problems = _trigger(tool).problems()
    assert any("mcp_tool_property('nope') names no parameter" in p for p in problems)
    assert any("property_type" in p and "decimal" in p for p in problems)
    assert _properties(tool)["name"]["propertyType"] == "string"


def test_explicit_result_schema_and_metadata() -> None:
    """mcp_tool's own arguments are written as given."""
    app = func.FunctionApp()

    @app.mcp_tool(metadata='{"k": "v"}', use_result_schema=True)
    def tool() -> str:
        return ""

    metadata = _trigger(tool).to_metadata()
    assert (metadata["metadata"], metadata["useResultSchema"]) == ('{"k": "v"}', True)
    assert metadata["description"] == ""
    assert metadata["toolProperties"] == "[]"
