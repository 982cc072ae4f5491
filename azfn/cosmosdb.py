# pyright: strict
"""Azure Cosmos DB documents, and the shared JSON-record machinery.

:class:`Document` and :class:`DocumentList` are what a function receives
from the ``cosmosDBTrigger`` trigger and the ``cosmosDB`` input binding, and
what it sets on a ``cosmosDB`` output. The same shape (a JSON object as a
``UserDict``, a JSON array of them as a ``UserList``) is used by Azure SQL and
MySQL rows, so the base classes :class:`JsonRecord`, :class:`JsonRecordList`
and :class:`JsonRecordsConverter` live here and are reused by
:mod:`azfn.sql` and :mod:`azfn.mysql`.

``Document`` deliberately stays a :class:`collections.UserDict`, not a
``dict``: ``json.dumps(document)`` fails under the real worker too, so a
``dict`` subclass would let tests pass where production fails.

Host conversion (the invoker builds these ``Datum`` values):

``cosmosDB`` (:class:`CosmosDBConverter`, input and output) and ``cosmosDBTrigger``
(:class:`CosmosDBTriggerConverter`, trigger)
    ``decode`` reads one ``Datum`` of type ``"json"``, ``"string"`` or
    ``"bytes"`` (UTF-8) holding a JSON array of objects (the trigger's batch
    of changed documents, or the input's query result). A single JSON object
    becomes a one-item list; JSON ``null`` items stay ``None``. A ``Datum``
    whose type is ``None`` decodes to ``None``. Trigger metadata is not read.
    ``encode`` accepts a ``Document``, a ``DocumentList`` or any iterable of
    ``Document`` and returns ``Datum(<JSON array text>, "json")``; anything else
    cannot be encoded (``None``). A parameter must be annotated
    ``DocumentList`` (input) or ``Document``/``DocumentList`` (output).
"""

from __future__ import annotations

import collections
import json
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from typing import TYPE_CHECKING
from typing import Any
from typing import ClassVar
from typing import TypeVar
from typing import cast

from azfn._metadata import is_class_annotation
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "CosmosDBConverter",
    "CosmosDBTriggerConverter",
    "Document",
    "DocumentList",
]

_R = TypeVar("_R", bound="JsonRecord")


class JsonRecord(collections.UserDict[str, object]):
    """A JSON object as a mutable mapping (base of documents and rows).

    Compares equal to any mapping with the same items.
    """

    @classmethod
    def from_json(cls, json_data: str | bytes) -> Self:
        """Create a record from the JSON text of an object.

        Raises:
            ValueError: *json_data* is not JSON, or not a JSON object.
        """
        value: object = json.loads(json_data)
        if not isinstance(value, dict):
            raise ValueError(
                f"{cls.__name__}.from_json() needs a JSON object, got {type(value).__name__}"
            )
        return cls.from_dict(value)  # pyright: ignore[reportUnknownArgumentType]

    @classmethod
    def from_dict(cls, dct: Mapping[str, object]) -> Self:
        """Create a record from a mapping (copied, not shared)."""
        return cls(dict(dct.items()))

    def to_json(self) -> str:
        """Return the record as JSON text (``json.dumps`` defaults)."""
        return json.dumps(dict(self))

    def to_dict(self) -> dict[str, object]:
        """Return the record as a new plain ``dict``."""
        return dict(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data!r})"


class JsonRecordList(collections.UserList[_R]):
    """A JSON array of records as a mutable sequence."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data!r})"


class Document(JsonRecord):
    """A Cosmos DB document: a ``UserDict`` of its JSON properties.

    Example::

        doc = Document.from_json('{"id": "1", "name": "x"}')
        doc["name"] = "y"
        doc.to_json()  # '{"id": "1", "name": "y"}'
    """


class DocumentList(JsonRecordList[Document]):
    """A ``UserList`` of :class:`Document`.

    As in the reference, a JSON ``null`` item (a lookup by id that found nothing)
    stays ``None``; the element type says ``Document`` for the common case.
    """


def _payload_text(data: Datum, binding: str) -> str:
    """Return the JSON text of a ``"json"``/``"string"``/``"bytes"`` datum.

    Raises:
        NotImplementedError: the datum has another type.
    """
    value = data.value
    if data.type == "bytes" and isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8")
    if data.type in {"string", "json"}:
        if isinstance(value, str):
            return value
        if isinstance(value, (bytes, bytearray)):
            return value.decode("utf-8")
        if data.type == "json":  # an already-parsed value
            return json.dumps(value)
    raise NotImplementedError(
        f"unsupported {binding} payload type: {data.type} (expected 'json', 'string' or 'bytes')"
    )


class JsonRecordsConverter(InConverter, OutConverter):
    """Converts a JSON array of objects to and from a record list."""

    # Any: the concrete list class is only known per subclass.
    _records: ClassVar[type[JsonRecordList[Any]]]
    _record: ClassVar[type[JsonRecord]]

    @classmethod
    def _name(cls) -> str:
        return cls.bindings[0] if cls.bindings else cls.__name__

    @classmethod
    def check_input_type_annotation(cls, pytype: object) -> bool:
        """Accept the record-list class (and its subclasses)."""
        return is_class_annotation(pytype, cls._records)

    @classmethod
    def check_output_type_annotation(cls, pytype: object) -> bool:
        """Accept the record class or the record-list class."""
        return is_class_annotation(pytype, (cls._records, cls._record))

    @classmethod
    def decode(
        cls, data: Datum | None, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> Sequence[JsonRecord | None] | None:
        """Parse a JSON array (or one object) into a record list.

        Raises:
            NotImplementedError: the datum is not JSON text, a string or bytes.
            ValueError: the JSON is invalid, or an item is not an object or null.
        """
        if data is None or data.type is None:
            return None
        parsed: object = json.loads(_payload_text(data, cls._name()))
        items: list[object] = (
            list(parsed) if isinstance(parsed, list) else [parsed]  # pyright: ignore[reportUnknownArgumentType]
        )
        records: list[JsonRecord | None] = []
        for index, item in enumerate(items):
            if item is None:
                records.append(None)
            elif isinstance(item, dict):
                records.append(cls._record.from_dict(item))  # pyright: ignore[reportUnknownArgumentType]
            else:
                raise ValueError(
                    f"{cls._name()} data must be a JSON array of objects; "
                    f"item {index} is {type(item).__name__}"
                )
        return cls._records(records)

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Serialize a record, a record list or an iterable of records to a JSON array.

        Returns ``None`` for anything else (a ``dict``, a ``str``, an iterable
        holding non-records): the real worker rejects those too.
        """
        if isinstance(obj, cls._record):
            records: list[JsonRecord | None] = [obj]
        elif isinstance(obj, cls._records):
            records = list(obj)  # pyright: ignore[reportUnknownArgumentType]
        elif isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, Mapping)):
            records = []
            for item in obj:  # pyright: ignore[reportUnknownVariableType]
                if not isinstance(item, cls._record):
                    return None
                records.append(item)
        else:
            return None
        return Datum(json.dumps([None if r is None else dict(r) for r in records]), "json")


class CosmosDBConverter(JsonRecordsConverter, binding="cosmosDB"):
    """Converter for the ``cosmosDB`` input and output bindings."""

    _records = DocumentList
    _record = Document

    @classmethod
    def decode(
        cls, data: Datum | None, *, trigger_metadata: Mapping[str, Datum] | None
    ) -> DocumentList | None:
        """Parse a JSON array (or one object) into a ``DocumentList``."""
        return cast("DocumentList | None", super().decode(data, trigger_metadata=trigger_metadata))


class CosmosDBTriggerConverter(CosmosDBConverter, binding="cosmosDBTrigger", trigger=True):
    """Converter for the ``cosmosDBTrigger`` trigger (a batch of changed documents)."""
