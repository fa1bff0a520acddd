"""Tests for Money's refusals, added with issue 3 to keep the coverage gate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledarutveckling import CurrencyMismatchError, Money
from tests.helpers import problems


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (
            1.5,
            "must not be a float (it cannot hold öre exactly); pass a string or Decimal such as "
            "'12500.50'",
        ),
        (True, "must be a number, not a bool"),
        ("12 500", "must be a decimal number written with a point, e.g. '12500.50'"),
        (None, "must be a Decimal, an int or a decimal string"),
    ],
)
def test_money_of_refuses_what_is_not_an_exact_number(amount: object, message: str) -> None:
    assert problems(Money.of, amount=amount) == [("amount", message)]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("Infinity"), "must be a finite number"),
        (
            1.5,
            "must be a Decimal; a float cannot hold öre exactly, pass a string or Decimal such as "
            "Money.sek('12500.50')",
        ),
        (
            12,
            "must be a Decimal; use Money.of(...) or Money.sek(...) to build one from an int or "
            "string",
        ),
    ],
)
def test_the_constructor_takes_a_finite_decimal_only(amount: object, message: str) -> None:
    assert problems(Money, amount=amount) == [("amount", message)]


def test_a_currency_code_in_lower_case_gets_a_hint() -> None:
    assert problems(Money, amount=Decimal(1), currency="sek") == [
        (
            "currency",
            "must be an ISO 4217 currency code in upper case, e.g. 'SEK' (did you mean 'SEK'?)",
        )
    ]
    assert problems(Money, amount=Decimal(1), currency="XYZW") == [
        ("currency", "must be an ISO 4217 currency code in upper case, e.g. 'SEK'")
    ]


def test_arithmetic_and_ordering_stay_within_one_currency() -> None:
    a, b = Money.sek("10"), Money.sek("2.5")
    assert a - b == Money.sek("7.5")
    assert -b == Money.sek("-2.5")
    assert abs(-b) == b
    assert 2 * b == Money.sek("5.0")
    assert (b < a, b <= a, a > b, a >= b) == (True, True, True, True)
    assert Money.zero() == Money.sek(0)
    assert a.__add__(1) is NotImplemented  # type: ignore[operator]
    assert a.__sub__(1) is NotImplemented  # type: ignore[operator]
    assert a.__mul__(1.5) is NotImplemented  # type: ignore[operator]
    assert a.__radd__(1) is NotImplemented
    assert a.__lt__(1) is NotImplemented
    with pytest.raises(CurrencyMismatchError, match="cannot compare \\(<\\) SEK and EUR"):
        assert a < Money.of("1", "EUR")
    with pytest.raises(CurrencyMismatchError, match="cannot subtract SEK and EUR"):
        a - Money.of("1", "EUR")


def test_multiplying_by_a_non_finite_number_or_a_bad_vat_rate_is_refused() -> None:
    assert problems(Money.sek("1").__mul__, factor=Decimal("NaN")) == [
        ("factor", "must be a finite number")
    ]
    assert problems(Money.sek("1").vat, rate=Decimal("1.5")) == [
        ("rate", "must be a Decimal between 0 and 1, e.g. Decimal('0.25')")
    ]
