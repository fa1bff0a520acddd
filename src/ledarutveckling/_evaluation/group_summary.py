"""The results of one group of evaluations: per question, per level, and the group's (private).

What :func:`~ledarutveckling.summarise` and :func:`~ledarutveckling.breakdown` return for a
group, with the figures as published and, when hidden, why.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._evaluation.anonymity import (
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    Suppression,
)
from ledarutveckling._evaluation.statistics import (
    _CONTEXT,
    PublishedStatistics,
    Statistics,
    published_places,
)
from ledarutveckling._evaluation.survey import KirkpatrickLevel, Question, Scale
from ledarutveckling.errors import NotFoundError
from ledarutveckling.formatting import format_percent

__all__ = ["GroupSummary", "LevelSummary", "QuestionSummary"]


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
        """``4,3 av 5 (n = 12)``, ``NPS +42 (n = 12)``, or the reason it is hidden.

        Args:
            decimals: 1 (a tenth, the default) or 0; never more (:func:`published_places`).
            locale: The language and number format.
        """
        decimals = published_places(decimals)
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
        codes = ", ".join(s.question.code for s in self.questions) or "none"
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

        Args:
            decimals: 1 (a tenth, the default) or 0; never more (:func:`published_places`).
            locale: The language and number format.
        """
        decimals = published_places(decimals)
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


_WORDS: Final[Words[str]] = Words(
    {
        "responses": (
            "{respondents} svar av {invited} inbjudna ({rate})",
            "{respondents} responses of {invited} invited ({rate})",
        ),
    }
)
