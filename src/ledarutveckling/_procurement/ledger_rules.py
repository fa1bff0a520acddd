"""The ledger's rules for each call-off and for the ceiling (private).

Moved out of ``ledger.py`` (issue 16): :class:`AgreementLedger` holds the call-offs and answers
questions; this module says what a call-off must satisfy against the agreement. Paths start at
the ledger, e.g. ``call_offs[3].lines[0].unit_price``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.messages import choices
from ledarutveckling._base.money import Money
from ledarutveckling._procurement.agreement import _C_23_20, CallOffMethod, PriceUnit
from ledarutveckling._procurement.calloff import CallOff, RankingReason
from ledarutveckling.errors import Problem, ValidationError

if TYPE_CHECKING:
    from ledarutveckling._procurement.ledger import AgreementLedger

__all__ = ["check_call_off", "check_ceiling", "from_root"]


def from_root(error: ValidationError, index: int) -> list[Problem]:
    """The problems of pricing ``call_offs[index]``, with paths from the ledger root."""
    return [
        p if p.path.startswith("agreement.") else p.with_prefix(f"call_offs[{index}]")
        for p in error.problems
    ]


def _money(value: Money) -> str:
    return f"{value.amount} {value.currency}"


def check_call_off(
    ledger: AgreementLedger, checks: Checker, index: int, call_off: CallOff, period: DateRange
) -> None:
    """Add the problems of ``call_offs[index]`` against the agreement to *checks*."""
    agreement = ledger.agreement
    at = f"call_offs[{index}]"
    if call_off.agreement_reference != agreement.reference:
        checks.add(
            f"{at}.agreement_reference",
            call_off.agreement_reference,
            f"must be the agreement's reference ({agreement.reference!r})",
            Code.WRONG_AGREEMENT_REFERENCE,
            given=call_off.agreement_reference,
            agreement=agreement.reference,
        )
    if call_off.reference == agreement.reference:
        checks.add(
            f"{at}.reference",
            call_off.reference,
            "must be the call-off's own reference, not the agreement's",
            Code.AGREEMENT_REFERENCE_REUSED,
        )
    if call_off.ordered_on not in period:
        checks.add(
            f"{at}.ordered_on",
            call_off.ordered_on,
            f"is outside the agreement's term in force ({period}); a call-off must be "
            "placed while the agreement is in force (its delivery may run past the end)",
            Code.ORDERED_OUTSIDE_TERM,
            day=call_off.ordered_on,
            period=period,
        )
    # A legal person is its organisation number: "Stockholm Stad" and "Stockholms stad" with
    # the one number 212000-0142 are the same buyer, however the name was written.
    if call_off.unit.organisation.org_number != agreement.buyer.org_number:
        checks.add(
            f"{at}.unit.organisation",
            str(call_off.unit.organisation),
            f"must be the agreement's buyer ({agreement.buyer})",
            Code.UNIT_NOT_BUYER,
            organisation=str(call_off.unit.organisation),
            buyer=str(agreement.buyer),
        )
    _check_method(ledger, checks, index, call_off)
    for number, program in enumerate(call_off.programs):
        if program.service_area not in agreement.service_areas:
            covered = ", ".join(repr(a.value) for a in agreement.service_areas)
            checks.add(
                f"{at}.programs[{number}].service_area",
                program.service_area.value,
                f"is not covered by the agreement (it covers {covered})",
                Code.AREA_NOT_COVERED,
                area=program.service_area,
                covered=list(agreement.service_areas),
            )
    _check_prices(ledger, checks, index, call_off)
    _check_quantities(ledger, checks, index, call_off)


def _check_quantities(
    ledger: AgreementLedger, checks: Checker, index: int, call_off: CallOff
) -> None:
    """Whole quantities of countable units (participants, sessions, days); hours may split."""
    prices = ledger.agreement.price_list
    for number, line in enumerate(call_off.lines):
        if line.price_code not in prices:
            continue  # reported by the price checks
        unit = prices.item(line.price_code).unit
        if unit is not PriceUnit.HOUR and line.quantity != line.quantity.to_integral_value():
            checks.add(
                f"call_offs[{index}].lines[{number}].quantity",
                line.quantity,
                f"must be a whole number: {line.price_code} is priced "
                f"{unit.label('en_GB')}, which is counted; only hours may be fractional",
                Code.QUANTITY_NOT_WHOLE,
                given=line.quantity,
                price_code=line.price_code,
                unit=unit,
            )


def _check_method(ledger: AgreementLedger, checks: Checker, index: int, call_off: CallOff) -> None:
    """Call-offs follow the agreement's method: LOU (2016:1145) 7 kap. (ramavtal)."""
    method = ledger.agreement.call_off_method
    wanted: CallOffMethod | None = method
    reason = f"the agreement's call-off method is {method.value!r}"
    if method is CallOffMethod.COMBINED:
        limit = ledger.agreement.value_limit
        total = ledger._totals[index]
        assert limit is not None
        if total is None:
            wanted = None
        elif total >= limit:
            wanted = CallOffMethod.RENEWED_COMPETITION
            reason = f"its value {_money(total)} is at or above the limit {_money(limit)}"
        else:
            wanted = CallOffMethod.RANKING
            reason = f"its value {_money(total)} is below the limit {_money(limit)}"
    if wanted is not None and call_off.method is not wanted:
        checks.add(
            f"call_offs[{index}].method",
            call_off.method.value,
            f"must be {wanted.value!r}: {reason}",
            Code.WRONG_METHOD,
            wanted=wanted,
            given=call_off.method,
        )
    elif call_off.method is CallOffMethod.RANKING:
        _check_ranking_reason(ledger, checks, index, call_off)


def _check_ranking_reason(
    ledger: AgreementLedger, checks: Checker, index: int, call_off: CallOff
) -> None:
    """A call-off by ranking states why the suppliers ranked above were passed over.

    Under ranking the highest-ranked supplier is called off from first, the next only for a
    stated reason (LOU (2016:1145) 7 kap., ramavtal: the call-off follows the agreement's
    terms, which say when the next supplier is turned to). The ledger holds one supplier's
    agreement: its ``supplier_rank`` above 1 means every call-off by ranking passed over
    someone. A reason with the first-ranked supplier records a passing-over that did not
    happen.
    """
    rank = ledger.agreement.supplier_rank
    # An agreement by ranking or combined has a rank (or is refused); under renewed
    # competition a call-off by ranking is the wrong method and never comes here.
    assert rank is not None
    path = f"call_offs[{index}].ranking_reason"
    if rank > 1 and call_off.ranking_reason is None:
        valid = ", ".join(repr(r.value) for r in RankingReason)
        checks.add(
            path,
            None,
            f"must be stated: the call-off goes by ranking to the supplier ranked {rank}, "
            f"so why those ranked above it were passed over must be recorded ({valid})",
            Code.RANKING_REASON_MISSING,
            rank=rank,
            valid=choices(RankingReason),
        )
    elif rank == 1 and call_off.ranking_reason is not None:
        checks.add(
            path,
            call_off.ranking_reason.value,
            "must be left out: the agreement's supplier is ranked first, so no supplier was "
            "passed over",
            Code.RANKING_REASON_FIRST,
            given=call_off.ranking_reason,
        )


def _check_prices(ledger: AgreementLedger, checks: Checker, index: int, call_off: CallOff) -> None:
    agreement = ledger.agreement
    prices = ledger._prices[index]
    if isinstance(prices, ValidationError):
        for problem in from_root(prices, index):
            if problem not in checks.problems:  # an index month missing: report it once
                checks.problems.append(problem)
    competed = call_off.method is CallOffMethod.RENEWED_COMPETITION
    for number, line in enumerate(call_off.lines):
        own = line.unit_price
        if own is None:
            continue
        path = f"call_offs[{index}].lines[{number}]"
        if line.price_code not in agreement.price_list:
            checks.add(
                f"{path}.price_code",
                line.price_code,
                f"is not in the agreement's price list (codes: "
                f"{', '.join(agreement.price_list.codes)})",
                Code.PRICE_CODE_UNKNOWN,
                price_code=line.price_code,
                codes=list(agreement.price_list.codes),
            )
            continue
        if own.currency != agreement.currency:
            continue  # reported by price_lines
        try:
            listed = ledger._list_price(line.price_code, call_off.ordered_on)
        except ValidationError as error:
            for problem in error.with_prefix("agreement").problems:
                if problem not in checks.problems:  # report a missing month once
                    checks.problems.append(problem)
            continue
        when = call_off.ordered_on.isoformat()
        fixed = agreement.indexation is None  # no "indexed" where prices are fixed
        indexed = "" if fixed else ", indexed"
        if competed and own > listed:
            checks.add(
                f"{path}.unit_price",
                own,
                f"must not exceed the list price on {when} ({_money(listed)}{indexed}); "
                "renewed competition may lower prices, not raise them",
                Code.PRICE_ABOVE_FIXED_LIST if fixed else Code.PRICE_ABOVE_LIST,
                price=own,
                price_code=line.price_code,
                listed=listed,
                day=call_off.ordered_on,
            )
        elif not competed and own != listed:
            checks.add(
                f"{path}.unit_price",
                own,
                f"must be the list price on {when} ({_money(listed)}{indexed}); only a "
                "call-off after renewed competition may carry its own prices",
                Code.PRICE_NOT_FIXED_LIST if fixed else Code.PRICE_NOT_LIST,
                price=own,
                price_code=line.price_code,
                listed=listed,
                day=call_off.ordered_on,
            )


def check_ceiling(ledger: AgreementLedger, checks: Checker) -> None:
    """The maximum value: EU Court of Justice C-23/20 (Simonsen & Weel, 2021)."""
    ceiling = ledger.agreement.ceiling
    assert ceiling is not None
    running = Money.zero(ceiling.currency)
    # Terminated call-offs already counted: from the day of the termination only the
    # delivered part uses the ceiling, so the rest is freed for what is placed after.
    freed: list[tuple[pendulum.Date, Money]] = []
    for index in ledger._counted():
        total = ledger._totals[index]
        if total is None:
            continue
        call_off = ledger.call_offs[index]
        running -= sum(
            (part for day, part in freed if day <= call_off.ordered_on),
            Money.zero(ceiling.currency),
        )
        freed = [(day, part) for day, part in freed if day > call_off.ordered_on]
        running += total
        settled = ledger._settled[index]
        if call_off.terminated_on is not None and settled is not None:
            freed.append((call_off.terminated_on, total - settled))
        if running > ceiling:
            checks.add(
                f"call_offs[{index}]",
                ledger.call_offs[index].reference,
                f"takes the running total of call-offs to {_money(running)}, past the "
                f"ceiling of {_money(ceiling)}; the agreement ceases to have effect when "
                f"its maximum value is reached ({_C_23_20})",
                Code.CEILING_EXCEEDED,
                excess=running - ceiling,
                total=running,
                ceiling=ceiling,
            )
            return
