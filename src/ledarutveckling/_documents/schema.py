"""JSON Schema (draft 2020-12) of every document kind, generated from the model.

The schema follows the converter (:mod:`ledarutveckling._documents.converter`) type by type:
what its hooks refuse for the *shape* of a document (a wrong type, a missing or unknown key, a
value outside an enum, a date that is not written ``YYYY-MM-DD``) the schema refuses too. The
rules that need more than one value or arithmetic (a check digit, an end before a start, a
ceiling passed) stay in the library: a document the schema accepts may still be refused when
read (docs/json-schema.md states how often, measured on the fuzz corpus).

Every attrs class and enum is one entry of ``$defs``, named after the class, and referred to
with ``$ref``; the document itself is the kind's class with the header (``document`` and
``schema_version``) in front.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from ledarutveckling._base.messages import Alternatives, ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._documents.containers import (
    _admits_none,
    _empty_array_stands_for_null,
    _is_fixed_tuple,
    _is_homogeneous_sequence,
    _is_int_pair,
    _is_mapping,
    _is_set,
    _is_union,
)
from ledarutveckling._documents.converter import _IMPLEMENTATIONS
from ledarutveckling._documents.header import DOCUMENT_KEY, VERSION_KEY
from ledarutveckling._documents.registry import REGISTRY, DocumentKind, Registry
from ledarutveckling._documents.scalars import _NONE_TYPE
from ledarutveckling._procurement.parties import Organisation
from ledarutveckling.errors import ValidationError

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The ``$schema`` of every schema written here."""

SCHEMA_ID: Final = "https://ledarutveckling.invalid/schemas/{name}.schema.json"
"""The ``$id`` of a kind's schema (a name, not an address one can fetch)."""

# ECMA-262 patterns (JSON Schema's dialect): no named groups, ASCII digits only.
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
"""A date as the library writes and reads it: ``2026-11-27``."""

TIME_PATTERN: Final = r"^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?$"
"""A wall-clock time: ``09:30`` or ``09:30:15``."""

_LOCAL: Final = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
_OFFSET: Final = r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)"
_ZONE: Final = r"\[[^\[\]]{1,64}\]"

DATETIME_PATTERN: Final = rf"^{_LOCAL}({_OFFSET}({_ZONE})?|{_ZONE})$"
"""A time with its zone (RFC 9557): ``2026-11-27T09:00:00+01:00[Europe/Stockholm]``.

An offset, a zone name in brackets or both; a time without either is refused, as the library
refuses it.
"""

DURATION_PATTERN: Final = (
    r"^-?P(?!$)([0-9]{1,4}Y)?([0-9]{1,5}M)?([0-9]{1,6}W)?([0-9]{1,9}D)?"
    r"(T(?=[0-9])([0-9]{1,9}([.,][0-9]{1,6})?H)?([0-9]{1,10}([.,][0-9]{1,6})?M)?"
    r"([0-9]{1,12}([.,][0-9]{1,6})?S)?)?$"
)
"""An ISO 8601 duration: ``P3D``, ``PT1H30M``, ``PT1.5H`` (a fraction: in the last part only,
which the library checks)."""

DECIMAL_PATTERN: Final = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"
"""A decimal number written as a string with a point: ``"12500.50"``."""

ORG_NUMBER_PATTERN: Final = r"^[0-9]{6}-?[0-9]{4}$"
"""A Swedish organisation number: ten digits, written ``212000-0142`` (the check digit is the
library's to check)."""

CURRENCY_PATTERN: Final = r"^[A-Z]{3}$"
"""An ISO 4217 currency code in upper case (which codes exist is the library's to check)."""

_FIELDS: Final[dict[tuple[type, str], dict[str, Any]]] = {
    (Organisation, "org_number"): {
        "type": "string",
        "pattern": ORG_NUMBER_PATTERN,
        "examples": ["212000-0142"],
    },
    (Money, "currency"): {"type": "string", "pattern": CURRENCY_PATTERN, "examples": ["SEK"]},
}
"""Fields whose values have a shape narrower than their type says, by (class, field name)."""

_INT_KEY_PATTERN: Final = r"^-?[0-9]{1,30}$"
_PAIR_KEY_PATTERN: Final = r"^[0-9]{1,9}-[0-9]{1,9}$"


def _definition_name(cls: type) -> str:
    return cls.__name__


class _Builder:
    """Builds one document's schema; :attr:`defs` collects the classes and enums met."""

    def __init__(self, *, toml: bool) -> None:
        self.toml = toml
        self.defs: dict[str, dict[str, Any]] = {}
        self.classes: dict[str, type] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = _definition_name(cls)
        known = self.classes.get(name)
        if known is not None and known is not cls:  # pragma: no cover - a guard for the model
            raise ValidationError.single(
                "cls",
                cls.__qualname__,
                f"has the same name as {known.__qualname__}",
                ProblemCode.MODEL_DEFINITION,
            )
        if known is None:
            self.classes[name] = cls
            self.defs[name] = {}  # reserved first: a class may refer to itself
            self.defs[name] = self.enum(cls) if issubclass(cls, enum.Enum) else self.attrs(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        return {"title": cls.__name__, "enum": [member.value for member in cls]}

    def attrs(self, cls: type) -> dict[str, Any]:
        attrs.resolve_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue
            special = _FIELDS.get((cls, field.name))
            properties[field.name] = dict(special) if special is not None else self.type(field.type)
            if field.default is attrs.NOTHING and not _admits_none(field.type):
                required.append(field.name)
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "type": "object",
            "properties": properties,
        }
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def type(self, type_: Any) -> dict[str, Any]:
        for protocol, cls in _IMPLEMENTATIONS:
            if type_ is protocol:
                return self.ref(cls)
        if type_ in (object, Any):
            return {}
        if type_ is None or type_ is _NONE_TYPE:
            return {"type": "null"}
        if type_ is bool:
            return {"type": "boolean"}
        if type_ is str:
            return {"type": "string"}
        if type_ is int:
            return {"type": "integer"}
        if type_ is float:
            return {"type": "number"}
        if type_ is Decimal:
            return {"type": ["string", "integer"], "pattern": DECIMAL_PATTERN}
        if type_ in (pendulum.Date, dt.date):
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if type_ in (pendulum.DateTime, dt.datetime):
            return {"type": "string", "pattern": DATETIME_PATTERN}
        if type_ in (pendulum.Time, dt.time):
            return {"type": "string", "pattern": TIME_PATTERN}
        if type_ in (pendulum.Duration, dt.timedelta):
            return {"type": "string", "pattern": DURATION_PATTERN}
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return self.ref(type_)
        if typing.get_origin(type_) is typing.Literal:
            return {"enum": list(typing.get_args(type_))}
        if _is_union(type_):
            return self.union(type_)
        if _is_fixed_tuple(type_):
            items = [self.type(arg) for arg in typing.get_args(type_)]
            return {
                "type": "array",
                "prefixItems": items,
                "items": False,
                "minItems": len(items),
            }
        if _is_homogeneous_sequence(type_) or _is_set(type_):
            args = typing.get_args(type_)
            schema: dict[str, Any] = {"type": "array", "items": self.type(args[0] if args else Any)}
            if _is_set(type_):
                schema["uniqueItems"] = True
            return schema
        if _is_mapping(type_):
            return self.mapping(type_)
        if isinstance(type_, type) and attrs.has(type_):
            return self.ref(type_)
        raise ValidationError.single(  # pragma: no cover - a guard for the model
            "type",
            repr(type_),
            "has no JSON Schema: teach _documents/schema.py about it",
            ProblemCode.MODEL_DEFINITION,
        )

    def union(self, type_: Any) -> dict[str, Any]:
        members = typing.get_args(type_)
        choices = [self.type(member) for member in members if member is not _NONE_TYPE]
        if len(choices) < len(members):
            choices.insert(0, {"type": "null"})
            if self.toml and _empty_array_stands_for_null(type_):
                choices.insert(1, {"type": "array", "maxItems": 0})
        return choices[0] if len(choices) == 1 else {"anyOf": choices}

    def mapping(self, type_: Any) -> dict[str, Any]:
        args = typing.get_args(type_)
        key_type, value_type = args if len(args) == 2 else (Any, Any)
        schema: dict[str, Any] = {"type": "object", "additionalProperties": self.type(value_type)}
        if _is_int_pair(key_type):
            schema["propertyNames"] = {"pattern": _PAIR_KEY_PATTERN}
        elif key_type is int:
            schema["propertyNames"] = {"pattern": _INT_KEY_PATTERN}
        elif isinstance(key_type, type) and issubclass(key_type, enum.Enum):
            schema["propertyNames"] = {"enum": [str(member.value) for member in key_type]}
        return schema


def kind_schema(kind: DocumentKind, *, toml: bool = False) -> dict[str, Any]:
    """The JSON Schema of one document kind's current schema version."""
    builder = _Builder(toml=toml)
    body = builder.attrs(kind.cls)
    header = {
        DOCUMENT_KEY: {"const": kind.name, "description": "The document's kind."},
        VERSION_KEY: {
            "const": kind.version,
            "description": "The schema version the document follows.",
        },
    }
    form = "TOML" if toml else "JSON"
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID.format(name=f"{kind.name}.toml" if toml else kind.name),
        "title": f"ledarutveckling {kind.name} document, schema version {kind.version} ({form})",
        "type": "object",
        "properties": {**header, **body["properties"]},
        "required": [DOCUMENT_KEY, VERSION_KEY, *body.get("required", ())],
        "additionalProperties": False,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def json_schema(name: str, *, toml: bool = False, registry: Registry = REGISTRY) -> dict[str, Any]:
    """The JSON Schema of the document kind called *name*; see :func:`kind_schema`."""
    kind = registry.by_name(name) if isinstance(name, str) else None
    if kind is None:
        known = ", ".join(repr(k.name) for k in registry.kinds)
        raise ValidationError.single(
            "kind",
            name,
            f"must be one of {known}",
            ProblemCode.NOT_ONE_OF,
            valid=Alternatives(k.name for k in registry.kinds),
        )
    return kind_schema(kind, toml=toml)
