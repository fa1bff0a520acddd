"""Sessions (träffar): placing a cohort's modules on working days.

Finding conflicts between sessions is :mod:`ledarutveckling._scheduling.conflicts`.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final, cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange, in_zone, instant, to_date
from ledarutveckling._base.i18n import DEFAULT_LOCALE
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._procurement.offerings import DeliveryFormat, Module, Program
from ledarutveckling._scheduling.calendar import LAST_YEAR, WorkingCalendar, covered_day
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import STOCKHOLM, format_datetime

__all__ = [
    "Session",
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
        return in_zone(value, STOCKHOLM)
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
        if not checks.name(f"{path}[{index}]", name):
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
            checks.name("room", self.room)
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
    elif start_time.microsecond:  # an invitation (iCalendar) has no fractions: it would differ
        checks.add(
            "start_time",
            start_time.isoformat(),
            "must be whole seconds, e.g. 09:00",
            ProblemCode.TIME_FRACTION,
            given=start_time.isoformat(),
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
        checks.name("room", room)
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
            than a module's gap, a session that would end after midnight (a self-paced
            module's hours of self-study may run past it: it is a to-do, not a meeting), the
            program's ``max_span_days``, or no working day left before the end of 2100.

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
        if end.date() != day and module.format.is_scheduled:  # self-study has no end of day
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
