"""Hypothesis strategies for negative tests: values that break exactly one rule (private).

Public in :mod:`ledarutveckling.testing`: :func:`invalid_call_offs` and
:func:`invalid_agreements` draw :class:`Broken` values from valid ones with one thing
changed, and say where the library reports it.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from decimal import Decimal
from typing import Any, Final, Generic, TypeVar

import attrs
from hypothesis import strategies as st

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import Alternatives, ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._examples.stockholm import stockholms_stad
from ledarutveckling._procurement.agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
)
from ledarutveckling._procurement.calloff import CallOff, CallOffLine, RankingReason
from ledarutveckling._procurement.offerings import (
    ServiceArea,
)
from ledarutveckling._procurement.parties import Organisation
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._testing.factories import following_method, method_for
from ledarutveckling._testing.strategies_procurement import (
    _JUSTIFICATION,
    _agreement_arguments,
    _budget,
    _call_off,
    _price_list,
    _program,
)
from ledarutveckling.errors import ValidationError, join_path

__all__ = ["AGREEMENT_RULES", "CALL_OFF_RULES", "Broken", "invalid_agreements", "invalid_call_offs"]


T = TypeVar("T")


CALL_OFF_RULES: Final = (
    "ordered_before_term",
    "wrong_agreement_reference",
    "agreement_reference_as_own",
    "unit_of_another_organisation",
    "wrong_method",
    "service_area_not_covered",
    "unknown_price_code",
    "price_above_list",
    "price_in_other_currency",
    "past_ceiling",
)
"""The ledger rules :func:`invalid_call_offs` can break, one per drawn call-off."""


AGREEMENT_RULES: Final = (
    "no_ceiling",
    "ceiling_below_estimate",
    "term_past_four_years_unjustified",
    "option_exercised_late",
    "option_exercised_before_previous",
    "combined_without_value_limit",
    "ranking_without_rank",
    "supplier_is_buyer",
    "price_list_in_other_currency",
    "no_service_area",
)
"""The rules :func:`invalid_agreements` can break, one per drawn set of arguments."""


@attrs.frozen(kw_only=True)
class Broken(Generic[T]):
    """Something that breaks exactly one rule, and where the library reports it.

    Drawn by :func:`invalid_call_offs` (*value* is a :class:`~ledarutveckling.CallOff`
    the ledger reports one problem with) and :func:`invalid_agreements` (*value* is the
    keyword arguments for :class:`~ledarutveckling.FrameworkAgreement`, which refuses them).

    Attributes:
        value: The broken object, or the arguments that fail to build one.
        path: Where the one problem is reported, relative to *value*: ``"ordered_on"``,
            ``"lines[1].unit_price"``, or ``""`` for the object as a whole.
        rule: The rule broken, one of :data:`CALL_OFF_RULES` or :data:`AGREEMENT_RULES`.

    Examples:
        >>> broken = Broken(value=None, path="ordered_on", rule="ordered_before_term")
        >>> broken.path_in("call_offs[2]")
        'call_offs[2].ordered_on'
    """

    value: T
    path: str
    rule: str

    def path_in(self, prefix: str) -> str:
        """The path as seen from further out, e.g. from a ledger: ``path_in("call_offs[0]")``."""
        return join_path(prefix, self.path)


def _check_rules(checks: Checker, rules: object, known: tuple[str, ...]) -> tuple[str, ...]:
    if rules is None:
        return known
    if isinstance(rules, str) or not isinstance(rules, Collection):
        checks.add(
            "rules",
            rules,
            f"must be a collection of rule names ({', '.join(known)})",
            ProblemCode.NOT_ONE_OF,
            valid=Alternatives(known),
        )
        return ()
    chosen = tuple(rules)
    for rule in chosen:
        if rule not in known:
            checks.add(
                "rules",
                rule,
                f"is not a rule; choose from {', '.join(known)}",
                ProblemCode.NOT_ONE_OF,
                valid=Alternatives(known),
            )
    if not chosen:
        checks.add("rules", rules, "must name at least one rule", ProblemCode.EMPTY_LIST)
    return chosen


def _other_currency(currency: str) -> str:
    return "EUR" if currency != "EUR" else "SEK"


def _call_off_rules(agreement: FrameworkAgreement) -> tuple[str, ...]:
    rules = list(CALL_OFF_RULES)
    if set(agreement.service_areas) == set(ServiceArea):
        rules.remove("service_area_not_covered")
    if all(item.price.amount <= 0 for item in agreement.price_list):
        rules.remove("past_ceiling")
    return tuple(rules)


def _break_call_off(
    draw: st.DrawFn, agreement: FrameworkAgreement, call_off: CallOff, rule: str
) -> Broken[CallOff]:
    listed = tuple(
        attrs.evolve(line, unit_price=None) for line in call_off.lines
    )  # list prices only, so that changing the date or method breaks nothing else
    path = ""
    if rule == "ordered_before_term":
        day = agreement.term.start.subtract(days=draw(st.integers(1, 365)))
        call_off = attrs.evolve(call_off, ordered_on=day, lines=listed)
        path = "ordered_on"
    elif rule == "wrong_agreement_reference":
        call_off = attrs.evolve(call_off, agreement_reference=agreement.reference + "-ANNAT")
        return Broken(value=call_off, path="agreement_reference", rule=rule)
    elif rule == "agreement_reference_as_own":
        call_off = attrs.evolve(call_off, reference=agreement.reference)
        path = "reference"
    elif rule == "unit_of_another_organisation":
        region = Organisation(name="Region Stockholm", org_number="232100-0016")
        other = region if agreement.buyer.org_number != region.org_number else stockholms_stad()
        call_off = attrs.evolve(call_off, unit=attrs.evolve(call_off.unit, organisation=other))
        path = "unit.organisation"
    elif rule == "wrong_method":
        call_off = attrs.evolve(call_off, lines=listed)
        right = method_for(agreement, call_off)
        wrong = (
            CallOffMethod.RANKING
            if right is CallOffMethod.RENEWED_COMPETITION
            else CallOffMethod.RENEWED_COMPETITION
        )
        rank = agreement.supplier_rank
        passed_over = wrong is CallOffMethod.RANKING and rank is not None and rank > 1
        reason = RankingReason.NO_CAPACITY if passed_over else None
        call_off = attrs.evolve(call_off, method=wrong, ranking_reason=reason, ranking_note="")
        return Broken(value=call_off, path="method", rule=rule)
    elif rule == "service_area_not_covered":
        area = next(a for a in ServiceArea if a not in agreement.service_areas)
        program = _program(draw, area, None, None, None, 2)
        call_off = attrs.evolve(call_off, programs=(program,))
        path = "programs[0].service_area"
    elif rule == "unknown_price_code":
        code = "OKÄND-KOD"
        while code in agreement.price_list:
            code += "-X"
        extra = CallOffLine(price_code=code, quantity=Decimal(1))
        call_off = attrs.evolve(call_off, lines=(*call_off.lines, extra))
        return Broken(
            value=call_off, path=f"lines[{len(call_off.lines) - 1}].price_code", rule=rule
        )
    elif rule == "price_above_list":
        first = call_off.lines[0]
        dearer = agreement.price_on(first.price_code, call_off.ordered_on) + Money.of(
            1, agreement.currency
        )
        lines = (attrs.evolve(first, unit_price=dearer), *call_off.lines[1:])
        call_off = attrs.evolve(call_off, lines=lines)
        path = "lines[0].unit_price"
    elif rule == "price_in_other_currency":
        first = call_off.lines[0]
        foreign = Money.of(1000, _other_currency(agreement.currency))
        call_off = attrs.evolve(
            call_off, lines=(attrs.evolve(first, unit_price=foreign), *call_off.lines[1:])
        )
        return Broken(value=call_off, path="lines[0].unit_price", rule=rule)
    else:  # past_ceiling
        item = next(i for i in agreement.price_list if i.price.amount > 0)
        price = agreement.price_on(item.code, call_off.ordered_on)
        ceiling = agreement.ceiling
        assert ceiling is not None
        quantity = Decimal(math.floor(ceiling.amount / price.amount) + 1)
        extra = CallOffLine(price_code=item.code, quantity=quantity)
        call_off = attrs.evolve(call_off, lines=(*call_off.lines, extra))
    call_off = following_method(agreement, call_off)
    return Broken(value=call_off, path=path, rule=rule)


def invalid_call_offs(
    agreement: FrameworkAgreement, *, rules: Collection[str] | None = None
) -> st.SearchStrategy[Broken[CallOff]]:
    """Call-offs under *agreement* that break exactly one rule the ledger checks.

    Each is a valid call-off from :func:`call_offs` with one thing changed. Alone in a
    ledger of *agreement*, it gives exactly one problem, at
    ``broken.path_in("call_offs[0]")``. Rules that *agreement* cannot be broken by (a service
    area not covered, when it covers both) are left out.

    Args:
        agreement: The agreement the call-offs are placed under.
        rules: Only these rules (names from :data:`CALL_OFF_RULES`).

    Raises:
        ValidationError: If a rule name is unknown, or none of *rules* applies to *agreement*.

    Examples:
        >>> from hypothesis import find
        >>> from ledarutveckling import AgreementLedger
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> broken = find(invalid_call_offs(agreement, rules=["past_ceiling"]), lambda b: True)
        >>> ledger = AgreementLedger(agreement=agreement, call_offs=[broken.value])
        >>> [p.path for p in ledger.problems()] == [broken.path_in("call_offs[0]")]
        True
        >>> ledger.problems()[0].message
        'takes the running total of call-offs to ... SEK, past the ceiling of 10000000 SEK; ...'
    """
    checks = Checker()
    checks.instance("agreement", agreement, FrameworkAgreement, "a FrameworkAgreement")
    checks.done()
    chosen = _check_rules(checks, rules, CALL_OFF_RULES)
    checks.done()
    usable = tuple(rule for rule in chosen if rule in _call_off_rules(agreement))
    if not usable:
        raise ValidationError.single(
            "rules",
            list(chosen),
            "none of these rules can be broken under this agreement",
            ProblemCode.NOT_ALLOWED,
            given=Alternatives(chosen),
            valid=Alternatives(_call_off_rules(agreement)),
        )
    budget = _budget(agreement, None) / 4

    @st.composite
    def build(draw: st.DrawFn) -> Broken[CallOff]:
        rule = draw(st.sampled_from(usable))
        base = _call_off(
            draw,
            agreement,
            agreement.period_in_force,
            None,
            None,
            CallOffStatus.DRAFT,
            budget,
            None,
        )
        return _break_call_off(draw, agreement, base, rule)

    return build()


def _break_agreement(
    draw: st.DrawFn, arguments: dict[str, Any], rule: str
) -> Broken[dict[str, Any]]:
    changed = dict(arguments)
    term: DateRange = changed["term"]
    estimated: Money = changed["estimated_value"]
    path = rule
    if rule == "no_ceiling":
        changed["ceiling"], path = None, "ceiling"
    elif rule == "ceiling_below_estimate":
        changed["ceiling"], path = estimated - Money.of(1, estimated.currency), "ceiling"
    elif rule == "term_past_four_years_unjustified":
        end = term.start.add(years=draw(st.integers(5, 8))).subtract(days=1)
        changed.update(
            term=DateRange(start=term.start, end=end),
            options=(),
            term_justification=None,
            indexation=None,
        )
        path = "term_justification"
    elif rule == "option_exercised_late":
        late = term.end.subtract(days=draw(st.integers(0, 89)))
        option = ExtensionOption(months=12, notice_days=90, exercised_on=late)
        changed.update(options=(option,), term_justification=_JUSTIFICATION, indexation=None)
        path = "options[0].exercised_on"
    elif rule == "option_exercised_before_previous":
        first = term.end.subtract(days=100 + draw(st.integers(0, 150)))
        second = first.subtract(days=draw(st.integers(1, 30)))
        options = (
            ExtensionOption(months=12, notice_days=90, exercised_on=max(first, term.start)),
            ExtensionOption(months=12, notice_days=90, exercised_on=second),
        )
        changed.update(options=options, term_justification=_JUSTIFICATION, indexation=None)
        path = "options[1].exercised_on"
    elif rule == "combined_without_value_limit":
        changed.update(call_off_method=CallOffMethod.COMBINED, value_limit=None, supplier_rank=1)
        path = "value_limit"
    elif rule == "ranking_without_rank":
        changed.update(call_off_method=CallOffMethod.RANKING, value_limit=None, supplier_rank=None)
        path = "supplier_rank"
    elif rule == "supplier_is_buyer":
        changed["supplier"], path = changed["buyer"], "supplier"
    elif rule == "price_list_in_other_currency":
        other = _other_currency(estimated.currency)
        changed["price_list"], path = _price_list(draw, other), "price_list"
    else:  # no_service_area
        changed["service_areas"], path = (), "service_areas"
    return Broken(value=changed, path=path, rule=rule)


def invalid_agreements(
    *, rules: Collection[str] | None = None
) -> st.SearchStrategy[Broken[dict[str, Any]]]:
    """Keyword arguments for :class:`~ledarutveckling.FrameworkAgreement` that break one rule.

    ``FrameworkAgreement(**broken.value)`` raises a ValidationError with exactly one problem,
    at ``broken.path``.

    Args:
        rules: Only these rules (names from :data:`AGREEMENT_RULES`).

    Raises:
        ValidationError: If a rule name is unknown.

    Examples:
        >>> import pytest
        >>> from hypothesis import given, settings
        >>> from ledarutveckling import FrameworkAgreement, ValidationError
        >>> @settings(max_examples=10)
        ... @given(invalid_agreements())
        ... def test_a_broken_agreement_is_refused_at_the_path(broken):
        ...     with pytest.raises(ValidationError) as info:
        ...         FrameworkAgreement(**broken.value)
        ...     assert [p.path for p in info.value.problems] == [broken.path]
        >>> test_a_broken_agreement_is_refused_at_the_path()
    """
    checks = Checker()
    chosen = _check_rules(checks, rules, AGREEMENT_RULES)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Broken[dict[str, Any]]:
        arguments = _agreement_arguments(draw, "SEK", None, None, None, None, None)
        return _break_agreement(draw, arguments, draw(st.sampled_from(chosen)))

    return build()
