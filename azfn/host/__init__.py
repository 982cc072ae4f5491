# pyright: strict
"""The in-process host: load -> route -> bind -> invoke -> convert.

Nothing here is imported by ``import azfn``. The pipeline is
transport-independent: ``azfn.testing`` and the local dev server both use it.
Names are imported lazily, on first access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from azfn.host._expressions import resolve
    from azfn.host._inputs import trigger_inputs
    from azfn.host._invoker import InvocationRequest
    from azfn.host._invoker import InvocationResult
    from azfn.host._invoker import function_info
    from azfn.host._invoker import function_info_from_json
    from azfn.host._invoker import invoke
    from azfn.host._invoker import invoke_sync
    from azfn.host._model import BindingInfo
    from azfn.host._model import FunctionInfo
    from azfn.host._model import ParameterInfo
    from azfn.host._model import Project
    from azfn.host._model import RetryPolicySpec
    from azfn.host._model import UnknownFunctionError
    from azfn.host._project import load_project

__all__ = [
    "BindingInfo",
    "FunctionInfo",
    "InvocationRequest",
    "InvocationResult",
    "ParameterInfo",
    "Project",
    "RetryPolicySpec",
    "UnknownFunctionError",
    "function_info",
    "function_info_from_json",
    "invoke",
    "invoke_sync",
    "load_project",
    "resolve",
    "trigger_inputs",
]

_MODULES = {
    "BindingInfo": "_model",
    "FunctionInfo": "_model",
    "ParameterInfo": "_model",
    "Project": "_model",
    "RetryPolicySpec": "_model",
    "UnknownFunctionError": "_model",
    "InvocationRequest": "_invoker",
    "InvocationResult": "_invoker",
    "function_info": "_invoker",
    "function_info_from_json": "_invoker",
    "invoke": "_invoker",
    "invoke_sync": "_invoker",
    "load_project": "_project",
    "resolve": "_expressions",
    "trigger_inputs": "_inputs",
}


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'azfn.host' has no attribute {name!r}")
    value: object = getattr(importlib.import_module(f"azfn.host.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
