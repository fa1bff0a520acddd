"""Hypothesis strategies for scheduling: blackouts, working calendars and sessions (private).

Public in :mod:`ledarutveckling.testing`.
"""

from __future__ import annotations

from typing import Final

import pendulum
from hypothesis import strategies as st

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._procurement.offerings import (
    Program,
)
from ledarutveckling._scheduling.calendar import Blackout, WorkingCalendar
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling._testing.strategies_procurement import _program
from ledarutveckling._testing.strategies_values import (
    DEFAULT_PERIOD,
    _check_within,
    _day,
    date_ranges,
    dates,
)

__all__ = ["blackouts", "sessions", "working_calendars"]


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
