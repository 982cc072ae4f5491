"""Azure Database for MySQL: the ``mysqlTrigger`` trigger and ``mysql`` bindings.

The same fields as the Azure SQL bindings (``azfn.bindings.sql``), declared
there once; only the host binding types differ.
"""

from __future__ import annotations

from azfn.bindings.sql import SqlInput
from azfn.bindings.sql import SqlOutput
from azfn.bindings.sql import SqlTrigger

__all__ = ["MySqlInput", "MySqlOutput", "MySqlTrigger"]


class MySqlTrigger(SqlTrigger):
    """Run the function for changes to a MySQL table."""

    type = "mysqlTrigger"


class MySqlInput(SqlInput):
    """Run a MySQL query or stored procedure and pass the rows."""

    type = "mysql"


class MySqlOutput(SqlOutput):
    """Upsert rows into a MySQL table."""

    type = "mysql"
