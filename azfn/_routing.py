"""HTTP route templates, parsed and matched the way the Functions host does.

The host registers ``routePrefix + "/" + route`` with ASP.NET Core's route
template parser, so this module ports that grammar, quirks included, rather
than inventing a friendlier one. Constraints are in :mod:`azfn._route_constraints`.

A parsed template is a tuple of ``Segment`` (one per '/'-separated piece);
each segment is a tuple of ``LiteralPart`` and ``ParameterPart``, and each
parameter carries its resolved ``Constraint`` objects, ready for matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from azfn._route_constraints import Constraint
from azfn._route_constraints import constraint

RESERVED_PREFIXES = ("admin", "runtime")

# A parameter, or a literal; '{{' and '}}' are escaped braces in both. '/' does not end a
# parameter ("{a/b}" is one, badly named), and a '}' followed by '}' does not close one.
_TOKEN = re.compile(r"\{(?!\{)((?:[^{}]|\{\{|\}\})*)\}(?!\})|((?:[^{}/]|\{\{|\}\})+)")


class RouteTemplateError(ValueError):
    """A route template the host would refuse.

    Attributes:
        template: The template as given.
        problems: One message per problem, each quoting the template and
            saying how to fix it; ``str(error)`` joins them with newlines.
    """

    def __init__(self, template: str, problems: list[str]) -> None:
        self.template = template
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class LiteralPart:
    """Literal text of a segment (``{{``/``}}`` unescaped), compared case-insensitively."""

    text: str


@dataclass(frozen=True)
class ParameterPart:
    """A parameter: ``{name}``, ``{name?}``, ``{*name}``, ``{name=default}``, ``{name:int}``."""

    name: str
    optional: bool = False
    catch_all: bool = False
    default: str | None = None
    constraints: tuple[Constraint, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A '/'-separated segment: one part, or literals and parameters such as ``{n}.{ext?}``."""

    parts: tuple[LiteralPart | ParameterPart, ...]

    @property
    def parameter(self) -> ParameterPart | None:
        """The parameter when the segment is a lone parameter, else ``None``."""
        part = self.parts[0]
        return part if len(self.parts) == 1 and isinstance(part, ParameterPart) else None


def _msg(template: str, problem: str, fix: str) -> str:
    return f"Route {template!r} {problem}; {fix}"


def _tokenize(template: str) -> list[list[tuple[bool, str]]]:
    """Split *template* into segments of ``(is_parameter, unescaped text)`` parts.

    Raises:
        RouteTemplateError: A brace or '//' error, after which parsing cannot go on.
    """
    t = template.strip("/")  # the host trims '/' from both ends of the route
    segments: list[list[tuple[bool, str]]] = []
    i = 0
    while i < len(t):
        parts: list[tuple[bool, str]] = []
        while i < len(t) and t[i] != "/":
            m = _TOKEN.match(t, i)
            if m is None:
                problem = "has a '{' or '}' without its partner"
                fix = "close each parameter with '}'; write a literal brace as '{{' or '}}'"
                raise RouteTemplateError(template, [_msg(template, problem, fix)])
            text = m[1] if m[2] is None else m[2]
            parts.append((m[2] is None, text.replace("}}", "}").replace("{{", "{")))
            i = m.end()
        if not parts:
            problem = _msg(template, "has an empty segment ('//')", "remove the extra '/'")
            raise RouteTemplateError(template, [problem])
        segments.append(parts)
        i += 1
    return segments


def _split_parameter(text: str) -> tuple[str, bool, bool, list[str], str | None]:
    """Port of ASP.NET's RouteParameterParser: name, optional, catch-all, constraints, default."""
    if not text:
        return "", False, False, [], None
    catch_all = text.startswith("*")
    start = 2 if text.startswith("**") else int(catch_all)
    optional = text.endswith("?")
    end = len(text) - 1 - optional
    cur, name = start, text[start : end + 1]
    while cur <= end:
        # A leading ':' or '=' belongs to the name ("{:x}" is named ":x"; we then reject it).
        if text[cur] in ":=" and cur != start:
            name = text[start:cur]
            cur -= 1  # as ASP.NET does: the splitter starts on the name's last character
            break
        cur += 1
    cur, constraints = _split_constraints(text, cur, end)
    default = text[cur + 1 : end + 1] if cur <= end and text[cur] == "=" else None
    return name, optional, catch_all, constraints, default


def _split_constraints(text: str, cur: int, end: int) -> tuple[int, list[str]]:
    """Port of ASP.NET's constraint splitter: return where they stop and their texts."""
    out: list[str] = []
    state, start = "start", cur
    while state != "end":
        c = text[cur] if cur <= end else ""
        after = text[cur + 1] if cur < end else ""
        if state == "paren" and c == ")":
            # ')' closes the arguments only at the end or before ':' or '=' ...
            if after in ("", ":", "="):
                out.append(text[start : cur + 1])
                state, start = ("start", cur + 1) if after == ":" else ("end", start)
        elif state == "paren" and c in (":", "=") and text.find(")", cur + 1) != -1:
            cur = text.find(")", cur + 1)  # ... and a ':' or '=' followed by a ')' is an argument
        elif c in ("", ":", "="):
            if state != "start" and text[start:cur]:
                out.append(text[start:cur])  # empty names, as in "{id::int}", are skipped
            state, start = ("name", cur + 1) if c == ":" else ("end", start)
            cur -= c == "="  # stop on the '=' so the caller reads the default
        elif c == "(" and state != "paren":
            state = "paren"
        cur += 1
    return cur, out


def _parameter(template: str, text: str, seen: set[str], problems: list[str]) -> ParameterPart:
    """Build the parameter written ``{text}``, appending any problems with it."""
    name, optional, catch_all, texts, default = _split_parameter(text)
    shown = "{" + text + "}"
    if catch_all and optional:
        problems.append(_msg(template, f"marks the catch-all {shown} optional", "drop the '?'"))
    if optional and default is not None:
        fix = "use either '{name?}' or '{name=value}'"
        problems.append(_msg(template, f"gives the optional {shown} a default", fix))
    if not name or any(c in name for c in "/{}?*=:"):
        fix = "use a non-empty name without / { } ? * = : ('*' may lead, '?' may end it)"
        problems.append(_msg(template, f"has an invalid parameter name {name!r}", fix))
    elif name.lower() in seen:
        fix = "rename one (names are case-insensitive)"
        problems.append(_msg(template, f"has the parameter {name!r} more than once", fix))
    seen.add(name.lower())
    constraints: list[Constraint] = []
    for item in texts:
        try:
            constraints.append(constraint(item))
        except ValueError as exc:
            problems.append(f"Route {template!r} {exc}")
    return ParameterPart(name, optional, catch_all, default, tuple(constraints))


def _segment_problems(template: str, parts: list[LiteralPart | ParameterPart]) -> list[str]:
    """Rules for complex segments such as ``{name}.{ext?}``."""
    shown = "".join(p.text if isinstance(p, LiteralPart) else "{" + p.name + "}" for p in parts)
    where = f"in the segment {shown!r}"
    problems: list[str] = []
    for i, part in enumerate(parts):
        if not isinstance(part, ParameterPart) or len(parts) == 1:
            continue
        if part.catch_all:
            fix = "give it a segment of its own, e.g. 'files/{*path}'"
            problems.append(_msg(template, f"has the catch-all {part.name!r} {where}", fix))
        if part.optional and i < len(parts) - 1:
            fix = "an optional parameter must end its segment"
            problems.append(_msg(template, f"has the optional {part.name!r} {where}", fix))
        elif part.optional and parts[i - 1] != LiteralPart("."):
            # Only '.' may precede it, so that "{name}.{ext?}" can also match "name" alone.
            fix = "only '.' may precede an optional parameter, as in '{name}.{ext?}'"
            problems.append(_msg(template, f"has the optional {part.name!r} {where}", fix))
        if i and isinstance(parts[i - 1], ParameterPart):
            fix = "separate them with a literal or '/', e.g. '{a}-{b}'"
            problems.append(_msg(template, f"has two adjacent parameters {where}", fix))
    return problems


def _fold(text: str) -> str:
    """Lowercase keeping the length, so indexes stay valid (ASP.NET: OrdinalIgnoreCase)."""
    return "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


_Parts = tuple[LiteralPart | ParameterPart, ...]


def _match_complex(parts: _Parts, text: str, values: dict[str, str | None]) -> bool:
    last = parts[-1]
    if isinstance(last, ParameterPart) and last.optional:
        # "{name}.{ext?}": try with the extension, then without it unless text ends in '.'.
        if _match_core(parts, text, values, len(parts) - 1):
            return True
        return not text.endswith(".") and _match_core(parts, text, values, len(parts) - 3)
    return _match_core(parts, text, values, len(parts) - 1)


def _match_core(parts: _Parts, text: str, values: dict[str, str | None], index: int) -> bool:
    """Port of ASP.NET's MatchComplexSegmentCore: find literals right to left with rfind."""
    folded, last_index = _fold(text), len(text)
    pending: ParameterPart | None = None
    literal: LiteralPart | None = None
    found: dict[str, str] = {}
    while index >= 0:
        new_last, part = last_index, parts[index]
        if isinstance(part, ParameterPart):
            pending = part
        else:
            literal = part
            stop = last_index - (pending is not None)  # leave a character for the parameter
            at = folded.rfind(_fold(part.text), 0, stop) if stop > 0 else -1
            if at == -1 or (index == len(parts) - 1 and at + len(part.text) != len(text)):
                return False
            new_last = at
        is_param = isinstance(part, ParameterPart)
        if pending is not None and ((literal is not None and not is_param) or index == 0):
            begin = 0 if literal is None or is_param else new_last + len(literal.text)
            if begin >= last_index:
                return False  # every parameter of a complex segment needs a value
            found[pending.name] = text[begin:last_index]
            pending = literal = None
        last_index, index = new_last, index - 1
    if last_index == 0 or isinstance(parts[0], ParameterPart):
        values.update(found)
        return True
    return False


@dataclass(frozen=True)
class RouteTemplate:
    """A parsed route template: the route after the prefix, e.g. ``items/{id:int}``.

    Attributes:
        template: The template as given.
        segments: Its '/'-separated segments, after trimming '/' from both ends.
    """

    template: str
    segments: tuple[Segment, ...]

    @classmethod
    def parse(cls, template: str) -> RouteTemplate:
        """Parse *template* as the host does, after trimming '/' from both ends.

        Raises:
            RouteTemplateError: Listing every problem (a brace error stops the search).
        """
        problems: list[str] = []
        seen: set[str] = set()
        segments: list[Segment] = []
        for raw_parts in _tokenize(template):
            parts: list[LiteralPart | ParameterPart] = []
            for is_parameter, text in raw_parts:
                if is_parameter:
                    parts.append(_parameter(template, text, seen, problems))
                    continue
                if "?" in text:
                    fix = "'?' may only end a parameter, as in '{id?}'"
                    problems.append(_msg(template, f"has '?' in the literal {text!r}", fix))
                parts.append(LiteralPart(text))
            problems += _segment_problems(template, parts)
            segments.append(Segment(tuple(parts)))
        for segment in segments[:-1]:
            parameter = segment.parameter
            if parameter is not None and parameter.catch_all:
                fix = "only the last segment may be a catch-all, e.g. 'files/{*path}'"
                problems.append(_msg(template, f"has the catch-all {parameter.name!r} early", fix))
        if problems:
            raise RouteTemplateError(template, problems)
        return cls(template, tuple(segments))

    @property
    def parameter_names(self) -> tuple[str, ...]:
        """Parameter names in template order, as written."""
        return tuple(p.name for s in self.segments for p in s.parts if isinstance(p, ParameterPart))

    def match(self, path: str) -> dict[str, str] | None:
        """Match a request path as ASP.NET's RoutePatternMatcher does.

        Args:
            path: The request path after the route prefix, e.g. ``"items/42"``.
                A leading '/' and one trailing '/' are ignored. Nothing is
                percent-decoded: pass the path decoded, as ASP.NET sees it.

        Returns:
            Parameter values (always ``str``) with defaults filled in and
            absent optional or catch-all values left out; ``None`` when the
            path does not fit the template or a constraint rejects a value.
        """
        body = path[1:] if path.startswith("/") else path
        pieces = body.split("/") if body else []
        if body.endswith("/"):
            pieces.pop()
        values: dict[str, str | None] = {}
        offset = 0
        for i, piece in enumerate(pieces):
            if not piece or i >= len(self.segments):
                return None  # empty segments and extra segments never match
            segment, parameter = self.segments[i], self.segments[i].parameter
            if parameter is not None and parameter.catch_all:
                values[parameter.name] = body[offset:]  # the rest of the path, '/' included
                break
            literal = segment.parts[0]
            if parameter is not None:
                values[parameter.name] = piece
            elif len(segment.parts) > 1:
                if not _match_complex(segment.parts, piece, values):
                    return None
            elif isinstance(literal, LiteralPart) and _fold(piece) != _fold(literal.text):
                return None
            offset += len(piece) + 1
        else:
            for segment in self.segments[len(pieces) :]:
                parameter = segment.parameter
                if parameter is None or not (
                    parameter.catch_all or parameter.optional or parameter.default is not None
                ):
                    return None  # a literal or a required parameter with no text left
                values[parameter.name] = parameter.default
        result: dict[str, str] = {}
        for segment in self.segments:
            for part in segment.parts:
                if isinstance(part, LiteralPart):
                    continue
                value = values.get(part.name)
                value = part.default if value is None else value
                # An absent optional value skips its constraints; defaults are checked too.
                if (value is not None or not part.optional) and not all(
                    c.accepts(value) for c in part.constraints
                ):
                    return None
                if value is not None:
                    result[part.name] = value
        return result


def normalize_route(route: str) -> str:
    """Trim '/' and lowercase: the form the host compares routes in for conflicts."""
    return route.strip("/").lower()


_PLAIN_SEGMENT = r"(?:[A-Za-z0-9_.\-~]+|\{[A-Za-z_][A-Za-z0-9_]*\})"
_PLAIN_ROUTE = re.compile(rf"/*{_PLAIN_SEGMENT}(?:/{_PLAIN_SEGMENT})*/*")
_PLAIN_NAME = re.compile(r"\{([A-Za-z0-9_]+)\}")


def _is_plain(route: str) -> bool:
    """Whether *route* only has literal and ``{name}`` segments (always valid).

    Most routes are like this; checking them this way is much cheaper than
    parsing, which matters when an app with many functions is indexed.
    """
    if not _PLAIN_ROUTE.fullmatch(route):
        return False
    if route.count("{") < 2:
        return True
    names = [n.lower() for n in _PLAIN_NAME.findall(route)]
    return len(names) == len(set(names))


def route_problems(route: str) -> list[str]:
    """Return every problem with *route* as the host would see it.

    Covers template syntax and the reserved ``admin`` and ``runtime`` prefixes;
    ``[]`` means the host accepts the route. Never raises.
    """
    problems: list[str] = []
    if not _is_plain(route):
        try:
            RouteTemplate.parse(route)
        except RouteTemplateError as exc:
            problems = list(exc.problems)
    normalized = normalize_route(route)
    for prefix in RESERVED_PREFIXES:
        # A plain prefix test, as in the host: "administrator/x" is refused too.
        if normalized.startswith(prefix):
            problem = (
                f"starts with {prefix!r}, which conflicts with the host's built-in routes "
                "(host: 'The specified route conflicts with one or more built in routes.')"
            )
            fix = "choose a route that does not begin with 'admin' or 'runtime'"
            problems.append(_msg(route, problem, fix))
    return problems
