"""ledarutveckling.testing as a downstream project's tests use it, checked by mypy --strict.

As in `test_api_typing.py`: lines marked `# type: ignore[code]` MUST be rejected by mypy
(`warn_unused_ignores` fails the run if one stops being needed), and pytest runs the file so
every accepted line really works at run time.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarutveckling as lu
from ledarutveckling import testing as lt
from ledarutveckling.scheduling import RolloutPlan


def test_strategy_types() -> None:
    agreements: st.SearchStrategy[lu.FrameworkAgreement] = lt.agreements(indexed=False)
    ledgers: st.SearchStrategy[lu.AgreementLedger] = lt.ledgers(max_call_offs=2)
    programs: st.SearchStrategy[lu.Program] = lt.programs(target_group=lu.TargetGroup.MANAGERS)
    money: st.SearchStrategy[lu.Money] = lt.money(currency="EUR")
    ranges: st.SearchStrategy[lu.DateRange] = lt.date_ranges(max_days=30)
    evaluations: st.SearchStrategy[lu.Evaluation] = lt.evaluations(scale=lu.Scale.NPS)
    sessions: st.SearchStrategy[lu.Session] = lt.sessions()
    rollouts: st.SearchStrategy[lt.RolloutInstance] = lt.rollout_instances()
    broken: st.SearchStrategy[lt.Broken[dict[str, Any]]] = lt.invalid_agreements()
    strategies: list[st.SearchStrategy[Any]] = [
        agreements,
        ledgers,
        programs,
        money,
        ranges,
        evaluations,
        sessions,
        rollouts,
        broken,
    ]
    assert len(strategies) == 9
    with pytest.raises(lu.ValidationError):
        lt.money(currency="EUR", places="2")  # type: ignore[arg-type]
    with pytest.raises(lu.ValidationError):
        lt.call_offs(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lt.agreements("SEK")  # type: ignore[call-arg]


@settings(max_examples=5, deadline=None)
@given(st.data())
def test_drawn_values_have_the_library_types(data: st.DataObject) -> None:
    agreement = data.draw(lt.agreements())
    call_off: lu.CallOff = data.draw(lt.call_offs(agreement, status=lu.CallOffStatus.ORDERED))
    broken: lt.Broken[lu.CallOff] = data.draw(lt.invalid_call_offs(agreement))
    path: str = broken.path_in("call_offs[0]")
    plan: RolloutPlan = data.draw(lt.rollout_instances()).plan()
    assert call_off.status is lu.CallOffStatus.ORDERED
    assert path.startswith("call_offs[0]")
    assert plan.problems() == ()


def test_factory_types() -> None:
    agreement: lu.FrameworkAgreement = lt.make_agreement()
    call_off: lu.CallOff = lt.make_call_off(agreement, reference="SOC 2026/0999")
    ledger: lu.AgreementLedger = lt.make_ledger(call_off, agreement=agreement)
    session: lu.Session = lt.make_session()
    evaluation: lu.Evaluation = lt.make_evaluation()
    method: lu.CallOffMethod = lt.method_for(agreement, call_off)
    assert ledger.problems() == ()
    assert session.cohort == "Grupp 1"
    assert evaluation.respondents == 6
    assert method is lu.CallOffMethod.RANKING
    with pytest.raises(lu.ValidationError):
        lt.make_ledger(call_off, agreement)  # type: ignore[arg-type]
