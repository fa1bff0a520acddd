"""Tests for ledarutveckling.testing: its strategies, invalid variants and factories."""

from __future__ import annotations

import importlib
import sys
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from stdnum.se import orgnr

from ledarutveckling import (
    AgreementLedger,
    CallOff,
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    DateRange,
    DeliveryFormat,
    Evaluation,
    FollowUpMeeting,
    FrameworkAgreement,
    KirkpatrickLevel,
    Money,
    OrderingUnitKind,
    PriceItem,
    PriceList,
    PriceUnit,
    ProgramKind,
    Question,
    Scale,
    ServiceArea,
    TargetGroup,
    ValidationError,
)
from ledarutveckling import testing as lt
from ledarutveckling.examples import stockholm_agreement
from tests.helpers import problems

AUTUMN = DateRange.from_iso("2026-08-17", "2026-12-18")


# -- the property the issue asks for: thousands of generated objects, all accepted ------------


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lt.ledgers(max_call_offs=4))
def test_every_generated_ledger_is_accepted_by_the_validators(book: AgreementLedger) -> None:
    """Agreements, call-offs, programs, units and prices drawn together: no problem at all."""
    assert book.problems() == ()
    rebuilt = FrameworkAgreement(**attrs.asdict(book.agreement, recurse=False))
    assert rebuilt == book.agreement
    for call_off in book.call_offs:
        assert CallOff(**attrs.asdict(call_off, recurse=False)) == call_off


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_broken_call_off_gives_exactly_one_problem_at_its_path(data: st.DataObject) -> None:
    agreement = data.draw(lt.agreements())
    broken = data.draw(lt.invalid_call_offs(agreement))
    book = AgreementLedger(agreement=agreement, call_offs=[broken.value])
    assert [p.path for p in book.problems()] == [broken.path_in("call_offs[0]")], broken.rule


@settings(max_examples=300, deadline=None)
@given(lt.invalid_agreements())
def test_broken_agreement_arguments_are_refused_with_exactly_one_problem(
    broken: lt.Broken[dict[str, Any]],
) -> None:
    with pytest.raises(ValidationError) as info:
        FrameworkAgreement(**broken.value)
    assert [p.path for p in info.value.problems] == [broken.path], broken.rule


@pytest.mark.parametrize("rule", lt.CALL_OFF_RULES)
def test_every_call_off_rule_can_be_broken_on_its_own(rule: str) -> None:
    agreement = lt.make_agreement(service_areas=(ServiceArea.LEADERSHIP,))

    @settings(max_examples=10, deadline=None)
    @given(lt.invalid_call_offs(agreement, rules=[rule]))
    def check(broken: lt.Broken[CallOff]) -> None:
        assert broken.rule == rule
        book = AgreementLedger(agreement=agreement, call_offs=[broken.value])
        assert [p.path for p in book.problems()] == [broken.path_in("call_offs[0]")]

    check()


@pytest.mark.parametrize("rule", lt.AGREEMENT_RULES)
def test_every_agreement_rule_can_be_broken_on_its_own(rule: str) -> None:
    @settings(max_examples=10, deadline=None)
    @given(lt.invalid_agreements(rules=[rule]))
    def check(broken: lt.Broken[dict[str, Any]]) -> None:
        assert broken.rule == rule
        with pytest.raises(ValidationError) as info:
            FrameworkAgreement(**broken.value)
        assert [p.path for p in info.value.problems] == [broken.path]

    check()


# -- narrowing --------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(
    lt.agreements(
        currency="EUR",
        starts_within=DateRange.from_iso("2026-01-01", "2026-12-31"),
        call_off_method=CallOffMethod.COMBINED,
        service_areas=[ServiceArea.EMPLOYEESHIP],
        indexed=True,
    )
)
def test_agreements_can_be_narrowed(agreement: FrameworkAgreement) -> None:
    assert agreement.currency == agreement.price_list.currency == "EUR"
    assert agreement.term.start.year == 2026
    assert agreement.call_off_method is CallOffMethod.COMBINED
    assert agreement.service_areas == (ServiceArea.EMPLOYEESHIP,)
    assert agreement.indexation is not None


@settings(max_examples=20, deadline=None)
@given(lt.agreements(term=DateRange.from_iso("2026-01-01", "2027-12-31"), indexed=False))
def test_an_agreement_can_have_a_fixed_term_and_fixed_prices(
    agreement: FrameworkAgreement,
) -> None:
    assert agreement.term == DateRange.from_iso("2026-01-01", "2027-12-31")
    assert agreement.indexation is None


@settings(max_examples=50, deadline=None)
@given(
    lt.call_offs(
        stockholm_agreement(),
        ordered_within=AUTUMN,
        target_group=TargetGroup.SENIOR_MANAGERS,
        status=CallOffStatus.INVOICED,
        max_total=Money.sek("200000"),
    )
)
def test_call_offs_can_be_narrowed(call_off: CallOff) -> None:
    agreement = stockholm_agreement()
    assert call_off.ordered_on in AUTUMN
    assert [p.target_group for p in call_off.programs] == [TargetGroup.SENIOR_MANAGERS]
    assert call_off.status is CallOffStatus.INVOICED
    assert call_off.total(agreement) <= Money.sek("200000")
    assert AgreementLedger(agreement=agreement, call_offs=[call_off]).problems() == ()


@settings(max_examples=20, deadline=None)
@given(lt.call_offs(lt.make_agreement(), unit=lt.make_ordering_unit(name="Kulturförvaltningen")))
def test_call_offs_by_one_unit(call_off: CallOff) -> None:
    assert call_off.unit.name == "Kulturförvaltningen"
    assert call_off.reference.startswith("AVR ")  # a unit the strategies have no prefix for


@settings(max_examples=50, deadline=None)
@given(
    lt.programs(
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.SHORT_INTERVENTION,
        format=DeliveryFormat.DIGITAL,
        max_modules=2,
    )
)
def test_programs_can_be_narrowed(program: Any) -> None:
    assert program.service_area is ServiceArea.EMPLOYEESHIP
    assert program.target_group is TargetGroup.ALL_STAFF
    assert program.kind is ProgramKind.SHORT_INTERVENTION
    assert program.formats == {DeliveryFormat.DIGITAL}
    assert 1 <= len(program.modules) <= 2


@settings(max_examples=50, deadline=None)
@given(
    lt.money(currency="EUR", min_value="10.5", max_value=20, places=1),
    lt.dates(within=AUTUMN),
    lt.date_ranges(within=AUTUMN, min_days=5, max_days=10),
    lt.org_numbers(),
)
def test_values_can_be_narrowed(
    amount: Money, day: pendulum.Date, period: DateRange, number: str
) -> None:
    assert amount.currency == "EUR"
    assert Decimal("10.5") <= amount.amount <= 20
    assert amount.amount == amount.amount.quantize(Decimal("0.1"))
    assert day in AUTUMN
    assert 5 <= period.days <= 10
    assert period.start in AUTUMN
    assert period.end in AUTUMN
    assert orgnr.is_valid(number)
    assert int(number[2]) >= 2


@settings(max_examples=30, deadline=None)
@given(
    lt.ordering_units(kind=OrderingUnitKind.DISTRICT_ADMINISTRATION),
    lt.modules(format=DeliveryFormat.SELF_PACED),
    lt.catalogues(target_group=TargetGroup.MANAGERS, max_size=3),
    lt.price_lists(currency="NOK"),
    lt.indexations(start=pendulum.date(2025, 1, 1), until=pendulum.date(2030, 1, 1)),
    lt.extension_options(),
    lt.organisations(),
)
def test_parts_can_be_narrowed(
    unit: Any,
    module: Any,
    catalogue: Any,
    prices: PriceList,
    indexation: Any,
    option: Any,
    supplier: Any,
) -> None:
    assert unit.kind is OrderingUnitKind.DISTRICT_ADMINISTRATION
    assert unit.organisation.name == "Stockholms stad"
    assert module.format is DeliveryFormat.SELF_PACED
    assert len(catalogue) <= 3
    assert all(p.target_group is TargetGroup.MANAGERS for p in catalogue)
    assert prices.currency == "NOK"
    assert indexation.apply(Money.sek(1000), pendulum.date(2030, 1, 1)).amount > 0
    assert option.exercised_on is None
    assert supplier.name.endswith("AB")


@settings(max_examples=30, deadline=None)
@given(
    lt.sessions(program=lt.make_program(), within=AUTUMN),
    lt.working_calendars(within=AUTUMN),
    lt.blackouts(within=AUTUMN),
)
def test_scheduling_values_can_be_narrowed(session: Any, calendar: Any, blackout: Any) -> None:
    assert session.program == lt.make_program()
    assert session.day in AUTUMN
    assert session.end - session.start == session.module.duration
    assert (session.room is not None) is (session.format is DeliveryFormat.IN_PERSON)
    assert all(b.period.start in AUTUMN for b in calendar.blackouts)
    assert all(day in AUTUMN for day in calendar.extra_days_off)
    assert blackout.period.days <= 60


@settings(max_examples=30, deadline=None)
@given(lt.sessions())
def test_sessions_of_drawn_programs_are_valid(session: Any) -> None:
    assert session.module in session.program.modules


def test_a_call_off_too_dear_for_any_budget_is_rejected_not_returned() -> None:
    """A budget below the cheapest price leaves nothing to draw: Hypothesis finds no example."""

    @settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
    @given(lt.call_offs(lt.make_agreement(), max_total=Money.sek("10")))
    def check(call_off: CallOff) -> None:
        raise AssertionError("no call-off fits in 10 kr")  # pragma: no cover

    from hypothesis.errors import Unsatisfiable

    with pytest.raises(Unsatisfiable):
        check()


# -- arguments are checked when the strategy is made ------------------------------------------

loose: Any = lt  # the wrong arguments below are wrong on purpose


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: loose.money(currency="sek"),
            [
                (
                    "currency",
                    "must be an ISO 4217 currency code in upper case, e.g. 'SEK' "
                    "(did you mean 'SEK'?)",
                )
            ],
        ),
        (
            lambda: loose.money(min_value=10, max_value=5),
            [("max_value", "must not be below min_value (10)")],
        ),
        (
            lambda: loose.money(min_value=1.5),
            [
                (
                    "min_value/max_value.amount",
                    "must not be a float (it cannot hold öre exactly); "
                    "pass a string or Decimal such as '12500.50'",
                )
            ],
        ),
        (lambda: loose.money(places=7), [("places", "must be at most 6")]),
        (lambda: loose.dates(within="2026"), [("within", "must be a DateRange or None")]),
        (lambda: loose.date_ranges(min_days=0), [("min_days", "must be at least 1")]),
        (
            lambda: loose.date_ranges(within=AUTUMN, min_days=5, max_days=4),
            [("max_days", "must be at least 5")],
        ),
        (
            lambda: loose.ordering_units(organisation="Stockholms stad", kind="office"),
            [
                ("organisation", "must be an Organisation or None"),
                (
                    "kind",
                    "must be a OrderingUnitKind ('administration', 'district_administration', "
                    "'company', 'office')",
                ),
            ],
        ),
        (
            lambda: loose.modules(format="digital"),
            [("format", "must be a DeliveryFormat ('in_person', 'digital', 'self_paced')")],
        ),
        (lambda: loose.programs(max_modules=0), [("max_modules", "must be at least 1")]),
        (lambda: loose.catalogues(max_size=12), [("max_size", "must be at most 11")]),
        (
            lambda: loose.price_lists(currency="XXY"),
            [("currency", "must be an ISO 4217 currency code in upper case, e.g. 'SEK'")],
        ),
        (lambda: loose.indexations(start="2026-01-01"), [("start", "must be a date")]),
        (
            lambda: loose.agreements(indexed="yes", service_areas="leadership"),
            [
                ("indexed", "must be True, False or None"),
                ("service_areas", "must be a collection of ServiceArea values"),
            ],
        ),
        (
            lambda: loose.agreements(service_areas=[]),
            [("service_areas", "must name at least one service area")],
        ),
        (
            lambda: loose.agreements(service_areas=["leadership"]),
            [("service_areas[0]", "must be a ServiceArea ('leadership', 'employeeship')")],
        ),
        (
            lambda: loose.call_offs(stockholm_agreement(), unit="SOC", max_total=5),
            [("unit", "must be an OrderingUnit or None"), ("max_total", "must be Money or None")],
        ),
        (
            lambda: loose.call_offs(
                stockholm_agreement(), ordered_within=DateRange.from_iso("2030-01-01", "2030-12-31")
            ),
            [
                (
                    "ordered_within",
                    "must overlap the agreement's term in force (2025-01-01/2027-12-31)",
                )
            ],
        ),
        (lambda: loose.call_offs("KS 2024/0815"), [("agreement", "must be a FrameworkAgreement")]),
        (lambda: loose.ledgers(max_call_offs=51), [("max_call_offs", "must be at most 50")]),
        (
            lambda: loose.ledgers("KS 2024/0815"),
            [("agreement", "must be a FrameworkAgreement")],
        ),
        (
            lambda: loose.invalid_call_offs(stockholm_agreement(), rules=["nope"]),
            [("rules", "is not a rule; choose from " + ", ".join(lt.CALL_OFF_RULES))],
        ),
        (
            lambda: loose.invalid_call_offs(stockholm_agreement(), rules="past_ceiling"),
            [
                (
                    "rules",
                    "must be a collection of rule names (" + ", ".join(lt.CALL_OFF_RULES) + ")",
                )
            ],
        ),
        (
            lambda: loose.invalid_call_offs(
                stockholm_agreement(), rules=["service_area_not_covered"]
            ),
            [("rules", "none of these rules can be broken under this agreement")],
        ),
        (lambda: loose.invalid_agreements(rules=[]), [("rules", "must name at least one rule")]),
        (lambda: loose.sessions(program="SVS"), [("program", "must be a Program or None")]),
        (lambda: loose.blackouts(within=1), [("within", "must be a DateRange or None")]),
        (lambda: loose.working_calendars(within=1), [("within", "must be a DateRange or None")]),
        (lambda: loose.invalid_call_offs(None), [("agreement", "must be a FrameworkAgreement")]),
    ],
)
def test_wrong_arguments_are_refused_when_the_strategy_is_made(
    make: Any, expected: list[tuple[str, str]]
) -> None:
    assert problems(make) == expected


def test_a_rule_that_the_agreement_cannot_break_is_left_out() -> None:
    free = PriceList(
        items=[
            PriceItem(code="GRATIS", description="Gratis", unit=PriceUnit.FIXED, price=Money.sek(0))
        ]
    )
    with pytest.raises(ValidationError):
        lt.invalid_call_offs(lt.make_agreement(price_list=free), rules=["past_ceiling"])


# -- factories --------------------------------------------------------------------------------


def test_the_factories_give_valid_objects_that_fit_together() -> None:
    agreement = lt.make_agreement()
    call_off = lt.make_call_off(agreement)
    assert call_off.unit.organisation == agreement.buyer
    assert call_off.agreement_reference == agreement.reference
    assert lt.make_ledger(call_off, agreement=agreement).problems() == ()
    assert lt.make_ledger().problems() == ()
    assert lt.make_call_off().agreement_reference == "KS 2025/0101"


def test_overrides_replace_fields_and_are_validated() -> None:
    assert lt.make_program(code="LGA").code == "LGA"
    assert lt.make_module(facilitators=2).facilitator_hours == Decimal(6)
    assert lt.make_supplier(name="Ledarskapshuset Norden AB").org_number == "556677-1233"
    assert problems(lt.make_agreement, ceiling=None)[0][0] == "ceiling"
    assert problems(lt.make_call_off, lines=())[0] == ("lines", "must hold at least one line")


def test_a_call_off_follows_a_combined_methods_value_limit() -> None:
    agreement = stockholm_agreement()
    small = lt.make_call_off(agreement)
    big = lt.make_call_off(
        agreement, lines=[CallOffLine(price_code="KONS-DAG", quantity=Decimal(200))]
    )
    assert (small.method, big.method) == (
        CallOffMethod.RANKING,
        CallOffMethod.RENEWED_COMPETITION,
    )
    second = attrs.evolve(big, reference="SDF-SK 2026/0007")
    assert lt.make_ledger(small, second, agreement=agreement).problems() == ()


def test_a_method_given_is_kept_even_when_wrong() -> None:
    call_off = lt.make_call_off(method=CallOffMethod.RENEWED_COMPETITION)
    assert [p.path for p in lt.make_ledger(call_off).problems()] == ["call_offs[0].method"]


def test_a_call_off_under_an_agreement_without_hourly_prices_or_leadership() -> None:
    prices = PriceList(
        items=[
            PriceItem(
                code="BEHOV",
                description="Behovsanalys",
                unit=PriceUnit.FIXED,
                price=Money.sek(8500),
            )
        ]
    )
    agreement = lt.make_agreement(price_list=prices, service_areas=[ServiceArea.EMPLOYEESHIP])
    call_off = lt.make_call_off(agreement)
    assert [(line.price_code, line.quantity) for line in call_off.lines] == [("BEHOV", Decimal(1))]
    assert call_off.programs == ()
    assert lt.make_ledger(call_off, agreement=agreement).problems() == ()


def test_a_short_term_places_the_call_off_on_its_last_day() -> None:
    agreement = lt.make_agreement(term=DateRange.from_iso("2026-01-01", "2026-01-20"), options=())
    assert lt.make_call_off(agreement).ordered_on == pendulum.date(2026, 1, 20)


def test_a_session_follows_its_module_unless_told() -> None:
    program = lt.make_program()
    session = lt.make_session(module=program.modules[1])
    assert session.format is DeliveryFormat.DIGITAL
    assert session.end.hour == 11
    assert lt.make_session(cohort="Grupp 2").cohort == "Grupp 2"


# -- the optional extra ---------------------------------------------------------------------


def test_importing_without_hypothesis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "ledarutveckling.testing")
    with pytest.raises(ImportError, match=r"ledarutveckling\[testing\]"):
        importlib.import_module("ledarutveckling.testing")


def test_a_call_off_never_takes_the_agreements_reference() -> None:
    agreement = lt.make_agreement(
        reference="KUL 2026/0001", term=DateRange.from_iso("2026-01-01", "2026-12-31")
    )
    archive = lt.make_ordering_unit(name="Stadsarkivet")
    found = find(
        lt.call_offs(agreement, unit=archive),
        lambda c: c.reference.startswith("KUL 2026/0001"),
        settings=settings(database=None),
    )
    assert found.reference == "KUL 2026/0001-A"


def test_an_unknown_price_code_is_one_the_price_list_does_not_have() -> None:
    odd = PriceItem(
        code="OKÄND-KOD", description="Konsult", unit=PriceUnit.HOUR, price=Money.sek(1000)
    )
    agreement = lt.make_agreement(price_list=PriceList(items=[odd]))
    broken = find(
        lt.invalid_call_offs(agreement, rules=["unknown_price_code"]),
        lambda b: True,
        settings=settings(database=None),
    )
    assert broken.value.lines[-1].price_code == "OKÄND-KOD-X"


# -- evaluations ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(lt.evaluations(), lt.follow_up_meetings(), lt.questions(), lt.returns_on_investment())
def test_generated_evaluations_and_meetings_are_accepted(
    evaluation: Any, meeting: Any, question: Any, roi: Any
) -> None:
    assert roi.costs.amount > 0
    assert Question(**attrs.asdict(question, recurse=False)) == question
    assert Evaluation(**attrs.asdict(evaluation, recurse=False)) == evaluation
    assert evaluation.invited >= max(evaluation.respondents, 1)
    assert all(r.submitted_at.date() in evaluation.collected for r in evaluation.responses)
    assert FollowUpMeeting(**attrs.asdict(meeting, recurse=False)) == meeting


@settings(max_examples=30, deadline=None)
@given(
    lt.evaluations(
        program=lt.make_program(code="LGA"),
        call_off=lt.make_call_off(),
        scale=Scale.NPS,
        collected=DateRange.from_iso("2026-06-01", "2026-06-12"),
        max_responses=5,
    ),
    lt.questions(scale=Scale.LIKERT_7, level=KirkpatrickLevel.BEHAVIOUR),
    lt.follow_up_meetings(unit="Stadsarkivet"),
)
def test_evaluations_can_be_narrowed(evaluation: Any, question: Any, meeting: Any) -> None:
    assert evaluation.subject.program_code == "LGA"
    assert evaluation.subject.call_off_reference == "SOC 2026/0123"
    assert {q.scale for q in evaluation.questions} == {Scale.NPS}
    assert evaluation.collected == DateRange.from_iso("2026-06-01", "2026-06-12")
    assert evaluation.respondents <= 5
    assert (question.scale, question.level) == (Scale.LIKERT_7, KirkpatrickLevel.BEHAVIOUR)
    assert meeting.unit == "Stadsarkivet"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (
            lambda: loose.questions(scale="nps", level=5),
            [
                ("scale", "must be a Scale ('likert_5', 'likert_7', 'nps')"),
                ("level", "must be a KirkpatrickLevel (1, 2, 3, 4)"),
            ],
        ),
        (
            lambda: loose.evaluations(
                program="SVS", call_off="X", scale="nps", collected="juni", max_responses=501
            ),
            [
                ("program", "must be a Program or None"),
                ("call_off", "must be a CallOff or None"),
                ("scale", "must be a Scale ('likert_5', 'likert_7', 'nps')"),
                ("collected", "must be a DateRange or None"),
                ("max_responses", "must be at most 500"),
            ],
        ),
        (lambda: loose.follow_up_meetings(unit=" "), [("unit", "must not be empty")]),
        (
            lambda: loose.returns_on_investment(currency="kr"),
            [("currency", "must be an ISO 4217 currency code in upper case, e.g. 'SEK'")],
        ),
    ],
)
def test_wrong_evaluation_arguments_are_refused(make: Any, expected: list[tuple[str, str]]) -> None:
    assert problems(make) == expected


def test_the_evaluation_factory_takes_overrides() -> None:
    assert lt.make_evaluation(invited=6).response_rate == 1
    assert problems(lt.make_evaluation, invited=5)[0][0] == "invited"


# -- rollouts ---------------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lt.rollout_instances(starts_within=DateRange.from_iso("2027-02-01", "2027-02-28")))
def test_generated_rollouts_are_planned_without_a_problem(instance: lt.RolloutInstance) -> None:
    assert instance.start.month == 2
    plan = instance.plan()
    assert plan.problems() == ()
    assert plan.participants == sum(unit.headcount for unit in instance.units)
    assert set(instance.arguments()) == {
        "program",
        "units",
        "facilitators",
        "rooms",
        "calendar",
        "slots",
        "start",
    }


def test_wrong_rollout_arguments_are_refused() -> None:
    assert problems(loose.rollout_instances, starts_within="2027") == [
        ("starts_within", "must be a DateRange or None")
    ]


@settings(max_examples=200, deadline=None)
@given(lt.organisations())
def test_a_drawn_supplier_is_a_company_never_the_city(supplier: Any) -> None:
    assert supplier.org_number[0] in "579"
    assert supplier.org_number != "212000-0142"
