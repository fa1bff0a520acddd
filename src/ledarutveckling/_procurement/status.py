"""A call-off's status (CallOffStatus), its changes (StatusChange) and which may follow which."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._procurement.checks import as_quantities, check_date, is_quantity

__all__ = ["DELIVERY_STARTED", "CallOffStatus", "StatusChange"]


class CallOffStatus(Labelled, enum.Enum):
    """Where a call-off is in its life (status).

    Draft → ordered → in delivery → delivered → invoiced; a draft or an ordered call-off can
    be cancelled; a call-off in delivery can be terminated (hävd, avslutad i förtid), with what
    was delivered so far, and is then invoiced for that part. :meth:`CallOff.transition`
    enforces this.

    Examples:
        >>> CallOffStatus.IN_DELIVERY.label()
        'under leverans'
        >>> [s.value for s in CallOffStatus.ORDERED.next_statuses()]
        ['in_delivery', 'cancelled']
        >>> [s.value for s in CallOffStatus.IN_DELIVERY.next_statuses()]
        ['delivered', 'terminated']
    """

    DRAFT = "draft"
    """Utkast: being prepared, not yet placed."""
    ORDERED = "ordered"
    """Beställd: placed with the supplier."""
    IN_DELIVERY = "in_delivery"
    """Under leverans: the first session has been held."""
    DELIVERED = "delivered"
    """Levererad: every session has been held."""
    INVOICED = "invoiced"
    """Fakturerad: the supplier has invoiced it (e-faktura, Peppol)."""
    CANCELLED = "cancelled"
    """Avbruten: withdrawn before delivery started."""
    TERMINATED = "terminated"
    """Hävd (avslutad i förtid): ended during delivery; what was delivered is settled."""

    def _labels(self) -> Words[CallOffStatus]:
        return _STATUS_LABELS

    def next_statuses(self) -> tuple[CallOffStatus, ...]:
        """The statuses this one may change to."""
        return _NEXT[self]

    def can_become(self, other: CallOffStatus) -> bool:
        """Whether this status may change to *other*."""
        return other in _NEXT[self]


_STATUS_LABELS: Final[Words[CallOffStatus]] = Words(
    {
        CallOffStatus.DRAFT: ("utkast", "draft"),
        CallOffStatus.ORDERED: ("beställd", "ordered"),
        CallOffStatus.IN_DELIVERY: ("under leverans", "in delivery"),
        CallOffStatus.DELIVERED: ("levererad", "delivered"),
        CallOffStatus.INVOICED: ("fakturerad", "invoiced"),
        CallOffStatus.CANCELLED: ("avbruten", "cancelled"),
        CallOffStatus.TERMINATED: ("hävd", "terminated"),
    },
    keys=CallOffStatus,
)


_NEXT: Final[dict[CallOffStatus, tuple[CallOffStatus, ...]]] = {
    CallOffStatus.DRAFT: (CallOffStatus.ORDERED, CallOffStatus.CANCELLED),
    CallOffStatus.ORDERED: (CallOffStatus.IN_DELIVERY, CallOffStatus.CANCELLED),
    CallOffStatus.IN_DELIVERY: (CallOffStatus.DELIVERED, CallOffStatus.TERMINATED),
    CallOffStatus.DELIVERED: (CallOffStatus.INVOICED,),
    CallOffStatus.INVOICED: (),
    CallOffStatus.CANCELLED: (),
    CallOffStatus.TERMINATED: (CallOffStatus.INVOICED,),
}


DELIVERY_STARTED: Final = frozenset(
    {CallOffStatus.IN_DELIVERY, CallOffStatus.DELIVERED, CallOffStatus.TERMINATED}
)
"""Statuses whose change must not come before the delivery period starts."""


def _forbidden(old: CallOffStatus, new: CallOffStatus) -> str:
    allowed = ", ".join(repr(s.value) for s in old.next_statuses()) or "nothing (it is final)"
    return f"cannot follow {old.value!r}; from {old.value!r} a call-off can go to {allowed}"


@attrs.frozen(kw_only=True)
class StatusChange:
    """One change in a call-off's status, as kept in :attr:`CallOff.history`.

    Attributes:
        from_status: The status before.
        to_status: The status after; must be allowed to follow *from_status*.
        on: The day of the change.
        delivered: With a termination (``to_status`` terminated), the quantity delivered of
            each of the call-off's lines, in their order (ints become Decimals); empty for
            every other change. The call-off checks the count and that none exceeds its line.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> StatusChange(from_status=CallOffStatus.DRAFT, to_status=CallOffStatus.ORDERED,
        ...              on=pendulum.date(2026, 2, 2)).to_status.label()
        'beställd'
    """

    from_status: CallOffStatus
    to_status: CallOffStatus
    on: pendulum.Date = attrs.field(converter=as_date)
    # Added in version 1 of the documents: left out of them while empty, so that a status
    # change written before terminations existed reads and writes the same (OMIT_IF_DEFAULT).
    delivered: tuple[Decimal, ...] = attrs.field(
        default=(), converter=as_quantities, metadata={"ledarutveckling.omit_if_default": True}
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        old = checks.member("from_status", self.from_status, CallOffStatus)
        new = checks.member("to_status", self.to_status, CallOffStatus)
        if old and new and not self.from_status.can_become(self.to_status):
            checks.add(
                "to_status",
                self.to_status.value,
                _forbidden(self.from_status, self.to_status),
                Code.STATUS_FORBIDDEN,
                old=self.from_status,
                new=self.to_status,
            )
        check_date(checks, "on", self.on)
        if not isinstance(self.delivered, tuple):
            checks.add("delivered", self.delivered, "must be a list of quantities", Code.NOT_A_LIST)
        else:
            for index, quantity in enumerate(self.delivered):
                if not is_quantity(quantity, zero_ok=True):
                    checks.add(
                        f"delivered[{index}]",
                        quantity,
                        "must be a Decimal or int of at least 0",
                        Code.MUST_BE,
                        expected=Expected.QUANTITY,
                    )
            terminated = new and self.to_status is CallOffStatus.TERMINATED
            if terminated and not self.delivered:
                checks.add(
                    "delivered",
                    self.delivered,
                    "must state the quantity delivered of each line when a call-off is "
                    "terminated (hävd), so that the delivered part can be settled",
                    Code.DELIVERED_MISSING,
                )
            elif new and not terminated and self.delivered:
                checks.add(
                    "delivered",
                    self.delivered,
                    "must be empty unless terminated",
                    Code.DELIVERED_NOT_TERMINATED,
                )
        checks.done()
