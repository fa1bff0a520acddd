r"""How narrowly the shown figures pin a hidden group: linear programs (private).

The exact audit (:mod:`ledarutveckling._evaluation.disclosure`) finds hidden figures that the
shown ones determine exactly. A hidden group is also exposed when the shown figures leave it
too little room: its number of respondents (or answers) known to fewer than ``minimum``
possibilities, its mean known to within less than ``min_mean_width`` scale points, or the share
of its promoters or detractors known to within less than ``min_share_width`` percentage points
(a "derived unanimous" group is the extreme case: a group obtained by subtraction whose mean is
at the end of the scale tells every member's answer). This module bounds those figures under
every shown figure with linear programs solved by HiGHS (the interval attack of statistical
disclosure control; Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, section 4.3
on the feasibility intervals of suppressed cells).

The model of one measure has, per evaluation ``e``, the number of answers ``n_e >= 0``, the
number invited ``i_e >= n_e`` and, on a rating scale from ``a`` to ``b``, their sum ``s_e`` with
``a n_e <= s_e <= b n_e``, or on the NPS scale the promoters ``p_e`` and detractors ``d_e`` with
``p_e + d_e <= n_e``; and, where the figures publish it, the count in the top-two box (the
NPS question's sum of answers, of its mean) tied to them (see
:mod:`~ledarutveckling._evaluation.interval_categories`). Each shown figure of a group ``G``
adds ``sum n_e = count`` and, from its
rounded figure (a mean to one decimal rounded half up, an NPS to a whole point rounded half
away from zero), whole bounds on ``sum s_e`` or ``sum (p_e - d_e)`` (the sum of whole answers
is whole: a mean of 4.8 on 20 answers is a sum of 95 or 96). What else is published of a
group's count (:data:`Bound`: its number invited, shown or hidden, ``sum i_e = invited``; the
note beside a hidden figure, ``sum n_e <= minimum - 1`` or ``>= minimum``) adds rows that
are switched on for the second look (see :func:`narrowed`). The count of a hidden group
``H`` is bounded by minimising and maximising ``sum_H n_e``; its mean and shares are ratios,
bounded by the Charnes-Cooper transformation (variables scaled by ``t = 1 / n_H``, with
``n_H >= 1``: the group has an answer). Where a ratio's linear optimum is fractional, a reader
who uses that answers are whole may get further, so the ratio's range is decided in whole
numbers: two whole solutions at least the width apart (feasibility MILPs) prove it wide, and
if there are none its ends are found exactly by Dinkelbach's method over MILPs. Counts keep
the linear program with the whole bounds. The shown figures that pin a group are those whose
constraints carry a non-zero dual value.

The evaluations shown as groups of their own that lie in the same other groups are merged
into one evaluation of the program (:func:`_pieces`: the sums of whole numbers in intervals
are the whole numbers of the summed interval), which gives the same ranges from a program a
fraction of the size; the figures that pin a group found are taken from the full program.

An audience's record remembers between audits the answers of the questions asked (the same
question asked again, with other indices, is answered from them) and the solutions the last
search of a measure found, offered to the next one as witnesses once checked
(:mod:`ledarutveckling._evaluation.interval_witnesses`): the same groups are found either way.

HiGHS (highspy) is a dependency of the library, imported when an audit first needs it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Final

import attrs

from ledarutveckling._evaluation.interval_distributions import Distributions, merged
from ledarutveckling._evaluation.interval_pieces import _pieces
from ledarutveckling._evaluation.interval_program import (
    _TOLERANCE,
    Bound,
    Figure,
    Linked,
    _possible,
)
from ledarutveckling._evaluation.interval_program import SolverError as SolverError
from ledarutveckling._evaluation.interval_ranges import _Model
from ledarutveckling._evaluation.interval_witnesses import (
    _Carried,
    _carried_in,
    _carried_out,
    _exact,
    _offer,
)
from ledarutveckling._evaluation.late_answers import RecordDisagreesError
from ledarutveckling._evaluation.respondent_caps import _SKIPPED, _respondents

__all__: list[str] = []


@attrs.frozen(kw_only=True)
class Widths:
    """The protection of a hidden group against narrowing (from :class:`Audience`)."""

    minimum: int
    mean: float
    share: float
    """As a fraction (0.2 for 20 percentage points)."""


@attrs.frozen(kw_only=True)
class Narrowed:
    """A hidden group pinned too narrowly: what, its range, and the figures that pin it."""

    index: int
    """The hidden figure's index among the figures audited."""
    what: str
    """``"count"``, ``"mean"``, ``"promoters"``, ``"detractors"`` or ``"top2"``."""
    low: float
    high: float
    used: frozenset[int]


def _own(invited: int | None, least: int | None, most: int | None) -> float:
    """How many counts a group's own published figures leave it (its invited, its note)."""
    high = min(math.inf if invited is None else invited, math.inf if most is None else most)
    return high - (least or 0) + 1


def narrowed(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    widths: Widths,
    scale: tuple[int, int] | None,
    *,
    first: bool = False,
    safe: set[tuple[str, ...]] | None = None,
    wide: set[tuple[str, ...]] | None = None,
    bounds: Sequence[Bound] = (),
    memo: Answers | None = None,
    witnesses: list[_Carried] | None = None,
    linked: Linked | None = None,
    values: Distributions | None = None,
) -> list[Narrowed]:
    """The hidden *targets* the *shown* figures of one measure pin more narrowly than *widths*.

    A count must keep at least ``widths.minimum`` possible values, or as many as the group's
    own published figures leave it (a cohort of three invited has at most four: 0 to 3).

    Args:
        shown: The shown figures of the measure.
        targets: Its hidden figures (distinct groups, none also shown).
        bounds: What is published of the counts besides the shown ones (invited, notes).
        widths: The protection asked.
        scale: The lowest and highest answer of the measure's scale (``None`` for counts).
        first: Stop at the first group found.
        safe: Groups known to be wide enough, skipped; the groups found wide enough are
            added. Hiding a figure removes its count but notes that it had at least the
            minimum, a new bound: an audit that hides more of a measure and tests again
            forgets the measure's safe groups (:meth:`Audience.audit`).
        wide: The groups of *safe* found wide enough in a way that removing rows (hiding
            a figure) cannot change, added to: their ranges can only widen (at least as
            many possible counts, ratios at least as wide), where a group found large
            enough or empty may not stay so. :meth:`Audience.audit` keeps them safe when
            what it hides only takes rows away.
        memo: The answers to questions asked before (see :data:`Answers`): the same question
            is answered from it, and a new one is added.
        witnesses: The solutions an earlier search of the measure found (at most one
            :class:`_Carried`), offered to this one's merged program and replaced by its own
            (:mod:`~ledarutveckling._evaluation.interval_witnesses`).
        linked: A figure published beside the measure's and linked to its answers, by the
            shown figures' indices (:mod:`~ledarutveckling._evaluation.interval_categories`):
            the programs model it, and its ratio must keep its width too.
        values: The distributions shown, by the shown figures' indices
            (:mod:`~ledarutveckling._evaluation.interval_distributions`): the programs model
            the answers at each value where one is shown.
    """
    safe = set() if safe is None else safe
    wide = set() if wide is None else wide
    work = partial(
        _narrowed,
        shown,
        targets,
        widths,
        scale,
        first=first,
        bounds=bounds,
        witnesses=witnesses,
        linked=linked,
        values=values,
    )
    if memo is None:
        return work(safe=safe, wide=wide)
    # The question with the figures' indices replaced by the order they first appear in: the
    # answer depends on the indices only as names (the same program, rows and columns in the
    # same order), so a question asked again with other indices has the same answer renamed.
    rank: dict[int, int] = {}
    for index in [f[0] for f in (*shown, *targets)] + [b[0] for b in bounds]:
        rank.setdefault(index, len(rank))
    question = (
        tuple((rank[index], *rest) for index, *rest in shown),
        tuple((rank[index], *rest) for index, *rest in targets),
        tuple((rank[index], *rest) for index, *rest in bounds),
        widths,
        scale,
        first,
        frozenset(t[1] for t in targets if t[1] in safe),
        None
        if linked is None
        else (linked[0], tuple(sorted((rank[i], *ends) for i, ends in linked[1].items()))),
        None
        if values is None
        else tuple(
            sorted((rank[i], tuple(sorted(counts.items()))) for i, counts in values.items())
        ),
    )
    answer = memo.get(question)
    if answer is None:
        before, widened = set(safe), set(wide)
        found = work(safe=safe, wide=wide)
        for oldest in list(memo)[: max(0, len(memo) - _ANSWERS_KEPT + 1)]:
            memo.pop(oldest, None)  # (an audit of the same record in another thread may too)
        memo[question] = (
            tuple(_renamed(narrow, rank) for narrow in found),
            frozenset(safe - before),
            frozenset(wide - widened),
        )
        return found
    safe.update(answer[1])
    wide.update(answer[2])
    name = {number: index for index, number in rank.items()}
    return [_renamed(narrow, name) for narrow in answer[0]]


Answers = dict[
    tuple[object, ...],
    tuple[tuple[Narrowed, ...], frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]],
]
"""The narrowing check's answers by question, with the figures' indices as ranks (a cache of
an audience's record, shared with the records that follow it: see :func:`narrowed`); beside
the groups found, the groups the question found wide enough, and of those the ones whose
ranges only widen as rows are removed."""


_ANSWERS_KEPT: Final = 256
"""The most answers an audience's records keep (the oldest are forgotten)."""


def _renamed(narrow: Narrowed, name: Mapping[int, int]) -> Narrowed:
    """*narrow* with its figures' indices renamed."""
    return attrs.evolve(
        narrow, index=name[narrow.index], used=frozenset(name[i] for i in narrow.used)
    )


def _narrowed(
    shown: Sequence[Figure],
    targets: Sequence[Figure],
    widths: Widths,
    scale: tuple[int, int] | None,
    *,
    first: bool,
    safe: set[tuple[str, ...]],
    wide: set[tuple[str, ...]],
    bounds: Sequence[Bound],
    witnesses: list[_Carried] | None = None,
    linked: Linked | None = None,
    values: Distributions | None = None,
) -> list[Narrowed]:
    """:func:`narrowed`, worked out (see there for *witnesses*, *linked* and *values*)."""
    touched = {r for _, evaluations, _, _ in shown for r in evaluations}
    aimed = [t for t in targets if touched.intersection(t[1]) and t[1] not in safe]
    if not aimed:
        return []
    keys = {index: evaluations for index, evaluations, _, _ in aimed}
    own = {index: _own(invited, least, most) for index, _, invited, least, most in bounds}
    pieces = _pieces(shown, aimed, bounds, scale, linked, values)
    joined = values
    if pieces is not None and values and scale is not None:
        # A merged piece's answers at each value are the sums of its members' only where
        # theirs are exact (interval_distributions.merged): otherwise nothing is merged
        # (_pieces, given the distributions, merges only such evaluations).
        joined = merged(values, shown, pieces.shown, pieces.members, scale)
        pieces = None if joined is None else pieces
    if pieces is None:
        model = _Model(shown, scale, bounds, linked, values)
        found = _search(model, shown, aimed, bounds, widths, first, safe, keys, own=own, wide=wide)
        parts: Mapping[int, set[int]] = {}
    else:
        model = _Model(pieces.shown, scale, pieces.bounds, pieces.linked, joined)
        offered = None
        if witnesses:
            offered = _carried_in(model, pieces, witnesses[0])
        found = _search(
            model,
            pieces.shown,
            pieces.targets,
            pieces.bounds,
            widths,
            first,
            safe,
            keys,
            own=own,
            wide=wide,
            offsets=pieces.offsets,
            offered=offered,
        )
        if witnesses is not None:
            carried = _carried_out(model, pieces, _exact(shown, linked, values, scale))
            if carried is not None:
                witnesses[:] = [carried]
        parts = pieces.parts
    if not found:
        return []
    # The figures that pin a group found: from a fresh full program (a merged program's rows
    # stand for several figures each), solved for that group alone as the search did, so that
    # they do not depend on which programs the search solved before (or how it was reduced).
    model = _Model(shown, scale, bounds, linked, values)
    result = []
    for narrow, look in found:
        members = [model.column[r] for r in keys[narrow.index]]
        model.publish(look != "shown")
        if narrow.what == "count":
            spread = widths.minimum if look == "shown" else 2
            counted = model.count(members, enough=widths.minimum, spread=spread)
            used = counted[2] if counted is not None else set()
        else:
            used = next(
                (
                    used
                    for what, _, _, used in model.ratios(members, partial(_width, widths))
                    if what == narrow.what
                ),
                set(),
            )
        if not used:  # pragma: no cover - the full program finds what the search found
            used = {i for index in narrow.used for i in parts.get(index, {index})}
        result.append(attrs.evolve(narrow, used=frozenset(used)))
    return result


def _width(widths: Widths, what: str) -> float:
    return widths.mean if what == "mean" else widths.share


def _noted(
    model: _Model, notes: Sequence[int | None], offset: int, minimum: int
) -> tuple[float, float, set[int]] | None:
    """A group's count under the published bounds when its own note says it has enough.

    A figure hidden to protect another group is noted so, which says it had at least the
    minimum: with the published bounds on, that note (the least of *notes*, less the
    *offset* its constant columns add) is a row of the program, so the group's least count
    is at least the minimum there, which is all the search asks of it ("its note says it had
    enough"); no program is solved for it. Only once a solution of the program is known
    (``model.points``): a program that is infeasible (a record that contradicts itself) is
    still found so by the next group's own program. ``None`` where the note does not settle it.
    """
    least = max((low for low in notes if low is not None), default=None)
    if least is None or least + offset < minimum or not model.points:
        return None
    return float(least + offset), math.inf, set()


def _search(
    model: _Model,
    shown: Sequence[Figure],
    aimed: Sequence[Figure],
    bounds: Sequence[Bound],
    widths: Widths,
    first: bool,
    safe: set[tuple[str, ...]],
    keys: dict[int, tuple[str, ...]],
    *,
    own: Mapping[int, float],
    wide: set[tuple[str, ...]],
    offsets: Mapping[int, int] | None = None,
    offered: Any | None = None,
) -> list[tuple[Narrowed, str]]:
    """:func:`narrowed` on one program: each group found, and by which look.

    *model* is the program of *shown* and *bounds*.

    The look is ``"shown"`` (the count under the shown figures), ``"published"`` (the count
    under the published bounds too) or ``"ratio"``. The groups found wide enough are added
    to *safe* by *keys* (their evaluations as the caller gave them), and to *wide* those whose
    decision rows removed cannot change (see :func:`narrowed`). The solutions *offered*
    (of an earlier search) that fit are taken as witnesses (:func:`_offer`).
    """
    offsets = {} if offsets is None else offsets
    # Evaluations in the same shown figures are interchangeable in the program without the
    # published bounds, so two groups made of as many evaluations of each such cell have the
    # same ranges: solved once. With the bounds, also in the same bounded groups, and the
    # groups' own bounds (their invited and note) alike.
    cell: dict[str, list[int]] = {}
    for index, evaluations, _, _ in shown:
        for reference in evaluations:
            cell.setdefault(reference, []).append(index)
    bounded: dict[str, list[int]] = {}
    owned: dict[tuple[str, ...], list[tuple[int, int | None, int | None, int | None]]] = {}
    # An evaluation's own respondents in a question's program (its answers and its skipped
    # column: respondent_links) are its own too: alike in two evaluations (exchanged with
    # their skipped columns, which lie in the same rows as their answers), by their values.
    respondents: dict[str, tuple[int, str]] = {}
    for index, evaluations, invited, least, most in bounds:
        owned.setdefault(evaluations, []).append((index, invited, least, most))
        for reference in evaluations:
            bounded.setdefault(reference, []).append(index)
            if _respondents(evaluations):
                respondents[reference] = (index, str((invited, least, most)))

    def signature(evaluations: tuple[str, ...]) -> tuple[object, ...]:
        mine = owned.get(evaluations, [])
        skip = {index for index, *_ in mine}

        def alike(r: str) -> tuple[object, ...]:
            own, values = respondents.get(r, (-1, ""))
            others = tuple(i for i in bounded.get(r, ()) if i not in skip and i != own)
            return tuple(cell.get(r, ())), others, "" if own in skip else values

        return (
            tuple(sorted(alike(r) for r in evaluations)),
            tuple(sorted((str(values),) for _, *values in mine)),
        )

    found: list[tuple[Narrowed, str]] = []
    # First the counts under the shown figures alone (as few possible values as the minimum),
    # with the published bounds switched off; then, of the groups that could be small, the
    # counts under the bounds too (never a single value) and the ratios under all of it.
    # The counts under the bounds are worked out first, though, for every group: a solution
    # with the bounds on is one without them too (fewer rows bounded), so the solutions they
    # find are witnesses for the counts under the shown figures alone, which then seldom need
    # a program of their own (the other way round they are not). Each range is decided
    # exactly either way (a witness only spares a program), so the same groups are found, in
    # the same order; a group found or found large enough under the shown figures alone had
    # its count under the bounds worked out for nothing (and its solutions kept).
    # Where only the objective changes from one program to the next (the counts of one
    # group after another, a ratio's least and most), the primal simplex method goes on from
    # the last basis (_Program.primal: 6 iterations against 269 at 100 cohorts). Only the
    # search's programs: the figures that pin a group found come from a fresh program solved
    # as before (_narrowed).
    model.primal()
    model.publish(True)
    offered = _offer(model, offered)  # those that fit are kept below too
    counts2: dict[tuple[object, ...], tuple[float, float, set[int]] | None] = {}
    signatures: dict[int, tuple[object, ...]] = {}

    def count(
        evaluations: tuple[str, ...], offset: int, spread: int
    ) -> tuple[float, float, set[int]] | None:
        """The group's count range (with the *offset* its constant columns add to it)."""
        counted = model.count(
            [model.column[r] for r in evaluations], enough=widths.minimum - offset, spread=spread
        )
        return None if counted is None else (counted[0] + offset, counted[1] + offset, counted[2])

    for index, evaluations, _, _ in aimed:
        if all(r in model.column for r in evaluations):
            offset = offsets.get(index, 0)
            signatures[index] = (offset, signature(evaluations))
            key = signatures[index]
            if key not in counts2:
                notes = [least for _, _, least, _ in owned.get(evaluations, ())]
                counts2[key] = _noted(model, notes, offset, widths.minimum) or count(
                    evaluations, offset, 2
                )
    model.publish(False)
    _offer(model, offered)
    counts: dict[tuple[object, ...], tuple[float, float, set[int]] | None] = {}
    maybe = []
    for index, evaluations, _, _ in aimed:
        if index not in signatures:
            safe.add(keys[index])  # an evaluation no shown figure covers: unbounded
            continue
        offset = offsets.get(index, 0)
        shape = (offset, tuple(sorted(tuple(cell.get(r, ())) for r in evaluations)))
        if shape not in counts:
            counts[shape] = count(evaluations, offset, widths.minimum)
        counted = counts[shape]
        if counted is None:  # the record contradicts itself: refuse, never skip the check
            raise RecordDisagreesError("infeasible")
        low, high, used = counted
        if low > widths.minimum - 1 + _TOLERANCE:
            safe.add(keys[index])  # at least minimum respondents: could have been shown
        elif _possible(low, high) < widths.minimum:
            found.append(
                (
                    Narrowed(index=index, what="count", low=low, high=high, used=frozenset(used)),
                    "shown",
                )
            )
            if first:
                return found
        else:
            maybe.append((index, evaluations, signatures[index]))
    model.publish(True)
    small = []  # the groups that could be small (counts first, then ratios: fewer re-starts)
    for index, evaluations, key in maybe:
        counted = counts2[key]
        if counted is None:
            raise RecordDisagreesError("infeasible")
        low, high, used = counted
        if low > widths.minimum - 1 + _TOLERANCE:
            safe.add(keys[index])  # its note says it had enough
        elif _possible(low, high) < min(2, own.get(index, math.inf)):
            found.append(
                (
                    Narrowed(index=index, what="count", low=low, high=high, used=frozenset(used)),
                    "published",
                )
            )
            if first:
                return found
        elif any(r.startswith(_SKIPPED) for r in keys[index]):
            # Respondents in a question's program (respondent_links): their count is checked
            # here, their answers' ratios as the question's own hidden figure.
            safe.add(keys[index])
            wide.add(keys[index])
        elif high >= 1 - _TOLERANCE:  # some with an answer: bound the ratios
            small.append((index, evaluations, key))
        else:
            safe.add(keys[index])  # known to be empty: nobody's answers to tell
    ratios: dict[tuple[object, ...], list[tuple[str, float, float, set[int]]]] = {}
    for index, evaluations, key in small:
        if key not in ratios:
            ratios[key] = model.ratios(
                [model.column[r] for r in evaluations], partial(_width, widths)
            )
        for what, low, high, used in ratios[key]:
            width = widths.mean if what == "mean" else widths.share
            if high - low < width - _TOLERANCE:
                found.append(
                    (
                        Narrowed(index=index, what=what, low=low, high=high, used=frozenset(used)),
                        "ratio",
                    )
                )
                if first:
                    return found
                break
        else:
            safe.add(keys[index])
            wide.add(keys[index])  # each ratio wide: wider still with fewer rows
    return found
