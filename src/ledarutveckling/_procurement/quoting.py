"""Quoting a program (quote): the call-off lines for delivering it, priced."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import to_date
from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._base.money import EXACT, PRECISE, Money
from ledarutveckling._procurement.agreement import FrameworkAgreement, PriceUnit
from ledarutveckling._procurement.calloff import CallOffLine
from ledarutveckling._procurement.checks import as_decimal
from ledarutveckling._procurement.offerings import Program
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_number

__all__ = ["Quote", "quote"]


@attrs.frozen(kw_only=True)
class Quote:
    """What :func:`quote` works out: the lines of a call-off for a program, and their cost.

    Attributes:
        program: The program quoted.
        cohorts: How many cohorts (grupper) go through it.
        participants: Participants per cohort.
        on: The day whose indexed list prices are used.
        lines: The call-off lines, each with its unit price set.
        total: The sum of the lines, excluding VAT.
    """

    program: Program
    cohorts: int
    participants: int
    on: pendulum.Date
    lines: tuple[CallOffLine, ...]
    total: Money

    @property
    def per_participant(self) -> Money:
        """The total divided by every participant in every cohort, rounded half up to öre."""
        count = Decimal(self.cohorts * self.participants)
        amount = PRECISE.divide(self.total.amount, count)
        return Money(amount=amount, currency=self.total.currency).round_to_ore()


def _groups(count: int) -> str:
    return f"{count} {'grupp' if count == 1 else 'grupper'}"


def quote(
    agreement: FrameworkAgreement,
    program: Program,
    cohorts: int,
    participants: int,
    on: dt.date,
    *,
    preparation: Decimal | int = Decimal("0.5"),
    hour_code: str | None = None,
    participant_codes: tuple[str, ...] | None = None,
) -> Quote:
    """Draft the call-off lines for delivering *program* to *cohorts* cohorts, and price them.

    Pricing assumptions:

    * Every module not delivered as self-study (självstudier) is led live: it costs its
      duration × its facilitators × the number of cohorts, in hours at the hourly price
      (one line per module). Self-paced modules cost no facilitator time.
    * Preparation (förberedelse) is *preparation* × all those facilitator hours, at the
      same hourly price, in one line (none if *preparation* is 0). Half an hour per hour
      led by default; set it for the assignment at hand.
    * Every per-participant item (material, platform licences…) applies to every
      participant in every cohort; choose them with *participant_codes*.
    * Prices per half day, day, session and fixed prices are not used: quote those lines
      by hand. Travel, venue and VAT are not included.
    * Every line gets the agreement's indexed list price on *on* as its unit price, so the
      quote holds if the call-off is placed before the next index adjustment.

    Args:
        agreement: The framework agreement whose price list and indexation apply.
        program: The program to deliver.
        cohorts: How many cohorts, at least 1.
        participants: Participants per cohort, within the program's cohort size.
        on: The day whose prices apply, normally the planned order date.
        preparation: Preparation hours per facilitator hour, a Decimal or int, at least 0.
        hour_code: The hourly price to use; ``None`` takes the price list's only hourly item.
        participant_codes: The per-participant items to include; ``None`` takes them all.

    Returns:
        The quote: its lines (ready for a :class:`CallOff`) and total.

    Raises:
        ValidationError: Listing every argument that is wrong, e.g. a participant count
            outside the cohort size, or an hourly price that is missing or ambiguous; or
            naming the index month the series lacks (``indexation.values``).

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_catalogue
        >>> offer = quote(stockholm_agreement(), stockholm_catalogue().program("SVS"),
        ...               cohorts=3, participants=20, on=pendulum.date(2026, 9, 1))
        >>> for line in offer.lines:
        ...     print(line.price_code, line.quantity, line.description)
        KONS-TIM 18 SVS-2 Övning i svåra samtal: 3 tim × 2 utbildningsledare × 3 grupper
        KONS-TIM 9.0 Förberedelse: 0,5 × 18 tim ledd tid
        MATERIAL 60 Kursmaterial per deltagare: 3 grupper × 20 deltagare
        PLATTFORM 60 Licens digital lärplattform per deltagare: 3 grupper × 20 deltagare
        >>> offer.total, offer.per_participant
        (Money(amount=Decimal('86842.80'), currency='SEK'), Money(amount=Decimal('1447.38'), ...))
    """
    checks = Checker()
    agreement_ok = checks.instance(
        "agreement", agreement, FrameworkAgreement, "a FrameworkAgreement"
    )
    program_ok = checks.instance("program", program, Program, "a Program")
    checks.integer("cohorts", cohorts, minimum=1)
    if checks.integer("participants", participants, minimum=1) and program_ok:
        low, high = program.cohort_size
        if not low <= participants <= high:
            checks.add(
                "participants",
                participants,
                f"must be within the program's cohort size, {low} to {high}",
                Code.PARTICIPANTS_OUTSIDE_COHORT,
                given=participants,
                least=low,
                most=high,
            )
    try:
        day = to_date(on, "on")
    except ValidationError as error:
        checks.extend(error)
    prep = as_decimal(preparation) if isinstance(preparation, int) else preparation
    if isinstance(prep, bool) or not isinstance(prep, Decimal) or not prep.is_finite() or prep < 0:
        checks.add(
            "preparation",
            preparation,
            "must be a Decimal or int of at least 0",
            Code.MUST_BE,
            expected=Expected.QUANTITY,
        )
    hourly: str | None = None
    wanted: tuple[str, ...] = ()
    if agreement_ok:
        hourly = _hour_code(checks, agreement, hour_code)
        wanted = _participant_codes(checks, agreement, participant_codes)
    checks.done()
    assert hourly is not None
    lines = _draft(program, cohorts, participants, prep, hourly, wanted, agreement)
    priced = tuple(
        attrs.evolve(line, unit_price=agreement.price_on(line.price_code, day)) for line in lines
    )
    total = sum((line.amount() for line in priced), Money.zero(agreement.currency))
    return Quote(
        program=program,
        cohorts=cohorts,
        participants=participants,
        on=day,
        lines=priced,
        total=total,
    )


def _hour_code(checks: Checker, agreement: FrameworkAgreement, code: str | None) -> str | None:
    prices = agreement.price_list
    if code is None:
        hourly = prices.by_unit(PriceUnit.HOUR)
        if len(hourly) == 1:
            return hourly[0].code
        found = ", ".join(i.code for i in hourly) or "none"
        checks.add(
            "hour_code",
            None,
            f"must name the hourly price to use; the price list has {len(hourly)} "
            f"hourly items ({found})",
            Code.HOUR_CODE_MISSING,
            count=len(hourly),
            codes=[i.code for i in hourly],
        )
        return None
    if code not in prices:
        checks.add(
            "hour_code",
            code,
            f"is not in the price list (codes: {', '.join(prices.codes)})",
            Code.PRICE_CODE_UNKNOWN,
            price_code=code,
            codes=list(prices.codes),
        )
        return None
    if prices.item(code).unit is not PriceUnit.HOUR:
        checks.add(
            "hour_code",
            code,
            "must be an hourly price (unit 'hour')",
            Code.PRICE_NOT_HOURLY,
            price_code=code,
        )
        return None
    return code


def _participant_codes(
    checks: Checker, agreement: FrameworkAgreement, codes: tuple[str, ...] | None
) -> tuple[str, ...]:
    prices = agreement.price_list
    if codes is None:
        return tuple(i.code for i in prices.by_unit(PriceUnit.PARTICIPANT))
    if not isinstance(codes, tuple):
        checks.add("participant_codes", codes, "must be a tuple of price codes", Code.NOT_A_LIST)
        return ()
    for index, code in enumerate(codes):
        if code not in prices:
            checks.add(
                f"participant_codes[{index}]",
                code,
                f"is not in the price list (codes: {', '.join(prices.codes)})",
                Code.PRICE_CODE_UNKNOWN,
                price_code=code,
                codes=list(prices.codes),
            )
        elif prices.item(code).unit is not PriceUnit.PARTICIPANT:
            checks.add(
                f"participant_codes[{index}]",
                code,
                "must be a per-participant price",
                Code.PRICE_NOT_PER_PARTICIPANT,
                price_code=code,
            )
    return codes


def _draft(
    program: Program,
    cohorts: int,
    participants: int,
    preparation: Decimal,
    hour_code: str,
    participant_codes: tuple[str, ...],
    agreement: FrameworkAgreement,
) -> list[CallOffLine]:
    lines: list[CallOffLine] = []
    led = Decimal(0)
    for module in program.modules:
        if not module.format.is_led:
            continue
        hours = EXACT.multiply(module.facilitator_hours, cohorts)
        led = EXACT.add(led, hours)
        lines.append(
            CallOffLine(
                price_code=hour_code,
                quantity=hours,
                description=(
                    f"{module.code} {module.title}: {format_number(module.hours)} tim × "
                    f"{module.facilitators} utbildningsledare × {_groups(cohorts)}"
                ),
            )
        )
    if led and preparation:
        lines.append(
            CallOffLine(
                price_code=hour_code,
                quantity=EXACT.multiply(led, preparation),
                description=(
                    f"Förberedelse: {format_number(preparation)} × "
                    f"{format_number(led)} tim ledd tid"
                ),
            )
        )
    for code in participant_codes:
        lines.append(
            CallOffLine(
                price_code=code,
                quantity=Decimal(cohorts * participants),
                description=(
                    f"{agreement.price_list.item(code).description}: "
                    f"{_groups(cohorts)} × {participants} deltagare"
                ),
            )
        )
    if not lines:
        raise ValidationError.single(
            "program",
            program.code,
            "has nothing to price: every module is self-paced and no per-participant "
            "item applies; quote the lines by hand",
            Code.NOTHING_TO_PRICE,
            program=program.code,
        )
    return lines
