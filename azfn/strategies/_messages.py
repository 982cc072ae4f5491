# pyright: strict
"""Strategies for messaging triggers: queues, Service Bus, Event Hubs, Event Grid, Kafka."""

from __future__ import annotations

import datetime
import json
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from azfn.eventgrid import CloudEvent
from azfn.eventgrid import EventGridEvent
from azfn.eventgrid import EventGridOutputEvent
from azfn.eventhub import EventHubEvent
from azfn.kafka import KafkaEvent
from azfn.queue import QueueMessage
from azfn.servicebus import ServiceBusMessage
from azfn.strategies._common import Option
from azfn.strategies._common import bodies
from azfn.strategies._common import identifiers
from azfn.strategies._common import ids
from azfn.strategies._common import json_objects
from azfn.strategies._common import json_values
from azfn.strategies._common import option
from azfn.strategies._common import times

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "cloud_events",
    "event_grid_events",
    "event_grid_output_events",
    "event_hub_events",
    "kafka_events",
    "queue_messages",
    "service_bus_messages",
]

_WORD = identifiers(max_size=12, upper=True)
_PROPERTIES = st.dictionaries(
    _WORD, st.text(max_size=20) | st.integers() | st.booleans(), max_size=4
)


def queue_messages(
    *,
    body: Option[bytes | str] | None = None,
    json: Option[object] | None = None,
    dequeue_count: Option[int] | None = None,
) -> SearchStrategy[QueueMessage]:
    """Storage queue messages as the host delivers them: id, pop receipt, dequeue count and
    times (to the second, expiring 7 days after insertion).

    Args:
        body: The body, or a strategy of bodies (default: text, JSON or bytes).
        json: A JSON value (or strategy of them) sent as the body instead.
        dequeue_count: Delivery count (default 1-5; more than 1 is a retry).
    """
    body_strategy = _body(body, json)

    def build(draw: st.DrawFn) -> QueueMessage:
        inserted = draw(times(whole_seconds=True))
        return QueueMessage(
            id=draw(ids()),
            body=draw(body_strategy),
            pop_receipt=draw(st.binary(min_size=8, max_size=8)).hex(),
            dequeue_count=draw(option(dequeue_count, st.integers(1, 5))),
            insertion_time=inserted,
            expiration_time=inserted + datetime.timedelta(days=7),
            time_next_visible=inserted + datetime.timedelta(seconds=draw(st.integers(0, 600))),
        )

    return st.composite(build)()


def _body(
    body: Option[bytes | str] | None, value: Option[object] | None
) -> SearchStrategy[bytes | str]:
    if value is not None:
        return option(value, json_values()).map(json.dumps)
    return option(body, bodies())


def service_bus_messages(
    *,
    body: Option[bytes | str] | None = None,
    json: Option[object] | None = None,
    session_id: Option[str | None] | None = None,
    delivery_count: Option[int] | None = None,
) -> SearchStrategy[ServiceBusMessage]:
    """Service Bus messages with the broker's properties (ids, sequence number, lock, times).

    Args:
        body: The body, or a strategy of bodies.
        json: A JSON value (or strategy) sent as the body instead.
        session_id: The session (default: none, or a short id).
        delivery_count: Delivery count (default 1-5).
    """
    body_strategy = _body(body, json)

    def build(draw: st.DrawFn) -> ServiceBusMessage:
        enqueued = draw(times())
        return ServiceBusMessage(
            body=draw(body_strategy),
            message_id=draw(ids()).replace("-", ""),
            content_type=draw(st.sampled_from([None, "application/json", "text/plain"])),
            correlation_id=draw(st.none() | ids()),
            delivery_count=draw(option(delivery_count, st.integers(1, 5))),
            enqueued_time_utc=enqueued,
            expires_at_utc=enqueued + datetime.timedelta(days=14),
            locked_until=enqueued + datetime.timedelta(minutes=1),
            lock_token=draw(ids()),
            sequence_number=draw(st.integers(1, 2**40)),
            session_id=draw(option(session_id, st.none() | _WORD)),
            time_to_live=datetime.timedelta(days=14),
            application_properties=draw(_PROPERTIES),
            user_properties={},
            state=0,
        )

    return st.composite(build)()


def event_hub_events(
    *,
    body: Option[bytes | str] | None = None,
    json: Option[object] | None = None,
    partition_key: Option[str | None] | None = None,
) -> SearchStrategy[EventHubEvent]:
    """Event Hubs events with enqueued time, sequence number, offset and properties."""
    body_strategy = _body(body, json)

    def build(draw: st.DrawFn) -> EventHubEvent:
        sequence = draw(st.integers(0, 2**40))
        return EventHubEvent(
            body=draw(body_strategy),
            enqueued_time=draw(times()),
            partition_key=draw(option(partition_key, st.none() | _WORD)),
            sequence_number=sequence,
            offset=str(sequence * 100),
            properties=draw(_PROPERTIES),
        )

    return st.composite(build)()


_EVENT_TYPES = st.sampled_from(
    [
        "Microsoft.Storage.BlobCreated",
        "Microsoft.Storage.BlobDeleted",
        "Microsoft.Resources.ResourceWriteSuccess",
        "Contoso.Items.ItemReceived",
    ]
)


def event_grid_events(
    *,
    event_type: Option[str] | None = None,
    data: Option[object] | None = None,
    subject: Option[str] | None = None,
) -> SearchStrategy[EventGridEvent]:
    """Event Grid schema events (id, topic, subject, type, time, data version, JSON data)."""
    return st.builds(
        EventGridEvent,
        id=ids(),
        data=option(data, json_objects()),
        topic=st.just("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg")
        | _WORD.map(lambda w: f"/subscriptions/x/resourceGroups/{w}"),
        subject=option(subject, _WORD.map(lambda w: f"/blobServices/default/containers/{w}")),
        event_type=option(event_type, _EVENT_TYPES),
        event_time=times(),
        data_version=st.sampled_from(["", "1.0", "2"]),
    )


def event_grid_output_events(
    *,
    event_type: Option[str] | None = None,
    data: Option[object] | None = None,
) -> SearchStrategy[EventGridOutputEvent]:
    """Events a function sends through an Event Grid output binding."""
    return st.builds(
        EventGridOutputEvent,
        id=ids(),
        data=option(data, json_objects()),
        subject=_WORD,
        event_type=option(event_type, _EVENT_TYPES),
        event_time=times(),
        data_version=st.just("1.0"),
    )


def cloud_events(
    *,
    type: Option[str] | None = None,  # the CloudEvents attribute's name
    data: Option[object] | None = None,
) -> SearchStrategy[CloudEvent]:
    """CloudEvents 1.0 events (id, source, type, time, JSON data)."""
    return st.builds(
        CloudEvent,
        id=ids(),
        source=_WORD.map(lambda w: f"/contoso/{w}"),
        type=option(type, _EVENT_TYPES),
        data=option(data, json_objects()),
        time=times(),
        subject=st.none() | _WORD,
        datacontenttype=st.just("application/json"),
    )


def kafka_events(
    *,
    body: Option[bytes | str] | None = None,
    topic: Option[str] | None = None,
) -> SearchStrategy[KafkaEvent]:
    """Kafka records with key, offset, partition, topic, timestamp and headers."""

    def build(draw: st.DrawFn) -> KafkaEvent:
        raw = draw(_body(body, None))
        return KafkaEvent(
            body=raw.encode("utf-8") if isinstance(raw, str) else raw,
            key=draw(st.none() | _WORD),
            offset=draw(st.integers(0, 2**40)),
            partition=draw(st.integers(0, 31)),
            topic=draw(option(topic, _WORD)),
            timestamp=draw(times()).isoformat(),
            headers=[],
        )

    return st.composite(build)()
