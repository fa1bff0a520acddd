"""Scheduling: the Swedish working calendar, sessions and iCalendar export.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._scheduling import calendar, conflicts, ical, sessions

publish(
    "ledarutveckling",
    calendar.Blackout,
    calendar.WorkingCalendar,
    ical.to_ical,
    ical.to_ical_update,
    conflicts.Conflict,
    conflicts.ConflictKind,
    conflicts.count_conflicts,
    conflicts.find_conflicts,
    sessions.Session,
    sessions.schedule_cohort,
)
