"""Completing a partly held rollout plan: the re-plan's fallback (private, see replan).

A re-plan keeps the sessions before *today* as held. When its minimal-change repair fails,
the rest of the work is planned anew here, around *fixed* sessions (the held ones, and
optionally later sessions to keep): every cohort's modules not yet placed, each after its
cohort's previous session by the module's gap, within the span from the cohort's first
session, within its unit's deadlines and earliest dates, led by facilitators who are
present, may lead the module, are free in the slot and below their caps per day and per
ISO week (the fixed sessions counted), in a free room that takes the cohort, and within
the unit's ``max_away``.

Time is counted in slots as in the planner (:mod:`ledarutveckling._rollout.instance`):
slot ``t`` is slot ``t % ns`` of working day ``t // ns`` counted from the first day a
session may change. Two searches:

* :meth:`Completion.schedule`: a list schedule like the planner's, tried for candidate
  last days from a bound upwards (galloping, then bisecting), each session due by the
  latest slot that lets its cohort finish by that day; the earliest-ending plan found is
  kept. Fast (a few hundredths of a second per day tried on 3,000 staff), not complete.
* :meth:`Completion.exact`: an integer program over every session, slot, facilitator team
  and room size (HiGHS), which finds a completion whenever one exists within
  :data:`~ledarutveckling._rollout.completion_exact.EXACT_DAYS` working days of the last
  first slot of a session to place, and proves there is none when no window reaches past
  them. Only built when it is small enough
  (:data:`~ledarutveckling._rollout.completion_exact.EXACT_LIMIT` variables).
"""

from __future__ import annotations

from ledarutveckling._rollout.completion_exact import ExactSearch
from ledarutveckling._rollout.completion_list import ListSchedule

__all__ = ["Completion"]


class Completion(ListSchedule, ExactSearch):
    """The work left after *fixed* sessions, in integer form, and the searches that place it.

    Args:
        rollout: The rollout as it is now.
        first: The first day a session may be placed (today, or the rollout's start).
        cohorts: Every cohort as ``(unit name, number, size)``.
        fixed: The sessions that stay (held and kept), by identity.
        wishes: The previous plan's sessions, by identity: when a search places a session
            in the slot it had, it takes its facilitators and room if it can.

    The windows and the proofs are
    :class:`~ledarutveckling._rollout.completion_work.RemainingWork`'s; :meth:`schedule` is
    the list schedule (:mod:`~ledarutveckling._rollout.completion_list`), :meth:`exact` the
    exact search (:mod:`~ledarutveckling._rollout.completion_exact`).
    """
