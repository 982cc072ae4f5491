# pyright: strict
"""Deliveries of the storage queue trigger (host-semantics §A6.2).

:func:`queue` turns what a test passes (an ``azfn.QueueMessage`` or a plain
``str``/``bytes``/``dict``/``list``) into the message text and trigger
metadata the host sends, generating what the test leaves out as the host
would. :func:`queue_message` is its direct path: the ``QueueMessage`` the
trigger's converter would read from that delivery, built without it, and
with its metadata made when first read (:class:`DeliveredQueueMessage`).
"""

from __future__ import annotations

import datetime
import threading
import typing
from typing import Generic
from typing import TypeVar

from azfn._ids import hex_id
from azfn._ids import uuid4
from azfn._metadata import WireMetadata
from azfn._metadata import body_bytes
from azfn._metadata import metadata_datetime
from azfn._metadata import metadata_int
from azfn._metadata import metadata_str
from azfn.host._delivery import Call
from azfn.host._delivery import Delivery
from azfn.host._delivery import body_of
from azfn.host._delivery import is_plain
from azfn.host._delivery import json_object
from azfn.host._delivery import text_datum
from azfn.host._delivery import wrong_type
from azfn.queue import QueueMessage

__all__ = ["DeliveredQueueMessage", "queue", "queue_message"]

_T = TypeVar("_T")
_WEEK = datetime.timedelta(days=7)
_VISIBILITY = datetime.timedelta(minutes=10)


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
    if isinstance(text, str) and _may_refuse(text) and not message.make():
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
            parsed = json_object(text) if isinstance(text, str) else None
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
