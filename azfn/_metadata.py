# pyright: strict
"""Reading the trigger *metadata* the host sends with an invocation.

Metadata is a mapping of :class:`~azfn.meta.Datum`; these helpers read it
with the reference's coercions (an ``int`` read as a string gives ``"5"``,
JSON text is parsed). The converter modules share them; not public API.

The in-process host builds metadata as Python values and hands converters a
:class:`WireMetadata`: a mapping that gives the :class:`~azfn.meta.Datum` the
host would send for each key, while the helpers here read the Python value
directly, which gives the same result without the trip through text.
"""

from __future__ import annotations

import collections.abc
import datetime
import json
import typing
from collections.abc import Mapping

from azfn.meta import Datum
from azfn.meta import parse_datetime

if typing.TYPE_CHECKING:
    from collections.abc import Iterator


_COLLECTION_FIELDS = {
    "collection_string": "string",
    "collection_bytes": "bytes",
    "collection_double": "double",
    "collection_sint64": "sint64",
}


def datum_value(datum: object) -> object:
    """Return a metadata value as Python sees it: JSON parsed, collections as lists.

    Values that are not a :class:`Datum` are returned as they are. Collections
    may be lists or the worker's protobuf messages (``.string``, ``.bytes``...).
    """
    if not isinstance(datum, Datum):
        return datum
    value = datum.value
    if value is None or datum.type is None:
        return None
    if datum.type == "json":
        return json.loads(value) if isinstance(value, (str, bytes, bytearray)) else value
    field = _COLLECTION_FIELDS.get(datum.type)
    if field is not None:
        value = getattr(value, field, value)
        if isinstance(value, collections.abc.Iterable) and not isinstance(value, (str, bytes)):
            return list(typing.cast("collections.abc.Iterable[object]", value))
    return value


def to_json(value: object) -> str:
    """JSON text of a metadata or test value (records, times and bytes included)."""
    return json.dumps(value, default=_json_default)


def _json_default(value: object) -> object:
    to_dict: object = getattr(value, "to_dict", None)  # Cosmos DB documents, SQL rows
    if callable(to_dict):
        return to_dict()
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def to_datum(value: object) -> Datum:
    """The :class:`Datum` the host sends for a Python metadata value."""
    if isinstance(value, Datum):
        return value
    if isinstance(value, str):
        return Datum(value, "string")
    if isinstance(value, datetime.datetime):
        return Datum(value.isoformat(), "string")
    if isinstance(value, bool):
        return Datum("true" if value else "false", "json")
    if isinstance(value, int):
        return Datum(value, "int")
    if isinstance(value, float):
        return Datum(value, "double")
    if isinstance(value, bytes):
        return Datum(value, "bytes")
    return Datum(to_json(value), "json")


_SAME = (str, int, float, bytes)  # bool is an int: JSON true/false reads back as itself


class WireMetadata(Mapping[str, Datum]):
    """Trigger metadata held as Python values, read as the host would send it.

    ``metadata[key]`` is ``to_datum(value)``; :meth:`value` is what
    :func:`datum_value` gives for that datum, computed without building it.
    A key whose value is ``None`` is absent: the host sends no unset fields.

    Attributes:
        fields: The Python values by key, as the delivery made them.
    """

    __slots__ = ("fields",)

    def __init__(self, values: dict[str, object]) -> None:
        self.fields = values

    def __getitem__(self, key: str) -> Datum:
        value = self.fields[key]
        if value is None:
            raise KeyError(key)
        return to_datum(value)

    def __iter__(self) -> Iterator[str]:
        return (key for key, value in self.fields.items() if value is not None)

    def __len__(self) -> int:
        return sum(value is not None for value in self.fields.values())

    def __contains__(self, key: object) -> bool:
        return self.fields.get(typing.cast("str", key)) is not None  # other keys: None

    def value(self, key: str) -> object:
        """``datum_value(self.get(key))``, without the round trip through text."""
        value = self.fields.get(key)
        if value is None or isinstance(value, _SAME):
            return value
        if isinstance(value, Datum):
            return datum_value(value)
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        return json.loads(to_json(value))

    def __repr__(self) -> str:
        present = {key: value for key, value in self.fields.items() if value is not None}
        return f"WireMetadata({present!r})"


def metadata_values(metadata: Mapping[str, object] | None) -> dict[str, object] | None:
    """Return every trigger metadata field as a Python value (``None`` if none)."""
    if metadata is None:
        return None
    return {key: datum_value(datum) for key, datum in metadata.items()}


def metadata_field(metadata: Mapping[str, Datum] | None, key: str) -> object:
    """Return one trigger metadata field as a Python value, ``None`` if missing.

    Raises:
        ValueError: the field's JSON is malformed.
    """
    try:
        if type(metadata) is WireMetadata:
            return metadata.value(key)
        if not metadata:
            return None
        return datum_value(metadata.get(key))
    except ValueError as exc:
        raise ValueError(f"field {key!r} in trigger metadata is not valid JSON: {exc}") from None


def _cannot(value: object, where: str, kind: str) -> ValueError:
    return ValueError(f"cannot convert {where} into {kind}: {value!r}")


def to_str(value: object) -> str | None:
    """Return *value* as a string (numbers formatted, bytes decoded), or ``None``."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    return str(value)


def to_int(value: object, where: str) -> int | None:
    """Return *value* as an int (numeric strings parsed), or ``None``.

    Raises:
        ValueError: *value* is not a whole number.
    """
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, (str, float)):
        try:
            return int(value)
        except ValueError:
            pass
    raise _cannot(value, where, "int")


def _container(value: object, where: str, kind: type) -> object:
    # *value* (or the JSON text it is) if it is a *kind*, else ValueError.
    if isinstance(value, (str, bytes, bytearray)):
        try:
            value = json.loads(value)
        except ValueError:
            raise _cannot(value, where, kind.__name__) from None
    if value is None or isinstance(value, kind):
        return value
    raise _cannot(value, where, kind.__name__)


def to_dict(value: object, where: str) -> dict[str, object] | None:
    """Return *value* as a dict (a JSON object), or ``None``.

    Raises:
        ValueError: *value* is neither a dict nor the JSON text of one.
    """
    return typing.cast("dict[str, object] | None", _container(value, where, dict))


def to_list(value: object, where: str) -> list[object] | None:
    """Return *value* as a list (a collection or JSON array), or ``None``."""
    return typing.cast("list[object] | None", _container(value, where, list))


def _where(key: str) -> str:
    return f"field {key!r} in trigger metadata"


# The helpers below first try the in-process host's WireMetadata holding a
# value of the wanted type, which they return as it is (a converter reads
# several fields per invocation); anything else takes the general path.


def metadata_str(metadata: Mapping[str, Datum] | None, key: str) -> str | None:
    """Return the field as a string, or ``None``."""
    if type(metadata) is WireMetadata:
        value = metadata.fields.get(key)
        if value is None or type(value) is str:
            return value
        if type(value) is int:  # e.g. a JSON message's "id": 7 overriding the Id
            return str(value)
    return to_str(metadata_field(metadata, key))


def metadata_int(metadata: Mapping[str, Datum] | None, key: str) -> int | None:
    """Return the field as an int, or ``None``."""
    if type(metadata) is WireMetadata:
        value = metadata.fields.get(key)
        if value is None or type(value) is int:
            return value
    return to_int(metadata_field(metadata, key), _where(key))


def metadata_dict(metadata: Mapping[str, Datum] | None, key: str) -> dict[str, object] | None:
    """Return the field as a dict, or ``None``."""
    return to_dict(metadata_field(metadata, key), _where(key))


def metadata_list(metadata: Mapping[str, Datum] | None, key: str) -> list[object] | None:
    """Return the field as a list, or ``None``."""
    return to_list(metadata_field(metadata, key), _where(key))


def metadata_datetime(metadata: Mapping[str, Datum] | None, key: str) -> datetime.datetime | None:
    """Return the field parsed as a timestamp, or ``None``."""
    if type(metadata) is WireMetadata:
        value = metadata.fields.get(key)
        # isoformat() text parses back to the same datetime, tzinfo included,
        # for naive and UTC times: skip the round trip for those.
        if value is None or (
            type(value) is datetime.datetime
            and (value.tzinfo is None or value.tzinfo is datetime.timezone.utc)
        ):
            return value
    return parse_datetime(metadata_str(metadata, key))


def is_class_annotation(annotation: object, types: type | tuple[type, ...]) -> bool:
    """Return whether *annotation* is a class deriving from (one of) *types*.

    ``False`` for anything else, generics included (``list[int]`` passes
    ``isinstance(..., type)`` on Python 3.10 but is no class).
    """
    if typing.get_origin(annotation) is not None:
        return False
    return isinstance(annotation, type) and issubclass(annotation, types)


def is_iterable_annotation(annotation: object, types: tuple[type, ...]) -> bool:
    """Return whether *annotation* is ``Iterable[X]`` (``list[X]``...) with X in *types*."""
    origin = typing.get_origin(annotation)
    if not isinstance(origin, type) or not issubclass(origin, collections.abc.Iterable):
        return False
    if issubclass(origin, (str, bytes, Mapping)):
        return False
    return any(is_class_annotation(arg, types) for arg in typing.get_args(annotation))


def body_bytes(body: object, owner: str) -> bytes:
    """Return a message body as bytes: ``str`` is UTF-8 encoded, ``None`` is empty.

    Raises:
        TypeError: *body* is not ``str``, bytes-like or ``None``.
    """
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, memoryview):
        return body.tobytes()
    raise TypeError(
        f"the body of a {owner} must be str, bytes or bytearray, got {type(body).__name__}"
    )


def short_repr(value: object, limit: int = 40) -> str:
    """Return ``repr(value)``, cut to *limit* characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
