"""Benchmark the rollout planner on realistic instances: how close to the bound, how fast.

Run: ``python benchmarks/rollout.py`` (``--repeat N`` for more timing runs; medians shown;
``--moves N`` also plans N generated moves with move dates, skills and staff away of each
size in ``--staff``, 3,000 and 30,000 by default; ``--seeds 4 5`` plans only those moves, and
``--repeat 0`` skips the five instances).

Each instance is a move of several technical administrations into one activity-based office:
2,000-5,000 people in 3-6 units with different move dates, a three-module program (in
person, digital, in person) with gaps of one to three weeks, 4-8 facilitators with a few weeks
of absence each, 2-4 rooms, the Swedish calendar with a summer blackout. The instances differ
in which resource binds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import pendulum

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
    ValidationError,
)
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    plan_rollout,
)

CALENDAR = WorkingCalendar.sweden(
    blackouts=[
        Blackout.iso_weeks("sportlov", 2027, 9, 9),
        Blackout.iso_weeks("sommar", 2027, 27, 32),
    ]
)
SLOTS = (
    SessionSlot(start=pendulum.time(9), end=pendulum.time(12)),
    SessionSlot(start=pendulum.time(13), end=pendulum.time(16)),
)
START = pendulum.date(2027, 1, 11)


def program(
    gaps: tuple[int, int], third_facilitators: int, span: int | None, size: tuple[int, int]
) -> Program:
    hours = pendulum.duration(hours=3)
    return Program(
        code="ABW",
        title="Att arbeta aktivitetsbaserat",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.SHORT_INTERVENTION,
        cohort_size=size,
        max_span_days=span,
        modules=(
            Module(
                code="M1",
                title="Nya sätt att arbeta",
                duration=hours,
                format=DeliveryFormat.IN_PERSON,
            ),
            Module(
                code="M2",
                title="Digitala verktyg",
                duration=pendulum.duration(hours=2),
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=gaps[0],
            ),
            Module(
                code="M3",
                title="Vår arbetsplats",
                duration=hours,
                format=DeliveryFormat.IN_PERSON,
                facilitators=third_facilitators,
                min_days_after_previous=gaps[1],
            ),
        ),
    )


def away(*periods: tuple[str, str]) -> tuple[DateRange, ...]:
    return tuple(DateRange.from_iso(a, b) for a, b in periods)


def unit(name: str, headcount: int, move: str) -> RolloutUnit:
    return RolloutUnit(
        name=name, headcount=headcount, deadlines={"M3": pendulum.Date.fromisoformat(move)}
    )


@dataclass(frozen=True)
class Instance:
    name: str
    run: Callable[[], RolloutPlan]


def facilitators_bind() -> RolloutPlan:
    """3,600 people, 6 facilitators (one leads M3 in pairs), 4 rooms: facilitators bind.

    The bound is 25 May and the plan ends on the 26th. The plan is optimal all the same:
    counted in whole cohorts, no plan ends by the 25th
    (``_rollout_lp.no_whole_counts(inst, day)`` proves it in about a tenth of a second), but
    the planner asks for that proof only when it finds no plan on the bound or the day
    after, to keep within a second.
    """
    return plan_rollout(
        program((14, 14), 2, 70, (12, 20)),
        [
            unit("Trafikkontoret", 1180, "2027-06-14"),
            unit("Exploateringskontoret", 620, "2027-09-20"),
            unit("Stadsbyggnadskontoret", 760, "2027-10-18"),
            unit("Fastighetskontoret", 540, "2027-11-15"),
            unit("Miljöförvaltningen", 500, "2027-12-13"),
        ],
        [
            Facilitator(name="Anna", absences=away(("2027-02-15", "2027-02-26"))),
            Facilitator(name="Björn", absences=away(("2027-03-15", "2027-03-26"))),
            Facilitator(name="Cecilia", absences=away(("2027-04-12", "2027-04-23"))),
            Facilitator(name="David", absences=away(("2027-05-10", "2027-05-21"))),
            Facilitator(name="Elin", absences=away(("2027-09-06", "2027-09-17"))),
            Facilitator(name="Fredrik", absences=away(("2027-10-04", "2027-10-15"))),
        ],
        [
            Room(name="Ateljén", capacity=24),
            Room(name="Verkstan", capacity=24),
            Room(name="Hörsalen", capacity=40),
            Room(name="Loftet", capacity=20),
        ],
        CALENDAR,
        SLOTS,
        START,
    )


def rooms_bind() -> RolloutPlan:
    """4,800 people, 8 facilitators, 2 rooms: the rooms bind."""
    return plan_rollout(
        program((7, 21), 1, 56, (16, 24)),
        [
            unit("Trafikkontoret", 1400, "2027-06-21"),
            unit("Exploateringskontoret", 700, "2027-09-13"),
            unit("Stadsbyggnadskontoret", 900, "2027-10-11"),
            unit("Fastighetskontoret", 650, "2027-11-08"),
            unit("Miljöförvaltningen", 600, "2027-12-06"),
            unit("Idrottsförvaltningen", 550, "2027-12-20"),
        ],
        [
            Facilitator(name=name, absences=away((a, b)))
            for name, (a, b) in [
                ("Anna", ("2027-02-01", "2027-02-12")),
                ("Björn", ("2027-03-01", "2027-03-12")),
                ("Cecilia", ("2027-04-05", "2027-04-16")),
                ("David", ("2027-05-03", "2027-05-14")),
                ("Elin", ("2027-08-16", "2027-08-27")),
                ("Fredrik", ("2027-09-13", "2027-09-24")),
                ("Greta", ("2027-10-11", "2027-10-22")),
                ("Hassan", ("2027-11-08", "2027-11-19")),
            ]
        ],
        [Room(name="Ateljén", capacity=24), Room(name="Hörsalen", capacity=40)],
        CALENDAR,
        SLOTS,
        START,
    )


def chain_binds() -> RolloutPlan:
    """2,100 people, 8 facilitators, 4 rooms, three-week gaps: the modules' chain binds."""
    return plan_rollout(
        program((21, 21), 1, None, (18, 30)),
        [
            unit("Trafikkontoret", 900, "2027-05-03"),
            unit("Stadsbyggnadskontoret", 700, "2027-05-17"),
            unit("Fastighetskontoret", 500, "2027-06-07"),
        ],
        [
            Facilitator(name=name, max_sessions_per_week=8, absences=away((a, b)))
            for name, (a, b) in [
                ("Anna", ("2027-02-01", "2027-02-05")),
                ("Björn", ("2027-02-08", "2027-02-12")),
                ("Cecilia", ("2027-03-08", "2027-03-19")),
                ("David", ("2027-03-22", "2027-03-26")),
                ("Elin", ("2027-04-05", "2027-04-09")),
                ("Fredrik", ("2027-04-12", "2027-04-16")),
                ("Greta", ("2027-05-03", "2027-05-07")),
                ("Hassan", ("2027-05-10", "2027-05-14")),
            ]
        ],
        [Room(name=f"Rum {i}", capacity=30) for i in range(1, 5)],
        CALENDAR,
        SLOTS,
        START,
    )


def six_units(facilitators: int = 5) -> RolloutPlan:
    """5,000 people in 6 units, 5 (or fewer) facilitators, 3 rooms: the facilitators bind."""
    return plan_rollout(
        program((7, 21), 1, 63, (15, 22)),
        [
            unit("Trafikkontoret", 1300, "2027-05-31"),
            unit("Exploateringskontoret", 600, "2027-06-21"),
            unit("Stadsbyggnadskontoret", 950, "2027-09-27"),
            unit("Fastighetskontoret", 700, "2027-10-25"),
            unit("Miljöförvaltningen", 800, "2027-11-22"),
            unit("Idrottsförvaltningen", 650, "2027-12-13"),
        ],
        [
            Facilitator(name=name, absences=away((a, b)))
            for name, (a, b) in [
                ("Anna", ("2027-02-22", "2027-03-05")),
                ("Elin", ("2027-09-20", "2027-10-01")),
                ("Björn", ("2027-04-19", "2027-04-30")),
                ("Cecilia", ("2027-05-24", "2027-06-04")),
                ("David", ("2027-08-16", "2027-08-27")),
            ][:facilitators]
        ],
        [
            Room(name="Ateljén", capacity=24),
            Room(name="Verkstan", capacity=22),
            Room(name="Hörsalen", capacity=40),
        ],
        CALENDAR,
        SLOTS,
        START,
    )


def summer() -> RolloutPlan:
    """The same with 4 facilitators: the rollout runs over the summer blackout."""
    return six_units(facilitators=4)


INSTANCES = [
    Instance("utbildningsledarna binder", facilitators_bind),
    Instance("lokalerna binder", rooms_bind),
    Instance("mellanrummen binder", chain_binds),
    Instance("sex enheter", six_units),
    Instance("över sommaren", summer),
]


def generated(seed: int) -> Callable[[], RolloutPlan]:
    """A random instance within the issue's ranges (deadlines generous enough to be met)."""
    rng = random.Random(seed)
    people = rng.randint(2000, 5000)
    count = rng.randint(3, 6)
    cuts = sorted(rng.sample(range(1, people - 200 * count), count - 1))
    heads = [200 + b - a for a, b in zip([0, *cuts], [*cuts, people - 200 * count], strict=True)]
    size = rng.choice([(12, 20), (15, 25), (16, 24)])
    gaps = (rng.choice([7, 14, 21]), rng.choice([7, 14, 21]))
    span = rng.choice([None, sum(gaps) + rng.choice([14, 28, 42])])
    names = ["Anna", "Björn", "Cecilia", "David", "Elin", "Fredrik", "Greta", "Hassan"]
    facilitators = []
    for name in names[: rng.randint(4, 8)]:
        absences = []
        for _ in range(rng.randint(1, 3)):
            first = START.add(days=rng.randint(0, 300))
            absences.append(DateRange(start=first, end=first.add(days=rng.choice([4, 11]))))
        facilitators.append(
            Facilitator(name=name, max_sessions_per_week=rng.choice([6, 7, 8]), absences=absences)
        )
    rooms = [
        Room(name=f"Rum {i}", capacity=size[1] + rng.choice([0, 4, 10]))
        for i in range(rng.randint(2, 4))
    ]
    # Move dates spread over the autumn, late enough for the deadlines to be reachable.
    moves = sorted(START.add(days=rng.randint(240, 350)) for _ in heads)
    units = [
        RolloutUnit(name=f"Förvaltning {i + 1}", headcount=h, deadlines={"M3": move})
        for i, (h, move) in enumerate(zip(heads, moves, strict=True))
    ]
    prog = program(gaps, rng.choice([1, 2]), span, size)
    return lambda: plan_rollout(prog, units, facilitators, rooms, CALENDAR, SLOTS, START)


def generated_move(seed: int, people: int) -> Callable[[], RolloutPlan]:
    """A random move of about *people* staff with move dates, skills and staff away (issue 17).

    Units of 200-2,000 staff each move on a day from September to December: M1 and M2 are
    held before the move, M3 (the workshop in the new office) on the move day or later.
    About a third of the facilitators lead only the in-person modules and a third only the
    digital one; some units let at most two cohorts be away at once. Facilitators and rooms
    scale with the staff (about one facilitator per 450 people, one room per 1,000).
    """
    rng = random.Random(seed)
    heads = []
    while sum(heads) < people:
        heads.append(min(rng.randint(200, 2000), people - sum(heads) + 200))
    size = rng.choice([(12, 20), (15, 25), (16, 24)])
    gaps = (rng.choice([7, 14]), rng.choice([7, 14, 21]))
    span = rng.choice([None, sum(gaps) + rng.choice([28, 42])])
    facilitators = []
    for index in range(max(4, people // 450)):
        absences = []
        for _ in range(rng.randint(1, 2)):
            first = START.add(days=rng.randint(0, 300))
            absences.append(DateRange(start=first, end=first.add(days=rng.choice([4, 11]))))
        skills = rng.choice([("M1", "M3"), ("M2",), None])
        facilitators.append(
            Facilitator(
                name=f"Utbildningsledare {index + 1}",
                max_sessions_per_week=rng.choice([6, 7, 8]),
                absences=absences,
                modules=skills,
            )
        )
    rooms = [
        Room(name=f"Rum {i}", capacity=size[1] + rng.choice([0, 4, 10]))
        for i in range(max(2, people // 1000))
    ]
    units = [
        RolloutUnit.moving(
            name=f"Förvaltning {i + 1}",
            headcount=h,
            move_date=START.add(days=rng.randint(235, 340)),
            before=("M1", "M2"),
            after=("M3",),
            max_away=rng.choice([None, 2 * size[1]]),
        )
        for i, h in enumerate(heads)
    ]
    prog = program(gaps, 1, span, size)
    return lambda: plan_rollout(prog, units, facilitators, rooms, CALENDAR, SLOTS, START)


def summarise_moves(seeds: list[int], people: int) -> None:
    """Plan the generated moves of *seeds*, of about *people* staff; print each plan's figures."""
    print(
        f"\n{len(seeds)} generated moves of about {people} staff (move dates, skills, staff away):"
    )
    for seed in seeds:
        began, used = time.perf_counter(), time.process_time()
        try:
            plan = generated_move(seed, people)()
        except ValidationError as error:
            print(f"  seed {seed}: refused: {error.problems[0].message}")
            continue
        took, cpu = time.perf_counter() - began, time.process_time() - used
        met = plan.deadlines_met
        proven = sum(given.proven for given in plan.given_up)
        print(
            f"  seed {seed}: {plan.participants} staff, {len(plan.sessions)} sessions, "
            f"end {plan.end_date} bound {plan.lower_bound} (gap {plan.gap_working_days} wd, "
            f"{plan.bound.resource.value}), {took:.2f} s ({cpu:.2f} s CPU), deadlines met "
            f"{sum(met.values())}/{len(met)}, problems {len(plan.problems())}, given up "
            f"{proven} proven + {len(plan.given_up) - proven} not kept"
        )


def summarise_generated(count: int, first: int = 0) -> None:
    gaps: list[int] = []
    times: list[float] = []
    notes: list[str] = []
    refused = 0
    for seed in range(first, first + count):
        run = generated(seed)
        began = time.perf_counter()
        try:
            plan = run()
        except ValidationError:
            refused += 1
            continue
        times.append(time.perf_counter() - began)
        assert not plan.problems()
        gaps.append(plan.gap_working_days)
        if gaps[-1] > 1 or times[-1] >= 1:
            notes.append(f"seed {seed}: gap {gaps[-1]}, {times[-1]:.2f} s")
    seeds = f"seeds {first}-{first + count - 1}"
    print(
        f"\n{count} generated instances ({seeds}): {refused} refused as infeasible, "
        f"{len(gaps)} planned"
    )
    if gaps:
        print(
            f"  gap in working days: at most 1 in {sum(g <= 1 for g in gaps)}, "
            f"0 in {gaps.count(0)}, median {statistics.median(gaps)}, max {max(gaps)}"
        )
        print(f"  run time: median {statistics.median(times):.3f} s, max {max(times):.3f} s")
        print(f"  over one day or one second: {'; '.join(notes) or 'none'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=5, help="timing runs per instance (0: skip them)"
    )
    parser.add_argument(
        "--generated", type=int, default=0, help="also plan this many random instances"
    )
    parser.add_argument(
        "--first-seed", type=int, default=0, help="the first random instance's seed"
    )
    parser.add_argument(
        "--moves", type=int, default=0, help="also plan this many generated moves per size"
    )
    parser.add_argument(
        "--staff",
        type=int,
        nargs="*",
        default=[3000, 30000],
        help="the sizes of the generated moves (staff)",
    )
    parser.add_argument(
        "--seeds",
        type=int,
        nargs="*",
        default=None,
        help="plan only the generated moves of these seeds (instead of --moves/--first-seed)",
    )
    args = parser.parse_args(argv)
    header = (
        f"{'instance':<28}{'people':>7}{'cohorts':>8}{'sessions':>9}  {'end date':<11}"
        f"{'bound':<11}{'gap wd':>6}{'binds':>14}{'median s':>10}{'problems':>9}"
    )
    if args.repeat > 0:
        print(header)
    for instance in INSTANCES if args.repeat > 0 else ():
        times = []
        plan = None
        for _ in range(args.repeat):
            began = time.perf_counter()
            plan = instance.run()
            times.append(time.perf_counter() - began)
        assert plan is not None
        print(
            f"{instance.name:<28}{plan.participants:>7}{plan.cohort_count:>8}"
            f"{len(plan.sessions):>9}  {plan.end_date.isoformat():<11}"
            f"{plan.lower_bound.isoformat():<11}{plan.gap_working_days:>6}"
            f"{plan.bound.resource.value:>14}{statistics.median(times):>10.3f}"
            f"{len(plan.problems()):>9}"
        )
        print(f"  {plan.bound.explain()}")
        met = plan.deadlines_met
        print(f"  deadlines met: {sum(met.values())}/{len(met)}")
    if args.generated:
        summarise_generated(args.generated, args.first_seed)
    seeds = args.seeds
    if seeds is None:
        seeds = list(range(args.first_seed, args.first_seed + args.moves))
    for people in args.staff if seeds else ():
        summarise_moves(seeds, people)
    return 0


if __name__ == "__main__":
    sys.exit(main())
