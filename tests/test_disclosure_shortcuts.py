"""The audit's shortcuts hide exactly what the straightforward audit hides (issue 20).

The narrowing check settles many hidden groups without a program of their own: by the whole
solutions found for other groups (two at least the width apart make a ratio's range wide) and
by the count programs' solutions (counts the group can take). Here the audit runs on programs
like those of ``benchmarks/evaluations.py`` once as it is and once with the shortcuts switched
off (every group solved for), and the records must hide the same figures.
"""

from __future__ import annotations

import random

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
from ledarutveckling._evaluation import intervals

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
        patched.setattr(intervals._Model, "_wide", lambda *_: False)
        patched.setattr(intervals._Model, "_reached", lambda *_: None)
        straight = _hidden(evaluations)
    assert fast == straight
    assert sum(map(len, fast)) > 0  # something to hide: the comparison can fail
