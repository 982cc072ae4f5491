"""``azure.functions.decorators.connectors`` for azfn: the connector trigger."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.bindings.connectors import ConnectorTrigger
from azfn.enums import DataType

__all__ = [
    "ConnectorTrigger",
    "DataType",
    "Trigger",
]
