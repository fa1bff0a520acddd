"""Tests for prices, indexation, extension options and the framework agreement."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    CallOffMethod,
    DateRange,
    ExtensionOption,
    FrameworkAgreement,
    IndexAdjustment,
    Indexation,
    Money,
    NotFoundError,
    Organisation,
    PriceItem,
    PriceList,
    PriceUnit,
    ServiceArea,
    ValidationError,
)
from ledarutveckling.examples import example_supplier, stockholm_agreement, stockholms_stad
from ledarutveckling.testing import agreements
from tests.helpers import problems

D = pendulum.date


def item(**overrides: Any) -> PriceItem:
    fields: dict[str, Any] = {
        "code": "KONS-TIM",
        "description": "Utbildningsledare, timpris",
        "unit": PriceUnit.HOUR,
        "price": Money.sek("1450"),
    }
    fields.update(overrides)
    return PriceItem(**fields)


def indexation(**overrides: Any) -> Indexation:
    fields: dict[str, Any] = {
        "index": "AKI",
        "base_month": (2024, 10),
        "adjust_on": D(2026, 1, 1),
        "values": {
            (2024, 10): Decimal("100"),
            (2025, 10): Decimal("103"),
            (2026, 10): Decimal("106.09"),
        },
    }
    fields.update(overrides)
    return Indexation(**fields)


def agreement(**overrides: Any) -> FrameworkAgreement:
    return attrs.evolve(stockholm_agreement(), **overrides)


# -- labels -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "swedish", "english"),
    [
        (PriceUnit.HOUR, "per timme", "per hour"),
        (PriceUnit.HALF_DAY, "per halvdag", "per half day"),
        (PriceUnit.DAY, "per dag", "per day"),
        (PriceUnit.PARTICIPANT, "per deltagare", "per participant"),
        (PriceUnit.SESSION, "per tillfälle", "per session"),
        (PriceUnit.FIXED, "fast pris", "fixed price"),
        (CallOffMethod.RANKING, "rangordning", "ranking"),
        (CallOffMethod.RENEWED_COMPETITION, "förnyad konkurrensutsättning", "renewed competition"),
        (CallOffMethod.COMBINED, "kombinerad avropsordning", "combined"),
    ],
)
def test_every_member_has_a_swedish_and_an_english_label(
    member: PriceUnit | CallOffMethod, swedish: str, english: str
) -> None:
    assert (member.label(), member.label("en_GB")) == (swedish, english)


# -- price items and lists ------------------------------------------------------------------


def test_a_price_item_may_be_free() -> None:
    assert item(price=Money.sek("0")).price.amount == 0


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"code": ""}, [("code", "must not be empty")]),
        ({"description": None}, [("description", "must be text")]),
        (
            {"unit": "hour"},
            [
                (
                    "unit",
                    "must be a PriceUnit ('hour', 'half_day', 'day', 'participant', "
                    "'session', 'fixed')",
                )
            ],
        ),
        ({"price": Decimal("1450")}, [("price", "must be Money, e.g. Money.sek('1450')")]),
        ({"price": Money.sek("-1")}, [("price", "must not be negative")]),
    ],
)
def test_a_price_item_that_breaks_a_rule_is_refused(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(item, **overrides) == expected


def test_a_price_list_answers_about_its_items() -> None:
    prices = PriceList(items=[item(), item(code="MAT", unit=PriceUnit.PARTICIPANT)])
    assert prices.codes == ("KONS-TIM", "MAT")
    assert len(prices) == 2
    assert [i.code for i in prices] == ["KONS-TIM", "MAT"]
    assert prices.item("MAT").unit is PriceUnit.PARTICIPANT
    assert prices.by_unit(PriceUnit.HOUR) == (item(),)
    assert prices.by_unit(PriceUnit.DAY) == ()
    assert prices.currency == "SEK"


def test_an_unknown_price_code_is_refused_with_the_codes() -> None:
    prices = PriceList(items=(item(),))
    assert problems(prices.item, code="DAG") == [
        ("code", "is not in the price list (codes: KONS-TIM)")
    ]
    with pytest.raises(NotFoundError):
        prices.item("DAG")
    with pytest.raises(KeyError):
        prices.item("DAG")


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ((), [("items", "must hold at least one price item")]),
        ("KONS-TIM", [("items", "must be a list of PriceItem objects")]),
        ((item(), "DAG"), [("items[1]", "must be PriceItem objects")]),
        (
            (item(), item(code="DAG"), item()),
            [("items[2]", "duplicate price code; each must be unique")],
        ),
        (
            (item(), item(code="EUR", price=Money.of("100", "EUR"))),
            [("items[1].price", "must be in SEK like the first item; one list, one currency")],
        ),
    ],
)
def test_a_price_list_that_breaks_a_rule_is_refused(
    items: object, expected: list[tuple[str, str]]
) -> None:
    assert problems(PriceList, items=items) == expected


# -- indexation ---------------------------------------------------------------------------


def test_an_indexation_keeps_its_values_read_only_and_stays_hashable() -> None:
    index = indexation(adjust_on=dt.date(2026, 1, 1))
    assert isinstance(index.adjust_on, pendulum.Date)
    with pytest.raises(TypeError):
        index.values[(2027, 10)] = Decimal(1)  # type: ignore[index]
    assert hash(index) == hash(indexation())
    assert index == indexation()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"index": ""}, [("index", "must not be empty")]),
        (
            {"base_month": "2024-10"},
            [("base_month", "must be a month written (year, month), e.g. (2026, 10)")],
        ),
        ({"base_month": (2024, 13)}, [("base_month", "must have a month from 1 to 12")]),
        (
            {"adjust_on": "2026-01-01"},
            [("adjust_on", "must be a date, e.g. pendulum.date(2026, 11, 27)")],
        ),
        (
            {"threshold": Decimal(1)},
            [("threshold", "must be a Decimal fraction between 0 and 1, e.g. Decimal('0.03')")],
        ),
        (
            {"cap": 0.05},
            [("cap", "must be a Decimal fraction between 0 and 1, e.g. Decimal('0.03')")],
        ),
        (
            {"threshold": Decimal("0.02"), "cap": Decimal("0.01")},
            [("cap", "must not be below the threshold (0.02)")],
        ),
        (
            {"adjust_on": D(2025, 1, 1)},
            [
                (
                    "adjust_on",
                    "must come late enough that the month it compares (2024-10) is after "
                    "the base month (2024-10)",
                )
            ],
        ),
        ({"values": [Decimal(100)]}, [("values", "must be a mapping (year, month) -> Decimal")]),
        (
            {"values": {(2024, 0): Decimal(100)}},
            [('values["2024-00"]', "must have a month from 1 to 12")],
        ),
        (
            {"values": {202410: Decimal(100)}},
            [("values[202410]", "must be a month written (year, month), e.g. (2026, 10)")],
        ),
        (
            {"values": {(2024, 10): Decimal(0)}},
            [('values["2024-10"]', "must be a positive Decimal index value")],
        ),
        (
            {"values": {(2024, 10): 100.0}},
            [('values["2024-10"]', "must be a positive Decimal index value")],
        ),
    ],
)
def test_an_indexation_that_breaks_a_rule_is_refused(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(indexation, **overrides) == expected


def test_a_cap_equal_to_the_threshold_is_valid() -> None:
    assert indexation(threshold=Decimal("0.02"), cap=Decimal("0.02")).cap == Decimal("0.02")


@pytest.mark.parametrize(
    ("effective_on", "compared"),
    [
        (D(2026, 1, 1), (2025, 10)),  # October has not come round by January: last year's
        (D(2026, 10, 1), (2025, 10)),  # the same month is not yet published either
        (D(2026, 11, 1), (2026, 10)),  # a November adjustment compares this October
    ],
)
def test_the_compared_month_is_the_latest_base_calendar_month_before_the_adjustment(
    effective_on: pendulum.Date, compared: tuple[int, int]
) -> None:
    assert indexation().compared_month(effective_on) == compared


def test_no_adjustment_applies_before_the_first_adjustment_day() -> None:
    index = indexation()
    assert index.adjustments(D(2025, 12, 31)) == ()
    assert index.apply(Money.sek("1450"), D(2025, 12, 31)) == Money.sek("1450")


def test_each_adjustment_compares_with_the_last_applied_month() -> None:
    index = indexation()
    assert index.adjustments(D(2027, 1, 1)) == (
        IndexAdjustment(
            effective_on=D(2026, 1, 1),
            reference_month=(2024, 10),
            compared_month=(2025, 10),
            change=Decimal("0.03"),
            applied=Decimal("0.03"),
        ),
        IndexAdjustment(
            effective_on=D(2027, 1, 1),
            reference_month=(2025, 10),
            compared_month=(2026, 10),
            change=Decimal("0.03"),
            applied=Decimal("0.03"),
        ),
    )
    # 1450 × 1.03 = 1493.50; × 1.03 = 1538.305 → 1538.31 (half up, per adjustment)
    assert index.apply(Money.sek("1450"), D(2027, 1, 1)) == Money.sek("1538.31")


def test_rounding_is_half_up_to_ore_at_each_adjustment() -> None:
    index = indexation(
        values={(2024, 10): Decimal(200), (2025, 10): Decimal(201), (2026, 10): Decimal(202)}
    )
    # 10.10 × 1.005 = 10.1505 → 10.15; × (202/201) = 10.2005 → 10.20
    assert index.apply(Money.sek("10.10"), D(2026, 6, 1)) == Money.sek("10.15")
    assert index.apply(Money.sek("10.10"), D(2027, 6, 1)) == Money.sek("10.20")


def test_a_change_below_the_threshold_does_not_apply_and_adds_up_later() -> None:
    index = indexation(
        threshold=Decimal("0.01"),
        values={
            (2024, 10): Decimal("100"),
            (2025, 10): Decimal("100.6"),
            (2026, 10): Decimal("101.2"),
        },
    )
    first, second = index.adjustments(D(2027, 1, 1))
    assert (first.change, first.applied) == (Decimal("0.006"), Decimal(0))
    assert second.reference_month == (2024, 10)  # the reference stays where it was
    assert (second.change, second.applied) == (Decimal("0.012"), Decimal("0.012"))
    assert index.apply(Money.sek("1000"), D(2026, 6, 1)) == Money.sek("1000")
    assert index.apply(Money.sek("1000"), D(2027, 6, 1)) == Money.sek("1012.00")


def test_a_change_exactly_at_the_threshold_applies() -> None:
    index = indexation(threshold=Decimal("0.03"))
    assert index.adjustments(D(2026, 1, 1))[0].applied == Decimal("0.03")


def test_a_cap_limits_rises_and_falls() -> None:
    rise = indexation(cap=Decimal("0.02"))
    assert rise.apply(Money.sek("1000"), D(2026, 1, 1)) == Money.sek("1020.00")
    fall = indexation(
        cap=Decimal("0.02"), values={(2024, 10): Decimal(100), (2025, 10): Decimal(95)}
    )
    assert fall.adjustments(D(2026, 1, 1))[0].applied == Decimal("-0.02")
    assert fall.apply(Money.sek("1000"), D(2026, 1, 1)) == Money.sek("980.00")


def test_a_fall_applies_like_a_rise() -> None:
    index = indexation(values={(2024, 10): Decimal(100), (2025, 10): Decimal("97.5")})
    assert index.apply(Money.sek("1000"), D(2026, 1, 1)) == Money.sek("975.00")


def test_a_missing_index_month_is_refused_with_the_month_and_day() -> None:
    index = indexation(values={(2024, 10): Decimal(100)})
    assert problems(index.apply, price=Money.sek("1"), on=D(2026, 1, 1)) == [
        (
            "values",
            "has no value for 2025-10, which the adjustment on 2026-01-01 needs; add it to "
            "the index series",
        )
    ]


def test_adjustments_refuse_a_datetime() -> None:
    assert problems(indexation().adjustments, until=pendulum.datetime(2026, 1, 1)) == [
        (
            "until",
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
        )
    ]


@settings(max_examples=60)
@given(
    st.lists(st.integers(min_value=900, max_value=1100), min_size=1, max_size=5),
    st.integers(min_value=1, max_value=5_000_000),
    st.sampled_from([None, Decimal("0.01"), Decimal("0.02")]),
    st.sampled_from([None, Decimal("0.02"), Decimal("0.05")]),
)
def test_indexed_prices_are_in_ore_and_move_at_most_the_cap_per_year(
    steps: list[int], ore: int, threshold: Decimal | None, cap: Decimal | None
) -> None:
    if threshold is not None and cap is not None and cap < threshold:
        cap = threshold
    values = {(2024, 10): Decimal(1000)}
    for year, value in enumerate(steps, start=2025):
        values[(year, 10)] = Decimal(value)
    index = indexation(values=values, threshold=threshold, cap=cap)
    price = Money(amount=Decimal(ore) / 100, currency="SEK")
    previous = price
    for year in range(2026, 2026 + len(steps)):
        current = index.apply(price, D(year, 6, 1))
        assert current.amount == current.amount.quantize(Decimal("0.01"))
        if cap is not None:
            assert abs(current.amount - previous.amount) <= previous.amount * cap + Decimal("0.005")
        previous = current


# -- extension options ------------------------------------------------------------------------


def test_an_option_converts_a_plain_date() -> None:
    option = ExtensionOption(months=12, notice_days=90, exercised_on=dt.date(2026, 9, 15))
    assert option.exercised_on == D(2026, 9, 15)
    assert isinstance(option.exercised_on, pendulum.Date)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"months": 0, "notice_days": 90}, [("months", "must be at least 1")]),
        ({"months": 12, "notice_days": -1}, [("notice_days", "must be at least 0")]),
        (
            {"months": 12, "notice_days": 90, "exercised_on": "2026-09-15"},
            [("exercised_on", "must be a date, e.g. pendulum.date(2026, 11, 27)")],
        ),
    ],
)
def test_an_option_that_breaks_a_rule_is_refused(
    fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(ExtensionOption, **fields) == expected


# -- the agreement ------------------------------------------------------------------------------


def test_the_example_agreement_is_valid_and_answers_about_its_term() -> None:
    a = stockholm_agreement()
    assert a.exercised == 1
    assert a.end_date == D(2027, 12, 31)
    assert a.latest_end_date == D(2028, 12, 31)
    assert a.period_in_force == DateRange.from_iso("2025-01-01", "2027-12-31")
    assert a.next_option() == ExtensionOption(months=12, notice_days=90)
    assert a.notice_deadline == D(2027, 10, 2)
    assert a.currency == "SEK"


@pytest.mark.parametrize(
    ("day", "in_force"),
    [
        (D(2024, 12, 31), False),  # the day before the term
        (D(2025, 1, 1), True),  # the first day
        (D(2026, 12, 31), True),  # the end of the initial term
        (D(2027, 12, 31), True),  # the last day of the exercised option
        (D(2028, 1, 1), False),  # inside the second option, not exercised
    ],
)
def test_is_in_force_covers_the_term_and_the_exercised_options(
    day: pendulum.Date, in_force: bool
) -> None:
    assert stockholm_agreement().is_in_force(day) is in_force


def test_exercising_the_next_option_before_the_deadline_extends_the_term() -> None:
    extended = stockholm_agreement().exercise_next_option(D(2027, 10, 2))
    assert extended.end_date == D(2028, 12, 31)
    assert extended.options[1].exercised_on == D(2027, 10, 2)
    assert extended.next_option() is None
    assert extended.notice_deadline is None


def test_exercising_an_option_after_the_deadline_says_by_how_many_days() -> None:
    a = stockholm_agreement()
    assert problems(a.exercise_next_option, on=D(2027, 12, 21)) == [
        (
            "options[1].exercised_on",
            "is 80 days after the notice deadline 2027-10-02 (90 days before the term ends on "
            "2027-12-31); an extension exercised late is a deviation from the agreement, as a "
            "Swedish kammarrätt has found",
        )
    ]


def test_no_option_left_to_exercise_is_refused() -> None:
    extended = stockholm_agreement().exercise_next_option(D(2027, 9, 1))
    assert problems(extended.exercise_next_option, on=D(2028, 9, 1)) == [
        ("options", "has no option left to exercise")
    ]


def test_an_agreement_without_options_ends_with_its_term() -> None:
    a = agreement(options=())
    assert a.end_date == a.latest_end_date == D(2026, 12, 31)
    assert a.next_option() is None


def test_an_option_extends_from_the_day_after_the_end() -> None:
    a = agreement(
        term=DateRange.from_iso("2025-03-01", "2027-02-28"),
        options=(ExtensionOption(months=12, notice_days=0, exercised_on=D(2027, 2, 28)),),
    )
    assert a.end_date == D(2028, 2, 29)  # a whole year from 1 March 2027, leap day included


@pytest.mark.parametrize(
    ("term_end", "months", "expected"),
    [
        # The option runs from the day after the term; when the last month has no day with
        # that number, the period ends on that month's last day.
        ("2026-01-30", 1, "2026-02-28"),  # from 31 January: February has no 31st
        ("2024-02-28", 12, "2025-02-28"),  # from leap day 29 February 2024
        ("2026-03-30", 1, "2026-04-30"),  # from 31 March: April has no 31st
        ("2026-12-31", 12, "2027-12-31"),  # whole calendar year, unchanged
        ("2027-01-31", 1, "2027-02-28"),  # from 1 February: the whole of February
    ],
)
def test_an_option_of_whole_months_leaves_no_day_uncovered_at_a_month_end(
    term_end: str, months: int, expected: str
) -> None:
    end = pendulum.Date.fromisoformat(term_end)
    a = agreement(
        term=DateRange(start=end.subtract(years=1), end=end),
        options=(ExtensionOption(months=months, notice_days=0, exercised_on=end),),
    )
    assert a.end_date == pendulum.Date.fromisoformat(expected)


def test_the_option_periods_follow_each_other_from_the_term_end() -> None:
    a = agreement(
        term=DateRange.from_iso("2025-01-29", "2026-01-30"),
        options=(
            ExtensionOption(months=1, notice_days=0),
            ExtensionOption(months=1, notice_days=0),
            ExtensionOption(months=12, notice_days=0),
        ),
    )
    assert a.option_periods == (
        DateRange.from_iso("2026-01-31", "2026-02-28"),
        DateRange.from_iso("2026-03-01", "2026-03-31"),
        DateRange.from_iso("2026-04-01", "2027-03-31"),
    )
    # The term ends where the periods say, so the report's option table and the notice
    # deadline agree (two months at once from 31 January would end on 30 March).
    assert a.latest_end_date == D(2027, 3, 31)
    exercised = a.exercise_next_option(D(2026, 1, 30)).exercise_next_option(D(2026, 2, 28))
    assert exercised.end_date == D(2026, 3, 31)
    assert exercised.notice_deadline == D(2026, 3, 31)


def test_an_agreement_without_options_has_no_option_periods() -> None:
    assert agreement(options=()).option_periods == ()


def test_an_option_period_needs_a_date_for_the_end() -> None:
    with pytest.raises(ValidationError) as caught:
        ExtensionOption(months=1, notice_days=0).period_after("2026-01-31")  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["end"]


@given(agreements())
@settings(max_examples=50)
def test_the_option_periods_run_from_the_term_end_to_the_latest_end(a: FrameworkAgreement) -> None:
    ends = [a.term.end, *(period.end for period in a.option_periods)]
    assert [p.start for p in a.option_periods] == [end.add(days=1) for end in ends[:-1]]
    assert ends[-1] == a.latest_end_date


def test_the_price_on_a_day_applies_the_indexation() -> None:
    a = stockholm_agreement()
    assert a.price_on("KONS-TIM", D(2025, 12, 31)) == Money.sek("1450")
    assert a.price_on("KONS-TIM", D(2026, 1, 1)) == Money.sek("1496.40")
    assert a.price_on("KONS-TIM", D(2027, 1, 1)) == Money.sek("1538.45")


def test_an_agreement_without_indexation_keeps_its_prices() -> None:
    assert agreement(indexation=None).price_on("KONS-TIM", D(2030, 1, 1)) == Money.sek("1450")


def test_price_on_refuses_an_unknown_code_and_a_missing_index_month() -> None:
    a = stockholm_agreement()
    assert problems(a.price_on, code="NOPE", on=D(2026, 1, 1)) == [
        (
            "code",
            "is not in the price list (codes: KONS-TIM, KONS-HALVDAG, KONS-DAG, COACH-SAMTAL, "
            "MATERIAL, PLATTFORM, BEHOV)",
        )
    ]
    assert problems(a.price_on, code="KONS-TIM", on=D(2029, 1, 1)) == [
        (
            "indexation.values",
            "has no value for 2028-10, which the adjustment on 2029-01-01 needs; add it to "
            "the index series",
        )
    ]


def _combined_without_rank() -> dict[str, Any]:
    return {"call_off_method": CallOffMethod.RANKING, "value_limit": None, "supplier_rank": None}


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"reference": ""}, [("reference", "must not be empty")]),
        ({"title": " Ramavtal"}, [("title", "must not start or end with whitespace")]),
        ({"buyer": "Stockholms stad"}, [("buyer", "must be an Organisation")]),
        ({"supplier": stockholms_stad()}, [("supplier", "must not be the buyer")]),
        ({"term": ("2025-01-01", "2026-12-31")}, [("term", "must be a DateRange")]),
        ({"options": (12,)}, [("options[0]", "must be ExtensionOption objects")]),
        ({"estimated_value": Money.sek("0")}, [("estimated_value", "must be greater than zero")]),
        (
            {"ceiling": None},
            [
                (
                    "ceiling",
                    "must be stated: a framework agreement must state its maximum value and "
                    "ceases to have effect when it is reached (EU Court of Justice C-23/20, "
                    "Simonsen & Weel)",
                )
            ],
        ),
        (
            {"ceiling": Money.sek("7999999.99")},
            [
                (
                    "ceiling",
                    "must be at least the estimated value (8000000 SEK); the maximum cannot be "
                    "below the estimate (EU Court of Justice C-23/20, Simonsen & Weel)",
                )
            ],
        ),
        (
            {"ceiling": Money.of("10000000", "EUR")},
            [("ceiling", "must be in SEK like estimated_value")],
        ),
        (
            {"price_list": PriceList(items=(item(price=Money.of("150", "EUR")),))},
            [("price_list", "must be in SEK like estimated_value")],
        ),
        ({"service_areas": ()}, [("service_areas", "must name at least one service area")]),
        (
            {"service_areas": (ServiceArea.LEADERSHIP, ServiceArea.LEADERSHIP)},
            [("service_areas[1]", "duplicate service area; each must be unique")],
        ),
        (
            {"service_areas": ("leadership",)},
            [("service_areas[0]", "must be ServiceArea values")],
        ),
        ({"price_list": (item(),)}, [("price_list", "must be a PriceList")]),
        ({"indexation": "AKI"}, [("indexation", "must be an Indexation or None")]),
        (
            {"call_off_method": "ranking"},
            [
                (
                    "call_off_method",
                    "must be a CallOffMethod ('ranking', 'renewed_competition', 'combined')",
                )
            ],
        ),
        (
            {"value_limit": None},
            [
                (
                    "value_limit",
                    "must be stated with the combined method: the call-off value at or above "
                    "which renewed competition replaces ranking",
                )
            ],
        ),
        (
            {"call_off_method": CallOffMethod.RANKING},
            [("value_limit", "must be None unless the method is combined")],
        ),
        ({"value_limit": Money.sek("0")}, [("value_limit", "must be greater than zero")]),
        (
            {"value_limit": Money.of("100000", "EUR")},
            [("value_limit", "must be in SEK like estimated_value")],
        ),
        (
            _combined_without_rank(),
            [
                (
                    "supplier_rank",
                    "must be stated when call-offs go by ranking: the supplier's place (1 = first)",
                )
            ],
        ),
        ({"supplier_rank": 0}, [("supplier_rank", "must be at least 1")]),
        ({"term_justification": ""}, [("term_justification", "must not be empty")]),
    ],
)
def test_an_agreement_that_breaks_a_rule_is_refused_with_the_path_and_message(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(agreement, **overrides) == expected


def test_renewed_competition_needs_no_rank_or_limit() -> None:
    a = agreement(
        call_off_method=CallOffMethod.RENEWED_COMPETITION, value_limit=None, supplier_rank=None
    )
    assert a.supplier_rank is None


def test_a_ceiling_equal_to_the_estimate_is_valid() -> None:
    assert agreement(ceiling=Money.sek("8000000")).ceiling == Money.sek("8000000")


def test_a_term_of_exactly_four_years_with_options_needs_no_justification() -> None:
    a = stockholm_agreement()
    assert a.latest_end_date == a.term.start.add(years=4).subtract(days=1)
    assert a.term_justification is None


def test_a_term_past_four_years_without_justification_is_refused_citing_lou() -> None:
    longer = (*stockholm_agreement().options, ExtensionOption(months=6, notice_days=90))
    assert problems(agreement, options=longer) == [
        (
            "term_justification",
            "must be stated: the term with every option ends 2029-06-30, 181 days past four "
            "years (2028-12-31); a longer term needs special reasons (särskilda skäl), "
            "LOU (2016:1145) 7 kap. 2 §",
        )
    ]


def test_a_term_past_four_years_with_a_recorded_justification_is_valid() -> None:
    longer = (*stockholm_agreement().options, ExtensionOption(months=6, notice_days=90))
    a = agreement(
        options=longer,
        term_justification="Kontorsflytten pågår till 2029; byte av leverantör mitt i den "
        "skulle kräva orimliga investeringar i ny utbildning.",
    )
    assert a.latest_end_date == D(2029, 6, 30)


def test_options_must_be_exercised_in_order() -> None:
    options = (
        ExtensionOption(months=12, notice_days=90),
        ExtensionOption(months=12, notice_days=90, exercised_on=D(2026, 9, 1)),
    )
    assert problems(agreement, options=options) == [
        (
            "options[1].exercised_on",
            "must not be set while options[0] is not exercised; options are exercised in order",
        )
    ]


def test_an_option_cannot_be_exercised_before_the_previous_one_was() -> None:
    # The example's first option was exercised on 2026-09-15.
    assert problems(stockholm_agreement().exercise_next_option, on=D(2026, 9, 14)) == [
        (
            "options[1].exercised_on",
            "must not be before options[0] was exercised (2026-09-15); options are exercised "
            "in order",
        )
    ]
    assert stockholm_agreement().exercise_next_option(D(2026, 9, 15)).exercised == 2


def test_an_option_exercised_after_its_deadline_is_refused_citing_the_kammarratt() -> None:
    # The case in DOMAIN.md: signed ten days before expiry where three months' notice applied.
    options = (ExtensionOption(months=12, notice_days=90, exercised_on=D(2026, 12, 21)),)
    assert problems(agreement, options=options) == [
        (
            "options[0].exercised_on",
            "is 80 days after the notice deadline 2026-10-02 (90 days before the term ends on "
            "2026-12-31); an extension exercised late is a deviation from the agreement, as a "
            "Swedish kammarrätt has found",
        )
    ]


def test_an_option_exercised_on_its_deadline_is_valid() -> None:
    options = (ExtensionOption(months=12, notice_days=90, exercised_on=D(2026, 10, 2)),)
    assert agreement(options=options).end_date == D(2027, 12, 31)


def test_an_option_exercised_before_the_term_starts_is_refused() -> None:
    options = (ExtensionOption(months=12, notice_days=90, exercised_on=D(2024, 12, 1)),)
    assert problems(agreement, options=options) == [
        ("options[0].exercised_on", "must not be before the term starts (2025-01-01)")
    ]


def test_an_agreement_reports_every_problem_at_once() -> None:
    assert problems(agreement, reference="", ceiling=None, supplier_rank=0) == [
        ("reference", "must not be empty"),
        (
            "ceiling",
            "must be stated: a framework agreement must state its maximum value and ceases to "
            "have effect when it is reached (EU Court of Justice C-23/20, Simonsen & Weel)",
        ),
        ("supplier_rank", "must be at least 1"),
    ]


def test_wrong_types_do_not_escape_as_other_errors() -> None:
    with pytest.raises(ValidationError):
        FrameworkAgreement(
            reference=1,  # type: ignore[arg-type]
            title=None,  # type: ignore[arg-type]
            buyer=None,  # type: ignore[arg-type]
            supplier=None,  # type: ignore[arg-type]
            term=None,  # type: ignore[arg-type]
            options="x",
            estimated_value=1,  # type: ignore[arg-type]
            ceiling=2,  # type: ignore[arg-type]
            service_areas=None,
            price_list=None,  # type: ignore[arg-type]
            call_off_method=None,  # type: ignore[arg-type]
        )


@settings(max_examples=60)
@given(
    st.integers(min_value=1, max_value=48),
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=24), st.integers(min_value=0, max_value=180)),
        max_size=3,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_exercising_options_in_time_always_gives_a_valid_agreement_ending_later(
    term_months: int, specs: list[tuple[int, int]], to_exercise: int
) -> None:
    start = D(2025, 1, 1)
    term = DateRange(start=start, end=start.add(months=term_months).subtract(days=1))
    a = FrameworkAgreement(
        reference="KS 2024/0001",
        title="Ramavtal",
        buyer=stockholms_stad(),
        supplier=example_supplier(),
        term=term,
        options=tuple(ExtensionOption(months=m, notice_days=n) for m, n in specs),
        estimated_value=Money.sek("1000000"),
        ceiling=Money.sek("1000000"),
        service_areas=(ServiceArea.LEADERSHIP,),
        price_list=PriceList(items=(item(),)),
        call_off_method=CallOffMethod.RENEWED_COMPETITION,
        term_justification="Särskilda skäl.",
    )
    previous = term.start
    for _ in range(min(to_exercise, len(specs))):
        deadline = a.notice_deadline
        assert deadline is not None
        before = a.end_date
        # On its deadline, but never before the term starts or the previous option was used.
        day = max(deadline, previous)
        previous = day
        if day > deadline:
            with pytest.raises(ValidationError):
                a.exercise_next_option(day)
            return
        a = a.exercise_next_option(day)
        assert a.end_date > before
    assert a.end_date <= a.latest_end_date


def test_organisations_in_an_agreement_compare_by_value() -> None:
    assert stockholm_agreement().buyer == Organisation(
        name="Stockholms stad", org_number="2120000142"
    )


def test_an_agreement_survives_pickling_with_its_index_series() -> None:
    a = stockholm_agreement()
    copy = pickle.loads(pickle.dumps(a))
    assert copy == a
    assert copy.indexation is not None
    assert dict(copy.indexation.values) == dict(a.indexation.values)  # type: ignore[union-attr]
    assert len(copy.indexation.values) == 4
    assert repr(copy.indexation.values).startswith("{(2024, 10): Decimal('100.0')")
