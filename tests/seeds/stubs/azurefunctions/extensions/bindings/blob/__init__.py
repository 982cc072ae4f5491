"""Stand-in for ``azurefunctions-extensions-bindings-blob``, NOT the real package.

Just enough for the seed samples (tests/seeds/samples) to import: the SDK-type
classes they annotate parameters with. Calling them is not supported.
"""

from __future__ import annotations

import typing

__all__ = ["BlobClient", "ContainerClient", "StorageStreamDownloader"]


class _StandIn:
    """An SDK client that cannot reach Azure: every call says so."""

    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        self.args = args
        self.kwargs = kwargs

    def __getattr__(self, name: str) -> typing.NoReturn:
        raise NotImplementedError(
            f"{type(self).__name__}.{name}: this is the seed tests' stand-in, not the Azure SDK"
        )


class BlobClient(_StandIn):
    """Stand-in for ``azure.storage.blob.BlobClient``."""


class ContainerClient(_StandIn):
    """Stand-in for ``azure.storage.blob.ContainerClient``."""


class StorageStreamDownloader(_StandIn):
    """Stand-in for ``azure.storage.blob.StorageStreamDownloader``."""
