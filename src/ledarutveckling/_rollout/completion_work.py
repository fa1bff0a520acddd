"""The work a completion places, in integer form (private, see completion).

The rollout as it is now, the *fixed* sessions (held and kept) and what they take, the
sessions left to place with each one's window (``lo``, ``hi``) in slots, the proofs that no
completion exists (an empty window, :meth:`RemainingWork.crowded`), and the way back from
placements to sessions. The searches that place the work are
:class:`~ledarutveckling._rollout.completion_list.ListSchedule` and
:class:`~ledarutveckling._rollout.completion_exact.ExactSearch`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import pendulum

from ledarutveckling._base.dates import in_zone, wall_clock
from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.plan import RolloutSession
from ledarutveckling._rollout.problem import STOCKHOLM_ZONE, Rollout
from ledarutveckling.formatting import STOCKHOLM

Key = tuple[str, int, str]
"""A session's identity: unit, cohort, module code."""

HORIZON_YEARS: Final = 2
"""How far after the first day sessions may be placed."""

NEVER: Final = 1 << 40
"""A latest slot that never binds."""

NOBODY: Final[frozenset[int]] = frozenset()


@dataclass(frozen=True, slots=True)
class Placed:
    """A session placed by a search: cohort index, module index, slot, facilitators, room."""

    cohort: int
    module: int
    slot: int
    facilitators: tuple[int, ...]
    room: int


@dataclass(frozen=True, slots=True)
class Crowd:
    """A proof by counting that no completion exists (see :meth:`Completion.crowded`).

    *demand* sessions (facilitator-sessions for ``"facilitators"``) must be held in slots
    *first* to *last*, where *resource* offers only *capacity*; *cohort* and *module* are
    of the last session counted. For ``"rooms"``, the sessions are those of cohorts of
    *seats* or more and the capacity that of the *rooms* rooms that take them.
    """

    resource: str
    first: int
    last: int
    demand: int
    capacity: int
    cohort: int
    module: int
    rooms: int = 0
    seats: int = 0


class RemainingWork:
    """The work left after *fixed* sessions, in integer form: windows, proofs, sessions.

    Args:
        rollout: The rollout as it is now.
        first: The first day a session may be placed (today, or the rollout's start).
        cohorts: Every cohort as ``(unit name, number, size)``.
        fixed: The sessions that stay (held and kept), by identity.
        wishes: The previous plan's sessions, by identity: when a search places a session
            in the slot it had, it takes its facilitators and room if it can.
        fresh: For some cohorts ``(unit name, number)``, a scheduled module's code and the
            first day its session may be held (a re-plan's ``replan_board._fresh``).
    """

    def __init__(
        self,
        rollout: Rollout,
        first: pendulum.Date,
        cohorts: Iterable[tuple[str, int, int]],
        fixed: Mapping[Key, RolloutSession],
        wishes: Mapping[Key, RolloutSession] | None = None,
        fresh: Mapping[tuple[str, int], tuple[str, pendulum.Date]] | None = None,
    ) -> None:
        self.rollout = rollout
        self.fresh = dict(fresh or {})
        program = rollout.program
        self.led = rollout_windows.scheduled(program.modules)
        self.codes = [program.modules[i].code for i in self.led]
        self.gaps = rollout_windows.gaps(program.modules)
        self.need = [program.modules[i].facilitators for i in self.led]
        self.in_person = [program.modules[i].format.needs_room for i in self.led]
        self.ns = ns = len(rollout.slots)
        days: list[pendulum.Date] = []
        day = first
        horizon = first.add(years=HORIZON_YEARS)
        while day < horizon:
            if rollout.calendar.is_working_day(day):
                days.append(day)
            day = day.add(days=1)
        self.days = days
        self.ords = [d.toordinal() for d in days]
        self.weeks = [d.isocalendar()[0] * 100 + d.isocalendar()[1] for d in days]
        self.slots = len(days) * ns
        self.facs = rollout.facilitators
        self.available = [[not f.is_absent(d) for d in days] for f in self.facs]
        self.skilled = [
            [f.modules is None or code in f.modules for code in self.codes] for f in self.facs
        ]
        self.rooms = sorted(range(len(rollout.rooms)), key=lambda r: rollout.rooms[r].capacity)
        self.caps = [r.capacity for r in rollout.rooms]
        self.units = {u.name: i for i, u in enumerate(rollout.units)}
        self.cohorts = list(cohorts)
        self.index = {(u, n): c for c, (u, n, _) in enumerate(self.cohorts)}
        wishes = dict(wishes or {})
        slot_of = {s.start: i for i, s in enumerate(rollout.slots)}
        day_of = {o: i for i, o in enumerate(self.ords)}
        fac_of = {f.name: i for i, f in enumerate(self.facs)}
        room_of = {r.name: i for i, r in enumerate(rollout.rooms)}
        n = len(self.codes)
        # What the fixed sessions take: facilitators' slots, days and weeks, rooms, units.
        self.busy: set[tuple[int, int]] = set()
        self.room_busy: set[tuple[int, int]] = set()
        self.day_used: dict[tuple[int, int], int] = defaultdict(int)
        self.week_used: dict[tuple[int, int], int] = defaultdict(int)
        self.away_used: dict[tuple[int, int], int] = defaultdict(int)
        # Each cohort's chain: the fixed sessions' slots (or day ordinals before the horizon).
        self.fixed_at: list[list[tuple[int, int] | None]] = [[None] * n for _ in self.cohorts]
        for key, session in fixed.items():
            c = self.index.get((key[0], key[1]))
            if c is None or key[2] not in self.codes:
                continue
            k = self.codes.index(key[2])
            start = in_zone(session.start, STOCKHOLM_ZONE)
            ordinal = start.date().toordinal()
            slot = slot_of.get(wall_clock(start), 0)
            d = day_of.get(ordinal)
            t = d * ns + slot if d is not None else -1
            self.fixed_at[c][k] = (ordinal, t)
            week = start.date().isocalendar()
            week_key = week[0] * 100 + week[1]
            for name in session.facilitators:
                f = fac_of.get(name)
                if f is None:
                    continue
                self.week_used[(f, week_key)] += 1
                if d is not None:
                    self.day_used[(f, d)] += 1
                    self.busy.add((f, t))
            if d is not None:
                if session.room is not None and session.room in room_of:
                    self.room_busy.add((room_of[session.room], t))
                self.away_used[(self.units[key[0]], t)] += session.size
        # Each wish where it was: (slot, facilitators, room), for the sessions to place.
        self.wanted: dict[tuple[int, int], tuple[int, frozenset[int], int]] = {}
        for key, wish in wishes.items():
            c = self.index.get((key[0], key[1]))
            if c is None or key[2] not in self.codes:
                continue
            start = in_zone(wish.start, STOCKHOLM_ZONE)
            found = day_of.get(start.date().toordinal())
            at = slot_of.get(wall_clock(start))
            if found is None or at is None:
                continue
            people = frozenset(fac_of[p] for p in wish.facilitators if p in fac_of)
            room = room_of.get(wish.room, -1) if wish.room is not None else -1
            self.wanted[(c, self.codes.index(key[2]))] = (found * ns + at, people, room)
        self._rest_cache: list[list[int]] = []
        self._windows()

    # -- the windows -------------------------------------------------------------------

    def release(self, t: int, gap: int) -> int:
        """The first slot a module with *gap* may use after a session in slot *t*."""
        if gap == 0:
            return t + 1
        return bisect_left(self.ords, self.ords[t // self.ns] + gap) * self.ns

    def back(self, t: int, gap: int) -> int:
        """The last slot a module may use so that the next, with *gap*, can be in slot *t*."""
        if t >= NEVER:
            return NEVER
        if t < 0:
            return -1
        if gap == 0:
            return t - 1
        day = bisect_right(self.ords, self.ords[t // self.ns] - gap) - 1
        return day * self.ns + self.ns - 1 if day >= 0 else -1

    def first_on(self, ordinal: int) -> int:
        """The first slot on or after the day *ordinal*."""
        return bisect_left(self.ords, ordinal) * self.ns

    def last_before(self, ordinal: int) -> int:
        """The last slot of the last working day strictly before the day *ordinal*."""
        day = bisect_left(self.ords, ordinal) - 1
        return day * self.ns + self.ns - 1 if day >= 0 else -1

    def span_end(self, ordinal: int) -> int:
        """The last slot a cohort whose first session is on the day *ordinal* may use."""
        span = self.rollout.program.max_span_days
        if span is None:
            return NEVER
        return self.last_before(ordinal + span + 1)

    def _due(self, code: str) -> tuple[int, int]:
        """The scheduled module a deadline on *code* falls on, and the days it moves by."""
        index, shift = rollout_windows.deadline_rule(
            self.rollout.program.modules, self.rollout.self_paced_days, code
        )
        return self.led.index(index), shift

    def _from(self, code: str) -> tuple[int, int] | None:
        """The scheduled module an earliest date on *code* holds back, the days (or none)."""
        found = rollout_windows.earliest_rule(
            self.rollout.program.modules, self.rollout.self_paced_days, code
        )
        return None if found is None else (self.led.index(found[0]), found[1])

    def _windows(self) -> None:
        """Each cohort's and module's own window (``lo``, ``hi``), fixed sessions around it."""
        n = len(self.codes)
        self.lo: list[list[int]] = []
        self.hi: list[list[int]] = []
        self.todo: list[tuple[int, int]] = []
        for c, (unit_name, number, _) in enumerate(self.cohorts):
            unit = self.rollout.units[self.units[unit_name]]
            lo = [0] * n
            hi = [NEVER] * n
            start = self.fresh.get((unit_name, number))
            if start is not None:
                k = self.codes.index(start[0])
                lo[k] = max(lo[k], self.first_on(start[1].toordinal()))
            for code, day in unit.not_before.items():
                held_back = self._from(code)
                if held_back is not None:  # else a last window's, which holds no session
                    k, shift = held_back
                    lo[k] = max(lo[k], self.first_on(day.toordinal() + shift))
            for code, day in unit.deadlines.items():
                k, shift = self._due(code)
                hi[k] = min(hi[k], self.last_before(day.toordinal() + shift))
            chain = self.fixed_at[c]
            fixed_first = chain[0]
            if fixed_first is not None:
                end = self.span_end(fixed_first[0])
                hi = [min(h, end) for h in hi]
            for k in range(n):
                before = chain[k - 1] if k else None
                if before is not None and chain[k] is None:
                    if before[1] >= 0:
                        lo[k] = max(lo[k], self.release(before[1], self.gaps[k]))
                    else:
                        lo[k] = max(lo[k], self.first_on(before[0] + max(self.gaps[k], 1)))
                elif k and chain[k] is None:
                    lo[k] = max(lo[k], self.release(min(lo[k - 1], self.slots - 1), self.gaps[k]))
            for k in range(n - 1, -1, -1):
                after = chain[k + 1] if k + 1 < n else None
                if after is not None and chain[k] is None:
                    hi[k] = min(hi[k], self.back(after[1], self.gaps[k + 1]))
                elif k + 1 < n and chain[k] is None:
                    hi[k] = min(hi[k], self.back(hi[k + 1], self.gaps[k + 1]))
            self.lo.append(lo)
            self.hi.append(hi)
            self.todo.extend((c, k) for k in range(n) if chain[k] is None)

    def empty(self) -> tuple[int, int] | None:
        """A cohort and module whose window is empty (no completion can exist), or ``None``."""
        return next(iter(self.empties()), None)

    def empties(self) -> list[tuple[int, int]]:
        """Every cohort and module whose window is empty."""
        return [
            (c, k)
            for c, k in self.todo
            if self.hi[c][k] < self.lo[c][k] or self.lo[c][k] >= self.slots
        ]

    def oversized(self) -> tuple[int, int] | None:
        """A cohort and an in-person module to place that no room takes, or ``None``.

        Only a cohort that has started can be larger than every room: the others are split
        within the rooms left (see :func:`~ledarutveckling._rollout.replan_board._split`).
        """
        largest = max(self.caps, default=0)
        return next(
            ((c, k) for c, k in self.todo if self.in_person[k] and self.cohorts[c][2] > largest),
            None,
        )

    def binding(self, c: int, k: int) -> tuple[str, pendulum.Date | None] | None:
        """What empties the window of module *k* of cohort *c* (see :meth:`empty`).

        ``(code, deadline)``: the unit's deadline for *code* (this module or a later one)
        comes before the module can be held; ``("", None)``: the span from the cohort's first
        session ends before it; ``None``: neither alone (its earliest date lies past the
        horizon, say).
        """
        unit = self.rollout.units[self.units[self.cohorts[c][0]]]
        lo = self.lo[c][k]
        found: list[tuple[int, str, pendulum.Date]] = []
        for code, day in unit.deadlines.items():
            j, shift = self._due(code)
            if j < k:
                continue
            slot = self.last_before(day.toordinal() + shift)
            for m in range(j, k, -1):
                slot = self.back(slot, self.gaps[m])
            if slot < lo:
                found.append((slot, code, day))
        if found:
            _, code, day = min(found)
            return code, day
        started = self.fixed_at[c][0]
        if started is not None and lo < self.slots:
            return "", None
        return None

    def crowded(self) -> Crowd | None:
        """A count that proves no completion exists, or ``None``.

        Every session due by a slot must fit what the facilitators offer from the first
        slot to that one (their caps, absences and the fixed sessions counted); and every
        in-person session whose window lies in a stretch of slots must fit the free rooms
        that take its cohort in that stretch.
        """
        ns = self.ns
        tasks = sorted(
            (self.hi[c][k], self.lo[c][k], c, k) for c, k in self.todo if self.hi[c][k] < self.slots
        )
        if not tasks:
            return None
        last = tasks[-1][0]
        per_slot = [0] * (last + 1)  # facilitator-sessions the caps allow, earliest first
        for f, fac in enumerate(self.facs):
            week = None
            week_left = 0
            for day in range(last // ns + 1):
                if self.weeks[day] != week:
                    week = self.weeks[day]
                    week_left = fac.max_sessions_per_week - self.week_used.get((f, week), 0)
                if not self.available[f][day]:
                    continue
                day_left = fac.max_sessions_per_day - self.day_used.get((f, day), 0)
                for slot in range(ns):
                    t = day * ns + slot
                    if t > last or day_left <= 0 or week_left <= 0 or (f, t) in self.busy:
                        continue
                    per_slot[t] += 1
                    day_left -= 1
                    week_left -= 1
        demand = offered = 0
        for position, (hi, _, c, k) in enumerate(tasks):
            demand += self.need[k]
            while offered < hi + 1:
                offered += 1
            if position + 1 < len(tasks) and tasks[position + 1][0] == hi:
                continue
            capacity = sum(per_slot[: hi + 1])
            if demand > capacity:
                return Crowd("facilitators", 0, hi, demand, capacity, c, k)
        sizes = sorted({self.cohorts[c][2] for _, _, c, _ in tasks})
        for size in sizes:
            fitting = [r for r in self.rooms if self.caps[r] >= size]
            free = [0] * (last + 2)
            for t in range(last + 1):
                free[t + 1] = free[t] + sum(1 for r in fitting if (r, t) not in self.room_busy)
            chosen = [
                (hi, lo, c, k)
                for hi, lo, c, k in tasks
                if self.in_person[k] and self.cohorts[c][2] >= size
            ]
            for start in sorted({lo for _, lo, _, _ in chosen}):
                count = 0
                inside = [item for item in chosen if item[1] >= start]
                for position, (hi, _, c, k) in enumerate(inside):
                    count += 1
                    if position + 1 < len(inside) and inside[position + 1][0] == hi:
                        continue
                    capacity = free[hi + 1] - free[start]
                    if count > capacity:
                        return Crowd("rooms", start, hi, count, capacity, c, k, len(fitting), size)
        return None

    # -- back to sessions ----------------------------------------------------------------

    def sessions(self, placed: Iterable[Placed]) -> dict[Key, RolloutSession]:
        """The placements as sessions, by identity."""
        result = {}
        program = self.rollout.program
        for p in placed:
            unit, number, size = self.cohorts[p.cohort]
            day = self.days[p.slot // self.ns]
            slot = self.rollout.slots[p.slot % self.ns]
            module = program.modules[self.led[p.module]]
            begin = pendulum.datetime(
                day.year,
                day.month,
                day.day,
                slot.start.hour,
                slot.start.minute,
                slot.start.second,
                tz=STOCKHOLM,
            )
            result[(unit, number, module.code)] = RolloutSession(
                unit=unit,
                cohort=number,
                size=size,
                module=module.code,
                start=begin,
                end=begin.add(seconds=int(module.duration.total_seconds())),
                facilitators=tuple(self.facs[f].name for f in p.facilitators),
                room=self.rollout.rooms[p.room].name if p.room >= 0 else None,
            )
        return result
