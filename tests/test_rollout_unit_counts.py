"""The count of a move per unit and day, a bound, against the exhaustive optimum.

Every valid plan's counts fit by the plan's last day, so the first day they fit by is never
after the optimum of a tiny move (move dates, skills, staff away), for the instance's own
cohorts and, for a unit's fewest cohorts, for every split of it.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, event, given, settings

from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import search as rollout_search
from ledarutveckling._rollout import unit_counts
from ledarutveckling._rollout.instance import FacSpec, ModSpec, Placement

from .test_rollout_bound import OverBudgetError, away_splits, optimum, tiny


def _no_plan_beats_the_count(inst: rollout_instance.Instance) -> None:
    """The exhaustive optimum is not before the first day the counts per unit fit."""
    try:
        best = optimum(inst)
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    if best is None:
        return
    counted = unit_counts.unit_day(inst, 0, best)
    assert counted is not None
    assert counted[0] <= best


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(moves=True))
def test_no_valid_plan_of_a_move_ends_before_its_units_count(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_count(inst)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(with_break=False, ns=2, cohorts=3, moves=True))
def test_no_valid_plan_of_a_move_with_two_slots_a_day_ends_before_its_units_count(
    inst: rollout_instance.Instance,
) -> None:
    # Counted per day: the day's rows hold for plans that use both of its slots.
    _no_plan_beats_the_count(inst)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(away_splits())
def test_the_fewest_cohorts_count_holds_for_every_split(
    splits: list[rollout_instance.Instance],
) -> None:
    try:
        best = [optimum(inst) for inst in splits]
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    found = [day for day in best if day is not None]
    if not found:
        return
    counted = unit_counts.unit_day(splits[0], 0, max(found))
    assert counted is not None
    assert counted[0] <= min(found)
    # The fewest split's own count (its own cohorts at once) bounds that split alone; that
    # split may have no plan at all where a finer one does (fewer of its cohorts at once).
    if best[0] is not None:
        own = unit_counts.unit_day(replace(splits[0], away_range=()), 0, best[0])
        assert own is not None
        assert own[0] <= best[0]


def _move(rooms: int = 1, away: int = 10) -> rollout_instance.Instance:
    """A unit of three cohorts of 10 that may start on day 5: two weeks, one slot a day.

    One in-person module, two facilitators; one cohort at a time with *away* 10.
    """
    ords = tuple(7 * w + d for w in range(2) for d in range(5))
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(ModSpec(1, True, 0),),
        span=None,
        sizes=(10, 10, 10),
        latest=((rollout_instance.NEVER,),) * 3,
        facilitators=(FacSpec(1, 5, (True,) * 10), FacSpec(1, 5, (True,) * 10)),
        rooms=(12,) * rooms,
        earliest=((5,),) * 3,
        units=(0, 0, 0),
        away=(away,),
    )


def test_a_unit_one_cohort_at_a_time_after_its_move_date_ends_on_its_third_day() -> None:
    assert unit_counts.unit_day(_move(2), 0, 9) == (7, "facilitators")
    # Ten at a time: one room binds, two would end on day 5.
    assert unit_counts.unit_day(_move(1, away=30), 0, 9) == (7, "rooms")
    assert unit_counts.unit_day(_move(2, away=30), 0, 9) == (6, "facilitators")


def test_the_count_is_not_made_where_the_plain_counts_see_everything_or_it_is_too_large() -> None:
    plain = replace(_move(), earliest=(), units=(), away=())
    assert unit_counts.unit_day(plain, 0, 9) is None
    assert unit_counts.unit_day(_move(), 0, unit_counts.COLUMNS) is None
    # No day within the range: none.
    assert unit_counts.unit_day(_move(2), 0, 6) is None


def test_with_no_in_person_module_the_facilitators_bind() -> None:
    digital = replace(_move(), modules=(ModSpec(1, False, 0),))
    assert unit_counts.unit_day(digital, 0, 9) == (7, "facilitators")
    # The day before the first: nothing to relax.
    assert unit_counts.unit_day(digital, 0, 9) is not None
    model = unit_counts._Model(digital, {(0, (5,), 2): 3}, 9)
    assert model.binding(-1) == "facilitators"
    assert model.skills(-1) is None
    # Complete before the earliest day: neither fractions nor whole counts.
    assert not model.ends_by(3)
    assert model.whole(3) is False


def test_the_planners_bound_is_raised_only_for_a_plan_well_after_it() -> None:
    inst = _move(2)
    bound = rollout_bounds.Bound(5, "away", (0, 0), 3, 10, {"away": 5})
    on_time = [Placement(c, 0, 5 + c, (0,), 0) for c in range(2)]
    assert rollout_search.units_bound(inst, bound, on_time) is bound
    late = [Placement(c, 0, 5 + 2 * c, (0,), 0) for c in range(3)]
    raised = rollout_search.units_bound(inst, bound, late)
    assert (raised.day, raised.resource, raised.combined) == (7, "facilitators", True)
    assert raised.by_resource == {"away": 5}
    # Where the count is not made, the bound stays.
    plain = replace(inst, earliest=(), units=(), away=())
    assert rollout_search.units_bound(plain, bound, late) is bound


def test_a_bound_the_counts_fit_by_is_not_raised_a_day() -> None:
    # The counts fit by day 7, the optimum (three cohorts one at a time from day 5): a plan
    # that ends on day 9 leaves the bound of day 7 as it is, not one day later.
    inst = _move(2)
    bound = rollout_bounds.Bound(7, "away", (0, 0), 3, 10, {"away": 7})
    late = [Placement(c, 0, 5 + 2 * c, (0,), 0) for c in range(3)]
    assert rollout_search.units_bound(inst, bound, late) is bound
    assert rollout_search.size_bound(inst, bound, 9) is bound


def test_a_unit_with_no_limit_on_staff_away_is_counted_by_its_move_date_alone() -> None:
    free = replace(_move(2), away=(rollout_instance.NEVER,))
    assert unit_counts.unit_day(free, 0, 9) == (6, "facilitators")


# -- the counts per cohort size (the rooms that take each cohort) -------------------------


def _no_plan_beats_the_size_count(inst: rollout_instance.Instance) -> None:
    """The exhaustive optimum is not before the first day the counts per size fit."""
    try:
        best = optimum(inst)
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    if best is None:
        return
    counted = unit_counts.size_day(inst, 0, best)
    assert counted is not None
    assert counted[0] <= best
    event(f"size count on the optimum: {counted[0] == best}")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(moves=True))
def test_no_valid_plan_of_a_move_ends_before_its_size_count(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_size_count(inst)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny())
def test_no_valid_plan_with_a_break_ends_before_its_size_count(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_size_count(inst)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(with_break=False, ns=2, cohorts=3, moves=True))
def test_no_valid_plan_with_two_slots_a_day_ends_before_its_size_count(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_size_count(inst)


def _blended(
    sizes: tuple[int, ...], skills: bool = True, second: frozenset[int] | None = None
) -> rollout_instance.Instance:
    """A workshop in person, then a follow-up two days later, one slot a day, ten days.

    Rooms of 12 and 10; the first facilitator may lead only the workshop (with *skills*),
    the second the modules *second* (every module if ``None``); one session a day each.
    """
    ords = tuple(range(10))
    first = frozenset({0}) if skills else None
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=(0,) * 10,
        modules=(ModSpec(1, True, 0), ModSpec(1, False, 2)),
        span=None,
        sizes=sizes,
        latest=((rollout_instance.NEVER,) * 2,) * len(sizes),
        facilitators=(
            FacSpec(1, 10, (True,) * 10, first),
            FacSpec(1, 10, (True,) * 10, second),
        ),
        rooms=(12, 10),
    )


def test_cohorts_only_the_large_room_takes_wait_for_it() -> None:
    # Four cohorts of 12: one workshop a day in the room of 12 (days 0-3), the last
    # follow-up two days after the last workshop, on day 5 at the earliest; cohorts of 10
    # could use both rooms. One facilitator leads each module: no skills bind.
    large = unit_counts.size_day(_blended((12,) * 4, skills=False), 0, 9)
    assert large == (5, "rooms", None, False)
    assert unit_counts.size_day(_blended((10,) * 4, skills=False), 0, 9)[0] < 5  # type: ignore[index]


def test_the_facilitators_of_a_module_few_may_lead_are_named() -> None:
    # Six cohorts of 10: the second facilitator alone may lead the follow-ups, one a day,
    # and no workshop on a day they lead a follow-up; six follow-ups from day 2 end on day 7.
    found = unit_counts.size_day(_blended((10,) * 6), 0, 9)
    assert found == (7, "facilitators", (1,), False)
    inst = _blended((10,) * 6)
    bound = rollout_bounds.Bound(3, "facilitators", (0, 1), 12, 0, {"facilitators": 3})
    raised = rollout_search.size_bound(inst, bound, 9)
    assert (raised.day, raised.resource, raised.modules, raised.demand, raised.leaders) == (
        7,
        "facilitators",
        (1, 1),
        6,
        1,
    )
    assert raised.combined
    # One may lead the workshops, two the follow-ups, once a week each: three cohorts'
    # follow-ups take two weeks (day 5), where they would end on day 4. The workshop's
    # one leader is tried first, but only without the follow-ups' two would the counts fit.
    weekly = replace(
        _blended((10,) * 3),
        weeks=(0,) * 5 + (1,) * 5,
        facilitators=(
            FacSpec(1, 10, (True,) * 10, frozenset({0})),
            FacSpec(1, 1, (True,) * 10, frozenset({1})),
            FacSpec(1, 1, (True,) * 10, frozenset({1})),
        ),
    )
    assert unit_counts.size_day(weekly, 0, 9) == (5, "facilitators", (1,), False)
    # Both bind together (each alone leaves the other's module to end on day 7): no set.
    both = unit_counts.size_day(_blended((10,) * 6, second=frozenset({1})), 0, 9)
    assert both == (7, "facilitators", None, False)
    # Without skills nobody in particular binds: the facilitators as a whole.
    plain = rollout_search.size_bound(_blended((10,) * 6, skills=False), bound, 9)
    assert (plain.resource, plain.leaders, plain.modules) == ("facilitators", None, (0, 1))


def test_the_size_count_is_not_made_when_too_large_and_proves_the_day_after_its_end() -> None:
    inst = _blended((10,) * 6)
    assert unit_counts.size_day(inst, 0, unit_counts.COLUMNS) is None
    # No fit by day 6: no plan ends by it, so day 7 (the caller's plan ends later).
    assert unit_counts.size_day(inst, 0, 6) == (7, "facilitators", (1,), False)
    bound = rollout_bounds.Bound(3, "facilitators", (0, 1), 12, 0, {"facilitators": 3})
    assert rollout_search.size_bound(inst, bound, 6).day == 7
    assert rollout_search.size_bound(inst, bound, 3) is bound  # no day after the bound
    # Twelve cohorts' follow-ups, one a day from day 2, end past the ten days: nothing.
    assert unit_counts.size_day(_blended((10,) * 12), 0, 9) is None
    assert rollout_search.size_bound(_blended((10,) * 12), bound, 9) is bound


def test_whole_counts_move_the_size_count_on_where_fractions_fit_sooner() -> None:
    # Sessions led in pairs, three facilitators present, one session a day each: one and a
    # half pairs a day in fractions, one whole. Three cohorts end on day 1 in fractions,
    # on day 2 in whole cohorts.
    pairs = rollout_instance.Instance(
        ns=1,
        ords=tuple(range(10)),
        weeks=(0,) * 10,
        modules=(ModSpec(2, True, 0),),
        span=None,
        sizes=(10, 10, 10),
        latest=((rollout_instance.NEVER,),) * 3,
        facilitators=(FacSpec(1, 10, (True,) * 10),) * 3,
        rooms=(12, 12),
    )
    assert unit_counts.size_day(pairs, 0, 9) == (2, "facilitators", None, True)
    # Not past the caller's last day, which its plan ends by.
    assert unit_counts.size_day(pairs, 0, 1) == (1, "facilitators", None, False)
    bound = rollout_bounds.Bound(1, "facilitators", (0, 0), 6, 0, {"facilitators": 1})
    raised = rollout_search.size_bound(pairs, bound, 9)
    assert (raised.day, raised.combined, raised.whole) == (2, True, True)
