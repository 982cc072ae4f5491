"""The base of every binding declaration and its rendering into host metadata.

A binding is declared once, as a class subclassing :class:`Trigger`,
:class:`InputBinding` or :class:`OutputBinding` whose annotated attributes are
its fields (dataclass style, through ``dataclass_transform``: type checkers
see the constructor, and no code is generated at import, which keeps
``import azfn`` fast with some sixty bindings). Its fields, in the reference
library's parameter order, are at the same time the decorator's parameters
(see ``azfn._app.decorators``), the metadata keys (``queue_name`` ->
``queueName``) and what test strategies generate. Nothing here does IO.

Values are never rejected while a binding is constructed: a bad enum string,
say, is recorded and reported with every other problem when the app is
indexed, so one run of ``azfn check`` shows them all.
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Mapping  # noqa: TC003  # get_type_hints reads field annotations
from typing import TYPE_CHECKING
from typing import ClassVar

# typing_extensions costs several milliseconds to import: only 3.10 needs it.
if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - exercised on 3.10
    from typing_extensions import dataclass_transform

if TYPE_CHECKING:
    from collections.abc import Iterator

    from typing_extensions import Self

from azfn._naming import to_camel_case
from azfn.bindings._json import json_text
from azfn.bindings._json import quote
from azfn.bindings._json import to_json
from azfn.bindings._json import to_repr
from azfn.bindings._parsers import Parser
from azfn.bindings._parsers import parser_for
from azfn.enums import BindingDirection
from azfn.enums import DataType

__all__ = [
    "Binding",
    "Field",
    "InputBinding",
    "JSONValue",
    "OutputBinding",
    "Trigger",
    "fields",
]

JSONValue: typing.TypeAlias = (
    "str | int | float | bool | list[JSONValue] | dict[str, JSONValue] | None"
)

_SCALARS = frozenset({str, int, float, bool})
# Fields rendered in fixed places (or not at all) instead of in field order.
_PLACED = frozenset({"arg_name", "data_type"})

_MISSING: typing.Final = object()


class Field:
    """One declared field of a binding: its name and default."""

    # Plain classes here, not NamedTuples: those cost a millisecond at import.
    __slots__ = ("default", "name")

    def __init__(self, name: str, default: object) -> None:
        self.name = name
        self.default = default

    def __repr__(self) -> str:
        return f"Field({self.name!r}, default={self.default!r})"

    @property
    def required(self) -> bool:
        """Whether the constructor needs a value for this field."""
        return self.default is _MISSING


class _ClassPlan:
    """What a binding class needs at run time, worked out once per class."""

    def __init__(
        self,
        cls: type[Binding],
        fields: tuple[Field, ...],
        json_fields: list[tuple[str, str]],
        parsers: list[tuple[str, Parser]],
    ) -> None:
        self.fields = fields
        self.field_names = frozenset(f.name for f in fields)
        self.json_fields = tuple(json_fields)
        self.parsers = tuple(parsers)
        self.parser_map = dict(parsers)
        # Field names in order, those without a default, and the defaults.
        self.names = tuple(f.name for f in fields)
        self.required = frozenset(f.name for f in fields if f.required)
        self.defaults = {f.name: f.default for f in fields if not f.required}
        # The metadata's "direction" value, and its JSON text.
        self.direction: str = cls.direction.name
        self.direction_json = f'"direction": {quote(self.direction)}'
        # (attribute, '"jsonKey": ') for the fields rendered in order.
        self.json_keys = tuple((attr, quote(key) + ": ") for attr, key in json_fields)


def _declared_fields(cls: type[Binding]) -> tuple[Field, ...]:
    """Collect annotated attributes, base classes first, as dataclasses do."""
    defaults: dict[str, object] = {}
    for klass in reversed(cls.__mro__):
        if not issubclass(klass, Binding) or klass in _FRAMEWORK:
            continue
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if name.startswith("_") or "ClassVar" in str(annotation):
                continue
            defaults[name] = vars(klass).get(name, _MISSING)
    return tuple(Field(name, default) for name, default in defaults.items())


def _plan(cls: type[Binding]) -> _ClassPlan:
    plan: _ClassPlan | None = cls.__dict__.get("_plan")
    if plan is not None:
        return plan
    fields = _declared_fields(cls)
    hints = typing.get_type_hints(cls)
    json_fields: list[tuple[str, str]] = []
    parsers: list[tuple[str, Parser]] = []
    for field in fields:
        if field.name not in _PLACED and field.name != "type":
            key = cls._json_names.get(field.name) or to_camel_case(field.name)
            json_fields.append((field.name, key))
        parser = parser_for(hints[field.name])
        if parser is not None:
            parsers.append((field.name, parser))
    if cls.json_order:
        rank = {name: i for i, name in enumerate(cls.json_order)}
        json_fields.sort(key=lambda item: rank.get(item[0], len(rank)))
    plan = _ClassPlan(cls, fields, json_fields, parsers)
    cls._plan = plan
    return plan


def fields(binding: type[Binding] | Binding) -> tuple[Field, ...]:
    """Return the declared fields of a binding class (or instance), in order."""
    cls = binding if isinstance(binding, type) else type(binding)
    return _plan(cls).fields


@dataclass_transform(frozen_default=True)
class Binding:
    """A trigger, input or output binding of one function.

    The attributes the Python worker reads are :attr:`name`, :attr:`type`,
    :attr:`direction` and ``data_type``; :meth:`to_metadata` is the JSON the
    host reads.
    """

    #: The host's binding type, such as ``"queueTrigger"``.
    type: str
    #: The function parameter this binding feeds (``"$return"`` for the result).
    arg_name: str
    direction: ClassVar[BindingDirection]
    #: Whether the binding starts the function (read directly when indexing).
    trigger: ClassVar[bool] = False

    def is_trigger(self) -> bool:
        """Return whether this binding starts the function."""
        return self.trigger

    def worker_parameters(self, parameters: list[str]) -> list[str]:
        """Return the parameters the worker sees, given the function's.

        The same list, except for bindings whose decorator wraps the
        function (an MCP tool takes its arguments from the trigger's JSON).
        """
        return parameters

    #: Field names in metadata order, for the few bindings whose reference
    #: metadata order is not their parameter order (empty: parameter order).
    json_order: ClassVar[tuple[str, ...]] = ()

    _plan: ClassVar[_ClassPlan | None] = None
    # Metadata keys that are not the camelCase of the field name.
    _json_names: ClassVar[Mapping[str, str]] = {}
    _extra: Mapping[str, object] = {}  # replaced, never mutated
    _problems: tuple[str, ...] = ()

    @classmethod
    def create(
        cls, args: tuple[object, ...], kwargs: Mapping[str, object], *, extras: bool
    ) -> Self:
        """Construct from decorator arguments, keeping unknown keywords.

        Unknown keywords become extra metadata keys when *extras* is true (as
        the reference renders them); otherwise they are a ``TypeError``.
        """
        names = _plan(cls).field_names
        if names.issuperset(kwargs):
            return cls(*args, **kwargs)
        known = {k: v for k, v in kwargs.items() if k in names}
        unknown = {k: v for k, v in kwargs.items() if k not in names}
        if not extras:
            raise TypeError(
                f"{cls.__name__} got unexpected keyword arguments "
                f"{sorted(unknown)}; it takes {sorted(names)}"
            )
        binding = cls(*args, **known)
        binding._set_extra(unknown)
        return binding

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Runs for every decorator applied: plain dict work, no per-field calls.
        plan = type(self).__dict__.get("_plan") or _plan(type(self))
        if args:
            if len(args) > len(plan.names):
                raise TypeError(
                    f"{type(self).__name__}() takes {len(plan.names)} positional "
                    f"arguments but {len(args)} were given"
                )
            values = dict(zip(plan.names, args, strict=False))
            for key in kwargs:
                if key in values:
                    raise TypeError(
                        f"{type(self).__name__}() got multiple values for argument {key!r}"
                    )
            values.update(kwargs)
        else:
            values = kwargs
        if not plan.field_names.issuperset(values):
            unknown = sorted(set(values) - plan.field_names)
            raise TypeError(
                f"{type(self).__name__}() got an unexpected keyword argument {unknown[0]!r}"
            )
        if not plan.required.issubset(values):
            missing = [n for n in plan.names if n in plan.required and n not in values]
            names = " and ".join(repr(m) for m in missing)
            raise TypeError(f"{type(self).__name__}() missing required arguments: {names}")
        state = dict(plan.defaults)
        state.update(values)
        problems: list[str] = []
        for name, parse in plan.parsers:
            value = state[name]
            if value is not None:
                try:
                    state[name] = parse(value)
                except (ValueError, TypeError) as exc:
                    problems.append(f"{name}: {exc}")
        if problems:
            state["_problems"] = tuple(problems)
        # Frozen: __setattr__ refuses, so fill the instance dict directly.
        vars(self).update(state)
        self.__post_init__()

    def __post_init__(self) -> None:
        """Normalise field values once constructed (nothing by default).

        Overrides set attributes with ``object.__setattr__`` (the binding is
        frozen). Runs in ``__init__`` only: :meth:`replace` copies the state.
        """

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use .replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def _values(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in _plan(type(self)).fields}

    def __repr__(self) -> str:
        shown = [f"{k}={v!r}" for k, v in self._values().items() if v is not None]
        shown += [f"{k}={v!r}" for k, v in self._extra.items()]
        return f"{type(self).__name__}({', '.join(shown)})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Binding)
        return self._values() == other._values() and self._extra == other._extra

    def __hash__(self) -> int:
        return hash((type(self), json.dumps(self.to_metadata(), sort_keys=True, default=repr)))

    def _set_extra(self, extra: Mapping[str, object]) -> None:
        problems = list(self._problems)
        for key in extra:
            try:
                to_camel_case(key)
            except ValueError as exc:
                problems.append(str(exc))
        object.__setattr__(self, "_extra", dict(extra))
        object.__setattr__(self, "_problems", tuple(problems))

    @property
    def name(self) -> str:
        """The binding's name: the parameter it feeds, or ``$return``."""
        return self.arg_name

    @property
    def extra_fields(self) -> Mapping[str, object]:
        """Keyword arguments that are not fields, rendered as extra keys."""
        return self._extra

    def get_binding_name(self) -> str:
        """Return the host's binding type (the reference's spelling)."""
        return self.type

    def replace(self, **changes: object) -> Self:
        """Return a copy with *changes*: fields if known, else extra keys."""
        cls = type(self)
        plan = cls.__dict__.get("_plan") or _plan(cls)
        state = dict(vars(self))
        for cache in _CACHES:  # derived: worked out again for the copy
            state.pop(cache, None)
        problems: list[str] = []
        extra: dict[str, object] = {}
        for key, value in changes.items():
            if key not in plan.field_names:
                extra[key] = value
                continue
            parse = plan.parser_map.get(key)
            if parse is not None and value is not None:
                try:
                    value = parse(value)
                except (ValueError, TypeError) as exc:
                    problems.append(f"{key}: {exc}")
            state[key] = value
        if problems:
            state["_problems"] = (*self._problems, *problems)
        new = object.__new__(cls)
        vars(new).update(state)
        if extra:
            new._set_extra({**self._extra, **extra})
        return new

    def _copy(self, **fields: object) -> Self:
        """Return a copy with *fields* set as given: trusted, already parsed values."""
        state = dict(vars(self))
        for cache in _CACHES:
            state.pop(cache, None)
        state.update(fields)
        new = object.__new__(type(self))
        vars(new).update(state)
        return new

    def problems(self) -> list[str]:
        """Return what is wrong with this binding's values (empty if nothing)."""
        problems = list(self._problems)
        if not problems:
            try:
                self.to_json()
            except (TypeError, ValueError) as exc:
                problems.append(f"its metadata cannot be written as JSON: {exc}")
        return problems

    def to_json(self) -> str:
        """Return :meth:`to_metadata` as a JSON string (what the host receives).

        Byte for byte ``json.dumps(self.to_metadata())``, written directly:
        indexing a large app renders every binding once.
        """
        state = vars(self)
        cached: str | None = state.get("_json")
        if cached is not None:
            return cached
        if type(self).to_metadata is not Binding.to_metadata:
            cached = json.dumps(self.to_metadata())
        else:
            plan = type(self).__dict__.get("_plan") or _plan(type(self))
            parts = [plan.direction_json]
            data_type = state.get("data_type")
            if data_type is not None:
                parts.append('"dataType": ' + json_text(to_json(data_type)))
            kind, name = self.type, self.arg_name
            parts.append('"type": ' + (quote(kind) if type(kind) is str else json_text(kind)))
            parts.append('"name": ' + (quote(name) if type(name) is str else json_text(name)))
            for attr, quoted_key in plan.json_keys:
                value = state[attr]
                if value is None:
                    continue
                # Strings are most values: quote them without the dispatch.
                if type(value) is str:
                    parts.append(quoted_key + quote(value))
                else:
                    parts.append(quoted_key + json_text(value))
            for key, value in self._extra.items():
                if value is not None:
                    parts.append(quote(to_camel_case(key)) + ": " + json_text(value))
            cached = "{" + ", ".join(parts) + "}"
        object.__setattr__(self, "_json", cached)
        return cached

    def _items(self) -> Iterator[tuple[str, object]]:
        plan = _plan(type(self))
        for attr, key in plan.json_fields:
            value = getattr(self, attr)
            if value is not None:
                yield key, value
        for key, value in self._extra.items():
            if value is not None:
                yield to_camel_case(key), value

    def _head(self) -> dict[str, object]:
        head: dict[str, object] = {"direction": self.direction}
        data_type: DataType | str | None = getattr(self, "data_type", None)
        if data_type is not None:
            head["dataType"] = data_type
        head["type"] = self.type
        head["name"] = self.arg_name
        return head

    def to_metadata(self) -> dict[str, JSONValue]:
        """Return this binding as the host reads it (one ``bindings`` entry)."""
        # The hot path of indexing an app: keep it to plain dict work.
        state = vars(self)
        plan = type(self).__dict__.get("_plan") or _plan(type(self))
        out: dict[str, object] = {"direction": plan.direction}
        data_type = state.get("data_type")
        if data_type is not None:
            out["dataType"] = to_json(data_type)
        out["type"] = self.type
        out["name"] = self.arg_name
        for attr, key in plan.json_fields:
            value = state[attr]
            if value is not None:
                out[key] = value if type(value) in _SCALARS else to_json(value)
        for key, value in self._extra.items():
            if value is not None:
                out[to_camel_case(key)] = to_json(value)
        return typing.cast("dict[str, JSONValue]", out)

    def get_dict_repr(self) -> dict[str, object]:
        """Return the metadata with enum objects kept (the reference's form)."""
        out = self._head()
        for key, value in self._items():
            out[key] = to_repr(value)
        return out


class Trigger(Binding):
    """A binding that starts the function; every function has exactly one."""

    direction: ClassVar[BindingDirection] = BindingDirection.IN
    trigger: ClassVar[bool] = True


class InputBinding(Binding):
    """Data the host reads and passes to the function."""

    direction: ClassVar[BindingDirection] = BindingDirection.IN


class OutputBinding(Binding):
    """Data the function hands back to the host to write."""

    direction: ClassVar[BindingDirection] = BindingDirection.OUT


_FRAMEWORK = frozenset({Binding, Trigger, InputBinding, OutputBinding})
# Derived values cached on an instance; never copied by replace().
_CACHES = frozenset({"_json", "_checked"})
