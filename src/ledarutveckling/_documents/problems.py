"""cattrs' error trees as the library's problems, each with its path (private).

cattrs' detailed validation raises a tree of exception groups with notes naming the field or
index; :func:`_group_problems` flattens it into :class:`~ledarutveckling.Problem` objects,
naming an unknown key's probable meaning and a share field's example.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._delivery.attendance import HIDDEN
from ledarutveckling._documents.header import _HEADER
from ledarutveckling._documents.messages import _suggestion, coded, written
from ledarutveckling.errors import MISSING, Problem, ValidationError, key_path


def _problems_of(error: BaseException, path: str) -> list[Problem]:
    """The problems one exception stands for, seen from *path*."""
    if isinstance(error, ValidationError):
        return [p.with_prefix(path) for p in error.problems]
    if isinstance(error, BaseValidationError):
        return [p.with_prefix(path) for p in _group_problems(error, {}, object)]
    if isinstance(error, KeyError) and path:
        return [
            Problem(
                path=path, value=MISSING, message="is required but missing", code=Code.MISSING_KEY
            )
        ]
    message = str(error) or type(error).__name__
    return [Problem(path=path, value=MISSING, message=message, code=Code.RULE_FAILED)]


def _unknown_key_problems(
    error: ForbiddenExtraKeysError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    names = [a.name for a in attrs.fields(cls) if a.init] if attrs.has(cls) else []
    problems = []
    for key in [k for k in data if k in error.extra_fields]:
        if not isinstance(key, str):
            problems.append(
                coded(
                    key_path(key),
                    key,
                    "keys must be strings",
                    Code.WRONG_KIND,
                    expected=Expected.TEXT,
                )
            )
            continue
        params: dict[str, object] = {"key": written(key)}
        if key in _HEADER:
            message = (
                "belongs in a document's header, not in a value: read whole documents with "
                "load(), from_json() or from_toml()"
            )
            code = Code.HEADER_KEY
        else:
            message = f"is not a field of {cls.__name__}"
            near = _suggestion(key, names)
            if near is not None:
                message += f"; did you mean {near!r}?"
                code, params["near"] = Code.MISSPELT_KEY, written(near)
            else:
                message += f" (its fields are {', '.join(names)})"
                code, params["fields"] = Code.UNKNOWN_KEY, [str(written(n)) for n in names]
        problems.append(
            Problem(path=key_path(key), value=data[key], message=message, code=code, params=params)
        )
    return problems


def _group_problems(
    group: BaseValidationError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    problems: list[Problem] = []
    for error in group.exceptions:
        if isinstance(error, ForbiddenExtraKeysError):
            problems.extend(_unknown_key_problems(error, data, cls))
            continue
        path = ""
        for note in getattr(error, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                path = note.name
            elif isinstance(note, IterableValidationNote):
                path = key_path(note.index) if isinstance(note.index, str) else f"[{note.index}]"
        found = _problems_of(error, path)
        if path.endswith("_share"):
            found = [_as_share(problem) for problem in found]
        elif path == "tokens":
            found = [_hidden(problem) for problem in found]
        problems.extend(found)
    return problems


_SHARE_CODES: Final = {
    Code.BAD_DECIMAL: (Code.SHARE_NOT_DECIMAL, "must be a share written as text, e.g. '0.5'"),
    Code.DECIMAL_AS_FLOAT: (Code.SHARE_AS_FLOAT, "must be a share written as text, e.g. '0.5'"),
}
"""A field named ``*_share`` holds a share of a price: its example is a share, not money."""


def _as_share(problem: Problem) -> Problem:
    """*problem* of a share field, with a share's example instead of an amount of money."""
    if problem.code not in _SHARE_CODES:
        return problem
    code, message = _SHARE_CODES[Code(problem.code)]
    return attrs.evolve(problem, code=code, message=message)


def _kind(value: object) -> object:
    """The kind of *value*, named instead of the value itself; ``None`` for another kind."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Expected.BOOLEAN
    if isinstance(value, int):
        return Expected.INTEGER
    if isinstance(value, float):
        return Expected.NUMBER
    if isinstance(value, str) and type(value) is str:
        return Expected.TEXT
    if isinstance(value, list | tuple):
        return Expected.LIST
    if isinstance(value, Mapping):
        return Expected.TABLE
    return None


def _hidden(problem: Problem) -> Problem:
    """*problem* of a ``tokens`` field, its value hidden: a token may be personal data.

    A token that is not text (the number ``8112189876``, a table) is not repeated either: a
    value of the wrong kind is named by its kind, and :data:`HIDDEN` stands for the value.
    Any other problem that would name the value (a TOML date, ``1985-01-01``) becomes a
    refused token.
    """
    if "given" not in problem.params or problem.params["given"] != written(problem.value):
        return attrs.evolve(problem, value=HIDDEN)  # the params do not hold the value
    kind = _kind(problem.value)
    if problem.code is Code.WRONG_KIND and kind is not None:
        return attrs.evolve(problem, value=HIDDEN, params={**problem.params, "given": kind})
    return Problem(
        path=problem.path,
        value=HIDDEN,
        message="must be a pseudonymous token: 4 to 64 letters A-Z, digits, '_' or '-' "
        "(no names or e-mail addresses)",
        code=Code.BAD_TOKEN,
    )
