"""The cohort split is part of the plan (issue 17).

The issue's case: 2,000 staff, 4 facilitators, rooms of 40 and 30, the summer weeks 27-32
blocked. Split into the fewest cohorts (38-40 people) the 30-seat room is never used; the
planner now also tries cohorts that fit it, and bounds the plan over every split.
"""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
    ValidationError,
)
from ledarutveckling._rollout import deadline_capacity, planner
from ledarutveckling._rollout import split as rollout_split
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.plan import DeadlinesGivenUp, RolloutPlan
from ledarutveckling._rollout.planner_setup import _Setup
from ledarutveckling._rollout.problem import Rollout, held_sizes
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    check_rollout,
    plan_rollout,
)
from tests.test_rollout_bound import OverBudgetError, optimum
from tests.test_rollout_move import _rollout

pytest.importorskip("highspy")


D = pendulum.date
H = pendulum.duration


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
    over = rollout_split.OverSplits(rollout)
    assert (over.caps, over.fewest, over.most) == ([30], 51, 100)
    # 51 cohorts are all larger than 30: the bound's rollout is the rollout itself.
    problem, split = over.problem(51, 51)
    assert problem is rollout
    assert _shape(split) == [(23, 31, 31), (13, 31, 31), (15, 31, 31)]
    # 58 cohorts have at least 28 larger than 30 (Trafikkontoret in 30 of 30, the others
    # in their fewest): 7 more, in a unit of their own, all of the smallest size.
    problem, split = over.problem(58, 58)
    assert [(u.name, u.headcount) for u in problem.units[3:]] == [("+", 20)]
    assert _shape(split) == [(23, 31, 31), (13, 31, 20), (15, 20, 20), (7, 20, 20)]
    # From 51 to 100 cohorts: some split has none larger than 30, so the 51 are all small.
    assert _shape(over.problem(51, 100)[1]) == [(23, 20, 20), (13, 20, 20), (15, 20, 20)]
    assert _shape(over.split(58, 0)) == [(30, 30, 30), (13, 39, 38), (15, 40, 40)]
    assert _shape(over.split(60, 0)) == [(23, 40, 39), (17, 30, 29), (20, 30, 30)]


def test_the_added_unit_of_the_relaxed_rollout_takes_a_name_of_its_own() -> None:
    rollout = _rollout(D(2027, 8, 16), units=[RolloutUnit(name="+", headcount=600)])
    more, split = rollout_split.OverSplits(rollout).problem(20, 20)
    assert [u.name for u in more.units] == ["+", "++"]
    assert split == ((20,) * 15, (20,) * 5)


def test_units_with_move_dates_keep_their_fewest_cohorts_of_the_smallest_size() -> None:
    rollout = _rollout(D(2027, 8, 16))
    moving = attrs.evolve(rollout.units[0], not_before={"ABW-2": D(2027, 9, 1)})
    rollout = attrs.evolve(rollout, units=[moving, *rollout.units[1:]])
    over = rollout_split.OverSplits(rollout)
    assert (over.moving_fewest, over.moving_most, over.others_fewest, over.others_most) == (
        23,
        45,
        28,
        55,
    )
    # The moving unit's cohorts are counted small; the others' 28 all larger than 30, as
    # with 51 cohorts in all: the moving unit could take every count above its fewest.
    _, split = over.problem(51, 51)
    assert _shape(split) == [(23, 20, 20), (13, 31, 31), (15, 31, 31)]
    # 100 cohorts: the others in cohorts of 30 or fewer (at least 37 of them), and the
    # moving unit, first in order, takes the rest.
    assert _shape(over.split(100, 0)) == [(45, 20, 20), (25, 20, 20), (30, 20, 20)]
    assert _shape(over.split(80, 0)) == [(43, 21, 20), (17, 30, 29), (20, 30, 30)]


def _stand_in(day: pendulum.Date) -> LowerBound:
    return LowerBound(
        date=day,
        resource=BindingResource.ROOMS,
        first_module="ABW-2",
        last_module="ABW-3",
        demand=0,
        facilitators=4,
        rooms=2,
        min_size=20,
        by_resource={},
    )


def _rooms_alike(problem: Rollout, split: rollout_split.Split) -> LowerBound:
    """A stand-in bound: later with more cohorts, and with more of them larger than 30."""
    count = sum(len(sizes) for sizes in split)
    large = sum(1 for sizes in split for size in sizes if size > 30)
    return _stand_in(D(2027, 9, 1).add(days=max(count - 50, 2 * large - 40)))


def test_the_branch_and_bound_halves_the_earliest_range_until_it_is_one_count() -> None:
    over = rollout_split.OverSplits(_rollout(D(2027, 8, 16)))
    seen: list[rollout_split.Split] = []

    def counted(problem: Rollout, split: rollout_split.Split) -> LowerBound:
        seen.append(split)
        return _rooms_alike(problem, split)

    found, count = over.bound(counted)
    each = {c: _rooms_alike(*over.problem(c, c)).date for c in range(over.fewest, over.most + 1)}
    assert found is not None
    assert (found.date, count) == (min(each.values()), 60) == (D(2027, 9, 11), 60)
    assert min(c for c, day in each.items() if day == found.date) == 60
    # Each relaxation is proven once (a range's is often its half's), far fewer than the
    # 50 counts.
    assert len(seen) == len(set(seen)) == 10


def test_the_branch_and_bound_stops_at_its_budget_and_with_no_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rollout = _rollout(D(2027, 8, 16))
    over = rollout_split.OverSplits(rollout)
    calls: list[int] = []

    def alike(problem: Rollout, split: rollout_split.Split) -> LowerBound:
        calls.append(sum(len(sizes) for sizes in split))
        return _stand_in(D(2027, 9, 1))

    # Every range ties: the narrowest and fewest are halved first, down to 51 alone.
    found, count = over.bound(alike)
    assert found is not None
    assert (found.date, count, len(calls)) == (D(2027, 9, 1), 51, 8)
    # A budget of three bounds, checked before each halving: the whole range, its later
    # half (the earlier half's relaxation is the whole range's), then the earlier half's
    # halves.
    calls.clear()
    monkeypatch.setattr(rollout_split, "BOUND_EVALUATIONS", 3)
    assert over.bound(alike) == (_stand_in(D(2027, 9, 1)), 51)
    assert calls == [51, 76, 51, 64]


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


def _limited(rollout: Rollout) -> Rollout:
    """*rollout* with Trafikkontoret at most 100 away at once."""
    limited = attrs.evolve(rollout.units[0], max_away=100)
    return attrs.evolve(rollout, units=[limited, *rollout.units[1:]])


def test_a_unit_that_limits_its_staff_away_keeps_its_fewest_while_the_others_fit_the_room() -> None:
    rollout = _limited(_rollout(D(2027, 8, 16)))
    assert [_shape(s) for s in rollout_split.candidates(rollout)] == [
        [(23, 40, 39), (13, 39, 38), (15, 40, 40)],
        # Trafikkontoret's 36 cohorts of 25 are held four at once within its 100.
        [(36, 25, 25), (13, 39, 38), (15, 40, 40)],
        # Only the units without a limit fit the 30-seat room: Trafikkontoret keeps its
        # fewest, largest cohorts.
        [(23, 40, 39), (17, 30, 29), (20, 30, 30)],
        [(30, 30, 30), (17, 30, 29), (20, 30, 30)],
        [(30, 30, 30), (13, 39, 38), (15, 40, 40)],
    ]


def test_a_unit_given_up_takes_the_fewest_cohorts_of_a_smaller_room_its_limit_allows() -> None:
    rooms = [Room(name=f"Sal {c}", capacity=c) for c in (40, 30, 24)]
    rollout = _limited(_rollout(D(2027, 8, 16), rooms=rooms))
    fewest = rollout_split.candidates(rollout)[0]
    asked: list[int] = []

    def thirty_proven(r: Rollout, split: rollout_split.Split) -> frozenset[int]:
        asked.append(len(split[0]))
        return frozenset({0}) if len(split[0]) == 30 else frozenset()

    # 30 cohorts of 30 are proven out of reach; 38 of 23-24 (the 24-seat room) are not.
    raised = rollout_split.away_raised(rollout, fewest, frozenset({0, 1}), thirty_proven)
    assert raised is not None
    assert _shape(raised) == [(38, 24, 23), (13, 39, 38), (15, 40, 40)]
    assert asked == [30, 38]
    # Every smaller room's count proven out of reach, or no unit that limits its staff
    # away: the split is kept.
    always = rollout_split.away_raised(rollout, fewest, frozenset({0}), lambda r, s: frozenset({0}))
    assert always is None
    assert rollout_split.away_raised(rollout, fewest, frozenset({1}), thirty_proven) is None


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
    assert plan_rollout(rollout) == planner._plan(rollout)


def test_the_issues_case_ends_earlier_with_cohorts_that_fit_the_30_seat_room() -> None:
    rollout = _rollout(D(2027, 8, 16))
    fewest = planner._plan(rollout)
    chosen = plan_rollout(rollout)
    assert (fewest.end_date, fewest.cohort_count) == (D(2027, 10, 20), 51)
    assert {s.room for s in fewest.sessions} == {"Sal A", None}
    # Trafikkontoret in 30 cohorts of 30, the others in 38-40: the 30-seat room takes about
    # half (28 of Trafikkontoret's workshops, the 40-seat room the other two and the 28
    # larger cohorts').
    assert (chosen.end_date, chosen.cohort_count) == (D(2027, 10, 4), 58)
    rooms = [s.room for s in chosen.sessions if s.room is not None]
    assert (rooms.count("Sal A"), rooms.count("Sal B")) == (30, 28)
    assert check_rollout(chosen) == ()
    # The bound holds for every split: at most each candidate's own.
    assert chosen.lower_bound == D(2027, 10, 4) == chosen.end_date
    for candidate in rollout_split.candidates(rollout):
        own = planner._split_bound(rollout, candidate)
        assert own is not None
        assert chosen.lower_bound <= own.date
    assert chosen.bound.explain() == (
        "Det är lokalerna som begränsar planen: 58 träffar på plats i ABW-2–ABW-3 med "
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


def _three_units(start: pendulum.Date) -> Rollout:
    """The review's three units (``benchmarks/rollout_review.py``, case 1) from *start*."""
    program = Program(
        code="ABW-FI",
        title="Flytten",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.LONG_PROGRAM,
        cohort_size=(16, 30),
        max_span_days=70,
        modules=(
            Module(code="S1", title="Intro", duration=H(hours=1), format=DeliveryFormat.SELF_PACED),
            Module(
                code="W",
                title="Workshop",
                duration=H(hours=3),
                format=DeliveryFormat.IN_PERSON,
                min_days_after_previous=7,
            ),
            Module(
                code="F",
                title="Uppföljning",
                duration=H(minutes=90),
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=21,
            ),
        ),
    )
    weeks = [("sportlov", 9, 9), ("sommar", 27, 32), ("jul", 51, 52)]
    moving = {"before": ("S1", "W"), "after": ("F",)}
    return Rollout(
        program=program,
        units=[
            RolloutUnit.moving(
                name="Trafikkontoret",
                headcount=1200,
                move_date=D(2027, 6, 18),
                max_away=100,
                **moving,
            ),
            RolloutUnit(name="Miljöförvaltningen", headcount=900, deadlines={"F": D(2027, 10, 1)}),
            RolloutUnit.moving(
                name="Kulturförvaltningen",
                headcount=700,
                move_date=D(2027, 4, 30),
                max_away=60,
                **moving,
            ),
        ],
        facilitators=[
            Facilitator(name="Anna", modules=["W"]),
            Facilitator(name="Per", modules=["F"]),
            Facilitator(name="Sara", absences=[DateRange(start=D(2027, 4, 5), end=D(2027, 4, 16))]),
            Facilitator(name="Olle", max_sessions_per_week=4),
            Facilitator(name="Eva"),
        ],
        rooms=[Room(name=n, capacity=c) for n, c in (("Stora", 30), ("Mellan", 24), ("Lilla", 18))],
        calendar=WorkingCalendar.sweden(
            blackouts=[Blackout.iso_weeks(name, 2027, a, b) for name, a, b in weeks]
        ),
        slots=[
            SessionSlot(start=dt.time(8, 30), end=dt.time(11, 30)),
            SessionSlot(start=dt.time(12, 30), end=dt.time(15, 30)),
        ],
        start=start,
    )


def test_the_three_units_end_on_the_bound_with_the_limited_units_fewest() -> None:
    rollout = _three_units(D(2027, 4, 7))
    chosen = plan_rollout(rollout)
    cohorts = [len({s.cohort for s in chosen.sessions if s.unit == u.name}) for u in rollout.units]
    # Miljöförvaltningen, without a limit on staff away, fits the 24-seat room; the two
    # moving units keep their fewest, largest cohorts (30 June before).
    assert cohorts == [40, 38, 24]
    # Trafikkontoret's limit of 100 away, with the facilitators who may lead its workshop
    # and follow-up counted, proves 29 June for every split (28 June before they were).
    assert (chosen.end_date, chosen.lower_bound) == (D(2027, 6, 29), D(2027, 6, 29))
    bound = chosen.bound
    assert (bound.resource, bound.unit, bound.at_once, bound.demand) == (
        BindingResource.AWAY,
        "Trafikkontoret",
        3,
        80,
    )
    assert all(chosen.deadlines_met.values())
    assert chosen.given_up == ()
    assert check_rollout(chosen) == ()


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


def _given_up(plan: RolloutPlan) -> RolloutPlan:
    return attrs.evolve(plan, given_up=(DeadlinesGivenUp(unit="Trafikkontoret", proven=False),))


@pytest.mark.parametrize(
    ("raised", "expected"),
    [("better", "chosen"), ("refused", "given up"), ("later", "given up")],
)
def test_a_plan_that_gives_up_a_limited_unit_is_planned_again_with_it_in_smaller_cohorts(
    raised: str, expected: str
) -> None:
    rollout = _limited(_rollout(D(2027, 8, 16)))
    fewest, chosen = _plans(rollout)
    given_up = _given_up(fewest)
    tried: list[rollout_split.Split | None] = []

    def plan(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        tried.append(split)
        if split is None or len(split[0]) != 30 or len(split[1]) != 13:
            return given_up
        if raised == "refused":
            raise ValidationError.single("units", 0, "no plan")
        return chosen if raised == "better" else attrs.evolve(given_up, sessions=())

    # The fewest split's plan ends on its bound, but gives up Trafikkontoret's deadlines:
    # its split is planned again with Trafikkontoret in cohorts of 30.
    found = rollout_split.choose(
        rollout, plan, lambda r, s: fewest.bound, away_missed=lambda r, s: frozenset()
    )
    assert [s if s is None else _shape(s) for s in tried] == [
        None,
        [(30, 30, 30), (13, 39, 38), (15, 40, 40)],
    ]
    assert found.end_date == (chosen if expected == "chosen" else given_up).end_date
    assert bool(found.given_up) == (expected == "given up")


def test_the_planners_away_proof_names_the_units_whose_limit_misses_their_deadlines() -> None:
    rollout = _limited(_rollout(D(2027, 8, 16)))
    fewest = rollout_split.candidates(rollout)[0]
    assert planner._away_missed(rollout, fewest) == frozenset()
    # One cohort of 39-40 away at a time: 23 sessions of ABW-1 do not fit in the 10 slots
    # of the first week.
    held = _rollout(D(2027, 8, 16), DeliveryFormat.IN_PERSON)
    tight = attrs.evolve(held.units[0], max_away=40, deadlines={"ABW-1": D(2027, 8, 21)})
    tight_rollout = attrs.evolve(held, units=[tight, *held.units[1:]])
    assert planner._away_missed(tight_rollout, fewest) == frozenset({0})


def test_a_split_only_the_large_room_takes_is_proven_to_miss_a_close_deadline() -> None:
    # Trafikkontoret's ABW-1, in person, before 26 August from 16 August: 16 slots. Its
    # fewest 23 cohorts of 39-40 fit only the 40-seat room (23 sessions in 16 slots); its
    # 30 cohorts of 30 fit both rooms (30 in 32). The count for every split (the fewest
    # cohorts in every room) proves nothing.
    held = _rollout(D(2027, 8, 16), DeliveryFormat.IN_PERSON)
    tight = attrs.evolve(held.units[0], deadlines={"ABW-1": D(2027, 8, 26)})
    rollout = attrs.evolve(held, units=[tight, *held.units[1:]])
    fewest, capped = rollout_split.candidates(rollout)[:2]
    assert [_shape(fewest)[0], _shape(capped)[0]] == [(23, 40, 39), (30, 30, 30)]
    assert planner._split_missed(rollout, fewest) == frozenset({0})
    assert planner._split_missed(rollout, capped) == frozenset()
    assert deadline_capacity.deadlines_missed(_Setup(rollout, split=fewest), rollout) == {}


@pytest.mark.parametrize("kept", [True, False])
def test_splits_proven_to_miss_deadlines_are_planned_last_or_not_at_all(kept: bool) -> None:
    rooms = [Room(name=n, capacity=c) for n, c in (("A", 40), ("B", 30), ("C", 24))]
    rollout = _limited(_rollout(D(2027, 8, 16), rooms=rooms))
    fewest, _ = _plans(rollout)
    # A plan of the same sessions, but with a deadline for Trafikkontoret it misses.
    late = attrs.evolve(rollout.units[0], deadlines={"ABW-2": D(2027, 8, 16)})
    missing = attrs.evolve(fewest, rollout=attrs.evolve(rollout, units=[late, *rollout.units[1:]]))
    assert not missing.deadlines_met["Trafikkontoret"]
    first = rollout_split.candidates(rollout)[0]
    early = attrs.evolve(fewest.bound, date=D(2027, 8, 16))  # no plan reaches it
    tried: list[rollout_split.Split | None] = []

    def plan(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        tried.append(split)
        return fewest if kept else missing

    # The fewest split is proven to miss Trafikkontoret's deadlines; its limit proves its
    # 30 cohorts of the 30-seat room out of reach too, so the raised split has its 38 of
    # the 24-seat room: new, and planned first (proven to miss nothing, the same bound).
    found = rollout_split.choose(
        rollout,
        plan,
        lambda r, s: early,
        away_missed=lambda r, s: frozenset({0}) if len(s[0]) == 30 else frozenset(),
        missed=lambda r, s: frozenset({0}) if s == first else frozenset(),
    )
    # A plan that meets every deadline skips the fewest split (its plans miss one unit's);
    # plans that miss one plan the others first, and then MAX_SPLITS are planned.
    assert [s if s is None else _shape(s) for s in tried] == [
        [(38, 24, 23), (13, 39, 38), (15, 40, 40)],
        [(36, 25, 25), (13, 39, 38), (15, 40, 40)],
        [(23, 40, 39), (17, 30, 29), (20, 30, 30)],
        [(30, 30, 30), (17, 30, 29), (20, 30, 30)],
        [(30, 30, 30), (13, 39, 38), (15, 40, 40)],
    ]
    assert len(tried) == rollout_split.MAX_SPLITS
    assert found.deadlines_met["Trafikkontoret"] is kept


def test_without_a_split_on_the_bound_the_earliest_own_bounds_are_planned_first() -> None:
    rollout = _limited(_rollout(D(2027, 8, 16)))
    fewest, _ = _plans(rollout)
    early, middle, late = (attrs.evolve(fewest.bound, date=D(2027, 8, d)) for d in (16, 17, 18))
    tried: list[rollout_split.Split | None] = []

    def plan(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        tried.append(split)
        return fewest

    counted: list[rollout_split.Split] = []
    first = rollout_split.candidates(rollout)[0]

    def missed(r: Rollout, split: rollout_split.Split) -> frozenset[int]:
        counted.append(split)
        return frozenset({0}) if split == first else frozenset()

    def bound(r: Rollout, split: rollout_split.Split) -> LowerBound | None:
        if not counted:  # the relaxations, before the splits are counted: 16 August
            return early
        return late if len(split[0]) == 30 else middle if len(split[0]) == 36 else None

    # No split's own bound is the bound over every split (16 August): every one is proven,
    # and Trafikkontoret's 36 cohorts (17 August) are planned first, then its 30 cohorts
    # (18 August), in the order they were tried; the stand-in's plan ends after those own
    # bounds, so each is planned, and those without a bound (none within two years) are
    # not. The fewest split, proven to miss Trafikkontoret's deadlines (its raised split
    # was tried already), comes last and is not planned either.
    rollout_split.choose(rollout, plan, bound, away_missed=lambda r, s: frozenset(), missed=missed)
    assert [s if s is None else _shape(s) for s in tried] == [
        [(36, 25, 25), (13, 39, 38), (15, 40, 40)],
        [(30, 30, 30), (17, 30, 29), (20, 30, 30)],
        [(30, 30, 30), (13, 39, 38), (15, 40, 40)],
    ]


def test_a_plan_given_up_is_not_planned_again_with_a_split_already_tried() -> None:
    rollout = _limited(_rollout(D(2027, 8, 16), rooms=[Room(name="A", capacity=40)]))
    fewest, _ = _plans(rollout)
    tried: list[rollout_split.Split | None] = []

    def plan(r: Rollout, split: rollout_split.Split | None) -> RolloutPlan:
        tried.append(split)
        return _given_up(fewest)

    # No smaller room: nothing to raise, the given-up plan is kept.
    found = rollout_split.choose(
        rollout, plan, lambda r, s: fewest.bound, away_missed=lambda r, s: frozenset()
    )
    assert tried == [None]
    assert found.given_up
    # A bound no plan reaches: every split is planned, the raised one (Trafikkontoret in
    # 30 cohorts of 30, the others in their fewest) among them, and not planned again.
    rollout = _limited(_rollout(D(2027, 8, 16)))
    fewest, _ = _plans(rollout)
    early = attrs.evolve(fewest.bound, date=D(2027, 8, 16))
    tried.clear()
    found = rollout_split.choose(
        rollout, plan, lambda r, s: early, away_missed=lambda r, s: frozenset()
    )
    shapes = [s if s is None else _shape(s) for s in tried]
    assert len(shapes) == rollout_split.MAX_SPLITS
    assert shapes.count([(30, 30, 30), (13, 39, 38), (15, 40, 40)]) == 1
    assert found.given_up


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
    # The counted bound is the same where none is found within a year.
    counted = planner._counted_bound(rollout, rollout_split.candidates(rollout)[1], D(2029, 1, 1))
    assert counted == found


# -- the bound over every split against every split's exhaustive optimum --------------------


@st.composite
def _tiny_moves(draw: st.DrawFn) -> Rollout:
    """A tiny move whose every split is planned exhaustively: at most five cohorts in all.

    One or two units (the first perhaps with a move date and a limit on staff away), rooms
    of 12 and a smaller one, one or two modules, one slot a day.
    """
    hour = pendulum.duration(hours=1)
    modules = [Module(code="A", title="A", duration=hour, format=DeliveryFormat.IN_PERSON)]
    if draw(st.booleans()):
        modules.append(
            Module(
                code="B",
                title="B",
                duration=hour,
                format=draw(st.sampled_from([DeliveryFormat.IN_PERSON, DeliveryFormat.DIGITAL])),
                min_days_after_previous=draw(st.integers(0, 3)),
                facilitators=draw(st.integers(1, 2)),
            )
        )
    program = Program(
        code="T",
        title="T",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.SHORT_INTERVENTION,
        cohort_size=(6, 12),
        max_span_days=draw(st.one_of(st.none(), st.integers(3, 10))),
        modules=tuple(modules),
    )
    start = D(2027, 1, 11)
    if draw(st.booleans()):
        heads = [draw(st.integers(13, 30))]
    else:
        heads = [draw(st.integers(12, 18)), draw(st.integers(6, 13))]
    first = RolloutUnit(
        name="Enhet 0",
        headcount=heads[0],
        not_before={"A": start.add(days=draw(st.integers(1, 8)))} if draw(st.booleans()) else {},
        max_away=draw(st.sampled_from([None, 12, 18])),
    )
    units = [first, *(RolloutUnit(name=f"Enhet {i}", headcount=h) for i, h in enumerate(heads))]
    del units[1]  # the second unit, when there is one, has neither move date nor limit
    rooms = [Room(name="Stor", capacity=12)]
    rooms.append(Room(name="Liten", capacity=draw(st.integers(6, 11))))
    return Rollout(
        program=program,
        units=units,
        facilitators=[
            Facilitator(
                name=name,
                max_sessions_per_day=draw(st.integers(1, 2)),
                max_sessions_per_week=draw(st.integers(2, 6)),
            )
            for name in ("Anna", "Johan")[
                : draw(st.integers(max(m.facilitators for m in modules), 2))
            ]
        ],
        rooms=rooms,
        calendar=WorkingCalendar.sweden(),
        slots=[SessionSlot(start=dt.time(9), end=dt.time(12))],
        start=start,
    )


def _every_split(rollout: Rollout) -> list[rollout_split.Split]:
    size = held_sizes(rollout)
    runs = [rollout_split.counts(unit.headcount, size) for unit in rollout.units]
    units = rollout.units
    return [
        tuple(rollout_split.balanced(u.headcount, c) for u, c in zip(units, chosen, strict=True))
        for chosen in itertools.product(*runs)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tiny_moves())
def test_no_split_has_a_plan_that_ends_before_the_bound_over_every_split(rollout: Rollout) -> None:
    over_all, _ = rollout_split.OverSplits(rollout).bound(planner._split_bound)
    ends = []
    for split in _every_split(rollout):
        setup = planner._Setup(rollout, split=split)
        try:
            best = optimum(setup.instance)
        except OverBudgetError:  # pragma: no cover - depends on the examples drawn
            event("exhaustive search over budget")
            return
        if best is not None:
            ends.append(setup.days[best])
    if not ends:  # pragma: no cover - depends on the examples drawn
        event("no split can be planned within a year")
        return
    assert over_all is not None
    assert over_all.date <= min(ends)
    event(f"splits: {len(ends)}, bound on the best split's optimum: {over_all.date == min(ends)}")


@st.composite
def _tiny_skilled_moves(draw: st.DrawFn) -> Rollout:
    """A tiny move of :func:`_tiny_moves` whose second facilitator may lead one module only."""
    rollout = draw(_tiny_moves())
    codes = [module.code for module in rollout.program.modules]
    team = list(rollout.facilitators)
    alone = all(module.facilitators == 1 for module in rollout.program.modules)
    if len(team) == 2 and len(codes) == 2 and alone and draw(st.booleans()):
        team[1] = attrs.evolve(team[1], modules=[draw(st.sampled_from(codes))])
    return attrs.evolve(rollout, facilitators=team)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tiny_skilled_moves())
def test_no_split_has_a_plan_that_ends_before_the_counted_bound_over_every_split(
    rollout: Rollout,
) -> None:
    # The bound a plan that ends well after the first one asks for: the cohorts counted by
    # the rooms that take them, with the skills (unit_counts.size_day), up to a year on.
    ends = []
    for split in _every_split(rollout):
        setup = planner._Setup(rollout, split=split)
        try:
            best = optimum(setup.instance)
        except OverBudgetError:  # pragma: no cover - depends on the examples drawn
            event("exhaustive search over budget")
            return
        if best is not None:
            ends.append(setup.days[best])
    if not ends:  # pragma: no cover - depends on the examples drawn
        event("no split can be planned within a year")
        return
    far = max(ends)

    def counted(relaxed: Rollout, split: rollout_split.Split) -> LowerBound | None:
        return planner._counted_bound(relaxed, split, far)

    over_all, _ = rollout_split.OverSplits(rollout).bound(counted)
    assert over_all is not None
    assert over_all.date <= min(ends)
    weak, _ = rollout_split.OverSplits(rollout).bound(planner._split_bound)
    assert weak is not None
    event(f"raised: {over_all.date > weak.date}, on the optimum: {over_all.date == min(ends)}")
