"""``azure.functions.decorators.blob`` for azfn: the Blob Storage bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.bindings.blob import BlobInput
from azfn.bindings.blob import BlobOutput
from azfn.bindings.blob import BlobTrigger
from azfn.decorators.constants import BLOB
from azfn.decorators.constants import BLOB_TRIGGER
from azfn.enums import BlobSource
from azfn.enums import DataType

__all__ = [
    "BLOB",
    "BLOB_TRIGGER",
    "BlobInput",
    "BlobOutput",
    "BlobSource",
    "BlobTrigger",
    "DataType",
    "InputBinding",
    "OutputBinding",
    "Trigger",
]
