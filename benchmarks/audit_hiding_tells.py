"""What the audit's own hiding tells a reader who runs the library (issue 20, third review).

Run: PYTHONPATH=$PWD/src .venv/bin/python benchmarks/audit_hiding_tells.py

Four cohorts broken down by cohort for one audience: A (3 respondents of 6 invited, "too
few"), B (6 of 8, hidden to protect A), C (9 of 10) and D (12 of 14), C and D answering Q1 all
4 or 5. For every set of nine Q1 answers of A and B (715 of them; A given the lowest three,
then the highest three), the breakdown is published, and the Q1 figures it hides are grouped
by how many of A's and B's answers lie outside the top-two box. A pattern of hidden figures
that only one count gives tells the reader that count (docs/anonymity.md, "What the audit's
hiding says"). Prints the patterns and the processor time.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence

import pendulum

from ledarutveckling import (
    DateRange,
    Dimension,
    Evaluation,
    EvaluationSet,
    EvaluationSubject,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)

Q1 = Question(code="Q1", text="Värdefullt", scale=Scale.LIKERT_5, level=KirkpatrickLevel(1))
NPS = Question(code="NPS", text="Rekommendera", scale=Scale.NPS, level=KirkpatrickLevel(1))
DAY = pendulum.date(2026, 5, 29)


def _cohort(name: str, answers: Sequence[int], invited: int) -> Evaluation:
    return Evaluation(
        reference=name,
        subject=EvaluationSubject(program_code="SOC-LED", cohort=name, unit="U1"),
        questions=(Q1, NPS),
        responses=[
            Response(
                answers={"Q1": q, "NPS": 9 if i % 3 else 5},
                submitted_at=pendulum.datetime(2026, 5, 29, 12, tz="Europe/Stockholm"),
            )
            for i, q in enumerate(answers)
        ],
        invited=invited,
        collected=DateRange(start=DAY.subtract(days=10), end=DAY),
    )


def _pattern(a: Sequence[int], b: Sequence[int]) -> str:
    """Which groups' Q1 is hidden (h) or shown (s): A, B, C, D and the total."""
    cohorts = [
        _cohort("A", a, 6),
        _cohort("B", b, 8),
        _cohort("C", [5, 4] * 4 + [5], 10),
        _cohort("D", [5, 4] * 6, 14),
    ]
    shown = EvaluationSet(evaluations=cohorts, audience="styrgruppen").breakdown(
        by=Dimension.COHORT
    )
    return "".join(
        "h" if g.question("Q1").statistics is None else "s" for g in (*shown.groups, shown.total)
    )


def main() -> None:
    start = time.process_time()
    found: dict[str, dict[int, int]] = {}
    for union in itertools.combinations_with_replacement(range(1, 6), 9):
        out = sum(1 for value in union if value <= 3)
        for a, b in ((union[:3], union[3:]), (union[-3:], union[:-3])):
            counts = found.setdefault(_pattern(a, b), {})
            counts[out] = counts.get(out, 0) + 1
    for pattern, counts in sorted(found.items()):
        print(f"Q1 hidden {pattern} (A B C D total): answers out of the box -> runs {counts}")
    print(f"{time.process_time() - start:.1f} s of CPU")


if __name__ == "__main__":
    main()
