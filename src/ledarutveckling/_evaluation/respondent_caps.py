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
