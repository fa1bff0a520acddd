"""Anonymity across publications: every leak of issue 20 reproduced, and none left with an Audience.

Each leak is first shown to exist without a shared record (the figures of two separate
publications, put together, determine a hidden group), then shown to be closed when the same
:class:`Audience` is passed along. An independent attacker (HiGHS, free variables: a hidden
figure is determined exactly when its minimum and maximum under the shown figures agree) checks
every hidden group and every set of evaluations with fewer respondents than the minimum.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    Audience,
    DateRange,
    Dimension,
    Direction,
    Evaluation,
    EvaluationSet,
    EvaluationSubject,
    KirkpatrickLevel,
    Publication,
    Question,
    Response,
    Scale,
    ShownFigure,
    ValidationError,
    breakdown,
    compare_periods,
    summarise,
)
from ledarutveckling._evaluation.figures import RESPONDENTS
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.reports import Document, Table, status_report

Q1 = Question(code="Q1", text="Värdefullt", scale=Scale.LIKERT_5, level=KirkpatrickLevel.REACTION)
NPS = Question(code="NPS", text="Rekommendera", scale=Scale.NPS, level=KirkpatrickLevel.REACTION)
YEAR_2025 = DateRange.from_iso("2025-01-01", "2025-12-31")
YEAR_2026 = DateRange.from_iso("2026-01-01", "2026-12-31")


def evaluation(
    reference: str,
    size: int,
    *,
    cohort: str | None = None,
    unit: str = "U1",
    end: str = "2026-05-29",
    answer: int = 4,
    comment: str | None = None,
    mixed: bool = False,
) -> Evaluation:
    """An evaluation whose *size* respondents all answer *answer* and NPS 9.

    With *mixed*, every second respondent answers 2 and NPS 5 instead, so that no group is
    unanimous (a unanimous group pins the answers of its hidden parts).
    """
    day = pendulum.parse(end).date()  # type: ignore[union-attr]
    period = DateRange(start=day.subtract(days=10), end=day)
    at = pendulum.datetime(day.year, day.month, day.day, 12, tz="Europe/Stockholm")
    return Evaluation(
        reference=reference,
        subject=EvaluationSubject(program_code="SOC-LED", cohort=cohort or reference, unit=unit),
        questions=(Q1, NPS),
        responses=tuple(
            Response(
                answers={"Q1": 2, "NPS": 5} if mixed and i % 2 else {"Q1": answer, "NPS": 9},
                comment=comment if i == 0 else None,
                submitted_at=at,
            )
            for i in range(size)
        ),
        invited=size + 2,
        collected=period,
    )


def combined(*audiences: Audience) -> Audience:
    """What one reader knows who has seen every publication of *audiences*."""
    return Audience(name="reader", publications=[p for a in audiences for p in a.publications])


def determined(audience: Audience, evaluations: Sequence[Evaluation]) -> list[tuple[str, ...]]:
    """The sets of evaluations whose respondents (or answers) HiGHS pins exactly.

    Attacked: every hidden figure, and every set of evaluations with 1 to minimum - 1
    respondents, under every shown figure (free variables: exact determination).
    """
    highspy = pytest.importorskip("highspy")
    truth = {e.reference: e.respondents for e in evaluations}
    figures = [f for p in audience.publications for f in p.figures]
    found = []
    for measure in sorted({f.measure for f in figures}):
        shown = [f for f in figures if f.measure == measure and f.shown]
        targets = {f.evaluations for f in figures if f.measure == measure and not f.shown}
        targets -= {f.evaluations for f in shown}
        references = sorted(truth)
        for size in range(1, len(references) + 1):
            for subset in itertools.combinations(references, size):
                if 0 < sum(truth[r] for r in subset) < audience.minimum:
                    targets.add(subset)
        for target in sorted(targets):
            if not target:
                continue
            bounds = []
            for sense in (1, -1):
                h = highspy.Highs()
                h.setOptionValue("output_flag", False)
                h.setOptionValue("threads", 1)  # as the audit: one HiGHS scheduler per process
                xs = {r: h.addVariable(lb=-highspy.kHighsInf, ub=highspy.kHighsInf) for r in truth}
                for figure in shown:
                    h.addConstr(
                        sum(xs[r] for r in figure.evaluations)
                        == sum(truth[r] for r in figure.evaluations)
                    )
                objective = sum(xs[r] for r in target)
                if sense == 1:
                    h.minimize(objective)
                else:
                    h.maximize(objective)
                if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    break
                bounds.append(h.getInfo().objective_function_value)
            if len(bounds) == 2 and abs(bounds[0] - bounds[1]) < 1e-6:
                found.append(target)
    return found


# -- two groupings ----------------------------------------------------------------------------

FIVE_COHORTS = [
    evaluation("A", 10, unit="U1"),
    evaluation("B", 4, unit="U1", answer=5),
    evaluation("C", 10, unit="U2"),
    evaluation("D", 6, unit="U2"),
    evaluation("E", 9, unit="U3"),
]


def test_two_groupings_leak_without_a_shared_record() -> None:
    _, first = breakdown(FIVE_COHORTS, by=Dimension.COHORT, audience=Audience(name="a"))
    _, second = breakdown(FIVE_COHORTS, by=Dimension.UNIT, audience=Audience(name="b"))
    assert ("B",) in determined(combined(first, second), FIVE_COHORTS)
    assert ("B",) in [f.evaluations for f in combined(first, second).leaks()]


def test_two_groupings_leak_nothing_with_one_audience() -> None:
    board = Audience(name="styrgruppen")
    by_cohort, board = breakdown(FIVE_COHORTS, by=Dimension.COHORT, audience=board)
    by_unit, board = breakdown(FIVE_COHORTS, by=Dimension.UNIT, audience=board)
    assert [(g.key, g.respondents) for g in by_cohort.groups] == [
        ("A", 10),
        ("B", None),
        ("C", 10),
        ("D", None),
        ("E", 9),
    ]
    # U1 = A + B and U2 = C + D would give B and D away: both are hidden, U3 is not.
    assert [(g.key, g.respondents) for g in by_unit.groups] == [
        ("U1", None),
        ("U2", None),
        ("U3", 9),
    ]
    assert by_unit.group("U1").note("en_GB") == "hidden to protect another group"
    assert by_unit.group("U1").question("Q1").statistics is None
    assert board.leaks() == []
    assert determined(board, FIVE_COHORTS) == []


# -- year minus cohort ------------------------------------------------------------------------

YEARS = [
    evaluation("A", 10, end="2025-05-29"),
    evaluation("B", 4, end="2025-11-28", answer=2),
    evaluation("C", 10, end="2026-05-29"),
    evaluation("D", 9, end="2026-11-27"),
]


def test_year_minus_cohort_leaks_without_and_not_with_an_audience() -> None:
    _, first = breakdown(YEARS, by=Dimension.COHORT, audience=Audience(name="a"))
    _, second = breakdown(YEARS, by=Dimension.YEAR, audience=Audience(name="b"))
    assert ("B",) in determined(combined(first, second), YEARS)
    board = Audience(name="HR")
    _, board = breakdown(YEARS, by=Dimension.COHORT, audience=board)
    years, board = breakdown(YEARS, by=Dimension.YEAR, audience=board)
    assert [(g.key, g.respondents) for g in years.groups] == [("2025", None), ("2026", None)]
    assert years.total.respondents == 33
    assert determined(board, YEARS) == []


# -- nested periods ---------------------------------------------------------------------------

NESTED = [
    evaluation("A", 10, end="2026-03-27"),
    evaluation("B", 3, end="2026-05-29", answer=1, comment="Chefen lyssnar inte"),
]


def test_nested_periods_leak_without_and_hide_with_an_audience() -> None:
    _, first = summarise(NESTED[:1], audience=Audience(name="a"))
    _, second = summarise(NESTED, audience=Audience(name="b"))
    assert ("B",) in determined(combined(first, second), NESTED)
    board = Audience(name="ledningsgruppen")
    spring, board = summarise(NESTED[:1], audience=board)
    assert spring.respondents == 10
    year, board = summarise(NESTED, audience=board)
    assert (year.respondents, year.comments) == (None, ())
    assert year.note("en_GB") == "hidden to protect another group"
    assert determined(board, NESTED) == []


def test_figures_shown_elsewhere_make_a_later_publication_refused() -> None:
    board = Audience(name="ledningsgruppen")
    _, outside = summarise(NESTED[:1], audience=Audience(name="x"))
    _, whole = summarise(NESTED, audience=Audience(name="y"))
    board = board.published(attrs.evolve(outside.publications[0], label="mars"))
    board = board.published(attrs.evolve(whole.publications[0], label="maj"))
    with pytest.raises(ValidationError) as error:
        breakdown(NESTED, by=Dimension.COHORT, audience=board)
    problem = error.value.problems[0]
    assert problem.path == "audience"
    assert problem.message == (
        "publiceringen för ledningsgruppen skulle röja den dolda gruppen B (Q1) tillsammans "
        "med det som redan visats: mars; maj"
    )  # every answer is 4 on Q1: B is pinned by subtraction and by the scale alike


def test_nested_periods_hide_the_larger_period_in_a_breakdown() -> None:
    board = Audience(name="ledningsgruppen")
    _, board = summarise(NESTED[:1], audience=board)
    year, board = breakdown(NESTED, by=Dimension.PROGRAM, audience=board)
    assert year.total.respondents is None
    assert year.groups[0].respondents is None
    assert determined(board, NESTED) == []


# -- compare_periods twice --------------------------------------------------------------------

PERIODS = [
    evaluation("A", 10, end="2025-05-29"),
    evaluation("B", 3, end="2025-11-28", answer=1),
    evaluation("C", 12, end="2026-05-29"),
]


def test_compare_periods_twice_leaks_without_and_not_with_an_audience() -> None:
    first_half = DateRange.from_iso("2025-01-01", "2025-06-30")
    _, first = compare_periods(
        PERIODS, before=first_half, after=YEAR_2026, audience=Audience(name="a")
    )
    _, second = compare_periods(
        PERIODS, before=YEAR_2025, after=YEAR_2026, audience=Audience(name="b")
    )
    assert ("B",) in determined(combined(first, second), PERIODS)
    board = Audience(name="nämnden")
    one, board = compare_periods(PERIODS, before=first_half, after=YEAR_2026, audience=board)
    assert one.change("Q1").shown
    two, board = compare_periods(PERIODS, before=YEAR_2025, after=YEAR_2026, audience=board)
    assert two.before.respondents is None
    assert not two.change("Q1").shown
    assert determined(board, PERIODS) == []


# -- comments ---------------------------------------------------------------------------------

COMMENTED = [
    evaluation("A", 9, unit="U1", comment="Bra upplägg", mixed=True),
    evaluation("B", 3, unit="U1", comment="Min chef borde gå", mixed=True),
    evaluation("C", 9, unit="U2", comment="Lagom", mixed=True),
]


def test_comments_need_eight_respondents() -> None:
    assert summarise(COMMENTED[2]).comments == ("Lagom",)
    assert summarise(evaluation("X", 7, comment="Hej")).comments == ()
    assert summarise(evaluation("X", 7, comment="Hej"), minimum=3).comments == ()
    relaxed = Audience(name="HR", minimum=3, minimum_text=3)
    assert summarise(evaluation("X", 3, comment="Hej"), audience=relaxed)[0].comments == ("Hej",)


def test_unit_comments_minus_cohort_comments_leak_nothing() -> None:
    units, board = breakdown(COMMENTED, by=Dimension.UNIT, audience=Audience(name="HR"))
    assert units.group("U1").comments == ("Bra upplägg", "Min chef borde gå")
    cohorts, board = breakdown(COMMENTED, by=Dimension.COHORT, audience=board)
    # A's comments beside U1's would give B's comment away.
    assert cohorts.group("A").comments == ()
    assert cohorts.group("B").comments == ()
    assert board.leaks() == []
    _, first = breakdown(COMMENTED, by=Dimension.UNIT, audience=Audience(name="a"))
    _, second = summarise(COMMENTED[0], audience=Audience(name="b"))
    assert ("B",) in [f.evaluations for f in combined(first, second).leaks()]


# -- the same report on two dates -------------------------------------------------------------

DATED = [
    evaluation("A", 10, end="2026-05-08"),
    evaluation("B", 9, end="2026-05-08"),
    evaluation("C", 4, end="2026-05-15", answer=1),
]


def test_the_same_report_on_two_dates_leaks_nothing() -> None:
    _, first = breakdown(DATED[:2], by=Dimension.COHORT, audience=Audience(name="a"))
    _, second = breakdown(DATED, by=Dimension.COHORT, audience=Audience(name="b"))
    assert ("C",) in determined(combined(first, second), DATED)
    board = Audience(name="styrgruppen")
    week, board = breakdown(DATED[:2], by=Dimension.COHORT, audience=board)
    assert week.total.respondents == 19
    later, board = breakdown(DATED, by=Dimension.COHORT, audience=board)
    assert later.total.respondents is None
    assert determined(board, DATED) == []


# -- the record -------------------------------------------------------------------------------


def test_the_record_is_immutable_and_checked() -> None:
    empty = Audience(name="HR")
    _, after = summarise(FIVE_COHORTS, audience=empty)
    assert empty.publications == ()
    assert [p.label for p in after.publications] == ["summary"]
    figure = after.publications[0].figures[0]
    assert (figure.measure, figure.evaluations, figure.shown, figure.count) == (
        RESPONDENTS,
        ("A", "B", "C", "D", "E"),
        True,
        39,
    )
    with pytest.raises(ValidationError) as error:
        Audience(name=" ", minimum=2, minimum_text=True, publications=["x"])
    assert [p.path for p in error.value.problems] == [
        "name",
        "minimum",
        "minimum_text",
        "publications[0]",
    ]
    with pytest.raises(ValidationError, match="must be an Audience"):
        summarise(FIVE_COHORTS, audience="HR")  # type: ignore[call-overload]


def test_a_refusal_names_the_earlier_publication_in_english() -> None:
    hidden = ShownFigure(measure=RESPONDENTS, group=["B"], evaluations=["B"], shown=False)
    earlier = Publication(
        label="veckorapport 2026-05-04",
        figures=[
            ShownFigure(
                measure=RESPONDENTS, group=["A", "B"], evaluations=["A", "B"], shown=True, count=13
            ),
            ShownFigure(measure=RESPONDENTS, group=["A"], evaluations=["A"], shown=True, count=10),
        ],
    )
    unrelated = Publication(
        label="annat",
        figures=[ShownFigure(measure=RESPONDENTS, group=["Z"], evaluations=["Z"], shown=True)],
    )
    board = Audience(name="HR").published(unrelated).published(earlier)
    with pytest.raises(ValidationError) as error:
        board.audit("veckorapport 2026-05-11", [hidden], locale="en_GB")
    assert str(error.value.problems[0].message) == (
        "the publication for HR would reveal the hidden group B (respondents) together with "
        "what was already shown: veckorapport 2026-05-04"
    )


# -- property: random combinations attacked by an exact solver --------------------------------

KINDS = st.sampled_from(["cohort", "unit", "year", "program", "summary", "periods"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(0, 12), min_size=2, max_size=6),
    units=st.lists(st.sampled_from(["U1", "U2", "U3"]), min_size=6, max_size=6),
    years=st.lists(st.booleans(), min_size=6, max_size=6),
    plan=st.lists(st.tuples(KINDS, st.integers(0, 5)), min_size=1, max_size=4),
)
def test_no_combination_pins_a_hidden_group(
    sizes: list[int], units: list[str], years: list[bool], plan: list[tuple[str, int]]
) -> None:
    found = [
        evaluation(f"E{i}", size, unit=units[i], end="2025-05-29" if years[i] else "2026-05-29")
        for i, size in enumerate(sizes)
    ]
    board = Audience(name="HR")
    refused = []
    for kind, cut in plan:
        subset = found[: max(1, cut)] if kind in {"summary", "program"} else found
        try:
            if kind in {"cohort", "unit", "year", "program"}:
                _, board = breakdown(subset, by=Dimension(kind), audience=board)
            elif kind == "summary":
                _, board = summarise(subset, audience=board)
            else:
                _, board = compare_periods(found, before=YEAR_2025, after=YEAR_2026, audience=board)
        except ValidationError as error:  # refused: nothing shown
            refused.append(error.problems[0].path)
    assert set(refused) <= {"audience"}
    assert board.leaks() == []
    assert determined(board, found) == []


def test_the_weekly_status_report_on_two_days_leaks_nothing() -> None:
    ledger = stockholm_ledger()
    first_day, second_day = pendulum.date(2026, 5, 10), pendulum.date(2026, 5, 16)
    board = Audience(name="styrgruppen")
    first, board = status_report(ledger, on=first_day, evaluations=DATED, audience=board)
    second, board = status_report(ledger, on=second_day, evaluations=DATED, audience=board)
    assert [p.label for p in board.publications] == [
        "status report 2026-05-10, SOC-LED by cohort",
        "status report 2026-05-16, SOC-LED by cohort",
    ]
    totals = [_total_row(first), _total_row(second)]
    assert totals[0][1] == "19 / 23"
    assert totals[1][1] == "dold för att skydda en annan grupp"
    assert determined(board, DATED) == []
    # Without the record, the second day's total gives C's 4 respondents away.
    plain = status_report(ledger, on=second_day, evaluations=DATED)
    assert _total_row(plain)[1] == "23 / 29"


def _total_row(document: Document) -> tuple[str, ...]:
    table = next(b for b in document.sections[-1].blocks if isinstance(b, Table))
    return table.rows[-1]


# -- thresholds ---------------------------------------------------------------------------


def test_the_minimum_for_means_is_five_by_default_and_never_below_three() -> None:
    assert summarise(evaluation("X", 5)).question("Q1").shown
    assert not summarise(evaluation("X", 4)).question("Q1").shown
    relaxed = Audience(name="HR", minimum=3)
    assert summarise(evaluation("X", 3), audience=relaxed)[0].question("NPS").shown
    with pytest.raises(ValidationError, match="must be at least 3"):
        Audience(name="HR", minimum=2)


def test_the_minimum_for_distributions_is_eight_by_default() -> None:
    assert summarise(evaluation("X", 7)).question("Q1").distribution is None
    eight = summarise(evaluation("X", 8)).question("Q1").distribution
    assert eight is not None
    assert dict(eight) == {1: 0, 2: 0, 3: 0, 4: 8, 5: 0}
    looser = Audience(name="HR", minimum_text=5)
    five = summarise(evaluation("X", 5), audience=looser)[0].question("NPS").distribution
    assert five is not None
    assert five[9] == 5
    with pytest.raises(ValidationError) as error:
        Audience(name="HR", minimum=6, minimum_text=5)
    assert [str(p) for p in error.value.problems] == [
        "minimum_text: must be an int of at least minimum (6); 8 by default, got 5"
    ]


# -- the safe default: one set per audience -----------------------------------------------


def test_an_evaluation_set_protects_a_second_breakdown_without_asking() -> None:
    board = EvaluationSet(evaluations=FIVE_COHORTS, audience="styrgruppen")
    assert [g.respondents for g in board.breakdown(by=Dimension.COHORT).groups] == [
        10,
        None,
        10,
        None,
        9,
    ]
    assert [g.respondents for g in board.breakdown(by=Dimension.UNIT).groups] == [None, None, 9]
    assert board.summarise(FIVE_COHORTS[:1]).respondents == 10
    assert board.summarise().respondents == 39
    comparison = board.compare_periods(before=YEAR_2025, after=YEAR_2026)
    assert comparison.before.respondents is None  # nothing was collected in 2025
    assert board.audience.leaks() == []
    assert determined(board.audience, FIVE_COHORTS) == []
    assert len(board.audience.publications) == 5
    kept = EvaluationSet(evaluations=FIVE_COHORTS, audience=board.audience)
    assert kept.audience is board.audience
    with pytest.raises(ValidationError, match="must be an Audience or the audience's name"):
        EvaluationSet(evaluations=FIVE_COHORTS, audience=3)  # type: ignore[arg-type]


def test_three_overlapping_pairs_pin_each_member_exactly() -> None:
    # a = (ab + ac - bc) / 2: the exact arithmetic needs a fraction on the way.
    pairs = [
        ShownFigure(measure=RESPONDENTS, group=pair, evaluations=pair, shown=True, count=count)
        for pair, count in ((["a", "b"], 9), (["a", "c"], 7), (["b", "c"], 8))
    ]
    hidden = ShownFigure(measure=RESPONDENTS, group=["a"], evaluations=["a"], shown=False)
    board = Audience(name="HR").published(Publication(label="pairs", figures=[*pairs, hidden]))
    # a has 4 respondents, b 5 and c 3: c is exposed as well as the hidden a.
    assert [f.evaluations for f in board.leaks()] == [("a",), ("c",)]
    without = Audience(name="HR").published(Publication(label="pairs", figures=pairs))
    assert [f.evaluations for f in without.leaks()] == [("a",), ("c",)]


def _pair(members: list[str], count: int) -> ShownFigure:
    return ShownFigure(
        measure=RESPONDENTS, group=members, evaluations=members, shown=True, count=count
    )


def _chain(length: int, *, union_search: int = 20) -> Audience:
    figures = [_pair([f"e{i:02}", f"e{i + 1:02}"], 10) for i in range(length)]
    return Audience(name="HR", union_search=union_search).published(
        Publication(label="kedja", figures=figures)
    )


def test_unions_are_searched_by_the_rank_of_the_relations_not_the_number_of_cells() -> None:
    # A chain of overlapping pairs of 10 pins no evaluation and no small union.
    assert _chain(4).leaks() == []
    assert _chain(12).leaks() == []
    # Sixteen undetermined cells (more than the ten the first search stopped at): the pairs
    # of e00..e11 add up to 60, the group of them with x and y is 63, so x and y together
    # are 3 respondents, though neither x nor y is pinned (each sits in a pair of 10 too).
    chain = [_pair([f"e{i:02}", f"e{i + 1:02}"], 10) for i in range(11)]
    group = _pair([*(f"e{i:02}" for i in range(12)), "x", "y"], 63)
    figures = [*chain, group, _pair(["x", "z"], 10), _pair(["y", "w"], 10)]
    board = Audience(name="HR").published(Publication(label="nät", figures=figures))
    assert [f.evaluations for f in board.leaks()] == [("x", "y")]


def test_the_union_search_cap_is_an_audience_setting_and_a_refusal_says_it_was_reached() -> None:
    assert Audience(name="HR").union_search == 20
    with pytest.raises(ValidationError) as raised:
        _chain(4, union_search=3).leaks()
    assert str(raised.value) == (
        "audience: publiceringen för HR kan inte granskas: de dolda delarna (antal svar) hänger "
        "ihop genom 4 oberoende samband, fler än union_search = 3 tillåter; dölj fler grupper "
        "eller höj union_search"
    )
    figures = [_pair([f"e{i:02}", f"e{i + 1:02}"], 10) for i in range(4)]
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", union_search=2).audit("kedja", figures, locale="en_GB")
    assert str(raised.value) == (
        "audience: the publication for HR cannot be audited: the hidden parts (respondents) "
        "are tied by 4 independent relations, more than union_search = 2 allows; hide more "
        "groups or raise union_search"
    )
    for bad in (-1, 31, True, 2.0):
        with pytest.raises(ValidationError) as raised:
            Audience(name="HR", union_search=bad)  # type: ignore[arg-type]
        assert raised.value.problems[0].path == "union_search"


def test_summaries_hand_out_only_published_figures() -> None:
    from decimal import Decimal

    from ledarutveckling import PublishedStatistics
    from ledarutveckling.examples import stockholm_evaluations

    total = summarise(stockholm_evaluations())
    q4 = total.question("Q4")
    shown = q4.statistics
    assert isinstance(shown, PublishedStatistics)
    exact = q4.exact_statistics
    assert exact is not None
    assert exact.nps is not None
    assert (exact.nps.promoters, exact.nps.passives, exact.nps.detractors) == (15, 12, 7)
    # 8/34 = 23.53 points, 15/34 = 44.1 %, 7/34 = 20.6 %: to a point and to whole percents.
    assert (shown.count, shown.nps, shown.promoter_share, shown.detractor_share) == (
        34,
        Decimal("24"),
        Decimal("0.44"),
        Decimal("0.21"),
    )
    assert shown.top_two_box is None
    assert shown.format(locale="en_GB") == "NPS +24"
    assert shown.shares is not None
    assert (shown.shares[8], shown.shares[9], shown.shares[10]) == (
        Decimal("0.24"),
        Decimal("0.29"),
        Decimal("0.15"),
    )
    assert sum(shown.shares.values()) == Decimal("1.01")  # rounded shares need not add up
    # A cohort of 7 answers: its mean is shown, its distribution is not (minimum_text 8).
    small = breakdown(stockholm_evaluations(), by=Dimension.COHORT).group("2026:1").question("Q1")
    assert small.statistics is not None
    assert small.statistics.count == 7
    assert small.statistics.shares is None
    level = total.levels[0]
    assert level.statistics.shares is None
    assert level.statistics.mean == Decimal("4.2")
    # The exact figures are in no repr: the repr is how a notebook shows a value.
    assert "exact" not in repr(q4)
    assert "distribution" not in repr(q4)


def test_no_text_shows_a_published_mean_to_more_than_a_tenth() -> None:
    # Three decimals of a shown mean times its count give its exact sum: the shown groups' sums
    # then subtract to the hidden groups' (B and C here: 3 and 4 answers under the minimum 5).
    evaluations = [
        evaluation("A", 16, unit="U1", mixed=True, end="2025-05-29"),
        evaluation("B", 3, unit="U1", answer=5, end="2025-05-29"),
        evaluation("C", 4, unit="U2", answer=5),
        evaluation("D", 18, unit="U2", mixed=True),
    ]
    cohorts = EvaluationSet(evaluations=evaluations, audience="x").breakdown(by=Dimension.COHORT)
    shown = cohorts.group("D")
    change = compare_periods(evaluations, before=YEAR_2025, after=YEAR_2026).change("Q1")
    attempts: dict[str, Callable[[Any], object]] = {
        "Breakdown.lines": lambda places: cohorts.lines(decimals=places),
        "GroupSummary.lines": lambda places: shown.lines(decimals=places),
        "hidden GroupSummary.lines": lambda places: cohorts.group("B").lines(decimals=places),
        "QuestionSummary.format": lambda places: shown.question("Q1").format(decimals=places),
        "Change.format": lambda places: change.format(decimals=places),
        "Change.shown_direction": lambda places: change.shown_direction(decimals=places),
    }
    for name, attempt in attempts.items():
        for places in (2, 6, -1, True, 1.0):
            with pytest.raises(ValidationError) as raised:
                attempt(places)
            (problem,) = raised.value.problems
            assert (problem.path, problem.code) == ("decimals", "published-decimals"), name
    assert str(raised.value) == (
        "decimals: must be 0 or 1: a published mean is shown to a tenth at most, so that no "
        "hidden group's answers can be worked out from it, got 1.0"
    )
    assert shown.question("Q1").format() == "3,0 av 5 (n = 18)"
    assert shown.question("Q1").format(decimals=0) == "3 av 5 (n = 18)"
    assert cohorts.lines()[2] == "  Q1 Värdefullt: 3,3 av 5 (n = 41)"
    assert cohorts.lines(decimals=0)[2] == "  Q1 Värdefullt: 3 av 5 (n = 41)"
    assert (change.format(), change.format(decimals=0)) == ("3,3 → 3,4 (+0,1)", "3 → 3 (0)")
    assert change.shown_direction(decimals=0) is Direction.UNCHANGED


BOUNDED = [
    evaluation("A", 10, unit="U2", mixed=True),
    evaluation("B", 3, unit="U1", answer=5),
    evaluation("C", 3, unit="U1", answer=5),
]


def test_the_scale_bound_alone_pins_the_hidden_parts_of_a_unanimous_group() -> None:
    # B and C (3 respondents each) are hidden, and only their sum is shown (U1, 6): no
    # subtraction gives B or C. But every answer in U1 is 5 on Q1 and 9 on the NPS question,
    # and answers are at most 5 (a top-two box of 100 %, all promoters), so B's and C's
    # answers are pinned by the scale's bound alone.
    _, first = breakdown(BOUNDED, by=Dimension.COHORT, audience=Audience(name="a"))
    _, second = breakdown(BOUNDED, by=Dimension.UNIT, audience=Audience(name="b"))
    unit = second.publications[0].figures
    assert [(f.measure, f.group, f.unanimous) for f in unit if f.group == ("B", "C")] == [
        ("respondents", ("B", "C"), False),
        ("Q1", ("B", "C"), True),
        ("NPS", ("B", "C"), True),
        ("comments", ("B", "C"), False),
    ]
    leaks = [(f.measure, f.evaluations) for f in combined(first, second).leaks()]
    assert leaks == [("NPS", ("B",)), ("NPS", ("C",)), ("Q1", ("B",)), ("Q1", ("C",))]
    # One audience, cohorts first: the total less A is B and C together, a group derived by
    # subtraction whose answers are all 5 (issue 20's "derived unanimous" group). The interval
    # audit hides A's answers; the unit breakdown after it shows U1's respondents only.
    cohorts, board = breakdown(BOUNDED, by=Dimension.COHORT, audience=Audience(name="HR"))
    assert [g.question("Q1").statistics is None for g in cohorts.groups] == [True, True, True]
    units, board = breakdown(BOUNDED, by=Dimension.UNIT, audience=board)
    assert [(g.respondents, g.question("Q1").statistics) for g in units.groups] == [
        (6, None),
        (10, None),
    ]
    assert board.leaks() == []
    # The exact audit alone (no interval check) does the same: it knows the published
    # categories, and the total less A leaves B and C all in the top-two box, all promoters.
    exact = Audience(name="HR", min_mean_width=0, min_share_width=0)
    cohorts, exact = breakdown(BOUNDED, by=Dimension.COHORT, audience=exact)
    assert [g.question("Q1").statistics is None for g in cohorts.groups] == [True, True, True]
    units, exact = breakdown(BOUNDED, by=Dimension.UNIT, audience=exact)
    assert [(g.respondents, g.question("Q1").statistics) for g in units.groups] == [
        (6, None),
        (10, None),
    ]
    assert exact.leaks() == []
    # Shown the other way round, the cohort breakdown is refused: the unit gave B away.
    _, board = breakdown(BOUNDED, by=Dimension.UNIT, audience=Audience(name="HR"))
    with pytest.raises(ValidationError) as raised:
        breakdown(BOUNDED, by=Dimension.COHORT, audience=board)
    assert raised.value.problems[0].message == (
        "publiceringen för HR skulle röja den dolda gruppen B (NPS) tillsammans med det som "
        "redan visats: uppdelningen per beställande enhet"
    )


def test_the_zero_one_search_keeps_only_whole_vectors_of_the_span() -> None:
    from fractions import Fraction

    from ledarutveckling._evaluation.leaks import _echelon, _zero_one_vectors

    # Reduced rows a + c/2 and b + c/2: a alone gives c/2 (not whole),
    # not a whole vector; a with b gives a+b+c.
    half: int | Fraction = Fraction(1, 2)
    rows: list[tuple[int, dict[int, int | Fraction]]] = [(0, {0: 1, 2: half}), (1, {1: 1, 2: half})]
    assert _zero_one_vectors(rows, 3) == [[0, 1, 2]]
    # A row in the span of the earlier ones adds nothing.
    assert _echelon([frozenset({0, 1}), frozenset({1}), frozenset({0})]) == [
        (0, {0: 1}),
        (1, {1: 1}),
    ]
    assert _echelon([frozenset({0, 1}), frozenset({1, 2}), frozenset({0, 2})]) == [
        (0, {0: 1}),
        (1, {1: 1}),
        (2, {2: 1}),
    ]
