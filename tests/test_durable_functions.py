# pyright: strict
"""Durable contexts, the Durable JSON codec and the durable converters."""

from __future__ import annotations

import json
import logging
import sys
import warnings
from types import ModuleType
from typing import Any
from typing import cast

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn import durable_functions as df
from azfn import strategies as azst
from azfn.durable_functions import ActivityTriggerConverter
from azfn.durable_functions import DurableClientConverter
from azfn.durable_functions import EntityContext
from azfn.durable_functions import EntityTriggerConverter
from azfn.durable_functions import OrchestrationContext
from azfn.durable_functions import OrchestrationTriggerConverter
from azfn.meta import Datum
from azfn.meta import get_binding_registry

FAST = settings(max_examples=40, deadline=None, database=None)
STRICT = "AZURE_FUNCTIONS_DURABLE_STRICT_TYPING"
JSON = azst.json_values()  # what the host's json datums carry
MODULE = "azfn_test_durable_payloads"


class Point:
    """A user type with the Durable to_json/from_json protocol."""

    def __init__(self, x: int) -> None:
        self.x = x

    def to_json(self) -> str:
        return json.dumps(self.x)

    @classmethod
    def from_json(cls, text: str) -> Point:
        return cls(json.loads(text))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Point) and other.x == self.x

    def __hash__(self) -> int:
        return self.x


Point.__module__ = MODULE


@pytest.fixture(autouse=True)
def payload_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make Point resolvable through sys.modules, as a loaded app module is."""
    module = ModuleType(MODULE)
    module.__dict__["Point"] = Point
    monkeypatch.setitem(sys.modules, MODULE, module)
    monkeypatch.delenv(STRICT, raising=False)


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


def _activity(value: object, type_: str = "string") -> object:
    return ActivityTriggerConverter.decode(Datum(value, type_), trigger_metadata=None)


def _json(obj: object) -> object:
    datum = ActivityTriggerConverter.encode(obj, expected_type=None)
    assert datum.type == "json"
    return datum.value


def test_contexts_expose_the_body() -> None:
    """body and str() give the context JSON; bytes are decoded."""
    for context_type in (OrchestrationContext, EntityContext):
        context = context_type('{"a": 1}')
        assert context.body == '{"a": 1}'
        assert str(context) == '{"a": 1}'
        assert context_type(b'{"a": 1}').body == '{"a": 1}'


def test_contexts_repr_and_equality() -> None:
    """Reprs name the class; equality needs the same class and body."""
    assert repr(EntityContext("{}")) == "EntityContext(body='{}')"
    assert OrchestrationContext("{}") == OrchestrationContext("{}")
    assert hash(OrchestrationContext("{}")) == hash(OrchestrationContext("{}"))
    assert OrchestrationContext("{}") != EntityContext("{}")


def test_entity_context_is_not_an_orchestration_context() -> None:
    """As in the reference, EntityContext is not a subclass of the concrete OrchestrationContext."""
    assert not isinstance(EntityContext("{}"), OrchestrationContext)


def test_context_rejects_non_text() -> None:
    """A body that is not str or bytes raises TypeError at once (the reference fails later)."""
    with pytest.raises(TypeError, match="str or bytes"):
        OrchestrationContext(cast("str", 5))


def test_registered_keys_and_flags() -> None:
    """The four durable keys are registered; the triggers have implicit output."""
    registry = get_binding_registry()
    expected = {
        "orchestrationTrigger": OrchestrationTriggerConverter,
        "entityTrigger": EntityTriggerConverter,
        "activityTrigger": ActivityTriggerConverter,
        "durableClient": DurableClientConverter,
    }
    for key, converter in expected.items():
        assert registry.get(key) is converter
    for converter in (
        OrchestrationTriggerConverter,
        EntityTriggerConverter,
        ActivityTriggerConverter,
    ):
        assert converter.has_trigger_support()
        assert converter.has_implicit_output()
        assert converter.check_output_type_annotation(int)
    assert not DurableClientConverter.has_trigger_support()
    assert not DurableClientConverter.has_implicit_output()


def test_misspelled_entity_converter_alias() -> None:
    """EnitityTriggerConverter (the reference's typo) is the same class."""
    assert df.EnitityTriggerConverter is EntityTriggerConverter


def test_orchestration_and_entity_converters() -> None:
    """Contexts decode from text; return values pass through as json datums."""
    orchestration = OrchestrationTriggerConverter.decode(
        Datum('{"a":1}', "json"), trigger_metadata=None
    )
    assert orchestration == OrchestrationContext('{"a":1}')
    entity = EntityTriggerConverter.decode(Datum(b"{}", "bytes"), trigger_metadata=None)
    assert entity == EntityContext("{}")
    datum = OrchestrationTriggerConverter.encode('{"state": 1}', expected_type=None)
    assert (datum.type, datum.value) == ("json", '{"state": 1}')
    assert EntityTriggerConverter.encode({"a": 1}, expected_type=None).value == {"a": 1}


def test_context_annotation_checks() -> None:
    """Each trigger accepts its own context class only."""
    assert OrchestrationTriggerConverter.check_input_type_annotation(OrchestrationContext)
    assert not OrchestrationTriggerConverter.check_input_type_annotation(EntityContext)
    assert EntityTriggerConverter.check_input_type_annotation(EntityContext)
    assert not EntityTriggerConverter.check_input_type_annotation(OrchestrationContext)
    assert not EntityTriggerConverter.check_input_type_annotation(str)
    assert ActivityTriggerConverter.check_input_type_annotation(list[int])


@pytest.mark.parametrize(
    ("value", "type_", "expected"),
    [
        ('{"a": 1}', "string", {"a": 1}),
        ("[1, 2]", "json", [1, 2]),
        ('"quoted"', "string", "quoted"),
        ("plain text", "string", "plain text"),
        ("", "string", ""),
    ],
)
def test_activity_decode(value: str, type_: str, expected: object) -> None:
    """Activity input is JSON-parsed; text that is not JSON stays a string."""
    assert _activity(value, type_) == expected


def test_activity_decode_rebuilds_envelopes() -> None:
    """Enveloped objects come back as instances, also nested."""
    assert _activity(df.df_dumps({"p": Point(7)})) == {"p": Point(7)}


def test_activity_decode_errors() -> None:
    """Unknown modules raise ValueError; non-text payloads raise NotImplementedError."""
    envelope = '{"__class__": "X", "__module__": "not_loaded_anywhere", "__data__": "1"}'
    with pytest.raises(ValueError, match="activity trigger input"):
        _activity(envelope, "json")
    with pytest.raises(NotImplementedError, match="bytes"):
        _activity(b"1", "bytes")


def test_activity_encode() -> None:
    """Results are serialized with df_dumps; unserializable ones raise ValueError."""
    assert _json({"a": 1}) == '{"a": 1}'
    assert _json("s") == '"s"'
    assert _json(None) == "null"
    assert _json(Point(5)) == json.dumps(
        {"__class__": "Point", "__module__": MODULE, "__data__": "5"}
    )
    with pytest.raises(ValueError, match="json serializable"):
        ActivityTriggerConverter.encode({1, 2}, expected_type=None)


def test_strict_mode_dumps_only_the_top_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """In strict mode a top-level object is enveloped, nested ones are rejected."""
    monkeypatch.setenv(STRICT, "true")
    assert json.loads(df.df_dumps(Point(1)))["__data__"] == "1"
    with pytest.raises(TypeError):
        df.df_dumps([Point(1)])


def test_strict_mode_loads_needs_expected_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """In strict mode an envelope needs expected_type, and a mismatch raises."""
    text = df.df_dumps(Point(3))
    monkeypatch.setenv(STRICT, "1")
    with pytest.raises(TypeError, match="requires expected_type"):
        df.df_loads(text)
    assert df.df_loads(text, expected_type=Point) == Point(3)
    with pytest.raises(TypeError, match="declares class"):
        df.df_loads(text, expected_type=int)
    with pytest.raises(TypeError, match="not compatible"):
        df.df_loads("5", expected_type=str)
    assert df.df_loads("[1]", expected_type=list[int]) == [1]


def test_loose_mode_logs_mismatches(caplog: pytest.LogCaptureFixture) -> None:
    """In loose mode a type mismatch is logged and the value still returned."""
    with caplog.at_level(logging.WARNING):
        assert df.df_loads("5", expected_type=str) == 5
        assert df.df_loads(df.df_dumps(Point(2)), expected_type=int) == Point(2)
    assert "not compatible" in caplog.text
    assert "declares class" in caplog.text


def test_revive_errors() -> None:
    """Missing classes and classes without from_json raise."""
    missing = json.dumps({"__class__": "Nope", "__module__": MODULE, "__data__": "1"})
    with pytest.raises(AttributeError, match="Nope"):
        df.df_loads(missing)
    no_hook = json.dumps({"__class__": "ModuleType", "__module__": "types", "__data__": "1"})
    with pytest.raises(TypeError, match="from_json"):
        df.df_loads(no_hook)


@pytest.mark.parametrize(
    ("datum", "expected"),
    [
        (Datum("s", "string"), "s"),
        (Datum(b"b", "bytes"), b"b"),
        (Datum('{"a":1}', "json"), '{"a":1}'),
        (Datum(None, None), None),
        (None, None),
    ],
)
def test_durable_client_decode(datum: Datum | None, expected: object) -> None:
    """The client JSON passes through unchanged."""
    assert DurableClientConverter.decode(datum, trigger_metadata=None) == expected


def test_durable_client_decode_rejects_other_types() -> None:
    """Other datum types raise ValueError."""
    with pytest.raises(ValueError, match="int"):
        DurableClientConverter.decode(Datum(1, "int"), trigger_metadata=None)


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ("s", ("string", "s")),
        (bytearray(b"c"), ("bytes", b"c")),
        (None, (None, None)),
        ({"a": 1}, ("dict", {"a": 1})),
        ([1], ("list", [1])),
        (True, ("bool", True)),
        (3, ("int", 3)),
        (1.5, ("double", 1.5)),
    ],
)
def test_durable_client_encode(obj: object, expected: tuple[object, object]) -> None:
    """Plain values become a datum of their type."""
    datum = DurableClientConverter.encode(obj, expected_type=None)
    assert datum is not None
    assert (datum.type, datum.value) == expected


def test_durable_client_encode_other_objects_is_impossible() -> None:
    """Other objects cannot be encoded (None); annotations must be text or bytes."""
    assert DurableClientConverter.encode(object(), expected_type=None) is None
    assert DurableClientConverter.check_input_type_annotation(str)
    assert not DurableClientConverter.check_input_type_annotation(dict)
    assert DurableClientConverter.check_output_type_annotation(bytearray)


@FAST
@given(JSON)
def test_codec_round_trip(value: object) -> None:
    """df_loads(df_dumps(v)) == v for plain JSON, and activity encode/decode agree."""
    assert df.df_loads(df.df_dumps(value)) == value
    assert _activity(_json(value), "json") == value


@FAST
@given(st.lists(st.integers(), max_size=4))
def test_codec_round_trips_objects(xs: list[int]) -> None:
    """Lists of enveloped objects round-trip in loose mode."""
    points = [Point(x) for x in xs]
    assert df.df_loads(df.df_dumps(points)) == points


@FAST
@given(JSON)
def test_differential_activity(ref: ModuleType, value: object) -> None:
    """Activity encode and decode match the reference's."""
    theirs: Any = ref.durable_functions.ActivityTriggerConverter
    encoded: Any = theirs.encode(value, expected_type=None)
    assert _json(value) == encoded.value
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        decoded: Any = theirs.decode(ref.meta.Datum(encoded.value, "json"), trigger_metadata=None)
    assert _activity(encoded.value, "json") == decoded


def test_differential_envelopes(ref: ModuleType) -> None:
    """Envelopes written by either side are identical."""
    their_codec: Any = ref._durable_functions
    assert df.df_dumps([Point(1), {"p": Point(2)}]) == their_codec.df_dumps(
        [Point(1), {"p": Point(2)}]
    )


def test_differential_durable_client(ref: ModuleType) -> None:
    """Client encode/decode match the reference's."""
    theirs: Any = ref.durable_functions.DurableClientConverter
    for obj in ("s", b"b", None, {"a": 1}, [1], True, 3, 1.5):
        their_datum: Any = theirs.encode(obj, expected_type=None)
        datum = DurableClientConverter.encode(obj, expected_type=None)
        assert datum is not None
        assert (datum.type, datum.value) == (their_datum.type, their_datum.value)
    for value, type_ in (("s", "string"), (b"b", "bytes"), ('{"a":1}', "json"), (None, None)):
        expected: Any = theirs.decode(ref.meta.Datum(value, type_), trigger_metadata=None)
        assert DurableClientConverter.decode(Datum(value, type_), trigger_metadata=None) == expected


def test_differential_contexts(ref: ModuleType) -> None:
    """Context bodies and str() match the reference's."""
    theirs: Any = ref.durable_functions
    for body in ('{"a":1}', b'{"b":2}'):
        ours = OrchestrationTriggerConverter.decode(Datum(body, "string"), trigger_metadata=None)
        other: Any = theirs.OrchestrationTriggerConverter.decode(
            ref.meta.Datum(body, "string"), trigger_metadata=None
        )
        assert (ours.body, str(ours)) == (other.body, str(other))
