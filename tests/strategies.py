"""Hypothesis strategies for the library's values and the test shapes (valid objects only)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pendulum
from hypothesis import strategies as st

from ledarutveckling import (
    BlendPart,
    DateRange,
    DeliveryFormat,
    Module,
    Money,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from tests.shapes import Ledger, Line, Order, Unit

ZONES = ("Europe/Stockholm", "UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe")

# Text the model accepts: not blank, no surrounding whitespace, no lone surrogates.
texts = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and bool(s)
)
free_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)

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
def orders(draw: st.DrawFn, *, toml_safe: bool = False) -> Order:
    """A valid order; *toml_safe* keeps None out of its mappings (TOML cannot hold it)."""
    period = draw(date_ranges)
    rate_values: st.SearchStrategy[Any] = st.integers() if toml_safe else st.none() | st.integers()
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
def ledgers(draw: st.DrawFn, *, toml_safe: bool = False) -> Ledger:
    """A valid ledger whose orders stay under its ceiling."""
    found = tuple(draw(st.lists(orders(toml_safe=toml_safe), max_size=3)))
    total = sum((o.total for o in found), Money.zero())
    extra = draw(st.decimals(min_value=0, max_value=10**6, places=2))
    return Ledger(name=draw(texts), ceiling=Money.sek(total.amount + extra), orders=found)
