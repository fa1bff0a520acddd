"""Planning sessions around the Swedish calendar (schemaläggning), and rollouts (utrullning).

:class:`WorkingCalendar` knows which days are working days in Sweden: Monday to Friday minus
the public holidays (allmänna helgdagar), by default midsommarafton, julafton and nyårsafton,
blackout periods such as the summer weeks, and extra days off. :func:`plan_rollout` plans a
program for thousands of participants in cohorts, with facilitators and rooms, proves how early
any valid plan can end, and :func:`check_rollout` checks a plan against every rule (see the
how-to "Plan a rollout for a whole administration").

Examples:
    >>> import pendulum
    >>> from ledarutveckling.scheduling import Blackout, WorkingCalendar
    >>> calendar = WorkingCalendar.sweden(
    ...     blackouts=[Blackout.iso_weeks("sommar", 2027, 27, 32)])
    >>> calendar.next_working_day(pendulum.date(2027, 7, 2))
    Date(2027, 8, 16)
    >>> calendar.day_off_reason(pendulum.date(2027, 7, 5))
    'Blockerad period: sommar'
"""

from __future__ import annotations

from ledarutveckling._base.public import publish
from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.plan import (
    DeadlinesGivenUp,
    RolloutPlan,
    RolloutSession,
    SelfPacedWindow,
)
from ledarutveckling._rollout.planner import plan_rollout
from ledarutveckling._rollout.problem import (
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling._rollout.replan import Replan, ResizedCohort, replan
from ledarutveckling._scheduling.calendar import FIRST_YEAR, LAST_YEAR, Blackout, WorkingCalendar
from ledarutveckling._scheduling.conflicts import (
    Conflict,
    ConflictKind,
    count_conflicts,
    find_conflicts,
)
from ledarutveckling._scheduling.ical import PRODID, organiser_address, to_ical, to_ical_update
from ledarutveckling._scheduling.sessions import Session, schedule_cohort

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "PRODID",
    "BindingResource",
    "Blackout",
    "Conflict",
    "ConflictKind",
    "DeadlinesGivenUp",
    "Facilitator",
    "LowerBound",
    "Replan",
    "ResizedCohort",
    "Rollout",
    "RolloutPlan",
    "RolloutSession",
    "RolloutUnit",
    "Room",
    "SelfPacedWindow",
    "Session",
    "SessionSlot",
    "WorkingCalendar",
    "WorkingDays",
    "check_rollout",
    "count_conflicts",
    "find_conflicts",
    "organiser_address",
    "plan_rollout",
    "replan",
    "schedule_cohort",
    "to_ical",
    "to_ical_update",
]

publish(__name__, *(globals()[name] for name in __all__))
