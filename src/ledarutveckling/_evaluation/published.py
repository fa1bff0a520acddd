"""Evaluations worked on for one audience, every result audited without asking (private)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.comparison import Comparison, compare_periods
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.pooling import _evaluations
from ledarutveckling._evaluation.summaries import Breakdown, Dimension, breakdown, summarise
from ledarutveckling._evaluation.survey import Evaluation
from ledarutveckling.errors import ValidationError

__all__ = ["EvaluationSet"]


def _record(value: Audience | str) -> Audience:
    if isinstance(value, Audience):
        return value
    if isinstance(value, str):
        return Audience(name=value)
    raise ValidationError.single(
        "audience",
        value,
        "must be an Audience or the audience's name, e.g. 'styrgruppen'",
        ProblemCode.WRONG_TYPE,
    )


@attrs.define(kw_only=True)
class EvaluationSet:
    """Evaluations shown to one audience: each result is audited against every earlier one.

    The safe default for a notebook: make one set per audience and ask it for summaries,
    breakdowns and comparisons; a second breakdown (by another dimension, of another period)
    is protected without passing anything, as the set keeps the audience's record
    (:attr:`audience`) and updates it with every result. The record belongs to the set, not
    to the process: save it with :func:`~ledarutveckling.serialization.dump` and pass it
    back as *audience* next time.

    Attributes:
        evaluations: The evaluations.
        audience: What the audience has been shown (an :class:`Audience`; a name starts an
            empty one).

    Examples:
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> board = EvaluationSet(evaluations=stockholm_evaluations(), audience="styrgruppen")
        >>> [g.respondents for g in board.breakdown(by=Dimension.COHORT).groups]
        [9, None, 7, 11, None]
        >>> [g.respondents for g in board.breakdown(by=Dimension.UNIT).groups]
        [None, None, 16]
        >>> [p.label for p in board.audience.publications]
        ['breakdown by cohort', 'breakdown by unit']
    """

    evaluations: tuple[Evaluation, ...] = attrs.field(converter=_evaluations)
    audience: Audience = attrs.field(converter=_record)

    def _chosen(self, evaluations: Iterable[Evaluation] | None) -> tuple[Evaluation, ...]:
        return self.evaluations if evaluations is None else _evaluations(evaluations)

    def summarise(self, evaluations: Iterable[Evaluation] | None = None) -> GroupSummary:
        """:func:`~ledarutveckling.summarise` of all the evaluations (or those given)."""
        result, self.audience = summarise(self._chosen(evaluations), audience=self.audience)
        return result

    def breakdown(
        self, *, by: Dimension, evaluations: Iterable[Evaluation] | None = None
    ) -> Breakdown:
        """:func:`~ledarutveckling.breakdown` of all the evaluations (or those given)."""
        result, self.audience = breakdown(self._chosen(evaluations), by=by, audience=self.audience)
        return result

    def compare_periods(self, *, before: DateRange, after: DateRange) -> Comparison:
        """:func:`~ledarutveckling.compare_periods` of the evaluations."""
        result, self.audience = compare_periods(
            self.evaluations, before=before, after=after, audience=self.audience
        )
        return result
