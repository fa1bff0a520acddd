"""A rollout plan: its sessions, its lower bound, and what binds it."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, language
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.problem import (
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import Problem
from ledarutveckling.formatting import (
    STOCKHOLM,
    format_date,
    format_date_range,
    format_list,
    format_number,
)

__all__ = ["BindingResource", "LowerBound", "RolloutPlan", "RolloutSession"]


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


@attrs.frozen(kw_only=True)
class RolloutPlan:
    """A plan for a rollout: every session, the rollout it was made for, and its lower bound.

    The rollout's fields read through the plan too (``plan.program``, ``plan.units``,
    ``plan.facilitators``, ``plan.rooms``, ``plan.calendar``, ``plan.slots``,
    ``plan.start``); :attr:`cohort_size` is the size in force.

    Attributes:
        rollout: The problem the plan solves.
        sessions: The sessions, in order of start.
        bound: The lower bound on the end date, with its reason.
    """

    rollout: Rollout
    sessions: tuple[RolloutSession, ...] = attrs.field(converter=_session_tuple)
    bound: LowerBound

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("rollout", self.rollout, Rollout, "a Rollout")
        if not checks.items("sessions", self.sessions, RolloutSession, "RolloutSession objects"):
            checks.add("sessions", self.sessions, "must hold at least one session")
        checks.done()

    @property
    def program(self) -> Program:
        """The program every cohort takes (the rollout's)."""
        return self.rollout.program

    @property
    def units(self) -> tuple[RolloutUnit, ...]:
        """The units (the rollout's)."""
        return self.rollout.units

    @property
    def facilitators(self) -> tuple[Facilitator, ...]:
        """The facilitators (the rollout's)."""
        return self.rollout.facilitators

    @property
    def rooms(self) -> tuple[Room, ...]:
        """The rooms (the rollout's)."""
        return self.rollout.rooms

    @property
    def calendar(self) -> WorkingDays:
        """The working days (the rollout's)."""
        return self.rollout.calendar

    @property
    def slots(self) -> tuple[SessionSlot, ...]:
        """The session slots of a working day, in order (the rollout's)."""
        return self.rollout.slots

    @property
    def start(self) -> pendulum.Date:
        """The first day sessions may be held (the rollout's)."""
        return self.rollout.start

    @property
    def cohort_size(self) -> tuple[int, int]:
        """The ``(min, max)`` cohort size used: the rollout's, else the program's."""
        return self.rollout.cohort_sizes

    def to_sessions(self, locale: str = DEFAULT_LOCALE) -> tuple[Session, ...]:
        """The plan's sessions as :class:`~ledarutveckling.Session` objects, in order of start.

        Each cohort is named by its unit and number: ``"Trafikkontoret, kohort 3"`` (in
        English, ``"Trafikkontoret, cohort 3"``), so each session has its own UID and
        :func:`~ledarutveckling.to_ical` takes them, or the plan itself: ``to_ical(plan,
        stamp=...)``.

        Args:
            locale: The language of the cohort names, Swedish by default.
        """
        word = "kohort" if language(locale) == "sv" else "cohort"
        program = self.program
        sessions = []
        for s in self.sessions:
            module = program.module(s.module)
            sessions.append(
                Session(
                    program=program,
                    module=module,
                    cohort=f"{s.unit}, {word} {s.cohort}",
                    start=s.start,
                    end=s.end,
                    format=module.format,
                    facilitators=s.facilitators,
                    room=s.room,
                )
            )
        return tuple(sessions)

    def _repr_html_(self) -> str:
        """An HTML table of the plan, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import plan_html

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


def plan_sessions(plan: RolloutPlan, locale: str = DEFAULT_LOCALE) -> tuple[Session, ...]:
    """``plan.to_sessions(locale)``: kept only until the command line calls that; then remove."""
    return plan.to_sessions(locale)
