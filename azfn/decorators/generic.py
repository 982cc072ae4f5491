"""``azure.functions.decorators.generic`` for azfn: bindings of any type."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.generic import GenericInputBinding
from azfn.bindings.generic import GenericOutputBinding
from azfn.bindings.generic import GenericTrigger
from azfn.enums import DataType

__all__ = [
    "DataType",
    "GenericInputBinding",
    "GenericOutputBinding",
    "GenericTrigger",
    "InputBinding",
    "OutputBinding",
    "Trigger",
]
