"""Tests for invoking functions as the worker does (azfn/host/_invoker.py)."""

from __future__ import annotations

import asyncio
import os
import threading
from typing import TYPE_CHECKING

import pytest

import azfn as func
from azfn.extension import AppExtensionBase
from azfn.extension import ExtensionMeta
from azfn.host import InvocationRequest
from azfn.host import InvocationResult
from azfn.host import function_info
from azfn.host import invoke
from azfn.host import invoke_sync
from azfn.host._inputs import MissingInputError
from azfn.host._logs import handler_attached
from azfn.meta import Datum

if TYPE_CHECKING:
    import logging
    from collections.abc import Iterator
    from collections.abc import Mapping

    from azfn.host import FunctionInfo


def _app() -> func.FunctionApp:
    return func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


def _info(app: func.FunctionApp, name: str | None = None) -> FunctionInfo:
    functions = {f.get_function_name(): f for f in app.get_functions()}
    function = functions[name] if name else next(iter(functions.values()))
    return function_info(function, "/app")


def _http(body: bytes = b"", method: str = "GET") -> Datum:
    return Datum(
        {
            "method": method,
            "url": "http://localhost/api/r",
            "headers": {},
            "query": {},
            "params": {},
            "body": body,
        },
        "http",
    )


def _run(
    info: FunctionInfo,
    inputs: Mapping[str, Datum],
    metadata: Mapping[str, Datum] | None = None,
    **kwargs: object,
) -> InvocationResult:
    request = InvocationRequest(info, inputs, metadata or {}, {})
    return invoke_sync(request, **kwargs)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


@pytest.fixture(autouse=True)
def _no_extensions() -> Iterator[None]:
    with ExtensionMeta.isolated():
        yield


# Binding inputs.


def test_trigger_gets_metadata_and_inputs_do_not() -> None:
    """host-semantics §A2.2: trigger metadata goes only to the trigger's converter."""
    app = _app()
    seen: dict[str, object] = {}

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_input(arg_name="doc", path="c/a.txt", connection="C")
    def f(msg: func.QueueMessage, doc: func.InputStream) -> None:
        seen.update(id=msg.id, count=msg.dequeue_count, body=msg.get_body(), name=doc.name)
        seen["doc"] = doc.read()

    metadata = {
        "Id": Datum("m1", "string"),
        "DequeueCount": Datum(2, "int"),
        "BlobTrigger": Datum("c/a.txt", "string"),
    }
    _run(_info(app), {"msg": Datum("hello", "string"), "doc": Datum(b"data", "bytes")}, metadata)
    assert seen == {"id": "m1", "count": 2, "body": b"hello", "name": None, "doc": b"data"}


def test_generic_parameter_gets_raw_data() -> None:
    """host-semantics §A2.1 step 5: `msg: str` on a queue trigger receives the raw text."""
    app = _app()
    seen: list[object] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None:
        seen.append(msg)

    _run(_info(app), {"msg": Datum('{"a": 1}', "json")})
    assert seen == ['{"a": 1}']


def test_generic_parameter_rejects_other_data() -> None:
    """host-semantics §A2.2: the generic converter only takes string/bytes/json data."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None: ...

    with pytest.raises(ValueError, match='unexpected type of data received for the "generic"'):
        _run(_info(app), {"msg": Datum(1, "int")})


def test_missing_input_is_a_caller_error() -> None:
    """host-semantics §A2.2: the host sends every input; a request without one is refused."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_input(arg_name="doc", path="c/a.txt", connection="C")
    def f(msg: str, doc: bytes) -> None: ...

    with pytest.raises(TypeError, match=r"no input data for binding 'doc' \(blob\)"):
        _run(_info(app), {"msg": Datum("x", "string")}, raise_exceptions=False)


@pytest.mark.parametrize("retries", [False, True])
def test_missing_input_is_raised_by_every_driver(retries: bool) -> None:
    """host-semantics §A2.2: also with a retry policy, async, and nothing left captured."""
    app = _app()

    @app.retry(strategy="fixed_delay", max_retry_count="2", delay_interval="00:00:01")
    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_input(arg_name="doc", path="c/a.txt", connection="C")
    async def f(msg: str, doc: bytes) -> None: ...

    request = InvocationRequest(_info(app), {"msg": Datum("x", "string")})
    with pytest.raises(MissingInputError, match=r"it needs 'msg' \(queueTrigger\), 'doc' \(blob\)"):
        asyncio.run(invoke(request, retries=retries, raise_exceptions=False))
    assert not handler_attached()


# Context and Out.


def test_context_is_fresh_per_invocation() -> None:
    """host-semantics §A2.2: context has a fresh invocation id, the name and directory, 0/0 retries."""
    app = _app()
    contexts: list[func.Context] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str, context: func.Context) -> None:
        contexts.append(context)
        assert context.thread_local_storage.invocation_id == context.invocation_id

    info = _info(app)
    first = _run(info, {"msg": Datum("x", "string")})
    _run(info, {"msg": Datum("x", "string")})
    one, two = contexts
    assert one.invocation_id != two.invocation_id
    assert (one.function_name, one.function_directory) == ("f", "/app")
    assert (one.retry_context.retry_count, one.retry_context.max_retry_count) == (0, 0)
    assert first.context is one


def test_out_parameters_are_created_and_captured() -> None:
    """host-semantics §A2.2: a fresh Out per output; values encoded; an Out left None is skipped."""
    app = _app()
    outs: list[object] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.queue_output(arg_name="done", queue_name="d", connection="C")
    @app.blob_output(arg_name="skipped", path="c/x", connection="C")
    def f(msg: str, done: func.Out[str], skipped: func.Out[bytes]) -> None:
        outs.append(done)
        done.set("ok")

    info = _info(app)
    result = _run(info, {"msg": Datum("x", "string")})
    _run(info, {"msg": Datum("x", "string")})
    assert outs[0] is not outs[1]
    assert result.outputs == {"done": "ok"}
    assert result.encoded == {"done": Datum("ok", "string")}
    assert result.return_value is None


def test_out_value_encoded_by_the_converter() -> None:
    """host-semantics §A2.2: a typed Out value is encoded by its binding's converter."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.queue_output(arg_name="done", queue_name="d", connection="C")
    def f(msg: str, done: func.Out[func.QueueMessage]) -> None:
        done.set(func.QueueMessage(body="hi"))

    result = _run(_info(app), {"msg": Datum("x", "string")})
    assert isinstance(result.outputs["done"], func.QueueMessage)
    assert result.encoded["done"].type == "json"


# Return rules.


def test_non_none_return_without_return_binding_fails() -> None:
    """host-semantics §A2.2: a value returned without a $return binding is a RuntimeError."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> int:
        return 1

    with pytest.raises(RuntimeError) as caught:
        _run(_info(app), {"msg": Datum("x", "string")})
    assert str(caught.value) == "function 'f' without a $return binding returned a non-None value"


def test_http_return_is_encoded() -> None:
    """host-semantics §A2.3: an HttpResponse return is encoded by the http converter."""
    app = _app()

    @app.route(route="r")
    def f(req: func.HttpRequest) -> func.HttpResponse:
        return func.HttpResponse("made", status_code=201)

    result = _run(_info(app), {"req": _http()})
    assert isinstance(result.return_value, func.HttpResponse)
    assert result.outputs["$return"] is result.return_value
    value = result.encoded["$return"].value
    assert isinstance(value, dict)
    assert value["status_code"] == "201"


@pytest.mark.parametrize(("returned", "type_name"), [(b"x", "bytes"), (None, "NoneType")])
def test_http_return_that_cannot_be_encoded(returned: object, type_name: str) -> None:
    """host-semantics §A2.2/§A2.3: an unencodable return fails with the worker's TypeError."""
    app = _app()

    @app.route(route="r")
    def f(req: func.HttpRequest) -> object:
        return returned

    result = _run(_info(app), {"req": _http()}, raise_exceptions=False)
    assert isinstance(result.exception, TypeError)
    assert str(result.exception) == (
        f'unable to encode outgoing TypedData: unsupported type "http" for Python type "{type_name}"'
    )


def test_implicit_output_return() -> None:
    """host-semantics §A2.1 step 2: a generic binding takes the return value implicitly."""
    app = _app()

    @app.generic_trigger(arg_name="evt", type="customTrigger")
    def f(evt: str) -> dict[str, int]:
        return {"a": 1}

    result = _run(_info(app), {"evt": Datum("x", "string")})
    assert result.outputs["$return"] == {"a": 1}
    assert result.encoded["$return"] == Datum('{"a": 1}', "json")


# Exceptions and async.


def test_exception_raised_or_reported() -> None:
    """host-semantics §A2.2: the function's exception fails the invocation."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None:
        raise KeyError("boom")

    info = _info(app)
    with pytest.raises(KeyError, match="boom"):
        _run(info, {"msg": Datum("x", "string")})
    result = _run(info, {"msg": Datum("x", "string")}, raise_exceptions=False)
    assert isinstance(result.exception, KeyError)
    assert result.attempts == 1


def test_async_function_is_awaited() -> None:
    """host-semantics §A2.2: `async def` functions are awaited on the event loop."""
    app = _app()

    @app.route(route="r")
    async def f(req: func.HttpRequest) -> str:
        await asyncio.sleep(0)
        return "async"

    info = _info(app)
    assert _run(info, {"req": _http()}).return_value == "async"
    result = asyncio.run(invoke(InvocationRequest(info, {"req": _http()})))
    assert result.encoded["$return"] == Datum("async", "string")


def test_sync_function_runs_in_a_worker_thread_under_invoke() -> None:
    """host-semantics §A2.2: sync functions run in a thread pool, off the event loop."""
    app = _app()
    threads: list[str] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None:
        threads.append(threading.current_thread().name)

    info = _info(app)
    asyncio.run(invoke(InvocationRequest(info, {"msg": Datum("x", "string")})))
    assert threads[0].startswith("azfn-host")


def test_invoke_sync_refuses_inside_a_running_loop() -> None:
    """host-semantics §A2.2: async functions need the async API when a loop is running."""
    app = _app()

    @app.route(route="r")
    async def f(req: func.HttpRequest) -> str:
        return ""

    info = _info(app)

    async def inside() -> None:
        with pytest.raises(RuntimeError, match=r"await azfn\.host\.invoke"):
            invoke_sync(InvocationRequest(info, {"req": _http()}))

    asyncio.run(inside())


# Hooks, host-semantics §A2.4.


def _recorder(calls: list[str]) -> None:
    class Recorder(AppExtensionBase):  # pyright: ignore[reportUnusedClass]  # registers itself
        @classmethod
        def pre_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: func.Context,
            func_args: dict[str, object] | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            calls.append(f"pre:{sorted(func_args or {})}")

        @classmethod
        def post_invocation_app_level(
            cls,
            logger: logging.Logger,
            context: func.Context,
            func_args: dict[str, object] | None = None,
            func_ret: object | None = None,
            *args: object,
            **kwargs: object,
        ) -> None:
            calls.append(f"post:{func_ret}")

    assert ExtensionMeta.get_application_hooks() is not None


def test_hooks_run_around_the_function() -> None:
    """host-semantics §A2.4: app pre hook, the function, app post hook with its result."""
    calls: list[str] = []
    _recorder(calls)
    app = _app()

    @app.route(route="r")
    def f(req: func.HttpRequest) -> str:
        calls.append("call")
        return "ret"

    _run(_info(app), {"req": _http()})
    assert calls == ["pre:['req']", "call", "post:ret"]


def test_post_hooks_skipped_when_the_function_raises() -> None:
    """host-semantics §A2.4: no try/finally: post hooks do not run if the function raises."""
    calls: list[str] = []
    _recorder(calls)
    app = _app()

    @app.route(route="r")
    async def f(req: func.HttpRequest) -> str:
        calls.append("call")
        raise ValueError("x")

    result = _run(_info(app), {"req": _http()}, raise_exceptions=False)
    assert calls == ["pre:['req']", "call"]
    assert isinstance(result.exception, ValueError)


# Settings and binding expressions.


def test_settings_are_environment_variables_during_the_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """host-semantics §A4.3: settings are env vars during the invocation; existing env wins."""
    monkeypatch.setenv("AZFN_TEST_EXISTING", "env")
    monkeypatch.delenv("AZFN_TEST_NEW", raising=False)
    app = _app()
    seen: dict[str, str | None] = {}

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None:
        seen.update(new=os.environ.get("AZFN_TEST_NEW"), old=os.environ.get("AZFN_TEST_EXISTING"))

    settings = {"AZFN_TEST_NEW": "set", "AZFN_TEST_EXISTING": "setting"}
    _run(_info(app), {"msg": Datum("x", "string")}, settings=settings)
    assert seen == {"new": "set", "old": "env"}
    assert "AZFN_TEST_NEW" not in os.environ
    assert os.environ["AZFN_TEST_EXISTING"] == "env"


def test_binding_paths_are_resolved() -> None:
    """host-semantics §A7.1: binding expressions resolve from binding data and settings."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_output(arg_name="receipt", path="receipts/{id}.json", connection="C")
    @app.queue_output(arg_name="audit", queue_name="%AUDIT_QUEUE%", connection="C")
    def f(msg: str, receipt: func.Out[str], audit: func.Out[str]) -> None: ...

    request = InvocationRequest(_info(app), {"msg": Datum("x", "string")}, {}, {"id": "7"})
    result = invoke_sync(request, settings={"AUDIT_QUEUE": "audits"})
    assert result.binding_paths["receipt"]["path"] == "receipts/7.json"
    assert result.binding_paths["receipt"]["connection"] == "C"
    assert result.binding_paths["audit"]["queueName"] == "audits"
    assert "msg" not in result.binding_paths  # the trigger is not an input/output binding


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_static_binding_paths_are_the_callers_copy(driver: str) -> None:
    """host-semantics §A7.1: paths without expressions are reported; each result owns its copy."""
    app = _app()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_output(arg_name="receipt", path="receipts/fixed.json", connection="C")
    def f(msg: str, receipt: func.Out[str]) -> None: ...

    request = InvocationRequest(_info(app), {"msg": Datum("x", "string")})

    def run() -> InvocationResult:
        return invoke_sync(request) if driver == "sync" else asyncio.run(invoke(request))

    first = run()
    assert first.binding_paths == {"receipt": {"path": "receipts/fixed.json", "connection": "C"}}
    assert (first.attempts, first.retry_delays) == (1, [])
    first.binding_paths["receipt"]["path"] = "changed"
    assert run().binding_paths["receipt"]["path"] == "receipts/fixed.json"


def test_unresolvable_binding_expression_fails_before_the_call() -> None:
    """host-semantics §A7.1: a binding that cannot be bound fails the invocation; no call."""
    app = _app()
    calls: list[str] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    @app.blob_output(arg_name="receipt", path="receipts/{missing}.json", connection="C")
    def f(msg: str, receipt: func.Out[str]) -> None:
        calls.append("call")

    result = _run(_info(app), {"msg": Datum("x", "string")}, raise_exceptions=False)
    assert result.exception is not None
    assert "missing" in str(result.exception)
    assert (calls, result.attempts) == ([], 0)
