"""The cohort split as part of the plan: which balanced splits to try, and the bound over all.

A unit of ``h`` people split into ``c`` balanced cohorts has cohorts of ``h // c`` and
``h // c + 1`` people; the split is allowed when every cohort lies within the cohort size
range ``(low, high)`` in force (the rollout's, else the program's). Both sizes shrink as
``c`` grows, so the allowed counts are a run ``fewest <= c <= most`` (:func:`counts`).

More cohorts mean more sessions for the facilitators and the rooms, but smaller cohorts fit
smaller rooms: with rooms of 40 and 30 and cohorts of 38–40, the 30-seat room is never used.
:func:`candidates` gives the splits the planner tries; :func:`relaxed` the split whose
lower bound holds for every split.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

import attrs

from ledarutveckling._rollout.plan import LowerBound, RolloutPlan
from ledarutveckling._rollout.problem import Rollout, RolloutUnit, held_sizes
from ledarutveckling.errors import ValidationError

__all__ = [
    "MAX_SPLITS",
    "Split",
    "candidates",
    "choose",
    "counts",
    "dominated",
    "extra",
    "relaxed",
]

Split = tuple[tuple[int, ...], ...]
"""For each unit of a rollout, in order, its cohorts' sizes."""

MAX_SPLITS: Final = 5
"""The most splits the planner plans: the fewest cohorts and up to four others."""


def balanced(headcount: int, count: int) -> tuple[int, ...]:
    """*headcount* people in *count* balanced cohorts, the larger first.

    Examples:
        >>> balanced(79, 3)
        (27, 26, 26)
    """
    base, extra = divmod(headcount, count)
    return (base + 1,) * extra + (base,) * (count - extra)


def counts(headcount: int, size: tuple[int, int]) -> range:
    """The cohort counts that split *headcount* into balanced cohorts within *size*.

    Examples:
        >>> counts(2000, (20, 40))
        range(50, 101)
        >>> counts(25, (20, 40))
        range(1, 2)
        >>> counts(45, (30, 40))
        range(0, 0)
    """
    low, high = size
    fewest = math.ceil(headcount / high)
    most = headcount // low
    if headcount // fewest < low:
        return range(0)
    return range(fewest, most + 1)


def _capped(headcount: int, size: tuple[int, int], cap: int) -> tuple[int, ...]:
    """The balanced split with the fewest cohorts of at most *cap* people, within *size*.

    When the range allows no cohorts that small, the most cohorts it allows.
    """
    allowed = counts(headcount, size)
    count = min(max(math.ceil(headcount / cap), allowed.start), allowed.stop - 1)
    return balanced(headcount, count)


def _mixed(rollout: Rollout, fewest: Split, capped: Split, cap: int) -> Split:
    """Some units in cohorts that fit a room of *cap*, the others in the fewest cohorts.

    The rooms of *cap* or more but smaller than the largest cohort of the fewest split take
    only the capped cohorts: the capped cohorts should be about their share of the rooms
    that take them. Units are capped, largest first, until they are.
    """
    largest = max(max(sizes) for sizes in fewest)
    small = sum(1 for room in rollout.rooms if cap <= room.capacity < largest)
    share = small / sum(1 for room in rollout.rooms if room.capacity >= cap)
    order = sorted(range(len(fewest)), key=lambda i: (-rollout.units[i].headcount, i))
    chosen: set[int] = set()
    for index in order:
        mixed = [capped[i] if i in chosen else fewest[i] for i in range(len(fewest))]
        if sum(len(capped[i]) for i in chosen) >= share * sum(len(c) for c in mixed):
            break
        chosen.add(index)
    return tuple(capped[i] if i in chosen else fewest[i] for i in range(len(fewest)))


def _away_count(headcount: int, size: tuple[int, int], limit: int) -> int:
    """The cohort count whose balanced cohorts need the fewest slots within *limit* away.

    A unit with ``max_away`` holds its cohorts' sessions of one module in groups of at
    most *limit* people; the slots one module needs are about those of packing the
    cohorts into groups, first fit, largest first. The count that needs the fewest (the
    fewest cohorts on a tie).

    Examples:
        >>> _away_count(100, (20, 40), 50)  # 4 cohorts of 25: two groups
        4
        >>> _away_count(100, (20, 40), 80)  # 3 cohorts: 34 and 33 together, then 33
        3
    """
    allowed = counts(headcount, size)
    best: tuple[int, int] | None = None
    for count in allowed:
        groups: list[int] = []  # people in each group so far
        for people in balanced(headcount, count):  # the larger first
            for index, used in enumerate(groups):
                if used + people <= limit:
                    groups[index] += people
                    break
            else:
                groups.append(people)
        if best is None or len(groups) < best[0]:
            best = (len(groups), count)
    return best[1] if best is not None else allowed.start


def _away_split(rollout: Rollout, fewest: Split) -> Split | None:
    """*fewest* with each unit that limits its staff away split by :func:`_away_count`.

    ``None`` when that is *fewest* itself.
    """
    size = held_sizes(rollout)
    away = tuple(
        sizes
        if unit.max_away is None
        else balanced(unit.headcount, _away_count(unit.headcount, size, unit.max_away))
        for unit, sizes in zip(rollout.units, fewest, strict=True)
    )
    return None if away == fewest else away


def candidates(rollout: Rollout) -> list[Split]:
    """The splits the planner tries, the fewest cohorts first, at most :data:`MAX_SPLITS`.

    The first is every unit in as few balanced cohorts as the size range allows (the split
    of a fixed size range, ``(n, n)``, too). Then, when modules are held in person, for each
    room capacity below the largest cohort of that split and not below the smallest cohort
    size allowed, largest first: every unit in the fewest balanced cohorts that fit a room
    of that capacity (the most cohorts the range allows where it allows none that small),
    so that the smaller rooms can be used; and a mix of the two (see :func:`_mixed`), where
    only some units' cohorts are made smaller, so that the rooms of that capacity serve
    about their share. When some unit limits its staff away (``max_away``), the second is
    the fewest split with each such unit split so that its sessions need the fewest slots
    (:func:`_away_count`). Splits that repeat an earlier one are left out.
    """
    size = held_sizes(rollout)
    fewest = tuple(_capped(unit.headcount, size, size[1]) for unit in rollout.units)
    found = [fewest]
    away = _away_split(rollout, fewest)
    if away is not None:
        found.append(away)
    if any(module.format.needs_room for module in rollout.program.modules):
        largest = max(max(sizes) for sizes in fewest)
        caps = sorted({r.capacity for r in rollout.rooms if size[0] <= r.capacity < largest})
        for cap in reversed(caps):
            capped = tuple(_capped(unit.headcount, size, cap) for unit in rollout.units)
            for split in (capped, _mixed(rollout, fewest, capped, cap)):
                if split not in found and len(found) < MAX_SPLITS:
                    found.append(split)
    return found


def _takes(rollout: Rollout, size: int) -> frozenset[str]:
    """The rooms that take a cohort of *size*."""
    return frozenset(room.name for room in rollout.rooms if room.capacity >= size)


def extra(rollout: Rollout) -> int | None:
    """The fewest cohorts a split adds to the fewest before some cohort fits another room.

    For each unit, the cohorts of its fewest split are taken by the rooms that take its
    largest; a split with more cohorts may have a cohort that more rooms take (a smaller
    one) only from some count on. Returns the least such count less the fewest, over the
    units, or ``None`` when no unit's cohorts can fit other rooms (or no module is held
    in person): then every split's cohorts fit the same rooms as the fewest split's.
    """
    if not any(module.format.needs_room for module in rollout.program.modules):
        return None
    size = held_sizes(rollout)
    found: int | None = None
    for unit in rollout.units:
        allowed = counts(unit.headcount, size)
        largest = _takes(rollout, math.ceil(unit.headcount / allowed.start))
        for count in allowed:
            if _takes(rollout, unit.headcount // count) != largest:
                more = count - allowed.start
                found = more if found is None else min(found, more)
                break
    return found


def relaxed(rollout: Rollout) -> list[tuple[Rollout, Split]]:
    """Rollouts and splits whose lower bounds, the earliest of them, hold for every split.

    A split either keeps every cohort in the rooms that take its unit's largest cohort of
    the fewest split, or has some unit with a cohort that other rooms take.

    * For the first kind, the first returned: each unit with as few cohorts as any split
      has, each of the size of its largest in the fewest split. Any plan for such a split,
      with each unit's extra cohorts left out, is a plan for this one: the sessions left
      out only free facilitators, rooms and slots, and the rooms take the same cohorts.
    * For the second kind (when there is one, see :func:`extra`): each unit with as few
      cohorts as any split has, and :func:`extra` more cohorts in units of their own with
      no deadlines, every cohort as small as the smallest of any split. A split of this
      kind has a unit with at least that many cohorts more than the fewest; leaving out
      the others' extra cohorts, dropping that unit's extra cohorts' deadlines and making
      every cohort smaller (a room that takes a cohort takes a smaller one) gives a plan
      for this one.

    So no plan for any split ends before the earlier of these rollouts' lower bounds.
    """
    size = held_sizes(rollout)
    fewest = candidates(rollout)[0]
    alike = tuple((max(sizes),) * len(sizes) for sizes in fewest)
    found = [(rollout, alike)]
    more = extra(rollout)
    if more is not None:
        smallest = tuple(
            unit.headcount // (counts(unit.headcount, size).stop - 1) for unit in rollout.units
        )
        names = {unit.name for unit in rollout.units}
        added = []
        for number in range(1, more + 1):
            name = f"+{number}"
            while name in names:
                name += "+"
            added.append(RolloutUnit(name=name, headcount=min(smallest)))
        small = attrs.evolve(rollout, units=(*rollout.units, *added))
        split = (
            tuple((least,) * len(sizes) for least, sizes in zip(smallest, fewest, strict=True))
            + ((min(smallest),),) * more
        )
        found.append((small, split))
    return found


def dominated(rollout: Rollout) -> bool:
    """Whether the fewest cohorts are as good as any split, for every bound and every plan.

    So when every split's cohorts fit the same rooms as the fewest split's (:func:`extra`
    is ``None``): any plan for another split, with its extra cohorts left out, is then a
    plan for the fewest split (see :func:`relaxed`); unless a unit's limit on staff away
    holds fewer of the fewest split's (larger) cohorts at once than of another's.
    """
    if extra(rollout) is not None:
        return False
    size = held_sizes(rollout)
    fewest = tuple(_capped(unit.headcount, size, size[1]) for unit in rollout.units)
    return _away_split(rollout, fewest) is None


def _key(plan: RolloutPlan) -> tuple[bool, int, int]:
    """Deadlines met first, then the earliest end, then the fewest cohorts."""
    return (not all(plan.deadlines_met.values()), plan.end_date.toordinal(), plan.cohort_count)


def choose(
    rollout: Rollout,
    plan: Callable[[Rollout, Split | None], RolloutPlan],
    bound: Callable[[Rollout, Split], LowerBound | None],
) -> RolloutPlan:
    """The plan that ends earliest over the :func:`candidates` splits, with the bound over all.

    *plan* plans one split (``None``: the fewest cohorts, as the planner always did);
    *bound* proves a lower bound for one split (``None``: none within two years). When the
    fewest cohorts are as good as any split (:func:`dominated`), their plan and bound are
    kept as they are. Else each candidate is planned, until one ends on the earliest bound
    of the :func:`relaxed` rollouts, which is the plan's bound; a candidate no plan is found
    for is skipped, and when none is found the fewest split's error is raised. Among the
    plans, deadlines met come first, then the earliest end, then the fewest cohorts.
    """
    if dominated(rollout):
        return plan(rollout, None)
    bounds = [bound(problem, split) for problem, split in relaxed(rollout)]
    if any(found is None for found in bounds):  # none within two years: the fewest say why
        return plan(rollout, None)
    over_all = min((b for b in bounds if b is not None), key=lambda b: b.date)
    best: RolloutPlan | None = None
    refusal: ValidationError | None = None
    for index, split in enumerate(candidates(rollout)):
        try:
            found = plan(rollout, None if index == 0 else split)
        except ValidationError as error:
            refusal = refusal or error
            continue
        if best is None or _key(found) < _key(best):
            best = found
        if _key(best)[0] is False and best.end_date <= over_all.date:
            break
    if best is None:
        assert refusal is not None
        raise refusal
    return attrs.evolve(best, bound=over_all)
