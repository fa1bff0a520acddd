"""Hypothesis strategies for the procurement model: offerings, agreements, call-offs, ledgers.

Private; public in :mod:`ledarutveckling.testing`. Every strategy draws objects the library's
own validators accept, consistent across objects: a call-off drawn for an agreement is one
the agreement's ledger accepts. Program names, module titles and price items come from the
Stockholm example (:mod:`ledarutveckling.examples`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from decimal import ROUND_DOWN, Decimal
from typing import Any, Final

import attrs
import pendulum
from hypothesis import reject
from hypothesis import strategies as st

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._examples.stockholm import (
    stockholm_agreement,
    stockholm_catalogue,
    stockholms_stad,
)
from ledarutveckling._procurement.agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
    Indexation,
    PriceItem,
    PriceList,
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
from ledarutveckling._procurement.parties import OrderingUnit
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._procurement.terms import DeliveryTerms
from ledarutveckling._testing.factories import following_method
from ledarutveckling._testing.strategies_values import (
    _UNITS,
    DEFAULT_PERIOD,
    _amount,
    _check_member,
    _check_within,
    _day,
    _organisation,
    _pendulum,
    _unit,
)
from ledarutveckling.errors import ValidationError

__all__ = [
    "agreements",
    "call_offs",
    "catalogues",
    "extension_options",
    "indexations",
    "ledgers",
    "modules",
    "price_lists",
    "programs",
]


_FIRST_TERM: Final = pendulum.date(2026, 1, 1)


_STARTS: Final = DateRange.from_iso("2024-01-01", "2028-12-31")


_JUSTIFICATION: Final = (
    "Särskilda skäl: programmen löper över flera år och kräver kontinuitet i "
    "utbildningsledarna för samma kohorter."
)


_CATALOGUE: Final = stockholm_catalogue()


_PROGRAMS: Final = tuple((p.code, p.title, p.themes[0]) for p in _CATALOGUE)
"""The example's programs: code, title and first theme."""


_MODULES: Final = tuple(dict.fromkeys(m.title for p in _CATALOGUE for m in p.modules))
"""The titles of the example's modules."""


_OBJECTIVES: Final = tuple(
    dict.fromkeys(o for p in _CATALOGUE for m in p.modules for o in m.learning_objectives)
)
"""The learning objectives of the example's modules."""


_RANGES: Final = {
    "KONS-TIM": (900, 2500),
    "KONS-HALVDAG": (3500, 9000),
    "KONS-DAG": (7000, 18000),
    "COACH-SAMTAL": (1000, 3000),
    "MATERIAL": (100, 1500),
    "PLATTFORM": (100, 800),
    "BEHOV": (5000, 25000),
}
"""Realistic price ranges, excluding VAT, for the codes of the example's price list."""


_PRICES: Final = tuple(
    (item.code, item.description, item.unit, *_RANGES[item.code])
    for item in stockholm_agreement().price_list
)
"""The example's price items: code, description, unit and the range a price is drawn from."""


def _price_list(draw: st.DrawFn, currency: str) -> PriceList:
    chosen = draw(st.sets(st.integers(0, len(_PRICES) - 1), min_size=1))
    items = []
    for index in sorted(chosen):
        code, description, unit, low, high = _PRICES[index]
        price = _amount(draw, low, high, currency)
        items.append(PriceItem(code=code, description=description, unit=unit, price=price))
    return PriceList(items=tuple(items))


def _option(draw: st.DrawFn) -> ExtensionOption:
    return ExtensionOption(
        months=draw(st.sampled_from([6, 12, 24])),
        notice_days=draw(st.sampled_from([0, 30, 60, 90, 120])),
    )


def _module(draw: st.DrawFn, code: str, fmt: DeliveryFormat | None, least: int | None) -> Module:
    max_participants = None
    if least is not None and draw(st.booleans()):
        max_participants = draw(st.integers(least, least + 20))
    return Module(
        code=code,
        title=draw(st.sampled_from(_MODULES)),
        duration=pendulum.duration(minutes=30 * draw(st.integers(1, 16))),
        format=fmt or draw(st.sampled_from(DeliveryFormat)),
        learning_objectives=tuple(
            draw(st.lists(st.sampled_from(_OBJECTIVES), max_size=3, unique=True))
        ),
        facilitators=draw(st.integers(1, 3)),
        max_participants=max_participants,
        min_days_after_previous=draw(st.sampled_from([0, 1, 7, 14, 21, 28])),
    )


def modules(*, format: DeliveryFormat | None = None) -> st.SearchStrategy[Module]:
    """Modules of half an hour to eight hours, with Swedish titles and objectives.

    Args:
        format: Only modules delivered this way.

    Examples:
        >>> from hypothesis import find
        >>> find(modules(format=DeliveryFormat.DIGITAL), lambda m: True).format.label()
        'digitalt'
    """
    checks = Checker()
    _check_member(checks, "format", format, DeliveryFormat)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Module:
        return _module(draw, f"M{draw(st.integers(1, 9))}", format, None)

    return build()


def _program(
    draw: st.DrawFn,
    service_area: ServiceArea | None,
    target_group: TargetGroup | None,
    kind: ProgramKind | None,
    fmt: DeliveryFormat | None,
    max_modules: int,
) -> Program:
    code, title, theme = draw(st.sampled_from(_PROGRAMS))
    smallest = draw(st.integers(1, 15))
    largest = draw(st.integers(smallest, 30))
    count = draw(st.integers(1, max_modules))
    chosen = tuple(_module(draw, f"M{i}", fmt, largest) for i in range(1, count + 1))
    needed = sum(m.min_days_after_previous for m in chosen[1:])
    span = None
    if draw(st.booleans()):
        span = needed + draw(st.integers(0, 120))
    return Program(
        code=code,
        title=title,
        service_area=service_area or draw(st.sampled_from(ServiceArea)),
        target_group=target_group or draw(st.sampled_from(TargetGroup)),
        kind=kind or draw(st.sampled_from(ProgramKind)),
        modules=chosen,
        cohort_size=(smallest, largest),
        max_span_days=span,
        themes=(theme,),
    )


def programs(
    *,
    service_area: ServiceArea | None = None,
    target_group: TargetGroup | None = None,
    kind: ProgramKind | None = None,
    format: DeliveryFormat | None = None,
    max_modules: int = 5,
) -> st.SearchStrategy[Program]:
    """Programs of one to *max_modules* modules, each valid with its cohort size and span.

    Args:
        service_area: Only programs in this service area.
        target_group: Only programs for this target group (målgrupp).
        kind: Only programs of this kind.
        format: Only programs whose every module is delivered this way.
        max_modules: The most modules in a program, 1 to 12.

    Examples:
        >>> from hypothesis import find
        >>> program = find(programs(target_group=TargetGroup.TRAINEES), lambda p: True)
        >>> program.target_group.label(), len(program.modules)
        ('traineer', 1)
    """
    checks = Checker()
    _check_member(checks, "service_area", service_area, ServiceArea)
    _check_member(checks, "target_group", target_group, TargetGroup)
    _check_member(checks, "kind", kind, ProgramKind)
    _check_member(checks, "format", format, DeliveryFormat)
    checks.integer("max_modules", max_modules, minimum=1, maximum=12)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Program:
        return _program(draw, service_area, target_group, kind, format, max_modules)

    return build()


def catalogues(
    *,
    service_area: ServiceArea | None = None,
    target_group: TargetGroup | None = None,
    max_size: int = 5,
) -> st.SearchStrategy[Catalogue]:
    """Catalogues of up to *max_size* programs with unique codes (narrowed as in :func:`programs`).

    Examples:
        >>> from hypothesis import find
        >>> len(find(catalogues(), lambda c: len(c) >= 2))
        2
    """
    checks = Checker()
    checks.integer("max_size", max_size, minimum=0, maximum=len(_PROGRAMS))
    checks.done()
    return st.lists(
        programs(service_area=service_area, target_group=target_group),
        max_size=max_size,
        unique_by=lambda p: p.code,
    ).map(lambda found: Catalogue(programs=tuple(found)))


def price_lists(*, currency: str = "SEK") -> st.SearchStrategy[PriceList]:
    """Price lists of one to seven of the usual items (hourly, daily, per participant…).

    Prices are in *currency*, with öre, excluding VAT, in realistic ranges.

    Examples:
        >>> from hypothesis import find
        >>> find(price_lists(currency="EUR"), lambda p: True).currency
        'EUR'
    """
    checks = Checker()
    checks.run("", lambda: Money.zero(currency))
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> PriceList:
        return _price_list(draw, currency)

    return build()


def _indexation(draw: st.DrawFn, start: pendulum.Date, until: pendulum.Date) -> Indexation:
    base_month = (start.year - 1, draw(st.integers(1, 12)))
    adjust_on = pendulum.date(start.year + 1, draw(st.integers(1, 12)), 1)
    value = Decimal(100)
    values = {}
    for year in range(base_month[0], until.year + 2):
        values[(year, base_month[1])] = value
        value = (value * (1 + Decimal(draw(st.integers(-20, 60))) / 1000)).quantize(Decimal("0.1"))
    threshold = draw(st.sampled_from([None, Decimal("0.01"), Decimal("0.02")]))
    cap = draw(st.sampled_from([None, Decimal("0.05")]))
    return Indexation(
        index=draw(st.sampled_from(["AKI, tjänstemän, privat sektor (SCB)", "KPI (SCB)"])),
        base_month=base_month,
        adjust_on=adjust_on,
        threshold=threshold,
        cap=cap,
        values=values,
    )


def indexations(
    *, start: dt.date = _FIRST_TERM, until: dt.date = DEFAULT_PERIOD.end
) -> st.SearchStrategy[Indexation]:
    """Yearly indexations for an agreement starting on *start*, with index values until *until*.

    The base month is in the year before *start*, the first adjustment in the year after; the
    series has a value for every month an adjustment up to *until* compares.

    Examples:
        >>> from hypothesis import find
        >>> aki = find(indexations(), lambda i: True)
        >>> aki.base_month, aki.adjust_on
        ((2025, 1), Date(2027, 1, 1))
    """
    checks = Checker()
    for path, value in (("start", start), ("until", until)):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            checks.add(path, value, "must be a date", ProblemCode.MUST_BE, expected=Expected.DATE)
    checks.done()
    first, last = _pendulum(start), _pendulum(until)

    @st.composite
    def build(draw: st.DrawFn) -> Indexation:
        return _indexation(draw, first, last)

    return build()


def extension_options() -> st.SearchStrategy[ExtensionOption]:
    """Extension options of 6, 12 or 24 months with 0 to 120 days' notice, not exercised.

    Examples:
        >>> from hypothesis import find
        >>> find(extension_options(), lambda o: True)
        ExtensionOption(months=6, notice_days=0, notice_months=0, exercised_on=None)
    """
    return st.composite(_option)()


def _agreement_arguments(
    draw: st.DrawFn,
    currency: str,
    term: DateRange | None,
    starts_within: DateRange | None,
    method: CallOffMethod | None,
    service_areas: tuple[ServiceArea, ...] | None,
    indexed: bool | None,
) -> dict[str, Any]:
    if term is None:
        start = _day(draw, starts_within or _STARTS)
        months = draw(st.integers(12, 48))
        term = DateRange(start=start, end=start.add(months=months).subtract(days=1))
    options: list[ExtensionOption] = []
    end = term.end
    exercising = True
    earliest = term.start  # options are exercised in order, none before the previous one
    for option in [_option(draw) for _ in range(draw(st.integers(0, 3)))]:
        deadline = option.deadline_before(end)
        exercising = exercising and deadline >= earliest and draw(st.booleans())
        if exercising:
            day = max(earliest, deadline.subtract(days=draw(st.integers(0, 60))))
            option = attrs.evolve(option, exercised_on=day)
            earliest = day
        options.append(option)
        end = option.period_after(end).end
    justified = end > term.start.add(years=4).subtract(days=1)
    method = method or draw(st.sampled_from(CallOffMethod))
    estimated = _amount(draw, 500_000, 50_000_000, currency, places=0)
    factor = Decimal(draw(st.sampled_from(["1", "1.2", "1.5", "2"])))
    drawn_areas = draw(st.sets(st.sampled_from(ServiceArea), min_size=1))
    areas = service_areas or tuple(area for area in ServiceArea if area in drawn_areas)
    limit = None
    if method is CallOffMethod.COMBINED:
        limit = estimated * Decimal(draw(st.sampled_from(["0.02", "0.05", "0.1"])))
    indexation = None
    if indexed or (indexed is None and draw(st.booleans())):
        indexation = _indexation(draw, term.start, end)
    year = term.start.year - 1
    arguments: dict[str, Any] = {
        "reference": f"KS {year}/{draw(st.integers(1, 2999)):04}",
        "title": "Ramavtal ledar- och medarbetarutveckling",
        "buyer": stockholms_stad(),
        "supplier": _organisation(draw),
        "term": term,
        "options": tuple(options),
        "estimated_value": estimated,
        "ceiling": estimated * factor,
        "service_areas": areas,
        "price_list": _price_list(draw, currency),
        "indexation": indexation,
        "call_off_method": method,
        "value_limit": limit,
        "supplier_rank": None
        if method is CallOffMethod.RENEWED_COMPETITION
        else draw(st.integers(1, 3)),
        "term_justification": _JUSTIFICATION if justified else None,
    }
    # Drawn last, so that the draws above (and the examples they shrink to) stay as they were.
    arguments["delivery_terms"] = _delivery_terms(draw) if draw(st.booleans()) else None
    return arguments


_SHARES: Final = tuple(Decimal(share) for share in ("0", "0.25", "0.5", "1"))
"""The shares of the price a generated delivery term charges."""


def _delivery_terms(draw: st.DrawFn) -> DeliveryTerms:
    """Delivery terms with each of the three terms present or not."""
    late = draw(st.booleans())
    return DeliveryTerms(
        late_cancellation_days=draw(st.integers(1, 20)) if late else None,
        late_cancellation_share=draw(st.sampled_from(_SHARES)) if late else None,
        minimum_participants=draw(st.none() | st.integers(1, 12)),
        no_show_share=draw(st.none() | st.sampled_from(_SHARES)),
    )


def _check_agreement_arguments(
    checks: Checker,
    currency: str,
    term: object,
    starts_within: object,
    call_off_method: object,
    service_areas: object,
    indexed: object,
) -> tuple[ServiceArea, ...] | None:
    checks.run("", lambda: Money.zero(currency))
    _check_within(checks, "term", term)
    _check_within(checks, "starts_within", starts_within)
    _check_member(checks, "call_off_method", call_off_method, CallOffMethod)
    if indexed is not None and not isinstance(indexed, bool):
        checks.add(
            "indexed",
            indexed,
            "must be True, False or None",
            ProblemCode.MUST_BE,
            expected=Expected.BOOLEAN,
        )
    if service_areas is None:
        return None
    if isinstance(service_areas, str) or not isinstance(service_areas, Collection):
        checks.add(
            "service_areas",
            service_areas,
            "must be a collection of ServiceArea values",
            ProblemCode.NOT_A_LIST,
        )
        return None
    for index, area in enumerate(service_areas):
        checks.member(f"service_areas[{index}]", area, ServiceArea)
    if not service_areas:
        checks.add(
            "service_areas",
            service_areas,
            "must name at least one service area",
            ProblemCode.EMPTY_LIST,
        )
    return tuple(area for area in ServiceArea if area in service_areas)


def agreements(
    *,
    currency: str = "SEK",
    term: DateRange | None = None,
    starts_within: DateRange | None = None,
    call_off_method: CallOffMethod | None = None,
    service_areas: Collection[ServiceArea] | None = None,
    indexed: bool | None = None,
) -> st.SearchStrategy[FrameworkAgreement]:
    """Framework agreements with Stockholms stad that satisfy every rule of the model.

    Terms of one to four years starting 2024–2028, up to three options (some exercised in
    time), a ceiling at least the estimate (C-23/20), a recorded justification exactly when
    the term with its options passes four years, the method's rank or value limit, and, when
    indexed, an index series covering every adjustment up to the latest end.

    Args:
        currency: The currency of every amount.
        term: A fixed initial term instead of a drawn one.
        starts_within: Where a drawn term starts (2024–2028 by default).
        call_off_method: Only agreements with this method.
        service_areas: Exactly these service areas.
        indexed: ``True`` for indexed prices only, ``False`` for fixed prices only.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(agreements(call_off_method=CallOffMethod.COMBINED))
        ... def test_a_combined_method_has_a_value_limit(agreement):
        ...     assert agreement.value_limit is not None
        >>> test_a_combined_method_has_a_value_limit()
    """
    checks = Checker()
    areas = _check_agreement_arguments(
        checks, currency, term, starts_within, call_off_method, service_areas, indexed
    )
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> FrameworkAgreement:
        arguments = _agreement_arguments(
            draw, currency, term, starts_within, call_off_method, areas, indexed
        )
        return FrameworkAgreement(**arguments)

    return build()


_PATHS: Final = {
    CallOffStatus.DRAFT: (),
    CallOffStatus.ORDERED: (CallOffStatus.ORDERED,),
    CallOffStatus.IN_DELIVERY: (CallOffStatus.ORDERED, CallOffStatus.IN_DELIVERY),
    CallOffStatus.DELIVERED: (
        CallOffStatus.ORDERED,
        CallOffStatus.IN_DELIVERY,
        CallOffStatus.DELIVERED,
    ),
    CallOffStatus.INVOICED: (
        CallOffStatus.ORDERED,
        CallOffStatus.IN_DELIVERY,
        CallOffStatus.DELIVERED,
        CallOffStatus.INVOICED,
    ),
    CallOffStatus.CANCELLED: (CallOffStatus.ORDERED, CallOffStatus.CANCELLED),
    CallOffStatus.TERMINATED: (
        CallOffStatus.ORDERED,
        CallOffStatus.IN_DELIVERY,
        CallOffStatus.TERMINATED,
    ),
}


def _with_status(call_off: CallOff, status: CallOffStatus) -> CallOff:
    days = {
        CallOffStatus.ORDERED: call_off.ordered_on,
        CallOffStatus.IN_DELIVERY: call_off.delivery.start,
        CallOffStatus.DELIVERED: call_off.delivery.end,
        CallOffStatus.INVOICED: call_off.delivery.end.add(days=14),
        CallOffStatus.CANCELLED: call_off.ordered_on,
        CallOffStatus.TERMINATED: call_off.delivery.start,
    }
    for step in _PATHS[status]:
        half = tuple(line.quantity // 2 for line in call_off.lines)
        delivered = half if step is CallOffStatus.TERMINATED else ()
        call_off = call_off.transition(step, days[step], delivered=delivered)
    return call_off


def _lines(
    draw: st.DrawFn,
    agreement: FrameworkAgreement,
    day: pendulum.Date,
    budget: Decimal,
    discounts: bool,
) -> tuple[CallOffLine, ...]:
    count = draw(st.integers(1, 3))
    share = budget / count
    lines = []
    for _ in range(count):
        code = draw(st.sampled_from(agreement.price_list.codes))
        listed = agreement.price_on(code, day)
        mode = draw(
            st.sampled_from(["list", "stated", "lower"] if discounts else ["list", "stated"])
        )
        own = None
        if mode == "stated":
            own = listed
        elif mode == "lower":
            cut = 1 - Decimal(draw(st.integers(0, 30))) / 100
            amount = (listed.amount * cut).quantize(Decimal("0.01"), ROUND_DOWN)
            own = Money(amount=min(amount, listed.amount), currency=listed.currency)
        price = (own or listed).amount
        most = 50 if price <= 0 else min(50, math.floor(share / price))
        if most < 1:
            continue  # too dear for what is left under the ceiling
        lines.append(
            CallOffLine(
                price_code=code,
                quantity=Decimal(draw(st.integers(1, most))),
                unit_price=own,
                description=agreement.price_list.item(code).description,
            )
        )
    if not lines:
        reject()
    return tuple(lines)


def _call_off(
    draw: st.DrawFn,
    agreement: FrameworkAgreement,
    period: DateRange,
    unit: OrderingUnit | None,
    target_group: TargetGroup | None,
    status: CallOffStatus | None,
    budget: Decimal,
    number: int | None,
) -> CallOff:
    ordered_on = _day(draw, period)
    start = ordered_on.add(days=draw(st.integers(0, 90)))
    delivery = DateRange(start=start, end=start.add(days=draw(st.integers(0, 365))))
    chosen_unit = unit or _unit(draw, agreement.buyer, None)
    chosen: tuple[Program, ...] = ()
    if target_group is not None or draw(st.booleans()):
        area = draw(st.sampled_from(agreement.service_areas))
        chosen = (_program(draw, area, target_group, None, None, 4),)
    competed = agreement.call_off_method is CallOffMethod.RENEWED_COMPETITION
    lines = _lines(draw, agreement, ordered_on, budget - 1, competed)
    prefix = next((p for name, _, p in _UNITS if name == chosen_unit.name), "AVR")
    serial = draw(st.integers(1, 2999)) if number is None else number
    reference = f"{prefix} {ordered_on.year}/{serial:04}"
    if reference == agreement.reference:
        reference += "-A"
    call_off = CallOff(
        reference=reference,
        agreement_reference=agreement.reference,
        unit=chosen_unit,
        ordered_on=ordered_on,
        delivery=delivery,
        lines=lines,
        programs=chosen,
        method=CallOffMethod.RANKING,
    )
    call_off = following_method(agreement, call_off)
    wanted = status or draw(st.sampled_from(CallOffStatus))
    return _with_status(call_off, wanted)


def _budget(agreement: FrameworkAgreement, max_total: Money | None) -> Decimal:
    ceiling = agreement.ceiling
    assert ceiling is not None
    return min(ceiling.amount, max_total.amount) if max_total is not None else ceiling.amount


def call_offs(
    agreement: FrameworkAgreement,
    *,
    ordered_within: DateRange | None = None,
    unit: OrderingUnit | None = None,
    target_group: TargetGroup | None = None,
    status: CallOffStatus | None = None,
    max_total: Money | None = None,
) -> st.SearchStrategy[CallOff]:
    """Call-offs under *agreement* that its ledger accepts: ``ledger.problems() == ()``.

    Each is placed while the agreement is in force, by a unit of its buyer, with one to three
    lines from its price list (list prices, stated or left to the ledger; under renewed
    competition sometimes lower ones), by the method the agreement requires for its value,
    worth at most *max_total* (the ceiling by default), and with a status history that leads
    from draft to its status. With a program, the program is in one of the agreement's
    service areas.

    Args:
        agreement: The agreement the call-offs are placed under.
        ordered_within: Only call-offs placed in this period (it must overlap the term in
            force).
        unit: Only call-offs by this unit; units of Stockholms stad by default.
        target_group: Only call-offs with a program for this target group.
        status: Only call-offs with this status.
        max_total: The most a call-off may be worth, excluding VAT.

    Raises:
        ValidationError: If an argument is wrong, e.g. a period outside the term in force.

    Examples:
        >>> from hypothesis import find
        >>> from ledarutveckling import AgreementLedger
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> call_off = find(call_offs(agreement, status=CallOffStatus.ORDERED), lambda c: True)
        >>> call_off.status.label(), AgreementLedger(agreement=agreement,
        ...                                          call_offs=[call_off]).problems()
        ('beställd', ())
    """
    checks = Checker()
    checks.instance("agreement", agreement, FrameworkAgreement, "a FrameworkAgreement")
    _check_within(checks, "ordered_within", ordered_within)
    if unit is not None:
        checks.instance("unit", unit, OrderingUnit, "an OrderingUnit or None")
    _check_member(checks, "target_group", target_group, TargetGroup)
    _check_member(checks, "status", status, CallOffStatus)
    if max_total is not None:
        checks.instance("max_total", max_total, Money, "Money or None")
    checks.done()
    period: DateRange | None = agreement.period_in_force
    if ordered_within is not None:
        period = agreement.period_in_force.intersection(ordered_within)
        if period is None:
            raise ValidationError.single(
                "ordered_within",
                str(ordered_within),
                f"must overlap the agreement's term in force ({agreement.period_in_force})",
                ProblemCode.OUTSIDE_PERIOD,
                day=ordered_within,
                period=agreement.period_in_force,
            )
    budget = _budget(agreement, max_total)
    assert period is not None
    place = period

    @st.composite
    def build(draw: st.DrawFn) -> CallOff:
        return _call_off(draw, agreement, place, unit, target_group, status, budget, None)

    return build()


def ledgers(
    agreement: FrameworkAgreement | None = None, *, max_call_offs: int = 5
) -> st.SearchStrategy[AgreementLedger]:
    """Ledgers with no problem: an agreement and up to *max_call_offs* call-offs under it.

    Each call-off is worth at most the ceiling divided by *max_call_offs*, so together they
    stay under it; references are unique.

    Args:
        agreement: The agreement; drawn by :func:`agreements` when ``None``.
        max_call_offs: The most call-offs, 0 to 50.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(ledgers(max_call_offs=3))
        ... def test_a_ledger_has_no_problem(ledger):
        ...     assert ledger.problems() == ()
        >>> test_a_ledger_has_no_problem()
    """
    checks = Checker()
    if agreement is not None:
        checks.instance("agreement", agreement, FrameworkAgreement, "a FrameworkAgreement")
    checks.integer("max_call_offs", max_call_offs, minimum=0, maximum=50)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> AgreementLedger:
        chosen = agreement or draw(agreements())
        ceiling = chosen.ceiling
        assert ceiling is not None
        budget = ceiling.amount / max(max_call_offs, 1)
        period = chosen.period_in_force
        found = [
            _call_off(draw, chosen, period, None, None, None, budget, number)
            for number in range(1, draw(st.integers(0, max_call_offs)) + 1)
        ]
        return AgreementLedger(agreement=chosen, call_offs=tuple(found))

    return build()
