"""Azure Cosmos DB: the ``cosmosDBTrigger`` trigger and ``cosmosDB`` bindings.

The plain classes are for version 4 of the extension (containers,
``connection``); the ``V3`` ones for version 3 (collections,
``connection_string_setting``). Both emit the same binding types.

Like every declaration they are immutable, so a decorator reused on several
functions shares nothing mutable (the reference's cosmos triggers did).
"""

from __future__ import annotations

import datetime
import typing

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = [
    "CosmosDBInput",
    "CosmosDBInputV3",
    "CosmosDBOutput",
    "CosmosDBOutputV3",
    "CosmosDBTrigger",
    "CosmosDBTriggerV3",
]


class CosmosDBTrigger(Trigger):
    """Run the function for changes to a container (its change feed)."""

    type = "cosmosDBTrigger"
    arg_name: str
    connection: str
    """App setting (or prefix) holding the Cosmos DB connection."""
    database_name: str
    container_name: str
    lease_connection: str | None = None
    """Connection of the lease container; defaults to *connection*."""
    lease_database_name: str | None = None
    lease_container_name: str | None = None
    """Container storing the change-feed leases (``leases``)."""
    create_lease_container_if_not_exists: bool | None = None
    leases_container_throughput: int | None = None
    """Request units of a lease container the host creates."""
    lease_container_prefix: str | None = None
    """Prefix of the leases, to share one lease container between functions."""
    feed_poll_delay: int | None = None
    """Milliseconds between polls of the change feed once drained."""
    lease_acquire_interval: int | None = None
    lease_expiration_interval: int | None = None
    lease_renew_interval: int | None = None
    max_items_per_invocation: int | None = None
    # Fix: the reference annotates both start_from_* as datetime.time, which
    # is wrong for the flag and cannot be written as JSON for the time.
    start_from_beginning: bool | None = None
    """Read the change feed from the start instead of from now (first run only)."""
    start_from_time: str | datetime.datetime | None = None
    """Read changes from this moment (ISO 8601; a datetime is written so)."""
    preferred_locations: str | None = None
    """Comma-separated regions to read from (``East US,West US``)."""
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including a start time that is not a date-time."""
        problems = super().problems()
        when = typing.cast("object", self.start_from_time)  # untyped callers pass anything
        if when is not None and not isinstance(when, (str, datetime.datetime)):
            problems.append(
                f"start_from_time must be an ISO 8601 date-time string or a "
                f"datetime.datetime, not {type(when).__name__} ({when!r})"
            )
        return problems


class CosmosDBInput(InputBinding):
    """Read one item, or a query's items, from a container."""

    type = "cosmosDB"
    arg_name: str
    connection: str
    database_name: str
    container_name: str
    partition_key: str | None = None
    id: str | None = None
    """With *partition_key*, reads that one item (``{id}`` binds a route
    parameter)."""
    sql_query: str | None = None
    preferred_locations: str | None = None
    data_type: DataType | str | None = None


class CosmosDBOutput(OutputBinding):
    """Write items to a container."""

    type = "cosmosDB"
    arg_name: str
    connection: str
    database_name: str
    container_name: str
    create_if_not_exists: bool | None = None
    partition_key: str | None = None
    """Partition key path of a container the host creates (``/id``)."""
    container_throughput: int | None = None
    preferred_locations: str | None = None
    data_type: DataType | str | None = None


class CosmosDBTriggerV3(Trigger):
    """Run the function for changes to a collection (extension version 3)."""

    type = "cosmosDBTrigger"
    arg_name: str
    database_name: str
    collection_name: str
    connection_string_setting: str
    """App setting holding the Cosmos DB connection string."""
    lease_collection_name: str | None = None
    lease_connection_string_setting: str | None = None
    lease_database_name: str | None = None
    create_lease_collection_if_not_exists: bool | None = None
    leases_collection_throughput: int | None = None
    lease_collection_prefix: str | None = None
    checkpoint_interval: int | None = None
    """Milliseconds between lease checkpoints."""
    checkpoint_document_count: int | None = None
    """Documents processed between lease checkpoints."""
    feed_poll_delay: int | None = None
    lease_renew_interval: int | None = None
    lease_acquire_interval: int | None = None
    lease_expiration_interval: int | None = None
    max_items_per_invocation: int | None = None
    start_from_beginning: bool | None = None
    preferred_locations: str | None = None
    data_type: DataType | str | None = None

    json_order = (
        "database_name",
        "collection_name",
        "connection_string_setting",
        "leases_collection_throughput",
        "checkpoint_interval",
        "checkpoint_document_count",
        "feed_poll_delay",
        "lease_renew_interval",
        "lease_acquire_interval",
        "lease_expiration_interval",
        "max_items_per_invocation",
        "start_from_beginning",
        "create_lease_collection_if_not_exists",
        "preferred_locations",
        "lease_collection_name",
        "lease_connection_string_setting",
        "lease_database_name",
        "lease_collection_prefix",
    )


class CosmosDBInputV3(InputBinding):
    """Read documents from a collection (extension version 3)."""

    type = "cosmosDB"
    arg_name: str
    database_name: str
    collection_name: str
    connection_string_setting: str
    id: str | None = None
    sql_query: str | None = None
    partition_key: str | None = None
    data_type: DataType | str | None = None


class CosmosDBOutputV3(OutputBinding):
    """Write documents to a collection (extension version 3)."""

    type = "cosmosDB"
    arg_name: str
    database_name: str
    collection_name: str
    connection_string_setting: str
    create_if_not_exists: bool | None = None
    partition_key: str | None = None
    collection_throughput: int | None = None
    use_multiple_write_locations: bool | None = None
    preferred_locations: str | None = None
    data_type: DataType | str | None = None

    json_order = (
        "database_name",
        "collection_name",
        "connection_string_setting",
        "create_if_not_exists",
        "collection_throughput",
        "use_multiple_write_locations",
        "preferred_locations",
        "partition_key",
    )
