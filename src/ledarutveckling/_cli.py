"""The command line, ``ledarutveckling`` (also ``python -m ledarutveckling``) (private).

Every command has ``--help``. Output goes to stdout, errors to stderr without a traceback.
Exit codes: 0 success, 1 an invalid document (or a plan that cannot be made), 2 a usage error
or a file that cannot be read or written, 141 when the reader of stdout goes away. This is the
only place that reads the clock: when ``--on`` is not given, the day is today's date in
Europe/Stockholm. It uses the public faces of the library only (an import contract checks it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TextIO, TypeVar

import attrs
import pendulum

from ledarutveckling import (
    AgreementLedger,
    Attendance,
    Audience,
    Catalogue,
    DateRange,
    Evaluation,
    Facilitator,
    FrameworkAgreement,
    Invoice,
    ProblemCode,
    Program,
    RolloutPlan,
    RolloutUnit,
    Room,
    Session,
    SessionSlot,
    WorkingCalendar,
    check_call_off_sessions,
    find_conflicts,
    invoice_basis,
    schedule_cohort,
    serialization,
    to_ical,
    to_peppol,
)
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.examples import stockholm_catalogue, stockholm_delivery, stockholm_ledger
from ledarutveckling.formatting import (
    DEFAULT_LOCALE,
    format_date,
    format_list,
    format_money,
    format_number,
    format_percent,
    format_problem,
    format_time,
)
from ledarutveckling.reports import (
    Document,
    status_report,
    to_html,
    to_markdown,
    to_text,
    to_xlsx,
)
from ledarutveckling.serialization import (
    CalendarRequest,
    DeliveryRecord,
    RolloutRequest,
    ScheduleRequest,
)

PROG: Final = "ledarutveckling"
MAX_CONFLICTS_SHOWN: Final = 50
"""The conflicts ``schedule`` prints at most; the rest are counted in one line."""

_Request = TypeVar("_Request", ScheduleRequest, RolloutRequest)
STOCKHOLM: Final = "Europe/Stockholm"
LOCALES: Final = ("sv_SE", "en_GB")

_ON_HELP: Final = (
    "the day the report describes, YYYY-MM-DD (default: today's date in Europe/Stockholm)"
)
_LOCALE_HELP: Final = "language of the report: sv_SE (Swedish, default) or en_GB (English)"
_CATALOGUE_HELP: Final = (
    "the catalogue document the request's program code is looked up in (default: the "
    "request's own 'catalogue', else the bundled Stockholm example catalogue)"
)

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


_SAID: Final = {
    "invalid": ("{path}: ogiltig, {problems}:", "{path}: invalid, {problems}:"),
    "valid": ("{path}: giltig ({kind})", "{path}: valid ({kind})"),
    "report": ("Skrev rapporten till {path}", "Wrote the report to {path}"),
    "recorded": (
        "Sparade vad ”{audience}” har fått se i {path}",
        "Recorded what '{audience}' was shown in {path}",
    ),
    "refused": (
        "{path}: rapporten visas inte för ”{audience}”, {problems}:",
        "{path}: the report is not shown to '{audience}', {problems}:",
    ),
    "sessions": ("{program}: {sessions}", "{program}: {sessions}"),
    "more-conflicts": (
        "… och {count} konflikter till, som inte visas",
        "… and {count} more conflict(s), not shown",
    ),
    "calendar": ("Skrev kalendern till {path}", "Wrote the calendar to {path}"),
    "wrote-items": ("Skrev {items} till {path}", "Wrote {items} to {path}"),
    "wrote-rollout": (
        "Skrev utrullningens {items} till {path}",
        "Wrote the rollout's {items} to {path}",
    ),
    "no-charts": (
        "(Diagrammen hoppades över: installera dem med pip install '{extra}'.)",
        "(Charts skipped: install them with pip install '{extra}'.)",
    ),
    "chart": ("Skrev diagrammet {path}", "Wrote the chart {path}"),
    "loaded": (
        "Läste in exempelavtalet {reference} med {call_offs} avrop och {evaluations} "
        "utvärderingar.",
        "Loaded the example agreement {reference} with {call_offs} call-offs and "
        "{evaluations} evaluations.",
    ),
    "validated": ("Validerat: {problems}.", "Validated: {problems}."),
    "html": ("Skrev HTML-rapporten till {path}", "Wrote the HTML report to {path}"),
    "checked": (
        "Kontrollerade träffarna mot deras avrop: {problems}.",
        "Checked the sessions against their call-offs: {problems}.",
    ),
    "example-ledger": (
        "Skrev exemplets avropslogg till {path}",
        "Wrote the example ledger to {path}",
    ),
    "example-delivery": (
        "Skrev exemplets leveransunderlag (genomförda träffar, närvaro, fakturauppgifter) "
        "till {path}",
        "Wrote the example's delivery record (held sessions, attendance, invoicing details) "
        "to {path}",
    ),
    "demo-out": ("Demons filer finns i {path}", "Demo output is in {path}"),
    "next": ("Nästa steg: {command}", "Next: {command}"),
}
"""What the command line says, in Swedish and English (``str.format`` templates).

The command line imports only the public faces, so its texts live here rather than in the
library's label tables; a test checks that both languages have the same fields.
"""

_COUNTED: Final = {
    "problem": (("problem", "problem"), ("problem", "problems")),
    "session": (("träff", "träffar"), ("session", "sessions")),
    "coming session": (
        ("kommande träff", "kommande träffar"),
        ("coming session", "coming sessions"),
    ),
    "to-do": (
        ("självstudieuppgift", "självstudieuppgifter"),
        ("self-paced to-do", "self-paced to-dos"),
    ),
}
"""Counted words, ``(singular, plural)`` in Swedish and in English."""

_KIND_NAMES: Final = {
    "agreement": "ramavtal",
    "audience": "publiceringsregister",
    "call_off": "avrop",
    "catalogue": "katalog",
    "delivery": "leveransunderlag",
    "evaluation": "utvärdering",
    "ledger": "avropslogg",
    "program": "program",
    "rollout_request": "begäran om utrullning",
    "schedule_request": "begäran om schemaläggning",
}
"""The Swedish name of each document kind (English: the kind in words, ``call off``)."""


def _language(locale: str) -> int:
    """0 for Swedish, 1 for English: the index of *locale*'s text in the tables above."""
    return LOCALES.index(locale) if locale in LOCALES else 0


def _said(key: str, locale: str, /, **fields: object) -> str:
    """What the command line says for *key* in *locale*'s language."""
    return _SAID[key][_language(locale)].format(**fields)


def _counted(count: int, word: str, locale: str) -> str:
    """``3 träffar`` / ``1 session``: *count* with *word* in *locale*'s language."""
    forms = _COUNTED[word][_language(locale)]
    return f"{count} {forms[0] if count == 1 else forms[1]}"


def _kind_name(cls: type, locale: str) -> str:
    """A document kind's name for a reader: ``avropslogg`` / ``agreement ledger``."""
    if _language(locale):
        return _snake(cls)
    for kind, spec in serialization.DOCUMENT_KINDS.items():
        if spec.cls is cls:
            return _KIND_NAMES[kind]
    return _snake(cls)  # pragma: no cover - every document kind has its name


_INVISIBLE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""What the command line never prints raw: control characters but tab and line feed, and lone
surrogates."""


def _visible(text: str) -> str:
    r"""*text* with every control character (and lone surrogate) written as ``\xNN``."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def _say(*parts: object, file: TextIO | None = None, end: str = "\n") -> None:
    """Print *parts* like ``print``, with control characters made visible (:func:`_visible`)."""
    text = " ".join(str(part) for part in parts)
    (file or sys.stdout).write(_visible(text) + end)


class UserError(Exception):
    """A mistake the user can fix (exit code 2); the message is printed without a traceback."""


class InvalidError(Exception):
    """A document or a plan that is not valid (exit code 1); the problems are already printed."""


def _date(text: str) -> pendulum.Date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None
    if not 1900 <= day.year <= 2999:
        raise argparse.ArgumentTypeError(f"must be a day of the years 1900 to 2999: {text!r}")
    return pendulum.date(day.year, day.month, day.day)


def _today() -> pendulum.Date:
    """Today's date in Stockholm: the CLI's boundary, the only place that reads the clock."""
    return pendulum.today(STOCKHOLM).date()


def _now() -> pendulum.DateTime:
    return pendulum.now("UTC")


# -- reading documents -------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror})") from None


def _load(path: Path, *, check: bool = True) -> object:
    """Read a document (agreement, ledger, request, …) with :mod:`ledarutveckling.serialization`.

    With *check* false, a ledger that breaks the rules across its call-offs is read anyway
    (the status report lists its problems as warnings).

    Raises:
        UserError: If the file cannot be read.
        ValidationError: If it is not a valid document.
    """
    _read_text(path)  # a file that cannot be read, or is not UTF-8, is a usage error
    if path.suffix.lower() not in (".json", ".toml"):
        raise UserError(f"{path}: the file name must end in .json or .toml")
    return serialization.load(path, check=check)


def _request(path: Path, cls: type[_Request], locale: str = DEFAULT_LOCALE) -> _Request:
    """Read a request document of the kind *cls*; print its problems if it is invalid.

    Raises:
        UserError: If the file cannot be read.
        InvalidError: If it is not a valid request of that kind (the problems are printed).
    """
    try:
        request = _load(path)
    except ValidationError as error:
        _problems(path, error, sys.stderr, locale)
        raise InvalidError from None
    if not isinstance(request, cls):
        raise UserError(f"{path}: needs a {_snake(cls)} document, not a {_snake(type(request))}")
    return request


def _catalogue(
    request: ScheduleRequest | RolloutRequest,
    path: Path,
    option: str | None,
    out: TextIO,
    locale: str = DEFAULT_LOCALE,
) -> Catalogue:
    """The catalogue of *request* read from *path*: ``--catalogue``, else the request's own.

    Without either, the bundled Stockholm example catalogue (as before requests could name one).

    Raises:
        UserError: If the catalogue file cannot be read or is not a catalogue.
        InvalidError: If it is not a valid document (the problems are printed to *out*).
    """
    source = Path(option) if option is not None else request.catalogue_file(path)
    if source is None:
        return stockholm_catalogue()
    try:
        catalogue = _load(source)
    except ValidationError as error:
        _problems(source, error, out, locale)
        raise InvalidError from None
    if not isinstance(catalogue, Catalogue):
        raise UserError(f"{source}: the catalogue must be a catalogue document")
    return catalogue


def _problems(
    path: Path,
    error: ValidationError,
    out: TextIO,
    locale: str = DEFAULT_LOCALE,
    *,
    refused: str | None = None,
) -> None:
    """Print every problem of *error*, each at its document path.

    Every problem is written in *locale*'s language from the message catalogue, its values as
    the document's author wrote them (:func:`~ledarutveckling.formatting.format_problem`).
    With *refused* (an audience's name), the problems are why a report is not shown to that
    audience, whose record is *path*, rather than what is wrong with *path*.
    """
    problems = _counted(len(error.problems), "problem", locale)
    if refused is None:
        _say(_said("invalid", locale, path=path, problems=problems), file=out)
    else:
        said = _said("refused", locale, path=path, audience=refused, problems=problems)
        _say(said, file=out)
    for problem in error.problems:
        text = format_problem(problem, locale=locale)
        _say(f"  {problem.path}: {text}" if problem.path else f"  {text}", file=out)


# -- commands ----------------------------------------------------------------------------


def _write(
    path: Path, data: str | bytes, *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write *data* to *path*, a new file unless *force*; never one of *inputs*.

    The directory must exist (nothing is created), and *path* may not be a symbolic link.

    Raises:
        UserError: If the file exists (without *force*), is an input, is a symbolic link, its
            directory does not exist, or it cannot be written.
    """
    if path.is_symlink():
        raise UserError(f"{path}: is a symbolic link; write to the file itself")
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and path.samefile(source):
                raise UserError(f"{path}: is an input of this command; write elsewhere")
    if not path.parent.is_dir():
        raise UserError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise UserError(f"{path}: exists; pass --force to overwrite it")
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    content = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        descriptor = os.open(path, flags, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
    except FileExistsError:
        raise UserError(f"{path}: exists; pass --force to overwrite it") from None
    except OSError as error:
        raise UserError(f"{path}: cannot be written ({error.strerror or error})") from None


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The files a command reads: its FILE, --catalogue and --evaluations."""
    names = [getattr(args, "file", None), getattr(args, "catalogue", None)]
    names += getattr(args, "evaluations", [])
    return [Path(name) for name in names if name is not None]


def _render(document: Document, fmt: str) -> str:
    renderers: dict[str, Callable[[Document], str]] = {
        "text": to_text,
        "markdown": to_markdown,
        "html": to_html,
    }
    return renderers[fmt](document)


def _write_xlsx(document: Document, output: str | None, locale: str) -> int:
    """Write the report as an Excel workbook to *output* (a workbook is not for a terminal)."""
    if not output:
        raise UserError("--format xlsx needs -o OUT, the workbook to write (e.g. rapport.xlsx)")
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        to_xlsx(document, target)
    except ImportError as error:
        raise UserError(str(error)) from None
    except (OSError, ValidationError):
        raise UserError(f"{output}: cannot be written") from None
    _say(_said("report", locale, path=output))
    return 0


def _ledger_of(path: Path, value: object) -> AgreementLedger:
    if isinstance(value, AgreementLedger):
        return value
    if isinstance(value, FrameworkAgreement):
        return AgreementLedger(agreement=value)
    raise UserError(f"{path}: a report needs an agreement or a ledger document")


def cmd_report(args: argparse.Namespace) -> int:
    """``report FILE``: the status report of an agreement or a ledger document."""
    path = Path(args.file)
    try:
        ledger = _ledger_of(path, _load(path, check=False))
    except ValidationError as error:
        _problems(path, error, sys.stderr, args.locale)
        raise InvalidError from None
    evaluations = []
    for name in args.evaluations:
        source = Path(name)
        try:
            evaluation = _load(source)
        except ValidationError as error:
            _problems(source, error, sys.stderr, args.locale)
            raise InvalidError from None
        if not isinstance(evaluation, Evaluation):
            raise UserError(f"{source}: --evaluations needs evaluation documents")
        evaluations.append(evaluation)
    on = args.on or _today()
    record_path: Path | None = None
    audience: Audience | None = None
    if evaluations:
        record_path, audience = _audience_record(path, args)
        try:
            document, audience = status_report(
                ledger, on=on, evaluations=evaluations, locale=args.locale, audience=audience
            )
        except ValidationError as error:
            _problems(record_path, error, sys.stderr, args.locale, refused=audience.name)
            raise InvalidError from None
    else:
        document = status_report(ledger, on=on, locale=args.locale)
    if args.format == "xlsx":
        _write_xlsx(document, args.output, args.locale)
    else:
        text = _render(document, args.format)
        if args.output:
            _write(Path(args.output), text, force=args.force, inputs=_inputs(args))
            _say(_said("report", args.locale, path=args.output))
        else:
            _say(text, end="")
    if record_path is not None and audience is not None:
        # The record is the CLI's own state, kept between runs: it is overwritten (never an
        # input, never a symbolic link), and only once the report itself was written.
        _write(
            record_path,
            serialization.to_json(audience) + "\n",
            force=True,
            inputs=_inputs(args),
        )
        said = _said("recorded", args.locale, audience=audience.name, path=record_path)
        _say(said, file=sys.stderr)
    return 0
    return 0


def _check_record_path(record: Path, inputs: Sequence[Path], output: str | None) -> None:
    """Refuse, before anything is written, a record that could not be kept after the report.

    A report written without its record would leave the next run unaudited against it.

    Raises:
        UserError: If *record* is a symbolic link, an input, the report's *output*, or its
            folder does not exist.
    """
    if record.is_symlink():
        raise UserError(f"{record}: is a symbolic link; keep the audience's record elsewhere")
    targets = [*inputs, *([Path(output)] if output else [])]
    for target in targets:
        same = record.resolve() == target.resolve()
        with contextlib.suppress(OSError):
            same = same or (record.exists() and record.samefile(target))
        if same:
            raise UserError(f"{record}: the audience's record must be a file of its own")
    if not record.parent.is_dir():
        raise UserError(f"{record}: the folder {record.parent} does not exist")


def _audience_record(ledger: Path, args: argparse.Namespace) -> tuple[Path, Audience]:
    """Where the record of what ``--audience`` was shown is kept, and the record (new if none).

    The place is checked first (:func:`_check_record_path`).
    """
    name, file = args.audience, args.audience_file
    if file is not None:
        path = Path(file)
    else:
        slug = "".join(c if c.isalnum() or c in "-_" else "-" for c in name.casefold())
        path = ledger.with_name(f"{ledger.stem}.audience-{slug}.json")
    _check_record_path(path, _inputs(args), args.output)
    if not path.exists():
        return path, Audience(name=name)
    try:
        record = _load(path)
    except ValidationError as error:
        _problems(path, error, sys.stderr, args.locale)
        raise InvalidError from None
    if not isinstance(record, Audience):
        raise UserError(f"{path}: --audience-file needs an audience document")
    return path, record


def cmd_validate(args: argparse.Namespace) -> int:
    """``validate FILE...``: check documents, print every problem with its path."""
    status = 0
    for name in args.files:
        path = Path(name)
        try:
            value = _load(path)
            if isinstance(value, AgreementLedger):
                value.check()
            elif isinstance(value, ScheduleRequest):
                value.schedule(_catalogue(value, path, args.catalogue, sys.stdout, args.locale))
            elif isinstance(value, RolloutRequest):
                value.plan(_catalogue(value, path, args.catalogue, sys.stdout, args.locale))
        except UserError as error:
            _say(f"{PROG} validate: error: {error}", file=sys.stderr)
            status = 2
            continue
        except ValidationError as error:
            _problems(path, error, sys.stdout, args.locale)
            status = max(status, 1)
            continue
        except InvalidError:  # the catalogue's problems are printed
            status = max(status, 1)
            continue
        _say(_said("valid", args.locale, path=path, kind=_kind_name(type(value), args.locale)))
    return status


def _snake(cls: type) -> str:
    """A class's name in words: ``RolloutRequest`` is ``"rollout request"``."""
    name = cls.__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()


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


# -- demo --------------------------------------------------------------------------------

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
) -> None:
    """Write the burn-up and the rollout's Gantt chart, when matplotlib is installed."""
    try:
        from ledarutveckling.plots import plot_burn_up, plot_schedule

        charts = {
            _DEMO_FILES[locale]["burn_up"]: plot_burn_up(ledger, on=on, locale=locale),
            _DEMO_FILES[locale]["gantt"]: plot_schedule(plan, locale=locale),
        }
    except ImportError:
        _say(_said("no-charts", locale, extra=f"{PROG}[plot]"))
        return
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


def cmd_demo(args: argparse.Namespace) -> int:
    """``demo``: the bundled Stockholm example end to end."""
    from ledarutveckling.examples import stockholm_evaluations

    on = args.on or _today()
    files = _DEMO_FILES[args.locale]
    out = _demo_dir(args.out)
    try:
        out.mkdir(exist_ok=True)  # the folder asked for; never its parents
    except OSError as error:
        raise UserError(f"{out}: the folder cannot be made ({error.strerror or error})") from None
    ledger = stockholm_ledger()
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
    sessions = _demo_sessions(ledger, on)
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
    _demo_charts(out, ledger, plan, on, args.locale, force=force)
    _say()
    _say(_said("demo-out", locale, path=out))
    command = f"{PROG} report {ledger_file} --on {on.isoformat()} --format html -o report.html"
    _say(_said("next", locale, command=command))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the JSON Schema of a document kind to stdout or a file."""
    import json

    schema = serialization.json_schema(args.kind, toml=args.toml)
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if args.output:
        _write(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


# -- the parser --------------------------------------------------------------------------


_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")


def _month(text: str) -> DateRange:
    """The days of a month written ``YYYY-MM``.

    Raises:
        ValidationError: If *text* is not such a month (path ``--period``).
    """
    found = _MONTH.fullmatch(text)
    if found is None or not 1 <= int(found[2]) <= 12 or not 1900 <= int(found[1]) <= 2999:
        raise ValidationError.single(
            "--period",
            text,
            "must be a month written YYYY-MM, e.g. 2027-03",
            ProblemCode.BAD_VALUE,
            given=text,
        )
    start = pendulum.date(int(found[1]), int(found[2]), 1)
    return DateRange(start=start, end=start.end_of("month"))


def _delivery_of(
    path: Path, ledger: AgreementLedger
) -> tuple[DeliveryRecord, tuple[Attendance, ...]]:
    """The delivery record of *path* and its attendances, resolved against *ledger*.

    Raises:
        UserError: If the file cannot be read or is not a delivery record.
        InvalidError: If it is invalid, or does not fit the ledger (the problems are printed).
    """
    try:
        record = _load(path)
    except ValidationError as error:
        _problems(path, error, sys.stderr)
        raise InvalidError from None
    if not isinstance(record, DeliveryRecord):
        raise UserError(f"{path}: --delivery needs a delivery document")
    # Every problem at once: the sessions against the ledger, and the seller's details.
    problems: list[Problem] = []
    attendances: tuple[Attendance, ...] = ()
    try:
        attendances = record.attendances(ledger)
    except ValidationError as error:
        problems.extend(error.problems)
    if record.agreement == ledger.agreement.reference:
        try:
            record.seller_in(ledger)
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        _problems(path, ValidationError(problems), sys.stderr)
        raise InvalidError from None
    return record, attendances


def _as_sessions(error: ValidationError) -> ValidationError:
    """*error* seen from the delivery document: ``attendances[i].session.x`` is ``sessions[i].x``.

    The attendances are the document's sessions, one each, in its order; an attendance's
    ``session.line`` is the held session's ``line``.
    """
    problems = []
    for problem in error.problems:
        path = problem.path.replace("attendances[", "sessions[", 1).replace(".session.", ".", 1)
        problems.append(attrs.evolve(problem, path=path))
    return ValidationError(problems)


def cmd_invoice(args: argparse.Namespace) -> int:
    """``invoice LEDGER --delivery FILE --call-off REF --period YYYY-MM``: a Peppol invoice."""
    path = Path(args.file)
    try:
        ledger = _ledger_of(path, _load(path))
    except ValidationError as error:
        _problems(path, error, sys.stderr)
        raise InvalidError from None
    period = _month(args.period)
    references = [c.reference for c in ledger.call_offs]
    call_off = next((c for c in ledger.call_offs if c.reference == args.call_off), None)
    if call_off is None and not references:
        raise ValidationError.single(
            "--call-off",
            args.call_off,
            "is not a call-off of the ledger (it has none)",
            ProblemCode.LEDGER_WITHOUT_CALL_OFFS,
            given=args.call_off,
        )
    if call_off is None:
        raise ValidationError.single(
            "--call-off",
            args.call_off,
            f"is not a call-off of the ledger ({', '.join(references)})",
            ProblemCode.NOT_FOUND,
            given=args.call_off,
        )
    delivery = Path(args.delivery)
    record, attendances = _delivery_of(delivery, ledger)
    seller = record.seller_in(ledger)
    try:
        basis = invoice_basis(call_off, ledger.agreement, attendances, period)
    except ValidationError as error:
        # The attendances are the delivery document's sessions, one each, in its order.
        _problems(delivery, _as_sessions(error), sys.stderr)
        raise InvalidError from None
    if not basis.lines:
        raise ValidationError.single(
            "--period",
            args.period,
            f"has nothing to invoice for {call_off.reference}: no held session of it falls in "
            "the month",
            ProblemCode.NOTHING_TO_INVOICE,
            call_off=call_off.reference,
            month=args.period,
        )
    issued = args.issued or _today()
    number = args.number if args.number is not None else f"{args.period}-1"
    invoice = Invoice(
        number=number,
        issued_on=issued,
        due_on=issued.add(days=args.due_days),
        buyer_reference=(
            args.buyer_reference if args.buyer_reference is not None else call_off.reference
        ),
        basis=basis,
        seller=seller,
        buyer=record.buyer_of(call_off),
    )
    data = to_peppol(invoice)
    target = Path(args.output or f"faktura-{number}.xml")
    _write(target, data, force=args.force, inputs=[path, delivery])
    month = format_date(period.start, style="long").split(" ", 1)[1]
    _say(
        f"Faktura {invoice.number} för avrop {call_off.reference} ({call_off.unit.name}), "
        f"leveranser i {month}"
    )
    for line in basis.lines:
        _say(
            f"  {format_number(line.quantity)} × {format_money(line.unit_price, precision='ore')}"
            f" = {format_money(line.amount, precision='ore')}  {line.description}"
        )
    _say(f"Summa exkl. moms: {format_money(invoice.line_total, precision='ore')}")
    for subtotal in invoice.vat_breakdown():
        rate = format_percent(subtotal.rate, decimals=0)
        _say(
            f"Moms {rate} på {format_money(subtotal.taxable, precision='ore')}: "
            f"{format_money(subtotal.vat, precision='ore')}"
        )
    account = invoice.seller.account
    giro = account.number
    # As the giro numbers are printed: bankgiro 5050-1055, plusgiro 90200-7.
    bankgiro = account.scheme.value == "SE:BANKGIRO"
    giro = f"{giro[:-4]}-{giro[-4:]}" if bankgiro else f"{giro[:-1]}-{giro[-1]}"
    _say(
        f"Att betala: {format_money(invoice.total, precision='ore')} senast "
        f"{format_date(invoice.due_on, style='long')} till {account.scheme.label()} {giro}"
    )
    for note in _as_sessions(ValidationError(basis.notes)).problems if basis.notes else ():
        _say(f"  Obs: {delivery}: {note.path}: {format_problem(note)}")
    _say(f"Skrev fakturan (Peppol BIS Billing 3.0) till {target}")
    return 0


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--locale", choices=LOCALES, default=DEFAULT_LOCALE, help=_LOCALE_HELP)


def _add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite files that exist (never an input of the command, never a symbolic link)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from ledarutveckling import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Framework agreements (ramavtal), call-offs (avrop), schedules and reports for "
            "leader and employee development in the City of Stockholm."
        ),
        epilog=f"Run '{PROG} COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = commands.add_parser(
        "demo",
        help="run the bundled Stockholm example end to end",
        description=(
            "Run the bundled Stockholm example end to end: load the agreement and its "
            "call-offs, validate them, print the status report, and write the HTML report "
            "and the calendar of the coming sessions (.ics) into a folder."
        ),
    )
    demo.add_argument(
        "--out",
        metavar="DIR",
        help="folder for the files (default: a new folder ledarutveckling-demo[-N] here)",
    )
    demo.add_argument("--on", metavar="DATE", type=_date, help=_ON_HELP)
    _add_force(demo)
    _add_locale(demo)
    demo.set_defaults(handler=cmd_demo)

    validate = commands.add_parser(
        "validate",
        help="check documents and list every problem with its path",
        description=(
            "Check agreement, call-off, catalogue, ledger, program and request documents "
            "(.json or .toml). Every problem is printed with its path, in the language of "
            "--locale. Exit code 0 when all "
            "are valid, 1 when one is invalid, 2 when a file cannot be read."
        ),
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="a .json or .toml document")
    validate.add_argument("--catalogue", metavar="PATH", help=_CATALOGUE_HELP)
    _add_locale(validate)
    validate.set_defaults(handler=cmd_validate)

    report = commands.add_parser(
        "report",
        help="print the status report of an agreement or ledger document",
        description=(
            "Print the status report of an agreement or ledger document: parties, term and "
            "options, ceiling and utilisation, call-offs per unit and service area, warnings, "
            "and the results of the evaluation documents given."
        ),
    )
    report.add_argument("file", metavar="FILE", help="an agreement or ledger document")
    report.add_argument("--on", metavar="DATE", type=_date, help=_ON_HELP)
    report.add_argument(
        "--format",
        choices=("text", "markdown", "html", "xlsx"),
        default="text",
        help="output format (default: text); xlsx writes an Excel workbook to -o OUT",
    )
    _add_locale(report)
    report.add_argument(
        "--evaluations",
        metavar="FILE",
        nargs="+",
        default=[],
        help="evaluation documents to summarise in the report (anonymity applied)",
    )
    report.add_argument(
        "-o", "--output", metavar="OUT", help="write the report to OUT instead of stdout"
    )
    _add_force(report)
    report.add_argument(
        "--audience",
        metavar="NAME",
        default="default",
        help="who reads the report; what each audience was shown is kept beside FILE "
        "(FILE-stem.audience-NAME.json) and audited, so that next week's report cannot be "
        "subtracted from this week's (default: default)",
    )
    report.add_argument(
        "--audience-file",
        metavar="PATH",
        help="keep the audience's record in PATH instead (an audience document)",
    )
    report.set_defaults(handler=cmd_report)

    schedule = commands.add_parser(
        "schedule",
        help="schedule the cohorts of a schedule request and write a calendar",
        description=(
            "Schedule the cohorts of a schedule request (TOML, document = "
            "'schedule_request') on Swedish working days, print the sessions and any "
            "conflicts, and write them as an iCalendar file."
        ),
    )
    schedule.add_argument("file", metavar="FILE", help="a schedule request (.toml)")
    schedule.add_argument("--ics", metavar="OUT", required=True, help="the .ics file to write")
    schedule.add_argument("--catalogue", metavar="PATH", help=_CATALOGUE_HELP)
    _add_locale(schedule)
    _add_force(schedule)
    schedule.set_defaults(handler=cmd_schedule)

    rollout = commands.add_parser(
        "plan-rollout",
        help="plan a rollout request: cohorts, facilitators and rooms",
        description=(
            "Plan a rollout request (TOML, document = 'rollout_request'): split each unit "
            "into cohorts, place every module of every cohort in a slot of a working day with "
            "facilitators and rooms, and print the plan with its proven lower bound. Exit "
            "code 1 when no valid plan exists (the binding constraint is named)."
        ),
    )
    rollout.add_argument("file", metavar="FILE", help="a rollout request (.toml)")
    rollout.add_argument("--ics", metavar="OUT", help="also write the sessions as an .ics file")
    rollout.add_argument("--catalogue", metavar="PATH", help=_CATALOGUE_HELP)
    _add_locale(rollout)
    _add_force(rollout)
    rollout.set_defaults(handler=cmd_plan_rollout)

    invoice = commands.add_parser(
        "invoice",
        help="write a month's invoice of a call-off as Peppol BIS Billing 3.0 XML",
        description=(
            "Work out the invoice basis (fakturaunderlag) of a call-off of a ledger document "
            "for a month, write it as a Peppol BIS Billing 3.0 invoice (UBL 2.1 XML) and print "
            "a summary in Swedish. The held sessions with their attendance, the seller's "
            "invoicing details and the buyer's invoicing address come from a delivery document "
            "(--delivery; document = 'delivery', docs/invoicing.md); the delivery terms are the "
            "agreement's. Exit code 1 for an invalid document, call-off, month or invoice, 2 "
            "when a file cannot be read or written."
        ),
    )
    invoice.add_argument("file", metavar="LEDGER", help="a ledger document (.json or .toml)")
    invoice.add_argument(
        "--delivery",
        required=True,
        metavar="FILE",
        help="the delivery document: held sessions with attendance, seller and buyer address "
        "(e.g. examples/stockholm-delivery.toml)",
    )
    invoice.add_argument(
        "--call-off", required=True, metavar="REF", help="the call-off's reference"
    )
    invoice.add_argument("--period", required=True, metavar="YYYY-MM", help="the month invoiced")
    invoice.add_argument(
        "--number", help="the invoice number (default: the month and -1, e.g. 2027-03-1)"
    )
    invoice.add_argument(
        "--buyer-reference",
        metavar="REF",
        help="the buyer's reference (er referens), which public buyers route invoices by "
        "(default: the call-off's reference)",
    )
    invoice.add_argument(
        "--issued", metavar="DATE", type=_date, help="the issue date (default: today)"
    )
    invoice.add_argument(
        "--due-days",
        type=int,
        choices=range(366),
        default=30,
        metavar="N",
        help="days to pay, 0 to 365 (default: 30)",
    )
    invoice.add_argument(
        "-o", "--output", metavar="OUT", help="the XML file (default: faktura-NUMBER.xml)"
    )
    _add_force(invoice)
    invoice.set_defaults(handler=cmd_invoice)

    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of a document kind",
        description=(
            "Write the JSON Schema (draft 2020-12) of a document kind, for another service's "
            "validator or an editor's completion (docs/json-schema.md)."
        ),
    )
    schema.add_argument("kind", metavar="KIND", choices=sorted(serialization.DOCUMENT_KINDS))
    schema.add_argument(
        "--toml", action="store_true", help="the schema of a TOML document ([] for none)"
    )
    schema.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    schema.set_defaults(handler=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()  # a full disk shows here, while it can still be reported
        return status
    except InvalidError:
        return 1
    except UserError as error:
        _say(f"{PROG} {args.command}: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of stdout went away (``ledarutveckling demo | head``): stop quietly, as
        # Unix tools do, and keep Python from complaining when it flushes stdout at exit.
        _silence_stdout()
        return 141
    except ValidationError as error:  # a value no document check caught: still a bad input
        first = str(error.problems[0]) if error.problems else str(error)
        _say(f"{PROG} {args.command}: invalid: {first}", file=sys.stderr)
        return 1
    except OSError as error:  # writing stdout: a full disk, a closed terminal
        _silence_stdout()
        message = error.strerror or type(error).__name__
        _say(f"{PROG} {args.command}: error: cannot write the output ({message})", file=sys.stderr)
        return 2
    except (ArithmeticError, ValueError, MemoryError, RecursionError) as error:
        name = type(error).__name__
        _say(
            f"{PROG} {args.command}: invalid: the input cannot be computed with ({name}: "
            f"{str(error)[:200]})",
            file=sys.stderr,
        )
        return 1


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
