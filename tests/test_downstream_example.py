"""How a downstream project tests its own code with ledarutveckling.testing.

The "project" here is a small call-off desk, as an internal service might have: it takes a
proposed call-off, says whether the agreement allows it, and if so how much of the ceiling
is left after it. Its tests use only the public API and the testing helpers, as a project
that installs ``ledarutveckling[testing]`` would.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import AgreementLedger, CallOff, CallOffStatus, DateRange, Money
from ledarutveckling.testing import (
    Broken,
    agreements,
    call_offs,
    invalid_call_offs,
    ledgers,
    make_agreement,
    make_call_off,
    make_ledger,
)

# -- the downstream code under test ------------------------------------------------------------


@attrs.frozen
class Decision:
    """What the desk answers: accepted or not, the reasons, and what is left afterwards."""

    accepted: bool
    reasons: tuple[str, ...]
    left: Money | None


def decide(ledger: AgreementLedger, proposal: CallOff, today: dt.date) -> Decision:
    """Accept *proposal* if the ledger with it added has no new problem."""
    before = set(ledger.problems())
    after = ledger.add(proposal)
    new = [str(p) for p in after.problems() if p not in before]
    if new:
        return Decision(accepted=False, reasons=tuple(new), left=None)
    return Decision(accepted=True, reasons=(), left=after.remaining(today))


# -- example-based tests with the factories ----------------------------------------------------


def test_a_proposal_within_the_agreement_is_accepted_with_what_is_left() -> None:
    agreement = make_agreement()
    ledger = make_ledger(agreement=agreement)
    proposal = make_call_off(agreement, reference="SDF-SK 2026/0042")
    decision = decide(ledger, proposal, pendulum.date(2026, 12, 31))
    assert decision == Decision(accepted=True, reasons=(), left=Money.sek("5930400.00"))


def test_a_proposal_placed_after_the_term_is_refused_with_the_reason() -> None:
    agreement = make_agreement()
    late = make_call_off(
        agreement,
        reference="SDF-SK 2028/0001",
        ordered_on=pendulum.date(2028, 2, 1),
        delivery=DateRange.from_iso("2028-03-01", "2028-05-31"),
    )
    decision = decide(make_ledger(agreement=agreement), late, pendulum.date(2028, 2, 1))
    assert not decision.accepted
    assert decision.reasons == (
        "call_offs[1].ordered_on: is outside the agreement's term in force "
        "(2026-01-01/2027-12-31); a call-off must be placed while the agreement is in force "
        "(its delivery may run past the end), got Date(2028, 2, 1)",
    )


# -- property-based tests with the strategies ---------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_any_valid_proposal_to_an_empty_ledger_is_accepted(data: st.DataObject) -> None:
    agreement = data.draw(agreements())
    proposal = data.draw(call_offs(agreement, status=CallOffStatus.DRAFT))
    decision = decide(AgreementLedger(agreement=agreement), proposal, agreement.end_date)
    assert decision.accepted
    assert decision.left is not None
    assert agreement.ceiling is not None
    assert Money.zero(agreement.currency) <= decision.left <= agreement.ceiling


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_any_proposal_that_breaks_a_rule_is_refused_naming_it(data: st.DataObject) -> None:
    book = data.draw(ledgers(max_call_offs=2))
    broken: Broken[CallOff] = data.draw(invalid_call_offs(book.agreement))
    fresh = attrs.evolve(broken.value, reference=broken.value.reference + "-NY")
    if broken.rule == "agreement_reference_as_own":
        fresh = broken.value  # the broken reference is the point
    decision = decide(book, fresh, book.agreement.end_date)
    assert not decision.accepted
    index = len(book.call_offs)
    wanted = broken.path_in(f"call_offs[{index}]")
    if broken.rule == "past_ceiling":
        # what is already called off counts too: the ceiling may be passed by this one
        assert any(reason.startswith("call_offs[") for reason in decision.reasons)
    else:
        assert [reason.split(":")[0] for reason in decision.reasons] == [wanted]


@settings(max_examples=30, deadline=None)
@given(ledgers(make_agreement(), max_call_offs=4))
def test_what_is_left_never_grows_as_the_days_pass(book: AgreementLedger) -> None:
    days = [pendulum.date(2026, 1, 1).add(months=m) for m in range(0, 24, 3)]
    left = [book.remaining(day) for day in days]
    # A termination (hävning) frees the undelivered part from its day on: what is left
    # grows back by that much and no more (issue 18).
    placed = [
        sum(
            (
                book.total(i) - book.value(i, day)
                for i, c in enumerate(book.call_offs)
                if not c.is_cancelled and c.ordered_on <= day
            ),
            Money.sek("0"),
        )
        for day in days
    ]
    bound = [amount - freed for amount, freed in zip(left, placed, strict=True)]
    assert bound == sorted(bound, reverse=True)
    if all(c.terminated_on is None for c in book.call_offs):
        assert left == sorted(left, reverse=True)
    assert all(amount.amount % Decimal("0.01") == 0 for amount in left)
