"""The answer distributions in the narrowing check (private).

A report shows, for a group of ``minimum_text`` respondents or more (8 by default), the share
of every answer value of a question, rounded to a whole percent: the count of answers at each
value lies in the whole range its share rounds from (``"3:6-6"`` among the figure's
categories, see :mod:`~ledarutveckling._evaluation.categories`; for fewer than 100 answers a
single count). The narrowing's programs
(:class:`~ledarutveckling._evaluation.interval_program._Program`) model a question's answers
only through their count, their sum (or promoters and detractors) and the linked figure
(:mod:`~ledarutveckling._evaluation.interval_categories`); a reader who also takes the
distributions gets further. In the second red-team review's year of 28 cohorts (issue 20,
``tests/test_anonymity_attacks_h15.py``) an integer program over the shares of every answer
value of the groups of 8 and more left a hidden cohort of two no detractors on the NPS
question, which the programs without them did not see.

So where a shown figure of the question publishes its distribution, each evaluation it covers
gets one column more per answer value ``x_{e,v} >= 0`` (whole, as the program's other
columns), tied to the columns the program already has:

- ``sum_v x_{e,v} = n_e`` (its answers);
- on a rating scale, ``sum_v v x_{e,v} = s_e`` (its sum) and, with the top-two box linked,
  ``x_{e,b-1} + x_{e,b} = k_e``;
- on the NPS scale, ``x_{e,9} + x_{e,10} = p_e`` (promoters),
  ``sum_{v <= 6} x_{e,v} = d_e`` (detractors) and, with the NPS question's mean linked,
  ``sum_v v x_{e,v} = s_e``;

and each distribution shown bounds ``sum_{e in G} x_{e,v}`` by its range, value by value
(rows that belong to the figure: hiding the figure hides them). The hidden groups' counts,
means and shares are then bounded as before, and their ranges narrowed by the distributions.
Evaluations in no shown distribution get no such columns: their answers are free within the
other rows, which whole counts per value always meet (every whole sum between the least and
the most a count of answers allows is made of whole answers).

Not modelled: the distributions of two questions together (each question is its own program).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ledarutveckling._evaluation.figures import ShownFigure

__all__: list[str] = []


Distributions = Mapping[int, Mapping[int, tuple[float, float]]]
"""By the index of each shown figure that publishes its distribution, the whole range of the
count of its answers at each value of the scale."""


Row = tuple[dict[int, float], float, float]
"""A row of the program: its coefficients by column, its lower and upper bound."""


def distributions(figures: Sequence[tuple[int, ShownFigure]]) -> Distributions | None:
    """The distributions *figures* publish, for the narrowing's programs.

    Args:
        figures: The shown figures of one question, by index.

    Returns:
        By figure, the range of the count at each value (the categories named by a number);
        ``None`` if no figure publishes a distribution (a group under ``minimum_text``, or a
        record saved before the counts were kept).
    """
    found: dict[int, dict[int, tuple[float, float]]] = {}
    for index, figure in figures:
        for item in figure.categories:
            label, _, span = item.rpartition(":")
            if label.isdigit():
                least, _, most = span.partition("-")
                found.setdefault(index, {})[int(label)] = (float(least), float(most))
    return found or None


class Columns:
    """The columns of the answers at each value, and the rows that tie and bound them.

    Args:
        shown: The shown figures of the program (index, evaluations, count, figure).
        column: Each evaluation's column (its answers ``n_e``).
        scale: The lowest and highest answer.
        kind: The program's kind (``"mean"`` or ``"nps"``).
        start: The first column of the block (after the program's own).
        linked: The first column of the linked figure (``None`` if not linked).
        values: The distributions shown, by figure.
    """

    def __init__(
        self,
        shown: Sequence[tuple[int, tuple[str, ...], object, object]],
        column: Mapping[str, int],
        scale: tuple[int, int],
        kind: str,
        start: int,
        linked: int | None,
        values: Distributions,
    ) -> None:
        self.scale = range(scale[0], scale[1] + 1)
        self.kind = kind
        self.linked = linked
        self.size = len(column)
        covered = sorted(
            {
                column[r]
                for index, evaluations, _, _ in shown
                if index in values
                for r in evaluations
            }
        )
        width = len(self.scale)
        self.first: dict[int, int] = {c: start + j * width for j, c in enumerate(covered)}
        """Each covered evaluation's column of its lowest value (the others follow)."""
        self.count = len(covered) * width
        """How many columns the block has."""
        self._shown = [
            ([column[r] for r in evaluations], values[index], index)
            for index, evaluations, _, _ in shown
            if index in values
        ]

    def _at(self, c: int, value: int) -> int:
        return self.first[c] + value - self.scale.start

    def bounds(self, t: int) -> list[tuple[Row, int]]:
        """Each distribution's rows (scaled by column *t*, as the program's), with its figure."""
        inf = float("inf")
        rows: list[tuple[Row, int]] = []
        for cols, counts, index in self._shown:
            for value in self.scale:
                low, high = counts.get(value, (0.0, inf))
                at = dict.fromkeys((self._at(c, value) for c in cols), 1.0)
                rows.append((({**at, t: -low}, 0.0, inf), index))
                if high != inf:
                    rows.append((({**at, t: -high}, -inf, 0.0), index))
        return rows

    def ties(self) -> list[Row]:
        """The rows that tie each covered evaluation's values to its other columns."""
        rows: list[Row] = []
        size = self.size
        for c in self.first:
            every = {self._at(c, v): 1.0 for v in self.scale}
            weighed = {self._at(c, v): float(v) for v in self.scale if v}
            rows.append(({**every, c: -1.0}, 0.0, 0.0))
            if self.kind == "mean":
                rows.append(({**weighed, size + c: -1.0}, 0.0, 0.0))
                if self.linked is not None:
                    top = self.scale.stop - 1
                    box = {self._at(c, top - 1): 1.0, self._at(c, top): 1.0}
                    rows.append(({**box, self.linked + c: -1.0}, 0.0, 0.0))
                continue
            promoters = {self._at(c, v): 1.0 for v in (9, 10)}
            detractors = {self._at(c, v): 1.0 for v in range(7)}
            rows.append(({**promoters, size + c: -1.0}, 0.0, 0.0))
            rows.append(({**detractors, 2 * size + c: -1.0}, 0.0, 0.0))
            if self.linked is not None:
                rows.append(({**weighed, self.linked + c: -1.0}, 0.0, 0.0))
        return rows


def merged(
    values: Distributions,
    shown: Sequence[tuple[int, tuple[str, ...], object, object]],
    pieces: Sequence[tuple[int, tuple[str, ...], object, object]],
    members: Mapping[str, Sequence[tuple[object, ...]]],
    scale: tuple[int, int],
) -> Distributions | None:
    """The distributions of a merged program, or ``None`` if it cannot take them.

    A merged evaluation (:mod:`~ledarutveckling._evaluation.interval_pieces`) has one column
    of answers at each value, and its members' answers at a value are not the sums of the
    ranges their counts and sums allow (two answers of 3 sum as one of 1 and one of 5). The
    merged program models the same answers only where each member's are known exactly or
    are in no row: so every evaluation merged either lies in no distribution shown (it has
    no such columns) or shows its own, every value a single count (fewer than 100 answers);
    the merged figure then shows the sums of its members' counts, value by value.

    Args:
        values: The distributions shown, by the shown figures' indices.
        shown: The shown figures as given.
        pieces: The shown figures of the merged program.
        members: The evaluations each merged evaluation stands for (its reference first).
        scale: The lowest and highest answer.
    """
    covered = {r for index, evaluations, _, _ in shown if index in values for r in evaluations}
    every = range(scale[0], scale[1] + 1)
    exact: dict[str, list[float]] = {}
    for index, evaluations, _, _ in shown:
        counts = values.get(index, {})
        ends = [counts.get(v, (0.0, math.inf)) for v in every]
        if len(evaluations) == 1 and all(low == high for low, high in ends):
            exact[evaluations[0]] = [low for low, _ in ends]
    result: dict[int, Mapping[int, tuple[float, float]]] = {}
    for index, evaluations, _, _ in pieces:
        merging = members.get(evaluations[0], ()) if len(evaluations) == 1 else ()
        names = [str(m[0]) for m in merging]
        if not names:
            if index in values:
                result[index] = values[index]
        elif all(name in exact for name in names):
            sums = [sum(at) for at in zip(*(exact[name] for name in names), strict=True)]
            result[index] = {v: (n, n) for v, n in zip(every, sums, strict=True)}
        elif covered.intersection(names):
            return None
    return result


def fits(kind: str, scale: tuple[int, int] | None) -> bool:
    """Whether a program of *kind* on *scale* can take the distributions (see module)."""
    return scale is not None and (kind == "mean" or (kind, scale) == ("nps", (0, 10)))
