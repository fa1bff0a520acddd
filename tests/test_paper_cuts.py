"""Paper cuts an analyst hit: notice in months, dividing money, the ledger's questions."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import (
    CurrencyMismatchError,
    ExtensionOption,
    Money,
    NotFoundError,
    ValidationError,
    quote,
)
from ledarutveckling.examples import stockholm_agreement, stockholm_catalogue, stockholm_ledger
from ledarutveckling.records import to_dataframe, to_records
from ledarutveckling.reports import Table, status_report, to_text
from ledarutveckling.serialization import from_json, from_toml, to_json, to_toml

DAY = pendulum.date(2026, 11, 27)

# -- notice in months ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "days", "end", "deadline"),
    [
        (3, 0, pendulum.date(2027, 12, 31), pendulum.date(2027, 9, 30)),
        (3, 0, pendulum.date(2027, 5, 31), pendulum.date(2027, 2, 28)),
        (1, 0, pendulum.date(2028, 3, 31), pendulum.date(2028, 2, 29)),
        (0, 90, pendulum.date(2027, 12, 31), pendulum.date(2027, 10, 2)),
        (3, 10, pendulum.date(2027, 12, 31), pendulum.date(2027, 9, 20)),
        (0, 0, pendulum.date(2027, 12, 31), pendulum.date(2027, 12, 31)),
    ],
)
def test_the_notice_deadline(
    months: int, days: int, end: pendulum.Date, deadline: pendulum.Date
) -> None:
    option = ExtensionOption(months=12, notice_months=months, notice_days=days)
    assert option.deadline_before(end) == deadline


@pytest.mark.parametrize(
    ("months", "days", "text"),
    [(3, 0, "3 months"), (1, 0, "1 month"), (0, 1, "1 day"), (0, 0, "0 days")],
)
def test_the_notice_in_messages(months: int, days: int, text: str) -> None:
    assert ExtensionOption(months=1, notice_months=months, notice_days=days).notice == text


def test_notice_months_must_be_a_whole_number_zero_or_more() -> None:
    with pytest.raises(ValidationError) as raised:
        ExtensionOption(months=12, notice_months=-1)
    assert [p.path for p in raised.value.problems] == ["notice_months"]


def _with_months(**changes: Any) -> Any:
    agreement = stockholm_agreement()
    options = (attrs.evolve(agreement.options[0], notice_days=0, notice_months=3, **changes),)
    return attrs.evolve(agreement, options=options)


def test_three_months_notice_is_not_ninety_days() -> None:
    agreement = _with_months(exercised_on=None)
    assert agreement.end_date == pendulum.date(2026, 12, 31)
    assert agreement.notice_deadline == pendulum.date(2026, 9, 30)
    agreement.exercise_next_option(pendulum.date(2026, 9, 30))
    with pytest.raises(ValidationError) as raised:
        agreement.exercise_next_option(pendulum.date(2026, 10, 1))
    assert raised.value.problems[0].message == (
        "is 1 days after the notice deadline 2026-09-30 (3 months before the term ends on "
        "2026-12-31); an extension exercised late is a deviation from the agreement, as a "
        "Swedish kammarrätt has found"
    )


def test_a_document_leaves_out_notice_months_while_it_is_zero() -> None:
    agreement = stockholm_agreement()
    assert "notice_months" not in to_json(agreement)
    assert "notice_months" not in to_toml(agreement)
    changed = _with_months()
    data = json.loads(to_json(changed))
    assert data["options"][0] == {
        "months": 12,
        "notice_days": 0,
        "notice_months": 3,
        "exercised_on": "2026-09-15",
    }
    assert from_json(type(changed), to_json(changed)) == changed
    assert from_toml(type(changed), to_toml(changed)) == changed


@pytest.mark.parametrize(
    ("locale", "options", "expected"),
    [
        (
            "sv_SE",
            ((1, 0, 1), (6, 1, 0), (1, 0, 0)),
            [
                ("1", "1 månad", "1 dag före avtalsslut", "2026-12-30"),
                ("2", "6 månader", "1 månad före avtalsslut", "2026-12-31"),
                ("3", "1 månad", "på avtalets sista dag", "2027-07-31"),
            ],
        ),
        (
            "en_GB",
            ((1, 0, 1), (1, 0, 0)),
            [
                ("1", "1 month", "1 day before the end", "30/12/2026"),
                ("2", "1 month", "by the last day of the term", "31/01/2027"),
            ],
        ),
    ],
)
def test_the_report_says_one_month_and_no_notice_in_words(
    locale: str, options: tuple[tuple[int, int, int], ...], expected: list[tuple[str, ...]]
) -> None:
    # The report said "1 månader" ("1 months") and "0 dagar före avtalsslut".
    agreement = attrs.evolve(
        stockholm_agreement(),
        options=tuple(
            ExtensionOption(months=months, notice_months=notice_months, notice_days=days)
            for months, notice_months, days in options
        ),
    )
    from ledarutveckling import AgreementLedger

    report = status_report(AgreementLedger(agreement=agreement), on=DAY, locale=locale)
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    table = next(t for t in tables if t.columns[0] == "Option")
    assert [row[:4] for row in table.rows] == expected


@pytest.mark.parametrize(
    ("locale", "months", "days", "expected"),
    [
        ("sv_SE", 3, 0, ("1", "12 månader", "3 månader före avtalsslut", "2026-09-30")),
        ("sv_SE", 1, 10, ("1", "12 månader", "1 månad och 10 dagar före avtalsslut", "2026-11-20")),
        ("en_GB", 3, 0, ("1", "12 months", "3 months before the end", "30/09/2026")),
    ],
)
def test_the_report_shows_a_notice_in_months(
    locale: str, months: int, days: int, expected: tuple[str, ...]
) -> None:
    agreement = attrs.evolve(
        stockholm_agreement(),
        options=(ExtensionOption(months=12, notice_months=months, notice_days=days),),
    )
    from ledarutveckling import AgreementLedger

    report = status_report(AgreementLedger(agreement=agreement), on=DAY, locale=locale)
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    options = next(t for t in tables if t.columns[0] == "Option")
    assert options.rows[0][:4] == expected
    assert expected[2] in to_text(report)


# -- money --------------------------------------------------------------------------------


def test_dividing_money() -> None:
    assert Money.sek("100") / 4 == Money.sek("25")
    assert Money.sek("100") / Decimal("0.5") == Money.sek("200")
    assert Money.sek("25") / Money.sek("100") == Decimal("0.25")
    with pytest.raises(ValidationError, match="divisor: must be a finite number other than 0"):
        Money.sek("1") / 0
    with pytest.raises(ValidationError):
        Money.sek("1") / Decimal("NaN")
    with pytest.raises(CurrencyMismatchError):
        Money.sek("1") / Money.of("1", "EUR")
    with pytest.raises(TypeError):
        Money.sek("1") / 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.sek("1") / True


@pytest.mark.parametrize(
    ("amount", "weights", "parts"),
    [
        ("100", [1, 1, 1], ["33.34", "33.33", "33.33"]),
        ("0.05", [1, 1, 1], ["0.02", "0.02", "0.01"]),
        ("-100", [1, 1, 1], ["-33.34", "-33.33", "-33.33"]),
        ("100", [0, 1], ["0.00", "100.00"]),
        ("10", [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")], ["5.00", "2.50", "2.50"]),
        ("1", [1, 2], ["0.33", "0.67"]),
        ("0", [1, 1], ["0.00", "0.00"]),
    ],
)
def test_allocating_money(amount: str, weights: list[Any], parts: list[str]) -> None:
    assert [p.amount for p in Money.sek(amount).allocate(weights)] == [Decimal(p) for p in parts]


@pytest.mark.parametrize(
    ("weights", "path", "message"),
    [
        ([], "weights", "must be a non-empty list of numbers"),
        ("12", "weights", "must be a non-empty list of numbers"),
        ([1, -1], "weights[1]", "must be a finite number, zero or more"),
        ([1, Decimal("Infinity")], "weights[1]", "must be a finite number, zero or more"),
        ([1, 1.5], "weights[1]", "must be an int or a Decimal"),
        ([True], "weights[0]", "must be an int or a Decimal"),
        ([0, 0], "weights", "must not all be zero"),
    ],
)
def test_allocating_refuses_bad_weights(weights: Any, path: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Money.sek("100").allocate(weights)
    assert [(p.path, p.message) for p in raised.value.problems] == [(path, message)]


def test_allocating_needs_whole_ore() -> None:
    with pytest.raises(ValidationError, match="amount: must be whole öre to be allocated"):
        Money.sek("10.005").allocate([1, 1])


@given(
    ore=st.integers(-(10**12), 10**12),
    weights=st.lists(st.integers(0, 1000), min_size=1, max_size=12).filter(any),
)
def test_allocated_parts_add_up_and_are_fair(ore: int, weights: list[int]) -> None:
    amount = Money.sek(Decimal(ore).scaleb(-2))
    parts = amount.allocate(weights)
    assert sum(parts, Money.zero()) == amount
    total = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        exact = Decimal(ore) * weight / total
        assert abs(part.amount * 100 - exact) < 1
        assert part.amount == part.amount.quantize(Decimal("0.01"))


# -- the ledger ---------------------------------------------------------------------------


def test_running_total_remaining_and_utilisation_count_everything_without_on() -> None:
    ledger = stockholm_ledger()
    everything = pendulum.date(9999, 12, 31)
    assert ledger.running_total() == ledger.running_total(everything)
    assert ledger.remaining() == ledger.remaining(everything)
    assert ledger.utilisation() == ledger.utilisation(everything)
    assert ledger.remaining(DAY) == Money.sek("6962914.60")


def test_replacing_and_updating_a_call_off_by_reference() -> None:
    ledger = stockholm_ledger()
    first = ledger.call_offs[0]
    assert ledger.index_of("TK 2026/1201") == 4
    replaced = ledger.replace(first.reference, attrs.evolve(first, reference="SOC 1"))
    assert [c.reference for c in replaced.call_offs[:2]] == ["SOC 1", "SDF-SK 2025/0412"]
    assert replaced.call_offs[1:] == ledger.call_offs[1:]
    # Placed a day earlier than the example's 1 June: a status change may not come before the
    # order day (issue 18), and the call-off's "ordered" change is dated 1 June.
    updated = ledger.update("TK 2026/1201", ordered_on=pendulum.date(2026, 5, 29))
    assert updated.call_offs[4].ordered_on == pendulum.date(2026, 5, 29)
    with pytest.raises(ValidationError) as late:
        ledger.update("TK 2026/1201", ordered_on=pendulum.date(2026, 6, 2))
    assert [p.path for p in late.value.problems] == ["history[0].on"]
    assert updated.call_offs[:4] == ledger.call_offs[:4]


def test_a_reference_that_names_no_call_off_or_two() -> None:
    ledger = stockholm_ledger()
    with pytest.raises(NotFoundError) as raised:
        ledger.update("NOPE", ordered_on=DAY)
    assert raised.value.problems[0].message.startswith(
        "is not a call-off of the ledger (references: 'SOC 2025/0142', "
    )
    twice = ledger.add(ledger.call_offs[0])
    with pytest.raises(ValidationError) as twice_raised:
        twice.index_of("SOC 2025/0142")
    assert twice_raised.value.problems[0].message == (
        "is the reference of call_offs[0] and call_offs[7]; a reference must name one call-off"
    )
    from ledarutveckling import AgreementLedger

    with pytest.raises(NotFoundError, match=r"\(references: none\)"):
        AgreementLedger(agreement=ledger.agreement).index_of("X")


def test_how_many_more_cohorts_fit() -> None:
    ledger = stockholm_ledger()
    offer = quote(
        ledger.agreement,
        stockholm_catalogue().program("SVS"),
        cohorts=3,
        participants=20,
        on=DAY,
    )
    left = ledger.remaining(DAY)
    fit = ledger.cohorts_that_fit(offer, DAY)
    assert fit == 240
    assert offer.total * fit / offer.cohorts <= left
    assert offer.total * (fit + 1) / offer.cohorts > left
    assert ledger.cohorts_that_fit(Money.sek("1000000"), DAY) == 6
    assert ledger.cohorts_that_fit(ledger.call_offs[0], DAY) == 33
    full = ledger.update("TK 2026/1201", status=ledger.call_offs[4].status)
    assert full.cohorts_that_fit(left + Money.sek("1")) == 0


def test_no_cohort_fits_once_the_ceiling_is_passed() -> None:
    ledger = stockholm_ledger()
    assert ledger.cohorts_that_fit(ledger.remaining(DAY), DAY) == 1
    passed = (
        ledger.add(attrs.evolve(ledger.call_offs[4], reference="TK X"))
        .add(attrs.evolve(ledger.call_offs[4], reference="TK Y"))
        .add(attrs.evolve(ledger.call_offs[4], reference="TK Z"))
    )
    assert passed.remaining(DAY).amount < 0
    assert passed.cohorts_that_fit(Money.sek("1"), DAY) == 0


@pytest.mark.parametrize(
    ("cohort", "path", "message"),
    [
        (Money.sek("0"), "cohort", "must cost something: any number of free cohorts fits"),
        (Money.of("10", "EUR"), "cohort", "must be in the agreement's currency (SEK)"),
        ("SVS", "cohort", "must be a Quote, the CallOff of one cohort, or Money"),
    ],
)
def test_cohorts_that_fit_refuses(cohort: Any, path: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        stockholm_ledger().cohorts_that_fit(cohort)
    assert [(p.path, p.message) for p in raised.value.problems] == [(path, message)]


def test_a_cohort_that_cannot_be_priced_names_its_own_paths() -> None:
    ledger = stockholm_ledger()
    first = ledger.call_offs[0]
    bad = attrs.evolve(
        first, lines=(attrs.evolve(first.lines[0], price_code="NOPE", unit_price=None),)
    )
    with pytest.raises(ValidationError) as raised:
        ledger.cohorts_that_fit(bad)
    assert [p.path for p in raised.value.problems] == ["cohort.lines[0].price_code"]


# -- numeric DataFrames -------------------------------------------------------------------


def test_to_dataframe_gives_float_columns_on_request() -> None:
    ledger = stockholm_ledger()
    exact = to_dataframe(ledger)
    assert exact["amount"].dtype == object
    frame = to_dataframe(ledger, numeric=True)
    assert frame["amount"].dtype == "float64"
    assert frame["reference"].dtype != "float64"
    assert list(frame["amount"]) == [float(r["amount"]) for r in to_records(ledger)]


def test_a_hidden_figure_is_nan_in_a_numeric_frame() -> None:
    from ledarutveckling import Dimension, breakdown
    from ledarutveckling.examples import stockholm_evaluations

    by_unit = breakdown(stockholm_evaluations(), by=Dimension.UNIT)
    frame = to_dataframe(by_unit, numeric=True)
    records = to_records(by_unit)
    assert frame["mean"].dtype == "float64"
    hidden = [i for i, r in enumerate(records) if r["mean"] is None]
    assert hidden
    assert all(math.isnan(frame["mean"][i]) for i in hidden)
    assert frame["hidden"].dtype != "float64"  # text, not figures
