"""Sessions placed before the list schedule (fixed), and the pass that pins the tightest units."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledarutveckling._rollout import heuristic as rollout_heuristic
from ledarutveckling._rollout import list_schedule as rollout_list
from ledarutveckling._rollout import search as rollout_search
from ledarutveckling._rollout.instance import NEVER, FacSpec, Instance, ModSpec, Placement
from tests.test_rollout_solver import instance, span_instance


def slots(placed: list[Placement] | None) -> list[tuple[int, int, int]]:
    assert placed is not None
    return sorted((p.cohort, p.module, p.slot) for p in placed)


def test_a_fixed_session_takes_its_facilitator_and_room_in_its_slot() -> None:
    # One facilitator, one room: cohort 0 is fixed in slot 0, so cohort 1 goes to slot 1.
    inst = instance(sizes=(10, 10))
    fixed = [Placement(0, 0, 0, (0,), 0)]
    placed = rollout_list.schedule(inst, [[0], [0]], [[19], [19]], 19, [0, 1], fixed=fixed)
    assert slots(placed) == [(0, 0, 0), (1, 0, 1)]
    assert placed is not None
    assert fixed[0] in placed
    # Two rooms: the room is free, the facilitator is not.
    two = instance(sizes=(10, 10), rooms=(12, 12), facilitators=2)
    placed = rollout_list.schedule(two, [[0], [0]], [[19], [19]], 19, [0, 1], fixed=fixed)
    assert placed is not None
    assert [(p.slot, p.facilitators, p.room) for p in placed if p.cohort == 1] == [(0, (1,), 1)]


def test_a_fixed_session_counts_toward_its_facilitators_day_and_week() -> None:
    # One session a day: fixed in the afternoon of Monday 11, cohort 1 waits for Tuesday.
    daily = replace(instance(sizes=(10, 10)), facilitators=(FacSpec(1, 7, (True,) * 10),))
    fixed = [Placement(0, 0, 1, (0,), 0)]
    placed = rollout_list.schedule(daily, [[0], [0]], [[19], [19]], 19, [0, 1], fixed=fixed)
    assert slots(placed) == [(0, 0, 1), (1, 0, 2)]
    # One session a week: fixed on Friday 15, cohort 1 waits for Monday 18.
    weekly = replace(instance(sizes=(10, 10)), facilitators=(FacSpec(2, 1, (True,) * 10),))
    fixed = [Placement(0, 0, 9, (0,), 0)]
    placed = rollout_list.schedule(weekly, [[0], [0]], [[19], [19]], 19, [0, 1], fixed=fixed)
    assert slots(placed) == [(0, 0, 9), (1, 0, 10)]


def test_a_fixed_session_counts_toward_its_units_staff_away() -> None:
    # Ten of the unit's people away at once: the fixed cohort's slot is full.
    inst = replace(
        instance(sizes=(10, 10), rooms=(12, 12), facilitators=2), units=(0, 0), away=(10,)
    )
    fixed = [Placement(0, 0, 0, (0,), 0)]
    placed = rollout_list.schedule(inst, [[0], [0]], [[19], [19]], 19, [0, 1], fixed=fixed)
    assert slots(placed) == [(0, 0, 0), (1, 0, 1)]


def test_the_cohort_that_misses_its_due_slot_is_named() -> None:
    inst = instance(sizes=(10, 10))
    missed: list[int] = []
    # Due before its release.
    assert rollout_list.schedule(inst, [[0], [5]], [[19], [3]], 19, [0, 1], missed=missed) is None
    assert missed == [1]
    # Two due in slot 0, one facilitator: the second waits, past its due slot.
    missed.clear()
    assert rollout_list.schedule(inst, [[0], [0]], [[0], [0]], 19, [0, 1], missed=missed) is None
    assert missed == [1]
    digital = instance(sizes=(10, 10), modules=(ModSpec(1, False, 0),))
    missed.clear()
    assert rollout_list.schedule(digital, [[0], [0]], [[0], [0]], 19, [0, 1], missed=missed) is None
    assert missed == [1]
    # The next module a week later, due the same week.
    two = instance(modules=(ModSpec(1, True, 0), ModSpec(1, True, 7)))
    missed.clear()
    assert rollout_list.schedule(two, [[0, 0]], [[19, 5]], 19, [0], missed=missed) is None
    assert missed == [0]
    # Taken first by its dropped deadline, cohort 1 leaves cohort 0 waiting behind it in
    # the heap, due in slot 0, while nobody works on Monday: it is found late on Tuesday.
    absent = replace(
        instance(sizes=(10, 10), rooms=(12, 12)),
        facilitators=(FacSpec(2, 7, (False, *(True,) * 9)),) * 2,
    )
    soft = [[NEVER], [-1]]
    missed.clear()
    placed = rollout_list.schedule(
        absent, [[0], [0]], [[0], [19]], 19, [0, 1], soft=soft, missed=missed
    )
    assert placed is None
    assert missed == [0]
    # The next module released past the horizon (slot 15): nothing is late, but not all is
    # placed.
    chain = instance(modules=(ModSpec(1, True, 0), ModSpec(1, True, 0)))
    assert rollout_list.schedule(chain, [[15, 0]], [[15, 19]], 15, [0]) is None


def moves(
    cohorts: list[int],
    away: tuple[int, ...],
    *,
    facilitators: int,
    rooms: int,
) -> Instance:
    """Units of *cohorts* cohorts of 10, each sending at most *away* at once.

    Two modules a week apart, the second digital, within a span of seven days.
    """
    units = tuple(unit for unit, count in enumerate(cohorts) for _ in range(count))
    return replace(
        span_instance(rooms=(12,) * rooms, facilitators=facilitators),
        sizes=(10,) * len(units),
        latest=((NEVER, NEVER),) * len(units),
        units=units,
        away=away,
    )


def assert_valid(inst: Instance, placed: list[Placement] | None, last_day: int) -> None:
    """Every rule of the engine's instance kept, every session by the end of *last_day*."""
    assert placed is not None
    ns = inst.ns
    assert sorted((p.cohort, p.module) for p in placed) == [
        (c, k) for c in range(len(inst.sizes)) for k in range(len(inst.modules))
    ]
    by_slot: dict[int, list[Placement]] = {}
    for p in placed:
        assert p.slot <= last_day * ns + ns - 1
        by_slot.setdefault(p.slot, []).append(p)
    for here in by_slot.values():
        leaders = [f for p in here for f in p.facilitators]
        assert len(leaders) == len(set(leaders))
        rooms = [p.room for p in here if p.room >= 0]
        assert len(rooms) == len(set(rooms))
        for unit, limit in enumerate(inst.away):
            assert sum(inst.sizes[p.cohort] for p in here if inst.units[p.cohort] == unit) <= limit
    chains = {(p.cohort, p.module): p.slot for p in placed}
    for cohort in range(len(inst.sizes)):
        first, second = chains[cohort, 0], chains[cohort, 1]
        assert second >= inst.release(first, inst.modules[1].gap)
        assert second <= inst.span_end(first // ns)


def test_the_unit_with_least_slack_is_placed_alone_and_kept_where_it_was() -> None:
    # By Monday 18 (slot 11): unit 0 needs two slots of its 12 (one cohort, one at a time),
    # unit 1 three (three cohorts, two at a time), both from slot 0. Unit 1 is pinned.
    inst = moves([1, 3], (10, 20), facilitators=2, rooms=2)
    last = 5 * inst.ns + inst.ns - 1
    slack = rollout_heuristic._slack(inst, last)
    assert slack == {0: 9, 1: 8}
    placed = rollout_heuristic.schedule_pinned(inst, 5)
    assert_valid(inst, placed, 5)
    part = rollout_heuristic._cohorts_only(inst, [1, 2, 3])
    alone = next(p for run in rollout_heuristic._passes(part, 5) if (p := run()) is not None)
    kept = {(c + 1, k, t) for c, k, t in slots(rollout_heuristic.compact(part, alone))}
    assert kept <= set(slots(placed))


def test_a_unit_late_around_the_pinned_ones_is_pinned_with_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inst = moves([5, 4, 4, 4], (10,) * 4, facilitators=3, rooms=3)
    parts: list[list[int]] = []
    only = rollout_heuristic._cohorts_only

    def spy(inst: Instance, cohorts: list[int]) -> Instance:
        parts.append(sorted({inst.units[c] for c in cohorts}))
        return only(inst, cohorts)

    monkeypatch.setattr(rollout_heuristic, "_cohorts_only", spy)
    placed = rollout_heuristic.schedule_pinned(inst, 7)
    assert parts == [[0], [0, 3]]  # unit 0 has least slack; then unit 3 is late
    assert_valid(inst, placed, 7)


def test_the_pinned_pass_gives_up_when_the_units_alone_do_not_fit_or_too_many_are_late(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parts: list[int] = []
    only = rollout_heuristic._cohorts_only

    def spy(inst: Instance, cohorts: list[int]) -> Instance:
        parts.append(len({inst.units[c] for c in cohorts}))
        return only(inst, cohorts)

    monkeypatch.setattr(rollout_heuristic, "_cohorts_only", spy)
    # By Wednesday 13 no unit's second module can be held (a week after its first).
    early = moves([1, 3], (10, 20), facilitators=2, rooms=2)
    assert rollout_heuristic.schedule_pinned(early, 3) is None
    assert parts == [1]
    # Three units pinned, and still a fourth's session is late.
    parts.clear()
    crowded = replace(
        moves([2, 5, 2, 2], (20, NEVER, 10, 10), facilitators=3, rooms=2),
        modules=(ModSpec(1, True, 0), ModSpec(1, True, 7)),
    )
    assert rollout_heuristic.schedule_pinned(crowded, 5) is None
    assert parts == [1, 2, 3]
    assert rollout_heuristic.PINNED_UNITS == 3


def test_the_pinned_pass_runs_last_or_first_and_keeps_its_place_in_the_record() -> None:
    inst = moves([1, 3], (10, 20), facilitators=2, rooms=2)
    others = len(rollout_heuristic._passes(inst, 0))
    failed: dict[int, int] = {}
    assert list(rollout_heuristic.schedule_each(inst, 3, failed)) == []
    assert sorted(failed) == list(range(others + 1))
    assert rollout_heuristic.only_pinned(inst, 3, failed)
    assert not rollout_heuristic.only_pinned(inst, 4, failed)
    calls: list[int] = []
    pinned = rollout_heuristic.schedule_pinned

    def spy(inst: Instance, last_day: int) -> list[Placement] | None:
        calls.append(last_day)
        return pinned(inst, last_day)

    first = rollout_heuristic.schedule_either(inst, 5, pinned_first=True)
    assert_valid(inst, first, 5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rollout_heuristic, "schedule_pinned", spy)
        assert rollout_heuristic.schedule_either(inst, 5, pinned_first=True) == first
        assert calls == [5]
        assert rollout_heuristic.schedule_either(inst, 5) is not None
        assert calls == [5]  # another pass found a plan first


def test_polish_stops_when_no_strategy_has_another_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    inst = instance(sizes=(10, 10, 10))
    placed = rollout_heuristic.schedule_either(inst, 9)
    assert placed is not None
    monkeypatch.setattr(rollout_heuristic, "schedule_each", lambda *args: iter(()))
    # Ends on Monday 11 (slot 1); a bound of -2 is never within reach.
    assert rollout_search.polish(inst, placed, -2) == rollout_heuristic.justify(inst, placed)


def test_keeping_the_deadlines_tries_the_pinned_pass_first_when_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledarutveckling._rollout import away as rollout_away
    from ledarutveckling._rollout import planner
    from tests.test_rollout_constraints import _one_proven_one_not

    setup = planner._Setup(_one_proven_one_not())
    missed = rollout_away.away_deadlines_missed(setup.instance)
    cohort = next(c for c, (unit, _, _) in enumerate(setup.cohorts) if unit == 1)
    late = [Placement(cohort, 0, setup.instance.latest[cohort][0] + 1, (0,), -1)]
    asked: list[bool] = []

    def either(
        inst: Instance, last: int, failed: None = None, pinned_first: bool = False
    ) -> list[Placement] | None:
        asked.append(pinned_first)
        return None

    monkeypatch.setattr(rollout_heuristic, "schedule_either", either)
    assert setup.keeping(missed, late, pinned_first=True) == late
    assert setup.keeping(missed, late) == late
    assert asked == [True, False]
