# pyright: strict
"""Event Grid: events in (``eventGridTrigger``) and out (``eventGrid``).

The host invokes the function once per event and sends that event as JSON;
no trigger metadata is read. An event with a ``specversion`` key is a
CloudEvents 1.0 event and becomes a :class:`CloudEvent`; any other becomes an
:class:`EventGridEvent`, from the Event Grid schema's keys ``id``, ``topic``,
``subject``, ``eventType``, ``eventTime`` (ISO 8601), ``data`` and
``dataVersion``. A CloudEvent's keys beyond the standard ones are its
extension attributes.

Every argument of the three types has a default here (the reference requires
all of them for :class:`EventGridEvent`), so tests build only what matters::

    event = func.EventGridEvent(event_type="Contoso.Items.ItemReceived", data={"id": 1})

The ``eventGrid`` output takes ``str``, ``bytes``, an
:class:`EventGridOutputEvent` (or :class:`EventGridEvent` /
:class:`CloudEvent`), a dict, or a list of those (several events).
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

__all__ = [
    "CloudEvent",
    "EventGridEvent",
    "EventGridEventInConverter",
    "EventGridEventOutConverter",
    "EventGridOutputEvent",
]


class _Event:
    """Equality over the fields in ``_key()``; shared by the three event types."""

    _id: str

    def _key(self) -> tuple[object, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Event) or type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self), self._id))  # data may be a dict: hash by id only


class EventGridOutputEvent(_Event):
    """An event to publish to an Event Grid topic (Event Grid schema)."""

    def __init__(
        self,
        *,
        id: str = "",
        data: object = None,
        subject: str = "",
        event_type: str = "",
        event_time: datetime.datetime | None = None,
        data_version: str = "",
    ) -> None:
        self._id = id
        self._data = data
        self._subject = subject
        self._event_type = event_type
        self._event_time = event_time
        self._data_version = data_version

    @property
    def id(self) -> str:
        """The event's unique id."""
        return self._id

    @property
    def subject(self) -> str:
        """The publisher-defined path of the event's subject."""
        return self._subject

    @property
    def event_type(self) -> str:
        """The event type, e.g. ``Microsoft.Storage.BlobCreated``."""
        return self._event_type

    @property
    def event_time(self) -> datetime.datetime | None:
        """When the event was generated."""
        return self._event_time

    @property
    def data_version(self) -> str:
        """The schema version of :meth:`get_json`'s data."""
        return self._data_version

    def get_json(self) -> object:
        """Return the event's ``data`` (already parsed JSON)."""
        return self._data

    def _key(self) -> tuple[object, ...]:
        return (
            self._id,
            self._data,
            self._subject,
            self._event_type,
            self._event_time,
            self._data_version,
        )

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} id={self._id!r} event_type={self._event_type!r} "
            f"subject={self._subject!r}>"
        )


class EventGridEvent(EventGridOutputEvent):
    """An event delivered by Event Grid (Event Grid schema)."""

    def __init__(
        self,
        *,
        id: str = "",
        data: object = None,
        topic: str = "",
        subject: str = "",
        event_type: str = "",
        event_time: datetime.datetime | None = None,
        data_version: str = "",
    ) -> None:
        super().__init__(
            id=id,
            data=data,
            subject=subject,
            event_type=event_type,
            event_time=event_time,
            data_version=data_version,
        )
        self._topic = topic

    @property
    def topic(self) -> str:
        """The full resource path of the event source."""
        return self._topic

    def _key(self) -> tuple[object, ...]:
        return (*super()._key(), self._topic)

    def __repr__(self) -> str:
        return (
            f"<EventGridEvent id={self._id!r} topic={self._topic!r} "
            f"event_type={self._event_type!r} subject={self._subject!r}>"
        )


_CLOUD_EVENT_KEYS = frozenset(
    {"specversion", "id", "source", "type", "time", "subject", "datacontenttype", "dataschema"}
    | {"data"}
)


class CloudEvent(_Event):
    """A CloudEvents 1.0 event; keyword arguments beyond the standard ones are extensions."""

    def __init__(
        self,
        *,
        id: str = "",
        source: str = "",
        type: str = "",
        specversion: str = "1.0",
        data: object = None,
        time: datetime.datetime | None = None,
        subject: str | None = None,
        datacontenttype: str | None = None,
        dataschema: str | None = None,
        **extensions: object,
    ) -> None:
        self._id = id
        self._source = source
        self._type = type
        self._specversion = specversion
        self._data = data
        self._time = time
        self._subject = subject
        self._datacontenttype = datacontenttype
        self._dataschema = dataschema
        self._extensions = extensions

    @property
    def id(self) -> str:
        """The event's id, unique per source."""
        return self._id

    @property
    def source(self) -> str:
        """The context in which the event happened (a URI reference)."""
        return self._source

    @property
    def type(self) -> str:
        """The event type."""
        return self._type

    @property
    def specversion(self) -> str:
        """The CloudEvents version (``"1.0"``)."""
        return self._specversion

    @property
    def time(self) -> datetime.datetime | None:
        """When the event happened."""
        return self._time

    @property
    def subject(self) -> str | None:
        """The event's subject within the source."""
        return self._subject

    @property
    def datacontenttype(self) -> str | None:
        """The content type of the data."""
        return self._datacontenttype

    @property
    def dataschema(self) -> str | None:
        """The URI of the data's schema."""
        return self._dataschema

    @property
    def extension_attrs(self) -> dict[str, object]:
        """The extension attributes (a copy)."""
        return dict(self._extensions)

    def get_json(self) -> object:
        """Return the event's ``data``."""
        return self._data

    def _key(self) -> tuple[object, ...]:
        return (
            self._specversion,
            self._id,
            self._source,
            self._type,
            self._time,
            self._subject,
            self._datacontenttype,
            self._dataschema,
            self._data,
            self._extensions,
        )

    def __repr__(self) -> str:
        return f"<CloudEvent id={self._id!r} source={self._source!r} type={self._type!r}>"


class EventGridEventInConverter(InConverter, binding="eventGridTrigger", trigger=True):
    """One Event Grid event in, an :class:`EventGridEvent` or :class:`CloudEvent` out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`EventGridEvent` and :class:`CloudEvent` (one event per call)."""
        return _md.is_class_annotation(pytype, (EventGridEvent, CloudEvent))

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> EventGridEvent | CloudEvent:
        """Return the event for the host's JSON.

        Raises:
            NotImplementedError: the data is not JSON (text).
            ValueError: the JSON is not an object, or a time is malformed.
        """
        if data.type not in {"json", "string"} or not isinstance(data.value, (str, bytes)):
            raise NotImplementedError(f"unsupported event grid payload type: {data.type}")
        parsed: object = json.loads(data.value)
        if not isinstance(parsed, dict):
            raise ValueError(f"an Event Grid event must be a JSON object, got {data.value!r}")
        body = typing.cast("dict[str, object]", parsed)
        if "specversion" in body:
            return CloudEvent(
                id=_text(body.get("id")),
                source=_text(body.get("source")),
                type=_text(body.get("type")),
                specversion=_text(body.get("specversion")),
                data=body.get("data"),
                time=parse_datetime(_optional_text(body.get("time"))),
                subject=_optional_text(body.get("subject")),
                datacontenttype=_optional_text(body.get("datacontenttype")),
                dataschema=_optional_text(body.get("dataschema")),
                **{k: v for k, v in body.items() if k not in _CLOUD_EVENT_KEYS},
            )
        return EventGridEvent(
            id=_text(body.get("id")),
            data=body.get("data"),
            topic=_text(body.get("topic")),
            subject=_text(body.get("subject")),
            event_type=_text(body.get("eventType")),
            event_time=parse_datetime(_optional_text(body.get("eventTime"))),
            data_version=_text(body.get("dataVersion")),
        )


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def _text(value: object) -> str:
    return "" if value is None else str(value)


_OUT_CLASSES = (str, bytes, EventGridOutputEvent, CloudEvent, dict)


class EventGridEventOutConverter(OutConverter, binding="eventGrid"):
    """Events for the ``eventGrid`` output binding."""

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept ``str``, ``bytes``, the event types, dicts, and iterables of them."""
        return _md.is_class_annotation(pytype, _OUT_CLASSES) or _md.is_iterable_annotation(
            pytype, _OUT_CLASSES
        )

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the host data for one event or several; ``None`` if unsupported."""
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        event = _event_json(obj)
        if event is not None:
            return _json_datum(event)
        if isinstance(obj, collections.abc.Iterable):
            events: list[object] = []
            for item in typing.cast("collections.abc.Iterable[object]", obj):
                event = item if isinstance(item, str) else _event_json(item)
                if event is None:
                    return None
                events.append(event)
            return _json_datum(events)
        return None


def _event_json(event: object) -> object | None:
    """Return the JSON for one event (or a dict, as is), ``None`` for anything else."""
    if isinstance(event, collections.abc.Mapping):
        return typing.cast("object", event)
    if isinstance(event, EventGridOutputEvent):
        body: dict[str, object] = {}
        if isinstance(event, EventGridEvent):
            body["topic"] = event.topic
        body.update(
            id=event.id,
            subject=event.subject,
            dataVersion=event.data_version,
            eventType=event.event_type,
            data=event.get_json(),
            eventTime=event.event_time.isoformat() if event.event_time else None,
        )
        return body
    if isinstance(event, CloudEvent):
        standard = {
            "specversion": event.specversion,
            "id": event.id,
            "source": event.source,
            "type": event.type,
            "time": event.time.isoformat() if event.time else None,
            "subject": event.subject,
            "datacontenttype": event.datacontenttype,
            "dataschema": event.dataschema,
        }
        body = event.extension_attrs
        body.update((k, v) for k, v in standard.items() if v is not None)
        body["data"] = event.get_json()
        return body
    return None


def _json_datum(value: object) -> Datum | None:
    try:
        return Datum(json.dumps(value), "json")
    except (TypeError, ValueError):
        return None
