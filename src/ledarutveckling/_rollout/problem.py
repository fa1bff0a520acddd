"""What a rollout plans for: units, facilitators, rooms, slots, the calendar."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Final, Protocol, runtime_checkable

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_tuple
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.messages import Clock, Counted, Expected, ProblemCode, written_list
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.windows import earliest_dues
from ledarutveckling.errors import ValidationError, join_path, key_path
from ledarutveckling.formatting import STOCKHOLM

_OMIT = "ledarutveckling.omit_if_default"
"""Field metadata: left out of documents at its default (see the document converter)."""

__all__ = ["Facilitator", "Rollout", "RolloutUnit", "Room", "SessionSlot", "WorkingDays"]

STOCKHOLM_ZONE: Final = pendulum.timezone(STOCKHOLM)
"""Stockholm's zone: the ``tzinfo`` of the sessions the planner makes, so ``in_zone`` of their
times to it is the time itself (no conversion, in the loops that read a session's day)."""


def _seconds(moment: dt.time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _sizes(headcount: int, cohort_size: tuple[int, int]) -> list[int] | None:
    """Balanced cohort sizes, as few cohorts as possible, or ``None`` if none fit the range."""
    smallest, largest = cohort_size
    count = math.ceil(headcount / largest)
    base, extra = divmod(headcount, count)
    if base < smallest:
        return None
    return [base + 1] * extra + [base] * (count - extra)


def _room_capped(size: tuple[int, int], program: Program, rooms: Sequence[Room]) -> tuple[int, int]:
    """*size* with its largest capped by the largest room, when modules are held in person.

    A cohort attends every module, so when one is held in person every cohort must fit a
    room: no larger cohort can be held. With no rooms, *size* as it is.
    """
    smallest, largest = size
    if rooms and any(module.format.needs_room for module in program.modules):
        largest = min(largest, max(room.capacity for room in rooms))
    return smallest, largest


def held_sizes(rollout: Rollout) -> tuple[int, int]:
    """The ``(min, max)`` cohort size the planner splits units within, and checks against.

    :attr:`Rollout.cohort_sizes` with its largest capped by the largest room when modules
    are held in person (see :func:`_room_capped`); the split of a unit is part of the plan.
    """
    return _room_capped(rollout.cohort_sizes, rollout.program, rollout.rooms)


@runtime_checkable
class WorkingDays(Protocol):
    """What the planner needs of a calendar: whether a day is a working day.

    :class:`~ledarutveckling.scheduling.WorkingCalendar` is one.
    """

    def is_working_day(self, day: dt.date) -> bool:
        """Whether sessions may be held on *day*."""


def _to_deadlines(value: Mapping[str, dt.date]) -> dict[str, pendulum.Date]:
    """Attrs converter: a mapping becomes a plain dict (a copy); the checks do the rest."""
    if isinstance(value, Mapping):
        return dict(value)  # type: ignore[arg-type]  # the checks convert the dates
    return value


def _check_dates(checks: Checker, name: str, value: object) -> None:
    """Check a mapping {module code: date} in place (its dates become ``pendulum.Date``)."""
    if not isinstance(value, dict):
        checks.add(
            name,
            value,
            "must be a mapping {module code: date}",
            ProblemCode.MUST_BE,
            expected=Expected.MODULE_DATES,
        )
        return
    for code, day in list(value.items()):
        if not isinstance(code, str):
            checks.add(
                name,
                code,
                "must have module codes (text) as keys",
                ProblemCode.ROLLOUT_KEY_NOT_CODE,
                given=code,
            )
            continue
        try:
            value[code] = to_date(day, "")
        except ValidationError as error:
            checks.extend(error, join_path(name, key_path(code)))


@attrs.frozen(kw_only=True)
class RolloutUnit:
    """One unit (förvaltning, avdelning) whose staff all take the program.

    Attributes:
        name: The unit's name, unique in a rollout, e.g. ``"Trafikkontoret"``.
        headcount: How many people take the program, at least 1.
        deadlines: For some module codes, the date every cohort of the unit must have held
            that module *before* (e.g. the unit's move date); a ``datetime.date`` is accepted.
        not_before: For some module codes, the earliest date every cohort of the unit may
            hold that module *on* (e.g. a follow-up after the move); for a self-paced module,
            the earliest day its window opens (its due day is then at least the rollout's
            ``self_paced_days`` later).
        max_away: The most of the unit's staff in sessions in the same slot (the unit must
            keep running), at least the unit's largest cohort; ``None``: no limit.

    :meth:`moving` makes a unit from a move date and the modules to hold before and after it.

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
    # Added in issue 17: left out of documents at their defaults, so older ones read the same.
    not_before: dict[str, pendulum.Date] = attrs.field(
        factory=dict, converter=_to_deadlines, hash=False, metadata={_OMIT: True}
    )
    max_away: int | None = attrs.field(default=None, metadata={_OMIT: True})

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.integer("headcount", self.headcount, minimum=1)
        _check_dates(checks, "deadlines", self.deadlines)
        _check_dates(checks, "not_before", self.not_before)
        if self.max_away is not None:
            checks.integer("max_away", self.max_away, minimum=1)
        checks.done()

    @classmethod
    def moving(
        cls,
        *,
        name: str,
        headcount: int,
        move_date: dt.date,
        before: Sequence[str] = (),
        after: Sequence[str] = (),
        max_away: int | None = None,
    ) -> RolloutUnit:
        """A unit that moves on *move_date*: *before* held before it, *after* on it or later.

        Each module code of *before* gets the move date as its deadline, each of *after* as
        its ``not_before``; a module in neither may be held any time.

        Examples:
            >>> unit = RolloutUnit.moving(name="Trafikkontoret", headcount=1180,
            ...                           move_date=pendulum.date(2027, 10, 29),
            ...                           before=("M1", "M2"), after=("M3",))
            >>> unit.deadlines, unit.not_before
            ({'M1': Date(2027, 10, 29), 'M2': Date(2027, 10, 29)}, {'M3': Date(2027, 10, 29)})

        Raises:
            ValidationError: *before* or *after* is not a list of module codes (one code as
                text would be read letter by letter), or the unit breaks a rule.
        """
        checks = Checker()
        for path, codes in (("before", before), ("after", after)):
            if isinstance(codes, str) or not isinstance(codes, Sequence):
                checks.add(
                    path,
                    codes,
                    "must be a list of module codes, e.g. ['M1', 'M2']",
                    ProblemCode.NOT_A_LIST,
                )
        checks.done()
        return cls(
            name=name,
            headcount=headcount,
            deadlines=dict.fromkeys(before, move_date),
            not_before=dict.fromkeys(after, move_date),
            max_away=max_away,
        )


def _to_absences(value: Sequence[DateRange]) -> tuple[DateRange, ...]:
    """Attrs converter: a list of absences becomes a tuple (lossless)."""
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _skills(value: Sequence[str] | None) -> tuple[str, ...] | None:
    """Attrs converter: a list of module codes becomes a tuple (lossless)."""
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
        modules: The codes of the modules they may lead (their skills); ``None`` (the
            default): every module. Only those who may lead a module are paired for it.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> Facilitator(name="Anna", absences=[DateRange.from_iso("2027-02-15", "2027-02-26")])
        Facilitator(name='Anna', max_sessions_per_day=2, max_sessions_per_week=7, \
absences=(DateRange(start=Date(2027, 2, 15), end=Date(2027, 2, 26)),), modules=None)
    """

    name: str
    max_sessions_per_day: int = 2
    max_sessions_per_week: int = 7
    absences: tuple[DateRange, ...] = attrs.field(default=(), converter=_to_absences)
    modules: tuple[str, ...] | None = attrs.field(
        default=None, converter=_skills, metadata={_OMIT: True}
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.name("name", self.name)
        checks.integer("max_sessions_per_day", self.max_sessions_per_day, minimum=1)
        checks.integer("max_sessions_per_week", self.max_sessions_per_week, minimum=1)
        checks.items("absences", self.absences, DateRange, "DateRange objects")
        if self.modules is not None:
            if not isinstance(self.modules, tuple):
                checks.add(
                    "modules",
                    self.modules,
                    "must be a list of module codes, or None",
                    ProblemCode.NOT_A_LIST,
                )
            else:
                for index, code in enumerate(self.modules):
                    checks.text(f"modules[{index}]", code)
                checks.unique("modules", self.modules, "module code")
        checks.done()

    def may_lead(self, code: str) -> bool:
        """Whether they may lead the module *code*.

        Examples:
            >>> Facilitator(name="Anna", modules=["M1"]).may_lead("M2")
            False
            >>> Facilitator(name="Bo").may_lead("M2")
            True
        """
        return self.modules is None or code in self.modules

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
        checks.name("name", self.name)
        checks.integer("capacity", self.capacity, minimum=1)
        checks.done()


def _check_wall_time(checks: Checker, path: str, value: object) -> None:
    if not isinstance(value, dt.time):
        checks.add(
            path,
            value,
            "must be a time of day, e.g. datetime.time(9, 0)",
            ProblemCode.MUST_BE,
            expected=Expected.WALL_TIME,
        )
    elif value.tzinfo is not None:
        checks.add(
            path,
            value,
            "must be a wall-clock time without a zone (Europe/Stockholm)",
            ProblemCode.ZONE_NOT_ALLOWED,
        )
    elif value.microsecond:  # an invitation (iCalendar) has no fractions: it would differ
        checks.add(
            path,
            value.isoformat(),
            "must be whole seconds, e.g. 09:00",
            ProblemCode.TIME_FRACTION,
            given=value.isoformat(),
        )


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
            checks.add(
                "end",
                self.end,
                f"must be after start ({self.start.isoformat()})",
                ProblemCode.SLOT_END_NOT_AFTER_START,
                start=Clock(start=self.start),
                end=Clock(start=self.end),
            )
        checks.done()

    @property
    def length(self) -> pendulum.Duration:
        """How long the slot is."""
        seconds = _seconds(self.end) - _seconds(self.start)
        return pendulum.duration(seconds=seconds)


def _tuple(value: Sequence[object]) -> tuple[object, ...]:
    """Attrs converter: a list becomes a tuple (lossless); anything else is left to the checks."""
    return as_tuple(value)  # type: ignore[no-any-return]


def _pair(value: Sequence[int] | None) -> tuple[int, int] | None:
    """Attrs converter: a list ``[min, max]`` becomes a tuple; the rest is left to the checks."""
    return as_tuple(value)  # type: ignore[no-any-return]


def _day(value: dt.date) -> pendulum.Date:
    """Attrs converter: a plain date becomes a ``pendulum.Date``; the checks refuse a datetime."""
    return as_date(value)  # type: ignore[no-any-return]


@attrs.frozen(kw_only=True)
class Rollout:
    """A rollout to plan, declared once: who takes which program, who leads it, where and when.

    This is the problem :func:`~ledarutveckling.scheduling.plan_rollout` solves and the
    :class:`~ledarutveckling.scheduling.RolloutPlan` it returns keeps; a rollout request
    document and the testing strategies build one too. It checks itself when made: every
    problem is reported at once, with its path (``units[2].headcount``), including the
    rules across fields (every module fits every slot, each unit splits into balanced
    cohorts, a room takes the largest cohort when modules are held in person).

    Attributes:
        program: The program every cohort takes.
        units: The units, with their headcounts and deadlines (a list becomes a tuple).
        facilitators: Who can lead sessions.
        rooms: Rooms for in-person modules.
        calendar: The working days, e.g. ``WorkingCalendar.sweden(...)``: anything with an
            ``is_working_day(day)`` method (:class:`WorkingDays`).
        slots: The bookable slots of a working day, in order, not overlapping; every module
            must fit every slot.
        start: The first day sessions may be held; a ``datetime.date`` becomes a
            ``pendulum.Date``, a datetime is refused (its day depends on its zone).
        cohort_size: ``(min, max)`` participants per cohort; ``None`` takes the program's.
        self_paced_days: The days of a self-paced module's window when no scheduled module
            bounds it: before the first session for a leading one, after the last session
            for a trailing one (see :attr:`RolloutPlan.self_paced`); at least 1. A
            self-paced module takes no facilitator, room or slot.

    Raises:
        ValidationError: Listing every field that breaks a rule.
    """

    program: Program
    units: tuple[RolloutUnit, ...] = attrs.field(converter=_tuple)
    facilitators: tuple[Facilitator, ...] = attrs.field(converter=_tuple)
    rooms: tuple[Room, ...] = attrs.field(converter=_tuple)
    calendar: WorkingDays = attrs.field(hash=False, eq=False)
    slots: tuple[SessionSlot, ...] = attrs.field(converter=_tuple)
    start: pendulum.Date = attrs.field(converter=_day)
    cohort_size: tuple[int, int] | None = attrs.field(default=None, converter=_pair)
    self_paced_days: int = 14

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("program", self.program, Program, "a Program")
        checks.integer("self_paced_days", self.self_paced_days, minimum=1)
        units = checks.items("units", self.units, RolloutUnit, "RolloutUnit objects")
        people = checks.items("facilitators", self.facilitators, Facilitator, "Facilitator objects")
        rooms = checks.items("rooms", self.rooms, Room, "Room objects")
        slots = checks.items("slots", self.slots, SessionSlot, "SessionSlot objects")
        if not units:
            checks.add("units", self.units, "must hold at least one unit", ProblemCode.EMPTY_LIST)
        if not people:
            checks.add(
                "facilitators",
                self.facilitators,
                "must hold at least one facilitator",
                ProblemCode.EMPTY_LIST,
            )
        if not slots:
            checks.add("slots", self.slots, "must hold at least one slot", ProblemCode.EMPTY_LIST)
        checks.unique("units", (u.name for u in units), "unit name")
        checks.unique("facilitators", (f.name for f in people), "facilitator name")
        checks.unique("rooms", (r.name for r in rooms), "room name")
        if not isinstance(self.calendar, WorkingDays):
            checks.add(
                "calendar",
                self.calendar,
                "must have is_working_day(day), e.g. a WorkingCalendar",
                ProblemCode.WRONG_TYPE,
            )
        checks.run("start", lambda: to_date(self.start, ""))
        for index in range(1, len(slots)):
            if slots[index].start < slots[index - 1].end:
                checks.add(
                    f"slots[{index}].start",
                    slots[index].start,
                    f"must not be before the previous slot ends "
                    f"({slots[index - 1].end.isoformat()}); "
                    "give the slots in order, without overlaps",
                    ProblemCode.SLOTS_OVERLAP,
                    start=Clock(start=slots[index].start),
                    end=Clock(start=slots[index - 1].end),
                )
        size = self.cohort_size
        if size is not None and not (
            isinstance(size, tuple)
            and len(size) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in size)
            and 1 <= size[0] <= size[1]
        ):
            checks.add(
                "cohort_size",
                size,
                "must be a pair (min, max) with 1 <= min <= max",
                ProblemCode.COHORT_SIZE,
                given=written_list(size),
            )
        checks.done()
        self._check_against_the_program(checks, units, people, rooms, slots)
        checks.done()

    def _check_against_the_program(
        self,
        checks: Checker,
        units: list[RolloutUnit],
        people: list[Facilitator],
        rooms: list[Room],
        slots: list[SessionSlot],
    ) -> None:
        """The rules across fields, once each field is right on its own."""
        program = self.program
        own = self.cohort_sizes
        size = _room_capped(own, program, rooms)
        if not any(module.format.is_scheduled for module in program.modules):
            checks.add(
                "program.modules",
                [module.code for module in program.modules],
                "must include a scheduled module (in person or digital): "
                "self-paced modules alone need no sessions",
                ProblemCode.ROLLOUT_NOTHING_SCHEDULED,
                program=program.code,
            )
        for index, module in enumerate(program.modules):
            if not module.format.is_scheduled:
                continue  # no slot, no facilitator
            for slot_index, slot in enumerate(slots):
                if module.duration.total_seconds() > slot.length.total_seconds():
                    checks.add(
                        f"program.modules[{index}].duration",
                        module.duration,
                        f"{module.code} does not fit slot {slot_index} "
                        f"({slot.start.isoformat('minutes')}–{slot.end.isoformat('minutes')}); "
                        "a session occupies one slot",
                        ProblemCode.MODULE_LONGER_THAN_SLOT,
                        module=module.code,
                        duration=module.duration,
                        slot=Clock(start=slot.start, end=slot.end),
                    )
            skilled = sum(1 for f in people if f.may_lead(module.code))
            if skilled == len(people) < module.facilitators:  # too few, whoever they are
                checks.add(
                    "facilitators",
                    len(people),
                    f"are too few: {module.code} needs {module.facilitators} facilitators at once",
                    ProblemCode.ROLLOUT_TOO_FEW_FACILITATORS,
                    module=module.code,
                    need=Counted(number=module.facilitators, thing="facilitator"),
                    count=Counted(number=len(people), thing="facilitator"),
                )
            elif skilled < module.facilitators:  # some may not lead it: say so
                checks.add(
                    "facilitators",
                    skilled,
                    f"are too few who may lead {module.code}: it needs "
                    f"{module.facilitators} at once, {skilled} may lead it",
                    ProblemCode.ROLLOUT_TOO_FEW_SKILLED,
                    module=module.code,
                    need=module.facilitators,
                    skilled=skilled,
                )
        codes = {module.code for module in program.modules}
        largest = 0
        for index, person in enumerate(people):
            for code in person.modules or ():
                self._check_code(checks, f"facilitators[{index}].modules", code, codes)
        for index, unit in enumerate(units):
            for field_name in ("deadlines", "not_before"):
                for code in getattr(unit, field_name):
                    self._check_code(checks, f"units[{index}].{field_name}", code, codes)
            for code, earliest in unit.not_before.items():
                deadline = unit.deadlines.get(code)
                if deadline is not None and deadline <= earliest:
                    checks.add(
                        f"units[{index}].not_before",
                        earliest,
                        f"{unit.name}: {code} may not be held before {earliest.isoformat()} "
                        f"but must be held before {deadline.isoformat()}",
                        ProblemCode.ROLLOUT_EMPTY_WINDOW,
                        unit=unit.name,
                        module=code,
                        not_before=earliest,
                        deadline=deadline,
                    )
            dues = earliest_dues(program.modules, self.self_paced_days, unit.not_before)
            for code, (due, first) in dues.items():
                deadline = unit.deadlines.get(code)
                empty = code == first and deadline is not None and deadline <= unit.not_before[code]
                if deadline is not None and deadline <= due and not empty:
                    checks.add(
                        f"units[{index}].deadlines",
                        deadline,
                        f"{unit.name}: self-paced {code} must be due before "
                        f"{deadline.isoformat()} but cannot be due until {due.isoformat()}, "
                        f"since {first} may not begin before {unit.not_before[first].isoformat()}",
                        ProblemCode.ROLLOUT_WINDOW_AFTER_DEADLINE,
                        unit=unit.name,
                        module=code,
                        deadline=deadline,
                        due=due,
                        first=first,
                        not_before=unit.not_before[first],
                    )
            sizes = _sizes(unit.headcount, size)
            if sizes is not None and unit.max_away is not None and unit.max_away < sizes[0]:
                checks.add(
                    f"units[{index}].max_away",
                    unit.max_away,
                    f"{unit.name}: at most {unit.max_away} away at once is too few for a cohort "
                    f"of {sizes[0]} participants",
                    ProblemCode.ROLLOUT_AWAY_TOO_SMALL,
                    unit=unit.name,
                    away=unit.max_away,
                    size=sizes[0],
                )
            if sizes is None and size != own and _sizes(unit.headcount, own) is not None:
                checks.add(
                    f"units[{index}].headcount",
                    unit.headcount,
                    f"{unit.name}: {unit.headcount} participants cannot be split into cohorts "
                    f"that fit the largest room ({size[1]} seats) with at least {size[0]} "
                    "per cohort",
                    ProblemCode.ROLLOUT_NO_ROOM_FOR_SPLIT,
                    unit=unit.name,
                    people=unit.headcount,
                    seats=size[1],
                    least=size[0],
                )
            elif sizes is None:
                checks.add(
                    f"units[{index}].headcount",
                    unit.headcount,
                    f"cannot be split into balanced cohorts of {own[0]}–{own[1]} participants",
                    ProblemCode.ROLLOUT_CANNOT_SPLIT,
                    unit=unit.name,
                    people=unit.headcount,
                    least=own[0],
                    most=own[1],
                )
            else:
                largest = max(largest, sizes[0])
        if any(m.format.needs_room for m in program.modules) and not any(
            room.capacity >= largest for room in rooms
        ):
            checks.add(
                "rooms",
                [room.capacity for room in rooms],
                f"must include a room for the largest cohort ({largest} participants), "
                "since modules are held in person",
                ProblemCode.ROLLOUT_NO_ROOM_FOR_COHORT,
                size=largest,
            )

    def _check_code(self, checks: Checker, path: str, code: str, codes: set[str]) -> None:
        if code not in codes:
            checks.add(
                path,
                code,
                f"names no module of {self.program.code} ({', '.join(sorted(codes))})",
                ProblemCode.ROLLOUT_UNKNOWN_MODULE,
                module=code,
                program=self.program.code,
                modules=sorted(codes),
            )

    @property
    def cohort_sizes(self) -> tuple[int, int]:
        """The ``(min, max)`` cohort size in force: the rollout's own, else the program's.

        When modules are held in person the planner splits units within it with its largest
        capped by the largest room: no larger cohort can be held.
        """
        return self.cohort_size if self.cohort_size is not None else self.program.cohort_size
