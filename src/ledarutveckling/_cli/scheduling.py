"""``schedule``, ``plan-rollout`` and ``replan``: the commands that write calendars (private).

A plan is saved (``--save``) as the library writes a :class:`~ledarutveckling.RolloutPlan`
(:func:`ledarutveckling.serialization.to_json` or ``to_toml``, by the file's suffix) and read
back with :func:`ledarutveckling.serialization.load`, so that ``replan`` starts from the plan
whose invitations were sent, not from a plan made again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import attrs

from ledarutveckling import (
    RolloutPlan,
    Session,
    count_conflicts,
    find_conflicts,
    serialization,
    to_ical,
)
from ledarutveckling._cli.console import InvalidError, UserError, _now, _problems, _say, _today
from ledarutveckling._cli.files import (
    _catalogue,
    _check_outputs,
    _inputs,
    _load,
    _request,
    _with_catalogue,
    _write,
)
from ledarutveckling._cli.texts import _counted, _said
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_date, format_list, format_time
from ledarutveckling.scheduling import replan, to_ical_update
from ledarutveckling.serialization import RolloutRequest, ScheduleRequest

MAX_CONFLICTS_SHOWN: Final = 50
"""The conflicts ``schedule`` prints at most; the rest are counted in one line.

Only these are built (``find_conflicts(..., limit=MAX_CONFLICTS_SHOWN)``) and the rest are
counted without building any (``count_conflicts``), so a plan with millions of conflicts costs
what its sessions do.
"""


def _session_lines(sessions: Sequence[Session], locale: str) -> list[str]:
    """One line a session, in the order they happen, each column as wide as its widest value.

    A self-paced module's "självstudier" (12 characters) is wider than a time of day
    (``13:00–19:00``, 11), and cohorts and module codes differ in length: padded, the
    columns line up.
    """
    rows = []
    for s in sorted(sessions, key=lambda s: (s.start.timestamp(), s.cohort)):
        day = format_date(s.day, style="short", locale=locale)
        if s.format.is_scheduled:
            start, end = (format_time(t, locale=locale) for t in (s.start, s.end))
            when = f"{start}–{end}"
        else:  # a to-do due that day in the calendar, not a meeting: no time of day
            when = s.format.label(locale)
        rows.append((day, when, s.cohort, s.module.code, s.module.title))
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(4)]
    return [
        f"{day:<{widths[0]}} {when:<{widths[1]}}  {cohort:<{widths[2]}}  "
        f"{code:<{widths[3]}} {title}"
        for day, when, cohort, code, title in rows
    ]


def cmd_schedule(args: argparse.Namespace) -> int:
    """``schedule FILE --ics OUT``: schedule the cohorts of a request, write the calendar."""
    path = Path(args.file)
    _check_outputs([Path(args.ics)], force=args.force, inputs=_inputs(args))
    request = _request(path, ScheduleRequest, args.locale, args.catalogue)
    inputs = _with_catalogue(_inputs(args), request, path, args.catalogue)
    _check_outputs([Path(args.ics)], force=args.force, inputs=inputs)
    catalogue = _catalogue(request, path, args.catalogue, sys.stderr, args.locale)
    try:
        program = request.program_in(catalogue)
        sessions = request.schedule(catalogue)
    except ValidationError as error:
        _problems(path, error, sys.stderr, args.locale)
        raise InvalidError from None
    counted = _events_and_todos(sessions, args.locale)
    _say(
        _said("sessions", args.locale, program=f"{program.code} {program.title}", sessions=counted)
    )
    for line in _session_lines(sessions, args.locale):
        _say(f"  {line}")
    calendar = request.calendar.working_calendar()
    shown = find_conflicts(sessions, calendar, locale=args.locale, limit=MAX_CONFLICTS_SHOWN)
    for conflict in shown:
        _say(f"  ! {conflict}")
    hidden = 0
    if len(shown) == MAX_CONFLICTS_SHOWN:  # perhaps more: counted, not built
        hidden = count_conflicts(sessions, calendar) - len(shown)
        if hidden:
            more = _counted(hidden, "more conflict", args.locale)
            _say(f"  ! {_said('more-conflicts', args.locale, count=more)}")
    _write(
        Path(args.ics),
        to_ical(sessions, stamp=_now(), organiser=args.organiser, locale=args.locale),
        force=args.force,
        inputs=inputs,
    )
    if not shown:
        _say(_said("calendar", args.locale, path=args.ics))
        return 0
    # The calendar is written to be looked at, but a schedule with conflicts is not a valid
    # one: exit code 1, so that a script does not send double-booked invitations.
    count = _counted(len(shown) + hidden, "conflict", args.locale)
    _say(_said("calendar-conflicts", args.locale, path=args.ics, count=count))
    return 1


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
    save = _plan_file(args.save)
    outputs = [Path(args.ics)] if args.ics else []
    outputs += [save] if save is not None else []
    _check_outputs(outputs, force=args.force, inputs=_inputs(args))
    request = _request(path, RolloutRequest, args.locale, args.catalogue)
    inputs = _with_catalogue(_inputs(args), request, path, args.catalogue)
    _check_outputs(outputs, force=args.force, inputs=inputs)
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
            # The plan's UIDs in any locale.
            to_ical(plan, stamp=_now(), organiser=args.organiser, locale=args.locale),
            force=args.force,
            inputs=inputs,
        )
        items = _events_and_todos(sessions, args.locale)
        _say(_said("wrote-items", args.locale, items=items, path=args.ics))
    if save is not None:
        _save(save, plan, args, inputs)
    return 0


def _plan_file(name: str | None) -> Path | None:
    """The file ``--save`` names, refused before any work when it is neither JSON nor TOML.

    Raises:
        UserError: If the name does not end in ``.json`` or ``.toml``.
    """
    if name is None:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".json", ".toml"):
        raise UserError("plan-not-json-or-toml", path=path)
    return path


def _save(path: Path, plan: RolloutPlan, args: argparse.Namespace, inputs: Sequence[Path]) -> None:
    """Write *plan* to *path* as JSON or TOML (by its suffix), for a later ``replan --plan``."""
    toml = path.suffix.lower() == ".toml"
    text = serialization.to_toml(plan) if toml else serialization.to_json(plan) + "\n"
    _write(path, text, force=args.force, inputs=inputs)
    _say(_said("saved-plan", args.locale, path=path))


def _previous(path: Path, locale: str) -> RolloutPlan:
    """The plan of ``--plan``: the one whose invitations were sent (see :func:`_save`).

    Raises:
        UserError: If the file cannot be read, is neither JSON nor TOML, or is a document
            of a registered kind (a request, an agreement, …) rather than a plan.
        InvalidError: If it is not a valid plan (the problems are printed).
    """
    try:
        return _load(path, RolloutPlan)
    except ValidationError as error:
        try:  # a document of another kind (the request itself, say) is said in one line
            other = _load(path)
        except ValidationError:
            _problems(path, error, sys.stderr, locale)
            raise InvalidError from None
        raise UserError("not-a-plan", path=path, got=type(other)) from None


def _from_request(error: ValidationError) -> ValidationError:
    """*error* of :func:`replan` seen from the request: ``rollout.units[1]`` is ``units[1]``.

    The request holds the rollout's fields at its top level; a problem of the whole rollout
    (a re-plan that cannot be made) has no path there.
    """
    problems = []
    for problem in error.problems:
        path = problem.path
        if path == "rollout" or path.startswith("rollout."):
            path = path.removeprefix("rollout").removeprefix(".")
        problems.append(attrs.evolve(problem, path=path))
    return ValidationError(problems)


def _components(calendar: bytes, locale: str) -> str:
    """The events and to-dos an iCalendar update holds, counted apart (its component lines).

    The events are the sessions the re-plan's summary lists, one line each; the to-dos are
    self-paced windows that moved, came or went with them, which the summary does not list,
    and the count says so: ``2 träffar och 1 självstudieuppgift som inte listas ovan``.
    """
    events = calendar.count(b"\r\nBEGIN:VEVENT\r\n")
    todos = calendar.count(b"\r\nBEGIN:VTODO\r\n")
    counts = [_counted(events, "session", locale)] if events else []
    counts += [_counted(todos, "unlisted to-do", locale)] if todos else []
    return format_list(counts, locale=locale)


def _update_files(args: argparse.Namespace) -> tuple[Path, ...]:
    """The files of ``replan --ics OUT``: the changes and the cancellations (none without it).

    The cancellations go to ``--cancel-ics``, else to ``OUT-cancel.ics`` beside the changes.
    """
    if not args.ics:
        return ()
    target = Path(args.ics)
    if args.cancel_ics is not None:
        return target, Path(args.cancel_ics)
    return target, target.with_name(f"{target.stem}-cancel.ics")


def cmd_replan(args: argparse.Namespace) -> int:
    """``replan FILE --plan PLAN [--today DATE] [--ics OUT]``: re-plan, update the invitations."""
    path = Path(args.file)
    save = _plan_file(args.save)
    if args.cancel_ics is not None and args.ics is None:
        raise UserError("cancel-needs-ics")
    outputs = [*_update_files(args), *([save] if save is not None else [])]
    _check_outputs(outputs, force=args.force, inputs=_inputs(args))
    request = _request(path, RolloutRequest, args.locale, args.catalogue)
    inputs = _with_catalogue(_inputs(args), request, path, args.catalogue)
    _check_outputs(outputs, force=args.force, inputs=inputs)
    catalogue = _catalogue(request, path, args.catalogue, sys.stderr, args.locale)
    previous = _previous(Path(args.plan), args.locale)
    today = args.today or _today()
    try:
        result = replan(previous, request.rollout(catalogue), today)
    except ValidationError as error:
        _problems(path, _from_request(error), sys.stderr, args.locale)
        raise InvalidError from None
    _say(result.summary(args.locale))
    if args.ics:
        changes, cancellations = to_ical_update(
            result.previous,
            result.plan,
            stamp=_now(),
            sequence=args.sequence,
            organiser=args.organiser,
            locale=args.locale,
        )
        target, cancel = _update_files(args)
        if changes is None and cancellations is None:
            _say(_said("no-update", args.locale, path=target))
        written = (
            (changes, target, "wrote-changes"),
            (cancellations, cancel, "wrote-cancellations"),
        )
        for data, where, key in written:
            if data is None:
                continue
            _write(where, data, force=args.force, inputs=inputs)
            items = _components(data, args.locale)
            said = _said(key, args.locale, sequence=args.sequence, items=items, path=where)
            _say(said)
    if save is not None:
        _save(save, result.plan, args, inputs)
    return 0
