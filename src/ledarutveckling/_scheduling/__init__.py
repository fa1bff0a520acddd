"""Scheduling: the Swedish working calendar, sessions and iCalendar export."""
