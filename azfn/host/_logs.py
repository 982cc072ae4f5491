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

:func:`begin_invocation` starts collecting one invocation's records and
:func:`end_invocation` stops. The capturing handler is attached to the root
logger while at least one capture or
:class:`LogSession` is active and removed after the last one ends; while
attached, the root logger's level is lowered to ``INFO`` (``DEBUG`` when
``PYTHON_ENABLE_DEBUG_LOGGING`` is true), as the worker sets it, and restored
afterwards.
"""

from __future__ import annotations

import contextvars
import logging
import os
import threading
from typing import TYPE_CHECKING
from typing import Final
from typing import TypeAlias

if TYPE_CHECKING:
    from types import TracebackType


__all__ = [
    "THREAD_LOCAL",
    "LogSession",
    "ScopeState",
    "begin_invocation",
    "bind_invocation",
    "current_invocation_id",
    "end_invocation",
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


def _stamp(invocation_id: str) -> object:
    """Set this thread's ``THREAD_LOCAL.invocation_id``; return what it was."""
    local = THREAD_LOCAL.__dict__
    previous: object = local.get("invocation_id")
    local["invocation_id"] = invocation_id
    return previous


def _unstamp(previous: object) -> None:
    """Put back what :func:`_stamp` replaced."""
    local = THREAD_LOCAL.__dict__
    if previous is None:
        local.pop("invocation_id", None)
    else:
        local["invocation_id"] = previous


class bind_invocation:  # noqa: N801  # a context manager, named like contextlib's
    """Attribute what runs in this block (and tasks it starts) to *invocation_id*.

    Sets the context variable and, when *thread* is true, this thread's
    ``THREAD_LOCAL.invocation_id`` (the worker stamps it on the pool thread
    running a sync function); both are restored. Async invocations sharing
    the event loop's thread use the context variable only. A class rather
    than a generator: it runs once per invocation.
    """

    __slots__ = ("_invocation_id", "_previous", "_thread", "_token")

    def __init__(self, invocation_id: str, *, thread: bool = True) -> None:
        self._invocation_id = invocation_id
        self._thread = thread

    def __enter__(self) -> None:
        self._token = _INVOCATION.set(self._invocation_id)
        if self._thread:
            self._previous: object = _stamp(self._invocation_id)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._thread:
            _unstamp(self._previous)
        _INVOCATION.reset(self._token)


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


_LOCK = threading.Lock()  # held to attach or detach the handler, never per invocation
_HANDLER = _Handler()
_sessions = 0  # open sessions; written under _LOCK
_attached = False  # whether _HANDLER is on the root logger; written under _LOCK
_saved_level: int | None = None
_level = logging.INFO  # the worker's level, read when the handler is attached


def _worker_level() -> int:
    flag = os.environ.get("PYTHON_ENABLE_DEBUG_LOGGING", "").strip().lower()
    return logging.DEBUG if flag in {"1", "true"} else logging.INFO


def _attach() -> None:
    # The caller holds _LOCK. Attach the handler and lower the root level;
    # setLevel clears every logger's cache, so this happens once per burst
    # of invocations (or per session), not per invocation.
    global _attached, _saved_level, _level  # noqa: PLW0603  # one handler for the process
    if _attached:
        return
    root = logging.getLogger()
    root.addHandler(_HANDLER)
    _saved_level = root.level
    _level = _worker_level()
    if root.level == logging.NOTSET or root.level > _level:
        root.setLevel(_level)
    _attached = True


def _detach_if_idle() -> None:
    # The caller holds _LOCK. Captures register without the lock (a dict
    # store) and then read _attached, so _attached is cleared *before*
    # captures is checked: a capture registering meanwhile either is seen
    # here (and the handler stays) or sees False and waits on the lock to
    # attach again. Either way no capture runs without the handler.
    global _attached, _saved_level  # noqa: PLW0603  # one handler for the process
    if not _attached or _sessions:
        return
    _attached = False
    if _HANDLER.captures:
        _attached = True
        return
    root = logging.getLogger()
    root.removeHandler(_HANDLER)
    if _saved_level is not None and root.level != _saved_level:
        root.setLevel(_saved_level)
    _saved_level = None


class LogSession:
    """Keep the capturing handler attached across invocations until closed.

    A test client opens one on its first invocation so that invocations do
    not attach the handler and change the root level each time (which clears
    every logger's level cache). While a session is open the root logger is
    at the worker's level, as it always is in the worker. Closing twice is
    harmless.
    """

    def __init__(self) -> None:
        self._open = False

    @property
    def is_open(self) -> bool:
        """Whether the session holds the handler."""
        return self._open

    def open(self) -> None:
        """Hold the handler (no-op when already open)."""
        global _sessions  # noqa: PLW0603  # one handler for the process
        if self._open:
            return
        with _LOCK:
            if not self._open:
                _sessions += 1
                _attach()
                self._open = True

    def close(self) -> None:
        """Release the handler; it is detached when no session or capture needs it."""
        global _sessions  # noqa: PLW0603  # one handler for the process
        with _LOCK:
            if self._open:
                self._open = False
                _sessions -= 1
                _detach_if_idle()


#: What :func:`begin_invocation` changed, for :func:`end_invocation` to undo:
#: the context variable's token and the root level to put back (None when it
#: was not lowered).
ScopeState: TypeAlias = "tuple[contextvars.Token[str | None], int | None]"


def begin_invocation(invocation_id: str, records: list[logging.LogRecord]) -> ScopeState:
    """Collect *invocation_id*'s log records into *records*; undo with :func:`end_invocation`.

    What runs until then, and tasks it starts, is attributed to the
    invocation through the context variable. That covers
    this thread too (``THREAD_LOCAL.invocation_id`` reads fall back to it),
    so the thread-local is not stamped. No lock is taken unless the handler
    must be attached: this runs once per invocation, so it is two plain
    calls rather than a context manager object.

    When something set the root logger above the worker's level while a
    session holds the handler (``caplog.set_level``, say), the level is
    lowered for this invocation only and put back by :func:`end_invocation`.
    """
    _HANDLER.captures[invocation_id] = records  # before reading _attached: see _detach_if_idle
    level = logging.root.level
    restore = _lower() if not _attached or level == logging.NOTSET or level > _level else None
    return _INVOCATION.set(invocation_id), restore


def _lower() -> int | None:
    """Attach the handler; lower the root level to the worker's, returning the old one."""
    with _LOCK:
        _attach()
        level = logging.root.level
        if level == logging.NOTSET or level > _level:
            logging.root.setLevel(_level)
            return level
        return None


def end_invocation(invocation_id: str, state: ScopeState) -> None:
    """Stop collecting *invocation_id*'s records; undo :func:`begin_invocation`."""
    token, restore = state
    _INVOCATION.reset(token)
    _HANDLER.captures.pop(invocation_id, None)
    if restore is not None or not _sessions:
        with _LOCK:
            if restore is not None and logging.root.level == _level:
                logging.root.setLevel(restore)
            _detach_if_idle()


def handler_attached() -> bool:
    """Return whether the capturing handler is on the root logger (for tests)."""
    return _HANDLER in logging.getLogger().handlers
