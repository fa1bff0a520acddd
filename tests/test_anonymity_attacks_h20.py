"""The fourth red-team review's attacks (issue 20): figures the audit did not model.

The reader asks for two cohorts' summaries (A, B: both "too few responses", 8 invited each)
and the comparison of two half-years (A and B before, C and D after), all for one audience.
The comparison shows the earlier half-year (A with B: 6 answers, mean 3.2, median 3.0, top-two
box 17 %) and the later one (C with D: 10 answers, mean 4.5, all in the top-two box, so five
4s and five 5s), and beside them Cohen's d to two decimals: 2.73.

The audit models every shown count, mean, share and distribution, and by those (and the
medians) A, with two to four of the six answers, has a mean from 2.5 to 4.0: the six answers
are 4, 3, 3, 3, 3, 3 or 5, 3, 3, 3, 3, 2. The effect size is the difference of the means over
the pooled standard deviation, so it tells the earlier half-year's sum of squares (61 or 65),
and with it which six answers they were: 4, 3, 3, 3, 3, 3. A's mean is then 3.0 to 3.5, half
a scale point where the audience's protection asks for one.

The effect size is now worked out from the published distributions and shown only where both
sides show theirs (``minimum_text`` answers): a function of what the audit already models.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ledarutveckling import (
    Audience,
    Change,
    Comparison,
    DateRange,
    Evaluation,
    GroupSummary,
    PublishedStatistics,
    Scale,
    Statistics,
    compare_periods,
    summarise,
)
from tests.test_anonymity_attacks_h11 import evaluation
from tests.test_disclosure import Q1

FIRST = DateRange.from_iso("2026-01-01", "2026-06-30")
SECOND = DateRange.from_iso("2026-07-01", "2026-12-31")


def _cohort(reference: str, q1: Sequence[int], end: str) -> Evaluation:
    nps = (9, 5, 7, 9, 10, 3, 8, 9)
    return evaluation(
        reference,
        [{"Q1": v, "NPS": n} for v, n in zip(q1, nps, strict=False)],
        end=end,
        invited=8,
    )


def _published() -> tuple[GroupSummary, GroupSummary, Comparison]:
    """What one audience is shown: A's summary, B's, and the two half-years compared."""
    cohorts = [
        _cohort("A", [4, 3, 3], "2026-03-01"),
        _cohort("B", [3, 3, 3], "2026-03-05"),
        _cohort("C", [5, 5, 5, 4, 4], "2026-09-01"),
        _cohort("D", [5, 4, 4, 5, 4], "2026-09-05"),
    ]
    board = Audience(name="styrgruppen")
    a, board = summarise(cohorts[:1], audience=board)
    b, board = summarise(cohorts[1:2], audience=board)
    comparison, board = compare_periods(cohorts, before=FIRST, after=SECOND, audience=board)
    return a, b, comparison


def _shown(stats: PublishedStatistics | None) -> object:
    """What a comparison's side shows of Q1."""
    if stats is None:
        return None
    return (stats.count, stats.mean, stats.median, stats.top_two_box, stats.shares)


def _figures(answers: Sequence[int], like: GroupSummary) -> object:
    """What *answers* would show in the place of the side *like*."""
    q1 = like.question("Q1")
    stats = Statistics.of(Scale.LIKERT_5, answers).published(minimum_text=q1.minimum_text)
    return _shown(stats)


def _answers(count: int) -> Iterator[tuple[int, ...]]:
    return itertools.combinations_with_replacement(range(1, 6), count)


def _a_means(
    comparison: Comparison, effect_size: Decimal | None
) -> tuple[Fraction, Fraction] | None:
    """A's least and greatest mean on Q1 under everything shown; ``None`` if nothing fits.

    Every split of the earlier half-year's answers between A and B (each under 5, by their
    notes) that shows the same figures, and, with an *effect_size*, gives it beside some
    answers of the later half-year that show its figures.
    """
    before, after = comparison.before, comparison.after
    shown_before = _shown(before.question("Q1").statistics)
    shown_after = _shown(after.question("Q1").statistics)
    n = before.question("Q1").statistics.count  # type: ignore[union-attr]
    laters = [
        Statistics.of(Scale.LIKERT_5, answers)
        for answers in _answers(after.question("Q1").statistics.count)  # type: ignore[union-attr]
        if _figures(answers, after) == shown_after
    ]
    means = set()
    for in_a in range(max(0, n - 4), 5):
        for a, b in itertools.product(_answers(in_a), _answers(n - in_a)):
            earlier = a + b
            if _figures(earlier, before) != shown_before:
                continue
            if effect_size is not None:
                stats = Statistics.of(Scale.LIKERT_5, earlier)
                sizes = {
                    Change(question=Q1, before=stats, after=later).exact_effect_size
                    for later in laters
                }
                rounded = {s.quantize(Decimal("0.01"), ROUND_HALF_UP) for s in sizes if s}
                if effect_size not in rounded:
                    continue
            if a:
                means.add(Fraction(sum(a), len(a)))
    return (min(means), max(means)) if means else None


def test_what_the_effect_size_attack_reads() -> None:
    a, b, comparison = _published()
    assert a.suppression is not None
    assert b.suppression is not None
    assert (a.respondents, b.respondents) == (None, None)
    before = comparison.before.question("Q1").statistics
    assert _shown(before) == (6, Decimal("3.2"), Decimal("3.0"), Decimal("0.17"), None)
    after = comparison.after.question("Q1").statistics
    assert _shown(after) == (
        10,
        Decimal("4.5"),
        Decimal("4.5"),
        Decimal("1.00"),
        {
            1: Decimal("0.00"),
            2: Decimal("0.00"),
            3: Decimal("0.00"),
            4: Decimal("0.50"),
            5: Decimal("0.50"),
        },
    )
    # without the effect size, A's mean is anywhere from 2.5 to 4.0
    assert _a_means(comparison, None) == (Fraction(5, 2), Fraction(4))
    # Cohen's d as it was published, to two decimals, picks the six answers 4, 3, 3, 3, 3, 3
    old = comparison.change("Q1").exact_effect_size
    assert old is not None
    published = old.quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert published == Decimal("2.73")
    assert _a_means(comparison, published) == (Fraction(3), Fraction(7, 2))


def test_the_effect_size_pins_no_hidden_cohorts_mean() -> None:
    _, _, comparison = _published()
    low, high = _a_means(comparison, comparison.change("Q1").effect_size) or (0, 0)
    assert high - low >= 1
