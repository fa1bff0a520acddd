"""Request documents: what to schedule and what rollout to plan (registered document kinds).

A request is a document like any other (see :mod:`ledarutveckling.serialization`): a header,
``document = "schedule_request"`` (or ``"rollout_request"``) and ``schema_version = 1``, read
by the one converter, so unknown keys are refused and every problem is reported with its
path. A request names its program by its code in a catalogue; ``catalogue`` is the path of
that catalogue's document, relative to the request file. The request is resolved against the
catalogue with :meth:`ScheduleRequest.schedule` or :meth:`RolloutRequest.rollout`. The format
is described in ``docs/cli.md``.
"""

from __future__ import annotations

import datetime as dt
from os import PathLike
from pathlib import Path
from typing import Final, Literal

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import Clock, ProblemCode, written_list
from ledarutveckling._documents.messages import coded, quoted
from ledarutveckling._procurement.catalogue import Catalogue
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.problem import Facilitator, Rollout, RolloutUnit, Room, SessionSlot
from ledarutveckling._scheduling.calendar import Blackout, WorkingCalendar
from ledarutveckling._scheduling.sessions import Session, schedule_cohort
from ledarutveckling.errors import Problem, ValidationError

__all__ = [
    "ROLLOUT_REQUEST",
    "SCHEDULE_REQUEST",
    "BlackoutWeeks",
    "CalendarRequest",
    "CohortRequest",
    "RolloutRequest",
    "ScheduleRequest",
]

SCHEDULE_REQUEST: Final = "schedule_request"
"""The ``document`` header of a schedule request."""

ROLLOUT_REQUEST: Final = "rollout_request"
"""The ``document`` header of a rollout request."""

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday"]

_WEEKDAYS: Final[tuple[Weekday, ...]] = ("monday", "tuesday", "wednesday", "thursday", "friday")

FIRST_DAY: Final = pendulum.Date(1900, 1, 1)
"""The earliest day a request may start on."""

LAST_DAY: Final = pendulum.Date(2999, 12, 31)
"""The latest day a request may start on: a plan must be computable after it."""

MAX_EVERY_WEEKS: Final = 520
"""The longest cadence of a cohort's sessions, in weeks (ten years)."""

MAX_HEADCOUNT: Final = 100_000
"""The most people one unit of a rollout request may have."""


def _check_day(checks: Checker, path: str, value: object) -> None:
    """A request's day must lie in FIRST_DAY..LAST_DAY, the days a plan is computed for."""
    if isinstance(value, dt.date) and not FIRST_DAY <= value <= LAST_DAY:
        checks.add(
            path,
            value,
            f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()} "
            "(the days a schedule is computed for)",
            ProblemCode.DAY_OUT_OF_RANGE,
            day=value,
            first=FIRST_DAY,
            last=LAST_DAY,
        )


def _tuple(value: object) -> object:
    """Attrs converter: a list becomes a tuple (lossless); anything else is left to the checks."""
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class BlackoutWeeks:
    """A blackout of a request's calendar, in ISO weeks: ``sportlov``, 2027, weeks 9 to 9.

    Raises:
        ValidationError: If a week does not exist in that year, or *last_week* < *first_week*.
    """

    name: str
    year: int
    first_week: int
    last_week: int

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        for field in ("year", "first_week", "last_week"):
            checks.integer(field, getattr(self, field), minimum=1)
        checks.done()
        self.blackout()

    def blackout(self) -> Blackout:
        """The :class:`~ledarutveckling.scheduling.Blackout` these weeks stand for.

        Raises:
            ValidationError: As :meth:`Blackout.iso_weeks`, at this document's own keys
                (``first_week``, ``last_week``).
        """
        try:
            return Blackout.iso_weeks(self.name, self.year, self.first_week, self.last_week)
        except ValidationError as error:
            keys = {"first": "first_week", "last": "last_week"}
            raise ValidationError(
                attrs.evolve(problem, path=keys.get(problem.path, problem.path))
                for problem in error.problems
            ) from None


@attrs.frozen(kw_only=True)
class CalendarRequest:
    """A request's working calendar: the Swedish one, with the eves, blackouts and days off.

    Examples:
        >>> from ledarutveckling.scheduling import WorkingCalendar
        >>> from ledarutveckling.serialization import CalendarRequest
        >>> CalendarRequest(eves=False).working_calendar() == WorkingCalendar.sweden(eves=False)
        True
    """

    eves: bool = True
    blackouts: tuple[BlackoutWeeks, ...] = attrs.field(default=(), converter=_tuple)
    extra_days_off: tuple[pendulum.Date, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        self.working_calendar()  # the calendar checks every field

    def working_calendar(self) -> WorkingCalendar:
        """The :class:`~ledarutveckling.scheduling.WorkingCalendar` this stands for."""
        return WorkingCalendar.sweden(
            eves=self.eves,
            blackouts=[weeks.blackout() for weeks in self.blackouts],
            extra_days_off=self.extra_days_off,
        )


def _catalogue_file(catalogue: str | None, request_file: str | PathLike[str]) -> Path | None:
    return None if catalogue is None else Path(request_file).parent / catalogue


def _program(code: str, catalogue: Catalogue) -> Program:
    """The program *code* of *catalogue*; a ValidationError at ``program`` if it has none."""
    if code not in catalogue:
        message = f"must be a program code of the catalogue ({', '.join(catalogue.codes)})"
        raise ValidationError(
            [
                coded(
                    "program", code, message, ProblemCode.NOT_ALLOWED, valid=quoted(catalogue.codes)
                )
            ]
        )
    return catalogue.program(code)


def _check_catalogue(checks: Checker, catalogue: str | None) -> None:
    if catalogue is not None:
        checks.text("catalogue", catalogue)


def _not_empty(checks: Checker, path: str, items: tuple[object, ...]) -> None:
    if isinstance(items, tuple) and not items:
        checks.add(path, [], "must not be empty", ProblemCode.EMPTY_LIST)


@attrs.frozen(kw_only=True)
class CohortRequest:
    """One cohort to schedule: its name, first day, start time and preferences.

    Attributes:
        name: The cohort's name, e.g. ``"Grupp 1"``.
        first_day: The earliest day of its first session.
        start_time: When sessions start, in Stockholm wall-clock time.
        weekday: The weekday sessions are held on (``"monday"`` … ``"friday"``), if any.
        every_weeks: The cadence in weeks, if any.
        facilitators: Who leads the sessions.
        room: Where in-person sessions are held.
    """

    name: str
    first_day: pendulum.Date
    start_time: dt.time
    weekday: Weekday | None = None
    every_weeks: int | None = None
    facilitators: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    room: str | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        _check_day(checks, "first_day", self.first_day)
        if self.every_weeks is not None:
            checks.integer("every_weeks", self.every_weeks, minimum=1, maximum=MAX_EVERY_WEEKS)
        for index, name in enumerate(self.facilitators):
            checks.name(f"facilitators[{index}]", name)
        if self.room is not None:
            checks.name("room", self.room)
        checks.done()

    @property
    def weekday_number(self) -> int | None:
        """The weekday as :func:`~ledarutveckling.schedule_cohort` takes it (0 is Monday)."""
        return None if self.weekday is None else _WEEKDAYS.index(self.weekday)


@attrs.frozen(kw_only=True)
class ScheduleRequest:
    """A schedule request document: a program of a catalogue, a calendar and the cohorts.

    Attributes:
        program: The program's code in the catalogue.
        cohorts: The cohorts to schedule, at least one.
        calendar: The working calendar (the Swedish one by default).
        catalogue: The catalogue's document, a path relative to the request file; ``None``
            leaves the catalogue to the caller.
    """

    catalogue: str | None = None
    program: str
    calendar: CalendarRequest = attrs.field(factory=CalendarRequest)
    cohorts: tuple[CohortRequest, ...] = attrs.field(converter=_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        _check_catalogue(checks, self.catalogue)
        checks.text("program", self.program)
        _not_empty(checks, "cohorts", self.cohorts)
        if checks.items("cohorts", self.cohorts, CohortRequest, "CohortRequest objects"):
            # a cohort's sessions are known by its name (in the calendar's UIDs too): two
            # cohorts of one name would be one cohort holding every module twice
            names = (getattr(cohort, "name", object()) for cohort in self.cohorts)
            checks.unique("cohorts", names, "cohort name")
        checks.done()

    def catalogue_file(self, request_file: str | PathLike[str]) -> Path | None:
        """The file of :attr:`catalogue` for a request read from *request_file*, if named."""
        return _catalogue_file(self.catalogue, request_file)

    def program_in(self, catalogue: Catalogue) -> Program:
        """The requested program of *catalogue*.

        Raises:
            ValidationError: At ``program`` when the catalogue has no such program.
        """
        return _program(self.program, catalogue)

    def schedule(self, catalogue: Catalogue) -> tuple[Session, ...]:
        """Schedule every cohort with :func:`~ledarutveckling.schedule_cohort`, in order.

        Raises:
            ValidationError: When the catalogue has no such program (path ``program``), or a
                cohort cannot be scheduled (paths ``cohorts[i]...``).
        """
        program = self.program_in(catalogue)
        calendar = self.calendar.working_calendar()
        checks = Checker()
        sessions: list[Session] = []
        for index, cohort in enumerate(self.cohorts):
            try:
                sessions += schedule_cohort(
                    program,
                    cohort.name,
                    cohort.first_day,
                    calendar,
                    cohort.start_time,
                    weekday=cohort.weekday_number,
                    every_weeks=cohort.every_weeks,
                    facilitators=cohort.facilitators,
                    room=cohort.room,
                )
            except ValidationError as error:
                checks.problems += [self._in_request(p, index) for p in error.problems]
        checks.done()
        return tuple(sessions)

    def _in_request(self, problem: Problem, index: int) -> Problem:
        """*problem* of ``schedule_cohort`` for ``cohorts[index]``, at this request's path.

        The program is the catalogue's, not the request's: a session past midnight is at the
        cohort's ``start_time``, the program's span at the cohort, and a calendar without a
        working day at the request's ``calendar``.
        """
        cohort = self.cohorts[index]
        if problem.code == ProblemCode.SESSION_PAST_MIDNIGHT:
            return attrs.evolve(
                problem, path=f"cohorts[{index}].start_time", value=cohort.start_time
            )
        if problem.path == "calendar":
            return attrs.evolve(problem, value=self.calendar)
        if problem.path.startswith("program."):
            return attrs.evolve(problem, path=f"cohorts[{index}]", value=cohort.name)
        return problem.with_prefix(f"cohorts[{index}]")


@attrs.frozen(kw_only=True)
class RolloutRequest:
    """A rollout request document: a :class:`~ledarutveckling.scheduling.Rollout` as a file.

    The fields are the rollout's, except that the program is named by its code in a
    catalogue, the calendar is a :class:`CalendarRequest`, and :attr:`catalogue` says where
    that catalogue is. :meth:`rollout` resolves it into the rollout to plan.

    Attributes:
        catalogue: The catalogue's document, a path relative to the request file; ``None``
            leaves the catalogue to the caller.
    """

    catalogue: str | None = None
    program: str
    start: pendulum.Date
    cohort_size: tuple[int, int] | None = None
    calendar: CalendarRequest = attrs.field(factory=CalendarRequest)
    slots: tuple[SessionSlot, ...] = attrs.field(converter=_tuple)
    units: tuple[RolloutUnit, ...] = attrs.field(converter=_tuple)
    facilitators: tuple[Facilitator, ...] = attrs.field(converter=_tuple)
    rooms: tuple[Room, ...] = attrs.field(default=(), converter=_tuple)
    # Added in version 1 of the documents (issue 17): left out of them while it holds the
    # rollout's default (classes.OMIT_IF_DEFAULT), so older requests read and write the same.
    self_paced_days: int = attrs.field(
        default=14, metadata={"ledarutveckling.omit_if_default": True}
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        _check_catalogue(checks, self.catalogue)
        checks.text("program", self.program)
        checks.integer("self_paced_days", self.self_paced_days, minimum=1)
        for field in ("units", "facilitators", "slots"):
            _not_empty(checks, field, getattr(self, field))
        _check_day(checks, "start", self.start)
        for index, unit in enumerate(self.units if isinstance(self.units, tuple) else ()):
            headcount = getattr(unit, "headcount", None)
            if type(headcount) is int and headcount > MAX_HEADCOUNT:
                checks.add(
                    f"units[{index}].headcount",
                    headcount,
                    f"must be at most {MAX_HEADCOUNT} (the people of one unit a plan is made for)",
                    ProblemCode.TOO_LARGE,
                    given=headcount,
                    most=MAX_HEADCOUNT,
                )
        size = self.cohort_size
        if size is not None and not (1 <= size[0] <= size[1]):
            checks.add(
                "cohort_size",
                list(size),
                "must be [min, max] with 1 <= min <= max",
                ProblemCode.COHORT_SIZE,
                given=written_list(size),
            )
        checks.done()

    def catalogue_file(self, request_file: str | PathLike[str]) -> Path | None:
        """The file of :attr:`catalogue` for a request read from *request_file*, if named."""
        return _catalogue_file(self.catalogue, request_file)

    def rollout(self, catalogue: Catalogue) -> Rollout:
        """The rollout to plan, with the program taken from *catalogue*.

        Raises:
            ValidationError: At ``program`` when the catalogue has no such program, or as the
                rollout refuses its fields, at the request's paths: a module longer than a
                slot at that slot (``slots[0]``), any other rule of the catalogue's program
                at ``program`` (the request names the program; it does not hold it).
        """
        program = _program(self.program, catalogue)
        try:
            return Rollout(
                program=program,
                units=self.units,
                facilitators=self.facilitators,
                rooms=self.rooms,
                calendar=self.calendar.working_calendar(),
                slots=self.slots,
                start=self.start,
                cohort_size=self.cohort_size,
                self_paced_days=self.self_paced_days,
            )
        except ValidationError as error:
            raise self._at_request_paths(error) from None

    def _at_request_paths(self, error: ValidationError) -> ValidationError:
        """*error* of the rollout or its planner, its problems at this request's paths."""
        return type(error)(self._in_request(problem) for problem in error.problems)

    def _in_request(self, problem: Problem) -> Problem:
        """*problem* of the rollout, at the place of this request that holds what to change."""
        if not problem.path.startswith("program."):
            return problem
        slot = problem.params.get("slot")
        if problem.code == ProblemCode.MODULE_LONGER_THAN_SLOT and isinstance(slot, Clock):
            index = next(
                i for i, s in enumerate(self.slots) if (s.start, s.end) == (slot.start, slot.end)
            )
            return attrs.evolve(problem, path=f"slots[{index}]", value=self.slots[index])
        return attrs.evolve(problem, path="program", value=self.program)

    def plan(self, catalogue: Catalogue) -> RolloutPlan:
        """Plan :meth:`rollout` with :func:`~ledarutveckling.scheduling.plan_rollout`.

        Raises:
            ValidationError: As :meth:`rollout`, or when no valid plan exists, naming the
                binding constraint.
        """
        from ledarutveckling._rollout.planner import plan_rollout  # the planner on first use

        rollout = self.rollout(catalogue)
        try:
            return plan_rollout(rollout)
        except ValidationError as error:
            raise self._at_request_paths(error) from None
