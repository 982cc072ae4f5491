"""Tests for the direct path: a trigger's Python value without the wire data in between.

The direct conversions (azfn/host/_deliveries.py ``DIRECT``, azfn/host/_deliver_queue.py
``queue_message``) must give exactly what the wire path gives: the delivery
(host-semantics §A6.2, JSON properties overriding the system keys ignoring
case) read by the trigger's converter. The property test here is what pins them.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import copy
import datetime
import itertools
import json
import pickle
import threading
import time
from typing import TYPE_CHECKING
from unittest import mock

import pytest
from hypothesis import example
from hypothesis import given
from hypothesis import strategies as st

import azfn as func
from azfn.host import _deliver_queue
from azfn.host import function_info
from azfn.host import invoke_sync
from azfn.host._inputs import invocation_request
from azfn.host._inputs import trigger_inputs
from azfn.host._invoker import InvocationRequest
from azfn.meta import Datum
from azfn.queue import QueueMessageInConverter
from azfn.testing import Client

if TYPE_CHECKING:
    from collections.abc import Generator

    from azfn.host import FunctionInfo

NOW = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)


def queue_function(data_type: str | None = None, path: str = "out") -> FunctionInfo:
    """A queue function whose message parameter the converter reads."""
    app = func.FunctionApp()
    extra = {"data_type": data_type} if data_type else {}

    @app.queue_trigger("msg", queue_name="orders", connection="C", **extra)  # type: ignore[arg-type]
    @app.blob_output("out", path=path, connection="C")
    def process(msg: func.QueueMessage, out: func.Out[str]) -> None:
        del msg, out

    (function,) = app.get_functions()
    return function_info(function, "/app")


def _zeros(nbytes: int) -> str:
    return "0" * (nbytes * 2)


@contextlib.contextmanager
def fixed_ids() -> Generator[None]:
    """Generated ids that repeat, so both paths can be compared field by field."""
    with mock.patch.multiple(
        _deliver_queue, uuid4=lambda: "00000000-0000-4000-8000-000000000000", hex_id=_zeros
    ):
        yield


def fields(message: func.QueueMessage) -> dict[str, object]:
    """Every field, times with their offsets (== on aware times ignores the zone)."""
    times = (message.insertion_time, message.expiration_time, message.time_next_visible)
    return {
        "id": message.id,
        "body": message.get_body(),
        "pop_receipt": message.pop_receipt,
        "dequeue_count": message.dequeue_count,
        "times": [t.isoformat() if t is not None else None for t in times],
    }


def wire(function: FunctionInfo, value: object) -> func.QueueMessage:
    """The wire path: the delivery, then the converter on its data and metadata."""
    inputs, metadata, _ = trigger_inputs(function, {"msg": value}, now=NOW, binding_data=False)
    return QueueMessageInConverter.decode(inputs["msg"], trigger_metadata=metadata)


# JSON values a message property may hold, times as the host writes them included.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.datetimes(timezones=st.just(datetime.timezone.utc)).map(datetime.datetime.isoformat),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(), inner, max_size=2),
    max_leaves=4,
)
# The system keys, as the wire path delivers them.
SYSTEM_KEYS = tuple(trigger_inputs(queue_function(), {"msg": "x"}, now=NOW)[1])
# Property names: each system key in any case, or any text.
keys = st.sampled_from(SYSTEM_KEYS).flatmap(
    lambda key: st.sampled_from([key, key.lower(), key.upper(), key.swapcase()])
) | st.text(max_size=8)
objects = st.dictionaries(keys, json_values, max_size=4)


class Text(str):
    """A str subclass: read as text, like str itself."""


plain_values = (
    st.text()
    | objects.map(json.dumps).map(Text)
    | objects.map(json.dumps)
    | st.tuples(st.sampled_from(["", " ", "\n"]), objects.map(json.dumps)).map("".join)
    | objects
    | st.lists(json_values, max_size=3)
    | st.binary()
    | objects.map(lambda o: json.dumps(o).encode())
)


@given(
    value=plain_values,
    data_type=st.sampled_from([None, "string", "binary"]),
)
@example(value='{"id": 7}', data_type=None)
@example(value=Text('{"id": 7}'), data_type=None)
@example(value={"DequeueCount": "x"}, data_type=None)
@example(value={"dequeuecount": "5", "ID": 1.5, "popReceipt": True}, data_type=None)
@example(value={"InsertionTime": "2020-01-02T03:04:05+02:00"}, data_type=None)
@example(value=b'{"Id": "x"}', data_type="binary")
@example(value=b"\xff{", data_type=None)
@example(value='{"\\u0044equeueCount": "x"}', data_type=None)  # an escaped key
@example(value='{"dEqUeUeCoUnT": "2", "nextVisibleTime": "soon"}', data_type="string")
def test_direct_queue_message_is_what_the_wire_path_decodes(
    value: object, data_type: str | None
) -> None:
    """host-semantics §A6.2: the direct message equals the converter's, field by field.

    Where the converter refuses a property the direct path declines (None),
    so the wire path fails the invocation as it always did.
    """
    function = queue_function(data_type)
    call = function.feed.calls({"msg": ""}, NOW)[0]
    with fixed_ids():
        direct = _deliver_queue.queue_message(value, call)
        try:
            expected = wire(function, value)
        except ValueError:
            assert direct is None
            return
        assert direct is not None
        assert fields(direct) == fields(expected)  # a deferred message's fields are made here


def made(message: object) -> bool:
    """Whether a delivered message's metadata is made."""
    assert isinstance(message, _deliver_queue.DeliveredQueueMessage)
    return vars(message)["_pending"] is None


def deferred(value: str = '{"id": 7, "n": 1}') -> func.QueueMessage:
    """A message the direct path delivers with its metadata not yet made."""
    message = invocation_request(queue_function(), {"msg": value}, now=NOW).decoded["msg"]
    assert not made(message)
    assert isinstance(message, func.QueueMessage)
    return message


def test_metadata_is_made_on_first_read_and_kept() -> None:
    """host-semantics §A6.2: a deferred message reads like the eager one, and stays put."""
    message = deferred()
    assert not made(message)  # nothing generated yet
    assert message.get_json() == {"id": 7, "n": 1}
    assert not made(message)  # the body needs no metadata
    pop_receipt = message.pop_receipt
    assert made(message)
    assert (message.id, message.dequeue_count, message.insertion_time) == ("7", 1, NOW)
    assert message.pop_receipt == pop_receipt
    assert message.expiration_time == NOW + datetime.timedelta(days=7)
    assert message.time_next_visible == NOW + datetime.timedelta(minutes=10)
    with pytest.raises(AttributeError, match="nope"):
        message.nope  # type: ignore[attr-defined]  # noqa: B018


def test_messages_that_may_carry_a_refused_property_are_made_at_once() -> None:
    """A property the converter may refuse must fail the run before the function runs."""
    for text in ('{"DequeueCount": 2}', '{"\\u0049d": 1}', '{"a": "nextVisibleTime"}'):
        message = invocation_request(queue_function(), {"msg": text}, now=NOW).decoded["msg"]
        assert made(message), text
    refused = invocation_request(queue_function(), {"msg": '{"insertiontime": "x"}'}, now=NOW)
    assert refused.decoded == {}  # the wire path, whose converter fails the run
    # A binary message is never parsed for properties: nothing can be refused.
    binary = queue_function("binary")
    raw = invocation_request(binary, {"msg": b'{"DequeueCount": "x"}'}, now=NOW)
    assert not made(raw.decoded["msg"])


def test_a_deferred_message_compares_prints_copies_and_pickles_as_made() -> None:
    """Every way of looking at the message sees the same generated fields."""
    message = deferred()
    copied = copy.copy(message)  # makes the metadata
    assert type(copied) is func.QueueMessage
    assert copied == message
    assert copied.pop_receipt == message.pop_receipt
    assert copy.deepcopy(message) == message
    assert pickle.loads(pickle.dumps(message)) == message
    assert "id='7'" in repr(deferred())
    assert deferred() != deferred()  # each delivery generates its own pop receipt


def test_threads_reading_at_once_see_one_set_of_metadata() -> None:
    """The fields are made once, whichever thread reads first."""
    message = deferred('{"n": 1}')
    barrier = threading.Barrier(8)
    receipts = itertools.count()

    def slow_receipt() -> str:
        time.sleep(0.01)  # long enough for every thread to be reading at once
        return f"receipt-{next(receipts)}"

    def read() -> tuple[str | None, str | None]:
        barrier.wait()
        return message.id, message.pop_receipt

    with (
        mock.patch.object(_deliver_queue, "_pop_receipt", slow_receipt),
        concurrent.futures.ThreadPoolExecutor(8) as pool,
    ):
        seen = {future.result() for future in [pool.submit(read) for _ in range(8)]}
    assert len(seen) == 1
    assert next(receipts) == 1  # made once


def test_direct_path_declines_what_only_the_wire_path_takes() -> None:
    """A QueueMessage (its own fields are delivered) and wrong types go the wire path."""
    call = queue_function().feed.calls({"msg": ""}, NOW)[0]
    assert _deliver_queue.queue_message(func.QueueMessage(body=b"x"), call) is None
    assert _deliver_queue.queue_message(3, call) is None


def test_client_requests_use_the_direct_path() -> None:
    """The trigger's message goes in ``decoded``; no wire data is built for it."""
    request = invocation_request(queue_function(), {"msg": '{"id": 7}'}, now=NOW)
    assert request.inputs == {}
    assert request.trigger_metadata == {}
    message = request.decoded["msg"]
    assert isinstance(message, func.QueueMessage)
    assert message.id == "7"
    assert message.dequeue_count == 1
    assert message.insertion_time == NOW


def test_wire_path_when_binding_data_is_used() -> None:
    """host-semantics §A7: a binding expression needs the binding data: the wire path."""
    function = queue_function(path="out/{id}.txt")
    request = invocation_request(function, {"msg": '{"id": 7}'}, now=NOW)
    assert request.decoded == {}
    assert request.inputs["msg"] == Datum('{"id": 7}', "string")
    assert request.binding_data["Id"] == "7"  # the system key keeps its spelling


def test_wire_path_for_a_datum_a_queue_message_or_a_generic_parameter() -> None:
    """Values the direct path does not take, and parameters its converter does not read."""
    function = queue_function()
    datum = invocation_request(function, {"msg": Datum("x", "string")}, now=NOW)
    assert datum.decoded == {}
    assert datum.inputs["msg"] == Datum("x", "string")
    given = invocation_request(function, {"msg": func.QueueMessage(id="m1", body=b"x")}, now=NOW)
    assert given.decoded == {}
    assert given.trigger_metadata["Id"] == Datum("m1", "string")

    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="orders", connection="C")
    def text(msg: str) -> None:  # the generic binding: raw text, no converter
        del msg

    (function_,) = app.get_functions()
    generic = invocation_request(function_info(function_, "/app"), {"msg": "x"}, now=NOW)
    assert generic.decoded == {}
    assert generic.inputs["msg"] == Datum("x", "string")


def test_decoded_values_reach_the_function_as_they_are() -> None:
    """A request's ``decoded`` value is passed through; its converter is not called."""
    seen: list[object] = []
    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="orders", connection="C")
    def process(msg: func.QueueMessage) -> None:
        seen.append(msg)

    (function,) = app.get_functions()
    message = func.QueueMessage(id="m", body=b"x")
    result = invoke_sync(
        InvocationRequest(function_info(function, "/app"), decoded={"msg": message})
    )
    assert result.exception is None
    assert seen == [message]
    assert seen[0] is message


def test_missing_data_is_reported_even_with_decoded_values() -> None:
    """A binding with neither data nor a decoded value is still a clear error."""
    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="orders", connection="C")
    @app.blob_input("doc", path="docs/a.txt", connection="C")
    def process(msg: func.QueueMessage, doc: func.InputStream) -> None:
        del msg, doc

    (function,) = app.get_functions()
    request = InvocationRequest(
        function_info(function, "/app"), decoded={"msg": func.QueueMessage(body=b"x")}
    )
    with pytest.raises(TypeError, match=r"no input data for binding 'doc' \(blob\)"):
        invoke_sync(request)


def test_a_property_the_converter_refuses_fails_the_invocation() -> None:
    """The wire path runs and the converter's error fails the run, as on the worker."""
    app = func.FunctionApp()

    @app.queue_trigger("msg", queue_name="orders", connection="C")
    def process(msg: func.QueueMessage) -> None:
        del msg

    client = Client(app, raise_exceptions=False)
    result = client.invoke("process", msg='{"DequeueCount": "many"}')
    assert isinstance(result.exception, ValueError)
    assert "DequeueCount" in str(result.exception)
