import pickle

import pytest

from ledarutveckling import (
    MISSING,
    CurrencyMismatchError,
    LedarutvecklingError,
    Problem,
    ValidationError,
)
from ledarutveckling.errors import join_path


def test_validation_error_is_a_value_error_and_a_library_error() -> None:
    error = ValidationError.single("x", 1, "bad")
    assert isinstance(error, ValueError)
    assert isinstance(error, LedarutvecklingError)


def test_str_lists_every_problem_one_per_line() -> None:
    error = ValidationError(
        [
            Problem(path="lines[2].quantity", value=0, message="must be greater than 0"),
            Problem(path="", value="x", message="must be a call-off"),
            Problem(path="reference", value=MISSING, message="is required"),
        ]
    )
    assert str(error) == (
        "lines[2].quantity: must be greater than 0, got 0\n"
        "must be a call-off, got 'x'\n"
        "reference: is required"
    )
    assert error.args == (str(error),)


def test_an_error_needs_at_least_one_problem() -> None:
    with pytest.raises(ValueError, match="at least one Problem"):
        ValidationError([])


def test_with_prefix_extends_every_path() -> None:
    error = ValidationError(
        [
            Problem(path="quantity", value=0, message="m"),
            Problem(path="[1]", value=0, message="m"),
            Problem(path="", value=0, message="m"),
        ]
    ).with_prefix("call_offs[3].lines")
    assert [p.path for p in error.problems] == [
        "call_offs[3].lines.quantity",
        "call_offs[3].lines[1]",
        "call_offs[3].lines",
    ]


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("", "", ""),
        ("a", "", "a"),
        ("", "b", "b"),
        ("a", "b", "a.b"),
        ("a", "[0]", "a[0]"),
        ("a[1]", "b[2].c", "a[1].b[2].c"),
    ],
)
def test_join_path(prefix: str, path: str, expected: str) -> None:
    assert join_path(prefix, path) == expected


def test_errors_survive_pickling_with_their_problems() -> None:
    error = ValidationError.single("amount", 1.5, "must not be a float")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert str(copy) == str(error)


def test_missing_has_a_readable_repr() -> None:
    assert repr(MISSING) == "MISSING"


def test_currency_mismatch_is_a_value_error() -> None:
    assert issubclass(CurrencyMismatchError, ValueError)
    assert issubclass(CurrencyMismatchError, LedarutvecklingError)


def test_a_long_bad_value_is_shown_by_its_two_ends_and_kept_whole() -> None:
    document = [{"reference": f"E{i}", "invited": 12} for i in range(200)]
    problem = Problem(path="", value=document, message="must be an object")
    text = str(problem)
    whole = repr(document)
    assert text == (
        f"must be an object, got {whole[:300]} ... {whole[-80:]} ({len(whole)} characters in all)"
    )
    assert len(text) < 500
    assert problem.value is document
    # A value of 400 characters is shown whole.
    assert str(Problem(path="x", value="a" * 398, message="m")) == f"x: m, got '{'a' * 398}'"
