# pyright: strict
"""``inputs_for(function)``: complete ``client.invoke`` inputs for a decorated function.

The function's own binding metadata (which comes from the binding
declarations) picks the strategy for each of its trigger and input
bindings: an HTTP trigger's requests match its route template and methods,
a blob trigger's names match its path, a timer's status follows its
schedule, ``cardinality="many"`` gives batches.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from typing import TypeVar
from typing import cast

from hypothesis import strategies as st
from typing_extensions import ParamSpec

from azfn._builder import FunctionBuilder
from azfn._function import Function
from azfn.host._model import BindingInfo
from azfn.host._model import FunctionInfo
from azfn.strategies._common import ids
from azfn.strategies._common import json_objects
from azfn.strategies._common import json_values
from azfn.strategies._context import mcp_tool_contexts
from azfn.strategies._context import warm_up_contexts
from azfn.strategies._http import http_requests
from azfn.strategies._messages import event_grid_events
from azfn.strategies._messages import event_hub_events
from azfn.strategies._messages import kafka_events
from azfn.strategies._messages import queue_messages
from azfn.strategies._messages import service_bus_messages
from azfn.strategies._records import document_lists
from azfn.strategies._records import input_streams
from azfn.strategies._records import mysql_row_lists
from azfn.strategies._records import sql_row_lists
from azfn.strategies._records import timer_requests

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__ = ["inputs_for"]

P = ParamSpec("P")
R = TypeVar("R")

_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def _text(binding: BindingInfo, key: str) -> str | None:
    value = binding.raw.get(key)
    return value if isinstance(value, str) and "%" not in value else None


def _many(binding: BindingInfo, one: SearchStrategy[object]) -> SearchStrategy[object]:
    if str(binding.raw.get("cardinality", "")).lower() == "many":
        return st.lists(one, min_size=1, max_size=4)
    return one


def _http(binding: BindingInfo, function: str) -> SearchStrategy[object]:
    methods_raw = binding.raw.get("methods")
    methods = (
        [str(m).upper() for m in cast("list[object]", methods_raw)]
        if isinstance(methods_raw, list) and methods_raw
        else list(_METHODS)
    )
    route = _text(binding, "route") or function
    return http_requests(method=st.sampled_from(methods), route=route)


def _changes() -> SearchStrategy[object]:
    change = st.fixed_dictionaries(
        {
            "Operation": st.sampled_from([0, 1, 2]),
            "Item": st.tuples(ids(), json_objects()).map(lambda p: {"id": p[0], **p[1]}),
        }
    )
    return st.lists(change, min_size=1, max_size=4)


def _mcp_tool(binding: BindingInfo) -> SearchStrategy[object]:
    """The extension's tool-call payload, as JSON text, with arguments for the tool's properties."""
    properties = binding.raw.get("toolProperties")
    contexts = mcp_tool_contexts(
        tool_name=_text(binding, "toolName"),
        tool_properties=properties if isinstance(properties, str) else None,
    )
    return contexts.map(json.dumps)


def _timer(binding: BindingInfo) -> SearchStrategy[object]:
    schedule = _text(binding, "schedule")
    if schedule is None:
        return timer_requests()
    try:
        return timer_requests(schedule=schedule)
    except ValueError:  # a malformed schedule is reported when the app is indexed
        return timer_requests()


_TRIGGERS: dict[str, Callable[[BindingInfo], SearchStrategy[object]]] = {
    "queuetrigger": lambda b: queue_messages(),
    "timertrigger": _timer,
    "blobtrigger": lambda b: input_streams(path=_text(b, "path")),
    "eventgridtrigger": lambda b: event_grid_events(),
    "eventhubtrigger": lambda b: _many(b, event_hub_events()),
    "servicebustrigger": lambda b: _many(b, service_bus_messages()),
    "kafkatrigger": lambda b: _many(b, kafka_events()),
    "cosmosdbtrigger": lambda b: document_lists(min_size=1),
    "sqltrigger": lambda b: _changes(),
    "mysqltrigger": lambda b: _changes(),
    "warmuptrigger": lambda b: warm_up_contexts(),
    "mcptooltrigger": _mcp_tool,
}
_INPUTS: dict[str, Callable[[BindingInfo], SearchStrategy[object]]] = {
    "blob": lambda b: st.none() | st.binary(max_size=200),  # None: the blob does not exist
    "cosmosdb": lambda b: document_lists(),
    "sql": lambda b: sql_row_lists(),
    "mysql": lambda b: mysql_row_lists(),
}


def _generic(binding: BindingInfo) -> SearchStrategy[object]:
    return json_values().map(json.dumps)


def _info(function: object) -> FunctionInfo:
    from azfn.host._functions import function_info

    if isinstance(function, FunctionInfo):
        return function
    if isinstance(function, FunctionBuilder):
        function = cast("FunctionBuilder[..., object]", function).build()
    if isinstance(function, Function):
        return function_info(cast("Function[..., object]", function), ".")
    raise TypeError(
        "inputs_for() takes a decorated function (what @app.route(...) and friends "
        f"return), a Function or a FunctionInfo, not {type(function).__name__}"
    )


def inputs_for(
    function: FunctionBuilder[P, R] | Function[P, R] | FunctionInfo,
) -> SearchStrategy[dict[str, object]]:
    """Keyword inputs for ``client.invoke(name, **inputs)``: the trigger and every input binding.

    Args:
        function: A decorated function, its ``Function`` or a host ``FunctionInfo``.

    Raises:
        TypeError: *function* is none of those.
    """
    info = _info(function)
    fields: dict[str, SearchStrategy[object]] = {}
    for binding in (info.trigger, *info.inputs):
        kind = binding.type.lower()
        if kind == "httptrigger":
            fields[binding.name] = _http(binding, info.name)
        elif binding.is_trigger:
            fields[binding.name] = _TRIGGERS.get(kind, _generic)(binding)
        else:
            fields[binding.name] = _INPUTS.get(kind, _generic)(binding)
    return st.fixed_dictionaries(fields)
