"""Hypothesis strategies for plain values: money, dates, organisations and units (private).

Public in :mod:`ledarutveckling.testing`. Keyword arguments narrow what is drawn; they are
checked when the strategy is made, so a wrong one raises
:class:`~ledarutveckling.ValidationError` at once, not inside a test run. The buyer, the
first supplier and the units are those of the Stockholm example (:mod:`ledarutveckling.examples`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Final

import pendulum
from hypothesis import strategies as st
from stdnum import luhn

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._examples.stockholm import CITY_UNITS, example_supplier, stockholms_stad
from ledarutveckling._procurement.parties import OrderingUnit, OrderingUnitKind, Organisation
from ledarutveckling.errors import ValidationError

__all__ = [
    "DEFAULT_PERIOD",
    "date_ranges",
    "dates",
    "money",
    "ordering_units",
    "org_numbers",
    "organisations",
]


DEFAULT_PERIOD: Final = DateRange.from_iso("2020-01-01", "2035-12-31")
"""Where dates are drawn from unless a strategy is told otherwise."""


_SUPPLIERS: Final = (
    example_supplier().name,
    "Ledarskapshuset Norden AB",
    "Förändringskraft AB",
    "Medarbetarakademin i Sverige AB",
    "Utvecklingsbyrån Mälardalen AB",
)
"""Supplier names: the example's first, then more made-up consultancies."""


_UNITS: Final = CITY_UNITS
"""The city's units that call off: name, kind and case-number prefix."""


def _check_within(checks: Checker, path: str, within: object) -> None:
    if within is not None:
        checks.instance(path, within, DateRange, "a DateRange or None")


def _check_member(checks: Checker, path: str, value: object, kind: Any) -> None:
    if value is not None:
        checks.member(path, value, kind)


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
        checks.add(
            "max_value",
            max_value,
            f"must not be below min_value ({min_value})",
            ProblemCode.TOO_SMALL,
            given=max_value,
            least=min_value,
        )
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
    owner = organisation or stockholms_stad()

    @st.composite
    def build(draw: st.DrawFn) -> OrderingUnit:
        return _unit(draw, owner, kind)

    return build()
