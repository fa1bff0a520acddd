"""The converter's hooks for text, numbers, booleans, null, enums and literals (private).

Each reads exactly its own type (nothing is coerced: ``"12"`` is not an integer) and raises
only :class:`~ledarutveckling.ValidationError`; :mod:`ledarutveckling._documents.converter`
registers them.
"""

from __future__ import annotations

import enum
import re
import typing
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final
from unicodedata import normalize

from ledarutveckling._base.messages import Expected, WeekdayName, choices
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.messages import (
    Hook,
    _bad,
    _suggestion,
    _wrong_type,
    quoted,
    written,
)
from ledarutveckling._documents.temporal import TomlTemporal

_NONE_TYPE: Final = type(None)


# (?a) throughout: \d would also match other scripts' digits, which int() and Decimal() accept.
_DECIMAL_TEXT: Final = r"(?a)[+-]?(?:\d+(?:\.\d*)?|\.\d+)"


_EXACT_FLOAT_INT: Final = 2**53


def _structure_str(value: object, _: object) -> str:
    """Text, in Unicode's composed form (NFC).

    An "Ö" may be written as one character (NFC) or as "O" and a combining diaeresis (NFD, as
    macOS file names and some copying give it); the two are the same text (canonically
    equivalent), but compare unequal. Read in NFC, a call-off reference, a cohort or a unit
    written either way is one value, so that the ledger's and the delivery record's checks of
    repeats (and the invoice's per-cohort charges) see it as one.
    """
    if type(value) is str:
        return value if unicodedata.is_normalized("NFC", value) else normalize("NFC", value)
    if type(value) is TomlTemporal:
        raise _bad(
            value,
            "must be a string; this is a TOML date or time, write it in quotes to keep it as text",
            Code.DATE_IN_TEXT,
        )
    raise _wrong_type(value, "a string", Expected.TEXT)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _wrong_type(value, "an integer", Expected.INTEGER)


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise _wrong_type(value, "true or false", Expected.BOOLEAN)


def _structure_float(value: object, _: object) -> float:
    if type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        return value
    if type(value) is int and abs(value) <= _EXACT_FLOAT_INT:
        return float(value)
    if type(value) in (int, float):
        raise _bad(value, "must be a finite number that a float holds exactly", Code.INEXACT_NUMBER)
    raise _wrong_type(value, "a number", Expected.NUMBER)


def _structure_decimal(value: object, _: object) -> Decimal:
    if type(value) is str and re.fullmatch(_DECIMAL_TEXT, value):
        return Decimal(value)
    if type(value) is int:
        return Decimal(value)
    if type(value) is str:
        raise _bad(
            value,
            "must be a decimal number written with a point, e.g. '12500.50'",
            Code.BAD_DECIMAL,
        )
    if type(value) is float:
        raise _bad(
            value,
            "must be a decimal number written as a string, e.g. '12500.50', "
            "not a float (a float cannot hold decimals exactly)",
            Code.DECIMAL_AS_FLOAT,
        )
    raise _wrong_type(
        value, "a decimal number written as a string, e.g. '12500.50'", Expected.DECIMAL
    )


def _structure_as_given(value: object, _: object) -> object:
    if isinstance(value, TomlTemporal):
        return str(value)
    return value


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_none(value: object, _: object) -> None:
    if value is None:
        return
    raise _wrong_type(value, "null", Expected.NULL)


def _enum_hook(enum_type: type[enum.Enum]) -> Hook:
    members = {member.value: member for member in enum_type}
    valid = ", ".join(repr(member.value) for member in enum_type)
    texts = [value for value in members if isinstance(value, str)]

    def structure(value: object, _: object) -> enum.Enum:
        try:
            member = members.get(value)
        except TypeError:  # unhashable: a list or an object
            member = None
        if member is not None and type(value) is type(member.value):
            return member
        message = f"must be one of {valid}"
        near = _suggestion(value, texts) if isinstance(value, str) else None
        if near is not None:
            message += f"; did you mean {near!r}?"
        raise _bad(value, message, Code.NOT_ALLOWED, valid=quoted(members))

    return structure


def _enums_apart(hook: Hook, enum_hooks: dict[Any, Hook]) -> Hook:
    """Wrap a hook for int, str or float so that an enum deriving from it is read by value.

    cattrs dispatches an ``IntEnum`` (or a ``(str, Enum)``) to the hook registered for
    ``int`` (``str``) before any predicate; *enum_hooks* is the converter's own table of the
    enum hooks made so far.
    """

    def structure(value: object, type_: Any) -> Any:
        if type_ is int or type_ is str or type_ is float:
            return hook(value, type_)
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            found = enum_hooks.get(type_)
            if found is None:
                found = enum_hooks[type_] = _enum_hook(type_)
            return found(value, type_)
        return hook(value, type_)

    return structure


def _plain_enum(type_: Any) -> bool:
    """Whether *type_* is an enum whose members' values are strings, integers or booleans."""
    return (
        isinstance(type_, type)
        and issubclass(type_, enum.Enum)
        and all(type(member._value_) in (str, int, bool) for member in type_)
    )


def _unstructure_enum(member: enum.Enum) -> Any:
    """A member of a :func:`_plain_enum` as its value (what cattrs' own hook gives)."""
    return member.value


_LABELLED_LITERALS: Final[Mapping[frozenset[object], type[enum.Enum]]] = {
    frozenset(member.value for member in WeekdayName): WeekdayName,
}
"""Literal types whose values are a labelled enum's: their alternatives are told with labels."""


def _literal_hook(literal: Any) -> Hook:
    allowed = typing.get_args(literal)
    valid = ", ".join(repr(value) for value in allowed)
    labelled = _LABELLED_LITERALS.get(frozenset(allowed))
    alternatives = (
        quoted(allowed)
        if labelled is None
        else choices((labelled(value) for value in allowed), lambda value: str(written(value)))
    )

    def structure(value: object, _: object) -> object:
        for candidate in allowed:
            if type(value) is type(candidate) and value == candidate:
                return candidate
        raise _bad(value, f"must be one of {valid}", Code.NOT_ALLOWED, valid=alternatives)

    return structure
