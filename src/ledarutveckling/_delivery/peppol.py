"""Writing invoices and credit notes as Peppol BIS Billing 3.0 (UBL 2.1) (private).

The XML is built element by element with the standard library's ElementTree, never from
text templates. The UBL prefixes (``cac``, ``cbc``) are written as declared names with their
``xmlns`` declarations on the root, so that no process-wide namespace table is changed
(:func:`xml.etree.ElementTree.register_namespace` would change one for every caller).
:func:`~ledarutveckling.check_peppol` (``peppol_check.py``) reads a document back.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import EXACT
from ledarutveckling._delivery.basis import BasisLine
from ledarutveckling._delivery.invoice import (
    F_TAX,
    Buyer,
    CreditNote,
    Invoice,
    Seller,
)
from ledarutveckling._delivery.peppol_check import check_peppol
from ledarutveckling._delivery.peppol_ubl import (
    CAC,
    CBC,
    CENT,
    CUSTOMIZATION,
    GLN_SCHEME,
    ORGANISATION_SCHEME,
    PROFILE,
    ROOT_NAMESPACES,
    plain_number,
)
from ledarutveckling._procurement.agreement import PriceUnit
from ledarutveckling.errors import ValidationError

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

__all__ = ["to_peppol"]


_UNIT_CODES: Final = {
    PriceUnit.HOUR: "HUR",
    PriceUnit.DAY: "DAY",
    PriceUnit.HALF_DAY: "C62",
    PriceUnit.SESSION: "C62",
    PriceUnit.PARTICIPANT: "C62",
    PriceUnit.FIXED: "C62",
}
"""UN/ECE Recommendation 20 unit codes: hour, day, and one (a unit) for the counted rest."""


def _amount(value: Decimal) -> str:
    """An amount with exactly two decimals (BR-DEC-…)."""
    return format(value.quantize(CENT, ROUND_HALF_UP, context=EXACT), "f")


def _price(value: Decimal) -> str:
    """A price: at least two decimals, more only if it has them."""
    exponent = value.normalize(context=EXACT).as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return _amount(value)
    return plain_number(value)


def _percent(rate: Decimal) -> str:
    return plain_number(EXACT.scaleb(rate, 2))


class _Writer:
    """Adds prefixed UBL elements to a tree."""

    def __init__(self, currency: str) -> None:
        self.currency = currency

    @staticmethod
    def add(
        parent: ET.Element, name: str, text: str | None = None, **attributes: str
    ) -> ET.Element:
        import xml.etree.ElementTree as ET  # loaded on first use, not by the import

        element = ET.SubElement(parent, name, attributes)
        if text is not None:
            element.text = text
        return element

    def money(self, parent: ET.Element, name: str, value: Decimal) -> ET.Element:
        return self.add(parent, name, _amount(value), currencyID=self.currency)


def _party(w: _Writer, parent: ET.Element, role: str, party: Seller | Buyer) -> None:
    organisation = party.organisation
    digits = organisation.org_number.replace("-", "")
    node = w.add(w.add(parent, role), "cac:Party")
    if isinstance(party, Buyer) and party.gln is not None:
        w.add(node, "cbc:EndpointID", party.gln, schemeID=GLN_SCHEME)
    else:
        w.add(node, "cbc:EndpointID", digits, schemeID=ORGANISATION_SCHEME)
    w.add(w.add(node, "cac:PartyName"), "cbc:Name", organisation.name)
    address = w.add(node, "cac:PostalAddress")
    w.add(address, "cbc:StreetName", party.address.street)
    w.add(address, "cbc:CityName", party.address.city)
    w.add(address, "cbc:PostalZone", party.address.postal_code)
    w.add(w.add(address, "cac:Country"), "cbc:IdentificationCode", party.address.country)
    if isinstance(party, Seller):
        vat = w.add(node, "cac:PartyTaxScheme")
        w.add(vat, "cbc:CompanyID", party.vat_id)
        w.add(w.add(vat, "cac:TaxScheme"), "cbc:ID", "VAT")
        if party.f_tax:
            tax = w.add(node, "cac:PartyTaxScheme")
            w.add(tax, "cbc:CompanyID", F_TAX)
            w.add(w.add(tax, "cac:TaxScheme"), "cbc:ID", "TAX")
    legal = w.add(node, "cac:PartyLegalEntity")
    w.add(legal, "cbc:RegistrationName", organisation.name)
    w.add(legal, "cbc:CompanyID", digits, schemeID=ORGANISATION_SCHEME)


def _line(w: _Writer, parent: ET.Element, kind: str, number: int, line: BasisLine) -> None:
    node = w.add(parent, f"cac:{kind}Line")
    w.add(node, "cbc:ID", str(number))
    quantity = "cbc:InvoicedQuantity" if kind == "Invoice" else "cbc:CreditedQuantity"
    w.add(node, quantity, plain_number(line.quantity), unitCode=_UNIT_CODES[line.unit])
    w.money(node, "cbc:LineExtensionAmount", line.amount.amount)
    w.add(w.add(node, "cac:OrderLineReference"), "cbc:LineID", str(line.line + 1))
    item = w.add(node, "cac:Item")
    w.add(item, "cbc:Name", line.description)
    w.add(w.add(item, "cac:SellersItemIdentification"), "cbc:ID", line.price_code)
    category = w.add(item, "cac:ClassifiedTaxCategory")
    w.add(category, "cbc:ID", "S")
    w.add(category, "cbc:Percent", _percent(line.vat_rate))
    w.add(w.add(category, "cac:TaxScheme"), "cbc:ID", "VAT")
    price = w.add(node, "cac:Price")
    w.add(price, "cbc:PriceAmount", _price(line.unit_price.amount), currencyID=w.currency)


def to_peppol(document: Invoice | CreditNote) -> bytes:
    """Write an invoice or credit note as Peppol BIS Billing 3.0 XML (UBL 2.1), UTF-8.

    What is written, by business term: the specification and process identifiers (BT-24,
    BT-23); number, issue date and, for an invoice, due date (BT-1, BT-2, BT-9); type code
    380 (invoice) or 381 (credit note) (BT-3); the note (BT-22); currency SEK (BT-5); the
    buyer's reference (BT-10); the invoicing period (BG-14); the call-off as order reference
    (BT-13); for a credit note, the invoice credited (BT-25); seller and buyer with their
    organisation numbers as electronic addresses in scheme 0007 (BT-34, BT-49; a buyer's GLN
    in scheme 0088 when it has one) and legal registrations (BT-30, BT-47), names, postal
    addresses; the seller's VAT number (BT-31) and "Godkänd för F-skatt" (BT-32); payment by
    credit transfer (code 30) to the bankgiro or plusgiro (BT-84, branch ``SE:BANKGIRO`` /
    ``SE:PLUSGIRO``) with the invoice number as payment reference (BT-83); payment terms
    (BT-20); the VAT breakdown per rate, category S (BG-23); the document totals (BG-22); and
    each line with its quantity and unit code, net amount, call-off line (BT-132), item name
    and price code, VAT rate and price.

    Every amount is computed from the invoice basis. The result is read back with
    :func:`check_peppol` before it is returned.

    Raises:
        ValidationError: If *document* is not an Invoice or CreditNote (path ``document``).

    Examples:
        >>> import xml.etree.ElementTree as ET
        >>> from ledarutveckling.examples import stockholm_invoice
        >>> root = ET.fromstring(to_peppol(stockholm_invoice()))
        >>> ns = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
        >>> root.find("cbc:BuyerReference", ns).text
        'SLK-4711'
    """
    if not isinstance(document, Invoice | CreditNote):
        raise ValidationError.single(
            "document", document, "must be an Invoice or a CreditNote", ProblemCode.WRONG_TYPE
        )
    kind = "Invoice" if isinstance(document, Invoice) else "CreditNote"
    basis = document.basis
    import xml.etree.ElementTree as ET  # loaded on first use, not by the import

    w = _Writer(basis.currency)
    root = ET.Element(kind, {"xmlns": ROOT_NAMESPACES[kind], "xmlns:cac": CAC, "xmlns:cbc": CBC})
    w.add(root, "cbc:CustomizationID", CUSTOMIZATION)
    w.add(root, "cbc:ProfileID", PROFILE)
    w.add(root, "cbc:ID", document.number)
    w.add(root, "cbc:IssueDate", document.issued_on.isoformat())
    if isinstance(document, Invoice):
        w.add(root, "cbc:DueDate", document.due_on.isoformat())
        w.add(root, "cbc:InvoiceTypeCode", "380")
    else:
        w.add(root, "cbc:CreditNoteTypeCode", "381")
    if document.note:
        w.add(root, "cbc:Note", document.note)
    w.add(root, "cbc:DocumentCurrencyCode", basis.currency)
    w.add(root, "cbc:BuyerReference", document.buyer_reference)
    period = w.add(root, "cac:InvoicePeriod")
    w.add(period, "cbc:StartDate", basis.period.start.isoformat())
    w.add(period, "cbc:EndDate", basis.period.end.isoformat())
    w.add(w.add(root, "cac:OrderReference"), "cbc:ID", document.order_reference)
    if isinstance(document, CreditNote):
        reference = w.add(w.add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        w.add(reference, "cbc:ID", document.credited_invoice)
    _party(w, root, "cac:AccountingSupplierParty", document.seller)
    _party(w, root, "cac:AccountingCustomerParty", document.buyer)
    means = w.add(root, "cac:PaymentMeans")
    w.add(means, "cbc:PaymentMeansCode", "30")
    w.add(means, "cbc:PaymentID", document.number)
    account = w.add(means, "cac:PayeeFinancialAccount")
    w.add(account, "cbc:ID", document.seller.account.number)
    branch = w.add(account, "cac:FinancialInstitutionBranch")
    w.add(branch, "cbc:ID", document.seller.account.scheme.value)
    terms = w.add(root, "cac:PaymentTerms")
    if isinstance(document, Invoice):
        days = (document.due_on - document.issued_on).days
        w.add(terms, "cbc:Note", f"Betalning senast {document.due_on.isoformat()} ({days} dagar)")
    else:
        w.add(terms, "cbc:Note", f"Kreditering av faktura {document.credited_invoice}")
    tax = w.add(root, "cac:TaxTotal")
    w.money(tax, "cbc:TaxAmount", document.vat_total.amount)
    for subtotal in document.vat_breakdown():
        node = w.add(tax, "cac:TaxSubtotal")
        w.money(node, "cbc:TaxableAmount", subtotal.taxable.amount)
        w.money(node, "cbc:TaxAmount", subtotal.vat.amount)
        category = w.add(node, "cac:TaxCategory")
        w.add(category, "cbc:ID", "S")
        w.add(category, "cbc:Percent", _percent(subtotal.rate))
        w.add(w.add(category, "cac:TaxScheme"), "cbc:ID", "VAT")
    totals = w.add(root, "cac:LegalMonetaryTotal")
    w.money(totals, "cbc:LineExtensionAmount", document.line_total.amount)
    w.money(totals, "cbc:TaxExclusiveAmount", document.line_total.amount)
    w.money(totals, "cbc:TaxInclusiveAmount", document.total.amount)
    w.money(totals, "cbc:PayableAmount", document.total.amount)
    for number, line in enumerate(basis.lines, start=1):
        _line(w, root, kind, number, line)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    check_peppol(data)
    return data
