"""The Stockholm example's delivery: the sessions held under one call-off (private)."""

from __future__ import annotations

import datetime as dt
from typing import Final

import pendulum

from ledarutveckling._examples.stockholm import stockholm_catalogue
from ledarutveckling._scheduling.calendar import WorkingCalendar
from ledarutveckling._scheduling.sessions import Session, schedule_cohort

__all__ = ["stockholm_sessions"]


TRAINEE_CALL_OFF: Final = "SLK 2026/0777"
"""The call-off whose sessions the example follows: the city's trainee program."""


def stockholm_sessions() -> tuple[Session, ...]:
    """The trainee program's four sessions under call-off ``SLK 2026/0777``, each on its line.

    One cohort, on Tuesdays six weeks apart from 3 November 2026, 09:00, two facilitators;
    each module's session draws on the call-off line of its module (lines 0–3). They pass
    :func:`~ledarutveckling.check_call_off_sessions`.

    Examples:
        >>> for session in stockholm_sessions():
        ...     print(session.day, session.module.code, session.call_off, session.line)
        2026-11-03 TR-1 SLK 2026/0777 0
        2026-12-15 TR-2 SLK 2026/0777 1
        2027-01-26 TR-3 SLK 2026/0777 2
        2027-03-09 TR-4 SLK 2026/0777 3
    """
    return schedule_cohort(
        stockholm_catalogue().program("TRAINEE"),
        "Trainee 2026",
        pendulum.date(2026, 11, 3),
        WorkingCalendar.sweden(),
        dt.time(9, 0),
        weekday=1,
        facilitators=("Anna Lindqvist", "Johan Ek"),
        room="Stadshuset, Tre Kronor",
        call_off=TRAINEE_CALL_OFF,
        lines={"TR-1": 0, "TR-2": 1, "TR-3": 2, "TR-4": 3},
    )
