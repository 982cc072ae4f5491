# pyright: strict
"""``WarmUpContext`` and the ``warmupTrigger`` converter."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING

import pytest

from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.warmup import WarmUpContext
from azfn.warmup import WarmUpTriggerConverter

if TYPE_CHECKING:
    from types import ModuleType


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def test_warm_up_context_is_an_empty_value() -> None:
    """All WarmUpContexts are equal, hash alike and have a plain repr."""
    assert WarmUpContext() == WarmUpContext()
    assert hash(WarmUpContext()) == hash(WarmUpContext())
    assert WarmUpContext() != object()
    assert repr(WarmUpContext()) == "WarmUpContext()"


@pytest.mark.parametrize("data", [Datum("{}", "json"), Datum(None, None), Datum("x", "string")])
def test_decode_ignores_the_payload(data: Datum) -> None:
    """Whatever the host sends, the function gets a WarmUpContext."""
    assert WarmUpTriggerConverter.decode(data, trigger_metadata=None) == WarmUpContext()


def test_annotation_check_and_registry() -> None:
    """warmupTrigger is a trigger converter accepting WarmUpContext annotations."""
    assert get_binding_registry().get("warmupTrigger") is WarmUpTriggerConverter
    assert WarmUpTriggerConverter.has_trigger_support()
    assert WarmUpTriggerConverter.check_input_type_annotation(WarmUpContext)
    assert not WarmUpTriggerConverter.check_input_type_annotation(str)


def test_docs_style_warmup_function() -> None:
    """The docs' warm-up function can be called with a built WarmUpContext."""
    calls: list[str] = []

    def warmup(warmupContext: WarmUpContext) -> None:  # the docs' name
        calls.append("warm")

    warmup(WarmUpContext())
    assert calls == ["warm"]


def test_reference_has_the_same_class_name(ref: ModuleType) -> None:
    """The reference's class of the same name lives in its warmup module (not at the top level)."""
    assert ref.warmup.WarmUpContext.__name__ == WarmUpContext.__name__
    assert not hasattr(ref, "WarmUpContext")
