"""The rollout planner's integer engine, on instances small enough to check by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import capacity as rollout_capacity
from ledarutveckling._rollout import heuristic as rollout_heuristic
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import list_schedule as rollout_list
from ledarutveckling._rollout import search as rollout_search

# Two weeks of working days, Monday 11 to Friday 22 January 2027, two slots a day.
DAYS = [dt.date(2027, 1, 11) + dt.timedelta(days=d) for d in range(12)]
WORKING = [d for d in DAYS if d.weekday() < 5]


def instance(
    *,
    modules: tuple[rollout_instance.ModSpec, ...] = (rollout_instance.ModSpec(1, True, 0),),
    sizes: tuple[int, ...] = (10,),
    rooms: tuple[int, ...] = (12,),
    facilitators: int = 1,
    latest: int = rollout_instance.NEVER,
) -> rollout_instance.Instance:
    return rollout_instance.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=modules,
        span=None,
        sizes=sizes,
        latest=tuple((latest,) * len(modules) for _ in sizes),
        facilitators=tuple(
            rollout_instance.FacSpec(2, 7, (True,) * len(WORKING)) for _ in range(facilitators)
        ),
        rooms=rooms,
    )


def test_moving_back_from_before_the_start_or_from_never_stays_there() -> None:
    inst = instance()
    assert inst.back(-1, 7) == -1
    assert inst.back(rollout_instance.NEVER, 7) == rollout_instance.NEVER
    assert inst.back(0, 7) == -1
    assert inst.back(11, 0) == 10


def test_an_empty_window_has_no_capacity() -> None:
    inst = instance()
    assert inst.facilitator_capacity(inst.facilitators[0], 5, 4) == 0
    two = instance(
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 7))
    )
    assert rollout_capacity.window_capacity(two, 1, 1, 3, 0) == (0, 0)


def test_the_smallest_day_search_handles_empty_ranges_and_no_answer() -> None:
    assert rollout_instance._smallest_day(lambda day: True, 5, 4) is None
    assert rollout_instance._smallest_day(lambda day: False, 0, 9) is None
    assert rollout_instance._smallest_day(lambda day: day >= 6, 0, 9) == 6


def test_a_session_due_before_its_release_fails_at_once() -> None:
    inst = instance()
    assert rollout_list.schedule(inst, [[5]], [[3]], 19, [0]) is None


def test_a_cohort_skips_a_free_room_too_small_for_it() -> None:
    inst = instance(sizes=(20,), rooms=(10, 30))
    placed = rollout_list.schedule(inst, [[0]], [[19]], 19, [0])
    assert placed is not None
    assert placed[0].room == 1


def test_a_cohort_no_room_takes_is_never_placed() -> None:
    inst = instance(sizes=(20,), rooms=(10,))
    assert rollout_list.schedule(inst, [[0]], [[19]], 19, [0]) is None


def test_forwards_without_spreading_the_tail_also_plans() -> None:
    inst = instance(sizes=(10, 10, 10))
    placed = rollout_heuristic.schedule_forwards(inst, 9, spread=0)
    assert placed is not None
    assert sorted(p.slot for p in placed) == [0, 1, 2]


def test_no_strategy_can_beat_a_deadline_before_the_start() -> None:
    inst = instance(latest=-1)
    assert rollout_heuristic.schedule_either(inst, 9) is None


def test_a_late_session_fails_the_schedule() -> None:
    # Two cohorts due in the first slot, one room: the second misses it.
    inst = instance(sizes=(10, 10), facilitators=2)
    assert rollout_list.schedule(inst, [[0], [0]], [[0], [0]], 19, [0, 1]) is None


def test_without_a_span_a_cohort_may_end_whenever() -> None:
    assert instance().span_end(0) == rollout_instance.NEVER


def test_no_plan_is_sought_beyond_a_bound_outside_the_horizon() -> None:
    bound = rollout_bounds.Bound(None, "facilitators", (0, 0), 1, 0, {})
    assert rollout_search.plan(instance(), bound) == (None, bound)


def test_a_span_that_ends_before_the_next_module_can_start_fails() -> None:
    two = rollout_instance.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 1)),
        span=1,
        sizes=(10,),
        latest=((rollout_instance.NEVER, rollout_instance.NEVER),),
        facilitators=(rollout_instance.FacSpec(2, 7, (True,) * len(WORKING)),),
        rooms=(12,),
    )
    # Started on Friday 15 January, the cohort would need Saturday for its second module.
    failed: list[int] = []
    assert rollout_list.schedule(two, [[8, 0]], [[9, 19]], 19, [0], (), failed) is None
    assert failed == [0]


def test_compacting_pulls_a_late_plan_to_the_start() -> None:
    inst = instance()
    late = [rollout_instance.Placement(0, 0, 9, (0,), 0)]
    assert [p.slot for p in rollout_heuristic.compact(inst, late)] == [0]
    early = [rollout_instance.Placement(0, 0, 0, (0,), 0)]
    assert rollout_heuristic.compact(inst, early) == early


IN_PERSON_THEN_DIGITAL = (
    rollout_instance.ModSpec(1, True, 0),
    rollout_instance.ModSpec(1, False, 0),
)


def slots_of(placed: list[rollout_instance.Placement] | None) -> dict[tuple[int, int], int]:
    assert placed is not None
    return {(p.cohort, p.module): p.slot for p in placed}


def test_by_default_the_session_due_first_goes_first_even_if_a_room_stands_empty() -> None:
    inst = instance(modules=IN_PERSON_THEN_DIGITAL, sizes=(10, 10))
    placed = rollout_list.schedule(inst, [[0, 0], [1, 0]], [[0, 3], [18, 19]], 19, [0, 1])
    assert slots_of(placed) == {(0, 0): 0, (0, 1): 1, (1, 0): 2, (1, 1): 3}


def test_rooms_first_fills_the_free_room_before_a_digital_session_due_earlier() -> None:
    inst = instance(modules=IN_PERSON_THEN_DIGITAL, sizes=(10, 10))
    placed = rollout_list.schedule(
        inst, [[0, 0], [1, 0]], [[0, 3], [18, 19]], 19, [0, 1], rooms_first=True
    )
    assert slots_of(placed) == {(0, 0): 0, (1, 0): 1, (0, 1): 2, (1, 1): 3}


def test_a_reserve_holds_a_digital_session_back_while_sessions_wait_for_a_room() -> None:
    # Two facilitators, one room, and a third cohort waiting for the room in slot 1.
    inst = instance(modules=IN_PERSON_THEN_DIGITAL, sizes=(10, 10, 10), facilitators=2)
    release, due = [[0, 0], [1, 0], [1, 0]], [[0, 3], [18, 19], [18, 19]]
    free = rollout_list.schedule(inst, release, due, 19, [0, 1, 2], rooms_first=True)
    assert slots_of(free)[0, 1] == 1
    held = rollout_list.schedule(inst, release, due, 19, [0, 1, 2], rooms_first=True, reserve=2.0)
    assert slots_of(held)[0, 1] == 2


def test_a_start_limit_holds_a_cohort_back_to_a_later_day() -> None:
    inst = instance(sizes=(10, 10), facilitators=2, rooms=(12, 12))
    placed = rollout_list.schedule(inst, [[0], [0]], [[19], [19]], 19, [0, 1], starts=[1] * 10)
    assert placed is None
    placed = rollout_list.schedule(
        inst, [[0], [0]], [[19], [19]], 19, [0, 1], starts=[1] * 5 + [2] * 5
    )
    assert sorted(p.slot for p in placed or ()) == [0, 10]


def test_without_a_span_no_start_is_limited() -> None:
    inst = instance(sizes=(10, 10, 10))
    assert rollout_list.start_limits(inst) == [3] * len(WORKING)
    assert rollout_list.start_limits(inst) is rollout_list.start_limits(inst)


def span_instance(
    *, rooms: tuple[int, ...], facilitators: int, second_in_person: bool = False
) -> rollout_instance.Instance:
    return rollout_instance.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=(
            rollout_instance.ModSpec(1, True, 0),
            rollout_instance.ModSpec(1, second_in_person, 7),
        ),
        span=7,
        sizes=(10,) * 20,
        latest=((rollout_instance.NEVER, rollout_instance.NEVER),) * 20,
        facilitators=tuple(
            rollout_instance.FacSpec(2, 7, (True,) * len(WORKING)) for _ in range(facilitators)
        ),
        rooms=rooms,
    )


def test_with_a_span_starts_are_limited_by_what_the_span_lets_cohorts_finish() -> None:
    # One facilitator, 7 sessions a week (1.4 a day), 2 per cohort, the second from Monday
    # 18 January (day 5) on. Cohorts started on Monday 11 end by Monday 18: their second
    # modules get 1.4 sessions -> 1 cohort; started on Tuesday, 2.8 -> 2; and so on until
    # the whole 14 sessions of the two weeks (7 cohorts) bind.
    inst = span_instance(rooms=(12,), facilitators=1)
    assert rollout_list.start_limits(inst) == [1, 2, 4, 5, 7, 7, 7, 7, 7, 7]


def test_with_a_span_starts_are_also_limited_by_the_rooms() -> None:
    # Ten facilitators but one room and two slots a day: one in-person session per slot.
    inst = span_instance(rooms=(12,), facilitators=10)
    assert rollout_list.start_limits(inst)[:2] == [12, 14]
    # In person, the second modules share the room too: 2 slots on Monday 18 -> 2 cohorts.
    both = span_instance(rooms=(12,), facilitators=10, second_in_person=True)
    assert rollout_list.start_limits(both)[:2] == [2, 4]


def test_a_session_an_offset_puts_behind_others_and_so_late_fails_the_schedule() -> None:
    # Two digital modules share a queue; an offset of 100 slots puts cohort 0's second
    # module, due in slot 1, behind the other cohorts' first modules: it misses its slot.
    digital = (rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 0))
    inst = instance(modules=digital, sizes=(10, 10, 10))
    failed: list[int] = []
    release, due = [[0, 0], [1, 0], [1, 0]], [[0, 1], [19, 19], [18, 19]]
    assert rollout_list.schedule(inst, release, due, 19, [0, 1, 2], [0, 100], failed) is None
    assert failed == [1]


def test_passes_that_would_repeat_one_already_tried_are_skipped() -> None:
    # All modules in person and no span: rooms first and the throttle change nothing.
    inst = instance(latest=-1)
    assert rollout_heuristic.schedule_either(inst, 9) is None


def test_a_session_whose_next_module_cannot_follow_in_time_fails_the_schedule() -> None:
    # M2 seven days after M1 but due in the next slot: placing M1 already dooms the cohort.
    inst = instance(
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 7))
    )
    failed: list[int] = []
    assert rollout_list.schedule(inst, [[0, 0]], [[0, 1]], 19, [0], (), failed) is None
    assert failed == [0]


def test_a_session_found_overdue_behind_the_queue_head_fails_the_schedule() -> None:
    # One facilitator on Monday (one session a day), two from Tuesday. Cohort 0's M1 takes
    # Monday morning; its M2, put first by the offset, hides cohort 1's M1 (due Monday
    # afternoon) until Tuesday, when it is found overdue.
    failed: list[int] = []
    release, due = [[0, 0], [0, 0]], [[0, 19], [1, 19]]
    inst = overdue_instance()
    assert rollout_list.schedule(inst, release, due, 19, [0, 1], [0, -100], failed) is None
    assert failed == [0]


def overdue_instance() -> rollout_instance.Instance:
    """Two digital modules; one facilitator (one session a day), a second from Tuesday."""
    digital = (rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 0))
    away_monday = (False,) + (True,) * (len(WORKING) - 1)
    return rollout_instance.Instance(
        ns=2,
        ords=tuple(d.toordinal() for d in WORKING),
        weeks=tuple(d.isocalendar()[1] for d in WORKING),
        modules=digital,
        span=None,
        sizes=(10, 10),
        latest=((rollout_instance.NEVER, rollout_instance.NEVER),) * 2,
        facilitators=(
            rollout_instance.FacSpec(1, 7, (True,) * len(WORKING)),
            rollout_instance.FacSpec(1, 7, away_monday),
        ),
        rooms=(12,),
    )


def test_a_one_module_program_with_a_span_limits_starts_by_the_whole_capacity_alone() -> None:
    # One facilitator, 7 sessions a week (1.4 a day), one module: no later module to leave
    # capacity for, so the cohorts started by a day may use all of it up to the span's end
    # seven days later: 8.4 sessions by Monday 18 for those started on Monday 11.
    one = (rollout_instance.ModSpec(1, True, 0),)
    inst = replace(span_instance(rooms=(12,), facilitators=1), modules=one)
    assert rollout_list.start_limits(inst) == [8, 9, 11, 12, 14, 14, 14, 14, 14, 14]


def test_schedule_failures_need_no_list_to_report_to() -> None:
    late_follow_up = instance(
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 7))
    )
    assert rollout_list.schedule(late_follow_up, [[0, 0]], [[0, 1]], 19, [0]) is None
    release, due = [[0, 0], [0, 0]], [[0, 19], [1, 19]]
    assert rollout_list.schedule(overdue_instance(), release, due, 19, [0, 1], [0, -100]) is None


def test_justifying_a_plan_pulls_its_sessions_together() -> None:
    # Three cohorts, one room: a plan with a session on Friday 15 January ends there; pushed
    # as late as Friday allows and pulled back, the sessions take Monday and Tuesday.
    inst = instance(sizes=(10, 10, 10))
    spread = [rollout_instance.Placement(c, 0, slot, (0,), 0) for c, slot in enumerate((0, 1, 9))]
    assert sorted(p.slot for p in rollout_heuristic.justify(inst, spread)) == [0, 1, 2]


def test_a_plan_the_backward_pass_cannot_repeat_is_kept() -> None:
    # Two sessions in the same last slot, one room: the backward pass cannot place both.
    inst = instance(sizes=(10, 10))
    clash = [rollout_instance.Placement(c, 0, 9, (0,), 0) for c in range(2)]
    assert rollout_heuristic.justify(inst, clash) == clash


def test_a_plan_that_justifying_does_not_shorten_is_kept() -> None:
    inst = instance(sizes=(10, 10))
    tight = [rollout_instance.Placement(c, 0, c, (0,), 0) for c in range(2)]
    assert rollout_heuristic.justify(inst, tight) == tight


def test_justifying_stops_after_its_rounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollout_heuristic, "JUSTIFY_ROUNDS", 1)
    inst = instance(sizes=(10, 10, 10))
    spread = [rollout_instance.Placement(c, 0, slot, (0,), 0) for c, slot in enumerate((0, 1, 9))]
    assert sorted(p.slot for p in rollout_heuristic.justify(inst, spread)) == [0, 1, 2]


def test_polishing_keeps_a_plan_that_ends_on_the_bound() -> None:
    inst = instance(sizes=(10, 10))
    clash = [rollout_instance.Placement(c, 0, 9, (0,), 0) for c in range(2)]
    assert rollout_search.polish(inst, clash, 4) == clash


def test_polishing_takes_a_strategy_plan_when_justifying_cannot_help() -> None:
    # The clashing plan cannot be justified, but the first strategy plans the three cohorts
    # by Tuesday, within a working day of a bound on Monday, so no other is tried.
    inst = instance(sizes=(10, 10, 10))
    clash = [rollout_instance.Placement(c, 0, 9, (0,), 0) for c in range(3)]
    polished = rollout_search.polish(inst, clash, 0)
    assert sorted(p.slot for p in polished) == [0, 1, 2]


def test_polishing_tries_every_strategy_while_none_is_good_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rollout_search, "GOOD_ENOUGH", -1)
    inst = instance(sizes=(10, 10, 10))
    clash = [rollout_instance.Placement(c, 0, 9, (0,), 0) for c in range(3)]
    polished = rollout_search.polish(inst, clash, 0)
    assert sorted(p.slot for p in polished) == [0, 1, 2]


def test_a_facilitator_has_no_capacity_on_a_day_away() -> None:
    inst = overdue_instance()  # the second facilitator is away on Monday
    assert inst.facilitator_capacity(inst.facilitators[1], 0, 3) == 1
    assert inst.facilitator_capacity(inst.facilitators[0], 0, 3) == 2


def test_the_search_gallops_up_from_the_bound_then_bisects(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[int] = []

    def from_day_five(
        inst: rollout_instance.Instance, day: int
    ) -> list[rollout_instance.Placement] | None:
        tried.append(day)
        return [rollout_instance.Placement(0, 0, day * inst.ns, (0,), 0)] if day >= 5 else None

    monkeypatch.setattr(rollout_heuristic, "schedule_either", from_day_five)
    monkeypatch.setattr(rollout_search, "exact", lambda inst, bound: (None, bound))
    monkeypatch.setattr(rollout_heuristic, "compact", lambda inst, placed: placed)
    bound = rollout_bounds.Bound(0, "facilitators", (0, 0), 1, 0, {})
    placed, _ = rollout_search.plan(instance(), bound)
    assert tried == [0, 1, 3, 7, 5, 4]
    assert placed is not None


def test_a_session_due_next_week_waits_when_this_weeks_capacity_is_needed() -> None:
    # One facilitator, 7 sessions a week; seven cohorts due next week are released at once,
    # one more is released on Friday morning, due that afternoon. Six of the seven go on
    # Monday to Wednesday; the seventh waits for next week, leaving Friday's session free.
    inst = instance(modules=(rollout_instance.ModSpec(1, False, 0),), sizes=(10,) * 8)
    release = [[0]] * 7 + [[8]]
    due = [[19]] * 7 + [[9]]
    placed = rollout_list.schedule(inst, release, due, 19, list(range(8)))
    assert placed is not None
    slots = {p.cohort: p.slot for p in placed}
    assert slots[7] == 8
    assert sorted(slots[c] for c in range(7)) == [0, 1, 2, 3, 4, 5, 10]


def test_a_pair_is_drawn_from_those_who_may_lead_the_module() -> None:
    skilled = rollout_instance.FacSpec(1, 5, (True,) * 5, frozenset({0}))
    other = rollout_instance.FacSpec(1, 5, (True,) * 5, frozenset())
    inst = rollout_instance.Instance(
        ns=1,
        ords=tuple(range(5)),
        weeks=(0,) * 5,
        modules=(rollout_instance.ModSpec(2, False, 0),),
        span=None,
        sizes=(10,),
        latest=((rollout_instance.NEVER,),),
        facilitators=(skilled, other, skilled),
        rooms=(),
    )
    (placed,) = rollout_heuristic.schedule_either(inst, 0) or []
    assert placed.facilitators in {(0, 2), (2, 0)}


def away_instance(*, span: int | None = 7, away: int = 20) -> rollout_instance.Instance:
    """Three cohorts of 10 in one unit that sends at most *away* people at once.

    Two modules a week apart, the second in person; ample facilitators and rooms.
    """
    return replace(
        span_instance(rooms=(12,) * 3, facilitators=3, second_in_person=True),
        span=span,
        sizes=(10,) * 3,
        latest=((rollout_instance.NEVER,) * 2,) * 3,
        units=(0, 0, 0),
        away=(away,),
    )


def test_a_units_starts_are_limited_by_the_last_modules_it_can_send_within_the_spans() -> None:
    # Two of its cohorts at once; the second module from Monday 18 (slot 10) on. Cohorts
    # started on Monday 11 end by Monday 18 (slots 10-11: 2 slots, 4 cohorts), on Tuesday by
    # Tuesday 19 (8), ...; from Friday 15 on the spans reach the horizon (slot 19: 20).
    inst = away_instance()
    assert rollout_list.unit_start_limits(inst, 1.0) == {0: [4, 8, 12, 16, 20, *[20] * 5]}
    assert rollout_list.unit_start_limits(inst, 0.5) == {0: [2, 4, 6, 8, 10, *[10] * 5]}
    # All three at once: three a slot.
    every = away_instance(away=30)
    assert rollout_list.unit_start_limits(every, 1.0) == {0: [6, 12, 18, 24, 30, *[30] * 5]}


def test_without_a_span_or_a_limit_no_units_starts_are_limited() -> None:
    assert rollout_list.unit_start_limits(away_instance(span=None), 1.0) == {}
    assert rollout_list.unit_start_limits(instance(), 1.0) == {}
    unlimited = away_instance(away=rollout_instance.NEVER)
    assert rollout_list.unit_start_limits(unlimited, 1.0) == {}


def test_a_share_of_a_units_limit_holds_its_later_cohorts_back() -> None:
    # Ten people away at once: one cohort a slot. A fifth of the limit lets no cohort start
    # on Monday or Tuesday (0.2 * 4 slots), one by Wednesday and two from Friday on: never
    # the third. Half of it lets one start on Monday, two by Tuesday, three by Wednesday.
    inst = away_instance(away=10)
    assert rollout_list.unit_start_limits(inst, 0.2)[0][:6] == [0, 0, 1, 1, 2, 2]
    due = [[19, 19] for _ in range(3)]
    placed = rollout_list.schedule(inst, [[0, 0]] * 3, due, 19, [0, 1, 2], share=0.2)
    assert placed is None
    free = rollout_list.schedule(inst, [[0, 0]] * 3, [list(r) for r in due], 19, [0, 1, 2])
    assert free is not None
    assert sorted(p.slot for p in free if p.module == 0) == [0, 1, 2]
    paced = rollout_list.schedule(
        inst, [[0, 0]] * 3, [list(r) for r in due], 19, [0, 1, 2], share=0.5
    )
    assert paced is not None
    assert sorted(p.slot for p in paced if p.module == 0) == [0, 2, 4]


def test_passes_that_found_no_plan_are_not_tried_again_for_an_earlier_day(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inst = away_instance(away=10)
    failed: dict[int, int] = {}
    # The second modules wait a week: no pass ends by Friday 15 (day 4).
    assert rollout_heuristic.schedule_either(inst, 4, failed) is None
    # 4 strategies (every module in person: no rooms first), 3 paced, 1 pinned
    assert len(failed) == 8
    assert set(failed.values()) == {4}
    assert list(rollout_heuristic.schedule_each(inst, 3, failed)) == []
    placed = rollout_heuristic.schedule_either(inst, 9, failed)
    assert placed is not None
    assert max(p.slot for p in placed) <= 19
    calls: list[object] = []
    monkeypatch.setattr(rollout_heuristic, "schedule_forwards", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(rollout_heuristic, "schedule_backwards", lambda *a, **k: calls.append(a))
    assert rollout_heuristic.schedule_either(inst, 2, failed) is None
    assert calls == []


def test_a_dropped_deadline_orders_the_sessions_without_binding_them() -> None:
    # Two cohorts of two modules, one room: by rank alone cohort 0 goes first; with cohort
    # 1's dropped deadline (soft) on slot 0, cohort 1 does, and a soft slot already past
    # fails nothing.
    two = (rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 0))
    inst = instance(modules=two, sizes=(10, 10))
    release = [[0, 0], [0, 0]]
    plain = rollout_list.schedule(inst, release, [[19, 19], [19, 19]], 19, [0, 0])
    assert plain is not None
    assert [(p.cohort, p.module) for p in sorted(plain, key=lambda p: p.slot)[:2]] == [
        (0, 0),
        (0, 1),
    ]
    never = rollout_instance.NEVER
    soft = [[never, never], [-1, 0]]
    ranked = rollout_list.schedule(inst, release, [[19, 19], [19, 19]], 19, [0, 0], soft=soft)
    assert ranked is not None
    assert [(p.cohort, p.module) for p in sorted(ranked, key=lambda p: p.slot)[:2]] == [
        (1, 0),
        (1, 1),
    ]


def test_dropped_deadlines_rank_after_kept_ones_and_move_with_a_later_start() -> None:
    never = rollout_instance.NEVER
    inst = replace(
        instance(sizes=(10, 10, 10), latest=never),
        latest=((5,), (never,), (never,)),
        soft=((never,), (7,), (never,)),
    )
    assert inst.ranks() == [5, rollout_instance.SOFT + 7, never]
    assert replace(inst, soft=()).ranks() == [5, never, never]
    # Two days (four slots) later, the dropped deadline moves with the kept one; one before
    # the new first day cannot be met (-1).
    later = rollout_instance.from_day(replace(inst, soft=((never,), (7,), (2,))), 2)
    assert later.latest == ((1,), (never,), (never,))
    assert later.soft == ((never,), (3,), (-1,))
    # The forward pass orders by them: cohort 1 (its dropped deadline on slot 7) before
    # cohort 2 (none), cohort 0 (a kept one on slot 5) first.
    placed = rollout_heuristic.schedule_forwards(inst, 9, spread=0)
    assert placed is not None
    assert [p.cohort for p in sorted(placed, key=lambda p: p.slot)] == [0, 1, 2]


def test_deadlines_proven_out_of_reach_move_just_within_reach() -> None:
    from ledarutveckling._rollout import away as rollout_away

    never = rollout_instance.NEVER
    two = (rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 0))

    def move(cohorts: int, size: int = 10) -> rollout_instance.Instance:
        # Unit 0's cohorts, one of them away at a time, must hold the first module by slot
        # 3 (two days, four slots); unit 1's one cohort by slot 5.
        return replace(
            instance(modules=two, sizes=(size,) * cohorts + (10,)),
            latest=((3, never),) * cohorts + ((5, never),),
            units=(0,) * cohorts + (1,),
            away=(10, 10),
        )

    seven = move(7)
    assert set(rollout_away.away_deadlines_missed(seven)) == {0}
    # Seven sessions need seven slots: four days (whole days are counted), so slot 6.
    moved = rollout_away.away_deadlines_moved(seven, {0})
    assert moved == ((6, never),) * 7 + ((5, never),)
    assert rollout_away.away_deadlines_missed(replace(seven, latest=moved)) == {}
    assert rollout_away.away_deadlines_missed(replace(seven, latest=((5, never),) * 8)) != {}
    # More sessions than the horizon's twenty slots, or cohorts larger than the limit: no
    # move brings them within reach, and they keep no deadline.
    assert rollout_away.away_deadlines_moved(move(25), {0})[:25] == ((never, never),) * 25
    assert rollout_away.away_deadlines_moved(move(3, size=20), {0}) == ((never, never),) * 3 + (
        (5, never),
    )
