# pyright: strict
"""Timer schedules parsed and stepped exactly as the Functions host does."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest
from hypothesis import assume
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from azfn._ncrontab import CronSchedule
from azfn._ncrontab import IntervalSchedule
from azfn._ncrontab import Schedule
from azfn._ncrontab import ScheduleError
from azfn._ncrontab import parse_schedule
from azfn._ncrontab import schedule_problem

HOST_TEXT = "was not recognized as a valid cron expression or timespan string."
FAST = settings(max_examples=60, deadline=None, database=None)


def _cron(expression: str) -> CronSchedule:
    schedule = parse_schedule(expression)
    assert isinstance(schedule, CronSchedule)
    return schedule


def _matches(schedule: CronSchedule, t: datetime) -> bool:
    return (
        t.second in schedule.seconds
        and t.minute in schedule.minutes
        and t.hour in schedule.hours
        and t.day in schedule.days
        and t.month in schedule.months
        and (t.weekday() + 1) % 7 in schedule.days_of_week
    )


@pytest.mark.parametrize(
    "expression",
    [
        "0 */5 * * * *",
        "*/10 * * * *",
        "0 30 9 * * 1-5",
        "0 0 0 * * Sun",
        "0 0 0 1 Jan *",
        "0 0 12 * * M",
        "  */5    * *      * * *",
        "00:05:00",
        "1.00:00:00",
        "%MySchedule%",
    ],
)
def test_valid_expressions_have_no_problem(expression: str) -> None:
    """Expressions the host accepts report no problem (host-semantics §A5.1)."""
    assert schedule_problem(expression) is None


def test_fields_expand_like_ncrontab() -> None:
    """Steps, ranges, names and five-field crontab expand as in NCrontab (host-semantics §A5.1)."""
    assert _cron("0 */5 * * * *").minutes == frozenset(range(0, 60, 5))
    five = _cron("*/10 * * * *")
    assert (five.includes_seconds, five.seconds) == (False, frozenset({0}))
    assert five.minutes == frozenset({0, 10, 20, 30, 40, 50})
    assert _cron("0 30 9 * * 1-5").days_of_week == frozenset(range(1, 6))
    assert _cron("0 0 0 * * Sun").days_of_week == frozenset({0})
    assert _cron("0 0 0 1 Jan *").months == frozenset({1})
    assert _cron("5/20 0 0 * * *").seconds == frozenset({5, 25, 45})
    assert _cron("0 0 0 * 2-10/4 *").months == frozenset({2, 6, 10})


def test_names_match_case_insensitively_by_prefix() -> None:
    """Names match the first member they prefix, in calendar order (host-semantics §A5.1)."""
    assert _cron("0 0 12 * * M").days_of_week == frozenset({1})
    assert _cron("0 0 12 * * S").days_of_week == frozenset({0})
    assert _cron("0 0 12 * M *").months == frozenset({3})
    assert _cron("0 0 12 * Ju *").months == frozenset({6})
    assert _cron("0 0 12 * JANUARY,feb *").months == frozenset({1, 2})
    assert _cron("0 0 12 * * mon-FRI").days_of_week == frozenset(range(1, 6))


def test_ncrontab_leniencies_are_kept() -> None:
    """NCrontab clamps step 0 to 1 and swaps reversed ranges; so do we (host-semantics §A5.1)."""
    assert _cron("0 */0 * * * *").minutes == frozenset(range(60))
    assert _cron("0 5-1 * * * *").minutes == frozenset(range(1, 6))


@pytest.mark.parametrize(
    ("expression", "interval"),
    [
        ("00:05:00", timedelta(minutes=5)),
        ("1.00:00:00", timedelta(days=1)),
        ("01:30", timedelta(hours=1, minutes=30)),
        ("2.03:04:05.5", timedelta(days=2, hours=3, minutes=4, seconds=5.5)),
        ("1:02:03:04", timedelta(days=1, hours=2, minutes=3, seconds=4)),
        ("3", timedelta(days=3)),
    ],
)
def test_timespans_parse_like_dotnet(expression: str, interval: timedelta) -> None:
    """Non-cron text is read as a .NET TimeSpan (host-semantics §A5.1)."""
    assert parse_schedule(expression) == IntervalSchedule(expression, interval)


def test_setting_reference_must_be_resolved_first() -> None:
    """%Setting% cannot be checked at index time, nor parsed unresolved (host-semantics §A5.1)."""
    assert schedule_problem("%MySchedule%") is None
    with pytest.raises(ScheduleError, match="resolve each %Name%"):
        parse_schedule("%MySchedule%")


@pytest.mark.parametrize(
    ("expression", "detail"),
    [
        ("not cron", "2 fields, not 6"),
        ("0 0 24 * * *", "hour value 24 is outside 0-23"),
        ("0 0 0 * * 7", "day-of-week value 7 is outside 0-6"),
        ("* * * * * * *", "7 fields, not 6"),
        ("0 0 0 L * *", "no '?', 'L', 'W' or '#'"),
        ("0 0 0 * Foo *", "not a month name"),
        ("0 1,,2 * * * *", "empty item"),
        ("0 */x * * * *", "not a valid minute step"),
        ("24:00:00", "hours must be 0-23"),
        ("00:60:00", "minutes must be 0-59"),
        ("00:00:00.12345678", "more than 7 digits"),
    ],
)
def test_invalid_expressions_quote_host_error_and_fix(expression: str, detail: str) -> None:
    """Rejections carry the host's message, the cause and a fix (host-semantics §A5.1)."""
    problem = schedule_problem(expression)
    assert problem is not None
    assert f"The schedule expression '{expression}' {HOST_TEXT}" in problem
    assert detail in problem
    assert "'0 */5 * * * *'" in problem
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(expression)
    assert str(caught.value) == problem


@pytest.mark.parametrize(
    ("expression", "detail"),
    [
        ("0 0 0 31 2 *", "never fires"),
        ("0 0 0 30,31 Feb *", "never fires"),
        ("00:00:00", "zero or negative"),
        ("-00:05:00", "TimeSpan of -0:05:00"),
    ],
)
def test_schedules_that_never_run_are_problems(expression: str, detail: str) -> None:
    """Never-firing crons and non-positive TimeSpans are reported (host-semantics §A5.1)."""
    problem = schedule_problem(expression)
    assert problem is not None
    assert f"'{expression}'" in problem
    assert detail in problem
    assert "Fix:" in problem


def test_next_after_refuses_a_schedule_that_never_fires() -> None:
    """next_after raises rather than searching forever (host-semantics §A5.1)."""
    every = frozenset(range(60))
    impossible = CronSchedule(
        "x", every, every, frozenset({0}), frozenset({31}), frozenset({2}), frozenset({1}), True
    )
    with pytest.raises(ValueError, match="never fires"):
        impossible.next_after(datetime(2024, 1, 1))


@pytest.mark.parametrize(
    ("expression", "after", "expected"),
    [
        ("0 */5 * * * *", datetime(2024, 1, 1, 10, 2, 30), datetime(2024, 1, 1, 10, 5)),
        ("*/10 * * * *", datetime(2024, 1, 1, 10, 0), datetime(2024, 1, 1, 10, 10)),
        ("*/10 * * * *", datetime(2024, 1, 1, 10, 9, 59, 999), datetime(2024, 1, 1, 10, 10)),
        ("0 30 9 * * 1-5", datetime(2024, 1, 5, 10, 0), datetime(2024, 1, 8, 9, 30)),
        ("0 0 12 * * *", datetime(2024, 6, 1, 12, 0), datetime(2024, 6, 2, 12, 0)),
        ("0 0 0 1 Jan *", datetime(2024, 12, 31, 23, 59, 59), datetime(2025, 1, 1)),
        # AND, not Vixie's OR: the first Friday the 13th, not the first Friday.
        ("0 0 0 13 * Fri", datetime(2024, 1, 1), datetime(2024, 9, 13)),
        ("45 16 1 * Mon", datetime(2003, 1, 1, 12, 0), datetime(2003, 9, 1, 16, 45)),
        ("0 0 0 31 * *", datetime(2024, 4, 1), datetime(2024, 5, 31)),
        ("0 0 0 29 2 *", datetime(2024, 3, 1), datetime(2028, 2, 29)),
        ("0 0 0 29 2 *", datetime(2096, 3, 1), datetime(2104, 2, 29)),
        ("0 0 0 29 2 Mon", datetime(2024, 1, 1), datetime(2044, 2, 29)),
        ("* 0-1 10 * * *", datetime(2021, 2, 24, 9, 50, 35), datetime(2021, 2, 24, 10, 0)),
        ("2/5 * * * * *", datetime(2003, 1, 1, 0, 0, 57), datetime(2003, 1, 1, 0, 1, 2)),
    ],
)
def test_next_after_examples(expression: str, after: datetime, expected: datetime) -> None:
    """Next occurrences match NCrontab's, incl. AND days and month ends (host-semantics §A5.1)."""
    assert _cron(expression).next_after(after) == expected


def test_next_after_keeps_tzinfo() -> None:
    """Aware in gives aware out with the same tzinfo, naive stays naive (host-semantics §A5.1)."""
    tz = timezone(timedelta(hours=-5))
    result = _cron("0 0 * * * *").next_after(datetime(2024, 1, 1, 10, 30, 15, 7, tzinfo=tz))
    assert result == datetime(2024, 1, 1, 11, 0, tzinfo=tz)
    assert result.tzinfo is tz
    assert result.microsecond == 0


def test_interval_next_after_adds_the_interval() -> None:
    """Constant schedules add the interval to now (host-semantics §A5.1)."""
    schedule: Schedule = parse_schedule("00:05:00")
    now = datetime(2024, 1, 1, 10, 0, 0, 500, tzinfo=timezone.utc)
    assert schedule.next_after(now) == now + timedelta(minutes=5)
    assert schedule.expression == "00:05:00"


@FAST
@given(st.text())
def test_schedule_problem_never_raises_on_text(text: str) -> None:
    """schedule_problem returns str | None for any text (host-semantics §A5.1)."""
    problem = schedule_problem(text)
    assert problem is None or f"'{text}'" in problem


@FAST
@given(st.lists(st.text(alphabet="0123456789*/,-: .JanMoSu%LW?", max_size=8), max_size=7))
def test_schedule_problem_never_raises_on_cron_like_text(fields: list[str]) -> None:
    """Near-miss cron text yields a verdict, never an exception (host-semantics §A5.1)."""
    problem = schedule_problem(" ".join(fields))
    assert problem is None or "'" in problem


def _values(low: int, high: int) -> st.SearchStrategy[frozenset[int]]:
    return st.frozensets(st.integers(low, high), min_size=1)


@st.composite
def _schedules(draw: st.DrawFn) -> CronSchedule:
    second, minute, hour = draw(_values(0, 59)), draw(_values(0, 59)), draw(_values(0, 23))
    day, month, weekday = draw(_values(1, 31)), draw(_values(1, 12)), draw(_values(0, 6))
    sets = (second, minute, hour, day, month, weekday)
    expression = " ".join(",".join(map(str, sorted(values))) for values in sets)
    return CronSchedule(expression, second, minute, hour, day, month, weekday, True)


@FAST
@given(_schedules(), st.datetimes(datetime(2000, 1, 1), datetime(2100, 12, 31)))
def test_next_after_is_the_first_match(schedule: CronSchedule, dt: datetime) -> None:
    """next_after is later, matches, and skips no earlier match (host-semantics §A5.1)."""
    assume(schedule.fires)
    assert parse_schedule(schedule.expression) == schedule
    result = schedule.next_after(dt)
    assert result > dt
    assert result.microsecond == 0
    assert _matches(schedule, result)
    # Brute force, second by second, over a short window after dt ...
    probe = dt.replace(microsecond=0) + timedelta(seconds=1)
    end = min(result, probe + timedelta(seconds=600))
    while probe < end:
        assert not _matches(schedule, probe)
        probe += timedelta(seconds=1)
    # ... and day by day: a matching date in between would have fired first.
    day = dt.date() + timedelta(days=1)
    while day < min(result.date(), dt.date() + timedelta(days=400)):
        assert not _date_matches(schedule, day)
        day += timedelta(days=1)


def _date_matches(schedule: CronSchedule, day: date) -> bool:
    return (
        day.day in schedule.days
        and day.month in schedule.months
        and (day.weekday() + 1) % 7 in schedule.days_of_week
    )
