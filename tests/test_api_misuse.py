"""Misused functions raise a clear TypeError or ValidationError, not an internal one (issue 21)."""

from __future__ import annotations

import typing
from collections.abc import Callable

import pytest

from ledarutveckling import Dimension, Money, breakdown, summarise
from ledarutveckling.errors import ValidationError
from ledarutveckling.examples import stockholm_evaluations
from ledarutveckling.serialization import from_dict, from_json, from_toml, load


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: from_dict("x", {}),  # type: ignore[arg-type]
            "from_dict() needs a type as cls, the class to read, e.g. Money or list[Money], "
            "not str 'x'",
        ),
        (
            lambda: from_json(3, "{}"),  # type: ignore[arg-type]
            "from_json() needs a type as cls, the class to read, e.g. Money or list[Money], "
            "not int 3",
        ),
        (
            lambda: from_toml(Money.sek("1"), ""),  # type: ignore[arg-type]
            "from_toml() needs a type as cls, the class to read, e.g. Money or list[Money], "
            "not Money Money(amount=Decimal('1'), currency='SEK')",
        ),
        (
            lambda: load("ledger.toml", "Money"),  # type: ignore[call-overload]
            "load() needs a type as cls, the class to read, e.g. Money or list[Money], "
            "not str 'Money'",
        ),
    ],
)
def test_reading_as_something_that_is_not_a_type_is_a_type_error(
    call: object, message: str
) -> None:
    with pytest.raises(TypeError) as error:
        call()  # type: ignore[operator]
    assert str(error.value) == message


def test_a_type_the_library_cannot_read_is_a_type_error() -> None:
    class Foreign:
        pass

    with pytest.raises(TypeError, match=r"^cannot read a Foreign: the library reads"):
        from_dict(Foreign, {})


def test_a_long_wrong_cls_is_not_shown() -> None:
    with pytest.raises(TypeError, match=r"^from_dict\(\) needs a type as cls, .*, not str …$"):
        from_dict("x" * 100, {})  # type: ignore[arg-type]


def test_typing_forms_are_types() -> None:
    read: object = from_dict(typing.Any, {"a": [1]})
    assert read == {"a": [1]}
    assert from_dict(list[int], [1]) == [1]
    assert from_dict(Money | None, None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [3, "abc", {}, b"x", None])
def test_evaluation_functions_refuse_what_is_not_evaluations(value: object) -> None:
    calls: tuple[Callable[[], object], ...] = (
        lambda: summarise(value),  # type: ignore[call-overload]
        lambda: breakdown(value, by=Dimension.COHORT),  # type: ignore[call-overload]
    )
    for call in calls:
        with pytest.raises(ValidationError) as error:
            call()
        assert [(p.path, p.value, p.message) for p in error.value.problems] == [
            ("evaluations", value, "must be an Evaluation or a list of Evaluation objects")
        ]


def test_a_long_wrong_value_is_named_by_its_type() -> None:
    with pytest.raises(ValidationError) as error:
        summarise(dict.fromkeys(map(str, range(100)), 0))  # type: ignore[arg-type]
    assert error.value.problems[0].value == "<dict>"


def test_one_evaluation_or_a_list_still_works() -> None:
    evaluations = stockholm_evaluations()
    assert summarise(evaluations[0]).respondents == summarise([evaluations[0]]).respondents
