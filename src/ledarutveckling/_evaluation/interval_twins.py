"""Twins: evaluations that only add up, whose solutions witness for one another (private).

Evaluations that lie in the same shown figures and in the same bounded groups of several
evaluations ("twins") enter every row but their own only through their sums, so a solution
found for one hidden group, with its answers moved among twins, is a witness for others (see
:meth:`_Twins._twins`). Used by the ranges of :mod:`ledarutveckling._evaluation.interval_ranges`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ledarutveckling._evaluation.interval_distributions import Distributions
from ledarutveckling._evaluation.interval_program import (
    _TOLERANCE,
    Bound,
    Figure,
    Linked,
    _Program,
)
from ledarutveckling._evaluation.respondent_caps import _SLACK, _respondents

__all__: list[str] = []


class _Twins(_Program):
    """The program of one measure with its classes of twins (see :meth:`_twins`)."""

    def __init__(
        self,
        shown: Sequence[Figure],
        scale: tuple[int, int] | None,
        bounds: Sequence[Bound] = (),
        linked: Linked | None = None,
        distributed: Distributions | None = None,
    ) -> None:
        super().__init__(shown, scale, bounds, linked, distributed)
        self._twins(shown, bounds)

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
            elif not _respondents(evaluations):  # (an evaluation's respondents: its own too)
                for c in cols:
                    keys[c].append(-1 - position)
        self.classes, self._class_cols, self.klass = self._classes(keys)
        # An evaluation's answers capped by its respondents (respondent_caps: its answers and
        # a slack of its own make the respondents shown) part it from its twins for the ratios,
        # but not for the counts: the slack takes up what it gives to or takes from them.
        self._slack = np.full(size, -1)
        by_count = {c: list(key) for c, key in keys.items()}
        for position, (_, evaluations, _, figure) in enumerate(shown):
            slacks = [r for r in evaluations if r.startswith(_SLACK)]
            if figure is None and len(evaluations) == 2 and len(slacks) == 1:
                slack = self.column[slacks[0]]
                if keys[slack] == [position]:  # (its own: in no other figure)
                    (capped,) = (self.column[r] for r in evaluations if r != slacks[0])
                    self._slack[capped] = slack
                    by_count[capped].remove(position)
        self._by_count = self._classes(by_count)
        # Of a mean, the evaluations whose sums lie in the same shown figures (see _shifted).
        summed: dict[tuple[int, ...], list[int]] = {}
        for c in range(size):
            summed.setdefault(tuple(self.summed.get(c, ())), []).append(c)
        self._summed_with: list[Any] = [None] * size
        for members in summed.values():
            together = np.array(members)
            for c in members:
                self._summed_with[c] = together

    def _classes(self, keys: dict[int, list[int]]) -> tuple[list[list[int]], list[Any], list[int]]:
        """The evaluations by their *keys*: the classes, as arrays, and each one's class."""
        classes: dict[tuple[int, ...], list[int]] = {}
        for c, key in keys.items():
            classes.setdefault(tuple(key), []).append(c)
        listed = list(classes.values())
        klass = [0] * len(keys)
        for number, members in enumerate(listed):
            for c in members:
                klass[c] = number
        return listed, [self.np.array(members) for members in listed], klass

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
        classes, class_cols, klass = self._by_count
        inside = set(members)
        flexible = sorted({klass[c] for c in members if not inside.issuperset(classes[klass[c]])})
        if not flexible:
            return None
        solutions = self._stacked("points")
        value = solutions[:, list(members)].sum(axis=1)
        plans = []
        for number in flexible:
            cols = class_cols[number]
            mine = np.array([c in inside for c in classes[number]])
            least, most = self._room(solutions, cols)
            most = self._capped(solutions, cols, most)
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
            self._slacked(x, cols, counts)
            x[cols] = counts
            if not self.on:  # the invited are free without the published bounds
                x[self.invited + cols] = np.maximum(x[self.invited + cols], counts)
        return float(x[list(members)].sum()) if self._fits(x, whole=False) else None

    def _capped(self, solutions: Any, cols: Any, most: Any) -> Any:
        """*most* (each solution's most answers of each of *cols*), capped by the respondents.

        An evaluation capped by its respondents holds at most its answers and its slack.
        """
        slack = self._slack[cols]
        capped = slack >= 0
        if not bool(capped.any()):
            return most
        most = self.np.array(most)
        most[:, capped] = self.np.minimum(
            most[:, capped], solutions[:, cols[capped]] + solutions[:, slack[capped]]
        )
        return most

    def _slacked(self, x: Any, cols: Any, counts: Any) -> None:
        """Before *cols* take *counts* answers in *x*: each capped one's slack makes up the rest.

        The slack's sums lie in no figure: at the least its answers allow (each at the lowest
        of a mean, passives of an NPS), and its invited at least its answers.
        """
        for c, slack, count in zip(cols, self._slack[cols], counts, strict=True):
            if slack >= 0:
                x[slack] += x[c] - count
                lowest = self.scale[0] if self.kind == "mean" and self.scale else 0
                x[[offset + slack for offset in self._sums()]] = lowest * x[slack]
                x[self.invited + slack] = max(x[self.invited + slack], x[slack])

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
        if not self._rearranged(members[0], what, wide) and self.kind == "mean":
            self._shifted(members[0], wide)

    def _rearranged(self, h: int, what: str, wide: float) -> bool:
        """:meth:`_split` among twins: whether the two solutions were kept."""
        np = self.np
        classes, class_cols, klass = self._by_count  # (a capped one through its slack)
        if len(classes[klass[h]]) < 2:
            return False
        others = self.np.array([c for c in classes[klass[h]] if c != h])
        cols = class_cols[klass[h]]
        solutions = self._stacked("pool")
        least, most = self._room(solutions, others)
        most = self._capped(solutions, others, most)
        own_least, own_most = self._room(solutions, [h])
        own_most = self._capped(solutions, np.array([h]), own_most)
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
            return False
        made = []
        for _, index, (mine, theirs) in ends:
            x = solutions[index].copy()
            k, n, s, o = answers[index], total[index], held[index], other[index]
            theirs_counts = _fill(n - k, least[index], most[index])
            self._slacked(x, np.array([h]), [k])
            self._slacked(x, others, theirs_counts)
            x[h] = k
            x[others] = theirs_counts
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
            return True
        return False

    def _shifted(self, h: int, wide: float) -> None:
        """Keep two whole solutions in which *h*'s mean is far apart, its sum moved.

        The evaluations whose sums lie in the same shown figures as *h*'s (an evaluation with
        a shown count of its own, such as the respondents beside a hidden question, has no
        twin, but its sum is one of theirs) enter every row but their own only through the
        total of their sums: with every count as it is, *h*'s sum may be anything its own
        answers on the scale allow that the others' answers can make up for. Of the whole
        solutions found where *h* has an answer, the one with its lowest mean so and the one
        with its highest are kept (if they fit) when they are at least *wide* apart.
        """
        np = self.np
        cols = self._summed_with[h]
        if len(cols) < 2:
            return
        size = len(self.column)
        lowest, highest = self.scale or (0, 0)
        solutions = self._stacked("pool")
        others = cols[cols != h]
        answers = solutions[:, h]
        rest = solutions[:, others].sum(axis=1)
        total = solutions[:, size + cols].sum(axis=1)
        low = np.maximum(lowest * answers, total - highest * rest)
        high = np.minimum(highest * answers, total - lowest * rest)
        answered = answers >= 1 - _TOLERANCE
        if not bool(answered.any()):
            return
        count = np.where(answered, answers, 1.0)
        least = np.where(answered, low / count, np.inf)
        most = np.where(answered, high / count, -np.inf)
        first, last = int(np.argmin(least)), int(np.argmax(most))
        if most[last] - least[first] < wide - _TOLERANCE:
            return
        made = []
        for index, value in ((first, low[first]), (last, high[last])):
            x = solutions[index].copy()
            x[size + h] = value
            x[size + others] = lowest * x[others] + _fill(
                total[index] - value - lowest * rest[index],
                np.zeros(len(others)),
                (highest - lowest) * x[others],
            )
            made.append(x)
        if all(self._fits(x, whole=True) for x in made):
            self.pool.extend(made)


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
