"""Small attrs classes shaped like the agreement, ledger and call-off types to come.

They exercise every kind of field the serialization must handle: nested classes in tuples,
Money, optional dates, mappings with optional values and date keys, frozensets of enums,
datetimes, times, durations, and rules raised inside constructors (own and cross-object).
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs
import pendulum

from ledarutveckling import DateRange, DeliveryFormat, Money
from ledarutveckling._base.checks import Checker, as_tuple


class Unit(enum.Enum):
    """What a line's price is per."""

    HOUR = "hour"
    DAY = "day"
    PARTICIPANT = "participant"


@attrs.frozen(kw_only=True)
class Line:
    """A call-off line: a quantity of something at a price."""

    program: str
    unit: Unit
    quantity: int
    price: Money
    delivered_on: pendulum.Date | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("program", self.program)
        checks.integer("quantity", self.quantity, minimum=1)
        checks.done()

    @property
    def total(self) -> Money:
        """Quantity times price."""
        return self.price * self.quantity


@attrs.frozen(kw_only=True)
class Order:
    """A call-off: lines delivered within a period, placed at a moment."""

    reference: str
    placed_at: pendulum.DateTime
    period: DateRange
    lines: tuple[Line, ...] = attrs.field(converter=as_tuple)
    cancelled_on: pendulum.Date | None
    rates: dict[str, int | None] = attrs.field(factory=dict)
    index: dict[pendulum.Date, Decimal] = attrs.field(factory=dict)
    monthly: dict[str, Decimal] = attrs.field(factory=dict)
    formats: frozenset[DeliveryFormat] = frozenset()
    urgent: bool = False
    starts_at: pendulum.Time | None = None
    length: pendulum.Duration | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("reference", self.reference)
        for index, line in enumerate(self.lines):
            if line.delivered_on is not None and line.delivered_on not in self.period:
                checks.add(
                    f"lines[{index}].delivered_on",
                    line.delivered_on.isoformat(),
                    f"must fall within the period {self.period}",
                )
        checks.done()

    @property
    def total(self) -> Money:
        """The sum of the lines."""
        return sum((line.total for line in self.lines), Money.zero())


@attrs.frozen(kw_only=True)
class Ledger:
    """An agreement with a ceiling and its orders; the orders must stay under the ceiling."""

    name: str
    ceiling: Money
    orders: tuple[Order, ...] = attrs.field(default=(), converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        total = Money.zero(self.ceiling.currency)
        for index, order in enumerate(self.orders):
            total += order.total
            if total > self.ceiling:
                checks.add(
                    f"orders[{index}]",
                    order.reference,
                    f"takes the total to {total.amount} {total.currency}, past the ceiling of "
                    f"{self.ceiling.amount} {self.ceiling.currency}",
                )
                break
        checks.done()
