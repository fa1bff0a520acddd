r"""How narrowly the shown figures pin a hidden group: linear programs (private).

The exact audit (:mod:`ledarutveckling._evaluation.disclosure`) finds hidden figures that the
shown ones determine exactly. A hidden group is also exposed when the shown figures leave it
too little room: its number of respondents (or answers) known to fewer than ``minimum``
possibilities, its mean known to within less than ``min_mean_width`` scale points, or the share
of its promoters or detractors known to within less than ``min_share_width`` percentage points
(a "derived unanimous" group is the extreme case: a group obtained by subtraction whose mean is
at the end of the scale tells every member's answer). This module bounds those figures under
every shown figure with linear programs solved by HiGHS (the interval attack of statistical
disclosure control; Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, section 4.3
on the feasibility intervals of suppressed cells).

The model of one measure has, per evaluation ``e``, the number of answers ``n_e >= 0`` and, on a
rating scale from ``a`` to ``b``, their sum ``s_e`` with ``a n_e <= s_e <= b n_e``, or on the
NPS scale the promoters ``p_e`` and detractors ``d_e`` with ``p_e + d_e <= n_e``. Each shown
figure of a group ``G`` adds ``sum n_e = count`` and, from its rounded figure (a mean to one
decimal, an NPS to a whole point, both rounded half up), ``count (m - 0.05) <= sum s_e <=
count (m + 0.05)`` or ``count (k - 0.5) / 100 <= sum (p_e - d_e) <= count (k + 0.5) / 100``. The
count of a hidden group ``H`` is bounded by minimising and maximising ``sum_H n_e``; its mean
and shares are ratios, bounded by the Charnes-Cooper transformation (variables scaled by
``t = 1 / n_H``, with ``n_H >= 1``: the group has an answer). The programs are the linear
relaxation: answers are not required to be whole, which can only widen the ranges, so a group
the relaxation leaves wide may still be narrower for an attacker who uses integrality. The
shown figures that pin a group are those whose constraints carry a non-zero dual value.

HiGHS (highspy) is a dependency of the library, imported when an audit first needs it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from ledarutveckling._base.extras import require

__all__: list[str] = []


_TOLERANCE: Final = 1e-7
"""Slack for the solver's floating point: a bound within it of a whole number is that number."""


@attrs.frozen(kw_only=True)
class Widths:
    """The protection of a hidden group against narrowing (from :class:`Audience`)."""

    minimum: int
    mean: float
    share: float
    """As a fraction (0.2 for 20 percentage points)."""


@attrs.frozen(kw_only=True)
class Narrowed:
    """A hidden group pinned too narrowly: what, its range, and the figures that pin it."""

    index: int
    """The hidden figure's index among the figures audited."""
    what: str
    """``"count"``, ``"mean"``, ``"promoters"`` or ``"detractors"``."""
    low: float
    high: float
    used: frozenset[int]


class SolverError(Exception):
    """HiGHS did not solve a program: the audit cannot vouch for the publication."""


def _rounded(figure: str | None, count: int) -> tuple[str, float, float] | None:
    """The kind and the bounds a rounded figure puts on a group's sum (or NPS difference)."""
    if figure is None:
        return None
    try:
        if figure.startswith("NPS"):
            score = Decimal(figure[3:].strip())
            return (
                "nps",
                float((score - Decimal("0.5")) * count / 100),
                float((score + Decimal("0.5")) * count / 100),
            )
        mean = Decimal(figure)
    except InvalidOperation:
        return None
    return (
        "mean",
        float((mean - Decimal("0.05")) * count),
        float((mean + Decimal("0.05")) * count),
    )


Figure = tuple[int, tuple[str, ...], int | None, str | None]
"""A figure of one measure for the model: its index, evaluations, count shown and figure shown
(``None`` when hidden)."""


class _Model:
    """The linear program of one measure, built once and re-aimed at each hidden group."""

    def __init__(self, shown: Sequence[Figure], scale: tuple[int, int] | None) -> None:
        self.highspy: Any = require("highspy", "rollout", "the anonymity audit (Audience)")
        np: Any = require("numpy", "rollout", "the anonymity audit (Audience)")
        self.np = np
        references = sorted({r for _, evaluations, _, _ in shown for r in evaluations})
        self.column = {r: i for i, r in enumerate(references)}
        size = len(references)
        rounded = [_rounded(figure, count or 0) for _, _, count, figure in shown]
        kinds = {r[0] for r in rounded if r is not None}
        self.kind = "nps" if "nps" in kinds else "mean" if scale is not None else "count"
        extra = {"count": 0, "mean": size, "nps": 2 * size}[self.kind]
        self.t = size + extra
        columns = self.t + 1
        rows: list[tuple[dict[int, float], float, float]] = []
        self.origin: list[int] = []
        inf = self.highspy.kHighsInf
        for (index, evaluations, count, _), bounds in zip(shown, rounded, strict=True):
            cols = [self.column[r] for r in evaluations]
            if count is not None:
                rows.append(({**dict.fromkeys(cols, 1.0), self.t: -float(count)}, 0.0, 0.0))
                self.origin.append(index)
            if bounds is None or bounds[0] != self.kind:
                continue
            _, low, high = bounds
            if self.kind == "mean":
                sums = {size + c: 1.0 for c in cols}
            else:
                sums = {**{size + c: 1.0 for c in cols}, **{2 * size + c: -1.0 for c in cols}}
            rows.append(({**sums, self.t: -low}, 0.0, inf))
            rows.append(({**sums, self.t: -high}, -inf, 0.0))
            self.origin += [index, index]
        self.figures = len(rows)
        for c in range(size):
            if self.kind == "mean" and scale is not None:
                rows.append(({size + c: 1.0, c: -float(scale[0])}, 0.0, inf))
                rows.append(({c: float(scale[1]), size + c: -1.0}, 0.0, inf))
            elif self.kind == "nps":
                rows.append(({c: 1.0, size + c: -1.0, 2 * size + c: -1.0}, 0.0, inf))
        rows.append(({}, -inf, inf))  # the hidden group's count: re-aimed at each target
        self.norm = len(rows) - 1
        # highspy.Highs() prints a banner as it is made; the class it extends does not. One
        # thread, as the rollout planner's instances have (_rollout/counting.py): HiGHS's
        # worker threads are shared by the whole process and started by the first instance
        # that runs, so an audit on all cores first would change the planner's later results.
        h = getattr(getattr(self.highspy, "_core", None), "_Highs", self.highspy.Highs)()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("presolve", "off")  # re-aimed many times: warm starts, no presolve
        h.setOptionValue("simplex_strategy", 4)  # primal: a new objective keeps it feasible
        h.addVars(columns, np.zeros(columns), np.full(columns, inf))
        starts: list[int] = []
        indices: list[int] = []
        values: list[float] = []
        for coefficients, _, _ in rows:
            starts.append(len(indices))
            indices += list(coefficients)
            values += list(coefficients.values())
        h.addRows(
            len(rows),
            np.array([r[1] for r in rows], dtype=float),
            np.array([r[2] for r in rows], dtype=float),
            len(indices),
            np.array(starts, dtype=np.int32),
            np.array(indices, dtype=np.int32),
            np.array(values, dtype=float),
        )
        self.h = h
        self.aimed: list[int] = []
        self.costs: list[int] = []

    def _aim(self, members: Sequence[int]) -> None:
        for c in self.aimed:
            self.h.changeCoeff(self.norm, c, 0.0)
        for c in members:
            self.h.changeCoeff(self.norm, c, 1.0)
        self.aimed = list(members)

    def _solve(self, cost: Sequence[int], maximise: bool) -> tuple[float | None, set[int]]:
        """The optimum of the sum of *cost*'s columns (``None`` if infeasible), and its duals."""
        np, h = self.np, self.h
        if self.costs:
            h.changeColsCost(
                len(self.costs), np.array(self.costs, dtype=np.int32), np.zeros(len(self.costs))
            )
        h.changeColsCost(len(cost), np.array(cost, dtype=np.int32), np.ones(len(cost)))
        self.costs = list(cost)
        sense = self.highspy.ObjSense
        h.changeObjectiveSense(sense.kMaximize if maximise else sense.kMinimize)
        h.run()
        status = h.getModelStatus()
        statuses = self.highspy.HighsModelStatus
        if status == statuses.kOptimal:
            duals = np.asarray(h.getSolution().row_dual)[: self.figures]
            used = {self.origin[i] for i in np.flatnonzero(np.abs(duals) > 1e-9)}
            return float(h.getInfo().objective_function_value), used
        if status in (statuses.kUnbounded, statuses.kUnboundedOrInfeasible):
            return (math.inf if maximise else -math.inf), set()
        if status == statuses.kInfeasible:
            return None, set()
        raise SolverError(str(status))  # fail closed: an audit that could not run refuses

    def count(self, members: Sequence[int]) -> tuple[float, float, set[int]] | None:
        """The range of the hidden group's count, and the figures that bound it."""
        self._aim(members)
        self.h.changeColBounds(self.t, 1.0, 1.0)
        self.h.changeRowBounds(self.norm, -self.highspy.kHighsInf, self.highspy.kHighsInf)
        low, used_low = self._solve(members, maximise=False)
        high, used_high = self._solve(members, maximise=True)
        if low is None or high is None:
            return None
        return low, high, used_low | used_high

    def ratios(self, members: Sequence[int]) -> list[tuple[str, float, float, set[int]]]:
        """The ranges of the group's mean or shares (with n_H >= 1), and what bounds them."""
        if self.kind == "count":
            return []
        self._aim(members)
        self.h.changeColBounds(self.t, 0.0, 1.0)
        self.h.changeRowBounds(self.norm, 1.0, 1.0)
        size = self.t - (len(self.column) if self.kind == "mean" else 2 * len(self.column))
        aims = (
            [("mean", [size + c for c in members])]
            if self.kind == "mean"
            else [
                ("promoters", [size + c for c in members]),
                ("detractors", [2 * size + c for c in members]),
            ]
        )
        result = []
        for what, cost in aims:
            low, used_low = self._solve(cost, maximise=False)
            high, used_high = self._solve(cost, maximise=True)
            if low is None or high is None:  # pragma: no cover - counts of 1 and more fit
                return []
            result.append((what, low, high, used_low | used_high))
        return result


def _possible(low: float, high: float) -> float:
    """How many whole counts lie from *low* to *high* (infinitely many if unbounded)."""
    if math.isinf(high):
        return math.inf
    return math.floor(high + _TOLERANCE) - math.ceil(low - _TOLERANCE) + 1


def narrowed(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    widths: Widths,
    scale: tuple[int, int] | None,
    *,
    first: bool = False,
    safe: set[tuple[str, ...]] | None = None,
) -> list[Narrowed]:
    """The hidden *targets* the *shown* figures of one measure pin more narrowly than *widths*.

    Args:
        shown: The shown figures of the measure.
        targets: Its hidden figures (distinct groups, none also shown).
        widths: The protection asked.
        scale: The lowest and highest answer of the measure's scale (``None`` for counts).
        first: Stop at the first group found.
        safe: Groups known to be wide enough, skipped; the groups found wide enough are
            added. Hiding more only removes constraints and widens every range, so an audit
            that hides more and tests again keeps it.
    """
    touched = {r for _, evaluations, _, _ in shown for r in evaluations}
    safe = set() if safe is None else safe
    aimed = [t for t in targets if touched.intersection(t[1]) and t[1] not in safe]
    if not aimed:
        return []
    model = _Model(shown, scale)
    # Evaluations in the same shown figures are interchangeable in the program, so two groups
    # made of as many evaluations of each such cell have the same ranges: solved once.
    cell: dict[str, list[int]] = {}
    for index, evaluations, _, _ in shown:
        for reference in evaluations:
            cell.setdefault(reference, []).append(index)
    found: list[Narrowed] = []
    counts: dict[tuple[tuple[int, ...], ...], tuple[float, float, set[int]] | None] = {}
    small = []  # the groups that could be small (counts first, then ratios: fewer re-starts)
    for index, evaluations, _, _ in aimed:
        if not all(r in model.column for r in evaluations):
            safe.add(evaluations)  # an evaluation no shown figure covers: unbounded
            continue
        signature = tuple(sorted(tuple(cell[r]) for r in evaluations))
        if signature not in counts:
            counts[signature] = model.count([model.column[r] for r in evaluations])
        counted = counts[signature]
        if counted is None:  # pragma: no cover - the shown figures are true, so feasible
            continue
        low, high, used = counted
        if low > widths.minimum - 1 + _TOLERANCE:
            safe.add(evaluations)  # at least minimum respondents: could have been shown
            continue
        possible = _possible(low, high)
        if possible < widths.minimum:
            found.append(
                Narrowed(index=index, what="count", low=low, high=high, used=frozenset(used))
            )
            if first:
                return found
        else:  # at least minimum possible counts, so some with an answer: bound the ratios
            small.append((index, evaluations, signature))
    ratios: dict[tuple[tuple[int, ...], ...], list[tuple[str, float, float, set[int]]]] = {}
    for index, evaluations, signature in small:
        if signature not in ratios:
            ratios[signature] = model.ratios([model.column[r] for r in evaluations])
        for what, low, high, used in ratios[signature]:
            width = widths.mean if what == "mean" else widths.share
            if high - low < width - _TOLERANCE:
                found.append(
                    Narrowed(index=index, what=what, low=low, high=high, used=frozenset(used))
                )
                if first:
                    return found
                break
        else:
            safe.add(evaluations)
    return found
