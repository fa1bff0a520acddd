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
from zoneinfo import ZoneInfo

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._delivery.attendance import Attendance, cancellation_problem, check_counts
from ledarutveckling._delivery.invoice import (
    Address,
    Buyer,
    PaymentAccount,
    Seller,
    check_vat_format,
)
from ledarutveckling._delivery.sessions import NOT_PLACED, check_call_off_sessions, not_placed
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.checks import check_date
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import DeliveryFormat
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import Problem, ValidationError

__all__ = ["DELIVERY", "DeliveryRecord", "HeldSession", "SellerDetails"]

DELIVERY: Final = "delivery"
"""The ``document`` header of a delivery record."""

_ZONE: Final = "Europe/Stockholm"


def _at(day: pendulum.Date, time: dt.time) -> pendulum.DateTime:
    """*time* on *day*, Stockholm wall-clock time."""
    return pendulum.datetime(
        day.year, day.month, day.day, time.hour, time.minute, time.second, tz=_ZONE
    )


def _zone_ok(time: dt.time) -> bool:
    """Whether *time* has no zone or Stockholm's (wall-clock time there either way)."""
    zone = time.tzinfo
    if zone is None:
        return True
    name = getattr(zone, "key", None) or getattr(zone, "name", None) or str(zone)
    return bool(name == _ZONE)


def _check_time(checks: Checker, path: str, value: object, day: object) -> bool:
    """A time of day, Stockholm wall-clock, whole seconds, that exists on *day*."""
    if not isinstance(value, dt.time):
        checks.add(
            path,
            value,
            "must be a time of day, e.g. datetime.time(9, 0)",
            ProblemCode.MUST_BE,
            expected=Expected.TIME,
        )
        return False
    if not _zone_ok(value):
        checks.add(
            path,
            value,
            "must have no time zone; sessions are in Europe/Stockholm",
            ProblemCode.ZONE_NOT_ALLOWED,
        )
        return False
    if value.microsecond:
        checks.add(
            path,
            value.isoformat(),
            "must be whole seconds, e.g. 09:00",
            ProblemCode.TIME_FRACTION,
            given=value.replace(tzinfo=None).isoformat(),
        )
        return False
    if isinstance(day, pendulum.Date) and not isinstance(day, dt.datetime):
        moment = _at(day, value)
        if (moment.hour, moment.minute, moment.second) != (
            value.hour,
            value.minute,
            value.second,
        ):
            checks.add(
                path,
                _clock(value),
                f"does not exist on {day}: the clocks go forward in Stockholm",
                ProblemCode.TIME_IN_GAP,
                given=_clock(value),
                day=day,
            )
            return False
        if _repeated(moment):
            checks.add(
                path,
                _clock(value),
                f"happens twice on {day}: the clocks go back in Stockholm; a delivery record "
                "has no way to say which, so it is not guessed",
                ProblemCode.TIME_REPEATED,
                given=_clock(value),
                day=day,
            )
            return False
    return True


def _repeated(moment: pendulum.DateTime) -> bool:
    """Whether *moment*'s wall-clock time happens twice (the hour the clocks go back)."""
    wall = dt.datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute)
    zone = ZoneInfo(_ZONE)
    first, second = wall.replace(tzinfo=zone, fold=0), wall.replace(tzinfo=zone, fold=1)
    return first.utcoffset() != second.utcoffset()


def _clock(time: dt.time) -> str:
    """*time* as ``HH:MM`` (``HH:MM:SS`` with seconds)."""
    return time.strftime("%H:%M:%S" if time.second else "%H:%M")


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

    Raises:
        ValidationError: Listing every field that breaks a rule: an address or account of
            the wrong type, a VAT number not written ``SE`` and 12 digits, *f_tax* not a bool.
    """

    address: Address
    account: PaymentAccount
    vat_number: str | None = None
    f_tax: bool = True

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("address", self.address, Address, "an Address")
        checks.instance("account", self.account, PaymentAccount, "a PaymentAccount")
        if self.vat_number is not None:
            check_vat_format(checks, "vat_number", self.vat_number)
        if not isinstance(self.f_tax, bool):
            checks.add(
                "f_tax",
                self.f_tax,
                "must be True or False",
                ProblemCode.MUST_BE,
                expected=Expected.BOOLEAN,
            )
        checks.done()

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
        ValidationError: Listing every field that breaks a rule: a text empty or not text, a
            *day* that is not a date (a datetime is refused too), a *start* or *end* that is
            not a time of day, has a time zone other than Stockholm's, fractions of a second,
            or does not exist on *day* (the spring-forward gap), *facilitators* not a list of
            names, and the counts as :class:`~ledarutveckling.Attendance` checks them.
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
        day_ok = check_date(checks, "day", self.day)
        start_ok = _check_time(checks, "start", self.start, self.day)
        end_ok = _check_time(checks, "end", self.end, self.day)
        if day_ok and start_ok and end_ok:
            start, end = _at(self.day, self.start), _at(self.day, self.end)
            if end <= start:
                checks.add(
                    "end",
                    self.end,
                    f"must be after start ({_clock(self.start)})",
                    ProblemCode.END_BEFORE_START,
                    end=end,
                    start=start,
                )
        if self.format is not None:
            checks.member("format", self.format, DeliveryFormat)
        if isinstance(self.facilitators, tuple):
            for index, name in enumerate(self.facilitators):
                checks.name(f"facilitators[{index}]", name)
        else:
            checks.add(
                "facilitators",
                self.facilitators,
                "must be a list of names",
                ProblemCode.NOT_A_LIST,
            )
        if self.room is not None:
            checks.name("room", self.room)
        check_counts(checks, self)
        checks.done()

    @property
    def key(self) -> tuple[object, ...]:
        """What makes it the same session: call-off, program, module, cohort, day and start."""
        return (self.call_off, self.program, self.module, self.cohort, self.day, self.start)

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
        if self.format is not None and self.format.is_scheduled != module.format.is_scheduled:
            raise ValidationError.single(
                "format",
                self.format,
                f"must be like the module's format ({module.format.value})",
                ProblemCode.SESSION_FORMAT_NOT_MODULES,
                module=module.code,
                wanted=module.format,
                given=self.format,
            )
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


_REFUSED: Final = frozenset(
    {
        ProblemCode.OUTSIDE_PERIOD,
        ProblemCode.LINE_NOT_IN_CALL_OFF,
        ProblemCode.LINE_NOT_FOR_SESSIONS,
        ProblemCode.SELF_PACED_ON_LINE,
        ProblemCode.PRICE_CODE_UNKNOWN,
    }
)
"""What :func:`check_call_off_sessions` finds that refuses a delivery record's session.

A line taken past its quantity is not refused: the invoice basis invoices what was ordered
and notes the rest.
"""


def _check_repeats(checks: Checker, sessions: list[HeldSession]) -> None:
    """Every session listed again: same call-off, program, module, cohort, day and start."""
    first: dict[tuple[object, ...], int] = {}
    for index, held in enumerate(sessions):
        earlier = first.setdefault(held.key, index)
        if earlier != index:
            checks.add(
                f"sessions[{index}]",
                f"{held.module}, {held.cohort}, {held.day} {_clock(held.start)}",
                f"repeats sessions[{earlier}]; a session is listed once",
                ProblemCode.SESSION_LISTED_TWICE,
                module=held.module,
                cohort=held.cohort,
                day=held.day,
                start=_clock(held.start),
                first=f"sessions[{earlier}]",
            )


def _unknown_call_off(checks: Checker, path: str, given: str, valid: list[str]) -> None:
    """A call-off reference the ledger lacks; a text of its own when it has none."""
    if valid:
        checks.add(
            path,
            given,
            f"is not a call-off of the ledger ({', '.join(valid)})",
            ProblemCode.DELIVERY_UNKNOWN_CALL_OFF,
            given=given,
            valid=valid,
        )
    else:
        checks.add(
            path,
            given,
            "is not a call-off of the ledger (it has none)",
            ProblemCode.LEDGER_WITHOUT_CALL_OFFS,
            given=given,
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
        ValidationError: Listing every field that breaks a rule, and every session listed
            again (the same call-off, program, module, cohort, day and start) at its place.
    """

    agreement: str
    seller: SellerDetails
    buyer_address: Address
    sessions: tuple[HeldSession, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("agreement", self.agreement)
        checks.instance("seller", self.seller, SellerDetails, "SellerDetails")
        checks.instance("buyer_address", self.buyer_address, Address, "an Address")
        sessions = checks.items("sessions", self.sessions, HeldSession, "HeldSession")
        if isinstance(self.sessions, tuple) and len(sessions) == len(self.sessions):
            _check_repeats(checks, sessions)
        checks.done()

    def _agreement_problem(self, ledger: AgreementLedger) -> Problem | None:
        if self.agreement == ledger.agreement.reference:
            return None
        return Problem(
            path="agreement",
            value=self.agreement,
            message=f"must be the ledger's agreement ({ledger.agreement.reference})",
            code=ProblemCode.DELIVERY_OTHER_AGREEMENT,
            params={"given": self.agreement, "agreement": ledger.agreement.reference},
        )

    def _check_agreement(self, ledger: AgreementLedger) -> None:
        problem = self._agreement_problem(ledger)
        if problem is not None:
            raise ValidationError([problem])

    def attendances(self, ledger: AgreementLedger) -> tuple[Attendance, ...]:
        """The attendances of the held sessions, resolved against *ledger*, in order.

        Raises:
            ValidationError: Listing every problem: the record is for another agreement
                (``agreement``), or a session names a call-off the ledger lacks
                (``sessions[i].call_off``), a program the call-off does not buy
                (``sessions[i].program``), a module the program lacks, a format unlike the
                module's (``sessions[i].format``), cannot be held (``sessions[i].end``…),
                falls outside the call-off's delivery period (``sessions[i].day``), draws on
                a line the call-off lacks or that is not priced per session, half day, day or
                hour, or one of those for a self-paced module (``sessions[i].line``), or was
                cancelled by the supplier when the agreement's delivery terms do not allow it
                (``sessions[i].cancelled``).
        """
        checks = Checker()
        problem = self._agreement_problem(ledger)
        if problem is not None:
            checks.problems.append(problem)
        call_offs = {call_off.reference: call_off for call_off in ledger.call_offs}
        terms = ledger.agreement.delivery_terms
        out: list[Attendance] = []
        for index, held in enumerate(self.sessions):
            path = f"sessions[{index}]"
            call_off = call_offs.get(held.call_off)
            if call_off is None:
                _unknown_call_off(checks, f"{path}.call_off", held.call_off, list(call_offs))
                continue
            if call_off.status in NOT_PLACED:  # nothing is delivered under it
                not_placed(checks, f"{path}.call_off", call_off)
                continue
            try:
                attendance = held.attendance(call_off)
            except ValidationError as error:
                checks.extend(error, path)
                continue
            out.append(attendance)
            for found in check_call_off_sessions(call_off, [attendance.session], ledger.agreement):
                if found.code in _REFUSED:
                    where = found.path.replace("sessions[0]", path, 1)
                    if found.code is ProblemCode.OUTSIDE_PERIOD:
                        where = f"{path}.day"
                        found = attrs.evolve(found, value=held.day)
                    checks.problems.append(attrs.evolve(found, path=where))
            if held.cancelled and not (terms is not None and terms.may_cancel(held.registered)):
                cancellation_problem(checks, f"{path}.cancelled", terms, held.registered)
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
