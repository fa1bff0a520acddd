"""What the command line says, in Swedish and English (private)."""

from __future__ import annotations

from typing import Final

from ledarutveckling import serialization

LOCALES: Final = ("sv_SE", "en_GB")


_SAID: Final = {
    "invalid": ("{path}: ogiltig, {problems}:", "{path}: invalid, {problems}:"),
    "valid": ("{path}: giltig ({kind})", "{path}: valid ({kind})"),
    "unchecked": (
        "  Avtalet, avropen, programmen och modulerna som det nämner är inte kontrollerade: "
        "ange avropsloggen med --ledger LEDGER.",
        "  The agreement, call-offs, programs and modules it names were not checked: give "
        "the ledger with --ledger LEDGER.",
    ),
    "report": ("Skrev rapporten till {path}", "Wrote the report to {path}"),
    "recorded": (
        "Sparade vad ”{audience}” har fått se i {path}",
        "Recorded what '{audience}' was shown in {path}",
    ),
    "refused": (
        "{path}: rapporten visas inte för ”{audience}”, {problems}:",
        "{path}: the report is not shown to '{audience}', {problems}:",
    ),
    "sessions": ("{program}: {sessions}", "{program}: {sessions}"),
    "more-conflicts": (
        "… och {count} konflikter till, som inte visas",
        "… and {count} more conflict(s), not shown",
    ),
    "calendar": ("Skrev kalendern till {path}", "Wrote the calendar to {path}"),
    "wrote-items": ("Skrev {items} till {path}", "Wrote {items} to {path}"),
    "wrote-rollout": (
        "Skrev utrullningens {items} till {path}",
        "Wrote the rollout's {items} to {path}",
    ),
    "no-charts": (
        "(Diagrammen hoppades över: installera dem med pip install '{extra}'.)",
        "(Charts skipped: install them with pip install '{extra}'.)",
    ),
    "chart": ("Skrev diagrammet {path}", "Wrote the chart {path}"),
    "loaded": (
        "Läste in exempelavtalet {reference} med {call_offs} avrop och {evaluations} "
        "utvärderingar.",
        "Loaded the example agreement {reference} with {call_offs} call-offs and "
        "{evaluations} evaluations.",
    ),
    "validated": ("Validerat: {problems}.", "Validated: {problems}."),
    "html": ("Skrev HTML-rapporten till {path}", "Wrote the HTML report to {path}"),
    "checked": (
        "Kontrollerade träffarna mot deras avrop: {problems}.",
        "Checked the sessions against their call-offs: {problems}.",
    ),
    "example-ledger": (
        "Skrev exemplets avropslogg till {path}",
        "Wrote the example ledger to {path}",
    ),
    "example-delivery": (
        "Skrev exemplets leveransunderlag (genomförda träffar, närvaro, fakturauppgifter) "
        "till {path}",
        "Wrote the example's delivery record (held sessions, attendance, invoicing details) "
        "to {path}",
    ),
    "saved-plan": ("Sparade planen i {path}", "Saved the plan in {path}"),
    "no-update": (
        "Inget att uppdatera i kalendrarna: {path} skrevs inte",
        "Nothing to update in the calendars: {path} not written",
    ),
    "wrote-changes": (
        "Skrev ändringarna ({items}, SEQUENCE {sequence}) till {path}",
        "Wrote the changes ({items}, SEQUENCE {sequence}) to {path}",
    ),
    "wrote-cancellations": (
        "Skrev avbokningarna ({items}, SEQUENCE {sequence}) till {path}",
        "Wrote the cancellations ({items}, SEQUENCE {sequence}) to {path}",
    ),
    "invoice": (
        "Faktura {number} för avrop {call_off} ({unit}), leveranser i {month}",
        "Invoice {number} for call-off {call_off} ({unit}), deliveries in {month}",
    ),
    "invoice-net": ("Summa exkl. moms: {amount}", "Total excluding VAT: {amount}"),
    "invoice-vat": ("Moms {rate} på {taxable}: {vat}", "VAT {rate} on {taxable}: {vat}"),
    "invoice-pay": (
        "Att betala: {total} senast {due} till {scheme} {number}",
        "To pay: {total} by {due} to {scheme} {number}",
    ),
    "invoice-note": ("Obs: {path}: {where}: {problem}", "Note: {path}: {where}: {problem}"),
    "invoice-wrote": (
        "Skrev fakturan (Peppol BIS Billing 3.0) till {path}",
        "Wrote the invoice (Peppol BIS Billing 3.0) to {path}",
    ),
    "demo-out": ("Demons filer finns i {path}", "Demo output is in {path}"),
    "next": ("Nästa steg: {command}", "Next: {command}"),
}
"""What the command line says, in Swedish and English (``str.format`` templates).

The command line imports only the public faces, so its texts live here rather than in the
library's label tables; a test checks that both languages have the same fields.
"""


_COUNTED: Final = {
    "problem": (("problem", "problem"), ("problem", "problems")),
    "session": (("träff", "träffar"), ("session", "sessions")),
    "coming session": (
        ("kommande träff", "kommande träffar"),
        ("coming session", "coming sessions"),
    ),
    "calendar item": (
        ("kalenderpost", "kalenderposter"),
        ("calendar item", "calendar items"),
    ),
    "to-do": (
        ("självstudieuppgift", "självstudieuppgifter"),
        ("self-paced to-do", "self-paced to-dos"),
    ),
}
"""Counted words, ``(singular, plural)`` in Swedish and in English."""


_KIND_NAMES: Final = {
    "agreement": "ramavtal",
    "audience": "publiceringsregister",
    "call_off": "avrop",
    "catalogue": "katalog",
    "delivery": "leveransunderlag",
    "evaluation": "utvärdering",
    "ledger": "avropslogg",
    "program": "program",
    "rollout_request": "begäran om utrullning",
    "schedule_request": "begäran om schemaläggning",
}
"""The Swedish name of each document kind (English: the kind in words, ``call off``)."""


def _language(locale: str) -> int:
    """0 for Swedish, 1 for English: the index of *locale*'s text in the tables above."""
    return LOCALES.index(locale) if locale in LOCALES else 0


def _said(key: str, locale: str, /, **fields: object) -> str:
    """What the command line says for *key* in *locale*'s language."""
    return _SAID[key][_language(locale)].format(**fields)


def _counted(count: int, word: str, locale: str) -> str:
    """``3 träffar`` / ``1 session``: *count* with *word* in *locale*'s language."""
    forms = _COUNTED[word][_language(locale)]
    return f"{count} {forms[0] if count == 1 else forms[1]}"


def _kind_name(cls: type, locale: str) -> str:
    """A document kind's name for a reader: ``avropslogg`` / ``agreement ledger``."""
    if _language(locale):
        return _snake(cls)
    for kind, spec in serialization.DOCUMENT_KINDS.items():
        if spec.cls is cls:
            return _KIND_NAMES[kind]
    return _snake(cls)  # pragma: no cover - every document kind has its name


def _snake(cls: type) -> str:
    """A class's name in words: ``RolloutRequest`` is ``"rollout request"``."""
    name = cls.__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()
