"""Comparing two summaries: changes, their direction and size."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._evaluation.anonymity import MINIMUM_RESPONDENTS, _check_minimum
from ledarutveckling._evaluation.statistics import _CONTEXT, Statistics, _signed
from ledarutveckling._evaluation.summaries import (
    GroupSummary,
    _evaluations,
    _questions,
    _Raw,
    _summaries,
)
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

    Attributes:
        question: The question.
        before: The earlier statistics, or ``None`` when hidden or not asked.
        after: The later statistics, or ``None`` when hidden or not asked.
    """

    question: Question
    before: Statistics | None
    after: Statistics | None

    @property
    def shown(self) -> bool:
        """Whether both sides are shown, so the change may be."""
        return self.before is not None and self.after is not None

    @property
    def difference(self) -> Decimal | None:
        """After minus before: NPS points on the NPS scale, else scale points of the mean."""
        if self.before is None or self.after is None:
            return None
        if self.question.scale is Scale.NPS:
            return _CONTEXT.subtract(self.after.nps.score, self.before.nps.score)  # type: ignore[union-attr]
        return _CONTEXT.subtract(self.after.mean, self.before.mean)

    @property
    def direction(self) -> Direction | None:
        """Up, down or unchanged (exactly equal), or ``None`` when hidden."""
        difference = self.difference
        if difference is None:
            return None
        if difference > 0:
            return Direction.UP
        return Direction.DOWN if difference < 0 else Direction.UNCHANGED

    @property
    def effect_size(self) -> Decimal | None:
        """Cohen's d: the difference of means over the pooled standard deviation.

        ``None`` when hidden, on the NPS scale, or when the pooled deviation is zero or
        undefined (fewer than two answers on one side).
        """
        before, after = self.before, self.after
        if before is None or after is None or self.question.scale is Scale.NPS:
            return None
        if before.variance is None or after.variance is None:
            return None
        n1, n2 = before.count, after.count
        with localcontext(_CONTEXT):
            pooled = ((n1 - 1) * before.variance + (n2 - 1) * after.variance) / (n1 + n2 - 2)
            if pooled == 0:
                return None
            return (after.mean - before.mean) / pooled.sqrt()

    @property
    def magnitude(self) -> Magnitude | None:
        """The size of the change by Cohen's d, or ``None`` where d is undefined."""
        d = self.effect_size
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
        shown = self._shown(decimals)
        if shown is None:
            return None
        first, second = shown
        if second > first:
            return Direction.UP
        return Direction.DOWN if second < first else Direction.UNCHANGED

    def _shown(self, decimals: int) -> tuple[Decimal, Decimal] | None:
        """The two figures as :meth:`format` rounds them, or ``None`` when hidden."""
        if self.before is None or self.after is None:
            return None
        if self.question.scale is Scale.NPS:
            places = 0
            first, second = self.before.nps.score, self.after.nps.score  # type: ignore[union-attr]
        else:
            places = decimals
            first, second = self.before.mean, self.after.mean
        step = Decimal(1).scaleb(-places)
        return first.quantize(step, ROUND_HALF_UP), second.quantize(step, ROUND_HALF_UP)

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """``4,1 → 4,5 (+0,4)`` or ``NPS +20 → NPS +35 (+15)``; hidden: ``dold``/``hidden``.

        The difference shown is that of the two rounded figures shown, so the line adds up
        for its reader (4,3 → 4,3 is ``0,0`` even when the exact :attr:`difference` is
        -0.06); the exact difference and :attr:`direction` are unrounded.
        """
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
        codes = ", ".join(c.question.code for c in self.changes)
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
            before=summary.statistics if summary.shown else None,
            after=later[summary.question.code].statistics
            if later[summary.question.code].shown
            else None,
        )
        for summary in before.questions
        if summary.question.code in later
    ]
    return Comparison(before=before, after=after, changes=tuple(changes))


def compare_periods(
    evaluations: Iterable[Evaluation],
    *,
    before: DateRange,
    after: DateRange,
    minimum: int = MINIMUM_RESPONDENTS,
) -> Comparison:
    """Compare the evaluations whose collection ended in *before* with those ending in *after*.

    Each period is summarised on its own (no total is shown beside them, so no complementary
    suppression is needed); a hidden period hides every change.

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
    minimum = _check_minimum(minimum)
    checks = Checker()
    periods_ok = checks.instance("before", before, DateRange, "a DateRange")
    periods_ok &= checks.instance("after", after, DateRange, "a DateRange")
    if periods_ok and before.overlaps(after):
        checks.add("after", str(after), f"must not overlap before ({before})")
    checks.done()
    found = _evaluations(evaluations)
    questions = _questions(found)
    raws = [
        _Raw(key=str(period), evaluations=tuple(e for e in found if e.collected.end in period))
        for period in (before, after)
    ]
    groups, _ = _summaries(raws, None, questions, minimum)
    return compare(groups[0], groups[1])


def _tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (``150``, not ``1.5E+2``)."""
    tidy = value.normalize(_CONTEXT)
    exponent = tidy.as_tuple().exponent
    return tidy.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else tidy
