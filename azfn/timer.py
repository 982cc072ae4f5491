# pyright: strict
"""Timer trigger: :class:`TimerRequest` and the ``timerTrigger`` converter.

The host sends the timer's state as one JSON object (no trigger metadata is
read)::

    {"Schedule": {"AdjustForDST": true},
     "ScheduleStatus": {"Last": "...", "Next": "...", "LastUpdated": "..."},
     "IsPastDue": false}

``IsPastDue`` -> :attr:`TimerRequest.past_due` (default ``False``),
``ScheduleStatus`` -> :attr:`TimerRequest.schedule_status` (``{}`` when
``null``, which is what the host sends when ``useMonitor`` is off; the dates
stay strings, as in the reference), ``Schedule`` ->
:attr:`TimerRequest.schedule`.
"""

from __future__ import annotations

import json
import typing
from typing import TYPE_CHECKING

from azfn import _metadata as _md
from azfn.meta import Datum
from azfn.meta import InConverter

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["TimerRequest", "TimerRequestConverter"]


class TimerRequest:
    """The state of a timer trigger when it fires.

    ``func.TimerRequest()`` is a timer that fired on time, with an empty
    schedule and status.
    """

    def __init__(
        self,
        *,
        past_due: bool = False,
        schedule_status: Mapping[str, object] | None = None,
        schedule: Mapping[str, object] | None = None,
    ) -> None:
        self._past_due = past_due
        self._schedule_status = dict(schedule_status) if schedule_status else {}
        self._schedule = dict(schedule) if schedule else {}

    @property
    def past_due(self) -> bool:
        """Whether this run is later than scheduled (e.g. the host was down)."""
        return self._past_due

    @property
    def schedule_status(self) -> dict[str, object]:
        """``Last``, ``Next`` and ``LastUpdated`` as strings; ``{}`` without ``useMonitor``."""
        return self._schedule_status

    @property
    def schedule(self) -> dict[str, object]:
        """The schedule's settings (``AdjustForDST``)."""
        return self._schedule

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TimerRequest):
            return NotImplemented
        return (self._past_due, self._schedule_status, self._schedule) == (
            other._past_due,
            other._schedule_status,
            other._schedule,
        )

    def __hash__(self) -> int:
        return hash(self._past_due)

    def __repr__(self) -> str:
        return (
            f"TimerRequest(past_due={self._past_due!r}, "
            f"schedule_status={self._schedule_status!r}, schedule={self._schedule!r})"
        )


class TimerRequestConverter(InConverter, binding="timerTrigger", trigger=True):
    """The timer's JSON payload in, a :class:`TimerRequest` out."""

    @classmethod
    def check_input_type_annotation(cls, pytype: type) -> bool:
        """Accept :class:`TimerRequest` and its subclasses."""
        return _md.is_class_annotation(pytype, (TimerRequest,))

    @classmethod
    def decode(cls, data: Datum, *, trigger_metadata: Mapping[str, Datum] | None) -> TimerRequest:
        """Return the :class:`TimerRequest` for the host's JSON payload.

        Raises:
            NotImplementedError: the data is not JSON (text).
            ValueError: the JSON is not an object.
        """
        if data.type not in {"json", "string"} or not isinstance(data.value, (str, bytes)):
            raise NotImplementedError(f"unsupported timer payload type: {data.type}")
        info: object = json.loads(data.value)
        if not isinstance(info, dict):
            raise ValueError(f"the timer payload is not a JSON object: {data.value!r}")
        fields = typing.cast("dict[str, object]", info)
        status = fields.get("ScheduleStatus")
        schedule = fields.get("Schedule")
        return TimerRequest(
            past_due=bool(fields.get("IsPastDue", False)),
            schedule_status=_as_mapping(status),
            schedule=_as_mapping(schedule),
        )


def _as_mapping(value: object) -> dict[str, object] | None:
    if isinstance(value, dict):
        return typing.cast("dict[str, object]", value)
    return None
