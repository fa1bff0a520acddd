"""How the converter describes a bad value to a document's author."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from ledarutveckling._base.messages import Alternatives, Expected, ProblemCode, choices
from ledarutveckling.errors import Problem, ValidationError

Hook = Callable[[Any, Any], Any]


def _describe(value: object) -> str:
    """Name the JSON kind of *value* for a message: ``"a string"``, ``"null"``…."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def written(value: object) -> object:
    """*value* as its author wrote it in the document, for a reader's message.

    Text in double quotes, a TOML date or time and a date as ISO text (``2026-03-01``, never
    ``Date(2026, 3, 1)``), numbers and booleans as TOML and JSON write them; a list or a
    table by its kind (an :class:`Expected`, named in the reader's language); anything else
    ``None`` (the message then leaves the value out).

    Examples:
        >>> import pendulum
        >>> written("Trafikkontoret"), written(pendulum.date(2026, 3, 1)), written(True)
        ('"Trafikkontoret"', '2026-03-01', 'true')
        >>> written([1]), written(None), written(object())
        (<Expected.LIST: 'list'>, 'null', None)
    """
    if isinstance(value, str):
        if type(value) is not str:  # a TomlTemporal: a TOML date or time, written unquoted
            return str(value)
        import json  # on first use: the import of the library does not load json

        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return Expected.LIST
    if isinstance(value, Mapping):
        return Expected.TABLE
    return None


def quoted(values: Iterable[object]) -> Alternatives:
    """The valid values as written in a document, for "one of …" (joined with "eller").

    Given a mapping of values to enum members (the enum hook's table), each value is a
    :class:`~ledarutveckling._base.messages.Choice`: written with its member's label in the
    reader's language beside it, ``"in_delivery" (under leverans)``.
    """
    if isinstance(values, Mapping) and all(isinstance(m, enum.Enum) for m in values.values()):
        return choices(values.values(), lambda value: str(written(value)))
    return Alternatives(str(written(value)) for value in values)


def coded(
    path: str, value: object, message: str, code: ProblemCode, /, **params: object
) -> Problem:
    """A problem of a document's shape: *message* in English, the value as *written*."""
    given = written(value)
    if given is not None:
        params = {"given": given, **params}
    return Problem(path=path, value=value, message=message, code=code, params=params)


def _bad(
    value: object, message: str, code: ProblemCode = ProblemCode.BAD_VALUE, /, **params: object
) -> ValidationError:
    return ValidationError([coded("", value, message, code, **params)])


def _wrong_type(value: object, wanted: str, expected: Expected) -> ValidationError:
    return ValidationError(
        [
            coded(
                "",
                value,
                f"must be {wanted}, not {_describe(value)}",
                ProblemCode.WRONG_KIND,
                expected=expected,
            )
        ]
    )


def _suggestion(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # on first use: only error messages need it

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
