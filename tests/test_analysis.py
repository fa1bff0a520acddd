"""Analysis: statistics by hand, NPS by its definition, t values, breakdowns, changes, ROI."""

import math
import pickle
import statistics
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pendulum
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    LOWEST_MINIMUM_RESPONDENTS,
    MINIMUM_RESPONDENTS,
    Audience,
    DateRange,
    Dimension,
    Direction,
    Evaluation,
    EvaluationSubject,
    KirkpatrickLevel,
    Magnitude,
    Money,
    NetPromoterScore,
    NotFoundError,
    Question,
    Response,
    ReturnOnInvestment,
    Scale,
    Statistics,
    Suppression,
    ValidationError,
    breakdown,
    compare,
    compare_periods,
    summarise,
    t_critical_95,
)
from ledarutveckling._evaluation.anonymity import _protect

TINY = Decimal("1e-25")
AT = pendulum.datetime(2026, 5, 20, 14, tz="Europe/Stockholm")
PERIOD = DateRange.from_iso("2026-05-18", "2026-05-29")
Q1 = Question(code="Q1", text="Värdefullt", scale=Scale.LIKERT_5, level=KirkpatrickLevel.REACTION)
Q2 = Question(code="Q2", text="Verktyg", scale=Scale.LIKERT_5, level=KirkpatrickLevel.LEARNING)
NPS = Question(code="NPS", text="Rekommendera", scale=Scale.NPS, level=KirkpatrickLevel.REACTION)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


def make(
    reference: str,
    rows: Sequence[dict[str, int | None]],
    *,
    cohort: str = "K1",
    unit: str | None = None,
    questions: Sequence[Question] = (Q1, Q2, NPS),
    period: DateRange = PERIOD,
    comments: Sequence[str | None] = (),
) -> Evaluation:
    at = pendulum.datetime(
        period.start.year, period.start.month, period.start.day, 12, tz="Europe/Stockholm"
    )
    texts = list(comments) + [None] * len(rows)
    return Evaluation(
        reference=reference,
        subject=EvaluationSubject(program_code="SOC-LED", cohort=cohort, unit=unit),
        questions=tuple(questions),
        responses=tuple(
            Response(answers=row, comment=texts[i], submitted_at=at) for i, row in enumerate(rows)
        ),
        invited=len(rows) + 2,
        collected=period,
    )


def rows(q1: Sequence[int], nps: Sequence[int] | None = None) -> list[dict[str, int | None]]:
    nps = nps if nps is not None else [9] * len(q1)
    return [{"Q1": a, "Q2": a, "NPS": b} for a, b in zip(q1, nps, strict=True)]


# -- t critical values ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("df", "expected"),
    [
        # NIST/SEMATECH e-Handbook 1.3.6.7.2, column 0.975 (two-sided 95 %).
        (1, "12.706"),
        (2, "4.303"),
        (5, "2.571"),
        (10, "2.228"),
        (20, "2.086"),
        (29, "2.045"),
        (30, "2.042"),
    ],
)
def test_t_values_up_to_30_degrees_of_freedom_are_nists(df: int, expected: str) -> None:
    assert t_critical_95(df) == Decimal(expected)


def test_t_values_for_one_and_two_degrees_match_their_closed_forms() -> None:
    # df 1 is the Cauchy distribution: t = tan(pi * (0.975 - 0.5)).
    assert abs(float(t_critical_95(1)) - math.tan(math.pi * 0.475)) < 0.0005
    # df 2: t = (2p - 1) / sqrt(2p(1 - p)) with p = 0.975.
    assert abs(float(t_critical_95(2)) - 0.95 / math.sqrt(2 * 0.975 * 0.025)) < 0.0005


@pytest.mark.parametrize(
    ("df", "expected"),
    [
        # NIST's table beyond 30, and the limit (the normal quantile, 1.95996...).
        (31, "2.040"),
        (40, "2.021"),
        (50, "2.009"),
        (60, "2.000"),
        (100, "1.984"),
        (120, "1.980"),
    ],
)
def test_t_values_above_30_agree_with_nist_to_three_decimals(df: int, expected: str) -> None:
    assert abs(t_critical_95(df) - Decimal(expected)) <= Decimal("0.0005")


def test_t_values_tend_to_the_normal_quantile() -> None:
    z = Decimal(repr(statistics.NormalDist().inv_cdf(0.975)))
    assert Decimal(0) < t_critical_95(10**6) - z < Decimal("0.00001")


@given(st.integers(min_value=1, max_value=500))
def test_t_values_fall_as_the_degrees_of_freedom_grow(df: int) -> None:
    assert t_critical_95(df) > t_critical_95(df + 1)


@pytest.mark.parametrize("df", [0, -1, True, 2.0])
def test_t_values_need_a_positive_int(df: object) -> None:
    with pytest.raises(ValidationError) as error:
        t_critical_95(df)  # type: ignore[arg-type]
    assert problems(error) == [f"df: must be an int of at least 1, got {df!r}"]


# -- statistics computed by hand ----------------------------------------------------------

HAND = [5, 4, 4, 5, 3, 5, 4]  # n 7, sum 30, sum of squares 132


def test_mean_median_and_counts_by_hand() -> None:
    stats = Statistics.of(Scale.LIKERT_5, HAND)
    assert (stats.count, stats.total, stats.sum_of_squares) == (7, 30, 132)
    assert abs(stats.mean - Decimal(30) / Decimal(7)) < TINY
    assert stats.median == Decimal(4)
    assert stats.distribution == {1: 0, 2: 0, 3: 1, 4: 3, 5: 3}


def test_variance_and_standard_deviation_by_hand() -> None:
    # (7 * 132 - 30**2) / (7 * 6) = 24 / 42 = 4 / 7
    stats = Statistics.of(Scale.LIKERT_5, HAND)
    assert abs(stats.variance - Decimal(4) / Decimal(7)) < TINY  # type: ignore[operator]
    assert abs(stats.stdev - (Decimal(4) / Decimal(7)).sqrt()) < TINY  # type: ignore[operator]
    assert abs(float(stats.stdev or 0) - statistics.stdev(HAND)) < 1e-12


def test_confidence_interval_by_hand() -> None:
    # s / sqrt(n) = sqrt(4/7 / 7) = 2/7; t(6) = 2.447; half-width = 4.894 / 7.
    interval = Statistics.of(Scale.LIKERT_5, HAND).confidence_interval
    assert interval is not None
    low, high = interval
    assert abs(low - Decimal("25.106") / 7) < TINY
    assert abs(high - Decimal("34.894") / 7) < TINY


def test_top_two_box_by_hand() -> None:
    assert abs(Statistics.of(Scale.LIKERT_5, HAND).top_two_box - Decimal(6) / 7) < TINY
    assert Statistics.of(Scale.LIKERT_7, [7, 6, 5, 1]).top_two_box == Decimal("0.5")


@pytest.mark.parametrize(
    ("answers", "median"),
    [([1, 2, 4, 5], "3"), ([4, 5], "4.5"), ([3], "3"), ([1, 1, 5], "1"), ([2, 2, 3, 5, 5], "3")],
)
def test_median_takes_the_middle_or_the_mean_of_the_two_middles(
    answers: list[int], median: str
) -> None:
    assert Statistics.of(Scale.LIKERT_5, answers).median == Decimal(median)


def test_a_single_answer_has_no_spread_and_no_interval() -> None:
    stats = Statistics.of(Scale.LIKERT_5, [4])
    assert (stats.variance, stats.stdev, stats.confidence_interval) == (None, None, None)
    assert stats.format_interval() is None


def test_equal_answers_have_zero_spread_and_a_point_interval() -> None:
    stats = Statistics.of(Scale.LIKERT_5, [4, 4, 4])
    assert stats.stdev == 0
    assert stats.confidence_interval == (Decimal(4), Decimal(4))


def test_shares_of_each_value() -> None:
    stats = Statistics.of(Scale.LIKERT_5, [5, 5, 4, 1])
    assert stats.shares == {
        1: Decimal("0.25"),
        2: Decimal(0),
        3: Decimal(0),
        4: Decimal("0.25"),
        5: Decimal("0.5"),
    }


def test_a_share_of_a_value_off_the_scale_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Statistics.of(Scale.LIKERT_5, [5]).share(0)
    assert problems(error) == ["value: must be on the likert_5 scale, got 0"]


def test_statistics_of_answers_off_the_scale_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Statistics.of(Scale.LIKERT_5, [5, 6])
    assert problems(error) == ["answers[1]: must be an int from 1 to 5, got 6"]
    with pytest.raises(ValidationError):
        Statistics.of(Scale.NPS, [True])


def test_statistics_need_at_least_one_answer() -> None:
    with pytest.raises(ValidationError) as error:
        Statistics.of(Scale.LIKERT_5, [])
    assert problems(error) == [
        "distribution: must count at least one answer, got {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}"
    ]


def test_a_distribution_must_cover_exactly_the_scale() -> None:
    with pytest.raises(ValidationError) as error:
        Statistics(scale=Scale.LIKERT_5, distribution={1: 1})
    assert problems(error) == ["distribution: must have exactly the keys 1 to 5, got {1: 1}"]
    with pytest.raises(ValidationError) as error:
        Statistics(scale=Scale.LIKERT_5, distribution={1: -1, 2: 0, 3: 0, 4: 0, 5: 1})
    assert problems(error) == ["distribution[1]: must be at least 0, got -1"]
    with pytest.raises(ValidationError) as error:
        Statistics(scale="nps", distribution={})  # type: ignore[arg-type]
    assert problems(error) == ["scale: must be a Scale ('likert_5', 'likert_7', 'nps'), got 'nps'"]
    with pytest.raises(ValidationError) as error:
        Statistics(scale=Scale.NPS, distribution=[1])  # type: ignore[arg-type]
    assert problems(error) == ["distribution: must map each scale value to a count, got [1]"]


@pytest.mark.parametrize("scale", ["likert_5", 5, None])
def test_counting_answers_needs_a_scale(scale: object) -> None:
    with pytest.raises(ValidationError) as error:
        Statistics.of(scale, [4])  # type: ignore[arg-type]
    assert problems(error) == [
        f"scale: must be a Scale ('likert_5', 'likert_7', 'nps'), got {scale!r}"
    ]


def test_pooling_adds_the_distributions() -> None:
    pooled = Statistics.of(Scale.LIKERT_5, [5, 4]).pooled(Statistics.of(Scale.LIKERT_5, [1]))
    assert pooled == Statistics.of(Scale.LIKERT_5, [1, 4, 5])
    with pytest.raises(ValidationError) as error:
        pooled.pooled(Statistics.of(Scale.NPS, [1]))
    assert problems(error) == ["other.scale: must be likert_5 to pool, got 'nps'"]


def test_statistics_and_summaries_survive_pickling() -> None:
    from ledarutveckling.examples import stockholm_evaluations

    stats = Statistics.of(Scale.LIKERT_5, [5, 4, 4])
    assert pickle.loads(pickle.dumps(stats)) == stats
    report = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
    assert pickle.loads(pickle.dumps(report)) == report


# -- NPS by the published definition ------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "promoters", "passives", "detractors", "score"),
    [
        # Promoters 9-10, passives 7-8, detractors 0-6 (Reichheld 2003).
        ([9, 10, 7, 8, 6, 0], 2, 2, 2, "0"),
        ([10] * 6 + [8] * 3 + [3], 6, 3, 1, "50"),
        ([6, 6, 6, 7], 0, 1, 3, "-75"),
        ([10, 10], 2, 0, 0, "100"),
        ([0, 6], 0, 0, 2, "-100"),
    ],
)
def test_nps_follows_the_published_definition(
    answers: list[int], promoters: int, passives: int, detractors: int, score: str
) -> None:
    nps = NetPromoterScore.of(answers)
    assert (nps.promoters, nps.passives, nps.detractors) == (promoters, passives, detractors)
    assert nps.score == Decimal(score)


def test_nps_shares_by_hand() -> None:
    nps = NetPromoterScore(promoters=6, passives=3, detractors=1)
    assert (nps.promoter_share, nps.passive_share, nps.detractor_share) == (
        Decimal("0.6"),
        Decimal("0.3"),
        Decimal("0.1"),
    )


def test_nps_needs_counts_and_an_answer() -> None:
    with pytest.raises(ValidationError) as error:
        NetPromoterScore(promoters=-1, passives=0, detractors="2")  # type: ignore[arg-type]
    assert problems(error) == [
        "promoters: must be at least 0, got -1",
        "detractors: must be a whole number (int), got '2'",
    ]
    with pytest.raises(ValidationError) as error:
        NetPromoterScore(promoters=0, passives=0, detractors=0)
    assert problems(error) == ["promoters: there must be at least one answer, got 0"]


def test_only_the_nps_scale_has_an_nps() -> None:
    assert Statistics.of(Scale.LIKERT_5, [5]).nps is None


# -- rendering in Swedish and English ------------------------------------------------------


def test_a_mean_renders_as_out_of_the_scales_maximum() -> None:
    stats = Statistics.of(Scale.LIKERT_5, HAND)  # 4.2857...
    assert stats.format() == "4,3 av 5"
    assert stats.format(locale="en_GB") == "4.3 out of 5"
    assert stats.format_mean(decimals=2) == "4,29 av 5"
    assert Statistics.of(Scale.LIKERT_7, [6, 5]).format() == "5,5 av 7"


def test_a_mean_is_rounded_half_up() -> None:
    assert Statistics.of(Scale.LIKERT_5, [4, 4, 4, 5]).format_mean(decimals=1) == "4,3 av 5"
    assert Statistics.of(Scale.LIKERT_5, [4, 4, 4, 5]).format_mean(decimals=2) == "4,25 av 5"


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        ((42, 58, 0), "NPS +42"),
        ((0, 88, 12), "NPS \N{MINUS SIGN}12"),
        ((1, 1, 1), "NPS 0"),
        ((100, 0, 0), "NPS +100"),
        ((0, 0, 7), "NPS \N{MINUS SIGN}100"),
        ((1, 0, 1), "NPS 0"),
        ((3, 0, 997), "NPS \N{MINUS SIGN}99"),  # -99.4 rounds to -99
        ((5, 990, 0), "NPS +1"),  # +0.5 rounds half up to +1
    ],
)
def test_nps_renders_with_its_sign(counts: tuple[int, int, int], text: str) -> None:
    nps = NetPromoterScore(promoters=counts[0], passives=counts[1], detractors=counts[2])
    assert nps.format() == text
    assert nps.format("en_GB") == text.replace("\N{MINUS SIGN}", "-")  # CLDR: hyphen-minus


def test_statistics_on_the_nps_scale_render_as_nps() -> None:
    assert Statistics.of(Scale.NPS, [10, 9, 9, 8, 6, 10, 7]).format() == "NPS +43"


def test_a_confidence_interval_renders_in_swedish_and_english() -> None:
    stats = Statistics.of(Scale.LIKERT_5, HAND)  # 3.5866 to 4.9849
    assert stats.format_interval() == "95\xa0% KI 3,6–5,0"
    assert stats.format_interval(locale="en_GB", decimals=2) == "95% CI 3.59–4.98"


# -- properties ------------------------------------------------------------------------------

scales = st.sampled_from(list(Scale))


@st.composite
def answer_lists(draw: st.DrawFn) -> tuple[Scale, list[int]]:
    scale = draw(scales)
    values = st.integers(min_value=scale.minimum, max_value=scale.maximum)
    return scale, draw(st.lists(values, min_size=1, max_size=60))


@given(answer_lists())
def test_shares_sum_to_one(case: tuple[Scale, list[int]]) -> None:
    scale, answers = case
    stats = Statistics.of(scale, answers)
    assert abs(sum(stats.shares.values(), Decimal(0)) - 1) < TINY
    if stats.nps is not None:
        nps = stats.nps
        assert abs(nps.promoter_share + nps.passive_share + nps.detractor_share - 1) < TINY


@given(st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200))
def test_nps_lies_within_its_bounds_and_matches_the_definition(answers: list[int]) -> None:
    nps = NetPromoterScore.of(answers)
    assert Decimal(-100) <= nps.score <= Decimal(100)
    promoters = sum(1 for a in answers if a >= 9)
    detractors = sum(1 for a in answers if a <= 6)
    exact = Fraction(100 * (promoters - detractors), len(answers))
    assert abs(Fraction(nps.score) - exact) < Fraction(1, 10**24)


@given(answer_lists())
def test_statistics_agree_with_the_standard_library(case: tuple[Scale, list[int]]) -> None:
    scale, answers = case
    stats = Statistics.of(scale, answers)
    assert abs(float(stats.mean) - statistics.fmean(answers)) < 1e-9
    assert float(stats.median) == statistics.median(answers)
    assert min(answers) <= stats.mean <= max(answers)
    if len(answers) > 1:
        assert abs(float(stats.stdev or 0) - statistics.stdev(answers)) < 1e-9
        low, high = stats.confidence_interval or (Decimal(0), Decimal(0))
        assert low <= stats.mean <= high


# -- grouping and the minimum --------------------------------------------------------------


def test_summarise_one_evaluation() -> None:
    one = make("E1", rows([5, 4, 4, 5, 3]), comments=["Bra", "Aha"])
    summary = summarise(one)
    assert summary.shown
    assert (summary.respondents, summary.invited, summary.key) == (5, 7, None)
    assert summary.response_rate == Decimal(5) / Decimal(7)
    assert summary.comments == ()  # comments need 8 respondents
    assert summarise(one, minimum=3).comments == ()
    assert summarise(one, audience=Audience(name="HR", minimum_text=5))[0].comments == (
        "Aha",
        "Bra",
    )
    q1 = summary.question("Q1")
    assert q1.answered == 5
    assert q1.response_rate == Decimal(5) / Decimal(7)
    assert q1.exact_statistics == Statistics.of(Scale.LIKERT_5, [5, 4, 4, 5, 3])
    with pytest.raises(NotFoundError) as error:
        summary.question("Q9")
    assert isinstance(error.value, KeyError)
    assert problems(error) == ["code: was not asked in this group (codes: Q1, Q2, NPS), got 'Q9'"]


def test_a_group_below_the_minimum_shows_no_figure_and_no_comment() -> None:
    summary = summarise(make("E1", rows([5, 4, 4, 5]), comments=["Min kommentar"]))
    assert not summary.shown
    assert summary.respondents is None
    assert summary.response_rate is None
    assert summary.comments == ()
    assert all(q.statistics is None for q in summary.questions)
    assert summary.note() == "för få svar (n < 5)"
    assert summary.note("en_GB") == "too few responses (n < 5)"
    assert summary.lines() == ["för få svar (n < 5)"]
    assert summary.question("Q1").format() == "för få svar (n < 5)"
    assert summary.levels == ()


def test_the_minimum_is_configurable_and_the_message_follows_it() -> None:
    four = make("E1", rows([5, 4, 4, 5]))
    assert summarise(four, minimum=4).respondents == 4
    assert summarise(four, minimum=6).note() == "för få svar (n < 6)"
    assert summarise(four, minimum=6).note("en_GB") == "too few responses (n < 6)"


def test_the_default_minimum_is_five_and_the_lowest_is_three() -> None:
    assert (MINIMUM_RESPONDENTS, LOWEST_MINIMUM_RESPONDENTS) == (5, 3)
    assert summarise(make("E1", rows([5, 4, 4])), minimum=3).shown


@pytest.mark.parametrize("minimum", [2, 1, 0, -5])
def test_a_minimum_below_three_is_refused(minimum: int) -> None:
    with pytest.raises(ValidationError) as error:
        summarise(make("E1", rows([5, 4, 4])), minimum=minimum)
    assert problems(error) == [
        f"minimum: must be at least 3; results of smaller groups would expose single "
        f"participants, got {minimum}"
    ]


@pytest.mark.parametrize("minimum", ["5", 5.0, True])
def test_a_minimum_must_be_an_int(minimum: object) -> None:
    with pytest.raises(ValidationError) as error:
        breakdown([], by=Dimension.COHORT, minimum=minimum)  # type: ignore[call-overload]
    assert problems(error) == [f"minimum: must be an int, 5 by default, got {minimum!r}"]


def test_a_question_with_too_few_answers_is_hidden_in_a_shown_group() -> None:
    data = [{"Q1": 5, "Q2": None, "NPS": 9}] * 4 + [{"Q1": 4, "Q2": 3, "NPS": 10}] * 2
    summary = summarise(make("E1", data))
    assert summary.respondents == 6
    assert summary.question("Q1").shown
    q2 = summary.question("Q2")
    assert (q2.shown, q2.answered, q2.suppression) == (False, None, Suppression.TOO_FEW)
    assert q2.format() == "för få svar (n < 5)"
    assert q2.response_rate is None


def test_a_question_nobody_answered_is_hidden() -> None:
    summary = summarise(make("E1", [{"Q1": 4, "Q2": None, "NPS": 9}] * 5))
    assert summary.question("Q2").suppression is Suppression.TOO_FEW


def test_lines_list_respondents_and_every_question() -> None:
    summary = summarise(make("E1", rows([5, 4, 4, 5, 3], [10, 9, 9, 8, 6])))
    assert summary.lines() == [
        "5 svar av 7 inbjudna (71,4\xa0%)",
        "Q1 Värdefullt: 4,2 av 5 (n = 5)",
        "Q2 Verktyg: 4,2 av 5 (n = 5)",
        "NPS Rekommendera: NPS +40 (n = 5)",
    ]
    assert summary.lines(locale="en_GB")[0] == "5 responses of 7 invited (71.4%)"


def test_levels_pool_the_shown_questions_per_level_and_scale() -> None:
    summary = summarise(make("E1", rows([5, 4, 4, 5, 3], [10, 9, 9, 8, 6])))
    levels = [(s.level, s.scale, s.questions, s.statistics.count) for s in summary.levels]
    assert levels == [
        (KirkpatrickLevel.REACTION, Scale.LIKERT_5, ("Q1",), 5),
        (KirkpatrickLevel.REACTION, Scale.NPS, ("NPS",), 5),
        (KirkpatrickLevel.LEARNING, Scale.LIKERT_5, ("Q2",), 5),
    ]
    q3 = Question(code="Q3", text="Också", scale=Scale.LIKERT_5, level=KirkpatrickLevel.REACTION)
    data: list[dict[str, int | None]] = [{"Q1": 5, "Q3": 1}] * 5
    pooled = summarise(make("E2", data, questions=(Q1, q3))).levels
    assert len(pooled) == 1
    assert pooled[0].questions == ("Q1", "Q3")
    assert pooled[0].exact_statistics == Statistics.of(Scale.LIKERT_5, [5] * 5 + [1] * 5)


def test_questions_with_one_code_must_keep_their_scale_and_level() -> None:
    other = Question(
        code="Q1", text="Värdefullt", scale=Scale.LIKERT_7, level=KirkpatrickLevel.LEARNING
    )
    first = make("E1", rows([5, 4, 4, 5, 3]))
    second = make("E2", [{"Q1": 7}], questions=(other,))
    with pytest.raises(ValidationError) as error:
        summarise([first, second])
    assert problems(error) == [
        "evaluations[1].questions[0].scale: must be 'likert_5' as in evaluation 'E1': "
        "questions with the same code are pooled, got 'likert_7'",
        "evaluations[1].questions[0].level: must be 1 as in evaluation 'E1': "
        "questions with the same code are pooled, got 2",
    ]


def test_evaluation_references_must_be_unique_and_items_evaluations() -> None:
    one = make("E1", rows([5, 4, 4, 5, 3]))
    with pytest.raises(ValidationError) as error:
        summarise([one, one, "E3"])  # type: ignore[list-item]
    assert problems(error) == [
        "evaluations[2]: must be Evaluation objects, got 'E3'",
        "evaluations[1]: duplicate evaluation reference; each must be unique, got 'E1'",
    ]


# -- breakdowns and complementary suppression -----------------------------------------------


def cohorts(*sizes: int) -> list[Evaluation]:
    return [
        make(f"E{i}", rows([1 + (i + j) % 5 for j in range(size)]), cohort=f"K{i}")
        for i, size in enumerate(sizes)
    ]


def test_a_breakdown_groups_by_cohort_beside_the_total() -> None:
    report = breakdown(cohorts(6, 7, 8), by=Dimension.COHORT)
    assert [g.key for g in report.groups] == ["K0", "K1", "K2"]
    assert [g.respondents for g in report.groups] == [6, 7, 8]
    assert report.total.respondents == 21
    assert report.total.evaluations == ("E0", "E1", "E2")
    assert report.group("K1").evaluations == ("E1",)
    with pytest.raises(KeyError):
        report.group("K9")
    with pytest.raises(NotFoundError) as error:
        report.group("K9")
    assert problems(error) == [
        "key: is not a group of this breakdown (keys: 'K0', 'K1', 'K2'), got 'K9'"
    ]


def test_one_small_group_beside_a_total_takes_the_next_smallest_with_it() -> None:
    report = breakdown(cohorts(9, 3, 7, 8), by=Dimension.COHORT)
    assert [g.suppression for g in report.groups] == [
        None,
        Suppression.TOO_FEW,
        Suppression.COMPLEMENTARY,
        None,
    ]
    assert report.total.respondents == 27
    assert report.group("K2").note() == "dold för att skydda en annan grupp"
    assert report.group("K2").note("en_GB") == "hidden to protect another group"


def test_two_small_groups_that_hold_the_minimum_together_need_no_more() -> None:
    report = breakdown(cohorts(9, 3, 2, 8), by=Dimension.COHORT)
    assert [g.shown for g in report.groups] == [True, False, False, True]


def test_hidden_groups_must_together_reach_the_minimum() -> None:
    # 1 + 2 = 3 < 5: their sum would show three people's answers, so hide one more.
    report = breakdown(cohorts(9, 1, 2, 8), by=Dimension.COHORT)
    assert [g.suppression for g in report.groups] == [
        None,
        Suppression.TOO_FEW,
        Suppression.TOO_FEW,
        Suppression.COMPLEMENTARY,
    ]


def test_a_group_with_no_responses_does_not_protect_another() -> None:
    report = breakdown(cohorts(9, 0, 2, 8), by=Dimension.COHORT)
    assert [g.shown for g in report.groups] == [True, False, False, False]


def test_ties_hide_the_first_group_of_the_smallest_size() -> None:
    report = breakdown(cohorts(3, 6, 6), by=Dimension.COHORT)
    assert [g.shown for g in report.groups] == [False, False, True]


def test_a_total_below_the_minimum_hides_everything() -> None:
    report = breakdown(cohorts(2, 2), by=Dimension.COHORT)
    assert not report.total.shown
    assert report.total.suppression is Suppression.TOO_FEW
    assert not any(g.shown for g in report.groups)


def test_a_single_group_equals_its_total() -> None:
    report = breakdown(cohorts(6), by=Dimension.COHORT)
    assert report.groups[0].respondents == report.total.respondents == 6


def test_questions_are_protected_column_by_column() -> None:
    # Everyone answers Q1; in K1 only two answer Q2. Q2 of K1 is hidden, and so is the next
    # smallest Q2 cell (K0, 6 answers), while both groups and Q1 stay shown.
    k0 = make("E0", rows([5] * 6), cohort="K0")
    k1 = make(
        "E1", [{"Q1": 4, "Q2": 2 if j < 2 else None, "NPS": 8} for j in range(7)], cohort="K1"
    )
    k2 = make("E2", rows([3] * 8), cohort="K2")
    report = breakdown([k0, k1, k2], by=Dimension.COHORT)
    assert all(g.shown for g in report.groups)
    assert [g.question("Q1").shown for g in report.groups] == [True, True, True]
    assert [g.question("Q2").suppression for g in report.groups] == [
        Suppression.COMPLEMENTARY,
        Suppression.TOO_FEW,
        None,
    ]
    assert report.total.question("Q2").answered == 16


def test_a_question_asked_in_one_hidden_group_only_is_hidden_in_the_total() -> None:
    # K1 is hidden to protect K0; it alone asked Q3, so the total's Q3 would be K1's.
    q3 = Question(code="Q3", text="Bara här", scale=Scale.LIKERT_5, level=KirkpatrickLevel.RESULTS)
    k0 = make("E0", [{"Q1": 4}] * 3, cohort="K0", questions=(Q1,))
    k1 = make("E1", [{"Q1": 5, "Q3": 4}] * 6, cohort="K1", questions=(Q1, q3))
    k2 = make("E2", [{"Q1": 3}] * 9, cohort="K2", questions=(Q1,))
    report = breakdown([k0, k1, k2], by=Dimension.COHORT)
    assert [g.suppression for g in report.groups] == [
        Suppression.TOO_FEW,
        Suppression.COMPLEMENTARY,
        None,
    ]
    assert report.total.question("Q3").suppression is Suppression.COMPLEMENTARY
    assert report.total.question("Q1").shown
    assert [len(g.questions) for g in report.groups] == [1, 2, 1]


@pytest.mark.parametrize(
    ("by", "keys"),
    [
        (Dimension.PROGRAM, ["SOC-LED"]),
        (Dimension.COHORT, ["K1", "K2"]),
        (Dimension.UNIT, ["Farsta", None]),
        (Dimension.YEAR, ["2025", "2026"]),
        (Dimension.CALL_OFF, [None]),
    ],
)
def test_breakdowns_by_every_dimension(by: Dimension, keys: list[str | None]) -> None:
    spring_2025 = DateRange.from_iso("2025-05-01", "2025-05-30")
    data = [
        make("E1", rows([5] * 5), cohort="K1", unit="Farsta", period=spring_2025),
        make("E2", rows([4] * 5), cohort="K2"),
    ]
    report = breakdown(data, by=by)
    assert [g.key for g in report.groups] == keys


def test_dimensions_have_labels() -> None:
    assert [d.label() for d in Dimension] == [
        "program",
        "kohort",
        "avrop",
        "beställande enhet",
        "år",
    ]
    assert Dimension.CALL_OFF.label("en_GB") == "call-off"


def test_a_breakdown_keeps_its_groups_in_a_tuple_and_is_hashable() -> None:
    report = breakdown(cohorts(9, 3, 7, 8), by=Dimension.COHORT)
    assert type(report.groups) is tuple
    assert hash(report) == hash(breakdown(cohorts(9, 3, 7, 8), by=Dimension.COHORT))


def test_breakdown_needs_a_dimension() -> None:
    with pytest.raises(ValidationError) as error:
        breakdown(cohorts(5), by="cohort")  # type: ignore[call-overload]
    assert problems(error) == ["by: must be a Dimension, e.g. Dimension.COHORT, got 'cohort'"]
    from ledarutveckling.formatting import format_problem

    assert format_problem(error.value.problems[0]) == (
        "värdet ska vara något av Dimension.PROGRAM (program), Dimension.COHORT (kohort), "
        "Dimension.CALL_OFF (avrop), Dimension.UNIT (beställande enhet) eller Dimension.YEAR (år)"
    )


def test_breakdown_lines_name_the_groups() -> None:
    data = [
        make("E1", rows([5] * 5), cohort="K1", unit="Farsta"),
        make("E2", rows([4] * 6), cohort="K2"),
    ]
    assert breakdown(data, by=Dimension.UNIT).lines(locale="en_GB") == [
        "Total",
        "  11 responses of 15 invited (73.3%)",
        "  Q1 Värdefullt: 4.5 out of 5 (n = 11)",
        "  Q2 Värdefullt: 4.5 out of 5 (n = 11)".replace("Värdefullt", "Verktyg"),
        "  NPS Rekommendera: NPS +100 (n = 11)",
        "Ordering unit Farsta",
        "  5 responses of 7 invited (71.4%)",
        "  Q1 Värdefullt: 5.0 out of 5 (n = 5)",
        "  Q2 Verktyg: 5.0 out of 5 (n = 5)",
        "  NPS Rekommendera: NPS +100 (n = 5)",
        "Ordering unit (not stated)",
        "  6 responses of 8 invited (75.0%)",
        "  Q1 Värdefullt: 4.0 out of 5 (n = 6)",
        "  Q2 Verktyg: 4.0 out of 5 (n = 6)",
        "  NPS Rekommendera: NPS +100 (n = 6)",
    ]
    swedish = breakdown(data, by=Dimension.UNIT).lines()
    assert (swedish[0], swedish[5], swedish[10]) == (
        "Totalt",
        "Beställande enhet Farsta",
        "Beställande enhet (ej angivet)",
    )


# -- the attack: subtract shown figures from the shown total --------------------------------


def _rank(rows_: list[list[Fraction]]) -> int:
    matrix = [row[:] for row in rows_]
    rank = 0
    columns = len(matrix[0]) if matrix else 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                factor = matrix[r][column] / matrix[rank][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


def _figures(stats: Statistics) -> dict[str, Fraction]:
    """Every additive figure a reader can take from shown statistics."""
    n = stats.count
    mean = Fraction(stats.mean)
    figures: dict[str, int | Fraction] = {"count": Fraction(n), "sum": round(mean * n)}
    if stats.variance is not None:
        # (n - 1) s^2 + n mean^2 = sum of squares
        figures["squares"] = round(Fraction(stats.variance) * (n - 1) + mean * mean * n)
    for value, count in stats.distribution.items():
        figures[f"value {value}"] = Fraction(count)
    nps = stats.nps
    if nps is not None:
        figures["promoters"] = round(Fraction(nps.promoter_share) * n)
        figures["detractors"] = round(Fraction(nps.detractor_share) * n)
    figures["top two"] = round(Fraction(stats.top_two_box) * n)
    return {name: Fraction(value) for name, value in figures.items()}


def attack(report: object, evaluations: Sequence[Evaluation], minimum: int) -> None:
    """Try to recover every hidden figure by linear combinations of the shown ones."""
    from ledarutveckling import Breakdown

    assert isinstance(report, Breakdown)
    groups = report.groups
    k = len(groups)
    # The respondents column: shown counts, and the shown total.
    columns: dict[str, tuple[list[bool | None], bool]] = {
        "respondents": ([g.respondents is not None for g in groups], report.total.shown)
    }
    codes = [q.question.code for q in report.total.questions]
    for code in codes:
        cells: list[bool | None] = []
        for g in groups:
            asked = [q for q in g.questions if q.question.code == code]
            cells.append(None if not asked else asked[0].shown)  # None: known to be zero
        columns[code] = (cells, report.total.question(code).shown)
    truth = {g.key: [e for e in evaluations if report.dimension.key(e) == g.key] for g in groups}
    for name, (cells, total_shown) in columns.items():
        equations: list[list[Fraction]] = []
        for index, shown in enumerate(cells):
            if shown is not False:  # shown, or known to be empty
                equations.append([Fraction(int(i == index)) for i in range(k)])
        if total_shown:
            equations.append([Fraction(1)] * k)
        base = _rank(equations)
        hidden = [i for i, shown in enumerate(cells) if shown is False]
        for index in hidden:
            probe = [Fraction(int(i == index)) for i in range(k)]
            assert _rank([*equations, probe]) > base, f"{name} of group {index} is derivable"
        if total_shown and hidden:
            # What can be derived is the hidden cells' sum: it must cover >= minimum people.
            together = 0
            for index in hidden:
                found = truth[groups[index].key]
                if name == "respondents":
                    together += sum(e.respondents for e in found)
                else:
                    together += sum(
                        1 for e in found for r in e.responses if r.answers.get(name) is not None
                    )
            assert together >= minimum, f"{name}: the hidden cells hold only {together}"
    # Shown figures are consistent with the data (so the equations above are the real ones).
    for g in groups:
        for q in g.questions:
            if q.exact_statistics is not None:  # a stronger reader: the exact figures
                figures = _figures(q.exact_statistics)
                assert figures["count"] == q.exact_statistics.count
                assert figures["sum"] == q.exact_statistics.total


group_sizes = st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=6)


@st.composite
def programs(draw: st.DrawFn) -> list[Evaluation]:
    sizes = draw(group_sizes)
    result = []
    for index, size in enumerate(sizes):
        asks_q2 = draw(st.booleans())
        questions = (Q1, Q2, NPS) if asks_q2 else (Q1, NPS)
        data: list[dict[str, int | None]] = []
        for _ in range(size):
            row: dict[str, int | None] = {
                "Q1": draw(st.integers(1, 5)),
                "NPS": draw(st.one_of(st.none(), st.integers(0, 10))),
            }
            if asks_q2:
                row["Q2"] = draw(st.one_of(st.none(), st.integers(1, 5)))
            data.append(row)
        unit = draw(st.sampled_from(["A", "B", "C", None]))
        result.append(make(f"E{index}", data, cohort=f"K{index}", unit=unit, questions=questions))
    return result


def undecided() -> list[Evaluation]:
    """Three small cohorts on which the warm-started simplex once stopped undecided.

    HiGHS ended with kUnknown and the audit refused ("lösaren HiGHS gav inget svar") instead
    of solving the program again from scratch.
    """
    low: dict[str, int | None] = {"Q1": 1, "NPS": 0}
    passive: dict[str, int | None] = {"Q1": 1, "NPS": 7}
    promoter: dict[str, int | None] = {"Q1": 1, "NPS": 9}
    return [
        make(
            "E0",
            [low] * 6 + [passive],
            cohort="K0",
            unit="A",
            questions=(Q1, NPS),
        ),
        make("E1", [passive] * 2, cohort="K1", unit="A", questions=(Q1, NPS)),
        make("E2", [promoter] * 3, cohort="K2", unit="A", questions=(Q1, NPS)),
    ]


def one_group_asks() -> list[Evaluation]:
    """Only unit B's cohort asks Q2, and B is hidden to protect A and C (two answers each).

    The total's Q2 is then B's Q2: shown beside the hidden B, it gave B's answers away.
    """
    one: dict[str, int | None] = {"Q1": 1, "NPS": None}
    skipped: dict[str, int | None] = {"Q1": 1, "NPS": None, "Q2": None}
    asked: dict[str, int | None] = {"Q1": 1, "NPS": None, "Q2": 1}
    return [
        make("E0", [], cohort="K0", unit="A", questions=(Q1, NPS)),
        make("E1", [one] * 2, cohort="K1", unit="A", questions=(Q1, NPS)),
        make("E2", [skipped] + [asked] * 3, cohort="K2", unit="B", questions=(Q1, Q2, NPS)),
        make("E3", [one] * 2, cohort="K3", unit="C", questions=(Q1, NPS)),
    ]


@settings(max_examples=150, deadline=None)
@given(
    programs(),
    st.integers(min_value=3, max_value=6),
    st.sampled_from([Dimension.COHORT, Dimension.UNIT]),
)
@example(undecided(), 6, Dimension.COHORT)
@example(one_group_asks(), 3, Dimension.UNIT)
def test_no_hidden_figure_can_be_worked_out_from_the_shown_ones(
    evaluations: list[Evaluation], minimum: int, by: Dimension
) -> None:
    report = breakdown(evaluations, by=by, minimum=minimum)
    attack(report, evaluations, minimum)
    for g in [*report.groups, report.total]:
        shown_answers = sum(q.answered or 0 for q in g.questions)
        assert sum(level.statistics.count for level in g.levels) == shown_answers
    for g in report.groups:
        if g.respondents is not None:
            assert g.respondents >= minimum
        else:
            assert g.comments == ()
            assert all(q.statistics is None for q in g.questions)
        for q in g.questions:
            assert q.statistics is None or q.statistics.count >= minimum


def test_the_attack_finds_a_leak_when_only_one_group_is_hidden() -> None:
    """The attack is real: without complementary suppression it recovers the hidden group."""
    from ledarutveckling import Breakdown

    evaluations = cohorts(9, 3, 7)
    report = breakdown(evaluations, by=Dimension.COHORT)
    leaky = Breakdown(
        dimension=report.dimension,
        total=report.total,
        groups=(report.groups[0], report.groups[1], summarise(evaluations[2])),
    )
    with pytest.raises(AssertionError, match="respondents of group 1 is derivable"):
        attack(leaky, evaluations, 5)


@pytest.mark.parametrize(
    ("counts", "invited", "hidden", "expected", "hide_total"),
    [
        ([9, 3, 7], [12, 6, 10], [None, None, None], [None, "too_few", "complementary"], False),
        # the fewest invited are hidden, not the fewest respondents (10 of 10 beside 6 of 12)
        ([6, 3, 10], [12, 6, 10], [None, None, None], [None, "too_few", "complementary"], False),
        ([6, 3, 6], [10, 6, 10], [None, None, None], ["complementary", "too_few", None], False),
        ([None, 3], [0, 6], [None, None], [None, "too_few"], True),
        ([None, 8], [0, 9], [None, Suppression.COMPLEMENTARY], [None, "complementary"], True),
        ([6, 6], [8, 8], [None, None], [None, None], False),
    ],
)
def test_protect_decides_cell_by_cell(
    counts: list[int | None],
    invited: list[int],
    hidden: list[Suppression | None],
    expected: list[str | None],
    hide_total: bool,
) -> None:
    result, total = _protect(counts, hidden, 5, invited=invited, beside_total=True)
    assert [r.value if r else None for r in result] == expected
    assert total is hide_total


def test_protect_without_a_total_hides_only_small_cells() -> None:
    result, total = _protect([3, 9], [None, None], 5, invited=[4, 9], beside_total=False)
    assert result == [Suppression.TOO_FEW, None]
    assert total is False


# -- changes between periods ---------------------------------------------------------------

Y2025 = DateRange.from_iso("2025-01-01", "2025-12-31")
Y2026 = DateRange.from_iso("2026-01-01", "2026-12-31")


def two_years(
    before: list[int], after: list[int], nps_before: list[int], nps_after: list[int]
) -> list[Evaluation]:
    return [
        make(
            "E25", rows(before, nps_before), period=DateRange.from_iso("2025-05-01", "2025-05-10")
        ),
        make("E26", rows(after, nps_after), period=DateRange.from_iso("2026-05-01", "2026-05-10")),
    ]


def test_a_change_between_two_years_has_direction_and_size_by_hand() -> None:
    # before: mean 3, variance 1 (2,3,4,3,3 -> sum of squares 47; (5*47-225)/20 = 0.5)
    data = two_years([2, 3, 4, 3, 3], [4, 5, 4, 4, 3], [9, 9, 6, 7, 8], [10, 10, 9, 6, 9])
    comparison = compare_periods(data, before=Y2025, after=Y2026)
    q1 = comparison.change("Q1")
    assert q1.shown
    assert q1.difference == Decimal(1)  # 3.0 -> 4.0
    assert q1.direction is Direction.UP
    # Both variances are 0.5, so the pooled standard deviation is sqrt(0.5) and d = 1/sqrt(0.5).
    assert abs(q1.exact_effect_size - 1 / Decimal("0.5").sqrt()) < TINY  # type: ignore[operator]
    # five answers a side publish no distribution, so no effect size (its deviation would
    # tell the sums of squares: tests/test_anonymity_attacks_h20.py)
    assert (q1.effect_size, q1.magnitude) == (None, None)
    assert q1.format() == "3,0 → 4,0 (+1,0)"
    nps = comparison.change("NPS")
    assert nps.difference == Decimal(40)  # +20 -> +60
    assert (nps.effect_size, nps.exact_effect_size, nps.magnitude) == (None, None, None)
    assert nps.format() == "NPS +20 → NPS +60 (+40)"
    assert nps.format(locale="en_GB") == "NPS +20 → NPS +60 (+40)"


def test_the_effect_size_of_two_published_distributions_by_hand() -> None:
    # each side twice the answers above: deviations' squares 4 of 10 answers, variance 4/9
    data = two_years([2, 3, 4, 3, 3] * 2, [4, 5, 4, 4, 3] * 2, [9] * 10, [9] * 10)
    q1 = compare_periods(data, before=Y2025, after=Y2026).change("Q1")
    assert q1.minimum_text == 8
    assert q1.effect_size == Decimal("1.50")  # 1 / (2/3), to two decimals
    assert q1.magnitude is Magnitude.LARGE
    # a side of 8 and one of 7 answers: the smaller publishes no distribution
    data = two_years([2, 3, 4, 3, 3, 3, 3, 3], [4, 5, 4, 4, 3, 4, 4], [9] * 8, [9] * 7)
    change = compare_periods(data, before=Y2025, after=Y2026).change("Q1")
    assert change.shown
    assert (change.effect_size, change.magnitude) == (None, None)
    assert change.exact_effect_size is not None


def test_the_effect_size_of_large_sides_is_that_of_the_shares_shown() -> None:
    # 201 answers: 101 and 100 are both 50 % of them, which gives back 101 of each value
    before = Statistics.of(Scale.LIKERT_5, [1] * 101 + [5] * 100)
    after = Statistics.of(Scale.LIKERT_5, [2] * 100 + [5] * 101)
    from ledarutveckling import Change

    change = Change(question=Q1, before=before, after=after)
    shown = Change(
        question=Q1,
        before=Statistics.of(Scale.LIKERT_5, [1] * 101 + [5] * 101),
        after=Statistics.of(Scale.LIKERT_5, [2] * 101 + [5] * 101),
    )
    assert change.effect_size == shown.exact_effect_size.quantize(Decimal("0.01"))  # type: ignore[union-attr]
    assert change.effect_size != change.exact_effect_size.quantize(Decimal("0.01"))  # type: ignore[union-attr]


def test_a_fall_and_no_change() -> None:
    data = two_years([4, 5, 4, 4, 3], [2, 3, 4, 3, 3], [9] * 5, [9] * 5)
    comparison = compare_periods(data, before=Y2025, after=Y2026)
    assert comparison.change("Q1").direction is Direction.DOWN
    assert comparison.change("Q1").format() == "4,0 → 3,0 (\N{MINUS SIGN}1,0)"
    assert comparison.change("Q1").format(locale="en_GB") == "4.0 → 3.0 (-1.0)"
    assert comparison.change("Q1").shown_direction() is Direction.DOWN
    assert comparison.change("NPS").direction is Direction.UNCHANGED
    assert comparison.change("NPS").format() == "NPS +100 → NPS +100 (0)"
    assert comparison.change("NPS").shown_direction() is Direction.UNCHANGED


def test_a_change_that_rounds_to_nothing_reads_unchanged() -> None:
    data = two_years([4] * 5, [4] * 19 + [3], [9] * 5, [9] * 20)  # 4,00 and 3,95
    change = compare_periods(data, before=Y2025, after=Y2026).change("Q1")
    assert change.direction is Direction.DOWN
    assert change.format() == "4,0 → 4,0 (0,0)"
    assert change.shown_direction() is Direction.UNCHANGED
    assert change.shown_direction().label() == "oförändrad"  # type: ignore[union-attr]
    assert change.shown_direction().label("en_GB") == "unchanged"  # type: ignore[union-attr]
    assert change.shown_direction(decimals=0) is Direction.UNCHANGED


def test_no_spread_means_no_effect_size() -> None:
    data = two_years([4] * 8, [5] * 8, [9] * 8, [9] * 8)
    change = compare_periods(data, before=Y2025, after=Y2026).change("Q1")
    assert (change.effect_size, change.exact_effect_size) == (None, None)
    assert change.difference == 1


def test_a_hidden_period_hides_its_changes() -> None:
    data = two_years([4, 5, 4], [5] * 5, [9] * 3, [9] * 5)
    comparison = compare_periods(data, before=Y2025, after=Y2026)
    change = comparison.change("Q1")
    assert not change.shown
    assert (change.difference, change.direction, change.effect_size, change.magnitude) == (
        None,
        None,
        None,
        None,
    )
    assert change.format() == "dold"
    assert change.format(locale="en_GB") == "hidden"
    assert comparison.before.note() == "för få svar (n < 5)"


def test_compare_takes_only_questions_asked_in_both() -> None:
    later = make("E2", [{"Q1": 5}] * 5, questions=(Q1,))
    comparison = compare(summarise(make("E1", rows([4] * 5))), summarise(later))
    assert [c.question.code for c in comparison.changes] == ["Q1"]
    with pytest.raises(NotFoundError) as error:
        comparison.change("NPS")
    assert isinstance(error.value, KeyError)
    assert problems(error) == [
        "code: was not asked in both groups (codes asked in both: Q1), got 'NPS'"
    ]


def test_a_look_up_in_an_empty_comparison_or_group_says_there_are_no_codes() -> None:
    empty = compare_periods(
        [],
        before=DateRange.from_iso("2020-01-01", "2020-12-31"),
        after=DateRange.from_iso("2021-01-01", "2021-12-31"),
    )
    with pytest.raises(NotFoundError) as error:
        empty.change("Q1")
    assert problems(error) == [
        "code: was not asked in both groups (codes asked in both: none), got 'Q1'"
    ]
    with pytest.raises(NotFoundError) as error:
        summarise([]).question("Q1")
    assert problems(error) == ["code: was not asked in this group (codes: none), got 'Q1'"]


def test_compare_refuses_what_is_not_a_group_summary() -> None:
    group = summarise(make("E1", rows([4] * 5)))
    with pytest.raises(ValidationError) as error:
        compare(group, "2026")  # type: ignore[arg-type]
    assert problems(error) == ["after: must be a GroupSummary (e.g. from breakdown()), got '2026'"]


def test_a_single_answer_in_a_shown_group_cannot_have_an_effect_size() -> None:
    before = summarise(make("E1", [{"Q1": 4}], questions=(Q1,)), minimum=3)
    assert before.shown is False
    one = Statistics.of(Scale.LIKERT_5, [4])
    from ledarutveckling import Change

    change = Change(question=Q1, before=one, after=Statistics.of(Scale.LIKERT_5, [5, 4]))
    assert (change.effect_size, change.exact_effect_size) == (None, None)


@pytest.mark.parametrize(
    ("d", "magnitude", "label"),
    [
        ("0", Magnitude.NEGLIGIBLE, "försumbar"),
        ("0.2", Magnitude.SMALL, "liten"),
        ("-0.49", Magnitude.SMALL, "liten"),
        ("0.5", Magnitude.MEDIUM, "måttlig"),
        ("-0.8", Magnitude.LARGE, "stor"),
    ],
)
def test_magnitudes_follow_cohens_thresholds(d: str, magnitude: Magnitude, label: str) -> None:
    assert Magnitude.of(Decimal(d)) is magnitude
    assert magnitude.label() == label


def test_directions_and_magnitudes_have_english_labels() -> None:
    assert [d.label("en_GB") for d in Direction] == ["higher", "lower", "unchanged"]
    assert [d.label() for d in Direction] == ["högre", "lägre", "oförändrad"]
    assert Magnitude.LARGE.label("en_GB") == "large"


def test_periods_must_be_date_ranges_that_do_not_overlap() -> None:
    data = two_years([4] * 5, [5] * 5, [9] * 5, [9] * 5)
    with pytest.raises(ValidationError) as error:
        compare_periods(data, before=Y2026, after=DateRange.from_iso("2026-06-01", "2027-05-31"))
    assert problems(error) == [
        "after: must not overlap before (2026-01-01/2026-12-31), got '2026-06-01/2027-05-31'"
    ]
    with pytest.raises(ValidationError) as error:
        compare_periods(data, before="2025", after=None)  # type: ignore[call-overload]
    assert problems(error) == [
        "before: must be a DateRange, got '2025'",
        "after: must be a DateRange, got None",
    ]


# -- Phillips ROI --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("benefits", "costs", "ratio", "roi"),
    [
        ("750000", "300000", "2.5", "150"),
        ("300000", "300000", "1", "0"),
        ("150000", "300000", "0.5", "-50"),
        ("0", "300000", "0", "-100"),
        ("100", "3", "33.33333333333333333333333333", "3233.333333333333333333333333"),
    ],
)
def test_roi_and_benefit_cost_ratio_by_hand(
    benefits: str, costs: str, ratio: str, roi: str
) -> None:
    result = ReturnOnInvestment(benefits=Money.sek(benefits), costs=Money.sek(costs))
    assert result.benefit_cost_ratio == Decimal(ratio)
    assert result.roi_percent == Decimal(roi)
    assert str(result.roi_percent) == roi


def test_roi_renders_in_swedish_and_english() -> None:
    result = ReturnOnInvestment(benefits=Money.sek("150000"), costs=Money.sek("120000"))
    assert result.format() == "nytta/kostnad 1,25, ROI 25\xa0%"
    assert result.format("en_GB") == "benefit-cost ratio 1.25, ROI 25%"


def test_roi_needs_positive_costs_in_the_same_currency() -> None:
    with pytest.raises(ValidationError) as error:
        ReturnOnInvestment(benefits=Money.sek("1"), costs=Money.of("1", "EUR"))
    assert problems(error) == [
        "costs.currency: must be SEK, the currency of the benefits, got 'EUR'"
    ]
    with pytest.raises(ValidationError) as error:
        ReturnOnInvestment(benefits=Money.sek("1"), costs=Money.sek("0"))
    assert problems(error) == ["costs: must be more than zero, got '0'"]
    with pytest.raises(ValidationError) as error:
        ReturnOnInvestment(benefits=1, costs=Decimal(2))  # type: ignore[arg-type]
    assert problems(error) == [
        "benefits: must be Money, e.g. Money.sek('750000'), got 1",
        "costs: must be Money, e.g. Money.sek('300000'), got Decimal('2')",
    ]


def test_messages_name_the_minimum_in_force() -> None:
    assert Suppression.TOO_FEW.message() == "för få svar (n < 5)"
    assert Suppression.COMPLEMENTARY.message(7, "en_GB") == "hidden to protect another group"


def test_a_formatted_change_adds_up_from_the_rounded_figures_shown() -> None:
    # 13/3 = 4.33 and 47/11 = 4.27 both show as 4,3: the line says 0,0, the model says down.
    data = two_years([5, 4, 4], [5, 4, 4, 5, 3, 5, 4, 4, 5, 4, 4], [9] * 3, [9] * 11)
    comparison = compare(summarise(data[0], minimum=3), summarise(data[1], minimum=3))
    change = comparison.change("Q1")
    assert change.format() == "4,3 → 4,3 (0,0)"
    assert change.direction is Direction.DOWN
    # NPS 23.08 -> 28.57 shows as +23 -> +29: the line says +6, the exact difference is 5.49.
    nps_before = [9, 9, 9, 9, 6, 6, 8, 8, 8, 8, 8, 7, 9]  # 5 promoters, 2 detractors of 13
    nps_after = [9, 9, 9, 9, 9, 9, 6, 6, 8, 8, 8, 8, 8, 7]  # 6 promoters, 2 detractors of 14
    data = two_years([4] * 13, [4] * 14, nps_before, nps_after)
    nps = compare_periods(data, before=Y2025, after=Y2026).change("NPS")
    assert nps.format() == "NPS +23 → NPS +29 (+6)"
    assert round(nps.exact_difference or 0, 2) == Decimal("5.49")
    # What leaves the comparison is the difference of the figures shown.
    assert nps.difference == Decimal(6)
    assert (nps.before.nps, nps.after.nps) == (Decimal(23), Decimal(29))  # type: ignore[union-attr]
    assert (change.difference, change.exact_difference) == (
        Decimal("0.0"),
        Decimal(47) / 11 - Decimal(13) / 3,
    )


def test_results_do_not_depend_on_the_callers_decimal_context() -> None:
    from decimal import localcontext

    stats = Statistics.of(Scale.LIKERT_5, HAND)
    data = two_years([2, 3, 4, 3, 3], [4, 5, 4, 4, 4], [9] * 5, [9] * 5)
    expected = (Decimal(30) / 7, Decimal("25.106") / 7)
    rate = Decimal(5) / 7
    with localcontext() as context:
        context.prec = 3
        low, _ = stats.confidence_interval or (Decimal(0), Decimal(0))
        change = compare_periods(data, before=Y2025, after=Y2026).change("Q1")
        roi = ReturnOnInvestment(benefits=Money.sek("100"), costs=Money.sek("3"))
        assert (stats.mean, low) == expected
        assert change.difference == Decimal("1.2")
        assert roi.roi_percent == Decimal("3233.333333333333333333333333")
        assert data[0].response_rate == rate


def test_answers_are_counted_alike_fast_or_one_by_one() -> None:
    # plain ints on the scale are counted at once; anything else one by one, as before:
    # a float equal to a value counts as it, a bool or an answer off the scale is refused
    # at its index, from a list, a tuple or a generator
    assert dict(Statistics.of(Scale.LIKERT_5, (x for x in [5, 4, 5])).distribution) == {
        1: 0,
        2: 0,
        3: 0,
        4: 1,
        5: 2,
    }
    assert Statistics.of(Scale.LIKERT_5, [4.0, 4]).distribution[4] == 2  # type: ignore[list-item]
    for answers, index in (([4, 6], 1), ((3, True), 1), ([9, [1]], 0)):
        with pytest.raises(ValidationError) as raised:
            Statistics.of(Scale.LIKERT_5, answers)  # type: ignore[arg-type]
        assert raised.value.problems[0].path == f"answers[{index}]"
