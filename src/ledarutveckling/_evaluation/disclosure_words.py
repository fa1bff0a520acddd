"""The audit's words: its refusals, and the reader's names of publications and measures (private).

See :mod:`ledarutveckling._evaluation.disclosure`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.figures import COMMENTS, RESPONDENTS
from ledarutveckling.errors import Problem, ValidationError

__all__ = ["Measure", "Publications", "refusal_for", "status_report_label"]


_WORDS: Final[Words[str]] = Words(
    {
        "for": ("publiceringen för {audience} {text}", "the publication for {audience} {text}"),
        "refused": (
            "skulle röja den dolda gruppen {group} ({measure}) tillsammans med det som "
            "redan visats: {earlier}",
            "would reveal the hidden group {group} ({measure}) together with what was "
            "already shown: {earlier}",
        ),
        "changed": (
            "skiljer sig för lite från {earlier}: antalet svar för {group} ({measure}) skiljer "
            "sig med färre än {minimum}, så de nya svaren kan räknas ut",
            "differs too little from {earlier}: the number of answers for {group} ({measure}) "
            "differs by fewer than {minimum}, so the new answers can be worked out",
        ),
        "unsolved": (
            "kan inte granskas: lösaren HiGHS gav inget svar ({status}); inget visas",
            "cannot be audited: the solver HiGHS gave no answer ({status}); nothing is shown",
        ),
        "nothing_earlier": ("denna publicering", "this publication"),
        "capped": (
            "kan inte granskas: de dolda delarna ({measure}) hänger ihop genom {rank} "
            "oberoende samband, fler än union_search = {limit} tillåter; dölj fler grupper "
            "eller höj union_search",
            "cannot be audited: the hidden parts ({measure}) are tied by {rank} independent "
            "relations, more than union_search = {limit} allows; hide more groups or raise "
            "union_search",
        ),
    }
)


_MEASURES: Final[Words[str]] = Words(
    {RESPONDENTS: ("antal svar", "respondents"), COMMENTS: ("kommentarer", "comments")}
)
"""The reader's names of the counts among the measures (see :class:`Measure`)."""

_PUBLICATIONS: Final[Words[str]] = Words(
    {
        "summary": ("sammanställningen", "the summary"),
        "breakdown by program": ("uppdelningen per program", "the breakdown by programme"),
        "breakdown by cohort": ("uppdelningen per kohort", "the breakdown by cohort"),
        "breakdown by call_off": ("uppdelningen per avrop", "the breakdown by call-off"),
        "breakdown by unit": (
            "uppdelningen per beställande enhet",
            "the breakdown by ordering unit",
        ),
        "breakdown by year": ("uppdelningen per år", "the breakdown by year"),
        "periods": (
            "jämförelsen av perioderna {before} och {after}",
            "the comparison of the periods {before} and {after}",
        ),
        "status report": (
            "statusrapporten {day}, {program} per kohort",
            "the status report of {day}, {program} by cohort",
        ),
    }
)
"""The reader's names of the publications the library records by itself (see
:class:`Publications`); a label the caller gave is shown as written."""

_PERIODS: Final = (
    r"periods (\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d) and (\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)"
)


_STATUS_REPORT: Final = r"status report (\d{4}-\d\d-\d\d), (.+) by cohort"


def status_report_label(day: dt.date, program: str) -> str:
    """The label a status report records its breakdown of *program*'s evaluations under.

    In English whatever the report's language, as the library's other labels: a refusal
    names it in the reader's language (:class:`Publications`), so a record made by a Swedish
    run reads right in an English one.

    Examples:
        >>> label = status_report_label(dt.date(2027, 4, 30), "GBG-FLYTT")
        >>> label, Publications((label,)).label()
        ('status report 2027-04-30, GBG-FLYTT by cohort', 'statusrapporten 2027-04-30, GBG-FLYTT per kohort')
    """  # noqa: E501
    return f"status report {day.isoformat()}, {program} by cohort"


def _publication_name(label: str, locale: str) -> str:
    """The reader's name of the publication recorded as *label*."""
    if label in _PUBLICATIONS:
        return _PUBLICATIONS.text(label, locale)
    report = re.fullmatch(_STATUS_REPORT, label)
    if report is not None:
        return _PUBLICATIONS.format("status report", locale, day=report[1], program=report[2])
    found = re.fullmatch(_PERIODS, label)
    if found is None:
        return label
    from ledarutveckling.formatting import format_date_range

    days = [dt.date.fromisoformat(day) for day in found.groups()]
    before, after = (DateRange(start=days[i], end=days[i + 1]) for i in (0, 2))
    return _PUBLICATIONS.format(
        "periods",
        locale,
        before=format_date_range(before, locale=locale),
        after=format_date_range(after, locale=locale),
    )


class Publications(Labelled, str):
    r"""Earlier publications named in a refusal, told in the reader's language.

    A ``str`` equal to the labels as recorded, joined by ``"; "`` (so that a problem's
    parameters compare as before), which a message shows with the reader's names of the
    publications the library records by itself (``"breakdown by cohort"`` is
    "uppdelningen per kohort"); none at all is "denna publicering".

    Examples:
        >>> names = Publications(("breakdown by cohort", "mars"))
        >>> names == "breakdown by cohort; mars", names.label(), names.label("en_GB")
        (True, 'uppdelningen per kohort; mars', 'the breakdown by cohort; mars')
        >>> Publications(("periods 2026-01-01/2026-06-30 and 2026-07-01/2026-12-31",)).label()
        'jämförelsen av perioderna 1 januari\xa0– 30 juni 2026 och 1 juli\xa0– 31 december 2026'
        >>> Publications(()).label("en_GB")
        'this publication'
    """

    labels: tuple[str, ...]

    def __new__(cls, labels: tuple[str, ...]) -> Publications:
        """*labels*: the publications' labels as recorded."""
        self = super().__new__(cls, "; ".join(labels))
        self.labels = labels
        return self

    def __getnewargs__(self) -> tuple[tuple[str, ...]]:  # type: ignore[override]
        """What :meth:`__new__` takes, so that a pickle or a copy names the same publications."""
        return (self.labels,)

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The publications' names in *locale*, or "this publication" when there are none."""
        if not self.labels:
            return _WORDS.text("nothing_earlier", locale)
        return "; ".join(_publication_name(label, locale) for label in self.labels)


class Measure(Labelled, str):
    r"""A measure named in a refusal: a question's code as it is, the counts in the reader's words.

    A ``str`` equal to the measure as recorded (:data:`RESPONDENTS`, :data:`COMMENTS` or a
    question's code), shown to the reader as "antal svar" and "kommentarer" for the two counts.

    Examples:
        >>> Measure("respondents").label(), Measure("comments").label("en_GB")
        ('antal svar', 'comments')
        >>> Measure("Q1").label()
        'Q1'
    """

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The measure's name in *locale*."""
        written = str.__str__(self)
        return _MEASURES.text(written, locale) if written in _MEASURES else written


def refusal_for(
    audience: str, text: str, code: ProblemCode, locale: str, /, **params: object
) -> ValidationError:
    """The error that refuses (or cannot audit) a publication for *audience*.

    Its message is in the reader's language (*locale*) and names the audience, as the
    code's template in the message catalogue does ("publiceringen för HR kan inte granskas:
    …"), so that a notebook's ``str(error)`` reads as the command line's text. The problem
    has no value (a refusal is not a bad value given): the audience's name is in the message
    and in ``params["audience"]``, with *params*.
    """
    message = _WORDS.format("for", locale, audience=audience, text=text)
    problem = Problem(
        path="audience", message=message, code=code, params={"audience": audience, **params}
    )
    return ValidationError([problem])
