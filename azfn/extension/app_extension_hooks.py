# pyright: strict
"""``AppExtensionHooks``: the registered hooks that apply to every function."""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import NamedTuple

if TYPE_CHECKING:
    from azfn.extension.extension_hook_meta import ExtensionHookMeta

__all__ = ["AppExtensionHooks"]


class AppExtensionHooks(NamedTuple):
    """Every application extension's hooks, grouped by hook, in registration order.

    Attributes:
        post_function_load_app_level: run after each function is loaded.
        pre_invocation_app_level: run before each invocation, first of all.
        post_invocation_app_level: run after each invocation, last of all.
    """

    post_function_load_app_level: list[ExtensionHookMeta]
    pre_invocation_app_level: list[ExtensionHookMeta]
    post_invocation_app_level: list[ExtensionHookMeta]
