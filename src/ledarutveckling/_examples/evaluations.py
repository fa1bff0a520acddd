"""Bundled example evaluations: the social services' managers program, 2025 and 2026.

The figures are made up but plausible, and fixed (no randomness): five cohorts of the program
``SOC-LED`` ordered by three units of the City of Stockholm, two of them with fewer than five
responses, so their results are hidden by the anonymity rules.

Examples:
    >>> evaluations = stockholm_evaluations()
    >>> [(e.subject.cohort, e.respondents, e.invited) for e in evaluations]
    [('2025:1', 9, 12), ('2025:2', 4, 10), ('2026:1', 7, 14), ('2026:2', 11, 13), ('2026:3', 3, 9)]
    >>> stockholm_follow_up_meetings()[0].unit
    'Socialförvaltningen'
"""

from __future__ import annotations

from typing import Final

import pendulum

from ledarutveckling._base.dates import DateRange
from ledarutveckling._evaluation.survey import (
    Evaluation,
    EvaluationSubject,
    FollowUpMeeting,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)

__all__ = ["stockholm_evaluations", "stockholm_follow_up_meetings"]


PROGRAM_CODE: Final = "SOC-LED"
"""The code of the social services' managers program (ledarprogram för socialtjänstens chefer)."""


QUESTIONS: Final = (
    ("Q1", "Programmet som helhet har varit värdefullt för mig", Scale.LIKERT_5, 1),
    ("Q2", "Jag har fått verktyg som jag kan använda i mitt ledarskap", Scale.LIKERT_5, 2),
    ("Q3", "Jag har börjat använda det jag lärt mig i min vardag som chef", Scale.LIKERT_5, 3),
    (
        "Q4",
        "Hur sannolikt är det att du skulle rekommendera programmet till en kollega?",
        Scale.NPS,
        1,
    ),
)
"""The survey's questions: code, text, scale and Kirkpatrick level (1–4)."""


_Row = tuple[int, int, int | None, int, str | None]


# cohort, unit, call-off, invited, collection period, answers (Q1, Q2, Q3, Q4, comment)
_COHORTS: Final[tuple[tuple[str, str, str, int, str, str, tuple[_Row, ...]], ...]] = (
    (
        "2025:1",
        "Socialförvaltningen",
        "SOF 2024/1187",
        12,
        "2025-05-19",
        "2025-06-05",
        (
            (5, 4, 4, 9, "Bra blandning av teori och övningar."),
            (4, 4, 3, 8, None),
            (5, 5, 4, 10, "Nätverket med andra chefer var det bästa."),
            (4, 4, None, 7, None),
            (4, 3, 3, 6, "För mycket på för kort tid."),
            (5, 4, 4, 9, None),
            (3, 3, 3, 5, None),
            (5, 5, 5, 10, None),
            (4, 4, 3, 8, None),
        ),
    ),
    (
        "2025:2",
        "Farsta stadsdelsförvaltning",
        "FAR 2025/0312",
        10,
        "2025-11-24",
        "2025-12-12",
        (
            (4, 4, 3, 8, None),
            (3, 4, 3, 7, "Svårt att gå ifrån verksamheten."),
            (5, 4, 4, 9, None),
            (4, 3, None, 6, None),
        ),
    ),
    (
        "2026:1",
        "Socialförvaltningen",
        "SOF 2024/1187",
        14,
        "2026-05-18",
        "2026-06-05",
        (
            (4, 4, 4, 9, None),
            (5, 4, 4, 10, "Handledningen mellan träffarna gjorde skillnad."),
            (4, 3, 3, 7, None),
            (4, 4, 3, 8, None),
            (3, 3, None, 6, "Den digitala träffen fungerade sämre."),
            (5, 5, 4, 9, None),
            (4, 4, 4, 8, None),
        ),
    ),
    (
        "2026:2",
        "Skärholmens stadsdelsförvaltning",
        "SKH 2025/0944",
        13,
        "2026-10-19",
        "2026-11-06",
        (
            (5, 5, 4, 10, "Konkreta verktyg för svåra samtal."),
            (4, 4, 4, 9, None),
            (4, 4, 3, 8, None),
            (5, 4, 4, 9, None),
            (4, 3, 3, 7, None),
            (3, 3, 2, 4, "Mer om arbetsrätt, tack."),
            (4, 4, 4, 9, None),
            (5, 5, 5, 10, None),
            (4, 4, None, 8, None),
            (4, 4, 3, 6, None),
            (5, 4, 4, 9, None),
        ),
    ),
    (
        "2026:3",
        "Skärholmens stadsdelsförvaltning",
        "SKH 2025/0944",
        9,
        "2026-11-09",
        "2026-11-20",
        (
            (2, 3, 2, 3, "Programmet passade inte min roll."),
            (4, 4, 3, 8, None),
            (5, 4, 4, 9, None),
        ),
    ),
)


def _evaluation(
    cohort: str,
    unit: str,
    call_off: str,
    invited: int,
    start: str,
    end: str,
    rows: tuple[_Row, ...],
) -> Evaluation:
    questions = tuple(
        Question(code=code, text=text, scale=scale, level=KirkpatrickLevel(level))
        for code, text, scale, level in QUESTIONS
    )
    collected = DateRange.from_iso(start, end)
    responses = []
    for index, (*answers, comment) in enumerate(rows):
        # Spread the responses over the period's days, in the afternoon, Stockholm time.
        day = collected.start.add(days=index % collected.days)
        submitted_at = pendulum.datetime(
            day.year, day.month, day.day, 14, index, tz="Europe/Stockholm"
        )
        responses.append(
            Response(
                answers={q.code: a for q, a in zip(questions, answers, strict=True)},
                comment=comment,
                submitted_at=submitted_at,
            )
        )
    return Evaluation(
        reference=f"{PROGRAM_CODE}-{cohort.replace(':', '-')}",
        subject=EvaluationSubject(
            program_code=PROGRAM_CODE, cohort=cohort, call_off_reference=call_off, unit=unit
        ),
        questions=questions,
        responses=tuple(responses),
        invited=invited,
        collected=collected,
    )


def stockholm_evaluations() -> tuple[Evaluation, ...]:
    """Five cohorts' evaluations of the social services' managers program (``SOC-LED``).

    Two cohorts were evaluated in 2025 and three in 2026, for three ordering units; cohorts
    ``2025:2`` (4 responses) and ``2026:3`` (3 responses) are too small to show with the
    default minimum of 5. Built anew on each call.

    Examples:
        >>> [e.reference for e in stockholm_evaluations()][:2]
        ['SOC-LED-2025-1', 'SOC-LED-2025-2']
    """
    return tuple(_evaluation(*cohort) for cohort in _COHORTS)


def stockholm_follow_up_meetings() -> tuple[FollowUpMeeting, ...]:
    """Two follow-up meetings with the units that called off the program.

    Examples:
        >>> [str(m.mean_rating) for m in stockholm_follow_up_meetings()]
        ['4.333333333333333333333333333', '4']
    """
    return (
        FollowUpMeeting(
            date=pendulum.date(2026, 6, 16),
            unit="Socialförvaltningen",
            ratings={"Leveransens kvalitet": 5, "Bemötande": 5, "Anpassning till verksamheten": 3},
            notes=("Färre digitala träffar i nästa kohort", "Handledning mellan träffarna behålls"),
        ),
        FollowUpMeeting(
            date=pendulum.date(2026, 11, 25),
            unit="Skärholmens stadsdelsförvaltning",
            ratings={"Leveransens kvalitet": 4, "Bemötande": 4, "Anpassning till verksamheten": 4},
            notes=("Lägg till ett avsnitt om arbetsrätt",),
        ),
    )
