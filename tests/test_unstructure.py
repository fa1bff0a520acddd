"""The generated unstructure functions give exactly what cattrs' own functions give."""

from __future__ import annotations

import datetime as dt
import enum
import json
import linecache
import typing
import zoneinfo
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs
import cattrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import Module, ValidationError, testing
from ledarutveckling._documents import converter as documents_converter
from ledarutveckling._documents import registry as documents_registry
from ledarutveckling._documents import temporal as documents_temporal
from ledarutveckling._documents import text as documents_text
from ledarutveckling._documents.unstructure import LONG, JsonFunctions, make_unstructure_fn
from tests.test_serialization import IDS, VALUES

PLAIN: cattrs.Converter = documents_converter.make_converter(specialised=False)
"""The converter with cattrs' own functions for attrs classes: the reference."""


def _same(value: Any, cls: Any) -> None:
    """The two converters give equal data with the keys in the same order, and equal JSON.

    And the lazy JSON writer (``to_json``) writes the text of cattrs' plain data, with orjson
    and with the json module alone, compact and indented.
    """
    fast = documents_converter.CONVERTER.unstructure(value, cls)
    plain = PLAIN.unstructure(value, cls)
    assert fast == plain
    assert json.dumps(fast, ensure_ascii=False) == json.dumps(plain, ensure_ascii=False)
    assert documents_text.write_json(fast, indent=None, of=cls) == documents_text.write_json(
        plain, indent=None, of=cls
    )
    document = documents_registry.envelope(value, PLAIN)
    for indent in (None, 2):
        expected = documents_text.write_json(document, indent=indent, of=type(value))
        assert documents_text.json_document(value, indent=indent) == expected
        assert documents_text.json_document(value, indent=indent, orjson=False) == expected


@pytest.mark.parametrize(("cls", "values"), VALUES, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_public_type_unstructures_as_cattrs_does(
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
def test_values_of_the_testing_strategies_unstructure_as_cattrs_does(
    values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(values)
    _same(value, type(value))


def test_the_generated_function_writes_its_leaves_inline() -> None:
    function = documents_converter.CONVERTER.get_unstructure_hook(Module)
    assert function.__name__ == "unstructure_Module"
    source = "".join(linecache.getlines(function.__code__.co_filename))
    assert "instance.format._value_" in source
    assert "list(instance.learning_objectives)" in source
    assert "'max_participants': instance.max_participants," in source


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


@pytest.mark.parametrize(("cls", "value"), SHAPES, ids=[type(v).__name__ for _, v in SHAPES])
def test_unusual_shapes_unstructure_as_cattrs_does(cls: type, value: object) -> None:
    converter = documents_converter.make_converter()
    plain = documents_converter.make_converter(specialised=False)
    fast = converter.unstructure(value, cls)
    assert fast == plain.unstructure(value, cls)
    assert list(fast) == list(plain.unstructure(value, cls))


@pytest.mark.parametrize("cls", [_Box, _Annotated, _Untyped])
def test_a_class_with_a_shape_not_mirrored_gets_cattrs_function(cls: type) -> None:
    function = make_unstructure_fn(cls, documents_converter.make_converter(), {})
    assert function.__code__.co_filename.startswith("<cattrs generated")


def test_a_field_left_out_of_init_is_left_out_as_cattrs_does() -> None:
    value = SHAPES[0][1]
    assert "hidden" not in documents_converter.make_converter().unstructure(value, _Shapes)


def test_a_class_that_holds_itself_is_written_whole() -> None:
    value = _Tree(name="a", children=(_Tree(name="b"),), parent=_Tree(name="c"))
    assert documents_converter.make_converter().unstructure(value) == {
        "name": "a",
        "children": [{"name": "b", "children": [], "parent": None}],
        "parent": {"name": "c", "children": [], "parent": None},
    }


# -- the remembered texts of datetimes and durations ---------------------------------------------

STOCKHOLM = pendulum.timezone("Europe/Stockholm")


def test_the_same_instant_in_two_zones_is_written_in_each_zone() -> None:
    here = pendulum.datetime(2026, 11, 27, 9, tz="Europe/Stockholm")
    there = here.in_timezone("Europe/Berlin")
    assert here == there
    for _ in range(2):  # the second time from the memo
        assert (
            documents_temporal._unstructure_datetime(here)
            == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
        )
        assert (
            documents_temporal._unstructure_datetime(there)
            == "2026-11-27T09:00:00+01:00[Europe/Berlin]"
        )


def test_the_repeated_hour_is_written_by_its_fold_from_the_memo() -> None:
    first = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=0)
    second = pendulum.DateTime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=1)
    for _ in range(2):
        assert (
            documents_temporal._unstructure_datetime(first)
            == "2026-10-25T02:30:00+02:00[Europe/Stockholm]"
        )
        assert (
            documents_temporal._unstructure_datetime(second)
            == "2026-10-25T02:30:00+01:00[Europe/Stockholm]"
        )


def test_two_zone_objects_of_one_name_are_remembered_apart() -> None:
    own = zoneinfo.ZoneInfo.no_cache("Europe/Stockholm")
    ours = pendulum.DateTime(2026, 11, 27, 9, tzinfo=STOCKHOLM)
    theirs = dt.datetime(2026, 11, 27, 9, tzinfo=own)
    for _ in range(2):
        assert documents_temporal._unstructure_datetime(
            ours
        ) == documents_temporal._unstructure_datetime(theirs)
        assert documents_temporal._DATETIME_TEXTS[0][theirs][0] is own


def test_a_fixed_offset_datetime_is_remembered_with_its_zone() -> None:
    fixed = dt.datetime(2026, 11, 27, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    other = dt.datetime(2026, 11, 27, 8, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert fixed == other
    for _ in range(2):
        assert documents_temporal._unstructure_datetime(fixed) == "2026-11-27T09:00:00+02:00"
        assert documents_temporal._unstructure_datetime(other) == "2026-11-27T08:00:00+01:00"


class _Moment(dt.datetime):
    """A datetime class the memo does not trust to compare as the standard one does."""


class _Zone(dt.tzinfo):
    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=1)

    def dst(self, moment: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, moment: dt.datetime | None) -> str:
        return "+01:00"


def test_an_unknown_datetime_or_zone_class_is_written_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(documents_temporal, "_DATETIME_TEXTS", ({}, {}))
    moment = _Moment(2026, 11, 27, 9, tzinfo=STOCKHOLM)
    assert (
        documents_temporal._unstructure_datetime(moment)
        == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    )
    zoned = dt.datetime(2026, 11, 27, 9, tzinfo=_Zone())
    assert documents_temporal._unstructure_datetime(zoned) == "2026-11-27T09:00:00+01:00"
    assert documents_temporal._DATETIME_TEXTS == ({}, {})


def test_the_datetime_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_temporal, "_DATETIME_TEXTS", ({}, {}))
    monkeypatch.setattr(documents_temporal, "_MEMO_SIZE", 2)
    for hour in range(5):
        documents_temporal._unstructure_datetime(
            pendulum.DateTime(2026, 11, 27, hour, tzinfo=STOCKHOLM)
        )
    assert len(documents_temporal._DATETIME_TEXTS[0]) <= 2


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
    for other in (pendulum.duration(years=1), pendulum.duration(months=1), dt.timedelta(30)):
        documents_temporal._unstructure_duration(other)
    assert documents_temporal._unstructure_duration(duration) == text
    assert documents_temporal._unstructure_duration(duration) == text


class _Span(dt.timedelta):
    """A duration class the memo does not know."""


def test_an_unknown_duration_class_is_written_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_temporal, "_DURATION_TEXTS", {})
    assert documents_temporal._unstructure_duration(_Span(hours=3)) == "PT3H"
    assert documents_temporal._DURATION_TEXTS == {}


def test_the_duration_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents_temporal, "_DURATION_TEXTS", {})
    monkeypatch.setattr(documents_temporal, "_MEMO_SIZE", 2)
    for hours in range(1, 6):
        assert (
            documents_temporal._unstructure_duration(pendulum.duration(hours=hours))
            == f"PT{hours}H"
        )
    assert len(documents_temporal._DURATION_TEXTS) <= 2


# -- the lazy JSON writer ------------------------------------------------------------------------


class _Twig(_Leaf):
    """A subclass: written as its declared class, whose fields it has, by cattrs."""


@attrs.frozen
class _Branch:
    leaf: _Leaf
    leaves: tuple[_Leaf, ...]
    listed: list[_Leaf]
    maybe: _Leaf | None = None


BRANCHES = [
    _Branch(
        leaf=_Leaf(amount=Decimal("1"), day=pendulum.date(2026, 1, 1)),
        leaves=(_Leaf(amount=Decimal("2"), day=pendulum.date(2026, 1, 2)),),
        listed=[_Leaf(amount=Decimal("3"), day=pendulum.date(2026, 1, 3))],
        maybe=_Leaf(amount=Decimal("4"), day=pendulum.date(2026, 1, 4)),
    ),
    _Branch(
        leaf=_Twig(amount=Decimal("1"), day=pendulum.date(2026, 1, 1)),
        leaves=(
            _Leaf(amount=Decimal("2"), day=pendulum.date(2026, 1, 2)),
            _Twig(amount=Decimal("5"), day=pendulum.date(2026, 1, 5)),
        ),
        listed=[],
        maybe=_Twig(amount=Decimal("4"), day=pendulum.date(2026, 1, 4)),
    ),
    _Branch(leaf=_Leaf(amount=Decimal("1"), day=pendulum.date(2026, 1, 1)), leaves=(), listed=[]),
]


LONG_BRANCH = _Branch(
    leaf=_Leaf(amount=Decimal("1"), day=pendulum.date(2026, 1, 1)),
    leaves=tuple(_Leaf(amount=Decimal(n), day=pendulum.date(2026, 1, 1)) for n in range(40)),
    listed=[
        *(_Leaf(amount=Decimal(n), day=pendulum.date(2026, 1, 1)) for n in range(39)),
        _Twig(amount=Decimal("9"), day=pendulum.date(2026, 1, 9)),
    ],
)
LONG_TREE = _Tree(name="a", children=tuple(_Tree(name=str(n)) for n in range(40)))


@pytest.mark.parametrize("value", [*BRANCHES, LONG_BRANCH, LONG_TREE, *(v for _, v in SHAPES)])
@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("orjson", [True, False])
def test_the_lazy_writer_writes_the_text_of_the_plain_data(
    value: object, indent: int | None, orjson: bool
) -> None:
    expected = documents_text.write_json(PLAIN.unstructure(value), indent=indent, of=type(value))
    assert documents_text.json_document(value, indent=indent, orjson=orjson) == expected


def test_the_lazy_function_leaves_long_sequences_of_the_declared_class_to_the_encoder() -> None:
    functions = JsonFunctions(documents_converter.CONVERTER, documents_converter._INLINE)
    leaves = tuple(_Leaf(amount=Decimal(n), day=pendulum.date(2026, 1, 1)) for n in range(LONG + 1))
    value = attrs.evolve(BRANCHES[0], leaves=leaves, listed=list(leaves[:LONG]))
    data = functions.function(_Branch)(value)
    assert data["leaves"] is leaves
    assert data["listed"] == [{"amount": str(n), "day": "2026-01-01"} for n in range(LONG)]
    assert data["leaf"] == {"amount": "1", "day": "2026-01-01"}
    assert functions.default(leaves[0]) == {"amount": "0", "day": "2026-01-01"}


def test_a_class_that_holds_itself_is_left_to_the_encoder_where_it_holds_itself() -> None:
    functions = JsonFunctions(documents_converter.CONVERTER, documents_converter._INLINE)
    children = tuple(_Tree(name=str(n)) for n in range(LONG + 1))
    value = _Tree(name="a", children=children, parent=_Tree(name="b"))
    data = functions.function(_Tree)(value)
    assert data["parent"] is value.parent
    assert data["children"] is children
    short = functions.function(_Tree)(_Tree(name="c", children=children[:1]))
    assert short["children"] == [{"name": "0", "children": [], "parent": None}]


def test_the_lazy_function_writes_a_subclass_as_its_declared_class() -> None:
    functions = JsonFunctions(documents_converter.CONVERTER, documents_converter._INLINE)
    data = functions.function(_Branch)(BRANCHES[1])
    assert data["leaf"] == {"amount": "1", "day": "2026-01-01"}
    assert data["leaves"] == [
        {"amount": "2", "day": "2026-01-02"},
        {"amount": "5", "day": "2026-01-05"},
    ]
    assert data["maybe"] == {"amount": "4", "day": "2026-01-04"}


def test_the_default_hook_refuses_what_is_not_an_attrs_object() -> None:
    functions = JsonFunctions(documents_converter.CONVERTER, documents_converter._INLINE)
    with pytest.raises(TypeError, match="Type is not JSON serializable: object"):
        functions.default(object())


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


def test_the_default_hook_writes_an_attrs_object_of_a_class_not_met_yet() -> None:
    functions = JsonFunctions(documents_converter.CONVERTER, documents_converter._INLINE)
    leaf = _Leaf(amount=Decimal("2.50"), day=pendulum.date(2026, 11, 27))
    assert functions.default(leaf) == {"amount": "2.50", "day": "2026-11-27"}
