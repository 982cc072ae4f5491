# pyright: strict
"""Storage queues: :class:`QueueMessage` and the ``queue``/``queueTrigger`` converters.

Every field of :class:`QueueMessage` can be given to its constructor, so a
test can build the message a trigger would receive::

    msg = func.QueueMessage(id="1", body='{"n": 1}', dequeue_count=1)

The trigger's data is the message text (``string`` or ``bytes``). Trigger
metadata the converter reads, as the host names it:

``Id`` -> :attr:`~QueueMessage.id`; ``DequeueCount`` (int, 1 on the first
delivery) -> :attr:`~QueueMessage.dequeue_count`; ``InsertionTime``,
``ExpirationTime``, ``NextVisibleTime`` (ISO 8601) ->
:attr:`~QueueMessage.insertion_time`, :attr:`~QueueMessage.expiration_time`,
:attr:`~QueueMessage.time_next_visible`; ``PopReceipt`` ->
:attr:`~QueueMessage.pop_receipt`. Missing keys give ``None``. (The host also
sends ``QueueTrigger``, the text again, and a JSON message's top-level
properties; the converter does not need them.)

The ``queue`` output takes ``str`` and ``bytes`` (one message), a
:class:`QueueMessage` (sent, as by the reference, as the JSON
``{"id": ..., "body": ...}``), a dict (one JSON message), or an iterable of
those (one message per item).
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

if TYPE_CHECKING:
    import datetime
    from collections.abc import Mapping

__all__ = ["QueueMessage", "QueueMessageInConverter", "QueueMessageOutConverter"]


class QueueMessage:
    """A storage queue message.

    Args:
        id: the message id.
        body: the content; ``str`` is UTF-8 encoded.
        pop_receipt: the token that proves this receiver holds the message.
        dequeue_count: deliveries so far, this one included.
        expiration_time: when the message expires.
        insertion_time: when the message was added to the queue.
        time_next_visible: when the message becomes visible again.

    Raises:
        TypeError: *body* is not ``str``, ``bytes`` or ``bytearray``.
    """

    def __init__(
        self,
        *,
        id: str | None = None,
        body: str | bytes | bytearray | None = None,
        pop_receipt: str | None = None,
        dequeue_count: int | None = None,
        expiration_time: datetime.datetime | None = None,
        insertion_time: datetime.datetime | None = None,
        time_next_visible: datetime.datetime | None = None,
    ) -> None:
        self._id = id
        self._body = _md.body_bytes(body, "QueueMessage")
        self._pop_receipt = pop_receipt
        self._dequeue_count = dequeue_count
        self._expiration_time = expiration_time
        self._insertion_time = insertion_time
        self._time_next_visible = time_next_visible

    @property
    def id(self) -> str | None:
        """The message id."""
        return self._id

    @property
    def pop_receipt(self) -> str | None:
        """The pop receipt token."""
        return self._pop_receipt

    @property
    def dequeue_count(self) -> int | None:
        """How many times the message has been delivered (1 the first time)."""
        return self._dequeue_count

    @property
    def expiration_time(self) -> datetime.datetime | None:
        """When the message expires."""
        return self._expiration_time

    @property
    def insertion_time(self) -> datetime.datetime | None:
        """When the message was added to the queue."""
        return self._insertion_time

    @property
    def time_next_visible(self) -> datetime.datetime | None:
        """When the message becomes visible to other receivers again."""
        return self._time_next_visible

    def get_body(self) -> bytes:
        """Return the content as bytes."""
        return self._body

    def get_json(self) -> object:
        """Return the content parsed as JSON.

        Raises:
            ValueError: the content is not JSON (a ``json.JSONDecodeError``).
        """
        return json.loads(self._body)

    def _key(self) -> tuple[object, ...]:
        return (
            self._id,
            self._body,
            self._pop_receipt,
            self._dequeue_count,
            self._expiration_time,
            self._insertion_time,
            self._time_next_visible,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QueueMessage):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        parts = [f"id={self._id!r}", f"body={_md.short_repr(self._body)}"]
        if self._dequeue_count is not None:
            parts.append(f"dequeue_count={self._dequeue_count}")
        if self._insertion_time is not None:
            parts.append(f"insertion_time={self._insertion_time.isoformat()}")
        return f"<QueueMessage {' '.join(parts)}>"


class QueueMessageInConverter(InConverter, binding="queueTrigger", trigger=True):
    """A queue trigger's message text and metadata in, a :class:`QueueMessage` out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`QueueMessage` and its subclasses."""
        return _md.is_class_annotation(pytype, (QueueMessage,))

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> QueueMessage:
        """Return the :class:`QueueMessage` for the message and its metadata.

        Without metadata (the reference refuses) only the body is set.

        Raises:
            NotImplementedError: the data is not text or bytes.
            ValueError: a metadata field has the wrong shape.
        """
        if data.type not in {"string", "bytes", "json"} or not isinstance(
            data.value, (str, bytes, bytearray)
        ):
            raise NotImplementedError(f"unsupported queue payload type: {data.type}")
        md = trigger_metadata
        return QueueMessage(
            id=_md.metadata_str(md, "Id"),
            body=data.value,
            pop_receipt=_md.metadata_str(md, "PopReceipt"),
            dequeue_count=_md.metadata_int(md, "DequeueCount"),
            expiration_time=_md.metadata_datetime(md, "ExpirationTime"),
            insertion_time=_md.metadata_datetime(md, "InsertionTime"),
            time_next_visible=_md.metadata_datetime(md, "NextVisibleTime"),
        )


_OUT_TYPES = (QueueMessage, str, bytes)


class QueueMessageOutConverter(OutConverter, binding="queue"):
    """Messages for the ``queue`` output binding."""

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept ``str``, ``bytes``, :class:`QueueMessage`, dicts and iterables of them."""
        return _md.is_class_annotation(pytype, (*_OUT_TYPES, dict)) or _md.is_iterable_annotation(
            pytype, (*_OUT_TYPES, dict)
        )

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the host data for one message or several; ``None`` if unsupported."""
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        if isinstance(obj, QueueMessage):
            return Datum(json.dumps(_message_json(obj)), "json")
        if isinstance(obj, collections.abc.Mapping):
            return _json_datum(typing.cast("Mapping[str, object]", obj))
        if isinstance(obj, collections.abc.Iterable):
            items: list[object] = []
            for item in obj:  # pyright: ignore[reportUnknownVariableType]  # any iterable
                if isinstance(item, QueueMessage):
                    items.append(_message_json(item))
                elif isinstance(item, (str, collections.abc.Mapping)):
                    items.append(typing.cast("object", item))
                else:
                    return None  # e.g. bytes in a list: JSON cannot carry them
            return _json_datum(items)
        return None


def _message_json(message: QueueMessage) -> dict[str, object]:
    return {"id": message.id, "body": message.get_body().decode("utf-8")}


def _json_datum(value: object) -> Datum | None:
    try:
        return Datum(json.dumps(value), "json")
    except (TypeError, ValueError):
        return None
