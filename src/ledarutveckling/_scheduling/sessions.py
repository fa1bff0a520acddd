"""Sessions (träffar): placing a cohort's modules on working days, and finding conflicts.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
import sys
from calendar import timegm
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from typing import Final, TypeAlias, cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange, instant, to_date
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Language, Words, language
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._procurement.offerings import DeliveryFormat, Module, Program
from ledarutveckling._scheduling.calendar import LAST_YEAR, WorkingCalendar, covered_day
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import STOCKHOLM, format_datetime

__all__ = [
    "Conflict",
    "ConflictKind",
    "Session",
    "count_conflicts",
    "find_conflicts",
    "schedule_cohort",
]


_UID_NAMESPACE: Final = "5d0b1f4e-9a53-5c1e-8a57-6c6564617275"
"""Namespace of the sessions' UUID-5 UIDs; never change it, or every exported UID changes."""


_UID_DOMAIN: Final = "ledarutveckling"


def _in_stockholm(value: dt.datetime) -> pendulum.DateTime:
    """Attrs converter: an aware datetime becomes a pendulum DateTime in Europe/Stockholm.

    The instant is kept (lossless); a naive datetime or anything else is left for the checks.
    """
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return pendulum.instance(value).in_tz(STOCKHOLM)
    return value  # type: ignore[return-value]  # refused by the checks


def _to_names(value: Iterable[str]) -> tuple[str, ...]:
    """Attrs converter: a list of names becomes a tuple (lossless); the rest is checked."""
    if isinstance(value, list):
        return tuple(value)
    return value  # type: ignore[return-value]  # a non-tuple is refused by the checks


def _check_names(checks: Checker, path: str, value: object) -> None:
    """A tuple of distinct, non-blank names; each duplicate is reported at its own index."""
    if not isinstance(value, tuple):
        checks.add(
            path, value, "must be a list of names", ProblemCode.MUST_BE, expected=Expected.TEXTS
        )
        return
    seen: set[str] = set()
    for index, name in enumerate(value):
        if not checks.text(f"{path}[{index}]", name):
            continue
        if name in seen:
            checks.add(
                f"{path}[{index}]",
                name,
                "duplicate facilitator; each must be unique",
                ProblemCode.DUPLICATE,
                given=name,
            )
        seen.add(name)


def _check_moment(checks: Checker, path: str, value: object) -> bool:
    if isinstance(value, pendulum.DateTime):
        return True
    if isinstance(value, dt.datetime):
        checks.add(
            path,
            value,
            "must be aware (have a time zone), e.g. "
            "pendulum.datetime(2027, 3, 2, 9, tz='Europe/Stockholm')",
            ProblemCode.NOT_AWARE,
        )
    else:
        checks.add(
            path,
            value,
            "must be a datetime, e.g. pendulum.datetime(2027, 3, 2, 9, tz=...)",
            ProblemCode.MUST_BE,
            expected=Expected.DATETIME,
        )
    return False


@attrs.frozen(kw_only=True)
class Session:
    r"""One dated meeting of a cohort for one module of a program (träff, tillfälle).

    Times are aware :class:`pendulum.DateTime`\ s in Europe/Stockholm: an aware datetime in
    another zone is converted to it (the same instant); a naive one is refused.

    Attributes:
        program: The program the module belongs to.
        module: The module, one of ``program.modules``.
        cohort: The cohort's label, e.g. ``"Grupp 1"`` (grupp, kohort).
        start: When the session starts.
        end: When it ends, after *start*.
        format: How this session is delivered (usually the module's format).
        facilitators: The names of the facilitators (utbildningsledare) who lead it.
        room: Where an in-person session is held, or ``None``.
        call_off: The reference of the call-off (avrop) the session is delivered under, or
            ``None``; :func:`~ledarutveckling.check_call_off_sessions` checks the sessions
            that name a call-off against it.
        line: The index of the call-off line the session draws on (``call_off.lines[line]``),
            or ``None``; needs *call_off*.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from ledarutveckling import DeliveryFormat, Module, Program, ProgramKind
        >>> from ledarutveckling import ServiceArea, TargetGroup
        >>> module = Module(code="M1", title="Att leda i förändring",
        ...                 duration=pendulum.duration(hours=3),
        ...                 format=DeliveryFormat.IN_PERSON)
        >>> program = Program(code="FOR", title="Förändringsledarskap",
        ...                   service_area=ServiceArea.LEADERSHIP,
        ...                   target_group=TargetGroup.MANAGERS,
        ...                   kind=ProgramKind.LONG_PROGRAM, modules=[module])
        >>> session = Session(program=program, module=module, cohort="Grupp 1",
        ...                   start=pendulum.datetime(2027, 3, 2, 8, tz="UTC"),
        ...                   end=pendulum.datetime(2027, 3, 2, 12, tz="Europe/Stockholm"),
        ...                   format=DeliveryFormat.IN_PERSON, room="Ekoln")
        >>> session.start
        DateTime(2027, 3, 2, 9, 0, 0, tzinfo=Timezone('Europe/Stockholm'))
        >>> session.name()
        'FOR Grupp 1 M1 (2 mars 2027 kl. 09:00)'
    """

    program: Program
    module: Module
    cohort: str
    start: pendulum.DateTime = attrs.field(converter=_in_stockholm, eq=instant)
    end: pendulum.DateTime = attrs.field(converter=_in_stockholm, eq=instant)
    format: DeliveryFormat
    facilitators: tuple[str, ...] = attrs.field(default=(), converter=_to_names)
    room: str | None = None
    call_off: str | None = None
    line: int | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        program_ok = checks.instance("program", self.program, Program, "a Program")
        module_ok = checks.instance("module", self.module, Module, "a Module")
        if program_ok and module_ok and self.module not in self.program.modules:
            codes = ", ".join(m.code for m in self.program.modules)
            checks.add(
                "module",
                self.module.code,
                f"must be one of the program's modules ({codes})",
                ProblemCode.MODULE_NOT_IN_PROGRAM,
                given=self.module.code,
                valid=[m.code for m in self.program.modules],
            )
        checks.text("cohort", self.cohort)
        start_ok = _check_moment(checks, "start", self.start)
        end_ok = _check_moment(checks, "end", self.end)
        # By the instant: two datetimes of one zone compare by wall clock, ignoring the fold.
        if start_ok and end_ok and self.end.timestamp() <= self.start.timestamp():
            checks.add(
                "end",
                self.end,
                f"must be after start ({self.start.isoformat()})",
                ProblemCode.END_BEFORE_START,
                end=self.end,
                start=self.start,
            )
        checks.member("format", self.format, DeliveryFormat)
        _check_names(checks, "facilitators", self.facilitators)
        if self.room is not None:
            checks.text("room", self.room)
        if self.call_off is not None:
            checks.text("call_off", self.call_off)
        line_ok = self.line is not None and checks.integer("line", self.line, minimum=0)
        if line_ok and self.call_off is None:
            checks.add(
                "line",
                self.line,
                "needs call_off: a line belongs to a call-off",
                ProblemCode.LINE_WITHOUT_CALL_OFF,
            )
        checks.done()

    @property
    def day(self) -> pendulum.Date:
        """The day the session starts, in Stockholm."""
        return self.start.date()

    @property
    def uid(self) -> str:
        """A stable identifier from the program's code, the cohort and the module's code.

        Moving a session keeps its UID, so a calendar that imports a changed plan updates the
        event instead of adding a second one (RFC 5545, 3.8.4.7 UID).

        The UID is a UUID-5 of the three, e.g. ``"1b4e…@ledarutveckling"``.
        """
        import uuid  # on first use: most programs that import the library never export a calendar

        key = "\x1f".join((self.program.code, self.cohort, self.module.code))
        return f"{uuid.uuid5(uuid.UUID(_UID_NAMESPACE), key)}@{_UID_DOMAIN}"

    def name(self, locale: str = DEFAULT_LOCALE) -> str:
        """A short name for messages: program code, cohort, module code, day and time."""
        when = format_datetime(self.start, style="long", locale=locale)
        return f"{self.program.code} {self.cohort} {self.module.code} ({when})"

    def title(self) -> str:
        """The calendar title: ``"Förändringsledarskap: Att leda i förändring (Grupp 1)"``."""
        return f"{self.program.title}: {self.module.title} ({self.cohort})"


def _check_schedule_arguments(
    program: object,
    cohort: object,
    first_day: object,
    calendar: object,
    start_time: object,
    weekday: object,
    every_weeks: object,
    facilitators: object,
    room: object,
) -> None:
    checks = Checker()
    checks.instance("program", program, Program, "a Program")
    checks.text("cohort", cohort)
    checks.run("first_day", lambda: covered_day(to_date(first_day, ""), ""))
    checks.instance("calendar", calendar, WorkingCalendar, "a WorkingCalendar")
    if not isinstance(start_time, dt.time):
        checks.add(
            "start_time",
            start_time,
            "must be a time of day, e.g. datetime.time(9, 0)",
            ProblemCode.MUST_BE,
            expected=Expected.WALL_TIME,
        )
    elif start_time.tzinfo is not None:
        checks.add(
            "start_time",
            start_time,
            "must be a wall-clock time without a zone; sessions are in Europe/Stockholm",
            ProblemCode.ZONE_NOT_ALLOWED,
        )
    if weekday is not None:
        checks.integer("weekday", weekday, minimum=0, maximum=4)
    if every_weeks is not None and checks.integer("every_weeks", every_weeks, minimum=1):
        assert isinstance(every_weeks, int)
        if isinstance(program, Program):
            for index, module in enumerate(program.modules[1:], start=1):
                if module.min_days_after_previous > 7 * every_weeks:
                    checks.add(
                        "every_weeks",
                        every_weeks,
                        f"is shorter than modules[{index}].min_days_after_previous "
                        f"({module.min_days_after_previous} days)",
                        ProblemCode.EVERY_WEEKS_TOO_SHORT,
                        given=pendulum.duration(weeks=every_weeks),
                        days=pendulum.duration(days=module.min_days_after_previous),
                        module=module.code,
                    )
    _check_names(checks, "facilitators", facilitators)
    if room is not None:
        checks.text("room", room)
    checks.done()


def _place(
    calendar: WorkingCalendar, earliest: pendulum.Date, weekday: int | None
) -> pendulum.Date:
    """The first working day on or after *earliest*, preferring *weekday*.

    With a weekday, the first such weekday on or after *earliest* is taken if it is a working
    day; otherwise the first working day after it in the same week, otherwise the next week's.
    """
    if weekday is None:
        return calendar.add_working_days(earliest, 0)
    day = earliest.add(days=(weekday - earliest.weekday()) % 7)
    while True:
        candidate = day
        while candidate.weekday() < 5:
            if calendar.is_working_day(candidate):
                return candidate
            candidate = candidate.add(days=1)
        day = day.add(weeks=1)


def schedule_cohort(
    program: Program,
    cohort: str,
    first_day: dt.date,
    calendar: WorkingCalendar,
    start_time: dt.time,
    *,
    weekday: int | None = None,
    every_weeks: int | None = None,
    facilitators: Iterable[str] = (),
    room: str | None = None,
    call_off: str | None = None,
    lines: Mapping[str, int] | None = None,
) -> tuple[Session, ...]:
    """Place a cohort's modules, in the program's order, on working days.

    The rules, in the order they are applied:

    * One session per module, each on its own working day of *calendar*, starting at
      *start_time* (wall-clock time in Europe/Stockholm, the same in winter and summer time)
      and lasting the module's duration; a session must end on the day it starts.
    * The first module is on the first suitable day on or after *first_day*.
    * Each later module is at least ``min_days_after_previous`` calendar days, and at least one
      day, after the previous one (the scheduler never puts two modules on one day).
    * *weekday* (0 Monday to 4 Friday) is preferred: the first such weekday that is late
      enough is taken if it is a working day, otherwise the next working day in that week,
      otherwise the next week's.
    * *every_weeks* sets a cadence: each module goes in the week *every_weeks* weeks after the
      previous module's week, on *weekday* (or, without one, the first module's weekday). A
      blackout or holiday that pushes a session later moves the rhythm with it.
    * The program's ``max_span_days`` must hold from the first session's day to the last's.

    Facilitators are named on every session except self-paced ones (självstudier); the room
    only on in-person sessions.

    Args:
        program: The program.
        cohort: The cohort's label, e.g. ``"Grupp 1"``.
        first_day: The earliest day the first module can be held.
        calendar: The working calendar (holidays, blackouts, days off).
        start_time: When every session starts, e.g. ``datetime.time(9, 0)``, without a zone.
        weekday: The preferred weekday, 0 (Monday) to 4 (Friday), or ``None``.
        every_weeks: The cadence in weeks (3: every third week), or ``None``.
        facilitators: The facilitators' names.
        room: Where in-person sessions are held.
        call_off: The reference of the call-off the sessions are delivered under, or ``None``.
        lines: The call-off line each module's session draws on, by module code (a module
            left out names no line); needs *call_off*.

    Returns:
        The sessions, one per module, in the program's order.

    Raises:
        ValidationError: For bad arguments, or when a rule cannot be met: *every_weeks* shorter
            than a module's gap, a session that would end after midnight, the program's
            ``max_span_days``, or no working day left before the end of 2100.

    Examples:
        >>> from ledarutveckling import DeliveryFormat, Module, Program, ProgramKind
        >>> from ledarutveckling import ServiceArea, TargetGroup, WorkingCalendar
        >>> hours = pendulum.duration(hours=3)
        >>> program = Program(
        ...     code="FOR", title="Förändringsledarskap", service_area=ServiceArea.LEADERSHIP,
        ...     target_group=TargetGroup.MANAGERS, kind=ProgramKind.LONG_PROGRAM,
        ...     modules=[Module(code=f"M{i}", title=f"Modul {i}", duration=hours,
        ...                     format=DeliveryFormat.IN_PERSON, min_days_after_previous=14)
        ...              for i in (1, 2, 3)])
        >>> sessions = schedule_cohort(program, "Grupp 1", pendulum.date(2027, 3, 1),
        ...                            WorkingCalendar.sweden(), dt.time(9, 0), weekday=1)
        >>> [s.start.isoformat() for s in sessions]
        ['2027-03-02T09:00:00+01:00', '2027-03-16T09:00:00+01:00', '2027-03-30T09:00:00+02:00']
    """
    people: object = tuple(facilitators) if _iterable(facilitators) else facilitators
    _check_schedule_arguments(
        program,
        cohort,
        first_day,
        calendar,
        start_time,
        weekday,
        every_weeks,
        people,
        room,
    )
    if lines is not None and not isinstance(lines, Mapping):
        raise ValidationError.single(
            "lines",
            lines,
            "must map module codes to call-off line indexes, e.g. {'M1': 0}",
            ProblemCode.WRONG_TYPE,
        )
    start_day = to_date(first_day, "first_day")
    days: list[pendulum.Date] = []
    preferred = weekday
    try:
        for index, module in enumerate(program.modules):  # noqa: B007 (index in the error)
            if not days:
                earliest = start_day
            else:
                previous = days[-1]
                earliest = previous.add(days=max(1, module.min_days_after_previous))
                if every_weeks is not None:
                    monday = previous.subtract(days=previous.weekday())
                    earliest = max(earliest, monday.add(weeks=every_weeks))
            day = _place(calendar, earliest, preferred)
            if every_weeks is not None and preferred is None:
                preferred = day.weekday()
            days.append(day)
    except ValidationError:
        raise ValidationError.single(
            "calendar",
            calendar,
            f"has no working day for modules[{index}] ({module.code}) "
            f"before the end of {LAST_YEAR}",
            ProblemCode.NO_WORKING_DAY,
            module=module.code,
            last=str(LAST_YEAR),
        ) from None
    span = (days[-1] - days[0]).days
    if program.max_span_days is not None and span > program.max_span_days:
        raise ValidationError.single(
            "program.max_span_days",
            program.max_span_days,
            f"cannot be met: with this calendar the modules need {span} days, "
            f"from {days[0].isoformat()} to {days[-1].isoformat()}",
            ProblemCode.SPAN_NOT_MET,
            most=pendulum.duration(days=program.max_span_days),
            span=pendulum.duration(days=span),
            period=DateRange(start=days[0], end=days[-1]),
        )
    sessions = []
    for index, (module, day) in enumerate(zip(program.modules, days, strict=True)):
        start = pendulum.datetime(
            day.year,
            day.month,
            day.day,
            start_time.hour,
            start_time.minute,
            start_time.second,
            tz=STOCKHOLM,
        )
        end = start + module.duration
        if end.date() != day:
            raise ValidationError.single(
                f"program.modules[{index}].duration",
                module.duration,
                f"does not fit between {start_time.isoformat()} and midnight; "
                "a session must end on the day it starts",
                ProblemCode.SESSION_PAST_MIDNIGHT,
                module=module.code,
                start=start_time.strftime("%H:%M"),
            )
        self_paced = not module.format.is_led
        sessions.append(
            Session(
                program=program,
                module=module,
                cohort=cohort,
                start=start,
                end=end,
                format=module.format,
                facilitators=() if self_paced else cast("tuple[str, ...]", people),
                room=room if module.format.needs_room else None,
                call_off=call_off,
                line=(lines or {}).get(module.code),
            )
        )
    return tuple(sessions)


def _iterable(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, str | bytes)


class ConflictKind(Labelled, enum.Enum):
    """What is wrong with a plan (see :func:`find_conflicts`).

    Examples:
        >>> ConflictKind.DAY_OFF.label()
        'ledig dag'
    """

    FACILITATOR = "facilitator"
    """A facilitator leads two sessions that overlap in time."""
    ROOM = "room"
    """One room is booked for two sessions that overlap in time."""
    DAY_OFF = "day_off"
    """A session falls on a day that is not a working day."""
    ORDER = "order"
    """A cohort's later module starts before an earlier module's session has ended."""
    TOO_CLOSE = "too_close"
    """A module comes fewer days after the previous one than its ``min_days_after_previous``."""

    def _labels(self) -> Words[ConflictKind]:
        return _KIND_LABELS


_KIND_LABELS: Final[Words[ConflictKind]] = Words(
    {
        ConflictKind.FACILITATOR: ("dubbelbokad utbildningsledare", "double-booked facilitator"),
        ConflictKind.ROOM: ("dubbelbokad lokal", "double-booked room"),
        ConflictKind.DAY_OFF: ("ledig dag", "day off"),
        ConflictKind.ORDER: ("moduler i fel ordning", "modules out of order"),
        ConflictKind.TOO_CLOSE: ("för tätt mellan moduler", "modules too close"),
    },
    keys=ConflictKind,
)


@attrs.frozen(kw_only=True)
class Conflict:
    """One problem in a plan, found by :func:`find_conflicts`.

    Attributes:
        kind: What kind of problem it is.
        sessions: The sessions involved: two for a clash, ordering or gap (the earlier module's
            first), one for a day off.
        message: A sentence naming every session involved, in the locale asked for.
    """

    kind: ConflictKind
    sessions: tuple[Session, ...]
    message: str

    def __str__(self) -> str:
        return self.message


_TEXTS: Final[Words[ConflictKind]] = Words(
    {
        ConflictKind.FACILITATOR: (
            "{subject} leder två träffar samtidigt: {first} och {second}",
            "{subject} leads two sessions at once: {first} and {second}",
        ),
        ConflictKind.ROOM: (
            "{subject} är bokad för två träffar samtidigt: {first} och {second}",
            "{subject} is booked for two sessions at once: {first} and {second}",
        ),
        ConflictKind.DAY_OFF: (
            "{first} ligger på en ledig dag: {subject}",
            "{first} falls on a day off: {subject}",
        ),
        ConflictKind.ORDER: (
            "{second} börjar innan {first}, som kommer före i programmet, är slut",
            "{second} starts before {first}, which comes earlier in the program, has ended",
        ),
        ConflictKind.TOO_CLOSE: (
            "{second} ligger {subject} efter {first}; modulen kräver minst {required}",
            "{second} is {subject} after {first}; the module requires at least {required}",
        ),
    },
    keys=ConflictKind,
)


# Keyed by plural category (CLDR's "one" and "other" are the only ones Swedish and English use).
_DAYS: Final[Words[str]] = Words(
    {"one": ("{n} dag", "{n} day"), "other": ("{n} dagar", "{n} days")}
)


def _days(count: int, lang: Language) -> str:
    return _DAYS.format("one" if count == 1 else "other", lang, n=count)


def find_conflicts(
    sessions: Iterable[Session],
    calendar: WorkingCalendar | None = None,
    *,
    locale: str = DEFAULT_LOCALE,
    limit: int | None = None,
) -> tuple[Conflict, ...]:
    """Every conflict in a plan, or the first *limit* of them, each naming the sessions involved.

    Finds:

    * a facilitator in two sessions that overlap in time (one conflict per facilitator);
    * a room in two overlapping sessions;
    * with a *calendar*, a session on a day that is not a working day (the reason is given);
    * within one program and cohort, a later module whose session starts before the earlier
      module's has ended, or that comes fewer calendar days after it than the modules'
      ``min_days_after_previous`` (summed over any module missing in between).

    Sessions that only touch (one ends at 12:00, the next starts at 12:00) do not overlap.

    The cost is that of sorting the sessions plus the conflicts returned (each found in about
    the log of the number of sessions): with a *limit*, the conflicts after the first *limit*
    are neither built nor worded, however many there are. :func:`count_conflicts` counts them
    all without building any, so "the first 50 and how many more" costs about what the
    sessions do, not what the conflicts do.

    Args:
        sessions: The plan, any number of programs and cohorts.
        calendar: The working calendar to check days against, or ``None`` to skip that check.
        locale: The language of the messages, Swedish by default.
        limit: At most this many conflicts, the first ones of the full result in its order;
            ``None`` (the default) for all of them.

    Returns:
        The conflicts ordered by kind (as :class:`ConflictKind` lists them), then by where
        their sessions are in *sessions*; empty when the plan has none. With a *limit*, the
        first *limit* of that tuple (all of it when it is shorter).

    Raises:
        ValidationError: If *sessions* holds something other than Session objects,
            *calendar* is not a WorkingCalendar, or *limit* is not a whole number of at
            least 0.

    Examples:
        >>> from ledarutveckling import DeliveryFormat, Module, Program, ProgramKind
        >>> from ledarutveckling import ServiceArea, TargetGroup, WorkingCalendar
        >>> module = Module(code="M1", title="Svåra samtal", format=DeliveryFormat.IN_PERSON,
        ...                 duration=pendulum.duration(hours=3))
        >>> program = Program(code="SVS", title="Svåra samtal", modules=[module],
        ...                   service_area=ServiceArea.LEADERSHIP,
        ...                   target_group=TargetGroup.MANAGERS,
        ...                   kind=ProgramKind.SHORT_INTERVENTION)
        >>> def session(cohort, hour):
        ...     start = pendulum.datetime(2027, 6, 25, hour, tz="Europe/Stockholm")
        ...     return Session(program=program, module=module, cohort=cohort, start=start,
        ...                    end=start.add(hours=3), format=module.format,
        ...                    facilitators=["Anna Berg"])
        >>> plan = [session("Grupp 1", 9), session("Grupp 2", 11)]
        >>> for c in find_conflicts(plan, WorkingCalendar.sweden()):
        ...     print(c)
        Anna Berg leder två träffar samtidigt: SVS Grupp 1 M1 (25 juni 2027 kl. 09:00) och SVS Grupp 2 M1 (25 juni 2027 kl. 11:00)
        SVS Grupp 1 M1 (25 juni 2027 kl. 09:00) ligger på en ledig dag: Midsommarafton
        SVS Grupp 2 M1 (25 juni 2027 kl. 11:00) ligger på en ledig dag: Midsommarafton

        The first conflict only, and how many there are in all:

        >>> [c.kind.label("en_GB") for c in find_conflicts(plan, WorkingCalendar.sweden(),
        ...                                                 limit=1)]
        ['double-booked facilitator']
        >>> count_conflicts(plan, WorkingCalendar.sweden())
        3
    """  # noqa: E501
    lang = language(locale)
    items = _checked(sessions, calendar, limit)
    names: dict[int, str] = {}  # each session's name, formatted once however many conflicts

    def name(index: int) -> str:
        if index not in names:
            names[index] = items[index].name(locale)
        return names[index]

    found = []
    stop = None if limit is None else min(limit, sys.maxsize)  # islice's most; never reached
    for kind, pair, detail in itertools.islice(_in_order(items, calendar), stop):
        if isinstance(detail, dt.date):  # a day off, found with the calendar
            assert calendar is not None
            subject, required = cast("str", calendar.day_off_reason(detail, locale)), ""
        elif isinstance(detail, tuple):  # TOO_CLOSE: the gap and the days required
            subject, required = _days(detail[0], lang), _days(detail[1], lang)
        else:  # the facilitator or room of a clash ("" when out of order)
            subject, required = detail, ""
        message = _TEXTS.format(
            kind,
            lang,
            subject=subject,
            first=name(pair[0]),
            second=name(pair[-1]),
            required=required,
        )
        found.append(Conflict(kind=kind, sessions=tuple(items[i] for i in pair), message=message))
    return tuple(found)


def count_conflicts(sessions: Iterable[Session], calendar: WorkingCalendar | None = None) -> int:
    """How many conflicts :func:`find_conflicts` finds in a plan, without building any.

    Counts the same conflicts (``count_conflicts(s, c) == len(find_conflicts(s, c))``) in a
    time linear in the sessions times the log of their number, whatever the count: 1,000
    cohorts booked into one room at once are 499,500 conflicts, counted without a message or
    an object for any of them. With ``find_conflicts(..., limit=n)`` it gives "the first *n*
    and how many more".

    Args:
        sessions: The plan, any number of programs and cohorts.
        calendar: The working calendar to check days against, or ``None`` to skip that check.

    Returns:
        The number of conflicts, 0 when the plan has none.

    Raises:
        ValidationError: As :func:`find_conflicts` does, for the same arguments.

    Examples:
        >>> from ledarutveckling.testing import make_session
        >>> crowd = [make_session(cohort=f"Grupp {n}", facilitators=[f"L{n}"], room="Ekoln")
        ...          for n in range(1000)]
        >>> count_conflicts(crowd)
        499500
        >>> shown = find_conflicts(crowd, limit=2)
        >>> [[s.cohort for s in c.sessions] for c in shown]
        [['Grupp 0', 'Grupp 1'], ['Grupp 0', 'Grupp 2']]
    """
    items = _checked(sessions, calendar)
    groups = _groups(items)
    starts, ends = _instants(items)
    total = 0
    for members in itertools.chain(*(each.values() for each in groups.values())):
        # Sorted by start, each session clashes with those after it that start before it ends.
        ordered = sorted(starts[i] for i in members)
        for position, i in enumerate(sorted(members, key=lambda i: (starts[i], i))):
            total += bisect.bisect_left(ordered, ends[i]) - position - 1
    if calendar is not None:
        for session in items:
            day = session.start.date()
            while day <= session.end.date():
                total += not calendar.is_working_day(day)
                day = day.add(days=1)
    return total + len(_order(items))


def _checked(
    sessions: Iterable[Session], calendar: WorkingCalendar | None, limit: int | None = None
) -> list[Session]:
    """The sessions as a list, once they, the calendar and the limit are checked."""
    checks = Checker()
    items = list(sessions) if _iterable(sessions) else None
    if items is None:
        checks.add(
            "sessions", sessions, "must be a list of Session objects", ProblemCode.NOT_A_LIST
        )
    else:
        for index, item in enumerate(items):
            checks.instance(f"sessions[{index}]", item, Session, "a Session")
    if calendar is not None and checks.instance(
        "calendar", calendar, WorkingCalendar, "a WorkingCalendar"
    ):
        for index, item in enumerate(items or ()):
            if isinstance(item, Session):
                for field in ("start", "end"):
                    day = getattr(item, field).date()
                    checks.run(f"sessions[{index}].{field}", partial(covered_day, day, ""))
    if limit is not None:
        checks.integer("limit", limit, minimum=0)
    checks.done()
    assert items is not None
    return items


_Detail: TypeAlias = str | dt.date | tuple[int, int]
"""What a conflict's message names besides its sessions: the facilitator or room, the day off,
or the gap and the days required between two modules."""

_GONE: Final = -(2**63)
"""The end of a session already swept, below every instant."""


def _instants(items: list[Session]) -> tuple[list[int], list[int]]:
    """The sessions' starts and ends as microseconds since 1970 (UTC): instants, fold counts."""

    def micros(moment: dt.datetime) -> int:
        utc = moment.astimezone(dt.UTC)
        return timegm(utc.utctimetuple()) * 1_000_000 + utc.microsecond

    return [micros(s.start) for s in items], [micros(s.end) for s in items]


def _groups(items: list[Session]) -> dict[ConflictKind, dict[str, list[int]]]:
    """The sessions of each facilitator and of each room, by their place in *items*."""
    people: dict[str, list[int]] = {}
    rooms: dict[str, list[int]] = {}
    for index, session in enumerate(items):
        for person in session.facilitators:
            people.setdefault(person, []).append(index)
        if session.room is not None:
            rooms.setdefault(session.room, []).append(index)
    return {ConflictKind.FACILITATOR: people, ConflictKind.ROOM: rooms}


def _in_order(
    items: list[Session], calendar: WorkingCalendar | None
) -> Iterator[tuple[ConflictKind, tuple[int, ...], _Detail]]:
    """Every conflict, lazily, in the order :func:`find_conflicts` returns them.

    Each is the kind, the places of its sessions in *items* and what its message names
    besides them. Apart from what is done first (sorting each facilitator's and each room's
    sessions, and each cohort's modules), nothing after the last one taken is looked at.
    """
    starts, ends = _instants(items)
    for kind, groups in _groups(items).items():
        yield from _clashes(items, kind, groups, starts, ends)
    if calendar is not None:
        for index, session in enumerate(items):
            day = session.start.date()
            while day <= session.end.date():
                if not calendar.is_working_day(day):
                    yield ConflictKind.DAY_OFF, (index,), day
                day = day.add(days=1)
    rank = {kind: number for number, kind in enumerate(ConflictKind)}
    for kind, earlier, later, gap, required in sorted(
        _order(items), key=lambda entry: (rank[entry[0]], entry[1], entry[2])
    ):
        yield kind, (earlier, later), (gap, required) if kind is ConflictKind.TOO_CLOSE else ""


def _clashes(
    items: list[Session],
    kind: ConflictKind,
    groups: dict[str, list[int]],
    starts: list[int],
    ends: list[int],
) -> Iterator[tuple[ConflictKind, tuple[int, ...], _Detail]]:
    """Facilitators (or rooms) in two overlapping sessions, by the first session's place.

    Each facilitator's (room's) sessions are sorted by start, with their ends in a
    :class:`_Ends` tree. The sessions are then taken in their order in *items*: each is struck
    from its trees, and those left in them that overlap it are its clashes, found in a time
    of about the log of their number each. So every session looked at is a clash reported
    (1,000 cohorts booked into one room at once: 499,500 clashes, and nothing else looked at),
    and the first few clashes cost the sorting and little more.
    """
    trees: dict[str, tuple[_Ends, dict[int, int], list[int]]] = {}
    for subject, members in groups.items():
        if len(members) > 1:
            members.sort(key=lambda i: (starts[i], i))
            trees[subject] = (
                _Ends([ends[i] for i in members]),
                {i: position for position, i in enumerate(members)},
                [starts[i] for i in members],
            )
    for first, session in enumerate(items):
        if kind is ConflictKind.FACILITATOR:
            subjects = session.facilitators
        else:
            subjects = () if session.room is None else (session.room,)
        found: list[tuple[int, int, str]] = []
        for tie, subject in enumerate(subjects):
            if subject not in trees:
                continue
            tree, positions, ordered = trees[subject]
            tree.strike(positions[first])
            # Those that start before this one ends and end after it starts; earlier ones in
            # *items* are struck, so each clash is found once, from its first session.
            stop = bisect.bisect_left(ordered, ends[first])
            members = groups[subject]
            found += [(members[at], tie, subject) for at in tree.after(stop, starts[first])]
        for second, _, subject in sorted(found):
            yield kind, (first, second), subject


class _Ends:
    """The ends of one facilitator's or room's sessions, sorted by start: a max segment tree.

    ``after(stop, moment)`` lists the sessions before *stop* that end after *moment*, in a
    time of about the log of their number each; a session struck out counts as ended before
    any moment, so it is never listed again.
    """

    def __init__(self, ends: list[int]) -> None:
        size = 1
        while size < len(ends):
            size *= 2
        tree = [_GONE] * (2 * size)
        tree[size : size + len(ends)] = ends
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._size = size
        self._tree = tree

    def strike(self, position: int) -> None:
        """Take the session at *position* out."""
        tree = self._tree
        node = position + self._size
        tree[node] = _GONE
        node //= 2
        while node:
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
            node //= 2

    def after(self, stop: int, moment: int) -> list[int]:
        """The positions before *stop* of the sessions left that end after *moment*."""
        tree = self._tree
        found = []
        pending = [(1, 0, self._size)]  # node, first position, positions under it
        while pending:
            node, low, width = pending.pop()
            if low >= stop or tree[node] <= moment:
                continue
            if width == 1:
                found.append(low)
                continue
            half = width // 2
            pending.append((2 * node + 1, low + half, half))
            pending.append((2 * node, low, half))
        return found


def _order(items: list[Session]) -> list[tuple[ConflictKind, int, int, int, int]]:
    """A cohort's modules out of order or too close together.

    Each is the kind, the places of the earlier and the later module's sessions, and the gap
    and the days required between them (both 0 when out of order).
    """
    found: list[tuple[ConflictKind, int, int, int, int]] = []
    groups: dict[tuple[Program, str], list[int]] = {}
    for index, session in enumerate(items):
        groups.setdefault((session.program, session.cohort), []).append(index)
    for members in groups.values():
        program = items[members[0]].program
        position = {module.code: n for n, module in enumerate(program.modules)}

        def rank(i: int) -> tuple[int, pendulum.DateTime, int]:
            return (position[items[i].module.code], items[i].start, i)  # noqa: B023

        ordered = sorted(members, key=rank)
        for earlier, later in itertools.pairwise(ordered):
            low, high = rank(earlier)[0], rank(later)[0]
            if low == high:
                continue
            if items[later].start < items[earlier].end:
                found.append((ConflictKind.ORDER, earlier, later, 0, 0))
                continue
            required = sum(m.min_days_after_previous for m in program.modules[low + 1 : high + 1])
            gap = (items[later].day - items[earlier].day).days
            if gap < required:
                found.append((ConflictKind.TOO_CLOSE, earlier, later, gap, required))
    return found
