import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import DateRange, ValidationError
from ledarutveckling.testing import date_ranges


def ranges() -> st.SearchStrategy[DateRange]:
    """Ranges of up to 401 days in 2000–2060 (the public strategy, narrowed)."""
    return date_ranges(within=DateRange.from_iso("2000-01-01", "2060-12-31"), max_days=401)


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


# -- construction ----------------------------------------------------------------------


def test_plain_dates_are_converted_to_pendulum_dates() -> None:
    period = DateRange(start=dt.date(2026, 11, 27), end=dt.date(2026, 12, 3))
    assert type(period.start) is pendulum.Date
    assert type(period.end) is pendulum.Date
    assert period == DateRange.from_iso("2026-11-27", "2026-12-03")


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.from_iso("2026-12-03", "2026-11-27")
    assert messages(error) == ["end: must be on or after start (2026-12-03), got '2026-11-27'"]


def test_a_datetime_is_refused_because_its_day_depends_on_the_zone() -> None:
    moment = pendulum.datetime(2026, 11, 27, 23, 30, tz="UTC")
    with pytest.raises(ValidationError) as error:
        DateRange(start=moment, end=dt.date(2026, 12, 1))
    assert messages(error) == [
        "start: must be a date, not a datetime; take the day in a zone first, "
        f"e.g. moment.in_tz('Europe/Stockholm').date(), got {moment!r}"
    ]


def test_other_types_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        DateRange(start=dt.date(2026, 1, 1), end="2026-01-02")  # type: ignore[arg-type]
    assert messages(error) == [
        "end: must be a date, e.g. pendulum.date(2026, 11, 27), got '2026-01-02'"
    ]


def test_from_iso_reports_both_bad_ends() -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.from_iso("2026-02-30", "27/11/2026")
    assert messages(error) == [
        "start: is not a date in the calendar, got '2026-02-30'",
        "end: must be an ISO date written YYYY-MM-DD, got '27/11/2026'",
    ]


@pytest.mark.parametrize("text", ["20261127", "2026-W48-5", "2026-11-27T00:00", " 2026-11-27"])
def test_from_iso_accepts_only_the_extended_calendar_form(text: str) -> None:
    with pytest.raises(ValidationError, match="must be an ISO date written YYYY-MM-DD"):
        DateRange.from_iso(text, "2026-12-31")


def test_parse_reads_an_iso_interval_and_a_single_day() -> None:
    assert DateRange.parse("2026-11-27/2026-12-03") == DateRange.from_iso(
        "2026-11-27", "2026-12-03"
    )
    assert DateRange.parse("2026-11-27") == DateRange.single(pendulum.date(2026, 11, 27))


def test_parse_refuses_non_text() -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.parse(20261127)  # type: ignore[arg-type]
    assert messages(error) == ["must be text such as '2026-11-27/2026-12-03', got 20261127"]


@pytest.mark.parametrize(
    ("year", "week", "start", "end"),
    [
        (2026, 48, "2026-11-23", "2026-11-29"),
        (2026, 53, "2026-12-28", "2027-01-03"),  # 2026 is a long ISO year
        (2027, 1, "2027-01-04", "2027-01-10"),  # 1 January 2027 belongs to week 53 of 2026
        (2025, 1, "2024-12-30", "2025-01-05"),  # week 1 of 2025 starts in 2024
    ],
)
def test_iso_week(year: int, week: int, start: str, end: str) -> None:
    assert DateRange.iso_week(year, week) == DateRange.from_iso(start, end)


def test_iso_weeks_of_covers_the_summer_blackout() -> None:
    summer = DateRange.iso_weeks_of(2027, 27, 32)
    assert summer == DateRange.from_iso("2027-07-05", "2027-08-15")
    assert summer.days == 42


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2027, 53, 53), "first: is not an ISO week of 2027 (weeks run 1 to 52 or 53), got 53"),
        ((2027, 0, 1), "first: is not an ISO week of 2027 (weeks run 1 to 52 or 53), got 0"),
        ((2027, 1, 54), "last: is not an ISO week of 2027 (weeks run 1 to 52 or 53), got 54"),
        ((2027, 32, 27), "last: must not be before first (32), got 27"),
        (
            (2026, 51, 2),
            "last: must not be before first (51); weeks over the new year are two ranges: "
            "weeks 51-53 of 2026 and weeks 1-2 of 2027, got 2",
        ),
    ],
)
def test_iso_weeks_of_refuses_weeks_that_do_not_exist(
    args: tuple[int, int, int], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.iso_weeks_of(*args)
    assert messages(error) == [message]


def test_iso_weeks_of_reports_every_argument_that_is_not_an_int() -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.iso_weeks_of("2027", 27.0, True)  # type: ignore[arg-type]
    assert messages(error) == [
        "year: must be an int, got '2027'",
        "first: must be an int, got 27.0",
        "last: must be an int, got True",
    ]


# -- queries ---------------------------------------------------------------------------


def test_days_len_and_iteration_count_both_ends() -> None:
    period = DateRange.from_iso("2026-11-27", "2026-12-03")
    assert period.days == len(period) == 7
    assert next(iter(period)) == pendulum.date(2026, 11, 27)
    assert list(period)[-1] == pendulum.date(2026, 12, 3)
    assert all(type(day) is pendulum.Date for day in period)


def test_iteration_crosses_a_leap_day() -> None:
    period = DateRange.from_iso("2028-02-27", "2028-03-01")
    assert [d.isoformat() for d in period] == [
        "2028-02-27",
        "2028-02-28",
        "2028-02-29",
        "2028-03-01",
    ]


def test_membership() -> None:
    period = DateRange.from_iso("2026-11-27", "2026-12-03")
    assert pendulum.date(2026, 11, 27) in period
    assert dt.date(2026, 12, 3) in period
    assert pendulum.date(2026, 12, 4) not in period
    assert "2026-11-28" not in period


def test_membership_of_a_moment_is_an_error_not_a_guess() -> None:
    period = DateRange.from_iso("2026-11-27", "2026-12-03")
    with pytest.raises(TypeError, match="DateRange holds days, not moments"):
        _ = pendulum.datetime(2026, 11, 28, tz="Europe/Stockholm") in period


def test_overlaps_intersection_and_union() -> None:
    a = DateRange.from_iso("2026-01-01", "2026-01-10")
    b = DateRange.from_iso("2026-01-10", "2026-01-20")
    c = DateRange.from_iso("2026-01-11", "2026-01-20")
    d = DateRange.from_iso("2026-01-12", "2026-01-20")
    assert a.overlaps(b)
    assert not a.overlaps(c)
    assert a.intersection(b) == DateRange.single(pendulum.date(2026, 1, 10))
    assert a.intersection(c) is None
    assert a.union(c) == DateRange.from_iso("2026-01-01", "2026-01-20")  # touching
    assert a.touches(c)
    assert not a.touches(d)


def test_union_with_a_gap_is_refused() -> None:
    a = DateRange.from_iso("2026-01-01", "2026-01-10")
    with pytest.raises(ValidationError) as error:
        a.union(DateRange.from_iso("2026-01-12", "2026-01-20"))
    assert messages(error) == [
        "other: must overlap or touch 2026-01-01/2026-01-10; a union with a gap is not one "
        "range, got '2026-01-12/2026-01-20'"
    ]


def test_iso_weeks_across_new_year() -> None:
    period = DateRange.from_iso("2026-12-27", "2027-01-11")
    assert list(period.iso_weeks()) == [(2026, 52), (2026, 53), (2027, 1), (2027, 2)]


def test_months() -> None:
    assert list(DateRange.from_iso("2026-11-30", "2026-11-30").months()) == [(2026, 11)]
    assert list(DateRange.from_iso("2026-12-31", "2027-02-01").months()) == [
        (2026, 12),
        (2027, 1),
        (2027, 2),
    ]


def test_str_is_the_iso_interval() -> None:
    assert str(DateRange.from_iso("2026-11-27", "2026-12-03")) == "2026-11-27/2026-12-03"


# -- laws ------------------------------------------------------------------------------


@given(ranges())
def test_days_agrees_with_iteration_and_membership(period: DateRange) -> None:
    listed = list(period)
    assert len(listed) == period.days
    assert listed == sorted(set(listed))
    assert all(day in period for day in listed)
    assert period.start.subtract(days=1) not in period
    assert period.end.add(days=1) not in period


@given(ranges())
def test_str_round_trips_through_parse(period: DateRange) -> None:
    assert DateRange.parse(str(period)) == period


@given(ranges(), ranges())
def test_intersection_is_commutative_and_inside_both(a: DateRange, b: DateRange) -> None:
    both = a.intersection(b)
    assert both == b.intersection(a)
    assert (both is not None) == a.overlaps(b)
    if both is not None:
        assert set(both) == set(a) & set(b)


@given(ranges(), ranges())
def test_union_of_touching_ranges_is_exactly_both(a: DateRange, b: DateRange) -> None:
    if a.touches(b):
        assert set(a.union(b)) == set(a) | set(b)
        assert a.union(b) == b.union(a)
    else:
        with pytest.raises(ValidationError):
            a.union(b)


@given(ranges())
def test_iso_weeks_are_the_distinct_weeks_of_the_days(period: DateRange) -> None:
    expected = sorted({d.isocalendar()[:2] for d in period})
    assert list(period.iso_weeks()) == expected


@given(ranges())
def test_months_are_the_distinct_months_of_the_days(period: DateRange) -> None:
    assert list(period.months()) == sorted({(d.year, d.month) for d in period})


@given(st.integers(min_value=2000, max_value=2060), st.integers(min_value=1, max_value=53))
def test_every_iso_week_has_seven_days_from_monday(year: int, week: int) -> None:
    try:
        period = DateRange.iso_week(year, week)
    except ValidationError:
        assert week == 53
        return
    assert period.days == 7
    assert period.start.isocalendar()[:3] == (year, week, 1)


@pytest.mark.parametrize("year", [0, 10000])
def test_iso_weeks_of_names_a_year_out_of_range(year: int) -> None:
    with pytest.raises(ValidationError) as error:
        DateRange.iso_week(year, 1)
    assert messages(error) == [f"year: must be a year from 1 to 9999, got {year}"]
