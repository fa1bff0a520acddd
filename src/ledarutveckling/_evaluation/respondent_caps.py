"""A question's answers are no more than the group's respondents: rows for the narrowing (private).

A report shows a group's respondents beside each of its questions; a question some of them
skipped can be hidden ("too few responses") while the respondents are shown. Every answer
is a respondent's, so a reader bounds the hidden count by them: the total's count less a shown
cohort's leaves two hidden cohorts 11 answers, and the one with 8 respondents has at most 8,
so the other has 3 to 6 (issue 20; guarantee 4 of docs/anonymity.md asks for ``minimum``
possible counts). The narrowing's programs (:mod:`~ledarutveckling._evaluation.intervals`)
model each question on its own; this module gives them the respondents as figures of the
question: ``answers(G) + slack = respondents(G)`` with a slack of its own per group (a
pseudo-evaluation no other figure holds, so its count is any whole number from 0), which is
the inequality ``answers(G) <= respondents(G)`` written as the equality rows the programs
already take (in the first look, under the shown figures, as a reader has them).

The same holds evaluation by evaluation, and the other way round: :func:`respondent_links`
gives a question's program the respondents' figures over each evaluation's answers and a
column of those who skipped the question, so the question's figures bound the respondents
(the NPS question's means leaving two cohorts all their invited as answers, and so as
respondents, pinned a third's respondents by subtraction; issue 20). Two questions are still
in no program together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from ledarutveckling._evaluation.figures import ShownFigure

__all__: list[str] = []


_SLACK: Final = "\x01"
"""The start of a slack's name: no reference starts so, nor a merged piece (``"\\x00"``)."""


def respondent_caps(
    respondents: Sequence[tuple[int, ShownFigure]],
    question: Sequence[tuple[int, ShownFigure]],
) -> list[tuple[int, tuple[str, ...], int | None, str | None]]:
    """The shown respondents of each group whose *question* figure is hidden, as figures.

    Args:
        respondents: The respondents' figures (by index), shown or not.
        question: The figures of one question (by index), shown or not.

    Returns:
        For each such group, the figure ``(index, evaluations + slack, respondents, None)``
        (the index of the respondents' figure, which the programs name when it pins a
        group), the latest of each group.
    """
    shown = {f.group: (i, f.count) for i, f in respondents if f.shown}
    caps: dict[tuple[str, ...], tuple[int, tuple[str, ...], int | None, str | None]] = {}
    for _, figure in question:
        found = shown.get(figure.group)
        if figure.shown or found is None or not figure.evaluations:
            continue
        slack = _SLACK + "\x1f".join(figure.group)
        caps[figure.evaluations] = (found[0], (*figure.evaluations, slack), found[1], None)
    return list(caps.values())


_SKIPPED: Final = "\x02"
"""The start of the name of an evaluation's respondents who skipped a question: no reference
starts so, nor a piece or a slack (a column in many figures, which the twins' slack, in one,
is not)."""


def _respondents(evaluations: Sequence[str]) -> bool:
    """Whether *evaluations* are one evaluation's respondents in a question's program.

    Its answers and the column of those who skipped the question (:func:`respondent_links`,
    in either order): a group of the evaluation's own, like its invited and its note. Two
    evaluations alike but for them are still interchangeable in the program (exchanged with
    their skipped columns), as are their answers between solutions.
    """
    return len(evaluations) == 2 and (
        evaluations[1] == _SKIPPED + evaluations[0] or evaluations[0] == _SKIPPED + evaluations[1]
    )


def respondent_links(
    respondents: Sequence[tuple[int, ShownFigure]],
    hidden: Sequence[tuple[str, ...]],
) -> tuple[
    list[tuple[int, tuple[str, ...], int | None, str | None]],
    list[tuple[int, tuple[str, ...], int | None, int | None, int | None]],
    list[tuple[int, tuple[str, ...], int | None, str | None]],
]:
    """The respondents' figures, as figures of one question's program, evaluation by evaluation.

    Every answer is a respondent's, evaluation by evaluation: each evaluation's respondents
    are its answers to the question and those who skipped it (a column of its own,
    ``_SKIPPED + reference``, which no figure of the question holds). So the respondents'
    figures are the sums of the two, and the question's program bounds each evaluation's
    respondents by its answers, which the figures of the question may pin: a year's
    respondents less a shown group's, the rest being evaluations whose answers the means
    and NPS of other groups pin (issue 20, seed 33 of the second red-team review's wider
    year). :func:`respondent_caps` bounds a group's answers only by its own respondents.

    Args:
        respondents: The respondents' figures (by index), shown or not.
        hidden: The groups whose hidden respondents are to be bounded in the program.

    Returns:
        The shown respondents (the latest of each group), what is published of the
        respondents besides (their invited and notes: rows the second look switches on),
        and the hidden respondents of *hidden* as targets, each over its evaluations and
        their skipped columns, by the index of the respondents' figure. A group's invited
        bound its respondents from above (the program's invited are columns of the answers
        alone, which the skipped would break: at most as many as invited, not their sum).
    """
    shown: dict[tuple[str, ...], tuple[int, tuple[str, ...], int | None, str | None]] = {}
    bounds: dict[
        tuple[str, ...], tuple[int, tuple[str, ...], int | None, int | None, int | None]
    ] = {}
    targets: dict[tuple[str, ...], tuple[int, tuple[str, ...], int | None, str | None]] = {}
    wanted = set(hidden)
    for index, f in respondents:
        linked = (*f.evaluations, *(_SKIPPED + r for r in f.evaluations))
        if f.shown:
            shown[f.evaluations] = (index, linked, f.count, None)
            targets.pop(f.evaluations, None)
        elif f.evaluations in wanted and f.evaluations not in shown:
            targets[f.evaluations] = (index, linked, None, None)
        least, most = (None, None) if f.shown else (f.at_least, f.at_most)
        if f.invited is not None:  # (the invited are a column of the answers': at most)
            most = f.invited if most is None else min(most, f.invited)
        if f.evaluations and (least is not None or most is not None):
            bounds[f.evaluations] = (index, linked, None, least, most)
    return list(shown.values()), list(bounds.values()), list(targets.values())
