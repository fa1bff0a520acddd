"""The ranges of a hidden group's count, mean and shares under the shown figures (private).

The counts by the linear program with whole bounds, the ratios (Charnes-Cooper) decided in
whole numbers by feasibility programs and Dinkelbach's method over integer programs, each
shortened by the witnesses found for other groups (see
:mod:`ledarutveckling._evaluation.intervals`, which explains the method).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from ledarutveckling._evaluation.interval_program import _TOLERANCE, SolverError, _possible
from ledarutveckling._evaluation.interval_twins import _Twins

__all__: list[str] = []


class _Model(_Twins):
    """The linear program of one measure, built once and re-aimed at each hidden group."""

    def count(
        self, members: Sequence[int], enough: float = math.inf, spread: float = math.inf
    ) -> tuple[float, float, set[int]] | None:
        """The range of the hidden group's count in whole numbers, and the figures bounding it.

        With *enough*, a group that has at least that many in every solution is not
        maximised (its range is given as up to infinity): it is large enough to be shown.
        With *spread*, a group that solutions found before (for any group) show to have at
        least that many possible counts, and fewer than *enough* in one, is not solved for at
        all: its range is given as the counts of those solutions, which is all the caller
        needs to know (that it may be small, and how many values its count may take at
        least); with only the most, it is not maximised.
        """
        reached = self._reached(members, enough, spread)
        if (
            reached is not None
            and reached[0] <= enough - 1 + _TOLERANCE
            and _possible(*reached) >= spread
        ):
            return reached[0], reached[1], set()
        self._mode("count")  # (the group's row is free: not aimed, its basis kept)
        low, used_low = self._solve(members, maximise=False)
        if low is None:
            return None
        self._found()
        if low >= enough - _TOLERANCE:
            return low, math.inf, used_low
        reached = self._reached(members, enough, spread, least=low)
        if reached is not None and _possible(low, reached[1]) >= spread:
            return low, reached[1], used_low  # as many counts possible as asked
        high, used_high = self._solve(members, maximise=True)
        if high is None:  # pragma: no cover - feasible when minimised
            return None
        self._found()
        return low, high, used_low | used_high

    def _reached(
        self,
        members: Sequence[int],
        enough: float = math.inf,
        spread: float = math.inf,
        least: float | None = None,
    ) -> tuple[float, float] | None:
        """The least and largest count of the group in the count programs' solutions so far.

        Every such solution is feasible under the bounds as they are now, so the group's
        range of counts holds at least these (``None`` if none was found). Where they do not
        show it under *enough* in one and *spread* counts apart (see :meth:`count`), the
        solutions rearranged among twins are tried too (:meth:`_moved`); with *least* (the
        group's least count, solved for), only for the most.
        """
        if not self.points:
            return None
        counts = self._stacked("points")[:, list(members)].sum(axis=1)
        low, high = float(counts.min()), float(counts.max())

        def settled() -> bool:
            return low <= enough - 1 + _TOLERANCE and _possible(low, high) >= spread

        if least is None and not settled():
            moved = self._moved(members, maximise=False)
            low = low if moved is None else min(low, moved)
        if not settled():
            moved = self._moved(members, maximise=True)
            high = high if moved is None else max(high, moved)
        return low, high

    def ratios(
        self, members: Sequence[int], width: Callable[[str], float]
    ) -> list[tuple[str, float, float, set[int]]]:
        """The ranges of the group's mean or shares (with n_H >= 1), and what bounds them.

        Exact in whole numbers as far as the protection asks: a range is given as the linear
        program's when that is already under ``width(what)`` (whole solutions only narrow it)
        or both its ends are whole; else one end is made exact (Dinkelbach's method, unless
        the linear end is whole already) and the other is settled by a whole solution at least
        ``width`` away (a feasibility program), or if there is none made exact too.
        """
        if self.kind == "count":
            return []
        self._mode("ratio")
        self._aim(members)
        size = len(self.column)
        aims = (
            [("mean", [size + c for c in members])]
            if self.kind == "mean"
            else [
                ("promoters", [size + c for c in members]),
                ("detractors", [2 * size + c for c in members]),
            ]
        )
        if self.link:  # the linked figure's ratio: the top-two box's share, the NPS's mean
            what = "top2" if self.kind == "mean" else "mean"
            aims.append((what, [self.linked + c for c in members]))
        result: list[tuple[str, float, float, set[int]]] = []
        for what, cost in aims:
            wide = width(what)
            # Two whole solutions found already show it wide, or two rearranged (made only
            # when needed: each adds to the solutions every later group is checked against).
            shown_wide = self._wide(members, cost, wide)
            if not shown_wide:
                self._split(members, what, wide)
            if shown_wide or self._wide(members, cost, wide):
                ratios = self._ratios_pooled(members, cost)
                result.append((what, float(ratios.min()), float(ratios.max()), set()))
                continue
            ends: list[tuple[float, bool]] = []
            used: set[int] = set()
            for maximise in (False, True):
                value, used_here = self._solve(cost, maximise=maximise)
                if value is None:  # pragma: no cover - counts of 1 and more fit
                    return []
                used |= used_here
                whole = self._whole()
                if whole:  # a whole solution, unscaled: a witness for the other groups too
                    values = self.np.asarray(self.h.getSolution().col_value)
                    self.pool.append(values[: self.t] / values[self.t])
                ends.append((value, whole))
                if whole and not maximise:  # the least, whole: rearranged, maybe wide already
                    self._split(members, what, wide)
                    if self._wide(members, cost, wide):
                        break
            if len(ends) == 1:
                ratios = self._ratios_pooled(members, cost)
                result.append((what, float(ratios.min()), float(ratios.max()), set()))
                continue
            (low, low_whole), (high, high_whole) = ends
            if high - low >= wide - _TOLERANCE and not (low_whole and high_whole):
                self._split(members, what, wide)  # with the whole ends found, maybe wide now
                if self._wide(members, cost, wide):
                    ratios = self._ratios_pooled(members, cost)
                    low, high = float(ratios.min()), float(ratios.max())
                else:
                    low, high = self._settle(
                        members, cost, (low, low_whole), (high, high_whole), wide
                    )
            result.append((what, low, high, used))
        return result

    def _ratio(
        self, members: Sequence[int], cost: Sequence[int], maximise: bool, start: float
    ) -> float | None:
        """The least (or greatest) ratio of *cost*'s columns to the group's count, whole.

        Dinkelbach's method (W. Dinkelbach, "On nonlinear fractional programming",
        Management Science 13, 1967) over integer programs: with lambda a ratio reached,
        optimise sum(cost) - lambda * n_H with n_H >= 1; while the optimum beats 0, the
        solution found has a better ratio, which becomes lambda. *start* is the linear
        program's bound (no whole solution beats it). ``None`` if the group cannot have an
        answer in whole numbers.
        """
        self._mode("whole")
        try:
            ratio = start
            for step in range(100):  # each step improves; the ratios are finitely many
                self._cost({**dict.fromkeys(cost, 1.0), **dict.fromkeys(members, -ratio)}, maximise)
                found = self._integer()
                if found is None:  # pragma: no cover - the group's count reaches 1
                    return None
                optimum, values = found
                count = float(sum(values[c] for c in members))
                improved = -optimum if not maximise else optimum
                # The first step only finds a whole solution: the bound it starts from is
                # the relaxation's, which no whole solution beats.
                if step and improved <= _TOLERANCE * count:
                    return ratio
                ratio = round(float(sum(values[c] for c in cost))) / round(count)  # whole
            raise SolverError("Dinkelbach")  # pragma: no cover - converges in a few steps
        finally:
            self._mode("ratio")

    def _end(
        self, members: Sequence[int], cost: Sequence[int], maximise: bool, start: float
    ) -> float:
        """:meth:`_ratio`; with no whole solution (nothing to tell), the widest end."""
        found = self._ratio(members, cost, maximise, start)
        if found is None:  # pragma: no cover - the group's count reaches 1 in whole numbers
            return math.inf if maximise else -math.inf
        return found

    def _settle(
        self,
        members: Sequence[int],
        cost: Sequence[int],
        low: tuple[float, bool],
        high: tuple[float, bool],
        wide: float,
    ) -> tuple[float, float]:
        """A range of the ratio in whole numbers, from the linear ends (value, whether whole).

        Enough to decide against *wide*: two whole solutions at least *wide* apart (found by
        feasibility programs, the first from the end that is already exact if one is) prove
        the range wide, and are returned; only when there are none is the range worked out
        exactly (Dinkelbach), which is then under *wide*.
        """
        (least, least_whole), (most, most_whole) = low, high
        if least_whole:
            up = self._reaches(members, cost, True, least + wide)
            return least, self._end(members, cost, True, most) if up is None else up
        if most_whole:
            down = self._reaches(members, cost, False, most - wide)
            return self._end(members, cost, False, least) if down is None else down, most
        down = self._reaches(members, cost, False, most - wide)
        if down is not None:
            up = self._reaches(members, cost, True, down + wide)
            if up is not None:
                return down, up
        least = self._end(members, cost, False, least)
        up = self._reaches(members, cost, True, least + wide)
        return least, self._end(members, cost, True, most) if up is None else up

    def _reaches(
        self, members: Sequence[int], cost: Sequence[int], maximise: bool, target: float
    ) -> float | None:
        """The ratio of a whole solution at or beyond *target* (above it when maximising).

        A feasibility program (no objective: HiGHS stops at the first whole solution) with
        the row sum(cost) - target * n_H >= 0 (or <= 0) added for the question and removed.
        Where the linear program's solution is fractional, a whole one near it is looked for
        first (:meth:`_nearby`, checked against every row); the full integer program is
        solved only where there is none nearby. ``None`` if no whole solution reaches
        *target*.
        """
        np, h, inf = self.np, self.h, self.highspy.kHighsInf
        pooled = self._pooled(members, cost, maximise, target)
        if pooled is not None:
            return pooled
        self._mode("whole")
        coefficients = {**dict.fromkeys(cost, 1.0)}
        for c in members:
            coefficients[c] = coefficients.get(c, 0.0) - target
        row = h.getNumRow()
        h.addRow(
            -_TOLERANCE if maximise else -inf,
            inf if maximise else _TOLERANCE,
            len(coefficients),
            np.array(list(coefficients), dtype=np.int32),
            np.array(list(coefficients.values()), dtype=float),
        )
        try:
            # The linear program first: no solution there is none in whole numbers, and a
            # whole one is a witness; only a fractional one needs the integer program.
            self._cost({self.t: 0.0}, maximise=False)
            status = self._run()
            statuses = self.highspy.HighsModelStatus
            if status == statuses.kInfeasible:
                return None
            relaxed = np.asarray(h.getSolution().col_value)
            if status == statuses.kOptimal and self._whole():
                values = relaxed
            else:
                # A whole solution near the linear one first (the group's row and the
                # target's are not among the rows built: given here); the full integer
                # program only where there is none nearby.
                group = (dict.fromkeys(self.aimed, 1.0), 1.0, inf)
                aim = (coefficients, *((-_TOLERANCE, inf) if maximise else (-inf, _TOLERANCE)))
                near = self._nearby(relaxed, [group, aim]) if status == statuses.kOptimal else None
                found = self._integer() if near is None else (0.0, near)
                if found is None:
                    return None
                values = found[1]
            self.pool.append(np.asarray(values[: self.t]).copy())
            count = round(float(sum(values[c] for c in members)))
            return round(float(sum(values[c] for c in cost))) / count
        finally:
            h.deleteRows(1, np.array([row], dtype=np.int32))
            self._mode("ratio")

    def _ratios_pooled(self, members: Sequence[int], cost: Sequence[int]) -> Any:
        """The ratios of *cost*'s columns to the group's count in the whole solutions found.

        Only those where the group has an answer.
        """
        np = self.np
        if not self.pool:
            return np.zeros(0)
        matrix = self._stacked("pool")
        counts = matrix[:, list(members)].sum(axis=1)
        sums = matrix[:, list(cost)].sum(axis=1)
        answered = counts >= 1 - _TOLERANCE
        return sums[answered] / counts[answered]

    def _pooled(
        self, members: Sequence[int], cost: Sequence[int], maximise: bool, target: float
    ) -> float | None:
        """The best ratio at or beyond *target* among the whole solutions found so far.

        Every whole solution found (for any group) is a whole solution of the model, with
        the published bounds on as in every ratio's program, so it is a witness for every
        group: most groups are settled by the solutions found for others.
        """
        ratios = self._ratios_pooled(members, cost)
        beyond = ratios[
            ratios >= target - _TOLERANCE if maximise else ratios <= target + _TOLERANCE
        ]
        if not len(beyond):
            return None
        return float(beyond.max() if maximise else beyond.min())

    def _wide(self, members: Sequence[int], cost: Sequence[int], wide: float) -> bool:
        """Whether two whole solutions found so far put the ratio at least *wide* apart.

        Then its range in whole numbers is at least that wide (and so is the linear one),
        which is all the audit asks: no program is solved for the group.
        """
        ratios = self._ratios_pooled(members, cost)
        return bool(len(ratios)) and float(ratios.max() - ratios.min()) >= wide - _TOLERANCE
