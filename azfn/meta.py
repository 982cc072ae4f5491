"""The worker's conversion layer: host data in, Python values out, and back.

The host hands the worker each input as typed data (a :class:`Datum`) plus,
for the trigger, *trigger metadata* (a mapping of more ``Datum``s). A
*converter*, looked up by binding type, turns that into what the function
receives (``decode``) and turns what the function returns or sets on an
``Out`` into data for the host (``encode``). azfn's in-process invoker and
local host use exactly this layer, so a function sees what the real worker
would give it.

Converters register themselves by subclassing :class:`InConverter` /
:class:`OutConverter` with class keywords::

    class QueueMessageInConverter(InConverter, binding="queueTrigger", trigger=True):
        ...
"""

from __future__ import annotations

import datetime
import json
import re
import typing
from typing import ClassVar

if typing.TYPE_CHECKING:
    from collections.abc import Iterable
    from collections.abc import Mapping

__all__ = [
    "Datum",
    "InConverter",
    "OutConverter",
    "get_binding_registry",
    "parse_datetime",
    "parse_timedelta",
]


class Datum:
    """One piece of typed data from the host: a value and its wire type.

    *type* is one of ``"string"``, ``"bytes"``, ``"json"`` (a JSON text),
    ``"int"``, ``"double"``, ``"http"``, ``"collection_string"``,
    ``"collection_bytes"``, ``"collection_double"``, ``"collection_sint64"``
    or ``None``.
    """

    __slots__ = ("type", "value")

    def __init__(self, value: object, type: str | None) -> None:  # the reference's name
        self.value = value
        self.type = type

    @property
    def python_value(self) -> object:
        """The value as Python sees it (JSON text parsed, collections as lists)."""
        if self.value is None or self.type is None:
            return self.value
        if self.type == "json":
            return json.loads(self.value) if isinstance(self.value, (str, bytes)) else self.value
        if self.type.startswith("collection_") and not isinstance(self.value, (str, bytes)):
            return list(typing.cast("Iterable[object]", self.value))
        return self.value

    @property
    def python_type(self) -> type:
        """The type of :attr:`python_value`."""
        return type(self.python_value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Datum):
            return NotImplemented
        return self.value == other.value and self.type == other.type

    def __hash__(self) -> int:
        return hash((Datum, repr(self.value), self.type))

    def __repr__(self) -> str:
        text = repr(self.value)
        if len(text) > 40:
            text = text[:37] + "..."
        return f"<Datum {self.type} {text}>"


# The modules whose converters make up the registry. azfn imports them on
# first use, so the registry is complete once anything reads it.
_CONVERTER_MODULES = (
    "azfn.blob",
    "azfn.connectors",
    "azfn.cosmosdb",
    "azfn.durable_functions",
    "azfn.eventgrid",
    "azfn.eventhub",
    "azfn.http",
    "azfn.kafka",
    "azfn.mcp",
    "azfn.mysql",
    "azfn.queue",
    "azfn.servicebus",
    "azfn.sql",
    "azfn.timer",
    "azfn.warmup",
)


def _load_converters() -> None:
    import importlib

    for module in _CONVERTER_MODULES:
        importlib.import_module(module)


class _Registry:
    """Converters by binding type (``"queueTrigger"``, ``"blob"``, ...)."""

    _bindings: ClassVar[dict[str, type[_Converter]]] = {}
    _loaded: ClassVar[bool] = False

    @classmethod
    def register(cls, binding: str, converter: type[_Converter]) -> None:
        existing = cls._bindings.get(binding)
        if existing is not None and existing is not converter:
            # A converter is the worker's contract for a binding type: two
            # would make which one runs depend on import order.
            raise RuntimeError(
                f"cannot register {converter.__qualname__} for the {binding!r} binding: "
                f"{existing.__qualname__} already converts it"
            )
        cls._bindings[binding] = converter

    @classmethod
    def _ensure_loaded(cls) -> None:
        if not cls._loaded:
            cls._loaded = True
            _load_converters()

    @classmethod
    def get(cls, binding: str) -> type[_Converter] | None:
        """Return the converter for the binding type, or ``None``."""
        cls._ensure_loaded()
        return cls._bindings.get(binding)

    @classmethod
    def bindings(cls) -> list[str]:
        """Return every registered binding type, sorted."""
        cls._ensure_loaded()
        return sorted(cls._bindings)


def get_binding_registry() -> type[_Registry]:
    """Return the converter registry (``.get(binding_type)``)."""
    return _Registry


class _Converter:
    """Base of converters: registration and shared parsing helpers."""

    #: Binding types this converter handles.
    bindings: ClassVar[tuple[str, ...]] = ()
    _trigger: ClassVar[bool] = False

    def __init_subclass__(
        cls,
        *,
        binding: str | tuple[str, ...] | None = None,
        trigger: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init_subclass__(**kwargs)
        if binding is None:
            return
        names = (binding,) if isinstance(binding, str) else binding
        cls.bindings = names
        cls._trigger = trigger
        for name in names:
            _Registry.register(name, cls)

    @classmethod
    def has_trigger_support(cls) -> bool:
        """Whether this converter decodes a trigger (and reads its metadata)."""
        return cls._trigger


class InConverter(_Converter):
    """Decodes host data for a parameter."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Return whether a parameter annotated *pytype* can receive the value."""
        raise NotImplementedError

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Return the Python value for *data* (and the trigger's metadata)."""
        raise NotImplementedError

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Whether the function's return value goes to this binding implicitly."""
        return False


class OutConverter(_Converter):
    """Encodes a value the function produced for the host."""

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Return whether a value annotated *pytype* can be encoded."""
        raise NotImplementedError

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Return the host data for *obj*, or ``None`` if it cannot encode it."""
        raise NotImplementedError


_FRACTION = re.compile(r"(\.\d{6})\d+")


def parse_datetime(text: str | None) -> datetime.datetime | None:
    """Parse the timestamps the host sends (ISO 8601, 'Z', 7 fractional digits).

    Returns ``None`` for ``None`` or an empty string. Offsets are kept;
    ``Z`` becomes UTC.

    Raises:
        ValueError: *text* is not a timestamp.
    """
    if not text:
        return None
    try:
        # The common case (what isoformat() writes) without the regex below.
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        pass
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    # .NET writes 7 fractional digits; Python's fromisoformat takes 6 before 3.11.
    value = _FRACTION.sub(r"\1", value)
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    for fmt in ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%Y-%m-%dT%H:%M:%S.%f%z"):
        try:
            return datetime.datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a timestamp the host sends (ISO 8601 expected)")


_TIMESPAN = re.compile(r"(?:(\d+)\.)?(\d+):(\d+)(?::(\d+(?:\.\d+)?))?\Z")


def parse_timedelta(text: str | None) -> datetime.timedelta | None:
    """Parse a .NET TimeSpan (``[d.]hh:mm[:ss[.fff]]``) or a number of seconds.

    Raises:
        ValueError: *text* is not a TimeSpan.
    """
    if not text:
        return None
    value = text.strip()
    match = _TIMESPAN.match(value)
    if match:
        days, hours, minutes, seconds = match.groups()
        return datetime.timedelta(
            days=int(days or 0),
            hours=int(hours),
            minutes=int(minutes),
            seconds=float(seconds or 0),
        )
    try:
        return datetime.timedelta(seconds=float(value))
    except ValueError:
        raise ValueError(f"{text!r} is not a TimeSpan ([d.]hh:mm:ss)") from None
