"""The re-plan's date rules of a blended program.

A self-paced module's earliest day falls on the session after it; its deadline, between two
sessions, on the session before it (the window may be due earlier than the gaps before the
next session ask); the stricter rule on a session holds.
"""

from __future__ import annotations

import attrs

from ledarutveckling import DeliveryFormat
from ledarutveckling._rollout import replan_board
from ledarutveckling.scheduling import Rollout, RolloutUnit
from tests.test_rollout import START, day, module, plan, program

BLENDED = program(
    module("M1", DeliveryFormat.IN_PERSON),
    module("E2", DeliveryFormat.SELF_PACED, gap=3),  # due 7 days before M3
    module("M3", DeliveryFormat.IN_PERSON, gap=7),
)


def _rollout(unit: RolloutUnit) -> Rollout:
    rollout = plan(program=BLENDED).rollout
    assert rollout.self_paced_days == 14
    return attrs.evolve(rollout, units=[unit])


def test_a_self_paced_module_s_rules_fall_on_the_sessions_around_it() -> None:
    """E2 due by 1 March: M1 by 26 February (-3); E2 from 1 February: M3 from 22 February."""
    unit = RolloutUnit(
        name="Trafikkontoret",
        headcount=10,
        deadlines={"M3": day("2027-03-15"), "E2": day("2027-03-01")},
        not_before={"M3": day("2027-01-18"), "E2": day("2027-02-01")},
    )
    replanner = replan_board._Replanner(_rollout(unit), START)
    assert replanner.latest == {
        "Trafikkontoret": {"M3": day("2027-03-15"), "M1": day("2027-02-26")}
    }
    assert replanner.earliest == {"Trafikkontoret": {"M3": day("2027-02-22")}}


def test_the_session_s_own_rule_holds_when_it_is_the_stricter() -> None:
    """E2 due by 1 March (M1 by 26 February), M1 by 15 February: 15 February; the earliest too.

    E2 from 18 January holds M3 from 8 February, before its own 15 February.
    """
    unit = RolloutUnit(
        name="Trafikkontoret",
        headcount=10,
        deadlines={"M3": day("2027-03-01"), "E2": day("2027-03-01"), "M1": day("2027-02-15")},
        not_before={"M3": day("2027-02-15"), "E2": day("2027-01-18"), "M1": day("2027-01-12")},
    )
    replanner = replan_board._Replanner(_rollout(unit), START)
    assert replanner.latest == {
        "Trafikkontoret": {"M3": day("2027-03-01"), "M1": day("2027-02-15")}
    }
    assert replanner.earliest == {
        "Trafikkontoret": {"M3": day("2027-02-15"), "M1": day("2027-01-12")}
    }
