"""Exceptions raised by azfn.

::

    AzfnError
     +-- FunctionLoadError (also ValueError): the app cannot be indexed; one
     |   exception carries every Problem found, per function
     +-- RegistrationError (also ValueError): a decorator or blueprint was used
     |   in a way that cannot work
     +-- IntegrationUnavailableError (also NotImplementedError): a feature
         that needs an integration azfn does not provide yet
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "AzfnError",
    "FunctionLoadError",
    "IntegrationUnavailableError",
    "Problem",
    "RegistrationError",
]


class AzfnError(Exception):
    """Base class of every exception azfn raises on purpose."""


class Problem:
    """One reason a function app cannot be indexed.

    Attributes:
        function: the function's name, or ``None`` for an app-wide problem.
        message: what is wrong and what to do about it.
        binding: the binding (or parameter) concerned, when there is one.
    """

    # A plain class: a NamedTuple costs a millisecond at import.
    __slots__ = ("binding", "function", "message")

    def __init__(self, function: str | None, message: str, binding: str | None = None) -> None:
        self.function = function
        self.message = message
        self.binding = binding

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.function, self.message, self.binding) == (
            other.function,
            other.message,
            other.binding,
        )

    def __hash__(self) -> int:
        return hash((self.function, self.message, self.binding))

    def __repr__(self) -> str:
        return f"Problem({self.function!r}, {self.message!r}, binding={self.binding!r})"

    def __str__(self) -> str:
        if self.function is None:
            return self.message
        return f"cannot load the {self.function} function: {self.message}"


class FunctionLoadError(AzfnError, ValueError):
    """The app (or one function) would be rejected by the host.

    Every problem found is in :attr:`problems`, so one run shows them all.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("FunctionLoadError needs at least one problem")
        super().__init__(self._describe())

    def _describe(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems prevent the app from loading:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class RegistrationError(AzfnError, ValueError):
    """A decorator, blueprint or app was combined in a way that cannot work."""


class IntegrationUnavailableError(AzfnError, NotImplementedError):
    """The feature needs an integration that azfn does not offer yet."""
