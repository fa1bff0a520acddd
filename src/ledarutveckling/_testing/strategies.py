"""Hypothesis strategies for the library's types (private; public in ledarutveckling.testing).

Every strategy generates objects the library's own validators accept, consistent across
objects: a call-off drawn for an agreement is one the agreement's ledger accepts. Keyword
arguments narrow what is drawn; they are checked when the strategy is made, so a wrong one
raises :class:`~ledarutveckling.ValidationError` at once, not inside a test run.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from decimal import ROUND_DOWN, Decimal
from typing import Any, Final, Generic, TypeVar

import attrs
import pendulum
from hypothesis import reject
from hypothesis import strategies as st
from stdnum import luhn

from ledarutveckling._base.checks import Checker
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
from ledarutveckling._procurement.calloff import CallOff, CallOffLine, CallOffStatus
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
from ledarutveckling._scheduling.calendar import Blackout, WorkingCalendar
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling._testing.factories import method_for
from ledarutveckling.errors import ValidationError, join_path

__all__ = [
    "AGREEMENT_RULES",
    "CALL_OFF_RULES",
    "Broken",
    "agreements",
    "blackouts",
    "call_offs",
    "catalogues",
    "date_ranges",
    "dates",
    "extension_options",
    "indexations",
    "invalid_agreements",
    "invalid_call_offs",
    "ledgers",
    "modules",
    "money",
    "ordering_units",
    "org_numbers",
    "organisations",
    "price_lists",
    "programs",
    "sessions",
    "working_calendars",
]


T = TypeVar("T")


DEFAULT_PERIOD: Final = DateRange.from_iso("2020-01-01", "2035-12-31")
"""Where dates are drawn from unless a strategy is told otherwise."""


_FIRST_TERM: Final = pendulum.date(2026, 1, 1)


_STARTS: Final = DateRange.from_iso("2024-01-01", "2028-12-31")


_BUYER: Final = ("Stockholms stad", "212000-0142")


_JUSTIFICATION: Final = (
    "Särskilda skäl: programmen löper över flera år och kräver kontinuitet i "
    "utbildningsledarna för samma kohorter."
)


_SUPPLIERS: Final = (
    "Exempelkonsulterna i Stockholm AB",
    "Ledarskapshuset Norden AB",
    "Förändringskraft AB",
    "Medarbetarakademin i Sverige AB",
    "Utvecklingsbyrån Mälardalen AB",
)


_UNITS: Final = (
    ("Socialförvaltningen", OrderingUnitKind.ADMINISTRATION, "SOC"),
    ("Skärholmens stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-SK"),
    ("Rinkeby-Kista stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-RK"),
    ("Södermalms stadsdelsförvaltning", OrderingUnitKind.DISTRICT_ADMINISTRATION, "SDF-SÖ"),
    ("Stadsarkivet", OrderingUnitKind.ADMINISTRATION, "KUL"),
    ("Trafikkontoret", OrderingUnitKind.ADMINISTRATION, "TK"),
    ("Utbildningsförvaltningen", OrderingUnitKind.ADMINISTRATION, "UTB"),
    ("Stadsledningskontoret", OrderingUnitKind.OFFICE, "SLK"),
    ("Stockholm Vatten och Avfall AB", OrderingUnitKind.COMPANY, "SVOA"),
)


_PROGRAMS: Final = (
    ("FOR-LED", "Förändringsledarskap", "förändring"),
    ("LGA", "Leda genom andra", "indirekt ledarskap"),
    ("SVS", "Svåra samtal", "samtal"),
    ("PROC", "Processledning i praktiken", "processledning"),
    ("COACH", "Coachande nätverk för chefer", "coachning"),
    ("AMS", "Aktivt medarbetarskap", "medarbetarskap"),
    ("LUC", "Leda utan att vara chef", "informellt ledarskap"),
    ("TRAINEE", "Stadens traineeprogram", "trainee"),
    ("ABW", "Flytt till aktivitetsbaserat kontor", "aktivitetsbaserat arbetssätt"),
    ("ARB", "Arbetsmiljö i praktiken", "arbetsmiljö"),
)


_MODULES: Final = (
    "Att leda i förändring",
    "Kommunicera förändring",
    "Svåra samtal i praktiken",
    "Feedback och återkoppling",
    "Leda på distans",
    "Hålla i och hålla ut",
    "Grupputveckling",
    "Tillitsbaserad styrning",
    "Arbetsmiljö och hälsa",
    "Mitt ledarskap",
)


_OBJECTIVES: Final = (
    "Förstå reaktioner på förändring",
    "Kunna planera ett svårt samtal",
    "Ge och ta emot återkoppling",
    "Leda ett möte med tydligt syfte",
    "Känna till stadens arbetsmiljöregler",
)


_PRICES: Final = (
    ("KONS-TIM", "Utbildningsledare, timpris", PriceUnit.HOUR, 900, 2500),
    ("KONS-HALVDAG", "Utbildningsledare, halvdag", PriceUnit.HALF_DAY, 3500, 9000),
    ("KONS-DAG", "Utbildningsledare, heldag", PriceUnit.DAY, 7000, 18000),
    ("COACH-SAMTAL", "Individuellt coachningssamtal", PriceUnit.SESSION, 1000, 3000),
    ("MATERIAL", "Kursmaterial per deltagare", PriceUnit.PARTICIPANT, 100, 1500),
    ("PLATTFORM", "Licens digital lärplattform per deltagare", PriceUnit.PARTICIPANT, 100, 800),
    ("BEHOV", "Behovsanalys och uppstartsmöte", PriceUnit.FIXED, 5000, 25000),
)


_FACILITATORS: Final = (
    "Anna Lindqvist",
    "Erik Johansson",
    "Maria Svensson",
    "Johan Karlsson",
    "Sara Nilsson",
    "Ali Hassan",
    "Elin Berg",
)


_ROOMS: Final = ("Ekoln", "Mälaren", "Saltsjön", "Riddarfjärden")


_BLACKOUTS: Final = ("sommar", "jul och nyår", "sportlov", "höstlov", "påsklov", "planeringsdagar")


CALL_OFF_RULES: Final = (
    "ordered_before_term",
    "wrong_agreement_reference",
    "agreement_reference_as_own",
    "unit_of_another_organisation",
    "wrong_method",
    "service_area_not_covered",
    "unknown_price_code",
    "price_above_list",
    "price_in_other_currency",
    "past_ceiling",
)
"""The ledger rules :func:`invalid_call_offs` can break, one per drawn call-off."""


AGREEMENT_RULES: Final = (
    "no_ceiling",
    "ceiling_below_estimate",
    "term_past_four_years_unjustified",
    "option_exercised_late",
    "option_exercised_before_previous",
    "combined_without_value_limit",
    "ranking_without_rank",
    "supplier_is_buyer",
    "price_list_in_other_currency",
    "no_service_area",
)
"""The rules :func:`invalid_agreements` can break, one per drawn set of arguments."""


@attrs.frozen(kw_only=True)
class Broken(Generic[T]):
    """Something that breaks exactly one rule, and where the library reports it.

    Drawn by :func:`invalid_call_offs` (*value* is a :class:`~ledarutveckling.CallOff`
    the ledger reports one problem with) and :func:`invalid_agreements` (*value* is the
    keyword arguments for :class:`~ledarutveckling.FrameworkAgreement`, which refuses them).

    Attributes:
        value: The broken object, or the arguments that fail to build one.
        path: Where the one problem is reported, relative to *value*: ``"ordered_on"``,
            ``"lines[1].unit_price"``, or ``""`` for the object as a whole.
        rule: The rule broken, one of :data:`CALL_OFF_RULES` or :data:`AGREEMENT_RULES`.

    Examples:
        >>> broken = Broken(value=None, path="ordered_on", rule="ordered_before_term")
        >>> broken.path_in("call_offs[2]")
        'call_offs[2].ordered_on'
    """

    value: T
    path: str
    rule: str

    def path_in(self, prefix: str) -> str:
        """The path as seen from further out, e.g. from a ledger: ``path_in("call_offs[0]")``."""
        return join_path(prefix, self.path)


def _check_within(checks: Checker, path: str, within: object) -> None:
    if within is not None:
        checks.instance(path, within, DateRange, "a DateRange or None")


def _check_member(checks: Checker, path: str, value: object, kind: Any) -> None:
    if value is not None:
        checks.member(path, value, kind)


def _check_rules(checks: Checker, rules: object, known: tuple[str, ...]) -> tuple[str, ...]:
    if rules is None:
        return known
    if isinstance(rules, str) or not isinstance(rules, Collection):
        checks.add("rules", rules, f"must be a collection of rule names ({', '.join(known)})")
        return ()
    chosen = tuple(rules)
    for rule in chosen:
        if rule not in known:
            checks.add("rules", rule, f"is not a rule; choose from {', '.join(known)}")
    if not chosen:
        checks.add("rules", rules, "must name at least one rule")
    return chosen


def _pendulum(day: dt.date) -> pendulum.Date:
    return pendulum.Date(day.year, day.month, day.day)


def _days(period: DateRange) -> st.SearchStrategy[pendulum.Date]:
    return st.integers(0, period.days - 1).map(lambda n: period.start.add(days=n))


def _day(draw: st.DrawFn, period: DateRange) -> pendulum.Date:
    return period.start.add(days=draw(st.integers(0, period.days - 1)))


def _amount(draw: st.DrawFn, low: int, high: int, currency: str, places: int = 2) -> Money:
    scale = 10**places
    amount = Decimal(draw(st.integers(low * scale, high * scale))) / scale
    return Money(amount=amount.quantize(Decimal(1).scaleb(-places)), currency=currency)


def _org_number(draw: st.DrawFn, groups: str = "25789") -> str:
    # The first digit is the group: 2 the state, regions and municipalities (Stockholms stad is
    # 212000-0142), 5 aktiebolag, 7 economic associations, 8 non-profits, 9 partnerships.
    head = draw(st.sampled_from(groups)) + draw(st.sampled_from("0123456789"))
    third = draw(st.sampled_from("23456789"))
    rest = f"{draw(st.integers(0, 999_999)):06}"
    digits = head + third + rest
    digits += luhn.calc_check_digit(digits)
    return f"{digits[:6]}-{digits[6:]}"


def _organisation(draw: st.DrawFn) -> Organisation:
    # A supplier is a company (group 5, 7 or 9): never the city, whose number is in group 2.
    name = draw(st.sampled_from(_SUPPLIERS))
    return Organisation(name=name, org_number=_org_number(draw, "579"))


def _unit(draw: st.DrawFn, owner: Organisation, kind: OrderingUnitKind | None) -> OrderingUnit:
    names = [(name, unit_kind) for name, unit_kind, _ in _UNITS if kind in (None, unit_kind)]
    name, unit_kind = draw(st.sampled_from(names))
    return OrderingUnit(name=name, kind=unit_kind, organisation=owner)


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


def money(
    *,
    currency: str = "SEK",
    min_value: Decimal | int | str = 0,
    max_value: Decimal | int | str = 10_000_000,
    places: int = 2,
) -> st.SearchStrategy[Money]:
    """Amounts of :class:`~ledarutveckling.Money` in *currency*.

    Args:
        currency: An ISO 4217 code.
        min_value: The smallest amount (a Decimal, int or decimal string).
        max_value: The largest amount.
        places: Decimal places, 2 (öre) by default, 0 for whole kronor.

    Raises:
        ValidationError: If an argument is wrong (an unknown currency, min above max…).

    Examples:
        >>> from hypothesis import find
        >>> find(money(min_value=100), lambda m: True)
        Money(amount=Decimal('100.00'), currency='SEK')
    """
    checks = Checker()
    checks.run("", lambda: Money.zero(currency))
    low = high = Decimal(0)
    try:
        low, high = Money.of(min_value).amount, Money.of(max_value).amount
    except ValidationError as error:
        checks.extend(error, "min_value/max_value")
    if low > high:
        checks.add("max_value", max_value, f"must not be below min_value ({min_value})")
    checks.integer("places", places, minimum=0, maximum=6)
    checks.done()
    return st.decimals(low, high, places=places).map(
        lambda amount: Money(amount=amount, currency=currency)
    )


def dates(*, within: DateRange | None = None) -> st.SearchStrategy[pendulum.Date]:
    """Days as :class:`pendulum.Date`, within *within* (2020–2035 by default).

    Shrinks towards the first day of the period.

    Examples:
        >>> from hypothesis import find
        >>> find(dates(within=DateRange.iso_week(2026, 48)), lambda d: d.weekday() == 4)
        Date(2026, 11, 27)
    """
    checks = Checker()
    _check_within(checks, "within", within)
    checks.done()
    return _days(within or DEFAULT_PERIOD)


def date_ranges(
    *, within: DateRange | None = None, min_days: int = 1, max_days: int | None = None
) -> st.SearchStrategy[DateRange]:
    """Ranges of days inside *within* (2020–2035 by default), *min_days* to *max_days* long.

    Raises:
        ValidationError: If the bounds are wrong or do not fit in *within*.

    Examples:
        >>> from hypothesis import find
        >>> find(date_ranges(min_days=7), lambda r: True).days
        7
    """
    checks = Checker()
    _check_within(checks, "within", within)
    period = within if isinstance(within, DateRange) else DEFAULT_PERIOD
    if checks.integer("min_days", min_days, minimum=1, maximum=period.days):
        longest = period.days if max_days is None else max_days
        checks.integer("max_days", longest, minimum=min_days, maximum=period.days)
    checks.done()
    longest = period.days if max_days is None else max_days

    @st.composite
    def build(draw: st.DrawFn) -> DateRange:
        length = draw(st.integers(min_days, longest))
        start = period.start.add(days=draw(st.integers(0, period.days - length)))
        return DateRange(start=start, end=start.add(days=length - 1))

    return build()


def org_numbers() -> st.SearchStrategy[str]:
    """Valid Swedish organisation numbers of legal entities, written ``NNNNNN-NNNN``.

    The third digit is 2 or more (a legal entity, not a personnummer) and the last is the
    Luhn check digit.

    Examples:
        >>> from hypothesis import find
        >>> from stdnum.se import orgnr
        >>> orgnr.is_valid(find(org_numbers(), lambda n: True))
        True
    """
    return st.composite(_org_number)()


def organisations() -> st.SearchStrategy[Organisation]:
    """Suppliers: Swedish consultancies with valid organisation numbers of companies.

    The numbers are in the groups of companies (first digit 5, 7 or 9), so a supplier drawn
    here is never the City of Stockholm (212000-0142) or another public body.

    Examples:
        >>> from hypothesis import find
        >>> find(organisations(), lambda o: True).name
        'Exempelkonsulterna i Stockholm AB'
    """
    return st.composite(_organisation)()


def _stockholm() -> Organisation:
    return Organisation(name=_BUYER[0], org_number=_BUYER[1])


def ordering_units(
    *, organisation: Organisation | None = None, kind: OrderingUnitKind | None = None
) -> st.SearchStrategy[OrderingUnit]:
    """Units of the City of Stockholm that call off (Socialförvaltningen, stadsdelsförvaltningar…).

    Args:
        organisation: The legal entity they belong to; Stockholms stad by default.
        kind: Only units of this kind.

    Examples:
        >>> from hypothesis import find
        >>> str(find(ordering_units(kind=OrderingUnitKind.OFFICE), lambda u: True))
        'Stadsledningskontoret (Stockholms stad)'
    """
    checks = Checker()
    if organisation is not None:
        checks.instance("organisation", organisation, Organisation, "an Organisation or None")
    _check_member(checks, "kind", kind, OrderingUnitKind)
    checks.done()
    owner = organisation or _stockholm()

    @st.composite
    def build(draw: st.DrawFn) -> OrderingUnit:
        return _unit(draw, owner, kind)

    return build()


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
            checks.add(path, value, "must be a date")
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
        ExtensionOption(months=6, notice_days=0, exercised_on=None)
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
        deadline = end.subtract(days=option.notice_days)
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
    return {
        "reference": f"KS {year}/{draw(st.integers(1, 2999)):04}",
        "title": "Ramavtal ledar- och medarbetarutveckling",
        "buyer": _stockholm(),
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
        checks.add("indexed", indexed, "must be True, False or None")
    if service_areas is None:
        return None
    if isinstance(service_areas, str) or not isinstance(service_areas, Collection):
        checks.add("service_areas", service_areas, "must be a collection of ServiceArea values")
        return None
    for index, area in enumerate(service_areas):
        checks.member(f"service_areas[{index}]", area, ServiceArea)
    if not service_areas:
        checks.add("service_areas", service_areas, "must name at least one service area")
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
}


def _with_status(call_off: CallOff, status: CallOffStatus) -> CallOff:
    days = {
        CallOffStatus.ORDERED: call_off.ordered_on,
        CallOffStatus.IN_DELIVERY: call_off.delivery.start,
        CallOffStatus.DELIVERED: call_off.delivery.end,
        CallOffStatus.INVOICED: call_off.delivery.end.add(days=14),
        CallOffStatus.CANCELLED: call_off.ordered_on,
    }
    for step in _PATHS[status]:
        call_off = call_off.transition(step, days[step])
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
    call_off = attrs.evolve(call_off, method=method_for(agreement, call_off))
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


def _other_currency(currency: str) -> str:
    return "EUR" if currency != "EUR" else "SEK"


def _call_off_rules(agreement: FrameworkAgreement) -> tuple[str, ...]:
    rules = list(CALL_OFF_RULES)
    if set(agreement.service_areas) == set(ServiceArea):
        rules.remove("service_area_not_covered")
    if all(item.price.amount <= 0 for item in agreement.price_list):
        rules.remove("past_ceiling")
    return tuple(rules)


def _break_call_off(
    draw: st.DrawFn, agreement: FrameworkAgreement, call_off: CallOff, rule: str
) -> Broken[CallOff]:
    listed = tuple(
        attrs.evolve(line, unit_price=None) for line in call_off.lines
    )  # list prices only, so that changing the date or method breaks nothing else
    path = ""
    if rule == "ordered_before_term":
        day = agreement.term.start.subtract(days=draw(st.integers(1, 365)))
        call_off = attrs.evolve(call_off, ordered_on=day, lines=listed)
        path = "ordered_on"
    elif rule == "wrong_agreement_reference":
        call_off = attrs.evolve(call_off, agreement_reference=agreement.reference + "-ANNAT")
        return Broken(value=call_off, path="agreement_reference", rule=rule)
    elif rule == "agreement_reference_as_own":
        call_off = attrs.evolve(call_off, reference=agreement.reference)
        path = "reference"
    elif rule == "unit_of_another_organisation":
        region = Organisation(name="Region Stockholm", org_number="232100-0016")
        other = region if agreement.buyer != region else _stockholm()
        call_off = attrs.evolve(call_off, unit=attrs.evolve(call_off.unit, organisation=other))
        path = "unit.organisation"
    elif rule == "wrong_method":
        call_off = attrs.evolve(call_off, lines=listed)
        right = method_for(agreement, call_off)
        wrong = (
            CallOffMethod.RANKING
            if right is CallOffMethod.RENEWED_COMPETITION
            else CallOffMethod.RENEWED_COMPETITION
        )
        return Broken(value=attrs.evolve(call_off, method=wrong), path="method", rule=rule)
    elif rule == "service_area_not_covered":
        area = next(a for a in ServiceArea if a not in agreement.service_areas)
        program = _program(draw, area, None, None, None, 2)
        call_off = attrs.evolve(call_off, programs=(program,))
        path = "programs[0].service_area"
    elif rule == "unknown_price_code":
        code = "OKÄND-KOD"
        while code in agreement.price_list:
            code += "-X"
        extra = CallOffLine(price_code=code, quantity=Decimal(1))
        call_off = attrs.evolve(call_off, lines=(*call_off.lines, extra))
        return Broken(
            value=call_off, path=f"lines[{len(call_off.lines) - 1}].price_code", rule=rule
        )
    elif rule == "price_above_list":
        first = call_off.lines[0]
        dearer = agreement.price_on(first.price_code, call_off.ordered_on) + Money.of(
            1, agreement.currency
        )
        lines = (attrs.evolve(first, unit_price=dearer), *call_off.lines[1:])
        call_off = attrs.evolve(call_off, lines=lines)
        path = "lines[0].unit_price"
    elif rule == "price_in_other_currency":
        first = call_off.lines[0]
        foreign = Money.of(1000, _other_currency(agreement.currency))
        call_off = attrs.evolve(
            call_off, lines=(attrs.evolve(first, unit_price=foreign), *call_off.lines[1:])
        )
        return Broken(value=call_off, path="lines[0].unit_price", rule=rule)
    else:  # past_ceiling
        item = next(i for i in agreement.price_list if i.price.amount > 0)
        price = agreement.price_on(item.code, call_off.ordered_on)
        ceiling = agreement.ceiling
        assert ceiling is not None
        quantity = Decimal(math.floor(ceiling.amount / price.amount) + 1)
        extra = CallOffLine(price_code=item.code, quantity=quantity)
        call_off = attrs.evolve(call_off, lines=(*call_off.lines, extra))
    call_off = attrs.evolve(call_off, method=method_for(agreement, call_off))
    return Broken(value=call_off, path=path, rule=rule)


def invalid_call_offs(
    agreement: FrameworkAgreement, *, rules: Collection[str] | None = None
) -> st.SearchStrategy[Broken[CallOff]]:
    """Call-offs under *agreement* that break exactly one rule the ledger checks.

    Each is a valid call-off from :func:`call_offs` with one thing changed. Alone in a
    ledger of *agreement*, it gives exactly one problem, at
    ``broken.path_in("call_offs[0]")``. Rules that *agreement* cannot be broken by (a service
    area not covered, when it covers both) are left out.

    Args:
        agreement: The agreement the call-offs are placed under.
        rules: Only these rules (names from :data:`CALL_OFF_RULES`).

    Raises:
        ValidationError: If a rule name is unknown, or none of *rules* applies to *agreement*.

    Examples:
        >>> from hypothesis import find
        >>> from ledarutveckling import AgreementLedger
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> broken = find(invalid_call_offs(agreement, rules=["past_ceiling"]), lambda b: True)
        >>> ledger = AgreementLedger(agreement=agreement, call_offs=[broken.value])
        >>> [p.path for p in ledger.problems()] == [broken.path_in("call_offs[0]")]
        True
        >>> ledger.problems()[0].message
        'takes the running total of call-offs to ... SEK, past the ceiling of 10000000 SEK; ...'
    """
    checks = Checker()
    checks.instance("agreement", agreement, FrameworkAgreement, "a FrameworkAgreement")
    checks.done()
    chosen = _check_rules(checks, rules, CALL_OFF_RULES)
    checks.done()
    usable = tuple(rule for rule in chosen if rule in _call_off_rules(agreement))
    if not usable:
        raise ValidationError.single(
            "rules", list(chosen), "none of these rules can be broken under this agreement"
        )
    budget = _budget(agreement, None) / 4

    @st.composite
    def build(draw: st.DrawFn) -> Broken[CallOff]:
        rule = draw(st.sampled_from(usable))
        base = _call_off(
            draw,
            agreement,
            agreement.period_in_force,
            None,
            None,
            CallOffStatus.DRAFT,
            budget,
            None,
        )
        return _break_call_off(draw, agreement, base, rule)

    return build()


def _break_agreement(
    draw: st.DrawFn, arguments: dict[str, Any], rule: str
) -> Broken[dict[str, Any]]:
    changed = dict(arguments)
    term: DateRange = changed["term"]
    estimated: Money = changed["estimated_value"]
    path = rule
    if rule == "no_ceiling":
        changed["ceiling"], path = None, "ceiling"
    elif rule == "ceiling_below_estimate":
        changed["ceiling"], path = estimated - Money.of(1, estimated.currency), "ceiling"
    elif rule == "term_past_four_years_unjustified":
        end = term.start.add(years=draw(st.integers(5, 8))).subtract(days=1)
        changed.update(
            term=DateRange(start=term.start, end=end),
            options=(),
            term_justification=None,
            indexation=None,
        )
        path = "term_justification"
    elif rule == "option_exercised_late":
        late = term.end.subtract(days=draw(st.integers(0, 89)))
        option = ExtensionOption(months=12, notice_days=90, exercised_on=late)
        changed.update(options=(option,), term_justification=_JUSTIFICATION, indexation=None)
        path = "options[0].exercised_on"
    elif rule == "option_exercised_before_previous":
        first = term.end.subtract(days=100 + draw(st.integers(0, 150)))
        second = first.subtract(days=draw(st.integers(1, 30)))
        options = (
            ExtensionOption(months=12, notice_days=90, exercised_on=max(first, term.start)),
            ExtensionOption(months=12, notice_days=90, exercised_on=second),
        )
        changed.update(options=options, term_justification=_JUSTIFICATION, indexation=None)
        path = "options[1].exercised_on"
    elif rule == "combined_without_value_limit":
        changed.update(call_off_method=CallOffMethod.COMBINED, value_limit=None, supplier_rank=1)
        path = "value_limit"
    elif rule == "ranking_without_rank":
        changed.update(call_off_method=CallOffMethod.RANKING, value_limit=None, supplier_rank=None)
        path = "supplier_rank"
    elif rule == "supplier_is_buyer":
        changed["supplier"], path = changed["buyer"], "supplier"
    elif rule == "price_list_in_other_currency":
        other = _other_currency(estimated.currency)
        changed["price_list"], path = _price_list(draw, other), "price_list"
    else:  # no_service_area
        changed["service_areas"], path = (), "service_areas"
    return Broken(value=changed, path=path, rule=rule)


def invalid_agreements(
    *, rules: Collection[str] | None = None
) -> st.SearchStrategy[Broken[dict[str, Any]]]:
    """Keyword arguments for :class:`~ledarutveckling.FrameworkAgreement` that break one rule.

    ``FrameworkAgreement(**broken.value)`` raises a ValidationError with exactly one problem,
    at ``broken.path``.

    Args:
        rules: Only these rules (names from :data:`AGREEMENT_RULES`).

    Raises:
        ValidationError: If a rule name is unknown.

    Examples:
        >>> import pytest
        >>> from hypothesis import given, settings
        >>> from ledarutveckling import FrameworkAgreement, ValidationError
        >>> @settings(max_examples=10)
        ... @given(invalid_agreements())
        ... def test_a_broken_agreement_is_refused_at_the_path(broken):
        ...     with pytest.raises(ValidationError) as info:
        ...         FrameworkAgreement(**broken.value)
        ...     assert [p.path for p in info.value.problems] == [broken.path]
        >>> test_a_broken_agreement_is_refused_at_the_path()
    """
    checks = Checker()
    chosen = _check_rules(checks, rules, AGREEMENT_RULES)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Broken[dict[str, Any]]:
        arguments = _agreement_arguments(draw, "SEK", None, None, None, None, None)
        return _break_agreement(draw, arguments, draw(st.sampled_from(chosen)))

    return build()


def blackouts(*, within: DateRange | None = None) -> st.SearchStrategy[Blackout]:
    """Named blackout periods (sommar, sportlov…) of up to 60 days inside *within*.

    Examples:
        >>> from hypothesis import find
        >>> find(blackouts(), lambda b: True).label()
        'Blockerad period: sommar'
    """
    checks = Checker()
    _check_within(checks, "within", within)
    checks.done()
    return st.builds(
        Blackout,
        name=st.sampled_from(_BLACKOUTS),
        period=date_ranges(within=within, max_days=60),
    )


def working_calendars(*, within: DateRange | None = None) -> st.SearchStrategy[WorkingCalendar]:
    """Swedish working calendars with up to three blackouts and three extra days off.

    Args:
        within: Where the blackouts and days off fall (2020–2035 by default).

    Examples:
        >>> from hypothesis import find
        >>> find(working_calendars(), lambda c: True).is_working_day(pendulum.date(2026, 6, 19))
        False
    """
    checks = Checker()
    _check_within(checks, "within", within)
    checks.done()
    return st.builds(
        WorkingCalendar.sweden,
        eves=st.booleans().map(lambda b: not b),
        blackouts=st.lists(blackouts(within=within), max_size=3),
        extra_days_off=st.lists(dates(within=within), max_size=3),
    )


def sessions(
    *, program: Program | None = None, within: DateRange | None = None
) -> st.SearchStrategy[Session]:
    """Sessions of a module of *program* (drawn if ``None``), starting 08:00–12:45 in Stockholm.

    In-person sessions get a room; all but self-paced ones one or two facilitators.

    Args:
        program: The program whose modules are held; drawn by :func:`programs` if ``None``.
        within: The days the sessions fall on (2020–2035 by default).

    Examples:
        >>> from hypothesis import find
        >>> session = find(sessions(), lambda s: True)
        >>> session.start.timezone_name, 8 <= session.start.hour <= 12
        ('Europe/Stockholm', True)
    """
    checks = Checker()
    if program is not None:
        checks.instance("program", program, Program, "a Program or None")
    _check_within(checks, "within", within)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Session:
        chosen = program or _program(draw, None, None, None, None, 3)
        module = draw(st.sampled_from(chosen.modules))
        day = _day(draw, within or DEFAULT_PERIOD)
        start = pendulum.datetime(
            day.year,
            day.month,
            day.day,
            draw(st.integers(8, 12)),
            draw(st.sampled_from([0, 15, 30, 45])),
            tz="Europe/Stockholm",
        )
        people: tuple[str, ...] = ()
        if module.format.is_led:
            people = tuple(
                draw(st.lists(st.sampled_from(_FACILITATORS), min_size=1, max_size=2, unique=True))
            )
        return Session(
            program=chosen,
            module=module,
            cohort=f"Grupp {draw(st.integers(1, 9))}",
            start=start,
            end=start + module.duration,
            format=module.format,
            facilitators=people,
            room=draw(st.sampled_from(_ROOMS)) if module.format.needs_room else None,
        )

    return build()
