# pyright: strict
"""One run of a function, as the worker makes it (host-semantics §A2.1, §A2.2).

:class:`CallPlan` is worked out once per function
(:attr:`FunctionInfo.call_plan <azfn.host.FunctionInfo.call_plan>`): how each
parameter is fed (the invocation context, a fresh ``Out``, its binding's
converter, or the worker's generic binding), how outputs and the return value
are encoded, and the binding properties when none holds an expression.

:class:`Attempt` is one run: it builds the context, decodes the inputs,
calls the function between the extension hooks with its logs captured, and
applies the worker's return rules with the worker's error texts.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import itertools
import json
import os
import threading
from typing import TYPE_CHECKING
from typing import Final
from typing import cast

from azfn.context import RetryContext
from azfn.extension.extension_meta import ExtensionMeta
from azfn.extension.invocation import InvocationHooks
from azfn.extension.invocation import invoke_with_hooks
from azfn.host._delivery import MissingInputError
from azfn.host._functions import type_hints
from azfn.host._functions import value_type
from azfn.host._logs import begin_invocation
from azfn.host._logs import bind_invocation
from azfn.host._logs import end_invocation
from azfn.host._result import InvocationResult
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

    from azfn.host._invoker import InvocationRequest
    from azfn.host._model import FunctionInfo

    Decode = Callable[..., object]

__all__ = ["RETURN", "Attempt", "CallPlan", "binding_paths"]

RETURN: Final = "$return"
_EMPTY: Final[Mapping[str, Datum]] = {}
# Binding properties that are not resolved as binding expressions.
_NOT_EXPRESSIONS = frozenset({"name", "type", "direction", "dataType"})
# How a parameter is fed.
_CONTEXT, _OUT, _DECODE = 0, 1, 2
# Log keys of invocations whose context nobody asked for (see Attempt.__init__).
_LOCAL_KEYS = itertools.count()


# --- the worker's generic binding --------------------------------------------------------


def _generic_decode(data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> object:
    """Raw data through (host-semantics §A2.1 step 5)."""
    del trigger_metadata  # the generic binding ignores it
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


# --- binding expressions -----------------------------------------------------------------


def binding_paths(
    function: FunctionInfo, binding_data: Mapping[str, str], settings: Mapping[str, str]
) -> dict[str, dict[str, str]]:
    """Each input/output binding's string properties, binding expressions resolved.

    Raises:
        azfn.host._expressions.BindingExpressionError: an expression cannot be
            resolved (the host fails the invocation).
    """
    from azfn.host._expressions import is_expression
    from azfn.host._expressions import resolve

    paths: dict[str, dict[str, str]] = {}
    for binding in (*function.inputs, *function.outputs):
        props: dict[str, str] = {}
        for key, value in binding.raw.items():
            if is_expression(key, value):
                props[key] = resolve(cast("str", value), binding_data, settings)
            elif isinstance(value, str) and key not in _NOT_EXPRESSIONS:
                props[key] = value
        paths[binding.name] = props
    return paths


# --- the plan ----------------------------------------------------------------------------


class CallPlan:
    """How one function is called, worked out once.

    Attributes:
        arguments: Per parameter: name, how it is fed, its binding's name,
            the decoder, and whether the decoder gets the trigger metadata.
        outputs: Per ``Out`` parameter: name, binding type, the value type
            its annotation names, whether the generic binding encodes it.
        return_type: The return binding's type, or None.
        return_expected: The return annotation (``inspect.Parameter.empty``
            if none).
        static_paths: The binding properties when no binding expression
            needs resolving, else None.
        takes_context: Whether a parameter receives the context.
        first_retry: The retry context of a first attempt.
        retries: Whether the function has a retry policy.
    """

    __slots__ = (
        "arguments",
        "first_retry",
        "outputs",
        "retries",
        "return_expected",
        "return_type",
        "static_paths",
        "takes_context",
    )

    def __init__(self, function: FunctionInfo) -> None:
        registry = get_binding_registry()
        arguments: list[tuple[str, int, str, Decode | None, bool]] = []
        outputs: list[tuple[str, str, object, bool]] = []
        for param in function.parameters:
            binding = param.binding
            if param.is_context:
                arguments.append((param.name, _CONTEXT, "", None, False))
            elif param.is_out:
                arguments.append((param.name, _OUT, "", None, False))
                if binding is not None:
                    expected = value_type(param.annotation)
                    outputs.append((param.name, binding.type, expected, param.generic))
            else:
                assert binding is not None  # only context has no binding
                converter = None if param.generic else registry.get(binding.type)
                found: object = getattr(converter, "decode", None)
                decode: Decode = found if callable(found) else _generic_decode
                arguments.append((param.name, _DECODE, binding.name, decode, binding.is_trigger))
        self.arguments = tuple(arguments)
        self.takes_context = any(a[1] == _CONTEXT for a in arguments)
        self.outputs = tuple(outputs)
        returned = function.return_binding
        self.return_type = returned.type if returned is not None else None
        self.return_expected: object = (
            type_hints(function.func).get("return", inspect.Parameter.empty)
            if returned is not None
            else inspect.Parameter.empty
        )
        self.static_paths = None if function.uses_binding_data else binding_paths(function, {}, {})
        retry = function.retry
        self.retries = retry is not None
        self.first_retry = RetryContext(0, retry.max_retry_count if retry else 0)

    def decoder(self, binding_name: str) -> Decode | None:
        """What decodes the binding's data, when exactly one parameter reads it."""
        found = [a[3] for a in self.arguments if a[1] == _DECODE and a[2] == binding_name]
        return found[0] if len(found) == 1 else None

    def missing_input(self, request: InvocationRequest, name: str) -> MissingInputError:
        """The error for a request that lacks the data of the input binding *name*."""
        function = request.function
        binding = function.binding(name)
        kind = binding.type if binding is not None else "?"
        needed = [f"{b.name!r} ({b.type})" for b in (function.trigger, *function.inputs)]
        return MissingInputError(
            f"no input data for binding {name!r} ({kind}) of function "
            f"{function.name!r}: it needs {', '.join(needed)} and was given "
            f"{', '.join(map(repr, request.inputs)) or 'nothing'}"
        )


# --- one run -----------------------------------------------------------------------------


def _hooks(function_name: str) -> InvocationHooks | None:
    """The extension hooks for the function, or None when there are none."""
    # The registry is read directly first: most apps have no extension and
    # this runs per invocation (tests assign _func_exts: nothing is cached).
    registry = ExtensionMeta
    if registry._app_exts is None and not registry._func_exts:  # pyright: ignore[reportPrivateUsage]
        return None
    app = ExtensionMeta.get_application_hooks()
    function = ExtensionMeta.get_function_hooks(function_name)
    return None if app is None and function is None else InvocationHooks(app, function)


class Attempt(InvocationResult):
    """One run of the function: its arguments, how it runs, and its outcome.

    The invocation's result is its last attempt (see :mod:`._result`).
    """

    __slots__ = ("args", "hooks", "log_key", "plan", "request")

    def __init__(self, request: InvocationRequest, retry_context: RetryContext) -> None:
        function = request.function
        self.request = request
        self.function = function
        self.plan = plan = function.call_plan
        self.hooks = hooks = _hooks(function.name)
        self.args: dict[str, object] = {}
        self.return_value = None
        self.outputs = {}
        self.encoded = {}
        self.exception = None
        self.logs = []  # this run's records, until conclude() gives every run's
        self.attempts = 1
        self.retry_delays = []
        self._context = None
        self._paths = None
        self._retry_context = retry_context
        # What this run's log records are attributed by: the invocation id when
        # the function or a hook gets the context (a thread it starts may stamp
        # that id); otherwise a cheap local key, as nothing can name the id (a
        # uuid is made only if a test reads ``context`` afterwards).
        self.log_key = (
            self.context.invocation_id
            if plan.takes_context or hooks is not None
            else f"local-{next(_LOCAL_KEYS)}"
        )

    def conclude(
        self,
        logs: list[logging.LogRecord],
        attempts: int,
        retry_delays: list[datetime.timedelta],
        binding_paths: dict[str, dict[str, str]],
    ) -> InvocationResult:
        """This last attempt as the result of a run of several (or none, when it
        could not start)."""
        self.logs = logs
        self.attempts = attempts
        self.retry_delays = retry_delays
        self._paths = binding_paths
        return self

    def call(self) -> object:
        """Call a sync function, between the hooks when there are any."""
        func = self.function.func
        if self.hooks is None:
            return func(**self.args)
        return invoke_with_hooks(func, self.args, self.context, hooks=self.hooks)

    def prepare(self) -> None:
        """Decode the inputs, create the ``Out`` objects, inject ``context``.

        Raises:
            MissingInputError: The request lacks an input binding's data (the
                caller's error, not the invocation's failure).
        """
        args = self.args
        request = self.request
        inputs = request.inputs
        metadata = request.trigger_metadata
        decoded = request.decoded
        for name, kind, binding_name, decode, is_trigger in self.plan.arguments:
            if kind == _DECODE:
                if binding_name in decoded:
                    args[name] = decoded[binding_name]
                    continue
                assert decode is not None  # decoded parameters have a decoder
                data = inputs.get(binding_name)
                if data is None:  # checked here, where it is read: free when present
                    raise self.plan.missing_input(request, binding_name)
                args[name] = decode(data, trigger_metadata=metadata if is_trigger else _EMPTY)
            elif kind == _OUT:
                args[name] = Out()
            else:
                args[name] = self.context

    def finish(self, value: object) -> None:
        """Apply the return rules and encode the outputs (host-semantics §A2.2)."""
        plan = self.plan
        self.return_value = value
        if plan.return_type is None and value is not None:
            raise RuntimeError(
                f"function {self.function.name!r} without a $return binding "
                "returned a non-None value"
            )
        for name, binding_type, expected, generic in plan.outputs:
            out = self.args.get(name)
            if not isinstance(out, Out):
                continue
            result = cast("Out[object]", out).get()
            if result is None:
                continue  # the worker skips an Out left None
            self.encoded[name] = _encode(binding_type, result, expected, generic=generic)
            self.outputs[name] = result
        if plan.return_type is not None:
            self.encoded[RETURN] = _encode(
                plan.return_type, value, plan.return_expected, generic=False
            )
            self.outputs[RETURN] = value

    def run_here(self) -> None:
        """Run a sync function on this thread, as the worker's pool thread does."""
        key = self.log_key
        state = begin_invocation(key, self.logs)
        try:
            self.prepare()
            self.finish(self.call())
        except MissingInputError:
            raise  # an incomplete request: the caller's error
        except Exception as exc:  # noqa: BLE001  # the invocation's failure, reported
            self.exception = exc
        finally:
            end_invocation(key, state)

    async def run_async(self) -> None:
        """Run on the event loop: await an ``async def`` function, pool a sync one."""
        from azfn.extension.invocation import invoke_with_hooks_async

        function = self.function
        key = self.log_key
        state = begin_invocation(key, self.logs)
        try:
            self.prepare()
            if function.is_async:
                func = cast("Callable[..., Awaitable[object]]", function.func)
                value = await (
                    func(**self.args)
                    if self.hooks is None
                    else invoke_with_hooks_async(func, self.args, self.context, hooks=self.hooks)
                )
            else:
                loop = asyncio.get_running_loop()
                ctx = contextvars.copy_context()
                call = functools.partial(_run_pooled, self, key)
                value = await loop.run_in_executor(_pool(), ctx.run, call)
            self.finish(value)
        except MissingInputError:
            raise  # an incomplete request: the caller's error
        except Exception as exc:  # noqa: BLE001  # the invocation's failure, reported
            self.exception = exc
        finally:
            end_invocation(key, state)


# --- the worker's thread pool --------------------------------------------------------------

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


def _run_pooled(attempt: Attempt, key: str) -> object:
    # The worker stamps the invocation id on the pool thread that runs it.
    with bind_invocation(key):
        return attempt.call()
