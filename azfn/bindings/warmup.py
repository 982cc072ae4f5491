"""Warm-up: the ``warmupTrigger`` trigger, run as an instance is added."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["WarmUpTrigger"]


class WarmUpTrigger(Trigger):
    """Run the function when a new instance of the app starts (Premium plans)."""

    type = "warmupTrigger"
    arg_name: str
    data_type: DataType | str | None = None
