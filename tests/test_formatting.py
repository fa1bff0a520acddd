"""Exact Swedish and English strings; NBSP is U+00A0, EN DASH U+2013, THIN SPACE U+2009."""

import datetime as dt
from decimal import Decimal, localcontext

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import DateRange, Money, ValidationError
from ledarutveckling.formatting import (
    format_date,
    format_date_range,
    format_datetime,
    format_duration,
    format_list,
    format_money,
    format_number,
    format_percent,
    format_time,
    format_week,
)

NBSP = "\xa0"
FRIDAY = pendulum.date(2026, 11, 27)


def messages(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


# -- money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("12500", "12\xa0500\xa0kr"),  # whole kronor without öre
        ("12500.00", "12\xa0500\xa0kr"),
        ("12500.5", "12\xa0500,50\xa0kr"),
        ("0.5", "0,50\xa0kr"),
        ("999", "999\xa0kr"),
        ("1234567.89", "1\xa0234\xa0567,89\xa0kr"),
        ("-12500", "\u221212\xa0500\xa0kr"),  # U+2212 MINUS SIGN, as CLDR's Swedish data
        ("-0.5", "\u22120,50\xa0kr"),
        ("12500.005", "12\xa0500,01\xa0kr"),  # half up; banker's would give 12 500 kr
        ("12500.004", "12\xa0500\xa0kr"),  # rounds to whole kronor, shown without öre
        ("0.125", "0,13\xa0kr"),
        ("-0.001", "0\xa0kr"),  # no "-0"
    ],
)
def test_format_money_in_swedish(amount: str, expected: str) -> None:
    assert format_money(Money.sek(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "precision", "expected"),
    [
        ("12500", "ore", "12\xa0500,00\xa0kr"),
        ("12500.5", "krona", "12\xa0501\xa0kr"),  # half up
        ("12499.49", "krona", "12\xa0499\xa0kr"),
        ("-2.5", "krona", "\u22123\xa0kr"),
    ],
)
def test_format_money_precision(amount: str, precision: str, expected: str) -> None:
    assert format_money(Money.sek(amount), precision=precision) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("money", "locale", "expected"),
    [
        (Money.sek("12500.5"), "en_GB", "SEK\xa012,500.50"),
        (Money.sek("-12500"), "en_GB", "-SEK\xa012,500"),
        (Money.of("99.9", "EUR"), "sv_SE", "99,90\xa0€"),
        (Money.of("1500", "EUR"), "en_GB", "€1,500"),
        (Money.of("1500", "USD"), "en_US", "$1,500"),
    ],
)
def test_format_money_in_other_currencies_and_english(
    money: Money, locale: str, expected: str
) -> None:
    assert format_money(money, locale=locale) == expected


def test_format_money_refuses_a_plain_number() -> None:
    with pytest.raises(ValidationError) as error:
        format_money(Decimal("12500"))  # type: ignore[arg-type]
    assert messages(error) == [
        "money: must be a Money, e.g. Money.sek('12500'), got Decimal('12500')"
    ]


def test_format_money_refuses_an_unknown_precision() -> None:
    with pytest.raises(ValidationError) as error:
        format_money(Money.sek(1), precision="cents")  # type: ignore[arg-type]
    assert messages(error) == ["precision: must be 'auto', 'ore', 'krona' or 'exact', got 'cents'"]


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False))
def test_format_money_always_uses_nbsp_and_a_decimal_comma(amount: Decimal) -> None:
    text = format_money(Money.sek(amount))
    assert text.endswith(NBSP + "kr")
    assert " " not in text
    assert "." not in text
    digits = text.removesuffix(NBSP + "kr").replace(NBSP, "").replace(",", ".")
    digits = digits.replace("\N{MINUS SIGN}", "-")  # CLDR's Swedish minus, U+2212
    assert Decimal(digits) == Money.sek(amount).round_to_ore().amount


# -- numbers and percent ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "locale", "expected"),
    [
        (Decimal("12500.50"), None, "sv_SE", "12\xa0500,50"),
        (Decimal("12500"), None, "sv_SE", "12\xa0500"),
        (Decimal("0.000123"), None, "sv_SE", "0,000123"),
        (Decimal("1E+3"), None, "sv_SE", "1\xa0000"),
        (-1234567, None, "sv_SE", "\u22121\xa0234\xa0567"),
        (2.345, 2, "sv_SE", "2,35"),  # the float 2.345 reads as 2.345 and rounds half up
        (Decimal("2.5"), 0, "sv_SE", "3"),
        (Decimal("4.25"), 1, "sv_SE", "4,3"),
        (Decimal("12500.5"), 2, "en_GB", "12,500.50"),
        (1234567, None, "en_US", "1,234,567"),
    ],
)
def test_format_number(
    value: Decimal | float, decimals: int | None, locale: str, expected: str
) -> None:
    assert format_number(value, decimals=decimals, locale=locale) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "locale", "expected"),
    [
        (Decimal("0.125"), 1, "sv_SE", "12,5\xa0%"),
        (Decimal("0.26"), 1, "sv_SE", "26,0\xa0%"),
        (Decimal("0.125"), 0, "sv_SE", "13\xa0%"),  # half up; Babel alone says 12 %
        (Decimal("0.8"), 0, "sv_SE", "80\xa0%"),
        (Decimal("1.5"), 1, "sv_SE", "150,0\xa0%"),
        (Decimal("-0.0425"), 1, "sv_SE", "\u22124,3\xa0%"),
        (0.333333, 2, "sv_SE", "33,33\xa0%"),
        (1, 0, "sv_SE", "100\xa0%"),
        (Decimal("0.125"), 1, "en_GB", "12.5%"),
    ],
)
def test_format_percent(value: Decimal | float, decimals: int, locale: str, expected: str) -> None:
    assert format_percent(value, decimals=decimals, locale=locale) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: format_number("12"),  # type: ignore[arg-type]
            "value: must be a number (Decimal, int or float), got '12'",
        ),
        (lambda: format_number(True), "value: must be a number (Decimal, int or float), got True"),
        (lambda: format_number(float("nan")), "value: must be a finite number, got nan"),
        (lambda: format_number(1, decimals=-1), "decimals: must be an int from 0 to 10, got -1"),
        (
            lambda: format_percent(1, decimals=1.0),  # type: ignore[arg-type]
            "decimals: must be an int from 0 to 10, got 1.0",
        ),
        (
            lambda: format_percent(Decimal("Infinity")),
            "value: must be a finite number, got Decimal('Infinity')",
        ),
    ],
)
def test_bad_numbers_are_refused(call: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        call()  # type: ignore[operator]
    assert messages(error) == [message]


# -- dates and weeks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "locale", "expected"),
    [
        ("long", "sv_SE", "27 november 2026"),
        ("full", "sv_SE", "fredag 27 november 2026"),
        ("short", "sv_SE", "2026-11-27"),
        ("medium", "sv_SE", "27 nov. 2026"),
        ("long", "en_GB", "27 November 2026"),
        ("full", "en_GB", "Friday, 27 November 2026"),
        ("short", "en_GB", "27/11/2026"),
        ("long", "en_US", "November 27, 2026"),
    ],
)
def test_format_date(style: str, locale: str, expected: str) -> None:
    assert format_date(FRIDAY, style=style, locale=locale) == expected  # type: ignore[arg-type]


def test_format_date_takes_a_plain_date() -> None:
    assert format_date(dt.date(2027, 6, 25), style="full") == "fredag 25 juni 2027"


def test_format_date_refuses_a_datetime() -> None:
    moment = pendulum.datetime(2026, 11, 27, tz="Europe/Stockholm")
    with pytest.raises(ValidationError) as error:
        format_date(moment)
    assert messages(error) == [
        f"day: must be a date (use format_datetime for a moment in time), got {moment!r}"
    ]


def test_format_date_refuses_an_unknown_style() -> None:
    with pytest.raises(ValidationError) as error:
        format_date(FRIDAY, style="iso")  # type: ignore[arg-type]
    assert messages(error) == ["style: must be 'short', 'medium', 'long' or 'full', got 'iso'"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (pendulum.date(2026, 11, 27), "vecka 48"),
        (pendulum.date(2027, 1, 1), "vecka 53"),  # ISO: belongs to the last week of 2026
        (pendulum.date(2027, 1, 4), "vecka 1"),
        (pendulum.date(2026, 1, 1), "vecka 1"),  # a Thursday: week 1 of 2026
        (pendulum.date(2024, 12, 30), "vecka 1"),  # Monday of week 1 of 2025
        (pendulum.date(2026, 11, 29), "vecka 48"),  # Sunday ends the ISO week
    ],
)
def test_format_week_uses_iso_weeks(day: pendulum.Date, expected: str) -> None:
    assert format_week(day) == expected


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
def test_format_week_in_english_is_iso_too(locale: str) -> None:
    # en_US counts weeks from Sunday in CLDR; the library always uses ISO weeks.
    assert format_week(pendulum.date(2026, 11, 29), locale=locale) == "week 48"


@pytest.mark.parametrize(
    ("start", "end", "locale", "expected"),
    [
        ("2026-11-27", "2026-12-03", "sv_SE", "27 november\xa0– 3 december 2026"),
        ("2026-11-02", "2026-11-05", "sv_SE", "2\u20135 november 2026"),
        ("2026-12-28", "2027-01-03", "sv_SE", "28 december 2026\xa0– 3 januari 2027"),
        ("2026-11-27", "2026-11-27", "sv_SE", "27 november 2026"),
        ("2026-11-27", "2026-12-03", "en_GB", "27 November\u2009\u2013\u20093 December 2026"),
        ("2026-11-02", "2026-11-05", "en_US", "November 2\u2009\u2013\u20095, 2026"),
    ],
)
def test_format_date_range(start: str, end: str, locale: str, expected: str) -> None:
    assert format_date_range(DateRange.from_iso(start, end), locale=locale) == expected


def test_format_date_range_refuses_a_pair_of_dates() -> None:
    with pytest.raises(ValidationError, match="period: must be a DateRange"):
        format_date_range((FRIDAY, FRIDAY))  # type: ignore[arg-type]


# -- times -----------------------------------------------------------------------------


def test_format_time_of_a_wall_clock_time() -> None:
    assert format_time(dt.time(9, 30)) == "09:30"
    assert format_time(dt.time(9, 30), locale="en_US") == "9:30\u202fAM"


def test_format_time_of_an_aware_moment_is_shown_in_stockholm() -> None:
    winter = pendulum.datetime(2026, 11, 27, 8, 30, tz="UTC")
    summer = pendulum.datetime(2026, 7, 1, 7, 30, tz="UTC")
    assert format_time(winter) == "09:30"
    assert format_time(summer) == "09:30"
    assert format_time(winter, tz="UTC") == "08:30"


@pytest.mark.parametrize(
    ("moment", "kwargs", "expected"),
    [
        (
            pendulum.datetime(2026, 11, 27, 9, 30, tz="Europe/Stockholm"),
            {},
            "fredag 27 november 2026 kl. 09:30",
        ),
        (
            pendulum.datetime(2026, 11, 27, 23, 30, tz="UTC"),  # already Saturday in Stockholm
            {},
            "lördag 28 november 2026 kl. 00:30",
        ),
        (
            dt.datetime(2027, 3, 28, 0, 30, tzinfo=dt.UTC),
            {"style": "long"},
            "28 mars 2027 kl. 01:30",  # summer time starts at 01:00 UTC: still CET, +01:00
        ),
        (
            dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC),
            {"style": "long"},
            "28 mars 2027 kl. 03:30",  # an hour later by the clock, two on the wall: CEST
        ),
        (
            pendulum.datetime(2026, 11, 27, 9, 30, tz="Europe/Stockholm"),
            {"locale": "en_GB"},
            "Friday, 27 November 2026 at 09:30",
        ),
    ],
)
def test_format_datetime(moment: dt.datetime, kwargs: dict[str, str], expected: str) -> None:
    assert format_datetime(moment, **kwargs) == expected  # type: ignore[arg-type]


def test_naive_datetimes_are_refused() -> None:
    naive = dt.datetime(2026, 11, 27, 9, 30)
    for call in (format_datetime, format_time):
        with pytest.raises(ValidationError) as error:
            call(naive)
        assert messages(error) == [
            "moment: must be aware (have a time zone); e.g. "
            f"pendulum.datetime(..., tz='Europe/Stockholm'), got {naive!r}"
        ]


def test_format_datetime_refuses_a_date() -> None:
    with pytest.raises(ValidationError) as error:
        format_datetime(FRIDAY)  # type: ignore[arg-type]
    assert messages(error) == [f"moment: must be a datetime, got {FRIDAY!r}"]


def test_format_time_refuses_a_date() -> None:
    with pytest.raises(ValidationError) as error:
        format_time(FRIDAY)  # type: ignore[arg-type]
    assert messages(error) == [f"moment: must be a time or an aware datetime, got {FRIDAY!r}"]


def test_format_time_refuses_a_time_with_a_zone_instead_of_dropping_it() -> None:
    utc_nine = dt.time(9, 30, tzinfo=dt.UTC)
    with pytest.raises(ValidationError) as error:
        format_time(utc_nine)
    assert messages(error) == [
        "moment: must be a wall-clock time without a zone; for a moment in a zone pass an "
        f"aware datetime, which is shown in Europe/Stockholm, got {utc_nine!r}"
    ]


def test_an_unknown_zone_is_refused() -> None:
    moment = pendulum.datetime(2026, 11, 27, tz="UTC")
    with pytest.raises(ValidationError) as error:
        format_datetime(moment, tz="Europe/Stockholmm")
    assert [p.path for p in error.value.problems] == ["tz"]


# -- durations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("duration", "locale", "expected"),
    [
        (pendulum.duration(hours=3, minutes=30), "sv_SE", "3 timmar 30 minuter"),
        (pendulum.duration(hours=1), "sv_SE", "1 timme"),
        (pendulum.duration(minutes=45), "sv_SE", "45 minuter"),
        (pendulum.duration(minutes=1), "sv_SE", "1 minut"),
        (pendulum.duration(days=2), "sv_SE", "2 dagar"),  # not Babel's "dygn"
        (pendulum.duration(days=1, hours=2), "sv_SE", "1 dag 2 timmar"),
        (pendulum.duration(minutes=90), "sv_SE", "1 timme 30 minuter"),  # exact, not "2 timmar"
        (pendulum.duration(hours=2, seconds=5), "sv_SE", "2 timmar 5 sekunder"),
        (pendulum.duration(), "sv_SE", "0 minuter"),
        (dt.timedelta(hours=7, minutes=15), "sv_SE", "7 timmar 15 minuter"),
        (pendulum.duration(hours=3, minutes=30), "en_GB", "3 hours 30 minutes"),
        (pendulum.duration(days=1), "en_GB", "1 day"),
    ],
)
def test_format_duration_is_exact(duration: dt.timedelta, locale: str, expected: str) -> None:
    assert format_duration(duration, locale=locale) == expected


@pytest.mark.parametrize(
    ("duration", "message"),
    [
        (pendulum.duration(hours=-1), "duration: must not be negative"),
        (pendulum.duration(months=1), "duration: must not count years or months"),
        (dt.timedelta(milliseconds=5), "duration: must be in whole seconds"),
        (90, "duration: must be a timedelta or Duration"),
    ],
)
def test_format_duration_refuses_what_it_cannot_say_exactly(duration: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        format_duration(duration)  # type: ignore[arg-type]
    assert messages(error)[0].startswith(message)


@given(st.integers(min_value=0, max_value=10**7))
def test_format_duration_reads_back_to_the_same_seconds(seconds: int) -> None:
    text = format_duration(pendulum.duration(seconds=seconds), locale="en_GB")
    units = {"day": 86400, "hour": 3600, "minute": 60, "second": 1}
    words = text.split(" ")
    total = sum(
        int(count) * units[unit.rstrip("s")]
        for count, unit in zip(words[::2], words[1::2], strict=True)
    )
    assert total == seconds


# -- lists -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "kwargs", "expected"),
    [
        (["a", "b", "c"], {}, "a, b och c"),
        (["a", "b"], {}, "a och b"),
        (["a"], {}, "a"),
        ([], {}, ""),
        (["a", "b", "c"], {"style": "or"}, "a, b eller c"),
        (["a", "b", "c"], {"locale": "en_GB"}, "a, b and c"),
        (("x" for x in "ab"), {}, "x och x"),
    ],
)
def test_format_list(items: list[str], kwargs: dict[str, str], expected: str) -> None:
    assert format_list(items, **kwargs) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("items", "kwargs", "message"),
    [
        ("abc", {}, "items: must be a list of strings, not one string, got 'abc'"),
        (["a", 1], {}, "items: must contain only strings, got 1"),
        (["a"], {"style": "unit"}, "style: must be 'standard' or 'or', got 'unit'"),
    ],
)
def test_format_list_refuses_bad_input(items: object, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        format_list(items, **kwargs)  # type: ignore[arg-type]
    assert messages(error) == [message]


# -- locales ---------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["de_DE", "xx_YY", "", "sv-SE-x", 5])
def test_only_swedish_and_english_locales_are_accepted(locale: object) -> None:
    with pytest.raises(ValidationError) as error:
        format_week(FRIDAY, locale=locale)  # type: ignore[arg-type]
    assert messages(error) == [
        f"locale: must be a Swedish or English locale such as 'sv_SE' or 'en_GB', got {locale!r}"
    ]


@pytest.mark.parametrize("locale", ["sv", "sv_FI", "en", "en_IE"])
def test_other_swedish_and_english_locales_work(locale: str) -> None:
    assert format_week(FRIDAY, locale=locale) in ("vecka 48", "week 48")


def test_formatting_works_whatever_the_callers_decimal_precision() -> None:
    with localcontext() as context:
        context.prec = 6
        assert format_money(Money.sek("1234567.89")) == "1\xa0234\xa0567,89\xa0kr"
        assert format_number(Decimal("1234567.891"), decimals=2) == "1\xa0234\xa0567,89"
        assert format_percent(Decimal("0.123456789"), decimals=4) == "12,3457\xa0%"
