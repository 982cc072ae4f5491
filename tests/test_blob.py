# pyright: strict
"""Blob ``InputStream`` and the ``blob``/``blobTrigger`` converter."""

from __future__ import annotations

import io
import json
import typing

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.blob import BlobConverter
from azfn.blob import InputStream
from azfn.meta import Datum
from azfn.meta import get_binding_registry

if typing.TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=25, deadline=None, database=None)


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _trigger_metadata(
    name: str = "samples/a.txt", properties: object = None, metadata: object = None
) -> dict[str, Datum]:
    meta = {
        "BlobTrigger": Datum(name, "string"),
        "Uri": Datum(f"https://acct.blob.core.windows.net/{name}", "string"),
        "Properties": Datum(json.dumps(properties or {"ContentLength": 5}), "json"),
    }
    if metadata is not None:
        meta["Metadata"] = Datum(json.dumps(metadata), "json")
    return meta


def _stream(datum: Datum, meta: dict[str, Datum] | None = None) -> InputStream:
    stream = BlobConverter.decode(datum, trigger_metadata=meta)
    assert isinstance(stream, InputStream)
    return stream


def test_input_stream_is_constructible_and_reads() -> None:
    """func.InputStream(data=...) works (the reference's top-level one reads None)."""
    stream = InputStream(data=b"line 1\nline 2\n")
    assert isinstance(stream, io.BufferedIOBase)
    assert stream.readline() == b"line 1\n"
    assert stream.read() == b"line 2\n"
    assert stream.read() == b""


def test_input_stream_read_variants() -> None:
    """read(n), read1, readlines, readinto and iteration behave like a BytesIO."""
    stream = InputStream(data=b"abcdef")
    assert stream.read(2) == b"ab"
    assert stream.read1(size=2) == b"cd"  # keyword accepted, as in the reference
    buffer = bytearray(1)
    assert stream.readinto(buffer) == 1
    assert buffer == b"e"
    assert stream.readlines() == [b"f"]
    assert list(InputStream(data=b"a\nb")) == [b"a\n", b"b"]


def test_input_stream_flags_and_defaults() -> None:
    """Readable, not seekable or writable; name, uri, length and properties default to None."""
    stream = InputStream(data=b"x")
    assert (stream.readable(), stream.seekable(), stream.writable()) == (True, False, False)
    assert (stream.name, stream.uri, stream.length) == (None, None, None)
    assert (stream.blob_properties, stream.metadata) == (None, None)


def test_input_stream_takes_every_field() -> None:
    """Every field the trigger provides can be given to the constructor."""
    stream = InputStream(
        data="héllo",
        name="c/b.txt",
        uri="https://x/c/b.txt",
        length=6,
        blob_properties={"ContentType": "text/plain"},
        metadata={"k": "v"},
    )
    assert stream.read() == "héllo".encode()
    assert (stream.name, stream.uri, stream.length) == ("c/b.txt", "https://x/c/b.txt", 6)
    assert stream.blob_properties == {"ContentType": "text/plain"}
    assert stream.metadata == {"k": "v"}
    assert repr(stream) == "<InputStream name='c/b.txt' length=6 uri='https://x/c/b.txt'>"


def test_closed_stream_refuses_reads() -> None:
    """After close() reading raises ValueError (the reference silently reads b'')."""
    stream = InputStream(data=b"x")
    stream.close()
    assert stream.closed
    with pytest.raises(ValueError, match="closed"):
        stream.read()


def test_decode_trigger_reads_the_metadata() -> None:
    """BlobTrigger, Uri, Properties.ContentLength and Metadata fill the stream's fields."""
    meta = _trigger_metadata(properties={"ContentLength": 5, "ETag": "e"}, metadata={"k": "v"})
    stream = _stream(Datum(b"hello", "bytes"), meta)
    assert stream.read() == b"hello"
    assert stream.name == "samples/a.txt"
    assert stream.uri == "https://acct.blob.core.windows.net/samples/a.txt"
    assert stream.length == 5
    assert stream.blob_properties == {"ContentLength": 5, "ETag": "e"}
    assert stream.metadata == {"k": "v"}


def test_decode_length_falls_back_to_length_property() -> None:
    """Extension v4 sends Properties.Length instead of ContentLength."""
    stream = _stream(Datum("abc", "string"), _trigger_metadata(properties={"Length": "3"}))
    assert stream.length == 3


def test_decode_ignores_malformed_metadata() -> None:
    """A Metadata field that is not an object is ignored, not an error."""
    meta = _trigger_metadata()
    meta["Metadata"] = Datum("[1, 2]", "json")
    assert _stream(Datum(b"", "bytes"), meta).metadata is None


def test_decode_input_without_metadata() -> None:
    """A blob input gets no metadata: only the content is set."""
    stream = _stream(Datum("text", "string"))
    assert stream.read() == b"text"
    assert (stream.name, stream.uri, stream.length) == (None, None, None)


def test_decode_missing_blob_is_none() -> None:
    """A missing blob arrives as null data and decodes to None."""
    assert BlobConverter.decode(Datum(None, None), trigger_metadata=None) is None


def test_decode_rejects_other_data_types() -> None:
    """JSON or int data is not blob content."""
    with pytest.raises(ValueError, match="'blob' binding: 'json'"):
        BlobConverter.decode(Datum("{}", "json"), trigger_metadata=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", Datum("text", "string")),
        (b"raw", Datum(b"raw", "bytes")),
        (bytearray(b"raw"), Datum(b"raw", "bytes")),
        (memoryview(b"raw"), Datum(b"raw", "bytes")),
        (io.BytesIO(b"file"), Datum(b"file", "bytes")),
        (io.StringIO("file"), Datum("file", "string")),
        (InputStream(data=b"blob"), Datum(b"blob", "bytes")),
    ],
)
def test_encode_outputs(value: object, expected: Datum) -> None:
    """Text, bytes-likes and readable objects are encoded for the host."""
    assert BlobConverter.encode(value, expected_type=None) == expected


def test_encode_unsupported_returns_none() -> None:
    """Values the host cannot take encode to None."""
    assert BlobConverter.encode(12, expected_type=None) is None


def test_annotation_checks() -> None:
    """Inputs: InputStream, str, bytes; outputs: also bytearray and anything readable."""
    assert all(BlobConverter.check_input_type_annotation(t) for t in (InputStream, str, bytes))
    assert not BlobConverter.check_input_type_annotation(int)
    assert not BlobConverter.check_input_type_annotation(typing.cast("type", list[bytes]))
    for output in (str, bytes, bytearray, InputStream, io.BytesIO):
        assert BlobConverter.check_output_type_annotation(output)
    assert not BlobConverter.check_output_type_annotation(int)


def test_registered_for_both_binding_types() -> None:
    """One converter serves blob and blobTrigger, as in the reference."""
    registry = get_binding_registry()
    assert registry.get("blob") is BlobConverter
    assert registry.get("blobTrigger") is BlobConverter
    assert BlobConverter.has_trigger_support()


def test_docs_style_blob_trigger_function() -> None:
    """The docs' blob trigger logs name and length; a built InputStream is enough to test it."""

    def main(myblob: InputStream) -> str:
        return f"Name: {myblob.name} Blob Size: {myblob.length} bytes {myblob.read()!r}"

    blob = InputStream(data=b"hi", name="samples-workitems/a.txt", length=2)
    assert main(blob) == "Name: samples-workitems/a.txt Blob Size: 2 bytes b'hi'"


@FAST
@given(st.binary(max_size=64) | st.text(max_size=32))
def test_encode_decode_round_trip(content: bytes | str) -> None:
    """Whatever an output writes, an input of that blob reads back."""
    datum = BlobConverter.encode(content, expected_type=None)
    assert datum is not None
    expected = content.encode() if isinstance(content, str) else content
    assert _stream(datum).read() == expected


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """Decoding the same trigger data gives the reference's fields and content."""
    meta = _trigger_metadata(properties={"Length": 3, "ETag": "e"}, metadata={"k": "v"})
    ref_meta = {k: ref.meta.Datum(v.value, v.type) for k, v in meta.items()}
    theirs = ref.blob.BlobConverter.decode(
        ref.meta.Datum(b"abc", "bytes"), trigger_metadata=ref_meta
    )
    ours = _stream(Datum(b"abc", "bytes"), meta)
    for name in ("name", "uri", "length", "blob_properties", "metadata"):
        assert getattr(ours, name) == getattr(theirs, name), name
    assert ours.read() == theirs.read()
