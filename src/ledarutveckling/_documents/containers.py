"""The converter's hooks for lists, tuples, sets, mappings and unions, and their keys (private).

A container reads every item and reports every problem at once, each with its part of the path
(``[3]``, ``["q1"]``); the predicates here (:func:`_is_union`, :func:`_is_mapping`…) say which
typing forms each hook takes, for the converter, the text readers and the JSON Schema alike.
"""

from __future__ import annotations

import collections.abc as abc
import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import cattrs

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.messages import Hook, _bad, _wrong_type, coded, written
from ledarutveckling._documents.scalars import _NONE_TYPE
from ledarutveckling.errors import Problem, ValidationError, key_path

# (?a) throughout: \d would also match other scripts' digits, which int() and Decimal() accept.
_INT_KEY: Final = r"(?a)-?\d{1,30}"


_PAIR_KEY: Final = r"(?a)(\d{1,9})-(\d{1,9})"
# A month typed as the text of a month key ("2025-10") where a pair ``[2025, 10]`` is due.
_MONTH_TEXT: Final = r"(?a)\d{4}-\d{1,2}"


def _origin(type_: Any) -> Any:
    return typing.get_origin(type_)


def _is_union(type_: Any) -> bool:
    return _origin(type_) in (typing.Union, types.UnionType)


def _is_homogeneous_sequence(type_: Any) -> bool:
    if type_ in (list, tuple):
        return True
    origin, args = _origin(type_), typing.get_args(type_)
    if origin is tuple:
        return len(args) == 2 and args[1] is Ellipsis
    return origin in (list, abc.Sequence, abc.MutableSequence)


def _is_fixed_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return _origin(type_) is tuple and bool(args) and args[-1] is not Ellipsis


def _is_set(type_: Any) -> bool:
    return type_ in (frozenset, set) or _origin(type_) in (frozenset, set, abc.Set, abc.MutableSet)


def _is_mapping(type_: Any) -> bool:
    return type_ is dict or _origin(type_) in (dict, abc.Mapping, abc.MutableMapping)


def _structure_items(
    value: object, item_hooks: Iterable[tuple[Hook, Any]], *, expected: int | None = None
) -> list[Any]:
    if type(value) is not list and type(value) is not tuple:
        raise _wrong_type(value, "a list", Expected.LIST)
    items: list[Any] = list(value)
    if expected is not None and len(items) != expected:
        raise _bad(
            value,
            f"must be a list of exactly {expected} items, not {len(items)}",
            Code.WRONG_LENGTH,
            expected=expected,
            count=len(items),
        )
    result: list[Any] = []
    problems: list[Problem] = []
    for index, (item, (hook, item_type)) in enumerate(zip(items, item_hooks, strict=False)):
        try:
            result.append(hook(item, item_type))
        except ValidationError as error:
            problems.extend(p.with_prefix(f"[{index}]") for p in error.problems)
    if problems:
        raise ValidationError(problems)
    return result


class _Repeat:
    """An endless iterable of the same (hook, type) pair, for homogeneous lists."""

    def __init__(self, hook: Hook, item_type: Any) -> None:
        self.pair = (hook, item_type)

    def __iter__(self) -> typing.Iterator[tuple[Hook, Any]]:
        while True:
            yield self.pair


def _json_sort_key(value: object) -> str:
    import json  # on first use: the import of the library does not load json

    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _is_int_pair(type_: Any) -> bool:
    return bool(type_ == tuple[int, int])


def _key_hook(converter: cattrs.Converter, key_type: Any) -> Hook:
    """Mapping keys are strings in JSON and TOML.

    An int key is read from its digits; a pair of ints (such as a month, ``(2026, 1)``) from
    ``"2026-01"``.
    """
    if _is_int_pair(key_type):

        def structure_pair_key(value: object, _: object) -> tuple[int, int]:
            match = re.fullmatch(_PAIR_KEY, value) if type(value) is str else None
            if match is None:
                raise _bad(
                    value,
                    "must be two whole numbers written like '2026-01' (a month)",
                    Code.WRONG_KIND,
                    expected=Expected.MONTH_KEY,
                )
            pair = (int(match[1]), int(match[2]))
            if value != _pair_key_text(pair):  # one spelling per key: "2024-010" is "2024-10"
                raise _bad(
                    value,
                    f"must be written {_pair_key_text(pair)!r} (one spelling a key)",
                    Code.KEY_SPELLING,
                    spelling=written(_pair_key_text(pair)),
                )
            return pair

        return structure_pair_key
    if key_type is int:

        def structure_int_key(value: object, _: object) -> int:
            if type(value) is int:
                return value
            if type(value) is str and re.fullmatch(_INT_KEY, value):
                number = int(value)
                if value != str(number):  # one spelling per key: "007" is "7"
                    raise _bad(
                        value,
                        f"must be written {str(number)!r} (one spelling a key)",
                        Code.KEY_SPELLING,
                        spelling=written(str(number)),
                    )
                return number
            raise _wrong_type(
                value, "an integer written as a string, e.g. '2026'", Expected.INTEGER_KEY
            )

        return structure_int_key
    return converter.get_structure_hook(key_type)


def _pair_key_text(key: tuple[int, int]) -> str:
    first, second = key
    if first < 0 or second < 0:
        raise _bad(key, "cannot be written as a key: both numbers must be zero or more")
    return f"{first:04d}-{second:02d}"


def _add_container_hooks(converter: cattrs.Converter, *, toml: bool) -> None:
    def sequence_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = converter.get_structure_hook(item_type)
        build = (
            list
            if list in (type_, _origin(type_)) or _origin(type_) is abc.MutableSequence
            else tuple
        )

        periods = item_type is DateRange  # absences: a date alone is told how to write them

        def structure(value: object, _: object) -> Any:
            if type(value) is list:
                try:  # the common case in one comprehension; on any problem, collect them all
                    return build([hook(item, item_type) for item in value])
                except ValidationError:
                    pass
            elif periods and type(value) is not tuple:
                raise _wrong_type(value, "a list of periods", Expected.PERIODS)
            return build(_structure_items(value, _Repeat(hook, item_type)))

        return structure

    def fixed_tuple_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        pairs = [(converter.get_structure_hook(arg), arg) for arg in args]
        month = _is_int_pair(type_)  # a month, (2025, 10), or another pair of whole numbers

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if month and type(value) is str and re.fullmatch(_MONTH_TEXT, value):
                raise _wrong_type(
                    value, "a list [year, month], e.g. [2025, 10]", Expected.MONTH_LIST
                )
            return tuple(_structure_items(value, pairs, expected=len(pairs)))

        return structure

    def set_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = converter.get_structure_hook(item_type)
        build = (
            set if set in (type_, _origin(type_)) or _origin(type_) is abc.MutableSet else frozenset
        )

        def structure(value: object, _: object) -> Any:
            items = _structure_items(value, _Repeat(hook, item_type))
            seen: set[Any] = set()
            problems: list[Problem] = []
            for index, item in enumerate(items):
                if item in seen:
                    problems.append(
                        coded(
                            f"[{index}]",
                            typing.cast(list[Any], value)[index],
                            "is a duplicate; each item of a set must be unique",
                            Code.DUPLICATE_ITEM,
                        )
                    )
                seen.add(item)
            if problems:
                raise ValidationError(problems)
            return build(items)

        return structure

    def mapping_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        key_hook = _key_hook(converter, key_type)
        value_hook = converter.get_structure_hook(value_type)

        def structure(value: object, _: object) -> dict[Any, Any]:
            if not isinstance(value, Mapping):
                raise _wrong_type(value, "an object (a table in TOML)", Expected.TABLE)
            result: dict[Any, Any] = {}
            problems: list[Problem] = []
            for raw_key, raw_value in value.items():
                path = key_path(raw_key)
                try:
                    key = key_hook(raw_key, key_type)
                except ValidationError as error:
                    problems.extend(
                        attrs.evolve(p, path=path, value=raw_key, message=f"key {p.message}")
                        for p in error.problems
                    )
                    continue
                try:
                    result[key] = value_hook(raw_value, value_type)
                except ValidationError as error:
                    problems.extend(p.with_prefix(path) for p in error.problems)
            if problems:
                raise ValidationError(problems)
            return result

        return structure

    def union_factory(type_: Any) -> Hook:
        members = [arg for arg in typing.get_args(type_) if arg is not _NONE_TYPE]
        optional = len(members) < len(typing.get_args(type_))
        hooks = [(converter.get_structure_hook(member), member) for member in members]
        empty_is_null = toml and _empty_array_stands_for_null(type_)
        null = "[] (TOML's stand-in for null)" if empty_is_null else "null"
        names = " or ".join(
            ([null] if optional else []) + [getattr(m, "__name__", str(m)) for m in members]
        )

        def structure(value: object, _: object) -> Any:
            if value is None and optional:
                return None
            if empty_is_null and type(value) is list and not value:
                return None
            if len(hooks) == 1:
                hook, member = hooks[0]
                if not empty_is_null:
                    return hook(value, member)
                try:
                    return hook(value, member)
                except ValidationError as error:
                    raise ValidationError(
                        [
                            attrs.evolve(p, message=p.message + _EMPTY_IS_NULL)
                            for p in error.problems
                        ]
                    ) from None
            for hook, member in hooks:
                try:
                    return hook(value, member)
                except ValidationError:
                    continue
            raise _bad(value, f"must be {names}", Code.BAD_VALUE)

        return structure

    def set_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        hook = (
            converter.unstructure if item_type is Any else converter.get_unstructure_hook(item_type)
        )

        def unstructure(value: Iterable[Any]) -> list[Any]:
            items = [hook(item) for item in value]
            return sorted(items, key=_json_sort_key)

        return unstructure

    def sequence_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        if _is_fixed_tuple(type_):
            hooks = [converter.get_unstructure_hook(arg) for arg in args]
            return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=False)]
        item_type = args[0] if args else Any
        if item_type is Any:
            return lambda value: [converter.unstructure(item) for item in value]
        hook = converter.get_unstructure_hook(item_type)
        return lambda value: [hook(item) for item in value]

    def empty_array_for_null_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        def unstructure(value: Any) -> Any:
            return [] if value is None else converter.unstructure(value)

        return unstructure

    def mapping_unstructure_factory(type_: Any) -> Callable[[Any], Any]:
        args = typing.get_args(type_)
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        pair = _is_int_pair(key_type)
        value_hook = (
            converter.unstructure
            if value_type is Any
            else converter.get_unstructure_hook(value_type)
        )

        def unstructure(value: Mapping[Any, Any]) -> dict[Any, Any]:
            result: dict[Any, Any] = {}
            for key, item in value.items():
                if pair or (type(key) is tuple and [type(k) for k in key] == [int, int]):
                    key_data: Any = _pair_key_text(key)
                else:
                    key_data = converter.unstructure(key)
                    if type(key_data) is int:
                        key_data = str(key_data)
                    elif type(key_data) is not str:
                        raise _bad(key, "cannot be written as a key: keys are written as text")
                result[key_data] = value_hook(item)
            return result

        return unstructure

    converter.register_structure_hook_factory(_is_homogeneous_sequence, sequence_factory)
    converter.register_structure_hook_factory(_is_fixed_tuple, fixed_tuple_factory)
    converter.register_structure_hook_factory(_is_set, set_factory)
    converter.register_structure_hook_factory(_is_mapping, mapping_factory)
    converter.register_structure_hook_factory(_is_union, union_factory)
    converter.register_unstructure_hook_factory(_is_set, set_unstructure_factory)
    converter.register_unstructure_hook_factory(
        lambda t: _is_homogeneous_sequence(t) or _is_fixed_tuple(t), sequence_unstructure_factory
    )
    converter.register_unstructure_hook_factory(_is_mapping, mapping_unstructure_factory)
    if toml:
        converter.register_unstructure_hook_factory(
            _empty_array_stands_for_null, empty_array_for_null_unstructure_factory
        )


_EMPTY_IS_NULL: Final = "; or [] for none (TOML's stand-in for null)"


def _is_scalar(type_: Any) -> bool:
    """Whether a value of *type_* is written as text, a number or a boolean (never a list)."""
    if type_ in (int, str, bool, float, Decimal) or _origin(type_) is typing.Literal:
        return True
    if isinstance(type_, type) and issubclass(type_, enum.Enum):  # (2, 3) would be a list
        return all(isinstance(member.value, _SCALAR_VALUES) for member in type_)
    return isinstance(type_, type) and issubclass(type_, dt.date | dt.time | dt.timedelta)


_SCALAR_VALUES: Final = (str, int, float, Decimal)


def _empty_array_stands_for_null(type_: Any) -> bool:
    """Whether TOML writes ``None`` of *type_* as the empty array ``[]`` (TOML has no null).

    Only for an optional scalar, where ``[]`` cannot mean anything else (``int | None``: yes;
    ``Money | None`` or ``tuple[int, ...] | None``: no).
    """
    if not _is_union(type_):
        return False
    members = typing.get_args(type_)
    others = [member for member in members if member is not _NONE_TYPE]
    return len(others) < len(members) and all(_is_scalar(member) for member in others)


def _admits_none(type_: Any) -> bool:
    return (
        type_ is None
        or type_ is _NONE_TYPE
        or (_is_union(type_) and _NONE_TYPE in typing.get_args(type_))
    )
