"""Turning documents into the model and back, with one strict cattrs converter (private).

The public functions live in :mod:`ledarutveckling.serialization`; this module builds the
converter (:func:`make_converter`), the hooks for the library's value types, the translation of
cattrs' error trees into one :class:`~ledarutveckling.ValidationError`, and the registry of
document kinds with their schema versions and migrations.

Every structure hook here raises only :class:`~ledarutveckling.ValidationError`, with paths
relative to the value it was given; the containers around it prefix their own part of the path
(``[3]``, ``lines``, ``["q1"]``) as the error bubbles up.
"""

from __future__ import annotations

import collections.abc as abc
import datetime as dt
import enum
import functools
import importlib
import json
import re
import types
import typing
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs
import cattrs
import pendulum
import tomli_w
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ledarutveckling._agreement import FrameworkAgreement
from ledarutveckling._calendar import WorkingCalendar
from ledarutveckling._calloff import CallOff
from ledarutveckling._catalogue import Catalogue
from ledarutveckling._evaluation import Evaluation
from ledarutveckling._ledger import AgreementLedger
from ledarutveckling._offerings import Program
from ledarutveckling._rollout import WorkingDays
from ledarutveckling._unstructure import JsonFunctions, make_unstructure_fn, missing_default_fields
from ledarutveckling.errors import MISSING, Problem, ValidationError, join_path, key_path

T = TypeVar("T")

Hook = Callable[[Any, Any], Any]
Migration = Callable[[dict[str, Any]], dict[str, Any]]

DOCUMENT_KEY: Final = "document"
"""The key naming a document's kind (``"program"``, ``"agreement"``…) in its header."""
VERSION_KEY: Final = "schema_version"
"""The key holding the schema version a document was written with, in its header."""
_HEADER: Final = frozenset({DOCUMENT_KEY, VERSION_KEY})

_NONE_TYPE: Final = type(None)
# re.ASCII throughout: \d would also match other scripts' digits, which int() and Decimal() accept.
_DECIMAL_TEXT: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ISO_TIME: Final = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?", re.ASCII)
_DATETIME: Final = re.compile(
    r"(?P<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"
    r"(?P<offset>Z|[+-]\d{2}:\d{2}(?::\d{2})?)?"
    r"(?:\[(?P<zone>[^\[\]]{1,64})\])?",
    re.ASCII,
)
_DURATION: Final = re.compile(
    r"(?P<sign>-)?P(?!$)(?:(?P<years>\d{1,4})Y)?(?:(?P<months>\d{1,5})M)?"
    r"(?:(?P<weeks>\d{1,6})W)?(?:(?P<days>\d{1,9})D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d{1,9})H)?(?:(?P<minutes>\d{1,10})M)?"
    r"(?:(?P<seconds>\d{1,12})(?:\.(?P<fraction>\d{1,6}))?S)?)?",
    re.ASCII,
)
_INT_KEY: Final = re.compile(r"-?\d{1,30}", re.ASCII)
_PAIR_KEY: Final = re.compile(r"(\d{1,9})-(\d{1,9})", re.ASCII)
_EXAMPLE_DATETIME: Final = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
_US_PER_SECOND: Final = 1_000_000
_EXACT_FLOAT_INT: Final = 2**53
_US_PER_DAY: Final = 86_400 * _US_PER_SECOND
_MEMO_SIZE: Final = 16_384
"""The most texts (or values) one memo of dates, times and durations holds."""


# -- describing values in messages --------------------------------------------------------


def _describe(value: object) -> str:
    """Name the JSON kind of *value* for a message: ``"a string"``, ``"null"``…."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def _bad(value: object, message: str) -> ValidationError:
    return ValidationError.single("", value, message)


def _wrong_type(value: object, wanted: str) -> ValidationError:
    return _bad(value, f"must be {wanted}, not {_describe(value)}")


def _suggestion(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # on first use: only error messages need it

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


# -- primitive hooks: no silent coercion ------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise _wrong_type(value, "a string")


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _wrong_type(value, "an integer")


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise _wrong_type(value, "true or false")


def _structure_float(value: object, _: object) -> float:
    if type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        return value
    if type(value) is int and abs(value) <= _EXACT_FLOAT_INT:
        return float(value)
    if type(value) in (int, float):
        raise _bad(value, "must be a finite number that a float holds exactly")
    raise _wrong_type(value, "a number")


def _structure_decimal(value: object, _: object) -> Decimal:
    if type(value) is str and _DECIMAL_TEXT.fullmatch(value):
        return Decimal(value)
    if type(value) is int:
        return Decimal(value)
    if type(value) is str:
        raise _bad(value, "must be a decimal number written with a point, e.g. '12500.50'")
    if type(value) is float:
        raise _bad(
            value,
            "must be a decimal number written as a string, e.g. '12500.50', "
            "not a float (a float cannot hold öre exactly)",
        )
    raise _wrong_type(value, "a decimal number written as a string, e.g. '12500.50'")


def _structure_as_given(value: object, _: object) -> object:
    return value


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_none(value: object, _: object) -> None:
    if value is None:
        return
    raise _wrong_type(value, "null")


# -- dates, times, durations --------------------------------------------------------------------


def _structure_date(value: object, _: object) -> pendulum.Date:
    if type(value) is not str or not _ISO_DATE.fullmatch(value):
        if isinstance(value, str):
            raise _bad(value, "must be an ISO date written YYYY-MM-DD")
        raise _wrong_type(value, "an ISO date written YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(value, "is not a date in the calendar") from None
    return pendulum.Date(day.year, day.month, day.day)


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_time(value: object, _: object) -> pendulum.Time:
    if type(value) is not str or not _ISO_TIME.fullmatch(value):
        if isinstance(value, str):
            raise _bad(value, "must be a time of day written HH:MM or HH:MM:SS")
        raise _wrong_type(value, "a time of day written HH:MM or HH:MM:SS")
    try:
        time = dt.time.fromisoformat(value)
    except ValueError:
        raise _bad(value, "is not a time of day (hours 00-23, minutes 00-59)") from None
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


_DATETIME_TEXTS: Final[tuple[dict[dt.datetime, tuple[dt.tzinfo, str]], ...]] = ({}, {})
"""The text of each datetime written, by its fold, with the zone object it was written for."""
_ZONE_TYPES: Final = (zoneinfo.ZoneInfo, pendulum.Timezone, dt.timezone, pendulum.FixedTimezone)
_DATETIME_TYPES: Final = (dt.datetime, pendulum.DateTime)


def _unstructure_datetime(value: dt.datetime) -> str:
    """Write an aware datetime in RFC 9557 form, remembering the text (a document repeats times).

    One memo per fold maps a datetime to the zone object and text it was written with, and a
    hit needs the same zone object. That is the same wall time too: Python compares datetimes
    of one ``tzinfo`` field by field (leaving out the fold, hence a memo per fold), and of two
    different ones by their instant, and then never equal when either is in a gap or the
    repeated hour (PEP 495); so two datetimes equal to one key, in the same zone, unambiguous
    if that key's zone is another, have the same fields. Only the zone classes whose offsets
    are pure functions of the datetime (zoneinfo's, pendulum's, fixed offsets) and the datetime
    classes that compare as the standard one does (pendulum's does) are remembered; anything
    else is written by :func:`_unstructure_datetime_checked` each time. Hashing a datetime is
    cheap after the first time: it keeps its hash.
    """
    kind = type(value)
    if kind is pendulum.DateTime or kind is dt.datetime:
        known = _DATETIME_TEXTS[value.fold].get(value)
        if known is not None and known[0] is value.tzinfo:
            return known[1]
    return _remember_datetime(value)


def _remember_datetime(value: dt.datetime) -> str:
    text = _unstructure_datetime_checked(value)
    zone = value.tzinfo
    if zone is not None and type(zone) in _ZONE_TYPES and type(value) in _DATETIME_TYPES:
        texts = _DATETIME_TEXTS[value.fold]
        if len(texts) >= _MEMO_SIZE:
            texts.clear()
        texts[value] = (zone, text)
    return text


def _unstructure_datetime_checked(value: dt.datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise _bad(value, "must be an aware datetime; a naive one cannot be written losslessly")
    name = _zone_name(value.tzinfo)
    text = value.isoformat()
    return f"{text}[{name}]" if name else text


def _parse_offset(text: str) -> dt.timedelta:
    sign = -1 if text[0] == "-" else 1
    parts = [int(part) for part in text[1:].split(":")]
    return sign * dt.timedelta(hours=parts[0], minutes=parts[1], seconds=sum(parts[2:]))


@functools.lru_cache(maxsize=256)
def _zones(name: str) -> tuple[zoneinfo.ZoneInfo, pendulum.Timezone] | None:
    """The zone called *name*, as a ZoneInfo and as pendulum's; ``None`` if there is none."""
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
        match = _DATETIME.fullmatch(value)
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


def _structure_datetime_checked(value: object) -> pendulum.DateTime:
    if type(value) is not str:
        raise _wrong_type(value, f"a date and time written like {_EXAMPLE_DATETIME!r}")
    match = _DATETIME.fullmatch(value)
    if match is None:
        raise _bad(value, f"must be a date and time written like {_EXAMPLE_DATETIME!r}")
    try:
        local = dt.datetime.fromisoformat(match["local"])
    except ValueError:
        raise _bad(value, "is not a date and time in the calendar") from None
    offset_text, zone_name = match["offset"], match["zone"]
    if zone_name is None:
        if offset_text is None:
            raise _bad(
                value,
                "must carry its zone and UTC offset; a naive time is ambiguous, "
                f"write e.g. {_EXAMPLE_DATETIME!r}",
            )
        offset = dt.timedelta(0) if offset_text == "Z" else _parse_offset(offset_text)
        if abs(offset) >= dt.timedelta(hours=24):
            raise _bad(value, "has a UTC offset of a day or more")
        fixed = pendulum.FixedTimezone(int(offset.total_seconds()))
        return pendulum.instance(local.replace(tzinfo=fixed), tz=fixed)
    zones = _zones(zone_name)
    if zones is None:
        raise _bad(
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
        raise _bad(value, "is out of the range of dates that can be converted") from None
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
        raise _bad(
            value,
            f"does not exist in {zone_name}: the clocks skip that time when summer time starts",
        )
    if offset_text is None:
        if early_offset != late_offset:
            raise _bad(
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
    raise _bad(value, f"has offset {offset_text}, but {zone_name} is at {valid} at that time")


def _structure_duration(value: object, _: object) -> pendulum.Duration:
    if type(value) is not str:
        raise _wrong_type(value, "an ISO 8601 duration such as 'PT3H30M'")
    match = _DURATION.fullmatch(value)
    if match is None or value.endswith("T"):
        raise _bad(value, "must be an ISO 8601 duration such as 'PT3H30M' or 'P2D'")
    parts = {name: int(text) for name, text in match.groupdict().items() if text and text != "-"}
    fraction = match["fraction"]
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
            microseconds=sign * int(fraction.ljust(6, "0")) if fraction else 0,
        )
    except OverflowError:
        raise _bad(value, "is too long (more than 999999999 days)") from None


_MICROSECOND: Final = dt.timedelta(microseconds=1)


_DURATION_TEXTS: Final[dict[dt.timedelta, tuple[int, int, str]]] = {}
"""The text of each duration written, with its years and months (equal lengths may differ)."""


def _unstructure_duration(value: dt.timedelta) -> str:
    """Write a duration in ISO 8601 form, once per length (a document repeats its durations).

    Durations of equal length are equal (and hash alike), but a pendulum duration of one year
    is written ``P1Y`` and one of 365 days ``P365D``: the memo holds the years and months too.
    """
    if type(value) is pendulum.Duration:
        years, months = value.years, value.months
    elif type(value) is dt.timedelta:
        years = months = 0
    else:
        years, months = getattr(value, "years", 0), getattr(value, "months", 0)
        return _duration_text(years, months, _microseconds(value))
    known = _DURATION_TEXTS.get(value)
    if known is not None and known[0] == years and known[1] == months:
        return known[2]
    text = _duration_text(years, months, _microseconds(value))
    if len(_DURATION_TEXTS) >= _MEMO_SIZE:
        _DURATION_TEXTS.clear()
    _DURATION_TEXTS[value] = (years, months, text)
    return text


def _microseconds(value: dt.timedelta) -> int:
    # pendulum.Duration redefines .seconds and //: ask the base class for the exact length.
    total: int = dt.timedelta.__floordiv__(value, _MICROSECOND)
    return total


@functools.lru_cache(maxsize=4096)
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


# -- enums and literals -------------------------------------------------------------------------


def _enum_hook(enum_type: type[enum.Enum]) -> Hook:
    members = {member.value: member for member in enum_type}
    valid = ", ".join(repr(member.value) for member in enum_type)
    texts = [value for value in members if isinstance(value, str)]

    def structure(value: object, _: object) -> enum.Enum:
        try:
            member = members.get(value)
        except TypeError:  # unhashable: a list or an object
            member = None
        if member is not None and type(value) is type(member.value):
            return member
        message = f"must be one of {valid}"
        near = _suggestion(value, texts) if isinstance(value, str) else None
        if near is not None:
            message += f"; did you mean {near!r}?"
        raise _bad(value, message)

    return structure


_cached_enum_hook: Final = functools.cache(_enum_hook)


def _enums_apart(hook: Hook) -> Hook:
    """Wrap a hook for int, str or float so that an enum deriving from it is read by value."""

    def structure(value: object, type_: Any) -> Any:
        if type_ is int or type_ is str or type_ is float:
            return hook(value, type_)
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return _cached_enum_hook(type_)(value, type_)
        return hook(value, type_)

    return structure


def _plain_enum(type_: Any) -> bool:
    """Whether *type_* is an enum whose members' values are strings, integers or booleans."""
    return (
        isinstance(type_, type)
        and issubclass(type_, enum.Enum)
        and all(type(member._value_) in (str, int, bool) for member in type_)
    )


def _unstructure_enum(member: enum.Enum) -> Any:
    """A member of a :func:`_plain_enum` as its value (what cattrs' own hook gives)."""
    return member.value


def _literal_hook(literal: Any) -> Hook:
    allowed = typing.get_args(literal)
    valid = ", ".join(repr(value) for value in allowed)

    def structure(value: object, _: object) -> object:
        for candidate in allowed:
            if type(value) is type(candidate) and value == candidate:
                return candidate
        raise _bad(value, f"must be one of {valid}")

    return structure


# -- containers ---------------------------------------------------------------------------------


def _origin(type_: Any) -> Any:
    return typing.get_origin(type_)


def _is_union(type_: Any) -> bool:
    return _origin(type_) in (typing.Union, types.UnionType)


def _is_homogeneous_sequence(type_: Any) -> bool:
    if type_ in (list, tuple):
        return True
    origin, args = _origin(type_), typing.get_args(type_)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in (list, abc.Sequence, abc.MutableSequence)


def _is_fixed_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return _origin(type_) is tuple and bool(args) and args[-1] is not Ellipsis


def _is_set(type_: Any) -> bool:
    return type_ in (frozenset, set) or _origin(type_) in (frozenset, set, abc.Set, abc.MutableSet)


def _is_mapping(type_: Any) -> bool:
    return type_ is dict or _origin(type_) in (dict, abc.Mapping, abc.MutableMapping)


def _structure_items(
    value: object, item_hooks: Iterable[tuple[Hook, Any]], *, expected: int | None = None
) -> list[Any]:
    if type(value) is not list and type(value) is not tuple:
        raise _wrong_type(value, "a list")
    items: list[Any] = list(value)
    if expected is not None and len(items) != expected:
        raise _bad(value, f"must be a list of exactly {expected} items, not {len(items)}")
    result: list[Any] = []
    problems: list[Problem] = []
    for index, (item, (hook, item_type)) in enumerate(zip(items, item_hooks, strict=False)):
        try:
            result.append(hook(item, item_type))
        except ValidationError as error:
            problems.extend(p.with_prefix(f"[{index}]") for p in error.problems)
    if problems:
        raise ValidationError(problems)
    return result


class _Repeat:
    """An endless iterable of the same (hook, type) pair, for homogeneous lists."""

    def __init__(self, hook: Hook, item_type: Any) -> None:
        self.pair = (hook, item_type)

    def __iter__(self) -> typing.Iterator[tuple[Hook, Any]]:
        while True:
            yield self.pair


def _json_sort_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _is_int_pair(type_: Any) -> bool:
    return bool(type_ == tuple[int, int])


def _key_hook(converter: cattrs.Converter, key_type: Any) -> Hook:
    """Mapping keys are strings in JSON and TOML.

    An int key is read from its digits; a pair of ints (such as a month, ``(2026, 1)``) from
    ``"2026-01"``.
    """
    if _is_int_pair(key_type):

        def structure_pair_key(value: object, _: object) -> tuple[int, int]:
            match = _PAIR_KEY.fullmatch(value) if type(value) is str else None
            if match is None:
                raise _bad(value, "must be two whole numbers written like '2026-01' (a month)")
            return (int(match[1]), int(match[2]))

        return structure_pair_key
    if key_type is int:

        def structure_int_key(value: object, _: object) -> int:
            if type(value) is int:
                return value
            if type(value) is str and _INT_KEY.fullmatch(value):
                return int(value)
            raise _wrong_type(value, "an integer written as a string, e.g. '2026'")

        return structure_int_key
    return converter.get_structure_hook(key_type)


def _pair_key_text(key: tuple[int, int]) -> str:
    first, second = key
    if first < 0 or second < 0:
        raise _bad(key, "cannot be written as a key: both numbers must be zero or more")
    return f"{first:04d}-{second:02d}"


def _add_container_hooks(converter: cattrs.Converter, *, toml: bool) -> None:
    def sequence_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = converter.get_structure_hook(item_type)
        build = (
            list
            if list in (type_, _origin(type_)) or _origin(type_) is abc.MutableSequence
            else tuple
        )

        def structure(value: object, _: object) -> Any:
            if type(value) is list:
                try:  # the common case in one comprehension; on any problem, collect them all
                    return build([hook(item, item_type) for item in value])
                except ValidationError:
                    pass
            return build(_structure_items(value, _Repeat(hook, item_type)))

        return structure

    def fixed_tuple_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        pairs = [(converter.get_structure_hook(arg), arg) for arg in args]

        def structure(value: object, _: object) -> tuple[Any, ...]:
            return tuple(_structure_items(value, pairs, expected=len(pairs)))

        return structure

    def set_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = converter.get_structure_hook(item_type)
        build = (
            set if set in (type_, _origin(type_)) or _origin(type_) is abc.MutableSet else frozenset
        )

        def structure(value: object, _: object) -> Any:
            items = _structure_items(value, _Repeat(hook, item_type))
            seen: set[Any] = set()
            problems: list[Problem] = []
            for index, item in enumerate(items):
                if item in seen:
                    problems.append(
                        Problem(
                            path=f"[{index}]",
                            value=typing.cast(list[Any], value)[index],
                            message="is a duplicate; each item of a set must be unique",
                        )
                    )
                seen.add(item)
            if problems:
                raise ValidationError(problems)
            return build(items)

        return structure

    def mapping_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        key_hook = _key_hook(converter, key_type)
        value_hook = converter.get_structure_hook(value_type)

        def structure(value: object, _: object) -> dict[Any, Any]:
            if not isinstance(value, Mapping):
                raise _wrong_type(value, "an object (a table in TOML)")
            result: dict[Any, Any] = {}
            problems: list[Problem] = []
            for raw_key, raw_value in value.items():
                path = key_path(raw_key)
                try:
                    key = key_hook(raw_key, key_type)
                except ValidationError as error:
                    problems.extend(
                        Problem(path=path, value=raw_key, message=f"key {p.message}")
                        for p in error.problems
                    )
                    continue
                try:
                    result[key] = value_hook(raw_value, value_type)
                except ValidationError as error:
                    problems.extend(p.with_prefix(path) for p in error.problems)
            if problems:
                raise ValidationError(problems)
            return result

        return structure

    def union_factory(type_: Any) -> Hook:
        members = [arg for arg in typing.get_args(type_) if arg is not _NONE_TYPE]
        optional = len(members) < len(typing.get_args(type_))
        hooks = [(converter.get_structure_hook(member), member) for member in members]
        empty_is_null = toml and _empty_array_stands_for_null(type_)
        null = "[] (TOML's stand-in for null)" if empty_is_null else "null"
        names = " or ".join(
            ([null] if optional else []) + [getattr(m, "__name__", str(m)) for m in members]
        )

        def structure(value: object, _: object) -> Any:
            if value is None and optional:
                return None
            if empty_is_null and type(value) is list and not value:
                return None
            if len(hooks) == 1:
                hook, member = hooks[0]
                if not empty_is_null:
                    return hook(value, member)
                try:
                    return hook(value, member)
                except ValidationError as error:
                    raise ValidationError(
                        [
                            attrs.evolve(p, message=p.message + _EMPTY_IS_NULL)
                            for p in error.problems
                        ]
                    ) from None
            for hook, member in hooks:
                try:
                    return hook(value, member)
                except ValidationError:
                    continue
            raise _bad(value, f"must be {names}")

        return structure

    def set_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = (
            converter.unstructure if item_type is Any else converter.get_unstructure_hook(item_type)
        )

        def unstructure(value: Iterable[Any]) -> list[Any]:
            items = [hook(item) for item in value]
            return sorted(items, key=_json_sort_key)

        return unstructure

    def sequence_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        if _is_fixed_tuple(type_):
            hooks = [converter.get_unstructure_hook(arg) for arg in args]
            return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=False)]
        item_type = args[0] if args else Any
        if item_type is Any:
            return lambda value: [converter.unstructure(item) for item in value]
        hook = converter.get_unstructure_hook(item_type)
        return lambda value: [hook(item) for item in value]

    def empty_array_for_null_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        def unstructure(value: Any) -> Any:
            return [] if value is None else converter.unstructure(value)

        return unstructure

    def mapping_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        pair = _is_int_pair(key_type)
        value_hook = (
            converter.unstructure
            if value_type is Any
            else converter.get_unstructure_hook(value_type)
        )

        def unstructure(value: Mapping[Any, Any]) -> dict[Any, Any]:
            result: dict[Any, Any] = {}
            for key, item in value.items():
                if pair or (type(key) is tuple and [type(k) for k in key] == [int, int]):
                    key_data: Any = _pair_key_text(key)
                else:
                    key_data = converter.unstructure(key)
                    if type(key_data) is int:
                        key_data = str(key_data)
                    elif type(key_data) is not str:
                        raise _bad(key, "cannot be written as a key: keys are written as text")
                result[key_data] = value_hook(item)
            return result

        return unstructure

    converter.register_structure_hook_factory(_is_homogeneous_sequence, sequence_factory)
    converter.register_structure_hook_factory(_is_fixed_tuple, fixed_tuple_factory)
    converter.register_structure_hook_factory(_is_set, set_factory)
    converter.register_structure_hook_factory(_is_mapping, mapping_factory)
    converter.register_structure_hook_factory(_is_union, union_factory)
    converter.register_unstructure_hook_factory(_is_set, set_unstructure_factory)
    converter.register_unstructure_hook_factory(
        lambda t: _is_homogeneous_sequence(t) or _is_fixed_tuple(t), sequence_unstructure_factory
    )
    converter.register_unstructure_hook_factory(_is_mapping, mapping_unstructure_factory)
    if toml:
        converter.register_unstructure_hook_factory(
            _empty_array_stands_for_null, empty_array_for_null_unstructure_factory
        )


# -- attrs classes: the generated cattrs functions, wrapped -------------------------------------


_EMPTY_IS_NULL: Final = "; or [] for none (TOML's stand-in for null)"


def _is_scalar(type_: Any) -> bool:
    """Whether a value of *type_* is written as text, a number or a boolean (never a list)."""
    if type_ in (int, str, bool, float, Decimal) or _origin(type_) is typing.Literal:
        return True
    if isinstance(type_, type) and issubclass(type_, enum.Enum):  # (2, 3) would be a list
        return all(isinstance(member.value, _SCALAR_VALUES) for member in type_)
    return isinstance(type_, type) and issubclass(type_, dt.date | dt.time | dt.timedelta)


_SCALAR_VALUES: Final = (str, int, float, Decimal)


def _empty_array_stands_for_null(type_: Any) -> bool:
    """Whether TOML writes ``None`` of *type_* as the empty array ``[]`` (TOML has no null).

    Only for an optional scalar, where ``[]`` cannot mean anything else (``int | None``: yes;
    ``Money | None`` or ``tuple[int, ...] | None``: no).
    """
    if not _is_union(type_):
        return False
    members = typing.get_args(type_)
    others = [member for member in members if member is not _NONE_TYPE]
    return len(others) < len(members) and all(_is_scalar(member) for member in others)


def _admits_none(type_: Any) -> bool:
    return (
        type_ is None
        or type_ is _NONE_TYPE
        or (_is_union(type_) and _NONE_TYPE in typing.get_args(type_))
    )


def _problems_of(error: BaseException, path: str) -> list[Problem]:
    """The problems one exception stands for, seen from *path*."""
    if isinstance(error, ValidationError):
        return [p.with_prefix(path) for p in error.problems]
    if isinstance(error, BaseValidationError):
        return [p.with_prefix(path) for p in _group_problems(error, {}, object)]
    if isinstance(error, KeyError) and path:
        return [Problem(path=path, value=MISSING, message="is required but missing")]
    message = str(error) or type(error).__name__
    return [Problem(path=path, value=MISSING, message=message)]


def _unknown_key_problems(
    error: ForbiddenExtraKeysError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    names = [a.name for a in attrs.fields(cls) if a.init] if attrs.has(cls) else []
    problems = []
    for key in [k for k in data if k in error.extra_fields]:
        if not isinstance(key, str):
            problems.append(Problem(path=key_path(key), value=key, message="keys must be strings"))
            continue
        if key in _HEADER:
            message = (
                "belongs in a document's header, not in a value: read whole documents with "
                "load(), from_json() or from_toml()"
            )
        else:
            message = f"is not a field of {cls.__name__}"
            near = _suggestion(key, names)
            if near is not None:
                message += f"; did you mean {near!r}?"
            else:
                message += f" (its fields are {', '.join(names)})"
        problems.append(Problem(path=key_path(key), value=data[key], message=message))
    return problems


def _group_problems(
    group: BaseValidationError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    problems: list[Problem] = []
    for error in group.exceptions:
        if isinstance(error, ForbiddenExtraKeysError):
            problems.extend(_unknown_key_problems(error, data, cls))
            continue
        path = ""
        for note in getattr(error, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                path = note.name
            elif isinstance(note, IterableValidationNote):
                path = key_path(note.index) if isinstance(note.index, str) else f"[{note.index}]"
        problems.extend(_problems_of(error, path))
    return problems


def _attrs_hook(converter: cattrs.Converter, cls: type) -> Hook:
    """Read *cls* with cattrs' generated functions: a fast one, and a detailed one for errors.

    The fast function stops at the first problem; the detailed one (cattrs' detailed
    validation) collects every problem with its path, but wraps each field in its own
    ``try`` and costs a third more. Both call the same hooks and the same constructor, whose
    ``__attrs_post_init__`` holds the rules, so a document that reads without error gives the
    same object either way; when the fast one meets any error, the detailed one reads the value
    again to report every problem (reading has no side effects).
    """
    attrs.resolve_types(cls)
    fast: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
    )
    detailed: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    # Optional fields without a default may be left out (TOML has no null): absent means None.
    absent_is_none = tuple(
        a.name
        for a in attrs.fields(cls)
        if a.init and a.default is attrs.NOTHING and _admits_none(a.type)
    )
    required = frozenset(absent_is_none)
    name = cls.__name__

    def structure(data: object, _: object) -> Any:
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wrong_type(data, f"an object with the fields of {name} (a table in TOML)")
        if required and not required <= data.keys():
            data = {**dict.fromkeys(absent_is_none), **data}
        try:
            return fast(data, cls)
        except Exception:  # any problem: read again below, collecting every one
            pass
        try:
            return detailed(data, cls)
        except BaseValidationError as group:
            raise ValidationError(_group_problems(group, data, cls)) from None

    return structure


_INLINE: Final[Mapping[Callable[[Any], Any], str]] = {
    _unstructure_decimal: "format({}, 'f')",
    _unstructure_date: "{}.isoformat()",
    _unstructure_enum: "{}._value_",
}
"""Hooks that a generated function writes inline, with the expression that does the same."""


def _attrs_unstructure_factory(
    converter: cattrs.Converter, *, omit_defaults: bool, specialised: bool
) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(cls: Any) -> Callable[[Any], Any]:
        attrs.resolve_types(cls)
        # A field typed object may hold MISSING (Problem.value): it is left out, and a class
        # that can hold it has it as the field's default, so that reading gives it back.
        absent_if_missing = missing_default_fields(cls)
        if specialised and not omit_defaults and not absent_if_missing:
            return make_unstructure_fn(cls, converter, _INLINE)
        generated = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=omit_defaults)
        absent_is_none = (
            tuple(
                a.name
                for a in attrs.fields(cls)
                if a.default is attrs.NOTHING and _admits_none(a.type)
            )
            if omit_defaults
            else ()
        )
        if not absent_is_none and not absent_if_missing:
            return generated

        def unstructure(value: Any) -> dict[str, Any]:
            data: dict[str, Any] = generated(value)
            for field in absent_is_none:
                if getattr(value, field) is None:
                    data.pop(field, None)
            for field in absent_if_missing:
                if getattr(value, field) is MISSING:
                    data.pop(field, None)
            return data

        return unstructure

    return factory


# -- protocols: a field typed with one holds the library's own implementation ------------------

_IMPLEMENTATIONS: Final[tuple[tuple[Any, type], ...]] = ((WorkingDays, WorkingCalendar),)
"""``(protocol, class)``: a document holds a *class* where a field is typed *protocol*."""


def _add_protocol_hooks(converter: cattrs.Converter) -> None:
    for protocol, cls in _IMPLEMENTATIONS:

        def structure(value: object, _: object, cls: type = cls) -> Any:
            return converter.get_structure_hook(cls)(value, cls)

        def unstructure(value: object, cls: type = cls, protocol: Any = protocol) -> Any:
            if type(value) is not cls:
                raise _bad(
                    value,
                    f"cannot be written: a document holds a {protocol.__name__} only as a "
                    f"{cls.__name__}",
                )
            return converter.unstructure(value, cls)

        converter.register_structure_hook_func(_exactly(protocol), structure)
        converter.register_unstructure_hook_func(_exactly(protocol), unstructure)


# -- the converter ------------------------------------------------------------------------------


def _exactly(*candidates: Any) -> Callable[[Any], bool]:
    return lambda type_: type_ in candidates


def _subclass_of(kind: type, *, not_of: type | None = None) -> Callable[[Any], bool]:
    def predicate(type_: Any) -> bool:
        return (
            isinstance(type_, type)
            and issubclass(type_, kind)
            and (not_of is None or not issubclass(type_, not_of))
        )

    return predicate


def _memoised(hook: Hook) -> Hook:
    """*hook*, remembering the value it reads from each text (most recently used first).

    Only for immutable results (dates, datetimes, durations, times): a document repeats them
    (sessions start at 09:00 on the same days, modules last three hours), so one object serves
    every place that holds the same text. Errors are not remembered; a value that is not a
    string goes straight to *hook*. A pure memo of a pure function, bounded in size.
    """
    cached = functools.lru_cache(maxsize=_MEMO_SIZE)(lambda text: hook(text, None))

    def structure(value: object, type_: object) -> Any:
        if type(value) is str:
            return cached(value)
        return hook(value, type_)

    return structure


def make_converter(*, toml: bool = False, specialised: bool = True) -> cattrs.Converter:
    """Build the library's strict converter (never cattrs' global one).

    Args:
        toml: Build the converter for TOML, which has no null. Writing, it leaves out fields
            that hold their default and optional fields without a default that hold ``None``,
            and writes any other ``None`` of an optional scalar type as the empty array ``[]``
            (see :func:`_empty_array_stands_for_null`); reading, it takes ``[]`` there as
            ``None``.
        specialised: Unstructure attrs classes with the functions of
            :mod:`ledarutveckling._unstructure` (the leaves inline) rather than cattrs' own;
            both give the same data (without *toml* only; with it, cattrs' are used).

    Returns:
        A converter whose structure hooks raise only :class:`ValidationError`.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # A hook for int (or str) also catches IntEnum and (str, Enum) classes: they go to enums.
    converter.register_structure_hook(str, _enums_apart(_structure_str))
    converter.register_structure_hook(int, _enums_apart(_structure_int))
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _enums_apart(_structure_float))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook_func(_exactly(_NONE_TYPE, None), _structure_none)
    # A field typed object or Any (Problem.value) holds the value as the document gives it.
    converter.register_structure_hook_func(_exactly(object, Any), _structure_as_given)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook_func(
        _exactly(pendulum.Date, dt.date), _memoised(_structure_date)
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.DateTime, dt.datetime), _memoised(_structure_datetime)
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.Time, dt.time), _memoised(_structure_time)
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.Duration, dt.timedelta), _memoised(_structure_duration)
    )
    converter.register_unstructure_hook_func(
        _subclass_of(dt.date, not_of=dt.datetime), _unstructure_date
    )
    converter.register_unstructure_hook_func(_subclass_of(dt.datetime), _unstructure_datetime)
    converter.register_unstructure_hook_func(_subclass_of(dt.time), _unstructure_time)
    converter.register_unstructure_hook_func(_subclass_of(dt.timedelta), _unstructure_duration)
    converter.register_structure_hook_factory(_subclass_of(enum.Enum), _enum_hook)
    converter.register_structure_hook_factory(lambda t: _origin(t) is typing.Literal, _literal_hook)
    _add_container_hooks(converter, toml=toml)
    _add_protocol_hooks(converter)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t), lambda cls: _attrs_hook(converter, cls)
    )
    converter.register_unstructure_hook_factory(_plain_enum, lambda _: _unstructure_enum)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t),
        _attrs_unstructure_factory(converter, omit_defaults=toml, specialised=specialised),
    )
    return converter


# -- documents: kinds, versions, migrations -------------------------------------------------


@attrs.frozen(kw_only=True)
class DocumentKind:
    """One kind of top-level document, e.g. ``program``, and how to read its versions.

    Attributes:
        name: The value of the header's ``document`` key, e.g. ``"program"``.
        cls: The class a document of this kind holds.
        version: The schema version this release writes (and the newest it reads).
        migrations: ``{from_version: function}``; each function turns a document body (the
            fields, without the header) of ``from_version`` into one of ``from_version + 1``.
        check: The rules across objects that the class's constructor leaves for later (a
            function raising :class:`ValidationError`, e.g. ``AgreementLedger.check``); run
            when a document is read unless the caller passes ``check=False``.
    """

    name: str
    cls: type
    version: int = 1
    migrations: Mapping[int, Migration] = attrs.field(factory=dict)
    check: Callable[[Any], None] | None = None

    def __attrs_post_init__(self) -> None:
        clash = sorted(_HEADER & {a.name for a in attrs.fields(self.cls)})
        if clash:
            raise ValidationError.single(
                "cls",
                self.cls.__name__,
                f"has a field named {clash[0]!r}, which a document's header uses",
            )


@attrs.frozen
class Registry:
    """The document kinds one can read and write, by name and by class."""

    kinds: tuple[DocumentKind, ...]

    def by_name(self, name: str) -> DocumentKind | None:
        """The kind called *name*, if any."""
        for kind in self.kinds:
            if kind.name == name:
                return kind
        return None

    def by_class(self, cls: type) -> DocumentKind | None:
        """The kind that holds *cls*, if any."""
        for kind in self.kinds:
            if kind.cls is cls:
                return kind
        return None


REGISTRY: Final = Registry(
    (
        DocumentKind(name="agreement", cls=FrameworkAgreement, version=1),
        DocumentKind(name="call_off", cls=CallOff, version=1),
        DocumentKind(name="catalogue", cls=Catalogue, version=1),
        DocumentKind(name="evaluation", cls=Evaluation, version=1),
        DocumentKind(name="ledger", cls=AgreementLedger, version=1, check=AgreementLedger.check),
        DocumentKind(name="program", cls=Program, version=1),
    )
)
"""The document kinds of this release and their schema versions."""

CONVERTER: Final = make_converter()
TOML_CONVERTER: Final = make_converter(toml=True)
JSON_FUNCTIONS: Final = JsonFunctions(CONVERTER, _INLINE)
"""The lazy functions that write JSON documents (:func:`json_document`) without a plain tree."""


def structure(data: object, cls: type[T], converter: cattrs.Converter = CONVERTER) -> T:
    """Structure *data* as *cls*; raise only ValidationError for bad data."""
    try:
        return converter.structure(data, cls)
    except ValidationError:
        raise
    except BaseValidationError as group:  # pragma: no cover - every hook here raises our error
        raise ValidationError(_group_problems(group, {}, cls)) from None


def envelope(
    obj: object, converter: cattrs.Converter = CONVERTER, registry: Registry = REGISTRY
) -> Any:
    """Unstructure *obj*; put the document header in front when its class is a document kind."""
    data = converter.unstructure(obj)
    kind = registry.by_class(type(obj))
    if kind is None:
        return data
    return {DOCUMENT_KEY: kind.name, VERSION_KEY: kind.version, **data}


def _header_problem(path: str, value: object, message: str) -> ValidationError:
    return ValidationError.single(path, value, message)


def open_document(
    data: object,
    cls: type[T] | None,
    registry: Registry = REGISTRY,
    *,
    check: bool = True,
    converter: cattrs.Converter = CONVERTER,
) -> T:
    """Check a document's header, migrate its body to the current version and structure it.

    With *check*, the kind's deferred cross-object rules run on the result too. *converter* is
    :data:`TOML_CONVERTER` for a TOML document.
    """
    kind = registry.by_class(cls) if cls is not None else None
    if cls is not None and kind is None:
        return structure(data, cls, converter)  # a plain value: no header
    if not isinstance(data, Mapping):
        raise _wrong_type(
            data, "a document: an object starting with 'document' and 'schema_version'"
        )
    known = ", ".join(repr(k.name) for k in registry.kinds)
    name = data.get(DOCUMENT_KEY, MISSING)
    if kind is None:
        if name is MISSING:
            raise _header_problem(
                DOCUMENT_KEY, MISSING, f"is required: it names the document's kind ({known})"
            )
        found = registry.by_name(name) if isinstance(name, str) else None
        if found is None:
            message = f"must be one of {known}"
            near = (
                _suggestion(name, [k.name for k in registry.kinds])
                if isinstance(name, str)
                else None
            )
            if near is not None:
                message += f"; did you mean {near!r}?"
            raise _header_problem(DOCUMENT_KEY, name, message)
        kind = found
    elif name != kind.name:
        message = (
            f"must be {kind.name!r} to be read as a {kind.cls.__name__}"
            if name is not MISSING
            else f"is required: a {kind.name} document starts with "
            f"document = {kind.name!r} and schema_version = {kind.version}"
        )
        raise _header_problem(DOCUMENT_KEY, name, message)
    version = data.get(VERSION_KEY, MISSING)
    if type(version) is not int:
        message = (
            f"is required: the {kind.name} document must say which schema version it follows "
            f"(this release writes {kind.version})"
            if version is MISSING
            else f"must be an integer such as {kind.version}, not {_describe(version)}"
        )
        raise _header_problem(VERSION_KEY, version, message)
    if version > kind.version:
        raise _header_problem(
            VERSION_KEY,
            version,
            f"this {kind.name} document was written with schema version {version}, newer than "
            f"version {kind.version} that this release of ledarutveckling reads; "
            "upgrade ledarutveckling",
        )
    if version < 1:
        raise _header_problem(
            VERSION_KEY,
            version,
            f"schema version {version} does not exist; {kind.name} documents have versions "
            f"1 to {kind.version}",
        )
    body = {key: value for key, value in data.items() if key not in _HEADER}
    body = _migrate(kind, version, body)
    value: Any = structure(body, kind.cls, converter)
    if check and kind.check is not None:
        try:
            kind.check(value)
        except ValidationError:
            raise
        except Exception as error:  # a rule that fails on data it did not expect
            raise ValidationError.single("", MISSING, f"{type(error).__name__}: {error}") from None
    return typing.cast(T, value)


def _migrate(kind: DocumentKind, version: int, body: dict[str, Any]) -> dict[str, Any]:
    while version < kind.version:
        step = kind.migrations.get(version)
        if step is None:
            raise _header_problem(
                VERSION_KEY,
                version,
                f"no migration of {kind.name} documents from schema version {version} to "
                f"{version + 1}; this release reads version {kind.version}",
            )
        try:
            body = step(body)
        except ValidationError:
            raise
        except Exception as error:  # a migration meeting a malformed old document
            raise _header_problem(
                "",
                MISSING,
                f"could not be migrated from schema version {version} to {version + 1}: "
                f"{type(error).__name__}: {error}",
            ) from None
        version += 1
    return body


# -- text formats -------------------------------------------------------------------------------


def _pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:  # pragma: no branch - a duplicate is there
            if key in seen:
                raise ValidationError.single(
                    "", key, "an object holds the same key twice; each key may appear once"
                )
            seen.add(key)
    return result


def _refuse_constant(name: str) -> object:
    raise ValidationError.single("", name, "is not JSON: numbers must be finite")


def parse_json(text: object) -> Any:
    """Parse JSON text strictly: no NaN or Infinity, no duplicate keys."""
    if not isinstance(text, str | bytes | bytearray):
        raise _wrong_type(text, "JSON text (str or bytes)")
    try:
        return json.loads(text, object_pairs_hook=_pairs_to_dict, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        excerpt = error.doc[error.pos : error.pos + 20]
        raise ValidationError.single(
            "",
            excerpt,
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
        ) from None
    except RecursionError:
        raise ValidationError.single("", MISSING, "is nested too deeply to be read") from None
    except ValidationError:
        raise
    except ValueError as error:  # bad UTF-8, an integer of more than 4300 digits
        raise ValidationError.single("", MISSING, f"is not valid JSON: {error}") from None


@functools.cache
def _orjson() -> types.ModuleType | None:
    """The orjson module when it is installed (the ``fast`` extra), imported on first use."""
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


_PLAIN_LEAVES: Final[tuple[type, ...]] = (
    bool,
    _NONE_TYPE,
    Decimal,
    dt.date,
    dt.datetime,
    dt.time,
    dt.timedelta,
)
"""Types that unstructure to a string, an integer, a boolean or null (with str and int)."""


def float_free(type_: Any, _seen: frozenset[Any] = frozenset()) -> bool:
    """Whether no value of *type_* holds a float (or a value of any type) once unstructured.

    Such data writes the same with orjson as with the json module; a float may not (orjson
    writes ``1e16`` and ``null`` for NaN where json writes ``1e+16`` and ``NaN``).
    """
    if type_ in _seen:
        return True
    seen = _seen | {type_}
    for implementation_of, implementation in _IMPLEMENTATIONS:
        if type_ is implementation_of:
            return float_free(implementation, seen)
    if isinstance(type_, type):
        if type_ is str or type_ is int or issubclass(type_, _PLAIN_LEAVES):
            return True
        if issubclass(type_, enum.Enum):
            return all(type(m.value) in (str, int, bool) for m in type_)
        if attrs.has(type_):
            attrs.resolve_types(type_)
            return all(float_free(a.type, seen) for a in attrs.fields(type_))
        return False
    args = typing.get_args(type_)
    if _origin(type_) is typing.Literal:
        return all(type(arg) in (str, int, bool) for arg in args)
    if _is_union(type_) or _is_homogeneous_sequence(type_) or _is_fixed_tuple(type_):
        return bool(args) and all(arg is Ellipsis or float_free(arg, seen) for arg in args)
    if _is_set(type_) or _is_mapping(type_):
        return bool(args) and all(float_free(arg, seen) for arg in args)
    return False


_float_free_cached: Final = functools.lru_cache(maxsize=256)(float_free)


def write_json(
    data: Any,
    *,
    indent: int | None = 2,
    of: Any = None,
    default: Callable[[Any], Any] | None = None,
    orjson: bool = True,
) -> str:
    """Write plain data as JSON, keeping non-ASCII letters (å, ä, ö) as they are.

    With orjson installed (the ``fast`` extra), *orjson* true and *of*, the type the data was
    unstructured from, holding no float, orjson writes it: the same text, several times faster.
    Anything orjson refuses (an integer of more than 64 bits, a lone surrogate) goes to the json
    module. Both call *default* for an object they cannot write (as :func:`json.dumps` does).
    """
    if orjson and of is not None and indent in (None, 2) and _float_free_cached(of):
        fast = _orjson()
        if fast is not None:
            try:
                written: bytes = fast.dumps(
                    data, default=default, option=fast.OPT_INDENT_2 if indent else 0
                )
            except TypeError:  # orjson.JSONEncodeError: write it with the json module below
                pass
            else:
                return written.decode()
    separators = None if indent is not None else (",", ":")
    try:
        return json.dumps(
            data, ensure_ascii=False, indent=indent, separators=separators, default=default
        )
    except (TypeError, ValueError) as error:  # not plain data, a reference cycle, 4301 digits
        raise _unwritable(data, "JSON", error, default) from None


_PLAIN: Final = (str, int, float, bool, type(None))


def _find_unplain(
    data: Any, path: str = "", depth: int = 0, default: Callable[[Any], Any] | None = None
) -> tuple[str, Any] | None:
    """The path and value of the first item of *data* that is not plain data, if any.

    An item *default* writes (an attrs object a lazy function left to the encoder) is looked
    into as written.
    """
    if isinstance(data, _PLAIN):
        return None
    if default is not None and not isinstance(data, list | dict):
        try:
            data = default(data)
        except TypeError:
            return path, data
    if depth < 100:
        if isinstance(data, list):
            for index, item in enumerate(data):
                found = _find_unplain(item, f"{path}[{index}]", depth + 1, default)
                if found is not None:
                    return found
            return None
        if isinstance(data, dict) and all(type(key) is str for key in data):
            for key, item in data.items():
                found = _find_unplain(item, join_path(path, key_path(key)), depth + 1, default)
                if found is not None:
                    return found
            return None
    return path, data


def _unwritable(
    data: Any, form: str, error: Exception, default: Callable[[Any], Any] | None = None
) -> ValidationError:
    """The error for *data* that the *form* writer refused with *error*."""
    found = _find_unplain(data, default=default)
    if found is None:  # plain, but refused: an integer of more than 4300 digits
        return ValidationError.single("", MISSING, f"cannot be written to {form}: {error}")
    path, value = found
    return ValidationError.single(
        path,
        value,
        f"cannot be written to {form}: only text, numbers, booleans, null, lists and objects "
        "with text keys can (a field typed object holds plain data)",
    )


def json_document(
    obj: object, *, indent: int | None = 2, registry: Registry = REGISTRY, orjson: bool = True
) -> str:
    """Write *obj* as a JSON document: the text of :func:`envelope`'s data, written lazily.

    An attrs object is written by its :class:`~ledarutveckling._unstructure.JsonFunctions`
    function, which leaves long sequences of nested objects to the encoder (the whole tree of
    plain data is never built); any other value is unstructured first. *orjson* false writes
    with the json module alone.
    """
    cls = type(obj)
    data = JSON_FUNCTIONS.function(cls)(obj) if attrs.has(cls) else CONVERTER.unstructure(obj)
    kind = registry.by_class(cls)
    if kind is not None:
        data = {DOCUMENT_KEY: kind.name, VERSION_KEY: kind.version, **data}
    return write_json(data, indent=indent, of=cls, default=JSON_FUNCTIONS.default, orjson=orjson)


def _plain_toml(value: Any) -> Any:
    """Turn TOML's own date and time values into the strings a document uses."""
    if isinstance(value, dict):
        return {key: _plain_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_toml(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _tomllib() -> types.ModuleType:
    import tomllib  # on first use: reading TOML is rarer than importing the library

    return tomllib


def parse_toml(text: object) -> Any:
    """Parse TOML text; TOML dates and times become ISO strings."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError.single("", MISSING, f"is not UTF-8 text: {error}") from None
    if not isinstance(text, str):
        raise _wrong_type(text, "TOML text (str or bytes)")
    try:
        return _plain_toml(_tomllib().loads(text))
    except ValueError as error:  # TOMLDecodeError, an integer of more than 4300 digits
        raise ValidationError.single("", MISSING, f"is not valid TOML: {error}") from None
    except RecursionError:  # pragma: no cover - tomllib limits nesting itself on 3.12+
        raise ValidationError.single("", MISSING, "is nested too deeply to be read") from None


def _find_none(data: Any, path: str = "") -> str | None:
    if data is None:
        return path
    if isinstance(data, dict):
        for key, item in data.items():
            found = _find_none(item, join_path(path, key_path(key)))
            if found is not None:
                return found
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found = _find_none(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def write_toml(data: Any) -> str:
    """Write plain data as TOML; refuse what TOML cannot hold (a null, a non-table top level)."""
    if not isinstance(data, dict):
        raise _wrong_type(data, "an object to be written as TOML (TOML's top level is a table)")
    where = _find_none(data)
    if where is not None:
        raise ValidationError.single(
            where,
            None,
            "cannot be written to TOML, which has no null; an optional field of a class is left "
            "out and an optional text, number or date is written as [], but this type has no "
            "such stand-in (JSON can hold it)",
        )
    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError) as error:  # not plain data, a reference cycle, 4301 digits
        raise _unwritable(data, "TOML", error) from None


def suffix_of(path: Path) -> str:
    """The format of a file from its name: ``"json"`` or ``"toml"``."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise ValidationError.single(
            "path", str(path), "must end in .json or .toml (the format is chosen by the suffix)"
        )
    return suffix[1:]
