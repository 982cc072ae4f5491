# pyright: strict
"""``Out[T]``: concrete, constructible, recording every value set."""

from __future__ import annotations

import json
import typing

from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.out import Out

FAST = settings(max_examples=25, deadline=None, database=None)


def test_a_new_out_is_unset() -> None:
    """Out() starts unset: get() is None, no values (the reference cannot be instantiated)."""
    out = Out[str]()
    assert out.get() is None
    assert not out.is_set
    assert out.values == []


def test_set_then_get_returns_the_value() -> None:
    """set() records the value and get() returns it."""
    out: Out[str] = Out()
    out.set("hello")
    assert out.get() == "hello"
    assert out.is_set


def test_the_last_value_set_wins_and_history_is_kept() -> None:
    """get() is the last value; values lists them all, oldest first."""
    out = Out[int]()
    out.set(1)
    out.set(2)
    assert out.get() == 2
    assert out.values == [1, 2]


def test_setting_none_counts_as_set_but_writes_nothing() -> None:
    """set(None) is recorded; get() stays None, which the worker treats as no output."""
    out = Out[str | None]()
    out.set(None)
    assert out.is_set
    assert out.get() is None


def test_values_is_a_copy() -> None:
    """Mutating the values list does not change the Out."""
    out = Out[str]()
    out.set("a")
    out.values.append("b")
    assert out.values == ["a"]


def test_outs_are_independent() -> None:
    """Each Out has its own history."""
    first, second = Out[str](), Out[str]()
    first.set("a")
    assert second.get() is None


def test_out_subscription_works_in_annotations() -> None:
    """func.Out[str] is a generic alias of a class named Out (what the worker checks)."""
    alias = Out[str]
    assert typing.get_origin(alias) is Out
    assert typing.get_args(alias) == (str,)
    assert Out.__name__ == "Out"

    def main(msg: Out[str]) -> None: ...

    assert typing.get_type_hints(main)["msg"] == Out[str]


def test_repr_shows_the_value() -> None:
    """The repr shows the current value, or that it is unset."""
    out = Out[str]()
    assert repr(out) == "<Out unset>"
    out.set("x")
    assert repr(out) == "<Out 'x'>"


def test_docs_style_unit_test_with_out() -> None:
    """The Azure docs' pattern: call the function with an Out, assert on get()."""

    def main(name: str, msg: Out[str]) -> str:
        msg.set(json.dumps({"name": name}))
        return f"Hello, {name}"

    msg = Out[str]()
    assert main("azfn", msg) == "Hello, azfn"
    assert json.loads(msg.get() or "") == {"name": "azfn"}


@FAST
@given(st.lists(st.integers()))
def test_history_property(items: list[int]) -> None:
    """values is exactly what was set, get() the last of it."""
    out = Out[int]()
    for item in items:
        out.set(item)
    assert out.values == items
    assert out.get() == (items[-1] if items else None)
    assert out.is_set == bool(items)
