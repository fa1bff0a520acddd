"""Return on investment (Phillips' level 5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._evaluation.comparison import _tidy
from ledarutveckling._evaluation.statistics import _CONTEXT
from ledarutveckling.formatting import format_number, format_percent

__all__ = ["ReturnOnInvestment"]


_WORDS: Final[Words[str]] = Words({"ratio": ("nytta/kostnad", "benefit-cost ratio")})


@attrs.frozen(kw_only=True)
class ReturnOnInvestment:
    r"""Phillips' fifth level: what a program returned for what it cost (avkastning).

    The benefit-cost ratio is benefits / costs, and ROI % = (benefits - costs) / costs * 100,
    where costs are fully loaded (the program's price, participants' time, travel, rooms).
    Source: J. J. Phillips, *Return on Investment in Training and Performance Improvement
    Programs*, 2nd ed., Butterworth-Heinemann 2003.

    Attributes:
        benefits: The monetary benefits attributed to the program.
        costs: The fully loaded costs, more than zero, in the same currency.

    Raises:
        ValidationError: If either is not Money, the currencies differ, or costs are not
            positive.

    Examples:
        >>> roi = ReturnOnInvestment(benefits=Money.sek("750000"), costs=Money.sek("300000"))
        >>> roi.benefit_cost_ratio, roi.roi_percent
        (Decimal('2.5'), Decimal('150'))
        >>> roi.format()
        'nytta/kostnad 2,50, ROI 150\xa0%'
    """

    benefits: Money
    costs: Money

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        ok = checks.instance("benefits", self.benefits, Money, "Money, e.g. Money.sek('750000')")
        ok &= checks.instance("costs", self.costs, Money, "Money, e.g. Money.sek('300000')")
        if ok:
            if self.costs.currency != self.benefits.currency:
                checks.add(
                    "costs.currency",
                    self.costs.currency,
                    f"must be {self.benefits.currency}, the currency of the benefits",
                    ProblemCode.CURRENCY_MISMATCH,
                    currency=self.benefits.currency,
                )
            elif self.costs.amount <= 0:
                checks.add(
                    "costs",
                    str(self.costs.amount),
                    "must be more than zero",
                    ProblemCode.NOT_POSITIVE,
                )
        checks.done()

    @property
    def benefit_cost_ratio(self) -> Decimal:
        """Benefits divided by costs (BCR), exact to 28 digits."""
        return _tidy(_CONTEXT.divide(self.benefits.amount, self.costs.amount))

    @property
    def roi_percent(self) -> Decimal:
        """(Benefits - costs) / costs * 100, exact to 28 digits."""
        net = _CONTEXT.subtract(self.benefits.amount, self.costs.amount)
        return _tidy(_CONTEXT.divide(_CONTEXT.multiply(net, Decimal(100)), self.costs.amount))

    def format(self, locale: str = DEFAULT_LOCALE) -> str:
        r"""``nytta/kostnad 2,50, ROI 150 %`` (ratio to 2 decimals, ROI to whole percent)."""
        ratio = format_number(self.benefit_cost_ratio, decimals=2, locale=locale)
        roi = format_percent(self.roi_percent / 100, decimals=0, locale=locale)
        word = _WORDS.text("ratio", locale)
        return f"{word} {ratio}, ROI {roi}"
