"""Checks of the dates, amounts and quantities every procurement object carries (private)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import Money

__all__ = ["as_decimal", "as_quantities", "check_date", "check_money", "is_quantity"]


def check_date(checks: Checker, path: str, value: object) -> bool:
    """Record a problem unless *value* is a :class:`pendulum.Date` (not a datetime)."""
    if isinstance(value, pendulum.Date) and not isinstance(value, dt.datetime):
        return True
    checks.add(
        path, value, "must be a date, e.g. pendulum.date(2026, 11, 27)", ProblemCode.NOT_DATE
    )
    return False


def check_money(checks: Checker, path: str, value: object, *, positive: bool = False) -> bool:
    """Record a problem unless *value* is Money, not negative (or above zero if *positive*)."""
    if not checks.instance(path, value, Money, "Money, e.g. Money.sek('1450')"):
        return False
    assert isinstance(value, Money)
    if positive and value.amount <= 0:
        checks.add(path, value, "must be greater than zero", ProblemCode.NOT_POSITIVE)
        return False
    if value.amount < 0:
        checks.add(path, value, "must not be negative", ProblemCode.NEGATIVE, given=value)
        return False
    return True


def as_decimal(value: Decimal | int) -> Decimal:
    """Convert an int to a Decimal (converter, lossless); leave the rest to the checks."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value  # type: ignore[return-value]  # a bool or a wrong type, refused by the checks


def as_quantities(value: object) -> object:
    """Attrs converter: a list becomes a tuple and each int a Decimal (lossless)."""
    if isinstance(value, list | tuple):
        return tuple(as_decimal(item) for item in value)
    return value


def is_quantity(value: object, *, zero_ok: bool = False) -> bool:
    """A finite Decimal above zero (or at least zero with *zero_ok*)."""
    return (
        isinstance(value, Decimal) and value.is_finite() and (value >= 0 if zero_ok else value > 0)
    )
