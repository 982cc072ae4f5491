"""``azure.functions.decorators.constants`` for azfn: the host's binding types.

Each is read from its declaration's ``type``, so the two cannot disagree.
"""

from __future__ import annotations

from azfn.bindings import blob
from azfn.bindings import connectors
from azfn.bindings import cosmosdb
from azfn.bindings import dapr
from azfn.bindings import durable
from azfn.bindings import eventgrid
from azfn.bindings import eventhub
from azfn.bindings import http
from azfn.bindings import kafka
from azfn.bindings import mcp
from azfn.bindings import mysql
from azfn.bindings import openai
from azfn.bindings import queue
from azfn.bindings import servicebus
from azfn.bindings import sql
from azfn.bindings import table
from azfn.bindings import timer
from azfn.bindings import warmup

__all__ = [
    "ACTIVITY_TRIGGER",
    "ASSISTANT_CREATE",
    "ASSISTANT_POST",
    "ASSISTANT_QUERY",
    "ASSISTANT_SKILL_TRIGGER",
    "BLOB",
    "BLOB_TRIGGER",
    "CONNECTOR_TRIGGER",
    "COSMOS_DB",
    "COSMOS_DB_TRIGGER",
    "DAPR_BINDING",
    "DAPR_BINDING_TRIGGER",
    "DAPR_INVOKE",
    "DAPR_PUBLISH",
    "DAPR_SECRET",
    "DAPR_SERVICE_INVOCATION_TRIGGER",
    "DAPR_STATE",
    "DAPR_TOPIC_TRIGGER",
    "DURABLE_CLIENT",
    "EMBEDDINGS",
    "EMBEDDINGS_STORE",
    "ENTITY_TRIGGER",
    "EVENT_GRID",
    "EVENT_GRID_TRIGGER",
    "EVENT_HUB",
    "EVENT_HUB_TRIGGER",
    "HTTP_OUTPUT",
    "HTTP_TRIGGER",
    "KAFKA",
    "KAFKA_TRIGGER",
    "MCP_PROMPT_TRIGGER",
    "MCP_RESOURCE_TRIGGER",
    "MCP_TOOL_TRIGGER",
    "MYSQL",
    "MYSQL_TRIGGER",
    "ORCHESTRATION_TRIGGER",
    "QUEUE",
    "QUEUE_TRIGGER",
    "SEMANTIC_SEARCH",
    "SERVICE_BUS",
    "SERVICE_BUS_TRIGGER",
    "SQL",
    "SQL_TRIGGER",
    "TABLE",
    "TEXT_COMPLETION",
    "TIMER_TRIGGER",
    "WARMUP_TRIGGER",
]

COSMOS_DB = cosmosdb.CosmosDBInput.type
COSMOS_DB_TRIGGER = cosmosdb.CosmosDBTrigger.type
EVENT_HUB_TRIGGER = eventhub.EventHubTrigger.type
EVENT_HUB = eventhub.EventHubOutput.type
HTTP_TRIGGER = http.HttpTrigger.type
HTTP_OUTPUT = http.HttpOutput.type
KAFKA = kafka.KafkaOutput.type
KAFKA_TRIGGER = kafka.KafkaTrigger.type
QUEUE = queue.QueueOutput.type
QUEUE_TRIGGER = queue.QueueTrigger.type
SERVICE_BUS = servicebus.ServiceBusQueueOutput.type
SERVICE_BUS_TRIGGER = servicebus.ServiceBusQueueTrigger.type
TIMER_TRIGGER = timer.TimerTrigger.type
WARMUP_TRIGGER = warmup.WarmUpTrigger.type
BLOB_TRIGGER = blob.BlobTrigger.type
BLOB = blob.BlobInput.type
EVENT_GRID_TRIGGER = eventgrid.EventGridTrigger.type
EVENT_GRID = eventgrid.EventGridOutput.type
TABLE = table.TableInput.type
SQL = sql.SqlInput.type
SQL_TRIGGER = sql.SqlTrigger.type
DAPR_SERVICE_INVOCATION_TRIGGER = dapr.DaprServiceInvocationTrigger.type
DAPR_BINDING_TRIGGER = dapr.DaprBindingTrigger.type
DAPR_TOPIC_TRIGGER = dapr.DaprTopicTrigger.type
DAPR_STATE = dapr.DaprStateInput.type
DAPR_SECRET = dapr.DaprSecretInput.type
DAPR_PUBLISH = dapr.DaprPublishOutput.type
DAPR_INVOKE = dapr.DaprInvokeOutput.type
DAPR_BINDING = dapr.DaprBindingOutput.type
ORCHESTRATION_TRIGGER = durable.OrchestrationTrigger.type
ACTIVITY_TRIGGER = durable.ActivityTrigger.type
ENTITY_TRIGGER = durable.EntityTrigger.type
DURABLE_CLIENT = durable.DurableClient.type
ASSISTANT_SKILL_TRIGGER = openai.AssistantSkillTrigger.type
TEXT_COMPLETION = openai.TextCompletionInput.type
ASSISTANT_QUERY = openai.AssistantQueryInput.type
EMBEDDINGS = openai.EmbeddingsInput.type
EMBEDDINGS_STORE = openai.EmbeddingsStoreOutput.type
ASSISTANT_CREATE = openai.AssistantCreateOutput.type
ASSISTANT_POST = openai.AssistantPostInput.type
SEMANTIC_SEARCH = openai.SemanticSearchInput.type
MYSQL = mysql.MySqlInput.type
MYSQL_TRIGGER = mysql.MySqlTrigger.type
MCP_TOOL_TRIGGER = mcp.MCPToolTrigger.type
MCP_RESOURCE_TRIGGER = mcp.MCPResourceTrigger.type
MCP_PROMPT_TRIGGER = mcp.MCPPromptTrigger.type
CONNECTOR_TRIGGER = connectors.ConnectorTrigger.type
