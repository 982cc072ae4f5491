"""azfn: write, type-check, test and run Azure Functions apps in Python.

``import azfn as func`` is a drop-in replacement for ``import azure.functions
as func``: the same names, decorators and function metadata, with types that
survive decoration and validation that reports every problem at once.
"""

from __future__ import annotations

from azfn._app.bindings import BindingApi
from azfn._app.decorators import DecoratorApi
from azfn._app.register import Blueprint
from azfn._app.register import FunctionApp
from azfn._app.register import FunctionRegister
from azfn._app.settings import SettingsApi
from azfn._app.triggers import TriggerApi
from azfn._builder import FunctionBuilder
from azfn._function import Function
from azfn.bindings.http import HttpMethod
from azfn.enums import AccessRights
from azfn.enums import AuthLevel
from azfn.enums import BlobSource
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import McpPropertyType
from azfn.errors import AzfnError
from azfn.errors import FunctionLoadError
from azfn.errors import Problem
from azfn.errors import RegistrationError

__version__ = "0.1.0"

__all__ = [
    "AccessRights",
    "AuthLevel",
    "AzfnError",
    "BindingApi",
    "BlobSource",
    "Blueprint",
    "Cardinality",
    "DataType",
    "DecoratorApi",
    "Function",
    "FunctionApp",
    "FunctionBuilder",
    "FunctionLoadError",
    "FunctionRegister",
    "HttpMethod",
    "McpPropertyType",
    "Problem",
    "RegistrationError",
    "SettingsApi",
    "TriggerApi",
]
