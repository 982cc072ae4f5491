# pyright: strict
"""How a binding field's value is parsed: enum fields accept their members or names.

A field annotated with a :class:`~azfn.enums.StringifyEnum` (or a list of
one, or an optional one) accepts the member, its name or its host spelling,
as the reference does; :func:`parser_for` gives the parser for an
annotation, or ``None`` when the value is stored as given.
"""

from __future__ import annotations

import collections.abc
import typing
from collections.abc import Callable

from azfn.enums import StringifyEnum

__all__ = ["Parser", "parser_for"]

Parser = Callable[[object], object]


def _enum_in(hint: object) -> type[StringifyEnum] | None:
    for arg in typing.get_args(hint) or (hint,):
        # get_origin: list[str] passes isinstance(..., type) on Python 3.10.
        if (
            typing.get_origin(arg) is None
            and isinstance(arg, type)
            and issubclass(arg, StringifyEnum)
        ):
            return arg
    return None


def _enum_parser(enum_type: type[StringifyEnum]) -> Parser:
    return enum_type.parse


def _list_parser(enum_type: type[StringifyEnum]) -> Parser:
    # Apps repeat the same lists (methods=["GET", "POST"]): parse each once.
    seen: dict[tuple[object, ...], list[object]] = {}

    def parse(value: object) -> object:
        # A lone string is one item, not an iterable of characters.
        if isinstance(value, str):
            return [enum_type.parse(value)]
        # A list, the common case, skips the (Python-level) ABC check.
        if type(value) is not list and not isinstance(value, collections.abc.Iterable):
            raise ValueError(f"expected a list of {enum_type.__name__}, got {value!r}")
        items = tuple(typing.cast("collections.abc.Iterable[object]", value))
        try:
            return list(seen[items])
        except KeyError:
            parsed: list[object] = [enum_type.parse(item) for item in items]
        except TypeError:  # unhashable items: not cached
            return [enum_type.parse(item) for item in items]
        if len(seen) < 256:  # a bounded cache: it lives as long as the class
            seen[items] = parsed
        return list(parsed)

    return parse


def parser_for(hint: object) -> Parser | None:
    enum_type = _enum_in(hint)
    if enum_type is not None:
        return _enum_parser(enum_type)
    for arg in typing.get_args(hint) or (hint,):
        if typing.get_origin(arg) in (collections.abc.Iterable, list):
            enum_type = _enum_in(typing.get_args(arg)[0])
            if enum_type is not None:
                return _list_parser(enum_type)
    return None
