"""Azure Blob Storage: the ``blobTrigger`` trigger and ``blob`` bindings."""

from __future__ import annotations

from azfn.bindings._base import InputBinding
from azfn.bindings._base import OutputBinding
from azfn.bindings._base import Trigger
from azfn.enums import BlobSource
from azfn.enums import DataType

__all__ = ["BlobInput", "BlobOutput", "BlobTrigger"]


class BlobTrigger(Trigger):
    """Run the function when a blob is added to or updated in a container."""

    type = "blobTrigger"
    arg_name: str
    path: str
    """Container and blob name pattern (``samples/{name}``); ``{name}``
    parts become trigger metadata."""
    connection: str
    """App setting (or prefix) holding the Storage connection."""
    # Fix: the reference emits a source string unchanged; it is parsed here
    # (any case) and rendered by value, the host's spelling ("EventGrid").
    source: BlobSource | str | None = None
    """How new blobs are found: Event Grid events or container scans (the
    host's default)."""
    data_type: DataType | str | None = None


class BlobInput(InputBinding):
    """Read one blob when the function runs."""

    type = "blob"
    arg_name: str
    path: str
    """The blob to read (``samples/{queueTrigger}``)."""
    connection: str
    data_type: DataType | str | None = None


class BlobOutput(OutputBinding):
    """Write one blob from the function's output."""

    type = "blob"
    arg_name: str
    path: str
    """The blob to write (``out/{rand-guid}.txt``)."""
    connection: str
    data_type: DataType | str | None = None
