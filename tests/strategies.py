"""Hypothesis strategies for the library's values and the test shapes (valid objects only)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zoneinfo
from decimal import Decimal
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from ledarutveckling import (
    Audience,
    Blackout,
    BlendPart,
    CallOff,
    CallOffLine,
    CallOffStatus,
    Catalogue,
    Conflict,
    ConflictKind,
    DateRange,
    DeliveryFormat,
    Dimension,
    EvaluationSubject,
    ExtensionOption,
    Facilitator,
    IndexAdjustment,
    Indexation,
    LevelSummary,
    Module,
    Money,
    NetPromoterScore,
    OrderingUnit,
    OrderingUnitKind,
    Organisation,
    PriceItem,
    PriceList,
    PriceUnit,
    Program,
    ProgramKind,
    Quote,
    Response,
    ReturnOnInvestment,
    RolloutPlan,
    RolloutUnit,
    Room,
    ServiceArea,
    Session,
    SessionSlot,
    StatusChange,
    TargetGroup,
    WorkingCalendar,
    breakdown,
    compare_periods,
    plan_rollout,
    quote,
    summarise,
)
from ledarutveckling.examples import (
    example_supplier,
    stockholm_catalogue,
    stockholm_evaluations,
    stockholm_follow_up_meetings,
    stockholm_ledger,
    stockholms_stad,
)
from tests.shapes import Ledger, Line, Order, Unit

ZONES = ("Europe/Stockholm", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe")

# Text the model accepts: not blank, no surrounding whitespace, no lone surrogates, no control
# characters (C0, DEL and C1 are category Cc), no noncharacters (U+FDD0-U+FDEF and the last two
# code points of every plane; unassigned code points, also category Cn, are text).
_NONCHARACTERS = [chr(code) for code in range(0xFDD0, 0xFDF0)] + [
    chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)
]
_letters = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters=_NONCHARACTERS
)
# Documents are read in Unicode's composed form (NFC, see docs/serialization.md), so the text
# that round-trips unchanged is NFC text: any text a document gives back.
texts = (
    st.text(alphabet=_letters, min_size=1, max_size=12)
    .map(lambda s: unicodedata.normalize("NFC", s))
    .filter(lambda s: s.strip() == s and bool(s))
)
# A name compared with others (a facilitator's, a room's): no two spaces in a row either.
names = texts.filter(lambda s: re.search(r"\s\s", s) is None)
free_texts = st.text(alphabet=_letters, max_size=12).map(lambda s: unicodedata.normalize("NFC", s))

decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d.adjusted()) < 40
)


def _date(day: dt.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


dates = st.dates().map(_date)
times = st.times().map(lambda t: pendulum.Time(t.hour, t.minute, t.second, t.microsecond))


def _zoned(moment: dt.datetime) -> pendulum.DateTime:
    zone = moment.tzinfo
    assert isinstance(zone, zoneinfo.ZoneInfo)
    return pendulum.DateTime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=pendulum.timezone(zone.key),
        fold=moment.fold,
    )


zoned_datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1),
    max_value=dt.datetime(2200, 1, 1),
    timezones=st.sampled_from(ZONES).map(zoneinfo.ZoneInfo),
    allow_imaginary=False,
).map(_zoned)
fixed_datetimes = st.builds(
    lambda moment, minutes: pendulum.instance(
        moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    ),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)),
    st.integers(-14 * 60, 14 * 60),
)
datetimes = st.one_of(zoned_datetimes, fixed_datetimes)
durations = st.timedeltas().map(
    lambda d: pendulum.duration(days=d.days, seconds=d.seconds, microseconds=d.microseconds)
)
calendar_durations = st.builds(
    lambda years, months, rest: pendulum.duration(
        years=years, months=months, days=rest.days, seconds=rest.seconds
    ),
    st.integers(0, 50),
    st.integers(0, 11),
    st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=400)),
)


def money(currencies: tuple[str, ...] = ("SEK", "EUR", "USD")) -> st.SearchStrategy[Money]:
    """Money in one of *currencies*."""
    return st.builds(Money, amount=decimals, currency=st.sampled_from(currencies))


date_ranges = st.tuples(dates, dates).map(lambda pair: DateRange(start=min(pair), end=max(pair)))
positive_durations = st.integers(1, 8 * 60).map(lambda minutes: pendulum.duration(minutes=minutes))


@st.composite
def modules(draw: st.DrawFn, code: str | None = None, min_capacity: int = 1) -> Module:
    """A valid module; *min_capacity* bounds max_participants from below."""
    return Module(
        code=code if code is not None else draw(texts),
        title=draw(texts),
        duration=draw(positive_durations),
        format=draw(st.sampled_from(DeliveryFormat)),
        learning_objectives=tuple(draw(st.lists(texts, max_size=3))),
        facilitators=draw(st.integers(1, 4)),
        max_participants=draw(st.none() | st.integers(min_capacity, 40)),
        min_days_after_previous=draw(st.integers(0, 30)),
    )


@st.composite
def programs(draw: st.DrawFn) -> Program:
    """A valid program."""
    low = draw(st.integers(1, 20))
    high = draw(st.integers(low, 30))
    count = draw(st.integers(1, 4))
    mods = tuple(draw(modules(code=f"M{i + 1}", min_capacity=high)) for i in range(count))
    needed = sum(m.min_days_after_previous for m in mods[1:])
    return Program(
        code=draw(texts),
        title=draw(texts),
        service_area=draw(st.sampled_from(ServiceArea)),
        target_group=draw(st.sampled_from(TargetGroup)),
        modules=mods,
        kind=draw(st.sampled_from(ProgramKind)),
        cohort_size=(low, high),
        max_span_days=draw(st.none() | st.integers(needed, needed + 100)),
        themes=tuple(draw(st.lists(texts, max_size=3))),
    )


blend_parts = st.builds(
    BlendPart,
    format=st.sampled_from(DeliveryFormat),
    duration=durations,
    hours=decimals,
    share=decimals,
)

small_sek = st.decimals(min_value=0, max_value=100_000, places=2).map(Money.sek)


@st.composite
def lines(draw: st.DrawFn, period: DateRange) -> Line:
    """A valid line delivered within *period* (or not yet)."""
    day = draw(st.none() | st.sampled_from([period.start, period.end]))
    return Line(
        program=draw(texts),
        unit=draw(st.sampled_from(Unit)),
        quantity=draw(st.integers(1, 50)),
        price=draw(small_sek),
        delivered_on=day,
    )


@st.composite
def orders(draw: st.DrawFn) -> Order:
    """A valid order (its rates may hold None, which TOML writes as [])."""
    period = draw(date_ranges)
    rate_values: st.SearchStrategy[Any] = st.none() | st.integers()
    return Order(
        reference=draw(texts),
        placed_at=draw(datetimes),
        period=period,
        lines=tuple(draw(st.lists(lines(period), max_size=3))),
        cancelled_on=draw(st.none() | dates),
        rates=draw(st.dictionaries(free_texts, rate_values, max_size=3)),
        index=draw(st.dictionaries(dates, decimals, max_size=3)),
        monthly=draw(
            st.dictionaries(dates.map(lambda d: d.format("YYYY-MM")), decimals, max_size=3)
        ),
        formats=frozenset(draw(st.lists(st.sampled_from(DeliveryFormat)))),
        urgent=draw(st.booleans()),
        starts_at=draw(st.none() | times),
        length=draw(st.none() | durations),
        note=draw(st.none() | free_texts),
    )


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """A valid ledger whose orders stay under its ceiling."""
    found = tuple(draw(st.lists(orders(), max_size=3)))
    total = sum((o.total for o in found), Money.zero())
    extra = draw(st.decimals(min_value=0, max_value=10**6, places=2))
    return Ledger(name=draw(texts), ceiling=Money.sek(total.amount + extra), orders=found)


# -- the domain model of agreements, call-offs and ledgers --------------------------------------

LEDGER = stockholm_ledger()
AGREEMENT = LEDGER.agreement
CATALOGUE = stockholm_catalogue()
STATUS_STEPS = [(old, new) for old in CallOffStatus for new in old.next_statuses()]

organisations = st.builds(
    Organisation,
    name=texts,
    org_number=st.sampled_from([stockholms_stad().org_number, example_supplier().org_number]),
)
ordering_units = st.builds(
    OrderingUnit, name=texts, kind=st.sampled_from(OrderingUnitKind), organisation=organisations
)
price_items = st.builds(
    PriceItem, code=texts, description=texts, unit=st.sampled_from(PriceUnit), price=small_sek
)
price_lists = st.lists(price_items, min_size=1, max_size=4, unique_by=lambda i: i.code).map(
    lambda items: PriceList(items=tuple(items))
)
extension_options = st.builds(
    ExtensionOption,
    months=st.integers(1, 48),
    notice_days=st.integers(0, 365),
    exercised_on=st.none() | dates,
)
delivered_quantities = st.lists(
    st.integers(0, 10**6) | st.decimals(min_value=0, max_value=10**6, places=2),
    min_size=1,
    max_size=6,
).map(tuple)
"""What a termination records as delivered, a quantity per line (ints become Decimals)."""


def _status_change(step: tuple[CallOffStatus, CallOffStatus]) -> st.SearchStrategy[StatusChange]:
    """A change along *step*; a termination states what was delivered, as it must."""
    terminated = step[1] is CallOffStatus.TERMINATED
    return st.builds(
        StatusChange,
        from_status=st.just(step[0]),
        to_status=st.just(step[1]),
        on=dates,
        delivered=delivered_quantities if terminated else st.just(()),
    )


status_changes = st.sampled_from(STATUS_STEPS).flatmap(_status_change)
call_off_lines = st.builds(
    CallOffLine,
    price_code=texts,
    quantity=st.decimals(min_value=Decimal("0.01"), max_value=10**6, places=2),
    unit_price=st.none() | small_sek,
    description=st.just("") | texts,
)
months = st.tuples(st.integers(1900, 2100), st.integers(1, 12))
index_adjustments = st.builds(
    IndexAdjustment,
    effective_on=dates,
    reference_month=months,
    compared_month=months,
    change=decimals,
    applied=decimals,
)


def _indexation(index: str, values: dict[tuple[int, int], Decimal]) -> Indexation:
    base = AGREEMENT.indexation
    assert base is not None
    return attrs.evolve(base, index=index, values={**base.values, **values})


indexations = st.builds(
    _indexation,
    texts,
    st.dictionaries(months, st.decimals(min_value=Decimal("0.01"), max_value=1000, places=3)),
)
agreements = st.builds(
    lambda title, reference, options, indexation: attrs.evolve(
        AGREEMENT, title=title, reference=reference, options=options, indexation=indexation
    ),
    texts,
    texts,
    st.integers(0, len(AGREEMENT.options)).map(lambda count: AGREEMENT.options[:count]),
    st.none() | indexations,
)


@st.composite
def _terminated(draw: st.DrawFn) -> CallOff:
    """An example call-off in delivery, terminated on a day of its delivery period."""
    call_off = draw(
        st.sampled_from([c for c in LEDGER.call_offs if c.status is CallOffStatus.IN_DELIVERY])
    )
    last = call_off.history[-1].on
    day = last.add(days=draw(st.integers(0, (call_off.delivery.end - last).days)))
    delivered = tuple(
        draw(st.integers(0, int(line.quantity)).map(Decimal)) for line in call_off.lines
    )
    return call_off.transition(CallOffStatus.TERMINATED, day, delivered=delivered)


call_offs = st.builds(
    lambda call_off, reference: attrs.evolve(call_off, reference=reference),
    st.sampled_from(LEDGER.call_offs) | _terminated(),
    texts,
)
catalogues = st.lists(
    st.sampled_from(CATALOGUE.programs), min_size=1, unique_by=lambda p: p.code
).map(lambda programs: Catalogue(programs=tuple(programs)))
ledgers_of_agreements = st.builds(
    lambda title, count: attrs.evolve(
        LEDGER,
        agreement=attrs.evolve(AGREEMENT, title=title),
        call_offs=LEDGER.call_offs[:count],
    ),
    texts,
    st.integers(0, len(LEDGER.call_offs)),
)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    """A quote for a program of the catalogue, as quote() works it out."""
    program = draw(st.sampled_from(CATALOGUE.programs))
    low, high = program.cohort_size
    return quote(
        AGREEMENT,
        program,
        cohorts=draw(st.integers(1, 5)),
        participants=draw(st.integers(low, high)),
        on=draw(st.sampled_from([AGREEMENT.term.start, pendulum.Date(2026, 11, 27)])),
    )


# -- evaluations and scheduling -------------------------------------------------------------

EVALUATIONS = stockholm_evaluations()
MEETINGS = stockholm_follow_up_meetings()


evaluations = st.builds(
    lambda evaluation, reference: attrs.evolve(evaluation, reference=reference),
    st.sampled_from(EVALUATIONS),
    texts,
)
questions = st.sampled_from([q for e in EVALUATIONS for q in e.questions]).flatmap(
    lambda q: st.builds(attrs.evolve, st.just(q), code=texts, text=texts)
)
responses = st.builds(
    Response,
    answers=st.dictionaries(texts, st.none() | st.integers(0, 10), min_size=1).filter(
        lambda answers: any(a is not None for a in answers.values())
    ),
    comment=st.none() | texts,
    submitted_at=datetimes,
)


def _audience_after(dimensions: list[Dimension], name: str) -> Audience:
    record = Audience(name=name)
    for dimension in dimensions:
        _, record = breakdown(EVALUATIONS, by=dimension, audience=record)
    return record


audiences = st.builds(
    _audience_after, st.lists(st.sampled_from(list(Dimension)), max_size=2, unique=True), texts
)
"""What an audience was shown: up to two audited breakdowns of the bundled evaluations."""
subjects = st.builds(
    EvaluationSubject,
    program_code=texts,
    cohort=texts,
    call_off_reference=st.none() | texts,
    unit=st.none() | texts,
)
meetings = st.builds(
    lambda meeting, unit, notes: attrs.evolve(meeting, unit=unit, notes=notes),
    st.sampled_from(MEETINGS),
    texts,
    st.lists(texts, max_size=3).map(tuple),
)
blackouts = st.builds(Blackout, name=texts, period=date_ranges)
calendars = st.builds(
    WorkingCalendar,
    eves=st.booleans(),
    blackouts=st.lists(blackouts, max_size=3).map(tuple),
    extra_days_off=st.lists(
        st.dates(min_value=dt.date(1953, 1, 1), max_value=dt.date(2100, 12, 31)).map(_date),
        unique=True,
        max_size=3,
    ).map(lambda days: tuple(sorted(days))),
)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """A session of one module of a catalogue program, in Stockholm time."""
    program = draw(st.sampled_from(CATALOGUE.programs))
    module = draw(st.sampled_from(program.modules))
    start = draw(zoned_datetimes)
    call_off = draw(st.none() | texts)
    return Session(
        program=program,
        module=module,
        cohort=draw(texts),
        start=start,
        end=start.add(minutes=draw(st.integers(1, 600))),
        format=module.format,
        facilitators=tuple(draw(st.lists(names, max_size=2, unique=True))),
        room=draw(st.none() | names),
        call_off=call_off,
        line=None if call_off is None else draw(st.none() | st.integers(0, 20)),
    )


conflicts = st.builds(
    Conflict,
    kind=st.sampled_from(ConflictKind),
    sessions=st.lists(sessions(), min_size=1, max_size=2).map(tuple),
    message=texts,
)


# -- evaluation analysis: results worked out from the example evaluations ---------------------


def _attrs_values(value: Any, found: dict[type, list[Any]]) -> None:
    cls: Any = type(value)
    if attrs.has(cls):
        found.setdefault(cls, []).append(value)
        for field in attrs.fields(cls):
            _attrs_values(getattr(value, field.name), found)
    elif isinstance(value, tuple | list):
        for item in value:
            _attrs_values(item, found)


def _analysis_values() -> dict[type, list[Any]]:
    found: dict[type, list[Any]] = {}
    _attrs_values(summarise(EVALUATIONS), found)
    for dimension in Dimension:
        # Breakdown.groups is built as a list though typed as a tuple: compare as a tuple.
        result = breakdown(EVALUATIONS, by=dimension)
        _attrs_values(attrs.evolve(result, groups=tuple(result.groups)), found)
    for evaluation in EVALUATIONS:
        found.setdefault(LevelSummary, []).extend(summarise(evaluation).levels)
    _attrs_values(
        compare_periods(
            EVALUATIONS,
            before=DateRange.from_iso("2025-01-01", "2025-12-31"),
            after=DateRange.from_iso("2026-01-01", "2026-12-31"),
        ),
        found,
    )
    return found


ANALYSIS = _analysis_values()
net_promoter_scores = st.builds(
    NetPromoterScore,
    promoters=st.integers(1, 100),
    passives=st.integers(0, 100),
    detractors=st.integers(0, 100),
)
returns_on_investment = st.builds(
    ReturnOnInvestment,
    benefits=small_sek,
    costs=st.decimals(min_value=1, max_value=10**6, places=2).map(Money.sek),
)


# -- rollout plans ----------------------------------------------------------------------------


def _rollout_plans() -> list[RolloutPlan]:
    hours = pendulum.duration(hours=3)
    program = Program(
        code="ABW",
        title="Att arbeta aktivitetsbaserat",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.SHORT_INTERVENTION,
        cohort_size=(16, 24),
        modules=(
            Module(code="M1", title="Nya sätt", duration=hours, format=DeliveryFormat.IN_PERSON),
            Module(
                code="M2",
                title="Digitala verktyg",
                duration=hours,
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=7,
            ),
        ),
    )
    facilitators = [
        Facilitator(name="Anna", absences=[DateRange.from_iso("2027-02-15", "2027-02-26")]),
        Facilitator(name="Björn", max_sessions_per_week=5),
    ]
    calendar = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sportlov", 2027, 9, 9)])
    slots = [SessionSlot(start=dt.time(9), end=dt.time(12))]
    return [
        plan_rollout(
            program,
            [
                RolloutUnit(
                    name="Trafikkontoret",
                    headcount=headcount,
                    deadlines={"M2": pendulum.date(2027, 6, 14)},
                )
            ],
            facilitators,
            [Room(name="Ateljén", capacity=24)],
            calendar,
            slots,
            start=pendulum.date(2027, 1, 11),
        )
        for headcount in (40, 100)
    ]


ROLLOUT: dict[type, list[Any]] = {}
for _plan in _rollout_plans():
    _attrs_values(_plan, ROLLOUT)
ROLLOUT.pop(Program, None)  # covered with its own strategy
ROLLOUT.pop(Module, None)
