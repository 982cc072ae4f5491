# pyright: strict
"""Strategies for the formats around functions: schedules, route templates and paths, blob paths."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from azfn._routing import LiteralPart
from azfn._routing import ParameterPart
from azfn._routing import RouteTemplate
from azfn.strategies._common import identifiers

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["blob_paths", "ncrontab_schedules", "route_paths", "route_templates", "timespans"]

_NAME = identifiers()
# Characters a path segment carries without percent-encoding (RFC 3986 unreserved).
_UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
_SEGMENT = st.text(_UNRESERVED, min_size=1, max_size=12).filter(lambda s: s not in {".", ".."})


def _field(low: int, high: int) -> SearchStrategy[str]:
    number = st.integers(low, high)
    return st.one_of(
        st.just("*"),
        number.map(str),
        st.tuples(number, number).map(lambda ab: f"{min(ab)}-{max(ab)}"),
        st.integers(1, max(1, high - low)).map(lambda step: f"*/{step}"),
        st.lists(number, min_size=2, max_size=3, unique=True).map(
            lambda xs: ",".join(map(str, sorted(xs)))
        ),
    )


def ncrontab_schedules() -> SearchStrategy[str]:
    """Six-field NCRONTAB expressions the host accepts (``{second} {minute} {hour} ...``)."""
    return st.tuples(
        _field(0, 59), _field(0, 59), _field(0, 23), _field(1, 28), _field(1, 12), _field(0, 6)
    ).map(" ".join)


def timespans() -> SearchStrategy[str]:
    """``hh:mm:ss`` TimeSpan schedules (a constant interval)."""
    return st.timedeltas(
        min_value=datetime.timedelta(seconds=1), max_value=datetime.timedelta(hours=23)
    ).map(lambda d: f"{d.seconds // 3600:02d}:{d.seconds // 60 % 60:02d}:{d.seconds % 60:02d}")


_CONSTRAINTS = st.sampled_from(
    ["", ":int", ":long", ":alpha", ":guid", ":bool", ":min(1)", ":maxlength(8)", ":range(1,99)"]
)


def route_templates() -> SearchStrategy[str]:
    """Route templates the host accepts: literals, parameters with constraints, an optional
    or catch-all last parameter (``items/{id:int}``, ``files/{*path}``)."""

    def build(draw: st.DrawFn) -> str:
        literals = draw(st.lists(_NAME, min_size=1, max_size=3))
        names = draw(st.lists(_NAME, max_size=3, unique=True))
        segments = [*literals]
        for index, name in enumerate(names):
            last = index == len(names) - 1
            kind = draw(st.sampled_from(["plain", "optional", "catch-all"] if last else ["plain"]))
            if kind == "optional":
                segments.append(f"{{{name}?}}")
            elif kind == "catch-all":
                segments.append(f"{{*{name}}}")
            else:
                segments.append(f"{{{name}{draw(_CONSTRAINTS)}}}")
        return "/".join(segments)

    return st.composite(build)().filter(_parses)


def _parses(template: str) -> bool:
    try:
        RouteTemplate.parse(template)
    except ValueError:
        return False
    return True


def _arguments(text: str) -> list[int]:
    return [int(a) for a in text[text.index("(") + 1 : -1].split(",")]


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NO_DOT = _UNRESERVED.replace(".", "")


def _value(parameter: ParameterPart) -> SearchStrategy[str]:
    """Values made to pass the parameter's constraints (and checked by matching anyway)."""
    by_name = {c.name: c.text for c in parameter.constraints}
    names = set(by_name)
    if names & {"int", "long", "min", "max", "range"}:
        low, high = (-(2**31), 2**31 - 1) if "long" not in names else (-(2**63), 2**63 - 1)
        if "range" in names:
            low, high = _arguments(by_name["range"])
        if "min" in names:
            low = max(low, _arguments(by_name["min"])[0])
        if "max" in names:
            high = min(high, _arguments(by_name["max"])[0])
        return st.integers(low, high).map(str)
    if "bool" in names:
        return st.sampled_from(["true", "false", "True", "FALSE"])
    if "guid" in names:
        return st.uuids().map(str)
    if names & {"double", "float", "decimal"}:
        return st.integers(-(10**6), 10**6).map(lambda n: f"{n / 100:.2f}")
    if "datetime" in names:
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2035, 12, 31)).map(str)
    if "regex" in names:
        written = by_name["regex"]
        pattern = written[written.index("(") + 1 : -1]
        # The host searches the pattern (anchors are the template's); URL-safe text only.
        return st.from_regex(pattern, alphabet=st.sampled_from(_UNRESERVED)).filter(bool)
    if parameter.catch_all:
        return st.lists(_SEGMENT, min_size=1, max_size=3).map("/".join)
    alphabet = _LETTERS if "alpha" in names else _NO_DOT if names & {"file", "nonfile"} else None
    low, high = 1, 12
    for name in names & {"length", "minlength", "maxlength"}:
        bounds = _arguments(by_name[name])
        if name in {"length", "minlength"}:
            low = max(low, bounds[0])
        if name in {"length", "maxlength"}:
            high = min(high, bounds[-1]) if name == "maxlength" else bounds[-1]
    high = max(low, high)
    text = st.text(alphabet or _UNRESERVED, min_size=low, max_size=high).filter(
        lambda v: v not in {".", ".."}
    )
    if "file" in names:
        return st.tuples(text, st.text(_LETTERS, min_size=1, max_size=4)).map(".".join)
    return text


def route_paths(template: str | RouteTemplate) -> SearchStrategy[str]:
    """Request paths (after the route prefix) that *template* matches, constraints included.

    Raises:
        azfn._routing.RouteTemplateError: *template* is not a valid route template.
    """
    parsed = template if isinstance(template, RouteTemplate) else RouteTemplate.parse(template)
    last = len(parsed.segments) - 1

    def build(draw: st.DrawFn) -> str:
        pieces: list[str] = []
        for index, segment in enumerate(parsed.segments):
            parameter = segment.parameter
            omissible = parameter is not None and (parameter.optional or parameter.catch_all)
            if omissible and index == last and draw(st.booleans()):
                continue  # the last parameter left out
            text = ""
            for part in segment.parts:
                if isinstance(part, LiteralPart):
                    text += part.text
                else:
                    text += draw(_value(part))
            pieces.append(text)
        return "/".join(pieces)

    return st.composite(build)().filter(lambda path: parsed.match(path) is not None)


def blob_paths(pattern: str | None = None) -> SearchStrategy[str]:
    """Blob paths ``container/name``; with *pattern* (a trigger's ``path``, such as
    ``samples/{name}.{ext}``), only paths that pattern matches."""
    from azfn.host._expressions import blob_path_captures

    container = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=3, max_size=12)
    names = st.lists(_SEGMENT, min_size=1, max_size=3).map("/".join)
    if pattern is None:
        return st.tuples(container, names).map("/".join)
    template = pattern.strip("/")

    def build(draw: st.DrawFn) -> str:
        out = ""
        rest = template
        while "{" in rest:
            head, _, tail = rest.partition("{")
            _, _, rest = tail.partition("}")
            out += head + draw(st.text(_UNRESERVED.replace(".", ""), min_size=1, max_size=10))
        return out + rest

    return st.composite(build)().filter(lambda p: blob_path_captures(template, p) is not None)
