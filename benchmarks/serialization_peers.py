"""The benchmark document modelled with pydantic v2 and with msgspec (benchmarks only).

Both peers model the same fields as :mod:`serialization_document` and the library, and check the
same rules where they can (see docs/performance.md for what they leave out):

- strict types: no "12" for an integer, no float for money, unknown keys refused;
- Decimal money and quantities written as strings; amounts finite, currency an ISO 4217 code;
- dates ``YYYY-MM-DD``; durations ISO 8601; aware datetimes in RFC 9557 form with the zone
  (``2025-03-03T09:00:00+01:00[Europe/Stockholm]``), the offset checked against the zone;
- text not blank and without surrounding whitespace; organisation numbers with the Luhn check
  digit and a legal entity's third digit;
- the classes' own rules: quantity > 0, end after start, delivery not before the order, one
  service area per call-off, a status history that leads from draft to the status, unique module
  codes, cohort sizes, a session's module one of the call-off's programs'.

The rules are written once here and used by both peers.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import zoneinfo
from decimal import Decimal
from functools import cache
from typing import Annotated, Any

import msgspec
import pydantic
from pydantic import AfterValidator, ConfigDict, PlainSerializer, PlainValidator
from stdnum.se import orgnr

from ledarutveckling import (
    CallOffMethod,
    CallOffStatus,
    DeliveryFormat,
    OrderingUnitKind,
    PriceUnit,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)

# -- the rules, shared by both peers -----------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))"
    r"\[([^\[\]]{1,64})\]",
    re.ASCII,
)
_TEXT = r"^\S(?:.*\S)?$"
_NEXT = {
    CallOffStatus.DRAFT: {CallOffStatus.ORDERED, CallOffStatus.CANCELLED},
    CallOffStatus.ORDERED: {CallOffStatus.IN_DELIVERY, CallOffStatus.CANCELLED},
    CallOffStatus.IN_DELIVERY: {CallOffStatus.DELIVERED},
    CallOffStatus.DELIVERED: {CallOffStatus.INVOICED},
    CallOffStatus.INVOICED: set(),
    CallOffStatus.CANCELLED: set(),
}


def decimal_text(value: object) -> Decimal:
    if type(value) is str and _DECIMAL.fullmatch(value):
        return Decimal(value)
    if type(value) is int:
        return Decimal(value)
    raise ValueError("must be a decimal number written as a string, e.g. '12500.50'")


@cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def zoned_datetime(value: object) -> dt.datetime:
    """RFC 9557 text to an aware datetime in its named zone; the offset must be the zone's."""
    match = _DATETIME.fullmatch(value) if type(value) is str else None
    if match is None:
        raise ValueError("must be a date and time written like '2026-11-27T09:00:00+01:00[Zone]'")
    try:
        zone = _zone(match[2])
    except Exception:
        raise ValueError(f"names an unknown time zone {match[2]!r}") from None
    moment = dt.datetime.fromisoformat(match[1])
    local = moment.astimezone(zone)
    if local.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValueError(f"has an offset that {match[2]} does not have at that time")
    return local


if os.environ.get("PEERS_MEMO") == "1":  # the library's memo of datetimes, for comparison
    zoned_datetime = functools.lru_cache(maxsize=16_384)(zoned_datetime)  # type: ignore[assignment]


def write_zoned(value: dt.datetime) -> str:
    return f"{value.isoformat()}[{value.tzinfo.key}]"  # type: ignore[union-attr]


if os.environ.get("PEERS_MEMO") == "1":  # and the library's memo of written datetimes
    # Keyed by the datetime alone, which equals one of another zone at the same instant: right
    # for this document only, whose datetimes are all in Europe/Stockholm.
    write_zoned = functools.lru_cache(maxsize=16_384)(write_zoned)  # type: ignore[assignment]


def write_decimal(value: Decimal) -> str:
    return format(value, "f")


@cache
def check_org_number(value: str) -> str:
    number = orgnr.validate(value)  # raises on a wrong check digit, length or format
    if int(number[2]) < 2:
        raise ValueError("is shaped like a personnummer (third digit 0 or 1)")
    return orgnr.format(number)


@cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def check_currency(value: str) -> str:
    if value not in _currencies():
        raise ValueError("must be an ISO 4217 currency code in upper case, e.g. 'SEK'")
    return value


def finite(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("must be a finite number")
    return value


def check_history(history: Any, status: CallOffStatus) -> None:
    current, last = CallOffStatus.DRAFT, None
    for change in history:
        if change.from_status is not current:
            raise ValueError("history: each change must start where the previous one left")
        if last is not None and change.on < last:
            raise ValueError("history: changes must be in order")
        current, last = change.to_status, change.on
    if status is not current:
        raise ValueError("status: must be where the history leaves the call-off")


def check_call_off(c: Any) -> None:
    if c.delivery.start < c.ordered_on:
        raise ValueError("delivery: must not start before the call-off is placed")
    if any(p.service_area is not c.programs[0].service_area for p in c.programs[1:]):
        raise ValueError("programs: a call-off falls under one service area")
    if c.method is CallOffMethod.COMBINED:
        raise ValueError("method: must be 'ranking' or 'renewed_competition'")
    check_history(c.history, c.status)


def check_program(p: Any) -> None:
    codes = [m.code for m in p.modules]
    if len(set(codes)) != len(codes):
        raise ValueError("modules: duplicate module code")
    low, high = p.cohort_size
    if low < 1 or high < 1 or low > high:
        raise ValueError("cohort_size: must be a pair (min, max) of positive numbers, min <= max")
    for m in p.modules:
        if m.max_participants is not None and m.max_participants < high:
            raise ValueError("modules[].max_participants: must take the largest cohort")
    if p.max_span_days is not None:
        if p.max_span_days < 0:
            raise ValueError("max_span_days: must be at least 0")
        if sum(m.min_days_after_previous for m in p.modules[1:]) > p.max_span_days:
            raise ValueError("max_span_days: is shorter than the modules' gaps need")


def check_scheduled(s: Any) -> None:
    codes = {m.code for p in s.call_off.programs for m in p.modules}
    for meeting in s.sessions:
        if meeting.module not in codes:
            raise ValueError("sessions[].module: must be a module of the call-off's programs")


def check_agreement(a: Any) -> None:
    if a.buyer.org_number == a.supplier.org_number:
        raise ValueError("supplier: must not be the buyer")
    if (
        a.ceiling.currency != a.estimated_value.currency
        or a.ceiling.amount < a.estimated_value.amount
    ):
        raise ValueError("ceiling: must be at least the estimated value, in its currency")
    if len(set(a.service_areas)) != len(a.service_areas):
        raise ValueError("service_areas: duplicate")


def check_terms(t: Any) -> None:
    for name in ("late_cancellation_share", "no_show_share"):
        share = getattr(t, name)
        if share is not None and not Decimal(0) <= share <= Decimal(1):
            raise ValueError(f"{name}: must be from 0 to 1")
    if (t.late_cancellation_days is None) != (t.late_cancellation_share is None):
        raise ValueError("late_cancellation: days and share go together")


def _positive_duration(value: dt.timedelta) -> dt.timedelta:
    if value <= dt.timedelta(0):
        raise ValueError("must be longer than zero")
    return value


# -- pydantic v2 ---------------------------------------------------------------------------------

_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)

PText = Annotated[str, pydantic.StringConstraints(pattern=_TEXT)]
PAnyText = Annotated[str, pydantic.StringConstraints(pattern=r"^(?:\S(?:.*\S)?)?$")]
PDecimal = Annotated[
    Decimal,
    PlainValidator(decimal_text, json_schema_input_type=str),
    PlainSerializer(write_decimal, return_type=str),
    AfterValidator(finite),
]
PDateTime = Annotated[
    dt.datetime,
    PlainValidator(zoned_datetime, json_schema_input_type=str),
    PlainSerializer(write_zoned, return_type=str),
]
PositiveInt = Annotated[int, pydantic.Field(ge=1)]
NonNegativeInt = Annotated[int, pydantic.Field(ge=0)]


class PModel(pydantic.BaseModel):
    model_config = _STRICT


class PMoney(PModel):
    amount: PDecimal
    currency: Annotated[str, AfterValidator(check_currency)] = "SEK"

    @pydantic.model_validator(mode="after")
    def _not_negative(self) -> PMoney:
        if self.amount < 0:
            raise ValueError("must not be negative")
        return self


class POrganisation(PModel):
    name: PText
    org_number: Annotated[str, AfterValidator(check_org_number)]


class POrderingUnit(PModel):
    name: PText
    kind: OrderingUnitKind
    organisation: POrganisation


class PDateRange(PModel):
    start: dt.date
    end: dt.date

    @pydantic.model_validator(mode="after")
    def _ordered(self) -> PDateRange:
        if self.end < self.start:
            raise ValueError("end: must not be before start")
        return self


class PPriceItem(PModel):
    code: PText
    description: PText
    unit: PriceUnit
    price: PMoney


class PPriceList(PModel):
    items: Annotated[tuple[PPriceItem, ...], pydantic.Field(min_length=1)]


class PExtensionOption(PModel):
    months: PositiveInt
    notice_days: NonNegativeInt
    exercised_on: dt.date | None = None


class PIndexation(PModel):
    index: PText
    base_month: tuple[int, int]
    adjust_on: dt.date
    threshold: PDecimal | None = None
    cap: PDecimal | None = None
    values: dict[Annotated[str, pydantic.StringConstraints(pattern=r"^\d{4}-\d{2}$")], PDecimal]


class PDeliveryTerms(PModel):
    late_cancellation_days: PositiveInt | None = None
    late_cancellation_share: PDecimal | None = None
    minimum_participants: PositiveInt | None = None
    no_show_share: PDecimal | None = None

    @pydantic.model_validator(mode="after")
    def _rules(self) -> PDeliveryTerms:
        check_terms(self)
        return self


class PAgreement(PModel):
    reference: PText
    title: PText
    buyer: POrganisation
    supplier: POrganisation
    term: PDateRange
    options: tuple[PExtensionOption, ...] = ()
    estimated_value: PMoney
    ceiling: PMoney
    service_areas: Annotated[tuple[ServiceArea, ...], pydantic.Field(min_length=1)]
    price_list: PPriceList
    indexation: PIndexation | None = None
    call_off_method: CallOffMethod
    value_limit: PMoney | None = None
    supplier_rank: PositiveInt | None = None
    term_justification: PText | None = None
    delivery_terms: PDeliveryTerms | None = None

    @pydantic.model_validator(mode="after")
    def _rules(self) -> PAgreement:
        check_agreement(self)
        return self


class PModule(PModel):
    code: PText
    title: PText
    duration: Annotated[dt.timedelta, AfterValidator(_positive_duration)]
    format: DeliveryFormat
    learning_objectives: tuple[PText, ...] = ()
    facilitators: PositiveInt = 1
    max_participants: PositiveInt | None = None
    min_days_after_previous: NonNegativeInt = 0


class PProgram(PModel):
    code: PText
    title: PText
    service_area: ServiceArea
    target_group: TargetGroup
    modules: Annotated[tuple[PModule, ...], pydantic.Field(min_length=1)]
    kind: ProgramKind
    cohort_size: tuple[int, int] = (8, 20)
    max_span_days: int | None = None
    themes: tuple[PText, ...] = ()

    @pydantic.model_validator(mode="after")
    def _rules(self) -> PProgram:
        check_program(self)
        return self


class PCallOffLine(PModel):
    price_code: PText
    quantity: PDecimal
    unit_price: PMoney | None = None
    description: PAnyText = ""

    @pydantic.model_validator(mode="after")
    def _positive(self) -> PCallOffLine:
        if self.quantity <= 0:
            raise ValueError("quantity: must be greater than 0")
        return self


class PStatusChange(PModel):
    from_status: CallOffStatus
    to_status: CallOffStatus
    on: dt.date

    @pydantic.model_validator(mode="after")
    def _allowed(self) -> PStatusChange:
        if self.to_status not in _NEXT[self.from_status]:
            raise ValueError("to_status: cannot follow from_status")
        return self


class PCallOff(PModel):
    reference: PText
    agreement_reference: PText
    unit: POrderingUnit
    ordered_on: dt.date
    delivery: PDateRange
    lines: Annotated[tuple[PCallOffLine, ...], pydantic.Field(min_length=1)]
    programs: tuple[PProgram, ...] = ()
    method: CallOffMethod
    status: CallOffStatus = CallOffStatus.DRAFT
    history: tuple[PStatusChange, ...] = ()

    @pydantic.model_validator(mode="after")
    def _rules(self) -> PCallOff:
        check_call_off(self)
        return self


class PMeeting(PModel):
    module: PText
    cohort: PText
    start: PDateTime
    end: PDateTime

    @pydantic.model_validator(mode="after")
    def _ordered(self) -> PMeeting:
        if self.end <= self.start:
            raise ValueError("end: must be after start")
        return self


class PScheduledCallOff(PModel):
    call_off: PCallOff
    sessions: tuple[PMeeting, ...] = ()

    @pydantic.model_validator(mode="after")
    def _rules(self) -> PScheduledCallOff:
        check_scheduled(self)
        return self


class PWorkload(PModel):
    agreement: PAgreement
    call_offs: tuple[PScheduledCallOff, ...] = ()


def pydantic_decode(text: str | bytes) -> PWorkload:
    return PWorkload.model_validate_json(text)


def pydantic_encode(value: PWorkload) -> bytes:
    return value.__pydantic_serializer__.to_json(value)


# -- msgspec -------------------------------------------------------------------------------------
# msgspec reads a Decimal from a JSON number too, and writes datetimes without the zone's name,
# so money and quantities are a Decimal subclass read by dec_hook (only from text), and datetimes
# a small wrapper read by dec_hook and written by enc_hook in RFC 9557 form.


class Amount(Decimal):
    """A Decimal read only from its text (msgspec's own Decimal also reads JSON numbers)."""


class Zoned:
    """An aware datetime (``.moment``) written in RFC 9557 form, with its zone's name."""

    __slots__ = ("moment",)

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Zoned) and self.moment == other.moment

    def __hash__(self) -> int:
        return hash(self.moment)


MText = Annotated[str, msgspec.Meta(pattern=_TEXT)]
MAnyText = Annotated[str, msgspec.Meta(pattern=r"^(?:\S(?:.*\S)?)?$")]
MPositive = Annotated[int, msgspec.Meta(ge=1)]
MNonNegative = Annotated[int, msgspec.Meta(ge=0)]
_MS = {"kw_only": True, "forbid_unknown_fields": True, "frozen": True}


class MMoney(msgspec.Struct, **_MS):
    amount: Amount
    currency: str = "SEK"

    def __post_init__(self) -> None:
        finite(self.amount)
        check_currency(self.currency)
        if self.amount < 0:
            raise ValueError("amount: must not be negative")


class MOrganisation(msgspec.Struct, **_MS):
    name: MText
    org_number: str

    def __post_init__(self) -> None:
        msgspec.structs.force_setattr(self, "org_number", check_org_number(self.org_number))


class MOrderingUnit(msgspec.Struct, **_MS):
    name: MText
    kind: OrderingUnitKind
    organisation: MOrganisation


class MDateRange(msgspec.Struct, **_MS):
    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end: must not be before start")


class MPriceItem(msgspec.Struct, **_MS):
    code: MText
    description: MText
    unit: PriceUnit
    price: MMoney


class MPriceList(msgspec.Struct, **_MS):
    items: Annotated[tuple[MPriceItem, ...], msgspec.Meta(min_length=1)]


class MExtensionOption(msgspec.Struct, **_MS):
    months: MPositive
    notice_days: MNonNegative
    exercised_on: dt.date | None = None


class MIndexation(msgspec.Struct, **_MS):
    index: MText
    base_month: tuple[int, int]
    adjust_on: dt.date
    threshold: Amount | None = None
    cap: Amount | None = None
    values: dict[Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}$")], Amount]


class MDeliveryTerms(msgspec.Struct, **_MS):
    late_cancellation_days: MPositive | None = None
    late_cancellation_share: Amount | None = None
    minimum_participants: MPositive | None = None
    no_show_share: Amount | None = None

    def __post_init__(self) -> None:
        for share in (self.late_cancellation_share, self.no_show_share):
            if share is not None:
                finite(share)
        check_terms(self)


class MAgreement(msgspec.Struct, **_MS):
    reference: MText
    title: MText
    buyer: MOrganisation
    supplier: MOrganisation
    term: MDateRange
    options: tuple[MExtensionOption, ...] = ()
    estimated_value: MMoney
    ceiling: MMoney
    service_areas: Annotated[tuple[ServiceArea, ...], msgspec.Meta(min_length=1)]
    price_list: MPriceList
    indexation: MIndexation | None = None
    call_off_method: CallOffMethod
    value_limit: MMoney | None = None
    supplier_rank: MPositive | None = None
    term_justification: MText | None = None
    delivery_terms: MDeliveryTerms | None = None

    def __post_init__(self) -> None:
        check_agreement(self)


class MModule(msgspec.Struct, **_MS):
    code: MText
    title: MText
    duration: dt.timedelta
    format: DeliveryFormat
    learning_objectives: tuple[MText, ...] = ()
    facilitators: MPositive = 1
    max_participants: MPositive | None = None
    min_days_after_previous: MNonNegative = 0

    def __post_init__(self) -> None:
        _positive_duration(self.duration)


class MProgram(msgspec.Struct, **_MS):
    code: MText
    title: MText
    service_area: ServiceArea
    target_group: TargetGroup
    modules: Annotated[tuple[MModule, ...], msgspec.Meta(min_length=1)]
    kind: ProgramKind
    cohort_size: tuple[int, int] = (8, 20)
    max_span_days: int | None = None
    themes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        check_program(self)


class MCallOffLine(msgspec.Struct, **_MS):
    price_code: MText
    quantity: Amount
    unit_price: MMoney | None = None
    description: MAnyText = ""

    def __post_init__(self) -> None:
        if not finite(self.quantity) > 0:
            raise ValueError("quantity: must be greater than 0")


class MStatusChange(msgspec.Struct, **_MS):
    from_status: CallOffStatus
    to_status: CallOffStatus
    on: dt.date

    def __post_init__(self) -> None:
        if self.to_status not in _NEXT[self.from_status]:
            raise ValueError("to_status: cannot follow from_status")


class MCallOff(msgspec.Struct, **_MS):
    reference: MText
    agreement_reference: MText
    unit: MOrderingUnit
    ordered_on: dt.date
    delivery: MDateRange
    lines: Annotated[tuple[MCallOffLine, ...], msgspec.Meta(min_length=1)]
    programs: tuple[MProgram, ...] = ()
    method: CallOffMethod
    status: CallOffStatus = CallOffStatus.DRAFT
    history: tuple[MStatusChange, ...] = ()

    def __post_init__(self) -> None:
        check_call_off(self)


class MMeeting(msgspec.Struct, **_MS):
    module: MText
    cohort: MText
    start: Zoned
    end: Zoned

    def __post_init__(self) -> None:
        if self.end.moment <= self.start.moment:
            raise ValueError("end: must be after start")


class MScheduledCallOff(msgspec.Struct, **_MS):
    call_off: MCallOff
    sessions: tuple[MMeeting, ...] = ()

    def __post_init__(self) -> None:
        check_scheduled(self)


class MWorkload(msgspec.Struct, **_MS):
    agreement: MAgreement
    call_offs: tuple[MScheduledCallOff, ...] = ()


def _dec_hook(type_: type, value: object) -> object:
    if type_ is Amount:
        return Amount(decimal_text(value))
    if type_ is Zoned:
        return Zoned(zoned_datetime(value))
    raise NotImplementedError(type_)


def _enc_hook(value: object) -> object:
    if type(value) is Zoned:
        return write_zoned(value.moment)
    if type(value) is Amount:
        return write_decimal(value)
    raise NotImplementedError(type(value))


_DECODER = msgspec.json.Decoder(MWorkload, dec_hook=_dec_hook)
_ENCODER = msgspec.json.Encoder(enc_hook=_enc_hook, decimal_format="string")


def msgspec_decode(text: str | bytes) -> MWorkload:
    return _DECODER.decode(text)


def msgspec_encode(value: MWorkload) -> bytes:
    return _ENCODER.encode(value)
