# pyright: strict
"""The host's HTTP route table: prefix, templates, methods, precedence, auth levels.

Routes are built from each HTTP function's name and its trigger's metadata
(``route``, ``methods``, ``authLevel``), so this module only needs
``FunctionInfo.name`` and ``FunctionInfo.trigger.raw`` (host-semantics §A3):

* the full template is ``routePrefix + "/" + route``, the route defaulting
  to the function name (§A3.1); matching is ASP.NET's
  (:class:`azfn._routing.RouteTemplate`), route values are strings;
* a method outside ``methods`` does not match, so the request falls through
  to a 404, never a 405 (§A3.2);
* routes are tried in case-insensitive function-name order and the first
  match wins (§A3.4), which is why two routes that can match the same path
  are reported in :attr:`Router.warnings`;
* :func:`authorize` applies the key rules of §A3.3.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Protocol
from typing import cast
from urllib.parse import unquote

from azfn._routing import LiteralPart
from azfn._routing import ParameterPart
from azfn._routing import RouteTemplate

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterable
    from collections.abc import Mapping
    from collections.abc import Sequence

    from azfn._routing import Segment

__all__ = [
    "AUTH_LEVELS",
    "HttpFunctionLike",
    "Route",
    "RouteMatch",
    "Router",
    "authorize",
    "decode_path",
    "route_for",
]

#: Auth levels by strength, as the host orders ``AuthorizationLevel``.
AUTH_LEVELS = {"anonymous": 0, "user": 1, "function": 2, "system": 3, "admin": 4}
_MAX_WITNESSES = 256


class _BindingLike(Protocol):
    @property
    def raw(self) -> Mapping[str, object]: ...


class HttpFunctionLike(Protocol):
    """What the router needs of a function: its name and its trigger's metadata."""

    @property
    def name(self) -> str: ...

    @property
    def trigger(self) -> _BindingLike: ...


@dataclass(frozen=True)
class Route:
    """One HTTP function's route.

    Attributes:
        function: The function's name.
        route: The route as declared (the function name when none was).
        template: The parsed full template, prefix included.
        methods: Allowed methods, upper-case; ``None`` allows every method.
        auth_level: ``"anonymous"``, ``"function"`` or ``"admin"`` (lower-case).
    """

    function: str
    route: str
    template: RouteTemplate = field(repr=False)
    methods: frozenset[str] | None
    auth_level: str

    @property
    def pattern(self) -> str:
        """The full template as the host registers it, e.g. ``"api/items/{id:int}"``."""
        return self.template.template

    def allows(self, method: str) -> bool:
        """Whether *method* (any case) is one of :attr:`methods`."""
        return self.methods is None or method.upper() in self.methods


@dataclass(frozen=True)
class RouteMatch:
    """A request matched to a route: the route and its values (strings, decoded)."""

    route: Route
    params: dict[str, str]


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = getattr(value, "value", value)  # an enum member, e.g. AuthLevel.ANONYMOUS
    return str(text)


def route_for(function: HttpFunctionLike, route_prefix: str = "api") -> Route:
    """Build the route of an HTTP function from its trigger's metadata (§A3.1).

    Raises:
        azfn._routing.RouteTemplateError: The route is not a valid template
            (loading normally refuses such apps first).
    """
    raw = function.trigger.raw
    route = _text(raw.get("route")) or function.name  # null or empty: the function name
    prefix = route_prefix.strip("/")
    full = f"{prefix}/{route.strip('/')}" if prefix else route
    methods_value = raw.get("methods")
    methods: frozenset[str] | None = None
    if isinstance(methods_value, (list, tuple)):
        items = [_text(m) for m in cast("Sequence[object]", methods_value)]
        methods = frozenset(m.upper() for m in items if m) or None
    level = (_text(raw.get("authLevel")) or "function").lower()
    return Route(function.name, route, RouteTemplate.parse(full), methods, level)


_ENCODED_SLASH = re.compile("%2f", re.IGNORECASE)


def decode_path(path: str) -> str:
    """Percent-decode a request path as ASP.NET does: everything but ``%2F``."""
    if "%" not in path:
        return path
    return unquote(_ENCODED_SLASH.sub(lambda m: "%25" + m[0][1:], path))


class Router:
    """The route table of a function app, in the host's order.

    Args:
        routes: The routes, in any order; they are tried in case-insensitive
            function-name order (§A3.4), the host's order.
    """

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes: tuple[Route, ...] = tuple(sorted(routes, key=lambda r: r.function.lower()))
        self._fast = [_fast_matcher(r.template) for r in self.routes]
        self._warnings: tuple[str, ...] | None = None

    @classmethod
    def for_functions(
        cls, functions: Iterable[HttpFunctionLike], route_prefix: str = "api"
    ) -> Router:
        """The routes of the HTTP functions among *functions* (others are skipped)."""
        routes = [
            route_for(f, route_prefix)
            for f in functions
            if str(f.trigger.raw.get("type", "")).lower() == "httptrigger"
        ]
        return cls(routes)

    def match(self, method: str, path: str) -> RouteMatch | None:
        """Return the first route matching *method* and *path* (decoded), or ``None``.

        Args:
            method: The request method, any case.
            path: The request path without query, already decoded with
                :func:`decode_path`; the leading '/' is optional.
        """
        upper = method.upper()
        for route, fast in zip(self.routes, self._fast, strict=True):
            if route.methods is not None and upper not in route.methods:
                continue
            params = route.template.match(path) if fast is None else fast(path)
            if params is not None:
                return RouteMatch(route, params)
        return None

    def routes_for(self, path: str) -> list[Route]:
        """Every route whose template matches *path*, whatever their methods."""
        return [r for r in self.routes if r.template.match(path) is not None]

    @property
    def warnings(self) -> tuple[str, ...]:
        """One message per pair of routes that can match the same request (§A3.4)."""
        if self._warnings is None:
            self._warnings = tuple(overlap_warnings(self.routes))
        return self._warnings


def _fast_matcher(template: RouteTemplate) -> Callable[[str], dict[str, str] | None] | None:
    """A regex matcher equivalent to ``template.match`` for the common simple templates.

    Simple: ASCII literal segments and lone required parameters (constraints
    allowed); anything else (optional, default, catch-all, complex segments)
    returns ``None`` and is matched by :meth:`RouteTemplate.match`.
    """
    pieces: list[str] = []
    parameters: list[ParameterPart] = []
    for segment in template.segments:
        literal, parameter = _literal(segment), segment.parameter
        if literal is not None and literal.isascii():
            pieces.append(re.escape(literal))
        elif parameter is not None and not (
            parameter.optional or parameter.catch_all or parameter.default is not None
        ):
            pieces.append("([^/]+)")
            parameters.append(parameter)
        else:
            return None
    pattern = re.compile("/?" + "/".join(pieces) + "/?", re.IGNORECASE)

    def match(path: str) -> dict[str, str] | None:
        found = pattern.fullmatch(path)
        if found is None:
            return None
        values = dict(zip([p.name for p in parameters], found.groups(), strict=True))
        for parameter in parameters:
            value = values[parameter.name]
            if not all(c.accepts(value) for c in parameter.constraints):
                return None
        return values

    return match


def overlap_warnings(routes: Sequence[Route]) -> list[str]:
    """Describe each pair of *routes* (in host order) that some request matches both of."""
    messages: list[str] = []
    for i, first in enumerate(routes):
        for second in routes[i + 1 :]:
            methods = _shared_methods(first, second)
            if methods is None:
                continue
            path = _common_path(first.template, second.template)
            if path is None:
                continue
            shown = "" if not methods else f"{'/'.join(sorted(methods))} "
            messages.append(
                f"Routes overlap: {first.pattern!r} (function {first.function!r}) and "
                f"{second.pattern!r} (function {second.function!r}) both match "
                f"{shown}/{path}; the host tries routes in function-name order, so "
                f"{first.function!r} gets it. Add a constraint (e.g. '{{id:int}}') or rename "
                "a function to choose (host-semantics §A3.4)."
            )
    return messages


def _shared_methods(first: Route, second: Route) -> frozenset[str] | None:
    """The methods both allow (empty: all), or ``None`` when they share none."""
    if first.methods is None:
        return second.methods or frozenset()
    if second.methods is None:
        return first.methods
    shared = first.methods & second.methods
    return shared or None


_SAMPLES = ("x", "1", "a.b", "true", "00000000-0000-0000-0000-000000000001", "2024-01-01")


def _common_path(a: RouteTemplate, b: RouteTemplate) -> str | None:
    """A path both templates match, found by trying sample paths; ``None`` if none found.

    Samples fill each parameter with literals of the other template first, then
    with typical values, so the usual overlaps (``items/{id}`` and
    ``items/recent``, ``{*rest}`` and anything) are found.
    """
    for template, other in ((a, b), (b, a)):
        for path in _witnesses(template, other):
            if a.match(path) is not None and b.match(path) is not None:
                return path
    return None


def _literal(segment: Segment) -> str | None:
    part = segment.parts[0]
    return part.text if len(segment.parts) == 1 and isinstance(part, LiteralPart) else None


def _values(part: ParameterPart, hints: Sequence[str]) -> list[str]:
    candidates = [*hints, *_SAMPLES]
    if part.default is not None:
        candidates.insert(0, part.default)
    good = [c for c in dict.fromkeys(candidates) if all(k.accepts(c) for k in part.constraints)]
    return good[:3]


def _witnesses(template: RouteTemplate, other: RouteTemplate) -> Iterable[str]:
    """Paths *template* probably matches, using *other*'s literals as hints."""
    choices: list[list[str | None]] = []
    for index, segment in enumerate(template.segments):
        hint_segments = other.segments[index:]
        hints = [t for s in hint_segments[:1] if (t := _literal(s)) is not None]
        literal = _literal(segment)
        parameter = segment.parameter
        options: list[str | None]
        if literal is not None:
            options = [literal]
        elif parameter is not None and parameter.catch_all:
            rest = [_literal(s) or "x" for s in hint_segments]
            options = [None, "/".join(rest) if rest else "x", "x"]
        elif parameter is not None:
            options = list[str | None](_values(parameter, hints))
            if parameter.optional or parameter.default is not None:
                options.append(None)
        else:
            options = ["".join(_complex_sample(p) for p in segment.parts)]
        choices.append(options)
    for combo in itertools.islice(itertools.product(*choices), _MAX_WITNESSES):
        pieces: list[str] = []
        for piece in combo:
            if piece is None:
                break  # an absent optional value ends the path
            pieces.append(piece)
        yield "/".join(pieces)


def _complex_sample(part: LiteralPart | ParameterPart) -> str:
    if isinstance(part, LiteralPart):
        return part.text
    values = _values(part, ())
    return values[0] if values else "x"


def _key_level(
    key: str | None,
    function: str,
    function_keys: Mapping[str, str | Sequence[str]],
    master_key: str | None,
) -> str:
    """The level a key grants for *function* (§A3.3: master, then function keys)."""
    if not key:
        return "anonymous"
    if master_key is not None and key == master_key:
        return "admin"
    for name in ("*", function):
        granted = function_keys.get(name)
        if granted is not None and key in ((granted,) if isinstance(granted, str) else granted):
            return "function"
    return "anonymous"


def authorize(
    route: Route,
    headers: Mapping[str, str],
    query: Mapping[str, str],
    *,
    function_keys: Mapping[str, str | Sequence[str]] | None = None,
    master_key: str | None = None,
) -> bool:
    """Whether a request may call *route*'s function when auth is enforced (§A3.3).

    The key is read from the ``x-functions-key`` header first, then the
    ``code`` query parameter. The master key grants the admin level; a key
    in *function_keys* under the function's name (or under ``"*"``, like a
    host key) grants the function level. Anonymous routes always pass; other
    routes need an admin key or a key of exactly their level.

    Args:
        route: The matched route.
        headers: The request headers, names lower-case.
        query: The query parameters.
        function_keys: Function name (or ``"*"``) to a key or keys.
        master_key: The master (admin) key.
    """
    required = route.auth_level
    if AUTH_LEVELS.get(required, AUTH_LEVELS["function"]) == 0:
        return True
    key = headers.get("x-functions-key") or query.get("code")
    granted = _key_level(key, route.function, function_keys or {}, master_key)
    return granted in ("admin", required)
