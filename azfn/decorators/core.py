"""``azure.functions.decorators.core`` for azfn: the binding bases, enums and settings."""

from __future__ import annotations

from azfn._function import SCRIPT_FILE_NAME
from azfn._naming import to_camel_case
from azfn.bindings._base import Binding
from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import AccessRights
from azfn.enums import AuthLevel
from azfn.enums import BindingDirection
from azfn.enums import BlobSource
from azfn.enums import Cardinality
from azfn.enums import DataType
from azfn.enums import McpPropertyType
from azfn.enums import StringifyEnum
from azfn.settings import Setting

__all__ = [
    "SCRIPT_FILE_NAME",
    "AccessRights",
    "AuthLevel",
    "Binding",
    "BindingDirection",
    "BlobSource",
    "Cardinality",
    "DataType",
    "InputBinding",
    "McpPropertyType",
    "OutputBinding",
    "Setting",
    "StringifyEnum",
    "Trigger",
    "to_camel_case",
]
