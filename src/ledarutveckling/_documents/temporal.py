"""Dates, times, datetimes and durations in documents.

The hooks are pure functions; :class:`TemporalHooks` holds one converter's memos of them (a
document repeats its dates, times and durations), so no memo outlives the converter that owns
it and none is shared between converters.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Callable
from typing import Final, TypeVar

import pendulum

from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.messages import _bad, _wrong_type
from ledarutveckling.errors import ValidationError

T = TypeVar("T")

_ISO_DATE: Final = r"(?a)\d{4}-\d{2}-\d{2}"


_ISO_TIME: Final = r"(?a)\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"


_DATETIME: Final = (
    r"(?a)(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"
    r"(?P<offset>Z|[+-]\d{2}:\d{2}(?::\d{2})?)?"
    r"(?:\[(?P<zone>[^\[\]]{1,64})\])?"
)


_DURATION: Final = (
    r"(?a)(?P<sign>-)?P(?!$)(?:(?P<years>\d{1,4})Y)?(?:(?P<months>\d{1,5})M)?"
    r"(?:(?P<weeks>\d{1,6})W)?(?:(?P<days>\d{1,9})D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d{1,9})(?:[.,](?P<hour_fraction>\d{1,6}))?H)?"
    r"(?:(?P<minutes>\d{1,10})(?:[.,](?P<minute_fraction>\d{1,6}))?M)?"
    r"(?:(?P<seconds>\d{1,12})(?:[.,](?P<fraction>\d{1,6}))?S)?)?"
)
"""ISO 8601's durations; the last part of the time may have a fraction (``PT1.5H``, ``PT1,5H``).

Six decimals at most: a sixth of an hour's millionth is a whole number of microseconds, so
every duration the pattern admits is exact."""


_EXAMPLE_DATETIME: Final = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"


_US_PER_SECOND: Final = 1_000_000


_US_PER_DAY: Final = 86_400 * _US_PER_SECOND


MEMO_SIZE: Final = 16_384
"""The most texts (or values) one memo of :class:`TemporalHooks` holds."""


class TomlTemporal(str):
    """The ISO text of a TOML date, time or datetime (``start = 2026-11-27``).

    A str subclass, so that the hooks of dates and times read it as its text while a text
    field (which takes exactly ``str``) refuses it instead of keeping its ISO form.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        """Pickled as the plain text it equals (a problem's value names no private module)."""
        return (str, (str(self),))


def _structure_date(value: object, _: object) -> pendulum.Date:
    if type(value) is not str or not re.fullmatch(_ISO_DATE, value):
        if isinstance(value, str):
            raise _bad(value, "must be an ISO date written YYYY-MM-DD", Code.BAD_DATE)
        raise _wrong_type(value, "an ISO date written YYYY-MM-DD", Expected.DATE)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(value, "is not a date in the calendar", Code.NO_SUCH_DATE) from None
    return pendulum.Date(day.year, day.month, day.day)


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_time(value: object, _: object) -> pendulum.Time:
    if type(value) is not str or not re.fullmatch(_ISO_TIME, value):
        if isinstance(value, str):
            raise _bad(value, "must be a time of day written HH:MM or HH:MM:SS", Code.BAD_TIME)
        raise _wrong_type(value, "a time of day written HH:MM or HH:MM:SS", Expected.TIME)
    try:
        time = dt.time.fromisoformat(value)
    except ValueError:
        raise _bad(
            value, "is not a time of day (hours 00-23, minutes 00-59)", Code.NO_SUCH_TIME
        ) from None
    return pendulum.Time(time.hour, time.minute, time.second, time.microsecond)


def _unstructure_time(value: dt.time) -> str:
    if value.tzinfo is not None:
        raise _bad(value, "must be a wall-clock time without a zone; store a datetime instead")
    if value.second == 0 and value.microsecond == 0:
        return value.strftime("%H:%M")
    return value.isoformat()


def _zone_name(zone: dt.tzinfo | None) -> str | None:
    if isinstance(zone, zoneinfo.ZoneInfo):  # pendulum.Timezone is one too
        return zone.key
    return None


def _format_offset(offset: dt.timedelta) -> str:
    text = dt.datetime(2000, 1, 1, tzinfo=dt.timezone(offset)).isoformat()
    return text[len("2000-01-01T00:00:00") :]


_ZONE_TYPES: Final = (zoneinfo.ZoneInfo, pendulum.Timezone, dt.timezone, pendulum.FixedTimezone)
"""Zone classes whose offsets are pure functions of the datetime: their texts may be remembered."""


_DATETIME_TYPES: Final = (dt.datetime, pendulum.DateTime)
"""Datetime classes that compare as the standard one does: their texts may be remembered."""


def _unstructure_datetime(value: dt.datetime) -> str:
    """Write an aware datetime in RFC 9557 form: ``2026-11-27T09:00:00+01:00[Europe/Stockholm]``."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise _bad(value, "must be an aware datetime; a naive one cannot be written losslessly")
    name = _zone_name(value.tzinfo)
    text = value.isoformat()
    return f"{text}[{name}]" if name else text


def _parse_offset(text: str) -> dt.timedelta:
    sign = -1 if text[0] == "-" else 1
    parts = [int(part) for part in text[1:].split(":")]
    return sign * dt.timedelta(hours=parts[0], minutes=parts[1], seconds=sum(parts[2:]))


def _zones(name: str) -> tuple[zoneinfo.ZoneInfo, pendulum.Timezone] | None:
    """The zone called *name*, as a ZoneInfo and as pendulum's; ``None`` if there is none.

    Both classes keep their own cache of zones by name; the datetime hook of a converter is
    memoised by text (:class:`TemporalHooks`), so this runs once per distinct text.
    """
    try:
        return zoneinfo.ZoneInfo(name), pendulum.timezone(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for malformed keys, OSError…
        return None


_OFFSETS: Final = {
    f"{sign}{hours:02d}:{minutes:02d}": (-1 if sign == "-" else 1)
    * dt.timedelta(hours=hours, minutes=minutes)
    for sign in "+-"
    for hours in range(24)
    for minutes in (0, 15, 30, 45)
}
"""The UTC offsets of whole quarter hours by their text, for the fast path of datetimes."""


def _structure_datetime(value: object, _: object) -> pendulum.DateTime:
    """Read an RFC 9557 datetime.

    The common case, a time with its offset and zone name that the zone has exactly once
    (``2026-11-27T09:00:00+01:00[Europe/Stockholm]``), is read here; every other case, and every
    error, by :func:`_structure_datetime_checked`, which gives the same answer for the common
    case (the benchmark's figures in docs/performance.md).
    """
    if type(value) is str:
        match = re.fullmatch(_DATETIME, value)
        if match is not None:
            local_text, offset_text, zone_name = match.group("local", "offset", "zone")
            offset = _OFFSETS.get(offset_text) if offset_text is not None else None
            zones = _zones(zone_name) if zone_name is not None else None
            if offset is not None and zones is not None:
                try:
                    local = dt.datetime.fromisoformat(local_text)
                except ValueError:
                    pass  # not in the calendar: the checked path says so
                else:
                    zone, pendulum_zone = zones
                    if (
                        1 < local.year < 9999  # the instant in UTC is in range too
                        and local.replace(tzinfo=zone).utcoffset() == offset
                        and local.replace(tzinfo=zone, fold=1).utcoffset() == offset
                    ):
                        return pendulum.DateTime(
                            local.year,
                            local.month,
                            local.day,
                            local.hour,
                            local.minute,
                            local.second,
                            local.microsecond,
                            tzinfo=pendulum_zone,
                        )
    return _structure_datetime_checked(value)


def _bad_datetime(value: object, message: str) -> ValidationError:
    return _bad(value, message, Code.BAD_DATETIME, example=_EXAMPLE_DATETIME)


def _structure_datetime_checked(value: object) -> pendulum.DateTime:
    if type(value) is not str:
        raise _wrong_type(
            value, f"a date and time written like {_EXAMPLE_DATETIME!r}", Expected.DATETIME
        )
    match = re.fullmatch(_DATETIME, value)
    if match is None:
        raise _bad_datetime(value, f"must be a date and time written like {_EXAMPLE_DATETIME!r}")
    try:
        local = dt.datetime.fromisoformat(match["local"])
    except ValueError:
        raise _bad_datetime(value, "is not a date and time in the calendar") from None
    offset_text, zone_name = match["offset"], match["zone"]
    if zone_name is None:
        if offset_text is None:
            raise _bad_datetime(
                value,
                "must carry its zone and UTC offset; a naive time is ambiguous, "
                f"write e.g. {_EXAMPLE_DATETIME!r}",
            )
        offset = dt.timedelta(0) if offset_text == "Z" else _parse_offset(offset_text)
        if abs(offset) >= dt.timedelta(hours=24):
            raise _bad_datetime(value, "has a UTC offset of a day or more")
        fixed = pendulum.FixedTimezone(int(offset.total_seconds()))
        return pendulum.instance(local.replace(tzinfo=fixed), tz=fixed)
    zones = _zones(zone_name)
    if zones is None:
        raise _bad_datetime(
            value,
            f"names an unknown time zone {zone_name!r}; use an IANA name such as "
            "'Europe/Stockholm'",
        )
    zone, pendulum_zone = zones
    try:
        if offset_text == "Z":
            moment = local.replace(tzinfo=dt.UTC).astimezone(zone)
            local, fold = moment.replace(tzinfo=None), moment.fold
        else:
            fold = _fold(value, local, zone, zone_name, offset_text)
    except OverflowError:
        raise _bad_datetime(value, "is out of the range of dates that can be converted") from None
    return pendulum.DateTime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        tzinfo=pendulum_zone,
        fold=fold,
    )


def _fold(
    value: str, local: dt.datetime, zone: zoneinfo.ZoneInfo, zone_name: str, offset_text: str | None
) -> int:
    """Which of two equal wall-clock times *value* means; refuse gaps, guesses, contradictions."""
    earlier = local.replace(tzinfo=zone, fold=0)
    later = local.replace(tzinfo=zone, fold=1)
    early_offset, late_offset = earlier.utcoffset(), later.utcoffset()
    assert early_offset is not None
    assert late_offset is not None
    back = earlier.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if back != local:
        raise _bad_datetime(
            value,
            f"does not exist in {zone_name}: the clocks skip that time when summer time starts",
        )
    if offset_text is None:
        if early_offset != late_offset:
            raise _bad_datetime(
                value,
                f"is ambiguous in {zone_name}: that time happens twice when summer time ends; "
                f"add the offset, {_format_offset(early_offset)} (the first) or "
                f"{_format_offset(late_offset)} (the second)",
            )
        return 0
    offset = _parse_offset(offset_text)
    if offset == early_offset:
        return 0
    if offset == late_offset:
        return 1
    valid = " or ".join(sorted({_format_offset(early_offset), _format_offset(late_offset)}))
    raise _bad_datetime(
        value, f"has offset {offset_text}, but {zone_name} is at {valid} at that time"
    )


def _structure_duration(value: object, _: object) -> pendulum.Duration:
    if type(value) is not str:
        raise _wrong_type(value, "an ISO 8601 duration such as 'PT3H30M'", Expected.DURATION)
    match = re.fullmatch(_DURATION, value)
    if match is None or value.endswith("T"):
        raise _bad(
            value, "must be an ISO 8601 duration such as 'PT3H30M' or 'P2D'", Code.BAD_DURATION
        )
    hour_fraction, minute_fraction = match["hour_fraction"], match["minute_fraction"]
    if (hour_fraction and (match["minutes"] or match["seconds"])) or (
        minute_fraction and match["seconds"]
    ):
        raise _bad(
            value,
            "must be an ISO 8601 duration with a fraction in its last part only, such as "
            "'PT1.5H' or 'PT1H30M'",
            Code.DURATION_FRACTION,
        )
    parts = {name: int(text) for name, text in match.groupdict().items() if text and text != "-"}
    fraction = match["fraction"]
    micro = int(fraction.ljust(6, "0")) if fraction else 0
    micro += int(hour_fraction.ljust(6, "0")) * 3600 if hour_fraction else 0
    micro += int(minute_fraction.ljust(6, "0")) * 60 if minute_fraction else 0
    sign = -1 if match["sign"] else 1
    try:
        return pendulum.duration(
            years=sign * parts.get("years", 0),
            months=sign * parts.get("months", 0),
            weeks=sign * parts.get("weeks", 0),
            days=sign * parts.get("days", 0),
            hours=sign * parts.get("hours", 0),
            minutes=sign * parts.get("minutes", 0),
            seconds=sign * parts.get("seconds", 0),
            microseconds=sign * micro,
        )
    except OverflowError:
        raise _bad(value, "is too long (more than 999999999 days)", Code.BAD_DURATION) from None


_MICROSECOND: Final = dt.timedelta(microseconds=1)


def _unstructure_duration(value: dt.timedelta) -> str:
    """Write a duration in ISO 8601 form (a pendulum duration with its years and months)."""
    years, months = getattr(value, "years", 0), getattr(value, "months", 0)
    return _duration_text(years, months, _microseconds(value))


def _microseconds(value: dt.timedelta) -> int:
    # pendulum.Duration redefines .seconds and //: ask the base class for the exact length.
    total: int = dt.timedelta.__floordiv__(value, _MICROSECOND)
    return total


def _duration_text(years: int, months: int, total: int) -> str:
    sign = "-" if total < 0 else ""
    if total < 0:
        total, years, months = -total, -years, -months
    calendar_days = years * 365 + months * 30
    if years < 0 or months < 0 or calendar_days * _US_PER_DAY > total:
        years = months = calendar_days = 0  # mixed signs: write the exact length instead
    rest = total - calendar_days * _US_PER_DAY
    days, rest = divmod(rest, _US_PER_DAY)
    hours, rest = divmod(rest, 3600 * _US_PER_SECOND)
    minutes, rest = divmod(rest, 60 * _US_PER_SECOND)
    seconds, micro = divmod(rest, _US_PER_SECOND)
    date_part = "".join(
        f"{number}{unit}" for number, unit in ((years, "Y"), (months, "M"), (days, "D")) if number
    )
    second_text = f"{seconds}.{micro:06d}".rstrip("0") if micro else str(seconds)
    time_part = "".join(
        f"{text}{unit}"
        for text, unit in ((str(hours), "H"), (str(minutes), "M"), (second_text, "S"))
        if text != "0"
    )
    if not date_part and not time_part:
        return "PT0S"
    return f"{sign}P{date_part}" + (f"T{time_part}" if time_part else "")


class TemporalHooks:
    """One converter's hooks for dates, times, datetimes and durations, with their memos.

    A document repeats its dates, times and durations (sessions start at 09:00 on the same
    days, modules last three hours). Reading, each hook remembers the value it read from each
    text (an LRU of :data:`MEMO_SIZE` entries), so one immutable object serves every place that
    holds the same text; errors are not remembered, and a value that is not a string goes
    straight to the pure hook. Writing, :meth:`unstructure_datetime` and
    :meth:`unstructure_duration` remember the text of each value written (emptied when full).
    The memos belong to this object, which belongs to one converter: none is process-global.
    """

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self.size: Final = size
        self.structure_date: Final = self._memoised(_structure_date)
        self.structure_time: Final = self._memoised(_structure_time)
        self.structure_datetime: Final = self._memoised(_structure_datetime)
        self.structure_duration: Final = self._memoised(_structure_duration)
        self.datetime_texts: Final[tuple[dict[dt.datetime, tuple[dt.tzinfo, str]], ...]] = ({}, {})
        """The text of each datetime written, by its fold, with the zone it was written for."""
        self.duration_texts: Final[dict[dt.timedelta, tuple[int, int, str]]] = {}
        """The text of each duration written, with its years and months (equal lengths differ)."""

    def _memoised(self, hook: Callable[[object, object], T]) -> Callable[[object, object], T]:
        cached = functools.lru_cache(maxsize=self.size)(lambda text: hook(text, None))

        def structure(value: object, type_: object) -> T:
            if type(value) is str:
                return cached(value)
            if type(value) is TomlTemporal:
                return cached(str(value))
            return hook(value, type_)

        return structure

    def unstructure_datetime(self, value: dt.datetime) -> str:
        """Write an aware datetime as :func:`_unstructure_datetime` does, remembering the text.

        One memo per fold maps a datetime to the zone object and text it was written with, and
        a hit needs the same zone object. That is the same wall time too: Python compares
        datetimes of one ``tzinfo`` field by field (leaving out the fold, hence a memo per
        fold), and of two different ones by their instant, and then never equal when either is
        in a gap or the repeated hour (PEP 495); so two datetimes equal to one key, in the same
        zone, unambiguous if that key's zone is another, have the same fields. Only the zone
        classes whose offsets are pure functions of the datetime (zoneinfo's, pendulum's, fixed
        offsets) and the datetime classes that compare as the standard one does (pendulum's
        does) are remembered; anything else is written each time. Hashing a datetime is cheap
        after the first time: it keeps its hash.
        """
        kind = type(value)
        if kind is pendulum.DateTime or kind is dt.datetime:
            known = self.datetime_texts[value.fold].get(value)
            if known is not None and known[0] is value.tzinfo:
                return known[1]
        text = _unstructure_datetime(value)
        zone = value.tzinfo
        if type(zone) in _ZONE_TYPES and kind in _DATETIME_TYPES:
            texts = self.datetime_texts[value.fold]
            if len(texts) >= self.size:
                texts.clear()
            texts[value] = (zone, text)  # type: ignore[assignment]  # aware: written above
        return text

    def unstructure_duration(self, value: dt.timedelta) -> str:
        """Write a duration as :func:`_unstructure_duration` does, remembering the text.

        Durations of equal length are equal (and hash alike), but a pendulum duration of one
        year is written ``P1Y`` and one of 365 days ``P365D``: the memo holds the years and
        months too. Only pendulum's and the standard class are remembered.
        """
        if type(value) is pendulum.Duration:
            years, months = value.years, value.months
        elif type(value) is dt.timedelta:
            years = months = 0
        else:
            return _unstructure_duration(value)
        known = self.duration_texts.get(value)
        if known is not None and known[0] == years and known[1] == months:
            return known[2]
        text = _duration_text(years, months, _microseconds(value))
        if len(self.duration_texts) >= self.size:
            self.duration_texts.clear()
        self.duration_texts[value] = (years, months, text)
        return text
