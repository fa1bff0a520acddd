"""Hypothesis strategies for evaluations (private; public in ledarutveckling.testing)."""

from __future__ import annotations

import pendulum
from hypothesis import strategies as st

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.money import Money
from ledarutveckling._evaluation.roi import ReturnOnInvestment
from ledarutveckling._evaluation.survey import (
    Evaluation,
    EvaluationSubject,
    FollowUpMeeting,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)
from ledarutveckling._examples.evaluations import QUESTIONS
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._testing.strategies_values import DEFAULT_PERIOD, _amount, _day

__all__ = ["evaluations", "follow_up_meetings", "questions", "returns_on_investment"]


_QUESTIONS = (
    *(
        (text, None if scale is Scale.NPS else KirkpatrickLevel(level))
        for _, text, scale, level in QUESTIONS
    ),
    ("Min arbetsgrupp fungerar bättre än före programmet", KirkpatrickLevel.RESULTS),
)
"""Question texts and their usual level (``None``: NPS): the example's, and one more."""


_COMMENTS = ("Bra övningar.", "Mer tid för reflektion.", "Värdefullt att träffa andra chefer.")


_ASPECTS = ("Leveransens kvalitet", "Bemötande", "Följsamhet mot avropet", "Tillgänglighet")


_NOTES = ("Fler digitala träffar under hösten", "Nästa grupp startar i vecka 36")


def _question(
    draw: st.DrawFn, code: str, scale: Scale | None, level: KirkpatrickLevel | None
) -> Question:
    text, usual = draw(st.sampled_from(_QUESTIONS))
    chosen = scale or (Scale.NPS if usual is None else draw(st.sampled_from(Scale)))
    return Question(
        code=code,
        text=text,
        scale=chosen,
        level=level or usual or KirkpatrickLevel.REACTION,
    )


def questions(
    *, scale: Scale | None = None, level: KirkpatrickLevel | None = None
) -> st.SearchStrategy[Question]:
    """Survey questions in Swedish, on a Likert or the NPS scale, at a Kirkpatrick level.

    Args:
        scale: Only questions on this scale.
        level: Only questions at this level.

    Examples:
        >>> from hypothesis import find
        >>> find(questions(scale=Scale.NPS), lambda q: True).scale.label()
        'rekommendationsfråga 0–10 (NPS)'
    """
    checks = Checker()
    if scale is not None:
        checks.member("scale", scale, Scale)
    if level is not None:
        checks.member("level", level, KirkpatrickLevel)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Question:
        return _question(draw, f"Q{draw(st.integers(1, 9))}", scale, level)

    return build()


def evaluations(
    *,
    program: Program | None = None,
    call_off: CallOff | None = None,
    scale: Scale | None = None,
    collected: DateRange | None = None,
    max_responses: int = 30,
) -> st.SearchStrategy[Evaluation]:
    """Evaluations of one cohort that the validators accept: answers on their scales, in time.

    One to four questions with unique codes, up to *max_responses* anonymous responses (some
    answers skipped, some comments) submitted within the collection period, and at least as
    many invited as answered.

    Args:
        program: The program evaluated: its code is the subject's (drawn otherwise).
        call_off: The call-off delivered: its reference and unit name are the subject's.
        scale: Every question on this scale.
        collected: The collection period; drawn (one to three weeks in 2020–2035) otherwise.
        max_responses: The most responses, 0 to 500.

    Raises:
        ValidationError: If an argument is wrong.

    Examples:
        >>> from hypothesis import given, settings
        >>> from ledarutveckling.testing import make_call_off
        >>> @settings(max_examples=10)
        ... @given(evaluations(call_off=make_call_off(), scale=Scale.LIKERT_5))
        ... def test_answers_are_on_the_scale(evaluation):
        ...     assert evaluation.subject.unit == "Socialförvaltningen"
        ...     assert all(set(r.given.values()) <= set(range(1, 6))
        ...                for r in evaluation.responses)
        >>> test_answers_are_on_the_scale()
    """
    checks = Checker()
    if program is not None:
        checks.instance("program", program, Program, "a Program or None")
    if call_off is not None:
        checks.instance("call_off", call_off, CallOff, "a CallOff or None")
    if scale is not None:
        checks.member("scale", scale, Scale)
    if collected is not None:
        checks.instance("collected", collected, DateRange, "a DateRange or None")
    checks.integer("max_responses", max_responses, minimum=0, maximum=500)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> Evaluation:
        period = collected
        if period is None:
            start = _day(draw, DEFAULT_PERIOD)
            period = DateRange(start=start, end=start.add(days=draw(st.integers(6, 20))))
        count = draw(st.integers(1, 4))
        asked = tuple(_question(draw, f"Q{i}", scale, None) for i in range(1, count + 1))
        responses = []
        for _ in range(draw(st.integers(0, max_responses))):
            answers = {
                q.code: None
                if draw(st.integers(0, 9)) == 0
                else draw(st.sampled_from(q.scale.values))
                for q in asked
            }
            comment = draw(st.sampled_from((None, None, *_COMMENTS)))
            if comment is None and all(a is None for a in answers.values()):
                comment = _COMMENTS[0]
            day = period.start.add(days=draw(st.integers(0, period.days - 1)))
            moment = pendulum.datetime(
                day.year, day.month, day.day, draw(st.integers(7, 22)), tz="Europe/Stockholm"
            )
            responses.append(Response(answers=answers, comment=comment, submitted_at=moment))
        if program is not None:
            code = program.code
        else:
            code = draw(st.sampled_from(["FOR-LED", "SOC-LED", "LGA", "SVS", "AMS"]))
        cohort = f"{period.start.year}:{draw(st.integers(1, 4))}"
        subject = EvaluationSubject(
            program_code=code,
            cohort=cohort,
            call_off_reference=None if call_off is None else call_off.reference,
            unit=None if call_off is None else call_off.unit.name,
        )
        return Evaluation(
            reference=f"{code}-{cohort.replace(':', '-')}",
            subject=subject,
            questions=asked,
            responses=tuple(responses),
            invited=len(responses) + draw(st.integers(0 if responses else 1, 10)),
            collected=period,
        )

    return build()


def follow_up_meetings(*, unit: str | None = None) -> st.SearchStrategy[FollowUpMeeting]:
    """Follow-up meetings with an ordering unit, rating two to four aspects.

    Args:
        unit: The unit's name; Socialförvaltningen or another unit of the city otherwise.

    Examples:
        >>> from hypothesis import find
        >>> find(follow_up_meetings(unit="Stadsarkivet"), lambda m: True).unit
        'Stadsarkivet'
    """
    checks = Checker()
    if unit is not None:
        checks.text("unit", unit)
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> FollowUpMeeting:
        scale = draw(st.sampled_from([Scale.LIKERT_5, Scale.LIKERT_7]))
        aspects = draw(st.lists(st.sampled_from(_ASPECTS), min_size=2, max_size=4, unique=True))
        return FollowUpMeeting(
            date=_day(draw, DEFAULT_PERIOD),
            unit=unit or draw(st.sampled_from(["Socialförvaltningen", "Stadsarkivet"])),
            ratings={aspect: draw(st.sampled_from(scale.values)) for aspect in aspects},
            notes=tuple(draw(st.lists(st.sampled_from(_NOTES), max_size=2, unique=True))),
            scale=scale,
        )

    return build()


def returns_on_investment(*, currency: str = "SEK") -> st.SearchStrategy[ReturnOnInvestment]:
    """Returns on investment (Phillips' level 5): benefits 0–5 million, costs 10 000–2 million.

    Args:
        currency: The currency of both amounts.

    Examples:
        >>> from hypothesis import find
        >>> find(returns_on_investment(), lambda r: True).costs
        Money(amount=Decimal('10000.00'), currency='SEK')
    """
    checks = Checker()
    checks.run("", lambda: Money.zero(currency))
    checks.done()

    @st.composite
    def build(draw: st.DrawFn) -> ReturnOnInvestment:
        return ReturnOnInvestment(
            benefits=_amount(draw, 0, 5_000_000, currency),
            costs=_amount(draw, 10_000, 2_000_000, currency),
        )

    return build()
