"""Writing: cattrs' generated functions, the converter's own memos, and JSON text."""

from __future__ import annotations

import datetime as dt
import enum
import json
import typing
import zoneinfo
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import Module, ValidationError, testing
from ledarutveckling._documents import converter as documents_converter
from ledarutveckling._documents import registry as documents_registry
from ledarutveckling._documents import temporal as documents_temporal
from ledarutveckling._documents import text as documents_text
from tests.test_serialization import IDS, VALUES


def _same(value: Any, cls: Any) -> None:
    """``to_json`` writes the text of the plain data, with orjson and with the json module.

    Compact and indented; and a new converter (with empty memos) gives the same data as the
    library's, whose memos other tests have filled.
    """
    data = documents_converter.CONVERTER.unstructure(value, cls)
    assert documents_converter.make_converter().unstructure(value, cls) == data
    document = documents_registry.envelope(value)
    for indent in (None, 2):
        separators = None if indent else (",", ":")
        expected = json.dumps(document, ensure_ascii=False, indent=indent, separators=separators)
        assert documents_text.json_document(value, indent=indent) == expected
        assert documents_text.json_document(value, indent=indent, orjson=False) == expected


@pytest.mark.parametrize(("cls", "values"), VALUES, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_public_type_is_written_as_its_plain_data(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    _same(data.draw(values), cls)


def _rollout_program(instance: testing.RolloutInstance) -> object:
    return instance.program


PUBLIC_STRATEGIES: list[tuple[str, st.SearchStrategy[Any]]] = [
    ("agreement", testing.agreements()),
    ("call_off", testing.agreements().flatmap(testing.call_offs)),
    ("ledger", testing.ledgers()),
    ("catalogue", testing.catalogues()),
    ("evaluation", testing.evaluations()),
    ("follow_up_meeting", testing.follow_up_meetings()),
    ("return_on_investment", testing.returns_on_investment()),
    ("session", testing.sessions()),
    ("working_calendar", testing.working_calendars()),
    ("price_list", testing.price_lists()),
    ("indexation", testing.indexations()),
    ("rollout_program", testing.rollout_instances().map(_rollout_program)),
]


@pytest.mark.parametrize(
    "values", [v for _, v in PUBLIC_STRATEGIES], ids=[n for n, _ in PUBLIC_STRATEGIES]
)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_values_of_the_testing_strategies_are_written_as_their_plain_data(
    values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(values)
    _same(value, type(value))


def test_attrs_classes_are_written_by_cattrs_generated_functions() -> None:
    function = documents_converter.CONVERTER.get_unstructure_hook(Module)
    assert function.__code__.co_filename.startswith("<cattrs generated unstructure")


# -- shapes the library's classes do not have ----------------------------------------------------

T = TypeVar("T")


class _Colour(enum.Enum):
    RED = "red"


class _Pair(enum.Enum):
    ONE = (1, 2)  # not a plain value: cattrs' own enum hook


@attrs.frozen
class _Leaf:
    amount: Decimal
    day: pendulum.Date


@attrs.frozen
class _Shapes:
    first_none: None | _Leaf  # noqa: RUF036 - the order cattrs also reads
    maybe_any: Any | None
    anything: tuple[Any, ...]
    listed: list[_Leaf]
    colours: list[_Colour]
    pair: _Pair
    optional_list: tuple[_Leaf, ...] | None
    nested: tuple[tuple[_Leaf, ...], ...]
    union: int | str
    hidden: int = attrs.field(init=False, default=0)


@attrs.frozen
class _Tree:
    name: str
    children: tuple[_Tree, ...] = ()
    parent: _Tree | None = None


@attrs.frozen
class _Box(Generic[T]):
    item: T


@attrs.frozen
class _Annotated:
    count: typing.Annotated[int, "a note"]


@attrs.define
class _Untyped:
    value = attrs.field()  # type: ignore[var-annotated]  # no type: cattrs' function


SHAPES: list[tuple[type, object]] = [
    (
        _Shapes,
        _Shapes(
            first_none=_Leaf(amount=Decimal("1.50"), day=pendulum.date(2026, 11, 27)),
            maybe_any=pendulum.date(2026, 1, 1),
            anything=(Decimal("2"), "x", _Colour.RED),
            listed=[_Leaf(amount=Decimal("0"), day=pendulum.date(2026, 1, 2))],
            colours=[_Colour.RED],
            pair=_Pair.ONE,
            optional_list=None,
            nested=((_Leaf(amount=Decimal("3"), day=pendulum.date(2026, 1, 3)),),),
            union="text",
        ),
    ),
    (
        _Shapes,
        _Shapes(
            first_none=None,
            maybe_any=None,
            anything=(),
            listed=[],
            colours=[],
            pair=_Pair.ONE,
            optional_list=(_Leaf(amount=Decimal("4"), day=pendulum.date(2026, 1, 4)),),
            nested=(),
            union=7,
        ),
    ),
    (_Tree, _Tree(name="a", children=(_Tree(name="b", parent=_Tree(name="c")),))),
    (_Box, _Box(item=pendulum.date(2026, 11, 27))),
    (_Annotated, _Annotated(count=3)),
    (_Untyped, _Untyped(value=Decimal("1"))),
]


WRITTEN: list[object] = [
    {
        "first_none": {"amount": "1.50", "day": "2026-11-27"},
        "maybe_any": "2026-01-01",
        "anything": ["2", "x", "red"],
        "listed": [{"amount": "0", "day": "2026-01-02"}],
        "colours": ["red"],
        "pair": (1, 2),
        "optional_list": None,
        "nested": [[{"amount": "3", "day": "2026-01-03"}]],
        "union": "text",
    },
    {
        "first_none": None,
        "maybe_any": None,
        "anything": [],
        "listed": [],
        "colours": [],
        "pair": (1, 2),
        "optional_list": [{"amount": "4", "day": "2026-01-04"}],
        "nested": [],
        "union": 7,
    },
    {
        "name": "a",
        "children": [
            {"name": "b", "children": [], "parent": {"name": "c", "children": [], "parent": None}}
        ],
        "parent": None,
    },
    {"item": "2026-11-27"},
    {"count": 3},
    {"value": "1"},
]


@pytest.mark.parametrize(
    ("cls", "value", "written"),
    [(cls, value, written) for (cls, value), written in zip(SHAPES, WRITTEN, strict=True)],
    ids=[type(v).__name__ for _, v in SHAPES],
)
def test_unusual_shapes_are_written(cls: type, value: object, written: object) -> None:
    data = documents_converter.make_converter().unstructure(value, cls)
    assert data == written
    assert list(data) == list(typing.cast(dict[str, Any], written))  # attrs' order of fields


# -- the converter's own memos of datetimes and durations ------------------------------------------

STOCKHOLM = pendulum.timezone("Europe/Stockholm")


def test_each_converter_owns_its_memos() -> None:
    mine, other = documents_converter.make_converter(), documents_converter.make_converter()
    assert mine.temporal is not other.temporal
    moment = pendulum.DateTime(2026, 11, 27, 9, tzinfo=STOCKHOLM)
    assert mine.unstructure(moment) == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    assert mine.unstructure(pendulum.duration(hours=3)) == "PT3H"
    assert mine.temporal.datetime_texts[0] == {moment: (STOCKHOLM, mine.unstructure(moment))}
    assert other.temporal.datetime_texts == ({}, {})
    assert other.temporal.duration_texts == {}


def test_the_same_instant_in_two_zones_is_written_in_each_zone() -> None:
    hooks = documents_temporal.TemporalHooks()
    here = pendulum.datetime(2026, 11, 27, 9, tz="Europe/Stockholm")
    there = here.in_timezone("Europe/Berlin")
    assert here == there
    for _ in range(2):  # the second time from the memo
        assert hooks.unstructure_datetime(here) == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
        assert hooks.unstructure_datetime(there) == "2026-11-27T09:00:00+01:00[Europe/Berlin]"


def test_the_repeated_hour_is_written_by_its_fold_from_the_memo() -> None:
    hooks = documents_temporal.TemporalHooks()
    first = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=0)
    second = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=1)
    for _ in range(2):
        assert hooks.unstructure_datetime(first) == "2026-10-25T02:30:00+02:00[Europe/Stockholm]"
        assert hooks.unstructure_datetime(second) == "2026-10-25T02:30:00+01:00[Europe/Stockholm]"


def test_two_zone_objects_of_one_name_are_remembered_apart() -> None:
    hooks = documents_temporal.TemporalHooks()
    own = zoneinfo.ZoneInfo.no_cache("Europe/Stockholm")
    ours = pendulum.DateTime(2026, 11, 27, 9, tzinfo=STOCKHOLM)
    theirs = dt.datetime(2026, 11, 27, 9, tzinfo=own)
    for _ in range(2):
        assert hooks.unstructure_datetime(ours) == hooks.unstructure_datetime(theirs)
        assert hooks.datetime_texts[0][theirs][0] is own


def test_a_fixed_offset_datetime_is_remembered_with_its_zone() -> None:
    hooks = documents_temporal.TemporalHooks()
    fixed = dt.datetime(2026, 11, 27, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    other = dt.datetime(2026, 11, 27, 8, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert fixed == other
    for _ in range(2):
        assert hooks.unstructure_datetime(fixed) == "2026-11-27T09:00:00+02:00"
        assert hooks.unstructure_datetime(other) == "2026-11-27T08:00:00+01:00"


class _Moment(dt.datetime):
    """A datetime class the memo does not trust to compare as the standard one does."""


class _Zone(dt.tzinfo):
    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=1)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: dt.datetime | None) -> str:
        return "+01:00"


def test_an_unknown_datetime_or_zone_class_is_written_each_time() -> None:
    hooks = documents_temporal.TemporalHooks()
    moment = _Moment(2026, 11, 27, 9, tzinfo=STOCKHOLM)
    assert hooks.unstructure_datetime(moment) == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    zoned = dt.datetime(2026, 11, 27, 9, tzinfo=_Zone())
    assert hooks.unstructure_datetime(zoned) == "2026-11-27T09:00:00+01:00"
    assert hooks.datetime_texts == ({}, {})


def test_a_naive_datetime_is_refused_and_not_remembered() -> None:
    hooks = documents_temporal.TemporalHooks()
    with pytest.raises(ValidationError, match="must be an aware datetime"):
        hooks.unstructure_datetime(dt.datetime(2026, 11, 27, 9))
    assert hooks.datetime_texts == ({}, {})


def test_the_datetime_memo_is_bounded() -> None:
    hooks = documents_temporal.TemporalHooks(size=2)
    for hour in range(5):
        assert (
            hooks.unstructure_datetime(pendulum.DateTime(2026, 11, 27, hour, tzinfo=STOCKHOLM))
            == f"2026-11-27T{hour:02d}:00:00+01:00[Europe/Stockholm]"
        )
    assert len(hooks.datetime_texts[0]) == 1  # emptied when full, then the last one


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (pendulum.duration(years=1), "P1Y"),
        (pendulum.duration(days=365), "P365D"),
        (dt.timedelta(days=365), "P365D"),
        (pendulum.duration(months=1), "P1M"),
        (pendulum.duration(days=30), "P30D"),
    ],
)
def test_durations_of_equal_length_keep_their_own_text(duration: dt.timedelta, text: str) -> None:
    hooks = documents_temporal.TemporalHooks()
    for other in (pendulum.duration(years=1), pendulum.duration(months=1), dt.timedelta(30)):
        hooks.unstructure_duration(other)
    assert hooks.unstructure_duration(duration) == text
    assert hooks.unstructure_duration(duration) == text


class _Span(dt.timedelta):
    """A duration class the memo does not know."""


def test_an_unknown_duration_class_is_written_each_time() -> None:
    hooks = documents_temporal.TemporalHooks()
    assert hooks.unstructure_duration(_Span(hours=3)) == "PT3H"
    assert hooks.duration_texts == {}


def test_the_duration_memo_is_bounded() -> None:
    hooks = documents_temporal.TemporalHooks(size=2)
    for hours in range(1, 6):
        assert hooks.unstructure_duration(pendulum.duration(hours=hours)) == f"PT{hours}H"
    assert hooks.duration_texts == {pendulum.duration(hours=5): (0, 0, "PT5H")}


def test_the_read_memo_gives_one_object_per_text_and_converter() -> None:
    mine, other = documents_converter.make_converter(), documents_converter.make_converter()
    text = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    first = mine.structure(text, pendulum.DateTime)
    assert mine.structure(text, pendulum.DateTime) is first
    assert other.structure(text, pendulum.DateTime) is not first
    assert other.structure(text, pendulum.DateTime) == first


class _Rank(enum.IntEnum):
    ONE = 1


class _Word(str, enum.Enum):  # noqa: UP042 - the mixin form, not StrEnum
    YES = "yes"


def test_an_enum_deriving_from_int_or_str_is_read_by_value_with_the_converters_own_hook() -> None:
    converter = documents_converter.make_converter()
    assert converter.structure(1, _Rank) is _Rank.ONE
    assert converter.structure("yes", _Word) is _Word.YES
    assert set(converter.enum_hooks) == {_Rank, _Word}
    assert documents_converter.make_converter().enum_hooks == {}
    with pytest.raises(ValidationError, match="must be one of 1"):
        converter.structure("1", _Rank)


def test_whether_a_type_holds_a_float_is_remembered_by_the_converter() -> None:
    converter = documents_converter.make_converter()
    assert documents_text.write_json([1], indent=None, of=tuple[int, ...], converter=converter)
    assert converter.float_free_types == {tuple[int, ...]: True}


# -- JSON text of nested objects -------------------------------------------------------------------


class _Twig(_Leaf):
    """A subclass: written as its declared class, whose fields it has, by cattrs."""


@attrs.frozen
class _Branch:
    leaf: _Leaf
    leaves: tuple[_Leaf, ...]
    listed: list[_Leaf]
    maybe: _Leaf | None = None


BRANCH = _Branch(
    leaf=_Twig(amount=Decimal("1"), day=pendulum.date(2026, 1, 1)),
    leaves=tuple(_Leaf(amount=Decimal(n), day=pendulum.date(2026, 1, 1)) for n in range(2)),
    listed=[_Twig(amount=Decimal("9"), day=pendulum.date(2026, 1, 9))],
)


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("orjson", [True, False])
def test_a_subclass_is_written_as_its_declared_class(indent: int | None, orjson: bool) -> None:
    data = {
        "leaf": {"amount": "1", "day": "2026-01-01"},
        "leaves": [{"amount": "0", "day": "2026-01-01"}, {"amount": "1", "day": "2026-01-01"}],
        "listed": [{"amount": "9", "day": "2026-01-09"}],
        "maybe": None,
    }
    separators = None if indent else (",", ":")
    assert documents_text.json_document(BRANCH, indent=indent, orjson=orjson) == json.dumps(
        data, indent=indent, separators=separators
    )


@attrs.frozen
class _Stamp:
    at: dt.datetime


@attrs.frozen
class _Log:
    stamps: tuple[_Stamp, ...]


@pytest.mark.parametrize("orjson", [True, False])
def test_an_error_in_a_nested_object_is_a_validation_error(orjson: bool) -> None:
    log = _Log(stamps=(_Stamp(at=dt.datetime(2026, 1, 1, 9)),))
    with pytest.raises(ValidationError, match="must be an aware datetime"):
        documents_text.json_document(log, indent=None, orjson=orjson)
