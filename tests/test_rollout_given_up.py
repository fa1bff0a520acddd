"""DeadlinesGivenUp: checked like every value object, and its words agree in number."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import ValidationError
from ledarutveckling.errors import MISSING
from ledarutveckling.formatting import format_problem
from ledarutveckling.scheduling import DeadlinesGivenUp, RolloutPlan, plan_rollout
from ledarutveckling.serialization import from_json, from_toml, to_json, to_toml
from tests.test_rollout_constraints import PROVEN, _digital, _moving

pytest.importorskip("highspy")  # as tests.test_rollout_constraints (plan_rollout)

D = pendulum.date
FIELDS: dict[str, Any] = {
    "module": "ABW-2",
    "deadline": D(2027, 10, 29),
    "first": D(2027, 8, 30),
    "sessions": 100,
    "slots": 88,
    "cohorts": 1,
    "max_away": 40,
}
FIELDS_NONE = ("module", "deadline", "first", "max_away")


def _refused(**fields: Any) -> list[tuple[str, object, str]]:
    """The problems of a DeadlinesGivenUp made of *fields*: (path, value, message)."""
    with pytest.raises(ValidationError) as caught:
        DeadlinesGivenUp(**fields)
    return [(p.path, p.value, p.message) for p in caught.value.problems]


def _texts(**fields: Any) -> list[tuple[str, str]]:
    """The problems of a DeadlinesGivenUp made of *fields*, in Swedish and in English."""
    with pytest.raises(ValidationError) as caught:
        DeadlinesGivenUp(**fields)
    return [(format_problem(p), format_problem(p, locale="en_GB")) for p in caught.value.problems]


REQUIRED_SV = (
    "{} anges när, och bara när, en regel visar att enhetens sista dagar inte kan hållas "
    "(proven är true)"
)
REQUIRED_EN = (
    "{} is given when, and only when, a rule proves the unit's deadlines out of reach "
    "(proven is true)"
)


def test_a_proven_entry_without_its_fields_is_refused_with_every_problem_at_once() -> None:
    # Before: explain() and problem() failed with a bare AssertionError.
    assert _refused(unit="Trafikkontoret", proven=True) == [
        ("module", MISSING, "is required when proven is True"),
        ("deadline", MISSING, "is required when proven is True"),
        ("first", MISSING, "is required when proven is True"),
        ("max_away", MISSING, "is required when proven is True"),
        ("sessions", 0, "must be at least 1"),
        ("cohorts", 0, "must be at least 1"),
    ]
    assert _texts(unit="Trafikkontoret", proven=True) == [
        *[(REQUIRED_SV.format(f), REQUIRED_EN.format(f)) for f in FIELDS if f in FIELDS_NONE],
        (
            "värdet 0 är för litet; det ska vara minst 1",
            "the value 0 is too small; it must be at least 1",
        ),
        (
            "värdet 0 är för litet; det ska vara minst 1",
            "the value 0 is too small; it must be at least 1",
        ),
    ]


def test_an_entry_not_proven_leaves_every_other_field_at_its_default() -> None:
    assert _refused(unit="Trafikkontoret", proven=False, module="ABW-2", sessions=-5) == [
        ("module", "ABW-2", "must be left at its default when proven is False"),
        ("sessions", -5, "must be left at its default when proven is False"),
    ]
    # False is no 0, and 0 is no None.
    assert [p for p, _, _ in _refused(unit="T", proven=False, slots=False, max_away=0)] == [
        "slots",
        "max_away",
    ]
    assert _texts(unit="T", proven=False, first=D(2027, 8, 30)) == [
        (REQUIRED_SV.format("first"), REQUIRED_EN.format("first"))
    ]
    assert DeadlinesGivenUp(unit="T", proven=False).sessions == 0


def test_the_kind_of_each_field_and_the_ranges_are_checked() -> None:
    assert _refused(unit="Trafikkontoret", proven="yes") == [
        ("proven", "yes", "must be True or False")
    ]
    assert _texts(unit="Trafikkontoret", proven=1) == [
        ("här ska det stå true eller false", "this must be true or false")
    ]
    bad = {
        **FIELDS,
        "unit": "",
        "proven": True,
        "module": 2,
        "deadline": "2027-10-29",
        "first": dt.datetime(2027, 8, 30, 9, 0),
        "sessions": 1.0,
    }
    assert _refused(**bad) == [
        ("unit", "", "must not be empty"),
        ("module", 2, "must be text"),
        (
            "first",
            dt.datetime(2027, 8, 30, 9, 0),
            "must be a date, e.g. pendulum.date(2027, 10, 29)",
        ),
        ("deadline", "2027-10-29", "must be a date, e.g. pendulum.date(2027, 10, 29)"),
        ("sessions", 1.0, "must be a whole number (int)"),
    ]
    # Before: "-3 träffar … ryms inte på -1 pass", a deadline before the first day.
    late = {**FIELDS, "deadline": D(2027, 8, 1), "sessions": -3, "slots": -1, "cohorts": 0}
    assert _refused(unit="Trafikkontoret", proven=True, **{**late, "max_away": 0}) == [
        ("sessions", -3, "must be at least 1"),
        ("slots", -1, "must be at least 0"),
        ("cohorts", 0, "must be at least 1"),
        ("max_away", 0, "must be at least 1"),
        ("deadline", D(2027, 8, 1), "must not be before first (2027-08-30)"),
    ]
    assert _texts(unit="Trafikkontoret", proven=True, **{**FIELDS, "deadline": D(2027, 8, 1)}) == [
        (
            "slutet (1 augusti 2027) ligger före början (30 augusti 2027)",
            "the end (1 August 2027) is before the start (30 August 2027)",
        )
    ]


def test_the_values_the_planner_can_give_are_accepted() -> None:
    # A window that closes before it opens has no slot (AwayMiss.slots 0); its first day
    # may be the deadline's.
    edge = {**FIELDS, "slots": 0, "first": D(2027, 10, 29)}
    assert DeadlinesGivenUp(unit="Trafikkontoret", proven=True, **edge).slots == 0


def test_words_agree_in_number_in_both_languages_and_the_problem_reads_as_a_sentence() -> None:
    one = DeadlinesGivenUp(
        unit="Trafikkontoret",
        proven=True,
        **{**FIELDS, "sessions": 1, "slots": 1, "cohorts": 1, "max_away": 1},
    )
    assert one.explain() == (
        "Trafikkontoret: 1 träff som tidigast får hållas 30 augusti 2027 och ska hållas före "
        "29 oktober 2027 (ABW-2) ryms inte på 1 pass med högst 1 kohort och 1 person i "
        "utbildning samtidigt (max_away); enhetens sista dagar hålls inte"
    )
    assert one.explain("en_GB") == (
        "Trafikkontoret: 1 session that may be held from 30 August 2027 and must be held "
        "before 29 October 2027 (ABW-2) cannot fit in 1 slot with at most 1 cohort and 1 "
        "person in sessions at once (max_away); its deadlines are not kept"
    )
    two = attrs.evolve(one, cohorts=2, max_away=2)
    assert "högst 2 kohorter och 2 personer i utbildning samtidigt" in two.explain()
    assert "at most 2 cohorts and 2 people in sessions at once" in two.explain("en_GB")
    assert str(PROVEN.problem()) == (
        "units: Trafikkontoret: 100 sessions that may be held from 30 August 2027 and must be "
        "held before 29 October 2027 (ABW-2) cannot fit in 88 slots with at most 1 cohort and "
        "40 people in sessions at once (max_away); its deadlines are not kept"
    )
    not_kept = DeadlinesGivenUp(unit="Trafikkontoret", proven=False).problem()
    assert (not_kept.value, str(not_kept)) == (
        MISSING,
        "units: Trafikkontoret: no plan that keeps its deadlines was found, though no rule "
        "proves them out of reach; they are not kept",
    )


@cache
def _plan() -> RolloutPlan:
    """A plan of the three units (Trafikkontoret first), its deadlines all kept."""
    return plan_rollout(_moving(_digital()))


def test_a_plan_gives_up_only_units_of_its_rollout_each_once() -> None:
    plan = _plan()
    other = attrs.evolve(PROVEN, unit="Exploateringskontoret")
    assert attrs.evolve(plan, given_up=[PROVEN, other]).given_up == (PROVEN, other)
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(
            plan, given_up=[PROVEN, attrs.evolve(PROVEN, unit="Kulturförvaltningen"), PROVEN]
        )
    assert [(p.path, p.value, p.message) for p in caught.value.problems] == [
        ("given_up[1].unit", "Kulturförvaltningen", "must name a unit of the rollout"),
        (
            "given_up[2].unit",
            "Trafikkontoret",
            "duplicate unit; each unit is given up at most once",
        ),
    ]
    assert [format_problem(p) for p in caught.value.problems] == [
        "Kulturförvaltningen är ingen enhet i utrullningen",
        "Trafikkontoret förekommer mer än en gång",
    ]
    assert [format_problem(p, locale="en_GB") for p in caught.value.problems] == [
        "Kulturförvaltningen is not a unit of the rollout",
        "Trafikkontoret occurs more than once",
    ]


def test_a_saved_plan_with_a_bad_entry_is_refused_at_its_path() -> None:
    plan = attrs.evolve(_plan(), given_up=[PROVEN])
    assert from_json(RolloutPlan, to_json(plan)) == plan
    assert from_toml(RolloutPlan, to_toml(plan)) == plan
    document = json.loads(to_json(plan))
    del document["given_up"][0]["first"]
    with pytest.raises(ValidationError) as caught:
        from_json(RolloutPlan, json.dumps(document))
    (problem,) = caught.value.problems
    assert (problem.path, problem.value, problem.code) == (
        "given_up[0].first",
        MISSING,
        "rollout-given-up-fields",
    )
    assert format_problem(problem) == REQUIRED_SV.format("first")
    document["given_up"][0]["first"] = "2027-11-01"
    document["given_up"][0]["unit"] = "Kulturförvaltningen"
    with pytest.raises(ValidationError) as caught:
        from_json(RolloutPlan, json.dumps(document))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("given_up[0].deadline", "must not be before first (2027-11-01)"),
    ]
    document["given_up"][0]["first"] = "2027-08-30"
    with pytest.raises(ValidationError) as caught:
        from_json(RolloutPlan, json.dumps(document))
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("given_up[0].unit", "must name a unit of the rollout"),
    ]


COUNTS = {"sessions": 1, "slots": 0, "cohorts": 1, "max_away": 1}


@settings(max_examples=200, deadline=None)
@given(counts=st.fixed_dictionaries({name: st.integers(-3, 3) for name in COUNTS}))
def test_a_proven_entry_is_refused_exactly_at_its_counts_below_their_least(
    counts: dict[str, int],
) -> None:
    fields = {**FIELDS, **counts}
    low = [name for name, least in COUNTS.items() if counts[name] < least]
    if not low:
        given_up = DeadlinesGivenUp(unit="Trafikkontoret", proven=True, **fields)
        english = given_up.explain("en_GB")
        for name, noun in (("sessions", "session"), ("slots", "slot"), ("cohorts", "cohort")):
            assert f" {counts[name]} {noun}{'' if counts[name] == 1 else 's'} " in english
        away = "person" if counts["max_away"] == 1 else "people"
        assert f" {counts['max_away']} {away} in sessions at once" in english
        return
    assert [path for path, _, _ in _refused(unit="Trafikkontoret", proven=True, **fields)] == low


def test_a_plan_checks_the_units_of_only_the_entries_it_can_read() -> None:
    plan = _plan()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(plan, given_up=["Trafikkontoret", PROVEN])
    assert [p.path for p in caught.value.problems] == ["given_up[0]"]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(plan, given_up=PROVEN)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("given_up", "must be a list of DeadlinesGivenUp objects")
    ]
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(plan, rollout="a rollout", given_up=[PROVEN])  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["rollout"]
