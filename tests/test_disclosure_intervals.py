"""Hidden groups pinned narrowly, not only exactly: the interval audit of issue 20.

An attacker of its own (HiGHS through its modelling interface, one variable per evaluation)
bounds a hidden group's respondents, its mean and its NPS shares under every figure shown to an
audience, means and NPS scores taken as rounded, and the tests check that no hidden group that
could have fewer respondents than the minimum is left with fewer possible counts than the
minimum, a mean range under ``min_mean_width`` or a share range under ``min_share_width``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    Audience,
    Dimension,
    Evaluation,
    Publication,
    ShownFigure,
    ValidationError,
    breakdown,
    compare_periods,
    summarise,
)
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.figures import RESPONDENTS
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import from_json, to_json
from tests.test_disclosure import YEAR_2025, YEAR_2026, evaluation

EXACT_ONLY = {"min_mean_width": 0, "min_share_width": 0}
"""An audience that audits exact determination only (the audit before the interval check)."""


def _ranges(
    audience: Audience, measure: str, target: tuple[str, ...]
) -> dict[str, tuple[float, float]]:
    """The attacker: ranges of *target*'s count, and of its mean or shares if it has an answer.

    Linear relaxation, as the library's audit; written from the problem, not from its code.
    """
    highspy = pytest.importorskip("highspy")
    figures = [f for p in audience.publications for f in p.figures if f.measure == measure]
    shown = [f for f in figures if f.shown]
    references = sorted({r for f in figures for r in f.evaluations})
    nps = any((f.figure or "").startswith("NPS") for f in shown)
    result = {}
    for what in ["count", *(["promoters", "detractors"] if nps else ["mean"])]:
        bounds = []
        for maximise in (False, True):
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
            h.setOptionValue("threads", 1)  # as the audit: HiGHS shares one scheduler per process
            ratio = what != "count"
            t = h.addVariable(lb=0 if ratio else 1, ub=1)
            n = {r: h.addVariable(lb=0) for r in references}
            s = {r: h.addVariable(lb=0) for r in references}  # a sum, or the promoters
            d = {r: h.addVariable(lb=0) for r in references}  # the detractors (NPS)
            for r in references:
                if nps:
                    h.addConstr(s[r] + d[r] <= n[r])
                elif measure != RESPONDENTS:
                    h.addConstr(s[r] >= 1 * n[r])
                    h.addConstr(s[r] <= 5 * n[r])
            for f in shown:
                h.addConstr(sum(n[r] for r in f.evaluations) == (f.count or 0) * t)
                if f.figure is None:
                    continue
                if nps:
                    score = float(Decimal(f.figure[3:]))
                    diff = sum(s[r] - d[r] for r in f.evaluations)
                    h.addConstr(diff >= (score - 0.5) / 100 * (f.count or 0) * t)
                    h.addConstr(diff <= (score + 0.5) / 100 * (f.count or 0) * t)
                else:
                    mean = float(Decimal(f.figure))
                    total = sum(s[r] for r in f.evaluations)
                    h.addConstr(total >= (mean - 0.05) * (f.count or 0) * t)
                    h.addConstr(total <= (mean + 0.05) * (f.count or 0) * t)
            if ratio:
                h.addConstr(sum(n[r] for r in target) == 1)
            objective = sum(
                (n if what == "count" else d if what == "detractors" else s)[r] for r in target
            )
            if maximise:
                h.maximize(objective)
            else:
                h.minimize(objective)
            status = h.getModelStatus()
            if status == highspy.HighsModelStatus.kOptimal:
                bounds.append(h.getInfo().objective_function_value)
            elif status == highspy.HighsModelStatus.kInfeasible:
                break
            else:
                bounds.append(math.inf if maximise else -math.inf)
        if len(bounds) == 2:
            result[what] = (bounds[0], bounds[1])
    return result


def pinned(
    audience: Audience, mean_width: float = 1.0, share_width: float = 0.2
) -> list[tuple[str, tuple[str, ...], str]]:
    """Every hidden group the attacker pins below the protection (the defaults)."""
    found = []
    figures = [f for p in audience.publications for f in p.figures if f.measure != "comments"]
    for measure in sorted({f.measure for f in figures}):
        shown = {f.evaluations for f in figures if f.measure == measure and f.shown}
        hidden = {f.evaluations for f in figures if f.measure == measure and not f.shown}
        for target in sorted(hidden - shown - {()}):
            ranges = _ranges(audience, measure, target)
            low, high = ranges["count"]
            if low > audience.minimum - 1 + 1e-6:
                continue
            possible = math.inf if math.isinf(high) else high - low + 1
            if possible < audience.minimum:
                found.append((measure, target, "count"))
                continue
            for what, (low, high) in ranges.items():
                width = 0 if what == "count" else mean_width if what == "mean" else share_width
                if high - low < width - 1e-6:
                    found.append((measure, target, what))
    return found


# -- a group derived by subtraction whose answers are all equal --------------------------------

# Cohort A (5, answers 4 and 2), B and C (3 and 4, every answer 5) in 2025, D (10) in 2026. The
# cohort breakdown hides B and C (too few) and shows A, D and the total. The year breakdown
# shows 2025 (12 respondents, mean 4.3: a sum of 51 to 52.2); less A (mean 3.2 of 5: 15.75 to
# 16.25) it leaves B and C together, seven answers summing to at least 34.75 on a scale that
# ends at 5: all but at most one answered 5. No figure of B or C is determined exactly, but
# B's mean lies between 4.75 and 5.
DERIVED = [
    evaluation("A", 5, mixed=True, end="2025-05-29"),
    evaluation("B", 3, answer=5, end="2025-05-29"),
    evaluation("C", 4, answer=5, end="2025-05-29"),
    evaluation("D", 10, mixed=True, end="2026-05-29"),
]


def test_a_derived_unanimous_group_is_caught() -> None:
    # The exact audit alone knows the published categories: the total less A and D leaves B
    # and C all in the top-two box and all promoters, so it hides A's answers too (it once
    # published them, and the attacker pinned B's mean to 4.75-5 and its shares to 100 %).
    cohorts, exact = breakdown(
        DERIVED, by=Dimension.COHORT, audience=Audience(name="HR", **EXACT_ONLY)
    )
    assert cohorts.group("A").question("Q1").statistics is None
    assert cohorts.group("A").question("NPS").statistics is None
    years, exact = breakdown(DERIVED, by=Dimension.YEAR, audience=exact)
    assert [(g.key, g.question("Q1").format()) for g in years.groups] == [
        ("2025", "4,3 av 5 (n = 12)"),
        ("2026", "3,0 av 5 (n = 10)"),
    ]
    assert exact.leaks() == []
    assert _ranges(exact, "Q1", ("B",))["mean"] == (1.0, 5.0)
    assert pinned(exact) == []
    # With the default protection the cohort breakdown already hides A's answers: its notes
    # say that B and C had fewer than 5 each, so of the seven answers of B and C (the total
    # less A and D) B has 3 or 4, and their sum (at least 33.55) pins B's mean to 4.5-5
    # (tests/test_disclosure_attacks.py). The year breakdown is then shown in full.
    cohorts, board = breakdown(DERIVED, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert cohorts.group("A").question("Q1").statistics is None
    assert board.leaks() == []
    years, board = breakdown(DERIVED, by=Dimension.YEAR, audience=board)
    assert [g.question("Q1").format() for g in years.groups] == [
        "4,3 av 5 (n = 12)",
        "3,0 av 5 (n = 10)",
    ]
    assert pinned(board) == []


def test_a_year_less_a_shown_cohort_is_caught_when_the_year_comes_first() -> None:
    # Years first: 2025 is shown; the cohort breakdown then hides A's answers (2025 less A
    # would give B and C), and shows D's and the total's.
    _, board = breakdown(DERIVED, by=Dimension.YEAR, audience=Audience(name="HR"))
    cohorts, board = breakdown(DERIVED, by=Dimension.COHORT, audience=board)
    hidden = "dold för att skydda en annan grupp"
    assert [(g.key, g.respondents, g.question("Q1").format()) for g in cohorts.groups] == [
        ("A", 5, hidden),
        ("B", None, "för få svar (n < 5)"),
        ("C", None, "för få svar (n < 5)"),
        ("D", 10, "3,0 av 5 (n = 10)"),
    ]
    assert cohorts.total is not None
    assert cohorts.total.question("Q1").format() == "3,7 av 5 (n = 22)"
    assert board.leaks() == []
    assert pinned(board) == []


# -- the thresholds of the interval check ------------------------------------------------------


def _figure(
    measure: str, group: list[str], count: int | None, figure: str | None = None
) -> ShownFigure:
    return ShownFigure(
        measure=measure,
        group=group,
        evaluations=group,
        shown=count is not None,
        count=count,
        figure=figure,
        lowest=None if measure == RESPONDENTS else 1,
        highest=None if measure == RESPONDENTS else 5,
    )


def test_a_count_known_to_fewer_possibilities_than_the_minimum_is_hidden_or_refused() -> None:
    # B and C are hidden with 7 together: B has 0 to 7 respondents, eight possibilities.
    first = Publication(
        label="en",
        figures=[
            _figure(RESPONDENTS, ["B"], None),
            _figure(RESPONDENTS, ["C"], None),
            _figure(RESPONDENTS, ["B", "C"], 7),
        ],
    )
    # B with D shown as 5, D hidden: B has 0 to 5, six possibilities. Enough for a minimum
    # of 5, too few for 7: the audit hides B with D.
    second = [_figure(RESPONDENTS, ["B", "D"], 5), _figure(RESPONDENTS, ["D"], None)]
    hide, _ = Audience(name="HR").published(first).audit("två", second)
    assert hide == frozenset()
    strict = Audience(name="HR", minimum=7, minimum_text=8).published(first)
    hide, _ = strict.audit("två", second)
    assert hide == {(RESPONDENTS, ("B", "D"))}
    exact = Audience(name="HR", minimum=7, minimum_text=8, **EXACT_ONLY).published(first)
    hide, _ = exact.audit("två", second)
    assert hide == frozenset()
    # Shown elsewhere (registered unaudited), it cannot be hidden: a later publication that
    # hides B is refused, naming the publication that bounds B's count (B with D: at most 5).
    shown = strict.published(Publication(label="två", figures=second))
    assert [f.evaluations for f in shown.leaks()] == [("B",), ("C",), ("D",)]
    with pytest.raises(ValidationError) as raised:
        shown.audit("tre", [_figure(RESPONDENTS, ["B"], None)], locale="en_GB")
    assert raised.value.problems[0].message == (
        "the publication for HR would reveal the hidden group B (respondents) together with "
        "what was already shown: två"
    )


def test_a_mean_known_to_within_the_width_is_hidden() -> None:
    # B and C are hidden, their union shows mean 4.8 on 10 answers (sum 47.5 to 48.5). B can
    # have 1 to 9 answers: its mean is at least (47.5 - 5 * 9) / 1 = 2.5, so 2.5 to 5: wide.
    # Shown at 5.0 (sum 49.5 to 50), B's mean is 4.5 to 5: half a point, under 1.0.
    def union(mean: str) -> list[ShownFigure]:
        return [
            _figure("Q1", ["B"], None),
            _figure("Q1", ["C"], None),
            _figure("Q1", ["B", "C"], 10, mean),
        ]

    hide, _ = Audience(name="HR").audit("4.8", union("4.8"))
    assert hide == frozenset()
    hide, _ = Audience(name="HR").audit("5.0", union("5.0"))
    assert hide == {("Q1", ("B", "C"))}
    # Answers are whole: ten answers summing to 49.5-50 sum to 50, so every answer is 5 and B's
    # mean is exactly 5 (the linear relaxation left 4.5 to 5, wider than 0.4: the audit
    # before integer reasoning showed it). No width protects it.
    hide, _ = Audience(name="HR", min_mean_width="0.4").audit("5.0", union("5.0"))
    assert hide == {("Q1", ("B", "C"))}
    hide, _ = Audience(name="HR", min_mean_width="0.1").audit("5.0", union("5.0"))
    assert hide == {("Q1", ("B", "C"))}
    # A width of 2.6 points is more than 4.8 leaves.
    hide, _ = Audience(name="HR", min_mean_width=2.6).audit("4.8", union("4.8"))
    assert hide == {("Q1", ("B", "C"))}


def test_a_share_known_to_within_the_width_is_hidden() -> None:
    # NPS +100 of a union of two hidden groups: every answer a promoter.
    def union(score: str, count: int) -> list[ShownFigure]:
        return [
            _figure("NPS", ["B"], None),
            _figure("NPS", ["C"], None),
            _figure("NPS", ["B", "C"], count, f"NPS {score}"),
        ]

    hide, _ = Audience(name="HR").audit("+100", union("+100", 10))
    assert hide == {("NPS", ("B", "C"))}
    hide, _ = Audience(name="HR").audit("+20", union("+20", 10))
    assert hide == frozenset()
    hide, _ = Audience(name="HR", min_share_width=0, min_mean_width=1).audit(
        "+100", union("+100", 10)
    )
    assert hide == frozenset()


def test_the_widths_are_settings_of_the_audience_checked_and_saved() -> None:
    board = Audience(name="HR")
    assert (board.min_mean_width, board.min_share_width) == (Decimal("1.0"), 20)
    assert Audience(name="HR", min_mean_width=0.5).min_mean_width == Decimal("0.5")
    assert from_json(Audience, to_json(Audience(name="HR", min_mean_width="1.5"))) == Audience(
        name="HR", min_mean_width=Decimal("1.5")
    )
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", min_mean_width=-1, min_share_width=101)
    assert [(p.path, p.message) for p in raised.value.problems] == [
        ("min_mean_width", "must be a number of scale points from 0 to 10; 1.0 by default"),
        ("min_share_width", "must be an int of percentage points from 0 to 100; 20 by default"),
    ]
    with pytest.raises(ValidationError):
        Audience(name="HR", min_mean_width="bred")
    with pytest.raises(ValidationError):
        Audience(name="HR", min_mean_width=[1])
    with pytest.raises(ValidationError):
        Audience(name="HR", min_share_width=True)


# -- property: random combinations attacked for narrowing --------------------------------------

KINDS = st.sampled_from(["cohort", "unit", "year", "summary", "periods"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(0, 12), min_size=2, max_size=5),
    answers=st.lists(st.integers(1, 5), min_size=5, max_size=5),
    mixed=st.lists(st.booleans(), min_size=5, max_size=5),
    units=st.lists(st.sampled_from(["U1", "U2"]), min_size=5, max_size=5),
    years=st.lists(st.booleans(), min_size=5, max_size=5),
    plan=st.lists(st.tuples(KINDS, st.integers(0, 4)), min_size=1, max_size=3),
)
def test_no_combination_pins_a_hidden_group_narrowly(
    sizes: list[int],
    answers: list[int],
    mixed: list[bool],
    units: list[str],
    years: list[bool],
    plan: list[tuple[str, int]],
) -> None:
    found: list[Evaluation] = [
        evaluation(
            f"E{i}",
            size,
            unit=units[i],
            answer=answers[i],
            mixed=mixed[i],
            end="2025-05-29" if years[i] else "2026-05-29",
        )
        for i, size in enumerate(sizes)
    ]
    board = Audience(name="HR")
    refused = []
    for kind, cut in plan:
        subset = found[: max(1, cut)] if kind == "summary" else found
        try:
            if kind in {"cohort", "unit", "year"}:
                _, board = breakdown(subset, by=Dimension(kind), audience=board)
            elif kind == "summary":
                _, board = summarise(subset, audience=board)
            else:
                _, board = compare_periods(found, before=YEAR_2025, after=YEAR_2026, audience=board)
        except ValidationError as error:  # refused: nothing shown
            refused.append(error.problems[0].path)
    assert set(refused) <= {"audience"}
    assert board.leaks() == []
    assert pinned(board) == []


def test_an_audit_the_solver_could_not_finish_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from ledarutveckling._evaluation import (
        interval_distributions,
        interval_program,
        interval_ranges,
    )

    made = interval_ranges._Model.__init__

    def hurried(
        self: interval_ranges._Model,
        shown: Sequence[interval_program.Figure],
        scale: tuple[int, int] | None,
        bounds: Sequence[interval_program.Bound] = (),
        linked: interval_program.Linked | None = None,
        values: interval_distributions.Distributions | None = None,
    ) -> None:
        made(self, shown, scale, bounds, linked, values)
        self.h.setOptionValue("time_limit", 0.0)

    monkeypatch.setattr(interval_ranges._Model, "__init__", hurried)
    figures = [
        _figure("Q1", ["B"], None),
        _figure("Q1", ["C"], None),
        _figure("Q1", ["B", "C"], 10, "4.8"),
    ]
    board = Audience(name="HR")
    with pytest.raises(ValidationError) as raised:
        board.audit("snabb", figures, locale="en_GB")
    assert raised.value.problems[0].message == (
        "the publication for HR cannot be audited: the solver HiGHS gave no answer "
        "(HighsModelStatus.kTimeLimit); nothing is shown"
    )
    problem = raised.value.problems[0]
    assert (problem.code, problem.params) == (
        ProblemCode.AUDIENCE_UNAUDITED,
        {"audience": "HR", "status": "HighsModelStatus.kTimeLimit"},
    )
    assert format_problem(problem, locale="en_GB") == (
        "the publication for HR cannot be audited: the solver HiGHS gave no answer "
        "(HighsModelStatus.kTimeLimit); nothing is shown"
    )
    with pytest.raises(ValidationError):
        board.published(Publication(label="snabb", figures=figures)).leaks()


def test_the_programs_handle_unbounded_inconsistent_and_unreadable_figures() -> None:
    from ledarutveckling._evaluation.intervals import Widths, narrowed
    from ledarutveckling._evaluation.late_answers import RecordDisagreesError

    widths = Widths(minimum=5, mean=1.0, share=0.2)
    # A shown figure without a count (registered by hand) bounds nothing: B is unbounded.
    assert narrowed([(0, ("B", "C"), None, None)], [(1, ("B",), None, None)], widths, None) == []
    # Figures that contradict each other (B and C 7, B 9, C 0): no program is feasible, and
    # the check refuses rather than pass over it (the audit then refuses the publication).
    inconsistent = [(0, ("B", "C"), 7, None), (1, ("B",), 9, None), (2, ("C",), 0, None)]
    with pytest.raises(RecordDisagreesError):
        narrowed(inconsistent, [(3, ("B",), None, None)], widths, None)
    # The same under what is published of hidden groups: 8 answers of 3 and 3 invited.
    invited = [(1, ("A",), 3, None, None), (2, ("B",), 3, None, None)]
    with pytest.raises(RecordDisagreesError):
        narrowed(
            [(0, ("A", "B"), 8, None)], [(2, ("B",), None, None)], widths, None, bounds=invited
        )
    # A group with an evaluation that nothing shown or published covers is unbounded.
    assert narrowed([(0, ("B", "C"), 10, None)], [(1, ("B", "X"), None, None)], widths, None) == []
    # Published bounds: B (3 invited, "n < 5") beside A (5 invited) in a total of 8 has 3
    # exactly; a group whose own note says it is empty has nothing to tell.
    total = [(0, ("A", "B"), 8, None)]
    bounds = [(1, ("A",), 5, None, None), (2, ("B",), 3, None, 4)]
    found = narrowed(total, [(2, ("B",), None, None)], widths, None, bounds=bounds)
    assert [(n.index, n.what, n.low, n.high) for n in found] == [(2, "count", 3.0, 3.0)]
    empty = [(3, ("C",), None, None, 0)]
    pair = [(0, ("B", "C"), 5, None)]
    assert narrowed(pair, [(3, ("C",), None, None)], widths, None, bounds=empty) == []
    # A figure that is not a rounded mean or NPS adds only its count.
    assert narrowed([(0, ("B", "C"), 10, "–")], [(1, ("B",), None, None)], widths, (1, 5)) == []
    # The first group found is enough when asked for the first.
    union = [(0, ("B", "C"), 10, "5.0")]
    targets = [(1, ("B",), None, None), (2, ("C",), None, None)]
    found = narrowed(union, targets, widths, (1, 5), first=True)
    assert [(n.index, n.what, n.low, round(n.high, 9), n.used) for n in found] == [
        (1, "mean", 5.0, 5.0, frozenset({0}))  # whole answers: 4.5 in the relaxation
    ]
    assert [n.index for n in narrowed(union, targets, widths, (1, 5))] == [1, 2]


def test_without_highspy_the_check_names_the_extra_and_widths_of_zero_skip_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "highspy", None)  # as if not installed
    with pytest.raises(ImportError) as raised:
        breakdown(DERIVED, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert str(raised.value) == (
        "the anonymity audit (Audience) needs highspy, which is not installed; install it with "
        "pip install 'ledarutveckling[rollout]'"
    )
    cohorts, _ = breakdown(DERIVED, by=Dimension.COHORT, audience=Audience(name="HR", **EXACT_ONLY))
    assert [g.respondents for g in cohorts.groups] == [5, None, None, 10]


# -- a report that differs too little from one the audience has ------------------------------


def test_a_report_differing_by_a_few_late_answers_is_refused() -> None:
    # The same cohorts a week later: A has two late answers (12 instead of 10). Shown again,
    # A's figures less last week's would give the two late answers.
    before = [evaluation("A", 10, mixed=True), evaluation("B", 9, mixed=True)]
    late = [evaluation("A", 12, mixed=True), evaluation("B", 9, mixed=True)]
    _, board = breakdown(before, by=Dimension.COHORT, audience=Audience(name="HR"))
    with pytest.raises(ValidationError) as raised:
        breakdown(late, by=Dimension.COHORT, audience=board)
    problem = raised.value.problems[0]
    assert (problem.path, problem.code) == ("audience", ProblemCode.AUDIENCE_DIFFERS_TOO_LITTLE)
    assert problem.message == (
        "publiceringen för HR skiljer sig för lite från uppdelningen per kohort: antalet svar "
        "för A (antal svar) skiljer sig med färre än 5, så de nya svaren kan räknas ut"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the publication for HR differs too little from the breakdown by cohort: the number of "
        "answers for A differs by fewer than 5, so the new answers can be worked out"
    )
    # Five late answers would do for the means, but the comments need eight.
    with pytest.raises(ValidationError) as raised:
        breakdown(
            [evaluation("A", 15, mixed=True), evaluation("B", 9, mixed=True)],
            by=Dimension.COHORT,
            audience=board,
        )
    assert (
        "antalet svar för A (kommentarer) skiljer sig med färre än 8"
        in raised.value.problems[0].message
    )
    # Eight late answers are a group of their own: shown.
    later = [evaluation("A", 18, mixed=True), evaluation("B", 9, mixed=True)]
    cohorts, board = breakdown(later, by=Dimension.COHORT, audience=board)
    assert [g.respondents for g in cohorts.groups] == [18, 9]
    # Unchanged figures are no difference.
    _, board = breakdown(later, by=Dimension.COHORT, audience=board)
    assert len(board.publications) == 3


def test_whole_answers_narrow_a_mean_that_the_relaxation_leaves_wide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledarutveckling._evaluation import interval_ranges
    from ledarutveckling._evaluation.intervals import Widths, narrowed

    # A and C: 6 answers, mean 4.7 (a sum of 28 in whole numbers); B and C: 5 answers, mean
    # 4.8 (24). So A has one answer more than B and 4 points more. With B empty A is one
    # answer of 4; else C (5 - n_B answers, at most 5 each) must make up 24 less B's sum,
    # which pins B near 5 and A from 4.0 to 4.8 (n_B = 4: 23 or 24 of 5). The relaxation lets
    # B have part of an answer and leaves A wider than a point; the audit before this
    # published it.
    shown = [(10, ("A", "C"), 6, "4.7"), (11, ("B", "C"), 5, "4.8")]
    targets = [(0, ("A",), None, None), (1, ("B",), None, None), (2, ("C",), None, None)]
    widths = Widths(minimum=5, mean=1.0, share=0.2)
    found = narrowed(shown, targets, widths, (1, 5))
    assert [(n.index, n.what, n.low, n.high) for n in found] == [(0, "mean", 4.0, 4.8)]
    monkeypatch.setattr(interval_ranges._Model, "_whole", lambda self: True)  # the relaxation
    assert narrowed(shown, targets, widths, (1, 5)) == []
    monkeypatch.undo()
    figures = [
        _figure("Q1", ["A"], None),
        _figure("Q1", ["B"], None),
        _figure("Q1", ["C"], None),
        _figure("Q1", ["A", "C"], 6, "4.7"),
        _figure("Q1", ["B", "C"], 5, "4.8"),
    ]
    hide, _ = Audience(name="HR").audit("heltal", figures)
    assert hide == {("Q1", ("B", "C"))}


def test_a_ratio_is_settled_from_whichever_end_is_whole() -> None:
    from ledarutveckling._evaluation.intervals import Widths, narrowed

    widths = Widths(minimum=5, mean=1.0, share=0.2)
    targets = [(0, ("A",), None, None), (1, ("B",), None, None), (2, ("C",), None, None)]
    # Wide in whole numbers too: found by two whole solutions a point apart, from either end.
    for shown in (
        [(10, ("A", "C"), 12, "3.5"), (11, ("A", "B"), 9, "4.0")],
        [(10, ("B", "C"), 8, "2.6"), (11, ("A", "C"), 9, "3.9")],
    ):
        assert narrowed(shown, targets, widths, (1, 5)) == []
