"""Scheduling: the Swedish working calendar, sessions and iCalendar export.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._scheduling import calendar, ical, sessions

publish(
    "ledarutveckling",
    calendar.Blackout,
    calendar.WorkingCalendar,
    ical.to_ical,
    ical.to_ical_update,
    sessions.Conflict,
    sessions.ConflictKind,
    sessions.Session,
    sessions.count_conflicts,
    sessions.find_conflicts,
    sessions.schedule_cohort,
)
