"""The library's exceptions.

Every error the library raises on purpose derives from :class:`LedarutvecklingError`.
Bad input — a document, a constructor argument, a value handed to a formatting function —
raises :class:`ValidationError`, which is also a :class:`ValueError` and carries every
:class:`Problem` found, each with the path to the bad field, the bad value and a message.

Messages are written in English: they are read by the developers who call the library.
User-facing text (reports, formatted values) is Swedish by default; see
:mod:`ledarutveckling.formatting`.

Examples:
    >>> from ledarutveckling import Problem, ValidationError
    >>> error = ValidationError([
    ...     Problem(path="lines[2].quantity", value=0, message="must be greater than 0"),
    ...     Problem(path="currency", value="sek", message="must be upper case, e.g. 'SEK'"),
    ... ])
    >>> print(error)
    lines[2].quantity: must be greater than 0, got 0
    currency: must be upper case, e.g. 'SEK', got 'sek'
    >>> print(error.with_prefix("call_offs[3]").problems[0])
    call_offs[3].lines[2].quantity: must be greater than 0, got 0
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

__all__ = [
    "MISSING",
    "CurrencyMismatchError",
    "LedarutvecklingError",
    "NotFoundError",
    "Problem",
    "ValidationError",
    "join_path",
    "key_path",
]


class _Missing(enum.Enum):
    """Marker for "no value was given" (a missing field), distinct from ``None``."""

    MISSING = enum.auto()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing.MISSING
"""The value of a :class:`Problem` about a field that was not given at all."""


_SHOWN: Final = 400
"""The longest repr of a bad value that an error's text shows whole, in characters."""


def _shown_value(value: object) -> str:
    """*value*'s repr as an error's text shows it: whole, or its two ends if it is long.

    A whole document or plan passed where a small value belongs would otherwise fill the
    screen (a plan's repr runs to tens of thousands of characters); the problem's ``value``
    keeps it whole.

    Examples:
        >>> _shown_value("sek")
        "'sek'"
        >>> _shown_value(list(range(1000)))
        '[0, 1, 2, 3, ..., 996, 997, 998, 999] (4890 characters in all)'
    """
    text = repr(value)
    if len(text) <= _SHOWN:
        return text
    return f"{text[:300]} ... {text[-80:]} ({len(text)} characters in all)"


def join_path(prefix: str, path: str) -> str:
    """Join two field paths: ``join_path("lines[2]", "quantity") == "lines[2].quantity"``.

    Args:
        prefix: The outer path, e.g. ``"call_offs[3]"``; may be empty.
        path: The inner path, e.g. ``"lines[0].quantity"`` or ``"[0]"``; may be empty.

    Returns:
        The joined path; an index (``[0]``) is appended without a dot.

    Examples:
        >>> join_path("call_offs[3]", "lines[0]")
        'call_offs[3].lines[0]'
        >>> join_path("lines", "[0].quantity")
        'lines[0].quantity'
        >>> join_path("", "term")
        'term'
    """
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


def key_path(key: object) -> str:
    """The path of one entry of a mapping, to be joined to the mapping's with :func:`join_path`.

    A key that is a name stays as it is (``answers.Q1``); any other text is quoted as in JSON
    (``values["2026-10"]``), and anything else is written as Python writes it. Documents and
    the models' own rules write the same path for the same entry.

    Examples:
        >>> join_path("answers", key_path("Q1"))
        'answers.Q1'
        >>> join_path("values", key_path("2026-10"))
        'values["2026-10"]'
        >>> join_path("rates", key_path(7))
        'rates[7]'
    """
    if isinstance(key, str):
        if key.isidentifier():
            return key
        import json  # on the first key that is not a name: the import need not load json

        return f"[{json.dumps(key, ensure_ascii=False)}]"
    return f"[{key!r}]"


def _copy(params: Mapping[str, object]) -> dict[str, object]:
    """A problem's own copy of its parameters."""
    return dict(params)


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input.

    Attributes:
        path: Where the bad value sits, from the root of what was checked, in the form
            ``"call_offs[3].lines[0].quantity"``; an empty string means the object itself.
        value: The bad value as given, or :data:`MISSING` (the default) when the field was
            not given. A document leaves ``value`` out for :data:`MISSING`.
        message: What is wrong and what would be valid, e.g. ``"must be greater than 0"``;
            written in English for developers. The anonymity audit's refusals are the one
            exception: they are written for the audience's reader, in the locale the audit
            was asked for ("publiceringen för HR kan inte granskas: …"), without a value.
        code: The rule broken, a stable code such as ``"ceiling-exceeded"`` (a member of
            ``ProblemCode``, see docs/messages.md), or ``None`` for a problem without one.
            Reports and the command line write the problem in the reader's language from
            the code's template in the message catalogue
            (:func:`ledarutveckling.formatting.format_problem`).
        params: The values the code's template names, as typed values (dates, ``Money``,
            numbers, text), e.g. ``{"excess": Money.sek("71461.16")}``. Not part of the
            problem's hash (the values need not be hashable).
    """

    path: str
    value: object = MISSING
    message: str
    code: str | None = None
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_copy, hash=False)

    def with_prefix(self, prefix: str) -> Problem:
        """Return the same problem seen from one level further out.

        Examples:
            >>> problem = Problem(path="quantity", value=0, message="must be > 0")
            >>> problem.with_prefix("lines[1]").path
            'lines[1].quantity'
        """
        return attrs.evolve(self, path=join_path(prefix, self.path))

    def __str__(self) -> str:
        text = f"{self.path}: {self.message}" if self.path else self.message
        if self.value is MISSING:
            return text
        return f"{text}, got {_shown_value(self.value)}"


class LedarutvecklingError(Exception):
    """Base class of every error this library raises on purpose."""


class ValidationError(LedarutvecklingError, ValueError):
    """Input that breaks a rule of the model, listing every problem found.

    Args:
        problems: One or more :class:`Problem` instances.

    Attributes:
        problems: The problems, in the order they were found.

    Raises:
        ValueError: If no problem is given (an error without a cause helps nobody).
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = tuple(problems)
        if not found:
            raise ValueError("ValidationError needs at least one Problem")
        self.problems = found
        super().__init__("\n".join(str(p) for p in found))

    @classmethod
    def single(
        cls,
        path: str,
        value: object,
        message: str,
        code: str | None = None,
        /,
        **params: object,
    ) -> ValidationError:
        """Build an error with one problem: *message* in English, *code* and *params* for readers.

        Examples:
            >>> str(ValidationError.single("amount", 1.5, "must be a Decimal, not a float"))
            'amount: must be a Decimal, not a float, got 1.5'
            >>> ValidationError.single("n", 0, "must be > 0", "too-small", least=1).problems[0].code
            'too-small'
        """
        return cls([Problem(path=path, value=value, message=message, code=code, params=params)])

    def with_prefix(self, prefix: str) -> ValidationError:
        """Return a copy whose problem paths start with *prefix* (as the error bubbles up)."""
        return ValidationError(p.with_prefix(prefix) for p in self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class NotFoundError(ValidationError, KeyError):
    """A look-up by code or key that found nothing, e.g. ``catalogue.program("NOPE")``.

    Every ``program()``, ``module()``, ``item()``, ``question()``, ``group()`` and ``change()``
    look-up raises it. It is a :class:`ValidationError` whose one problem names the argument
    (``code`` or ``key``), the value asked for and the codes there are; it is also a
    :class:`KeyError`, so ``except KeyError`` works as for a dict.

    Examples:
        >>> from ledarutveckling.examples import stockholm_catalogue
        >>> stockholm_catalogue().program("SVS").module("M9")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.NotFoundError: code: is not a module of program 'SVS' (codes: ...
    """

    @classmethod
    def single(
        cls,
        path: str,
        value: object,
        message: str,
        code: str | None = "not-found",
        /,
        **params: object,
    ) -> NotFoundError:
        """Build an error with one problem; its code is ``not-found`` with *value* as ``given``.

        Examples:
            >>> problem = NotFoundError.single("code", "M9", "is not a module").problems[0]
            >>> problem.code, dict(problem.params)
            ('not-found', {'given': 'M9'})
        """
        if code == "not-found" and not params:
            params = {"given": value}
        return cls([Problem(path=path, value=value, message=message, code=code, params=params)])


class CurrencyMismatchError(LedarutvecklingError, ValueError):
    """Arithmetic or comparison between :class:`~ledarutveckling.Money` in different currencies.

    Examples:
        >>> from ledarutveckling import Money
        >>> Money.sek("1") + Money.of("1", "EUR")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.CurrencyMismatchError: cannot add SEK and EUR; convert first
    """
