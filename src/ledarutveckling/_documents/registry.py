"""The registered document kinds, their headers, versions and migrations."""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import cattrs

from ledarutveckling._base.messages import Expected
from ledarutveckling._base.messages import ProblemCode as Code
from ledarutveckling._documents.converter import CONVERTER, T, structure
from ledarutveckling._documents.delivery import DELIVERY, DeliveryRecord
from ledarutveckling._documents.header import _HEADER, DOCUMENT_KEY, VERSION_KEY
from ledarutveckling._documents.messages import (
    _describe,
    _suggestion,
    _wrong_type,
    coded,
    quoted,
    written,
)
from ledarutveckling._documents.requests import (
    ROLLOUT_REQUEST,
    SCHEDULE_REQUEST,
    RolloutRequest,
    ScheduleRequest,
)
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.survey import Evaluation
from ledarutveckling._procurement.agreement import FrameworkAgreement
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.catalogue import Catalogue
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import Program
from ledarutveckling.errors import MISSING, ValidationError

Migration = Callable[[dict[str, Any]], dict[str, Any]]


@attrs.frozen(kw_only=True)
class DocumentKind:
    """One kind of top-level document, e.g. ``program``, and how to read its versions.

    Attributes:
        name: The value of the header's ``document`` key, e.g. ``"program"``.
        cls: The class a document of this kind holds.
        version: The schema version this release writes (and the newest it reads).
        migrations: ``{from_version: function}``; each function turns a document body (the
            fields, without the header) of ``from_version`` into one of ``from_version + 1``.
        check: The rules across objects that the class's constructor leaves for later (a
            function raising :class:`ValidationError`, e.g. ``AgreementLedger.check``); run
            when a document is read unless the caller passes ``check=False``.
    """

    name: str
    cls: type
    version: int = 1
    migrations: Mapping[int, Migration] = attrs.field(factory=dict)
    check: Callable[[Any], None] | None = None

    def __attrs_post_init__(self) -> None:
        clash = sorted(_HEADER & {a.name for a in attrs.fields(self.cls)})
        if clash:
            raise ValidationError.single(
                "cls",
                self.cls.__name__,
                f"has a field named {clash[0]!r}, which a document's header uses",
                Code.MODEL_DEFINITION,
            )


@attrs.frozen
class Registry:
    """The document kinds one can read and write, by name and by class."""

    kinds: tuple[DocumentKind, ...]

    def by_name(self, name: str) -> DocumentKind | None:
        """The kind called *name*, if any."""
        for kind in self.kinds:
            if kind.name == name:
                return kind
        return None

    def by_class(self, cls: type) -> DocumentKind | None:
        """The kind that holds *cls*, if any."""
        for kind in self.kinds:
            if kind.cls is cls:
                return kind
        return None


REGISTRY: Final = Registry(
    (
        DocumentKind(name="agreement", cls=FrameworkAgreement, version=1),
        DocumentKind(name="audience", cls=Audience, version=1),
        DocumentKind(name="call_off", cls=CallOff, version=1),
        DocumentKind(name="catalogue", cls=Catalogue, version=1),
        DocumentKind(name=DELIVERY, cls=DeliveryRecord, version=1),
        DocumentKind(name="evaluation", cls=Evaluation, version=1),
        DocumentKind(name="ledger", cls=AgreementLedger, version=1, check=AgreementLedger.check),
        DocumentKind(name="program", cls=Program, version=1),
        DocumentKind(name=ROLLOUT_REQUEST, cls=RolloutRequest, version=1),
        DocumentKind(name=SCHEDULE_REQUEST, cls=ScheduleRequest, version=1),
    )
)
"""The document kinds of this release and their schema versions."""


def envelope(
    obj: object, converter: cattrs.Converter = CONVERTER, registry: Registry = REGISTRY
) -> Any:
    """Unstructure *obj*; put the document header in front when its class is a document kind."""
    data = converter.unstructure(obj)
    kind = registry.by_class(type(obj))
    if kind is None:
        return data
    return {DOCUMENT_KEY: kind.name, VERSION_KEY: kind.version, **data}


def _a(word: str) -> str:
    """*word* with its English indefinite article: ``an audience``, ``a program``."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _header_problem(
    path: str, value: object, message: str, kind: DocumentKind | None = None
) -> ValidationError:
    """A problem of the header: for a known *kind*, the reader is told how it starts."""
    if kind is None:
        return ValidationError([coded(path, value, message, Code.MISSING_KEY)])
    return ValidationError(
        [
            coded(
                path, value, message, Code.BAD_HEADER, kind=written(kind.name), version=kind.version
            )
        ]
    )


def open_document(
    data: object,
    cls: type[T] | None,
    registry: Registry = REGISTRY,
    *,
    check: bool = True,
    converter: cattrs.Converter = CONVERTER,
) -> T:
    """Check a document's header, migrate its body to the current version and structure it.

    With *check*, the kind's deferred cross-object rules run on the result too. *converter* is
    :data:`TOML_CONVERTER` for a TOML document.
    """
    kind = registry.by_class(cls) if cls is not None else None
    if cls is not None and kind is None:
        return structure(data, cls, converter)  # a plain value: no header
    if not isinstance(data, Mapping):
        raise _wrong_type(
            data,
            "a document: an object starting with 'document' and 'schema_version'",
            Expected.DOCUMENT,
        )
    known = ", ".join(repr(k.name) for k in registry.kinds)
    name = data.get(DOCUMENT_KEY, MISSING)
    if kind is None:
        if name is MISSING:
            message = f"is required: it names the document's kind ({known})"
            valid = quoted(k.name for k in registry.kinds)
            version = max(k.version for k in registry.kinds)  # the one of every kind today
            raise ValidationError(
                [coded(DOCUMENT_KEY, MISSING, message, Code.NO_KIND, valid=valid, version=version)]
            )
        found = registry.by_name(name) if isinstance(name, str) else None
        if found is None:
            message = f"must be one of {known}"
            near = (
                _suggestion(name.casefold(), [k.name for k in registry.kinds])  # all lower-case
                if isinstance(name, str)
                else None
            )
            valid = quoted(k.name for k in registry.kinds)
            if near is None:
                raise ValidationError(
                    [coded(DOCUMENT_KEY, name, message, Code.NOT_ALLOWED, valid=valid)]
                )
            message += f"; did you mean {near!r}?"
            problem = coded(
                DOCUMENT_KEY, name, message, Code.MISSPELT_CHOICE, near=quoted([near]), valid=valid
            )
            raise ValidationError([problem])
        kind = found
    elif name != kind.name:
        message = (
            f"must be {kind.name!r} to be read as {_a(kind.cls.__name__)}"
            if name is not MISSING
            else f"is required: {_a(kind.name)} document starts with "
            f"document = {kind.name!r} and schema_version = {kind.version}"
        )
        raise _header_problem(DOCUMENT_KEY, name, message, kind)
    version = data.get(VERSION_KEY, MISSING)
    if type(version) is not int:
        message = (
            f"is required: the {kind.name} document must say which schema version it follows "
            f"(this release writes {kind.version})"
            if version is MISSING
            else f"must be an integer such as {kind.version}, not {_describe(version)}"
        )
        raise _header_problem(VERSION_KEY, version, message, kind)
    if version > kind.version:
        message = (
            f"this {kind.name} document was written with schema version {version}, newer than "
            f"version {kind.version} that this release of ledarutveckling reads; "
            "upgrade ledarutveckling"
        )
        raise ValidationError(
            [coded(VERSION_KEY, version, message, Code.VERSION_TOO_NEW, version=kind.version)]
        )
    if version < 1:
        raise _header_problem(
            VERSION_KEY,
            version,
            f"schema version {version} does not exist; {kind.name} documents have versions "
            f"1 to {kind.version}",
            kind,
        )
    body = {key: value for key, value in data.items() if key not in _HEADER}
    body = _migrate(kind, version, body)
    value: Any = structure(body, kind.cls, converter)
    if check and kind.check is not None:
        try:
            kind.check(value)
        except ValidationError:
            raise
        except Exception as error:  # a rule that fails on data it did not expect
            raise ValidationError.single(
                "", MISSING, f"{type(error).__name__}: {error}", Code.RULE_FAILED
            ) from None
    return typing.cast(T, value)


def _migrate(kind: DocumentKind, version: int, body: dict[str, Any]) -> dict[str, Any]:
    while version < kind.version:
        step = kind.migrations.get(version)
        if step is None:
            raise _header_problem(
                VERSION_KEY,
                version,
                f"no migration of {kind.name} documents from schema version {version} to "
                f"{version + 1}; this release reads version {kind.version}",
                kind,
            )
        try:
            body = step(body)
        except ValidationError:
            raise
        except Exception as error:  # a migration meeting a malformed old document
            raise _header_problem(
                "",
                MISSING,
                f"could not be migrated from schema version {version} to {version + 1}: "
                f"{type(error).__name__}: {error}",
                kind,
            ) from None
        version += 1
    return body
