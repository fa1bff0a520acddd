"""Tests of the Swedish working calendar (ledarutveckling._scheduling.calendar)."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import Blackout, DateRange, ValidationError, WorkingCalendar
from ledarutveckling.scheduling import FIRST_YEAR, LAST_YEAR
from ledarutveckling.testing import working_calendars

D = pendulum.date


def _easter(year: int) -> dt.date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    day += 1
    return dt.date(year, month, day)


# Easter Sunday 2024–2030, written out by hand (and checked against the algorithm above).
EASTER = {
    2024: D(2024, 3, 31),
    2025: D(2025, 4, 20),
    2026: D(2026, 4, 5),
    2027: D(2027, 3, 28),
    2028: D(2028, 4, 16),
    2029: D(2029, 4, 1),
    2030: D(2030, 4, 21),
}

# The movable days that are not tied to Easter, by hand: midsommarafton is the Friday
# 19–25 June, midsommardagen the Saturday 20–26 June, alla helgons dag the Saturday
# 31 October–6 November (lag 1989:253 om allmänna helgdagar).
MIDSUMMER_EVE = {
    2024: D(2024, 6, 21),
    2025: D(2025, 6, 20),
    2026: D(2026, 6, 19),
    2027: D(2027, 6, 25),
    2028: D(2028, 6, 23),
    2029: D(2029, 6, 22),
    2030: D(2030, 6, 21),
}
ALL_SAINTS = {
    2024: D(2024, 11, 2),
    2025: D(2025, 11, 1),
    2026: D(2026, 10, 31),
    2027: D(2027, 11, 6),
    2028: D(2028, 11, 4),
    2029: D(2029, 11, 3),
    2030: D(2030, 11, 2),
}
# The Easter-based days by hand: långfredagen (Easter - 2), annandag påsk (+1), Kristi
# himmelsfärdsdag (+39) and pingstdagen (+49).
GOOD_FRIDAY = {
    2024: D(2024, 3, 29),
    2025: D(2025, 4, 18),
    2026: D(2026, 4, 3),
    2027: D(2027, 3, 26),
    2028: D(2028, 4, 14),
    2029: D(2029, 3, 30),
    2030: D(2030, 4, 19),
}
EASTER_MONDAY = {
    2024: D(2024, 4, 1),
    2025: D(2025, 4, 21),
    2026: D(2026, 4, 6),
    2027: D(2027, 3, 29),
    2028: D(2028, 4, 17),
    2029: D(2029, 4, 2),
    2030: D(2030, 4, 22),
}
ASCENSION = {
    2024: D(2024, 5, 9),
    2025: D(2025, 5, 29),
    2026: D(2026, 5, 14),
    2027: D(2027, 5, 6),
    2028: D(2028, 5, 25),
    2029: D(2029, 5, 10),
    2030: D(2030, 5, 30),
}
PENTECOST = {
    2024: D(2024, 5, 19),
    2025: D(2025, 6, 8),
    2026: D(2026, 5, 24),
    2027: D(2027, 5, 16),
    2028: D(2028, 6, 4),
    2029: D(2029, 5, 20),
    2030: D(2030, 6, 9),
}
EVES = ("Midsommarafton", "Julafton", "Nyårsafton")


def _table(year: int) -> dict[dt.date, str]:
    """Every Swedish public holiday and eve of *year* with its Swedish name."""
    return {
        D(year, 1, 1): "Nyårsdagen",
        D(year, 1, 6): "Trettondedag jul",
        GOOD_FRIDAY[year]: "Långfredagen",
        EASTER[year]: "Påskdagen",
        EASTER_MONDAY[year]: "Annandag påsk",
        D(year, 5, 1): "Första maj",
        ASCENSION[year]: "Kristi himmelsfärdsdag",
        PENTECOST[year]: "Pingstdagen",
        D(year, 6, 6): "Nationaldagen",
        MIDSUMMER_EVE[year]: "Midsommarafton",
        MIDSUMMER_EVE[year].add(days=1): "Midsommardagen",
        ALL_SAINTS[year]: "Alla helgons dag",
        D(year, 12, 24): "Julafton",
        D(year, 12, 25): "Juldagen",
        D(year, 12, 26): "Annandag jul",
        D(year, 12, 31): "Nyårsafton",
    }


YEARS = range(2024, 2031)
SUMMER = Blackout.iso_weeks("sommar", 2026, 27, 32)


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar.sweden()


# -- the hand-written table obeys its own rules ------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_the_table_follows_the_rules_it_was_written_from(year: int) -> None:
    assert EASTER[year] == _easter(year)
    assert EASTER[year].weekday() == 6
    assert GOOD_FRIDAY[year] == EASTER[year].subtract(days=2)
    assert EASTER_MONDAY[year] == EASTER[year].add(days=1)
    assert ASCENSION[year] == EASTER[year].add(days=39)
    assert PENTECOST[year] == EASTER[year].add(days=49)
    assert MIDSUMMER_EVE[year].weekday() == 4
    assert D(year, 6, 19) <= MIDSUMMER_EVE[year] <= D(year, 6, 25)
    assert ALL_SAINTS[year].weekday() == 5
    assert D(year, 10, 31) <= ALL_SAINTS[year] <= D(year, 11, 6)


# -- the calendar against the table -------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_every_day_off_and_its_reason_match_the_table(calendar: WorkingCalendar, year: int) -> None:
    table = _table(year)
    for day in DateRange(start=D(year, 1, 1), end=D(year, 12, 31)):
        if day in table:
            expected: str | None = table[day]
        elif day.weekday() == 5:
            expected = "Lördag"
        elif day.weekday() == 6:
            expected = "Söndag"
        else:
            expected = None
        assert calendar.day_off_reason(day) == expected, day
        assert calendar.is_working_day(day) is (expected is None), day


@pytest.mark.parametrize("year", YEARS)
def test_without_eves_the_eves_on_weekdays_are_working_days(year: int) -> None:
    calendar = WorkingCalendar.sweden(eves=False)
    for day, name in _table(year).items():
        if name in EVES and day.weekday() < 5:
            assert calendar.is_working_day(day), day
            assert calendar.day_off_reason(day) is None
        elif name not in EVES:
            assert not calendar.is_working_day(day), day


def test_working_days_per_year_match_the_table(calendar: WorkingCalendar) -> None:
    for year in YEARS:
        weekdays_off = sum(1 for day in _table(year) if day.weekday() < 5)
        period = DateRange(start=D(year, 1, 1), end=D(year, 12, 31))
        weekdays = sum(1 for day in period if day.weekday() < 5)
        assert calendar.count_working_days(period) == weekdays - weekdays_off


# -- reasons --------------------------------------------------------------------------------


def test_a_holiday_on_a_saturday_is_named_for_the_holiday(calendar: WorkingCalendar) -> None:
    assert calendar.day_off_reason(D(2026, 6, 20)) == "Midsommardagen"


def test_two_holidays_on_one_day_are_both_named(calendar: WorkingCalendar) -> None:
    # 2008: Kristi himmelsfärdsdag fell on första maj.
    assert calendar.day_off_reason(D(2008, 5, 1)) == "Första maj; Kristi himmelsfärdsdag"


@pytest.mark.parametrize(
    ("day", "swedish", "english"),
    [
        (D(2026, 6, 19), "Midsommarafton", "Midsummer Eve"),
        (D(2026, 12, 24), "Julafton", "Christmas Eve"),
        (D(2026, 12, 25), "Juldagen", "Christmas Day"),
        (D(2026, 11, 28), "Lördag", "Saturday"),
        (D(2026, 11, 29), "Söndag", "Sunday"),
        (D(2026, 7, 15), "Blockerad period: sommar", "Blocked period: sommar"),
        (D(2026, 11, 20), "Extra ledig dag", "Extra day off"),
        (D(2026, 2, 25), "Blockerad period", "Blocked period"),
    ],
)
def test_day_off_reasons_are_swedish_by_default_and_english_on_request(
    day: pendulum.Date, swedish: str, english: str
) -> None:
    calendar = WorkingCalendar.sweden(
        blackouts=[SUMMER, DateRange.iso_week(2026, 9)], extra_days_off=[D(2026, 11, 20)]
    )
    assert calendar.day_off_reason(day) == swedish
    assert calendar.day_off_reason(day, locale="en_GB") == english


def test_a_weekend_in_a_blackout_is_named_for_the_weekend() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[SUMMER])
    assert calendar.day_off_reason(D(2026, 7, 4)) == "Lördag"


def test_the_first_blackout_that_covers_a_day_names_it() -> None:
    calendar = WorkingCalendar.sweden(
        blackouts=[SUMMER, Blackout(name="semester", period=DateRange.iso_week(2026, 28))]
    )
    assert calendar.day_off_reason(D(2026, 7, 8)) == "Blockerad period: sommar"


def test_a_working_day_has_no_reason(calendar: WorkingCalendar) -> None:
    assert calendar.day_off_reason(D(2026, 11, 27)) is None
    assert calendar.day_off_reason(D(2026, 11, 27), locale="en_GB") is None


def test_an_unknown_locale_is_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValidationError) as error:
        calendar.day_off_reason(D(2026, 11, 27), locale="de_DE")
    assert str(error.value) == (
        "locale: must be a Swedish or English locale such as 'sv_SE' or 'en_GB', got 'de_DE'"
    )


# -- arithmetic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        # Thursday before midsommarafton: the eve and the weekend are skipped.
        (D(2026, 6, 18), 1, D(2026, 6, 22)),
        (D(2026, 6, 22), -1, D(2026, 6, 18)),
        # Over Christmas and New Year 2026: 24, 25, 26, 31 and 1 January are off.
        (D(2026, 12, 23), 1, D(2026, 12, 28)),
        (D(2026, 12, 30), 1, D(2027, 1, 4)),
        (D(2027, 1, 4), -1, D(2026, 12, 30)),
        # Trettondedag jul 2027 is a Wednesday.
        (D(2027, 1, 5), 1, D(2027, 1, 7)),
        # Easter 2027: långfredagen 26 March to annandag påsk 29 March.
        (D(2027, 3, 25), 1, D(2027, 3, 30)),
        # From a Saturday, the first working day after is the Monday.
        (D(2026, 11, 28), 1, D(2026, 11, 30)),
        (D(2026, 11, 28), -1, D(2026, 11, 27)),
        # Zero: the day itself if it is a working day, otherwise the next one.
        (D(2026, 11, 27), 0, D(2026, 11, 27)),
        (D(2026, 11, 28), 0, D(2026, 11, 30)),
        # Zero on the last day off of a year moves into the next year.
        (D(2028, 12, 31), 0, D(2029, 1, 2)),
        # Many working days, across years. 2026 has 250 working days after 2 January, up to
        # 30 December; 2027 has 261 weekdays of which 8 are off (1 and 6 January, 26 and
        # 29 March, 6 May, 25 June, 24 and 31 December), so its 250th is 27 December.
        (D(2026, 1, 2), 250, D(2026, 12, 30)),
        (D(2026, 1, 2), 500, D(2027, 12, 27)),
        (D(2027, 12, 27), -500, D(2026, 1, 2)),
    ],
)
def test_add_working_days(
    calendar: WorkingCalendar, day: pendulum.Date, n: int, expected: pendulum.Date
) -> None:
    assert calendar.add_working_days(day, n) == expected


def test_next_and_previous_working_day_are_strictly_after_and_before(
    calendar: WorkingCalendar,
) -> None:
    assert calendar.next_working_day(D(2026, 11, 26)) == D(2026, 11, 27)
    assert calendar.previous_working_day(D(2026, 11, 27)) == D(2026, 11, 26)
    assert calendar.next_working_day(D(2026, 6, 18)) == D(2026, 6, 22)
    assert calendar.previous_working_day(D(2027, 1, 7)) == D(2027, 1, 5)


def test_a_plain_date_is_accepted_and_a_pendulum_date_returned(
    calendar: WorkingCalendar,
) -> None:
    result = calendar.add_working_days(dt.date(2026, 11, 27), 1)
    assert type(result) is pendulum.Date
    assert result == D(2026, 11, 30)
    assert calendar.is_working_day(dt.date(2026, 11, 27))


def test_blackouts_and_extra_days_are_skipped() -> None:
    # ISO week 27 of 2026 starts on Monday 29 June (2026 has 53 weeks); week 32 ends 9 August.
    calendar = WorkingCalendar.sweden(blackouts=[SUMMER], extra_days_off=[D(2026, 8, 10)])
    assert calendar.next_working_day(D(2026, 6, 25)) == D(2026, 6, 26)
    assert calendar.next_working_day(D(2026, 6, 26)) == D(2026, 8, 11)
    assert calendar.previous_working_day(D(2026, 8, 11)) == D(2026, 6, 26)


def test_a_blackout_across_new_year_blocks_both_years() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[DateRange.from_iso("2026-12-21", "2027-01-10")])
    assert calendar.next_working_day(D(2026, 12, 18)) == D(2027, 1, 11)


def test_a_year_without_working_days_is_skipped() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[DateRange.from_iso("2027-01-01", "2027-12-31")])
    assert calendar.next_working_day(D(2026, 12, 30)) == D(2028, 1, 3)
    assert calendar.previous_working_day(D(2028, 1, 3)) == D(2026, 12, 30)
    assert calendar.add_working_days(D(2027, 6, 1), 0) == D(2028, 1, 3)


def test_working_days_lists_the_working_days_in_order(calendar: WorkingCalendar) -> None:
    period = DateRange.from_iso("2026-12-21", "2027-01-08")
    assert list(calendar.working_days(period)) == [
        D(2026, 12, 21),
        D(2026, 12, 22),
        D(2026, 12, 23),
        D(2026, 12, 28),
        D(2026, 12, 29),
        D(2026, 12, 30),
        D(2027, 1, 4),
        D(2027, 1, 5),
        D(2027, 1, 7),
        D(2027, 1, 8),
    ]
    assert calendar.count_working_days(period) == 10


def test_a_period_of_days_off_has_no_working_days(calendar: WorkingCalendar) -> None:
    period = DateRange.from_iso("2026-12-24", "2026-12-27")
    assert list(calendar.working_days(period)) == []
    assert calendar.count_working_days(period) == 0


# -- the calendar as a value ---------------------------------------------------------------


def test_sweden_normalises_its_arguments() -> None:
    calendar = WorkingCalendar.sweden(
        blackouts=(b for b in [SUMMER]),
        extra_days_off={dt.date(2026, 11, 20), D(2026, 11, 19), D(2026, 11, 20)},
    )
    assert calendar.blackouts == (SUMMER,)
    assert calendar.extra_days_off == (D(2026, 11, 19), D(2026, 11, 20))
    assert all(type(d) is pendulum.Date for d in calendar.extra_days_off)


def test_a_bare_date_range_becomes_an_unnamed_blackout() -> None:
    period = DateRange.iso_week(2026, 9)
    calendar = WorkingCalendar.sweden(blackouts=[period])
    assert calendar.blackouts == (Blackout(name="blockerad period", period=period),)


def test_calendars_with_the_same_rules_are_equal_whatever_they_have_cached() -> None:
    first = WorkingCalendar.sweden(blackouts=[SUMMER])
    second = WorkingCalendar.sweden(blackouts=[SUMMER])
    first.is_working_day(D(2026, 7, 1))
    assert first == second
    assert hash(first) == hash(second)
    assert first != WorkingCalendar.sweden()


def test_a_calendar_is_frozen() -> None:
    calendar = WorkingCalendar.sweden()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        calendar.eves = False  # type: ignore[misc]


def test_evolve_gives_a_calendar_with_its_own_cache() -> None:
    calendar = WorkingCalendar.sweden()
    assert calendar.is_working_day(D(2026, 12, 24)) is False
    relaxed = attrs.evolve(calendar, eves=False)
    assert relaxed.is_working_day(D(2026, 12, 24)) is True


def test_a_calendar_survives_pickling() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[SUMMER])
    calendar.is_working_day(D(2026, 7, 1))
    copy = pickle.loads(pickle.dumps(calendar))
    assert copy == calendar
    assert copy.day_off_reason(D(2026, 7, 1)) == "Blockerad period: sommar"


def test_the_process_locale_does_not_change_the_names() -> None:
    code = (
        "import pendulum; from ledarutveckling import WorkingCalendar;"
        "print(WorkingCalendar.sweden().day_off_reason(pendulum.date(2026, 6, 19)))"
    )
    env = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == "Midsommarafton\n"


def test_importing_the_library_does_not_load_the_holidays_package() -> None:
    code = "import sys, ledarutveckling; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"


# -- validation ------------------------------------------------------------------------------


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, object, str]]:
    return [(p.path, p.value, p.message) for p in error.value.problems]


def test_every_bad_argument_is_reported() -> None:
    moment = pendulum.datetime(2026, 1, 1, tz="Europe/Stockholm")
    with pytest.raises(ValidationError) as error:
        WorkingCalendar.sweden(
            eves="yes",  # type: ignore[arg-type]
            blackouts=[SUMMER, "sommar"],  # type: ignore[list-item]
            extra_days_off=[D(2026, 1, 2), moment],
        )
    assert _problems(error) == [
        ("eves", "yes", "must be True or False"),
        ("blackouts[1]", "sommar", "must be Blackout or DateRange objects"),
        (
            "extra_days_off[1]",
            moment,
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        ),
    ]


def test_collections_that_are_not_lists_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        WorkingCalendar.sweden(
            blackouts=SUMMER,  # type: ignore[arg-type]
            extra_days_off=D(2026, 1, 2),  # type: ignore[arg-type]
        )
    assert _problems(error) == [
        ("blackouts", SUMMER, "must be a list of Blackout or DateRange objects"),
        ("extra_days_off", D(2026, 1, 2), "must be a list of dates"),
    ]


def test_a_blackout_needs_a_name_and_a_period() -> None:
    with pytest.raises(ValidationError) as error:
        Blackout(name=" ", period="2026-07-01/2026-07-31")  # type: ignore[arg-type]
    assert _problems(error) == [
        ("name", " ", "must not be empty"),
        ("period", "2026-07-01/2026-07-31", "must be a DateRange"),
    ]


def test_a_blackout_of_weeks_that_do_not_exist_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Blackout.iso_weeks("sommar", 2027, 27, 53)
    assert _problems(error) == [
        ("last", 53, "is not an ISO week of 2027 (weeks run 1 to 52 or 53)"),
    ]


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            pendulum.datetime(2026, 1, 1),
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        ),
        ("2026-01-01", "must be a date, e.g. pendulum.date(2026, 11, 27)"),
        (D(1952, 12, 31), "must be in the years 1953–2100, which the Swedish holiday data covers"),
        (D(2101, 1, 1), "must be in the years 1953–2100, which the Swedish holiday data covers"),
    ],
)
def test_a_bad_day_is_refused(calendar: WorkingCalendar, day: object, message: str) -> None:
    for query in (
        calendar.is_working_day,
        calendar.day_off_reason,
        calendar.next_working_day,
        calendar.previous_working_day,
    ):
        with pytest.raises(ValidationError) as error:
            query(day)  # type: ignore[arg-type]
        assert _problems(error) == [("day", day, message)]


@pytest.mark.parametrize("n", [1.0, True, "1", None])
def test_a_count_that_is_not_an_int_is_refused(calendar: WorkingCalendar, n: object) -> None:
    with pytest.raises(ValidationError) as error:
        calendar.add_working_days(D(2026, 1, 1), n)  # type: ignore[arg-type]
    assert _problems(error) == [("n", n, "must be a whole number (int)")]


@pytest.mark.parametrize(
    ("day", "n"), [(D(2100, 12, 30), 2), (D(1953, 1, 2), -1), (D(2026, 1, 1), 10**6)]
)
def test_arithmetic_past_the_years_covered_is_refused(
    calendar: WorkingCalendar, day: pendulum.Date, n: int
) -> None:
    with pytest.raises(ValidationError) as error:
        calendar.add_working_days(day, n)
    assert _problems(error) == [
        (
            "n",
            n,
            "takes the date outside the years 1953–2100, which the Swedish holiday data covers",
        )
    ]


def test_a_bad_period_is_refused_at_once(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValidationError) as error:
        calendar.working_days("2026")  # type: ignore[arg-type]
    assert _problems(error) == [("period", "2026", "must be a DateRange")]
    late = DateRange.from_iso("2100-12-01", "2101-01-31")
    with pytest.raises(ValidationError) as error:
        calendar.count_working_days(late)
    assert _problems(error) == [
        (
            "period.end",
            D(2101, 1, 31),
            "must be in the years 1953–2100, which the Swedish holiday data covers",
        )
    ]


# -- properties -----------------------------------------------------------------------------

days = st.dates(min_value=dt.date(1955, 1, 1), max_value=dt.date(2098, 1, 1)).map(
    lambda d: D(d.year, d.month, d.day)
)
counts = st.integers(min_value=-400, max_value=400)
CALENDAR = WorkingCalendar.sweden(blackouts=[SUMMER], extra_days_off=[D(2030, 3, 4)])


def _step(calendar: WorkingCalendar, day: pendulum.Date, n: int) -> pendulum.Date:
    """add_working_days the slow way, one day at a time."""
    if n == 0:
        while not calendar.is_working_day(day):
            day = day.add(days=1)
        return day
    step = 1 if n > 0 else -1
    left = abs(n)
    while left:
        day = day.add(days=step)
        if calendar.is_working_day(day):
            left -= 1
    return day


@settings(max_examples=200)
@given(day=days, n=counts)
def test_adding_n_then_minus_n_returns_to_a_working_day(day: pendulum.Date, n: int) -> None:
    there = CALENDAR.add_working_days(day, n)
    back = CALENDAR.add_working_days(there, -n)
    assert CALENDAR.is_working_day(there)
    assert CALENDAR.is_working_day(back)
    if CALENDAR.is_working_day(day):
        assert back == day


@settings(max_examples=100)
@given(day=days, n=st.integers(min_value=-60, max_value=60))
def test_add_working_days_agrees_with_stepping_one_day_at_a_time(
    day: pendulum.Date, n: int
) -> None:
    assert CALENDAR.add_working_days(day, n) == _step(CALENDAR, day, n)


@settings(max_examples=100)
@given(day=days, n=st.integers(min_value=1, max_value=400))
def test_n_working_days_later_there_are_n_working_days_in_between(
    day: pendulum.Date, n: int
) -> None:
    later = CALENDAR.add_working_days(day, n)
    assert CALENDAR.count_working_days(DateRange(start=day.add(days=1), end=later)) == n


@settings(max_examples=100)
@given(start=days, length=st.integers(min_value=0, max_value=800))
def test_counting_agrees_with_iterating(start: pendulum.Date, length: int) -> None:
    period = DateRange(start=start, end=start.add(days=length))
    listed = list(CALENDAR.working_days(period))
    assert CALENDAR.count_working_days(period) == len(listed)
    assert listed == [d for d in period if CALENDAR.is_working_day(d)]


def test_the_years_covered_are_those_of_the_holiday_data() -> None:
    assert (FIRST_YEAR, LAST_YEAR) == (1953, 2100)
    calendar = WorkingCalendar.sweden()
    assert calendar.day_off_reason(D(1953, 1, 1)) == "Nyårsdagen"
    assert calendar.day_off_reason(D(2100, 12, 31)) == "Nyårsafton"


def calendars() -> st.SearchStrategy[WorkingCalendar]:
    """Swedish calendars with random eves, blackouts and extra days off in 2026–2028."""
    return working_calendars(within=DateRange.from_iso("2026-01-01", "2028-12-31"))


@settings(max_examples=60, deadline=None)
@given(
    calendar=calendars(),
    day=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2028, 12, 31)),
    n=st.integers(min_value=-80, max_value=80),
)
def test_any_calendar_agrees_with_stepping_and_names_every_day_off(
    calendar: WorkingCalendar, day: dt.date, n: int
) -> None:
    start = D(day.year, day.month, day.day)
    assert calendar.add_working_days(start, n) == _step(calendar, start, n)
    assert (calendar.day_off_reason(start) is None) is calendar.is_working_day(start)
