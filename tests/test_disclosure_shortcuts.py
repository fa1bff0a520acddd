"""The audit's shortcuts hide exactly what the straightforward audit hides (issue 20).

The narrowing check settles many hidden groups without a program of their own: by the whole
solutions found for other groups (two at least the width apart make a ratio's range wide) and
by the count programs' solutions (counts the group can take). Here the audit runs on programs
like those of ``benchmarks/evaluations.py`` once as it is and once with the shortcuts switched
off (every group solved for), and the records must hide the same figures. The same holds
for the merged programs (the shown cohorts that only add up merged into one evaluation):
with the merging off, the same figures are hidden.
"""

from __future__ import annotations

import random
from typing import Any

import pendulum
import pytest

from ledarutveckling import (
    Audience,
    DateRange,
    Dimension,
    Evaluation,
    EvaluationSubject,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
    breakdown,
    compare_periods,
)
from ledarutveckling._evaluation import (
    interval_pieces,
    interval_program,
    interval_ranges,
    intervals,
)

QUESTIONS = tuple(
    Question(
        code=f"Q{i}",
        text=f"Fråga {i}",
        scale=Scale.NPS if i == 0 else Scale.LIKERT_5,
        level=KirkpatrickLevel(1 + i % 4),
    )
    for i in range(3)
)


def _program(cohorts: int, size: int, seed: int) -> list[Evaluation]:
    """Cohorts of 0 to *size* respondents over two years and seven units (the benchmark's)."""
    rng = random.Random(seed)
    result = []
    for index in range(cohorts):
        year = 2025 + index % 2
        at = pendulum.datetime(year, 5, 10, 14, tz="Europe/Stockholm")
        responses = tuple(
            Response(
                answers={
                    q.code: None
                    if rng.random() < 0.05
                    else rng.randint(q.scale.minimum, q.scale.maximum)
                    for q in QUESTIONS
                },
                submitted_at=at,
            )
            for _ in range(rng.randint(0, size))
        )
        result.append(
            Evaluation(
                reference=f"E{index}",
                subject=EvaluationSubject(
                    program_code="SOC-LED", cohort=f"K{index}", unit=f"Enhet {index % 7}"
                ),
                questions=QUESTIONS,
                responses=responses,
                invited=size,
                collected=DateRange.from_iso(f"{year}-05-04", f"{year}-05-22"),
            )
        )
    return result


def _hidden(evaluations: list[Evaluation]) -> list[list[tuple[str, tuple[str, ...]]]]:
    """The figures hidden in each publication of the benchmark's year of reports."""
    board = Audience(name="styrgruppen")
    for by in (Dimension.COHORT, Dimension.UNIT, Dimension.YEAR):
        _, board = breakdown(evaluations, by=by, audience=board)
    _, board = compare_periods(
        evaluations,
        before=DateRange.from_iso("2025-01-01", "2025-12-31"),
        after=DateRange.from_iso("2026-01-01", "2026-12-31"),
        audience=board,
    )
    _, board = breakdown(evaluations[:-1], by=Dimension.COHORT, audience=board)
    _, board = breakdown(evaluations, by=Dimension.COHORT, audience=board)
    return [
        sorted((f.measure, f.group) for f in p.figures if not f.shown) for p in board.publications
    ]


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2), (28, 9, 3)])
def test_the_shortcuts_hide_what_solving_every_group_hides(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    fast = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(interval_ranges._Model, "_wide", lambda *_: False)
        patched.setattr(interval_ranges._Model, "_reached", lambda *_, **__: None)
        patched.setattr(interval_ranges._Model, "_split", lambda *_: None)
        straight = _hidden(evaluations)
    assert fast == straight
    assert sum(map(len, fast)) > 0  # something to hide: the comparison can fail


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2)])
def test_the_warm_starts_hide_what_the_dual_method_from_each_basis_hides(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    """The search's warm starts change no optimum, so nothing that is hidden.

    The primal method from the last basis and the presolved first solves; the figures that
    pin a group found come from fresh programs solved by the dual method, as before.
    """
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    warm = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(interval_program._Program, "primal", lambda *_: None)
        dual = _hidden(evaluations)
    assert warm == dual
    assert sum(map(len, warm)) > 0


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2), (28, 9, 3)])
def test_the_merged_programs_hide_what_the_full_programs_hide(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    merged = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(intervals, "_pieces", lambda *_: None)
        full = _hidden(evaluations)
    assert merged == full
    assert sum(map(len, merged)) > 0


def test_the_merged_program_has_the_same_ranges() -> None:
    """Three shown cohorts in one unit merge; a hidden one keeps its count and mean range."""
    pytest.importorskip("highspy")
    widths = intervals.Widths(minimum=5, mean=1.0, share=0.2)
    shown = [
        (0, ("A",), 6, "4.0"),
        (1, ("B",), 7, "3.1"),
        (2, ("C",), 5, "2.0"),
        (4, ("A", "B", "C", "H"), 20, "3.1"),
    ]
    bounds = [(3, ("H",), 4, None, 4)]
    targets = [(3, ("H",), None, None)]
    pieces = interval_pieces._pieces(shown, targets, bounds, (1, 5))
    assert pieces is not None
    # sums 24 (4.0 of 6), 22 (3.1 of 7) and 10 (2.0 of 5): one evaluation of 18 and 56; the
    # other figures' as the bounds they put on the sum too (3.1 of 20: 61 or 62)
    assert pieces.shown == [
        (0, ("\x00A",), 18, ("mean", 56.0, 56.0)),
        (4, ("\x00A", "H"), 20, ("mean", 61.0, 62.0)),
    ]
    assert pieces.parts == {0: {0, 1, 2}}
    assert pieces.bounds == bounds
    assert pieces.targets == targets
    found = intervals.narrowed(shown, targets, widths, (1, 5), bounds=bounds)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(intervals, "_pieces", lambda *_: None)
        full = intervals.narrowed(shown, targets, widths, (1, 5), bounds=bounds)
    assert found == full
    assert [(n.what, n.low, n.high) for n in found] == [("count", 2.0, 2.0)]


def test_an_nps_question_merges_its_shown_cohorts_by_promoters_less_detractors() -> None:
    # +17 of 6 is one more promoter than detractors, +0 of 6 as many: a difference of 1 of 12
    shown = [(0, ("A",), 6, "NPS +17"), (1, ("B",), 6, "NPS +0"), (2, ("A", "B"), 12, None)]
    pieces = interval_pieces._pieces(shown, [], [], (0, 10))
    assert pieces is not None
    assert pieces.shown == [(0, ("\x00A",), 12, ("nps", 1.0, 1.0)), (2, ("\x00A",), 12, None)]
    assert pieces.members == {"\x00A": (("A", 6, 1.0, 1.0, None), ("B", 6, 0.0, 0.0, None))}
    # In a hidden group, a cohort's promoters are bounded apart from its detractors: not
    # merged (their sums are not an interval); nor a figure no whole difference gives (+20 of
    # 6 would be 1.2 more promoters), which the full program finds infeasible.
    assert interval_pieces._pieces(shown, [(3, ("A", "B"), None, None)], [], (0, 10)) is None
    impossible = [(0, ("A",), 6, "NPS +20"), *shown[1:]]
    assert interval_pieces._pieces(impossible, [], [], (0, 10)) is None


def test_the_merged_nps_program_has_the_same_ranges() -> None:
    """Three shown cohorts of a unit merge on the NPS question; a hidden one is as before."""
    pytest.importorskip("highspy")
    widths = intervals.Widths(minimum=5, mean=1.0, share=0.2)
    shown = [
        (0, ("A",), 6, "NPS +17"),
        (1, ("B",), 6, "NPS +0"),
        (2, ("C",), 5, "NPS -20"),
        (4, ("A", "B", "C", "H"), 20, "NPS +10"),
    ]
    bounds = [(3, ("H",), 4, None, 4)]
    targets = [(3, ("H",), None, None)]
    pieces = interval_pieces._pieces(shown, targets, bounds, (0, 10))
    assert pieces is not None
    assert pieces.shown == [
        (0, ("\x00A",), 17, ("nps", 0.0, 0.0)),
        (4, ("\x00A", "H"), 20, ("nps", 2.0, 2.0)),  # NPS +10 of 20
    ]
    found = intervals.narrowed(shown, targets, widths, (0, 10), bounds=bounds)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(intervals, "_pieces", lambda *_: None)
        full = intervals.narrowed(shown, targets, widths, (0, 10), bounds=bounds)
    assert found == full
    assert [(n.what, n.low, n.high) for n in found] == [("count", 3.0, 3.0)]


def test_a_clash_is_not_merged() -> None:
    clash = [(0, ("\x00A",), 6, "4.0"), (1, ("B",), 6, "4.0"), (2, ("\x00A", "B"), 12, "4.0")]
    assert interval_pieces._pieces(clash, [], [], (1, 5)) is None
    alone = [(0, ("A",), 6, "4.0"), (1, ("B",), 6, None), (2, ("A", "B"), 12, "4.0")]
    assert interval_pieces._pieces(alone, [], [], (1, 5)) is None


class _Undecided:
    """A HiGHS instance whose first solve reports what presolve may: infeasible or unbounded."""

    def __init__(self, h: Any, statuses: Any) -> None:
        self._h = h
        self._statuses = statuses
        self.runs = 0

    def run(self) -> Any:
        self.runs += 1
        return self._h.run()

    def getModelStatus(self) -> Any:  # noqa: N802 - HiGHS's name
        if self.runs == 1:
            return self._statuses.kUnboundedOrInfeasible
        return self._h.getModelStatus()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._h, name)


def test_a_presolved_first_solve_that_cannot_tell_is_solved_again_without_presolve() -> None:
    """A record that contradicts itself (5 answers in A, 3 in A and B) stays infeasible."""
    highspy = pytest.importorskip("highspy")
    model = interval_ranges._Model([(0, ("A",), 5, None), (1, ("A", "B"), 3, None)], None)
    model.primal()
    undecided = _Undecided(model.h, highspy.HighsModelStatus)
    model.h = undecided
    model.publish(True)
    assert model.count([model.column["B"]]) is None
    assert undecided.runs == 2
    assert model.h.getOptionValue("presolve")[1] == "off"


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2)])
def test_the_notes_hide_what_the_count_programs_hide(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    """A group noted as having at least the minimum is not solved for under its note."""
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    settled: list[object] = []
    noted = intervals._noted

    def counted(*args: Any) -> Any:
        found = noted(*args)
        settled.append(found)
        return found

    with monkeypatch.context() as patched:
        patched.setattr(intervals, "_noted", counted)
        fast = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(intervals, "_noted", lambda *_: None)
        solved = _hidden(evaluations)
    assert fast == solved
    assert any(found is not None for found in settled)  # the notes settled some groups


def test_a_note_settles_a_count_only_when_it_says_enough_and_the_program_is_feasible() -> None:
    pytest.importorskip("highspy")
    model = interval_ranges._Model(
        [(0, ("A", "B"), 9, None)], None, [(1, ("A",), None, 5, None), (2, ("B",), None, None, 4)]
    )
    model.publish(True)
    assert intervals._noted(model, [5], 0, 5) is None  # no solution known yet
    assert model.count([model.column["B"]]) is not None  # (one found: the program is feasible)
    assert intervals._noted(model, [5, None], 0, 5) == (5.0, float("inf"), set())
    assert intervals._noted(model, [3], 2, 5) == (5.0, float("inf"), set())  # with constants
    assert intervals._noted(model, [4], 0, 5) is None  # fewer than the minimum
    assert intervals._noted(model, [None], 0, 5) is None  # no note
    assert intervals._noted(model, [], 0, 5) is None


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(14, 12, 1), (21, 10, 2), (28, 9, 3)])
def test_the_whole_solutions_nearby_hide_what_the_integer_programs_hide(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    """A feasibility program's whole solution found near its linear one is a witness.

    Each one it returns is checked here against HiGHS's own program as it stands (every
    row, the group's and the target's included, and every column's bounds) and must be
    whole; and the records hide what they hide with the full integer programs only.
    """
    np = pytest.importorskip("numpy")
    highspy = pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    nearby = interval_program._Program._nearby
    found: list[bool] = []

    def checked(self: interval_program._Program, relaxed: Any, extra: Any) -> Any:
        x = nearby(self, relaxed, extra)
        found.append(x is not None)
        if x is not None:
            lp = self.h.getLp()
            assert len(x) == lp.num_col_
            assert np.all(np.abs(x - np.round(x)) <= 1e-9)
            assert np.all(x >= np.asarray(lp.col_lower_) - 1e-9)
            assert np.all(x <= np.asarray(lp.col_upper_) + 1e-9)
            matrix = lp.a_matrix_
            assert matrix.format_ == highspy.MatrixFormat.kColwise
            columns = np.repeat(np.arange(lp.num_col_), np.diff(np.asarray(matrix.start_)))
            activity = np.bincount(
                np.asarray(matrix.index_),
                weights=np.asarray(matrix.value_) * x[columns],
                minlength=lp.num_row_,
            )
            assert np.all(activity >= np.asarray(lp.row_lower_) - 1e-7)
            assert np.all(activity <= np.asarray(lp.row_upper_) + 1e-7)
        return x

    with monkeypatch.context() as patched:
        patched.setattr(interval_program._Program, "_nearby", checked)
        near = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(interval_program._Program, "_nearby", lambda *_: None)
        integer = _hidden(evaluations)
    assert near == integer
    assert any(found)  # whole solutions were found nearby: the comparison can fail
    assert sum(map(len, near)) > 0


def _near(model: interval_ranges._Model, answers: dict[str, float], extra: Any) -> Any:
    """:meth:`_nearby` from a linear solution with *answers* (sums at 3 each, invited alike)."""
    np = pytest.importorskip("numpy")
    relaxed = np.zeros(model.t + 1)
    size = len(model.column)
    for reference, count in answers.items():
        c = model.column[reference]
        relaxed[[c, size + c, model.invited + c]] = [count, 3 * count, count]
    relaxed[model.t] = 1.0
    return model._nearby(relaxed, extra)


def test_a_whole_solution_nearby_frees_the_evaluations_a_small_row_links() -> None:
    """A and B share a figure of 3 answers (mean 3.0); the target asks A for at least 2.

    From A at 1.5 and B at 2 (B whole, so fixed first), A alone cannot reach 2; with B
    freed too (they share a row of two evaluations), A 2 and B 1 meet every row.
    """
    pytest.importorskip("highspy")
    model = interval_ranges._Model([(0, ("A", "B"), 3, "3.0")], (1, 5))
    model._mode("whole")
    a, b = model.column["A"], model.column["B"]
    found = _near(model, {"A": 1.5, "B": 2.0}, [({a: 1.0}, 2.0, float("inf"))])
    assert found is not None
    assert (found[a], found[b], found[2 + a] + found[2 + b]) == (2.0, 1.0, 9.0)
    assert model._fits(found[: model.t], whole=True)


def test_no_whole_solution_nearby_where_there_is_none() -> None:
    """The target (A at 0.5 answers) has no whole solution: none nearby, freed or not."""
    pytest.importorskip("highspy")
    model = interval_ranges._Model([(0, ("A", "B"), 3, "3.0")], (1, 5))
    model._mode("whole")
    a = model.column["A"]
    assert _near(model, {"A": 1.5, "B": 1.5}, [({a: 1.0}, 0.5, 0.5)]) is None  # both freed
    assert _near(model, {"A": 1.5, "B": 2.0}, [({a: 1.0}, 0.5, 0.5)]) is None  # B freed next
    alone = interval_ranges._Model([(0, ("A",), 3, "3.0")], (1, 5))
    alone._mode("whole")
    a = alone.column["A"]
    assert _near(alone, {"A": 1.5}, [({a: 1.0}, 0.5, 0.5)]) is None  # no row to free more by
