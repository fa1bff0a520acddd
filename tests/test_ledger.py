"""Tests for the agreement-wide rules and questions of AgreementLedger."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from ledarutveckling import (
    AgreementLedger,
    CallOff,
    CallOffMethod,
    CallOffStatus,
    DateRange,
    Money,
    OrderingUnit,
    OrderingUnitKind,
    Organisation,
    Problem,
    ServiceArea,
    ValidationError,
)
from ledarutveckling.examples import (
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_ledger,
    stockholm_units,
)
from ledarutveckling.testing import dates, ledgers
from tests.helpers import problems
from tests.test_calloff import draft, line

D = pendulum.date
CODES = "KONS-TIM, KONS-HALVDAG, KONS-DAG, COACH-SAMTAL, MATERIAL, PLATTFORM, BEHOV"


def ledger(*call_offs: CallOff, **agreement_changes: Any) -> AgreementLedger:
    agreement = attrs.evolve(stockholm_agreement(), **agreement_changes)
    return AgreementLedger(agreement=agreement, call_offs=call_offs)


def found(book: AgreementLedger) -> list[tuple[str, object, str]]:
    return [(p.path, p.value, p.message) for p in book.problems()]


# -- valid ledgers ----------------------------------------------------------------------------


def test_the_example_ledger_has_no_problems() -> None:
    book = stockholm_ledger()
    assert book.problems() == ()
    book.check()


def test_an_empty_ledger_has_no_problems_and_nothing_called_off() -> None:
    book = AgreementLedger(agreement=stockholm_agreement())
    assert book.problems() == ()
    assert book.running_total(D(2026, 1, 1)) == Money.sek("0")
    assert book.utilisation(D(2026, 1, 1)) == Decimal(0)
    assert book.totals_by_unit() == {}


def test_a_ledger_refuses_objects_of_the_wrong_type() -> None:
    assert problems(AgreementLedger, agreement="KS 2024/0815", call_offs=[draft(), "SOC"]) == [
        ("agreement", "must be a FrameworkAgreement"),
        ("call_offs[1]", "must be CallOff objects"),
    ]


# -- each rule broken ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day",
    [
        D(2024, 12, 31),  # the day before the term starts
        D(2028, 1, 1),  # the day after the exercised option ends
    ],
)
def test_a_call_off_placed_outside_the_term_in_force_is_a_problem(day: pendulum.Date) -> None:
    late = draft(ordered_on=day, delivery=DateRange.single(day), lines=(line(unit_price=None),))
    book = ledger(late, indexation=None)
    assert found(book) == [
        (
            "call_offs[0].ordered_on",
            day,
            "is outside the agreement's term in force (2025-01-01/2027-12-31); a call-off must "
            "be placed while the agreement is in force (its delivery may run past the end)",
        )
    ]


def test_a_call_off_on_the_last_day_may_deliver_after_the_end() -> None:
    last = draft(
        ordered_on=D(2027, 12, 31),
        delivery=DateRange.from_iso("2028-01-10", "2028-06-30"),
    )
    assert ledger(last, indexation=None).problems() == ()


def test_a_wrong_agreement_reference_is_a_problem() -> None:
    assert found(ledger(draft(agreement_reference="KS 2020/0001"))) == [
        (
            "call_offs[0].agreement_reference",
            "KS 2020/0001",
            "must be the agreement's reference ('KS 2024/0815')",
        )
    ]


def test_a_call_off_with_the_agreements_reference_as_its_own_is_a_problem() -> None:
    assert found(ledger(draft(reference="KS 2024/0815"))) == [
        (
            "call_offs[0].reference",
            "KS 2024/0815",
            "must be the call-off's own reference, not the agreement's",
        )
    ]


def test_the_buyer_is_known_by_its_organisation_number_not_its_name() -> None:
    # The review's ledger wrote the unit's organisation "Stockholm Stad", the agreement's buyer
    # "Stockholms stad", both 212000-0142: one legal person, so one buyer.
    written = OrderingUnit(
        name="Kommunstyrelsen",
        kind=OrderingUnitKind.ADMINISTRATION,
        organisation=Organisation(name="Stockholm Stad", org_number="2120000142"),
    )
    assert found(ledger(draft(unit=written))) == []


def test_a_unit_of_another_organisation_is_a_problem() -> None:
    other = OrderingUnit(
        name="Kommunstyrelsen",
        kind=OrderingUnitKind.ADMINISTRATION,
        organisation=Organisation(name="Solna stad", org_number="212000-0159"),
    )
    assert found(ledger(draft(unit=other))) == [
        (
            "call_offs[0].unit.organisation",
            "Solna stad (212000-0159)",
            "must be the agreement's buyer (Stockholms stad (212000-0142))",
        )
    ]


def test_price_codes_missing_from_the_price_list_are_problems_whether_priced_or_not() -> None:
    c = draft(lines=(line(price_code="RESA"), line(price_code="HOTELL", unit_price=Money.sek("1"))))
    assert found(ledger(c)) == [
        (
            "call_offs[0].lines[0].price_code",
            "RESA",
            f"is not in the agreement's price list (codes: {CODES})",
        ),
        (
            "call_offs[0].lines[1].price_code",
            "HOTELL",
            f"is not in the agreement's price list (codes: {CODES})",
        ),
    ]


def test_a_price_other_than_the_indexed_list_price_is_a_problem_under_ranking() -> None:
    c = draft(lines=(line(unit_price=Money.sek("1450")),))  # the price before indexation
    assert found(ledger(c)) == [
        (
            "call_offs[0].lines[0].unit_price",
            Money.sek("1450"),
            "must be the list price on 2026-02-02 (1496.40 SEK, indexed); only a call-off "
            "after renewed competition may carry its own prices",
        )
    ]


def test_the_indexed_list_price_stated_on_a_line_is_valid() -> None:
    c = draft(lines=(line(unit_price=Money.sek("1496.4")),))
    assert ledger(c).problems() == ()


def test_renewed_competition_may_lower_prices() -> None:
    c = draft(
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=1000, unit_price=Money.sek("1200")),),
    )
    assert ledger(c).problems() == ()


def test_renewed_competition_may_not_raise_prices() -> None:
    c = draft(
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=1000, unit_price=Money.sek("1500")),),
    )
    assert found(ledger(c)) == [
        (
            "call_offs[0].lines[0].unit_price",
            Money.sek("1500"),
            "must not exceed the list price on 2026-02-02 (1496.40 SEK, indexed); renewed "
            "competition may lower prices, not raise them",
        )
    ]


def test_a_price_in_another_currency_is_a_problem() -> None:
    c = draft(lines=(line(unit_price=Money.of("130", "EUR")),))
    assert found(ledger(c)) == [
        (
            "call_offs[0].lines[0].unit_price",
            Money.of("130", "EUR"),
            "must be in SEK like the price list",
        )
    ]


def test_a_service_area_the_agreement_does_not_cover_is_a_problem() -> None:
    c = draft(programs=(stockholm_catalogue().program("AMS"),))
    assert found(ledger(c, service_areas=(ServiceArea.LEADERSHIP,))) == [
        (
            "call_offs[0].programs[0].service_area",
            "employeeship",
            "is not covered by the agreement (it covers 'leadership')",
        )
    ]


def test_duplicate_call_off_references_are_a_problem_at_the_second() -> None:
    book = ledger(draft(), draft(reference="SOC 2026/0101"), draft())
    assert found(book) == [
        (
            "call_offs[2].reference",
            "SOC 2026/0100",
            "duplicate call-off reference; call_offs[0] already has it",
        )
    ]


def test_the_call_off_that_first_takes_the_running_total_past_the_ceiling_is_named() -> None:
    # Listed first, placed last: the running total goes in the order placed.
    def big(reference: str, day: str) -> CallOff:
        ordered_on = pendulum.parse(day, exact=True)
        assert isinstance(ordered_on, pendulum.Date)
        return draft(
            reference=reference,
            ordered_on=ordered_on,
            delivery=DateRange.single(ordered_on),
            method=CallOffMethod.RENEWED_COMPETITION,
            lines=(line(quantity=6000, unit_price=Money.sek("1000")),),
        )

    book = ledger(big("C", "2026-06-01"), big("A", "2026-02-02"))
    assert found(book) == [
        (
            "call_offs[0]",
            "C",
            "takes the running total of call-offs to 12000000.00 SEK, past the ceiling of "
            "10000000 SEK; the agreement ceases to have effect when its maximum value is "
            "reached (EU Court of Justice C-23/20, Simonsen & Weel)",
        )
    ]


def test_reaching_the_ceiling_exactly_is_not_a_problem() -> None:
    c = draft(
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=10000, unit_price=Money.sek("1000")),),
    )
    book = ledger(c)
    assert book.problems() == ()
    assert book.utilisation(D(2026, 2, 2)) == 1
    assert book.remaining(D(2026, 2, 2)) == Money.sek("0")


def test_a_cancelled_call_off_does_not_count_towards_the_ceiling() -> None:
    huge = draft(
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=20000, unit_price=Money.sek("1000")),),
    ).transition(CallOffStatus.CANCELLED, D(2026, 2, 2))
    book = ledger(huge)
    assert book.problems() == ()
    assert book.running_total(D(2030, 1, 1)) == Money.sek("0")


@pytest.mark.parametrize(
    ("agreement_method", "call_off_method", "quantity", "expected"),
    [
        (
            CallOffMethod.RANKING,
            CallOffMethod.RENEWED_COMPETITION,
            10,
            "must be 'ranking': the agreement's call-off method is 'ranking'",
        ),
        (
            CallOffMethod.RENEWED_COMPETITION,
            CallOffMethod.RANKING,
            10,
            "must be 'renewed_competition': the agreement's call-off method is "
            "'renewed_competition'",
        ),
        (
            CallOffMethod.COMBINED,
            CallOffMethod.RENEWED_COMPETITION,
            10,
            "must be 'ranking': its value 14964.00 SEK is below the limit 1000000 SEK",
        ),
        (
            CallOffMethod.COMBINED,
            CallOffMethod.RANKING,
            1000,
            "must be 'renewed_competition': its value 1496400.00 SEK is at or above the limit "
            "1000000 SEK",
        ),
    ],
)
def test_a_call_off_must_follow_the_agreements_method(
    agreement_method: CallOffMethod,
    call_off_method: CallOffMethod,
    quantity: int,
    expected: str,
) -> None:
    changes: dict[str, Any] = {"call_off_method": agreement_method}
    if agreement_method is not CallOffMethod.COMBINED:
        changes["value_limit"] = None
    c = draft(method=call_off_method, lines=(line(quantity=quantity),))
    assert found(ledger(c, **changes)) == [("call_offs[0].method", call_off_method.value, expected)]


def test_a_missing_index_month_is_reported_once_at_the_agreement() -> None:
    day = D(2029, 2, 1)
    late = [
        draft(
            reference=f"R{n}",
            ordered_on=day,
            delivery=DateRange.single(day),
            lines=(line(), line(unit_price=Money.sek("1"))),
        )
        for n in range(2)
    ]
    longer = (
        *stockholm_agreement().options[:1],
        attrs.evolve(stockholm_agreement().options[1], exercised_on=D(2027, 9, 1)),
        attrs.evolve(stockholm_agreement().options[1], exercised_on=D(2028, 9, 1)),
    )
    book = ledger(*late, options=longer, term_justification="Särskilda skäl.")
    assert found(book) == [
        (
            "agreement.indexation.values",
            "2028-10",
            "has no value for 2028-10, which the adjustment on 2029-01-01 needs; add it to "
            "the index series",
        )
    ]
    with pytest.raises(ValidationError) as info:
        book.total(0)
    assert [p.path for p in info.value.problems] == ["agreement.indexation.values"]


def test_a_missing_index_month_is_found_for_lines_with_their_own_price_too() -> None:
    day = D(2027, 2, 1)
    c = draft(
        ordered_on=day, delivery=DateRange.single(day), lines=(line(unit_price=Money.sek("1")),)
    )
    indexation = stockholm_agreement().indexation
    assert indexation is not None
    values = {k: v for k, v in indexation.values.items() if k[0] < 2026}
    index = attrs.evolve(indexation, values=values)
    assert found(ledger(c, indexation=index)) == [
        (
            "agreement.indexation.values",
            "2026-10",
            "has no value for 2026-10, which the adjustment on 2027-01-01 needs; add it to "
            "the index series",
        )
    ]


def test_every_problem_is_reported_at_once_and_check_raises_them() -> None:
    bad = draft(
        reference="SOC 2024/0001",
        agreement_reference="KS 2020/0001",
        ordered_on=D(2024, 6, 3),
        delivery=DateRange.single(D(2024, 6, 3)),
        lines=(line(price_code="RESA"),),
    )
    book = ledger(bad, draft())
    paths = [p.path for p in book.problems()]
    assert paths == [
        "call_offs[0].agreement_reference",
        "call_offs[0].ordered_on",
        "call_offs[0].lines[0].price_code",
    ]
    with pytest.raises(ValidationError) as info:
        book.check()
    assert info.value.problems == book.problems()


def test_problems_are_problem_objects() -> None:
    assert all(isinstance(p, Problem) for p in ledger(draft(reference="KS 2024/0815")).problems())


# -- questions ----------------------------------------------------------------------------------


def test_running_total_utilisation_and_remaining_on_a_date() -> None:
    book = stockholm_ledger()
    assert book.running_total(D(2025, 2, 9)) == Money.sek("0")
    assert book.running_total(D(2025, 2, 10)) == Money.sek("209700.00")
    # The cancelled call-off of May 2025 counts for nothing.
    assert book.running_total(D(2025, 12, 31)) == Money.sek("290550.00")
    assert book.running_total(D(2026, 11, 27)) == Money.sek("3037085.40")
    assert book.utilisation(D(2026, 11, 27)) == Decimal("0.30370854")
    assert book.remaining(D(2026, 11, 27)) == Money.sek("6962914.60")


def test_a_ceiling_passed_gives_a_negative_remainder() -> None:
    c = draft(
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=11000, unit_price=Money.sek("1000")),),
    )
    book = ledger(c)
    assert book.remaining(D(2026, 2, 2)) == Money.sek("-1000000.00")
    assert book.utilisation(D(2026, 2, 2)) == Decimal("1.1")


def test_totals_per_ordering_unit() -> None:
    units = stockholm_units()
    assert stockholm_ledger().totals_by_unit() == {
        units["Socialförvaltningen"]: Money.sek("298983.15"),
        units["Stadsarkivet"]: Money.sek("80850.00"),
        units["Skärholmens stadsdelsförvaltning"]: Money.sek("232432.20"),
        units["Trafikkontoret"]: Money.sek("2404350.00"),
        units["Stadsledningskontoret"]: Money.sek("109753.20"),
    }


def test_totals_per_unit_up_to_a_date() -> None:
    units = stockholm_units()
    assert stockholm_ledger().totals_by_unit(D(2025, 12, 31)) == {
        units["Socialförvaltningen"]: Money.sek("209700.00"),
        units["Stadsarkivet"]: Money.sek("80850.00"),
    }


def test_totals_per_service_area() -> None:
    assert stockholm_ledger().totals_by_service_area() == {
        ServiceArea.LEADERSHIP: Money.sek("641168.55"),
        ServiceArea.EMPLOYEESHIP: Money.sek("2485200.00"),
    }


def test_a_call_off_without_programs_counts_under_none() -> None:
    assert ledger(draft(programs=())).totals_by_service_area() == {None: Money.sek("14964.00")}


def test_totals_per_month_placed_in_order() -> None:
    assert stockholm_ledger().totals_by_month(D(2026, 12, 31)) == {
        (2025, 2): Money.sek("209700.00"),
        (2025, 9): Money.sek("80850.00"),
        (2026, 3): Money.sek("232432.20"),
        (2026, 6): Money.sek("2404350.00"),
        (2026, 8): Money.sek("109753.20"),
    }


def test_call_offs_in_force_on_a_date() -> None:
    book = stockholm_ledger()
    assert [c.reference for c in book.in_force(D(2025, 6, 1))] == ["SOC 2025/0142"]
    assert [c.reference for c in book.in_force(D(2027, 6, 30))] == ["TK 2026/1201"]
    assert book.in_force(D(2027, 7, 1)) == ()


def test_adding_a_call_off_returns_a_new_ledger() -> None:
    book = stockholm_ledger()
    bigger = book.add(
        draft(
            reference="SOC 2026/0999",
            ordered_on=D(2026, 11, 27),
            delivery=DateRange.single(D(2026, 11, 27)),
        )
    )
    assert len(bigger.call_offs) == len(book.call_offs) + 1
    assert bigger.problems() == ()
    assert bigger.running_total(D(2026, 11, 27)) == book.running_total(D(2026, 11, 27)) + Money.sek(
        "14964.00"
    )


def test_the_total_of_one_call_off_and_its_errors_from_the_ledger_root() -> None:
    book = ledger(draft(), draft(reference="X", lines=(line(price_code="RESA"),)))
    assert book.total(0) == Money.sek("14964.00")
    with pytest.raises(ValidationError) as info:
        book.total(1)
    assert [p.path for p in info.value.problems] == ["call_offs[1].lines[0].price_code"]
    with pytest.raises(ValidationError):
        book.running_total(D(2026, 12, 31))


@pytest.mark.parametrize("index", [2, -3, "0", True])
def test_the_total_of_a_call_off_that_is_not_there_names_the_valid_positions(
    index: object,
) -> None:
    book = ledger(draft(), draft(reference="X"))
    assert problems(book.total, index=index) == [
        ("index", "must be the position of a call-off, an int from 0 to 1")
    ]


def test_an_empty_ledger_has_no_call_off_to_total() -> None:
    assert problems(ledger().total, index=0) == [
        ("index", "must be the position of a call-off, but the ledger has none")
    ]


def test_a_negative_index_counts_from_the_end_and_reports_the_real_position() -> None:
    book = ledger(draft(), draft(reference="X", lines=(line(price_code="RESA"),)))
    assert book.total(-2) == book.total(0)
    with pytest.raises(ValidationError) as info:
        book.total(-1)
    assert [p.path for p in info.value.problems] == ["call_offs[1].lines[0].price_code"]


# -- what cannot be priced, and the problems per call-off ------------------------------------


def test_the_unpriced_call_offs_are_those_total_refuses() -> None:
    euros = draft(reference="E", lines=(line(unit_price=Money.of("130", "EUR")),))
    unknown = draft(reference="X", lines=(line(price_code="RESA"),))
    book = ledger(draft(), euros, draft(reference="Y"), unknown)
    assert book.unpriced == (1, 3)
    for index in book.unpriced:
        with pytest.raises(ValidationError):
            book.total(index)
    assert ledger().unpriced == ()


def test_the_problems_of_a_call_off_are_those_at_its_paths_in_order() -> None:
    calls = [draft(reference=f"R{n}") for n in range(11)]
    calls[1] = draft(reference="R1", lines=(line(price_code="RESA"),), agreement_reference="Z")
    calls[10] = draft(reference="R0")
    book = ledger(*calls)
    assert [p.path for p in book.problems_of(1)] == [
        "call_offs[1].agreement_reference",
        "call_offs[1].lines[0].price_code",
    ]
    assert [p.path for p in book.problems_of(10)] == ["call_offs[10].reference"]
    assert book.problems_of(-1) == book.problems_of(10)
    assert book.problems_of(0) == ()
    every = [p for index in range(len(calls)) for p in book.problems_of(index)]
    assert sorted(every, key=book.problems().index) == list(book.problems())


def test_the_ceiling_problem_belongs_to_the_call_off_that_passes_it() -> None:
    big = draft(
        reference="BIG",
        method=CallOffMethod.RENEWED_COMPETITION,
        lines=(line(quantity=10001, unit_price=Money.sek("1000")),),
    )
    book = ledger(draft(), big)
    assert [(p.path, p.value) for p in book.problems_of(1)] == [("call_offs[1]", "BIG")]


def test_a_missing_index_month_is_no_call_offs_problem() -> None:
    day = D(2029, 2, 1)
    late = draft(ordered_on=day, delivery=DateRange.single(day))
    longer = (
        *stockholm_agreement().options[:1],
        attrs.evolve(stockholm_agreement().options[1], exercised_on=D(2027, 9, 1)),
        attrs.evolve(stockholm_agreement().options[1], exercised_on=D(2028, 9, 1)),
    )
    book = ledger(late, options=longer, term_justification="Särskilda skäl.")
    assert [p.path for p in book.problems()] == ["agreement.indexation.values"]
    assert book.problems_of(0) == ()
    assert book.unpriced == (0,)


@pytest.mark.parametrize("index", [2, -3, "0", True])
def test_the_problems_of_a_call_off_that_is_not_there_name_the_valid_positions(
    index: object,
) -> None:
    book = ledger(draft(), draft(reference="X"))
    assert problems(book.problems_of, index=index) == [
        ("index", "must be the position of a call-off, an int from 0 to 1")
    ]


def test_questions_refuse_a_datetime() -> None:
    assert problems(stockholm_ledger().running_total, on=pendulum.datetime(2026, 1, 1)) == [
        (
            "on",
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        )
    ]


# -- properties (the public strategies of ledarutveckling.testing) -------------------------


@settings(max_examples=40, deadline=None)
@given(
    ledgers(stockholm_agreement(), max_call_offs=8),
    dates(within=DateRange.from_iso("2024-12-01", "2028-02-01")),
)
def test_totals_equal_the_sum_of_lines_and_utilisation_follows_the_running_total(
    book: AgreementLedger, day: pendulum.Date
) -> None:
    agreement = book.agreement
    assert agreement.ceiling is not None
    counted = [  # as they stood on the day: one cancelled later still counts (issue 18)
        c
        for c in book.call_offs
        if c.ordered_on <= day and (not c.is_cancelled or c.history[-1].on > day)
    ]

    def counts_for(c: CallOff) -> list[Money]:
        """Its line amounts, or from its termination on what each line delivered."""
        if c.terminated_on is not None and c.terminated_on <= day:
            prices = c.unit_prices(agreement)
            return [(p * d).round_to_ore() for p, d in zip(prices, c.delivered, strict=True)]
        return list(c.line_amounts(agreement))

    expected = sum((amount for c in counted for amount in counts_for(c)), Money.sek("0"))
    running = book.running_total(day)
    assert running == expected
    assert book.utilisation(day) == running.amount / agreement.ceiling.amount
    if all(c.terminated_on is None for c in book.call_offs):  # else it may fall back
        assert book.utilisation(day) <= book.utilisation(agreement.latest_end_date)
    assert book.remaining(day) == agreement.ceiling - running
    assert sum(book.totals_by_unit(day).values(), Money.sek("0")) == running
    assert sum(book.totals_by_service_area(day).values(), Money.sek("0")) == running
    assert sum(book.totals_by_month(day).values(), Money.sek("0")) == running
    for index, c in enumerate(book.call_offs):
        assert book.total(index) == c.total(agreement)
        assert Money.sek("0") <= book.value(index, day) <= book.total(index)


@settings(max_examples=60, deadline=None)
@given(ledgers())
def test_no_generated_agreement_with_valid_call_offs_reports_a_problem(
    book: AgreementLedger,
) -> None:
    assert book.problems() == ()
    assert book.utilisation(book.agreement.latest_end_date) <= 1


def test_a_ledger_survives_pickling_after_it_has_priced_its_call_offs() -> None:
    book = stockholm_ledger()
    assert book.problems() == ()
    copy = pickle.loads(pickle.dumps(book))
    assert copy == book
    assert copy.running_total(D(2030, 1, 1)) == book.running_total(D(2030, 1, 1))


def test_prices_totals_and_utilisation_do_not_depend_on_the_callers_decimal_context() -> None:
    from decimal import localcontext

    from ledarutveckling import quote
    from ledarutveckling.examples import stockholm_catalogue

    def figures() -> tuple[object, ...]:
        agreement = stockholm_agreement()
        assert agreement.indexation is not None
        offer = quote(agreement, stockholm_catalogue().program("FOR-LED"), 3, 16, D(2027, 2, 1))
        return (
            agreement.indexation.adjustments(D(2028, 1, 1)),
            agreement.price_on("KONS-TIM", D(2028, 1, 1)),
            stockholm_ledger().utilisation(D(2026, 11, 27)),
            offer.total,
            offer.per_participant,
            [part.share for part in stockholm_catalogue().program("FOR-LED").blend()],
        )

    expected = figures()
    with localcontext() as context:
        context.prec = 4
        assert figures() == expected
