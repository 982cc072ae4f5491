"""Timers: the ``timerTrigger`` trigger."""

from __future__ import annotations

from azfn.bindings._base import Trigger
from azfn.enums import DataType

__all__ = ["TimerTrigger"]


class TimerTrigger(Trigger):
    """Run the function on an NCRONTAB schedule or a fixed interval."""

    type = "timerTrigger"
    arg_name: str
    schedule: str
    """Six-field NCRONTAB (``0 */5 * * * *``), five-field cron, a TimeSpan
    (``00:05:00``) or ``%Setting%``."""
    run_on_startup: bool | None = None
    use_monitor: bool | None = None
    data_type: DataType | str | None = None

    def problems(self) -> list[str]:
        """Return bad values, including a schedule the host cannot parse."""
        from azfn._ncrontab import schedule_problem

        problems = super().problems()
        problem = schedule_problem(self.schedule)
        if problem is not None:
            problems.append(problem)
        return problems
