"""Re-planning never refuses a change that has a re-plan (ledarutveckling._rollout.completion).

A brute force here (independent of the library's searches) tries every day, slot,
facilitator team and room for the sessions not yet held of small rollouts; when it finds a
completion, :func:`replan` must not refuse, and whatever it returns keeps every rule that
the held sessions did not break before the change.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Module,
    ProblemCode,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
    ValidationError,
)
from ledarutveckling._rollout import completion as completion_module
from ledarutveckling._rollout import completion_exact, replan_board, replan_repair
from ledarutveckling._rollout import replan as replan_module
from ledarutveckling._rollout.problem import _sizes
from ledarutveckling.formatting import STOCKHOLM, format_problem
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    Replan,
    Rollout,
    RolloutPlan,
    RolloutSession,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingCalendar,
    plan_rollout,
    replan,
)
from tests.test_rollout import START, day, module, plan, program

# -- the oracle ----------------------------------------------------------------------------


def brute_force(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, days: int = 25
) -> list[RolloutSession] | None:
    """A completion of the sessions not held before *today* within *days* working days.

    Depth first over every cohort's missing modules in order, each in every day, slot,
    team of facilitators and room (the rules of check_rollout kept as it goes); ``None``
    when there is none within those days (or the search gives up after many nodes).
    """
    program_ = rollout.program
    modules = list(program_.modules)
    first = max(today, rollout.start)
    calendar: list[pendulum.Date] = []
    current = first
    while len(calendar) < days:
        if rollout.calendar.is_working_day(current):
            calendar.append(current)
        current = current.add(days=1)
    held = [s for s in previous.sessions if s.date < today]
    busy: set[tuple[str, pendulum.Date, int]] = set()
    rooms: set[tuple[str, pendulum.Date, int]] = set()
    per_day: dict[tuple[str, pendulum.Date], int] = defaultdict(int)
    per_week: dict[tuple[str, tuple[int, int]], int] = defaultdict(int)
    away: dict[tuple[str, pendulum.DateTime], int] = defaultdict(int)
    for s in held:
        for name in s.facilitators:
            per_week[(name, s.date.isocalendar()[:2])] += 1
    done: dict[tuple[str, int], list[RolloutSession | None]] = {}
    sizes: dict[tuple[str, int], int] = {}
    for unit in rollout.units:
        for number, size in enumerate(_sizes(unit.headcount, rollout.cohort_sizes) or [], 1):
            done[(unit.name, number)] = [None] * len(modules)
            sizes[(unit.name, number)] = size
    for s in held:
        done[(s.unit, s.cohort)][[m.code for m in modules].index(s.module)] = s
    todo = [(c, k) for c, chain in done.items() for k in range(len(modules)) if chain[k] is None]
    units = {u.name: u for u in rollout.units}
    out: list[RolloutSession] = []
    nodes = [0]

    def options(c: tuple[str, int], k: int) -> list[RolloutSession]:
        m = modules[k]
        unit = units[c[0]]
        before = done[c][k - 1] if k else None
        start = done[c][0]
        found = []
        for d in calendar:
            if before is not None and (d - before.date).days < m.min_days_after_previous:
                continue
            if m.code in unit.deadlines and d >= unit.deadlines[m.code]:
                continue
            if m.code in unit.not_before and d < unit.not_before[m.code]:
                continue
            span = program_.max_span_days
            if span is not None and start is not None and (d - start.date).days > span:
                continue
            for slot in rollout.slots:
                begin = pendulum.datetime(
                    d.year, d.month, d.day, slot.start.hour, slot.start.minute, tz=STOCKHOLM
                )
                if before is not None and begin < before.end:
                    continue
                free = [
                    f.name
                    for f in rollout.facilitators
                    if not f.is_absent(d)
                    and (f.name, d, slot.start.hour) not in busy
                    and per_day[(f.name, d)] < f.max_sessions_per_day
                    and per_week[(f.name, d.isocalendar()[:2])] < f.max_sessions_per_week
                    and (f.modules is None or m.code in f.modules)
                ]
                places: Sequence[str | None] = [None]
                if m.format.needs_room:
                    places = [
                        r.name
                        for r in rollout.rooms
                        if r.capacity >= sizes[c] and (r.name, d, slot.start.hour) not in rooms
                    ]
                for team in itertools.combinations(free, m.facilitators):
                    for room in places:
                        found.append(
                            RolloutSession(
                                unit=c[0],
                                cohort=c[1],
                                size=sizes[c],
                                module=m.code,
                                start=begin,
                                end=begin.add(seconds=int(m.duration.total_seconds())),
                                facilitators=team,
                                room=room,
                            )
                        )
        return found

    def search(position: int) -> bool:
        if position == len(todo):
            return True
        nodes[0] += 1
        if nodes[0] > 20_000:
            return False
        c, k = todo[position]
        last = done[c][len(modules) - 1]
        for s in options(c, k):
            span = program_.max_span_days
            if (
                k == 0
                and span is not None
                and last is not None
                and (last.date - s.date).days > span
            ):
                continue
            most = units[c[0]].max_away
            if most is not None and away[(c[0], s.start)] + s.size > most:
                continue
            away[(c[0], s.start)] += s.size
            hour = s.start.hour
            for name in s.facilitators:
                busy.add((name, s.date, hour))
                per_day[(name, s.date)] += 1
                per_week[(name, s.date.isocalendar()[:2])] += 1
            if s.room is not None:
                rooms.add((s.room, s.date, hour))
            done[c][k] = s
            out.append(s)
            if search(position + 1):
                return True
            out.pop()
            done[c][k] = None
            for name in s.facilitators:
                busy.discard((name, s.date, hour))
                per_day[(name, s.date)] -= 1
                per_week[(name, s.date.isocalendar()[:2])] -= 1
            if s.room is not None:
                rooms.discard((s.room, s.date, hour))
            away[(c[0], s.start)] -= s.size
        return False

    return list(out) if search(0) else None


def acceptable(result: Replan) -> None:
    """The held sessions are untouched and every other rule holds."""
    before = [s for s in result.previous.sessions if s.date < result.today]
    assert [s for s in result.plan.sessions if s.date < result.today] == before
    assert replan_repair._acceptable(result.plan, result.today)


# -- a small rollout and a change ------------------------------------------------------------

FACILITATORS = tuple(Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia"))


@st.composite
def changed_rollouts(draw: st.DrawFn) -> tuple[RolloutPlan, Rollout, pendulum.Date, str]:
    """A small planned rollout, a day into it and a change: sick, room, deadline, move date."""
    in_person = DeliveryFormat.IN_PERSON
    digital = DeliveryFormat.DIGITAL
    modules = [
        module("M1", draw(st.sampled_from([in_person, digital]))),
        module(
            "M2",
            draw(st.sampled_from([in_person, digital])),
            gap=draw(st.integers(0, 7)),
            facilitators=draw(st.integers(1, 2)),
        ),
    ]
    span = draw(st.sampled_from([None, 10, 21]))
    units = [
        RolloutUnit(
            name=name,
            headcount=draw(st.integers(8, 24)),
            max_away=draw(st.sampled_from([None, None, 12, 20])),
        )
        for name in ("A", "B")[: draw(st.integers(1, 2))]
    ]
    facilitators = [
        attrs.evolve(
            f,
            max_sessions_per_day=draw(st.integers(1, 2)),
            modules=draw(st.sampled_from([None, None, ("M1",), ("M2",)])) if i else None,
        )
        for i, f in enumerate(FACILITATORS[: draw(st.integers(2, 3))])
    ]
    rooms = [
        Room(name="Ateljén", capacity=12),
        Room(name="Verkstan", capacity=draw(st.sampled_from([8, 12]))),
    ]
    try:
        before = plan(
            program=program(*modules, span=span),
            units=units,
            facilitators=facilitators,
            rooms=rooms,
        )
    except ValidationError:  # pragma: no cover - small rollouts plan
        assume(False)
        raise
    # The re-plan splits units as the fewest cohorts; the planner may have chosen more.
    fewest = {
        (u.name, number): size
        for u in units
        for number, size in enumerate(_sizes(u.headcount, (8, 12)) or [], 1)
    }
    assume({(s.unit, s.cohort): s.size for s in before.sessions} == fewest)
    first, last = before.sessions[0].date, before.end_date
    today = first.add(days=draw(st.integers(0, max((last - first).days, 0))))
    rollout = before.rollout
    kind = draw(st.sampled_from(["sick", "room", "deadline", "move"]))
    if kind == "sick":
        name = draw(st.sampled_from([f.name for f in facilitators]))
        absent = DateRange(start=today, end=today.add(days=draw(st.integers(1, 13))))
        changed = attrs.evolve(
            rollout,
            facilitators=[
                attrs.evolve(f, absences=[absent]) if f.name == name else f for f in facilitators
            ],
        )
    elif kind == "room":
        # Any room may go, the one a started cohort needs too (then no re-plan exists).
        kept = rooms[draw(st.integers(0, 1)) :][:1]
        try:
            changed = attrs.evolve(rollout, rooms=kept)
        except ValidationError:  # a unit no longer splits into cohorts the room takes
            assume(False)
            raise
    else:
        index = draw(st.integers(0, len(units) - 1))
        when = today.add(days=draw(st.integers(0, 20)))
        unit = units[index]
        unit = (
            attrs.evolve(unit, deadlines={"M2": when})
            if kind == "deadline"
            else attrs.evolve(unit, not_before={"M2": when})
        )
        changed = attrs.evolve(
            rollout, units=[unit if i == index else u for i, u in enumerate(units)]
        )
    return before, changed, today, kind


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(changed_rollouts())
def test_replan_refuses_only_what_has_no_re_plan(
    case: tuple[RolloutPlan, Rollout, pendulum.Date, str],
) -> None:
    before, changed, today, _ = case
    witness = brute_force(before, changed, today)
    # The previous plan itself, when it keeps every rule of the changed rollout, is the
    # re-plan with no change.
    still = RolloutPlan(rollout=changed, sessions=before.sessions, bound=before.bound)
    unchanged = replan_repair._acceptable(still, today) and all(
        s.size <= max(r.capacity for r in changed.rooms) for s in before.sessions
    )
    try:
        result = replan(before, changed, today)
    except ValidationError as error:
        (problem,) = error.problems
        # Small rollouts are decided: a refusal comes with a proof, never "not found".
        assert problem.code is not ProblemCode.REPLAN_NOT_FOUND
        assert witness is None, format_problem(problem, locale="en_GB")
        assert not unchanged
        if problem.code is ProblemCode.REPLAN_ROOM_TOO_SMALL:
            started = {(s.unit, s.cohort) for s in before.sessions if s.date < today}
            assert any(
                (s.unit, s.cohort) in started
                and s.size > int(str(problem.value))
                and s.date >= today
                for s in before.sessions
                if s.room is not None
            )
        return
    acceptable(result)
    if unchanged:
        assert result.changes == 0


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(changed_rollouts())
def test_the_exact_search_alone_decides_small_re_plans(
    case: tuple[RolloutPlan, Rollout, pendulum.Date, str],
) -> None:
    """Without the repair and the list schedule, the exact search plans or proves."""
    before, changed, today, _ = case
    witness = brute_force(before, changed, today)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(replan_module, "_repair", lambda *args: None)
        patch.setattr(completion_module.Completion, "schedule", lambda *a, **k: None)
        patch.setattr(replan_module, "_restricts", lambda *args: True)
        try:
            result = replan(before, changed, today)
        except ValidationError as error:
            (problem,) = error.problems
            assert problem.code is not ProblemCode.REPLAN_NOT_FOUND
            assert witness is None, format_problem(problem, locale="en_GB")
            return
    acceptable(result)
    assert result.fallback or not result.changes


def test_the_brute_force_finds_valid_completions() -> None:
    before = plan(
        program=program(
            module("M1", DeliveryFormat.IN_PERSON), module("M2", DeliveryFormat.DIGITAL, gap=2)
        ),
        units=[RolloutUnit(name="A", headcount=20)],
        facilitators=[Facilitator(name="Anna")],
    )
    today = before.sessions[1].date
    found = brute_force(before, before.rollout, today)
    assert found is not None
    held = [s for s in before.sessions if s.date < today]
    candidate = attrs.evolve(
        before, sessions=replan_repair._ordered(before.rollout, [*held, *found])
    )
    assert replan_repair._acceptable(candidate, today)
    assert brute_force(before, before.rollout, today, days=0) is None


# -- a re-plan the greedy repair refused -------------------------------------------------------


def test_a_unit_made_to_finish_sooner_is_re_planned_where_the_repair_gave_up() -> None:
    """A benchmark case made five times smaller: re-planning used to refuse it."""
    hours = pendulum.duration(hours=3)
    abw = Program(
        code="ABW",
        title="Att arbeta aktivitetsbaserat",
        service_area=ServiceArea.EMPLOYEESHIP,
        target_group=TargetGroup.ALL_STAFF,
        kind=ProgramKind.SHORT_INTERVENTION,
        cohort_size=(15, 22),
        max_span_days=63,
        modules=(
            Module(code="M1", title="Nya sätt", duration=hours, format=DeliveryFormat.IN_PERSON),
            Module(
                code="M2",
                title="Digitala verktyg",
                duration=pendulum.duration(hours=2),
                format=DeliveryFormat.DIGITAL,
                min_days_after_previous=7,
            ),
            Module(
                code="M3",
                title="Vår arbetsplats",
                duration=hours,
                format=DeliveryFormat.IN_PERSON,
                min_days_after_previous=21,
            ),
        ),
    )
    calendar = WorkingCalendar.sweden(
        blackouts=[
            Blackout(name="sportlov", period=DateRange.from_iso("2027-03-01", "2027-03-07")),
            Blackout(name="sommar", period=DateRange.from_iso("2027-07-05", "2027-08-15")),
        ]
    )
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=260, deadlines={"M3": day("2027-05-31")}),
        RolloutUnit(
            name="Exploateringskontoret", headcount=120, deadlines={"M3": day("2027-06-21")}
        ),
    ]
    before = plan_rollout(
        abw,
        units,
        [Facilitator(name="Anna", absences=[DateRange.from_iso("2027-02-22", "2027-03-05")])],
        [
            Room(name="Ateljén", capacity=24),
            Room(name="Verkstan", capacity=22),
            Room(name="Hörsalen", capacity=40),
        ],
        calendar,
        (
            SessionSlot(start=pendulum.time(9), end=pendulum.time(12)),
            SessionSlot(start=pendulum.time(13), end=pendulum.time(16)),
        ),
        pendulum.date(2027, 1, 11),
    )
    assert (len(before.sessions), before.end_date) == (54, day("2027-03-17"))
    today = day("2027-01-27")
    sooner = attrs.evolve(units[0], deadlines={"M3": day("2027-03-17")})
    result = replan(before, attrs.evolve(before.rollout, units=[sooner, units[1]]), today)
    acceptable(result)
    # The re-insertion (replan_insert) keeps 30; the greedy repair gave up here (fallback:
    # 8 kept, 28 moved).
    assert (len(result.held), len(result.kept), len(result.moved), result.fallback) == (
        18,
        30,
        6,
        False,
    )
    assert result.plan.end_date == day("2027-03-17")
    assert max(s.date for s in result.plan.sessions if s.unit == "Trafikkontoret") == day(
        "2027-03-16"
    )


# -- refusals name the rule that binds ---------------------------------------------------------

PROGRAM = program(
    module("M1", DeliveryFormat.IN_PERSON),
    module("M2", DeliveryFormat.DIGITAL, gap=7),
    module("M3", DeliveryFormat.IN_PERSON, gap=7, facilitators=2),
    span=35,
)
UNITS = (
    RolloutUnit(name="Trafikkontoret", headcount=120, deadlines={"M3": day("2027-04-01")}),
    RolloutUnit(name="Exploateringskontoret", headcount=80, deadlines={"M3": day("2027-05-03")}),
    RolloutUnit(name="Stadsbyggnadskontoret", headcount=100),
)
FOUR = tuple(Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia", "David"))
ROOMS = (Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=12))
TODAY = day("2027-01-25")


@pytest.fixture(scope="module")
def base() -> RolloutPlan:
    return plan(program=PROGRAM, units=UNITS, facilitators=FOUR, rooms=ROOMS)


def refusal(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date = TODAY) -> Any:
    with pytest.raises(ValidationError) as error:
        replan(previous, rollout, today)
    (problem,) = error.value.problems
    return problem


def test_a_deadline_the_remaining_modules_cannot_meet_is_named(base: RolloutPlan) -> None:
    units = [attrs.evolve(UNITS[0], deadlines={"M3": day("2027-01-27")}), *UNITS[1:]]
    problem = refusal(base, attrs.evolve(base.rollout, units=units))
    assert problem.code is ProblemCode.REPLAN_DEADLINE_PASSED
    assert (problem.path, problem.value) == ("units[0].deadlines", day("2027-01-27"))
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret, cohort 1: M3 has not been held and cannot be held before "
        "27 January 2027, from 25 January 2027 with the gaps between the modules and the "
        "calendar"
    )


def test_a_span_that_has_run_out_is_named(base: RolloutPlan) -> None:
    """The unit's move is put off: its started cohorts cannot wait for it within the span."""
    units = [attrs.evolve(UNITS[0], not_before={"M3": day("2027-03-15")}), *UNITS[1:]]
    problem = refusal(base, attrs.evolve(base.rollout, units=units))
    assert problem.code is ProblemCode.REPLAN_SPAN_PASSED
    assert (problem.path, problem.value) == ("program.max_span_days", 35)
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret, cohort 1, started on 18 January 2027 and cannot hold M3 within the "
        "program's longest span, 35 days, after 25 January 2027"
    )


def test_too_few_rooms_for_the_sessions_due_are_counted(base: RolloutPlan) -> None:
    units = [attrs.evolve(u, deadlines={"M3": day("2027-02-10")}) for u in UNITS]
    problem = refusal(base, attrs.evolve(base.rollout, units=units, rooms=ROOMS[:1]))
    assert problem.code is ProblemCode.REPLAN_NO_CAPACITY
    assert (problem.path, problem.value) == ("rooms", 24)
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan exists that keeps the sessions before 25 January 2027: 26 sessions (among "
        "them Trafikkontoret, cohort 4, M3) must be held 25 January 2027–9 February 2027, but "
        "1 room seating at least 11 can only take 24 sessions"
    )


def test_a_room_too_small_for_the_cohorts_is_not_counted_in_a_refusal(base: RolloutPlan) -> None:
    """A room of 6 takes no cohort: the refusal counts the one room of 12, and says so.

    It used to say "2 lokaler räcker bara till 24" while counting the room of 12 alone.
    """
    units = [attrs.evolve(u, deadlines={"M3": day("2027-02-10")}) for u in UNITS]
    rooms = [ROOMS[0], Room(name="Skrubben", capacity=6)]
    problem = refusal(base, attrs.evolve(base.rollout, units=units, rooms=rooms))
    assert problem.code is ProblemCode.REPLAN_NO_CAPACITY
    assert (problem.path, problem.value) == ("rooms", 24)
    assert format_problem(problem) == (
        "Ingen omplanering finns som behåller träffarna före 25 januari 2027: 26 träffar (bland "
        "dem Trafikkontoret, kohort 4, M3) måste hållas 25 januari 2027–9 februari 2027, men "
        "1 lokal med plats för minst 11 deltagare räcker bara till 24 träffar"
    )
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan exists that keeps the sessions before 25 January 2027: 26 sessions (among "
        "them Trafikkontoret, cohort 4, M3) must be held 25 January 2027–9 February 2027, but "
        "1 room seating at least 11 can only take 24 sessions"
    )


def test_too_few_facilitators_for_the_sessions_due_are_counted(base: RolloutPlan) -> None:
    units = [attrs.evolve(u, deadlines={"M3": day("2027-02-16")}) for u in UNITS]
    problem = refusal(base, attrs.evolve(base.rollout, units=units, facilitators=FOUR[:2]))
    assert problem.code is ProblemCode.REPLAN_NO_CAPACITY
    assert (problem.path, problem.value) == ("facilitators", 46)
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan exists that keeps the sessions before 25 January 2027: 58 facilitator "
        "sessions (among them Trafikkontoret, cohort 4, M3) must be held 25 January "
        "2027–15 February 2027, but 2 facilitators can only take 46 facilitator sessions"
    )
    # M3 takes two facilitators: the count is of facilitator sessions, not of sessions.
    assert format_problem(problem) == (
        "Ingen omplanering finns som behåller träffarna före 25 januari 2027: 58 "
        "utbildningsledarpass (bland dem Trafikkontoret, kohort 4, M3) måste hållas "
        "25 januari 2027–15 februari 2027, men 2 utbildningsledare räcker bara till 46 "
        "utbildningsledarpass"
    )


def two_facilitators_needed() -> tuple[RolloutPlan, Rollout]:
    """Two cohorts started; M2 takes two facilitators within the span; one falls ill."""
    before = plan(
        program=program(
            module("M1", DeliveryFormat.IN_PERSON),
            module("M2", DeliveryFormat.IN_PERSON, gap=6, facilitators=2),
            span=10,
        ),
        units=[RolloutUnit(name="A", headcount=19)],
        facilitators=[
            Facilitator(name="Anna", max_sessions_per_day=1),
            Facilitator(name="Björn", max_sessions_per_day=1),
        ],
        rooms=[Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=8)],
    )
    absent = DateRange.from_iso("2027-01-18", "2027-01-31")
    anna, bjorn = before.rollout.facilitators
    return before, attrs.evolve(
        before.rollout, facilitators=[anna, attrs.evolve(bjorn, absences=[absent])]
    )


def test_the_exact_search_proves_that_no_re_plan_exists() -> None:
    before, changed = two_facilitators_needed()
    assert [(s.cohort, s.module, s.date) for s in before.sessions] == [
        (1, "M1", day("2027-01-11")),
        (2, "M1", day("2027-01-11")),
        (2, "M2", day("2027-01-18")),
        (1, "M2", day("2027-01-19")),
    ]
    problem = refusal(before, changed, day("2027-01-18"))
    assert problem.code is ProblemCode.REPLAN_NONE_EXISTS
    assert format_problem(problem, locale="en_GB") == (
        "No re-plan exists that keeps the sessions before 18 January 2027: the remaining "
        "sessions cannot be held within the gaps between the modules, the program's longest "
        "span and the facilitators' and rooms' times"
    )  # A has no deadlines: the refusal names none
    dated = attrs.evolve(
        changed, units=[attrs.evolve(changed.units[0], deadlines={"M2": day("2027-03-01")})]
    )
    problem = refusal(before, dated, day("2027-01-18"))
    assert format_problem(problem) == (
        "Ingen omplanering finns som behåller träffarna före 18 januari 2027: de återstående "
        "träffarna kan inte hållas inom sista dagarna, modulernas mellanrum, programmets "
        "längsta tid och utbildningsledarnas och lokalernas tider"
    )
    assert brute_force(before, changed, day("2027-01-18"), days=40) is None


def test_the_exact_search_finds_what_the_list_schedule_misses(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(completion_module.Completion, "schedule", lambda self, *a, **k: None)
    anna = attrs.evolve(FOUR[0], absences=[DateRange(start=TODAY, end=TODAY.add(days=13))])
    result = replan(base, attrs.evolve(base.rollout, facilitators=[anna, *FOUR[1:]]), TODAY)
    acceptable(result)
    assert result.fallback
    assert (len(result.held), len(result.moved) + len(result.kept)) == (46, 32)


def test_when_the_exact_search_is_too_large_nothing_is_proven(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replan_module, "_repair", lambda *args: None)
    monkeypatch.setattr(completion_module.Completion, "schedule", lambda self, *a, **k: None)
    monkeypatch.setattr(completion_exact, "EXACT_LIMIT", 10)
    problem = refusal(base, base.rollout)
    assert problem.code is ProblemCode.REPLAN_NOT_FOUND
    assert problem.value == "2027-01-25"


# -- the completion's edges ----------------------------------------------------------------------


def test_with_everything_held_nothing_is_left_to_place(base: RolloutPlan) -> None:
    after = base.end_date.add(days=1)
    held = {replan_board._key(s): s for s in base.sessions}
    completion = replan_repair._completion(base, base.rollout, after, held)
    assert (completion.todo, completion.schedule(), completion.exact()) == ([], [], [])
    assert completion.crowded() is None


def test_an_earliest_date_past_the_horizon_leaves_no_window(base: RolloutPlan) -> None:
    late = [attrs.evolve(u, deadlines={}, not_before={"M1": day("2031-01-01")}) for u in UNITS]
    changed = attrs.evolve(base.rollout, units=late)
    completion = replan_repair._completion(base, changed, START, {})
    assert completion.empty() == (0, 0)
    assert completion.binding(0, 0) is None
    assert (completion.schedule(), completion.exact()) == (None, False)
    problem = refusal(base, changed, START)
    assert problem.code is ProblemCode.REPLAN_NONE_EXISTS


def test_sessions_of_cohorts_no_longer_there_are_left_out(base: RolloutPlan) -> None:
    fewer = [attrs.evolve(UNITS[0], headcount=10), *UNITS[1:]]
    changed = attrs.evolve(base.rollout, units=fewer)
    held = {replan_board._key(s): s for s in base.sessions if s.date < TODAY}
    completion = replan_repair._completion(base, changed, TODAY, held)
    assert completion.index[("Trafikkontoret", 1)] == 0
    assert ("Trafikkontoret", 2) not in completion.index
    placed = completion.schedule()
    assert placed is not None
    assert {p.cohort for p in placed} <= set(range(len(completion.cohorts)))


def test_the_exact_search_for_the_fewest_changes_keeps_an_unchanged_plan(
    base: RolloutPlan,
) -> None:
    """Nothing changed: every session not held can stay where it was, with its facilitators."""
    today = day("2027-01-25")
    held = {replan_board._key(s): s for s in base.sessions if s.date < today}
    completion = replan_repair._completion(base, base.rollout, today, held)
    found = completion.exact(changes=True)
    assert isinstance(found, list)
    assert len(found) == len(completion.todo)
    assert all(
        completion.wanted[(p.cohort, p.module)][:2] == (p.slot, frozenset(p.facilitators))
        for p in found
    )
