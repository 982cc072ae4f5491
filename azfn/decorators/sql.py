"""``azure.functions.decorators.sql`` for azfn: the Azure SQL bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.sql import SqlInput
from azfn.bindings.sql import SqlOutput
from azfn.bindings.sql import SqlTrigger
from azfn.decorators.constants import SQL
from azfn.decorators.constants import SQL_TRIGGER
from azfn.enums import DataType

__all__ = [
    "SQL",
    "SQL_TRIGGER",
    "DataType",
    "InputBinding",
    "OutputBinding",
    "SqlInput",
    "SqlOutput",
    "SqlTrigger",
    "Trigger",
]
