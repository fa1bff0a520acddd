"""``ledarutveckling schedule`` and ``plan-rollout``: the commands that write calendars."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from ledarutveckling import Session, find_conflicts, to_ical
from ledarutveckling._cli.console import InvalidError, _now, _problems, _say
from ledarutveckling._cli.files import _catalogue, _inputs, _request, _write
from ledarutveckling._cli.texts import _counted, _said
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_date, format_list, format_time
from ledarutveckling.serialization import RolloutRequest, ScheduleRequest

MAX_CONFLICTS_SHOWN: Final = 50
"""The conflicts ``schedule`` prints at most; the rest are counted in one line."""


def _session_lines(sessions: Sequence[Session], locale: str) -> list[str]:
    lines = []
    for s in sorted(sessions, key=lambda s: (s.start.timestamp(), s.cohort)):
        when = (
            f"{format_date(s.day, style='short', locale=locale)} "
            f"{format_time(s.start, locale=locale)}–{format_time(s.end, locale=locale)}"
        )
        lines.append(f"{when}  {s.cohort}  {s.module.code} {s.module.title}")
    return lines


def cmd_schedule(args: argparse.Namespace) -> int:
    """``schedule FILE --ics OUT``: schedule the cohorts of a request, write the calendar."""
    path = Path(args.file)
    request = _request(path, ScheduleRequest, args.locale)
    catalogue = _catalogue(request, path, args.catalogue, sys.stderr, args.locale)
    try:
        program = request.program_in(catalogue)
        sessions = request.schedule(catalogue)
    except ValidationError as error:
        _problems(path, error, sys.stderr, args.locale)
        raise InvalidError from None
    counted = _counted(len(sessions), "session", args.locale)
    _say(
        _said("sessions", args.locale, program=f"{program.code} {program.title}", sessions=counted)
    )
    for line in _session_lines(sessions, args.locale):
        _say(f"  {line}")
    calendar = request.calendar.working_calendar()
    conflicts = find_conflicts(sessions, calendar, locale=args.locale)
    for conflict in conflicts[:MAX_CONFLICTS_SHOWN]:
        _say(f"  ! {conflict}")
    if len(conflicts) > MAX_CONFLICTS_SHOWN:
        hidden = len(conflicts) - MAX_CONFLICTS_SHOWN
        _say(f"  ! {_said('more-conflicts', args.locale, count=hidden)}")
    _write(
        Path(args.ics),
        to_ical(sessions, stamp=_now(), locale=args.locale),
        force=args.force,
        inputs=_inputs(args),
    )
    _say(_said("calendar", args.locale, path=args.ics))
    return 0


def _events_and_todos(sessions: Sequence[Session], locale: str, word: str = "session") -> str:
    """How many sessions (calendar events) and self-paced modules (to-dos) *sessions* hold.

    :func:`to_ical` writes a self-paced module (a rollout's window for it, or its day in a
    schedule) as a to-do, not an event, and a plan's summary counts only the sessions held.
    """
    todos = sum(1 for session in sessions if not session.format.is_scheduled)
    text = _counted(len(sessions) - todos, word, locale)
    if not todos:
        return text
    both = (text, _counted(todos, "to-do", locale))
    return format_list(both, locale=locale)


def cmd_plan_rollout(args: argparse.Namespace) -> int:
    """``plan-rollout FILE [--ics OUT]``: plan a rollout request, optionally write a calendar."""
    path = Path(args.file)
    request = _request(path, RolloutRequest, args.locale)
    catalogue = _catalogue(request, path, args.catalogue, sys.stderr, args.locale)
    try:
        plan = request.plan(catalogue)
    except ValidationError as error:
        _problems(path, error, sys.stderr, args.locale)
        raise InvalidError from None
    _say(plan.summary(args.locale))
    if args.ics:
        sessions = plan.to_sessions(args.locale)
        _write(
            Path(args.ics),
            to_ical(sessions, stamp=_now(), locale=args.locale),
            force=args.force,
            inputs=_inputs(args),
        )
        items = _events_and_todos(sessions, args.locale)
        _say(_said("wrote-items", args.locale, items=items, path=args.ics))
    return 0
