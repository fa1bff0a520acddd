r"""Late answers: an evaluation whose figures changed between two publications (private).

An evaluation keeps collecting answers after a report showed it: the weekly status report
shows a cohort with four respondents, next week with five. The audit
(:class:`~ledarutveckling._evaluation.disclosure.Audience`) knows evaluations by reference, so
without more the cohort before and after the late answer would be one vector, and the two
figures would contradict each other (the narrowing's programs infeasible) or be taken for the
same (the late answer read by differencing: week 1's total less another group shown in
week 2 is the cohort *before* the late answer, and the cohort shown in week 2 less that is
the late answer).

So every publication records the number of respondents of each evaluation it covered
(:attr:`~ledarutveckling._evaluation.figures.Publication.respondents`: a count per
reference, never an answer), and an evaluation's *versions* are the counts the record holds,
in order. The reference stands for its first version; each later version adds a *late part*
(the answers that came in since the version before, :func:`late_part`), and a figure of the
evaluation at version ``k`` adds up the first version and the late parts up to ``k``. Each
part has its own variables in the audit, so the figures shown before and after agree (the
programs stay feasible), and a late part is a hidden group like any other: it may not be
worked out exactly with fewer respondents than the minimum, nor be pinned more narrowly than
the audience asks.

Answers only come in: an evaluation with fewer respondents than the record holds (answers
removed or the evaluation replaced) cannot be told apart in the record, and the audit refuses
(:class:`RecordDisagreesError`); so does a record whose figures contradict each other in any
other way (an answer changed in place), as the narrowing's programs are then infeasible.
Records saved before the counts were kept take each evaluation's first version to be the
evaluation as it is at the first audit that counts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.disclosure_words import refusal_for
from ledarutveckling._evaluation.figures import RESPONDENTS, Publication, ShownFigure
from ledarutveckling.errors import ValidationError

__all__: list[str] = []


_MARK: Final = "\x1f"
"""Between an evaluation's reference and the number of a late part's version (the unit
separator, which no reference holds: references are text without control characters)."""


_WORDS: Final[Words[str]] = Words(
    {
        "late": (
            "{reference} (sena svar, omgång {version})",
            "{reference} (late answers, round {version})",
        ),
        "fewer": (
            "{reference} hade {recorded} svarande när den senast visades, men har nu {now}",
            "{reference} had {recorded} respondents when last shown, but has {now} now",
        ),
        "invited": (
            "{group} hade {recorded} inbjudna när den senast visades, men har nu {now}",
            "{group} had {recorded} invited when last shown, but has {now} now",
        ),
        "infeasible": (
            "inga svar stämmer med alla siffror som visats",
            "no set of answers fits all the figures shown",
        ),
        "disagrees": (
            "kan inte granskas: det som visats stämmer inte längre med utvärderingarna "
            "({reason}); inget visas",
            "cannot be audited: what was shown no longer agrees with the evaluations "
            "({reason}); nothing is shown",
        ),
    }
)


class RecordDisagreesError(Exception):
    """The record no longer agrees with the evaluations: the audit cannot be made.

    Raised by the narrowing when its programs are infeasible (the figures shown cannot all be
    true of any answers), and by :func:`versioned` when an evaluation has fewer respondents
    than the record holds; the audit refuses the publication (never skips the check).
    """

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = values

    @property
    def reason(self) -> Disagreement:
        """What disagrees, told in the reader's language."""
        return Disagreement(self.key, self.values)


class Disagreement(Labelled, str):
    """What of a record disagrees with the evaluations, as a refusal's ``reason``.

    A ``str`` equal to the English text, shown to the reader in their language.

    Examples:
        >>> reason = Disagreement("fewer", {"reference": "B", "recorded": 5, "now": 4})
        >>> reason.label(), str(reason) == reason.label("en_GB")
        ('B hade 5 svarande när den senast visades, men har nu 4', True)
    """

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, values: Mapping[str, object]) -> Disagreement:
        """*key* and *values*: the text's key and its fields."""
        self = super().__new__(cls, _WORDS.format(key, "en_GB", **values))
        self.key = key
        self.values = values
        return self

    def __getnewargs__(self) -> tuple[str, Mapping[str, object]]:  # type: ignore[override]
        """What :meth:`__new__` takes, so that a pickle or a copy is the same reason."""
        return (self.key, self.values)

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The text in *locale*."""
        return _WORDS.format(self.key, locale, **self.values)


def refusal(audience: str, error: RecordDisagreesError, locale: str) -> ValidationError:
    """The error that refuses a publication to *audience* whose record disagrees."""
    reason = error.reason
    return refusal_for(
        audience,
        _WORDS.format("disagrees", locale, reason=reason.label(locale)),
        ProblemCode.AUDIENCE_RECORD_DISAGREES,
        locale,
        reason=reason,
    )


def late_part(reference: str, version: int) -> str:
    """The reference of the answers that came in to evaluation *reference* for *version*."""
    return f"{reference}{_MARK}{version}"


def readable(reference: str, locale: str) -> str:
    """*reference* as a reader names it: a late part says which answers it holds."""
    base, mark, version = reference.partition(_MARK)
    if not mark:
        return reference
    return _WORDS.format("late", locale, reference=base, version=version)


def _parts(reference: str, version: int) -> tuple[str, ...]:
    """The parts of *version* of evaluation *reference*: its first version and late parts."""
    return (reference, *(late_part(reference, v) for v in range(2, version + 1)))


def _over(
    figures: Iterable[ShownFigure], parts: Mapping[str, tuple[str, ...]]
) -> list[ShownFigure]:
    """*figures* over the *parts* of their evaluations (those with late parts).

    A figure that adds up late parts drops its number invited: the invited are the
    evaluation's, not a part's, and a late answer was invited before it came in (a bound the
    audit leaves out; see docs/anonymity.md).
    """
    if not parts:
        return list(figures)
    result = []
    for figure in figures:
        if parts.keys().isdisjoint(figure.evaluations):
            result.append(figure)
        else:
            evaluations = [p for r in figure.evaluations for p in parts.get(r, (r,))]
            result.append(attrs.evolve(figure, evaluations=evaluations, invited=None))
    return result


def _counted(versions: dict[str, list[int]], reference: str, count: int) -> int:
    """The version of *reference* with *count* respondents, added to *versions* if new."""
    counts = versions.setdefault(reference, [])
    if not counts or counts[-1] != count:
        counts.append(count)
    return len(counts)


def expanded(publications: Sequence[Publication]) -> tuple[list[ShownFigure], dict[str, list[int]]]:
    """Every figure of the record over the parts of its evaluations' versions as then shown.

    A publication's figures are kept over the evaluations' references (a saved record holds
    no parts); the respondents it recorded give each evaluation's version, and the figures
    are read over its parts. Also returned: each evaluation's respondents at each version.
    """
    versions: dict[str, list[int]] = {}
    result: list[ShownFigure] = []
    for publication in publications:
        parts = {}
        for reference, count in publication.respondents:
            version = _counted(versions, reference, count)
            if version > 1:
                parts[reference] = _parts(reference, version)
        result += _over(publication.figures, parts)
    return result, versions


def same_invited(
    publications: Sequence[Publication],
    figures: Sequence[ShownFigure],
    versions: Mapping[str, list[int]],
    respondents: Mapping[str, int],
) -> None:
    """Refuse *figures* that give a group shown before another number invited.

    The invited are shown of every group, hidden or not, and the audit bounds the respondents
    by them: a group shown with 10 invited and again with 8 (an invitation withdrawn) leaves
    two bounds that cannot both hold, which the narrowing would only find as "no answers fit"
    (or not at all, where nothing is narrowed). Named here instead. A group with late answers
    (an evaluation with more *respondents* than its latest of *versions*) is left alone: its
    figure over the late parts drops its invited (:func:`_over`), so more invited beside the
    late answers contradict nothing.

    Raises:
        RecordDisagreesError: For the first group of *figures* whose respondents were shown
            before over the same evaluations with another number invited.
    """
    grown = {r for r, count in respondents.items() if count > versions.get(r, [count])[-1]}
    recorded = {
        f.evaluations: f.invited
        for publication in publications
        for f in publication.figures
        if f.measure == RESPONDENTS and f.invited is not None
    }
    for f in figures:
        was = recorded.get(f.evaluations)
        if (
            f.measure == RESPONDENTS
            and f.invited is not None
            and was not in (None, f.invited)
            and grown.isdisjoint(f.evaluations)
        ):
            group = ", ".join(f.evaluations)
            raise RecordDisagreesError("invited", group=group, recorded=was, now=f.invited)


def versioned(
    versions: Mapping[str, list[int]],
    figures: Sequence[ShownFigure],
    respondents: Mapping[str, int],
) -> list[ShownFigure]:
    """*figures* over the parts of each evaluation's version now (*respondents* per reference).

    *versions* are the respondents of each evaluation's versions the record holds
    (:func:`expanded`). An evaluation with more respondents than its latest has a new late
    part; a figure over it adds up the first version and every late part.

    Raises:
        RecordDisagreesError: If an evaluation has fewer respondents than the record holds.
    """
    parts = {}
    for reference, count in respondents.items():
        counts = list(versions.get(reference, ()))
        if counts and count < counts[-1]:
            raise RecordDisagreesError("fewer", reference=reference, recorded=counts[-1], now=count)
        version = _counted({reference: counts}, reference, count)
        if version > 1:
            parts[reference] = _parts(reference, version)
    return _over(figures, parts)
