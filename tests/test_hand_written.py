"""Documents a Swedish user wrote by hand from the docs alone, and what broke on them."""

from __future__ import annotations

import pendulum
import pytest

from ledarutveckling import Evaluation, Response, ValidationError
from ledarutveckling.serialization import from_json, from_toml, to_json, to_toml

SUBMITTED = pendulum.datetime(2027, 3, 2, 16, 5, tz="Europe/Stockholm")

EVALUATION = '''\
document = "evaluation"
schema_version = 1
reference = "INTRO-ÖG 2027:1"
invited = 14
collected = { start = 2027-03-02, end = 2027-03-16 }
subject = { program_code = "INTRO-ÖG", cohort = "Grupp Ö1", unit = "Äldreförvaltningen" }

[[questions]]
code = "F1"
text = "Introduktionen har gett mig en bra start som chef"
scale = "likert_5"
level = 1

[[responses]]
submitted_at = "2027-03-02T16:05:00+01:00[Europe/Stockholm]"
answers = { F1 = 5 }
comment = """Bra! Men "LAS"-passet var för kort.
Mer tid nästa gång:
\t– arbetsrätt
\t– MBL"""
'''


def test_a_survey_comment_may_run_over_several_lines() -> None:
    evaluation = from_toml(Evaluation, EVALUATION)
    comment = evaluation.responses[0].comment
    assert comment == (
        'Bra! Men "LAS"-passet var för kort.\nMer tid nästa gång:\n\t– arbetsrätt\n\t– MBL'
    )
    assert from_toml(Evaluation, to_toml(evaluation)) == evaluation
    assert from_json(Evaluation, to_json(evaluation)) == evaluation


def test_a_survey_comment_exported_on_windows_keeps_its_line_breaks() -> None:
    response = from_json(
        Response,
        '{"answers": {"F1": 4}, "comment": "Rad ett\\r\\nRad två",'
        ' "submitted_at": "2027-03-02T16:05:00+01:00[Europe/Stockholm]"}',
    )
    assert response.comment == "Rad ett\r\nRad två"


@pytest.mark.parametrize("character", ["\x1b", "\x0b", "\x85", "\x00"])
def test_a_survey_comment_still_refuses_other_control_characters(character: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Response(answers={"F1": 4}, comment=f"Rad{character}ett", submitted_at=SUBMITTED)
    code = f"U+{ord(character):04X}"
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "comment",
            f"holds the control character {code} at index 3; "
            "control characters allowed here: tabs and line breaks",
        )
    ]


def test_a_name_still_refuses_a_line_break() -> None:
    with pytest.raises(ValidationError) as caught:
        from_toml(Evaluation, EVALUATION.replace('cohort = "Grupp Ö1"', 'cohort = "Grupp\\nÖ1"'))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "subject.cohort",
            "holds the control character U+000A at index 5; control characters allowed here: none",
        )
    ]
