"""azfn: write, type-check, test and run Azure Functions apps in Python.

``import azfn as func`` is a drop-in replacement for ``import azure.functions
as func``: the same names, decorators and function metadata, with types that
survive decoration and validation that reports every problem at once.
"""

from __future__ import annotations

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.external import AsgiFunctionApp
from azfn._app.external import ExternalHttpFunctionApp
from azfn._app.external import WsgiFunctionApp
from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._builder import FunctionBuilder
from azfn._function import Function
from azfn._http_asgi import AsgiMiddleware
from azfn._http_wsgi import WsgiMiddleware
from azfn.bindings.http import HttpMethod
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
