"""``azure.functions.decorators`` for azfn: the decorator API's import paths.

Code written for ``azure.functions`` imports from ``azure.functions.decorators``
and its modules (``.core``, ``.http``, ``.kafka`` ...); the same paths under
``azfn.decorators`` re-export azfn's classes. New code imports from ``azfn``.
"""

from __future__ import annotations

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._function import Function
from azfn.bindings.http import HttpMethod
from azfn.bindings.mcp import PromptArgument
from azfn.enums import AccessRights
from azfn.enums import AuthLevel
from azfn.enums import BlobSource
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import McpPropertyType

__all__ = [
    "AccessRights",
    "AuthLevel",
    "BindingApi",
    "BlobSource",
    "Blueprint",
    "Cardinality",
    "DataType",
    "DecoratorApi",
    "Function",
    "FunctionApp",
    "FunctionRegister",
    "HttpMethod",
    "McpPropertyType",
    "PromptArgument",
    "SettingsApi",
    "TriggerApi",
]
