# pyright: strict
"""Reading the trigger *metadata* the host sends with an invocation.

Metadata is a mapping of :class:`~azfn.meta.Datum`; these helpers read it
with the reference's coercions (an ``int`` read as a string gives ``"5"``,
JSON text is parsed). The converter modules share them; not public API.
"""

from __future__ import annotations

import collections.abc
import json
import typing
from collections.abc import Mapping

from azfn.meta import Datum
from azfn.meta import parse_datetime

if typing.TYPE_CHECKING:
    import datetime


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
    if not metadata:
        return None
    try:
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


def metadata_str(metadata: Mapping[str, Datum] | None, key: str) -> str | None:
    """Return the field as a string, or ``None``."""
    return to_str(metadata_field(metadata, key))


def metadata_int(metadata: Mapping[str, Datum] | None, key: str) -> int | None:
    """Return the field as an int, or ``None``."""
    return to_int(metadata_field(metadata, key), _where(key))


def metadata_dict(metadata: Mapping[str, Datum] | None, key: str) -> dict[str, object] | None:
    """Return the field as a dict, or ``None``."""
    return to_dict(metadata_field(metadata, key), _where(key))


def metadata_list(metadata: Mapping[str, Datum] | None, key: str) -> list[object] | None:
    """Return the field as a list, or ``None``."""
    return to_list(metadata_field(metadata, key), _where(key))


def metadata_datetime(metadata: Mapping[str, Datum] | None, key: str) -> datetime.datetime | None:
    """Return the field parsed as a timestamp, or ``None``."""
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
