"""Limits on untrusted document text, checked before and right after parsing (private).

A document is read from text someone else wrote. Python's parsers have costs that grow faster
than the text: ``tomllib`` is quadratic in the parts of one dotted key (``a.a.a.… = 1``: 16,000
parts cost a gigabyte), an integer of more than 4,300 digits cannot be converted, and nesting
ends in a ``RecursionError``. :func:`check_text` refuses such text *before* it is parsed, in
one linear pass of regular expressions that cannot backtrack far; :func:`check_data` walks the
parsed data once (iteratively, so depth costs no stack) for the limits that need the structure:
nesting depth, key length, text length, list length, digits of a number, and text that cannot
be written as UTF-8 (a lone surrogate) or holds a control character other than tab, line feed
and carriage return. Each refusal is a :class:`~ledarutveckling.ValidationError`; the ones of
:func:`check_text` give the line and column, the ones of :func:`check_data` the path.

The defaults (:data:`DEFAULT_LIMITS`) are far above any real document of the library; a caller
reading bigger documents passes its own :class:`Limits` to ``from_json``, ``from_toml`` and
``load``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Final

import attrs

from ledarutveckling._base.checks import NONCHARACTERS, noncharacter
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling.errors import MISSING, Problem, ValidationError, join_path, key_path


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        raise ValidationError.single(
            attribute.name,
            value,
            "must be a whole number of at least 1",
            ProblemCode.TOO_SMALL,
            given=value if type(value) is int else None,
            least=1,
        )


@attrs.frozen(kw_only=True)
class Limits:
    """The most a document may hold before it is refused unread; every default can be raised.

    Attributes:
        max_bytes: The size of the document's text, in bytes of UTF-8 (10 MB).
        max_depth: How deeply lists and objects (tables) may be nested (64).
        max_key_length: The characters of one key (256).
        max_key_parts: The parts of one dotted TOML key, ``a.b.c`` has 3 (64).
        max_number_digits: The digits of a number: an integer, or a decimal written as text
            such as ``"12500.50"`` (200).
        max_text_length: The characters of one text (100,000).
        max_list_length: The items of one list (100,000).

    Examples:
        >>> from ledarutveckling.serialization import Limits, from_json
        >>> from_json(list[int], "[1, 2, 3]", limits=Limits(max_list_length=2))
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: is a list of 3 items, more than the limit of 2 ...
    """

    max_bytes: int = attrs.field(default=10_000_000, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_key_length: int = attrs.field(default=256, validator=_positive)
    max_key_parts: int = attrs.field(default=64, validator=_positive)
    max_number_digits: int = attrs.field(default=200, validator=_positive)
    max_text_length: int = attrs.field(default=100_000, validator=_positive)
    max_list_length: int = attrs.field(default=100_000, validator=_positive)


DEFAULT_LIMITS: Final = Limits()
"""The limits a reader applies when the caller gives none."""


_PYTHON_DIGITS: Final = 4300
"""The most digits Python converts to an integer (``sys.get_int_max_str_digits()``'s default)."""


def _position(text: str, position: int) -> dict[str, int]:
    """The line and column of character *position* of *text*, as a problem's parameters."""
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return {"line": line, "column": column}


def where_in_text(text: str, position: int) -> str:
    """The line and column of character *position* of *text*: ``"line 3, column 7"``."""
    return "line {line}, column {column}".format(**_position(text, position))


def _refuse(message: str, code: ProblemCode, /, **params: object) -> ValidationError:
    return ValidationError(
        [Problem(path="", value=MISSING, message=message, code=code, params=params)]
    )


class KeysTwice(dict[str, Any]):
    """A JSON object that holds a key more than once (the last value kept), with those keys.

    :func:`check_data` refuses it at the path of each such key, so that a duplicate deep in a
    document is found where it is.
    """

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.twice: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in self.twice:
                self.twice.append(key)
            seen.add(key)


def where_in_bytes(data: bytes, position: int) -> str:
    """The line and column of byte *position* of *data* (columns counted in bytes)."""
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    return f"line {line}, column {column}"


_NESTING_JSON: Final = r"\"(?:[^\"\\\n]|\\.)*\"|[\[{\]}]"
_NESTING_TOML: Final = r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'|#[^\n]*|[\[{\]}]"
"""What the nesting scan looks at: strings (and TOML comments), skipped whole, and brackets."""


def too_deep(text: str, limits: Limits, *, toml: bool) -> ValidationError:
    """The error for *text* that the parser found nested too deeply to read, with its place.

    Called when the parser gave up (a RecursionError): one linear scan finds where lists and
    objects first nest deeper than ``limits.max_depth`` (at most 500, below the parser's own
    limit), skipping brackets in strings (and in TOML comments).
    """
    depth, deepest = 0, min(limits.max_depth, 500)
    for found in re.finditer(_NESTING_TOML if toml else _NESTING_JSON, text):
        token = found.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                return _refuse(
                    f"is nested more than {deepest} levels deep at "
                    f"{where_in_text(text, found.start())} (Limits.max_depth)",
                    ProblemCode.LIMIT_DEPTH,
                    limit=deepest,
                )
        elif token in "]}":
            depth = max(depth - 1, 0)
    return _refuse(  # pragma: no cover - the scan finds it
        "is nested too deeply to be read", ProblemCode.LIMIT_DEPTH, limit=deepest
    )


_KEY_PART: Final = r"(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]++|\"[^\"\n]*+\"|'[^'\n]*+')"
"""One part of a dotted key. A bare part starts only where a run of key characters starts and
is taken whole (possessive, ``++``): tried at every character of a long run, with
backtracking, the scan took quadratic time (80 KB of letters in one text: 100 s)."""


def _dotted(parts: int) -> re.Pattern[str]:
    """A dotted key of more than *parts* parts, found in time linear in the text.

    Each alternative is bounded by a line and tried from each place at most once.
    """
    return re.compile(rf"{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{parts}}}")


def check_text(text: str | bytes | bytearray, limits: Limits, *, toml: bool) -> None:
    """Refuse document text that is too big, or whose parsing would cost too much.

    Linear in the text: every pattern is matched at most a bounded number of characters past
    each position, and a dotted key is only followed up to ``max_key_parts`` parts.

    Raises:
        ValidationError: With an empty path and the line and column of what is refused.
    """
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > limits.max_bytes:
        raise _refuse(
            f"is a document of {size} bytes, more than the limit of {limits.max_bytes} "
            "(Limits.max_bytes)",
            ProblemCode.LIMIT_BYTES,
            size=size,
            limit=limits.max_bytes,
        )
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", "replace")  # only to find positions; parsed as given
    digits = min(limits.max_number_digits, _PYTHON_DIGITS)
    found = re.search(rf"[0-9](?:_?[0-9]){{{digits}}}", text)
    if found is not None:
        raise _refuse(
            f"holds a number of more than {digits} digits at {where_in_text(text, found.start())} "
            "(Limits.max_number_digits)",
            ProblemCode.LIMIT_DIGITS_AT,
            limit=digits,
            **_position(text, found.start()),
        )
    if toml:
        found = _dotted(limits.max_key_parts).search(text)
        if found is not None:
            raise _refuse(
                f"holds a dotted key of more than {limits.max_key_parts} parts at "
                f"{where_in_text(text, found.start())} (Limits.max_key_parts)",
                ProblemCode.LIMIT_KEY_PARTS,
                limit=limits.max_key_parts,
                **_position(text, found.start()),
            )


_CONTROL: Final = rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}]"
"""Characters no text of a document may hold: C0 controls but tab, line feed and carriage
return, DEL, C1 controls, lone surrogates (which cannot be written as UTF-8) and Unicode's
noncharacters (U+FFFF cannot be written in XML)."""


def text_problem(value: str) -> tuple[str, ProblemCode, dict[str, object]] | None:
    """Why *value* may not be text in a document (a control character, a lone surrogate).

    The English message, the problem's code and its parameters: the character as ``U+001B``
    and its position counted from 1.
    """
    found = re.search(_CONTROL, value)
    if found is None:
        return None
    character = found.group()
    params: dict[str, object] = {
        "character": f"U+{ord(character):04X}",
        "position": found.start() + 1,
    }
    if ord(character) > 0x9F and not "\ud800" <= character <= "\udfff":
        return noncharacter(character, found.start())
    if "\ud800" <= character <= "\udfff":
        return (
            f"holds a lone surrogate (U+{ord(character):04X}) at index {found.start()}, "
            "which is not a character and cannot be written as UTF-8",
            ProblemCode.LONE_SURROGATE,
            params,
        )
    return (
        f"holds the control character U+{ord(character):04X} at index {found.start()}; text "
        "may hold no control characters but tab and line breaks",
        ProblemCode.CONTROL_CHARACTER,
        params,
    )


def check_data(data: Any, limits: Limits) -> None:
    """Refuse parsed data beyond *limits*, or holding text no document may hold.

    One iterative walk: the cost is linear in the data and independent of its depth.

    Raises:
        ValidationError: Every problem found (at most 100), each with its path.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack and len(problems) < 100:
        value, path, depth = stack.pop()
        kind = type(value)
        if kind is str:
            _check_str(value, path, limits, problems)
        elif kind is int:
            if value and len(str(abs(value))) > limits.max_number_digits:
                problems.append(
                    Problem(
                        path=path,
                        value=MISSING,
                        message=f"is a number of more than {limits.max_number_digits} digits "
                        "(Limits.max_number_digits)",
                        code=ProblemCode.LIMIT_DIGITS,
                        params={"limit": limits.max_number_digits},
                    )
                )
        elif kind is float and not math.isfinite(value):
            problems.append(
                Problem(
                    path=path,
                    value=value,
                    message="must be a finite number; a document holds no NaN or infinity",
                    code=ProblemCode.NOT_FINITE,
                    params={"given": repr(value)},
                )
            )
        elif kind is list or kind is dict or kind is KeysTwice:
            if kind is KeysTwice:
                problems.extend(
                    Problem(
                        path=join_path(path, key_path(key)),
                        value=MISSING,
                        message="appears twice in its object; each key may appear once",
                        code=ProblemCode.DUPLICATE,
                        params={"given": key},
                    )
                    for key in value.twice
                )
            if depth >= limits.max_depth:
                problems.append(
                    Problem(
                        path=path,
                        value=MISSING,
                        message=f"is nested more than {limits.max_depth} levels deep "
                        "(Limits.max_depth)",
                        code=ProblemCode.LIMIT_DEPTH,
                        params={"limit": limits.max_depth},
                    )
                )
                continue
            if kind is list:
                if len(value) > limits.max_list_length:
                    problems.append(
                        Problem(
                            path=path,
                            value=f"[{len(value)} items]",
                            message=f"is a list of {len(value)} items, more than the limit of "
                            f"{limits.max_list_length} (Limits.max_list_length)",
                            code=ProblemCode.LIMIT_LIST,
                            params={"count": len(value), "limit": limits.max_list_length},
                        )
                    )
                    continue
                stack.extend(
                    (item, f"{path}[{index}]", depth + 1)
                    for index, item in reversed(list(enumerate(value)))
                )
            else:
                for key, item in reversed(list(value.items())):
                    if type(key) is str and (
                        len(key) > limits.max_key_length or text_problem(key) is not None
                    ):
                        _check_key(key, path, limits, problems)
                        continue
                    stack.append((item, join_path(path, key_path(key)), depth + 1))
    if problems:
        raise ValidationError(problems)


def _short(text: str) -> str:
    """*text*, cut after 40 characters."""
    return text[:40] + "…" if len(text) > 40 else text


def _check_key(key: str, path: str, limits: Limits, problems: list[Problem]) -> None:
    shown = _short(key)
    found = text_problem(key)
    if found is None:
        found = (
            f"is a key of {len(key)} characters, more than the limit of {limits.max_key_length} "
            "(Limits.max_key_length)",
            ProblemCode.LIMIT_KEY,
            {"count": len(key), "limit": limits.max_key_length},
        )
    reason, code, params = found
    shown = shown.encode("utf-8", "backslashreplace").decode()
    problems.append(
        Problem(
            path=join_path(path, key_path(shown)),
            value=shown,
            message=reason,
            code=code,
            params=params,
        )
    )


def _check_str(value: str, path: str, limits: Limits, problems: list[Problem]) -> None:
    if len(value) > limits.max_text_length:
        problems.append(
            Problem(
                path=path,
                value=_short(value),
                message=f"is a text of {len(value)} characters, more than the limit of "
                f"{limits.max_text_length} (Limits.max_text_length)",
                code=ProblemCode.LIMIT_TEXT,
                params={"count": len(value), "limit": limits.max_text_length},
            )
        )
        return
    if not value.isascii() or not value.isprintable():
        found = text_problem(value)
        if found is not None:
            reason, code, params = found
            problems.append(
                Problem(path=path, value=value, message=reason, code=code, params=params)
            )
            return
    if len(value) > limits.max_number_digits and re.fullmatch(_LONG_NUMBER, value):
        problems.append(
            Problem(
                path=path,
                value=_short(value),
                message=f"is a number of more than {limits.max_number_digits} digits "
                "(Limits.max_number_digits)",
                code=ProblemCode.LIMIT_DIGITS,
                params={"limit": limits.max_number_digits},
            )
        )


_LONG_NUMBER: Final = r"(?a)[+-]?[0-9]*\.?[0-9]*"
