# pyright: strict
"""What a test's invocations were, for failure reports.

The pytest plugin starts a :class:`Recorder` for each test; every
:class:`~azfn.testing.Client` call made while it is active adds a
:class:`Recorded` entry (function, inputs, outcome, logs). When the test
fails, the plugin prints them under "azfn invocations", so the report shows
what the function was given and what it logged, not only the assertion.
"""

from __future__ import annotations

import contextvars
import logging
import reprlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterator
    from collections.abc import Mapping

    from azfn.host._invoker import InvocationResult

__all__ = ["Recorded", "Recorder", "current_recorder"]

_CURRENT: contextvars.ContextVar[Recorder | None] = contextvars.ContextVar(
    "azfn_recorder", default=None
)
_REPR = reprlib.Repr()
_REPR.maxstring = 200
_REPR.maxother = 200
_FORMATTER = logging.Formatter("%(levelname)-8s %(name)s: %(message)s")


class Recorded:
    """One call a test made through the client.

    Attributes:
        function: The function's name (``None`` when no route matched).
        call: What the test asked for: ``invoke(...)`` inputs or the request line.
        outcome: The status code, the return value, or the exception.
        invocation: The invocation, when a function ran.
    """

    __slots__ = ("call", "function", "invocation", "outcome")

    def __init__(
        self,
        function: str | None,
        call: str,
        outcome: str,
        invocation: InvocationResult | None,
    ) -> None:
        self.function = function
        self.call = call
        self.outcome = outcome
        self.invocation = invocation

    def describe(self) -> str:
        """The entry as report text: call, outcome, then the captured logs."""
        lines = [f"{self.function or '(no function)'}: {self.call}", f"  -> {self.outcome}"]
        invocation = self.invocation
        if invocation is not None:
            if invocation.logs:
                lines.append("  logs:")
                lines.extend(f"    {_FORMATTER.format(r)}" for r in invocation.logs)
            else:
                lines.append("  logs: (none)")
        return "\n".join(lines)


class Recorder:
    """Collects the client calls made while it is active (a context manager).

    Only the last :attr:`KEEP` calls are kept (a property test makes
    hundreds; Hypothesis replays the failing example last), with a count of
    the others.
    """

    KEEP = 10

    def __init__(self) -> None:
        self.entries: list[Recorded] = []
        self.dropped = 0
        self._token: contextvars.Token[Recorder | None] | None = None

    def add(self, entry: Recorded) -> None:
        """Record one call, forgetting the oldest beyond :attr:`KEEP`."""
        self.entries.append(entry)
        if len(self.entries) > self.KEEP:
            del self.entries[0]
            self.dropped += 1

    def __enter__(self) -> Recorder:
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            _CURRENT.reset(self._token)
            self._token = None

    def __iter__(self) -> Iterator[Recorded]:
        return iter(self.entries)

    def report(self) -> str:
        """The kept entries, for a failure report."""
        text = "\n\n".join(entry.describe() for entry in self.entries)
        if self.dropped:
            text = f"({self.dropped} earlier invocations not shown)\n\n{text}"
        return text


#: The active recorder, if a test is running under the plugin, else None. The
#: context variable's own getter: the client asks on every call, and a C
#: method costs a fraction of a Python function.
current_recorder: Callable[[], Recorder | None] = _CURRENT.get


def describe_inputs(inputs: Mapping[str, object]) -> str:
    """``invoke`` inputs as ``name=value`` text, long values shortened."""
    return ", ".join(f"{name}={_REPR.repr(value)}" for name, value in inputs.items())


def describe_outcome(result: InvocationResult) -> str:
    """What an invocation ended with."""
    if result.exception is not None:
        return f"raised {type(result.exception).__name__}: {result.exception}"
    text = f"returned {_REPR.repr(result.return_value)}"
    outputs = {k: v for k, v in result.outputs.items() if k != "$return"}
    if outputs:
        text += f"; outputs {describe_inputs(outputs)}"
    return text
