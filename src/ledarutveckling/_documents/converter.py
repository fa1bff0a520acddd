"""Turning documents into the model and back, with one strict cattrs converter (private).

The public functions live in :mod:`ledarutveckling.serialization`; this module builds the
converter (:class:`DocumentConverter`) and registers its hooks, which live beside it, one job a
file: :mod:`~ledarutveckling._documents.scalars` (text, numbers, booleans, null, enums,
literals), :mod:`~ledarutveckling._documents.temporal` (dates and times),
:mod:`~ledarutveckling._documents.containers` (lists, tuples, sets, mappings, unions),
:mod:`~ledarutveckling._documents.classes` (the model's attrs classes) and
:mod:`~ledarutveckling._documents.problems` (cattrs' error trees as one
:class:`~ledarutveckling.ValidationError`). The header of a document is
:mod:`~ledarutveckling._documents.header`'s, its kinds, versions and migrations the registry's
(:mod:`~ledarutveckling._documents.registry`).

Every structure hook raises only :class:`~ledarutveckling.ValidationError`, with paths
relative to the value it was given; the containers around it prefix their own part of the path
(``[3]``, ``lines``, ``["q1"]``) as the error bubbles up.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
import cattrs
import pendulum
from cattrs.errors import BaseValidationError, StructureHandlerNotFoundError

from ledarutveckling._documents.classes import _attrs_hook, _attrs_unstructure_factory
from ledarutveckling._documents.containers import _add_container_hooks, _origin
from ledarutveckling._documents.messages import Hook, _bad
from ledarutveckling._documents.problems import _group_problems
from ledarutveckling._documents.scalars import (
    _NONE_TYPE,
    _enum_hook,
    _enums_apart,
    _literal_hook,
    _plain_enum,
    _structure_as_given,
    _structure_bool,
    _structure_decimal,
    _structure_float,
    _structure_int,
    _structure_none,
    _structure_str,
    _unstructure_decimal,
    _unstructure_enum,
)
from ledarutveckling._documents.temporal import TemporalHooks, _unstructure_date, _unstructure_time
from ledarutveckling._rollout.problem import WorkingDays
from ledarutveckling._scheduling.calendar import WorkingCalendar
from ledarutveckling.errors import ValidationError

T = TypeVar("T")


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
    written with cattrs' generated functions (:func:`.classes._attrs_hook`,
    :func:`.classes._attrs_unstructure_factory`). The caches are this object's:
    :attr:`temporal` (the dates, times, datetimes and durations read and written),
    :attr:`enum_hooks` and :attr:`float_free_types`; two converters share none of them.

    Args:
        toml: Build the converter for TOML, which has no null. Writing, it leaves out fields
            that hold their default and optional fields without a default that hold ``None``,
            and writes any other ``None`` of an optional scalar type as the empty array ``[]``
            (see :func:`.containers._empty_array_stands_for_null`); reading, it takes ``[]``
            there as ``None``.
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
