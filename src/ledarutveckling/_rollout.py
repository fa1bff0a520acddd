r"""Rollout planning (utrullning): a program for thousands of participants in cohorts.

Public names are re-exported from :mod:`ledarutveckling.scheduling`.

When a whole administration goes through a program before a date (say, before it moves into
an activity-based office), every unit's staff is split into cohorts, and each cohort takes the
program's modules in order, in session slots on working days, led by facilitators and, in
person, in a room. :func:`plan_rollout` plans that, proves a lower bound on how early any
valid plan can end, and :func:`check_rollout` checks any plan against every rule.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Protocol, runtime_checkable

import attrs
import pendulum

from ledarutveckling import _rollout_solver as solver
from ledarutveckling._checks import Checker, as_tuple
from ledarutveckling._daterange import DateRange, to_date
from ledarutveckling._i18n import DEFAULT_LOCALE, language
from ledarutveckling._offerings import DeliveryFormat, Module, Program
from ledarutveckling.errors import Problem, ValidationError, join_path, key_path
from ledarutveckling.formatting import (
    STOCKHOLM,
    format_date,
    format_date_range,
    format_list,
    format_number,
)

__all__ = [
    "BindingResource",
    "Facilitator",
    "LowerBound",
    "RolloutPlan",
    "RolloutSession",
    "RolloutUnit",
    "Room",
    "SessionSlot",
    "WorkingDays",
    "check_rollout",
    "plan_rollout",
]


@runtime_checkable
class WorkingDays(Protocol):
    """What the planner needs of a calendar: whether a day is a working day.

    :class:`~ledarutveckling.scheduling.WorkingCalendar` is one.
    """

    def is_working_day(self, day: dt.date) -> bool:
        """Whether sessions may be held on *day*."""


# -- the inputs ------------------------------------------------------------------------------


def _to_deadlines(value: Mapping[str, dt.date]) -> dict[str, pendulum.Date]:
    """Attrs converter: a mapping becomes a plain dict (a copy); the checks do the rest."""
    if isinstance(value, Mapping):
        return dict(value)  # type: ignore[arg-type]  # the checks convert the dates
    return value


@attrs.frozen(kw_only=True)
class RolloutUnit:
    """One unit (förvaltning, avdelning) whose staff all take the program.

    Attributes:
        name: The unit's name, unique in a rollout, e.g. ``"Trafikkontoret"``.
        headcount: How many people take the program, at least 1.
        deadlines: For some module codes, the date every cohort of the unit must have held
            that module *before* (e.g. the unit's move date); a ``datetime.date`` is accepted.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> unit = RolloutUnit(name="Trafikkontoret", headcount=1180,
        ...                    deadlines={"M3": pendulum.date(2027, 6, 1)})
        >>> unit.deadlines
        {'M3': Date(2027, 6, 1)}
    """

    name: str
    headcount: int
    deadlines: dict[str, pendulum.Date] = attrs.field(
        factory=dict, converter=_to_deadlines, hash=False
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.integer("headcount", self.headcount, minimum=1)
        if isinstance(self.deadlines, dict):
            for code, day in list(self.deadlines.items()):
                if not isinstance(code, str):
                    checks.add("deadlines", code, "must have module codes (text) as keys")
                    continue
                try:
                    self.deadlines[code] = to_date(day, "")
                except ValidationError as error:
                    checks.extend(error, join_path("deadlines", key_path(code)))
        else:
            checks.add("deadlines", self.deadlines, "must be a mapping {module code: date}")
        checks.done()


def _to_absences(value: Sequence[DateRange]) -> tuple[DateRange, ...]:
    """Attrs converter: a list of absences becomes a tuple (lossless)."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class Facilitator:
    """A facilitator (utbildningsledare) who can lead sessions.

    Attributes:
        name: The facilitator's name, unique in a rollout.
        max_sessions_per_day: The most sessions they lead on one day, at least 1.
        max_sessions_per_week: The most sessions they lead in one ISO week (Monday to Sunday),
            at least 1.
        absences: Periods they cannot work (leave, other assignments), as DateRanges.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> Facilitator(name="Anna", absences=[DateRange.from_iso("2027-02-15", "2027-02-26")])
        Facilitator(name='Anna', max_sessions_per_day=2, max_sessions_per_week=7, \
absences=(DateRange(start=Date(2027, 2, 15), end=Date(2027, 2, 26)),))
    """

    name: str
    max_sessions_per_day: int = 2
    max_sessions_per_week: int = 7
    absences: tuple[DateRange, ...] = attrs.field(default=(), converter=_to_absences)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.integer("max_sessions_per_day", self.max_sessions_per_day, minimum=1)
        checks.integer("max_sessions_per_week", self.max_sessions_per_week, minimum=1)
        checks.items("absences", self.absences, DateRange, "DateRange objects")
        checks.done()

    def is_absent(self, day: dt.date) -> bool:
        """Whether *day* falls in one of the absences.

        Examples:
            >>> anna = Facilitator(name="Anna",
            ...                    absences=[DateRange.from_iso("2027-02-15", "2027-02-26")])
            >>> anna.is_absent(pendulum.date(2027, 2, 15))
            True
            >>> anna.is_absent(pendulum.date(2027, 3, 1))
            False
        """
        return any(day in period for period in self.absences)


@attrs.frozen(kw_only=True)
class Room:
    """A workshop room (lokal) for in-person sessions.

    Attributes:
        name: The room's name, unique in a rollout.
        capacity: The most participants it takes, at least 1.

    Examples:
        >>> Room(name="Ateljén", capacity=24).capacity
        24
    """

    name: str
    capacity: int

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.integer("capacity", self.capacity, minimum=1)
        checks.done()


def _check_wall_time(checks: Checker, path: str, value: object) -> None:
    if not isinstance(value, dt.time):
        checks.add(path, value, "must be a time of day, e.g. datetime.time(9, 0)")
    elif value.tzinfo is not None:
        checks.add(path, value, "must be a wall-clock time without a zone (Europe/Stockholm)")


@attrs.frozen(kw_only=True, order=True)
class SessionSlot:
    """A bookable slot of every working day, e.g. 09:00–12:00, in Stockholm wall-clock time.

    A session occupies one slot: it starts when the slot starts and must end by its end.

    Attributes:
        start: When the slot starts (a naive :class:`datetime.time`).
        end: When it ends, after *start*.

    Raises:
        ValidationError: If a time is missing a value, has a zone, or end is not after start.

    Examples:
        >>> morning = SessionSlot(start=dt.time(9), end=dt.time(12))
        >>> morning.length.in_hours()
        3
    """

    start: dt.time
    end: dt.time

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        _check_wall_time(checks, "start", self.start)
        _check_wall_time(checks, "end", self.end)
        if not checks.problems and self.end <= self.start:
            checks.add("end", self.end, f"must be after start ({self.start.isoformat()})")
        checks.done()

    @property
    def length(self) -> pendulum.Duration:
        """How long the slot is."""
        seconds = _seconds(self.end) - _seconds(self.start)
        return pendulum.duration(seconds=seconds)


def _seconds(moment: dt.time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


# -- the output ------------------------------------------------------------------------------


def _names(value: Sequence[str]) -> tuple[str, ...]:
    """Attrs converter: a list of names becomes a tuple (lossless)."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _session_tuple(value: Sequence[RolloutSession]) -> tuple[RolloutSession, ...]:
    """Attrs converter: a list of sessions becomes a tuple (lossless)."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class RolloutSession:
    """One dated session (träff): a cohort of a unit takes one module.

    Attributes:
        unit: The unit's name.
        cohort: The cohort's number within its unit, from 1.
        size: The cohort's participants.
        module: The module's code.
        start: When it starts (aware, Europe/Stockholm).
        end: When it ends.
        facilitators: The facilitators' names.
        room: The room's name, or ``None`` for a module not held in person.
    """

    unit: str
    cohort: int
    size: int
    module: str
    start: pendulum.DateTime
    end: pendulum.DateTime
    facilitators: tuple[str, ...] = attrs.field(converter=_names)
    room: str | None = None

    @property
    def date(self) -> pendulum.Date:
        """The day of the session, in Stockholm."""
        return pendulum.instance(self.start).in_tz(STOCKHOLM).date()


class BindingResource(enum.Enum):
    """Which resource a lower bound comes from.

    Examples:
        >>> BindingResource.ROOMS.label()
        'lokalerna'
    """

    FACILITATORS = "facilitators"
    """Utbildningsledarna: their sessions per day and week, and their absences."""
    ROOMS = "rooms"
    """Lokalerna: one in-person session per room and slot, for cohorts that fit."""
    CHAIN = "chain"
    """Modulernas ordning: the gaps between modules on the working days of the calendar."""

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The resource's name in *locale*."""
        swedish, english = _RESOURCE_LABELS[self]
        return swedish if language(locale) == "sv" else english


_RESOURCE_LABELS: Final = {
    BindingResource.FACILITATORS: ("utbildningsledarna", "the facilitators"),
    BindingResource.ROOMS: ("lokalerna", "the rooms"),
    BindingResource.CHAIN: ("modulernas ordning och mellanrum", "the modules' order and gaps"),
}


@attrs.frozen(kw_only=True)
class LowerBound:
    """A date no valid plan can end before, and why.

    Each resource gives its own bound; the plan's bound is the latest of them, or the
    bound from counting the whole plan at once (see *combined*) when that is later still.

    Attributes:
        date: No valid plan's last session is earlier than this day.
        resource: The resource whose bound is *date*.
        first_module: The first module of the run of modules whose demand binds.
        last_module: The last module of that run.
        demand: The sessions that must fit: facilitator-sessions (a session led by two
            facilitators counts twice) or in-person sessions; 0 for the chain.
        facilitators: How many facilitators share the work.
        rooms: How many rooms take the cohorts the bound counts.
        min_size: For rooms: the smallest cohort the bound counts.
        by_resource: Each resource's own bound, from the windows of modules it can serve
            (the whole-plan count is not among them).
        split: When the bound splits the cohorts by when they start: the first day of the
            later group (after a long break in the calendar, such as a summer blackout, or
            the first day of a week). Cohorts that start before it must end within the
            program's span, so the weeks before it cannot all serve cohorts that start
            after it, nor the weeks after it those that start before. ``None`` otherwise.
        combined: Whether the bound comes from counting the whole plan at once: every
            module's sessions in every slot, with the facilitators, the rooms, the gaps
            and the span together (a linear relaxation). It proves more than any one
            resource's window where they bind together; *resource* is then the rooms
            when more rooms would let the count end sooner, else the facilitators.
        whole_cohorts: Whether that count was made in whole cohorts (an integer program)
            rather than in fractions of them, which can prove a later day. The planner
            asks for it only when neither its first list schedule nor a quick search for
            whole counts finds a plan on the bound.
    """

    date: pendulum.Date
    resource: BindingResource
    first_module: str
    last_module: str
    demand: int
    facilitators: int
    rooms: int
    min_size: int
    by_resource: dict[BindingResource, pendulum.Date] = attrs.field(hash=False)
    split: pendulum.Date | None = None
    combined: bool = False
    whole_cohorts: bool = False

    def explain(self, locale: str = DEFAULT_LOCALE) -> str:
        """One line saying which resource binds and why, in *locale* (Swedish by default)."""
        swedish = language(locale) == "sv"
        when = format_date(self.date, locale=locale)
        modules = (
            self.first_module
            if self.first_module == self.last_module
            else f"{self.first_module}–{self.last_module}"
        )
        demand = format_number(self.demand, locale=locale)
        gaps = "modulernas mellanrum" if swedish else "the modules' gaps"
        if self.split is not None:
            after = format_date(self.split, locale=locale)
            gaps += (
                f" medräknade; kohorter som börjar före {after} måste bli klara inom "
                "programmets spann"
                if swedish
                else f" counted; cohorts that start before {after} must finish within the "
                "program's span"
            )
        else:
            gaps += " medräknade" if swedish else " counted"
        if self.combined:
            gaps += (
                "; hela planen räknad på en gång" if swedish else "; the whole plan counted at once"
            )
            if self.whole_cohorts:
                gaps += " i hela kohorter" if swedish else " in whole cohorts"
        if self.resource is BindingResource.FACILITATORS:
            if swedish:
                return (
                    f"Utbildningsledarna binder: {demand} ledarpass för {modules} ryms inte "
                    f"före {when} hos {self.facilitators} utbildningsledare "
                    f"(pass per dag och vecka, frånvaro och {gaps})."
                )
            return (
                f"The facilitators bind: {demand} facilitator-sessions for {modules} do not fit "
                f"before {when} with {_count(self.facilitators, 'facilitator', 'facilitators')} "
                f"(daily and weekly caps, absences and {gaps})."
            )
        if self.resource is BindingResource.ROOMS:
            if swedish:
                return (
                    f"Lokalerna binder: {demand} pass på plats för {modules} med kohorter om "
                    f"minst {self.min_size} deltagare ryms inte före {when} i "
                    f"{_count(self.rooms, 'lokal', 'lokaler')} "
                    f"(en träff per lokal och pass, {gaps})."
                )
            return (
                f"The rooms bind: {demand} in-person sessions for {modules} with cohorts of "
                f"{self.min_size} or more do not fit before {when} in "
                f"{_count(self.rooms, 'room', 'rooms')} "
                f"(one session per room and slot, {gaps})."
            )
        if swedish:
            return (
                f"Modulernas ordning binder: {modules} med sina mellanrum kan inte "
                f"genomföras på arbetsdagar före {when}."
            )
        return (
            f"The modules' order binds: {modules} with their gaps cannot be held on "
            f"working days before {when}."
        )


def _count(number: int, one: str, many: str) -> str:
    """``"1 lokal"``, ``"2 lokaler"``."""
    return f"{number} {one if number == 1 else many}"


def _sizes(headcount: int, cohort_size: tuple[int, int]) -> list[int] | None:
    """Balanced cohort sizes, as few cohorts as possible, or ``None`` if none fit the range."""
    smallest, largest = cohort_size
    count = math.ceil(headcount / largest)
    base, extra = divmod(headcount, count)
    if base < smallest:
        return None
    return [base + 1] * extra + [base] * (count - extra)


@attrs.frozen(kw_only=True)
class RolloutPlan:
    """A plan for a rollout: every session, the inputs it was made for, and its lower bound.

    Attributes:
        program: The program every cohort takes.
        units: The units.
        facilitators: The facilitators.
        rooms: The rooms.
        calendar: The working days.
        slots: The session slots of a working day, in order.
        start: The first day sessions may be held.
        cohort_size: The ``(min, max)`` cohort size used.
        sessions: The sessions, in order of start.
        bound: The lower bound on the end date, with its reason.
    """

    program: Program
    units: tuple[RolloutUnit, ...]
    facilitators: tuple[Facilitator, ...]
    rooms: tuple[Room, ...]
    calendar: WorkingDays = attrs.field(hash=False, eq=False)
    slots: tuple[SessionSlot, ...]
    start: pendulum.Date
    cohort_size: tuple[int, int]
    sessions: tuple[RolloutSession, ...] = attrs.field(converter=_session_tuple)
    bound: LowerBound

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if not checks.items("sessions", self.sessions, RolloutSession, "RolloutSession objects"):
            checks.add("sessions", self.sessions, "must hold at least one session")
        checks.done()

    def _repr_html_(self) -> str:
        """An HTML table of the plan, which Jupyter shows instead of the repr."""
        from ledarutveckling._html import plan_html

        return plan_html(self)

    @property
    def end_date(self) -> pendulum.Date:
        """The day of the last session."""
        return max(session.date for session in self.sessions)

    @property
    def lower_bound(self) -> pendulum.Date:
        """No valid plan ends before this day (see :attr:`bound` for why)."""
        return self.bound.date

    @property
    def participants(self) -> int:
        """Everybody who takes the program."""
        return sum(unit.headcount for unit in self.units)

    @property
    def cohort_count(self) -> int:
        """The number of cohorts, all units together."""
        return len({(s.unit, s.cohort) for s in self.sessions})

    @property
    def gap_working_days(self) -> int:
        """Working days from the lower bound to the end date (0: the plan is optimal)."""
        day = self.bound.date
        gap = 0
        while day < self.end_date:
            day = day.add(days=1)
            if self.calendar.is_working_day(day):
                gap += 1
        return gap

    @property
    def deadlines_met(self) -> dict[str, bool]:
        """For each unit's name: whether every cohort held every module before its deadline."""
        met = {unit.name: True for unit in self.units}
        deadlines = {unit.name: unit.deadlines for unit in self.units}
        for session in self.sessions:
            deadline = deadlines.get(session.unit, {}).get(session.module)
            if deadline is not None and session.date >= deadline:
                met[session.unit] = False
        return met

    def problems(self) -> tuple[Problem, ...]:
        """Every rule the plan breaks; see :func:`check_rollout`."""
        return check_rollout(self)

    def summary(self, locale: str = DEFAULT_LOCALE) -> str:
        """The plan for people, one line per unit, Swedish by default.

        Each unit's line gives its cohorts, its first and last session, and whether its
        deadlines are met.
        """
        swedish = language(locale) == "sv"
        lines = []
        people = format_number(self.participants, locale=locale)
        cohorts = format_number(self.cohort_count, locale=locale)
        sessions = format_number(len(self.sessions), locale=locale)
        end = format_date(self.end_date, locale=locale)
        bound = format_date(self.lower_bound, locale=locale)
        gap = self.gap_working_days
        if swedish:
            lines.append(
                f"{self.program.title}: {people} deltagare i {cohorts} kohorter, "
                f"{sessions} träffar."
            )
            after = "samma dag" if gap == 0 else f"{gap} arbetsdag{'ar' if gap > 1 else ''} efter"
            lines.append(f"Sista träffen {end}; undre gräns {bound} ({after}).")
        else:
            lines.append(
                f"{self.program.title}: {people} participants in {cohorts} cohorts, "
                f"{sessions} sessions."
            )
            after = (
                "the same day" if gap == 0 else f"{gap} working day{'s' if gap > 1 else ''} later"
            )
            lines.append(f"Last session {end}; lower bound {bound} ({after}).")
        lines.append(self.bound.explain(locale))
        met = self.deadlines_met
        for unit in self.units:
            own = [s for s in self.sessions if s.unit == unit.name]
            if not own:
                continue
            count = len({s.cohort for s in own})
            period = format_date_range(
                DateRange(start=min(s.date for s in own), end=max(s.date for s in own)),
                locale=locale,
            )
            lines.append(f"{unit.name}: {_unit_line(unit, count, period, met[unit.name], locale)}")
        return "\n".join(lines)


def _unit_line(unit: RolloutUnit, count: int, period: str, met: bool, locale: str) -> str:
    swedish = language(locale) == "sv"
    deadlines = format_list(
        [
            (f"{code} före " if swedish else f"{code} before ") + format_date(day, locale=locale)
            for code, day in sorted(unit.deadlines.items(), key=lambda item: item[1])
        ],
        locale=locale,
    )
    people = format_number(unit.headcount, locale=locale)
    if swedish:
        text = f"{count} {'kohort' if count == 1 else 'kohorter'} ({people} deltagare), {period}"
        if not unit.deadlines:
            return f"{text}; inget krav."
        return f"{text}; {deadlines}: {'uppfyllt' if met else 'EJ uppfyllt'}."
    text = f"{count} {'cohort' if count == 1 else 'cohorts'} ({people} participants), {period}"
    if not unit.deadlines:
        return f"{text}; no deadline."
    return f"{text}; {deadlines}: {'met' if met else 'NOT met'}."


# -- checking a plan -------------------------------------------------------------------------


def check_rollout(plan: RolloutPlan) -> tuple[Problem, ...]:
    """Every rule the plan's sessions break, checked independently of the planner.

    The rules:

    * every session names a unit and a module of the rollout, a cohort number from 1, and
      the size of that cohort; a unit's cohorts are as few as the cohort size range allows,
      balanced (sizes differ by at most one), within the range, and add up to its headcount;
    * every cohort holds every module exactly once, in order: each at least the module's
      ``min_days_after_previous`` calendar days after the previous one and starting after it
      ends, the last at most the program's ``max_span_days`` after the first, and each before
      its unit's deadline for it;
    * a session starts on a working day of the calendar, on or after the start, at the start
      of a slot, and lasts exactly its module's duration within that slot;
    * it has the module's number of distinct, known facilitators, none absent that day or
      in another session at the same time, none over their sessions per day or per ISO week;
    * an in-person session has one known room that takes the cohort and holds no other
      session at the same time.

    Returns:
        The problems, each with the path of the offending session (``sessions[12].room``) or
        unit (``units[2]``), the bad value and a message; empty for a valid plan.
    """
    checks = Checker()
    program = plan.program
    modules = {module.code: (index, module) for index, module in enumerate(program.modules)}
    units = {unit.name: (index, unit) for index, unit in enumerate(plan.units)}
    facilitators = {f.name: f for f in plan.facilitators}
    rooms = {room.name: room for room in plan.rooms}
    slots = {slot.start: slot for slot in plan.slots}
    by_cohort: dict[tuple[str, int], list[tuple[int, RolloutSession]]] = defaultdict(list)
    fac_days: dict[tuple[str, pendulum.Date], list[int]] = defaultdict(list)
    fac_weeks: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    fac_busy: dict[str, list[int]] = defaultdict(list)
    room_busy: dict[str, list[int]] = defaultdict(list)
    for index, session in enumerate(plan.sessions):
        path = f"sessions[{index}]"
        known_unit = session.unit in units
        if not known_unit:
            checks.add(f"{path}.unit", session.unit, "is not a unit of the rollout")
        entry = modules.get(session.module)
        if entry is None:
            checks.add(f"{path}.module", session.module, "is not a module of the program")
        if not _check_time(checks, plan, path, session, entry[1] if entry else None, slots):
            continue
        day = session.date
        for position, name in enumerate(session.facilitators):
            facilitator = facilitators.get(name)
            where = f"{path}.facilitators[{position}]"
            if facilitator is None:
                checks.add(where, name, "is not a facilitator of the rollout")
                continue
            if name in session.facilitators[:position]:
                checks.add(where, name, "is named twice; a session needs distinct facilitators")
                continue
            if facilitator.is_absent(day):
                checks.add(where, name, f"is absent on {day.isoformat()}")
            fac_days[(name, day)].append(index)
            iso = day.isocalendar()
            fac_weeks[(name, iso[0], iso[1])].append(index)
            fac_busy[name].append(index)
        if entry is not None:
            module = entry[1]
            if len(session.facilitators) != module.facilitators:
                checks.add(
                    f"{path}.facilitators",
                    session.facilitators,
                    f"must name {module.facilitators} facilitator(s) for {module.code}",
                )
            _check_room(checks, path, session, module, rooms, room_busy, index)
        if known_unit:
            by_cohort[(session.unit, session.cohort)].append((index, session))
    _check_overlaps(checks, plan, fac_busy, "facilitators", "facilitator")
    _check_overlaps(checks, plan, room_busy, "room", "room")
    for (name, day), indices in fac_days.items():
        cap = facilitators[name].max_sessions_per_day
        if len(indices) > cap:
            checks.add(
                f"sessions[{indices[cap]}].facilitators",
                name,
                f"leads {len(indices)} sessions on {day.isoformat()}; at most {cap} a day",
            )
    for (name, year, week), indices in fac_weeks.items():
        cap = facilitators[name].max_sessions_per_week
        if len(indices) > cap:
            checks.add(
                f"sessions[{indices[cap]}].facilitators",
                name,
                f"leads {len(indices)} sessions in week {week} of {year}; at most {cap} a week",
            )
    for index, unit in enumerate(plan.units):
        _check_cohorts(checks, plan, index, unit, by_cohort)
    return tuple(checks.problems)


def _check_time(
    checks: Checker,
    plan: RolloutPlan,
    path: str,
    session: RolloutSession,
    module: Module | None,
    slots: Mapping[dt.time, SessionSlot],
) -> bool:
    """Check when a session is held; ``False`` if its times are unusable for other checks."""
    for field_name in ("start", "end"):
        moment = getattr(session, field_name)
        if not isinstance(moment, dt.datetime) or moment.utcoffset() is None:
            checks.add(f"{path}.{field_name}", moment, "must be an aware datetime")
            return False
    start = pendulum.instance(session.start).in_tz(STOCKHOLM)
    end = pendulum.instance(session.end).in_tz(STOCKHOLM)
    day = start.date()
    if day < plan.start:
        checks.add(f"{path}.start", start, f"is before the rollout starts ({plan.start})")
    if not plan.calendar.is_working_day(day):
        checks.add(f"{path}.start", start, f"is not on a working day ({day.isoformat()})")
    slot = slots.get(start.time().replace(tzinfo=None))
    if slot is None:
        starts = ", ".join(s.start.isoformat("minutes") for s in plan.slots)
        checks.add(f"{path}.start", start, f"must start a slot ({starts})")
    elif end.date() != day or end.time().replace(tzinfo=None) > slot.end:
        checks.add(f"{path}.end", end, f"must be within its slot (ends {slot.end.isoformat()})")
    if module is not None and (end - start).total_seconds() != module.duration.total_seconds():
        checks.add(
            f"{path}.end",
            end,
            f"must be {module.code}'s duration after the start ({module.duration})",
        )
    return True


def _check_room(
    checks: Checker,
    path: str,
    session: RolloutSession,
    module: Module,
    rooms: Mapping[str, Room],
    room_busy: dict[str, list[int]],
    index: int,
) -> None:
    if module.format is not DeliveryFormat.IN_PERSON:
        return
    if session.room is None:
        checks.add(f"{path}.room", None, f"must name a room: {module.code} is held in person")
        return
    room = rooms.get(session.room)
    if room is None:
        checks.add(f"{path}.room", session.room, "is not a room of the rollout")
        return
    if room.capacity < session.size:
        checks.add(
            f"{path}.room",
            session.room,
            f"takes {room.capacity} participants, fewer than the cohort's {session.size}",
        )
    room_busy[session.room].append(index)


def _check_overlaps(
    checks: Checker,
    plan: RolloutPlan,
    busy: Mapping[str, list[int]],
    field_name: str,
    what: str,
) -> None:
    for name, indices in busy.items():
        ordered = sorted(indices, key=lambda i: plan.sessions[i].start)
        latest_end: dt.datetime | None = None
        for index in ordered:
            session = plan.sessions[index]
            if latest_end is not None and session.start < latest_end:
                checks.add(
                    f"sessions[{index}].{field_name}",
                    name,
                    f"the {what} is in another session at the same time",
                )
            if latest_end is None or session.end > latest_end:
                latest_end = session.end


def _check_cohorts(
    checks: Checker,
    plan: RolloutPlan,
    index: int,
    unit: RolloutUnit,
    by_cohort: Mapping[tuple[str, int], list[tuple[int, RolloutSession]]],
) -> None:
    path = f"units[{index}]"
    program = plan.program
    expected = _sizes(unit.headcount, plan.cohort_size) or []
    numbers = sorted(number for name, number in by_cohort if name == unit.name)
    if numbers != list(range(1, len(expected) + 1)):
        checks.add(
            path,
            numbers,
            f"{unit.name} must have cohorts 1 to {len(expected)} "
            f"({unit.headcount} people in cohorts of {plan.cohort_size[0]}–{plan.cohort_size[1]})",
        )
    sizes = []
    for number in numbers:
        sessions = by_cohort[(unit.name, number)]
        _, first = sessions[0]
        for session_index, session in sessions[1:]:
            if session.size != first.size:
                checks.add(
                    f"sessions[{session_index}].size",
                    session.size,
                    f"must be the size of cohort {number} elsewhere ({first.size})",
                )
        sizes.append(first.size)
        _check_chain(checks, path, program, unit, number, sessions)
    if numbers and (
        sum(sizes) != unit.headcount
        or max(sizes) - min(sizes) > 1
        or min(sizes) < plan.cohort_size[0]
        or max(sizes) > plan.cohort_size[1]
    ):
        checks.add(
            f"{path}.headcount",
            sizes,
            f"{unit.name}'s cohort sizes must add up to {unit.headcount}, differ by at most one "
            f"and lie within {plan.cohort_size[0]}–{plan.cohort_size[1]}",
        )


def _check_chain(
    checks: Checker,
    path: str,
    program: Program,
    unit: RolloutUnit,
    number: int,
    sessions: list[tuple[int, RolloutSession]],
) -> None:
    held: dict[str, list[tuple[int, RolloutSession]]] = defaultdict(list)
    for entry in sessions:
        held[entry[1].module].append(entry)
    previous: tuple[int, RolloutSession] | None = None
    first: RolloutSession | None = None
    for module in program.modules:
        own = held.get(module.code, [])
        if not own:
            checks.add(
                path,
                number,
                f"{unit.name}'s cohort {number} has no session of {module.code}",
            )
            previous = None
            continue
        for extra_index, _ in own[1:]:
            checks.add(
                f"sessions[{extra_index}].module",
                module.code,
                f"{unit.name}'s cohort {number} already has a session of {module.code}",
            )
        index, session = own[0]
        deadline = unit.deadlines.get(module.code)
        if deadline is not None and session.date >= deadline:
            checks.add(
                f"sessions[{index}].start",
                session.start,
                f"must be before {unit.name}'s deadline for {module.code} ({deadline.isoformat()})",
            )
        if first is None:
            first = session
        if previous is not None:
            before = previous[1]
            gap = (session.date - before.date).days
            if gap < module.min_days_after_previous or session.start < before.end:
                checks.add(
                    f"sessions[{index}].start",
                    session.start,
                    f"must be at least {module.min_days_after_previous} days after the "
                    f"cohort's previous module and after it ends ({before.date.isoformat()})",
                )
        previous = own[0]
    if first is not None and previous is not None and program.max_span_days is not None:
        last_index, last = previous
        if (last.date - first.date).days > program.max_span_days:
            checks.add(
                f"sessions[{last_index}].start",
                last.start,
                f"must be at most {program.max_span_days} days after the cohort's first "
                f"session ({first.date.isoformat()})",
            )


# -- planning ---------------------------------------------------------------------------------


def _infeasible(path: str, value: object, message: str) -> ValidationError:
    return ValidationError([Problem(path=path, value=value, message=message)])


def _validate(
    program: object,
    units: object,
    facilitators: object,
    rooms: object,
    calendar: object,
    slots: object,
    start: object,
    cohort_size: object,
) -> None:
    """Record every problem of the inputs; raise them together."""
    checks = Checker()
    program_ok = checks.instance("program", program, Program, "a Program")
    unit_list = checks.items("units", as_tuple(units), RolloutUnit, "RolloutUnit objects")
    fac_list = checks.items(
        "facilitators", as_tuple(facilitators), Facilitator, "Facilitator objects"
    )
    room_list = checks.items("rooms", as_tuple(rooms), Room, "Room objects")
    slot_list = checks.items("slots", as_tuple(slots), SessionSlot, "SessionSlot objects")
    if not unit_list:
        checks.add("units", units, "must hold at least one unit")
    if not fac_list:
        checks.add("facilitators", facilitators, "must hold at least one facilitator")
    if not slot_list:
        checks.add("slots", slots, "must hold at least one slot")
    checks.unique("units", (u.name for u in unit_list), "unit name")
    checks.unique("facilitators", (f.name for f in fac_list), "facilitator name")
    checks.unique("rooms", (r.name for r in room_list), "room name")
    if not isinstance(calendar, WorkingDays):
        checks.add("calendar", calendar, "must have is_working_day(day), e.g. a WorkingCalendar")
    checks.run("start", lambda: to_date(start, ""))
    for index in range(1, len(slot_list)):
        if slot_list[index].start < slot_list[index - 1].end:
            before = slot_list[index - 1]
            checks.add(
                f"slots[{index}].start",
                slot_list[index].start,
                f"must not be before the previous slot ends ({before.end.isoformat()}); "
                "give the slots in order, without overlaps",
            )
    if cohort_size is not None and not (
        isinstance(cohort_size, tuple)
        and len(cohort_size) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in cohort_size)
        and 1 <= cohort_size[0] <= cohort_size[1]
    ):
        checks.add("cohort_size", cohort_size, "must be a pair (min, max) with 1 <= min <= max")
    checks.done()
    assert isinstance(program, Program)
    size = cohort_size if isinstance(cohort_size, tuple) else program.cohort_size
    for index, module in enumerate(program.modules):
        for slot_index, slot in enumerate(slot_list):
            if module.duration.total_seconds() > slot.length.total_seconds():
                checks.add(
                    f"program.modules[{index}].duration",
                    module.duration,
                    f"{module.code} does not fit slot {slot_index} "
                    f"({slot.start.isoformat('minutes')}–{slot.end.isoformat('minutes')}); "
                    "a session occupies one slot",
                )
        if module.facilitators > len(fac_list):
            checks.add(
                "facilitators",
                len(fac_list),
                f"are too few: {module.code} needs {module.facilitators} facilitators at once",
            )
    codes = {module.code for module in program.modules}
    largest = 0
    for index, unit in enumerate(unit_list):
        for code in unit.deadlines:
            if code not in codes:
                checks.add(
                    f"units[{index}].deadlines",
                    code,
                    f"names no module of {program.code} ({', '.join(sorted(codes))})",
                )
        sizes = _sizes(unit.headcount, size)
        if sizes is None:
            checks.add(
                f"units[{index}].headcount",
                unit.headcount,
                f"cannot be split into balanced cohorts of {size[0]}–{size[1]} participants",
            )
        else:
            largest = max(largest, sizes[0])
    if any(m.format is DeliveryFormat.IN_PERSON for m in program.modules) and not any(
        room.capacity >= largest for room in room_list
    ):
        checks.add(
            "rooms",
            [room.capacity for room in room_list],
            f"must include a room for the largest cohort ({largest} participants), "
            "since modules are held in person",
        )
    del program_ok
    checks.done()


def plan_rollout(
    program: Program,
    units: Sequence[RolloutUnit],
    facilitators: Sequence[Facilitator],
    rooms: Sequence[Room],
    calendar: WorkingDays,
    slots: Sequence[SessionSlot],
    start: dt.date,
    cohort_size: tuple[int, int] | None = None,
) -> RolloutPlan:
    """Plan a rollout: cohorts, and a dated session for every cohort and module.

    Each unit's headcount is split into as few cohorts as the cohort size range allows,
    balanced in size. Every module of every cohort gets one session in a slot of a working
    day within a year of *start*, with the module's number of distinct facilitators and,
    when held in person, a room that takes the cohort; modules keep their order, their
    ``min_days_after_previous`` gaps and the program's ``max_span_days``; facilitators keep
    their caps and absences; each unit's deadlines are met when that is possible.

    The planner first proves a lower bound on the last session's day (see
    :class:`LowerBound`), then tries candidate end days from the bound upwards. For each, it
    gives every session a due slot (the latest that still lets its cohort finish by that day
    and meet its unit's deadline, with the last module's sessions spread back over the
    capacity that can hold them) and places sessions slot by slot from the start, earliest
    due first; when a session misses its due slot it retries with that module put a week
    earlier in the order, then tries every module spread, then a plan built backwards from
    the end day. Facilitators whose weekly sessions would otherwise go unused are used
    first, sessions due later are held back when they would take capacity that this week's
    due sessions need, and no cohort starts where its span would run into a blackout.

    Args:
        program: The program every cohort takes.
        units: The units, with their headcounts and deadlines.
        facilitators: Who can lead sessions.
        rooms: Rooms for in-person modules.
        calendar: The working days, e.g. ``WorkingCalendar.sweden(...)``.
        slots: The bookable slots of a working day, in order, not overlapping; every module
            must fit every slot.
        start: The first day sessions may be held.
        cohort_size: ``(min, max)`` participants per cohort; the program's by default.

    Returns:
        The plan. When the deadlines could not all be met although no proof says they
        cannot be, the plan keeps every other rule and :attr:`RolloutPlan.deadlines_met`
        says which units miss theirs.

    Raises:
        ValidationError: For bad input (every problem, with its path), or when no valid plan
            exists within a year of *start*; then the message, in Swedish for the planners
            who read it, names the binding constraint, e.g. ``units[2]: Trafikkontoret:
            59 kohorter hinner inte genomföra M1 före 2027-04-05 med 6 utbildningsledare``.
    """
    _validate(program, units, facilitators, rooms, calendar, slots, start, cohort_size)
    unit_list = tuple(units)
    fac_list = tuple(facilitators)
    room_list = tuple(rooms)
    slot_list = tuple(slots)
    first = to_date(start, "start")
    size = cohort_size if cohort_size is not None else program.cohort_size
    setup = _Setup(program, unit_list, fac_list, room_list, calendar, slot_list, first, size)
    bound = solver.lower_bound(setup.instance)
    if bound.day is None:
        raise setup.no_capacity(bound)
    setup.prove_deadlines()
    placements, bound = solver.plan(setup.instance, bound)
    if placements is None:
        placements, bound = solver.plan(setup.without_deadlines(), bound)
    if placements is None:
        resources = (
            f"{len(fac_list)} utbildningsledare och {_count(len(room_list), 'lokal', 'lokaler')}"
        )
        if (
            program.max_span_days is None
        ):  # pragma: no cover - the heuristic failed where the bound allows a plan
            raise _infeasible(
                "program",
                program.code,
                f"Ingen plan hittades inom ett år från {first.isoformat()} med {resources}",
            )
        raise _infeasible(
            "program.max_span_days",
            program.max_span_days,
            f"Ingen plan hittades inom ett år från {first.isoformat()}: kohorterna hinner "
            f"inte genomföra {program.code} inom {program.max_span_days} dagar med {resources}",
        )
    return RolloutPlan(
        program=program,
        units=unit_list,
        facilitators=fac_list,
        rooms=room_list,
        calendar=calendar,
        slots=slot_list,
        start=first,
        cohort_size=size,
        sessions=setup.sessions(placements),
        bound=setup.lower_bound(bound),
    )


class _Setup:
    """The bridge between the public objects and the integer solver."""

    def __init__(
        self,
        program: Program,
        units: tuple[RolloutUnit, ...],
        facilitators: tuple[Facilitator, ...],
        rooms: tuple[Room, ...],
        calendar: WorkingDays,
        slots: tuple[SessionSlot, ...],
        start: pendulum.Date,
        cohort_size: tuple[int, int],
    ) -> None:
        self.program = program
        self.units = units
        self.facilitators = facilitators
        self.rooms = rooms
        self.slots = slots
        self.start = start
        days: list[pendulum.Date] = []
        day = start
        horizon = start.add(years=1)
        while day < horizon:
            if calendar.is_working_day(day):
                days.append(day)
            day = day.add(days=1)
        if not days:
            raise _infeasible(
                "calendar",
                calendar,
                f"Kalendern har ingen arbetsdag inom ett år från {start.isoformat()}",
            )
        self.days = days
        self.cohorts: list[tuple[int, int, int]] = []  # unit index, number, size
        for index, unit in enumerate(units):
            sizes = _sizes(unit.headcount, cohort_size)
            assert sizes is not None
            for number, people in enumerate(sizes, start=1):
                self.cohorts.append((index, number, people))
        ns = len(slots)
        modules = tuple(
            solver.ModSpec(
                m.facilitators,
                m.format is DeliveryFormat.IN_PERSON,
                m.min_days_after_previous if i else 0,
            )
            for i, m in enumerate(program.modules)
        )
        blank = solver.Instance(
            ns=ns,
            ords=tuple(d.toordinal() for d in days),
            weeks=tuple(d.isocalendar()[0] * 100 + d.isocalendar()[1] for d in days),
            modules=modules,
            span=program.max_span_days,
            sizes=tuple(c[2] for c in self.cohorts),
            latest=(),
            facilitators=tuple(
                solver.FacSpec(
                    f.max_sessions_per_day,
                    f.max_sessions_per_week,
                    tuple(not f.is_absent(d) for d in days),
                )
                for f in facilitators
            ),
            rooms=tuple(r.capacity for r in rooms),
        )
        codes = [m.code for m in program.modules]
        self.unit_latest: list[list[int]] = []
        for unit in units:
            row = [solver.NEVER] * len(codes)
            for code, deadline in unit.deadlines.items():
                k = codes.index(code)
                row[k] = min(row[k], blank.before_ordinal(deadline.toordinal()))
            for k in range(len(codes) - 2, -1, -1):
                row[k] = min(row[k], blank.back(row[k + 1], modules[k + 1].gap))
            self.unit_latest.append(row)
        self.instance = solver.Instance(
            ns=blank.ns,
            ords=blank.ords,
            weeks=blank.weeks,
            modules=blank.modules,
            span=blank.span,
            sizes=blank.sizes,
            latest=tuple(tuple(self.unit_latest[c[0]]) for c in self.cohorts),
            facilitators=blank.facilitators,
            rooms=blank.rooms,
        )

    def without_deadlines(self) -> solver.Instance:
        """The same instance with no unit deadlines."""
        inst = self.instance
        n = len(inst.modules)
        return solver.Instance(
            ns=inst.ns,
            ords=inst.ords,
            weeks=inst.weeks,
            modules=inst.modules,
            span=inst.span,
            sizes=inst.sizes,
            latest=tuple((solver.NEVER,) * n for _ in inst.sizes),
            facilitators=inst.facilitators,
            rooms=inst.rooms,
        )

    def _day(self, slot: int) -> pendulum.Date:
        return self.days[slot // self.instance.ns]

    def _deadline_of(self, unit: RolloutUnit, k: int) -> tuple[str, pendulum.Date]:
        """The module and deadline that limit module *k* of *unit* (itself or a later one)."""
        modules = self.program.modules
        for j in range(k, len(modules)):
            if modules[j].code in unit.deadlines:
                return modules[j].code, unit.deadlines[modules[j].code]
        raise AssertionError("no deadline limits this module")  # pragma: no cover

    def prove_deadlines(self) -> None:
        """Raise when the chain or the capacity before some deadline proves it cannot be met."""
        inst = self.instance
        earliest = inst.earliest_chain()
        n = len(inst.modules)
        per_unit: dict[int, int] = defaultdict(int)
        for unit_index, _, _ in self.cohorts:
            per_unit[unit_index] += 1
        codes = [m.code for m in self.program.modules]
        for index, unit in enumerate(self.units):
            row = self.unit_latest[index]
            for k in range(n):
                if row[k] < earliest[k]:
                    code, deadline = self._deadline_of(unit, k)
                    j = codes.index(code)
                    possible = self._day(earliest[j]) if earliest[j] < inst.slots else None
                    when = possible.isoformat() if possible else "inte inom ett år"
                    raise _infeasible(
                        f"units[{index}]",
                        unit.name,
                        f"{unit.name}: {code} kan inte hållas före {deadline.isoformat()}; "
                        f"modulernas mellanrum och kalendern ger tidigast {when}",
                    )
        # Everything due by slot L must fit the capacity of slots 0..L.
        items = []
        for index, row in enumerate(self.unit_latest):
            for k in range(n):
                if row[k] < solver.NEVER:
                    items.append((row[k], index, k))
        items.sort()
        fac_demand = room_demand = 0
        counted: dict[int, int] = defaultdict(int)
        for position, (latest, index, k) in enumerate(items):
            module = inst.modules[k]
            cohorts = per_unit[index]
            fac_demand += cohorts * module.facilitators
            room_demand += cohorts * module.in_person
            counted[index] = max(counted[index], cohorts)
            if position + 1 < len(items) and items[position + 1][0] == latest:
                continue
            capacity = sum(inst.facilitator_capacity(f, 0, latest) for f in inst.facilitators)
            rooms = len(inst.rooms) * (latest + 1)
            if fac_demand <= capacity and room_demand <= rooms:
                continue
            unit = self.units[index]
            code, deadline = self._deadline_of(unit, k)
            others = sum(c for i, c in counted.items() if i != index)
            resource = (
                f"{len(self.facilitators)} utbildningsledare"
                if fac_demand > capacity
                else _count(len(self.rooms), "lokal", "lokaler")
            )
            text = (
                f"{unit.name}: {cohorts} kohorter hinner inte genomföra {code} före "
                f"{deadline.isoformat()} med {resource}"
            )
            if others:
                text += f" (tillsammans med {others} kohorter från enheter med tidigare krav)"
            raise _infeasible(f"units[{index}]", unit.name, text)

    def no_capacity(self, bound: solver.Bound) -> ValidationError:
        """The error for a rollout that cannot end within a year of the start."""
        people = sum(unit.headcount for unit in self.units)
        year = f"inom ett år från {self.start.isoformat()}"
        if not any(solver.startable_days(self.instance)):
            return _infeasible(
                "program.max_span_days",
                self.program.max_span_days,
                f"Ingen kohort kan börja {year} och genomföra {self.program.code} inom "
                f"{self.program.max_span_days} dagar på kalenderns arbetsdagar",
            )
        if bound.resource == "chain":
            return _infeasible(
                "calendar",
                self.start.isoformat(),
                "Modulerna med sina mellanrum kan inte genomföras på kalenderns arbetsdagar "
                + year,
            )
        if bound.resource == "facilitators":
            return _infeasible(
                "facilitators",
                len(self.facilitators),
                f"{people} deltagare i {len(self.cohorts)} kohorter hinner inte genomföra "
                f"{self.program.code} {year} med {len(self.facilitators)} utbildningsledare",
            )
        return _infeasible(
            "rooms",
            len(self.rooms),
            f"{people} deltagare i {len(self.cohorts)} kohorter hinner inte genomföra "
            f"{self.program.code} {year} med {_count(len(self.rooms), 'lokal', 'lokaler')}",
        )

    def lower_bound(self, bound: solver.Bound) -> LowerBound:
        """The public form of the solver's bound."""
        assert bound.day is not None
        codes = [m.code for m in self.program.modules]
        by_resource = {
            BindingResource(name): self.days[day]
            for name, day in bound.by_resource.items()
            if day is not None
        }
        return LowerBound(
            date=self.days[bound.day],
            resource=BindingResource(bound.resource),
            first_module=codes[bound.modules[0]],
            last_module=codes[bound.modules[1]],
            demand=bound.demand,
            facilitators=len(self.facilitators),
            rooms=sum(1 for r in self.rooms if r.capacity >= bound.min_size),
            min_size=bound.min_size,
            by_resource=by_resource,
            split=self.days[bound.split] if bound.split is not None else None,
            combined=bound.combined,
            whole_cohorts=bound.whole,
        )

    def sessions(self, placements: Iterable[solver.Placement]) -> tuple[RolloutSession, ...]:
        """The placements as sessions, in order of start."""
        ns = self.instance.ns
        result = []
        for p in placements:
            unit_index, number, people = self.cohorts[p.cohort]
            module = self.program.modules[p.module]
            day = self.days[p.slot // ns]
            slot = self.slots[p.slot % ns]
            begin = pendulum.datetime(
                day.year,
                day.month,
                day.day,
                slot.start.hour,
                slot.start.minute,
                slot.start.second,
                tz=STOCKHOLM,
            )
            result.append(
                (
                    (p.slot, unit_index, number, p.module),
                    RolloutSession(
                        unit=self.units[unit_index].name,
                        cohort=number,
                        size=people,
                        module=module.code,
                        start=begin,
                        end=begin.add(seconds=int(module.duration.total_seconds())),
                        facilitators=tuple(self.facilitators[f].name for f in p.facilitators),
                        room=self.rooms[p.room].name if p.room >= 0 else None,
                    ),
                )
            )
        result.sort(key=lambda pair: pair[0])
        return tuple(session for _, session in result)
