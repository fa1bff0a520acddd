"""The agreement-wide view: an agreement and every call-off under it (private)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Hashable
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.dates import to_date
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.money import PRECISE, Money
from ledarutveckling._procurement.agreement import (
    FrameworkAgreement,
)
from ledarutveckling._procurement.calloff import CallOff, price_lines
from ledarutveckling._procurement.ledger_rules import check_call_off, check_ceiling, from_root
from ledarutveckling._procurement.offerings import ServiceArea
from ledarutveckling._procurement.parties import OrderingUnit
from ledarutveckling._procurement.quoting import Quote
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling.errors import NotFoundError, Problem, ValidationError

__all__ = ["AgreementLedger"]


K = TypeVar("K", bound=Hashable)


def _as_cohort(error: ValidationError, index: int) -> ValidationError:
    """*error* in pricing ``call_offs[index]``, with paths from the cohort priced instead."""
    prefix = f"call_offs[{index}]"
    return ValidationError(
        [
            attrs.evolve(p, path="cohort" + p.path[len(prefix) :])
            if p.path.startswith(prefix)
            else p
            for p in error.problems
        ]
    )


@attrs.frozen(kw_only=True)
class AgreementLedger:
    """A framework agreement and its call-offs, with the rules that need both (avropslogg).

    Building a ledger only checks the types; :meth:`problems` returns every cross-object
    problem at once and :meth:`check` raises them. Paths start at the ledger, e.g.
    ``call_offs[3].lines[0].price_code``. The rules, checked for every call-off:

    * It is placed (``ordered_on``) while the agreement is in force, its delivery may run
      past the end — LOU (2016:1145) 7 kap.: call-offs are made under a framework
      agreement in force.
    * Its ``agreement_reference`` is the agreement's reference, its own ``reference`` is
      not, and no two call-offs share a reference (diarienummer).
    * Its unit belongs to the agreement's buyer.
    * Each price code is in the price list; a line's own unit price equals the indexed
      list price on the order date, unless the call-off came from renewed competition,
      which may lower prices but not raise them (the agreement's prices bind, LOU 7 kap.).
    * Its programs' service area is one the agreement covers.
    * Its method follows the agreement's call-off method; under the combined method,
      ranking below the value limit and renewed competition at or above it.
    * The running total of call-offs, in the order placed (by ``ordered_on``, then by
      position), does not pass the ceiling — EU Court of Justice C-23/20 (Simonsen & Weel):
      the agreement ceases to have effect when its maximum value is reached. The problem
      names the call-off that first passes it.

    Cancelled call-offs count for nothing in totals from the day they were cancelled (a total
    on an earlier day counts them as they stood then); drafts count, so that a planned
    call-off that would pass the ceiling is reported before it is placed. A call-off
    terminated during delivery (hävning) counts for its whole value until the day of the
    termination and from that day for what was delivered (:meth:`value`): the delivery
    stopped and only the delivered part is settled, so the rest no longer uses the ceiling.

    Attributes:
        agreement: The framework agreement.
        call_offs: Its call-offs, in any order.

    Raises:
        ValidationError: If *agreement* or a call-off is of the wrong type.

    Examples:
        >>> import pendulum
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> ledger = stockholm_ledger()
        >>> ledger.problems()
        ()
        >>> ledger.running_total(pendulum.date(2026, 11, 27))
        Money(amount=Decimal('3037085.40'), currency='SEK')
        >>> ledger.utilisation(pendulum.date(2026, 11, 27))
        Decimal('0.30370854')
    """

    agreement: FrameworkAgreement
    call_offs: tuple[CallOff, ...] = attrs.field(default=(), converter=as_tuple)

    def _repr_html_(self) -> str:
        """An HTML table of the ledger, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import ledger_html

        return ledger_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("agreement", self.agreement, FrameworkAgreement, "a FrameworkAgreement")
        checks.items("call_offs", self.call_offs, CallOff, "CallOff objects")
        checks.done()

    def add(self, call_off: CallOff) -> AgreementLedger:
        """Return the ledger with *call_off* added last ("what if the city calls off this?")."""
        return attrs.evolve(self, call_offs=(*self.call_offs, call_off))

    def index_of(self, reference: str) -> int:
        """The position of the call-off with *reference* (diarienummer).

        Raises:
            NotFoundError: If no call-off has it (path ``reference``; the message lists them).
            ValidationError: If two call-offs have it: say which with its position instead.
        """
        found = [i for i, c in enumerate(self.call_offs) if c.reference == reference]
        if not found:
            known = ", ".join(repr(c.reference) for c in self.call_offs) or "none"
            raise NotFoundError.single(
                "reference", reference, f"is not a call-off of the ledger (references: {known})"
            )
        if len(found) > 1:
            raise ValidationError.single(
                "reference",
                reference,
                f"is the reference of call_offs[{found[0]}] and call_offs[{found[1]}]; a "
                "reference must name one call-off",
                Code.DUPLICATE_REFERENCE,
                reference=reference,
                position=found[0] + 1,
                day=self.call_offs[found[0]].ordered_on,
            )
        return found[0]

    def replace(self, reference: str, call_off: CallOff) -> AgreementLedger:
        """Return the ledger with the call-off *reference* replaced by *call_off*, in its place.

        Raises:
            NotFoundError: As :meth:`index_of`.
            ValidationError: As :meth:`index_of`, or if *call_off* is not a CallOff.

        Examples:
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> ledger = stockholm_ledger()
            >>> old = ledger.call_offs[0]
            >>> changed = ledger.replace(old.reference, attrs.evolve(old, reference="SOC 1"))
            >>> [c.reference for c in changed.call_offs][:2]
            ['SOC 1', 'SDF-SK 2025/0412']
        """
        index = self.index_of(reference)
        calls = list(self.call_offs)
        calls[index] = call_off
        return attrs.evolve(self, call_offs=tuple(calls))

    def update(self, reference: str, **changes: Any) -> AgreementLedger:
        """Return the ledger with fields of the call-off *reference* changed (``attrs.evolve``).

        Raises:
            NotFoundError: As :meth:`index_of`.
            ValidationError: As :meth:`index_of`, or if the changed call-off breaks a rule.
            TypeError: For a keyword that is not a field of CallOff.

        Examples:
            >>> import pendulum
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> ledger = stockholm_ledger().update("SOC 2025/0142",
            ...                                    ordered_on=pendulum.date(2025, 2, 7))
            >>> ledger.call_offs[0].ordered_on
            Date(2025, 2, 7)
        """
        return self.replace(
            reference, attrs.evolve(self.call_offs[self.index_of(reference)], **changes)
        )

    def cohorts_that_fit(self, cohort: Quote | CallOff | Money, on: dt.date | None = None) -> int:
        """How many more cohorts fit under the ceiling left on *on* ("can we run two more?").

        Args:
            cohort: What one cohort costs: a :class:`~ledarutveckling.Quote` (its total over
                its cohorts), the :class:`~ledarutveckling.CallOff` of one cohort (priced
                against the agreement as if it were added; its order date gives the indexed
                list prices), or an amount excluding VAT.
            on: As for :meth:`remaining`; ``None`` counts every call-off.

        Returns:
            The whole number of cohorts whose cost is within :meth:`remaining`; zero when
            the ceiling is reached or passed.

        Raises:
            ValidationError: If the call-off cannot be priced (paths from ``cohort``), or a
                cohort costs nothing or is in another currency (path ``cohort``).

        Examples:
            >>> import pendulum
            >>> from ledarutveckling import quote
            >>> from ledarutveckling.examples import stockholm_catalogue, stockholm_ledger
            >>> ledger, day = stockholm_ledger(), pendulum.date(2026, 11, 27)
            >>> ledger.remaining(day).amount
            Decimal('6962914.60')
            >>> offer = quote(ledger.agreement, stockholm_catalogue().program("SVS"),
            ...               cohorts=3, participants=20, on=day)
            >>> offer.total.amount
            Decimal('86842.80')
            >>> ledger.cohorts_that_fit(offer, day)
            240
            >>> ledger.cohorts_that_fit(ledger.call_offs[0], day)
            33
        """
        count = 1
        if isinstance(cohort, Quote):
            price, count = cohort.total, cohort.cohorts
        elif isinstance(cohort, Money):
            price = cohort
        elif isinstance(cohort, CallOff):
            position = len(self.call_offs)
            try:
                price = self.add(cohort).total(position)
            except ValidationError as error:
                raise _as_cohort(error, position) from None
        else:
            raise ValidationError.single(
                "cohort",
                cohort,
                "must be a Quote, the CallOff of one cohort, or Money",
                Code.WRONG_TYPE,
            )
        currency = self.agreement.currency
        if price.currency != currency:
            raise ValidationError.single(
                "cohort",
                str(price),
                f"must be in the agreement's currency ({currency})",
                Code.CURRENCY_OTHER,
                currency=currency,
                given=price.currency,
            )
        if price.amount <= 0:
            raise ValidationError.single(
                "cohort",
                str(price),
                "must cost something: any number of free cohorts fits",
                Code.COHORT_FREE,
            )
        left = self.remaining(on)
        if left.amount <= 0:
            return 0
        return int(left.amount * count // price.amount)

    # -- pricing ----------------------------------------------------------------------

    @functools.cached_property
    def _memo(self) -> dict[tuple[str, pendulum.Date], Money]:
        """List prices looked up so far (a private cache; the ledger itself never changes)."""
        return {}

    def _list_price(self, code: str, day: pendulum.Date) -> Money:
        key = (code, day)
        if key not in self._memo:
            self._memo[key] = self.agreement.price_on(code, day)
        return self._memo[key]

    @functools.cached_property
    def _prices(self) -> tuple[tuple[Money, ...] | ValidationError, ...]:
        """Each call-off's unit prices, or the error that kept it from being priced."""
        found: list[tuple[Money, ...] | ValidationError] = []
        for call_off in self.call_offs:
            try:
                found.append(
                    price_lines(
                        call_off.lines, self.agreement, call_off.ordered_on, self._list_price
                    )
                )
            except ValidationError as error:
                found.append(error)
        return tuple(found)

    @functools.cached_property
    def _totals(self) -> tuple[Money | None, ...]:
        zero = Money.zero(self.agreement.currency)
        totals: list[Money | None] = []
        for call_off, prices in zip(self.call_offs, self._prices, strict=True):
            if isinstance(prices, ValidationError):
                totals.append(None)
            else:
                amounts = (
                    line.amount(price) for line, price in zip(call_off.lines, prices, strict=True)
                )
                totals.append(sum(amounts, zero))
        return tuple(totals)

    @functools.cached_property
    def _settled(self) -> tuple[Money | None, ...]:
        """Each terminated call-off's delivered part, at its prices; ``None`` for the rest."""
        zero = Money.zero(self.agreement.currency)
        settled: list[Money | None] = []
        for call_off, prices in zip(self.call_offs, self._prices, strict=True):
            if call_off.terminated_on is None or isinstance(prices, ValidationError):
                settled.append(None)
                continue
            parts = (
                (price * done).round_to_ore()
                for price, done in zip(prices, call_off.delivered, strict=True)
            )
            settled.append(sum(parts, zero))
        return tuple(settled)

    def value(self, index: int, on: dt.date | None = None) -> Money:
        """What ``call_offs[index]`` counts for on *on*, excluding VAT.

        Its :meth:`total` (what it ordered), except that from the day of its last change a
        cancelled call-off counts for nothing, and a terminated one (hävd, avslutad i
        förtid), from the day of its termination, for what was delivered: each line's
        delivered quantity at the line's unit price, rounded half up to öre. Before that
        day it counts in full. The
        ledger's totals (:meth:`running_total`, the ``totals_by_*`` methods, the ceiling
        check) and the status report count call-offs by this value.

        Args:
            index: The call-off's position in :attr:`call_offs` (negative from the end).
            on: The day; ``None`` takes the call-off as it stands now.

        Raises:
            ValidationError: As :meth:`total`.

        Examples:
            >>> import pendulum
            >>> from ledarutveckling import CallOffStatus
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> ledger = stockholm_ledger()
            >>> ledger.value(2), ledger.value(1)  # delivered in full; cancelled
            (Money(amount=Decimal('80850.00'), currency='SEK'), Money(amount=Decimal('0'), ...))
            >>> running = ledger.call_offs[3]  # in delivery, its 7 lines worth 232 432,20 kr
            >>> stopped = running.transition(CallOffStatus.TERMINATED, pendulum.date(2026, 12, 1),
            ...                              delivered=(36, 9, 18, 0, 20, 48, 48))
            >>> ended = ledger.replace(running.reference, stopped)
            >>> ended.value(3, pendulum.date(2026, 11, 30)).amount, ended.value(3).amount
            (Decimal('232432.20'), Decimal('161353.20'))
            >>> ended.running_total().amount, ledger.running_total().amount
            (Decimal('3055289.55'), Decimal('3126368.55'))
        """
        index = self._position(index)
        total = self.total(index)
        call_off = self.call_offs[index]
        day = None if on is None else to_date(on, "on")
        if call_off.is_cancelled:
            # the cancellation is the last change of its history (a cancelled call-off has one)
            if day is None or call_off.history[-1].on <= day:
                return Money.zero(total.currency)
            return total
        ended = call_off.terminated_on
        if ended is None or (day is not None and day < ended):
            return total
        settled = self._settled[index]
        assert settled is not None  # priced, as total() succeeded
        return settled

    def total(self, index: int) -> Money:
        """The value of ``call_offs[index]`` excluding VAT, priced as in :meth:`problems`.

        This is what the call-off ordered; what it counts for after a cancellation or a
        termination is :meth:`value`.

        Args:
            index: The call-off's position in :attr:`call_offs`; a negative one counts from
                the end, as for a tuple.

        Raises:
            ValidationError: If there is no call-off at *index* (path ``index``), or it
                cannot be priced (paths from the ledger root).
        """
        index = self._position(index)
        prices = self._prices[index]
        if isinstance(prices, ValidationError):
            raise ValidationError(from_root(prices, index))
        total = self._totals[index]
        assert total is not None
        return total

    @property
    def unpriced(self) -> tuple[int, ...]:
        """The positions in :attr:`call_offs` of the call-offs that cannot be priced.

        A call-off cannot be priced when a line's price code is not in the price list, its
        own price is in another currency, or the index series lacks a month its order date
        needs; :meth:`problems` says why, and :meth:`total` raises for it. Totals and
        :meth:`running_total` need every call-off they count to be priced.

        Examples:
            >>> from ledarutveckling import Money
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> ledger = stockholm_ledger()
            >>> ledger.unpriced
            ()
            >>> euros = Money.of(150, "EUR")
            >>> line = attrs.evolve(ledger.call_offs[1].lines[0], unit_price=euros)
            >>> ledger.add(attrs.evolve(ledger.call_offs[1], lines=(line,))).unpriced
            (7,)
        """
        return tuple(index for index, total in enumerate(self._totals) if total is None)

    def problems_of(self, index: int) -> tuple[Problem, ...]:
        """The problems :meth:`problems` finds with ``call_offs[index]``, in the same order.

        These are the problems whose path starts at that call-off, the ceiling problem
        included when it is the call-off that first passes the ceiling; a problem of the
        agreement itself (an index month missing, path ``agreement.indexation.values``) is
        no call-off's.

        Args:
            index: The call-off's position in :attr:`call_offs`; a negative one counts from
                the end, as for a tuple.

        Raises:
            ValidationError: If there is no call-off at *index* (path ``index``).

        Examples:
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> ledger = stockholm_ledger()
            >>> twice = ledger.add(ledger.call_offs[0])
            >>> [problem.path for problem in twice.problems_of(-1)]
            ['call_offs[7].reference']
            >>> twice.problems_of(0)
            ()
        """
        at = f"call_offs[{self._position(index)}]"
        return tuple(
            problem
            for problem in self._problems
            if problem.path == at or problem.path.startswith((f"{at}.", f"{at}["))
        )

    def _position(self, index: int) -> int:
        """*index* as a position from 0, checked against :attr:`call_offs`."""
        count = len(self.call_offs)
        if isinstance(index, bool) or not isinstance(index, int) or not -count <= index < count:
            valid = f"an int from 0 to {count - 1}" if count else "but the ledger has none"
            raise ValidationError.single(
                "index",
                index,
                f"must be the position of a call-off, {valid}",
                Code.POSITION_OUT_OF_RANGE,
                given=index,
                count=count,
            )
        return index % count

    def _counted(self, on: dt.date | None = None) -> list[int]:
        """Indexes of the call-offs that count, placed on or before *on*, in order placed.

        A call-off cancelled after *on* still counted on *on* (the report's day).
        """
        day = None if on is None else to_date(on, "on")
        chosen = [
            index
            for index, call_off in enumerate(self.call_offs)
            if (day is None or call_off.ordered_on <= day)
            and (not call_off.is_cancelled or (day is not None and call_off.history[-1].on > day))
        ]
        return sorted(chosen, key=lambda i: (self.call_offs[i].ordered_on, i))

    # -- the rules --------------------------------------------------------------------

    def problems(self) -> tuple[Problem, ...]:
        """Every problem with the call-offs against the agreement, in a stable order.

        Per call-off, in position order: references, term, unit, method, service area, lines;
        then duplicate references; then the ceiling. An index series that lacks a month is
        reported once, at ``agreement.indexation.values``. :meth:`problems_of` gives those
        of one call-off.
        """
        return self._problems

    @functools.cached_property
    def _problems(self) -> tuple[Problem, ...]:
        checks = Checker()
        period = self.agreement.period_in_force
        for index, call_off in enumerate(self.call_offs):
            check_call_off(self, checks, index, call_off, period)
        references: dict[str, int] = {}
        for index, call_off in enumerate(self.call_offs):
            if call_off.reference in references:
                checks.add(
                    f"call_offs[{index}].reference",
                    call_off.reference,
                    f"duplicate call-off reference; call_offs[{references[call_off.reference]}] "
                    "already has it",
                    Code.DUPLICATE_REFERENCE,
                    reference=call_off.reference,
                    position=references[call_off.reference] + 1,
                    day=self.call_offs[references[call_off.reference]].ordered_on,
                )
            references.setdefault(call_off.reference, index)
        check_ceiling(self, checks)
        return tuple(checks.problems)

    def check(self) -> None:
        """Raise every problem :meth:`problems` finds.

        Raises:
            ValidationError: Listing every problem, if there is any.
        """
        checks = Checker()
        checks.problems.extend(self.problems())
        checks.done()

    # -- questions ----------------------------------------------------------------------

    def _priced(self, on: dt.date | None) -> list[tuple[CallOff, Money]]:
        return [(self.call_offs[i], self.value(i, on)) for i in self._counted(on)]

    def running_total(self, on: dt.date | None = None) -> Money:
        """The value of every call-off placed on or before *on*, cancelled ones left out.

        A call-off counts as it stood on *on*: one cancelled later still counts on *on*.
        Each call-off counts for its :meth:`value` on *on*: a terminated one, from the day of
        its termination, for what was delivered.

        Args:
            on: Count only call-offs placed on or before this day; ``None`` counts all (as the
                ``totals_by_*`` methods do).

        Raises:
            ValidationError: If a call-off that counts cannot be priced.
        """
        zero = Money.zero(self.agreement.currency)
        return sum((total for _, total in self._priced(on)), zero)

    def utilisation(self, on: dt.date | None = None) -> Decimal:
        """The running total on *on* as a fraction of the ceiling (1 = the ceiling reached).

        ``on=None`` counts every call-off, as :meth:`running_total` does.

        Raises:
            ValidationError: As :meth:`running_total`.
        """
        ceiling = self.agreement.ceiling
        assert ceiling is not None
        return PRECISE.divide(self.running_total(on).amount, ceiling.amount)

    def remaining(self, on: dt.date | None = None) -> Money:
        """The ceiling less the running total on *on*; negative once the ceiling is passed.

        ``on=None`` counts every call-off, as :meth:`running_total` does.

        Raises:
            ValidationError: As :meth:`running_total`.
        """
        ceiling = self.agreement.ceiling
        assert ceiling is not None
        return ceiling - self.running_total(on)

    def _totals_by(self, key: Callable[[CallOff], K], on: dt.date | None) -> dict[K, Money]:
        result: dict[K, Money] = {}
        for call_off, total in self._priced(on):
            name = key(call_off)
            result[name] = result[name] + total if name in result else total
        return result

    def totals_by_unit(self, on: dt.date | None = None) -> dict[OrderingUnit, Money]:
        """Call-off value per ordering unit, in the order each unit first called off.

        Args:
            on: Count only call-offs placed on or before this day; ``None`` counts all.
        """
        return self._totals_by(lambda c: c.unit, on)

    def totals_by_service_area(self, on: dt.date | None = None) -> dict[ServiceArea | None, Money]:
        """Call-off value per service area (``None``: call-offs without programs).

        Args:
            on: Count only call-offs placed on or before this day; ``None`` counts all.
        """
        return self._totals_by(lambda c: c.service_area, on)

    def totals_by_month(self, on: dt.date | None = None) -> dict[tuple[int, int], Money]:
        """Call-off value per month placed, ``(year, month)``, in order.

        Args:
            on: Count only call-offs placed on or before this day; ``None`` counts all.
        """
        by_month = self._totals_by(lambda c: (c.ordered_on.year, c.ordered_on.month), on)
        return dict(sorted(by_month.items()))

    def in_force(self, on: dt.date) -> tuple[CallOff, ...]:
        """The call-offs in force on *on*: placed by then, and their delivery not over.

        Drafts and cancelled call-offs are left out; the current status is used. A
        terminated call-off is in force until the day before its termination.

        Examples:
            >>> import pendulum
            >>> from ledarutveckling.examples import stockholm_ledger
            >>> [c.reference for c in stockholm_ledger().in_force(pendulum.date(2026, 11, 27))]
            ['SDF-SK 2026/0318', 'TK 2026/1201', 'SLK 2026/0777']
        """
        day = to_date(on, "on")
        return tuple(
            call_off
            for call_off in self.call_offs
            if call_off.status not in (CallOffStatus.DRAFT, CallOffStatus.CANCELLED)
            and call_off.ordered_on <= day <= call_off.delivery.end
            and (call_off.terminated_on is None or day < call_off.terminated_on)
        )
