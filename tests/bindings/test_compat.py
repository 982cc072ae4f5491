"""``azfn.decorators``: the reference's import paths, re-exporting azfn's classes."""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

import pytest

import azfn
from azfn.bindings._base import Binding
from azfn.decorators import constants

if TYPE_CHECKING:
    import types

GOLDEN: dict[str, Any] = json.loads(
    Path(__file__).with_name("golden.json").read_text(encoding="utf-8")
)
MODULE_NAMES: dict[str, list[str]] = GOLDEN["module_names"]

#: Names of the reference's modules that azfn does not offer there, and why.
NOT_OFFERED = {
    # The ASGI/WSGI apps and middleware, and the data types, live elsewhere in azfn.
    "AsgiFunctionApp",
    "AsgiMiddleware",
    "Context",
    "ExternalHttpFunctionApp",
    "HttpRequest",
    "MCPToolContext",
    "WsgiFunctionApp",
    "WsgiMiddleware",
    # The reference's machinery: azfn renders metadata without a metaclass,
    # an encoder or enum-parsing helpers.
    "ABCBuildDictMeta",
    "BuildDictMeta",
    "HttpFunctionsAuthLevelMixin",
    "StringifyEnumJsonEncoder",
    "T",
    "is_snake_case",
    "is_word",
    "parse_iterable_param_to_enums",
    "parse_singular_param_to_enum",
    # MCP helpers of the reference's own implementation.
    "build_property_metadata",
    "check_as_array",
    "check_is_required",
    "check_property_type",
    "has_mcp_content_marker",
    "should_create_structured_content",
    "unwrap_optional",
}


def _module(name: str) -> types.ModuleType:
    suffix = "" if name == "__init__" else f".{name}"
    return importlib.import_module(f"azfn.decorators{suffix}")


@pytest.mark.parametrize("name", sorted(MODULE_NAMES))
def test_module_offers_the_reference_names(name: str) -> None:
    """Each reference module's names exist at the same azfn.decorators path."""
    module = _module(name)
    missing = set(MODULE_NAMES[name]) - set(vars(module)) - NOT_OFFERED
    assert missing == set()


@pytest.mark.parametrize("name", sorted(MODULE_NAMES))
def test_module_all_is_sorted_and_resolves(name: str) -> None:
    """``__all__`` lists every re-export once, sorted, and each name resolves."""
    module = _module(name)
    names: list[str] = list(module.__all__)
    assert len(names) == len(set(names))
    for exported in names:
        assert hasattr(module, exported)
    public = {
        k
        for k, v in vars(module).items()
        if not k.startswith("_") and k != "annotations" and not inspect.ismodule(v)
    }
    assert set(names) == public


def test_constants_are_the_reference_binding_types() -> None:
    """Every binding type constant has the reference's value."""
    ours = {k: v for k, v in vars(constants).items() if k.isupper() and isinstance(v, str)}
    assert ours == GOLDEN["constants"]


def test_constants_come_from_the_declarations() -> None:
    """Each constant is some binding class's ``type`` (nothing retyped)."""
    types = {
        cls.type
        for module in _binding_modules()
        for cls in vars(module).values()
        if isinstance(cls, type) and issubclass(cls, Binding) and hasattr(cls, "type")
    }
    assert set(GOLDEN["constants"].values()) <= types


def _binding_modules() -> list[types.ModuleType]:
    names = ["blob", "connectors", "cosmosdb", "dapr", "durable", "eventgrid", "eventhub"]
    names += ["http", "kafka", "mcp", "mysql", "openai", "queue", "servicebus", "sql"]
    names += ["table", "timer", "warmup"]
    return [importlib.import_module(f"azfn.bindings.{n}") for n in names]


def test_compat_classes_are_azfn_classes() -> None:
    """The compat paths give the very classes azfn's decorators use."""
    from azfn._naming import to_camel_case as ours
    from azfn.bindings.kafka import KafkaTrigger as Declared
    from azfn.decorators.function_app import FunctionApp
    from azfn.decorators.kafka import KafkaTrigger
    from azfn.decorators.utils import to_camel_case

    assert FunctionApp is azfn.FunctionApp
    assert KafkaTrigger is Declared
    assert to_camel_case is ours
