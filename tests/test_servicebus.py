# pyright: strict
"""``ServiceBusMessage`` and the ``serviceBus``/``serviceBusTrigger`` converters."""

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

from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.out import Out
from azfn.servicebus import ServiceBusMessage
from azfn.servicebus import ServiceBusMessageInConverter
from azfn.servicebus import ServiceBusMessageOutConverter

FAST = settings(max_examples=25, deadline=None, database=None)
UTC = datetime.timezone.utc
WHEN = datetime.datetime(2024, 5, 1, 12, 30, 0, 123456, tzinfo=UTC)
STAMP = "2024-05-01T12:30:00.1234567Z"

# property -> (metadata key, a value as the host sends it, the Python value)
FIELDS: dict[str, tuple[str, object, object]] = {
    "content_type": ("ContentType", "application/json", "application/json"),
    "correlation_id": ("CorrelationId", "c", "c"),
    "dead_letter_error_description": ("DeadLetterErrorDescription", "d", "d"),
    "dead_letter_reason": ("DeadLetterReason", "r", "r"),
    "dead_letter_source": ("DeadLetterSource", "q", "q"),
    "delivery_count": ("DeliveryCount", 2, 2),
    "enqueued_sequence_number": ("EnqueuedSequenceNumber", 5, 5),
    "enqueued_time_utc": ("EnqueuedTimeUtc", STAMP, WHEN),
    "expires_at_utc": ("ExpiresAtUtc", STAMP, WHEN),
    "label": ("Label", "l", "l"),
    "locked_until": ("LockedUntil", STAMP, WHEN),
    "lock_token": ("LockToken", "t", "t"),
    "message_id": ("MessageId", "m", "m"),
    "partition_key": ("PartitionKey", "p", "p"),
    "reply_to": ("ReplyTo", "rt", "rt"),
    "reply_to_session_id": ("ReplyToSessionId", "rs", "rs"),
    "scheduled_enqueue_time_utc": ("ScheduledEnqueueTimeUtc", STAMP, WHEN),
    "sequence_number": ("SequenceNumber", 9, 9),
    "session_id": ("SessionId", "s", "s"),
    "state": ("State", 0, 0),
    "subject": ("Subject", "sub", "sub"),
    "time_to_live": ("TimeToLive", "14.00:00:00", datetime.timedelta(days=14)),
    "to": ("To", "dest", "dest"),
    "transaction_partition_key": ("TransactionPartitionKey", "tp", "tp"),
    "application_properties": ("ApplicationProperties", {"a": 1}, {"a": 1}),
    "user_properties": ("UserProperties", {"a": 1}, {"a": 1}),
}


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _datum(value: object) -> Datum:
    if isinstance(value, dict):
        return Datum(json.dumps(value), "json")
    return Datum(value, "int" if isinstance(value, int) else "string")


def _single_metadata() -> dict[str, Datum]:
    return {key: _datum(wire) for key, wire, _ in FIELDS.values()}


def _decode(
    data: Datum, meta: dict[str, Datum] | None
) -> ServiceBusMessage | list[ServiceBusMessage]:
    return ServiceBusMessageInConverter.decode(data, trigger_metadata=meta)


def _one(data: Datum, meta: dict[str, Datum] | None) -> ServiceBusMessage:
    message = _decode(data, meta)
    assert isinstance(message, ServiceBusMessage)
    return message


def _many(data: Datum, meta: dict[str, Datum] | None) -> list[ServiceBusMessage]:
    messages = _decode(data, meta)
    assert isinstance(messages, list)
    return messages


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_every_property_is_settable_through_the_constructor(name: str) -> None:
    """Each property the host delivers can be given to the constructor."""
    value = FIELDS[name][2]
    message = ServiceBusMessage(**typing.cast("dict[str, typing.Any]", {name: value}))
    assert getattr(message, name) == value


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_properties_are_read_only(name: str) -> None:
    """Properties cannot be assigned, as on the reference."""
    with pytest.raises(AttributeError, match="has no setter"):
        setattr(ServiceBusMessage(), name, None)


def test_defaults_match_the_reference_top_level_class() -> None:
    """Unset properties are None; message_id is '' and the property bags are {}."""
    message = ServiceBusMessage()
    assert (message.get_body(), message.message_id) == (b"", "")
    assert (message.application_properties, message.user_properties, message.metadata) == (
        {},
        {},
        None,
    )
    assert all(
        getattr(message, n) is None
        for n in FIELDS
        if n not in {"message_id", "application_properties", "user_properties"}
    )


def test_property_bag_and_old_names_are_aliases() -> None:
    """application/user properties mirror each other; the old time names read the new ones."""
    message = ServiceBusMessage(
        application_properties={"a": 1}, expiration_time=WHEN, scheduled_enqueue_time=WHEN
    )
    assert message.user_properties == {"a": 1}
    assert message.expires_at_utc == message.expiration_time == WHEN
    assert message.scheduled_enqueue_time_utc == message.scheduled_enqueue_time == WHEN
    assert ServiceBusMessage(user_properties={"b": 2}).application_properties == {"b": 2}


def test_body_get_json_equality_and_repr() -> None:
    """str bodies are encoded; get_json parses; messages compare by value; the repr is short."""
    message = ServiceBusMessage(body='{"n": 1}', message_id="m", sequence_number=3)
    assert message.get_json() == {"n": 1}
    assert message == ServiceBusMessage(body=b'{"n": 1}', message_id="m", sequence_number=3)
    assert message != ServiceBusMessage(body=b'{"n": 1}', message_id="m")
    assert (
        repr(message) == "<ServiceBusMessage message_id='m' body=b'{\"n\": 1}' sequence_number=3>"
    )
    with pytest.raises(
        TypeError, match="body of a ServiceBusMessage must be str, bytes or bytearray, got int"
    ):
        ServiceBusMessage(body=typing.cast("str", 1))


def test_decode_single_reads_every_key() -> None:
    """UserProperties marks one message; every property comes from its PascalCase key."""
    message = _one(Datum('{"n": 1}', "json"), _single_metadata())
    for name, (_, _, value) in FIELDS.items():
        assert getattr(message, name) == value, name
    assert message.get_body() == b'{"n": 1}'
    metadata = message.metadata
    assert metadata is not None
    assert metadata["MessageId"] == "m"


def test_decode_single_without_payload() -> None:
    """A message without a payload has an empty body."""
    assert _one(Datum(None, None), {"UserProperties": Datum("{}", "json")}).get_body() == b""


def test_decode_single_rejects_other_payloads() -> None:
    """An int payload is refused."""
    with pytest.raises(NotImplementedError, match="unsupported service bus payload type: int"):
        _decode(Datum(1, "int"), {"UserProperties": Datum("{}", "json")})


def test_decode_batch_reads_arrays() -> None:
    """UserPropertiesArray marks a batch; item i of each *Array key is message i's."""
    meta = {
        "UserPropertiesArray": Datum('[{"a": 1}, {"a": 2}]', "json"),
        "MessageIdArray": Datum(types.SimpleNamespace(string=["m1", "m2"]), "collection_string"),
        "SequenceNumberArray": Datum([10, 11], "collection_sint64"),
        "EnqueuedTimeUtcArray": Datum(json.dumps([STAMP, STAMP]), "json"),
        "TimeToLiveArray": Datum('["00:05:00", "00:10:00"]', "json"),
        "CorrelationIdArray": Datum("[]", "json"),
    }
    messages = _many(Datum([b"x", b"y"], "collection_bytes"), meta)
    assert [m.get_body() for m in messages] == [b"x", b"y"]
    assert [m.message_id for m in messages] == ["m1", "m2"]
    assert [m.sequence_number for m in messages] == [10, 11]
    assert [m.user_properties for m in messages] == [{"a": 1}, {"a": 2}]
    assert [m.application_properties for m in messages] == [{"a": 1}, {"a": 2}]
    assert [m.time_to_live for m in messages] == [
        datetime.timedelta(minutes=5),
        datetime.timedelta(minutes=10),
    ]
    assert messages[0].enqueued_time_utc == WHEN
    assert [m.correlation_id for m in messages] == [
        None,
        None,
    ]  # an empty array: None, as the reference
    assert messages[0].metadata == messages[1].metadata


def test_decode_batch_json_and_strings() -> None:
    """JSON array bodies are re-serialised; string collections are encoded."""
    meta = {"UserPropertiesArray": Datum("[{}, {}]", "json")}
    assert [m.get_json() for m in _many(Datum('[{"a": 1}, [2]]', "json"), meta)] == [{"a": 1}, [2]]
    assert [m.get_body() for m in _many(Datum(["é"], "collection_string"), None)] == ["é".encode()]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", Datum("text", "string")),
        (b"raw", Datum(b"raw", "bytes")),
        ({"a": 1}, Datum('{"a": 1}', "json")),
        (["a", {"b": 2}], Datum('["a", {"b": 2}]', "json")),
        (ServiceBusMessage(body="x"), Datum(b"x", "bytes")),
    ],
)
def test_encode_outputs(value: object, expected: Datum) -> None:
    """str and bytes as the reference; dicts, lists and messages as well."""
    assert ServiceBusMessageOutConverter.encode(value, expected_type=None) == expected


def test_encode_unsupported_returns_none() -> None:
    """Values the host cannot take encode to None."""
    assert ServiceBusMessageOutConverter.encode(1, expected_type=None) is None
    assert ServiceBusMessageOutConverter.encode([b"x"], expected_type=None) is None


def test_annotation_checks_and_registry() -> None:
    """In: a message or a list of them; out: str, bytes, dicts, lists."""
    assert ServiceBusMessageInConverter.check_input_type_annotation(ServiceBusMessage)
    assert ServiceBusMessageInConverter.check_input_type_annotation(
        typing.cast("type", list[ServiceBusMessage])
    )
    assert not ServiceBusMessageInConverter.check_input_type_annotation(str)
    assert ServiceBusMessageOutConverter.check_output_type_annotation(str)
    assert ServiceBusMessageOutConverter.check_output_type_annotation(
        typing.cast("type", list[str])
    )
    assert not ServiceBusMessageOutConverter.check_output_type_annotation(int)
    registry = get_binding_registry()
    assert registry.get("serviceBus") is ServiceBusMessageOutConverter
    assert registry.get("serviceBusTrigger") is ServiceBusMessageInConverter


def test_docs_style_service_bus_function() -> None:
    """The docs' function logs message fields; a built message with them is enough."""

    def main(msg: ServiceBusMessage, out: Out[str]) -> None:
        out.set(f"{msg.message_id}:{msg.delivery_count}:{msg.user_properties['tenant']}")

    out = Out[str]()
    main(
        ServiceBusMessage(
            body="x", message_id="m1", delivery_count=1, user_properties={"tenant": "t"}
        ),
        out,
    )
    assert out.get() == "m1:1:t"


TEXT = st.none() | st.text(max_size=6)
TIMES = st.none() | st.datetimes(
    min_value=datetime.datetime(1970, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.just(UTC),
)
MESSAGES = st.builds(
    ServiceBusMessage,
    body=st.binary(max_size=12),
    message_id=st.text(min_size=1, max_size=6),
    session_id=TEXT,
    delivery_count=st.none() | st.integers(min_value=1, max_value=100),
    sequence_number=st.none() | st.integers(min_value=0, max_value=2**50),
    enqueued_time_utc=TIMES,
    time_to_live=st.none()
    | st.timedeltas(min_value=datetime.timedelta(0), max_value=datetime.timedelta(days=99)).map(
        lambda d: datetime.timedelta(seconds=int(d.total_seconds()))
    ),
    application_properties=st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _wire(message: ServiceBusMessage) -> dict[str, object]:
    """The host's metadata values for *message* (None for unset fields)."""
    ttl = message.time_to_live
    span = None
    if ttl is not None:
        hours, rest = divmod(ttl.seconds, 3600)
        span = f"{ttl.days}.{hours:02}:{rest // 60:02}:{rest % 60:02}"
    stamp = message.enqueued_time_utc
    return {
        "MessageId": message.message_id,
        "SessionId": message.session_id,
        "DeliveryCount": message.delivery_count,
        "SequenceNumber": message.sequence_number,
        "EnqueuedTimeUtc": stamp.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z" if stamp else None,
        "TimeToLive": span,
        "ApplicationProperties": message.application_properties,
        "UserProperties": message.user_properties,
    }


@FAST
@given(MESSAGES)
def test_single_round_trip(message: ServiceBusMessage) -> None:
    """A message sent as the host sends it decodes back equal."""
    meta = {k: _datum(v) for k, v in _wire(message).items() if v is not None}
    assert _one(Datum(message.get_body(), "bytes"), meta) == message


@FAST
@given(st.lists(MESSAGES, min_size=1, max_size=3))
def test_batch_round_trip(messages: list[ServiceBusMessage]) -> None:
    """A batch sent as the host sends it (one array per key) decodes back equal."""
    wires = [_wire(m) for m in messages]
    meta = {key + "Array": Datum(json.dumps([w[key] for w in wires]), "json") for key in wires[0]}
    assert _many(Datum([m.get_body() for m in messages], "collection_bytes"), meta) == messages


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """The reference decodes the same single message and batch to the same properties."""
    converter = ref.servicebus.ServiceBusMessageInConverter
    meta = _single_metadata()
    meta["TimeToLive"] = Datum("00:05:00", "string")  # the reference cannot parse days
    theirs = converter.decode(
        ref.meta.Datum('{"n": 1}', "json"),
        trigger_metadata={k: ref.meta.Datum(v.value, v.type) for k, v in meta.items()},
    )
    ours = _one(Datum('{"n": 1}', "json"), meta)
    for name in [*FIELDS, "expiration_time", "scheduled_enqueue_time", "metadata"]:
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.get_body() == theirs.get_body()
    batch = {
        "UserPropertiesArray": Datum('[{"a": 1}, {}]', "json"),
        "MessageIdArray": Datum('["m1", "m2"]', "json"),
    }
    ref_batch = {k: ref.meta.Datum(v.value, v.type) for k, v in batch.items()}
    ref_data = ref.meta.Datum(types.SimpleNamespace(bytes=[b"x", b"y"]), "collection_bytes")
    theirs_list = converter.decode(ref_data, trigger_metadata=ref_batch)
    ours_list = _many(Datum([b"x", b"y"], "collection_bytes"), batch)
    for mine, other in zip(ours_list, theirs_list, strict=False):
        assert (mine.get_body(), mine.message_id, mine.user_properties) == (
            other.get_body(),
            other.message_id,
            other.user_properties,
        )


def test_metadata_is_none_without_trigger_metadata() -> None:
    """Messages decoded without metadata report metadata None, single or batch."""
    assert _one(Datum(b"a", "bytes"), None).metadata is None
    assert _many(Datum([b"a"], "collection_bytes"), None)[0].metadata is None
