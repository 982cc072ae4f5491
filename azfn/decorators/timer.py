"""``azure.functions.decorators.timer`` for azfn: the timer trigger."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.bindings.timer import TimerTrigger
from azfn.decorators.constants import TIMER_TRIGGER
from azfn.enums import DataType

__all__ = [
    "TIMER_TRIGGER",
    "DataType",
    "TimerTrigger",
    "Trigger",
]
