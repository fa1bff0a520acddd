"""Descriptive statistics of answers: mean, spread, NPS."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.survey import CONTEXT, Scale, frozen_mapping, mapping_repr
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_number, format_percent

__all__ = ["NetPromoterScore", "PublishedStatistics", "Statistics", "t_critical_95"]


_CONTEXT: Final = CONTEXT


_WORDS: Final[Words[str]] = Words({"out_of": ("av", "out of"), "ci": ("KI", "CI")})


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
        raise ValidationError.single(
            "df",
            df,
            "must be an int of at least 1",
            ProblemCode.TOO_SMALL,
            given=df if type(df) is int else None,
            least=1,
        )
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


def _signed(value: Decimal, decimals: int, locale: str) -> str:
    """A number with its sign, ``+0,4`` or ``-12``; zero (after rounding) has no sign.

    The minus is the locale's (CLDR): U+2212 MINUS SIGN in Swedish, a hyphen-minus in English.
    """
    text = format_number(abs(value), decimals=decimals, locale=locale)
    rounded = format_number(Decimal(0), decimals=decimals, locale=locale)
    if text == rounded:
        return text
    if value > 0:
        return "+" + text
    return format_number(Decimal(-1), locale=locale)[:-1] + text


def published_places(decimals: object) -> int:
    """Check the *decimals* asked of a published figure: 0 or 1, a mean is shown to a tenth.

    Summaries, breakdowns and comparisons leave the library rounded (see
    :class:`PublishedStatistics`): a mean shown to more decimals gives, times its count, a sum
    exact enough to subtract a hidden group's answers from. The exact :class:`Statistics` a
    caller builds itself format to any number of decimals.

    Raises:
        ValidationError: *decimals* is not 0 or 1 (path ``decimals``).
    """
    if type(decimals) is not int or decimals not in (0, 1):
        raise ValidationError.single(
            "decimals",
            decimals,
            "must be 0 or 1: a published mean is shown to a tenth at most, so that no hidden "
            "group's answers can be worked out from it",
            ProblemCode.PUBLISHED_DECIMALS,
            given=decimals if type(decimals) is int else None,
        )
    return decimals


def _distribution(value: Mapping[int, int]) -> Mapping[int, int]:
    return frozen_mapping(value)


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
        >>> nps.format()
        'NPS +50'
        >>> low = NetPromoterScore(promoters=1, passives=0, detractors=3)
        >>> low.format() == "NPS \N{MINUS SIGN}50"  # Swedish minus, U+2212
        True
    """

    promoters: int
    passives: int
    detractors: int

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        for name in ("promoters", "passives", "detractors"):
            checks.integer(name, getattr(self, name), minimum=0)
        if not checks.problems and self.respondents == 0:
            checks.add(
                "promoters",
                self.promoters,
                "there must be at least one answer",
                ProblemCode.NO_ANSWERS,
            )
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
        d = self.distribution
        if (
            isinstance(self.scale, Scale)
            and isinstance(d, Mapping)
            and tuple(d) == self.scale.values
            and set(map(type, d.values())) == {int}
            and min(d.values()) >= 0
            and sum(d.values()) > 0
        ):
            return  # every value of the scale in order, each a count, one answer at least
        checks = Checker()
        if not checks.member("scale", self.scale, Scale):
            checks.done()
        if not isinstance(self.distribution, Mapping):
            checks.add(
                "distribution",
                self.distribution,
                "must map each scale value to a count",
                ProblemCode.WRONG_TYPE,
            )
            checks.done()
        if sorted(self.distribution) != list(self.scale.values):
            checks.add(
                "distribution",
                dict(self.distribution),
                f"must have exactly the keys {self.scale.minimum} to {self.scale.maximum}",
                ProblemCode.SCALE_VALUES,
                least=self.scale.minimum,
                most=self.scale.maximum,
            )
        else:
            for value, count in self.distribution.items():
                checks.integer(f"distribution[{value}]", count, minimum=0)
            if not checks.problems and self.count == 0:
                checks.add(
                    "distribution",
                    dict(self.distribution),
                    "must count at least one answer",
                    ProblemCode.NO_ANSWERS,
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
        answers = answers if isinstance(answers, list | tuple) else list(answers)
        if set(map(type, answers)) <= {int}:  # plain ints (no bool): counted in C
            found = Counter(answers)
            if found.keys() <= counts.keys():
                counts.update(found)
                return cls(scale=scale, distribution=counts)
        for index, answer in enumerate(answers):
            if isinstance(answer, bool) or answer not in counts:
                raise ValidationError.single(
                    f"answers[{index}]",
                    answer,
                    f"must be an int from {scale.minimum} to {scale.maximum}",
                    ProblemCode.OUT_OF_RANGE,
                    given=answer,
                    least=scale.minimum,
                    most=scale.maximum,
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
                "other.scale",
                other.scale.value,
                f"must be {self.scale.value} to pool",
                ProblemCode.SCALE_MISMATCH,
                given=other.scale,
                wanted=self.scale,
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
            raise ValidationError.single(
                "value",
                value,
                f"must be on the {self.scale.value} scale",
                ProblemCode.OUT_OF_RANGE,
                given=value,
                least=self.scale.minimum,
                most=self.scale.maximum,
            )
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
        word = _WORDS.text("out_of", locale)
        return f"{mean} {word} {self.scale.maximum}"

    def format_interval(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str | None:
        """The 95 % confidence interval: ``95 % KI 3,9–4,7`` (``95% CI 3.9–4.7``), or ``None``."""
        interval = self.confidence_interval
        if interval is None:
            return None
        low, high = (format_number(end, decimals=decimals, locale=locale) for end in interval)
        word = _WORDS.text("ci", locale)
        return f"{format_percent(Decimal('0.95'), decimals=0, locale=locale)} {word} {low}–{high}"

    def published(self, *, minimum_text: int | None = None) -> PublishedStatistics:
        """The figures as published, rounded (see :class:`PublishedStatistics`).

        Args:
            minimum_text: The fewest answers whose distribution is published (``None``: the
                distribution is not).
        """
        return _published(self, minimum_text)

    def format(self, *, decimals: int = 1, locale: str = DEFAULT_LOCALE) -> str:
        """The headline figure: ``NPS +42`` on the NPS scale, else the mean (``4,3 av 5``)."""
        nps = self.nps
        if nps is not None:
            return nps.format(locale)
        return self.format_mean(decimals=decimals, locale=locale)


TENTH: Final = Decimal("0.1")
"""A mean or median is published to a tenth (``4.3``)."""

PERCENT: Final = Decimal("0.01")
"""A share is published to a whole percent (``0.42`` for 42 %)."""

WHOLE: Final = Decimal(1)
"""An NPS is published to a whole point (``+42``)."""


def shown(value: Decimal, step: Decimal) -> Decimal:
    """*value* rounded half up to *step*, the precision a report shows it with."""
    return value.quantize(step, ROUND_HALF_UP)


def _shares(value: Mapping[int, Decimal] | None) -> Mapping[int, Decimal] | None:
    return None if value is None else frozen_mapping(value)


@attrs.frozen(kw_only=True)
class PublishedStatistics:
    """One question's figures as they are published: rounded, as every report shows them.

    What leaves the library for an audience (summaries, breakdowns, records, DataFrames,
    Excel) carries these, never the exact distribution: an exact mean times the count gives
    the exact sum, and two exact sums subtract to a hidden group's answers. Rounding is half
    up: the mean and the median to a tenth (:data:`TENTH`), shares (the top-two box, the NPS
    components, the distribution) to a whole percent (:data:`PERCENT`, as a fraction: ``0.42``)
    and the NPS to a whole point (:data:`WHOLE`). The exact :class:`Statistics` stay inside
    (``exact_statistics`` of a summary, for the library's own use and tests; not for
    publication).

    Attributes:
        scale: The answer scale.
        count: The number of answers.
        mean: The mean, to a tenth.
        median: The median, to a tenth.
        top_two_box: The share in the scale's two highest values, to a percent; ``None`` on
            the NPS scale.
        nps: The Net Promoter Score, to a point; ``None`` unless on the NPS scale.
        promoter_share: Promoters per answer, to a percent; ``None`` unless NPS.
        detractor_share: Detractors per answer, to a percent; ``None`` unless NPS.
        shares: Every scale value to its share of the answers, to a percent; ``None`` unless
            the group has the answers a distribution needs (``minimum_text``, 8 by default).

    Examples:
        >>> stats = Statistics.of(Scale.LIKERT_5, [3, 4, 4, 4, 4, 5, 5, 5, 5])
        >>> stats.mean
        Decimal('4.333333333333333333333333333')
        >>> published = stats.published(minimum_text=8)
        >>> published.mean, published.top_two_box, published.shares[5]
        (Decimal('4.3'), Decimal('0.89'), Decimal('0.44'))
        >>> published.format(locale="en_GB")
        '4.3 out of 5'
    """

    scale: Scale
    count: int
    mean: Decimal
    median: Decimal
    top_two_box: Decimal | None
    nps: Decimal | None
    promoter_share: Decimal | None
    detractor_share: Decimal | None
    shares: Mapping[int, Decimal] | None = attrs.field(default=None, converter=_shares)

    def format(self, *, locale: str = DEFAULT_LOCALE) -> str:
        """The headline figure: ``NPS +42`` on the NPS scale, else ``4,3 av 5``."""
        if self.nps is not None:
            return f"NPS {_signed(self.nps, 0, locale)}"
        mean = format_number(self.mean, decimals=1, locale=locale)
        return f"{mean} {_WORDS.text('out_of', locale)} {self.scale.maximum}"


def _published(stats: Statistics, minimum_text: int | None) -> PublishedStatistics:
    nps = stats.nps
    return PublishedStatistics(
        scale=stats.scale,
        count=stats.count,
        mean=shown(stats.mean, TENTH),
        median=shown(stats.median, TENTH),
        top_two_box=None if nps is not None else shown(stats.top_two_box, PERCENT),
        nps=None if nps is None else shown(nps.score, WHOLE),
        promoter_share=None if nps is None else shown(nps.promoter_share, PERCENT),
        detractor_share=None if nps is None else shown(nps.detractor_share, PERCENT),
        shares=(
            None
            if minimum_text is None or stats.count < minimum_text
            else {value: shown(share, PERCENT) for value, share in stats.shares.items()}
        ),
    )
