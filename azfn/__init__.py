"""azfn: write, type-check, test and run Azure Functions apps in Python.

``import azfn as func`` is a drop-in replacement for ``import azure.functions
as func``: the same names, decorators and function metadata, with types that
survive decoration and validation that reports every problem at once.

The decorator API is imported eagerly; binding types, middleware and worker
extensions load on first use (``func.HttpRequest``), which keeps
``import azfn`` a fraction of the cost of ``import azure.functions``.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._builder import FunctionBuilder
from azfn._function import Function
from azfn.bindings._base import JSONValue
from azfn.bindings.http import HttpMethod
from azfn.enums import AccessRights
from azfn.enums import AuthLevel
from azfn.enums import BlobSource
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import McpPropertyType
from azfn.errors import AzfnError
from azfn.errors import FunctionLoadError
from azfn.errors import Problem
from azfn.errors import RegistrationError

if _typing.TYPE_CHECKING:
    from azfn._app.external import AsgiFunctionApp
    from azfn._app.external import ExternalHttpFunctionApp
    from azfn._app.external import WsgiFunctionApp
    from azfn._http_asgi import AsgiMiddleware
    from azfn._http_wsgi import WsgiMiddleware
    from azfn.bindings.mcp import PromptArgument
    from azfn.bindings.mcp import mcp_content
    from azfn.blob import InputStream
    from azfn.context import Context
    from azfn.context import RetryContext
    from azfn.context import RpcException
    from azfn.context import TraceContext
    from azfn.cosmosdb import Document
    from azfn.cosmosdb import DocumentList
    from azfn.durable_functions import EntityContext
    from azfn.durable_functions import OrchestrationContext
    from azfn.eventgrid import CloudEvent
    from azfn.eventgrid import EventGridEvent
    from azfn.eventgrid import EventGridOutputEvent
    from azfn.eventhub import EventHubEvent
    from azfn.extension import AppExtensionBase
    from azfn.extension import ExtensionMeta
    from azfn.extension import FuncExtensionBase
    from azfn.extension import FunctionExtensionException
    from azfn.http import FormParseError
    from azfn.http import HttpRequest
    from azfn.http import HttpResponse
    from azfn.http import InvalidJSONError
    from azfn.kafka import KafkaConverter
    from azfn.kafka import KafkaEvent
    from azfn.kafka import KafkaTriggerConverter
    from azfn.mcp import MCPToolContext
    from azfn.mcp import PromptInvocationContext
    from azfn.meta import get_binding_registry
    from azfn.mysql import MySqlRow
    from azfn.mysql import MySqlRowList
    from azfn.out import Out
    from azfn.queue import QueueMessage
    from azfn.servicebus import ServiceBusMessage
    from azfn.sql import SqlRow
    from azfn.sql import SqlRowList
    from azfn.timer import TimerRequest
    from azfn.warmup import WarmUpContext

# Public names loaded on first access, by module.
_LAZY: dict[str, str] = {
    "AppExtensionBase": "azfn.extension",
    "AsgiFunctionApp": "azfn._app.external",
    "AsgiMiddleware": "azfn._http_asgi",
    "CloudEvent": "azfn.eventgrid",
    "Context": "azfn.context",
    "Document": "azfn.cosmosdb",
    "DocumentList": "azfn.cosmosdb",
    "EntityContext": "azfn.durable_functions",
    "EventGridEvent": "azfn.eventgrid",
    "EventGridOutputEvent": "azfn.eventgrid",
    "EventHubEvent": "azfn.eventhub",
    "ExtensionMeta": "azfn.extension",
    "ExternalHttpFunctionApp": "azfn._app.external",
    "FormParseError": "azfn.http",
    "FuncExtensionBase": "azfn.extension",
    "FunctionExtensionException": "azfn.extension",
    "HttpRequest": "azfn.http",
    "HttpResponse": "azfn.http",
    "InputStream": "azfn.blob",
    "InvalidJSONError": "azfn.http",
    "KafkaConverter": "azfn.kafka",
    "KafkaEvent": "azfn.kafka",
    "KafkaTriggerConverter": "azfn.kafka",
    "MCPToolContext": "azfn.mcp",
    "MySqlRow": "azfn.mysql",
    "MySqlRowList": "azfn.mysql",
    "OrchestrationContext": "azfn.durable_functions",
    "Out": "azfn.out",
    "PromptArgument": "azfn.bindings.mcp",
    "PromptInvocationContext": "azfn.mcp",
    "QueueMessage": "azfn.queue",
    "RetryContext": "azfn.context",
    "RpcException": "azfn.context",
    "ServiceBusMessage": "azfn.servicebus",
    "SqlRow": "azfn.sql",
    "SqlRowList": "azfn.sql",
    "TimerRequest": "azfn.timer",
    "TraceContext": "azfn.context",
    "WarmUpContext": "azfn.warmup",
    "WsgiFunctionApp": "azfn._app.external",
    "WsgiMiddleware": "azfn._http_wsgi",
    "get_binding_registry": "azfn.meta",
    "mcp_content": "azfn.bindings.mcp",
}
# The reference's submodules, available as attributes as in azure.functions.
_SUBMODULES = frozenset(
    {
        "blob", "connectors", "cosmosdb", "decorators", "durable_functions", "eventgrid",
        "eventhub", "extension", "http", "kafka", "mcp", "meta", "mysql", "queue",
        "servicebus", "sql", "timer", "warmup",
    }
)  # fmt: skip


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is not None:
        value: object = getattr(_importlib.import_module(module), name)
    elif name in _SUBMODULES:
        value = _importlib.import_module(f"azfn.{name}")
    else:
        raise AttributeError(f"module 'azfn' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__version__ = "0.1.0"

__all__ = [
    "AccessRights",
    "AppExtensionBase",
    "AsgiFunctionApp",
    "AsgiMiddleware",
    "AuthLevel",
    "AzfnError",
    "BindingApi",
    "BlobSource",
    "Blueprint",
    "Cardinality",
    "CloudEvent",
    "Context",
    "DataType",
    "DecoratorApi",
    "Document",
    "DocumentList",
    "EntityContext",
    "EventGridEvent",
    "EventGridOutputEvent",
    "EventHubEvent",
    "ExtensionMeta",
    "ExternalHttpFunctionApp",
    "FormParseError",
    "FuncExtensionBase",
    "Function",
    "FunctionApp",
    "FunctionBuilder",
    "FunctionExtensionException",
    "FunctionLoadError",
    "FunctionRegister",
    "HttpMethod",
    "HttpRequest",
    "HttpResponse",
    "InputStream",
    "InvalidJSONError",
    "JSONValue",
    "KafkaConverter",
    "KafkaEvent",
    "KafkaTriggerConverter",
    "MCPToolContext",
    "McpPropertyType",
    "MySqlRow",
    "MySqlRowList",
    "OrchestrationContext",
    "Out",
    "Problem",
    "PromptArgument",
    "PromptInvocationContext",
    "QueueMessage",
    "RegistrationError",
    "RetryContext",
    "RpcException",
    "ServiceBusMessage",
    "SettingsApi",
    "SqlRow",
    "SqlRowList",
    "TimerRequest",
    "TraceContext",
    "TriggerApi",
    "WarmUpContext",
    "WsgiFunctionApp",
    "WsgiMiddleware",
    "get_binding_registry",
    "mcp_content",
]
