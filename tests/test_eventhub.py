# pyright: strict
"""``EventHubEvent`` and the ``eventHub``/``eventHubTrigger`` converters, single and batch."""

from __future__ import annotations

import datetime
import json
import types
import typing
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.eventhub import EventHubConverter
from azfn.eventhub import EventHubEvent
from azfn.eventhub import EventHubTriggerConverter
from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.out import Out

FAST = settings(max_examples=25, deadline=None, database=None)
UTC = datetime.timezone.utc
WHEN = datetime.datetime(2024, 5, 1, 12, 30, 0, 123456, tzinfo=UTC)
SYSTEM = {
    "x-opt-sequence-number": 7,
    "x-opt-offset": "1024",
    "SequenceNumber": 7,
    "Offset": "1024",
    "PartitionKey": "pk",
    "EnqueuedTimeUtc": "2024-05-01T12:30:00.1234567Z",
}


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _single_metadata(**extra: Datum) -> dict[str, Datum]:
    return {
        "PartitionContext": Datum('{"EventHubName": "hub", "PartitionId": "0"}', "json"),
        "SystemProperties": Datum(json.dumps(SYSTEM), "json"),
        "Properties": Datum('{"app": "x"}', "json"),
        "EnqueuedTimeUtc": Datum("2024-05-01T12:30:00.1234567Z", "string"),
        "SequenceNumber": Datum(7, "int"),
        "Offset": Datum(1024, "int"),
        "PartitionKey": Datum("pk", "string"),
        **extra,
    }


def _batch_metadata(
    systems: list[dict[str, object]], properties: list[dict[str, object]]
) -> dict[str, Datum]:
    return {
        "PartitionContext": Datum('{"EventHubName": "hub"}', "json"),
        "SystemPropertiesArray": Datum(json.dumps(systems), "json"),
        "PropertiesArray": Datum(json.dumps(properties), "json"),
    }


def _trigger(data: Datum, meta: dict[str, Datum] | None) -> EventHubEvent | list[EventHubEvent]:
    return EventHubTriggerConverter.decode(data, trigger_metadata=meta)


def _batch(data: Datum, meta: dict[str, Datum] | None) -> list[EventHubEvent]:
    events = _trigger(data, meta)
    assert isinstance(events, list)
    return events


def test_constructor_defaults_and_fields() -> None:
    """Every field is a keyword with a default; str bodies are encoded."""
    event = EventHubEvent()
    assert event.get_body() == b""
    assert (event.partition_key, event.sequence_number, event.offset, event.enqueued_time) == (
        None,
    ) * 4
    assert (event.iothub_metadata, event.metadata, event.properties, event.system_properties) == (
        None,
        None,
        {},
        {},
    )
    event = EventHubEvent(
        body="é",
        partition_key="p",
        sequence_number=1,
        offset="5",
        enqueued_time=WHEN,
        iothub_metadata={"connection-device-id": "d"},
        properties={"a": 1},
        system_properties={"x": 2},
    )
    assert event.get_body() == "é".encode()
    assert (event.partition_key, event.sequence_number, event.offset, event.enqueued_time) == (
        "p",
        1,
        "5",
        WHEN,
    )
    assert (event.iothub_metadata, event.properties, event.system_properties) == (
        {"connection-device-id": "d"},
        {"a": 1},
        {"x": 2},
    )


def test_get_json_equality_and_repr() -> None:
    """get_json parses the body; events compare by value; the repr shows the key fields."""
    assert EventHubEvent(body='{"t": 21}').get_json() == {"t": 21}
    assert EventHubEvent(body=b"x", sequence_number=1) == EventHubEvent(body="x", sequence_number=1)
    assert EventHubEvent(body=b"x") != EventHubEvent(body=b"y")
    assert repr(EventHubEvent(body=b"x", partition_key="p")) == (
        "<EventHubEvent body=b'x' partition_key='p' sequence_number=None enqueued_time=None>"
    )


def test_metadata_converts_datums_once() -> None:
    """metadata shows each Datum's value (plain values pass) and is cached."""
    event = EventHubEvent(trigger_metadata={"A": Datum('{"b": 1}', "json"), "C": 3})
    assert event.metadata == {"A": {"b": 1}, "C": 3}
    assert event.metadata is event.metadata


def test_decode_single_event_reads_every_key() -> None:
    """SystemProperties marks one event; its fields come from the metadata."""
    event = _trigger(Datum('{"t": 1}', "json"), _single_metadata())
    assert isinstance(event, EventHubEvent)
    assert event.get_json() == {"t": 1}
    assert (event.enqueued_time, event.sequence_number, event.offset, event.partition_key) == (
        WHEN,
        7,
        "1024",
        "pk",
    )
    assert (event.properties, event.system_properties) == ({"app": "x"}, SYSTEM)
    assert event.iothub_metadata == {}
    metadata = event.metadata
    assert metadata is not None
    assert metadata["PartitionContext"] == {"EventHubName": "hub", "PartitionId": "0"}


def test_decode_single_iothub_metadata() -> None:
    """iothub-* keys come from the top level, else from SystemProperties."""
    top = _single_metadata(**{"iothub-connection-device-id": Datum("dev", "string")})
    event = _trigger(Datum(b"x", "bytes"), top)
    assert isinstance(event, EventHubEvent)
    assert event.iothub_metadata == {"connection-device-id": "dev"}
    nested = _single_metadata(SystemProperties=Datum('{"iothub-enqueuedtime": "t"}', "json"))
    event = _trigger(Datum("x", "string"), nested)
    assert isinstance(event, EventHubEvent)
    assert event.iothub_metadata == {"enqueuedtime": "t"}


def test_decode_batch_of_bytes() -> None:
    """SystemPropertiesArray marks a batch: one event per body, fields per item."""
    systems: list[dict[str, object]] = [
        {**SYSTEM, "SequenceNumber": i, "Offset": 10 * i, "iothub-x": "y"} for i in (1, 2)
    ]
    events = _batch(
        Datum([b"a", b"b"], "collection_bytes"), _batch_metadata(systems, [{"n": 1}, {"n": 2}])
    )
    assert [e.get_body() for e in events] == [b"a", b"b"]
    assert [e.sequence_number for e in events] == [1, 2]
    assert [e.offset for e in events] == ["10", "20"]  # always str (the reference: int here)
    assert [e.properties for e in events] == [{"n": 1}, {"n": 2}]
    assert [e.iothub_metadata for e in events] == [{"x": "y"}, {"x": "y"}]
    assert events[0].enqueued_time == WHEN
    assert events[0].metadata == events[1].metadata


def test_decode_batch_from_worker_protobuf_and_strings() -> None:
    """The worker's collection holders (.string/.bytes) work like lists."""
    holder = types.SimpleNamespace(string=["a", "é"])
    events = _batch(Datum(holder, "collection_string"), _batch_metadata([{}, {}], [{}, {}]))
    assert [e.get_body() for e in events] == [b"a", "é".encode()]


def test_decode_iot_hub_json_batch() -> None:
    """An IoT Hub batch arrives as a JSON array; each item is re-serialised as a body."""
    events = _batch(Datum('[{"d": 1}, {"d": 2}]', "json"), _batch_metadata([{}, {}], [{}, {}]))
    assert [e.get_json() for e in events] == [{"d": 1}, {"d": 2}]


def test_decode_batch_without_arrays_or_metadata() -> None:
    """Collection data alone is a batch; missing arrays leave the fields empty."""
    events = _batch(Datum([b"a"], "collection_bytes"), None)
    assert events == [EventHubEvent(body=b"a", iothub_metadata={})]


def test_decode_batch_length_mismatch() -> None:
    """A metadata array with the wrong length raises ValueError."""
    with pytest.raises(ValueError, match="'SystemPropertiesArray' has 1 items for 2 events"):
        _trigger(Datum([b"a", b"b"], "collection_bytes"), _batch_metadata([{}], [{}, {}]))


def test_decode_rejects_other_payloads() -> None:
    """An int payload is not an event."""
    with pytest.raises(NotImplementedError, match="unsupported event data payload type: int"):
        _trigger(Datum(1, "int"), _single_metadata())


def test_non_trigger_decode() -> None:
    """The eventHub binding decodes bodies without metadata, single or collection."""
    assert EventHubConverter.decode(Datum("x", "string"), trigger_metadata=None) == EventHubEvent(
        body=b"x"
    )
    assert EventHubConverter.decode(Datum([b"a"], "collection_bytes"), trigger_metadata=None) == [
        EventHubEvent(body=b"a")
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", Datum("text", "string")),
        (b"raw", Datum(b"raw", "bytes")),
        (3, Datum(3, "int")),
        (["a", "b"], Datum('["a", "b"]', "json")),
        ({"a": 1}, Datum('{"a": 1}', "json")),
        (EventHubEvent(body=b"e"), Datum(b"e", "bytes")),
    ],
)
def test_encode_outputs(value: object, expected: Datum) -> None:
    """Outputs encode as the host takes them."""
    assert EventHubConverter.encode(value, expected_type=None) == expected
    assert EventHubTriggerConverter.encode(value, expected_type=None) == expected


def test_encode_unsupported_returns_none() -> None:
    """Unsupported outputs encode to None (the reference sends a null datum)."""
    assert EventHubConverter.encode(1.5, expected_type=None) is None
    assert EventHubConverter.encode([b"bytes"], expected_type=None) is None


def test_annotation_checks_and_registry() -> None:
    """In: an event or a list of them; out: str, bytes, lists of str and the like."""
    assert EventHubTriggerConverter.check_input_type_annotation(EventHubEvent)
    assert EventHubTriggerConverter.check_input_type_annotation(
        typing.cast("type", list[EventHubEvent])
    )
    assert not EventHubTriggerConverter.check_input_type_annotation(str)
    assert EventHubConverter.check_output_type_annotation(typing.cast("type", list[str]))
    assert EventHubConverter.check_output_type_annotation(bytes)
    assert not EventHubConverter.check_output_type_annotation(float)
    registry = get_binding_registry()
    assert registry.get("eventHub") is EventHubConverter
    assert registry.get("eventHubTrigger") is EventHubTriggerConverter
    assert EventHubTriggerConverter.has_trigger_support()
    assert not EventHubConverter.has_trigger_support()


def test_docs_style_batch_function() -> None:
    """A cardinality-many function gets a list of built events; its output goes to an Out."""

    def main(events: list[EventHubEvent], out: Out[str]) -> None:
        total = sum(typing.cast("dict[str, int]", e.get_json())["t"] for e in events)
        out.set(str(total))

    out = Out[str]()
    main([EventHubEvent(body='{"t": 1}'), EventHubEvent(body='{"t": 2}')], out)
    assert out.get() == "3"


TIMES = st.datetimes(
    min_value=datetime.datetime(1970, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.just(UTC),
)
EVENTS = st.builds(
    EventHubEvent,
    body=st.binary(max_size=16),
    enqueued_time=TIMES,
    partition_key=st.none() | st.text(max_size=5),
    sequence_number=st.integers(min_value=0, max_value=2**40),
    offset=st.integers(min_value=0).map(str),
    iothub_metadata=st.just({}),
    properties=st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def _system(event: EventHubEvent) -> dict[str, object]:
    moment = event.enqueued_time
    assert moment is not None
    return {
        "EnqueuedTimeUtc": moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z",
        "SequenceNumber": event.sequence_number,
        "Offset": event.offset,
        "PartitionKey": event.partition_key,
    }


@FAST
@given(st.lists(EVENTS, max_size=4))
def test_batch_round_trip(events: list[EventHubEvent]) -> None:
    """A batch sent as the host sends it decodes back to equal events."""
    systems = [_system(e) for e in events]
    meta = _batch_metadata(systems, [e.properties for e in events])
    decoded = _batch(Datum([e.get_body() for e in events], "collection_bytes"), meta)
    expected = [
        EventHubEvent(
            body=e.get_body(),
            enqueued_time=e.enqueued_time,
            partition_key=e.partition_key,
            sequence_number=e.sequence_number,
            offset=e.offset,
            iothub_metadata={},
            properties=e.properties,
            system_properties=s,
        )
        for e, s in zip(events, systems, strict=False)
    ]
    assert decoded == expected


def _ref_datum(ref: ModuleType, datum: Datum) -> object:
    if datum.type == "collection_bytes":
        return ref.meta.Datum(types.SimpleNamespace(bytes=datum.value), datum.type)
    return ref.meta.Datum(datum.value, datum.type)


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """Single events and batches decode to the reference's fields (offsets as str here)."""
    converter = ref.eventhub.EventHubTriggerConverter
    meta = _single_metadata(**{"iothub-connection-device-id": Datum("dev", "string")})
    theirs = converter.decode(
        _ref_datum(ref, Datum("x", "string")),
        trigger_metadata={k: _ref_datum(ref, v) for k, v in meta.items()},
    )
    ours = _trigger(Datum("x", "string"), meta)
    names = (
        "partition_key",
        "sequence_number",
        "offset",
        "enqueued_time",
        "iothub_metadata",
        "metadata",
    )
    for name in names:
        assert getattr(ours, name) == getattr(theirs, name), name
    systems: list[dict[str, object]] = [{**SYSTEM, "Offset": 5}, {**SYSTEM, "iothub-a": "b"}]
    meta = _batch_metadata(systems, [{}, {}])
    data = Datum([b"a", b"b"], "collection_bytes")
    theirs = converter.decode(
        _ref_datum(ref, data), trigger_metadata={k: _ref_datum(ref, v) for k, v in meta.items()}
    )
    ours = _batch(data, meta)
    for mine, other in zip(ours, theirs, strict=False):
        assert mine.get_body() == other.get_body()
        for name in ("partition_key", "sequence_number", "enqueued_time", "iothub_metadata"):
            assert getattr(mine, name) == getattr(other, name), name
        assert mine.offset == str(other.offset)


def test_metadata_is_none_without_trigger_metadata() -> None:
    """Events decoded without metadata report metadata None, single or batch."""
    assert _batch(Datum([b"a"], "collection_bytes"), None)[0].metadata is None
    single = _trigger(Datum(b"a", "bytes"), None)
    assert isinstance(single, EventHubEvent)
    assert single.metadata is None
