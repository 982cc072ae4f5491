# pyright: strict
"""The shared parts of turning a test's value into what the host delivers.

:class:`Call` is what one conversion knows besides the value (the binding,
the delivery time, the settings, what the binding accepts), :class:`Delivery`
what it produces. The per-type conversions live in :mod:`._deliver_queue`,
:mod:`._deliver_messages` and :mod:`._deliver_data`; :mod:`._deliveries`
maps binding types to them.

Delivery times are whole seconds, as Azure Storage reports them, so the
ISO text of a time is worked out once per second rather than per delivery.
"""

from __future__ import annotations

import datetime
import functools
import time
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING

from azfn._bodies import scan_json
from azfn._metadata import to_json
from azfn.errors import AzfnError
from azfn.meta import Datum

if TYPE_CHECKING:
    from azfn.host._model import BindingInfo

__all__ = [
    "Call",
    "Delivery",
    "InvalidInputError",
    "MissingInputError",
    "as_bytes",
    "as_mapping",
    "body_of",
    "collection",
    "delivery_time",
    "is_plain",
    "iso",
    "items_of",
    "json_object",
    "merge_binding_data",
    "one_datum",
    "text_datum",
    "to_json",
    "wrong_type",
]


class InvalidInputError(AzfnError, TypeError):
    """A value given for a binding is of the wrong type, or names no input binding."""


class MissingInputError(InvalidInputError):
    """The trigger or an input binding was not given; the message lists what is needed."""


class Delivery:
    """One delivery: data, metadata (Python values) and extra binding data."""

    __slots__ = ("binding", "data", "metadata")

    def __init__(
        self,
        data: Datum,
        metadata: dict[str, object] | None = None,
        binding: dict[str, object] | None = None,
    ) -> None:
        self.data = data
        self.metadata = metadata if metadata is not None else {}
        self.binding = binding  # None: the binding data is the metadata


_last_second = -1
_last_time = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def delivery_time() -> datetime.datetime:
    """Return the current UTC time, to the second."""
    global _last_second, _last_time  # noqa: PLW0603  # a one-entry cache
    second = int(time.time())
    if second != _last_second:
        _last_time = datetime.datetime.fromtimestamp(second, datetime.timezone.utc)
        _last_second = second
    return _last_time


@functools.lru_cache(maxsize=64)
def iso(moment: datetime.datetime) -> str:
    """Return ``moment.isoformat()``, cached: delivery times repeat within a second."""
    return moment.isoformat()


class Call:
    """What a conversion needs besides the value.

    Attributes:
        binding: The binding the value is for.
        now: The delivery time.
        settings: The app settings (for ``%Name%`` in paths).
        expected: What the binding accepts, for error messages.
    """

    __slots__ = ("binding", "expected", "now", "settings")

    def __init__(
        self,
        binding: BindingInfo,
        now: datetime.datetime,
        settings: Mapping[str, str],
        expected: str,
    ) -> None:
        self.binding = binding
        self.now = now
        self.settings = settings
        self.expected = expected

    def raw(self, key: str) -> object:
        """The binding's metadata value for *key*."""
        return self.binding.raw.get(key)

    def many(self) -> bool:
        """Whether the binding has ``cardinality: many``."""
        return str(self.binding.raw.get("cardinality")).lower() == "many"

    def iso(self, delta: datetime.timedelta | None = None) -> str:
        """The delivery time (plus *delta*) as ISO 8601 text."""
        return iso(self.now if delta is None else self.now + delta)


def wrong_type(call: Call, value: object) -> InvalidInputError:
    """The error for a value the binding cannot take."""
    binding = call.binding
    kind = "trigger" if binding.is_trigger else "input"
    return InvalidInputError(
        f"cannot use a {type(value).__name__} for the {binding.type} {kind} {binding.name!r}: "
        f"pass {call.expected}"
    )


# --- values ----------------------------------------------------------------------------


def text_datum(body: bytes | str, binding: BindingInfo) -> Datum:
    """The host's string delivery (bytes when ``dataType`` is binary or not UTF-8)."""
    if isinstance(body, str):
        return (
            Datum(body.encode("utf-8"), "bytes")
            if binding.data_type == "binary"
            else Datum(body, "string")
        )
    if binding.data_type == "binary":
        return Datum(body, "bytes")
    try:
        return Datum(body.decode("utf-8"), "string")
    except UnicodeDecodeError:
        return Datum(body, "bytes")


def one_datum(body: bytes | str, call: Call) -> Datum:
    """One event's body: text as a string, unless ``dataType`` is binary."""
    if call.binding.data_type == "binary" and isinstance(body, str):
        return Datum(body.encode("utf-8"), "bytes")
    return Datum(body, "string" if isinstance(body, str) else "bytes")


def collection(bodies: list[bytes | str]) -> Datum:
    """A batch's bodies: a string collection when all are text, else bytes."""
    if all(isinstance(body, str) for body in bodies):
        return Datum(bodies, "collection_string")
    return Datum(
        [b.encode("utf-8") if isinstance(b, str) else b for b in bodies], "collection_bytes"
    )


def as_bytes(value: object) -> bytes | None:
    """*value* as bytes if it is bytes-like, else ``None``."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, memoryview):
        return typing.cast("memoryview[int]", value).tobytes()
    return None


def as_mapping(value: object) -> Mapping[str, object] | None:
    """*value* if it is a mapping, else ``None``."""
    return typing.cast("Mapping[str, object]", value) if isinstance(value, Mapping) else None


def body_of(value: object) -> bytes | str:
    """A plain value as a message body: bytes and text as they are, the rest as JSON."""
    raw = as_bytes(value)
    if raw is not None:
        return raw
    if isinstance(value, str):
        return value
    return to_json(value)


def is_plain(value: object) -> bool:
    """Whether *value* is a plain message body (text, bytes, a dict or a list)."""
    return isinstance(value, (str, bytes, bytearray, memoryview, dict, list))


def items_of(value: object) -> list[object]:
    """A batch's items: a list or tuple as a list, anything else as one item."""
    if isinstance(value, (list, tuple)):
        return list(typing.cast("list[object]", value))
    return [value]


def json_object(text: str) -> Mapping[str, object] | None:
    """The JSON object *text* holds (surrounding whitespace allowed), else ``None``."""
    text = text.strip()
    if not text.startswith("{"):
        return None
    try:  # the scanner directly: every plain-text trigger value is tried here
        parsed, end = scan_json(text, 0)
    except (StopIteration, ValueError):  # StopIteration: no value where one should start
        return None
    return parsed if end == len(text) and isinstance(parsed, dict) else None


@functools.lru_cache(maxsize=256)
def _folded(keys: tuple[str, ...]) -> dict[str, str]:
    # Deliveries of one trigger type have the same keys: fold them once.
    return {key.casefold(): key for key in keys}


def merge_binding_data(
    target: dict[str, object], source: Mapping[str, object], *, arrays: bool
) -> None:
    """Add *source* to *target* ignoring key case; an existing key keeps its spelling."""
    folded: dict[str, str] | None = None  # target's keys by case fold, shared and cached
    added: dict[str, str] = {}  # keys added here, by case fold
    for key, value in source.items():
        if value is None or (not arrays and isinstance(value, list)):
            continue
        if key in target:
            target[key] = value
            continue
        if folded is None:
            folded = _folded(tuple(target))
        lowered = key.casefold()
        existing = added.get(lowered) or folded.get(lowered)
        if existing is None:
            added[lowered] = key
            target[key] = value
        else:
            target[existing] = value
