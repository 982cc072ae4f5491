"""``azure.functions.decorators.utils`` for azfn: enum and naming helpers."""

from __future__ import annotations

from azfn._naming import to_camel_case
from azfn.enums import StringifyEnum

__all__ = [
    "StringifyEnum",
    "to_camel_case",
]
