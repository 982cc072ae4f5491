"""Azure SQL: the ``sqlTrigger`` trigger and ``sql`` bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["SqlInput", "SqlOutput", "SqlTrigger"]


class SqlTrigger(Trigger):
    """Run the function for changes to a table (SQL change tracking)."""

    type = "sqlTrigger"
    arg_name: str
    table_name: str
    """The tracked table (``dbo.ToDo``)."""
    connection_string_setting: str
    """App setting holding the database connection string."""
    leases_table_name: str | None = None
    """Name of the leases table the extension creates."""
    data_type: DataType | str | None = None


class SqlInput(InputBinding):
    """Run a query or stored procedure and pass the rows."""

    type = "sql"
    arg_name: str
    command_text: str
    """The query, or the stored procedure's name."""
    connection_string_setting: str
    command_type: str | None = "Text"
    """``Text`` (a query) or ``StoredProcedure``."""
    parameters: str | None = None
    """``@Name={name},@Id={id}``: values of the command's parameters."""
    data_type: DataType | str | None = None


class SqlOutput(OutputBinding):
    """Upsert rows into a table."""

    type = "sql"
    arg_name: str
    command_text: str
    """The table written to (``dbo.ToDo``)."""
    connection_string_setting: str
    data_type: DataType | str | None = None
