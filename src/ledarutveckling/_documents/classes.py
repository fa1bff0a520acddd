"""Reading and writing the model's attrs classes with cattrs' generated functions (private).

:func:`_attrs_hook` reads a class (a fast function, and a detailed one to report every
problem), :func:`_rules_around` runs the rules of an object whose nested value could not be
read, and :func:`_attrs_unstructure_factory` writes a class, leaving out what a document
leaves out (:data:`OMIT_IF_DEFAULT`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import BaseValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import Expected
from ledarutveckling._documents.containers import _admits_none
from ledarutveckling._documents.delivery import DeliveryRecord
from ledarutveckling._documents.messages import Hook, _wrong_type
from ledarutveckling._documents.problems import _group_problems
from ledarutveckling._procurement.agreement import FrameworkAgreement
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling.errors import MISSING, Problem, ValidationError

OMIT_IF_DEFAULT: Final = "ledarutveckling.omit_if_default"
"""attrs metadata key: leave the field out of a document while it holds its default."""


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
    # A period is said with its shape: a date alone is a slip for a one-day period.
    expected = Expected.PERIOD_TABLE if cls is DateRange else Expected.TABLE

    def structure(data: object, _: object) -> Any:
        if type(data) is not dict and not isinstance(data, Mapping):
            raise _wrong_type(
                data, f"an object with the fields of {name} (a table in TOML)", expected
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
