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
existing environment wins; restored afterwards) and the log records emitted
for the invocation are collected (see :mod:`azfn.host._logs`).

:func:`invoke_sync` is the synchronous form: it runs a sync function on the
calling thread without an event loop, and an ``async def`` one in a fresh
event loop.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import functools
import inspect
import json
import os
import random
import threading
import traceback
import typing
from typing import TYPE_CHECKING
from typing import cast

from azfn.context import Context
from azfn.context import RetryContext
from azfn.context import RpcException
from azfn.context import new_uuid
from azfn.extension.invocation import invoke_with_hooks
from azfn.host._functions import function_info
from azfn.host._functions import function_info_from_json
from azfn.host._functions import mcp_tool_wrapper
from azfn.host._functions import type_hints
from azfn.host._functions import value_type
from azfn.host._logs import THREAD_LOCAL
from azfn.host._logs import LogCapture
from azfn.host._logs import bind_invocation
from azfn.host._retry import DEFAULT_SEED
from azfn.host._retry import max_attempts
from azfn.host._retry import retry_delay
from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.out import Out

if TYPE_CHECKING:
    import datetime
    import logging
    from collections.abc import Awaitable
    from collections.abc import Callable
    from collections.abc import Mapping
    from concurrent.futures import ThreadPoolExecutor

    from azfn.host._model import FunctionInfo
    from azfn.host._model import ParameterInfo

__all__ = [
    "InvocationRequest",
    "InvocationResult",
    "function_info",
    "function_info_from_json",
    "invoke",
    "invoke_sync",
    "mcp_tool_wrapper",
]

_RETURN = "$return"
# Binding properties that are not resolved as binding expressions.
_NOT_EXPRESSIONS = frozenset({"name", "type", "direction", "dataType"})


def _empty_data() -> dict[str, Datum]:
    return {}


def _empty_strings() -> dict[str, str]:
    return {}


@dataclasses.dataclass(frozen=True)
class InvocationRequest:
    """What the host sends the worker for one invocation.

    Attributes:
        function: The function to invoke.
        inputs: The trigger's and every input binding's data, by binding name.
        trigger_metadata: The trigger metadata (given to the trigger's converter).
        binding_data: The values binding expressions are resolved from.
    """

    function: FunctionInfo
    inputs: Mapping[str, Datum] = dataclasses.field(default_factory=_empty_data)
    trigger_metadata: Mapping[str, Datum] = dataclasses.field(default_factory=_empty_data)
    binding_data: Mapping[str, str] = dataclasses.field(default_factory=_empty_strings)


@dataclasses.dataclass
class InvocationResult:
    """What one invocation (with its retries) produced.

    Attributes:
        function: The invoked function.
        return_value: What the function returned (last attempt).
        outputs: Each output's Python value by binding name (``Out`` values
            that were set, and ``"$return"`` when there is a return binding).
        encoded: The same outputs as the host receives them.
        logs: The log records of every attempt.
        context: The last attempt's context.
        exception: What made the last attempt fail, or None.
        attempts: How many times the function ran.
        retry_delays: The delays the host would have waited between attempts.
        binding_paths: Each input/output binding's string properties with
            binding expressions resolved, by binding name.
    """

    function: FunctionInfo
    return_value: object
    outputs: dict[str, object]
    encoded: dict[str, Datum]
    logs: list[logging.LogRecord]
    context: Context
    exception: BaseException | None
    attempts: int
    retry_delays: list[datetime.timedelta]
    binding_paths: dict[str, dict[str, str]]


# Settings as environment variables.

_ENV_LOCK = threading.Lock()
_env_refs: dict[str, int] = {}


def _apply_settings(settings: Mapping[str, str] | None) -> list[str]:
    applied: list[str] = []
    if not settings:
        return applied
    with _ENV_LOCK:
        for key, value in settings.items():
            if key in _env_refs:
                _env_refs[key] += 1
            elif key in os.environ:
                continue  # the existing environment wins
            else:
                os.environ[key] = value
                _env_refs[key] = 1
            applied.append(key)
    return applied


def _restore_settings(applied: list[str]) -> None:
    with _ENV_LOCK:
        for key in applied:
            _env_refs[key] -= 1
            if not _env_refs[key]:
                del _env_refs[key]
                os.environ.pop(key, None)


# Converters.


def _generic_decode(data: Datum) -> object:
    """The worker's generic binding: raw data through."""
    if data.type in {"string", "bytes", "json"} or data.type is None:
        return data.value
    raise ValueError(f'unexpected type of data received for the "generic" binding : {data.type!r}')


def _generic_encode(obj: object) -> Datum | None:
    if obj is None:
        return Datum(None, None)
    if isinstance(obj, str):
        return Datum(obj, "string")
    if isinstance(obj, (bytes, bytearray)):
        return Datum(bytes(obj), "bytes")
    if isinstance(obj, (dict, list)):
        return Datum(json.dumps(obj), "json")
    if isinstance(obj, int):
        return Datum(obj, "int")
    if isinstance(obj, float):
        return Datum(obj, "double")
    return None


def _encode(binding_type: str, obj: object, expected: object, *, generic: bool) -> Datum:
    converter = None if generic else get_binding_registry().get(binding_type)
    expected_type = None if expected is inspect.Parameter.empty else cast("type", expected)
    datum: Datum | None
    try:
        if converter is None:
            datum = _generic_encode(obj)
        else:
            encode: object = getattr(converter, "encode", None)
            datum = (
                cast("Callable[..., Datum | None]", encode)(obj, expected_type=expected_type)
                if callable(encode)
                else None
            )
    except NotImplementedError:
        datum = None
    if datum is None:
        name = "generic" if converter is None else binding_type
        raise TypeError(
            f'unable to encode outgoing TypedData: unsupported type "{name}" '
            f'for Python type "{type(obj).__name__}"'
        )
    return datum


def _check_inputs(request: InvocationRequest) -> None:
    """Raise when the request lacks the data of a parameter's input binding."""
    function = request.function
    for param in function.parameters:
        binding = param.binding
        if binding is None or param.is_out or binding.name in request.inputs:
            continue
        needed = [f"{b.name!r} ({b.type})" for b in (function.trigger, *function.inputs)]
        raise TypeError(
            f"no input data for binding {binding.name!r} ({binding.type}) of function "
            f"{function.name!r}: it needs {', '.join(needed)} and was given "
            f"{', '.join(map(repr, request.inputs)) or 'nothing'}"
        )


def _decode(param: ParameterInfo, request: InvocationRequest) -> object:
    binding = param.binding
    assert binding is not None  # only binding parameters get here
    data = request.inputs[binding.name]
    if param.generic:
        return _generic_decode(data)
    converter = get_binding_registry().get(binding.type)
    decode = cast("Callable[..., object]", getattr(converter, "decode", None))
    metadata: Mapping[str, Datum] = request.trigger_metadata if binding.is_trigger else {}
    return decode(data, trigger_metadata=metadata)


# Binding expressions.


def _binding_paths(
    function: FunctionInfo, binding_data: Mapping[str, str], settings: Mapping[str, str]
) -> dict[str, dict[str, str]]:
    from azfn.host._expressions import is_expression
    from azfn.host._expressions import resolve

    paths: dict[str, dict[str, str]] = {}
    for binding in (*function.inputs, *function.outputs):
        props: dict[str, str] = {}
        for key, value in binding.raw.items():
            if is_expression(key, value):
                props[key] = resolve(typing.cast("str", value), binding_data, settings)
            elif isinstance(value, str) and key not in _NOT_EXPRESSIONS:
                props[key] = value
        paths[binding.name] = props
    return paths


# The call.

_executor: ThreadPoolExecutor | None = None
_EXECUTOR_LOCK = threading.Lock()


def _thread_count() -> int | None:
    raw = os.environ.get("PYTHON_THREADPOOL_THREAD_COUNT", "")
    try:
        count = int(raw)
    except ValueError:
        return None
    return count if count >= 1 else None


def _pool() -> ThreadPoolExecutor:
    global _executor  # noqa: PLW0603  # one pool per process, like the worker's
    with _EXECUTOR_LOCK:
        if _executor is None:
            from concurrent.futures import ThreadPoolExecutor

            _executor = ThreadPoolExecutor(_thread_count(), thread_name_prefix="azfn-host")
        return _executor


def _run_sync(func: Callable[..., object], args: dict[str, object], context: Context) -> object:
    # The worker stamps the invocation id on the pool thread that runs it.
    with bind_invocation(context.invocation_id):
        return invoke_with_hooks(func, args, context)


class _Attempt:
    """One run of the function: its context, arguments and outcome."""

    def __init__(self, request: InvocationRequest, retry_context: RetryContext) -> None:
        function = request.function
        self.request = request
        self.context = Context(
            invocation_id=new_uuid(),
            function_name=function.name,
            function_directory=function.directory,
            retry_context=retry_context,
            thread_local_storage=THREAD_LOCAL,
        )
        self.args: dict[str, object] = {}
        self.return_value: object = None
        self.outputs: dict[str, object] = {}
        self.encoded: dict[str, Datum] = {}
        self.exception: BaseException | None = None

    def prepare(self) -> None:
        """Decode the inputs, create the ``Out`` objects, inject ``context``."""
        for param in self.request.function.parameters:
            if param.is_context:
                self.args[param.name] = self.context
            elif param.is_out:
                self.args[param.name] = Out[object]()
            else:
                self.args[param.name] = _decode(param, self.request)

    def finish(self, value: object) -> None:
        """Apply the return rules and encode the outputs (host-semantics §A2.2)."""
        function = self.request.function
        self.return_value = value
        if function.return_binding is None and value is not None:
            raise RuntimeError(
                f"function {function.name!r} without a $return binding returned a non-None value"
            )
        for param in function.parameters:
            out = self.args.get(param.name)
            if not param.is_out or param.binding is None or not isinstance(out, Out):
                continue
            result = cast("Out[object]", out).get()
            if result is None:
                continue  # the worker skips an Out left None
            expected = value_type(param.annotation)
            self.encoded[param.name] = _encode(
                param.binding.type, result, expected, generic=param.generic
            )
            self.outputs[param.name] = result
        if function.return_binding is not None:
            expected = _return_annotation(function.func)
            self.encoded[_RETURN] = _encode(
                function.return_binding.type, value, expected, generic=False
            )
            self.outputs[_RETURN] = value


@functools.lru_cache(maxsize=4096)
def _return_annotation(func: Callable[..., object]) -> object:
    # Resolved once per function: get_type_hints is costly and the
    # annotations of a loaded function do not change.
    return type_hints(func).get("return", inspect.Parameter.empty)


def _rpc_exception(exc: BaseException) -> RpcException:
    return RpcException(
        source=type(exc).__module__,
        stack_trace="".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        message=f"{type(exc).__name__}: {exc}",
    )


async def _call_async(attempt: _Attempt) -> None:
    from azfn.extension.invocation import invoke_with_hooks_async

    function = attempt.request.function
    context = attempt.context
    with bind_invocation(context.invocation_id, thread=False):
        try:
            attempt.prepare()
            if function.is_async:
                func = cast("Callable[..., Awaitable[object]]", function.func)
                value = await invoke_with_hooks_async(func, attempt.args, context)
            else:
                loop = asyncio.get_running_loop()
                ctx = contextvars.copy_context()
                call = functools.partial(_run_sync, function.func, attempt.args, context)
                value = await loop.run_in_executor(_pool(), ctx.run, call)
            attempt.finish(value)
        except Exception as exc:  # noqa: BLE001  # the invocation's failure, reported
            attempt.exception = exc


def _call_here(attempt: _Attempt) -> None:
    function = attempt.request.function
    context = attempt.context
    with bind_invocation(context.invocation_id):
        try:
            attempt.prepare()
            attempt.finish(invoke_with_hooks(function.func, attempt.args, context))
        except Exception as exc:  # noqa: BLE001  # the invocation's failure, reported
            attempt.exception = exc


class _Run:
    """The state shared by the sync and async drivers."""

    def __init__(
        self,
        request: InvocationRequest,
        settings: Mapping[str, str] | None,
        retries: bool,  # internal
        rng: random.Random | None,
    ) -> None:
        self.request = request
        self.settings = dict(settings or {})
        function = request.function
        self.policy = function.retry if retries else None
        self.max_retry_count = function.retry.max_retry_count if function.retry else 0
        self.allowed = max_attempts(self.policy)
        self.rng = rng  # created on the first exponential delay
        self.logs: list[logging.LogRecord] = []
        self.delays: list[datetime.timedelta] = []
        self.paths: dict[str, dict[str, str]] = {}
        self.attempts = 0
        self.last: _Attempt | None = None
        self.setup_error: BaseException | None = None

    def new_attempt(self, number: int) -> _Attempt:
        previous = self.last
        exception = _rpc_exception(previous.exception) if previous and previous.exception else None
        if number:
            assert self.policy is not None  # only policies retry
            if self.rng is None:
                self.rng = random.Random(DEFAULT_SEED)  # jitter, not crypto
            self.delays.append(retry_delay(self.policy, number, self.rng))
        attempt = _Attempt(self.request, RetryContext(number, self.max_retry_count, exception))
        self.last = attempt
        self.attempts += 1
        return attempt

    def resolve_paths(self) -> bool:
        try:
            self.paths = _binding_paths(
                self.request.function, self.request.binding_data, self.settings
            )
        except Exception as exc:  # noqa: BLE001  # the host fails the invocation
            self.setup_error = exc
            return False
        return True

    def result(self, raise_exceptions: bool) -> InvocationResult:  # internal
        last = self.last
        if last is None:  # the function never ran: no binding could be resolved
            last = _Attempt(self.request, RetryContext(0, self.max_retry_count))
            last.exception = self.setup_error
        if raise_exceptions and last.exception is not None:
            raise last.exception
        return InvocationResult(
            function=self.request.function,
            return_value=last.return_value,
            outputs=last.outputs,
            encoded=last.encoded,
            logs=self.logs,
            context=last.context,
            exception=last.exception,
            attempts=self.attempts,
            retry_delays=self.delays,
            binding_paths=self.paths,
        )


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
        TypeError: The request lacks the data of an input binding.
    """
    _check_inputs(request)
    run = _Run(request, settings, retries, rng)
    applied = _apply_settings(settings)
    try:
        if run.resolve_paths():
            for number in range(run.allowed):
                attempt = run.new_attempt(number)
                with LogCapture(attempt.context.invocation_id) as capture:
                    await _call_async(attempt)
                run.logs += capture.records
                if attempt.exception is None:
                    break
    finally:
        _restore_settings(applied)
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

    A sync function runs on the calling thread (between the hooks, with the
    invocation id stamped on the thread as the worker's pool does); an
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
    _check_inputs(request)
    run = _Run(request, settings, retries, rng)
    applied = _apply_settings(settings)
    try:
        if run.resolve_paths():
            for number in range(run.allowed):
                attempt = run.new_attempt(number)
                with LogCapture(attempt.context.invocation_id) as capture:
                    _call_here(attempt)
                run.logs += capture.records
                if attempt.exception is None:
                    break
    finally:
        _restore_settings(applied)
    return run.result(raise_exceptions)
