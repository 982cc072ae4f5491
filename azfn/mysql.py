# pyright: strict
"""Azure Database for MySQL rows: :class:`MySqlRow`, :class:`MySqlRowList` and converters.

Host conversion (the invoker builds these ``Datum`` values):

``mysql`` (:class:`MySqlConverter`, input and output) and ``mysqlTrigger``
(:class:`MySqlTriggerConverter`, trigger)
    ``decode`` reads one ``Datum`` of type ``"json"``, ``"string"`` or
    ``"bytes"`` (UTF-8) holding a JSON array of objects: the input's query
    result, or the trigger's changes (each ``{"Operation": 0|1|2, "Item":
    {...}}``). One object becomes a one-item list; ``null`` items stay
    ``None``; a ``Datum`` whose type is ``None`` decodes to ``None``. Trigger
    metadata is not read. ``encode`` accepts a ``MySqlRow``, a
    ``MySqlRowList`` or an iterable of ``MySqlRow`` and returns
    ``Datum(<JSON array text>, "json")``; anything else cannot be encoded
    (``None``). Annotate inputs ``MySqlRowList``, outputs ``MySqlRow`` or
    ``MySqlRowList``.
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

__all__ = ["MySqlConverter", "MySqlRow", "MySqlRowList", "MySqlTriggerConverter"]


class MySqlRow(JsonRecord):
    """One MySQL row: a ``UserDict`` of column names to values.

    Unlike the reference it also has :meth:`to_dict`.
    """


class MySqlRowList(JsonRecordList[MySqlRow]):
    """A ``UserList`` of :class:`MySqlRow`."""


class MySqlConverter(JsonRecordsConverter, binding="mysql"):
    """Converter for the ``mysql`` input and output bindings."""

    _records = MySqlRowList
    _record = MySqlRow

    @classmethod
    def decode(
        cls, data: Datum | None, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> MySqlRowList | None:
        """Parse a JSON array (or one object) into a ``MySqlRowList``."""
        return cast("MySqlRowList | None", super().decode(data, trigger_metadata=trigger_metadata))


class MySqlTriggerConverter(MySqlConverter, binding="mysqlTrigger", trigger=True):
    """Converter for the ``mysqlTrigger`` trigger (a list of change rows)."""
