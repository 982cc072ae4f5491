"""``azure.functions.decorators.http`` for azfn: the HTTP trigger and output."""

from __future__ import annotations

from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.http import HttpMethod
from azfn.bindings.http import HttpOutput
from azfn.bindings.http import HttpTrigger
from azfn.decorators.constants import HTTP_OUTPUT
from azfn.decorators.constants import HTTP_TRIGGER
from azfn.enums import AuthLevel
from azfn.enums import DataType
from azfn.enums import StringifyEnum

__all__ = [
    "HTTP_OUTPUT",
    "HTTP_TRIGGER",
    "AuthLevel",
    "DataType",
    "HttpMethod",
    "HttpOutput",
    "HttpTrigger",
    "OutputBinding",
    "StringifyEnum",
    "Trigger",
]
