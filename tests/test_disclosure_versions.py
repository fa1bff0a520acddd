"""The respondent counts an audience's record keeps (late answers), and what a refusal carries."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

from ledarutveckling import Audience, EvaluationSet, ValidationError
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.disclosure_words import Publications
from ledarutveckling._evaluation.figures import Publication
from ledarutveckling._evaluation.late_answers import Disagreement
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import to_json
from tests.test_anonymity_attacks_h11 import LATE_A, LATE_B, _late


def test_a_refusals_reasons_survive_a_pickle_and_a_copy() -> None:
    reason = Disagreement("fewer", {"reference": "B", "recorded": 5, "now": 4})
    names = Publications(("breakdown by cohort", "mars"))
    for value in (reason, names):
        for again in (pickle.loads(pickle.dumps(value)), copy.deepcopy(value)):
            assert type(again) is type(value)
            assert again == value
            assert again.label() == value.label()
            assert again.label("en_GB") == value.label("en_GB")
    assert pickle.loads(pickle.dumps(names)).label() == "uppdelningen per kohort; mars"


def test_a_record_disagreeing_refusal_survives_a_pickle() -> None:
    hr = EvaluationSet(evaluations=[LATE_A, LATE_B], audience="HR")
    hr.summarise([_late(LATE_B, {"Q1": 1, "NPS": 0})])
    with pytest.raises(ValidationError) as caught:
        hr.summarise([LATE_B])
    again = pickle.loads(pickle.dumps(caught.value))
    [problem] = again.problems
    assert problem.code is ProblemCode.AUDIENCE_RECORD_DISAGREES
    assert format_problem(problem) == (
        "publiceringen för HR kan inte granskas: det som visats stämmer inte längre med "
        "utvärderingarna (B hade 5 svarande när den senast visades, men har nu 4); inget visas"
    )
    # In a notebook, the error reads as the command line's text: one language, no repr.
    assert str(caught.value) == (
        "audience: publiceringen för HR kan inte granskas: det som visats stämmer inte längre "
        "med utvärderingarna (B hade 5 svarande när den senast visades, men har nu 4); inget "
        "visas"
    )
    assert problem.params["audience"] == "HR"


def test_respondents_are_kept_as_sorted_pairs_from_a_mapping() -> None:
    publication = Publication(label="x", figures=(), respondents={"B": 4, "A": 9})
    assert publication.respondents == (("A", 9), ("B", 4))
    # No counts, no key: a record written without them reads as before.
    uncounted = Audience(name="HR").published(Publication(label="x", figures=()))
    assert "respondents" not in to_json(uncounted)


def test_bad_respondent_counts_are_named_every_one_at_once() -> None:
    bad = Publication(
        label="x",
        figures=(),
        respondents=(("A", 3), ("A", 4), ("", -1), ("C",), 7),
    )
    with pytest.raises(ValidationError) as caught:
        Audience(name="HR", publications=(bad,))
    assert [(p.path, p.value, p.code) for p in caught.value.problems] == [
        ("publications[0].respondents[2][0]", "", ProblemCode.EMPTY_TEXT),
        ("publications[0].respondents[2][1]", -1, ProblemCode.TOO_SMALL),
        ("publications[0].respondents[3]", ("C",), ProblemCode.WRONG_TYPE),
        ("publications[0].respondents[4]", 7, ProblemCode.WRONG_TYPE),
        ("publications[0].respondents[1]", "A", ProblemCode.DUPLICATE),
    ]
    with pytest.raises(ValidationError) as caught:
        Audience(
            name="HR",
            publications=(Publication(label="x", figures=(), respondents="AB"),),
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("publications[0].respondents", ProblemCode.NOT_A_LIST)
    ]


def test_figures_audited_without_counts_are_read_at_the_latest_version() -> None:
    hr = EvaluationSet(evaluations=[LATE_A, LATE_B], audience="HR")
    hr.summarise()
    late_b = _late(LATE_B, {"Q1": 1, "NPS": 0})
    hr.summarise([late_b])
    record = hr.audience
    assert [p.respondents for p in record.publications] == [
        (("A", 9), ("B", 4)),
        (("B", 5),),
    ]
    # The last publication's figures again, without counts: B as it is now (5), kept so.
    figures = record.publications[-1].figures
    _, again = record.audit("again", figures)
    assert again.publications[-1].respondents == (("B", 5),)


def test_a_records_category_counts_are_checked_not_read_blindly() -> None:
    from ledarutveckling import Dimension, breakdown
    from tests.test_anonymity_attacks_h11 import UNANIMOUS

    _, record = breakdown(UNANIMOUS, by=Dimension.COHORT, audience=Audience(name="HR"))
    [publication] = record.publications
    shown = publication.figures[13]  # D's Q1: 5 of 10 in the top two, the distribution
    assert (shown.measure, shown.group) == ("Q1", ("D",))
    assert shown.categories == ("top2:5-5", "1:0-0", "2:5-5", "3:0-0", "4:5-5", "5:0-0")
    figures = list(publication.figures)
    figures[13] = attrs.evolve(shown, categories=("garbage", "top2:7-5", 3, "4:0-2"))
    figures[14] = attrs.evolve(figures[14], categories="promoters:1-1")  # one, not in a list
    with pytest.raises(ValidationError) as caught:
        Audience(name="HR", publications=(attrs.evolve(publication, figures=figures),))
    assert [(p.path, p.value, p.code) for p in caught.value.problems] == [
        ("publications[0].figures[13].categories[0]", "garbage", ProblemCode.AUDIENCE_CATEGORY),
        ("publications[0].figures[13].categories[1]", "top2:7-5", ProblemCode.AUDIENCE_CATEGORY),
        ("publications[0].figures[13].categories[2]", 3, ProblemCode.AUDIENCE_CATEGORY),
    ]
    assert format_problem(caught.value.problems[0]) == (
        "ska vara en kategori och det minsta och största antalet svar i den, till exempel "
        "”top2:5-7” eller ”3:0-2”"
    )


def test_a_record_saved_before_the_category_counts_still_protects_by_them() -> None:
    # The unit breakdown kept as a record of the last release would have it (no category
    # counts, no respondents); the cohort breakdown after it must still hide the unanimous
    # pair B + C (total less A less D), as it does with a record of today.
    from ledarutveckling import Dimension, breakdown
    from tests.test_anonymity_attacks_h11 import UNANIMOUS

    _, today = breakdown(UNANIMOUS, by=Dimension.UNIT, audience=Audience(name="HR"))
    saved = Audience(
        name="HR",
        publications=tuple(
            attrs.evolve(
                p,
                figures=[attrs.evolve(f, categories=()) for f in p.figures],
                respondents=(),
            )
            for p in today.publications
        ),
    )
    for record in (today, saved):
        by_cohort, _ = breakdown(UNANIMOUS, by=Dimension.COHORT, audience=record)
        shown = [g.question("Q1").format() for g in (by_cohort.total, *by_cohort.groups)]
        assert shown == [
            "3,0 av 5 (n = 26)",
            "dold för att skydda en annan grupp",
            "för få svar (n < 5)",
            "för få svar (n < 5)",
            "3,0 av 5 (n = 10)",
        ]
