"""The evaluation model: scales, questions, anonymous responses, evaluations, follow-ups."""

import datetime as dt
import pickle
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import (
    DateRange,
    Evaluation,
    EvaluationSubject,
    FollowUpMeeting,
    KirkpatrickLevel,
    NotFoundError,
    Question,
    Response,
    Scale,
    ValidationError,
)

AT = pendulum.datetime(2026, 5, 20, 14, tz="Europe/Stockholm")
PERIOD = DateRange.from_iso("2026-05-18", "2026-05-29")
SUBJECT = EvaluationSubject(program_code="SOC-LED", cohort="2026:1")
Q1 = Question(code="Q1", text="Värdefullt", scale=Scale.LIKERT_5, level=KirkpatrickLevel.REACTION)
Q2 = Question(code="Q2", text="Rekommendera", scale=Scale.NPS, level=KirkpatrickLevel.REACTION)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(p) for p in error.value.problems]


def evaluation(**changes: Any) -> Evaluation:
    fields: dict[str, Any] = {
        "reference": "E1",
        "subject": SUBJECT,
        "questions": (Q1, Q2),
        "responses": (Response(answers={"Q1": 4, "Q2": 9}, submitted_at=AT),),
        "invited": 10,
        "collected": PERIOD,
    }
    fields.update(changes)
    return Evaluation(**fields)


# -- scales and levels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scale", "values", "top"),
    [
        (Scale.LIKERT_5, (1, 2, 3, 4, 5), (4, 5)),
        (Scale.LIKERT_7, (1, 2, 3, 4, 5, 6, 7), (6, 7)),
        (Scale.NPS, tuple(range(11)), (9, 10)),
    ],
)
def test_scales_have_their_values_and_top_two_box(
    scale: Scale, values: tuple[int, ...], top: tuple[int, int]
) -> None:
    assert scale.values == values
    assert scale.top_two_box == top


def test_likert_anchors_are_swedish_by_default() -> None:
    assert [Scale.LIKERT_5.anchor(v) for v in Scale.LIKERT_5.values] == [
        "Instämmer inte alls",
        "Instämmer i liten grad",
        "Instämmer delvis",
        "Instämmer i stor grad",
        "Instämmer helt",
    ]
    assert Scale.LIKERT_7.anchor(1) == "Instämmer inte alls"
    assert Scale.LIKERT_7.anchor(7) == "Instämmer helt"
    assert Scale.LIKERT_7.anchor(2) is None


def test_anchors_and_labels_have_english_versions() -> None:
    assert Scale.LIKERT_5.anchor(1, "en_GB") == "Do not agree at all"
    assert Scale.NPS.anchor(10, "en_GB") == "Extremely likely"
    assert Scale.NPS.label() == "rekommendationsfråga 0–10 (NPS)"
    assert Scale.LIKERT_5.label("en_GB") == "agreement scale 1–5"


def test_kirkpatrick_levels_are_numbered_one_to_four_with_labels() -> None:
    assert [int(level) for level in KirkpatrickLevel] == [1, 2, 3, 4]
    assert [level.label() for level in KirkpatrickLevel] == [
        "reaktion",
        "lärande",
        "beteende",
        "resultat",
    ]
    assert KirkpatrickLevel.RESULTS.label("en_GB") == "results"


# -- questions -----------------------------------------------------------------------------


def test_a_question_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as error:
        Question(code="", text=" x", scale="likert", level=5)  # type: ignore[arg-type]
    assert problems(error) == [
        "code: must not be empty, got ''",
        "text: must not start or end with whitespace, got ' x'",
        "scale: must be a Scale ('likert_5', 'likert_7', 'nps'), got 'likert'",
        "level: must be a KirkpatrickLevel (1, 2, 3, 4), got 5",
    ]


# -- responses -----------------------------------------------------------------------------


def test_a_response_has_no_field_that_could_identify_a_participant() -> None:
    names = {field.name for field in attrs.fields(Response)}
    assert names == {"answers", "comment", "submitted_at"}


def test_a_response_copies_its_answers_into_a_read_only_mapping() -> None:
    given = {"Q1": 4}
    response = Response(answers=given, submitted_at=AT)
    given["Q1"] = 1
    assert response.answers == {"Q1": 4}
    with pytest.raises(TypeError):
        response.answers["Q1"] = 2  # type: ignore[index]


def test_responses_compare_and_hash_by_value() -> None:
    first = Response(answers={"Q1": 4}, submitted_at=AT)
    second = Response(answers={"Q1": 4}, submitted_at=AT)
    assert first == second
    assert hash(first) == hash(second)
    assert first != Response(answers={"Q1": 5}, submitted_at=AT)


def test_an_aware_stdlib_datetime_becomes_a_pendulum_datetime() -> None:
    moment = dt.datetime(2026, 5, 20, 12, tzinfo=dt.UTC)
    response = Response(answers={"Q1": 4}, submitted_at=moment)
    assert isinstance(response.submitted_at, pendulum.DateTime)
    assert response.submitted_at == moment


def test_a_response_refuses_naive_times_and_non_integer_answers() -> None:
    with pytest.raises(ValidationError) as error:
        Response(
            answers={"Q1": 4.5, "Q2": True, "": 3},  # type: ignore[dict-item]
            comment="",
            submitted_at=dt.datetime(2026, 5, 20, 12),
        )
    assert problems(error) == [
        "answers.Q1: must be a whole number (int), got 4.5",
        "answers.Q2: must be a whole number (int), got True",
        "answers[\"\"]: must not be empty, got ''",
        "comment: must not be empty, got ''",
        "submitted_at: must be an aware datetime, e.g. pendulum.datetime(..., "
        "tz='Europe/Stockholm'), got datetime.datetime(2026, 5, 20, 12, 0)",
    ]


def test_answers_must_be_a_mapping() -> None:
    with pytest.raises(ValidationError) as error:
        Response(answers=[4], submitted_at=AT)  # type: ignore[arg-type]
    assert problems(error) == ["answers: must be a mapping of question code to answer, got [4]"]


def test_an_empty_response_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Response(answers={"Q1": None}, submitted_at=AT)
    assert problems(error) == [
        "answers: must hold an answer or come with a comment, got {'Q1': None}"
    ]


def test_a_response_with_only_a_comment_is_kept() -> None:
    response = Response(answers={}, comment="Bra!", submitted_at=AT)
    assert response.given == {}


# -- subjects ------------------------------------------------------------------------------


def test_a_subject_refers_to_the_other_objects_by_reference() -> None:
    subject = EvaluationSubject(
        program_code="SOC-LED",
        cohort="2026:1",
        call_off_reference="SOF 2024/1187",
        unit="Socialförvaltningen",
    )
    assert subject.call_off_reference == "SOF 2024/1187"


def test_a_subject_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as error:
        EvaluationSubject(program_code="", cohort=1, call_off_reference=" ", unit="")  # type: ignore[arg-type]
    assert problems(error) == [
        "program_code: must not be empty, got ''",
        "cohort: must be text, got 1",
        "call_off_reference: must not be empty, got ' '",
        "unit: must not be empty, got ''",
    ]


# -- evaluations ---------------------------------------------------------------------------


def test_a_valid_evaluation_knows_its_response_rate() -> None:
    valid = evaluation(responses=[Response(answers={"Q1": 4}, submitted_at=AT)] * 4)
    assert valid.respondents == 4
    assert valid.response_rate == Decimal("0.4")
    assert isinstance(valid.responses, tuple)
    assert valid.question("Q2") is Q2


def test_asking_for_a_missing_question_lists_the_questions() -> None:
    with pytest.raises(NotFoundError) as error:
        evaluation().question("Q9")
    assert isinstance(error.value, KeyError)
    assert problems(error) == [
        "code: is not a question of evaluation 'E1' (codes: Q1, Q2), got 'Q9'"
    ]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            {"Q1": 0},
            "responses[0].answers.Q1: must be an int from 1 to 5 "
            "(Do not agree at all … Fully agree) or None, got 0",
        ),
        (
            {"Q1": 6},
            "responses[0].answers.Q1: must be an int from 1 to 5 "
            "(Do not agree at all … Fully agree) or None, got 6",
        ),
        (
            {"Q2": 11},
            "responses[0].answers.Q2: must be an int from 0 to 10 "
            "(Not at all likely … Extremely likely) or None, got 11",
        ),
        (
            {"Q2": -1},
            "responses[0].answers.Q2: must be an int from 0 to 10 "
            "(Not at all likely … Extremely likely) or None, got -1",
        ),
        (
            {"Q3": 3},
            "responses[0].answers.Q3: is not a question of this evaluation (Q1, Q2), got 3",
        ),
    ],
)
def test_an_answer_off_its_questions_scale_is_refused(
    answers: dict[str, int], message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        evaluation(responses=(Response(answers=answers, submitted_at=AT),))
    assert problems(error) == [message]


@pytest.mark.parametrize(("q1", "q2"), [(1, 0), (5, 10), (3, None)])
def test_answers_at_the_ends_of_the_scales_are_accepted(q1: int, q2: int | None) -> None:
    evaluation(responses=(Response(answers={"Q1": q1, "Q2": q2}, submitted_at=AT),))


def test_a_seven_point_scale_accepts_seven() -> None:
    q = Question(code="Q1", text="T", scale=Scale.LIKERT_7, level=KirkpatrickLevel.LEARNING)
    evaluation(questions=(q,), responses=(Response(answers={"Q1": 7}, submitted_at=AT),))


def test_a_response_must_fall_within_the_collection_period_in_stockholm() -> None:
    # 23:30 UTC on 29 May is 01:30 on 30 May in Stockholm: one day too late.
    late = pendulum.datetime(2026, 5, 29, 23, 30, tz="UTC")
    with pytest.raises(ValidationError) as error:
        evaluation(responses=(Response(answers={"Q1": 4}, submitted_at=late),))
    assert problems(error) == [
        "responses[0].submitted_at: must fall within the collection period "
        "2026-05-18/2026-05-29, got '2026-05-29T23:30:00+00:00'"
    ]


def test_an_evaluation_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as error:
        Evaluation(
            reference="",
            subject="SOC-LED",  # type: ignore[arg-type]
            questions=(Q1, Q1, "Q3"),  # type: ignore[arg-type]
            responses=(Response(answers={"Q1": 4}, submitted_at=AT), "x"),  # type: ignore[arg-type]
            invited=0,
            collected="2026-05",  # type: ignore[arg-type]
        )
    assert problems(error) == [
        "reference: must not be empty, got ''",
        "subject: must be an EvaluationSubject, got 'SOC-LED'",
        "questions[2]: must be Question objects, got 'Q3'",
        "questions[1]: duplicate question code; each must be unique, got 'Q1'",
        "responses[1]: must be Response objects, got 'x'",
        "invited: must be at least 1, got 0",
        "collected: must be a DateRange, got '2026-05'",
    ]


def test_an_evaluation_needs_a_question() -> None:
    with pytest.raises(ValidationError) as error:
        evaluation(questions=(), responses=())
    assert problems(error) == ["questions: must hold at least one question, got ()"]


def test_questions_and_responses_must_be_lists() -> None:
    with pytest.raises(ValidationError) as error:
        evaluation(questions=Q1, responses=None)
    assert problems(error) == [
        f"questions: must be a list of Question objects, got {Q1!r}",
        "responses: must be a list of Response objects, got None",
    ]


def test_more_responses_than_invited_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        evaluation(responses=[Response(answers={"Q1": 4}, submitted_at=AT)] * 3, invited=2)
    assert problems(error) == ["invited: must be at least the number of responses (3), got 2"]


# -- follow-up meetings --------------------------------------------------------------------


def test_a_follow_up_meeting_keeps_its_ratings_and_notes() -> None:
    meeting = FollowUpMeeting(
        date=pendulum.date(2026, 6, 10),
        unit="Socialförvaltningen",
        ratings={"Kvalitet": 5, "Bemötande": 4},
        notes=["Fler digitala träffar"],
    )
    assert meeting.notes == ("Fler digitala träffar",)
    assert meeting.mean_rating == Decimal("4.5")
    assert hash(meeting) == hash(attrs.evolve(meeting))


def test_a_follow_up_meeting_takes_a_plain_stdlib_date_like_the_other_models() -> None:
    meeting = FollowUpMeeting(date=dt.date(2026, 6, 10), unit="Stadsarkivet", ratings={"A": 4})
    assert meeting.date == pendulum.date(2026, 6, 10)
    assert type(meeting.date) is pendulum.Date


def test_evaluations_and_follow_up_meetings_survive_pickling() -> None:
    meeting = FollowUpMeeting(
        date=pendulum.date(2026, 6, 10), unit="Stadsarkivet", ratings={"Kvalitet": 5}
    )
    for value in (evaluation(), meeting):
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value
        assert hash(copy) == hash(value)


def test_a_follow_up_meeting_without_ratings_has_no_mean() -> None:
    meeting = FollowUpMeeting(date=pendulum.date(2026, 6, 10), unit="Stadsarkivet", ratings={})
    assert meeting.mean_rating is None


def test_follow_up_ratings_are_checked_against_the_scale() -> None:
    with pytest.raises(ValidationError) as error:
        FollowUpMeeting(
            date=pendulum.date(2026, 6, 10),
            unit="Stadsarkivet",
            ratings={"Kvalitet": 8, "Bemötande": 7},
            scale=Scale.LIKERT_7,
        )
    assert problems(error) == [
        "ratings.Kvalitet: must be an int from 1 to 7 (Do not agree at all … Fully agree), got 8"
    ]


def test_a_follow_up_meeting_reports_every_bad_field() -> None:
    with pytest.raises(ValidationError) as error:
        FollowUpMeeting(
            date=pendulum.datetime(2026, 6, 10),  # a moment, not a day
            unit="",
            ratings={"Kvalitet": "5"},  # type: ignore[dict-item]
            notes=("",),
            scale="five",  # type: ignore[arg-type]
        )
    assert problems(error) == [
        "date: must be a pendulum.Date, e.g. pendulum.date(2026, 6, 10), "
        "got DateTime(2026, 6, 10, 0, 0, 0, tzinfo=Timezone('UTC'))",
        "unit: must not be empty, got ''",
        "scale: must be a Scale ('likert_5', 'likert_7', 'nps'), got 'five'",
        "ratings.Kvalitet: must be a whole number (int), got '5'",
        "notes[0]: must not be empty, got ''",
    ]


def test_follow_up_ratings_and_notes_must_have_the_right_shape() -> None:
    with pytest.raises(ValidationError) as error:
        FollowUpMeeting(
            date=pendulum.date(2026, 6, 10),
            unit="Stadsarkivet",
            ratings=[5],  # type: ignore[arg-type]
            notes="en anteckning",
        )
    assert problems(error) == [
        "ratings: must be a mapping of aspect to rating, got [5]",
        "notes: must be a list of strings, got 'en anteckning'",
    ]
