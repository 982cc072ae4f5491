"""Azure Service Bus: the ``serviceBusTrigger`` trigger and ``serviceBus`` output."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import AccessRights
from azfn.enums import Cardinality
from azfn.enums import DataType

__all__ = [
    "ServiceBusQueueOutput",
    "ServiceBusQueueTrigger",
    "ServiceBusTopicOutput",
    "ServiceBusTopicTrigger",
]


class ServiceBusQueueTrigger(Trigger):
    """Run the function for messages arriving on a Service Bus queue."""

    type = "serviceBusTrigger"
    arg_name: str
    connection: str
    """App setting (or prefix) holding the Service Bus connection."""
    queue_name: str
    data_type: DataType | str | None = None
    access_rights: AccessRights | str | None = None
    """Rights of the connection string (functions v1 only)."""
    is_sessions_enabled: bool | None = None
    """Read from a session-aware queue."""
    cardinality: Cardinality | str | None = None
    auto_complete_messages: bool | None = None
    """Complete the message when the function succeeds (the host's default)."""


class ServiceBusTopicTrigger(Trigger):
    """Run the function for messages arriving on a topic subscription."""

    type = "serviceBusTrigger"
    arg_name: str
    connection: str
    topic_name: str
    subscription_name: str
    data_type: DataType | str | None = None
    access_rights: AccessRights | str | None = None
    is_sessions_enabled: bool | None = None
    cardinality: Cardinality | str | None = None
    auto_complete_messages: bool | None = None


class ServiceBusQueueOutput(OutputBinding):
    """Send messages to a Service Bus queue."""

    type = "serviceBus"
    arg_name: str
    connection: str
    queue_name: str
    data_type: DataType | str | None = None
    access_rights: AccessRights | str | None = None


class ServiceBusTopicOutput(OutputBinding):
    """Send messages to a Service Bus topic."""

    type = "serviceBus"
    arg_name: str
    connection: str
    topic_name: str
    subscription_name: str | None = None
    data_type: DataType | str | None = None
    access_rights: AccessRights | str | None = None
