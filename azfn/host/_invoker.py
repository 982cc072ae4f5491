# pyright: strict
"""Invoking one function as the Python worker does (host-semantics §A2.2, §A2.4, §A6.3).

:func:`invoke` takes an :class:`InvocationRequest` (the function, its input
data as :class:`~azfn.meta.Datum` objects, the trigger metadata and the
binding data) and:

1. resolves the binding expressions of every input/output binding
   (``binding_paths``), failing the invocation as the host would when one
   cannot be resolved;
2. decodes each input with its binding's converter (the trigger's gets the
   trigger metadata, other inputs an empty mapping), or passes the raw data
   for "generic" parameters (host-semantics §A2.1 step 5);
3. creates a fresh :class:`~azfn.Out` for each output parameter and injects
   ``context`` (a fresh invocation id, the function's name and directory, the
   retry context);
4. calls the function between the extension hooks (app pre, function pre,
   the function, function post, app post; post hooks are skipped when the
   function raises): ``async def`` functions are awaited, sync ones run in a
   thread pool sized like the worker's (``PYTHON_THREADPOOL_THREAD_COUNT``);
5. checks the return rules and encodes the return value and every ``Out``
   that was set, with the worker's error texts;
6. optionally re-runs a failing function per its retry policy, recording
   the delays instead of sleeping.

Settings are exposed as environment variables during the invocation (the
existing environment wins; restored afterwards; :mod:`._environment`) and the
log records emitted for the invocation are collected (:mod:`._logs`). One
run is an :class:`~azfn.host._attempt.Attempt`; what does not change between
invocations is worked out once per function (``FunctionInfo.call_plan``).

:func:`invoke_sync` is the synchronous form: it runs a sync function on the
calling thread without an event loop, and an ``async def`` one in a fresh
event loop.
"""

from __future__ import annotations

import asyncio
import random
import traceback
import types
from typing import TYPE_CHECKING
from typing import NamedTuple

from azfn.context import RetryContext
from azfn.context import RpcException
from azfn.host._attempt import Attempt
from azfn.host._attempt import binding_paths
from azfn.host._environment import apply_settings
from azfn.host._environment import restore_settings
from azfn.host._functions import function_info
from azfn.host._functions import function_info_from_json
from azfn.host._functions import mcp_tool_wrapper
from azfn.host._result import InvocationResult
from azfn.host._retry import DEFAULT_SEED
from azfn.host._retry import max_attempts
from azfn.host._retry import retry_delay

if TYPE_CHECKING:
    import datetime
    import logging
    from collections.abc import Mapping

    from typing_extensions import Never

    from azfn.host._model import FunctionInfo
    from azfn.meta import Datum

__all__ = [
    "InvocationRequest",
    "InvocationResult",
    "function_info",
    "function_info_from_json",
    "invoke",
    "invoke_sync",
    "mcp_tool_wrapper",
]


#: An empty read-only mapping: the request fields nothing was given for.
NO_DATA: Mapping[str, Never] = types.MappingProxyType({})


class InvocationRequest(NamedTuple):
    """What the host sends the worker for one invocation (immutable).

    Attributes:
        function: The function to invoke.
        inputs: The trigger's and every input binding's data, by binding name.
        trigger_metadata: The trigger metadata (given to the trigger's converter).
        binding_data: The values binding expressions are resolved from.
        decoded: Values already in the form their parameter receives, by
            binding name, in place of data in *inputs*: their converter is
            skipped (the in-process host's direct path).
    """

    function: FunctionInfo
    inputs: Mapping[str, Datum] = NO_DATA
    trigger_metadata: Mapping[str, Datum] = NO_DATA
    binding_data: Mapping[str, str] = NO_DATA
    decoded: Mapping[str, object] = NO_DATA


def _rpc_exception(exc: BaseException) -> RpcException:
    return RpcException(
        source=type(exc).__module__,
        stack_trace="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        message=f"{type(exc).__name__}: {exc}",
    )


class _Run:
    """The state shared by the sync and async drivers."""

    __slots__ = (
        "allowed",
        "attempts",
        "delays",
        "last",
        "logs",
        "max_retry_count",
        "paths",
        "policy",
        "request",
        "rng",
        "settings",
        "setup_error",
    )

    def __init__(
        self,
        request: InvocationRequest,
        settings: Mapping[str, str] | None,
        retries: bool,  # internal
        rng: random.Random | None,
    ) -> None:
        self.request = request
        self.settings: Mapping[str, str] = settings or {}
        retry = request.function.retry
        self.policy = retry if retries else None
        self.max_retry_count = retry.max_retry_count if retry else 0
        self.allowed = max_attempts(self.policy) if self.policy is not None else 1
        self.rng = rng  # created on the first exponential delay
        self.logs: list[logging.LogRecord] = []
        self.delays: list[datetime.timedelta] = []
        self.paths: dict[str, dict[str, str]] = {}
        self.attempts = 0
        self.last: Attempt | None = None
        self.setup_error: BaseException | None = None

    def new_attempt(self, number: int) -> Attempt:
        previous = self.last
        exception = _rpc_exception(previous.exception) if previous and previous.exception else None
        if number:
            assert self.policy is not None  # only policies retry
            if self.rng is None:
                self.rng = random.Random(DEFAULT_SEED)  # jitter, not crypto
            self.delays.append(retry_delay(self.policy, number, self.rng))
        retry_context = (
            RetryContext(number, self.max_retry_count, exception)
            if number or exception
            else self.request.function.call_plan.first_retry
        )
        attempt = Attempt(self.request, retry_context)
        self.last = attempt
        self.attempts += 1
        return attempt

    def resolve_paths(self) -> bool:
        function = self.request.function
        static = function.call_plan.static_paths
        if static is not None:
            if static:  # copies: the result is the caller's to change
                self.paths = {name: dict(props) for name, props in static.items()}
            return True
        try:
            self.paths = binding_paths(function, self.request.binding_data, self.settings)
        except Exception as exc:  # noqa: BLE001  # the host fails the invocation
            self.setup_error = exc
            return False
        return True

    def ended(self, attempt: Attempt) -> bool:
        """Record an attempt's logs; whether the invocation is over."""
        self.logs += attempt.logs
        return attempt.exception is None

    def result(self, raise_exceptions: bool) -> InvocationResult:  # internal
        last = self.last
        if last is None:  # the function never ran: no binding could be resolved
            last = Attempt(self.request, RetryContext(0, self.max_retry_count))
            last.exception = self.setup_error
        if raise_exceptions and last.exception is not None:
            raise last.exception
        return last.conclude(self.logs, self.attempts, self.delays, self.paths)


async def invoke(
    request: InvocationRequest,
    *,
    settings: Mapping[str, str] | None = None,
    retries: bool = False,
    raise_exceptions: bool = True,
    rng: random.Random | None = None,
) -> InvocationResult:
    """Invoke a function as the worker does (host-semantics §A2.2, §A2.4, §A6.3).

    Args:
        request: The function and its input data.
        settings: App settings, set as environment variables during the
            invocation (the existing environment wins; restored afterwards).
        retries: Re-run a failing function per its retry policy
            (``max_retry_count + 1`` attempts; ``-1`` is capped, see
            :data:`azfn.host._retry.UNBOUNDED_RETRIES`), recording the delays.
        raise_exceptions: Re-raise the function's exception (after the hooks
            and retries); otherwise the result carries it.
        rng: The exponential backoff's jitter source; by default seeded
            with :data:`azfn.host._retry.DEFAULT_SEED`, so delays repeat.

    Returns:
        The outcome of the last attempt, with every attempt's logs.

    Raises:
        Exception: The function's exception, or the worker's return/encoding
            errors, when *raise_exceptions* is true.
        azfn.host._inputs.MissingInputError: The request lacks the data of
            an input binding (a ``TypeError``; raised whatever
            *raise_exceptions* says: the caller's error, not the function's).
    """
    plan = request.function.call_plan
    if not settings and plan.static_paths is not None and not (retries and plan.retries):
        # The common case, without the retry driver: one attempt, nothing to resolve.
        attempt = Attempt(request, plan.first_retry)
        await attempt.run_async()
        if raise_exceptions and attempt.exception is not None:
            raise attempt.exception
        return attempt
    run = _Run(request, settings, retries, rng)
    applied = apply_settings(settings)
    try:
        if run.resolve_paths():
            for number in range(run.allowed):
                attempt = run.new_attempt(number)
                await attempt.run_async()
                if run.ended(attempt):
                    break
    finally:
        restore_settings(applied)
    return run.result(raise_exceptions)


def invoke_sync(
    request: InvocationRequest,
    *,
    settings: Mapping[str, str] | None = None,
    retries: bool = False,
    raise_exceptions: bool = True,
    rng: random.Random | None = None,
) -> InvocationResult:
    """Invoke a function synchronously; see :func:`invoke` for the arguments.

    A sync function runs on the calling thread (between the hooks, its logs
    attributed to the invocation as on the worker's pool thread); an
    ``async def`` one runs in a fresh event loop.

    Raises:
        RuntimeError: An ``async def`` function is invoked from a thread
            running an event loop: ``await azfn.host.invoke(...)`` instead.
    """
    if request.function.is_async:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            coroutine = invoke(
                request,
                settings=settings,
                retries=retries,
                raise_exceptions=raise_exceptions,
                rng=rng,
            )
            return asyncio.run(coroutine)
        raise RuntimeError(
            "invoke_sync() cannot run the async function "
            f"{request.function.name!r} here: this thread is running an event loop; "
            "use `await azfn.host.invoke(...)` (or the client's async methods) instead"
        )
    plan = request.function.call_plan
    if not settings and plan.static_paths is not None and not (retries and plan.retries):
        # The common case, without the retry driver: one attempt, nothing to resolve.
        attempt = Attempt(request, plan.first_retry)
        attempt.run_here()
        if raise_exceptions and attempt.exception is not None:
            raise attempt.exception
        return attempt
    run = _Run(request, settings, retries, rng)
    applied = apply_settings(settings)
    try:
        if run.resolve_paths():
            for number in range(run.allowed):
                attempt = run.new_attempt(number)
                attempt.run_here()
                if run.ended(attempt):
                    break
    finally:
        restore_settings(applied)
    return run.result(raise_exceptions)
