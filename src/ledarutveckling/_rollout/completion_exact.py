"""The completion's exact search (private, see completion).

:meth:`ExactSearch.exact`: an integer program over every session, slot, facilitator team and
room size (HiGHS), which finds a completion whenever one exists within :data:`EXACT_DAYS`
working days of the last first slot of a session to place, and proves there is none when no
window reaches past them. Only built when it is small enough (:data:`EXACT_LIMIT` variables).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Final

from ledarutveckling._rollout.completion_work import Placed, RemainingWork

EXACT_LIMIT: Final = 60_000
"""The most variables the exact search builds (it is skipped for larger completions)."""

EXACT_DAYS: Final = 80
"""Working days after the last first slot of any session to place within which the exact
search looks; beyond them it proves nothing (HiGHS is slow on windows of two years)."""

EXACT_SECONDS: Final = 10.0
"""The exact search's time limit; when it runs out without an answer, nothing is proven."""


class ExactSearch(RemainingWork):
    """The exact search over a completion's remaining work."""

    # -- the exact search ---------------------------------------------------------------

    def exact(
        self, only: frozenset[int] | None = None, changes: bool = False
    ) -> list[Placed] | bool | None:
        """A completion that ends as early as the integer program finds, or a proof.

        With *changes*, the completion that leaves the most sessions where they were (in the
        slot and with the facilitators of their wish, and in person only when their room is
        still there and takes the cohort), then ends earliest: its count of the sessions not
        left is a lower bound on the changes of any completion (two sessions left in one
        room are not excluded), which ``benchmarks/replan_minimal.py`` compares the re-plan
        with.

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
                        cost = float(t) if k == n - 1 else 0.0
                        if changes:
                            wish = self.wanted.get((c, k))
                            kept = wish is not None and (wish[0], wish[1]) == (t, frozenset(team))
                            if kept and self.in_person[k]:  # its room must still take it
                                assert wish is not None
                                room = wish[2]
                                kept = room >= 0 and self.caps[room] >= self.cohorts[c][2]
                            tie = cost / (self.slots * len(self.cohorts) + 1)
                            cost = tie + (0.0 if kept else 1.0)
                        costs.append(cost)
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
                    # Never before module k-1's window (lo[k] >= release(lo[k-1], gap)):
                    # past its end (module k-1 done by then) there is nothing to require.
                    before, _ = s(c, k - 1, self.back(t, self.gaps[k]))
                    if before is None:
                        continue
                    if column is None:  # the last slot of the window: module k by then
                        column = cumulative[(c, k)] + hi - lo
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
            return False if uncut and self.exact(uncut, changes) is False else None
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
