"""The exact row-echelon basis of shown figures' vectors over the evaluations (private).

Exact in integers and fractions (:data:`_Number`): a vector is in the span of the shown figures
exactly when it reduces to nothing, and the value taken away with it is then the figure they
determine for it. The audits of :mod:`~ledarutveckling._evaluation.leaks` (the hidden figures
and cells) and :mod:`~ledarutveckling._evaluation.categories` (the published categories) both
reduce along it, so it lives below both of them.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # fractions is imported by the first division that needs it
    from fractions import Fraction

    from ledarutveckling._evaluation.figures import ShownFigure

    _Number = int | Fraction
    """An exact coefficient: an int where it is whole (fast), else a Fraction."""

    _Row = tuple[dict[str, _Number], _Number, dict[int, _Number]]
    """A basis row: its coefficients, the figure's value along it, and (when tracked) the
    figures it combines (index to coefficient)."""


def _tidy(value: _Number) -> _Number:
    return value if isinstance(value, int) or value.denominator != 1 else int(value)


def _divide(value: _Number, scale: _Number) -> _Number:
    """*value* / *scale*, exactly (an int where whole)."""
    if scale == 1:
        return value
    if scale == -1:
        return -value
    from fractions import Fraction

    return _tidy(Fraction(value) / scale)


class _Basis:
    """A row-echelon basis of shown figures' vectors over the evaluations, exact.

    Every row's pivot is its smallest evaluation and its other evaluations are larger, so a
    vector is reduced by eliminating its evaluations in increasing order: only the rows it
    touches are visited. Each row carries the value the shown figures give it; with *track*
    it also carries which figures it combines (to say what a leak is made of), which costs.
    """

    def __init__(self, start: _Basis | None = None, *, track: bool = False) -> None:
        self.track: bool = track if start is None else start.track
        self.rows: dict[str, _Row] = {} if start is None else dict(start.rows)
        self.added: set[tuple[str, ...]] = set() if start is None else set(start.added)
        """The groups whose vectors were added (in the span: adding one again adds nothing)."""

    def add(self, figures: Iterable[tuple[int, ShownFigure]]) -> _Basis:
        """Add the figures' vectors (by index), in order; return self."""
        for index, figure in figures:
            if figure.evaluations in self.added:
                continue  # reduced to nothing: its group's vector is in the span already
            self.added.add(figure.evaluations)
            vector, value, origin = self.reduce(_vector(figure))
            if vector:
                pivot = min(vector)
                scale = vector[pivot]
                combination: dict[int, _Number] = {}
                if self.track:
                    combination = {k: -v for k, v in origin.items()}
                    combination[index] = combination.get(index, 0) + 1
                self.rows[pivot] = (
                    {k: _divide(v, scale) for k, v in vector.items()},
                    _divide((figure.count or 0) - value, scale),
                    {k: _divide(v, scale) for k, v in combination.items() if v},
                )
        return self

    def reduce(
        self, vector: dict[str, _Number]
    ) -> tuple[dict[str, _Number], _Number, dict[int, _Number]]:
        """What is left of *vector*, the value taken away with it, and the figures combined.

        The figures combined are known when the basis is tracked. The vector left is empty
        exactly when *vector* is in the span of the shown figures; the value is then the
        figure they determine for it.
        """
        result = dict(vector)
        value: _Number = 0
        origin: dict[int, _Number] = {}
        queue = list(result)
        heapq.heapify(queue)
        while queue:  # a key popped twice has been eliminated: its factor is then 0
            key = heapq.heappop(queue)
            factor = result.get(key)
            found = self.rows.get(key)
            if not factor or found is None:
                continue
            row, row_value, combination = found
            value += factor * row_value
            for index, coefficient in combination.items():
                origin[index] = origin.get(index, 0) + factor * coefficient
            for other, coefficient in row.items():
                updated = result.get(other, 0) - factor * coefficient
                if updated:
                    if other not in result:
                        heapq.heappush(queue, other)
                    result[other] = _tidy(updated)
                else:
                    result.pop(other, None)
        return result, value, {k: v for k, v in origin.items() if v}

    def weighed(
        self, vector: dict[str, _Number], weight: Callable[[str], Sequence[_Number]]
    ) -> tuple[dict[str, _Number], _Number, list[_Number]]:
        """:meth:`reduce`, with the rows' *weight* (by pivot) summed by their factors instead.

        The figures combined are not followed (the cost of a tracked reduction); what a
        weight is linear in them gives the same sum.
        """
        result = dict(vector)
        value: _Number = 0
        total: list[_Number] = []
        queue = list(result)
        heapq.heapify(queue)
        while queue:
            key = heapq.heappop(queue)
            factor = result.get(key)
            found = self.rows.get(key)
            if not factor or found is None:
                continue
            row, row_value, _ = found
            value += factor * row_value
            weights = weight(key)
            total = [
                t + factor * w for t, w in zip(total or [0] * len(weights), weights, strict=True)
            ]
            for other, coefficient in row.items():
                updated = result.get(other, 0) - factor * coefficient
                if updated:
                    if other not in result:
                        heapq.heappush(queue, other)
                    result[other] = _tidy(updated)
                else:
                    result.pop(other, None)
        return result, value, total


def _vector(figure: ShownFigure) -> dict[str, _Number]:
    return dict.fromkeys(figure.evaluations, 1)
