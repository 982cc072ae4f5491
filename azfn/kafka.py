# pyright: strict
"""Apache Kafka events: :class:`KafkaEvent` and the ``kafka``/``kafkaTrigger`` converters.

Host conversion (the invoker builds these ``Datum`` values):

``kafkaTrigger`` (:class:`KafkaTriggerConverter`, trigger)
    *One event* (``cardinality="one"``): the message value is a ``Datum`` of
    type ``"string"``, ``"json"`` (UTF-8 encoded into the body) or ``"bytes"``.
    Trigger metadata read: ``Key`` (str), ``Offset`` (int), ``Partition``
    (int), ``Topic`` (str), ``Timestamp`` (str) and ``Headers`` (a JSON array
    of ``{"Key": str, "Value": base64 str}``). Each is a ``Datum`` of type
    ``"string"``, ``"int"``, ``"double"`` or ``"json"``; values are coerced to
    the listed type (``"5"`` becomes ``5``) and a missing key gives ``None``.

    *Many events* (``cardinality="many"``): the values are a ``Datum`` of type
    ``"collection_bytes"`` or ``"collection_string"`` (a list, or the worker's
    protobuf holder with a ``.bytes``/``.string`` field). Metadata read, one
    item per event: ``KeyArray``, ``PartitionArray``, ``TimestampArray``,
    ``HeadersArray`` (JSON arrays), ``OffsetArray`` (``"collection_sint64"``)
    and ``TopicArray`` (``"collection_string"``); either form is accepted for
    each. A missing array gives ``None`` for that field (the reference raises);
    an array of the wrong length raises ``ValueError``.

    Every event keeps the whole trigger metadata (:attr:`KafkaEvent.metadata`).

``kafka`` (:class:`KafkaConverter`, output)
    ``decode`` builds events from the same payloads without metadata.
    ``encode`` encodes nothing (returns ``None``), as in the reference: the
    worker routes ``Out[str]``/``Out[bytes]`` outputs through its generic
    converter. Output annotations accepted: ``str``, ``bytes``, an iterable of
    ``str``. Input annotations accepted: ``KafkaEvent`` or an iterable of it.
"""

from __future__ import annotations

import collections.abc
import json
import typing
from typing import TypeVar
from typing import cast

from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if typing.TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Mapping
    from collections.abc import Sequence

__all__ = ["KafkaConverter", "KafkaEvent", "KafkaTriggerConverter"]

_T = TypeVar("_T")


class KafkaEvent:
    """One Kafka record delivered to a function.

    Every field the host delivers can be given to the constructor, so tests
    can build events directly::

        KafkaEvent(body=b"hi", topic="orders", partition=0, offset=42, key="k")

    *trigger_metadata* maps names to ``Datum`` objects (as the host sends
    them) or to plain values; :attr:`metadata` shows each ``Datum``'s value.
    """

    def __init__(
        self,
        *,
        body: bytes,
        trigger_metadata: Mapping[str, object] | None = None,
        key: str | None = None,
        offset: int | None = None,
        partition: int | None = None,
        topic: str | None = None,
        timestamp: str | None = None,
        headers: Sequence[Mapping[str, object]] | None = None,
    ) -> None:
        self._body = body
        self._trigger_metadata = trigger_metadata
        self._key = key
        self._offset = offset
        self._partition = partition
        self._topic = topic
        self._timestamp = timestamp
        self._headers = headers
        self._metadata: dict[str, object] | None = None

    def get_body(self) -> bytes:
        """Return the record's value."""
        return self._body

    @property
    def key(self) -> str | None:
        """The record's key."""
        return self._key

    @property
    def offset(self) -> int | None:
        """The record's offset in its partition."""
        return self._offset

    @property
    def partition(self) -> int | None:
        """The partition the record was read from."""
        return self._partition

    @property
    def topic(self) -> str | None:
        """The topic the record was read from."""
        return self._topic

    @property
    def timestamp(self) -> str | None:
        """The record's timestamp, as the host formats it."""
        return self._timestamp

    @property
    def headers(self) -> Sequence[Mapping[str, object]] | None:
        """The record's headers: ``[{"Key": ..., "Value": <base64>}, ...]``."""
        return self._headers

    @property
    def metadata(self) -> Mapping[str, object] | None:
        """The trigger metadata, each ``Datum`` replaced by its raw ``value``."""
        if self._trigger_metadata is None:
            return None
        if self._metadata is None:
            self._metadata = {
                name: item.value if isinstance(item, Datum) else item
                for name, item in self._trigger_metadata.items()
            }
        return self._metadata

    def _fields(self) -> tuple[object, ...]:
        return (
            self._body,
            self._key,
            self._offset,
            self._partition,
            self._topic,
            self._timestamp,
            self._headers,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, KafkaEvent):
            return NotImplemented
        return self._fields() == other._fields() and self.metadata == other.metadata

    def __hash__(self) -> int:
        return hash((self._body, self._topic, self._partition, self._offset, self._key))

    def __repr__(self) -> str:
        body = repr(self._body)
        if len(body) > 60:
            body = body[:57] + "..."
        parts = [f"body={body}"]
        for name in ("topic", "partition", "offset", "key", "timestamp"):
            value: object = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        return f"KafkaEvent({', '.join(parts)})"


def _is_iterable_of(annotation: object, element: type) -> bool:
    """Whether *annotation* is a parametrized iterable (``list[X]``, ``List[X]``) of *element*."""
    origin = typing.get_origin(annotation)
    if not is_class_annotation(origin, collections.abc.Iterable):
        return False
    args = typing.get_args(annotation)
    return any(is_class_annotation(element, arg) for arg in args if isinstance(arg, type))


def _collection(data: Datum) -> list[object]:
    """The items of a ``collection_*`` datum: a list, or the worker's protobuf holder."""
    value = data.value
    field = (data.type or "").removeprefix("collection_")
    holder: object = getattr(value, field, None) if field else None
    items: object = holder if holder is not None else value
    if not isinstance(items, collections.abc.Iterable) or isinstance(items, (str, bytes)):
        raise ValueError(f"a {data.type} datum must hold a list, got {type(value).__name__}")
    return list(cast("collections.abc.Iterable[object]", items))


def _parsed(data: Datum, context: str) -> object:
    """The Python value of a metadata datum, as the reference worker reads it."""
    value = data.value
    if data.type is None:
        return None
    if data.type == "json":
        return json.loads(value) if isinstance(value, (str, bytes, bytearray)) else value
    if data.type in {"string", "int", "double"}:
        return value
    if data.type.startswith("collection_"):
        return _collection(data)
    raise ValueError(f"unsupported type of {context}: {data.type}")


def _field(metadata: Mapping[str, Datum] | None, name: str, kind: type[_T]) -> _T | None:
    """Read one trigger-metadata field, coercing it to *kind* like the reference."""
    data = metadata.get(name) if metadata is not None else None
    if data is None:
        return None
    context = f"field {name!r} in trigger metadata"
    value = _parsed(data, context)
    if value is None or isinstance(value, kind):
        return value
    try:
        return cast("Callable[[object], _T]", kind)(value)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"cannot convert value of {context} into {kind.__name__}: {error}"
        ) from None


def _headers(metadata: Mapping[str, Datum] | None) -> Sequence[Mapping[str, object]] | None:
    """Read the ``Headers`` field: a JSON array (also when sent as a string)."""
    data = metadata.get("Headers") if metadata is not None else None
    if data is None:
        return None
    value = _parsed(data, "field 'Headers' in trigger metadata")
    if isinstance(value, (str, bytes)):
        # The reference turns a JSON string into a list of its characters.
        value = json.loads(value)
    if value is None:
        return None
    if not isinstance(value, list):
        raise ValueError(
            f"field 'Headers' in trigger metadata must be an array, got {type(value).__name__}"
        )
    return cast("Sequence[Mapping[str, object]]", value)


def _array(metadata: Mapping[str, Datum] | None, name: str, count: int) -> list[object]:
    """One per-event metadata array (``KeyArray``...), or ``None`` for each event."""
    data = metadata.get(name) if metadata is not None else None
    if data is None or data.type is None:
        return [None] * count
    if data.type.startswith("collection_"):
        items: object = _collection(data)
    elif isinstance(data.value, (str, bytes, bytearray)):
        items = json.loads(data.value)
    else:
        items = data.value
    if not isinstance(items, list):
        raise ValueError(f"trigger metadata {name!r} must be an array, got {type(items).__name__}")
    values = cast("list[object]", items)
    if len(values) != count:
        raise ValueError(f"trigger metadata {name!r} has {len(values)} items for {count} events")
    return values


def _as_bytes(item: object) -> bytes:
    if isinstance(item, str):
        return item.encode("utf-8")
    if isinstance(item, (bytes, bytearray)):
        return bytes(item)
    return json.dumps(item).encode("utf-8")


class KafkaConverter(InConverter, OutConverter, binding="kafka"):
    """Converter for the ``kafka`` binding (events without metadata)."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept ``KafkaEvent`` or a parametrized iterable of it."""
        return is_class_annotation(pytype, KafkaEvent) or _is_iterable_of(pytype, KafkaEvent)

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept ``str``, ``bytes`` or a parametrized iterable of ``str``."""
        return is_class_annotation(pytype, (str, bytes)) or _is_iterable_of(pytype, str)

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> KafkaEvent | list[KafkaEvent]:
        """Return one event, or a list for a ``collection_*`` datum.

        Raises:
            NotImplementedError: the datum has another type.
            ValueError: the metadata does not match the events.
        """
        if data.type in {"string", "json", "bytes"}:
            return cls._event(_as_bytes(data.value), trigger_metadata)
        if data.type in {"collection_bytes", "collection_string"}:
            bodies = [_as_bytes(item) for item in _collection(data)]
            return cls._events(bodies, trigger_metadata)
        raise NotImplementedError(f"unsupported event data payload type: {data.type}")

    @classmethod
    def _event(cls, body: bytes, metadata: Mapping[str, Datum] | None) -> KafkaEvent:
        return KafkaEvent(body=body)

    @classmethod
    def _events(cls, bodies: list[bytes], metadata: Mapping[str, Datum] | None) -> list[KafkaEvent]:
        return [KafkaEvent(body=body) for body in bodies]

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Encode nothing: Kafka outputs go through the worker's generic converter."""
        return None


class KafkaTriggerConverter(KafkaConverter, binding="kafkaTrigger", trigger=True):
    """Converter for the ``kafkaTrigger`` trigger (events with their metadata)."""

    @classmethod
    def _event(cls, body: bytes, metadata: Mapping[str, Datum] | None) -> KafkaEvent:
        return KafkaEvent(
            body=body,
            trigger_metadata=metadata,
            key=_field(metadata, "Key", str),
            offset=_field(metadata, "Offset", int),
            partition=_field(metadata, "Partition", int),
            topic=_field(metadata, "Topic", str),
            timestamp=_field(metadata, "Timestamp", str),
            headers=_headers(metadata),
        )

    @classmethod
    def _events(cls, bodies: list[bytes], metadata: Mapping[str, Datum] | None) -> list[KafkaEvent]:
        count = len(bodies)
        columns = zip(
            bodies,
            _array(metadata, "KeyArray", count),
            _array(metadata, "OffsetArray", count),
            _array(metadata, "PartitionArray", count),
            _array(metadata, "TopicArray", count),
            _array(metadata, "TimestampArray", count),
            _array(metadata, "HeadersArray", count),
            strict=True,
        )
        return [
            KafkaEvent(
                body=body,
                trigger_metadata=metadata,
                key=cast("str | None", key),
                offset=cast("int | None", offset),
                partition=cast("int | None", partition),
                topic=cast("str | None", topic),
                timestamp=cast("str | None", timestamp),
                headers=cast("Sequence[Mapping[str, object]] | None", headers),
            )
            for body, key, offset, partition, topic, timestamp, headers in columns
        ]
