"""How far the re-plan is from the fewest changes, on small generated re-plans.

Run: ``python benchmarks/replan_minimal.py`` (``--cases N``, ``--seed S``), from the
repository root with the library importable (the test helpers of ``tests/test_rollout.py``
build the instances).

Each case is a small rollout (1-2 units of 8-24 people, some with ``max_away``, two
modules, 2-3 facilitators, some who may lead one module only, two rooms), planned, then
re-planned from a random day with one change: a facilitator off sick for up to two weeks, a
room lost, a unit's deadline or move date (earliest date) moved. For each re-plan the exact
search of the completion (an integer program, HiGHS) is run over the sessions not held with
the objective "most sessions left in the slot and with the facilitators they had"
(``Completion.exact(changes=True)``): its count of sessions moved or added, plus the
cancelled ones, is a lower bound on the changes of any re-plan (a session whose room is lost
counts as changed; two sessions left in one room are not excluded). The table counts the
cases by the gap between the re-plan's changes and that bound; the last line gives the mean
and the largest gap.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_rollout import module, plan, program

from ledarutveckling import DateRange, DeliveryFormat, ValidationError
from ledarutveckling._rollout.replan_board import _key
from ledarutveckling._rollout.replan_repair import _completion
from ledarutveckling.scheduling import Facilitator, RolloutUnit, Room, replan


def case(rng: random.Random):  # type: ignore[no-untyped-def]
    """A small plan, a day into it and a changed rollout (as tests/test_replan_complete.py)."""
    formats = [DeliveryFormat.IN_PERSON, DeliveryFormat.DIGITAL]
    modules = [
        module("M1", rng.choice(formats)),
        module("M2", rng.choice(formats), gap=rng.randint(0, 7), facilitators=rng.randint(1, 2)),
    ]
    units = [
        RolloutUnit(
            name=name,
            headcount=rng.randint(8, 24),
            max_away=rng.choice([None, None, 12, 20]),
        )
        for name in ("A", "B")[: rng.randint(1, 2)]
    ]
    facilitators = [
        Facilitator(
            name=name,
            max_sessions_per_day=rng.randint(1, 2),
            modules=rng.choice([None, None, ("M1",), ("M2",)]) if i else None,
        )
        for i, name in enumerate(("Anna", "Björn", "Cecilia")[: rng.randint(2, 3)])
    ]
    rooms = [Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=rng.choice([8, 12]))]
    before = plan(
        program=program(*modules, span=rng.choice([None, 10, 21])),
        units=units,
        facilitators=facilitators,
        rooms=rooms,
    )
    first, last = before.sessions[0].date, before.end_date
    today = first.add(days=rng.randint(0, max((last - first).days, 0)))
    rollout = before.rollout
    kind = rng.choice(["sick", "room", "deadline", "move"])
    if kind == "sick":
        name = rng.choice(facilitators).name
        absent = DateRange(start=today, end=today.add(days=rng.randint(1, 13)))
        changed = attrs.evolve(
            rollout,
            facilitators=[
                attrs.evolve(f, absences=[absent]) if f.name == name else f for f in facilitators
            ],
        )
    elif kind == "room":
        changed = attrs.evolve(rollout, rooms=[rng.choice(rooms)])
    else:
        index = rng.randrange(len(units))
        when = today.add(days=rng.randint(0, 20))
        unit = units[index]
        unit = (
            attrs.evolve(unit, deadlines={"M2": when})
            if kind == "deadline"
            else attrs.evolve(unit, not_before={"M2": when})
        )
        changed = attrs.evolve(
            rollout, units=[unit if i == index else u for i, u in enumerate(units)]
        )
    return before, changed, today, kind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    gaps: Counter[tuple[str, int]] = Counter()
    refused = undecided = invalid = 0
    for _ in range(args.cases):
        try:
            before, changed, today, kind = case(rng)
        except ValidationError:  # the change leaves a unit no cohorts the rooms take
            invalid += 1
            continue
        try:
            result = replan(before, changed, today)
        except ValidationError:
            refused += 1
            continue
        held = {_key(s): s for s in before.sessions if s.date < today}
        completion = _completion(before, changed, today, held)
        found = completion.exact(changes=True)
        if not isinstance(found, list):
            undecided += 1
            continue
        kept = sum(
            1
            for p in found
            if (wish := completion.wanted.get((p.cohort, p.module))) is not None
            and (wish[0], wish[1]) == (p.slot, frozenset(p.facilitators))
        )
        bound = len(found) - kept + len(result.cancelled)
        gaps[(kind, result.changes - bound)] += 1
    kinds = sorted({k for k, _ in gaps})
    print(f"{'change':<10}" + "".join(f"{'gap ' + str(g):>8}" for g in range(6)) + f"{'more':>8}")
    for kind in kinds:
        row = [gaps[(kind, g)] for g in range(6)]
        more = sum(n for (k, g), n in gaps.items() if k == kind and g >= 6)
        print(f"{kind:<10}" + "".join(f"{n:>8}" for n in row) + f"{more:>8}")
    total = sum(gaps.values())
    mean = sum(g * n for (_, g), n in gaps.items()) / max(total, 1)
    worst = max((g for _, g in gaps), default=0)
    below = sum(n for (_, g), n in gaps.items() if g < 0)
    print(
        f"re-plans: {total} (at the bound: {sum(n for (_, g), n in gaps.items() if g == 0)}), "
        f"mean gap {mean:.2f}, largest {worst}, below the bound (a bug): {below}; "
        f"refused (with a proof): {refused}; exact search undecided: {undecided}; "
        f"changes that make the rollout invalid: {invalid}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
