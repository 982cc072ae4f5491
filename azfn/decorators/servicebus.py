"""``azure.functions.decorators.servicebus`` for azfn: the Service Bus bindings."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.servicebus import ServiceBusQueueOutput
from azfn.bindings.servicebus import ServiceBusQueueTrigger
from azfn.bindings.servicebus import ServiceBusTopicOutput
from azfn.bindings.servicebus import ServiceBusTopicTrigger
from azfn.decorators.constants import SERVICE_BUS
from azfn.decorators.constants import SERVICE_BUS_TRIGGER
from azfn.enums import AccessRights
from azfn.enums import Cardinality
from azfn.enums import DataType

__all__ = [
    "SERVICE_BUS",
    "SERVICE_BUS_TRIGGER",
    "AccessRights",
    "Cardinality",
    "DataType",
    "OutputBinding",
    "ServiceBusQueueOutput",
    "ServiceBusQueueTrigger",
    "ServiceBusTopicOutput",
    "ServiceBusTopicTrigger",
    "Trigger",
]
