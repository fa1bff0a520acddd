"""The exact audit: which hidden figures the shown ones determine (private).

The hidden figures and the small cells in the span of the shown figures (their exact
row-echelon basis, :mod:`~ledarutveckling._evaluation.exact_basis`), and the unions of
undetermined cells searched for whole 0/1 solutions. Used by
:class:`~ledarutveckling._evaluation.disclosure.Audience`, which explains the method.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Final

import attrs

from ledarutveckling._evaluation.categories import Pinned, pinned
from ledarutveckling._evaluation.exact_basis import _Basis, _divide, _tidy, _vector
from ledarutveckling._evaluation.figures import COMMENTS, RESPONDENTS, ShownFigure
from ledarutveckling._evaluation.interval_categories import linked
from ledarutveckling._evaluation.interval_distributions import distributions
from ledarutveckling._evaluation.respondent_caps import respondent_caps, respondent_links

if TYPE_CHECKING:
    from ledarutveckling._evaluation.exact_basis import _Number

    # the narrowed intervals (and their solver) by the first audit that asks for them
    from ledarutveckling._evaluation.interval_program import Bound
    from ledarutveckling._evaluation.interval_witnesses import _Carried
    from ledarutveckling._evaluation.intervals import Answers, Widths


class _Memory:
    """What the audits of an audience's record worked out that its next audit can use.

    A cache held by the record (:class:`~ledarutveckling._evaluation.disclosure.Audience`),
    never pickled or saved, and invisible from outside: the same answers are worked out
    without it. *bases* is the exact audit's basis of every shown figure of the record, per
    measure (of this record only: its next audit starts from it instead of adding every
    earlier figure again); *answers* are the narrowing check's answers by question (see
    :func:`~ledarutveckling._evaluation.intervals.narrowed`) and *unions* the union search's
    (:func:`_unions`), shared with the records that follow (*before*'s are taken over), since
    an answer depends on its question only; and so are *witnesses*, the solutions the last
    search of each measure found, which the next search checks before it uses them
    (:mod:`~ledarutveckling._evaluation.interval_witnesses`), and *pinned* the category
    check's answers by question (:func:`~ledarutveckling._evaluation.categories.pinned`).
    *tracked* is, per measure, the tracked basis of the shown figures of the earlier
    publications (:func:`_tracked`) with those figures, and *parsed* the category check's
    ranges of each figure's categories
    (:func:`~ledarutveckling._evaluation.categories.pinned`); both are copied from *before*,
    as its later audits may add to them.
    """

    def __init__(self, before: _Memory | None = None) -> None:
        self.bases: dict[str, _Basis] = {}
        self.tracked: dict[str, tuple[tuple[tuple[int, ShownFigure], ...], _Basis]] = (
            {} if before is None else dict(before.tracked)
        )
        self.parsed: dict[tuple[tuple[str, ...], int | None], dict[str, tuple[int, int]]] = (
            {} if before is None else dict(before.parsed)
        )
        self.answers: Answers = {} if before is None else before.answers
        self.unions: dict[tuple[object, ...], tuple[ShownFigure, ...]] = (
            {} if before is None else before.unions
        )
        self.witnesses: dict[str, list[_Carried]] = {} if before is None else before.witnesses
        self.pinned: dict[tuple[object, ...], dict[tuple[str, ...], Pinned]] = (
            {} if before is None else before.pinned
        )


UNION_SEARCH: Final = 20
"""The default of :attr:`Audience.union_search`: relations among undetermined cells searched."""


_Leak = tuple[ShownFigure, frozenset[int]]
"""A hidden figure that is determined, and the shown figures (by index) that determine it."""


def _leaks(
    figures: Sequence[ShownFigure],
    minimums: Mapping[str, int],
    *,
    every: bool = True,
    frozen: int = 0,
    cache: dict[str, _Basis] | None = None,
    limit: int = UNION_SEARCH,
    widths: Widths | None = None,
    safe: dict[str, set[tuple[str, ...]]] | None = None,
    wide: dict[str, set[tuple[str, ...]]] | None = None,
    own: int | None = None,
    memory: _Memory | None = None,
) -> list[_Leak]:
    """The hidden figures that the shown figures of the same measure determine exactly.

    Searched: every hidden figure of a group not also shown in another publication (the
    figures from index *own* on, *frozen* unless given, are the newest publication: a figure
    it hides and shows at once — a total over the only group that asked a question, that
    group hidden — gives the hidden one away), and every *cell* (the
    evaluations that lie in the same shown groups: the finest pieces the shown figures
    can tell apart) whose determined count is above 0 and below the measure's minimum.
    With *widths*, also every hidden figure whose count, mean or shares the shown figures
    pin more narrowly than they ask (:func:`~ledarutveckling._evaluation.intervals.narrowed`;
    respondents and questions, not comments, whose groups are those of the respondents).
    Without *every*, at most the first leak of each measure is returned. The basis of the
    first *frozen* figures of each measure is kept in *cache* for the next call, and the
    hidden groups found wide enough in *safe* (valid while figures are only hidden), and in
    *wide* those of them whose ranges only widen as shown figures are hidden. With
    *memory*, the narrowing check's answers are taken from and added to it, and the basis of
    every shown figure of each measure is left in it (:class:`_Memory`).
    """
    from ledarutveckling._evaluation.intervals import narrowed

    by_measure: dict[str, list[tuple[int, ShownFigure]]] = {}
    for index, figure in enumerate(figures):
        by_measure.setdefault(figure.measure, []).append((index, figure))
    cache = {} if cache is None else cache
    found: list[_Leak] = []
    for measure in sorted(by_measure):
        group = by_measure[measure]
        shown_figures = [(i, f) for i, f in group if f.shown]
        shown = {f.evaluations for _, f in shown_figures}
        hidden = {f.evaluations: f for _, f in group if not f.shown and f.evaluations}
        if measure not in cache:
            cache[measure] = _Basis().add((i, f) for i, f in shown_figures if i < frozen)
        basis = _Basis(cache[measure]).add((i, f) for i, f in shown_figures if i >= frozen)
        if memory is not None:
            memory.bases[measure] = basis
        # A hidden figure over the same evaluations as a figure an earlier publication showed
        # is no secret (what was shown stays known); hidden and shown in the newest one, it is
        # given away there (a total whose question only one hidden group asked).
        start = frozen if own is None else own
        before = {f.evaluations for i, f in shown_figures if i < start}
        now = {f.evaluations for i, f in shown_figures if i >= start} & {
            f.evaluations for i, f in group if not f.shown and i >= start
        }
        exposed = [
            f
            for key, f in sorted(hidden.items())
            if key not in shown or (key in now and key not in before)
        ]
        exposed = [f for f in exposed if not basis.reduce(_vector(f))[0]]
        tracked = partial(_tracked, memory, measure, shown_figures, frozen, {})
        bounded = _bounded(shown_figures, hidden, shown)
        exposed += [f for f, _ in bounded if f not in exposed]
        minimum = minimums.get(measure, minimums[RESPONDENTS])
        if (
            measure not in (RESPONDENTS, COMMENTS)
            and (every or not exposed)
            and set(hidden) - shown
        ):
            sets = _determined_sets(memory, basis, shown_figures, limit)
            parsed = None if memory is None else memory.parsed
            more = pinned(
                shown_figures,
                hidden,
                sets,
                tracked,
                parsed,
                memo=None if memory is None else memory.pinned,
            )
            counted = [(i, f) for i, f in shown_figures if f.categories]
            if 0 < len(counted) < len(shown_figures):
                # Some figures come from a record saved before the category counts were
                # kept: a set reduced along them is pinned by nothing, so the sets are also
                # reduced along the figures that count their categories.
                along = partial(_Basis(track=True).add, counted)
                more += pinned(counted, hidden, sets, along, parsed)
            bounded += more
            exposed += [f for f, _ in more if f not in exposed]
        if every or not exposed:
            exposed += _unions(
                memory, basis, measure, shown_figures, minimum, shown | set(hidden), limit
            )
        by_bound = dict(bounded)
        if widths is not None and measure != COMMENTS and (every or not exposed):
            index_of = {f.evaluations: i for i, f in group if not f.shown and f.evaluations}
            targets = [
                (index_of[key], key, None, None)
                for key in sorted(hidden)
                if key not in shown and hidden[key] not in exposed
            ]
            scale = next(
                (
                    (f.lowest, f.highest)
                    for _, f in group
                    if f.lowest is not None and f.highest is not None
                ),
                None,
            )
            # A question's program holds the respondents too, evaluation by evaluation (each
            # one's answers and those who skipped the question): the question's figures may
            # pin an evaluation's respondents, and so a hidden group's (respondent_links).
            respondents = by_measure.get(RESPONDENTS, []) if measure != RESPONDENTS else []
            links = respondent_links(
                respondents, sorted({f.evaluations for _, f in respondents if f.evaluations})
            )
            latest = list({f.evaluations: (i, f) for i, f in shown_figures}.values())
            for narrow in narrowed(
                # The latest figure of each group: the same group shown again says the same,
                # or (late answers) supersedes what it said before.
                list(
                    {
                        f.evaluations: (i, f.evaluations, f.count, f.figure)
                        for i, f in shown_figures
                    }.values()
                )
                + respondent_caps(by_measure.get(RESPONDENTS, []), group)
                + links[0],
                [*targets, *links[2]],
                attrs.evolve(widths, minimum=minimum),
                scale,
                first=not every,
                safe=None if safe is None else safe.setdefault(measure, set()),
                wide=None if wide is None else wide.setdefault(measure, set()),
                bounds=_published_bounds(group) + links[1],
                memo=None if memory is None else memory.answers,
                witnesses=None if memory is None else memory.witnesses.setdefault(measure, []),
                linked=linked(latest),
                values=distributions(latest),
            ):
                figure = figures[narrow.index]
                exposed.append(figure)
                by_bound[figure] = narrow.used
        if not exposed:
            continue
        for figure in exposed if every else exposed[:1]:
            used = by_bound.get(figure)
            if used is None:
                used = frozenset(tracked().reduce(_vector(figure))[2])
            found.append((figure, used))
    return found


def _tracked(
    memory: _Memory | None,
    measure: str,
    shown_figures: Sequence[tuple[int, ShownFigure]],
    frozen: int,
    built: dict[str, _Basis],
) -> _Basis:
    """The tracked basis of *shown_figures* in order, built once (kept in *built*).

    The basis of the first *frozen* figures (the earlier publications) is taken from *memory*
    when the figures it was built from are the same, or begin them (then the rest are added,
    in the same order: the same rows); it is left there for the next audit.
    """
    if measure not in built:
        earlier = tuple(pair for pair in shown_figures if pair[0] < frozen)
        kept = None if memory is None else memory.tracked.get(measure)
        if kept is not None and earlier[: len(kept[0])] == kept[0]:
            start = _Basis(kept[1]).add(earlier[len(kept[0]) :])
        else:
            start = _Basis(track=True).add(earlier)
        if memory is not None:
            memory.tracked[measure] = (earlier, start)
        built[measure] = _Basis(start).add(pair for pair in shown_figures if pair[0] >= frozen)
    return built[measure]


def _published_bounds(group: Sequence[tuple[int, ShownFigure]]) -> list[Bound]:
    """What every figure of a measure publishes of its count besides the count itself.

    The participants invited (shown or hidden) and the note of a hidden figure; the latest
    of each group, as the programs take the latest count.
    """
    latest: dict[tuple[str, ...], Bound] = {}
    for index, f in group:
        least, most = (None, None) if f.shown else (f.at_least, f.at_most)
        if f.evaluations and (f.invited is not None or least is not None or most is not None):
            latest[f.evaluations] = (index, f.evaluations, f.invited, least, most)
    return list(latest.values())


def _bounded(
    shown_figures: Sequence[tuple[int, ShownFigure]],
    hidden: Mapping[tuple[str, ...], ShownFigure],
    shown: set[tuple[str, ...]],
) -> list[tuple[ShownFigure, frozenset[int]]]:
    """The hidden figures pinned by the scale's bounds: inside a unanimous shown group.

    A group whose every answer lies in one category (:attr:`ShownFigure.unanimous`) tells
    the category of every answer of each of its parts: the answers are bounded by the
    scale, and a sum at its bound leaves no room (the "all four were promoters" of issue 20).
    Each is returned with the unanimous figures that pin it.
    """
    unanimous = [(i, set(f.evaluations)) for i, f in shown_figures if f.unanimous]
    if not unanimous:
        return []
    result = []
    for key, figure in sorted(hidden.items()):
        if key in shown:
            continue
        used = frozenset(i for i, members in unanimous if members.issuperset(key))
        if used:
            result.append((figure, used))
    return result


class _SearchCappedError(Exception):
    """The union search would pass the audience's cap: the audit cannot vouch for the unions."""

    def __init__(self, measure: str, rank: int) -> None:
        super().__init__(measure, rank)
        self.measure = measure
        self.rank = rank


def _echelon(rows: Iterable[frozenset[int]]) -> list[tuple[int, dict[int, _Number]]]:
    """The reduced row-echelon form of 0/1 *rows* (column sets), exact: (pivot, row) pairs."""
    basis: list[tuple[int, dict[int, _Number]]] = []
    for columns in rows:
        vector: dict[int, _Number] = dict.fromkeys(columns, 1)
        for pivot, row in basis:
            factor = vector.get(pivot)
            if factor:
                for key, value in row.items():
                    updated = _tidy(vector.get(key, 0) - factor * value)
                    if updated:
                        vector[key] = updated
                    else:
                        vector.pop(key, None)
        if not vector:
            continue
        pivot = min(vector)
        scale = vector[pivot]
        vector = {k: _divide(v, scale) for k, v in vector.items()}
        reduced = []
        for other_pivot, row in basis:  # keep the form reduced: no other row has this pivot
            factor = row.get(pivot)
            if factor:
                row = {k: _tidy(row.get(k, 0) - factor * vector.get(k, 0)) for k in row | vector}
                row = {k: v for k, v in row.items() if v}
            reduced.append((other_pivot, row))
        basis = [*reduced, (pivot, vector)]
    return basis


def _zero_one_vectors(rows: list[tuple[int, dict[int, _Number]]], width: int) -> list[list[int]]:
    """Every vector of 0s and 1s, with at least two 1s, in the span of reduced *rows*.

    A vector of the span is fixed by its entries at the pivots (the reduced form has 1 at its
    own pivot and 0 at the others'), so the pivots are given 0 or 1 in turn, depth first, and
    a branch is cut as soon as some other column can no longer end at 0 or 1 (the bounds of
    what the rows still to be chosen can add). At worst 2 ** len(rows) leaves.
    """
    pivots = {pivot for pivot, _ in rows}
    free = [c for c in range(width) if c not in pivots]
    low: list[dict[int, _Number]] = [dict.fromkeys(free, 0) for _ in range(len(rows) + 1)]
    high: list[dict[int, _Number]] = [dict.fromkeys(free, 0) for _ in range(len(rows) + 1)]
    for depth in range(len(rows) - 1, -1, -1):
        row = rows[depth][1]
        for column in free:
            value = row.get(column, 0)
            low[depth][column] = low[depth + 1][column] + min(0, value)
            high[depth][column] = high[depth + 1][column] + max(0, value)
    found: list[list[int]] = []
    chosen: list[int] = []

    def visit(depth: int, sums: dict[int, _Number]) -> None:
        if any(sums[c] + high[depth][c] < 0 or sums[c] + low[depth][c] > 1 for c in free):
            return
        if depth == len(rows):
            if all(sums[c] in (0, 1) for c in free):
                ones = [rows[i][0] for i in chosen] + [c for c in free if sums[c] == 1]
                if len(ones) >= 2:
                    found.append(sorted(ones))
            return
        visit(depth + 1, sums)
        row = rows[depth][1]
        chosen.append(depth)
        visit(depth + 1, {c: sums[c] + row.get(c, 0) for c in free})
        chosen.pop()

    visit(0, dict.fromkeys(free, 0))
    return found


_UNIONS_KEPT: Final = 256
"""The most answers of the union search an audience's records keep (the oldest forgotten)."""


def _unions(
    memory: _Memory | None,
    basis: _Basis,
    measure: str,
    shown_figures: Sequence[tuple[int, ShownFigure]],
    minimum: int,
    known: set[tuple[str, ...]],
    limit: int,
) -> list[ShownFigure]:
    """:func:`_small_unions`, from *memory* when the same search was made before.

    The basis is that of the shown figures in order, and a group shown again adds nothing to
    it (its vector is in the span) nor to the cells, so the search is fixed by the measure,
    the evaluations and count of each group as first shown, in order, the minimum, the groups
    known and the limit. A search that passes the limit raises again each time.
    """
    if memory is None:
        return _small_unions(basis, measure, shown_figures, minimum, known, limit)
    first: dict[tuple[str, ...], int | None] = {}
    for _, figure in shown_figures:
        first.setdefault(figure.evaluations, figure.count)
    search = (
        measure,
        tuple(first.items()),
        minimum,
        frozenset(known),
        limit,
    )
    found = memory.unions.get(search)
    if found is None:
        found = tuple(_small_unions(basis, measure, shown_figures, minimum, known, limit))
        for oldest in list(memory.unions)[: max(0, len(memory.unions) - _UNIONS_KEPT + 1)]:
            memory.unions.pop(oldest, None)  # (an audit in another thread may too)
        memory.unions[search] = found
    return list(found)


def _small_unions(
    basis: _Basis,
    measure: str,
    shown_figures: Sequence[tuple[int, ShownFigure]],
    minimum: int,
    known: set[tuple[str, ...]],
    limit: int = UNION_SEARCH,
) -> list[ShownFigure]:
    """The cells, and unions of undetermined cells, determined with a count in (0, minimum).

    A cell determined on its own is either exposed or large enough; a union of cells can be
    determined while none of them is (a group less a nested one, beside another grouping).
    A union of undetermined cells is determined exactly when its indicator lies in the span
    of the shown figures projected onto those cells (a determined cell can be added or taken
    away freely), so the search enumerates the 0/1 vectors of that projected span
    (:func:`_zero_one_vectors`): exponential in its rank, not in the number of cells.

    Raises:
        _SearchCappedError: If the rank is above *limit* (the audience's ``union_search``).
    """
    found = []
    undetermined = []
    reduced: list[tuple[dict[str, _Number], _Number]] = []
    shown = {f.evaluations for _, f in shown_figures}
    for cell in _cells([f for _, f in shown_figures]):
        if cell in shown:  # a shown figure's own: in the span, and known
            continue
        rest, value, _ = basis.reduce(dict.fromkeys(cell, 1))
        if rest:
            undetermined.append(cell)
            reduced.append((rest, value))
        elif cell not in known and 0 < value < minimum:
            found.append(ShownFigure(measure=measure, group=cell, evaluations=cell, shown=False))
    if len(undetermined) < 2:
        return found
    column = {reference: i for i, cell in enumerate(undetermined) for reference in cell}
    projected = {
        frozenset(column[r] for r in figure.evaluations if r in column)
        for _, figure in shown_figures
    }
    rows = _echelon(sorted((p for p in projected if p), key=sorted))
    if len(rows) > limit:
        raise _SearchCappedError(measure, len(rows))
    for ones in _zero_one_vectors(rows, len(undetermined)):
        union = tuple(sorted(r for i in ones for r in undetermined[i]))
        if union in known:
            continue
        # the reduction is linear in the vector: the union's is the sum of its cells'
        left: dict[str, _Number] = {}
        value = 0
        for i in ones:
            part, part_value = reduced[i]
            for reference, coefficient in part.items():
                left[reference] = left.get(reference, 0) + coefficient
            value += part_value
        if not any(left.values()) and 0 < value < minimum:
            found.append(ShownFigure(measure=measure, group=union, evaluations=union, shown=False))
    return found


def _cells(figures: Sequence[ShownFigure]) -> list[tuple[str, ...]]:
    """The evaluations grouped by the shown figures they lie in (each cell sorted).

    Figures over the same evaluations (a group shown again) split no cell: each is taken once.
    """
    membership: dict[str, list[int]] = {}
    for index, evaluations in enumerate(dict.fromkeys(f.evaluations for f in figures)):
        for reference in evaluations:
            membership.setdefault(reference, []).append(index)
    cells: dict[tuple[int, ...], list[str]] = {}
    for reference, indices in membership.items():
        cells.setdefault(tuple(indices), []).append(reference)
    return sorted(tuple(sorted(cell)) for cell in cells.values())


def _determined_sets(
    memory: _Memory | None,
    basis: _Basis,
    shown_figures: Sequence[tuple[int, ShownFigure]],
    limit: int,
) -> list[tuple[str, ...]]:
    """The cells and unions of undetermined cells whose counts the shown figures determine.

    As :func:`_small_unions` finds them, whatever their count: a union of many answers can
    still be all in one published category (:mod:`~ledarutveckling._evaluation.categories`).
    Kept in *memory* as the union search's answers are (see :func:`_unions`).

    Raises:
        _SearchCappedError: If the rank searched is above *limit*.
    """
    if memory is None:
        return _searched_sets(basis, shown_figures, limit)
    first: dict[tuple[str, ...], int | None] = {}
    for _, figure in shown_figures:
        first.setdefault(figure.evaluations, figure.count)
    search = ("determined", tuple(first.items()), limit)
    found = memory.unions.get(search)
    if found is None:
        found = tuple(
            ShownFigure(measure="", group=s, evaluations=s, shown=False)
            for s in _searched_sets(basis, shown_figures, limit)
        )
        while len(memory.unions) >= _UNIONS_KEPT:
            del memory.unions[next(iter(memory.unions))]  # the oldest
        memory.unions[search] = found
    return [f.evaluations for f in found]


def _searched_sets(
    basis: _Basis, shown_figures: Sequence[tuple[int, ShownFigure]], limit: int
) -> list[tuple[str, ...]]:
    """:func:`_determined_sets`, worked out."""
    shown_keys = {f.evaluations for _, f in shown_figures}
    found: list[tuple[str, ...]] = []
    undetermined: list[tuple[str, ...]] = []
    for cell in _cells([f for _, f in shown_figures]):
        if cell not in shown_keys:
            (undetermined if basis.reduce(dict.fromkeys(cell, 1))[0] else found).append(cell)
    if len(undetermined) < 2:
        return found
    column = {reference: i for i, cell in enumerate(undetermined) for reference in cell}
    projected = {
        frozenset(column[r] for r in figure.evaluations if r in column)
        for _, figure in shown_figures
    }
    rows = _echelon(sorted((p for p in projected if p), key=sorted))
    if len(rows) > limit:
        raise _SearchCappedError(shown_figures[0][1].measure, len(rows))
    for ones in _zero_one_vectors(rows, len(undetermined)):
        found.append(tuple(sorted(r for i in ones for r in undetermined[i])))
    return found
