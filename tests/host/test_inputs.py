"""trigger_inputs: what the host delivers for each trigger and input (host-semantics §A2.2, §A7)."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import azfn as func
from azfn import strategies as azst
from azfn.errors import AzfnError
from azfn.host._delivery import json_object
from azfn.host._inputs import InvalidInputError
from azfn.host._inputs import MissingInputError
from azfn.host._inputs import trigger_inputs
from azfn.host._model import BindingInfo
from azfn.host._model import FunctionInfo
from azfn.meta import Datum
from azfn.meta import get_binding_registry

if TYPE_CHECKING:
    from collections.abc import Mapping

NOW = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)


def make(trigger: Mapping[str, object], *others: Mapping[str, object]) -> FunctionInfo:
    raws = [{"direction": "in", **trigger}, *others]
    bindings = tuple(BindingInfo.from_metadata(raw) for raw in raws)  # type: ignore[arg-type]
    return FunctionInfo(
        name="fn",
        func=lambda: None,
        directory=".",
        bindings=bindings,
        trigger=bindings[0],
        inputs=tuple(b for b in bindings[1:] if b.direction == "in"),
        outputs=tuple(b for b in bindings if b.direction == "out"),
        return_binding=None,
        is_async=False,
        retry=None,
        http_type="function",
        parameters=(),
    )


def decode(function: FunctionInfo, values: Mapping[str, object]) -> object:
    inputs, metadata, _ = trigger_inputs(function, values, now=NOW)
    trigger = function.trigger
    converter = get_binding_registry().get(trigger.type)
    assert converter is not None
    return converter.decode(inputs[trigger.name], trigger_metadata=metadata)  # type: ignore[attr-defined]


HTTP = {"type": "httpTrigger", "name": "req", "route": "items/{id}"}
QUEUE = {"type": "queueTrigger", "name": "msg", "queueName": "orders"}
TIMER = {"type": "timerTrigger", "name": "timer", "schedule": "0 */5 * * * *"}
BLOB = {"type": "blobTrigger", "name": "blob", "path": "samples/{name}.{ext}"}


# --- HTTP ----------------------------------------------------------------------------


def test_http_request_becomes_http_datum() -> None:
    """host-semantics §A3.5: the http datum carries method, full url, headers, query, params, body."""
    req = func.HttpRequest(
        "post",
        "/api/items/7",
        headers={"X-Id": "h"},
        params={"q": "1"},
        route_params={"id": "7"},
        body=b'{"id": "body", "name": "n"}',
    )
    inputs, metadata, data = trigger_inputs(make(HTTP), {"req": req}, now=NOW)
    datum = inputs["req"]
    assert datum.type == "http"
    value = datum.value
    assert isinstance(value, dict)
    assert value["method"] == "POST"
    assert value["url"] == "http://localhost/api/items/7?q=1"
    assert value["headers"] == {"x-id": "h"}
    assert value["params"] == {"id": "7"}
    assert value["body"] == b'{"id": "body", "name": "n"}'
    assert metadata == {}
    assert data["id"] == "7"
    assert data["name"] == "n"
    assert json.loads(data["Query"]) == {"q": "1"}
    assert json.loads(data["Headers"]) == {"x-id": "h"}
    decoded = decode(make(HTTP), {"req": req})
    assert isinstance(decoded, func.HttpRequest)
    assert decoded.get_json() == {"id": "body", "name": "n"}


def test_http_binding_data_precedence() -> None:
    """host-semantics §A7.1: route {id} beats ?id=, which beats the JSON body; code is dropped."""
    raw = {
        "method": "GET",
        "url": "http://localhost/api/items/1?id=q&code=secret",
        "headers": {},
        "query": {"id": "q", "code": "secret", "only": "query"},
        "params": {"id": "route"},
        "body": b'{"id": "body", "ID2": 2}',
    }
    _, _, data = trigger_inputs(make(HTTP), {"req": raw}, now=NOW)
    assert data["id"] == "route"
    assert data["ID2"] == "2"
    assert data["only"] == "query"
    assert "code" not in data
    _, _, data = trigger_inputs(make(HTTP), {"req": {**raw, "params": {}}}, now=NOW)
    assert data["id"] == "q"


def test_http_wrong_type() -> None:
    """host-semantics §A2.2: a wrong value names the binding, what to pass and what was given."""
    with pytest.raises(InvalidInputError, match=r"list.*'req'.*HttpRequest") as info:
        trigger_inputs(make(HTTP), {"req": [1]})
    assert isinstance(info.value, TypeError)


# --- queue ---------------------------------------------------------------------------


def test_queue_str_message_metadata() -> None:
    """host-semantics §A6.2: generated id, dequeue count 1, times and pop receipt."""
    inputs, metadata, data = trigger_inputs(make(QUEUE), {"msg": "hello"}, now=NOW)
    assert inputs["msg"] == Datum("hello", "string")
    assert metadata["QueueTrigger"] == Datum("hello", "string")
    assert metadata["DequeueCount"] == Datum(1, "int")
    assert str(uuid.UUID(str(metadata["Id"].value))) == metadata["Id"].value
    assert data["QueueTrigger"] == "hello"
    msg = decode(make(QUEUE), {"msg": "hello"})
    assert isinstance(msg, func.QueueMessage)
    assert msg.get_body() == b"hello"
    assert msg.dequeue_count == 1
    assert msg.insertion_time == NOW
    assert msg.expiration_time == NOW + datetime.timedelta(days=7)
    assert msg.time_next_visible is not None
    assert msg.time_next_visible > NOW
    assert msg.pop_receipt
    assert msg.id


def test_queue_dict_is_json_and_overrides_system_keys() -> None:
    """host-semantics §A6.2: JSON properties join the binding data and override system keys."""
    _, metadata, data = trigger_inputs(make(QUEUE), {"msg": {"id": 7, "name": "x"}}, now=NOW)
    assert data["Id"] == "7"
    assert data["name"] == "x"
    assert metadata["Id"] == Datum(7, "int")
    msg = decode(make(QUEUE), {"msg": {"id": 7, "name": "x"}})
    assert isinstance(msg, func.QueueMessage)
    assert msg.get_json() == {"id": 7, "name": "x"}
    assert msg.id == "7"  # the host's quirk (azure-functions-python-library#49)


def test_queue_message_fields_are_kept() -> None:
    """host-semantics §A6.2: a QueueMessage's own fields are delivered as its metadata."""
    given = func.QueueMessage(id="m1", body=b"\xff\x00", dequeue_count=3, pop_receipt="pr")
    inputs, metadata, _ = trigger_inputs(make(QUEUE), {"msg": given}, now=NOW)
    assert inputs["msg"] == Datum(b"\xff\x00", "bytes")
    assert metadata["Id"] == Datum("m1", "string")
    assert metadata["DequeueCount"] == Datum(3, "int")
    assert metadata["PopReceipt"] == Datum("pr", "string")


def test_queue_binary_data_type() -> None:
    """host-semantics §A2.2: dataType binary delivers bytes."""
    inputs, _, _ = trigger_inputs(make({**QUEUE, "dataType": "binary"}), {"msg": "a"}, now=NOW)
    assert inputs["msg"] == Datum(b"a", "bytes")


# --- timer ---------------------------------------------------------------------------


def test_timer_default_payload() -> None:
    """host-semantics §A5.3: TimerInfo JSON, IsPastDue False, AdjustForDST true for cron."""
    inputs, metadata, data = trigger_inputs(make(TIMER), {}, now=NOW)
    payload = json.loads(str(inputs["timer"].value))
    assert payload["IsPastDue"] is False
    assert payload["Schedule"] == {"AdjustForDST": True}
    assert set(payload["ScheduleStatus"]) == {"Last", "Next", "LastUpdated"}
    assert inputs["timer"].type == "json"
    assert data["TimerTrigger"] == NOW.isoformat()
    assert "TimerTrigger" in metadata
    timer = decode(make(TIMER), {})
    assert isinstance(timer, func.TimerRequest)
    assert timer.past_due is False


@pytest.mark.parametrize(
    ("schedule", "use_monitor", "monitored"),
    [
        ("0 */5 * * * *", None, True),
        ("15 * * * * *", None, True),  # once a minute
        ("*/30 * * * * *", None, False),  # twice in the next minute: auto-disabled
        ("* * * * * *", None, False),
        ("00:00:30", None, False),  # a sub-minute TimeSpan
        ("00:01:00", None, True),
        ("*/30 * * * * *", True, True),  # explicit settings win
        ("0 */5 * * * *", False, False),
    ],
)
def test_timer_monitor_defaults(schedule: str, use_monitor: bool | None, monitored: bool) -> None:
    """host-semantics §A5.2: useMonitor defaults to true, off for schedules firing more than
    once a minute; with it the status is Last = now, Next = the next occurrence."""
    raw: dict[str, object] = {**TIMER, "schedule": schedule}
    if use_monitor is not None:
        raw["useMonitor"] = use_monitor
    inputs, _, _ = trigger_inputs(make(raw), {}, now=NOW)
    status = json.loads(str(inputs["timer"].value))["ScheduleStatus"]
    assert (status is not None) == monitored
    if status is not None:
        assert status["Last"] == status["LastUpdated"] == NOW.isoformat()
        assert datetime.datetime.fromisoformat(status["Next"]) > NOW


def test_timer_next_is_the_schedules_next_occurrence() -> None:
    """host-semantics §A5.2: Next = schedule.next(Last)."""
    inputs, _, _ = trigger_inputs(make(TIMER), {}, now=NOW)  # 07:08:09, every 5 minutes
    status = json.loads(str(inputs["timer"].value))["ScheduleStatus"]
    assert status["Next"] == NOW.replace(minute=10, second=0).isoformat()


def test_timer_constant_schedule_and_no_monitor() -> None:
    """host-semantics §A5.3: AdjustForDST false for TimeSpans; ScheduleStatus null without useMonitor."""
    function = make({**TIMER, "schedule": "00:05:00", "useMonitor": False})
    inputs, _, _ = trigger_inputs(function, {}, now=NOW)
    payload = json.loads(str(inputs["timer"].value))
    assert payload == {
        "Schedule": {"AdjustForDST": False},
        "ScheduleStatus": None,
        "IsPastDue": False,
    }


def test_timer_request_given() -> None:
    """host-semantics §A5.3: a TimerRequest's fields become the payload."""
    given = func.TimerRequest(past_due=True, schedule_status={"Last": "x"})
    timer = decode(make(TIMER), {"timer": given})
    assert timer == func.TimerRequest(
        past_due=True, schedule_status={"Last": "x"}, schedule={"AdjustForDST": True}
    )


# --- blob ----------------------------------------------------------------------------


def test_blob_trigger_metadata_and_captures() -> None:
    """host-semantics §A7.2, §A7.3: BlobTrigger is container/name, captures join the binding data."""
    stream = func.InputStream(data=b"abc", name="samples/a.b.c", metadata={"k": "v"})
    inputs, metadata, data = trigger_inputs(make(BLOB), {"blob": stream}, now=NOW)
    assert inputs["blob"] == Datum(b"abc", "bytes")
    assert metadata["BlobTrigger"] == Datum("samples/a.b.c", "string")
    assert data["name"] == "a.b"
    assert data["ext"] == "c"
    assert stream.read() == b"abc"  # the test's stream is not consumed
    blob = decode(make(BLOB), {"blob": stream})
    assert isinstance(blob, func.InputStream)
    assert blob.name == "samples/a.b.c"
    assert blob.length == 3
    assert blob.uri is not None
    assert blob.uri.endswith("/samples/a.b.c")
    assert blob.metadata == {"k": "v"}
    assert blob.read() == b"abc"


def test_blob_needs_a_matching_name() -> None:
    """host-semantics §A7.2: without a name the path must be fixed; a name must match the pattern."""
    with pytest.raises(InvalidInputError, match="needs the blob's name"):
        trigger_inputs(make(BLOB), {"blob": b"x"})
    with pytest.raises(InvalidInputError, match="does not match"):
        trigger_inputs(make(BLOB), {"blob": func.InputStream(data=b"x", name="other/a.b")})
    fixed = make({**BLOB, "path": "samples/fixed.txt"})
    _, metadata, _ = trigger_inputs(fixed, {"blob": "text"}, now=NOW)
    assert metadata["BlobTrigger"] == Datum("samples/fixed.txt", "string")


def test_blob_input_binding() -> None:
    """host-semantics §A7.3: input blobs are content only; None means a missing blob."""
    function = make(QUEUE, {"type": "blob", "name": "doc", "direction": "in", "path": "x/{id}"})
    inputs, _, _ = trigger_inputs(function, {"msg": "m", "doc": b"data"}, now=NOW)
    assert inputs["doc"] == Datum(b"data", "bytes")
    inputs, _, _ = trigger_inputs(function, {"msg": "m", "doc": None}, now=NOW)
    assert inputs["doc"] == Datum(None, None)
    stream = func.InputStream(data=b"streamed", name="x/1")
    inputs, _, _ = trigger_inputs(function, {"msg": "m", "doc": stream}, now=NOW)
    assert inputs["doc"] == Datum(b"streamed", "bytes")
    assert stream.read() == b"streamed"  # the test's stream is not consumed


def test_generated_times_are_whole_seconds_and_consistent() -> None:
    """host-semantics §A6.2: Storage reports queue times to the second; expiry is 7 days on."""
    function = make(QUEUE)
    inputs, metadata, _ = trigger_inputs(function, {"msg": "hi"})
    converter = get_binding_registry().get("queueTrigger")
    assert converter is not None
    message = converter.decode(inputs["msg"], trigger_metadata=metadata)  # type: ignore[attr-defined]
    assert isinstance(message, func.QueueMessage)
    inserted = message.insertion_time
    assert inserted is not None
    assert inserted.microsecond == 0
    assert inserted.tzinfo is datetime.timezone.utc
    assert message.expiration_time == inserted + datetime.timedelta(days=7)
    assert message.time_next_visible == inserted + datetime.timedelta(minutes=10)
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((now - inserted).total_seconds()) < 5


def test_metadata_is_sent_as_the_host_sends_it() -> None:
    """host-semantics §A2.2: each metadata key reads as the Datum the host sends."""
    _, metadata, _ = trigger_inputs(make(QUEUE), {"msg": '{"id": 7}'}, now=NOW)
    assert metadata["InsertionTime"] == Datum(NOW.isoformat(), "string")
    assert metadata["DequeueCount"] == Datum(1, "int")
    assert metadata["Id"] == Datum(7, "int")  # the JSON property overrides the system key
    assert set(metadata) >= {"Id", "PopReceipt", "ExpirationTime", "NextVisibleTime"}


# --- events --------------------------------------------------------------------------


def test_event_grid_event() -> None:
    """host-semantics §A7.1: an Event Grid event is JSON; its top-level properties are binding data."""
    function = make({"type": "eventGridTrigger", "name": "event"})
    event = func.EventGridEvent(id="e1", event_type="T", subject="s", data={"n": 1}, event_time=NOW)
    decoded = decode(function, {"event": event})
    assert isinstance(decoded, func.EventGridEvent)
    assert decoded.id == "e1"
    assert decoded.get_json() == {"n": 1}
    assert decoded.event_time == NOW
    _, _, data = trigger_inputs(function, {"event": event}, now=NOW)
    assert data["subject"] == "s"
    cloud = decode(
        function, {"event": {"specversion": "1.0", "id": "c", "type": "t", "source": "s"}}
    )
    assert isinstance(cloud, func.CloudEvent)


def test_event_hub_one_and_many() -> None:
    """host-semantics §A2.2: one event with SystemProperties; many with SystemPropertiesArray."""
    one = make({"type": "eventHubTrigger", "name": "event", "eventHubName": "hub"})
    event = decode(one, {"event": func.EventHubEvent(body=b"1", partition_key="p")})
    assert isinstance(event, func.EventHubEvent)
    assert event.get_body() == b"1"
    assert event.partition_key == "p"
    assert event.enqueued_time == NOW
    assert event.sequence_number == 1
    many = make({"type": "eventHubTrigger", "name": "events", "cardinality": "many"})
    events = decode(many, {"events": ["a", {"b": 2}]})
    assert isinstance(events, list)
    assert [e.get_body() for e in events] == [b"a", b'{"b": 2}']  # type: ignore[attr-defined]
    assert [e.sequence_number for e in events] == [1, 2]  # type: ignore[attr-defined]


def test_service_bus_one_and_many() -> None:
    """host-semantics §A2.2: message properties come from PascalCase metadata (Array for many)."""
    one = make({"type": "serviceBusTrigger", "name": "msg"})
    msg = decode(one, {"msg": func.ServiceBusMessage(body="b", session_id="s1")})
    assert isinstance(msg, func.ServiceBusMessage)
    assert msg.get_body() == b"b"
    assert msg.session_id == "s1"
    assert msg.delivery_count == 1
    assert msg.message_id
    assert msg.enqueued_time_utc == NOW
    many = make({"type": "serviceBusTrigger", "name": "msgs", "cardinality": "many"})
    msgs = decode(many, {"msgs": [b"x", "y"]})
    assert isinstance(msgs, list)
    assert [m.get_body() for m in msgs] == [b"x", b"y"]  # type: ignore[attr-defined]
    assert [m.sequence_number for m in msgs] == [1, 2]  # type: ignore[attr-defined]


def test_cosmos_documents() -> None:
    """host-semantics §A2.2: a Cosmos DB batch is a JSON array of documents."""
    function = make({"type": "cosmosDBTrigger", "name": "docs"})
    docs = decode(function, {"docs": [{"id": "1"}, func.Document.from_dict({"id": "2"})]})
    assert isinstance(docs, func.DocumentList)
    assert [d["id"] for d in docs] == ["1", "2"]
    single = decode(function, {"docs": func.DocumentList([func.Document.from_dict({"id": "3"})])})
    assert isinstance(single, func.DocumentList)
    assert single[0]["id"] == "3"


def test_kafka_one_and_many() -> None:
    """host-semantics §A2.2: Kafka metadata Key/Offset/Partition/Topic (Array for many)."""
    one = make({"type": "kafkaTrigger", "name": "event", "topic": "t"})
    event = decode(one, {"event": "v"})
    assert isinstance(event, func.KafkaEvent)
    assert event.get_body() == b"v"
    assert event.topic == "t"
    assert event.partition == 0
    many = make({"type": "kafkaTrigger", "name": "events", "topic": "t", "cardinality": "many"})
    events = decode(many, {"events": ["a", "b"]})
    assert isinstance(events, list)
    assert [e.offset for e in events] == [0, 1]  # type: ignore[attr-defined]


def test_sql_trigger_changes() -> None:
    """host-semantics §A2.2: SQL trigger changes are a JSON array."""
    function = make({"type": "sqlTrigger", "name": "changes"})
    inputs, _, _ = trigger_inputs(function, {"changes": [{"Operation": 0, "Item": {"id": 1}}]})
    assert json.loads(str(inputs["changes"].value)) == [{"Operation": 0, "Item": {"id": 1}}]


def test_warmup_and_generic() -> None:
    """host-semantics §A2.2: warm-up needs nothing; unknown types pass str/bytes/JSON through."""
    warm = make({"type": "warmupTrigger", "name": "ctx"})
    assert decode(warm, {}) == func.WarmUpContext()
    generic = make({"type": "customTrigger", "name": "x"})
    inputs, _, _ = trigger_inputs(generic, {"x": {"a": 1}})
    assert inputs["x"] == Datum('{"a": 1}', "json")
    inputs, _, _ = trigger_inputs(generic, {"x": b"raw"})
    assert inputs["x"] == Datum(b"raw", "bytes")
    inputs, _, _ = trigger_inputs(generic, {"x": Datum(5, "int")})
    assert inputs["x"] == Datum(5, "int")


# --- errors --------------------------------------------------------------------------


def test_missing_inputs_listed() -> None:
    """host-semantics §A2.2: a missing trigger or input lists everything the function needs."""
    function = make(QUEUE, {"type": "blob", "name": "doc", "direction": "in", "path": "x/{id}"})
    with pytest.raises(MissingInputError) as info:
        trigger_inputs(function, {"msg": "m"})
    text = str(info.value)
    assert "'doc'" in text
    assert "'msg': queueTrigger trigger" in text
    assert "InputStream" in text
    assert isinstance(info.value, AzfnError)
    assert isinstance(info.value, TypeError)


def test_unknown_names_listed() -> None:
    """host-semantics §A2.2: unknown names list the valid ones; outputs are explained."""
    out = {"type": "queue", "name": "outmsg", "direction": "out", "queueName": "q"}
    function = make(QUEUE, out)
    with pytest.raises(InvalidInputError, match=r"(?s)'outmsg'.*is an output.*'msg'") as info:
        trigger_inputs(function, {"msg": "m", "outmsg": "x"})
    assert not isinstance(info.value, MissingInputError)


def test_now_defaults_to_utc() -> None:
    """host-semantics §A6.2: times are UTC ISO 8601 strings the converters parse."""
    _, metadata, _ = trigger_inputs(make(QUEUE), {"msg": "x"})
    inserted = datetime.datetime.fromisoformat(str(metadata["InsertionTime"].value))
    assert inserted.utcoffset() == datetime.timedelta(0)


@given(
    text=st.text(max_size=12)
    | azst.json_values().map(json.dumps)
    | st.tuples(
        st.sampled_from(["", " ", "\n\t", "\u00a0"]),
        azst.json_objects().map(json.dumps),
        st.sampled_from(["", " ", "\r\n", "x", "}", " 1"]),
    ).map("".join)
)
def test_json_object_reads_what_json_loads_reads(text: str) -> None:
    """The scanner shortcut accepts exactly the JSON objects json.loads accepts."""
    try:
        loaded: object = json.loads(text.strip())
    except ValueError:
        loaded = None
    expected = loaded if isinstance(loaded, dict) else None
    assert json_object(text) == expected
