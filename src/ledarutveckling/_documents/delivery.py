"""The delivery record: held sessions with their attendance, and the seller's invoicing details.

A delivery record is a document like any other (see :mod:`ledarutveckling.serialization`):
``document = "delivery"``, ``schema_version = 1``, read by the one strict converter. It holds
what the supplier knows after the sessions were held and what an invoice needs besides the
ledger — so that ``ledarutveckling invoice LEDGER --delivery FILE`` invoices the user's own
sessions from the user's own company:

* ``agreement``: the reference of the agreement the sessions are delivered under, checked
  against the ledger's;
* ``seller``: the supplier's address, bankgiro or plusgiro, VAT number and F-skatt (the
  supplier's legal entity and organisation number are the agreement's);
* ``buyer_address``: where the buyer wants its invoices (the buyer is the call-off's unit's
  organisation);
* ``sessions``: one table per held session, naming its call-off, line, program, module and
  cohort by their codes, its day and times, and its attendance counts (with optional
  pseudonymous tokens; see :class:`~ledarutveckling.Attendance` on personal data).

:meth:`DeliveryRecord.attendances` resolves the sessions against a ledger into the
:class:`~ledarutveckling.Attendance` objects :func:`~ledarutveckling.invoice_basis` takes.
The format is described in ``docs/invoicing.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._delivery.attendance import Attendance, check_counts
from ledarutveckling._delivery.invoice import Address, Buyer, PaymentAccount, Seller
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import DeliveryFormat
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import ValidationError

__all__ = ["DELIVERY", "DeliveryRecord", "HeldSession", "SellerDetails"]

DELIVERY: Final = "delivery"
"""The ``document`` header of a delivery record."""

_ZONE: Final = "Europe/Stockholm"


def _at(day: pendulum.Date, time: dt.time) -> pendulum.DateTime:
    """*time* on *day*, Stockholm wall-clock time."""
    return pendulum.datetime(
        day.year, day.month, day.day, time.hour, time.minute, time.second, tz=_ZONE
    )


def _tuple(value: object) -> object:
    """Attrs converter: a list becomes a tuple (lossless); anything else is left to the checks."""
    return tuple(value) if isinstance(value, list) else value


@attrs.frozen(kw_only=True)
class SellerDetails:
    """The supplier's invoicing details; its legal entity is the agreement's supplier.

    Attributes:
        address: The supplier's postal address.
        account: The bankgiro or plusgiro the buyer pays to.
        vat_number: The Swedish VAT number, ``SE`` + 10 digits + ``01``; ``None`` derives it
            from the organisation number.
        f_tax: Whether the supplier is approved for F-tax (Godkänd för F-skatt).
    """

    address: Address
    account: PaymentAccount
    vat_number: str | None = None
    f_tax: bool = True

    def seller(self, ledger: AgreementLedger) -> Seller:
        """The :class:`~ledarutveckling.Seller`: these details and the agreement's supplier.

        Raises:
            ValidationError: If the VAT number is not the supplier's (path ``vat_number``).
        """
        return Seller(
            organisation=ledger.agreement.supplier,
            address=self.address,
            account=self.account,
            vat_number=self.vat_number,
            f_tax=self.f_tax,
        )


@attrs.frozen(kw_only=True)
class HeldSession:
    """One held session of a delivery record, with its attendance.

    Attributes:
        call_off: The reference of the call-off the session was delivered under.
        line: The call-off line it draws on (counted from 0), or ``None``.
        program: The program's code; the call-off must buy it.
        module: The module's code in the program.
        cohort: The cohort's label, e.g. ``"Grupp 1"``.
        day: The day it was held.
        start: When it started, Stockholm wall-clock time.
        end: When it ended, after *start*.
        format: How it was delivered; ``None``: the module's format.
        facilitators: Who led it.
        room: Where, or ``None``.
        registered: Registered participants (when free cancellation ended).
        attended: Of them, those who came.
        late_cancellations: Of them, those who cancelled late.
        no_shows: Of them, those who neither came nor cancelled.
        cancelled: Whether the supplier cancelled it for too few participants.
        tokens: Pseudonymous tokens of the attendees, or none.

    Raises:
        ValidationError: Listing every field that breaks a rule, the counts as
            :class:`~ledarutveckling.Attendance` checks them.
    """

    call_off: str
    line: int | None = None
    program: str
    module: str
    cohort: str
    day: pendulum.Date
    start: dt.time
    end: dt.time
    format: DeliveryFormat | None = None
    facilitators: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    room: str | None = None
    registered: int
    attended: int
    late_cancellations: int = 0
    no_shows: int = 0
    cancelled: bool = False
    tokens: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        for field in ("call_off", "program", "module", "cohort"):
            checks.text(field, getattr(self, field))
        if self.line is not None:
            checks.integer("line", self.line, minimum=0)
        check_counts(checks, self)
        checks.done()

    def session(self, call_off: CallOff) -> Session:
        """The :class:`~ledarutveckling.Session`, its program taken from *call_off*.

        Raises:
            ValidationError: If the call-off does not buy the program (path ``program``), the
                program has no such module (``module``), or the session is refused (its
                paths: ``end`` before ``start``…).
        """
        codes = [program.code for program in call_off.programs]
        if self.program not in codes:
            raise ValidationError.single(
                "program",
                self.program,
                f"is not a program of call-off {call_off.reference} ({', '.join(codes)})",
                ProblemCode.PROGRAM_NOT_IN_CALL_OFF,
                given=self.program,
                call_off=call_off.reference,
                valid=codes,
            )
        program = call_off.programs[codes.index(self.program)]
        modules = [module.code for module in program.modules]
        if self.module not in modules:
            raise ValidationError.single(
                "module",
                self.module,
                f"must be one of the program's modules ({', '.join(modules)})",
                ProblemCode.MODULE_NOT_IN_PROGRAM,
                given=self.module,
                valid=modules,
            )
        module = program.modules[modules.index(self.module)]
        day = self.day
        return Session(
            program=program,
            module=module,
            cohort=self.cohort,
            start=_at(day, self.start),
            end=_at(day, self.end),
            format=module.format if self.format is None else self.format,
            facilitators=self.facilitators,
            room=self.room,
            call_off=self.call_off,
            line=self.line,
        )

    def attendance(self, call_off: CallOff) -> Attendance:
        """The :class:`~ledarutveckling.Attendance` at :meth:`session`.

        Raises:
            ValidationError: As :meth:`session`.
        """
        return Attendance(
            session=self.session(call_off),
            registered=self.registered,
            attended=self.attended,
            late_cancellations=self.late_cancellations,
            no_shows=self.no_shows,
            cancelled=self.cancelled,
            tokens=self.tokens,
        )


@attrs.frozen(kw_only=True)
class DeliveryRecord:
    """A delivery record document: the held sessions of an agreement's call-offs, and more.

    Attributes:
        agreement: The agreement's reference; it must be the ledger's.
        seller: The supplier's invoicing details.
        buyer_address: The buyer's invoicing address.
        sessions: The held sessions with their attendance.

    Raises:
        ValidationError: Listing every field that breaks a rule.
    """

    agreement: str
    seller: SellerDetails
    buyer_address: Address
    sessions: tuple[HeldSession, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("agreement", self.agreement)
        checks.done()

    def _check_agreement(self, ledger: AgreementLedger) -> None:
        if self.agreement != ledger.agreement.reference:
            raise ValidationError.single(
                "agreement",
                self.agreement,
                f"must be the ledger's agreement ({ledger.agreement.reference})",
                ProblemCode.DELIVERY_OTHER_AGREEMENT,
                given=self.agreement,
                agreement=ledger.agreement.reference,
            )

    def attendances(self, ledger: AgreementLedger) -> tuple[Attendance, ...]:
        """The attendances of the held sessions, resolved against *ledger*, in order.

        Raises:
            ValidationError: Listing every problem: the record is for another agreement
                (``agreement``), or a session names a call-off the ledger lacks
                (``sessions[i].call_off``), a program the call-off does not buy
                (``sessions[i].program``), a module the program lacks, or cannot be held
                (``sessions[i].end``…).
        """
        self._check_agreement(ledger)
        call_offs = {call_off.reference: call_off for call_off in ledger.call_offs}
        checks = Checker()
        out: list[Attendance] = []
        for index, held in enumerate(self.sessions):
            path = f"sessions[{index}]"
            call_off = call_offs.get(held.call_off)
            if call_off is None:
                checks.add(
                    f"{path}.call_off",
                    held.call_off,
                    f"is not a call-off of the ledger ({', '.join(call_offs) or 'it has none'})",
                    ProblemCode.DELIVERY_UNKNOWN_CALL_OFF,
                    given=held.call_off,
                    valid=list(call_offs),
                )
                continue
            try:
                out.append(held.attendance(call_off))
            except ValidationError as error:
                checks.extend(error, path)
        checks.done()
        return tuple(out)

    def seller_in(self, ledger: AgreementLedger) -> Seller:
        """The seller: :attr:`seller`'s details and the ledger's supplier.

        Raises:
            ValidationError: If the record is for another agreement (``agreement``), or the
                VAT number is not the supplier's (``seller.vat_number``).
        """
        self._check_agreement(ledger)
        try:
            return self.seller.seller(ledger)
        except ValidationError as error:
            raise error.with_prefix("seller") from None

    def buyer_of(self, call_off: CallOff) -> Buyer:
        """The buyer of *call_off*: its unit's organisation at :attr:`buyer_address`."""
        return Buyer(organisation=call_off.unit.organisation, address=self.buyer_address)
