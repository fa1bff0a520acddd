"""Self-paced windows and move dates: a date on a window moves the window, not a session.

A unit's earliest date for a self-paced module after the last session opens its window on
that day and moves only its due day; a deadline on a self-paced module between two
sessions may make it due earlier than the next session less the gaps (the gaps are a least).
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pendulum
import pytest

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
    ValidationError,
    to_ical_update,
)
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._rollout import replan_board
from ledarutveckling._rollout.windows import (
    deadline_rule,
    earliest_dues,
    earliest_rule,
    windows,
)
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    Rollout,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    check_rollout,
    plan_rollout,
    replan,
)
from ledarutveckling.serialization import from_json, to_json

D = pendulum.date
H = pendulum.duration
SELF = DeliveryFormat.SELF_PACED


def _program(*modules: Module) -> Program:
    return Program(
        code="ABW-T",
        title="Flytten",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.LONG_PROGRAM,
        cohort_size=(16, 30),
        max_span_days=70,
        modules=modules,
    )


def _module(code: str, fmt: DeliveryFormat, gap: int = 0, facilitators: int = 1) -> Module:
    return Module(
        code=code,
        title=code,
        duration=H(hours=1),
        format=fmt,
        min_days_after_previous=gap,
        facilitators=facilitators,
    )


# W (in person) -> F (digital, +14) -> S (self-paced, +7): the reviewer's program.
LAST = _program(
    _module("W", DeliveryFormat.IN_PERSON),
    _module("F", DeliveryFormat.DIGITAL, 14),
    _module("S", SELF, 7),
)
# W -> S1 (self-paced, +5) -> F (in pairs, +10).
MIDDLE = _program(
    _module("W", DeliveryFormat.IN_PERSON),
    _module("S1", SELF, 5),
    _module("F", DeliveryFormat.IN_PERSON, 10, facilitators=2),
)
# S1 (self-paced) -> W (+7) -> S2 (self-paced, +3) -> S3 (self-paced, +20).
RUNS = _program(
    _module("S1", SELF),
    _module("W", DeliveryFormat.IN_PERSON, 7),
    _module("S2", SELF, 3),
    _module("S3", SELF, 20),
)


def _rollout(program: Program, unit: RolloutUnit, calendar: WorkingCalendar) -> Rollout:
    return Rollout(
        program=program,
        units=[unit],
        facilitators=[Facilitator(name=n) for n in "ABCD"],
        rooms=[Room(name="A", capacity=30)],
        calendar=calendar,
        slots=[
            SessionSlot(start=dt.time(9), end=dt.time(12)),
            SessionSlot(start=dt.time(13), end=dt.time(16)),
        ],
        start=D(2027, 8, 16),
    )


def test_rules_of_dates_on_windows() -> None:
    mods = MIDDLE.modules
    assert earliest_rule(mods, 14, "W") == (0, 0)
    assert earliest_rule(mods, 14, "S1") == (2, 24)  # F at least 14 + 10 days after
    assert deadline_rule(mods, 14, "F") == (2, 0)
    assert deadline_rule(mods, 14, "S1") == (0, -5)  # W at least 5 days before it
    assert earliest_rule(LAST.modules, 14, "S") is None  # moves the window only
    assert deadline_rule(LAST.modules, 14, "S") == (1, -14)
    assert earliest_rule(RUNS.modules, 14, "S1") == (1, 21)
    assert deadline_rule(RUNS.modules, 14, "S1") == (1, 7)  # a first window: as late as it may
    assert deadline_rule(RUNS.modules, 14, "S3") == (1, -34)


def test_a_window_needs_the_sessions_around_it() -> None:
    assert windows(MIDDLE.modules, {"W": D(2027, 9, 1)}, 14) == {}
    assert windows(MIDDLE.modules, {"F": D(2027, 9, 20)}, 14) == {}
    assert windows(RUNS.modules, {}, 14) == {}


def test_a_date_on_a_last_window_moves_its_due_day() -> None:
    held = {"W": D(2027, 9, 1), "F": D(2027, 9, 15)}
    assert windows(LAST.modules, held, 14) == {"S": (D(2027, 9, 15), D(2027, 9, 29))}
    assert windows(LAST.modules, held, 14, {"S": D(2027, 10, 29)}) == {
        "S": (D(2027, 10, 29), D(2027, 11, 12))
    }
    # A date before the last session's day changes nothing.
    assert windows(LAST.modules, held, 14, {"S": D(2027, 9, 2)}) == {
        "S": (D(2027, 9, 15), D(2027, 9, 29))
    }
    runs = {"W": D(2027, 9, 1)}
    assert windows(RUNS.modules, runs, 14, {"S2": D(2027, 10, 1)}) == {
        "S1": (D(2027, 8, 11), D(2027, 8, 25)),
        "S2": (D(2027, 10, 1), D(2027, 10, 15)),
        "S3": (D(2027, 10, 15), D(2027, 11, 4)),
    }


def test_a_deadline_makes_a_middle_window_due_earlier() -> None:
    held = {"W": D(2027, 12, 6), "F": D(2028, 1, 3)}
    assert windows(MIDDLE.modules, held, 14) == {"S1": (D(2027, 12, 6), D(2027, 12, 24))}
    deadline = {"S1": D(2027, 12, 18)}
    assert windows(MIDDLE.modules, held, 14, None, deadline) == {
        "S1": (D(2027, 12, 6), D(2027, 12, 17))
    }
    # Never before the day of the module before it plus its gap ...
    assert windows(MIDDLE.modules, held, 14, None, {"S1": D(2027, 12, 9)}) == {
        "S1": (D(2027, 12, 6), D(2027, 12, 11))
    }
    # ... nor less than self_paced_days after its earliest date.
    assert windows(MIDDLE.modules, held, 14, {"S1": D(2027, 12, 1)}, deadline) == {
        "S1": (D(2027, 12, 6), D(2027, 12, 17))
    }
    assert windows(MIDDLE.modules, held, 14, {"S1": D(2027, 12, 6)}, deadline) == {
        "S1": (D(2027, 12, 6), D(2027, 12, 20))
    }
    # A deadline after the due day changes nothing; one the sessions cannot give, neither.
    assert windows(MIDDLE.modules, held, 14, None, {"S1": D(2027, 12, 30)}) == {
        "S1": (D(2027, 12, 6), D(2027, 12, 24))
    }
    late = {"W": D(2027, 12, 20), "F": D(2027, 12, 31)}
    assert windows(MIDDLE.modules, late, 14, None, deadline) == {
        "S1": (D(2027, 12, 20), D(2027, 12, 21))
    }


def test_a_deadline_makes_the_windows_before_it_in_its_run_due_earlier() -> None:
    run = _program(
        _module("W", DeliveryFormat.IN_PERSON),
        _module("S1", SELF, 2),
        _module("S2", SELF, 3),
        _module("F", DeliveryFormat.IN_PERSON, 4),
    )
    assert deadline_rule(run.modules, 14, "S2") == (0, -5)
    held = {"W": D(2027, 12, 1), "F": D(2027, 12, 31)}
    assert windows(run.modules, held, 14) == {
        "S1": (D(2027, 12, 1), D(2027, 12, 24)),
        "S2": (D(2027, 12, 24), D(2027, 12, 27)),
    }
    assert windows(run.modules, held, 14, None, {"S2": D(2027, 12, 10)}) == {
        "S1": (D(2027, 12, 1), D(2027, 12, 6)),
        "S2": (D(2027, 12, 6), D(2027, 12, 9)),
    }
    assert windows(run.modules, held, 14, None, {"S1": D(2027, 12, 5), "S2": D(2027, 12, 28)}) == {
        "S1": (D(2027, 12, 1), D(2027, 12, 4)),
        "S2": (D(2027, 12, 4), D(2027, 12, 27)),
    }


def test_earliest_dues_follow_the_runs() -> None:
    assert earliest_dues(RUNS.modules, 14, {}) == {}
    assert earliest_dues(RUNS.modules, 14, {"S1": D(2027, 9, 1), "S2": D(2027, 9, 1)}) == {
        "S1": (D(2027, 9, 15), "S1"),
        "S2": (D(2027, 9, 15), "S2"),
        "S3": (D(2027, 10, 5), "S2"),
    }
    assert earliest_dues(RUNS.modules, 14, {"S2": D(2027, 9, 1), "S3": D(2027, 9, 30)}) == {
        "S2": (D(2027, 9, 15), "S2"),
        "S3": (D(2027, 10, 14), "S3"),
    }


@pytest.mark.parametrize(
    ("before", "after", "end"),
    [(("W", "F"), ("S",), D(2027, 9, 3)), (("W",), ("F", "S"), D(2027, 11, 1))],
)
def test_a_last_window_after_the_move_is_no_refusal(
    before: tuple[str, ...], after: tuple[str, ...], end: pendulum.Date
) -> None:
    unit = RolloutUnit.moving(
        name="Trafikkontoret",
        headcount=300,
        move_date=D(2027, 10, 29),
        before=before,
        after=after,
    )
    plan = plan_rollout(_rollout(LAST, unit, WorkingCalendar.sweden()))
    assert check_rollout(plan) == ()
    assert plan.end_date == end
    assert plan.given_up == ()
    follow_ups = {(s.unit, s.cohort): s.date for s in plan.sessions if s.module == "F"}
    assert len(plan.self_paced) == 10
    for w in plan.self_paced:
        assert w.opens == max(follow_ups[(w.unit, w.cohort)], D(2027, 10, 29))
        assert w.due == w.opens.add(days=14)
    assert all(s.date < D(2027, 10, 29) for s in plan.sessions if s.module in before)


def test_a_window_due_before_a_move_across_a_blackout() -> None:
    calendar = WorkingCalendar.sweden(blackouts=[Blackout.iso_weeks("jul", 2027, 51, 52)])
    cases = (
        (D(2027, 12, 18), D(2028, 1, 3), D(2028, 1, 10)),  # a Saturday: F after the blackout
        (D(2027, 12, 17), D(2027, 12, 17), D(2028, 1, 7)),
    )
    for move, first, end in cases:
        unit = RolloutUnit.moving(
            name="Trafikkontoret", headcount=300, move_date=move, before=("W", "S1"), after=("F",)
        )
        plan = plan_rollout(_rollout(MIDDLE, unit, calendar))
        assert check_rollout(plan) == ()
        assert plan.given_up == ()
        assert plan.end_date == end
        assert max(w.due for w in plan.self_paced) == move.subtract(days=1)
        assert min(s.date for s in plan.sessions if s.module == "F") == first
    # Planted: a workshop held too late for its window to be due before the move.
    cohort = [s for s in plan.sessions if s.module == "W"][-1]
    moved = attrs.evolve(
        plan,
        sessions=[
            attrs.evolve(
                s,
                start=pendulum.datetime(2027, 12, 14, 9, tz="Europe/Stockholm"),
                end=pendulum.datetime(2027, 12, 14, 12, tz="Europe/Stockholm"),
            )
            if s is cohort
            else s
            for s in plan.sessions
        ],
    )
    codes = [(p.code, p.params.get("module"), p.params.get("day")) for p in check_rollout(moved)]
    assert (ProblemCode.ROLLOUT_SELF_PACED_TOO_LATE, "S1", D(2027, 12, 19)) in codes


def test_a_window_that_cannot_be_due_in_time_is_refused() -> None:
    unit = RolloutUnit(
        name="Trafikkontoret",
        headcount=300,
        not_before={"S": D(2027, 10, 29)},
        deadlines={"S": D(2027, 11, 5)},
    )
    with pytest.raises(ValidationError) as caught:
        _rollout(LAST, unit, WorkingCalendar.sweden())
    (problem,) = caught.value.problems
    assert problem.code == ProblemCode.ROLLOUT_WINDOW_AFTER_DEADLINE
    assert problem.path == "units[0].deadlines"
    assert problem.params == {
        "unit": "Trafikkontoret",
        "module": "S",
        "deadline": D(2027, 11, 5),
        "due": D(2027, 11, 12),
        "first": "S",
        "not_before": D(2027, 10, 29),
    }
    # A date on the module before it in the run counts too; on or after the deadline it is
    # the empty window, as for a session.
    runs = RolloutUnit(
        name="Trafikkontoret",
        headcount=300,
        not_before={"S2": D(2027, 10, 1)},
        deadlines={"S3": D(2027, 11, 4)},
    )
    with pytest.raises(ValidationError) as caught:
        _rollout(RUNS, runs, WorkingCalendar.sweden())
    assert [(p.code, p.params["due"]) for p in caught.value.problems] == [
        (ProblemCode.ROLLOUT_WINDOW_AFTER_DEADLINE, D(2027, 11, 4))
    ]
    empty = attrs.evolve(unit, deadlines={"S": D(2027, 10, 29)})
    with pytest.raises(ValidationError) as caught:
        _rollout(LAST, empty, WorkingCalendar.sweden())
    assert [p.code for p in caught.value.problems] == [ProblemCode.ROLLOUT_EMPTY_WINDOW]
    fine = attrs.evolve(unit, deadlines={"S": D(2027, 11, 13)})
    assert _rollout(LAST, fine, WorkingCalendar.sweden()).units == (fine,)


BLENDED = Program(
    code="ABW-B",
    title="Flytten",
    service_area=ServiceArea.EMPLOYEESHIP,
    target_group=TargetGroup.ALL_STAFF,
    kind=ProgramKind.LONG_PROGRAM,
    cohort_size=(20, 40),
    max_span_days=60,
    modules=(
        _module("ABW-1", SELF),
        _module("ABW-2", DeliveryFormat.IN_PERSON, 7),
        _module("ABW-3", DeliveryFormat.DIGITAL, 30),
    ),
)


def _blended() -> Rollout:
    return Rollout(
        program=BLENDED,
        units=[
            RolloutUnit(name="Trafikkontoret", headcount=900),
            RolloutUnit(name="Exploateringskontoret", headcount=500),
        ],
        facilitators=[Facilitator(name=n) for n in ("Anna", "Johan", "Sara")],
        rooms=[Room(name="Sal A", capacity=40), Room(name="Sal B", capacity=40)],
        calendar=WorkingCalendar.sweden(),
        slots=[
            SessionSlot(start=dt.time(9), end=dt.time(12)),
            SessionSlot(start=dt.time(13), end=dt.time(16)),
        ],
        start=D(2027, 3, 1),
    )


def test_a_replan_keeps_the_windows_that_had_opened() -> None:
    move = _blended()
    plan = plan_rollout(move)
    today = D(2027, 3, 8)
    opened = {(w.unit, w.cohort): w for w in plan.self_paced if w.opens < today}
    assert len(opened) == 36
    lost = attrs.evolve(move, rooms=move.rooms[:1])
    anna = attrs.evolve(
        move.facilitators[0], absences=[DateRange(start=today, end=today.add(days=13))]
    )
    sick = attrs.evolve(move, facilitators=[anna, *move.facilitators[1:]])
    for changed, moved, held_count in ((lost, 14, 8), (sick, 8, 2)):
        result = replan(plan, changed, today)
        assert len(result.moved) == moved
        held = {f"sessions[{i}]" for i, s in enumerate(result.plan.sessions) if s.date < today}
        # Only the held sessions break a rule: those in the room taken away.
        assert {p.path.split(".")[0] in held for p in check_rollout(result.plan)} <= {True}
        now = {(w.unit, w.cohort): w for w in result.plan.self_paced}
        assert {key: now[key] for key in opened} == opened
        derived = attrs.evolve(result.plan, held_windows=()).self_paced
        assert set(result.plan.held_windows) == set(opened.values()) - set(derived)
        assert len(result.plan.held_windows) == held_count
        workshops = {
            (s.unit, s.cohort): s.date for s in result.plan.sessions if s.module == "ABW-2"
        }
        assert all(workshops[key] >= w.due.add(days=7) for key, w in opened.items())
        before = {(w.unit, w.cohort): w for w in plan.self_paced}
        redrawn = {key for key, w in now.items() if before.get(key) != w}
        assert not redrawn & set(opened)
        changes, _ = to_ical_update(plan, result.plan, stamp=pendulum.datetime(2027, 3, 8))
        assert changes is not None
        assert changes.count(b"BEGIN:VTODO") == len(redrawn)


def test_the_checker_holds_a_session_to_a_kept_window() -> None:
    plan = plan_rollout(_blended())
    window = plan.self_paced[0]
    late = attrs.evolve(window, due=window.due.add(days=3))
    kept = attrs.evolve(plan, held_windows=[late])
    assert late in kept.self_paced
    assert window not in kept.self_paced
    workshop = next(
        (i, s)
        for i, s in enumerate(plan.sessions)
        if (s.unit, s.cohort, s.module) == (window.unit, window.cohort, "ABW-2")
    )
    problems = check_rollout(kept)
    assert [(p.code, p.path, p.params["previous"], p.params["gap"]) for p in problems] == [
        (
            ProblemCode.ROLLOUT_GAP_TOO_SHORT,
            f"sessions[{workshop[0]}].start",
            late.due,
            pendulum.duration(days=7),
        )
    ]
    assert check_rollout(attrs.evolve(plan, held_windows=[window])) == ()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(plan, held_windows=["no window"])
    assert caught.value.problems[0].path == "held_windows[0]"


def test_kept_windows_are_saved_with_the_plan() -> None:
    plan = plan_rollout(_blended())
    assert "held_windows" not in json.loads(to_json(plan))  # plans saved before read as they did
    kept = attrs.evolve(plan, held_windows=plan.self_paced[:2])
    document = json.loads(to_json(kept))
    assert document["held_windows"][0] == {
        "unit": plan.self_paced[0].unit,
        "cohort": plan.self_paced[0].cohort,
        "size": plan.self_paced[0].size,
        "module": "ABW-1",
        "opens": plan.self_paced[0].opens.isoformat(),
        "due": plan.self_paced[0].due.isoformat(),
    }
    assert from_json(RolloutPlan, to_json(kept)) == kept


def test_a_replan_after_the_move_keeps_the_last_windows() -> None:
    unit = RolloutUnit.moving(
        name="Trafikkontoret",
        headcount=300,
        move_date=D(2027, 10, 29),
        before=("W", "F"),
        after=("S",),
    )
    plan = plan_rollout(_rollout(LAST, unit, WorkingCalendar.sweden()))
    today = D(2027, 11, 1)
    assert replan_board._Replanner(plan.rollout, today).earliest == {"Trafikkontoret": {}}
    result = replan(plan, plan.rollout, today)
    assert result.plan == plan  # every window had opened: kept, as the sessions give them
    assert replan_board._kept_after(plan.rollout, list(plan.self_paced)) == {}
    window = plan.self_paced[0]
    assert check_rollout(attrs.evolve(plan, held_windows=[window])) == ()
    stranger = attrs.evolve(window, module="X")
    assert replan_board._kept_after(plan.rollout, [stranger]) == {}


def test_a_session_too_soon_after_a_kept_window_is_no_replan() -> None:
    plan = plan_rollout(_blended())
    today = D(2027, 3, 8)
    window = next(w for w in plan.self_paced if w.opens < today <= w.due.add(days=7))
    index, workshop = next(
        (i, s)
        for i, s in enumerate(plan.sessions)
        if (s.unit, s.cohort, s.module) == (window.unit, window.cohort, "ABW-2")
    )
    shift = (workshop.date - window.due).days - 6  # one day too soon
    sooner = attrs.evolve(
        workshop,
        start=workshop.start.subtract(days=shift),
        end=workshop.end.subtract(days=shift),
    )
    sessions = list(plan.sessions)
    sessions[index] = sooner
    assert not replan_board._opened_early(plan, plan, today)
    assert replan_board._opened_early(plan, attrs.evolve(plan, sessions=sessions), today)


def test_a_later_deadline_on_the_same_session_does_not_loosen_it() -> None:
    unit = RolloutUnit(
        name="Trafikkontoret",
        headcount=300,
        deadlines={"W": D(2027, 12, 1), "S1": D(2027, 12, 20)},
    )
    replanner = replan_board._Replanner(
        _rollout(MIDDLE, unit, WorkingCalendar.sweden()), D(2027, 8, 16)
    )
    assert replanner.latest == {"Trafikkontoret": {"W": D(2027, 12, 1)}}
