# pyright: strict
"""The host's model of a loaded app: bindings, functions and projects.

These are plain data classes shared by the whole in-process host pipeline
(load -> route -> bind -> invoke -> convert): :class:`BindingInfo` is one
binding as the host sees it (from v2 metadata or a v1 ``function.json``),
:class:`ParameterInfo` says how one Python parameter is fed,
:class:`FunctionInfo` is one function ready to invoke and :class:`Project`
is a loaded app. They are built by :func:`azfn.host.function_info`,
:func:`azfn.host.function_info_from_json` and ``azfn.host.load_project``.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING
from typing import Literal
from typing import cast

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable
    from collections.abc import Mapping
    from pathlib import Path

    from azfn._app.register import FunctionRegister
    from azfn.bindings._base import JSONValue
    from azfn.host._attempt import CallPlan
    from azfn.host._inputs import FeedPlan

__all__ = [
    "BindingInfo",
    "FunctionInfo",
    "ParameterInfo",
    "Project",
    "RetryPolicySpec",
    "UnknownFunctionError",
]


@dataclasses.dataclass(frozen=True)
class BindingInfo:
    """One binding as the host sees it.

    Attributes:
        name: The binding's name (its parameter name); ``"$return"`` for
            the return binding.
        type: The binding type, e.g. ``"queueTrigger"``, ``"blob"``.
        direction: ``"in"`` or ``"out"``.
        data_type: ``"string"``, ``"binary"``, ``"stream"`` or None.
        is_trigger: Whether the type ends with ``trigger`` (any case).
        raw: The binding's full metadata dict (camelCase keys).
    """

    name: str
    type: str
    direction: Literal["in", "out"]
    data_type: str | None
    is_trigger: bool
    raw: Mapping[str, JSONValue]

    @classmethod
    def from_metadata(cls, raw: Mapping[str, object]) -> BindingInfo:
        """Build a binding from its metadata dict (v2 metadata or function.json).

        Args:
            raw: The binding's metadata: ``name``, ``type``, ``direction``,
                optionally ``dataType`` and any binding-specific keys.

        Returns:
            The binding. A direction other than ``out`` (``in``, ``inout``,
            missing) is ``"in"``, except the ``$return`` binding, always out.
        """
        name = str(raw.get("name", ""))
        type_ = str(raw.get("type", ""))
        direction_raw = str(raw.get("direction", "in")).lower()
        direction: Literal["in", "out"] = (
            "out" if direction_raw == "out" or name == "$return" else "in"
        )
        data_type_raw = raw.get("dataType")
        data_type = str(data_type_raw).lower() if data_type_raw is not None else None
        if data_type == "undefined":
            data_type = None
        return cls(
            name=name,
            type=type_,
            direction=direction,
            data_type=data_type,
            is_trigger=type_.lower().endswith("trigger"),
            raw=cast("dict[str, JSONValue]", dict(raw)),
        )


@dataclasses.dataclass(frozen=True)
class RetryPolicySpec:
    """A function's retry policy (host-semantics §A6.3).

    Attributes:
        strategy: ``"fixed_delay"`` or ``"exponential_backoff"``.
        max_retry_count: Retries after the first attempt (``-1``: unbounded).
        delay_interval: The fixed delay (fixed_delay only).
        minimum_interval: The first delay (exponential_backoff only).
        maximum_interval: The delay cap (exponential_backoff only).
    """

    strategy: Literal["fixed_delay", "exponential_backoff"]
    max_retry_count: int
    delay_interval: datetime.timedelta | None = None
    minimum_interval: datetime.timedelta | None = None
    maximum_interval: datetime.timedelta | None = None


@dataclasses.dataclass(frozen=True)
class ParameterInfo:
    """How one parameter of the user function is fed.

    Attributes:
        name: The parameter name.
        binding: Its binding; None for the injected ``context``.
        annotation: The resolved annotation, or ``inspect.Parameter.empty``.
        is_context: Whether it receives the invocation :class:`~azfn.Context`.
        is_out: Whether it is annotated ``Out[...]`` or bound to an out binding.
        generic: Whether the worker's generic converter feeds it: annotated
            exactly ``str``/``bytes`` on a binding without implicit output
            (host-semantics §A2.1 step 5), or a binding type with no
            registered converter.
    """

    name: str
    binding: BindingInfo | None
    annotation: object
    is_context: bool
    is_out: bool
    generic: bool


@dataclasses.dataclass(frozen=True)
class FunctionInfo:
    """One loaded function, ready to invoke.

    Attributes:
        name: The function name.
        func: What the worker calls (for MCP tools, the worker's wrapper).
        directory: The app directory (v2) or the function folder (v1).
        bindings: Every binding, in metadata order.
        trigger: The trigger binding.
        inputs: The non-trigger ``in`` bindings.
        outputs: The ``out`` bindings, ``$return`` included.
        return_binding: The explicit ``$return`` binding, else an
            implicit-output binding, else None (host-semantics §A2.1).
        is_async: Whether ``func`` is a coroutine function.
        retry: The retry policy, if any.
        http_type: ``"function"``, ``"asgi"`` or ``"wsgi"``.
        parameters: How each Python parameter is fed, in signature order.
    """

    name: str
    func: Callable[..., object]
    directory: str
    bindings: tuple[BindingInfo, ...]
    trigger: BindingInfo
    inputs: tuple[BindingInfo, ...]
    outputs: tuple[BindingInfo, ...]
    return_binding: BindingInfo | None
    is_async: bool
    retry: RetryPolicySpec | None
    http_type: str
    parameters: tuple[ParameterInfo, ...]

    @functools.cached_property
    def uses_binding_data(self) -> bool:
        """Whether an input or output binding has a binding expression to resolve."""
        from azfn.host._expressions import is_expression

        return any(
            is_expression(key, value)
            for binding in (*self.inputs, *self.outputs)
            for key, value in binding.raw.items()
        )

    @functools.cached_property
    def feed(self) -> FeedPlan:
        """How test values become this function's inputs (worked out on first use)."""
        from azfn.host._inputs import FeedPlan

        return FeedPlan(self)

    @functools.cached_property
    def call_plan(self) -> CallPlan:
        """How this function is called (worked out on first use)."""
        from azfn.host._attempt import CallPlan

        return CallPlan(self)

    def binding(self, name: str) -> BindingInfo | None:
        """Return the binding with this name, or None."""
        for binding in self.bindings:
            if binding.name == name:
                return binding
        return None


class UnknownFunctionError(KeyError):
    """Raised by :meth:`Project.function` for a name the project lacks."""

    def __init__(self, name: str, known: list[str]) -> None:
        self.name = name
        self.known = known
        listed = ", ".join(known) if known else "(none)"
        super().__init__(f"no function named {name!r}; the functions are: {listed}")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclasses.dataclass
class Project:
    """A loaded app: what the test client and the local host serve.

    Attributes:
        functions: The functions by name, in host order (case-insensitive
            name sort).
        route_prefix: ``extensions.http.routePrefix`` of host.json (``"api"``).
        settings: ``local.settings.json`` ``Values`` plus explicit settings.
        directory: The app folder, if loaded from one.
        warnings: Problems found while loading that do not stop it.
        app: The app object of a v2 project (None for v1 folders).
    """

    functions: dict[str, FunctionInfo]
    route_prefix: str = "api"
    settings: dict[str, str] = dataclasses.field(default_factory=dict[str, str])
    directory: Path | None = None
    warnings: tuple[str, ...] = ()
    app: FunctionRegister | None = None

    def function(self, name: str) -> FunctionInfo:
        """Return the function named ``name`` (exact, then case-insensitive).

        Raises:
            UnknownFunctionError: No function has that name.
        """
        try:
            return self.functions[name]
        except KeyError:
            pass
        lowered = name.lower()
        for key, info in self.functions.items():
            if key.lower() == lowered:
                return info
        raise UnknownFunctionError(name, list(self.functions))
