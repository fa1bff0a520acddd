"""DateRange: an inclusive range of calendar days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Final, cast

import attrs
import pendulum

from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling.errors import Problem, ValidationError

__all__ = ["DateRange", "elapsed", "in_zone", "instant", "to_date"]


_ISO_DATE: Final = r"\d{4}-\d{2}-\d{2}"

_MID_YEAR_WEEK: Final = 26
"""A range of weeks from after this one to this one or before looks like one over new year."""


def instant(value: object) -> object:
    """The key that compares and hashes a moment by its instant: the aware *value* in UTC.

    Python compares two datetimes of the same ``tzinfo`` by their wall-clock time and ignores
    ``fold``, so the two 02:30s of the last Sunday of October in Europe/Stockholm, an hour
    apart, are equal and hash alike. Fields that hold a moment use this key
    (``attrs.field(eq=instant)``), so two different instants are never equal. Anything else
    (left for the field's checks) is its own key.

    Examples:
        >>> early = pendulum.datetime(2027, 10, 31, 0, 30, tz="UTC").in_tz("Europe/Stockholm")
        >>> late = early.add(hours=1)
        >>> (early.isoformat(), late.isoformat(), early == late)
        ('2027-10-31T02:30:00+02:00', '2027-10-31T02:30:00+01:00', True)
        >>> instant(early) == instant(late)
        False
    """
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return value.astimezone(dt.UTC)
    return value


def wall_clock(value: dt.datetime) -> dt.time:
    """The naive wall-clock time of *value*: ``value.time().replace(tzinfo=None)``, made at once.

    Equal to it (and hashed alike, so a dictionary of slot starts finds it) for a pendulum
    value and any other datetime; pendulum's ``Time.replace`` costs more than the rest of
    a re-plan's lookup of a session's slot.

    Examples:
        >>> start = pendulum.datetime(2027, 5, 3, 9, 15, tz="Europe/Stockholm")
        >>> wall_clock(start) == start.time().replace(tzinfo=None) == dt.time(9, 15)
        True
        >>> {dt.time(9, 15): "morning"}[wall_clock(start)], wall_clock(start).tzinfo
        ('morning', None)
    """
    return dt.time(value.hour, value.minute, value.second, value.microsecond)


def elapsed(start: dt.datetime, end: dt.datetime) -> float:
    """``(end - start).total_seconds()`` for the aware *start* and *end*, faster for pendulum's.

    For two pendulum values that is the time from instant to instant, which this gives
    without building pendulum's ``Interval`` (a sixth of the time, in the planner's checks
    of each session): Python subtracts two datetimes of one ``tzinfo`` by their wall-clock
    times, so the change of the zone's offset between them is taken off, as pendulum does.
    Other datetimes are subtracted as they are (Python's own rules).

    Examples:
        >>> start = pendulum.datetime(2027, 3, 28, 1, 30, tz="Europe/Stockholm")
        >>> end = pendulum.datetime(2027, 3, 28, 3, 30, tz="Europe/Stockholm")
        >>> elapsed(start, end), (end - start).total_seconds()
        (3600.0, 3600.0)
        >>> elapsed(start, end.in_tz("UTC")), elapsed(end, start)
        (3600.0, -3600.0)
        >>> import zoneinfo
        >>> zone = zoneinfo.ZoneInfo("Europe/Stockholm")
        >>> night = dt.datetime(2027, 3, 28, 1, 30, tzinfo=zone)
        >>> elapsed(night, night.replace(hour=3))  # by the wall clock, as Python subtracts them
        7200.0
    """
    if not (isinstance(start, pendulum.DateTime) and isinstance(end, pendulum.DateTime)):
        return (end - start).total_seconds()
    span = dt.datetime.__sub__(end, start)
    if end.tzinfo is start.tzinfo:
        span -= cast("dt.timedelta", end.utcoffset()) - cast("dt.timedelta", start.utcoffset())
    return span.total_seconds()


def in_zone(
    value: dt.datetime, tz: str | pendulum.Timezone | pendulum.FixedTimezone | None = None
) -> pendulum.DateTime:
    """The instant of the aware *value* as a :class:`pendulum.DateTime` in *tz* (else its own).

    ``pendulum.instance`` reads a datetime's wall-clock time again in its zone, which moves a
    time that the zone skips (02:30 on the last Sunday of March in Stockholm, which a
    ``zoneinfo`` datetime places at 01:30 UTC) by an hour; going through UTC keeps the
    instant that Python itself gives the value (PEP 495), and the ``fold`` of a repeated hour.

    Examples:
        >>> import zoneinfo
        >>> gap = dt.datetime(2027, 3, 28, 2, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))
        >>> in_zone(gap, "Europe/Stockholm").isoformat()
        '2027-03-28T03:30:00+02:00'
        >>> in_zone(gap).timestamp() == gap.timestamp()
        True

        A pendulum value already in the zone object *tz* is itself (``in_tz`` would copy it
        field by field: the standard library converts a datetime to its own ``tzinfo`` by
        returning it), which saves the conversion in the planner's loops:

        >>> zone = pendulum.timezone("Europe/Stockholm")
        >>> start = pendulum.datetime(2027, 5, 3, 9, tz=zone)
        >>> in_zone(start, zone) is start
        True
    """
    if isinstance(value, pendulum.DateTime):  # its instant is its own already
        return value.in_tz(tz) if tz and value.tzinfo is not tz else value
    zone = tz or pendulum.instance(value).timezone or "UTC"  # an aware value has a zone
    return pendulum.instance(value.astimezone(dt.UTC)).in_tz(zone)


def to_date(value: object, path: str) -> pendulum.Date:
    """Return *value* as a :class:`pendulum.Date`, accepting a plain :class:`datetime.date`.

    A :class:`datetime.datetime` is refused: which day it falls on depends on its zone, so the
    caller must say (``moment.in_tz("Europe/Stockholm").date()``).

    Raises:
        ValidationError: For anything that is not a date, with *path* as the field.
    """
    if isinstance(value, dt.datetime):
        raise ValidationError.single(
            path,
            value,
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
            ProblemCode.DATE_NOT_DATETIME,
        )
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    raise ValidationError.single(
        path,
        value,
        "must be a date, e.g. pendulum.date(2026, 11, 27)",
        ProblemCode.MUST_BE,
        expected=Expected.DATE,
    )


def _parse_iso_date(text: object, path: str) -> pendulum.Date:
    if not isinstance(text, str) or not re.fullmatch(_ISO_DATE, text):
        raise ValidationError.single(
            path, text, "must be an ISO date written YYYY-MM-DD", ProblemCode.BAD_DATE, given=text
        )
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError.single(
            path, text, "is not a date in the calendar", ProblemCode.NO_SUCH_DATE, given=text
        ) from None
    return pendulum.Date(day.year, day.month, day.day)


def _start(value: dt.date) -> pendulum.Date:
    return to_date(value, "start")


def _end(value: dt.date) -> pendulum.Date:
    return to_date(value, "end")


def _check_order(
    instance: DateRange, attribute: attrs.Attribute[pendulum.Date], end: dt.date
) -> None:
    if end < instance.start:
        raise ValidationError.single(
            "end",
            end.isoformat(),
            f"must be on or after start ({instance.start.isoformat()})",
            ProblemCode.END_BEFORE_START,
            end=end,
            start=instance.start,
        )


@attrs.frozen(kw_only=True)
class DateRange:
    """An inclusive range of days, from *start* to *end* (a period, period).

    Both ends are :class:`pendulum.Date`; a plain :class:`datetime.date` is accepted and
    converted, a :class:`datetime.datetime` is refused. A one-day range has ``start == end``.

    Attributes:
        start: The first day in the range.
        end: The last day in the range, on or after *start*.

    Examples:
        >>> autumn = DateRange.from_iso("2026-11-27", "2026-12-03")
        >>> autumn.days
        7
        >>> pendulum.date(2026, 12, 1) in autumn
        True
        >>> list(autumn.iso_weeks())
        [(2026, 48), (2026, 49)]
        >>> DateRange.iso_week(2026, 53)
        DateRange(start=Date(2026, 12, 28), end=Date(2027, 1, 3))
    """

    start: pendulum.Date = attrs.field(converter=_start)
    end: pendulum.Date = attrs.field(converter=_end, validator=_check_order)

    # -- constructors -----------------------------------------------------------------

    @classmethod
    def from_iso(cls, start: str, end: str) -> DateRange:
        """Build a range from two ISO dates (``YYYY-MM-DD``).

        Raises:
            ValidationError: If either is not an ISO date, or *end* is before *start*.

        Examples:
            >>> DateRange.from_iso("2027-07-05", "2027-08-13").days
            40
        """
        problems: list[Problem] = []
        days: list[pendulum.Date] = []
        for path, text in (("start", start), ("end", end)):
            try:
                days.append(_parse_iso_date(text, path))
            except ValidationError as error:
                problems.extend(error.problems)
        if problems:
            raise ValidationError(problems)
        return cls(start=days[0], end=days[1])

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """Parse an ISO 8601 interval of two dates, ``"2026-11-27/2026-12-03"``.

        A single date (``"2026-11-27"``) is a one-day range.

        Examples:
            >>> DateRange.parse("2026-11-27/2026-12-03").end
            Date(2026, 12, 3)
        """
        if not isinstance(text, str):
            raise ValidationError.single(
                "",
                text,
                "must be text such as '2026-11-27/2026-12-03'",
                ProblemCode.MUST_BE,
                expected=Expected.PERIOD,
            )
        start, sep, end = text.partition("/")
        return cls.from_iso(start, end if sep else start)

    @classmethod
    def iso_week(cls, year: int, week: int) -> DateRange:
        """Return ISO week *week* of *year*, Monday to Sunday (vecka 48 = ``iso_week(2026, 48)``).

        Raises:
            ValidationError: If the year has no such week (only some years have week 53).

        Examples:
            >>> DateRange.iso_week(2026, 48)
            DateRange(start=Date(2026, 11, 23), end=Date(2026, 11, 29))
        """
        return cls.iso_weeks_of(year, week, week)

    @classmethod
    def iso_weeks_of(cls, year: int, first: int, last: int) -> DateRange:
        """Return ISO weeks *first* to *last* of *year*, Monday of the first to Sunday of the last.

        Useful for blackouts such as the summer weeks 27–32.

        Raises:
            ValidationError: If a week does not exist in that year, or *last* < *first*. Weeks
                over the new year (52 to 1) are two ranges, one in each year: the error says
                so (``weeks-over-new-year``). Read as running into the next year, a typing
                slip (32 to 27) would block most of a year without a word.

        Examples:
            >>> DateRange.iso_weeks_of(2027, 27, 32)
            DateRange(start=Date(2027, 7, 5), end=Date(2027, 8, 15))
        """
        wrong = [
            Problem(
                path=path, value=value, message="must be an int", code=ProblemCode.NOT_WHOLE_NUMBER
            )
            for path, value in (("year", year), ("first", first), ("last", last))
            if isinstance(value, bool) or not isinstance(value, int)
        ]
        if wrong:
            raise ValidationError(wrong)
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            raise ValidationError.single(
                "year",
                year,
                f"must be a year from {dt.MINYEAR} to {dt.MAXYEAR}",
                ProblemCode.OUT_OF_RANGE,
                given=str(year),
                least=str(dt.MINYEAR),
                most=str(dt.MAXYEAR),
            )
        try:
            monday = dt.date.fromisocalendar(year, first, 1)
        except ValueError:
            raise ValidationError.single(
                "first",
                first,
                f"is not an ISO week of {year} (weeks run 1 to 52 or 53)",
                ProblemCode.NO_SUCH_WEEK,
                given=first,
                year=str(year),
            ) from None
        try:
            sunday = dt.date.fromisocalendar(year, last, 7)
        except ValueError:
            raise ValidationError.single(
                "last",
                last,
                f"is not an ISO week of {year} (weeks run 1 to 52 or 53)",
                ProblemCode.NO_SUCH_WEEK,
                given=last,
                year=str(year),
            ) from None
        if last < first and first > _MID_YEAR_WEEK >= last:  # looks like December to January
            end = dt.date(year, 12, 28).isocalendar().week  # 52 or 53
            raise ValidationError.single(
                "last",
                last,
                f"must not be before first ({first}); weeks over the new year are two ranges: "
                f"weeks {first}-{end} of {year} and weeks 1-{last} of {year + 1}",
                ProblemCode.WEEKS_OVER_NEW_YEAR,
                given=last,
                first=first,
                end=end,
                year=str(year),
                next=str(year + 1),
            )
        if last < first:
            raise ValidationError.single(
                "last",
                last,
                f"must not be before first ({first})",
                ProblemCode.TOO_SMALL,
                given=last,
                least=first,
            )
        return cls(start=monday, end=sunday)

    @classmethod
    def single(cls, day: dt.date) -> DateRange:
        """Return the one-day range of *day*.

        Examples:
            >>> DateRange.single(pendulum.date(2026, 6, 19)).days
            1
        """
        return cls(start=day, end=day)

    # -- queries ----------------------------------------------------------------------

    @property
    def days(self) -> int:
        """The number of days in the range, both ends included."""
        return (self.end - self.start).days + 1

    def __len__(self) -> int:
        return self.days

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime):
            raise TypeError("DateRange holds days, not moments; ask with moment.in_tz(zone).date()")
        if not isinstance(day, dt.date):
            return False
        return self.start <= day <= self.end

    def __iter__(self) -> Iterator[pendulum.Date]:
        day = self.start
        while day <= self.end:
            yield day
            day = day.add(days=1)

    def overlaps(self, other: DateRange) -> bool:
        """Whether the two ranges share at least one day.

        Examples:
            >>> a = DateRange.from_iso("2026-01-01", "2026-01-10")
            >>> a.overlaps(DateRange.from_iso("2026-01-10", "2026-01-20"))
            True
            >>> a.overlaps(DateRange.from_iso("2026-01-11", "2026-01-20"))
            False
        """
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: DateRange) -> DateRange | None:
        """The days both ranges share, or ``None`` when they share none.

        Examples:
            >>> a = DateRange.from_iso("2026-01-01", "2026-01-10")
            >>> a.intersection(DateRange.from_iso("2026-01-05", "2026-01-20"))
            DateRange(start=Date(2026, 1, 5), end=Date(2026, 1, 10))
        """
        if not self.overlaps(other):
            return None
        return DateRange(start=max(self.start, other.start), end=min(self.end, other.end))

    def touches(self, other: DateRange) -> bool:
        """Whether the ranges overlap or one starts the day after the other ends."""
        return self.start <= other.end.add(days=1) and other.start <= self.end.add(days=1)

    def union(self, other: DateRange) -> DateRange:
        """The range covering both, which must overlap or touch (no gap between them).

        Raises:
            ValidationError: If there are days between the two ranges.

        Examples:
            >>> a = DateRange.from_iso("2026-01-01", "2026-01-10")
            >>> a.union(DateRange.from_iso("2026-01-11", "2026-01-20"))
            DateRange(start=Date(2026, 1, 1), end=Date(2026, 1, 20))
        """
        if not self.touches(other):
            raise ValidationError.single(
                "other",
                f"{other.start.isoformat()}/{other.end.isoformat()}",
                f"must overlap or touch {self.start.isoformat()}/{self.end.isoformat()}; "
                "a union with a gap is not one range",
                ProblemCode.RANGES_APART,
                first=self,
                other=other,
            )
        return DateRange(start=min(self.start, other.start), end=max(self.end, other.end))

    def iso_weeks(self) -> Iterator[tuple[int, int]]:
        """The ISO weeks the range touches, as ``(iso_year, week)`` pairs in order.

        Examples:
            >>> list(DateRange.from_iso("2026-12-28", "2027-01-04").iso_weeks())
            [(2026, 53), (2027, 1)]
        """
        monday = self.start.subtract(days=self.start.weekday())
        while monday <= self.end:
            iso = monday.isocalendar()
            yield (iso[0], iso[1])
            monday = monday.add(weeks=1)

    def months(self) -> Iterator[tuple[int, int]]:
        """The calendar months the range touches, as ``(year, month)`` pairs in order.

        Examples:
            >>> list(DateRange.from_iso("2026-11-27", "2027-01-03").months())
            [(2026, 11), (2026, 12), (2027, 1)]
        """
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            yield (year, month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"
