"""The top-two box and the NPS question's mean in the narrowing check (private).

The narrowing's programs (:mod:`~ledarutveckling._evaluation.intervals`) model a question's
count and its headline figure: the mean of a rating scale, the NPS of the NPS scale. A report
publishes more of each group it shows, and two of those figures pin a hidden group when a
reader combines them with the counts (issue 20, the second red-team review):

- the **top-two box** of a rating question, a share to a whole percent: for fewer than 100
  answers an exact count of answers at the two highest values. Shown groups' counts and
  top-two boxes, beside the invited and the notes of hidden cohorts, left a hidden cohort
  of two invited with two respondents, both answering 4 or 5;
- the **mean of the NPS question** (0 to 10, to a tenth), which the headline figure (the NPS)
  leaves out: beside the counts and the NPS it pinned a hidden cohort to two respondents,
  both detractors.

Each is a column more per evaluation of the question's program
(:class:`~ledarutveckling._evaluation.interval_program._Program`), bounded by the shown
figures that publish it and tied to the answers: ``k`` answers in the top-two box of a scale
from ``a`` to ``b`` with sum ``s`` have ``a (n - k) + (b - 1) k <= s <= (b - 2) (n - k) + b k``;
the NPS question's sum lies between what its promoters (9-10), passives (7-8) and detractors
(0-6) allow. The hidden groups' counts are bounded with it, and its ratio (the share in the
box, which keeps ``min_share_width``; the NPS question's mean, which keeps
``min_mean_width``) like the others.

The published mean of the NPS question is recorded beside its category counts as
``sum:low-high``, the whole sums of answers its rounded mean comes from; a record saved before
it was kept has no such entry, and its NPS means are taken as unknown (they bound nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ledarutveckling._evaluation.figures import ShownFigure
from ledarutveckling._evaluation.statistics import Statistics
from ledarutveckling._evaluation.survey import Scale

if TYPE_CHECKING:  # the narrowing's module, imported by the first audit that needs it
    from ledarutveckling._evaluation.interval_program import Linked

__all__: list[str] = []


SUM: Final = "sum"
"""The name of the NPS question's sum among a figure's categories (``sum:7-9``)."""


def nps_sum(stats: Statistics) -> tuple[str, ...]:
    """The sums of answers the published mean of an NPS question comes from, as a category.

    The mean is published to a tenth, rounded half up; the sum of whole answers is whole, so
    a mean of 3.2 of 40 answers is a sum from 126 to 129. Empty for other scales (their mean
    is the figure itself).

    Examples:
        >>> nps_sum(Statistics.of(Scale.NPS, [0, 0, 10]))
        ('sum:10-10',)
        >>> nps_sum(Statistics.of(Scale.LIKERT_5, [1, 2]))
        ()
    """
    if stats.scale is not Scale.NPS:
        return ()
    # the mean rounded half up to a tenth is m/10 when (m - 1/2)/10 <= sum/count < (m + 1/2)/10
    total = sum(value * times for value, times in stats.distribution.items())
    count = sum(stats.distribution.values())
    tenths = (20 * total + count) // (2 * count)
    least = -(-(2 * tenths - 1) * count // 20)
    most = -(-(2 * tenths + 1) * count // 20) - 1
    return (f"{SUM}:{max(least, 0)}-{most}",)


def linked(figures: Sequence[tuple[int, ShownFigure]]) -> Linked | None:
    """The top-two box or the NPS question's sum of *figures*, for the narrowing's programs.

    Args:
        figures: The shown figures of one question, by index.

    Returns:
        The figure linked to the answers (``"top2"``, or ``"sum"`` on the NPS scale) and its
        whole bounds by the index of each figure that records it; ``None`` if none does (a
        record saved before they were kept).
    """
    found: dict[str, dict[int, tuple[float, float]]] = {}
    for index, figure in figures:
        for item in figure.categories:
            label, _, span = item.rpartition(":")
            if label in ("top2", SUM):
                least, _, most = span.partition("-")
                found.setdefault(label, {})[index] = (float(least), float(most))
    for label, bounds in sorted(found.items()):
        return label, bounds
    return None
