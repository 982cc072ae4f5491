# pyright: strict
"""``FuncExtensionHooks``: the registered hooks of one function."""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import NamedTuple

if TYPE_CHECKING:
    from azfn.extension.extension_hook_meta import ExtensionHookMeta

__all__ = ["FuncExtensionHooks"]


class FuncExtensionHooks(NamedTuple):
    """One function's extension hooks, grouped by hook, in registration order.

    Attributes:
        post_function_load: run after the function is loaded.
        pre_invocation: run before each invocation, after the application
            extensions' pre-invocation hooks.
        post_invocation: run after each invocation, before the application
            extensions' post-invocation hooks.
    """

    post_function_load: list[ExtensionHookMeta]
    pre_invocation: list[ExtensionHookMeta]
    post_invocation: list[ExtensionHookMeta]
