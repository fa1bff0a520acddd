"""What an audience's record remembers between audits changes nothing it hides (issue 20).

The record keeps, for its next audit, the exact audit's basis of what it has shown, the
answers of the narrowing check and of the union search by question, and the solutions the
last search of each measure found (offered to the next search as witnesses, each checked
first). A record that remembers nothing (as loaded from a pickle) must hide exactly the same
figures, report after report, and the memory is never pickled, compared or shown.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from ledarutveckling import (
    Audience,
    DateRange,
    Dimension,
    Evaluation,
    ValidationError,
    breakdown,
    compare_periods,
)
from ledarutveckling._evaluation import (
    categories,
    interval_program,
    interval_witnesses,
    intervals,
    leaks,
)
from ledarutveckling._evaluation.interval_pieces import _pieces
from ledarutveckling._evaluation.interval_ranges import _Model
from tests.test_disclosure_shortcuts import _program


def _year(
    evaluations: list[Evaluation], *, forget: bool, refused: list[str] | None = None
) -> Audience:
    """The benchmark's year of reports (and an earlier unit report).

    With *forget*, each is audited by a record that has no memory (a pickle's copy). A
    report the audit refuses leaves the record as it was; its refusal is added to *refused*.
    """
    board = Audience(name="styrgruppen")
    before = DateRange.from_iso("2025-01-01", "2025-12-31")
    after = DateRange.from_iso("2026-01-01", "2026-12-31")
    steps: list[Any] = [
        lambda a: breakdown(evaluations, by=Dimension.COHORT, audience=a),
        lambda a: breakdown(evaluations, by=Dimension.UNIT, audience=a),
        lambda a: breakdown(evaluations, by=Dimension.YEAR, audience=a),
        lambda a: compare_periods(evaluations, before=before, after=after, audience=a),
        lambda a: breakdown(evaluations[:-1], by=Dimension.COHORT, audience=a),
        lambda a: breakdown(evaluations, by=Dimension.COHORT, audience=a),
        lambda a: breakdown(
            evaluations[: len(evaluations) * 3 // 4], by=Dimension.UNIT, audience=a
        ),
    ]
    for step in steps:
        if forget:
            board = pickle.loads(pickle.dumps(board))
        try:
            _, board = step(board)
        except ValidationError as refusal:
            if refused is None:
                raise
            refused.append(str(refusal))
    return board


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2), (28, 9, 3)])
def test_a_record_that_remembers_hides_what_one_that_forgets_hides(
    cohorts: int, size: int, seed: int
) -> None:
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    refusals: tuple[list[str], list[str]] = ([], [])
    remembered = _year(evaluations, forget=False, refused=refusals[0])
    forgotten = _year(evaluations, forget=True, refused=refusals[1])
    assert refusals[0] == refusals[1]  # the same reports refused (the top-two box's narrowing)
    assert remembered == forgotten  # every figure of every publication, as shown or hidden
    assert sum(1 for p in remembered.publications for f in p.figures if not f.shown) > 0


def test_the_memory_is_not_pickled_compared_or_shown() -> None:
    pytest.importorskip("highspy")
    board = _year(_program(14, 12, 1), forget=False)
    fresh = Audience(name="styrgruppen", publications=board.publications)
    assert board._memory.bases
    assert board._memory.answers
    assert board._memory.witnesses
    assert pickle.dumps(board) == pickle.dumps(fresh)
    copied = pickle.loads(pickle.dumps(board))
    assert copied == board == fresh
    assert copied._memory.bases == {}
    assert copied._memory.answers == {}
    assert repr(board) == repr(fresh)
    assert hash(board) == hash(fresh)


def test_a_memory_that_keeps_one_answer_hides_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("highspy")
    evaluations = _program(21, 10, 2)
    # (no report of this year is refused since the answer distributions are modelled: the
    # earlier reports hide other figures, and the last unit report then narrows no group; a
    # memory that keeps one answer must still refuse exactly what a full one refuses)
    refusals: list[str] = []
    remembered = _year(evaluations, forget=False, refused=refusals)
    monkeypatch.setattr(intervals, "_ANSWERS_KEPT", 1)
    monkeypatch.setattr(leaks, "_UNIONS_KEPT", 1)
    monkeypatch.setattr(categories, "_PINNED_KEPT", 1)
    monkeypatch.setattr(interval_witnesses, "_offer", lambda *_: None)  # witnesses unused
    refused: list[str] = []
    board = _year(evaluations, forget=False, refused=refused)
    assert board == remembered
    assert refused == refusals
    assert refused == []
    assert len(board._memory.answers) == 1
    assert len(board._memory.unions) == 1
    assert len(board._memory.pinned) == 1


SHOWN: list[interval_program.Figure] = [
    (0, ("A",), 6, "4.0"),
    (1, ("B",), 7, "3.1"),
    (2, ("C",), 5, "2.0"),
    (4, ("A", "B", "C", "H"), 20, "3.1"),
]
BOUNDS: list[interval_program.Bound] = [(3, ("H",), 4, None, 4)]
TARGETS: list[interval_program.Figure] = [(3, ("H",), None, None)]
WIDTHS = intervals.Widths(minimum=5, mean=1.0, share=0.2)


def _shifted(figures: list[Any], by: int) -> list[Any]:
    return [(index + by, *rest) for index, *rest in figures]


def test_an_answer_is_given_again_with_the_indices_renamed() -> None:
    pytest.importorskip("highspy")
    memo: intervals.Answers = {}
    safe: set[tuple[str, ...]] = set()
    found = intervals.narrowed(SHOWN, TARGETS, WIDTHS, (1, 5), bounds=BOUNDS, memo=memo, safe=safe)
    assert [(n.index, n.what) for n in found] == [(3, "count")]
    again = intervals.narrowed(
        _shifted(SHOWN, 10),
        _shifted(TARGETS, 10),
        WIDTHS,
        (1, 5),
        bounds=_shifted(BOUNDS, 10),
        memo=memo,
    )
    assert len(memo) == 1
    assert again == [
        intervals.Narrowed(
            index=13,
            what="count",
            low=found[0].low,
            high=found[0].high,
            used=frozenset(i + 10 for i in found[0].used),
        )
    ]


def test_a_group_found_wide_is_found_wide_again_from_the_answer() -> None:
    pytest.importorskip("highspy")
    wide = [(0, ("A", "H"), 20, "3.0"), (1, ("A", "B"), 20, "3.0")]
    targets = [(2, ("H",), None, None)]
    memo: intervals.Answers = {}
    first: set[tuple[str, ...]] = set()
    assert intervals.narrowed(wide, targets, WIDTHS, (1, 5), memo=memo, safe=first) == []
    second: set[tuple[str, ...]] = set()
    assert intervals.narrowed(wide, targets, WIDTHS, (1, 5), memo=memo, safe=second) == []
    assert first == second == {("H",)}


def test_witnesses_are_offered_only_where_they_fit() -> None:
    """Solutions carried from one program to another: checked, or refused when they cannot be."""
    pytest.importorskip("highspy")
    pieces = _pieces(SHOWN, TARGETS, BOUNDS, (1, 5))
    assert pieces is not None
    model = _Model(pieces.shown, (1, 5), pieces.bounds)
    assert interval_witnesses._carried_out(model, pieces) is None  # nothing solved yet
    model.publish(True)
    assert model.count([model.column["H"]]) is not None
    carried = interval_witnesses._carried_out(model, pieces)
    assert carried is not None
    assert sorted(carried.column) == ["A", "B", "C", "H"]
    assert carried.answers[:, carried.column["A"]].tolist() == [6.0] * len(carried.answers)
    again = _Model(pieces.shown, (1, 5), pieces.bounds)
    solutions = interval_witnesses._carried_in(again, pieces, carried)
    assert solutions is not None
    again.publish(True)
    interval_witnesses._offer(again, solutions)
    assert len(again.points) == len(solutions)  # every one fits the same program
    interval_witnesses._offer(again, None)
    assert len(again.points) == len(solutions)
    counts = _Model([(0, ("A", "H"), 9, None)], None)
    assert interval_witnesses._carried_in(counts, pieces, carried) is None  # another kind
    other = _Model([(0, ("A", "X"), 9, "3.0")], (1, 5))
    assert interval_witnesses._carried_in(other, pieces, carried) is None  # X unknown
    unfit = _Model([(0, ("A", "B", "C", "H"), 30, "3.1")], (1, 5))
    fitted = interval_witnesses._carried_in(unfit, pieces, carried)
    assert fitted is not None
    interval_witnesses._offer(unfit, fitted)
    assert unfit.points == []  # 30 answers where every solution has 20


def test_witnesses_spread_the_invited_when_not_published() -> None:
    pytest.importorskip("highspy")
    pieces = _pieces(SHOWN, TARGETS, [], None)
    assert pieces is not None
    model = _Model(pieces.shown, None, pieces.bounds)
    model.publish(True)
    assert model.count([model.column["H"]]) is not None
    carried = interval_witnesses._carried_out(model, pieces)
    assert carried is not None
    assert carried.kind == "count"
    merged = [carried.column[r] for r in ("A", "B", "C")]
    assert (carried.invited[:, merged] >= carried.answers[:, merged]).all()
    assert carried.sums == ()  # a count has no sums


def test_witnesses_of_an_nps_question_carry_promoters_and_detractors() -> None:
    """The merged difference spread over the cohorts, each a difference within its own NPS."""
    pytest.importorskip("highspy")
    shown = [
        (0, ("A",), 6, "NPS +17"),
        (1, ("B",), 6, "NPS +0"),
        (2, ("C",), 5, "NPS -20"),
        (4, ("A", "B", "C", "H"), 20, "NPS +10"),
    ]
    bounds = [(3, ("H",), 4, None, 4)]
    pieces = _pieces(shown, [(3, ("H",), None, None)], bounds, (0, 10))
    assert pieces is not None
    model = _Model(pieces.shown, (0, 10), pieces.bounds)
    model.publish(True)
    assert model.count([model.column["H"]]) is not None
    carried = interval_witnesses._carried_out(model, pieces)
    assert carried is not None
    assert carried.kind == "nps"
    promoters, detractors = carried.sums
    cohorts = [carried.column[r] for r in ("A", "B", "C")]
    # +17 of 6 is one more promoter, +0 of 6 none, -20 of 5 one more detractor
    difference = promoters[:, cohorts] - detractors[:, cohorts]
    assert difference.tolist() == [[1.0, 0.0, -1.0]] * len(carried.answers)
    again = _Model(pieces.shown, (0, 10), pieces.bounds)
    solutions = interval_witnesses._carried_in(again, pieces, carried)
    assert solutions is not None
    again.publish(True)
    interval_witnesses._offer(again, solutions)
    assert len(again.points) == len(solutions)  # every one fits the same program


def test_a_search_that_solves_nothing_carries_nothing() -> None:
    """A hidden group with an evaluation no figure bounds is wide: no solution to carry."""
    pytest.importorskip("highspy")
    witnesses: list[Any] = []
    targets: list[interval_program.Figure] = [(3, ("H", "Z"), None, None)]
    safe: set[tuple[str, ...]] = set()
    assert intervals.narrowed(SHOWN, targets, WIDTHS, (1, 5), witnesses=witnesses, safe=safe) == []
    assert witnesses == []
    assert safe == {("H", "Z")}
