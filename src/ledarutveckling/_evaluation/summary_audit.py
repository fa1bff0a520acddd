"""A summary's figures audited against what its audience was shown before (private).

Every figure a group summary shows or hides becomes a
:class:`~ledarutveckling.ShownFigure`; :meth:`~ledarutveckling.Audience.audit` decides what
more must be hidden, and the summaries are returned with it hidden.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import Suppression
from ledarutveckling._evaluation.categories import counted
from ledarutveckling._evaluation.comment_attribution import attributed
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.figures import COMMENTS, RESPONDENTS, ShownFigure
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.interval_categories import nps_sum
from ledarutveckling._evaluation.statistics import Statistics
from ledarutveckling._evaluation.survey import Evaluation, Scale
from ledarutveckling.errors import ValidationError


def _figures(
    summaries: Sequence[GroupSummary],
    found: Sequence[Evaluation],
    minimum_text: int,
    without_comments: frozenset[tuple[str, ...]] = frozenset(),
) -> list[ShownFigure]:
    """Every figure *summaries* show or hide, for the audit (*without_comments*: hidden)."""
    asked = {e.reference: {q.code for q in e.questions} for e in found}
    by_reference = {e.reference: e for e in found}
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
            if noted[0] is not None and _answers(by_reference, group, code) < noted[0]:
                # "Hidden to protect another group" of a question whose whole group was hidden
                # says the group had enough respondents, not the question enough answers: a
                # bound that is not true is left out (the audit's programs would contradict).
                noted = (None, noted[1])
            result.append(
                ShownFigure(
                    measure=code,
                    group=group,
                    evaluations=[r for r in group if code in asked[r]],
                    shown=stats is not None,
                    count=None if stats is None else stats.count,
                    figure=None if stats is None else _figure(stats),
                    unanimous=stats is not None and _unanimous(stats),
                    categories=()
                    if stats is None
                    else (*counted(stats, question.minimum_text), *nps_sum(stats)),
                    lowest=question.question.scale.minimum,
                    highest=question.question.scale.maximum,
                    invited=question.invited,
                    at_least=noted[0],
                    at_most=noted[1],
                )
            )
        with_comments = (
            shown
            and (summary.respondents or 0) >= minimum_text
            and tuple(sorted(group)) not in without_comments
        )
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


def _answers(found: Mapping[str, Evaluation], group: Sequence[str], code: str) -> int:
    """How many of the respondents of *group* answered question *code*."""
    return sum(
        1
        for reference in group
        for response in found[reference].responses
        if response.answers.get(code) is not None
    )


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
    d = stats.distribution
    count = sum(d.values())
    if stats.scale is Scale.NPS:
        promoters, passives = d[9] + d[10], d[7] + d[8]
        return count in (promoters, passives, count - promoters - passives)
    return sum(d[value] for value in stats.scale.top_two_box) in (0, count)


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
    """Audit *summaries* against what *audience* was shown; hide more where needed.

    Comments that a reader could pin to a set of evaluations with fewer respondents than
    ``minimum_text`` by comparing texts (:mod:`~ledarutveckling._evaluation.comment_attribution`)
    are hidden first, and recorded as hidden.
    """
    pinned = attributed(summaries, found, audience)
    summaries = [_hidden(s, frozenset((COMMENTS, key) for key in pinned)) for s in summaries]
    hide, recorded = audience.audit(
        label,
        _figures(summaries, found, audience.minimum_text, pinned),
        respondents={e.reference: len(e.responses) for e in found},
    )
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
