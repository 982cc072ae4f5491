"""Azure Database for MySQL: the ``mysqlTrigger`` trigger and ``mysql`` bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["MySqlInput", "MySqlOutput", "MySqlTrigger"]


class MySqlTrigger(Trigger):
    """Run the function for changes to a table."""

    type = "mysqlTrigger"
    arg_name: str
    table_name: str
    connection_string_setting: str
    """App setting holding the database connection string."""
    leases_table_name: str | None = None
    data_type: DataType | str | None = None


class MySqlInput(InputBinding):
    """Run a query or stored procedure and pass the rows."""

    type = "mysql"
    arg_name: str
    command_text: str
    """The query, or the stored procedure's name."""
    connection_string_setting: str
    command_type: str | None = "Text"
    """``Text`` (a query) or ``StoredProcedure``."""
    parameters: str | None = None
    """``@Name={name},@Id={id}``: values of the command's parameters."""
    data_type: DataType | str | None = None


class MySqlOutput(OutputBinding):
    """Upsert rows into a table."""

    type = "mysql"
    arg_name: str
    command_text: str
    """The table written to."""
    connection_string_setting: str
    data_type: DataType | str | None = None
