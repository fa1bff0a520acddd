"""Benchmark a blended move over its start dates: how far each plan ends from the bound.

Run: ``python benchmarks/rollout_starts.py`` (``--first``, ``--last`` and ``--step`` days for
other start dates).

A new user's move (the review of 7 December 2026, issue 17): 1,600 staff of three units, the
largest with at most 90 away at once, take the blended program of ``rollout_split.py`` (a self-
paced introduction, an in-person workshop, a digital follow-up 30 days later, within 60 days)
in cohorts of 20-40, with four facilitators (two for the workshop only, one for the follow-up
only), rooms of 40 and 30, and the summer weeks 27-32 blocked. The same move is planned from
every start date between ``--first`` and ``--last``: a later start can never give an earlier
end (a plan from a later start is a plan from an earlier one too), and each plan should end on
the lower bound or within one working day of it.

Each line: the start, the plan's last day, the bound and the resource that sets it, the
working days between them, and the run time. The last line counts the starts on the bound,
within one working day, and the worst, and says whether any later start ended earlier.
"""

from __future__ import annotations

import argparse
import sys
import time

import pendulum
from rollout_split import CALENDAR, PROGRAM, SLOTS  # the same move, next to this file

from ledarutveckling import DateRange
from ledarutveckling.scheduling import Facilitator, Rollout, RolloutUnit, Room, plan_rollout

UNITS = (
    RolloutUnit(name="Stadsbyggnadskontoret", headcount=900, max_away=90),
    RolloutUnit(name="Fastighetskontoret", headcount=400),
    RolloutUnit(name="Gatukontoret", headcount=300),
)
TEAM = (
    Facilitator(name="Anna", modules=["ABW-2"]),
    Facilitator(name="Johan", modules=["ABW-2"]),
    Facilitator(name="Sara", modules=["ABW-3"]),
    Facilitator(name="Per"),
)
ROOMS = (Room(name="Sal A", capacity=40), Room(name="Sal B", capacity=30))


def late_by(bound: pendulum.Date, last: pendulum.Date) -> int:
    """Working days from *bound* to *last*: 0 on the bound (or before it)."""
    if last <= bound:
        return 0
    return CALENDAR.count_working_days(DateRange(start=bound.add(days=1), end=last))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", default="2027-03-01", help="the first start date")
    parser.add_argument("--last", default="2027-09-13", help="the last start date")
    parser.add_argument("--step", type=int, default=7, help="days between start dates")
    args = parser.parse_args(argv)
    day = pendulum.Date.fromisoformat(args.first)
    last_start = pendulum.Date.fromisoformat(args.last)
    gaps: list[tuple[int, pendulum.Date]] = []
    ends: list[tuple[pendulum.Date, pendulum.Date]] = []
    print(f"{'start':10}  {'last day':10}  {'bound':10}  {'binds':12} {'late':>4}  seconds")
    while day <= last_start:
        rollout = Rollout(
            program=PROGRAM,
            units=UNITS,
            facilitators=TEAM,
            rooms=ROOMS,
            calendar=CALENDAR,
            slots=SLOTS,
            start=day,
        )
        began = time.process_time()
        plan = plan_rollout(rollout)
        seconds = time.process_time() - began
        end = max(session.date for session in plan.sessions)
        late = late_by(plan.bound.date, end)
        gaps.append((late, day))
        ends.append((day, end))
        print(
            f"{day}  {end}  {plan.bound.date}  {plan.bound.resource.value:12} {late:4}  "
            f"{seconds:7.2f}"
        )
        day = day.add(days=args.step)
    earlier = sum(
        1 for i, (_, end) in enumerate(ends) for _, later_end in ends[i + 1 :] if later_end < end
    )
    worst, at = max(gaps)
    on = sum(1 for late, _ in gaps if late == 0)
    within = sum(1 for late, _ in gaps if late <= 1)
    print(
        f"starts={len(gaps)} on-bound={on} within-1={within} worst={worst} (start {at}) "
        f"later-start-ends-earlier={earlier}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
