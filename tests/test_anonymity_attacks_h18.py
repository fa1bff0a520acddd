"""The third red-team review's attacks (issue 20): what the rules of hiding themselves tell.

A reader who knows how the library hides (its docs say it) can test every set of answers
that agrees with what was published: would the library have published it the same way? The
answers that would have been published otherwise are ruled out. Complementary suppression hid
"the shown group with the smallest count" (the first on a tie): the group hidden to protect
another then had at most the respondents of every group still shown. A hidden cohort of 3
(of 8 invited, "too few responses"), beside the cohort hidden to protect it and a shown one of
exactly 5, was pinned to 3 respondents: the pair had 8 (the total less the shown cohorts), the
protecting cohort at least 5 (its note) and at most 5 (the shown cohort of 5 was not chosen).
The group hidden to protect another is now the one with the fewest invited, which reports show
for every group, so the choice tells nothing of any count.
"""

from __future__ import annotations

from ledarutveckling import Dimension, EvaluationSet
from tests.test_anonymity_attacks_h11 import evaluation, mixed

# The two hidden cohorts' eight answers, whichever way they fall between them: the total and
# every shown figure are the same for each split.
PAIR = mixed(8)


def _published(hidden: int) -> list[tuple[str | None, int | None, str | None, object]]:
    """What the breakdown by cohort shows when A has *hidden* of the pair's respondents."""
    cohorts = [
        evaluation("A", PAIR[:hidden], invited=8),
        evaluation("B", PAIR[hidden:], invited=8),
        evaluation("C", mixed(5), invited=8),
        evaluation("D", mixed(12), invited=14),
    ]
    board = EvaluationSet(evaluations=cohorts, audience="styrgruppen")
    shown = board.breakdown(by=Dimension.COHORT)
    return [
        (
            g.key,
            g.respondents,
            g.note("en_GB"),
            tuple(q.statistics for q in g.questions),
        )
        for g in (*shown.groups, shown.total)
    ]


def test_the_group_hidden_to_protect_another_tells_nothing_of_its_count() -> None:
    published = _published(3)
    assert [row[:3] for row in published] == [
        ("A", None, "too few responses (n < 5)"),
        ("B", None, "hidden to protect another group"),
        ("C", 5, None),
        ("D", 12, None),
        (None, 25, None),
    ]
    # The reader's attack: every split of the pair's 8 respondents that the notes allow (A at
    # most 4, B at least 5), kept if the library would have published it the same way.
    possible = [a for a in range(5) if 8 - a >= 5 and _published(a) == published]
    # Before, B (5 of 8 invited) was hidden as the smallest shown count, which C's 5 tied:
    # a B of 6, 7 or 8 would have left B shown and hidden C, so A had 3 respondents.
    assert possible == [0, 1, 2, 3]


def test_the_fewest_invited_are_hidden_to_protect_another_not_the_fewest_respondents() -> None:
    cohorts = [
        evaluation("A", mixed(3), invited=8),
        evaluation("B", mixed(10), invited=10),
        evaluation("C", mixed(6), invited=12),
        evaluation("D", mixed(12), invited=14),
    ]
    board = EvaluationSet(evaluations=cohorts, audience="styrgruppen")
    shown = board.breakdown(by=Dimension.COHORT)
    assert [(g.key, g.invited, g.respondents) for g in shown.groups] == [
        ("A", 8, None),
        ("B", 10, None),
        ("C", 12, 6),
        ("D", 14, 12),
    ]
