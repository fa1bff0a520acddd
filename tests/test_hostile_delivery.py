"""Hostile delivery documents: every refusal in Swedish, with its place, in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import DeliveryRecord, from_toml

EXAMPLES = Path(__file__).parent.parent / "examples"
DELIVERY = (EXAMPLES / "stockholm-delivery.toml").read_text(encoding="utf-8")


def _swedish(text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        from_toml(DeliveryRecord, text)
    return [format_problem(problem) for problem in caught.value.problems]


def test_a_long_text_is_refused_in_linear_time() -> None:
    # 2 MB of letters in one text: the dotted-key scan once took minutes for this
    text = DELIVERY.replace('room = "Stadshuset, Tre Kronor"', f'room = "{"x" * 2_000_000}"', 1)
    started = time.perf_counter()
    assert _swedish(text) == ["texten har 2\xa0000\xa0000 tecken, fler än gränsen 100\xa0000"]
    assert time.perf_counter() - started < 5


def test_a_long_run_of_digits_in_a_text_is_placed_by_line_and_column() -> None:
    text = DELIVERY.replace('number = "50501055"', f'number = "{"9" * 5000}"', 1)
    assert _swedish(text) == [
        "en följd av fler än 200 siffror (rad 12, kolumn 11); så långa tal läses inte"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "attended = 18",
            "attended = 18\nattended = 17",
            "dokumentet är inte giltig TOML: en nyckel eller tabell anges två gånger (rad 29, "
            "kolumn 14); ta bort den ena",
        ),
        (
            "[seller.account]",
            '[seller.account]\nscheme = "SE:BANKGIRO"\n[seller.account]',
            "dokumentet är inte giltig TOML: en nyckel eller tabell anges två gånger (rad 12, "
            "kolumn 16); ta bort den ena",
        ),
        (
            'room = "Stadshuset, Tre Kronor"',
            'room = "Stadshuset',
            "dokumentet är inte giltig TOML: en text, lista eller tabell avslutas inte (rad 34, "
            "kolumn 19)",
        ),
        (
            "attended = 18",
            "attended 18",  # no = (a colon, as in YAML, is told the same)
            "dokumentet är inte giltig TOML: efter en nyckel ska det stå = och värdet, som i "
            'name = "Anna Lindqvist" (rad 28, kolumn 10)',
        ),
        (
            "attended = 18",
            "attended = arton",
            "dokumentet är inte giltig TOML: värdet saknas eller kan inte läsas (rad 28, kolumn "
            "12); text skrivs inom citattecken",
        ),
    ],
)
def test_a_toml_error_says_what_is_wrong_in_swedish(old: str, new: str, expected: str) -> None:
    assert _swedish(DELIVERY.replace(old, new, 1)) == [expected]


def test_other_toml_errors_keep_the_general_sentence() -> None:
    assert _swedish(DELIVERY.replace("attended = 18", "attended = 18 19", 1)) == [
        "dokumentet är inte giltig TOML (rad 28, kolumn 15)"
    ]


def test_a_large_attendance_is_written_with_grouped_digits_and_capped_by_the_call_off() -> None:
    import re

    import pendulum

    from ledarutveckling import DateRange, invoice_basis
    from ledarutveckling.examples import stockholm_ledger

    first_tokens = re.search(r"tokens = \[[^\]]*\]\n", DELIVERY)
    assert first_tokens is not None
    text = (
        (DELIVERY[: first_tokens.start()] + DELIVERY[first_tokens.end() :])
        .replace("registered = 20", "registered = 1200", 1)
        .replace("attended = 18", "attended = 1198", 1)
    )
    ledger = stockholm_ledger()
    attendances = from_toml(DeliveryRecord, text).attendances(ledger)
    call_off = ledger.call_offs[5]
    november = DateRange(start=pendulum.date(2026, 11, 1), end=pendulum.date(2026, 11, 30))
    basis = invoice_basis(call_off, ledger.agreement, attendances, november)
    material = [line for line in basis.lines if line.price_code == "MATERIAL"]
    assert material[0].description == (
        "Kursmaterial per deltagare, Trainee 2026: 1\xa0198 deltagare"
    )
    assert material[0].quantity == 20  # no more than the call-off's line orders
