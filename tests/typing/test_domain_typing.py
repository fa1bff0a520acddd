"""The domain API as a downstream project uses it, checked by mypy --strict.

Parties, programs and the catalogue, agreements, call-offs, quotes and the ledger.

As in `test_api_typing.py`: lines marked `# type: ignore[code]` MUST be rejected by mypy
(`warn_unused_ignores` fails the run if one stops being needed), and pytest runs the file so
every accepted line really works at run time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pendulum
import pytest

import ledarutveckling as lu
from ledarutveckling import scheduling
from ledarutveckling.examples import (
    example_supplier,
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_ledger,
    stockholm_units,
    stockholms_stad,
)


def test_parties_api_types() -> None:
    city: lu.Organisation = stockholms_stad()
    units: dict[str, lu.OrderingUnit] = stockholm_units()
    kind: lu.OrderingUnitKind = units["Stadsarkivet"].kind
    label: str = kind.label("en_GB")
    supplier = example_supplier()
    assert city.org_number == "212000-0142"
    assert label == "administration"
    assert supplier != city
    with pytest.raises(lu.ValidationError):
        lu.Organisation(name=None, org_number="212000-0142")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.OrderingUnit("Stadsarkivet", kind, city)  # type: ignore[call-arg]


def test_offerings_api_types() -> None:
    catalogue: lu.Catalogue = stockholm_catalogue()
    program: lu.Program = catalogue.program("FOR-LED")
    module: lu.Module = program.module("FOR-1")
    hours: Decimal = module.hours
    formats: frozenset[lu.DeliveryFormat] = program.formats
    parts: tuple[lu.BlendPart, ...] = program.blend()
    managers: lu.Catalogue = catalogue.filter(target_group=lu.TargetGroup.MANAGERS)
    codes: tuple[str, ...] = managers.codes
    assert hours == 6
    assert formats
    assert parts
    assert "FOR-LED" in codes
    with pytest.raises(lu.ValidationError):
        catalogue.filter(target_group="managers")  # type: ignore[arg-type]


def test_agreement_api_types() -> None:
    agreement: lu.FrameworkAgreement = stockholm_agreement()
    end: pendulum.Date = agreement.end_date
    option: lu.ExtensionOption | None = agreement.next_option()
    deadline: pendulum.Date | None = agreement.notice_deadline
    price: lu.Money = agreement.price_on("KONS-TIM", dt.date(2026, 3, 1))
    item: lu.PriceItem = agreement.price_list.item("KONS-TIM")
    unit: lu.PriceUnit = item.unit
    method: lu.CallOffMethod = agreement.call_off_method
    indexation = agreement.indexation
    assert indexation is not None
    adjustments: tuple[lu.IndexAdjustment, ...] = indexation.adjustments(end)
    extended: lu.FrameworkAgreement = agreement.exercise_next_option(pendulum.date(2027, 9, 1))
    assert end < extended.end_date
    assert option is not None
    assert deadline is not None
    assert price.amount == Decimal("1496.40")
    assert unit is lu.PriceUnit.HOUR
    assert method is lu.CallOffMethod.COMBINED
    assert adjustments
    with pytest.raises(lu.ValidationError):
        agreement.price_on("KONS-TIM", "2026-03-01")  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        agreement.ceiling = None  # type: ignore[misc]


def test_call_off_and_ledger_api_types() -> None:
    ledger: lu.AgreementLedger = stockholm_ledger()
    agreement = ledger.agreement
    call_off: lu.CallOff = ledger.call_offs[-1]
    status: lu.CallOffStatus = call_off.status
    ordered: lu.CallOff = call_off.transition(lu.CallOffStatus.ORDERED, pendulum.date(2027, 2, 1))
    history: tuple[lu.StatusChange, ...] = ordered.history
    total: lu.Money = call_off.total(agreement)
    problems: tuple[lu.Problem, ...] = attrs.evolve(ledger, call_offs=(ordered,)).problems()
    utilisation: Decimal = ledger.utilisation(pendulum.date(2026, 11, 27))
    by_unit: dict[lu.OrderingUnit, lu.Money] = ledger.totals_by_unit()
    by_month: dict[tuple[int, int], lu.Money] = ledger.totals_by_month()
    offer: lu.Quote = lu.quote(
        agreement, stockholm_catalogue().program("SVS"), 2, 16, pendulum.date(2026, 9, 1)
    )
    lines: tuple[lu.CallOffLine, ...] = offer.lines
    assert status is lu.CallOffStatus.DRAFT
    assert len(history) == 1
    assert total.currency == "SEK"
    assert problems == ()
    assert utilisation < 1
    assert by_unit
    assert by_month
    assert lines
    with pytest.raises(lu.ValidationError):
        call_off.transition("ordered", pendulum.date(2027, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.quote(agreement, offer.program, 2, 16)  # type: ignore[call-arg]
    with pytest.raises(lu.ValidationError):
        lu.quote(agreement, offer.program, 2.5, 16, pendulum.date(2026, 9, 1))  # type: ignore[arg-type]


def test_rollout_api_types() -> None:
    room: scheduling.Room = scheduling.Room(name="Ekoln", capacity=20)
    slot = scheduling.SessionSlot(start=dt.time(9), end=dt.time(12))
    length: pendulum.Duration = slot.length
    unit = scheduling.RolloutUnit(name="Trafikkontoret", headcount=40)
    facilitator = scheduling.Facilitator(name="Anna Lindqvist", max_sessions_per_week=5)
    assert room.capacity == 20
    assert length.in_hours() == 3
    assert unit.deadlines == {}
    assert not facilitator.is_absent(pendulum.date(2027, 3, 1))
    with pytest.raises(lu.ValidationError):
        scheduling.Room(name="Ekoln", capacity="20")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scheduling.plan_rollout(stockholm_catalogue().program("ABW"))  # type: ignore[call-overload]
