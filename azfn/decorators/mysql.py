"""``azure.functions.decorators.mysql`` for azfn: the MySQL bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.mysql import MySqlInput
from azfn.bindings.mysql import MySqlOutput
from azfn.bindings.mysql import MySqlTrigger
from azfn.decorators.constants import MYSQL
from azfn.decorators.constants import MYSQL_TRIGGER
from azfn.enums import DataType

__all__ = [
    "MYSQL",
    "MYSQL_TRIGGER",
    "DataType",
    "InputBinding",
    "MySqlInput",
    "MySqlOutput",
    "MySqlTrigger",
    "OutputBinding",
    "Trigger",
]
