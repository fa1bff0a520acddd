"""The completion's list schedule (private, see completion).

:meth:`ListSchedule.schedule`: a list schedule like the planner's, tried for candidate last
days from a bound upwards (galloping, then bisecting), each session due by the latest slot
that lets its cohort finish by that day; the earliest-ending plan found is kept.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from typing import Final

import pendulum

from ledarutveckling._rollout.completion_work import NOBODY, Placed, RemainingWork

STAGGER: Final = 3
"""The pass of :meth:`Completion._forward` that staggers held-back units' first sessions."""


SPREADS: Final = (1, 0, 2, STAGGER)
"""The list schedules tried for each last day: the last module's due slots spread back over
the capacity, none spread, every module's (see :meth:`Completion._spread`), and the first
sessions of units held back by a move date staggered (:meth:`Completion._stagger`)."""


STICKY_SPREADS: Final = (1, 0)
"""The list schedules a sticky schedule tries for each last day (the first two of
:data:`SPREADS`: the others rarely succeed where these fail, and cost as much)."""


class ListSchedule(RemainingWork):
    """The list schedule of a completion's remaining work."""

    # -- the list schedule -------------------------------------------------------------

    def schedule(
        self, hint: pendulum.Date | None = None, tries: int = 64, sticky: int | None = None
    ) -> list[Placed] | None:
        """The earliest-ending list schedule found over candidate last days, or ``None``.

        The last day *hint* (the previous plan's) is tried first, else the first day every
        window allows; from there the search gallops up to a day whose schedule succeeds,
        then bisects down to the earliest that does. At most *tries* days are tried (each
        with every one of :data:`SPREADS` until one succeeds; with *sticky*, see
        :meth:`_forward`, :data:`STICKY_SPREADS`).
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
            # Each day is tried once: the gallop goes up from the first failure, and the
            # bisection stays strictly between the last failure and the best schedule's end.
            tried[day] = None
            for spread in SPREADS if sticky is None else STICKY_SPREADS:
                tried[day] = self._forward(day, spread, sticky)
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

    def _forward(
        self, last_day: int, spread: int = 0, sticky: int | None = None
    ) -> list[Placed] | None:
        """A list schedule with every session due by *last_day* (and its own window).

        With *spread* 1 the last module's due slots are spread back over the capacity
        (:meth:`_spread`), with 2 every module's. With *sticky* (a number of slots), a
        session whose wish is the current slot goes before every other session except those
        due within *sticky* slots (see :meth:`_order`): the schedule leaves sessions where
        they were unless a more urgent one needs the slot.
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
                if fixed_at[c][j] is None:  # every due is at most the horizon
                    week_demand[self.weeks[min(due[c][j], self.slots - 1) // ns]] += self.need[j]
        if not self._rest_cache:
            self._rest_cache.extend(self._rest())
        rest = self._rest_cache
        wanted = self.wanted
        heap: list[tuple[int, int, int, int]] = []
        placements: list[Placed] = []
        wished_at: dict[int, set[tuple[int, int]]] = defaultdict(set)
        if sticky is not None:
            for (c, k), where in wanted.items():  # a fixed session's wish is never waiting
                wished_at[where[0]].add((c, k))
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
            wished = self._wished(heap, wished_at.pop(t, None))
            source = self._order(heap, wished, t + (sticky or 0))
            while avail:
                found = next(source, None)
                if found is None:
                    break
                item = found
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
            for item in [*deferred, *wished]:
                if item[0] <= t:
                    return None
                heapq.heappush(heap, item)
        if remaining or heap or released:
            return None
        return placements

    @staticmethod
    def _wished(
        heap: list[tuple[int, int, int, int]], here: set[tuple[int, int]] | None
    ) -> list[tuple[int, int, int, int]]:
        """The sessions waiting in *heap* whose wish is this slot (*here*), taken out of it."""
        if not here:
            return []
        found = [item for item in heap if (item[2], item[3]) in here]
        if found:
            heap[:] = [item for item in heap if (item[2], item[3]) not in here]
            heapq.heapify(heap)
        found.sort()
        return found

    @staticmethod
    def _order(
        heap: list[tuple[int, int, int, int]], wished: list[tuple[int, int, int, int]], urgent: int
    ) -> Iterator[tuple[int, int, int, int]]:
        """The sessions to try in a slot: those due by *urgent*, the *wished*, then the rest.

        Each wished session given is removed from *wished* (the rest go back to the heap).
        """
        while heap and heap[0][0] <= urgent:
            yield heapq.heappop(heap)
        while wished:
            yield wished.pop(0)
        while heap:
            yield heapq.heappop(heap)

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
