"""The second red-team review's wider year, seed 33 (issue 20): respondents pinned by a question.

The reviewer published a year of reports of eight random cohorts from one
:class:`EvaluationSet` (five breakdowns, three summaries, two comparisons of periods and the
summary of all) and attacked them with the integer program of
:mod:`tests.test_anonymity_attacks_h15`. With seed 33 (answers unanimous with probability
0.8) it pinned the hidden cohort E2 (three invited, "too few responses") to three respondents,
and its mean on Q1 to 3.67-4.33, through these figures:

- the unit breakdown shows Enhet1 (E1, E4, E7) with 15 respondents, and the first comparison
  of periods its later period (E2, E7) with 6;
- the NPS question's means and NPS of P2 (E6, E7), of the call-off A-Enhet1-2026 (E1, E7),
  of Enhet1 and of the first comparison's earlier period (E0, E4, E6) leave E1 and E4 no
  fewer answers than they invited (4 and 8);
- every answer is a respondent's, evaluation by evaluation: E1 and E4 had all their invited
  respond, so E7 had at most 3 of the 15, and E2 the other 3 of the 6.

The narrowing modelled each question on its own and the respondents on their own (a
question's answers bounded only by its own group's respondents), so it did not see that a
question's answers pin an evaluation's respondents. Each question's program now holds the
respondents evaluation by evaluation (``respondent_links``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pendulum
import pytest

from ledarutveckling import (
    DateRange,
    Dimension,
    EvaluationSet,
    GroupSummary,
    ValidationError,
)
from ledarutveckling._evaluation.figures import ShownFigure
from ledarutveckling._evaluation.respondent_caps import _SKIPPED, respondent_links
from tests.test_anonymity_attacks_h15 import _made, attack

pytest.importorskip("highspy")


def _year(board: EvaluationSet) -> tuple[list[GroupSummary], int]:
    """The reviewer's run_anon.scenario: the groups shown and hidden, and the refusals."""
    evaluations = board.evaluations
    groups: list[GroupSummary] = []
    refused = 0

    def take(publish: Callable[[], Any]) -> None:
        nonlocal refused
        try:
            shown = publish()
        except ValidationError:
            refused += 1
            return
        if hasattr(shown, "groups"):
            groups.extend([*shown.groups, shown.total])
        elif hasattr(shown, "changes"):
            groups.extend([shown.before, shown.after])
        else:
            groups.append(shown)

    def period(start: tuple[int, int, int], end: tuple[int, int, int]) -> DateRange:
        return DateRange(start=pendulum.date(*start), end=pendulum.date(*end))

    for by in Dimension:
        take(partial(board.breakdown, by=by))
    take(lambda: board.summarise([e for e in evaluations if e.subject.unit == "Enhet0"]))
    take(lambda: board.summarise([e for e in evaluations if e.collected.end.year == 2025]))
    take(
        lambda: board.summarise(
            [
                e
                for e in evaluations
                if e.subject.program_code == "P1" and e.collected.end.month <= 6
            ]
        )
    )
    take(
        lambda: board.compare_periods(
            before=period((2025, 1, 1), (2025, 6, 30)), after=period((2025, 7, 1), (2026, 6, 30))
        )
    )
    take(
        lambda: board.compare_periods(
            before=period((2025, 1, 1), (2025, 12, 31)),
            after=period((2026, 1, 1), (2026, 12, 31)),
        )
    )
    take(lambda: board.summarise(evaluations))
    return groups, refused


def test_the_wider_year_of_seed_33_pins_no_small_hidden_cohort() -> None:
    evaluations = _made(33, unanimous=0.8)
    assert [(e.invited, len(e.responses)) for e in evaluations][2] == (3, 3)
    board = EvaluationSet(evaluations=evaluations, audience="styrgruppen")
    groups, refused = _year(board)
    assert refused == 1  # the breakdown by cohort
    assert board.audience.leaks() == []
    hidden = {tuple(g.evaluations) for g in groups if g.respondents is None}
    assert ("E2",) in hidden
    # What the reader still pins: the counts of groups that the note "hidden to protect another
    # group" says had at least 5 respondents (they could have been shown). Since the group
    # hidden to protect another is the one with the fewest invited (the third review), they
    # are the first half of 2025, Enhet1, Enhet2 and the call-off of E4 alone (8 of 8).
    notes = {tuple(g.evaluations): g.note("en_GB") for g in groups if g.respondents is None}
    pinned = attack(groups)
    assert pinned == [
        (("E0", "E4", "E6"), "count", (28, 28)),
        (("E1", "E4", "E7"), "count", (15, 15)),
        (("E2", "E5"), "count", (9, 9)),
        (("E4",), "count", (8, 8)),
    ]
    assert {notes[group] for group, *_ in pinned} == {"hidden to protect another group"}
    assert [g.respondents for g in groups if tuple(g.evaluations) == ("E2", "E7")] == [None]


def _respondents(group: tuple[str, ...], count: int | None = None, **more: Any) -> ShownFigure:
    return ShownFigure(
        measure="respondents",
        group=group,
        evaluations=group,
        shown=count is not None,
        count=count,
        **more,
    )


def test_the_respondents_enter_a_questions_program_evaluation_by_evaluation() -> None:
    figures = [
        (0, _respondents(("A", "B"), 6, invited=9)),
        (1, _respondents(("A",), invited=3, at_most=4)),
        (2, _respondents(("B",))),
        (3, _respondents(("B",), 4)),
        (4, _respondents(("C",))),
        (5, _respondents(("C",), 5)),
        (6, _respondents(("C",))),
        (7, _respondents(())),
    ]
    shown, bounds, targets = respondent_links(figures, [("A",), ("B",), ("C",)])
    a, b, c = (("A", _SKIPPED + "A"), ("B", _SKIPPED + "B"), ("C", _SKIPPED + "C"))
    both = ("A", "B", a[1], b[1])
    assert shown == [(0, both, 6, None), (3, b, 4, None), (5, c, 5, None)]
    # the invited as the most respondents (the program's invited are the answers' columns)
    assert bounds == [(0, both, None, None, 9), (1, a, None, None, 3)]
    assert targets == [(1, a, None, None)]  # B and C are shown (before or after)
