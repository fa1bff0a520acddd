"""The Stockholm example: a framework agreement, its call-offs and a rollout, written out once."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.money import Money
from ledarutveckling._procurement.agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
    Indexation,
    PriceItem,
    PriceList,
    PriceUnit,
)
from ledarutveckling._procurement.calloff import CallOff, CallOffLine
from ledarutveckling._procurement.catalogue import Catalogue
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import (
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._procurement.parties import OrderingUnit, OrderingUnitKind, Organisation
from ledarutveckling._procurement.quoting import quote
from ledarutveckling._procurement.status import CallOffStatus, StatusChange
from ledarutveckling._procurement.terms import DeliveryTerms

__all__ = [
    "example_supplier",
    "stockholm_agreement",
    "stockholm_catalogue",
    "stockholm_ledger",
    "stockholm_units",
    "stockholms_stad",
]


_IN_PERSON = DeliveryFormat.IN_PERSON


_DIGITAL = DeliveryFormat.DIGITAL


_SELF_PACED = DeliveryFormat.SELF_PACED


def _hours(hours: str) -> pendulum.Duration:
    minutes = int(Decimal(hours) * 60)
    return pendulum.duration(minutes=minutes)


def stockholms_stad() -> Organisation:
    """The buyer: Stockholms stad, organisation number 212000-0142."""
    return Organisation(name="Stockholms stad", org_number="212000-0142")


def example_supplier() -> Organisation:
    """The supplier, a made-up consultancy with a valid (made-up) organisation number."""
    return Organisation(name="Exempelkonsulterna i Stockholm AB", org_number="556677-1233")


CITY_UNITS: Final = (
    ("Socialförvaltningen", OrderingUnitKind.ADMINISTRATION, "SOC"),
    ("Skärholmens stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-SK"),
    ("Stadsarkivet", OrderingUnitKind.ADMINISTRATION, "KUL"),
    ("Stadsledningskontoret", OrderingUnitKind.OFFICE, "SLK"),
    ("Trafikkontoret", OrderingUnitKind.ADMINISTRATION, "TK"),
    ("Rinkeby-Kista stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-RK"),
    ("Södermalms stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-SÖ"),
    ("Utbildningsförvaltningen", OrderingUnitKind.ADMINISTRATION, "UTB"),
    ("Stockholm Vatten och Avfall AB", OrderingUnitKind.COMPANY, "SVOA"),
)
"""The city's units: name, kind and the prefix of their case numbers (diarienummer).

The first :data:`_CALLING_OFF` call off in :func:`stockholm_ledger`; the testing strategies
draw from them all.
"""


_CALLING_OFF: Final = 5


def stockholm_units() -> dict[str, OrderingUnit]:
    """The city's units that call off in the examples, by name.

    Examples:
        >>> sorted(stockholm_units())[:2]
        ['Skärholmens stadsdelsförvaltning', 'Socialförvaltningen']
    """
    city = stockholms_stad()
    return {
        name: OrderingUnit(name=name, kind=kind, organisation=city)
        for name, kind, _ in CITY_UNITS[:_CALLING_OFF]
    }


def _module(
    code: str,
    title: str,
    hours: str,
    fmt: DeliveryFormat,
    objectives: tuple[str, ...],
    *,
    facilitators: int = 1,
    gap: int = 0,
    max_participants: int | None = None,
) -> Module:
    return Module(
        code=code,
        title=title,
        duration=_hours(hours),
        format=fmt,
        learning_objectives=objectives,
        facilitators=facilitators,
        min_days_after_previous=gap,
        max_participants=max_participants,
    )


def stockholm_catalogue() -> Catalogue:
    """The consultancy's offerings for the city: eleven programs and shorter interventions.

    Examples:
        >>> [p.code for p in stockholm_catalogue().filter(theme="förändring")]
        ['SOC-CHEF', 'FOR-LED', 'ABW']
    """
    leadership, employeeship = ServiceArea.LEADERSHIP, ServiceArea.EMPLOYEESHIP
    long, short, network = (
        ProgramKind.LONG_PROGRAM,
        ProgramKind.SHORT_INTERVENTION,
        ProgramKind.NETWORK,
    )
    return Catalogue(
        programs=(
            Program(
                code="SOC-CHEF",
                title="Ledarskap i socialtjänsten",
                service_area=leadership,
                target_group=TargetGroup.MANAGERS,
                kind=long,
                cohort_size=(12, 20),
                max_span_days=180,
                themes=("socialtjänst", "arbetsmiljö", "förändring"),
                modules=(
                    _module(
                        "SOC-1",
                        "Introduktion och självskattning",
                        "2",
                        _SELF_PACED,
                        ("Beskriva sin egen ledarstil utifrån självskattningen",),
                    ),
                    _module(
                        "SOC-2",
                        "Ledarskap i en lagstyrd verksamhet",
                        "6",
                        _IN_PERSON,
                        ("Leda med stöd av socialtjänstlagen och delegationsordningen",),
                        facilitators=2,
                        gap=7,
                    ),
                    _module(
                        "SOC-3",
                        "Arbetsmiljö och hållbart ledarskap",
                        "3",
                        _DIGITAL,
                        ("Tillämpa det systematiska arbetsmiljöarbetet i sin grupp",),
                        gap=21,
                    ),
                    _module(
                        "SOC-4",
                        "Svåra samtal i myndighetsutövning",
                        "6",
                        _IN_PERSON,
                        ("Förbereda och genomföra ett svårt samtal",),
                        facilitators=2,
                        gap=21,
                    ),
                    _module(
                        "SOC-5",
                        "Att leda i förändring",
                        "6",
                        _IN_PERSON,
                        ("Förstå och bemöta reaktioner på förändring",),
                        facilitators=2,
                        gap=28,
                    ),
                    _module(
                        "SOC-6",
                        "Avslutning och egen utvecklingsplan",
                        "3",
                        _DIGITAL,
                        ("Formulera en utvecklingsplan för det kommande året",),
                        gap=28,
                    ),
                ),
            ),
            Program(
                code="FOR-LED",
                title="Förändringsledarskap",
                service_area=leadership,
                target_group=TargetGroup.MANAGERS,
                kind=long,
                cohort_size=(10, 16),
                max_span_days=150,
                themes=("förändring",),
                modules=(
                    _module(
                        "FOR-1",
                        "Förändringens psykologi",
                        "6",
                        _IN_PERSON,
                        ("Förklara hur människor reagerar på förändring",),
                        facilitators=2,
                    ),
                    _module(
                        "FOR-2",
                        "Kommunicera förändring",
                        "3",
                        _DIGITAL,
                        ("Planera kommunikationen av en förändring",),
                        gap=14,
                    ),
                    _module(
                        "FOR-3",
                        "Att leda genom motstånd",
                        "6",
                        _IN_PERSON,
                        ("Hantera motstånd konstruktivt",),
                        facilitators=2,
                        gap=28,
                    ),
                    _module(
                        "FOR-4",
                        "Uppföljning och lärande",
                        "2",
                        _DIGITAL,
                        ("Följa upp en förändring och dra lärdomar",),
                        gap=28,
                    ),
                ),
            ),
            Program(
                code="LGA",
                title="Leda genom andra",
                service_area=leadership,
                target_group=TargetGroup.SENIOR_MANAGERS,
                kind=long,
                cohort_size=(8, 16),
                themes=("indirekt ledarskap",),
                modules=(
                    _module(
                        "LGA-1",
                        "Från att leda medarbetare till att leda chefer",
                        "7",
                        _IN_PERSON,
                        ("Beskriva skillnaden mellan direkt och indirekt ledarskap",),
                        facilitators=2,
                    ),
                    _module(
                        "LGA-2",
                        "Styrning, tillit och uppföljning",
                        "7",
                        _IN_PERSON,
                        ("Leda med tydliga mål och tillitsbaserad styrning",),
                        facilitators=2,
                        gap=30,
                    ),
                    _module(
                        "LGA-3",
                        "Ledningsgruppen som arena",
                        "3",
                        _DIGITAL,
                        ("Utveckla sin ledningsgrupps arbetssätt",),
                        gap=30,
                    ),
                ),
            ),
            Program(
                code="SVS",
                title="Svåra samtal",
                service_area=leadership,
                target_group=TargetGroup.MANAGERS,
                kind=short,
                cohort_size=(8, 20),
                max_span_days=30,
                themes=("samtal", "konflikt"),
                modules=(
                    _module(
                        "SVS-1",
                        "Samtalsmodeller",
                        "1",
                        _SELF_PACED,
                        ("Känna till en modell för svåra samtal",),
                    ),
                    _module(
                        "SVS-2",
                        "Övning i svåra samtal",
                        "3",
                        _IN_PERSON,
                        ("Genomföra ett svårt samtal i rollspel",),
                        facilitators=2,
                        gap=7,
                    ),
                ),
            ),
            Program(
                code="FAC",
                title="Faciliteringsträning",
                service_area=leadership,
                target_group=TargetGroup.MANAGERS,
                kind=short,
                cohort_size=(8, 16),
                themes=("facilitering", "möten"),
                modules=(
                    _module(
                        "FAC-1",
                        "Att leda möten och workshoppar",
                        "6",
                        _IN_PERSON,
                        ("Planera och leda en workshop",),
                    ),
                    _module(
                        "FAC-2",
                        "Erfarenhetsutbyte",
                        "2",
                        _DIGITAL,
                        ("Reflektera över egna faciliteringserfarenheter",),
                        gap=21,
                    ),
                ),
            ),
            Program(
                code="COACH",
                title="Coachande chefsnätverk",
                service_area=leadership,
                target_group=TargetGroup.MANAGERS,
                kind=network,
                cohort_size=(6, 10),
                themes=("coachning", "nätverk"),
                modules=tuple(
                    _module(
                        f"COACH-{n}",
                        f"Nätverksträff {n}",
                        "3",
                        _IN_PERSON if n in (1, 4) else _DIGITAL,
                        ("Använda ett coachande förhållningssätt",),
                        gap=0 if n == 1 else 30,
                    )
                    for n in range(1, 5)
                ),
            ),
            Program(
                code="AMS",
                title="Aktivt medarbetarskap",
                service_area=employeeship,
                target_group=TargetGroup.EMPLOYEES,
                kind=short,
                cohort_size=(10, 30),
                themes=("medarbetarskap", "engagemang"),
                modules=(
                    _module(
                        "AMS-1",
                        "Vad är medarbetarskap?",
                        "1",
                        _SELF_PACED,
                        ("Beskriva sitt eget ansvar för arbetsplatsen",),
                    ),
                    _module(
                        "AMS-2",
                        "Workshop: vårt medarbetarskap",
                        "3",
                        _IN_PERSON,
                        ("Komma överens om gemensamma spelregler",),
                        facilitators=2,
                        gap=7,
                    ),
                ),
            ),
            Program(
                code="PROC",
                title="Processorienterat arbetssätt",
                service_area=employeeship,
                target_group=TargetGroup.EMPLOYEES,
                kind=long,
                cohort_size=(10, 25),
                themes=("processorientering", "verksamhetsutveckling"),
                modules=(
                    _module(
                        "PROC-1",
                        "Att se verksamheten som processer",
                        "3",
                        _IN_PERSON,
                        ("Beskriva en process från behov till resultat",),
                    ),
                    _module(
                        "PROC-2",
                        "Kartlägga våra processer",
                        "3",
                        _IN_PERSON,
                        ("Kartlägga en av enhetens processer",),
                        facilitators=2,
                        gap=14,
                    ),
                    _module(
                        "PROC-3",
                        "Förbättra och följa upp",
                        "2",
                        _DIGITAL,
                        ("Välja mått och följa upp en process",),
                        gap=28,
                    ),
                ),
            ),
            Program(
                code="TRAINEE",
                title="Stadens traineeprogram – ledarskapsspåret",
                service_area=leadership,
                target_group=TargetGroup.TRAINEES,
                kind=long,
                cohort_size=(12, 24),
                themes=("trainee",),
                modules=tuple(
                    _module(
                        f"TR-{n}",
                        title,
                        "6",
                        _IN_PERSON if n != 3 else _DIGITAL,
                        ("Utveckla sitt ledarskap i en politiskt styrd organisation",),
                        facilitators=2 if n != 3 else 1,
                        gap=0 if n == 1 else 42,
                    )
                    for n, title in enumerate(
                        (
                            "Att leda sig själv",
                            "Att leda andra",
                            "Ledarskap i en politiskt styrd organisation",
                            "Att leda förändring och utveckling",
                        ),
                        start=1,
                    )
                ),
            ),
            Program(
                code="LUC",
                title="Leda utan att vara chef",
                service_area=employeeship,
                target_group=TargetGroup.INFORMAL_LEADERS,
                kind=short,
                cohort_size=(8, 20),
                themes=("informellt ledarskap",),
                modules=(
                    _module(
                        "LUC-1",
                        "Mandat och roll",
                        "3",
                        _DIGITAL,
                        ("Klargöra sitt mandat som projekt- eller teamledare",),
                    ),
                    _module(
                        "LUC-2",
                        "Att leda utan formell makt",
                        "6",
                        _IN_PERSON,
                        ("Skapa engagemang utan chefsroll",),
                        gap=14,
                    ),
                ),
            ),
            Program(
                code="ABW",
                title="Flytten till ett aktivitetsbaserat kontor",
                service_area=employeeship,
                target_group=TargetGroup.ALL_STAFF,
                kind=long,
                cohort_size=(20, 40),
                max_span_days=60,
                themes=("aktivitetsbaserat kontor", "förändring"),
                modules=(
                    _module(
                        "ABW-1",
                        "Introduktion till aktivitetsbaserat arbetssätt",
                        "1",
                        _SELF_PACED,
                        ("Känna till det nya kontorets zoner och spelregler",),
                    ),
                    _module(
                        "ABW-2",
                        "Vår arbetsplats i det nya kontoret",
                        "3",
                        _IN_PERSON,
                        ("Komma överens om arbetsgruppens sätt att arbeta",),
                        gap=7,
                    ),
                    _module(
                        "ABW-3",
                        "Uppföljning efter flytten",
                        "1.5",
                        _DIGITAL,
                        ("Följa upp och justera arbetssättet",),
                        gap=30,
                    ),
                ),
            ),
        )
    )


def stockholm_agreement() -> FrameworkAgreement:
    """The framework agreement: 2 + 1 + 1 years from 2025, the first option exercised.

    Term 1 January 2025 – 31 December 2026, two options of 12 months with 90 days' notice
    (the first exercised on 15 September 2026), an estimated value of 8 and a ceiling of
    10 million kronor, prices in SEK excluding VAT indexed each 1 January by an index
    (made-up values) with a 1 % threshold and a 5 % cap, and a combined call-off method:
    ranking (the supplier is ranked first) below 1 million kronor, renewed competition at
    or above it. Its delivery terms: a cancellation fewer than 10 working days before a
    session is charged 50 %, a no-show 100 %, and the supplier may cancel a session with
    fewer than 8 registered.

    Examples:
        >>> agreement = stockholm_agreement()
        >>> agreement.term.start, agreement.end_date, agreement.latest_end_date
        (Date(2025, 1, 1), Date(2027, 12, 31), Date(2028, 12, 31))
    """
    return FrameworkAgreement(
        reference="KS 2024/0815",
        title="Ramavtal ledar- och medarbetarutveckling",
        buyer=stockholms_stad(),
        supplier=example_supplier(),
        term=DateRange.from_iso("2025-01-01", "2026-12-31"),
        options=(
            ExtensionOption(months=12, notice_days=90, exercised_on=pendulum.date(2026, 9, 15)),
            ExtensionOption(months=12, notice_days=90),
        ),
        estimated_value=Money.sek("8000000"),
        ceiling=Money.sek("10000000"),
        service_areas=(ServiceArea.LEADERSHIP, ServiceArea.EMPLOYEESHIP),
        price_list=PriceList(
            items=(
                PriceItem(
                    code="KONS-TIM",
                    description="Utbildningsledare, timpris",
                    unit=PriceUnit.HOUR,
                    price=Money.sek("1450"),
                ),
                PriceItem(
                    code="KONS-HALVDAG",
                    description="Utbildningsledare, halvdag (upp till 4 timmar)",
                    unit=PriceUnit.HALF_DAY,
                    price=Money.sek("5400"),
                ),
                PriceItem(
                    code="KONS-DAG",
                    description="Utbildningsledare, heldag (upp till 8 timmar)",
                    unit=PriceUnit.DAY,
                    price=Money.sek("10200"),
                ),
                PriceItem(
                    code="COACH-SAMTAL",
                    description="Individuellt coachningssamtal, 60 minuter",
                    unit=PriceUnit.SESSION,
                    price=Money.sek("1650"),
                ),
                PriceItem(
                    code="MATERIAL",
                    description="Kursmaterial per deltagare",
                    unit=PriceUnit.PARTICIPANT,
                    price=Money.sek("450"),
                ),
                PriceItem(
                    code="PLATTFORM",
                    description="Licens digital lärplattform per deltagare",
                    unit=PriceUnit.PARTICIPANT,
                    price=Money.sek("300"),
                ),
                PriceItem(
                    code="BEHOV",
                    description="Behovsanalys och uppstartsmöte",
                    unit=PriceUnit.FIXED,
                    price=Money.sek("8500"),
                ),
            )
        ),
        indexation=Indexation(
            index="AKI, tjänstemän, privat sektor (exempelvärden, ej SCB:s siffror)",
            base_month=(2024, 10),
            adjust_on=pendulum.date(2026, 1, 1),
            threshold=Decimal("0.01"),
            cap=Decimal("0.05"),
            values={
                (2024, 10): Decimal("100.0"),
                (2025, 10): Decimal("103.2"),
                (2026, 10): Decimal("106.1"),
                (2027, 10): Decimal("108.9"),
            },
        ),
        call_off_method=CallOffMethod.COMBINED,
        value_limit=Money.sek("1000000"),
        supplier_rank=1,
        delivery_terms=DeliveryTerms(
            late_cancellation_days=10,
            late_cancellation_share=Decimal("0.5"),
            minimum_participants=8,
            no_show_share=Decimal(1),
        ),
    )


def _history(*steps: tuple[CallOffStatus, str]) -> tuple[StatusChange, ...]:
    changes = []
    current = CallOffStatus.DRAFT
    for status, day in steps:
        changes.append(StatusChange(from_status=current, to_status=status, on=_date(day)))
        current = status
    return tuple(changes)


def _date(text: str) -> pendulum.Date:
    year, month, day = (int(part) for part in text.split("-"))
    return pendulum.date(year, month, day)


def stockholm_ledger() -> AgreementLedger:
    """The agreement with seven call-offs from five units, 2025–2027, none breaking a rule.

    Their lines come from :func:`~ledarutveckling.quote` at the list price on the order day,
    except the move to an activity-based office: above the value limit, it went to renewed
    competition and carries a lower hourly price.

    Examples:
        >>> for c in stockholm_ledger().call_offs[:3]:
        ...     print(c.reference, c.unit.name, c.status.value)
        SOC 2025/0142 Socialförvaltningen invoiced
        SDF-SK 2025/0412 Skärholmens stadsdelsförvaltning cancelled
        KUL 2025/1104 Stadsarkivet delivered
    """
    agreement = stockholm_agreement()
    catalogue = stockholm_catalogue()
    units = stockholm_units()
    ranking, competition = CallOffMethod.RANKING, CallOffMethod.RENEWED_COMPETITION
    st = CallOffStatus

    def call_off(
        reference: str,
        unit: str,
        program: str,
        cohorts: int,
        participants: int,
        ordered_on: str,
        delivery: tuple[str, str],
        history: tuple[StatusChange, ...],
        *,
        method: CallOffMethod = ranking,
        lines: tuple[CallOffLine, ...] | None = None,
    ) -> CallOff:
        day = _date(ordered_on)
        chosen = catalogue.program(program)
        if lines is None:
            lines = quote(agreement, chosen, cohorts, participants, day).lines
        return CallOff(
            reference=reference,
            agreement_reference=agreement.reference,
            unit=units[unit],
            ordered_on=day,
            delivery=DateRange.from_iso(*delivery),
            lines=lines,
            programs=(chosen,),
            method=method,
            status=history[-1].to_status if history else st.DRAFT,
            history=history,
        )

    move = quote(agreement, catalogue.program("ABW"), 60, 40, _date("2026-06-01"))
    move_lines = tuple(
        attrs.evolve(line, unit_price=Money.sek("1350")) if line.price_code == "KONS-TIM" else line
        for line in move.lines
    )
    return AgreementLedger(
        agreement=agreement,
        call_offs=(
            call_off(
                "SOC 2025/0142",
                "Socialförvaltningen",
                "SOC-CHEF",
                2,
                18,
                "2025-02-10",
                ("2025-03-03", "2025-09-30"),
                _history(
                    (st.ORDERED, "2025-02-10"),
                    (st.IN_DELIVERY, "2025-03-03"),
                    (st.DELIVERED, "2025-09-30"),
                    (st.INVOICED, "2025-10-15"),
                ),
            ),
            call_off(
                "SDF-SK 2025/0412",
                "Skärholmens stadsdelsförvaltning",
                "FAC",
                1,
                14,
                "2025-05-05",
                ("2025-09-01", "2025-10-31"),
                _history((st.ORDERED, "2025-05-05"), (st.CANCELLED, "2025-05-20")),
            ),
            call_off(
                "KUL 2025/1104",
                "Stadsarkivet",
                "PROC",
                2,
                22,
                "2025-09-01",
                ("2025-10-01", "2026-02-27"),
                _history(
                    (st.ORDERED, "2025-09-01"),
                    (st.IN_DELIVERY, "2025-10-01"),
                    (st.DELIVERED, "2026-02-27"),
                ),
            ),
            call_off(
                "SDF-SK 2026/0318",
                "Skärholmens stadsdelsförvaltning",
                "FOR-LED",
                3,
                16,
                "2026-03-16",
                ("2026-04-06", "2026-12-18"),
                _history((st.ORDERED, "2026-03-16"), (st.IN_DELIVERY, "2026-04-06")),
            ),
            call_off(
                "TK 2026/1201",
                "Trafikkontoret",
                "ABW",
                60,
                40,
                "2026-06-01",
                ("2027-01-11", "2027-06-30"),
                _history((st.ORDERED, "2026-06-01")),
                method=competition,
                lines=move_lines,
            ),
            call_off(
                "SLK 2026/0777",
                "Stadsledningskontoret",
                "TRAINEE",
                1,
                20,
                "2026-08-17",
                ("2026-09-01", "2027-05-31"),
                _history((st.ORDERED, "2026-08-17"), (st.IN_DELIVERY, "2026-09-01")),
            ),
            call_off(
                "SOC 2027/0031",
                "Socialförvaltningen",
                "SVS",
                3,
                20,
                "2027-01-18",
                ("2027-02-01", "2027-04-30"),
                (),
            ),
        ),
    )
