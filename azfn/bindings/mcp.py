"""Model Context Protocol: tool, resource and prompt triggers.

``@app.mcp_tool()`` reads the decorated function: the tool's name is the
function's, its description the docstring, and its properties (the
arguments an MCP client sends) its parameters, minus those fed by other
bindings or annotated ``MCPToolContext``. ``@app.mcp_tool_property`` refines
one property. Both may sit anywhere in the function's decorator stack: the
properties are worked out when the metadata is rendered, from everything
declared by then.
"""

from __future__ import annotations

import datetime
import json
import types
import typing
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from typing import TYPE_CHECKING
from typing import ClassVar
from typing import TypeVar

from azfn.bindings._base import JSONValue
from azfn.bindings._base import Trigger
from azfn.enums import DataType
from azfn.enums import McpPropertyType

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "MCPPromptTrigger",
    "MCPResourceTrigger",
    "MCPToolTrigger",
    "McpToolSource",
    "PromptArgument",
    "ToolProperty",
    "mcp_content",
]

T = TypeVar("T")


def _inspect() -> types.ModuleType:
    # Imported when an MCP tool is declared, not with azfn: it is heavy.
    import inspect

    return inspect


#: The attribute of the user's function holding its ``mcp_tool_property``
#: declarations (the reference's name), by parameter name.
TOOL_PROPERTIES_ATTR = "__mcp_tool_properties__"

_TYPE_NAMES: dict[object, str] = {
    int: "integer",
    float: "number",
    str: "string",
    bool: "boolean",
    object: "object",
    datetime.datetime: "string",
}
_UNIONS: tuple[object, ...] = (typing.Union, types.UnionType)
_NONE = type(None)


class PromptArgument:
    """One argument of an MCP prompt (see ``@app.mcp_prompt_trigger``)."""

    # A plain class, not a dataclass: dataclasses cost milliseconds at import.
    __slots__ = ("description", "name", "required")

    def __init__(self, name: str, description: str | None = None, required: bool = False) -> None:
        self.name = name
        self.description = description
        self.required = required

    def __repr__(self) -> str:
        return (
            f"PromptArgument(name={self.name!r}, description={self.description!r}, "
            f"required={self.required!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PromptArgument):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __hash__(self) -> int:
        return hash((self.name, self.description, self.required))

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the argument as the host reads it (``None`` kept)."""
        return {"name": self.name, "description": self.description, "required": self.required}


def mcp_content(cls: type[T]) -> type[T]:
    """Mark *cls* as an MCP result type, returned as structured content.

    A tool whose return annotation is such a class gets
    ``use_result_schema=True`` automatically.
    """
    cls.__mcp_content__ = True  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]  # the reference's marker
    return cls


class ToolProperty(typing.NamedTuple):
    """What ``@app.mcp_tool_property`` says about one tool parameter.

    ``None`` leaves the inferred value; ``is_required`` and ``as_array``
    always override it, as in the reference.
    """

    description: str | None = None
    property_type: McpPropertyType | str | None = None
    is_required: bool | None = True
    as_array: bool | None = False

    def overrides(self) -> dict[str, object]:
        """Return the property keys this declaration sets."""
        kind = self.property_type
        if isinstance(kind, str) and not isinstance(kind, McpPropertyType):
            try:
                kind = McpPropertyType.parse(kind)
            except ValueError:  # reported by problems(); the inferred type stays
                kind = None
        values: dict[str, object] = {
            "description": self.description,
            "propertyType": kind.value if isinstance(kind, McpPropertyType) else None,
            "isRequired": self.is_required,
            "isArray": self.as_array,
        }
        return {k: v for k, v in values.items() if v is not None}

    def problems(self, name: str) -> list[str]:
        """Return what is wrong with the declaration of parameter *name*."""
        kind = self.property_type
        if kind is None or isinstance(kind, McpPropertyType):
            return []
        try:
            McpPropertyType.parse(kind)
        except ValueError as exc:
            return [f"mcp_tool_property({name!r}): property_type: {exc}"]
        return []


def declared_properties(func: Callable[..., object]) -> dict[str, ToolProperty]:
    """Return the ``mcp_tool_property`` declarations recorded on *func*."""
    found: object = getattr(func, TOOL_PROPERTIES_ATTR, None)
    if not isinstance(found, Mapping):
        return {}
    items = typing.cast("Mapping[object, object]", found).items()
    return {str(k): v for k, v in items if isinstance(v, ToolProperty)}


def declare_property(func: Callable[..., object], name: str, prop: ToolProperty) -> None:
    """Record *prop* for parameter *name* on *func* (the user's function).

    Raises:
        TypeError: *func* does not take attributes.
    """
    found = {**declared_properties(func), name: prop}
    setattr(func, TOOL_PROPERTIES_ATTR, found)


def _unwrap_optional(hint: object) -> object:
    if typing.get_origin(hint) in _UNIONS:
        args = typing.get_args(hint)
        if _NONE in args:
            rest = [a for a in args if a is not _NONE]
            return rest[0] if rest else str
    return hint


def _is_optional(hint: object) -> bool:
    return typing.get_origin(hint) in _UNIONS and _NONE in typing.get_args(hint)


def _type_name(hint: object) -> str:
    try:
        return _TYPE_NAMES.get(hint, "string")
    except TypeError:  # an unhashable annotation
        return "string"


def _is_tool_context(hint: object) -> bool:
    # By name: the class lives in the worker-facing layer, and code written
    # for azure.functions annotates with that package's class.
    if _is_optional(hint):
        # Python 3.10's get_type_hints makes `x: T = None` an Optional[T].
        hint = next(arg for arg in typing.get_args(hint) if arg is not _NONE)
    name = hint if isinstance(hint, str) else getattr(hint, "__name__", None)
    return isinstance(name, str) and name.rsplit(".", 1)[-1] == "MCPToolContext"


def _hints(func: Callable[..., object]) -> dict[str, object]:
    try:
        return dict(typing.get_type_hints(func))
    except Exception:  # noqa: BLE001  # unresolvable: validation reports it; use the raw ones
        return dict(getattr(func, "__annotations__", None) or {})


def infer_properties(
    func: Callable[..., object],
    skip: Iterable[str],
    declared: Mapping[str, ToolProperty],
) -> list[dict[str, JSONValue]]:
    """Return the ``toolProperties`` of *func*, one entry per tool parameter.

    Parameters in *skip* (fed by other bindings) and those annotated
    ``MCPToolContext`` are left out; *declared* refines the inferred entries.
    """
    skipped = set(skip)
    hints = _hints(func)
    properties: list[dict[str, JSONValue]] = []
    for param in _inspect().signature(func).parameters.values():
        hint = hints.get(param.name, str)
        if param.name in skipped or _is_tool_context(hint):
            continue
        base = _unwrap_optional(hint)
        as_array = typing.get_origin(base) is list
        if as_array:
            args = typing.get_args(base)
            item = _unwrap_optional(args[0]) if args else str
        else:
            item = base
        entry: dict[str, JSONValue] = {
            "propertyName": param.name,
            "propertyType": hint.value if isinstance(hint, McpPropertyType) else _type_name(item),
            "description": "",
            "isArray": as_array,
            "isRequired": param.default is _inspect().Parameter.empty and not _is_optional(hint),
        }
        prop = declared.get(param.name)
        if prop is not None:
            entry.update(typing.cast("dict[str, JSONValue]", prop.overrides()))
        properties.append(entry)
    return properties


def _is_mcp_result_type(hint: object) -> bool:
    if not isinstance(hint, type):
        return False
    module = getattr(hint, "__module__", "") or ""
    # Fix: mcp 2.x moved its types to mcp_types; the reference only knew mcp.types.
    sdk = module.startswith(("mcp.types", "mcp_types"))
    return sdk or getattr(hint, "__mcp_content__", False) is True


def returns_mcp_result(func: Callable[..., object]) -> bool:
    """Return whether *func*'s return annotation is an MCP result type.

    That is an MCP SDK type or an ``@mcp_content`` class, possibly in a list
    or an optional / union.
    """
    hint = _hints(func).get("return")
    candidates = [hint]
    for _ in range(2):  # list[X | Y], X | None: look two levels deep
        candidates += [a for c in candidates for a in typing.get_args(c)]
    return any(_is_mcp_result_type(c) for c in candidates)


class McpToolSource:
    """The function an ``@app.mcp_tool`` trigger describes.

    *bound_names* returns the names of the function's other bindings at the
    time it is called, so bindings declared after ``@app.mcp_tool`` count.
    """

    def __init__(
        self, func: Callable[..., object], bound_names: Callable[[], Iterable[str]]
    ) -> None:
        self.function = func
        self._bound_names = bound_names

    def properties(self) -> list[dict[str, JSONValue]]:
        """Return the tool's properties from everything declared by now."""
        return infer_properties(
            self.function, self._bound_names(), declared_properties(self.function)
        )

    def problems(self) -> list[str]:
        """Return property declarations that cannot apply."""
        try:
            params = _inspect().signature(self.function).parameters
        except (TypeError, ValueError):
            return ["the tool function's signature cannot be read"]
        problems: list[str] = []
        for name, prop in declared_properties(self.function).items():
            if name not in params:
                problems.append(
                    f"mcp_tool_property({name!r}) names no parameter of the "
                    f"function (it has {', '.join(params) or 'none'}): fix the name"
                )
            problems += prop.problems(name)
        return problems


class MCPToolTrigger(Trigger):
    """Run the function when an MCP client calls the tool *tool_name*.

    Usually declared with ``@app.mcp_tool()``, which reads the function.
    """

    type = "mcpToolTrigger"
    arg_name: str
    tool_name: str
    description: str | None = None
    tool_properties: str | None = None
    """JSON array (as a string) of ``{propertyName, propertyType, description,
    isArray, isRequired}``: the arguments the tool takes."""
    data_type: DataType | str | None = None
    metadata: str | None = None
    """JSON object (as a string) of tool metadata."""
    use_result_schema: bool | None = False
    """The function returns an MCP result (structured content) instead of a
    string."""

    _tool: ClassVar[McpToolSource | None] = None

    @classmethod
    def for_function(
        cls,
        func: Callable[..., object],
        bound_names: Callable[[], Iterable[str]],
        *,
        metadata: str | None = None,
        use_result_schema: bool | None = False,
    ) -> Self:
        """Return the trigger ``@app.mcp_tool()`` declares for *func*.

        Its ``tool_properties`` are worked out each time it is rendered.
        """
        doc = func.__doc__
        trigger = cls(
            "context",
            str(getattr(func, "__name__", type(func).__name__)),
            # Fix: the reference used textwrap.dedent, which keeps the
            # indentation of every line but the first.
            _inspect().cleandoc(doc) if doc else "",
            None,
            None,
            metadata,
            bool(use_result_schema) or returns_mcp_result(func),
        )
        object.__setattr__(trigger, "_tool", McpToolSource(func, bound_names))
        return trigger

    def worker_parameters(self, parameters: list[str]) -> list[str]:
        """Return the wrapper's parameters: the other bindings and ``context``.

        The worker calls a wrapper that reads the tool's arguments from the
        trigger's JSON and passes the other bindings through.
        """
        if self._tool is None:
            return parameters
        bound = set(self._tool._bound_names())
        return [p for p in parameters if p in bound] + [self.arg_name]

    @property
    def tool(self) -> McpToolSource | None:
        """The function the tool properties are read from, if inferred."""
        return self._tool

    def resolved(self) -> Self:
        """Return this trigger with ``tool_properties`` worked out now."""
        if self._tool is None:
            return self
        fixed = self.replace(tool_properties=json.dumps(self._tool.properties()))
        object.__setattr__(fixed, "_tool", None)  # a snapshot: rendered as is
        return fixed

    def to_metadata(self) -> dict[str, JSONValue]:
        """Return the binding as the host reads it, tool properties included."""
        if self._tool is not None:
            return self.resolved().to_metadata()
        return super().to_metadata()

    def to_json(self) -> str:
        """Return the metadata as a JSON string, never cached while inferred."""
        if self._tool is not None:
            return self.resolved().to_json()
        return super().to_json()

    def get_dict_repr(self) -> dict[str, object]:
        """Return the metadata with enum objects kept, tool properties included."""
        if self._tool is not None:
            return self.resolved().get_dict_repr()
        return super().get_dict_repr()

    def problems(self) -> list[str]:
        """Return bad values, including misdirected ``mcp_tool_property`` uses."""
        problems = self._tool.problems() if self._tool is not None else []
        return problems + super().problems()


class MCPResourceTrigger(Trigger):
    """Run the function when an MCP client reads the resource *uri*."""

    type = "mcpResourceTrigger"
    arg_name: str
    uri: str
    resource_name: str
    title: str | None = None
    description: str | None = None
    mime_type: str | None = None
    size: int | None = None
    """Size of the resource in bytes, if known."""
    metadata: str | None = None
    """JSON object (as a string) of resource metadata."""
    data_type: DataType | str | None = None


class MCPPromptTrigger(Trigger):
    """Run the function when an MCP client gets the prompt *prompt_name*."""

    type = "mcpPromptTrigger"
    arg_name: str
    prompt_name: str
    prompt_arguments: Sequence[PromptArgument] | str | None = None
    """The prompt's arguments; written as a compact JSON array string."""
    title: str | None = None
    description: str | None = None
    metadata: str | None = None
    """JSON object (as a string) of prompt metadata."""
    icons: str | None = None
    """JSON array (as a string) of icons."""
    data_type: DataType | str | None = None

    def __post_init__(self) -> None:
        args = self.prompt_arguments
        if isinstance(args, str) or args is None:
            return
        if not args:
            object.__setattr__(self, "prompt_arguments", None)
        elif all(isinstance(a, PromptArgument) for a in args):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
            text = json.dumps([a.to_dict() for a in args], separators=(",", ":"))
            object.__setattr__(self, "prompt_arguments", text)

    def problems(self) -> list[str]:
        """Return bad values, including prompt arguments of the wrong type."""
        problems = super().problems()
        if self.prompt_arguments is not None and not isinstance(self.prompt_arguments, str):
            problems.append(
                "prompt_arguments must be a list of PromptArgument objects, "
                f"got {self.prompt_arguments!r}"
            )
        return problems
