"""Checks of the dates and amounts every procurement object carries (private)."""

from __future__ import annotations

import datetime as dt

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import Money

__all__ = ["check_date", "check_money"]


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
        checks.add(path, value, "must not be negative", ProblemCode.NEGATIVE)
        return False
    return True
