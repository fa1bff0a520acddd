"""Checking a Peppol BIS Billing 3.0 invoice or credit note read back (private).

:func:`check_peppol` checks the business rules that concern what this library writes
(``peppol.py``; the names both share are in ``peppol_ubl.py``): the totals (EN 16931
BR-CO-10 to BR-CO-17, BR-S-08, BR-S-09), the line amounts (PEPPOL-EN16931-R120), the
references, addresses and identifiers, and Peppol's Swedish rules (SE-R-001 to SE-R-011,
SE-R-013). The tests also run the documents through the official CEN-EN16931-UBL Schematron
(tests/test_peppol_schematron.py).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import EXACT
from ledarutveckling._delivery.invoice import (
    F_TAX,
    SWEDISH_VAT_RATES,
    gln_check_digit_ok,
)
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
from ledarutveckling.errors import ValidationError

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

__all__ = ["check_peppol"]


_NS: Final = {"cac": CAC, "cbc": CBC}


_EAS: Final = frozenset(
    """0002 0007 0009 0060 0088 0096 0097 0106 0130 0135 0142 0151 0158 0183 0184 0188 0190 0191
    0192 0195 0196 0198 0199 0200 0201 0204 0208 0209 0210 0211 0216 0218 0221 0225 0230 0235
    0240 0242 0244 0245 0246 0248 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926
    9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944
    9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959""".split()  # noqa: SIM905 (a code list, as published)
)
"""Peppol's Electronic Address Scheme codes, as BIS Billing 3.0.21 checks an EndpointID's
scheme (PEPPOL-EN16931-CL008). 9955, the Swedish VAT number, is no longer among them."""


def _decimal(checks: Checker, path: str, element: ET.Element | None) -> Decimal | None:
    if element is None or element.text is None:
        checks.add(path, None, "is missing", ProblemCode.MISSING_KEY)
        return None
    try:
        value = Decimal(element.text.strip())
    except InvalidOperation:
        checks.add(
            path, element.text, "must be a number", ProblemCode.MUST_BE, expected=Expected.NUMBER
        )
        return None
    if not value.is_finite():
        checks.add(
            path, element.text, "must be a number", ProblemCode.MUST_BE, expected=Expected.NUMBER
        )
        return None
    return value


def _two_decimals(checks: Checker, path: str, element: ET.Element | None) -> Decimal | None:
    value = _decimal(checks, path, element)
    if value is not None and value.as_tuple().exponent < -2:  # type: ignore[operator]
        checks.add(
            path,
            element.text if element is not None else None,
            "must have at most two decimals (BR-DEC)",
            ProblemCode.PEPPOL_DECIMALS,
            given=value,
            rule="BR-DEC",
        )
    return value


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP, context=EXACT)


def _luhn(digits: str) -> bool:
    from stdnum import luhn

    return digits.isascii() and digits.isdigit() and luhn.is_valid(digits)


def check_peppol(data: bytes) -> None:
    """Read a Peppol BIS Billing 3.0 invoice or credit note and check the rules it relies on.

    Checked, each reported with its rule's identifier: the specification and process
    identifiers (PEPPOL-EN16931-R004, R001), no empty elements (R008), a buyer's reference or
    order reference (R003), the electronic addresses (R010, R020), one currency (R051), at
    least one line (BR-16), each line's net amount = quantity × price (R120), the sum of the
    lines (BR-CO-10), the total without VAT (BR-CO-13), the VAT per rate = taxable amount ×
    rate (BR-CO-17, BR-S-09) and its taxable amount = the lines at that rate (BR-S-08), the
    VAT total (BR-CO-14), the total with VAT (BR-CO-15), the amount due (BR-CO-16), two
    decimals on amounts (BR-DEC), the schemes of the electronic addresses (CL008), Swedish
    organisation numbers (PEPPOL-COMMON-R049) and GLNs (PEPPOL-COMMON-R040) wherever an
    identifier names scheme 0007 or 0088, and the Swedish rules: the VAT number (SE-R-001,
    SE-R-002), the seller's organisation number (SE-R-003, SE-R-004, SE-R-013), "Godkänd
    för F-skatt" (SE-R-005), the VAT rates (SE-R-006), the bankgiro and plusgiro numbers
    (SE-R-007 to SE-R-010) and payment means code 30 for them (SE-R-011).

    Raises:
        ValidationError: Listing every rule broken, with the element's path.

    Examples:
        >>> from ledarutveckling.examples import stockholm_invoice
        >>> check_peppol(to_peppol(stockholm_invoice()))
        >>> check_peppol(b"<Invoice/>")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: ...
    """
    import xml.etree.ElementTree as ET  # loaded on first use, not by the import

    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise ValidationError.single(
            "data", None, f"is not well-formed XML: {error}", ProblemCode.NOT_XML
        ) from None
    kind = next((k for k, ns in ROOT_NAMESPACES.items() if root.tag == f"{{{ns}}}{k}"), None)
    if kind is None:
        raise ValidationError.single(
            "data", root.tag, "must be a UBL 2.1 Invoice or CreditNote", ProblemCode.NOT_UBL
        )
    checks = Checker()

    def find(path: str, node: ET.Element = root) -> ET.Element | None:
        return node.find(path, _NS)

    def text(path: str, node: ET.Element = root) -> str | None:
        found = find(path, node)
        return None if found is None or found.text is None else found.text.strip()

    for element in root.iter():
        if len(element) == 0 and not (element.text or "").strip():
            checks.add(
                _local(element.tag),
                None,
                "must not be empty (PEPPOL-EN16931-R008)",
                ProblemCode.PEPPOL_EMPTY,
                rule="PEPPOL-EN16931-R008",
            )
    if text("cbc:CustomizationID") != CUSTOMIZATION:
        checks.add(
            "CustomizationID",
            text("cbc:CustomizationID"),
            f"must be {CUSTOMIZATION!r} (PEPPOL-EN16931-R004)",
            ProblemCode.PEPPOL_WANTED,
            wanted=CUSTOMIZATION,
            rule="PEPPOL-EN16931-R004",
        )
    if text("cbc:ProfileID") != PROFILE:
        checks.add(
            "ProfileID",
            text("cbc:ProfileID"),
            f"must be {PROFILE!r} (PEPPOL-EN16931-R001)",
            ProblemCode.PEPPOL_WANTED,
            wanted=PROFILE,
            rule="PEPPOL-EN16931-R001",
        )
    if not text("cbc:BuyerReference") and not text("cac:OrderReference/cbc:ID"):
        checks.add(
            "BuyerReference",
            None,
            "a buyer reference or order reference must be given (PEPPOL-EN16931-R003)",
            ProblemCode.PEPPOL_REFERENCE,
            rule="PEPPOL-EN16931-R003",
        )
    currency = text("cbc:DocumentCurrencyCode")
    for element in root.iter():
        given = element.get("currencyID")
        if given is not None and given != currency:
            checks.add(
                f"{_local(element.tag)}/@currencyID",
                given,
                f"must be the document currency {currency!r} (PEPPOL-EN16931-R051)",
                ProblemCode.PEPPOL_WANTED,
                wanted=currency,
                rule="PEPPOL-EN16931-R051",
            )
    _check_parties(checks, find, text)
    _check_identifiers(checks, root)
    _check_totals(checks, root, kind, find)
    checks.done()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _check_identifiers(checks: Checker, root: ET.Element) -> None:
    """The schemes of the electronic addresses and the identifiers in schemes 0007 and 0088."""
    found: list[tuple[str, ET.Element]] = []

    def walk(node: ET.Element, path: str) -> None:
        for child in node:
            local = _local(child.tag)
            here = f"{path}/{local}" if path else local
            named = local in ("EndpointID", "CompanyID") or (
                local == "ID" and _local(node.tag) == "PartyIdentification"
            )
            if named and child.get("schemeID") is not None:
                found.append((here, child))
            walk(child, here)

    walk(root, "")
    for path, element in found:
        scheme = element.get("schemeID")
        value = (element.text or "").strip()
        if _local(element.tag) == "EndpointID" and scheme not in _EAS:
            checks.add(
                f"{path}/@schemeID",
                scheme,
                "must be a Peppol electronic address scheme (PEPPOL-EN16931-CL008)",
                ProblemCode.PEPPOL_SCHEME,
                given=scheme,
                rule="PEPPOL-EN16931-CL008",
            )
        if scheme == ORGANISATION_SCHEME and (len(value) != 10 or not _luhn(value)):
            checks.add(
                path,
                value,
                "must be a valid Swedish organisation number, 10 digits (PEPPOL-COMMON-R049)",
                ProblemCode.PEPPOL_ORG_NUMBER,
                given=value,
                rule="PEPPOL-COMMON-R049",
            )
        if scheme == GLN_SCHEME and not gln_check_digit_ok(value):
            checks.add(
                path,
                value,
                "must be a GLN with a valid GS1 check digit (PEPPOL-COMMON-R040)",
                ProblemCode.PEPPOL_GLN,
                given=value,
                rule="PEPPOL-COMMON-R040",
            )


def _check_parties(
    checks: Checker,
    find: Callable[..., ET.Element | None],
    text: Callable[..., str | None],
) -> None:
    seller = "cac:AccountingSupplierParty/cac:Party"
    buyer = "cac:AccountingCustomerParty/cac:Party"
    for role, path, rule in (("Seller", seller, "R020"), ("Buyer", buyer, "R010")):
        if not text(f"{path}/cbc:EndpointID"):
            checks.add(
                f"{role}/EndpointID",
                None,
                f"must be given (PEPPOL-EN16931-{rule})",
                ProblemCode.PEPPOL_MISSING,
                rule=f"PEPPOL-EN16931-{rule}",
            )
        if not text(f"{path}/cac:PostalAddress/cac:Country/cbc:IdentificationCode"):
            checks.add(
                f"{role}/PostalAddress",
                None,
                "must have a country code (BR-09, BR-11)",
                ProblemCode.PEPPOL_MISSING,
                rule="BR-09, BR-11",
            )
    if text(f"{seller}/cac:PostalAddress/cac:Country/cbc:IdentificationCode") != "SE":
        return  # the Swedish rules apply to Swedish sellers
    vat = None
    tax_text = None
    node = find(seller)
    schemes = node.findall("cac:PartyTaxScheme", _NS) if node is not None else []
    for scheme in schemes:
        if text("cac:TaxScheme/cbc:ID", scheme) == "VAT":
            vat = text("cbc:CompanyID", scheme)
        else:
            tax_text = text("cbc:CompanyID", scheme)
            if (tax_text or "").upper() != F_TAX.upper():
                checks.add(
                    "Seller/PartyTaxScheme/CompanyID",
                    tax_text,
                    f"must be {F_TAX!r} (SE-R-005)",
                    ProblemCode.PEPPOL_WANTED,
                    wanted=F_TAX,
                    rule="SE-R-005",
                )
    if vat is not None and vat.startswith("SE"):
        if len(vat) != 14:
            checks.add(
                "Seller/VAT",
                vat,
                "must have 14 characters (SE-R-001)",
                ProblemCode.VAT_NUMBER_FORMAT,
                given=vat,
            )
        elif not (vat[2:].isascii() and vat[2:].isdigit()):
            checks.add(
                "Seller/VAT",
                vat,
                "must end in 12 digits (SE-R-002)",
                ProblemCode.VAT_NUMBER_FORMAT,
                given=vat,
            )
    legal = text(f"{seller}/cac:PartyLegalEntity/cbc:CompanyID")
    if legal is not None:
        if not (legal.isascii() and legal.isdigit()):
            checks.add(
                "Seller/PartyLegalEntity/CompanyID",
                legal,
                "must be numeric (SE-R-003)",
                ProblemCode.PEPPOL_NOT_DIGITS,
                given=legal,
                rule="SE-R-003",
            )
        elif len(legal) != 10:
            checks.add(
                "Seller/PartyLegalEntity/CompanyID",
                legal,
                "must have 10 digits (SE-R-004)",
                ProblemCode.PEPPOL_DIGITS,
                given=legal,
                count="10",
                rule="SE-R-004",
            )
        elif not _luhn(legal):
            checks.add(
                "Seller/PartyLegalEntity/CompanyID",
                legal,
                "must end in a valid check digit (Luhn) (SE-R-013)",
                ProblemCode.PEPPOL_ORG_NUMBER,
                given=legal,
                rule="SE-R-013",
            )
    for index, means in enumerate(find(".").findall("cac:PaymentMeans", _NS)):  # type: ignore[union-attr]
        code = text("cbc:PaymentMeansCode", means)
        if code in ("50", "56"):
            checks.add(
                f"PaymentMeans[{index}]/PaymentMeansCode",
                code,
                "must be 30 with branch SE:BANKGIRO or SE:PLUSGIRO (SE-R-011)",
                ProblemCode.PEPPOL_PAYMENT_MEANS,
                given=code,
                rule="SE-R-011",
            )
        branch = text("cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID", means)
        account = text("cac:PayeeFinancialAccount/cbc:ID", means) or ""
        if code != "30" or branch not in ("SE:BANKGIRO", "SE:PLUSGIRO"):
            continue
        bankgiro = branch == "SE:BANKGIRO"
        path = f"PaymentMeans[{index}]/PayeeFinancialAccount/ID"
        if not (account.isascii() and account.isdigit()):
            checks.add(
                path,
                account,
                f"must be numeric ({'SE-R-008' if bankgiro else 'SE-R-007'})",
                ProblemCode.PEPPOL_NOT_DIGITS,
                given=account,
                rule="SE-R-008" if bankgiro else "SE-R-007",
            )
        elif bankgiro and len(account) not in (7, 8):
            checks.add(
                path,
                account,
                "must have 7-8 digits (SE-R-009)",
                ProblemCode.PEPPOL_DIGITS,
                given=account,
                count="7–8",
                rule="SE-R-009",
            )
        elif not bankgiro and not 2 <= len(account) <= 8:
            checks.add(
                path,
                account,
                "must have 2-8 digits (SE-R-010)",
                ProblemCode.PEPPOL_DIGITS,
                given=account,
                count="2–8",
                rule="SE-R-010",
            )


def _check_totals(
    checks: Checker, root: ET.Element, kind: str, find: Callable[..., ET.Element | None]
) -> None:
    lines = root.findall(f"cac:{kind}Line", _NS)
    if not lines:
        checks.add(
            f"{kind}Line",
            None,
            "at least one line must be given (BR-16)",
            ProblemCode.INVOICE_NO_LINES,
        )
    quantity_name = "cbc:InvoicedQuantity" if kind == "Invoice" else "cbc:CreditedQuantity"
    line_sum = Decimal(0)
    taxable: dict[Decimal, Decimal] = {}
    for index, line in enumerate(lines):
        path = f"{kind}Line[{index}]"
        amount = _two_decimals(
            checks, f"{path}/LineExtensionAmount", line.find("cbc:LineExtensionAmount", _NS)
        )
        quantity = _decimal(checks, f"{path}/Quantity", line.find(quantity_name, _NS))
        price = _decimal(checks, f"{path}/Price", line.find("cac:Price/cbc:PriceAmount", _NS))
        rate = _decimal(
            checks,
            f"{path}/Percent",
            line.find("cac:Item/cac:ClassifiedTaxCategory/cbc:Percent", _NS),
        )
        if price is not None and price < 0:
            checks.add(
                f"{path}/Price",
                str(price),
                "must not be negative (BR-27)",
                ProblemCode.PEPPOL_NEGATIVE_PRICE,
                given=price,
                rule="BR-27",
            )
        if amount is None:
            continue
        line_sum += amount
        if quantity is not None and price is not None and amount != _round(quantity * price):
            checks.add(
                f"{path}/LineExtensionAmount",
                str(amount),
                f"must equal quantity × price, {_round(quantity * price)} (PEPPOL-EN16931-R120)",
                ProblemCode.PEPPOL_AMOUNT,
                given=amount,
                wanted=_round(quantity * price),
                rule="PEPPOL-EN16931-R120",
            )
        if rate is not None:
            if plain_number(rate) not in SWEDISH_VAT_RATES:
                checks.add(
                    f"{path}/Percent",
                    str(rate),
                    "must be 25, 12 or 6 (SE-R-006)",
                    ProblemCode.VAT_RATE_NOT_SWEDISH,
                    given=f"{plain_number(rate)} %",
                )
            taxable[rate] = taxable.get(rate, Decimal(0)) + amount
    totals = find("cac:LegalMonetaryTotal")

    def total(name: str) -> Decimal | None:
        node = None if totals is None else totals.find(f"cbc:{name}", _NS)
        return _two_decimals(checks, f"LegalMonetaryTotal/{name}", node)

    lines_total, exclusive = total("LineExtensionAmount"), total("TaxExclusiveAmount")
    inclusive, payable = total("TaxInclusiveAmount"), total("PayableAmount")
    prepaid_node = None if totals is None else totals.find("cbc:PrepaidAmount", _NS)
    prepaid = Decimal(0) if prepaid_node is None else _decimal(checks, "Prepaid", prepaid_node)
    rounding_node = None if totals is None else totals.find("cbc:PayableRoundingAmount", _NS)
    rounding = Decimal(0) if rounding_node is None else _decimal(checks, "Rounding", rounding_node)
    if lines_total is not None and lines_total != line_sum:
        checks.add(
            "LegalMonetaryTotal/LineExtensionAmount",
            str(lines_total),
            f"must be the sum of the lines' net amounts, {line_sum} (BR-CO-10)",
            ProblemCode.PEPPOL_AMOUNT,
            given=lines_total,
            wanted=line_sum,
            rule="BR-CO-10",
        )
    if exclusive is not None and lines_total is not None and exclusive != lines_total:
        checks.add(
            "LegalMonetaryTotal/TaxExclusiveAmount",
            str(exclusive),
            f"must be the sum of the lines without allowances or charges, {lines_total} (BR-CO-13)",
            ProblemCode.PEPPOL_AMOUNT,
            given=exclusive,
            wanted=lines_total,
            rule="BR-CO-13",
        )
    tax_totals = [
        t for t in root.findall("cac:TaxTotal", _NS) if t.find("cac:TaxSubtotal", _NS) is not None
    ]
    if len(tax_totals) != 1:
        checks.add(
            "TaxTotal",
            len(tax_totals),
            "exactly one tax total with subtotals must be given (PEPPOL-EN16931-R053)",
            ProblemCode.PEPPOL_TAX_TOTAL,
            rule="PEPPOL-EN16931-R053",
        )
        return
    vat_total = _two_decimals(
        checks, "TaxTotal/TaxAmount", tax_totals[0].find("cbc:TaxAmount", _NS)
    )
    vat_sum = Decimal(0)
    seen: set[Decimal] = set()
    for index, sub in enumerate(tax_totals[0].findall("cac:TaxSubtotal", _NS)):
        path = f"TaxSubtotal[{index}]"
        base = _two_decimals(checks, f"{path}/TaxableAmount", sub.find("cbc:TaxableAmount", _NS))
        vat = _two_decimals(checks, f"{path}/TaxAmount", sub.find("cbc:TaxAmount", _NS))
        rate = _decimal(checks, f"{path}/Percent", sub.find("cac:TaxCategory/cbc:Percent", _NS))
        if base is None or vat is None or rate is None:
            continue
        vat_sum += vat
        seen.add(rate)
        if plain_number(rate) not in SWEDISH_VAT_RATES:
            checks.add(
                f"{path}/Percent",
                str(rate),
                "must be 25, 12 or 6 (SE-R-006)",
                ProblemCode.VAT_RATE_NOT_SWEDISH,
                given=f"{plain_number(rate)} %",
            )
        if vat != _round(base * rate / 100):
            checks.add(
                f"{path}/TaxAmount",
                str(vat),
                f"must be taxable amount × rate, {_round(base * rate / 100)} (BR-CO-17, BR-S-09)",
                ProblemCode.PEPPOL_AMOUNT,
                given=vat,
                wanted=_round(base * rate / 100),
                rule="BR-CO-17, BR-S-09",
            )
        if base != taxable.get(rate, Decimal(0)):
            checks.add(
                f"{path}/TaxableAmount",
                str(base),
                f"must be the sum of the lines at {plain_number(rate)} %, "
                f"{taxable.get(rate, Decimal(0))} (BR-S-08)",
                ProblemCode.PEPPOL_AMOUNT,
                given=base,
                wanted=taxable.get(rate, Decimal(0)),
                rule="BR-S-08",
            )
    for rate in sorted(set(taxable) - seen):
        checks.add(
            "TaxTotal",
            plain_number(rate),
            "every VAT rate of a line needs a subtotal (BR-S-01)",
            ProblemCode.PEPPOL_TAX_SUBTOTAL,
            given=plain_number(rate),
            rule="BR-S-01",
        )
    if vat_total is not None and vat_total != vat_sum:
        checks.add(
            "TaxTotal/TaxAmount",
            str(vat_total),
            f"must be the sum of the VAT per rate, {vat_sum} (BR-CO-14)",
            ProblemCode.PEPPOL_AMOUNT,
            given=vat_total,
            wanted=vat_sum,
            rule="BR-CO-14",
        )
    if inclusive is not None and exclusive is not None and vat_total is not None:
        if inclusive != exclusive + vat_total:
            checks.add(
                "LegalMonetaryTotal/TaxInclusiveAmount",
                str(inclusive),
                f"must be the total without VAT plus the VAT, {exclusive + vat_total} (BR-CO-15)",
                ProblemCode.PEPPOL_AMOUNT,
                given=inclusive,
                wanted=exclusive + vat_total,
                rule="BR-CO-15",
            )
        if (
            payable is not None
            and prepaid is not None
            and rounding is not None
            and payable != inclusive - prepaid + rounding
        ):
            checks.add(
                "LegalMonetaryTotal/PayableAmount",
                str(payable),
                "must be the total with VAT less what is paid, plus rounding, "
                f"{inclusive - prepaid + rounding} (BR-CO-16)",
                ProblemCode.PEPPOL_AMOUNT,
                given=payable,
                wanted=inclusive - prepaid + rounding,
                rule="BR-CO-16",
            )
