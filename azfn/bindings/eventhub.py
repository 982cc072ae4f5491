"""Azure Event Hubs: the ``eventHubTrigger`` trigger and ``eventHub`` output."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import Cardinality
from azfn.enums import DataType

__all__ = ["EventHubOutput", "EventHubTrigger"]


class EventHubTrigger(Trigger):
    """Run the function for events (one or a batch) read from an event hub."""

    type = "eventHubTrigger"
    arg_name: str
    connection: str
    """App setting (or prefix) holding the Event Hubs connection."""
    event_hub_name: str
    data_type: DataType | str | None = None
    cardinality: Cardinality | str | None = None
    """``many`` (the host's default) passes a batch, ``one`` a single event."""
    consumer_group: str | None = None
    """Defaults to ``$Default``."""


class EventHubOutput(OutputBinding):
    """Send events to an event hub."""

    type = "eventHub"
    arg_name: str
    connection: str
    event_hub_name: str
    data_type: DataType | str | None = None
