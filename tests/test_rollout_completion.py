"""The completion's searches on small cases, and the self-paced windows of partial chains.

The re-plan's exact search (``Completion.exact``) keeps the program's span for cohorts not
yet started and says when its time ran out; ``windows`` leaves out the windows whose
sessions are not there.
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

from ledarutveckling import DateRange, DeliveryFormat
from ledarutveckling._rollout import replan_board, replan_repair
from ledarutveckling._rollout.completion import Completion
from ledarutveckling._rollout.completion_list import SPREADS
from ledarutveckling._rollout.windows import windows
from ledarutveckling.scheduling import Facilitator, RolloutPlan, RolloutUnit, Room
from tests.test_rollout import START, day, module, plan, program

pytest.importorskip("highspy")

P, D, S = DeliveryFormat.IN_PERSON, DeliveryFormat.DIGITAL, DeliveryFormat.SELF_PACED

# -- self-paced windows of a chain with sessions missing -----------------------------------

BLENDED = (
    module("M1", P),
    module("E2", S, gap=3),
    module("M3", P, gap=7),
    module("E4", S, gap=2),
    module("M5", P, gap=7),
)


def test_each_self_paced_window_lies_between_the_sessions_around_it() -> None:
    held = {"M1": day("2027-01-11"), "M3": day("2027-01-20"), "M5": day("2027-02-01")}
    assert windows(BLENDED, held, 14) == {
        "E2": (day("2027-01-11"), day("2027-01-13")),  # due 7 days before M3
        "E4": (day("2027-01-20"), day("2027-01-25")),  # due 7 days before M5
    }


def test_a_window_whose_due_session_is_missing_is_left_out() -> None:
    held = {"M1": day("2027-01-11"), "M3": day("2027-01-20")}
    assert windows(BLENDED, held, 14) == {"E2": (day("2027-01-11"), day("2027-01-13"))}


def test_a_window_whose_opening_session_is_missing_is_left_out() -> None:
    held = {"M3": day("2027-01-20"), "M5": day("2027-02-01")}
    assert windows(BLENDED, held, 14) == {"E4": (day("2027-01-20"), day("2027-01-25"))}


# -- the exact search and the span of a cohort not yet started -----------------------------


def _completion(span: int | None, unit: RolloutUnit) -> Completion:
    """Every session of one cohort of ten planned anew from the start (Anna, one room)."""
    three = program(module("M1", P), module("M2", D, gap=7), module("M3", P, gap=7), span=span)
    base: RolloutPlan = plan(program=three, units=[RolloutUnit(name=unit.name, headcount=10)])
    return replan_repair._completion(base, attrs.evolve(base.rollout, units=[unit]), START, {})


def _found(completion: Completion) -> list[tuple[str, pendulum.DateTime]]:
    found = completion.exact()
    assert isinstance(found, list)
    return sorted((s.module, s.start) for s in completion.sessions(found).values())


def _at(text: str, hour: int) -> pendulum.DateTime:
    date = day(text)
    return pendulum.datetime(date.year, date.month, date.day, hour, tz="Europe/Stockholm")


LATE_M3 = RolloutUnit(
    name="Trafikkontoret",
    headcount=10,
    deadlines={"M1": day("2027-01-26")},
    not_before={"M3": day("2027-02-15")},
)


def test_the_exact_search_starts_a_cohort_no_earlier_than_its_span_reaches_its_end() -> None:
    """M3 opens on 15 February: with a span of 21 days, M1 can only be on 25 January.

    Without the span M1 takes any slot before its deadline (the last module's slot is all
    the search minimises); with it, M1 waits for the one day from which M3 is in reach.
    """
    assert _found(_completion(21, LATE_M3)) == [
        ("M1", _at("2027-01-25", 9)),
        ("M2", _at("2027-02-01", 9)),
        ("M3", _at("2027-02-15", 9)),
    ]
    free = _found(_completion(None, LATE_M3))
    assert free[0][1] < _at("2027-01-25", 9)
    assert free[2] == ("M3", _at("2027-02-15", 9))


def test_the_exact_search_proves_that_the_span_cannot_be_kept() -> None:
    """M1 by 21 January and M3 from 15 February: 25 days apart at least, the span is 21."""
    unit = attrs.evolve(LATE_M3, deadlines={"M1": day("2027-01-22"), "M3": day("2027-03-01")})
    assert _completion(21, unit).exact() is False
    assert _found(_completion(None, unit))[2] == ("M3", _at("2027-02-15", 9))


def _timed_out(monkeypatch: pytest.MonkeyPatch, solve: bool) -> None:
    """HiGHS stops on its time limit: after solving (*solve*, a solution found) or at once."""
    import highspy

    real = highspy._core._Highs

    class TimedOut(real):  # type: ignore[misc, valid-type]
        def run(self) -> object:
            return super().run() if solve else highspy.HighsStatus.kWarning

        def getModelStatus(self) -> object:  # noqa: N802 - HiGHS's name
            return highspy.HighsModelStatus.kTimeLimit

    monkeypatch.setattr(highspy._core, "_Highs", TimedOut)


def test_when_the_exact_search_runs_out_of_time_nothing_is_proven(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _timed_out(monkeypatch, solve=False)
    assert _completion(21, LATE_M3).exact() is None


def test_a_completion_found_before_the_time_ran_out_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _timed_out(monkeypatch, solve=True)
    assert _found(_completion(21, LATE_M3))[0] == ("M1", _at("2027-01-25", 9))


# -- the list schedule ------------------------------------------------------------------------


def _listed(
    completion: Completion, hint: pendulum.Date | None = None
) -> list[tuple[str, int, str]]:
    found = completion.schedule(hint)
    assert found is not None
    sessions = completion.sessions(found).values()
    return sorted((s.module, s.cohort, s.start.format("YYYY-MM-DD HH:mm")) for s in sessions)


def test_the_list_schedule_holds_a_first_session_back_until_the_span_reaches_the_last() -> None:
    assert _listed(_completion(21, LATE_M3)) == [
        ("M1", 1, "2027-01-25 09:00"),
        ("M2", 1, "2027-02-01 09:00"),
        ("M3", 1, "2027-02-15 09:00"),
    ]


def test_the_list_schedule_staggers_the_first_sessions_of_a_unit_held_back() -> None:
    """Three cohorts whose M3 waits for 15 March: their M1 spread over the days in reach."""
    unit = RolloutUnit(name="Trafikkontoret", headcount=30, not_before={"M3": day("2027-03-15")})
    assert _listed(_completion(21, unit)) == [
        ("M1", 1, "2027-02-22 13:00"),
        ("M1", 2, "2027-02-23 09:00"),
        ("M1", 3, "2027-02-22 09:00"),
        ("M2", 1, "2027-03-01 13:00"),
        ("M2", 2, "2027-03-02 09:00"),
        ("M2", 3, "2027-03-01 09:00"),
        ("M3", 1, "2027-03-15 09:00"),
        ("M3", 2, "2027-03-16 09:00"),
        ("M3", 3, "2027-03-15 13:00"),
    ]


def test_a_cohort_waits_for_a_room_and_for_both_its_facilitators() -> None:
    """One room for two cohorts; M3 takes two facilitators and Björn is away on 25 January."""
    two = program(module("M1", P), module("M2", D, gap=7), module("M3", P, gap=7, facilitators=2))
    pair = [Facilitator(name="Anna"), Facilitator(name="Björn")]
    unit = RolloutUnit(name="Trafikkontoret", headcount=20)
    base = plan(program=two, units=[unit], facilitators=pair)
    away = [
        pair[0],
        attrs.evolve(pair[1], absences=[DateRange(start=day("2027-01-25"), end=day("2027-01-25"))]),
    ]
    completion = replan_repair._completion(
        base, attrs.evolve(base.rollout, facilitators=away), START, {}
    )
    assert _listed(completion, START) == [
        ("M1", 1, "2027-01-11 09:00"),
        ("M1", 2, "2027-01-11 13:00"),  # the room is taken in the morning
        ("M2", 1, "2027-01-18 09:00"),
        ("M2", 2, "2027-01-18 09:00"),
        ("M3", 1, "2027-01-26 13:00"),  # Björn is away on the 25th
        ("M3", 2, "2027-01-26 09:00"),
    ]


def test_a_cohort_waits_while_its_unit_has_as_many_away_as_it_may() -> None:
    """Two rooms, two facilitators, but at most ten of the unit's people away at once."""
    pair = [Facilitator(name="Anna"), Facilitator(name="Björn")]
    rooms = [Room(name="Ateljén", capacity=12), Room(name="Verkstan", capacity=12)]
    unit = RolloutUnit(name="Trafikkontoret", headcount=20, max_away=10)
    base = plan(units=[unit], facilitators=pair, rooms=rooms)
    completion = replan_repair._completion(base, base.rollout, START, {})
    assert _listed(completion, START) == [
        ("M1", 1, "2027-01-11 09:00"),
        ("M1", 2, "2027-01-11 13:00"),
        ("M2", 1, "2027-01-18 09:00"),  # digital, Björn free: still not both at once
        ("M2", 2, "2027-01-18 13:00"),
        ("M3", 1, "2027-01-25 09:00"),
        ("M3", 2, "2027-01-25 13:00"),
    ]


def test_the_list_schedule_gallops_past_the_earliest_last_day_and_bisects_back() -> None:
    """Ten cohorts and one facilitator: no list schedule ends by the 16th working day."""
    base = plan(units=[RolloutUnit(name="Trafikkontoret", headcount=100)])
    completion = replan_repair._completion(base, base.rollout, START, {})
    assert max(start for _, _, start in _listed(completion, START)) == "2027-02-03 13:00"
    assert all(completion._forward(16, spread) is None for spread in SPREADS)


def test_sessions_around_one_that_stays_keep_their_gaps_to_it() -> None:
    """Both cohorts' M2 stay (18 January): M1 by the 11th, M3 from the 25th, around them."""
    base = plan(units=[RolloutUnit(name="Trafikkontoret", headcount=20)])
    held = {replan_board._key(s): s for s in base.sessions if s.module == "M2"}
    completion = replan_repair._completion(base, base.rollout, START, held)
    assert completion.todo == [(0, 0), (0, 2), (1, 0), (1, 2)]
    assert _listed(completion) == [
        ("M1", 1, "2027-01-11 09:00"),
        ("M1", 2, "2027-01-11 13:00"),
        ("M3", 1, "2027-01-25 13:00"),
        ("M3", 2, "2027-01-25 09:00"),
    ]


def test_an_absence_after_the_first_session_can_leave_the_list_schedule_nothing() -> None:
    """Anna is away 18-26 January and the span is 21 days.

    The list schedule holds M1 on the 11th, M2 can then only be on the 27th and M3 not
    before 3 February, past the span: it gives up. The exact search starts later.
    """
    three = program(module("M1", P), module("M2", D, gap=7), module("M3", P, gap=7), span=21)
    base = plan(program=three)
    away = DateRange(start=day("2027-01-18"), end=day("2027-01-26"))
    anna = Facilitator(name="Anna", absences=[away])
    changed = attrs.evolve(base.rollout, facilitators=[anna])
    completion = replan_repair._completion(base, changed, START, {})
    assert completion.schedule() is None
    assert _found(completion) == [
        ("M1", _at("2027-01-15", 9)),
        ("M2", _at("2027-01-27", 13)),
        ("M3", _at("2027-02-03", 9)),
    ]


def test_a_first_session_before_two_that_stay_is_placed_by_their_gaps() -> None:
    """M2 and M3 stay: M1 by 11 January.

    A last day of the 11th would leave it due before its window (the gaps of M2 and M3
    counted back from it), so the search goes later.
    """
    base = plan()
    held = {replan_board._key(s): s for s in base.sessions if s.module != "M1"}
    completion = replan_repair._completion(base, base.rollout, START, held)
    assert completion.todo == [(0, 0)]
    assert completion._forward(0) is None
    assert _listed(completion) == [("M1", 1, "2027-01-11 09:00")]
