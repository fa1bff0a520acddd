r"""Reading and writing the model as plain data, JSON and TOML — losslessly and strictly.

Two levels:

- **Values**: :func:`to_dict` turns any object of the library (an attrs class, a
  :class:`~ledarutveckling.Money`, a date, a tuple of modules…) into plain data — dicts, lists,
  strings, integers, booleans and ``None`` — and :func:`from_dict` reads it back.
- **Documents**: :func:`to_json`, :func:`to_toml` and :func:`dump` write a document;
  :func:`from_json`, :func:`from_toml` and :func:`load` read one. When the object is a document
  kind (an agreement, audience record, call-off, catalogue, delivery record, evaluation, ledger
  or program, or a request; see
  :data:`DOCUMENT_KINDS`), the document
  starts with a header, ``document`` (its kind) and ``schema_version``; an older version is
  migrated when read, a newer one refused. Any other value is written without a header.

Every way in raises only :class:`~ledarutveckling.ValidationError`, listing every problem
with its path from the root of the document. Nothing is coerced: ``"12"`` is not an integer,
``1.9`` is not an integer, ``"false"`` is not a boolean, a float is not an amount of money,
a datetime without a zone is refused, and an unknown key is an error that names the key
probably meant. See ``docs/serialization.md`` for the format.

The request documents of the command line (``docs/cli.md``) are document kinds too:
:class:`ScheduleRequest` and :class:`RolloutRequest` name a program of a catalogue by its code
and the catalogue's file relative to the request; :meth:`RolloutRequest.rollout` resolves a
request into the :class:`~ledarutveckling.scheduling.Rollout` to plan. A
:class:`DeliveryRecord` holds the held sessions with their attendance and the seller's invoicing
details, for ``ledarutveckling invoice`` (``docs/invoicing.md``).

Examples:
    >>> from ledarutveckling import DateRange, Money
    >>> from ledarutveckling.serialization import from_dict, from_json, to_dict, to_json
    >>> to_dict(Money.sek("12500.50"))
    {'amount': '12500.50', 'currency': 'SEK'}
    >>> from_json(DateRange, '{"start": "2026-11-27", "end": "2026-12-03"}').days
    7
    >>> from_dict(Money, {"amount": 12500.5, "currency": "SEK", "vat": "0.25"})
    Traceback (most recent call last):
    ...
    ledarutveckling.errors.ValidationError: amount: must be a decimal number ..., got 12500.5
    vat: is not a field of Money (its fields are amount, currency), got '0.25'
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any, Final, TypeVar, overload

# The text readers and writers (_documents.text) and the JSON Schema (_documents.schema) are
# imported by the functions below on their first call: the import of the library does not run them.
from ledarutveckling._documents import converter as documents_converter
from ledarutveckling._documents import registry as documents_registry
from ledarutveckling._documents.delivery import DeliveryRecord, HeldSession, SellerDetails
from ledarutveckling._documents.limits import DEFAULT_LIMITS, Limits
from ledarutveckling._documents.registry import DocumentKind
from ledarutveckling._documents.requests import (
    BlackoutWeeks,
    CalendarRequest,
    CohortRequest,
    RolloutRequest,
    ScheduleRequest,
)

__all__ = [
    "DEFAULT_LIMITS",
    "DOCUMENT_KINDS",
    "BlackoutWeeks",
    "CalendarRequest",
    "CohortRequest",
    "DeliveryRecord",
    "DocumentKind",
    "HeldSession",
    "Limits",
    "RolloutRequest",
    "ScheduleRequest",
    "SellerDetails",
    "dump",
    "from_dict",
    "from_json",
    "from_toml",
    "json_schema",
    "load",
    "to_dict",
    "to_json",
    "to_toml",
]

T = TypeVar("T")

DOCUMENT_KINDS: Final[Mapping[str, DocumentKind]] = types.MappingProxyType(
    {kind.name: kind for kind in documents_registry.REGISTRY.kinds}
)
"""The kinds of top-level document, by the name in their ``document`` key.

Examples:
    >>> DOCUMENT_KINDS["program"].cls.__name__, DOCUMENT_KINDS["program"].version
    ('Program', 1)
"""


def json_schema(kind: str, *, toml: bool = False) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document kind called *kind*, as plain data.

    Generated from the model: the header (``document``, ``schema_version``), every field with
    its type, the required keys, enums with their values, patterns for dates, times with their
    zone, durations, decimals and organisation numbers, and no keys beyond the fields. A
    document the library reads is valid under it; the rules between values (a check digit, a
    ceiling) stay the library's. The same schemas are shipped as files in the package
    (``ledarutveckling/schemas/KIND.schema.json``) and written by ``ledarutveckling schema``.

    Args:
        kind: A name of :data:`DOCUMENT_KINDS`, e.g. ``"agreement"``.
        toml: The schema of a TOML document, which may write ``[]`` for an empty optional
            value (TOML has no null).

    Raises:
        ValidationError: When no document kind has that name.

    Examples:
        >>> schema = json_schema("program")
        >>> schema["$schema"], schema["properties"]["document"]
        ('https://json-schema.org/draft/2020-12/schema', {'const': 'program', \
'description': "The document's kind."})
        >>> schema["required"][:4], schema["additionalProperties"]
        (['document', 'schema_version', 'code', 'title'], False)
        >>> schema["$defs"]["DeliveryFormat"]["enum"]
        ['in_person', 'digital', 'self_paced']
        >>> json_schema("invoice")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: kind: must be one of 'agreement', ...
    """
    from ledarutveckling._documents import schema as documents_schema

    return documents_schema.json_schema(kind, toml=toml)


def to_dict(obj: object) -> Any:
    """Turn *obj* into plain data: dicts, lists, strings, integers, booleans and ``None``.

    Decimals are written as strings, dates as ``YYYY-MM-DD``, aware datetimes in RFC 9557 form
    (``2026-11-27T09:00:00+01:00[Europe/Stockholm]``), durations in ISO 8601 (``PT3H30M``),
    enums by value, tuples as lists and frozensets as lists in a stable order. No document
    header is added (see :func:`to_json`).

    Examples:
        >>> import pendulum
        >>> to_dict(pendulum.duration(hours=3, minutes=30))
        'PT3H30M'
    """
    return documents_converter.CONVERTER.unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """Read a *cls* from plain data as written by :func:`to_dict`.

    Raises:
        ValidationError: Listing every problem, each with its path from the root of *data*.
        TypeError: If *cls* is not a type the library reads (``from_dict("x", …)``).

    Examples:
        >>> from ledarutveckling import Money
        >>> from_dict(Money, {"amount": "12500.50", "currency": "SEK"})
        Money(amount=Decimal('12500.50'), currency='SEK')
    """
    documents_converter.check_target(cls, "from_dict")
    return documents_converter.structure(data, cls)


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Write *obj* as a JSON document (with the header if *obj* is a document kind).

    Args:
        obj: Any value of the library.
        indent: Spaces per level; ``None`` writes one compact line.

    Examples:
        >>> from ledarutveckling import Money
        >>> to_json(Money.sek(100), indent=None)
        '{"amount":"100","currency":"SEK"}'
    """
    from ledarutveckling._documents import text as documents_text

    return documents_text.json_document(obj, indent=indent)


def from_json(
    cls: type[T], text: str | bytes, *, check: bool = True, limits: Limits = DEFAULT_LIMITS
) -> T:
    """Read a *cls* from JSON text or UTF-8 bytes.

    A document kind (see :data:`DOCUMENT_KINDS`) must carry its header; an older schema
    version is migrated. JSON must be strict: no ``NaN``, no key twice in one object.

    Args:
        cls: The class to read.
        text: The JSON document.
        check: Also run the rules across objects that a class leaves for later: a ledger's
            :meth:`~ledarutveckling.AgreementLedger.check` (call-offs within the agreement's
            term, prices and ceiling). Pass ``False`` to read a "what if" ledger that breaks
            them on purpose, and ask it for its ``problems()``.
        limits: The most the text may hold (size, depth, digits, lengths), checked before it
            is parsed; :data:`DEFAULT_LIMITS` unless given (see :class:`Limits`).

    Raises:
        ValidationError: For text that is not JSON or is past *limits*, a wrong or newer
            header, and every problem of the content, each with its path.

    Examples:
        >>> import pendulum
        >>> from_json(pendulum.DateTime, '"2026-03-29T02:30:00[Europe/Stockholm]"')
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: does not exist in Europe/Stockholm: ...
    """
    from ledarutveckling._documents import text as documents_text

    documents_converter.check_target(cls, "from_json")
    return documents_registry.open_document(
        documents_text.parse_json(text, limits), cls, check=check
    )


def to_toml(obj: object) -> str:
    """Write *obj* as a TOML document; fields holding their default are left out.

    TOML has no null: an optional field holding ``None`` is left out, and read back as
    ``None``; any other ``None`` of an optional scalar type (``int | None``, such as a skipped
    survey answer) is written as the empty array ``[]`` and read back as ``None`` by
    :func:`from_toml` and :func:`load`. A ``None`` whose type has no such stand-in (an optional
    table or list inside a list or mapping) is refused.

    Raises:
        ValidationError: If *obj* does not write as a table, or holds a ``None`` TOML cannot.

    Examples:
        >>> from ledarutveckling import DateRange
        >>> print(to_toml(DateRange.from_iso("2026-11-27", "2026-12-03")))
        start = "2026-11-27"
        end = "2026-12-03"
        <BLANKLINE>
    """
    from ledarutveckling._documents import text as documents_text

    return documents_text.write_toml(
        documents_registry.envelope(obj, documents_converter.TOML_CONVERTER)
    )


def from_toml(
    cls: type[T], text: str | bytes, *, check: bool = True, limits: Limits = DEFAULT_LIMITS
) -> T:
    r"""Read a *cls* from TOML text; TOML's own dates (``start = 2026-11-27``) are accepted.

    TOML's dates and times are read where the field is a date or time; a text field refuses
    them (quote the value to keep it as text). *check* and *limits* are as for
    :func:`from_json`. The empty array ``[]`` stands for ``None`` where the
    type is an optional scalar (see :func:`to_toml`).

    Raises:
        ValidationError: As :func:`from_json`.

    Examples:
        >>> from ledarutveckling import DateRange
        >>> from_toml(DateRange, "start = 2026-11-27\nend = '2026-12-03'").days
        7
    """
    from ledarutveckling._documents import text as documents_text

    documents_converter.check_target(cls, "from_toml")
    return documents_registry.open_document(
        documents_text.parse_toml(text, limits),
        cls,
        check=check,
        converter=documents_converter.TOML_CONVERTER,
    )


def dump(obj: object, path: str | PathLike[str]) -> None:
    """Write *obj* to a ``.json`` or ``.toml`` file (UTF-8, ending in a newline).

    Raises:
        ValidationError: If the suffix is neither, or the value cannot be written as TOML.
    """
    from ledarutveckling._documents import text as documents_text

    target = Path(path)
    text = to_json(obj) + "\n" if documents_text.suffix_of(target) == "json" else to_toml(obj)
    target.write_text(text, encoding="utf-8")


@overload
def load(
    path: str | PathLike[str], *, check: bool = True, limits: Limits = DEFAULT_LIMITS
) -> object: ...
@overload
def load(
    path: str | PathLike[str],
    cls: type[T],
    *,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> T: ...
def load(
    path: str | PathLike[str],
    cls: type[Any] | None = None,
    *,
    check: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Any:
    """Read a ``.json`` or ``.toml`` file.

    Args:
        path: The file; its suffix says the format.
        cls: The class expected. Without it, the document's header says which kind it is.
        check: As for :func:`from_json`.
        limits: As for :func:`from_json`; a file bigger than ``limits.max_bytes`` is not read.

    Raises:
        ValidationError: For any problem with the content (file-system errors such as
            :class:`FileNotFoundError` are raised as they are).
    """
    from ledarutveckling._documents import text as documents_text

    if cls is not None:
        documents_converter.check_target(cls, "load")
    source = Path(path)
    suffix = documents_text.suffix_of(source)
    with source.open("rb") as file:
        data = file.read(limits.max_bytes + 1)  # a bigger file is refused unread
    if suffix == "json":
        return documents_registry.open_document(
            documents_text.parse_json(data, limits), cls, check=check
        )
    return documents_registry.open_document(
        documents_text.parse_toml(data, limits),
        cls,
        check=check,
        converter=documents_converter.TOML_CONVERTER,
    )
