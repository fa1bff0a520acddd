r"""Swedish (and English) formatting of money, numbers, dates, weeks and durations.

Built on Babel's CLDR data. Every function takes ``locale="sv_SE"`` by default and also works
for English locales (``"en_GB"``, ``"en_US"``); other languages are refused because the few
words the library writes itself ("vecka", "kl.") exist only in Swedish and English.

The output is what a Swede would write, down to the characters: thousands are grouped with a
NO-BREAK SPACE (U+00A0), the decimal separator is a comma, ranges use an EN DASH (U+2013),
and amounts are rounded half up (never banker's rounding).

Examples:
    >>> from decimal import Decimal
    >>> import pendulum
    >>> from ledarutveckling import Money
    >>> format_money(Money.sek("12500"))
    '12\xa0500\xa0kr'
    >>> format_percent(Decimal("0.125"))
    '12,5\xa0%'
    >>> format_date(pendulum.date(2026, 11, 27), style="full")
    'fredag 27 november 2026'
    >>> format_datetime(pendulum.datetime(2026, 11, 27, 9, 30, tz="Europe/Stockholm"))
    'fredag 27 november 2026 kl. 09:30'
    >>> format_duration(pendulum.duration(hours=3, minutes=30))
    '3 timmar 30 minuter'

The classes here besides the functions (:class:`Expected`, :class:`Choice`,
:class:`Alternatives`, :class:`CalendarMonth`, :class:`Clock`, :class:`Counted`, :class:`Seating`,
:class:`Explanation`, :class:`ReplanRule`, :class:`WeekdayName`) are the values a
:class:`~ledarutveckling.Problem`'s ``params`` hold besides numbers, money, dates and text;
:func:`format_value` writes each in the reader's language.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Final, Literal

import pendulum
from babel import Locale
from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers
from babel import units as _units

from ledarutveckling._base.dates import DateRange, in_zone
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words, babel_locale
from ledarutveckling._base.messages import (
    FALLBACK,
    MESSAGES,
    Alternatives,
    CalendarMonth,
    Choice,
    Clock,
    Counted,
    Expected,
    Explanation,
    ProblemCode,
    ReplanRule,
    Seating,
    WeekdayName,
)
from ledarutveckling._base.money import EXACT, Money
from ledarutveckling._base.public import publish
from ledarutveckling.errors import MISSING, Problem, ValidationError

__all__ = [
    "DEFAULT_LOCALE",
    "STOCKHOLM",
    "Alternatives",
    "CalendarMonth",
    "Choice",
    "Clock",
    "Counted",
    "DateStyle",
    "Expected",
    "Explanation",
    "ReplanRule",
    "Seating",
    "WeekdayName",
    "format_date",
    "format_date_range",
    "format_datetime",
    "format_duration",
    "format_list",
    "format_money",
    "format_number",
    "format_percent",
    "format_problem",
    "format_time",
    "format_value",
    "format_week",
]

STOCKHOLM: Final = "Europe/Stockholm"
"""The time zone times are shown in unless told otherwise."""

DateStyle = Literal["short", "medium", "long", "full"]
_DATE_STYLES: Final = ("short", "medium", "long", "full")

# The only words the library writes itself; everything else comes from CLDR. CLDR's Swedish
# day unit is "dygn" (24 hours), but a course day is a "dag"; English keeps CLDR's ({cldr}).
_WORDS: Final = Words(
    {
        "week": ("vecka", "week"),
        "at": ("kl.", "at"),
        "day": ("{n} dag", "{cldr}"),
        "days": ("{n} dagar", "{cldr}"),
    }
)


_check_locale = babel_locale

# Babel computes in the caller's decimal context; a low precision there (prec=6) makes it
# raise InvalidOperation on a seven-digit amount. Its number formatting runs in this one.
_CLDR_CONTEXT: Final = Context(prec=1000, rounding=ROUND_HALF_EVEN)


def _half_up(value: Decimal, decimals: int) -> Decimal:
    result = value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP, context=EXACT)
    return result.copy_abs() if result.is_zero() else result  # never "-0"


def _fraction_pattern(pattern: str, decimals: int) -> str:
    """Replace the fraction part of every number in a CLDR pattern by *decimals* zeros."""
    fraction = "." + "0" * decimals if decimals > 0 else ""
    return re.sub(r"(#,##0|0)(\.[0#]+)?", lambda m: m.group(1) + fraction, pattern)


def _number(value: object, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        raise ValidationError.single(
            path,
            value,
            "must be a number (Decimal, int or float)",
            ProblemCode.MUST_BE,
            expected=Expected.NUMBER,
        )
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValidationError.single(
            path, value, "must be a finite number", ProblemCode.MUST_BE, expected=Expected.NUMBER
        )
    return number


def _minus(text: str, loc: Locale) -> str:
    """Write the minus sign as CLDR's data for the locale has it (Swedish: U+2212 MINUS SIGN).

    Babel's patterns put a hyphen-minus in front of every negative number; CLDR's Swedish
    number symbols say MINUS SIGN, which is also what Språkrådet prescribes.
    """
    sign = loc.number_symbols["latn"]["minusSign"]
    return text.replace("-", sign, 1) if text.startswith("-") else text


def _decimals(decimals: object) -> int:
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 10:
        raise ValidationError.single(
            "decimals",
            decimals,
            "must be an int from 0 to 10",
            ProblemCode.OUT_OF_RANGE,
            given=decimals if type(decimals) is int else None,
            least=0,
            most=10,
        )
    return decimals


def format_money(
    money: Money,
    *,
    precision: Literal["auto", "ore", "krona", "exact"] = "auto",
    locale: str = DEFAULT_LOCALE,
) -> str:
    r"""Format an amount of money, rounded half up.

    Args:
        money: The amount.
        precision: ``"auto"`` (default) shows whole kronor without öre (``12 500 kr``) and
            anything else with two decimals (``12 500,50 kr``); ``"ore"`` always shows two
            decimals; ``"krona"`` rounds half up to whole kronor; ``"exact"`` shows at least
            two decimals and every further one the amount has, unrounded: a unit price of
            ``1234.5549`` or half of ``99.99`` as it is invoiced (``1 234,5549 kr``,
            ``49,995 kr``), so that quantity × price adds up on the printed line.
        locale: A Swedish or English locale.

    Returns:
        The amount as text, with NO-BREAK SPACEs as Babel writes them.

    Raises:
        ValidationError: If *money* is not :class:`~ledarutveckling.Money`, or for an
            unknown *precision* or locale.

    Examples:
        >>> format_money(Money.sek("12500.5"))
        '12\xa0500,50\xa0kr'
        >>> minus = format_money(Money.sek("-1234.565"))  # U+2212 MINUS SIGN, as CLDR has it
        >>> minus[0] == "\N{MINUS SIGN}", minus[1:]
        (True, '1\xa0234,57\xa0kr')
        >>> format_money(Money.sek("-1234.565"), locale="en_GB")
        '-SEK\xa01,234.57'
        >>> format_money(Money.sek("12500.49"), precision="krona")
        '12\xa0500\xa0kr'
        >>> format_money(Money.sek("12500"), locale="en_GB")
        'SEK\xa012,500'
        >>> format_money(Money.sek("49.995"), precision="exact")
        '49,995\xa0kr'
        >>> format_money(Money.sek("1496.4"), precision="exact")
        '1\xa0496,40\xa0kr'
    """
    if not isinstance(money, Money):
        raise ValidationError.single(
            "money",
            money,
            "must be a Money, e.g. Money.sek('12500')",
            ProblemCode.MUST_BE,
            expected=Expected.MONEY,
        )
    if precision not in ("auto", "ore", "krona", "exact"):
        raise ValidationError.single(
            "precision",
            precision,
            "must be 'auto', 'ore', 'krona' or 'exact'",
            ProblemCode.NOT_ONE_OF,
            valid=Alternatives(["auto", "ore", "krona", "exact"]),
        )
    loc = _check_locale(locale)
    if precision == "krona":
        amount, decimals = _half_up(money.amount, 0), 0
    elif precision == "exact":
        amount = money.amount
        exponent = amount.normalize().as_tuple().exponent
        decimals = max(2, -exponent) if isinstance(exponent, int) else 2
    else:
        amount = _half_up(money.amount, 2)
        whole = precision == "auto" and amount == amount.to_integral_value()
        decimals = 0 if whole else 2
        amount = _half_up(amount, decimals)
    pattern = _fraction_pattern(loc.currency_formats["standard"].pattern, decimals)
    with localcontext(_CLDR_CONTEXT):
        text = _numbers.format_currency(
            amount, money.currency, format=pattern, locale=loc, currency_digits=False
        )
    # CLDR puts no space between a letter symbol and the digits ("SEK12,500"): add a
    # NO-BREAK SPACE there, as CLDR's currency-spacing rule intends.
    return _minus(re.sub(r"^(-?)([A-Z]{3})(?=\d)", "\\1\\2\xa0", text), loc)


def format_number(
    value: Decimal | int | float, *, decimals: int | None = None, locale: str = DEFAULT_LOCALE
) -> str:
    r"""Format a number with grouped thousands and a decimal comma.

    Args:
        value: The number.
        decimals: Round half up to this many decimals and always show them; ``None``
            (default) shows the number's own decimals without rounding.
        locale: A Swedish or English locale.

    Examples:
        >>> format_number(Decimal("12500.50"))
        '12\xa0500,50'
        >>> format_number(2.345, decimals=2)
        '2,35'
        >>> format_number(1234567, locale="en_GB")
        '1,234,567'
    """
    number = _number(value, "value")
    loc = _check_locale(locale)
    pattern = loc.decimal_formats[None].pattern
    if decimals is None:
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    else:
        places = _decimals(decimals)
        number = _half_up(number, places)
    with localcontext(_CLDR_CONTEXT):
        text = _numbers.format_decimal(
            number,
            format=_fraction_pattern(pattern, places),
            locale=loc,
            decimal_quantization=True,
        )
    return _minus(text, loc)


def format_percent(
    value: Decimal | int | float, *, decimals: int = 1, locale: str = DEFAULT_LOCALE
) -> str:
    r"""Format a fraction as a percentage, rounded half up (``0.125`` → ``12,5 %``).

    Args:
        value: The fraction: ``Decimal("0.125")`` is 12.5 %.
        decimals: Decimals of the percentage, 1 by default.
        locale: A Swedish or English locale.

    Examples:
        >>> format_percent(Decimal("0.125"))
        '12,5\xa0%'
        >>> format_percent(Decimal("0.8"), decimals=0)
        '80\xa0%'
        >>> format_percent(Decimal("0.00125"), decimals=2, locale="en_GB")
        '0.13%'
    """
    number = _number(value, "value")
    places = _decimals(decimals)
    loc = _check_locale(locale)
    percent = _half_up(EXACT.multiply(number, 100), places)
    pattern = _fraction_pattern(loc.percent_formats[None].pattern, places)
    with localcontext(_CLDR_CONTEXT):
        text = _numbers.format_percent(EXACT.scaleb(percent, -2), format=pattern, locale=loc)
    return _minus(text, loc)


def _plain_date(value: object, path: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError.single(
            path,
            value,
            "must be a date (use format_datetime for a moment in time)",
            ProblemCode.DATE_NOT_DATETIME,
        )
    return value


def format_date(day: dt.date, *, style: DateStyle = "long", locale: str = DEFAULT_LOCALE) -> str:
    """Format a date: ``long`` (default) ``27 november 2026``, or short, medium or full.

    Args:
        day: The date (a :class:`datetime.date` or :class:`pendulum.Date`).
        style: ``"short"`` (``2026-11-27``), ``"medium"`` (``27 nov. 2026``), ``"long"`` or
            ``"full"`` (``fredag 27 november 2026``).
        locale: A Swedish or English locale.

    Examples:
        >>> format_date(pendulum.date(2026, 11, 27))
        '27 november 2026'
        >>> format_date(pendulum.date(2026, 11, 27), style="short")
        '2026-11-27'
        >>> format_date(pendulum.date(2026, 11, 27), style="full", locale="en_GB")
        'Friday, 27 November 2026'
    """
    day = _plain_date(day, "day")
    if style not in _DATE_STYLES:
        raise ValidationError.single(
            "style",
            style,
            "must be 'short', 'medium', 'long' or 'full'",
            ProblemCode.NOT_ONE_OF,
            valid=Alternatives(_DATE_STYLES),
        )
    loc = _check_locale(locale)
    return _dates.format_date(day, format=style, locale=loc)


def format_week(day: dt.date, *, locale: str = DEFAULT_LOCALE) -> str:
    """Name the ISO 8601 week a date falls in, as Swedes do: ``vecka 48``.

    ISO weeks start on Monday and week 1 holds the year's first Thursday, in every locale
    (``en_US`` included), so 1 January 2027 is in week 53.

    Examples:
        >>> format_week(pendulum.date(2026, 11, 27))
        'vecka 48'
        >>> format_week(pendulum.date(2027, 1, 1))
        'vecka 53'
        >>> format_week(pendulum.date(2027, 1, 1), locale="en_US")
        'week 53'
    """
    day = _plain_date(day, "day")
    loc = _check_locale(locale)
    return f"{_WORDS.text('week', loc.language)} {day.isocalendar()[1]}"


def format_date_range(period: DateRange, *, locale: str = DEFAULT_LOCALE) -> str:
    r"""Format a range of days with the shortest unambiguous CLDR interval and full month names.

    Examples:
        >>> format_date_range(DateRange.from_iso("2026-11-27", "2026-12-03"))
        '27 november\xa0– 3 december 2026'
        >>> format_date_range(DateRange.from_iso("2026-11-02", "2026-11-05"))
        '2–5 november 2026'
        >>> format_date_range(DateRange.from_iso("2026-12-28", "2027-01-03"))
        '28 december 2026\xa0– 3 januari 2027'
        >>> format_date_range(DateRange.from_iso("2026-11-02", "2026-11-02"))
        '2 november 2026'
    """
    if not isinstance(period, DateRange):
        raise ValidationError.single(
            "period", period, "must be a DateRange", ProblemCode.MUST_BE, expected=Expected.PERIOD
        )
    loc = _check_locale(locale)
    if period.start == period.end:
        return _dates.format_date(period.start, format="long", locale=loc)
    if period.start.year != period.end.year:
        field = "y"
    elif period.start.month != period.end.month:
        field = "M"
    else:
        field = "d"
    # CLDR has no yMMMMd interval; its yMMMd one with the month spelled out is the same rule.
    first, second = (
        re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in loc.interval_formats["yMMMd"][field]
    )
    start = _dates.format_date(period.start, first, locale=loc)
    end = _dates.format_date(period.end, second, locale=loc)
    if start.endswith("–") and " " in start:
        # Språkrådet (Svenska skrivregler): a dash between parts that contain spaces is
        # spaced, "27 november – 3 december 2026"; "2–5 november 2026" stays closed up.
        # NO-BREAK SPACE before the dash keeps it off the start of a line.
        start = start[:-1].rstrip() + "\xa0– "
    return start + end


def _aware(moment: object, path: str, tz: str) -> pendulum.DateTime:
    if not isinstance(moment, dt.datetime):
        raise ValidationError.single(
            path, moment, "must be a datetime", ProblemCode.MUST_BE, expected=Expected.DATETIME
        )
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError.single(
            path,
            moment,
            "must be aware (have a time zone); e.g. pendulum.datetime(..., tz='Europe/Stockholm')",
            ProblemCode.NOT_AWARE,
        )
    try:
        return in_zone(moment, tz)
    except (ValueError, LookupError) as error:
        raise ValidationError.single(
            "tz",
            tz,
            f"must be an IANA time zone name ({error})",
            ProblemCode.MUST_BE,
            expected=Expected.TIME_ZONE,
        ) from None


def format_time(
    moment: dt.time | dt.datetime, *, locale: str = DEFAULT_LOCALE, tz: str = STOCKHOLM
) -> str:
    """Format a time of day: ``09:30``.

    Args:
        moment: A wall-clock :class:`datetime.time` (without a zone), or an aware datetime,
            which is shown in *tz*. A naive datetime and a time with a zone are refused:
            nobody can tell which wall-clock time they mean.
        locale: A Swedish or English locale.
        tz: The zone an aware datetime is shown in, Europe/Stockholm by default.

    Examples:
        >>> format_time(dt.time(9, 30))
        '09:30'
        >>> format_time(pendulum.datetime(2026, 7, 1, 7, 30, tz="UTC"))
        '09:30'
    """
    wall: dt.time
    if isinstance(moment, dt.datetime):
        wall = _aware(moment, "moment", tz).time()
    elif isinstance(moment, dt.time):
        if moment.tzinfo is not None:
            raise ValidationError.single(
                "moment",
                moment,
                "must be a wall-clock time without a zone; for a moment in a zone pass an "
                f"aware datetime, which is shown in {tz}",
                ProblemCode.MUST_BE,
                expected=Expected.WALL_TIME,
            )
        wall = moment
    else:
        raise ValidationError.single(
            "moment",
            moment,
            "must be a time or an aware datetime",
            ProblemCode.MUST_BE,
            expected=Expected.TIME,
        )
    return _dates.format_time(wall, format="short", locale=_check_locale(locale))


def format_datetime(
    moment: dt.datetime,
    *,
    style: DateStyle = "full",
    locale: str = DEFAULT_LOCALE,
    tz: str = STOCKHOLM,
) -> str:
    """Format an aware moment as a date and a time in *tz*: ``fredag 27 november 2026 kl. 09:30``.

    Args:
        moment: An aware datetime; a naive one is refused.
        style: The date part's style, as in :func:`format_date`.
        locale: A Swedish or English locale.
        tz: The zone to show the time in, Europe/Stockholm by default.

    Examples:
        >>> format_datetime(pendulum.datetime(2026, 11, 27, 8, 30, tz="UTC"))
        'fredag 27 november 2026 kl. 09:30'
        >>> format_datetime(pendulum.datetime(2026, 11, 27, 9, 30, tz="Europe/Stockholm"),
        ...                 style="short", locale="en_GB")
        '27/11/2026 at 09:30'
    """
    local = _aware(moment, "moment", tz)
    loc = _check_locale(locale)
    day = format_date(local.date(), style=style, locale=locale)
    time = _dates.format_time(local.time(), format="short", locale=loc)
    return f"{day} {_WORDS.text('at', loc.language)} {time}"


_DURATION_UNITS: Final = (
    ("duration-day", 86_400),
    ("duration-hour", 3_600),
    ("duration-minute", 60),
    ("duration-second", 1),
)


def format_duration(duration: dt.timedelta, *, locale: str = DEFAULT_LOCALE) -> str:
    """Format a duration exactly, without rounding: ``3 timmar 30 minuter``.

    Whole days are days (``2 dagar``; Babel would say ``dygn``), then hours, minutes and,
    only when present, seconds. Zero is ``0 minuter``.

    Args:
        duration: A :class:`datetime.timedelta` or a :class:`pendulum.Duration` without
            years or months (those have no fixed length). Negative durations are refused.
        locale: A Swedish or English locale.

    Examples:
        >>> format_duration(pendulum.duration(hours=1))
        '1 timme'
        >>> format_duration(pendulum.duration(minutes=45))
        '45 minuter'
        >>> format_duration(pendulum.duration(days=2))
        '2 dagar'
        >>> format_duration(pendulum.duration(hours=3, minutes=30), locale="en_GB")
        '3 hours 30 minutes'
    """
    if not isinstance(duration, dt.timedelta):
        raise ValidationError.single(
            "duration",
            duration,
            "must be a timedelta or Duration",
            ProblemCode.MUST_BE,
            expected=Expected.DURATION,
        )
    if isinstance(duration, pendulum.Duration) and (duration.years or duration.months):
        raise ValidationError.single(
            "duration",
            duration,
            "must not count years or months, which have no fixed length",
            ProblemCode.DURATION_CALENDAR,
        )
    if duration < dt.timedelta(0):
        raise ValidationError.single(
            "duration", duration, "must not be negative", ProblemCode.DURATION_NEGATIVE
        )
    if duration.microseconds:
        raise ValidationError.single(
            "duration", duration, "must be in whole seconds", ProblemCode.NOT_WHOLE_SECONDS
        )
    loc = _check_locale(locale)
    remaining = int(duration.total_seconds())
    parts = []
    for unit, seconds in _DURATION_UNITS:
        count, remaining = divmod(remaining, seconds)
        if count:
            parts.append(_unit(count, unit, loc))
    if not parts:
        return _unit(0, "duration-minute", loc)
    return " ".join(parts)


def _unit(count: int, unit: str, loc: Locale) -> str:
    text = _units.format_unit(count, unit, length="long", locale=loc)
    if unit != "duration-day":
        return text
    return _WORDS.format("day" if count == 1 else "days", loc.language, n=count, cldr=text)


def format_list(
    items: Iterable[str],
    *,
    style: Literal["standard", "or"] = "standard",
    locale: str = DEFAULT_LOCALE,
) -> str:
    """Join items as a sentence would: ``a, b och c`` (or ``a, b eller c`` with ``style="or"``).

    Examples:
        >>> format_list(["a", "b", "c"])
        'a, b och c'
        >>> format_list(["Socialförvaltningen", "Stadsarkivet"], style="or")
        'Socialförvaltningen eller Stadsarkivet'
        >>> format_list(["a", "b", "c"], locale="en_GB")
        'a, b and c'
    """
    if isinstance(items, str):
        raise ValidationError.single(
            "items",
            items,
            "must be a list of strings, not one string",
            ProblemCode.MUST_BE,
            expected=Expected.TEXTS,
        )
    values = list(items)
    bad = [v for v in values if not isinstance(v, str)]
    if bad:
        raise ValidationError.single(
            "items",
            bad[0],
            "must contain only strings",
            ProblemCode.MUST_BE,
            expected=Expected.TEXTS,
        )
    if style not in ("standard", "or"):
        raise ValidationError.single(
            "style",
            style,
            "must be 'standard' or 'or'",
            ProblemCode.NOT_ONE_OF,
            valid=Alternatives(["standard", "or"]),
        )
    return _lists.format_list(values, style=style, locale=_check_locale(locale))


def format_value(value: object, *, locale: str = DEFAULT_LOCALE) -> str | None:
    r"""Format a value of a problem as the reader writes it, or ``None`` if it has no text form.

    Money as money, a date as a long date, a :class:`~ledarutveckling.DateRange` as a range of
    days, a duration in days, hours and minutes, a number with the locale's separators, an
    enum with a label by its label (any other enum by its value), text as it is, and a list
    of these as a list in a sentence. Anything else (a model object, a datetime without a
    zone) has no reader's form: ``None``, never a repr.

    Examples:
        >>> from ledarutveckling import Money
        >>> format_value(Money.sek("-9800")) == "\N{MINUS SIGN}9\xa0800\xa0kr"
        True
        >>> format_value(pendulum.date(2026, 3, 1)), format_value(pendulum.duration(days=80))
        ('1 mars 2026', '80 dagar')
        >>> format_value(["a", 3]), format_value(object()) is None
        ('a och 3', True)
    """
    if isinstance(value, Labelled):  # first: a Choice is a str with a label
        return value.label(locale)
    if isinstance(value, str):
        return value
    if isinstance(value, Money):
        return format_money(value, locale=locale)
    if isinstance(value, DateRange):
        return format_date_range(value, locale=locale)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return None
        return format_datetime(value, locale=locale)
    if isinstance(value, dt.date):
        return format_date(value, locale=locale)
    if isinstance(value, dt.timedelta):
        if value < dt.timedelta(0) or value.microseconds:
            return None
        return format_duration(value, locale=locale)
    if isinstance(value, enum.Enum):
        return format_value(value.value, locale=locale)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            return None
        return format_number(value, locale=locale)
    if isinstance(value, list | tuple):
        texts = [format_value(item, locale=locale) for item in value]
        if not texts or any(text is None for text in texts):
            return None
        style: Literal["standard", "or"] = "or" if isinstance(value, Alternatives) else "standard"
        return format_list([t for t in texts if t is not None], style=style, locale=locale)
    return None


class _Filled(str):
    """A parameter's text in a template; ``{valid:något av}`` puts the words before several.

    Examples:
        >>> "skriv {v:något av}".format(v=_Filled('"a" eller "b"', several=True))
        'skriv något av "a" eller "b"'
        >>> "skriv {v:något av}, {w}".format(v=_Filled('"a"', several=False), w=_Filled("x"))
        'skriv "a", x'
    """

    several: bool

    def __new__(cls, text: str, *, several: bool = False) -> _Filled:
        """*text*, and whether it lists several values (an :class:`Alternatives` of two+)."""
        self = super().__new__(cls, text)
        self.several = several
        return self

    def __format__(self, words: str) -> str:
        """The text, after *words* (``"något av"``) if it lists several values."""
        text = str.__str__(self)
        return f"{words} {text}" if words and self.several else text


def format_problem(problem: Problem, *, locale: str = DEFAULT_LOCALE) -> str:
    r"""A :class:`~ledarutveckling.Problem` in the reader's language, from the message catalogue.

    A problem with a code (a :class:`~ledarutveckling.ProblemCode`) is written from that
    code's template, its parameters formatted with :func:`format_value`: dates as dates,
    money as money. A problem without a code, or whose parameters do not fit its template,
    gets a generic sentence naming its value when the value has a reader's form. Never a repr
    nor a field path; the sentence starts in lower case, to follow a subject such as
    ``"Avrop TK 2026/1100: "``. The problem's own ``message`` stays English for developers.

    Args:
        problem: The problem.
        locale: A Swedish or English locale.

    Raises:
        ValidationError: If *problem* is not a Problem, or for an unknown locale.

    Examples:
        >>> from ledarutveckling import Money, Problem
        >>> over = Problem(path="call_offs[5]", value="TK 2026/1100", message="...",
        ...                code="ceiling-exceeded", params={"excess": Money.sek("71461.16")})
        >>> format_problem(over)
        'takbeloppet överskrids med 71\xa0461,16\xa0kr'
        >>> format_problem(over, locale="en_GB")
        'the ceiling is exceeded by SEK\xa071,461.16'
        >>> format_problem(Problem(path="on", value=pendulum.date(2026, 3, 1), message="..."))
        'värdet 1 mars 2026 godtas inte'
    """
    if not isinstance(problem, Problem):
        raise ValidationError.single(
            "problem", problem, "must be a Problem", ProblemCode.WRONG_TYPE
        )
    _check_locale(locale)
    if problem.code is not None and problem.code in ProblemCode.__members__.values():
        texts: dict[str, str] = {}
        for name, value in problem.params.items():
            text = format_value(value, locale=locale)
            if text is not None:
                several = isinstance(value, Alternatives) and len(value) > 1
                texts[name] = _Filled(text, several=several)
        try:
            return MESSAGES.format(ProblemCode(problem.code), locale, **texts)
        except (KeyError, IndexError):
            pass  # a parameter missing: the generic text below
    if problem.value is MISSING or problem.value is None:
        return FALLBACK.text("missing", locale)
    given = format_value(problem.value, locale=locale)
    if given is None:
        return FALLBACK.text("other", locale)
    return FALLBACK.format("value", locale, given=given)


# The values a problem's ``params`` hold besides numbers, money, dates and text: written in the
# message catalogue, published here, where :func:`format_value` writes them for a reader, so
# that a pickled ValidationError names no private module.
publish(
    __name__,
    Alternatives,
    CalendarMonth,
    Choice,
    Clock,
    Counted,
    Expected,
    Explanation,
    ReplanRule,
    Seating,
    WeekdayName,
)
