# pyright: strict
"""Timer-trigger schedules, read exactly as the Functions host reads them.

The WebJobs timer extension resolves ``%AppSetting%`` names, then tries the
expression as NCRONTAB (the NCrontab library), then as a .NET ``TimeSpan``;
anything else fails indexing with "The schedule expression '<x>' was not
recognized as a valid cron expression or timespan string." This module makes
the same decision at index time and computes next occurrences for a local
timer host. It imports nothing from azfn.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from dataclasses import field
from datetime import MAXYEAR
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import NamedTuple
from typing import Protocol

__all__ = [
    "CronSchedule",
    "IntervalSchedule",
    "Schedule",
    "ScheduleError",
    "parse_schedule",
    "schedule_problem",
]

_HOST_TEXT = "was not recognized as a valid cron expression or timespan string."
_HINT = (
    "Fix: use six NCRONTAB fields '{second} {minute} {hour} {day} {month} {day-of-week}', "
    "e.g. '0 */5 * * * *' for every five minutes, or a TimeSpan 'hh:mm:ss' such as '00:05:00'."
)
# The extension resolves %Name% references before parsing; names may hold ':' or '.'.
_SETTING_REF = re.compile(r"%[^%]+%")
# .NET int.Parse (NumberStyles.Integer): optional white space around, optional sign.
_NET_WS = "\t\n\v\f\r "
_NET_INT = re.compile(r"[\t-\r ]*([+-]?)([0-9]+)[\t-\r ]*")
_INT32_MAX = 2**31 - 1
_TIMESPAN_CHARS = re.compile(r"[-0-9.:\s]+")
# TimeSpan.MaxValue is 10675199.02:48:05.4775807, i.e. Int64.MaxValue ticks of 100 ns.
_TICKS_MAX = 2**63 - 1
_TICK_DIGITS = 7  # a tick is 100 ns
_FIELD_COUNT = 6
_CRONTAB_FIELD_COUNT = 5
# The Gregorian calendar repeats every 400 years. Searching one whole cycle is what makes
# "Feb 29 on a Monday" (28 to 40 years apart) findable while still ending for any input.
_SEARCH_YEARS = 400
_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class ScheduleError(ValueError):
    """A timer schedule the Functions host would reject, or that could never fire."""


class Schedule(Protocol):
    """A parsed timer schedule."""

    @property
    def expression(self) -> str:
        """The schedule as written."""
        ...

    def next_after(self, dt: datetime) -> datetime:
        """Return the first occurrence strictly after *dt*, with *dt*'s tzinfo."""
        ...


# English, as in NCrontab: calendar.month_name would follow the process locale.
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_DAY_NAMES = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday"


class _FieldSpec(NamedTuple):
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()


_FIELDS = (
    _FieldSpec("second", 0, 59),
    _FieldSpec("minute", 0, 59),
    _FieldSpec("hour", 0, 23),
    _FieldSpec("day", 1, 31),
    _FieldSpec("month", 1, 12, tuple(_MONTH_NAMES.split())),
    # Sunday=0 as in NCrontab; unlike Vixie cron, 7 is not another Sunday.
    _FieldSpec("day-of-week", 0, 6, tuple(_DAY_NAMES.split())),
)


class _ParseError(Exception):
    """Why a field or a TimeSpan did not parse (internal)."""


@dataclass(frozen=True)
class CronSchedule:
    """An NCRONTAB schedule; each field holds the values it matches.

    Attributes:
        expression: the schedule as written.
        seconds: matching seconds (0-59); ``{0}`` for a five-field expression.
        minutes: matching minutes (0-59).
        hours: matching hours (0-23).
        days: matching days of the month (1-31).
        months: matching months (1-12).
        days_of_week: matching weekdays (0-6, Sunday=0).
        includes_seconds: whether the expression had the seconds field.
    """

    expression: str
    seconds: frozenset[int]
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    days_of_week: frozenset[int]
    includes_seconds: bool
    _sorted: tuple[tuple[int, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Check every field is a non-empty set within its range; cache sorted values.

        Raises:
            ValueError: a field is empty or holds a value outside its range.
        """
        sets = (self.seconds, self.minutes, self.hours, self.days, self.months, self.days_of_week)
        for spec, values in zip(_FIELDS, sets, strict=True):
            if not values or min(values) < spec.low or max(values) > spec.high:
                raise ValueError(
                    f"{spec.name} values must be a non-empty set within "
                    f"{spec.low}-{spec.high}, got {sorted(values)}"
                )
        object.__setattr__(self, "_sorted", tuple(tuple(sorted(v)) for v in sets))

    @property
    def fires(self) -> bool:
        """Whether some date ever matches (``0 0 0 31 2 *`` never does).

        Any existing month/day pair falls on every weekday within a 400-year cycle,
        so only the day-of-month against the months' lengths can rule a schedule out.
        """
        return min(self.days) <= max(_LONGEST_MONTH[m - 1] for m in self.months)

    def next_after(self, dt: datetime) -> datetime:
        """Return the first matching second strictly after *dt*.

        Fields are compared with *dt*'s wall-clock time; the result carries *dt*'s
        tzinfo (naive stays naive) and has ``microsecond == 0``. Whole months, days
        and hours that cannot match are skipped, never stepped through.

        Raises:
            ValueError: the schedule never fires, or not before year 10000.
        """
        if not self.fires:
            raise ValueError(f"schedule {self.expression!r} never fires: {_no_date(self)}")
        try:
            start = dt.replace(microsecond=0, tzinfo=None) + timedelta(seconds=1)
        except OverflowError:
            start = None
        if start is not None:
            months, days = self._sorted[4], self._sorted[3]
            for year in range(start.year, min(start.year + _SEARCH_YEARS, MAXYEAR) + 1):
                for month in months:
                    if (year, month) < (start.year, start.month):
                        continue
                    first_month = (year, month) == (start.year, start.month)
                    last_day = calendar.monthrange(year, month)[1]
                    for day in days:
                        if day > last_day:  # 31 in April etc.: that month is just skipped
                            break
                        if first_month and day < start.day:
                            continue
                        # NCrontab requires day AND weekday to match; Vixie cron accepts
                        # either one when both fields are restricted.
                        if (date(year, month, day).weekday() + 1) % 7 not in self.days_of_week:
                            continue
                        bound = start if first_month and day == start.day else None
                        found = self._time_of_day(bound)
                        if found is not None:
                            return datetime(year, month, day, *found, tzinfo=dt.tzinfo)
        raise ValueError(
            f"schedule {self.expression!r} has no occurrence after {dt} that a datetime can hold"
        )

    def _time_of_day(self, bound: datetime | None) -> tuple[int, int, int] | None:
        """Return the first matching (hour, minute, second) at or after *bound*'s time."""
        seconds, minutes, hours = self._sorted[:3]
        if bound is None:
            return hours[0], minutes[0], seconds[0]
        h, m, s = bound.hour, bound.minute, bound.second
        hi = bisect_left(hours, h)
        if hi < len(hours) and hours[hi] == h:
            mi = bisect_left(minutes, m)
            if mi < len(minutes) and minutes[mi] == m:
                si = bisect_left(seconds, s)
                if si < len(seconds):
                    return h, m, seconds[si]
                mi += 1
            if mi < len(minutes):
                return h, minutes[mi], seconds[0]
            hi += 1
        if hi < len(hours):
            return hours[hi], minutes[0], seconds[0]
        return None


@dataclass(frozen=True)
class IntervalSchedule:
    """A constant-interval (``TimeSpan``) schedule.

    Attributes:
        expression: the schedule as written.
        interval: the time between runs.
    """

    expression: str
    interval: timedelta

    def next_after(self, dt: datetime) -> datetime:
        """Return ``dt + interval``: the host adds the interval to "now" and ignores DST."""
        return dt + self.interval


def parse_schedule(expression: str) -> CronSchedule | IntervalSchedule:
    """Parse a timer schedule as the Functions host would.

    Raises:
        ScheduleError: the host would reject *expression*, it still holds a
            ``%Setting%`` reference, or it is NCRONTAB that can never fire.
    """
    if _SETTING_REF.search(expression):
        raise ScheduleError(
            f"The schedule expression '{expression}' refers to app settings; resolve each "
            "%Name% to its value (as the host does from app settings) before parsing it."
        )
    tokens = [token for token in expression.split(" ") if token]  # NCrontab splits on ' ' only
    try:
        cron = _parse_cron(expression, tokens)
    except _ParseError as exc:
        cron_error = str(exc)
    else:
        if not cron.fires:
            raise ScheduleError(
                f"The schedule expression '{expression}' never fires: {_no_date(cron)} The host "
                "accepts it but the timer would never run. Fix: pick a day that exists in one "
                "of the months (February has at most 29 days; April, June, September and "
                "November have 30)."
            )
        return cron
    try:
        interval = _parse_timespan(expression)
    except _ParseError as exc:
        looks_like_timespan = len(tokens) == 1 and bool(_TIMESPAN_CHARS.fullmatch(expression))
        detail = str(exc) if looks_like_timespan else cron_error
        raise ScheduleError(
            f"The schedule expression '{expression}' {_HOST_TEXT} {detail} {_HINT}"
        ) from None
    if interval <= timedelta(0):
        raise ScheduleError(
            f"The schedule expression '{expression}' is a TimeSpan of "
            f"{'-' if interval else ''}{abs(interval)}; the host "
            "reads it but the timer cannot wait a zero or negative time. Fix: use a positive "
            "interval such as '00:05:00'."
        )
    return IntervalSchedule(expression, interval)


def schedule_problem(expression: str) -> str | None:
    """Return why the host would reject *expression*, or ``None`` when it is fine.

    Expressions holding ``%Setting%`` references cannot be checked before the app
    settings are known and count as fine. Never raises.
    """
    if _SETTING_REF.search(expression):
        return None
    try:
        parse_schedule(expression)
    except ScheduleError as exc:
        return str(exc)
    return None


def _no_date(cron: CronSchedule) -> str:
    days = ",".join(map(str, sorted(cron.days)))
    months = ",".join(_FIELDS[4].names[m - 1][:3] for m in sorted(cron.months))
    return f"none of the days {days} exists in {months}."


def _parse_cron(expression: str, tokens: list[str]) -> CronSchedule:
    # The extension passes IncludingSeconds = (field count != 5), so five fields are
    # crontab with second 0 and every other count must be exactly six.
    if len(tokens) == _CRONTAB_FIELD_COUNT:
        tokens = ["0", *tokens]
        includes_seconds = False
    elif len(tokens) == _FIELD_COUNT:
        includes_seconds = True
    else:
        count = f"{len(tokens)} field{'' if len(tokens) == 1 else 's'}"
        raise _ParseError(f"As NCRONTAB it has {count}, not 6 (or 5 without seconds).")
    sec, minute, hour, day, month, weekday = (
        _parse_field(token, spec) for token, spec in zip(tokens, _FIELDS, strict=True)
    )
    return CronSchedule(expression, sec, minute, hour, day, month, weekday, includes_seconds)


def _parse_field(text: str, spec: _FieldSpec) -> frozenset[int]:
    values: set[int] = set()
    _parse_item(text, spec, values)
    return frozenset(values)


def _parse_item(text: str, spec: _FieldSpec, values: set[int]) -> None:
    """Add the values of one NCrontab field item, following CrontabFieldImpl.InternalParse."""
    if not text:
        raise _ParseError(f"The {spec.name} field has an empty item.")
    if "," in text:
        for item in text.split(","):
            _parse_item(item, spec, values)
        return
    step = 1
    slash = text.find("/")
    if slash > 0:
        step = _net_int(text[slash + 1 :], spec, "step", signed=True)
        text = text[:slash]
    dash = text.find("-")
    if text == "*":
        first, last = spec.low, spec.high
    elif dash > 0:
        first, last = _value(text[:dash], spec), _value(text[dash + 1 :], spec)
        # NCrontab swaps a reversed range ('5-1' is '1-5'); it does not wrap around.
        first, last = min(first, last), max(first, last)
    else:
        first = _value(text, spec)
        # 'a/n' means a-max/n, as in NCrontab; a bare 'a' is the single value.
        last = spec.high if slash > 0 else first
        first, last = min(first, last), max(first, last)
    for bad in (first, last):
        if not spec.low <= bad <= spec.high:
            raise _ParseError(f"The {spec.name} value {bad} is outside {spec.low}-{spec.high}.")
    # NCrontab clamps a step below 1 to 1 ('*/0' is '*'), where Vixie cron rejects it.
    values.update(range(first, last + 1, max(step, 1)))


def _value(text: str, spec: _FieldSpec) -> int:
    """Parse a number, or a month/weekday name by case-insensitive prefix ('M' is Monday)."""
    if not text:
        raise _ParseError(f"The {spec.name} field has an empty value.")
    if "0" <= text[0] <= "9":
        return _net_int(text, spec, "value", signed=False)
    folded = text.lower()
    for offset, name in enumerate(spec.names):
        if name.lower().startswith(folded):
            return spec.low + offset
    if spec.names:
        raise _ParseError(f"'{text}' is not a {spec.name} name (use {', '.join(spec.names)}).")
    raise _ParseError(
        f"'{text}' is not a valid {spec.name} value ({spec.low}-{spec.high}); "
        "NCRONTAB has no '?', 'L', 'W' or '#'."
    )


def _net_int(text: str, spec: _FieldSpec, what: str, *, signed: bool) -> int:
    match = _NET_INT.fullmatch(text)
    if match is None or (match[1] and not signed):
        raise _ParseError(f"'{text}' is not a valid {spec.name} {what}.")
    number = _bounded_int(match[2], _INT32_MAX + 1) * (-1 if match[1] == "-" else 1)
    if not -_INT32_MAX - 1 <= number <= _INT32_MAX:
        raise _ParseError(f"The {spec.name} {what} '{text}' is too large for .NET's int.")
    return number


def _bounded_int(digits: str, cap: int) -> int:
    """Return ``int(digits)``, or *cap* when larger (int() refuses very long strings)."""
    significant = digits.lstrip("0")
    return min(int(significant or "0"), cap) if len(significant) <= len(str(cap)) else cap


def _parse_timespan(text: str) -> timedelta:
    """Parse like .NET ``TimeSpan.TryParse``: ``d``, ``[d.]h:m[:s[.f]]`` or ``d:h:m:s[.f]``."""
    body = text.strip(_NET_WS)
    negative = body.startswith("-")
    match body.removeprefix("-").split(":"):
        case [days]:
            h, m, s = "0", "0", "0"
        case [days_hours, m]:
            (days, h), s = _split_days(days_hours), "0"
        case [days_hours, m, s]:
            days, h = _split_days(days_hours)
        case [days, h, m, s]:  # the general format puts a colon after the days
            pass
        case _:
            raise _ParseError("As a TimeSpan it should read 'hh:mm:ss' or 'd.hh:mm:ss'.")
    s, dot, fraction = s.partition(".")
    numbers = [days, h, m, s, fraction or "0"]
    if (dot and not fraction) or not all(n.isascii() and n.isdigit() for n in numbers):
        raise _ParseError("As a TimeSpan it should hold only digits, ':' and '.'.")
    d, hours, minutes, seconds = (_bounded_int(n, _TICKS_MAX) for n in numbers[:4])
    for label, value, high in (
        ("hours", hours, 23),
        ("minutes", minutes, 59),
        ("seconds", seconds, 59),
    ):
        if value > high:
            one_day = " (write one day as 1.00:00:00)" if label == "hours" else ""
            raise _ParseError(f"As a TimeSpan its {label} must be 0-{high}, not {value}{one_day}.")
    if len(fraction) > _TICK_DIGITS:
        raise _ParseError("As a TimeSpan its fraction of a second has more than 7 digits.")
    fraction_ticks = int(fraction.ljust(_TICK_DIGITS, "0"))
    ticks = (((d * 24 + hours) * 60 + minutes) * 60 + seconds) * 10**_TICK_DIGITS
    if ticks + fraction_ticks > _TICKS_MAX:
        raise _ParseError("As a TimeSpan it is longer than TimeSpan.MaxValue.")
    span = timedelta(
        days=d, hours=hours, minutes=minutes, seconds=seconds, microseconds=fraction_ticks / 10
    )
    return -span if negative else span


def _split_days(text: str) -> tuple[str, str]:
    days, dot, hours = text.rpartition(".")
    return (days if dot else "0"), hours
