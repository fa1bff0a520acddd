"""Fuzzing the way in: whatever comes, loading gives a valid object or a ValidationError."""

from __future__ import annotations

import contextlib
import copy
import json
import re
from typing import Any

import attrs
import pendulum
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.strategies as sts
from ledarutveckling import (
    AgreementLedger,
    CallOff,
    DateRange,
    Evaluation,
    FrameworkAgreement,
    Module,
    Money,
    Program,
    Response,
    ValidationError,
)
from ledarutveckling.serialization import from_dict, from_json, from_toml, to_dict, to_json
from tests.shapes import Ledger, Order

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)

NASTY: list[object] = [
    None,
    True,
    False,
    0,
    -1,
    10**400,
    -(10**400),
    1.5,
    float("nan"),
    float("inf"),
    1e308,
    "",
    " ",
    "12",
    "false",
    "NaN",
    "1e999",
    "-0",
    "PT0S",
    "-PT1H",
    "P",
    "2026-02-29",
    "2026-03-29T02:30:00[Europe/Stockholm]",
    "2026-10-25T02:30:00[Europe/Stockholm]",
    "2026-10-25T02:30:00+03:00[Europe/Stockholm]",
    "2026-11-27T09:00:00",
    "0001-01-01T00:00:00-01:00[Europe/Stockholm]",
    "9999-12-31T23:59:59+00:00[Pacific/Kiritimati]",
    "24:00",
    "sek",
    "\x00",
    "é" * 50,
    [],
    [None],
    {},
    {"amount": "1"},
    {"document": "program"},
]

CLASSES: list[type[Any]] = [
    Program,
    Module,
    Money,
    DateRange,
    Order,
    Ledger,
    FrameworkAgreement,
    CallOff,
    AgreementLedger,
]


_LINE_AND_COLUMN = re.compile(r"\bline \d+, column \d+\b")


def _assert_placed(error: ValidationError, root: object) -> None:
    """Every problem of *error* says where it is: a path, or a line and column of the text.

    Only a root that is not an object (a document must be one) may be refused as a whole.
    """
    assert error.problems
    for problem in error.problems:
        assert isinstance(problem.path, str)
        assert problem.message
        placed = problem.path != "" or _LINE_AND_COLUMN.search(problem.message) is not None
        assert placed or not isinstance(root, dict), str(problem)


def _assert_placed_in_text(error: ValidationError, text: str | bytes) -> None:
    """As :func:`_assert_placed`, for text: a path, or a line and column, for every problem."""
    root: object = None
    with contextlib.suppress(ValueError, RecursionError):
        root = json.loads(text)
    _assert_placed(error, root if isinstance(root, dict) else None)


def _check_result(cls: type[Any], value: object) -> None:
    """The value is a valid *cls*: building it again passes, and it round-trips."""
    assert isinstance(value, cls)
    if attrs.has(cls):
        assert attrs.evolve(value) == value  # runs every validator again
    assert from_dict(cls, to_dict(value)) == value


def _load(cls: type[Any], data: object) -> None:
    try:
        value = from_dict(cls, data)
    except ValidationError as error:
        _assert_placed(error, data)
    else:
        _check_result(cls, value)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@FUZZ
@given(data=json_values)
def test_arbitrary_json_values_give_a_valid_object_or_a_validation_error(
    cls: type[Any], data: object
) -> None:
    _load(cls, data)


@FUZZ
@given(data=json_values)
def test_arbitrary_json_values_as_datetimes_and_durations(data: object) -> None:
    for cls in (pendulum.DateTime, pendulum.Duration, pendulum.Date, pendulum.Time):
        with contextlib.suppress(ValidationError):
            from_dict(cls, data)


@FUZZ
@given(text=st.text(max_size=60))
def test_arbitrary_strings_as_datetimes_and_durations(text: str) -> None:
    for cls in (pendulum.DateTime, pendulum.Duration, pendulum.Date, pendulum.Time):
        with contextlib.suppress(ValidationError):
            from_dict(cls, text)


@FUZZ
@given(
    local=st.datetimes(
        min_value=pendulum.datetime(2026, 3, 29).naive(),
        max_value=pendulum.datetime(2026, 3, 29, 4).naive(),
    )
    | st.datetimes(
        min_value=pendulum.datetime(2026, 10, 25).naive(),
        max_value=pendulum.datetime(2026, 10, 25, 4).naive(),
    ),
    offset=st.sampled_from(["", "+01:00", "+02:00", "Z", "+03:00"]),
)
def test_local_times_around_the_dst_changes_are_exact_or_refused(local: Any, offset: str) -> None:
    text = f"{local.replace(microsecond=0).isoformat()}{offset}[Europe/Stockholm]"
    try:
        moment = from_dict(pendulum.DateTime, text)
    except ValidationError:
        return
    if offset and offset != "Z":
        assert moment.isoformat().endswith(offset)
        assert moment.naive() == local.replace(microsecond=0)
    assert from_dict(pendulum.DateTime, to_dict(moment)) == moment


def _paths(data: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, item in data.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn, cls: type[Any], valid: st.SearchStrategy[Any]) -> object:
    """A valid document of *cls* with one to three random changes.

    Values from :data:`NASTY` are copied in: a later change to the document (an item
    appended, a key deleted) must not change the shared list, or the next example draws
    differently from the same choices and Hypothesis reports a flaky strategy.
    """
    data = json.loads(to_json(draw(valid)))
    if cls not in DOCUMENTS:
        data = to_dict(from_json(cls, json.dumps(data)))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            return data
        *parent_path, last = draw(st.sampled_from(paths))
        parent: Any = data
        for part in parent_path:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add", "json"]))
        if action == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(NASTY)))
        elif action == "json":
            parent[last] = draw(json_values)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from([f"{last}s", f"{last}"[:-1], "extra", ""]))] = 1
        else:
            parent.append(copy.deepcopy(draw(st.sampled_from(NASTY))))
    return data


VALID: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (Program, sts.programs()),
    (Order, sts.orders()),
    (Ledger, sts.ledgers()),
    (AgreementLedger, st.just(sts.LEDGER)),
    (FrameworkAgreement, sts.agreements),
    (CallOff, sts.call_offs),
]
DOCUMENTS = {Program, AgreementLedger, FrameworkAgreement, CallOff, Evaluation}


@pytest.mark.parametrize(("cls", "valid"), VALID, ids=[c.__name__ for c, _ in VALID])
@FUZZ
@given(data=st.data())
def test_mutated_valid_documents_give_a_valid_object_or_a_validation_error(
    cls: type[Any], valid: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    document = data.draw(mutated(cls, valid))
    if cls in DOCUMENTS:
        try:
            value = from_json(cls, json.dumps(document))
        except ValidationError as error:
            _assert_placed(error, document)
            return
        _check_result(cls, value)
        if isinstance(value, AgreementLedger):
            assert value.problems() == ()  # the deferred cross-object rules ran too
    else:
        _load(cls, document)


def _toml_nulls(data: Any) -> Any:
    """*data* with every None as TOML's stand-in [] (so that tomli_w can write it)."""
    if data is None:
        return []
    if isinstance(data, dict):
        return {key: _toml_nulls(item) for key, item in data.items()}
    if isinstance(data, list):
        return [_toml_nulls(item) for item in data]
    return data


VALID_TOML: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    *VALID,
    (Response, sts.responses),
    (Evaluation, sts.evaluations),
]


@pytest.mark.parametrize(("cls", "valid"), VALID_TOML, ids=[c.__name__ for c, _ in VALID_TOML])
@FUZZ
@given(data=st.data())
def test_mutated_valid_toml_documents_give_a_valid_object_or_a_validation_error(
    cls: type[Any], valid: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    document = _toml_nulls(data.draw(mutated(cls, valid)))
    if not isinstance(document, dict):
        return
    try:
        value = from_toml(cls, tomli_w.dumps(document))
    except ValidationError as error:
        _assert_placed(error, document)
        return
    _check_result(cls, value)


NASTY_TEXTS = [
    "amount = " + "9" * 5000,
    '{"amount": ' + "9" * 5000 + "}",
    "a = " + "[" * 50_000,
    "[" * 50_000,
    '{"a": ' * 50_000,
    "amount = 1e999",
    '{"amount": 1e999}',
    '{"amount": -Infinity}',
    "amount = nan",
    "amount = 2026-03-29T02:30:00",
    '\ufeff{"amount": "1"}',
    "\x00",
]


@FUZZ
@given(
    text=st.text(max_size=80)
    | st.binary(max_size=80).map(bytes)
    | st.sampled_from(NASTY_TEXTS)
    | st.sampled_from(NASTY_TEXTS).map(str.encode)
)
def test_arbitrary_text_gives_a_valid_object_or_a_validation_error(text: str | bytes) -> None:
    for read in (from_json, from_toml):
        try:
            value = read(Money, text)
        except ValidationError as error:
            _assert_placed_in_text(error, text)
            continue
        _check_result(Money, value)


@FUZZ
@given(data=st.data())
def test_damaged_json_text_gives_a_valid_object_or_a_validation_error(
    data: st.DataObject,
) -> None:
    text = to_json(data.draw(sts.programs()), indent=None)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 5)))
    damaged = (
        text[:start]
        + data.draw(st.sampled_from(["", "}", "]", ",", '"', "1e999", "x"]))
        + (text[end:])
    )
    try:
        value = from_json(Program, damaged)
    except ValidationError as error:
        _assert_placed_in_text(error, damaged)
        return
    _check_result(Program, value)
