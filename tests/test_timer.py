# pyright: strict
"""``TimerRequest`` and the ``timerTrigger`` converter."""

from __future__ import annotations

import json
import typing
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn.meta import Datum
from azfn.meta import get_binding_registry
from azfn.timer import TimerRequest
from azfn.timer import TimerRequestConverter

if TYPE_CHECKING:
    from types import ModuleType

FAST = settings(max_examples=25, deadline=None, database=None)
STATUS = {
    "Last": "2022-03-28T15:40:00-05:00",
    "Next": "2022-03-28T15:45:00-05:00",
    "LastUpdated": "2022-03-28T15:40:00-05:00",
}


@pytest.fixture(scope="module")
def ref() -> ModuleType:
    """The reference library, when installed."""
    return typing.cast("ModuleType", pytest.importorskip("azure.functions"))


def _payload(past_due: bool = False, status: object = None, schedule: object = None) -> Datum:
    info = {"Schedule": schedule or {"AdjustForDST": True}, "ScheduleStatus": status}
    return Datum(json.dumps({**info, "IsPastDue": past_due}), "json")


def test_defaults_match_the_reference_concrete_class() -> None:
    """TimerRequest() is on time with empty schedule and status (func.TimerRequest is abstract)."""
    timer = TimerRequest()
    assert (timer.past_due, timer.schedule_status, timer.schedule) == (False, {}, {})


def test_keyword_construction_and_equality() -> None:
    """Every field is a keyword argument; timers compare by value."""
    timer = TimerRequest(past_due=True, schedule_status=STATUS, schedule={"AdjustForDST": True})
    assert timer.past_due
    assert timer.schedule_status == STATUS
    assert timer == TimerRequest(
        past_due=True, schedule_status=dict(STATUS), schedule={"AdjustForDST": True}
    )
    assert timer != TimerRequest()
    assert repr(TimerRequest()) == "TimerRequest(past_due=False, schedule_status={}, schedule={})"


def test_decode_reads_the_host_payload() -> None:
    """IsPastDue, ScheduleStatus (dates left as strings) and Schedule are read."""
    timer = TimerRequestConverter.decode(_payload(True, STATUS), trigger_metadata={})
    assert timer == TimerRequest(
        past_due=True, schedule_status=STATUS, schedule={"AdjustForDST": True}
    )


def test_decode_null_status_is_empty() -> None:
    """Without useMonitor the host sends ScheduleStatus null: schedule_status is {}."""
    assert TimerRequestConverter.decode(_payload(), trigger_metadata=None).schedule_status == {}


def test_decode_missing_keys_use_defaults() -> None:
    """An empty object decodes to the default TimerRequest."""
    assert (
        TimerRequestConverter.decode(Datum("{}", "json"), trigger_metadata=None) == TimerRequest()
    )


def test_decode_rejects_non_json() -> None:
    """Bytes or non-object payloads are refused."""
    with pytest.raises(NotImplementedError, match="unsupported timer payload type: bytes"):
        TimerRequestConverter.decode(Datum(b"{}", "bytes"), trigger_metadata=None)
    with pytest.raises(ValueError, match="not a JSON object"):
        TimerRequestConverter.decode(Datum("[]", "json"), trigger_metadata=None)


def test_registered_as_the_timer_trigger() -> None:
    """timerTrigger converts with TimerRequestConverter and accepts TimerRequest annotations."""
    assert get_binding_registry().get("timerTrigger") is TimerRequestConverter
    assert TimerRequestConverter.has_trigger_support()
    assert TimerRequestConverter.check_input_type_annotation(TimerRequest)
    assert not TimerRequestConverter.check_input_type_annotation(str)


def test_docs_style_timer_function() -> None:
    """The docs' timer function: construct a past-due TimerRequest and call it."""

    def main(mytimer: TimerRequest) -> str:
        return "The timer is past due!" if mytimer.past_due else "on time"

    assert main(TimerRequest(past_due=True)) == "The timer is past due!"
    assert main(TimerRequest()) == "on time"


@FAST
@given(
    past_due=st.booleans(),
    status=st.none() | st.fixed_dictionaries({"Last": st.text(), "Next": st.text()}),
    adjust=st.booleans(),
)
def test_payload_round_trip(past_due: bool, status: dict[str, str] | None, adjust: bool) -> None:
    """Any payload the host builds decodes to the TimerRequest with those fields."""
    decoded = TimerRequestConverter.decode(
        _payload(past_due, status, {"AdjustForDST": adjust}), trigger_metadata=None
    )
    expected = TimerRequest(
        past_due=past_due, schedule_status=status, schedule={"AdjustForDST": adjust}
    )
    assert decoded == expected


def test_same_decode_as_reference(ref: ModuleType) -> None:
    """The reference decodes the same payload to the same fields."""
    for datum in (_payload(True, STATUS), _payload(), Datum("{}", "json")):
        theirs = ref.timer.TimerRequestConverter.decode(
            ref.meta.Datum(datum.value, datum.type), trigger_metadata={}
        )
        ours = TimerRequestConverter.decode(datum, trigger_metadata={})
        assert (ours.past_due, ours.schedule_status, ours.schedule) == (
            theirs.past_due,
            theirs.schedule_status,
            theirs.schedule,
        )
