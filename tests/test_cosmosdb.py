# pyright: strict
"""Cosmos DB documents and their converters behave as the reference's."""

from __future__ import annotations

import collections
import collections.abc
import json
import typing
from typing import Any
from typing import cast

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.cosmosdb import CosmosDBConverter
from azfn.cosmosdb import CosmosDBTriggerConverter
from azfn.cosmosdb import Document
from azfn.cosmosdb import DocumentList
from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.sql import SqlRow

if typing.TYPE_CHECKING:
    from collections.abc import Iterable
    from types import ModuleType

FAST = settings(max_examples=40, deadline=None, database=None)

KEYS = st.text(max_size=6)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=6,
)
OBJECTS = st.dictionaries(KEYS, JSON, max_size=4)


def _decode(value: object, type_: str | None = "json") -> DocumentList | None:
    decoded = CosmosDBConverter.decode(Datum(value, type_), trigger_metadata=None)
    assert decoded is None or isinstance(decoded, DocumentList)
    return decoded


def _plain(items: Iterable[object]) -> list[object]:
    """Items as plain values (a null item may be None despite the element type)."""
    return [item.to_dict() if isinstance(item, Document) else item for item in items]


def _encoded(obj: object) -> object:
    datum = CosmosDBConverter.encode(obj, expected_type=None)
    assert datum is not None
    assert datum.type == "json"
    return json.loads(cast("str", datum.value))


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


def test_document_is_a_user_dict_not_a_dict() -> None:
    """A Document is a UserDict (and a MutableMapping) but not a dict, like the reference."""
    doc = Document(a=1)
    assert isinstance(doc, collections.UserDict)
    assert isinstance(doc, collections.abc.MutableMapping)
    assert dict not in type(doc).__mro__


def test_document_is_not_json_serializable_directly() -> None:
    """json.dumps(Document) fails as under the real worker, so tests stay predictive."""
    with pytest.raises(TypeError):
        json.dumps(Document(a=1))


def test_document_from_json_and_to_json() -> None:
    """from_json parses an object; to_json uses json.dumps defaults."""
    doc = Document.from_json('{"a": [1, 2], "b": {"c": null}, "d": "\\u00e9"}')
    assert doc["a"] == [1, 2]
    assert doc.to_json() == '{"a": [1, 2], "b": {"c": null}, "d": "\\u00e9"}'
    assert Document(x=float("nan")).to_json() == '{"x": NaN}'


def test_document_from_json_accepts_bytes() -> None:
    """from_json also takes UTF-8 bytes."""
    assert Document.from_json(b'{"a": 1}') == {"a": 1}


def test_document_from_json_rejects_non_objects() -> None:
    """A JSON value that is not an object raises ValueError (the reference: AttributeError)."""
    with pytest.raises(ValueError, match="JSON object"):
        Document.from_json("[1]")


def test_document_from_dict_copies() -> None:
    """from_dict copies the mapping instead of sharing it."""
    source: dict[str, object] = {"a": 1}
    doc = Document.from_dict(source)
    doc["b"] = 2
    assert source == {"a": 1}


def test_document_to_dict_is_a_new_plain_dict() -> None:
    """to_dict returns a fresh dict with the same items."""
    doc = Document(a=1)
    plain = doc.to_dict()
    assert type(plain) is dict
    plain["b"] = 2
    assert "b" not in doc


def test_document_equality_is_by_items() -> None:
    """Documents compare equal to any mapping with the same items, as UserDicts do."""
    assert Document(a=1) == {"a": 1}
    assert Document(a=1) == Document({"a": 1})
    assert Document(a=1) == SqlRow(a=1)
    assert Document(a=1) != Document(a=2)


def test_document_constructor_and_copy_keep_the_class() -> None:
    """UserDict construction forms work and copies stay Documents."""
    doc = Document({"a": 1}, b=2)
    assert doc.to_dict() == {"a": 1, "b": 2}
    assert type(doc.copy()) is Document
    assert type(doc | {"c": 3}) is Document


def test_document_repr_shows_its_content() -> None:
    """The repr shows the items (the reference shows only an address)."""
    assert repr(Document(a=1)) == "Document({'a': 1})"
    assert repr(DocumentList([Document(a=1)])) == "DocumentList([Document({'a': 1})])"


def test_document_list_is_a_user_list() -> None:
    """DocumentList is a UserList, not a list, and compares with lists."""
    docs = DocumentList([Document(a=1)])
    assert isinstance(docs, collections.UserList)
    assert list not in type(docs).__mro__
    assert docs == [{"a": 1}]


def test_registered_under_the_reference_keys() -> None:
    """cosmosDB and cosmosDBTrigger map to the converters; only the trigger has trigger support."""
    registry = get_binding_registry()
    assert registry.get("cosmosDB") is CosmosDBConverter
    assert registry.get("cosmosDBTrigger") is CosmosDBTriggerConverter
    assert CosmosDBTriggerConverter.has_trigger_support()
    assert not CosmosDBConverter.has_trigger_support()
    assert not CosmosDBTriggerConverter.has_implicit_output()


@pytest.mark.parametrize("type_", ["json", "string"])
def test_decode_array_of_documents(type_: str) -> None:
    """A JSON array becomes a DocumentList of Documents; null items stay None."""
    docs = _decode('[{"id": "1"}, null, {"id": "2"}]', type_)
    assert docs == [{"id": "1"}, None, {"id": "2"}]
    assert docs is not None
    assert isinstance(docs[0], Document)
    assert docs[1] is None


def test_decode_bytes_and_single_object() -> None:
    """UTF-8 bytes decode, and one object becomes a one-item list."""
    assert _decode(b'[{"a": "\xc3\xa9"}]', "bytes") == [{"a": "é"}]
    assert _decode('{"a": 1}') == [{"a": 1}]


def test_decode_untyped_datum_is_none() -> None:
    """A datum without a type decodes to None."""
    assert _decode(None, None) is None


def test_decode_unsupported_type_raises() -> None:
    """Other datum types raise NotImplementedError, as in the reference."""
    with pytest.raises(NotImplementedError, match="int"):
        _decode(1, "int")


def test_decode_rejects_non_object_items() -> None:
    """A non-object item raises a clear ValueError (the reference: AttributeError)."""
    with pytest.raises(ValueError, match="item 1 is int"):
        _decode('[{"a": 1}, 2]')


def test_decode_already_parsed_json_value() -> None:
    """A json datum holding parsed data (as an in-process host may send) decodes too."""
    assert _decode([{"a": 1}]) == [{"a": 1}]


def test_encode_documents() -> None:
    """A Document, a DocumentList and iterables of Documents encode to a JSON array."""
    doc = Document(a=1)
    assert _encoded(doc) == [{"a": 1}]
    assert _encoded(DocumentList([doc, Document(b=2)])) == [{"a": 1}, {"b": 2}]
    assert _encoded([doc]) == [{"a": 1}]
    assert _encoded(d for d in [doc]) == [{"a": 1}]
    assert _encoded([]) == []


@pytest.mark.parametrize("obj", [{"a": 1}, [{"a": 1}], "text", 1, None, [SqlRow(a=1)]])
def test_encode_other_values_is_impossible(obj: object) -> None:
    """Plain dicts, strings, numbers and non-Documents cannot be encoded (None)."""
    assert CosmosDBConverter.encode(obj, expected_type=None) is None


def test_annotation_checks() -> None:
    """Inputs must be DocumentList; outputs Document or DocumentList."""
    assert CosmosDBConverter.check_input_type_annotation(DocumentList)
    assert not CosmosDBConverter.check_input_type_annotation(Document)
    assert not CosmosDBConverter.check_input_type_annotation(str)
    assert CosmosDBConverter.check_output_type_annotation(Document)
    assert CosmosDBConverter.check_output_type_annotation(DocumentList)
    assert not CosmosDBConverter.check_output_type_annotation(str)


def test_generic_annotations_are_rejected_not_crashing() -> None:
    """list[Document] is rejected with False (the reference raises TypeError)."""
    assert not CosmosDBConverter.check_input_type_annotation(list[Document])
    assert not CosmosDBConverter.check_output_type_annotation(typing.List[Document])  # noqa: UP006


@FAST
@given(OBJECTS)
def test_document_json_round_trip(data: dict[str, object]) -> None:
    """from_json(to_json()) and from_dict keep every JSON object intact."""
    doc = Document.from_dict(data)
    assert json.loads(doc.to_json()) == data
    assert Document.from_json(json.dumps(data)) == data


@FAST
@given(st.lists(st.none() | OBJECTS, max_size=5))
def test_decode_then_encode_round_trips_arrays(items: list[dict[str, object] | None]) -> None:
    """Any JSON array of objects (and nulls) decodes item for item and encodes back."""
    docs = _decode(json.dumps(items))
    assert docs is not None
    assert _plain(docs) == items
    assert all(type(d) in {type(None), Document} for d in docs)
    assert _encoded(docs) == items


@FAST
@given(OBJECTS)
def test_differential_to_json(ref: ModuleType, data: dict[str, object]) -> None:
    """to_json is byte-identical to the reference's."""
    assert Document.from_dict(data).to_json() == ref.Document.from_dict(data).to_json()


@FAST
@given(st.lists(st.none() | OBJECTS, max_size=4), st.sampled_from(["json", "string", "bytes"]))
def test_differential_decode(
    ref: ModuleType, items: list[dict[str, object] | None], type_: str
) -> None:
    """Decoding matches the reference's item for item."""
    text = json.dumps(items)
    value: object = text.encode() if type_ == "bytes" else text
    theirs: Any = ref.cosmosdb.CosmosDBConverter.decode(
        ref.meta.Datum(value, type_), trigger_metadata=None
    )
    ours = _decode(value, type_)
    assert ours is not None
    assert _plain(ours) == [None if d is None else dict(d) for d in theirs]


@FAST
@given(st.lists(OBJECTS, max_size=4))
def test_differential_encode(ref: ModuleType, items: list[dict[str, object]]) -> None:
    """Encoding Documents gives the reference's exact JSON text."""
    ours = CosmosDBConverter.encode([Document(i) for i in items], expected_type=None)
    theirs: Any = ref.cosmosdb.CosmosDBConverter.encode(
        [ref.Document(i) for i in items], expected_type=None
    )
    assert ours is not None
    assert (ours.type, ours.value) == (theirs.type, theirs.value)


def test_differential_annotation_checks(ref: ModuleType) -> None:
    """Annotation checks on classes agree with the reference's."""
    theirs: Any = ref.cosmosdb.CosmosDBConverter
    pairs = [(DocumentList, ref.DocumentList), (Document, ref.Document), (str, str), (dict, dict)]
    for ours_type, their_type in pairs:
        assert CosmosDBConverter.check_input_type_annotation(
            ours_type
        ) == theirs.check_input_type_annotation(their_type)
        assert CosmosDBConverter.check_output_type_annotation(
            ours_type
        ) == theirs.check_output_type_annotation(their_type)
