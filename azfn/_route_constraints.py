"""Route constraints (``{id:int}``, ``{n:range(1,9)}``...) as ASP.NET Core resolves them.

:func:`constraint` turns the text after ``:`` in a route parameter into a
:class:`Constraint` with the check the host applies to a value: .NET's
number, bool, Guid, date and decimal parsers (whitespace and all), lengths in
UTF-16 code units, ``regex`` searched case-insensitively, ``file`` and
``nonfile``. Used by :mod:`azfn._routing`; imports nothing from ``azfn``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Constraint", "constraint"]

_WS = " \t\n\v\f\r"  # what .NET's number and bool parsers trim
_INTEGER = re.compile(r"([+-]?)0*([0-9]{1,25})")  # bounded: int() refuses huge digit strings
_DECIMAL = re.compile(r"([+-]?)([0-9][0-9,]*)?(?:\.([0-9]*))?([+-]?)")
_DOUBLE = re.compile(
    r"[+-]?(?:(?=\.?[0-9])(?:[0-9][0-9,]*)?(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|(?i:nan|infinity))"
)
_D = "[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"  # Guid format D; N, B and P follow
_GUID = re.compile(rf"[0-9a-fA-F]{{32}}|{_D}|\{{{_D}\}}|\({_D}\)")
_DATETIME = re.compile(
    r"(?:(?P<y>[0-9]{4})[-/](?P<mo>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})"
    r"|(?P<mo2>[0-9]{1,2})/(?P<d2>[0-9]{1,2})/(?P<y2>[0-9]{4}))"  # invariant culture: M/d/yyyy
    r"(?:[T ](?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.[0-9]{1,7})?)?)?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?"
)
_ALPHA = re.compile("[A-Za-z]*")
_DECIMAL_MAX = 2**96 - 1


@dataclass(frozen=True)
class Constraint:
    """An inline constraint: ``text`` as written (``"min(1)"``), ``name`` lowercased."""

    text: str
    name: str
    check: Callable[[str], bool] = field(compare=False, repr=False)

    def accepts(self, value: str | None) -> bool:
        """Return whether *value* (``None`` when absent) passes."""
        # ASP.NET constraints fail on a missing value, except nonfile which lets it through.
        return self.name == "nonfile" if value is None else self.check(value)


def _number(text: str, bits: int) -> int | None:
    """Parse like .NET's ``TryParse(text, NumberStyles.Integer)`` into a *bits*-bit integer."""
    m = _INTEGER.fullmatch(text.strip(_WS))
    n = int(m[1] + m[2]) if m else None
    return n if n is not None and -(2 ** (bits - 1)) <= n < 2 ** (bits - 1) else None


def _is_decimal(value: str) -> bool:
    m = _DECIMAL.fullmatch(value.strip(_WS))
    if not m or not (m[2] or m[3]) or (m[1] and m[4]):
        return False
    digits = (m[2] or "").replace(",", "").lstrip("0")[:31]
    return int(digits or "0") <= _DECIMAL_MAX


def _is_datetime(value: str) -> bool:
    m = _DATETIME.fullmatch(value.strip(_WS))
    if not m:
        return False
    y, mo, d = (m["y"], m["mo"], m["d"]) if m["y"] else (m["y2"], m["mo2"], m["d2"])
    try:
        datetime(int(y), int(mo), int(d), int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError:
        return False
    return True


def _is_file(value: str) -> bool:
    # ASP.NET: the last '/'-segment has a '.' followed by at least one non-'.' character.
    last = value.rsplit("/", 1)[-1]
    return "." in last and last[last.index(".") :].strip(".") != ""


_SIMPLE: dict[str, Callable[[str], bool]] = {
    "int": lambda v: _number(v, 32) is not None,
    "long": lambda v: _number(v, 64) is not None,
    "bool": lambda v: v.strip(_WS).lower() in ("true", "false"),
    "datetime": _is_datetime,
    "decimal": _is_decimal,
    "double": lambda v: _DOUBLE.fullmatch(v.strip(_WS)) is not None,
    "float": lambda v: _DOUBLE.fullmatch(v.strip(_WS)) is not None,  # overflow is infinity
    "guid": lambda v: _GUID.fullmatch(v.strip(_WS)) is not None,
    "alpha": lambda v: _ALPHA.fullmatch(v) is not None,
    "required": lambda v: v != "",
    "file": _is_file,
    "nonfile": lambda v: not _is_file(v),
}
# Constraints that take arguments, with an example of each.
_WITH_ARGS = {
    "minlength": "minlength(3)",
    "maxlength": "maxlength(20)",
    "length": "length(8) or length(1,20)",
    "min": "min(1)",
    "max": "max(100)",
    "range": "range(1,10)",
    "regex": "regex(^[a-z]+$)",
}


def constraint(text: str) -> Constraint:
    """Resolve *text* like ASP.NET's ParameterPolicyActivator; ValueError says what is wrong."""
    paren = text.find("(")
    has_args = paren >= 0 and text.endswith(")")
    name = (text[:paren] if has_args else text).lower()  # the constraint map ignores case
    arg = text[paren + 1 : -1] if has_args else None
    if name in _SIMPLE and arg is None:
        return Constraint(text, name, _SIMPLE[name])
    if name in _SIMPLE:
        raise ValueError(f"has the constraint {text!r}, which takes no arguments; write ':{name}'")
    if name not in _WITH_ARGS:
        known = ", ".join([*_SIMPLE, *_WITH_ARGS])
        raise ValueError(
            f"has the constraint reference {text!r}, which could not be resolved; "
            f"use one of: {known}"
        )
    if name == "regex" and arg is not None:
        try:
            pattern = re.compile(arg, re.IGNORECASE)  # used as given: anchors are the user's job
        except (re.error, OverflowError, RecursionError, ValueError) as exc:
            problem = f"has the constraint {text!r}, an invalid regex ({exc})"
            raise ValueError(f"{problem}; fix the pattern (Python's re must compile it)") from None
        return Constraint(text, name, lambda v: pattern.search(v) is not None)
    # Single-constructor constraints get the whole argument; length and range split it on ','.
    args = [] if arg is None else arg.split(",") if name in ("length", "range") else [arg]
    counts = (1, 2) if name == "length" else (2,) if name == "range" else (1,)
    lengths = name.endswith("length")
    nums = [n for n in (_number(a, 32 if lengths else 64) for a in args) if n is not None]
    if len(nums) != len(args) or len(nums) not in counts:
        raise ValueError(f"has the constraint {text!r}; write e.g. {_WITH_ARGS[name]}")
    lo, hi = nums[0], nums[-1]
    if name.startswith("min"):
        hi = 2**63  # min(n) and minlength(n) have no upper bound, max and maxlength no lower one
    elif name.startswith("max"):
        lo = -(2**63)
    if lo > hi or (lengths and nums[0] < 0):
        raise ValueError(f"has the constraint {text!r}, which nothing can satisfy; fix the bounds")
    if lengths:  # .NET counts UTF-16 code units
        return Constraint(text, name, lambda v: lo <= len(v.encode("utf-16-le")) // 2 <= hi)
    return Constraint(text, name, lambda v: (n := _number(v, 64)) is not None and lo <= n <= hi)
