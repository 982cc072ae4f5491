"""``BindingApi``: one decorator method per input or output binding."""

from __future__ import annotations

from azfn._app.decorators import Decorator
from azfn._app.decorators import DecoratorApi
from azfn._app.decorators import binding_method
from azfn._app.triggers import durable_unavailable
from azfn.bindings.blob import BlobInput
from azfn.bindings.blob import BlobOutput
from azfn.bindings.cosmosdb import CosmosDBInput
from azfn.bindings.cosmosdb import CosmosDBInputV3
from azfn.bindings.cosmosdb import CosmosDBOutput
from azfn.bindings.cosmosdb import CosmosDBOutputV3
from azfn.bindings.dapr import DaprBindingOutput
from azfn.bindings.dapr import DaprInvokeOutput
from azfn.bindings.dapr import DaprPublishOutput
from azfn.bindings.dapr import DaprSecretInput
from azfn.bindings.dapr import DaprStateInput
from azfn.bindings.dapr import DaprStateOutput
from azfn.bindings.eventgrid import EventGridOutput
from azfn.bindings.eventhub import EventHubOutput
from azfn.bindings.generic import GenericInputBinding
from azfn.bindings.generic import GenericOutputBinding
from azfn.bindings.kafka import KafkaOutput
from azfn.bindings.mysql import MySqlInput
from azfn.bindings.mysql import MySqlOutput
from azfn.bindings.openai import AssistantCreateOutput
from azfn.bindings.openai import AssistantPostInput
from azfn.bindings.openai import AssistantQueryInput
from azfn.bindings.openai import EmbeddingsInput
from azfn.bindings.openai import EmbeddingsStoreOutput
from azfn.bindings.openai import SemanticSearchInput
from azfn.bindings.openai import TextCompletionInput
from azfn.bindings.queue import QueueOutput
from azfn.bindings.servicebus import ServiceBusQueueOutput
from azfn.bindings.servicebus import ServiceBusTopicOutput
from azfn.bindings.sql import SqlInput
from azfn.bindings.sql import SqlOutput
from azfn.bindings.table import TableInput
from azfn.bindings.table import TableOutput

__all__ = ["BindingApi"]


class BindingApi(DecoratorApi):
    """Decorators that declare a function's input and output bindings."""

    queue_output = binding_method(QueueOutput)
    blob_input = binding_method(BlobInput)
    blob_output = binding_method(BlobOutput)
    # The early names of blob_input / blob_output, still in documentation samples.
    read_blob = binding_method(BlobInput)
    write_blob = binding_method(BlobOutput)
    # As in the reference, the table bindings take no extra keywords.
    table_input = binding_method(TableInput, extras=False)
    table_output = binding_method(TableOutput, extras=False)
    event_hub_output = binding_method(EventHubOutput)
    service_bus_queue_output = binding_method(ServiceBusQueueOutput)
    service_bus_topic_output = binding_method(ServiceBusTopicOutput)
    cosmos_db_output_v3 = binding_method(CosmosDBOutputV3)
    cosmos_db_output = binding_method(CosmosDBOutput)
    cosmos_db_input_v3 = binding_method(CosmosDBInputV3)
    cosmos_db_input = binding_method(CosmosDBInput)
    event_grid_output = binding_method(EventGridOutput)
    kafka_output = binding_method(KafkaOutput)
    sql_input = binding_method(SqlInput)
    sql_output = binding_method(SqlOutput)
    mysql_input = binding_method(MySqlInput)
    mysql_output = binding_method(MySqlOutput)
    generic_input_binding = binding_method(GenericInputBinding)
    generic_output_binding = binding_method(GenericOutputBinding)
    dapr_state_input = binding_method(DaprStateInput)
    dapr_secret_input = binding_method(DaprSecretInput)
    dapr_state_output = binding_method(DaprStateOutput)
    dapr_invoke_output = binding_method(DaprInvokeOutput)
    dapr_publish_output = binding_method(DaprPublishOutput)
    dapr_binding_output = binding_method(DaprBindingOutput)
    text_completion_input = binding_method(TextCompletionInput)
    assistant_create_output = binding_method(AssistantCreateOutput)
    assistant_query_input = binding_method(AssistantQueryInput)
    assistant_post_input = binding_method(AssistantPostInput)
    embeddings_input = binding_method(EmbeddingsInput)
    semantic_search_input = binding_method(SemanticSearchInput)
    embeddings_store_output = binding_method(EmbeddingsStoreOutput)

    def durable_client_input(
        self,
        client_name: str,
        task_hub: str | None = None,
        connection_name: str | None = None,
    ) -> Decorator:
        """Pass a Durable Functions client (needs the Durable Functions integration).

        Raises:
            IntegrationUnavailableError: always, for now.
        """
        raise durable_unavailable("durable_client_input", "DurableClient")
