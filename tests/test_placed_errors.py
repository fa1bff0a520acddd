"""Every refusal of a document says where: a path, or a line and column (issue 21)."""

from __future__ import annotations

import pytest

from ledarutveckling import AgreementLedger, Money
from ledarutveckling.errors import ValidationError
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.serialization import Limits, from_json, from_toml, to_json


def _problems(call: object) -> list[str]:
    with pytest.raises(ValidationError) as error:
        call()  # type: ignore[operator]
    return [str(problem) for problem in error.value.problems]


def test_a_duplicate_key_deep_inside_is_refused_at_its_path() -> None:
    text = to_json(stockholm_ledger())
    bad = text.replace('"currency": "SEK"', '"currency": "SEK", "currency": "EUR"', 2)
    assert _problems(lambda: from_json(AgreementLedger, bad)) == [
        "agreement.estimated_value.currency: appears twice in its object; each key may appear once",
        "agreement.ceiling.currency: appears twice in its object; each key may appear once",
    ]


def test_a_key_three_times_is_reported_once() -> None:
    assert _problems(lambda: from_json(Money, '{"a": 1, "a": 2, "a": 3}')) == [
        "a: appears twice in its object; each key may appear once"
    ]


def test_nesting_too_deep_for_the_parser_is_placed() -> None:
    text = '{"a": "[[[", "c": [[1]], "b":\n  ' + "[" * 2000 + "]" * 2000 + "}"
    assert _problems(lambda: from_json(Money, text)) == [
        "is nested more than 64 levels deep at line 2, column 66 (Limits.max_depth)"
    ]
    toml = '# [[[[\na = "[[[["\nb = ' + "[" * 2000 + "]" * 2000
    assert _problems(lambda: from_toml(Money, toml)) == [
        "is nested more than 64 levels deep at line 3, column 69 (Limits.max_depth)"
    ]


def test_a_raised_depth_limit_is_capped_where_the_parser_stops() -> None:
    text = "[" * 5000 + "]" * 5000
    assert _problems(lambda: from_json(list[object], text, limits=Limits(max_depth=10_000))) == [
        "is nested more than 500 levels deep at line 1, column 501 (Limits.max_depth)"
    ]


def test_bad_utf8_is_placed() -> None:
    assert _problems(lambda: from_json(Money, b'{\n "a": "\xff"}')) == [
        "is not valid JSON: 'utf-8' codec can't decode byte 0xff in position 9: invalid start "
        "byte (line 2, column 8)"
    ]
    assert _problems(lambda: from_toml(Money, b'a = 1\nb = "\xff"')) == [
        "is not UTF-8 text: 'utf-8' codec can't decode byte 0xff in position 11: invalid start "
        "byte (line 2, column 6)"
    ]


def test_toml_that_ends_too_early_is_placed_at_its_end() -> None:
    assert _problems(lambda: from_toml(Money, "a = 1\nb = [1,")) == [
        "is not valid TOML: Invalid value (at the end of the document, line 2, column 8)"
    ]
