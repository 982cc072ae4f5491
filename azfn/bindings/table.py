"""Azure Tables: the ``table`` input and output bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.enums import DataType

__all__ = ["TableInput", "TableOutput"]


class TableInput(InputBinding):
    """Read one entity, or a query's entities, from a table."""

    type = "table"
    arg_name: str
    connection: str
    """App setting (or prefix) holding the Storage or Cosmos DB connection."""
    table_name: str
    row_key: str | None = None
    """With *partition_key*, reads that one entity."""
    partition_key: str | None = None
    take: int | None = None
    """At most this many entities (queries only)."""
    filter: str | None = None
    """OData filter of the query (``Age gt 21``)."""
    data_type: DataType | str | None = None


class TableOutput(OutputBinding):
    """Write entities to a table."""

    type = "table"
    arg_name: str
    connection: str
    table_name: str
    row_key: str | None = None
    partition_key: str | None = None
    data_type: DataType | str | None = None
