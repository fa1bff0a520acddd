"""The command line's argument parser and :func:`main` (private)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Final

from ledarutveckling import serialization
from ledarutveckling._cli.console import (
    PROG,
    InvalidError,
    UserError,
    _complain,
    _date,
    _organiser,
    _say,
    _sequence,
)
from ledarutveckling._cli.demo import cmd_demo
from ledarutveckling._cli.documents import cmd_schema, cmd_validate
from ledarutveckling._cli.invoice import _due_days, cmd_invoice
from ledarutveckling._cli.report import cmd_report
from ledarutveckling._cli.scheduling import cmd_plan_rollout, cmd_replan, cmd_schedule
from ledarutveckling._cli.texts import LOCALES, _error, _help
from ledarutveckling._cli.usage import Parser, locale_of
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import DEFAULT_LOCALE, format_problem


def build_parser(locale: str = DEFAULT_LOCALE) -> argparse.ArgumentParser:
    """The argument parser with every subcommand, help and usage errors in *locale*'s language."""
    from ledarutveckling import __version__

    def text(key: str, **fields: object) -> str:
        return _help(key, locale, **fields)

    def add_locale(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--locale", choices=LOCALES, default=DEFAULT_LOCALE, help=text("locale")
        )

    def add_force(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--force", action="store_true", help=text("force"))

    parser = Parser(
        prog=PROG, description=text("description"), epilog=text("epilog", prog=PROG), locale=locale
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help=text("version")
    )
    # Before the command too (``ledarutveckling --locale en_GB --help``), under its own name:
    # the command's own --locale would otherwise overwrite it with its default. :func:`main`
    # gives the command the last one on the line (:func:`locale_of`).
    parser.add_argument(
        "--locale", dest="top_locale", choices=LOCALES, default=None, help=text("locale")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=text(name), description=text(f"{name}-description"), locale=locale
        )

    demo = command("demo")
    demo.add_argument("--out", metavar="DIR", help=text("demo-out"))
    demo.add_argument("--on", metavar="DATE", type=_date, help=text("on"))
    add_force(demo)
    add_locale(demo)
    demo.set_defaults(handler=cmd_demo)

    validate = command("validate")
    validate.add_argument("files", metavar="FILE", nargs="+", help=text("validate-files"))
    validate.add_argument("--catalogue", metavar="PATH", help=text("catalogue"))
    validate.add_argument("--ledger", metavar="LEDGER", help=text("validate-ledger"))
    add_locale(validate)
    validate.set_defaults(handler=cmd_validate)

    report = command("report")
    report.add_argument("file", metavar="FILE", help=text("report-file"))
    report.add_argument("--on", metavar="DATE", type=_date, help=text("on"))
    report.add_argument(
        "--format",
        choices=("text", "markdown", "html", "xlsx"),
        default=None,
        help=text("report-format"),
    )
    add_locale(report)
    report.add_argument(
        "--evaluations", metavar="FILE", nargs="+", default=[], help=text("report-evaluations")
    )
    report.add_argument("-o", "--output", metavar="OUT", help=text("report-output"))
    add_force(report)
    report.add_argument("--audience", metavar="NAME", default=None, help=text("report-audience"))
    report.add_argument("--audience-file", metavar="PATH", help=text("report-audience-file"))
    report.set_defaults(handler=cmd_report)

    schedule = command("schedule")
    schedule.add_argument("file", metavar="FILE", help=text("schedule-file"))
    schedule.add_argument("--ics", metavar="OUT", required=True, help=text("schedule-ics"))
    schedule.add_argument("--catalogue", metavar="PATH", help=text("catalogue"))
    schedule.add_argument("--organiser", metavar="ADDRESS", type=_organiser, help=text("organiser"))
    add_locale(schedule)
    add_force(schedule)
    schedule.set_defaults(handler=cmd_schedule)

    rollout = command("plan-rollout")
    rollout.add_argument("file", metavar="FILE", help=text("plan-rollout-file"))
    rollout.add_argument("--ics", metavar="OUT", help=text("plan-rollout-ics"))
    rollout.add_argument("--catalogue", metavar="PATH", help=text("catalogue"))
    rollout.add_argument("--organiser", metavar="ADDRESS", type=_organiser, help=text("organiser"))
    rollout.add_argument("--save", metavar="PLAN", help=text("save"))
    add_locale(rollout)
    add_force(rollout)
    rollout.set_defaults(handler=cmd_plan_rollout)

    again = command("replan")
    again.add_argument("file", metavar="FILE", help=text("replan-file"))
    again.add_argument("--plan", required=True, metavar="PLAN", help=text("replan-plan"))
    again.add_argument("--today", metavar="DATE", type=_date, help=text("replan-today"))
    again.add_argument("--ics", metavar="OUT", help=text("replan-ics"))
    again.add_argument("--cancel-ics", metavar="OUT", help=text("replan-cancel-ics"))
    again.add_argument(
        "--sequence", metavar="N", type=_sequence, default=1, help=text("replan-sequence")
    )
    again.add_argument("--save", metavar="PLAN", help=text("save"))
    again.add_argument("--catalogue", metavar="PATH", help=text("catalogue"))
    again.add_argument("--organiser", metavar="ADDRESS", type=_organiser, help=text("organiser"))
    add_locale(again)
    add_force(again)
    again.set_defaults(handler=cmd_replan)

    invoice = command("invoice")
    invoice.add_argument("file", metavar="LEDGER", help=text("invoice-file"))
    invoice.add_argument("--delivery", required=True, metavar="FILE", help=text("invoice-delivery"))
    invoice.add_argument("--call-off", required=True, metavar="REF", help=text("invoice-call-off"))
    invoice.add_argument("--period", required=True, metavar="YYYY-MM", help=text("invoice-period"))
    invoice.add_argument("--number", help=text("invoice-number"))
    invoice.add_argument("--buyer-reference", metavar="REF", help=text("invoice-buyer-reference"))
    invoice.add_argument("--issued", metavar="DATE", type=_date, help=text("invoice-issued"))
    invoice.add_argument(
        "--due-days",
        type=_due_days,
        default=30,
        metavar="N",
        help=text("invoice-due-days"),
    )
    invoice.add_argument("-o", "--output", metavar="OUT", help=text("invoice-output"))
    add_locale(invoice)
    add_force(invoice)
    invoice.set_defaults(handler=cmd_invoice)

    schema = command("schema")
    kinds = sorted(serialization.DOCUMENT_KINDS)
    schema.add_argument(
        "kind", metavar="KIND", choices=kinds, help=text("schema-kind", kinds=", ".join(kinds))
    )
    schema.add_argument("--toml", action="store_true", help=text("schema-toml"))
    schema.add_argument("-o", "--output", metavar="OUT", help=text("schema-output"))
    add_force(schema)
    add_locale(schema)
    schema.set_defaults(handler=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    locale = locale_of(words)  # the errors' language, as the usage errors': the last --locale
    try:
        args = build_parser(locale).parse_args(words)
    except BrokenPipeError:  # ``ledarutveckling --help | head -1``
        _silence_stdout()
        return 141
    except OSError as error:  # the help or the version to a full disk
        _silence_stdout()
        _complain(_command_of(words), _error("no-output", locale, reason=error), locale)
        return 2
    args.locale = locale  # the last --locale, before the command or after it, as the errors'
    handler: Callable[[argparse.Namespace], int] = args.handler
    command: str = args.command
    try:
        status = handler(args)
        sys.stdout.flush()  # a full disk shows here, while it can still be reported
        return status
    except InvalidError:
        return 1
    except UserError as error:
        _complain(command, error.text(locale), locale)
        return 2
    except BrokenPipeError:
        # The reader of stdout went away (``ledarutveckling demo | head``): stop quietly, as
        # Unix tools do, and keep Python from complaining when it flushes stdout at exit.
        _silence_stdout()
        return 141
    except ValidationError as error:  # a value no document check caught: still a bad input
        _invalid(command, _first_problem(error, locale), locale)
        return 1
    except OSError as error:  # writing stdout: a full disk, a closed terminal
        _silence_stdout()
        _complain(command, _error("no-output", locale, reason=error), locale)
        return 2
    except (ArithmeticError, ValueError, MemoryError, RecursionError) as error:
        detail = _error("incomputable", locale, name=type(error).__name__, detail=str(error)[:200])
        _invalid(command, detail, locale)
        return 1


COMMANDS: Final = (
    "demo",
    "validate",
    "report",
    "schedule",
    "plan-rollout",
    "replan",
    "invoice",
    "schema",
)
"""The commands, as :func:`build_parser` adds them."""


def _command_of(words: Sequence[str]) -> str:
    """The command named in *words*, or the empty text when there is none (``--help``)."""
    return next((word for word in words if word in COMMANDS), "")


def _invalid(command: str, message: str, locale: str) -> None:
    """Print *message* as an invalid input: ``ledarutveckling invoice: ogiltigt: …``."""
    _say(_error("invalid", locale, prog=f"{PROG} {command}", message=message), file=sys.stderr)


def _first_problem(error: ValidationError, locale: str) -> str:
    """The first problem of *error* in *locale*'s language, at its path.

    From the message catalogue (:func:`format_problem`) in Swedish and English alike, never
    the developer's message with its Python values.
    """
    problem = error.problems[0]  # a ValidationError has at least one
    text = format_problem(problem, locale=locale)
    return f"{problem.path}: {text}" if problem.path else text


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
