# pyright: strict
"""Event Grid events, CloudEvents and the ``eventGrid``/``eventGridTrigger`` converters."""

from __future__ import annotations

import datetime
import json
import typing

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.eventgrid import CloudEvent
from azfn.eventgrid import EventGridEvent
from azfn.eventgrid import EventGridEventInConverter
from azfn.eventgrid import EventGridEventOutConverter
from azfn.eventgrid import EventGridOutputEvent
from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.out import Out

if typing.TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=25, deadline=None, database=None)
UTC = datetime.timezone.utc
WHEN = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
TOPIC = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a"
SUBJECT = "/blobServices/default/containers/c/blobs/b.txt"
GRID_JSON = {
    "id": "e1",
    "topic": TOPIC,
    "subject": SUBJECT,
    "eventType": "Microsoft.Storage.BlobCreated",
    "eventTime": "2024-05-01T12:30:00.0000000Z",
    "data": {"url": "https://a.blob.core.windows.net/c/b.txt"},
    "dataVersion": "1",
    "metadataVersion": "1",
}
CLOUD_JSON = {
    "specversion": "1.0",
    "id": "c1",
    "source": "/contoso/items",
    "type": "Contoso.Items.ItemReceived",
    "time": "2024-05-01T12:30:00Z",
    "subject": "items/1",
    "datacontenttype": "application/json",
    "data": {"n": 1},
    "traceparent": "00-abc-def-01",
}


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _decode(body: object) -> EventGridEvent | CloudEvent:
    return EventGridEventInConverter.decode(Datum(json.dumps(body), "json"), trigger_metadata={})


def _sent(value: object) -> object:
    datum = EventGridEventOutConverter.encode(value, expected_type=None)
    assert datum is not None
    assert datum.type == "json"
    return json.loads(typing.cast("str", datum.value))


def test_event_grid_event_defaults_and_fields() -> None:
    """Every argument has a default (the reference requires all seven)."""
    event = EventGridEvent(event_type="T", data={"a": 1})
    assert (event.id, event.topic, event.subject, event.data_version) == ("", "", "", "")
    assert (event.event_type, event.event_time, event.get_json()) == ("T", None, {"a": 1})


def test_events_compare_by_value_and_type() -> None:
    """Equal fields make equal events; an output event never equals an input one."""
    assert EventGridEvent(id="1", data={"a": 1}) == EventGridEvent(id="1", data={"a": 1})
    assert EventGridEvent(id="1") != EventGridEvent(id="2")
    assert EventGridOutputEvent(id="1") != EventGridEvent(id="1")
    assert hash(EventGridEvent(id="1", data={"a": 1, "b": 2})) == hash(
        EventGridEvent(id="1", data={"b": 2, "a": 1})
    )


def test_reprs_name_their_own_class() -> None:
    """EventGridOutputEvent's repr says so (the reference's says EventGridEvent)."""
    assert repr(EventGridOutputEvent(id="1", event_type="T", subject="s")) == (
        "<EventGridOutputEvent id='1' event_type='T' subject='s'>"
    )
    assert repr(EventGridEvent(id="1", topic="t")).startswith("<EventGridEvent id='1' topic='t'")
    assert (
        repr(CloudEvent(id="1", source="s", type="t")) == "<CloudEvent id='1' source='s' type='t'>"
    )


def test_cloud_event_extensions() -> None:
    """Extra keyword arguments are extension attributes, returned as a copy."""
    event = CloudEvent(id="1", source="s", type="t", data=None, traceparent="tp")
    assert event.specversion == "1.0"
    assert event.extension_attrs == {"traceparent": "tp"}
    event.extension_attrs["x"] = 1
    assert event.extension_attrs == {"traceparent": "tp"}


def test_decode_event_grid_schema() -> None:
    """The Event Grid schema's keys fill an EventGridEvent; eventTime is parsed."""
    assert _decode(GRID_JSON) == EventGridEvent(
        id="e1",
        topic=TOPIC,
        subject=SUBJECT,
        event_type="Microsoft.Storage.BlobCreated",
        event_time=WHEN,
        data={"url": "https://a.blob.core.windows.net/c/b.txt"},
        data_version="1",
    )


def test_decode_cloud_event_schema() -> None:
    """An event with specversion is a CloudEvent; unknown keys are extensions."""
    event = _decode(CLOUD_JSON)
    assert isinstance(event, CloudEvent)
    assert (event.id, event.source, event.type, event.time) == (
        "c1",
        "/contoso/items",
        CLOUD_JSON["type"],
        WHEN,
    )
    assert (event.subject, event.datacontenttype, event.dataschema) == (
        "items/1",
        "application/json",
        None,
    )
    assert event.get_json() == {"n": 1}
    assert event.extension_attrs == {"traceparent": "00-abc-def-01"}


def test_decode_keeps_time_offsets() -> None:
    """An eventTime with an offset is kept as an aware datetime."""
    event = _decode({**GRID_JSON, "eventTime": "2024-05-01T07:30:00-05:00"})
    assert isinstance(event, EventGridEvent)
    assert event.event_time == WHEN


def test_decode_rejects_bad_payloads() -> None:
    """Non-JSON data and non-object JSON are refused."""
    with pytest.raises(NotImplementedError, match="unsupported event grid payload type: bytes"):
        EventGridEventInConverter.decode(Datum(b"{}", "bytes"), trigger_metadata=None)
    with pytest.raises(ValueError, match="JSON object"):
        _decode([GRID_JSON])


def test_encode_output_event() -> None:
    """An EventGridOutputEvent is sent with the reference's keys."""
    event = EventGridOutputEvent(
        id="1", data={"a": 1}, subject="s", event_type="T", event_time=WHEN, data_version="2"
    )
    assert _sent(event) == {
        "id": "1",
        "subject": "s",
        "dataVersion": "2",
        "eventType": "T",
        "data": {"a": 1},
        "eventTime": "2024-05-01T12:30:00+00:00",
    }


def test_encode_strings_bytes_lists_and_dicts() -> None:
    """str and bytes pass through; lists send several events; dicts are sent as they are."""
    assert EventGridEventOutConverter.encode("x", expected_type=None) == Datum("x", "string")
    assert EventGridEventOutConverter.encode(b"x", expected_type=None) == Datum(b"x", "bytes")
    assert _sent(["raw", EventGridOutputEvent(id="2")])[0] == "raw"  # type: ignore[index]  # pyright: ignore[reportIndexIssue]
    assert _sent({"id": "3"}) == {"id": "3"}
    assert EventGridEventOutConverter.encode([1], expected_type=None) is None
    assert EventGridEventOutConverter.encode(1, expected_type=None) is None


def test_encode_cloud_event() -> None:
    """A CloudEvent is sent in the CloudEvents JSON format, unset attributes left out."""
    assert _sent(CloudEvent(id="1", source="s", type="t", data=[1], ext="e")) == {
        "ext": "e",
        "specversion": "1.0",
        "id": "1",
        "source": "s",
        "type": "t",
        "data": [1],
    }


def test_annotation_checks_and_registry() -> None:
    """In: either event type. Out: str, bytes, event types, dicts, iterables of them."""
    assert EventGridEventInConverter.check_input_type_annotation(EventGridEvent)
    assert EventGridEventInConverter.check_input_type_annotation(CloudEvent)
    assert not EventGridEventInConverter.check_input_type_annotation(
        typing.cast("type", list[EventGridEvent])
    )
    outputs: list[object] = [
        str,
        bytes,
        EventGridOutputEvent,
        list[EventGridOutputEvent],
        list[str],
    ]
    for output in outputs:
        assert EventGridEventOutConverter.check_output_type_annotation(typing.cast("type", output))
    assert not EventGridEventOutConverter.check_output_type_annotation(int)
    assert get_binding_registry().get("eventGrid") is EventGridEventOutConverter
    assert get_binding_registry().get("eventGridTrigger") is EventGridEventInConverter


def test_docs_style_event_grid_function() -> None:
    """The docs' function: build the event, call, check the output event."""

    def main(event: EventGridEvent, outputEvent: Out[EventGridOutputEvent]) -> None:
        outputEvent.set(
            EventGridOutputEvent(
                id="out-" + event.id,
                data=event.get_json(),
                subject=event.subject,
                event_type="Copied",
                event_time=event.event_time,
                data_version="1.0",
            )
        )

    out = Out[EventGridOutputEvent]()
    main(EventGridEvent(id="1", data={"a": 1}, subject="s", event_time=WHEN), out)
    sent = out.get()
    assert sent is not None
    assert (sent.id, sent.get_json(), sent.event_type) == ("out-1", {"a": 1}, "Copied")


TEXT = st.text(max_size=10)
JSON_DATA = st.none() | st.dictionaries(TEXT, st.integers() | TEXT, max_size=3)
TIMES = st.none() | st.datetimes(
    min_value=datetime.datetime(1970, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.just(UTC),
)


@FAST
@given(
    st.builds(
        EventGridEvent,
        id=TEXT,
        data=JSON_DATA,
        topic=TEXT,
        subject=TEXT,
        event_type=TEXT,
        event_time=TIMES,
        data_version=TEXT,
    )
)
def test_event_grid_round_trip(event: EventGridEvent) -> None:
    """An event encoded by the output converter decodes back equal."""
    datum = EventGridEventOutConverter.encode(event, expected_type=None)
    assert datum is not None
    assert EventGridEventInConverter.decode(datum, trigger_metadata=None) == event


@FAST
@given(
    st.builds(
        CloudEvent,
        id=TEXT,
        source=TEXT,
        type=TEXT,
        data=JSON_DATA,
        time=TIMES,
        subject=st.none() | TEXT,
        datacontenttype=st.none() | TEXT,
    )
)
def test_cloud_event_round_trip(event: CloudEvent) -> None:
    """A CloudEvent encoded by the output converter decodes back equal."""
    datum = EventGridEventOutConverter.encode(event, expected_type=None)
    assert datum is not None
    assert EventGridEventInConverter.decode(datum, trigger_metadata=None) == event


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """The reference decodes both schemas to the same fields."""
    converter = ref.eventgrid.EventGridEventInConverter
    theirs = converter.decode(ref.meta.Datum(json.dumps(GRID_JSON), "json"), trigger_metadata={})
    ours = _decode(GRID_JSON)
    for name in ("id", "topic", "subject", "event_type", "event_time", "data_version"):
        assert getattr(ours, name) == getattr(theirs, name), name
    theirs = converter.decode(ref.meta.Datum(json.dumps(CLOUD_JSON), "json"), trigger_metadata={})
    ours = _decode(CLOUD_JSON)
    for name in ("id", "source", "type", "time", "subject", "datacontenttype", "extension_attrs"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.get_json() == theirs.get_json()


def test_same_encode_as_reference(ref: ModuleType) -> None:
    """An output event encodes to the reference's JSON."""
    kwargs: dict[str, typing.Any] = {
        "id": "1",
        "data": {"a": 1},
        "subject": "s",
        "event_type": "T",
        "event_time": WHEN,
        "data_version": "2",
    }
    theirs = ref.eventgrid.EventGridEventOutConverter.encode(
        ref.EventGridOutputEvent(**kwargs), expected_type=None
    )
    ours = EventGridEventOutConverter.encode(EventGridOutputEvent(**kwargs), expected_type=None)
    assert ours == Datum(theirs.value, theirs.type)
