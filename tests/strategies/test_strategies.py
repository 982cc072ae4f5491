"""azfn.strategies: realistic values for every binding type, and inputs_for()."""

from __future__ import annotations

import datetime
import json
from importlib import metadata
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import azfn as func
from azfn import strategies as azst
from azfn._hypothesis_hook import TYPE_STRATEGIES
from azfn._ncrontab import parse_schedule
from azfn._routing import RouteTemplate
from azfn.host._expressions import blob_path_captures
from azfn.testing import Client

if TYPE_CHECKING:
    from collections.abc import Iterator

    from hypothesis.strategies import SearchStrategy

    from azfn._builder import FunctionBuilder

FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- one strategy per binding type ---------------------------------------------------------

EXPECTED: list[tuple[SearchStrategy[object], type]] = [
    (azst.http_requests(), func.HttpRequest),
    (azst.http_responses(), func.HttpResponse),
    (azst.queue_messages(), func.QueueMessage),
    (azst.timer_requests(), func.TimerRequest),
    (azst.input_streams(), func.InputStream),
    (azst.event_grid_events(), func.EventGridEvent),
    (azst.event_grid_output_events(), func.EventGridOutputEvent),
    (azst.cloud_events(), func.CloudEvent),
    (azst.event_hub_events(), func.EventHubEvent),
    (azst.service_bus_messages(), func.ServiceBusMessage),
    (azst.documents(), func.Document),
    (azst.document_lists(), func.DocumentList),
    (azst.sql_rows(), func.SqlRow),
    (azst.sql_row_lists(), func.SqlRowList),
    (azst.mysql_rows(), func.MySqlRow),
    (azst.mysql_row_lists(), func.MySqlRowList),
    (azst.kafka_events(), func.KafkaEvent),
    (azst.contexts(), func.Context),
    (azst.retry_contexts(), func.RetryContext),
    (azst.trace_contexts(), func.TraceContext),
    (azst.warm_up_contexts(), func.WarmUpContext),
    (azst.mcp_tool_contexts(), func.MCPToolContext),
]


@pytest.mark.parametrize(("strategy", "kind"), EXPECTED, ids=lambda v: getattr(v, "__name__", ""))
def test_each_strategy_builds_its_type(strategy: SearchStrategy[object], kind: type) -> None:
    @FEW
    @given(strategy)
    def check(value: object) -> None:
        assert type(value) is kind

    check()


def test_every_registered_type_has_a_strategy_and_is_covered() -> None:
    covered = {kind for _, kind in EXPECTED}
    registered = {getattr(func, cls) for (_, cls) in TYPE_STRATEGIES}
    assert registered == covered
    assert set(TYPE_STRATEGIES.values()) <= set(azst.__all__)


@pytest.mark.skipif(
    not any(e.value.startswith("azfn.") for e in metadata.entry_points(group="hypothesis")),
    reason="azfn is not installed: Hypothesis's entry point is not registered",
)
@pytest.mark.parametrize("kind", [kind for _, kind in EXPECTED], ids=lambda k: k.__name__)
def test_from_type_works_for_every_binding_type(kind: type) -> None:
    @FEW
    @given(st.from_type(kind))
    def check(value: object) -> None:
        assert isinstance(value, kind)

    check()


# --- realistic values --------------------------------------------------------------------


@FEW
@given(azst.queue_messages())
def test_queue_messages_look_like_storage_delivers_them(msg: func.QueueMessage) -> None:
    """host-semantics §A6.2: ids, dequeue count >= 1, times to the second, 7-day expiry."""
    assert msg.id
    assert msg.pop_receipt
    assert msg.dequeue_count is not None
    assert msg.dequeue_count >= 1
    inserted = msg.insertion_time
    assert inserted is not None
    assert inserted.microsecond == 0
    assert inserted.tzinfo is datetime.timezone.utc
    assert msg.expiration_time == inserted + datetime.timedelta(days=7)
    assert msg.time_next_visible is not None
    assert msg.time_next_visible >= inserted


@FEW
@given(azst.queue_messages(json=st.fixed_dictionaries({"id": st.integers()}), dequeue_count=3))
def test_options_take_values_or_strategies(msg: func.QueueMessage) -> None:
    body = msg.get_json()
    assert isinstance(body, dict)
    assert set(body) == {"id"}
    assert msg.dequeue_count == 3


@FEW
@given(data=st.data(), template=azst.route_templates())
def test_route_paths_match_their_templates(data: st.DataObject, template: str) -> None:
    """host-semantics §A3.1: every generated path matches, constraints included."""
    path = data.draw(azst.route_paths(template))
    assert RouteTemplate.parse(template).match(path) is not None


@FEW
@given(azst.http_requests(route="items/{id:int}/{tag:alpha}", method="GET"))
def test_http_requests_follow_the_route(req: func.HttpRequest) -> None:
    """The route values are what the host's router extracts from the URL."""
    assert req.method == "GET"
    item_id, tag = req.route_params["id"], req.route_params["tag"]
    assert -(2**31) <= int(item_id) < 2**31
    assert tag.isalpha()
    assert req.url.split("?")[0] == f"http://localhost:7071/api/items/{item_id}/{tag}"


@FEW
@given(azst.http_requests(json=azst.json_objects(), method="POST"))
def test_json_requests_carry_their_content_type(req: func.HttpRequest) -> None:
    assert req.headers["content-type"] == "application/json"
    assert isinstance(req.get_json(), dict)


@settings(max_examples=60)
@given(azst.ncrontab_schedules())
def test_ncrontab_schedules_parse(schedule: str) -> None:
    parse_schedule(schedule)


@FEW
@given(azst.timespans())
def test_timespans_parse(schedule: str) -> None:
    assert parse_schedule(schedule).next_after(datetime.datetime(2030, 1, 1)) > datetime.datetime(
        2030, 1, 1
    )


@FEW
@given(azst.timer_requests(schedule="0 */5 * * * *"))
def test_timer_status_follows_the_schedule(timer: func.TimerRequest) -> None:
    status = timer.schedule_status
    assert status is not None
    last = datetime.datetime.fromisoformat(str(status["Last"]))
    following = datetime.datetime.fromisoformat(str(status["Next"]))
    assert following > last
    assert following.minute % 5 == 0
    assert following.second == 0


@FEW
@given(azst.blob_paths("samples/{name}.{ext}"))
def test_blob_paths_match_the_trigger_path(path: str) -> None:
    captures = blob_path_captures("samples/{name}.{ext}", path)
    assert captures is not None
    assert path == f"samples/{captures['name']}.{captures['ext']}"


@FEW
@given(azst.input_streams(path="uploads/{name}.csv"))
def test_input_streams_have_consistent_properties(blob: func.InputStream) -> None:
    content = blob.read()
    assert blob.length == len(content)
    assert blob.name is not None
    assert blob.name.startswith("uploads/")
    assert blob.name.endswith(".csv")
    assert blob.uri is not None
    assert blob.uri.endswith(blob.name)


@FEW
@given(azst.documents())
def test_documents_have_an_id_and_round_trip_as_json(doc: func.Document) -> None:
    assert isinstance(doc["id"], str)
    assert func.Document.from_json(doc.to_json()) == doc


@FEW
@given(azst.service_bus_messages(session_id="tenant-1"))
def test_service_bus_messages_have_broker_properties(msg: func.ServiceBusMessage) -> None:
    assert msg.session_id == "tenant-1"
    assert msg.message_id
    assert msg.lock_token
    assert msg.enqueued_time_utc is not None
    assert msg.locked_until is not None
    assert msg.locked_until > msg.enqueued_time_utc


@FEW
@given(azst.retry_contexts(max_retry_count=3))
def test_retry_contexts_count_within_the_policy(ctx: func.RetryContext) -> None:
    assert 0 <= ctx.retry_count <= ctx.max_retry_count == 3
    assert bool(ctx.exception.message) == (ctx.retry_count > 0)


# --- inputs_for: every trigger, through the in-process host ------------------------------

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(route="items/{id:int}", methods=["GET", "DELETE"])
def item(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse(req.route_params["id"])


@app.queue_trigger(arg_name="msg", queue_name="orders", connection="AzureWebJobsStorage")
@app.blob_input(arg_name="config", path="config/app.json", connection="AzureWebJobsStorage")
def order(msg: func.QueueMessage, config: bytes | None) -> None:
    assert msg.dequeue_count is not None


@app.timer_trigger(schedule="0 0 * * * *", arg_name="timer")
def hourly(timer: func.TimerRequest) -> None:
    assert timer.schedule_status is not None


@app.blob_trigger(arg_name="upload", path="uploads/{name}.csv", connection="AzureWebJobsStorage")
def upload(upload: func.InputStream) -> None:
    assert upload.name is not None
    assert upload.name.endswith(".csv")


@app.event_grid_trigger(arg_name="event")
def grid(event: func.EventGridEvent) -> None:
    assert event.id


@app.event_hub_message_trigger(
    arg_name="events", event_hub_name="telemetry", connection="Conn", cardinality="many"
)
def hub(events: list[func.EventHubEvent]) -> None:
    assert events


@app.service_bus_queue_trigger(arg_name="msg", queue_name="invoices", connection="Conn")
def bus(msg: func.ServiceBusMessage) -> None:
    assert msg.message_id


@app.cosmos_db_trigger(
    arg_name="docs",
    connection="Conn",
    database_name="shop",
    container_name="orders",
    lease_container_name="leases",
)
def changed(docs: func.DocumentList) -> None:
    assert all("id" in doc for doc in docs)


@app.kafka_trigger(arg_name="event", topic="orders", broker_list="Brokers", consumer_group="g")
def kafka(event: func.KafkaEvent) -> None:
    assert event.get_body() is not None


@app.sql_trigger(arg_name="changes", table_name="dbo.Items", connection_string_setting="Sql")
def rows(changes: func.SqlRowList) -> None:
    assert all(change["Operation"] in (0, 1, 2) for change in changes)


@app.mcp_tool()
def scale(
    factor: int, values: list[float], label: str, context: func.MCPToolContext
) -> dict[str, object]:
    """Scale values by a factor."""
    assert context["name"] == "scale"
    assert isinstance(factor, int)
    assert all(isinstance(v, float | int) for v in values)
    return {"label": label, "scaled": [v * factor for v in values]}


FUNCTIONS = [item, order, hourly, upload, grid, hub, bus, changed, kafka, rows, scale]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with Client(app) as client:
        yield client


@pytest.mark.parametrize("function", FUNCTIONS, ids=lambda f: f.__name__)
def test_inputs_for_feeds_every_trigger_through_the_client(
    client: Client, function: FunctionBuilder[..., object]
) -> None:
    """Generated inputs are complete and of the right types: the host accepts them."""
    name = function.build().get_function_name()

    @FEW
    @given(inputs=azst.inputs_for(function))
    def check(inputs: dict[str, object]) -> None:
        inv = client.invoke(name, **inputs)
        assert inv.exception is None

    check()


@FEW
@given(inputs=azst.inputs_for(item))
def test_http_inputs_match_the_route_and_methods(client: Client, inputs: dict[str, object]) -> None:
    req = inputs["req"]
    assert isinstance(req, func.HttpRequest)
    assert req.method in {"GET", "DELETE"}
    path = req.url.split("?")[0].removeprefix("http://localhost:7071")
    resp = client.request(req.method, path)
    assert resp.status_code == 200
    assert resp.function == "item"
    assert resp.get_body().decode() == req.route_params["id"]


def test_inputs_for_refuses_what_is_not_a_function() -> None:
    with pytest.raises(TypeError, match="inputs_for\\(\\) takes a decorated function"):
        azst.inputs_for(json.dumps)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "template",
    [
        "a/{v:int}",
        "a/{v:long}",
        "a/{v:min(10)}",
        "a/{v:max(-3)}",
        "a/{v:range(5,9)}",
        "a/{v:int:min(0):max(9)}",
        "a/{v:bool}",
        "a/{v:guid}",
        "a/{v:alpha}",
        "a/{v:alpha:minlength(4)}",
        "a/{v:minlength(20)}",
        "a/{v:maxlength(2)}",
        "a/{v:length(6)}",
        "a/{v:length(3,5)}",
        "a/{v:double}",
        "a/{v:decimal}",
        "a/{v:datetime}",
        "a/{v:regex(^[a-f]{{3}}$)}",
        "a/{v:regex(^\\d+$)}",
        "a/{v:regex(x)}",
        "a/{v:file}",
        "a/{v:nonfile}",
        "a/{v:required}",
        "files/{*rest}",
        "a/{v?}",
        "a/{name}.{ext}",
    ],
)
def test_route_paths_satisfy_every_constraint(template: str) -> None:
    """The host's constraint list (host-semantics §A3.1): generated values pass each one."""
    parsed = RouteTemplate.parse(template)

    @FEW
    @given(azst.route_paths(template))
    def check(path: str) -> None:
        assert parsed.match(path) is not None

    check()


@FEW
@given(azst.timer_requests(schedule="*/10 * * * * *"))
def test_frequent_timers_have_no_status(timer: func.TimerRequest) -> None:
    """host-semantics §A5.2: no monitor (so no status) for schedules firing more than once a minute."""
    assert not timer.schedule_status


@FEW
@given(
    azst.mcp_tool_contexts(
        tool_name="scale",
        tool_properties=[
            {"propertyName": "n", "propertyType": "integer", "isRequired": True},
            {"propertyName": "tags", "propertyType": "string", "isArray": True},
            {"propertyName": "note", "propertyType": "string", "isRequired": False},
        ],
    )
)
def test_mcp_tool_arguments_follow_the_tool_properties(ctx: func.MCPToolContext) -> None:
    assert ctx["name"] == "scale"
    arguments = ctx["arguments"]
    assert isinstance(arguments, dict)
    assert isinstance(arguments["n"], int)
    assert isinstance(arguments["tags"], list)
    assert all(isinstance(tag, str) for tag in arguments["tags"])
    assert set(arguments) <= {"n", "tags", "note"}
