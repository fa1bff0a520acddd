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

The model of one measure has, per evaluation ``e``, the number of answers ``n_e >= 0``, the
number invited ``i_e >= n_e`` and, on a rating scale from ``a`` to ``b``, their sum ``s_e`` with
``a n_e <= s_e <= b n_e``, or on the NPS scale the promoters ``p_e`` and detractors ``d_e`` with
``p_e + d_e <= n_e``. Each shown figure of a group ``G`` adds ``sum n_e = count`` and, from its
rounded figure (a mean to one decimal rounded half up, an NPS to a whole point rounded half
away from zero), whole bounds on ``sum s_e`` or ``sum (p_e - d_e)`` (the sum of whole answers
is whole: a mean of 4.8 on 20 answers is a sum of 95 or 96). What else is published of a
group's count (:data:`Bound`: its number invited, shown or hidden, ``sum i_e = invited``; the
note beside a hidden figure, ``sum n_e <= minimum - 1`` or ``>= minimum``) adds rows that
are switched on for the second look (see :func:`narrowed`). The count of a hidden group
``H`` is bounded by minimising and maximising ``sum_H n_e``; its mean and shares are ratios,
bounded by the Charnes-Cooper transformation (variables scaled by ``t = 1 / n_H``, with
``n_H >= 1``: the group has an answer). Where a ratio's linear optimum is fractional, a reader
who uses that answers are whole may get further, so the ratio's range is decided in whole
numbers: two whole solutions at least the width apart (feasibility MILPs) prove it wide, and
if there are none its ends are found exactly by Dinkelbach's method over MILPs. Counts keep
the linear program with the whole bounds. The shown figures that pin a group are those whose
constraints carry a non-zero dual value.

The evaluations shown as groups of their own that lie in the same other groups are merged
into one evaluation of the program (:func:`_pieces`: the sums of whole numbers in intervals
are the whole numbers of the summed interval), which gives the same ranges from a program a
fraction of the size; the figures that pin a group found are taken from the full program.

HiGHS (highspy) is a dependency of the library, imported when an audit first needs it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import partial
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


def _rounded(figure: str | Limits | None, count: int) -> Limits | None:
    """The kind and the bounds a rounded figure puts on a group's sum (or NPS difference).

    The sum of whole answers (promoters less detractors) is whole, so the bounds are whole:
    a mean shown as 4.8 of 20 answers (rounded half up: from 4.75 up to, not including,
    4.85) is a sum from 95 to 96. An NPS is rounded half away from zero. Whole bounds are a
    valid cut of the integer programs, and make the linear program's optimum whole in most
    cases, so that few integer programs are needed.
    """
    if figure is None or isinstance(figure, tuple):  # None, or bounds worked out already
        return figure
    try:
        if figure.startswith("NPS"):
            score = Decimal(figure[3:].strip())
            low = (score - Decimal("0.5")) * count / 100
            high = (score + Decimal("0.5")) * count / 100
            # Half away from zero: a tie went up for a positive score, down for a negative
            # one, and to neither for 0 (-0.5 and 0.5 round to -1 and 1).
            least = math.ceil(low) if score > 0 else math.floor(low) + 1
            most = math.floor(high) if score < 0 else math.ceil(high) - 1
            return "nps", float(least), float(most)
        mean = Decimal(figure)
    except InvalidOperation:
        return None
    low = (mean - Decimal("0.05")) * count
    high = (mean + Decimal("0.05")) * count
    return "mean", float(math.ceil(low)), float(math.ceil(high) - 1)


Limits = tuple[str, float, float]
"""The kind of a figure (``"mean"`` or ``"nps"``) and the whole bounds it puts on the sum."""


Figure = tuple[int, tuple[str, ...], int | None, str | Limits | None]
"""A figure of one measure for the model: its index, evaluations, count shown and figure shown
(``None`` when hidden; or the bounds on the sum, for the pieces of :func:`_pieces`)."""


Bound = tuple[int, tuple[str, ...], int | None, int | None, int | None]
"""What is published of a figure's count besides the count itself: its index, evaluations,
the participants invited, and the least and most count its note states (``None`` if not)."""


class _Model:
    """The linear program of one measure, built once and re-aimed at each hidden group."""

    def __init__(
        self,
        shown: Sequence[Figure],
        scale: tuple[int, int] | None,
        bounds: Sequence[Bound] = (),
    ) -> None:
        self.highspy: Any = require("highspy", "rollout", "the anonymity audit (Audience)")
        np: Any = require("numpy", "rollout", "the anonymity audit (Audience)")
        self.np = np
        references = sorted(
            {r for _, evaluations, _, _ in shown for r in evaluations}
            | {r for _, evaluations, *_ in bounds for r in evaluations}
        )
        self.column = {r: i for i, r in enumerate(references)}
        size = len(references)
        rounded = [_rounded(figure, count or 0) for _, _, count, figure in shown]
        kinds = {r[0] for r in rounded if r is not None}
        self.kind = "nps" if "nps" in kinds else "mean" if scale is not None else "count"
        extra = {"count": 0, "mean": size, "nps": 2 * size}[self.kind]
        # Then one column per evaluation for its invited (known only as the groups' sums).
        self.invited = size + extra
        self.t = self.invited + size
        self.integer = list(range(self.invited + size))  # every column but t is whole
        columns = self.t + 1
        rows: list[tuple[dict[int, float], float, float]] = []
        self.origin: list[int] = []
        inf = self.highspy.kHighsInf
        for index, evaluations, invited, least, most in bounds:  # rows 0 to len(published)
            cols = [self.column[r] for r in evaluations]
            if invited is not None:
                invited_cols = dict.fromkeys((self.invited + c for c in cols), 1.0)
                rows.append(({**invited_cols, self.t: -float(invited)}, 0.0, 0.0))
                self.origin.append(index)
            if least is not None:
                rows.append(({**dict.fromkeys(cols, 1.0), self.t: -float(least)}, 0.0, inf))
                self.origin.append(index)
            if most is not None:
                rows.append(({**dict.fromkeys(cols, 1.0), self.t: -float(most)}, -inf, 0.0))
                self.origin.append(index)
        self.published = [(low, high) for _, low, high in rows]
        """The bounds of the rows of what else is published of the counts (the first rows)."""
        for (index, evaluations, count, _), limits in zip(shown, rounded, strict=True):
            cols = [self.column[r] for r in evaluations]
            if count is not None:
                rows.append(({**dict.fromkeys(cols, 1.0), self.t: -float(count)}, 0.0, 0.0))
                self.origin.append(index)
            if limits is None or limits[0] != self.kind:
                continue
            _, low, high = limits
            if self.kind == "mean":
                sums = {size + c: 1.0 for c in cols}
            else:
                sums = {**{size + c: 1.0 for c in cols}, **{2 * size + c: -1.0 for c in cols}}
            rows.append(({**sums, self.t: -low}, 0.0, inf))
            rows.append(({**sums, self.t: -high}, -inf, 0.0))
            self.origin += [index, index]
        self.figures = len(rows)
        for c in range(size):
            rows.append(({c: 1.0, self.invited + c: -1.0}, -inf, 0.0))  # answers <= invited
            if self.kind == "mean" and scale is not None:
                rows.append(({size + c: 1.0, c: -float(scale[0])}, 0.0, inf))
                rows.append(({c: float(scale[1]), size + c: -1.0}, 0.0, inf))
            elif self.kind == "nps":
                rows.append(({c: 1.0, size + c: -1.0, 2 * size + c: -1.0}, 0.0, inf))
        rows.append(({}, -inf, inf))  # the hidden group's count: re-aimed at each target
        self.norm = len(rows) - 1
        self.scale = scale
        self._twins(shown, bounds)
        # highspy.Highs() prints a banner as it is made; the class it extends does not. One
        # thread, as the rollout planner's instances have (_rollout/counting.py): HiGHS's
        # worker threads are shared by the whole process and started by the first instance
        # that runs, so an audit on all cores first would change the planner's later results.
        h = self._highs()
        h.setOptionValue("presolve", "off")  # re-aimed many times: warm starts, no presolve
        h.setOptionValue("simplex_strategy", 1)  # dual: measured faster here than primal
        h.addVars(columns, np.zeros(columns), np.full(columns, inf))
        starts: list[int] = []
        indices: list[int] = []
        values: list[float] = []
        for coefficients, _, _ in rows:
            starts.append(len(indices))
            indices += list(coefficients)
            values += list(coefficients.values())
        # The rows as arrays too, to check a rearranged solution against (see _fits).
        self._lower = np.array([r[1] for r in rows], dtype=float)
        self._upper = np.array([r[2] for r in rows], dtype=float)
        self._col = np.array(indices, dtype=np.int32)
        self._value = np.array(values, dtype=float)
        self._row = np.repeat(np.arange(len(rows)), np.diff([*starts, len(indices)]))
        published = len(self.published)  # without the published bounds, those rows are free
        self._lower_off = np.concatenate([np.full(published, -np.inf), self._lower[published:]])
        self._upper_off = np.concatenate([np.full(published, np.inf), self._upper[published:]])
        h.addRows(
            len(rows),
            self._lower,
            self._upper,
            len(indices),
            np.array(starts, dtype=np.int32),
            self._col,
            self._value,
        )
        self.h = h
        self.aimed: list[int] = []
        self.costs: list[int] = []
        self.pool: list[Any] = []
        """Whole solutions found, with the published bounds on (see :meth:`_pooled`)."""
        self.points: list[Any] = []
        """Solutions of the count programs (unscaled), under the published bounds as they are
        now: witnesses of how large a group's count can be (see :meth:`_reached`)."""
        self.on = False
        self._stacks: dict[str, tuple[list[Any], int, Any]] = {}

    def _twins(
        self,
        shown: Sequence[Figure],
        bounds: Sequence[Bound],
    ) -> None:
        """The classes of twins and each evaluation's own bounds.

        Evaluations that lie in the same shown figures and in the same bounded groups of
        several evaluations ("twins") enter every row but their own only through their sums:
        answers moved from one to another leave every shown figure and every bound of a
        group as it was, as long as each keeps within its own (answers at most its invited,
        and its note). So a solution found for one group, rearranged among twins, is a
        witness for others (:meth:`_moved`, :meth:`_split`); a rearranged solution is used
        only once checked against every row (:meth:`_fits`).
        """
        np = self.np
        size = len(self.column)
        keys: dict[int, list[int]] = {c: [] for c in range(size)}
        for position, (_, evaluations, _, _) in enumerate(shown):
            for reference in evaluations:
                keys[self.column[reference]].append(position)
        self.least = np.zeros(size)
        self.most = np.full(size, np.inf)
        for position, (_, evaluations, _, least, most) in enumerate(bounds):
            cols = [self.column[r] for r in evaluations]
            if len(cols) == 1:  # its own bounds (one bound per group: see _published_bounds)
                self.least[cols[0]] = least or 0
                self.most[cols[0]] = np.inf if most is None else most
            else:
                for c in cols:
                    keys[c].append(-1 - position)
        classes: dict[tuple[int, ...], list[int]] = {}
        for c, key in keys.items():
            classes.setdefault(tuple(key), []).append(c)
        self.classes = list(classes.values())
        self._class_cols = [np.array(members) for members in self.classes]
        self.klass = [0] * size
        for number, members in enumerate(self.classes):
            for c in members:
                self.klass[c] = number

    def _fits(self, values: Any, whole: bool) -> bool:
        """Whether *values* (a solution without t, unscaled) meets every row as it is now.

        The row of the group aimed at is as built (empty and free: a count's program does not
        bound it); with *whole*, every value must be a whole number too.
        """
        np = self.np
        x = np.append(values, 1.0)
        if bool(np.any(x < -_TOLERANCE)) or (
            whole and bool(np.any(np.abs(x - np.round(x)) > _TOLERANCE))
        ):
            return False
        terms = self._value * x[self._col]
        activity = np.bincount(self._row, weights=terms, minlength=len(self._lower))
        lower, upper = (self._lower, self._upper) if self.on else (self._lower_off, self._upper_off)
        # The solver's slack, no more (a solution that does not fit is not used: the group
        # is solved for instead).
        return bool(np.all(np.maximum(lower - activity, activity - upper) <= _TOLERANCE))

    def _room(self, solutions: Any, cols: Sequence[int]) -> tuple[Any, Any]:
        """The least and the most answers each of *cols* may hold in each of *solutions*.

        With the published bounds on, its note and its invited (as the solution has it:
        rearranging answers leaves the invited alone); without them, 0 and the class's total.
        """
        np = self.np
        if self.on:
            least = np.broadcast_to(self.least[cols], (len(solutions), len(cols)))
            invited = solutions[:, self.invited + np.asarray(cols)]
            return least, np.minimum(self.most[cols], invited)
        total = solutions[:, cols].sum(axis=1, keepdims=True)
        return np.zeros((len(solutions), len(cols))), np.repeat(total, len(cols), axis=1)

    def _sums(self) -> list[int]:
        """The offsets of the columns of an evaluation's sums (its promoters, detractors)."""
        size = len(self.column)
        return {"count": [], "mean": [size], "nps": [size, 2 * size]}[self.kind]

    def _moved(self, members: Sequence[int], maximise: bool) -> float | None:
        """The most (least) answers of the group in a count solution rearranged among twins.

        Of the count programs' solutions, the one that gives the group the most (least)
        answers once its members take as many (few) as their twins outside the group can
        give (take); each class's sums follow its answers in proportion, so that every
        evaluation's mean (or shares) is its class's. ``None`` if no member has a twin
        outside the group, or if the rearranged solution does not fit (it always should).
        """
        np = self.np
        inside = set(members)
        flexible = sorted(
            {self.klass[c] for c in members if not inside.issuperset(self.classes[self.klass[c]])}
        )
        if not flexible:
            return None
        solutions = self._stacked("points")
        value = solutions[:, list(members)].sum(axis=1)
        plans = []
        for number in flexible:
            cols = self._class_cols[number]
            mine = np.array([c in inside for c in self.classes[number]])
            least, most = self._room(solutions, cols)
            total = solutions[:, cols].sum(axis=1)
            if maximise:
                target = np.minimum(most[:, mine].sum(axis=1), total - least[:, ~mine].sum(axis=1))
            else:
                target = np.maximum(least[:, mine].sum(axis=1), total - most[:, ~mine].sum(axis=1))
            value = value + target - solutions[:, cols[mine]].sum(axis=1)
            plans.append((cols, mine, least, most, total, target))
        best = int(np.argmax(value) if maximise else np.argmin(value))
        x = solutions[best].copy()
        for cols, mine, least, most, total, target in plans:
            counts = np.zeros(len(cols))
            counts[mine] = _fill(target[best], least[best, mine], most[best, mine])
            counts[~mine] = _fill(total[best] - target[best], least[best, ~mine], most[best, ~mine])
            for offset in self._sums():
                whole = x[offset + cols].sum()
                x[offset + cols] = counts * (whole / total[best] if total[best] else 0)
            x[cols] = counts
            if not self.on:  # the invited are free without the published bounds
                x[self.invited + cols] = np.maximum(x[self.invited + cols], counts)
        return float(x[list(members)].sum()) if self._fits(x, whole=False) else None

    def _split(self, members: Sequence[int], what: str, wide: float) -> None:
        """Keep two whole solutions in which a group of one evaluation has its ratio far apart.

        Of the whole solutions found, one where the evaluation's class holds enough answers
        is rearranged among the twins: the evaluation keeps as few answers as it may (at least
        one), at the lowest and at the highest sum (promoters, detractors) the rest of its
        class can make up for (see :func:`_ends`), and the twins share the rest in whole
        answers. Both are kept (if they fit) when they are at least *wide* apart. Only with
        the published bounds on, as every whole solution kept (see :meth:`_pooled`).
        """
        if len(members) != 1 or not self.pool or not self.on:
            return
        np = self.np
        h = members[0]
        cols = self.classes[self.klass[h]]
        if len(cols) < 2:
            return
        others = self.np.array([c for c in cols if c != h])
        cols = self._class_cols[self.klass[h]]
        solutions = self._stacked("pool")
        least, most = self._room(solutions, others)
        own_least, own_most = self._room(solutions, [h])
        total = solutions[:, cols].sum(axis=1)
        answers = np.maximum.reduce(
            [np.ones(len(solutions)), own_least[:, 0], total - most.sum(axis=1)]
        )
        possible = answers <= np.minimum(own_most[:, 0], total - least.sum(axis=1))
        offsets = self._sums() if what != "detractors" else self._sums()[::-1]
        first, second = offsets[0], offsets[-1]
        held = solutions[:, first + cols].sum(axis=1)
        other = (
            solutions[:, second + cols].sum(axis=1)
            if self.kind == "nps"
            else np.zeros(len(solutions))
        )
        ends: list[tuple[float, int, tuple[float, float]]] = []  # the lowest, the highest
        for index in np.flatnonzero(possible):
            k = answers[index]
            found = _ends(
                self.kind, self.scale or (0, 0), k, total[index], held[index], other[index]
            )
            if found is None:
                continue
            low, high = (found[0][0] / k, index, found[0]), (found[1][0] / k, index, found[1])
            ends = [min(ends[0], low), max(ends[1], high)] if ends else [low, high]
        if not ends or ends[1][0] - ends[0][0] < wide - _TOLERANCE:
            return
        made = []
        for _, index, (mine, theirs) in ends:
            x = solutions[index].copy()
            k, n, s, o = answers[index], total[index], held[index], other[index]
            x[h] = k
            x[others] = _fill(n - k, least[index], most[index])
            x[first + h] = mine
            if self.kind == "mean":
                lowest, highest = self.scale or (0, 0)
                x[first + others] = lowest * x[others] + _fill(
                    s - mine - lowest * (n - k),
                    np.zeros(len(others)),
                    (highest - lowest) * x[others],
                )
            else:
                x[second + h] = theirs
                difference = s - o - mine + theirs  # the rest's, within +-(n - k)
                x[first + others] = _fill(max(difference, 0.0), np.zeros(len(others)), x[others])
                x[second + others] = _fill(
                    max(-difference, 0.0),
                    np.zeros(len(others)),
                    x[others] - x[first + others],
                )
            made.append(x)
        if all(self._fits(x, whole=True) for x in made):
            self.pool.extend(made)

    def _highs(self) -> Any:
        """A HiGHS instance, quiet and in one thread (see :meth:`__init__`)."""
        h = getattr(getattr(self.highspy, "_core", None), "_Highs", self.highspy.Highs)()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        return h

    def publish(self, on: bool) -> None:
        """Take what else is published of the counts (invited, notes) into account, or not."""
        if self.on != on:
            self.points = []  # found under the other bounds: not witnesses under these
            self._stacks.pop("points", None)
        self.on = on
        if not self.published:
            return
        inf = self.highspy.kHighsInf
        rows = self.published if on else [(-inf, inf)] * len(self.published)
        self.h.changeRowsBounds(
            len(rows),
            self.np.arange(len(rows), dtype=self.np.int32),
            self.np.array([low for low, _ in rows], dtype=float),
            self.np.array([high for _, high in rows], dtype=float),
        )

    def _aim(self, members: Sequence[int]) -> None:
        for c in self.aimed:
            self.h.changeCoeff(self.norm, c, 0.0)
        for c in members:
            self.h.changeCoeff(self.norm, c, 1.0)
        self.aimed = list(members)

    def _solve(self, cost: Sequence[int], maximise: bool) -> tuple[float | None, set[int]]:
        """The optimum of the sum of *cost*'s columns (``None`` if infeasible), and its duals."""
        np, h = self.np, self.h
        self._cost(dict.fromkeys(cost, 1.0), maximise)
        h.run()
        status = h.getModelStatus()
        statuses = self.highspy.HighsModelStatus
        decided = (
            statuses.kOptimal,
            statuses.kUnbounded,
            statuses.kUnboundedOrInfeasible,
            statuses.kInfeasible,
        )
        if status not in decided:
            # A warm start can leave the simplex stuck (kUnknown); once more from scratch
            # before the audit fails closed.
            h.clearSolver()
            h.run()
            status = h.getModelStatus()
        if status == statuses.kOptimal:
            duals = np.asarray(h.getSolution().row_dual)[: self.figures]
            used = {self.origin[i] for i in np.flatnonzero(np.abs(duals) > 1e-9)}
            return float(h.getInfo().objective_function_value), used
        if status in (statuses.kUnbounded, statuses.kUnboundedOrInfeasible):
            return (math.inf if maximise else -math.inf), set()
        if status == statuses.kInfeasible:
            return None, set()
        raise SolverError(str(status))  # fail closed: an audit that could not run refuses

    def _whole(self) -> bool:
        """Whether the last solution is whole in every count, sum and invited.

        In a ratio's program the solution is scaled by t (1 / the group's count) and is
        unscaled first.
        """
        np = self.np
        values = np.asarray(self.h.getSolution().col_value)
        scale = values[self.t]
        if scale <= _TOLERANCE:  # pragma: no cover - the group has an answer: t = 1 / n_H
            return False
        values = values[: self.t] / scale
        return bool(np.all(np.abs(values - np.round(values)) <= _TOLERANCE))

    def _integer(self) -> tuple[float, Any] | None:
        """The optimum of the objective set, with every column but t whole (MILP).

        Asked only when the linear program's optimum is fractional: then a reader who uses
        that answers are whole may get further than the relaxation, so the exact bound is the
        integer program's. Solved on a copy of the model (with presolve), so that the linear
        program keeps its warm start. Returns the optimum and the solution, ``None`` if no
        whole solution exists.
        """
        np = self.np
        mip = self._highs()
        mip.passModel(self.h.getModel())
        mip.setOptionValue("presolve", "on")
        columns = np.array(self.integer, dtype=np.int32)
        kind = self.highspy.HighsVarType.kInteger
        mip.changeColsIntegrality(
            len(columns), columns, np.array([kind] * len(columns), dtype=np.uint8)
        )
        mip.run()
        status = mip.getModelStatus()
        statuses = self.highspy.HighsModelStatus
        if status == statuses.kOptimal:
            values = np.asarray(mip.getSolution().col_value).copy()
            return float(mip.getInfo().objective_function_value), values
        if status == statuses.kInfeasible:
            return None
        raise SolverError(str(status))  # pragma: no cover - a bounded MILP finishes

    def _cost(self, costs: dict[int, float], maximise: bool) -> None:
        """Set the objective: *costs* by column, every other column 0."""
        np, h = self.np, self.h
        if self.costs:
            h.changeColsCost(
                len(self.costs), np.array(self.costs, dtype=np.int32), np.zeros(len(self.costs))
            )
        h.changeColsCost(
            len(costs),
            np.array(list(costs), dtype=np.int32),
            np.array(list(costs.values()), dtype=float),
        )
        self.costs = list(costs)
        sense = self.highspy.ObjSense
        h.changeObjectiveSense(sense.kMaximize if maximise else sense.kMinimize)

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
        h, inf = self.h, self.highspy.kHighsInf
        h.changeColBounds(self.t, 1.0, 1.0)
        h.changeRowBounds(self.norm, 1.0, inf)
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
            h.changeColBounds(self.t, 0.0, 1.0)
            h.changeRowBounds(self.norm, 1.0, 1.0)

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

    def _stacked(self, name: str) -> Any:
        """The solutions in ``self.<name>`` as the rows of a matrix (kept until it grows)."""
        rows = getattr(self, name)
        kept = self._stacks.get(name)
        if kept is None or kept[0] is not rows or kept[1] > len(rows):
            kept = (rows, 0, self.np.empty((2 * len(rows), len(rows[0]))))
        count, matrix = kept[1], kept[2]
        if count < len(rows):  # the lists only grow (or are replaced): the new rows added
            if len(matrix) < len(rows):
                matrix = self.np.concatenate(
                    [matrix[:count], self.np.empty((len(rows), matrix.shape[1]))]
                )
            matrix[count : len(rows)] = rows[count:]
            kept = (rows, len(rows), matrix)
        self._stacks[name] = kept
        return matrix[: len(rows)]

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

    def _found(self) -> None:
        """Keep the count program's solution, a witness for the other groups' counts.

        If it is whole (with the published bounds on), it is one for their ratios too.
        """
        values = self.np.asarray(self.h.getSolution().col_value)[: self.t].copy()
        self.points.append(values)
        if self.on and bool(self.np.all(self.np.abs(values - self.np.round(values)) <= _TOLERANCE)):
            self.pool.append(values)

    def _reaches(
        self, members: Sequence[int], cost: Sequence[int], maximise: bool, target: float
    ) -> float | None:
        """The ratio of a whole solution at or beyond *target* (above it when maximising).

        A feasibility program (no objective: HiGHS stops at the first whole solution) with
        the row sum(cost) - target * n_H >= 0 (or <= 0) added for the question and removed.
        ``None`` if no whole solution reaches *target*.
        """
        np, h, inf = self.np, self.h, self.highspy.kHighsInf
        pooled = self._pooled(members, cost, maximise, target)
        if pooled is not None:
            return pooled
        h.changeColBounds(self.t, 1.0, 1.0)
        h.changeRowBounds(self.norm, 1.0, inf)
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
            h.run()
            statuses = self.highspy.HighsModelStatus
            if h.getModelStatus() == statuses.kInfeasible:
                return None
            if h.getModelStatus() == statuses.kOptimal and self._whole():
                values = np.asarray(h.getSolution().col_value)
            else:
                found = self._integer()
                if found is None:
                    return None
                values = found[1]
            self.pool.append(np.asarray(values[: self.t]).copy())
            count = round(float(sum(values[c] for c in members)))
            return round(float(sum(values[c] for c in cost))) / count
        finally:
            h.deleteRows(1, np.array([row], dtype=np.int32))
            h.changeColBounds(self.t, 0.0, 1.0)
            h.changeRowBounds(self.norm, 1.0, 1.0)

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
        self._aim(members)
        self.h.changeColBounds(self.t, 1.0, 1.0)
        self.h.changeRowBounds(self.norm, -self.highspy.kHighsInf, self.highspy.kHighsInf)
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
        self._aim(members)
        self.h.changeColBounds(self.t, 0.0, 1.0)
        self.h.changeRowBounds(self.norm, 1.0, 1.0)
        size = len(self.column)
        aims = (
            [("mean", [size + c for c in members])]
            if self.kind == "mean"
            else [
                ("promoters", [size + c for c in members]),
                ("detractors", [2 * size + c for c in members]),
            ]
        )
        result: list[tuple[str, float, float, set[int]]] = []
        for what, cost in aims:
            wide = width(what)
            self._split(members, what, wide)
            if self._wide(members, cost, wide):  # two whole solutions found already: wide
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


def _fill(amount: float, least: Any, most: Any) -> Any:
    """Amounts from *least* to *most* (arrays) that add up to *amount*, the first filled first."""
    room = most - least
    before = room.cumsum() - room
    return least + (amount - least.sum() - before).clip(0, room)


def _ends(
    kind: str, scale: tuple[int, int], k: float, n: float, s: float, o: float
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The least and the most a group of *k* answers of its class's *n* may hold (see _split).

    Of a mean, its sum, with the class's sum *s* (the rest within the scale). Of an NPS
    share, its promoters (detractors) and the detractors (promoters) it holds with them, as
    few as the rest leaves it: the shown figures take an evaluation's promoters less its
    detractors, so only the class's difference *s* - *o* is kept (two passives may become a
    promoter and a detractor, and back). Each end is (what it holds, the other); ``None`` if
    the class cannot be so split.
    """
    rest = n - k
    if kind == "mean":
        lowest, highest = scale
        low, high = max(lowest * k, s - highest * rest), min(highest * k, s - lowest * rest)
        return ((low, 0.0), (high, 0.0)) if low <= high else None
    # held p and other q of k (p + q <= k), the rest a difference s - o - p + q within +-rest
    found = []
    for held in range(int(k) + 1):
        other = max(0.0, -rest - (s - o - held))
        if other <= k - held and s - o - held + other <= rest:
            found.append((float(held), other))
    return (found[0], found[-1]) if found else None


def _possible(low: float, high: float) -> float:
    """How many whole counts lie from *low* to *high* (infinitely many if unbounded)."""
    if math.isinf(high):
        return math.inf
    return math.floor(high + _TOLERANCE) - math.ceil(low - _TOLERANCE) + 1


def _own(invited: int | None, least: int | None, most: int | None) -> float:
    """How many counts a group's own published figures leave it (its invited, its note)."""
    high = min(math.inf if invited is None else invited, math.inf if most is None else most)
    return high - (least or 0) + 1


def narrowed(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    widths: Widths,
    scale: tuple[int, int] | None,
    *,
    first: bool = False,
    safe: set[tuple[str, ...]] | None = None,
    bounds: Sequence[Bound] = (),
) -> list[Narrowed]:
    """The hidden *targets* the *shown* figures of one measure pin more narrowly than *widths*.

    A count must keep at least ``widths.minimum`` possible values, or as many as the group's
    own published figures leave it (a cohort of three invited has at most four: 0 to 3).

    Args:
        shown: The shown figures of the measure.
        targets: Its hidden figures (distinct groups, none also shown).
        bounds: What is published of the counts besides the shown ones (invited, notes).
        widths: The protection asked.
        scale: The lowest and highest answer of the measure's scale (``None`` for counts).
        first: Stop at the first group found.
        safe: Groups known to be wide enough, skipped; the groups found wide enough are
            added. Hiding a figure removes its count but notes that it had at least the
            minimum, a new bound: an audit that hides more of a measure and tests again
            forgets the measure's safe groups (:meth:`Audience.audit`).
    """
    touched = {r for _, evaluations, _, _ in shown for r in evaluations}
    safe = set() if safe is None else safe
    aimed = [t for t in targets if touched.intersection(t[1]) and t[1] not in safe]
    if not aimed:
        return []
    keys = {index: evaluations for index, evaluations, _, _ in aimed}
    pieces = _pieces(shown, aimed, bounds, scale)
    if pieces is None:
        return [
            narrow for narrow, _ in _search(shown, aimed, bounds, scale, widths, first, safe, keys)
        ]
    found = _search(pieces.shown, pieces.targets, pieces.bounds, scale, widths, first, safe, keys)
    if not found:
        return []
    # The figures that pin a group found: from the full program (the pieces' rows stand for
    # several figures each), solved for that group as the search did.
    model = _Model(shown, scale, bounds)
    result = []
    for narrow, look in found:
        members = [model.column[r] for r in keys[narrow.index]]
        model.publish(look != "shown")
        if narrow.what == "count":
            spread = widths.minimum if look == "shown" else 2
            counted = model.count(members, enough=widths.minimum, spread=spread)
            used = counted[2] if counted is not None else set()
        else:
            used = next(
                (
                    used
                    for what, _, _, used in model.ratios(members, partial(_width, widths))
                    if what == narrow.what
                ),
                set(),
            )
        if not used:  # pragma: no cover - the full program finds what the pieces found
            used = {i for index in narrow.used for i in pieces.parts.get(index, {index})}
        result.append(attrs.evolve(narrow, used=frozenset(used)))
    return result


def _width(widths: Widths, what: str) -> float:
    return widths.mean if what == "mean" else widths.share


@attrs.frozen(kw_only=True)
class _Pieces:
    """The program of a measure with the evaluations that only add up merged (see _pieces)."""

    shown: list[Figure]
    targets: list[Figure]
    bounds: list[Bound]
    parts: dict[int, set[int]]
    """The figures each merged figure (by index) stands for."""


_PIECE: Final = "\x00"
"""The start of a merged evaluation's name (no reference starts so: see :func:`_pieces`)."""


def _pieces(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    bounds: Sequence[Bound],
    scale: tuple[int, int] | None,
) -> _Pieces | None:
    """The same program with the evaluations that are only added up merged, or ``None``.

    An evaluation shown as a group of its own (a cohort of a breakdown by cohort) has its
    count shown and its sum bounded by its rounded mean and the scale: the whole numbers in
    an interval. Evaluations like it that lie in the same other groups (shown, bounded and
    aimed at) appear in every other row only through their sum, and the sums of whole
    numbers in intervals are exactly the whole numbers in the sum of the intervals (their
    invited alike: each at least its count, or as published). So they are one evaluation of
    the program, whose count is the sum of the counts and whose sum lies between the sums of
    the bounds: the same ranges for every hidden group, in linear and integer programs, from
    a program a fraction of the size (the 300 shown cohorts of a year of 400 become the 14
    of the seven units in two years). The NPS's promoters and detractors of an evaluation
    are not an interval (their sum and difference have one parity), so an NPS question is
    left as it is.
    """
    rounded = [_rounded(figure, count or 0) for _, _, count, figure in shown]
    if any(r is not None and r[0] == "nps" for r in rounded):
        return None
    lowest, highest = scale or (0, 0)
    own: dict[str, tuple[int, int, Limits | None]] = {}
    member: dict[str, list[tuple[int, int]]] = {}
    for (index, evaluations, count, _), limits in zip(shown, rounded, strict=True):
        if len(evaluations) == 1 and count is not None:
            own[evaluations[0]] = (index, count, limits)
        else:
            for reference in evaluations:
                member.setdefault(reference, []).append((0, index))
    own_bound: dict[str, tuple[int, int | None, int | None, int | None]] = {}
    for index, evaluations, invited, least, most in bounds:
        if len(evaluations) == 1:
            own_bound[evaluations[0]] = (index, invited, least, most)
        else:
            for reference in evaluations:
                member.setdefault(reference, []).append((1, index))
    for index, evaluations, _, _ in targets:
        for reference in evaluations:
            member.setdefault(reference, []).append((2, index))
    classes: dict[tuple[object, ...], list[str]] = {}
    for reference, (_, _, limits) in own.items():
        bound = own_bound.get(reference)
        if (scale is not None and (limits is None or limits[0] != "mean")) or (
            bound is not None and (bound[2] is not None or bound[3] is not None)
        ):
            continue  # a note on its count, or no mean: left as it is
        invited = bound is not None and bound[1] is not None
        key = (tuple(sorted(member.get(reference, ()))), invited)
        classes.setdefault(key, []).append(reference)
    merged = [sorted(c) for c in classes.values() if len(c) > 1]
    if not merged or any(r.startswith(_PIECE) for r in own):
        return None
    name = {r: _PIECE + c[0] for c in merged for r in c}
    first = {c[0]: c for c in merged}
    parts: dict[int, set[int]] = {}

    def mapped(evaluations: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted({name.get(r, r) for r in evaluations}))

    new_shown: list[Figure] = []
    for index, evaluations, count, figure in shown:
        if len(evaluations) != 1 or evaluations[0] not in name:
            new_shown.append((index, mapped(evaluations), count, figure))
        elif evaluations[0] in first:
            pieces = [own[r] for r in first[evaluations[0]]]
            parts.setdefault(index, set()).update(i for i, _, _ in pieces)
            total = sum(c for _, c, _ in pieces)
            if scale is None:
                new_shown.append((index, (name[evaluations[0]],), total, None))
                continue
            low = sum(max(lim[1], lowest * c) for _, c, lim in pieces if lim is not None)
            high = sum(min(lim[2], highest * c) for _, c, lim in pieces if lim is not None)
            new_shown.append((index, (name[evaluations[0]],), total, ("mean", low, high)))
    new_bounds: list[Bound] = []
    for index, evaluations, invited, least, most in bounds:
        if len(evaluations) != 1 or evaluations[0] not in name:
            new_bounds.append((index, mapped(evaluations), invited, least, most))
        elif evaluations[0] in first:
            owned = [own_bound.get(r) for r in first[evaluations[0]]]
            parts.setdefault(index, set()).update(b[0] for b in owned if b is not None)
            total = sum(b[1] or 0 for b in owned if b is not None)
            new_bounds.append((index, (name[evaluations[0]],), total, None, None))
    new_targets = [(i, mapped(e), c, f) for i, e, c, f in targets]
    return _Pieces(shown=new_shown, targets=new_targets, bounds=new_bounds, parts=parts)


def _search(
    shown: Sequence[Figure],
    aimed: Sequence[Figure],
    bounds: Sequence[Bound],
    scale: tuple[int, int] | None,
    widths: Widths,
    first: bool,
    safe: set[tuple[str, ...]],
    keys: dict[int, tuple[str, ...]],
) -> list[tuple[Narrowed, str]]:
    """:func:`narrowed` on one program: each group found, and by which look.

    The look is ``"shown"`` (the count under the shown figures), ``"published"`` (the count
    under the published bounds too) or ``"ratio"``. The groups found wide enough are added
    to *safe* by *keys* (their evaluations as the caller gave them).
    """
    model = _Model(shown, scale, bounds)
    own = {index: _own(invited, least, most) for index, _, invited, least, most in bounds}
    # Evaluations in the same shown figures are interchangeable in the program without the
    # published bounds, so two groups made of as many evaluations of each such cell have the
    # same ranges: solved once. With the bounds, also in the same bounded groups, and the
    # groups' own bounds (their invited and note) alike.
    cell: dict[str, list[int]] = {}
    for index, evaluations, _, _ in shown:
        for reference in evaluations:
            cell.setdefault(reference, []).append(index)
    bounded: dict[str, list[int]] = {}
    owned: dict[tuple[str, ...], list[tuple[int, int | None, int | None, int | None]]] = {}
    for index, evaluations, invited, least, most in bounds:
        owned.setdefault(evaluations, []).append((index, invited, least, most))
        for reference in evaluations:
            bounded.setdefault(reference, []).append(index)

    def signature(evaluations: tuple[str, ...]) -> tuple[object, ...]:
        mine = owned.get(evaluations, [])
        skip = {index for index, *_ in mine}
        return (
            tuple(
                sorted(
                    (tuple(cell.get(r, ())), tuple(i for i in bounded.get(r, ()) if i not in skip))
                    for r in evaluations
                )
            ),
            tuple(sorted((str(values),) for _, *values in mine)),
        )

    found: list[tuple[Narrowed, str]] = []
    # First the counts under the shown figures alone (as few possible values as the minimum),
    # with the published bounds switched off; then, of the groups that could be small, the
    # counts under the bounds too (never a single value) and the ratios under all of it.
    model.publish(False)
    counts: dict[tuple[tuple[int, ...], ...], tuple[float, float, set[int]] | None] = {}
    maybe = []
    for index, evaluations, _, _ in aimed:
        if not all(r in model.column for r in evaluations):
            safe.add(keys[index])  # an evaluation no shown figure covers: unbounded
            continue
        shape = tuple(sorted(tuple(cell.get(r, ())) for r in evaluations))
        if shape not in counts:
            counts[shape] = model.count(
                [model.column[r] for r in evaluations],
                enough=widths.minimum,
                spread=widths.minimum,
            )
        counted = counts[shape]
        if counted is None:  # pragma: no cover - the shown figures are true, so feasible
            continue
        low, high, used = counted
        if low > widths.minimum - 1 + _TOLERANCE:
            safe.add(keys[index])  # at least minimum respondents: could have been shown
        elif _possible(low, high) < widths.minimum:
            found.append(
                (
                    Narrowed(index=index, what="count", low=low, high=high, used=frozenset(used)),
                    "shown",
                )
            )
            if first:
                return found
        else:
            maybe.append((index, evaluations, signature(evaluations)))
    model.publish(True)
    counts2: dict[tuple[object, ...], tuple[float, float, set[int]] | None] = {}
    small = []  # the groups that could be small (counts first, then ratios: fewer re-starts)
    for index, evaluations, key in maybe:
        if key not in counts2:
            counts2[key] = model.count(
                [model.column[r] for r in evaluations], enough=widths.minimum, spread=2
            )
        counted = counts2[key]
        if counted is None:  # pragma: no cover - the published figures are true, so feasible
            continue
        low, high, used = counted
        if low > widths.minimum - 1 + _TOLERANCE:
            safe.add(keys[index])  # its note says it had enough
        elif _possible(low, high) < min(2, own.get(index, math.inf)):
            found.append(
                (
                    Narrowed(index=index, what="count", low=low, high=high, used=frozenset(used)),
                    "published",
                )
            )
            if first:
                return found
        elif high >= 1 - _TOLERANCE:  # some with an answer: bound the ratios
            small.append((index, evaluations, key))
        else:
            safe.add(keys[index])  # known to be empty: nobody's answers to tell
    ratios: dict[tuple[object, ...], list[tuple[str, float, float, set[int]]]] = {}
    for index, evaluations, key in small:
        if key not in ratios:
            ratios[key] = model.ratios(
                [model.column[r] for r in evaluations], partial(_width, widths)
            )
        for what, low, high, used in ratios[key]:
            width = widths.mean if what == "mean" else widths.share
            if high - low < width - _TOLERANCE:
                found.append(
                    (
                        Narrowed(index=index, what=what, low=low, high=high, used=frozenset(used)),
                        "ratio",
                    )
                )
                if first:
                    return found
                break
        else:
            safe.add(keys[index])
    return found
