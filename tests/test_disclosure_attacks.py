"""The adversary: attacks on what the library publishes, with an exact integer solver.

The attacker reads only what a reader of the reports gets — the groups' evaluations, their
invited, their counts and means *as published* (rounded), and the note beside each hidden
figure ("too few responses (n < 5)", "hidden to protect another group") — and solves integer
programs (HiGHS, one whole variable per evaluation for its answers, their sum and its
invited): every answer is a whole number from 1 to 5, every evaluation has at most as many
answers as it invited. For each hidden group it works out the possible counts and, for each
possible count, the least and greatest sum: the exact range of the group's mean.

Each attack here worked on the library before this test was written (the comments say what
the reader got); the library now hides enough that none does.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    Audience,
    Dimension,
    Evaluation,
    EvaluationSet,
    GroupSummary,
    Suppression,
    ValidationError,
    breakdown,
    summarise,
)
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling.serialization import from_json, to_json
from tests.test_disclosure import evaluation

MINIMUM = 5


@attrs.frozen
class Seen:
    """What a reader saw of one group's answers to a question."""

    evaluations: tuple[str, ...]
    invited: int
    count: int | None
    mean: Decimal | None
    note: Suppression | None


def seen(groups: Sequence[GroupSummary], code: str = "Q1") -> list[Seen]:
    """What the published *groups* tell a reader of *code*."""
    result = []
    for group in groups:
        question = group.question(code)
        stats = question.statistics
        result.append(
            Seen(
                evaluations=tuple(sorted(group.evaluations)),
                invited=question.invited,
                count=None if stats is None else stats.count,
                mean=None if stats is None else stats.mean,
                note=question.suppression,
            )
        )
    return result


def _program(
    figures: Sequence[Seen], target: tuple[str, ...], size: int | None
) -> tuple[Any, Any, dict[str, Any], dict[str, Any]]:
    highspy = pytest.importorskip("highspy")
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)  # as the audit: one HiGHS scheduler per process
    references = sorted({r for f in figures for r in f.evaluations})
    n = {r: h.addIntegral(lb=0) for r in references}
    s = {r: h.addIntegral(lb=0) for r in references}
    invited = {r: h.addIntegral(lb=1) for r in references}
    for r in references:
        h.addConstr(n[r] <= invited[r])
        h.addConstr(s[r] >= n[r])
        h.addConstr(s[r] <= 5 * n[r])
    for f in figures:
        h.addConstr(sum(invited[r] for r in f.evaluations) == f.invited)
        count = sum(n[r] for r in f.evaluations)
        if f.count is not None:
            h.addConstr(count == f.count)
            if f.mean is not None:
                total = sum(s[r] for r in f.evaluations)
                h.addConstr(total >= float(f.mean - Decimal("0.05")) * f.count - 1e-9)
                h.addConstr(total <= float(f.mean + Decimal("0.05")) * f.count + 1e-9)
        elif f.note is Suppression.TOO_FEW:
            h.addConstr(count <= MINIMUM - 1)
        elif f.note is Suppression.COMPLEMENTARY:
            h.addConstr(count >= MINIMUM)
    if size is not None:
        h.addConstr(sum(n[r] for r in target) == size)
    return h, highspy, n, s


def _optimum(
    figures: Sequence[Seen], target: tuple[str, ...], size: int | None, what: str
) -> list[float]:
    """The least and greatest of the target's count (or sum), ``[]`` if infeasible."""
    bounds = []
    for maximise in (False, True):
        h, highspy, n, s = _program(figures, target, size)
        objective = sum((n if what == "count" else s)[r] for r in target)
        (h.maximize if maximise else h.minimize)(objective)
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return []
        if status != highspy.HighsModelStatus.kOptimal:
            bounds.append(math.inf if maximise else -math.inf)
        else:
            bounds.append(round(h.getInfo().objective_function_value))
    return bounds


def attack(
    figures: Sequence[Seen],
) -> dict[tuple[str, ...], tuple[tuple[int, int], tuple[float, float] | None]]:
    """Every hidden group's exact range of counts and, if it may have answers, of its mean."""
    shown = {f.evaluations for f in figures if f.count is not None}
    result = {}
    for target in sorted({f.evaluations for f in figures if f.count is None} - shown):
        low, high = _optimum(figures, target, None, "count")
        means = []
        for size in range(max(1, int(low)), int(min(high, 40)) + 1):
            sums = _optimum(figures, target, size, "sum")
            means += [total / size for total in sums]
        result[target] = ((int(low), int(high)), (min(means), max(means)) if means else None)
    return result


def exposed(figures: Sequence[Seen]) -> list[tuple[tuple[str, ...], str]]:
    """The hidden groups that could be small and whose count or mean the attacker pins.

    A count pinned to one value (its own invited and note leave it more), or a mean pinned
    to within less than one scale point.
    """
    found = []
    own = {f.evaluations: f for f in figures if f.count is None}
    for target, ((low, high), mean) in attack(figures).items():
        if low >= MINIMUM:
            continue
        figure = own[target]
        most = min(figure.invited, MINIMUM - 1 if figure.note is Suppression.TOO_FEW else 10**6)
        if low == high and most > 0:
            found.append((target, "count"))
        elif mean is not None and mean[1] - mean[0] < 1.0 - 1e-9:
            found.append((target, "mean"))
    return found


def _invited(e: Evaluation, invited: int) -> Evaluation:
    return attrs.evolve(e, invited=invited)


# -- a few invited: the total less the shown cohorts pins a cohort everyone answered -----------

# Cohort B: all 3 invited answered; D: all 5 invited. Before, the breakdown showed A and C
# (10 each) beside the total (28) and hid B (too few) and D (its partner): B + D = 8, and as
# D has at most 5 invited, B had at least 3 — of its 3 invited: B's count was pinned.
INVITED = [
    evaluation("A", 10, mixed=True),
    _invited(evaluation("B", 3, mixed=True), 3),
    evaluation("C", 10, mixed=True),
    _invited(evaluation("D", 5, mixed=True), 5),
]


def test_a_cohort_whose_few_invited_all_answered_is_not_pinned_by_the_invited() -> None:
    by_cohort = breakdown(INVITED, by=Dimension.COHORT)
    # What the library published before: A and C shown (each summarised alone, as it did).
    old = [by_cohort.total, summarise(INVITED[:1]), by_cohort.group("B"), summarise(INVITED[2:3])]
    old.append(by_cohort.group("D"))
    assert [g.respondents for g in old] == [28, 10, None, 10, None]
    assert attack(seen(old))[("B",)][0] == (3, 3)
    assert (("B",), "count") in exposed(seen(old))
    # Now the breakdown hides A too (hidden to protect another group): B + D + A = 18, and A
    # may have up to 12 invited, so B keeps 1 to 3 (of 0 to 3 its own invited leave).
    assert [(g.key, g.respondents, g.suppression) for g in by_cohort.groups] == [
        ("A", None, Suppression.COMPLEMENTARY),
        ("B", None, Suppression.TOO_FEW),
        ("C", 10, None),
        ("D", None, Suppression.COMPLEMENTARY),
    ]
    published = seen([by_cohort.total, *by_cohort.groups])
    assert attack(published)[("B",)][0] == (1, 3)
    assert exposed(published) == []


# -- everyone answered: the total's response rate gives every hidden cohort's count -----------

# Three cohorts of 1, 3 and 2 invited, everyone answered. Before, the breakdown hid the three
# cohorts (too few) and showed the total: 6 responses of 6 invited, so each cohort had as many
# as it invited. (Found by the property test below, shrunk.)
FULL = [
    _invited(evaluation("E0", 1, mixed=True), 1),
    _invited(evaluation("E1", 3, mixed=True), 3),
    _invited(evaluation("E2", 2, mixed=True), 2),
]


def test_a_total_everyone_answered_is_hidden_with_its_small_cohorts() -> None:
    by_cohort = breakdown(FULL, by=Dimension.COHORT)
    old_total = summarise(FULL, minimum=5)
    assert (old_total.respondents, old_total.invited) == (6, 6)
    old = seen([old_total, *by_cohort.groups])
    assert exposed(old) == [(("E0",), "count"), (("E1",), "count"), (("E2",), "count")]
    assert by_cohort.total.respondents is None
    assert by_cohort.total.note("en_GB") == "hidden to protect another group"
    assert exposed(seen([by_cohort.total, *by_cohort.groups])) == []


# -- whole answers and the notes: the total less the shown cohorts pins two hidden ones ---------

# Cohort A (5, answers 4 and 2), B and C (3 and 4, every answer 5), D (10). Before, the cohort
# breakdown showed A (3.2 of 5), D (3.0 of 10) and the total (3.7 of 22). In whole numbers the
# sums are 81 or 82, 30 and 16, so B and C's seven answers sum to 35 or 36, and at most 35:
# every one of them answered 5. The relaxation the audit used left the sum at 33.55 to 35 and
# B's mean at 3.55 to 5 (B could have 1 answer and C 6), wide enough to publish. The notes
# ("n < 5") add that B has 3 or 4 answers.
NOTED = [
    evaluation("A", 5, mixed=True, end="2025-05-29"),
    evaluation("B", 3, answer=5, end="2025-05-29"),
    evaluation("C", 4, answer=5, end="2025-05-29"),
    evaluation("D", 10, mixed=True, end="2026-05-29"),
]


def test_whole_answers_and_the_notes_do_not_pin_two_hidden_cohorts() -> None:
    by_cohort = breakdown(NOTED, by=Dimension.COHORT)
    old = [by_cohort.total, summarise(NOTED[:1]), by_cohort.group("B"), by_cohort.group("C")]
    old.append(by_cohort.group("D"))
    assert [g.question("Q1").format() for g in old] == [
        "3,7 av 5 (n = 22)",
        "3,2 av 5 (n = 5)",
        "för få svar (n < 5)",
        "för få svar (n < 5)",
        "3,0 av 5 (n = 10)",
    ]
    (count, mean) = attack(seen(old))[("B",)]
    assert count == (3, 4)
    assert mean is not None
    assert mean == (5, 5)
    assert (("B",), "mean") in exposed(seen(old))
    # Now A's answers are hidden: "hidden to protect another group".
    assert by_cohort.group("A").question("Q1").suppression is Suppression.COMPLEMENTARY
    assert exposed(seen([by_cohort.total, *by_cohort.groups])) == []


# -- random programs, several breakdowns for one audience --------------------------------------


@st.composite
def programs(draw: st.DrawFn) -> list[Evaluation]:
    count = draw(st.integers(min_value=3, max_value=5))
    result = []
    for index in range(count):
        size = draw(st.integers(min_value=0, max_value=11))
        spare = draw(st.integers(min_value=0, max_value=2))
        made = evaluation(
            f"E{index}",
            size,
            unit=f"U{draw(st.integers(min_value=1, max_value=2))}",
            end=draw(st.sampled_from(["2025-05-29", "2026-05-29"])),
            answer=draw(st.integers(min_value=1, max_value=5)),
            mixed=draw(st.booleans()),
        )
        result.append(_invited(made, max(1, size + spare)))
    return result


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    evaluations=programs(),
    order=st.permutations([Dimension.COHORT, Dimension.UNIT, Dimension.YEAR]),
)
def test_no_breakdowns_for_one_audience_let_the_integer_attacker_pin_a_group(
    evaluations: list[Evaluation], order: list[Dimension]
) -> None:
    board = EvaluationSet(evaluations=evaluations, audience="styrgruppen")
    published: list[GroupSummary] = []
    codes = []
    for by in order:
        try:
            result = board.breakdown(by=by)
        except ValidationError as refused:  # nothing of it is shown
            codes.append(refused.problems[0].code)
            continue
        published += [result.total, *result.groups]
    assert set(codes) <= {ProblemCode.AUDIENCE_REFUSED}
    assert exposed(seen(published)) == []


def test_the_record_keeps_what_was_published_of_hidden_counts_and_loads_older_ones() -> None:
    _, board = breakdown(INVITED, by=Dimension.COHORT, audience=Audience(name="HR"))
    figure = next(f for f in board.publications[0].figures if len(f.group) == 4)
    assert (figure.group, figure.invited, figure.at_least, figure.at_most) == (
        ("A", "B", "C", "D"),
        32,
        None,
        None,
    )
    hidden = [f for f in board.publications[0].figures if f.group in {("A",), ("B",)}]
    assert {(f.group, f.measure, f.at_least, f.at_most, f.invited) for f in hidden} == {
        (("A",), "respondents", 5, None, 12),
        (("A",), "Q1", 5, None, 12),
        (("A",), "NPS", 5, None, 12),
        (("A",), "comments", None, None, None),
        (("B",), "respondents", None, 4, 3),
        (("B",), "Q1", None, 4, 3),
        (("B",), "NPS", None, 4, 3),
        (("B",), "comments", None, None, None),
    }
    assert from_json(Audience, to_json(board)) == board
    # A record saved before these were kept loads, and audits as before (nothing bounded).
    older = json.loads(to_json(board))
    for publication in older["publications"]:
        for shown in publication["figures"]:
            for key in ("invited", "at_least", "at_most"):
                shown.pop(key, None)
    loaded = from_json(Audience, json.dumps(older))
    assert {f.invited for p in loaded.publications for f in p.figures} == {None}
