"""argparse in the reader's language: the help and the usage errors (private).

argparse prints its own English (``usage:``, ``options``, ``show this help message and exit``,
``the following arguments are required: …``). :class:`Parser` says all of it in the language of
its ``locale`` instead, without process-global state: no ``gettext.install``, no patched module
``_``. Its usage errors are translated by matching argparse's messages against the patterns of
:data:`~ledarutveckling._cli.texts._USAGE_ERRORS`; a message none of them matches stays English.

The language is found before parsing (:func:`locale_of`): a usage error can come before
``--locale`` is read, or the command that takes ``--locale`` may not be known yet.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, Final, NoReturn

from ledarutveckling._cli.texts import _USAGE_ERRORS, LOCALES, _help, _language, _usage
from ledarutveckling.formatting import DEFAULT_LOCALE

_ERRORS: Final = tuple((re.compile(pattern), swedish) for pattern, swedish in _USAGE_ERRORS)


def locale_of(argv: Sequence[str]) -> str:
    """The locale of the command line *argv*: the value of its last ``--locale``, else Swedish.

    Found by looking, not by parsing, so that the help and a usage error are in that language
    wherever ``--locale`` stands: after the mistake, before ``--help``, or before the command
    (the main parser takes it too; :func:`~ledarutveckling._cli.parser.main` then gives the
    command this locale, so its output follows the same rule). ``--locale=en_GB`` and an
    abbreviation (``--loc en_GB``) count as argparse's do; a value that is not a locale, and
    anything after ``--``, do not.

    >>> locale_of(["report", "x.toml", "--on", "bad", "--locale", "en_GB"])
    'en_GB'
    >>> locale_of(["report", "--loc=en_GB", "--locale", "fr_FR"])
    'en_GB'
    >>> locale_of(["validate", "--", "--locale", "en_GB"])
    'sv_SE'
    """
    found = DEFAULT_LOCALE
    for at, word in enumerate(argv):
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if len(name) < len("--lo") or not "--locale".startswith(name):
            continue
        if not equals:
            value = argv[at + 1] if at + 1 < len(argv) else ""
        if value in LOCALES:
            found = value
    return found


def translate(message: str, locale: str) -> str:
    """The usage error *message* of argparse in *locale*'s language (English if it is not known).

    >>> translate("the following arguments are required: FILE", "sv_SE")
    'följande argument krävs: FILE'
    >>> translate("argument --on: expected one argument", "sv_SE")
    'argumentet --on: kräver ett värde'
    >>> translate("something argparse may say one day", "sv_SE")
    'something argparse may say one day'
    """
    if _language(locale):
        return message
    for pattern, swedish in _ERRORS:
        found = pattern.fullmatch(message)
        if found:
            fields = found.groupdict()
            if "message" in fields:
                fields["message"] = translate(fields["message"], locale)
            return swedish.format(**fields)
    return message


class Formatter(argparse.HelpFormatter):
    """argparse's help formatter with the ``usage:`` prefix in *locale*'s language."""

    def __init__(self, prog: str, *, locale: str) -> None:
        super().__init__(prog)
        self._locale = locale

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """As argparse's, with the reader's ``usage:`` unless a prefix is given."""
        if prefix is None:
            prefix = _usage("usage", self._locale)
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser that speaks *locale*'s language: help, group titles and errors.

    Its subcommands' parsers are of this class too: give ``add_parser`` the same ``locale``.
    """

    def __init__(self, *args: Any, locale: str = DEFAULT_LOCALE, **kwargs: Any) -> None:
        self.locale = locale
        kwargs["add_help"] = False  # its -h, with the help in the reader's language, is below
        super().__init__(*args, **kwargs)
        self._positionals.title = _usage("positionals", locale)
        self._optionals.title = _usage("options", locale)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=_help("help", locale)
        )

    def _get_formatter(self) -> argparse.HelpFormatter:
        return Formatter(self.prog, locale=self.locale)

    def _print_message(self, message: str, file: Any = None) -> None:
        """Write *message* (the help, the version, the usage) and flush it.

        argparse's own ignores an OSError, so ``--help > /dev/full`` said nothing and exited
        with 0; here it reaches :func:`~ledarutveckling._cli.parser.main` (exit code 2).
        """
        target = sys.stderr if file is None else file  # argparse passes no empty message
        target.write(message)
        target.flush()

    def error(self, message: str) -> NoReturn:
        """Print the usage and the error in the reader's language to stderr; exit with 2."""
        self.print_usage(sys.stderr)
        self.exit(
            2, _usage("error", self.locale, prog=self.prog, message=translate(message, self.locale))
        )
