r"""Analysis of evaluations: statistics, aggregation, period changes, anonymity and ROI (private).

Precision: every statistic is a :class:`~decimal.Decimal` computed from the integer answers in
a 28-digit decimal context (half-even, as the stdlib's default), so a mean of 13/3 is
``Decimal('4.333333333333333333333333333')``. Nothing is rounded here: rounding for display
(half up, one decimal by default) is done by the ``format_*`` methods through
:mod:`ledarutveckling.formatting`.

Anonymity: no figure and no comment of a group with fewer respondents than the minimum (5 by
default, never below 3) is shown, and when groups are shown beside a total, further groups are
hidden until no hidden group can be worked out by subtracting shown figures from the total
(complementary suppression); see :func:`breakdown`. Comments and answer distributions need 8
respondents. Every result is audited (exact derivation and narrowing, see
:class:`~ledarutveckling.Audience`) against what its audience was shown before when the
audience's record is passed as ``audience=``.

Examples:
    >>> stats = Statistics.of(Scale.LIKERT_5, [5, 4, 4, 5, 3, 5, 4])
    >>> stats.mean
    Decimal('4.285714285714285714285714286')
    >>> stats.format()
    '4,3 av 5'
    >>> Statistics.of(Scale.NPS, [10, 9, 9, 8, 6, 10, 7]).format()
    'NPS +43'
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, overload

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import (
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    Suppression,
    _check_minimum,
    _protect,
)
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.figures import COMMENTS, RESPONDENTS, ShownFigure
from ledarutveckling._evaluation.statistics import _CONTEXT, PublishedStatistics, Statistics
from ledarutveckling._evaluation.survey import Evaluation, KirkpatrickLevel, Question, Scale
from ledarutveckling.errors import NotFoundError, ValidationError
from ledarutveckling.formatting import format_percent

__all__ = [
    "Breakdown",
    "Dimension",
    "GroupSummary",
    "LevelSummary",
    "QuestionSummary",
    "breakdown",
    "summarise",
]


@attrs.frozen(kw_only=True)
class QuestionSummary:
    """One question's results in one group, or why they are hidden.

    Attributes:
        question: The question.
        invited: Participants invited to the evaluations in the group that asked it.
        exact_statistics: The exact statistics, or ``None`` when hidden (or nobody answered);
            passed as ``statistics=``. For the library's own computations and tests, not for
            publication: what is shown is :attr:`statistics`, rounded.
        suppression: Why the results are hidden, or ``None`` when shown.
        minimum: The minimum number of answers in force.
        minimum_text: The minimum number of answers whose distribution may be shown.
    """

    question: Question
    invited: int
    exact_statistics: Statistics | None = attrs.field(alias="statistics", repr=False)
    suppression: Suppression | None
    minimum: int = MINIMUM_RESPONDENTS
    minimum_text: int = MINIMUM_TEXT_RESPONDENTS

    @property
    def statistics(self) -> PublishedStatistics | None:
        """The figures as published, rounded, or ``None`` when hidden.

        The mean and median to a tenth, shares to a whole percent, the NPS to a point; the
        distribution's shares only with :attr:`minimum_text` answers (see
        :class:`~ledarutveckling.PublishedStatistics`).

        Examples:
            >>> from ledarutveckling.examples import stockholm_evaluations
            >>> q1 = summarise(stockholm_evaluations()[:1]).question("Q1")
            >>> q1.statistics.mean, q1.statistics.count
            (Decimal('4.3'), 9)
        """
        if self.exact_statistics is None:
            return None
        return self.exact_statistics.published(minimum_text=self.minimum_text)

    @property
    def distribution(self) -> Mapping[int, int] | None:
        """The number of answers of every value; ``None`` if hidden or under minimum_text.

        A count per answer says more about one person than a mean, so, as Swedish survey
        tools do, it needs :attr:`minimum_text` answers (8 by default).

        Examples:
            >>> from ledarutveckling.examples import stockholm_evaluations
            >>> q1 = summarise(stockholm_evaluations()[:1]).question("Q1")
            >>> dict(q1.distribution)
            {1: 0, 2: 0, 3: 1, 4: 4, 5: 4}
            >>> summarise(stockholm_evaluations()[2]).question("Q1").distribution is None
            True
        """
        if self.exact_statistics is None or self.exact_statistics.count < self.minimum_text:
            return None
        return self.exact_statistics.distribution

    @property
    def shown(self) -> bool:
        """Whether the results may be shown."""
        return self.exact_statistics is not None

    @property
    def answered(self) -> int | None:
        """The number of answers, or ``None`` when hidden."""
        return self.exact_statistics.count if self.exact_statistics is not None else None

    @property
    def response_rate(self) -> Decimal | None:
        """Answers per invited participant, 0 to 1, or ``None`` when hidden."""
        if self.exact_statistics is None:
            return None
        return _CONTEXT.divide(Decimal(self.exact_statistics.count), Decimal(self.invited))

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """``4,3 av 5 (n = 12)``, ``NPS +42 (n = 12)``, or the reason it is hidden."""
        if self.exact_statistics is None:
            return (self.suppression or Suppression.TOO_FEW).message(self.minimum, locale)
        figure = self.exact_statistics.format(decimals=decimals, locale=locale)
        return f"{figure} (n = {self.exact_statistics.count})"


@attrs.frozen(kw_only=True)
class LevelSummary:
    """The shown questions of one Kirkpatrick level on one scale, pooled.

    Attributes:
        level: The Kirkpatrick level.
        scale: The scale the pooled questions share.
        questions: The codes of the pooled questions.
        exact_statistics: The pooled statistics (every answer to those questions counts
            once), exact; passed as ``statistics=``. Not for publication: see
            :attr:`statistics`.
    """

    level: KirkpatrickLevel
    scale: Scale
    questions: tuple[str, ...]
    exact_statistics: Statistics = attrs.field(alias="statistics", repr=False)

    @property
    def statistics(self) -> PublishedStatistics:
        """The pooled figures as published, rounded (no distribution)."""
        return self.exact_statistics.published()


@attrs.frozen(kw_only=True)
class GroupSummary:
    """The results of a group of evaluations (one cohort, one unit, one year, …).

    Attributes:
        key: What the group has in common (the cohort's name, the year, …); ``None`` for
            the total of a breakdown and for evaluations that lack the grouping's value.
        evaluations: The references of the evaluations in the group.
        invited: Participants invited, summed.
        respondents: The number of responses, or ``None`` when the group is hidden.
        questions: Every question asked in the group, shown or hidden.
        comments: The free-text comments, sorted (so their order tells nothing), or none
            when the group is hidden.
        suppression: Why the group is hidden, or ``None`` when shown.
        minimum: The minimum number of respondents in force.
    """

    key: str | None
    evaluations: tuple[str, ...]
    invited: int
    respondents: int | None
    questions: tuple[QuestionSummary, ...]
    comments: tuple[str, ...]
    suppression: Suppression | None
    minimum: int = MINIMUM_RESPONDENTS

    def _repr_html_(self) -> str:
        """An HTML table of the summary, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import group_summary_html

        return group_summary_html(self)

    @property
    def shown(self) -> bool:
        """Whether the group's results may be shown."""
        return self.suppression is None

    @property
    def response_rate(self) -> Decimal | None:
        """Responses per invited participant, 0 to 1, or ``None`` when hidden."""
        if self.respondents is None:
            return None
        return _CONTEXT.divide(Decimal(self.respondents), Decimal(self.invited))

    def question(self, code: str) -> QuestionSummary:
        """The summary of the question with *code*.

        Raises:
            NotFoundError: If the group asked no such question (path ``code``; the message
                lists the codes). It is a ValidationError and a KeyError.
        """
        for summary in self.questions:
            if summary.question.code == code:
                return summary
        codes = ", ".join(s.question.code for s in self.questions)
        raise NotFoundError.single("code", code, f"was not asked in this group (codes: {codes})")

    @property
    def levels(self) -> tuple[LevelSummary, ...]:
        """The shown questions pooled per Kirkpatrick level and scale, by level.

        Only shown questions are pooled, so the pooled figures reveal nothing new.
        """
        pools: dict[tuple[KirkpatrickLevel, Scale], list[QuestionSummary]] = {}
        for summary in self.questions:
            if summary.shown:
                pools.setdefault((summary.question.level, summary.question.scale), []).append(
                    summary
                )
        result = []
        for (level, scale), summaries in sorted(pools.items(), key=lambda item: item[0][0]):
            pooled = summaries[0].exact_statistics
            for summary in summaries[1:]:
                pooled = pooled.pooled(summary.exact_statistics)  # type: ignore[union-attr, arg-type]
            result.append(
                LevelSummary(
                    level=level,
                    scale=scale,
                    questions=tuple(s.question.code for s in summaries),
                    statistics=pooled,  # type: ignore[arg-type]
                )
            )
        return tuple(result)

    def note(self, locale: str = DEFAULT_LOCALE) -> str | None:
        """What a report says instead of the group's results, or ``None`` when shown."""
        return None if self.suppression is None else self.suppression.message(self.minimum, locale)

    def lines(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> list[str]:
        r"""The group's results as lines of text: respondents, then one line per question.

        Examples:
            >>> from ledarutveckling.examples import stockholm_evaluations
            >>> lines = summarise(stockholm_evaluations()[:1]).lines()
            >>> lines[0]
            '9 svar av 12 inbjudna (75,0\xa0%)'
            >>> print(lines[1])
            Q1 Programmet som helhet har varit värdefullt för mig: 4,3 av 5 (n = 9)
            >>> print(lines[4][-17:])
            : NPS +22 (n = 9)
        """
        if self.respondents is None:
            return [self.note(locale) or ""]
        rate = format_percent(self.response_rate or Decimal(0), locale=locale)
        head = _WORDS.format(
            "responses", locale, respondents=self.respondents, invited=self.invited, rate=rate
        )
        return [head] + [
            f"{s.question.code} {s.question.text}: {s.format(decimals=decimals, locale=locale)}"
            for s in self.questions
        ]


class Dimension(Labelled, enum.Enum):
    """What a :func:`breakdown` groups evaluations by.

    Examples:
        >>> Dimension.UNIT.label()
        'beställande enhet'
    """

    PROGRAM = "program"
    """The subject's program code."""
    COHORT = "cohort"
    """The subject's cohort."""
    CALL_OFF = "call_off"
    """The subject's call-off reference."""
    UNIT = "unit"
    """The subject's ordering unit."""
    YEAR = "year"
    """The calendar year the collection period ended in."""

    def key(self, evaluation: Evaluation) -> str | None:
        """The group *evaluation* falls in, or ``None`` when it lacks the value."""
        subject = evaluation.subject
        return {
            Dimension.PROGRAM: subject.program_code,
            Dimension.COHORT: subject.cohort,
            Dimension.CALL_OFF: subject.call_off_reference,
            Dimension.UNIT: subject.unit,
            Dimension.YEAR: str(evaluation.collected.end.year),
        }[self]

    def _labels(self) -> Words[Dimension]:
        return _DIMENSION_LABELS


_DIMENSION_LABELS: Final[Words[Dimension]] = Words(
    {
        Dimension.PROGRAM: ("program", "program"),
        Dimension.COHORT: ("kohort", "cohort"),
        Dimension.CALL_OFF: ("avrop", "call-off"),
        Dimension.UNIT: ("beställande enhet", "ordering unit"),
        Dimension.YEAR: ("år", "year"),
    },
    keys=Dimension,
)


_WORDS: Final[Words[str]] = Words(
    {
        "responses": (
            "{respondents} svar av {invited} inbjudna ({rate})",
            "{respondents} responses of {invited} invited ({rate})",
        ),
        "total": ("Totalt", "Total"),
        "not_stated": ("(ej angivet)", "(not stated)"),
    }
)


@attrs.frozen(kw_only=True)
class _Raw:
    """A group's figures before anonymity is applied (never returned to a caller)."""

    key: str | None
    evaluations: tuple[Evaluation, ...]

    @property
    def invited(self) -> int:
        return sum(e.invited for e in self.evaluations)

    @property
    def respondents(self) -> int:
        return sum(e.respondents for e in self.evaluations)

    def asked(self, code: str) -> bool:
        return any(q.code == code for e in self.evaluations for q in e.questions)

    def invited_to(self, code: str) -> int:
        return sum(e.invited for e in self.evaluations if any(q.code == code for q in e.questions))

    def answers(self, code: str) -> list[int]:
        return [
            answer
            for e in self.evaluations
            for r in e.responses
            if (answer := r.answers.get(code)) is not None
        ]

    @property
    def comments(self) -> tuple[str, ...]:
        found = [r.comment for e in self.evaluations for r in e.responses if r.comment]
        return tuple(sorted(found, key=lambda c: (c.casefold(), c)))


def _questions(evaluations: Sequence[Evaluation]) -> list[Question]:
    """The questions in order of first appearance; a code must keep its scale and level."""
    checks = Checker()
    first: dict[str, tuple[Question, str]] = {}
    for index, evaluation in enumerate(evaluations):
        for position, question in enumerate(evaluation.questions):
            if question.code not in first:
                first[question.code] = (question, evaluation.reference)
                continue
            seen, where = first[question.code]
            for name in ("scale", "level"):
                mine, theirs = getattr(question, name), getattr(seen, name)
                if mine != theirs:
                    checks.add(
                        f"evaluations[{index}].questions[{position}].{name}",
                        mine.value,
                        f"must be {theirs.value!r} as in evaluation {where!r}: "
                        "questions with the same code are pooled",
                        ProblemCode.QUESTION_NOT_POOLED,
                        question=question.code,
                        given=mine,
                        expected=theirs,
                        evaluation=where,
                    )
    checks.done()
    return [question for question, _ in first.values()]


def _evaluations(evaluations: Iterable[Evaluation] | Evaluation) -> tuple[Evaluation, ...]:
    if not isinstance(evaluations, Evaluation | Iterable) or isinstance(
        evaluations, str | bytes | Mapping
    ):
        raise ValidationError.single(
            "evaluations",
            evaluations if len(repr(evaluations)) <= 80 else f"<{type(evaluations).__name__}>",
            "must be an Evaluation or a list of Evaluation objects",
            ProblemCode.WRONG_TYPE,
        )
    found = (evaluations,) if isinstance(evaluations, Evaluation) else tuple(evaluations)
    checks = Checker()
    good = checks.items("evaluations", found, Evaluation, "Evaluation objects")
    checks.unique("evaluations", (e.reference for e in good), "evaluation reference")
    checks.done()
    return found


def _summaries(
    groups: Sequence[_Raw],
    total: _Raw | None,
    questions: Sequence[Question],
    minimum: int,
    minimum_text: int = MINIMUM_TEXT_RESPONDENTS,
) -> tuple[list[GroupSummary], GroupSummary | None]:
    """Apply the anonymity rules to *groups* (and the *total* shown beside them, if any)."""
    # The respondents column decides which groups are hidden as a whole.
    total_reason: Suppression | None = None
    if total is not None and total.respondents < minimum:
        total_reason = Suppression.TOO_FEW
    group_hidden, hide_total = _protect(
        [g.respondents for g in groups],
        [None] * len(groups),
        minimum,
        beside_total=total is not None and total_reason is None,
    )
    if hide_total:  # pragma: no cover - a shown total always leaves a group to hide
        total_reason = Suppression.COMPLEMENTARY
    # Each question is a column of its own: hide cells with too few answers, and protect them.
    cell_reasons: dict[str, list[Suppression | None]] = {}
    total_cells: dict[str, Suppression | None] = {}
    for question in questions:
        code = question.code
        total_cell = total_reason
        if total is not None and total_cell is None and len(total.answers(code)) < minimum:
            total_cell = Suppression.TOO_FEW
        column, hide_total = _protect(
            [len(g.answers(code)) if g.asked(code) else None for g in groups],
            group_hidden,
            minimum,
            beside_total=total is not None and total_cell is None,
        )
        cell_reasons[code] = column
        total_cells[code] = Suppression.COMPLEMENTARY if hide_total else total_cell
    summaries = [
        _summary(
            group,
            group_hidden[index],
            questions,
            (minimum, minimum_text),
            _cell(cell_reasons, index),
        )
        for index, group in enumerate(groups)
    ]
    if total is None:
        return summaries, None
    return summaries, _summary(
        total, total_reason, questions, (minimum, minimum_text), total_cells.__getitem__
    )


def _cell(
    reasons: Mapping[str, Sequence[Suppression | None]], index: int
) -> Callable[[str], Suppression | None]:
    return lambda code: reasons[code][index]


def _summary(
    group: _Raw,
    reason: Suppression | None,
    questions: Sequence[Question],
    minimums: tuple[int, int],
    cell_reason: Callable[[str], Suppression | None],
) -> GroupSummary:
    minimum, minimum_text = minimums
    question_summaries = []
    for question in questions:
        if not group.asked(question.code):
            continue
        hidden = reason or cell_reason(question.code)
        question_summaries.append(
            QuestionSummary(
                question=question,
                invited=group.invited_to(question.code),
                statistics=(
                    None if hidden else Statistics.of(question.scale, group.answers(question.code))
                ),
                suppression=hidden,
                minimum=minimum,
                minimum_text=minimum_text,
            )
        )
    return GroupSummary(
        key=group.key,
        evaluations=tuple(e.reference for e in group.evaluations),
        invited=group.invited,
        respondents=None if reason else group.respondents,
        questions=tuple(question_summaries),
        comments=() if reason or group.respondents < minimum_text else group.comments,
        suppression=reason,
        minimum=minimum,
    )


def _figures(
    summaries: Sequence[GroupSummary], found: Sequence[Evaluation], minimum_text: int
) -> list[ShownFigure]:
    """Every figure *summaries* show or hide, for the audit."""
    asked = {e.reference: {q.code for q in e.questions} for e in found}
    result = []
    for summary in summaries:
        group = summary.evaluations
        shown = summary.respondents is not None
        result.append(
            ShownFigure(
                measure=RESPONDENTS,
                group=group,
                evaluations=group,
                shown=shown,
                count=summary.respondents,
                invited=summary.invited,
                at_least=_noted(summary.suppression, summary.minimum)[0],
                at_most=_noted(summary.suppression, summary.minimum)[1],
            )
        )
        for question in summary.questions:
            code, stats = question.question.code, question.exact_statistics
            noted = _noted(question.suppression if stats is None else None, question.minimum)
            result.append(
                ShownFigure(
                    measure=code,
                    group=group,
                    evaluations=[r for r in group if code in asked[r]],
                    shown=stats is not None,
                    count=None if stats is None else stats.count,
                    figure=None if stats is None else _figure(stats),
                    unanimous=stats is not None and _unanimous(stats),
                    lowest=question.question.scale.minimum,
                    highest=question.question.scale.maximum,
                    invited=question.invited,
                    at_least=noted[0],
                    at_most=noted[1],
                )
            )
        with_comments = shown and (summary.respondents or 0) >= minimum_text
        result.append(
            ShownFigure(
                measure=COMMENTS,
                group=group,
                evaluations=group,
                shown=with_comments,
                count=summary.respondents if with_comments else None,
            )
        )
    return result


def _noted(suppression: Suppression | None, minimum: int) -> tuple[int | None, int | None]:
    """What the note beside a hidden figure tells of its count: the least and the most.

    "Too few responses (n < 5)" says at most 4; "hidden to protect another group" says that
    the group had enough to be shown. The audit takes both into account, as a reader would.
    """
    if suppression is Suppression.TOO_FEW:
        return None, minimum - 1
    if suppression is Suppression.COMPLEMENTARY:
        return minimum, None
    return None, None


def _unanimous(stats: Statistics) -> bool:
    """Whether the published figures show every answer in one category of the scale.

    On the NPS scale: all promoters (NPS +100), all detractors (-100), or all passives (no
    promoters and no detractors, as the shares show). Else: all in the top-two box or none
    (a top-two box of 100 % or 0 %; a mean at the scale's end is a case of it).
    """
    nps = stats.nps
    if nps is not None:
        return stats.count in (nps.promoters, nps.passives, nps.detractors)
    return stats.top_two_box in (0, 1)


def _figure(stats: Statistics) -> str:
    """The figure as a report rounds it: ``4.3`` (a mean), ``NPS +20``."""
    nps = stats.nps
    if nps is not None:
        return f"NPS {nps.score.quantize(Decimal(1), ROUND_HALF_UP):+}"
    return str(stats.mean.quantize(Decimal("0.1"), ROUND_HALF_UP))


def _hidden(summary: GroupSummary, hide: frozenset[tuple[str, tuple[str, ...]]]) -> GroupSummary:
    """*summary* with the figures the audit chose to hide hidden too."""
    key = tuple(sorted(summary.evaluations))
    if summary.respondents is not None and (RESPONDENTS, key) in hide:
        return attrs.evolve(
            summary,
            respondents=None,
            comments=(),
            suppression=Suppression.COMPLEMENTARY,
            questions=tuple(
                attrs.evolve(
                    q, statistics=None, suppression=q.suppression or Suppression.COMPLEMENTARY
                )
                for q in summary.questions
            ),
        )
    questions = tuple(
        attrs.evolve(q, statistics=None, suppression=Suppression.COMPLEMENTARY)
        if q.exact_statistics is not None and (q.question.code, key) in hide
        else q
        for q in summary.questions
    )
    comments = () if (COMMENTS, key) in hide else summary.comments
    return attrs.evolve(summary, questions=questions, comments=comments)


def _publish(
    label: str,
    summaries: Sequence[GroupSummary],
    found: Sequence[Evaluation],
    audience: Audience,
) -> tuple[list[GroupSummary], Audience]:
    """Audit *summaries* against what *audience* was shown; hide more where needed."""
    hide, recorded = audience.audit(label, _figures(summaries, found, audience.minimum_text))
    return [_hidden(summary, hide) for summary in summaries], recorded


def _audience(audience: Audience | None, minimum: int) -> Audience:
    """The record to audit against: the one given, or a fresh one for this publication."""
    if audience is None:
        return Audience(name="-", minimum=minimum, minimum_text=max(minimum, 8))
    if not isinstance(audience, Audience):
        raise ValidationError.single(
            "audience",
            audience,
            "must be an Audience, e.g. Audience(name='styrgruppen')",
            ProblemCode.WRONG_TYPE,
        )
    return audience


@overload
def summarise(
    evaluations: Iterable[Evaluation] | Evaluation,
    *,
    minimum: int = ...,
    audience: None = None,
) -> GroupSummary: ...


@overload
def summarise(
    evaluations: Iterable[Evaluation] | Evaluation,
    *,
    minimum: int = ...,
    audience: Audience,
) -> tuple[GroupSummary, Audience]: ...


def summarise(
    evaluations: Iterable[Evaluation] | Evaluation,
    *,
    minimum: int = MINIMUM_RESPONDENTS,
    audience: Audience | None = None,
) -> GroupSummary | tuple[GroupSummary, Audience]:
    """Pool evaluations (or summarise one) into a single group, hiding it if too small.

    Args:
        evaluations: One evaluation or several; questions with the same code are pooled.
        minimum: The fewest respondents (and, per question, answers) whose results are
            shown; 5 by default, at least 3. Comments need 8 respondents (or *minimum*, if
            higher). With an *audience*, its minimums are used instead.
        audience: What the audience has been shown already: the summary is audited against
            it (see :class:`~ledarutveckling.Audience`), and the result is the summary and
            the record with it added.

    Raises:
        ValidationError: For a *minimum* below 3, duplicate evaluation references, or a
            question code used with different scales or levels.

    Examples:
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> small = [e for e in stockholm_evaluations() if e.respondents < 5][0]
        >>> summarise(small).note()
        'för få svar (n < 5)'
        >>> summarise(small, minimum=3).respondents
        4
    """
    record = _audience(audience, _check_minimum(minimum))
    found = _evaluations(evaluations)
    questions = _questions(found)
    groups, _ = _summaries(
        [_Raw(key=None, evaluations=found)],
        None,
        questions,
        record.minimum,
        record.minimum_text,
    )
    shown, recorded = _publish("summary", groups, found, record)
    return shown[0] if audience is None else (shown[0], recorded)


@attrs.frozen(kw_only=True)
class Breakdown:
    """Groups of evaluations shown beside their total, with complementary suppression applied.

    Attributes:
        dimension: What the evaluations were grouped by.
        total: All the evaluations together.
        groups: One summary per value of the dimension, sorted by key (``None`` last).
        minimum: The minimum number of respondents in force.
    """

    dimension: Dimension
    total: GroupSummary
    groups: tuple[GroupSummary, ...]
    minimum: int = MINIMUM_RESPONDENTS

    def _repr_html_(self) -> str:
        """An HTML table of the breakdown, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import breakdown_html

        return breakdown_html(self)

    def group(self, key: str | None) -> GroupSummary:
        """The group with *key*.

        Raises:
            NotFoundError: If there is no such group (path ``key``; the message lists the
                keys). It is a ValidationError and a KeyError.
        """
        for summary in self.groups:
            if summary.key == key:
                return summary
        keys = ", ".join(repr(g.key) for g in self.groups)
        raise NotFoundError.single("key", key, f"is not a group of this breakdown (keys: {keys})")

    def lines(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> list[str]:
        """The total and every group as lines of text, groups indented under their names."""
        result = [_WORDS.text("total", locale)]
        result += [f"  {line}" for line in self.total.lines(decimals=decimals, locale=locale)]
        for summary in self.groups:
            name = summary.key
            if name is None:
                name = _WORDS.text("not_stated", locale)
            result.append(f"{self.dimension.label(locale).capitalize()} {name}")
            result += [f"  {line}" for line in summary.lines(decimals=decimals, locale=locale)]
        return result


@overload
def breakdown(
    evaluations: Iterable[Evaluation],
    *,
    by: Dimension,
    minimum: int = ...,
    audience: None = None,
) -> Breakdown: ...


@overload
def breakdown(
    evaluations: Iterable[Evaluation],
    *,
    by: Dimension,
    minimum: int = ...,
    audience: Audience,
) -> tuple[Breakdown, Audience]: ...


def breakdown(
    evaluations: Iterable[Evaluation],
    *,
    by: Dimension,
    minimum: int = MINIMUM_RESPONDENTS,
    audience: Audience | None = None,
) -> Breakdown | tuple[Breakdown, Audience]:
    """Group evaluations by program, cohort, call-off, unit or year, beside their total.

    Anonymity: a group with fewer respondents than *minimum* shows no figure and no comment;
    within a shown group, a question with fewer answers than *minimum* shows nothing. As
    the total is shown beside the groups, a hidden group could be worked out by subtracting
    the shown groups from the total, so more groups (questions) are hidden — the smallest
    first — until at least two are hidden and they hold at least *minimum* respondents
    (answers) together (complementary suppression, as in statistical disclosure control:
    Hundepool et al., *Statistical Disclosure Control*, Wiley 2012). The hidden groups
    can then only be known together, and together they are as large as a group must be.

    The breakdown is then audited (:meth:`Audience.audit`): no hidden group's respondents,
    answers or comments may be worked out exactly from the shown figures, comments included
    (they need 8 respondents), nor may a hidden group that could be small have its count,
    mean or NPS shares pinned more narrowly than the audience's protection asks
    (:attr:`Audience.min_mean_width`, :attr:`Audience.min_share_width`).

    Warning:
        Without *audience* the guarantee covers this breakdown alone: a second breakdown of
        the same evaluations (by another dimension, of another period) shown to the same
        readers can give a hidden group away by subtraction. For anything shown to people,
        work through an :class:`~ledarutveckling.EvaluationSet` (one per audience: it keeps
        the record and audits every result without being asked) or pass the audience's
        record, say for a breakdown by cohort and then one by unit.

    Args:
        evaluations: The evaluations; questions with the same code are pooled.
        by: What to group by.
        minimum: The fewest respondents whose results are shown; 5 by default, at least 3.
            With an *audience*, its minimums are used instead.
        audience: What the audience has been shown already; the result is then the
            breakdown and the record with it added.

    Raises:
        ValidationError: As :func:`summarise`, or for *by* not a :class:`Dimension`.

    Examples:
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> report = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
        >>> [(g.key, g.respondents, g.note()) for g in report.groups]
        [('2025:1', 9, None), ('2025:2', None, 'för få svar (n < 5)'), ('2026:1', 7, None),
         ('2026:2', 11, None), ('2026:3', None, 'för få svar (n < 5)')]
        >>> by_unit = breakdown(stockholm_evaluations(), by=Dimension.UNIT)
        >>> [(g.key, g.respondents, g.note()) for g in by_unit.groups]
        [('Farsta stadsdelsförvaltning', None, 'för få svar (n < 5)'),
         ('Skärholmens stadsdelsförvaltning', None, 'dold för att skydda en annan grupp'),
         ('Socialförvaltningen', 16, None)]
    """
    record = _audience(audience, _check_minimum(minimum))
    result, recorded = _breakdown(evaluations, by, record, None)
    return result if audience is None else (result, recorded)


def _breakdown(
    evaluations: Iterable[Evaluation], by: Dimension, record: Audience, label: str | None
) -> tuple[Breakdown, Audience]:
    """:func:`breakdown` audited against *record*, recorded as *label* or its default."""
    minimum = record.minimum
    if not isinstance(by, Dimension):
        raise ValidationError.single(
            "by", by, "must be a Dimension, e.g. Dimension.COHORT", ProblemCode.WRONG_TYPE
        )
    found = _evaluations(evaluations)
    questions = _questions(found)
    keyed: dict[str | None, list[Evaluation]] = {}
    for evaluation in found:
        keyed.setdefault(by.key(evaluation), []).append(evaluation)
    order = sorted(keyed, key=lambda key: (key is None, key or ""))
    raws = [_Raw(key=key, evaluations=tuple(keyed[key])) for key in order]
    groups, total = _summaries(
        raws, _Raw(key=None, evaluations=found), questions, minimum, record.minimum_text
    )
    assert total is not None
    label = f"breakdown by {by.value}" if label is None else label
    shown, recorded = _publish(label, [*groups, total], found, record)
    result = Breakdown(dimension=by, total=shown[-1], groups=tuple(shown[:-1]), minimum=minimum)
    return result, recorded
