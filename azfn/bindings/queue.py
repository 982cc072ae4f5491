"""Azure Storage queues: the ``queueTrigger`` trigger and ``queue`` output."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["QueueOutput", "QueueTrigger"]


class QueueTrigger(Trigger):
    """Run the function for each message added to a Storage queue."""

    type = "queueTrigger"
    arg_name: str
    queue_name: str
    """The queue to watch (``%Setting%`` names an app setting)."""
    connection: str
    """App setting (or prefix) holding the Storage connection."""
    data_type: DataType | str | None = None


class QueueOutput(OutputBinding):
    """Add messages to a Storage queue."""

    type = "queue"
    arg_name: str
    queue_name: str
    connection: str
    data_type: DataType | str | None = None
