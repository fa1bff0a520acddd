"""Benchmark the chosen cohort split: the fewest cohorts against the split the planner chooses.

Run: ``python benchmarks/rollout_split.py`` (``--repeat N`` for more timing runs; medians).

The issue's move (issue 17): staff moving into activity-based offices take a blended program
(self-paced introduction, an in-person workshop, a digital follow-up a month later) in
cohorts of 20-40, in rooms of 40 and 30, with the summer weeks 27-32 blocked. With the
fewest cohorts (38-40 people) the 30-seat rooms stay empty. For each instance the table gives
the plan for the fewest cohorts (as the planner made before the split was chosen) and the
chosen plan: cohorts, end date, the lower bound (over every split for the chosen plan) and
the working days between them, and the run time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import pendulum

from ledarutveckling import (
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._rollout import planner
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    Rollout,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    plan_rollout,
)

PROGRAM = Program(
    code="ABW",
    title="Flytten till ett aktivitetsbaserat kontor",
    service_area=ServiceArea.EMPLOYEESHIP,
    target_group=TargetGroup.ALL_STAFF,
    kind=ProgramKind.LONG_PROGRAM,
    cohort_size=(20, 40),
    max_span_days=60,
    modules=(
        Module(
            code="ABW-1",
            title="Introduktion",
            duration=pendulum.duration(hours=1),
            format=DeliveryFormat.SELF_PACED,
        ),
        Module(
            code="ABW-2",
            title="Vår arbetsplats",
            duration=pendulum.duration(hours=3),
            format=DeliveryFormat.IN_PERSON,
            min_days_after_previous=7,
        ),
        Module(
            code="ABW-3",
            title="Uppföljning efter flytten",
            duration=pendulum.duration(minutes=90),
            format=DeliveryFormat.DIGITAL,
            min_days_after_previous=30,
        ),
    ),
)
CALENDAR = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])
SLOTS = (
    SessionSlot(start=pendulum.time(9), end=pendulum.time(12)),
    SessionSlot(start=pendulum.time(13), end=pendulum.time(16)),
)
NAMES = ("Anna", "Björn", "Cecilia", "David", "Elin", "Fredrik", "Greta", "Hassan")


def rollout(heads: list[int], facilitators: int, rooms: int, start: str) -> Rollout:
    """Units of *heads* people; *rooms* rooms of 40 and as many of 30."""
    return Rollout(
        program=PROGRAM,
        units=[
            RolloutUnit(name=f"Förvaltning {i + 1}", headcount=head) for i, head in enumerate(heads)
        ],
        facilitators=[
            Facilitator(name=f"{NAMES[i % len(NAMES)]} {i // len(NAMES) + 1}")
            for i in range(facilitators)
        ],
        rooms=[
            *(Room(name=f"Stora {i + 1}", capacity=40) for i in range(rooms)),
            *(Room(name=f"Lilla {i + 1}", capacity=30) for i in range(rooms)),
        ],
        calendar=CALENDAR,
        slots=SLOTS,
        start=pendulum.Date.fromisoformat(start),
    )


@dataclass(frozen=True)
class Instance:
    name: str
    make: Callable[[], Rollout]


def spread(units: int, headcount: int) -> list[int]:
    """*units* headcounts of about *headcount* (up to 148 more)."""
    return [headcount + 37 * (i % 5) for i in range(units)]


INSTANCES = [
    Instance("issue, 16 aug", lambda: rollout([900, 500, 600], 4, 1, "2027-08-16")),
    Instance("3 000, 3 maj", lambda: rollout(spread(5, 540), 6, 1, "2027-05-03")),
    Instance("3 000, 16 aug", lambda: rollout(spread(5, 540), 6, 1, "2027-08-16")),
    Instance("30 000, 16 aug", lambda: rollout(spread(40, 680), 40, 8, "2027-08-16")),
]


def own_bound(problem: Rollout, plan: RolloutPlan) -> str:
    """The lower bound for the plan's own split alone (not over every split)."""
    sizes: dict[tuple[str, int], int] = {(s.unit, s.cohort): s.size for s in plan.sessions}
    split = tuple(
        tuple(size for (name, _), size in sorted(sizes.items()) if name == unit.name)
        for unit in problem.units
    )
    found = planner._split_bound(problem, split)
    return found.date.isoformat() if found is not None else "-"


def timed(run: Callable[[], RolloutPlan], repeat: int) -> tuple[RolloutPlan, float]:
    times = []
    plan = None
    for _ in range(repeat):
        began = time.perf_counter()
        plan = run()
        times.append(time.perf_counter() - began)
    assert plan is not None
    return plan, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per instance")
    args = parser.parse_args(argv)
    print(
        f"{'instance':<16}{'people':>7}  {'split':<8}{'cohorts':>8}  {'end date':<11}"
        f"{'bound':<11}{'own bound':<11}{'gap wd':>6}{'binds':>14}{'median s':>10}{'problems':>9}"
    )
    for instance in INSTANCES:
        problem = instance.make()
        people = sum(unit.headcount for unit in problem.units)
        runs = [
            ("fewest", lambda p=problem: planner._plan(p)),
            ("chosen", lambda p=problem: plan_rollout(p)),
        ]
        for label, run in runs:
            plan, seconds = timed(run, args.repeat)
            print(
                f"{instance.name:<16}{people:>7}  {label:<8}{plan.cohort_count:>8}  "
                f"{plan.end_date.isoformat():<11}{plan.lower_bound.isoformat():<11}"
                f"{own_bound(problem, plan):<11}"
                f"{plan.gap_working_days:>6}{plan.bound.resource.value:>14}{seconds:>10.3f}"
                f"{len(plan.problems()):>9}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
