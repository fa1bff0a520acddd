"""Limits on untrusted document text, checked before and right after parsing (private).

A document is read from text someone else wrote. Python's parsers have costs that grow faster
than the text: ``tomllib`` is quadratic in the parts of one dotted key (``a.a.a.… = 1``: 16,000
parts cost a gigabyte), an integer of more than 4,300 digits cannot be converted, and nesting
ends in a ``RecursionError``. :func:`check_text` refuses such text *before* it is parsed, in
linear passes over its bytes (a translation table first, regular expressions that cannot
backtrack far only where it finds a candidate); :func:`check_data` walks the parsed data once,
in document order (iteratively, so depth costs no stack) for the limits that need the structure:
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


def place_in_bytes(data: bytes, position: int) -> tuple[int, int]:
    """The line and column of byte *position* of *data* (columns counted in bytes)."""
    line = data.count(b"\n", 0, position) + 1
    column = position - (data.rfind(b"\n", 0, position) + 1) + 1
    return line, column


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


_DIGIT_RUNS: Final = bytes(
    ord("0") if chr(byte) in "0123456789_" else ord(" ") for byte in range(256)
)
"""A byte translation table: digits and underscores to ``0``, every other byte to a space."""


def check_text(text: str | bytes | bytearray, limits: Limits, *, toml: bool) -> None:
    """Refuse document text that is too big, or whose parsing would cost too much.

    Linear in the text: every pattern is matched at most a bounded number of characters past
    each position, and a dotted key is only followed up to ``max_key_parts`` parts.

    Raises:
        ValidationError: With an empty path and the line and column of what is refused.
    """
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    size = len(raw)
    if size > limits.max_bytes:
        raise _refuse(
            f"is a document of {size} bytes, more than the limit of {limits.max_bytes} "
            "(Limits.max_bytes)",
            ProblemCode.LIMIT_BYTES,
            size=size,
            limit=limits.max_bytes,
        )
    if isinstance(text, bytes | bytearray):
        text = raw.decode("utf-8", "replace")  # only to find positions; parsed as given
    digits = min(limits.max_number_digits, _PYTHON_DIGITS)
    # A number of more than *digits* digits is a run of more than *digits* digits and
    # underscores: looked for first with a byte translation and a substring search (a few
    # milliseconds for megabytes, where the regular expression tries every position).
    if b"0" * (digits + 1) in raw.translate(_DIGIT_RUNS):
        found = re.search(rf"[0-9](?:_?[0-9]){{{digits}}}", text)
        if found is not None:
            raise _refuse(
                f"holds a number of more than {digits} digits at "
                f"{where_in_text(text, found.start())} (Limits.max_number_digits)",
                ProblemCode.LIMIT_DIGITS_AT,
                limit=digits,
                **_position(text, found.start()),
            )
    if toml and raw.count(b".") >= limits.max_key_parts:  # else no key has that many parts
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


_Place = tuple[Any, ...]
"""Where a value is: ``()`` for the whole document, else ``(parent's place, key, is_index)``.

Built only for containers and for a value that has a problem; the path text is written only
for a problem, so a valid document costs no string building."""


def _path(place: _Place) -> str:
    """The path of *place*, as the library writes it (``call_offs[3].lines[0].quantity``)."""
    keys: list[tuple[object, bool]] = []
    while place:
        place, key, is_index = place
        keys.append((key, is_index))
    path = ""
    for key, is_index in reversed(keys):
        path = f"{path}[{key}]" if is_index else join_path(path, key_path(key))
    return path


def check_data(data: Any, limits: Limits) -> None:
    """Refuse parsed data beyond *limits*, or holding text no document may hold.

    One iterative walk in document order (a stack of the open containers' iterators): the cost
    is linear in the data and independent of its depth, and a path is written only for a
    problem, so a valid document costs no string building.

    Raises:
        ValidationError: Every problem found (at most 100), each with its path.
    """
    problems: list[Problem] = []
    # An int of more than max_number_digits digits is at least 10**max_number_digits. The text
    # was refused before parsing if it held more than Python's 4,300 digits, so a higher limit
    # needs no comparison (and no huge power of ten).
    digits = limits.max_number_digits
    bound = 10**digits if digits <= _PYTHON_DIGITS else None
    short = min(digits, limits.max_text_length)  # a text no longer needs no length check
    deepest, longest_key = limits.max_depth, limits.max_key_length
    longest_list = limits.max_list_length
    stack: list[tuple[Any, _Place, int, bool]] = []
    if type(data) in (dict, list, KeysTwice):
        _open(data, (), 0, limits, stack, problems)
    else:
        _leaf(data, (), limits, bound, problems)
    while stack and len(problems) < 100:
        entries, place, depth, is_list = stack[-1]
        for key, item in entries:
            # The common cases, settled without a call: a printable text holds no control
            # character, lone surrogate or noncharacter (none of them is printable), and a
            # text no longer than *short* is within the length and digit limits.
            kind = type(item)
            if kind is str:
                if len(item) <= short and item.isprintable():
                    continue
            elif kind is int:
                if bound is None or -bound < item < bound:
                    continue
            elif kind is bool or item is None:
                continue
            if kind is dict or kind is list or kind is KeysTwice:
                child = (place, key, is_list)
                # Within every limit (the common case), opened here without a call.
                if depth + 1 >= deepest:
                    _open(item, child, depth + 1, limits, stack, problems)
                elif kind is list:
                    if len(item) <= longest_list:
                        stack.append((enumerate(item), child, depth + 1, True))
                    else:
                        _open(item, child, depth + 1, limits, stack, problems)
                elif (
                    kind is dict
                    and len(keys := "".join(item)) <= longest_key
                    and keys.isprintable()
                ):
                    stack.append((iter(item.items()), child, depth + 1, False))
                else:
                    _open(item, child, depth + 1, limits, stack, problems)
                break
            _leaf(item, (place, key, is_list), limits, bound, problems)
            if len(problems) >= 100:
                break
        else:
            stack.pop()
    if problems:
        raise ValidationError(problems)


def _leaf(
    value: Any, place: _Place, limits: Limits, bound: int | None, problems: list[Problem]
) -> None:
    """Check *value*, which is no container, adding its problem if any."""
    kind = type(value)
    if kind is str:
        _check_str(value, place, limits, problems)
    elif kind is int:
        if bound is not None and not -bound < value < bound:
            problems.append(
                Problem(
                    path=_path(place),
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
                path=_path(place),
                value=value,
                message="must be a finite number; a document holds no NaN or infinity",
                code=ProblemCode.NOT_FINITE,
                params={"given": repr(value)},
            )
        )


def _open(
    value: Any,
    place: _Place,
    depth: int,
    limits: Limits,
    stack: list[tuple[Any, _Place, int, bool]],
    problems: list[Problem],
) -> None:
    """Check the container *value* itself, and put its entries on *stack* unless refused."""
    if type(value) is KeysTwice:
        problems.extend(
            Problem(
                path=_path((place, key, False)),
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
                path=_path(place),
                value=MISSING,
                message=f"is nested more than {limits.max_depth} levels deep (Limits.max_depth)",
                code=ProblemCode.LIMIT_DEPTH,
                params={"limit": limits.max_depth},
            )
        )
        return
    if type(value) is list:
        if len(value) > limits.max_list_length:
            problems.append(
                Problem(
                    path=_path(place),
                    value=f"[{len(value)} items]",
                    message=f"is a list of {len(value)} items, more than the limit of "
                    f"{limits.max_list_length} (Limits.max_list_length)",
                    code=ProblemCode.LIMIT_LIST,
                    params={"count": len(value), "limit": limits.max_list_length},
                )
            )
            return
        stack.append((enumerate(value), place, depth, True))
        return
    longest = limits.max_key_length
    keys = "".join(value)  # the keys of parsed JSON and TOML are text
    refused: set[str] = set()
    if not keys.isprintable() or (len(keys) > longest and any(len(key) > longest for key in value)):
        refused = {
            key
            for key in value
            if len(key) > longest or not key.isprintable()
            if len(key) > longest or text_problem(key) is not None
        }
        for key in refused:
            _check_key(key, place, limits, problems)
    entries = value.items()
    if refused:
        entries = [(key, item) for key, item in entries if key not in refused]
    stack.append((iter(entries), place, depth, False))


def _short(text: str) -> str:
    """*text*, cut after 40 characters."""
    return text[:40] + "…" if len(text) > 40 else text


def _check_key(key: str, place: _Place, limits: Limits, problems: list[Problem]) -> None:
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
            path=_path((place, shown, False)),
            value=shown,
            message=reason,
            code=code,
            params=params,
        )
    )


def _check_str(value: str, place: _Place, limits: Limits, problems: list[Problem]) -> None:
    if len(value) > limits.max_text_length:
        problems.append(
            Problem(
                path=_path(place),
                value=_short(value),
                message=f"is a text of {len(value)} characters, more than the limit of "
                f"{limits.max_text_length} (Limits.max_text_length)",
                code=ProblemCode.LIMIT_TEXT,
                params={"count": len(value), "limit": limits.max_text_length},
            )
        )
        return
    if not value.isprintable():
        found = text_problem(value)
        if found is not None:
            reason, code, params = found
            problems.append(
                Problem(path=_path(place), value=value, message=reason, code=code, params=params)
            )
            return
    if len(value) > limits.max_number_digits and re.fullmatch(_LONG_NUMBER, value):
        problems.append(
            Problem(
                path=_path(place),
                value=_short(value),
                message=f"is a number of more than {limits.max_number_digits} digits "
                "(Limits.max_number_digits)",
                code=ProblemCode.LIMIT_DIGITS,
                params={"limit": limits.max_number_digits},
            )
        )


_LONG_NUMBER: Final = r"(?a)[+-]?[0-9]*\.?[0-9]*"
