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
    >>> from ledarutveckling import Scale, Statistics
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
from collections.abc import Iterable
from typing import Final, overload

import attrs

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode, choices
from ledarutveckling._evaluation.anonymity import MINIMUM_RESPONDENTS, _check_minimum
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.pooling import _evaluations, _questions, _Raw, _summaries
from ledarutveckling._evaluation.statistics import published_places
from ledarutveckling._evaluation.summary_audit import _audience, _publish
from ledarutveckling._evaluation.survey import Evaluation
from ledarutveckling.errors import NotFoundError, ValidationError

__all__ = [
    "Breakdown",
    "Dimension",
    "breakdown",
    "summarise",
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
        "total": ("Totalt", "Total"),
        "not_stated": ("(ej angivet)", "(not stated)"),
    }
)


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
        """The total and every group as lines of text, groups indented under their names.

        Args:
            decimals: 1 (a tenth, the default) or 0: a published mean is never shown to more
                (refused with ``published-decimals``).
            locale: The language and number format.
        """
        decimals = published_places(decimals)
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
    the shown groups from the total, so more groups (questions) are hidden — the one with
    the fewest invited first — until at least two are hidden and they hold at least
    *minimum* respondents (answers) together (complementary suppression, as in statistical
    disclosure control: Hundepool et al., *Statistical Disclosure Control*, Wiley 2012).
    The hidden groups can then only be known together, and together they are as large as a
    group must be. The choice goes by the invited, which the report shows of every group,
    so that it tells a reader nothing of a hidden group's respondents.

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
            "by",
            by,
            "must be a Dimension, e.g. Dimension.COHORT",
            ProblemCode.NOT_ONE_OF,
            valid=choices(Dimension, lambda value: f"Dimension.{Dimension(value).name}"),
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
