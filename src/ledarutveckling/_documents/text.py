"""JSON and TOML text in and out."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import importlib
import re
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.containers import (
    _is_fixed_tuple,
    _is_homogeneous_sequence,
    _is_mapping,
    _is_set,
    _is_union,
    _origin,
)
from ledarutveckling._documents.converter import _IMPLEMENTATIONS, CONVERTER, DocumentConverter
from ledarutveckling._documents.limits import (
    DEFAULT_LIMITS,
    KeysTwice,
    Limits,
    check_data,
    check_text,
    place_in_bytes,
    too_deep,
    where_in_text,
)
from ledarutveckling._documents.messages import _wrong_type, coded
from ledarutveckling._documents.registry import REGISTRY, Registry, envelope
from ledarutveckling._documents.scalars import _NONE_TYPE
from ledarutveckling._documents.temporal import TomlTemporal
from ledarutveckling.errors import MISSING, ValidationError, join_path, key_path


def _coded_error(value: object, message: str, code: Code, /, **params: object) -> ValidationError:
    """A problem of the whole document's text, with its code for the reader's language."""
    return ValidationError([coded("", value, message, code, **params)])


def _not_utf8(error: UnicodeDecodeError, message: str) -> ValidationError:
    """The error of a document that is not UTF-8 (saved as Windows-1252 or UTF-16, say)."""
    line, column = place_in_bytes(error.object, error.start)
    return _coded_error(
        MISSING,
        f"{message}: {error} (line {line}, column {column})",
        Code.NOT_UTF8,
        line=line,
        column=column,
    )


_TOML_POSITION: Final = r"at line (\d+), column (\d+)"

_TOML_REASONS: Final = (
    (
        r"^Cannot (overwrite a value|declare .* twice|redefine namespace|mutate immutable)",
        Code.TOML_TWICE,
    ),
    (r"^(Unclosed|Unterminated|Expected '\]'|Illegal character '\\n')", Code.TOML_UNCLOSED),
    (r"^Invalid value", Code.TOML_BAD_VALUE),
    (r"^Invalid date or datetime", Code.TOML_BAD_DATE),
    (r"^Expected '=' after a key", Code.TOML_EQUALS),
)
"""tomllib's reasons that a reader can act on, each with its code (the rest: not-toml)."""


def _toml_code(message: str) -> Code:
    """The code of tomllib's *message*: a duplicate, an unclosed part, a bad value…, or not-toml.

    Examples:
        >>> _toml_code("Cannot overwrite a value (at line 3, column 7)")
        <ProblemCode.TOML_TWICE: 'toml-twice'>
        >>> _toml_code("Expected '=' after a key in a key/value pair (at line 1, column 3)")
        <ProblemCode.TOML_EQUALS: 'toml-equals'>
        >>> _toml_code("Expected newline or end of document after a statement (at line 1)")
        <ProblemCode.NOT_TOML: 'not-toml'>
    """
    for pattern, code in _TOML_REASONS:
        if re.search(pattern, message):
            return code
    return Code.NOT_TOML


def _toml_position(text: str, message: str) -> tuple[int, int]:
    """The line and column tomllib's *message* names (its end for "at end of document")."""
    found = re.search(_TOML_POSITION, message)
    if found is not None:
        return int(found[1]), int(found[2])
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


def _toml_token(text: str, line: int, column: int) -> str:
    r"""The bare date or time that starts at *line*, *column* of *text* (1-based), as written.

    Examples:
        >>> _toml_token("a = 1\nstart = 2027-02-30 # x", 2, 9)
        '2027-02-30'
        >>> _toml_token("t = [2027-03-01T25:00:00+01:00, 2027-03-02]", 1, 6)
        '2027-03-01T25:00:00+01:00'
        >>> _toml_token("t = 2027-03-01 25:00", 1, 5)
        '2027-03-01 25:00'
        >>> _toml_token("t = ,", 1, 5)
        ','
    """
    rest = text.split("\n")[line - 1][column - 1 :]
    found = re.match(r"[^\s,\]}#]{1,40}(?: \d[^\s,\]}#]{0,30})?", rest)
    return rest[:40] if found is None else found[0]


_BARE_DATE: Final = re.compile(r"(?a)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:T-])")
_BARE_TIME: Final = re.compile(r"(?a)(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:.])")
_BARE_NUMBER: Final = re.compile(r"(?a)[+-]?(?:\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+,\d+)(?![\d.,])")


_BARE_HINTS: Final = {
    Code.TOML_BARE_DATE: "a TOML date is written YYYY-MM-DD",
    Code.TOML_BARE_TIME: 'a TOML time is written HH:MM:SS (or "HH:MM" in quotes)',
    Code.TOML_BARE_NUMBER: "a TOML number has no spaces and a decimal point",
    Code.TOML_BAD_DATE: "no such date or time",
}
"""The developer's English for each kind of bare value (the reader's is in the catalogue)."""


def _bare_value(text: str, line: int, column: int) -> tuple[Code, dict[str, object]] | None:
    r"""A value tomllib stopped inside that is written as a Swedish reader would: a hint.

    A date without two digits in its month or day, a time without seconds or with a one-digit
    hour, a number with spaces between its thousands or with a decimal comma: each is told as
    written, where it starts, with how TOML (and the library) takes it. ``None`` for any other
    value.

    Examples:
        >>> _bare_value("first_day = 2027-5-3", 1, 17)[1]["written"]
        '2027-05-03'
        >>> _bare_value("t = [9:00, 13:00]", 1, 13)[1]
        {'given': '13:00', 'quoted': '"13:00"', 'written': '13:00:00', 'line': 1, 'column': 12}
        >>> _bare_value("x = 12 500,50 # kr", 1, 8)[1]["written"]
        '"12500.50"'
        >>> _bare_value("x = 2027-05-03T09", 1, 15) is None
        True
        >>> _bare_value("x = 2027-05-03 x", 1, 16) is None  # the date is not what is wrong
        True

    A date or time in TOML's form with a month, day, hour or minute past its range (month 13)
    is not one to TOML at all, so tomllib says only that the line goes on after ``2027``:
    it is named as no date or time that exists.

        >>> code, params = _bare_value("end = 2027-13-01", 1, 11)
        >>> code
        <ProblemCode.TOML_BAD_DATE: 'toml-bad-date'>
        >>> params
        {'given': '2027-13-01', 'line': 1, 'column': 7}
        >>> _bare_value("t = 24:00:00", 1, 7)[1]["given"]
        '24:00:00'
        >>> _bare_value("t = 09:00:00x", 1, 13) is None  # the time is not what is wrong
        True
        >>> _bare_value("d = 2027-05-03x", 1, 15) is None  # nor the date
        True
    """
    row = text.split("\n")[line - 1]
    before = row[: column - 1]
    start = max(before.rfind(mark) for mark in "=[,{") + 1
    start += len(row[start:]) - len(row[start:].lstrip(" \t"))
    rest = row[start:]
    where = {"line": line, "column": start + 1}
    reaches = column - 1 - start  # the value must reach where tomllib stopped
    date = _BARE_DATE.match(rest)
    if date is not None and len(date[0]) >= reaches:
        year, month, day = date.groups()
        try:  # no such date (2027-13-1, 2027-2-30), in any form: none to suggest
            dt.date(int(year), int(month), int(day))
        except ValueError:
            return Code.TOML_BAD_DATE, {"given": date[0], **where}
        if len(date[0]) != len("2027-05-03"):
            written = f"{year}-{int(month):02}-{int(day):02}"
            return Code.TOML_BARE_DATE, {"given": date[0], "written": written, **where}
    time = _BARE_TIME.match(rest)
    if time is not None and len(time[0]) >= reaches:
        hour, minute, second = time.groups()
        if not (int(hour) <= 23 and int(minute) <= 59 and int(second or 0) <= 59):
            return Code.TOML_BAD_DATE, {"given": time[0], **where}
        if len(time[0]) != len("13:00:00"):
            clock = f"{int(hour):02}:{minute}"
            written = f"{clock}:{second or '00'}"
            return Code.TOML_BARE_TIME, {
                "given": time[0],
                "quoted": f'"{clock}"',
                "written": written,
                **where,
            }
    number = _BARE_NUMBER.match(rest)
    if number is not None and len(number[0]) >= reaches:
        plain = number[0].replace(" ", "").replace(",", ".")
        written = f'"{plain}"' if "." in plain else plain
        return Code.TOML_BARE_NUMBER, {"given": number[0], "written": written, **where}
    return None


BOM: Final = "\ufeff"
"""The byte order mark an editor may put first (Windows Notepad does): skipped, not refused.

A UTF-8 document needs none and TOML and JSON allow none, but it is invisible in the editor
that wrote it; only one at the very start is skipped."""


def _pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of JSON; one with a key twice is marked, for :func:`check_data` to refuse."""
    result = dict(pairs)
    if len(result) != len(pairs):
        return KeysTwice(pairs)
    return result


def parse_json(text: object, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse JSON text strictly: no NaN or Infinity, no duplicate keys, nothing past *limits*.

    ``NaN``, ``Infinity`` and ``-Infinity`` (which Python's json module reads) and a number too
    big for a float are refused by :func:`check_data`, at their path.
    """
    if not isinstance(text, str | bytes | bytearray):
        raise _wrong_type(text, "JSON text (str or bytes)", Expected.TEXT)
    if isinstance(text, str):  # json reads a byte order mark in bytes, not in a str
        text = text.removeprefix(BOM)
    check_text(text, limits, toml=False)
    import json  # on first use: the import of the library does not load json

    try:
        data = json.loads(text, object_pairs_hook=_pairs_to_dict)
    except json.JSONDecodeError as error:
        excerpt = error.doc[error.pos : error.pos + 20]
        raise _coded_error(
            excerpt,
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            Code.NOT_JSON,
            line=error.lineno,
            column=error.colno,
        ) from None
    except RecursionError:
        shown = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
        raise too_deep(shown, limits, toml=False) from None
    except UnicodeDecodeError as error:  # bad UTF-8
        raise _not_utf8(error, "is not valid JSON") from None
    check_data(data, limits)
    return data


@functools.cache
def _orjson() -> types.ModuleType | None:
    """The orjson module when it is installed (the ``fast`` extra), imported on first use."""
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


_PLAIN_LEAVES: Final[tuple[type, ...]] = (
    bool,
    _NONE_TYPE,
    Decimal,
    dt.date,
    dt.datetime,
    dt.time,
    dt.timedelta,
)
"""Types that unstructure to a string, an integer, a boolean or null (with str and int)."""


def float_free(type_: Any, _seen: frozenset[Any] = frozenset()) -> bool:
    """Whether no value of *type_* holds a float (or a value of any type) once unstructured.

    Such data writes the same with orjson as with the json module; a float may not (orjson
    writes ``1e16`` and ``null`` for NaN where json writes ``1e+16`` and ``NaN``).
    """
    if type_ in _seen:
        return True
    seen = _seen | {type_}
    for implementation_of, implementation in _IMPLEMENTATIONS:
        if type_ is implementation_of:
            return float_free(implementation, seen)
    if isinstance(type_, type):
        if type_ is str or type_ is int or issubclass(type_, _PLAIN_LEAVES):
            return True
        if issubclass(type_, enum.Enum):
            return all(type(m.value) in (str, int, bool) for m in type_)
        if attrs.has(type_):
            attrs.resolve_types(type_)
            # only the fields the constructor takes are written (init=False ones are caches)
            return all(float_free(a.type, seen) for a in attrs.fields(type_) if a.init)
        return False
    args = typing.get_args(type_)
    if _origin(type_) is typing.Literal:
        return all(type(arg) in (str, int, bool) for arg in args)
    if _is_union(type_) or _is_homogeneous_sequence(type_) or _is_fixed_tuple(type_):
        return bool(args) and all(arg is Ellipsis or float_free(arg, seen) for arg in args)
    if _is_set(type_) or _is_mapping(type_):
        return bool(args) and all(float_free(arg, seen) for arg in args)
    return False


def _float_free_of(converter: DocumentConverter, type_: Any) -> bool:
    """:func:`float_free` of *type_*, remembered by *converter*."""
    known = converter.float_free_types.get(type_)
    if known is None:
        known = converter.float_free_types[type_] = float_free(type_)
    return known


def write_json(
    data: Any,
    *,
    indent: int | None = 2,
    of: Any = None,
    orjson: bool = True,
    converter: DocumentConverter = CONVERTER,
) -> str:
    """Write plain data as JSON, keeping non-ASCII letters (å, ä, ö) as they are.

    With orjson installed (the ``fast`` extra), *orjson* true and *of*, the type the data was
    unstructured from, holding no float, orjson writes it: the same text, several times faster.
    Anything orjson refuses (an integer of more than 64 bits, a lone surrogate) goes to the json
    module. Whether *of* holds a float is remembered by *converter*, the one that wrote *data*.
    """
    if orjson and of is not None and indent in (None, 2) and _float_free_of(converter, of):
        fast = _orjson()
        if fast is not None:
            try:
                written: bytes = fast.dumps(data, option=fast.OPT_INDENT_2 if indent else 0)
            except TypeError:  # orjson.JSONEncodeError: write it with the json module below
                pass
            else:
                return written.decode()
    import json  # on first use: the import of the library does not load json

    separators = None if indent is not None else (",", ":")
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    except (TypeError, ValueError) as error:  # not plain data, a reference cycle, 4301 digits
        raise _unwritable(data, "JSON", error) from None


_PLAIN: Final = (str, int, float, bool, type(None))


def _find_unplain(data: Any, path: str = "", depth: int = 0) -> tuple[str, Any] | None:
    """The path and value of the first item of *data* that is not plain data, if any."""
    if isinstance(data, _PLAIN):
        return None
    if depth < 100:
        if isinstance(data, list):
            for index, item in enumerate(data):
                found = _find_unplain(item, f"{path}[{index}]", depth + 1)
                if found is not None:
                    return found
            return None
        if isinstance(data, dict) and all(type(key) is str for key in data):
            for key, item in data.items():
                found = _find_unplain(item, join_path(path, key_path(key)), depth + 1)
                if found is not None:
                    return found
            return None
    return path, data


def _unwritable(data: Any, form: str, error: Exception) -> ValidationError:
    """The error for *data* that the *form* writer refused with *error*."""
    found = _find_unplain(data)
    if found is None:  # plain, but refused: an integer of more than 4300 digits
        return ValidationError.single(
            "", MISSING, f"cannot be written to {form}: {error}", Code.NOT_WRITABLE, form=form
        )
    path, value = found
    return ValidationError.single(
        path,
        value,
        f"cannot be written to {form}: only text, numbers, booleans, null, lists and objects "
        "with text keys can (a field typed object holds plain data)",
        Code.NOT_WRITABLE,
        form=form,
    )


def json_document(
    obj: object, *, indent: int | None = 2, registry: Registry = REGISTRY, orjson: bool = True
) -> str:
    """Write *obj* as a JSON document: the text of :func:`~registry.envelope`'s data.

    *obj* is unstructured by :data:`~converter.CONVERTER` (cattrs' generated functions), then
    written by orjson when it may (see :func:`write_json`); *orjson* false writes with the
    json module alone.
    """
    data = envelope(obj, CONVERTER, registry)
    return write_json(data, indent=indent, of=type(obj), orjson=orjson)


def _plain_toml(value: Any) -> Any:
    """Turn TOML's own date and time values into :class:`TomlTemporal` texts."""
    if isinstance(value, dict):
        return {key: _plain_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_toml(item) for item in value]
    if isinstance(value, dt.date | dt.time):
        return TomlTemporal(value.isoformat())
    return value


def _tomllib() -> types.ModuleType:
    import tomllib  # on first use: reading TOML is rarer than importing the library

    return tomllib


def parse_toml(text: object, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse TOML text within *limits*; TOML dates and times become :class:`TomlTemporal`."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _not_utf8(error, "is not UTF-8 text") from None
    if not isinstance(text, str):
        raise _wrong_type(text, "TOML text (str or bytes)", Expected.TEXT)
    text = text.removeprefix(BOM)
    check_text(text, limits, toml=True)
    try:
        data = _tomllib().loads(text)
    except ValueError as error:  # TOMLDecodeError: "(at line 3, column 7)" or the end
        end = f"(at the end of the document, {where_in_text(text, len(text))})"
        message = str(error).replace("(at end of document)", end)
        line, column = _toml_position(text, str(error))
        code = _toml_code(message)
        bare = _bare_value(text, line, column)
        if bare is not None:
            hinted, params = bare
            raise _coded_error(
                MISSING, f"is not valid TOML: {message}; {_BARE_HINTS[hinted]}", hinted, **params
            ) from None
        given = {"given": _toml_token(text, line, column)} if code is Code.TOML_BAD_DATE else {}
        raise _coded_error(
            MISSING, f"is not valid TOML: {message}", code, line=line, column=column, **given
        ) from None
    except RecursionError:
        raise too_deep(text, limits, toml=True) from None
    check_data(data, limits)
    return _plain_toml(data)


def _find_none(data: Any, path: str = "") -> str | None:
    if data is None:
        return path
    if isinstance(data, dict):
        for key, item in data.items():
            found = _find_none(item, join_path(path, key_path(key)))
            if found is not None:
                return found
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found = _find_none(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None


def write_toml(data: Any) -> str:
    """Write plain data as TOML; refuse what TOML cannot hold (a null, a non-table top level)."""
    if not isinstance(data, dict):
        raise _wrong_type(
            data, "an object to be written as TOML (TOML's top level is a table)", Expected.TABLE
        )
    where = _find_none(data)
    if where is not None:
        raise ValidationError.single(
            where,
            None,
            "cannot be written to TOML, which has no null; an optional field of a class is left "
            "out and an optional text, number or date is written as [], but this type has no "
            "such stand-in (JSON can hold it)",
            Code.TOML_NULL,
        )
    import tomli_w  # on first use, like the TOML reader

    try:
        return tomli_w.dumps(data)
    except (TypeError, ValueError) as error:  # not plain data, a reference cycle, 4301 digits
        raise _unwritable(data, "TOML", error) from None


def suffix_of(path: Path) -> str:
    """The format of a file from its name: ``"json"`` or ``"toml"``."""
    suffix = path.suffix.lower()
    if suffix not in (".json", ".toml"):
        raise ValidationError.single(
            "path",
            str(path),
            "must end in .json or .toml (the format is chosen by the suffix)",
            Code.BAD_SUFFIX,
            given=str(path),
        )
    return suffix[1:]
