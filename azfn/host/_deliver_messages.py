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
    "DeferredQueueMessage",
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

    The metadata of a message none of whose properties can be refused is
    made when first read (:class:`DeferredQueueMessage`).
    """
    text: object
    if isinstance(value, str) and call.binding.data_type != "binary":
        text = value  # what text_datum delivers, without the Datum
    elif is_plain(value):
        text = text_datum(body_of(value), call.binding).value
    else:
        return None
    if type(text) is bytes or (type(text) is str and not _may_refuse(text)):
        return DeferredQueueMessage(text, call.now)
    if not isinstance(text, str):  # never: text_datum gives text or bytes
        return None
    return _message(text, call.now)


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


def _message(text: str | bytes, now: datetime.datetime) -> QueueMessage | None:
    """The delivered message, every field made now; ``None`` if the converter
    refuses a property."""
    parsed = json_object(text) if type(text) is str else None
    overrides: dict[str, object] = {}
    if parsed:
        for key, item in parsed.items():  # as merge_binding_data does
            system = _QUEUE_KEYS.get(key.casefold())
            if system is not None and item is not None and not isinstance(item, list):
                overrides[system] = item
    # Each field as the wire path has it: generated, or a property read as
    # the converter reads it.
    wire = WireMetadata(overrides) if overrides else None  # read only for overridden fields
    try:
        return QueueMessage(
            id=metadata_str(wire, "Id") if "Id" in overrides else uuid4(),
            body=text,
            pop_receipt=(
                metadata_str(wire, "PopReceipt") if "PopReceipt" in overrides else _pop_receipt()
            ),
            dequeue_count=metadata_int(wire, "DequeueCount") if "DequeueCount" in overrides else 1,
            expiration_time=(
                metadata_datetime(wire, "ExpirationTime")
                if "ExpirationTime" in overrides
                else now + _WEEK
            ),
            insertion_time=(
                metadata_datetime(wire, "InsertionTime") if "InsertionTime" in overrides else now
            ),
            time_next_visible=(
                metadata_datetime(wire, "NextVisibleTime")
                if "NextVisibleTime" in overrides
                else now + _VISIBILITY
            ),
        )
    except ValueError:  # the converter refuses the property: the wire path fails the run
        return None


_MAKING = threading.Lock()  # held while a deferred message makes its metadata


class DeferredQueueMessage(QueueMessage):
    """A delivered queue message whose metadata is made when first read.

    Most queue functions read only the body. Generating the id, pop receipt
    and times, and parsing a JSON message for properties that override them
    (host-semantics §A6.2), costs more than calling the function, so it
    waits until a metadata field is first read (or the message is compared,
    printed, copied or pickled). The fields are then exactly those the eager
    path gives, at the delivery's time. Only messages none of whose
    properties the converter can refuse are deferred, so a refused property
    still fails the invocation before the function runs.
    """

    def __init__(self, text: str | bytes, now: datetime.datetime) -> None:
        # Not QueueMessage.__init__: the metadata attributes stay unset, so
        # the first read of one comes to __getattr__, which makes them all.
        self._body = body_bytes(text, "QueueMessage")
        self._pending: tuple[str | bytes, datetime.datetime] | None = (text, now)

    def __getattr__(self, name: str) -> object:
        # Called only for attributes not set: the metadata, until it is made.
        self._make()
        return object.__getattribute__(self, name)

    def _make(self) -> None:
        with _MAKING:  # once, whichever thread reads first
            state = vars(self)
            pending = state.pop("_pending", None)
            if pending is not None:
                made = _message(*pending)
                assert made is not None, "deferred although a property may be refused"
                state.update(vars(made))

    def __reduce__(self) -> tuple[type[QueueMessage], tuple[()], dict[str, object]]:
        # Copies and pickles are plain messages with the same fields.
        self._make()
        return QueueMessage, (), dict(vars(self))


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
