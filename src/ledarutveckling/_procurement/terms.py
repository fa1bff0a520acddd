"""The delivery terms of a framework agreement: late cancellation, minimum size, no-shows (private).

The terms are the agreement's (leveransvillkor, avbokningsvillkor):
:attr:`FrameworkAgreement.delivery_terms <ledarutveckling.FrameworkAgreement.delivery_terms>`
states them, and they are applied when the invoice basis of a call-off is worked out
(:func:`~ledarutveckling.invoice_basis`). The procurement model does not know the scheduling
calendar; the working days are counted by any calendar with ``count_working_days``
(:class:`CountsWorkingDays`), such as :class:`~ledarutveckling.WorkingCalendar`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Protocol

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.messages import Expected, ProblemCode

__all__ = ["CountsWorkingDays", "DeliveryTerms"]


class CountsWorkingDays(Protocol):
    """A calendar that counts the working days of a period, both ends included."""

    def count_working_days(self, period: DateRange) -> int:
        """How many working days *period* holds."""


def _share(checks: Checker, path: str, value: object) -> bool:
    """A Decimal share from 0 to 1 (0 % to 100 % of the price)."""
    if isinstance(value, Decimal) and value.is_finite() and Decimal(0) <= value <= Decimal(1):
        return True
    checks.add(
        path,
        value,
        "must be a Decimal from 0 to 1, e.g. Decimal('0.5') for 50 %",
        ProblemCode.MUST_BE,
        expected=Expected.SHARE,
    )
    return False


@attrs.frozen(kw_only=True)
class DeliveryTerms:
    """What the agreement says about cancellations, small groups and no-shows (villkor).

    Each term is optional; a term left out is not applied (nothing is charged for it).

    * **Late cancellation** (sen avbokning): a participant cancelled with fewer than
      *late_cancellation_days* working days left before the session is charged
      *late_cancellation_share* of the price per participant. The working days counted are
      those after the day of the cancellation and before the day of the session
      (:meth:`is_late`).
    * **Minimum participants** (lägsta antal deltagare): with fewer registered, the supplier
      may cancel the session; a session cancelled by the supplier is not invoiced.
    * **No-shows** (uteblivande): a registered participant who neither came nor cancelled is
      charged *no_show_share* of the price per participant (``Decimal(1)``: as attended).

    Attributes:
        late_cancellation_days: Working days of notice needed to cancel free of charge, at
            least 1; ``None`` without a late-cancellation term.
        late_cancellation_share: The share of the price per participant charged for a late
            cancellation, 0 to 1; needed with, and only with, *late_cancellation_days*.
        minimum_participants: The fewest registered participants for which the supplier must
            hold a session, at least 1; ``None`` without such a term.
        no_show_share: The share of the price per participant charged for a no-show, 0 to 1;
            ``None``: no-shows are not charged.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> terms = DeliveryTerms(late_cancellation_days=10,
        ...                       late_cancellation_share=Decimal("0.5"),
        ...                       minimum_participants=8, no_show_share=Decimal(1))
        >>> from ledarutveckling import WorkingCalendar
        >>> calendar = WorkingCalendar.sweden()
        >>> terms.is_late(pendulum.date(2027, 2, 23), pendulum.date(2027, 3, 9), calendar)
        True
        >>> terms.is_late(pendulum.date(2027, 2, 22), pendulum.date(2027, 3, 9), calendar)
        False
    """

    late_cancellation_days: int | None = None
    late_cancellation_share: Decimal | None = None
    minimum_participants: int | None = None
    no_show_share: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        days, share = self.late_cancellation_days, self.late_cancellation_share
        if days is not None:
            checks.integer("late_cancellation_days", days, minimum=1)
        if share is not None:
            _share(checks, "late_cancellation_share", share)
        if (days is None) != (share is None):
            missing = "late_cancellation_share" if share is None else "late_cancellation_days"
            checks.add(
                missing,
                None,
                "must be stated together with "
                f"{'late_cancellation_days' if share is None else 'late_cancellation_share'}: "
                "a late-cancellation term says both how late and how much",
                ProblemCode.LATE_CANCELLATION_HALF,
                other=missing,
            )
        if self.minimum_participants is not None:
            checks.integer("minimum_participants", self.minimum_participants, minimum=1)
        if self.no_show_share is not None:
            _share(checks, "no_show_share", self.no_show_share)
        checks.done()

    def notice_days(
        self, cancelled_on: dt.date, session_day: dt.date, calendar: CountsWorkingDays
    ) -> int:
        """The working days after *cancelled_on* and before *session_day* (0 if none).

        Examples:
            >>> from ledarutveckling import WorkingCalendar
            >>> DeliveryTerms().notice_days(pendulum.date(2027, 3, 5), pendulum.date(2027, 3, 9),
            ...                             WorkingCalendar.sweden())
            1
        """
        cancelled = to_date(cancelled_on, "cancelled_on")
        day = to_date(session_day, "session_day")
        first: pendulum.Date = cancelled.add(days=1)
        last: pendulum.Date = day.subtract(days=1)
        if last < first:
            return 0
        return calendar.count_working_days(DateRange(start=first, end=last))

    def is_late(
        self, cancelled_on: dt.date, session_day: dt.date, calendar: CountsWorkingDays
    ) -> bool:
        """Whether a cancellation on *cancelled_on* is late for a session on *session_day*.

        Late means fewer than :attr:`late_cancellation_days` working days between the two
        (:meth:`notice_days`); without a late-cancellation term nothing is late.
        """
        if self.late_cancellation_days is None:
            return False
        return self.notice_days(cancelled_on, session_day, calendar) < self.late_cancellation_days

    def may_cancel(self, registered: int) -> bool:
        """Whether the supplier may cancel a session with *registered* participants.

        Examples:
            >>> DeliveryTerms(minimum_participants=8).may_cancel(7), DeliveryTerms().may_cancel(0)
            (True, False)
        """
        return self.minimum_participants is not None and registered < self.minimum_participants
