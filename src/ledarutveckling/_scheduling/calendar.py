"""The Swedish working calendar (arbetsdagar): weekdays minus holidays, eves and blackouts.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

import datetime as dt
import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Language, Words, language
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling.errors import ValidationError

__all__ = ["FIRST_YEAR", "LAST_YEAR", "Blackout", "WorkingCalendar"]


FIRST_YEAR: Final = 1953
"""The first year the Swedish holiday data covers (Act 1952:48 took effect in 1953)."""


LAST_YEAR: Final = 2100
"""The last year the ``holidays`` package computes Swedish holidays for."""


_UNNAMED: Final = "blockerad period"


_WORDS: Final[Words[str]] = Words(
    {
        "saturday": ("Lördag", "Saturday"),
        "sunday": ("Söndag", "Sunday"),
        "extra": ("Extra ledig dag", "Extra day off"),
        "blocked": ("Blockerad period", "Blocked period"),
        # The language the holidays package names Swedish holidays in, per library language.
        "holiday_language": ("sv", "en_US"),
    }
)


_WEEKEND: Final = ("saturday", "sunday")


@attrs.frozen(kw_only=True)
class Blackout:
    """A named period with no delivery (blockerad period), e.g. the summer weeks 27–32.

    Attributes:
        name: What the period is, in Swedish, e.g. ``"sommar"`` or ``"höstlov"``; it is shown
            after "Blockerad period: " in :meth:`WorkingCalendar.day_off_reason`.
        period: The days blocked, both ends included.

    Raises:
        ValidationError: If the name is blank or the period is not a DateRange.

    Examples:
        >>> summer = Blackout.iso_weeks("sommar", 2027, 27, 32)
        >>> summer.period
        DateRange(start=Date(2027, 7, 5), end=Date(2027, 8, 15))
        >>> summer.label()
        'Blockerad period: sommar'
    """

    name: str
    period: DateRange

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.instance("period", self.period, DateRange, "a DateRange")
        checks.done()

    @classmethod
    def iso_weeks(cls, name: str, year: int, first: int, last: int) -> Blackout:
        """Block ISO weeks *first* to *last* of *year*, Monday of the first to Sunday of the last.

        Raises:
            ValidationError: If a week does not exist in that year, or *last* < *first*.

        Examples:
            >>> Blackout.iso_weeks("sportlov", 2027, 9, 9).period
            DateRange(start=Date(2027, 3, 1), end=Date(2027, 3, 7))
        """
        return cls(name=name, period=DateRange.iso_weeks_of(year, first, last))

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """Why a day in the period is off: ``"Blockerad period: sommar"``.

        A blackout given as a bare :class:`~ledarutveckling.DateRange` is called just
        ``"Blockerad period"`` (``"Blocked period"`` in English). The name itself is not
        translated.

        Examples:
            >>> Blackout.iso_weeks("sommar", 2027, 27, 32).label("en_GB")
            'Blocked period: sommar'
        """
        prefix = _WORDS.text("blocked", locale)
        return prefix if self.name == _UNNAMED else f"{prefix}: {self.name}"


def _to_blackouts(value: Iterable[Blackout | DateRange]) -> tuple[Blackout, ...]:
    """Attrs converter: a list becomes a tuple and a bare DateRange an unnamed Blackout."""
    if isinstance(value, list | tuple):
        return tuple(
            Blackout(name=_UNNAMED, period=item) if isinstance(item, DateRange) else item
            for item in value
        )
    return value  # type: ignore[return-value]  # refused by the checks


def _to_days(value: Iterable[dt.date]) -> tuple[pendulum.Date, ...]:
    """Attrs converter: a collection of dates becomes a sorted tuple of unique pendulum Dates."""
    if not isinstance(value, list | tuple | set | frozenset):
        return value  # type: ignore[return-value]  # refused by the checks
    items = tuple(value)
    if all(isinstance(d, dt.date) and not isinstance(d, dt.datetime) for d in items):
        return tuple(sorted({pendulum.Date(d.year, d.month, d.day) for d in items}))
    return items  # some items are not dates: refused by the checks


@attrs.frozen(slots=True)
class _Year:
    """One year of the calendar, as day ordinals (:meth:`datetime.date.toordinal`)."""

    off: frozenset[int]
    """Every day off: weekends, holidays, eves, blackouts and extra days."""
    working: tuple[int, ...]
    """The working days, sorted."""
    dates: tuple[pendulum.Date, ...]
    """The same working days as dates, so that arithmetic need not build new ones."""


_SWEDEN_MODULE: Final = "holidays.countries.sweden"


@functools.cache
def _sweden() -> Any:
    """The ``holidays`` package's ``Sweden`` class, loaded on its own on first use.

    ``from holidays.countries.sweden import Sweden`` first runs ``holidays.countries``'s
    ``__init__``, which imports all 250 countries (half the time of a first working-day query).
    So the module's file is loaded alone, under a private name, unless it has been imported
    already or the package is not laid out as files (then the plain import).
    """
    import importlib.util
    import sys
    from pathlib import Path

    import holidays.holiday_base  # the package, without its countries

    if _SWEDEN_MODULE not in sys.modules:
        path = Path(holidays.holiday_base.__file__).parent / "countries" / "sweden.py"
        spec = importlib.util.spec_from_file_location("ledarutveckling._holidays_sweden", path)
        if path.is_file() and spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.Sweden
    from holidays.countries.sweden import Sweden

    return Sweden


def _load_holidays(year: int, lang: str, eves: bool) -> dict[int, str]:
    """The Swedish holidays of *year* from the ``holidays`` package, by day ordinal.

    Every option is passed explicitly so that neither the package's defaults (which have
    changed between releases) nor the process locale change the result. Only the Sweden
    module is loaded, on first use (see :func:`_sweden`): ``import holidays`` would load every
    country.
    """
    from holidays.constants import DE_FACTO, PUBLIC

    categories = (PUBLIC, DE_FACTO) if eves else (PUBLIC,)
    found = _sweden()(
        years=year,
        categories=categories,
        include_sundays=False,
        language=lang,
        expand=False,
    )
    return {day.toordinal(): str(name) for day, name in found.items()}


def covered_day(day: pendulum.Date, path: str) -> pendulum.Date:
    """Return *day* if the holiday data covers its year; otherwise raise a ValidationError."""
    _range_of_years(path, day)
    return day


def _range_of_years(path: str, day: pendulum.Date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError.single(
            path,
            day,
            f"must be in the years {FIRST_YEAR}–{LAST_YEAR}, which the Swedish holiday data covers",
            ProblemCode.OUTSIDE_HOLIDAY_YEARS,
            given=day,
            first=str(FIRST_YEAR),
            last=str(LAST_YEAR),
        )


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    r"""Which days are working days (arbetsdagar) for delivering sessions in Sweden.

    A working day is a Monday to Friday that is not

    * an allmän helgdag under *lag (1989:253) om allmänna helgdagar* (nyårsdagen,
      trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi
      himmelsfärdsdag, pingstdagen, nationaldagen, midsommardagen, alla helgons dag, juldagen,
      annandag jul);
    * with *eves* (the default), midsommarafton, julafton or nyårsafton, which
      *semesterlagen (1977:480)* treats like Sundays when it counts vacation days;
    * in a blackout period, or one of the extra days off.

    Build one with :meth:`sweden`. A calendar is immutable; it computes each year's days off
    on first use (from the ``holidays`` package, years 1953–2100) and keeps them, so queries
    are cheap. Methods that take a day accept :class:`pendulum.Date` or
    :class:`datetime.date`; a datetime is refused (its day depends on its zone).

    Attributes:
        eves: Whether midsommarafton, julafton and nyårsafton are days off.
        blackouts: Periods without delivery, each a :class:`Blackout`; a bare
            :class:`~ledarutveckling.DateRange` is accepted and left unnamed.
        extra_days_off: Further days off (a planning day, a facilitator's leave), as a sorted
            tuple of unique dates.

    Raises:
        ValidationError: Listing every argument that is not what it should be.

    Examples:
        >>> calendar = WorkingCalendar.sweden(
        ...     blackouts=[Blackout.iso_weeks("sommar", 2026, 27, 32)])
        >>> calendar.is_working_day(pendulum.date(2026, 6, 19))
        False
        >>> calendar.day_off_reason(pendulum.date(2026, 6, 19))
        'Midsommarafton'
        >>> calendar.day_off_reason(pendulum.date(2026, 7, 15))
        'Blockerad period: sommar'
        >>> calendar.add_working_days(pendulum.date(2026, 6, 18), 1)
        Date(2026, 6, 22)
        >>> calendar.count_working_days(DateRange.from_iso("2026-12-21", "2027-01-08"))
        10
    """

    eves: bool = True
    blackouts: tuple[Blackout, ...] = attrs.field(default=(), converter=_to_blackouts)
    extra_days_off: tuple[pendulum.Date, ...] = attrs.field(default=(), converter=_to_days)
    _years: dict[int, _Year] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )
    _names: dict[tuple[int, Language], dict[int, str]] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if not isinstance(self.eves, bool):
            checks.add(
                "eves",
                self.eves,
                "must be True or False",
                ProblemCode.MUST_BE,
                expected=Expected.BOOLEAN,
            )
        checks.items("blackouts", self.blackouts, Blackout, "Blackout or DateRange objects")
        if isinstance(self.extra_days_off, tuple):
            for index, day in enumerate(self.extra_days_off):
                checks.run(f"extra_days_off[{index}]", functools.partial(to_date, day, ""))
        else:
            checks.add(
                "extra_days_off",
                self.extra_days_off,
                "must be a list of dates",
                ProblemCode.MUST_BE,
                expected=Expected.LIST,
            )
        checks.done()

    def __getstate__(self) -> dict[str, object]:
        """Pickle the calendar's inputs only: the caches of years and names start empty again.

        So a pickle holds no private helper type (``_Year``) and no cached holiday names.
        """
        return {
            "eves": self.eves,
            "blackouts": self.blackouts,
            "extra_days_off": self.extra_days_off,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore the inputs from :meth:`__getstate__`, with empty caches."""
        for name, value in (*state.items(), ("_years", {}), ("_names", {})):
            object.__setattr__(self, name, value)

    @classmethod
    def sweden(
        cls,
        *,
        eves: bool = True,
        blackouts: Iterable[Blackout | DateRange] = (),
        extra_days_off: Iterable[dt.date] = (),
    ) -> WorkingCalendar:
        """The Swedish working calendar: Monday–Friday minus holidays, eves and blackouts.

        Args:
            eves: Also take midsommarafton, julafton and nyårsafton off (default ``True``).
            blackouts: Periods without delivery: :class:`Blackout` objects or bare date ranges.
            extra_days_off: Further single days off.

        Raises:
            ValidationError: If an argument is not what it should be.

        Examples:
            >>> calendar = WorkingCalendar.sweden(eves=False)
            >>> calendar.is_working_day(pendulum.date(2026, 12, 24))
            True
        """
        return cls(
            eves=eves,
            blackouts=_listed(blackouts),
            extra_days_off=_listed(extra_days_off),
        )

    # -- the cache --------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        try:
            return self._years[year]
        except KeyError:
            pass
        first = dt.date(year, 1, 1).toordinal()
        last = dt.date(year, 12, 31).toordinal()
        names = _load_holidays(year, _WORDS.text("holiday_language", "sv"), self.eves)
        self._names[year, "sv"] = names
        off = set(names)
        # Ordinal 1 (1 January of year 1) is a Monday: (ordinal + 6) % 7 is the weekday.
        off.update(o for o in range(first, last + 1) if (o + 6) % 7 >= 5)
        year_range = DateRange(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
        for blackout in self.blackouts:
            common = blackout.period.intersection(year_range)
            if common is not None:
                off.update(range(common.start.toordinal(), common.end.toordinal() + 1))
        off.update(d.toordinal() for d in self.extra_days_off if d.year == year)
        working = tuple(o for o in range(first, last + 1) if o not in off)
        entry = _Year(
            off=frozenset(off),
            working=working,
            dates=tuple(pendulum.Date.fromordinal(o) for o in working),
        )
        self._years[year] = entry
        return entry

    def _holiday_names(self, year: int, lang: Language) -> dict[int, str]:
        self._year(year)
        key = (year, lang)
        if key not in self._names:
            names_in = _WORDS.text("holiday_language", lang)
            self._names[key] = _load_holidays(year, names_in, self.eves)
        return self._names[key]

    # -- queries ----------------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        """Whether sessions can be held on *day*.

        Raises:
            ValidationError: If *day* is not a date, or outside the years 1953–2100.

        Examples:
            >>> WorkingCalendar.sweden().is_working_day(pendulum.date(2026, 11, 27))
            True
        """
        date = to_date(day, "day")
        _range_of_years("day", date)
        return date.toordinal() not in self._year(date.year).off

    def day_off_reason(self, day: dt.date, locale: str = DEFAULT_LOCALE) -> str | None:
        """Why *day* is not a working day, or ``None`` if it is one.

        The holiday's name comes first (``"Midsommardagen"`` rather than ``"Lördag"``), then
        the weekend, an extra day off, and the first blackout that covers the day. Holiday
        names come from the ``holidays`` package (two on one day are joined with ``"; "``).

        Args:
            day: The date.
            locale: Swedish (default) or English (``"en_GB"``: ``"Midsummer Eve"``).

        Examples:
            >>> calendar = WorkingCalendar.sweden()
            >>> calendar.day_off_reason(pendulum.date(2026, 11, 28))
            'Lördag'
            >>> calendar.day_off_reason(pendulum.date(2026, 12, 25), locale="en_GB")
            'Christmas Day'
            >>> calendar.day_off_reason(pendulum.date(2026, 11, 27)) is None
            True
        """
        lang = language(locale)
        if self.is_working_day(day):
            return None
        date = to_date(day, "day")
        ordinal = date.toordinal()
        names = self._holiday_names(date.year, lang)
        if ordinal in names:
            return names[ordinal]
        if date.weekday() >= 5:
            return _WORDS.text(_WEEKEND[date.weekday() - 5], lang)
        if date in self.extra_days_off:
            return _WORDS.text("extra", lang)
        blackout = next(b for b in self.blackouts if date in b.period)
        return blackout.label(locale)

    def add_working_days(self, day: dt.date, n: int) -> pendulum.Date:
        """Count *n* working days forward from *day* (backward when *n* is negative).

        ``n = 1`` is the first working day after *day*, ``n = -1`` the last one before it,
        whether or not *day* itself is a working day. ``n = 0`` is *day* if it is a working
        day and otherwise the next one (so the result is always a working day). For a working
        day, adding *n* and then *-n* returns to it.

        Args:
            day: Where to start.
            n: How many working days to move.

        Raises:
            ValidationError: If *day* is not a date or *n* not an int, or the result would
                fall outside the years 1953–2100.

        Examples:
            >>> calendar = WorkingCalendar.sweden()
            >>> calendar.add_working_days(pendulum.date(2026, 12, 23), 1)
            Date(2026, 12, 28)
            >>> calendar.add_working_days(pendulum.date(2026, 12, 28), -1)
            Date(2026, 12, 23)
            >>> calendar.add_working_days(pendulum.date(2026, 12, 26), 0)
            Date(2026, 12, 28)
        """
        date = to_date(day, "day")
        if isinstance(n, bool) or not isinstance(n, int):
            raise ValidationError.single(
                "n", n, "must be a whole number (int)", ProblemCode.NOT_WHOLE_NUMBER
            )
        _range_of_years("day", date)
        ordinal = date.toordinal()
        year = date.year
        entry = self._year(year)
        if n > 0:
            index = bisect_right(entry.working, ordinal) + n - 1
            while index >= len(entry.working):
                index -= len(entry.working)
                year += 1
                entry = self._year_within(year, n)
        else:
            index = bisect_left(entry.working, ordinal) + n
            if n == 0 and index == len(entry.working):
                return self.add_working_days(date, 1)
            while index < 0:
                year -= 1
                entry = self._year_within(year, n)
                index += len(entry.working)
        return entry.dates[index]

    def _year_within(self, year: int, n: int) -> _Year:
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationError.single(
                "n",
                n,
                f"takes the date outside the years {FIRST_YEAR}–{LAST_YEAR}, "
                "which the Swedish holiday data covers",
                ProblemCode.OUTSIDE_HOLIDAY_YEARS,
                given=str(year),
                first=str(FIRST_YEAR),
                last=str(LAST_YEAR),
            )
        return self._year(year)

    def next_working_day(self, day: dt.date) -> pendulum.Date:
        """The first working day strictly after *day*.

        Examples:
            >>> WorkingCalendar.sweden().next_working_day(pendulum.date(2026, 6, 18))
            Date(2026, 6, 22)
        """
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: dt.date) -> pendulum.Date:
        """The last working day strictly before *day*.

        Examples:
            >>> WorkingCalendar.sweden().previous_working_day(pendulum.date(2027, 1, 7))
            Date(2027, 1, 5)
        """
        return self.add_working_days(day, -1)

    def _span(self, period: object) -> DateRange:
        if not isinstance(period, DateRange):
            raise ValidationError.single(
                "period",
                period,
                "must be a DateRange",
                ProblemCode.MUST_BE,
                expected=Expected.PERIOD,
            )
        _range_of_years("period.start", period.start)
        _range_of_years("period.end", period.end)
        return period

    def working_days(self, period: DateRange) -> Iterator[pendulum.Date]:
        """The working days in *period*, in order.

        Raises:
            ValidationError: At once (not on the first ``next``), if *period* is not a
                DateRange or reaches outside the years 1953–2100.

        Examples:
            >>> period = DateRange.from_iso("2026-12-21", "2026-12-31")
            >>> [d.day for d in WorkingCalendar.sweden().working_days(period)]
            [21, 22, 23, 28, 29, 30]
        """
        span = self._span(period)
        return self._iter_working(span)

    def _iter_working(self, span: DateRange) -> Iterator[pendulum.Date]:
        first, last = span.start.toordinal(), span.end.toordinal()
        for year in range(span.start.year, span.end.year + 1):
            entry = self._year(year)
            low = bisect_left(entry.working, first)
            high = bisect_right(entry.working, last)
            yield from entry.dates[low:high]

    def count_working_days(self, period: DateRange) -> int:
        """How many working days *period* holds, both ends included.

        Examples:
            >>> period = DateRange.from_iso("2026-12-21", "2026-12-31")
            >>> WorkingCalendar.sweden().count_working_days(period)
            6
        """
        span = self._span(period)
        first, last = span.start.toordinal(), span.end.toordinal()
        total = 0
        for year in range(span.start.year, span.end.year + 1):
            entry = self._year(year)
            total += bisect_right(entry.working, last) - bisect_left(entry.working, first)
        return total


def _listed(value: object) -> Any:
    """An iterable argument as a tuple (a string or a single object is left for the checks)."""
    if isinstance(value, str | bytes | DateRange | dt.date) or not isinstance(value, Iterable):
        return value
    return as_tuple(list(value))
