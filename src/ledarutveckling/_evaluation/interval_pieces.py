"""The program of a measure with the evaluations that only add up merged (private).

See :func:`_pieces`; used by :func:`ledarutveckling._evaluation.intervals.narrowed`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from ledarutveckling._evaluation.interval_distributions import Distributions
from ledarutveckling._evaluation.interval_program import Bound, Figure, Limits, Linked, _rounded
from ledarutveckling._evaluation.respondent_caps import _SKIPPED

__all__: list[str] = []


@attrs.frozen(kw_only=True)
class _Pieces:
    """The program of a measure with the evaluations that only add up merged (see _pieces)."""

    shown: list[Figure]
    targets: list[Figure]
    bounds: list[Bound]
    parts: dict[int, set[int]]
    """The figures each merged figure (by index) stands for."""
    members: dict[str, tuple[Member, ...]] = attrs.field(factory=dict)
    """The evaluations each merged evaluation (by name) stands for."""
    linked: Linked | None = None
    """The linked figure's bounds by figure, a merged figure's the sum of its members'."""
    offsets: dict[int, int] = attrs.field(factory=dict)
    """What the columns taken out as constants add to a target's count, by its index (see
    :func:`_skipped_fixed`)."""


Member = tuple[str, int, float, float, int | None]
"""An evaluation merged: its reference, its count, the least and the most its sum may be (its
rounded mean and the scale; 0 without a scale), and its invited if published."""


_PIECE: Final = "\x00"
"""The start of a merged evaluation's name (no reference starts so: see :func:`_pieces`)."""


def _pieces(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    bounds: Sequence[Bound],
    scale: tuple[int, int] | None,
    linked: Linked | None = None,
    values: Distributions | None = None,
) -> _Pieces | None:
    """The same program with the evaluations that are only added up merged, or ``None``.

    An evaluation shown as a group of its own (a cohort of a breakdown by cohort) has its
    count shown and its sum bounded by its rounded mean and the scale: the whole numbers in
    an interval. Evaluations like it that lie in the same other groups (shown, bounded and
    aimed at) appear in every other row only through their sum, and the sums of whole
    numbers in intervals are exactly the whole numbers in the sum of the intervals (their
    invited alike: each at least its count, or as published). So they are one evaluation of
    the program, whose count is the sum of the counts and whose sum lies between the sums of
    the bounds: the same ranges for every hidden group, in linear and integer programs, from
    a program a fraction of the size (the 300 shown cohorts of a year of 400 become the 14
    of the seven units in two years).

    On the NPS scale the shown figures take an evaluation's promoters less its detractors:
    with its count shown, every whole difference from all detractors to all promoters within
    its rounded NPS is one (the passives make up the rest), an interval again, so such
    evaluations merge alike. Their promoters and detractors apart are not an interval (the
    most promoters of a difference depends on its parity, per evaluation), so an evaluation
    in a hidden group, whose shares are bounded, is left as it is.

    With a *linked* top-two box, an evaluation merges only when its own figure gives its
    count in the box exactly (a share of fewer than 100 answers): its sum's interval is then
    narrowed to what that count allows, and the sums of whole numbers in intervals at a
    fixed count in the box are again the whole numbers in the sum of the intervals, at the
    sum of the counts. With the NPS question's mean linked (a sum tied to the promoters and
    detractors apart), only the evaluations whose own distribution is shown exactly merge
    (*values*: every column of theirs, promoters, detractors and sum, is then known).

    With the answer distributions shown (*values*, by figure), an evaluation in a figure that
    shows one has a column per answer value, and a merged one's are the sums of its members'
    only where each member's are known exactly (:func:`~ledarutveckling._evaluation.\
interval_distributions.merged`). So an evaluation whose own figure does not show its answers
    at each value exactly, while another figure's distribution covers it, is left as it is,
    and the others merge only with those alike (each with its own exact distribution, or each
    in no distribution): the rest of the program is merged as before. Merging any part of a
    class is as exact as merging it all (the same sums of intervals); without *values*, the
    merged program's distributions are checked afterwards, and none are merged if any
    cannot be.
    """
    fixed = _skipped_fixed(shown, bounds, targets)
    offsets: dict[int, int] = {}
    if fixed is not None:
        shown, bounds, targets, offsets = fixed
    rounded = [_rounded(figure, count or 0) for _, _, count, figure in shown]
    kind = "nps" if any(r is not None and r[0] == "nps" for r in rounded) else "mean"
    boxed = {} if linked is None else linked[1]
    exact = _own_answers(shown, values, scale)
    # The NPS question's mean linked: its promoters and detractors apart are in the program,
    # so only the cohorts whose answers at each value are known exactly (their own
    # distribution shown) merge, every column of theirs a constant.
    summed = linked is not None and linked[0] == "sum" and kind == "nps" and bool(exact)
    if (
        linked is not None
        and not summed
        and (linked[0] != "top2" or kind != "mean" or scale is None)
    ):
        if fixed is None:
            return None
        return _Pieces(
            shown=list(shown),
            targets=list(targets),
            bounds=list(bounds),
            parts={},
            linked=linked,
            offsets=offsets,
        )
    in_box: dict[str, float] = {}
    own: dict[str, tuple[int, int, Limits | None]] = {}
    groups: list[tuple[tuple[int, int], tuple[str, ...]]] = []
    for (index, evaluations, count, _), limits in zip(shown, rounded, strict=True):
        if len(evaluations) == 1 and count is not None:
            own[evaluations[0]] = (index, count, limits)
        else:
            groups.append(((0, index), evaluations))
    own_bound: dict[str, tuple[int, int | None, int | None, int | None]] = {}
    for index, evaluations, invited, least, most in bounds:
        if len(evaluations) == 1:
            own_bound[evaluations[0]] = (index, invited, least, most)
        else:
            groups.append(((1, index), evaluations))
    groups += [((2, index), evaluations) for index, evaluations, _, _ in targets]
    # The other groups each evaluation shown on its own lies in (only those are merged): the
    # loop runs over every evaluation of every group.
    member: dict[str, list[tuple[int, int]]] = {reference: [] for reference in own}
    for entry, evaluations in groups:
        for reference in evaluations:
            if reference in member:
                member[reference].append(entry)
    classes: dict[tuple[object, ...], list[str]] = {}
    ranges: dict[str, tuple[float, float] | None] = {}
    for reference, (_, count, limits) in own.items():
        bound = own_bound.get(reference)
        if (scale is not None and (limits is None or limits[0] != kind)) or (
            bound is not None and (bound[2] is not None or bound[3] is not None)
        ):
            continue  # a note on its count, or no mean (NPS): left as it is
        if exact is not None and reference in exact and exact[reference] is None:
            continue  # its answers at each value in a distribution's rows, not its own: as it is
        key = (
            tuple(sorted(member[reference])),
            bound is not None and bound[1] is not None,
            None if exact is None else reference in exact,
        )
        ranges[reference] = _sums(kind, limits, count, scale)
        if summed:
            known = _known(exact, reference, ranges[reference], boxed.get(own[reference][0]))
            if known is None:
                continue  # not known exactly (or contradicting its figures): as it is
            ranges[reference], in_box[reference] = known
        elif linked is not None:
            box = boxed.get(own[reference][0])
            narrowed = _boxed(ranges[reference], box, count, scale)
            if box is None or narrowed is None:
                continue  # its count in the box not exact (or contradicting): as it is
            ranges[reference], in_box[reference] = narrowed, box[0]
        if kind == "nps" and (any(part == 2 for part, _ in key[0]) or ranges[reference] is None):
            continue  # its promoters are a hidden group's (or its figure cannot be): as it is
        classes.setdefault(key, []).append(reference)
    merged = [sorted(c) for c in classes.values() if len(c) > 1]
    if any(r.startswith(_PIECE) for r in own) or (not merged and fixed is None):
        return None
    name = {r: _PIECE + c[0] for c in merged for r in c}
    first = {c[0]: c for c in merged}
    parts: dict[int, set[int]] = {}

    renamed: dict[tuple[str, ...], tuple[str, ...]] = {}

    def mapped(evaluations: tuple[str, ...]) -> tuple[str, ...]:
        found = renamed.get(evaluations)
        if found is None:  # (a group is often both shown or aimed at, and bounded)
            found = renamed[evaluations] = tuple(
                sorted(set(map(name.get, evaluations, evaluations)))
            )
        return found

    new_shown: list[Figure] = []
    for (index, evaluations, count, _), limits in zip(shown, rounded, strict=True):
        if len(evaluations) != 1 or evaluations[0] not in name:
            # its figure as the bounds it puts on the sum (worked out once, not again)
            new_shown.append((index, mapped(evaluations), count, limits))
        elif evaluations[0] in first:
            pieces = [own[r] for r in first[evaluations[0]]]
            parts.setdefault(index, set()).update(i for i, _, _ in pieces)
            total = sum(c for _, c, _ in pieces)
            if scale is None:
                new_shown.append((index, (name[evaluations[0]],), total, None))
                continue
            ends = [ranges[r] for r in first[evaluations[0]]]
            low = sum(end[0] for end in ends if end is not None)
            high = sum(end[1] for end in ends if end is not None)
            new_shown.append((index, (name[evaluations[0]],), total, (kind, low, high)))
            if linked is not None:
                held = sum(in_box[r] for r in first[evaluations[0]])
                boxed = {**boxed, index: (held, held)}
    new_bounds: list[Bound] = []
    for index, evaluations, invited, least, most in bounds:
        if len(evaluations) != 1 or evaluations[0] not in name:
            new_bounds.append((index, mapped(evaluations), invited, least, most))
        elif evaluations[0] in first:
            owned = [own_bound.get(r) for r in first[evaluations[0]]]
            parts.setdefault(index, set()).update(b[0] for b in owned if b is not None)
            total = sum(b[1] or 0 for b in owned if b is not None)
            new_bounds.append((index, (name[evaluations[0]],), total, None, None))
    new_targets = [(i, mapped(e), c, f) for i, e, c, f in targets]
    members: dict[str, tuple[Member, ...]] = {}
    for c in merged:
        listed = []
        for reference in c:
            _, count, limits = own[reference]
            low, high = ranges[reference] or (0.0, 0.0)
            bound = own_bound.get(reference)
            listed.append((reference, count, low, high, None if bound is None else bound[1]))
        members[name[c[0]]] = tuple(listed)
    return _Pieces(
        shown=new_shown,
        targets=new_targets,
        bounds=new_bounds,
        parts=parts,
        members=members,
        linked=None if linked is None else (linked[0], boxed),
        offsets=offsets,
    )


def _own_answers(
    shown: Sequence[Figure], values: Distributions | None, scale: tuple[int, int] | None
) -> dict[str, list[float] | None] | None:
    """Of the evaluations the shown *values* cover, each one's own answers at each value.

    Listed for an evaluation whose own figure shows its count at every answer value (a
    single count each, lowest value first), ``None`` for one only another figure's
    distribution covers; an evaluation in no distribution is not in it. ``None`` without
    distributions.
    """
    if not values or scale is None:
        return None
    every = range(scale[0], scale[1] + 1)
    exact: dict[str, list[float] | None] = {}
    for index, evaluations, _, _ in shown:
        counts = values.get(index)
        if counts is None:
            continue
        for reference in evaluations:
            exact.setdefault(reference, None)
        ends = [counts.get(v, (0.0, math.inf)) for v in every]
        if len(evaluations) == 1 and all(low == high for low, high in ends):
            exact[evaluations[0]] = [low for low, _ in ends]
    return exact


def _known(
    exact: Mapping[str, list[float] | None] | None,
    reference: str,
    sums: tuple[float, float] | None,
    box: tuple[float, float] | None,
) -> tuple[tuple[float, float], float] | None:
    """An NPS cohort's promoters less detractors and its sum of answers, from its own answers.

    Its answers at each value from 0 to 10 (*exact*) give both exactly; ``None`` if they are
    not known so, or if either lies outside what its figures say (*sums*, the rounded NPS's
    whole bounds, and *box*, its mean's): the full program, which finds it infeasible,
    decides.
    """
    counts = None if exact is None else exact.get(reference)
    if counts is None or sums is None or box is None or len(counts) != 11:
        return None
    difference = counts[9] + counts[10] - sum(counts[:7])
    total = float(sum(value * count for value, count in enumerate(counts)))
    if not (sums[0] <= difference <= sums[1] and box[0] <= total <= box[1]):
        return None
    return (difference, difference), total


def _boxed(
    sums: tuple[float, float] | None,
    box: tuple[float, float] | None,
    count: int,
    scale: tuple[int, int] | None,
) -> tuple[float, float] | None:
    """An evaluation's sum narrowed by its exact count *k* in the top-two box, or ``None``.

    ``a (n - k) + (b - 1) k <= s <= (b - 2) (n - k) + b k`` on a scale from ``a`` to ``b``;
    ``None`` unless *box* is one count and the narrowed interval holds a sum.
    """
    if sums is None or box is None or box[0] != box[1] or scale is None:
        return None
    low, high = scale
    k = box[0]
    least = max(sums[0], low * (count - k) + (high - 1) * k)
    most = min(sums[1], (high - 2) * (count - k) + high * k)
    return (least, most) if least <= most else None


def _sums(
    kind: str, limits: Limits | None, count: int, scale: tuple[int, int] | None
) -> tuple[float, float] | None:
    """The least and the most an evaluation's sum may be (of an NPS, promoters less detractors).

    Its shown figure's whole bounds within what its *count* of answers on the scale allow: of
    a mean, from the lowest to the highest answer each; of an NPS, from all detractors to all
    promoters. ``None`` without a scale or a figure (for an NPS also if no whole difference is
    left, which the full program finds infeasible: never merged away).
    """
    if scale is None or limits is None:
        return None
    if kind == "mean":
        lowest, highest = scale
        return max(limits[1], lowest * count), min(limits[2], highest * count)
    low, high = max(limits[1], -count), min(limits[2], count)
    return (low, high) if low <= high else None


def _skipped_fixed(
    shown: Sequence[Figure], bounds: Sequence[Bound], targets: Sequence[Figure]
) -> tuple[list[Figure], list[Bound], list[Figure], dict[int, int]] | None:
    """The program with the skipped columns that the shown figures fix substituted, or ``None``.

    A question's program holds each evaluation's respondents as its answers and a column of
    those who skipped the question (:func:`~ledarutveckling._evaluation.respondent_caps.\
respondent_links`). An evaluation shown on its own, with its answers' count and its
    respondents both shown (a cohort of a breakdown by cohort), has that column fixed: the
    respondents less the answers. The column is then a constant of every row that holds it
    (the respondents of a unit less those constants are the unit's answers and the skipped
    of its other evaluations), and the evaluation's own respondents' row and bound say
    nothing its count does not: they are left out, as is any row whose columns are all
    known so (checked first: it holds). A hidden group that holds such columns (the
    respondents of a hidden unit) is aimed at without them, its count less their constant
    (returned by the target's index). The same solutions, so the same ranges, from a
    smaller program in which such evaluations merge again as before the link (only through
    their sums: :func:`_pieces`). Everything is left as it is when the constants contradict
    a figure (the full program, which finds it infeasible, decides).

    Returns:
        The shown figures, the bounds and the targets so, and each changed target's constant.
    """
    counts = {e[0]: c for _, e, c, _ in shown if len(e) == 1 and c is not None}
    fixed: dict[str, int] = {}
    own: set[int] = set()
    for position, (_, evaluations, count, figure) in enumerate(shown):
        if (
            len(evaluations) == 2
            and count is not None
            and figure is None
            and evaluations[1] == _SKIPPED + evaluations[0]
            and evaluations[0] in counts
            and count >= counts[evaluations[0]]
        ):
            fixed[evaluations[1]] = count - counts[evaluations[0]]
            own.add(position)
    if not fixed:
        return None
    known = {**counts, **fixed}

    def reduced(evaluations: tuple[str, ...]) -> tuple[tuple[str, ...], int, bool]:
        """Without the fixed columns: the rest, the sum of the fixed, if the rest are known."""
        rest = tuple(r for r in evaluations if r not in fixed)
        constant = sum(fixed[r] for r in evaluations if r in fixed)
        return rest, constant, all(r in known for r in rest)

    new_shown: list[Figure] = []
    for position, (index, evaluations, count, figure) in enumerate(shown):
        rest, constant, whole = reduced(evaluations)
        if len(rest) == len(evaluations):
            new_shown.append((index, evaluations, count, figure))
            continue
        if count is None or figure is not None:  # pragma: no cover - a respondents' figure
            return None
        if position in own or whole:  # its count follows from the shown counts: nothing more
            if count - constant != sum(known[r] for r in rest):
                return None
            continue
        new_shown.append((index, rest, count - constant, None))
    new_bounds: list[Bound] = []
    for index, evaluations, invited, least, most in bounds:
        rest, constant, whole = reduced(evaluations)
        if len(rest) == len(evaluations):
            new_bounds.append((index, evaluations, invited, least, most))
            continue
        if invited is not None:  # pragma: no cover - the respondents' invited are a most
            return None
        least = None if least is None else least - constant
        most = None if most is None else most - constant
        if whole:
            total = sum(known[r] for r in rest)
            if (least is not None and total < least) or (most is not None and total > most):
                return None
            continue
        new_bounds.append((index, rest, None, least, most))
    new_targets: list[Figure] = []
    offsets: dict[int, int] = {}
    for index, evaluations, count, figure in targets:
        rest, constant, _ = reduced(evaluations)
        new_targets.append((index, rest, count, figure))
        if len(rest) != len(evaluations):
            offsets[index] = constant
    return new_shown, new_bounds, new_targets, offsets
