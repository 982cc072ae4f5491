# pyright: strict
"""``QueueMessage`` and the ``queue``/``queueTrigger`` converters."""

from __future__ import annotations

import datetime
import json
import typing

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.out import Out
from azfn.queue import QueueMessage
from azfn.queue import QueueMessageInConverter
from azfn.queue import QueueMessageOutConverter

if typing.TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=25, deadline=None, database=None)
UTC = datetime.timezone.utc
TIMES = st.datetimes(
    min_value=datetime.datetime(1970, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.just(UTC),
)


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _dotnet(moment: datetime.datetime) -> str:
    """A timestamp as .NET writes it: seven fractional digits and Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"


def _host(msg: QueueMessage) -> tuple[Datum, dict[str, Datum]]:
    """The trigger data and metadata the host sends for *msg*."""
    meta: dict[str, Datum] = {"QueueTrigger": Datum(msg.get_body().decode(), "string")}
    if msg.id is not None:
        meta["Id"] = Datum(msg.id, "string")
    if msg.pop_receipt is not None:
        meta["PopReceipt"] = Datum(msg.pop_receipt, "string")
    if msg.dequeue_count is not None:
        meta["DequeueCount"] = Datum(msg.dequeue_count, "int")
    times = {
        "ExpirationTime": msg.expiration_time,
        "InsertionTime": msg.insertion_time,
        "NextVisibleTime": msg.time_next_visible,
    }
    meta.update({key: Datum(_dotnet(value), "string") for key, value in times.items() if value})
    return Datum(msg.get_body().decode(), "string"), meta


def _decode(data: Datum, meta: dict[str, Datum] | None) -> QueueMessage:
    return QueueMessageInConverter.decode(data, trigger_metadata=meta)


def test_constructor_takes_every_field() -> None:
    """The trigger-only fields are settable (the reference's top-level class returns None)."""
    when = datetime.datetime(2024, 1, 1, tzinfo=UTC)
    msg = QueueMessage(
        id="1",
        body="hello",
        pop_receipt="pr",
        dequeue_count=2,
        expiration_time=when,
        insertion_time=when,
        time_next_visible=when,
    )
    assert (msg.id, msg.get_body(), msg.pop_receipt, msg.dequeue_count) == ("1", b"hello", "pr", 2)
    assert msg.expiration_time == msg.insertion_time == msg.time_next_visible == when


def test_defaults_are_empty() -> None:
    """QueueMessage() has an empty body and no metadata."""
    msg = QueueMessage()
    assert msg.get_body() == b""
    assert (msg.id, msg.dequeue_count, msg.insertion_time) == (None, None, None)


def test_body_accepts_str_bytes_and_bytearray() -> None:
    """str is UTF-8 encoded; bytes-likes are kept as bytes."""
    assert QueueMessage(body="é").get_body() == "é".encode()
    assert QueueMessage(body=bytearray(b"x")).get_body() == b"x"


def test_bad_body_error_names_the_message_not_a_response() -> None:
    """The TypeError no longer says 'response is expected' (the reference's copy-paste)."""
    with pytest.raises(
        TypeError, match="body of a QueueMessage must be str, bytes or bytearray, got dict"
    ):
        QueueMessage(body=typing.cast("str", {}))


def test_get_json() -> None:
    """get_json parses the body; bad JSON raises ValueError."""
    assert QueueMessage(body='{"a": [1]}').get_json() == {"a": [1]}
    with pytest.raises(ValueError, match="Expecting value"):
        QueueMessage(body="nope").get_json()


def test_equality_and_repr() -> None:
    """Messages compare by every field; the repr shows id, body and delivery count."""
    assert QueueMessage(id="1", body="x") == QueueMessage(id="1", body=b"x")
    assert QueueMessage(id="1", body="x") != QueueMessage(id="1", body="x", dequeue_count=1)
    assert hash(QueueMessage(id="1")) == hash(QueueMessage(id="1"))
    assert repr(QueueMessage(id="1", body="x", dequeue_count=1)) == (
        "<QueueMessage id='1' body=b'x' dequeue_count=1>"
    )


def test_decode_reads_every_metadata_key() -> None:
    """Id, DequeueCount, the three times and PopReceipt come from the metadata."""
    meta = {
        "Id": Datum("abc", "string"),
        "DequeueCount": Datum(2, "int"),
        "ExpirationTime": Datum("2024-01-08T10:00:00+00:00", "string"),
        "InsertionTime": Datum("2024-01-01T10:00:00.1234567Z", "string"),
        "NextVisibleTime": Datum("2024-01-01T10:10:00Z", "string"),
        "PopReceipt": Datum("pr", "string"),
    }
    msg = _decode(Datum("hello", "string"), meta)
    assert msg == QueueMessage(
        id="abc",
        body="hello",
        pop_receipt="pr",
        dequeue_count=2,
        expiration_time=datetime.datetime(2024, 1, 8, 10, tzinfo=UTC),
        insertion_time=datetime.datetime(2024, 1, 1, 10, 0, 0, 123456, tzinfo=UTC),
        time_next_visible=datetime.datetime(2024, 1, 1, 10, 10, tzinfo=UTC),
    )


def test_decode_keeps_time_zone_offsets() -> None:
    """An offset other than UTC is kept (the reference raises ValueError)."""
    meta = {"ExpirationTime": Datum("2024-01-08T10:00:00-05:00", "string")}
    expiry = _decode(Datum("x", "string"), meta).expiration_time
    assert expiry == datetime.datetime(2024, 1, 8, 15, tzinfo=UTC)


def test_decode_coerces_numbers_sent_as_strings() -> None:
    """A DequeueCount sent as text is parsed; a non-number is a ValueError."""
    assert _decode(Datum("x", "string"), {"DequeueCount": Datum("3", "string")}).dequeue_count == 3
    with pytest.raises(ValueError, match="DequeueCount"):
        _decode(Datum("x", "string"), {"DequeueCount": Datum("three", "string")})


def test_decode_without_metadata_sets_only_the_body() -> None:
    """Missing metadata (the reference raises) gives a message with just the body."""
    assert _decode(Datum(b"raw", "bytes"), None) == QueueMessage(body=b"raw")


def test_decode_rejects_other_payloads() -> None:
    """Only text and bytes are queue payloads."""
    with pytest.raises(NotImplementedError, match="unsupported queue payload type: int"):
        _decode(Datum(1, "int"), {})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", Datum("text", "string")),
        (b"raw", Datum(b"raw", "bytes")),
        (QueueMessage(id="1", body="x"), Datum('{"id": "1", "body": "x"}', "json")),
        (["a", QueueMessage(id="2", body="b")], Datum('["a", {"id": "2", "body": "b"}]', "json")),
        (("a", "b"), Datum('["a", "b"]', "json")),
        ({"n": 1}, Datum('{"n": 1}', "json")),
    ],
)
def test_encode_outputs(value: object, expected: Datum) -> None:
    """str/bytes are one message; a QueueMessage is its JSON; iterables are several messages."""
    assert QueueMessageOutConverter.encode(value, expected_type=None) == expected


def test_encode_a_dict_is_one_json_message() -> None:
    """A dict is one JSON message (the reference iterates it and sends its keys)."""
    datum = QueueMessageOutConverter.encode({"a": 1, "b": 2}, expected_type=None)
    assert datum == Datum('{"a": 1, "b": 2}', "json")


@pytest.mark.parametrize("value", [1, 2.5, [b"bytes in a list"], [object()]])
def test_encode_unsupported_returns_none(value: object) -> None:
    """Values the host cannot take encode to None."""
    assert QueueMessageOutConverter.encode(value, expected_type=None) is None


def test_annotation_checks() -> None:
    """In: QueueMessage. Out: str, bytes, QueueMessage, dict, or an iterable of them."""
    assert QueueMessageInConverter.check_input_type_annotation(QueueMessage)
    assert not QueueMessageInConverter.check_input_type_annotation(str)
    outputs: list[object] = [str, bytes, QueueMessage, dict, list[str], typing.List[QueueMessage]]  # noqa: UP006
    for output in outputs:
        assert QueueMessageOutConverter.check_output_type_annotation(typing.cast("type", output))
    assert not QueueMessageOutConverter.check_output_type_annotation(int)
    assert not QueueMessageOutConverter.check_output_type_annotation(typing.cast("type", list[int]))


def test_registry_keys() -> None:
    """queue is the output converter and queueTrigger the trigger one."""
    registry = get_binding_registry()
    assert registry.get("queue") is QueueMessageOutConverter
    assert registry.get("queueTrigger") is QueueMessageInConverter
    assert QueueMessageInConverter.has_trigger_support()
    assert not QueueMessageOutConverter.has_trigger_support()


def test_docs_style_queue_function() -> None:
    """The docs' pattern: build the trigger message, call the function, check the Out."""

    def main(msg: QueueMessage, outmsg: Out[str]) -> None:
        order = typing.cast("dict[str, int]", msg.get_json())
        outmsg.set(json.dumps({"total": order["qty"] * 2, "attempt": msg.dequeue_count}))

    out = Out[str]()
    main(QueueMessage(id="1", body='{"qty": 3}', dequeue_count=1), out)
    assert json.loads(out.get() or "") == {"total": 6, "attempt": 1}


MESSAGES = st.builds(
    QueueMessage,
    id=st.none() | st.uuids().map(str),
    body=st.text(max_size=20),
    pop_receipt=st.none() | st.text(min_size=1, max_size=8),
    dequeue_count=st.none() | st.integers(min_value=1, max_value=10),
    expiration_time=st.none() | TIMES,
    insertion_time=st.none() | TIMES,
    time_next_visible=st.none() | TIMES,
)


@FAST
@given(MESSAGES)
def test_host_round_trip(msg: QueueMessage) -> None:
    """A message sent as the host sends it decodes back equal, timestamps included."""
    data, meta = _host(msg)
    assert _decode(data, meta) == msg


@FAST
@given(st.lists(MESSAGES, max_size=4))
def test_output_round_trip(messages: list[QueueMessage]) -> None:
    """An output list encodes id and body of each message, in order."""
    datum = QueueMessageOutConverter.encode(messages, expected_type=None)
    assert datum is not None
    sent = json.loads(typing.cast("str", datum.value))
    assert sent == [{"id": m.id, "body": m.get_body().decode()} for m in messages]


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """The reference decodes the same host data to the same fields."""
    when = datetime.datetime(2024, 1, 1, 10, 0, 0, 123456, tzinfo=UTC)
    msg = QueueMessage(
        id="1",
        body="hi",
        pop_receipt="p",
        dequeue_count=3,
        insertion_time=when,
        expiration_time=when,
    )
    data, meta = _host(msg)
    ref_meta = {k: ref.meta.Datum(v.value, v.type) for k, v in meta.items()}
    theirs = ref.queue.QueueMessageInConverter.decode(
        ref.meta.Datum(data.value, data.type), trigger_metadata=ref_meta
    )
    ours = _decode(data, meta)
    names = (
        "id",
        "pop_receipt",
        "dequeue_count",
        "expiration_time",
        "insertion_time",
        "time_next_visible",
    )
    for name in names:
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.get_body() == theirs.get_body()


def test_same_encode_as_reference(ref: ModuleType) -> None:
    """Outputs the reference accepts encode to the same host data."""
    for value in ("text", b"raw", ["a", "b"]):
        theirs = ref.queue.QueueMessageOutConverter.encode(value, expected_type=None)
        assert QueueMessageOutConverter.encode(value, expected_type=None) == Datum(
            theirs.value, theirs.type
        )
    message = ref.QueueMessage(id="1", body="x")
    theirs = ref.queue.QueueMessageOutConverter.encode(message, expected_type=None)
    ours = QueueMessageOutConverter.encode(QueueMessage(id="1", body="x"), expected_type=None)
    assert ours == Datum(theirs.value, theirs.type)
