"""A rollout whose largest room is smaller than the largest cohort allowed (issue 17).

The cohort split is part of the plan: when modules are held in person, no cohort larger
than the largest room can be held, so the planner splits within ``(min, largest room)``
and refuses only a unit that no balanced split within that range fits.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

from ledarutveckling import ValidationError
from ledarutveckling._rollout.problem import held_sizes
from ledarutveckling.scheduling import RolloutUnit, Room, check_rollout, plan_rollout, replan
from tests.test_rollout_move import _rollout

pytest.importorskip("highspy")

D = pendulum.date
SMALL = [Room(name="Sal B", capacity=30)]


def test_the_sizes_in_force_are_capped_by_the_largest_room() -> None:
    rollout = _rollout(D(2027, 8, 16))
    assert (rollout.cohort_sizes, held_sizes(rollout)) == ((20, 40), (20, 40))
    small = attrs.evolve(rollout, rooms=SMALL)
    assert (small.cohort_sizes, held_sizes(small)) == ((20, 40), (20, 30))
    large = attrs.evolve(rollout, rooms=[Room(name="Aulan", capacity=200)])
    assert held_sizes(large) == (20, 40)


def test_a_rollout_with_only_a_30_seat_room_plans_in_cohorts_of_30() -> None:
    rollout = _rollout(
        D(2027, 8, 16), units=[RolloutUnit(name="Trafikkontoret", headcount=300)], rooms=SMALL
    )
    plan = plan_rollout(rollout)
    assert check_rollout(plan) == ()
    assert (plan.cohort_count, plan.end_date, plan.lower_bound) == (
        10,
        D(2027, 9, 20),
        D(2027, 9, 20),
    )
    assert {s.size for s in plan.sessions} == {30}
    assert {s.room for s in plan.sessions if s.room is not None} == {"Sal B"}
    assert plan.cohort_size == (20, 40)  # the rollout's own range, as documented


def test_a_unit_no_split_fits_the_largest_room_is_refused_naming_the_room() -> None:
    with pytest.raises(ValidationError) as caught:
        _rollout(
            D(2027, 8, 16),
            units=[
                RolloutUnit(name="Trafikkontoret", headcount=35),
                RolloutUnit(name="Stadsbyggnadskontoret", headcount=300),
            ],
            rooms=SMALL,
        )
    (problem,) = caught.value.problems
    assert (problem.path, problem.value, problem.code, problem.params) == (
        "units[0].headcount",
        35,
        "rollout-no-room-for-split",
        {"unit": "Trafikkontoret", "people": 35, "seats": 30, "least": 20},
    )
    assert problem.message == (
        "Trafikkontoret: 35 participants cannot be split into cohorts that fit the largest "
        "room (30 seats) with at least 20 per cohort"
    )


def test_replan_after_losing_the_largest_room_splits_the_units_not_started() -> None:
    # Trafikkontoret's two cohorts of 40 were all held (in Sal A) before 1 October;
    # Stadsbyggnadskontoret (80, not before 1 November) was to meet in two cohorts of 40.
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=80),
        RolloutUnit(
            name="Stadsbyggnadskontoret", headcount=80, not_before={"ABW-2": D(2027, 11, 1)}
        ),
    ]
    rollout = _rollout(D(2027, 8, 16), units=units)
    previous = plan_rollout(rollout)
    assert [(s.unit, s.cohort, s.size, s.room) for s in previous.sessions if s.room] == [
        ("Trafikkontoret", 1, 40, "Sal A"),
        ("Trafikkontoret", 2, 40, "Sal A"),
        ("Stadsbyggnadskontoret", 1, 40, "Sal A"),
        ("Stadsbyggnadskontoret", 2, 40, "Sal A"),
    ]
    result = replan(previous, attrs.evolve(rollout, rooms=SMALL), D(2027, 10, 1))
    plan = result.plan
    assert [(s.date, s.unit, s.cohort, s.size, s.module, s.room) for s in plan.sessions] == [
        (D(2027, 8, 16), "Trafikkontoret", 1, 40, "ABW-2", "Sal A"),
        (D(2027, 8, 16), "Trafikkontoret", 2, 40, "ABW-2", "Sal A"),
        (D(2027, 9, 15), "Trafikkontoret", 1, 40, "ABW-3", None),
        (D(2027, 9, 15), "Trafikkontoret", 2, 40, "ABW-3", None),
        (D(2027, 11, 1), "Stadsbyggnadskontoret", 1, 27, "ABW-2", "Sal B"),
        (D(2027, 11, 1), "Stadsbyggnadskontoret", 2, 27, "ABW-2", "Sal B"),
        (D(2027, 11, 2), "Stadsbyggnadskontoret", 3, 26, "ABW-2", "Sal B"),
        (D(2027, 12, 1), "Stadsbyggnadskontoret", 1, 27, "ABW-3", None),
        (D(2027, 12, 1), "Stadsbyggnadskontoret", 2, 27, "ABW-3", None),
        (D(2027, 12, 2), "Stadsbyggnadskontoret", 3, 26, "ABW-3", None),
    ]
    assert len(result.held) == 4
    # Only the held sessions name the room that is gone.
    assert [p.path for p in check_rollout(plan)] == ["sessions[0].room", "sessions[1].room"]
