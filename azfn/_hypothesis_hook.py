# pyright: strict
"""``st.from_type(azfn.HttpRequest)`` and friends, through Hypothesis's entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (the
``hypothesis`` entry point in azfn's metadata); it registers a strategy for
every binding type. This module lives outside :mod:`azfn.strategies` so
that the hook does not import the strategies (and Hypothesis, still
initialising) with it: they load when Hypothesis first resolves one of
these types.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__ = ["TYPE_STRATEGIES", "_hypothesis_setup_hook"]

#: binding type (module, class) -> the azfn.strategies function that builds it.
TYPE_STRATEGIES: dict[tuple[str, str], str] = {
    ("azfn.http", "HttpRequest"): "http_requests",
    ("azfn.http", "HttpResponse"): "http_responses",
    ("azfn.queue", "QueueMessage"): "queue_messages",
    ("azfn.timer", "TimerRequest"): "timer_requests",
    ("azfn.blob", "InputStream"): "input_streams",
    ("azfn.eventgrid", "EventGridEvent"): "event_grid_events",
    ("azfn.eventgrid", "EventGridOutputEvent"): "event_grid_output_events",
    ("azfn.eventgrid", "CloudEvent"): "cloud_events",
    ("azfn.eventhub", "EventHubEvent"): "event_hub_events",
    ("azfn.servicebus", "ServiceBusMessage"): "service_bus_messages",
    ("azfn.cosmosdb", "Document"): "documents",
    ("azfn.cosmosdb", "DocumentList"): "document_lists",
    ("azfn.sql", "SqlRow"): "sql_rows",
    ("azfn.sql", "SqlRowList"): "sql_row_lists",
    ("azfn.mysql", "MySqlRow"): "mysql_rows",
    ("azfn.mysql", "MySqlRowList"): "mysql_row_lists",
    ("azfn.kafka", "KafkaEvent"): "kafka_events",
    ("azfn.context", "Context"): "contexts",
    ("azfn.context", "RetryContext"): "retry_contexts",
    ("azfn.context", "TraceContext"): "trace_contexts",
    ("azfn.warmup", "WarmUpContext"): "warm_up_contexts",
    ("azfn.mcp", "MCPToolContext"): "mcp_tool_contexts",
}


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    def resolver(name: str) -> Callable[[type[object]], SearchStrategy[object]]:
        def resolve(_: type[object]) -> SearchStrategy[object]:
            strategies = importlib.import_module("azfn.strategies")
            make: Callable[[], SearchStrategy[object]] = getattr(strategies, name)
            return make()

        return resolve

    for (module, cls), name in TYPE_STRATEGIES.items():
        binding_type: type[object] = getattr(importlib.import_module(module), cls)
        st.register_type_strategy(binding_type, resolver(name))
