"""The bundled example evaluations: fixed, valid, two years, some cohorts too small to show."""

import datetime as dt

import cattrs
import pendulum

from ledarutveckling import Dimension, Evaluation, FollowUpMeeting, breakdown, examples
from ledarutveckling.examples import (
    stockholm_evaluations,
    stockholm_follow_up_meetings,
)


def test_the_example_is_the_same_on_every_call() -> None:
    assert stockholm_evaluations() == stockholm_evaluations()
    assert stockholm_follow_up_meetings() == stockholm_follow_up_meetings()


def test_the_example_is_one_program_over_two_years() -> None:
    evaluations = stockholm_evaluations()
    assert {e.subject.program_code for e in evaluations} == {"SOC-LED"}
    assert sorted({e.collected.end.year for e in evaluations}) == [2025, 2026]
    assert len({e.subject.cohort for e in evaluations}) == 5


def test_some_cohorts_are_too_small_to_show() -> None:
    report = breakdown(stockholm_evaluations(), by=Dimension.COHORT)
    hidden = [g.key for g in report.groups if not g.shown]
    assert hidden == ["2025:2", "2026:3"]
    assert [e.respondents for e in stockholm_evaluations() if e.respondents < 5] == [4, 3]


def test_the_example_shows_complementary_suppression_by_unit() -> None:
    report = breakdown(stockholm_evaluations(), by=Dimension.UNIT)
    assert [g.note() for g in report.groups] == [
        "för få svar (n < 5)",
        "dold för att skydda en annan grupp",
        None,
    ]


def test_the_example_module_is_documented() -> None:
    assert examples.__doc__
    assert {"stockholm_evaluations", "stockholm_follow_up_meetings"} <= set(examples.__all__)
    assert all(getattr(examples, name).__doc__ for name in examples.__all__)


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(pendulum.DateTime, lambda moment: moment.isoformat())
    converter.register_structure_hook(
        pendulum.DateTime, lambda text, _: pendulum.instance(dt.datetime.fromisoformat(text))
    )
    converter.register_unstructure_hook(pendulum.Date, lambda day: day.isoformat())
    converter.register_structure_hook(
        pendulum.Date, lambda text, _: pendulum.Date.fromisoformat(text)
    )
    return converter


def test_evaluations_are_plain_attrs_classes_a_generic_converter_round_trips() -> None:
    """Not the library's serializer (issue 4): a guard that the model stays easy to serialize."""
    converter = _converter()
    for evaluation in stockholm_evaluations():
        raw = converter.unstructure(evaluation)
        assert isinstance(raw["responses"][0]["answers"], dict)
        assert converter.structure(raw, Evaluation) == evaluation
    for meeting in stockholm_follow_up_meetings():
        assert converter.structure(converter.unstructure(meeting), FollowUpMeeting) == meeting
