"""The benchmark document: 1,000 call-offs with their programs and dated sessions.

A :class:`~ledarutveckling.CallOff` holds its programs but no dates of sessions, and a
:class:`~ledarutveckling.Session` holds its whole program and module (a document of 24,000 of
them would repeat each program 12 times). So the benchmark document is a small class of its
own that combines the library's types: a :class:`Workload` holds the agreement and, for each
call-off, the call-off itself and its sessions (:class:`Meeting`: a module code, a cohort and
an aware start and end). Its rules (end after start, a module of one of the call-off's
programs, text not blank) are checked with the library's own ``Checker`` in
``__attrs_post_init__``, like every class of the library, and everything else is read by the
library's converter unchanged.

``make_workload()`` is deterministic (seeded): the same call gives the same document.
"""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pendulum

from ledarutveckling import (
    CallOff,
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    DateRange,
    DeliveryFormat,
    FrameworkAgreement,
    Module,
    Money,
    OrderingUnit,
    OrderingUnitKind,
    Organisation,
    Program,
    ProgramKind,
    ServiceArea,
    StatusChange,
    TargetGroup,
)
from ledarutveckling._base.checks import Checker
from ledarutveckling.examples import stockholm_agreement

CALL_OFFS = 1_000
LINES = 3
PROGRAMS = 2
MODULES = 4
SESSIONS = 3  # per module: one per cohort
SEED = 20261127


@attrs.frozen(kw_only=True)
class Meeting:
    """One dated session of a module for one cohort (benchmark only)."""

    module: str
    cohort: str
    start: pendulum.DateTime
    end: pendulum.DateTime

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("module", self.module)
        checks.text("cohort", self.cohort)
        start_ok = checks.instance("start", self.start, pendulum.DateTime, "an aware DateTime")
        end_ok = checks.instance("end", self.end, pendulum.DateTime, "an aware DateTime")
        if start_ok and end_ok and self.end <= self.start:
            checks.add("end", self.end, "must be after start")
        checks.done()


@attrs.frozen(kw_only=True)
class ScheduledCallOff:
    """A call-off and the sessions that deliver its programs (benchmark only)."""

    call_off: CallOff
    sessions: tuple[Meeting, ...] = ()

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("call_off", self.call_off, CallOff, "a CallOff")
        meetings = checks.items("sessions", self.sessions, Meeting, "Meeting objects")
        if isinstance(self.call_off, CallOff):
            codes = {m.code for p in self.call_off.programs for m in p.modules}
            for index, meeting in enumerate(meetings):
                if meeting.module not in codes:
                    checks.add(
                        f"sessions[{index}].module",
                        meeting.module,
                        "must be a module of one of the call-off's programs",
                    )
        checks.done()


@attrs.frozen(kw_only=True)
class Workload:
    """An agreement and its scheduled call-offs: the benchmark's document (benchmark only)."""

    agreement: FrameworkAgreement
    call_offs: tuple[ScheduledCallOff, ...] = ()

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("agreement", self.agreement, FrameworkAgreement, "a FrameworkAgreement")
        checks.items("call_offs", self.call_offs, ScheduledCallOff, "ScheduledCallOff objects")
        checks.done()


_UNITS = (
    "Socialförvaltningen",
    "Utbildningsförvaltningen",
    "Stadsledningskontoret",
    "Trafikkontoret",
    "Kulturförvaltningen",
    "Äldreförvaltningen",
)
_TOPICS = (
    "Att leda i förändring",
    "Svåra samtal",
    "Arbetsmiljö och hållbart ledarskap",
    "Coachande förhållningssätt",
    "Tillitsbaserad styrning",
    "Ledarskap i kris",
)
_CODES = ("KONS-TIM", "MATERIAL", "PLATTFORM", "KONS-DAG", "BEHOV")
_FORMATS = (DeliveryFormat.IN_PERSON, DeliveryFormat.DIGITAL)


def _program(rng: random.Random, number: int, area: ServiceArea) -> Program:
    modules = tuple(
        Module(
            code=f"P{number}-{index + 1}",
            title=rng.choice(_TOPICS),
            duration=pendulum.duration(hours=rng.choice((2, 3, 4, 6))),
            format=rng.choice(_FORMATS),
            learning_objectives=(f"Mål {index + 1}: {rng.choice(_TOPICS).lower()}",),
            facilitators=rng.choice((1, 2)),
            min_days_after_previous=7 if index else 0,
        )
        for index in range(MODULES)
    )
    return Program(
        code=f"P{number}",
        title=f"Program {number}: {rng.choice(_TOPICS)}",
        service_area=area,
        target_group=rng.choice((TargetGroup.MANAGERS, TargetGroup.EMPLOYEES)),
        kind=ProgramKind.LONG_PROGRAM,
        modules=modules,
    )


def make_workload(call_offs: int = CALL_OFFS, seed: int = SEED) -> Workload:
    """The benchmark document, the same for the same arguments."""
    rng = random.Random(seed)
    agreement = stockholm_agreement()
    city = Organisation(name="Stockholms stad", org_number="212000-0142")
    zone = "Europe/Stockholm"
    scheduled = []
    for number in range(call_offs):
        ordered = pendulum.date(2025, 1, 2).add(days=rng.randrange(600))
        start = ordered.add(days=rng.randrange(1, 30))
        area = rng.choice((ServiceArea.LEADERSHIP, ServiceArea.EMPLOYEESHIP))
        programs = tuple(_program(rng, number * PROGRAMS + k, area) for k in range(PROGRAMS))
        lines = tuple(
            CallOffLine(
                price_code=rng.choice(_CODES),
                quantity=Decimal(rng.randrange(1, 400)) / 2,
                unit_price=Money.sek(Decimal(rng.randrange(30000, 200000)) / 100)
                if rng.random() < 0.5
                else None,
                description=f"Rad {index + 1}: {rng.choice(_TOPICS)}",
            )
            for index in range(LINES)
        )
        call_off = CallOff(
            reference=f"AVR {2025 + number % 2}/{number:04d}",
            agreement_reference=agreement.reference,
            unit=OrderingUnit(
                name=rng.choice(_UNITS), kind=OrderingUnitKind.ADMINISTRATION, organisation=city
            ),
            ordered_on=ordered,
            delivery=DateRange(start=start, end=start.add(days=120)),
            lines=lines,
            programs=programs,
            method=CallOffMethod.RANKING,
            status=CallOffStatus.ORDERED,
            history=(
                StatusChange(
                    from_status=CallOffStatus.DRAFT, to_status=CallOffStatus.ORDERED, on=ordered
                ),
            ),
        )
        meetings = []
        for program in programs:
            for step, module in enumerate(program.modules):
                for cohort in range(SESSIONS):
                    day = start.add(days=7 * step + cohort)
                    begin = pendulum.datetime(
                        day.year, day.month, day.day, rng.choice((8, 9, 13)), tz=zone
                    )
                    meetings.append(
                        Meeting(
                            module=module.code,
                            cohort=f"Grupp {cohort + 1}",
                            start=begin,
                            end=begin + module.duration,
                        )
                    )
        scheduled.append(ScheduledCallOff(call_off=call_off, sessions=tuple(meetings)))
    return Workload(agreement=agreement, call_offs=tuple(scheduled))
