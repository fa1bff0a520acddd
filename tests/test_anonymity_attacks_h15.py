"""The second red-team review's attacks (issue 20): the top-two box and the NPS question's mean.

The reviewer published three default breakdowns (program, cohort, unit) of eight cohorts from
one :class:`EvaluationSet` and attacked them with an integer program over everything shown:
per evaluation its respondents, invited and the count of every answer value of each question,
every rounded figure (mean, top-two box, NPS, promoter and detractor shares) as the interval
it rounds from, and the notes beside hidden groups. Before the fix it pinned a hidden cohort:

- through the NPS question's published *mean* (not modelled by the narrowing): two
  respondents, both detractors;
- through the top-two box (whole-percent shares of fewer than 100 answers are exact counts):
  two respondents, both answering 4 or 5.

The attack runs here unchanged against the public API (with HiGHS instead of SciPy), and pins
no hidden group's count, mean or category share.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pendulum
import pytest

from ledarutveckling import (
    DateRange,
    Dimension,
    Evaluation,
    EvaluationSet,
    EvaluationSubject,
    GroupSummary,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)
from ledarutveckling._evaluation.interval_categories import linked, nps_sum
from ledarutveckling._evaluation.interval_pieces import _boxed, _pieces
from ledarutveckling._evaluation.interval_program import Figure, _link
from ledarutveckling._evaluation.statistics import Statistics

highspy: Any = pytest.importorskip("highspy")

MINIMUM = 5
Q1 = Question(code="Q1", text="Värdefullt", scale=Scale.LIKERT_5, level=KirkpatrickLevel(1))
Q4 = Question(code="Q4", text="Rekommendera", scale=Scale.NPS, level=KirkpatrickLevel(1))
CODES = {"Q1": range(1, 6), "Q4": range(11)}


def _evaluation(
    number: int,
    unit: str,
    program: str,
    year: int,
    invited: int,
    rows: Sequence[tuple[int, int]],
    month: int = 5,
) -> Evaluation:
    end = pendulum.date(year, month, 15)
    return Evaluation(
        reference=f"E{number}",
        subject=EvaluationSubject(
            program_code=program,
            cohort=f"{year}:{number}",
            call_off_reference=f"A-{unit}-{year}",
            unit=unit,
        ),
        questions=(Q1, Q4),
        invited=invited,
        collected=DateRange(start=end.subtract(days=20), end=end),
        responses=[
            Response(
                answers={"Q1": a, "Q4": b},
                submitted_at=pendulum.datetime(year, month, 10, tz="Europe/Stockholm"),
            )
            for a, b in rows
        ],
    )


# The reviewer's repro_standalone.py: E6 (hidden, two respondents, both NPS 0).
STANDALONE = [
    _evaluation(0, "Enhet0", "P1", 2025, 6, [(2, 10), (5, 9), (5, 9)]),
    _evaluation(1, "Enhet1", "P1", 2026, 6, [(5, 5), (1, 6), (2, 8), (2, 8), (2, 8), (2, 8)]),
    _evaluation(2, "Enhet2", "P1", 2025, 12, [(2, 1)] * 5 + [(3, 1)] + [(2, 1)] * 3),
    _evaluation(3, "Enhet0", "P1", 2026, 4, [(4, 1), (4, 1), (3, 6)]),
    _evaluation(4, "Enhet1", "P1", 2025, 2, [(1, 6), (2, 5)]),
    _evaluation(5, "Enhet2", "P1", 2026, 11, [(4, 2)] * 9),
    _evaluation(6, "Enhet0", "P2", 2025, 4, [(3, 0), (3, 0)]),
    _evaluation(7, "Enhet1", "P2", 2026, 8, [(5, 0), (5, 0), (5, 0), (2, 10), (5, 0), (5, 0)]),
]


def _made(seed: int, n: int = 8, unanimous: float = 0.3) -> list[Evaluation]:
    """The reviewer's anon.make: random cohorts, each answer the cohort's own with *unanimous*."""
    r = random.Random(seed)
    result = []
    for i in range(n):
        year, unit = 2025 + i % 2, f"Enhet{i % 3}"
        respondents = r.choice([2, 3, 3, 4, 5, 6, 7, 8, 9, 11])
        invited = respondents + r.randint(0, 3)
        month = r.choice([3, 5, 10, 11])
        base1, base4 = r.randint(1, 5), r.randint(0, 10)
        rows = []
        for _ in range(respondents):
            if r.random() < unanimous:
                rows.append((base1, base4))
            else:
                rows.append((r.randint(1, 5), r.randint(0, 10)))
            r.random()  # (the reviewer's comment draw)
        program = "P1" if i < n - 2 else "P2"
        result.append(_evaluation(i, unit, program, year, invited, rows, month))
    return result


def _published(evaluations: Sequence[Evaluation]) -> tuple[EvaluationSet, list[GroupSummary]]:
    board = EvaluationSet(evaluations=evaluations, audience="styrgruppen")
    groups: list[GroupSummary] = []
    for by in (Dimension.PROGRAM, Dimension.COHORT, Dimension.UNIT):
        shown = board.breakdown(by=by)
        groups += [shown.total, *shown.groups]
    return board, groups


# -- the attacker (the reviewer's attack.py, with HiGHS) --------------------------------------


def _build(groups: Sequence[GroupSummary], distributions: bool) -> tuple[Any, Any, Any]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    references = sorted({r for g in groups for r in g.evaluations})
    n = {r: h.addIntegral(lb=0) for r in references}
    invited = {r: h.addIntegral(lb=0) for r in references}
    x = {(c, r, v): h.addIntegral(lb=0) for c, vs in CODES.items() for r in references for v in vs}
    for r in references:
        h.addConstr(n[r] <= invited[r])
        for c, vs in CODES.items():
            h.addConstr(sum(x[c, r, v] for v in vs) <= n[r])
    for g in groups:
        group = tuple(g.evaluations)
        h.addConstr(sum(invited[r] for r in group) == g.invited)
        note = g.note("en_GB") or ""
        if g.respondents is not None:
            h.addConstr(sum(n[r] for r in group) == g.respondents)
        elif "too few" in note:
            h.addConstr(sum(n[r] for r in group) <= MINIMUM - 1)
        elif "protect" in note:
            h.addConstr(sum(n[r] for r in group) >= MINIMUM)
        for c, vs in CODES.items():
            stats = g.question(c).statistics
            if stats is None:
                continue
            k = stats.count

            def of(chosen: Any, group: tuple[str, ...] = group, c: str = c) -> Any:
                return sum(x[c, r, v] for r in group for v in chosen)

            def between(expression: Any, middle: Decimal, half: str, k: int = k) -> None:
                h.addConstr(expression >= float((middle - Decimal(half)) * k) - 1e-7)
                h.addConstr(expression <= float((middle + Decimal(half)) * k) + 1e-7)

            h.addConstr(of(vs) == k)
            between(sum(v * x[c, r, v] for r in group for v in vs), stats.mean, "0.05")
            if stats.top_two_box is not None:
                between(of(list(vs)[-2:]), stats.top_two_box, "0.005")
            if stats.nps is not None:
                between(100 * (of((9, 10)) - of(range(7))), stats.nps, "0.5")
                assert stats.promoter_share is not None
                assert stats.detractor_share is not None
                between(of((9, 10)), stats.promoter_share, "0.005")
                between(of(range(7)), stats.detractor_share, "0.005")
            for value, share in (stats.shares or {}).items() if distributions else ():
                between(of((value,)), share, "0.005")
    return h, n, x


def _range(
    groups: Sequence[GroupSummary], distributions: bool, objective: Any, fixed: Any = None
) -> tuple[int, int] | None:
    ends = []
    for maximise in (False, True):
        h, n, x = _build(groups, distributions)
        if fixed is not None:
            h.addConstr(fixed(n, x))
        (h.maximize if maximise else h.minimize)(objective(n, x))
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        assert status == highspy.HighsModelStatus.kOptimal, status
        ends.append(round(h.getInfo().objective_function_value))
    return ends[0], ends[1]


def attack(groups: Sequence[GroupSummary], *, distributions: bool = False) -> list[Any]:
    """Each hidden group the reader pins, and how.

    A count pinned to one value (that its own invited and note do not say), or for a group
    that could be small, a mean within less than one scale point or a share (top-two box,
    promoters, detractors) within less than 20 percentage points.
    """
    shown = {tuple(g.evaluations) for g in groups if g.respondents is not None}
    own = {}
    for g in groups:
        if g.respondents is None:
            note = g.note("en_GB") or ""
            least = MINIMUM if "protect" in note else 0
            most = min(g.invited, MINIMUM - 1) if "too few" in note else g.invited
            own[tuple(g.evaluations)] = (least, most)
    found: list[Any] = []
    for target in sorted(set(own) - shown):
        counts = _range(groups, distributions, lambda n, x, t=target: sum(n[r] for r in t))
        assert counts is not None
        if counts[0] == counts[1] and own[target][0] != own[target][1]:
            found.append((target, "count", counts))
        if counts[0] >= MINIMUM:
            continue
        for code in CODES:
            parts: dict[str, Any] = {"mean": None}
            if code == "Q1":
                parts["top2"] = (4, 5)
            else:
                parts |= {"promoters": (9, 10), "detractors": tuple(range(7))}

            def answers(x: Any, t: tuple[str, ...] = target, c: str = code) -> Any:
                return sum(x[c, r, v] for r in t for v in CODES[c])

            answered = _range(groups, distributions, lambda n, x: answers(x))
            assert answered is not None
            spans: dict[str, tuple[Fraction, Fraction]] = {}
            for k in range(max(1, answered[0]), answered[1] + 1):
                for name, chosen in parts.items():

                    def aim(
                        n: Any, x: Any, t: Any = target, c: str = code, chosen: Any = chosen
                    ) -> Any:
                        if chosen is None:
                            return sum(v * x[c, r, v] for r in t for v in CODES[c])
                        return sum(x[c, r, v] for r in t for v in chosen)

                    ends = _range(groups, distributions, aim, lambda n, x, k=k: answers(x) == k)
                    if ends is None:
                        continue
                    low, high = Fraction(ends[0], k), Fraction(ends[1], k)
                    was = spans.get(name, (low, high))
                    spans[name] = (min(was[0], low), max(was[1], high))
            for name, (low, high) in spans.items():
                if high - low < (1 if name == "mean" else Fraction(1, 5)):
                    found.append((target, f"{code} {name}", float(low), float(high)))
    return found


# -- the attacks ----------------------------------------------------------------------------


def test_the_nps_questions_mean_pins_no_hidden_cohort() -> None:
    board, groups = _published(STANDALONE)
    assert board.audience.leaks() == []
    assert attack(groups) == []
    assert attack(groups, distributions=True) == []
    hidden = sorted({tuple(g.evaluations) for g in groups if g.respondents is None})
    assert ("E6",) in hidden


def test_the_top_two_box_pins_no_hidden_cohort() -> None:
    evaluations = _made(28, unanimous=0.8)
    truth = {e.reference: len(e.responses) for e in evaluations}
    assert truth["E4"] == 2
    board, groups = _published(evaluations)
    assert board.audience.leaks() == []
    assert attack(groups) == []
    assert ("E4",) in {tuple(g.evaluations) for g in groups if g.respondents is None}


def test_the_distributions_of_groups_of_eight_pin_no_hidden_share() -> None:
    # Before the distributions were modelled (interval_distributions), the shares of every
    # answer value shown for groups of minimum_text left E4 no detractors on the NPS question.
    _, groups = _published(_made(28, unanimous=0.8))
    assert attack(groups, distributions=True) == []


# -- what the narrowing is given --------------------------------------------------------------


def test_the_nps_questions_mean_is_recorded_as_the_sums_it_rounds_from() -> None:
    # 4.6 of 40 answers (185 / 40 = 4.625): sums 182 to 185 (4.55 <= s / 40 < 4.65)
    stats = Statistics.of(Scale.NPS, [0] * 12 + [5] * 13 + [6] * 5 + [9] * 10)
    assert stats.published().mean == Decimal("4.6")
    assert nps_sum(stats) == ("sum:182-185",)
    assert nps_sum(Statistics.of(Scale.NPS, [0, 0])) == ("sum:0-0",)
    assert nps_sum(Statistics.of(Scale.LIKERT_5, [1, 2])) == ()
    record = EvaluationSet(evaluations=STANDALONE, audience="x")
    record.summarise()
    figures = record.audience.publications[0].figures
    assert [c for f in figures for c in f.categories if c.startswith("sum")] == ["sum:126-129"]


def test_the_linked_figure_is_read_from_the_categories_and_fits_its_kind() -> None:
    record = EvaluationSet(evaluations=STANDALONE, audience="x")
    record.summarise()
    figures = list(enumerate(record.audience.publications[0].figures))
    q1 = [(i, f) for i, f in figures if f.measure == "Q1"]
    q4 = [(i, f) for i, f in figures if f.measure == "Q4"]
    assert linked(q1) == ("top2", {1: (19.0, 19.0)})
    assert linked(q4) == ("sum", {2: (126.0, 129.0)})
    assert linked([(i, f) for i, f in figures if f.measure == "respondents"]) is None
    top2, sums = ("top2", {1: (1.0, 2.0)}), ("sum", {1: (1.0, 2.0)})
    assert _link("mean", (1, 5), top2) == top2
    assert _link("nps", (0, 10), sums) == sums
    assert _link("mean", (1, 5), None) is None
    assert _link("mean", (1, 5), ("top2", {})) is None
    assert _link("count", None, top2) is None
    assert _link("mean", (0, 1), top2) is None  # no box of two values below the top
    assert _link("mean", (0, 10), sums) is None  # a sum only on the NPS program
    assert _link("nps", (0, 5), sums) is None


def test_the_cohorts_whose_count_in_the_box_is_exact_are_merged_with_it() -> None:
    # A (6 answers, mean 4.0: a sum of 24; 4 in the box allow 18 to 26) and B (7 answers,
    # mean 3.1: 22; 2 in the box allow 13 to 25) merge into 13 answers summing to 46; C's
    # count in the box is not exact (a share of a large group): left as it is, and so is D,
    # whose box contradicts its mean.
    shown: list[Figure] = [
        (0, ("A",), 6, "4.0"),
        (1, ("B",), 7, "3.1"),
        (2, ("C",), 5, "2.0"),
        (5, ("D",), 2, "1.0"),
        (4, ("A", "B", "C", "D", "H"), 22, "3.1"),
    ]
    box = {0: (4.0, 4.0), 1: (2.0, 2.0), 2: (1.0, 2.0), 5: (2.0, 2.0), 4: (8.0, 8.0)}
    pieces = _pieces(shown, [(3, ("H",), None, None)], [], (1, 5), ("top2", box))
    assert pieces is not None
    assert pieces.shown[0] == (0, ("\x00A",), 13, ("mean", 46.0, 46.0))
    assert pieces.linked == ("top2", {**box, 0: (6.0, 6.0)})
    assert pieces.parts == {0: {0, 1}}
    assert _pieces(shown, [], [], (0, 10), ("sum", box)) is None
    assert _boxed((23.7, 24.0), (4.0, 4.0), 6, (1, 5)) == (23.7, 24.0)
    assert _boxed((23.0, 27.0), (4.0, 4.0), 6, (1, 5)) == (23.0, 26.0)
    assert _boxed((10.0, 12.0), (4.0, 4.0), 6, (1, 5)) is None  # 4 in the box: at least 18
    assert _boxed(None, (4.0, 4.0), 6, (1, 5)) is None
    assert _boxed((18.0, 24.0), None, 6, (1, 5)) is None
    assert _boxed((18.0, 24.0), (3.0, 4.0), 6, (1, 5)) is None
    assert _boxed((18.0, 24.0), (4.0, 4.0), 6, None) is None
