"""Completing a partly held rollout plan: the re-plan's fallback (private, see replan).

A re-plan keeps the sessions before *today* as held. When its minimal-change repair fails,
the rest of the work is planned anew here, around *fixed* sessions (the held ones, and
optionally later sessions to keep): every cohort's modules not yet placed, each after its
cohort's previous session by the module's gap, within the span from the cohort's first
session, within its unit's deadlines and earliest dates, led by facilitators who are
present, may lead the module, are free in the slot and below their caps per day and per
ISO week (the fixed sessions counted), in a free room that takes the cohort, and within
the unit's ``max_away``.

Time is counted in slots as in the planner (:mod:`ledarutveckling._rollout.instance`):
slot ``t`` is slot ``t % ns`` of working day ``t // ns`` counted from the first day a
session may change. Two searches:

* :meth:`Completion.schedule`: a list schedule like the planner's, tried for candidate
  last days from a bound upwards (galloping, then bisecting), each session due by the
  latest slot that lets its cohort finish by that day; the earliest-ending plan found is
  kept. Fast (a few hundredths of a second per day tried on 3,000 staff), not complete.
* :meth:`Completion.exact`: an integer program over every session, slot, facilitator team
  and room size (HiGHS), which finds a completion whenever one exists within
  :data:`EXACT_DAYS` working days of the last first slot of a session to place, and proves
  there is none when no window reaches past them. Only built when it is small enough
  (:data:`EXACT_LIMIT` variables).
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import pendulum

from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.plan import RolloutSession
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling.formatting import STOCKHOLM

Key = tuple[str, int, str]
"""A session's identity: unit, cohort, module code."""

HORIZON_YEARS: Final = 2
"""How far after the first day sessions may be placed."""

NEVER: Final = 1 << 40
"""A latest slot that never binds."""

NOBODY: Final[frozenset[int]] = frozenset()

STAGGER: Final = 3
"""The pass of :meth:`Completion._forward` that staggers held-back units' first sessions."""

SPREADS: Final = (1, 0, 2, STAGGER)
"""The list schedules tried for each last day: the last module's due slots spread back over
the capacity, none spread, every module's (see :meth:`Completion._spread`), and the first
sessions of units held back by a move date staggered (:meth:`Completion._stagger`)."""

EXACT_LIMIT: Final = 60_000
"""The most variables the exact search builds (it is skipped for larger completions)."""

EXACT_DAYS: Final = 80
"""Working days after the last first slot of any session to place within which the exact
search looks; beyond them it proves nothing (HiGHS is slow on windows of two years)."""

EXACT_SECONDS: Final = 10.0
"""The exact search's time limit; when it runs out without an answer, nothing is proven."""


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
    of the last session counted.
    """

    resource: str
    first: int
    last: int
    demand: int
    capacity: int
    cohort: int
    module: int


class Completion:
    """The work left after *fixed* sessions, in integer form, and the searches that place it.

    Args:
        rollout: The rollout as it is now.
        first: The first day a session may be placed (today, or the rollout's start).
        cohorts: Every cohort as ``(unit name, number, size)``.
        fixed: The sessions that stay (held and kept), by identity.
        wishes: The previous plan's sessions, by identity: when a search places a session
            in the slot it had, it takes its facilitators and room if it can.
    """

    def __init__(
        self,
        rollout: Rollout,
        first: pendulum.Date,
        cohorts: Iterable[tuple[str, int, int]],
        fixed: Mapping[Key, RolloutSession],
        wishes: Mapping[Key, RolloutSession] | None = None,
    ) -> None:
        self.rollout = rollout
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
            start = pendulum.instance(session.start).in_tz(STOCKHOLM)
            ordinal = start.date().toordinal()
            slot = slot_of.get(start.time().replace(tzinfo=None), 0)
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
            start = pendulum.instance(wish.start).in_tz(STOCKHOLM)
            found = day_of.get(start.date().toordinal())
            at = slot_of.get(start.time().replace(tzinfo=None))
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

    def _shift(self, code: str) -> tuple[int, int, bool]:
        """The scheduled module a date rule on *code* falls on, the days it moves, self-paced."""
        modules = self.rollout.program.modules
        index = [m.code for m in modules].index(code)
        anchors = rollout_windows.anchors(modules, self.rollout.self_paced_days)
        if index in anchors:
            anchor, days, after = anchors[index]
            return self.led.index(anchor), -days if after else days, True
        return self.led.index(index), 0, False

    def _windows(self) -> None:
        """Each cohort's and module's own window (``lo``, ``hi``), fixed sessions around it."""
        n = len(self.codes)
        self.lo: list[list[int]] = []
        self.hi: list[list[int]] = []
        self.todo: list[tuple[int, int]] = []
        for c, (unit_name, _, _) in enumerate(self.cohorts):
            unit = self.rollout.units[self.units[unit_name]]
            lo = [0] * n
            hi = [NEVER] * n
            for code, day in unit.not_before.items():
                k, shift, paced = self._shift(code)
                extra = self.rollout.self_paced_days if paced else 0
                lo[k] = max(lo[k], self.first_on(day.toordinal() + shift + extra))
            for code, day in unit.deadlines.items():
                k, shift, _ = self._shift(code)
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
            j, shift, _ = self._shift(code)
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
                        return Crowd("rooms", start, hi, count, capacity, c, k)
        return None

    # -- the list schedule -------------------------------------------------------------

    def schedule(self, hint: pendulum.Date | None = None, tries: int = 64) -> list[Placed] | None:
        """The earliest-ending list schedule found over candidate last days, or ``None``.

        The last day *hint* (the previous plan's) is tried first, else the first day every
        window allows; from there the search gallops up to a day whose schedule succeeds,
        then bisects down to the earliest that does. At most *tries* days are tried (each
        with every one of :data:`SPREADS` until one succeeds).
        """
        if not self.todo:
            return []
        if self.empty() is not None:
            return None
        ns = self.ns
        last_day = len(self.days) - 1
        low = max(min(self.lo[c][k], self.slots - 1) for c, k in self.todo) // ns
        tried: dict[int, list[Placed] | None] = {}

        def attempt(day: int) -> list[Placed] | None:
            if day not in tried:
                tried[day] = None
                for spread in SPREADS:
                    tried[day] = self._forward(day, spread)
                    if tried[day] is not None:
                        break
            return tried[day]

        start = low
        if hint is not None:
            start = min(max(bisect_left(self.ords, hint.toordinal()), low), last_day)
        best = attempt(start)
        failed = low - 1
        if best is None:
            failed = start
            step = 1
            while best is None:
                if failed == last_day or len(tried) >= tries:
                    return None
                day = min(start + step, last_day)
                best = attempt(day)
                if best is None:
                    failed = day
                step *= 2
        high = max(p.slot for p in best) // ns
        lo = failed + 1
        while lo < high and len(tried) < tries:
            middle = (lo + high) // 2
            found = attempt(middle)
            if found is not None:
                best, high = found, min(middle, max(p.slot for p in found) // ns)
            else:
                lo = middle + 1
        return best

    def _forward(self, last_day: int, spread: int = 0) -> list[Placed] | None:
        """A list schedule with every session due by *last_day* (and its own window).

        With *spread* 1 the last module's due slots are spread back over the capacity
        (:meth:`_spread`), with 2 every module's.
        """
        ns = self.ns
        n = len(self.codes)
        horizon = last_day * ns + ns - 1
        facs = self.facs
        nf = len(facs)
        due = [list(row) for row in self.hi]
        for c in range(len(self.cohorts)):
            limit = horizon
            for k in range(n - 1, -1, -1):
                due[c][k] = min(due[c][k], limit)
                limit = self.back(due[c][k], self.gaps[k]) if k else limit
        if spread and spread != STAGGER:
            self._spread(due, horizon, every=spread > 1)
        fixed_at = self.fixed_at
        week_used = dict(self.week_used)
        day_used = dict(self.day_used)
        busy = self.busy
        room_busy = self.room_busy
        away_used = dict(self.away_used)
        away = [u.max_away for u in self.rollout.units]
        unit_of = [self.units[u] for u, _, _ in self.cohorts]
        sizes = [s for _, _, s in self.cohorts]
        released: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        week_demand: dict[int, int] = defaultdict(int)
        first_day: list[int | None] = [
            row[0][0] if row[0] is not None else None for row in fixed_at
        ]
        remaining = 0
        first_release = self._stagger(due) if spread == STAGGER else {}
        for c in range(len(self.cohorts)):
            open_modules = [j for j in range(n) if fixed_at[c][j] is None]
            if not open_modules:
                continue
            k = open_modules[0]
            remaining += sum(1 for j in range(n) if fixed_at[c][j] is None)
            if due[c][k] < self.lo[c][k]:
                return None
            released[first_release.get(c, self.lo[c][k])].append((due[c][k], -k, c, k))
            for j in range(k, n):
                if fixed_at[c][j] is None and due[c][j] < NEVER:
                    week_demand[self.weeks[min(due[c][j], self.slots - 1) // ns]] += self.need[j]
        if not self._rest_cache:
            self._rest_cache.extend(self._rest())
        rest = self._rest_cache
        wanted = self.wanted
        heap: list[tuple[int, int, int, int]] = []
        placements: list[Placed] = []
        for t in range(min(horizon, self.slots - 1) + 1):
            day, slot = divmod(t, ns)
            for item in released.pop(t, ()):
                heapq.heappush(heap, item)
            if not heap:
                if remaining == 0:
                    break
                continue
            week = self.weeks[day]
            avail = [
                f
                for f in range(nf)
                if self.available[f][day]
                and (f, t) not in busy
                and day_used.get((f, day), 0) < facs[f].max_sessions_per_day
                and week_used.get((f, week), 0) < facs[f].max_sessions_per_week
            ]
            left = 0
            for f in range(nf):
                today = (
                    min(facs[f].max_sessions_per_day - day_used.get((f, day), 0), ns - slot)
                    if self.available[f][day]
                    else 0
                )
                room_left = facs[f].max_sessions_per_week - week_used.get((f, week), 0)
                left += max(0, min(room_left, today + rest[f][day]))
            urgent = week_demand[week]
            week_end = self._week_end(day) * ns + ns - 1
            avail.sort(
                key=lambda f: (
                    -(facs[f].max_sessions_per_week - week_used.get((f, week), 0))
                    / max(
                        1,
                        min(facs[f].max_sessions_per_day - day_used.get((f, day), 0), ns - slot)
                        + rest[f][day],
                    )
                )
            )
            free = [r for r in self.rooms if (r, t) not in room_busy]
            deferred: list[tuple[int, int, int, int]] = []
            while heap and avail:
                item = heapq.heappop(heap)
                due_slot, _, c, k = item
                if due_slot < t:
                    return None
                need = self.need[k]
                if self.in_person[k]:
                    fitting = [r for r in free if self.caps[r] >= sizes[c]]
                    if not fitting:
                        deferred.append(item)
                        continue
                leaders = [f for f in avail if self.skilled[f][k]]
                if len(leaders) < need:
                    deferred.append(item)
                    continue
                if urgent > 0 and due_slot > week_end and left - need < urgent:
                    deferred.append(item)
                    continue
                u = unit_of[c]
                most = away[u]
                if most is not None and away_used.get((u, t), 0) + sizes[c] > most:
                    deferred.append(item)
                    continue
                if k == 0 or first_day[c] is None:
                    span_end = self.span_end(self.ords[day])
                    if not self._chain_fits(c, k, t, due, span_end):
                        deferred.append(item)
                        continue
                wish = wanted.get((c, k))
                people, wished_room = (wish[1], wish[2]) if wish and wish[0] == t else (NOBODY, -1)
                room = -1
                if self.in_person[k]:
                    room = next((r for r in fitting if r == wished_room), fitting[0])
                    free.remove(room)
                if people:
                    leaders.sort(key=lambda f: f not in people)
                chosen = tuple(leaders[:need])
                for f in chosen:
                    avail.remove(f)
                    day_used[(f, day)] = day_used.get((f, day), 0) + 1
                    week_used[(f, week)] = week_used.get((f, week), 0) + 1
                left -= need
                if due_slot < NEVER:
                    week_demand[self.weeks[min(due_slot, self.slots - 1) // ns]] -= need
                    if due_slot <= week_end:
                        urgent -= need
                away_used[(u, t)] = away_used.get((u, t), 0) + sizes[c]
                placements.append(Placed(c, k, t, chosen, room))
                remaining -= 1
                if first_day[c] is None:
                    first_day[c] = self.ords[day]
                    end = self.span_end(self.ords[day])
                    due[c] = [min(d, end) for d in due[c]]
                nxt = k + 1
                if nxt < n and fixed_at[c][nxt] is None:
                    begin = max(self.release(t, self.gaps[nxt]), self.lo[c][nxt])
                    if begin > due[c][nxt]:
                        return None
                    released[begin].append((due[c][nxt], -nxt, c, nxt))
                elif nxt < n:
                    after = fixed_at[c][nxt]
                    assert after is not None
                    later = next((j for j in range(nxt, n) if fixed_at[c][j] is None), None)
                    if later is not None:
                        prev = fixed_at[c][later - 1]
                        assert prev is not None
                        begin = max(self.lo[c][later], self.release(prev[1], self.gaps[later]))
                        released[begin].append((due[c][later], -later, c, later))
            for item in deferred:
                if item[0] <= t:
                    return None
                heapq.heappush(heap, item)
        if remaining or heap or released:
            return None
        return placements

    def _spread(self, due: list[list[int]], horizon: int, every: bool) -> None:
        """Tighten due slots so that the sessions cannot all pile up at the end.

        As the planner does (:func:`ledarutveckling._rollout.heuristic._spread_tail`): from
        the last module back, each session to place takes the latest slot up to its due slot
        where a room (in person) and enough facilitators present are left, and its cohort's
        earlier modules are due before it by the gaps. A session that would go before its
        own first slot keeps its due slot.
        """
        ns = self.ns
        n = len(self.codes)
        last = min(horizon, self.slots - 1)
        rooms_left = [
            sum(1 for r in self.rooms if (r, t) not in self.room_busy) for t in range(last + 1)
        ]
        people_left = [
            sum(
                1
                for f in range(len(self.facs))
                if self.available[f][t // ns] and (f, t) not in self.busy
            )
            for t in range(last + 1)
        ]
        for k in range(n - 1, -1, -1) if every else (n - 1,):
            need = self.need[k]
            order = sorted(
                (c for c in range(len(due)) if self.fixed_at[c][k] is None),
                key=lambda c: due[c][k],
                reverse=True,
            )
            slot = last
            for c in order:
                slot = min(slot, due[c][k])
                while slot >= 0 and (
                    people_left[slot] < need or (self.in_person[k] and rooms_left[slot] < 1)
                ):
                    slot -= 1
                if slot < 0:
                    return
                if slot < self.lo[c][k]:
                    continue
                people_left[slot] -= need
                if self.in_person[k]:
                    rooms_left[slot] -= 1
                row = due[c]
                row[k] = slot
                for j in range(k - 1, -1, -1):
                    if self.fixed_at[c][j] is not None:
                        break
                    row[j] = min(row[j], self.back(row[j + 1], self.gaps[j + 1]))

    def _stagger(self, due: list[list[int]]) -> dict[int, int]:
        """Release slots spreading the first sessions of units held back by a later earliest day.

        As the planner does (:func:`ledarutveckling._rollout.heuristic._stagger`): a unit
        not yet started whose last module waits for a move date must not start every cohort
        on its first day allowed, or their last modules all fall due on the same few days.
        Its cohorts' first sessions are released evenly between the first and the last slot
        from which a cohort can still hold its chain within its span.
        """
        ns = self.ns
        n = len(self.codes)
        groups: dict[tuple[str, int, int, int], list[int]] = defaultdict(list)
        for c, (unit, _, _) in enumerate(self.cohorts):
            if n == 1 or any(row is not None for row in self.fixed_at[c]):
                continue
            slot = self.lo[c][0]
            for j in range(1, n):
                slot = self.release(min(slot, self.slots - 1), self.gaps[j])
            if self.lo[c][n - 1] > slot:
                groups[(unit, self.lo[c][0], due[c][0], self.lo[c][n - 1])].append(c)
        released: dict[int, int] = {}
        for (_, first, latest, _), cohorts in groups.items():

            def fits(t: int, c: int = cohorts[0]) -> bool:
                return self._chain_fits(c, 0, t, due, self.span_end(self.ords[t // ns]))

            latest = min(latest, self.slots - 1)
            while first < latest and not fits(first):
                first += 1
            while latest > first and not fits(latest):
                latest -= 1
            width = max(latest - first, 0)
            for position, c in enumerate(cohorts):
                released[c] = first + width * position // len(cohorts)
        return released

    def _chain_fits(self, c: int, k: int, t: int, due: list[list[int]], end: int) -> bool:
        """Whether a cohort starting module *k* in slot *t* can still meet its later dues."""
        slot = t
        for j in range(k + 1, len(self.codes)):
            slot = max(self.release(min(slot, self.slots - 1), self.gaps[j]), self.lo[c][j])
            fixed = self.fixed_at[c][j]
            if fixed is not None:
                return fixed[1] >= slot and fixed[1] <= end
            if slot > min(due[c][j], end) or slot >= self.slots:
                return False
        return True

    def _week_end(self, day: int) -> int:
        """The last working day of *day*'s ISO week."""
        week = self.weeks[day]
        while day + 1 < len(self.weeks) and self.weeks[day + 1] == week:
            day += 1
        return day

    def _rest(self) -> list[list[int]]:
        """For each facilitator and day: sessions they could lead later in that ISO week."""
        result = []
        days = len(self.ords)
        for f, fac in enumerate(self.facs):
            rest = [0] * days
            following = 0
            for day in range(days - 1, -1, -1):
                if day + 1 < days and self.weeks[day + 1] != self.weeks[day]:
                    following = 0
                rest[day] = following
                if self.available[f][day]:
                    following += min(fac.max_sessions_per_day, self.ns)
            result.append(rest)
        return result

    # -- the exact search ---------------------------------------------------------------

    def exact(self, only: frozenset[int] | None = None) -> list[Placed] | bool | None:
        """A completion that ends as early as the integer program finds, or a proof.

        Returns the placements; ``False`` when HiGHS proves that no completion exists within
        the horizon; ``None`` when the program is too large to build (:data:`EXACT_LIMIT`)
        or the time limit ran out. With *only*, just those cohorts' sessions are placed (the
        others left out: a relaxation, so its ``False`` is a proof too).

        When a window was cut to the horizon, infeasibility proves nothing about the whole;
        the cohorts whose windows were not cut are then searched alone, and their
        infeasibility is the proof (a deadline no order of their sessions meets, say).
        """
        todo = [(c, k) for c, k in self.todo if only is None or c in only]
        if not todo:
            return []
        if self.empty() is not None:
            return False
        ns = self.ns
        n = len(self.codes)
        span = self.rollout.program.max_span_days
        teams: list[list[tuple[int, ...]]] = []
        for k in range(n):
            skilled = [f for f in range(len(self.facs)) if self.skilled[f][k]]
            teams.append(list(itertools.combinations(skilled, self.need[k])))
        # Each open cohort's window, cut to the horizon.
        windows = {}
        count = 0
        # Windows end at most EXACT_DAYS working days after the last first slot: a proof of
        # infeasibility then only holds when no window was cut.
        reach = max(self.lo[c][k] for c, k in todo) // ns * ns + EXACT_DAYS * ns - 1
        cut = any(self.hi[c][k] > reach and reach < self.slots - 1 for c, k in todo)
        for c, k in todo:
            lo, hi = self.lo[c][k], min(self.hi[c][k], self.slots - 1, reach)
            if hi < lo:  # pragma: no cover - empty() and the reach exclude it
                return None
            windows[(c, k)] = (lo, hi)
            count += (hi - lo + 1) * max(len(teams[k]), 1)
            if count > EXACT_LIMIT:
                return None
        import highspy
        import numpy as np

        # Made from the class Highs extends, which prints no banner (see counting._highs);
        # one thread, for a process forked later must not hang in HiGHS's shared workers.
        make = getattr(getattr(highspy, "_core", None), "_Highs", highspy.Highs)
        h: highspy.Highs = make()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("time_limit", EXACT_SECONDS)
        columns: list[tuple[int, int, int, tuple[int, ...]]] = []
        costs: list[float] = []
        for (c, k), (lo, hi) in windows.items():
            for t in range(lo, hi + 1):
                day = t // ns
                for team in teams[k]:
                    if all(self.available[f][day] and (f, t) not in self.busy for f in team):
                        columns.append((c, k, t, team))
                        costs.append(float(t) if k == n - 1 else 0.0)
        nvar = len(columns)
        if nvar == 0:
            return None if cut else False
        h.addVars(nvar, np.zeros(nvar), np.ones(nvar))
        h.changeColsIntegrality(
            nvar, np.arange(nvar, dtype=np.int32), np.ones(nvar, dtype=np.uint8)
        )
        h.changeColsCost(nvar, np.arange(nvar, dtype=np.int32), np.array(costs))
        inf = highspy.kHighsInf

        def row(indices: list[int], values: list[float], low: float, high: float) -> None:
            if indices:
                h.addRow(low, high, len(indices), np.array(indices, dtype=np.int32), values)

        by_fac_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
        by_fac_day: dict[tuple[int, int], list[int]] = defaultdict(list)
        by_fac_week: dict[tuple[int, int], list[int]] = defaultdict(list)
        by_slot: dict[int, list[int]] = defaultdict(list)
        by_unit_slot: dict[tuple[int, int], list[int]] = defaultdict(list)
        for j, (c, k, t, team) in enumerate(columns):
            day = t // ns
            for f in team:
                by_fac_slot[(f, t)].append(j)
                by_fac_day[(f, day)].append(j)
                by_fac_week[(f, self.weeks[day])].append(j)
            if self.in_person[k]:
                by_slot[t].append(j)
            by_unit_slot[(self.units[self.cohorts[c][0]], t)].append(j)
        open_cohorts = sorted({c for c, _ in todo})
        for indices in by_fac_slot.values():
            row(indices, [1.0] * len(indices), 0.0, 1.0)
        for (f, day), indices in by_fac_day.items():
            cap = self.facs[f].max_sessions_per_day - self.day_used.get((f, day), 0)
            row(indices, [1.0] * len(indices), 0.0, float(max(cap, 0)))
        for (f, week), indices in by_fac_week.items():
            cap = self.facs[f].max_sessions_per_week - self.week_used.get((f, week), 0)
            row(indices, [1.0] * len(indices), 0.0, float(max(cap, 0)))
        sizes = sorted({s for _, _, s in self.cohorts})
        for t, indices in by_slot.items():
            free = [r for r in self.rooms if (r, t) not in self.room_busy]
            for size in sizes:
                chosen = [j for j in indices if self.cohorts[columns[j][0]][2] >= size]
                rooms = sum(1 for r in free if self.caps[r] >= size)
                row(chosen, [1.0] * len(chosen), 0.0, float(rooms))
        for (u, t), indices in by_unit_slot.items():
            limit = self.rollout.units[u].max_away
            if limit is not None:
                people = [float(self.cohorts[columns[j][0]][2]) for j in indices]
                row(indices, people, 0.0, float(limit - self.away_used.get((u, t), 0)))
        # Cumulative columns: s[c, k, t] is 1 when module k of cohort c is in slot t or before.
        cumulative: dict[tuple[int, int], int] = {}
        for (c, k), (lo, hi) in windows.items():
            cumulative[(c, k)] = h.getNumCol()
            width = hi - lo + 1
            lows = np.zeros(width)
            lows[-1] = 1.0
            h.addVars(width, lows, np.ones(width))
        by_slot_task: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        for j, (c, k, t, _) in enumerate(columns):
            by_slot_task[(c, k, t)].append(j)

        def s(c: int, k: int, t: int) -> tuple[int | None, float]:
            """The column of s[c, k, t], or None and its value outside the window."""
            lo, hi = windows[(c, k)]
            if t < lo:
                return None, 0.0
            if t >= hi:
                return None, 1.0
            return cumulative[(c, k)] + t - lo, 0.0

        for (c, k), (lo, hi) in windows.items():
            base = cumulative[(c, k)]
            for t in range(lo, hi + 1):
                indices = [base + t - lo] + ([base + t - lo - 1] if t > lo else [])
                values = [1.0] + ([-1.0] if t > lo else [])
                found = by_slot_task.get((c, k, t), [])
                row([*indices, *found], [*values, *([-1.0] * len(found))], 0.0, 0.0)
            if k and (c, k - 1) in windows:
                for t in range(lo, hi + 1):
                    column, _ = s(c, k, t)
                    before, value = s(c, k - 1, self.back(t, self.gaps[k]))
                    if before is None and value >= 1.0:
                        continue
                    if column is None:  # the last slot of the window: module k by then
                        column = cumulative[(c, k)] + hi - lo
                    if before is None:
                        row([column], [1.0], -inf, 0.0)
                    else:
                        row([column, before], [1.0, -1.0], -inf, 0.0)
        for c in open_cohorts:
            if span is None or n == 1 or (c, 0) not in windows or (c, n - 1) not in windows:
                continue
            lo, hi = windows[(c, 0)]
            for day in range(lo // ns, hi // ns + 1):
                first, _ = s(c, 0, min(day * ns + ns - 1, hi))
                last, value = s(c, n - 1, self.span_end(self.ords[day]))
                if value >= 1.0:
                    continue
                if first is None and last is None:
                    return False  # pragma: no cover - the windows already exclude it
                if first is None:
                    row([last], [1.0], 1.0, inf)  # type: ignore[list-item]
                elif last is None:
                    row([first], [1.0], -inf, 0.0)
                else:
                    row([first, last], [1.0, -1.0], -inf, 0.0)
        h.run()
        status = h.getModelStatus()

        if status == highspy.HighsModelStatus.kInfeasible:
            if not cut:
                return False
            uncut = frozenset(c for c, _ in todo) - {
                c for c, k in todo if self.hi[c][k] > reach and reach < self.slots - 1
            }
            return False if uncut and self.exact(uncut) is False else None
        if status != highspy.HighsModelStatus.kOptimal:
            info = h.getInfo()
            if info.primal_solution_status != 2:  # no feasible solution when time ran out
                return None
        values = h.getSolution().col_value
        placed = []
        for j, (c, k, t, team) in enumerate(columns):
            if values[j] > 0.5:
                placed.append(Placed(c, k, t, team, -1))
        return self._rooms(placed)

    def _rooms(self, placed: list[Placed]) -> list[Placed]:
        """The placements with rooms: in each slot, the largest cohorts take the largest rooms."""
        by_slot: dict[int, list[Placed]] = defaultdict(list)
        result = []
        for p in placed:
            if self.in_person[p.module]:
                by_slot[p.slot].append(p)
            else:
                result.append(p)
        for t, group in by_slot.items():
            free = [r for r in self.rooms if (r, t) not in self.room_busy]
            group.sort(key=lambda p: -self.cohorts[p.cohort][2])
            for p in group:
                size = self.cohorts[p.cohort][2]
                room = next(r for r in reversed(free) if self.caps[r] >= size)
                free.remove(room)
                result.append(Placed(p.cohort, p.module, p.slot, p.facilitators, room))
        return result

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
