# pyright: strict
"""Kafka events and converters behave as the reference's, minus its bugs."""

from __future__ import annotations

import json
import typing
from types import ModuleType
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.kafka import KafkaConverter
from azfn.kafka import KafkaEvent
from azfn.kafka import KafkaTriggerConverter
from azfn.meta import Datum
from azfn.meta import get_binding_registry

FAST = settings(max_examples=40, deadline=None, database=None)

HEADERS = '[{"Key": "h", "Value": "dg=="}]'
METADATA = {
    "Key": Datum("k1", "string"),
    "Offset": Datum(5, "int"),
    "Partition": Datum(2, "int"),
    "Topic": Datum("orders", "string"),
    "Timestamp": Datum("2024-01-01T00:00:00", "string"),
    "Headers": Datum(HEADERS, "json"),
}


def _single(data: Datum, metadata: dict[str, Datum] | None) -> KafkaEvent:
    event = KafkaTriggerConverter.decode(data, trigger_metadata=metadata)
    assert isinstance(event, KafkaEvent)
    return event


def _many(data: Datum, metadata: dict[str, Datum] | None) -> list[KafkaEvent]:
    events = KafkaTriggerConverter.decode(data, trigger_metadata=metadata)
    assert isinstance(events, list)
    return events


def _many_metadata(holder: bool) -> dict[str, Datum]:
    """Two events' metadata; *holder* wraps collections as the worker's protobuf does."""

    def collection(items: list[Any], field: str) -> object:
        return SimpleNamespace(**{field: items}) if holder else items

    return {
        "KeyArray": Datum('["a", "b"]', "json"),
        "OffsetArray": Datum(collection([1, 2], "sint64"), "collection_sint64"),
        "PartitionArray": Datum("[0, 1]", "json"),
        "TopicArray": Datum(collection(["t", "t"], "string"), "collection_string"),
        "TimestampArray": Datum('["2024", "2025"]', "json"),
        "HeadersArray": Datum('[[], [{"Key": "a", "Value": "b"}]]', "json"),
    }


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


def test_event_constructor_sets_every_field() -> None:
    """Every field the host delivers can be passed to the constructor."""
    event = KafkaEvent(
        body=b"hi",
        key="k",
        offset=42,
        partition=3,
        topic="orders",
        timestamp="2024-01-01T00:00:00",
        headers=[{"Key": "h", "Value": "dg=="}],
        trigger_metadata={"Topic": Datum("orders", "string"), "Plain": 1},
    )
    assert event.get_body() == b"hi"
    assert (event.key, event.offset, event.partition) == ("k", 42, 3)
    assert (event.topic, event.timestamp) == ("orders", "2024-01-01T00:00:00")
    assert event.headers == [{"Key": "h", "Value": "dg=="}]
    assert event.metadata == {"Topic": "orders", "Plain": 1}


def test_event_defaults() -> None:
    """Only the body is required; metadata is None without trigger metadata."""
    event = KafkaEvent(body=b"")
    fields = (event.key, event.offset, event.partition, event.topic, event.timestamp)
    assert fields == (None,) * 5
    assert event.headers is None
    assert event.metadata is None


def test_repr_shows_partition_not_offset() -> None:
    """The repr shows the partition as partition (the reference prints the offset twice)."""
    text = repr(KafkaEvent(body=b"x", partition=2, offset=5, topic="t", key="k"))
    assert text == "KafkaEvent(body=b'x', topic='t', partition=2, offset=5, key='k')"


def test_repr_truncates_long_bodies() -> None:
    """Long bodies are shortened in the repr."""
    assert "..." in repr(KafkaEvent(body=b"x" * 500))


def test_events_compare_by_value() -> None:
    """Events with equal fields are equal and hash alike."""
    first = KafkaEvent(body=b"x", offset=1, topic="t")
    second = KafkaEvent(body=b"x", offset=1, topic="t")
    assert first == second
    assert hash(first) == hash(second)
    assert first != KafkaEvent(body=b"x", offset=2, topic="t")


def test_registered_keys() -> None:
    """kafka and kafkaTrigger map to the converters; neither has implicit output."""
    registry = get_binding_registry()
    assert registry.get("kafka") is KafkaConverter
    assert registry.get("kafkaTrigger") is KafkaTriggerConverter
    assert KafkaTriggerConverter.has_trigger_support()
    assert not KafkaConverter.has_trigger_support()
    assert not KafkaTriggerConverter.has_implicit_output()


def test_single_event_reads_metadata() -> None:
    """One event takes Key/Offset/Partition/Topic/Timestamp/Headers from the metadata."""
    event = _single(Datum("hello", "string"), METADATA)
    assert event.get_body() == b"hello"
    assert (event.key, event.offset, event.partition, event.topic) == ("k1", 5, 2, "orders")
    assert event.timestamp == "2024-01-01T00:00:00"
    assert event.headers == [{"Key": "h", "Value": "dg=="}]
    assert event.metadata is not None
    assert event.metadata["Headers"] == HEADERS


@pytest.mark.parametrize(
    ("data", "body"),
    [(Datum('{"a":1}', "json"), b'{"a":1}'), (Datum(b"\x00", "bytes"), b"\x00")],
)
def test_single_event_body_types(data: Datum, body: bytes) -> None:
    """JSON text is UTF-8 encoded and bytes pass through."""
    assert _single(data, {}).get_body() == body


def test_metadata_is_coerced() -> None:
    """Metadata values are coerced to their field's type; JSON values are parsed."""
    event = _single(
        Datum("x", "string"),
        {"Offset": Datum("5", "string"), "Key": Datum('"k"', "json"), "Topic": Datum(7, "int")},
    )
    assert (event.offset, event.key, event.topic) == (5, "k", "7")


def test_bad_metadata_raises() -> None:
    """A value that cannot be coerced or has an unsupported type raises ValueError."""
    with pytest.raises(ValueError, match="cannot convert value of field 'Offset'"):
        _single(Datum("x", "string"), {"Offset": Datum("five", "string")})
    with pytest.raises(ValueError, match="unsupported type"):
        _single(Datum("x", "string"), {"Key": Datum(b"k", "bytes")})


def test_headers_sent_as_string_are_parsed() -> None:
    """Headers as JSON text are parsed (the reference splits the text into characters)."""
    event = _single(Datum("x", "string"), {"Headers": Datum("[]", "string")})
    assert event.headers == []


def test_unsupported_payload_raises() -> None:
    """An int payload raises NotImplementedError."""
    with pytest.raises(NotImplementedError, match="int"):
        KafkaTriggerConverter.decode(Datum(1, "int"), trigger_metadata={})


@pytest.mark.parametrize("holder", [True, False])
def test_many_events(holder: bool) -> None:
    """A collection gives one event per item with its per-event metadata."""
    bodies = [b"1", b"2"]
    data = Datum(SimpleNamespace(bytes=bodies) if holder else bodies, "collection_bytes")
    events = _many(data, _many_metadata(holder))
    assert [e.get_body() for e in events] == [b"1", b"2"]
    assert [e.key for e in events] == ["a", "b"]
    assert [e.offset for e in events] == [1, 2]
    assert [e.partition for e in events] == [0, 1]
    assert [e.topic for e in events] == ["t", "t"]
    assert [e.timestamp for e in events] == ["2024", "2025"]
    assert [e.headers for e in events] == [[], [{"Key": "a", "Value": "b"}]]


def test_many_string_events() -> None:
    """collection_string bodies are UTF-8 encoded."""
    events = _many(Datum(["é", "b"], "collection_string"), _many_metadata(False))
    assert [e.get_body() for e in events] == ["é".encode(), b"b"]


def test_many_events_without_metadata_arrays() -> None:
    """Missing arrays give None fields (the reference raises UnboundLocalError/AssertionError)."""
    events = _many(Datum([b"1", b"2"], "collection_bytes"), {})
    assert [(e.key, e.offset, e.topic, e.headers) for e in events] == [(None,) * 4] * 2


def test_many_events_length_mismatch_raises() -> None:
    """An array whose length differs from the events raises ValueError naming it."""
    with pytest.raises(ValueError, match="'KeyArray' has 2 items for 1 events"):
        _many(Datum([b"1"], "collection_bytes"), {"KeyArray": Datum('["a", "b"]', "json")})


def test_plain_kafka_converter_ignores_metadata() -> None:
    """The kafka (non-trigger) converter builds bare events."""
    event = KafkaConverter.decode(Datum("x", "string"), trigger_metadata=METADATA)
    assert isinstance(event, KafkaEvent)
    assert event.key is None
    assert event.metadata is None
    events = KafkaConverter.decode(Datum([b"1"], "collection_bytes"), trigger_metadata=None)
    assert events == [KafkaEvent(body=b"1")]


@pytest.mark.parametrize("obj", ["text", b"bytes", ["a"], None])
def test_encode_is_left_to_the_generic_converter(obj: object) -> None:
    """encode returns None: str/bytes outputs go through the worker's generic path."""
    assert KafkaTriggerConverter.encode(obj, expected_type=None) is None


def test_annotation_checks() -> None:
    """Inputs: KafkaEvent or iterables of it; outputs: str, bytes, iterables of str."""
    check_in = KafkaTriggerConverter.check_input_type_annotation
    check_out = KafkaTriggerConverter.check_output_type_annotation
    assert check_in(KafkaEvent)
    assert check_in(typing.List[KafkaEvent])  # noqa: UP006
    assert check_in(typing.Iterable[KafkaEvent])
    assert not check_in(str)
    assert not check_in(typing.Optional[KafkaEvent])  # noqa: UP045
    assert check_out(str)
    assert check_out(bytes)
    assert check_out(typing.List[str])  # noqa: UP006
    assert not check_out(typing.List[bytes])  # noqa: UP006
    assert not check_out(int)


def test_builtin_generic_annotations_are_accepted() -> None:
    """list[KafkaEvent] and list[str] are accepted (the reference only knows typing.List)."""
    assert KafkaTriggerConverter.check_input_type_annotation(list[KafkaEvent])
    assert KafkaTriggerConverter.check_output_type_annotation(list[str])


TEXT = st.text(max_size=10)
INTS = st.integers(min_value=0, max_value=2**62)


FIELDS = st.fixed_dictionaries(
    {"key": TEXT, "offset": INTS, "partition": INTS, "topic": TEXT, "timestamp": TEXT}
)


@FAST
@given(st.binary(max_size=20), FIELDS)
def test_single_event_property(body: bytes, fields: dict[str, Any]) -> None:
    """Any metadata values come back on the event unchanged."""
    types = {"key": "string", "offset": "int", "partition": "int", "topic": "string"}
    metadata = {
        name.capitalize(): Datum(value, types.get(name, "string")) for name, value in fields.items()
    }
    event = _single(Datum(body, "bytes"), metadata)
    assert event == KafkaEvent(body=body, trigger_metadata=metadata, **fields)


@FAST
@given(st.lists(st.tuples(st.binary(max_size=8), TEXT, INTS, TEXT), max_size=5))
def test_many_events_property(records: list[tuple[bytes, str, int, str]]) -> None:
    """Per-event arrays are distributed item by item."""
    metadata = {
        "KeyArray": Datum(json.dumps([r[1] for r in records]), "json"),
        "OffsetArray": Datum([r[2] for r in records], "collection_sint64"),
        "TopicArray": Datum([r[3] for r in records], "collection_string"),
    }
    events = _many(Datum([r[0] for r in records], "collection_bytes"), metadata)
    assert [(e.get_body(), e.key, e.offset, e.topic) for e in events] == records


def _fields(event: Any) -> tuple[Any, ...]:
    return (
        event.get_body(),
        event.key,
        event.offset,
        event.partition,
        event.topic,
        event.timestamp,
        event.headers,
    )


def test_differential_single_event(ref: ModuleType) -> None:
    """A single event matches the reference's field for field."""
    their_metadata = {k: ref.meta.Datum(d.value, d.type) for k, d in METADATA.items()}
    theirs: Any = ref.kafka.KafkaTriggerConverter.decode(
        ref.meta.Datum("hello", "string"), trigger_metadata=their_metadata
    )
    ours = _single(Datum("hello", "string"), METADATA)
    assert _fields(ours) == _fields(theirs)
    assert ours.metadata == theirs.metadata


def test_differential_many_events(ref: ModuleType) -> None:
    """Many events match the reference's when every array is present."""
    metadata = _many_metadata(True)
    their_metadata = {k: ref.meta.Datum(d.value, d.type) for k, d in metadata.items()}
    data = SimpleNamespace(string=["1", "2"])
    theirs: Any = ref.kafka.KafkaTriggerConverter.decode(
        ref.meta.Datum(data, "collection_string"), trigger_metadata=their_metadata
    )
    ours = _many(Datum(data, "collection_string"), metadata)
    assert [_fields(e) for e in ours] == [_fields(e) for e in theirs]


def test_differential_annotation_checks(ref: ModuleType) -> None:
    """Annotation checks agree with the reference for typing-module annotations."""
    theirs: Any = ref.kafka.KafkaTriggerConverter
    their_event: Any = ref.KafkaEvent
    pairs: list[tuple[object, object]] = [
        (KafkaEvent, their_event),
        (typing.List[KafkaEvent], typing.List[their_event]),  # noqa: UP006
        (str, str),
        (bytes, bytes),
        (typing.List[str], typing.List[str]),  # noqa: UP006
        (typing.List[bytes], typing.List[bytes]),  # noqa: UP006
        (int, int),
    ]
    for ours_type, their_type in pairs:
        assert KafkaTriggerConverter.check_input_type_annotation(
            ours_type
        ) == theirs.check_input_type_annotation(their_type)
        assert KafkaTriggerConverter.check_output_type_annotation(
            ours_type
        ) == theirs.check_output_type_annotation(their_type)
