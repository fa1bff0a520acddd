"""The answer distributions in the narrowing check (issue 20): a share per answer value.

Groups of ``minimum_text`` respondents (8) and more show the share of every answer value,
rounded to a whole percent: for fewer than 100 answers the count at each value exactly. The
narrowing models them (:mod:`ledarutveckling._evaluation.interval_distributions`): a column per
answer value of each evaluation a distribution covers, tied to its answers, sum, top-two box,
promoters and detractors. These tests plant a hidden cohort that the distributions alone pin,
check what the programs are given, and attack random years with the reviewer's integer program
(:func:`tests.test_anonymity_attacks_h15.attack`, the distributions included).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import Audience, EvaluationSet, GroupSummary, Publication, ShownFigure
from ledarutveckling._evaluation import leaks
from ledarutveckling._evaluation.categories import counted
from ledarutveckling._evaluation.interval_categories import nps_sum
from ledarutveckling._evaluation.interval_distributions import Columns, distributions, fits, merged
from ledarutveckling._evaluation.intervals import Narrowed, Widths, narrowed
from ledarutveckling._evaluation.statistics import Statistics
from ledarutveckling._evaluation.survey import Scale
from tests.test_anonymity_attacks_h15 import _made, _published, attack
from tests.test_anonymity_attacks_h16 import _year

pytest.importorskip("highspy")

WIDTHS = Widths(minimum=5, mean=1.0, share=0.2)

# Four cohorts' answers to the NPS question. A, B and D have five or more respondents, C three
# (all detractors). Three groups of 12-13 are shown, each with its distribution; C is hidden.
PLANTED = {
    "A": [8, 10, 8, 10, 8],
    "B": [10, 10, 10, 7, 7],
    "C": [3, 3, 0],
    "D": [9, 9, 1, 1, 0, 0, 1],
}


def _shown(group: tuple[str, ...]) -> ShownFigure:
    answers = [a for cohort in group for a in PLANTED[cohort]]
    stats = Statistics.of(Scale.NPS, answers)
    score = stats.published().nps
    assert score is not None
    return ShownFigure(
        measure="Q4",
        group=group,
        evaluations=group,
        shown=True,
        count=len(answers),
        figure=f"NPS {score:+}" if score else "NPS 0",
        lowest=0,
        highest=10,
        categories=counted(stats, 8) + nps_sum(stats),
    )


HIDDEN_C = ShownFigure(
    measure="Q4",
    group=("C",),
    evaluations=("C",),
    shown=False,
    lowest=0,
    highest=10,
    invited=5,
    at_most=4,
)


def _planted() -> list[ShownFigure]:
    return [_shown(("A", "B", "C")), _shown(("A", "D")), _shown(("B", "D")), HIDDEN_C]


def test_the_planted_groups_publish_these_figures() -> None:
    abc, ad, bd, _ = _planted()
    assert (abc.count, abc.figure, ad.count, ad.figure, bd.count, bd.figure) == (
        13,
        "NPS +15",
        12,
        "NPS -8",
        12,
        "NPS 0",
    )
    assert abc.categories == (
        "promoters:5-5",
        "detractors:3-3",
        *("0:1-1", "1:0-0", "2:0-0", "3:2-2", "4:0-0", "5:0-0"),
        *("6:0-0", "7:2-2", "8:3-3", "9:0-0", "10:5-5"),
        "sum:93-94",
    )


def test_a_distribution_alone_pins_a_hidden_cohort_and_is_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # C is in the span of no shown groups (ABC, AD, BD), and no determined set holding it is
    # none or all in a category, so the exact audit and the category check pass it. The
    # distributions leave it no promoters: ABC has no 9, so A and B have none, and D both
    # 9s of AD; the 10s of ABC, AD and BD then leave C twice D's 10s, which the means and
    # the zeros at every other value of the shown groups allow only as none.
    board = Audience(name="styrgruppen").published(Publication(label="p", figures=_planted()))
    assert board.leaks() == [HIDDEN_C]
    indexed = list(enumerate(_planted()))
    shown = [(i, f.evaluations, f.count, f.figure) for i, f in indexed if f.shown]
    found = narrowed(
        shown,
        [(3, ("C",), None, None)],
        WIDTHS,
        (0, 10),
        bounds=[(3, ("C",), 5, None, 4)],
        values=distributions(indexed),
    )
    assert [(n.index, n.what, n.low, n.high) for n in found] == [(3, "promoters", 0.0, 0.0)]
    assert found[0].used <= {0, 1, 2, 3}
    # Without the distributions (the audit before), nothing is found: they alone pin C.
    assert narrowed(shown, [(3, ("C",), None, None)], WIDTHS, (0, 10), bounds=[]) == []
    monkeypatch.setattr(leaks, "distributions", lambda _: None)
    assert board.leaks() == []


def test_the_distributions_are_read_from_the_categories() -> None:
    abc, ad, _, hidden = _planted()
    found = distributions([(0, abc), (1, ad), (3, hidden)])
    assert found is not None
    assert sorted(found) == [0, 1]
    assert found[0] == {
        0: (1.0, 1.0),
        1: (0.0, 0.0),
        2: (0.0, 0.0),
        3: (2.0, 2.0),
        4: (0.0, 0.0),
        5: (0.0, 0.0),
        6: (0.0, 0.0),
        7: (2.0, 2.0),
        8: (3.0, 3.0),
        9: (0.0, 0.0),
        10: (5.0, 5.0),
    }
    # A group under minimum_text shows no distribution (its shares of the box only).
    small = Statistics.of(Scale.LIKERT_5, [1, 4, 5, 5, 5])
    figure = ShownFigure(
        measure="Q1", group=("X",), evaluations=("X",), shown=True, categories=counted(small, 8)
    )
    assert figure.categories == ("top2:4-4",)
    assert distributions([(0, figure)]) is None
    # 201 answers: a share is a range (0 or 1 of 201 rounds to 0 %, 100 or 101 to 50 %).
    large = Statistics.of(Scale.LIKERT_5, [1] + [3] * 100 + [4] * 100)
    ranged = ShownFigure(
        measure="Q1", group=("X",), evaluations=("X",), shown=True, categories=counted(large, 8)
    )
    assert distributions([(5, ranged)]) == {
        5: {1: (0.0, 1.0), 2: (0.0, 1.0), 3: (100.0, 101.0), 4: (100.0, 101.0), 5: (0.0, 1.0)}
    }


def test_the_columns_tie_each_value_to_the_programs_columns() -> None:
    # Two evaluations, A and B; a distribution shown of A alone (figure 7), none of B's.
    shown: Sequence[tuple[int, tuple[str, ...], object, object]] = [
        (7, ("A",), 2, "3.0"),
        (8, ("A", "B"), 4, "3.0"),
    ]
    column = {"A": 0, "B": 1}
    # On a five-point scale with the box linked (columns: n 0-1, s 2-3, k 4-5; values from 6).
    rating = Columns(shown, column, (1, 5), "mean", 6, 4, {7: {2: (1.0, 1.0), 4: (1.0, 1.0)}})
    assert (rating.first, rating.count) == ({0: 6}, 5)
    inf = math.inf
    assert rating.bounds(t=99) == [
        (({6: 1.0, 99: -0.0}, 0.0, inf), 7),  # 1: not shown, from 0 unbounded
        (({7: 1.0, 99: -1.0}, 0.0, inf), 7),
        (({7: 1.0, 99: -1.0}, -inf, 0.0), 7),
        (({8: 1.0, 99: -0.0}, 0.0, inf), 7),
        (({9: 1.0, 99: -1.0}, 0.0, inf), 7),
        (({9: 1.0, 99: -1.0}, -inf, 0.0), 7),
        (({10: 1.0, 99: -0.0}, 0.0, inf), 7),
    ]
    assert rating.ties() == [
        ({6: 1.0, 7: 1.0, 8: 1.0, 9: 1.0, 10: 1.0, 0: -1.0}, 0.0, 0.0),
        ({6: 1.0, 7: 2.0, 8: 3.0, 9: 4.0, 10: 5.0, 2: -1.0}, 0.0, 0.0),
        ({9: 1.0, 10: 1.0, 4: -1.0}, 0.0, 0.0),
    ]
    unlinked = Columns(shown, column, (1, 5), "mean", 4, None, {7: {}})
    assert len(unlinked.ties()) == 2
    # On the NPS scale (columns: n 0-1, p 2-3, d 4-5, the sum 6-7; values from 8).
    nps = Columns(shown, column, (0, 10), "nps", 8, 6, {8: {}})
    assert (nps.first, nps.count) == ({0: 8, 1: 19}, 22)
    ties = nps.ties()
    assert len(ties) == 8
    assert ties[1] == ({17: 1.0, 18: 1.0, 2: -1.0}, 0.0, 0.0)  # promoters: 9 and 10
    assert ties[2] == ({**{8 + v: 1.0 for v in range(7)}, 4: -1.0}, 0.0, 0.0)  # detractors
    assert ties[3] == ({**{8 + v: float(v) for v in range(1, 11)}, 6: -1.0}, 0.0, 0.0)
    assert len(Columns(shown, column, (0, 10), "nps", 8, None, {8: {}}).ties()) == 6
    assert [fits("mean", (1, 5)), fits("nps", (0, 10)), fits("nps", (1, 5))] == [True, True, False]
    assert [fits("count", None), fits("mean", None)] == [False, False]


def test_a_distribution_of_a_count_or_on_another_scale_is_not_modelled() -> None:
    # A figure of counts (the respondents) has no scale: its distribution is ignored.
    counts = [(0, ("A", "B"), 10, None)]
    values = {0: {1: (10.0, 10.0)}}
    targets = [(1, ("A",), None, None)]
    assert narrowed(counts, targets, WIDTHS, None, values=values) == []
    # On the rating scale the values pin A's answers to 3 (its mean to 3.0), which the mean
    # of the pair (3.0 of 10: a sum of 30) leaves from 1 to 5.
    means = [(0, ("A", "B"), 10, "3.0")]
    threes = {0: {v: ((10.0, 10.0) if v == 3 else (0.0, 0.0)) for v in range(1, 6)}}
    assert narrowed(means, targets, WIDTHS, (1, 5)) == []
    assert narrowed(means, targets, WIDTHS, (1, 5), values=threes) == [
        Narrowed(index=1, what="mean", low=3.0, high=3.0, used=frozenset({0}))
    ]


# -- the reviewer's attack over random years, the distributions included ---------------------


def _pinned(groups: Sequence[GroupSummary], found: list[tuple[object, ...]]) -> list[object]:
    """The attack's findings about groups that could be small (guarantee 4 covers them).

    A group whose note says "hidden to protect another group" had at least the minimum (it
    could have been shown): its count may be pinned, which guarantee 4 does not cover.
    """
    protected = {
        tuple(g.evaluations)
        for g in groups
        if g.respondents is None and "protect" in (g.note("en_GB") or "")
    }
    return [f for f in found if not (f[1] == "count" and f[0] in protected)]


@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(seed=st.integers(min_value=0, max_value=10_000), unanimous=st.sampled_from([0.5, 0.8]))
def test_random_breakdowns_with_distributions_pin_no_small_hidden_group(
    seed: int, unanimous: float
) -> None:
    board, groups = _published(_made(seed, unanimous=unanimous))
    assert board.audience.leaks() == []
    assert _pinned(groups, attack(groups, distributions=True)) == []


# Years (the reviewer's generator, seeds 0-59) whose three breakdowns the audit without the
# distributions published with a hidden cohort pinned through them (seed 11 below).
DISTRIBUTED = [(2, 0.8), (11, 0.5), (21, 0.5), (22, 0.8), (28, 0.8)]


@pytest.mark.parametrize(("seed", "unanimous"), DISTRIBUTED)
def test_the_years_the_distributions_pinned_pin_no_small_hidden_group(
    seed: int, unanimous: float
) -> None:
    board, groups = _published(_made(seed, unanimous=unanimous))
    assert board.audience.leaks() == []
    assert _pinned(groups, attack(groups, distributions=True)) == []


def test_without_the_distributions_the_audit_published_pinned_cohorts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Seed 11: the three breakdowns the audit published before, attacked with the shares of
    # every answer value, give three hidden cohorts' counts and their NPS answers exactly.
    monkeypatch.setattr(leaks, "distributions", lambda _: None)
    _, groups = _published(_made(11, unanimous=0.5))
    third, two = 1 / 3, 2 / 3
    assert _pinned(groups, attack(groups, distributions=True)) == [
        (("E3",), "count", (2, 2)),
        (("E3",), "Q4 mean", 7.0, 7.0),
        (("E3",), "Q4 promoters", 0.0, 0.0),
        (("E3",), "Q4 detractors", 0.0, 0.0),
        (("E6",), "count", (3, 3)),
        (("E6",), "Q4 mean", 8.0, 8.0),
        (("E6",), "Q4 promoters", two, two),
        (("E6",), "Q4 detractors", third, third),
        (("E7",), "count", (3, 3)),
        (("E7",), "Q4 mean", 14 / 3, 14 / 3),
        (("E7",), "Q4 promoters", third, third),
        (("E7",), "Q4 detractors", two, two),
    ]
    assert attack(groups) == []  # the other figures alone pin nothing


@pytest.mark.parametrize("seed", [28, 33])
def test_the_wider_years_with_distributions_pin_no_small_hidden_group(seed: int) -> None:
    board = EvaluationSet(evaluations=_made(seed, unanimous=0.8), audience="styrgruppen")
    groups, _ = _year(board)
    assert board.audience.leaks() == []
    assert _pinned(groups, attack(groups, distributions=True)) == []


# -- the programs' shortcuts: exact distributions as constants, merged cohorts ---------------


# Three cohorts shown with their answers exactly (A, B, C: 8 each) and two hidden ones (D1
# and D2, 10 invited each) in a unit whose distribution is shown: the unit's answers less the
# cohorts' are five 3s, so each hidden cohort's mean is 3.0 (1 to 5 by the means alone).
COHORTS = {"A": [1, 1, 1, 5, 5, 5, 5, 5], "B": [2, 2, 2, 2, 4, 4, 4, 4], "C": [3] * 8}
UNIT = [a for answers in COHORTS.values() for a in answers] + [3] * 5
SHOWN: list[tuple[int, tuple[str, ...], int, str]] = [
    (0, ("A",), 8, "3.5"),
    (1, ("B",), 8, "3.0"),
    (2, ("C",), 8, "3.0"),
    (3, ("A", "B", "C", "D1", "D2"), 29, "3.1"),
]
HIDDEN = [(4, ("D1",), None, None), (5, ("D2",), None, None)]
INVITED = [(4, ("D1",), 10, None, None), (5, ("D2",), 10, None, None)]


def _exactly(answers: Sequence[int]) -> dict[int, tuple[float, float]]:
    return {v: (float(answers.count(v)),) * 2 for v in range(1, 6)}


def test_cohorts_shown_exactly_are_merged_with_their_distributions_summed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledarutveckling._evaluation import intervals
    from ledarutveckling._evaluation.interval_pieces import _pieces

    values = {i: _exactly(COHORTS[r]) for i, r in enumerate("ABC")} | {3: _exactly(UNIT)}
    pieces = _pieces(SHOWN, HIDDEN, INVITED, (1, 5))
    assert pieces is not None
    assert [m[0] for m in pieces.members["\x00A"]] == ["A", "B", "C"]
    assert merged(values, SHOWN, pieces.shown, pieces.members, (1, 5)) == {
        0: {1: (3.0, 3.0), 2: (4.0, 4.0), 3: (8.0, 8.0), 4: (4.0, 4.0), 5: (5.0, 5.0)},
        3: values[3],
    }
    # The figures that pin D1 and D2 are named from the full program (as the search found).
    found = narrowed(SHOWN, HIDDEN, WIDTHS, (1, 5), bounds=INVITED, values=values)
    assert [(n.index, n.what, n.low, n.high, n.used) for n in found] == [
        (4, "mean", 3.0, 3.0, frozenset({0, 1, 3})),
        (5, "mean", 3.0, 3.0, frozenset({0, 1, 3})),
    ]
    assert narrowed(SHOWN, HIDDEN, WIDTHS, (1, 5), bounds=INVITED) == []
    # The same as the full program finds.
    monkeypatch.setattr(intervals, "_pieces", lambda *_, **__: None)
    assert narrowed(SHOWN, HIDDEN, WIDTHS, (1, 5), bounds=INVITED, values=values) == found


def test_cohorts_are_merged_only_where_their_answers_at_each_value_are_known() -> None:
    from ledarutveckling._evaluation.interval_pieces import _pieces

    shown = [*SHOWN, (6, ("E",), 8, "3.0")]
    pieces = _pieces(shown, HIDDEN, INVITED, (1, 5))
    assert pieces is not None
    # A's own distribution not shown: A's answers at each value are in the unit's rows, and
    # a merged piece's would not be the sums of its members'.
    covered = {1: _exactly(COHORTS["B"]), 2: _exactly(COHORTS["C"]), 3: _exactly(UNIT)}
    assert merged(covered, shown, pieces.shown, pieces.members, (1, 5)) is None
    # A range at a value is not exact.
    ranged = {**covered, 0: {**_exactly(COHORTS["A"]), 3: (0.0, 1.0)}}
    assert merged(ranged, shown, pieces.shown, pieces.members, (1, 5)) is None
    # A distribution shown only of a cohort in no group with them (E): the cohorts merged
    # have no answers at each value in the program, and are merged as before.
    alone = {6: _exactly([3] * 8)}
    assert merged(alone, shown, pieces.shown, pieces.members, (1, 5)) == alone
    # A measure of counts takes no distributions: its programs are merged as before.
    counts = [(i, e, c, None) for i, e, c, _ in shown]
    assert narrowed(counts, HIDDEN, WIDTHS, None, bounds=INVITED, values=covered) == []


def test_a_cohort_whose_answers_at_each_value_are_not_its_own_is_left_out_of_the_merging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Given the distributions, the cohorts that can merge still do; the program is as exact."""
    from ledarutveckling._evaluation import intervals
    from ledarutveckling._evaluation.interval_pieces import _pieces

    # A's own distribution not shown, while the unit's covers it: A is left as it is, B and C
    # (each its own, exact) merge; E, in no distribution, merges with no exact one.
    shown = [
        *SHOWN[:3],
        (3, ("A", "B", "C", "D1", "D2", "E", "F"), 45, "3.1"),
        (6, ("E",), 8, "3.0"),
        (7, ("F",), 8, "3.0"),
        (8, ("A", "B", "C", "D1", "D2"), 29, "3.1"),
    ]
    covered = {1: _exactly(COHORTS["B"]), 2: _exactly(COHORTS["C"]), 8: _exactly(UNIT)}
    pieces = _pieces(shown, HIDDEN, INVITED, (1, 5), None, covered)
    assert pieces is not None
    assert {name: [m[0] for m in group] for name, group in pieces.members.items()} == {
        "\x00B": ["B", "C"],
        "\x00E": ["E", "F"],
    }
    joined = merged(covered, shown, pieces.shown, pieces.members, (1, 5))
    assert joined is not None
    assert joined[1] == {1: (0.0, 0.0), 2: (4.0, 4.0), 3: (8.0, 8.0), 4: (4.0, 4.0), 5: (0.0, 0.0)}
    # Without the distributions, A merges with B and C, and the distributions cannot be joined.
    plain = _pieces(shown, HIDDEN, INVITED, (1, 5))
    assert plain is not None
    assert merged(covered, shown, plain.shown, plain.members, (1, 5)) is None
    # The same as the full program finds.
    found = narrowed(shown, HIDDEN, WIDTHS, (1, 5), bounds=INVITED, values=covered)
    monkeypatch.setattr(intervals, "_pieces", lambda *_, **__: None)
    assert narrowed(shown, HIDDEN, WIDTHS, (1, 5), bounds=INVITED, values=covered) == found


def test_the_witnesses_carry_the_linked_figures_and_the_answers_at_each_value() -> None:
    """A solution carried to the next search keeps its top-two boxes and its distributions."""
    pytest.importorskip("highspy")
    import attrs

    from ledarutveckling._evaluation.interval_pieces import _pieces
    from ledarutveckling._evaluation.interval_ranges import _Model
    from ledarutveckling._evaluation.interval_witnesses import _carried_in, _carried_out, _exact

    shown = [*SHOWN, (6, ("E",), 8, "3.0")]  # E in no distribution and no box
    values = {i: _exactly(COHORTS[r]) for i, r in enumerate("ABC")} | {3: _exactly(UNIT)}
    linked = ("top2", {0: (5.0, 5.0), 1: (4.0, 4.0), 2: (0.0, 0.0), 3: (9.0, 9.0)})
    exact = _exact(shown, linked, values, (1, 5))
    assert exact[0] == {"A": 5.0, "B": 4.0, "C": 0.0}
    assert exact[1]["C"] == [0.0, 0.0, 8.0, 0.0, 0.0]
    pieces = _pieces(shown, HIDDEN, INVITED, (1, 5), linked, values)
    assert pieces is not None
    assert [m[0] for m in pieces.members["\x00A"]] == ["A", "B", "C"]
    joined = merged(values, shown, pieces.shown, pieces.members, (1, 5))
    model = _Model(pieces.shown, (1, 5), pieces.bounds, pieces.linked, joined)
    model.publish(True)
    assert model.count([model.column["D1"]]) is not None
    carried = _carried_out(model, pieces, exact)
    assert carried is not None
    again = _carried_in(model, pieces, carried)
    assert again is not None
    assert all(model._fits(x, whole=False) for x in again)
    # Without them, the boxes and the answers at each value are 0: no solution fits.
    bare = _carried_in(model, pieces, attrs.evolve(carried, linked=None, values=None))
    assert bare is not None
    assert not any(model._fits(x, whole=False) for x in bare)
    # Only exact figures of a cohort on its own are taken; none without a scale.
    ranged = ("top2", {0: (4.0, 5.0), 3: (9.0, 9.0)})
    assert _exact(shown, ranged, {0: {**values[0], 3: (0.0, 1.0)}}, (1, 5)) == ({}, {})
    assert _exact(shown, None, values, None) == ({}, {})


def test_nps_cohorts_whose_answers_at_each_value_are_shown_merge_with_the_mean_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every column of such a cohort is a constant: merged, the program finds the same."""
    from ledarutveckling._evaluation import intervals
    from ledarutveckling._evaluation.interval_pieces import _known, _pieces
    from ledarutveckling._evaluation.interval_ranges import _Model
    from ledarutveckling._evaluation.interval_witnesses import _carried_in, _carried_out, _exact

    def exactly(answers: Sequence[int]) -> dict[int, tuple[float, float]]:
        return {v: (float(answers.count(v)),) * 2 for v in range(11)}

    a = [10, 10, 10, 9, 8, 7, 3, 0]  # 4 promoters, 2 detractors, a sum of 57 (NPS +25, 7.1)
    b = [10, 9, 9, 8, 8, 8, 6, 5]  # 3 and 2, 63 (NPS +13, 7.9)
    shown = [
        (0, ("A",), 8, "NPS +25"),
        (1, ("B",), 8, "NPS +13"),
        (2, ("A", "B", "H"), 18, "NPS +17"),  # H: 10 and 0
    ]
    values = {0: exactly(a), 1: exactly(b)}
    linked = ("sum", {0: (57.0, 57.0), 1: (63.0, 63.0), 2: (129.0, 130.0)})
    targets = [(3, ("H",), None, None)]
    bounds = [(3, ("H",), 4, None, 4)]
    pieces = _pieces(shown, targets, bounds, (0, 10), linked, values)
    assert pieces is not None
    assert [m[0] for m in pieces.members["\x00A"]] == ["A", "B"]
    assert pieces.shown[0] == (0, ("\x00A",), 16, ("nps", 3.0, 3.0))
    assert pieces.linked is not None
    assert pieces.linked[1][0] == (120.0, 120.0)
    # Carried to the next search, each member keeps its own promoters and detractors.
    joined = merged(values, shown, pieces.shown, pieces.members, (0, 10))
    model = _Model(pieces.shown, (0, 10), pieces.bounds, pieces.linked, joined)
    model.publish(True)
    assert model.count([model.column["H"]]) is not None
    carried = _carried_out(model, pieces, _exact(shown, linked, values, (0, 10)))
    assert carried is not None
    at = [carried.column[r] for r in "AB"]
    assert carried.sums[0][0, at].tolist() == [4.0, 3.0]
    assert carried.sums[1][0, at].tolist() == [2.0, 2.0]
    again = _carried_in(model, pieces, carried)
    assert again is not None
    assert all(model._fits(x, whole=False) for x in again)
    widths = intervals.Widths(minimum=5, mean=1.0, share=0.2)
    found = narrowed(shown, targets, widths, (0, 10), bounds=bounds, linked=linked, values=values)
    assert found
    monkeypatch.setattr(intervals, "_pieces", lambda *_, **__: None)
    full = narrowed(shown, targets, widths, (0, 10), bounds=bounds, linked=linked, values=values)
    assert found == full
    # Not known exactly, or at odds with the cohort's own figures: left as it is.
    alone = _pieces([*shown, (4, ("E",), 5, "NPS +0")], targets, bounds, (0, 10), linked, values)
    assert alone is not None
    assert [m[0] for m in alone.members["\x00A"]] == ["A", "B"]
    counts = [c for c, _ in exactly(a).values()]
    assert _known({"A": counts}, "A", (2.0, 2.0), (57.0, 57.0)) == ((2.0, 2.0), 57.0)
    assert _known({"A": None}, "A", (2.0, 2.0), (57.0, 57.0)) is None
    assert _known(None, "A", (2.0, 2.0), (57.0, 57.0)) is None
    assert _known({"A": counts}, "A", (3.0, 3.0), (57.0, 57.0)) is None
    assert _known({"A": counts}, "A", (2.0, 2.0), (58.0, 60.0)) is None
    assert _known({"A": counts}, "A", None, (57.0, 57.0)) is None
