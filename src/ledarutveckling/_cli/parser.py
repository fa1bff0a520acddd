"""The command line's argument parser and :func:`main` (private)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final

from ledarutveckling import serialization
from ledarutveckling._cli.console import PROG, InvalidError, UserError, _date, _say, _sequence
from ledarutveckling._cli.demo import cmd_demo
from ledarutveckling._cli.documents import cmd_schema, cmd_validate
from ledarutveckling._cli.invoice import cmd_invoice
from ledarutveckling._cli.report import cmd_report
from ledarutveckling._cli.scheduling import cmd_plan_rollout, cmd_replan, cmd_schedule
from ledarutveckling._cli.texts import LOCALES
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import DEFAULT_LOCALE

_ON_HELP: Final = (
    "the day the report describes, YYYY-MM-DD (default: today's date in Europe/Stockholm)"
)


_LOCALE_HELP: Final = "language of the report: sv_SE (Swedish, default) or en_GB (English)"


_SAVE_HELP: Final = (
    "also save the plan (.json or .toml), for a later replan --plan: the plan whose "
    "invitations go out"
)
_CATALOGUE_HELP: Final = (
    "the catalogue document the request's program code is looked up in (default: the "
    "request's own 'catalogue', else the bundled Stockholm example catalogue)"
)


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
            "Check agreement, call-off, catalogue, ledger, program, delivery and request documents "
            "(.json or .toml). Every problem is printed with its path, in the language of "
            "--locale. Exit code 0 when all "
            "are valid, 1 when one is invalid, 2 when a file cannot be read."
        ),
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="a .json or .toml document")
    validate.add_argument("--catalogue", metavar="PATH", help=_CATALOGUE_HELP)
    validate.add_argument(
        "--ledger",
        metavar="LEDGER",
        help=(
            "the ledger (or agreement) document a delivery document is checked against: its "
            "agreement, call-offs, programs and modules must be there (without it, they are "
            "not checked)"
        ),
    )
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
    rollout.add_argument("--save", metavar="PLAN", help=_SAVE_HELP)
    _add_locale(rollout)
    _add_force(rollout)
    rollout.set_defaults(handler=cmd_plan_rollout)

    again = commands.add_parser(
        "replan",
        help="re-plan a rollout after a change, keeping the invitations sent",
        description=(
            "Re-plan a rollout after a change (a facilitator off sick, a room lost, a unit's "
            "move date moved): read the rollout request as it is now and the plan whose "
            "invitations were sent (saved by plan-rollout --save), keep every session before "
            "--today as held and change as few later sessions as possible, print what was "
            "moved, added and cancelled, and with --ics write the calendar update (the changes "
            "with the same UIDs and a higher SEQUENCE; the cancellations with METHOD:CANCEL). "
            "Exit code 1 when no re-plan exists (the binding rule is named)."
        ),
    )
    again.add_argument("file", metavar="FILE", help="the rollout request as it is now (.toml)")
    again.add_argument(
        "--plan",
        required=True,
        metavar="PLAN",
        help="the plan whose invitations were sent, as plan-rollout --save (or replan --save) "
        "wrote it (.json or .toml)",
    )
    again.add_argument(
        "--today",
        metavar="DATE",
        type=_date,
        help="the first day that may change; sessions before it were held, YYYY-MM-DD "
        "(default: today's date in Europe/Stockholm)",
    )
    again.add_argument(
        "--ics",
        metavar="OUT",
        help="write the changed and added sessions as a calendar update (METHOD:PUBLISH)",
    )
    again.add_argument(
        "--cancel-ics",
        metavar="OUT",
        help="where the cancellations go (METHOD:CANCEL; default: OUT-cancel.ics beside --ics)",
    )
    again.add_argument(
        "--sequence",
        metavar="N",
        type=_sequence,
        default=1,
        help="the update's revision number, higher than the last sent: 1 for the first update "
        "of plan-rollout's calendar, 2 for the next (default: 1)",
    )
    again.add_argument("--save", metavar="PLAN", help=_SAVE_HELP)
    again.add_argument("--catalogue", metavar="PATH", help=_CATALOGUE_HELP)
    _add_locale(again)
    _add_force(again)
    again.set_defaults(handler=cmd_replan)

    invoice = commands.add_parser(
        "invoice",
        help="write a month's invoice of a call-off as Peppol BIS Billing 3.0 XML",
        description=(
            "Work out the invoice basis (fakturaunderlag) of a call-off of a ledger document "
            "for a month, write it as a Peppol BIS Billing 3.0 invoice (UBL 2.1 XML) and print "
            "a summary in Swedish (English with --locale en_GB; the invoice is the same). The "
            "held sessions with their attendance, the seller's invoicing details and the "
            "buyer's invoicing address come from a delivery document "
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
    _add_locale(invoice)
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
