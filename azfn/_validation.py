"""The checks the Python worker and the host run when they index an app.

The worker rejects the *whole* app for one bad function and the host then
reports "0 functions found"; azfn runs the same checks itself, collects every
problem and names the function, the binding and the fix.

- :func:`function_problems`: one function alone (the worker's load-time
  signature checks, host-semantics §A2.1, and the host's metadata checks,
  §A1.1).
- :func:`app_problems`: across functions (unique names, route conflicts).

Messages start with the worker's or host's own wording, so they can be
searched for, and add what to do.
"""

from __future__ import annotations

import re
import typing
from types import FunctionType

from azfn.bindings._base import Binding
from azfn.enums import BindingDirection
from azfn.errors import Problem

if typing.TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Iterable
    from collections.abc import Mapping
    from collections.abc import Sequence

    from azfn.settings import Setting

__all__ = ["HttpRoute", "app_problems", "function_problems"]

_FUNCTION_NAME = re.compile(r"[a-z][a-z0-9_\-]{0,127}\Z", re.IGNORECASE)
# Host 4.1038+ (Azure/azure-functions-host#10764) allows underscores, but not
# two in a row; earlier hosts allowed letters and digits only.
_BINDING_NAME = re.compile(r"[a-zA-Z](?!.*__)[a-zA-Z0-9_]{0,127}\Z")
_RETURN = "$return"
# Enum members looked up once: attribute access on an Enum class is slow.
_IN, _OUT, _INOUT = BindingDirection.IN, BindingDirection.OUT, BindingDirection.INOUT
_EMPTY = object()  # no annotation


def function_problems(
    name: str,
    func: Callable[..., object],
    bindings: Sequence[Binding],
    settings: Mapping[str, Setting],
) -> list[Problem]:
    """Return every problem the worker or host would find in one function."""
    problems: list[Problem] = []

    def add(message: str, binding: str | None = None) -> None:
        problems.append(Problem(name, message, binding))

    if not _FUNCTION_NAME.match(name) or name.lower() == "host":
        add(
            f"'{name}' is not a valid function name. Function names start with "
            "a letter and hold up to 128 letters, digits, '_' and '-' (and are "
            "not 'host'); rename it with @app.function_name(name=...)"
        )
    _check_trigger(bindings, add)
    _check_bindings(bindings, add)
    for setting in settings.values():
        for message in setting.problems():
            add(message)
    _check_signature(func, bindings, add)
    return problems


def _check_trigger(bindings: Sequence[Binding], add: Callable[..., None]) -> None:
    triggers = [b for b in bindings if b.trigger]
    if not triggers:
        add(
            "the function does not have a trigger. A valid function must have "
            "one and only one trigger registered: add a trigger decorator such "
            "as @app.route() or @app.queue_trigger(...)"
        )
    elif len(triggers) > 1:
        described = ", ".join(f"{t.type} ({t.name})" for t in triggers)
        add(
            f"the function has {len(triggers)} triggers: {described}. A function "
            "can only have one trigger: move the others to functions of their own"
        )
    for trigger in triggers:
        if not trigger.type.lower().endswith("trigger"):
            add(
                f"No trigger binding specified. A function must have a trigger "
                f"input binding: the trigger type {trigger.type!r} does not end "
                "with 'Trigger', so the host does not see it as a trigger",
                trigger.name,
            )


def _check_bindings(bindings: Sequence[Binding], add: Callable[..., None]) -> None:
    seen: dict[str, str] = {}
    for binding in bindings:
        for message, about in _binding_messages(binding):
            add(message, about)
        label = typing.cast("object", binding.arg_name)  # untyped callers may pass anything
        if not isinstance(label, str):
            continue  # reported by _binding_messages
        key = label.lower()
        if key in seen:
            add(
                f"Multiple bindings with name '{label}' discovered. Binding names "
                "must be unique (case-insensitively): rename one of them",
                label,
            )
        seen[key] = label


def _binding_messages(binding: Binding) -> tuple[tuple[str, str], ...]:
    """Return what is wrong with *binding* on its own, as (message, binding name).

    Bindings are immutable, so when the class keeps the base ``problems()``
    the answer is cached on the instance: a binding shared by many functions
    (the default HTTP output) is checked once.
    """
    cacheable = type(binding).problems is Binding.problems
    if cacheable:
        cached: tuple[tuple[str, str], ...] | None = vars(binding).get("_checked")
        if cached is not None:
            return cached
    label = typing.cast("object", binding.arg_name)  # untyped callers may pass anything
    about = str(label)
    messages = [
        (f"binding {label!r} ({binding.type}): {message}", about) for message in binding.problems()
    ]
    if not isinstance(label, str) or not (label == _RETURN or _BINDING_NAME.match(label)):
        messages.append(
            (
                f"The binding name {label} is invalid. Please assign a valid name "
                "to the binding: start with a letter, then letters, digits or "
                "single underscores (or use '$return' for the return value)",
                about,
            )
        )
    else:
        if binding.direction == _INOUT:
            messages.append((f'binding {label!r}: "inout" bindings are not supported', label))
        if label == _RETURN and binding.direction != _OUT:
            messages.append(('"$return" binding must have direction set to "out"', label))
    result = tuple(messages)
    if cacheable:
        object.__setattr__(binding, "_checked", result)
    return result


# inspect.CO_VARARGS and CO_VARKEYWORDS, without importing inspect (heavy).
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


def _parameter_names(func: Callable[..., object]) -> list[str] | None:
    """Return the parameter names ``inspect.signature`` would give, or None."""
    code = getattr(func, "__code__", None)
    if (
        isinstance(func, FunctionType)
        and code is not None
        and not hasattr(func, "__wrapped__")
        and not hasattr(func, "__signature__")
    ):
        # Fast path for plain functions: inspect.signature costs ~20x more.
        count = code.co_argcount + code.co_kwonlyargcount
        names = list(code.co_varnames[: code.co_argcount])
        if code.co_flags & _CO_VARARGS:
            names.append(code.co_varnames[count])
        names += code.co_varnames[code.co_argcount : count]
        if code.co_flags & _CO_VARKEYWORDS:
            names.append(code.co_varnames[count + bool(code.co_flags & _CO_VARARGS)])
        return names
    import inspect

    try:
        return list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return None


def _raw_annotations(func: Callable[..., object]) -> Mapping[str, object]:
    if hasattr(func, "__wrapped__"):
        import inspect

        func = inspect.unwrap(func)
    return getattr(func, "__annotations__", None) or {}


def _annotations(func: Callable[..., object], add: Callable[..., None]) -> dict[str, object]:
    raw = _raw_annotations(func)
    if not any(isinstance(v, str) for v in raw.values()):
        return dict(raw)
    try:
        # What the worker does; an unresolvable annotation fails the load.
        return dict(typing.get_type_hints(func))
    except Exception as exc:  # any error here is the user's annotation  # noqa: BLE001  # any error here is the user's annotation
        add(
            f"its type annotations cannot be resolved ({type(exc).__name__}: "
            f"{exc}); the worker resolves them with typing.get_type_hints, so "
            "import every name used in an annotation at module level"
        )
        return {}


def _check_signature(
    func: Callable[..., object], bindings: Sequence[Binding], add: Callable[..., None]
) -> None:
    names = _parameter_names(func)
    if names is None:
        add("the function's signature cannot be read, so its bindings cannot be matched")
        return
    for trigger in bindings:
        if trigger.trigger:
            names = trigger.worker_parameters(names)
    by_name = {b.arg_name: b for b in bindings}
    has_return = by_name.pop(_RETURN, None) is not None
    raw = _raw_annotations(func)
    annotations = _annotations(func, add) if raw else raw
    if "context" in names and "context" not in by_name:
        names.remove("context")
        ann = annotations.get("context", _EMPTY)
        if ann is not _EMPTY and getattr(ann, "__name__", None) != "Context":
            add(
                'the "context" parameter is expected to be of type '
                f"azure.functions.Context, got {ann!r}; annotate it as "
                "func.Context or leave it unannotated",
                "context",
            )
    if len(names) != len(by_name) or not by_name.keys() >= set(names):
        _check_names(names, by_name, add)
    if annotations:
        for param in names:
            binding = by_name.get(param)
            ann = annotations.get(param, _EMPTY)
            if binding is not None and ann is not _EMPTY:
                _check_annotation(binding, ann, add)
        if has_return:
            _check_return(annotations.get("return", _EMPTY), add)


def _check_names(
    names: list[str], by_name: Mapping[str, Binding], add: Callable[..., None]
) -> None:
    extra_params = [n for n in names if n not in by_name]
    extra_bindings = [n for n in by_name if n not in names]
    if extra_params:
        add(
            "the following parameters are declared in Python but not in "
            f"function.json: {_set(extra_params)}; add a binding decorator for "
            "each, give them defaults in a wrapper, or remove them (route "
            "parameters arrive in req.route_params, not as arguments)",
            extra_params[0],
        )
    if extra_bindings:
        add(
            "the following parameters are declared in function.json but not in "
            f"Python: {_set(extra_bindings)}; add a parameter of that name to "
            "the function or fix the binding's arg_name",
            extra_bindings[0],
        )


def _is_out(annotation: object) -> bool:
    origin = typing.get_origin(annotation) or annotation
    return isinstance(origin, type) and any(c.__name__ == "Out" for c in origin.__mro__)


def _is_type(annotation: object) -> bool:
    return isinstance(annotation, type) or typing.get_origin(annotation) is not None


def _check_annotation(binding: Binding, ann: object, add: Callable[..., None]) -> None:
    name = binding.name
    if not _is_type(ann):
        add(f"binding {name} has invalid non-type annotation {ann!r}", name)
    elif binding.direction == _OUT and not _is_out(ann):
        add(
            f'binding {name} is declared to have the "out" direction, but its '
            "annotation in Python is not a subclass of azure.functions.Out; "
            f"annotate it as func.Out[...] ({_describe(ann)} given)",
            name,
        )
    elif binding.direction == _IN and _is_out(ann):
        add(
            f'binding {name} is declared to have the "in" direction in '
            "function.json, but its annotation is azure.functions.Out in "
            "Python; use an output binding decorator or drop the Out[...]",
            name,
        )


def _check_return(ann: object, add: Callable[..., None]) -> None:
    if ann is _EMPTY or ann is None:
        return
    if _is_out(ann):
        add(
            "return annotation should not be azure.functions.Out; annotate the "
            "return value with the type you return",
            _RETURN,
        )
    elif not _is_type(ann):
        add(f"has invalid non-type return annotation {ann!r}", _RETURN)


def _describe(ann: object) -> str:
    return getattr(ann, "__qualname__", None) or repr(ann)


def _set(names: Iterable[str]) -> str:
    return "{" + ", ".join(repr(n) for n in sorted(names)) + "}"


class HttpRoute:
    """What the route-conflict check needs to know of one HTTP function."""

    __slots__ = ("function", "methods", "route")

    def __init__(self, function: str, route: str, methods: frozenset[str] | None) -> None:
        self.function = function
        self.route = route
        self.methods = methods


def app_problems(
    names: Sequence[str], where: Callable[[int], str], routes: Sequence[HttpRoute]
) -> list[Problem]:
    """Return problems across functions.

    Args:
        names: every function's name.
        where: where the function at an index of *names* is defined; only
            called to describe a duplicate.
        routes: every HTTP function's route and methods.
    """
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, name in enumerate(names):
        key = name.lower()
        if key in first:
            other = names[first[key]]
            other_where, this_where = where(first[key]), where(index)
            problems.append(
                Problem(
                    name,
                    f"Function {name} does not have a unique function name "
                    f"({other!r} is defined at {other_where}, {name!r} at "
                    f"{this_where}). Please change @app.function_name() or the "
                    "function method name to be unique.",
                )
            )
        else:
            first[key] = index
    problems += _route_conflicts(routes)
    return problems


def _route_conflicts(routes: Sequence[HttpRoute]) -> list[Problem]:
    from azfn._routing import normalize_route

    problems: list[Problem] = []
    # The host registers routes in case-insensitive name order; of two
    # conflicting functions the later one fails.
    ordered = sorted(routes, key=lambda r: r.function.lower())
    claimed: dict[str, list[HttpRoute]] = {}
    for route in ordered:
        key = normalize_route(route.route)
        others = claimed.setdefault(key, [])
        other = next((o for o in others if _overlap(route.methods, o.methods)), None)
        if other is None:
            others.append(route)
            continue
        problems.append(
            Problem(
                route.function,
                "The route specified conflicts with the route defined by "
                f"function '{other.function}' (both are {route.route!r} for "
                f"{_methods(route.methods, other.methods)}); change one route "
                "or split their methods",
            )
        )
    return problems


def _overlap(a: frozenset[str] | None, b: frozenset[str] | None) -> bool:
    return a is None or b is None or bool(a & b)


def _methods(a: frozenset[str] | None, b: frozenset[str] | None) -> str:
    if a is None and b is None:
        return "every method"
    common = (a or b or frozenset()) if a is None or b is None else a & b
    return ", ".join(sorted(common))
