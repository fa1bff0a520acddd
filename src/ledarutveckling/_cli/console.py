"""Printing, errors, dates and the clock of the command line (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Final, TextIO

import pendulum

from ledarutveckling._cli.texts import _counted, _error, _said, _usage
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import DEFAULT_LOCALE, format_problem

PROG: Final = "ledarutveckling"


STOCKHOLM: Final = "Europe/Stockholm"


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
    """A mistake the user can fix (exit code 2); the message is printed without a traceback.

    It carries the key of its text in :data:`~ledarutveckling._cli.texts._ERRORS` and the
    values to fill in, not a finished sentence: where it is printed, :meth:`text` says it in
    the reader's language. ``str()`` of it is the English, for a traceback.
    """

    def __init__(self, key: str, /, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields

    def text(self, locale: str) -> str:
        """The error in *locale*'s language."""
        return _error(self.key, locale, **self.fields)

    def __str__(self) -> str:
        return self.text("en_GB")


def _complain(command: str, message: str, locale: str) -> None:
    """Print *message* as the error of *command* to stderr: ``ledarutveckling validate: fel: …``.

    The prefix is the one of the usage errors (:class:`~ledarutveckling._cli.usage.Parser`).
    """
    _say(
        _usage("error", locale, prog=f"{PROG} {command}".rstrip(), message=message),
        file=sys.stderr,
        end="",
    )


class InvalidError(Exception):
    """A document or a plan that is not valid (exit code 1); the problems are already printed."""


def _date(text: str) -> pendulum.Date:
    """A date option (``--on``, ``--today``, ``--issued``) written ``YYYY-MM-DD``, as the help says.

    ``date.fromisoformat`` also reads ``20261208`` and ``2026-W50-2``; the help and docs/cli.md
    promise one form, so only that one is read.
    """
    if not re.fullmatch(r"(?a)\d{4}-\d{2}-\d{2}", text):
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:  # in the form, but no such day
        raise argparse.ArgumentTypeError(f"not a date in the calendar: {text!r}") from None
    if not 1900 <= day.year <= 2999:
        raise argparse.ArgumentTypeError(f"must be a day of the years 1900 to 2999: {text!r}")
    return pendulum.date(day.year, day.month, day.day)


MAX_SEQUENCE: Final = 2**31 - 1
"""The largest ``SEQUENCE`` of an iCalendar file (an INTEGER of RFC 5545, 3.3.8)."""


def _sequence(text: str) -> int:
    """A calendar update's revision number, ``--sequence``: 1 to :data:`MAX_SEQUENCE`."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= number <= MAX_SEQUENCE:
        raise argparse.ArgumentTypeError(
            f"must be 1 to {MAX_SEQUENCE}, higher than the last sent (the first export is 0): "
            f"{text!r}"
        )
    return number


def _organiser(text: str) -> str:
    """``--organiser``: one e-mail address, alone or as ``Name <address>`` (``ORGANIZER``)."""
    from ledarutveckling.scheduling import organiser_address

    if organiser_address(text) is None:
        raise argparse.ArgumentTypeError(
            f"must be one e-mail address, alone or as 'Name <address>': {text!r}"
        )
    return text


def _today() -> pendulum.Date:
    """Today's date in Stockholm: the CLI's boundary, the only place that reads the clock."""
    return pendulum.today(STOCKHOLM).date()


def _now() -> pendulum.DateTime:
    return pendulum.now("UTC")


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
