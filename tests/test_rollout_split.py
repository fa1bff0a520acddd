"""The cohort split is part of the plan (issue 17).

The issue's case: 2,000 staff, 4 facilitators, rooms of 40 and 30, the summer weeks 27-32
blocked. Split into the fewest cohorts (38-40 people) the 30-seat room is never used; the
planner now also tries cohorts that fit it, and bounds the plan over every split.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import DateRange, DeliveryFormat, ValidationError
from ledarutveckling._rollout import planner
from ledarutveckling._rollout import split as rollout_split
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling.scheduling import (
    Facilitator,
    RolloutUnit,
    Room,
    WorkingCalendar,
    check_rollout,
    plan_rollout,
)
from tests.test_rollout_move import _rollout

pytest.importorskip("highspy")


D = pendulum.date


def _shape(split: rollout_split.Split) -> list[tuple[int, int, int]]:
    """Each unit's cohorts: how many, the largest, the smallest."""
    return [(len(sizes), max(sizes), min(sizes)) for sizes in split]


def test_counts_are_the_run_of_balanced_splits_within_the_range() -> None:
    assert rollout_split.counts(900, (20, 40)) == range(23, 46)
    assert rollout_split.counts(41, (20, 40)) == range(2, 3)
    assert rollout_split.counts(45, (30, 40)) == range(0)
    assert rollout_split.balanced(900, 23) == (40,) * 3 + (39,) * 20


def test_the_issues_case_tries_the_fewest_cohorts_then_cohorts_that_fit_the_small_room() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest, small, mixed = rollout_split.candidates(rollout)
    assert _shape(fewest) == [(23, 40, 39), (13, 39, 38), (15, 40, 40)]
    assert _shape(small) == [(30, 30, 30), (17, 30, 29), (20, 30, 30)]
    # The 30-seat room is half the rooms: the largest unit's 30 cohorts of 30 are about
    # half of all 58.
    assert _shape(mixed) == [(30, 30, 30), (13, 39, 38), (15, 40, 40)]
    assert not rollout_split.dominated(rollout)
    # Cohorts of 30 or fewer (the small room) take at least 4 cohorts more in some unit
    # (500 people: 13 cohorts of 38-39, or 17 of 29-30).
    assert rollout_split.extra(rollout) == 4
    (same, same_split), (more, more_split) = rollout_split.relaxed(rollout)
    assert same is rollout
    assert same_split == ((40,) * 23, (39,) * 13, (40,) * 15)
    assert [(u.name, u.headcount) for u in more.units[3:]] == [(f"+{i}", 20) for i in range(1, 5)]
    assert more_split == ((20,) * 23, (20,) * 13, (20,) * 15, (20,), (20,), (20,), (20,))


def test_the_extra_units_of_the_relaxed_rollout_take_names_of_their_own() -> None:
    rollout = _rollout(D(2027, 8, 16), units=[RolloutUnit(name="+1", headcount=600)])
    _, (more, more_split) = rollout_split.relaxed(rollout)
    assert [u.name for u in more.units] == ["+1", "+1+", "+2", "+3", "+4", "+5"]
    assert more_split == ((20,) * 15, *((20,),) * 5)


def test_a_unit_too_small_for_a_cap_keeps_the_most_cohorts_it_allows() -> None:
    rooms = [Room(name="A", capacity=40), Room(name="B", capacity=21), Room(name="C", capacity=12)]
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=900),
        RolloutUnit(name="Liten", headcount=25),
    ]
    rollout = _rollout(D(2027, 8, 16), rooms=rooms, units=units)
    assert [_shape(s) for s in rollout_split.candidates(rollout)] == [
        [(23, 40, 39), (1, 25, 25)],
        [(43, 21, 20), (1, 25, 25)],
    ]
    alone = attrs.evolve(rollout, units=units[1:])
    assert [_shape(s) for s in rollout_split.candidates(alone)] == [[(1, 25, 25)]]
    assert rollout_split.dominated(alone)


def test_at_most_max_splits_are_tried() -> None:
    rooms = [Room(name=f"Sal {c}", capacity=c) for c in (40, 36, 32, 28, 24, 20)]
    rollout = _rollout(D(2027, 8, 16), rooms=rooms)
    found = rollout_split.candidates(rollout)
    assert len(found) == rollout_split.MAX_SPLITS == 5
    assert [max(max(s) for s in split) for split in found] == [40, 36, 39, 32, 39]


def _all_digital(rollout: Rollout) -> Rollout:
    modules = tuple(attrs.evolve(m, format=DeliveryFormat.DIGITAL) for m in rollout.program.modules)
    return attrs.evolve(rollout, program=attrs.evolve(rollout.program, modules=modules))


@pytest.mark.parametrize(
    "rollout",
    [
        _rollout(D(2027, 8, 16), cohort_size=(38, 40)),
        _rollout(D(2027, 8, 16), rooms=[Room(name="A", capacity=40), Room(name="C", capacity=40)]),
        _all_digital(_rollout(D(2027, 8, 16))),
    ],
    ids=["narrow range", "rooms alike", "no room needed"],
)
def test_the_fewest_cohorts_are_kept_when_no_split_can_do_better(rollout: Rollout) -> None:
    assert rollout_split.dominated(rollout)
    assert len(rollout_split.candidates(rollout)) == 1
    assert [problem for problem, _ in rollout_split.relaxed(rollout)] == [rollout]
    assert plan_rollout(rollout) == planner._plan(rollout)


def test_the_issues_case_ends_earlier_with_cohorts_that_fit_the_30_seat_room() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest = planner._plan(rollout)
    chosen = plan_rollout(rollout)
    assert (fewest.end_date, fewest.cohort_count) == (D(2027, 10, 20), 51)
    assert {s.room for s in fewest.sessions} == {"Sal A", None}
    # Trafikkontoret in 30 cohorts of 30, the others in 38-40: the 30-seat room takes half.
    assert (chosen.end_date, chosen.cohort_count) == (D(2027, 10, 4), 58)
    rooms = [s.room for s in chosen.sessions if s.room is not None]
    assert (rooms.count("Sal A"), rooms.count("Sal B")) == (29, 29)
    assert check_rollout(chosen) == ()
    # The bound holds for every split: the earlier of the relaxed rollouts' bounds, at most
    # each candidate's own.
    assert chosen.lower_bound == D(2027, 10, 4) == chosen.end_date
    for candidate in rollout_split.candidates(rollout):
        own = planner._split_bound(rollout, candidate)
        assert own is not None
        assert chosen.lower_bound <= own.date
    assert chosen.bound.explain() == (
        "Det är lokalerna som begränsar planen: 55 träffar på plats för ABW-2–ABW-3 med "
        "kohorter om minst 20 deltagare får inte plats i 2 lokaler före 4 oktober 2027 (en "
        "träff per lokal och pass, modulernas mellanrum medräknade)."
    )


def test_a_split_that_meets_the_move_dates_is_chosen_over_one_that_misses_them() -> None:
    rollout = _rollout(D(2027, 8, 16))
    moves = [attrs.evolve(u, deadlines={"ABW-3": D(2027, 10, 11)}) for u in rollout.units]
    rollout = attrs.evolve(rollout, units=moves)
    fewest = planner._plan(rollout)
    chosen = plan_rollout(rollout)
    assert (fewest.end_date, list(fewest.deadlines_met.values())) == (
        D(2027, 10, 20),
        [False, False, True],
    )
    assert (chosen.end_date, chosen.cohort_count) == (D(2027, 10, 4), 58)
    assert all(chosen.deadlines_met.values())
    assert check_rollout(chosen) == ()


def test_the_checker_accepts_any_balanced_split_and_finds_a_gap_in_the_numbers() -> None:
    chosen = plan_rollout(_rollout(D(2027, 8, 16)))
    renumbered = tuple(
        attrs.evolve(s, cohort=31) if (s.unit, s.cohort) == ("Trafikkontoret", 30) else s
        for s in chosen.sessions
    )
    problems = check_rollout(attrs.evolve(chosen, sessions=renumbered))
    assert [(p.path, p.value) for p in problems] == [("units[0]", [*range(1, 30), 31])]


# -- choose(), with stand-ins for the planner ----------------------------------------------


def _plans(rollout: Rollout) -> tuple[RolloutPlan, RolloutPlan]:
    fewest = planner._plan(rollout)
    return fewest, plan_rollout(rollout)


def test_a_refused_split_is_skipped_and_all_refused_raise_the_fewest_splits_error() -> None:
    rollout = _rollout(D(2027, 8, 16))
    _, chosen = _plans(rollout)
    refusal = ValidationError.single("units", 1, "no plan")

    def refuse_fewest(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        if split is None:
            raise refusal
        return chosen

    found = rollout_split.choose(rollout, refuse_fewest, planner._split_bound)
    assert found.end_date == chosen.end_date

    def refuse(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        raise ValidationError.single("units", 2, "later") if split else refusal

    with pytest.raises(ValidationError) as caught:
        rollout_split.choose(rollout, refuse, planner._split_bound)
    assert caught.value is refusal


def test_no_bound_within_two_years_leaves_it_to_the_fewest_split() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest, _ = _plans(rollout)
    found = rollout_split.choose(rollout, lambda r, s: fewest, lambda r, s: None)
    assert found is fewest


def test_a_plan_on_the_bound_stops_the_search() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest, _ = _plans(rollout)
    tried: list[rollout_split.Split | None] = []

    def on_bound(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        tried.append(split)
        return fewest

    found = rollout_split.choose(rollout, on_bound, lambda r, s: fewest.bound)
    assert (tried, found.end_date) == ([None], fewest.end_date)


# -- the chosen plan is never later than the fewest cohorts' --------------------------------


@st.composite
def _small_rollouts(draw: st.DrawFn) -> Rollout:
    heads = draw(st.lists(st.integers(60, 400), min_size=1, max_size=3))
    low = draw(st.integers(10, 20))
    high = draw(st.integers(30, 40))
    capacities = draw(st.lists(st.integers(low, high), min_size=0, max_size=2))
    rollout = _rollout(D(2027, draw(st.integers(1, 11)), 1))
    return attrs.evolve(
        rollout,
        units=[RolloutUnit(name=f"Enhet {i}", headcount=h) for i, h in enumerate(heads)],
        rooms=[Room(name=f"Sal {i}", capacity=c) for i, c in enumerate([high, *capacities])],
        facilitators=[Facilitator(name=n) for n in ("Anna", "Johan")[: draw(st.integers(1, 2))]],
        cohort_size=(low, high),
        calendar=WorkingCalendar.sweden(),
        slots=rollout.slots[: draw(st.integers(1, 2))],
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_small_rollouts())
def test_the_chosen_plan_is_never_later_than_the_fewest_cohorts_plan(rollout: Rollout) -> None:
    chosen = plan_rollout(rollout)
    fewest = planner._plan(rollout)
    assert check_rollout(chosen) == ()
    assert chosen.end_date <= fewest.end_date
    assert chosen.lower_bound <= chosen.end_date


def test_a_later_split_that_ends_no_earlier_is_not_kept() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest, chosen = _plans(rollout)
    found = rollout_split.choose(
        rollout,
        lambda r, s: chosen if s is None else fewest,
        lambda r, s: attrs.evolve(chosen.bound, date=D(2027, 9, 1)),
    )
    assert (found.end_date, found.cohort_count) == (chosen.end_date, 58)


@pytest.mark.parametrize(("until", "bound"), [("2028-10-01", D(2028, 12, 5)), ("2030-01-01", None)])
def test_a_splits_bound_looks_two_years_ahead_then_gives_up(
    until: str, bound: pendulum.Date | None
) -> None:
    away = [DateRange.from_iso("2027-08-01", until)]
    rollout = _rollout(
        D(2027, 8, 16), facilitators=[Facilitator(name=n, absences=away) for n in ("A", "B")]
    )
    found = planner._split_bound(rollout, rollout_split.candidates(rollout)[1])
    assert (found.date if found else None) == bound
