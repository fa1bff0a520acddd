"""The rollout planner's counting model: the bound it proves and the plans it makes.

The bound is also checked against exhaustive search on tiny instances in
``test_rollout_bound.py`` (``solver.lower_bound`` includes it).
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import replace
from typing import Any

import pytest

from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import counting as lp
from ledarutveckling._rollout import heuristic as rollout_heuristic
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import list_schedule as rollout_list
from ledarutveckling._rollout import search as rollout_search
from tests.test_rollout_bound import optimum

NEVER = rollout_instance.NEVER


def two_days() -> rollout_instance.Instance:
    """Two facilitators (one session a day, two a week), three cohorts, M2 the next day.

    Weekdays of one week and Monday to Wednesday of the next, one slot a day; two digital
    modules, the second exactly one calendar day after the first (a span of one day).
    """
    ords = (0, 1, 2, 3, 4, 7, 8, 9)
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 1)),
        span=1,
        sizes=(10, 10, 10),
        latest=((NEVER, NEVER),) * 3,
        facilitators=(rollout_instance.FacSpec(1, 2, (True,) * len(ords)),) * 2,
        rooms=(10,),
    )


def test_the_counts_prove_what_no_window_of_modules_sees() -> None:
    # Six sessions, four a week. The windows see the first week's four and Monday's two,
    # so day 5. But a cohort cannot start on a Friday (M2 would be on Saturday), and one
    # that starts in the first week ends in it: the first week holds two whole cohorts,
    # and the third needs Monday and Tuesday of the second week.
    inst = two_days()
    assert rollout_bounds.window_bound(inst).day == 5
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.combined, bound.resource) == (6, True, "facilitators")
    assert (bound.modules, bound.demand, bound.by_resource["facilitators"]) == ((0, 1), 6, 5)
    assert optimum(inst) == 6


def test_a_combined_bound_names_the_rooms_when_more_rooms_would_end_sooner() -> None:
    # The same in person with one room: one session a day whoever leads it.
    inst = replace(
        two_days(),
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 1)),
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 8),) * 2,
    )
    bound = rollout_search.lower_bound(inst)
    assert bound.day == optimum(inst)
    assert lp.Relaxation(inst, 6).binding() == "rooms"
    # One cohort and one module fit on day 0: there is no day before it to compare with.
    first = lp.Relaxation(
        replace(inst, modules=inst.modules[:1], sizes=(10,), latest=((NEVER,),)), 0
    )
    assert (first.day, first.binding()) == (0, "facilitators")


def test_a_later_day_is_asked_of_one_model_by_its_bounds() -> None:
    inst = two_days()
    ending = lp.Relaxation(inst, 7)
    assert [ending.ends_by(day) for day in (7, 5, 6, 0)] == [True, False, True, False]
    # Day 0 cannot even hold M2 (it needs a day before it): refused without solving.
    assert lp.Relaxation(inst, 7).day == 7
    assert lp.Relaxation(replace(inst, sizes=(10,) * 6), 7).day is None


def test_the_horizon_is_modelled_only_when_the_first_model_does_not_reach(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inst = two_days()
    monkeypatch.setattr(lp, "REACH", 2)
    relaxation = lp.Relaxation(inst, 0)  # days 0-2 do not fit: the model grows to day 7
    assert (relaxation.day, relaxation.model.day) == (6, 7)
    monkeypatch.setattr(lp, "REACH", 6)
    relaxation = lp.Relaxation(inst, 0)
    assert (relaxation.day, relaxation.model.day) == (6, 6)


def test_whole_counts_are_searched_within_a_number_of_nodes() -> None:
    # The interior point is found, but no node is left to search for whole counts near it.
    assert lp.CountModel(two_days(), 6, 1, deadlines=True).whole(nodes=0) is None
    assert lp.CountModel(two_days(), 6, 1, deadlines=True).whole() is not None


def pairs() -> rollout_instance.Instance:
    """Three sessions of one digital module led in pairs; Björn leads two a week.

    The weekdays of one week and Monday to Wednesday of the next, one slot a day; Anna and
    Björn lead one session a day each, Anna four a week, Björn two.
    """
    ords = (0, 1, 2, 3, 4, 7, 8, 9)
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(2, False, 0),),
        span=0,
        sizes=(10, 10, 10),
        latest=((NEVER,),) * 3,
        facilitators=(
            rollout_instance.FacSpec(1, 4, (True,) * len(ords)),
            rollout_instance.FacSpec(1, 2, (True,) * len(ords)),
        ),
        rooms=(10,),
    )


def test_whole_cohorts_prove_a_later_day_than_fractions_of_them() -> None:
    # Fractions fit by Thursday (day 3): three quarters of a session a day, Björn leading
    # half a session a day, two in the week. Every whole session needs Björn, so the third
    # waits for Monday of the next week (day 5).
    inst = pairs()
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.whole) == (3, False)
    assert [lp.no_whole_counts(inst, day) for day in (3, 4, 5)] == [True, True, False]
    assert optimum(inst) == 5
    # No plan on days 3 or 4: day 3 is proven too early, and day 5 has a plan.
    placed, raised = rollout_search.plan(inst, bound)
    assert placed is not None
    assert max(p.slot for p in placed) == 5
    assert (raised.day, raised.resource, raised.combined, raised.whole) == (
        4,
        "facilitators",
        True,
        True,
    )
    assert (raised.modules, raised.demand, raised.by_resource) == ((0, 0), 6, bound.by_resource)


def test_whole_counts_raise_the_bound_a_few_days_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollout_search, "WHOLE_REACH", 0)
    # Days 3 and 4 have no plan, and no proof is asked: nothing is found by day 4.
    assert rollout_search.exact(pairs(), 3) == (None, 3)
    # On the horizon's last day nothing is proven and no later day is tried.
    assert rollout_search.exact(replace(pairs(), sizes=(10,) * 5), 7) == (None, 7)


def test_the_list_schedulers_try_the_raised_bound_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[int] = []

    def from_day_five(
        inst: rollout_instance.Instance, day: int
    ) -> list[rollout_instance.Placement] | None:
        tried.append(day)
        return [rollout_instance.Placement(0, 0, day * inst.ns, (0, 1), -1)] if day >= 5 else None

    monkeypatch.setattr(rollout_heuristic, "schedule_either", from_day_five)
    monkeypatch.setattr(rollout_heuristic, "compact", lambda inst, placed: placed)
    monkeypatch.setattr(rollout_search, "exact", lambda inst, bound: (None, 5))
    placed, raised = rollout_search.plan(pairs(), rollout_search.lower_bound(pairs()))
    assert tried == [3, 5]
    assert placed == [rollout_instance.Placement(0, 0, 5, (0, 1), -1)]
    assert (raised.day, raised.whole, raised.resource) == (5, True, "facilitators")


def test_without_a_proof_the_day_after_the_bound_is_searched_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[int, tuple[int | None, ...]]] = []

    def exact_plan(
        inst: rollout_instance.Instance, day: int, widths: tuple[int | None, ...] = lp.WIDTHS
    ) -> None:
        asked.append((day, tuple(widths)))

    monkeypatch.setattr(lp, "exact_plan", exact_plan)
    monkeypatch.setattr(lp, "no_whole_counts", lambda inst, day: False)
    assert rollout_search.exact(pairs(), 3) == (None, 3)
    # Each day asked once next to the fractional counts; the day after then in full.
    assert asked == [(3, (0,)), (4, (0,)), (4, (1, None))]


def test_whole_counts_are_proven_per_slot_when_a_module_may_follow_the_same_day() -> None:
    inst = replace(
        pairs(),
        modules=(rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 0)),
    )
    inst = replace(inst, latest=((NEVER, NEVER),) * 3, span=None)
    assert lp._whole_model(inst, 3, 1).slots == 4 * inst.ns
    assert lp._whole_model(pairs(), 3, 1).inst.ns == 1


def test_whole_counts_name_the_rooms_when_more_rooms_would_end_sooner(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One room, one session a day; the three facilitators could lead three a day.
    inst = replace(
        pairs(),
        modules=(rollout_instance.ModSpec(1, True, 0),),
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 8),) * 3,
    )
    assert lp.whole_binding(inst, 2, "facilitators") == "rooms"  # three rooms: all on day 0
    # With one facilitator leading one a day, more rooms would not help.
    alone = replace(
        inst, facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 8),), rooms=(10, 10)
    )
    assert lp.whole_binding(alone, 2, "rooms") == "facilitators"
    # Digital sessions need no room.
    assert lp.whole_binding(pairs(), 5, "rooms") == "facilitators"
    # When no counts are found quickly and fractions fit, the raised bound's own resource.
    monkeypatch.setattr(lp.CountModel, "whole", lambda self, nodes, widths: None)
    assert lp.whole_binding(inst, 2, "chain") == "chain"


def test_when_nothing_fits_the_counts_name_the_facilitators_not_the_chain() -> None:
    # M2 needs three facilitators together, and the three are never all present on a day
    # when a chain could reach it within the span: the chain fits, the leaders never do.
    yes, no = True, False
    ords = (0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18)
    inst = rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(
            rollout_instance.ModSpec(2, True, 0),
            rollout_instance.ModSpec(3, False, 2),
            rollout_instance.ModSpec(1, True, 3),
        ),
        span=6,
        sizes=(10,),
        latest=((NEVER,) * 3,),
        facilitators=(
            rollout_instance.FacSpec(
                3, 3, (no, no, yes, yes, no, yes, no, yes, yes, yes, yes, yes, yes, yes, no)
            ),
            rollout_instance.FacSpec(
                1, 3, (no, no, yes, yes, yes, no, yes, yes, no, yes, no, yes, no, yes, yes)
            ),
            rollout_instance.FacSpec(
                3, 3, (yes, yes, yes, yes, yes, yes, yes, no, no, no, yes, yes, yes, no, yes)
            ),
        ),
        rooms=(12,),
    )
    window = rollout_bounds.window_bound(inst)
    assert (window.day, window.resource) == (5, "chain")
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.resource, bound.combined) == (None, "facilitators", True)
    assert bound.by_resource == window.by_resource
    assert optimum(inst) is None


def test_the_counts_give_no_day_when_nothing_fits_the_horizon() -> None:
    inst = replace(two_days(), sizes=(10,) * 5)
    assert lp.Relaxation(inst, 0).day is None
    assert rollout_search.lower_bound(inst).day is None
    assert optimum(inst) is None


def test_whole_counts_become_a_plan_on_the_bound() -> None:
    inst = two_days()
    placed = lp.exact_plan(inst, 6)
    assert placed is not None
    assert max(p.slot for p in placed) <= 6
    by_cohort: dict[int, list[int]] = {}
    for p in placed:
        by_cohort.setdefault(p.cohort, [0, 0])[p.module] = p.slot
        assert p.room == -1
        assert len(p.facilitators) == 1
    for first, second in by_cohort.values():
        assert inst.ords[second] - inst.ords[first] == 1
    per_slot: dict[int, list[int]] = {}
    for p in placed:
        per_slot.setdefault(p.slot, []).extend(p.facilitators)
    assert all(len(set(fs)) == len(fs) for fs in per_slot.values())


def test_no_whole_counts_before_the_bound() -> None:
    assert lp.exact_plan(two_days(), 5) is None
    assert lp.CountModel(two_days(), 5, 1, deadlines=True).whole() is None


def test_an_exact_plan_needs_a_room_for_the_largest_cohort() -> None:
    inst = replace(
        two_days(),
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 1)),
    )
    assert lp.exact_plan(replace(inst, rooms=(8,)), 9) is None
    assert lp.exact_plan(inst, 7) is not None


def test_an_exact_plan_keeps_the_deadlines() -> None:
    inst = replace(two_days(), latest=((NEVER, 1), (NEVER, NEVER), (NEVER, NEVER)))
    placed = lp.exact_plan(inst, 6)
    assert placed is not None
    assert [p.slot for p in placed if (p.cohort, p.module) == (0, 1)] == [1]
    # A deadline before the first day leaves no whole counts.
    assert lp.exact_plan(replace(inst, latest=((NEVER, -1),) * 3), 6) is None


def test_an_exact_plan_is_refused_when_one_cohort_order_cannot_suit_every_deadline() -> None:
    # Cohort 0 must hold M1 by day 0 and cohort 1 M2 by day 1: taken in the order of their
    # M2 deadlines, cohort 1 goes first and cohort 0's M1 is too late.
    inst = replace(two_days(), sizes=(10, 10), latest=((0, NEVER), (NEVER, 1)))
    assert lp.exact_plan(inst, 6) is None


def test_an_exact_plan_gives_up_when_the_leaders_cannot_be_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lp, "_into_slots", lambda *args: None)
    assert lp.exact_plan(two_days(), 6) is None


def two_rooms() -> rollout_instance.Instance:
    """One week, one slot a day, rooms of 10 and 8, one module in person.

    Two cohorts of 10 (only the room of 10 takes them) and two of 8 (both rooms), two
    facilitators who lead one session a day each.
    """
    ords = (0, 1, 2, 3, 4)
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=(0,) * 5,
        modules=(rollout_instance.ModSpec(1, True, 0),),
        span=None,
        sizes=(10, 8, 10, 8),
        latest=((NEVER,),) * 4,
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 5),) * 2,
        rooms=(10, 8),
    )


def test_an_exact_plan_counts_the_smaller_cohorts_in_the_smaller_rooms_too() -> None:
    # Issue 17: counted with only the rooms that take the largest cohort, the four sessions
    # need four days; the cohorts of 8 fit the room of 8 as well, so two days do.
    inst = two_rooms()
    placed = lp.exact_plan(inst, 1)
    assert placed is not None
    assert max(p.slot for p in placed) == 1
    for slot in (0, 1):
        here = [p for p in placed if p.slot == slot]
        assert sorted(p.room for p in here) == [0, 1]
        assert all(inst.rooms[p.room] >= inst.sizes[p.cohort] for p in here)
    assert lp.exact_plan(inst, 0) is None


def test_an_exact_plan_falls_back_on_the_rooms_that_take_the_largest_cohort(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # When the classes give no whole counts, the rooms that take every cohort are tried.
    plan_classes = lp._plan_classes
    classes: list[int] = []

    def spy(*args: Any) -> list[rollout_instance.Placement] | None:
        classes.append(len(args[-1]))
        return None if len(args[-1]) > 1 else plan_classes(*args)

    monkeypatch.setattr(lp, "_plan_classes", spy)
    placed = lp.exact_plan(two_rooms(), 3)
    assert classes == [2, 1]
    assert placed is not None
    assert {p.room for p in placed} == {0}
    assert sorted(p.slot for p in placed) == [0, 1, 2, 3]


def two_slots(facilitators: int = 2) -> rollout_instance.Instance:
    """One week, two slots a day, one room, facilitators leading two a day and five a week.

    M1 in person, M2 digital the next day, M3 in person and in pairs the day after that.
    """
    ords = (0, 1, 2, 3, 4)
    return rollout_instance.Instance(
        ns=2,
        ords=ords,
        weeks=(0,) * 5,
        modules=(
            rollout_instance.ModSpec(1, True, 0),
            rollout_instance.ModSpec(1, False, 1),
            rollout_instance.ModSpec(2, True, 1),
        ),
        span=None,
        sizes=(10, 10),
        latest=((NEVER,) * 3,) * 2,
        facilitators=(rollout_instance.FacSpec(2, 5, (True,) * 5),) * facilitators,
        rooms=(12,),
    )


def test_a_day_of_sessions_is_spread_over_its_slots_with_distinct_leaders() -> None:
    # Day 0: two M1 (in person, one room: one a slot) and two M2 (digital) sessions; a
    # third facilitator is away that day.
    inst = two_slots()
    away = rollout_instance.FacSpec(2, 5, (False, True, True, True, True))
    inst = replace(inst, facilitators=(*inst.facilitators, away))
    placed = lp._into_slots(inst, 1, {0: [(0, 0), (0, 1), (1, 2), (1, 3)]})
    assert placed is not None
    assert sorted((k, c) for _, k, c, _ in placed) == [(0, 0), (0, 1), (1, 2), (1, 3)]
    assert sorted(t for t, k, _, _ in placed if k == 0) == [0, 1]
    for slot in (0, 1):
        leaders = [f for t, _, _, fs in placed if t == slot for f in fs]
        assert sorted(leaders) == [0, 1]


def test_a_day_with_more_sessions_in_person_than_rooms_cannot_be_spread() -> None:
    assert lp._into_slots(two_slots(), 1, {0: [(0, 0), (0, 1), (0, 2)]}) is None


def test_a_day_with_more_sessions_than_its_facilitators_can_lead_cannot_be_spread() -> None:
    # Two facilitators, two slots: four sessions at most; and five a week each.
    assert lp._into_slots(two_slots(), 1, {0: [(1, c) for c in range(5)]}) is None
    week = {d: [(1, 3 * d + i) for i in range(3)] for d in range(5)}
    assert lp._into_slots(two_slots(), 1, week) is None  # fifteen sessions, ten a week


def test_a_plan_from_whole_counts_per_day_keeps_every_rule() -> None:
    inst = two_slots(facilitators=3)
    placed = lp.exact_plan(inst, 4)
    assert placed is not None
    slots = {(p.cohort, p.module): p.slot for p in placed}
    for cohort in (0, 1):
        days = [slots[cohort, k] // 2 for k in range(3)]
        assert days[0] < days[1] < days[2]
    per_slot: dict[int, list[int]] = {}
    for p in placed:
        per_slot.setdefault(p.slot, []).extend(p.facilitators)
        assert len(p.facilitators) == inst.modules[p.module].facilitators
        assert (p.room == 0) == inst.modules[p.module].in_person
    assert all(len(set(fs)) == len(fs) for fs in per_slot.values())
    rooms = [p.slot for p in placed if p.room == 0]
    assert len(rooms) == len(set(rooms))


class _FakeSolution:
    def __init__(self, values: list[float]) -> None:
        self.col_value = values


class _FakeHighs:
    """Stands in for HiGHS in the facilitator model: every value one half."""

    def setOptionValue(self, name: str, value: Any) -> None:  # noqa: N802 - HiGHS's name
        pass

    def passModel(self, model: Any) -> None:  # noqa: N802 - HiGHS's name
        self.columns = model.num_col_

    def run(self) -> None:
        pass

    def getModelStatus(self) -> Any:  # noqa: N802 - HiGHS's name
        import highspy

        return highspy.HighsModelStatus.kOptimal

    def getSolution(self) -> _FakeSolution:  # noqa: N802 - HiGHS's name
        return _FakeSolution([0.5] * self.columns)


def test_leaders_that_are_not_whole_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lp, "_highs", _FakeHighs)
    assert lp._into_slots(two_slots(), 1, {0: [(1, 0)]}) is None


def test_the_programs_print_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    # HiGHS writes a banner and a log to the process's own stdout unless told not to.
    assert lp.Relaxation(replace(two_days(), sizes=(10,) * 4), 0).day == 6
    assert lp.exact_plan(two_slots(facilitators=3), 4) is not None
    assert lp.exact_plan(two_days(), 5) is None
    assert capfd.readouterr() == ("", "")


def _exact_in_child(queue: Any) -> None:
    placed = lp.exact_plan(two_slots(facilitators=3), 4)
    queue.put(placed is not None)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork with threads, Python 3.12+
def test_a_forked_process_can_plan_after_its_parent_did() -> None:
    # HiGHS's worker threads are shared by the process; a child forked after they started
    # hung in its first integer program until the planner kept HiGHS to one thread.
    assert lp.Relaxation(two_days(), 0).day == 6
    assert lp.exact_plan(two_slots(facilitators=3), 4) is not None
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_exact_in_child, args=(queue,))
    child.start()
    child.join(timeout=60)
    if child.is_alive():  # pragma: no cover - the regression this test is for
        child.kill()
        pytest.fail("the forked child hung in HiGHS")
    assert child.exitcode == 0
    assert queue.get(timeout=5) is True


def test_the_planner_falls_back_on_whole_counts_when_its_schedulers_fail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inst = two_days()
    monkeypatch.setattr(rollout_heuristic, "schedule_each", lambda inst, day: iter(()))
    placed, _ = rollout_search.plan(inst, rollout_search.lower_bound(inst))
    assert placed is not None
    assert max(p.slot for p in placed) // inst.ns <= 6 + rollout_search.GOOD_ENOUGH


def test_the_last_day_is_tried_when_the_gallop_passes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # From the bound day 2 the gallop tries days 2, 3 and 5; the next step (9) is past the
    # last day (7), which is then tried on its own.
    tried: list[int] = []

    def from_day_six(
        inst: rollout_instance.Instance, day: int
    ) -> list[rollout_instance.Placement] | None:
        tried.append(day)
        return [rollout_instance.Placement(0, 0, day * inst.ns, (0,), -1)] if day >= 6 else None

    monkeypatch.setattr(rollout_heuristic, "schedule_either", from_day_six)
    monkeypatch.setattr(rollout_search, "exact", lambda inst, bound: (None, bound))
    monkeypatch.setattr(rollout_heuristic, "compact", lambda inst, placed: placed)
    monkeypatch.setattr(rollout_search, "polish", lambda inst, placed, bound: placed)
    bound = rollout_bounds.Bound(2, "facilitators", (0, 1), 6, 0, {})
    placed, kept = rollout_search.plan(two_days(), bound)
    assert tried == [2, 3, 5, 7]
    assert placed == [rollout_instance.Placement(0, 0, 7, (0,), -1)]
    assert kept is bound


def test_digital_modules_limit_starts_by_the_facilitators_alone() -> None:
    # Each facilitator leads two sessions a week over five days: 0.4 a day, 0.8 for both.
    # A cohort started on day 0 ends on day 1: 1.6 facilitator-sessions by then, less the
    # 0.8 of day 0 for its second module: no whole cohort can have started by day 0.
    limits = rollout_list.start_limits(two_days())
    assert limits[0] == 0
    assert max(limits) <= 3


def test_the_same_instance_gets_the_same_plan_through_whole_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The list schedulers miss pairs()'s bound; the integer program over the whole model
    # finds the plan, within a number of nodes rather than seconds: the same each time.
    found: list[bool] = []
    exact_plan = lp.exact_plan

    def spy(
        inst: rollout_instance.Instance, day: int, widths: tuple[int | None, ...] = lp.WIDTHS
    ) -> list[rollout_instance.Placement] | None:
        placed = exact_plan(inst, day, widths)
        found.append(placed is not None)
        return placed

    monkeypatch.setattr(lp, "exact_plan", spy)
    plans = [rollout_search.plan(pairs(), rollout_search.lower_bound(pairs()))[0] for _ in "ab"]
    assert found == [False, False, True] * 2
    assert plans[0] is not None
    assert plans[0] == plans[1]
    assert max(p.slot for p in plans[0]) // pairs().ns == 5


def test_no_search_for_whole_counts_has_a_time_limit() -> None:
    model = lp.CountModel(two_days(), 6, 1, deadlines=True)
    h = model._integer(lp.MIP_NODES)
    assert h.getOptionValue("time_limit")[1] == float("inf")
    assert h.getOptionValue("mip_max_nodes")[1] == lp.MIP_NODES
