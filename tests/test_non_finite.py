"""NaN and infinity are refused wherever a number is read, each at its path (issue 21)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from ledarutveckling import AgreementLedger, Money
from ledarutveckling.errors import ValidationError
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.serialization import from_json, from_toml, to_json, to_toml

MESSAGE = "must be a finite number; a document holds no NaN or infinity"


def _problems(read: object, text: str) -> list[tuple[str, object, str]]:
    with pytest.raises(ValidationError) as error:
        read(AgreementLedger, text)  # type: ignore[operator]
    return [(p.path, repr(p.value), p.message) for p in error.value.problems]


@pytest.mark.parametrize(
    ("written", "shown"),
    [("NaN", "nan"), ("Infinity", "inf"), ("-Infinity", "-inf"), ("1e400", "inf")],
)
def test_json_nan_and_infinity_are_refused_at_their_path(written: str, shown: str) -> None:
    text = to_json(stockholm_ledger())
    amount = re.search(r'"quantity": "[^"]+"', text)
    assert amount is not None
    bad = text.replace(amount.group(), f'"quantity": {written}', 1)
    assert _problems(from_json, bad) == [("call_offs[0].lines[0].quantity", shown, MESSAGE)]


@pytest.mark.parametrize(("written", "shown"), [("nan", "nan"), ("inf", "inf"), ("-inf", "-inf")])
def test_toml_nan_and_infinity_are_refused_at_their_path(written: str, shown: str) -> None:
    text = to_toml(stockholm_ledger())
    amount = re.search(r'amount = "[^"]+"', text)
    assert amount is not None
    bad = text.replace(amount.group(), f"amount = {written}", 1)
    assert _problems(from_toml, bad) == [("agreement.estimated_value.amount", shown, MESSAGE)]


def test_every_non_finite_number_of_a_document_is_listed() -> None:
    with pytest.raises(ValidationError) as error:
        from_json(Money, '{"amount": NaN, "currency": Infinity}')
    assert [p.path for p in error.value.problems] == ["amount", "currency"]


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("-Infinity")])
def test_a_non_finite_amount_built_in_python_is_refused(value: Decimal) -> None:
    with pytest.raises(ValidationError) as error:
        Money(amount=value, currency="SEK")
    assert [p.path for p in error.value.problems] == ["amount"]
