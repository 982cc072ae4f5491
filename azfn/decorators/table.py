"""``azure.functions.decorators.table`` for azfn: the Table bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings.table import TableInput
from azfn.bindings.table import TableOutput
from azfn.decorators.constants import TABLE
from azfn.enums import DataType

__all__ = [
    "TABLE",
    "DataType",
    "InputBinding",
    "OutputBinding",
    "TableInput",
    "TableOutput",
]
