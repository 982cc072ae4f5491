# pyright: strict
"""What an invocation produced: :class:`InvocationResult`.

The result *is* the invocation's last attempt (:class:`~azfn.host._attempt.Attempt`
subclasses it): the function's outcome is read straight from the run that
produced it, and the invocation's totals (every attempt's logs, the retry
record) are set on it when the run ends. One object per invocation rather
than two, because a test may make thousands of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from azfn._ids import uuid4
from azfn.context import Context
from azfn.host._logs import THREAD_LOCAL

if TYPE_CHECKING:
    import datetime
    import logging

    from azfn.context import RetryContext
    from azfn.host._model import FunctionInfo
    from azfn.meta import Datum

__all__ = ["InvocationResult"]


class InvocationResult:
    """What one invocation (with its retries) produced.

    Made by :func:`azfn.host.invoke` and :meth:`azfn.testing.Client.invoke`,
    not by hand.

    Attributes:
        function: The invoked function.
        return_value: What the function returned (last attempt).
        outputs: Each output's Python value by binding name (``Out`` values
            that were set, and ``"$return"`` when there is a return binding).
        encoded: The same outputs as the host receives them.
        logs: The log records of every attempt.
        exception: What made the last attempt fail, or None.
        attempts: How many times the function ran.
        retry_delays: The delays the host would have waited between attempts.
    """

    __slots__ = (
        "_context",
        "_paths",
        "_retry_context",
        "attempts",
        "encoded",
        "exception",
        "function",
        "logs",
        "outputs",
        "retry_delays",
        "return_value",
    )

    function: FunctionInfo
    return_value: object
    outputs: dict[str, object]
    encoded: dict[str, Datum]
    logs: list[logging.LogRecord]
    exception: BaseException | None
    attempts: int
    retry_delays: list[datetime.timedelta]
    # None until needed: the context is made when the function, a hook or a
    # test asks for it; the paths, when they are static, copied when read.
    _context: Context | None
    _paths: dict[str, dict[str, str]] | None
    _retry_context: RetryContext

    @property
    def context(self) -> Context:
        """The last attempt's context (invocation id, retry context...)."""
        context = self._context
        if context is None:
            function = self.function
            context = self._context = Context(
                invocation_id=uuid4(),
                function_name=function.name,
                function_directory=function.directory,
                retry_context=self._retry_context,
                thread_local_storage=THREAD_LOCAL,
            )
        return context

    @property
    def binding_paths(self) -> dict[str, dict[str, str]]:
        """Each input/output binding's string properties, binding expressions resolved."""
        paths = self._paths
        if paths is None:
            static = self.function.call_plan.static_paths or {}
            # Copies: the result is the caller's to change.
            paths = self._paths = {name: dict(props) for name, props in static.items()}
        return paths

    def __repr__(self) -> str:
        outcome = (
            f"exception={self.exception!r}"
            if self.exception is not None
            else f"return_value={self.return_value!r}"
        )
        return (
            f"<InvocationResult {self.function.name!r} {outcome} "
            f"outputs={sorted(self.outputs)} attempts={self.attempts}>"
        )
