"""The bundled City of Stockholm example data behind :mod:`ledarutveckling.examples`.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._examples import delivery, evaluations, stockholm

publish(
    "ledarutveckling.examples",
    delivery.stockholm_attendance,
    delivery.stockholm_buyer,
    delivery.stockholm_credit_note,
    delivery.stockholm_delivery,
    delivery.stockholm_delivery_terms,
    delivery.stockholm_invoice,
    delivery.stockholm_invoice_basis,
    delivery.stockholm_seller,
    delivery.stockholm_sessions,
    evaluations.stockholm_evaluations,
    evaluations.stockholm_follow_up_meetings,
    stockholm.example_supplier,
    stockholm.stockholm_agreement,
    stockholm.stockholm_catalogue,
    stockholm.stockholm_ledger,
    stockholm.stockholm_units,
    stockholm.stockholms_stad,
)
