"""Lower bounds on a rollout's last day: capacities, windows, splits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from ledarutveckling._rollout.away import _away_day, away_leaders_miss
from ledarutveckling._rollout.capacity import Window, capacity, window_capacity
from ledarutveckling._rollout.instance import (
    FacSpec,
    Instance,
    Resource,
    _smallest_day,
    startable_days,
)


@dataclass(frozen=True, slots=True)
class Bound:
    """A proven lower bound on the last session's working day.

    Attributes:
        day: The working-day index no valid plan can end before; ``None`` when no plan can end
            within the horizon.
        resource: Which relaxation gives the bound.
        modules: The range of module indices (first, last) whose demand binds.
        demand: Sessions (facilitator-sessions, room-sessions) the binding window must hold.
        min_size: For rooms: the cohort size the binding room count refers to.
        by_resource: Each window relaxation's own bound (``None``: not within the horizon);
            the combined bound (see *combined*) is not among them.
        split: When the bound comes from splitting the cohorts at a break in the calendar
            (see :func:`split_bound`): the first working day after the break; else ``None``.
        combined: Whether the bound comes from counting every resource, gap and span at
            once (:class:`ledarutveckling._rollout.counting.Relaxation`).
        whole: Whether that count was made in whole cohorts (:func:`whole_bound`).
    """

    day: int | None
    resource: Resource
    modules: tuple[int, int]
    demand: int
    min_size: int
    by_resource: dict[str, int | None]
    split: int | None = None
    combined: bool = False
    whole: bool = False
    leaders: int | None = None
    """The facilitators a facilitator bound counts, when only those with the skills; else
    ``None`` (all of them)."""
    waiting: bool = False
    """Whether the bound counts the sessions that wait for their earliest slots (move
    dates) against the capacity from those slots on (:func:`_release_days`)."""
    unit: int | None = None
    """For an ``away`` bound: the unit whose limit on staff away gives it
    (:func:`ledarutveckling._rollout.away._away_day`). For a ``facilitators`` bound: the
    unit whose own sessions, counted for that limit, need more of those who may lead them
    than they can give (:func:`ledarutveckling._rollout.away.away_leaders_miss`)."""
    at_once: int = 0
    """For an ``away`` bound: the most of that unit's cohorts in sessions at once."""


def _spare(inst: Instance, detail: tuple[tuple[int, int], int, int], which: int, day: int) -> float:
    """Capacity over demand in one resource's binding window by *day*, counted alone."""
    (a, b), demand, size = detail
    last = day * inst.ns + inst.ns - 1
    return window_capacity(inst, a, b, last, size, joint=False)[which] / max(demand, 1)


SPLIT_BREAK: Final = 8
"""Calendar days between two consecutive working days that make a break to split at."""


def break_days(inst: Instance) -> list[int]:
    """The first working day after each break of at least :data:`SPLIT_BREAK` calendar days."""
    ords = inst.ords
    return [d for d in range(1, len(ords)) if ords[d] - ords[d - 1] >= SPLIT_BREAK]


def split_days(inst: Instance) -> list[int]:
    """The days to split the cohorts at: each break's end, then each ISO week's first day."""
    weeks = inst.weeks
    breaks = break_days(inst)
    starts = [d for d in range(1, len(weeks)) if weeks[d] != weeks[d - 1] and d not in breaks]
    return breaks + starts


Counted = Literal["both", "facilitators", "rooms"]
"""What :func:`split_fits` counts: both resources together, or one alone."""


def split_fits(
    inst: Instance,
    split: int,
    day: int,
    counted: Counted = "both",
    cache: dict[tuple[object, ...], tuple[int, int]] | None = None,
) -> bool:
    """Whether the cohorts can all be planned by *day* when split at the day *split*.

    Every cohort's first module is held before the day *split* (an *early* cohort) or on
    it or later (a *late* one). An early cohort starts on a startable day before *split*,
    so all its sessions fall by the span's end from the last such day; a late one has its
    whole chain from *split* on. Each group's module *k* thus has a window of slots, as in
    :func:`window_capacity`.

    For a run of modules *a* to *b* of the early cohorts, a run *a'* to *b'* of the late
    ones, or both, all those sessions are held in slots that one of their windows allows,
    so with *m* early cohorts, ``m`` times the early run's demand plus ``count - m`` times
    the late run's must fit in :func:`capacity` of those windows together (the
    facilitator-sessions, and the in-person sessions in rooms that take the smallest
    cohort). Each such pair gives a linear condition on *m*; a valid plan has some whole
    *m* from 0 to the number of cohorts that meets them all. Pairs of an early run that
    ends the program and a late run that begins it catch what no single window sees: with
    a short span, the cohorts started early must end early, in the weeks where those that
    start later need their first modules, so starting many early does not free later
    capacity, and starting few leaves the first weeks' capacity unused.

    Args:
        inst: The instance.
        split: The day that divides the early from the late cohorts.
        day: The last day of the plan.
        counted: ``"both"`` (each resource where it limits the other too), or
            ``"facilitators"`` or ``"rooms"`` alone.
        cache: Capacities of earlier calls (the early cohorts' alone do not change with
            *day* once their span ends before it).
    """
    ns = inst.ns
    n = len(inst.modules)
    days = len(inst.ords)
    last = day * ns + ns - 1
    count = len(inst.sizes)
    size = min(inst.sizes)
    startable = startable_days(inst)
    before = [d for d in range(min(split, days)) if startable[d]]
    if not before:
        return True  # no cohort can start early: the whole-program relaxation counts them
    reach = min(inst.span_end(before[-1]), last)
    early_from = inst.earliest_chain()
    early_to = inst.latest_chain(reach)
    late_from = inst.earliest_chain(split * ns)
    late_to = inst.latest_chain(last)
    joint = counted == "both"
    mods = inst.modules
    fac_need = [m.facilitators for m in mods]
    room_need = [int(m.in_person) for m in mods]
    runs = [(a, b) for a in range(n) for b in range(a, n)]
    pairs: list[tuple[tuple[int, int] | None, tuple[int, int] | None]] = [
        (run, None) for run in runs
    ]
    pairs += [(None, run) for run in runs]
    pairs += [((a, n - 1), (0, b)) for a in range(n) for b in range(n)]
    low, high = 0, count
    for early, late in pairs:
        windows: list[Window] = []
        if early is not None:
            windows += [(k, early_from[k], early_to[k], 0, split) for k in range(*_upto(early))]
        if late is not None:
            windows += [(k, late_from[k], late_to[k], split, days) for k in range(*_upto(late))]
        key = (split, reach, early, joint) if late is None else None
        if cache is not None and key in cache:
            caps = cache[key]
        else:
            caps = capacity(inst, windows, size, joint)
            if cache is not None and key is not None:
                cache[key] = caps
        for which, need in enumerate((fac_need, room_need)):
            if (counted == "facilitators" and which) or (counted == "rooms" and not which):
                continue
            per_early = sum(need[slice(*_upto(early))]) if early is not None else 0
            per_late = sum(need[slice(*_upto(late))]) if late is not None else 0
            # m * per_early + (count - m) * per_late <= caps[which]
            slope, room = per_early - per_late, caps[which] - count * per_late
            if slope > 0:
                high = min(high, room // slope)
            elif slope < 0:
                low = max(low, -(room // -slope))
            elif room < 0:
                return False
            if low > high:
                return False
    return True


def _reach(inst: Instance, split: int) -> int:
    """The last slot a cohort that starts before the day *split* may use (-1: none can)."""
    startable = startable_days(inst)
    before = [d for d in range(min(split, len(startable))) if startable[d]]
    return inst.span_end(before[-1]) if before else -1


def _upto(run: tuple[int, int]) -> tuple[int, int]:
    return run[0], run[1] + 1


def split_bound(inst: Instance, low: int) -> tuple[int | None, int | None, Resource]:
    """The latest day, from *low* on, before which splitting the cohorts proves no plan ends.

    For each day of :func:`split_days` before the bound so far, a day is too early when
    :func:`split_fits` fails. A short ``max_span_days`` is what makes this bite: cohorts
    started before a long blackout must end soon after it, so the weeks before the
    blackout cannot all be used for the last modules of cohorts that start after it, as the
    whole-program relaxation would allow; and in any week, cohorts started before it must
    end within their span, where those that start later need the capacity too.

    Returns:
        ``(day, split, resource)``: the bound (``None`` when no plan ends within the
        horizon), the split that gives it (``None`` when no split beats *low*), and the
        resource that binds: the one that binds when counted alone, else the
        facilitators (as in :func:`lower_bound`, each counts the other where it limits it).
    """
    days = len(inst.ords)
    cache: dict[tuple[object, ...], tuple[int, int]] = {}
    best: int | None = low
    best_split: int | None = None
    for split in split_days(inst):
        if best is None:
            break
        if split >= best or _reach(inst, split) >= best * inst.ns:
            # The early cohorts' span reaches the bound so far: such a split has not been
            # seen to prove more, and skipping one only weakens the bound (for speed).
            continue

        def fits(day: int, split: int = split) -> bool:
            return split_fits(inst, split, day, cache=cache)

        found = _smallest_day(fits, best, days - 1)
        if found is None or found > best:
            best, best_split = found, split
    resource: Resource = "facilitators"
    if best_split is not None:
        probe = days - 1 if best is None else best - 1
        if split_fits(inst, best_split, probe, "facilitators") and not split_fits(
            inst, best_split, probe, "rooms"
        ):
            resource = "rooms"
    return best, best_split, resource


def _chain_end(inst: Instance) -> int:
    """The first slot every cohort's last module can be held in, by its chain alone.

    A cohort's chain starts at its own earliest slots (its unit's ``not_before`` dates) and
    follows the gaps; a slot past the horizon means no plan ends within it.
    """
    end = inst.earliest_chain()[-1]
    for row in inst.earliest:
        t = row[0]
        for k in range(1, len(inst.modules)):
            # Past the horizon, the release from its last slot is past it too.
            t = max(row[k], inst.release(min(t, inst.slots - 1), inst.modules[k].gap))
        end = max(end, t)
    return end


def _with_facilitators(inst: Instance, facilitators: tuple[FacSpec, ...]) -> Instance:
    """The same instance with only *facilitators* (fresh caches)."""
    return Instance(
        ns=inst.ns,
        ords=inst.ords,
        weeks=inst.weeks,
        modules=inst.modules,
        span=inst.span,
        sizes=inst.sizes,
        latest=inst.latest,
        facilitators=facilitators,
        rooms=inst.rooms,
        earliest=inst.earliest,
        units=inst.units,
        away=inst.away,
        away_range=inst.away_range,
    )


SKILL_SETS: Final = 6
"""With at most this many modules every set of them is counted for skills; else each alone."""


def _module_sets(n: int) -> list[tuple[int, ...]]:
    """The sets of modules whose facilitators' skills are counted (see :func:`window_bound`)."""
    if n > SKILL_SETS:
        return [(k,) for k in range(n)]
    return [tuple(k for k in range(n) if mask >> k & 1) for mask in range(1, 1 << n)]


def _skilled_day(sub: Instance, chosen: tuple[int, ...], demand: int, low: int) -> int:
    """The first day, from *low*, by which the *chosen* modules' sessions fit *sub*'s."""
    ns = sub.ns
    days = len(sub.ords)
    earliest = sub.earliest_chain()

    def ok(day: int) -> bool:
        latest = sub.latest_chain(day * ns + ns - 1)
        windows = [(k, earliest[k], latest[k], 0, days) for k in chosen]
        return capacity(sub, windows, 0)[0] >= demand

    found = _smallest_day(ok, low, days - 1)
    return days if found is None else found


def _release_days(inst: Instance, low: int) -> list[tuple[int, int, int]]:
    """Bounds from the cohorts' earliest slots (move dates): ``(resource, day, demand)``.

    Every session whose earliest slot is *r* or later is held in slots *r* to the plan's
    last: for each such *r*, their facilitator-sessions must fit the facilitators'
    capacity there (caps and absences kept), and their in-person sessions the rooms that
    take the smallest cohort. Resource 0 is the facilitators, 1 the rooms; the day is the
    first from *low* on where every *r* fits (the number of days when none does).
    """
    if not inst.earliest:
        return []
    ns = inst.ns
    days = len(inst.ords)
    plain = inst.earliest_chain()
    by_release: dict[int, list[int]] = {}
    for row in inst.earliest:
        for k, t in enumerate(row):
            if t > plain[k]:
                by_release.setdefault(t, [0, 0])
                by_release[t][0] += inst.modules[k].facilitators
                by_release[t][1] += int(inst.modules[k].in_person)
    if not by_release:
        return []
    thresholds = sorted(by_release, reverse=True)
    need = [0, 0]
    demands: list[tuple[int, int, int]] = []  # slot, facilitator-sessions, room-sessions
    for t in thresholds:
        need = [need[0] + by_release[t][0], need[1] + by_release[t][1]]
        demands.append((t, need[0], need[1]))
    rooms = sum(1 for r in inst.rooms if r >= min(inst.sizes))
    result = []
    for which in (0, 1):
        if which and not any(m.in_person for m in inst.modules):
            continue

        def ok(day: int, which: int = which) -> bool:
            last = day * ns + ns - 1
            for t, fac, room in demands:
                if which == 0:
                    held = sum(inst.facilitator_capacity(f, t, last) for f in inst.facilitators)
                    if fac > held:
                        return False
                elif room > rooms * max(last - t + 1, 0):
                    return False
            return True

        found = _smallest_day(ok, min(low, days - 1), days - 1)
        total = demands[-1][1 + which]
        result.append((which, days if found is None else found, total))
    return result


def window_bound(inst: Instance) -> Bound:
    """Prove a lower bound on the plan's last day from three relaxations and take the largest.

    * **chain**: a cohort's modules follow each other with their gaps on working days, so the
      last module cannot be held before the chain that starts in the first slot ends.
    * **chain**: each cohort's chain starts no earlier than its own earliest slots.
    * **facilitators**: for every run of modules *a* to *b*, the facilitator-sessions they
      need must fit in what :func:`window_capacity` allows them by that day; for each module
      some facilitators may not lead, its own sessions must fit those who may (and for every
      set of such modules, their sessions together those who may lead one of them).
    * **rooms**: the same for in-person sessions and rooms large enough for the cohorts, for
      every cohort size at which the number of large enough rooms changes.

    With a span, the cohorts are also split by when they start, at each long break in the
    calendar and at the first day of each week (:func:`split_bound`): those that start
    before the split must end within their span, so the capacity before a summer blackout
    only serves cohorts that start before it, and cohorts started early in a rollout push
    their last modules into the weeks where later cohorts need their first ones.
    """
    n = len(inst.modules)
    ns = inst.ns
    count = len(inst.sizes)
    days = len(inst.ords)
    chain_end = _chain_end(inst)
    chain_day = chain_end // ns if chain_end < inst.slots else None
    bounds: dict[str, int | None] = {"chain": chain_day, "facilitators": None, "rooms": None}
    detail: dict[str, tuple[tuple[int, int], int, int]] = {"chain": ((0, n - 1), 0, 0)}
    if chain_day is None:
        return Bound(None, "chain", (0, n - 1), 0, 0, bounds)
    # The whole program first: it usually binds, so the other runs are checked in one call.
    ranges = sorted(((a, b) for a in range(n) for b in range(a, n)), key=lambda r: r[0] - r[1])

    def first_day(a: int, b: int, need: int, size: int, which: int, low: int) -> int:
        """The first day modules a..b get *need* sessions of resource *which*; *days* if none."""

        def ok(day: int) -> bool:
            return window_capacity(inst, a, b, day * ns + ns - 1, size)[which] >= need

        found = _smallest_day(ok, low, days - 1)
        return days if found is None else found

    fac_day = chain_day
    fac_detail = ((0, n - 1), 0, 0)
    leaders: int | None = None
    for a, b in ranges:
        demand = count * sum(m.facilitators for m in inst.modules[a : b + 1])
        found = first_day(a, b, demand, 0, 0, min(fac_day, days - 1))
        if found > fac_day:
            fac_day, fac_detail = found, ((a, b), demand, 0)
        if found >= days:
            break
    for chosen in _module_sets(n):
        skilled = tuple(f for f in inst.facilitators if any(f.may_lead(k) for k in chosen))
        if len(skilled) == len(inst.facilitators) or fac_day >= days:
            continue
        # Only those who may lead one of the chosen modules lead their sessions.
        demand = count * sum(inst.modules[k].facilitators for k in chosen)
        found = _skilled_day(_with_facilitators(inst, skilled), chosen, demand, fac_day)
        if found > fac_day:
            fac_day, fac_detail = found, ((chosen[0], chosen[-1]), demand, 0)
            leaders = len(skilled)
    bounds["facilitators"] = fac_day if fac_day < days else None
    detail["facilitators"] = fac_detail

    # Cohort sizes at which the number of rooms that take them changes: the smallest size
    # of each group counts the most cohorts for the same rooms.
    thresholds: dict[int, int] = {}
    for size in sorted(set(inst.sizes), reverse=True):
        thresholds[sum(1 for r in inst.rooms if r >= size)] = size
    room_day = chain_day
    room_detail = ((0, n - 1), 0, 0)
    for size in sorted(thresholds.values()):
        cohorts = sum(1 for s in inst.sizes if s >= size)
        for a, b in ranges:
            in_person = sum(1 for m in inst.modules[a : b + 1] if m.in_person)
            if not in_person or room_day >= days:
                continue
            demand = cohorts * in_person
            found = first_day(a, b, demand, size, 1, room_day)
            if found > room_day:
                room_day, room_detail = found, ((a, b), demand, size)
    waiting: set[str] = set()
    for which, found, demand in _release_days(inst, chain_day):
        if which == 0 and found > fac_day:
            fac_day, fac_detail, leaders = found, ((0, n - 1), demand, 0), None
            bounds["facilitators"] = fac_day if fac_day < days else None
            detail["facilitators"] = fac_detail
            waiting.add("facilitators")
        if which == 1 and found > room_day:
            room_day, room_detail = found, ((0, n - 1), demand, min(inst.sizes))
            waiting.add("rooms")
    bounds["rooms"] = room_day if room_day < days else None
    detail["rooms"] = room_detail

    best: Resource = "chain"
    for resource in ("facilitators", "rooms"):
        value = bounds[resource]
        if value is None:
            best = resource
            break
        current = bounds[best]
        assert current is not None
        if value > current:
            best = resource
    if bounds["facilitators"] == bounds["rooms"] != chain_day:
        # Each bound counts the other resource where it limits this one; on a tie, name the
        # resource with the least room to spare when counted alone.
        day = min(fac_day, days - 1)
        fac_spare = _spare(inst, detail["facilitators"], 0, day)
        room_spare = _spare(inst, detail["rooms"], 1, day)
        best = "rooms" if room_spare < fac_spare else "facilitators"
    modules, demand, min_size = detail[best]
    current = bounds[best]
    unit: int | None = None
    at_once = 0
    if inst.away and current is not None:
        # Each unit's limit on staff away: its own sessions, at most so many at once.
        away_day, unit, at_once, sessions = _away_day(inst, current)
        if unit is not None:
            bounds["away"] = away_day if away_day < days else None
            best, current = "away", bounds["away"]
            modules, demand, min_size = (0, n - 1), sessions, 0
            miss = away_leaders_miss(inst, unit, away_day) if away_day < days else None
            if miss is not None:
                # The unit's own sessions need more of those who may lead them than they
                # can give, whatever its limit: the facilitators bind, not the staff away.
                bounds["facilitators"] = away_day
                best, at_once, leaders = "facilitators", 0, miss.leaders
                modules, demand = (miss.first, miss.last), miss.demand
    if current is not None and inst.span is not None:
        split_day, split, resource = split_bound(inst, current)
        if split is not None:
            bounds[resource] = split_day
            mods = inst.modules
            if resource == "facilitators":
                demand, min_size = count * sum(m.facilitators for m in mods), 0
            else:
                demand, min_size = count * sum(1 for m in mods if m.in_person), min(inst.sizes)
            return Bound(split_day, resource, (0, n - 1), demand, min_size, bounds, split)
    return Bound(
        day=bounds[best],
        resource=best,
        modules=modules,
        demand=demand,
        min_size=min_size,
        by_resource=bounds,
        leaders=leaders if best == "facilitators" else None,
        # A unit's count (its limit, or those who may lead its sessions) starts each
        # session at its earliest date.
        waiting=best in waiting or (unit is not None and bool(inst.earliest)),
        unit=unit,
        at_once=at_once,
    )
