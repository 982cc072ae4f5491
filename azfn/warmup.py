# pyright: strict
"""Warm-up trigger: :class:`WarmUpContext` and the ``warmupTrigger`` converter.

The host fires the warm-up trigger when it adds an instance, before the
instance takes traffic. The payload carries nothing the function can use,
so the converter ignores the data and reads no trigger metadata.

The reference lists ``WarmUpContext`` in its ``__all__`` but never imports
it at the top level; azfn exports it properly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn import _metadata as _md
from azfn.meta import InConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

    from azfn.meta import Datum

__all__ = ["WarmUpContext", "WarmUpTriggerConverter"]


class WarmUpContext:
    """What a warm-up function receives: a marker with no fields."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WarmUpContext):
            return NotImplemented
        return True

    def __hash__(self) -> int:
        return hash(WarmUpContext)

    def __repr__(self) -> str:
        return "WarmUpContext()"


class WarmUpTriggerConverter(InConverter, binding="warmupTrigger", trigger=True):
    """The warm-up trigger in, a :class:`WarmUpContext` out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`WarmUpContext` and its subclasses."""
        return _md.is_class_annotation(pytype, (WarmUpContext,))

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> WarmUpContext:
        """Return a :class:`WarmUpContext`, whatever the data."""
        return WarmUpContext()
