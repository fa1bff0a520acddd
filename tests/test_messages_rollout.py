"""The rollout's problems and the calendar export's in whole Swedish and English sentences.

Each rule of :func:`check_rollout`, of a :class:`Rollout` and its parts and of :func:`to_ical`
is broken through the public API, and the problem it gives is written from the catalogue:
its code, and the whole sentence in both languages (issue 19). Values are written as a
reader writes them: dates as dates, times as ``09:00``, numbers with a no-break space.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import pendulum
import pytest

from ledarutveckling import (
    DateRange,
    DeliveryFormat,
    Problem,
    ProblemCode,
    ValidationError,
    to_ical,
)
from ledarutveckling._cli import main
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import (
    Facilitator,
    RolloutPlan,
    RolloutUnit,
    Room,
    SessionSlot,
    check_rollout,
)
from tests.test_messages_codes import assert_swedish
from tests.test_rollout import (
    ONE_MODULE,
    SLOTS,
    change,
    day,
    index_of,
    module,
    moved,
    plan,
    program,
    replanned,
    rollout,
)

NBSP = "\xa0"


@pytest.fixture(scope="module")
def valid() -> RolloutPlan:
    """Trafikkontoret (2 cohorts of 10, M3 before 1 March 2027) and Stadsarkivet (1 of 12)."""
    units = [
        RolloutUnit(name="Trafikkontoret", headcount=20, deadlines={"M3": day("2027-03-01")}),
        RolloutUnit(name="Stadsarkivet", headcount=12),
    ]
    return plan(
        program=program(span=30),
        units=units,
        facilitators=[Facilitator(name="Anna"), Facilitator(name="Björn")],
        rooms=[Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=12)],
    )


def written(problem: Problem) -> tuple[str, str, str]:
    """The problem's code and its sentence in Swedish and in English."""
    assert problem.code is not None
    assert_swedish(problem)
    return (problem.code, format_problem(problem), format_problem(problem, locale="en_GB"))


def at(problems: Sequence[Problem], path: str, code: ProblemCode) -> tuple[str, str, str]:
    """The one problem of *problems* at *path* with *code*, written."""
    (problem,) = [p for p in problems if p.path == path and p.code == code]
    return written(problem)


def refused(build: Callable[[], object]) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as caught:
        build()
    return caught.value.problems


# -- check_rollout: the session itself ------------------------------------------------------


def test_a_session_of_an_unknown_unit_and_module(valid: RolloutPlan) -> None:
    problems = check_rollout(change(valid, 0, unit="Okänd", module="M9"))
    assert at(problems, "sessions[0].unit", ProblemCode.ROLLOUT_UNKNOWN_UNIT) == (
        "rollout-unknown-unit",
        "Okänd är ingen enhet i utrullningen",
        "Okänd is not a unit of the rollout",
    )
    assert at(problems, "sessions[0].module", ProblemCode.ROLLOUT_UNKNOWN_MODULE)[1] == (
        "M9 är ingen modul i programmet ABW, som har M1, M2 och M3"
    )


def test_a_session_of_a_self_paced_module(valid: RolloutPlan) -> None:
    paced = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.SELF_PACED, gap=7),
        module("M3", DeliveryFormat.IN_PERSON, gap=7),
        span=30,
    )
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    problems = check_rollout(replanned(valid, program=paced))
    assert at(problems, f"sessions[{i}].module", ProblemCode.ROLLOUT_SELF_PACED_SESSION) == (
        "rollout-self-paced-session",
        "M2 är självstudier och har inga träffar, utbildningsledare eller lokaler; kohorten "
        "får en period för den i stället",
        "M2 is self-paced and takes no session, facilitator or room; the cohort gets a window "
        "for it instead",
    )


def test_a_session_that_does_not_fit_the_calendar_or_the_slots(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M3")  # 25 January 2027 at 09:00
    saturday = change(valid, i, **moved(valid.sessions[i], days=5))
    assert at(
        check_rollout(saturday), f"sessions[{i}].start", ProblemCode.ROLLOUT_NOT_WORKING_DAY
    ) == (
        "rollout-not-working-day",
        "träffen 30 januari 2027 ligger inte på en arbetsdag i kalendern",
        "the session on 30 January 2027 is not on a working day of the calendar",
    )
    early = check_rollout(replanned(valid, start=day("2027-01-12")))
    assert at(early, "sessions[0].start", ProblemCode.ROLLOUT_BEFORE_START) == (
        "rollout-before-start",
        "träffen börjar måndag 11 januari 2027 kl. 09:00, före utrullningens första dag "
        "(12 januari 2027)",
        "the session starts on Monday, 11 January 2027 at 09:00, before the rollout's first "
        "day (12 January 2027)",
    )
    late = check_rollout(change(valid, 0, **moved(valid.sessions[0], minutes=30)))
    assert at(late, "sessions[0].start", ProblemCode.ROLLOUT_NOT_SLOT_START) == (
        "rollout-not-slot-start",
        "träffen börjar kl. 09:30, inte när ett pass börjar (kl. 09:00 och 13:00)",
        "the session starts at 09:30, not when a slot starts (at 09:00 and 13:00)",
    )
    long = check_rollout(change(valid, 0, end=valid.sessions[0].end.add(hours=1)))
    assert at(long, "sessions[0].end", ProblemCode.ROLLOUT_PAST_SLOT) == (
        "rollout-past-slot",
        "träffen slutar måndag 11 januari 2027 kl. 13:00, men dess pass slutar kl. 12:00",
        "the session ends on Monday, 11 January 2027 at 13:00, but its slot ends at 12:00",
    )
    assert at(long, "sessions[0].end", ProblemCode.ROLLOUT_WRONG_DURATION) == (
        "rollout-wrong-duration",
        "träffen varar 4 timmar, men M1 tar 3 timmar",
        "the session lasts 4 hours, but M1 takes 3 hours",
    )


def test_a_session_that_ends_before_it_starts(valid: RolloutPlan) -> None:
    backwards = check_rollout(change(valid, 0, end=valid.sessions[0].start.subtract(hours=1)))
    assert at(backwards, "sessions[0].end", ProblemCode.END_BEFORE_START)[1:] == (
        "slutet (måndag 11 januari 2027 kl. 08:00) ligger före början "
        "(måndag 11 januari 2027 kl. 09:00)",
        "the end (Monday, 11 January 2027 at 08:00) is before the start "
        "(Monday, 11 January 2027 at 09:00)",
    )


def test_a_session_without_an_aware_start(valid: RolloutPlan) -> None:
    naive = check_rollout(change(valid, 0, start=dt.datetime(2027, 1, 11, 9)))
    assert at(naive, "sessions[0].start", ProblemCode.NOT_AWARE)[1] == (
        "tidpunkten saknar tidszon; ange den, till exempel Europe/Stockholm"
    )
    text = check_rollout(change(valid, 0, end="12:00"))
    assert at(text, "sessions[0].end", ProblemCode.MUST_BE)[1:] == (
        "här ska det stå en tidpunkt med tidszon, till exempel "
        "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
        "this must be a date and time with its zone, e.g. "
        "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
    )


# -- check_rollout: facilitators and rooms --------------------------------------------------


def test_the_wrong_facilitators(valid: RolloutPlan) -> None:
    none = check_rollout(change(valid, 0, facilitators=()))
    assert at(none, "sessions[0].facilitators", ProblemCode.ROLLOUT_FACILITATOR_COUNT) == (
        "rollout-facilitator-count",
        "M1 ska ledas av 1 utbildningsledare, inte 0",
        "M1 must be led by 1 facilitator, not 0",
    )
    unknown = check_rollout(change(valid, 0, facilitators=("Okänd",)))
    assert at(unknown, "sessions[0].facilitators[0]", ProblemCode.ROLLOUT_UNKNOWN_FACILITATOR) == (
        "rollout-unknown-facilitator",
        "Okänd är ingen utbildningsledare i utrullningen",
        "Okänd is not a facilitator of the rollout",
    )
    twice = check_rollout(change(valid, 0, facilitators=("Anna", "Anna")))
    assert at(twice, "sessions[0].facilitators[1]", ProblemCode.ROLLOUT_FACILITATOR_TWICE) == (
        "rollout-facilitator-twice",
        "Anna står två gånger; en träffs utbildningsledare ska vara olika personer",
        "Anna is named twice; a session's facilitators must be different people",
    )


def test_an_absent_facilitator(valid: RolloutPlan) -> None:
    away = Facilitator(name="Anna", absences=[DateRange.single(day("2027-01-11"))])
    problems = check_rollout(replanned(valid, facilitators=(away, valid.facilitators[1])))
    assert at(problems, "sessions[0].facilitators[0]", ProblemCode.ROLLOUT_FACILITATOR_ABSENT) == (
        "rollout-facilitator-absent",
        "Anna är frånvarande 11 januari 2027",
        "Anna is absent on 11 January 2027",
    )


def test_a_facilitator_over_the_daily_and_weekly_caps(valid: RolloutPlan) -> None:
    daily = tuple(attrs.evolve(f, max_sessions_per_day=1) for f in valid.facilitators)
    problems = check_rollout(replanned(valid, facilitators=daily))
    # Anna leads Trafikkontoret 1 at 09:00 and Stadsarkivet 1 at 13:00 on 11 January.
    assert at(problems, "sessions[2].facilitators", ProblemCode.ROLLOUT_DAY_CAP) == (
        "rollout-day-cap",
        "Anna leder 2 träffar 11 januari 2027; högst 1 om dagen",
        "Anna leads 2 sessions on 11 January 2027; at most 1 a day",
    )
    weekly = tuple(attrs.evolve(f, max_sessions_per_week=1) for f in valid.facilitators)
    problems = check_rollout(replanned(valid, facilitators=weekly))
    assert at(problems, "sessions[2].facilitators", ProblemCode.ROLLOUT_WEEK_CAP) == (
        "rollout-week-cap",
        "Anna leder 2 träffar vecka 2 (11–17 januari 2027); högst 1 i veckan",
        "Anna leads 2 sessions in week 2 (11\u2009–\u200917 January 2027); at most 1 a week",
    )


def test_a_facilitator_and_a_room_in_two_places(valid: RolloutPlan) -> None:
    # Sessions 0 and 1 are Trafikkontoret's two cohorts at 09:00 on 11 January.
    both = change(valid, 1, facilitators=("Anna",), room="Ateljén")
    problems = check_rollout(both)
    assert at(problems, "sessions[1].facilitators", ProblemCode.ROLLOUT_FACILITATOR_BUSY) == (
        "rollout-facilitator-busy",
        "Anna leder en annan träff samtidigt",
        "Anna leads another session at the same time",
    )
    assert at(problems, "sessions[1].room", ProblemCode.ROLLOUT_ROOM_BUSY) == (
        "rollout-room-busy",
        "Ateljén används av en annan träff samtidigt",
        "Ateljén holds another session at the same time",
    )


def test_a_room_missing_unknown_or_too_small(valid: RolloutPlan) -> None:
    problems = check_rollout(change(valid, 0, room=None))
    assert at(problems, "sessions[0].room", ProblemCode.ROLLOUT_ROOM_MISSING) == (
        "rollout-room-missing",
        "M1 hålls på plats, så träffen behöver en lokal",
        "M1 is held in person, so the session needs a room",
    )
    problems = check_rollout(change(valid, 0, room="Okänd"))
    assert at(problems, "sessions[0].room", ProblemCode.ROLLOUT_UNKNOWN_ROOM) == (
        "rollout-unknown-room",
        "Okänd är ingen lokal i utrullningen",
        "Okänd is not a room of the rollout",
    )
    small = (Room(name="Ateljén", capacity=5), valid.rooms[1])
    problems = check_rollout(replanned(valid, rooms=small))
    assert at(problems, "sessions[0].room", ProblemCode.ROLLOUT_ROOM_TOO_SMALL) == (
        "rollout-room-too-small",
        "Ateljén tar 5 deltagare, färre än kohortens 10",
        "Ateljén takes 5 participants, fewer than the cohort's 10",
    )


# -- check_rollout: cohorts and the chain of modules ----------------------------------------


def test_a_unit_without_sessions_and_cohorts_with_a_gap(valid: RolloutPlan) -> None:
    without = [s for s in valid.sessions if s.unit != "Stadsarkivet"]
    problems = check_rollout(attrs.evolve(valid, sessions=without))
    assert at(problems, "units[1]", ProblemCode.ROLLOUT_UNIT_WITHOUT_SESSIONS) == (
        "rollout-unit-without-sessions",
        "Stadsarkivet har inga träffar; 12 deltagare i kohorter om 8–12 blir 1 kohort",
        "Stadsarkivet has no sessions; 12 participants in cohorts of 8–12 make 1 cohort",
    )
    renumbered = [
        attrs.evolve(s, cohort=3) if (s.unit, s.cohort) == ("Trafikkontoret", 2) else s
        for s in valid.sessions
    ]
    problems = check_rollout(attrs.evolve(valid, sessions=renumbered))
    assert at(problems, "units[0]", ProblemCode.ROLLOUT_COHORT_NUMBERS) == (
        "rollout-cohort-numbers",
        "Trafikkontoret har kohorterna 1 och 3; de ska numreras från 1 utan luckor",
        "Trafikkontoret has the cohorts 1 and 3; they must be numbered from 1 without gaps",
    )


def test_cohort_sizes_that_differ_or_do_not_add_up(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    problems = check_rollout(change(valid, i, size=11))
    assert at(problems, f"sessions[{i}].size", ProblemCode.ROLLOUT_COHORT_SIZE_DIFFERS) == (
        "rollout-cohort-size-differs",
        "Stadsarkivet kohort 1: träffen har 11 deltagare, men kohorten har 12 på sina andra "
        "träffar",
        "Stadsarkivet cohort 1: the session has 11 participants, but the cohort has 12 at its "
        "other sessions",
    )
    resized = [
        attrs.evolve(s, size=9 if s.cohort == 1 else 12) if s.unit == "Trafikkontoret" else s
        for s in valid.sessions
    ]
    problems = check_rollout(attrs.evolve(valid, sessions=resized))
    assert at(problems, "units[0].headcount", ProblemCode.ROLLOUT_COHORT_SIZES) == (
        "rollout-cohort-sizes",
        "Trafikkontoret: kohorterna har 9 och 12 deltagare; de ska tillsammans ha 20, skilja "
        "sig åt med högst en och ha 8–12 var",
        "Trafikkontoret: the cohorts have 9 and 12 participants; together they must have 20, "
        "differ by at most one and have 8–12 each",
    )


def test_a_module_missing_or_held_twice(valid: RolloutPlan) -> None:
    i = index_of(valid, "Stadsarkivet", 1, "M2")
    sessions = [s for n, s in enumerate(valid.sessions) if n != i]
    problems = check_rollout(attrs.evolve(valid, sessions=sessions))
    assert at(problems, "units[1]", ProblemCode.ROLLOUT_MODULE_MISSING) == (
        "rollout-module-missing",
        "Stadsarkivet kohort 1: ingen träff för M2",
        "Stadsarkivet cohort 1: no session of M2",
    )
    extra = attrs.evolve(valid, sessions=(*valid.sessions, valid.sessions[i]))
    n = len(valid.sessions)
    assert at(check_rollout(extra), f"sessions[{n}].module", ProblemCode.ROLLOUT_MODULE_TWICE) == (
        "rollout-module-twice",
        "Stadsarkivet kohort 1: M2 hålls redan på en annan träff",
        "Stadsarkivet cohort 1: M2 is already held at another session",
    )


def test_a_missed_deadline_a_short_gap_and_a_long_span(valid: RolloutPlan) -> None:
    i = index_of(valid, "Trafikkontoret", 1, "M3")
    late = check_rollout(change(valid, i, **moved(valid.sessions[i], days=42)))
    assert at(late, f"sessions[{i}].start", ProblemCode.ROLLOUT_TOO_LATE) == (
        "rollout-too-late",
        "Trafikkontoret kohort 1: M3 hålls 8 mars 2027, men ska hållas före 1 mars 2027",
        "Trafikkontoret cohort 1: M3 is held on 8 March 2027 but must be held before 1 March 2027",
    )
    j = index_of(valid, "Stadsarkivet", 1, "M2")
    short = check_rollout(change(valid, j, **moved(valid.sessions[j], days=-1)))
    assert at(short, f"sessions[{j}].start", ProblemCode.ROLLOUT_GAP_TOO_SHORT) == (
        "rollout-gap-too-short",
        "Stadsarkivet kohort 1: M2 hålls 17 januari 2027, men ska hållas minst 7 dagar efter "
        "föregående modul (11 januari 2027)",
        "Stadsarkivet cohort 1: M2 is held on 17 January 2027 but must be held at least "
        "7 days after the previous module (11 January 2027)",
    )
    k = index_of(valid, "Stadsarkivet", 1, "M3")
    span = check_rollout(change(valid, k, **moved(valid.sessions[k], days=28)))
    assert at(span, f"sessions[{k}].start", ProblemCode.ROLLOUT_SPAN_TOO_LONG) == (
        "rollout-span-too-long",
        "Stadsarkivet kohort 1: M3 hålls 22 februari 2027, mer än 30 dagar efter kohortens "
        "första träff (11 januari 2027)",
        "Stadsarkivet cohort 1: M3 is held on 22 February 2027, more than 30 days after the "
        "cohort's first session (11 January 2027)",
    )


def test_a_module_that_starts_before_the_previous_one_ends() -> None:
    chained = program(module("M1", DeliveryFormat.IN_PERSON), module("M2", DeliveryFormat.DIGITAL))
    result = plan(program=chained, units=[RolloutUnit(name="Stadsarkivet", headcount=10)])
    first, second = result.sessions
    assert first.date == second.date  # no gap: the same day, one slot after the other
    overlapping = change(result, 1, start=first.start.add(hours=1), end=first.end)
    assert at(
        check_rollout(overlapping), "sessions[1].start", ProblemCode.ROLLOUT_BEFORE_PREVIOUS_ENDS
    ) == (
        "rollout-before-previous-ends",
        "Stadsarkivet kohort 1: M2 börjar måndag 11 januari 2027 kl. 10:00, innan föregående "
        "modul har slutat (måndag 11 januari 2027 kl. 12:00)",
        "Stadsarkivet cohort 1: M2 starts on Monday, 11 January 2027 at 10:00, before the "
        "previous module ends (Monday, 11 January 2027 at 12:00)",
    )


def test_self_paced_work_due_after_the_deadline() -> None:
    paced = program(
        module("M1", DeliveryFormat.IN_PERSON),
        module("M2", DeliveryFormat.SELF_PACED, gap=7),
        module("M3", DeliveryFormat.IN_PERSON, gap=7),
    )
    result = plan(program=paced)
    (window,) = result.self_paced
    units = (RolloutUnit(name="Trafikkontoret", headcount=10, deadlines={"M2": window.due}),)
    problems = check_rollout(replanned(result, units=units))
    assert at(problems, "units[0]", ProblemCode.ROLLOUT_SELF_PACED_TOO_LATE) == (
        "rollout-self-paced-too-late",
        f"Trafikkontoret kohort 1: självstudierna i M2 slutar {window.due.day} januari 2027, "
        f"men ska vara klara före {window.due.day} januari 2027",
        f"Trafikkontoret cohort 1: the self-paced M2 is due on {window.due.day} January 2027 "
        f"but must be done before {window.due.day} January 2027",
    )


# -- a Rollout and its parts ----------------------------------------------------------------


def test_a_units_dates_must_be_a_table_of_module_codes() -> None:
    (problem,) = refused(lambda: RolloutUnit(name="A", headcount=1, deadlines=["2027-03-01"]))  # type: ignore[arg-type]
    assert written(problem)[1:] == (
        "här ska det stå en tabell med ett datum per modulkod, till exempel M1 = 2027-03-01",
        "this must be a table with a date per module code, e.g. M1 = 2027-03-01",
    )
    (problem,) = refused(
        lambda: RolloutUnit(name="A", headcount=1, not_before={3: day("2027-03-01")})  # type: ignore[dict-item]
    )
    assert (problem.path, *written(problem)) == (
        "not_before",
        "rollout-key-not-code",
        "nyckeln 3 ska vara en modulkod skriven som text",
        "the key 3 must be a module code written as text",
    )


def test_a_facilitators_skills_must_be_a_list() -> None:
    (problem,) = refused(lambda: Facilitator(name="Anna", modules="M1"))
    assert written(problem)[:2] == ("not-a-list", "värdet ska vara en lista")


def test_a_slot_of_wall_clock_times_that_ends_after_it_starts() -> None:
    problems = refused(lambda: SessionSlot(start=dt.time(9, tzinfo=dt.UTC), end="12:00"))  # type: ignore[arg-type]
    assert [written(p)[:2] for p in problems] == [
        (
            "zone-not-allowed",
            "klockslaget ska vara utan tidszon; tillfällena ligger i Europe/Stockholm",
        ),
        ("must-be", "här ska det stå ett klockslag utan tidszon, till exempel 09:00"),
    ]
    (problem,) = refused(lambda: SessionSlot(start=dt.time(13), end=dt.time(9, 30)))
    assert written(problem) == (
        "slot-end-not-after-start",
        "passet slutar kl. 09:30, men ska sluta efter att det börjar (kl. 13:00)",
        "the slot ends at 09:30 but must end after it starts (at 13:00)",
    )


def test_a_rollout_with_empty_lists_and_no_calendar() -> None:
    problems = refused(
        lambda: rollout(units=[], facilitators=[], slots=[], calendar=object(), cohort_size=(12, 8))
    )
    assert [(p.path, *written(p)[:2]) for p in problems] == [
        ("units", "empty-list", "listan får inte vara tom"),
        ("facilitators", "empty-list", "listan får inte vara tom"),
        ("slots", "empty-list", "listan får inte vara tom"),
        ("calendar", "wrong-type", "värdet har fel typ"),
        (
            "cohort_size",
            "cohort-size",
            "gruppstorleken [12, 8] ska skrivas [minst, högst], där det minsta antalet är 1 "
            "eller fler och det högsta inte är mindre än det minsta",
        ),
    ]


def test_slots_out_of_order() -> None:
    slots = [SLOTS[0], SessionSlot(start=dt.time(11), end=dt.time(14))]
    (problem,) = refused(lambda: rollout(slots=slots))
    assert (problem.path, *written(problem)) == (
        "slots[1].start",
        "slots-overlap",
        "passet börjar kl. 11:00, innan föregående pass slutar (kl. 12:00); ange passen i "
        "tidsordning utan överlapp",
        "the slot starts at 11:00, before the previous slot ends (at 12:00); give the slots in "
        "order without overlaps",
    )


def test_a_program_that_does_not_fit_the_rollout() -> None:
    paced = program(module("M1", DeliveryFormat.SELF_PACED))
    (problem,) = refused(lambda: rollout(program=paced))
    assert written(problem) == (
        "rollout-nothing-scheduled",
        "programmet ABW har bara självstudier; en utrullning behöver minst en modul som hålls "
        "på plats eller digitalt",
        "the program ABW is self-paced only; a rollout needs at least one module held in "
        "person or digitally",
    )
    short = [SessionSlot(start=dt.time(9), end=dt.time(11))]
    (problem,) = refused(lambda: rollout(program=ONE_MODULE, slots=short))
    assert written(problem) == (
        "module-longer-than-slot",
        "M1 tar 3 timmar och ryms inte i passet kl. 09:00–11:00; en träff ligger inom ett pass",
        "M1 takes 3 hours and does not fit the slot 09:00–11:00; a session lies within one slot",
    )


def test_too_few_facilitators_a_unit_that_cannot_be_split_and_no_room_for_a_cohort() -> None:
    pairs = program(module("M1", DeliveryFormat.IN_PERSON, facilitators=2))
    problems = refused(
        lambda: rollout(
            program=pairs,
            units=[RolloutUnit(name="A", headcount=7), RolloutUnit(name="B", headcount=1400)],
            rooms=[Room(name="Liten", capacity=10)],
        )
    )
    assert [written(p) for p in problems] == [
        (
            "rollout-too-few-facilitators",
            "M1 leds av 2 utbildningsledare samtidigt, men utrullningen har bara 1 "
            "utbildningsledare",
            "M1 is led by 2 facilitators at once, but the rollout has only 1 facilitator",
        ),
        (
            "rollout-cannot-split",
            "A: 7 deltagare kan inte delas i jämnstora kohorter om 8–12",
            "A: 7 participants cannot be split into balanced cohorts of 8–12",
        ),
    ]
    alone = program(module("M1", DeliveryFormat.IN_PERSON))
    units = [RolloutUnit(name="B", headcount=12)]
    (problem,) = refused(lambda: rollout(program=alone, units=units, rooms=[]))
    assert written(problem) == (
        "rollout-no-room-for-cohort",
        "ingen lokal tar den största kohorten, 12 deltagare, och programmet har moduler "
        "som hålls på plats",
        "no room takes the largest cohort, 12 participants, and the program has modules "
        "held in person",
    )


def test_a_unit_whose_cohorts_cannot_fit_the_largest_room() -> None:
    # Cohorts of 20-40, the largest room seats 30: 35 people make one cohort of 35 (too
    # many for the room) or two of 17-18 (too few for a cohort).
    problems = refused(
        lambda: rollout(
            program=program(module("M1", DeliveryFormat.IN_PERSON)),
            units=[
                RolloutUnit(name="Trafikkontoret", headcount=35),
                RolloutUnit(name="Stadsbyggnadskontoret", headcount=300),
            ],
            rooms=[Room(name="Sal B", capacity=30)],
            cohort_size=(20, 40),
        )
    )
    assert [(p.path, written(p)) for p in problems] == [
        (
            "units[0].headcount",
            (
                "rollout-no-room-for-split",
                "Trafikkontoret: 35 deltagare kan inte delas i kohorter som ryms i den största "
                "lokalen (30 platser) med minst 20 per kohort",
                "Trafikkontoret: 35 participants cannot be split into cohorts that fit the "
                "largest room (30 seats) with at least 20 per cohort",
            ),
        )
    ]


def test_a_plan_without_sessions(valid: RolloutPlan) -> None:
    (problem,) = refused(lambda: attrs.evolve(valid, sessions=()))
    assert (problem.path, *written(problem)[:2]) == (
        "sessions",
        "empty-list",
        "listan får inte vara tom",
    )


# -- the calendar export --------------------------------------------------------------------


STAMP = pendulum.datetime(2026, 11, 27, 10, 30, tz="Europe/Stockholm")


def test_to_ical_says_what_is_wrong_with_its_arguments(valid: RolloutPlan) -> None:
    sessions = valid.to_sessions()
    problems = refused(
        lambda: to_ical(
            [sessions[0], "M1", sessions[0]],  # type: ignore[list-item]
            stamp=dt.datetime(2026, 11, 27, 10, 30),
            organiser="kurs(at)example.se",
        )
    )
    assert [(p.path, *written(p)) for p in problems] == [
        ("sessions[1]", "wrong-type", "värdet har fel typ", "the value has the wrong type"),
        (
            "sessions[2]",
            "ical-duplicate-session",
            "träffen för M1 i ABW (Trafikkontoret, kohort 1) står redan tidigare i listan; "
            "varje träff behöver ett eget UID, så ge en upprepning en annan kohortbeteckning",
            "the session of M1 of ABW (Trafikkontoret, kohort 1) is already earlier in the list; "
            "each session needs its own UID, so give a repeat another cohort label",
        ),
        (
            "stamp",
            "not-aware",
            "tidpunkten saknar tidszon; ange den, till exempel Europe/Stockholm",
            "the date and time has no time zone; give one, e.g. Europe/Stockholm",
        ),
        (
            "organiser",
            "bad-email",
            "kurs(at)example.se är ingen e-postadress; skriv arrangören till exempel "
            "kurs@example.se eller Anna Berg <anna@example.se>",
            "kurs(at)example.se is not an e-mail address; write the organiser e.g. "
            "kurs@example.se or Anna Berg <anna@example.se>",
        ),
    ]


def test_to_ical_needs_sessions_and_a_moment() -> None:
    problems = refused(lambda: to_ical([], stamp="2026-11-27"))  # type: ignore[arg-type]
    assert [(p.path, *written(p)[:2]) for p in problems] == [
        ("sessions", "empty-list", "listan får inte vara tom"),
        (
            "stamp",
            "must-be",
            "här ska det stå en tidpunkt med tidszon, till exempel "
            "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
        ),
    ]
    (problem,) = refused(lambda: to_ical(42, stamp=STAMP))  # type: ignore[arg-type]
    assert written(problem) == (
        "must-be",
        "här ska det stå en lista med träffar, eller en plan med to_sessions() som en RolloutPlan",
        "this must be a list of sessions, or a plan with to_sessions() such as a RolloutPlan",
    )


def test_the_planners_counts_are_numbers_written_with_a_no_break_space() -> None:
    slow = Facilitator(name="Anna", max_sessions_per_week=1)
    units = [RolloutUnit(name="A", headcount=1400)]
    (problem,) = refused(lambda: plan(program=ONE_MODULE, units=units, facilitators=[slow]))
    assert (problem.params["people"], problem.params["cohorts"]) == (1400, 117)
    assert written(problem) == (
        "rollout-no-capacity",
        f"1{NBSP}400 deltagare i 117 kohorter hinner inte genomföra ABW inom två år från "
        "11 januari 2027 med 1 utbildningsledare",
        "1,400 participants in 117 cohorts cannot complete ABW within two years from "
        "11 January 2027 with 1 facilitator",
    )


def test_a_count_in_a_rollout_problem_is_written_with_a_no_break_space() -> None:
    units = [RolloutUnit(name="Trafikkontoret", headcount=1403)]
    (problem,) = refused(lambda: rollout(units=units, cohort_size=(1400, 1400)))
    assert format_problem(problem) == (
        f"Trafikkontoret: 1{NBSP}403 deltagare kan inte delas i jämnstora kohorter om "
        f"1{NBSP}400–1{NBSP}400"
    )
    assert problem.params["people"] == 1403


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        (
            "sv_SE",
            "request.toml: ogiltig, 1 problem:\n  slots[1].start: passet börjar kl. 11:00, innan "
            "föregående pass slutar (kl. 12:00); ange passen i tidsordning utan överlapp\n",
        ),
        (
            "en_GB",
            "request.toml: invalid, 1 problem:\n  slots[1].start: the slot starts at 11:00, "
            "before the previous slot ends (at 12:00); give the slots in order without "
            "overlaps\n",
        ),
    ],
)
def test_plan_rollout_on_the_command_line_says_the_problem_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str, said: str
) -> None:
    text = (EXAMPLES / "rollout-request.toml").read_text()
    assert text.count('start = "13:00"') == 1
    (tmp_path / "request.toml").write_text(text.replace('start = "13:00"', 'start = "11:00"'))
    shutil.copy(EXAMPLES / "stockholm-catalogue.toml", tmp_path)
    assert main(["plan-rollout", "--locale", locale, str(tmp_path / "request.toml")]) != 0
    out = capsys.readouterr()
    assert (out.out + out.err).replace(str(tmp_path) + "/", "") == said
