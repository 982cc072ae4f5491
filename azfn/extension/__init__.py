# pyright: strict
"""Worker extensions: hooks that run when functions load and around invocations.

* :class:`AppExtensionBase`: subclass it for hooks that apply to every
  function; defining the subclass registers it.
* :class:`FuncExtensionBase`: subclass it for hooks bound to one function
  (folder-per-function apps); instantiating it registers it.
* :class:`ExtensionMeta`: their metaclass and the registry the worker queries
  (``get_application_hooks()``, ``get_function_hooks(name)``,
  ``get_registered_extensions_json()``), plus ``clear()`` and ``isolated()``
  for tests.
* :func:`invoke_with_hooks` / :func:`invoke_with_hooks_async` /
  :func:`run_function_load_hooks`: run the hooks in the worker's order.

The Python worker runs extension hooks only when the app setting
``PYTHON_ENABLE_WORKER_EXTENSIONS`` is ``1``/``true``.
"""

from __future__ import annotations

from azfn.extension.app_extension_base import AppExtensionBase
from azfn.extension.app_extension_hooks import AppExtensionHooks
from azfn.extension.extension_hook_meta import ExtensionHookMeta
from azfn.extension.extension_meta import ExtensionMeta
from azfn.extension.extension_meta import RegistrySnapshot
from azfn.extension.extension_scope import ExtensionScope
from azfn.extension.func_extension_base import FuncExtensionBase
from azfn.extension.func_extension_hooks import FuncExtensionHooks
from azfn.extension.function_extension_exception import FunctionExtensionException
from azfn.extension.invocation import InvocationHooks
from azfn.extension.invocation import invoke_with_hooks
from azfn.extension.invocation import invoke_with_hooks_async
from azfn.extension.invocation import run_function_load_hooks

__all__ = [
    "AppExtensionBase",
    "AppExtensionHooks",
    "ExtensionHookMeta",
    "ExtensionMeta",
    "ExtensionScope",
    "FuncExtensionBase",
    "FuncExtensionHooks",
    "FunctionExtensionException",
    "InvocationHooks",
    "RegistrySnapshot",
    "invoke_with_hooks",
    "invoke_with_hooks_async",
    "run_function_load_hooks",
]
