"""Invoices and credit notes built from an invoice basis, for Peppol BIS Billing 3.0 (private).

The rules of EN 16931 (BR-…), Peppol (PEPPOL-EN16931-R…) and Peppol's Swedish rules (SE-R-…)
that a model can break are checked when an :class:`Invoice` or :class:`CreditNote` is built;
the amounts are computed from the basis, never given. :func:`~ledarutveckling.to_peppol`
writes the XML.
"""

from __future__ import annotations

import enum
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._delivery.basis import InvoiceBasis, VatSubtotal
from ledarutveckling._procurement.checks import check_date
from ledarutveckling._procurement.parties import Organisation

__all__ = [
    "SWEDISH_VAT_RATES",
    "Address",
    "Buyer",
    "CreditNote",
    "Invoice",
    "PaymentAccount",
    "PaymentScheme",
    "Seller",
]


SWEDISH_VAT_RATES: Final = frozenset({"25", "12", "6"})
"""The Swedish VAT rates in per cent a Swedish seller may use with category S (SE-R-006)."""


F_TAX: Final = "Godkänd för F-skatt"
"""What a Swedish seller with F-skatt states as its tax registration (SE-R-005)."""


class PaymentScheme(Labelled, enum.Enum):
    """How the buyer pays: to a bankgiro or a plusgiro number (payment means code 30).

    Examples:
        >>> PaymentScheme.BANKGIRO.value, PaymentScheme.PLUSGIRO.label()
        ('SE:BANKGIRO', 'plusgiro')
    """

    BANKGIRO = "SE:BANKGIRO"
    """Bankgiro: 7 or 8 digits with a check digit."""
    PLUSGIRO = "SE:PLUSGIRO"
    """Plusgiro: 2 to 8 digits with a check digit."""

    def _labels(self) -> Words[PaymentScheme]:
        return _SCHEME_LABELS


_SCHEME_LABELS: Final[Words[PaymentScheme]] = Words(
    {
        PaymentScheme.BANKGIRO: ("bankgiro", "bankgiro"),
        PaymentScheme.PLUSGIRO: ("plusgiro", "plusgiro"),
    },
    keys=PaymentScheme,
)


def _digits(value: object) -> object:
    """Converter: ``"5050-1055"`` or ``"5050 1055"`` becomes ``"50501055"``; the rest is checked."""
    if isinstance(value, str):
        return value.replace("-", "").replace(" ", "")
    return value


@attrs.frozen(kw_only=True)
class PaymentAccount:
    """The seller's bankgiro or plusgiro account (betalningsmottagare).

    Attributes:
        scheme: Bankgiro or plusgiro.
        number: The account number; hyphens and spaces are removed (``"5050-1055"``).

    Raises:
        ValidationError: If the number is not digits (SE-R-007, SE-R-008), has the wrong
            length (bankgiro 7–8 digits, SE-R-009; plusgiro 2–8, SE-R-010) or a wrong check
            digit (both use the Luhn algorithm).

    Examples:
        >>> PaymentAccount(scheme=PaymentScheme.BANKGIRO, number="5050-1055").number
        '50501055'
        >>> PaymentAccount(scheme=PaymentScheme.BANKGIRO, number="505010")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: number: must have 7 or 8 digits for a bankgiro ...
    """

    scheme: PaymentScheme
    number: str = attrs.field(converter=_digits)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if not checks.member("scheme", self.scheme, PaymentScheme):
            checks.done()
        bankgiro = self.scheme is PaymentScheme.BANKGIRO
        rule = ("SE-R-008", "SE-R-009") if bankgiro else ("SE-R-007", "SE-R-010")
        low, high = (7, 8) if bankgiro else (2, 8)
        name = self.scheme.label("en_GB")
        if (
            not isinstance(self.number, str)
            or not self.number.isascii()
            or not self.number.isdigit()
        ):
            checks.add(
                "number",
                self.number,
                f"must be digits only ({rule[0]})",
                ProblemCode.ACCOUNT_DIGITS,
            )
        elif not low <= len(self.number) <= high:
            span = f"{low} or {high}" if bankgiro else f"{low} to {high}"
            checks.add(
                "number",
                self.number,
                f"must have {span} digits for a {name} ({rule[1]})",
                ProblemCode.ACCOUNT_LENGTH,
                scheme=self.scheme,
                least=low,
                most=high,
                count=len(self.number),
            )
        else:
            from stdnum import luhn

            if not luhn.is_valid(self.number):
                checks.add(
                    "number",
                    self.number,
                    f"has a wrong check digit for a {name} (Luhn)",
                    ProblemCode.ACCOUNT_CHECK_DIGIT,
                    scheme=self.scheme,
                    number=self.number,
                )
        checks.done()


def _check_country(checks: Checker, path: str, value: object) -> None:
    if not (isinstance(value, str) and len(value) == 2 and value.isascii() and value.isupper()):
        checks.add(
            path,
            value,
            "must be an ISO 3166-1 alpha-2 code in upper case, e.g. 'SE'",
            ProblemCode.COUNTRY_CODE,
            given=value,
        )


@attrs.frozen(kw_only=True)
class Address:
    """A postal address (BR-08/BR-10: seller and buyer each need one, with a country, BR-09/11).

    Attributes:
        street: The street address or box, e.g. ``"Hantverkargatan 3"``.
        postal_code: The postal code; a Swedish one is 5 digits, ``"112 21"`` or ``"11221"``.
        city: The post town.
        country: The ISO 3166-1 alpha-2 country code, ``"SE"`` by default.

    Raises:
        ValidationError: Listing every field that breaks a rule.
    """

    street: str
    postal_code: str
    city: str
    country: str = "SE"

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("street", self.street)
        checks.text("city", self.city)
        _check_country(checks, "country", self.country)
        if checks.text("postal_code", self.postal_code) and self.country == "SE":
            digits = self.postal_code.replace(" ", "")
            if not (len(digits) == 5 and digits.isascii() and digits.isdigit()):
                checks.add(
                    "postal_code",
                    self.postal_code,
                    "must be 5 digits, e.g. '112 21'",
                    ProblemCode.POSTAL_CODE,
                    given=self.postal_code,
                )
        checks.done()


def _vat_number(organisation: Organisation) -> str:
    return "SE" + organisation.org_number.replace("-", "") + "01"


def _org_digits(organisation: Organisation) -> str:
    return organisation.org_number.replace("-", "")


def check_vat_format(checks: Checker, path: str, number: object) -> bool:
    """Record a problem unless *number* is a Swedish VAT number: ``SE`` and 12 digits.

    Shared by :class:`Seller` and the delivery document's seller details.
    """
    if not isinstance(number, str) or len(number) != 14:
        checks.add(
            path,
            number,
            "must have 14 characters, SE + 12 digits (SE-R-001)",
            ProblemCode.VAT_NUMBER_FORMAT,
            given=number,
        )
        return False
    if not (number.startswith("SE") and number[2:].isascii() and number[2:].isdigit()):
        checks.add(
            path,
            number,
            "must be SE and 12 digits (SE-R-002)",
            ProblemCode.VAT_NUMBER_FORMAT,
            given=number,
        )
        return False
    return True


@attrs.frozen(kw_only=True)
class Seller:
    """The supplier as invoicing party: legal entity, address, VAT number, F-skatt, account.

    Attributes:
        organisation: The legal entity; its organisation number is its electronic address
            (scheme 0007) and legal registration.
        address: Its postal address (BR-08, BR-09).
        account: The bankgiro or plusgiro the buyer pays to.
        vat_number: The Swedish VAT number, ``SE`` + the 10 digits + ``01``; ``None`` (the
            default) derives it from the organisation number.
        f_tax: Whether the seller is approved for F-tax; then the invoice states
            "Godkänd för F-skatt" (SE-R-005), as a Swedish seller must for the buyer not to
            withhold tax.

    Raises:
        ValidationError: If the VAT number does not have 14 characters (SE-R-001), is not
            ``SE`` and 12 digits (SE-R-002), or is not the organisation's.
    """

    organisation: Organisation
    address: Address
    account: PaymentAccount
    vat_number: str | None = None
    f_tax: bool = True

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        org_ok = checks.instance("organisation", self.organisation, Organisation, "an Organisation")
        checks.instance("address", self.address, Address, "an Address")
        checks.instance("account", self.account, PaymentAccount, "a PaymentAccount")
        if not isinstance(self.f_tax, bool):
            checks.add(
                "f_tax",
                self.f_tax,
                "must be True or False",
                ProblemCode.MUST_BE,
                expected=Expected.BOOLEAN,
            )
        number = self.vat_number
        if (
            number is not None
            and check_vat_format(checks, "vat_number", number)
            and org_ok
            and number != _vat_number(self.organisation)
        ):
            checks.add(
                "vat_number",
                number,
                f"must be the organisation's: {_vat_number(self.organisation)} "
                "(SE + organisation number + 01)",
                ProblemCode.VAT_NUMBER_NOT_ORGANISATION,
                wanted=_vat_number(self.organisation),
            )
        checks.done()

    @property
    def vat_id(self) -> str:
        """The VAT number, given or derived: ``SE`` + organisation number + ``01``."""
        return self.vat_number or _vat_number(self.organisation)


def gln_check_digit_ok(digits: str) -> bool:
    """Whether *digits* end in the GS1 check digit of the rest (Peppol's ``u:gln``)."""
    from stdnum import ean

    return (
        len(digits) > 1
        and digits.isascii()
        and digits.isdigit()
        and ean.calc_check_digit(digits[:-1]) == digits[-1]
    )


@attrs.frozen(kw_only=True)
class Buyer:
    """The buyer as invoiced party: the legal entity (the municipality) and its address.

    Attributes:
        organisation: The legal entity; its organisation number is its electronic address
            (scheme 0007), where most Swedish public buyers receive Peppol invoices, and its
            legal registration (BT-47).
        address: The invoicing address (BR-10, BR-11).
        gln: For a buyer registered in the Peppol network by its GS1 Global Location Number
            instead: the 13 digits, which become its electronic address in scheme 0088
            (PEPPOL-COMMON-R040 checks the check digit). None (the default): the
            organisation number.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from ledarutveckling.examples import stockholm_buyer
        >>> Buyer(organisation=stockholm_buyer().organisation, address=stockholm_buyer().address,
        ...       gln="7300009000005").gln
        '7300009000005'
    """

    organisation: Organisation
    address: Address
    gln: str | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("organisation", self.organisation, Organisation, "an Organisation")
        checks.instance("address", self.address, Address, "an Address")
        if self.gln is not None and checks.text("gln", self.gln):
            if len(self.gln) != 13 or not (self.gln.isascii() and self.gln.isdigit()):
                checks.add(
                    "gln",
                    self.gln,
                    "must have 13 digits (PEPPOL-COMMON-R040)",
                    ProblemCode.PEPPOL_DIGITS,
                    given=self.gln,
                    count="13",
                    rule="PEPPOL-COMMON-R040",
                )
            elif not gln_check_digit_ok(self.gln):
                checks.add(
                    "gln",
                    self.gln,
                    "must end in a valid GS1 check digit (PEPPOL-COMMON-R040)",
                    ProblemCode.PEPPOL_GLN,
                    given=self.gln,
                    rule="PEPPOL-COMMON-R040",
                )
        checks.done()


def _percent(rate: object) -> str:
    from decimal import Decimal

    assert isinstance(rate, Decimal)
    return format(rate.scaleb(2).normalize(), "f")


@attrs.frozen(kw_only=True)
class _Billing:
    """What an invoice and a credit note share; checks the rules they share."""

    number: str
    issued_on: pendulum.Date = attrs.field(converter=as_date)
    buyer_reference: str
    basis: InvoiceBasis
    seller: Seller
    buyer: Buyer
    note: str = ""

    def _check(self, checks: Checker) -> None:
        checks.text("number", self.number)  # BR-02
        check_date(checks, "issued_on", self.issued_on)  # BR-03
        if not checks.text("buyer_reference", self.buyer_reference):
            checks.problems[-1] = attrs.evolve(
                checks.problems[-1],
                message=checks.problems[-1].message
                + "; the buyer's reference is mandatory for Swedish public buyers "
                "(PEPPOL-EN16931-R003)",
            )
        seller_ok = checks.instance("seller", self.seller, Seller, "a Seller")
        buyer_ok = checks.instance("buyer", self.buyer, Buyer, "a Buyer")
        if (
            seller_ok
            and buyer_ok
            and (_org_digits(self.seller.organisation) == _org_digits(self.buyer.organisation))
        ):
            checks.add(
                "buyer",
                self.buyer.organisation,
                "must not be the seller",
                ProblemCode.BUYER_IS_SELLER,
            )
        checks.text("note", self.note, empty_ok=True)
        if not checks.instance("basis", self.basis, InvoiceBasis, "an InvoiceBasis"):
            return
        if not self.basis.lines:
            checks.add(
                "basis.lines",
                (),
                "must hold at least one line (BR-16)",
                ProblemCode.INVOICE_NO_LINES,
            )
        elif isinstance(self.issued_on, pendulum.Date):
            self._check_after_delivery(checks)
        if self.basis.currency != "SEK":
            checks.add(
                "basis.currency",
                self.basis.currency,
                "must be SEK for a Swedish invoice",
                ProblemCode.INVOICE_NOT_SEK,
                given=self.basis.currency,
            )
        for index, line in enumerate(self.basis.lines):
            if _percent(line.vat_rate) not in SWEDISH_VAT_RATES:
                checks.add(
                    f"basis.lines[{index}].vat_rate",
                    line.vat_rate,
                    "must be 25 %, 12 % or 6 %: a Swedish seller's standard-rated lines use "
                    "only these (SE-R-006, BR-S-05)",
                    ProblemCode.VAT_RATE_NOT_SWEDISH,
                    given=f"{_percent(line.vat_rate)} %",
                )
        if buyer_ok and (
            _org_digits(self.basis.call_off.unit.organisation)
            != _org_digits(self.buyer.organisation)
        ):
            checks.add(
                "buyer",
                self.buyer.organisation.org_number,
                "must be the legal entity of the call-off's ordering unit "
                f"({self.basis.call_off.unit.organisation})",
                ProblemCode.BUYER_NOT_UNIT,
                organisation=self.basis.call_off.unit.organisation.name,
            )

    def _check_after_delivery(self, checks: Checker) -> None:
        """Issued on or after the last delivery invoiced, never before it.

        The basis is what was delivered: each line is charged on its session's day (a late
        cancellation or a no-show too). An invoice for a delivery is issued after the
        delivery (mervärdesskattelagen (2023:200) 17 kap.: the invoice follows the supply;
        an invoice before it is a request for advance payment, förskottsfaktura, which this
        library does not write). The invoicing period may run past the issue date: a month's
        sessions may be invoiced once the last of them is held.
        """
        last = max(line.on for line in self.basis.lines)
        if self.issued_on < last:
            checks.add(
                "issued_on",
                self.issued_on,
                f"must not be before the last delivery invoiced ({last.isoformat()}): an "
                "invoice for what was delivered is issued on that day at the earliest",
                ProblemCode.ISSUED_BEFORE_DELIVERY,
                issued=self.issued_on,
                last=last,
            )

    # -- amounts, all computed from the basis ------------------------------------------

    @property
    def order_reference(self) -> str:
        """The call-off's reference, the invoice's order reference (BT-13)."""
        return self.basis.call_off.reference

    @property
    def line_total(self) -> Money:
        """The sum of the lines' net amounts (BT-106, BR-CO-10)."""
        return self.basis.net_total

    def vat_breakdown(self) -> tuple[VatSubtotal, ...]:
        """The VAT per rate (BG-23; BR-S-08, BR-S-09, BR-CO-17)."""
        return self.basis.vat_breakdown()

    @property
    def vat_total(self) -> Money:
        """The VAT (BT-110, BR-CO-14)."""
        return self.basis.vat_total

    @property
    def total(self) -> Money:
        """The total with VAT (BT-112, BR-CO-15), and the amount due (BT-115, BR-CO-16)."""
        return self.basis.total


@attrs.frozen(kw_only=True)
class Invoice(_Billing):
    """An invoice (faktura) built from an invoice basis, ready for Peppol BIS Billing 3.0.

    Attributes:
        number: The invoice number, unique in the seller's series (BR-02).
        issued_on: The day of issue (BR-03).
        due_on: The day payment is due, on or after *issued_on* (BT-9, BR-CO-25).
        buyer_reference: The buyer's reference (BT-10, "er referens"); Swedish public buyers
            route invoices by it, so it is mandatory here (PEPPOL-EN16931-R003 asks for it or
            an order reference).
        basis: What is invoiced; the call-off becomes the order reference (BT-13).
        seller: The supplier.
        buyer: The buyer, the legal entity of the call-off's ordering unit.
        note: A note to the buyer, or empty (at most one, PEPPOL-EN16931-R002).

    Raises:
        ValidationError: Listing every rule broken: no lines (BR-16), a VAT rate Sweden does
            not have (SE-R-006), a missing buyer's reference (R003), a due date before the
            issue date, an issue date before the last delivery invoiced (the latest day of
            the basis's lines), a buyer who is not the call-off's.

    Examples:
        >>> from ledarutveckling.examples import stockholm_invoice
        >>> invoice = stockholm_invoice()
        >>> invoice.order_reference, invoice.total
        ('SLK 2026/0777', Money(amount=Decimal('52535.25'), currency='SEK'))
    """

    due_on: pendulum.Date = attrs.field(converter=as_date)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        self._check(checks)
        if (
            check_date(checks, "due_on", self.due_on)
            and isinstance(self.issued_on, pendulum.Date)
            and self.due_on < self.issued_on
        ):
            checks.add(
                "due_on",
                self.due_on,
                f"must not be before the issue date ({self.issued_on})",
                ProblemCode.DUE_BEFORE_ISSUE,
                day=self.due_on,
                issued=self.issued_on,
            )
        checks.done()


@attrs.frozen(kw_only=True)
class CreditNote(_Billing):
    """A credit note (kreditnota) for lines of an earlier invoice, for Peppol BIS Billing 3.0.

    Its amounts are positive, as UBL's credit note has them: they are credited to the buyer.

    Attributes:
        number: The credit note's number, in the seller's series (BR-02).
        issued_on: The day of issue (BR-03).
        buyer_reference: The buyer's reference (BT-10), as on the invoice.
        basis: What is credited, e.g. ``basis.select(...)`` of the invoice's basis.
        seller: The supplier.
        buyer: The buyer.
        credited_invoice: The number of the invoice credited (BT-25, preceding invoice).
        note: Why it is credited, or empty.

    Raises:
        ValidationError: As :class:`Invoice`, and if *credited_invoice* is blank or is
            this credit note's own number.
    """

    credited_invoice: str

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        self._check(checks)
        if checks.text("credited_invoice", self.credited_invoice) and (
            self.credited_invoice == self.number
        ):
            checks.add(
                "credited_invoice",
                self.credited_invoice,
                "must not be its own number",
                ProblemCode.CREDITS_ITSELF,
                given=self.credited_invoice,
            )
        checks.done()
