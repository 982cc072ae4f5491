# pyright: strict
"""Azure SQL rows: :class:`SqlRow` and :class:`SqlRowList`, and their converters.

Host conversion (the invoker builds these ``Datum`` values):

``sql`` (:class:`SqlConverter`, input and output)
    ``decode`` reads one ``Datum`` of type ``"json"``, ``"string"`` or
    ``"bytes"`` (UTF-8) holding the query result as a JSON array of objects
    (one object becomes a one-item list; ``null`` items stay ``None``; a
    ``Datum`` whose type is ``None`` decodes to ``None``). ``encode`` accepts a
    ``SqlRow``, a ``SqlRowList`` or an iterable of ``SqlRow`` and returns
    ``Datum(<JSON array text>, "json")``; anything else cannot be encoded
    (``None``). Annotate inputs ``SqlRowList``, outputs ``SqlRow`` or ``SqlRowList``.

``sqlTrigger`` (:class:`SqlTriggerConverter`, trigger)
    The reference library has no converter for this trigger (the worker then
    passes the raw JSON through). azfn decodes the same payload into a
    ``SqlRowList`` of changes, one ``SqlRow`` per change with the host's keys
    ``"Operation"`` (0 insert, 1 update, 2 delete) and ``"Item"`` (the row as a
    JSON object). Trigger metadata is not read. A parameter annotated ``str``
    still receives the raw JSON text, as under the real worker (which sends
    ``str``/``bytes`` annotations through its generic converter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import cast

from azfn.cosmosdb import JsonRecord
from azfn.cosmosdb import JsonRecordList
from azfn.cosmosdb import JsonRecordsConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

    from azfn.meta import Datum

__all__ = ["SqlConverter", "SqlRow", "SqlRowList", "SqlTriggerConverter"]


class SqlRow(JsonRecord):
    """One Azure SQL row: a ``UserDict`` of column names to values.

    Unlike the reference it also has :meth:`to_dict`.
    """


class SqlRowList(JsonRecordList[SqlRow]):
    """A ``UserList`` of :class:`SqlRow`."""


class SqlConverter(JsonRecordsConverter, binding="sql"):
    """Converter for the ``sql`` input and output bindings."""

    _records = SqlRowList
    _record = SqlRow

    @classmethod
    def decode(
        cls, data: Datum | None, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> SqlRowList | None:
        """Parse a JSON array (or one object) into a ``SqlRowList``."""
        return cast("SqlRowList | None", super().decode(data, trigger_metadata=trigger_metadata))


class SqlTriggerConverter(SqlConverter, binding="sqlTrigger", trigger=True):
    """Converter for the ``sqlTrigger`` trigger (a list of change rows).

    .. versionadded:: 0.1
       The reference library registers nothing for ``sqlTrigger``.
    """
