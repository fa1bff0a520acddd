"""Checking a rollout plan against every rule (check_rollout)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange, elapsed, in_zone, wall_clock
from ledarutveckling._base.messages import Clock, Counted, Expected, ProblemCode
from ledarutveckling._procurement.offerings import Module, Program
from ledarutveckling._rollout.problem import STOCKHOLM_ZONE, RolloutUnit, Room, SessionSlot, _sizes
from ledarutveckling._rollout.windows import anchors, gaps, scheduled, windows
from ledarutveckling.errors import Problem

if TYPE_CHECKING:
    from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession, SelfPacedWindow

__all__ = ["check_rollout"]


def check_rollout(plan: RolloutPlan) -> tuple[Problem, ...]:
    """Every rule the plan's sessions break, checked independently of the planner.

    The rules:

    * every session names a unit and a module of the rollout, a cohort number from 1, and
      the size of that cohort; a unit's cohorts are numbered from 1 without a gap,
      balanced (sizes differ by at most one), within the cohort size range, and add up to
      its headcount (the planner chooses how many, see :func:`plan_rollout`);
    * every cohort holds every scheduled module exactly once, in order: each at least the
      module's ``min_days_after_previous`` calendar days (with those of the self-paced
      modules between) after the previous one and starting after it ends, the last at most
      the program's ``max_span_days`` after the first, and each before its unit's deadline
      for it and not before its earliest date (``not_before``); a self-paced module has no
      session, and its window (see :attr:`RolloutPlan.self_paced`) ends before its unit's
      deadline for it and at least ``self_paced_days`` after its earliest date; a window a
      re-plan kept as it was (:attr:`RolloutPlan.held_windows`) counts as it is, and the
      session after it is at least the gaps after its due day;
    * a session starts on a working day of the calendar, on or after the start, at the start
      of a slot, and lasts exactly its module's duration within that slot;
    * it has the module's number of distinct, known facilitators, each allowed to lead the
      module, none absent that day or in another session at the same time, none over their
      sessions per day or per ISO week;
    * no unit has more of its staff in sessions starting at the same time than its
      ``max_away``;
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
    away: dict[tuple[str, dt.datetime], list[int]] = defaultdict(list)
    for index, session in enumerate(plan.sessions):
        path = f"sessions[{index}]"
        known_unit = session.unit in units
        if not known_unit:
            checks.add(
                f"{path}.unit",
                session.unit,
                "is not a unit of the rollout",
                ProblemCode.ROLLOUT_UNKNOWN_UNIT,
                unit=session.unit,
            )
        entry = modules.get(session.module)
        if entry is None:
            checks.add(
                f"{path}.module",
                session.module,
                "is not a module of the program",
                ProblemCode.ROLLOUT_UNKNOWN_MODULE,
                module=session.module,
                program=program.code,
                modules=list(modules),
            )
        elif not entry[1].format.is_scheduled:
            checks.add(
                f"{path}.module",
                session.module,
                "is self-paced: it takes no session, facilitator or room "
                "(the cohort gets a window for it, plan.self_paced)",
                ProblemCode.ROLLOUT_SELF_PACED_SESSION,
                module=session.module,
            )
            continue
        if not _check_time(checks, plan, path, session, entry[1] if entry else None, slots):
            continue
        day = session.date
        for position, name in enumerate(session.facilitators):
            facilitator = facilitators.get(name)
            where = f"{path}.facilitators[{position}]"
            if facilitator is None:
                checks.add(
                    where,
                    name,
                    "is not a facilitator of the rollout",
                    ProblemCode.ROLLOUT_UNKNOWN_FACILITATOR,
                    facilitator=name,
                )
                continue
            if name in session.facilitators[:position]:
                checks.add(
                    where,
                    name,
                    "is named twice; a session needs distinct facilitators",
                    ProblemCode.ROLLOUT_FACILITATOR_TWICE,
                    facilitator=name,
                )
                continue
            if facilitator.is_absent(day):
                checks.add(
                    where,
                    name,
                    f"is absent on {day.isoformat()}",
                    ProblemCode.ROLLOUT_FACILITATOR_ABSENT,
                    facilitator=name,
                    day=day,
                )
            if entry is not None and not facilitator.may_lead(session.module):
                skills = tuple(facilitator.modules or ())
                checks.add(
                    where,
                    name,
                    f"may not lead {session.module}, only {', '.join(skills)}",
                    ProblemCode.ROLLOUT_NOT_SKILLED,
                    facilitator=name,
                    module=session.module,
                    skills=skills,
                )
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
                    ProblemCode.ROLLOUT_FACILITATOR_COUNT,
                    module=module.code,
                    need=Counted(number=module.facilitators, thing="facilitator"),
                    given=len(session.facilitators),
                )
            _check_room(checks, path, session, module, rooms, room_busy, index)
        if known_unit:
            by_cohort[(session.unit, session.cohort)].append((index, session))
            away[(session.unit, session.start)].append(index)
    _check_overlaps(checks, plan, fac_busy, "facilitators", "facilitator")
    _check_overlaps(checks, plan, room_busy, "room", "room")
    for (name, day), indices in fac_days.items():
        cap = facilitators[name].max_sessions_per_day
        if len(indices) > cap:
            checks.add(
                f"sessions[{indices[cap]}].facilitators",
                name,
                f"leads {len(indices)} sessions on {day.isoformat()}; at most {cap} a day",
                ProblemCode.ROLLOUT_DAY_CAP,
                facilitator=name,
                sessions=Counted(number=len(indices), thing="session"),
                day=day,
                cap=cap,
            )
    for (name, year, week), indices in fac_weeks.items():
        cap = facilitators[name].max_sessions_per_week
        if len(indices) > cap:
            checks.add(
                f"sessions[{indices[cap]}].facilitators",
                name,
                f"leads {len(indices)} sessions in week {week} of {year}; at most {cap} a week",
                ProblemCode.ROLLOUT_WEEK_CAP,
                facilitator=name,
                sessions=Counted(number=len(indices), thing="session"),
                week=week,
                period=_iso_week(year, week),
                cap=cap,
            )
    # The program's scheduled modules and their gaps, for every cohort's chain.
    shape = _Shape(
        led=scheduled(program.modules),
        gaps=gaps(program.modules),
        self_paced=any(not m.format.is_scheduled for m in program.modules),
    )
    for index, unit in enumerate(plan.units):
        _check_cohorts(checks, plan, index, unit, by_cohort, shape)
    _check_away(checks, plan, units, away)
    return tuple(checks.problems)


def _check_away(
    checks: Checker,
    plan: RolloutPlan,
    units: Mapping[str, tuple[int, RolloutUnit]],
    away: Mapping[tuple[str, dt.datetime], list[int]],
) -> None:
    """No unit has more of its staff in sessions starting together than its ``max_away``."""
    for (name, start), indices in away.items():
        limit = units[name][1].max_away
        people = sum(plan.sessions[i].size for i in indices)
        if limit is not None and people > limit:
            when = in_zone(start, STOCKHOLM_ZONE)
            checks.add(
                f"units[{units[name][0]}].max_away",
                people,
                f"{name} has {people} of its staff in sessions at {when.isoformat()}; "
                f"at most {limit} may be away at once",
                ProblemCode.ROLLOUT_TOO_MANY_AWAY,
                unit=name,
                people=people,
                start=when,
                away=limit,
            )


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
        if not isinstance(moment, dt.datetime):
            checks.add(
                f"{path}.{field_name}",
                moment,
                "must be an aware datetime",
                ProblemCode.MUST_BE,
                expected=Expected.DATETIME,
            )
            return False
        if moment.utcoffset() is None:
            checks.add(
                f"{path}.{field_name}", moment, "must be an aware datetime", ProblemCode.NOT_AWARE
            )
            return False
    start = in_zone(session.start, STOCKHOLM_ZONE)
    end = in_zone(session.end, STOCKHOLM_ZONE)
    day = start.date()
    if day < plan.start:
        checks.add(
            f"{path}.start",
            start,
            f"is before the rollout starts ({plan.start})",
            ProblemCode.ROLLOUT_BEFORE_START,
            start=start,
            first=plan.start,
        )
    if not plan.calendar.is_working_day(day):
        checks.add(
            f"{path}.start",
            start,
            f"is not on a working day ({day.isoformat()})",
            ProblemCode.ROLLOUT_NOT_WORKING_DAY,
            day=day,
        )
    slot = slots.get(wall_clock(start))
    if slot is None:
        wall = start.time().replace(tzinfo=None)
        starts = ", ".join(s.start.isoformat("minutes") for s in plan.slots)
        checks.add(
            f"{path}.start",
            start,
            f"must start a slot ({starts})",
            ProblemCode.ROLLOUT_NOT_SLOT_START,
            time=Clock(start=wall),
            starts=[Clock(start=s.start) for s in plan.slots],
        )
    elif end.date() != day or wall_clock(end) > slot.end:
        checks.add(
            f"{path}.end",
            end,
            f"must be within its slot (ends {slot.end.isoformat()})",
            ProblemCode.ROLLOUT_PAST_SLOT,
            end=end,
            slot_end=Clock(start=slot.end),
        )
    if module is not None and elapsed(start, end) != module.duration.total_seconds():
        message = f"must be {module.code}'s duration after the start ({module.duration})"
        if end < start:
            checks.add(
                f"{path}.end", end, message, ProblemCode.END_BEFORE_START, end=end, start=start
            )
        else:
            checks.add(
                f"{path}.end",
                end,
                message,
                ProblemCode.ROLLOUT_WRONG_DURATION,
                length=end - start,
                module=module.code,
                duration=module.duration,
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
    if not module.format.needs_room:
        return
    if session.room is None:
        checks.add(
            f"{path}.room",
            None,
            f"must name a room: {module.code} is held in person",
            ProblemCode.ROLLOUT_ROOM_MISSING,
            module=module.code,
        )
        return
    room = rooms.get(session.room)
    if room is None:
        checks.add(
            f"{path}.room",
            session.room,
            "is not a room of the rollout",
            ProblemCode.ROLLOUT_UNKNOWN_ROOM,
            room=session.room,
        )
        return
    if room.capacity < session.size:
        checks.add(
            f"{path}.room",
            session.room,
            f"takes {room.capacity} participants, fewer than the cohort's {session.size}",
            ProblemCode.ROLLOUT_ROOM_TOO_SMALL,
            room=session.room,
            capacity=room.capacity,
            size=session.size,
        )
    room_busy[session.room].append(index)


def _check_overlaps(
    checks: Checker,
    plan: RolloutPlan,
    busy: Mapping[str, list[int]],
    field_name: str,
    what: str,
) -> None:
    code = ProblemCode.ROLLOUT_ROOM_BUSY if what == "room" else ProblemCode.ROLLOUT_FACILITATOR_BUSY
    for name, indices in busy.items():
        ordered = sorted(indices, key=lambda i: plan.sessions[i].start.timestamp())
        latest_end: dt.datetime | None = None
        for index in ordered:
            session = plan.sessions[index]
            if latest_end is not None and session.start < latest_end:
                checks.add(
                    f"sessions[{index}].{field_name}",
                    name,
                    f"the {what} is in another session at the same time",
                    code,
                    **{what: name},
                )
            if latest_end is None or session.end > latest_end:
                latest_end = session.end


@attrs.frozen(kw_only=True)
class _Shape:
    """What :func:`_check_chain` reads of the program, the same for every cohort.

    Attributes:
        led: The indices of the scheduled modules (:func:`~ledarutveckling._rollout.windows.
            scheduled`).
        gaps: Their gaps (:func:`~ledarutveckling._rollout.windows.gaps`).
        self_paced: Whether any module is self-paced (else no cohort has a window).
    """

    led: list[int]
    gaps: list[int]
    self_paced: bool


def _check_cohorts(
    checks: Checker,
    plan: RolloutPlan,
    index: int,
    unit: RolloutUnit,
    by_cohort: Mapping[tuple[str, int], list[tuple[int, RolloutSession]]],
    shape: _Shape,
) -> None:
    path = f"units[{index}]"
    program = plan.program
    numbers = sorted(number for name, number in by_cohort if name == unit.name)
    expected = numbers or _sizes(unit.headcount, plan.cohort_size) or []
    if numbers != list(range(1, len(expected) + 1)):
        message = (
            f"{unit.name} must have cohorts 1 to {len(expected)} "
            f"({unit.headcount} people in cohorts of {plan.cohort_size[0]}–{plan.cohort_size[1]})"
        )
        if numbers:
            checks.add(
                path,
                numbers,
                message,
                ProblemCode.ROLLOUT_COHORT_NUMBERS,
                unit=unit.name,
                given=numbers,
            )
        else:
            checks.add(
                path,
                numbers,
                message,
                ProblemCode.ROLLOUT_UNIT_WITHOUT_SESSIONS,
                unit=unit.name,
                people=unit.headcount,
                least=plan.cohort_size[0],
                most=plan.cohort_size[1],
                cohorts=Counted(number=len(expected), thing="cohort"),
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
                    ProblemCode.ROLLOUT_COHORT_SIZE_DIFFERS,
                    unit=unit.name,
                    cohort=number,
                    given=session.size,
                    size=first.size,
                )
        sizes.append(first.size)
        kept = {w.module: w for w in plan.held_windows if (w.unit, w.cohort) == (unit.name, number)}
        _check_chain(
            checks, path, program, unit, number, sessions, plan.rollout.self_paced_days, kept, shape
        )
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
            ProblemCode.ROLLOUT_COHORT_SIZES,
            unit=unit.name,
            sizes=sizes,
            people=unit.headcount,
            least=plan.cohort_size[0],
            most=plan.cohort_size[1],
        )


def _check_chain(
    checks: Checker,
    path: str,
    program: Program,
    unit: RolloutUnit,
    number: int,
    sessions: list[tuple[int, RolloutSession]],
    self_paced_days: int,
    kept: Mapping[str, SelfPacedWindow],
    shape: _Shape,
) -> None:
    held: dict[str, list[tuple[int, RolloutSession]]] = defaultdict(list)
    for entry in sessions:
        held[entry[1].module].append(entry)
    previous: tuple[int, RolloutSession] | None = None
    first: RolloutSession | None = None
    for module, gap in zip([program.modules[i] for i in shape.led], shape.gaps, strict=True):
        own = held.get(module.code, [])
        if not own:
            checks.add(
                path,
                number,
                f"{unit.name}'s cohort {number} has no session of {module.code}",
                ProblemCode.ROLLOUT_MODULE_MISSING,
                unit=unit.name,
                cohort=number,
                module=module.code,
            )
            previous = None
            continue
        for extra_index, _ in own[1:]:
            checks.add(
                f"sessions[{extra_index}].module",
                module.code,
                f"{unit.name}'s cohort {number} already has a session of {module.code}",
                ProblemCode.ROLLOUT_MODULE_TWICE,
                unit=unit.name,
                cohort=number,
                module=module.code,
            )
        index, session = own[0]
        earliest = unit.not_before.get(module.code)
        if earliest is not None and session.date < earliest:
            checks.add(
                f"sessions[{index}].start",
                session.start,
                f"must not be before {unit.name}'s earliest date for {module.code} "
                f"({earliest.isoformat()})",
                ProblemCode.ROLLOUT_TOO_EARLY,
                unit=unit.name,
                cohort=number,
                module=module.code,
                day=session.date,
                not_before=earliest,
            )
        deadline = unit.deadlines.get(module.code)
        if deadline is not None and session.date >= deadline:
            checks.add(
                f"sessions[{index}].start",
                session.start,
                f"must be before {unit.name}'s deadline for {module.code} ({deadline.isoformat()})",
                ProblemCode.ROLLOUT_TOO_LATE,
                unit=unit.name,
                cohort=number,
                module=module.code,
                day=session.date,
                deadline=deadline,
            )
        if first is None:
            first = session
        if previous is not None:
            before = previous[1]
            days = session.date.toordinal() - before.date.toordinal()
            if days < gap or session.start < before.end:
                message = (
                    f"must be at least {gap} days after the "
                    f"cohort's previous module and after it ends ({before.date.isoformat()})"
                )
                if days < gap:
                    checks.add(
                        f"sessions[{index}].start",
                        session.start,
                        message,
                        ProblemCode.ROLLOUT_GAP_TOO_SHORT,
                        unit=unit.name,
                        cohort=number,
                        module=module.code,
                        day=session.date,
                        gap=pendulum.duration(days=gap),
                        previous=before.date,
                    )
                else:
                    checks.add(
                        f"sessions[{index}].start",
                        session.start,
                        message,
                        ProblemCode.ROLLOUT_BEFORE_PREVIOUS_ENDS,
                        unit=unit.name,
                        cohort=number,
                        module=module.code,
                        start=session.start,
                        end=before.end,
                    )
        previous = own[0]
    days_held = {code: own[0][1].date for code, own in held.items()}
    found = (
        windows(program.modules, days_held, self_paced_days, unit.not_before, unit.deadlines)
        if shape.self_paced
        else {}  # what windows() gives a program with no self-paced module
    )
    found.update({code: (w.opens, w.due) for code, w in kept.items() if code in found})
    _check_kept(checks, program, unit, number, held, kept, self_paced_days)
    for code, (_, due) in found.items():
        earliest = unit.not_before.get(code)
        if earliest is not None and due < earliest.add(days=self_paced_days):
            checks.add(
                path,
                number,
                f"{unit.name}'s cohort {number} has self-paced {code} due {due.isoformat()}, "
                f"less than {self_paced_days} days after its earliest date "
                f"({earliest.isoformat()})",
                ProblemCode.ROLLOUT_TOO_EARLY,
                unit=unit.name,
                cohort=number,
                module=code,
                day=due,
                not_before=earliest,
            )
        deadline = unit.deadlines.get(code)
        if deadline is not None and due >= deadline:
            checks.add(
                path,
                number,
                f"{unit.name}'s cohort {number} has self-paced {code} due {due.isoformat()}, "
                f"not before the deadline ({deadline.isoformat()})",
                ProblemCode.ROLLOUT_SELF_PACED_TOO_LATE,
                unit=unit.name,
                cohort=number,
                module=code,
                day=due,
                deadline=deadline,
            )
    if first is not None and previous is not None and program.max_span_days is not None:
        last_index, last = previous
        if last.date.toordinal() - first.date.toordinal() > program.max_span_days:
            checks.add(
                f"sessions[{last_index}].start",
                last.start,
                f"must be at most {program.max_span_days} days after the cohort's first "
                f"session ({first.date.isoformat()})",
                ProblemCode.ROLLOUT_SPAN_TOO_LONG,
                unit=unit.name,
                cohort=number,
                module=last.module,
                day=last.date,
                most=pendulum.duration(days=program.max_span_days),
                first=first.date,
            )


def _iso_week(year: int, week: int) -> DateRange:
    """The days of ISO week *week* of *year*, Monday to Sunday."""
    monday = pendulum.Date.fromisocalendar(year, week, 1)
    return DateRange(start=monday, end=monday.add(days=6))


def _check_kept(
    checks: Checker,
    program: Program,
    unit: RolloutUnit,
    number: int,
    held: Mapping[str, list[tuple[int, RolloutSession]]],
    kept: Mapping[str, SelfPacedWindow],
    self_paced_days: int,
) -> None:
    """The session after each kept window (``plan.held_windows``) keeps its gaps from it."""
    rules = anchors(program.modules, self_paced_days)
    codes = [m.code for m in program.modules]
    for code, window in kept.items():
        anchor, back, after = rules[codes.index(code)]
        own = held.get(program.modules[anchor].code)
        if after or not own:
            continue
        index, session = own[0]
        if (session.date - window.due).days < back:
            checks.add(
                f"sessions[{index}].start",
                session.start,
                f"must be at least {back} days after the cohort's self-paced {code}, "
                f"kept due {window.due.isoformat()}",
                ProblemCode.ROLLOUT_GAP_TOO_SHORT,
                unit=unit.name,
                cohort=number,
                module=session.module,
                day=session.date,
                gap=pendulum.duration(days=back),
                previous=window.due,
            )
