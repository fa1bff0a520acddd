"""The evaluation API as a downstream project uses it, checked by mypy --strict.

Lines marked `# type: ignore[code]` MUST be rejected by the type checker (see
`test_api_typing.py`); pytest runs the file too, so every accepted line really works.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

import ledarutveckling as lu
from ledarutveckling.examples import stockholm_evaluations


def test_evaluation_api_types() -> None:
    question = lu.Question(
        code="Q1", text="Värdefullt", scale=lu.Scale.LIKERT_5, level=lu.KirkpatrickLevel.REACTION
    )
    at = pendulum.datetime(2026, 5, 20, 14, tz="Europe/Stockholm")
    response = lu.Response(answers={"Q1": 4}, submitted_at=at)
    evaluation = lu.Evaluation(
        reference="E1",
        subject=lu.EvaluationSubject(program_code="SOC-LED", cohort="2026:1"),
        questions=[question],
        responses=[response],
        invited=5,
        collected=lu.DateRange.from_iso("2026-05-18", "2026-05-29"),
    )
    rate: Decimal = evaluation.response_rate
    assert rate == Decimal("0.2")
    with pytest.raises(lu.ValidationError):
        lu.Response(answers={"Q1": "4"}, submitted_at=at)  # type: ignore[dict-item]
    with pytest.raises(lu.ValidationError):
        lu.Evaluation(
            reference="E2",
            subject="SOC-LED",  # type: ignore[arg-type]
            questions=[question],
            responses=[],
            invited=5,
            collected=evaluation.collected,
        )


def test_analysis_api_types() -> None:
    report: lu.Breakdown = lu.breakdown(stockholm_evaluations(), by=lu.Dimension.COHORT)
    total: lu.GroupSummary = report.total
    shown: lu.PublishedStatistics | None = total.question("Q1").statistics
    assert shown is not None
    assert shown.mean == Decimal("4.2")
    stats: lu.Statistics | None = total.question("Q1").exact_statistics
    assert stats is not None
    text: str = stats.format()
    interval: tuple[Decimal, Decimal] | None = stats.confidence_interval
    assert text == "4,2 av 5"
    assert interval is not None
    nps: lu.NetPromoterScore | None = total.question("Q4").exact_statistics.nps  # type: ignore[union-attr]
    assert nps is not None
    change: lu.Change = lu.compare(report.groups[0], report.groups[3]).change("Q1")
    direction: lu.Direction | None = change.direction
    assert direction is lu.Direction.DOWN
    roi = lu.ReturnOnInvestment(benefits=lu.Money.sek("2"), costs=lu.Money.sek("1"))
    ratio: Decimal = roi.benefit_cost_ratio
    assert ratio == 2
    with pytest.raises(lu.ValidationError):
        lu.breakdown(stockholm_evaluations(), by="cohort")  # type: ignore[call-overload]
