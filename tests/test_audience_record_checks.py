"""An audience's record is checked as a whole: a hand-edited record never loads as nonsense.

A figure's group and evaluations are sorted when it is made, so the paths below count in
sorted order (``["A", "A", ""]`` is ``("", "A", "A")``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import Audience, Dimension, Publication, ShownFigure, breakdown
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.examples import stockholm_evaluations
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import from_toml, to_toml


def _record() -> Audience:
    board = Audience(name="styrgruppen")
    _, board = breakdown(stockholm_evaluations(), by=Dimension.COHORT, audience=board)
    return board


def test_a_record_the_library_writes_loads_back_the_same() -> None:
    board = _record()
    assert from_toml(Audience, to_toml(board)) == board


def test_every_problem_of_a_hand_built_record_is_named_at_once() -> None:
    bad = Publication(
        label="",
        figures=[
            ShownFigure(
                measure="",
                group=[],
                evaluations=["A"],  # an empty group is fine (a period without evaluations)
                shown=False,
                count=3,
            ),
            ShownFigure(
                measure="Q1",
                group=["A", "A", ""],
                evaluations=["B"],
                shown="ja",  # type: ignore[arg-type]
                unanimous=1,  # type: ignore[arg-type]
                count=-1,
                invited=True,
                figure=4.3,  # type: ignore[arg-type]
                lowest=5,
                highest=1,
                at_least=7,
                at_most=2,
            ),
            ShownFigure(
                measure="respondents",
                group=["C"],
                evaluations=["C"],
                shown=True,
                count=9,
                invited=4,
            ),
            "figur",
        ],
    )
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", publications=[bad])
    assert str(raised.value).splitlines() == [
        "publications[0].label: must not be empty, got ''",
        "publications[0].figures[0].measure: must not be empty, got ''",
        "publications[0].figures[0].evaluations[0]: must be one of the group's evaluations "
        "(group), got 'A'",
        "publications[0].figures[0].count: must be left out: the figure is hidden (shown is "
        "false), so no count was shown, got 3",
        "publications[0].figures[1].group[0]: must be an evaluation's reference (non-empty "
        "text), got ''",
        "publications[0].figures[1].group[2]: duplicate reference; each must be unique, got 'A'",
        "publications[0].figures[1].evaluations[0]: must be one of the group's evaluations "
        "(group), got 'B'",
        "publications[0].figures[1].shown: must be true or false, got 'ja'",
        "publications[0].figures[1].unanimous: must be true or false, got 1",
        "publications[0].figures[1].count: must be at least 0, got -1",
        "publications[0].figures[1].invited: must be a whole number (int), got True",
        "publications[0].figures[1].figure: must be text, got 4.3",
        "publications[0].figures[1].at_least: must be at most at_most (2), got 7",
        "publications[0].figures[1].lowest: must be at most highest (1), got 5",
        "publications[0].figures[2].count: must be at most invited (4), got 9",
        "publications[0].figures[3]: must be a ShownFigure, got 'figur'",
    ]


def test_a_record_edited_by_hand_names_the_bad_figure_by_its_path() -> None:
    text = to_toml(_record())
    edits = {
        "count = 9\ninvited = 12\n": "count = -9\ninvited = 12\n",
        'evaluations = [\n    "SOC-LED-2025-1",\n]\nshown = true': (
            'evaluations = [\n    "SOC-LED-2099-1",\n]\nshown = true'
        ),
        "lowest = 1\nhighest = 5": "lowest = 5\nhighest = 1",
    }
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new, 1)
    with pytest.raises(ValidationError) as raised:
        from_toml(Audience, text)
    assert [p.path for p in raised.value.problems] == [
        "publications[0].figures[0].evaluations[0]",
        "publications[0].figures[0].count",
        "publications[0].figures[1].lowest",
    ]


def test_a_shown_figure_without_a_count_is_allowed() -> None:
    shown = ShownFigure(measure="respondents", group=["Z"], evaluations=["Z"], shown=True)
    board = Audience(name="HR").published(Publication(label="annat", figures=[shown]))
    assert board.publications[0].figures == (shown,)


def test_the_figure_problems_read_in_swedish_and_english() -> None:
    outside = Problem(
        path="publications[0].figures[0].evaluations[0]",
        value="B",
        message="must be one of the group's evaluations (group)",
        code="audience-outside-group",
        params={"given": "B"},
    )
    assert format_problem(outside) == (
        "B hör inte till gruppen; en siffra räknar bara utvärderingar i sin grupp"
    )
    assert format_problem(outside, locale="en_GB") == (
        "B is not in the group; a figure adds up evaluations of its group only"
    )
    hidden = Problem(
        path="publications[0].figures[0].count", value=3, message="-", code="audience-hidden-count"
    )
    assert format_problem(hidden) == (
        "ska utelämnas: siffran är dold (shown är false), så inget antal visades"
    )


@settings(max_examples=30, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=40),
    invited=st.integers(min_value=0, max_value=40),
    least=st.none() | st.integers(min_value=0, max_value=10),
    most=st.none() | st.integers(min_value=0, max_value=10),
)
def test_counts_are_refused_exactly_when_out_of_order(
    count: int, invited: int, least: int | None, most: int | None
) -> None:
    figure = ShownFigure(
        measure="respondents",
        group=["A"],
        evaluations=["A"],
        shown=True,
        count=count,
        invited=invited,
        at_least=least,
        at_most=most,
    )
    bad = count > invited or (least is not None and most is not None and least > most)
    record = Publication(label="p", figures=[figure])
    if bad:
        with pytest.raises(ValidationError) as raised:
            Audience(name="HR").published(record)
        assert {p.code for p in raised.value.problems} == {"too-large"}
    else:
        assert Audience(name="HR").published(record).publications == (record,)


def test_what_is_not_a_list_is_named_not_coerced() -> None:
    odd = ShownFigure(
        measure="respondents",
        group="AB",
        evaluations=[2, "A", "B"],  # type: ignore[list-item]
        shown=False,
    )
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", publications=[Publication(label="p", figures=[odd])])
    assert str(raised.value).splitlines() == [
        "publications[0].figures[0].group: must be a list of evaluation references, got 'AB'",
        "publications[0].figures[0].evaluations[0]: must be an evaluation's reference "
        "(non-empty text), got 2",
    ]
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", publications=[Publication(label="p", figures="x")])
    assert str(raised.value) == "publications[0].figures: must be a list of figures, got 'x'"


def test_a_bad_figure_among_many_is_named_by_its_own_index() -> None:
    figures = [
        ShownFigure(
            measure="respondents", group=["A", "B", "C"], evaluations=["A", "B", "C"], shown=False
        ),
        ShownFigure(measure="Q1", group=["A", "B", "C"], evaluations=["B", "X"], shown=False),
    ]
    with pytest.raises(ValidationError) as raised:
        Audience(name="HR", publications=[Publication(label="p", figures=figures)])
    assert str(raised.value) == (
        "publications[0].figures[1].evaluations[1]: must be one of the group's evaluations "
        "(group), got 'X'"
    )
