"""Logic Apps connectors: the ``connectorTrigger`` trigger."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["ConnectorTrigger"]


class ConnectorTrigger(Trigger):
    """Run the function for events from a managed connector."""

    type = "connectorTrigger"
    arg_name: str
    data_type: DataType | str | None = None
