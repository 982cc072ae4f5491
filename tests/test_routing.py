"""Route templates: the host's (ASP.NET Core) grammar, reserved prefixes and matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from azfn._routing import RESERVED_PREFIXES
from azfn._routing import LiteralPart
from azfn._routing import ParameterPart
from azfn._routing import RouteTemplate
from azfn._routing import RouteTemplateError
from azfn._routing import Segment
from azfn._routing import normalize_route
from azfn._routing import route_problems

VALID = [
    "/{*route}",
    "items/{id:int}",
    "{id?}",
    "files/{name}.{ext?}",
    "items/{id:int:min(1)}",
    "x/{id:regex(^\\d{{3}}$)}",
    "{a=default}",
    "",
    "api/v1/users/{user}/posts/{post:guid}",
    "{**path}",
    "{id:}",
    "{id:INT}",
    "{id::int}",
    "{v:regex(a:b)}",
    "{v:length(1,20):alpha}",
    "{v:range(-5,5)=0}",
    "{{literal}}/{x}",
    "{a}-{b}.{c?}",
]


@pytest.mark.parametrize("template", VALID)
def test_valid_templates_parse(template: str) -> None:
    """Templates the host accepts parse and report no problem (host-semantics §A3.1)."""
    parsed = RouteTemplate.parse(template)
    assert parsed.template == template
    assert route_problems(template) == []


def test_parse_structure() -> None:
    """Kinds, defaults, constraints and escapes come out as written (host-semantics §A3.1)."""
    (catch_all,) = RouteTemplate.parse("/{*route}").segments
    assert catch_all.parameter == ParameterPart("route", catch_all=True)
    assert RouteTemplate.parse("files/{name}.{ext?}").segments == (
        Segment((LiteralPart("files"),)),
        Segment((ParameterPart("name"), LiteralPart("."), ParameterPart("ext", optional=True))),
    )
    (item,) = RouteTemplate.parse("{id:int:min(1)=5}").segments
    assert item.parameter is not None
    assert item.parameter.default == "5"
    assert [c.text for c in item.parameter.constraints] == ["int", "min(1)"]
    (regex,) = RouteTemplate.parse("{id:regex(^\\d{{3}}$)}").segments
    assert regex.parameter is not None
    assert regex.parameter.constraints[0].text == "regex(^\\d{3}$)"
    assert RouteTemplate.parse("{{a}}/b").segments[0] == Segment((LiteralPart("{a}"),))
    assert RouteTemplate.parse("a/{x}/{y?}/{*z}").parameter_names == ("x", "y", "z")


INVALID = [
    ("{id", "without its partner"),
    ("id}", "without its partner"),
    ("{a{b}", "without its partner"),
    ("{id:foo}", "'foo', which could not be resolved"),
    ("{id:int(3)}", "takes no arguments"),
    ("{*rest}/more", "catch-all 'rest' early"),
    ("files/{*path}.txt", "catch-all 'path' in the segment"),
    ("{id}/{ID}", "more than once"),
    ("a//b", "empty segment"),
    ("{a}{b}", "two adjacent parameters"),
    ("{}", "invalid parameter name ''"),
    ("{a/b}", "invalid parameter name 'a/b'"),
    ("{:x}", "invalid parameter name ':x'"),
    ("{a?}.{b}", "optional parameter must end its segment"),
    ("x-{a?}", "only '.' may precede"),
    ("{*rest?}", "catch-all {*rest?} optional"),
    ("{a=1?}", "optional {a=1?} a default"),
    ("what?", "'?' in the literal"),
    ("{id:min(x)}", "min(1)"),
    ("{id:min}", "min(1)"),
    ("{id:range(1)}", "range(1,10)"),
    ("{id:length(1,2,3)}", "length(1,20)"),
    ("{id:range(5,1)}", "nothing can satisfy"),
    ("{id:minlength(-1)}", "nothing can satisfy"),
    ("{id:regex(()}", "invalid regex"),
    # ASP.NET quirk: ')' before ':' ends the arguments, so this is "regex((a|b)" and "c)".
    ("{v:regex((a|b):c)}", "'c)', which could not be resolved"),
]


@pytest.mark.parametrize(("template", "fragment"), INVALID)
def test_invalid_templates_explain(template: str, fragment: str) -> None:
    """Refusals quote the template, say what is wrong and how to fix it (host-semantics §A3.1)."""
    with pytest.raises(RouteTemplateError) as caught:
        RouteTemplate.parse(template)
    assert fragment in str(caught.value)
    assert caught.value.template == template
    for problem in caught.value.problems:
        assert problem.startswith(f"Route {template!r} ")
        assert "; " in problem  # the fix follows the semicolon
    assert route_problems(template) == list(caught.value.problems)


def test_error_is_value_error_listing_every_problem() -> None:
    """One error reports every non-brace problem at once (host-semantics §A3.1)."""
    with pytest.raises(ValueError, match="more than once") as caught:
        RouteTemplate.parse("{a:nope}/{a}/x?")
    assert isinstance(caught.value, RouteTemplateError)
    assert len(caught.value.problems) == 3


@pytest.mark.parametrize(
    "route", ["admin", "admin/x", "/Admin/", "administrator/x", "runtime/webhooks", "RUNTIMEx"]
)
def test_reserved_prefixes(route: str) -> None:
    """Routes starting admin/runtime conflict with built-in routes (host-semantics §A3.1)."""
    (problem,) = route_problems(route)
    assert "built in routes" in problem
    assert repr(route) in problem


@pytest.mark.parametrize("route", ["api/admin", "x/runtime", "adm", "my-admin"])
def test_reserved_prefix_only_at_start(route: str) -> None:
    """Only the start of the route is reserved (host-semantics §A3.1)."""
    assert route_problems(route) == []


def test_reserved_and_syntax_problems_together() -> None:
    """Both kinds of problem are reported for one route (host-semantics §A3.1)."""
    problems = route_problems("admin/{id")
    assert len(problems) == 2
    assert RESERVED_PREFIXES == ("admin", "runtime")


def test_normalize_route() -> None:
    """Routes compare trimmed of '/' and lowercased (host-semantics §A3.1)."""
    assert normalize_route("/Items/{ID}/") == "items/{id}"
    assert normalize_route("//") == ""


MATCHES: list[tuple[str, str, dict[str, str] | None]] = [
    ("items/{id:int}", "items/42", {"id": "42"}),
    ("items/{id:int}", "/ITEMS/-7/", {"id": "-7"}),
    ("items/{id:int}", "items/abc", None),
    ("items/{id:int}", "items", None),
    ("items/{id:int}", "items/1/2", None),
    ("items/{id:int}", "items//1", None),
    ("items/{id:int:min(1)}", "items/0", None),
    ("items/{id:int:min(1)}", "items/1", {"id": "1"}),
    ("{id?}", "", {}),
    ("{id?}", "x", {"id": "x"}),
    ("{id:int?}", "", {}),
    ("{a=default}", "", {"a": "default"}),
    ("{a=default}", "given", {"a": "given"}),
    ("{a=d}/{b=e}", "x", {"a": "x", "b": "e"}),
    ("{id:int=abc}", "", None),
    ("/{*route}", "", {}),
    ("/{*route}", "a/b//c/", {"route": "a/b//c/"}),
    ("{*route}", "/a", {"route": "a"}),
    ("x/{*rest=none}", "x", {"rest": "none"}),
    ("x/{*rest}", "x//a", None),
    ("files/{name}.{ext?}", "files/report.pdf", {"name": "report", "ext": "pdf"}),
    ("files/{name}.{ext?}", "files/report", {"name": "report"}),
    ("files/{name}.{ext?}", "files/a.b.c", {"name": "a.b", "ext": "c"}),
    ("files/{name}.{ext?}", "files/report.", None),
    ("files/{name}.{ext?}", "files", None),
    ("{a}-{b}", "x-y-z", {"a": "x-y", "b": "z"}),
    ("{a}-{b}", "x-", None),
    ("v{n:int}", "V12", {"n": "12"}),
    ("v{n:int}", "12", None),
    ("{n}.json", "data.JSON", {"n": "data"}),
    ("{n}.json", "data.jsonx", None),
    ("Hello/World", "hello/WORLD", {}),
    ("x/{id:regex(^\\d{{3}}$)}", "x/123", {"id": "123"}),
    ("x/{id:regex(^\\d{{3}}$)}", "x/1234", None),
    ("{id:regex(b)}", "abc", {"id": "abc"}),
    ("{id:regex(^abc$)}", "ABC", {"id": "ABC"}),
]


@pytest.mark.parametrize(("template", "path", "expected"), MATCHES)
def test_match(template: str, path: str, expected: dict[str, str] | None) -> None:
    """Matching follows ASP.NET's RoutePatternMatcher (host-semantics §A3.1)."""
    assert RouteTemplate.parse(template).match(path) == expected


CONSTRAINTS = [
    ("int", "2147483647", True),
    ("int", "-2147483648", True),
    ("int", "2147483648", False),
    ("int", "+7", True),
    ("int", "1.0", False),
    ("int", "\u0661", False),
    ("long", "9223372036854775807", True),
    ("long", "9223372036854775808", False),
    ("bool", "TRUE", True),
    ("bool", "false", True),
    ("bool", "1", False),
    ("guid", "0f8fad5b-d9cb-469f-a165-70867728950e", True),
    ("guid", "0F8FAD5BD9CB469FA16570867728950E", True),
    ("guid", "{0f8fad5b-d9cb-469f-a165-70867728950e}", True),
    ("guid", "(0f8fad5b-d9cb-469f-a165-70867728950e)", True),
    ("guid", "{0f8fad5b-d9cb-469f-a165-70867728950e)", False),
    ("guid", "0f8fad5b-d9cb-469f-a165-70867728950", False),
    ("alpha", "abcXYZ", True),
    ("alpha", "abc1", False),
    ("alpha", "\u00e9", False),
    ("datetime", "2024-02-29", True),
    ("datetime", "2024-01-31T23:59:59.123Z", True),
    ("datetime", "2023-02-29", False),
    ("datetime", "soon", False),
    ("decimal", "-1,000.25", True),
    ("decimal", ".5", True),
    ("decimal", "1e3", False),
    ("decimal", "79228162514264337593543950336", False),
    ("double", "1e3", True),
    ("double", "-.5", True),
    ("double", "NaN", True),
    ("double", "e3", False),
    ("float", "1E400", True),
    ("minlength(3)", "abc", True),
    ("minlength(3)", "ab", False),
    ("maxlength(3)", "abcd", False),
    ("length(3)", "abc", True),
    ("length(3)", "ab", False),
    ("length(2,3)", "ab", True),
    ("length(2,3)", "abcd", False),
    ("length(2)", "\U0001f600", True),  # .NET counts UTF-16 code units
    ("min(10)", "10", True),
    ("min(10)", "9", False),
    ("min(10)", "ten", False),
    ("max(10)", "11", False),
    ("range(1,3)", "2", True),
    ("range(1,3)", "4", False),
    ("required", "x", True),
    ("file", "a.txt", True),
    ("file", ".gitignore", True),
    ("file", "a.", False),
    ("file", "abc", False),
    ("nonfile", "abc", True),
    ("nonfile", "a.txt", False),
]


@pytest.mark.parametrize(("constraint", "value", "accepted"), CONSTRAINTS)
def test_constraints(constraint: str, value: str, accepted: bool) -> None:
    """Inline constraints accept what ASP.NET's constraints accept (host-semantics §A3.1)."""
    result = RouteTemplate.parse("{v:" + constraint + "}").match(value)
    assert result == ({"v": value} if accepted else None)


@pytest.mark.parametrize(
    ("template", "path", "expected"),
    [
        ("x/{*p:file}", "x/dir/a.txt", {"p": "dir/a.txt"}),
        ("x/{*p:file}", "x/a.b/c", None),
        ("x/{*p:file}", "x", None),
        ("x/{*p:nonfile}", "x", {}),
        ("x/{*p:required}", "x", None),
        ("x/{p:required?}", "x", {}),
    ],
)
def test_constraints_on_absent_values(
    template: str, path: str, expected: dict[str, str] | None
) -> None:
    """Absent values fail constraints but nonfile, unless optional (host-semantics §A3.1)."""
    assert RouteTemplate.parse(template).match(path) == expected


ANY_TEXT = st.text() | st.text(alphabet="{}/?*:=()[],.^$\\a1- ", max_size=30)


@given(ANY_TEXT)
def test_route_problems_never_raises(route: str) -> None:
    """Validation reports problems for any text instead of raising (host-semantics §A3.1)."""
    problems = route_problems(route)
    assert all(repr(route) in p for p in problems)
    try:
        RouteTemplate.parse(route)
    except RouteTemplateError:
        assert problems
    else:
        reserved = normalize_route(route).startswith(RESERVED_PREFIXES)
        assert len(problems) == reserved


@given(ANY_TEXT, st.text(alphabet="/aAbB1.-", max_size=12))
def test_match_never_raises(template: str, path: str) -> None:
    """Matching any template against any path gives str values or None (host-semantics §A3.1)."""
    try:
        parsed = RouteTemplate.parse(template)
    except RouteTemplateError:
        return
    result = parsed.match(path)
    assert result is None or all(isinstance(v, str) for v in result.values())


_NAMES = st.text("abcxyzABCXYZ_019", min_size=1, max_size=6)
_LITERALS = st.text("abcxyzABCXYZ019._~-", min_size=1, max_size=8)  # cannot start "admin"
_VALUES = st.text(st.characters(blacklist_characters="/"), min_size=1, max_size=8)


@st.composite
def _templates(draw: st.DrawFn) -> tuple[str, str, dict[str, str]]:
    """A template of literal and parameter segments, a path for it and the expected values."""
    kinds = draw(st.lists(st.booleans(), max_size=6))
    names = iter(draw(st.lists(_NAMES, min_size=len(kinds) + 1, unique_by=str.lower)))
    template: list[str] = []
    path: list[str] = []
    expected: dict[str, str] = {}
    for is_parameter in kinds:
        if is_parameter:
            name = next(names)
            template.append("{" + name + "}")
            expected[name] = draw(_VALUES)
            path.append(expected[name])
        else:
            literal = draw(_LITERALS)
            template.append(literal)
            path.append(literal.swapcase())  # literals compare case-insensitively
    if draw(st.booleans()):
        name = next(names)
        template.append("{*" + name + "}")
        rest = "/".join(draw(st.lists(_VALUES, min_size=1, max_size=3)))
        expected[name] = rest
        path.append(rest)
    return "/".join(template), "/".join(path), expected


@given(_templates())
def test_substituted_path_matches(case: tuple[str, str, dict[str, str]]) -> None:
    """A path built by substituting values matches and returns them (host-semantics §A3.1)."""
    template, path, expected = case
    assert route_problems(template) == []
    parsed = RouteTemplate.parse(template)
    assert parsed.match(path) == expected
    assert parsed.parameter_names == tuple(expected)


@given(st.integers(-(2**40), 2**40))
def test_int_constraint_range(number: int) -> None:
    """The int constraint accepts exactly the 32-bit integers (host-semantics §A3.1)."""
    result = RouteTemplate.parse("n/{v:int}").match(f"n/{number}")
    assert (result is not None) == (-(2**31) <= number < 2**31)
