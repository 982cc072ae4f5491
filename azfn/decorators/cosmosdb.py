"""``azure.functions.decorators.cosmosdb`` for azfn: the Cosmos DB bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.cosmosdb import CosmosDBInput
from azfn.bindings.cosmosdb import CosmosDBInputV3
from azfn.bindings.cosmosdb import CosmosDBOutput
from azfn.bindings.cosmosdb import CosmosDBOutputV3
from azfn.bindings.cosmosdb import CosmosDBTrigger
from azfn.bindings.cosmosdb import CosmosDBTriggerV3
from azfn.decorators.constants import COSMOS_DB
from azfn.decorators.constants import COSMOS_DB_TRIGGER
from azfn.enums import DataType

__all__ = [
    "COSMOS_DB",
    "COSMOS_DB_TRIGGER",
    "CosmosDBInput",
    "CosmosDBInputV3",
    "CosmosDBOutput",
    "CosmosDBOutputV3",
    "CosmosDBTrigger",
    "CosmosDBTriggerV3",
    "DataType",
    "InputBinding",
    "OutputBinding",
    "Trigger",
]
