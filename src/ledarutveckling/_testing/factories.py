"""Plain factories for example-based tests (private; public in ledarutveckling.testing).

Each ``make_*`` function builds one valid object with realistic Swedish defaults; keyword
arguments replace fields. The objects are built through their constructors, so an override
that breaks a rule raises :class:`~ledarutveckling.ValidationError` as usual.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.money import Money
from ledarutveckling._evaluation.survey import (
    Evaluation,
    EvaluationSubject,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)
from ledarutveckling._examples.evaluations import QUESTIONS
from ledarutveckling._examples.stockholm import (
    example_supplier,
    stockholm_agreement,
    stockholm_catalogue,
    stockholm_units,
    stockholms_stad,
)
from ledarutveckling._procurement.agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
    PriceList,
    PriceUnit,
)
from ledarutveckling._procurement.calloff import CallOff, CallOffLine, RankingReason
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import (
    DeliveryFormat,
    Module,
    Program,
)
from ledarutveckling._procurement.parties import OrderingUnit, Organisation
from ledarutveckling._scheduling.sessions import Session

__all__ = [
    "make_agreement",
    "make_call_off",
    "make_evaluation",
    "make_ledger",
    "make_module",
    "make_ordering_unit",
    "make_organisation",
    "make_price_list",
    "make_program",
    "make_session",
    "make_supplier",
    "method_for",
]


def _build(cls: type[Any], defaults: dict[str, Any], overrides: dict[str, Any]) -> Any:
    fields = dict(defaults)
    fields.update(overrides)
    return cls(**fields)


def make_organisation(**overrides: Any) -> Organisation:
    """An organisation: Stockholms stad (212000-0142) unless overridden.

    Examples:
        >>> make_organisation().org_number
        '212000-0142'
        >>> make_organisation(name="Region Stockholm", org_number="232100-0016").name
        'Region Stockholm'
    """
    city = stockholms_stad()
    defaults = {"name": city.name, "org_number": city.org_number}
    return _build(Organisation, defaults, overrides)  # type: ignore[no-any-return]


def make_supplier(**overrides: Any) -> Organisation:
    """A supplier: a made-up consultancy with a valid organisation number (556677-1233).

    Examples:
        >>> make_supplier().name
        'Exempelkonsulterna i Stockholm AB'
    """
    supplier = example_supplier()
    defaults = {"name": supplier.name, "org_number": supplier.org_number}
    return _build(Organisation, defaults, overrides)  # type: ignore[no-any-return]


def make_ordering_unit(**overrides: Any) -> OrderingUnit:
    """An ordering unit: Socialförvaltningen of Stockholms stad unless overridden.

    Examples:
        >>> str(make_ordering_unit(name="Stadsarkivet"))
        'Stadsarkivet (Stockholms stad)'
    """
    unit = stockholm_units()["Socialförvaltningen"]
    defaults = {"name": unit.name, "kind": unit.kind, "organisation": make_organisation()}
    return _build(OrderingUnit, defaults, overrides)  # type: ignore[no-any-return]


def make_module(**overrides: Any) -> Module:
    """A module: three hours in person, "Att leda i förändring", one facilitator.

    Examples:
        >>> make_module(format=DeliveryFormat.DIGITAL).hours
        Decimal('3')
    """
    defaults: dict[str, Any] = {
        "code": "M1",
        "title": "Att leda i förändring",
        "duration": pendulum.duration(hours=3),
        "format": DeliveryFormat.IN_PERSON,
        "learning_objectives": ("Förstå hur medarbetare reagerar på förändring",),
    }
    return _build(Module, defaults, overrides)  # type: ignore[no-any-return]


def make_program(**overrides: Any) -> Program:
    """A program: "Förändringsledarskap" for managers, three modules two weeks apart.

    The example catalogue's FOR-LED (code, title, service area, target group, kind, themes),
    shortened to three small modules and cohorts of 10–20.

    Examples:
        >>> from ledarutveckling import TargetGroup
        >>> program = make_program(target_group=TargetGroup.SENIOR_MANAGERS)
        >>> program.code, [m.code for m in program.modules], program.is_blended
        ('FOR-LED', ['M1', 'M2', 'M3'], True)
    """
    example = stockholm_catalogue().program("FOR-LED")
    defaults: dict[str, Any] = {
        "code": example.code,
        "title": example.title,
        "service_area": example.service_area,
        "target_group": example.target_group,
        "kind": example.kind,
        "cohort_size": (10, 20),
        "themes": example.themes,
        "modules": (
            make_module(),
            make_module(
                code="M2",
                title="Kommunicera förändring",
                format=DeliveryFormat.DIGITAL,
                duration=pendulum.duration(hours=2),
                min_days_after_previous=14,
            ),
            make_module(
                code="M3",
                title="Hålla i och hålla ut",
                min_days_after_previous=14,
                learning_objectives=("Följa upp en förändring med sin grupp",),
            ),
        ),
    }
    return _build(Program, defaults, overrides)  # type: ignore[no-any-return]


def make_price_list(**overrides: Any) -> PriceList:
    """A price list in SEK: an hourly price, a day price and material per participant.

    Examples:
        >>> make_price_list().codes
        ('KONS-TIM', 'KONS-DAG', 'MATERIAL')
    """
    listed = stockholm_agreement().price_list
    defaults: dict[str, Any] = {
        "items": tuple(listed.item(code) for code in ("KONS-TIM", "KONS-DAG", "MATERIAL"))
    }
    return _build(PriceList, defaults, overrides)  # type: ignore[no-any-return]


def make_agreement(**overrides: Any) -> FrameworkAgreement:
    """A framework agreement with Stockholms stad: 2026–2027 plus two one-year options.

    Fixed prices (no indexation) in SEK, an estimated value of 5 and a ceiling of 6 million
    kronor, both service areas, call-offs by ranking with the supplier ranked first.

    Examples:
        >>> agreement = make_agreement()
        >>> agreement.reference, agreement.end_date, agreement.latest_end_date
        ('KS 2025/0101', Date(2027, 12, 31), Date(2029, 12, 31))
        >>> make_agreement(call_off_method=CallOffMethod.RENEWED_COMPETITION,
        ...                supplier_rank=None).call_off_method.label()
        'förnyad konkurrensutsättning'
    """
    example = stockholm_agreement()
    defaults: dict[str, Any] = {
        "reference": "KS 2025/0101",
        "title": example.title,
        "buyer": make_organisation(),
        "supplier": make_supplier(),
        "term": DateRange.from_iso("2026-01-01", "2027-12-31"),
        "options": (
            ExtensionOption(months=12, notice_days=90),
            ExtensionOption(months=12, notice_days=90),
        ),
        "estimated_value": Money.sek("5000000"),
        "ceiling": Money.sek("6000000"),
        "service_areas": example.service_areas,
        "price_list": make_price_list(),
        "call_off_method": CallOffMethod.RANKING,
        "supplier_rank": 1,
    }
    return _build(FrameworkAgreement, defaults, overrides)  # type: ignore[no-any-return]


def method_for(agreement: FrameworkAgreement, call_off: CallOff) -> CallOffMethod:
    """The method *call_off* must use under *agreement* (the combined method decides by value).

    Raises:
        ValidationError: If the call-off cannot be priced under a combined-method agreement.

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> method_for(agreement, make_call_off(agreement)).value
        'ranking'
    """
    method = agreement.call_off_method
    if method is not CallOffMethod.COMBINED:
        return method
    assert agreement.value_limit is not None
    if call_off.total(agreement) >= agreement.value_limit:
        return CallOffMethod.RENEWED_COMPETITION
    return CallOffMethod.RANKING


def following_method(agreement: FrameworkAgreement, call_off: CallOff) -> CallOff:
    """*call_off* with the method *agreement* requires, and a ranking reason where it needs one.

    A call-off by ranking under an agreement whose supplier is not ranked first says why those
    above were passed over (no capacity, here); any other call-off states no reason.
    """
    method = method_for(agreement, call_off)
    rank = agreement.supplier_rank
    passed_over = method is CallOffMethod.RANKING and rank is not None and rank > 1
    reason = RankingReason.NO_CAPACITY if passed_over else None
    return attrs.evolve(call_off, method=method, ranking_reason=reason, ranking_note="")


def make_call_off(agreement: FrameworkAgreement | None = None, **overrides: Any) -> CallOff:
    """A draft call-off under *agreement* (:func:`make_agreement` by default) that it accepts.

    Socialförvaltningen orders a month into the term (or on the last day in force, if the
    term is shorter) and the delivery starts a month later and lasts two months: 24 hours of
    the first hourly price (or one unit of the first price item), priced by the agreement.
    The program is :func:`make_program`'s, when the agreement covers leadership. The method
    is the one the agreement requires, unless overridden.

    Examples:
        >>> agreement = make_agreement()
        >>> call_off = make_call_off(agreement)
        >>> call_off.reference, call_off.ordered_on, call_off.method.value
        ('SOC 2026/0123', Date(2026, 2, 1), 'ranking')
        >>> call_off.total(agreement)
        Money(amount=Decimal('34800.00'), currency='SEK')
        >>> make_ledger(call_off, agreement=agreement).problems()
        ()
    """
    agreement = make_agreement() if agreement is None else agreement
    period = agreement.period_in_force
    ordered_on = min(period.start.add(months=1), period.end)
    hourly = agreement.price_list.by_unit(PriceUnit.HOUR)
    if hourly:
        line = CallOffLine(
            price_code=hourly[0].code,
            quantity=Decimal(24),
            description="Utbildningsledare: 3 moduler × 4 tim × 2 grupper",
        )
    else:
        line = CallOffLine(price_code=agreement.price_list.codes[0], quantity=Decimal(1))
    program = make_program()
    delivery_start = ordered_on.add(months=1)
    defaults: dict[str, Any] = {
        "reference": "SOC 2026/0123",
        "agreement_reference": agreement.reference,
        "unit": make_ordering_unit(organisation=agreement.buyer),
        "ordered_on": ordered_on,
        "delivery": DateRange(start=delivery_start, end=delivery_start.add(months=2)),
        "lines": (line,),
        "programs": (program,) if program.service_area in agreement.service_areas else (),
        "method": CallOffMethod.RANKING,
    }
    call_off: CallOff = _build(CallOff, defaults, overrides)
    if "method" not in overrides:
        call_off = following_method(agreement, call_off)
    return call_off


def make_ledger(
    *call_offs: CallOff, agreement: FrameworkAgreement | None = None
) -> AgreementLedger:
    """A ledger of *agreement* (:func:`make_agreement` by default) and *call_offs*.

    Without call-offs, the ledger holds one from :func:`make_call_off`.

    Examples:
        >>> ledger = make_ledger()
        >>> len(ledger.call_offs), ledger.problems()
        (1, ())
    """
    agreement = make_agreement() if agreement is None else agreement
    chosen = call_offs or (make_call_off(agreement),)
    return AgreementLedger(agreement=agreement, call_offs=chosen)


def make_session(**overrides: Any) -> Session:
    """A session: the first module of :func:`make_program` for "Grupp 1" on 2 March 2027 at 9.

    The end follows the module's duration unless given; the room is "Ekoln".

    Examples:
        >>> session = make_session()
        >>> session.name()
        'FOR-LED Grupp 1 M1 (2 mars 2027 kl. 09:00)'
        >>> session.end.isoformat()
        '2027-03-02T12:00:00+01:00'
    """
    program: Program = overrides.get("program", make_program())
    module: Module = overrides.get("module", program.modules[0])
    start: dt.datetime = overrides.get(
        "start", pendulum.datetime(2027, 3, 2, 9, tz="Europe/Stockholm")
    )
    defaults: dict[str, Any] = {
        "program": program,
        "module": module,
        "cohort": "Grupp 1",
        "start": start,
        "end": start + module.duration,
        "format": module.format,
        "facilitators": ("Anna Lindqvist",),
        "room": "Ekoln",
    }
    return _build(Session, defaults, overrides)  # type: ignore[no-any-return]


def make_evaluation(**overrides: Any) -> Evaluation:
    """An evaluation of "Förändringsledarskap", Grupp 1: two questions, six responses of twelve.

    The questions are a 1–5 reaction question and the NPS question; the survey was open
    1–12 June 2026 and Socialförvaltningen ordered the program (call-off SOC 2026/0123).

    Examples:
        >>> evaluation = make_evaluation()
        >>> evaluation.respondents, evaluation.invited, evaluation.subject.unit
        (6, 12, 'Socialförvaltningen')
    """
    at = pendulum.datetime(2026, 6, 5, 15, tz="Europe/Stockholm")
    answers = ((5, 10), (4, 9), (4, 8), (3, 6), (5, 9), (4, None))
    defaults: dict[str, Any] = {
        "reference": "FOR-LED-2026-1",
        "subject": EvaluationSubject(
            program_code="FOR-LED",
            cohort="Grupp 1",
            call_off_reference="SOC 2026/0123",
            unit="Socialförvaltningen",
        ),
        "questions": (
            Question(
                code="Q1",
                text=QUESTIONS[0][1],
                scale=Scale.LIKERT_5,
                level=KirkpatrickLevel.REACTION,
            ),
            Question(
                code="NPS",
                text=QUESTIONS[-1][1],
                scale=Scale.NPS,
                level=KirkpatrickLevel.REACTION,
            ),
        ),
        "responses": tuple(
            Response(answers={"Q1": q1, "NPS": nps}, submitted_at=at) for q1, nps in answers
        ),
        "invited": 12,
        "collected": DateRange.from_iso("2026-06-01", "2026-06-12"),
    }
    return _build(Evaluation, defaults, overrides)  # type: ignore[no-any-return]
