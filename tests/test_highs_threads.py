"""One thread for every HiGHS instance the library makes.

HiGHS's worker threads belong to the whole process, so an anonymity audit run first must
not change a rollout plan made after it.
"""

from __future__ import annotations

import subprocess
import sys

_PLAN = """
from tests.test_rollout_replan import FACILITATORS, PROGRAM, ROOMS, UNITS
from tests.test_rollout import plan
p = plan(program=PROGRAM, units=UNITS, facilitators=FACILITATORS, rooms=ROOMS)
print(p.end_date, p.lower_bound, len(p.sessions))
"""
_AUDIT_FIRST = """
from ledarutveckling import Dimension, breakdown
from ledarutveckling.examples import stockholm_evaluations
for dimension in Dimension:
    breakdown(stockholm_evaluations(), by=dimension)
"""


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def test_an_audit_before_a_plan_leaves_the_plan_as_it_is() -> None:
    alone = _run(_PLAN)
    assert alone == "2027-02-08 2027-02-08 78\n"
    assert _run(_AUDIT_FIRST + _PLAN) == alone
