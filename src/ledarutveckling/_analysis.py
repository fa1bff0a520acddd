r"""Analysis of evaluations: statistics, aggregation, period changes, anonymity and ROI (private).

Precision: every statistic is a :class:`~decimal.Decimal` computed from the integer answers in
a 28-digit decimal context (half-even, as the stdlib's default), so a mean of 13/3 is
``Decimal('4.333333333333333333333333333')``. Nothing is rounded here: rounding for display
(half up, one decimal by default) is done by the ``format_*`` methods through
:mod:`ledarutveckling.formatting`.

Anonymity: no figure and no comment of a group with fewer respondents than the minimum (5 by
default, never below 3) is shown, and when groups are shown beside a total, further groups are
hidden until no hidden group can be worked out by subtracting shown figures from the total
(complementary suppression); see :func:`breakdown`.

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
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

import attrs

from ledarutveckling._checks import Checker
from ledarutveckling._daterange import DateRange
from ledarutveckling._evaluation import (
    CONTEXT,
    Evaluation,
    KirkpatrickLevel,
    Question,
    Scale,
    frozen_mapping,
    mapping_repr,
)
from ledarutveckling._i18n import DEFAULT_LOCALE, language
from ledarutveckling._money import Money
from ledarutveckling.errors import NotFoundError, ValidationError
from ledarutveckling.formatting import format_number, format_percent

__all__ = [
    "LOWEST_MINIMUM_RESPONDENTS",
    "MINIMUM_RESPONDENTS",
    "Breakdown",
    "Change",
    "Comparison",
    "Dimension",
    "Direction",
    "GroupSummary",
    "LevelSummary",
    "Magnitude",
    "NetPromoterScore",
    "QuestionSummary",
    "ReturnOnInvestment",
    "Statistics",
    "Suppression",
    "breakdown",
    "compare",
    "compare_periods",
    "summarise",
    "t_critical_95",
]

MINIMUM_RESPONDENTS: Final = 5
"""The default minimum number of respondents below which a group's results are hidden."""

LOWEST_MINIMUM_RESPONDENTS: Final = 3
"""The lowest minimum the library accepts; below it single answers become guessable."""

_CONTEXT: Final = CONTEXT

# Two-sided 95 % critical values of Student's t distribution, t(0.975; df), for df 1 to 30,
# from NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2 "Critical Values of
# the Student's t Distribution" (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3672.htm).
_T_95: Final = tuple(
    Decimal(text)
    for text in [
        "12.706",
        "4.303",
        "3.182",
        "2.776",
        "2.571",
        "2.447",
        "2.365",
        "2.306",
        "2.262",
        "2.228",
        "2.201",
        "2.179",
        "2.160",
        "2.145",
        "2.131",
        "2.120",
        "2.110",
        "2.101",
        "2.093",
        "2.086",
        "2.080",
        "2.074",
        "2.069",
        "2.064",
        "2.060",
        "2.056",
        "2.052",
        "2.048",
        "2.045",
        "2.042",
    ]
)


def t_critical_95(df: int) -> Decimal:
    """The two-sided 95 % critical value of Student's t distribution with *df* degrees of freedom.

    For 1 to 30 degrees of freedom the value comes from the table in the NIST/SEMATECH
    e-Handbook of Statistical Methods, §1.3.6.7.2 (three decimals). Above 30 it is the
    Cornish–Fisher expansion of the t quantile in the normal quantile z = 1.95996…
    (:class:`statistics.NormalDist`), to the fourth power of 1/df (Abramowitz & Stegun,
    *Handbook of Mathematical Functions*, 26.7.5), which agrees with the NIST table's 2.021
    (df 40), 2.000 (df 60) and 1.984 (df 100) to three decimals and tends to z.

    Args:
        df: Degrees of freedom, at least 1 (n - 1 for a mean of n answers).

    Raises:
        ValidationError: If *df* is not an int of at least 1.

    Examples:
        >>> t_critical_95(4)
        Decimal('2.776')
        >>> round(t_critical_95(40), 3)
        Decimal('2.021')
    """
    if isinstance(df, bool) or not isinstance(df, int) or df < 1:
        raise ValidationError.single("df", df, "must be an int of at least 1")
    if df <= len(_T_95):
        return _T_95[df - 1]
    from statistics import NormalDist  # on first use: importing it costs 3 ms of start-up

    z = NormalDist().inv_cdf(0.975)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    t = z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
    return Decimal(repr(t))


def _check_minimum(minimum: object) -> int:
    if isinstance(minimum, bool) or not isinstance(minimum, int):
        raise ValidationError.single("minimum", minimum, "must be an int, 5 by default")
    if minimum < LOWEST_MINIMUM_RESPONDENTS:
        raise ValidationError.single(
            "minimum",
            minimum,
            f"must be at least {LOWEST_MINIMUM_RESPONDENTS}; "
            "results of smaller groups would expose single participants",
        )
    return minimum


def _signed(value: Decimal, decimals: int, locale: str) -> str:
    """A number with its sign, ``+0,4`` or ``-12``; zero (after rounding) has no sign."""
    text = format_number(abs(value), decimals=decimals, locale=locale)
    rounded = format_number(Decimal(0), decimals=decimals, locale=locale)
    if text == rounded:
        return text
    return ("+" if value > 0 else "-") + text


def _distribution(value: Mapping[int, int]) -> Mapping[int, int]:
    return frozen_mapping(value)


# -- statistics of one question --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class NetPromoterScore:
    """The Net Promoter Score of answers on the 0–10 scale.

    Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6; the score is the percentage
    of promoters minus the percentage of detractors, from -100 to +100 (F. F. Reichheld,
    "The One Number You Need to Grow", Harvard Business Review, December 2003).

    Attributes:
        promoters: Answers of 9 or 10.
        passives: Answers of 7 or 8.
        detractors: Answers of 0 to 6.

    Examples:
        >>> nps = NetPromoterScore(promoters=6, passives=3, detractors=1)
        >>> nps.score
        Decimal('50')
        >>> nps.format(), NetPromoterScore(promoters=1, passives=0, detractors=3).format()
        ('NPS +50', 'NPS -50')
    """

    promoters: int
    passives: int
    detractors: int

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        for name in ("promoters", "passives", "detractors"):
            checks.integer(name, getattr(self, name), minimum=0)
        if not checks.problems and self.respondents == 0:
            checks.add("promoters", self.promoters, "there must be at least one answer")
        checks.done()

    @classmethod
    def of(cls, answers: Iterable[int]) -> NetPromoterScore:
        """Count promoters, passives and detractors among 0–10 *answers*.

        Raises:
            ValidationError: If an answer is off the 0–10 scale, or there is none.
        """
        return Statistics.of(Scale.NPS, answers).nps  # type: ignore[return-value]

    @property
    def respondents(self) -> int:
        """The number of answers."""
        return self.promoters + self.passives + self.detractors

    def _share(self, count: int) -> Decimal:
        return _CONTEXT.divide(Decimal(count), Decimal(self.respondents))

    @property
    def promoter_share(self) -> Decimal:
        """Promoters per answer, 0 to 1."""
        return self._share(self.promoters)

    @property
    def passive_share(self) -> Decimal:
        """Passives per answer, 0 to 1."""
        return self._share(self.passives)

    @property
    def detractor_share(self) -> Decimal:
        """Detractors per answer, 0 to 1."""
        return self._share(self.detractors)

    @property
    def score(self) -> Decimal:
        """% promoters - % detractors, from -100 to +100, unrounded."""
        return _CONTEXT.divide(
            Decimal(100 * (self.promoters - self.detractors)), Decimal(self.respondents)
        )

    def format(self, locale: str = DEFAULT_LOCALE) -> str:
        """``NPS +42``: the score rounded half up to a whole number, with its sign (none for 0).

        The minus is an ASCII hyphen-minus, as Babel writes negative numbers.
        """
        return f"NPS {_signed(self.score, 0, locale)}"


@attrs.frozen(kw_only=True)
class Statistics:
    """Descriptive statistics of the answers to one question (or pooled questions on one scale).

    Everything derives from the distribution (how many answered each value), so statistics
    can be pooled by adding distributions. Means, shares and deviations are exact to 28
    significant digits; see the module docstring.

    Attributes:
        scale: The scale answered on.
        distribution: Every value on the scale to the number of answers with that value (a
            read-only mapping); at least one answer in all.

    Examples:
        >>> stats = Statistics.of(Scale.LIKERT_5, [2, 4, 4, 4, 5, 5, 7 - 2])
        >>> stats.count, stats.mean, stats.median
        (7, Decimal('4.142857142857142857142857143'), Decimal('4'))
        >>> dict(stats.distribution)
        {1: 0, 2: 1, 3: 0, 4: 3, 5: 3}
        >>> stats.top_two_box
        Decimal('0.8571428571428571428571428571')
        >>> stats.format(locale="en_GB")
        '4.1 out of 5'
    """

    scale: Scale
    distribution: Mapping[int, int] = attrs.field(
        converter=_distribution, repr=mapping_repr, hash=False
    )

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if not checks.member("scale", self.scale, Scale):
            checks.done()
        if not isinstance(self.distribution, Mapping):
            checks.add("distribution", self.distribution, "must map each scale value to a count")
            checks.done()
        if sorted(self.distribution) != list(self.scale.values):
            checks.add(
                "distribution",
                dict(self.distribution),
                f"must have exactly the keys {self.scale.minimum} to {self.scale.maximum}",
            )
        else:
            for value, count in self.distribution.items():
                checks.integer(f"distribution[{value}]", count, minimum=0)
            if not checks.problems and self.count == 0:
                checks.add(
                    "distribution", dict(self.distribution), "must count at least one answer"
                )
        checks.done()

    @classmethod
    def of(cls, scale: Scale, answers: Iterable[int]) -> Statistics:
        """Count *answers* on *scale*.

        Raises:
            ValidationError: If *scale* is not a :class:`Scale`, an answer is off the scale,
                or there is none.

        Examples:
            >>> Statistics.of(Scale.LIKERT_5, [4, 5]).distribution[5]
            1
        """
        checks = Checker()
        if not checks.member("scale", scale, Scale):
            checks.done()
        counts = dict.fromkeys(scale.values, 0)
        for index, answer in enumerate(answers):
            if isinstance(answer, bool) or answer not in counts:
                raise ValidationError.single(
                    f"answers[{index}]",
                    answer,
                    f"must be an int from {scale.minimum} to {scale.maximum}",
                )
            counts[answer] += 1
        return cls(scale=scale, distribution=counts)

    def pooled(self, other: Statistics) -> Statistics:
        """The statistics of both sets of answers together (same scale).

        Raises:
            ValidationError: If the scales differ.
        """
        if other.scale is not self.scale:
            raise ValidationError.single(
                "other.scale", other.scale.value, f"must be {self.scale.value} to pool"
            )
        return Statistics(
            scale=self.scale,
            distribution={
                v: self.distribution[v] + other.distribution[v] for v in self.scale.values
            },
        )

    # -- counts and sums (the additive figures) ----------------------------------------------

    @property
    def count(self) -> int:
        """The number of answers (n)."""
        return sum(self.distribution.values())

    @property
    def total(self) -> int:
        """The sum of the answers."""
        return sum(value * count for value, count in self.distribution.items())

    @property
    def sum_of_squares(self) -> int:
        """The sum of the squared answers."""
        return sum(value * value * count for value, count in self.distribution.items())

    # -- location and spread -----------------------------------------------------------------

    @property
    def mean(self) -> Decimal:
        """The arithmetic mean."""
        return _CONTEXT.divide(Decimal(self.total), Decimal(self.count))

    def _nth(self, index: int) -> int:
        """The answer at 0-based *index* in the sorted answers."""
        seen = 0
        for value in self.scale.values:
            seen += self.distribution[value]
            if index < seen:
                return value
        raise AssertionError("index beyond the answers")  # pragma: no cover

    @property
    def median(self) -> Decimal:
        """The median; the mean of the two middle answers when their number is even."""
        n = self.count
        low, high = self._nth((n - 1) // 2), self._nth(n // 2)
        return _CONTEXT.divide(Decimal(low + high), Decimal(2))

    @property
    def variance(self) -> Decimal | None:
        """The sample variance (divided by n - 1), or ``None`` for a single answer."""
        n = self.count
        if n < 2:
            return None
        numerator = n * self.sum_of_squares - self.total * self.total  # exact: n·Σ(x-x̄)²
        return _CONTEXT.divide(Decimal(numerator), Decimal(n * (n - 1)))

    @property
    def stdev(self) -> Decimal | None:
        """The sample standard deviation (as :func:`statistics.stdev`), or ``None`` if n < 2."""
        variance = self.variance
        return None if variance is None else _CONTEXT.sqrt(variance)

    @property
    def confidence_interval(self) -> tuple[Decimal, Decimal] | None:
        """The 95 % confidence interval of the mean, ``(low, high)``, or ``None`` if n < 2.

        Mean ± t · s / √n with Student's t for n - 1 degrees of freedom
        (:func:`t_critical_95`). The ends are not clipped to the scale.
        """
        variance = self.variance
        if variance is None:
            return None
        with localcontext(_CONTEXT):
            half = t_critical_95(self.count - 1) * (variance / self.count).sqrt()
            return (self.mean - half, self.mean + half)

    # -- shares ------------------------------------------------------------------------------

    def share(self, value: int) -> Decimal:
        """The share of answers equal to *value*, 0 to 1.

        Raises:
            ValidationError: If *value* is not on the scale.
        """
        if isinstance(value, bool) or value not in self.distribution:
            raise ValidationError.single("value", value, f"must be on the {self.scale.value} scale")
        return _CONTEXT.divide(Decimal(self.distribution[value]), Decimal(self.count))

    @property
    def shares(self) -> dict[int, Decimal]:
        """Every scale value to its share of the answers."""
        return {value: self.share(value) for value in self.scale.values}

    @property
    def top_two_box(self) -> Decimal:
        """The share of answers in the scale's two highest values (4–5 on 1–5)."""
        top = sum(self.distribution[value] for value in self.scale.top_two_box)
        return _CONTEXT.divide(Decimal(top), Decimal(self.count))

    @property
    def nps(self) -> NetPromoterScore | None:
        """The Net Promoter Score for answers on the NPS scale, else ``None``."""
        if self.scale is not Scale.NPS:
            return None
        d = self.distribution
        return NetPromoterScore(
            promoters=d[9] + d[10],
            passives=d[7] + d[8],
            detractors=sum(d[value] for value in range(7)),
        )

    # -- text --------------------------------------------------------------------------------

    def format_mean(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """The mean out of the scale's maximum: ``4,3 av 5`` (``4.3 out of 5``), rounded half up."""
        mean = format_number(self.mean, decimals=decimals, locale=locale)
        word = "av" if language(locale) == "sv" else "out of"
        return f"{mean} {word} {self.scale.maximum}"

    def format_interval(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str | None:
        """The 95 % confidence interval: ``95 % KI 3,9–4,7`` (``95% CI 3.9–4.7``), or ``None``."""
        interval = self.confidence_interval
        if interval is None:
            return None
        low, high = (format_number(end, decimals=decimals, locale=locale) for end in interval)
        word = "KI" if language(locale) == "sv" else "CI"
        return f"{format_percent(Decimal('0.95'), decimals=0, locale=locale)} {word} {low}–{high}"

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """The headline figure: ``NPS +42`` on the NPS scale, else the mean (``4,3 av 5``)."""
        nps = self.nps
        if nps is not None:
            return nps.format(locale)
        return self.format_mean(decimals=decimals, locale=locale)


# -- anonymity --------------------------------------------------------------------------------


class Suppression(enum.Enum):
    """Why a figure is hidden.

    ``TOO_FEW``: the group (or the question in it) has fewer answers than the minimum.
    ``COMPLEMENTARY``: the group had enough answers, but showing it beside the total would let
    a reader subtract their way to a hidden group.

    Examples:
        >>> Suppression.TOO_FEW.message(5)
        'för få svar (n < 5)'
        >>> Suppression.TOO_FEW.message(3, "en_GB")
        'too few responses (n < 3)'
    """

    TOO_FEW = "too_few"
    """Fewer respondents (or answers) than the minimum."""
    COMPLEMENTARY = "complementary"
    """Hidden so that another hidden group cannot be subtracted out of the total."""

    def message(self, minimum: int = MINIMUM_RESPONDENTS, locale: str = DEFAULT_LOCALE) -> str:
        """What a report says instead of the hidden figure."""
        swedish = language(locale) == "sv"
        if self is Suppression.TOO_FEW:
            return (
                f"för få svar (n < {minimum})" if swedish else f"too few responses (n < {minimum})"
            )
        return (
            "dold för att skydda en annan grupp" if swedish else "hidden to protect another group"
        )


def _protect(
    counts: Sequence[int | None],
    hidden: Sequence[Suppression | None],
    minimum: int,
    *,
    beside_total: bool,
) -> tuple[list[Suppression | None], bool]:
    """Decide which cells of one additive column to hide.

    Args:
        counts: Each cell's count of respondents or answers; ``None`` for a cell that is
            empty by design (the question was not asked), which everyone knows to be zero.
        hidden: Cells already hidden (their group is hidden).
        minimum: The minimum count of a shown cell.
        beside_total: Whether the column's total is shown beside the cells.

    Returns:
        The suppression of every cell, and whether the total must be hidden too.

    Cells below *minimum* are hidden. With a total shown, the hidden cells' sum is the total
    minus the shown cells, so while fewer than two cells are hidden, or the hidden cells hold
    fewer than *minimum* answers together, the shown cell with the smallest count (the first
    one on a tie) is hidden too. If no cell is left to hide, the total is hidden.
    """
    result = list(hidden)
    for index, count in enumerate(counts):
        if count is not None and result[index] is None and count < minimum:
            result[index] = Suppression.TOO_FEW
    if not beside_total:
        return result, False
    while True:
        cells = [i for i, count in enumerate(counts) if count is not None and result[i]]
        if not cells or (len(cells) >= 2 and sum(counts[i] or 0 for i in cells) >= minimum):
            return result, False
        shown = [i for i, count in enumerate(counts) if count is not None and not result[i]]
        if not shown:
            return result, True
        result[min(shown, key=lambda i: (counts[i], i))] = Suppression.COMPLEMENTARY


@attrs.frozen(kw_only=True)
class QuestionSummary:
    """One question's results in one group, or why they are hidden.

    Attributes:
        question: The question.
        invited: Participants invited to the evaluations in the group that asked it.
        statistics: The statistics, or ``None`` when hidden (or nobody answered).
        suppression: Why the results are hidden, or ``None`` when shown.
        minimum: The minimum number of answers in force.
    """

    question: Question
    invited: int
    statistics: Statistics | None
    suppression: Suppression | None
    minimum: int = MINIMUM_RESPONDENTS

    @property
    def shown(self) -> bool:
        """Whether the results may be shown."""
        return self.statistics is not None

    @property
    def answered(self) -> int | None:
        """The number of answers, or ``None`` when hidden."""
        return self.statistics.count if self.statistics is not None else None

    @property
    def response_rate(self) -> Decimal | None:
        """Answers per invited participant, 0 to 1, or ``None`` when hidden."""
        if self.statistics is None:
            return None
        return _CONTEXT.divide(Decimal(self.statistics.count), Decimal(self.invited))

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """``4,3 av 5 (n = 12)``, ``NPS +42 (n = 12)``, or the reason it is hidden."""
        if self.statistics is None:
            return (self.suppression or Suppression.TOO_FEW).message(self.minimum, locale)
        figure = self.statistics.format(decimals=decimals, locale=locale)
        return f"{figure} (n = {self.statistics.count})"


@attrs.frozen(kw_only=True)
class LevelSummary:
    """The shown questions of one Kirkpatrick level on one scale, pooled.

    Attributes:
        level: The Kirkpatrick level.
        scale: The scale the pooled questions share.
        questions: The codes of the pooled questions.
        statistics: The pooled statistics (every answer to those questions counts once).
    """

    level: KirkpatrickLevel
    scale: Scale
    questions: tuple[str, ...]
    statistics: Statistics


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
        from ledarutveckling._html import group_summary_html

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
            pooled = summaries[0].statistics
            for summary in summaries[1:]:
                pooled = pooled.pooled(summary.statistics)  # type: ignore[union-attr, arg-type]
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
        swedish = language(locale) == "sv"
        rate = format_percent(self.response_rate or Decimal(0), locale=locale)
        head = (
            f"{self.respondents} svar av {self.invited} inbjudna ({rate})"
            if swedish
            else f"{self.respondents} responses of {self.invited} invited ({rate})"
        )
        return [head] + [
            f"{s.question.code} {s.question.text}: {s.format(decimals=decimals, locale=locale)}"
            for s in self.questions
        ]


# -- grouping ---------------------------------------------------------------------------------


class Dimension(enum.Enum):
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

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The dimension's name in *locale*."""
        swedish, english = _DIMENSION_LABELS[self]
        return swedish if language(locale) == "sv" else english


_DIMENSION_LABELS: Final = {
    Dimension.PROGRAM: ("program", "program"),
    Dimension.COHORT: ("kohort", "cohort"),
    Dimension.CALL_OFF: ("avrop", "call-off"),
    Dimension.UNIT: ("beställande enhet", "ordering unit"),
    Dimension.YEAR: ("år", "year"),
}


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
                    )
    checks.done()
    return [question for question, _ in first.values()]


def _evaluations(evaluations: Iterable[Evaluation] | Evaluation) -> tuple[Evaluation, ...]:
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
        _summary(group, group_hidden[index], questions, minimum, _cell(cell_reasons, index))
        for index, group in enumerate(groups)
    ]
    if total is None:
        return summaries, None
    return summaries, _summary(total, total_reason, questions, minimum, total_cells.__getitem__)


def _cell(
    reasons: Mapping[str, Sequence[Suppression | None]], index: int
) -> Callable[[str], Suppression | None]:
    return lambda code: reasons[code][index]


def _summary(
    group: _Raw,
    reason: Suppression | None,
    questions: Sequence[Question],
    minimum: int,
    cell_reason: Callable[[str], Suppression | None],
) -> GroupSummary:
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
            )
        )
    return GroupSummary(
        key=group.key,
        evaluations=tuple(e.reference for e in group.evaluations),
        invited=group.invited,
        respondents=None if reason else group.respondents,
        questions=tuple(question_summaries),
        comments=() if reason else group.comments,
        suppression=reason,
        minimum=minimum,
    )


def summarise(
    evaluations: Iterable[Evaluation] | Evaluation, *, minimum: int = MINIMUM_RESPONDENTS
) -> GroupSummary:
    """Pool evaluations (or summarise one) into a single group, hiding it if too small.

    Args:
        evaluations: One evaluation or several; questions with the same code are pooled.
        minimum: The fewest respondents (and, per question, answers) whose results are
            shown; 5 by default, at least 3.

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
    minimum = _check_minimum(minimum)
    found = _evaluations(evaluations)
    questions = _questions(found)
    groups, _ = _summaries([_Raw(key=None, evaluations=found)], None, questions, minimum)
    return groups[0]


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
        from ledarutveckling._html import breakdown_html

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
        swedish = language(locale) == "sv"
        result = ["Totalt" if swedish else "Total"]
        result += [f"  {line}" for line in self.total.lines(decimals=decimals, locale=locale)]
        for summary in self.groups:
            name = summary.key
            if name is None:
                name = "(ej angivet)" if swedish else "(not stated)"
            result.append(f"{self.dimension.label(locale).capitalize()} {name}")
            result += [f"  {line}" for line in summary.lines(decimals=decimals, locale=locale)]
        return result


def breakdown(
    evaluations: Iterable[Evaluation],
    *,
    by: Dimension,
    minimum: int = MINIMUM_RESPONDENTS,
) -> Breakdown:
    """Group evaluations by program, cohort, call-off, unit or year, beside their total.

    Anonymity: a group with fewer respondents than *minimum* shows no figure and no comment;
    within a shown group, a question with fewer answers than *minimum* shows nothing. As
    the total is shown beside the groups, a hidden group could be worked out by subtracting
    the shown groups from the total, so more groups (questions) are hidden — the smallest
    first — until at least two are hidden and they hold at least *minimum* respondents
    (answers) together (complementary suppression, as in statistical disclosure control:
    Hundepool et al., *Statistical Disclosure Control*, Wiley 2012). The hidden groups
    can then only be known together, and together they are as large as a group must be.

    The guarantee covers one breakdown. Figures from different reports on overlapping
    evaluations (say a breakdown by cohort and another by unit) can still be combined;
    publish one breakdown per audience, or check the combinations yourself.

    Args:
        evaluations: The evaluations; questions with the same code are pooled.
        by: What to group by.
        minimum: The fewest respondents whose results are shown; 5 by default, at least 3.

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
    minimum = _check_minimum(minimum)
    if not isinstance(by, Dimension):
        raise ValidationError.single("by", by, "must be a Dimension, e.g. Dimension.COHORT")
    found = _evaluations(evaluations)
    questions = _questions(found)
    keyed: dict[str | None, list[Evaluation]] = {}
    for evaluation in found:
        keyed.setdefault(by.key(evaluation), []).append(evaluation)
    order = sorted(keyed, key=lambda key: (key is None, key or ""))
    raws = [_Raw(key=key, evaluations=tuple(keyed[key])) for key in order]
    groups, total = _summaries(raws, _Raw(key=None, evaluations=found), questions, minimum)
    assert total is not None
    return Breakdown(dimension=by, total=total, groups=tuple(groups), minimum=minimum)


# -- change between two periods ---------------------------------------------------------------


class Direction(enum.Enum):
    """Which way a figure moved between two periods."""

    UP = "up"
    """The later figure is higher."""
    DOWN = "down"
    """The later figure is lower."""
    UNCHANGED = "unchanged"
    """Exactly the same."""

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The direction in words: ``högre``, ``lägre`` or ``oförändrat``."""
        swedish, english = {
            Direction.UP: ("högre", "higher"),
            Direction.DOWN: ("lägre", "lower"),
            Direction.UNCHANGED: ("oförändrat", "unchanged"),
        }[self]
        return swedish if language(locale) == "sv" else english


class Magnitude(enum.Enum):
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

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The magnitude in words: ``försumbar``, ``liten``, ``måttlig`` or ``stor``."""
        swedish, english = {
            Magnitude.NEGLIGIBLE: ("försumbar", "negligible"),
            Magnitude.SMALL: ("liten", "small"),
            Magnitude.MEDIUM: ("måttlig", "medium"),
            Magnitude.LARGE: ("stor", "large"),
        }[self]
        return swedish if language(locale) == "sv" else english


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

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """``4,1 → 4,5 (+0,4)`` or ``NPS +20 → NPS +35 (+15)``; hidden: ``dold``/``hidden``.

        The difference shown is that of the two rounded figures shown, so the line adds up
        for its reader (4,3 → 4,3 is ``0,0`` even when the exact :attr:`difference` is
        -0.06); the exact difference and :attr:`direction` are unrounded.
        """
        if self.before is None or self.after is None:
            return "dold" if language(locale) == "sv" else "hidden"
        if self.question.scale is Scale.NPS:
            places = 0
            first, second = self.before.nps.score, self.after.nps.score  # type: ignore[union-attr]
        else:
            places = decimals
            first, second = self.before.mean, self.after.mean
        step = Decimal(1).scaleb(-places)
        first, second = (value.quantize(step, ROUND_HALF_UP) for value in (first, second))
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
        >>> from ledarutveckling.examples import stockholm_evaluations
        >>> years = breakdown(stockholm_evaluations(), by=Dimension.YEAR)
        >>> comparison = compare(years.group("2025"), years.group("2026"))
        >>> comparison.change("Q1").format()
        '4,2 → 4,1 (-0,1)'
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


# -- Phillips level 5 -------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ReturnOnInvestment:
    r"""Phillips' fifth level: what a program returned for what it cost (avkastning).

    The benefit-cost ratio is benefits / costs, and ROI % = (benefits - costs) / costs * 100,
    where costs are fully loaded (the program's price, participants' time, travel, rooms).
    Source: J. J. Phillips, *Return on Investment in Training and Performance Improvement
    Programs*, 2nd ed., Butterworth-Heinemann 2003.

    Attributes:
        benefits: The monetary benefits attributed to the program.
        costs: The fully loaded costs, more than zero, in the same currency.

    Raises:
        ValidationError: If either is not Money, the currencies differ, or costs are not
            positive.

    Examples:
        >>> roi = ReturnOnInvestment(benefits=Money.sek("750000"), costs=Money.sek("300000"))
        >>> roi.benefit_cost_ratio, roi.roi_percent
        (Decimal('2.5'), Decimal('150'))
        >>> roi.format()
        'nytta/kostnad 2,50, ROI 150\xa0%'
    """

    benefits: Money
    costs: Money

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        ok = checks.instance("benefits", self.benefits, Money, "Money, e.g. Money.sek('750000')")
        ok &= checks.instance("costs", self.costs, Money, "Money, e.g. Money.sek('300000')")
        if ok:
            if self.costs.currency != self.benefits.currency:
                checks.add(
                    "costs.currency",
                    self.costs.currency,
                    f"must be {self.benefits.currency}, the currency of the benefits",
                )
            elif self.costs.amount <= 0:
                checks.add("costs", str(self.costs.amount), "must be more than zero")
        checks.done()

    @property
    def benefit_cost_ratio(self) -> Decimal:
        """Benefits divided by costs (BCR), exact to 28 digits."""
        return _tidy(_CONTEXT.divide(self.benefits.amount, self.costs.amount))

    @property
    def roi_percent(self) -> Decimal:
        """(Benefits - costs) / costs * 100, exact to 28 digits."""
        net = _CONTEXT.subtract(self.benefits.amount, self.costs.amount)
        return _tidy(_CONTEXT.divide(_CONTEXT.multiply(net, Decimal(100)), self.costs.amount))

    def format(self, locale: str = DEFAULT_LOCALE) -> str:
        r"""``nytta/kostnad 2,50, ROI 150 %`` (ratio to 2 decimals, ROI to whole percent)."""
        ratio = format_number(self.benefit_cost_ratio, decimals=2, locale=locale)
        roi = format_percent(self.roi_percent / 100, decimals=0, locale=locale)
        word = "nytta/kostnad" if language(locale) == "sv" else "benefit-cost ratio"
        return f"{word} {ratio}, ROI {roi}"
