"""``azure.functions.decorators.eventhub`` for azfn: the Event Hubs bindings."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.eventhub import EventHubOutput
from azfn.bindings.eventhub import EventHubTrigger
from azfn.decorators.constants import EVENT_HUB
from azfn.decorators.constants import EVENT_HUB_TRIGGER
from azfn.enums import Cardinality
from azfn.enums import DataType

__all__ = [
    "EVENT_HUB",
    "EVENT_HUB_TRIGGER",
    "Cardinality",
    "DataType",
    "EventHubOutput",
    "EventHubTrigger",
    "OutputBinding",
    "Trigger",
]
