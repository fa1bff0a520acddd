"""Solutions rearranged among twins: witnesses that spare the audit's programs (issue 20).

Evaluations that lie in the same shown figures and bounded groups ("twins") can trade
answers without changing any shown figure, so one solution found stands for many: a hidden
cohort's count from none to its class's whole, its mean from one end of the scale to the
other. Each rearranged solution is checked against every row before it is used; here the
rearrangements are checked by hand, on two small programs: a mean (cohorts A and B shown,
twins H1 and H2 hidden, all four in a shown total) and an NPS (A shown, H1 and H2 hidden).
"""

from __future__ import annotations

from typing import Any

import pytest

from ledarutveckling._evaluation import interval_program, interval_ranges, interval_twins

# A 6 answers, mean 4.0 (sum 24); B 7, mean 2.0 (14); all 15, mean 3.0 (45): the twins hold
# 2 answers summing 7. Each twin was invited 10 and noted to have at most 4.
MEAN_SHOWN: list[interval_program.Figure] = [
    (0, ("A",), 6, "4.0"),
    (1, ("B",), 7, "2.0"),
    (4, ("A", "B", "H1", "H2"), 15, "3.0"),
]
TWIN_BOUNDS: list[interval_program.Bound] = [(2, ("H1",), 10, None, 4), (3, ("H2",), 10, None, 4)]
# Columns: answers A B H1 H2, sums A B H1 H2, invited A B H1 H2.
MEAN_POINT = [6, 7, 1, 1, 24, 14, 3, 4, 6, 7, 10, 10]

# A 10 answers, NPS +20 (2 more promoters than detractors); all 12, NPS +17 (also 2 more).
NPS_SHOWN: list[interval_program.Figure] = [
    (0, ("A",), 10, "NPS +20"),
    (1, ("A", "H1", "H2"), 12, "NPS +17"),
]
# Columns: answers A H1 H2, promoters A H1 H2, detractors A H1 H2, invited A H1 H2.
NPS_POINT = [10, 1, 1, 2, 1, 0, 0, 0, 1, 10, 10, 10]


def _model(shown: list[interval_program.Figure], scale: tuple[int, int]) -> Any:
    pytest.importorskip("highspy")
    return interval_ranges._Model(shown, scale, TWIN_BOUNDS)


def _point(model: Any, values: list[int]) -> Any:
    return model.np.array(values, dtype=float)


def test_twins_are_the_evaluations_in_the_same_figures_with_their_own_bounds() -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    assert [model.column[r] for r in ("A", "B", "H1", "H2")] == [0, 1, 2, 3]
    assert model.classes == [[0], [1], [2, 3]]
    assert model.klass == [0, 1, 2, 2]
    assert list(model.least) == [0, 0, 0, 0]
    assert list(model.most) == [float("inf"), float("inf"), 4, 4]
    assert model._sums() == [4]
    # A bound over several evaluations parts them like a figure: H1 and H2 are no twins.
    apart = interval_ranges._Model(MEAN_SHOWN, (1, 5), [(5, ("A", "H1"), 20, 3, None)])
    assert apart.classes == [[0], [1], [2], [3]]
    assert list(apart.least) == [0, 0, 0, 0]


def test_a_solution_fits_only_if_it_meets_every_row_as_it_is_now() -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    assert model._fits(_point(model, MEAN_POINT), whole=True)
    assert not model._fits(_point(model, [*MEAN_POINT[:2], -1, 3, *MEAN_POINT[4:]]), whole=False)
    fraction = _point(model, MEAN_POINT)
    fraction[6], fraction[7] = 3.5, 3.5
    assert model._fits(fraction, whole=False)
    assert not model._fits(fraction, whole=True)
    crowded = _point(model, [6, 7, 0, 2, 24, 14, 0, 7, 6, 7, 10, 2])  # H2's invited 10 broken
    assert model._fits(crowded, whole=True)  # without the published bounds
    model.publish(True)
    assert not model._fits(crowded, whole=True)
    assert not model._fits(_point(model, [6, 7, 1, 1, 24, 14, 3, 5, 6, 7, 10, 10]), whole=True)


def test_a_count_solution_rearranged_gives_a_twin_none_to_all_of_its_class() -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    model.points = [_point(model, MEAN_POINT)]
    assert model._moved([2], maximise=True) == 2.0
    assert model._moved([2], maximise=False) == 0.0
    assert model._moved([0], maximise=True) is None  # A has no twin
    assert model._moved([2, 3], maximise=True) is None  # nor the class as a whole
    # The count so far is 1; rearranged, 0 to 2, but the minimum 5 asks for 5 values.
    assert model._reached([2], enough=5, spread=5) == (0.0, 2.0)
    assert model._reached([2], enough=5, spread=5, least=1.0) == (1.0, 2.0)
    assert model._reached([2], enough=5, spread=1) == (1.0, 1.0)  # settled as it is
    model.publish(True)
    assert model._reached([2]) is None
    model.points = [_point(model, MEAN_POINT)]
    assert model._moved([2], maximise=True) == 2.0
    # Noted to have at most 1, H1 holds 0 or 1 of the class's 2 answers, and H2 1 or 2.
    noted = interval_ranges._Model(MEAN_SHOWN, (1, 5), [(2, ("H1",), 10, None, 1), TWIN_BOUNDS[1]])
    noted.publish(True)
    noted.points = [_point(noted, MEAN_POINT)]
    assert [noted._moved([2], maximise=m) for m in (False, True)] == [0.0, 1.0]
    assert [noted._moved([3], maximise=m) for m in (False, True)] == [1.0, 2.0]


def test_a_rearranged_count_solution_that_does_not_fit_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    model.points = [_point(model, MEAN_POINT)]
    monkeypatch.setattr(interval_ranges._Model, "_fits", lambda *_, **__: False)
    assert model._moved([2], maximise=True) is None
    assert model._reached([2], enough=5, spread=5) == (1.0, 1.0)


def test_whole_solutions_rearranged_put_a_twins_mean_at_both_ends() -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    model.pool = [_point(model, MEAN_POINT)]
    model._split([2], "mean", 1.0)  # whole solutions are kept with the published bounds only
    assert len(model.pool) == 1
    model.publish(True)
    model._split([2], "mean", 1.0)
    assert len(model.pool) == 3
    # H1 keeps one answer: 2 or 5 (H2's one answer makes up the class's 7).
    assert [list(x) for x in model.pool[1:]] == [
        [6, 7, 1, 1, 24, 14, 2, 5, 6, 7, 10, 10],
        [6, 7, 1, 1, 24, 14, 5, 2, 6, 7, 10, 10],
    ]
    assert model._wide([2], [6], 1.0)
    model._split([2], "mean", 3.5)  # 2 to 5 is not 3.5 apart: nothing kept
    model._split([0], "mean", 1.0)  # A has no twin
    model._split([2, 3], "mean", 1.0)  # only groups of one evaluation
    assert len(model.pool) == 3
    model.pool = []
    model._split([2], "mean", 1.0)
    assert model.pool == []


def test_whole_solutions_rearranged_that_do_not_fit_are_not_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    model.publish(True)
    model.pool = [_point(model, MEAN_POINT)]
    monkeypatch.setattr(interval_ranges._Model, "_fits", lambda *_, **__: False)
    model._split([2], "mean", 1.0)
    assert len(model.pool) == 1


# H1's respondents (2) shown beside its hidden mean: answers + a slack of its own make 2, so
# H1 has no twin, but its sum lies in the same figures (the total) as H2's.
# Columns: answers cap A B H1 H2, sums cap A B H1 H2, invited cap A B H1 H2.
CAPPED_SHOWN: list[interval_program.Figure] = [*MEAN_SHOWN, (5, ("H1", "\x01cap"), 2, None)]
CAPPED_POINT = [1, 6, 7, 1, 1, 3, 24, 14, 3, 4, 1, 6, 7, 10, 10]


def test_a_lone_evaluations_mean_is_moved_among_those_summed_with_it() -> None:
    # H1's count shown on its own (its mean not): no twin, but its sum is in the total's.
    model = _model([*MEAN_SHOWN, (5, ("H1",), 1, None)], (1, 5))
    assert model.classes == [[0], [1], [2], [3]]  # no twins
    assert [list(model._summed_with[c]) for c in range(4)] == [[0], [1], [2, 3], [2, 3]]
    model.publish(True)
    model.pool = [_point(model, MEAN_POINT)]
    # The class of the total's sum is 7 on two answers, one each: H1's sum from 2 to 5.
    model._split([2], "mean", 1.0)
    assert [list(x) for x in model.pool[1:]] == [
        [6, 7, 1, 1, 24, 14, 2, 5, 6, 7, 10, 10],
        [6, 7, 1, 1, 24, 14, 5, 2, 6, 7, 10, 10],
    ]
    assert model._wide([2], [6], 1.0)
    model._split([2], "mean", 3.5)  # 2 to 5 is not 3.5 apart: nothing kept
    model._split([0], "mean", 1.0)  # A's sum lies in a figure of its own
    assert len(model.pool) == 3
    # With no answer of H1's in any solution, nothing to move.
    model.pool = [_point(model, [6, 7, 0, 2, 24, 14, 0, 7, 6, 7, 10, 10])]
    model._split([2], "mean", 1.0)
    assert len(model.pool) == 1


def test_a_capped_evaluations_mean_is_rearranged_through_its_slack() -> None:
    model = _model(CAPPED_SHOWN, (1, 5))
    model.publish(True)
    model.pool = [_point(model, CAPPED_POINT)]
    assert model._fits(model.pool[0], whole=True)
    # H1 keeps one answer (its slack one, its sum at the least: 1), its sum 2 or 5.
    model._split([3], "mean", 1.0)
    assert [list(x) for x in model.pool[1:]] == [
        [1, 6, 7, 1, 1, 1, 24, 14, 2, 5, 1, 6, 7, 10, 10],
        [1, 6, 7, 1, 1, 1, 24, 14, 5, 2, 1, 6, 7, 10, 10],
    ]
    # All of the class's answers in H2, H1 none: H1 takes one back from H2, its slack one less.
    model.pool = [_point(model, [2, 6, 7, 0, 2, 3, 24, 14, 0, 7, 2, 6, 7, 10, 10])]
    assert model._fits(model.pool[0], whole=True)
    model._split([3], "mean", 1.0)
    assert [list(x) for x in model.pool[1:]] == [
        [1, 6, 7, 1, 1, 1, 24, 14, 2, 5, 2, 6, 7, 10, 10],
        [1, 6, 7, 1, 1, 1, 24, 14, 5, 2, 2, 6, 7, 10, 10],
    ]


def test_a_capped_evaluation_trades_answers_with_its_twins_through_its_slack() -> None:
    model = _model(CAPPED_SHOWN, (1, 5))
    assert list(model._slack) == [-1, -1, -1, 0, -1]  # H1's slack is the cap's column
    assert model._by_count[0] == [[0], [1], [2], [3, 4]]  # twins for the counts
    model.points = [_point(model, CAPPED_POINT)]
    # H1 holds none or both of the class's 2 answers; its slack makes up the 2 respondents.
    assert model._moved([3], maximise=True) == 2.0
    assert model._moved([3], maximise=False) == 0.0
    assert model._reached([3], enough=5, spread=3) == (0.0, 2.0)
    model.publish(True)
    model.points = [_point(model, CAPPED_POINT)]
    assert [model._moved([3], maximise=m) for m in (False, True)] == [0.0, 2.0]
    # Both of the class's answers H1's already (its slack none): H2 may take them back.
    model.points = [_point(model, [0, 6, 7, 2, 0, 0, 24, 14, 7, 0, 0, 6, 7, 10, 10])]
    assert model._fits(model.points[0], whole=False)
    assert [model._moved([3], maximise=m) for m in (False, True)] == [0.0, 2.0]
    assert model._moved([4], maximise=True) == 2.0  # H2 takes H1's, whose slack grows


@pytest.mark.parametrize(
    "cap",
    [
        (5, ("H1", "H2", "\x01cap"), 2, None),  # a cap of two evaluations parts them
        (5, ("H1", "\x01cap"), 2, "3.0"),  # (not a cap: a figure)
    ],
)
def test_only_a_cap_of_one_evaluation_by_its_own_slack_is_traded_through(
    cap: interval_program.Figure,
) -> None:
    model = _model([*MEAN_SHOWN, cap], (1, 5))
    assert list(model._slack) == [-1] * 5
    shared = _model([*CAPPED_SHOWN, (6, ("A", "\x01cap"), 8, None)], (1, 5))
    assert list(shared._slack) == [-1] * 5  # a slack in another figure too: not its own


def test_a_moved_mean_that_does_not_fit_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    model = _model([*MEAN_SHOWN, (5, ("H1",), 1, None)], (1, 5))
    model.publish(True)
    model.pool = [_point(model, MEAN_POINT)]
    monkeypatch.setattr(interval_ranges._Model, "_fits", lambda *_, **__: False)
    model._split([2], "mean", 1.0)
    assert len(model.pool) == 1


def test_count_solutions_with_the_bounds_on_are_witnesses_without_them() -> None:
    model = _model(MEAN_SHOWN, (1, 5))
    model.publish(True)
    on = _point(model, MEAN_POINT)
    model.points.append(on)
    model.publish(False)  # fewer rows bounded: still a solution
    assert len(model.points) == 1
    assert model.points[0] is on
    assert model._reached([2], enough=5, spread=1) == (1.0, 1.0)
    off = _point(model, [6, 7, 0, 2, 24, 14, 0, 7, 6, 7, 10, 2])  # H2's invited 10 broken
    model.points.append(off)
    model.publish(True)  # the one found without them is dropped
    assert len(model.points) == 1
    assert model.points[0] is on
    model.publish(True)
    assert len(model.points) == 1


def test_whole_solutions_rearranged_put_a_twins_shares_at_both_ends() -> None:
    model = _model(NPS_SHOWN, (0, 10))
    assert model.kind == "nps"
    assert model.classes == [[0], [1, 2]]
    model.publish(True)
    model.pool = [_point(model, NPS_POINT)]
    assert model._fits(model.pool[0], whole=True)
    model._split([1], "promoters", 0.2)
    model._split([1], "detractors", 0.2)
    assert [list(x) for x in model.pool[1:]] == [
        [10, 1, 1, 2, 0, 0, 0, 0, 0, 10, 10, 10],  # both passives
        [10, 1, 1, 2, 1, 0, 0, 0, 1, 10, 10, 10],  # H1 the promoter, H2 a detractor
        [10, 1, 1, 2, 0, 0, 0, 0, 0, 10, 10, 10],  # both passives
        [10, 1, 1, 2, 0, 1, 0, 1, 0, 10, 10, 10],  # H1 the detractor, H2 a promoter
    ]
    # Only the class's difference is kept: from two passives, H1 a promoter or not.
    model.pool = [_point(model, [10, 1, 1, 2, 0, 0, 0, 0, 0, 10, 10, 10])]
    model._split([1], "promoters", 0.2)
    assert len(model.pool) == 3
    model._split([1], "promoters", 1.5)  # a share goes from 0 to 1 at most
    assert len(model.pool) == 3
    model._split([0], "promoters", 0.2)  # A has no twin (and an NPS's sums are not moved)
    assert len(model.pool) == 3


@pytest.mark.parametrize(
    ("kind", "k", "n", "s", "o", "ends"),
    [
        ("mean", 1, 2, 7, 0, ((2, 0.0), (5, 0.0))),
        ("mean", 1, 2, 11, 0, None),  # more than two answers of 5 can hold
        ("nps", 1, 2, 1, 1, ((0.0, 0.0), (1.0, 0.0))),
        ("nps", 1, 2, 2, 0, ((1.0, 0.0), (1.0, 0.0))),  # both promoters
        ("nps", 1, 3, 1, 2, ((0.0, 0.0), (1.0, 0.0))),
        ("nps", 2, 3, 1, 2, ((0.0, 0.0), (1.0, 1.0))),  # the rest holds one answer
        ("nps", 1, 2, 3, 0, None),  # three more promoters than detractors of two answers
    ],
)
def test_the_ends_of_a_group_of_k_answers_of_its_class(
    kind: str,
    k: float,
    n: float,
    s: float,
    o: float,
    ends: tuple[tuple[float, float], tuple[float, float]] | None,
) -> None:
    scale = (1, 5) if kind == "mean" else (0, 10)
    assert interval_twins._ends(kind, scale, k, n, s, o) == ends


def test_fill_fills_the_first_first() -> None:
    np = pytest.importorskip("numpy")
    filled = interval_twins._fill(7.0, np.array([1.0, 0.0, 2.0]), np.array([4.0, 4.0, 4.0]))
    assert list(filled) == [4.0, 1.0, 2.0]
