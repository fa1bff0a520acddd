from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import SWEDISH_VAT_RATE, CurrencyMismatchError, Money, ValidationError

amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
currencies = st.sampled_from(["SEK", "EUR", "NOK"])
sek = amounts.map(Money.sek)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


# -- construction ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_amount", "expected"),
    [
        (12500, Decimal("12500")),
        ("12500.50", Decimal("12500.50")),
        (" 12500.50 ", Decimal("12500.50")),
        ("-0.5", Decimal("-0.5")),
        (".5", Decimal("0.5")),
        (Decimal("1E+3"), Decimal("1000")),
    ],
)
def test_sek_accepts_ints_decimal_strings_and_decimals(
    given_amount: int | str | Decimal, expected: Decimal
) -> None:
    money = Money.sek(given_amount)
    assert money.amount == expected
    assert money.currency == "SEK"


def test_decimal_strings_keep_their_exact_digits() -> None:
    assert str(Money.sek("12500.50").amount) == "12500.50"


def test_constructor_takes_a_decimal_and_defaults_to_sek() -> None:
    assert Money(amount=Decimal("1.5")) == Money.sek("1.5")


def test_a_float_is_refused_with_advice() -> None:
    with pytest.raises(ValidationError) as error:
        Money.sek(1.5)  # type: ignore[arg-type]
    assert problems(error) == [
        "amount: must not be a float (it cannot hold öre exactly); "
        "pass a string or Decimal such as '12500.50', got 1.5"
    ]


def test_a_float_is_refused_by_the_constructor_too() -> None:
    with pytest.raises(ValidationError) as error:
        Money(amount=1.5)  # type: ignore[arg-type]
    assert problems(error) == [
        "amount: must be a Decimal; a float cannot hold öre exactly, "
        "pass a string or Decimal such as Money.sek('12500.50'), got 1.5"
    ]


def test_the_constructor_points_to_the_named_constructors_for_ints() -> None:
    with pytest.raises(ValidationError) as error:
        Money(amount=5)  # type: ignore[arg-type]
    assert problems(error) == [
        "amount: must be a Decimal; use Money.of(...) or Money.sek(...) to build one "
        "from an int or string, got 5"
    ]


@pytest.mark.parametrize("text", ["12,50", "1e3", "12 500", "", "abc", "1.2.3", "NaN"])
def test_text_that_is_not_a_plain_decimal_is_refused(text: str) -> None:
    with pytest.raises(ValidationError) as error:
        Money.sek(text)
    assert problems(error) == [
        f"amount: must be a decimal number written with a point, e.g. '12500.50', got {text!r}"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "amount: must be a number, not a bool, got True"),
        (None, "amount: must be a Decimal, an int or a decimal string, got None"),
    ],
)
def test_bools_and_other_types_are_refused(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        Money.sek(value)  # type: ignore[arg-type]
    assert problems(error) == [message]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_amounts_are_refused(value: Decimal) -> None:
    with pytest.raises(ValidationError) as error:
        Money(amount=value)
    assert problems(error) == [f"amount: must be a finite number, got {value!r}"]


def test_lower_case_currency_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValidationError) as error:
        Money.of("1", "sek")
    assert problems(error) == [
        "currency: must be an ISO 4217 currency code in upper case, e.g. 'SEK' "
        "(did you mean 'SEK'?), got 'sek'"
    ]


@pytest.mark.parametrize("code", ["XYZ", "", "KRONOR", 752])
def test_unknown_currency_is_refused(code: object) -> None:
    with pytest.raises(ValidationError) as error:
        Money(amount=Decimal(1), currency=code)  # type: ignore[arg-type]
    assert problems(error) == [
        f"currency: must be an ISO 4217 currency code in upper case, e.g. 'SEK', got {code!r}"
    ]


def test_money_is_immutable() -> None:
    import attrs

    money = Money.sek(1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        money.amount = Decimal(2)  # type: ignore[misc]


# -- arithmetic ------------------------------------------------------------------------


def test_add_subtract_and_negate() -> None:
    assert Money.sek("10.50") + Money.sek("0.25") == Money.sek("10.75")
    assert Money.sek("10.50") - Money.sek("20") == Money.sek("-9.50")
    assert -Money.sek("3") == Money.sek("-3")
    assert abs(Money.sek("-3")) == Money.sek("3")


def test_sum_starts_from_zero() -> None:
    assert sum([Money.sek(1), Money.sek(2), Money.sek("0.5")]) == Money.sek("3.5")


def test_sum_of_nothing_with_a_start_value() -> None:
    assert sum([], Money.zero("EUR")) == Money.of(0, "EUR")


@pytest.mark.parametrize(
    "operation",
    [
        lambda: Money.sek(1) + Money.of(1, "EUR"),
        lambda: Money.sek(1) - Money.of(1, "EUR"),
        lambda: Money.sek(1) < Money.of(1, "EUR"),
        lambda: Money.sek(1) <= Money.of(1, "EUR"),
        lambda: Money.sek(1) > Money.of(1, "EUR"),
        lambda: Money.sek(1) >= Money.of(1, "EUR"),
        lambda: sum([Money.sek(1), Money.of(1, "EUR")]),
    ],
)
def test_mixing_currencies_raises(operation: object) -> None:
    with pytest.raises(CurrencyMismatchError, match="SEK and EUR"):
        operation()  # type: ignore[operator]


def test_different_currencies_are_simply_not_equal() -> None:
    assert Money.sek(1) != Money.of(1, "EUR")


@pytest.mark.parametrize("other", [1, 1.0, "1", Decimal(1), None])
def test_money_does_not_mix_with_plain_numbers(other: object) -> None:
    money = Money.sek(1)
    with pytest.raises(TypeError):
        money + other  # type: ignore[operator]
    with pytest.raises(TypeError):
        money - other  # type: ignore[operator]
    with pytest.raises(TypeError):
        money < other  # type: ignore[operator]  # noqa: B015
    with pytest.raises(TypeError):
        money <= other  # type: ignore[operator]  # noqa: B015
    with pytest.raises(TypeError):
        money > other  # type: ignore[operator]  # noqa: B015
    with pytest.raises(TypeError):
        money >= other  # type: ignore[operator]  # noqa: B015


def test_sum_refuses_a_non_zero_int_start() -> None:
    with pytest.raises(TypeError):
        sum([Money.sek(1)], 5)


def test_multiplication_by_int_and_decimal_from_both_sides() -> None:
    assert Money.sek("18500") * 6 == Money.sek("111000")
    assert 3 * Money.sek("0.5") == Money.sek("1.5")
    assert Money.sek("100") * Decimal("1.035") == Money.sek("103.5")


@pytest.mark.parametrize("factor", [1.5, True, "2", None])
def test_multiplication_by_float_bool_or_text_is_refused(factor: object) -> None:
    with pytest.raises(TypeError):
        Money.sek(1) * factor  # type: ignore[operator]


def test_multiplication_by_a_non_finite_decimal_is_refused() -> None:
    with pytest.raises(ValidationError, match="factor: must be a finite number"):
        Money.sek(1) * Decimal("NaN")


def test_ordering_within_one_currency() -> None:
    cheap, dear = Money.sek("99.99"), Money.sek(100)
    assert cheap < dear
    assert cheap <= dear
    assert dear > cheap
    assert dear >= cheap
    assert sorted([dear, cheap]) == [cheap, dear]
    assert max([cheap, dear]) == dear


def test_equal_amounts_with_different_exponents_are_equal_and_hash_alike() -> None:
    assert Money.sek("12500") == Money.sek("12500.00")
    assert hash(Money.sek("12500")) == hash(Money.sek("12500.00"))
    assert len({Money.sek("1"), Money.sek("1.0"), Money.sek("2")}) == 2


# -- rounding and VAT ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "ore", "krona"),
    [
        ("10.005", "10.01", "10"),  # half up, not banker's (which gives 10.00)
        ("10.015", "10.02", "10"),
        ("0.125", "0.13", "0"),
        ("2.5", "2.50", "3"),  # banker's rounding would give 2
        ("3.5", "3.50", "4"),
        ("-2.5", "-2.50", "-3"),  # half away from zero for negatives
        ("-10.005", "-10.01", "-10"),
        ("12500.49", "12500.49", "12500"),
    ],
)
def test_rounding_is_half_up(amount: str, ore: str, krona: str) -> None:
    money = Money.sek(amount)
    assert money.round_to_ore() == Money.sek(ore)
    assert str(money.round_to_ore().amount) == ore
    assert money.round_to_krona() == Money.sek(krona)


def test_vat_is_25_percent_by_default_rounded_to_ore() -> None:
    assert Decimal("0.25") == SWEDISH_VAT_RATE
    assert Money.sek("12500").vat() == Money.sek("3125.00")
    assert Money.sek("0.02").vat() == Money.sek("0.01")  # 0.005 rounds up
    assert Money.sek("12500.50").with_vat() == Money.sek("15625.63")


def test_reduced_vat_rates() -> None:
    assert Money.sek("100").vat(Decimal("0.12")) == Money.sek("12")
    assert Money.sek("100").with_vat(Decimal("0")) == Money.sek("100")


@pytest.mark.parametrize("rate", [0.25, Decimal("1.01"), Decimal("-0.1"), Decimal("NaN"), True, 25])
def test_vat_rate_must_be_a_decimal_fraction(rate: object) -> None:
    with pytest.raises(ValidationError) as error:
        Money.sek(1).vat(rate)  # type: ignore[arg-type]
    assert problems(error) == [
        f"rate: must be a Decimal between 0 and 1, e.g. Decimal('0.25'), got {rate!r}"
    ]


# -- laws ------------------------------------------------------------------------------


@given(sek, sek, sek)
def test_addition_is_associative_and_commutative(a: Money, b: Money, c: Money) -> None:
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a


@given(sek)
def test_zero_is_neutral_and_negation_inverts(a: Money) -> None:
    assert a + Money.zero() == a
    assert a - a == Money.zero()
    assert a + -a == Money.zero()


@given(sek, sek, st.integers(min_value=-1000, max_value=1000))
def test_multiplication_distributes_over_addition(a: Money, b: Money, k: int) -> None:
    assert (a + b) * k == a * k + b * k


@given(st.lists(sek, max_size=20))
def test_sum_equals_sum_of_amounts(items: list[Money]) -> None:
    assert sum(items, Money.zero()).amount == sum((m.amount for m in items), Decimal(0))


@given(sek, sek)
def test_ordering_agrees_with_amounts(a: Money, b: Money) -> None:
    assert (a < b) == (a.amount < b.amount)
    assert (a <= b) == (a.amount <= b.amount)
    assert (a == b) == (a.amount == b.amount)


@given(amounts.map(Money.sek))
def test_with_vat_is_amount_plus_vat(a: Money) -> None:
    assert a.with_vat() == a + a.vat()
    assert a.vat().amount == a.vat().round_to_ore().amount


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False), currencies)
def test_rounding_is_idempotent_and_close(amount: Decimal, currency: str) -> None:
    money = Money.of(amount, currency)
    assert money.round_to_ore().round_to_ore() == money.round_to_ore()
    assert abs(money.round_to_ore().amount - amount) <= Decimal("0.005")
    assert abs(money.round_to_krona().amount - amount) <= Decimal("0.5")


# -- independence of the caller's decimal context ------------------------------------------


def test_arithmetic_stays_exact_whatever_the_callers_decimal_precision() -> None:
    with localcontext() as context:
        context.prec = 6
        assert Money.sek("1234567.89") + Money.sek("0.01") == Money.sek("1234567.90")
        assert (Money.sek("1234567.89") - Money.sek("0.01")).amount == Decimal("1234567.88")
        assert (Money.sek("12500.50") * 3).amount == Decimal("37501.50")
        assert (-Money.sek("1234567.89")).amount == Decimal("-1234567.89")
        assert abs(Money.sek("-1234567.89")).amount == Decimal("1234567.89")


def test_rounding_and_vat_work_whatever_the_callers_decimal_precision() -> None:
    with localcontext() as context:
        context.prec = 6
        assert Money.sek("1234567.895").round_to_ore() == Money.sek("1234567.90")
        assert Money.sek("1234567.5").round_to_krona() == Money.sek("1234568")
        assert Money.sek("1234567.89").with_vat() == Money.sek("1543209.86")
