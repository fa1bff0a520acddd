"""The agreement's delivery terms in the reader's words, for the status report and HTML (private).

A reader of the report (the buyer at a follow-up meeting) must see what a late cancellation,
a small group and a no-show cost, in the words of the agreement: every term the agreement
states, and, for a term it leaves out, that nothing is charged for it (as the invoice basis
applies them, :class:`~ledarutveckling.DeliveryTerms`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from ledarutveckling._base.i18n import Language, Words, language
from ledarutveckling._reporting.document import Section, Table
from ledarutveckling.formatting import format_percent

if TYPE_CHECKING:  # the HTML hooks import this module: it must not import the model at run time
    from ledarutveckling._procurement.terms import DeliveryTerms

__all__ = ["terms_rows", "terms_section", "terms_title"]


_WORDS: Final = Words(
    {
        "title": ("Leveransvillkor", "Delivery terms"),
        "term": ("Villkor", "Term"),
        "what": ("Vad avtalet säger", "What the agreement says"),
        "late": ("Sen avbokning", "Late cancellation"),
        "late_rule": (
            "avbokning med färre än {days} kvar till tillfället debiteras med {share} av "
            "priset per deltagare",
            "a cancellation with fewer than {days} left before the session is charged {share} "
            "of the price per participant",
        ),
        "late_none": (
            "inget villkor: avbokningar debiteras inte",
            "no term: cancellations are not charged",
        ),
        "one_day": ("1 arbetsdag", "1 working day"),
        "days": ("{n} arbetsdagar", "{n} working days"),
        "minimum": ("Lägsta antal deltagare", "Minimum participants"),
        "minimum_rule": (
            "{n}; med färre anmälda får leverantören ställa in tillfället, som då inte debiteras",
            "{n}; with fewer registered the supplier may cancel the session, which is then "
            "not charged",
        ),
        "minimum_none": (
            "inget villkor: leverantören håller tillfället oavsett antal",
            "no term: the supplier holds the session whatever the number",
        ),
        "no_show": ("Uteblivande", "No-shows"),
        "no_show_rule": (
            "en anmäld deltagare som varken kommer eller avbokar debiteras med {share} av "
            "priset per deltagare",
            "a registered participant who neither comes nor cancels is charged {share} of "
            "the price per participant",
        ),
        "no_show_none": (
            "inget villkor: uteblivna deltagare debiteras inte",
            "no term: no-shows are not charged",
        ),
    }
)


def _t(lang: Language, key: str, **values: object) -> str:
    return _WORDS.format(key, lang, **values)


def _share(share: Decimal, locale: str) -> str:
    """A share as the percentage it exactly is: ``50 %``, ``12,5 %``, ``100 %``."""
    exponent = (share * 100).normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_percent(share, decimals=places, locale=locale)


def terms_rows(terms: DeliveryTerms | None, locale: str) -> tuple[tuple[str, str], ...]:
    """One row per term, (its name, what the agreement says), in the reader's language.

    Without terms (``None``) every term reads as missing: nothing is charged for it.

    Examples:
        >>> from ledarutveckling.examples import stockholm_delivery_terms
        >>> for name, rule in terms_rows(stockholm_delivery_terms(), "en_GB"):
        ...     print(f"{name}: {rule}")
        Late cancellation: a cancellation with fewer than 10 working days left before the
          session is charged 50% of the price per participant
        Minimum participants: 8; with fewer registered the supplier may cancel the session,
          which is then not charged
        No-shows: a registered participant who neither comes nor cancels is charged 100% of
          the price per participant
    """
    lang = language(locale)
    days = None if terms is None else terms.late_cancellation_days
    late_share = None if terms is None else terms.late_cancellation_share
    minimum_participants = None if terms is None else terms.minimum_participants
    no_show_share = None if terms is None else terms.no_show_share
    if days is None or late_share is None:
        late = _t(lang, "late_none")
    else:
        count = _t(lang, "one_day") if days == 1 else _t(lang, "days", n=days)
        late = _t(lang, "late_rule", days=count, share=_share(late_share, locale))
    minimum = (
        _t(lang, "minimum_none")
        if minimum_participants is None
        else _t(lang, "minimum_rule", n=minimum_participants)
    )
    no_show = (
        _t(lang, "no_show_none")
        if no_show_share is None
        else _t(lang, "no_show_rule", share=_share(no_show_share, locale))
    )
    return (
        (_t(lang, "late"), late),
        (_t(lang, "minimum"), minimum),
        (_t(lang, "no_show"), no_show),
    )


def terms_title(locale: str) -> str:
    """The heading of the terms: ``Leveransvillkor`` or ``Delivery terms``."""
    return _t(language(locale), "title")


def terms_section(terms: DeliveryTerms | None, locale: str) -> Section:
    """The status report's section on the delivery terms (leveransvillkor).

    An agreement without terms shows each term as missing: nothing is charged for it.
    """
    lang = language(locale)
    rows = terms_rows(terms, locale)
    table = Table(columns=(_t(lang, "term"), _t(lang, "what")), rows=rows)
    return Section(title=_t(lang, "title"), blocks=(table,))
