# pyright: strict
"""Blob storage: :class:`InputStream` and the ``blob``/``blobTrigger`` converter.

:class:`InputStream` is a read-only binary stream over the blob's content. It
is concrete and is the same class as ``azfn.InputStream`` (the reference's
top-level ``InputStream`` is abstract, and an instance of it reads ``None``)::

    blob = func.InputStream(data=b"hello", name="samples/hello.txt")

Trigger metadata the converter reads (only a trigger gets metadata: a blob
*input* has ``name``, ``uri`` and ``length`` of ``None``, as on the host):

``BlobTrigger``
    the blob's path, ``container/name`` -> :attr:`InputStream.name`
``Uri``
    the blob's URL -> :attr:`InputStream.uri`
``Properties``
    JSON object of blob properties -> :attr:`InputStream.blob_properties`;
    ``ContentLength`` (extension v5), else ``Length`` (v4) ->
    :attr:`InputStream.length`
``Metadata``
    JSON object of user metadata -> :attr:`InputStream.metadata` (ignored
    if it is not an object)

Outputs accept ``str``, bytes-like values and anything with a ``read()``
method (an :class:`InputStream`, an open file, ...).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from azfn import _metadata as _md
from azfn.meta import Datum
from azfn.meta import InConverter
from azfn.meta import OutConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

    from typing_extensions import Buffer

__all__ = ["BlobConverter", "InputStream"]


class InputStream(io.BufferedIOBase):
    """A blob's content as a read-only, non-seekable binary stream.

    Args:
        data: the content; a ``str`` is encoded as UTF-8.
        name: the blob's path, ``container/blob``.
        uri: the blob's URL.
        length: the content length the host reported.
        blob_properties: the blob's system properties.
        metadata: the blob's user metadata.
    """

    def __init__(
        self,
        *,
        data: bytes | bytearray | memoryview | str = b"",
        name: str | None = None,
        uri: str | None = None,
        length: int | None = None,
        blob_properties: Mapping[str, object] | None = None,
        metadata: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__()
        if isinstance(data, str):
            data = data.encode("utf-8")
        self._io = io.BytesIO(data)
        self._name = name
        self._uri = uri
        self._length = length
        self._blob_properties = dict(blob_properties) if blob_properties is not None else None
        self._metadata = dict(metadata) if metadata is not None else None

    @property
    def name(self) -> str | None:
        """The blob's path including the container (``samples/a.txt``)."""
        return self._name

    @property
    def uri(self) -> str | None:
        """The blob's URL."""
        return self._uri

    @property
    def length(self) -> int | None:
        """The content length in bytes, as the host reported it."""
        return self._length

    @property
    def blob_properties(self) -> dict[str, object] | None:
        """The blob's system properties (``ContentType``, ``ETag``, ...)."""
        return self._blob_properties

    @property
    def metadata(self) -> dict[str, object] | None:
        """The blob's user-defined metadata."""
        return self._metadata

    def read(self, size: int | None = -1) -> bytes:
        """Read up to *size* bytes (all that is left if negative or ``None``)."""
        return self._io.read(size)

    def read1(self, size: int = -1) -> bytes:
        """Read up to *size* bytes (the same as :meth:`read`)."""
        return self._io.read1(size)

    def readinto(self, buffer: Buffer, /) -> int:
        """Read into *buffer*; return the number of bytes read."""
        return self._io.readinto(buffer)

    def readline(self, size: int | None = -1, /) -> bytes:
        """Read one line, up to *size* bytes."""
        return self._io.readline(size)

    def readlines(self, hint: int = -1, /) -> list[bytes]:
        """Read the remaining lines."""
        return self._io.readlines(hint)

    def readable(self) -> bool:
        """Return ``True``."""
        return True

    def seekable(self) -> bool:
        """Return ``False``: a blob stream is read front to back."""
        return False

    def writable(self) -> bool:
        """Return ``False``."""
        return False

    def close(self) -> None:
        """Close the stream; reading afterwards raises ``ValueError``."""
        self._io.close()
        super().close()

    def __repr__(self) -> str:
        return f"<InputStream name={self._name!r} length={self._length!r} uri={self._uri!r}>"


class BlobConverter(InConverter, OutConverter, binding=("blob", "blobTrigger"), trigger=True):
    """Blob content in (:class:`InputStream`, ``str``, ``bytes``) and out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`InputStream`, ``str`` and ``bytes``."""
        return _md.is_class_annotation(pytype, (InputStream, str, bytes))

    @classmethod
    def check_output_type_annotation(cls, pytype: type) -> bool:
        """Accept ``str``, bytes-like types and classes with a ``read()`` method."""
        annotation: object = pytype
        return _md.is_class_annotation(
            annotation, (str, bytes, bytearray, InputStream)
        ) or callable(getattr(annotation, "read", None))

    @classmethod
    def encode(cls, obj: object, *, expected_type: type | None) -> Datum | None:
        """Encode text as ``string``; bytes and readable objects as ``bytes``."""
        read = getattr(obj, "read", None)
        if callable(read):
            obj = read()
        if isinstance(obj, str):
            return Datum(obj, "string")
        if isinstance(obj, (bytes, bytearray)):
            return Datum(bytes(obj), "bytes")
        if isinstance(obj, memoryview):
            return Datum(obj.tobytes(), "bytes")
        return None

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
        """Return an :class:`InputStream`, or ``None`` for a missing blob.

        Raises:
            ValueError: the data is neither ``string`` nor ``bytes``.
        """
        if data.type is None or data.value is None:
            return None  # a blob input whose blob does not exist
        if data.type == "string":
            content = str(data.value).encode("utf-8")
        elif data.type == "bytes" and isinstance(data.value, (bytes, bytearray)):
            content = bytes(data.value)
        else:
            raise ValueError(
                f"unexpected type of data received for the 'blob' binding: {data.type!r}"
            )
        if not trigger_metadata:
            return InputStream(data=content)
        properties = _md.metadata_dict(trigger_metadata, "Properties")
        length = None
        if properties:
            size = properties.get("ContentLength") or properties.get("Length")
            length = int(size) if isinstance(size, (int, str)) and size else None
        try:
            metadata = _md.metadata_dict(trigger_metadata, "Metadata")
        except ValueError:
            metadata = None  # the host's Metadata shape varies; never fail on it
        return InputStream(
            data=content,
            name=_md.metadata_str(trigger_metadata, "BlobTrigger"),
            uri=_md.metadata_str(trigger_metadata, "Uri"),
            length=length,
            blob_properties=properties or None,
            metadata=metadata,
        )
