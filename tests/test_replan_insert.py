"""Tests of the re-plan's re-insertion moves (_rollout.replan_insert and .replan_search).

The moves are driven one at a time on the board of a small re-plan (the plan of
tests/test_rollout_replan.py: three units, three modules, four facilitators, two rooms):
a cohort's timetable swapped with another's, a cohort placed anew, a changed session put
back, and the chain of swaps' rules.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import DateRange, DeliveryFormat
from ledarutveckling._rollout import replan_insert, replan_search
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling._rollout.replan_board import same_session
from ledarutveckling._rollout.replan_repair import _start
from ledarutveckling._rollout.replan_search import Slot, _Search
from ledarutveckling.scheduling import Facilitator, RolloutUnit, Room, check_rollout, replan
from tests.test_rollout import day, module, plan, program
from tests.test_rollout_replan import FACILITATORS, PROGRAM, ROOMS, UNITS

START = day("2027-01-11")
TRAFFIC2: Slot = ("Trafikkontoret", 2)
EXPLOITATION1: Slot = ("Exploateringskontoret", 1)


@pytest.fixture(scope="module")
def base() -> RolloutPlan:
    return plan(program=PROGRAM, units=UNITS, facilitators=FACILITATORS, rooms=ROOMS)


def sooner(base: RolloutPlan, deadline: str = "2027-02-08") -> Rollout:
    """Trafikkontoret to finish before *deadline* (its cohort 2's M3 was on 8 February)."""
    units = [attrs.evolve(UNITS[0], deadlines={"M3": day(deadline)}), *UNITS[1:]]
    return attrs.evolve(base.rollout, units=units)


def search(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, limit: int) -> _Search:
    work, sizes = _start(previous, rollout, today, True)
    found = _Search(work, sizes, previous.end_date.toordinal())
    found.limit = limit
    found.most = replan_search.NODES
    return found


def timetable(found: _Search, cohort: Slot) -> list[Any]:
    return [
        None if s is None else (s.date.isoformat(), s.start.hour, s.facilitators, s.room)
        for s in found.work.chains[cohort]
    ]


def test_a_cohort_due_sooner_takes_the_timetable_of_one_due_later(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=5)
    assert timetable(found, TRAFFIC2) == [
        ("2027-01-18", 13, ("Björn",), "Verkstan"),
        ("2027-01-26", 13, ("David",), None),
        None,  # its M3 on 8 February is too late now
    ]
    partner = timetable(found, EXPLOITATION1)
    assert found._swap(TRAFFIC2)
    # Five changes: Exploateringskontoret 1's three sessions, and Trafikkontoret 2's two
    # still as they were (its M3 had to change anyway).
    assert found.spent == 5
    assert timetable(found, TRAFFIC2) == partner
    assert timetable(found, EXPLOITATION1) == [
        ("2027-01-18", 13, ("Björn",), "Verkstan"),
        ("2027-01-26", 13, ("David",), None),
        ("2027-02-08", 9, ("Anna", "Björn"), "Ateljén"),
    ]


def test_a_swap_over_the_limit_changes_nothing(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=4)
    before = {c: timetable(found, c) for c in found.work.chains}
    assert not found._swap(TRAFFIC2)
    assert {c: timetable(found, c) for c in found.work.chains} == before
    assert (found.spent, found.log) == (0, [])


def test_a_cohort_that_has_started_or_is_locked_is_not_swapped(base: RolloutPlan) -> None:
    started = search(base, sooner(base), day("2027-01-25"), limit=12)
    assert started.work.fixed[TRAFFIC2] == [True, False, False]
    assert not started._swap(TRAFFIC2)
    locked = search(base, sooner(base), START, limit=12)
    locked.locked.add((TRAFFIC2, 0))
    assert not locked._swap(TRAFFIC2)
    assert locked.log == []


def test_a_new_cohort_has_no_timetable_to_give(base: RolloutPlan) -> None:
    units = [attrs.evolve(UNITS[0], headcount=132), *UNITS[1:]]
    found = search(base, attrs.evolve(base.rollout, units=units), START, limit=12)
    assert timetable(found, ("Trafikkontoret", 11)) == [None, None, None]
    assert not found._swap(("Trafikkontoret", 11))


def test_a_swap_whose_slots_are_taken_is_undone(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=12)
    # Someone else takes Anna and Björn on 8 February: no cohort can take the old timetable.
    found.work.board.book(day("2027-02-08"), 0, ("Anna", "Björn"), None, ("Extern", 0))
    before = {c: timetable(found, c) for c in found.work.chains}
    assert not found._swap(TRAFFIC2)
    assert {c: timetable(found, c) for c in found.work.chains} == before


def test_a_cohort_placed_anew_runs_later(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=12)
    assert found._anew(TRAFFIC2, 2, later=True)
    # Its M1 a day later, from where its M3 finds a slot before the deadline; M2 back in
    # its slot (the search counted it as taken out).
    assert timetable(found, TRAFFIC2) == [
        ("2027-01-19", 13, ("David",), "Verkstan"),
        ("2027-01-26", 13, ("David",), None),
        ("2027-02-02", 9, ("Björn", "Anna"), "Ateljén"),
    ]
    assert found.spent == 3
    assert (found.bounds, found.anew) == ({}, set())


@pytest.mark.parametrize(("later", "limit"), [(False, 12), (True, 2), (True, 1)])
def test_a_cohort_not_placed_anew_is_left_as_it_was(
    base: RolloutPlan, later: bool, limit: int
) -> None:
    """Earlier there is no room for it; two changes are not enough; one not even to start."""
    found = search(base, sooner(base), START, limit=limit)
    before = timetable(found, TRAFFIC2)
    assert not found._anew(TRAFFIC2, 2, later=later)
    assert timetable(found, TRAFFIC2) == before
    assert (found.spent, found.log, found.bounds, found.anew) == (0, [], {}, set())


def test_a_cohort_is_placed_anew_only_once_and_when_free(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=12)
    found.anew.add(TRAFFIC2)  # already being placed anew further up the search
    assert not found._anew(TRAFFIC2, 2, later=True)
    found.anew.clear()
    found.locked.add((TRAFFIC2, 1))
    assert not found._anew(TRAFFIC2, 2, later=True)
    assert found.log == []


def test_a_cohort_with_nothing_else_to_move_is_not_placed_anew(base: RolloutPlan) -> None:
    today = day("2027-01-25")
    anna = attrs.evolve(FACILITATORS[0], absences=[DateRange(start=today, end=today)])
    sick = attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])
    found = search(base, sick, today, limit=12)
    cohort = ("Stadsbyggnadskontoret", 8)
    assert timetable(found, cohort)[2] is None  # Anna led its M3 on 25 January
    assert found.work.fixed[cohort] == [True, True, False]
    assert not found._anew(cohort, 2, later=True)


def test_placed_anew_after_the_tries_of_free_slots_by_the_insertion(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One free slot tried for the first session, then it is inserted as any other."""
    monkeypatch.setattr(replan_search, "ANEW_TRIES", 1)
    found = search(base, sooner(base), START, limit=2)
    assert not found._anew(TRAFFIC2, 2, later=True)
    assert found.log == []
    pulled = search(base, sooner(base, "2027-02-04"), START, limit=6)
    cohort = ("Trafikkontoret", 4)
    assert timetable(pulled, cohort) == [
        ("2027-01-19", 9, ("Björn",), "Verkstan"),
        ("2027-01-27", 9, ("Björn",), None),
        None,  # its M3 on 4 February is too late now
    ]
    # No free slot in the week before: its M1 takes another cohort's (which moves on).
    assert pulled._anew(cohort, 2, later=False)
    assert timetable(pulled, cohort) == [
        ("2027-01-18", 13, ("Anna",), "Ateljén"),
        ("2027-01-27", 9, ("Björn",), None),
        ("2027-02-03", 13, ("Cecilia", "David"), "Verkstan"),
    ]
    assert pulled.spent == 6


def test_timetables_that_break_the_gaps_or_the_span_are_not_swapped(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=12)
    work = found.work
    theirs = list(work.chains[EXPLOITATION1])
    first, second, _ = work.chains[TRAFFIC2]
    assert first is not None
    assert second is not None
    late = work.wishes[("Trafikkontoret", 2, "M3")]
    # M2 on 3 February, five days before the M3 of 8 February: the gap is seven days.
    close = work.session(*TRAFFIC2, 12, "M2", day("2027-02-03"), 0, ("Anna",), None)
    assert found._swapped_chains(TRAFFIC2, [first, close, late], EXPLOITATION1, theirs) is None
    # M1 on 11 January, M3 on 22 February: 42 days, the span is 35.
    early = work.chains[("Stadsbyggnadskontoret", 8)][0]
    later = work.session(*TRAFFIC2, 12, "M3", day("2027-02-22"), 0, ("Anna", "Björn"), "Ateljén")
    assert found._swapped_chains(TRAFFIC2, [early, second, later], EXPLOITATION1, theirs) is None
    # As they were, both keep their rules.
    swapped = found._swapped_chains(TRAFFIC2, [first, second, late], EXPLOITATION1, theirs)
    assert swapped is not None
    assert [(cohort, k, s.date.isoformat()) for cohort, k, s in swapped] == [
        (TRAFFIC2, 0, "2027-01-15"),
        (TRAFFIC2, 1, "2027-01-22"),
        (TRAFFIC2, 2, "2027-02-01"),
        (EXPLOITATION1, 0, "2027-01-18"),
        (EXPLOITATION1, 1, "2027-01-26"),
        (EXPLOITATION1, 2, "2027-02-08"),
    ]


def test_a_swap_in_the_chain_keeps_the_sessions_rules(base: RolloutPlan) -> None:
    """The chain of swaps takes another session's slot only with what the module needs."""
    small = attrs.evolve(
        base.rollout,
        units=[attrs.evolve(UNITS[0], max_away=12), *UNITS[1:]],
        rooms=[*ROOMS, attrs.evolve(ROOMS[0], name="Loftet", capacity=8)],
    )
    found = search(base, small, START, limit=12)
    work = found.work
    node = (TRAFFIC2, 2)  # an M3: two facilitators and a room for 12
    m3 = work.chains[("Trafikkontoret", 1)][2]
    other_m3 = work.chains[("Exploateringskontoret", 3)][2]
    m2 = work.chains[("Trafikkontoret", 1)][1]
    assert m3 is not None
    assert other_m3 is not None
    assert m2 is not None
    assert found._swaps(node, m3)  # its own unit's: the 12 away swap places
    assert not found._swaps(node, m2)  # one facilitator, no room
    assert not found._swaps(node, attrs.evolve(m3, room="Loftet"))  # 8 seats
    # Another unit's M3 on 1 February at 9: Trafikkontoret 9 and 10's M3s... none of them
    # there, so 12 more away is within max_away; with 12 already away it is not.
    assert found._swaps(node, other_m3)
    place = work.where(other_m3)
    assert place is not None
    work.board.away[("Trafikkontoret", place[0], place[1])] += 1
    assert not found._swaps(node, other_m3)


def test_a_swapped_session_fits_its_window_and_its_cohort(base: RolloutPlan) -> None:
    found = search(base, sooner(base), START, limit=12)
    far = (day("2027-03-01"), 0, ("Anna", "Björn"), "Ateljén")  # after its deadline
    assert found._swapped(TRAFFIC2, 2, far) is None
    own = (day("2027-02-08"), 0, ("Anna", "Björn"), "Ateljén")  # its old slot: now too late
    assert found._swapped(TRAFFIC2, 2, own) is None
    unchanged = search(base, base.rollout, START, limit=12)
    unchanged.take(TRAFFIC2, 2)
    session = unchanged._swapped(TRAFFIC2, 2, own)
    assert session is not None
    assert same_session(session, unchanged.work.wishes[("Trafikkontoret", 2, "M3")])


def two_modules_same_day() -> RolloutPlan:
    """One cohort, M1 in person and M2 digital with no gap: both on 11 January."""
    return plan(
        program=program(
            module("M1", DeliveryFormat.IN_PERSON), module("M2", DeliveryFormat.DIGITAL)
        ),
        units=[RolloutUnit(name="Trafikkontoret", headcount=10)],
        facilitators=[Facilitator(name="Anna"), Facilitator(name="Björn")],
        rooms=[Room(name="Ateljén", capacity=12)],
    )


def test_a_session_does_not_overlap_its_cohorts_other_session() -> None:
    previous = two_modules_same_day()
    assert [(s.module, s.date, s.start.hour) for s in previous.sessions] == [
        ("M1", START, 9),
        ("M2", START, 13),
    ]
    found = search(previous, previous.rollout, START, limit=12)
    cohort = ("Trafikkontoret", 1)
    found.take(cohort, 1)
    # At 9, beside M1: Björn is free, but the cohort is in M1 until 12.
    assert found.session_at(cohort, 1, START, 0) is None
    assert found._swapped(cohort, 1, (START, 0, ("Björn",), None)) is None
    placed = found.session_at(cohort, 1, START, 1)
    assert placed is not None
    assert same_session(placed, previous.sessions[1])  # back where it was


def moved_aside(base: RolloutPlan) -> _Search:
    """Trafikkontoret 2's M1 moved a day on, and Trafikkontoret 1's M1 into its old slot."""
    found = search(base, base.rollout, START, limit=0)
    work = found.work
    first = work.chains[TRAFFIC2][0]
    assert first is not None
    found.take(TRAFFIC2, 0)
    found.put(
        TRAFFIC2, 0, work.session(*TRAFFIC2, 12, "M1", day("2027-01-19"), 1, ("Björn",), None)
    )
    found.take(("Trafikkontoret", 1), 0)
    squatter = work.session("Trafikkontoret", 1, 12, "M1", day("2027-01-18"), 1, ("Björn",), None)
    found.put(("Trafikkontoret", 1), 0, attrs.evolve(squatter, room=first.room))
    found.log.clear()
    found.spent = 0
    return found


def test_a_changed_session_goes_back_when_the_one_in_its_slot_moves_on(base: RolloutPlan) -> None:
    found = moved_aside(base)
    wish = found.work.wishes[("Trafikkontoret", 2, "M1")]
    assert found.back(TRAFFIC2, 0, wish)
    assert same_session(found.work.chains[TRAFFIC2][0], wish)  # type: ignore[arg-type]
    squatter = found.work.chains[("Trafikkontoret", 1)][0]
    assert squatter is not None
    # The one in its slot, changed too, went back where it was as well: two changes fewer.
    assert same_session(squatter, found.work.wishes[("Trafikkontoret", 1, "M1")])
    assert found.spent == 0


def test_a_changed_session_stays_when_the_one_in_its_slot_may_not_move(
    base: RolloutPlan,
) -> None:
    found = moved_aside(base)
    wish = found.work.wishes[("Trafikkontoret", 2, "M1")]
    found.locked.add((("Trafikkontoret", 1), 0))
    assert not found.back(TRAFFIC2, 0, wish)
    assert found.log == []


def test_the_second_re_insertion_is_kept_when_it_changes_less(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run again without placing cohorts anew when the first was cheap; the better is kept."""
    real = replan_insert._reinserted
    first = real(base, sooner(base), START, True, replan_insert.EFFORT)
    assert first is not None
    placed, displaced, effort = first
    # One session displaced, two changed (an M3 swapped with another), little effort.
    assert (displaced, effort) == (1, 3)
    unchanged = {(s.unit, s.cohort, s.module): s for s in base.sessions}
    runs: list[bool] = []

    def second(found: Any) -> Any:
        def run(previous: Any, rollout: Any, today: Any, anew: bool, most: int) -> Any:
            runs.append(anew)
            if anew:
                return real(previous, rollout, today, anew, most)
            assert most == replan_insert.EFFORT - effort
            return found

        return run

    monkeypatch.setattr(replan_insert, "_reinserted", second(None))
    assert replan_insert._reinsert(base, sooner(base), START) == (placed, displaced)
    monkeypatch.setattr(replan_insert, "_reinserted", second((placed, displaced, 9)))
    assert replan_insert._reinsert(base, sooner(base), START) == (placed, displaced)
    # A second run with fewer changes (here, a stand-in with none) is kept.
    monkeypatch.setattr(replan_insert, "_reinserted", second((unchanged, displaced, 9)))
    assert replan_insert._reinsert(base, sooner(base), START) == (unchanged, displaced)
    assert runs == [True, False] * 3
    # Not when the first took much effort.
    runs.clear()
    monkeypatch.setattr(replan_insert, "SECOND_EFFORT", effort - 1)
    assert replan_insert._reinsert(base, sooner(base), START) == (placed, displaced)
    assert runs == [True]


@pytest.mark.parametrize("passes", [1, replan_insert.POLISH_PASSES])
def test_the_polish_puts_both_back_in_one_pass(
    base: RolloutPlan, monkeypatch: pytest.MonkeyPatch, passes: int
) -> None:
    monkeypatch.setattr(replan_insert, "POLISH_PASSES", passes)
    found = moved_aside(base)
    sessions = [s for chain in found.work.chains.values() for s in chain if s is not None]
    assert len([s for s in sessions if s not in base.sessions]) == 2
    polished = replan_insert._polish(base, base.rollout, START, sessions)
    assert sorted(polished.values(), key=lambda s: (s.start, s.unit, s.cohort)) == sorted(
        base.sessions, key=lambda s: (s.start, s.unit, s.cohort)
    )
    assert check_rollout(attrs.evolve(base, sessions=tuple(polished.values()))) == ()


def test_a_unit_due_much_sooner_is_re_planned_by_swapping_timetables(base: RolloutPlan) -> None:
    """Exploateringskontoret to finish before 29 January instead of 3 May."""
    units = [UNITS[0], attrs.evolve(UNITS[1], deadlines={"M3": day("2027-01-29")}), UNITS[2]]
    result = replan(base, attrs.evolve(base.rollout, units=units), START)
    assert check_rollout(result.plan) == ()
    assert not result.fallback
    assert (result.changes, result.plan.end_date) == (18, day("2027-02-08"))
    assert max(s.date for s in result.plan.sessions if s.unit == UNITS[1].name) < day("2027-01-29")


def test_a_swap_in_the_chain_needs_facilitators_who_may_lead_the_module(
    base: RolloutPlan,
) -> None:
    anna = attrs.evolve(FACILITATORS[0], modules=("M1",))
    rollout = attrs.evolve(base.rollout, facilitators=[anna, *FACILITATORS[1:]])
    found = search(base, rollout, START, limit=12)
    m3 = found.work.wishes[("Trafikkontoret", 1, "M3")]
    assert m3.facilitators == ("Cecilia", "David")
    assert found._swaps((TRAFFIC2, 2), m3)
    assert not found._swaps((TRAFFIC2, 2), attrs.evolve(m3, facilitators=("Anna", "Björn")))


def test_a_session_does_not_go_back_over_its_cohorts_other_session() -> None:
    previous = two_modules_same_day()
    found = search(previous, previous.rollout, START, limit=0)
    cohort = ("Trafikkontoret", 1)
    work = found.work
    # M2 moved to the next morning, then M1 into the afternoon M2 had.
    found.take(cohort, 1)
    found.put(cohort, 1, work.session(*cohort, 10, "M2", day("2027-01-12"), 0, ("Björn",), None))
    found.take(cohort, 0)
    found.put(cohort, 0, work.session(*cohort, 10, "M1", START, 1, ("Anna",), "Ateljén"))
    found.log.clear()
    found.spent = 0
    assert not found.back(cohort, 1, work.wishes[("Trafikkontoret", 1, "M2")])
    assert found.back(cohort, 0, work.wishes[("Trafikkontoret", 1, "M1")])
    assert found.back(cohort, 1, work.wishes[("Trafikkontoret", 1, "M2")])
    assert [found.cost(cohort, k) for k in (0, 1)] == [1, 1]  # both as they were


def test_a_first_session_that_leaves_the_next_no_day_is_not_tried(base: RolloutPlan) -> None:
    """M2 not before 1 February but before the M3 deadline less its gap: no day for it."""
    unit = attrs.evolve(
        UNITS[0], deadlines={"M3": day("2027-02-08")}, not_before={"M2": day("2027-02-01")}
    )
    found = search(base, attrs.evolve(base.rollout, units=[unit, *UNITS[1:]]), START, limit=12)
    assert timetable(found, TRAFFIC2) == [("2027-01-18", 13, ("Björn",), "Verkstan"), None, None]
    begin, end = found.window(TRAFFIC2, 1)
    assert (begin, end) == (day("2027-02-01").toordinal(), day("2027-01-31").toordinal())
    assert not found._anew(TRAFFIC2, 1, later=True)
    assert timetable(found, TRAFFIC2) == [("2027-01-18", 13, ("Björn",), "Verkstan"), None, None]
    assert (found.spent, found.log) == (0, [])
