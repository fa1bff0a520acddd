"""Benchmark re-planning: how many sessions a change moves, how late the plan ends, how fast.

Run: ``python benchmarks/replan.py`` (``--repeat N`` for more timing runs; medians shown,
of the wall clock and of the processor time, which a machine shared with other work
does not inflate as much).

Each instance of ``benchmarks/rollout.py`` (3,600-5,000 people) is planned, then re-planned
from a day a quarter into the plan with four changes: nothing (0 changes expected), the
busiest facilitator off sick for two weeks from that day, the largest room lost, and the
first unit whose last session is after that day made to finish by the day of its last
session (one working day sooner, or more across a break).

The ``forced`` column is a lower bound on the changes: the later sessions no longer valid
where they are (their facilitator away, their room lost, past their deadline), which every
re-plan must change; ``moved`` counts the sessions the re-plan moved, added and cancelled.

A refusal is printed with its problem code: ``replan-not-found`` is a re-plan the searches
did not find (none is proven impossible: that is a false refusal when one exists); every
other code comes with a proof that no re-plan keeps the held sessions (a deadline before
the remaining modules can be held, a span that has run out, or a count of the sessions that
must be held in a stretch of days against the rooms or facilitators there). The last lines
count both. Every re-plan is checked: no rule of ``check_rollout`` broken except by the held
sessions, and the held sessions unchanged; the exit status is 1 when one is not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter

import attrs
import pendulum
from rollout import INSTANCES  # benchmarks/rollout.py, next to this file

from ledarutveckling import DateRange, ProblemCode, ValidationError
from ledarutveckling._rollout.replan_repair import _start
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import Rollout, RolloutPlan, check_rollout, replan


def changes(plan: RolloutPlan, today: pendulum.Date) -> list[tuple[str, Rollout]]:
    """The changed rollouts to re-plan *plan* for, from *today*."""
    rollout = plan.rollout
    later = [s for s in plan.sessions if s.date >= today]
    busiest = Counter(name for s in later for name in s.facilitators).most_common(1)[0][0]
    sick = [
        attrs.evolve(f, absences=(*f.absences, DateRange(start=today, end=today.add(days=13))))
        if f.name == busiest
        else f
        for f in rollout.facilitators
    ]
    largest = max(rollout.rooms, key=lambda r: r.capacity)
    rooms = [r for r in rollout.rooms if r is not largest]
    ends = {u.name: max(s.date for s in plan.sessions if s.unit == u.name) for u in rollout.units}
    moved = next(u for u in rollout.units if ends[u.name] > today.add(days=14))
    last = {s.module for s in plan.sessions}
    code = sorted(last)[-1]
    earlier = attrs.evolve(moved, deadlines={**moved.deadlines, code: ends[moved.name]})
    return [
        ("nothing", rollout),
        (f"{busiest} sick 2 weeks", attrs.evolve(rollout, facilitators=sick)),
        (f"{largest.name} lost", attrs.evolve(rollout, rooms=rooms)),
        (
            f"{moved.name} ends sooner",
            attrs.evolve(rollout, units=[earlier if u is moved else u for u in rollout.units]),
        ),
    ]


def forced(plan: RolloutPlan, changed: Rollout, today: pendulum.Date) -> int:
    """A lower bound on the changes: later sessions no longer valid where they are.

    Each session not valid on its own under the changed rollout (its facilitator away, its
    room lost, after its deadline) must change in every re-plan.
    """
    work, sizes = _start(plan, changed, today, False)
    return sum(
        1
        for s in plan.sessions
        if s.date >= today and not work.valid_alone(s, sizes.get((s.unit, s.cohort), s.size))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per re-plan")
    args = parser.parse_args(argv)
    print(
        f"{'instance':<26}{'change':<28}{'later':>6}{'forced':>7}{'moved':>6}{'end before':>12}"
        f"{'end after':>12}{'bound':>12}{'fallback':>9}{'median s':>9}{'cpu s':>7}{'problems':>9}"
    )
    unproven = proven = planned = 0
    invalid: list[str] = []
    slowest = slowest_cpu = 0.0
    for instance in INSTANCES:
        plan = instance.run()
        first, last = plan.sessions[0].date, plan.end_date
        today = first.add(days=(last - first).days // 4)
        later = sum(1 for s in plan.sessions if s.date >= today)
        for name, changed in changes(plan, today):
            times, cpu = [], []
            try:
                for _ in range(args.repeat):
                    began, used = time.perf_counter(), time.process_time()
                    result = replan(plan, changed, today)
                    times.append(time.perf_counter() - began)
                    cpu.append(time.process_time() - used)
            except ValidationError as error:
                problem = error.problems[0]
                if problem.code is ProblemCode.REPLAN_NOT_FOUND:
                    unproven += 1
                else:
                    proven += 1
                print(
                    f"{instance.name:<26}{name:<28} refused ({problem.code}): "
                    f"{format_problem(problem, locale='en_GB')}"
                )
                continue
            planned += 1
            slowest = max(slowest, statistics.median(times))
            slowest_cpu = max(slowest_cpu, statistics.median(cpu))
            held = {f"sessions[{i}]" for i, s in enumerate(result.plan.sessions) if s.date < today}
            problems = [p for p in check_rollout(result.plan) if p.path.split(".")[0] not in held]
            # Never an invalid plan: no rule broken but by the held sessions, which are kept.
            kept = {s for s in result.plan.sessions if s.date < today}
            if problems or kept != {s for s in plan.sessions if s.date < today}:
                invalid.append(f"{instance.name} / {name}")
            print(
                f"{instance.name:<26}{name:<28}{later:>6}{forced(plan, changed, today):>7}"
                f"{result.changes:>6}"
                f"{plan.end_date.isoformat():>12}{result.plan.end_date.isoformat():>12}"
                f"{result.plan.lower_bound.isoformat():>12}{result.fallback!s:>9}"
                f"{statistics.median(times):>9.3f}{statistics.median(cpu):>7.3f}{len(problems):>9}"
            )
    print(
        f"re-planned: {planned}, refused without proof: {unproven}, refused with a proof: "
        f"{proven}; slowest re-plan (median): {slowest:.3f} s ({slowest_cpu:.3f} s of processor "
        "time)"
    )
    if invalid:
        print(f"INVALID re-plans (a rule broken or a held session changed): {', '.join(invalid)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
