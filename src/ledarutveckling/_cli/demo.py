"""``ledarutveckling demo``: the bundled Stockholm example end to end (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import attrs
import pendulum

from ledarutveckling import (
    AgreementLedger,
    Facilitator,
    Program,
    RolloutPlan,
    RolloutUnit,
    Room,
    Session,
    SessionSlot,
    WorkingCalendar,
    check_call_off_sessions,
    schedule_cohort,
    serialization,
    to_ical,
)
from ledarutveckling._cli.console import PROG, UserError, _now, _say, _today
from ledarutveckling._cli.files import _check_outputs, _write
from ledarutveckling._cli.scheduling import _events_and_todos
from ledarutveckling._cli.texts import _counted, _said
from ledarutveckling.errors import ValidationError
from ledarutveckling.examples import stockholm_catalogue, stockholm_delivery, stockholm_ledger
from ledarutveckling.reports import status_report, to_html, to_text
from ledarutveckling.serialization import CalendarRequest, RolloutRequest

_DEMO_FILES: Final = {
    "sv_SE": {
        "report": "statusrapport.html",
        "sessions": "traffar.ics",
        "rollout": "utrullning.ics",
        "ledger": "avropslogg.toml",
        "delivery": "leveranser.toml",
        "burn_up": "takbelopp.png",
        "gantt": "utrullning.png",
    },
    "en_GB": {
        "report": "status-report.html",
        "sessions": "sessions.ics",
        "rollout": "rollout.ics",
        "ledger": "ledger.toml",
        "delivery": "delivery.toml",
        "burn_up": "ceiling.png",
        "gantt": "rollout.png",
    },
}
"""The demo's file names in each locale the command line offers (:data:`LOCALES`)."""


_DEMO_FACILITATORS: Final = ("Anna Lindqvist", "Johan Ek", "Sara Nilsson", "Omar Haddad")


_DEMO_MOVE: Final = "TK 2026/1201"
"""The example call-off that buys the move to an activity-based office (the demo's rollout)."""


def _demo_dir(out: str | None) -> Path:
    if out is not None:
        return Path(out)
    base = Path.cwd() / "ledarutveckling-demo"
    candidate, number = base, 1
    while candidate.exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def _demo_calendar(on: pendulum.Date) -> WorkingCalendar:
    """The Swedish calendar without the weeks around Christmas and New Year (21 Dec–6 Jan)."""
    days = []
    for year in (on.year - 1, on.year, on.year + 1):
        day = pendulum.date(year, 12, 21)
        while day <= pendulum.date(year + 1, 1, 6):
            days.append(day)
            day = day.add(days=1)
    return WorkingCalendar.sweden(extra_days_off=sorted(set(days)))


def _demo_sessions(ledger: AgreementLedger, on: pendulum.Date) -> tuple[Session, ...]:
    """One cohort of each call-off in force on *on* (or ordered), within its delivery period.

    Each session names its call-off; a call-off whose cohort no longer fits in its delivery
    period gets no sessions (it is not scheduled past the period it bought).
    """
    calendar = _demo_calendar(on)
    sessions: list[Session] = []
    for number, call_off in enumerate(ledger.in_force(on)):
        for program in call_off.programs:
            first = max(on, call_off.delivery.start)
            people = _DEMO_FACILITATORS[number % 4 : number % 4 + 2]
            try:
                cohort = schedule_cohort(
                    program,
                    f"{call_off.unit.name}, grupp 1",
                    first,
                    calendar,
                    dt.time(9, 0),
                    facilitators=people,
                    room=f"Kungsholmen, sal {number + 1}",
                    call_off=call_off.reference,
                )
            except ValidationError:
                continue
            if cohort[-1].end.date() <= call_off.delivery.end:
                sessions += cohort
    return tuple(sessions)


def _demo_check(ledger: AgreementLedger, sessions: Sequence[Session], on: pendulum.Date) -> int:
    """Check every session against the call-off it names; print and count the problems."""
    calendar = _demo_calendar(on)
    found = 0
    for call_off in ledger.call_offs:
        for problem in check_call_off_sessions(call_off, sessions, ledger.agreement, calendar):
            _say(f"  {call_off.reference}: {problem}")
            found += 1
    return found


def _demo_charts(
    out: Path,
    ledger: AgreementLedger,
    plan: RolloutPlan,
    on: pendulum.Date,
    locale: str,
    *,
    force: bool,
    plots: bool,
) -> None:
    """Write the burn-up and the rollout's Gantt chart, when matplotlib is installed (*plots*)."""
    if not plots:
        _say(_said("no-charts", locale, extra=f"{PROG}[plot]"))
        return
    from ledarutveckling.plots import plot_burn_up, plot_schedule

    charts = {
        _DEMO_FILES[locale]["burn_up"]: plot_burn_up(ledger, on=on, locale=locale),
        _DEMO_FILES[locale]["gantt"]: plot_schedule(plan, locale=locale),
    }
    for name, figure in charts.items():
        target = out / name
        image = io.BytesIO()
        figure.savefig(image, dpi=100, format="png")
        _write(target, image.getvalue(), force=force)
        _say(_said("chart", locale, path=target))


def _demo_rollout(on: pendulum.Date) -> RolloutRequest:
    """A small rollout: the move to an activity-based office for three departments.

    It falls within the call-off for the move, two weeks after *on* at the earliest, and
    leaves out the weeks around Christmas and New Year. The sessions start late enough for
    each cohort's window for the leading self-paced module to open then too (see
    :func:`_lead_days`).
    """
    calendar = _demo_calendar(on)
    move = next(c for c in stockholm_ledger().call_offs if c.reference == _DEMO_MOVE)
    program = stockholm_catalogue().program("ABW")
    lead = _lead_days(program, _DEMO_SELF_PACED_DAYS)
    start = calendar.next_working_day(max(on.add(days=14), move.delivery.start).add(days=lead))
    return RolloutRequest(
        program="ABW",
        units=(
            RolloutUnit(name="Trafikkontoret, avdelning Gata", headcount=64),
            RolloutUnit(name="Trafikkontoret, avdelning Trafik", headcount=45),
            RolloutUnit(name="Trafikkontoret, staben", headcount=28),
        ),
        facilitators=(Facilitator(name="Anna Lindqvist"), Facilitator(name="Johan Ek")),
        rooms=(Room(name="Tekniska nämndhuset, sal A", capacity=40),),
        slots=(
            SessionSlot(start=dt.time(9, 0), end=dt.time(12, 0)),
            SessionSlot(start=dt.time(13, 0), end=dt.time(16, 0)),
        ),
        start=start,
        calendar=CalendarRequest(extra_days_off=calendar.extra_days_off),
        self_paced_days=_DEMO_SELF_PACED_DAYS,
    )


_DEMO_SELF_PACED_DAYS: Final = 14
"""The days of the demo rollout's window for a self-paced module no session bounds."""


def _lead_days(program: Program, self_paced_days: int) -> int:
    """How many days before a cohort's first session its first self-paced window opens.

    A self-paced module before the first scheduled one is due that many days before it (the
    gaps of the modules up to it), and the first one opens *self_paced_days* before it is due
    (see :attr:`RolloutPlan.self_paced`); 0 when the program starts with a session.
    """
    modules = program.modules
    first = next((i for i, m in enumerate(modules) if m.format.is_scheduled), 0)
    if first == 0:
        return 0
    return self_paced_days + sum(m.min_days_after_previous for m in modules[1 : first + 1])


def _can_plot() -> bool:
    """Whether matplotlib, which the demo's charts need, is installed."""
    try:
        importlib.import_module("matplotlib.figure")
    except ImportError:
        return False
    return True


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: the bundled Stockholm example end to end."""
    from ledarutveckling.examples import stockholm_evaluations

    on = args.on or _today()
    files = _DEMO_FILES[args.locale]
    out = _demo_dir(args.out)
    try:
        out.mkdir(exist_ok=True)  # the folder asked for; never its parents
    except OSError as error:
        raise UserError("no-demo-folder", path=out, reason=error) from None
    ledger = stockholm_ledger()
    sessions = _demo_sessions(ledger, on)
    plots = _can_plot()
    names = ["report", "sessions", "rollout", "ledger", "delivery", "burn_up", "gantt"]
    skipped = {"sessions"} if not sessions else set()
    skipped |= {"burn_up", "gantt"} if not plots else set()
    outputs = [out / files[name] for name in names if name not in skipped]
    _check_outputs(outputs, force=args.force)  # in a folder that was there: before any is said
    evaluations = stockholm_evaluations()
    locale = args.locale
    loaded = _said(
        "loaded",
        locale,
        reference=ledger.agreement.reference,
        call_offs=len(ledger.call_offs),
        evaluations=len(evaluations),
    )
    _say(loaded)
    problems = ledger.problems()
    _say(_said("validated", locale, problems=_counted(len(problems), "problem", locale)))
    document = status_report(
        ledger, on=on, sessions=sessions, evaluations=evaluations, locale=args.locale
    )
    _say()
    _say(to_text(document), end="")
    _say()
    report = out / files["report"]
    force = args.force
    _write(report, to_html(document), force=force)
    _say(_said("html", locale, path=report))
    if sessions:
        ics = out / files["sessions"]
        _write(ics, to_ical(sessions, stamp=_now(), locale=args.locale), force=force)
        items = _events_and_todos(sessions, locale, "coming session")
        _say(_said("wrote-items", locale, items=items, path=ics))
    _say()
    plan = _demo_rollout(on).plan(stockholm_catalogue())
    _say(plan.summary(args.locale))
    rollout = tuple(
        attrs.evolve(session, call_off=_DEMO_MOVE) for session in plan.to_sessions(args.locale)
    )
    found = _demo_check(ledger, (*sessions, *rollout), on)
    _say(_said("checked", locale, problems=_counted(found, "problem", locale)))
    ics = out / files["rollout"]
    _write(ics, to_ical(rollout, stamp=_now(), locale=args.locale), force=force)
    _say(_said("wrote-rollout", locale, items=_events_and_todos(rollout, locale), path=ics))
    ledger_file = out / files["ledger"]
    _write(ledger_file, serialization.to_toml(ledger), force=force)
    _say(_said("example-ledger", locale, path=ledger_file))
    delivery_file = out / files["delivery"]
    _write(delivery_file, serialization.to_toml(stockholm_delivery()), force=force)
    _say(_said("example-delivery", locale, path=delivery_file))
    _demo_charts(out, ledger, plan, on, args.locale, force=force, plots=plots)
    _say()
    _say(_said("demo-out", locale, path=out))
    # The report the demo wrote, named as the demo names it in the reader's language.
    named = files["report"]
    command = f"{PROG} report {ledger_file} --on {on.isoformat()} --format html -o {named}"
    _say(_said("next", locale, command=command))
    return 0
