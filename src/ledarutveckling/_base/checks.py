"""Collecting validation problems so that a constructor reports all of them at once (private).

Model classes validate in ``__attrs_post_init__`` with a :class:`Checker`: each check records a
:class:`~ledarutveckling.errors.Problem` instead of raising, and :meth:`Checker.done` raises one
:class:`~ledarutveckling.errors.ValidationError` listing every problem.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Any, Final, Generic, TypeVar, overload

import pendulum

from ledarutveckling._base.messages import ProblemCode, choices
from ledarutveckling.errors import Problem, ValidationError

T = TypeVar("T")


E = TypeVar("E", bound=enum.Enum)


K = TypeVar("K")


V = TypeVar("V")


def as_tuple(value: Any) -> Any:
    """Convert a list to a tuple (attrs converter, lossless); leave the rest to the checks.

    Typed ``Any``: mypy's attrs plugin cannot use a generic converter (every call would
    fail with 'expected "T"'); the field's own type and the checks do the work.
    """
    if isinstance(value, list):
        return tuple(value)
    return value


def as_duration(value: Any) -> Any:
    """Convert a plain timedelta to a :class:`pendulum.Duration` (attrs converter, lossless)."""
    if isinstance(value, dt.timedelta) and not isinstance(value, pendulum.Duration):
        return pendulum.duration(
            days=value.days, seconds=value.seconds, microseconds=value.microseconds
        )
    return value


def as_date(value: Any) -> Any:
    """Convert a plain :class:`datetime.date` to :class:`pendulum.Date` (converter, lossless).

    A datetime and anything else is left alone, for the checks to refuse.
    """
    if (
        isinstance(value, dt.date)
        and not isinstance(value, dt.datetime)
        and not isinstance(value, pendulum.Date)
    ):
        return pendulum.Date(value.year, value.month, value.day)
    return value


class ReadOnlyMapping(Mapping[K, V], Generic[K, V]):
    """A read-only copy of a mapping that, unlike ``MappingProxyType``, can be pickled.

    It holds the mappings inside the value objects (a response's answers, for one). It compares
    equal to any mapping with the same items and shows itself as a dict. It is public as
    ``ledarutveckling.ReadOnlyMapping`` so that a pickle of a value object names only public
    modules: it pickles as that class and a plain dict of its items.

    Examples:
        >>> from ledarutveckling import ReadOnlyMapping
        >>> answers = ReadOnlyMapping({"Q1": 5})
        >>> answers, answers == {"Q1": 5}, ReadOnlyMapping.__module__
        ({'Q1': 5}, True, 'ledarutveckling')
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V]) -> None:
        self._data = dict(data)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # The dict's own (read-only) views and lookups: the inherited ones go through
    # __getitem__ item by item, which the audit and the pooling of answers do millions of times.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    @overload
    def get(self, key: K, /) -> V | None: ...

    @overload
    def get(self, key: K, /, default: V | T) -> V | T: ...

    def get(self, key: K, /, default: object = None) -> object:
        """The value of *key*, or *default* (``None``) if it has none."""
        return self._data.get(key, default)

    def keys(self) -> KeysView[K]:
        """The keys, as a read-only view."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """The values, as a read-only view."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """The (key, value) pairs, as a read-only view."""
        return self._data.items()

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[type[ReadOnlyMapping[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))


def as_read_only(value: Any) -> Any:
    """Copy a mapping into a :class:`ReadOnlyMapping` (converter, lossless); leave the rest."""
    if isinstance(value, Mapping) and not isinstance(value, ReadOnlyMapping):
        return ReadOnlyMapping(value)
    return value


NONCHARACTERS: Final = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
"""The 66 noncharacters of Unicode, as the inside of a character class: never text to
exchange, and U+FFFE and U+FFFF cannot be written in XML (a Peppol invoice)."""
_CONTROLS: Final = rf"[\x00-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}]"
_SPACES_IN_A_ROW: Final = re.compile(r"\s\s")
"""Two spaces (of any kind) in a row: in a name, almost surely a slip that makes another name."""
_CONTROLS_MULTILINE: Final = rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{NONCHARACTERS}]"


def noncharacter(character: str, index: int) -> tuple[str, ProblemCode, dict[str, object]]:
    """The problem of the noncharacter *character* at *index* of a text (see NONCHARACTERS)."""
    return (
        f"holds the noncharacter U+{ord(character):04X} at index {index}, which does not "
        "belong in text and cannot be written in XML",
        ProblemCode.NONCHARACTER,
        {"character": f"U+{ord(character):04X}", "position": index + 1},
    )


def _bad_character(
    value: str, *, multiline: bool
) -> tuple[str, ProblemCode, dict[str, object]] | None:
    """Why *value* may not be text: a control character or a lone surrogate, if it holds one.

    The English message, the code and its parameters (the character as ``U+001B``, its
    position counted from 1).
    """
    found = re.search(_CONTROLS_MULTILINE if multiline else _CONTROLS, value)
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
            f"holds a lone surrogate (U+{ord(character):04X}) at index {found.start()}, which is "
            "not a character and cannot be written as UTF-8",
            ProblemCode.LONE_SURROGATE,
            params,
        )
    allowed = "tabs and line breaks" if multiline else "none"
    return (
        f"holds the control character U+{ord(character):04X} at index {found.start()}; "
        f"control characters allowed here: {allowed}",
        ProblemCode.CONTROL_CHARACTER,
        params,
    )


class Checker:
    """Records problems; :meth:`done` raises them together."""

    def __init__(self, prefix: str = "") -> None:
        """Start an empty list of problems; every path gets *prefix* in front."""
        self.prefix = prefix
        self.problems: list[Problem] = []

    def add(
        self,
        path: str,
        value: object,
        message: str,
        code: ProblemCode | None = None,
        /,
        **params: object,
    ) -> None:
        """Record one problem: *message* in English, *code* and *params* for the catalogue."""
        self.problems.append(
            Problem(path=path, value=value, message=message, code=code, params=params).with_prefix(
                self.prefix
            )
        )

    def extend(self, error: ValidationError, path: str = "") -> None:
        """Record every problem of *error*, seen from *path*."""
        for problem in error.problems:
            self.problems.append(problem.with_prefix(path).with_prefix(self.prefix))

    def run(self, path: str, check: Callable[[], Any]) -> None:
        """Call *check*; record the problems of any ValidationError it raises under *path*."""
        try:
            check()
        except ValidationError as error:
            self.extend(error, path)

    def text(
        self, path: str, value: object, *, empty_ok: bool = False, multiline: bool = False
    ) -> bool:
        """A string, not blank unless *empty_ok*, without leading or trailing whitespace.

        It may hold no control character (C0, DEL, C1) and no lone surrogate; with
        *multiline*, tabs and line breaks (line feed, carriage return) are allowed.
        """
        if (
            type(value) is str
            and (value or empty_ok)
            and value.strip() == value
            and (value.isprintable() or not _bad_character(value, multiline=multiline))
        ):
            return True  # the common case: one strip, one isprintable
        if not isinstance(value, str):
            self.add(path, value, "must be text", ProblemCode.NOT_TEXT)
            return False
        if not empty_ok and not value.strip():
            self.add(path, value, "must not be empty", ProblemCode.EMPTY_TEXT)
            return False
        if value != value.strip():
            self.add(path, value, "must not start or end with whitespace", ProblemCode.WHITESPACE)
            return False
        found = _bad_character(value, multiline=multiline)
        if found is not None:
            message, code, params = found
            self.add(path, value, message, code, **params)
            return False
        return True  # pragma: no cover - the common case above took it

    def name(self, path: str, value: object) -> bool:
        """A name compared with others (a facilitator's, a room's): text, no two spaces in a row.

        ``"Åsa  Öberg"`` would count as another person than ``"Åsa Öberg"``, and ``"Sal  A"``
        as another room than ``"Sal A"``, each free when the other is booked, without a word;
        it is refused rather than changed (values are never silently coerced).
        """
        if not self.text(path, value):
            return False
        assert isinstance(value, str)  # text() checked it
        if _SPACES_IN_A_ROW.search(value) is None:
            return True
        import json  # on first use: only this error needs it

        self.add(
            path,
            value,
            "must not hold two spaces in a row: it would be another name",
            ProblemCode.SPACES_IN_NAME,
            given=json.dumps(value, ensure_ascii=False),  # quoted: the spaces show
        )
        return False

    def integer(
        self, path: str, value: object, *, minimum: int | None = None, maximum: int | None = None
    ) -> bool:
        """An int (not a bool) within the bounds given."""
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path, value, "must be a whole number (int)", ProblemCode.NOT_WHOLE_NUMBER)
            return False
        if minimum is not None and value < minimum:
            self.add(
                path,
                value,
                f"must be at least {minimum}",
                ProblemCode.TOO_SMALL,
                given=value,
                least=minimum,
            )
            return False
        if maximum is not None and value > maximum:
            self.add(
                path,
                value,
                f"must be at most {maximum}",
                ProblemCode.TOO_LARGE,
                given=value,
                most=maximum,
            )
            return False
        return True

    def member(self, path: str, value: object, enum_type: type[E]) -> bool:
        """A member of *enum_type*; the message lists the valid values."""
        if isinstance(value, enum_type):
            return True
        valid = ", ".join(repr(m.value) for m in enum_type)
        self.add(
            path,
            value,
            f"must be a {enum_type.__name__} ({valid})",
            ProblemCode.NOT_ONE_OF,
            valid=choices(enum_type),
        )
        return False

    def instance(self, path: str, value: object, kind: type[Any], what: str) -> bool:
        """An instance of *kind*, described to the user as *what*."""
        if isinstance(value, kind):
            return True
        self.add(path, value, f"must be {what}", ProblemCode.WRONG_TYPE)
        return False

    def items(self, path: str, value: object, kind: type[T], what: str) -> list[T]:
        """A tuple whose every item is a *kind*; returns the good items."""
        if not isinstance(value, tuple):
            self.add(path, value, f"must be a list of {what}", ProblemCode.NOT_A_LIST)
            return []
        good: list[T] = []
        for index, item in enumerate(value):
            if self.instance(f"{path}[{index}]", item, kind, what):
                good.append(item)
        return good

    def unique(self, path: str, keys: Iterable[object], what: str) -> None:
        """Record every key that appears a second time, at its own index."""
        seen: set[object] = set()
        for index, key in enumerate(keys):
            if key in seen:
                self.add(
                    f"{path}[{index}]",
                    key,
                    f"duplicate {what}; each must be unique",
                    ProblemCode.DUPLICATE,
                    given=key,
                )
            seen.add(key)

    def done(self) -> None:
        """Raise one ValidationError with every problem recorded, if any."""
        if self.problems:
            raise ValidationError(self.problems)
