"""Tests for organisations and ordering units."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn

from ledarutveckling import OrderingUnit, OrderingUnitKind, Organisation
from tests.helpers import problems

OTHER_CHARACTERS = (
    "must be written NNNNNN-NNNN or as 10 digits, with nothing else (no spaces, no other "
    "dash), e.g. '212000-0142'"
)
CITY = Organisation(name="Stockholms stad", org_number="212000-0142")


def test_a_valid_organisation_number_is_kept_in_the_dash_form() -> None:
    assert CITY.org_number == "212000-0142"
    assert str(CITY) == "Stockholms stad (212000-0142)"


@pytest.mark.parametrize("written", ["2120000142", "212000-0142"])
def test_an_organisation_number_is_normalised_to_nnnnnn_nnnn(written: str) -> None:
    assert Organisation(name="Stockholms stad", org_number=written).org_number == "212000-0142"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("212000-0143", "has a wrong check digit (the last digit, by the Luhn algorithm)"),
        ("212000-014", "must have 10 digits, written NNNNNN-NNNN"),
        ("21200A-0142", OTHER_CHARACTERS),
        ("212000 0142", OTHER_CHARACTERS),
        (" 212000-0142 ", OTHER_CHARACTERS),
        ("212000-0142\n", OTHER_CHARACTERS),
        ("212000\u20130142", OTHER_CHARACTERS),
        ("212000+0142", OTHER_CHARACTERS),
        ("\u0662\u0661\u0662\u0660\u0660\u0660-\u0660\u0661\u0664\u0662", OTHER_CHARACTERS),
        ("2120-000142", "must have its hyphen after the sixth digit, NNNNNN-NNNN"),
        ("212000--0142", "must have its hyphen after the sixth digit, NNNNNN-NNNN"),
        (
            "811218-9876",
            "is shaped like a personnummer (third digit 0 or 1); an organisation number "
            "of a legal entity has 2 or more as its third digit",
        ),
        (2120000142, "must be text such as '212000-0142'"),
    ],
)
def test_a_bad_organisation_number_is_refused(number: object, message: str) -> None:
    assert problems(Organisation, name="X AB", org_number=number) == [("org_number", message)]


def test_an_organisation_reports_name_and_number_together() -> None:
    assert problems(Organisation, name="", org_number="1") == [
        ("name", "must not be empty"),
        ("org_number", "must have 10 digits, written NNNNNN-NNNN"),
    ]


@settings(max_examples=50)
@given(st.integers(min_value=20_000_000, max_value=999_999_999))
def test_every_ten_digit_number_with_a_good_check_digit_and_third_digit_2_or_more_is_valid(
    body: int,
) -> None:
    digits = f"{body:09d}"
    if int(digits[2]) < 2:
        return
    number = digits + luhn.calc_check_digit(digits)
    org = Organisation(name="Exempel AB", org_number=number)
    assert org.org_number == f"{number[:6]}-{number[6:]}"


@pytest.mark.parametrize(
    ("kind", "swedish", "english"),
    [
        (OrderingUnitKind.ADMINISTRATION, "förvaltning", "administration"),
        (
            OrderingUnitKind.DISTRICT_ADMINISTRATION,
            "stadsdelsförvaltning",
            "district administration",
        ),
        (OrderingUnitKind.COMPANY, "bolag", "municipal company"),
        (OrderingUnitKind.OFFICE, "kontor", "central office"),
    ],
)
def test_every_unit_kind_has_a_swedish_and_an_english_label(
    kind: OrderingUnitKind, swedish: str, english: str
) -> None:
    assert (kind.label(), kind.label("en_US")) == (swedish, english)


def test_a_valid_ordering_unit_names_its_organisation() -> None:
    unit = OrderingUnit(
        name="Socialförvaltningen", kind=OrderingUnitKind.ADMINISTRATION, organisation=CITY
    )
    assert str(unit) == "Socialförvaltningen (Stockholms stad)"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"name": ""}, [("name", "must not be empty")]),
        (
            {"kind": "förvaltning"},
            [
                (
                    "kind",
                    "must be a OrderingUnitKind ('administration', 'district_administration', "
                    "'company', 'office')",
                )
            ],
        ),
        ({"organisation": "Stockholms stad"}, [("organisation", "must be an Organisation")]),
    ],
)
def test_an_ordering_unit_that_breaks_a_rule_is_refused(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    fields: dict[str, Any] = {
        "name": "Stadsarkivet",
        "kind": OrderingUnitKind.ADMINISTRATION,
        "organisation": CITY,
    }
    fields.update(overrides)
    assert problems(OrderingUnit, **fields) == expected
