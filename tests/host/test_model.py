"""Tests for the host's model classes (azfn/host/_model.py)."""

from __future__ import annotations

import pytest

from azfn.host import BindingInfo
from azfn.host import FunctionInfo
from azfn.host import Project
from azfn.host import UnknownFunctionError


def _noop(msg: object) -> None:
    return None


def _info(name: str) -> FunctionInfo:
    trigger = BindingInfo.from_metadata({"name": "msg", "type": "queueTrigger"})
    return FunctionInfo(
        name=name,
        func=_noop,
        directory="/app",
        bindings=(trigger,),
        trigger=trigger,
        inputs=(),
        outputs=(),
        return_binding=None,
        is_async=False,
        retry=None,
        http_type="function",
        parameters=(),
    )


def test_binding_from_metadata_normalises_direction_and_data_type() -> None:
    """host-semantics §A2.1: directions come in any case; $return is always out."""
    binding = BindingInfo.from_metadata(
        {"name": "req", "type": "httpTrigger", "direction": "IN", "dataType": "BINARY"}
    )
    assert (binding.direction, binding.data_type, binding.is_trigger) == ("in", "binary", True)
    ret = BindingInfo.from_metadata({"name": "$return", "type": "http"})
    assert ret.direction == "out"
    assert not ret.is_trigger
    undefined = BindingInfo.from_metadata({"name": "x", "type": "blob", "dataType": "undefined"})
    assert undefined.data_type is None


def test_is_trigger_is_case_insensitive() -> None:
    """host-semantics §A1.1: a trigger's type ends with "trigger" in any case."""
    assert BindingInfo.from_metadata({"name": "t", "type": "customTRIGGER"}).is_trigger


def test_raw_keeps_every_key() -> None:
    """host-semantics §A7.1: binding properties stay available for expressions."""
    raw = {"name": "b", "type": "blob", "direction": "in", "path": "c/{name}"}
    assert BindingInfo.from_metadata(raw).raw == raw


def test_project_function_lookup() -> None:
    """host-semantics §A4.1: functions are looked up by name, case-insensitively."""
    project = Project({"Alpha": _info("Alpha")})
    assert project.function("Alpha").name == "Alpha"
    assert project.function("alpha").name == "Alpha"
    assert project.route_prefix == "api"
    assert project.settings == {}


def test_unknown_function_lists_the_names() -> None:
    """host-semantics §A4.1: an unknown function name is a clear error naming the known ones."""
    project = Project({"Alpha": _info("Alpha"), "beta": _info("beta")})
    with pytest.raises(UnknownFunctionError, match="Alpha, beta") as caught:
        project.function("gamma")
    assert isinstance(caught.value, KeyError)
    assert "gamma" in str(caught.value)


def test_function_info_binding_lookup() -> None:
    """host-semantics §A2.1: bindings are matched by exact name."""
    info = _info("f")
    assert info.binding("msg") is info.trigger
    assert info.binding("MSG") is None
