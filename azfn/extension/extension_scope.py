# pyright: strict
"""``ExtensionScope``: which kind of extension a class is."""

from __future__ import annotations

import enum

__all__ = ["ExtensionScope"]


class ExtensionScope(enum.Enum):
    """Whether an extension applies to every function or to one.

    A class that names no scope (it uses the metaclass directly) is
    ``UNKNOWN`` and cannot be instantiated.
    """

    UNKNOWN = 0
    APPLICATION = 1
    FUNCTION = 2
