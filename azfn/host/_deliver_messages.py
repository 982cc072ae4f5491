# pyright: strict
"""Deliveries of messaging triggers: queues, Event Grid, Event Hubs, Service Bus, Kafka.

Each function turns what a test passes (an azfn type or a plain
``str``/``bytes``/``dict``/``list``) into the data and trigger metadata the
host sends (host-semantics §A7 and the metadata keys each type module
documents); values the test leaves out are generated as the host would.
"""

from __future__ import annotations

import datetime
import threading
import typing
from typing import TYPE_CHECKING
from typing import Generic
from typing import TypeVar

from azfn._ids import hex_id
from azfn._ids import uuid4
from azfn._metadata import WireMetadata
from azfn._metadata import body_bytes
from azfn._metadata import metadata_datetime
from azfn._metadata import metadata_int
from azfn._metadata import metadata_str
from azfn.eventgrid import CloudEvent
from azfn.eventgrid import EventGridEventOutConverter
from azfn.eventgrid import EventGridOutputEvent
from azfn.eventhub import EventHubEvent
from azfn.host._delivery import Call
from azfn.host._delivery import Delivery
from azfn.host._delivery import as_mapping
from azfn.host._delivery import body_of
from azfn.host._delivery import collection
from azfn.host._delivery import is_plain
from azfn.host._delivery import items_of
from azfn.host._delivery import json_object
from azfn.host._delivery import one_datum
from azfn.host._delivery import text_datum
from azfn.host._delivery import wrong_type
from azfn.kafka import KafkaEvent
from azfn.meta import Datum
from azfn.queue import QueueMessage
from azfn.servicebus import ServiceBusMessage

__all__ = [
    "DeliveredQueueMessage",
    "event_grid",
    "event_hub",
    "kafka",
    "queue",
    "queue_message",
    "service_bus",
]

if TYPE_CHECKING:
    from collections.abc import Callable

    # One item of a batch: its body and metadata fields (item, call, 1-based index).
    Parts = Callable[[object, Call, int], tuple[bytes | str, dict[str, object]]]

_T = TypeVar("_T")
_WEEK = datetime.timedelta(days=7)
_VISIBILITY = datetime.timedelta(minutes=10)
_LOCK = datetime.timedelta(minutes=1)


def queue(value: object, call: Call) -> Delivery:
    now = call.now
    if isinstance(value, QueueMessage):
        data = text_datum(value.get_body(), call.binding)
        inserted = value.insertion_time or now
        message_id = value.id or uuid4()
        dequeue_count = value.dequeue_count or 1
        expires = value.expiration_time or inserted + _WEEK
        visible = value.time_next_visible or now + _VISIBILITY
        pop_receipt = value.pop_receipt or _pop_receipt()
    else:
        # Text first: the common case, without the general plain-value checks.
        if isinstance(value, str):
            data = text_datum(value, call.binding)
        elif is_plain(value):
            data = text_datum(body_of(value), call.binding)
        else:
            raise wrong_type(call, value)
        message_id, dequeue_count, inserted = uuid4(), 1, now
        expires, visible = now + _WEEK, now + _VISIBILITY
        pop_receipt = _pop_receipt()
    metadata: dict[str, object] = {
        "QueueTrigger": data.value if isinstance(data.value, str) else None,
        "Id": message_id,
        "DequeueCount": dequeue_count,
        "InsertionTime": inserted,
        "ExpirationTime": expires,
        "NextVisibleTime": visible,
        "PopReceipt": pop_receipt,
    }
    return Delivery(data, metadata)


def _pop_receipt() -> str:
    # Opaque to the function; the service's are base64 text.
    return f"{hex_id(8)}AAAAAA=="


# The queue trigger's system keys by case fold. A JSON message's top-level
# properties override them, ignoring case (host-semantics §A6.2).
_QUEUE_KEYS = {
    key.casefold(): key
    for key in (
        "QueueTrigger",
        "Id",
        "DequeueCount",
        "InsertionTime",
        "ExpirationTime",
        "NextVisibleTime",
        "PopReceipt",
    )
}


def queue_message(value: object, call: Call) -> QueueMessage | None:
    """What :func:`queue` delivers for a plain *value*, as the trigger's converter reads it.

    The direct path: the message the function would get, without the wire
    data in between, read with the converter's own readers; the tests pin
    it to the wire path and the converter. ``None`` where only the wire path
    can tell: for an ``azfn.QueueMessage`` or a value of the wrong type, and
    for a JSON property the converter would refuse (the invocation fails).
    """
    text: object
    if isinstance(value, str) and call.binding.data_type != "binary":
        text = value  # what text_datum delivers, without the Datum
    elif is_plain(value):
        text = text_datum(body_of(value), call.binding).value
    else:
        return None
    if not isinstance(text, (str, bytes)):  # never: text_datum gives text or bytes
        return None
    message = DeliveredQueueMessage(text, call.now)
    if type(text) is str and _may_refuse(text) and not message.make():
        return None  # the converter refuses a property: the wire path fails the run
    return message


def _may_refuse(text: str) -> bool:
    """Whether *text* may hold a JSON property the converter refuses.

    Only ``DequeueCount`` and the three times can be refused (the other
    keys are read as text). A property overrides them when its key equals
    theirs ignoring case, so its name is in the case-folded text, unless
    the key is written with escapes.
    """
    folded = text.casefold()
    return (
        "\\" in folded
        or "dequeuecount" in folded
        or "insertiontime" in folded
        or "expirationtime" in folded
        or "nextvisibletime" in folded
    )


_MAKING = threading.Lock()  # held while a delivered message makes its metadata


class _MadeOnRead(Generic[_T]):
    """A metadata attribute of :class:`DeliveredQueueMessage` until it is made.

    A non-data descriptor: Python consults it only while the instance has
    no value of that name, so it costs nothing once the message is made.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, message: DeliveredQueueMessage | None, owner: type) -> _T:
        if message is None:  # on the class, absent as on QueueMessage
            raise AttributeError(self._name)
        made = message.make()
        assert made, "a message whose properties may be refused is made at delivery"
        return typing.cast("_T", vars(message)[self._name])


class DeliveredQueueMessage(QueueMessage):
    """A queue message from the direct path, its metadata made when first read.

    Most queue functions read only the body. Generating the id, pop receipt
    and times, and parsing a JSON message for properties that override them
    (host-semantics §A6.2), costs more than calling the function, so
    :meth:`make` waits until a metadata field is first read (or the message
    is compared, printed, copied or pickled), once whichever thread reads
    first. A message that may hold a property the converter refuses is made
    at delivery (see :func:`queue_message`), so that the invocation fails
    before the function runs, as on the wire path.
    """

    # QueueMessage's metadata attributes: read here until make() sets them.
    _id = _MadeOnRead[str | None]()
    _pop_receipt = _MadeOnRead[str | None]()
    _dequeue_count = _MadeOnRead[int | None]()
    _expiration_time = _MadeOnRead[datetime.datetime | None]()
    _insertion_time = _MadeOnRead[datetime.datetime | None]()
    _time_next_visible = _MadeOnRead[datetime.datetime | None]()

    def __init__(self, text: str | bytes, now: datetime.datetime) -> None:
        # Only the body: make() sets the metadata attributes.
        self._body = text.encode() if type(text) is str else body_bytes(text, "QueueMessage")
        self._pending: tuple[str | bytes, datetime.datetime] | None = (text, now)

    def make(self) -> bool:
        """Make every metadata field, as the converter reads the delivery (once).

        Returns:
            False if the converter refuses a JSON property of the message.
        """
        with _MAKING:
            pending = self._pending
            if pending is None:
                return True
            text, now = pending
            parsed = json_object(text) if type(text) is str else None
            overrides: dict[str, object] = {}
            if parsed:
                for key, item in parsed.items():  # as merge_binding_data does
                    system = _QUEUE_KEYS.get(key.casefold())
                    if system is not None and item is not None and not isinstance(item, list):
                        overrides[system] = item
            wire = WireMetadata(overrides) if overrides else None  # read only if overridden
            try:  # each field as the wire path has it: generated, or read as the converter reads it
                self._id = metadata_str(wire, "Id") if "Id" in overrides else uuid4()
                self._pop_receipt = (
                    metadata_str(wire, "PopReceipt")
                    if "PopReceipt" in overrides
                    else _pop_receipt()
                )
                self._dequeue_count = (
                    metadata_int(wire, "DequeueCount") if "DequeueCount" in overrides else 1
                )
                self._expiration_time = (
                    metadata_datetime(wire, "ExpirationTime")
                    if "ExpirationTime" in overrides
                    else now + _WEEK
                )
                self._insertion_time = (
                    metadata_datetime(wire, "InsertionTime")
                    if "InsertionTime" in overrides
                    else now
                )
                self._time_next_visible = (
                    metadata_datetime(wire, "NextVisibleTime")
                    if "NextVisibleTime" in overrides
                    else now + _VISIBILITY
                )
            except ValueError:  # a property the converter refuses: the message is dropped
                return False
            self._pending = None
            return True

    def __reduce__(self) -> tuple[type[QueueMessage], tuple[()], dict[str, object]]:
        # Copies and pickles are plain messages with the same fields.
        self.make()
        state = dict(vars(self))
        del state["_pending"]
        return QueueMessage, (), state


def event_grid(value: object, call: Call) -> Delivery:
    if isinstance(value, (EventGridOutputEvent, CloudEvent)) or as_mapping(value) is not None:
        datum = EventGridEventOutConverter.encode(value, expected_type=None)
        if datum is None:
            raise wrong_type(call, value)
        return Delivery(Datum(datum.value, "json"))
    if isinstance(value, str):
        return Delivery(Datum(value, "json"))
    raise wrong_type(call, value)


def _event_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    event = value if isinstance(value, EventHubEvent) else None
    if event is None and not is_plain(value):
        raise wrong_type(call, value)
    system: dict[str, object] = {
        "EnqueuedTimeUtc": (event.enqueued_time if event else None) or call.now,
        "SequenceNumber": event.sequence_number if event and event.sequence_number else index,
        "Offset": (event.offset if event else None) or str(index * 100),
        "PartitionKey": event.partition_key if event else None,
    }
    if event is not None:
        system.update(event.system_properties)
        system.update({f"iothub-{k}": v for k, v in (event.iothub_metadata or {}).items()})
    properties = event.properties if event else {}
    body = event.get_body() if event else body_of(value)
    return body, {"SystemProperties": system, "Properties": properties}


def event_hub(value: object, call: Call) -> Delivery:
    context = {
        "EventHubName": call.raw("eventHubName"),
        "ConsumerGroup": "$Default",
        "PartitionId": "0",
    }
    if not call.many():
        body, parts = _event_parts(value, call, 1)
        system = typing.cast("dict[str, object]", parts["SystemProperties"])
        return Delivery(one_datum(body, call), {**system, **parts, "PartitionContext": context})
    items = items_of(value)
    bodies: list[bytes | str] = []
    systems: list[object] = []
    properties: list[object] = []
    for index, item in enumerate(items, start=1):
        body, parts = _event_parts(item, call, index)
        bodies.append(body)
        systems.append(parts["SystemProperties"])
        properties.append(parts["Properties"])
    metadata: dict[str, object] = {
        "SystemPropertiesArray": systems,
        "PropertiesArray": properties,
        "PartitionContext": context,
    }
    return Delivery(collection(bodies), metadata)


_SB_FIELDS = {
    "content_type": "ContentType",
    "correlation_id": "CorrelationId",
    "dead_letter_error_description": "DeadLetterErrorDescription",
    "dead_letter_reason": "DeadLetterReason",
    "dead_letter_source": "DeadLetterSource",
    "enqueued_sequence_number": "EnqueuedSequenceNumber",
    "label": "Label",
    "partition_key": "PartitionKey",
    "reply_to": "ReplyTo",
    "reply_to_session_id": "ReplyToSessionId",
    "scheduled_enqueue_time_utc": "ScheduledEnqueueTimeUtc",
    "session_id": "SessionId",
    "subject": "Subject",
    "to": "To",
    "transaction_partition_key": "TransactionPartitionKey",
}


def _sb_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    message = value if isinstance(value, ServiceBusMessage) else None
    if message is None and not is_plain(value):
        raise wrong_type(call, value)
    fields: dict[str, object] = {
        "MessageId": (message.message_id if message else "") or hex_id(16),
        "DeliveryCount": (message.delivery_count if message else None) or 1,
        "SequenceNumber": (message.sequence_number if message else None) or index,
        "EnqueuedTimeUtc": (message.enqueued_time_utc if message else None) or call.now,
        "ExpiresAtUtc": (message.expires_at_utc if message else None)
        or "9999-12-31T23:59:59.9999999+00:00",
        "LockedUntil": (message.locked_until if message else None) or call.now + _LOCK,
        "LockToken": (message.lock_token if message else None) or uuid4(),
        "State": (message.state if message else None) or 0,
        "TimeToLive": _timespan(message.time_to_live if message else None),
        "UserProperties": message.user_properties if message else {},
        "ApplicationProperties": message.application_properties if message else {},
    }
    if message is not None:
        for attribute, key in _SB_FIELDS.items():
            field = getattr(message, attribute)
            if field is not None:
                fields[key] = field
    body = message.get_body() if message else body_of(value)
    return body, fields


def _timespan(value: datetime.timedelta | None) -> str:
    if value is None:
        return "10675199.02:48:05.4775807"  # TimeSpan.MaxValue: the default TTL
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return (
        f"{days}.{hours:02d}:{minutes:02d}:{secs:02d}"
        if days
        else f"{hours:02d}:{minutes:02d}:{secs:02d}"
    )


def _batch(
    value: object, call: Call, parts: Parts
) -> tuple[list[bytes | str], dict[str, list[object]]]:
    """A batch's bodies, and each metadata field as ``<Field>Array`` (cardinality many)."""
    bodies: list[bytes | str] = []
    arrays: dict[str, list[object]] = {}
    for index, item in enumerate(items_of(value), start=1):
        body, fields = parts(item, call, index)
        bodies.append(body)
        for key, field in fields.items():
            arrays.setdefault(key + "Array", []).append(field)
    return bodies, arrays


def service_bus(value: object, call: Call) -> Delivery:
    if not call.many():
        body, fields = _sb_parts(value, call, 1)
        return Delivery(one_datum(body, call), fields)
    bodies, arrays = _batch(value, call, _sb_parts)
    return Delivery(collection(bodies), dict(arrays))


def _kafka_parts(value: object, call: Call, index: int) -> tuple[bytes | str, dict[str, object]]:
    event = value if isinstance(value, KafkaEvent) else None
    if event is None and not is_plain(value):
        raise wrong_type(call, value)
    fields: dict[str, object] = {
        "Key": event.key if event else None,
        "Offset": event.offset if event and event.offset is not None else index - 1,
        "Partition": event.partition if event and event.partition is not None else 0,
        "Topic": (event.topic if event else None) or call.raw("topic"),
        "Timestamp": (event.timestamp if event else None) or call.iso(),
        "Headers": list(event.headers or []) if event else [],
    }
    body = event.get_body() if event else body_of(value)
    return body, fields


def kafka(value: object, call: Call) -> Delivery:
    if not call.many():
        body, fields = _kafka_parts(value, call, 1)
        return Delivery(one_datum(body, call), fields)
    bodies, arrays = _batch(value, call, _kafka_parts)
    metadata: dict[str, object] = dict(arrays)
    metadata["OffsetArray"] = Datum(arrays.get("OffsetArray", []), "collection_sint64")
    metadata["TopicArray"] = Datum(
        [str(t) for t in arrays.get("TopicArray", [])], "collection_string"
    )
    return Delivery(collection(bodies), metadata)
