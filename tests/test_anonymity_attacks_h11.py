"""Attacks on the anonymity of what the library publishes (issue 20), by a reader with a notebook.

The attacker uses the public API with default arguments, as an analyst would, and reads only
what is published: the groups and which evaluations each holds, the number invited, the counts,
the rounded figures (mean, top-two-box share, NPS and its promoter and detractor shares, the
distribution of groups of ``minimum_text``) and the note beside each hidden figure. An integer
program (HiGHS: one whole variable per evaluation and answer value, every rounded figure as the
interval it rounds from) then bounds every hidden group's count, mean and NPS shares.

The attacks the library defeats are regression tests. The ones that still leak are
``xfail(strict=True)``: each says what the reader infers, and passes once the leak is closed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import (
    Audience,
    DateRange,
    Dimension,
    Evaluation,
    EvaluationSet,
    EvaluationSubject,
    GroupSummary,
    Publication,
    Response,
    Scale,
    Suppression,
    ValidationError,
    breakdown,
)
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.late_answers import expanded, late_part, readable
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import from_json, to_json
from tests.test_disclosure import NPS, Q1

highspy: Any = pytest.importorskip("highspy")

MINIMUM = 5
Answers = dict[str, int]


def evaluation(
    reference: str,
    answers: Sequence[Answers],
    *,
    unit: str = "U1",
    end: str = "2026-05-29",
    invited: int | None = None,
    comments: Sequence[str] = (),
) -> Evaluation:
    """A cohort's evaluation with the given *answers* (one dict per respondent)."""
    day = pendulum.parse(end).date()  # type: ignore[union-attr]
    at = pendulum.datetime(day.year, day.month, day.day, 12, tz="Europe/Stockholm")
    return Evaluation(
        reference=reference,
        subject=EvaluationSubject(program_code="SOC-LED", cohort=reference, unit=unit),
        questions=(Q1, NPS),
        responses=tuple(
            Response(
                answers=a,
                comment=comments[i] if i < len(comments) else None,
                submitted_at=at,
            )
            for i, a in enumerate(answers)
        ),
        invited=len(answers) + 2 if invited is None else invited,
        collected=DateRange(start=day.subtract(days=10), end=day),
    )


def mixed(size: int, high: int = 4, low: int = 2) -> list[Answers]:
    """*size* respondents, alternately *high* (NPS 9) and *low* (NPS 5): never unanimous."""
    return [{"Q1": low if i % 2 else high, "NPS": 5 if i % 2 else 9} for i in range(size)]


# -- the attacker ---------------------------------------------------------------------------

Figure = tuple[tuple[str, ...], int, Any, Suppression | None]


def _figures(groups: Sequence[GroupSummary], code: str) -> list[Figure]:
    result: list[Figure] = []
    for group in groups:
        question = group.question(code)
        result.append(
            (
                tuple(sorted(group.evaluations)),
                question.invited,
                question.statistics,
                question.suppression,
            )
        )
    return result


_Objective = Callable[[dict[tuple[str, int], Any], list[int]], Any]


def _model(figures: Sequence[Figure], scale: Scale) -> tuple[Any, dict[tuple[str, int], Any]]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    references = sorted({r for f in figures for r in f[0]})
    values = list(range(scale.minimum, scale.maximum + 1))
    x = {(r, v): h.addIntegral(lb=0) for r in references for v in values}
    invited = {r: h.addIntegral(lb=1) for r in references}
    for r in references:
        h.addConstr(sum(x[r, v] for v in values) <= invited[r])

    for group, group_invited, stats, note in figures:
        h.addConstr(sum(invited[r] for r in group) == group_invited)
        count = sum(x[r, v] for r in group for v in values)

        def between(expression: Any, low: Decimal, high: Decimal, n: int) -> None:
            # closed intervals: a reader who ignores which end rounds up knows less, not more
            h.addConstr(expression >= float(low) * n - 1e-7)
            h.addConstr(expression <= float(high) * n + 1e-7)

        def of(chosen: Sequence[int], group: tuple[str, ...] = group) -> Any:
            return sum(x[r, v] for r in group for v in chosen)

        if stats is not None:
            n = stats.count
            h.addConstr(count == n)
            total = sum(v * x[r, v] for r in group for v in values)
            between(total, stats.mean - Decimal("0.05"), stats.mean + Decimal("0.05"), n)
            half = Decimal("0.005")
            if stats.top_two_box is not None:
                between(of(values[-2:]), stats.top_two_box - half, stats.top_two_box + half, n)
            if stats.nps is not None:
                net = 100 * (of((9, 10)) - of(range(7)))
                between(net, stats.nps - Decimal("0.5"), stats.nps + Decimal("0.5"), n)
                p, d = stats.promoter_share, stats.detractor_share
                between(of((9, 10)), p - half, p + half, n)
                between(of(range(7)), d - half, d + half, n)
            for value, share in (stats.shares or {}).items():
                between(of((value,)), share - half, share + half, n)
        elif note is Suppression.TOO_FEW:
            h.addConstr(count <= MINIMUM - 1)
        elif note is Suppression.COMPLEMENTARY:
            h.addConstr(count >= MINIMUM)
    return h, x


def _range(
    figures: Sequence[Figure],
    scale: Scale,
    target: tuple[str, ...],
    objective: _Objective,
    size: int | None = None,
) -> tuple[int, int] | None:
    values = list(range(scale.minimum, scale.maximum + 1))
    ends = []
    for maximise in (False, True):
        h, x = _model(figures, scale)
        if size is not None:
            h.addConstr(sum(x[r, v] for r in target for v in values) == size)
        (h.maximize if maximise else h.minimize)(objective(x, values))
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        assert status == highspy.HighsModelStatus.kOptimal, status
        ends.append(round(h.getInfo().objective_function_value))
    return ends[0], ends[1]


Ranges = tuple[tuple[int, int], tuple[float, float] | None, tuple[float, float] | None]


def attack(
    groups: Sequence[GroupSummary], code: str, scale: Scale
) -> dict[tuple[str, ...], Ranges]:
    """Each hidden group's possible counts, mean range and narrowest NPS share range.

    The share range is that of its promoters or of its detractors (the narrower), in percent;
    ``None`` off the NPS scale.
    """
    figures = _figures(groups, code)
    shown = {f[0] for f in figures if f[2] is not None}
    result: dict[tuple[str, ...], Ranges] = {}
    for target in sorted({f[0] for f in figures if f[2] is None} - shown):

        def count(
            x: dict[tuple[str, int], Any], values: list[int], t: tuple[str, ...] = target
        ) -> Any:
            return sum(x[r, v] for r in t for v in values)

        def total(
            x: dict[tuple[str, int], Any], values: list[int], t: tuple[str, ...] = target
        ) -> Any:
            return sum(v * x[r, v] for r in t for v in values)

        counts = _range(figures, scale, target, count)
        assert counts is not None
        means: list[float] = []
        narrowest: tuple[float, float] | None = None
        for size in range(max(1, counts[0]), min(counts[1], 40) + 1):
            sums = _range(figures, scale, target, total, size)
            if sums is None:
                continue
            means += [sums[0] / size, sums[1] / size]
            if scale is Scale.NPS:
                for chosen in ((9, 10), tuple(range(7))):

                    def part(
                        x: dict[tuple[str, int], Any],
                        values: list[int],
                        c: Any = chosen,
                        t: tuple[str, ...] = target,
                    ) -> Any:
                        return sum(x[r, v] for r in t for v in c)

                    found = _range(figures, scale, target, part, size)
                    assert found is not None
                    share = (100 * found[0] / size, 100 * found[1] / size)
                    if narrowest is None or share[1] - share[0] < narrowest[1] - narrowest[0]:
                        narrowest = share
        result[target] = (counts, (min(means), max(means)) if means else None, narrowest)
    return result


def exposed(groups: Sequence[GroupSummary]) -> list[tuple[tuple[str, ...], str]]:
    """The hidden groups that could be small, with a mean or NPS share pinned too narrowly.

    Too narrowly: to within less than the default protection, one scale point for a mean and
    20 percentage points for a share.
    """
    found = []
    for code, scale in (("Q1", Scale.LIKERT_5), ("NPS", Scale.NPS)):
        for target, (counts, mean, share) in attack(groups, code, scale).items():
            if counts[0] >= MINIMUM:
                continue
            if mean is not None and mean[1] - mean[0] < 1.0 - 1e-9:
                found.append((target, f"{code} mean"))
            if share is not None and share[1] - share[0] < 20 - 1e-9:
                found.append((target, f"{code} share"))
    return found


def published(*breakdowns: Any) -> list[GroupSummary]:
    return [g for b in breakdowns for g in (b.total, *b.groups)]


def shown(groups: Sequence[GroupSummary]) -> list[tuple[tuple[str, ...], int | None]]:
    return [(tuple(sorted(g.evaluations)), g.respondents) for g in groups]


# -- defeated: two groupings of the same cohorts in one notebook -----------------------------

COHORTS = [
    evaluation("A", mixed(9)),
    evaluation("B", mixed(4, 5, 3)),
    evaluation("C", mixed(7), unit="U2"),
    evaluation("D", mixed(11), unit="U3"),
    evaluation("E", mixed(3, 5, 1), unit="U2"),
]


def test_two_groupings_leak_without_a_record_and_not_with_an_evaluation_set() -> None:
    by_cohort = breakdown(COHORTS, by=Dimension.COHORT)
    by_unit = breakdown(COHORTS, by=Dimension.UNIT)
    assert exposed(published(by_cohort, by_unit)) == [
        (("B",), "Q1 mean"),
        (("E",), "Q1 mean"),
        (("B",), "NPS mean"),
        (("B",), "NPS share"),
        (("E",), "NPS mean"),
        (("E",), "NPS share"),
    ]
    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    first = hr.breakdown(by=Dimension.COHORT)
    second = hr.breakdown(by=Dimension.UNIT)
    assert shown([second.total, *second.groups]) == [
        (("A", "B", "C", "D", "E"), 34),
        (("A", "B"), None),
        (("C", "E"), None),
        (("D",), 11),
    ]
    assert exposed(published(first, second)) == []


def test_a_saved_and_loaded_record_protects_as_the_one_kept() -> None:
    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    first = hr.breakdown(by=Dimension.COHORT)
    loaded = from_json(Audience, to_json(hr.audience))
    assert loaded == hr.audience
    second, after = breakdown(COHORTS, by=Dimension.UNIT, audience=loaded)
    assert [g.respondents for g in second.groups] == [None, None, 11]
    assert len(after.publications) == 2
    assert exposed(published(first, second)) == []


def test_a_new_set_with_the_same_name_starts_an_empty_record_as_documented() -> None:
    # Documented as the user's responsibility ("a name starts an empty one"; "the record
    # belongs to the set, not to the process"): a second set knows nothing of the first.
    first = EvaluationSet(evaluations=COHORTS, audience="HR")
    first.breakdown(by=Dimension.COHORT)
    second = EvaluationSet(evaluations=COHORTS, audience="HR")
    assert second.audience.publications == ()
    assert second.audience != first.audience


def test_audiences_are_independent() -> None:
    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    board = EvaluationSet(evaluations=COHORTS, audience="styrgruppen")
    hr.breakdown(by=Dimension.COHORT)
    by_unit = board.breakdown(by=Dimension.UNIT)
    # the board saw nothing by cohort: its unit breakdown is not held back by HR's record
    assert [g.respondents for g in by_unit.groups] == [13, 10, 11]
    assert [p.label for p in board.audience.publications] == ["breakdown by unit"]


def test_lowering_the_minimum_of_a_record_still_audits_the_earlier_publications() -> None:
    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    first = hr.breakdown(by=Dimension.COHORT)
    lowered = attrs.evolve(hr.audience, minimum=3)
    second, _ = breakdown(COHORTS, by=Dimension.UNIT, audience=lowered)
    assert [g.respondents for g in second.groups] == [None, None, 11]
    assert exposed(published(first, second)) == []


# -- defeated: a year less a cohort of minimum - 1 -------------------------------------------

YEAR = [
    evaluation("A", mixed(9), end="2026-03-01"),
    evaluation("B", mixed(4, 5, 3), end="2026-04-01"),
    evaluation("C", mixed(7), end="2026-05-01"),
    evaluation("D", mixed(6), end="2025-10-01"),
]


def test_a_year_less_a_cohort_of_four_pins_nothing() -> None:
    hr = EvaluationSet(evaluations=YEAR, audience="HR")
    year = hr.summarise(YEAR[:3])
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    groups = [year, by_cohort.total, *by_cohort.groups]
    assert shown(groups) == [
        (("A", "B", "C"), 20),
        (("A", "B", "C", "D"), None),
        (("A",), 9),
        (("B",), None),
        (("C",), None),
        (("D",), None),
    ]
    assert exposed(groups) == []


def test_compare_periods_twice_over_nested_periods_hides_the_difference() -> None:
    hr = EvaluationSet(evaluations=YEAR, audience="HR")
    before = DateRange.from_iso("2025-01-01", "2025-12-31")
    first = hr.compare_periods(before=before, after=DateRange.from_iso("2026-01-01", "2026-03-31"))
    second = hr.compare_periods(before=before, after=DateRange.from_iso("2026-01-01", "2026-04-30"))
    counts = [
        [(c.before and c.before.count, c.after and c.after.count) for c in comparison.changes]
        for comparison in (first, second)
    ]
    # the second "after" (A and B) less the first (A) would be B's four answers
    assert counts == [[(6, 9), (6, 9)], [(6, None), (6, None)]]


# -- defeated: comments --------------------------------------------------------------------


def test_a_units_comments_less_a_cohorts_comments() -> None:
    cohorts = [
        evaluation("A", mixed(9), comments=["a1", "a2"]),
        evaluation("B", mixed(3), comments=["secret"]),
        evaluation("C", mixed(8), unit="U2", comments=["c1"]),
    ]
    hr = EvaluationSet(evaluations=cohorts, audience="HR")
    by_unit = hr.breakdown(by=Dimension.UNIT)
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    assert [g.comments for g in by_unit.groups] == [("a1", "a2", "secret"), ("c1",)]
    # A's comments would leave "secret" to B: every cohort's are hidden
    assert [(g.respondents, g.comments) for g in by_cohort.groups] == [
        (None, ()),
        (None, ()),
        (None, ()),
    ]


def test_a_cohort_appearing_beside_a_shown_one_does_not_give_its_comment() -> None:
    c = evaluation("C", mixed(9), comments=["c1", "c2"])
    d = evaluation("D", mixed(3), comments=["only D"])
    hr = EvaluationSet(evaluations=[c, d], audience="HR")
    assert hr.summarise([c]).comments == ("c1", "c2")
    later = hr.summarise([c, d])
    assert (later.respondents, later.comments) == (None, ())


# -- defeated: the same group again with a late answer ---------------------------------------


def _late(e: Evaluation, answers: Answers) -> Evaluation:
    return attrs.evolve(e, responses=(*e.responses, attrs.evolve(e.responses[0], answers=answers)))


LATE_A = evaluation("A", mixed(9))
LATE_B = evaluation(
    "B",
    [{"Q1": 3, "NPS": 8}, {"Q1": 4, "NPS": 9}, {"Q1": 2, "NPS": 5}, {"Q1": 4, "NPS": 7}],
    invited=8,
)


def test_the_same_group_again_with_one_late_answer_is_refused() -> None:
    hr = EvaluationSet(evaluations=[LATE_A, LATE_B], audience="HR")
    assert hr.summarise().respondents == 13
    with pytest.raises(ValidationError) as caught:
        hr.summarise([LATE_A, _late(LATE_B, {"Q1": 1, "NPS": 0})])
    assert [p.code for p in caught.value.problems] == [ProblemCode.AUDIENCE_DIFFERS_TOO_LITTLE]


# -- LEAK: a derived union of hidden cohorts that is unanimous -------------------------------

# One default breakdown by cohort. A and D (10 each, half 4 and NPS 9, half 2 and NPS 5) are
# shown, B and C (3 each, every one answered 3 and NPS 7 or 8) hidden as too few, the total
# (26) shown with its top-two box, its promoter and detractor shares and (26 >= 8) its
# distribution. Total less A less D: B and C's six answers hold no 4 or 5, and six 3s (the
# distribution), no promoter and no detractor. So every member of B and of C answered 3 on Q1
# and was a passive: what the library treats as exposed for a hidden part of a *shown* group
# (``ShownFigure.unanimous``) but does not look for in a union *derived* by subtraction. The
# exact audit finds B + C determined but with 6 >= 5 respondents (not a leak to it), and the
# narrowing models only means and the NPS score, not the shares.
UNANIMOUS = [
    evaluation("A", mixed(10)),
    evaluation("B", [{"Q1": 3, "NPS": 8}] * 3),
    evaluation("C", [{"Q1": 3, "NPS": 7}] * 3),
    evaluation("D", mixed(10), unit="U2"),
]


def test_what_the_unanimous_union_attack_reads() -> None:
    by_cohort, _ = breakdown(UNANIMOUS, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert shown([by_cohort.total, *by_cohort.groups]) == [
        (("A", "B", "C", "D"), 26),
        (("A",), 10),
        (("B",), None),
        (("C",), None),
        (("D",), 10),
    ]
    groups = [by_cohort.total, *by_cohort.groups]
    # Shown with A's answers, total less A less D left B and C all 3 and passive: Q1 3.0 to
    # 3.0 and promoters 0 %. The audit now knows the published categories and hides A's
    # answers (the smaller of the two cohorts the subtraction uses; A and D tie, A first).
    assert [(g.question("Q1").suppression, g.question("NPS").suppression) for g in groups] == [
        (None, None),
        (Suppression.COMPLEMENTARY, Suppression.COMPLEMENTARY),
        (Suppression.TOO_FEW, Suppression.TOO_FEW),
        (Suppression.TOO_FEW, Suppression.TOO_FEW),
        (None, None),
    ]
    q1 = attack(groups, "Q1", Scale.LIKERT_5)
    nps = attack(groups, "NPS", Scale.NPS)
    assert q1[("B",)] == ((0, 4), (2.0, 4.0), None)
    assert nps[("B",)] == ((0, 4), (5.0, 9.0), (0.0, 100.0))


def test_a_derived_unanimous_union_is_not_published() -> None:
    by_cohort, _ = breakdown(UNANIMOUS, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert exposed([by_cohort.total, *by_cohort.groups]) == []


# -- LEAK: a late answer, read by differencing a group before and after it -------------------

# Week 1: the total of A (9) and B (4) is shown: 13 answers, Q1 3.2 and NPS 7.2. Week 2, B's
# fifth respondent has answered (Q1 1, NPS 0). Shown: B alone (5: 2.8 and 5.8; B is at the
# minimum now) and A alone (9: 3.1 and 7.2; A is week 1's total less B's *new* figure, which
# the exact audit, knowing evaluations by reference, takes for the old). The reader: B's four
# week-1 answers sum to week 1's total less A (41 or 42 less 28 on Q1), B's five to 14, so
# the late answer is 14 - 13 = 1 (0 is off the scale) and its NPS 29 - 28 or 29 - 29: 0 or 1.
# `Audience._check_changed` only compares a group with the same group shown before; the span
# audit treats B in week 1 and week 2 as one vector. One respondent's answers are revealed.


def _sums(mean: Decimal, count: int, scale: Scale) -> set[int]:
    """The whole sums of *count* answers whose mean is shown (half up, a tenth) as *mean*."""
    return {
        total
        for total in range(scale.minimum * count, scale.maximum * count + 1)
        if (Decimal(total) / count).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP") == mean
    }


def _late_answer(
    week1: GroupSummary, a: GroupSummary, b: GroupSummary, code: str, scale: Scale
) -> set[int]:
    """The answers the one late respondent of B can have given, from the three figures."""
    stats = [g.question(code).statistics for g in (week1, a, b)]
    t, x, y = (_sums(s.mean, s.count, scale) for s in stats if s is not None)
    return {
        late
        for total in t
        for sum_a in x
        for sum_b in y
        if scale.minimum <= (late := sum_b - (total - sum_a)) <= scale.maximum
    }


def test_what_the_late_answer_attack_reads() -> None:
    # The three figures as three unrelated audiences are shown them (one audience's record
    # now hides A: see the test below); the reader's arithmetic on them.
    def shown_alone(evaluations: list[Evaluation]) -> GroupSummary:
        return EvaluationSet(evaluations=evaluations, audience="HR").summarise()

    week1 = shown_alone([LATE_A, LATE_B])
    b = shown_alone([_late(LATE_B, {"Q1": 1, "NPS": 0})])
    a = shown_alone([LATE_A])
    assert [(g.respondents, g.question("Q1").format()) for g in (week1, b, a)] == [
        (13, "3,2 av 5 (n = 13)"),
        (5, "2,8 av 5 (n = 5)"),
        (9, "3,1 av 5 (n = 9)"),
    ]
    assert _late_answer(week1, a, b, "Q1", Scale.LIKERT_5) == {1}
    assert _late_answer(week1, a, b, "NPS", Scale.NPS) == {0, 1}


def test_a_late_answer_cannot_be_read_by_differencing() -> None:
    hr = EvaluationSet(evaluations=[LATE_A, LATE_B], audience="HR")
    week1 = hr.summarise()
    try:
        b = hr.summarise([_late(LATE_B, {"Q1": 1, "NPS": 0})])
        a = hr.summarise([LATE_A])
    except ValidationError:
        return  # refused: nothing more was shown
    for code, scale in (("Q1", Scale.LIKERT_5), ("NPS", Scale.NPS)):
        if None in (g.question(code).statistics for g in (week1, a, b)):
            continue
        late = _late_answer(week1, a, b, code, scale)
        assert max(late) - min(late) >= 1


# -- LEAK: respondents who skip a question: the answers' count is bounded by the respondents --

# One default breakdown by cohort. A (10) answered everything; B (6 respondents, shown) had
# three who skipped Q1; C (8) answered everything. Published: the respondents of every cohort
# (24, 10, 6, 8), Q1's count of the total (21) and of A (10), B's Q1 "too few (n < 5)" and C's
# Q1 "hidden to protect another group" (so at least 5). B's and C's Q1 counts sum to 11, C's is
# at most its 8 respondents, so B's is 3 to 6 under the shown figures alone (four values, fewer
# than the minimum five), and 3 or 4 with its note: "a group known to have 3 or 4 respondents
# is exposed" (docs/anonymity.md, guarantee 4). The narrowing bounds a question's count per
# evaluation by the number invited (8 and 10), not by the respondents shown; the link between a
# question and the respondents is a documented limit ("each question is its own program").
SKIPPED = [
    evaluation("A", mixed(10)),
    evaluation("B", [{"Q1": 5, "NPS": 9}] * 3 + [{"NPS": 7}] * 3),
    evaluation("C", mixed(8), unit="U2"),
]


def _skipped_counts(groups: Sequence[GroupSummary], *, notes: bool) -> set[int]:
    """B's possible numbers of answers to Q1, from the published respondents and Q1 counts."""
    total, a, b, c = (g.question("Q1") for g in groups)
    assert total.statistics is not None
    assert a.statistics is not None
    rest = total.statistics.count - a.statistics.count  # B's and C's
    b_respondents, c_respondents = groups[2].respondents, groups[3].respondents
    assert b_respondents is not None
    assert c_respondents is not None
    c_least = MINIMUM if notes and c.suppression is Suppression.COMPLEMENTARY else 0
    b_most = MINIMUM - 1 if notes and b.suppression is Suppression.TOO_FEW else b_respondents
    return {in_b for in_b in range(b_most + 1) if c_least <= rest - in_b <= c_respondents}


def test_what_the_skipped_question_attack_reads() -> None:
    hr = EvaluationSet(evaluations=SKIPPED, audience="HR")
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    groups = [by_cohort.total, *by_cohort.groups]
    # B's respondents (6) and C's (8), beside B's and C's 11 answers, would pin B's to 3-6:
    # the audit bounds a question's answers by the respondents shown, and hides B's group
    # (the smallest figure the bound uses), and then C's, as the total less A would give B.
    assert [(g.respondents, g.question("Q1").format(locale="en_GB")) for g in groups] == [
        (24, "3.3 out of 5 (n = 21)"),
        (10, "3.0 out of 5 (n = 10)"),
        (None, "too few responses (n < 5)"),
        (None, "hidden to protect another group"),
    ]
    # What the reader would have had with B's and C's respondents shown:
    shown_b = [
        *groups[:2],
        attrs.evolve(groups[2], respondents=6),
        attrs.evolve(groups[3], respondents=8),
    ]
    assert _skipped_counts(shown_b, notes=False) == {3, 4, 5, 6}
    assert _skipped_counts(shown_b, notes=True) == {3, 4}


def test_a_skipped_questions_count_keeps_the_minimum_possibilities() -> None:
    hr = EvaluationSet(evaluations=SKIPPED, audience="HR")
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    groups = [by_cohort.total, *by_cohort.groups]
    if any(g.respondents is None for g in groups) or any(
        g.question("Q1").statistics is None for g in groups[:2]
    ):
        return  # the respondents or the counts the attack needs are hidden
    assert len(_skipped_counts(groups, notes=False)) >= MINIMUM


# -- defeated: exact figures through the records and DataFrames ------------------------------


def test_records_and_dataframes_carry_only_the_rounded_figures() -> None:
    from ledarutveckling.records import to_dataframe, to_records

    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    places = {
        key: -value.as_tuple().exponent  # type: ignore[operator]
        for record in to_records(by_cohort)
        for key, value in record.items()
        if isinstance(value, Decimal)
    }
    assert places == {"mean": 1, "median": 1, "top_two_box": 2, "nps": 0}
    frame = to_dataframe(by_cohort)
    assert [str(m) for m in frame["mean"]] == [
        "3.1", "7.2", "None", "None", "3.1", "7.3", "3.1", "7.2", "None", "None", "3.3", "7.2",
    ]  # fmt: skip


def test_the_excel_sheet_holds_the_figures_of_the_records() -> None:
    import io

    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    from ledarutveckling.records import to_records, to_workbook

    hr = EvaluationSet(evaluations=COHORTS, audience="HR")
    by_cohort = hr.breakdown(by=Dimension.COHORT)
    buffer = io.BytesIO()
    to_workbook({"Kohorter": by_cohort}, buffer, locale="en_GB")
    sheet = openpyxl.load_workbook(buffer, data_only=True)["Kohorter"]
    rows = list(sheet.iter_rows(values_only=True))
    mean = rows[0].index("Mean")
    assert [row[mean] for row in rows[1:]] == [
        None if r["mean"] is None else float(r["mean"]) for r in to_records(by_cohort)
    ]


# -- defeated: the thresholds, at the edge ---------------------------------------------------


@pytest.mark.parametrize(
    ("size", "mean", "comments", "distribution"),
    [
        (4, False, False, False),
        (5, True, False, False),
        (7, True, False, False),
        (8, True, True, True),
    ],
)
def test_a_group_at_each_threshold_shows_what_its_size_allows(
    size: int, mean: bool, comments: bool, distribution: bool
) -> None:
    from ledarutveckling import summarise

    group = summarise([evaluation("A", mixed(size), comments=["a comment"])])
    stats = group.question("Q1").statistics
    assert (
        stats is not None,
        group.comments != (),
        stats is not None and stats.shares is not None,
    ) == (
        mean,
        comments,
        distribution,
    )


# -- LEAK: late answers that contradict earlier figures switch the narrowing off ------------

# Week 1 the audience is shown cohort X (10) and cohort Y (10) of unit UX. Week 2, Y has ten
# late answers (20), and X and Y together are shown: 30, allowed (no group is shown again).
# The record now holds X = 10, Y = 10 and X + Y = 30: the linear
# programs of the narrowing are infeasible for every question, and the narrowing is skipped
# ("its programs are infeasible and that question's narrowing check is skipped", docs; in
# `intervals.py` a count program that returns None is passed over with `continue`, marked
# "pragma: no cover - the shown figures are true, so feasible"). From then on the audience
# has the exact audit only: the breakdown of four unrelated cohorts (NOTED of
# tests/test_disclosure_attacks.py: A 5 mixed, B 3 and C 4 who all answered 5 and NPS 9,
# D 10 mixed) shows A, D and the total, and B's and C's seven answers sum to 35: every one
# is 5, every one a promoter. With a fresh record the same breakdown hides A.
POISON_X = evaluation("X", mixed(10), unit="UX")
POISON_Y = evaluation("Y", mixed(10), unit="UX")
POISON_Y_LATE = attrs.evolve(POISON_Y, responses=POISON_Y.responses * 2, invited=22)
NOTED = [
    evaluation("A", mixed(5), end="2025-05-29"),
    evaluation("B", [{"Q1": 5, "NPS": 9}] * 3, end="2025-05-29"),
    evaluation("C", [{"Q1": 5, "NPS": 9}] * 4, end="2025-05-29"),
    evaluation("D", mixed(10), end="2026-05-29"),
]
# Since the audit knows the published categories (the top-two box and the promoters of the
# total less A less D: all seven), NOTED is caught without the narrowing. NARROWED is not
# unanimous in any category (one 3, a passive and a detractor among B's and C's seven) but
# their sum, 33 of at most 35, still pins B's mean to 4.3-5: only the narrowing catches it.
NARROWED = [
    *NOTED[:1],
    evaluation("B", [{"Q1": 5, "NPS": 9}] * 2 + [{"Q1": 5, "NPS": 8}], end="2025-05-29"),
    evaluation(
        "C",
        [{"Q1": 3, "NPS": 9}, {"Q1": 5, "NPS": 8}, {"Q1": 5, "NPS": 5}, {"Q1": 5, "NPS": 9}],
        end="2025-05-29",
    ),
    *NOTED[3:],
]


def _poisoned() -> Audience:
    from ledarutveckling import summarise

    record = Audience(name="HR")
    _, record = summarise([POISON_X], audience=record)
    _, record = summarise([POISON_Y], audience=record)
    both, record = summarise([POISON_X, POISON_Y_LATE], audience=record)
    assert both.respondents == 30
    return record


def test_a_fresh_record_hides_the_unanimous_pair() -> None:
    by_cohort, _ = breakdown(NOTED, by=Dimension.COHORT, audience=Audience(name="HR"))
    groups = [by_cohort.total, *by_cohort.groups]
    assert [g.question("Q1").suppression for g in groups] == [
        None,
        Suppression.COMPLEMENTARY,
        Suppression.TOO_FEW,
        Suppression.TOO_FEW,
        None,
    ]
    assert exposed(groups) == []


def test_what_the_poisoned_record_lets_through() -> None:
    # NOTED is caught by the published categories alone, poisoned record or not
    by_cohort, _ = breakdown(NOTED, by=Dimension.COHORT, audience=_poisoned())
    assert exposed([by_cohort.total, *by_cohort.groups]) == []
    fresh, _ = breakdown(NARROWED, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert exposed([fresh.total, *fresh.groups]) == []
    # What NARROWED shows when only the exact audit is made (the narrowing switched off, as
    # the infeasible programs once did silently), and what the reader gets from it.
    record = attrs.evolve(_poisoned(), min_mean_width=0, min_share_width=0)
    by_cohort, _ = breakdown(NARROWED, by=Dimension.COHORT, audience=record)
    groups = [by_cohort.total, *by_cohort.groups]
    assert [g.question("Q1").format(locale="en_GB") for g in groups] == [
        "3.6 out of 5 (n = 22)",
        "3.2 out of 5 (n = 5)",
        "too few responses (n < 5)",
        "too few responses (n < 5)",
        "3.0 out of 5 (n = 10)",
    ]
    assert attack(groups, "Q1", Scale.LIKERT_5)[("B",)] == ((3, 4), (13 / 3, 5.0), None)


def test_a_record_made_infeasible_by_late_answers_still_narrows() -> None:
    try:
        by_cohort, _ = breakdown(NARROWED, by=Dimension.COHORT, audience=_poisoned())
    except ValidationError:
        return  # refused: fails closed
    assert exposed([by_cohort.total, *by_cohort.groups]) == []


def test_the_late_answers_are_a_part_of_their_own_in_the_record() -> None:
    record = _poisoned()
    assert [p.respondents for p in record.publications] == [
        (("X", 10),),
        (("Y", 10),),
        (("X", 10), ("Y", 20)),
    ]
    assert record.publications[-1].figures[0].evaluations == ("X", "Y")
    assert expanded(record.publications)[0][-1].evaluations == ("X", "Y", late_part("Y", 2))
    assert from_json(Audience, to_json(record)) == record
    # A record saved before the counts were kept loads, with none.
    document = json.loads(to_json(record))
    for publication in document["publications"]:
        del publication["respondents"]
    old = from_json(Audience, json.dumps(document))
    assert [p.respondents for p in old.publications] == [(), (), ()]
    assert [p.figures for p in old.publications] == [p.figures for p in record.publications]


def test_a_record_contradicting_itself_is_refused_not_skipped() -> None:
    # The poisoned record as one kept without the counts (made with `published`, or saved
    # before they were kept): X = 10, Y = 10, X + Y = 30 cannot all be true.
    record = Audience(name="HR")
    for publication in _poisoned().publications:
        record = record.published(
            Publication(
                label=publication.label,
                figures=publication.figures,
            )
        )
    with pytest.raises(ValidationError) as caught:
        breakdown(NOTED, by=Dimension.COHORT, audience=record)
    [problem] = caught.value.problems
    assert problem.code is ProblemCode.AUDIENCE_RECORD_DISAGREES
    assert problem.params == {
        "audience": "HR",
        "reason": "no set of answers fits all the figures shown",
    }
    assert format_problem(problem) == (
        "publiceringen för HR kan inte granskas: det som visats stämmer inte längre med "
        "utvärderingarna (inga svar stämmer med alla siffror som visats); "
        "inget visas"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the publication for HR cannot be audited: what was shown no longer agrees with the "
        "evaluations (no set of answers fits all the figures shown); nothing is shown"
    )
    # The record's own check says so too, rather than find nothing.
    _, fresh = breakdown(NOTED, by=Dimension.COHORT, audience=Audience(name="HR"))
    with pytest.raises(ValidationError) as caught:
        record.published(fresh.publications[0]).leaks()
    assert [p.code for p in caught.value.problems] == [ProblemCode.AUDIENCE_RECORD_DISAGREES]
    # The counts a document holds as arrays are kept as pairs.
    assert Publication(label="x", figures=(), respondents=[["A", 3]]).respondents == (("A", 3),)


def test_an_evaluation_with_fewer_respondents_than_recorded_is_refused() -> None:
    hr = EvaluationSet(evaluations=[LATE_A, LATE_B], audience="HR")
    hr.summarise([_late(LATE_B, {"Q1": 1, "NPS": 0})])
    with pytest.raises(ValidationError) as caught:
        hr.summarise([LATE_B])
    [problem] = caught.value.problems
    assert problem.code is ProblemCode.AUDIENCE_RECORD_DISAGREES
    assert problem.params["reason"] == "B had 5 respondents when last shown, but has 4 now"
    assert format_problem(problem) == (
        "publiceringen för HR kan inte granskas: det som visats stämmer inte längre med "
        "utvärderingarna (B hade 5 svarande när den senast visades, men har nu 4); inget visas"
    )


def test_a_late_part_is_named_for_the_reader() -> None:
    assert readable(late_part("B", 2), "sv_SE") == "B (sena svar, omgång 2)"
    assert readable(late_part("B", 3), "en_GB") == "B (late answers, round 3)"
    assert readable("B", "en_GB") == "B"


def test_a_question_nobody_answered_in_a_group_hidden_to_protect_another() -> None:
    # K1's three respondents skipped NPS; K1 is hidden "to protect another group", and so is
    # its NPS, which says the group had enough respondents, not that NPS had answers. Taken
    # as "at least 3 NPS answers" the figures contradicted each other (the total's 3 NPS
    # answers are K2's), and the narrowing of NPS was skipped while the total showed K2's.
    k0 = evaluation("K0", [], invited=2)
    k1 = evaluation("K1", [{"Q1": 1}] * 3, invited=5)
    k2 = evaluation("K2", [{"Q1": 1, "NPS": 0}] * 2 + [{"Q1": 1, "NPS": 7}], invited=5)
    by_cohort, _ = breakdown(
        [k0, k1, k2], by=Dimension.COHORT, audience=Audience(name="HR", minimum=3)
    )
    groups = [by_cohort.total, *by_cohort.groups]
    assert [g.question("NPS").suppression for g in groups] == [
        Suppression.COMPLEMENTARY,
        Suppression.TOO_FEW,
        Suppression.COMPLEMENTARY,
        Suppression.COMPLEMENTARY,
    ]
