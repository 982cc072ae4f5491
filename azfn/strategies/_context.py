# pyright: strict
"""Strategies for the invocation context and warm-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

from azfn.context import Context
from azfn.context import RetryContext
from azfn.context import RpcException
from azfn.context import TraceContext
from azfn.strategies._common import Option
from azfn.strategies._common import identifiers
from azfn.strategies._common import ids
from azfn.strategies._common import option
from azfn.warmup import WarmUpContext

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["contexts", "retry_contexts", "trace_contexts", "warm_up_contexts"]


def trace_contexts() -> SearchStrategy[TraceContext]:
    """W3C trace contexts (a valid ``traceparent``)."""
    hexes = st.binary(min_size=24, max_size=24).filter(lambda b: any(b[:16]) and any(b[16:]))
    return hexes.map(lambda b: TraceContext(f"00-{b[:16].hex()}-{b[16:].hex()}-01"))


def retry_contexts(*, max_retry_count: Option[int] | None = None) -> SearchStrategy[RetryContext]:
    """Retry states: attempt ``0..max``, the previous exception after the first."""

    def build(draw: st.DrawFn) -> RetryContext:
        maximum = draw(option(max_retry_count, st.integers(0, 5)))
        count = draw(st.integers(0, max(0, maximum)))
        exception = (
            RpcException(source="function_app", message="ValueError: boom", stack_trace="")
            if count
            else RpcException()
        )
        return RetryContext(count, maximum, exception)

    return st.composite(build)()


def contexts(
    *,
    function_name: Option[str] | None = None,
    retry_context: Option[RetryContext] | None = None,
) -> SearchStrategy[Context]:
    """Invocation contexts: a fresh invocation id, the function's name, trace and retry state."""
    return st.builds(
        Context,
        invocation_id=ids(),
        function_name=option(function_name, identifiers(max_size=16, extra="_")),
        function_directory=st.just("/home/site/wwwroot"),
        trace_context=trace_contexts(),
        retry_context=option(retry_context, retry_contexts()),
    )


def warm_up_contexts() -> SearchStrategy[WarmUpContext]:
    """The warm-up trigger's (empty) context."""
    return st.builds(WarmUpContext)
