"""How the converter describes a bad value to a document's author."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ledarutveckling.errors import ValidationError

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


def _bad(value: object, message: str) -> ValidationError:
    return ValidationError.single("", value, message)


def _wrong_type(value: object, wanted: str) -> ValidationError:
    return _bad(value, f"must be {wanted}, not {_describe(value)}")


def _suggestion(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # on first use: only error messages need it

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
