"""Comparing two summaries: changes, their direction and size."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final, overload

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import (
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    _check_minimum,
)
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.pooling import _evaluations, _questions, _Raw, _summaries
from ledarutveckling._evaluation.statistics import (
    _CONTEXT,
    PublishedStatistics,
    Statistics,
    _signed,
    published_places,
)
from ledarutveckling._evaluation.summary_audit import _audience, _publish
from ledarutveckling._evaluation.survey import Evaluation, Question, Scale
from ledarutveckling.errors import NotFoundError
from ledarutveckling.formatting import format_number

__all__ = ["Change", "Comparison", "Direction", "Magnitude", "compare", "compare_periods"]


class Direction(Labelled, enum.Enum):
    """Which way a figure moved between two periods."""

    UP = "up"
    """The later figure is higher."""
    DOWN = "down"
    """The later figure is lower."""
    UNCHANGED = "unchanged"
    """Exactly the same."""

    def _labels(self) -> Words[Direction]:
        """The direction in words: ``högre``, ``lägre`` or ``oförändrad``."""
        return _DIRECTION_LABELS


class Magnitude(Labelled, enum.Enum):
    """The size of a change in means, by Cohen's d.

    Thresholds 0.2, 0.5 and 0.8 from J. Cohen, *Statistical Power Analysis for the
    Behavioral Sciences*, 2nd ed., 1988, chapter 2.
    """

    NEGLIGIBLE = "negligible"
    """|d| < 0.2."""
    SMALL = "small"
    """0.2 <= |d| < 0.5."""
    MEDIUM = "medium"
    """0.5 <= |d| < 0.8."""
    LARGE = "large"
    """|d| >= 0.8."""

    @classmethod
    def of(cls, effect_size: Decimal) -> Magnitude:
        """The magnitude of a Cohen's d (its sign ignored).

        Examples:
            >>> Magnitude.of(Decimal("-0.5")), Magnitude.of(Decimal("0.19"))
            (<Magnitude.MEDIUM: 'medium'>, <Magnitude.NEGLIGIBLE: 'negligible'>)
        """
        size = abs(effect_size)
        if size >= Decimal("0.8"):
            return cls.LARGE
        if size >= Decimal("0.5"):
            return cls.MEDIUM
        if size >= Decimal("0.2"):
            return cls.SMALL
        return cls.NEGLIGIBLE

    def _labels(self) -> Words[Magnitude]:
        """The magnitude in words: ``försumbar``, ``liten``, ``måttlig`` or ``stor``."""
        return _MAGNITUDE_LABELS


_DIRECTION_LABELS: Final[Words[Direction]] = Words(
    {
        Direction.UP: ("högre", "higher"),
        Direction.DOWN: ("lägre", "lower"),
        Direction.UNCHANGED: ("oförändrad", "unchanged"),
    },
    keys=Direction,
)


_MAGNITUDE_LABELS: Final[Words[Magnitude]] = Words(
    {
        Magnitude.NEGLIGIBLE: ("försumbar", "negligible"),
        Magnitude.SMALL: ("liten", "small"),
        Magnitude.MEDIUM: ("måttlig", "medium"),
        Magnitude.LARGE: ("stor", "large"),
    },
    keys=Magnitude,
)


_WORDS: Final[Words[str]] = Words({"hidden": ("dold", "hidden")})


@attrs.frozen(kw_only=True)
class Change:
    """How one question's result changed between two groups (typically two periods).

    For a question on the NPS scale the change is in NPS points; otherwise it is the
    difference of the means, with Cohen's d (pooled standard deviation) as its size.

    What leaves the comparison for a reader is rounded as shown: :attr:`before` and
    :attr:`after` are the published figures (:class:`~ledarutveckling.PublishedStatistics`),
    :attr:`difference` is that of the two figures shown and :attr:`effect_size` is worked out
    from the published distributions (so only where both sides have *minimum_text* answers)
    and given to two decimals. The exact statistics (``exact_before``/``exact_after``, passed
    as ``before=``/``after=``) are for computation, not for publication.

    Attributes:
        question: The question.
        exact_before: The earlier statistics, exact, or ``None`` when hidden or not asked.
        exact_after: The later statistics, exact, or ``None`` when hidden or not asked.
        minimum_text: The fewest answers whose distribution is published, on each side, for
            the :attr:`effect_size` to be shown (8 by default, as the summaries').
    """

    question: Question
    exact_before: Statistics | None = attrs.field(alias="before", repr=False)
    exact_after: Statistics | None = attrs.field(alias="after", repr=False)
    minimum_text: int = MINIMUM_TEXT_RESPONDENTS

    @property
    def before(self) -> PublishedStatistics | None:
        """The earlier figures as published, rounded, or ``None`` when hidden or not asked."""
        return None if self.exact_before is None else self.exact_before.published()

    @property
    def after(self) -> PublishedStatistics | None:
        """The later figures as published, rounded, or ``None`` when hidden or not asked."""
        return None if self.exact_after is None else self.exact_after.published()

    @property
    def shown(self) -> bool:
        """Whether both sides are shown, so the change may be."""
        return self.exact_before is not None and self.exact_after is not None

    @property
    def exact_difference(self) -> Decimal | None:
        """After minus before, exact (NPS points or scale points): not for publication."""
        before, after = self.exact_before, self.exact_after
        if before is None or after is None:
            return None
        if self.question.scale is Scale.NPS:
            return _CONTEXT.subtract(after.nps.score, before.nps.score)  # type: ignore[union-attr]
        return _CONTEXT.subtract(after.mean, before.mean)

    @property
    def difference(self) -> Decimal | None:
        """After minus before as shown: of the two rounded figures (NPS points, or a tenth).

        ``4,3 → 4,3`` is ``0.0`` even when the exact difference is -0.06, so the line adds
        up for its reader.
        """
        before, after = self.before, self.after
        if before is None or after is None:
            return None
        if self.question.scale is Scale.NPS:
            return after.nps - before.nps  # type: ignore[operator]
        return after.mean - before.mean

    @property
    def direction(self) -> Direction | None:
        """Up, down or unchanged (exactly equal), or ``None`` when hidden."""
        difference = self.exact_difference
        if difference is None:
            return None
        if difference > 0:
            return Direction.UP
        return Direction.DOWN if difference < 0 else Direction.UNCHANGED

    @property
    def exact_effect_size(self) -> Decimal | None:
        """Cohen's d, exact: not for publication (see :attr:`effect_size`)."""
        return _cohens_d(self.question, self.exact_before, self.exact_after)

    def _published_effect_size(self) -> Decimal | None:
        """Cohen's d of the distributions as published, or ``None`` where one is not.

        A standard deviation is not one of the figures a summary shows, and an exact one beside
        the means tells a group's sum of squares: a comparison of two half-years whose earlier
        one (6 answers) held two hidden cohorts showed d = 2.73, which told which six answers
        they were, and pinned a hidden cohort's mean to half a scale point (issue 20, the
        fourth red-team review). Worked out from the answers at every value as their shares
        show them (a share to a whole percent of *n* answers, times *n*, rounded: exact for
        fewer than 100 answers), the size says nothing the audited distributions do not.
        """
        before, after = self.exact_before, self.exact_after
        if before is None or after is None or self.question.scale is Scale.NPS:
            return None
        if min(before.count, after.count) < self.minimum_text:
            return None
        return _cohens_d(
            self.question,
            _as_published(before, self.minimum_text),
            _as_published(after, self.minimum_text),
        )

    @property
    def effect_size(self) -> Decimal | None:
        """Cohen's d to two decimals: the difference of means over the pooled deviation.

        Worked out from the two distributions as published (every value's share, to a whole
        percent), so shown only where both sides have :attr:`minimum_text` answers; for
        fewer than 100 answers on each side it is the exact d, rounded. ``None`` when hidden,
        on the NPS scale, when a side has fewer than :attr:`minimum_text` answers, or when
        the pooled deviation is zero or undefined.
        """
        d = self._published_effect_size()
        return None if d is None else d.quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def magnitude(self) -> Magnitude | None:
        """The size of the change by the :attr:`effect_size`, or ``None`` where it is not shown."""
        d = self._published_effect_size()
        return None if d is None else Magnitude.of(d)

    def shown_direction(self, *, decimals: int = 1) -> Direction | None:
        """The direction of the difference :meth:`format` shows, or ``None`` when hidden.

        What a reader is told beside ``3,9 → 3,9 (0,0)``: ``oförändrad``, even when the exact
        :attr:`direction` is down by 0.04.

        Examples:
            >>> from ledarutveckling import Dimension, breakdown
            >>> from ledarutveckling.examples import stockholm_evaluations
            >>> years = breakdown(stockholm_evaluations(), by=Dimension.YEAR)
            >>> change = compare(years.group("2025"), years.group("2026")).change("Q2")
            >>> change.format(), change.shown_direction().label(), change.direction.label()
            ('3,9 → 3,9 (0,0)', 'oförändrad', 'lägre')
        """
        shown = self._shown(published_places(decimals))
        if shown is None:
            return None
        first, second = shown
        if second > first:
            return Direction.UP
        return Direction.DOWN if second < first else Direction.UNCHANGED

    def _shown(self, decimals: int) -> tuple[Decimal, Decimal] | None:
        """The two figures as :meth:`format` rounds them, or ``None`` when hidden."""
        before, after = self.exact_before, self.exact_after
        if before is None or after is None:
            return None
        if self.question.scale is Scale.NPS:
            places = 0
            first, second = before.nps.score, after.nps.score  # type: ignore[union-attr]
        else:
            places = decimals
            first, second = before.mean, after.mean
        step = Decimal(1).scaleb(-places)
        return first.quantize(step, ROUND_HALF_UP), second.quantize(step, ROUND_HALF_UP)

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """``4,1 → 4,5 (+0,4)`` or ``NPS +20 → NPS +35 (+15)``; hidden: ``dold``/``hidden``.

        The difference shown is that of the two rounded figures shown, so the line adds up
        for its reader (4,3 → 4,3 is ``0,0`` even when the :attr:`exact_difference` is
        -0.06); :attr:`exact_difference` and :attr:`direction` are unrounded.
        """
        decimals = published_places(decimals)
        shown = self._shown(decimals)
        if shown is None:
            return _WORDS.text("hidden", locale)
        first, second = shown
        places = 0 if self.question.scale is Scale.NPS else decimals
        if self.question.scale is Scale.NPS:
            texts = [f"NPS {_signed(value, 0, locale)}" for value in (first, second)]
        else:
            texts = [
                format_number(value, decimals=places, locale=locale) for value in (first, second)
            ]
        return f"{texts[0]} → {texts[1]} ({_signed(second - first, places, locale)})"


@attrs.frozen(kw_only=True)
class Comparison:
    """Two groups side by side and the change of every question both asked.

    Attributes:
        before: The earlier group.
        after: The later group.
        changes: One change per question asked in both, in the earlier group's order.
    """

    before: GroupSummary
    after: GroupSummary
    changes: tuple[Change, ...]

    def change(self, code: str) -> Change:
        """The change of the question with *code*.

        Raises:
            NotFoundError: If the question was not asked in both groups (path ``code``; the
                message lists the codes). It is a ValidationError and a KeyError.
        """
        for change in self.changes:
            if change.question.code == code:
                return change
        codes = ", ".join(c.question.code for c in self.changes) or "none"
        raise NotFoundError.single(
            "code", code, f"was not asked in both groups (codes asked in both: {codes})"
        )


def compare(before: GroupSummary, after: GroupSummary) -> Comparison:
    """Compare two group summaries question by question, from their shown figures only.

    Both summaries should come from the same report (e.g. two years of one
    :func:`breakdown` by :attr:`Dimension.YEAR`), or from :func:`compare_periods`.

    Examples:
        >>> from ledarutveckling import Dimension, breakdown
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> years = breakdown(stockholm_evaluations(), by=Dimension.YEAR)
        >>> comparison = compare(years.group("2025"), years.group("2026"))
        >>> comparison.change("Q1").format()
        '4,2 → 4,1 (\u22120,1)'
    """
    checks = Checker()
    checks.instance("before", before, GroupSummary, "a GroupSummary (e.g. from breakdown())")
    checks.instance("after", after, GroupSummary, "a GroupSummary (e.g. from breakdown())")
    checks.done()
    later = {s.question.code: s for s in after.questions}
    changes = [
        Change(
            question=summary.question,
            before=summary.exact_statistics if summary.shown else None,
            after=later[summary.question.code].exact_statistics
            if later[summary.question.code].shown
            else None,
            minimum_text=max(summary.minimum_text, later[summary.question.code].minimum_text),
        )
        for summary in before.questions
        if summary.question.code in later
    ]
    return Comparison(before=before, after=after, changes=tuple(changes))


@overload
def compare_periods(
    evaluations: Iterable[Evaluation],
    *,
    before: DateRange,
    after: DateRange,
    minimum: int = ...,
    audience: None = None,
) -> Comparison: ...


@overload
def compare_periods(
    evaluations: Iterable[Evaluation],
    *,
    before: DateRange,
    after: DateRange,
    minimum: int = ...,
    audience: Audience,
) -> tuple[Comparison, Audience]: ...


def compare_periods(
    evaluations: Iterable[Evaluation],
    *,
    before: DateRange,
    after: DateRange,
    minimum: int = MINIMUM_RESPONDENTS,
    audience: Audience | None = None,
) -> Comparison | tuple[Comparison, Audience]:
    """Compare the evaluations whose collection ended in *before* with those ending in *after*.

    Each period is summarised on its own (no total is shown beside them, so no complementary
    suppression is needed); a hidden period hides every change. With an *audience*, the
    two periods are audited against what it was shown (see
    :class:`~ledarutveckling.Audience`: two comparisons of nested periods can otherwise be
    subtracted), and the result is the comparison and the record with it added.

    Raises:
        ValidationError: If a period is not a DateRange, the periods overlap, or as
            :func:`summarise`.

    Examples:
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> comparison = compare_periods(
        ...     stockholm_evaluations(),
        ...     before=DateRange.from_iso("2025-01-01", "2025-12-31"),
        ...     after=DateRange.from_iso("2026-01-01", "2026-12-31"))
        >>> comparison.change("Q4").format(), comparison.change("Q4").direction.label()
        ('NPS +15 → NPS +29 (+14)', 'högre')
    """
    record = _audience(audience, _check_minimum(minimum))
    checks = Checker()
    periods_ok = checks.instance("before", before, DateRange, "a DateRange")
    periods_ok &= checks.instance("after", after, DateRange, "a DateRange")
    if periods_ok and before.overlaps(after):
        checks.add(
            "after",
            str(after),
            f"must not overlap before ({before})",
            ProblemCode.PERIODS_OVERLAP,
            first=before,
            other=after,
        )
    checks.done()
    found = _evaluations(evaluations)
    questions = _questions(found)
    raws = [
        _Raw(key=str(period), evaluations=tuple(e for e in found if e.collected.end in period))
        for period in (before, after)
    ]
    groups, _ = _summaries(raws, None, questions, record.minimum, record.minimum_text)
    shown, recorded = _publish(f"periods {before} and {after}", groups, found, record)
    result = compare(shown[0], shown[1])
    return result if audience is None else (result, recorded)


def _cohens_d(
    question: Question, before: Statistics | None, after: Statistics | None
) -> Decimal | None:
    """Cohen's d of *after* against *before* (pooled deviation), or ``None`` where undefined."""
    if before is None or after is None or question.scale is Scale.NPS:
        return None
    if before.variance is None or after.variance is None:
        return None
    n1, n2 = before.count, after.count
    with localcontext(_CONTEXT):
        pooled = ((n1 - 1) * before.variance + (n2 - 1) * after.variance) / (n1 + n2 - 2)
        if pooled == 0:
            return None
        return (after.mean - before.mean) / pooled.sqrt()


def _as_published(stats: Statistics, minimum_text: int) -> Statistics:
    """The answers the published shares of *stats* give: each share times the count, rounded.

    *stats* has *minimum_text* answers, so its distribution is published.
    """
    shares = stats.published(minimum_text=minimum_text).shares
    assert shares is not None  # the caller checked the count
    answers = [
        value
        for value, share in shares.items()
        for _ in range(int((share * stats.count).quantize(Decimal(1), ROUND_HALF_UP)))
    ]
    return Statistics.of(stats.scale, answers)


def _tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (``150``, not ``1.5E+2``)."""
    tidy = value.normalize(_CONTEXT)
    exponent = tidy.as_tuple().exponent
    return tidy.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else tidy
