# pyright: strict
"""``Out[T]``: the value a function gives an output binding.

The worker hands a fresh :class:`Out` to every parameter bound to an output
binding; after the call it writes the last value set, and writes nothing if
that value is ``None``. The reference library only has an abstract ``Out``,
so its users hand-write subclasses or mocks in tests. This one is concrete
and records every value it is given::

    out = func.Out[str]()
    main(req, out)
    assert out.get() == "hello"
    assert out.values == ["hello"]

The worker recognises ``Out`` annotations by the class name, so
``out: func.Out[str]`` works with the real worker too.
"""

from __future__ import annotations

from typing import Generic
from typing import TypeVar

__all__ = ["Out"]

T = TypeVar("T")


class Out(Generic[T]):
    """An output binding's value: :meth:`set` by the function, :meth:`get` after."""

    def __init__(self) -> None:
        self._values: list[T] = []

    def set(self, val: T) -> None:
        """Record *val* as the output value (the last one set wins)."""
        self._values.append(val)

    def get(self) -> T | None:
        """Return the last value set, or ``None`` if :meth:`set` was never called."""
        return self._values[-1] if self._values else None

    @property
    def values(self) -> list[T]:
        """Every value set, oldest first (a copy)."""
        return list(self._values)

    @property
    def is_set(self) -> bool:
        """Whether :meth:`set` was called (the worker skips an output whose value is ``None``)."""
        return bool(self._values)

    def __repr__(self) -> str:
        if not self._values:
            return "<Out unset>"
        return f"<Out {self._values[-1]!r}>"
