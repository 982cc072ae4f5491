# pyright: strict
"""Strategies for data bindings: blobs, timers, Cosmos DB documents, SQL and MySQL rows."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from azfn.blob import InputStream
from azfn.cosmosdb import Document
from azfn.cosmosdb import DocumentList
from azfn.mysql import MySqlRow
from azfn.mysql import MySqlRowList
from azfn.sql import SqlRow
from azfn.sql import SqlRowList
from azfn.strategies._common import Option
from azfn.strategies._common import bodies
from azfn.strategies._common import identifiers
from azfn.strategies._common import ids
from azfn.strategies._common import json_values
from azfn.strategies._common import option
from azfn.strategies._common import times
from azfn.strategies._formats import blob_paths
from azfn.timer import TimerRequest

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "document_lists",
    "documents",
    "input_streams",
    "mysql_row_lists",
    "mysql_rows",
    "sql_row_lists",
    "sql_rows",
    "timer_requests",
]

_FIELD = identifiers(max_size=12, upper=True, extra="_")


def input_streams(
    *, data: Option[bytes] | None = None, path: str | None = None
) -> SearchStrategy[InputStream]:
    """Blobs with name, URI, length and properties, as a blob trigger delivers them.

    Args:
        data: The content, or a strategy of contents.
        path: A trigger path such as ``samples/{name}.txt``: names match it.
    """

    def build(draw: st.DrawFn) -> InputStream:
        content = draw(option(data, bodies()))
        name = draw(blob_paths(path))
        return InputStream(
            data=content,
            name=name,
            uri=f"http://127.0.0.1:10000/devstoreaccount1/{name}",
            length=len(content),
            blob_properties={
                "ContentType": "application/octet-stream",
                "ContentLength": len(content),
                "BlobType": "BlockBlob",
                "LastModified": draw(times(whole_seconds=True)).isoformat(),
            },
            metadata={},
        )

    return st.composite(build)()


def timer_requests(
    *, past_due: Option[bool] | None = None, schedule: str = "0 */5 * * * *"
) -> SearchStrategy[TimerRequest]:
    """Timer invocations: past-due or not, with the schedule status the host keeps
    (none for schedules that fire more than once a minute, as the host's monitor is off).

    Args:
        past_due: Whether the run is late (default: either).
        schedule: The NCRONTAB expression (or ``hh:mm:ss``) the status is computed from.
    """
    from azfn._ncrontab import parse_schedule

    parsed = parse_schedule(schedule)
    is_constant = ":" in schedule and " " not in schedule.strip()

    def build(draw: st.DrawFn) -> TimerRequest:
        last = draw(times(whole_seconds=True))
        following = parsed.next_after(last)
        # The host keeps no status for schedules firing more than once a minute.
        monitored = parsed.next_after(following) - last > datetime.timedelta(minutes=1)
        status = {
            "Last": last.isoformat(),
            "Next": following.isoformat(),
            "LastUpdated": last.isoformat(),
        }
        return TimerRequest(
            past_due=draw(option(past_due, st.booleans())),
            schedule_status=status if monitored else None,
            schedule={"AdjustForDST": not is_constant},
        )

    return st.composite(build)()


def _record(extra: SearchStrategy[dict[str, object]]) -> SearchStrategy[dict[str, object]]:
    return st.tuples(ids(), extra).map(lambda pair: {"id": pair[0], **pair[1]})


_FIELDS = st.dictionaries(_FIELD.filter(lambda k: k != "id"), json_values(), max_size=5)


def documents(*, fields: Option[dict[str, object]] | None = None) -> SearchStrategy[Document]:
    """Cosmos DB documents: an ``id`` and JSON fields (or the *fields* given)."""
    return _record(option(fields, _FIELDS)).map(Document)


def document_lists(*, min_size: int = 0, max_size: int = 5) -> SearchStrategy[DocumentList]:
    """Cosmos DB change-feed batches or query results."""
    return st.lists(documents(), min_size=min_size, max_size=max_size).map(DocumentList)


_SQL_VALUES: SearchStrategy[object] = (
    st.none() | st.integers(-(2**31), 2**31 - 1) | st.text(max_size=30) | st.booleans()
)
_COLUMNS: SearchStrategy[dict[str, object]] = st.dictionaries(
    _FIELD.filter(lambda k: k != "id"), _SQL_VALUES, max_size=5
)


def sql_rows(*, columns: Option[dict[str, object]] | None = None) -> SearchStrategy[SqlRow]:
    """Azure SQL rows: column names to SQL-typed values."""
    return _record(option(columns, _COLUMNS)).map(SqlRow)


def sql_row_lists(*, min_size: int = 0, max_size: int = 5) -> SearchStrategy[SqlRowList]:
    """Azure SQL query results."""
    return st.lists(sql_rows(), min_size=min_size, max_size=max_size).map(SqlRowList)


def mysql_rows(*, columns: Option[dict[str, object]] | None = None) -> SearchStrategy[MySqlRow]:
    """MySQL rows: column names to values."""
    return _record(option(columns, _COLUMNS)).map(MySqlRow)


def mysql_row_lists(*, min_size: int = 0, max_size: int = 5) -> SearchStrategy[MySqlRowList]:
    """MySQL query results."""
    return st.lists(mysql_rows(), min_size=min_size, max_size=max_size).map(MySqlRowList)
