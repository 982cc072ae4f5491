# pyright: strict
"""Logic Apps connector triggers: the ``connectorTrigger`` converter.

Host conversion (the invoker builds this ``Datum``):

``connectorTrigger`` (:class:`ConnectorTriggerConverter`, trigger, implicit output)
    ``decode`` returns the payload as the host sent it: the text of a
    ``"json"`` or ``"string"`` ``Datum``, ``bytes`` for ``"bytes"``, and the
    ``Datum``'s Python value otherwise. Trigger metadata is not read.
    Parameters may be annotated ``str``, ``dict`` or ``bytes``; any return
    annotation is accepted. ``encode``: ``None`` becomes ``""``, ``str`` and
    ``bytes`` pass through, a ``dict`` becomes its JSON text, anything else
    ``str(obj)``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["ConnectorTriggerConverter"]


class ConnectorTriggerConverter(
    InConverter, OutConverter, binding="connectorTrigger", trigger=True
):
    """Converter for ``connectorTrigger``: the raw payload in, the response out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept ``str``, ``dict`` or ``bytes``."""
        return is_class_annotation(pytype, (str, dict, bytes))

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept any return annotation: the output is implicit."""
        return True

    @classmethod
    def has_implicit_output(cls) -> bool:
        """Return ``True``: the return value is the trigger's response."""
        return True

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Return the payload as the host sent it."""
        if data.type in {"json", "string", "bytes"}:
            return data.value
        return data.python_value

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None = None) -> Datum:
        """Return text for the host (a ``dict`` as JSON, other objects via ``str``)."""
        if obj is None:
            return Datum("", "string")
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        if isinstance(obj, dict):
            return Datum(json.dumps(obj), "string")
        return Datum(str(obj), "string")
