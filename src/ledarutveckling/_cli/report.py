"""``ledarutveckling report``: the status report of an agreement or a ledger (private)."""

from __future__ import annotations

import argparse
import contextlib
import shlex
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

import attrs

from ledarutveckling import Audience, Evaluation, serialization
from ledarutveckling._cli.console import InvalidError, UserError, _problems, _say, _today
from ledarutveckling._cli.files import _check_output, _inputs, _ledger_of, _load, _write
from ledarutveckling._cli.texts import _said
from ledarutveckling.errors import ValidationError
from ledarutveckling.reports import Document, status_report, to_html, to_markdown, to_text, to_xlsx


def _render(document: Document, fmt: str) -> str:
    renderers: dict[str, Callable[[Document], str]] = {
        "text": to_text,
        "markdown": to_markdown,
        "html": to_html,
    }
    return renderers[fmt](document)


_FORMATS_OF: Final = {
    ".txt": ("text", "markdown"),
    ".md": ("markdown", "text"),
    ".html": ("html",),
    ".htm": ("html",),
    ".xlsx": ("xlsx",),
}
"""The formats a report file's extension stands for; the first is taken without ``--format``."""


def _format(fmt: str | None, output: str | None) -> str:
    """The report's format: *fmt* (``--format``), else the one of *output*'s extension.

    >>> _format(None, "r.xlsx"), _format(None, "r.md"), _format("text", None), _format(None, None)
    ('xlsx', 'markdown', 'text', 'text')

    Raises:
        UserError: If *output*'s extension is not a report's and *fmt* is not given, or *fmt*
            contradicts it.
    """
    if output is None:
        return fmt or "text"
    suffix = Path(output).suffix.lower()
    formats = _FORMATS_OF.get(suffix)
    extensions = ", ".join(_FORMATS_OF)
    if formats is None:
        if fmt is None:
            raise UserError("report-extension", path=output, extensions=extensions)
        return fmt
    if fmt is not None and fmt not in formats:
        raise UserError("report-format-extension", path=output, format=fmt, suffix=suffix)
    return fmt or formats[0]


def _write_xlsx(document: Document, output: str | None, locale: str) -> int:
    """Write the report as an Excel workbook to *output* (a workbook is not for a terminal)."""
    if not output:
        raise UserError("xlsx-needs-output")
    target = Path(output)
    try:
        to_xlsx(document, target)
    except ImportError:
        raise UserError("no-excel", extra="ledarutveckling[excel]") from None
    except (OSError, ValidationError):
        raise UserError("not-written", path=output) from None
    _say(_said("report", locale, path=output))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """``report FILE``: the status report of an agreement or a ledger document."""
    fmt = _format(args.format, args.output)  # before anything is read
    if args.output:  # the workbook too: an existing file is refused before the work is done
        _check_output(Path(args.output), force=args.force, inputs=_inputs(args))
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
            raise UserError("evaluations-needed", path=source)
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
            _refused_or_invalid(error, args, record_path, audience.name)
            raise InvalidError from None
    else:
        document = status_report(ledger, on=on, locale=args.locale)
    if fmt == "xlsx":
        _write_xlsx(document, args.output, args.locale)
    else:
        text = _render(document, fmt)
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


def _refused_or_invalid(
    error: ValidationError, args: argparse.Namespace, record: Path, audience: str
) -> None:
    """Print why the report is not shown, each problem under the file it is about.

    The evaluations' own problems (``evaluations[1]``: the same evaluation twice) under their
    files; the audit's refusal under the audience's record.
    """
    refusal = [p for p in error.problems if not p.path.startswith("evaluations[")]
    for index, name in enumerate(args.evaluations):
        prefix = f"evaluations[{index}]"
        own = [
            attrs.evolve(p, path=p.path[len(prefix) :].lstrip("."))
            for p in error.problems
            if p.path == prefix or p.path.startswith((f"{prefix}.", f"{prefix}["))
        ]
        if own:
            _problems(Path(name), ValidationError(own), sys.stderr, args.locale)
    if refusal:
        _problems(record, ValidationError(refusal), sys.stderr, args.locale, refused=audience)
        # The ledger's sections are not what was refused: say how to have them meanwhile.
        _say(_said("refused-without", args.locale), file=sys.stderr)


def _check_record_path(record: Path, inputs: Sequence[Path], output: str | None) -> None:
    """Refuse, before anything is written, a record that could not be kept after the report.

    A report written without its record would leave the next run unaudited against it.

    Raises:
        UserError: If *record* is a symbolic link, an input, the report's *output*, or its
            folder does not exist.
    """
    if record.is_symlink():
        raise UserError("record-symlink", path=record)
    targets = [*inputs, *([Path(output)] if output else [])]
    for target in targets:
        same = record.resolve() == target.resolve()
        with contextlib.suppress(OSError):
            same = same or (record.exists() and record.samefile(target))
        if same:
            raise UserError("record-shared", path=record)
    if not record.parent.is_dir():
        raise UserError("no-folder", path=record, folder=record.parent)


def _audience_record(ledger: Path, args: argparse.Namespace) -> tuple[Path, Audience]:
    """Where the record of what ``--audience`` was shown is kept, and the record (new if none).

    The place is checked first (:func:`_check_record_path`). With ``--audience-file`` and no
    ``--audience`` the record's own name is taken (``default`` for a new one); else a record
    of another audience is refused, which also keeps two names that make the same file name
    (``HR`` and ``hr``, ``a b`` and ``a-b``) from sharing one record.
    """
    file = args.audience_file
    name = "default" if args.audience is None else args.audience
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
        raise UserError("audience-needed", path=path)
    if record.name != name and (args.audience is not None or file is None):
        raise UserError(
            "record-other-audience",
            path=path,
            recorded=record.name,
            audience=name,
            option=shlex.quote(record.name),
        )
    return path, record
