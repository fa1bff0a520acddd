"""Yearly price adjustment by an index (indexuppräkning) of a framework agreement (private)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_read_only, as_tuple
from ledarutveckling._base.dates import to_date
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import PRECISE, Money
from ledarutveckling._procurement.checks import check_date
from ledarutveckling.errors import Problem, ValidationError, join_path, key_path

__all__ = ["IndexAdjustment", "Indexation", "Month"]


Month = tuple[int, int]
"""A calendar month as ``(year, month)``, e.g. ``(2026, 10)`` for October 2026."""


def _month_text(month: Month) -> str:
    return f"{month[0]:04}-{month[1]:02}"


def _month_key(key: object) -> object:
    """A month key as a document writes it (``"2026-10"``), so that paths match; else as is."""
    if (
        isinstance(key, tuple)
        and len(key) == 2
        and all(type(part) is int and part >= 0 for part in key)
    ):
        return _month_text(cast("Month", key))
    return key


def _check_month(checks: Checker, path: str, value: object) -> bool:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        checks.add(
            path,
            value,
            "must be a month written (year, month), e.g. (2026, 10)",
            ProblemCode.MUST_BE,
            expected=Expected.MONTH,
        )
        return False
    if not 1 <= value[1] <= 12:
        checks.add(
            path,
            value,
            "must have a month from 1 to 12",
            ProblemCode.OUT_OF_RANGE,
            given=value[1],
            least=1,
            most=12,
        )
        return False
    return True


def _fraction(checks: Checker, path: str, value: object) -> bool:
    if isinstance(value, Decimal) and value.is_finite() and Decimal(0) < value < Decimal(1):
        return True
    checks.add(
        path,
        value,
        "must be a Decimal fraction between 0 and 1, e.g. Decimal('0.03')",
        ProblemCode.MUST_BE,
        expected=Expected.SHARE,
    )
    return False


@attrs.frozen(kw_only=True)
class IndexAdjustment:
    """One yearly price adjustment as :meth:`Indexation.adjustments` works it out.

    Attributes:
        effective_on: The day the adjustment takes effect.
        reference_month: The index month prices were last adjusted to (at first, the base
            month).
        compared_month: The month whose index value is compared with the reference month's.
        change: The index's change, ``compared / reference - 1``, as a fraction.
        applied: The fraction prices change by: 0 when ``|change|`` is below the threshold,
            the change limited to ``±cap`` otherwise.
    """

    effective_on: pendulum.Date
    reference_month: Month
    compared_month: Month
    change: Decimal
    applied: Decimal


@attrs.frozen(kw_only=True)
class Indexation:
    r"""The yearly price adjustment by an index (indexuppräkning, prisjustering).

    The caller supplies the index series (e.g. SCB's labour cost index AKI, or KPI) as a
    mapping from ``(year, month)`` to the published value; the library never fetches it.

    How prices are adjusted, exactly:

    1. Adjustments take effect on *adjust_on* and on the same day of the same month every
       year after it.
    2. Each adjustment compares the index value of the *compared month* with that of the
       *reference month*. The compared month is the base month's calendar month in the
       adjustment year — or in the year before, when that month has not yet come round by
       the month the adjustment takes effect (a January adjustment with October as base month
       compares last October). The reference month is the base month at first, and then the
       compared month of the last adjustment that applied.
    3. ``change = compared / reference - 1``. If a *threshold* is set and ``|change|`` is
       below it, nothing applies and the reference month stays, so small changes add up
       until together they reach the threshold. Otherwise the change applies, limited to
       ``±cap`` if a cap is set, and the compared month becomes the reference month.
    4. Rises and falls apply alike. Each applied adjustment multiplies the price by
       ``1 + applied`` and rounds it half up to öre before the next one.

    Attributes:
        index: The index's name, e.g. ``"AKI, tjänstemän, privat sektor (SCB)"``.
        base_month: The month whose index value the prices in the price list correspond to.
        adjust_on: The day the first adjustment takes effect.
        threshold: The smallest change (as a fraction, e.g. ``Decimal("0.01")`` for 1 %)
            that leads to an adjustment, or ``None`` for every change.
        cap: The largest change applied in one adjustment (a fraction), or ``None``.
        values: The index series, ``(year, month) -> Decimal``, positive values; kept as a
            read-only mapping and left out of the hash.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from decimal import Decimal
        >>> aki = Indexation(
        ...     index="AKI", base_month=(2024, 10), adjust_on=pendulum.date(2026, 1, 1),
        ...     threshold=Decimal("0.01"), cap=Decimal("0.04"),
        ...     values={(2024, 10): Decimal("100"), (2025, 10): Decimal("103.2"),
        ...             (2026, 10): Decimal("103.8")},
        ... )
        >>> aki.apply(Money.sek("1450"), pendulum.date(2026, 6, 1))
        Money(amount=Decimal('1496.40'), currency='SEK')
        >>> [str(a.applied) for a in aki.adjustments(pendulum.date(2027, 1, 1))]
        ['0.032', '0']
    """

    index: str
    base_month: Month = attrs.field(converter=as_tuple)
    adjust_on: pendulum.Date = attrs.field(converter=as_date)
    threshold: Decimal | None = None
    cap: Decimal | None = None
    values: Mapping[Month, Decimal] = attrs.field(converter=as_read_only, hash=False)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("index", self.index)
        base_ok = _check_month(checks, "base_month", self.base_month)
        date_ok = check_date(checks, "adjust_on", self.adjust_on)
        threshold_ok = self.threshold is None or _fraction(checks, "threshold", self.threshold)
        cap_ok = self.cap is None or _fraction(checks, "cap", self.cap)
        if (
            threshold_ok
            and cap_ok
            and self.threshold is not None
            and self.cap is not None
            and self.cap < self.threshold
        ):
            checks.add(
                "cap",
                self.cap,
                f"must not be below the threshold ({self.threshold})",
                ProblemCode.CAP_BELOW_THRESHOLD,
                cap=self.cap,
                threshold=self.threshold,
            )
        if base_ok and date_ok:
            first = self.compared_month(self.adjust_on)
            if first <= self.base_month:
                checks.add(
                    "adjust_on",
                    self.adjust_on,
                    f"must come late enough that the month it compares ({_month_text(first)}) "
                    f"is after the base month ({_month_text(self.base_month)})",
                    ProblemCode.ADJUSTMENT_TOO_EARLY,
                    day=self.adjust_on,
                    month=_month_text(first),
                    base=_month_text(self.base_month),
                )
        if isinstance(self.values, Mapping):
            for key, value in self.values.items():
                path = join_path("values", key_path(_month_key(key)))
                _check_month(checks, path, key)
                if (
                    isinstance(value, bool)
                    or not isinstance(value, Decimal)
                    or not value.is_finite()
                    or value <= 0
                ):
                    checks.add(
                        path,
                        value,
                        "must be a positive Decimal index value",
                        ProblemCode.MUST_BE,
                        expected=Expected.NUMBER,
                    )
        else:
            checks.add(
                "values",
                self.values,
                "must be a mapping (year, month) -> Decimal",
                ProblemCode.WRONG_TYPE,
            )
        checks.done()

    def compared_month(self, effective_on: dt.date) -> Month:
        """The index month an adjustment taking effect on *effective_on* compares.

        Examples:
            >>> aki = Indexation(index="AKI", base_month=(2024, 10),
            ...                  adjust_on=pendulum.date(2026, 1, 1), values={})
            >>> aki.compared_month(pendulum.date(2026, 1, 1))
            (2025, 10)
        """
        month = self.base_month[1]
        year = effective_on.year if month < effective_on.month else effective_on.year - 1
        return (year, month)

    def _value(self, month: Month, effective_on: pendulum.Date) -> Decimal:
        try:
            return self.values[month]
        except KeyError:
            raise ValidationError(
                [
                    Problem(
                        path="values",
                        value=_month_text(month),
                        message=f"has no value for {_month_text(month)}, which the adjustment "
                        f"on {effective_on.isoformat()} needs; add it to the index series",
                        code=ProblemCode.INDEX_MONTH_MISSING,
                        params={"month": _month_text(month), "day": effective_on},
                    )
                ]
            ) from None

    def adjustments(self, until: dt.date) -> tuple[IndexAdjustment, ...]:
        """Every adjustment that takes effect on or before *until*, in order.

        Raises:
            ValidationError: If *until* is not a date, or the series lacks a month it needs
                (path ``values``).
        """
        last = to_date(until, "until")
        reference = self.base_month
        found = []
        year = 0
        while (effective_on := self.adjust_on.add(years=year)) <= last:
            compared = self.compared_month(effective_on)
            ratio = PRECISE.divide(
                self._value(compared, effective_on), self._value(reference, effective_on)
            )
            change = PRECISE.subtract(ratio, 1)
            if self.threshold is not None and change.copy_abs() < self.threshold:
                applied = Decimal(0)
            else:
                applied = change
                if self.cap is not None:
                    applied = max(self.cap.copy_negate(), min(self.cap, applied))
            found.append(
                IndexAdjustment(
                    effective_on=effective_on,
                    reference_month=reference,
                    compared_month=compared,
                    change=change,
                    applied=applied,
                )
            )
            if applied:
                reference = compared
            year += 1
        return tuple(found)

    def apply(self, price: Money, on: dt.date) -> Money:
        """Return *price* as adjusted by every adjustment due on or before *on*.

        Raises:
            ValidationError: As :meth:`adjustments`.
        """
        for adjustment in self.adjustments(on):
            if adjustment.applied:
                price = (price * PRECISE.add(1, adjustment.applied)).round_to_ore()
        return price
