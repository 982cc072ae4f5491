# pyright: strict
"""Event Hubs: :class:`EventHubEvent` and the ``eventHub``/``eventHubTrigger`` converters.

Every field can be given to the constructor, so tests build single events and
batches directly::

    events = [func.EventHubEvent(body=b"1", sequence_number=1, partition_key="p")]

Trigger data and metadata, as the host sends them:

*One event* (``cardinality="one"``; recognised by a ``SystemProperties``
key): the data is ``string``, ``json`` (both UTF-8 encoded into the body) or
``bytes``. Metadata read: ``EnqueuedTimeUtc`` (ISO 8601), ``SequenceNumber``
(int), ``Offset`` (str; numbers are formatted), ``PartitionKey``,
``Properties`` (JSON object: the application properties),
``SystemProperties`` (JSON object), and ``iothub-*`` keys (top level, else
inside ``SystemProperties``) for :attr:`EventHubEvent.iothub_metadata`.

*Many events* (``cardinality="many"``; recognised by a
``SystemPropertiesArray`` key, or by collection data when neither key is
there): the data is ``collection_bytes``, ``collection_string`` (a list, or
the worker's protobuf holder) or ``json`` (an IoT Hub array: each item is
re-serialised as the body). Metadata read: ``SystemPropertiesArray`` (JSON
array, one object per event with ``EnqueuedTimeUtc``, ``SequenceNumber``,
``Offset``, ``PartitionKey`` and ``iothub-*``) and ``PropertiesArray``
(JSON array of application properties). A missing array leaves the fields
``None``/empty; an array of the wrong length raises ``ValueError``.

Every event keeps the whole trigger metadata (:attr:`EventHubEvent.metadata`,
also ``PartitionContext`` and so on); with many events it is shared.
``offset`` is always a ``str`` (the reference gives an ``int`` for batches).

Outputs (``eventHub``) take ``str``, bytes-like values, ``int``, an
:class:`EventHubEvent` (its body), a dict, or a list (one event per item).
"""

from __future__ import annotations

import collections.abc
import json
import typing
from typing import TYPE_CHECKING

from azfn import _metadata as _md
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter
from azfn.meta import parse_datetime

if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping

__all__ = ["EventHubConverter", "EventHubEvent", "EventHubTriggerConverter"]


class EventHubEvent:
    """One event from an event hub.

    Args:
        body: the event's data; ``str`` is UTF-8 encoded.
        trigger_metadata: the host's metadata (``Datum`` values or plain ones).
        enqueued_time: when the event was enqueued.
        partition_key: the partition key it was sent with.
        sequence_number: its sequence number in the partition.
        offset: its offset in the partition.
        iothub_metadata: IoT Hub system properties, without ``iothub-``.
        properties: the application properties set by the sender.
        system_properties: the broker's system properties.
    """

    def __init__(
        self,
        *,
        body: str | bytes | bytearray | None = b"",
        trigger_metadata: Mapping[str, object] | None = None,
        enqueued_time: datetime.datetime | None = None,
        partition_key: str | None = None,
        sequence_number: int | None = None,
        offset: str | None = None,
        iothub_metadata: Mapping[str, str] | None = None,
        properties: Mapping[str, object] | None = None,
        system_properties: Mapping[str, object] | None = None,
    ) -> None:
        self._body = _md.body_bytes(body, "EventHubEvent")
        self._trigger_metadata = trigger_metadata
        self._metadata: dict[str, object] | None = None
        self._enqueued_time = enqueued_time
        self._partition_key = partition_key
        self._sequence_number = sequence_number
        self._offset = offset
        self._iothub_metadata = dict(iothub_metadata) if iothub_metadata is not None else None
        self._properties = dict(properties) if properties is not None else {}
        self._system_properties = dict(system_properties) if system_properties is not None else {}

    def get_body(self) -> bytes:
        """Return the event's data."""
        return self._body

    def get_json(self) -> object:
        """Return the event's data parsed as JSON.

        Raises:
            ValueError: the data is not JSON.
        """
        return json.loads(self._body)

    @property
    def partition_key(self) -> str | None:
        """The partition key the event was sent with."""
        return self._partition_key

    @property
    def sequence_number(self) -> int | None:
        """The event's sequence number in its partition."""
        return self._sequence_number

    @property
    def offset(self) -> str | None:
        """The event's offset in its partition."""
        return self._offset

    @property
    def enqueued_time(self) -> datetime.datetime | None:
        """When the event was enqueued (UTC)."""
        return self._enqueued_time

    @property
    def iothub_metadata(self) -> dict[str, str] | None:
        """IoT Hub properties (``connection-device-id``, ...) for IoT Hub events."""
        return self._iothub_metadata

    @property
    def properties(self) -> dict[str, object]:
        """The application properties the sender set."""
        return self._properties

    @property
    def system_properties(self) -> dict[str, object]:
        """The broker's system properties (``x-opt-...``, ``SequenceNumber``, ...)."""
        return self._system_properties

    @property
    def metadata(self) -> dict[str, object] | None:
        """The trigger metadata as Python values (``None`` outside a trigger)."""
        if self._metadata is None and self._trigger_metadata is not None:
            self._metadata = _md.metadata_values(self._trigger_metadata)
        return self._metadata

    def _key(self) -> tuple[object, ...]:
        return (
            self._body,
            self._enqueued_time,
            self._partition_key,
            self._sequence_number,
            self._offset,
            self._iothub_metadata,
            self._properties,
            self._system_properties,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventHubEvent):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self._body, self._sequence_number, self._offset))

    def __repr__(self) -> str:
        return (
            f"<EventHubEvent body={_md.short_repr(self._body)} "
            f"partition_key={self._partition_key!r} sequence_number={self._sequence_number!r} "
            f"enqueued_time={self._enqueued_time!r}>"
        )


def _body(data: Datum) -> bytes:
    if data.type in {"string", "json", "bytes"} and isinstance(data.value, (str, bytes)):
        return _md.body_bytes(data.value, "EventHubEvent")
    raise NotImplementedError(f"unsupported event data payload type: {data.type}")


def _bodies(data: Datum) -> list[bytes]:
    items = _md.datum_value(data)
    if not isinstance(items, list):
        raise NotImplementedError(f"unsupported event data payload type: {data.type}")
    if data.type == "json":  # IoT Hub batches: a JSON array of events
        return [json.dumps(item).encode("utf-8") for item in typing.cast("list[object]", items)]
    return [_md.body_bytes(item, "EventHubEvent") for item in typing.cast("list[object]", items)]


def _iothub(values: Mapping[str, object]) -> dict[str, str]:
    prefix = "iothub-"
    return {
        key[len(prefix) :]: str(_md.datum_value(value))
        for key, value in values.items()
        if key.startswith(prefix)
    }


_OUT_CLASSES = (str, bytes, bytearray, int, dict, list, EventHubEvent)


class EventHubConverter(InConverter, OutConverter, binding="eventHub"):
    """Events for the ``eventHub`` output (and, without metadata, input)."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`EventHubEvent` or an iterable of it."""
        return _md.is_class_annotation(pytype, (EventHubEvent,)) or _md.is_iterable_annotation(
            pytype, (EventHubEvent,)
        )

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept ``str``, bytes, ``int``, dicts, lists, events and iterables of ``str``/dict."""
        return _md.is_class_annotation(pytype, _OUT_CLASSES) or _md.is_iterable_annotation(
            pytype, (str, dict)
        )

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> EventHubEvent | list[EventHubEvent]:
        """Return one event, or a list for collection data.

        Raises:
            NotImplementedError: the data's type is not one the host sends.
        """
        if data.type is not None and data.type.startswith("collection_"):
            return [EventHubEvent(body=body) for body in _bodies(data)]
        return EventHubEvent(body=_body(data))

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the host data for the event(s); ``None`` if unsupported."""
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        if isinstance(obj, EventHubEvent):
            return Datum(obj.get_body(), "bytes")
        if isinstance(obj, int) and not isinstance(obj, bool):
            return Datum(obj, "int")
        if isinstance(obj, (collections.abc.Mapping, list, tuple)):
            try:
                return Datum(json.dumps(obj), "json")
            except (TypeError, ValueError):
                return None
        return None


class EventHubTriggerConverter(EventHubConverter, binding="eventHubTrigger", trigger=True):
    """The ``eventHubTrigger``'s event(s) and metadata in, :class:`EventHubEvent` (list) out."""

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> EventHubEvent | list[EventHubEvent]:
        """Return one event (``SystemProperties``) or a list (``SystemPropertiesArray``).

        Raises:
            NotImplementedError: the data's type is not one the host sends.
            ValueError: a metadata array's length differs from the events'.
        """
        md = trigger_metadata or {}
        if "SystemProperties" not in md and (
            "SystemPropertiesArray" in md
            or (data.type is not None and data.type.startswith("collection_"))
        ):
            return cls._decode_many(data, md)
        system = _md.metadata_dict(md, "SystemProperties") or {}
        return EventHubEvent(
            body=_body(data),
            trigger_metadata=trigger_metadata,
            enqueued_time=_md.metadata_datetime(md, "EnqueuedTimeUtc"),
            partition_key=_md.metadata_str(md, "PartitionKey"),
            sequence_number=_md.metadata_int(md, "SequenceNumber"),
            offset=_md.metadata_str(md, "Offset"),
            iothub_metadata=_iothub(md) or _iothub(system),
            properties=_md.metadata_dict(md, "Properties"),
            system_properties=system,
        )

    @classmethod
    def _decode_many(cls, data: Datum, md: Mapping[str, Datum]) -> list[EventHubEvent]:
        bodies = _bodies(data)
        systems = _array(md, "SystemPropertiesArray", len(bodies))
        properties = _array(md, "PropertiesArray", len(bodies))
        events: list[EventHubEvent] = []
        for index, body in enumerate(bodies):
            where = f"event {index} of SystemPropertiesArray"
            system = _md.to_dict(systems[index], where) or {}
            events.append(
                EventHubEvent(
                    body=body,
                    trigger_metadata=md or None,
                    enqueued_time=parse_datetime(_md.to_str(system.get("EnqueuedTimeUtc"))),
                    partition_key=_md.to_str(system.get("PartitionKey")),
                    sequence_number=_md.to_int(system.get("SequenceNumber"), where),
                    offset=_md.to_str(system.get("Offset")),
                    iothub_metadata=_iothub(system),
                    properties=_md.to_dict(properties[index], f"event {index} of PropertiesArray"),
                    system_properties=system,
                )
            )
        return events


def _array(md: Mapping[str, Datum], key: str, count: int) -> list[object]:
    values = _md.metadata_list(md, key)
    if values is None:
        return [None] * count
    if len(values) != count:
        raise ValueError(f"trigger metadata {key!r} has {len(values)} items for {count} events")
    return values
