"""The rollout planner's integer engine, on instances small enough to check by hand."""

from __future__ import annotations

import datetime as dt

from ledarutveckling import _rollout_solver as solver

# Two weeks of working days, Monday 11 to Friday 22 January 2027, two slots a day.
DAYS = [dt.date(2027, 1, 11) + dt.timedelta(days=d) for d in range(12)]
WORKING = [d for d in DAYS if d.weekday() < 5]


def instance(
    *,
    modules: tuple[solver.ModSpec, ...] = (solver.ModSpec(1, True, 0),),
    sizes: tuple[int, ...] = (10,),
    rooms: tuple[int, ...] = (12,),
    facilitators: int = 1,
    latest: int = solver.NEVER,
) -> solver.Instance:
    return solver.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=modules,
        span=None,
        sizes=sizes,
        latest=tuple((latest,) * len(modules) for _ in sizes),
        facilitators=tuple(
            solver.FacSpec(2, 7, (True,) * len(WORKING)) for _ in range(facilitators)
        ),
        rooms=rooms,
    )


def test_moving_back_from_before_the_start_or_from_never_stays_there() -> None:
    inst = instance()
    assert inst.back(-1, 7) == -1
    assert inst.back(solver.NEVER, 7) == solver.NEVER
    assert inst.back(0, 7) == -1
    assert inst.back(11, 0) == 10


def test_an_empty_window_has_no_capacity() -> None:
    inst = instance()
    assert inst.facilitator_capacity(inst.facilitators[0], 5, 4) == 0
    two = instance(modules=(solver.ModSpec(1, True, 0), solver.ModSpec(1, True, 7)))
    assert solver.window_capacity(two, 1, 1, 3, 0) == (0, 0)


def test_the_smallest_day_search_handles_empty_ranges_and_no_answer() -> None:
    assert solver._smallest_day(lambda day: True, 5, 4) is None
    assert solver._smallest_day(lambda day: False, 0, 9) is None
    assert solver._smallest_day(lambda day: day >= 6, 0, 9) == 6


def test_a_session_due_before_its_release_fails_at_once() -> None:
    inst = instance()
    assert solver.schedule(inst, [[5]], [[3]], 19, [0]) is None


def test_a_cohort_skips_a_free_room_too_small_for_it() -> None:
    inst = instance(sizes=(20,), rooms=(10, 30))
    placed = solver.schedule(inst, [[0]], [[19]], 19, [0])
    assert placed is not None
    assert placed[0].room == 1


def test_a_cohort_no_room_takes_is_never_placed() -> None:
    inst = instance(sizes=(20,), rooms=(10,))
    assert solver.schedule(inst, [[0]], [[19]], 19, [0]) is None


def test_forwards_without_spreading_the_tail_also_plans() -> None:
    inst = instance(sizes=(10, 10, 10))
    placed = solver.schedule_forwards(inst, 9, spread=0)
    assert placed is not None
    assert sorted(p.slot for p in placed) == [0, 1, 2]


def test_no_strategy_can_beat_a_deadline_before_the_start() -> None:
    inst = instance(latest=-1)
    assert solver.schedule_either(inst, 9) is None


def test_a_late_session_fails_the_schedule() -> None:
    # Two cohorts due in the first slot, one room: the second misses it.
    inst = instance(sizes=(10, 10), facilitators=2)
    assert solver.schedule(inst, [[0], [0]], [[0], [0]], 19, [0, 1]) is None


def test_without_a_span_a_cohort_may_end_whenever() -> None:
    assert instance().span_end(0) == solver.NEVER


def test_no_plan_is_sought_beyond_a_bound_outside_the_horizon() -> None:
    bound = solver.Bound(None, "facilitators", (0, 0), 1, 0, {})
    assert solver.plan(instance(), bound) is None


def test_a_span_that_ends_before_the_next_module_can_start_fails() -> None:
    two = solver.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=(solver.ModSpec(1, True, 0), solver.ModSpec(1, True, 1)),
        span=1,
        sizes=(10,),
        latest=((solver.NEVER, solver.NEVER),),
        facilitators=(solver.FacSpec(2, 7, (True,) * len(WORKING)),),
        rooms=(12,),
    )
    # Started on Friday 15 January, the cohort would need Saturday for its second module.
    failed: list[int] = []
    assert solver.schedule(two, [[8, 0]], [[9, 19]], 19, [0], (), failed) is None
    assert failed == [0]


def test_compacting_pulls_a_late_plan_to_the_start() -> None:
    inst = instance()
    late = [solver.Placement(0, 0, 9, (0,), 0)]
    assert [p.slot for p in solver.compact(inst, late)] == [0]
    early = [solver.Placement(0, 0, 0, (0,), 0)]
    assert solver.compact(inst, early) == early
