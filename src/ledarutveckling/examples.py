r"""Example data: the City of Stockholm's framework agreement for leader and employee development.

Every function returns fresh objects (nothing here is shared or mutable), so tests, docs and
notebooks can start from a realistic agreement and change what they need with
:func:`attrs.evolve`. The offerings follow the consultancy's account of its work for
Stockholms stad; the supplier, the references, the prices and the index values are made up
(the index values are *not* SCB's published figures).

Examples:
    >>> import pendulum
    >>> from ledarutveckling.formatting import format_money
    >>> ledger = stockholm_ledger()
    >>> ledger.agreement.buyer.name, ledger.agreement.supplier.name
    ('Stockholms stad', 'Exempelkonsulterna i Stockholm AB')
    >>> len(stockholm_catalogue()), len(ledger.call_offs)
    (11, 7)
    >>> format_money(ledger.remaining(pendulum.date(2026, 11, 27)))
    '6\xa0962\xa0914,60\xa0kr'
"""

from __future__ import annotations

from ledarutveckling._examples.delivery import (
    stockholm_attendance,
    stockholm_buyer,
    stockholm_credit_note,
    stockholm_delivery,
    stockholm_delivery_terms,
    stockholm_invoice,
    stockholm_invoice_basis,
    stockholm_seller,
    stockholm_sessions,
)
from ledarutveckling._examples.evaluations import (
    stockholm_evaluations,
    stockholm_follow_up_meetings,
)
from ledarutveckling._examples.stockholm import (
    example_supplier,
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_ledger,
    stockholm_units,
    stockholms_stad,
)

__all__ = [
    "example_supplier",
    "stockholm_agreement",
    "stockholm_attendance",
    "stockholm_buyer",
    "stockholm_catalogue",
    "stockholm_credit_note",
    "stockholm_delivery",
    "stockholm_delivery_terms",
    "stockholm_evaluations",
    "stockholm_follow_up_meetings",
    "stockholm_invoice",
    "stockholm_invoice_basis",
    "stockholm_ledger",
    "stockholm_seller",
    "stockholm_sessions",
    "stockholm_units",
    "stockholms_stad",
]
