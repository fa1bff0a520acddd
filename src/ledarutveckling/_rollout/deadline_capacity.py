"""A unit's deadlines proven out of reach by the facilitators or rooms before them (private).

A unit that moves holds some modules before its move date and others after it; with the
program's span, its first module may not start long before the move either. Its sessions
then have a window: every session of module ``k`` of each of its cohorts is held no earlier
than the unit's earliest slot for ``k`` (its move dates carried forwards through the gaps,
the span, and the chain from the start) and no later than its latest slot for ``k`` (its
deadlines carried backwards). For any set ``S`` of the modules with a deadline, every
session of ``S`` is held from the earliest of their earliest slots ``r`` to the latest of
their latest slots ``L``. Each of those sessions needs its module's number of distinct
facilitators, from those who may lead it, and each facilitator leads at most what their
caps and absences allow in ``r..L``
(:meth:`~ledarutveckling._rollout.instance.Instance.facilitator_capacity`); each in-person
session needs a room in a slot of those days. So when the facilitator-sessions ``S`` needs
exceed what those who may lead one of its modules can give in ``r..L``, or its in-person
sessions exceed the rooms times the slots of ``r..L`` on days some facilitator works, no
plan keeps every deadline of that unit, whatever the other units do.

The count holds for every split of the unit: it takes the fewest cohorts any allowed split
gives (every split has at least as many, each with a session of every module), and every
room, whether it takes the largest cohort or not. It is a count, not a search: a unit it
does not name may still be out of reach (with the other units' sessions, or a facilitator's
week split between two windows), and then the planner says it found no plan that keeps it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol, TypeAlias

from ledarutveckling._rollout.away import AwayMiss, _open_before, away_deadlines_moved
from ledarutveckling._rollout.instance import NEVER, Instance, _Capacities, _smallest_day

if TYPE_CHECKING:
    import pendulum

    from ledarutveckling._rollout.plan import DeadlinesGivenUp
    from ledarutveckling._rollout.problem import Rollout, RolloutUnit


class _SetupView(Protocol):
    """What the rules read of the planner's setup: its instance, the units' windows, cohorts.

    :class:`ledarutveckling._rollout.planner_setup._Setup` is one. A protocol here, so that
    the setup imports these rules and not the other way round (no circle between the two).
    """

    @property
    def instance(self) -> Instance:
        """The engine's instance (slots, modules, facilitators, rooms)."""

    @property
    def units(self) -> Sequence[RolloutUnit]:
        """The rollout's units, by index."""

    @property
    def days(self) -> Sequence[pendulum.Date]:
        """The working days of the horizon, by day index."""

    @property
    def cohorts(self) -> Sequence[tuple[int, int, int]]:
        """The cohorts: each one's unit index, number and size."""

    @property
    def unit_earliest(self) -> Sequence[Sequence[int]]:
        """Each unit's earliest slot for each planned module."""

    @property
    def unit_latest(self) -> Sequence[Sequence[int]]:
        """Each unit's latest slot for each planned module (its deadlines carried back)."""


@dataclass(frozen=True, slots=True)
class CapacityMiss:
    """Why the facilitators or rooms prove a unit's deadlines out of reach (slots).

    The unit's ``sessions`` of the modules counted (of its ``cohorts``, the fewest of
    any split), which may be held no earlier than slot
    ``first`` and must be held by slot ``last``, need ``needed`` facilitator-sessions (with
    ``resource`` ``"facilitators"``; a pair counts twice) or rooms in ``needed`` slots (with
    ``"rooms"``; its in-person sessions), more than the ``capacity`` that the ``available``
    facilitators who may lead them, or rooms, can give in the ``slots`` slots of those days
    on which some facilitator works.
    """

    unit: int
    resource: Literal["facilitators", "rooms"]
    cohorts: int
    first: int
    last: int
    sessions: int
    needed: int
    capacity: int
    available: int
    slots: int


Miss: TypeAlias = AwayMiss | CapacityMiss
"""A unit's deadlines proven out of reach: by its limit on staff away, or by capacity."""


def capacity_deadlines_missed(
    inst: Instance,
    earliest: Sequence[Sequence[int]],
    latest: Sequence[Sequence[int]],
    fewest: Sequence[int],
    skip: Collection[int] = (),
) -> dict[int, CapacityMiss]:
    """The units whose deadlines the capacity in their windows proves out of reach.

    Args:
        inst: The instance (facilitators, rooms, modules, calendar).
        earliest: For each unit, its earliest slot for each module (move dates carried
            forwards; the chain from the start is taken into account here).
        latest: For each unit, its latest slot for each module (:data:`NEVER`: none).
        fewest: For each unit, the fewest cohorts any allowed split gives it.
        skip: Units not to count (already proven out of reach otherwise).

    Returns:
        For each unit named, its first window that does not fit (the earliest closing,
        then the latest opening; facilitators before rooms), by unit index.
    """
    missed: dict[int, CapacityMiss] = {}
    plain = inst.earliest_chain()
    open_before = _open_before(inst)
    capacities = _Capacities(inst)
    for unit, (early, late) in enumerate(zip(earliest, latest, strict=True)):
        if unit in skip or fewest[unit] <= 0:
            continue
        miss = _unit_miss(
            inst,
            unit,
            [max(e, p) for e, p in zip(early, plain, strict=True)],
            late,
            fewest[unit],
            open_before,
            capacities,
        )
        if miss is not None:
            missed[unit] = miss
    return missed


def _unit_miss(
    inst: Instance,
    unit: int,
    early: Sequence[int],
    late: Sequence[int],
    cohorts: int,
    open_before: Sequence[int],
    capacities: _Capacities,
) -> CapacityMiss | None:
    """The first window of one unit that its sessions do not fit, or ``None``."""
    ns = inst.ns
    bounded = [k for k, slot in enumerate(late) if slot < NEVER]
    windows = []
    for mask in range(1, 1 << len(bounded)):
        chosen = [k for i, k in enumerate(bounded) if mask >> i & 1]
        first = min(early[k] for k in chosen)
        last = max(late[k] for k in chosen)
        windows.append((last, -first, chosen))
    windows.sort()
    for last, negative, chosen in windows:
        first = -negative
        if last < first:
            slots = 0
        else:
            skipped = first % ns if open_before[first // ns + 1] > open_before[first // ns] else 0
            slots = open_before[last // ns + 1] - open_before[first // ns] - skipped
        sessions = cohorts * len(chosen)
        needed = cohorts * sum(inst.modules[k].facilitators for k in chosen)
        leaders = [
            index
            for index, fac in enumerate(inst.facilitators)
            if any(fac.may_lead(k) for k in chosen)
        ]
        capacity = sum(capacities(index, first, last) for index in leaders)
        if needed > capacity:
            return CapacityMiss(
                unit,
                "facilitators",
                cohorts,
                first,
                last,
                sessions,
                needed,
                capacity,
                len(leaders),
                slots,
            )
        in_person = cohorts * sum(1 for k in chosen if inst.modules[k].in_person)
        rooms = len(inst.rooms) * slots
        if in_person > rooms:
            return CapacityMiss(
                unit,
                "rooms",
                cohorts,
                first,
                last,
                in_person,
                in_person,
                rooms,
                len(inst.rooms),
                slots,
            )
    return None


def deadlines_missed(setup: _SetupView, rollout: Rollout) -> dict[int, Miss]:
    """Every unit of *setup* whose deadlines a rule proves out of reach, by unit index.

    Those whose limit on staff away does (with the instance's own cohorts, see
    :func:`ledarutveckling._rollout.away.away_deadlines_missed`), then those whose windows
    the facilitators or rooms cannot hold (for every split, see
    :func:`capacity_deadlines_missed`).
    """
    from ledarutveckling._rollout import away as rollout_away
    from ledarutveckling._rollout import split as rollout_split
    from ledarutveckling._rollout.problem import held_sizes

    inst = setup.instance
    missed: dict[int, Miss] = dict(rollout_away.away_deadlines_missed(inst))
    size = held_sizes(rollout)
    fewest = [rollout_split.counts(unit.headcount, size).start for unit in rollout.units]
    missed.update(
        capacity_deadlines_missed(inst, setup.unit_earliest, setup.unit_latest, fewest, missed)
    )
    return dict(sorted(missed.items()))


def split_deadlines_missed(setup: _SetupView, rollout: Rollout) -> frozenset[int]:
    """The units of *setup*'s own split whose deadlines a count proves out of reach.

    Those of :func:`deadlines_missed` (which hold for every split), and each unit whose
    windows the facilitators or rooms cannot hold with its cohorts of this split: as
    :func:`capacity_deadlines_missed`, with the unit's own number of cohorts and only the
    rooms that take its smallest cohort (every one of its in-person sessions needs such a
    room). No plan of this split keeps every deadline of a unit named; a few milliseconds,
    so that :func:`ledarutveckling._rollout.split.choose` need not plan a split to learn
    that its plan misses them. Units without a deadline are not counted, and the units
    whose smallest cohorts the same rooms take are counted together (each on its own).
    """
    from dataclasses import replace

    inst = setup.instance
    found = set(deadlines_missed(setup, rollout))
    cohorts = [0] * len(rollout.units)
    smallest: list[int] = [NEVER] * len(rollout.units)
    for unit, _, people in setup.cohorts:
        cohorts[unit] += 1
        smallest[unit] = min(smallest[unit], people)
    groups: dict[tuple[int, ...], set[int]] = {}  # by the rooms that take their cohorts
    for unit, count in enumerate(cohorts):
        if unit in found or count == 0 or min(setup.unit_latest[unit]) >= NEVER:
            continue
        rooms = tuple(room for room in inst.rooms if room >= smallest[unit])
        groups.setdefault(rooms, set()).add(unit)
    for rooms, units in groups.items():
        narrowed = replace(
            inst, rooms=rooms, _rest=[], _startable=[], _starts=[], _present=[], _people={}
        )
        only = [count if index in units else 0 for index, count in enumerate(cohorts)]
        found.update(
            capacity_deadlines_missed(narrowed, setup.unit_earliest, setup.unit_latest, only)
        )
    return frozenset(found)


def deadlines_moved(setup: _SetupView, missed: Mapping[int, Miss]) -> tuple[tuple[int, ...], ...]:
    """The latest slots of *setup*'s instance, those of the units of *missed* moved within reach.

    A unit proven by its limit on staff away as by
    :func:`ledarutveckling._rollout.away.away_deadlines_moved`; one proven by capacity has
    its latest slots moved later by the fewest slots after which no window of it is too
    small (:data:`NEVER` when no move within the horizon is enough). So a plan that keeps
    the slots moved comes as close to the unit's deadlines as the counts allow.
    """
    inst = setup.instance
    away = [unit for unit, miss in missed.items() if isinstance(miss, AwayMiss)]
    moved = [list(row) for row in away_deadlines_moved(inst, away)]
    plain = inst.earliest_chain()
    open_before = _open_before(inst)
    capacities = _Capacities(inst)
    for unit, miss in missed.items():
        if not isinstance(miss, CapacityMiss):
            continue
        early = [max(e, p) for e, p in zip(setup.unit_earliest[unit], plain, strict=True)]
        row = setup.unit_latest[unit]

        def late(later: int, row: Sequence[int] = row) -> list[int]:
            return [t if t >= NEVER else min(t + later, inst.slots - 1) for t in row]

        def fits(
            later: int, unit: int = unit, early: list[int] = early, cohorts: int = miss.cohorts
        ) -> bool:
            return (
                _unit_miss(inst, unit, early, late(later), cohorts, open_before, capacities) is None
            )

        later = _smallest_day(fits, 0, inst.slots)
        shifted = [NEVER] * len(row) if later is None else late(later)
        for cohort, (index, _, _) in enumerate(setup.cohorts):
            if index == unit:
                moved[cohort] = list(shifted)
    return tuple(tuple(row) for row in moved)


def given_up(
    setup: _SetupView, miss: CapacityMiss, module: str, deadline: pendulum.Date
) -> DeadlinesGivenUp:
    """The plan's entry for a unit *miss* proves out of reach: *module*'s *deadline* closes it."""
    from ledarutveckling._rollout.lower_bound import BindingResource
    from ledarutveckling._rollout.plan import DeadlinesGivenUp

    ns = setup.instance.ns
    return DeadlinesGivenUp(
        unit=setup.units[miss.unit].name,
        proven=True,
        module=module,
        deadline=deadline,
        first=setup.days[min(miss.first // ns, len(setup.days) - 1)],
        last=setup.days[max(miss.last // ns, 0)],
        sessions=miss.sessions,
        slots=miss.slots,
        resource=BindingResource(miss.resource),
        needed=miss.needed,
        capacity=miss.capacity,
        available=miss.available,
    )
