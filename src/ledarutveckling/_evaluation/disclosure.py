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

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

import attrs

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.i18n import DEFAULT_LOCALE
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import (
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    _check_minimum,
)
from ledarutveckling._evaluation.disclosure_words import (
    _WORDS,
    Measure,
    Publications,
    refusal_for,
)
from ledarutveckling._evaluation.exact_basis import _Basis
from ledarutveckling._evaluation.figures import COMMENTS, RESPONDENTS, Publication, ShownFigure
from ledarutveckling._evaluation.late_answers import (
    RecordDisagreesError,
    expanded,
    readable,
    refusal,
    same_invited,
    versioned,
)
from ledarutveckling._evaluation.leaks import (
    UNION_SEARCH,
    _leaks,
    _Memory,
    _SearchCappedError,
)
from ledarutveckling._evaluation.record_checks import check_publication
from ledarutveckling.errors import ValidationError

__all__ = ["Audience", "Publication", "ShownFigure"]


if TYPE_CHECKING:
    # the narrowed intervals (and their solver) by the first audit that asks for them
    from ledarutveckling._evaluation.intervals import SolverError, Widths


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


@attrs.frozen(kw_only=True)
class Audience:
    """Everything one audience has been shown of the evaluations, to audit what comes next.

    Not for the audience's eyes: it also holds each evaluation's exact number of respondents
    at each publication (hidden small cohorts included), to tell late answers apart.

    An immutable record: :meth:`audit` and :meth:`published` return a new one (a record
    keeps what its audits worked out for the next audit, a cache that is never compared,
    pickled or saved and changes no result). Pass it as
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
    _memory: _Memory = attrs.field(init=False, factory=_Memory, eq=False, hash=False, repr=False)
    """What this record's audits worked out, for its next audit (a cache: see _Memory)."""

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
        good: set[object] = set()
        for index, publication in enumerate(self.publications):
            if checks.instance(f"publications[{index}]", publication, Publication, "a Publication"):
                check_publication(checks, f"publications[{index}]", publication, good)
        checks.done()

    def __getstate__(self) -> dict[str, object]:
        """Pickle what was shown only: the audits' cache starts empty again."""
        return {f.name: getattr(self, f.name) for f in attrs.fields(Audience) if f.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        """Restore what :meth:`__getstate__` kept, with an empty cache."""
        for name, value in (*state.items(), ("_memory", _Memory())):
            object.__setattr__(self, name, value)

    def published(self, publication: Publication) -> Audience:
        """This record with *publication* added, unaudited (for figures shown elsewhere)."""
        return attrs.evolve(self, publications=(*self.publications, publication))

    def leaks(self) -> list[ShownFigure]:
        """The hidden figures the figures shown so far determine or narrow (none, if safe)."""
        from ledarutveckling._evaluation.intervals import SolverError

        figures = expanded(self.publications)[0]
        newest = len(figures) - len(self.publications[-1].figures) if self.publications else 0
        try:
            found = _leaks(
                figures,
                self._minimums,
                limit=self.union_search,
                widths=self._widths,
                own=newest,
            )
        except _SearchCappedError as capped:
            raise self._capped(capped, DEFAULT_LOCALE) from None
        except SolverError as failed:
            raise self._unsolved(failed, DEFAULT_LOCALE) from None
        except RecordDisagreesError as error:
            raise refusal(self.name, error, DEFAULT_LOCALE) from None
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
                raise refusal_for(
                    self.name,
                    _WORDS.format(
                        "changed",
                        locale,
                        group=", ".join(figure.group),
                        measure=Measure(figure.measure).label(locale),
                        earlier=Publications((found[1],)).label(locale),
                        minimum=minimum,
                    ),
                    ProblemCode.AUDIENCE_DIFFERS_TOO_LITTLE,
                    locale,
                    group=", ".join(figure.group),
                    earlier=Publications((found[1],)),
                    minimum=minimum,
                )

    def _unsolved(self, failed: SolverError, locale: str) -> ValidationError:
        return refusal_for(
            self.name,
            _WORDS.format("unsolved", locale, status=failed),
            ProblemCode.AUDIENCE_UNAUDITED,
            locale,
            status=str(failed),
        )

    def _capped(self, capped: _SearchCappedError, locale: str) -> ValidationError:
        return refusal_for(
            self.name,
            _WORDS.format(
                "capped",
                locale,
                measure=Measure(capped.measure).label(locale),
                rank=capped.rank,
                limit=self.union_search,
            ),
            ProblemCode.AUDIENCE_CAPPED,
            locale,
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
        group = ", ".join(readable(reference, locale) for reference in leak.group)
        return refusal_for(
            self.name,
            _WORDS.format(
                "refused",
                locale,
                group=group,
                measure=Measure(leak.measure).label(locale),
                earlier=earlier.label(locale),
            ),
            ProblemCode.AUDIENCE_REFUSED,
            locale,
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
        respondents: Mapping[str, int] | None = None,
    ) -> tuple[frozenset[tuple[str, tuple[str, ...]]], Audience]:
        """Decide which further figures of a new publication to hide, and record it.

        Args:
            label: What is published.
            figures: Every figure the publication would show or hide.
            locale: The language of a refusal.
            respondents: The number of respondents of each evaluation the figures cover, by
                reference: kept in the record, so that the answers that come in later are
                audited as a part of their own
                (:mod:`~ledarutveckling._evaluation.late_answers`). Without it each
                evaluation is taken, and kept, at the latest version the record holds (as
                first shown if it holds none).

        Returns:
            The figures to hide on top of those already hidden, as pairs of measure and
            group (hiding a group's ``respondents`` hides the whole group), and the record
            with the publication added as finally shown.

        Raises:
            ValidationError: If the earlier publications alone pin (or narrow) a hidden
                figure of this one (path ``audience``, naming them), a group shown before is
                shown with a count that differs by fewer than the minimum (late answers; code
                ``audience-differs-too-little``), the union search would pass
                :attr:`union_search`, or HiGHS did not finish (the message says so); or
                (code ``audience-record-disagrees``) an evaluation has fewer respondents than
                the record holds, or the figures shown cannot all be true (never skipped).
            ImportError: If the narrowing check has a group to bound and HiGHS (the
                ``rollout`` extra) is not installed.
        """
        from ledarutveckling._evaluation.intervals import SolverError

        self._check_changed(figures, locale)
        given = figures
        earlier, versions = expanded(self.publications)
        # Without counts, each evaluation is taken (and kept) at the latest version the
        # record holds.
        now = respondents
        if now is None:
            covered = {reference for f in given for reference in f.evaluations}
            now = {r: counts[-1] for r, counts in versions.items() if r in covered}
        try:
            same_invited(self.publications, given, versions, now)
            figures = versioned(versions, figures, now)
        except RecordDisagreesError as error:
            raise refusal(self.name, error, locale) from None
        extra: set[tuple[str, tuple[str, ...]]] = set()
        # The basis of the earlier figures as this record's audit left it (if it was audited),
        # and for the next record the basis of every figure and the answers so far.
        cache: dict[str, _Basis] = dict(self._memory.bases)
        memory = _Memory(self._memory)
        safe: dict[str, set[tuple[str, ...]]] = {}
        wide: dict[str, set[tuple[str, ...]]] = {}
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
                    wide=wide,
                    memory=memory,
                )
            except _SearchCappedError as capped:
                raise self._capped(capped, locale) from None
            except SolverError as failed:
                raise self._unsolved(failed, locale) from None
            except RecordDisagreesError as error:
                raise refusal(self.name, error, locale) from None
            if not found:
                break
            for leak, used in found:  # one per measure: hide a figure its derivation uses
                candidates = sorted(
                    (f.count or 0, f.group, f.measure == RESPONDENTS)
                    for index, f in enumerate(current, start=len(earlier))
                    if index in used and f.shown
                )
                if not candidates:
                    raise self._refusal(leak, used, locale)
                # a group's respondents pin a question's count: the group is hidden
                hide = (RESPONDENTS if candidates[0][2] else leak.measure, candidates[0][1])
                widens = _widens(hide, earlier, current, self._minimums)
                extra.add(hide)
                # A figure hidden now is noted "hidden to protect another group", which says
                # it had at least the minimum: a new bound, so the groups found wide enough
                # before are checked again (the whole group's measures if it is hidden),
                # but for those whose ranges only widen as rows are taken away, when that
                # is all the hiding does (see _widens).
                measures = (
                    set(safe) | set(wide)
                    if leak.measure == RESPONDENTS or candidates[0][2]
                    else {leak.measure}
                )
                for measure in measures:
                    if widens:
                        safe[measure] = set(wide.get(measure, ()))
                    else:
                        safe.pop(measure, None)
                        wide.pop(measure, None)
        # Kept over the evaluations' references, with their counts (late_answers.expanded).
        record = self.published(
            Publication(
                label=label,
                figures=[
                    now
                    if now.evaluations == f.evaluations and now.invited == f.invited
                    else attrs.evolve(now, evaluations=f.evaluations, invited=f.invited)
                    for now, f in zip(current, given, strict=True)
                ],
                respondents=sorted(now.items()),
            )
        )
        object.__setattr__(record, "_memory", memory)
        return frozenset(extra), record


def _widens(
    hide: tuple[str, tuple[str, ...]],
    earlier: Sequence[ShownFigure],
    current: Sequence[ShownFigure],
    minimums: Mapping[str, int],
) -> bool:
    """Whether hiding *hide* only takes rows away from the narrowing's programs.

    Hidden, a figure's rows go (its count, its figure, what is linked to it) and its note
    comes, "at least the minimum" (:func:`_hide`), with a bound on the answers by the
    respondents (``respondent_caps``) or the respondents as bounds (``respondent_links``):
    each of them holds in every solution that had the figure's count shown if that count is
    at least the minimum (and no more than invited, and the answers no more than the
    respondents, as in any record). So the programs' solutions are a superset, and a range
    only widens, unless another shown figure over the same group takes the hidden one's
    place as the latest (a row of other counts): then ``False``.
    """
    measure, group = hide
    going = [
        f for f in current if f.shown and f.group == group and measure in (RESPONDENTS, f.measure)
    ]
    kept = {id(f) for f in going}
    left = {
        (f.measure, f.evaluations) for f in (*earlier, *current) if f.shown and id(f) not in kept
    }
    return all(
        f.measure == COMMENTS
        or (
            f.count is not None
            and f.count >= minimums.get(f.measure, minimums[RESPONDENTS])
            and (f.measure, f.evaluations) not in left
        )
        for f in going
    )


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
            categories=(),
            at_least=None
            if figure.measure == COMMENTS
            else minimums.get(figure.measure, minimums[RESPONDENTS]),
        )
    return figure
