"""The working state of one re-plan (private, see :mod:`ledarutveckling._rollout.replan`).

A session's identity (:data:`Key`), when a session is unchanged (:func:`same_session`), the
board of who and what is busy when (:class:`_Board`), and :class:`_Replanner`: the new
rollout, the held sessions, each cohort's chain and what each unit's deadlines and earliest
dates allow; the cohorts a re-plan keeps (:func:`_split`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.dates import elapsed, in_zone, wall_clock
from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession, SelfPacedWindow
from ledarutveckling._rollout.problem import (
    STOCKHOLM_ZONE,
    Facilitator,
    Rollout,
    _sizes,
    held_sizes,
)
from ledarutveckling.formatting import STOCKHOLM

HORIZON_YEARS: Final = 2
"""How far after *today* (or the start) a session may be placed again."""


Key = tuple[str, int, str]
"""A session's identity: unit, cohort, module code."""


def _key(session: RolloutSession) -> Key:
    return (session.unit, session.cohort, session.module)


def midnight(day: pendulum.Date) -> pendulum.DateTime:
    """The first instant of *day* in Stockholm: a session is before *day* when it starts before.

    Comparing starts with it is :attr:`RolloutSession.date` ``< day`` without converting each
    session's start to Stockholm time (the re-plan asks it of every session, several times).
    """
    return pendulum.datetime(day.year, day.month, day.day, tz=STOCKHOLM)


def same_session(old: RolloutSession, new: RolloutSession) -> bool:
    """Whether *new* is *old* unchanged: the same day, slot, facilitators and room."""
    return (
        old.start == new.start
        and old.end == new.end
        and sorted(old.facilitators) == sorted(new.facilitators)
        and old.room == new.room
    )


class _NoSlotError(Exception):
    """The greedy placement found no slot for a session."""


class _Board:
    """Who and what is busy when: facilitators' slots, days and weeks, rooms' slots."""

    def __init__(self) -> None:
        self.slots: set[tuple[str, pendulum.Date, int]] = set()
        self.rooms: set[tuple[str, pendulum.Date, int]] = set()
        self.days: dict[tuple[str, pendulum.Date], int] = defaultdict(int)
        self.weeks: dict[tuple[str, int, int], int] = defaultdict(int)
        self.load: dict[str, int] = defaultdict(int)
        self.away: dict[tuple[str, pendulum.Date, int], int] = defaultdict(int)

    def book(
        self,
        day: pendulum.Date,
        slot: int,
        people: Iterable[str],
        room: str | None,
        away: tuple[str, int],
    ) -> None:
        """Book the facilitators, the room and (*away*: unit, size) the unit's people."""
        self.away[(away[0], day, slot)] += away[1]
        year, week, _ = day.isocalendar()
        for name in people:
            self.slots.add((name, day, slot))
            self.days[(name, day)] += 1
            self.weeks[(name, year, week)] += 1
            self.load[name] += 1
        if room is not None:
            self.rooms.add((room, day, slot))

    def unbook(
        self,
        day: pendulum.Date,
        slot: int,
        people: Iterable[str],
        room: str | None,
        away: tuple[str, int],
    ) -> None:
        """Free what :meth:`book` booked."""
        self.away[(away[0], day, slot)] -= away[1]
        year, week, _ = day.isocalendar()
        for name in people:
            self.slots.discard((name, day, slot))
            self.days[(name, day)] -= 1
            self.weeks[(name, year, week)] -= 1
            self.load[name] -= 1
        if room is not None:
            self.rooms.discard((room, day, slot))


class _Replanner:
    """One re-plan: the new rollout, the held sessions, and the board."""

    def __init__(
        self,
        rollout: Rollout,
        today: pendulum.Date,
        sizes: dict[str, list[int]] | None = None,
        fresh: dict[tuple[str, int], tuple[str, pendulum.Date]] | None = None,
    ) -> None:
        self.rollout = rollout
        self.today = today
        self.fresh = fresh or {}
        program = rollout.program
        self.codes = [program.modules[i].code for i in rollout_windows.scheduled(program.modules)]
        self.gaps = dict(zip(self.codes, rollout_windows.gaps(program.modules), strict=True))
        self.facilitators = {f.name: f for f in rollout.facilitators}
        self.rooms = {r.name: r for r in rollout.rooms}
        self.slot_of = {slot.start: index for index, slot in enumerate(rollout.slots)}
        self.sizes = sizes or {  # each unit's cohorts: as the planner splits it by default
            unit.name: _sizes(unit.headcount, held_sizes(rollout)) or [] for unit in rollout.units
        }
        self.latest = {unit.name: self._latest(unit.name) for unit in rollout.units}
        self.earliest = {unit.name: self._earliest(unit.name) for unit in rollout.units}
        first = max(today, rollout.start)
        horizon = first.add(years=HORIZON_YEARS)
        self.days: list[pendulum.Date] = []
        calendar = rollout.calendar
        for ordinal in range(first.toordinal(), horizon.toordinal()):
            day = pendulum.Date.fromordinal(ordinal)  # day.add(days=1), without its arithmetic
            if calendar.is_working_day(day):
                self.days.append(day)
        self.board = _Board()
        # Each session's day, and its day and slot index (None: it starts no slot).
        self._places: dict[
            int, tuple[RolloutSession, pendulum.Date, tuple[pendulum.Date, int] | None]
        ] = {}
        # Each day, slot and module's start, end, and the day and slot index of that start
        # (see session()).
        self._times: dict[
            tuple[pendulum.Date, int, str],
            tuple[
                pendulum.DateTime,
                pendulum.DateTime,
                pendulum.Date,
                tuple[pendulum.Date, int] | None,
            ],
        ] = {}
        self.attempts: tuple[tuple[bool, bool], ...] = ATTEMPTS[0]
        self.chains: dict[tuple[str, int], list[RolloutSession | None]] = {}
        self.fixed: dict[tuple[str, int], list[bool]] = {}
        self.wishes: dict[Key, RolloutSession] = {}
        self.movable: dict[tuple[int, int], dict[tuple[tuple[str, int], int], RolloutSession]] = (
            defaultdict(dict)
        )
        # Each cohort's due day with one session taken out, by the session's module index;
        # forgotten when the cohort's chain changes (see replan_repair._without).
        self.dues: dict[tuple[str, int], dict[int, int]] = {}
        self._absent: dict[tuple[str, pendulum.Date], bool] = {}
        self.max_away = {unit.name: unit.max_away for unit in rollout.units}
        self.modules = {code: program.module(code) for code in self.codes}
        # Who may lead each module, in the rollout's order (the order chooses() breaks ties in).
        self.leaders = {
            code: [f for f in rollout.facilitators if f.may_lead(code)] for code in self.codes
        }
        # Of those, who is not away on a day (see chooses()), by module and day.
        self._present: dict[tuple[str, pendulum.Date], list[Facilitator]] = {}

    def _latest(self, unit_name: str) -> dict[str, pendulum.Date]:
        """For each scheduled module: the day its session must be before, from any deadline.

        A self-paced module's deadline falls on a session around it
        (:func:`~ledarutveckling._rollout.windows.deadline_rule`).
        """
        program = self.rollout.program
        unit = next(u for u in self.rollout.units if u.name == unit_name)
        found: dict[str, pendulum.Date] = {}
        for code, deadline in unit.deadlines.items():
            index, shift = rollout_windows.deadline_rule(
                program.modules, self.rollout.self_paced_days, code
            )
            code = program.modules[index].code
            deadline = deadline.add(days=shift)
            if code not in found or deadline < found[code]:
                found[code] = deadline
        return found

    def _earliest(self, unit_name: str) -> dict[str, pendulum.Date]:
        """For each scheduled module: the first day its session may be held (``not_before``).

        A self-paced module's earliest date holds the scheduled module after it back so that
        the due day is at least ``self_paced_days`` after that date; after the last session
        it holds none back (:func:`~ledarutveckling._rollout.windows.earliest_rule`).
        """
        program = self.rollout.program
        unit = next(u for u in self.rollout.units if u.name == unit_name)
        found: dict[str, pendulum.Date] = {}
        for code, day in unit.not_before.items():
            rule = rollout_windows.earliest_rule(
                program.modules, self.rollout.self_paced_days, code
            )
            if rule is None:
                continue
            code = program.modules[rule[0]].code
            day = day.add(days=rule[1])
            if code not in found or day > found[code]:
                found[code] = day
        return found

    def not_before(self, unit: str, cohort: int, code: str) -> pendulum.Date | None:
        """The first day the session of *code* may be held for a cohort, if any.

        Its unit's earliest date (:meth:`_earliest`), or later for a cohort in :attr:`fresh`
        (see :func:`_fresh`).
        """
        earliest = self.earliest[unit].get(code)
        fresh = self.fresh.get((unit, cohort))
        if fresh is not None and fresh[0] == code and (earliest is None or fresh[1] > earliest):
            return fresh[1]
        return earliest

    def absent(self, facilitator: Facilitator, day: pendulum.Date) -> bool:
        """Whether *facilitator* is away on *day* (:meth:`Facilitator.is_absent`, remembered)."""
        key = (facilitator.name, day)
        known = self._absent.get(key)
        if known is None:
            known = self._absent[key] = facilitator.is_absent(day)
        return known

    def where(self, session: RolloutSession) -> tuple[pendulum.Date, int] | None:
        """The day and slot index a session is in, or ``None`` if it starts no slot."""
        known = self._places.get(id(session))  # the search asks a hundred thousand times
        if known is None or known[0] is not session:
            known = self._place(session)
        return known[2]

    def day(self, session: RolloutSession) -> pendulum.Date:
        """The day of *session* in Stockholm (:attr:`RolloutSession.date`, remembered)."""
        known = self._places.get(id(session))
        if known is None or known[0] is not session:
            known = self._place(session)
        return known[1]

    def _place(
        self, session: RolloutSession
    ) -> tuple[RolloutSession, pendulum.Date, tuple[pendulum.Date, int] | None]:
        """The session, its day, and its day and slot index (``None``: it starts no slot).

        Remembered (the place as the tuple :meth:`where` returns, made once).
        """
        start = in_zone(session.start, STOCKHOLM_ZONE)
        index = self.slot_of.get(wall_clock(start))
        day = start.date()
        known = self._places[id(session)] = (
            session,
            day,
            (day, index) if index is not None else None,
        )
        return known

    def valid_alone(self, session: RolloutSession, size: int) -> bool:
        """Whether a later session keeps every rule of its own under the new rollout."""
        rollout = self.rollout
        place = self.where(session)
        if place is None or session.module not in self.gaps:
            return False
        day, index = place
        module = rollout.program.module(session.module)
        slot = rollout.slots[index]
        end = in_zone(session.end, STOCKHOLM_ZONE)
        if (
            day < rollout.start
            or not rollout.calendar.is_working_day(day)
            or end.date() != day
            or wall_clock(end) > slot.end
            or elapsed(session.start, session.end) != module.duration.total_seconds()
        ):
            return False
        people = session.facilitators
        if len(people) != module.facilitators or len(set(people)) != len(people):
            return False
        for name in people:
            facilitator = self.facilitators.get(name)
            if (
                facilitator is None
                or self.absent(facilitator, day)
                or not facilitator.may_lead(session.module)
            ):
                return False
        if module.format.needs_room:
            room = self.rooms.get(session.room) if session.room is not None else None
            if room is None or room.capacity < size:
                return False
        elif session.room is not None:
            return False
        earliest = self.not_before(session.unit, session.cohort, session.module)
        if earliest is not None and day < earliest:
            return False
        deadline = self.latest[session.unit].get(session.module)
        return deadline is None or day < deadline

    def away_fits(self, unit: str, day: pendulum.Date, slot: int, size: int) -> bool:
        """Whether *size* more of *unit*'s people may be in sessions in this slot (max_away)."""
        most = self.max_away.get(unit)
        return most is None or self.board.away[(unit, day, slot)] + size <= most

    def fits(self, day: pendulum.Date, slot: int, people: Iterable[str], room: str | None) -> bool:
        """Whether the board has room for a session (caps, double bookings)."""
        board = self.board
        year, week, _ = day.isocalendar()
        for name in people:
            facilitator = self.facilitators[name]
            if (
                (name, day, slot) in board.slots
                or board.days[(name, day)] >= facilitator.max_sessions_per_day
                or board.weeks[(name, year, week)] >= facilitator.max_sessions_per_week
            ):
                return False
        return room is None or (room, day, slot) not in board.rooms

    def present(self, day: pendulum.Date, code: str) -> list[Facilitator]:
        """Who may lead *code* and is not away on *day*, in the rollout's order (remembered)."""
        present = self._present.get((code, day))
        if present is None:
            present = self._present[(code, day)] = [
                f for f in self.leaders[code] if not self.absent(f, day)
            ]
        return present

    def ready(self, day: pendulum.Date, code: str) -> list[Facilitator]:
        """Of :meth:`present`, those below their caps for *day* and its week on the board now."""
        board = self.board
        year, week, _ = day.isocalendar()
        return [
            f
            for f in self.present(day, code)
            if board.days[(f.name, day)] < f.max_sessions_per_day
            and board.weeks[(f.name, year, week)] < f.max_sessions_per_week
        ]

    def chooses(
        self,
        day: pendulum.Date,
        slot: int,
        code: str,
        size: int,
        wish: RolloutSession | None,
        ready: list[Facilitator] | None = None,
    ) -> tuple[tuple[str, ...], str | None] | None:
        """Facilitators and a room for a session of *code* in this slot, or ``None``.

        *ready*: :meth:`ready` for the day, when the board has not changed since (a scan of
        a day's slots asks it once).
        """
        module = self.modules[code]
        board = self.board
        wished = list(wish.facilitators) if wish is not None else []
        if ready is None:
            ready = self.ready(day, code)
        free = [f.name for f in ready if (f.name, day, slot) not in board.slots]
        if len(free) < module.facilitators:
            return None
        free.sort(key=lambda name: (name not in wished, board.load[name]))
        people = tuple(free[: module.facilitators])
        if not module.format.needs_room:
            return people, None
        rooms = [
            r
            for r in self.rollout.rooms
            if r.capacity >= size and (r.name, day, slot) not in board.rooms
        ]
        if not rooms:
            return None
        wanted = wish.room if wish is not None else None
        rooms.sort(key=lambda r: (r.name != wanted, r.capacity))
        return people, rooms[0].name

    def session(
        self,
        unit: str,
        cohort: int,
        size: int,
        code: str,
        day: pendulum.Date,
        slot: int,
        people: tuple[str, ...],
        room: str | None,
    ) -> RolloutSession:
        """A session of *code* at *day*, *slot*: its place known at once (see :meth:`where`).

        The start and end of a day, slot and module are made once and shared by the sessions
        placed there (pendulum values are immutable), and each new session's day and slot
        index are remembered as :meth:`_place` would compute them from that start: the
        search makes thousands of sessions and asks where each one is.
        """
        key = (day, slot, code)
        times = self._times.get(key)
        if times is None:
            begin_at = self.rollout.slots[slot].start
            begin = pendulum.datetime(
                day.year,
                day.month,
                day.day,
                begin_at.hour,
                begin_at.minute,
                begin_at.second,
                tz=STOCKHOLM,
            )
            module = self.rollout.program.module(code)
            end = begin.add(seconds=int(module.duration.total_seconds()))
            start = in_zone(begin, STOCKHOLM_ZONE)
            index = self.slot_of.get(wall_clock(start))
            on = start.date()
            times = self._times[key] = (begin, end, on, (on, index) if index is not None else None)
        made = RolloutSession(
            unit=unit,
            cohort=cohort,
            size=size,
            module=code,
            start=times[0],
            end=times[1],
            facilitators=people,
            room=room,
        )
        self._places[id(made)] = (made, times[2], times[3])
        return made


def _before(session: RolloutSession, other: RolloutSession, gap: int) -> bool:
    """Whether *other* may follow *session* with *gap* days between them."""
    return other.date.toordinal() - session.date.toordinal() >= gap and other.start >= session.end


ATTEMPTS: Final = (
    ((False, False), (False, True), (True, False), (True, True)),
    ((False, False), (True, False), (True, True)),
)
"""The ways to find a slot for a session, tried in turn: ``(release, bump)``.

*release*: take the cohort's own later sessions out first; *bump*: take sessions of cohorts
due later out of the slot. The re-plan tries each order and keeps the better plan."""


def _split(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date) -> dict[str, list[int]]:
    """Each unit's cohort sizes in the re-plan.

    A unit whose cohorts have started (a session before *today*) keeps its cohorts as
    they are, when its headcount is the same; any other unit is split as the planner
    splits it, within the cohort sizes the rooms now hold (see
    :func:`~ledarutveckling._rollout.problem.held_sizes`): losing the largest room splits
    the units that have not started into cohorts that fit the rooms left.
    """
    size = held_sizes(rollout)
    before = {u.name: u.headcount for u in previous.rollout.units}
    cut = midnight(today)
    started_units = {s.unit for s in previous.sessions if s.start < cut}
    found: dict[str, list[int]] = {}
    for unit in rollout.units:
        own = {s.cohort: s.size for s in previous.sessions if s.unit == unit.name}
        if unit.name in started_units and before.get(unit.name) == unit.headcount:
            found[unit.name] = [own[number] for number in sorted(own)]
        else:
            found[unit.name] = _sizes(unit.headcount, size) or []
    return found


def _opened(previous: RolloutPlan, today: pendulum.Date) -> list[SelfPacedWindow]:
    """The self-paced windows of *previous* that had opened before *today*: kept as they are.

    Such a window is under way (its invitation was sent and its cohort may have begun): a
    re-plan keeps it exactly (:attr:`RolloutPlan.held_windows`), and the session after it
    keeps its gaps from its due day (:func:`_fresh`).
    """
    return [w for w in previous.self_paced if w.opens < today]


def _kept_after(
    rollout: Rollout, opened: list[SelfPacedWindow]
) -> dict[tuple[str, int], tuple[str, pendulum.Date]]:
    """For each cohort with a kept window before a session: that session's first day.

    The scheduled module after the cohort's last kept window that has one, and its due day
    plus the gaps up to that module (a kept window after the last session holds none back).
    """
    modules = rollout.program.modules
    rules = rollout_windows.anchors(modules, rollout.self_paced_days)
    codes = [m.code for m in modules]
    found: dict[tuple[str, int], tuple[str, pendulum.Date]] = {}
    for w in opened:
        if w.module not in codes:
            continue
        anchor, back, after = rules[codes.index(w.module)]
        key = (w.unit, w.cohort)
        day = w.due.add(days=back)
        if not after and (key not in found or day > found[key][1]):
            found[key] = (modules[anchor].code, day)
    return found


def _fresh(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date
) -> dict[tuple[str, int], tuple[str, pendulum.Date]]:
    """The cohorts whose windows hold a session back in a re-plan, and how.

    Nothing new is placed before *today*: a program's first module, when self-paced, opens
    its window ``self_paced_days`` before its due day (:mod:`~ledarutveckling._rollout.windows`),
    which may lie before the start in a plan, but in a re-plan it must open on or after
    *today* for every cohort whose window had not opened before *today* in *previous* (a
    cohort the re-plan adds, or one not yet begun), as a unit's ``not_before`` for the
    module would. A window that had opened is kept as it was (:func:`_opened`), so the
    session after it may not come sooner than its due day plus the gaps. Returns, for each
    such cohort of the re-plan's split, the scheduled module held back and the first day its
    session may be held. The other windows open on the day of the module before them, never
    before *today* when that module is placed anew.
    """
    modules = rollout.program.modules
    opened = _opened(previous, today)
    found = _kept_after(rollout, opened)
    if modules[0].format.is_scheduled:
        return found
    days = rollout.self_paced_days
    anchor, back, _ = rollout_windows.anchors(modules, days)[0]
    first = (modules[anchor].code, today.add(days=days + back))
    begun = {(w.unit, w.cohort) for w in opened if w.module == modules[0].code}
    for unit, sizes in _split(previous, rollout, today).items():
        for number in range(1, len(sizes) + 1):
            if (unit, number) not in begun:
                found[(unit, number)] = first
    return found


def _opened_early(previous: RolloutPlan, plan: RolloutPlan, today: pendulum.Date) -> bool:
    """Whether *plan* breaks a rule :func:`_fresh` places by.

    Checked on a result: it opens the first module's window before *today* for a cohort
    whose window in *previous* had not opened before *today*, or holds a session sooner
    after a window *previous* had opened (kept as it was) than the gaps allow. (A later
    module's window opens on the day of the module before it: on or after *today* when that
    was placed anew.)
    """
    opened = _opened(previous, today)
    held = {(s.unit, s.cohort, s.module): s.date for s in plan.sessions}
    for (unit, cohort), (code, day) in _kept_after(plan.rollout, opened).items():
        placed = held.get((unit, cohort, code))
        if placed is not None and placed < day:
            return True
    if plan.program.modules[0].format.is_scheduled:
        return False
    first = plan.program.modules[0].code
    begun = {(w.unit, w.cohort) for w in opened if w.module == first}
    return any(
        w.module == first and w.opens < today and (w.unit, w.cohort) not in begun
        for w in plan.self_paced
    )


def _keep_windows(previous: RolloutPlan, plan: RolloutPlan, today: pendulum.Date) -> RolloutPlan:
    """*plan* with the windows *previous* had opened before *today* kept as they were.

    Only those its sessions would give otherwise are written down (``held_windows``): a
    re-plan that changes nothing is the plan it was given.
    """
    there = {(w.unit, w.cohort, w.module): w for w in plan.self_paced}
    kept = tuple(
        w
        for w in _opened(previous, today)
        if (w.unit, w.cohort, w.module) in there and there[(w.unit, w.cohort, w.module)] != w
    )
    return attrs.evolve(plan, held_windows=kept) if kept else plan
