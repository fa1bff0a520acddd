"""The anonymity rule: groups under a minimum of respondents are hidden."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Final

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling.errors import ValidationError

__all__ = [
    "LOWEST_MINIMUM_RESPONDENTS",
    "MINIMUM_RESPONDENTS",
    "MINIMUM_TEXT_RESPONDENTS",
    "Suppression",
]


MINIMUM_RESPONDENTS: Final = 5
"""The default minimum number of respondents below which a group's results are hidden."""


MINIMUM_TEXT_RESPONDENTS: Final = 8
"""The default minimum number of respondents below which comments and distributions are hidden.

Higher than :data:`MINIMUM_RESPONDENTS`, as in Swedish survey tools: a free-text comment or a
count per answer says more about one person than a mean does.
"""


LOWEST_MINIMUM_RESPONDENTS: Final = 3
"""The lowest minimum the library accepts; below it single answers become guessable."""


def _check_minimum(minimum: object) -> int:
    if isinstance(minimum, bool) or not isinstance(minimum, int):
        raise ValidationError.single(
            "minimum",
            minimum,
            "must be an int, 5 by default",
            ProblemCode.MUST_BE,
            expected=Expected.INTEGER,
        )
    if minimum < LOWEST_MINIMUM_RESPONDENTS:
        raise ValidationError.single(
            "minimum",
            minimum,
            f"must be at least {LOWEST_MINIMUM_RESPONDENTS}; "
            "results of smaller groups would expose single participants",
            ProblemCode.MINIMUM_TOO_LOW,
            given=minimum,
            least=LOWEST_MINIMUM_RESPONDENTS,
        )
    return minimum


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
        return _MESSAGES.format(self, locale, minimum=minimum)


_MESSAGES: Final[Words[Suppression]] = Words(
    {
        Suppression.TOO_FEW: ("för få svar (n < {minimum})", "too few responses (n < {minimum})"),
        Suppression.COMPLEMENTARY: (
            "dold för att skydda en annan grupp",
            "hidden to protect another group",
        ),
    },
    keys=Suppression,
)


def _protect(
    counts: Sequence[int | None],
    hidden: Sequence[Suppression | None],
    minimum: int,
    *,
    invited: Sequence[int],
    beside_total: bool,
) -> tuple[list[Suppression | None], bool]:
    """Decide which cells of one additive column to hide.

    Args:
        counts: Each cell's count of respondents or answers; ``None`` for a cell that is
            empty by design (the question was not asked), which everyone knows to be zero.
        hidden: Cells already hidden (their group is hidden).
        minimum: The minimum count of a shown cell.
        invited: Each cell's number invited, which reports show for every group: what
            chooses the cell hidden to protect another.
        beside_total: Whether the column's total is shown beside the cells.

    Returns:
        The suppression of every cell, and whether the total must be hidden too.

    Cells below *minimum* are hidden. With a total shown, the hidden cells' sum is the total
    minus the shown cells, so while fewer than two cells are hidden, or the hidden cells hold
    fewer than *minimum* answers together, the shown cell with the fewest invited (the first
    one on a tie) is hidden too. If no cell is left to hide, the total is hidden.

    The cell is chosen by what every reader is shown of it, its invited, never by its count:
    a reader who knows the rule would otherwise know the hidden cell's count to be at most
    that of every cell still shown, and a cohort of 3 hidden beside one hidden to protect it
    and a shown one of exactly the minimum would be pinned to its count (issue 20, the
    third red-team review).
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
        result[min(shown, key=lambda i: (invited[i], i))] = Suppression.COMPLEMENTARY
