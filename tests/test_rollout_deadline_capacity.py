"""A unit's deadlines proven out of reach by the facilitators or rooms before them (issue 17).

A unit that moves holds its first modules between the start its span allows and its move
date. When the facilitators who may lead those modules, or the rooms, cannot hold its
sessions in those days, no plan keeps its deadlines, whatever its split: the plan says so
(``DeadlinesGivenUp`` with ``resource`` facilitators or rooms) instead of "not found".
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from ledarutveckling import DateRange, ProblemCode, ValidationError
from ledarutveckling._rollout import away as rollout_away
from ledarutveckling._rollout import deadline_capacity, planner
from ledarutveckling._rollout import split as rollout_split
from ledarutveckling._rollout.instance import NEVER, FacSpec, Instance, ModSpec, _Capacities
from ledarutveckling.errors import MISSING
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import (
    BindingResource,
    DeadlinesGivenUp,
    Facilitator,
    Rollout,
    RolloutPlan,
    check_rollout,
    plan_rollout,
)
from ledarutveckling.serialization import from_json, from_toml, to_json, to_toml
from tests.test_rollout_constraints import PROVEN, _digital, _moving

pytest.importorskip("highspy")

D = pendulum.date


# -- the count on small instances ------------------------------------------------------------


def _inst(
    facilitators: tuple[FacSpec, ...], rooms: tuple[int, ...] = (30,), days: int = 10
) -> Instance:
    """One slot a day, two ISO weeks of five days; a digital module, then one in person."""
    return Instance(
        ns=1,
        ords=tuple(range(days)),
        weeks=tuple(day // 5 for day in range(days)),
        modules=(ModSpec(1, False, 0), ModSpec(1, True, 0)),
        span=None,
        sizes=(20,) * 4,
        latest=((NEVER, NEVER),) * 4,
        facilitators=facilitators,
        rooms=rooms,
    )


def _fac(*skills: int, week: int = 3, away: tuple[int, ...] = ()) -> FacSpec:
    return FacSpec(1, week, tuple(day not in away for day in range(10)), frozenset(skills))


def test_the_first_window_too_small_for_those_who_may_lead_its_modules_is_named() -> None:
    inst = _inst((_fac(0), _fac(1)))
    early, late = [[2, 3]], [[4, 6]]
    # Module 0 in days 2-4: its one leader gives 3 sessions (a day each), 4 are needed.
    assert deadline_capacity.capacity_deadlines_missed(inst, early, late, [4]) == {
        0: deadline_capacity.CapacityMiss(0, "facilitators", 4, 2, 4, 4, 4, 3, 1, 3)
    }
    # Three cohorts fit: 3 in days 2-4; module 1 in days 3-6, 2 a week in each week; both
    # modules in days 2-6, 5 + 5 sessions for 6; the room has 4 and 5 slots for 3.
    assert deadline_capacity.capacity_deadlines_missed(inst, early, late, [3]) == {}
    # The week's cap counts: capped at 2 a week, module 0's leader gives 2 in days 2-4.
    capped = _inst((_fac(0, week=2), _fac(1)))
    assert deadline_capacity.capacity_deadlines_missed(capped, early, late, [3]) == {
        0: deadline_capacity.CapacityMiss(0, "facilitators", 3, 2, 4, 3, 3, 2, 1, 3)
    }
    # A unit skipped, with no cohort, or without deadlines is not counted.
    assert deadline_capacity.capacity_deadlines_missed(inst, early, late, [4], skip={0}) == {}
    assert deadline_capacity.capacity_deadlines_missed(inst, early, late, [0]) == {}
    assert deadline_capacity.capacity_deadlines_missed(inst, early, [[NEVER] * 2], [9]) == {}


def test_a_leader_of_either_module_counts_for_both_and_absences_are_left_out() -> None:
    early, late = [[2, 3]], [[4, 6]]
    # Module 1 alone (days 3-6): its one leader, away on days 3 and 4, gives 2 for 3.
    alone = _inst((_fac(0, week=5), _fac(1, away=(3, 4))))
    assert deadline_capacity.capacity_deadlines_missed(alone, early, late, [3]) == {
        0: deadline_capacity.CapacityMiss(0, "facilitators", 3, 3, 6, 3, 3, 2, 1, 4)
    }
    # A leader of both modules gives 3 to module 0 (days 2-4) and 4 to module 1 (days 3-6),
    # but 5 to both together (days 2-6, 3 a week), for 6; the other leader is away.
    both = _inst((_fac(0, 1), _fac(1, away=(2, 3, 4, 5, 6))))
    assert deadline_capacity.capacity_deadlines_missed(both, early, late, [3]) == {
        0: deadline_capacity.CapacityMiss(0, "facilitators", 3, 2, 6, 6, 6, 5, 2, 5)
    }


def test_in_person_sessions_beyond_the_rooms_slots_are_named_as_the_rooms() -> None:
    # Two leaders of each module; module 1's 5 sessions in days 3-6 need 5 room slots: one
    # room has 4. Without a room no in-person session fits; with two, 5 fit.
    facilitators = (_fac(0, week=5), _fac(0, week=5), _fac(1), _fac(1))
    early, late = [[0, 3]], [[4, 6]]
    one = _inst(facilitators, rooms=(30,))
    assert deadline_capacity.capacity_deadlines_missed(one, early, late, [5]) == {
        0: deadline_capacity.CapacityMiss(0, "rooms", 5, 3, 6, 5, 5, 4, 1, 4)
    }
    assert (
        deadline_capacity.capacity_deadlines_missed(
            dataclasses.replace(one, rooms=(30, 30)), early, late, [5]
        )
        == {}
    )


def test_a_window_that_closes_before_it_opens_has_no_slot() -> None:
    inst = _inst((_fac(0), _fac(1)))
    assert deadline_capacity.capacity_deadlines_missed(inst, [[5, 6]], [[4, 6]], [1]) == {
        0: deadline_capacity.CapacityMiss(0, "facilitators", 1, 5, 4, 1, 1, 0, 1, 0)
    }


# -- the planner -----------------------------------------------------------------------------


def _absent(back: pendulum.Date) -> Rollout:
    """Trafikkontoret alone, moving on 29 October 2027; ABW-2's two leaders away until *back*.

    Its ABW-2 sessions may be held from 6 September (the span back from the follow-ups
    after the move, and the gap after ABW-1) and must be held by 28 October.
    """
    away = [DateRange(start=D(2027, 8, 30), end=back)]
    rollout = _moving(_digital())
    return attrs.evolve(
        rollout,
        units=rollout.units[:1],
        facilitators=(
            Facilitator(name="Anna", modules=["ABW-2"], absences=away),
            Facilitator(name="Johan", modules=["ABW-2"], absences=away),
            Facilitator(name="Sara", modules=["ABW-1", "ABW-3"]),
            Facilitator(name="Per", modules=["ABW-1", "ABW-3"]),
        ),
    )


BY_FACILITATORS = DeadlinesGivenUp(
    unit="Trafikkontoret",
    proven=True,
    module="ABW-2",
    deadline=D(2027, 10, 29),
    first=D(2027, 9, 6),
    last=D(2027, 10, 28),
    sessions=23,
    slots=78,
    resource=BindingResource.FACILITATORS,
    needed=23,
    capacity=14,
    available=2,
)


def test_a_unit_whose_leaders_cannot_hold_its_sessions_before_the_move_is_proven() -> None:
    # 900 staff in cohorts of at most 40: at least 23 cohorts in every split, 23 ABW-2
    # sessions from 6 September to 28 October; Anna and Johan, away until 22 October, give
    # 7 each in the week of 25 October. Before: "no plan found, though no rule proves them
    # out of reach".
    rollout = _absent(D(2027, 10, 22))
    assert rollout_split.counts(900, (20, 40)).start == 23
    plan = plan_rollout(rollout)
    assert plan.given_up == (BY_FACILITATORS,)
    assert plan.deadlines_met == {"Trafikkontoret": False}
    assert {p.code for p in check_rollout(plan)} == {ProblemCode.ROLLOUT_TOO_LATE.value}
    assert BY_FACILITATORS.explain() == (
        "Trafikkontoret: 23 träffar som får hållas tidigast 6 september 2027 och senast "
        "28 oktober 2027, så att ABW-2 hålls före 29 oktober 2027, behöver 23 "
        "utbildningsledarpass, men de 2 utbildningsledare som får leda dem räcker till högst "
        "14 utbildningsledarpass under de dagarna (med veckotak och frånvaro); enhetens "
        "sista dagar hålls inte"
    )
    assert plan.summary().splitlines()[-1] == BY_FACILITATORS.explain()
    assert str(BY_FACILITATORS.problem()) == (
        "units: Trafikkontoret: 23 sessions that may be held from 6 September 2027 to "
        "28 October 2027, for ABW-2 to be held before 29 October 2027, need 23 facilitator "
        "sessions, but the 2 facilitators who may lead them can give at most 14 facilitator "
        "sessions on those days (weekly caps and absences counted); its deadlines are not kept"
    )
    assert BY_FACILITATORS.problem().code == "rollout-deadlines-given-up-facilitators"


def test_leaders_back_in_time_for_the_sessions_prove_nothing_and_the_plan_keeps_them() -> None:
    # Back by 8 October: three weeks, 42 sessions for 23; the plan keeps the deadlines.
    rollout = _absent(D(2027, 10, 8))
    setup = planner._Setup(rollout)
    assert deadline_capacity.deadlines_missed(setup, rollout) == {}
    plan = plan_rollout(rollout)
    assert (plan.given_up, plan.deadlines_met) == ((), {"Trafikkontoret": True})
    assert check_rollout(plan) == ()


def test_a_proven_units_deadlines_are_moved_by_the_fewest_slots_that_let_it_fit() -> None:
    rollout = _absent(D(2027, 10, 22))
    setup = planner._Setup(rollout)
    missed = deadline_capacity.deadlines_missed(setup, rollout)
    assert list(missed) == [0]
    moved = deadline_capacity.deadlines_moved(setup, missed)
    latest = setup.instance.latest
    shift = {
        m - t
        for row, was in zip(moved, latest, strict=True)
        for m, t in zip(row, was, strict=True)
        if t < NEVER
    }
    # 9 more ABW-2 sessions: Anna and Johan have led their 7 of the week of 25 October and
    # lead 2 each a day from Monday 1 November: to the morning of 3 November, 7 slots on.
    assert shift == {7}
    assert (
        deadline_capacity.deadlines_missed(setup, rollout) == missed
    )  # the setup is left as it was
    assert deadline_capacity.deadlines_moved(setup, {}) == latest


def test_a_unit_no_move_brings_within_reach_keeps_no_deadline_as_order() -> None:
    # Anna and Johan never come back within the horizon.
    rollout = _absent(D(2028, 6, 30))
    setup = planner._Setup(rollout)
    missed = deadline_capacity.deadlines_missed(setup, rollout)
    moved = deadline_capacity.deadlines_moved(setup, missed)
    assert set(moved) == {(NEVER,) * 3}


# -- the value object ------------------------------------------------------------------------


FIELDS: dict[str, Any] = attrs.asdict(BY_FACILITATORS, recurse=False)


def _refused(**fields: Any) -> list[tuple[str, object, str | None, str]]:
    with pytest.raises(ValidationError) as caught:
        DeadlinesGivenUp(**fields)
    return [(p.path, p.value, p.code, format_problem(p)) for p in caught.value.problems]


def test_a_proof_by_capacity_gives_its_window_and_counts_and_no_staff_away() -> None:
    assert _refused(**{**FIELDS, "last": None, "cohorts": 1, "max_away": 40}) == [
        (
            "last",
            MISSING,
            "rollout-given-up-fields",
            "last anges när, och bara när, en regel visar att enhetens sista dagar inte kan "
            "hållas (proven är true)",
        ),
        (
            "cohorts",
            1,
            "rollout-given-up-other-reason",
            "cohorts anges bara när skälet (resource) är away (personal borta samtidigt)",
        ),
        (
            "max_away",
            40,
            "rollout-given-up-other-reason",
            "max_away anges bara när skälet (resource) är away (personal borta samtidigt)",
        ),
    ]
    # The proof itself: more needed than there is.
    assert _refused(**{**FIELDS, "needed": 14, "capacity": 14, "available": -1}) == [
        ("available", -1, "too-small", "värdet \u22121 är för litet; det ska vara minst 0"),
        ("needed", 14, "too-small", "värdet 14 är för litet; det ska vara minst 15"),
    ]
    assert _refused(**{**FIELDS, "capacity": -1})[0][:3] == ("capacity", -1, "too-small")


def test_a_proof_by_the_staff_away_gives_no_capacity_and_one_not_proven_nothing() -> None:
    assert _refused(
        **{**attrs.asdict(PROVEN, recurse=False), "needed": 5, "last": D(2027, 9, 1)}
    ) == [
        (
            "last",
            D(2027, 9, 1),
            "rollout-given-up-other-reason",
            "last anges bara när skälet (resource) är facilitators (utbildningsledarna) "
            "eller rooms (lokalerna)",
        ),
        (
            "needed",
            5,
            "rollout-given-up-other-reason",
            "needed anges bara när skälet (resource) är facilitators (utbildningsledarna) "
            "eller rooms (lokalerna)",
        ),
    ]
    refused = _refused(unit="T", proven=False, resource=BindingResource.ROOMS, capacity=3)
    assert [(path, code) for path, _, code, _ in refused] == [
        ("capacity", "rollout-given-up-fields"),
        ("resource", "rollout-given-up-fields"),
    ]
    assert DeadlinesGivenUp(unit="T", proven=False).resource is BindingResource.AWAY


def test_the_chain_or_a_string_is_no_reason() -> None:
    chain = _refused(**{**FIELDS, "resource": BindingResource.CHAIN})
    assert chain == [
        (
            "resource",
            BindingResource.CHAIN,
            "not-one-of",
            "värdet ska vara något av away (personal borta samtidigt), facilitators "
            "(utbildningsledarna) eller rooms (lokalerna)",
        )
    ]
    assert [p[:3] for p in _refused(**{**FIELDS, "resource": "rooms"})] == [
        ("resource", "rooms", "not-one-of")
    ]


BY_ROOMS = attrs.evolve(
    BY_FACILITATORS, resource=BindingResource.ROOMS, needed=23, capacity=16, available=2
)


def test_a_proof_by_the_rooms_reads_in_both_languages() -> None:
    assert BY_ROOMS.explain() == (
        "Trafikkontoret: 23 träffar på plats som får hållas tidigast 6 september 2027 och "
        "senast 28 oktober 2027, så att ABW-2 hålls före 29 oktober 2027, ryms inte på 78 "
        "pass i 2 lokaler; enhetens sista dagar hålls inte"
    )
    assert BY_ROOMS.explain("en_GB") == (
        "Trafikkontoret: 23 sessions in person that may be held from 6 September 2027 to "
        "28 October 2027, for ABW-2 to be held before 29 October 2027, cannot fit in 78 slots "
        "in 2 rooms; its deadlines are not kept"
    )
    assert BY_ROOMS.problem().code == "rollout-deadlines-given-up-rooms"


def test_a_saved_plan_with_a_proof_by_capacity_reads_back_and_an_old_one_as_before() -> None:
    plan = plan_rollout(_moving(_digital()))
    given = attrs.evolve(plan, given_up=[BY_FACILITATORS])
    assert from_json(RolloutPlan, to_json(given)) == given
    assert from_toml(RolloutPlan, to_toml(given)) == given
    assert json.loads(to_json(given))["given_up"][0]["resource"] == "facilitators"
    # A proof by the staff away is written as before: no resource, no capacity.
    saved = json.loads(to_json(attrs.evolve(plan, given_up=[PROVEN])))["given_up"][0]
    assert set(saved) == {
        "unit",
        "proven",
        "module",
        "deadline",
        "first",
        "sessions",
        "slots",
        "cohorts",
        "max_away",
    }


def test_units_proven_by_the_staff_away_and_by_capacity_are_moved_each_by_its_rule() -> None:
    # Trafikkontoret (2,000 staff, at most 40 away) is proven by its staff away, as in
    # test_rollout_constraints; Exploateringskontoret (900 staff, the same move date) by
    # Anna and Johan, away until 22 October.
    absent = _absent(D(2027, 10, 22))
    limited = _moving(_digital(), max_away=40, headcount=2000).units[0]
    second = attrs.evolve(absent.units[0], name="Exploateringskontoret")
    rollout = attrs.evolve(absent, units=(limited, second))
    setup = planner._Setup(rollout)
    missed = deadline_capacity.deadlines_missed(setup, rollout)
    assert [type(miss).__name__ for miss in missed.values()] == ["AwayMiss", "CapacityMiss"]
    moved = deadline_capacity.deadlines_moved(setup, missed)
    away = rollout_away.away_deadlines_moved(setup.instance, [0])
    units = [index for index, _, _ in setup.cohorts]
    assert [row for row, unit in zip(moved, units, strict=True) if unit == 0] == [
        row for row, unit in zip(away, units, strict=True) if unit == 0
    ]
    latest = setup.instance.latest
    assert {
        m - t
        for row, was, unit in zip(moved, latest, units, strict=True)
        for m, t in zip(row, was, strict=True)
        if unit == 1 and t < NEVER
    } == {7}


# -- soundness: on tiny instances, no plan exists whenever the count names the unit ---------


def _plans_exist(inst: Instance, early: list[int], late: list[int], cohorts: int) -> bool:
    """Whether some plan holds every session of *cohorts* cohorts in its window (brute force).

    One slot a day: each cohort takes module 0, then module 1 a slot later or more; each
    session gets a facilitator who may lead it, is present, leads one session a day and at
    most their weekly cap; in-person sessions within the rooms.
    """
    windows = [
        (a, b)
        for a in range(early[0], late[0] + 1)
        for b in range(max(a + 1, early[1]), late[1] + 1)
    ]

    def led(sessions: list[tuple[int, int]], used: dict[tuple[int, int], int]) -> bool:
        if not sessions:
            return True
        (slot, module), rest = sessions[0], sessions[1:]
        for index, fac in enumerate(inst.facilitators):
            week = (index, inst.weeks[slot])
            if (
                fac.available[slot]
                and fac.may_lead(module)
                and used.get((index, -1 - slot), 0) < 1
                and used.get(week, 0) < fac.week_cap
            ):
                used[index, -1 - slot] = 1
                used[week] = used.get(week, 0) + 1
                if led(rest, used):
                    return True
                used[index, -1 - slot] = 0
                used[week] -= 1
        return False

    for chosen in itertools.combinations_with_replacement(windows, cohorts):
        sessions = [(a, 0) for a, _ in chosen] + [(b, 1) for _, b in chosen]
        in_person = [slot for slot, module in sessions if inst.modules[module].in_person]
        if any(in_person.count(slot) > len(inst.rooms) for slot in in_person):
            continue
        if led(sorted(sessions), {}):
            return True
    return False


@settings(max_examples=150, deadline=None)
@given(
    skills=st.lists(
        st.sampled_from([frozenset({0}), frozenset({1}), frozenset({0, 1})]), min_size=1, max_size=3
    ),
    caps=st.lists(st.integers(1, 3), min_size=3, max_size=3),
    absent=st.lists(st.sets(st.integers(0, 5)), min_size=3, max_size=3),
    rooms=st.integers(1, 2),
    cohorts=st.integers(1, 3),
    window=st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(2, 4), st.integers(3, 5)),
)
def test_a_unit_the_count_names_has_no_plan_that_keeps_its_deadlines(
    skills: list[frozenset[int]],
    caps: list[int],
    absent: list[set[int]],
    rooms: int,
    cohorts: int,
    window: tuple[int, int, int, int],
) -> None:
    facilitators = tuple(
        FacSpec(1, cap, tuple(day not in away for day in range(6)), skill)
        for skill, cap, away in zip(skills, caps, absent, strict=False)
    )
    inst = dataclasses.replace(
        _inst(facilitators, rooms=(30,) * rooms, days=6), weeks=(0, 0, 0, 1, 1, 1)
    )
    first, second, end_first, end_second = window
    early = [first, max(second, first + 1)]
    last = min(max(end_second, early[1]), 5)
    late = [min(max(end_first, first), last - 1), last]
    missed = deadline_capacity.capacity_deadlines_missed(inst, [early], [late], [cohorts])
    event("named" if missed else "not named")
    if missed:
        assert not _plans_exist(inst, early, late, cohorts)


@settings(max_examples=200, deadline=None)
@given(
    day_cap=st.integers(1, 3),
    week_cap=st.integers(1, 9),
    absent=st.sets(st.integers(0, 19)),
    first=st.integers(0, 39),
    length=st.integers(-2, 40),
)
def test_the_capacities_from_sums_are_those_counted_day_by_day(
    day_cap: int, week_cap: int, absent: set[int], first: int, length: int
) -> None:
    # Two slots a day, twenty days in weeks of 5, 2 and 4 days and the rest.
    fac = FacSpec(day_cap, week_cap, tuple(day not in absent for day in range(20)))
    inst = dataclasses.replace(
        _inst((fac,), days=20),
        ns=2,
        weeks=tuple(0 if d < 5 else 1 if d < 7 else 2 if d < 11 else 3 for d in range(20)),
    )
    last = min(first + length, inst.slots - 1)
    capacities = _Capacities(inst)
    assert capacities(0, first, last) == inst.facilitator_capacity(fac, first, last)
