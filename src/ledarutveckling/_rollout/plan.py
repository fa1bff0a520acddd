"""A rollout plan: its sessions, its lower bound, and what binds it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.dates import DateRange, in_zone, instant
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import Counted, Expected, ProblemCode, choices
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.problem import (
    STOCKHOLM_ZONE,
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling._rollout.windows import windows
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import MISSING, Problem
from ledarutveckling.formatting import (
    STOCKHOLM,
    format_date,
    format_date_range,
    format_list,
    format_number,
    format_problem,
)

__all__ = [
    "DeadlinesGivenUp",
    "RolloutPlan",
    "RolloutSession",
    "SelfPacedWindow",
]


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
    start: pendulum.DateTime = attrs.field(eq=instant)
    end: pendulum.DateTime = attrs.field(eq=instant)
    facilitators: tuple[str, ...] = attrs.field(converter=_names)
    room: str | None = None

    @property
    def date(self) -> pendulum.Date:
        """The day of the session, in Stockholm."""
        return in_zone(self.start, STOCKHOLM_ZONE).date()


@attrs.frozen(kw_only=True)
class SelfPacedWindow:
    """When a cohort works through a self-paced module: no session, a window of days.

    Attributes:
        unit: The unit's name.
        cohort: The cohort's number within its unit, from 1.
        size: The cohort's participants.
        module: The self-paced module's code.
        opens: The first day of the window (the day of the module before it).
        due: The last day: the module is done by the end of it.
    """

    unit: str
    cohort: int
    size: int
    module: str
    opens: pendulum.Date
    due: pendulum.Date


# The fields a proof gives: 0 by default for the counts, else None.
_PROVEN_FIELDS: Final = ("module", "deadline", "first", "sessions", "slots", "cohorts", "max_away")
_COUNTS: Final = frozenset({"sessions", "slots", "cohorts", "needed", "capacity", "available"})
# The fields only a proof by one reason gives (each reason's own; the others leave them).
_AWAY_FIELDS: Final = ("cohorts", "max_away")
_CAPACITY_FIELDS: Final = ("last", "needed", "capacity", "available")
_REASONS: Final = (BindingResource.AWAY, BindingResource.FACILITATORS, BindingResource.ROOMS)
_OMIT: Final = "ledarutveckling.omit_if_default"


@attrs.frozen(kw_only=True)
class DeadlinesGivenUp:
    """A unit whose deadlines a plan does not keep, and why.

    When ``proven``, a rule proves them out of reach: the unit's ``sessions`` that may be
    held no earlier than ``first`` and must be held before ``deadline`` (``module``'s
    deadline, or a later module's carried back through the gaps) do not fit the ``slots``
    slots of those days (on which some facilitator works). The ``resource`` says what they
    do not fit:

    * ``away`` (the default): the unit's limit on staff away (``RolloutUnit.max_away``):
      at most ``cohorts`` of its cohorts, and ``max_away`` of its staff, may be in sessions
      in one slot;
    * ``facilitators``: the sessions need ``needed`` facilitator-sessions (a pair counts
      twice), more than the ``capacity`` the ``available`` facilitators who may lead them
      can give on those days, with their caps and absences;
    * ``rooms``: the sessions (in person) need a room in ``needed`` slots, more than the
      ``capacity`` of the ``available`` rooms in those slots.

    The facilitators' and rooms' counts take the fewest cohorts any split of the unit
    gives, so they hold for every split. No plan meets every deadline of the unit, so the
    planner plans it without them, and every other unit with theirs when it finds such a
    plan. Else (``proven`` false, the other fields left at their defaults) no rule proves
    them out of reach, but the planner found no plan that keeps them (with those of the
    units it kept).

    Checked on creation, every problem at once: a proven one gives ``module``,
    ``deadline`` and ``first`` (no later than ``deadline``), at least one session and no
    negative number of slots (a window that closes before it opens has none); by the staff
    away, ``max_away`` and at least one cohort and person away, and no ``needed``,
    ``capacity`` or ``available``; by the facilitators or rooms, ``needed`` more than
    ``capacity`` (neither negative, nor ``available``), and no ``cohorts`` or
    ``max_away``. One not proven leaves them all at their defaults.

    Attributes:
        unit: The unit's name.
        proven: Whether a rule proves the deadlines out of reach.
        module: The module whose deadline closes the window.
        deadline: That deadline (sessions must be held before it).
        first: The first day the sessions counted may be held (the unit's move dates, the
            gaps and the start).
        sessions: The unit's sessions that must be held in the window.
        slots: The slots of the window on days some facilitator works.
        cohorts: The most of the unit's cohorts in sessions at once (by the staff away).
        max_away: The unit's limit on staff in sessions at once (by the staff away).
        last: The last day the sessions counted may be held (``deadline``'s eve, or
            earlier by the gaps to the later modules; by the facilitators or rooms).
        resource: What the sessions do not fit: ``BindingResource.AWAY`` (the default),
            ``FACILITATORS`` or ``ROOMS``.
        needed: The facilitator-sessions, or room slots, the sessions need (by the
            facilitators or rooms).
        capacity: What the facilitators who may lead them, or the rooms, can give on those
            days (by the facilitators or rooms).
        available: The facilitators who may lead them, or the rooms (by the facilitators
            or rooms).
    """

    unit: str
    proven: bool
    module: str | None = None
    deadline: pendulum.Date | None = None
    first: pendulum.Date | None = None
    sessions: int = 0
    slots: int = 0
    cohorts: int = 0
    max_away: int | None = None
    # Added with the facilitators' and rooms' proofs: left out of documents at their
    # defaults, so saved plans read and write as before.
    resource: BindingResource = attrs.field(default=BindingResource.AWAY, metadata={_OMIT: True})
    last: pendulum.Date | None = attrs.field(default=None, metadata={_OMIT: True})
    needed: int = attrs.field(default=0, metadata={_OMIT: True})
    capacity: int = attrs.field(default=0, metadata={_OMIT: True})
    available: int = attrs.field(default=0, metadata={_OMIT: True})

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("unit", self.unit)
        if checks.member("resource", self.resource, BindingResource) and (
            self.resource not in _REASONS
        ):
            checks.add(
                "resource",
                self.resource,
                "must be one of 'away', 'facilitators', 'rooms'",
                ProblemCode.NOT_ONE_OF,
                valid=choices(_REASONS),
            )
        if not isinstance(self.proven, bool):
            checks.add(
                "proven",
                self.proven,
                "must be True or False",
                ProblemCode.MUST_BE,
                expected=Expected.BOOLEAN,
            )
        elif self.proven:
            self._check_proven(checks)
        else:
            for name in (*_PROVEN_FIELDS, *_CAPACITY_FIELDS, "resource"):
                value = getattr(self, name)
                if name == "resource" and (value is BindingResource.AWAY or value not in _REASONS):
                    continue  # the default (or recorded above)
                if not (
                    value is None if name not in _COUNTS else type(value) is int and value == 0
                ):
                    checks.add(
                        name,
                        value,
                        "must be left at its default when proven is False",
                        ProblemCode.ROLLOUT_GIVEN_UP_FIELDS,
                        field=name,
                    )
        checks.done()

    def _check_proven(self, checks: Checker) -> None:
        """Every field given, whole numbers in range, and ``first`` no later than ``deadline``."""
        away = self.resource is BindingResource.AWAY
        own = ("max_away",) if away else ("last",)
        for name in ("module", "deadline", "first", *own):
            if getattr(self, name) is None:
                checks.add(
                    name,
                    MISSING,
                    "is required when proven is True",
                    ProblemCode.ROLLOUT_GIVEN_UP_FIELDS,
                    field=name,
                )
        if self.module is not None:
            checks.text("module", self.module)
        dates = [self._date(checks, name) for name in ("first", "deadline", "last")]
        checks.integer("sessions", self.sessions, minimum=1)
        # No slot at all when the window closes before it opens (AwayMiss.slots is 0).
        checks.integer("slots", self.slots, minimum=0)
        if away:
            checks.integer("cohorts", self.cohorts, minimum=1)
            if self.max_away is not None:
                checks.integer("max_away", self.max_away, minimum=1)
            self._other_reason(checks, _CAPACITY_FIELDS, _REASONS[1:])
        elif self.resource in _REASONS:
            self._other_reason(checks, _AWAY_FIELDS, _REASONS[:1])
            checks.integer("available", self.available, minimum=0)
            if checks.integer("capacity", self.capacity, minimum=0):
                # The proof itself: more needed than there is.
                checks.integer("needed", self.needed, minimum=self.capacity + 1)
        first, deadline, _ = dates
        if first is not None and deadline is not None and deadline < first:
            checks.add(
                "deadline",
                deadline,
                f"must not be before first ({first.isoformat()})",
                ProblemCode.END_BEFORE_START,
                end=deadline,
                start=first,
            )

    def _other_reason(
        self, checks: Checker, names: Sequence[str], reasons: Sequence[BindingResource]
    ) -> None:
        """Record each field of *names* given although the proof is by another reason."""
        for name in names:
            value = getattr(self, name)
            if value is None or (type(value) is int and value == 0):
                continue
            written = " or ".join(repr(reason.value) for reason in reasons)
            checks.add(
                name,
                value,
                f"is given only when resource is {written}",
                ProblemCode.ROLLOUT_GIVEN_UP_OTHER_REASON,
                field=name,
                resource=choices(reasons),
            )

    def _date(self, checks: Checker, name: str) -> dt.date | None:
        """The date field *name*, or ``None`` (recorded unless missing) if it is no date."""
        value = getattr(self, name)
        if value is None:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        checks.add(
            name, value, "must be a date, e.g. pendulum.date(2027, 10, 29)", ProblemCode.NOT_DATE
        )
        return None

    def problem(self) -> Problem:
        """The reason as a problem, for reports and logs.

        Its code is ``rollout-deadlines-given-up`` (by the staff away),
        ``rollout-deadlines-given-up-facilitators`` or ``rollout-deadlines-given-up-rooms``,
        or ``rollout-deadlines-not-kept`` when not proven; its message is the English text
        of the catalogue (the unit is in it and in the parameters, so the problem carries no
        value of its own).
        """
        if not self.proven:
            return Problem(
                path="units",
                message=(
                    f"{self.unit}: no plan that keeps its deadlines was found, though no rule "
                    "proves them out of reach; they are not kept"
                ),
                code=ProblemCode.ROLLOUT_DEADLINES_NOT_KEPT,
                params={"unit": self.unit},
            )
        params: dict[str, object] = {
            "unit": self.unit,
            "sessions": Counted(number=self.sessions, thing="session"),
            "first": self.first,
            "deadline": self.deadline,
            "module": self.module,
            "slots": Counted(number=self.slots, thing="slot"),
            "last": self.last,
        }
        if self.resource is BindingResource.FACILITATORS:
            code = ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP_FACILITATORS
            params["needed"] = Counted(number=self.needed, thing="facilitator session")
            params["capacity"] = Counted(number=self.capacity, thing="facilitator session")
            params["available"] = Counted(number=self.available, thing="facilitator")
        elif self.resource is BindingResource.ROOMS:
            code = ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP_ROOMS
            params["available"] = Counted(number=self.available, thing="room")
        else:
            code = ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP
            params["cohorts"] = Counted(number=self.cohorts, thing="cohort")
            params["away"] = Counted(number=self.max_away or 0, thing="person")
        problem = Problem(path="units", message="", code=code, params=params)
        return attrs.evolve(problem, message=format_problem(problem, locale="en_GB"))

    def explain(self, locale: str = DEFAULT_LOCALE) -> str:
        """Why the unit's deadlines are not kept, in Swedish by default.

        Examples:
            >>> given_up = DeadlinesGivenUp(unit="Trafikkontoret", proven=True, module="ABW-2",
            ...     deadline=pendulum.date(2027, 10, 29), first=pendulum.date(2027, 8, 30),
            ...     sessions=100, slots=88, cohorts=1, max_away=40)
            >>> given_up.explain("en_GB").split(" (max_away); ")
            ['Trafikkontoret: 100 sessions that may be held from 30 August 2027 and must be
            held before 29 October 2027 (ABW-2) cannot fit in 88 slots with at most 1 cohort
            and 40 people in sessions at once', 'its deadlines are not kept']
            >>> DeadlinesGivenUp(unit="Trafikkontoret", proven=False).explain().split("; ")
            ['Trafikkontoret: ingen plan som håller enhetens sista dagar hittades, men ingen
            regel visar att de inte kan hållas', 'de hålls inte']
        """
        return format_problem(self.problem(), locale=locale)


def _check_given_up(checks: Checker, given_up: object, rollout: Rollout) -> None:
    """Each unit given up is a unit of *rollout*, named at most once."""
    if not isinstance(given_up, tuple):
        return  # recorded by Checker.items
    names = {unit.name for unit in rollout.units}
    seen: set[str] = set()
    for index, item in enumerate(given_up):
        if not isinstance(item, DeadlinesGivenUp):
            continue
        path = f"given_up[{index}].unit"
        if item.unit not in names:
            checks.add(
                path,
                item.unit,
                "must name a unit of the rollout",
                ProblemCode.ROLLOUT_UNKNOWN_UNIT,
                unit=item.unit,
            )
        elif item.unit in seen:
            checks.add(
                path,
                item.unit,
                "duplicate unit; each unit is given up at most once",
                ProblemCode.DUPLICATE,
                given=item.unit,
            )
        seen.add(item.unit)


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
        given_up: The units whose deadlines the plan does not keep because a rule proves
            them out of reach, each with that rule (empty when the planner kept every
            deadline it was not proven unable to; see :attr:`deadlines_met`).
        held_windows: Self-paced windows kept as they were: a re-plan's windows that had
            opened before its *today* (:func:`~ledarutveckling.scheduling.replan`) and that
            its sessions would give otherwise. Each takes the place of the window its
            cohort's sessions would give (:attr:`self_paced`); the session after it keeps its
            gaps from its due day (``check_rollout`` checks it). Empty in a plan from
            ``plan_rollout``.
    """

    rollout: Rollout
    sessions: tuple[RolloutSession, ...] = attrs.field(converter=_session_tuple)
    bound: LowerBound
    # Added after plans were first saved: left out of documents while empty (the
    # converter's OMIT_IF_DEFAULT), so saved plans read and write as before.
    given_up: tuple[DeadlinesGivenUp, ...] = attrs.field(
        default=(), converter=as_tuple, metadata={"ledarutveckling.omit_if_default": True}
    )
    held_windows: tuple[SelfPacedWindow, ...] = attrs.field(
        default=(), converter=as_tuple, metadata={"ledarutveckling.omit_if_default": True}
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("rollout", self.rollout, Rollout, "a Rollout")
        if not checks.items("sessions", self.sessions, RolloutSession, "RolloutSession objects"):
            checks.add(
                "sessions",
                self.sessions,
                "must hold at least one session",
                ProblemCode.EMPTY_LIST,
            )
        checks.items("given_up", self.given_up, DeadlinesGivenUp, "DeadlinesGivenUp objects")
        checks.items("held_windows", self.held_windows, SelfPacedWindow, "SelfPacedWindow objects")
        if isinstance(self.rollout, Rollout):
            _check_given_up(checks, self.given_up, self.rollout)
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

    @property
    def self_paced(self) -> tuple[SelfPacedWindow, ...]:
        """Each cohort's window for each self-paced module, in order of due day.

        A self-paced module has no session: it takes no facilitator, room or slot. Its window
        runs from the day of the module before it to the day before the next session less
        that module's gap, or for a last module the larger of its gap and the rollout's
        ``self_paced_days`` after the module before it; a first one opens
        ``self_paced_days`` before it is due (see :class:`Rollout`). A unit's dates move
        them (see :mod:`ledarutveckling._rollout.windows`), and a window in
        :attr:`held_windows` stays as it is there.
        """
        program = self.program
        if all(module.format.is_scheduled for module in program.modules):
            return ()
        days: dict[tuple[str, int], dict[str, pendulum.Date]] = {}
        moves = {unit.name: unit.not_before for unit in self.rollout.units}
        dues = {unit.name: unit.deadlines for unit in self.rollout.units}
        sizes: dict[tuple[str, int], int] = {}
        for session in self.sessions:
            key = (session.unit, session.cohort)
            days.setdefault(key, {}).setdefault(session.module, session.date)
            sizes[key] = session.size
        found = [
            SelfPacedWindow(
                unit=unit,
                cohort=cohort,
                size=sizes[(unit, cohort)],
                module=code,
                opens=opens,
                due=due,
            )
            for (unit, cohort), held in days.items()
            for code, (opens, due) in windows(
                program.modules,
                held,
                self.rollout.self_paced_days,
                moves.get(unit),
                dues.get(unit),
            ).items()
        ]
        kept = {(w.unit, w.cohort, w.module): w for w in self.held_windows}
        found = [kept.get((w.unit, w.cohort, w.module), w) for w in found]
        found.sort(key=lambda w: (w.due, w.unit, w.cohort, w.module))
        return tuple(found)

    def to_sessions(self, locale: str = DEFAULT_LOCALE) -> tuple[Session, ...]:
        """The plan's sessions as :class:`~ledarutveckling.Session` objects, in order of start.

        Each cohort is named by its unit and number: ``"Trafikkontoret, kohort 3"`` (in
        English, ``"Trafikkontoret, cohort 3"``), so each session has its own UID and
        :func:`~ledarutveckling.to_ical` takes them, or the plan itself: ``to_ical(plan,
        stamp=...)``.

        Args:
            locale: The language of the cohort names, Swedish by default.
        """
        words = _SUMMARY.texts(locale)
        program = self.program
        sessions = []
        for s in self.sessions:
            module = program.module(s.module)
            sessions.append(
                Session(
                    program=program,
                    module=module,
                    cohort=words["unit_cohort"].format(unit=s.unit, cohort=s.cohort),
                    start=s.start,
                    end=s.end,
                    format=module.format,
                    facilitators=s.facilitators,
                    room=s.room,
                )
            )
        for w in self.self_paced:
            module = program.module(w.module)
            sessions.append(
                Session(
                    program=program,
                    module=module,
                    cohort=words["unit_cohort"].format(unit=w.unit, cohort=w.cohort),
                    start=pendulum.datetime(w.opens.year, w.opens.month, w.opens.day, tz=STOCKHOLM),
                    end=pendulum.datetime(w.due.year, w.due.month, w.due.day, tz=STOCKHOLM).add(
                        days=1
                    ),
                    format=module.format,
                )
            )
        sessions.sort(key=lambda session: session.start.timestamp())
        return tuple(sessions)

    def _repr_html_(self) -> str:
        """An HTML table of the plan, which Jupyter shows instead of the repr (in Swedish)."""
        return self.to_html()

    def to_html(self, locale: str = DEFAULT_LOCALE) -> str:
        """The plan as a notebook shows it: its summary and a table of the cohorts.

        ``IPython.display.HTML(plan.to_html("en_GB"))`` shows it in English; a notebook shows
        the plan itself in Swedish (``_repr_html_`` takes no locale). Each value is escaped.

        Args:
            locale: The language of every text, Swedish by default.
        """
        from ledarutveckling._reporting.html import plan_html

        return plan_html(self, locale)

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
        for window in self.self_paced:
            deadline = deadlines.get(window.unit, {}).get(window.module)
            if deadline is not None and window.due >= deadline:
                met[window.unit] = False
        return met

    def problems(self) -> tuple[Problem, ...]:
        """Every rule the plan breaks; see :func:`check_rollout`."""
        return check_rollout(self)

    def summary(self, locale: str = DEFAULT_LOCALE) -> str:
        """The plan for people, one line per unit, Swedish by default.

        Each unit's line gives its cohorts, its first and last session, and whether its
        deadlines are met (its earliest dates, ``not_before``, are always kept); then, for
        each unit whose deadlines were given up (:attr:`given_up`), the rule that proves
        them out of reach.
        """
        words = _SUMMARY.texts(locale)
        lines = []
        people = format_number(self.participants, locale=locale)
        cohorts = format_number(self.cohort_count, locale=locale)
        sessions = format_number(len(self.sessions), locale=locale)
        end = format_date(self.end_date, locale=locale)
        bound = format_date(self.lower_bound, locale=locale)
        gap = self.gap_working_days
        lines.append(
            words["head"].format(
                title=self.program.title,
                people=words["person" if self.participants == 1 else "people"].format(n=people),
                cohorts=words["one_cohort" if self.cohort_count == 1 else "cohort_n"].format(
                    n=cohorts
                ),
                sessions=words["session" if len(self.sessions) == 1 else "sessions"].format(
                    n=sessions
                ),
            )
        )
        after = words["same_day" if gap == 0 else "days_after" if gap > 1 else "day_after"]
        lines.append(words["last"].format(end=end, bound=bound, after=after.format(gap=gap)))
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
        lines += [given_up.explain(locale) for given_up in self.given_up]
        return "\n".join(lines)


def _unit_line(unit: RolloutUnit, count: int, period: str, met: bool, locale: str) -> str:
    words = _SUMMARY.texts(locale)
    rules = [(day, "before", code) for code, day in unit.deadlines.items()]
    rules += [(day, "from", code) for code, day in unit.not_before.items()]
    deadlines = format_list(
        [
            words[word].format(code=code, day=format_date(day, locale=locale))
            for day, word, code in sorted(rules, key=lambda rule: rule[0])
        ],
        locale=locale,
    )
    people = format_number(unit.headcount, locale=locale)
    text = words["cohort" if count == 1 else "cohorts"].format(
        count=count, people=people, period=period
    )
    if not rules:
        return words["no_deadline"].format(text=text)
    return words["met" if met else "not_met"].format(text=text, deadlines=deadlines)


_SUMMARY: Final = Words(
    {
        "head": (
            "{title}: {people} i {cohorts}, {sessions}.",
            "{title}: {people} in {cohorts}, {sessions}.",
        ),
        "person": ("{n} deltagare", "{n} participant"),
        "people": ("{n} deltagare", "{n} participants"),
        "one_cohort": ("{n} kohort", "{n} cohort"),
        "cohort_n": ("{n} kohorter", "{n} cohorts"),
        "session": ("{n} träff", "{n} session"),
        "sessions": ("{n} träffar", "{n} sessions"),
        "same_day": ("samma dag", "the same day"),
        "day_after": ("{gap} arbetsdag senare", "{gap} working day later"),
        "days_after": ("{gap} arbetsdagar senare", "{gap} working days later"),
        "last": (
            "Sista träffen {end}; tidigast möjliga slutdatum {bound} (planen slutar {after}).",
            "Last session {end}; earliest possible end {bound} (the plan ends {after}).",
        ),
        "before": ("{code} före {day}", "{code} before {day}"),
        "from": ("{code} från {day}", "{code} from {day}"),
        "cohort": (
            "{count} kohort ({people} deltagare), {period}",
            "{count} cohort ({people} participants), {period}",
        ),
        "cohorts": (
            "{count} kohorter ({people} deltagare), {period}",
            "{count} cohorts ({people} participants), {period}",
        ),
        "no_deadline": ("{text}; ingen sista dag.", "{text}; no last day."),
        "met": ("{text}; {deadlines}: uppfyllt.", "{text}; {deadlines}: met."),
        "not_met": ("{text}; {deadlines}: inte uppfyllt.", "{text}; {deadlines}: not met."),
        "unit_cohort": ("{unit}, kohort {cohort}", "{unit}, cohort {cohort}"),
    }
)
