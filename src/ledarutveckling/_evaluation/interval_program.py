"""The linear program of one measure of the narrowing check, built once (private).

The model (its columns and rows) is described in :mod:`ledarutveckling._evaluation.intervals`:
per evaluation its answers, their sum (or promoters and detractors) and its invited, a row per
shown figure and per published bound, and a last row re-aimed at each hidden group. This module
builds it in HiGHS and solves it (linear and integer programs); the witnesses among twins are
in :mod:`ledarutveckling._evaluation.interval_twins`, the ranges of counts and ratios in
:mod:`ledarutveckling._evaluation.interval_ranges`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from ledarutveckling._base.extras import require
from ledarutveckling._evaluation.interval_distributions import Columns, Distributions, fits

__all__: list[str] = []


_TOLERANCE: Final = 1e-7
"""Slack for the solver's floating point: a bound within it of a whole number is that number."""


_NEIGHBOURS: Final = 30
"""The most evaluations a row may hold for them all to be freed in the second try of
:meth:`_Program._nearby` (a unit's or a year's hidden cohorts, not the whole program's)."""


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


Row = tuple[dict[int, float], float, float]
"""A row of a program: its coefficients by column, its least and its most."""


Limits = tuple[str, float, float]
"""The kind of a figure (``"mean"`` or ``"nps"``) and the whole bounds it puts on the sum."""


Figure = tuple[int, tuple[str, ...], int | None, str | Limits | None]
"""A figure of one measure for the model: its index, evaluations, count shown and figure shown
(``None`` when hidden; or the bounds on the sum, for the pieces of
:func:`~ledarutveckling._evaluation.interval_pieces._pieces`)."""


Bound = tuple[int, tuple[str, ...], int | None, int | None, int | None]
"""What is published of a figure's count besides the count itself: its index, evaluations,
the participants invited, and the least and most count its note states (``None`` if not)."""


Linked = tuple[str, Mapping[int, tuple[float, float]]]
"""A figure published beside a measure's own and linked to its answers, for the programs:
``"top2"`` (a rating scale's answers in its two highest values) or ``"sum"`` (the NPS
question's sum of answers, of its mean), and by the index of each shown figure that
publishes it the whole bounds on it (see
:mod:`~ledarutveckling._evaluation.interval_categories`)."""


def _link(kind: str, scale: tuple[int, int] | None, linked: Linked | None) -> Linked | None:
    """*linked* if it fits the measure's kind and scale (a box of two values), else ``None``."""
    if linked is None or not linked[1] or scale is None:
        return None
    if (linked[0], kind) == ("top2", "mean") and scale[1] - scale[0] >= 2:
        return linked
    if (linked[0], kind, scale) == ("sum", "nps", (0, 10)):
        return linked
    return None


def _link_rows(
    kind: str, scale: tuple[int, int] | None, size: int, c: int, link: int
) -> list[tuple[dict[int, float], float, float]]:
    """The rows that tie evaluation *c*'s linked column to its answers (always ``>= 0``).

    The top-two box ``k`` of ``n`` answers from ``a`` to ``b`` with sum ``s``: ``k <= n`` and
    ``a (n - k) + (b - 1) k <= s <= (b - 2) (n - k) + b k``. The NPS question's sum ``s`` of
    ``n`` answers with ``p`` promoters (9-10) and ``d`` detractors (0-6), the rest passives
    (7-8): ``7 (n - p - d) + 9 p <= s <= 6 d + 8 (n - p - d) + 10 p``.
    """
    inf = math.inf
    if kind == "mean":
        low, high = scale or (0, 0)
        return [
            ({c: 1.0, link: -1.0}, 0.0, inf),
            ({size + c: 1.0, c: -float(low), link: -float(high - 1 - low)}, 0.0, inf),
            ({c: float(high - 2), link: 2.0, size + c: -1.0}, 0.0, inf),
        ]
    promoters, detractors = size + c, 2 * size + c
    return [
        ({link: 1.0, c: -7.0, promoters: -2.0, detractors: 7.0}, 0.0, inf),
        ({c: 8.0, promoters: 2.0, detractors: -2.0, link: -1.0}, 0.0, inf),
    ]


def _possible(low: float, high: float) -> float:
    """How many whole counts lie from *low* to *high* (infinitely many if unbounded)."""
    if math.isinf(high):
        return math.inf
    return math.floor(high + _TOLERANCE) - math.ceil(low - _TOLERANCE) + 1


class _Program:
    """The linear program of one measure in HiGHS: built once, re-aimed at each hidden group."""

    def __init__(
        self,
        shown: Sequence[Figure],
        scale: tuple[int, int] | None,
        bounds: Sequence[Bound] = (),
        linked: Linked | None = None,
        distributed: Distributions | None = None,
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
        # A published figure linked to the answers (interval_categories): one column more
        # per evaluation, after the sums, bounded by the linked figures and by the sums.
        self.link = _link(self.kind, scale, linked)
        self.linked = size + extra
        extra += size if self.link else 0
        # The answers at each value, where a distribution is shown (interval_distributions).
        block = None
        if distributed and scale is not None and fits(self.kind, scale):
            start, linked_at = size + extra, self.linked if self.link else None
            block = Columns(shown, self.column, scale, self.kind, start, linked_at, distributed)
            extra += block.count
        self.block = block
        """The columns of the answers at each value (``None`` where no distribution is shown)."""
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
        self.summed: dict[int, list[int]] = {}
        """The shown figures (by position) whose sum rows hold each column's sum."""
        for position, ((index, evaluations, count, _), limits) in enumerate(
            zip(shown, rounded, strict=True)
        ):
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
            for c in cols:
                self.summed.setdefault(c, []).append(position)
        boxes = self.link[1] if self.link else {}
        for index, evaluations, _, _ in shown if boxes else ():
            found = boxes.get(index)
            if found is not None:
                linked_cols = dict.fromkeys(
                    (self.linked + self.column[r] for r in evaluations), 1.0
                )
                rows.append(({**linked_cols, self.t: -found[0]}, 0.0, inf))
                rows.append(({**linked_cols, self.t: -found[1]}, -inf, 0.0))
                self.origin += [index, index]
        for row, index in block.bounds(self.t) if block else ():
            rows.append(row)
            self.origin.append(index)
        self.figures = len(rows)
        for c in range(size):
            rows.append(({c: 1.0, self.invited + c: -1.0}, -inf, 0.0))  # answers <= invited
            if self.kind == "mean" and scale is not None:
                rows.append(({size + c: 1.0, c: -float(scale[0])}, 0.0, inf))
                rows.append(({c: float(scale[1]), size + c: -1.0}, 0.0, inf))
            elif self.kind == "nps":
                rows.append(({c: 1.0, size + c: -1.0, 2 * size + c: -1.0}, 0.0, inf))
            if self.link:
                rows += _link_rows(self.kind, scale, size, c, self.linked + c)
        rows += block.ties() if block else []
        rows.append(({}, -inf, inf))  # the hidden group's count: re-aimed at each target
        self.norm = len(rows) - 1
        self.scale = scale
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
        self._points_on: list[Any] = []
        """The count solutions found with the published bounds on, kept while they are off
        (see :meth:`publish`)."""
        self.on = False
        self._stacks: dict[str, tuple[list[Any], int, Any]] = {}
        self.mode = ""
        """How t and the group's row are bounded (see :meth:`_mode`)."""
        self.warm = False
        """Whether the basis is primal feasible for the program as it is (see :meth:`primal`)."""
        self._primal = False
        self._strategy = 1
        self._presolved = True
        """Whether the program solved since presolve was last asked for (see :meth:`primal`)."""
        self._owners: tuple[Any, list[list[int]]] | None = None
        """Each column's evaluation and each row's evaluations (see :meth:`_evaluations`)."""

    def _highs(self) -> Any:
        """A HiGHS instance, quiet and in one thread (see :meth:`__init__`)."""
        h = getattr(getattr(self.highspy, "_core", None), "_Highs", self.highspy.Highs)()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        return h

    def publish(self, on: bool) -> None:
        """Take what else is published of the counts (invited, notes) into account, or not.

        A count solution found with the published bounds on meets every row without them too
        (the same rows, fewer of them bounded), so it stays a witness when they are switched
        off; one found without them is not one with them, and is dropped when they are
        switched on again (the solutions found with them on are the witnesses again).
        """
        if self.on and not on:
            self._points_on = list(self.points)  # (self.points grows on without them)
        elif on and not self.on:
            self.points = self._points_on
            self._points_on = []
            self._stacks.pop("points", None)
        if on and not self.on and self.published:
            self.warm = False  # rows bounded again: the basis may be infeasible
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

    def primal(self) -> None:
        """Go on with the primal simplex method where only the objective changed.

        A basis optimal for one objective is primal feasible for the next as long as no row,
        bound or coefficient changed: the primal simplex method then needs a few iterations
        (6 on average against 269 for the dual one, 2.7 ms against 16.6 ms on a count program
        of 100 cohorts' year with its answer distributions). Every change that may leave the
        basis infeasible (:meth:`publish` switching the published bounds on, :meth:`_mode`
        changing the group's column or row bounds, a group aimed at with its row bounded,
        a row added or deleted) makes the next solve use the dual method again. The optima
        are the same either way; the solutions and dual values found may differ where they
        are not unique. The next solve (the first from scratch, called before any) is
        presolved: 17 ms against 183 ms on a count program of 100 cohorts' year with its
        distributions; after it, warm starts from the basis left, without (see :meth:`_run`).
        """
        self._primal = True
        self._presolved = False
        self.h.setOptionValue("presolve", "on")

    def _aim(self, members: Sequence[int]) -> None:
        """Make the group's row the sum of *members* (a count's program does not aim)."""
        for c in self.aimed:
            self.h.changeCoeff(self.norm, c, 0.0)
        for c in members:
            self.h.changeCoeff(self.norm, c, 1.0)
        self.aimed = list(members)
        self.warm = False  # the group's row is bounded: it may cut the basis off

    def _mode(self, mode: str) -> None:
        """Bound t and the group's row for a count (``"count"``), a ratio or a search.

        ``"count"``: t = 1 and the group's row free; ``"ratio"``: 0 <= t <= 1 and the row = 1
        (Charnes-Cooper); ``"whole"``: t = 1 and the row >= 1 (a whole ratio's programs).
        """
        if mode == self.mode:
            return
        inf = self.highspy.kHighsInf
        t, row = {"count": ((1.0, 1.0), (-inf, inf)), "ratio": ((0.0, 1.0), (1.0, 1.0))}.get(
            mode, ((1.0, 1.0), (1.0, inf))
        )
        self.h.changeColBounds(self.t, *t)
        self.h.changeRowBounds(self.norm, *row)
        self.mode = mode
        self.warm = False

    def _run(self) -> Any:
        """Solve the linear program as it is (see :meth:`primal`); its model status."""
        strategy = 4 if self._primal and self.warm else 1
        if strategy != self._strategy:
            self.h.setOptionValue("simplex_strategy", strategy)
            self._strategy = strategy
        self.h.run()
        status = self.h.getModelStatus()
        statuses = self.highspy.HighsModelStatus
        if not self._presolved:
            self.h.setOptionValue("presolve", "off")
            self._presolved = True
            if status == statuses.kUnboundedOrInfeasible:
                # Presolve may not tell which: the simplex method does.
                self.h.clearSolver()
                self.h.run()
                status = self.h.getModelStatus()
        self.warm = status == statuses.kOptimal
        return status

    def _solve(self, cost: Sequence[int], maximise: bool) -> tuple[float | None, set[int]]:
        """The optimum of the sum of *cost*'s columns (``None`` if infeasible), and its duals."""
        np, h = self.np, self.h
        self._cost(dict.fromkeys(cost, 1.0), maximise)
        status = self._run()
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
        self.warm = status == statuses.kOptimal
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

    def _family(self, c: int) -> list[int]:
        """The columns of evaluation *c*: answers, sums, linked, answers at each value, invited."""
        size = len(self.column)
        family = [c, self.invited + c]
        family += {"count": [], "mean": [size + c], "nps": [size + c, 2 * size + c]}[self.kind]
        family += [self.linked + c] if self.link else []
        block = self.block
        first = None if block is None else block.first.get(c)
        if block is not None and first is not None:
            family += range(first, first + len(block.scale))
        return family

    def _evaluations(self) -> tuple[Any, list[list[int]]]:
        """Each column's evaluation (-1 for t) and each row's evaluations (worked out once)."""
        if self._owners is None:
            np = self.np
            owner = np.full(self.t + 1, -1)
            for c in range(len(self.column)):
                owner[self._family(c)] = c
            pairs = np.unique(np.stack([self._row, owner[self._col]]), axis=1)
            rows: list[list[int]] = [[] for _ in range(len(self._lower))]
            for row, c in pairs[:, pairs[1] >= 0].T.tolist():
                rows[row].append(c)
            self._owners = (owner, rows)
        return self._owners

    def _nearby(self, relaxed: Any, extra: Sequence[Row]) -> Any | None:
        """A whole solution near the linear one *relaxed* (``None`` if none is found so).

        The linear optimum of a feasibility program is fractional in the columns of a few
        evaluations only. Every other column is fixed at its (whole) value and a small
        integer program is solved over the evaluations with a fractional column; if it has no
        solution, once more with the evaluations that share a row of at most
        :data:`_NEIGHBOURS` evaluations with those freed (the others of a unit's or a year's
        hidden cohorts). A solution is taken only if it meets every row of the program as it
        is now and the *extra* rows (those added to HiGHS's program but not built:
        the group's, the target's), in whole numbers: a whole solution of the full program,
        found in milliseconds where the full integer program takes tens to hundreds. Where
        there is none nearby, the caller solves the full integer program, which alone can
        tell that there is none at all.
        """
        np = self.np
        x = np.append(np.round(relaxed[: self.t]), 1.0)
        owner, rows = self._evaluations()
        fractional = np.abs(relaxed[: self.t] - x[: self.t]) > _TOLERANCE
        freed = set(owner[np.flatnonzero(fractional)].tolist())
        free = np.zeros(self.t + 1, dtype=bool)
        for wider in (False, True):
            if wider:
                before = len(freed)
                for row in np.unique(self._row[free[self._col]]).tolist():
                    if len(rows[row]) <= _NEIGHBOURS:
                        freed.update(rows[row])
                if len(freed) == before:
                    return None
            for c in freed:
                free[self._family(c)] = True
            found = self._fixed(x.copy(), free, extra)
            if found is not None:
                return found
        return None

    def _fixed(self, x: Any, free: Any, extra: Sequence[Row]) -> Any | None:
        """*x* with its *free* columns made whole by an integer program, the others fixed.

        Checked against every row (see :meth:`_nearby`); ``None`` if there is no such
        solution or it does not meet a row.
        """
        np, inf = self.np, self.highspy.kHighsInf
        lower, upper = (self._lower, self._upper) if self.on else (self._lower_off, self._upper_off)
        on_free = free[self._col]
        fixed = np.bincount(
            self._row, weights=self._value * x[self._col] * ~on_free, minlength=len(lower)
        )
        entries = np.flatnonzero(on_free)  # (in the order of the rows: their rows ascend)
        touched = np.bincount(self._row[entries], minlength=len(lower)) > 0
        kept = np.flatnonzero(touched)
        place = np.cumsum(free) - 1  # each free column's place in the small program
        local = (np.cumsum(touched) - 1)[self._row[entries]]
        starts = list(np.searchsorted(local, np.arange(len(kept))))
        index, value = list(place[self._col[entries]]), list(self._value[entries])
        low, high = list(lower[kept] - fixed[kept]), list(upper[kept] - fixed[kept])
        for coefficients, row_low, row_high in extra:  # (free or not, checked below)
            starts.append(len(index))
            activity = sum(v * x[c] for c, v in coefficients.items() if not free[c])
            index += [place[c] for c in coefficients if free[c]]
            value += [v for c, v in coefficients.items() if free[c]]
            low.append(row_low - activity)
            high.append(row_high - activity)
        count = int(free.sum())
        mip = self._highs()
        # Feasibility jump spent more than it found here (4.5 ms a program against 7.5 ms).
        mip.setOptionValue("mip_heuristic_run_feasibility_jump", False)
        mip.addVars(count, np.zeros(count), np.full(count, inf))
        mip.addRows(
            len(low),
            np.array(low, dtype=float),
            np.array(high, dtype=float),
            len(index),
            np.array(starts, dtype=np.int32),
            np.array(index, dtype=np.int32),
            np.array(value, dtype=float),
        )
        kind = self.highspy.HighsVarType.kInteger
        mip.changeColsIntegrality(
            count, np.arange(count, dtype=np.int32), np.full(count, kind, dtype=np.uint8)
        )
        mip.run()
        if mip.getModelStatus() != self.highspy.HighsModelStatus.kOptimal:
            return None
        x[np.flatnonzero(free)] = np.round(np.asarray(mip.getSolution().col_value))
        met = all(
            row_low - _TOLERANCE
            <= sum(v * x[c] for c, v in coefficients.items())
            <= row_high + _TOLERANCE
            for coefficients, row_low, row_high in extra
        )
        return x if met and self._fits(x[: self.t], whole=True) else None

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

    def _found(self) -> None:
        """Keep the count program's solution, a witness for the other groups' counts.

        If it is whole (with the published bounds on), it is one for their ratios too.
        """
        values = self.np.asarray(self.h.getSolution().col_value)[: self.t].copy()
        self.points.append(values)
        if self.on and bool(self.np.all(self.np.abs(values - self.np.round(values)) <= _TOLERANCE)):
            self.pool.append(values)
