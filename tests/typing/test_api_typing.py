"""The public API as a downstream project uses it, checked by mypy --strict.

mypy runs over this file in `.ci/run` (it is under `tests/`). Lines marked
`# type: ignore[code]` MUST be rejected by the type checker: with `warn_unused_ignores` on,
an ignore that is no longer needed fails the mypy run, so the API cannot silently loosen.
pytest also runs the file, so every accepted line really works at run time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pendulum
import pytest

import ledarutveckling as lu
from ledarutveckling.formatting import format_date_range, format_money, format_percent


def test_money_api_types() -> None:
    price: lu.Money = lu.Money.sek("12500.50")
    total: lu.Money = sum([price, price], lu.Money.zero())
    doubled: lu.Money = price * 2
    vat: lu.Money = total.vat(Decimal("0.25"))
    text: str = format_money(doubled + vat)
    assert text
    with pytest.raises(lu.ValidationError):
        lu.Money.sek(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        price * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        price + 1  # type: ignore[operator]


def test_date_range_api_types() -> None:
    period = lu.DateRange(start=dt.date(2026, 11, 27), end=pendulum.date(2026, 12, 3))
    first: pendulum.Date = period.start
    weeks: list[tuple[int, int]] = list(period.iso_weeks())
    both: lu.DateRange | None = period.intersection(period)
    assert first == pendulum.date(2026, 11, 27)
    assert weeks
    assert both is not None
    assert format_date_range(period)
    with pytest.raises(lu.ValidationError):
        lu.DateRange(start="2026-11-27", end="2026-12-03")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 2))  # type: ignore[call-arg]


def test_errors_api_types() -> None:
    error = lu.ValidationError([lu.Problem(path="a", value=1, message="m")])
    problems: tuple[lu.Problem, ...] = error.problems
    assert isinstance(error, ValueError)
    assert problems[0].path == "a"
    assert format_percent(Decimal("0.5"), decimals=0) == "50\xa0%"
    with pytest.raises(lu.ValidationError):
        format_percent(Decimal("0.5"), decimals="0")  # type: ignore[arg-type]


def test_not_found_api_types() -> None:
    from ledarutveckling.examples import stockholm_catalogue

    with pytest.raises(lu.NotFoundError) as info:
        stockholm_catalogue().program("NOPE")
    as_validation: lu.ValidationError = info.value
    as_key_error: KeyError = info.value
    assert as_validation.problems[0].path == "code"
    assert isinstance(as_key_error, LookupError)
