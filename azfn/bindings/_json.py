# pyright: strict
"""Binding values as the host's JSON: enums by their host spelling, ``None`` dropped.

Indexing renders every binding of every function, so :func:`json_text` is
written for speed: type checks by identity and the text of enum members and
of lists of them cached (members are singletons).
"""

from __future__ import annotations

import datetime
import enum
import json
import typing
from collections.abc import Mapping
from json.encoder import encode_basestring_ascii as quote  # what json.dumps uses

from azfn.enums import StringifyEnum

__all__ = ["json_text", "quote", "to_json", "to_repr"]

_SCALARS = frozenset({str, int, float, bool})


def to_json(value: object) -> object:
    """Make *value* JSON-ready: enums by their host spelling, ``None`` dropped."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, StringifyEnum):
        return value.json_value()
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, Mapping):
        items = typing.cast("Mapping[object, object]", value).items()
        return {str(k): to_json(v) for k, v in items if v is not None}
    if isinstance(value, (list, tuple)):
        seq = typing.cast("list[object] | tuple[object, ...]", value)
        return [to_json(v) for v in seq if v is not None]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


# JSON text of enum members by id(): members are singletons, and ``.name``
# goes through a slow descriptor.
_MEMBER_JSON: dict[int, str] = {}
_LIST_JSON: dict[tuple[int, ...], str] = {}


def _member_json(member: StringifyEnum) -> str:
    text = _MEMBER_JSON.get(id(member))
    if text is None:
        text = _MEMBER_JSON[id(member)] = json.dumps(member.json_value())
    return text


def json_text(value: object) -> str:
    """Return ``json.dumps(to_json(value))``, fast for plain scalars."""
    # Hot when indexing: type checks by identity, no typing.cast calls.
    kind = type(value)
    if kind is str:
        return quote(value)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)  # pyright: ignore[reportArgumentType]
    if isinstance(value, StringifyEnum):
        return _member_json(value)
    if kind is list:
        items = typing.cast("list[object]", value)
        # Lists of enum members (HTTP methods) are common: one text per list.
        key = tuple(map(id, items))
        text = _LIST_JSON.get(key)
        if text is not None:
            return text
        if all(isinstance(item, StringifyEnum) for item in items):
            members = typing.cast("list[StringifyEnum]", items)
            text = "[" + ", ".join([_member_json(m) for m in members]) + "]"
            if len(_LIST_JSON) < 256:  # members live forever: their ids are stable
                _LIST_JSON[key] = text
            return text
    return json.dumps(to_json(value))


def to_repr(value: object) -> object:
    """Drop ``None`` recursively but keep enum objects (``get_dict_repr``)."""
    if isinstance(value, Mapping):
        items = typing.cast("Mapping[object, object]", value).items()
        return {k: to_repr(v) for k, v in items if v is not None}
    if isinstance(value, (list, tuple)):
        seq = typing.cast("list[object] | tuple[object, ...]", value)
        return [to_repr(v) for v in seq if v is not None]
    return value
