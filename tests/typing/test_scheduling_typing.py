"""The scheduling API as a downstream project uses it, checked by mypy --strict.

As in `test_api_typing.py`: lines marked `# type: ignore[code]` MUST be rejected by mypy
(`warn_unused_ignores` fails the run if one stops being needed), and pytest runs the file so
every accepted line really works.
"""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

import ledarutveckling as lu
from ledarutveckling import scheduling


def _program() -> lu.Program:
    module = lu.Module(
        code="M1",
        title="Svåra samtal",
        duration=pendulum.duration(hours=3),
        format=lu.DeliveryFormat.IN_PERSON,
    )
    return lu.Program(
        code="SVS",
        title="Svåra samtal",
        service_area=lu.ServiceArea.LEADERSHIP,
        target_group=lu.TargetGroup.MANAGERS,
        kind=lu.ProgramKind.SHORT_INTERVENTION,
        modules=[module],
    )


def test_calendar_api_types() -> None:
    summer: lu.Blackout = lu.Blackout.iso_weeks("sommar", 2027, 27, 32)
    calendar: scheduling.WorkingCalendar = lu.WorkingCalendar.sweden(
        blackouts=[summer, lu.DateRange.iso_week(2027, 44)],
        extra_days_off=[dt.date(2027, 9, 17)],
    )
    working: bool = calendar.is_working_day(dt.date(2027, 6, 25))
    later: pendulum.Date = calendar.add_working_days(pendulum.date(2027, 6, 24), 1)
    reason: str | None = calendar.day_off_reason(later)
    days: list[pendulum.Date] = list(calendar.working_days(lu.DateRange.iso_week(2027, 10)))
    count: int = calendar.count_working_days(lu.DateRange.iso_week(2027, 10))
    assert not working
    assert reason is None
    assert len(days) == count == 5
    with pytest.raises(lu.ValidationError):
        calendar.add_working_days(later, 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.WorkingCalendar.sweden(False)  # type: ignore[call-arg]


def test_session_api_types() -> None:
    calendar = lu.WorkingCalendar.sweden()
    sessions: tuple[lu.Session, ...] = lu.schedule_cohort(
        _program(), "Grupp 1", pendulum.date(2027, 3, 1), calendar, dt.time(9), weekday=1
    )
    start: pendulum.DateTime = sessions[0].start
    conflicts: tuple[lu.Conflict, ...] = lu.find_conflicts(sessions, calendar, locale="en_GB")
    kinds: list[lu.ConflictKind] = [c.kind for c in conflicts]
    first: tuple[lu.Conflict, ...] = lu.find_conflicts(sessions, calendar, limit=50)
    count: int = lu.count_conflicts(sessions, calendar)
    assert (first, count) == ((), 0)
    with pytest.raises(lu.ValidationError):
        lu.find_conflicts(sessions, limit="50")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.count_conflicts(sessions, calendar, locale="en_GB")  # type: ignore[call-arg]
    data: bytes = lu.to_ical(sessions, stamp=pendulum.datetime(2027, 1, 1, tz="UTC"))
    assert start.hour == 9
    assert kinds == []
    assert data.startswith(b"BEGIN:VCALENDAR")
    with pytest.raises(TypeError):
        lu.to_ical(sessions)  # type: ignore[call-arg]
    with pytest.raises(lu.ValidationError):
        lu.schedule_cohort(
            _program(),
            "Grupp 1",
            "2027-03-01",  # type: ignore[arg-type]
            calendar,
            dt.time(9),
        )
