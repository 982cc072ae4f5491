# pyright: strict
"""Durable Functions: the orchestration/entity contexts, the Durable JSON codec, converters.

The orchestrator, entity and activity code itself comes from the
``azure-functions-durable`` package; this module is the worker-facing layer
it relies on.

Host conversion (the invoker builds these ``Datum`` values):

``orchestrationTrigger`` / ``entityTrigger`` (triggers, implicit output)
    ``decode`` reads one ``Datum`` of type ``"string"`` or ``"json"`` (or
    ``"bytes"``, UTF-8) holding the context JSON the Durable extension sends,
    and wraps its text in :class:`OrchestrationContext` / :class:`EntityContext`
    without parsing it. Trigger metadata is not read. ``encode`` passes the
    function's return value (the Durable library's JSON text) through as
    ``Datum(value, "json")``. Any return annotation is accepted.

``activityTrigger`` (trigger, implicit output)
    ``decode`` reads a ``"string"`` or ``"json"`` ``Datum`` and parses it with
    :func:`df_loads` (custom-object envelopes are rebuilt; text that is not
    JSON is passed through as a ``str``). ``encode`` serializes the return
    value with :func:`df_dumps` into ``Datum(<JSON text>, "json")``. Any
    annotation is accepted.

``durableClient`` (input)
    ``decode`` passes the client JSON (a ``"string"``, ``"json"`` or
    ``"bytes"`` ``Datum``) through unchanged. Annotate it ``str`` (or
    ``bytes``); ``encode`` maps ``str``/``bytes``/``None``/``dict``/``list``/
    ``bool``/``int``/``float`` to a ``Datum`` of the matching type.

The Durable JSON codec wraps objects that define ``to_json`` (and a
``from_json`` classmethod to come back) in a ``{"__class__", "__module__",
"__data__"}`` envelope, and rebuilds them only from modules already in
``sys.modules``. Setting ``AZURE_FUNCTIONS_DURABLE_STRICT_TYPING`` to ``1``,
``true`` or ``yes`` switches it to strict mode, as in the reference (which also
emits one-time ``DeprecationWarning`` advisories in loose mode; azfn does not).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING
from typing import cast

from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "ActivityTriggerConverter",
    "DurableClientConverter",
    "EnitityTriggerConverter",
    "EntityContext",
    "EntityTriggerConverter",
    "OrchestrationContext",
    "OrchestrationTriggerConverter",
    "df_dumps",
    "df_loads",
]

_STRICT_ENV = "AZURE_FUNCTIONS_DURABLE_STRICT_TYPING"
_ENVELOPE = frozenset({"__class__", "__module__", "__data__"})
_CLIENT_TYPES: tuple[tuple[type, str], ...] = (
    (str, "string"),
    (dict, "dict"),
    (list, "list"),
    (bool, "bool"),
    (int, "int"),
    (float, "double"),
)


class _DurableContext:
    """The context JSON the Durable extension sends, kept as text."""

    __slots__ = ("_body",)

    def __init__(self, body: str | bytes) -> None:
        value = cast("object", body)  # checked at run time too
        if isinstance(value, str):
            self._body = value
        elif isinstance(value, (bytes, bytearray)):
            self._body = bytes(value).decode("utf-8")
        else:
            # The reference accepts anything here and fails on first use.
            raise TypeError(
                f"{type(self).__name__} body must be str or bytes, got {type(body).__name__}"
            )

    @property
    def body(self) -> str:
        """The context JSON text."""
        return self._body

    def __str__(self) -> str:
        return self._body

    def __repr__(self) -> str:
        return f"{type(self).__name__}(body={self._body!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _DurableContext) or type(other) is not type(self):
            return NotImplemented
        return self._body == other._body

    def __hash__(self) -> int:
        return hash((type(self), self._body))


class OrchestrationContext(_DurableContext):
    """An orchestrator's context: ``body`` is the JSON the Durable extension sent."""


class EntityContext(_DurableContext):
    """An entity's context: ``body`` is the JSON the Durable extension sent."""


def _strict() -> bool:
    return os.environ.get(_STRICT_ENV, "").strip().lower() in {"1", "true", "yes"}


def _is_envelope(value: object) -> bool:
    return isinstance(value, dict) and cast("dict[str, object]", value).keys() >= _ENVELOPE


def _wrap(obj: object) -> dict[str, object]:
    """Envelope an object that has ``to_json`` (``json.dumps``'s *default* hook)."""
    to_json: object = getattr(type(obj), "to_json", None)
    if not callable(to_json):
        raise TypeError(f"class {type(obj)} does not expose a `to_json` function")
    return {
        "__class__": type(obj).__name__,
        "__module__": type(obj).__module__,
        "__data__": to_json(obj),
    }


def _revive(obj: dict[str, object]) -> object:
    """Rebuild an enveloped object from an already imported module (``object_hook``)."""
    if not obj.keys() >= _ENVELOPE:
        return obj
    class_name = str(obj.pop("__class__"))
    module_name = str(obj.pop("__module__"))
    data = obj.pop("__data__")
    module = sys.modules.get(module_name)
    if module is None:
        raise ValueError(f"cannot deserialize custom object: {module_name!r} is not in sys.modules")
    class_: object = getattr(module, class_name, None)
    if class_ is None:
        raise AttributeError(
            f"cannot deserialize custom object: class {class_name!r} "
            f"not found in module {module_name!r}"
        )
    from_json: object = getattr(class_, "from_json", None)
    if not callable(from_json):
        raise TypeError(f"class {class_name!r} does not expose a `from_json` function")
    return from_json(data)


def df_dumps(value: object) -> str:
    """Serialize *value* to JSON, enveloping objects that define ``to_json``.

    In loose mode (the default) nested objects are enveloped too. In strict
    mode only a top-level object is; everything else must be plain JSON.

    Raises:
        TypeError: a value is not JSON and has no ``to_json``.
    """
    if _strict():
        return json.dumps(_wrap(value) if hasattr(value, "to_json") else value)
    return json.dumps(value, default=_wrap)


def df_loads(text: str | bytes, expected_type: type | None = None) -> object:
    """Parse JSON text written by :func:`df_dumps`, rebuilding enveloped objects.

    Loose mode rebuilds envelopes at any depth from modules already imported.
    Strict mode needs *expected_type* for an enveloped value and then calls
    ``expected_type.from_json``. With *expected_type*, a mismatch is logged
    (loose) or raised (strict).

    Raises:
        ValueError: the JSON is invalid, or an envelope names a module not imported.
        AttributeError: the envelope's class is not in its module.
        TypeError: a class lacks ``from_json``, or a strict-mode check failed.
    """
    if expected_type is not None:
        return _loads_expecting(text, expected_type)
    if not _strict():
        return json.loads(text, object_hook=_revive)
    raw: object = json.loads(text)
    if _is_envelope(raw):
        envelope = cast("dict[str, object]", raw)
        raise TypeError(
            "df_loads: strict mode requires expected_type to deserialize custom-object "
            f"payloads, but none was provided. Payload declares "
            f"{envelope['__module__']}.{envelope['__class__']}."
        )
    return raw


def _loads_expecting(text: str | bytes, expected_type: type) -> object:
    import logging

    strict = _strict()
    raw: object = json.loads(text)
    expected = f"{expected_type.__module__}.{expected_type.__name__}"
    if _is_envelope(raw):
        envelope = cast("dict[str, object]", raw)
        declared = f"{envelope['__module__']}.{envelope['__class__']}"
        if declared != expected:
            message = f"df_loads: payload declares class {declared} but expected {expected}"
            if strict:
                raise TypeError(message)
            logging.getLogger(__name__).warning(message)
        if not strict:
            return json.loads(text, object_hook=_revive)
        from_json: object = getattr(expected_type, "from_json", None)
        if not (callable(getattr(expected_type, "to_json", None)) and callable(from_json)):
            raise TypeError(f"df_loads: expected_type {expected} does not expose from_json")
        return from_json(envelope["__data__"])
    try:
        compatible = isinstance(raw, expected_type)
    except TypeError:  # a generic alias such as list[int]
        compatible = True
    if not compatible:
        message = (
            f"df_loads: deserialized value ({type(raw).__name__}) is not "
            f"compatible with expected type {expected_type}"
        )
        if strict:
            raise TypeError(message)
        logging.getLogger(__name__).warning(message)
    return raw if strict else json.loads(text, object_hook=_revive)


def _text(data: Datum) -> str | bytes:
    """The text of a datum; an already parsed ``"json"`` value is serialized."""
    value = data.value
    if isinstance(value, (str, bytes)):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if data.type == "json":
        return json.dumps(value)
    raise TypeError(f"expected text from the Durable extension, got {data!r}")


class OrchestrationTriggerConverter(
    InConverter, OutConverter, binding="orchestrationTrigger", trigger=True
):
    """Converter for ``orchestrationTrigger``: the context in, the orchestrator's state out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept :class:`OrchestrationContext`."""
        return is_class_annotation(pytype, OrchestrationContext)

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept any return annotation (the output is implicit)."""
        return True

    @classmethod
    def decode(
        cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> OrchestrationContext:
        """Wrap the context JSON text."""
        return OrchestrationContext(_text(data))

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum:
        """Pass the return value (JSON text) through as a ``"json"`` datum."""
        return Datum(obj, "json")

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Return ``True``: the orchestrator's return value goes back to the host."""
        return True


class EntityTriggerConverter(InConverter, OutConverter, binding="entityTrigger", trigger=True):
    """Converter for ``entityTrigger``: the context in, the entity's state out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept :class:`EntityContext`."""
        return is_class_annotation(pytype, EntityContext)

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept any return annotation (the output is implicit)."""
        return True

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> EntityContext:
        """Wrap the context JSON text."""
        return EntityContext(_text(data))

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum:
        """Pass the return value (JSON text) through as a ``"json"`` datum."""
        return Datum(obj, "json")

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Return ``True``: the entity's return value goes back to the host."""
        return True


#: The reference's misspelled name, kept for code that imports it.
EnitityTriggerConverter = EntityTriggerConverter


class ActivityTriggerConverter(InConverter, OutConverter, binding="activityTrigger", trigger=True):
    """Converter for ``activityTrigger``: the activity's input in, its result out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept any annotation (the input is whatever the orchestrator sent)."""
        return True

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept any annotation (the result must be JSON or have ``to_json``)."""
        return True

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Parse the input with :func:`df_loads`; text that is not JSON stays a ``str``.

        Raises:
            NotImplementedError: the datum is not a string or JSON.
            ValueError: an envelope could not be rebuilt.
        """
        if data.type not in {"string", "json"}:
            raise NotImplementedError(f"unsupported activity trigger payload type: {data.type}")
        text = _text(data)
        try:
            return df_loads(text)
        except json.JSONDecodeError:
            return data.value
        except Exception as error:  # a user's from_json may raise anything
            raise ValueError(
                f"activity trigger input must be a string or a valid json serializable ({text!r})"
            ) from error

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum:
        """Serialize the result with :func:`df_dumps`.

        Raises:
            ValueError: the result is neither JSON nor has ``to_json``.
        """
        try:
            return Datum(df_dumps(obj), "json")
        except TypeError as error:
            raise ValueError(
                f"activity trigger output must be json serializable ({obj!r})"
            ) from error

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Return ``True``: the activity's return value goes back to the host."""
        return True


class DurableClientConverter(InConverter, OutConverter, binding="durableClient"):
    """Converter for the ``durableClient`` input: the client JSON, passed through."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept ``str`` or ``bytes``."""
        return is_class_annotation(pytype, (str, bytes))

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept ``str``, ``bytes`` or ``bytearray``."""
        return is_class_annotation(pytype, (str, bytes, bytearray))

    @classmethod
    def decode(cls, data: Datum | None, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Return the datum's value unchanged.

        Raises:
            ValueError: the datum is not a string, bytes or JSON.
        """
        if data is None or data.type is None:
            return None
        if data.type in {"string", "bytes", "json"}:
            return data.value
        raise ValueError(
            f'unexpected type of data received for the "generic" binding: {data.type!r}'
        )

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Wrap a plain value in a datum of its type, or return ``None``."""
        if obj is None:
            return Datum(None, None)
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        # bool before int: True is an int too.
        for kind, name in _CLIENT_TYPES:
            if isinstance(obj, kind):
                return Datum(obj, name)
        return None
