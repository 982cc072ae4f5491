"""Generic bindings: any binding type, with its settings as extra keywords.

The escape hatch for extensions azfn does not declare: ``type`` is the host's
binding type and every other keyword becomes a metadata key.
"""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["GenericInputBinding", "GenericOutputBinding", "GenericTrigger"]


def _type_problems(binding_type: object) -> list[str]:
    if not isinstance(binding_type, str) or not binding_type.strip():
        return [
            f"type must be the host's binding type (such as 'queueTrigger'), got {binding_type!r}"
        ]
    return []


class GenericTrigger(Trigger):
    """A trigger of any *type*."""

    arg_name: str
    type: str
    """The host's binding type, such as ``"kafkaTrigger"``; it should end in
    ``Trigger``."""
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including an empty *type*."""
        return super().problems() + _type_problems(self.type)


class GenericInputBinding(InputBinding):
    """An input binding of any *type*."""

    arg_name: str
    type: str
    """The host's binding type, such as ``"blob"``."""
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including an empty *type*."""
        return super().problems() + _type_problems(self.type)


class GenericOutputBinding(OutputBinding):
    """An output binding of any *type*."""

    arg_name: str
    type: str
    """The host's binding type, such as ``"queue"``."""
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including an empty *type*."""
        return super().problems() + _type_problems(self.type)
