# pyright: strict
"""Service Bus: :class:`ServiceBusMessage` and the ``serviceBus``/``serviceBusTrigger`` converters.

Every property the host delivers can be given to the constructor (the
reference's top-level class takes only three and answers ``None`` for the
rest)::

    msg = func.ServiceBusMessage(body='{"n": 1}', message_id="m1", delivery_count=1)

Trigger data and metadata, as the host sends them:

*One message* (``cardinality="one"``; recognised by a ``UserProperties``
key): the data is ``string``, ``json`` (UTF-8 encoded into the body),
``bytes``, or none (an empty body). Each property is read from the metadata
key of the same name in PascalCase:

    ``ApplicationProperties``, ``UserProperties`` (JSON objects);
    ``ContentType``, ``CorrelationId``, ``DeadLetterErrorDescription``,
    ``DeadLetterReason``, ``DeadLetterSource``, ``Label``, ``LockToken``,
    ``MessageId``, ``PartitionKey``, ``ReplyTo``, ``ReplyToSessionId``,
    ``SessionId``, ``Subject``, ``To``, ``TransactionPartitionKey`` (str);
    ``DeliveryCount``, ``EnqueuedSequenceNumber``, ``SequenceNumber``,
    ``State`` (int); ``EnqueuedTimeUtc``, ``ExpiresAtUtc``, ``LockedUntil``,
    ``ScheduledEnqueueTimeUtc`` (ISO 8601); ``TimeToLive`` (a .NET TimeSpan,
    ``[d.]hh:mm:ss``).

*Many messages* (``cardinality="many"``; recognised by
``UserPropertiesArray``, or by collection data when neither key is there):
the data is ``collection_bytes``, ``collection_string`` or ``json`` (an
array; each item is re-serialised as a body), and each property comes from
the same key with an ``Array`` suffix (``MessageIdArray``, ...: JSON arrays
or collections), item *i* for message *i*. Missing arrays or items give
``None``, as in the reference.

Every message keeps the whole trigger metadata
(:attr:`ServiceBusMessage.metadata`); with many messages it is shared.

The ``serviceBus`` output takes ``str``, bytes-like values, a
:class:`ServiceBusMessage` (its body), a dict (a JSON message), or a list
(one message per item).
"""

from __future__ import annotations

import collections.abc
import json
import typing
from typing import TYPE_CHECKING
from typing import Generic
from typing import TypeVar
from typing import overload

from azfn import _metadata as _md
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter
from azfn.meta import parse_datetime
from azfn.meta import parse_timedelta

if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping

    from typing_extensions import Never
    from typing_extensions import Self

__all__ = ["ServiceBusMessage", "ServiceBusMessageInConverter", "ServiceBusMessageOutConverter"]

_V = TypeVar("_V")


class _Property(Generic[_V]):
    """A read-only message property, kept in the message's ``_values``."""

    def __init__(self, doc: str) -> None:
        self.__doc__ = doc
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...
    @overload
    def __get__(self, instance: ServiceBusMessage, owner: type) -> _V: ...
    def __get__(self, instance: ServiceBusMessage | None, owner: type) -> Self | _V:
        if instance is None:
            return self
        # The descriptor is part of ServiceBusMessage: _values is its own store.
        value = instance._values[self._name]  # pyright: ignore[reportPrivateUsage]
        return typing.cast("_V", value)

    def __set__(self, instance: ServiceBusMessage, value: Never) -> None:
        raise AttributeError(f"property {self._name!r} of 'ServiceBusMessage' object has no setter")


class ServiceBusMessage:
    """A Service Bus message.

    *body* may be ``str`` (UTF-8 encoded), bytes or ``None`` (empty).
    *application_properties* and *user_properties* are one property bag
    under two names, as on the host: give either and both return it.
    *expiration_time* and *scheduled_enqueue_time* are the older names of
    *expires_at_utc* and *scheduled_enqueue_time_utc*. *trigger_metadata* is
    the host's metadata (``Datum`` or plain values), shown by :attr:`metadata`.

    Raises:
        TypeError: *body* is not ``str``, bytes-like or ``None``.
    """

    def __init__(
        self,
        *,
        body: str | bytes | bytearray | None = None,
        trigger_metadata: Mapping[str, object] | None = None,
        application_properties: Mapping[str, object] | None = None,
        content_type: str | None = None,
        correlation_id: str | None = None,
        dead_letter_error_description: str | None = None,
        dead_letter_reason: str | None = None,
        dead_letter_source: str | None = None,
        delivery_count: int | None = None,
        enqueued_sequence_number: int | None = None,
        enqueued_time_utc: datetime.datetime | None = None,
        expires_at_utc: datetime.datetime | None = None,
        expiration_time: datetime.datetime | None = None,
        label: str | None = None,
        locked_until: datetime.datetime | None = None,
        lock_token: str | None = None,
        message_id: str = "",
        partition_key: str | None = None,
        reply_to: str | None = None,
        reply_to_session_id: str | None = None,
        scheduled_enqueue_time_utc: datetime.datetime | None = None,
        scheduled_enqueue_time: datetime.datetime | None = None,
        sequence_number: int | None = None,
        session_id: str | None = None,
        state: int | None = None,
        subject: str | None = None,
        time_to_live: datetime.timedelta | None = None,
        to: str | None = None,
        transaction_partition_key: str | None = None,
        user_properties: Mapping[str, object] | None = None,
    ) -> None:
        self._body = _md.body_bytes(body, "ServiceBusMessage")
        self._trigger_metadata = trigger_metadata
        self._metadata: dict[str, object] | None = None
        if application_properties is None:
            application_properties = user_properties
        if user_properties is None:
            user_properties = application_properties
        if expires_at_utc is None:
            expires_at_utc = expiration_time
        if scheduled_enqueue_time_utc is None:
            scheduled_enqueue_time_utc = scheduled_enqueue_time
        self._values: dict[str, object] = {
            "application_properties": dict(application_properties or {}),
            "content_type": content_type,
            "correlation_id": correlation_id,
            "dead_letter_error_description": dead_letter_error_description,
            "dead_letter_reason": dead_letter_reason,
            "dead_letter_source": dead_letter_source,
            "delivery_count": delivery_count,
            "enqueued_sequence_number": enqueued_sequence_number,
            "enqueued_time_utc": enqueued_time_utc,
            "expires_at_utc": expires_at_utc,
            "expiration_time": expires_at_utc,
            "label": label,
            "locked_until": locked_until,
            "lock_token": lock_token,
            "message_id": message_id,
            "partition_key": partition_key,
            "reply_to": reply_to,
            "reply_to_session_id": reply_to_session_id,
            "scheduled_enqueue_time_utc": scheduled_enqueue_time_utc,
            "scheduled_enqueue_time": scheduled_enqueue_time_utc,
            "sequence_number": sequence_number,
            "session_id": session_id,
            "state": state,
            "subject": subject,
            "time_to_live": time_to_live,
            "to": to,
            "transaction_partition_key": transaction_partition_key,
            "user_properties": dict(user_properties or {}),
        }

    application_properties: _Property[dict[str, object]] = _Property(
        "The sender's custom properties."
    )
    content_type: _Property[str | None] = _Property("The body's content type (RFC 2045).")
    correlation_id: _Property[str | None] = _Property("The application's correlation id.")
    dead_letter_error_description: _Property[str | None] = _Property(
        "Why it was dead-lettered (details)."
    )
    dead_letter_reason: _Property[str | None] = _Property("Why the message was dead-lettered.")
    dead_letter_source: _Property[str | None] = _Property(
        "Where a forwarded dead letter came from."
    )
    delivery_count: _Property[int | None] = _Property(
        "Delivery attempts so far, this one included."
    )
    enqueued_sequence_number: _Property[int | None] = _Property(
        "The first sequence number assigned."
    )
    enqueued_time_utc: _Property[datetime.datetime | None] = _Property("When it was accepted.")
    expires_at_utc: _Property[datetime.datetime | None] = _Property("When the message expires.")
    expiration_time: _Property[datetime.datetime | None] = _Property(
        "The old name of expires_at_utc."
    )
    label: _Property[str | None] = _Property("The application label (the old name of the subject).")
    locked_until: _Property[datetime.datetime | None] = _Property(
        "When the receiver's lock expires."
    )
    lock_token: _Property[str | None] = _Property("The lock token.")
    message_id: _Property[str] = _Property("The application's message id.")
    partition_key: _Property[str | None] = _Property("The partition key.")
    reply_to: _Property[str | None] = _Property("The entity to reply to.")
    reply_to_session_id: _Property[str | None] = _Property("The session to reply to.")
    scheduled_enqueue_time_utc: _Property[datetime.datetime | None] = _Property(
        "When it was scheduled."
    )
    scheduled_enqueue_time: _Property[datetime.datetime | None] = _Property(
        "The old name of the above."
    )
    sequence_number: _Property[int | None] = _Property("The broker-assigned sequence number.")
    session_id: _Property[str | None] = _Property("The session id (session-aware entities).")
    state: _Property[int | None] = _Property("The state: 0 active, 1 deferred, 2 scheduled.")
    subject: _Property[str | None] = _Property("The application-specific subject.")
    time_to_live: _Property[datetime.timedelta | None] = _Property(
        "How long it lives once enqueued."
    )
    to: _Property[str | None] = _Property("The intended destination (auto-forwarding).")
    transaction_partition_key: _Property[str | None] = _Property("The transaction's partition key.")
    user_properties: _Property[dict[str, object]] = _Property(
        "The custom properties (the old name)."
    )

    def get_body(self) -> bytes:
        """Return the message body."""
        return self._body

    def get_json(self) -> object:
        """Return the body parsed as JSON.

        Raises:
            ValueError: the body is not JSON.
        """
        return json.loads(self._body)

    @property
    def metadata(self) -> dict[str, object] | None:
        """The trigger metadata as Python values (``None`` outside a trigger)."""
        if self._metadata is None and self._trigger_metadata is not None:
            self._metadata = _md.metadata_values(self._trigger_metadata)
        return self._metadata

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServiceBusMessage):
            return NotImplemented
        return (self._body, self._values) == (other._body, other._values)

    def __hash__(self) -> int:
        return hash((self._body, self.message_id, self.sequence_number))

    def __repr__(self) -> str:
        fields = [f"message_id={self.message_id!r}", f"body={_md.short_repr(self._body)}"]
        for name in ("sequence_number", "delivery_count", "session_id"):
            value = self._values[name]
            if value is not None:
                fields.append(f"{name}={value!r}")
        return f"<ServiceBusMessage {' '.join(fields)}>"


class _Fields:
    """Reads message properties from the metadata of one message, or item *index* of arrays."""

    def __init__(self, md: Mapping[str, Datum], index: int | None, arrays: dict[str, object]):
        self._md = md
        self._index = index
        self._arrays = arrays  # parsed arrays, shared by the messages of a batch

    def raw(self, key: str) -> object:
        if self._index is None:
            return _md.metadata_field(self._md, key)
        name = key + "Array"
        if name not in self._arrays:
            self._arrays[name] = _md.metadata_list(self._md, name)
        values = typing.cast("list[object] | None", self._arrays[name])
        return values[self._index] if values is not None and self._index < len(values) else None

    def text(self, key: str) -> str | None:
        return _md.to_str(self.raw(key))

    def number(self, key: str) -> int | None:
        return _md.to_int(self.raw(key), f"trigger metadata {key!r}")

    def bag(self, key: str) -> dict[str, object] | None:
        return _md.to_dict(self.raw(key), f"trigger metadata {key!r}")

    def time(self, key: str) -> datetime.datetime | None:
        return parse_datetime(self.text(key))

    def build(self, body: bytes, trigger_metadata: Mapping[str, Datum] | None) -> ServiceBusMessage:
        return ServiceBusMessage(
            body=body,
            trigger_metadata=trigger_metadata,
            application_properties=self.bag("ApplicationProperties"),
            content_type=self.text("ContentType"),
            correlation_id=self.text("CorrelationId"),
            dead_letter_error_description=self.text("DeadLetterErrorDescription"),
            dead_letter_reason=self.text("DeadLetterReason"),
            dead_letter_source=self.text("DeadLetterSource"),
            delivery_count=self.number("DeliveryCount"),
            enqueued_sequence_number=self.number("EnqueuedSequenceNumber"),
            enqueued_time_utc=self.time("EnqueuedTimeUtc"),
            expires_at_utc=self.time("ExpiresAtUtc"),
            label=self.text("Label"),
            locked_until=self.time("LockedUntil"),
            lock_token=self.text("LockToken"),
            message_id=self.text("MessageId") or "",
            partition_key=self.text("PartitionKey"),
            reply_to=self.text("ReplyTo"),
            reply_to_session_id=self.text("ReplyToSessionId"),
            scheduled_enqueue_time_utc=self.time("ScheduledEnqueueTimeUtc"),
            sequence_number=self.number("SequenceNumber"),
            session_id=self.text("SessionId"),
            state=self.number("State"),
            subject=self.text("Subject"),
            time_to_live=parse_timedelta(self.text("TimeToLive")),
            to=self.text("To"),
            transaction_partition_key=self.text("TransactionPartitionKey"),
            user_properties=self.bag("UserProperties"),
        )


class ServiceBusMessageInConverter(InConverter, binding="serviceBusTrigger", trigger=True):
    """The trigger's message(s) and metadata in, :class:`ServiceBusMessage` (list) out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`ServiceBusMessage` or an iterable of it."""
        return _md.is_class_annotation(pytype, (ServiceBusMessage,)) or _md.is_iterable_annotation(
            pytype, (ServiceBusMessage,)
        )

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> ServiceBusMessage | list[ServiceBusMessage]:
        """Return one message (``UserProperties``) or a list (``UserPropertiesArray``).

        Raises:
            NotImplementedError: the data's type is not one the host sends.
        """
        md = trigger_metadata or {}
        kind = data.type
        if "UserPropertiesArray" in md or (
            "UserProperties" not in md and kind is not None and kind.startswith("collection_")
        ):
            bodies = _bodies(data)
            arrays: dict[str, object] = {}
            return [
                _Fields(md, i, arrays).build(body, trigger_metadata)
                for i, body in enumerate(bodies)
            ]
        if data.value is None or kind is None:
            body = b""  # messages without a payload exist (worker issue #330)
        elif kind in {"string", "json", "bytes"}:
            body = _md.body_bytes(data.value, "ServiceBusMessage")
        else:
            raise NotImplementedError(f"unsupported service bus payload type: {kind}")
        return _Fields(md, None, {}).build(body, trigger_metadata)


def _bodies(data: Datum) -> list[bytes]:
    items = _md.datum_value(data)
    if not isinstance(items, list):
        raise NotImplementedError(f"unable to decode multiple messages of type {data.type}")
    values = typing.cast("list[object]", items)
    if data.type == "json":
        return [json.dumps(item).encode("utf-8") for item in values]
    return [_md.body_bytes(item, "ServiceBusMessage") for item in values]


_OUT_CLASSES = (str, bytes, bytearray, dict, list, ServiceBusMessage)


class ServiceBusMessageOutConverter(OutConverter, binding="serviceBus"):
    """Messages for the ``serviceBus`` output binding."""

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept ``str``, bytes, dicts, lists, messages and iterables of ``str``/dict."""
        return _md.is_class_annotation(pytype, _OUT_CLASSES) or _md.is_iterable_annotation(
            pytype, (str, dict)
        )

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the host data for the message(s); ``None`` if unsupported."""
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        if isinstance(obj, ServiceBusMessage):
            return Datum(obj.get_body(), "bytes")
        if isinstance(obj, (collections.abc.Mapping, list, tuple)):
            try:
                return Datum(json.dumps(obj), "json")
            except (TypeError, ValueError):
                return None
        return None
