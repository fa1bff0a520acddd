"""Delivery and invoicing: held sessions, attendance, terms, invoice basis, statements (private).

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._delivery import (
    attendance,
    basis,
    invoice,
    peppol,
    peppol_check,
    sessions,
    statement,
)

publish(
    "ledarutveckling",
    attendance.Attendance,
    attendance.completed,
    basis.BasisLine,
    basis.ChargeKind,
    basis.InvoiceBasis,
    basis.VatSubtotal,
    basis.invoice_basis,
    invoice.Address,
    invoice.Buyer,
    invoice.CreditNote,
    invoice.Invoice,
    invoice.PaymentAccount,
    invoice.PaymentScheme,
    invoice.Seller,
    peppol_check.check_peppol,
    peppol.to_peppol,
    sessions.check_call_off_sessions,
    statement.CallOffStatement,
    statement.StatementRow,
    statement.delivery_statement,
    statement.ledger_statement,
)
