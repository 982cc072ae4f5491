# pyright: strict
"""Building blocks shared by the strategies: options, times, JSON, ids, bodies."""

from __future__ import annotations

import datetime
import json
from typing import TypeAlias
from typing import TypeVar
from typing import Union

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

__all__ = [
    "JSON_TEXT",
    "Option",
    "bodies",
    "identifiers",
    "ids",
    "json_objects",
    "json_values",
    "option",
    "times",
]

T = TypeVar("T")

#: An option of a strategy function: a fixed value or a strategy of values.
Option: TypeAlias = Union[T, SearchStrategy[T]]  # noqa: UP007  # a runtime alias on 3.10


def option(value: Option[T] | None, default: SearchStrategy[T]) -> SearchStrategy[T]:
    """The strategy for an option: *default* when None, ``st.just`` for a plain value."""
    if value is None:
        return default
    if isinstance(value, SearchStrategy):
        return value  # pyright: ignore[reportUnknownVariableType]
    return st.just(value)


_UTC = datetime.timezone.utc


def times(*, whole_seconds: bool = False) -> SearchStrategy[datetime.datetime]:
    """UTC times from 2015 to 2035 (to the millisecond, or the second as Storage reports)."""
    base = st.datetimes(
        min_value=datetime.datetime(2015, 1, 1),
        max_value=datetime.datetime(2035, 12, 31),
        timezones=st.just(_UTC),
    )
    if whole_seconds:
        return base.map(lambda t: t.replace(microsecond=0))
    return base.map(lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000))


_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=10)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
)


def json_values() -> SearchStrategy[object]:
    """Values that round-trip through JSON (no NaN, string keys, safe integers)."""
    return st.recursive(
        _SCALARS,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
        max_leaves=8,
    )


def json_objects() -> SearchStrategy[dict[str, object]]:
    """JSON objects (dicts) of :func:`json_values`."""
    return st.dictionaries(_KEYS, json_values(), max_size=4)


#: A JSON object's text.
JSON_TEXT = json_objects().map(json.dumps)


_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()
_DIGITS = "0123456789"


def identifiers(*, max_size: int = 10, upper: bool = False, extra: str = "") -> SearchStrategy[str]:
    """Names that start with a letter: ``[a-z][a-z0-9<extra>]*`` (capitals too with *upper*).

    Cheaper to draw than ``st.from_regex``, which matters for strategies
    used in every example.
    """
    letters = _LOWER + (_UPPER if upper else "")
    first = st.sampled_from(letters)
    rest = st.text(letters + _DIGITS + extra, max_size=max_size - 1)
    return st.tuples(first, rest).map("".join)


def ids() -> SearchStrategy[str]:
    """uuid4 text, the form of the host's ids."""
    return st.uuids(version=4).map(str)


def bodies() -> SearchStrategy[bytes]:
    """Message bodies as the services carry them: UTF-8 text, JSON, or raw bytes."""
    text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)
    return (
        text.map(lambda s: s.encode("utf-8"))
        | JSON_TEXT.map(lambda s: s.encode("utf-8"))
        | st.binary(max_size=200)
    )
