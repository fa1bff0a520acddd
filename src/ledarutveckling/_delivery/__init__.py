"""Delivery and invoicing: held sessions, attendance, delivery terms, invoice basis (private).

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._delivery import attendance, basis, invoice, peppol, sessions

publish(
    "ledarutveckling",
    attendance.Attendance,
    attendance.completed,
    basis.BasisLine,
    basis.CallOffStatement,
    basis.ChargeKind,
    basis.InvoiceBasis,
    basis.StatementRow,
    basis.VatSubtotal,
    basis.delivery_statement,
    basis.invoice_basis,
    basis.ledger_statement,
    invoice.Address,
    invoice.Buyer,
    invoice.CreditNote,
    invoice.Invoice,
    invoice.PaymentAccount,
    invoice.PaymentScheme,
    invoice.Seller,
    peppol.check_peppol,
    peppol.to_peppol,
    sessions.check_call_off_sessions,
)
