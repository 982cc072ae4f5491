"""``azure.functions.decorators.queue`` for azfn: the Storage queue bindings."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.queue import QueueOutput
from azfn.bindings.queue import QueueTrigger
from azfn.decorators.constants import QUEUE
from azfn.decorators.constants import QUEUE_TRIGGER
from azfn.enums import DataType

__all__ = [
    "QUEUE",
    "QUEUE_TRIGGER",
    "DataType",
    "OutputBinding",
    "QueueOutput",
    "QueueTrigger",
    "Trigger",
]
