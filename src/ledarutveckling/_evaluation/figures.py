"""What an audience was shown: a figure of a group, and a publication (private).

The record that :class:`~ledarutveckling._evaluation.disclosure.Audience` keeps and audits; the
audit itself is in :mod:`~ledarutveckling._evaluation.disclosure` and
:mod:`~ledarutveckling._evaluation.leaks`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ledarutveckling._base.checks import as_tuple

__all__ = ["COMMENTS", "RESPONDENTS", "Publication", "ShownFigure"]


RESPONDENTS: Final = "respondents"
"""The measure of the number of respondents."""

COMMENTS: Final = "comments"
"""The measure of the free-text comments."""


def _sorted(value: Iterable[str]) -> Any:
    """References sorted (attrs converter, lossless); the rest is left to the record's checks.

    A list, tuple or other iterable becomes a sorted tuple (as given, if its items cannot be
    compared); text or anything else is left as it is, for
    :class:`~ledarutveckling._evaluation.disclosure.Audience` to name. Returns ``Any`` as
    :func:`~ledarutveckling._base.checks.as_tuple` does; takes ``Iterable[str]``, which is what
    the signature of :class:`ShownFigure` shows a caller.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return value
    try:
        return tuple(sorted(value))
    except TypeError:
        return tuple(value)


@attrs.frozen(kw_only=True)
class ShownFigure:
    """One figure of one group in a publication: which evaluations it covers, shown or not.

    Attributes:
        measure: ``"respondents"``, ``"comments"`` or a question's code.
        group: The references of the evaluations in the group, sorted.
        evaluations: The references of the evaluations the figure adds up (for a question,
            those of the group that asked it), sorted.
        shown: Whether the audience saw the figure.
        count: The count shown (respondents; answers to the question; for comments, the
            respondents whose comments they are), ``None`` when hidden.
        figure: The figure as shown, rounded (``"4.3"``, ``"NPS +20"``); ``None`` when hidden or
            a plain count.
        unanimous: Whether the published figures show that every answer in the group lies in
            one category of the scale (all in the top-two box or none, all promoters, all
            passives or all detractors): the bound of the scale then pins every part of the
            group too, hidden or not.
        lowest: For a question, the lowest answer of its scale (bounds a hidden group's mean).
        highest: For a question, the highest answer of its scale.
        invited: The participants invited to the evaluations the figure adds up, which reports
            show for hidden groups too (``None`` if not published): no evaluation has more
            respondents (or answers) than it invited, so a small cohort whose invited are few
            is bounded by them.
        at_least: What the note beside a hidden figure says of its count: "hidden to protect
            another group" says it had at least the minimum (it could have been shown).
        at_most: The same for "too few responses (n < 5)": at most the minimum less one.
        categories: For a shown question, the count of its answers in every category the
            report publishes a share of (top-two box, promoters, detractors, each value of
            the distribution), as the range of counts the rounded share comes from:
            ``"top2:5-5"``, ``"3:6-6"`` (see :mod:`~ledarutveckling._evaluation.categories`).
    """

    measure: str
    group: tuple[str, ...] = attrs.field(converter=_sorted)
    evaluations: tuple[str, ...] = attrs.field(converter=_sorted)
    shown: bool
    count: int | None = None
    figure: str | None = None
    unanimous: bool = False
    lowest: int | None = None
    highest: int | None = None
    invited: int | None = None
    at_least: int | None = None
    at_most: int | None = None
    categories: tuple[str, ...] = attrs.field(
        default=(), converter=as_tuple, metadata={"ledarutveckling.omit_if_default": True}
    )


def _pairs(value: Any) -> Any:
    """Pairs as tuples (attrs converter, lossless); the rest is left to the record's checks.

    A list or tuple of pairs (a document's arrays are lists) becomes a tuple of tuples; a
    mapping of reference to count becomes its items, sorted. Anything else is left as it is,
    for :class:`~ledarutveckling._evaluation.disclosure.Audience` to name. Typed ``Any`` as
    :func:`~ledarutveckling._base.checks.as_tuple` is.
    """
    if isinstance(value, Mapping):
        return tuple(sorted(value.items(), key=lambda item: str(item[0])))
    if isinstance(value, list | tuple):
        return tuple(tuple(pair) if isinstance(pair, list) else pair for pair in value)
    return value


@attrs.frozen(kw_only=True)
class Publication:
    """One report, table or chart shown to an audience.

    Attributes:
        label: What was published (``"breakdown by cohort"``,
            ``"statusrapporten 2026-05-04, SOC-LED per kohort"``).
        figures: Every figure of every group in it, shown or hidden.
        respondents: The number of respondents of each evaluation it covered, as pairs of
            reference and count, sorted: what tells an evaluation's versions apart when late
            answers come in (:mod:`~ledarutveckling._evaluation.late_answers`). Counts only,
            never answers; empty in records saved before it was kept, and for figures
            recorded with :meth:`Audience.published`.
    """

    label: str
    figures: tuple[ShownFigure, ...] = attrs.field(converter=as_tuple)
    respondents: tuple[tuple[str, int], ...] = attrs.field(
        default=(), converter=_pairs, metadata={"ledarutveckling.omit_if_default": True}
    )
