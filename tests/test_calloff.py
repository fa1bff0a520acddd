"""Tests for call-off status, lines, call-offs and quoting a program."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    CallOff,
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    DateRange,
    DeliveryFormat,
    Money,
    PriceItem,
    PriceList,
    PriceUnit,
    ServiceArea,
    StatusChange,
    quote,
)
from ledarutveckling.examples import (
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_ledger,
    stockholm_units,
)
from tests.helpers import problems
from tests.test_offerings import module, program

D = pendulum.date
S = CallOffStatus


def line(**overrides: Any) -> CallOffLine:
    fields: dict[str, Any] = {"price_code": "KONS-TIM", "quantity": Decimal(10)}
    fields.update(overrides)
    return CallOffLine(**fields)


def draft(**overrides: Any) -> CallOff:
    fields: dict[str, Any] = {
        "reference": "SOC 2026/0100",
        "agreement_reference": "KS 2024/0815",
        "unit": stockholm_units()["Socialförvaltningen"],
        "ordered_on": D(2026, 2, 2),
        "delivery": DateRange.from_iso("2026-03-02", "2026-05-29"),
        "lines": (line(),),
        "programs": (stockholm_catalogue().program("SVS"),),
        "method": CallOffMethod.RANKING,
    }
    fields.update(overrides)
    return CallOff(**fields)


# -- status -------------------------------------------------------------------------------

ALLOWED = {
    (S.DRAFT, S.ORDERED),
    (S.DRAFT, S.CANCELLED),
    (S.ORDERED, S.IN_DELIVERY),
    (S.ORDERED, S.CANCELLED),
    (S.IN_DELIVERY, S.DELIVERED),
    (S.DELIVERED, S.INVOICED),
    (S.IN_DELIVERY, S.TERMINATED),
    (S.TERMINATED, S.INVOICED),
}


@pytest.mark.parametrize(
    ("member", "swedish", "english"),
    [
        (S.DRAFT, "utkast", "draft"),
        (S.ORDERED, "beställd", "ordered"),
        (S.IN_DELIVERY, "under leverans", "in delivery"),
        (S.DELIVERED, "levererad", "delivered"),
        (S.INVOICED, "fakturerad", "invoiced"),
        (S.CANCELLED, "avbruten", "cancelled"),
    ],
)
def test_every_status_has_a_swedish_and_an_english_label(
    member: CallOffStatus, swedish: str, english: str
) -> None:
    assert (member.label(), member.label("en_GB")) == (swedish, english)


@pytest.mark.parametrize("old", list(CallOffStatus))
@pytest.mark.parametrize("new", list(CallOffStatus))
def test_only_the_documented_transitions_are_allowed(
    old: CallOffStatus, new: CallOffStatus
) -> None:
    assert old.can_become(new) is ((old, new) in ALLOWED)
    assert (new in old.next_statuses()) is ((old, new) in ALLOWED)


def test_a_status_change_converts_a_plain_date() -> None:
    change = StatusChange(from_status=S.DRAFT, to_status=S.ORDERED, on=dt.date(2026, 2, 2))
    assert isinstance(change.on, pendulum.Date)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"from_status": S.DELIVERED, "to_status": S.DRAFT, "on": D(2026, 1, 1)},
            [
                (
                    "to_status",
                    "cannot follow 'delivered'; from 'delivered' a call-off can go to 'invoiced'",
                )
            ],
        ),
        (
            {"from_status": S.INVOICED, "to_status": S.CANCELLED, "on": D(2026, 1, 1)},
            [
                (
                    "to_status",
                    "cannot follow 'invoiced'; from 'invoiced' a call-off can go to nothing "
                    "(it is final)",
                )
            ],
        ),
        (
            {"from_status": "draft", "to_status": S.ORDERED, "on": "2026-01-01"},
            [
                (
                    "from_status",
                    "must be a CallOffStatus ('draft', 'ordered', 'in_delivery', 'delivered', "
                    "'invoiced', 'cancelled', 'terminated')",
                ),
                ("on", "must be a date, e.g. pendulum.date(2026, 11, 27)"),
            ],
        ),
    ],
)
def test_a_status_change_that_breaks_a_rule_is_refused(
    fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(StatusChange, **fields) == expected


# -- lines --------------------------------------------------------------------------------


def test_a_line_converts_an_int_quantity_to_decimal() -> None:
    assert line(quantity=3).quantity == Decimal(3)
    assert isinstance(line(quantity=3).quantity, Decimal)


def test_a_line_amount_is_rounded_half_up_to_ore() -> None:
    assert line(quantity=Decimal("0.5"), unit_price=Money.sek("0.05")).amount() == Money.sek("0.03")
    assert line(quantity=Decimal("2.5")).amount(Money.sek("1496.40")) == Money.sek("3741.00")


def test_a_line_uses_its_own_price_before_the_one_given() -> None:
    own = line(unit_price=Money.sek("100"))
    assert own.amount(Money.sek("999")) == Money.sek("1000.00")


def test_a_line_without_any_price_cannot_be_priced() -> None:
    assert problems(line().amount) == [
        ("unit_price", "is not set; pass the list price to price the line")
    ]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"price_code": ""}, [("price_code", "must not be empty")]),
        ({"quantity": 0}, [("quantity", "must be a Decimal or int greater than 0")]),
        ({"quantity": Decimal("-1")}, [("quantity", "must be a Decimal or int greater than 0")]),
        ({"quantity": 1.5}, [("quantity", "must be a Decimal or int greater than 0")]),
        ({"quantity": True}, [("quantity", "must be a Decimal or int greater than 0")]),
        ({"quantity": Decimal("NaN")}, [("quantity", "must be a Decimal or int greater than 0")]),
        ({"unit_price": Money.sek("-1")}, [("unit_price", "must not be negative")]),
        ({"unit_price": 1450}, [("unit_price", "must be Money, e.g. Money.sek('1450')")]),
        ({"description": None}, [("description", "must be text")]),
    ],
)
def test_a_line_that_breaks_a_rule_is_refused(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(line, **overrides) == expected


# -- call-offs ----------------------------------------------------------------------------


def test_a_valid_draft_call_off() -> None:
    c = draft(lines=[line()], programs=[], history=[])
    assert c.status is S.DRAFT
    assert c.history == ()
    assert c.service_area is None
    assert not c.is_cancelled


def test_a_call_off_knows_its_service_area_from_its_programs() -> None:
    assert draft().service_area is ServiceArea.LEADERSHIP


def test_a_call_off_may_deliver_several_programs_of_one_service_area() -> None:
    catalogue = stockholm_catalogue()
    c = draft(programs=(catalogue.program("SVS"), catalogue.program("FAC")))
    assert c.service_area is ServiceArea.LEADERSHIP


def test_delivery_may_start_on_the_order_day() -> None:
    c = draft(delivery=DateRange.from_iso("2026-02-02", "2026-02-02"))
    assert c.delivery.days == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"reference": ""}, [("reference", "must not be empty")]),
        ({"agreement_reference": 1}, [("agreement_reference", "must be text")]),
        ({"unit": "Socialförvaltningen"}, [("unit", "must be an OrderingUnit")]),
        (
            {"ordered_on": pendulum.datetime(2026, 2, 2)},
            [("ordered_on", "must be a date, e.g. pendulum.date(2026, 11, 27)")],
        ),
        ({"delivery": "2026-03-02/2026-05-29"}, [("delivery", "must be a DateRange")]),
        (
            {"delivery": DateRange.from_iso("2026-02-01", "2026-05-29")},
            [("delivery", "must not start before the call-off is placed (2026-02-02)")],
        ),
        ({"lines": ()}, [("lines", "must hold at least one line")]),
        ({"lines": (line(), "KONS-TIM")}, [("lines[1]", "must be CallOffLine objects")]),
        ({"programs": "SVS"}, [("programs", "must be a list of Program objects")]),
        (
            {
                "programs": (
                    stockholm_catalogue().program("SVS"),
                    stockholm_catalogue().program("AMS"),
                )
            },
            [
                (
                    "programs[1].service_area",
                    "must be 'leadership' like programs[0]; a call-off falls under one service "
                    "area, so split it into one per area",
                )
            ],
        ),
        (
            {"method": CallOffMethod.COMBINED},
            [
                (
                    "method",
                    "must be 'ranking' or 'renewed_competition': the combined method decides "
                    "between them by value",
                )
            ],
        ),
        (
            {"method": "ranking"},
            [
                (
                    "method",
                    "must be a CallOffMethod ('ranking', 'renewed_competition', 'combined')",
                )
            ],
        ),
        (
            {"status": "draft"},
            [
                (
                    "status",
                    "must be a CallOffStatus ('draft', 'ordered', 'in_delivery', 'delivered', "
                    "'invoiced', 'cancelled', 'terminated')",
                )
            ],
        ),
        ({"history": ("ordered",)}, [("history[0]", "must be StatusChange objects")]),
        (
            {"status": S.ORDERED},
            [
                (
                    "status",
                    "must be 'draft', where the history leaves the call-off; change the status "
                    "with transition()",
                )
            ],
        ),
        (
            {
                "status": S.IN_DELIVERY,
                "history": (
                    StatusChange(from_status=S.DRAFT, to_status=S.ORDERED, on=D(2026, 2, 2)),
                    StatusChange(from_status=S.DRAFT, to_status=S.ORDERED, on=D(2026, 2, 3)),
                    StatusChange(from_status=S.ORDERED, to_status=S.IN_DELIVERY, on=D(2026, 2, 1)),
                ),
            },
            [
                (
                    "history[1].from_status",
                    "must be 'ordered', the status the previous change left",
                ),
                ("history[2].on", "must not be before the previous change (2026-02-03)"),
                ("history[2].on", "must not be before the call-off is placed (2026-02-02)"),
            ],
        ),
        (
            {
                "history": (
                    StatusChange(from_status=S.ORDERED, to_status=S.CANCELLED, on=D(2026, 2, 2)),
                ),
                "status": S.CANCELLED,
            },
            [("history[0].from_status", "must be 'draft', the status the previous change left")],
        ),
    ],
)
def test_a_call_off_that_breaks_a_rule_is_refused_with_the_path_and_message(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(draft, **overrides) == expected


def test_transitions_record_the_history_and_return_new_call_offs() -> None:
    c = draft()
    ordered = c.transition(S.ORDERED, D(2026, 2, 2))
    delivered = (
        ordered.transition(S.IN_DELIVERY, D(2026, 3, 2))
        .transition(S.DELIVERED, D(2026, 5, 29))
        .transition(S.INVOICED, dt.date(2026, 6, 15))
    )
    assert c.status is S.DRAFT  # the original is unchanged
    assert delivered.status is S.INVOICED
    assert [(h.from_status, h.to_status, h.on) for h in delivered.history] == [
        (S.DRAFT, S.ORDERED, D(2026, 2, 2)),
        (S.ORDERED, S.IN_DELIVERY, D(2026, 3, 2)),
        (S.IN_DELIVERY, S.DELIVERED, D(2026, 5, 29)),
        (S.DELIVERED, S.INVOICED, D(2026, 6, 15)),
    ]


def test_a_draft_or_an_ordered_call_off_can_be_cancelled() -> None:
    assert draft().transition(S.CANCELLED, D(2026, 1, 5)).is_cancelled
    ordered = draft().transition(S.ORDERED, D(2026, 2, 2))
    assert ordered.transition(S.CANCELLED, D(2026, 2, 3)).is_cancelled


def test_a_forbidden_transition_is_refused_naming_the_allowed_ones() -> None:
    delivering = (
        draft().transition(S.ORDERED, D(2026, 2, 2)).transition(S.IN_DELIVERY, D(2026, 3, 2))
    )
    assert problems(delivering.transition, to=S.CANCELLED, on=D(2026, 3, 3)) == [
        (
            "status",
            "cannot go to 'cancelled'; from 'in_delivery' a call-off can go to 'delivered', "
            "'terminated'",
        )
    ]
    cancelled = draft().transition(S.CANCELLED, D(2026, 1, 5))
    assert problems(cancelled.transition, to=S.ORDERED, on=D(2026, 1, 6)) == [
        (
            "status",
            "cannot go to 'ordered'; from 'cancelled' a call-off can go to nothing (it is final)",
        )
    ]


def test_a_transition_dated_before_the_last_change_is_refused() -> None:
    ordered = draft().transition(S.ORDERED, D(2026, 2, 2))
    assert problems(ordered.transition, to=S.IN_DELIVERY, on=D(2026, 2, 1)) == [
        ("on", "must not be before the last change (2026-02-02)")
    ]


def test_a_transition_to_something_that_is_not_a_status_is_refused() -> None:
    assert problems(draft().transition, to="ordered", on=D(2026, 2, 2)) == [
        (
            "to",
            "must be a CallOffStatus ('draft', 'ordered', 'in_delivery', 'delivered', "
            "'invoiced', 'cancelled', 'terminated')",
        )
    ]


def test_the_total_sums_the_lines_at_the_indexed_list_price_on_the_order_day() -> None:
    c = draft(
        lines=(
            line(quantity=Decimal("10.5")),
            line(price_code="MATERIAL", quantity=20),
            line(price_code="BEHOV", quantity=1, unit_price=Money.sek("8500")),
        )
    )
    agreement = stockholm_agreement()
    assert c.unit_prices(agreement) == (
        Money.sek("1496.40"),
        Money.sek("464.40"),
        Money.sek("8500"),
    )
    assert c.line_amounts(agreement) == (
        Money.sek("15712.20"),
        Money.sek("9288.00"),
        Money.sek("8500.00"),
    )
    assert c.total(agreement) == Money.sek("33500.20")


def test_the_total_refuses_another_agreement() -> None:
    c = draft(agreement_reference="KS 2020/0001")
    assert problems(c.total, agreement=stockholm_agreement()) == [
        ("agreement_reference", "must be the agreement's reference ('KS 2024/0815')")
    ]


def test_the_total_refuses_codes_missing_from_the_price_list() -> None:
    c = draft(lines=(line(), line(price_code="RESA"), line(price_code="HOTELL")))
    assert problems(c.total, agreement=stockholm_agreement()) == [
        (
            "lines[1].price_code",
            "is not in the agreement's price list (codes: KONS-TIM, KONS-HALVDAG, KONS-DAG, "
            "COACH-SAMTAL, MATERIAL, PLATTFORM, BEHOV)",
        ),
        (
            "lines[2].price_code",
            "is not in the agreement's price list (codes: KONS-TIM, KONS-HALVDAG, KONS-DAG, "
            "COACH-SAMTAL, MATERIAL, PLATTFORM, BEHOV)",
        ),
    ]


def test_a_missing_index_month_is_reported_once_for_all_lines() -> None:
    c = draft(ordered_on=D(2029, 2, 1), delivery=DateRange.from_iso("2029-02-01", "2029-03-01"))
    c = attrs.evolve(c, lines=(line(), line(price_code="MATERIAL", quantity=2)))
    assert problems(c.total, agreement=stockholm_agreement()) == [
        (
            "agreement.indexation.values",
            "has no value for 2028-10, which the adjustment on 2029-01-01 needs; add it to "
            "the index series",
        )
    ]


@settings(max_examples=40)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["KONS-TIM", "KONS-DAG", "MATERIAL", "BEHOV"]),
            st.integers(min_value=1, max_value=4000).map(lambda n: Decimal(n) / 4),
            st.one_of(st.none(), st.integers(min_value=0, max_value=10**7)),
        ),
        min_size=1,
        max_size=6,
    ),
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31)),
)
def test_a_total_is_the_sum_of_its_line_amounts(
    specs: list[tuple[str, Decimal, int | None]], day: dt.date
) -> None:
    agreement = stockholm_agreement()
    lines = tuple(
        line(
            price_code=code,
            quantity=quantity,
            unit_price=None if ore is None else Money(amount=Decimal(ore) / 100),
        )
        for code, quantity, ore in specs
    )
    c = draft(lines=lines, ordered_on=day, delivery=DateRange.single(day))
    amounts = c.line_amounts(agreement)
    assert c.total(agreement) == sum(amounts, Money.sek("0"))
    for each, amount, price in zip(lines, amounts, c.unit_prices(agreement), strict=True):
        assert amount == (price * each.quantity).round_to_ore()
        if each.unit_price is None:
            assert price == agreement.price_on(each.price_code, day)


# -- quoting -------------------------------------------------------------------------------


def test_a_quote_prices_facilitation_preparation_and_participants() -> None:
    offer = quote(
        stockholm_agreement(),
        stockholm_catalogue().program("SVS"),
        cohorts=3,
        participants=20,
        on=D(2026, 9, 1),
    )
    assert [(x.price_code, x.quantity, x.unit_price, x.description) for x in offer.lines] == [
        (
            "KONS-TIM",
            Decimal(18),
            Money.sek("1496.40"),
            "SVS-2 Övning i svåra samtal: 3 tim × 2 utbildningsledare × 3 grupper",
        ),
        ("KONS-TIM", Decimal("9.0"), Money.sek("1496.40"), "Förberedelse: 0,5 × 18 tim ledd tid"),
        (
            "MATERIAL",
            Decimal(60),
            Money.sek("464.40"),
            "Kursmaterial per deltagare: 3 grupper × 20 deltagare",
        ),
        (
            "PLATTFORM",
            Decimal(60),
            Money.sek("309.60"),
            "Licens digital lärplattform per deltagare: 3 grupper × 20 deltagare",
        ),
    ]
    # 27 h × 1496.40 + 60 × 464.40 + 60 × 309.60
    assert offer.total == Money.sek("86842.80")
    assert offer.per_participant == Money.sek("1447.38")
    assert (offer.cohorts, offer.participants, offer.on) == (3, 20, D(2026, 9, 1))


def test_a_quote_of_one_cohort_says_grupp_and_counts_every_live_module() -> None:
    offer = quote(
        stockholm_agreement(),
        stockholm_catalogue().program("FOR-LED"),
        1,
        12,
        D(2026, 3, 16),
        preparation=0,
        participant_codes=(),
    )
    assert [x.description for x in offer.lines] == [
        "FOR-1 Förändringens psykologi: 6 tim × 2 utbildningsledare × 1 grupp",
        "FOR-2 Kommunicera förändring: 3 tim × 1 utbildningsledare × 1 grupp",
        "FOR-3 Att leda genom motstånd: 6 tim × 2 utbildningsledare × 1 grupp",
        "FOR-4 Uppföljning och lärande: 2 tim × 1 utbildningsledare × 1 grupp",
    ]
    assert offer.total == Money.sek("1496.40") * 29


def test_a_quote_can_choose_the_per_participant_items_and_the_preparation() -> None:
    offer = quote(
        stockholm_agreement(),
        stockholm_catalogue().program("SVS"),
        1,
        10,
        D(2025, 6, 1),
        preparation=Decimal("1.5"),
        participant_codes=("MATERIAL",),
    )
    assert [(x.price_code, x.quantity) for x in offer.lines] == [
        ("KONS-TIM", Decimal(6)),
        ("KONS-TIM", Decimal("9.0")),
        ("MATERIAL", Decimal(10)),
    ]
    assert offer.total == Money.sek("26250.00")


def test_a_quote_lines_make_a_valid_call_off() -> None:
    offer = quote(stockholm_agreement(), stockholm_catalogue().program("SVS"), 3, 20, D(2026, 2, 2))
    c = draft(lines=offer.lines)
    assert c.total(stockholm_agreement()) == offer.total


def _agreement_with(*items: PriceItem) -> Any:
    return attrs.evolve(stockholm_agreement(), price_list=PriceList(items=items))


HOURLY = PriceItem(code="TIM", description="Timpris", unit=PriceUnit.HOUR, price=Money.sek("1000"))


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"cohorts": 0}, [("cohorts", "must be at least 1")]),
        (
            {"participants": 21},
            [("participants", "must be within the program's cohort size, 8 to 20")],
        ),
        (
            {"participants": 7},
            [("participants", "must be within the program's cohort size, 8 to 20")],
        ),
        ({"participants": "20"}, [("participants", "must be a whole number (int)")]),
        (
            {"on": pendulum.datetime(2026, 9, 1)},
            [
                (
                    "on",
                    "must be a date, not a datetime; take the day in a zone first, "
                    "e.g. moment.in_tz('Europe/Stockholm').date()",
                )
            ],
        ),
        (
            {"preparation": Decimal("-0.5")},
            [("preparation", "must be a Decimal or int of at least 0")],
        ),
        ({"preparation": 0.5}, [("preparation", "must be a Decimal or int of at least 0")]),
        (
            {"hour_code": "NOPE"},
            [
                (
                    "hour_code",
                    "is not in the price list (codes: KONS-TIM, KONS-HALVDAG, KONS-DAG, "
                    "COACH-SAMTAL, MATERIAL, PLATTFORM, BEHOV)",
                )
            ],
        ),
        ({"hour_code": "KONS-DAG"}, [("hour_code", "must be an hourly price (unit 'hour')")]),
        (
            {"participant_codes": ("KONS-TIM", "NOPE")},
            [
                ("participant_codes[0]", "must be a per-participant price"),
                (
                    "participant_codes[1]",
                    "is not in the price list (codes: KONS-TIM, KONS-HALVDAG, KONS-DAG, "
                    "COACH-SAMTAL, MATERIAL, PLATTFORM, BEHOV)",
                ),
            ],
        ),
        (
            {"participant_codes": ["MATERIAL"]},
            [("participant_codes", "must be a tuple of price codes")],
        ),
        ({"agreement": None}, [("agreement", "must be a FrameworkAgreement")]),
        ({"program": "SVS"}, [("program", "must be a Program")]),
    ],
)
def test_a_quote_with_a_bad_argument_is_refused(
    arguments: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    fields: dict[str, Any] = {
        "agreement": stockholm_agreement(),
        "program": stockholm_catalogue().program("SVS"),
        "cohorts": 3,
        "participants": 20,
        "on": D(2026, 9, 1),
    }
    fields.update(arguments)
    assert problems(quote, **fields) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            (HOURLY, attrs.evolve(HOURLY, code="TIM2")),
            "must name the hourly price to use; the price list has 2 hourly items (TIM, TIM2)",
        ),
        (
            (attrs.evolve(HOURLY, unit=PriceUnit.DAY),),
            "must name the hourly price to use; the price list has 0 hourly items (none)",
        ),
    ],
)
def test_a_quote_needs_exactly_one_hourly_price_or_a_chosen_one(
    items: tuple[PriceItem, ...], expected: str
) -> None:
    agreement = _agreement_with(*items)
    program_ = stockholm_catalogue().program("SVS")
    assert problems(
        quote, agreement=agreement, program=program_, cohorts=1, participants=10, on=D(2026, 1, 1)
    ) == [("hour_code", expected)]
    if len(items) == 2:
        chosen = quote(agreement, program_, 1, 10, D(2026, 1, 1), hour_code="TIM2")
        assert {x.price_code for x in chosen.lines} == {"TIM2"}


def test_a_self_paced_program_without_participant_items_cannot_be_quoted() -> None:
    self_paced = program(modules=(module(format=DeliveryFormat.SELF_PACED),), cohort_size=(1, 100))
    assert problems(
        quote,
        agreement=_agreement_with(HOURLY),
        program=self_paced,
        cohorts=1,
        participants=50,
        on=D(2026, 1, 1),
    ) == [
        (
            "program",
            "has nothing to price: every module is self-paced and no per-participant item "
            "applies; quote the lines by hand",
        )
    ]


def test_the_example_call_offs_are_built_from_quotes() -> None:
    first = stockholm_ledger().call_offs[0]
    agreement = stockholm_agreement()
    offer = quote(agreement, first.programs[0], 2, 18, first.ordered_on)
    assert first.lines == offer.lines
    assert first.total(agreement) == offer.total == Money.sek("209700.00")
