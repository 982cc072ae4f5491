"""``azure.functions.decorators.function_app`` for azfn: the app classes and bindings."""

from __future__ import annotations

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._builder import FunctionBuilder
from azfn._function import SCRIPT_FILE_NAME
from azfn._function import Function
from azfn.bindings._base import Binding
from azfn.bindings._base import Trigger
from azfn.bindings.blob import BlobInput
from azfn.bindings.blob import BlobOutput
from azfn.bindings.blob import BlobTrigger
from azfn.bindings.connectors import ConnectorTrigger
from azfn.bindings.cosmosdb import CosmosDBInput
from azfn.bindings.cosmosdb import CosmosDBInputV3
from azfn.bindings.cosmosdb import CosmosDBOutput
from azfn.bindings.cosmosdb import CosmosDBOutputV3
from azfn.bindings.cosmosdb import CosmosDBTrigger
from azfn.bindings.cosmosdb import CosmosDBTriggerV3
from azfn.bindings.dapr import DaprBindingOutput
from azfn.bindings.dapr import DaprBindingTrigger
from azfn.bindings.dapr import DaprInvokeOutput
from azfn.bindings.dapr import DaprPublishOutput
from azfn.bindings.dapr import DaprSecretInput
from azfn.bindings.dapr import DaprServiceInvocationTrigger
from azfn.bindings.dapr import DaprStateInput
from azfn.bindings.dapr import DaprStateOutput
from azfn.bindings.dapr import DaprTopicTrigger
from azfn.bindings.eventgrid import EventGridOutput
from azfn.bindings.eventgrid import EventGridTrigger
from azfn.bindings.eventhub import EventHubOutput
from azfn.bindings.eventhub import EventHubTrigger
from azfn.bindings.generic import GenericInputBinding
from azfn.bindings.generic import GenericOutputBinding
from azfn.bindings.generic import GenericTrigger
from azfn.bindings.http import HttpMethod
from azfn.bindings.http import HttpOutput
from azfn.bindings.http import HttpTrigger
from azfn.bindings.kafka import BrokerAuthenticationMode
from azfn.bindings.kafka import BrokerProtocol
from azfn.bindings.kafka import KafkaMessageKeyType
from azfn.bindings.kafka import KafkaOutput
from azfn.bindings.kafka import KafkaTrigger
from azfn.bindings.kafka import OAuthBearerMethod
from azfn.bindings.mcp import MCPPromptTrigger
from azfn.bindings.mcp import MCPResourceTrigger
from azfn.bindings.mcp import PromptArgument
from azfn.bindings.mysql import MySqlInput
from azfn.bindings.mysql import MySqlOutput
from azfn.bindings.mysql import MySqlTrigger
from azfn.bindings.openai import InputType
from azfn.bindings.openai import OpenAIModels
from azfn.bindings.openai import semantic_search_system_prompt
from azfn.bindings.queue import QueueOutput
from azfn.bindings.queue import QueueTrigger
from azfn.bindings.servicebus import ServiceBusQueueOutput
from azfn.bindings.servicebus import ServiceBusQueueTrigger
from azfn.bindings.servicebus import ServiceBusTopicOutput
from azfn.bindings.servicebus import ServiceBusTopicTrigger
from azfn.bindings.sql import SqlInput
from azfn.bindings.sql import SqlOutput
from azfn.bindings.sql import SqlTrigger
from azfn.bindings.table import TableInput
from azfn.bindings.table import TableOutput
from azfn.bindings.timer import TimerTrigger
from azfn.bindings.warmup import WarmUpTrigger
from azfn.enums import AccessRights
from azfn.enums import AuthLevel
from azfn.enums import BlobSource
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import McpPropertyType
from azfn.settings import FunctionName
from azfn.settings import RetryPolicy
from azfn.settings import Setting

__all__ = [
    "SCRIPT_FILE_NAME",
    "AccessRights",
    "AuthLevel",
    "Binding",
    "BindingApi",
    "BlobInput",
    "BlobOutput",
    "BlobSource",
    "BlobTrigger",
    "Blueprint",
    "BrokerAuthenticationMode",
    "BrokerProtocol",
    "Cardinality",
    "ConnectorTrigger",
    "CosmosDBInput",
    "CosmosDBInputV3",
    "CosmosDBOutput",
    "CosmosDBOutputV3",
    "CosmosDBTrigger",
    "CosmosDBTriggerV3",
    "DaprBindingOutput",
    "DaprBindingTrigger",
    "DaprInvokeOutput",
    "DaprPublishOutput",
    "DaprSecretInput",
    "DaprServiceInvocationTrigger",
    "DaprStateInput",
    "DaprStateOutput",
    "DaprTopicTrigger",
    "DataType",
    "DecoratorApi",
    "EventGridOutput",
    "EventGridTrigger",
    "EventHubOutput",
    "EventHubTrigger",
    "Function",
    "FunctionApp",
    "FunctionBuilder",
    "FunctionName",
    "FunctionRegister",
    "GenericInputBinding",
    "GenericOutputBinding",
    "GenericTrigger",
    "HttpMethod",
    "HttpOutput",
    "HttpTrigger",
    "InputType",
    "KafkaMessageKeyType",
    "KafkaOutput",
    "KafkaTrigger",
    "MCPPromptTrigger",
    "MCPResourceTrigger",
    "McpPropertyType",
    "MySqlInput",
    "MySqlOutput",
    "MySqlTrigger",
    "OAuthBearerMethod",
    "OpenAIModels",
    "PromptArgument",
    "QueueOutput",
    "QueueTrigger",
    "RetryPolicy",
    "ServiceBusQueueOutput",
    "ServiceBusQueueTrigger",
    "ServiceBusTopicOutput",
    "ServiceBusTopicTrigger",
    "Setting",
    "SettingsApi",
    "SqlInput",
    "SqlOutput",
    "SqlTrigger",
    "TableInput",
    "TableOutput",
    "TimerTrigger",
    "Trigger",
    "TriggerApi",
    "WarmUpTrigger",
    "semantic_search_system_prompt",
]
