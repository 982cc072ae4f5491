"""``azure.functions.decorators.warmup`` for azfn: the warm-up trigger."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.bindings.warmup import WarmUpTrigger
from azfn.decorators.constants import WARMUP_TRIGGER
from azfn.enums import DataType

__all__ = [
    "WARMUP_TRIGGER",
    "DataType",
    "Trigger",
    "WarmUpTrigger",
]
