# pyright: strict
"""Context, TraceContext, RetryContext, RpcException, and the trigger-metadata readers."""

from __future__ import annotations

import json
import os
import re
import threading
import types
import typing
import uuid

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn import _metadata as md
from azfn import strategies as azst
from azfn.context import Context
from azfn.context import RetryContext
from azfn.context import RpcException
from azfn.context import TraceContext
from azfn.meta import Datum

FAST = settings(max_examples=25, deadline=None, database=None)
TRACEPARENT = re.compile(r"00-[0-9a-f]{32}-[0-9a-f]{16}-01\Z")


def test_context_defaults() -> None:
    """Context() has a uuid4 id, the cwd, a fresh trace and a first attempt."""
    ctx = Context()
    assert uuid.UUID(ctx.invocation_id).version == 4
    assert str(uuid.UUID(ctx.invocation_id)) == ctx.invocation_id
    assert ctx.function_name == ""
    assert ctx.function_directory == os.getcwd()
    assert TRACEPARENT.match(ctx.trace_context.trace_parent)
    assert ctx.retry_context == RetryContext(0, 0, RpcException())


def test_context_invocation_ids_are_unique() -> None:
    """Every Context gets its own invocation id."""
    assert len({Context().invocation_id for _ in range(50)}) == 50


def test_thread_local_storage_carries_the_invocation_id() -> None:
    """thread_local_storage is a threading.local with invocation_id, like the worker's."""
    ctx = Context(invocation_id="abc")
    assert isinstance(ctx.thread_local_storage, threading.local)
    assert ctx.thread_local_storage.invocation_id == "abc"


def test_context_takes_every_field() -> None:
    """Each field can be given to the constructor."""
    trace = TraceContext("00-" + "1" * 32 + "-" + "2" * 16 + "-01", "k=v", {"a": "b"})
    retry = RetryContext(retry_count=2, max_retry_count=5)
    tls = threading.local()
    ctx = Context(
        invocation_id="id",
        function_name="hello",
        function_directory="/app",
        trace_context=trace,
        retry_context=retry,
        thread_local_storage=tls,
    )
    assert (ctx.invocation_id, ctx.function_name, ctx.function_directory) == ("id", "hello", "/app")
    assert ctx.trace_context is trace
    assert ctx.retry_context is retry
    assert ctx.thread_local_storage is tls


def test_context_class_is_named_context() -> None:
    """The worker accepts a `context` annotation whose class __name__ is Context."""
    assert Context.__name__ == "Context"


@pytest.mark.parametrize(
    "name",
    ["invocation_id", "function_name", "function_directory", "trace_context", "retry_context"],
)
def test_context_properties_are_read_only(name: str) -> None:
    """Properties are read-only, as on the reference's ABC."""
    with pytest.raises(AttributeError):
        setattr(Context(), name, "x")


def test_context_repr() -> None:
    """The repr names the function and the invocation."""
    assert repr(Context(invocation_id="i", function_name="f")) == (
        "<Context function_name='f' invocation_id='i'>"
    )


def test_trace_context_fields_and_equality() -> None:
    """TraceContext keeps its fields, copies attributes, and compares by value."""
    attributes = {"OperationName": "hello"}
    trace = TraceContext(trace_parent="tp", trace_state="ts", attributes=attributes)
    attributes["x"] = "y"
    assert (trace.trace_parent, trace.trace_state, trace.attributes) == (
        "tp",
        "ts",
        {"OperationName": "hello"},
    )
    assert trace == TraceContext("tp", "ts", {"OperationName": "hello"})
    assert trace != TraceContext("tp", "other")
    assert hash(trace) == hash(TraceContext("tp", "ts"))
    assert "trace_parent='tp'" in repr(trace)


def test_trace_context_default_is_a_valid_traceparent() -> None:
    """Without trace_parent, a W3C traceparent is generated; state and attributes are empty."""
    trace = TraceContext()
    assert TRACEPARENT.match(trace.trace_parent)
    assert (trace.trace_state, trace.attributes) == ("", {})


def test_retry_context_and_rpc_exception() -> None:
    """RetryContext and RpcException take positional or keyword arguments and compare by value."""
    error = RpcException(source="worker", stack_trace="tb", message="ValueError: bad")
    retry = RetryContext(retry_count=1, max_retry_count=3, exception=error)
    assert (retry.retry_count, retry.max_retry_count) == (1, 3)
    assert retry.exception.message == "ValueError: bad"
    assert (error.source, error.stack_trace) == ("worker", "tb")
    assert retry == RetryContext(1, 3, RpcException("worker", "tb", "ValueError: bad"))
    assert hash(retry) == hash(RetryContext(1, 3, RpcException("worker", "tb", "ValueError: bad")))
    assert retry != RetryContext(1, 3)
    assert RpcException() == RpcException("", "", "")
    assert "ValueError: bad" in repr(retry)


def test_docs_style_function_using_context() -> None:
    """A function reading its context can be called directly with a built Context."""

    def main(name: str, context: Context) -> str:
        return f"{context.function_name}:{context.retry_context.retry_count}:{name}"

    assert main("x", Context(function_name="hello")) == "hello:0:x"


def test_invocation_ids_are_uuid4() -> None:
    """Generated invocation ids always parse as RFC 4122 version-4 UUIDs."""
    for _ in range(200):
        value = uuid.UUID(Context().invocation_id)
        assert (value.version, value.variant) == (4, uuid.RFC_4122)


# The trigger metadata readers the converters share.


def test_datum_value_reads_every_host_shape() -> None:
    """JSON is parsed; collections come as lists or protobuf-like holders."""
    assert md.datum_value(Datum('{"a": 1}', "json")) == {"a": 1}
    assert md.datum_value(Datum(["a"], "collection_string")) == ["a"]
    holder = types.SimpleNamespace(sint64=[1, 2])
    assert md.datum_value(Datum(holder, "collection_sint64")) == [1, 2]
    assert md.datum_value(Datum(None, "string")) is None
    assert md.datum_value(Datum("x", None)) is None
    assert md.datum_value(5) == 5


def test_metadata_coercions_follow_the_reference() -> None:
    """Numbers read as strings are formatted, numeric strings read as ints are parsed."""
    meta = {"n": Datum(5, "int"), "s": Datum("7", "string"), "o": Datum('{"a": 1}', "string")}
    assert md.metadata_str(meta, "n") == "5"
    assert md.metadata_int(meta, "s") == 7
    assert md.metadata_dict(meta, "o") == {"a": 1}
    assert md.metadata_str(meta, "missing") is None
    assert md.metadata_str(None, "n") is None


def test_metadata_coercion_errors_name_the_field() -> None:
    """A value that cannot be converted raises ValueError naming the field."""
    meta = {"n": Datum("many", "string"), "j": Datum("{", "json")}
    with pytest.raises(ValueError, match="'n' in trigger metadata into int"):
        md.metadata_int(meta, "n")
    with pytest.raises(ValueError, match="'j' in trigger metadata is not valid JSON"):
        md.metadata_str(meta, "j")
    with pytest.raises(ValueError, match="into dict"):
        md.metadata_dict({"d": Datum("[1]", "json")}, "d")
    with pytest.raises(ValueError, match="into int"):
        md.to_int(True, "flag")


def test_annotation_helpers() -> None:
    """Class checks reject generic aliases; iterable checks look at the element type."""
    assert md.is_class_annotation(str, (str,))
    assert not md.is_class_annotation(list[int], (list,))
    assert not md.is_class_annotation(typing.Optional[str], (str,))  # noqa: UP045  # the old form
    assert md.is_iterable_annotation(list[str], (str,))
    assert md.is_iterable_annotation(list[str], (str,))  # the old form
    assert not md.is_iterable_annotation(list[int], (str,))
    assert not md.is_iterable_annotation(dict[str, str], (str,))
    assert not md.is_iterable_annotation(str, (str,))


def test_body_bytes_rejects_other_types_with_a_clear_message() -> None:
    """Bodies accept str, bytes-likes and None; the error names the type."""
    assert md.body_bytes("é", "X") == "é".encode()
    assert md.body_bytes(memoryview(b"ab"), "X") == b"ab"
    assert md.body_bytes(None, "X") == b""
    with pytest.raises(
        TypeError, match="the body of a X must be str, bytes or bytearray, got dict"
    ):
        md.body_bytes({}, "X")


JSON = azst.json_values()  # what the host's json datums carry


@FAST
@given(JSON)
def test_json_metadata_round_trip(value: object) -> None:
    """Any JSON value the host sends as a json datum reads back as the same Python value."""
    assert md.datum_value(Datum(json.dumps(value), "json")) == value


@FAST
@given(st.integers())
def test_integer_coercions_round_trip(number: int) -> None:
    """An int read as a string and back as an int is unchanged, whichever way it was sent."""
    meta = {"n": Datum(number, "int"), "s": Datum(str(number), "string")}
    assert md.metadata_int(meta, "s") == md.metadata_int(meta, "n") == number
    assert md.metadata_str(meta, "n") == str(number)
