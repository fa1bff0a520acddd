"""The cohort split as part of the plan: which balanced splits to try, and the bound over all.

A unit of ``h`` people split into ``c`` balanced cohorts has cohorts of ``h // c`` and
``h // c + 1`` people; the split is allowed when every cohort lies within the cohort size
range ``(low, high)`` in force (the rollout's, else the program's). Both sizes shrink as
``c`` grows, so the allowed counts are a run ``fewest <= c <= most`` (:func:`counts`).

More cohorts mean more sessions for the facilitators and the rooms, but smaller cohorts fit
smaller rooms: with rooms of 40 and 30 and cohorts of 38–40, the 30-seat room is never used.
:func:`candidates` gives splits the planner tries; :class:`OverSplits` the lower bound that
holds for every split, and the split of the count of cohorts it ends on.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from typing import Final

import attrs
import pendulum

from ledarutveckling._rollout.lower_bound import LowerBound
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.problem import Rollout, RolloutUnit, held_sizes
from ledarutveckling.errors import ValidationError

__all__ = [
    "MAX_SPLITS",
    "OverSplits",
    "Split",
    "away_raised",
    "candidates",
    "choose",
    "counts",
    "dominated",
    "extra",
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


def _free(rollout: Rollout, fewest: Split, capped: Split) -> Split:
    """*capped* for the units without a limit on staff away, *fewest* for the others.

    A unit that limits its staff away (``max_away``) holds few of its cohorts at once, so
    it wants its fewest, largest cohorts; the smaller rooms are then left to the others.
    """
    return tuple(
        small if unit.max_away is None else large
        for unit, small, large in zip(rollout.units, capped, fewest, strict=True)
    )


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
    size allowed, largest first: the units without a limit on staff away in the fewest
    balanced cohorts that fit a room of that capacity, the others in their fewest (see
    :func:`_free`); every unit in such cohorts (the most cohorts the range allows where it
    allows none that small), so that the smaller rooms can be used; and a mix of the two
    (see :func:`_mixed`), where only some units' cohorts are made smaller, so that the rooms
    of that capacity serve about their share. When some unit limits its staff away
    (``max_away``), the second is
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
            for split in (
                _free(rollout, fewest, capped),
                capped,
                _mixed(rollout, fewest, capped, cap),
            ):
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


def _large(headcount: int, count: int, cap: int) -> int:
    """How many of *headcount* people's *count* balanced cohorts have more than *cap* people.

    Examples:
        >>> _large(900, 23, 30), _large(610, 20, 30), _large(500, 17, 30)
        (23, 10, 0)
    """
    return max(0, min(count, headcount - cap * count))


BOUND_EVALUATIONS: Final = 40
"""The most lower bounds :meth:`OverSplits.bound` proves, each for a range of cohort counts."""

_NEVER: Final = 1 << 60
"""More large cohorts, or a later day, than any split has."""


class OverSplits:
    """Lower bounds that hold for every split whose cohorts number within a range.

    A split is a cohort count per unit, each within its run (:func:`counts`); what its
    bound sees of it is how many cohorts there are (the facilitators' sessions, the rooms'
    and slots' in all) and, for each room capacity *cap* within the size range, how many
    cohorts have more than *cap* people (those only the larger rooms take). For every
    split with ``first`` to ``last`` cohorts in all, :meth:`problem` gives a rollout and
    split whose plans include every such split's plans with some cohorts left out and
    others made smaller, so its bound holds for all of them:

    * ``first`` cohorts: each unit with move dates (``not_before``, which the bound counts
      per unit) in as few cohorts as it allows, of the smallest size; the other units in
      as few as they allow, and the rest of the ``first`` in a unit of their own with no
      deadlines (the bound leaves deadlines out, and a unit's limit on staff away is
      counted over every split of it);
    * for each *cap*, as many of those other cohorts larger than *cap* as the fewest any
      such split has (:attr:`tables`: a knapsack over the units without move dates, the
      units with them taking whatever count is left), each one more than the next smaller
      capacity; the others of the smallest size allowed.

    A split's cohorts, the largest first among those not kept for the units with move
    dates, then match the relaxed ones person for person: a room that takes a cohort
    takes a smaller one of the same class. :meth:`bound` splits the range of counts,
    branch and bound, until the earliest of the ranges' bounds is a single count's.
    """

    def __init__(self, rollout: Rollout) -> None:
        size = held_sizes(rollout)
        self.rollout = rollout
        self.low = size[0]
        self.caps = sorted({r.capacity for r in rollout.rooms if size[0] <= r.capacity < size[1]})
        """The room capacities within the size range: a cohort larger than one of them
        fits fewer rooms."""
        self.ranges = [counts(unit.headcount, size) for unit in rollout.units]
        self.moving = [bool(unit.not_before) for unit in rollout.units]
        self.fewest = sum(r.start for r in self.ranges)
        self.most = sum(r.stop - 1 for r in self.ranges)
        moving = [r for r, m in zip(self.ranges, self.moving, strict=True) if m]
        self.moving_fewest = sum(r.start for r in moving)
        self.moving_most = sum(r.stop - 1 for r in moving)
        self.others_fewest = self.fewest - self.moving_fewest
        self.others_most = self.most - self.moving_most
        self.tables = [self._table(cap) for cap in self.caps]
        """For each capacity: the fewest cohorts larger than it over the units without
        move dates, for each of their totals from the fewest on; and each unit's count
        that gives it (to make that split)."""

    def _table(self, cap: int) -> tuple[list[int], list[list[int]]]:
        best = [0]
        picks: list[list[int]] = []
        for unit, allowed, moving in zip(self.rollout.units, self.ranges, self.moving, strict=True):
            if moving:
                continue
            found = [_NEVER] * (len(best) + len(allowed) - 1)
            pick = [0] * len(found)
            for j, before in enumerate(best):
                for shift, count in enumerate(allowed):
                    value = before + _large(unit.headcount, count, cap)
                    if value < found[j + shift]:
                        found[j + shift], pick[j + shift] = value, count
            best = found
            picks.append(pick)
        return best, picks

    def _others(self, first: int, last: int) -> range:
        """The totals of the units without move dates in splits of *first* to *last*."""
        return range(
            max(self.others_fewest, first - self.moving_most) - self.others_fewest,
            min(self.others_most, last - self.moving_fewest) - self.others_fewest + 1,
        )

    def problem(self, first: int, last: int) -> tuple[Rollout, Split]:
        """A rollout and split whose bound holds for every split of *first* to *last* cohorts."""
        rollout = self.rollout
        others = self._others(first, last)
        free = first - self.moving_fewest
        above = [min(min(best[others.start : others.stop]), free) for best, _ in self.tables]
        sizes: list[int] = []
        for index in reversed(range(len(self.caps))):
            more = above[index + 1] if index + 1 < len(self.caps) else 0
            sizes += [self.caps[index] + 1] * (above[index] - more)
        sizes += [self.low] * (free - len(sizes))
        split: list[tuple[int, ...]] = []
        for allowed, moving in zip(self.ranges, self.moving, strict=True):
            if moving:
                split.append((self.low,) * allowed.start)
            else:
                split.append(tuple(sizes[: allowed.start]))
                del sizes[: allowed.start]
        if not sizes:
            return rollout, tuple(split)
        names = {unit.name for unit in rollout.units}
        name = "+"
        while name in names:
            name += "+"
        added = RolloutUnit(name=name, headcount=self.low)
        return attrs.evolve(rollout, units=(*rollout.units, added)), (*split, tuple(sizes))

    def split(self, count: int, which: int) -> Split:
        """A split of *count* cohorts with the fewest larger than capacity *which* can have.

        The units with move dates take their fewest cohorts, and the units first in order
        more when the others' total leaves some to them.
        """
        best, picks = self.tables[which]
        j = min(self._others(count, count), key=lambda t: (best[t], t))
        spare = count - self.others_fewest - j - self.moving_fewest
        chosen = [allowed.start for allowed in self.ranges]
        index = len(picks)
        for unit in reversed(range(len(self.ranges))):
            if not self.moving[unit]:
                index -= 1
                chosen[unit] = picks[index][j]
                j -= chosen[unit] - self.ranges[unit].start
        for unit, allowed in enumerate(self.ranges):
            if self.moving[unit]:
                more = min(spare, allowed.stop - 1 - allowed.start)
                chosen[unit] += more
                spare -= more
        return tuple(
            balanced(unit.headcount, count)
            for unit, count in zip(self.rollout.units, chosen, strict=True)
        )

    def bound(
        self, evaluate: Callable[[Rollout, Split], LowerBound | None]
    ) -> tuple[LowerBound | None, int]:
        """The bound over every split, and a count of cohorts whose relaxation gives it.

        Branch and bound over the counts from the fewest to the most: each range's
        relaxation (:meth:`problem`) is proven by *evaluate* (``None``: no plan within two
        years); the range with the earliest bound (on a tie the narrowest, then the
        fewest cohorts) is halved, until it is a single count (or a range whose relaxation is
        its first count's, as when every room takes every cohort) or
        :data:`BOUND_EVALUATIONS` bounds have been proven. The earliest of the ranges'
        bounds holds for every split, at every step. ``None`` when no range has one.
        """
        heap: list[tuple[int, int, int, int, LowerBound | None]] = []  # day, first, width, last
        proven: dict[Split, LowerBound | None] = {}  # a range's relaxation is often its half's

        def push(first: int, last: int) -> None:
            problem, split = self.problem(first, last)
            if split not in proven:
                proven[split] = evaluate(problem, split)
            found = proven[split]
            day = found.date.toordinal() if found is not None else _NEVER
            # A range whose relaxation is its first count's needs no halving: that count's
            # own relaxation proves no more, and none of the range's is proven earlier.
            width = 0 if last == first or split == self.problem(first, first)[1] else last - first
            heapq.heappush(heap, (day, first, width, last, found))

        push(self.fewest, self.most)
        while heap[0][2] > 0 and heap[0][4] is not None and len(proven) < BOUND_EVALUATIONS:
            _, first, _, last, _ = heapq.heappop(heap)
            middle = (first + last) // 2
            push(first, middle)
            push(middle + 1, last)
        return heap[0][4], heap[0][1]


def dominated(rollout: Rollout) -> bool:
    """Whether the fewest cohorts are as good as any split, for every bound and every plan.

    So when every split's cohorts fit the same rooms as the fewest split's (:func:`extra`
    is ``None``): any plan for another split, with its extra cohorts left out, is then a
    plan for the fewest split (see :class:`OverSplits`); unless a unit's limit on staff away
    holds fewer of the fewest split's (larger) cohorts at once than of another's.
    """
    if extra(rollout) is not None:
        return False
    size = held_sizes(rollout)
    fewest = tuple(_capped(unit.headcount, size, size[1]) for unit in rollout.units)
    return _away_split(rollout, fewest) is None


def away_raised(
    rollout: Rollout,
    split: Split,
    units: frozenset[int],
    away_missed: Callable[[Rollout, Split], frozenset[int]],
) -> Split | None:
    """*split* with each of *units* that limits its staff away in cohorts that fit a smaller room.

    A plan that gives up a unit's deadlines may keep them with that unit in more, smaller
    cohorts: its limit on staff away (``max_away``) then holds more of them at once, and
    the smaller rooms take them. Each such unit of *units* (indices), in order, takes the
    fewest cohorts that fit a room smaller than its largest cohort (room capacities within
    the size range, largest first) whose limit does not prove its deadlines out of reach:
    *away_missed* gives the units of a split it does
    (:func:`ledarutveckling._rollout.away.away_deadlines_missed`, thousandths of a second
    each). ``None`` when no unit is changed.
    """
    size = held_sizes(rollout)
    found = list(split)
    for index in sorted(units):
        unit = rollout.units[index]
        if unit.max_away is None:
            continue
        largest = max(split[index])
        caps = {room.capacity for room in rollout.rooms if size[0] <= room.capacity < largest}
        for cap in sorted(caps, reverse=True):
            sizes = _capped(unit.headcount, size, cap)
            trial = (*found[:index], sizes, *found[index + 1 :])
            if len(sizes) > len(split[index]) and index not in away_missed(rollout, trial):
                found[index] = sizes
                break
    more = tuple(found)
    return None if more == split else more


def _key(plan: RolloutPlan) -> tuple[int, int, int]:
    """The fewest units that miss their deadlines first, then the earliest end.

    Then the fewest cohorts.
    """
    missing = sum(not met for met in plan.deadlines_met.values())
    return (missing, plan.end_date.toordinal(), plan.cohort_count)


def _ordered(
    rollout: Rollout,
    tried: list[Split],
    bound: Callable[[Rollout, Split], LowerBound | None],
    missed: Callable[[Rollout, Split], frozenset[int]],
    away_missed: Callable[[Rollout, Split], frozenset[int]],
    proven: dict[Split, frozenset[int]],
    owns: dict[Split, LowerBound | None],
    over_all: pendulum.Date,
) -> list[Split]:
    """*tried* and their raised splits, in the order :func:`choose` plans them.

    For each split, the units whose deadlines *missed* proves out of reach with it (filled
    in *proven*, milliseconds each); a split with such units that limit their staff away is
    followed by the split with them in a smaller room's cohorts (:func:`away_raised`), when
    that is new. Then the splits with the fewest such units first, in the order of *tried*,
    except that the first of them whose own lower bound (*bound*, filled in *owns*,
    hundredths of a second each) is *over_all*, the bound over every split, comes first:
    the first plan is then most often the one kept, and a plan on that bound ends the
    search. When none of them has it, every split's own bound is proven and the earliest
    come first (no bound last; the order of *tried* on a tie).
    """
    found: list[Split] = []
    for split in tried:
        found.append(split)
        proven[split] = missed(rollout, split)
        if not proven[split]:
            continue
        more = away_raised(rollout, split, proven[split], away_missed)
        if more is not None and more not in tried and more not in found:
            found.append(more)
            proven[more] = missed(rollout, more)
    ranked = sorted(found, key=lambda split: len(proven[split]))  # stable: the order of tried
    fewest = len(proven[ranked[0]])
    for split in ranked:
        if len(proven[split]) > fewest:
            break
        owns[split] = own = bound(rollout, split)
        if own is not None and own.date <= over_all:
            return [split, *(other for other in ranked if other != split)]
    for split in found:
        if split not in owns:
            owns[split] = bound(rollout, split)

    def order(index: int) -> tuple[int, int, int]:
        own = owns[found[index]]
        day = own.date.toordinal() if own is not None else _NEVER
        return (len(proven[found[index]]), day, index)

    return [found[index] for index in sorted(range(len(found)), key=order)]


def choose(
    rollout: Rollout,
    plan: Callable[[Rollout, Split | None], RolloutPlan],
    bound: Callable[[Rollout, Split], LowerBound | None],
    counted: Callable[[Rollout, Split, pendulum.Date], LowerBound | None] | None = None,
    away_missed: Callable[[Rollout, Split], frozenset[int]] | None = None,
    missed: Callable[[Rollout, Split], frozenset[int]] | None = None,
) -> RolloutPlan:
    """The plan that ends earliest over the splits tried, with the bound over every split.

    *plan* plans one split (``None``: the fewest cohorts, as the planner always did);
    *bound* proves a lower bound for one split (``None``: none within two years). When the
    fewest cohorts are as good as any split (:func:`dominated`), their plan and bound are
    kept as they are. Else the bound over every split is proven (:meth:`OverSplits.bound`),
    and the splits tried are, first, those of the count of cohorts that gives it with the
    fewest large cohorts (:meth:`OverSplits.split`, for the two largest room capacities),
    then the :func:`candidates`, at most :data:`MAX_SPLITS` in all. When *missed* (the
    units of a split whose deadlines a count proves out of reach with it) and *away_missed*
    are given, each split with such units is followed by its raised split (see below), and
    the splits are planned with the fewest such units first, the first of them whose own
    bound is the bound over every split before the others (:func:`_ordered`). Each is
    planned, until one ends on the bound, unless a plan has been found that misses fewer
    units' deadlines than the split is proven to, or as many and the split's own bound is
    not before its end (no plan of that split is better), at most :data:`MAX_SPLITS`
    plans. A split no plan is found for is skipped, and when
    none is found the fewest split's error is raised (else the first). Among the plans,
    deadlines met come first (the fewest units that miss theirs), then the earliest end,
    then the fewest cohorts.

    When the plan kept gives up some units' deadlines and *away_missed* is given (the units
    of a split whose limit on staff away proves their deadlines out of reach), its split is
    planned once more with those units that limit their staff away in a smaller room's
    cohorts (:func:`away_raised`), unless that split was planned already; that plan is kept
    when it misses fewer deadlines, or as many and ends earlier (a refusal is skipped).

    When the plan chosen ends more than a working day after the bound over every split,
    and *counted* is given, the bound over every split is proven again with *counted*
    (a stronger bound for one split, which need look no later than the plan's last day,
    passed to it), and the later of the two is the plan's bound: both hold for every split.
    """
    if dominated(rollout):
        return plan(rollout, None)
    over = OverSplits(rollout)
    over_all, count = over.bound(bound)
    if over_all is None:  # none within two years: the fewest say why
        return plan(rollout, None)
    found_splits = candidates(rollout)
    fewest = found_splits[0]
    tried: list[Split] = []
    for split in (
        *(over.split(count, which) for which in range(len(over.caps) - 1, -1, -1)[:2]),
        *found_splits,
    ):
        if split not in tried and len(tried) < MAX_SPLITS:
            tried.append(split)
    best: RolloutPlan | None = None
    best_split = fewest
    planned: list[Split] = []
    refusals: dict[bool, ValidationError] = {}
    proven: dict[Split, frozenset[int]] = {}
    owns: dict[Split, LowerBound | None] = {}
    if missed is not None and away_missed is not None:
        tried = _ordered(rollout, tried, bound, missed, away_missed, proven, owns, over_all.date)
    for split in tried:
        if best is not None:
            short = len(proven.get(split, ()))  # units its plans miss, at least
            if short > _key(best)[0]:
                continue  # its plans miss more units' deadlines than the best one
            if short == _key(best)[0]:
                if split not in owns:  # hundredths of a second, a plan up to tenths
                    owns[split] = bound(rollout, split)
                own = owns[split]
                if own is None or own.date >= best.end_date:
                    continue  # no plan of this split ends earlier
        if len(planned) == MAX_SPLITS:
            break
        planned.append(split)
        try:
            found = plan(rollout, None if split == fewest else split)
        except ValidationError as error:
            refusals.setdefault(split == fewest, error)
            continue
        if best is None or _key(found) < _key(best):
            best, best_split = found, split
        if _key(best)[0] == 0 and best.end_date <= over_all.date:
            break
    if best is None:
        raise refusals.get(True) or refusals[False]
    if away_missed is not None and best.given_up:
        names = {item.unit for item in best.given_up}
        units = frozenset(i for i, unit in enumerate(rollout.units) if unit.name in names)
        more = away_raised(rollout, best_split, units, away_missed)
        if more is not None and more not in planned:
            try:
                found = plan(rollout, more)
            except ValidationError:
                pass
            else:
                if _key(found) < _key(best):
                    best = found
    chosen = attrs.evolve(best, bound=over_all)
    if counted is not None and chosen.gap_working_days > 1:
        end = best.end_date

        def stronger(relaxed: Rollout, split: Split) -> LowerBound | None:
            return counted(relaxed, split, end)

        raised, _ = OverSplits(rollout).bound(stronger)
        if raised is not None and raised.date > over_all.date:
            chosen = attrs.evolve(best, bound=raised)
    return chosen
