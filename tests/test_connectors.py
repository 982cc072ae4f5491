# pyright: strict
"""The connector trigger converter, and the registry entries of every service module."""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING
from typing import Any

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.connectors import ConnectorTriggerConverter
from azfn.meta import Datum
from azfn.meta import get_binding_registry

if TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=40, deadline=None, database=None)

#: Binding key -> (module, converter) for every converter these modules register.
KEYS = {
    "cosmosDB": ("azfn.cosmosdb", "CosmosDBConverter"),
    "cosmosDBTrigger": ("azfn.cosmosdb", "CosmosDBTriggerConverter"),
    "sql": ("azfn.sql", "SqlConverter"),
    "sqlTrigger": ("azfn.sql", "SqlTriggerConverter"),
    "mysql": ("azfn.mysql", "MySqlConverter"),
    "mysqlTrigger": ("azfn.mysql", "MySqlTriggerConverter"),
    "kafka": ("azfn.kafka", "KafkaConverter"),
    "kafkaTrigger": ("azfn.kafka", "KafkaTriggerConverter"),
    "mcpToolTrigger": ("azfn.mcp", "MCPToolTriggerConverter"),
    "mcpResourceTrigger": ("azfn.mcp", "MCPResourceTriggerConverter"),
    "mcpPromptTrigger": ("azfn.mcp", "MCPPromptTriggerConverter"),
    "orchestrationTrigger": ("azfn.durable_functions", "OrchestrationTriggerConverter"),
    "entityTrigger": ("azfn.durable_functions", "EntityTriggerConverter"),
    "activityTrigger": ("azfn.durable_functions", "ActivityTriggerConverter"),
    "durableClient": ("azfn.durable_functions", "DurableClientConverter"),
    "connectorTrigger": ("azfn.connectors", "ConnectorTriggerConverter"),
}
#: Keys whose converter is a trigger converter (the reference's ``trigger=True``).
TRIGGERS = {key for key in KEYS if key.endswith("Trigger")}


@pytest.fixture(scope="module")
def ref() -> Any:
    """The reference library, when installed."""
    return pytest.importorskip("azure.functions")


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_key_is_registered(key: str) -> None:
    """Each binding key maps to its converter, with trigger support only for triggers."""
    module_name, class_name = KEYS[key]
    converter = getattr(importlib.import_module(module_name), class_name)
    assert converter.has_trigger_support() == (key in TRIGGERS)
    assert get_binding_registry().get(key) is converter


def test_registry_has_no_bool_keys() -> None:
    """Nothing is registered under True (the reference's quirk), so keys sort."""
    for module_name, _ in KEYS.values():
        importlib.import_module(module_name)
    keys: list[object] = list(get_binding_registry().bindings())
    assert all(type(key) is str for key in keys)
    assert set(KEYS) <= set(keys)


def test_connector_flags_and_annotations() -> None:
    """A trigger with implicit output taking str, dict or bytes."""
    assert ConnectorTriggerConverter.has_implicit_output()
    for accepted in (str, dict, bytes):
        assert ConnectorTriggerConverter.check_input_type_annotation(accepted)
    assert not ConnectorTriggerConverter.check_input_type_annotation(int)
    assert not ConnectorTriggerConverter.check_input_type_annotation(dict[str, str])
    assert ConnectorTriggerConverter.check_output_type_annotation(int)


@pytest.mark.parametrize(
    ("datum", "expected"),
    [
        (Datum('{"a": 1}', "json"), '{"a": 1}'),
        (Datum("text", "string"), "text"),
        (Datum(b"raw", "bytes"), b"raw"),
        (Datum(1.5, "double"), 1.5),
        (Datum(["a"], "collection_string"), ["a"]),
        (Datum(None, None), None),
    ],
)
def test_connector_decode(datum: Datum, expected: object) -> None:
    """The payload comes through as the host sent it."""
    assert ConnectorTriggerConverter.decode(datum, trigger_metadata=None) == expected


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (None, ("string", "")),
        ("x", ("string", "x")),
        (bytearray(b"y"), ("bytes", b"y")),
        ({"a": [1]}, ("string", '{"a": [1]}')),
        ([1], ("string", "[1]")),
        (5, ("string", "5")),
    ],
)
def test_connector_encode(obj: object, expected: tuple[object, object]) -> None:
    """Text and bytes pass through, dicts become JSON, anything else str()."""
    datum = ConnectorTriggerConverter.encode(obj, expected_type=None)
    assert (datum.type, datum.value) == expected


@FAST
@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=4))
def test_connector_dict_round_trip(data: dict[str, object]) -> None:
    """A returned dict is JSON the host can parse back into the same dict."""
    datum = ConnectorTriggerConverter.encode(data, expected_type=None)
    assert json.loads(str(datum.value)) == data


def test_differential_connector(ref: ModuleType) -> None:
    """Decode and encode match the reference's ConnectorTriggerConverter."""
    theirs: Any = ref.connectors.ConnectorTriggerConverter
    for value, type_ in (('{"a": 1}', "json"), ("t", "string"), (b"r", "bytes"), (None, None)):
        expected: Any = theirs.decode(ref.meta.Datum(value, type_), trigger_metadata=None)
        assert (
            ConnectorTriggerConverter.decode(Datum(value, type_), trigger_metadata=None) == expected
        )
    for obj in (None, "x", b"y", {"a": [1]}, [1], 5):
        their_datum: Any = theirs.encode(obj, expected_type=None)
        datum = ConnectorTriggerConverter.encode(obj, expected_type=None)
        assert (datum.type, datum.value) == (their_datum.type, their_datum.value)


def test_differential_registry_keys(ref: ModuleType) -> None:
    """Every string key the reference registers for these services is registered here."""
    their_keys: set[str] = {
        k for k in ref.meta.get_binding_registry()._bindings if isinstance(k, str)
    }
    ours = set(get_binding_registry().bindings())
    assert their_keys & set(KEYS) == set(KEYS) - {"sqlTrigger"}
    assert set(KEYS) <= ours
