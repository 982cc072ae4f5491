# pyright: strict
"""Running extension hooks around a function, the way the Python worker does.

An invoker calls :func:`run_function_load_hooks` once per function after
loading it, and :func:`invoke_with_hooks` (or :func:`invoke_with_hooks_async`
for ``async def`` functions) for each invocation. The order is the worker's:

1. application ``pre_invocation_app_level`` hooks;
2. the function's ``pre_invocation`` hooks;
3. the function itself, called with ``**func_args``;
4. the function's ``post_invocation`` hooks;
5. application ``post_invocation_app_level`` hooks.

Within a step, hooks run in registration order. An exception in a hook is
logged (logger ``azure_functions_worker.extension.<ExtensionName>``, as in the
worker) and swallowed, so the remaining hooks and the function still run. If
the function raises, the exception propagates and the post hooks are skipped.
Hooks receive the same ``func_args`` dict the function is called with, so a
pre hook can change the arguments.

By default the hooks come from :class:`~azfn.extension.ExtensionMeta` for
``context.function_name`` at call time; pass ``hooks=`` to choose them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from typing import NamedTuple
from typing import Protocol
from typing import TypeVar

from azfn.extension.extension_meta import ExtensionMeta

if TYPE_CHECKING:
    import logging

if TYPE_CHECKING:
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import Sequence

    from azfn.extension.app_extension_hooks import AppExtensionHooks
    from azfn.extension.extension_hook_meta import ExtensionHookMeta
    from azfn.extension.func_extension_hooks import FuncExtensionHooks

__all__ = [
    "HOOK_LOGGER_PREFIX",
    "InvocationContext",
    "InvocationHooks",
    "invoke_with_hooks",
    "invoke_with_hooks_async",
    "run_function_load_hooks",
]

R = TypeVar("R")

#: Hook loggers are named ``<prefix>.<extension class name>``, as in the worker.
HOOK_LOGGER_PREFIX = "azure_functions_worker.extension"


class InvocationContext(Protocol):
    """What the hook runner needs of a context: the function's name."""

    @property
    def function_name(self) -> str:
        """The invoked function's name, which selects its function hooks."""
        ...


class InvocationHooks(NamedTuple):
    """The hooks that run around one invocation.

    Attributes:
        app: the application extensions' hooks, or ``None`` for none.
        function: the function extensions' hooks, or ``None`` for none.
    """

    app: AppExtensionHooks | None = None
    function: FuncExtensionHooks | None = None

    @classmethod
    def lookup(cls, function_name: str) -> InvocationHooks:
        """Return the hooks registered now for *function_name*."""
        return cls(
            ExtensionMeta.get_application_hooks(),
            ExtensionMeta.get_function_hooks(function_name),
        )


def _logger_for(ext_name: str) -> logging.Logger:
    import logging  # on first use only: heavy for `import azfn`

    return logging.getLogger(f"{HOOK_LOGGER_PREFIX}.{ext_name}")


def _run(
    hooks: Sequence[ExtensionHookMeta] | None,
    hook_name: str,
    context: InvocationContext,
    func_args: dict[str, object],
    *func_ret: object,
) -> None:
    """Run each hook; log and swallow what a hook raises."""
    for meta in hooks or ():
        logger = _logger_for(meta.ext_name)
        try:
            meta.ext_impl(logger, context, func_args, *func_ret)
        except Exception:
            logger.exception("%s.%s raised; continuing", meta.ext_name, hook_name)


def _pre(hooks: InvocationHooks, context: InvocationContext, func_args: dict[str, object]) -> None:
    if hooks.app is not None:
        _run(hooks.app.pre_invocation_app_level, "pre_invocation_app_level", context, func_args)
    if hooks.function is not None:
        _run(hooks.function.pre_invocation, "pre_invocation", context, func_args)


def _post(
    hooks: InvocationHooks,
    context: InvocationContext,
    func_args: dict[str, object],
    result: object,
) -> None:
    if hooks.function is not None:
        _run(hooks.function.post_invocation, "post_invocation", context, func_args, result)
    if hooks.app is not None:
        _run(
            hooks.app.post_invocation_app_level,
            "post_invocation_app_level",
            context,
            func_args,
            result,
        )


def invoke_with_hooks(
    function: Callable[..., R],
    func_args: dict[str, object],
    context: InvocationContext,
    *,
    hooks: InvocationHooks | None = None,
) -> R:
    """Call ``function(**func_args)`` between the extensions' invocation hooks.

    Args:
        function: the user's function (a sync one; see
            :func:`invoke_with_hooks_async` for coroutines).
        func_args: its arguments by parameter name; hooks see this dict.
        context: the invocation's context, handed to every hook.
        hooks: the hooks to run; by default those registered for
            ``context.function_name``.

    Returns:
        What the function returned.

    Raises:
        Exception: whatever the function raises (then no post hook runs).
    """
    chosen = InvocationHooks.lookup(context.function_name) if hooks is None else hooks
    _pre(chosen, context, func_args)
    result = function(**func_args)
    _post(chosen, context, func_args, result)
    return result


async def invoke_with_hooks_async(
    function: Callable[..., Awaitable[R]],
    func_args: dict[str, object],
    context: InvocationContext,
    *,
    hooks: InvocationHooks | None = None,
) -> R:
    """Await ``function(**func_args)`` between the extensions' invocation hooks.

    The hooks themselves are synchronous and run on the event loop, as in
    the worker.

    Args:
        function: the user's ``async def`` function.
        func_args: its arguments by parameter name; hooks see this dict.
        context: the invocation's context, handed to every hook.
        hooks: the hooks to run; by default those registered for
            ``context.function_name``.

    Returns:
        What the function's coroutine returned.

    Raises:
        Exception: whatever the function raises (then no post hook runs).
    """
    chosen = InvocationHooks.lookup(context.function_name) if hooks is None else hooks
    _pre(chosen, context, func_args)
    result = await function(**func_args)
    _post(chosen, context, func_args, result)
    return result


def run_function_load_hooks(
    function_name: str,
    function_directory: str,
    *,
    hooks: InvocationHooks | None = None,
) -> None:
    """Run the ``post_function_load`` hooks, then the application ones.

    Exceptions from hooks are logged and swallowed, as in the worker.

    Args:
        function_name: the loaded function's name; it also selects the
            function hooks unless *hooks* is given.
        function_directory: the directory of the function's script.
        hooks: the hooks to run; by default those registered now.
    """
    chosen = InvocationHooks.lookup(function_name) if hooks is None else hooks
    groups: list[tuple[str, list[ExtensionHookMeta]]] = []
    if chosen.function is not None:
        groups.append(("post_function_load", chosen.function.post_function_load))
    if chosen.app is not None:
        groups.append(("post_function_load_app_level", chosen.app.post_function_load_app_level))
    for hook_name, metas in groups:
        for meta in metas:
            logger = _logger_for(meta.ext_name)
            try:
                meta.ext_impl(function_name, function_directory)
            except Exception:
                logger.exception("%s.%s raised; continuing", meta.ext_name, hook_name)
