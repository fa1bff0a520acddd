"""How long summarising and breaking down evaluations takes; prints figures, asserts nothing.

Run: .venv/bin/python benchmarks/evaluations.py

The audited lines are a year of six reports for three audiences (issue 20's "fast enough for
a year of a program's evaluations"). With the shown cohorts merged in the narrowing programs
(docs/performance.md, "The anonymity audit"), 400 cohorts took 13.4-13.9 s instead of
30.5-55.7 s (30-31 s of CPU) and 100 cohorts 5.2-6.2 s instead of 8.4-13.3 s, before and
after run alternately on the shared two-core machine. With solutions rearranged among twins
(the same section, "Twins"), 400 cohorts took 9.9-11.4 s of CPU instead of 15.1-15.8 s and
100 cohorts 5.0-5.6 s instead of 5.7-6.3 s (wall times under a heavy load said little). With
what the record remembers between audits (the same section, "What the record remembers"), 400
cohorts took 6.1-6.9 s of CPU instead of 10.1-12.7 s, and 100 cohorts 2.9-3.1 s instead of
5.0 s. With the NPS question merged and the exact audit's reductions shared (the same
section, "Fewer reductions, the NPS question merged"), 400 cohorts took 7.2-7.4 s of CPU
instead of 11.3-11.5 s, and 100 cohorts 3.0-3.1 s instead of 3.7 s. With fewer programs
solved and the category check's answers remembered (the same section, "Fewer programs
solved"), 400 cohorts took 6.8-7.3 s of CPU instead of 8.1-8.2 s under a heavy load. With
each question's program holding the respondents evaluation by evaluation (h16-seed33), 235 s;
with those programs reduced again (the same section, "The respondents linked, made cheap
again"), 69.9 s instead of
259.1 s of CPU (one run each, under a load of 4 to 5). With the answer distributions
modelled (issue 20), 100 cohorts took 252.8 s; with warm starts that fit and presolve first
(the same section, "Warm starts that fit"), 163.8 s, and 400 cohorts for one audience 364.9 s
instead of 552.9 s. With the shown cohorts merged beside the distributions, witnesses that fit
and notes that settle counts (the same section, "Full-size programs merged again"), one
audience took 29.0-33.0 s of CPU instead of 53.8-55.5 s at 100 cohorts and 184.3 s instead
of 269.9 s at 400 (main and the branch in turn on the shared machine, at a load of 2 at 100
cohorts and of 3.5-4 at 400). With whole solutions looked for near the linear ones before
the full integer programs (the same section, "Whole solutions near the linear one"), one
audience took 18.2-25.9 s of CPU instead of 25.7-34.2 s at 100 cohorts and 133.9 s instead of
220.8 s at 400 (main and the branch in turn, at a load of 1.2-2.5).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pendulum

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
    summarise,
)

QUESTIONS = tuple(
    Question(
        code=f"Q{i}",
        text=f"Fråga {i}",
        scale=Scale.NPS if i == 0 else Scale.LIKERT_5,
        level=KirkpatrickLevel(1 + i % 4),
    )
    for i in range(10)
)


def program(cohorts: int, size: int, seed: int = 7) -> list[Evaluation]:
    rng = random.Random(seed)
    result = []
    for index in range(cohorts):
        year = 2025 + index % 2
        period = DateRange.from_iso(f"{year}-05-04", f"{year}-05-22")
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
                collected=period,
            )
        )
    return result


def timed(label: str, run: Callable[[], object], repeat: int = 5) -> None:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<58} {best * 1000:8.1f} ms (best of {repeat})")


def run(cohorts: int, size: int) -> None:
    start = time.perf_counter()
    evaluations = program(cohorts, size)
    built = time.perf_counter() - start
    answers = sum(e.respondents for e in evaluations) * len(QUESTIONS)
    print(
        f"{cohorts} cohorts, {answers} answers to 10 questions "
        f"(built and validated in {built * 1000:.1f} ms)"
    )
    timed("  summarise (all pooled)", lambda: summarise(evaluations))
    timed("  breakdown by cohort", lambda: breakdown(evaluations, by=Dimension.COHORT))
    timed("  breakdown by unit", lambda: breakdown(evaluations, by=Dimension.UNIT))
    timed(
        "  compare_periods 2025 -> 2026",
        lambda: compare_periods(
            evaluations,
            before=DateRange.from_iso("2025-01-01", "2025-12-31"),
            after=DateRange.from_iso("2026-01-01", "2026-12-31"),
        ),
    )


def audited(evaluations: list[Evaluation], audiences: int, *, narrowing: bool = True) -> None:
    """A year of reports for several audiences, each audited against its own record.

    Without *narrowing*, the audiences ask for the exact audit only (both widths 0: no
    linear programs), to show what the narrowing check costs.
    """
    widths = {} if narrowing else {"min_mean_width": 0, "min_share_width": 0}
    for number in range(audiences):
        board = Audience(name=f"publik {number}", **widths)
        for by in (Dimension.COHORT, Dimension.UNIT, Dimension.YEAR):
            _, board = breakdown(evaluations, by=by, audience=board)
        _, board = compare_periods(
            evaluations,
            before=DateRange.from_iso("2025-01-01", "2025-12-31"),
            after=DateRange.from_iso("2026-01-01", "2026-12-31"),
            audience=board,
        )
        # Last week's report and this week's: all but the last cohort, then all of them.
        _, board = breakdown(evaluations[:-1], by=Dimension.COHORT, audience=board)
        _, board = breakdown(evaluations, by=Dimension.COHORT, audience=board)


def run_audited(cohorts: int, size: int, audiences: int) -> None:
    evaluations = program(cohorts, size)
    timed(
        f"  audited: {audiences} audiences x 6 publications",
        lambda: audited(evaluations, audiences),
        repeat=1,
    )
    timed(
        f"  audited, exact only: {audiences} audiences x 6 publications",
        lambda: audited(evaluations, audiences, narrowing=False),
        repeat=1,
    )


def main() -> None:
    for cohorts, size in ((10, 20), (100, 20), (400, 25)):
        run(cohorts, size)
        run_audited(cohorts, size, 3)


if __name__ == "__main__":
    main()
