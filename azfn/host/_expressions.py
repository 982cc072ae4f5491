# pyright: strict
"""Binding expressions: ``{name}``, ``%Setting%`` and the built-ins (host-semantics §A7.1).

:func:`resolve` applies the host's two passes to a binding string (a blob
``path``, a ``queueName``...): first every ``%Name%`` is replaced by the app
setting of that name, then every ``{expression}`` token by a value from the
trigger's binding data or a built-in. ``{{`` and ``}}`` are literal braces.

Expressions are names with dots (``{data.id}`` navigates nested JSON objects);
lookups ignore case. Built-ins win over binding data: ``{rand-guid}``
(``{rand-guid:N}``, also ``{sys.randguid}``), ``{DateTime}`` /
``{datetime:<.NET format>}`` (UTC, default ``yyyy-MM-ddTHH-mm-ssK``) and
``{sys.UtcNow}``. A JSON object or array formats as an empty string; a
nested value may also be given as its JSON text (as :func:`trigger_inputs`
reports binding data), which navigation parses. A string that is the JSON text
of an object is, however, kept as text: the ``str`` form cannot tell it
from a real string property.

:func:`blob_path_captures` matches a blob trigger's path pattern
(host-semantics §A7.2): each ``{name}`` is a greedy ``.*`` capture, the
match is anchored and case-sensitive, and the container may not hold tokens.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import typing
import uuid
from typing import TYPE_CHECKING

from azfn.errors import AzfnError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "BindingExpressionError",
    "blob_path_captures",
    "format_datetime",
    "is_expression",
    "resolve",
]

DEFAULT_DATETIME_FORMAT = "yyyy-MM-ddTHH-mm-ssK"

_NAME = re.compile(r"[\w\-$@]+(?:\.[\w\-$@]+)*\Z")


# Binding properties that are never binding expressions.
_NOT_EXPRESSIONS = frozenset({"name", "type", "direction", "dataType"})


def is_expression(key: str, value: object) -> bool:
    """Whether the binding property *key* = *value* is resolved from binding data.

    Strings holding ``{...}`` or ``%...%`` are, except JSON documents (MCP
    tool properties, metadata), which merely contain braces.
    """
    if key in _NOT_EXPRESSIONS or not isinstance(value, str):
        return False
    if "{" not in value and "%" not in value:
        return False
    if value.lstrip().startswith(("{", "[")):
        try:
            return not isinstance(json.loads(value), (dict, list))
        except ValueError:
            return True
    return True


class BindingExpressionError(AzfnError, ValueError):
    """A binding expression is malformed or names a value that does not exist."""


# --- template parsing ------------------------------------------------------------


def _tokens(template: str) -> list[tuple[bool, str]]:
    """Split *template* into (is_expression, text) parts; ``{{``/``}}`` unescaped.

    Raises:
        BindingExpressionError: a brace is unbalanced or an expression is empty.
    """
    parts: list[tuple[bool, str]] = []
    literal: list[str] = []
    i, n = 0, len(template)
    while i < n:
        char = template[i]
        if char == "{":
            if template.startswith("{{", i):
                literal.append("{")
                i += 2
                continue
            end = template.find("}", i + 1)
            inner = template[i + 1 : end] if end != -1 else ""
            if end == -1 or "{" in inner:
                raise BindingExpressionError(
                    f"Invalid template {template!r}. Missing closing bracket at position {i}."
                )
            if not inner:
                raise BindingExpressionError(
                    f"Invalid template {template!r}. Empty expression at position {i}."
                )
            if literal:
                parts.append((False, "".join(literal)))
                literal = []
            parts.append((True, inner))
            i = end + 1
        elif char == "}":
            if template.startswith("}}", i):
                literal.append("}")
                i += 2
                continue
            raise BindingExpressionError(
                f"Invalid template {template!r}. Missing opening bracket for the '}}' "
                f"at position {i} (write '}}}}' for a literal brace)."
            )
        else:
            literal.append(char)
            i += 1
    if literal:
        parts.append((False, "".join(literal)))
    return parts


def _split_expression(expression: str, template: str) -> tuple[str, str | None]:
    name, colon, fmt = expression.partition(":")
    if not _NAME.match(name):
        raise BindingExpressionError(
            f"Invalid binding expression {{{expression}}} in {template!r}: expected a name "
            "such as {id} or {data.id}"
        )
    return name, (fmt if colon else None)


# --- settings ----------------------------------------------------------------------


def _resolve_settings(template: str, settings: Mapping[str, str]) -> str:
    out: list[str] = []
    i = 0
    while True:
        start = template.find("%", i)
        if start == -1:
            out.append(template[i:])
            return "".join(out)
        end = template.find("%", start + 1)
        if end == -1:
            raise BindingExpressionError(
                f"The '%' at position {start} of {template!r} does not have a closing '%'"
            )
        name = template[start + 1 : end]
        value = settings.get(name) if name else None
        if value is None and name:
            value = os.environ.get(name)
        if value is None:
            raise BindingExpressionError(
                f"'%{name}%' in {template!r} does not resolve to a value: add {name!r} to "
                "local.settings.json Values (or pass settings=...)"
            )
        out.append(template[i:start])
        out.append(value)
        i = end + 1


# --- values --------------------------------------------------------------------------


def _lookup(mapping: Mapping[str, object], key: str) -> tuple[bool, object]:
    if key in mapping:
        return True, mapping[key]
    folded = key.casefold()
    for name, value in mapping.items():
        if name.casefold() == folded:
            return True, value
    return False, None


def _as_container(value: object) -> object:
    if isinstance(value, str) and value[:1] in {"{", "["}:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _find(name: str, binding_data: Mapping[str, object], template: str) -> object:
    found, value = _lookup(binding_data, name)
    if found:
        return value
    head, *rest = name.split(".")
    found, value = _lookup(binding_data, head)
    if not found:
        keys = ", ".join(sorted(binding_data, key=str.casefold)) or "(none)"
        raise BindingExpressionError(
            f"No value for named parameter {head!r}. (in {template!r}; the trigger's "
            f"binding data has: {keys})"
        )
    for segment in rest:
        container = _as_container(value)
        found = False
        if isinstance(container, dict):
            found, value = _lookup(typing.cast("dict[str, object]", container), segment)
        if not found:
            raise BindingExpressionError(
                f"Error while accessing {segment!r} of {name!r} in {template!r}: "
                "property doesn't exist."
            )
    return value


def _format_value(value: object) -> str:
    if value is None or isinstance(value, (dict, list, tuple)):
        return ""  # JSON null, objects and arrays format as nothing
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        return format_datetime(value, DEFAULT_DATETIME_FORMAT)
    return str(value)


def _guid(fmt: str | None, template: str) -> str:
    value = uuid.uuid4()
    code = (fmt or "D").upper()
    if code == "N":
        return value.hex
    if code == "D":
        return str(value)
    if code == "B":
        return "{" + str(value) + "}"
    if code == "P":
        return "(" + str(value) + ")"
    raise BindingExpressionError(
        f"Invalid format {fmt!r} for rand-guid in {template!r}: use N, D, B or P"
    )


def _utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _builtin(name: str, fmt: str | None, template: str) -> str | None:
    lowered = name.lower()
    if lowered in {"rand-guid", "sys.randguid"}:
        return _guid(fmt, template)
    if lowered in {"datetime", "sys.utcnow"}:
        return format_datetime(_utcnow(), fmt or DEFAULT_DATETIME_FORMAT)
    return None


def resolve(template: str, binding_data: Mapping[str, object], settings: Mapping[str, str]) -> str:
    """Resolve a binding string the way the host does (host-semantics §A7.1).

    Args:
        template: the binding property, e.g. ``"results/{id}-%Env%.txt"``.
        binding_data: the trigger's binding data (keys ignore case).
        settings: app settings for ``%Name%``; ``os.environ`` is the fallback.

    Returns:
        The resolved string.

    Raises:
        BindingExpressionError: a brace or ``%`` is unbalanced, a setting is
            missing, or an expression names no value ("No value for named
            parameter 'x'.").
    """
    text = _resolve_settings(template, settings) if "%" in template else template
    if "{" not in text and "}" not in text:
        return text
    out: list[str] = []
    for is_expression, part in _tokens(text):
        if not is_expression:
            out.append(part)
            continue
        name, fmt = _split_expression(part, template)
        builtin = _builtin(name, fmt, template)
        out.append(
            builtin if builtin is not None else _format_value(_find(name, binding_data, template))
        )
    return "".join(out)


# --- .NET date formats ----------------------------------------------------------------

_DATE_TOKEN = re.compile(
    r"yyyy|yyy|yy|y|MMMM|MMM|MM|M|dddd|ddd|dd|d|HH|H|hh|h|mm|m|ss|s|f{1,7}|F{1,7}"
    r"|tt|t|K|zzz|zz|z|'[^']*'|\"[^\"]*\"|\\.|.",
    re.DOTALL,
)


def _offset(value: datetime.datetime, style: str) -> str:
    delta = value.utcoffset() or datetime.timedelta(0)
    sign = "-" if delta < datetime.timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    hours, minutes = divmod(minutes, 60)
    if style == "z":
        return f"{sign}{hours}"
    if style == "zz":
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{minutes:02d}"


def _year(year: int, width: int) -> str:
    if width == 1:
        return str(year % 100)
    if width == 2:
        return f"{year % 100:02d}"
    return f"{year:0{width}d}"


def format_datetime(value: datetime.datetime, fmt: str) -> str:
    """Format *value* with a .NET custom date format (``yyyy-MM-ddTHH-mm-ssK``)."""
    out: list[str] = []
    for token in _DATE_TOKEN.findall(fmt):
        head = token[0]
        if head in {"'", '"'}:
            out.append(token[1:-1])
        elif head == "\\":
            out.append(token[1:])
        elif head == "y":
            out.append(_year(value.year, len(token)))
        elif head == "M":
            out.append(
                [
                    str(value.month),
                    f"{value.month:02d}",
                    value.strftime("%b"),
                    value.strftime("%B"),
                ][len(token) - 1]
            )
        elif head == "d":
            out.append(
                [str(value.day), f"{value.day:02d}", value.strftime("%a"), value.strftime("%A")][
                    len(token) - 1
                ]
            )
        elif head == "H":
            out.append(f"{value.hour:0{len(token)}d}")
        elif head == "h":
            out.append(f"{(value.hour % 12) or 12:0{len(token)}d}")
        elif head == "m":
            out.append(f"{value.minute:0{len(token)}d}")
        elif head == "s":
            out.append(f"{value.second:0{len(token)}d}")
        elif head in {"f", "F"}:
            digits = f"{value.microsecond:06d}0"[: len(token)]
            out.append(digits.rstrip("0") if head == "F" else digits)
        elif head == "t":
            marker = "AM" if value.hour < 12 else "PM"
            out.append(marker if len(token) == 2 else marker[0])
        elif token == "K":
            delta = value.utcoffset()
            out.append("" if delta is None else "Z" if not delta else _offset(value, "zzz"))
        elif head == "z":
            out.append(_offset(value, token))
        else:
            out.append(token)
    return "".join(out)


# --- blob paths -----------------------------------------------------------------------


def blob_path_captures(pattern: str, blob_path: str) -> dict[str, str] | None:
    """Match a blob trigger's ``container/pattern`` against ``container/name``.

    Each ``{name}`` is a greedy ``.*`` capture; the match is anchored at both
    ends and case-sensitive (host-semantics §A7.2).

    Returns:
        The captures by name, or ``None`` when *blob_path* does not match.

    Raises:
        BindingExpressionError: the container part holds a ``{token}``, or the
            pattern is malformed.
    """
    container, slash, _ = pattern.partition("/")
    if "{" in container.replace("{{", "") or "}" in container.replace("}}", ""):
        raise BindingExpressionError(
            f"Container paths cannot contain {{resolve}} tokens: {pattern!r}"
        )
    if not slash:
        blob_container = blob_path.partition("/")[0]
        return {} if blob_container == container and "/" in blob_path else None
    regex: list[str] = []
    seen: set[str] = set()
    for is_expression, part in _tokens(pattern):
        if not is_expression:
            regex.append(re.escape(part))
            continue
        name, _fmt = _split_expression(part, pattern)
        group = _group_name(name)
        if group in seen:
            regex.append(f"(?P={group})")
        else:
            seen.add(group)
            regex.append(f"(?P<{group}>.*)")
    match = re.fullmatch("".join(regex), blob_path, re.DOTALL)
    if match is None:
        return None
    names: dict[str, str] = {}
    for is_expression, part in _tokens(pattern):
        if is_expression:
            name = _split_expression(part, pattern)[0]
            names[name] = match.group(_group_name(name))
    return names


def _group_name(name: str) -> str:
    return "g_" + "".join(c if c.isalnum() else f"_{ord(c):x}_" for c in name)
