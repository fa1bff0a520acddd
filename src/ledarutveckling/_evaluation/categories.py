"""The published categories of a question's answers, audited: a part pinned to one (private).

Besides a question's count and mean, a report publishes the shares of its answers in
*categories*: the top-two box (a rating scale), the promoters and the detractors (the NPS
scale) and, for groups of ``minimum_text``, the share of every answer value (the distribution).
Each is a count of answers, additive over the evaluations like the count itself, published
rounded to a whole percent: the interval of whole counts it rounds from (for fewer than 100
answers a single count). A reader who subtracts shown groups (the total less the shown
cohorts) gets the category counts of what is left, a union of hidden parts; when that union
has none of its answers in a category, or all of them, so has every part of it: a hidden
cohort's answers all 3, its promoters 0 % (issue 20, the derived unanimous union). The same
holds of the hidden parts of a shown group with none or all of its answers in a category.

The rule (statistical disclosure control's attribute disclosure of a group: Hundepool et al.,
*Statistical Disclosure Control*, Wiley 2012, section 4.2 on the protection of a cell whose
contributions all share a value): every set of evaluations whose count the shown figures
determine — a shown group, a cell (evaluations in the same shown groups) or a union of cells
in the span of the shown figures — is given the interval of its count in each category under
the combination of shown figures that determines it; if that interval leaves it none of its
answers in the top-two box, among the promoters or among the detractors, or all of them, or all
its answers at one value of the distribution, every hidden figure inside it is exposed (and
the set itself, if it is not shown and has fewer answers than the minimum). The audit then
hides a figure of the combination, the smallest first, or refuses as for any exact leak.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Final

from ledarutveckling._evaluation.figures import ShownFigure
from ledarutveckling._evaluation.statistics import PERCENT, PublishedStatistics, Statistics
from ledarutveckling._evaluation.survey import Scale

if TYPE_CHECKING:
    from ledarutveckling._evaluation.exact_basis import _Basis, _Number

__all__: list[str] = []


BINARY: Final = ("top2", "promoters", "detractors")
"""The categories whose parts are exposed with none of their answers in it, or all."""


def category_counts(stats: PublishedStatistics) -> tuple[str, ...]:
    """The count of answers in every category *stats* publish, as ``name:low-high``.

    The range is every whole count whose share rounds (half up, to a percent) to the share
    shown; the distribution's categories are named by their value.

    Examples:
        >>> from ledarutveckling._evaluation.statistics import Scale, Statistics
        >>> stats = Statistics.of(Scale.LIKERT_5, [3, 3, 3, 4, 4, 5, 5, 5])
        >>> category_counts(stats.published(minimum_text=8))
        ('top2:5-5', '1:0-0', '2:0-0', '3:3-3', '4:2-2', '5:3-3')
    """
    named: list[tuple[str, Decimal | None]] = [
        ("top2", stats.top_two_box),
        ("promoters", stats.promoter_share),
        ("detractors", stats.detractor_share),
        *((str(value), share) for value, share in sorted((stats.shares or {}).items())),
    ]
    result = []
    for name, share in named:
        if share is not None:
            low, high = _rounded_from(share, stats.count)
            result.append(f"{name}:{low}-{high}")
    return tuple(result)


def counted(stats: Statistics, minimum_text: int | None) -> tuple[str, ...]:
    """:func:`category_counts` of ``stats.published(minimum_text=minimum_text)``, in integers.

    Each share shown is the category's count *k* of *n* answers rounded half up to a whole
    percent, ``(200 k + n) // (2 n)`` (the exact division the published share rounds from
    cannot fall on a half that ``k / n`` does not); the ranges are then the same.

    Examples:
        >>> from ledarutveckling._evaluation.statistics import Scale, Statistics
        >>> counted(Statistics.of(Scale.LIKERT_5, [3, 3, 3, 4, 4, 5, 5, 5]), 8)
        ('top2:5-5', '1:0-0', '2:0-0', '3:3-3', '4:2-2', '5:3-3')
    """
    d = stats.distribution
    n = sum(d.values())
    scale = stats.scale
    named: list[tuple[str, int]]
    if scale is Scale.NPS:
        named = [("promoters", d[9] + d[10]), ("detractors", sum(d[v] for v in range(7)))]
    else:
        named = [("top2", sum(d[v] for v in scale.top_two_box))]
    if minimum_text is not None and n >= minimum_text:
        named += [(str(value), d[value]) for value in sorted(d)]
    result = []
    for name, k in named:
        low, high = _from_percent((200 * k + n) // (2 * n), n)
        result.append(f"{name}:{low}-{high}")
    return tuple(result)


def _rounded_from(share: Decimal, count: int) -> tuple[int, int]:
    """The least and most whole counts of *count* answers whose share is shown as *share*.

    A share is shown rounded half up to a whole percent *p*, so *k* of *count* shows as *p*
    exactly when ``p - 1/2 <= 100 k / count < p + 1/2``, that is when
    ``(2p - 1) count <= 200 k < (2p + 1) count``: whole numbers only.

    Examples:
        >>> _rounded_from(Decimal("0.33"), 3), _rounded_from(Decimal("0.50"), 301)
        ((1, 1), (149, 152))
    """
    return _from_percent(int(share / PERCENT), count)


def _from_percent(percent: int, count: int) -> tuple[int, int]:
    """The least and most whole counts of *count* answers shown as *percent* (rounded)."""
    least = -(-(2 * percent - 1) * count // 200)
    most = -(-(2 * percent + 1) * count // 200) - 1
    return max(least, 0), min(most, count)


def _parsed(figure: ShownFigure) -> dict[str, tuple[int, int]]:
    """The figure's ranges of its binary categories, narrowed by its distribution if shown.

    "All answers at one value" is "none or all in the top-two box" (or among the promoters
    or detractors) of the same answers, so only the binary categories are tested; the
    distribution narrows their ranges (the top-two box is the sum of its two values).
    """
    ranges: dict[str, tuple[int, int]] = {}
    for item in figure.categories:
        label, _, span = item.rpartition(":")
        least, _, most = span.partition("-")
        ranges[label] = (int(least), int(most))
    highest = figure.highest or 0
    members = {
        "top2": (highest - 1, highest),
        "promoters": (9, 10),
        "detractors": (0, 6),
    }
    result: dict[str, tuple[int, int]] = {}
    for name in BINARY:
        if name in ranges:
            low, high = ranges[name]
            parts = [ranges.get(str(v)) for v in range(members[name][0], members[name][1] + 1)]
            if all(part is not None for part in parts):
                low = max(low, sum(part[0] for part in parts if part is not None))
                high = min(high, sum(part[1] for part in parts if part is not None))
            result[name] = (low, high)
    return result


def pinned(
    shown_figures: Sequence[tuple[int, ShownFigure]],
    hidden: Mapping[tuple[str, ...], ShownFigure],
    candidates: Sequence[tuple[str, ...]],
    tracked: Callable[[], _Basis],
    parsed: dict[tuple[tuple[str, ...], int | None], dict[str, tuple[int, int]]] | None = None,
    memo: dict[tuple[object, ...], dict[tuple[str, ...], Pinned]] | None = None,
) -> list[tuple[ShownFigure, frozenset[int]]]:
    """The hidden figures inside a determined set that its categories pin.

    A determined set with fewer answers than the minimum is exposed by the exact audit
    already; here every determined set with a hidden figure inside is tested.

    Args:
        shown_figures: The shown figures of one question, by index.
        hidden: Its hidden figures by their evaluations.
        candidates: The sets of evaluations to test besides the shown groups (the cells and
            the unions of cells whose counts the shown figures determine).
        tracked: The basis of *shown_figures* in order, tracking the figures it combines
            (the exact audit's; asked for only when a set is not a shown group).
        parsed: The binary categories' ranges worked out before, by a figure's categories
            and highest answer value (what decides them), taken from and added to.
        memo: The answers to questions asked before (see :func:`_question`), taken from
            and added to.

    Returns:
        Each exposed figure with the shown figures (by index) whose categories pin it.
    """
    if memo is None:
        found = _pinned(shown_figures, hidden, candidates, tracked, parsed)
        return _named(shown_figures, hidden, found)
    question, first = _question(shown_figures, hidden, candidates)
    answer = memo.get(question)
    if answer is None:
        found = _pinned(shown_figures, hidden, candidates, tracked, parsed)
        rank = {index: number for number, index in enumerate(first)}
        for oldest in list(memo)[: max(0, len(memo) - _PINNED_KEPT + 1)]:
            memo.pop(oldest, None)  # (an audit of the same record in another thread may too)
        memo[question] = {
            key: how if isinstance(how, tuple) else frozenset(rank[i] for i in how)
            for key, how in found.items()
        }
        return _named(shown_figures, hidden, found)
    return _named(
        shown_figures,
        hidden,
        {
            key: how if isinstance(how, tuple) else frozenset(first[i] for i in how)
            for key, how in answer.items()
        },
    )


Pinned = tuple[str, ...] | frozenset[int]
"""How a hidden figure (by its evaluations) is pinned: inside the shown group of those
evaluations (its latest figure pins it), or by the shown figures of a combination (by index)."""


_PINNED_KEPT: Final = 256
"""The most answers of the category check an audience's records keep (the oldest forgotten)."""


_Said = tuple[int | None, tuple[str, ...], int | None]
"""What a figure says that the category check reads: its count, categories and highest value."""


def _question(
    shown_figures: Sequence[tuple[int, ShownFigure]],
    hidden: Mapping[tuple[str, ...], ShownFigure],
    candidates: Sequence[tuple[str, ...]],
) -> tuple[tuple[object, ...], list[int]]:
    """What :func:`_pinned` depends on, without the figures' indices; and the first indices.

    A group shown again adds nothing to the basis (its first figure is its row), and a set
    that is a shown group is combined from its latest figure; so the answer depends on the
    groups in the order they are first shown, each with what its first and latest figures
    say and the categories any of them names, on the hidden groups and on the candidates.
    The combinations found name the first figures, by their rank in that order.
    """
    first: dict[tuple[str, ...], tuple[int, _Said]] = {}
    latest: dict[tuple[str, ...], _Said] = {}
    every: dict[tuple[str, ...], set[_Said]] = {}
    for index, figure in shown_figures:
        said = (figure.count, figure.categories, figure.highest)
        first.setdefault(figure.evaluations, (index, said))
        latest[figure.evaluations] = said
        every.setdefault(figure.evaluations, set()).add(said)
    groups = tuple(
        (group, said, latest[group], frozenset(every[group])) for group, (_, said) in first.items()
    )
    return (groups, frozenset(hidden), frozenset(candidates)), [i for i, _ in first.values()]


def _named(
    shown_figures: Sequence[tuple[int, ShownFigure]],
    hidden: Mapping[tuple[str, ...], ShownFigure],
    found: Mapping[tuple[str, ...], Pinned],
) -> list[tuple[ShownFigure, frozenset[int]]]:
    """The figures :func:`_pinned` found, each with the shown figures that pin it."""
    latest = {f.evaluations: i for i, f in shown_figures}
    return [
        (
            hidden[key],
            frozenset({latest[how]}) if isinstance(how, tuple) else how,
        )
        for key, how in sorted(found.items())
    ]


def _pinned(
    shown_figures: Sequence[tuple[int, ShownFigure]],
    hidden: Mapping[tuple[str, ...], ShownFigure],
    candidates: Sequence[tuple[str, ...]],
    tracked: Callable[[], _Basis],
    parsed: dict[tuple[tuple[str, ...], int | None], dict[str, tuple[int, int]]] | None,
) -> dict[tuple[str, ...], Pinned]:
    """:func:`pinned`, worked out: each hidden figure found (by its evaluations), and how."""
    parsed = {} if parsed is None else parsed
    categories: dict[int, dict[str, tuple[int, int]]] = {}
    for i, f in shown_figures:
        decided = (f.categories, f.highest)
        ranges = parsed.get(decided)
        if ranges is None:
            ranges = parsed[decided] = _parsed(f)
        categories[i] = ranges
    names = sorted({name for found in categories.values() for name in found})
    for i, f in shown_figures:
        # A figure that records no count in a category (a record saved before they were
        # kept) is taken to have anything from none to all of its answers in it.
        if len(categories[i]) < len(names):
            categories[i] = dict.fromkeys(names, (0, f.count or 0)) | categories[i]
    own = {f.evaluations: (i, f.count or 0) for i, f in shown_figures}
    holding: dict[str, list[tuple[str, ...]]] = {}
    for key in hidden:
        if key not in own:
            for reference in key:
                holding.setdefault(reference, []).append(key)
    basis: _Basis | None = None
    mids: dict[str, list[_Number]] = {}
    piece: dict[str, tuple[int, ...]] = {}  # each evaluation's shown figures: its cell
    done: dict[tuple[str, ...], tuple[dict[str, _Number], _Number, list[_Number]]] = {}
    result: dict[tuple[str, ...], Pinned] = {}
    for union in sorted(set(own) | set(candidates)):
        members = set(union)
        inside = {k for r in union for k in holding.get(r, ()) if members.issuperset(k)}
        if not inside:
            continue
        count: _Number
        combination: dict[int, _Number]
        if union in own:
            count, combination = own[union][1], {own[union][0]: 1}
        else:
            if basis is None:
                basis = tracked()
                for i, f in shown_figures:
                    for reference in f.evaluations:
                        piece[reference] = (*piece.get(reference, ()), i)
            vector: dict[str, _Number] = dict.fromkeys(union, 1)
            # twice the middle of each range is linear in the figures: a set whose ranges all
            # keep their middle strictly between none and all pins nothing (below)
            rest, count, doubled = _weighed(
                basis, union, piece, done, partial(_doubled, basis, categories, names, mids)
            )
            if rest or count <= 0 or all(0 < t < 2 * count for t in doubled):
                continue
            # the same reduction, following the figures it combines (the same rest and count)
            combination = basis.reduce(vector)[2]
        for name in names:
            low, high = _combined(combination, categories, name)
            low, high = max(low, 0), min(high, count)
            if low <= high and (low >= count or high <= 0):
                for key in sorted(inside):
                    result.setdefault(key, union if union in own else frozenset(combination))
    return result


def _weighed(
    basis: _Basis,
    union: tuple[str, ...],
    piece: Mapping[str, tuple[int, ...]],
    done: dict[tuple[str, ...], tuple[dict[str, _Number], _Number, list[_Number]]],
    weight: Callable[[str], Sequence[_Number]],
) -> tuple[dict[str, _Number], _Number, list[_Number]]:
    """``basis.weighed`` of *union*'s vector, summed over its parts in each cell.

    A reduction against a fixed basis is linear in the vector (each row's factor is the
    vector's entry at its pivot less what the rows before it took, all exact), so the union's
    is the sum of its parts' (cells of the shown figures, by *piece*); each part is reduced
    once (kept in *done*), and the unions searched share their cells.
    """
    parts: dict[tuple[int, ...] | None, list[str]] = {}
    for reference in union:
        parts.setdefault(piece.get(reference), []).append(reference)
    if len(parts) == 1:  # one cell (or none named): its own reduction
        key = tuple(union)
        found = done.get(key)
        if found is None:
            found = done[key] = basis.weighed(dict.fromkeys(key, 1), weight)
        return found
    rest: dict[str, _Number] = {}
    count: _Number = 0
    total: list[_Number] = []
    for members in parts.values():
        key = tuple(members)
        found = done.get(key)
        if found is None:
            found = done[key] = basis.weighed(dict.fromkeys(key, 1), weight)
        part_rest, part_count, part_total = found
        for reference, value in part_rest.items():
            rest[reference] = rest.get(reference, 0) + value
        count += part_count
        if part_total:
            total = [t + w for t, w in zip(total or [0] * len(part_total), part_total, strict=True)]
    return {k: v for k, v in rest.items() if v}, count, total


def _doubled(
    basis: _Basis,
    categories: Mapping[int, Mapping[str, tuple[int, int]]],
    names: Sequence[str],
    mids: dict[str, list[_Number]],
    pivot: str,
) -> list[_Number]:
    """Twice the middle of each category's range along a basis row (kept in *mids*).

    Summed over the rows a reduction uses, by their factors, it is the sum of the least and
    most along the combination :func:`_combined` takes (whatever each coefficient's sign).
    Every figure has every category by then (:func:`pinned` fills in those a record of an
    earlier release does not count).
    """
    if pivot not in mids:
        row = basis.rows[pivot][2].items()
        mids[pivot] = [
            sum((c * (categories[i][name][0] + categories[i][name][1]) for i, c in row), 0)
            for name in names
        ]
    return mids[pivot]


def _combined(
    combination: Mapping[int, _Number],
    categories: Mapping[int, Mapping[str, tuple[int, int]]],
    name: str,
) -> tuple[_Number, _Number]:
    """The range of the category *name*'s count along *combination* of shown figures."""
    low: _Number = 0
    high: _Number = 0
    for index, coefficient in combination.items():
        least, most = categories[index][name]
        if coefficient > 0:
            low, high = low + coefficient * least, high + coefficient * most
        else:
            low, high = low + coefficient * most, high + coefficient * least
    return low, high
