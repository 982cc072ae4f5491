"""Tests for per-invocation log capture (azfn/host/_logs.py)."""

from __future__ import annotations

import asyncio
import logging
import threading

import azfn as func
from azfn.host import InvocationRequest
from azfn.host import function_info
from azfn.host import invoke
from azfn.host import invoke_sync
from azfn.host._logs import THREAD_LOCAL
from azfn.host._logs import LogSession
from azfn.host._logs import begin_invocation
from azfn.host._logs import bind_invocation
from azfn.host._logs import current_invocation_id
from azfn.host._logs import end_invocation
from azfn.host._logs import handler_attached
from azfn.meta import Datum


def _request(app: func.FunctionApp) -> InvocationRequest:
    (function,) = app.get_functions()
    return InvocationRequest(function_info(function, "/app"), {"msg": Datum("x", "string")})


def test_records_of_the_invocation_are_captured() -> None:
    """host-semantics §A2.2: log records emitted during the invocation are collected."""
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str) -> None:
        logging.info("root %s", msg)
        logging.getLogger("my.module").warning("named")

    result = invoke_sync(_request(app))
    assert [r.getMessage() for r in result.logs] == ["root x", "named"]
    assert not handler_attached()


def test_threads_that_set_thread_local_storage_are_attributed() -> None:
    """host-semantics §A2.2: a thread setting `thread_local_storage.invocation_id` is attributed."""
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    def f(msg: str, context: func.Context) -> None:
        def tagged() -> None:
            context.thread_local_storage.invocation_id = context.invocation_id
            logging.info("tagged thread")

        def untagged() -> None:
            logging.info("untagged thread")

        for target in (tagged, untagged):
            thread = threading.Thread(target=target)
            thread.start()
            thread.join()

    result = invoke_sync(_request(app))
    assert [r.getMessage() for r in result.logs] == ["tagged thread"]


def test_async_tasks_inherit_the_invocation() -> None:
    """host-semantics §A2.2: tasks and to_thread calls started by an async function are attributed."""
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    async def f(msg: str) -> None:
        async def child() -> None:
            logging.info("task")

        await asyncio.create_task(child())
        await asyncio.to_thread(logging.info, "to_thread")

    result = invoke_sync(_request(app))
    assert [r.getMessage() for r in result.logs] == ["task", "to_thread"]


def test_concurrent_invocations_are_kept_apart() -> None:
    """host-semantics §A2.2: each invocation gets its own records."""
    app = func.FunctionApp()

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    async def f(msg: str) -> None:
        logging.info("start %s", msg)
        await asyncio.sleep(0.001)
        logging.info("end %s", msg)

    (function,) = app.get_functions()
    info = function_info(function, "/app")

    async def both() -> list[list[str]]:
        results = await asyncio.gather(
            *(invoke(InvocationRequest(info, {"msg": Datum(n, "string")})) for n in "ab")
        )
        return [[r.getMessage() for r in result.logs] for result in results]

    assert asyncio.run(both()) == [["start a", "end a"], ["start b", "end b"]]
    assert not handler_attached()


def test_root_level_restored_and_handler_removed() -> None:
    """host-semantics §A2.2: the worker logs at INFO; nothing stays attached afterwards."""
    root = logging.getLogger()
    before = root.level
    records: list[logging.LogRecord] = []
    state = begin_invocation("inv", records)
    try:
        assert root.level <= logging.INFO
        assert handler_attached()
        logging.info("inside")
    finally:
        end_invocation("inv", state)
    assert [r.getMessage() for r in records] == ["inside"]
    assert root.level == before
    assert not handler_attached()


def test_bind_invocation_restores() -> None:
    """host-semantics §A2.2: the invocation id is the task's, else the thread's, and is restored."""
    assert current_invocation_id() is None
    with bind_invocation("outer"):
        assert current_invocation_id() == "outer"
        with bind_invocation("inner"):
            assert current_invocation_id() == "inner"
        assert current_invocation_id() == "outer"
    assert current_invocation_id() is None
    assert getattr(THREAD_LOCAL, "invocation_id", None) is None


def test_async_function_reads_its_invocation_id_from_thread_local_storage() -> None:
    """host-semantics §A2.2: `context.thread_local_storage.invocation_id` is set for async functions."""
    app = func.FunctionApp()
    seen: list[bool] = []

    @app.queue_trigger(arg_name="msg", queue_name="q", connection="C")
    async def f(msg: str, context: func.Context) -> None:
        seen.append(context.thread_local_storage.invocation_id == context.invocation_id)

    invoke_sync(_request(app))
    assert seen == [True]
    assert getattr(THREAD_LOCAL, "invocation_id", None) is None


def test_a_session_keeps_the_handler_until_closed() -> None:
    """A client's session holds the root level across invocations, then restores it."""
    root = logging.getLogger()
    before = root.level
    session = LogSession()
    session.open()
    session.open()  # idempotent
    try:
        assert handler_attached()
        assert root.level <= logging.INFO
        records: list[logging.LogRecord] = []
        state = begin_invocation("a", records)
        logging.info("inside")
        end_invocation("a", state)
        assert [r.getMessage() for r in records] == ["inside"]
        assert handler_attached()  # still held by the session
    finally:
        session.close()
    session.close()  # harmless
    assert root.level == before
    assert not handler_attached()


def test_captures_racing_sessions_keep_their_records() -> None:
    """Handler attach/detach is race-free: captures register without the lock.

    Threads run invocations while another opens and closes sessions; every
    record must reach its capture and nothing may stay attached afterwards.
    """
    root = logging.getLogger()
    before = root.level
    stop = threading.Event()
    lost: list[str] = []

    def invocations(worker: int) -> None:
        for n in range(300):
            key = f"w{worker}-{n}"
            records: list[logging.LogRecord] = []
            state = begin_invocation(key, records)
            logging.info("record %s", key)
            end_invocation(key, state)
            if [r.getMessage() for r in records] != [f"record {key}"]:
                lost.append(key)

    def sessions() -> None:
        while not stop.is_set():
            session = LogSession()
            session.open()
            session.close()

    toggler = threading.Thread(target=sessions)
    workers = [threading.Thread(target=invocations, args=(w,)) for w in range(4)]
    toggler.start()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    stop.set()
    toggler.join()
    assert lost == []
    assert not handler_attached()
    assert root.level == before
