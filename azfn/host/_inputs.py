# pyright: strict
"""What the host delivers for a function's trigger and inputs, from what a test passes.

:func:`trigger_inputs` turns the values a test gives by binding name (azfn
types or plain ``str``/``bytes``/``dict``/``list``) into the data, trigger
metadata and binding data the real host would send (host-semantics §A2.2,
§A5.3, §A6.2, §A7.1-§A7.3, and the metadata keys each type module documents).
Values the test leaves out are generated as the host would (a queue message
id, ``DequeueCount`` 1, the timer payload...). Missing inputs and values of
the wrong type raise errors that list what the function needs.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING
from typing import cast

from azfn._metadata import WireMetadata
from azfn._metadata import to_json
from azfn.host._deliveries import DIRECT
from azfn.host._deliveries import OPTIONAL
from azfn.host._deliveries import conversion_for
from azfn.host._deliveries import expected_types
from azfn.host._delivery import Call
from azfn.host._delivery import Delivery
from azfn.host._delivery import InvalidInputError
from azfn.host._delivery import MissingInputError
from azfn.host._delivery import delivery_time
from azfn.host._delivery import iso
from azfn.host._delivery import json_object
from azfn.host._delivery import merge_binding_data
from azfn.host._invoker import NO_DATA
from azfn.host._invoker import InvocationRequest
from azfn.meta import Datum

if TYPE_CHECKING:
    from collections.abc import Callable
    from collections.abc import Mapping

    from azfn.host._deliveries import Conversion
    from azfn.host._deliveries import DirectConversion
    from azfn.host._model import FunctionInfo

__all__ = [
    "FeedPlan",
    "InvalidInputError",
    "MissingInputError",
    "expected_types",
    "invocation_request",
    "trigger_inputs",
]


# --- binding data ----------------------------------------------------------------------


def _apply_json(metadata: dict[str, object], data: Datum) -> None:
    """The host's ApplyBindingData: a JSON object trigger value adds its properties.

    They override the system keys, ignoring case (host-semantics §A6.2; this is
    why a queue message ``{"id": 7}`` gets ``QueueMessage.id == "7"``).
    """
    if not isinstance(data.value, str) or data.type not in {"string", "json"}:
        return
    parsed = json_object(data.value)
    if parsed:
        merge_binding_data(metadata, parsed, arrays=False)


def _to_text(value: object) -> str:
    if isinstance(value, Datum):
        value = value.python_value
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return iso(value)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return to_json(value)


_NO_SETTINGS: Mapping[str, str] = {}
# An InvocationRequest from its fields in order, at half the cost of the
# NamedTuple's generated __new__ (it runs once per invocation).
_new_request = cast(
    "Callable[[type[InvocationRequest], tuple[object, ...]], InvocationRequest]",
    tuple.__new__,  # pyright: ignore[reportUnknownMemberType]  # typed by the cast
)


# --- the entry point -------------------------------------------------------------------


def _describe_needs(function: FunctionInfo) -> str:
    lines: list[str] = []
    for binding in (function.trigger, *function.inputs):
        kind = "trigger" if binding.is_trigger else "input"
        optional = " (optional)" if binding.type.lower() in OPTIONAL else ""
        lines.append(
            f"  - {binding.name!r}: {binding.type} {kind}{optional}: {expected_types(binding)}"
        )
    return "\n".join(lines)


class FeedPlan:
    """How test values become one function's inputs, worked out once per function.

    Attributes:
        names: The trigger's and input bindings' names.
        required: The names a test must give (all but an optional trigger's).
        convert: The trigger's conversion.
        direct: The trigger's direct conversion, when it may be used (see
            :mod:`._deliveries`), else None.
        inputs: Per input binding: the binding and its conversion.
    """

    __slots__ = (
        "_calls",
        "_function",
        "_steps",
        "convert",
        "direct",
        "inputs",
        "names",
        "required",
    )

    def __init__(self, function: FunctionInfo) -> None:
        self._function = function  # for error messages
        wanted = (function.trigger, *function.inputs)
        self.names = frozenset(binding.name for binding in wanted)
        self.required = tuple(
            b.name for b in wanted if not (b.is_trigger and b.type.lower() in OPTIONAL)
        )
        # Per binding, the trigger first: the binding, what it accepts, its conversion.
        self._steps = tuple((binding, *conversion_for(binding)) for binding in wanted)
        self.convert: Conversion = self._steps[0][2]
        self.inputs = tuple((binding, convert) for binding, _, convert in self._steps[1:])
        self.direct = _direct(function)
        self._calls: tuple[datetime.datetime, Mapping[str, str], tuple[Call, ...]] | None = None

    def calls(
        self,
        values: Mapping[str, object],
        now: datetime.datetime | None = None,
        settings: Mapping[str, str] | None = None,
    ) -> tuple[Call, ...]:
        """Each binding's :class:`Call` for a test's *values*, the trigger's first,
        once their names are checked; reused while the time and settings are the same.

        *now* is the delivery time: by default the current UTC time, to the
        second; a naive time is taken as UTC.

        Raises:
            MissingInputError: a binding that needs a value has none.
            InvalidInputError: a name is not one of the trigger and input bindings.
        """
        if len(values) != len(self.required) or not self.names.issuperset(values):
            _check_names(self._function, self, values)
        if settings is None:
            settings = _NO_SETTINGS
        if now is None:
            now = delivery_time()
        elif now.tzinfo is None:
            now = now.replace(tzinfo=datetime.timezone.utc)
        last = self._calls  # one read: another thread may replace it
        if last is not None and last[0] is now and last[1] is settings:
            return last[2]
        steps = self._steps
        calls = tuple(Call(binding, now, settings, accepts) for binding, accepts, _ in steps)
        self._calls = (now, settings, calls)
        return calls


def _direct(function: FunctionInfo) -> DirectConversion | None:
    found = DIRECT.get(function.trigger.type.lower())
    if found is None or function.uses_binding_data:
        return None
    decoder, direct = found
    return direct if function.call_plan.decoder(function.trigger.name) == decoder else None


def _check_names(function: FunctionInfo, plan: FeedPlan, values: Mapping[str, object]) -> None:
    unknown = [name for name in values if name not in plan.names]
    if unknown:
        outputs = [b.name for b in function.outputs if b.name in unknown]
        hint = (
            f" ({', '.join(map(repr, outputs))} is an output: outputs are captured, not given)"
            if outputs
            else ""
        )
        raise InvalidInputError(
            f"function {function.name!r} has no input binding named "
            f"{', '.join(map(repr, unknown))}{hint}; it takes:\n{_describe_needs(function)}"
        )
    missing = [name for name in plan.required if name not in values]
    if missing:
        raise MissingInputError(
            f"function {function.name!r} needs a value for {', '.join(map(repr, missing))}; "
            f"it takes:\n{_describe_needs(function)}"
        )


def trigger_inputs(
    function: FunctionInfo,
    values: Mapping[str, object],
    *,
    now: datetime.datetime | None = None,
    settings: Mapping[str, str] | None = None,
    binding_data: bool = True,
) -> tuple[dict[str, Datum], Mapping[str, Datum], dict[str, str]]:
    """Convert a test's values into what the host would deliver to *function*.

    Args:
        function: the function to feed.
        values: the trigger's and input bindings' values, by binding name.
        now: the delivery time (default: the current UTC time, to the second).
        settings: app settings for ``%Name%`` in a blob trigger's path.
        binding_data: whether to compute the binding data; pass
            ``function.uses_binding_data`` to skip it when nothing uses it.

    Returns:
        The input data by binding name, the trigger metadata (a mapping of the
        Datums the host sends, built on access), and the binding
        data for binding expressions (keys unique ignoring case; nested
        objects as JSON text).

    Raises:
        MissingInputError: the trigger or an input binding has no value.
        InvalidInputError: a value has the wrong type (also a ``TypeError``), or
            a name is not one of the function's trigger and input bindings.
    """
    calls = function.feed.calls(values, now, settings)
    return _deliver(function, values, calls, binding_data=binding_data)


def invocation_request(
    function: FunctionInfo,
    values: Mapping[str, object],
    *,
    now: datetime.datetime | None = None,
    settings: Mapping[str, str] | None = None,
) -> InvocationRequest:
    """The request the host would send *function* for a test's values.

    Like :func:`trigger_inputs`, but the trigger's value may take its direct
    conversion (see :mod:`._deliveries`) and go in ``decoded``; the binding
    data is computed only when a binding expression uses it.

    Raises:
        MissingInputError: the trigger or an input binding has no value.
        InvalidInputError: a value has the wrong type, or a name is not one of
            the function's trigger and input bindings.
    """
    plan = function.feed
    calls = plan.calls(values, now, settings)
    if plan.direct is not None:
        trigger = function.trigger.name
        value = values.get(trigger)
        decoded = None if isinstance(value, Datum) else plan.direct(value, calls[0])
        if decoded is not None:
            inputs = _deliver_inputs(plan, values, calls, {}) if plan.inputs else {}
            fields = (function, inputs, NO_DATA, NO_DATA, {trigger: decoded})
            return _new_request(InvocationRequest, fields)
    inputs, metadata, binding_data = _deliver(
        function, values, calls, binding_data=function.uses_binding_data
    )
    return InvocationRequest(function, inputs, metadata, binding_data)


def _deliver(
    function: FunctionInfo,
    values: Mapping[str, object],
    calls: tuple[Call, ...],
    *,
    binding_data: bool,
) -> tuple[dict[str, Datum], Mapping[str, Datum], dict[str, str]]:
    plan = function.feed
    trigger = function.trigger.name
    value = values.get(trigger)
    delivery = Delivery(value) if isinstance(value, Datum) else plan.convert(value, calls[0])
    inputs = {trigger: delivery.data}
    metadata = delivery.metadata  # None values: unset, absent from WireMetadata
    if delivery.binding is None:
        _apply_json(metadata, delivery.data)
        data = metadata
    else:
        data = delivery.binding
    if plan.inputs:
        _deliver_inputs(plan, values, calls, inputs)
    return (
        inputs,
        WireMetadata(metadata),
        {key: _to_text(value) for key, value in data.items() if value is not None}
        if binding_data
        else {},
    )


def _deliver_inputs(
    plan: FeedPlan, values: Mapping[str, object], calls: tuple[Call, ...], inputs: dict[str, Datum]
) -> dict[str, Datum]:
    """Add the input bindings' data to *inputs*."""
    for (binding, convert), call in zip(plan.inputs, calls[1:], strict=True):
        value = values.get(binding.name)
        inputs[binding.name] = value if isinstance(value, Datum) else convert(value, call).data
    return inputs
