"""Function-level settings: the function's name and its retry policy.

Settings are not bindings: the host never sees them in ``bindings``. The
worker reads them through ``Function.get_settings_dict(name)``, whose keys are
snake_case, as in the reference library.
"""

from __future__ import annotations

import re
import typing

if typing.TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["FunctionName", "RetryPolicy", "Setting"]

_INTERVAL = re.compile(r"(\d{1,2}):(\d{1,2}):(\d{1,2})\Z")
_STRATEGIES = ("fixed_delay", "exponential_backoff")


class Setting:
    """A named, function-level setting."""

    setting_name: str

    def __init__(
        self,
        setting_name: str,
        values: Mapping[str, object],
        extra_fields: Mapping[str, object] | None = None,
    ) -> None:
        self.setting_name = setting_name
        self._values = {k: v for k, v in values.items() if v is not None}
        self._values.update(extra_fields or {})

    def get_setting_name(self) -> str:
        """Return the setting's name (``"function_name"``, ``"retry_policy"``)."""
        return self.setting_name

    def get_settings_value(self, key: str) -> object | None:
        """Return one value of the setting, or ``None``."""
        return self._values.get(key)

    def get_dict_repr(self) -> dict[str, object]:
        """Return the setting as the worker reads it (snake_case keys)."""
        return {"setting_name": self.setting_name, **self._values}

    def problems(self) -> list[str]:
        """Return what is wrong with the values (empty if nothing)."""
        return []

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._values!r})"


class FunctionName(Setting):
    """The function's name, overriding the Python name."""

    def __init__(
        self, function_name: str, extra_fields: Mapping[str, object] | None = None
    ) -> None:
        super().__init__("function_name", {"function_name": function_name}, extra_fields)
        self.function_name = function_name

    def problems(self) -> list[str]:
        """Return a problem when the name is not a string."""
        name = typing.cast("object", self.function_name)  # untyped callers may pass anything
        if not isinstance(name, str):
            return [f"function_name must be a string, got {name!r}"]
        return []


def _interval_problem(name: str, value: object) -> str | None:
    match = _INTERVAL.match(value) if isinstance(value, str) else None
    if match is None or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3]) > 59:
        return (
            f"retry {name} {value!r} is not an HH:MM:SS interval with hours up "
            "to 23 (the worker parses it with strptime('%H:%M:%S')); "
            "write e.g. '00:00:10'"
        )
    return None


class RetryPolicy(Setting):
    """How the host re-runs a failed invocation (``@app.retry``)."""

    def __init__(
        self,
        strategy: str,
        max_retry_count: str | int,
        delay_interval: str | None = None,
        minimum_interval: str | None = None,
        maximum_interval: str | None = None,
        extra_fields: Mapping[str, object] | None = None,
    ) -> None:
        values = {
            "strategy": strategy,
            "max_retry_count": max_retry_count,
            "delay_interval": delay_interval,
            "minimum_interval": minimum_interval,
            "maximum_interval": maximum_interval,
        }
        super().__init__("retry_policy", values, extra_fields)
        self.strategy = strategy
        self.max_retry_count = max_retry_count
        self.delay_interval = delay_interval
        self.minimum_interval = minimum_interval
        self.maximum_interval = maximum_interval

    def problems(self) -> list[str]:
        """Return what the worker or host would reject in this policy."""
        problems: list[str] = []
        if self.strategy not in _STRATEGIES:
            problems.append(
                f"retry strategy {self.strategy!r} is not one of {_STRATEGIES}; "
                "the worker would silently treat it as exponential backoff"
            )
        try:
            count = int(self.max_retry_count)
        except (TypeError, ValueError):
            count = None
        if count is None or count < -1:
            problems.append(
                f"retry max_retry_count {self.max_retry_count!r} must be a whole "
                "number of retries, or -1 to retry forever"
            )
        if self.strategy == "fixed_delay":
            required = {"delay_interval": self.delay_interval}
        else:
            required = {
                "minimum_interval": self.minimum_interval,
                "maximum_interval": self.maximum_interval,
            }
        for name, value in required.items():
            if value is None:
                problems.append(f"retry strategy {self.strategy!r} needs {name} (HH:MM:SS)")
            elif (problem := _interval_problem(name, value)) is not None:
                problems.append(problem)
        low, high = self.minimum_interval, self.maximum_interval
        if (
            self.strategy != "fixed_delay"
            and isinstance(low, str)
            and isinstance(high, str)
            and not _interval_problem("minimum_interval", low)
            and not _interval_problem("maximum_interval", high)
            and _seconds(low) > _seconds(high)
        ):
            problems.append(
                f"retry minimum_interval {low!r} is longer than maximum_interval "
                f"{high!r}; swap them"
            )
        return problems


def _seconds(interval: str) -> int:
    hours, minutes, seconds = (int(part) for part in interval.split(":"))
    return hours * 3600 + minutes * 60 + seconds
