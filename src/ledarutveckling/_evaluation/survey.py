"""Evaluations: questions, anonymous responses, and the buyer's follow-up meetings (private).

An evaluation (utvärdering, deltagarenkät) asks a cohort's participants a few questions on a
rating scale. Questions are placed on Kirkpatrick's four levels (reaction, learning, behaviour,
results); the analysis lives in :mod:`ledarutveckling._evaluation.summaries` and its siblings.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, TypeVar, cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date, as_read_only, as_tuple
from ledarutveckling._base.dates import DateRange, in_zone, instant
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import PRECISE
from ledarutveckling.errors import NotFoundError, join_path, key_path
from ledarutveckling.formatting import STOCKHOLM

__all__ = [
    "Evaluation",
    "EvaluationSubject",
    "FollowUpMeeting",
    "KirkpatrickLevel",
    "Question",
    "Response",
    "Scale",
]


CONTEXT: Final = PRECISE
"""The decimal context of every statistic: 28 digits, half-even, whatever the caller's."""


K = TypeVar("K")


V = TypeVar("V")


def frozen_mapping(value: Mapping[K, V]) -> Mapping[K, V]:
    """Copy a mapping into a read-only one that can be pickled (attrs converter, lossless)."""
    return cast("Mapping[K, V]", as_read_only(value))


def _answers(value: Mapping[str, int | None]) -> Mapping[str, int | None]:
    return frozen_mapping(value)


def _ratings(value: Mapping[str, int]) -> Mapping[str, int]:
    return frozen_mapping(value)


def _questions(value: Sequence[Question]) -> tuple[Question, ...]:
    return cast("tuple[Question, ...]", as_tuple(value))


def _responses(value: Sequence[Response]) -> tuple[Response, ...]:
    return cast("tuple[Response, ...]", as_tuple(value))


def _texts(value: Sequence[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", as_tuple(value))


def mapping_repr(value: Mapping[Any, Any]) -> str:
    """Show a read-only mapping as the dict it holds (objects are built only if valid)."""
    return repr(dict(value))


def _moment(value: dt.datetime) -> pendulum.DateTime:
    """Turn an aware stdlib datetime into a :class:`pendulum.DateTime` (lossless)."""
    if (
        isinstance(value, dt.datetime)
        and not isinstance(value, pendulum.DateTime)
        and value.utcoffset() is not None
    ):
        return in_zone(value)
    return value  # type: ignore[return-value]  # a pendulum.DateTime, or bad input to report


class Scale(Labelled, enum.Enum):
    """A rating scale (svarsskala): agreement 1–5 or 1–7 (Likert), or 0–10 (NPS).

    The Likert scales run from "Instämmer inte alls" (do not agree at all) to "Instämmer
    helt" (fully agree), as in Swedish staff surveys. The NPS scale asks how likely the
    participant is to recommend the program, from 0 (not at all likely) to 10 (extremely
    likely); see Reichheld, "The One Number You Need to Grow", Harvard Business Review 2003.

    Examples:
        >>> Scale.LIKERT_5.values
        (1, 2, 3, 4, 5)
        >>> Scale.LIKERT_5.anchor(5)
        'Instämmer helt'
        >>> Scale.NPS.anchor(0, "en_GB")
        'Not at all likely'
        >>> Scale.LIKERT_7.top_two_box
        (6, 7)
        >>> Scale.LIKERT_7.label()
        'instämmandeskala 1–7'
    """

    LIKERT_5 = "likert_5"
    """Agreement, 1 to 5, every step named."""
    LIKERT_7 = "likert_7"
    """Agreement, 1 to 7, the ends and the middle named."""
    NPS = "nps"
    """Likelihood to recommend, 0 to 10 (Net Promoter Score)."""

    @property
    def minimum(self) -> int:
        """The lowest answer on the scale."""
        return 0 if self is Scale.NPS else 1

    @property
    def maximum(self) -> int:
        """The highest answer on the scale."""
        return 10 if self is Scale.NPS else 7 if self is Scale.LIKERT_7 else 5

    @property
    def values(self) -> tuple[int, ...]:
        """Every answer the scale allows, lowest first."""
        return tuple(range(self.minimum, self.maximum + 1))

    @property
    def top_two_box(self) -> tuple[int, int]:
        """The two highest answers, whose share is the top-2-box share."""
        return (self.maximum - 1, self.maximum)

    def anchor(self, value: int, locale: str = DEFAULT_LOCALE) -> str | None:
        """The words printed under *value* on the form, or ``None`` where the form has none."""
        return _ANCHORS[self].texts(locale).get(value)

    def _labels(self) -> Words[Scale]:
        return _SCALE_LABELS


_AGREE_NONE: Final = ("Instämmer inte alls", "Do not agree at all")


_AGREE_FULLY: Final = ("Instämmer helt", "Fully agree")


_ANCHORS: Final[dict[Scale, Words[int]]] = {
    Scale.LIKERT_5: Words(
        {
            1: _AGREE_NONE,
            2: ("Instämmer i liten grad", "Agree to a small extent"),
            3: ("Instämmer delvis", "Partly agree"),
            4: ("Instämmer i stor grad", "Agree to a large extent"),
            5: _AGREE_FULLY,
        }
    ),
    Scale.LIKERT_7: Words(
        {
            1: _AGREE_NONE,
            4: ("Instämmer delvis", "Partly agree"),
            7: _AGREE_FULLY,
        }
    ),
    Scale.NPS: Words(
        {
            0: ("Inte alls sannolikt", "Not at all likely"),
            10: ("Mycket sannolikt", "Extremely likely"),
        }
    ),
}


_SCALE_LABELS: Final[Words[Scale]] = Words(
    {
        Scale.LIKERT_5: ("instämmandeskala 1–5", "agreement scale 1–5"),
        Scale.LIKERT_7: ("instämmandeskala 1–7", "agreement scale 1–7"),
        Scale.NPS: ("rekommendationsfråga 0–10 (NPS)", "recommendation question 0–10 (NPS)"),
    },
    keys=Scale,
)


class KirkpatrickLevel(Labelled, enum.IntEnum):
    """The level a question measures, after Kirkpatrick's four levels of training evaluation.

    Source: D. L. Kirkpatrick & J. D. Kirkpatrick, *Evaluating Training Programs: The Four
    Levels*, 3rd ed., Berrett-Koehler 2006. Phillips' fifth level, return on investment, is
    computed from money rather than asked: see :class:`~ledarutveckling.ReturnOnInvestment`.

    Examples:
        >>> KirkpatrickLevel.BEHAVIOUR.label()
        'beteende'
        >>> KirkpatrickLevel(2).label("en_GB")
        'learning'
    """

    REACTION = 1
    """Nivå 1, reaktion: what the participants thought of the program."""
    LEARNING = 2
    """Nivå 2, lärande: what they learnt."""
    BEHAVIOUR = 3
    """Nivå 3, beteende: what they do differently at work."""
    RESULTS = 4
    """Nivå 4, resultat: what changed for the organisation."""

    def _labels(self) -> Words[KirkpatrickLevel]:
        return _LEVEL_LABELS


_LEVEL_LABELS: Final[Words[KirkpatrickLevel]] = Words(
    {
        KirkpatrickLevel.REACTION: ("reaktion", "reaction"),
        KirkpatrickLevel.LEARNING: ("lärande", "learning"),
        KirkpatrickLevel.BEHAVIOUR: ("beteende", "behaviour"),
        KirkpatrickLevel.RESULTS: ("resultat", "results"),
    },
    keys=KirkpatrickLevel,
)


@attrs.frozen(kw_only=True)
class Question:
    """One question of an evaluation (fråga).

    Attributes:
        code: Short identifier, unique within an evaluation, e.g. ``"Q1"``. Questions with
            the same code in several evaluations are pooled by the analysis, so they must
            share the scale and the level.
        text: The question or statement as the participants read it (Swedish).
        scale: The rating scale.
        level: The Kirkpatrick level the question measures.

    Examples:
        >>> Question(code="NPS", text="Hur sannolikt är det att du rekommenderar programmet?",
        ...          scale=Scale.NPS, level=KirkpatrickLevel.REACTION).scale.values[-1]
        10
    """

    code: str
    text: str
    scale: Scale
    level: KirkpatrickLevel

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("code", self.code)
        checks.text("text", self.text)
        checks.member("scale", self.scale, Scale)
        checks.member("level", self.level, KirkpatrickLevel)
        checks.done()


@attrs.frozen(kw_only=True)
class Response:
    """One participant's anonymous answers (svar).

    The class has no field for a name, an e-mail address or a personnummer, on purpose:
    evaluations are anonymous, and what is not stored cannot leak. Whether each answer lies on
    its question's scale is checked by the :class:`Evaluation` that holds the response.

    Attributes:
        answers: Question code to answer; ``None`` for a question the participant skipped.
            Stored as a read-only mapping.
        comment: Free text, or ``None``; it may run over several lines (tabs and line
            breaks are allowed, other control characters are not).
        submitted_at: When the response was sent, an aware datetime (a plain aware
            :class:`datetime.datetime` is converted to :class:`pendulum.DateTime`).

    Raises:
        ValidationError: For a naive time, a non-integer answer, or a response with neither
            an answer nor a comment.

    Examples:
        >>> r = Response(answers={"Q1": 4, "Q2": None}, comment="Bra övningar.",
        ...              submitted_at=pendulum.datetime(2026, 5, 20, 14, tz="Europe/Stockholm"))
        >>> r
        Response(answers={'Q1': 4, 'Q2': None}, comment='Bra övningar.', submitted_at=...)
        >>> r.given
        {'Q1': 4}
    """

    answers: Mapping[str, int | None] = attrs.field(
        converter=_answers, repr=mapping_repr, hash=False
    )
    comment: str | None = None
    submitted_at: pendulum.DateTime = attrs.field(converter=_moment, eq=instant)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if isinstance(self.answers, Mapping):
            for code, answer in self.answers.items():
                path = join_path("answers", key_path(code))
                if checks.text(path, code) and answer is not None:
                    checks.integer(path, answer)
        else:
            checks.add(
                "answers",
                self.answers,
                "must be a mapping of question code to answer",
                ProblemCode.WRONG_TYPE,
            )
        if self.comment is not None:
            checks.text("comment", self.comment, multiline=True)
        if not isinstance(self.submitted_at, dt.datetime) or self.submitted_at.utcoffset() is None:
            checks.add(
                "submitted_at",
                self.submitted_at,
                "must be an aware datetime, e.g. pendulum.datetime(..., tz='Europe/Stockholm')",
                ProblemCode.MUST_BE,
                expected=Expected.DATETIME,
            )
        if not checks.problems and not self.given and self.comment is None:
            checks.add(
                "answers",
                dict(self.answers),
                "must hold an answer or come with a comment",
                ProblemCode.NO_ANSWER_OR_COMMENT,
            )
        checks.done()

    @property
    def given(self) -> dict[str, int]:
        """The questions actually answered, skipped ones left out."""
        return {code: answer for code, answer in self.answers.items() if answer is not None}


@attrs.frozen(kw_only=True)
class EvaluationSubject:
    """What an evaluation is about, by reference (so the model needs no agreement objects).

    Attributes:
        program_code: The program's code, e.g. ``"SOC-LED"``.
        cohort: The cohort's name (grupp, kohort), e.g. ``"2026:1"``.
        call_off_reference: The call-off's reference (the buyer's diarienummer), if known.
        unit: The ordering unit's name (beställande förvaltning), if known.

    Examples:
        >>> EvaluationSubject(program_code="SOC-LED", cohort="2026:1",
        ...                   unit="Socialförvaltningen").unit
        'Socialförvaltningen'
    """

    program_code: str
    cohort: str
    call_off_reference: str | None = None
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("program_code", self.program_code)
        checks.text("cohort", self.cohort)
        if self.call_off_reference is not None:
            checks.text("call_off_reference", self.call_off_reference)
        if self.unit is not None:
            checks.text("unit", self.unit)
        checks.done()


def _describe_scale(scale: Scale) -> str:
    low, high = scale.minimum, scale.maximum
    return f"an int from {low} to {high} ({scale.anchor(low, 'en')} … {scale.anchor(high, 'en')})"


@attrs.frozen(kw_only=True)
class Evaluation:
    """One survey of one cohort (utvärdering, deltagarenkät).

    Attributes:
        reference: Identifier, unique among the evaluations analysed together.
        subject: The program, cohort, call-off and ordering unit evaluated.
        questions: The questions asked; at least one, unique codes.
        responses: The anonymous responses; may be empty.
        invited: How many participants were asked to answer, at least 1 and at least the
            number of responses.
        collected: The days the survey was open; every response is submitted within them
            (the day counted in Europe/Stockholm).

    Raises:
        ValidationError: Listing every problem, e.g. ``responses[2].answers.Q1`` for an
            answer off its question's scale.

    Examples:
        >>> q1 = Question(code="Q1", text="Programmet var värdefullt för mig",
        ...               scale=Scale.LIKERT_5, level=KirkpatrickLevel.REACTION)
        >>> at = pendulum.datetime(2026, 5, 20, 14, tz="Europe/Stockholm")
        >>> evaluation = Evaluation(
        ...     reference="SOC-LED-2026-1",
        ...     subject=EvaluationSubject(program_code="SOC-LED", cohort="2026:1"),
        ...     questions=(q1,),
        ...     responses=[Response(answers={"Q1": 4}, submitted_at=at),
        ...                Response(answers={"Q1": 5}, submitted_at=at)],
        ...     invited=12,
        ...     collected=DateRange.from_iso("2026-05-18", "2026-05-29"))
        >>> evaluation.respondents, evaluation.response_rate
        (2, Decimal('0.1666666666666666666666666667'))
        >>> Evaluation(reference="X", subject=evaluation.subject, questions=(q1,),
        ...            responses=(Response(answers={"Q1": 6}, submitted_at=at),),
        ...            invited=1, collected=evaluation.collected)
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: responses[0].answers.Q1: must be an int ...
    """

    reference: str
    subject: EvaluationSubject
    questions: tuple[Question, ...] = attrs.field(converter=_questions)
    responses: tuple[Response, ...] = attrs.field(converter=_responses)
    invited: int
    collected: DateRange

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("reference", self.reference)
        checks.instance("subject", self.subject, EvaluationSubject, "an EvaluationSubject")
        questions = checks.items("questions", self.questions, Question, "Question objects")
        if isinstance(self.questions, tuple) and not self.questions:
            checks.add(
                "questions",
                self.questions,
                "must hold at least one question",
                ProblemCode.EMPTY_LIST,
            )
        checks.unique("questions", (q.code for q in questions), "question code")
        responses = checks.items("responses", self.responses, Response, "Response objects")
        if checks.integer("invited", self.invited, minimum=1) and self.invited < len(responses):
            checks.add(
                "invited",
                self.invited,
                f"must be at least the number of responses ({len(responses)})",
                ProblemCode.INVITED_BELOW_RESPONSES,
                given=self.invited,
                count=len(responses),
            )
        period_ok = checks.instance("collected", self.collected, DateRange, "a DateRange")
        scales = {q.code: q.scale for q in questions}
        known = ", ".join(scales)
        for index, response in enumerate(
            self.responses if isinstance(self.responses, tuple) else ()
        ):
            if not isinstance(response, Response):
                continue
            for code, answer in response.answers.items():
                path = join_path(f"responses[{index}].answers", key_path(code))
                if code not in scales:
                    checks.add(
                        path,
                        answer,
                        f"is not a question of this evaluation ({known})",
                        ProblemCode.NOT_A_QUESTION,
                        given=code,
                    )
                elif answer is not None and answer not in scales[code].values:
                    checks.add(
                        path,
                        answer,
                        f"must be {_describe_scale(scales[code])} or None",
                        ProblemCode.OUT_OF_RANGE,
                        given=answer,
                        least=scales[code].minimum,
                        most=scales[code].maximum,
                    )
            if period_ok:
                day = response.submitted_at.in_tz(STOCKHOLM).date()
                if day not in self.collected:
                    checks.add(
                        f"responses[{index}].submitted_at",
                        response.submitted_at.isoformat(),
                        f"must fall within the collection period {self.collected}",
                        ProblemCode.OUTSIDE_PERIOD,
                        day=day,
                        period=self.collected,
                    )
        checks.done()

    @property
    def respondents(self) -> int:
        """The number of responses."""
        return len(self.responses)

    @property
    def response_rate(self) -> Decimal:
        """Responses per invited participant, 0 to 1 (svarsfrekvens)."""
        return CONTEXT.divide(Decimal(self.respondents), Decimal(self.invited))

    def question(self, code: str) -> Question:
        """The question with *code*.

        Raises:
            NotFoundError: If there is no such question (path ``code``; the message lists
                the codes). It is a ValidationError and a KeyError.
        """
        for question in self.questions:
            if question.code == code:
                return question
        codes = ", ".join(q.code for q in self.questions)
        raise NotFoundError.single(
            "code", code, f"is not a question of evaluation {self.reference!r} (codes: {codes})"
        )


@attrs.frozen(kw_only=True)
class FollowUpMeeting:
    """A follow-up meeting with an ordering unit (uppföljningsmöte).

    The buyer's representatives rate the deliveries on a few aspects; unlike participant
    responses these ratings are not anonymous, so no minimum group size applies.

    Attributes:
        date: The day of the meeting; a plain :class:`datetime.date` is converted.
        unit: The ordering unit's name, e.g. ``"Socialförvaltningen"``.
        ratings: Aspect (e.g. ``"Leveransens kvalitet"``) to rating on *scale*; stored as a
            read-only mapping.
        notes: What was agreed or remarked, one item each.
        scale: The scale of the ratings, 1–5 by default.

    Examples:
        >>> meeting = FollowUpMeeting(
        ...     date=pendulum.date(2026, 6, 10), unit="Socialförvaltningen",
        ...     ratings={"Leveransens kvalitet": 5, "Bemötande": 4},
        ...     notes=["Fler digitala träffar under hösten"])
        >>> meeting.mean_rating
        Decimal('4.5')
    """

    date: pendulum.Date = attrs.field(converter=as_date)
    unit: str
    ratings: Mapping[str, int] = attrs.field(converter=_ratings, repr=mapping_repr, hash=False)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    scale: Scale = Scale.LIKERT_5

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, pendulum.Date):
            checks.add(
                "date",
                self.date,
                "must be a pendulum.Date, e.g. pendulum.date(2026, 6, 10)",
                ProblemCode.MUST_BE,
                expected=Expected.DATE,
            )
        checks.text("unit", self.unit)
        scale_ok = checks.member("scale", self.scale, Scale)
        if isinstance(self.ratings, Mapping):
            for aspect, rating in self.ratings.items():
                path = join_path("ratings", key_path(aspect))
                if (
                    checks.text(path, aspect)
                    and checks.integer(path, rating)
                    and scale_ok
                    and rating not in self.scale.values
                ):
                    checks.add(
                        path,
                        rating,
                        f"must be {_describe_scale(self.scale)}",
                        ProblemCode.OUT_OF_RANGE,
                        given=rating,
                        least=self.scale.minimum,
                        most=self.scale.maximum,
                    )
        else:
            checks.add(
                "ratings",
                self.ratings,
                "must be a mapping of aspect to rating",
                ProblemCode.WRONG_TYPE,
            )
        if isinstance(self.notes, tuple):
            for index, note in enumerate(self.notes):
                checks.text(f"notes[{index}]", note)
        else:
            checks.add(
                "notes",
                self.notes,
                "must be a list of strings",
                ProblemCode.MUST_BE,
                expected=Expected.TEXTS,
            )
        checks.done()

    @property
    def mean_rating(self) -> Decimal | None:
        """The mean of the ratings, exact to 28 digits, or ``None`` when there are none."""
        if not self.ratings:
            return None
        return CONTEXT.divide(Decimal(sum(self.ratings.values())), Decimal(len(self.ratings)))
