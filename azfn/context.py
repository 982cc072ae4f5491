# pyright: strict
"""What the host tells a function about its invocation.

:class:`Context` is what a parameter named ``context`` receives: the
invocation id, the function's name and directory, the W3C trace context and
the retry state. Unlike the reference's abstract classes, every type here can
be built directly in a test, with sensible defaults::

    ctx = func.Context(function_name="hello")
    ctx.invocation_id        # a fresh uuid4, as the host would send
    ctx.retry_context.retry_count  # 0: no retry policy, or the first attempt
"""

from __future__ import annotations

import os
import typing

from azfn._ids import hex_id
from azfn._ids import uuid4

if typing.TYPE_CHECKING:
    import threading
    from collections.abc import Mapping

__all__ = ["Context", "RetryContext", "RpcException", "TraceContext"]


def new_uuid() -> str:
    """Return a fresh uuid4 text (kept for the modules that import it from here)."""
    return uuid4()


class RpcException:
    """The exception of a previous attempt, as the host reports it.

    Empty strings mean there was none (the first attempt, or no retry policy).
    """

    def __init__(self, source: str = "", stack_trace: str = "", message: str = "") -> None:
        self._source = source
        self._stack_trace = stack_trace
        self._message = message

    @property
    def source(self) -> str:
        """Where the exception came from."""
        return self._source

    @property
    def stack_trace(self) -> str:
        """The formatted stack trace."""
        return self._stack_trace

    @property
    def message(self) -> str:
        """The exception's text, e.g. ``"ValueError: bad input"``."""
        return self._message

    def _key(self) -> tuple[str, str, str]:
        return (self._source, self._stack_trace, self._message)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RpcException):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"RpcException(source={self._source!r}, message={self._message!r})"


class TraceContext:
    """The W3C trace context of the invocation.

    Without *trace_parent* a fresh, valid ``traceparent`` is generated
    (``00-<trace id>-<span id>-01``), as the host always sends one.
    """

    def __init__(
        self,
        trace_parent: str | None = None,
        trace_state: str = "",
        attributes: Mapping[str, str] | None = None,
    ) -> None:
        if trace_parent is None:
            trace_parent = f"00-{hex_id(16)}-{hex_id(8)}-01"
        self._trace_parent = trace_parent
        self._trace_state = trace_state
        self._attributes = dict(attributes) if attributes is not None else {}

    @property
    def trace_parent(self) -> str:
        """The ``traceparent`` header value."""
        return self._trace_parent

    @property
    def trace_state(self) -> str:
        """The ``tracestate`` header value (often empty)."""
        return self._trace_state

    @property
    def attributes(self) -> dict[str, str]:
        """Extra trace attributes (the host sends e.g. ``OperationName``)."""
        return self._attributes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TraceContext):
            return NotImplemented
        return (self._trace_parent, self._trace_state, self._attributes) == (
            other._trace_parent,
            other._trace_state,
            other._attributes,
        )

    def __hash__(self) -> int:
        return hash((self._trace_parent, self._trace_state))

    def __repr__(self) -> str:
        return (
            f"TraceContext(trace_parent={self._trace_parent!r}, trace_state={self._trace_state!r})"
        )


class RetryContext:
    """Where the invocation stands in the function's retry policy.

    *retry_count* is 0 on the first attempt; both counts are 0 when the
    function has no retry policy. *exception* describes the previous
    attempt's failure (empty on the first attempt).
    """

    def __init__(
        self,
        retry_count: int = 0,
        max_retry_count: int = 0,
        exception: RpcException | None = None,
    ) -> None:
        self._retry_count = retry_count
        self._max_retry_count = max_retry_count
        self._exception = exception if exception is not None else RpcException()

    @property
    def retry_count(self) -> int:
        """The number of retries so far (0 on the first attempt)."""
        return self._retry_count

    @property
    def max_retry_count(self) -> int:
        """The policy's maximum number of retries (-1: forever)."""
        return self._max_retry_count

    @property
    def exception(self) -> RpcException:
        """The previous attempt's exception."""
        return self._exception

    def _key(self) -> tuple[int, int, RpcException]:
        return (self._retry_count, self._max_retry_count, self._exception)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RetryContext):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"RetryContext(retry_count={self._retry_count}, "
            f"max_retry_count={self._max_retry_count}, exception={self._exception!r})"
        )


class Context:
    """The invocation context a ``context`` parameter receives.

    Every argument is optional: *invocation_id* defaults to a fresh uuid4,
    *function_directory* to the current directory (the host gives the app's
    directory), *trace_context* and *retry_context* to a new trace and a
    first attempt, and *thread_local_storage* to a new ``threading.local``
    whose ``invocation_id`` attribute is set, as the worker's is.
    """

    def __init__(
        self,
        *,
        invocation_id: str | None = None,
        function_name: str = "",
        function_directory: str | None = None,
        trace_context: TraceContext | None = None,
        retry_context: RetryContext | None = None,
        thread_local_storage: threading.local | None = None,
    ) -> None:
        self._invocation_id = invocation_id if invocation_id is not None else new_uuid()
        self._function_name = function_name
        self._function_directory = (
            function_directory if function_directory is not None else os.getcwd()
        )
        self._trace_context = trace_context  # a new trace is made on first use
        self._retry_context = retry_context if retry_context is not None else RetryContext()
        if thread_local_storage is None:
            import threading  # lazily: `import azfn` stays cheap

            thread_local_storage = threading.local()
            thread_local_storage.invocation_id = self._invocation_id
        self._thread_local_storage = thread_local_storage

    @property
    def invocation_id(self) -> str:
        """The invocation's id (a uuid)."""
        return self._invocation_id

    @property
    def function_name(self) -> str:
        """The function's name."""
        return self._function_name

    @property
    def function_directory(self) -> str:
        """The function's directory (the app's directory for decorator apps)."""
        return self._function_directory

    @property
    def trace_context(self) -> TraceContext:
        """The W3C trace context."""
        if self._trace_context is None:
            self._trace_context = TraceContext()
        return self._trace_context

    @property
    def retry_context(self) -> RetryContext:
        """The retry state."""
        return self._retry_context

    @property
    def thread_local_storage(self) -> threading.local:
        """Thread-local storage carrying ``invocation_id`` (for log correlation)."""
        return self._thread_local_storage

    def __repr__(self) -> str:
        return (
            f"<Context function_name={self._function_name!r} invocation_id={self._invocation_id!r}>"
        )


# Trigger metadata readers, shared by the converter modules.
