"""The framework agreement (ramavtal): prices, indexation, options and call-off method."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Final, cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_read_only, as_tuple
from ledarutveckling._base.dates import DateRange, to_date
from ledarutveckling._base.i18n import DEFAULT_LOCALE, language
from ledarutveckling._base.money import PRECISE, Money
from ledarutveckling._procurement.offerings import ServiceArea
from ledarutveckling._procurement.parties import Organisation
from ledarutveckling.errors import NotFoundError, ValidationError, join_path, key_path

__all__ = [
    "CallOffMethod",
    "ExtensionOption",
    "FrameworkAgreement",
    "IndexAdjustment",
    "Indexation",
    "PriceItem",
    "PriceList",
    "PriceUnit",
]


Month = tuple[int, int]
"""A calendar month as ``(year, month)``, e.g. ``(2026, 10)`` for October 2026."""


_C_23_20: Final = "EU Court of Justice C-23/20, Simonsen & Weel"


_LOU_7_2: Final = "LOU (2016:1145) 7 kap. 2 §"


def check_date(checks: Checker, path: str, value: object) -> bool:
    """Record a problem unless *value* is a :class:`pendulum.Date` (not a datetime)."""
    if isinstance(value, pendulum.Date) and not isinstance(value, dt.datetime):
        return True
    checks.add(path, value, "must be a date, e.g. pendulum.date(2026, 11, 27)")
    return False


def check_money(checks: Checker, path: str, value: object, *, positive: bool = False) -> bool:
    """Record a problem unless *value* is Money, not negative (or above zero if *positive*)."""
    if not checks.instance(path, value, Money, "Money, e.g. Money.sek('1450')"):
        return False
    assert isinstance(value, Money)
    if positive and value.amount <= 0:
        checks.add(path, value, "must be greater than zero")
        return False
    if value.amount < 0:
        checks.add(path, value, "must not be negative")
        return False
    return True


def _month_text(month: Month) -> str:
    return f"{month[0]:04}-{month[1]:02}"


def _month_key(key: object) -> object:
    """A month key as a document writes it (``"2026-10"``), so that paths match; else as is."""
    if (
        isinstance(key, tuple)
        and len(key) == 2
        and all(type(part) is int and part >= 0 for part in key)
    ):
        return _month_text(cast("Month", key))
    return key


def _check_month(checks: Checker, path: str, value: object) -> bool:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        checks.add(path, value, "must be a month written (year, month), e.g. (2026, 10)")
        return False
    if not 1 <= value[1] <= 12:
        checks.add(path, value, "must have a month from 1 to 12")
        return False
    return True


def _fraction(checks: Checker, path: str, value: object) -> bool:
    if isinstance(value, Decimal) and value.is_finite() and Decimal(0) < value < Decimal(1):
        return True
    checks.add(path, value, "must be a Decimal fraction between 0 and 1, e.g. Decimal('0.03')")
    return False


class PriceUnit(enum.Enum):
    """What one price in the price list is per (prisenhet).

    Examples:
        >>> PriceUnit.HALF_DAY.label()
        'per halvdag'
        >>> PriceUnit.PARTICIPANT.label("en_GB")
        'per participant'
    """

    HOUR = "hour"
    """Timpris: per hour of a consultant's time."""
    HALF_DAY = "half_day"
    """Halvdagspris: per half day (up to four hours)."""
    DAY = "day"
    """Dagpris: per day (up to eight hours)."""
    PARTICIPANT = "participant"
    """Pris per deltagare: per participant, e.g. material or a platform licence."""
    SESSION = "session"
    """Pris per tillfälle: per session."""
    FIXED = "fixed"
    """Fast pris: once per call-off."""

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The member's label in *locale* (Swedish by default, English for ``en_*``)."""
        swedish, english = _LABELS[self]
        return swedish if language(locale) == "sv" else english


class CallOffMethod(enum.Enum):
    """How the buyer chooses the supplier for a call-off (avropsordning).

    Source: LOU (2016:1145) 7 kap. (ramavtal): call-offs follow the terms of the agreement —
    by ranking (rangordning, kaskad: the highest-ranked supplier first), by renewed competition
    (förnyad konkurrensutsättning) among the agreement's suppliers, or a combination.

    Examples:
        >>> CallOffMethod.RENEWED_COMPETITION.label()
        'förnyad konkurrensutsättning'
    """

    RANKING = "ranking"
    """Rangordning (kaskad): the highest-ranked supplier first, the next for a stated reason."""
    RENEWED_COMPETITION = "renewed_competition"
    """Förnyad konkurrensutsättning: the suppliers compete again for the call-off."""
    COMBINED = "combined"
    """Kombinerad: ranking below the agreement's value limit, renewed competition at or above it."""

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The member's label in *locale* (Swedish by default, English for ``en_*``)."""
        swedish, english = _LABELS[self]
        return swedish if language(locale) == "sv" else english


_LABELS: Final[dict[enum.Enum, tuple[str, str]]] = {
    PriceUnit.HOUR: ("per timme", "per hour"),
    PriceUnit.HALF_DAY: ("per halvdag", "per half day"),
    PriceUnit.DAY: ("per dag", "per day"),
    PriceUnit.PARTICIPANT: ("per deltagare", "per participant"),
    PriceUnit.SESSION: ("per tillfälle", "per session"),
    PriceUnit.FIXED: ("fast pris", "fixed price"),
    CallOffMethod.RANKING: ("rangordning", "ranking"),
    CallOffMethod.RENEWED_COMPETITION: ("förnyad konkurrensutsättning", "renewed competition"),
    CallOffMethod.COMBINED: ("kombinerad avropsordning", "combined"),
}


@attrs.frozen(kw_only=True)
class PriceItem:
    """One price in the agreement's price list, excluding VAT (exkl. moms).

    Attributes:
        code: Short identifier, unique in the list, e.g. ``"KONS-TIM"``.
        description: What the price is for, in Swedish.
        unit: What the price is per: hour, half day, day, participant, session or fixed.
        price: The price before indexation, not negative.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> item = PriceItem(code="KONS-TIM", description="Konsult, timpris",
        ...                  unit=PriceUnit.HOUR, price=Money.sek("1450"))
        >>> item.unit.label()
        'per timme'
    """

    code: str
    description: str
    unit: PriceUnit
    price: Money

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("code", self.code)
        checks.text("description", self.description)
        checks.member("unit", self.unit, PriceUnit)
        check_money(checks, "price", self.price)
        checks.done()


@attrs.frozen(kw_only=True)
class PriceList:
    """The agreement's prices (prislista): at least one item, unique codes, one currency.

    Attributes:
        items: The price items in the order of the agreement.

    Raises:
        ValidationError: Listing every item that breaks a rule.

    Examples:
        >>> prices = PriceList(items=(
        ...     PriceItem(code="KONS-TIM", description="Konsult, timpris",
        ...               unit=PriceUnit.HOUR, price=Money.sek("1450")),
        ...     PriceItem(code="MAT", description="Kursmaterial per deltagare",
        ...               unit=PriceUnit.PARTICIPANT, price=Money.sek("450")),
        ... ))
        >>> prices.item("MAT").price
        Money(amount=Decimal('450'), currency='SEK')
        >>> "KONS-TIM" in prices, prices.currency
        (True, 'SEK')
    """

    items: tuple[PriceItem, ...] = attrs.field(converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        good = checks.items("items", self.items, PriceItem, "PriceItem objects")
        if isinstance(self.items, tuple) and not self.items:
            checks.add("items", self.items, "must hold at least one price item")
        checks.unique("items", (item.code for item in good), "price code")
        if good:
            currency = good[0].price.currency
            for index, item in enumerate(self.items):
                if isinstance(item, PriceItem) and item.price.currency != currency:
                    checks.add(
                        f"items[{index}].price",
                        item.price,
                        f"must be in {currency} like the first item; one list, one currency",
                    )
        checks.done()

    def __iter__(self) -> Iterator[PriceItem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    @property
    def codes(self) -> tuple[str, ...]:
        """The price codes, in order."""
        return tuple(item.code for item in self.items)

    @property
    def currency(self) -> str:
        """The currency of every price in the list."""
        return self.items[0].price.currency

    def item(self, code: str) -> PriceItem:
        """The item with *code*.

        Raises:
            NotFoundError: If there is none (path ``code``); the message lists the codes.
                It is a ValidationError and a KeyError.
        """
        for item in self.items:
            if item.code == code:
                return item
        raise NotFoundError.single(
            "code", code, f"is not in the price list (codes: {', '.join(self.codes)})"
        )

    def by_unit(self, unit: PriceUnit) -> tuple[PriceItem, ...]:
        """The items priced per *unit*, in order.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> [i.code for i in stockholm_agreement().price_list.by_unit(PriceUnit.PARTICIPANT)]
            ['MATERIAL', 'PLATTFORM']
        """
        return tuple(item for item in self.items if item.unit is unit)


@attrs.frozen(kw_only=True)
class IndexAdjustment:
    """One yearly price adjustment as :meth:`Indexation.adjustments` works it out.

    Attributes:
        effective_on: The day the adjustment takes effect.
        reference_month: The index month prices were last adjusted to (at first, the base
            month).
        compared_month: The month whose index value is compared with the reference month's.
        change: The index's change, ``compared / reference - 1``, as a fraction.
        applied: The fraction prices change by: 0 when ``|change|`` is below the threshold,
            the change limited to ``±cap`` otherwise.
    """

    effective_on: pendulum.Date
    reference_month: Month
    compared_month: Month
    change: Decimal
    applied: Decimal


@attrs.frozen(kw_only=True)
class Indexation:
    r"""The yearly price adjustment by an index (indexuppräkning, prisjustering).

    The caller supplies the index series (e.g. SCB's labour cost index AKI, or KPI) as a
    mapping from ``(year, month)`` to the published value; the library never fetches it.

    How prices are adjusted, exactly:

    1. Adjustments take effect on *adjust_on* and on the same day of the same month every
       year after it.
    2. Each adjustment compares the index value of the *compared month* with that of the
       *reference month*. The compared month is the base month's calendar month in the
       adjustment year — or in the year before, when that month has not yet come round by
       the month the adjustment takes effect (a January adjustment with October as base month
       compares last October). The reference month is the base month at first, and then the
       compared month of the last adjustment that applied.
    3. ``change = compared / reference - 1``. If a *threshold* is set and ``|change|`` is
       below it, nothing applies and the reference month stays, so small changes add up
       until together they reach the threshold. Otherwise the change applies, limited to
       ``±cap`` if a cap is set, and the compared month becomes the reference month.
    4. Rises and falls apply alike. Each applied adjustment multiplies the price by
       ``1 + applied`` and rounds it half up to öre before the next one.

    Attributes:
        index: The index's name, e.g. ``"AKI, tjänstemän, privat sektor (SCB)"``.
        base_month: The month whose index value the prices in the price list correspond to.
        adjust_on: The day the first adjustment takes effect.
        threshold: The smallest change (as a fraction, e.g. ``Decimal("0.01")`` for 1 %)
            that leads to an adjustment, or ``None`` for every change.
        cap: The largest change applied in one adjustment (a fraction), or ``None``.
        values: The index series, ``(year, month) -> Decimal``, positive values; kept as a
            read-only mapping and left out of the hash.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from decimal import Decimal
        >>> aki = Indexation(
        ...     index="AKI", base_month=(2024, 10), adjust_on=pendulum.date(2026, 1, 1),
        ...     threshold=Decimal("0.01"), cap=Decimal("0.04"),
        ...     values={(2024, 10): Decimal("100"), (2025, 10): Decimal("103.2"),
        ...             (2026, 10): Decimal("103.8")},
        ... )
        >>> aki.apply(Money.sek("1450"), pendulum.date(2026, 6, 1))
        Money(amount=Decimal('1496.40'), currency='SEK')
        >>> [str(a.applied) for a in aki.adjustments(pendulum.date(2027, 1, 1))]
        ['0.032', '0']
    """

    index: str
    base_month: Month = attrs.field(converter=as_tuple)
    adjust_on: pendulum.Date = attrs.field(converter=as_date)
    threshold: Decimal | None = None
    cap: Decimal | None = None
    values: Mapping[Month, Decimal] = attrs.field(converter=as_read_only, hash=False)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("index", self.index)
        base_ok = _check_month(checks, "base_month", self.base_month)
        date_ok = check_date(checks, "adjust_on", self.adjust_on)
        threshold_ok = self.threshold is None or _fraction(checks, "threshold", self.threshold)
        cap_ok = self.cap is None or _fraction(checks, "cap", self.cap)
        if (
            threshold_ok
            and cap_ok
            and self.threshold is not None
            and self.cap is not None
            and self.cap < self.threshold
        ):
            checks.add("cap", self.cap, f"must not be below the threshold ({self.threshold})")
        if base_ok and date_ok:
            first = self.compared_month(self.adjust_on)
            if first <= self.base_month:
                checks.add(
                    "adjust_on",
                    self.adjust_on,
                    f"must come late enough that the month it compares ({_month_text(first)}) "
                    f"is after the base month ({_month_text(self.base_month)})",
                )
        if isinstance(self.values, Mapping):
            for key, value in self.values.items():
                path = join_path("values", key_path(_month_key(key)))
                _check_month(checks, path, key)
                if (
                    isinstance(value, bool)
                    or not isinstance(value, Decimal)
                    or not value.is_finite()
                    or value <= 0
                ):
                    checks.add(path, value, "must be a positive Decimal index value")
        else:
            checks.add("values", self.values, "must be a mapping (year, month) -> Decimal")
        checks.done()

    def compared_month(self, effective_on: dt.date) -> Month:
        """The index month an adjustment taking effect on *effective_on* compares.

        Examples:
            >>> aki = Indexation(index="AKI", base_month=(2024, 10),
            ...                  adjust_on=pendulum.date(2026, 1, 1), values={})
            >>> aki.compared_month(pendulum.date(2026, 1, 1))
            (2025, 10)
        """
        month = self.base_month[1]
        year = effective_on.year if month < effective_on.month else effective_on.year - 1
        return (year, month)

    def _value(self, month: Month, effective_on: pendulum.Date) -> Decimal:
        try:
            return self.values[month]
        except KeyError:
            raise ValidationError.single(
                "values",
                _month_text(month),
                f"has no value for {_month_text(month)}, which the adjustment on "
                f"{effective_on.isoformat()} needs; add it to the index series",
            ) from None

    def adjustments(self, until: dt.date) -> tuple[IndexAdjustment, ...]:
        """Every adjustment that takes effect on or before *until*, in order.

        Raises:
            ValidationError: If *until* is not a date, or the series lacks a month it needs
                (path ``values``).
        """
        last = to_date(until, "until")
        reference = self.base_month
        found = []
        year = 0
        while (effective_on := self.adjust_on.add(years=year)) <= last:
            compared = self.compared_month(effective_on)
            ratio = PRECISE.divide(
                self._value(compared, effective_on), self._value(reference, effective_on)
            )
            change = PRECISE.subtract(ratio, 1)
            if self.threshold is not None and change.copy_abs() < self.threshold:
                applied = Decimal(0)
            else:
                applied = change
                if self.cap is not None:
                    applied = max(self.cap.copy_negate(), min(self.cap, applied))
            found.append(
                IndexAdjustment(
                    effective_on=effective_on,
                    reference_month=reference,
                    compared_month=compared,
                    change=change,
                    applied=applied,
                )
            )
            if applied:
                reference = compared
            year += 1
        return tuple(found)

    def apply(self, price: Money, on: dt.date) -> Money:
        """Return *price* as adjusted by every adjustment due on or before *on*.

        Raises:
            ValidationError: As :meth:`adjustments`.
        """
        for adjustment in self.adjustments(on):
            if adjustment.applied:
                price = (price * PRECISE.add(1, adjustment.applied)).round_to_ore()
        return price


@attrs.frozen(kw_only=True)
class ExtensionOption:
    """The buyer's right to extend the agreement (förlängningsoption).

    Attributes:
        months: How many months the option extends the term by, at least 1.
        notice_days: How many days before the term in force ends the buyer must exercise it
            (0: up to the last day).
        exercised_on: The day the buyer exercised the option, or ``None``.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> ExtensionOption(months=12, notice_days=90).exercised_on is None
        True
    """

    months: int
    notice_days: int
    exercised_on: pendulum.Date | None = attrs.field(default=None, converter=as_date)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.integer("months", self.months, minimum=1)
        checks.integer("notice_days", self.notice_days, minimum=0)
        if self.exercised_on is not None:
            check_date(checks, "exercised_on", self.exercised_on)
        checks.done()

    def period_after(self, end: dt.date) -> DateRange:
        """The days this option adds to a term in force that ends on *end*.

        The period starts the day after *end* and runs :attr:`months` months; when the last
        month has no day with the start's number (a start on the 29th–31st), it ends on that
        month's last day, so that no day is left out.

        Raises:
            ValidationError: If *end* is not a date (path ``end``).

        Examples:
            >>> option = ExtensionOption(months=1, notice_days=0)
            >>> print(option.period_after(pendulum.date(2027, 1, 30)))
            2027-01-31/2027-02-28
        """
        start = to_date(end, "end").add(days=1)
        later = start.add(months=self.months)  # pendulum clamps 31 + 1 month to the last day
        # One month from 31 January ends on 28 February (not 27 February), twelve months from
        # 29 February 2024 on 28 February 2025: no day of the last month is left out.
        return DateRange(
            start=start, end=later if later.day != start.day else later.subtract(days=1)
        )


@attrs.frozen(kw_only=True)
class FrameworkAgreement:
    """A framework agreement (ramavtal) between a public buyer and a supplier.

    The agreement fixes prices, a term with its options, and the most it may be worth;
    signing it buys nothing: units of the buyer buy by call-offs
    (:class:`~ledarutveckling.CallOff`), which :class:`~ledarutveckling.AgreementLedger`
    checks against it.

    Rules checked when it is built:

    * **Maximum value** (takbelopp): the ceiling must be stated and be at least the estimated
      value — EU Court of Justice C-23/20 (Simonsen & Weel, 2021): a framework agreement
      must state an estimated and a maximum value and ceases to have effect at the maximum.
    * **Term**: the term with every option may run past four years only with a recorded
      justification (särskilda skäl) — LOU (2016:1145) 7 kap. 2 §.
    * **Options** (förlängningsoptioner) are exercised in order, each on or before its
      notice deadline — a Swedish kammarrätt found an extension signed ten days before
      expiry, where three months' notice was required, to be a deviation from the agreement.
    * **Call-off method**: a combined method needs the value limit at which renewed
      competition takes over; ranking needs the supplier's rank.
    * One currency for the estimated value, ceiling, value limit and price list; the buyer
      and supplier are different organisations.

    Attributes:
        reference: The buyer's case number (diarienummer).
        title: The agreement's title.
        buyer: The public buyer (upphandlande myndighet).
        supplier: The supplier.
        term: The initial term, options not included.
        options: The extension options, in the order they can be exercised.
        estimated_value: The buyer's estimate of all call-offs (uppskattat värde).
        ceiling: The maximum value (takbelopp); ``None`` is refused with the reason.
        service_areas: The service areas the agreement covers, at least one.
        price_list: The prices, before indexation.
        indexation: The yearly price adjustment, or ``None`` for fixed prices.
        call_off_method: How call-offs choose the supplier.
        value_limit: With the combined method, the call-off value at or above which renewed
            competition is used (ranking below it); ``None`` otherwise.
        supplier_rank: The supplier's place in the ranking (1 = first), needed with the
            ranking and combined methods.
        term_justification: The buyer's stated special reasons for a term past four years.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement
        >>> agreement = stockholm_agreement()
        >>> agreement.end_date, agreement.latest_end_date
        (Date(2027, 12, 31), Date(2028, 12, 31))
        >>> agreement.next_option(), agreement.notice_deadline
        (ExtensionOption(months=12, notice_days=90, exercised_on=None), Date(2027, 10, 2))
        >>> agreement.price_on("KONS-TIM", pendulum.date(2026, 3, 1))
        Money(amount=Decimal('1496.40'), currency='SEK')
    """

    reference: str
    title: str
    buyer: Organisation
    supplier: Organisation
    term: DateRange
    options: tuple[ExtensionOption, ...] = attrs.field(default=(), converter=as_tuple)
    estimated_value: Money
    ceiling: Money | None
    service_areas: tuple[ServiceArea, ...] = attrs.field(converter=as_tuple)
    price_list: PriceList
    indexation: Indexation | None = None
    call_off_method: CallOffMethod
    value_limit: Money | None = None
    supplier_rank: int | None = None
    term_justification: str | None = None

    def _repr_html_(self) -> str:
        """An HTML table of the agreement, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import agreement_html

        return agreement_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("reference", self.reference)
        checks.text("title", self.title)
        parties_ok = checks.instance("buyer", self.buyer, Organisation, "an Organisation")
        parties_ok &= checks.instance("supplier", self.supplier, Organisation, "an Organisation")
        if parties_ok and self.buyer.org_number == self.supplier.org_number:
            checks.add("supplier", self.supplier, "must not be the buyer")
        term_ok = checks.instance("term", self.term, DateRange, "a DateRange")
        options = checks.items("options", self.options, ExtensionOption, "ExtensionOption objects")
        options_ok = len(options) == len(self.options)
        self._check_money(checks)
        areas = checks.items("service_areas", self.service_areas, ServiceArea, "ServiceArea values")
        if isinstance(self.service_areas, tuple) and not self.service_areas:
            checks.add("service_areas", self.service_areas, "must name at least one service area")
        checks.unique("service_areas", areas, "service area")
        checks.instance("price_list", self.price_list, PriceList, "a PriceList")
        if self.indexation is not None:
            checks.instance("indexation", self.indexation, Indexation, "an Indexation or None")
        self._check_method(checks)
        if self.term_justification is not None:
            checks.text("term_justification", self.term_justification)
        if term_ok and options_ok:
            self._check_term(checks)
            self._check_options(checks)
        checks.done()

    def _check_money(self, checks: Checker) -> None:
        """Maximum value: EU Court of Justice C-23/20 (Simonsen & Weel, 2021)."""
        estimate_ok = check_money(checks, "estimated_value", self.estimated_value, positive=True)
        currency = self.estimated_value.currency if estimate_ok else None
        if self.ceiling is None:
            checks.add(
                "ceiling",
                None,
                "must be stated: a framework agreement must state its maximum value and "
                f"ceases to have effect when it is reached ({_C_23_20})",
            )
        elif check_money(checks, "ceiling", self.ceiling, positive=True) and currency:
            if self.ceiling.currency != currency:
                checks.add("ceiling", self.ceiling, f"must be in {currency} like estimated_value")
            elif self.ceiling < self.estimated_value:
                checks.add(
                    "ceiling",
                    self.ceiling,
                    f"must be at least the estimated value ({self.estimated_value.amount} "
                    f"{currency}); the maximum cannot be below the estimate ({_C_23_20})",
                )
        if (
            currency
            and isinstance(self.price_list, PriceList)
            and self.price_list.currency != currency
        ):
            checks.add(
                "price_list",
                self.price_list.currency,
                f"must be in {currency} like estimated_value",
            )

    def _check_method(self, checks: Checker) -> None:
        """Call-off method: LOU (2016:1145) 7 kap. (ramavtal); the terms must say how."""
        if not checks.member("call_off_method", self.call_off_method, CallOffMethod):
            return
        combined = self.call_off_method is CallOffMethod.COMBINED
        if combined and self.value_limit is None:
            checks.add(
                "value_limit",
                None,
                "must be stated with the combined method: the call-off value at or above "
                "which renewed competition replaces ranking",
            )
        elif not combined and self.value_limit is not None:
            checks.add(
                "value_limit", self.value_limit, "must be None unless the method is combined"
            )
        elif (
            self.value_limit is not None
            and check_money(checks, "value_limit", self.value_limit, positive=True)
            and isinstance(self.estimated_value, Money)
            and self.value_limit.currency != self.estimated_value.currency
        ):
            checks.add(
                "value_limit",
                self.value_limit,
                f"must be in {self.estimated_value.currency} like estimated_value",
            )
        if self.supplier_rank is not None:
            checks.integer("supplier_rank", self.supplier_rank, minimum=1)
        elif self.call_off_method is not CallOffMethod.RENEWED_COMPETITION:
            checks.add(
                "supplier_rank",
                None,
                "must be stated when call-offs go by ranking: the supplier's place (1 = first)",
            )

    def _check_term(self, checks: Checker) -> None:
        """Four years at most, options included, unless justified: LOU (2016:1145) 7 kap. 2 §."""
        limit = self.term.start.add(years=4).subtract(days=1)
        latest = self.latest_end_date
        if latest > limit and self.term_justification is None:
            checks.add(
                "term_justification",
                None,
                f"must be stated: the term with every option ends {latest.isoformat()}, "
                f"{(latest - limit).days} days past four years ({limit.isoformat()}); a "
                f"longer term needs special reasons (särskilda skäl), {_LOU_7_2}",
            )

    def _check_options(self, checks: Checker) -> None:
        """Options in order, each before its notice deadline (kammarrätt: late = deviation)."""
        end = self.term.end
        gap: int | None = None
        previous: pendulum.Date | None = None
        for index, option in enumerate(self.options):
            path = f"options[{index}].exercised_on"
            day = option.exercised_on
            if day is not None and previous is not None and day < previous:
                checks.add(
                    path,
                    day,
                    f"must not be before options[{index - 1}] was exercised "
                    f"({previous.isoformat()}); options are exercised in order",
                )
            previous = day if day is not None else previous
            if day is None:
                gap = index if gap is None else gap
            elif gap is not None:
                checks.add(
                    path,
                    day,
                    f"must not be set while options[{gap}] is not exercised; "
                    "options are exercised in order",
                )
            elif day < self.term.start:
                checks.add(
                    path, day, f"must not be before the term starts ({self.term.start.isoformat()})"
                )
            else:
                deadline = end.subtract(days=option.notice_days)
                if day > deadline:
                    checks.add(
                        path,
                        day,
                        f"is {(day - deadline).days} days after the notice deadline "
                        f"{deadline.isoformat()} ({option.notice_days} days before the term "
                        f"ends on {end.isoformat()}); an extension exercised late is a "
                        "deviation from the agreement, as a Swedish kammarrätt has found",
                    )
            end = option.period_after(end).end

    # -- term -----------------------------------------------------------------------

    def _end_after(self, count: int) -> pendulum.Date:
        return self.option_periods[count - 1].end if count else self.term.end

    @property
    def exercised(self) -> int:
        """How many options have been exercised."""
        return sum(1 for o in self.options if o.exercised_on is not None)

    @property
    def end_date(self) -> pendulum.Date:
        """The last day of the term with the options exercised so far."""
        return self._end_after(self.exercised)

    @property
    def latest_end_date(self) -> pendulum.Date:
        """The last day the term could reach, every option exercised."""
        return self._end_after(len(self.options))

    @property
    def option_periods(self) -> tuple[DateRange, ...]:
        """The days each option adds, in the order of :attr:`options`, exercised or not.

        The first period starts the day after the initial term ends and each next one the
        day after the one before; the last one ends on :attr:`latest_end_date`.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> for period in stockholm_agreement().option_periods:
            ...     print(period)
            2027-01-01/2027-12-31
            2028-01-01/2028-12-31
        """
        periods: list[DateRange] = []
        end = self.term.end
        for option in self.options:
            periods.append(option.period_after(end))
            end = periods[-1].end
        return tuple(periods)

    @property
    def period_in_force(self) -> DateRange:
        """The days from the term's start to :attr:`end_date`."""
        return DateRange(start=self.term.start, end=self.end_date)

    def is_in_force(self, on: dt.date) -> bool:
        """Whether *on* falls in the term with the options exercised so far.

        The agreement also ceases when its ceiling is reached; that depends on the
        call-offs and is checked by :class:`~ledarutveckling.AgreementLedger`.

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> stockholm_agreement().is_in_force(pendulum.date(2028, 1, 1))
            False
        """
        return to_date(on, "on") in self.period_in_force

    def next_option(self) -> ExtensionOption | None:
        """The first option not yet exercised, or ``None`` when none is left."""
        index = self.exercised
        return self.options[index] if index < len(self.options) else None

    @property
    def notice_deadline(self) -> pendulum.Date | None:
        """The last day to exercise :meth:`next_option`, or ``None`` when none is left."""
        option = self.next_option()
        if option is None:
            return None
        return self.end_date.subtract(days=option.notice_days)

    def exercise_next_option(self, on: dt.date) -> FrameworkAgreement:
        """Return the agreement with its next option exercised on *on*.

        Raises:
            ValidationError: If no option is left (path ``options``), or *on* is after the
                option's notice deadline — the message says by how many days (path
                ``options[i].exercised_on``).

        Examples:
            >>> from ledarutveckling.examples import stockholm_agreement
            >>> agreement = stockholm_agreement()
            >>> agreement.exercise_next_option(pendulum.date(2027, 9, 1)).end_date
            Date(2028, 12, 31)
            >>> agreement.exercise_next_option(pendulum.date(2027, 12, 21))
            Traceback (most recent call last):
            ...
            ledarutveckling.errors.ValidationError: options[1].exercised_on: is 80 days after ...
        """
        day = to_date(on, "on")
        index = self.exercised
        if index >= len(self.options):
            raise ValidationError.single(
                "options", len(self.options), "has no option left to exercise"
            )
        options = list(self.options)
        options[index] = attrs.evolve(options[index], exercised_on=day)
        return attrs.evolve(self, options=tuple(options))

    # -- prices ---------------------------------------------------------------------

    @property
    def currency(self) -> str:
        """The agreement's currency."""
        return self.estimated_value.currency

    def price_on(self, code: str, on: dt.date) -> Money:
        """The list price of *code* on *on*, with every index adjustment due by then.

        The date is not checked against the term: a quote can be worked out for any day.

        Raises:
            ValidationError: If *code* is not in the price list (path ``code``), or the index
                series lacks a month an adjustment needs (path ``indexation.values``).
        """
        day = to_date(on, "on")
        price = self.price_list.item(code).price
        if self.indexation is None:
            return price
        try:
            return self.indexation.apply(price, day)
        except ValidationError as error:
            raise error.with_prefix("indexation") from None
