r"""What an audience has been shown, and the audit that keeps hidden groups hidden (private).

A hidden group is protected only if nothing the same audience was shown, in this report or in
any earlier one, lets its figures be worked out. Every figure the library shows of a group of
evaluations is *additive* over the evaluations in it: the number of respondents, per question
the number of answers, their sum (the mean times the count), the number of answers of each
value (the distribution, and so the NPS components), and the multiset of free-text comments.
A reader who knows the figures of some groups (and which evaluations each group holds, which
every report says) therefore knows every linear combination of them, and nothing else beyond
bounds: a hidden group's figures can be worked out exactly if and only if the group's
indicator vector over the evaluations lies in the linear span of the shown groups' vectors
(the "linear combination" attack of tabular data protection).

:class:`Audience` is the record of what one audience was shown (a small value object: the
groups, and for each figure whether it was shown and its count, never the answers). The audit
(:meth:`Audience.audit`) takes the groups a new publication would show and hide, and decides
the span test in exact rational arithmetic (:class:`fractions.Fraction`; no floating point
and no solver: HiGHS, in the optional ``rollout`` extra, is not needed, and a linear program
in floating point would not be exact) for every figure: respondents, each question and the
comments. When a hidden group would become derivable, the audit hides more of the new
publication — of the shown figures the derivation uses, the smallest first — and tests again;
when no new figure is used (the earlier publications alone pin the group), it refuses with an
error that names those earlier publications.

Method: complementary suppression and the audit of linked tables as in statistical disclosure
control (A. Hundepool, J. Domingo-Ferrer, L. Franconi, S. Giessing, E. Schulte Nordholt,
K. Spicer and P.-P. de Wolf, *Statistical Disclosure Control*, Wiley 2012, chapter 4 on
frequency and magnitude tables and section 4.4 on linked tables); thresholds as in Swedish
practice, where survey tools and Statistics Sweden's guidance hide means for groups under
about five respondents and answer distributions and free text under a higher minimum.

Searched are every hidden group, every *cell* (evaluations lying in the same shown groups) and
every union of undetermined cells that the shown figures determine: these are the 0/1 vectors
of the shown figures' span projected onto the undetermined cells, enumerated over the pivots of
its reduced echelon form with branches cut by bounds (exponential in the span's rank, not in
the number of cells). The rank searched is capped (:attr:`Audience.union_search`, 20 by
default); above it the audit refuses and says that the cap was reached.

Bounds. Counts are non-negative: a count pinned by that bound and the shown figures is pinned
by the span test too (a linear function constant on {x >= 0, Ax = b} is a combination of the
rows of A plus the coordinates forced to 0, so the hidden group less its parts forced empty
has the same count and lies in the span: a cell or union the search above finds). Answers are
bounded by the scale: a shown group whose answers all lie in one published category (all in the
top-two box or none; all promoters, passives or detractors; :attr:`ShownFigure.unanimous`)
pins the category of every answer of each hidden part of it, so such a part is treated as
exposed and the audit hides the unanimous figure (or refuses, naming the publication).

Narrowing. Beyond exact derivation, a hidden group that could have fewer than ``minimum``
respondents must not be pinned more narrowly than the audience asks: its count to fewer than
``minimum`` possible values under the shown figures, or to a single value under everything
published of it too (:attr:`ShownFigure.invited`, :attr:`ShownFigure.at_least` and
:attr:`ShownFigure.at_most`: the number invited, which reports show for hidden groups, and
the notes "too few responses (n < 5)" and "hidden to protect another group"); its mean to a
range under :attr:`Audience.min_mean_width` scale points, its NPS shares of promoters and
detractors to ranges under :attr:`Audience.min_share_width` percentage points, under all of
it. These ranges are bounded (means and NPS as rounded, in whole numbers) with HiGHS
(:mod:`ledarutveckling._evaluation.intervals`: linear programs with whole-number bounds, and
integer programs for the means and shares where the linear optimum is fractional), which also
catches a group derived by subtraction whose answers are all equal; the figures with non-zero
dual values are those the narrowing uses, hidden or named in a refusal as above.

Limits: a count's range is the linear program's with whole bounds (an integer program could
rarely narrow it further); the ranges of the hidden groups are checked, not of every union of
cells; each question is its own program, and the median, top-two-box share and the separate
promoter and detractor shares are not in it; knowledge from outside the library (a reader who
knows how a colleague answered) is outside any audit.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

import attrs

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import (
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    _check_minimum,
)
from ledarutveckling.errors import Problem, ValidationError

__all__ = ["Audience", "Publication", "ShownFigure"]


RESPONDENTS: Final = "respondents"
"""The measure of the number of respondents."""

COMMENTS: Final = "comments"
"""The measure of the free-text comments."""


_WORDS: Final[Words[str]] = Words(
    {
        "refused": (
            "skulle röja den dolda gruppen {group} ({measure}) tillsammans med det som "
            "redan visats: {earlier}",
            "would reveal the hidden group {group} ({measure}) together with what was "
            "already shown: {earlier}",
        ),
        "changed": (
            "skiljer sig för lite från {earlier}: {group} ({measure}) har färre än {minimum} "
            "svar fler eller färre än där, så de nya svaren kan räknas ut",
            "differs too little from {earlier}: {group} ({measure}) has fewer than {minimum} "
            "answers more or fewer than there, so the new answers can be worked out",
        ),
        "unsolved": (
            "kan inte granskas: lösaren HiGHS gav inget svar ({status}); inget visas",
            "cannot be audited: the solver HiGHS gave no answer ({status}); nothing is shown",
        ),
        "nothing_earlier": ("denna publicering", "this publication"),
        "capped": (
            "kan inte granskas: de dolda delarna ({measure}) hänger ihop genom {rank} "
            "oberoende samband, fler än union_search = {limit} tillåter; dölj fler grupper "
            "eller höj union_search",
            "cannot be audited: the hidden parts ({measure}) are tied by {rank} independent "
            "relations, more than union_search = {limit} allows; hide more groups or raise "
            "union_search",
        ),
    }
)


_MEASURES: Final[Words[str]] = Words(
    {RESPONDENTS: ("antal svar", "respondents"), COMMENTS: ("kommentarer", "comments")}
)
"""The reader's names of the counts among the measures (see :class:`Measure`)."""

_PUBLICATIONS: Final[Words[str]] = Words(
    {
        "summary": ("sammanställningen", "the summary"),
        "breakdown by program": ("uppdelningen per program", "the breakdown by programme"),
        "breakdown by cohort": ("uppdelningen per kohort", "the breakdown by cohort"),
        "breakdown by call_off": ("uppdelningen per avrop", "the breakdown by call-off"),
        "breakdown by unit": (
            "uppdelningen per beställande enhet",
            "the breakdown by ordering unit",
        ),
        "breakdown by year": ("uppdelningen per år", "the breakdown by year"),
        "periods": (
            "jämförelsen av perioderna {before} och {after}",
            "the comparison of the periods {before} and {after}",
        ),
    }
)
"""The reader's names of the publications the library records by itself (see
:class:`Publications`); a label the caller gave is shown as written."""

_PERIODS: Final = re.compile(
    r"periods (\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d) and (\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)"
)


def _publication_name(label: str, locale: str) -> str:
    """The reader's name of the publication recorded as *label*."""
    if label in _PUBLICATIONS:
        return _PUBLICATIONS.text(label, locale)
    found = _PERIODS.fullmatch(label)
    if found is None:
        return label
    from ledarutveckling.formatting import format_date_range

    days = [dt.date.fromisoformat(day) for day in found.groups()]
    before, after = (DateRange(start=days[i], end=days[i + 1]) for i in (0, 2))
    return _PUBLICATIONS.format(
        "periods",
        locale,
        before=format_date_range(before, locale=locale),
        after=format_date_range(after, locale=locale),
    )


class Publications(Labelled, str):
    r"""Earlier publications named in a refusal, told in the reader's language.

    A ``str`` equal to the labels as recorded, joined by ``"; "`` (so that a problem's
    parameters compare as before), which a message shows with the reader's names of the
    publications the library records by itself (``"breakdown by cohort"`` is
    "uppdelningen per kohort"); none at all is "denna publicering".

    Examples:
        >>> names = Publications(("breakdown by cohort", "mars"))
        >>> names == "breakdown by cohort; mars", names.label(), names.label("en_GB")
        (True, 'uppdelningen per kohort; mars', 'the breakdown by cohort; mars')
        >>> Publications(("periods 2026-01-01/2026-06-30 and 2026-07-01/2026-12-31",)).label()
        'jämförelsen av perioderna 1 januari\xa0– 30 juni 2026 och 1 juli\xa0– 31 december 2026'
        >>> Publications(()).label("en_GB")
        'this publication'
    """

    labels: tuple[str, ...]

    def __new__(cls, labels: tuple[str, ...]) -> Publications:
        """*labels*: the publications' labels as recorded."""
        self = super().__new__(cls, "; ".join(labels))
        self.labels = labels
        return self

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The publications' names in *locale*, or "this publication" when there are none."""
        if not self.labels:
            return _WORDS.text("nothing_earlier", locale)
        return "; ".join(_publication_name(label, locale) for label in self.labels)


class Measure(Labelled, str):
    r"""A measure named in a refusal: a question's code as it is, the counts in the reader's words.

    A ``str`` equal to the measure as recorded (:data:`RESPONDENTS`, :data:`COMMENTS` or a
    question's code), shown to the reader as "antal svar" and "kommentarer" for the two counts.

    Examples:
        >>> Measure("respondents").label(), Measure("comments").label("en_GB")
        ('antal svar', 'comments')
        >>> Measure("Q1").label()
        'Q1'
    """

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The measure's name in *locale*."""
        written = str.__str__(self)
        return _MEASURES.text(written, locale) if written in _MEASURES else written


def _sorted(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(value))


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


@attrs.frozen(kw_only=True)
class Publication:
    """One report, table or chart shown to an audience.

    Attributes:
        label: What was published (``"breakdown by cohort"``,
            ``"statusrapporten 2026-05-04, SOC-LED per kohort"``).
        figures: Every figure of every group in it, shown or hidden.
    """

    label: str
    figures: tuple[ShownFigure, ...] = attrs.field(converter=as_tuple)


if TYPE_CHECKING:  # fractions is imported by the first division that needs it
    from fractions import Fraction

    # the narrowed intervals (and their solver) by the first audit that asks for them
    from ledarutveckling._evaluation.intervals import Bound, SolverError, Widths

    _Number = int | Fraction
    """An exact coefficient: an int where it is whole (fast), else a Fraction."""

    _Row = tuple[dict[str, _Number], _Number, dict[int, _Number]]
    """A basis row: its coefficients, the figure's value along it, and (when tracked) the
    figures it combines (index to coefficient)."""


def _tidy(value: _Number) -> _Number:
    return value if isinstance(value, int) or value.denominator != 1 else int(value)


def _divide(value: _Number, scale: _Number) -> _Number:
    """*value* / *scale*, exactly (an int where whole)."""
    if scale == 1:
        return value
    if scale == -1:
        return -value
    from fractions import Fraction

    return _tidy(Fraction(value) / scale)


class _Basis:
    """A row-echelon basis of shown figures' vectors over the evaluations, exact.

    Every row's pivot is its smallest evaluation and its other evaluations are larger, so a
    vector is reduced by eliminating its evaluations in increasing order: only the rows it
    touches are visited. Each row carries the value the shown figures give it; with *track*
    it also carries which figures it combines (to say what a leak is made of), which costs.
    """

    def __init__(self, start: _Basis | None = None, *, track: bool = False) -> None:
        self.track: bool = track if start is None else start.track
        self.rows: dict[str, _Row] = {} if start is None else dict(start.rows)

    def add(self, figures: Iterable[tuple[int, ShownFigure]]) -> _Basis:
        """Add the figures' vectors (by index), in order; return self."""
        for index, figure in figures:
            vector, value, origin = self.reduce(_vector(figure))
            if vector:
                pivot = min(vector)
                scale = vector[pivot]
                combination: dict[int, _Number] = {}
                if self.track:
                    combination = {k: -v for k, v in origin.items()}
                    combination[index] = combination.get(index, 0) + 1
                self.rows[pivot] = (
                    {k: _divide(v, scale) for k, v in vector.items()},
                    _divide((figure.count or 0) - value, scale),
                    {k: _divide(v, scale) for k, v in combination.items() if v},
                )
        return self

    def reduce(
        self, vector: dict[str, _Number]
    ) -> tuple[dict[str, _Number], _Number, dict[int, _Number]]:
        """What is left of *vector*, the value taken away with it, and the figures combined.

        The figures combined are known when the basis is tracked. The vector left is empty
        exactly when *vector* is in the span of the shown figures; the value is then the
        figure they determine for it.
        """
        result = dict(vector)
        value: _Number = 0
        origin: dict[int, _Number] = {}
        queue = list(result)
        heapq.heapify(queue)
        while queue:  # a key popped twice has been eliminated: its factor is then 0
            key = heapq.heappop(queue)
            factor = result.get(key)
            found = self.rows.get(key)
            if not factor or found is None:
                continue
            row, row_value, combination = found
            value += factor * row_value
            for index, coefficient in combination.items():
                origin[index] = origin.get(index, 0) + factor * coefficient
            for other, coefficient in row.items():
                updated = result.get(other, 0) - factor * coefficient
                if updated:
                    if other not in result:
                        heapq.heappush(queue, other)
                    result[other] = _tidy(updated)
                else:
                    result.pop(other, None)
        return result, value, {k: v for k, v in origin.items() if v}


def _vector(figure: ShownFigure) -> dict[str, _Number]:
    return dict.fromkeys(figure.evaluations, 1)


MIN_MEAN_WIDTH: Final = Decimal("1.0")
"""The default of :attr:`Audience.min_mean_width`: a hidden mean known to within less than
one scale point is exposed."""


MIN_SHARE_WIDTH: Final = 20
"""The default of :attr:`Audience.min_share_width`, in percentage points."""


def _decimal(value: object) -> object:
    """A width as a Decimal (from an int, float or str); anything else is left to the check."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return value
    return value


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
) -> list[_Leak]:
    """The hidden figures that the shown figures of the same measure determine exactly.

    Searched: every hidden figure of a group not also shown, and every *cell* (the
    evaluations that lie in the same shown groups: the finest pieces the shown figures
    can tell apart) whose determined count is above 0 and below the measure's minimum.
    With *widths*, also every hidden figure whose count, mean or shares the shown figures
    pin more narrowly than they ask (:func:`~ledarutveckling._evaluation.intervals.narrowed`;
    respondents and questions, not comments, whose groups are those of the respondents).
    Without *every*, at most the first leak of each measure is returned. The basis of the
    first *frozen* figures of each measure is kept in *cache* for the next call, and the
    hidden groups found wide enough in *safe* (valid while figures are only hidden).
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
        exposed = [f for key, f in sorted(hidden.items()) if key not in shown]
        exposed = [f for f in exposed if not basis.reduce(_vector(f))[0]]
        bounded = _bounded(shown_figures, hidden, shown)
        exposed += [f for f, _ in bounded if f not in exposed]
        minimum = minimums.get(measure, minimums[RESPONDENTS])
        if every or not exposed:
            exposed += _small_unions(
                basis, measure, shown_figures, minimum, shown | set(hidden), limit
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
            for narrow in narrowed(
                # The latest figure of each group: the same group shown again says the same,
                # or (late answers) supersedes what it said before.
                list(
                    {
                        f.evaluations: (i, f.evaluations, f.count, f.figure)
                        for i, f in shown_figures
                    }.values()
                ),
                targets,
                attrs.evolve(widths, minimum=minimum),
                scale,
                first=not every,
                safe=None if safe is None else safe.setdefault(measure, set()),
                bounds=_published_bounds(group),
            ):
                figure = figures[narrow.index]
                exposed.append(figure)
                by_bound[figure] = narrow.used
        if not exposed:
            continue
        tracked = _Basis(track=True).add(shown_figures)
        for figure in exposed if every else exposed[:1]:
            used = by_bound.get(figure)
            if used is None:
                used = frozenset(tracked.reduce(_vector(figure))[2])
            found.append((figure, used))
    return found


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
    for cell in _cells([f for _, f in shown_figures]):
        rest, value, _ = basis.reduce(dict.fromkeys(cell, 1))
        if rest:
            undetermined.append(cell)
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
        rest, value, _ = basis.reduce(dict.fromkeys(union, 1))
        if not rest and 0 < value < minimum:
            found.append(ShownFigure(measure=measure, group=union, evaluations=union, shown=False))
    return found


def _cells(figures: Sequence[ShownFigure]) -> list[tuple[str, ...]]:
    """The evaluations grouped by the shown figures they lie in (each cell sorted)."""
    membership: dict[str, list[int]] = {}
    for index, figure in enumerate(figures):
        for reference in figure.evaluations:
            membership.setdefault(reference, []).append(index)
    cells: dict[tuple[int, ...], list[str]] = {}
    for reference, indices in membership.items():
        cells.setdefault(tuple(indices), []).append(reference)
    return sorted(tuple(sorted(cell)) for cell in cells.values())


@attrs.frozen(kw_only=True)
class Audience:
    """Everything one audience has been shown of the evaluations, to audit what comes next.

    An immutable record: :meth:`audit` and :meth:`published` return a new one. Pass it as
    ``audience=`` to :func:`~ledarutveckling.breakdown`, :func:`~ledarutveckling.summarise`
    and :func:`~ledarutveckling.compare_periods`, which then return the figures and the new
    record; keep the new record for the audience's next report.

    Attributes:
        name: Who the audience is (``"styrgruppen"``, ``"HR"``).
        minimum: The fewest respondents (answers) whose means and NPS are shown; 5 by
            default, at least 3.
        minimum_text: The fewest respondents whose comments and answer distributions are
            shown; 8 by default, at least *minimum*.
        union_search: How far the search for determined unions of hidden pieces goes: the
            most independent relations (the rank of the shown figures over the undetermined
            cells) whose 0/1 combinations are enumerated, 2 ** union_search at worst (20 by
            default, 0 to 30). Above it, the audit refuses and says so, rather than publish
            what it could not check.
        min_mean_width: The narrowest range, in scale points, in which the shown figures may
            leave the mean of a hidden group that could have fewer than *minimum*
            respondents (a :class:`~decimal.Decimal`, 1.0 by default, 0 to 10).
        min_share_width: The same for the shares of promoters and of detractors of an NPS
            question, in percentage points (20 by default, 0 to 100). With both widths 0
            the narrowing check is off (only exact derivation is audited); else it needs
            HiGHS (the ``rollout`` extra).
        publications: What the audience was shown, oldest first.

    Examples:
        >>> from ledarutveckling import Dimension, breakdown
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> board = Audience(name="styrgruppen")
        >>> by_cohort, board = breakdown(stockholm_evaluations(), by=Dimension.COHORT,
        ...                              audience=board)
        >>> by_unit, board = breakdown(stockholm_evaluations(), by=Dimension.UNIT,
        ...                            audience=board)
        >>> [(g.key, g.respondents) for g in by_unit.groups]
        [('Farsta stadsdelsförvaltning', None), ('Skärholmens stadsdelsförvaltning', None),
         ('Socialförvaltningen', 16)]
        >>> [p.label for p in board.publications]
        ['breakdown by cohort', 'breakdown by unit']
    """

    name: str
    minimum: int = MINIMUM_RESPONDENTS
    minimum_text: int = MINIMUM_TEXT_RESPONDENTS
    union_search: int = UNION_SEARCH
    min_mean_width: Decimal = attrs.field(default=MIN_MEAN_WIDTH, converter=_decimal)
    min_share_width: int = MIN_SHARE_WIDTH
    publications: tuple[Publication, ...] = attrs.field(default=(), converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if not isinstance(self.name, str) or not self.name.strip():
            checks.add(
                "name",
                self.name,
                "must be a non-empty str naming the audience",
                ProblemCode.EMPTY_TEXT,
            )
        try:
            _check_minimum(self.minimum)
        except ValidationError as error:
            checks.extend(error)
        if (
            isinstance(self.minimum_text, bool)
            or not isinstance(self.minimum_text, int)
            or (isinstance(self.minimum, int) and self.minimum_text < self.minimum)
        ):
            checks.add(
                "minimum_text",
                self.minimum_text,
                f"must be an int of at least minimum ({self.minimum}); 8 by default",
                ProblemCode.AUDIENCE_TEXT_MINIMUM,
                least=self.minimum,
                default=MINIMUM_TEXT_RESPONDENTS,
            )
        if (
            isinstance(self.union_search, bool)
            or not isinstance(self.union_search, int)
            or not 0 <= self.union_search <= 30
        ):
            checks.add(
                "union_search",
                self.union_search,
                "must be an int from 0 to 30; 20 by default",
                ProblemCode.AUDIENCE_SETTING,
                setting="union_search",
                least=0,
                most=30,
                default=UNION_SEARCH,
            )
        if not isinstance(self.min_mean_width, Decimal) or not (
            self.min_mean_width.is_finite() and 0 <= self.min_mean_width <= 10
        ):
            checks.add(
                "min_mean_width",
                self.min_mean_width,
                "must be a number of scale points from 0 to 10; 1.0 by default",
                ProblemCode.AUDIENCE_SETTING,
                setting="min_mean_width",
                least=0,
                most=10,
                default=MIN_MEAN_WIDTH,
            )
        if (
            isinstance(self.min_share_width, bool)
            or not isinstance(self.min_share_width, int)
            or not 0 <= self.min_share_width <= 100
        ):
            checks.add(
                "min_share_width",
                self.min_share_width,
                "must be an int of percentage points from 0 to 100; 20 by default",
                ProblemCode.AUDIENCE_SETTING,
                setting="min_share_width",
                least=0,
                most=100,
                default=MIN_SHARE_WIDTH,
            )
        for index, publication in enumerate(self.publications):
            checks.instance(f"publications[{index}]", publication, Publication, "a Publication")
        checks.done()

    def published(self, publication: Publication) -> Audience:
        """This record with *publication* added, unaudited (for figures shown elsewhere)."""
        return attrs.evolve(self, publications=(*self.publications, publication))

    def leaks(self) -> list[ShownFigure]:
        """The hidden figures the figures shown so far determine or narrow (none, if safe)."""
        from ledarutveckling._evaluation.intervals import SolverError

        figures = [f for p in self.publications for f in p.figures]
        try:
            found = _leaks(figures, self._minimums, limit=self.union_search, widths=self._widths)
        except _SearchCappedError as capped:
            raise self._capped(capped, DEFAULT_LOCALE) from None
        except SolverError as failed:
            raise self._unsolved(failed, DEFAULT_LOCALE) from None
        return [leak for leak, _ in found]

    def _check_changed(self, figures: Sequence[ShownFigure], locale: str) -> None:
        """Refuse figures that differ too little from the same group's earlier ones.

        The same evaluations shown again with a count changed by fewer than the minimum (late
        answers: a weekly report run again) give the few new answers by difference, as
        Swedish survey tools refuse a report that differs too little from one the audience
        already has.
        """
        before: dict[tuple[str, tuple[str, ...]], tuple[int, str]] = {}
        for publication in self.publications:
            for figure in publication.figures:
                if figure.shown and figure.count is not None:
                    before[figure.measure, figure.evaluations] = (figure.count, publication.label)
        minimums = self._minimums
        for figure in figures:
            found = before.get((figure.measure, figure.evaluations))
            if not figure.shown or figure.count is None or found is None:
                continue
            minimum = minimums.get(figure.measure, self.minimum)
            if 0 < abs(figure.count - found[0]) < minimum:
                problem = Problem(
                    path="audience",
                    value=self.name,
                    message=_WORDS.format(
                        "changed",
                        locale,
                        group=", ".join(figure.group),
                        measure=Measure(figure.measure).label(locale),
                        earlier=Publications((found[1],)).label(locale),
                        minimum=minimum,
                    ),
                    code=ProblemCode.AUDIENCE_DIFFERS_TOO_LITTLE,
                    params={
                        "audience": self.name,
                        "group": ", ".join(figure.group),
                        "earlier": Publications((found[1],)),
                        "minimum": minimum,
                    },
                )
                raise ValidationError([problem])

    def _unsolved(self, failed: SolverError, locale: str) -> ValidationError:
        problem = Problem(
            path="audience",
            value=self.name,
            message=_WORDS.format("unsolved", locale, status=failed),
            code=ProblemCode.AUDIENCE_UNAUDITED,
            params={"audience": self.name, "status": str(failed)},
        )
        return ValidationError([problem])

    def _capped(self, capped: _SearchCappedError, locale: str) -> ValidationError:
        return ValidationError.single(
            "audience",
            self.name,
            _WORDS.format(
                "capped",
                locale,
                measure=Measure(capped.measure).label(locale),
                rank=capped.rank,
                limit=self.union_search,
            ),
            ProblemCode.AUDIENCE_CAPPED,
            audience=self.name,
            measure=Measure(capped.measure),
            rank=capped.rank,
            limit=self.union_search,
        )

    def _refusal(self, leak: ShownFigure, used: frozenset[int], locale: str) -> ValidationError:
        """The error that refuses a publication: the earlier ones pin *leak* by themselves."""
        names, offset = [], 0
        for publication in self.publications:
            span = range(offset, offset + len(publication.figures))
            if any(index in span for index in used):
                names.append(publication.label)
            offset += len(publication.figures)
        earlier = Publications(tuple(names))
        group = ", ".join(leak.group)
        return ValidationError.single(
            "audience",
            self.name,
            _WORDS.format(
                "refused",
                locale,
                group=group,
                measure=Measure(leak.measure).label(locale),
                earlier=earlier.label(locale),
            ),
            ProblemCode.AUDIENCE_REFUSED,
            audience=self.name,
            group=group,
            measure=Measure(leak.measure),
            earlier=earlier,
        )

    @property
    def _widths(self) -> Widths | None:
        """The interval protection, or ``None`` when both widths are 0 (exact audit only)."""
        from ledarutveckling._evaluation.intervals import Widths

        if not self.min_mean_width and not self.min_share_width:
            return None
        return Widths(
            minimum=self.minimum,
            mean=float(self.min_mean_width),
            share=self.min_share_width / 100,
        )

    @property
    def _minimums(self) -> dict[str, int]:
        return {RESPONDENTS: self.minimum, COMMENTS: self.minimum_text}

    def audit(
        self,
        label: str,
        figures: Sequence[ShownFigure],
        *,
        locale: str = DEFAULT_LOCALE,
    ) -> tuple[frozenset[tuple[str, tuple[str, ...]]], Audience]:
        """Decide which further figures of a new publication to hide, and record it.

        Args:
            label: What is published.
            figures: Every figure the publication would show or hide.
            locale: The language of a refusal.

        Returns:
            The figures to hide on top of those already hidden, as pairs of measure and
            group (hiding a group's ``respondents`` hides the whole group), and the record
            with the publication added as finally shown.

        Raises:
            ValidationError: If the earlier publications alone pin (or narrow) a hidden
                figure of this one (path ``audience``, naming them), a group shown before is
                shown with a count that differs by fewer than the minimum (late answers; code
                ``audience-differs-too-little``), the union search would pass
                :attr:`union_search`, or HiGHS did not finish (the message says so).
            ImportError: If the narrowing check has a group to bound and HiGHS (the
                ``rollout`` extra) is not installed.
        """
        from ledarutveckling._evaluation.intervals import SolverError

        self._check_changed(figures, locale)
        earlier = [f for p in self.publications for f in p.figures]
        extra: set[tuple[str, tuple[str, ...]]] = set()
        cache: dict[str, _Basis] = {}
        safe: dict[str, set[tuple[str, ...]]] = {}
        while True:
            current = [_hide(f, extra, self._minimums) for f in figures]
            try:
                found = _leaks(
                    earlier + current,
                    self._minimums,
                    every=False,
                    frozen=len(earlier),
                    cache=cache,
                    limit=self.union_search,
                    widths=self._widths,
                    safe=safe,
                )
            except _SearchCappedError as capped:
                raise self._capped(capped, locale) from None
            except SolverError as failed:
                raise self._unsolved(failed, locale) from None
            if not found:
                break
            for leak, used in found:  # one per measure: hide a figure its derivation uses
                candidates = sorted(
                    (f.count or 0, f.group)
                    for index, f in enumerate(current, start=len(earlier))
                    if index in used and f.shown
                )
                if not candidates:
                    raise self._refusal(leak, used, locale)
                extra.add((leak.measure, candidates[0][1]))
                # A figure hidden now is noted "hidden to protect another group", which says
                # it had at least the minimum: a new bound, so the groups found wide enough
                # before are checked again (the whole group's measures if it is hidden).
                if leak.measure == RESPONDENTS:
                    safe.clear()
                else:
                    safe.pop(leak.measure, None)
        return frozenset(extra), self.published(Publication(label=label, figures=current))


def _hide(
    figure: ShownFigure, hidden: set[tuple[str, tuple[str, ...]]], minimums: Mapping[str, int]
) -> ShownFigure:
    """*figure*, hidden if its group's measure or its whole group is among *hidden*.

    A figure the audit hides is reported as "hidden to protect another group", which says
    that it had at least the minimum (comments hidden say nothing).
    """
    if figure.shown and (
        (figure.measure, figure.group) in hidden or (RESPONDENTS, figure.group) in hidden
    ):
        return attrs.evolve(
            figure,
            shown=False,
            count=None,
            figure=None,
            unanimous=False,
            at_least=None
            if figure.measure == COMMENTS
            else minimums.get(figure.measure, minimums[RESPONDENTS]),
        )
    return figure
