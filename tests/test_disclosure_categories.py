"""The published categories in the audit, and a question's count under the respondents (issue 20).

The attacks themselves are in tests/test_anonymity_attacks_h11.py; these pin the pieces.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import Scale
from ledarutveckling._evaluation import categories
from ledarutveckling._evaluation.categories import (
    _rounded_from,
    _weighed,
    category_counts,
    counted,
    pinned,
)
from ledarutveckling._evaluation.exact_basis import _Basis
from ledarutveckling._evaluation.figures import ShownFigure
from ledarutveckling._evaluation.leaks import (
    _determined_sets,
    _Memory,
    _SearchCappedError,
    _tracked,
)
from ledarutveckling._evaluation.respondent_caps import respondent_caps
from ledarutveckling._evaluation.statistics import PERCENT, Statistics, shown


def test_a_share_of_a_large_group_is_the_range_of_counts_it_rounds_from() -> None:
    # 100 of 201 is 49.75 % and 101 of 201 is 50.25 %: both are shown as 50 %
    stats = Statistics.of(Scale.LIKERT_5, [5] * 100 + [1] * 101)
    assert category_counts(stats.published(minimum_text=None)) == ("top2:100-101",)
    nps = Statistics.of(Scale.NPS, [10, 9, 7, 0])
    assert category_counts(nps.published(minimum_text=None)) == (
        "promoters:2-2",
        "detractors:1-1",
    )


def figure(group: tuple[str, ...], count: int | None, *categories: str) -> ShownFigure:
    return ShownFigure(
        measure="Q1",
        group=group,
        evaluations=group,
        shown=count is not None,
        count=count,
        categories=categories,
        lowest=1,
        highest=5,
    )


def test_a_determined_set_without_answers_pins_nothing() -> None:
    # The total less A leaves B and C no answers to the question: nothing to pin.
    shown = [
        (0, figure(("A", "B", "C"), 10, "top2:5-5")),
        (1, figure(("A",), 10, "top2:5-5")),
    ]
    hidden: dict[tuple[str, ...], ShownFigure] = {
        ("B",): figure(("B",), None),
        ("C",): figure(("C",), None),
    }

    def tracked() -> _Basis:
        return _Basis(track=True).add(shown)

    assert pinned(shown, hidden, [("B", "C")], tracked) == []
    # with answers, all in the top-two box, both are exposed by the total and A
    shown[0] = (0, figure(("A", "B", "C"), 16, "top2:11-11"))
    assert pinned(shown, hidden, [("B", "C")], tracked) == [
        (hidden["B",], frozenset({0, 1})),
        (hidden["C",], frozenset({0, 1})),
    ]


def test_a_distribution_narrows_the_top_two_box_and_a_contradiction_pins_nothing() -> None:
    # 201 answers: the top-two box alone is 100 or 101, the distribution says 101 (1 + 100);
    # a hidden cohort in a shown group with no answer at 1 to 3 is then all in the box
    whole = figure(
        ("A", "B"), 201, "top2:100-101", "1:100-100", "2:0-0", "3:0-0", "4:1-1", "5:100-100"
    )
    hidden: dict[tuple[str, ...], ShownFigure] = {("B",): figure(("B",), None)}
    tracked = partial(_Basis, track=True)  # only shown groups here: never asked for
    assert pinned([(0, whole)], hidden, [], tracked) == []
    whole = figure(("A", "B"), 101, "top2:100-101", "1:0-0", "2:0-0", "3:0-0", "4:1-1", "5:100-100")
    assert pinned([(0, whole)], hidden, [], tracked) == [(hidden["B",], frozenset({0}))]
    # late answers can leave ranges that contradict the count: no pin is read from them
    late = figure(("A", "B"), 10, "top2:12-12")
    assert pinned([(0, late)], hidden, [], tracked) == []


def test_an_answer_of_the_category_check_is_given_again_with_the_figures_renamed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A question asked again (its groups shown again, or with other indices): the same answer.

    A combination names the first figure of each group (the basis's row), a shown group its
    latest figure.
    """
    unanimous = ("top2:100-101", "1:0-0", "2:0-0", "3:0-0", "4:1-1", "5:100-100")
    shown = [
        (0, figure(("A", "B", "C"), 16, "top2:11-11")),
        (1, figure(("A",), 10, "top2:5-5")),
        (2, figure(("D", "E"), 101, *unanimous)),
    ]
    hidden: dict[tuple[str, ...], ShownFigure] = {
        key: figure(key, None) for key in (("B",), ("C",), ("E",))
    }

    def asked(
        figures: list[tuple[int, ShownFigure]], memo: dict[tuple[object, ...], Any] | None
    ) -> list[tuple[ShownFigure, frozenset[int]]]:
        return pinned(
            figures, hidden, [("B", "C")], lambda: _Basis(track=True).add(figures), memo=memo
        )

    memo: dict[tuple[object, ...], Any] = {}
    expected = [
        (hidden["B",], frozenset({0, 1})),
        (hidden["C",], frozenset({0, 1})),
        (hidden["E",], frozenset({2})),
    ]
    assert asked(shown, memo) == expected == asked(shown, None)
    assert len(memo) == 1
    again = [*shown, (3, shown[1][1]), (4, shown[2][1])]  # A and D+E shown again
    assert asked(again, memo) == asked(again, None)
    assert asked(again, memo) == [*expected[:2], (hidden["E",], frozenset({4}))]
    moved = [(index + 10, f) for index, f in again]
    assert asked(moved, memo) == [
        (hidden["B",], frozenset({10, 11})),
        (hidden["C",], frozenset({10, 11})),
        (hidden["E",], frozenset({14})),
    ]
    assert len(memo) == 1
    monkeypatch.setattr(categories, "_PINNED_KEPT", 1)
    assert asked(shown[:2], memo) == expected[:2]  # another question: the oldest forgotten
    assert len(memo) == 1


def test_the_search_for_determined_sets_keeps_the_cap() -> None:
    shown = [
        (0, figure(("A", "B", "C", "D"), 20)),
        (1, figure(("A", "B"), 10)),
        (2, figure(("A", "C"), 10)),
    ]
    basis = _Basis().add(shown)
    with pytest.raises(_SearchCappedError):
        _determined_sets(None, basis, shown, 1)
    # the total less A and B is C and D; less A and C, B and D (and the shown sets again)
    assert _determined_sets(None, basis, shown, 20) == [
        ("B", "D"),
        ("C", "D"),
        ("A", "B"),
        ("A", "C"),
        ("A", "B", "C", "D"),
    ]


def test_the_respondents_cap_a_hidden_question_of_their_own_group_only() -> None:
    respondents = [
        (
            0,
            ShownFigure(
                measure="respondents", group=("A",), evaluations=("A",), shown=True, count=6
            ),
        ),
        (1, ShownFigure(measure="respondents", group=("B",), evaluations=("B",), shown=False)),
    ]
    question = [
        (2, figure(("A",), None)),
        (3, figure(("B",), None)),
        (4, ShownFigure(measure="Q1", group=("A",), evaluations=(), shown=False)),
    ]
    assert respondent_caps(respondents, question) == [(0, ("A", "\x01A"), 6, None)]


def test_the_tracked_basis_kept_between_audits_is_the_one_built_afresh() -> None:
    shown = [
        (0, figure(("A", "B", "C", "D"), 20, "top2:5-5")),
        (1, figure(("A", "B"), 10, "top2:2-2")),
        (2, figure(("A", "C"), 10, "top2:3-3")),
        (3, figure(("B", "D"), 10, "top2:3-3")),
    ]

    def fresh(figures: list[tuple[int, ShownFigure]]) -> dict[str, object]:
        return dict(_Basis(track=True).add(figures).rows)

    memory = _Memory()
    built: dict[str, _Basis] = {}
    # the first audit: nothing kept; the basis of the earlier figure is left in the memory
    assert _tracked(memory, "Q1", shown[:2], 1, built).rows == fresh(shown[:2])
    assert _tracked(memory, "Q1", shown[:2], 1, built) is built["Q1"]  # built once
    assert memory.tracked["Q1"][0] == tuple(shown[:1])
    # the next record's audit: its earlier figures begin with those kept, the rest added
    later = _Memory(memory)
    assert _tracked(later, "Q1", shown, 3, {}).rows == fresh(shown)
    assert later.tracked["Q1"][0] == tuple(shown[:3])
    assert memory.tracked["Q1"][0] == tuple(shown[:1])  # the earlier record's is its own
    # the same earlier figures again, then other ones (a count changed): built afresh
    assert _tracked(later, "Q1", shown, 3, {}).rows == fresh(shown)
    changed = [(0, figure(("A", "B", "C", "D"), 21, "top2:5-5")), *shown[1:]]
    assert _tracked(later, "Q1", changed, 3, {}).rows == fresh(changed)
    assert later.tracked["Q1"][0] == tuple(changed[:3])
    # without a memory, built from the figures
    assert _tracked(None, "Q1", shown, 3, {}).rows == fresh(shown)


def test_the_category_ranges_are_kept_by_the_categories_and_scale() -> None:
    shown = [(0, figure(("A", "B"), 10, "top2:10-10")), (1, figure(("A",), 5, "top2:5-5"))]
    hidden: dict[tuple[str, ...], ShownFigure] = {("B",): figure(("B",), None)}

    def tracked() -> _Basis:
        return _Basis(track=True).add(shown)

    parsed: dict[tuple[tuple[str, ...], int | None], dict[str, tuple[int, int]]] = {}
    found = pinned(shown, hidden, [("B",)], tracked, parsed)
    assert found == [(hidden["B",], frozenset({0}))]
    assert parsed == {
        (("top2:10-10",), 5): {"top2": (10, 10)},
        (("top2:5-5",), 5): {"top2": (5, 5)},
    }
    assert pinned(shown, hidden, [("B",)], tracked, parsed) == found


def test_a_reduction_sums_the_rows_weights_by_their_factors() -> None:
    basis = _Basis(track=True).add(
        [(0, figure(("A", "B"), 10)), (1, figure(("B", "C"), 4)), (2, figure(("C",), 1))]
    )
    weights = {"A": [2], "B": [3], "C": [5]}
    # A + 2B + C = (A + B) + (B + C): 10 + 4, weights 2 + 3 (no row of C is left to use)
    assert basis.weighed({"A": 1, "B": 2, "C": 1}, weights.__getitem__) == ({}, 14, [5])


def test_a_figure_without_a_category_is_reduced_with_its_figures_followed() -> None:
    # A's figure publishes no categories (a record saved before they were): the middles
    # along B cannot be summed, so the set is reduced as before; B has no answers here
    shown = [(0, figure(("A", "B"), 5, "top2:5-5")), (1, figure(("A",), 5))]
    hidden: dict[tuple[str, ...], ShownFigure] = {("B",): figure(("B",), None)}

    def tracked() -> _Basis:
        return _Basis(track=True).add(shown)

    assert pinned(shown, hidden, [("B",)], tracked) == [(hidden["B",], frozenset({0}))]
    # with answers, the range along the total less A needs A's, which it does not record:
    # taken as none to all of A's 5, B's top-two count is 0 to 5 of its 5, pinned by nothing
    shown[0] = (0, figure(("A", "B"), 10, "top2:5-5"))
    assert pinned(shown, hidden, [("B",)], tracked) == []


@given(count=st.integers(min_value=1, max_value=5000), data=st.data())
def test_the_counts_a_shown_share_rounds_from_are_every_count_that_shows_it(
    count: int, data: st.DataObject
) -> None:
    k = data.draw(st.integers(min_value=0, max_value=count))
    share = shown(Decimal(k) / Decimal(count), PERCENT)
    least, most = _rounded_from(share, count)
    assert least <= k <= most
    for j in (least - 1, least, most, most + 1):
        if 0 <= j <= count:
            assert (shown(Decimal(j) / Decimal(count), PERCENT) == share) == (least <= j <= most)


@given(
    scale=st.sampled_from(list(Scale)),
    data=st.data(),
    minimum_text=st.none() | st.integers(min_value=1, max_value=60),
)
def test_the_category_counts_in_integers_are_those_of_the_published_shares(
    scale: Scale, data: st.DataObject, minimum_text: int | None
) -> None:
    # the audit counts a figure's categories from its exact answers, not from the published
    # (Decimal) shares: the same ranges, for any answers on any scale, a distribution or none
    counts = data.draw(
        st.lists(st.integers(min_value=0, max_value=400), min_size=len(scale.values))
        .map(lambda c: c[: len(scale.values)])
        .filter(any)
    )
    stats = Statistics(scale=scale, distribution=dict(zip(scale.values, counts, strict=True)))
    published = stats.published(minimum_text=minimum_text)
    assert counted(stats, minimum_text) == category_counts(published)


def test_the_category_counts_in_integers_by_hand() -> None:
    stats = Statistics.of(Scale.NPS, [10, 9, 7, 0, 0, 3, 8, 9])
    assert counted(stats, 8) == (
        "promoters:3-3",
        "detractors:3-3",
        *(f"{v}:{n}-{n}" for v, n in enumerate([2, 0, 0, 1, 0, 0, 0, 1, 1, 2, 1])),
    )
    assert counted(stats, 9) == ("promoters:3-3", "detractors:3-3")
    # 100 of 201 and 101 of 201 both show as 50 %
    assert counted(Statistics.of(Scale.LIKERT_7, [7] * 100 + [1] * 101), None) == ("top2:100-101",)


@given(
    groups=st.lists(
        st.sets(st.sampled_from("ABCDEFGH"), min_size=1).map(lambda s: tuple(sorted(s))),
        max_size=8,
    ),
    counts=st.lists(st.integers(min_value=0, max_value=9), min_size=8, max_size=8),
    union=st.sets(st.sampled_from("ABCDEFGHI"), min_size=1).map(lambda s: tuple(sorted(s))),
    cuts=st.dictionaries(st.sampled_from("ABCDEFGHI"), st.integers(min_value=0, max_value=2)),
)
def test_a_union_reduced_in_parts_is_the_union_reduced(
    groups: list[tuple[str, ...]],
    counts: list[int],
    union: tuple[str, ...],
    cuts: dict[str, int],
) -> None:
    # the reduction is linear in the vector: summed over any parts (cut by *cuts*, and
    # evaluations no part names), it is the union's own, rest, count and weights exactly
    basis = _Basis(track=True).add(
        (i, figure(g, counts[i], "top2:0-0")) for i, g in enumerate(groups)
    )

    def weight(pivot: str) -> list[int]:
        return [len(basis.rows[pivot][0]), 3 * ord(pivot) - len(groups)]

    piece = {reference: (part,) for reference, part in cuts.items()}
    done: dict[tuple[str, ...], tuple[dict[str, object], object, list[object]]] = {}
    expected = basis.weighed(dict.fromkeys(union, 1), weight)
    assert _weighed(basis, union, piece, done, weight) == expected  # type: ignore[arg-type]
    assert _weighed(basis, union, piece, done, weight) == expected  # type: ignore[arg-type]


@given(
    groups=st.lists(
        st.tuples(
            st.sets(st.sampled_from("ABCDEFGH"), min_size=1).map(lambda s: tuple(sorted(s))),
            st.integers(min_value=0, max_value=9),
        ),
        max_size=7,
    ),
    minimum=st.integers(min_value=1, max_value=12),
)
def test_the_union_search_sums_its_cells_as_a_direct_reduction_would(
    groups: list[tuple[tuple[str, ...], int]], minimum: int
) -> None:
    # the unions of undetermined cells are reduced as the sum of their cells' reductions:
    # the same unions found as reducing each union's own vector
    from ledarutveckling._evaluation.leaks import (
        _cells,
        _echelon,
        _small_unions,
        _zero_one_vectors,
    )

    shown = [(i, figure(g, count)) for i, (g, count) in enumerate(groups)]
    basis = _Basis().add(shown)
    found = {f.evaluations for f in _small_unions(basis, "Q1", shown, minimum, set())}
    # the search of the unions with each union reduced on its own
    keys = {g for g, _ in groups}
    undetermined = [
        c
        for c in _cells([f for _, f in shown])
        if c not in keys and basis.reduce(dict.fromkeys(c, 1))[0]
    ]
    expected = {
        c
        for c in _cells([f for _, f in shown])
        if c not in keys
        and not basis.reduce(dict.fromkeys(c, 1))[0]
        and 0 < basis.reduce(dict.fromkeys(c, 1))[1] < minimum
    }
    if len(undetermined) >= 2:
        column = {r: i for i, c in enumerate(undetermined) for r in c}
        projected = {frozenset(column[r] for r in g if r in column) for g, _ in groups}
        rows = _echelon(sorted((p for p in projected if p), key=sorted))
        for ones in _zero_one_vectors(rows, len(undetermined)):
            union = tuple(sorted(r for i in ones for r in undetermined[i]))
            rest, value, _ = basis.reduce(dict.fromkeys(union, 1))
            if not rest and 0 < value < minimum:
                expected.add(union)
    assert found == expected
