"""Reading documents and writing files for the command line (private)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TextIO, TypeVar, overload

import attrs
import tomli_w

from ledarutveckling import (
    AgreementLedger,
    Catalogue,
    FrameworkAgreement,
    ProblemCode,
    serialization,
)
from ledarutveckling._cli.console import InvalidError, UserError, _problems
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.examples import stockholm_catalogue
from ledarutveckling.formatting import DEFAULT_LOCALE
from ledarutveckling.serialization import RolloutRequest, ScheduleRequest

_Request = TypeVar("_Request", ScheduleRequest, RolloutRequest)
_T = TypeVar("_T")


def _check_readable(path: Path) -> None:
    """A file that is missing or cannot be read is a usage error (exit code 2).

    Whether its bytes are UTF-8 text is the document reader's question: a file that is not is
    an invalid document (``not-utf8``, in the reader's language, exit code 1).
    """
    try:
        with path.open("rb") as file:
            file.read(1)
    except FileNotFoundError:
        raise UserError("no-such-file", path=path) from None
    except OSError as error:
        raise UserError("unreadable", path=path, reason=error) from None


@overload
def _load(path: Path, *, check: bool = True) -> object: ...
@overload
def _load(path: Path, cls: type[_T], *, check: bool = True) -> _T: ...
def _load(path: Path, cls: type[Any] | None = None, *, check: bool = True) -> Any:
    """Read a document (agreement, ledger, request, …) with :mod:`ledarutveckling.serialization`.

    With *check* false, a ledger that breaks the rules across its call-offs is read anyway
    (the status report lists its problems as warnings). With *cls*, a value of that class
    that is not a document kind (a saved :class:`~ledarutveckling.RolloutPlan`).

    Raises:
        UserError: If the file cannot be read.
        ValidationError: If it is not a valid document (not UTF-8 text included).
    """
    _check_readable(path)
    if path.suffix.lower() not in (".json", ".toml"):
        raise UserError("not-json-or-toml", path=path)
    if cls is not None:
        return serialization.load(path, cls, check=check)
    return serialization.load(path, check=check)


def _request(
    path: Path, cls: type[_Request], locale: str = DEFAULT_LOCALE, catalogue: str | None = None
) -> _Request:
    """Read a request document of the kind *cls*; print its problems if it is invalid.

    Every problem at once: when the only problems are in some elements of the request's lists
    (a unit with ``headcount = 0``), the rest of the request is also checked against its
    catalogue (*catalogue*, the ``--catalogue`` option, else the request's own), so that a
    skill naming no module of the program is not left for the next run (see
    :func:`_behind`).

    Raises:
        UserError: If the file cannot be read.
        InvalidError: If it is not a valid request of that kind (the problems are printed).
    """
    try:
        request = _load(path)
    except ValidationError as invalid:
        _problems(path, every_problem(path, invalid, catalogue, locale), sys.stderr, locale)
        raise InvalidError from None
    if not isinstance(request, cls):
        raise UserError("wrong-kind", path=path, wanted=cls, got=type(request))
    return request


def every_problem(
    path: Path, error: ValidationError, catalogue: str | None, locale: str
) -> ValidationError:
    """*error* of reading *path*, with the problems :func:`_behind` finds in a request's rest."""
    found: list[Problem] = list(error.problems)
    found += [p for p in _behind(path, error, catalogue, locale) if p not in found]
    return ValidationError(found)


_LISTS: Final[dict[str, tuple[type[ScheduleRequest | RolloutRequest], tuple[str, ...]]]] = {
    "rollout_request": (RolloutRequest, ("units", "facilitators", "rooms", "slots")),
    "schedule_request": (ScheduleRequest, ("cohorts",)),
}
"""Each request kind's class and lists whose elements the catalogue checks (:func:`_behind`)."""

_ELEMENT: Final = re.compile(r"([a-z_]+)\[(\d+)\]")


def _behind(path: Path, error: ValidationError, option: str | None, locale: str) -> list[Problem]:
    """The problems the catalogue finds in the elements of an invalid request that were read.

    The problems the catalogue finds (a skill or an earliest date naming no module of the
    program, a unit's ``max_away`` under its cohorts) wait until the request reads. When every
    problem of *error* is inside an element of the request's lists, the request is read again
    without those elements and checked against its catalogue; its problems come back at the
    elements' own places (``units[2]``, not the ``units[1]`` it was in the shorter list).
    Nothing more when anything else is wrong, the rest does not read, or the catalogue does not.
    """
    every_list = {field for _, fields in _LISTS.values() for field in fields}
    for problem in error.problems:
        found = _ELEMENT.match(problem.path)
        if found is None or found[1] not in every_list:
            return []  # e.g. the text itself: too deep, not TOML
    toml = path.suffix.lower() == ".toml"
    try:  # read already, within the limits: the problems are in its values
        text = path.read_text(encoding="utf-8-sig")  # a byte order mark skipped, as by load()
        data = tomllib.loads(text) if toml else json.loads(text)
    except (OSError, ValueError, RecursionError):  # UnicodeError and the decoders' errors
        return []  # are ValueErrors
    if not isinstance(data, dict) or data.get("document") not in _LISTS:
        return []
    cls, lists = _LISTS[data["document"]]
    dropped: dict[str, set[int]] = {}
    for problem in error.problems:
        found = _ELEMENT.match(problem.path)
        if found is None or found[1] not in lists:
            return []
        dropped.setdefault(found[1], set()).add(int(found[2]))
    places: dict[str, list[int]] = {}
    for field, indexes in dropped.items():
        items = data.get(field)
        if not isinstance(items, list):
            return []
        places[field] = [i for i in range(len(items)) if i not in indexes]
        data[field] = [items[i] for i in places[field]]
    try:
        rest: ScheduleRequest | RolloutRequest = (
            serialization.from_toml(cls, tomli_w.dumps(data))
            if toml
            else serialization.from_json(cls, json.dumps(data))
        )
        catalogue = _catalogue(rest, path, option, io.StringIO(), locale)
        if isinstance(rest, RolloutRequest):
            rest.rollout(catalogue)
        else:
            rest.schedule(catalogue)
    except ValidationError as more:
        return [placed for p in more.problems if (placed := _placed(p, places)) is not None]
    except (UserError, InvalidError):
        return []
    return []


def _placed(problem: Problem, places: dict[str, list[int]]) -> Problem | None:
    """*problem* at its element's place in the request as written; ``None`` for a whole list.

    A problem of a whole list that lost elements (``units``: names twice, too few) may be
    about what was left out: it is not told.
    """
    found = _ELEMENT.match(problem.path)
    if found is None or found[1] not in places:
        top = problem.path.split(".", 1)[0].split("[", 1)[0]
        return None if top in places else problem
    field, index = found[1], int(found[2])
    place = f"{field}[{places[field][index]}]" + problem.path[found.end() :]
    return attrs.evolve(problem, path=place)


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
        bundled = stockholm_catalogue()
        if request.program not in bundled:  # a catalogue of one's own, not named
            _problems(path, _not_in_example(request.program), out, locale)
            raise InvalidError
        return bundled
    try:
        catalogue = _load(source)
    except ValidationError as error:
        _problems(source, error, out, locale)
        raise InvalidError from None
    if not isinstance(catalogue, Catalogue):
        raise UserError("not-a-catalogue", path=source)
    return catalogue


def _not_in_example(code: str) -> ValidationError:
    """A request's program that the bundled catalogue, read as no catalogue was named, lacks."""
    message = (
        "is not in the bundled Stockholm example catalogue, which is read when the request "
        "names no catalogue; name yours with catalogue = 'katalog.toml' or --catalogue"
    )
    problem = Problem(
        path="program",
        value=code,
        message=message,
        code=ProblemCode.NOT_IN_EXAMPLE_CATALOGUE,
        params={"given": code},
    )
    return ValidationError([problem])


def _check_output(path: Path, *, force: bool = False, inputs: Sequence[Path] = ()) -> None:
    """Refuse *path* as a file to write before anything is written (see :func:`_write`).

    Raises:
        UserError: If *path* is a symbolic link, is an input, its folder does not exist, it is
            a folder, it exists (without *force*), or it cannot be written.
    """
    if path.is_symlink():
        raise UserError("symlink", path=path)
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and path.samefile(source):
                raise UserError("is-input", path=path)
    if not path.parent.is_dir():
        raise UserError("no-folder", path=path, folder=path.parent)
    if path.is_dir():
        raise UserError("is-folder", path=path)
    if path.exists() and not force:
        raise UserError("exists", path=path)
    _probe(path)


def _probe(path: Path) -> None:
    """Refuse *path* if the system will not let it be written (a read-only folder, ``/proc``).

    Tried, not guessed from the permission bits (which say nothing for the superuser or a
    special file system): an existing file is opened for writing without being changed, and
    for a new one a nameless temporary file is made in its folder and removed at once.
    """
    try:
        if path.exists():
            os.close(os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)))
        else:
            with tempfile.TemporaryFile(dir=path.parent):
                pass
    except OSError as error:
        raise UserError("unwritable", path=path, reason=error) from None


def _check_outputs(
    paths: Sequence[Path], *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Refuse the files a command is to write, all of them before it writes or prints any.

    So that a command writes all its files or none: a later one refused after an earlier one
    is written would leave half an update. A file named twice would be written over by itself.

    Raises:
        UserError: As :func:`_check_output` for the first file refused, or if two of *paths*
            are the same file.
    """
    seen: set[Path] = set()
    for path in paths:
        _check_output(path, force=force, inputs=inputs)
        where = path.parent.resolve() / path.name
        if where in seen:
            raise UserError("twice", path=path)
        seen.add(where)


def _write(
    path: Path, data: str | bytes, *, force: bool = False, inputs: Sequence[Path] = ()
) -> None:
    """Write *data* to *path*, a new file unless *force*; never one of *inputs*.

    The directory must exist (nothing is created), and *path* may not be a symbolic link or
    a folder. A command that writes more than one file checks them all first
    (:func:`_check_outputs`); the checks are made again here, and the file is made anew
    (``O_EXCL``), so that a file made in between is not written over.

    Raises:
        UserError: If the file exists (without *force*), is an input, is a symbolic link or a
            folder, its directory does not exist, or it cannot be written.
    """
    _check_output(path, force=force, inputs=inputs)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    content = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        descriptor = os.open(path, flags, 0o666)
        with os.fdopen(descriptor, "wb") as file:
            file.write(content)
    except FileExistsError:
        raise UserError("exists", path=path) from None
    except OSError as error:
        raise UserError("unwritable", path=path, reason=error) from None


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The files a command reads: its FILE, --catalogue, --plan and --evaluations."""
    names = [getattr(args, name, None) for name in ("file", "catalogue", "plan")]
    names += getattr(args, "evaluations", [])
    return [Path(name) for name in names if name is not None]


def _with_catalogue(
    inputs: Sequence[Path],
    request: ScheduleRequest | RolloutRequest,
    path: Path,
    option: str | None,
) -> list[Path]:
    """*inputs* and the catalogue the request read from *path* names, which the command reads too.

    A request's ``catalogue = "…"`` is an input like ``--catalogue``: a calendar or a plan
    written over it would destroy the catalogue (``--force`` or not). Without ``--catalogue``
    the request's own is read; with it, ``--catalogue`` is among *inputs* already.
    """
    named = request.catalogue_file(path) if option is None else None
    return [*inputs, *([named] if named is not None else [])]


def _ledger_of(path: Path, value: object, option: str | None = None) -> AgreementLedger:
    """*value* read from *path* as a ledger: a ledger, or an agreement without call-offs.

    Raises:
        UserError: If it is neither (*option* names the option that needs one, if not FILE).
    """
    if isinstance(value, AgreementLedger):
        return value
    if isinstance(value, FrameworkAgreement):
        return AgreementLedger(agreement=value)
    if option is None:
        raise UserError("needs-ledger", path=path)
    raise UserError("option-needs-ledger", path=path, option=option)
