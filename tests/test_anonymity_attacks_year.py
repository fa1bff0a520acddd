"""The exact attack on a whole year of reports to one audience (issue 20).

The year of ``tests/test_disclosure_memory.py`` (21 cohorts of up to ten over two years and
seven units: by cohort, by unit, by year, the two years compared, last week's and this week's
report by cohort, and an earlier unit report), each published with the audience's record. The
reader then takes every group shown in every report together, question by question, into the
attacker's integer program of ``tests/test_anonymity_attacks_h11.py`` (one whole variable per
evaluation and answer value, every rounded figure and note as what it allows, the number
invited), and bounds each hidden group's count, mean and NPS shares exactly.

The audit's programs are smaller than the attacker's (counts, sums, the linked figure and the
distributions, evaluations merged where that changes no range); this checks on a real year
that what they let through is what the attacker gets: no hidden group that could be under the
minimum has its mean known to within a scale point or an NPS share to within 20 points.
"""

from __future__ import annotations

from typing import Any

import pytest

from ledarutveckling import Audience, DateRange, Dimension, GroupSummary, breakdown, compare_periods
from tests.test_anonymity_attacks_h11 import MINIMUM, attack
from tests.test_disclosure_shortcuts import QUESTIONS, _program


def _reports(cohorts: int, size: int, seed: int) -> list[GroupSummary]:
    """Every group shown to the audience in the year (hidden ones as shown: without figures)."""
    evaluations = _program(cohorts, size, seed)
    board = Audience(name="styrgruppen")
    before = DateRange.from_iso("2025-01-01", "2025-12-31")
    after = DateRange.from_iso("2026-01-01", "2026-12-31")
    groups: list[GroupSummary] = []
    for chosen, by in (
        (evaluations, Dimension.COHORT),
        (evaluations, Dimension.UNIT),
        (evaluations, Dimension.YEAR),
        (evaluations[:-1], Dimension.COHORT),
        (evaluations, Dimension.COHORT),
        (evaluations[: len(evaluations) * 3 // 4], Dimension.UNIT),
    ):
        shown: Any
        shown, board = breakdown(chosen, by=by, audience=board)
        groups += [shown.total, *shown.groups]
    comparison, board = compare_periods(evaluations, before=before, after=after, audience=board)
    groups += [comparison.before, comparison.after]
    assert len(board.publications) == 7  # none refused
    return groups


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(21, 10, 2)])
def test_the_exact_attack_on_a_year_of_reports_pins_no_hidden_group(
    cohorts: int, size: int, seed: int
) -> None:
    groups = _reports(cohorts, size, seed)
    hidden = 0
    for question in QUESTIONS:
        for target, (counts, mean, share) in attack(groups, question.code, question.scale).items():
            hidden += 1
            if counts[0] >= MINIMUM:
                continue  # known to have had enough: nothing of a small group to tell
            assert counts[1] - counts[0] + 1 >= 2, (question.code, target, counts)
            assert mean is None or mean[1] - mean[0] >= 1.0 - 1e-9, (question.code, target, mean)
            assert share is None or share[1] - share[0] >= 20 - 1e-9, (question.code, target)
    assert hidden > 0  # the year hides groups: the attack has something to attack
