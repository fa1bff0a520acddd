"""How long find_conflicts takes on crowded plans; prints figures, asserts nothing.

The worst case of issue 21: 1,000 cohorts booked into one room at the same time, so every pair
of sessions is a double-booked room (499,500 conflicts). The cost should grow with the sessions
plus the conflicts reported, not with the pairs of sessions looked at.

Run: .venv/bin/python benchmarks/conflicts.py
"""

from __future__ import annotations

import time
import tracemalloc

import pendulum

from ledarutveckling import (
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    Session,
    TargetGroup,
    WorkingCalendar,
    find_conflicts,
)

MODULE = Module(
    code="M1",
    title="Svåra samtal",
    format=DeliveryFormat.IN_PERSON,
    duration=pendulum.duration(hours=3),
)
PROGRAM = Program(
    code="SVS",
    title="Svåra samtal",
    modules=[MODULE],
    service_area=ServiceArea.LEADERSHIP,
    target_group=TargetGroup.MANAGERS,
    kind=ProgramKind.SHORT_INTERVENTION,
)
MONDAY = pendulum.datetime(2027, 3, 1, 9, tz="Europe/Stockholm")


def crowded(cohorts: int) -> list[Session]:
    """*cohorts* sessions at the same time in one room, each with its own facilitator."""
    return [
        Session(
            program=PROGRAM,
            module=MODULE,
            cohort=f"Grupp {n}",
            start=MONDAY,
            end=MONDAY.add(hours=3),
            format=MODULE.format,
            facilitators=[f"Ledare {n}"],
            room="Sal A",
        )
        for n in range(cohorts)
    ]


def spread(cohorts: int) -> list[Session]:
    """*cohorts* sessions, one a day on working days, in one room: no conflict at all."""
    calendar = WorkingCalendar.sweden()
    day = calendar.next_working_day(MONDAY.date())
    sessions = []
    for n in range(cohorts):
        start = pendulum.datetime(day.year, day.month, day.day, 9, tz="Europe/Stockholm")
        sessions.append(
            Session(
                program=PROGRAM,
                module=MODULE,
                cohort=f"Grupp {n}",
                start=start,
                end=start.add(hours=3),
                format=MODULE.format,
                facilitators=["Anna"],
                room="Sal A",
            )
        )
        day = calendar.next_working_day(day.add(days=1))
    return sessions


def measure(label: str, sessions: list[Session], calendar: WorkingCalendar | None) -> None:
    """Time one call, then measure its peak memory in a second (tracemalloc slows it down)."""
    began = time.perf_counter()
    found = find_conflicts(sessions, calendar)
    elapsed = time.perf_counter() - began
    tracemalloc.start()
    find_conflicts(sessions, calendar)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<44} {elapsed:8.2f} s  {peak / 2**20:8.1f} MiB peak  {len(found):>9,} conflicts")


def main() -> None:
    for cohorts in (100, 300, 1000):
        measure(f"{cohorts:,} cohorts in one room at once", crowded(cohorts), None)
    calendar = WorkingCalendar.sweden()
    measure("2,000 sessions on 2,000 days, no conflict", spread(2000), calendar)


if __name__ == "__main__":
    main()
