# pyright: strict
"""``ExtensionHookMeta``: one registered hook and the extension it belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["ExtensionHookMeta"]


class ExtensionHookMeta(NamedTuple):
    """One hook of one extension, as the registry stores it.

    Attributes:
        ext_name: the extension's class name; the worker names the hook's
            logger after it.
        ext_impl: the hook itself: a bound classmethod for application
            extensions, a bound method for function extensions.
    """

    ext_name: str
    ext_impl: Callable[..., object]
