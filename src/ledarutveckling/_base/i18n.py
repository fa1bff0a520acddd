"""Locale handling shared by formatting, labels and reports (private)."""

from __future__ import annotations

from functools import cache
from typing import Final, Literal

from babel import Locale, UnknownLocaleError

from ledarutveckling.errors import ValidationError

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
        raise ValidationError.single("locale", locale, _MESSAGE)
    return parsed


def language(locale: object) -> Language:
    """Return ``"sv"`` or ``"en"`` for a Swedish or English locale; see :func:`babel_locale`."""
    return "sv" if babel_locale(locale).language == "sv" else "en"
