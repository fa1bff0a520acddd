"""The fast paths of reading and writing give exactly what the checked paths give."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import json
import zoneinfo
from collections.abc import Callable
from typing import Any, Literal

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tests.strategies as sts
from ledarutveckling import AgreementLedger, Catalogue, Money, Organisation, ValidationError
from ledarutveckling._base.checks import Checker
from ledarutveckling._documents import converter as documents_converter
from ledarutveckling._documents import registry as documents_registry
from ledarutveckling._documents import temporal as documents_temporal
from ledarutveckling._documents import text as documents_text
from ledarutveckling.examples import stockholm_catalogue, stockholm_ledger
from ledarutveckling.serialization import DOCUMENT_KINDS, from_json, to_dict, to_json


def _read(text: str) -> tuple[object, ...]:
    """What a datetime read from *text* is: its fields, fold, zone and type, or the error."""
    try:
        value = documents_temporal._structure_datetime(text, None)
    except ValidationError as error:
        return ("error", str(error))
    return (value, value.fold, value.tzinfo, type(value), value.utcoffset())


def _read_checked(text: str) -> tuple[object, ...]:
    try:
        value = documents_temporal._structure_datetime_checked(text)
    except ValidationError as error:
        return ("error", str(error))
    return (value, value.fold, value.tzinfo, type(value), value.utcoffset())


@settings(max_examples=60, deadline=None)
@given(moment=sts.zoned_datetimes)
def test_the_fast_datetime_reading_agrees_with_the_checked_one(moment: pendulum.DateTime) -> None:
    text = documents_temporal._unstructure_datetime(moment)
    assert _read(text) == _read_checked(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-29T02:30:00+01:00[Europe/Stockholm]",  # in the gap
        "2026-10-25T02:30:00+02:00[Europe/Stockholm]",  # the first of two
        "2026-10-25T02:30:00+01:00[Europe/Stockholm]",  # the second of two
        "2026-11-27T09:00:00+02:00[Europe/Stockholm]",  # the wrong offset
        "2026-11-27T09:00:00+01:00[Europe/Nowhere]",
        "2026-02-30T09:00:00+01:00[Europe/Stockholm]",
        "2026-11-27T09:00:00+01:07[Europe/Stockholm]",  # not a quarter hour
        "2026-11-27T09:00:00Z[Europe/Stockholm]",
        "2026-11-27T09:00:00[Europe/Stockholm]",
        "9999-12-31T23:00:00-05:00[America/New_York]",
        "0001-01-01T00:00:00+00:00[UTC]",
        "2026-11-27T09:00:00+01:00",
        "2026-11-27 09:00:00+01:00[Europe/Stockholm]",
    ],
)
def test_the_fast_datetime_reading_agrees_at_the_edges(text: str) -> None:
    assert _read(text) == _read_checked(text)


def test_the_same_text_gives_the_same_immutable_object() -> None:
    hook = documents_converter.CONVERTER.get_structure_hook(pendulum.DateTime)
    text = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    assert hook(text, pendulum.DateTime) is hook(text, pendulum.DateTime)


def test_a_value_that_is_not_text_is_refused_without_the_memo() -> None:
    hook = documents_converter.CONVERTER.get_structure_hook(pendulum.Date)
    with pytest.raises(ValidationError, match="must be an ISO date written YYYY-MM-DD, not a list"):
        hook(["2026-11-27"], pendulum.Date)


@settings(max_examples=60, deadline=None)
@given(moment=sts.zoned_datetimes, fold=st.sampled_from([0, 1]))
def test_the_remembered_datetime_text_is_the_checked_text(
    moment: pendulum.DateTime, fold: int
) -> None:
    moment = moment.replace(fold=fold)
    hooks = documents_temporal.TemporalHooks()
    for _ in range(2):  # the second time from the memo
        assert hooks.unstructure_datetime(moment) == documents_temporal._unstructure_datetime(
            moment
        )


STOCKHOLM = pendulum.timezone("Europe/Stockholm")


def test_a_datetime_in_another_zone_object_of_the_same_name_is_written_by_the_checked_path() -> (
    None
):
    zone = zoneinfo.ZoneInfo.no_cache("Europe/Stockholm")
    moment = dt.datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=zone)
    documents_converter.CONVERTER.unstructure(moment.replace(tzinfo=STOCKHOLM))
    assert (
        documents_converter.CONVERTER.unstructure(moment)
        == "2026-10-25T02:30:00+01:00[Europe/Stockholm]"
    )


def test_the_ambiguous_hour_is_written_with_the_offset_of_its_fold() -> None:
    zone = pendulum.timezone("Europe/Stockholm")
    first = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=zone, fold=0)
    second = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=zone, fold=1)
    assert (
        documents_temporal._unstructure_datetime(first)
        == "2026-10-25T02:30:00+02:00[Europe/Stockholm]"
    )
    assert (
        documents_temporal._unstructure_datetime(second)
        == "2026-10-25T02:30:00+01:00[Europe/Stockholm]"
    )


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_no_document_kind_holds_a_float(kind: str) -> None:
    assert documents_text.float_free(DOCUMENT_KINDS[kind].cls)


class _FloatEnum(enum.Enum):
    HALF = 0.5


class _IntEnum(enum.IntEnum):
    ONE = 1


@attrs.frozen
class _WithFloat:
    ratio: float


@attrs.frozen
class _Tree:
    children: tuple[_Tree, ...]
    rank: _IntEnum


@pytest.mark.parametrize(
    ("type_", "expected"),
    [
        (float, False),
        (object, False),
        (Any, False),
        (_FloatEnum, False),
        (_IntEnum, True),
        (_WithFloat, False),
        (_Tree, True),
        (tuple, False),
        (tuple[int, ...], True),
        (tuple[int, float], False),
        (dict[str, Money], True),
        (dict[str, float], False),
        (frozenset[str], True),
        (int | None, True),
        (int | float, False),
        (Literal["a", 1], True),
        (Literal[0.5], False),
        (dt.datetime, True),
        (Callable[[int], int], False),
    ],
)
def test_float_free_says_whether_a_type_can_hold_a_float(type_: Any, expected: bool) -> None:
    assert documents_text.float_free(type_) is expected


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("value", [stockholm_ledger(), stockholm_catalogue()])
def test_orjson_writes_the_same_text_as_the_json_module(
    value: object, indent: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert documents_text._orjson() is not None  # the dev extra installs it
    fast = to_json(value, indent=indent)
    monkeypatch.setattr(documents_text, "_orjson", lambda: None)
    assert to_json(value, indent=indent) == fast
    slow = json.dumps(documents_registry.envelope(value), ensure_ascii=False, indent=indent)
    assert json.loads(slow) == json.loads(fast)


def test_without_orjson_the_json_module_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_text, "_orjson", lambda: None)
    assert (
        documents_text.write_json({"a": [1, "å"]}, indent=None, of=dict[str, Any])
        == '{"a":[1,"å"]}'
    )


def test_what_orjson_refuses_the_json_module_writes() -> None:
    big = 2**70
    assert documents_text.write_json([big], indent=None, of=tuple[int, ...]) == f"[{big}]"
    assert documents_text.write_json(["\ud800"], indent=None, of=tuple[str, ...]) == '["\ud800"]'


def test_an_indent_orjson_lacks_is_written_by_the_json_module() -> None:
    assert documents_text.write_json({"a": 1}, indent=4, of=dict[str, int]) == '{\n    "a": 1\n}'


def test_orjson_is_none_when_it_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    documents_text._orjson.cache_clear()
    try:
        assert documents_text._orjson() is None
    finally:
        documents_text._orjson.cache_clear()


def test_a_document_read_after_an_error_reads_again() -> None:
    text = to_json(stockholm_catalogue(), indent=None)
    broken = text.replace('"facilitators":1', '"facilitators":"1"', 1)
    with pytest.raises(ValidationError, match=r"programs\[0\]\.modules\[0\]\.facilitators"):
        from_json(Catalogue, broken)
    assert from_json(Catalogue, text) == stockholm_catalogue()


def test_a_ledger_round_trips_through_the_fast_paths() -> None:
    ledger = stockholm_ledger()
    assert from_json(AgreementLedger, to_json(ledger)) == ledger
    assert documents_registry.envelope(ledger) == json.loads(to_json(ledger, indent=None))
    assert to_dict(ledger)["call_offs"] == documents_registry.envelope(ledger)["call_offs"]


class _Text(str):
    __slots__ = ()


@pytest.mark.parametrize(
    ("value", "empty_ok", "ok"),
    [("Ekoln", False, True), (_Text("Ekoln"), False, True), ("", True, True), ("", False, False)],
)
def test_text_is_checked_the_same_on_the_fast_path(value: str, empty_ok: bool, ok: bool) -> None:
    checks = Checker()
    assert checks.text("room", value, empty_ok=empty_ok) is ok
    assert len(checks.problems) == (0 if ok else 1)


def test_an_organisation_number_checked_twice_gives_the_same_answer() -> None:
    for _ in range(2):
        assert Organisation(name="Stockholms stad", org_number="2120000142").org_number == (
            "212000-0142"
        )
        with pytest.raises(ValidationError, match="wrong check digit"):
            Organisation(name="Stockholms stad", org_number="212000-0143")
