"""Properties every binding declaration has, for any values its fields accept."""

from __future__ import annotations

import collections.abc
import datetime
import importlib
import json
import pkgutil
import re
import types
import typing

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

import azfn.bindings
from azfn.bindings._base import Binding
from azfn.bindings._base import fields
from azfn.bindings.dapr import DaprTopicTrigger
from azfn.bindings.openai import InputType
from azfn.bindings.openai import OpenAIModels
from azfn.enums import StringifyEnum

# Every declaration module, found rather than listed: a new binding is covered.
MODULES = tuple(
    module.name
    for module in pkgutil.iter_modules(azfn.bindings.__path__)
    if not module.name.startswith("_")
)

BINDINGS: list[type[Binding]] = sorted(
    {
        cls
        for name in MODULES
        for cls in vars(importlib.import_module(f"azfn.bindings.{name}")).values()
        if isinstance(cls, type)
        and issubclass(cls, Binding)
        and cls.__module__ == f"azfn.bindings.{name}"
    },
    key=lambda cls: cls.__name__,
)

#: Enums whose members are examples: any string is a valid value too.
OPEN_ENUMS: tuple[type[StringifyEnum], ...] = (InputType, OpenAIModels)
CAMEL = re.compile(r"[a-z][a-zA-Z0-9]*\Z")
TEXT = st.text(min_size=1, max_size=20)
JSON_TEXT = st.text(max_size=20)


def _enum_values(enum_type: type[StringifyEnum]) -> st.SearchStrategy[object]:
    members = list(enum_type)
    names = st.sampled_from([m.name for m in members])
    any_case = names.flatmap(lambda n: st.sampled_from([n, n.lower(), n.upper(), n.capitalize()]))
    values: st.SearchStrategy[object] = st.sampled_from(members) | any_case
    if enum_type in OPEN_ENUMS:
        values = values | TEXT
    return values


def _strategy(hint: object) -> st.SearchStrategy[object]:
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        enums = [a for a in args if isinstance(a, type) and issubclass(a, StringifyEnum)]
        if enums:
            strategy = _enum_values(enums[0])
        else:
            strategy = st.one_of([_strategy(a) for a in args if a is not type(None) and _usable(a)])
        return (st.none() | strategy) if type(None) in args else strategy
    if origin in (collections.abc.Iterable, collections.abc.Sequence, list):
        return st.lists(_strategy(args[0]), max_size=3)
    if isinstance(hint, type) and issubclass(hint, StringifyEnum):
        return _enum_values(hint)
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=-(2**31), max_value=2**31)
    if hint is datetime.datetime:
        return st.datetimes(timezones=st.just(datetime.timezone.utc))
    return JSON_TEXT


def _usable(hint: object) -> bool:
    # Sequences of PromptArgument are normalised to a JSON string: tested apart.
    return typing.get_origin(hint) not in (collections.abc.Sequence,)


HINTS = {cls: typing.get_type_hints(cls) for cls in BINDINGS}
STRATEGIES = {
    cls: st.fixed_dictionaries({f.name: _strategy(HINTS[cls][f.name]) for f in fields(cls)})
    for cls in BINDINGS
}


def _enum_of(hint: object) -> type[StringifyEnum] | None:
    for arg in typing.get_args(hint) or (hint,):
        if typing.get_origin(arg) is not None:
            found = _enum_of(arg)
            if found is not None:
                return found
        if isinstance(arg, type) and issubclass(arg, StringifyEnum):
            return arg
    return None


def _expected(cls: type[Binding], name: str, given: object, values: dict[str, object]) -> object:
    if cls is DaprTopicTrigger and name == "route" and not given:
        return values["topic"]
    enum_type = _enum_of(HINTS[cls][name])
    if enum_type is not None and isinstance(given, str):
        return enum_type.parse(given)
    if enum_type is not None and isinstance(given, list):
        return [enum_type.parse(v) for v in typing.cast("list[object]", given)]
    return given


def _walk(value: object) -> typing.Iterator[object]:
    yield value
    if isinstance(value, dict):
        for key, item in typing.cast("dict[object, object]", value).items():
            yield key
            yield from _walk(item)
    elif isinstance(value, list):
        for item in typing.cast("list[object]", value):
            yield from _walk(item)


@pytest.mark.parametrize("cls", BINDINGS, ids=lambda c: c.__name__)
@settings(max_examples=20, deadline=None, database=None)
@given(data=st.data())
def test_metadata_is_json_with_camel_case_keys_and_no_none(
    cls: type[Binding], data: st.DataObject
) -> None:
    """Any accepted values give JSON-ready metadata: camelCase keys, no None anywhere."""
    values = data.draw(STRATEGIES[cls])
    binding = cls(**values)
    metadata = binding.to_metadata()
    assert json.loads(json.dumps(metadata)) == metadata
    for key in metadata:
        assert CAMEL.match(key), key
    assert None not in list(_walk(metadata))
    assert list(metadata)[:2] in (["direction", "dataType"], ["direction", "type"])


@pytest.mark.parametrize("cls", BINDINGS, ids=lambda c: c.__name__)
@settings(max_examples=20, deadline=None, database=None)
@given(data=st.data())
def test_declared_fields_round_trip(cls: type[Binding], data: st.DataObject) -> None:
    """Each field reads back as given (enum strings as their member), and replace() keeps it."""
    values = data.draw(STRATEGIES[cls])
    binding = cls(**values)
    for name, given_value in values.items():
        assert getattr(binding, name) == _expected(cls, name, given_value, values), name
    assert binding.replace() == binding
    assert binding.problems() == [] or cls.__name__ in _VALIDATED


#: Bindings whose problems() also checks cross-field rules or value syntax,
#: which random values may break.
_VALIDATED = {
    "EventGridOutput",
    "GenericInputBinding",
    "GenericOutputBinding",
    "GenericTrigger",
    "HttpTrigger",
    "TimerTrigger",
}


def test_every_binding_is_covered() -> None:
    """Every declared binding class is exercised by the properties above."""
    assert len(BINDINGS) >= 60
    assert all(isinstance(cls.type, str) for cls in BINDINGS if "Generic" not in cls.__name__)


def test_positional_arguments_follow_the_reference_order() -> None:
    """Positional arguments fill fields in the reference's order."""
    from azfn.bindings.servicebus import ServiceBusTopicTrigger

    trigger = ServiceBusTopicTrigger("msg", "Bus", "topic", "sub", "string", "listen", True, "many")
    assert trigger.to_metadata() == {
        "direction": "IN",
        "dataType": "STRING",
        "type": "serviceBusTrigger",
        "name": "msg",
        "connection": "Bus",
        "topicName": "topic",
        "subscriptionName": "sub",
        "accessRights": "LISTEN",
        "isSessionsEnabled": True,
        "cardinality": "MANY",
    }
