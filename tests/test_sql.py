# pyright: strict
"""Azure SQL rows and their converters behave as the reference's."""

from __future__ import annotations

import collections
import json
from typing import TYPE_CHECKING
from typing import Any
from typing import cast

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.cosmosdb import CosmosDBConverter
from azfn.cosmosdb import Document
from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.sql import SqlConverter
from azfn.sql import SqlRow
from azfn.sql import SqlRowList
from azfn.sql import SqlTriggerConverter

if TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=40, deadline=None, database=None)

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
ROWS = st.dictionaries(st.text(max_size=6), SCALARS, max_size=5)


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


def test_sql_row_shape() -> None:
    """SqlRow is a UserDict with from_json/from_dict/to_json; SqlRowList a UserList."""
    row = SqlRow.from_json('{"id": 1, "name": "a"}')
    assert isinstance(row, collections.UserDict)
    assert dict not in type(row).__mro__
    assert row["name"] == "a"
    assert row.to_json() == '{"id": 1, "name": "a"}'
    assert SqlRow.from_dict({"id": 1}) == {"id": 1}
    assert isinstance(SqlRowList(), collections.UserList)


def test_sql_row_has_to_dict() -> None:
    """SqlRow gains to_dict(), which the reference lacks."""
    assert SqlRow(id=1).to_dict() == {"id": 1}


def test_sql_row_repr() -> None:
    """Reprs show the content (the reference shows an address)."""
    assert repr(SqlRow(id=1)) == "SqlRow({'id': 1})"
    assert repr(SqlRowList([SqlRow(id=1)])) == "SqlRowList([SqlRow({'id': 1})])"


def test_sql_row_is_not_a_document() -> None:
    """Rows and documents are separate families: converters do not mix them."""
    assert not isinstance(SqlRow(), Document)
    assert CosmosDBConverter.encode(SqlRow(a=1), expected_type=None) is None
    assert SqlConverter.encode(Document(a=1), expected_type=None) is None
    assert not CosmosDBConverter.check_input_type_annotation(SqlRowList)


def test_registered_keys() -> None:
    """sql maps to SqlConverter (no trigger support); sqlTrigger to SqlTriggerConverter."""
    registry = get_binding_registry()
    assert registry.get("sql") is SqlConverter
    assert registry.get("sqlTrigger") is SqlTriggerConverter
    assert not SqlConverter.has_trigger_support()
    assert SqlTriggerConverter.has_trigger_support()
    assert not SqlConverter.has_implicit_output()


def test_decode_rows() -> None:
    """A JSON array of rows (json, string or bytes) becomes a SqlRowList."""
    for datum in (
        Datum('[{"id": 1}, {"id": 2}]', "json"),
        Datum('[{"id": 1}, {"id": 2}]', "string"),
        Datum(b'[{"id": 1}, {"id": 2}]', "bytes"),
    ):
        rows = SqlConverter.decode(datum, trigger_metadata=None)
        assert isinstance(rows, SqlRowList)
        assert rows == [{"id": 1}, {"id": 2}]
        assert all(isinstance(r, SqlRow) for r in rows)


def test_decode_edge_cases() -> None:
    """One object is a one-row list, an untyped datum is None, other types raise."""
    assert SqlConverter.decode(Datum('{"id": 1}', "json"), trigger_metadata=None) == [{"id": 1}]
    assert SqlConverter.decode(Datum(None, None), trigger_metadata=None) is None
    with pytest.raises(NotImplementedError, match="int"):
        SqlConverter.decode(Datum(1, "int"), trigger_metadata=None)


def test_sql_trigger_decodes_changes() -> None:
    """sqlTrigger (missing in the reference) decodes the change list into rows."""
    payload = '[{"Operation": 0, "Item": {"id": 1}}, {"Operation": 2, "Item": {"id": 2}}]'
    changes = SqlTriggerConverter.decode(Datum(payload, "string"), trigger_metadata={})
    assert isinstance(changes, SqlRowList)
    assert changes[0] == {"Operation": 0, "Item": {"id": 1}}
    assert changes[1]["Operation"] == 2


def test_encode_rows() -> None:
    """A SqlRow, a SqlRowList or an iterable of SqlRow encode to a JSON array."""
    for obj in (SqlRow(id=1), SqlRowList([SqlRow(id=1)]), [SqlRow(id=1)], iter([SqlRow(id=1)])):
        datum = SqlConverter.encode(obj, expected_type=None)
        assert datum is not None
        assert (datum.type, datum.value) == ("json", '[{"id": 1}]')


@pytest.mark.parametrize("obj", [{"id": 1}, [{"id": 1}], "[]", 5, None])
def test_encode_other_values_is_impossible(obj: object) -> None:
    """Plain dicts, strings and numbers cannot be encoded (None)."""
    assert SqlConverter.encode(obj, expected_type=None) is None


def test_annotation_checks() -> None:
    """Inputs must be SqlRowList; outputs SqlRow or SqlRowList; generics give False."""
    assert SqlConverter.check_input_type_annotation(SqlRowList)
    assert not SqlConverter.check_input_type_annotation(SqlRow)
    assert SqlConverter.check_output_type_annotation(SqlRow)
    assert SqlConverter.check_output_type_annotation(SqlRowList)
    assert not SqlConverter.check_output_type_annotation(str)
    assert not SqlConverter.check_input_type_annotation(list[SqlRow])


@FAST
@given(ROWS)
def test_sql_row_json_round_trip(data: dict[str, object]) -> None:
    """SqlRow JSON round-trips every object of scalars."""
    assert SqlRow.from_json(SqlRow.from_dict(data).to_json()) == data


@FAST
@given(st.lists(ROWS, max_size=5))
def test_decode_encode_round_trip(rows: list[dict[str, object]]) -> None:
    """Decoding then encoding a row array gives the same JSON value back."""
    decoded = SqlConverter.decode(Datum(json.dumps(rows), "json"), trigger_metadata=None)
    datum = SqlConverter.encode(decoded, expected_type=None)
    assert datum is not None
    assert json.loads(cast("str", datum.value)) == rows


@FAST
@given(st.lists(ROWS, max_size=4))
def test_differential_decode_and_encode(ref: ModuleType, rows: list[dict[str, object]]) -> None:
    """Decoding and encoding match the reference's SqlConverter exactly."""
    theirs: Any = ref.sql.SqlConverter
    text = json.dumps(rows)
    their_rows: Any = theirs.decode(ref.meta.Datum(text, "json"), trigger_metadata=None)
    our_rows = SqlConverter.decode(Datum(text, "json"), trigger_metadata=None)
    assert our_rows == [dict(r) for r in their_rows]
    ours = SqlConverter.encode(our_rows, expected_type=None)
    their_datum: Any = theirs.encode(their_rows, expected_type=None)
    assert ours is not None
    assert (ours.type, ours.value) == (their_datum.type, their_datum.value)


def test_differential_annotation_checks(ref: ModuleType) -> None:
    """Annotation checks on classes agree with the reference's."""
    theirs: Any = ref.sql.SqlConverter
    for ours_type, their_type in [(SqlRowList, ref.SqlRowList), (SqlRow, ref.SqlRow), (str, str)]:
        assert SqlConverter.check_input_type_annotation(
            ours_type
        ) == theirs.check_input_type_annotation(their_type)
        assert SqlConverter.check_output_type_annotation(
            ours_type
        ) == theirs.check_output_type_annotation(their_type)
