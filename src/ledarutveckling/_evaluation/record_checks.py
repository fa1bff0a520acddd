"""The checks of an audience's record: every publication and figure it holds (private).

A record is saved and loaded (:func:`~ledarutveckling.serialization.load`), so it may have
been edited by hand. :class:`~ledarutveckling._evaluation.disclosure.Audience` checks it as a
whole when it is made: every problem is named at once, by its path
(``publications[0].figures[3].count``), before an audit could read nonsense as something shown.
What is checked is what the library itself writes:

- a publication's label is text; its figures are :class:`ShownFigure` values, its respondent
  counts pairs of a reference and a count, each reference once;
- a figure's measure is text; its group lists references, each once (none for an empty
  group: a period without evaluations); the evaluations it adds up are references of its
  group, each once;
- ``shown`` and ``unanimous`` are true or false; the counts (``count``, ``invited``,
  ``at_least``, ``at_most``) are whole numbers from 0, ``lowest`` and ``highest`` whole
  numbers; the figure as shown is text;
- a hidden figure has no count (the audience was not shown one); a count is at most the
  number invited, ``at_least`` at most ``at_most`` and ``lowest`` at most ``highest``;
- a category count names a category and its least and most answers (``top2:5-7``).

A shown figure without a count is allowed (a figure shown elsewhere whose count was not).
Whether the figures agree with each other and with the evaluations is the audit's to find
(it refuses a record that disagrees, :mod:`~ledarutveckling._evaluation.late_answers`).
"""

from __future__ import annotations

import re
from typing import Final

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.figures import Publication, ShownFigure

__all__: list[str] = []


_CATEGORY: Final = re.compile(r"(top2|promoters|detractors|sum|[0-9]{1,2}):([0-9]+)-([0-9]+)")
"""A shown figure's count in a category (see ``categories.category_counts``): ``top2:5-7``."""

_COUNTS: Final = ("count", "invited", "at_least", "at_most")
"""A figure's fields that are counts: whole numbers from 0, or left out."""


def check_publication(
    checks: Checker, path: str, publication: Publication, good: set[object]
) -> None:
    """Record every problem of *publication*, found at *path* (``publications[2]``).

    What was found good (category texts, groups) is kept in *good*, for the next figures: the
    same counts and groups recur in many.
    """
    checks.text(f"{path}.label", publication.label)
    _check_respondents(checks, f"{path}.respondents", publication)
    figures = publication.figures
    if not isinstance(figures, tuple):  # as_tuple keeps what is not a list, for this check
        checks.add(f"{path}.figures", figures, "must be a list of figures", ProblemCode.NOT_A_LIST)
        return
    for index, figure in enumerate(figures):
        at = f"{path}.figures[{index}]"
        if checks.instance(at, figure, ShownFigure, "a ShownFigure"):
            if not _plain(figure, good):
                _check_figure(checks, at, figure)
            _check_categories(checks, at, figure, good)


def _is_count(value: object) -> bool:
    return value is None or (type(value) is int and value >= 0)


def _plain(figure: ShownFigure, good: set[object]) -> bool:
    """Whether *figure* passes every check below (the common case, checked fast).

    The groups found good are kept in *good*: every measure of a group repeats its tuple.
    """
    group, evaluations = figure.group, figure.evaluations
    if type(group) is not tuple:
        return False
    if group not in good:
        if not (all(type(r) is str and r.strip() for r in group) and len(set(group)) == len(group)):
            return False
        good.add(group)
    count, invited, least, most = figure.count, figure.invited, figure.at_least, figure.at_most
    lowest, highest = figure.lowest, figure.highest
    return (
        type(figure.measure) is str
        and figure.measure.strip() != ""
        and (
            evaluations == group
            or (
                type(evaluations) is tuple
                and len(set(evaluations)) == len(evaluations)
                and set(evaluations) <= set(group)
            )
        )
        and type(figure.shown) is bool
        and type(figure.unanimous) is bool
        and _is_count(count)
        and _is_count(invited)
        and _is_count(least)
        and _is_count(most)
        and (figure.shown or count is None)
        and (figure.figure is None or type(figure.figure) is str)
        and (lowest is None or type(lowest) is int)
        and (highest is None or type(highest) is int)
        and (count is None or invited is None or count <= invited)
        and (least is None or most is None or least <= most)
        and (lowest is None or highest is None or lowest <= highest)
    )


def _ordered(low: object, high: object) -> bool:
    """Whether *low* is at most *high*, where both are given whole numbers."""
    return not (type(low) is int and type(high) is int) or low <= high


def _check_figure(checks: Checker, path: str, figure: ShownFigure) -> None:
    """Record every problem of one figure (one that :func:`_plain` did not pass)."""
    checks.text(f"{path}.measure", figure.measure)
    group = _references(checks, f"{path}.group", figure.group)
    evaluations = _references(checks, f"{path}.evaluations", figure.evaluations)
    if group is not None and evaluations is not None:
        for index, reference in enumerate(figure.evaluations):
            if reference not in group:
                checks.add(
                    f"{path}.evaluations[{index}]",
                    reference,
                    "must be one of the group's evaluations (group)",
                    ProblemCode.AUDIENCE_OUTSIDE_GROUP,
                    given=reference,
                )
    for name in ("shown", "unanimous"):
        value = getattr(figure, name)
        if type(value) is not bool:
            checks.add(f"{path}.{name}", value, "must be true or false", ProblemCode.WRONG_TYPE)
    good = {
        name: getattr(figure, name) is None
        or checks.integer(f"{path}.{name}", getattr(figure, name), minimum=0)
        for name in _COUNTS
    }
    for name in ("lowest", "highest"):
        good[name] = getattr(figure, name) is None or checks.integer(
            f"{path}.{name}", getattr(figure, name)
        )
    if figure.figure is not None and type(figure.figure) is not str:
        checks.add(f"{path}.figure", figure.figure, "must be text", ProblemCode.NOT_TEXT)
    if figure.shown is False and figure.count is not None:
        checks.add(
            f"{path}.count",
            figure.count,
            "must be left out: the figure is hidden (shown is false), so no count was shown",
            ProblemCode.AUDIENCE_HIDDEN_COUNT,
        )
    for low, high in (("count", "invited"), ("at_least", "at_most"), ("lowest", "highest")):
        least, most = getattr(figure, low), getattr(figure, high)
        if good[low] and good[high] and not _ordered(least, most):
            checks.add(
                f"{path}.{low}",
                least,
                f"must be at most {high} ({most})",
                ProblemCode.TOO_LARGE,
                given=least,
                most=most,
            )


def _references(checks: Checker, path: str, value: object) -> frozenset[str] | None:
    """The references listed at *path*, once each, or ``None`` if the list is not one."""
    if not isinstance(value, tuple):
        checks.add(path, value, "must be a list of evaluation references", ProblemCode.NOT_A_LIST)
        return None
    found: list[object] = []
    for index, reference in enumerate(value):
        if type(reference) is not str or not reference.strip():
            checks.add(
                f"{path}[{index}]",
                reference,
                "must be an evaluation's reference (non-empty text)",
                ProblemCode.NOT_TEXT,
            )
        found.append(reference)
    checks.unique(path, found, "reference")
    return frozenset(r for r in found if isinstance(r, str))


def _check_respondents(checks: Checker, path: str, publication: Publication) -> None:
    """Each of *publication*'s respondent counts: a reference and a count, once per reference."""
    pairs = publication.respondents
    if not isinstance(pairs, tuple):
        checks.add(
            path,
            pairs,
            "must be a list of [reference, count] pairs",
            ProblemCode.NOT_A_LIST,
        )
        return
    references: list[object] = []
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            checks.add(
                f"{path}[{index}]",
                pair,
                "must be a pair [reference, count]",
                ProblemCode.WRONG_TYPE,
            )
            references.append(object())  # named above; keeps the indices of the rest
            continue
        reference, count = pair
        checks.text(f"{path}[{index}][0]", reference)
        checks.integer(f"{path}[{index}][1]", count, minimum=0)
        references.append(reference)
    checks.unique(path, references, "reference")


def _check_categories(checks: Checker, path: str, figure: ShownFigure, good: set[object]) -> None:
    """Each category count of *figure*: a category and its least and most answers."""
    categories = figure.categories
    if not isinstance(categories, tuple):
        categories = (categories,)
    for number, item in enumerate(categories):
        if isinstance(item, str) and item in good:
            continue
        found = _CATEGORY.fullmatch(item) if isinstance(item, str) else None
        if found is not None and int(found[2]) <= int(found[3]):
            good.add(found[0])
        else:
            checks.add(
                f"{path}.categories[{number}]",
                item,
                "must be a category and the least and most answers in it, such as "
                "'top2:5-7' or '3:0-2'",
                ProblemCode.AUDIENCE_CATEGORY,
            )
