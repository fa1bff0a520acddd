"""Turning documents into the model and back, with one strict cattrs converter (private).

The public functions live in :mod:`ledarutveckling.serialization`; this module builds the
converter (:class:`DocumentConverter`), the hooks for the library's value types, the translation of
cattrs' error trees into one :class:`~ledarutveckling.ValidationError`, and the registry of
document kinds with their schema versions and migrations.

Every structure hook here raises only :class:`~ledarutveckling.ValidationError`, with paths
relative to the value it was given; the containers around it prefix their own part of the path
(``[3]``, ``lines``, ``["q1"]``) as the error bubbles up.
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
from typing import Any, Final, TypeVar

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
    StructureHandlerNotFoundError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.delivery import DeliveryRecord
from ledarutveckling._documents.messages import (
    Hook,
    _bad,
    _suggestion,
    _wrong_type,
    coded,
    quoted,
    written,
)
from ledarutveckling._documents.temporal import (
    TemporalHooks,
    TomlTemporal,
    _unstructure_date,
    _unstructure_time,
)
from ledarutveckling._procurement.agreement import FrameworkAgreement
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._rollout.problem import WorkingDays
from ledarutveckling._scheduling.calendar import WorkingCalendar
from ledarutveckling.errors import MISSING, Problem, ValidationError, key_path

T = TypeVar("T")


_NONE_TYPE: Final = type(None)


# (?a) throughout: \d would also match other scripts' digits, which int() and Decimal() accept.
_DECIMAL_TEXT: Final = r"(?a)[+-]?(?:\d+(?:\.\d*)?|\.\d+)"


_INT_KEY: Final = r"(?a)-?\d{1,30}"


_PAIR_KEY: Final = r"(?a)(\d{1,9})-(\d{1,9})"


_EXACT_FLOAT_INT: Final = 2**53


DOCUMENT_KEY: Final = "document"
"""The key naming a document's kind (``"program"``, ``"agreement"``…) in its header."""


VERSION_KEY: Final = "schema_version"
"""The key holding the schema version a document was written with, in its header."""


_HEADER: Final = frozenset({DOCUMENT_KEY, VERSION_KEY})


OMIT_IF_DEFAULT: Final = "ledarutveckling.omit_if_default"
"""attrs metadata key: leave the field out of a document while it holds its default."""


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    if type(value) is TomlTemporal:
        raise _bad(
            value,
            "must be a string; this is a TOML date or time, write it in quotes to keep it as text",
            Code.DATE_IN_TEXT,
        )
    raise _wrong_type(value, "a string", Expected.TEXT)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise _wrong_type(value, "an integer", Expected.INTEGER)


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise _wrong_type(value, "true or false", Expected.BOOLEAN)


def _structure_float(value: object, _: object) -> float:
    if type(value) is float and value == value and value not in (float("inf"), float("-inf")):
        return value
    if type(value) is int and abs(value) <= _EXACT_FLOAT_INT:
        return float(value)
    if type(value) in (int, float):
        raise _bad(value, "must be a finite number that a float holds exactly", Code.INEXACT_NUMBER)
    raise _wrong_type(value, "a number", Expected.NUMBER)


def _structure_decimal(value: object, _: object) -> Decimal:
    if type(value) is str and re.fullmatch(_DECIMAL_TEXT, value):
        return Decimal(value)
    if type(value) is int:
        return Decimal(value)
    if type(value) is str:
        raise _bad(
            value,
            "must be a decimal number written with a point, e.g. '12500.50'",
            Code.BAD_DECIMAL,
        )
    if type(value) is float:
        raise _bad(
            value,
            "must be a decimal number written as a string, e.g. '12500.50', "
            "not a float (a float cannot hold öre exactly)",
            Code.DECIMAL_AS_FLOAT,
        )
    raise _wrong_type(
        value, "a decimal number written as a string, e.g. '12500.50'", Expected.DECIMAL
    )


def _structure_as_given(value: object, _: object) -> object:
    if isinstance(value, TomlTemporal):
        return str(value)
    return value


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_none(value: object, _: object) -> None:
    if value is None:
        return
    raise _wrong_type(value, "null", Expected.NULL)


def _enum_hook(enum_type: type[enum.Enum]) -> Hook:
    members = {member.value: member for member in enum_type}
    valid = ", ".join(repr(member.value) for member in enum_type)
    texts = [value for value in members if isinstance(value, str)]

    def structure(value: object, _: object) -> enum.Enum:
        try:
            member = members.get(value)
        except TypeError:  # unhashable: a list or an object
            member = None
        if member is not None and type(value) is type(member.value):
            return member
        message = f"must be one of {valid}"
        near = _suggestion(value, texts) if isinstance(value, str) else None
        if near is not None:
            message += f"; did you mean {near!r}?"
        raise _bad(value, message, Code.NOT_ALLOWED, valid=quoted(members))

    return structure


def _enums_apart(hook: Hook, enum_hooks: dict[Any, Hook]) -> Hook:
    """Wrap a hook for int, str or float so that an enum deriving from it is read by value.

    cattrs dispatches an ``IntEnum`` (or a ``(str, Enum)``) to the hook registered for
    ``int`` (``str``) before any predicate; *enum_hooks* is the converter's own table of the
    enum hooks made so far.
    """

    def structure(value: object, type_: Any) -> Any:
        if type_ is int or type_ is str or type_ is float:
            return hook(value, type_)
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            found = enum_hooks.get(type_)
            if found is None:
                found = enum_hooks[type_] = _enum_hook(type_)
            return found(value, type_)
        return hook(value, type_)

    return structure


def _plain_enum(type_: Any) -> bool:
    """Whether *type_* is an enum whose members' values are strings, integers or booleans."""
    return (
        isinstance(type_, type)
        and issubclass(type_, enum.Enum)
        and all(type(member._value_) in (str, int, bool) for member in type_)
    )


def _unstructure_enum(member: enum.Enum) -> Any:
    """A member of a :func:`_plain_enum` as its value (what cattrs' own hook gives)."""
    return member.value


def _literal_hook(literal: Any) -> Hook:
    allowed = typing.get_args(literal)
    valid = ", ".join(repr(value) for value in allowed)

    def structure(value: object, _: object) -> object:
        for candidate in allowed:
            if type(value) is type(candidate) and value == candidate:
                return candidate
        raise _bad(value, f"must be one of {valid}", Code.NOT_ALLOWED, valid=quoted(allowed))

    return structure


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

        def structure(value: object, _: object) -> Any:
            if type(value) is list:
                try:  # the common case in one comprehension; on any problem, collect them all
                    return build([hook(item, item_type) for item in value])
                except ValidationError:
                    pass
            return build(_structure_items(value, _Repeat(hook, item_type)))

        return structure

    def fixed_tuple_factory(type_: Any) -> Hook:
        args = typing.get_args(type_)
        pairs = [(converter.get_structure_hook(arg), arg) for arg in args]

        def structure(value: object, _: object) -> tuple[Any, ...]:
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


def _problems_of(error: BaseException, path: str) -> list[Problem]:
    """The problems one exception stands for, seen from *path*."""
    if isinstance(error, ValidationError):
        return [p.with_prefix(path) for p in error.problems]
    if isinstance(error, BaseValidationError):
        return [p.with_prefix(path) for p in _group_problems(error, {}, object)]
    if isinstance(error, KeyError) and path:
        return [
            Problem(
                path=path, value=MISSING, message="is required but missing", code=Code.MISSING_KEY
            )
        ]
    message = str(error) or type(error).__name__
    return [Problem(path=path, value=MISSING, message=message, code=Code.RULE_FAILED)]


def _unknown_key_problems(
    error: ForbiddenExtraKeysError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    names = [a.name for a in attrs.fields(cls) if a.init] if attrs.has(cls) else []
    problems = []
    for key in [k for k in data if k in error.extra_fields]:
        if not isinstance(key, str):
            problems.append(
                coded(
                    key_path(key),
                    key,
                    "keys must be strings",
                    Code.WRONG_KIND,
                    expected=Expected.TEXT,
                )
            )
            continue
        params: dict[str, object] = {"key": written(key)}
        if key in _HEADER:
            message = (
                "belongs in a document's header, not in a value: read whole documents with "
                "load(), from_json() or from_toml()"
            )
            code = Code.HEADER_KEY
        else:
            message = f"is not a field of {cls.__name__}"
            near = _suggestion(key, names)
            if near is not None:
                message += f"; did you mean {near!r}?"
                code, params["near"] = Code.MISSPELT_KEY, written(near)
            else:
                message += f" (its fields are {', '.join(names)})"
                code, params["fields"] = Code.UNKNOWN_KEY, [str(written(n)) for n in names]
        problems.append(
            Problem(path=key_path(key), value=data[key], message=message, code=code, params=params)
        )
    return problems


def _group_problems(
    group: BaseValidationError, data: Mapping[Any, Any], cls: type
) -> list[Problem]:
    problems: list[Problem] = []
    for error in group.exceptions:
        if isinstance(error, ForbiddenExtraKeysError):
            problems.extend(_unknown_key_problems(error, data, cls))
            continue
        path = ""
        for note in getattr(error, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                path = note.name
            elif isinstance(note, IterableValidationNote):
                path = key_path(note.index) if isinstance(note.index, str) else f"[{note.index}]"
        found = _problems_of(error, path)
        if path.endswith("_share"):
            found = [_as_share(problem) for problem in found]
        problems.extend(found)
    return problems


_SHARE_CODES: Final = {
    Code.BAD_DECIMAL: (Code.SHARE_NOT_DECIMAL, "must be a share written as text, e.g. '0.5'"),
    Code.DECIMAL_AS_FLOAT: (Code.SHARE_AS_FLOAT, "must be a share written as text, e.g. '0.5'"),
}
"""A field named ``*_share`` holds a share of a price: its example is a share, not money."""


def _as_share(problem: Problem) -> Problem:
    """*problem* of a share field, with a share's example instead of an amount of money."""
    if problem.code not in _SHARE_CODES:
        return problem
    code, message = _SHARE_CODES[Code(problem.code)]
    return attrs.evolve(problem, code=code, message=message)


def _attrs_hook(converter: cattrs.Converter, cls: type) -> Hook:
    """Read *cls* with cattrs' generated functions: a fast one, and a detailed one for errors.

    The fast function stops at the first problem; the detailed one (cattrs' detailed
    validation) collects every problem with its path, but wraps each field in its own
    ``try`` and costs a third more. Both call the same hooks and the same constructor, whose
    ``__attrs_post_init__`` holds the rules, so a document that reads without error gives the
    same object either way; when the fast one meets any error, the detailed one reads the value
    again to report every problem (reading has no side effects).
    """
    attrs.resolve_types(cls)
    fast: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
    )
    detailed: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    # Optional fields without a default may be left out (TOML has no null): absent means None.
    absent_is_none = tuple(
        a.name
        for a in attrs.fields(cls)
        if a.init and a.default is attrs.NOTHING and _admits_none(a.type)
    )
    required = frozenset(absent_is_none)
    name = cls.__name__

    def structure(data: object, _: object) -> Any:
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wrong_type(
                data, f"an object with the fields of {name} (a table in TOML)", Expected.TABLE
            )
        if required and not required <= data.keys():
            data = {**dict.fromkeys(absent_is_none), **data}
        try:
            return fast(data, cls)
        except Exception:  # any problem: read again below, collecting every one
            pass
        try:
            return detailed(data, cls)
        except BaseValidationError as group:
            problems = _group_problems(group, data, cls)
        problems.extend(_rules_around(converter, cls, data, problems))
        raise ValidationError(problems) from None

    return structure


_RULES_AROUND: Final[frozenset[type]] = frozenset({FrameworkAgreement, CallOff, DeliveryRecord})
"""The classes whose rules run when a nested value cannot be read (see :func:`_rules_around`).

Only classes whose every rule checks the type of the fields it needs, so that a stand-in for
an unreadable field silences the rules that depend on it; a class is added here with a test.
"""


class _Unreadable:
    """Stands in for a field that could not be read, so the rules of the rest still run."""

    def __repr__(self) -> str:
        return "<unreadable>"


def _top_field(path: str) -> str:
    """The first field of a path: ``"buyer.org_number"`` and ``"options[0]"`` give their own."""
    return path.split(".", 1)[0].split("[", 1)[0]


def _rules_around(
    converter: cattrs.Converter, cls: type, data: Mapping[Any, Any], found: list[Problem]
) -> list[Problem]:
    """The problems the rules of *cls* find in the fields that could be read.

    When a nested value is wrong (a bad organisation number in ``buyer``), cattrs reports it
    and never calls the constructor, so the rules of the object around it (a late option) would
    wait for the next round. Here every field is read on its own, the ones that cannot be read
    are replaced by a stand-in, and the constructor runs: its problems are kept except those
    about the stand-ins (every rule that needs a field checks its type first, so a rule that
    depends on an unreadable field does not run). A constructor that fails in another way
    gives nothing more.
    """
    if cls not in _RULES_AROUND:
        return []
    failed = {_top_field(p.path) for p in found}
    arguments: dict[str, Any] = {}
    for field in [f for f in attrs.fields(cls) if f.init]:
        key = field.alias
        if key in failed:
            arguments[key] = _Unreadable()
        elif key in data:  # read without error before: every failing field is in *found*
            arguments[key] = converter.structure(data[key], field.type)
    try:
        cls(**arguments)
    except ValidationError as error:
        return [p for p in error.problems if _top_field(p.path) not in failed and p not in found]
    except Exception:  # pragma: no cover - defensive: a rule that needs the unreadable field
        return []
    return []  # pragma: no cover - the fields that failed are refused by the constructor too


def missing_default_fields(cls: type) -> tuple[str, ...]:
    """The fields of *cls* typed ``object`` whose default is ``MISSING`` (``Problem.value``)."""
    return tuple(
        a.name for a in attrs.fields(cls) if a.type in (object, Any) and a.default is MISSING
    )


_FACTORY: Final[type] = type(attrs.Factory(dict))
"""The class of an attrs default made by a factory (``attrs.Factory`` is typed as a function)."""


def _attrs_unstructure_factory(
    converter: cattrs.Converter, *, omit_defaults: bool
) -> Callable[[Any], Callable[[Any], Any]]:
    """Write an attrs class with cattrs' generated function (leaving defaults out for TOML)."""

    def factory(cls: Any) -> Callable[[Any], Any]:
        attrs.resolve_types(cls)
        # A field typed object may hold MISSING (Problem.value): it is left out, and a class
        # that can hold it has it as the field's default, so that reading gives it back.
        absent_if_missing = missing_default_fields(cls)
        generated = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=omit_defaults)
        absent_is_none = (
            tuple(
                a.name
                for a in attrs.fields(cls)
                if a.default is attrs.NOTHING and _admits_none(a.type)
            )
            if omit_defaults
            else ()
        )
        # A field added to a schema version after its documents were written says so in its
        # metadata ({OMIT_IF_DEFAULT: True}): left out while it holds its default, documents
        # stay as they were and older releases of the same version still read them.
        absent_if_default = tuple(
            (a.name, a.default)
            for a in attrs.fields(cls)
            if a.metadata.get(OMIT_IF_DEFAULT) and a.default is not attrs.NOTHING
        )
        if not absent_is_none and not absent_if_missing and not absent_if_default:
            return generated

        def unstructure(value: Any) -> dict[str, Any]:
            data: dict[str, Any] = generated(value)
            for field, default in absent_if_default:
                made = default.factory() if isinstance(default, _FACTORY) else default  # type: ignore[attr-defined]
                if getattr(value, field) == made:
                    data.pop(field, None)
            for field in absent_is_none:
                if getattr(value, field) is None:
                    data.pop(field, None)
            for field in absent_if_missing:
                if getattr(value, field) is MISSING:
                    data.pop(field, None)
            return data

        return unstructure

    return factory


_IMPLEMENTATIONS: Final[tuple[tuple[Any, type], ...]] = ((WorkingDays, WorkingCalendar),)
"""``(protocol, class)``: a document holds a *class* where a field is typed *protocol*."""


def _add_protocol_hooks(converter: cattrs.Converter) -> None:
    for protocol, cls in _IMPLEMENTATIONS:

        def structure(value: object, _: object, cls: type = cls) -> Any:
            return converter.get_structure_hook(cls)(value, cls)

        def unstructure(value: object, cls: type = cls, protocol: Any = protocol) -> Any:
            if type(value) is not cls:
                raise _bad(
                    value,
                    f"cannot be written: a document holds a {protocol.__name__} only as a "
                    f"{cls.__name__}",
                )
            return converter.unstructure(value, cls)

        converter.register_structure_hook_func(_exactly(protocol), structure)
        converter.register_unstructure_hook_func(_exactly(protocol), unstructure)


def _exactly(*candidates: Any) -> Callable[[Any], bool]:
    return lambda type_: type_ in candidates


def _subclass_of(kind: type, *, not_of: type | None = None) -> Callable[[Any], bool]:
    def predicate(type_: Any) -> bool:
        return (
            isinstance(type_, type)
            and issubclass(type_, kind)
            and (not_of is None or not issubclass(type_, not_of))
        )

    return predicate


class DocumentConverter(cattrs.Converter):
    """The library's strict converter (never cattrs' global one), with the memos it owns.

    Every structure hook raises only :class:`ValidationError`. Attrs classes are read and
    written with cattrs' generated functions (:func:`_attrs_hook`,
    :func:`_attrs_unstructure_factory`). The caches are this object's: :attr:`temporal` (the
    dates, times, datetimes and durations read and written), :attr:`enum_hooks` and
    :attr:`float_free_types`; two converters share none of them.

    Args:
        toml: Build the converter for TOML, which has no null. Writing, it leaves out fields
            that hold their default and optional fields without a default that hold ``None``,
            and writes any other ``None`` of an optional scalar type as the empty array ``[]``
            (see :func:`_empty_array_stands_for_null`); reading, it takes ``[]`` there as
            ``None``.
    """

    def __init__(self, *, toml: bool = False) -> None:
        super().__init__(forbid_extra_keys=True, detailed_validation=True)
        self.toml: Final = toml
        self.temporal: Final = TemporalHooks()
        """The hooks for dates, times, datetimes and durations, with their memos."""
        self.enum_hooks: Final[dict[Any, Hook]] = {}
        """The structure hooks of enums deriving from int, str or float (see _enums_apart)."""
        self.float_free_types: Final[dict[Any, bool]] = {}
        """Whether a type's data holds no float, by type (``text.float_free``, remembered)."""
        _register_hooks(self, toml=toml)


def _register_hooks(converter: DocumentConverter, *, toml: bool) -> None:
    # A hook for int (or str) also catches IntEnum and (str, Enum) classes: they go to enums.
    enums = converter.enum_hooks
    converter.register_structure_hook(str, _enums_apart(_structure_str, enums))
    converter.register_structure_hook(int, _enums_apart(_structure_int, enums))
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(float, _enums_apart(_structure_float, enums))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook_func(_exactly(_NONE_TYPE, None), _structure_none)
    # A field typed object or Any (Problem.value) holds the value as the document gives it.
    converter.register_structure_hook_func(_exactly(object, Any), _structure_as_given)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    temporal = converter.temporal
    converter.register_structure_hook_func(
        _exactly(pendulum.Date, dt.date), temporal.structure_date
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.DateTime, dt.datetime), temporal.structure_datetime
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.Time, dt.time), temporal.structure_time
    )
    converter.register_structure_hook_func(
        _exactly(pendulum.Duration, dt.timedelta), temporal.structure_duration
    )
    converter.register_unstructure_hook_func(
        _subclass_of(dt.date, not_of=dt.datetime), _unstructure_date
    )
    converter.register_unstructure_hook_func(
        _subclass_of(dt.datetime), temporal.unstructure_datetime
    )
    converter.register_unstructure_hook_func(_subclass_of(dt.time), _unstructure_time)
    converter.register_unstructure_hook_func(
        _subclass_of(dt.timedelta), temporal.unstructure_duration
    )
    converter.register_structure_hook_factory(_subclass_of(enum.Enum), _enum_hook)
    converter.register_structure_hook_factory(lambda t: _origin(t) is typing.Literal, _literal_hook)
    _add_container_hooks(converter, toml=toml)
    _add_protocol_hooks(converter)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t), lambda cls: _attrs_hook(converter, cls)
    )
    converter.register_unstructure_hook_factory(_plain_enum, lambda _: _unstructure_enum)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t),
        _attrs_unstructure_factory(converter, omit_defaults=toml),
    )


def make_converter(*, toml: bool = False) -> DocumentConverter:
    """A new :class:`DocumentConverter`: for JSON and plain data, or with *toml* for TOML."""
    return DocumentConverter(toml=toml)


CONVERTER: Final = make_converter()


TOML_CONVERTER: Final = make_converter(toml=True)


def check_target(cls: object, function: str) -> None:
    """Refuse a *cls* that is not a type at all (``from_dict("x", …)``) with a clear TypeError.

    A class, ``None`` and a typing form (``list[Money]``, ``Money | None``, ``Literal[…]``) are
    types; whether the library can read one is the converter's to say.

    Raises:
        TypeError: Naming *function*, what it needs and what it got.
    """
    if isinstance(cls, type) or cls is None or typing.get_origin(cls) is not None:
        return
    if cls is typing.Any:
        return
    shown = repr(cls) if len(repr(cls)) <= 80 else "…"
    raise TypeError(
        f"{function}() needs a type as cls, the class to read, e.g. Money or list[Money], "
        f"not {type(cls).__name__} {shown}"
    )


def structure(data: object, cls: type[T], converter: cattrs.Converter = CONVERTER) -> T:
    """Structure *data* as *cls*; raise only ValidationError for bad data.

    Raises:
        ValidationError: For bad data, with every problem and its path.
        TypeError: When *cls* is not a type the library can read (a programming error).
    """
    try:
        return converter.structure(data, cls)
    except ValidationError:
        raise
    except StructureHandlerNotFoundError:
        name = getattr(cls, "__name__", cls)
        raise TypeError(
            f"cannot read a {name}: the library reads its own classes, text, numbers, "
            "booleans, dates and times, and lists, tuples, sets and mappings of them"
        ) from None
    except BaseValidationError as group:  # pragma: no cover - every hook here raises our error
        raise ValidationError(_group_problems(group, {}, cls)) from None
