"""How long find_conflicts takes on crowded plans; prints figures, asserts nothing.

The worst case of issue 21: 1,000 cohorts booked into one room at the same time, so every pair
of sessions is a double-booked room (499,500 conflicts). The cost should grow with the sessions
plus the conflicts reported, not with the pairs of sessions looked at: all of them with
``find_conflicts(sessions)``, the first 50 with ``limit=50`` (and ``count_conflicts`` for how
many), which is what ``ledarutveckling schedule`` prints.

The command itself is timed on a schedule request of N cohorts (``--cohorts``), each the first
cohort of ``examples/schedule-request.toml`` (four modules, all led by Anna Lindqvist in one
room on the same Tuesdays): 1,000 cohorts are 4,000 sessions and 2,997,000 conflicts.
``--write DIR`` writes that request (``bigN.toml``) and the catalogue to DIR, to time the
command of another checkout the same way (``/usr/bin/time -v``).

Run: .venv/bin/python benchmarks/conflicts.py [--cohorts 1000] [--no-full] [--write DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

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
    count_conflicts,
    find_conflicts,
)
from ledarutveckling._cli import main as cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHOWN = 50

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


def measure(label: str, work: Callable[[], int]) -> tuple[float, float]:
    """Time *work* once, then measure its peak memory in a second run (tracemalloc slows it).

    Prints and returns the seconds and the peak in MiB; *work* returns the count it prints.
    """
    began = time.perf_counter()
    found = work()
    elapsed = time.perf_counter() - began
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    mib = peak / 2**20
    print(f"{label:<58} {elapsed:8.2f} s  {mib:8.1f} MiB peak  {found:>11,} conflicts")
    return elapsed, mib


def first_and_count(sessions: list[Session], calendar: WorkingCalendar | None = None) -> int:
    """What ``schedule`` does: the first conflicts, then how many there are in all."""
    find_conflicts(sessions, calendar, limit=SHOWN)
    return count_conflicts(sessions, calendar)


def request(cohorts: int) -> str:
    """A schedule request of *cohorts* copies of the example's first cohort, all at once."""
    text = (EXAMPLES / "schedule-request.toml").read_text(encoding="utf-8")
    head = text[: text.index("[[cohorts]]")]
    cohort = (
        'first_day = 2027-02-01\nstart_time = "09:00"\nweekday = "tuesday"\nevery_weeks = 4\n'
        'facilitators = ["Anna Lindqvist"]\nroom = "Skärholmen, sal 2"\n'
    )
    return head + "".join(f'[[cohorts]]\nname = "Grupp {n}"\n{cohort}' for n in range(cohorts))


def write(directory: Path, cohorts: int) -> Path:
    """Write ``big<cohorts>.toml`` and the catalogue it names to *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "stockholm-catalogue.toml", directory)
    path = directory / f"big{cohorts}.toml"
    path.write_text(request(cohorts), encoding="utf-8")
    return path


def schedule(path: Path, out: Path) -> int:
    """``ledarutveckling schedule PATH --ics OUT``, its output kept; the conflicts it names."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert cli(["schedule", str(path), "--ics", str(out), "--force"]) == 0
    lines = [line for line in printed.getvalue().splitlines() if line.startswith("  ! ")]
    more = [int(w) for w in lines[-1].split() if w.isdigit()] if len(lines) > SHOWN else [0]
    return len(lines) - (len(lines) > SHOWN) + more[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cohorts", type=int, default=1000, help="of the CLI's request")
    parser.add_argument("--no-full", action="store_true", help="skip the full results")
    parser.add_argument("--write", type=Path, help="only write bigN.toml to this directory")
    args = parser.parse_args()
    if args.write is not None:
        print(write(args.write, args.cohorts))
        return
    for cohorts in (100, 300, 1000):
        sessions = crowded(cohorts)
        label = f"{cohorts:,} cohorts in one room at once"
        limited = measure(
            f"{label}, first {SHOWN} + count",
            lambda s=sessions: first_and_count(s),
        )
        if not args.no_full:
            full = measure(f"{label}, all", lambda s=sessions: len(find_conflicts(s)))
            print(
                f"{'':<58} all / first {SHOWN}: {full[0] / limited[0]:6.0f}× time,"
                f" {full[1] / limited[1]:6.0f}× memory"
            )
    calendar = WorkingCalendar.sweden()
    sessions = spread(2000)
    measure(
        "2,000 sessions on 2,000 days, no conflict, all",
        lambda: len(find_conflicts(sessions, calendar)),
    )
    measure(
        f"2,000 sessions on 2,000 days, no conflict, first {SHOWN} + count",
        lambda: (
            len(find_conflicts(sessions, calendar, limit=SHOWN))
            + count_conflicts(sessions, calendar)
        ),
    )
    with tempfile.TemporaryDirectory() as directory:
        path = write(Path(directory), args.cohorts)
        measure(
            f"schedule CLI, {args.cohorts:,} cohorts ({4 * args.cohorts:,} sessions)",
            lambda: schedule(path, Path(directory) / "out.ics"),
        )


if __name__ == "__main__":
    main()
