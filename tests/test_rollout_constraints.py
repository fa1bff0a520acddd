"""Rollouts for a real move: move dates, facilitator skills and staff away (issue 17).

The scenario is the issue's: 2,000 staff in three units, four facilitators, rooms of 40 and
30, the summer weeks blocked, a program of a digital introduction, an in-person workshop and a
digital follow-up 30 days later (span 60 days).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import DeliveryFormat, ProblemCode, ValidationError
from ledarutveckling._rollout import away as rollout_away
from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import planner
from ledarutveckling._rollout import search as rollout_search
from ledarutveckling._rollout import split as rollout_split
from ledarutveckling.errors import MISSING
from ledarutveckling.formatting import format_date, format_problem
from ledarutveckling.scheduling import (
    BindingResource,
    DeadlinesGivenUp,
    Facilitator,
    Rollout,
    RolloutPlan,
    RolloutSession,
    RolloutUnit,
    check_rollout,
    plan_rollout,
)
from ledarutveckling.serialization import RolloutRequest, from_json, from_toml, to_json, to_toml
from tests.test_requests import ROLLOUT_HEAD
from tests.test_rollout_move import _rollout

pytest.importorskip("highspy")

D = pendulum.date
MOVE = D(2027, 10, 29)


def _digital() -> Rollout:
    return _rollout(D(2027, 3, 1), DeliveryFormat.DIGITAL)


def _moving(rollout: Rollout, **changes: Any) -> Rollout:
    """Trafikkontoret moves on 29 October 2027: ABW-1 and ABW-2 before, ABW-3 after."""
    unit = RolloutUnit.moving(
        name="Trafikkontoret",
        headcount=900,
        move_date=MOVE,
        before=("ABW-1", "ABW-2"),
        after=("ABW-3",),
    )
    return attrs.evolve(rollout, units=(attrs.evolve(unit, **changes), *rollout.units[1:]))


SKILLED = (
    Facilitator(name="Anna", modules=["ABW-2"]),
    Facilitator(name="Johan", modules=["ABW-2"]),
    Facilitator(name="Sara", modules=["ABW-1", "ABW-3"]),
    Facilitator(name="Per"),
)


# -- the model -------------------------------------------------------------------------------


def test_a_moving_unit_holds_its_modules_before_and_after_the_move_date() -> None:
    unit = RolloutUnit.moving(
        name="Trafikkontoret", headcount=900, move_date=MOVE, before=("ABW-1",), after=("ABW-3",)
    )
    assert (unit.deadlines, unit.not_before, unit.max_away) == (
        {"ABW-1": MOVE},
        {"ABW-3": MOVE},
        None,
    )
    # One code as text would be read letter by letter ("F", "2"): refused, both at once.
    with pytest.raises(ValidationError) as caught:
        RolloutUnit.moving(name="U", headcount=40, move_date=MOVE, before="F2", after=3)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "before: must be a list of module codes, e.g. ['M1', 'M2'], got 'F2'\n"
        "after: must be a list of module codes, e.g. ['M1', 'M2'], got 3"
    )


def test_bad_move_dates_skills_and_staff_away_are_refused_each_with_its_path() -> None:
    with pytest.raises(ValidationError) as caught:
        RolloutUnit(name="A", headcount=10, not_before={"M1": "1 maj"}, max_away=0)  # type: ignore[dict-item]
    assert [p.path for p in caught.value.problems] == ["not_before.M1", "max_away"]
    with pytest.raises(ValidationError) as caught:
        RolloutUnit(name="A", headcount=10, not_before=[("M1", MOVE)])  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["not_before"]
    with pytest.raises(ValidationError) as caught:
        Facilitator(name="A", modules=["M1", "M1", " M2"])
    assert [p.path for p in caught.value.problems] == ["modules[2]", "modules[1]"]
    with pytest.raises(ValidationError) as caught:
        Facilitator(name="A", modules="M1")
    assert [p.path for p in caught.value.problems] == ["modules"]


def test_a_rollout_refuses_unknown_codes_an_empty_window_few_skilled_and_little_away() -> None:
    rollout = _digital()
    units = (
        RolloutUnit(
            name="Trafikkontoret",
            headcount=900,
            not_before={"ABW-9": MOVE, "ABW-3": MOVE},
            deadlines={"ABW-3": MOVE},
            max_away=30,
        ),
    )
    facilitators = (
        Facilitator(name="Anna", modules=["ABW-8"]),
        Facilitator(name="Bo", modules=["ABW-1", "ABW-3"]),
    )
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(rollout, units=units, facilitators=facilitators)
    found = [(p.path, p.code, format_problem(p)) for p in caught.value.problems]
    assert found == [
        (
            "facilitators",
            ProblemCode.ROLLOUT_TOO_FEW_SKILLED,
            "ABW-2 leds av 1 utbildningsledare samtidigt, men bara 0 av utbildningsledarna får "
            "leda den",
        ),
        (
            "facilitators[0].modules",
            ProblemCode.ROLLOUT_UNKNOWN_MODULE,
            "ABW-8 är ingen modul i programmet ABW, som har ABW-1, ABW-2 och ABW-3",
        ),
        (
            "units[0].not_before",
            ProblemCode.ROLLOUT_UNKNOWN_MODULE,
            "ABW-9 är ingen modul i programmet ABW, som har ABW-1, ABW-2 och ABW-3",
        ),
        (
            "units[0].not_before",
            ProblemCode.ROLLOUT_EMPTY_WINDOW,
            "Trafikkontoret: ABW-3 får inte hållas före 29 oktober 2027 men ska hållas före "
            "29 oktober 2027",
        ),
        (
            "units[0].max_away",
            ProblemCode.ROLLOUT_AWAY_TOO_SMALL,
            "Trafikkontoret: högst 30 borta samtidigt räcker inte för en kohort med 40 deltagare",
        ),
    ]


# -- the plan --------------------------------------------------------------------------------


def _held(plan: RolloutPlan, unit: str, module: str) -> list[pendulum.Date]:
    return sorted(s.date for s in plan.sessions if (s.unit, s.module) == (unit, module))


def test_a_follow_up_after_the_move_is_held_after_it_and_the_plan_ends_on_its_bound() -> None:
    plan = plan_rollout(_moving(_digital()))
    assert check_rollout(plan) == ()
    assert max(_held(plan, "Trafikkontoret", "ABW-2")) < MOVE
    assert min(_held(plan, "Trafikkontoret", "ABW-3")) == MOVE
    # 23 follow-ups from Friday 29 October: four facilitators lead eight a day.
    assert (plan.end_date, plan.lower_bound) == (D(2027, 11, 2), D(2027, 11, 2))
    assert plan.bound.resource is BindingResource.FACILITATORS
    assert (plan.bound.waiting, plan.bound.demand) == (True, 69)  # the span holds M1-M2 back
    assert plan.bound.explain().endswith(
        "(pass per dag och vecka, frånvaro och modulernas mellanrum medräknade; pass som "
        "väntar på enheternas tidigaste datum räknade från dem)."
    )
    assert plan.bound.explain("en_GB").endswith(
        "sessions that wait for their units' earliest dates counted from them)."
    )
    assert plan.deadlines_met["Trafikkontoret"]


def test_skills_pair_only_those_who_may_lead_and_the_bound_counts_them() -> None:
    # Sara alone may lead the digital modules: 102 sessions at seven a week.
    facilitators = (
        *(Facilitator(name=name, modules=["ABW-2"]) for name in ("Anna", "Johan", "Per")),
        Facilitator(name="Sara", modules=["ABW-1", "ABW-3"]),
    )
    plan = plan_rollout(attrs.evolve(_digital(), facilitators=facilitators))
    assert check_rollout(plan) == ()
    leaders = {(s.module, f) for s in plan.sessions for f in s.facilitators}
    assert {f for module, f in leaders if module != "ABW-2"} == {"Sara"}
    assert (plan.end_date, plan.lower_bound) == (D(2027, 6, 8), D(2027, 6, 8))
    assert (plan.bound.facilitators, plan.bound.demand) == (1, 102)
    assert plan.bound.explain().startswith(
        "Det är utbildningsledarna som begränsar planen: 1 utbildningsledare hinner inte leda "
        "102 pass"
    )


def test_at_most_max_away_of_a_unit_are_in_sessions_at_once() -> None:
    rollout = _digital()
    plan = plan_rollout(
        attrs.evolve(rollout, units=tuple(attrs.evolve(u, max_away=40) for u in rollout.units))
    )
    assert check_rollout(plan) == ()
    away: dict[tuple[str, object], int] = defaultdict(int)
    for session in plan.sessions:
        away[(session.unit, session.start)] += session.size
    assert max(away.values()) == 40
    # Smaller cohorts (the split is the planner's: first the one the bound over every split
    # ends on) end on 4 May, the fewest's on 14 May. The bound over every split is that
    # count's (56 cohorts, at least 36 of them larger than the 30-seat room): the large
    # room binds there, and the staff away no later (its own bound, in the split that
    # needs the fewest slots, is the same for every split).
    assert (plan.end_date, plan.lower_bound, plan.cohort_count) == (
        D(2027, 5, 4),
        D(2027, 5, 3),
        56,
    )
    assert plan.bound.resource is BindingResource.ROOMS
    assert plan.bound.explain("en_GB") == (
        "It is the rooms that limit the plan: 36 in-person sessions in ABW-1–ABW-3 with "
        "cohorts of 31 or more do not fit in 1 room before 3 May 2027 (one session per room "
        "and slot, the modules' gaps counted)."
    )


def test_a_self_paced_module_held_back_opens_its_window_on_its_date() -> None:
    rollout = _rollout(D(2027, 3, 1))
    units = (
        attrs.evolve(rollout.units[0], not_before={"ABW-1": D(2027, 5, 3)}),
        *rollout.units[1:],
    )
    plan = plan_rollout(attrs.evolve(rollout, units=units))
    assert check_rollout(plan) == ()
    windows = [w for w in plan.self_paced if w.unit == "Trafikkontoret"]
    assert min(w.opens for w in windows) == D(2027, 5, 3)
    assert min(w.due for w in windows) == D(2027, 5, 17)  # self_paced_days after it
    assert all(w.due >= w.opens.add(days=14) for w in windows)


# -- the checker -----------------------------------------------------------------------------


def _first(plan: RolloutPlan, module: str) -> tuple[int, RolloutSession]:
    return next((i, s) for i, s in enumerate(plan.sessions) if s.module == module)


def test_the_checker_finds_a_session_before_its_earliest_date() -> None:
    plan = plan_rollout(_digital())
    index, session = _first(plan, "ABW-3")
    later = session.date.add(days=1)
    units = tuple(
        attrs.evolve(u, not_before={"ABW-3": later}) if u.name == session.unit else u
        for u in plan.units
    )
    problems = check_rollout(attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, units=units)))
    early = [
        i
        for i, s in enumerate(plan.sessions)
        if s.unit == session.unit and s.module == "ABW-3" and s.date < later
    ]
    assert index in early
    assert [(p.path, p.code) for p in problems] == [
        (f"sessions[{i}].start", ProblemCode.ROLLOUT_TOO_EARLY) for i in early
    ]
    assert format_problem(problems[0]) == (
        f"{session.unit} kohort {session.cohort}: ABW-3 hålls "
        f"{format_date(session.date)}, före {format_date(later)}"
    )


def test_the_checker_finds_a_self_paced_window_due_too_soon_after_its_earliest_date() -> None:
    plan = plan_rollout(_rollout(D(2027, 3, 1)))
    window = plan.self_paced[0]
    units = tuple(
        attrs.evolve(u, not_before={"ABW-1": window.opens.add(days=1)})
        if u.name == window.unit
        else u
        for u in plan.units
    )
    problems = check_rollout(attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, units=units)))
    index = [u.name for u in plan.units].index(window.unit)
    assert (f"units[{index}]", window.cohort, ProblemCode.ROLLOUT_TOO_EARLY) in [
        (p.path, p.value, p.code) for p in problems
    ]
    assert {p.code for p in problems} == {ProblemCode.ROLLOUT_TOO_EARLY}


def test_the_checker_finds_a_facilitator_leading_outside_their_skills() -> None:
    plan = plan_rollout(_digital())
    index, session = _first(plan, "ABW-2")
    name = session.facilitators[0]
    facilitators = tuple(
        attrs.evolve(f, modules=["ABW-1", "ABW-3"]) if f.name == name else f
        for f in plan.facilitators
    )
    problems = check_rollout(
        attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, facilitators=facilitators))
    )
    assert (problems[0].path, problems[0].code) == (
        f"sessions[{index}].facilitators[0]",
        ProblemCode.ROLLOUT_NOT_SKILLED,
    )
    assert format_problem(problems[0]) == f"{name} leder ABW-2 men får bara leda ABW-1 och ABW-3"


def test_the_checker_finds_too_many_of_a_unit_away_at_once() -> None:
    plan = plan_rollout(_digital())
    load: dict[tuple[str, object], int] = defaultdict(int)
    for session in plan.sessions:
        load[(session.unit, session.start)] += session.size
    (unit, _), most = max(load.items(), key=lambda item: item[1])
    assert most > 40
    units = tuple(attrs.evolve(u, max_away=40) if u.name == unit else u for u in plan.units)
    problems = check_rollout(attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, units=units)))
    assert problems
    assert {p.code for p in problems} == {ProblemCode.ROLLOUT_TOO_MANY_AWAY}
    assert any(p.value == most for p in problems)


# -- refusals --------------------------------------------------------------------------------


def test_a_deadline_the_move_dates_and_the_gaps_cannot_meet_is_refused_naming_both() -> None:
    rollout = _digital()
    unit = RolloutUnit(
        name="Trafikkontoret",
        headcount=900,
        not_before={"ABW-2": D(2027, 10, 1)},
        deadlines={"ABW-3": D(2027, 10, 15)},
    )
    with pytest.raises(ValidationError) as caught:
        plan_rollout(attrs.evolve(rollout, units=(unit, *rollout.units[1:])))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("units[0]", ProblemCode.ROLLOUT_NOT_BEFORE_BLOCKS)
    assert format_problem(problem) == (
        "Trafikkontoret: ABW-3 kan inte hållas före 15 oktober 2027, "
        "eftersom ABW-2 inte får hållas före 1 oktober 2027"
    )
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret: ABW-3 cannot be held before 15 October 2027, "
        "since ABW-2 may not be held before 1 October 2027"
    )


def test_a_move_date_past_the_horizon_is_refused_naming_it() -> None:
    rollout = _digital()
    unit = RolloutUnit(name="Trafikkontoret", headcount=900, not_before={"ABW-3": D(2030, 1, 7)})
    with pytest.raises(ValidationError) as caught:
        plan_rollout(attrs.evolve(rollout, units=(unit, *rollout.units[1:])))
    (problem,) = caught.value.problems
    assert (problem.path, problem.value, problem.code) == (
        "units[0].not_before",
        "ABW-3",
        ProblemCode.ROLLOUT_NOT_BEFORE_TOO_LATE,
    )
    assert format_problem(problem) == (
        "Trafikkontoret: ABW-3 får inte hållas före 7 januari 2030, och modulerna med sina "
        "mellanrum kan då inte genomföras inom två år från 1 mars 2027"
    )
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret: ABW-3 may not be held before 7 January 2030, and the modules with "
        "their gaps then cannot be held within two years from 1 March 2027"
    )


# -- documents -------------------------------------------------------------------------------


def test_a_rollout_request_keeps_move_dates_skills_and_staff_away_and_omits_them_unset() -> None:
    moved = ROLLOUT_HEAD.replace(
        "headcount = 30\n", "headcount = 30\nnot_before = { M3 = 2027-03-01 }\nmax_away = 20\n"
    ).replace('name = "Anna"\n', 'name = "Anna"\nmodules = ["M1", "M2"]\n')
    request = from_toml(RolloutRequest, moved)
    assert request.units[0].not_before == {"M3": D(2027, 3, 1)}
    assert (request.units[0].max_away, request.facilitators[0].modules) == (20, ("M1", "M2"))
    assert request.facilitators[1].modules is None
    written = to_toml(request)
    assert "not_before" in written
    assert "max_away = 20" in written
    assert 'modules = [\n    "M1",\n    "M2",\n]' in written
    assert from_toml(RolloutRequest, written) == request
    assert from_json(RolloutRequest, to_json(request)) == request
    plain = to_toml(from_toml(RolloutRequest, ROLLOUT_HEAD))
    assert all(key not in plain for key in ("not_before", "max_away", "modules"))


# -- the engine's helpers ----------------------------------------------------------------------


def test_skills_are_counted_for_every_set_of_up_to_six_modules_else_for_each_alone() -> None:
    assert rollout_bounds._module_sets(2) == [(0,), (1,), (0, 1)]
    assert len(rollout_bounds._module_sets(6)) == 63
    assert rollout_bounds._module_sets(7) == [(k,) for k in range(7)]


def _engine(earliest: tuple[tuple[int, ...], ...]) -> rollout_instance.Instance:
    """Five days, one slot a day, one facilitator; two digital modules a day apart."""
    return rollout_instance.Instance(
        ns=1,
        ords=(0, 1, 2, 3, 4),
        weeks=(0,) * 5,
        modules=(rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 1)),
        span=None,
        sizes=(10, 10),
        latest=((rollout_instance.NEVER,) * 2,) * 2,
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 5),),
        rooms=(12,),
        earliest=earliest,
    )


def test_earliest_slots_no_later_than_the_chain_give_no_bound_of_their_own() -> None:
    assert rollout_bounds._release_days(_engine(((0, 1), (0, 1))), 0) == []
    # Both cohorts' M2 from day 3 on: two sessions on days 3 and 4 (digital: no rooms).
    assert rollout_bounds._release_days(_engine(((0, 3), (0, 3))), 0) == [(0, 4, 2)]


def test_a_cohort_whose_chain_starts_past_the_horizon_bounds_no_day() -> None:
    assert rollout_bounds.window_bound(_engine(((5, 6), (0, 1)))).day is None


def test_the_bound_counts_a_units_staff_away_over_every_split() -> None:
    # At most 60 of Trafikkontoret's 900 away at once: two cohorts of 20-30 a slot, or
    # one of 31-40, and at most 60 people; its 23-45 follow-ups wait for the move.
    plan = plan_rollout(_moving(_digital(), max_away=60))
    assert check_rollout(plan) == ()
    assert (plan.end_date, plan.lower_bound) == (D(2027, 11, 9), D(2027, 11, 9))
    bound = plan.bound
    assert (bound.resource, bound.unit, bound.at_once) == (
        BindingResource.AWAY,
        "Trafikkontoret",
        2,
    )
    assert bound.by_resource[BindingResource.FACILITATORS] == D(2027, 11, 2)
    # The slots within the limit bind (with every facilitator allowed to lead every
    # module, those who may lead them are all four); the text says both are counted.
    assert bound.explain() == (
        "Det är hur många som får vara borta samtidigt som begränsar planen: Trafikkontoret "
        "kan ha högst 2 kohorter på pass samtidigt och hinner inte hålla sina 90 pass för "
        "ABW-1–ABW-3 före 9 november 2027 (modulernas mellanrum och vilka som får leda dem "
        "medräknade; pass som väntar på enheternas tidigaste datum räknade från dem)."
    )
    assert bound.explain("en_GB") == (
        "It is how many staff may be away at once that limits the plan: Trafikkontoret can "
        "have at most 2 cohorts in sessions at once and cannot hold its 90 sessions for "
        "ABW-1–ABW-3 before 9 November 2027 (the modules' gaps and who may lead them counted; "
        "sessions that wait for their units' earliest dates counted from them)."
    )


def _how_to_move() -> Rollout:
    """docs/rollout.md's move: Trafikkontoret at most 80 away, two who may lead ABW-3."""
    rollout = _rollout(D(2027, 3, 1))
    units = (
        RolloutUnit.moving(
            name="Trafikkontoret",
            headcount=900,
            move_date=MOVE,
            before=("ABW-1", "ABW-2"),
            after=("ABW-3",),
            max_away=80,
        ),
        RolloutUnit.moving(
            name="Exploateringskontoret",
            headcount=500,
            move_date=D(2027, 9, 24),
            before=("ABW-1", "ABW-2"),
            after=("ABW-3",),
        ),
        rollout.units[2],
    )
    team = (
        Facilitator(name="Anna", modules=["ABW-2"]),
        Facilitator(name="Johan", modules=["ABW-2"]),
        Facilitator(name="Sara", modules=["ABW-3"]),
        Facilitator(name="Per"),
    )
    return attrs.evolve(rollout, units=units, facilitators=team)


def test_a_units_count_that_binds_on_who_may_lead_names_the_facilitators() -> None:
    # The count for Trafikkontoret's limit on staff away proves 9 November, but by its
    # follow-ups after the move and the two who may lead ABW-3 alone: the day before, even
    # the fewest cohorts' 23 follow-ups do not fit Sara and Per, whatever the limit. So the
    # facilitators bind, not the staff away (which the explanation used to name).
    plan = plan_rollout(_how_to_move())
    assert check_rollout(plan) == ()
    assert (plan.end_date, plan.lower_bound) == (D(2027, 11, 9), D(2027, 11, 9))
    bound = plan.bound
    assert (bound.resource, bound.unit, bound.facilitators, bound.demand, bound.waiting) == (
        BindingResource.FACILITATORS,
        "Trafikkontoret",
        2,
        23,
        True,
    )
    assert bound.by_resource[BindingResource.AWAY] == D(2027, 11, 9)
    assert bound.explain() == (
        "Det är utbildningsledarna som begränsar planen: de 2 utbildningsledare som får leda "
        "ABW-3 hinner inte leda de 23 pass för ABW-3 som Trafikkontoret behöver före "
        "9 november 2027 (pass per dag och vecka, frånvaro och modulernas mellanrum "
        "medräknade; pass som väntar på enheternas tidigaste datum räknade från dem)."
    )
    assert bound.explain("en_GB") == (
        "It is the facilitators that limit the plan: the 2 facilitators who may lead ABW-3 "
        "cannot lead the 23 sessions for ABW-3 that Trafikkontoret needs before "
        "9 November 2027 (sessions per day and week, absences and the modules' gaps counted; "
        "sessions that wait for their units' earliest dates counted from them)."
    )
    # One who may lead, a run of modules (those who may lead one of them), no waiting.
    one = attrs.evolve(bound, facilitators=1, first_module="ABW-2", waiting=False)
    assert one.explain() == (
        "Det är utbildningsledarna som begränsar planen: den enda utbildningsledare som får "
        "leda någon av ABW-2–ABW-3 hinner inte leda de 23 pass för ABW-2–ABW-3 som "
        "Trafikkontoret behöver före 9 november 2027 (pass per dag och vecka, frånvaro och "
        "modulernas mellanrum medräknade)."
    )
    assert one.explain("en_GB") == (
        "It is the facilitators that limit the plan: the only facilitator who may lead one "
        "of ABW-2–ABW-3 cannot lead the 23 sessions for ABW-2–ABW-3 that Trafikkontoret "
        "needs before 9 November 2027 (sessions per day and week, absences and the modules' "
        "gaps counted)."
    )


def test_a_unit_whose_staff_away_is_limited_is_also_split_to_need_the_fewest_slots() -> None:
    rollout = _moving(_digital(), max_away=50)
    # 900 in 36 cohorts of 25: two at once, 18 slots a module (the fewest split's 23
    # cohorts of 39-40 take 23).
    assert rollout_split.candidates(rollout)[1][0] == (25,) * 36
    assert not rollout_split.dominated(rollout)


def test_a_staff_away_bound_beyond_the_horizon_names_the_unit() -> None:
    rollout = _moving(_digital(), max_away=60)
    setup = planner._Setup(rollout)
    away = rollout_bounds.Bound(None, "away", (0, 2), 69, 0, {}, unit=0, at_once=2)
    (problem,) = setup.no_capacity(away).problems
    assert (problem.path, problem.value) == ("units[0].max_away", 60)
    assert format_problem(problem) == (
        "Trafikkontoret: högst 2 kohorter på pass samtidigt (max_away 60) hinner inte "
        "genomföra ABW inom två år från 1 mars 2027"
    )
    assert problem.code == ProblemCode.ROLLOUT_AWAY_NO_CAPACITY.value
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret: at most 2 cohorts in sessions at once (max_away 60) cannot complete "
        "ABW within two years from 1 March 2027"
    )
    (problem,) = setup.not_found(dataclasses.replace(away, day=10)).problems
    assert (problem.path, problem.value) == ("units[0].max_away", 60)
    assert "Trafikkontoret kan ha högst 2 kohorter på pass samtidigt" in format_problem(problem)
    assert "Trafikkontoret can have at most 2 cohorts in sessions at once" in problem.message
    one = dataclasses.replace(away, at_once=1)
    (problem,) = setup.no_capacity(one).problems
    assert format_problem(problem).startswith("Trafikkontoret: högst 1 kohort på pass samtidigt ")
    assert problem.message.startswith("Trafikkontoret: at most 1 cohort in sessions at once ")
    assert format_problem(problem, locale="en_GB").startswith(
        "Trafikkontoret: at most 1 cohort in sessions at once "
    )
    (problem,) = setup.not_found(dataclasses.replace(one, day=10)).problems
    assert "Trafikkontoret kan ha högst 1 kohort på pass samtidigt" in format_problem(problem)


def test_a_unit_whose_staff_away_cannot_meet_its_deadlines_is_planned_without_them() -> None:
    # 2,000 staff at most 40 away at once: 100 sessions before the move, each alone in
    # a slot, and 60 days' span back from the follow-ups after it: no plan meets them.
    rollout = _moving(_digital(), max_away=40, headcount=2000)
    assert not rollout_away.away_deadlines_fit(planner._Setup(rollout).instance)
    plan = plan_rollout(rollout)
    assert plan.deadlines_met == {
        "Trafikkontoret": False,
        "Exploateringskontoret": True,
        "Stadsbyggnadskontoret": True,
    }
    assert all(p.code == ProblemCode.ROLLOUT_TOO_LATE.value for p in check_rollout(plan))


def _one_proven_one_not() -> Rollout:
    """Trafikkontoret as above; Exploateringskontoret (900 staff, no limit) moves on 1 November."""
    rollout = _moving(_digital(), max_away=40, headcount=2000)
    second = RolloutUnit.moving(
        name="Exploateringskontoret",
        headcount=900,
        move_date=D(2027, 11, 1),
        before=("ABW-1", "ABW-2"),
        after=("ABW-3",),
    )
    return attrs.evolve(rollout, units=(rollout.units[0], second, rollout.units[2]))


PROVEN = DeadlinesGivenUp(
    unit="Trafikkontoret",
    proven=True,
    module="ABW-2",
    deadline=MOVE,
    first=D(2027, 8, 30),
    sessions=100,
    slots=88,
    cohorts=1,
    max_away=40,
)


def test_only_the_unit_proven_unable_to_meet_its_deadlines_gives_them_up() -> None:
    # Trafikkontoret's 100 sessions before its move, one cohort of 40 at a time, do not fit
    # the 88 slots from 30 August (the 60 days' span back from the follow-ups after it);
    # Exploateringskontoret has no limit. Giving up every unit's deadlines, as the planner
    # did, missed Exploateringskontoret's too (20 sessions late, 64 problems in all).
    rollout = _one_proven_one_not()
    missed = rollout_away.away_deadlines_missed(planner._Setup(rollout).instance)
    assert missed == {0: rollout_away.AwayMiss(0, 192, 279, 100, 4000, 88, 1)}
    plan = plan_rollout(rollout)
    assert plan.deadlines_met == {
        "Trafikkontoret": False,
        "Exploateringskontoret": True,
        "Stadsbyggnadskontoret": True,
    }
    problems = check_rollout(plan)
    assert {(p.code, p.params["unit"]) for p in problems} == {
        (ProblemCode.ROLLOUT_TOO_LATE.value, "Trafikkontoret")
    }
    assert (len(problems), plan.end_date, plan.lower_bound) == (22, D(2028, 1, 11), D(2027, 12, 10))
    assert plan.given_up == (PROVEN,)
    assert PROVEN.explain() == (
        "Trafikkontoret: 100 träffar som tidigast får hållas 30 augusti 2027 och ska hållas "
        "före 29 oktober 2027 (ABW-2) ryms inte på 88 pass med högst 1 kohort och 40 "
        "personer i utbildning samtidigt (max_away); enhetens sista dagar hålls inte"
    )
    assert plan.summary().splitlines()[-2:] == [
        "Stadsbyggnadskontoret: 15 kohorter (600 deltagare), 1 mars\xa0– 16 april 2027; "
        "ingen sista dag.",
        PROVEN.explain(),
    ]
    assert plan.summary("en_GB").splitlines()[-1] == (
        "Trafikkontoret: 100 sessions that may be held from 30 August 2027 and must be held "
        "before 29 October 2027 (ABW-2) cannot fit in 88 slots with at most 1 cohort and 40 "
        "people in sessions at once (max_away); its deadlines are not kept"
    )
    problem = PROVEN.problem()
    assert (problem.path, problem.value, problem.code) == (
        "units",
        MISSING,
        "rollout-deadlines-given-up",
    )
    # The message is the English text, the unit named once (no value of its own).
    assert str(problem) == "units: " + PROVEN.explain("en_GB")
    # A saved plan keeps them; a plan without any leaves the field out, as before.
    assert from_json(RolloutPlan, to_json(plan)) == plan
    assert "given_up" not in to_json(attrs.evolve(plan, given_up=()))


def test_a_plan_that_waits_for_a_later_start_gives_up_only_the_proven_deadlines_too() -> None:
    rollout = _one_proven_one_not()
    bound = rollout_search.lower_bound(planner._Setup(rollout).instance)
    # Sessions made to wait (the first later start tried is after the summer break).
    waited = planner._wait(rollout, bound)
    assert waited is not None
    assert waited.given_up == (PROVEN,)
    assert min(s.date for s in waited.sessions) == D(2027, 8, 16)
    assert (waited.end_date, waited.lower_bound) == (D(2028, 1, 11), D(2027, 12, 10))
    assert {(p.code, p.params["unit"]) for p in check_rollout(waited)} == {
        (ProblemCode.ROLLOUT_TOO_LATE.value, "Trafikkontoret")
    }


def test_a_unit_that_misses_its_deadlines_with_no_proof_is_named_as_not_kept() -> None:
    rollout = _one_proven_one_not()
    setup = planner._Setup(rollout)
    plan = plan_rollout(rollout)
    late = attrs.evolve(plan, given_up=())
    # Without the proof, Trafikkontoret is named as not kept; a plan that misses nothing
    # is given back as it is.
    (given,) = setup.given_up(late, {}).given_up
    assert given == DeadlinesGivenUp(unit="Trafikkontoret", proven=False)
    assert given.explain() == (
        "Trafikkontoret: ingen plan som håller enhetens sista dagar hittades, men ingen regel "
        "visar att de inte kan hållas; de hålls inte"
    )
    assert given.explain("en_GB") == (
        "Trafikkontoret: no plan that keeps its deadlines was found, though no rule proves "
        "them out of reach; they are not kept"
    )
    assert given.problem().code == "rollout-deadlines-not-kept"
    met = plan_rollout(_digital())
    assert setup.given_up(met, {}) is met
    # The deadline named is the one whose latest slot, or the slot it is carried back to
    # through the gaps, closes the window: ABW-2's closes ABW-1's too (a week earlier).
    assert setup._closing(0, setup.unit_latest[0][1]) == ("ABW-2", MOVE)
    assert setup._closing(0, setup.unit_latest[0][0]) == ("ABW-2", MOVE)
    early = planner._Setup(_moving(_digital(), deadlines={"ABW-1": D(2027, 9, 1), "ABW-2": MOVE}))
    assert early._closing(0, early.unit_latest[0][0]) == ("ABW-1", D(2027, 9, 1))
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(plan, given_up=["Trafikkontoret"])
    assert [p.path for p in caught.value.problems] == ["given_up[0]"]


def test_the_pass_that_keeps_the_other_units_deadlines_gives_way_when_it_finds_no_plan() -> None:
    rollout = _one_proven_one_not()
    setup = planner._Setup(rollout)
    missed = rollout_away.away_deadlines_missed(setup.instance)
    # A plan that keeps every deadline it could keep: nothing to try.
    early = [rollout_instance.Placement(0, 0, 0, (0,), -1)]
    assert setup.keeping(missed, early) is early
    # One that misses Exploateringskontoret's first deadline and ends there: no pass keeps
    # it by that day (its follow-ups wait for the move), and the second step (without the
    # limited units' deadlines too) is the first again.
    cohort = next(c for c, (unit, _, _) in enumerate(setup.cohorts) if unit == 1)
    late = [rollout_instance.Placement(cohort, 0, setup.instance.latest[cohort][0] + 1, (0,), -1)]
    assert setup.keeping(missed, late) is late
    # With a limit but no proof: the first step was searched already; the second leaves
    # Trafikkontoret's deadlines out, and finds no plan by that day either.
    wider = attrs.evolve(rollout.units[0], max_away=400)
    limited = planner._Setup(attrs.evolve(rollout, units=(wider, *rollout.units[1:])))
    assert rollout_away.away_deadlines_missed(limited.instance) == {}
    assert limited.keeping({}, late) is late


def test_the_pass_that_keeps_the_other_units_deadlines_also_tries_the_dropped_ones_as_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ledarutveckling._rollout import heuristic

    rollout = _one_proven_one_not()
    setup = planner._Setup(rollout)
    missed = rollout_away.away_deadlines_missed(setup.instance)
    cohort = next(c for c, (unit, _, _) in enumerate(setup.cohorts) if unit == 1)
    latest = setup.instance.latest[cohort]

    def late(*modules: int) -> list[rollout_instance.Placement]:
        return [rollout_instance.Placement(cohort, k, latest[k] + 1, (0,), -1) for k in modules]

    plan = late(0)
    found: dict[bool, list[rollout_instance.Placement] | None] = {}
    asked: list[bool] = []
    records: list[dict[int, int] | None] = []

    def either(
        inst: rollout_instance.Instance,
        last: int,
        failed: dict[int, int] | None = None,
        pinned_first: bool = False,
    ) -> list[rollout_instance.Placement] | None:
        asked.append(bool(inst.soft))
        records.append(failed)
        return found[bool(inst.soft)]

    monkeypatch.setattr(heuristic, "schedule_either", either)
    monkeypatch.setattr(heuristic, "compact", lambda inst, placed: placed)
    # The plan the first step finds misses two sessions; the dropped deadlines as order
    # give one that misses one: that one is kept.
    found.update({False: late(0, 1), True: late(0)})
    assert setup.keeping(missed, plan) == late(0)
    assert asked == [False, True]
    # The order's pass skips the passes that placed nothing for the step: one record.
    assert records[0] is not None
    assert records[0] is records[1]
    # One that misses more, or none found: the first step's stays.
    found[True] = late(0, 1, 2)
    assert setup.keeping(missed, plan) == late(0, 1)
    found[True] = None
    assert setup.keeping(missed, plan) == late(0, 1)
    assert setup._lateness(missed, late(0, 1), 0) == (1, 2)


@pytest.mark.parametrize(
    ("people", "code", "text"),
    [
        (  # the one facilitator may not lead ABW-2: that is what to say, not "too few"
            (Facilitator(name="Anna", modules=["ABW-1", "ABW-3"]),),
            ProblemCode.ROLLOUT_TOO_FEW_SKILLED,
            "ABW-2 leds av 2 utbildningsledare samtidigt, men bara 0 av utbildningsledarna "
            "får leda den",
        ),
        (
            (Facilitator(name="Anna"), Facilitator(name="Bo", modules=["ABW-1", "ABW-3"])),
            ProblemCode.ROLLOUT_TOO_FEW_SKILLED,
            "ABW-2 leds av 2 utbildningsledare samtidigt, men bara 1 av utbildningsledarna "
            "får leda den",
        ),
        (  # everyone may lead it, and there are too few
            (Facilitator(name="Anna"),),
            ProblemCode.ROLLOUT_TOO_FEW_FACILITATORS,
            "ABW-2 leds av 2 utbildningsledare samtidigt, men utrullningen har bara 1 "
            "utbildningsledare",
        ),
    ],
)
def test_a_pair_too_few_to_lead_names_the_skills_when_some_may_not_lead_it(
    people: tuple[Facilitator, ...], code: ProblemCode, text: str
) -> None:
    rollout = _digital()
    modules = [
        attrs.evolve(m, facilitators=2) if m.code == "ABW-2" else m for m in rollout.program.modules
    ]
    program = attrs.evolve(rollout.program, modules=modules)
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(rollout, program=program, facilitators=people)
    assert [(p.path, p.code, format_problem(p)) for p in caught.value.problems] == [
        ("facilitators", code, text)
    ]
