# pyright: strict
"""MySQL rows and their converters behave as the reference's."""

from __future__ import annotations

import collections
import json
from typing import TYPE_CHECKING
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.mysql import MySqlConverter
from azfn.mysql import MySqlRow
from azfn.mysql import MySqlRowList
from azfn.mysql import MySqlTriggerConverter
from azfn.sql import SqlConverter
from azfn.sql import SqlRow
from azfn.sql import SqlRowList

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


def test_mysql_row_shape() -> None:
    """MySqlRow is a UserDict with the JSON helpers; MySqlRowList a UserList."""
    row = MySqlRow.from_json('{"id": 1}')
    assert isinstance(row, collections.UserDict)
    assert row.to_json() == '{"id": 1}'
    assert MySqlRow.from_dict({"id": 1}) == row
    assert isinstance(MySqlRowList(), collections.UserList)


def test_mysql_row_has_to_dict() -> None:
    """MySqlRow gains the missing to_dict()."""
    plain = MySqlRow(id=1).to_dict()
    assert plain == {"id": 1}
    assert type(plain) is dict


def test_mysql_row_repr() -> None:
    """The repr shows the content."""
    assert repr(MySqlRow(id=1)) == "MySqlRow({'id': 1})"


def test_mysql_and_sql_families_are_separate() -> None:
    """MySQL converters reject SQL rows and vice versa, as in the reference."""
    assert not MySqlConverter.check_input_type_annotation(SqlRowList)
    assert not SqlConverter.check_input_type_annotation(MySqlRowList)
    assert MySqlConverter.encode(SqlRow(a=1), expected_type=None) is None


def test_registered_keys() -> None:
    """mysql and mysqlTrigger map to their converters; only the trigger has trigger support."""
    registry = get_binding_registry()
    assert registry.get("mysql") is MySqlConverter
    assert registry.get("mysqlTrigger") is MySqlTriggerConverter
    assert MySqlTriggerConverter.has_trigger_support()
    assert not MySqlConverter.has_trigger_support()
    assert not MySqlTriggerConverter.has_implicit_output()


def test_trigger_decodes_changes() -> None:
    """mysqlTrigger decodes the change list into rows with Operation and Item."""
    payload = '[{"Operation": 0, "Item": {"id": 1}}]'
    changes = MySqlTriggerConverter.decode(Datum(payload, "string"), trigger_metadata={})
    assert isinstance(changes, MySqlRowList)
    assert changes == [{"Operation": 0, "Item": {"id": 1}}]
    assert isinstance(changes[0], MySqlRow)


def test_decode_bytes_untyped_and_unsupported() -> None:
    """Bytes decode; an untyped datum is None; other types raise NotImplementedError."""
    rows = MySqlConverter.decode(Datum(b'[{"a": 1}]', "bytes"), trigger_metadata=None)
    assert rows == [{"a": 1}]
    assert MySqlConverter.decode(Datum(None, None), trigger_metadata=None) is None
    with pytest.raises(NotImplementedError):
        MySqlConverter.decode(Datum(1.5, "double"), trigger_metadata=None)


def test_encode() -> None:
    """MySqlRow, MySqlRowList and iterables of rows encode; plain dicts do not."""
    datum = MySqlConverter.encode([MySqlRow(id=1), MySqlRow(id=2)], expected_type=None)
    assert datum is not None
    assert (datum.type, datum.value) == ("json", '[{"id": 1}, {"id": 2}]')
    assert MySqlConverter.encode(MySqlRow(id=1), expected_type=None) is not None
    assert MySqlConverter.encode({"id": 1}, expected_type=None) is None


def test_annotation_checks() -> None:
    """Inputs must be MySqlRowList; outputs MySqlRow or MySqlRowList."""
    assert MySqlConverter.check_input_type_annotation(MySqlRowList)
    assert not MySqlConverter.check_input_type_annotation(MySqlRow)
    assert MySqlConverter.check_output_type_annotation(MySqlRow)
    assert not MySqlConverter.check_output_type_annotation(dict)
    assert not MySqlConverter.check_output_type_annotation(list[MySqlRow])


@FAST
@given(st.lists(ROWS, max_size=5))
def test_round_trip(rows: list[dict[str, object]]) -> None:
    """Row arrays survive decode then encode; each row survives to_json/from_json."""
    decoded = MySqlConverter.decode(Datum(json.dumps(rows), "json"), trigger_metadata=None)
    assert decoded is not None
    assert [r.to_dict() for r in decoded] == rows
    assert all(MySqlRow.from_json(r.to_json()) == r for r in decoded)
    datum = MySqlConverter.encode(decoded, expected_type=None)
    assert datum is not None
    assert datum.value == json.dumps(rows)


@FAST
@given(st.lists(ROWS, max_size=4))
def test_differential(ref: ModuleType, rows: list[dict[str, object]]) -> None:
    """Decoding and encoding match the reference's MySqlTriggerConverter exactly."""
    theirs: Any = ref.mysql.MySqlTriggerConverter
    text = json.dumps(rows)
    their_rows: Any = theirs.decode(ref.meta.Datum(text, "string"), trigger_metadata={})
    our_rows = MySqlTriggerConverter.decode(Datum(text, "string"), trigger_metadata={})
    assert our_rows == [dict(r) for r in their_rows]
    ours = MySqlTriggerConverter.encode(our_rows, expected_type=None)
    their_datum: Any = theirs.encode(their_rows, expected_type=None)
    assert ours is not None
    assert (ours.type, ours.value) == (their_datum.type, their_datum.value)
