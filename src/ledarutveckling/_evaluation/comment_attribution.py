"""Which evaluations a shown comment can have come from, across everything shown (private).

The exact audit takes a group's comments as one additive figure, which tells a hidden group's
comments only when the group's evaluations lie in the span of the shown groups'. A comment
is a text, though, and a reader compares texts: a comment that a unit (A with C) and a year
(A with D) both show, and that neither the other unit (C's year) nor the other year shows,
was written in A, although A is in no span (issue 20, the fourth red-team review:
``tests/test_anonymity_attacks_h20.py``). Each text is a count of its own per evaluation, and
a group that shows comments without it says that none of its evaluations holds it.

So, for every text a group shows, the evaluations that can hold it are those of no shown
group without it; if those in the group have fewer respondents than ``minimum_text``, the
text is pinned to a set too small for free text, and the new group that shows it, or the new
groups that shut the others out, show no comments.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.figures import COMMENTS
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.survey import Evaluation


@attrs.frozen(kw_only=True)
class _Shown:
    """A group whose comments an audience was shown: its evaluations and their texts."""

    evaluations: frozenset[str]
    texts: frozenset[str]
    new: bool


def _texts(
    found: dict[str, Evaluation], references: Iterable[str], counts: dict[str, int]
) -> set[str]:
    r"""The comments of *references*, each evaluation as it was when shown (*counts*).

    An evaluation not given stands for a text of its own (``"\x00"`` and its reference, which
    no comment equals): the worst it can have written, a comment nobody else wrote.
    """
    result = set()
    for reference in references:
        if reference not in found:
            result.add(f"\x00{reference}")
            continue
        responses = found[reference].responses
        for response in responses[: counts.get(reference, len(responses))]:
            if response.comment is not None:
                result.add(response.comment)
    return result


def _earlier(audience: Audience, found: dict[str, Evaluation]) -> list[_Shown]:
    """The groups whose comments *audience* was shown, with the texts they showed."""
    return [
        _Shown(
            evaluations=frozenset(figure.evaluations),
            texts=frozenset(_texts(found, figure.evaluations, dict(publication.respondents))),
            new=False,
        )
        for publication in audience.publications
        for figure in publication.figures
        if figure.measure == COMMENTS and figure.shown
    ]


def _respondents(audience: Audience, found: Sequence[Evaluation]) -> dict[str, int]:
    """Each evaluation's respondents: as given, else as last recorded (else none)."""
    result: dict[str, int] = {}
    for publication in audience.publications:
        result.update(publication.respondents)
    result.update((e.reference, len(e.responses)) for e in found)
    return result


def attributed(
    summaries: Sequence[GroupSummary], found: Sequence[Evaluation], audience: Audience
) -> frozenset[tuple[str, ...]]:
    """The groups of *summaries* whose comments must be hidden, by their sorted references.

    Args:
        summaries: The new publication's groups, as they would be shown.
        found: The evaluations they are made of (and those shown before, where given).
        audience: What the audience was shown before, and its ``minimum_text``.
    """
    by_reference = {e.reference: e for e in found}
    new = {
        tuple(sorted(s.evaluations)): _Shown(
            evaluations=frozenset(s.evaluations), texts=frozenset(s.comments), new=True
        )
        for s in summaries
        if (s.respondents or 0) >= audience.minimum_text  # shown, with its comments or none
    }
    earlier = _earlier(audience, by_reference)
    respondents = _respondents(audience, found)
    universe = frozenset(by_reference).union(*(g.evaluations for g in earlier))
    hidden: set[tuple[str, ...]] = set()
    while True:
        groups = earlier + [g for key, g in new.items() if key not in hidden]
        more = _exposing(groups, universe, respondents, audience.minimum_text)
        if not more:
            return frozenset(hidden)
        hidden |= {tuple(sorted(g.evaluations)) for g in more}


def _exposing(
    groups: Sequence[_Shown],
    universe: frozenset[str],
    respondents: dict[str, int],
    minimum_text: int,
) -> list[_Shown]:
    """The new groups to hide the comments of so that a text pinned to a small set is not."""

    def small(group: _Shown, lacking: Iterable[_Shown]) -> bool:
        cell = group.evaluations & universe.difference(*(g.evaluations for g in lacking))
        return sum(respondents.get(r, 0) for r in cell) < minimum_text

    for group in groups:
        for text in sorted(group.texts):
            lacking = [g for g in groups if text not in g.texts]
            if not small(group, lacking):
                continue
            before = [g for g in lacking if not g.new]
            if any(not g.new and text in g.texts and small(g, before) for g in groups):
                continue  # the earlier publications pin it alone: nothing new to hide helps
            if group.new:
                return [group]
            return [g for g in lacking if g.new and g.evaluations & group.evaluations]
    return []
