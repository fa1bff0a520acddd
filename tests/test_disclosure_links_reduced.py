"""The narrowing's programs with the respondents linked, made smaller without changing them.

Issue 20 (the audit took 235 s of CPU for 400 cohorts once each question's program held the
respondents evaluation by evaluation): a cohort shown with its answers' count and its
respondents has its column of those who skipped the question fixed, and the programs take
it as a constant (``_skipped_fixed``), so the shown cohorts merge again; and the groups
found wide in a way that hiding a figure cannot change stay so while the audit hides more
(``_widens``). Both must find what the programs as they were find.
"""

from __future__ import annotations

import pytest

from ledarutveckling._evaluation import (
    disclosure,
    interval_pieces,
    interval_ranges,
    intervals,
    respondent_caps,
)
from ledarutveckling._evaluation.figures import ShownFigure
from ledarutveckling._evaluation.interval_program import Bound, Figure
from ledarutveckling._evaluation.respondent_caps import _SKIPPED
from tests.test_disclosure_shortcuts import _hidden, _program

A, B, H = (_SKIPPED + r for r in "ABH")
_WIDTHS = intervals.Widths(minimum=5, mean=1.0, share=0.2)

# Cohorts A (6 respondents, 4 answered) and B (5 and 5) shown, H hidden (at most 4
# respondents); their unit's 15 respondents and 12 answers, shown.
_SHOWN: list[Figure] = [
    (0, ("A",), 4, "3.0"),
    (1, ("A", A), 6, None),
    (2, ("B",), 5, "4.0"),
    (3, ("B", B), 5, None),
    (4, ("A", "B", "H"), 12, "3.5"),
    (5, ("A", "B", "H", A, B, H), 15, None),
]
_BOUNDS: list[Bound] = [
    (1, ("A", A), None, None, 25),
    (6, ("H", H), None, None, 4),
    (7, ("A", "B"), 30, None, None),
]
_TARGETS: list[Figure] = [
    (6, ("H", H), None, None),  # H's respondents
    (8, ("H",), None, None),  # H's answers
    (9, ("A", "B", A, B), None, None),  # respondents of A and B together: all fixed
]


def test_the_fixed_columns_are_constants_of_every_row_and_target() -> None:
    reduced = interval_pieces._skipped_fixed(_SHOWN, _BOUNDS, _TARGETS)
    assert reduced is not None
    shown, bounds, targets, offsets = reduced
    # A skipped 2, B none: the cohorts' own respondents say nothing more, the unit's
    # respondents less 2 are H's answers and those who skipped
    assert shown == [
        (0, ("A",), 4, "3.0"),
        (2, ("B",), 5, "4.0"),
        (4, ("A", "B", "H"), 12, "3.5"),
        (5, ("A", "B", "H", H), 13, None),
    ]
    assert bounds == [(6, ("H", H), None, None, 4), (7, ("A", "B"), 30, None, None)]
    assert targets == [
        (6, ("H", H), None, None),
        (8, ("H",), None, None),
        (9, ("A", "B"), None, None),
    ]
    assert offsets == {9: 2}
    # nothing fixed: nothing to do
    assert interval_pieces._skipped_fixed(_SHOWN[4:], _BOUNDS, _TARGETS) is None


@pytest.mark.parametrize(
    ("shown", "bounds"),
    [
        ([*_SHOWN, (10, ("A", "B", A, B), 12, None)], _BOUNDS),  # 11 from the shown counts
        (_SHOWN, [*_BOUNDS, (11, ("B", B), None, 6, None)]),  # B's 5 are at least 6
        (_SHOWN, [*_BOUNDS, (11, ("A", A, "B"), None, None, 10)]),  # A's 6 and B's 5
    ],
)
def test_constants_that_contradict_a_figure_leave_the_program_as_it_is(
    shown: list[Figure], bounds: list[Bound]
) -> None:
    assert interval_pieces._skipped_fixed(shown, bounds, _TARGETS) is None
    assert interval_pieces._pieces(shown, _TARGETS, bounds, (1, 5)) is None


def _rounded(found: list[intervals.Narrowed]) -> list[tuple[int, str, float, float, object]]:
    return [(n.index, n.what, round(n.low, 6), round(n.high, 6), n.used) for n in found]


@pytest.mark.parametrize("first", [False, True])
def test_the_reduced_program_finds_what_the_full_one_finds(first: bool) -> None:
    pytest.importorskip("highspy")
    pieces = interval_pieces._pieces(_SHOWN, _TARGETS, _BOUNDS, (1, 5))
    assert pieces is not None
    assert pieces.offsets == {9: 2}
    safe: set[tuple[str, ...]] = set()
    found = intervals.narrowed(
        _SHOWN, _TARGETS, _WIDTHS, (1, 5), bounds=_BOUNDS, first=first, safe=safe
    )
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(interval_pieces, "_skipped_fixed", lambda *_: None)
        assert interval_pieces._pieces(_SHOWN, _TARGETS, _BOUNDS, (1, 5)) is None
        full_safe: set[tuple[str, ...]] = set()
        full = intervals.narrowed(
            _SHOWN, _TARGETS, _WIDTHS, (1, 5), bounds=_BOUNDS, first=first, safe=full_safe
        )
    assert _rounded(found) == _rounded(full)
    assert safe == full_safe
    # H's respondents 15 less A's 6 and B's 5, its answers 12 less A's 4 and B's 5; A and B
    # have 11 respondents together (all fixed: the offset alone), enough to be shown
    expected = [(6, "count", 4.0, 4.0), (8, "count", 3.0, 3.0)]
    assert [r[:4] for r in _rounded(found)] == (expected[:1] if first else expected)
    assert (("A", "B", A, B) in safe) is not first


def test_an_nps_question_with_its_mean_linked_is_reduced_but_not_merged() -> None:
    shown: list[Figure] = [
        (0, ("A",), 4, "NPS +25"),
        (1, ("A", A), 6, None),
        (4, ("A", "H"), 8, "NPS +0"),
        (5, ("A", "H", A, H), 11, None),
    ]
    pieces = interval_pieces._pieces(shown, [(6, ("H", H), None, None)], [], (0, 10), ("sum", {}))
    assert pieces is not None
    assert pieces.shown == [shown[0], shown[2], (5, ("A", "H", H), 9, None)]
    assert pieces.members == {}


def _figure(measure: str, group: tuple[str, ...], count: int | None, **more: object) -> ShownFigure:
    return ShownFigure(
        measure=measure,
        group=group,
        evaluations=group,
        shown=count is not None,
        count=count,
        **more,  # type: ignore[arg-type]
    )


def test_a_figure_hidden_widens_the_programs_only_if_its_rows_just_go() -> None:
    minimums = {"respondents": 5, "comments": 8}
    group = ("A", "B")
    current = [
        _figure("respondents", group, 9),
        _figure("Q1", group, 7, figure="3.0"),
        _figure("comments", group, 2),
        _figure("Q1", ("C",), 6, figure="4.0"),
    ]
    assert disclosure._widens(("respondents", group), [], current, minimums)
    assert disclosure._widens(("Q1", group), [], current, minimums)
    # a count under the minimum: its note "at least 5" is a row its solutions break
    few = [*current[:1], _figure("Q1", group, 4, figure="3.0")]
    assert not disclosure._widens(("respondents", group), [], few, minimums)
    assert disclosure._widens(("respondents", ("C",)), [], few, minimums)  # nothing of C
    # shown before: the earlier figure is the group's latest then, a row of its own counts
    earlier = [_figure("Q1", group, 8, figure="3.1")]
    assert not disclosure._widens(("Q1", group), earlier, current, minimums)


@pytest.mark.parametrize(("cohorts", "size", "seed"), [(21, 10, 2), (28, 9, 3)])
def test_keeping_the_wide_groups_hides_what_checking_them_again_hides(
    monkeypatch: pytest.MonkeyPatch, cohorts: int, size: int, seed: int
) -> None:
    pytest.importorskip("highspy")
    evaluations = _program(cohorts, size, seed)
    kept = _hidden(evaluations)
    with monkeypatch.context() as patched:
        patched.setattr(disclosure, "_widens", lambda *_: False)
        again = _hidden(evaluations)
    assert kept == again
    assert sum(map(len, kept)) > 0


def test_an_evaluations_respondents_are_its_own() -> None:
    assert respondent_caps._respondents(("H", H))
    assert respondent_caps._respondents((H, "H"))
    assert not respondent_caps._respondents(("H", A))
    assert not respondent_caps._respondents(("H",))


def test_two_hidden_cohorts_alike_but_for_their_respondents_are_solved_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("highspy")
    g, k = _SKIPPED + "G", _SKIPPED + "K"
    shown: list[Figure] = [
        (0, ("G", "K", "L"), 14, "3.0"),
        (1, ("G", "K", "L", g, k), 16, None),
        (2, ("L",), 10, "3.0"),
    ]
    # G's and K's respondents at most 4 each (their own), the unit's invited 40
    bounds: list[Bound] = [
        (3, ("G", g), None, None, 4),
        (4, ("K", k), None, None, 4),
        (5, ("G", "K", "L"), 40, None, None),
    ]
    targets: list[Figure] = [(6, ("G",), None, None), (7, ("K",), None, None)]
    targets += [(3, ("G", g), None, None), (4, ("K", k), None, None)]
    solved: list[list[int]] = []
    count = interval_ranges._Model.count

    def counted(model: interval_ranges._Model, members: list[int], **more: float) -> object:
        solved.append(sorted(members))
        return count(model, members, **more)

    monkeypatch.setattr(interval_ranges._Model, "count", counted)
    safe: set[tuple[str, ...]] = set()
    found = intervals.narrowed(shown, targets, _WIDTHS, (1, 5), bounds=bounds, safe=safe)
    # the answers of G and of K alike, and their respondents alike: two counts per look
    assert len(solved) == 4
    assert found == []
    assert safe == {t[1] for t in targets}
