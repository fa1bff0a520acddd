"""Rollouts: the problem, the plan, its checker, and the planner with its engine.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._rollout import check, lower_bound, plan, planner, problem, replan

publish(
    "ledarutveckling",
    check.check_rollout,
    lower_bound.BindingResource,
    lower_bound.LowerBound,
    plan.RolloutPlan,
    plan.RolloutSession,
    planner.plan_rollout,
    problem.Facilitator,
    problem.Rollout,
    problem.RolloutUnit,
    problem.Room,
    problem.SessionSlot,
    problem.WorkingDays,
    replan.Replan,
    replan.replan,
)
publish(
    "ledarutveckling.scheduling",
    plan.DeadlinesGivenUp,
    plan.SelfPacedWindow,
    replan.ResizedCohort,
)
