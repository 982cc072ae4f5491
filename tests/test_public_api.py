"""The public API: complete, sorted, importable, and a superset of the reference's."""

from __future__ import annotations
import __future__

import importlib
import types

import pytest

import azfn

# `azure.functions.__all__` (1.26.0), minus nothing: every name must exist here.
REFERENCE_NAMES = [
    "AccessRights", "AppExtensionBase", "AsgiFunctionApp", "AsgiMiddleware", "AuthLevel",
    "BindingApi", "BlobSource", "Blueprint", "Cardinality", "CloudEvent", "Context",
    "DataType", "DecoratorApi", "Document", "DocumentList", "EntityContext", "EventGridEvent",
    "EventGridOutputEvent", "EventHubEvent", "ExtensionMeta", "ExternalHttpFunctionApp",
    "FuncExtensionBase", "Function", "FunctionApp", "FunctionExtensionException",
    "FunctionRegister", "HttpMethod", "HttpRequest", "HttpResponse", "InputStream",
    "KafkaConverter", "KafkaEvent", "KafkaTriggerConverter", "MCPToolContext",
    "McpPropertyType", "MySqlRow", "MySqlRowList", "OrchestrationContext", "Out",
    "PromptArgument", "PromptInvocationContext", "QueueMessage", "ServiceBusMessage",
    "SettingsApi", "SqlRow", "SqlRowList", "TimerRequest", "TriggerApi", "WarmUpContext",
    "WsgiFunctionApp", "WsgiMiddleware", "get_binding_registry", "mcp_content",
]  # fmt: skip

REFERENCE_MODULES = [
    "blob", "connectors", "cosmosdb", "decorators", "durable_functions", "eventgrid",
    "eventhub", "extension", "http", "kafka", "mcp", "meta", "mysql", "queue", "servicebus",
    "sql", "timer", "warmup",
    "decorators.core", "decorators.http", "decorators.blob", "decorators.cosmosdb",
    "decorators.dapr", "decorators.eventgrid", "decorators.eventhub", "decorators.generic",
    "decorators.kafka", "decorators.mcp", "decorators.mysql", "decorators.openai",
    "decorators.queue", "decorators.servicebus", "decorators.sql", "decorators.table",
    "decorators.timer", "decorators.warmup", "decorators.connectors", "decorators.function_app",
    "decorators.function_name", "decorators.retry_policy", "decorators.constants",
    "decorators.utils",
]  # fmt: skip


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and lists exactly the public, non-module names."""
    public = {
        name
        for name in dir(azfn)
        if not name.startswith("_")
        and not isinstance(getattr(azfn, name), (types.ModuleType, __future__._Feature))
    }
    assert azfn.__all__ == sorted(azfn.__all__)
    assert set(azfn.__all__) == public


@pytest.mark.parametrize("name", REFERENCE_NAMES)
def test_reference_name_exists(name: str) -> None:
    """Every name of azure.functions.__all__ is importable from azfn."""
    assert name in azfn.__all__
    assert getattr(azfn, name) is not None


@pytest.mark.parametrize("name", sorted(azfn.__all__))
def test_public_objects_live_in_azfn(name: str) -> None:
    """Public objects are defined inside azfn."""
    if name == "JSONValue":  # a type alias: no __module__ of its own
        return
    module = getattr(getattr(azfn, name), "__module__", "azfn")
    assert module.startswith("azfn")


def test_converters_register_on_first_use() -> None:
    """The registry is complete whenever it is read, though types load lazily."""
    registry = azfn.get_binding_registry()
    assert registry.get("queueTrigger") is not None
    assert {"httpTrigger", "http", "blobTrigger", "kafkaTrigger", "timerTrigger"} <= set(
        registry.bindings()
    )


def test_star_import_works() -> None:
    """`from azfn import *` works (the reference's lists a missing name)."""
    namespace: dict[str, object] = {}
    exec("from azfn import *", namespace)
    assert "FunctionApp" in namespace


@pytest.mark.parametrize("path", REFERENCE_MODULES)
def test_reference_module_paths_import(path: str) -> None:
    """The reference's submodule paths exist under azfn."""
    importlib.import_module(f"azfn.{path}")
