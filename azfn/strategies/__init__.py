# pyright: strict
"""Hypothesis strategies for every azfn binding type, and ``inputs_for(function)``.

::

    from hypothesis import given
    from azfn import strategies as azst

    @given(azst.queue_messages(json=azst.json_objects()))
    def test_process(msg): ...

    @given(inputs=azst.inputs_for(process_order))      # the trigger and every input binding
    def test_fuzz(azfn_client, inputs):
        azfn_client.invoke("process_order", **inputs)

Each strategy is a plural noun with keyword-only options; an option takes a
value or a strategy of values. Values are what the host could deliver: ids
in the host's form, Storage times to the second, routes that match their
templates. ``st.from_type(azfn.HttpRequest)`` (and every other binding
type) works through Hypothesis's entry point. Requires Hypothesis.
"""

from __future__ import annotations

from azfn.strategies._common import json_objects
from azfn.strategies._common import json_values
from azfn.strategies._context import contexts
from azfn.strategies._context import mcp_tool_contexts
from azfn.strategies._context import retry_contexts
from azfn.strategies._context import trace_contexts
from azfn.strategies._context import warm_up_contexts
from azfn.strategies._formats import blob_paths
from azfn.strategies._formats import ncrontab_schedules
from azfn.strategies._formats import route_paths
from azfn.strategies._formats import route_templates
from azfn.strategies._formats import timespans
from azfn.strategies._http import http_requests
from azfn.strategies._http import http_responses
from azfn.strategies._inputs import inputs_for
from azfn.strategies._messages import cloud_events
from azfn.strategies._messages import event_grid_events
from azfn.strategies._messages import event_grid_output_events
from azfn.strategies._messages import event_hub_events
from azfn.strategies._messages import kafka_events
from azfn.strategies._messages import queue_messages
from azfn.strategies._messages import service_bus_messages
from azfn.strategies._records import document_lists
from azfn.strategies._records import documents
from azfn.strategies._records import input_streams
from azfn.strategies._records import mysql_row_lists
from azfn.strategies._records import mysql_rows
from azfn.strategies._records import sql_row_lists
from azfn.strategies._records import sql_rows
from azfn.strategies._records import timer_requests

__all__ = [
    "blob_paths",
    "cloud_events",
    "contexts",
    "document_lists",
    "documents",
    "event_grid_events",
    "event_grid_output_events",
    "event_hub_events",
    "http_requests",
    "http_responses",
    "input_streams",
    "inputs_for",
    "json_objects",
    "json_values",
    "kafka_events",
    "mcp_tool_contexts",
    "mysql_row_lists",
    "mysql_rows",
    "ncrontab_schedules",
    "queue_messages",
    "retry_contexts",
    "route_paths",
    "route_templates",
    "service_bus_messages",
    "sql_row_lists",
    "sql_rows",
    "timer_requests",
    "timespans",
    "trace_contexts",
    "warm_up_contexts",
]
