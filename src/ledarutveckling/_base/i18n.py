"""Locale handling and the one Swedish/English text mechanism (private).

Every text the library writes in both Swedish and English lives in a :class:`Words` table:
a frozen mapping ``key -> (Swedish, English)``, looked up with :meth:`Words.text` (the text
as written) or :meth:`Words.format` (a ``str.format`` template filled in with named values,
for sentences whose word order differs between the languages: ``"{n} kohorter"`` /
``"{n} cohorts"``). Keys are short strings for a module's word table, or enum members for an
enum's labels; an enum gets ``label(locale)`` by mixing in :class:`Labelled` and returning its
table from ``_labels()``.

A table checks itself when it is built, so a gap fails at import rather than in front of a
user: every entry must be a (Swedish, English) pair of non-blank texts, and a table given
``keys=`` (e.g. every member of an enum) must have exactly those keys. The tests also scan
the package for any other ``== "sv"`` choice of language; this module is the only place the
language is decided.

The same tables are meant to hold parametrised message templates, e.g. a catalogue of
problem codes next to the labels here in ``_base``::

    MESSAGES = Words({"E001": ("måste vara minst {least}", "must be at least {least}")})
    MESSAGES.format("E001", locale, least=1)

With the codes as an enum, ``keys=ProblemCode`` makes a code without texts fail at import,
and tests/test_i18n.py checks that every table in the package gives both languages of a
template the same fields. Keeping them in one kind of table means one lookup, one
completeness check and one test for all of them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any, Final, Generic, Literal, TypeVar

from babel import Locale, UnknownLocaleError

from ledarutveckling.errors import NotFoundError, ValidationError

Language = Literal["sv", "en"]


DEFAULT_LOCALE: Final = "sv_SE"
"""The locale every user-facing function uses unless told otherwise."""


_MESSAGE: Final = "must be a Swedish or English locale such as 'sv_SE' or 'en_GB'"


@cache
def _parse(locale: str) -> Locale | None:
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError, AttributeError):
        return None
    return parsed if parsed.language in ("sv", "en") else None


def babel_locale(locale: object) -> Locale:
    """Return the Babel locale for *locale*, which must be Swedish or English.

    Raises:
        ValidationError: For anything else, with the path ``locale``.
    """
    parsed = _parse(locale) if isinstance(locale, str) else None
    if parsed is None:
        raise ValidationError.single(
            "locale",
            locale,
            _MESSAGE,
            "unknown-locale",
            given=locale if isinstance(locale, str) else None,
        )
    return parsed


def language(locale: object) -> Language:
    """Return ``"sv"`` or ``"en"`` for a Swedish or English locale; see :func:`babel_locale`."""
    return "sv" if babel_locale(locale).language == "sv" else "en"


K = TypeVar("K", bound=Hashable)


class Words(Mapping[K, tuple[str, str]], Generic[K]):
    """A frozen table of texts: ``key -> (Swedish, English)``.

    Args:
        entries: Every key's Swedish and English text; either may be a ``str.format``
            template (see :meth:`format`).
        keys: If given, the keys the table must have, no more and no fewer (e.g. an enum's
            members, so a new member without a label fails at import).

    Raises:
        ValidationError: If an entry is not a pair of non-blank texts (path ``entries[key]``)
            or the keys differ from *keys* (path ``entries``).

    Examples:
        >>> words = Words({"cohorts": ("{n} kohorter", "{n} cohorts"), "all": ("Alla", "All")})
        >>> words.text("all", "en_GB")
        'All'
        >>> words.format("cohorts", "sv_SE", n=3)
        '3 kohorter'
        >>> words.texts("en")["cohorts"]
        '{n} cohorts'
    """

    __slots__ = ("_entries",)

    _entries: dict[K, tuple[str, str]]

    def __init__(
        self, entries: Mapping[K, tuple[str, str]], *, keys: Iterable[K] | None = None
    ) -> None:
        for key, pair in entries.items():
            if (
                not isinstance(pair, tuple)
                or len(pair) != 2
                or not all(isinstance(text, str) and text.strip() for text in pair)
            ):
                raise ValidationError.single(
                    f"entries[{key!r}]",
                    pair,
                    "must be a (Swedish, English) pair of non-blank texts",
                    "model-definition",
                )
        if keys is not None:
            expected = list(keys)
            missing = [key for key in expected if key not in entries]
            known = set(expected)  # not the list: a catalogue of 200 codes is checked at import
            extra = [key for key in entries if key not in known]
            if missing or extra:
                raise ValidationError.single(
                    "entries",
                    list(entries),
                    f"must have exactly the keys given (missing: {missing}; not expected: {extra})",
                    "model-definition",
                )
        object.__setattr__(self, "_entries", dict(entries))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Words is frozen; cannot set {name!r}")

    def __getitem__(self, key: K) -> tuple[str, str]:
        try:
            return self._entries[key]
        except KeyError:
            known = ", ".join(repr(k) for k in self._entries)
            raise NotFoundError.single("key", key, f"has no text (keys: {known})") from None

    def __iter__(self) -> Iterator[K]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Words({self._entries!r})"

    def text(self, key: K, locale: str) -> str:
        """*key*'s text in *locale*'s language, as written (no template is filled in).

        Raises:
            NotFoundError: For a key the table lacks (path ``key``).
            ValidationError: For a locale that is neither Swedish nor English (path ``locale``).
        """
        swedish, english = self[key]
        return swedish if language(locale) == "sv" else english

    def format(self, key: K, locale: str, /, **values: object) -> str:
        """*key*'s template in *locale*'s language, filled in with *values* (``str.format``)."""
        return self.text(key, locale).format(**values)

    def texts(self, locale: str) -> dict[K, str]:
        """Every key's text in *locale*'s language."""
        index = 0 if language(locale) == "sv" else 1
        return {key: pair[index] for key, pair in self._entries.items()}


class Labelled:
    """Mixin for an enum whose members have a Swedish and an English label.

    Mix it in before the enum base (``class Kind(Labelled, enum.Enum)``) and return the
    members' :class:`Words` table from ``_labels()``.

    Examples:
        >>> import enum
        >>> class Colour(Labelled, enum.Enum):
        ...     RED = "red"
        ...     def _labels(self) -> Words[Colour]:
        ...         return COLOURS
        >>> COLOURS = Words({Colour.RED: ("röd", "red")}, keys=Colour)
        >>> Colour.RED.label(), Colour.RED.label("en_GB")
        ('röd', 'red')
    """

    __slots__ = ()

    def _labels(self) -> Words[Any]:
        raise NotImplementedError(f"{type(self).__name__} must return its labels from _labels()")

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The member's label in *locale* (Swedish by default, English for ``en_*``)."""
        return self._labels().text(self, locale)
