# pyright: strict
"""Per-invocation log capture, attributed the way the Python worker does it.

The worker puts one logging handler on the root logger and attributes each
record to the *current invocation*: the invocation id of the running asyncio
task, else the ``invocation_id`` attribute of one thread-local object that
every invocation context shares (``context.thread_local_storage``). A thread
the function starts gets its records attributed by setting
``context.thread_local_storage.invocation_id = context.invocation_id``.

Here the task's id is a :class:`contextvars.ContextVar`, so tasks the
function creates (and ``asyncio.to_thread`` calls) inherit it. The shared
thread-local is :data:`THREAD_LOCAL`, passed to every :class:`~azfn.Context`
the invoker builds.

:class:`LogCapture` collects one invocation's records. The capturing handler
is attached to the root logger while at least one capture is active and
removed after the last one ends; while attached, the root logger's level is
lowered to ``INFO`` (``DEBUG`` when ``PYTHON_ENABLE_DEBUG_LOGGING`` is true),
as the worker sets it, and restored afterwards.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
from typing import TYPE_CHECKING
from typing import Final

if TYPE_CHECKING:
    from collections.abc import Generator
    from types import TracebackType

__all__ = [
    "THREAD_LOCAL",
    "LogCapture",
    "bind_invocation",
    "current_invocation_id",
    "handler_attached",
]

_INVOCATION: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "azfn_invocation_id", default=None
)


class _InvocationLocal(threading.local):
    """The shared thread-local; ``invocation_id`` falls back to the task's invocation."""

    def __getattr__(self, name: str) -> object:
        # Only called for attributes this thread has not set.
        if name == "invocation_id":
            invocation_id = _INVOCATION.get()
            if invocation_id is not None:
                return invocation_id
        raise AttributeError(name)


#: The thread-local object shared by every invocation context's
#: ``thread_local_storage``, as in the worker. Reading ``invocation_id`` in
#: an ``async def`` function gives the running invocation's id.
THREAD_LOCAL: Final = _InvocationLocal()


def current_invocation_id() -> str | None:
    """Return the invocation the caller runs for: the context's, else the thread's."""
    invocation_id = _INVOCATION.get()
    if invocation_id is not None:
        return invocation_id
    value: object = THREAD_LOCAL.__dict__.get("invocation_id")
    return value if isinstance(value, str) else None


@contextlib.contextmanager
def bind_invocation(invocation_id: str, *, thread: bool = True) -> Generator[None, None, None]:
    """Attribute what runs in this block (and tasks it starts) to *invocation_id*.

    Sets the context variable and, when *thread* is true, this thread's
    ``THREAD_LOCAL.invocation_id`` (the worker stamps it on the pool thread
    running a sync function); both are restored. Async invocations sharing
    the event loop's thread use the context variable only.
    """
    token = _INVOCATION.set(invocation_id)
    previous: object = THREAD_LOCAL.__dict__.get("invocation_id")
    if thread:
        THREAD_LOCAL.invocation_id = invocation_id
    try:
        yield
    finally:
        if thread:
            if previous is None:
                THREAD_LOCAL.__dict__.pop("invocation_id", None)
            else:
                THREAD_LOCAL.invocation_id = previous
        _INVOCATION.reset(token)


class _Handler(logging.Handler):
    """Routes each record to the capture of its invocation, if any."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.captures: dict[str, list[logging.LogRecord]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        invocation_id = current_invocation_id()
        if invocation_id is None:
            return
        records = self.captures.get(invocation_id)
        if records is not None:
            records.append(record)  # list.append is atomic


_LOCK = threading.Lock()
_HANDLER = _Handler()
_saved_level: int | None = None


def _worker_level() -> int:
    flag = os.environ.get("PYTHON_ENABLE_DEBUG_LOGGING", "").strip().lower()
    return logging.DEBUG if flag in {"1", "true"} else logging.INFO


class LogCapture:
    """Collect the log records of one invocation (a context manager).

    Attributes:
        invocation_id: The invocation whose records are collected.
        records: The records so far, in emission order.
    """

    def __init__(self, invocation_id: str) -> None:
        self.invocation_id = invocation_id
        self.records: list[logging.LogRecord] = []

    def __enter__(self) -> LogCapture:
        global _saved_level  # noqa: PLW0603  # one handler for the process
        with _LOCK:
            if not _HANDLER.captures:
                root = logging.getLogger()
                root.addHandler(_HANDLER)
                _saved_level = root.level
                wanted = _worker_level()
                if root.level == logging.NOTSET or root.level > wanted:
                    root.setLevel(wanted)
            _HANDLER.captures[self.invocation_id] = self.records
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        global _saved_level  # noqa: PLW0603  # one handler for the process
        with _LOCK:
            _HANDLER.captures.pop(self.invocation_id, None)
            if not _HANDLER.captures:
                root = logging.getLogger()
                root.removeHandler(_HANDLER)
                if _saved_level is not None:
                    root.setLevel(_saved_level)
                    _saved_level = None


def handler_attached() -> bool:
    """Return whether the capturing handler is on the root logger (for tests)."""
    return _HANDLER in logging.getLogger().handlers
