"""The private Checker that model constructors use to report every problem at once."""

import datetime as dt
import enum

import pendulum
import pytest

from ledarutveckling import ValidationError
from ledarutveckling._base.checks import Checker, as_duration, as_tuple


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def test_done_without_problems_does_nothing() -> None:
    Checker().done()


def test_every_check_records_its_problem_and_done_raises_them_all() -> None:
    checks = Checker(prefix="root")
    assert not checks.text("a", 1)
    assert not checks.text("b", "  ")
    assert not checks.text("c", " x")
    assert checks.text("d", "", empty_ok=True)
    assert not checks.integer("e", True)
    assert not checks.integer("f", 0, minimum=1)
    assert not checks.integer("g", 11, maximum=10)
    assert checks.integer("h", 5, minimum=1, maximum=10)
    assert not checks.member("i", "red", Colour)
    assert checks.member("j", Colour.RED, Colour)
    assert not checks.instance("k", 1, str, "text")
    assert checks.items("l", [1], int, "ints") == []
    assert checks.items("m", (1, "x", 2), int, "ints") == [1, 2]
    checks.unique("n", ["a", "b", "a", "a"], "code")
    checks.run("o", lambda: None)
    checks.run("p", lambda: (_ for _ in ()).throw(ValidationError.single("q", 0, "inner")))
    with pytest.raises(ValidationError) as error:
        checks.done()
    assert [str(p) for p in error.value.problems] == [
        "root.a: must be text, got 1",
        "root.b: must not be empty, got '  '",
        "root.c: must not start or end with whitespace, got ' x'",
        "root.e: must be a whole number (int), got True",
        "root.f: must be at least 1, got 0",
        "root.g: must be at most 10, got 11",
        "root.i: must be a Colour ('red', 'blue'), got 'red'",
        "root.k: must be text, got 1",
        "root.l: must be a list of ints, got [1]",
        "root.m[1]: must be ints, got 'x'",
        "root.n[2]: duplicate code; each must be unique, got 'a'",
        "root.n[3]: duplicate code; each must be unique, got 'a'",
        "root.p.q: inner, got 0",
    ]


def test_as_tuple_converts_lists_only() -> None:
    assert as_tuple([1, 2]) == (1, 2)
    assert as_tuple((1,)) == (1,)
    assert as_tuple("ab") == "ab"


def test_as_duration_converts_plain_timedeltas_only() -> None:
    converted = as_duration(dt.timedelta(hours=3, microseconds=5))
    assert isinstance(converted, pendulum.Duration)
    assert converted == pendulum.duration(hours=3, microseconds=5)
    already = pendulum.duration(hours=1)
    assert as_duration(already) is already
    assert as_duration(5) == 5


def test_a_read_only_mapping_looks_up_and_views_as_its_dict_does() -> None:
    from collections.abc import ItemsView, KeysView, ValuesView

    from ledarutveckling import ReadOnlyMapping

    source = {"Q1": 5, "Q2": None}
    answers = ReadOnlyMapping(source)
    source["Q3"] = 1  # a copy: the source changes nothing
    assert "Q1" in answers
    assert "Q3" not in answers
    assert "Q4" not in answers
    assert (answers.get("Q1"), answers.get("Q2", 0), answers.get("Q3"), answers.get("Q3", 0)) == (
        5,
        None,
        None,
        0,
    )
    assert list(answers.keys()) == ["Q1", "Q2"]
    assert isinstance(answers.keys(), KeysView)
    assert list(answers.values()) == [5, None]
    assert isinstance(answers.values(), ValuesView)
    assert list(answers.items()) == [("Q1", 5), ("Q2", None)]
    assert isinstance(answers.items(), ItemsView)
    assert answers == {"Q1": 5, "Q2": None}
    assert dict(answers) == {"Q1": 5, "Q2": None}
    assert not hasattr(answers.items(), "__setitem__")
