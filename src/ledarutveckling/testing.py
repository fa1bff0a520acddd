r"""Testing helpers for projects that use ledarutveckling: Hypothesis strategies and factories.

Install with the ``testing`` extra, ``pip install "ledarutveckling[testing]"``; importing this
module without Hypothesis raises an :class:`ImportError` that names the extra.

**Strategies** generate objects the library's own validators accept, consistent with each
other: :func:`call_offs` draws call-offs that their agreement's ledger accepts, and
:func:`ledgers` whole ledgers with no problem. Keyword arguments narrow what is drawn (a
currency, a period, a target group, a status…) and are checked when the strategy is made.

**Invalid variants** for negative tests: :func:`invalid_call_offs` and
:func:`invalid_agreements` draw :class:`Broken` values that break exactly one rule each and
say where the library reports it (:data:`CALL_OFF_RULES`, :data:`AGREEMENT_RULES`).

**Factories** (``make_*``) build one valid object with realistic Swedish defaults for
example-based tests; keyword arguments replace fields.

Examples:
    >>> from hypothesis import given, settings
    >>> from ledarutveckling import AgreementLedger
    >>> from ledarutveckling.testing import agreements, call_offs, make_agreement
    >>> from hypothesis import strategies as st
    >>> @settings(max_examples=20)
    ... @given(st.data())
    ... def test_any_call_off_is_accepted(data):
    ...     agreement = data.draw(agreements())
    ...     call_off = data.draw(call_offs(agreement))
    ...     assert AgreementLedger(agreement=agreement, call_offs=[call_off]).problems() == ()
    >>> test_any_call_off_is_accepted()
    >>> make_agreement().ceiling
    Money(amount=Decimal('6000000'), currency='SEK')
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as error:  # pragma: no cover - exercised by a test that hides hypothesis
    raise ImportError(
        "ledarutveckling.testing needs Hypothesis; install the 'testing' extra: "
        'pip install "ledarutveckling[testing]"'
    ) from error

from ledarutveckling._testing.factories import (
    make_agreement,
    make_call_off,
    make_evaluation,
    make_ledger,
    make_module,
    make_ordering_unit,
    make_organisation,
    make_price_list,
    make_program,
    make_session,
    make_supplier,
    method_for,
)
from ledarutveckling._testing.strategies_broken import (
    AGREEMENT_RULES,
    CALL_OFF_RULES,
    Broken,
    invalid_agreements,
    invalid_call_offs,
)
from ledarutveckling._testing.strategies_evaluation import (
    evaluations,
    follow_up_meetings,
    questions,
    returns_on_investment,
)
from ledarutveckling._testing.strategies_procurement import (
    agreements,
    call_offs,
    catalogues,
    extension_options,
    indexations,
    ledgers,
    modules,
    price_lists,
    programs,
)
from ledarutveckling._testing.strategies_rollout import RolloutInstance, rollout_instances
from ledarutveckling._testing.strategies_scheduling import blackouts, sessions, working_calendars
from ledarutveckling._testing.strategies_values import (
    DEFAULT_PERIOD,
    date_ranges,
    dates,
    money,
    ordering_units,
    org_numbers,
    organisations,
)

__all__ = [
    "AGREEMENT_RULES",
    "CALL_OFF_RULES",
    "DEFAULT_PERIOD",
    "Broken",
    "RolloutInstance",
    "agreements",
    "blackouts",
    "call_offs",
    "catalogues",
    "date_ranges",
    "dates",
    "evaluations",
    "extension_options",
    "follow_up_meetings",
    "indexations",
    "invalid_agreements",
    "invalid_call_offs",
    "ledgers",
    "make_agreement",
    "make_call_off",
    "make_evaluation",
    "make_ledger",
    "make_module",
    "make_ordering_unit",
    "make_organisation",
    "make_price_list",
    "make_program",
    "make_session",
    "make_supplier",
    "method_for",
    "modules",
    "money",
    "ordering_units",
    "org_numbers",
    "organisations",
    "price_lists",
    "programs",
    "questions",
    "returns_on_investment",
    "rollout_instances",
    "sessions",
    "working_calendars",
]
