"""Python names to host metadata keys: the one place that knows camelCase."""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"[a-zA-Z]+\d*\Z")
_SNAKE = re.compile(r"([a-zA-Z]+\d*)?(_[a-zA-Z0-9]*)+\Z")


@functools.lru_cache(maxsize=1024)
def to_camel_case(name: str) -> str:
    """Return the metadata key for the Python name *name*.

    A single word (``camelExtra``, ``CapsKey``, ``a1``) is kept as it is;
    snake case becomes camel case (``queue_name`` -> ``queueName``,
    ``_private`` -> ``Private``), exactly as the host has always received it.

    Raises:
        ValueError: *name* is neither a word nor snake case.
    """
    if _WORD.match(name):
        return name
    if _SNAKE.match(name) and name.strip("_"):
        first, *rest = name.split("_")
        return first + "".join(part.title() for part in rest)
    raise ValueError(
        f"{name!r} cannot be a binding field name: use a word (fooBar) or "
        "snake case (foo_bar) made of ASCII letters and digits"
    )
