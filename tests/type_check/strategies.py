"""What users' type checkers see of azfn.strategies (checked by mypy and pyright, not run)."""

from __future__ import annotations

from hypothesis.strategies import SearchStrategy
from typing_extensions import assert_type

import azfn as func
from azfn import strategies as azst

app = func.FunctionApp()


@app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
def handle(msg: func.QueueMessage) -> None: ...


assert_type(
    azst.http_requests(route="items/{id:int}", method="GET"), SearchStrategy[func.HttpRequest]
)
assert_type(azst.http_responses(status_code=200), SearchStrategy[func.HttpResponse])
assert_type(azst.queue_messages(json={"id": 1}), SearchStrategy[func.QueueMessage])
assert_type(azst.timer_requests(past_due=True), SearchStrategy[func.TimerRequest])
assert_type(azst.input_streams(path="c/{name}"), SearchStrategy[func.InputStream])
assert_type(azst.event_grid_events(), SearchStrategy[func.EventGridEvent])
assert_type(azst.event_grid_output_events(), SearchStrategy[func.EventGridOutputEvent])
assert_type(azst.cloud_events(), SearchStrategy[func.CloudEvent])
assert_type(azst.event_hub_events(), SearchStrategy[func.EventHubEvent])
assert_type(azst.service_bus_messages(), SearchStrategy[func.ServiceBusMessage])
assert_type(azst.documents(), SearchStrategy[func.Document])
assert_type(azst.document_lists(), SearchStrategy[func.DocumentList])
assert_type(azst.sql_rows(), SearchStrategy[func.SqlRow])
assert_type(azst.sql_row_lists(), SearchStrategy[func.SqlRowList])
assert_type(azst.mysql_rows(), SearchStrategy[func.MySqlRow])
assert_type(azst.mysql_row_lists(), SearchStrategy[func.MySqlRowList])
assert_type(azst.kafka_events(), SearchStrategy[func.KafkaEvent])
assert_type(azst.contexts(function_name="f"), SearchStrategy[func.Context])
assert_type(azst.retry_contexts(), SearchStrategy[func.RetryContext])
assert_type(azst.trace_contexts(), SearchStrategy[func.TraceContext])
assert_type(azst.warm_up_contexts(), SearchStrategy[func.WarmUpContext])
assert_type(azst.ncrontab_schedules(), SearchStrategy[str])
assert_type(azst.route_templates(), SearchStrategy[str])
assert_type(azst.route_paths("items/{id}"), SearchStrategy[str])
assert_type(azst.blob_paths("c/{name}"), SearchStrategy[str])
assert_type(azst.inputs_for(handle), SearchStrategy[dict[str, object]])
assert_type(azst.json_values(), SearchStrategy[object])

azst.queue_messages(dequeue_count="3")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
azst.http_requests("GET")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
assert_type(azst.mcp_tool_contexts(tool_name="add"), SearchStrategy[func.MCPToolContext])
