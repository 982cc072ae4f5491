# pyright: strict
"""Deliveries of messaging triggers: Event Grid, Event Hubs, Service Bus, Kafka.

Each function turns what a test passes (an azfn type or a plain
``str``/``bytes``/``dict``/``list``) into the data and trigger metadata the
host sends (host-semantics §A7 and the metadata keys each type module
documents); values the test leaves out are generated as the host would.
Storage queues are in :mod:`._deliver_queue`.
"""

from __future__ import annotations

import datetime
import typing
from typing import TYPE_CHECKING

from azfn._ids import hex_id
from azfn._ids import uuid4
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
from azfn.host._delivery import one_datum
from azfn.host._delivery import wrong_type
from azfn.kafka import KafkaEvent
from azfn.meta import Datum
from azfn.servicebus import ServiceBusMessage

__all__ = ["event_grid", "event_hub", "kafka", "service_bus"]

if TYPE_CHECKING:
    from collections.abc import Callable

    # One item of a batch: its body and metadata fields (item, call, 1-based index).
    Parts = Callable[[object, Call, int], tuple[bytes | str, dict[str, object]]]

_LOCK = datetime.timedelta(minutes=1)


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
