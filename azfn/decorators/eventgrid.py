"""``azure.functions.decorators.eventgrid`` for azfn: the Event Grid bindings."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.eventgrid import EventGridOutput
from azfn.bindings.eventgrid import EventGridTrigger
from azfn.decorators.constants import EVENT_GRID
from azfn.decorators.constants import EVENT_GRID_TRIGGER
from azfn.enums import DataType

__all__ = [
    "EVENT_GRID",
    "EVENT_GRID_TRIGGER",
    "DataType",
    "EventGridOutput",
    "EventGridTrigger",
    "OutputBinding",
    "Trigger",
]
