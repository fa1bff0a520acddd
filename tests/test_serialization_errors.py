"""A table of bad documents, each with the exact problems (paths and messages) it must give."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ledarutveckling import Program, ValidationError
from ledarutveckling.serialization import from_dict, from_json
from tests.shapes import Ledger

DELETE = object()

PROGRAM: dict[str, Any] = {
    "document": "program",
    "schema_version": 1,
    "code": "FOR-LED",
    "title": "Att leda i förändring",
    "service_area": "leadership",
    "target_group": "managers",
    "modules": [
        {
            "code": "M1",
            "title": "Start",
            "duration": "PT3H30M",
            "format": "in_person",
            "max_participants": 24,
        },
        {
            "code": "M2",
            "title": "Uppföljning",
            "duration": "PT2H",
            "format": "digital",
            "min_days_after_previous": 14,
        },
    ],
    "kind": "long_program",
    "cohort_size": [10, 24],
}

LINE: dict[str, Any] = {
    "program": "FOR-LED",
    "unit": "participant",
    "quantity": 12,
    "price": {"amount": "4500.00", "currency": "SEK"},
    "delivered_on": "2026-12-03",
}
ORDER: dict[str, Any] = {
    "reference": "AV-2026-17",
    "placed_at": "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
    "period": {"start": "2026-12-01", "end": "2026-12-31"},
    "lines": [LINE, {**LINE, "delivered_on": None}],
    "rates": {"hour": 1200, "day": None},
    "index": {"2026-01-01": "1.025"},
    "formats": ["digital", "in_person"],
    "starts_at": "09:00",
    "length": "PT3H",
}
LEDGER: dict[str, Any] = {
    "name": "Ledarutveckling 2026",
    "ceiling": {"amount": "5000000", "currency": "SEK"},
    "orders": [ORDER, ORDER, ORDER, {**ORDER, "reference": "AV-2026-20"}],
}


def patched(base: dict[str, Any], *changes: tuple[str, object]) -> dict[str, Any]:
    """A deep copy of *base* with each dotted path (``orders.3.lines.0.quantity``) changed."""
    doc: dict[str, Any] = json.loads(json.dumps(base))  # independent copies of shared parts
    for path, value in changes:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value
    return doc


CASES: list[tuple[str, type[Any], dict[str, Any], list[str]]] = [
    # -- program documents, read with from_json -------------------------------------------
    (
        "missing field",
        Program,
        patched(PROGRAM, ("title", DELETE)),
        ["title: is required but missing"],
    ),
    (
        "several type errors at once",
        Program,
        patched(PROGRAM, ("code", 12), ("cohort_size", ["10", 24.5]), ("modules.1.title", None)),
        [
            "code: must be a string, not an integer, got 12",
            "modules[1].title: must be a string, not null, got None",
            "cohort_size[0]: must be an integer, not a string, got '10'",
            "cohort_size[1]: must be an integer, not a decimal number, got 24.5",
        ],
    ),
    (
        "near-miss key",
        Program,
        patched(PROGRAM, ("modules.0.durration", "PT1H")),
        ["modules[0].durration: is not a field of Module; did you mean 'duration'?, got 'PT1H'"],
    ),
    (
        "unknown key far from any field",
        Program,
        patched(PROGRAM, ("colour", "blue")),
        [
            "colour: is not a field of Program (its fields are code, title, service_area, "
            "target_group, modules, kind, cohort_size, max_span_days, themes), got 'blue'"
        ],
    ),
    (
        "enum value misspelt",
        Program,
        patched(PROGRAM, ("modules.1.format", "Digital")),
        [
            "modules[1].format: must be one of 'in_person', 'digital', 'self_paced'; did you mean "
            "'digital'?, got 'Digital'"
        ],
    ),
    (
        "enum value far off",
        Program,
        patched(PROGRAM, ("service_area", "sales")),
        ["service_area: must be one of 'leadership', 'employeeship', got 'sales'"],
    ),
    (
        "string for a bool-free int",
        Program,
        patched(PROGRAM, ("modules.0.facilitators", True)),
        ["modules[0].facilitators: must be an integer, not a boolean, got True"],
    ),
    (
        "model rule in a nested constructor",
        Program,
        patched(PROGRAM, ("modules.0.facilitators", 0)),
        ["modules[0].facilitators: must be at least 1, got 0"],
    ),
    (
        "model rule keeps its own message",
        Program,
        patched(PROGRAM, ("modules.1.duration", "PT0S")),
        ["modules[1].duration: must be longer than zero, got Duration()"],
    ),
    (
        "rules of two modules together",
        Program,
        patched(PROGRAM, ("modules.0.code", " M1"), ("modules.1.min_days_after_previous", -1)),
        [
            "modules[0].code: must not start or end with whitespace, got ' M1'",
            "modules[1].min_days_after_previous: must be at least 0, got -1",
        ],
    ),
    (
        "cross-object rule of the program",
        Program,
        patched(PROGRAM, ("modules.0.max_participants", 12)),
        ["modules[0].max_participants: must take the largest cohort (24 participants), got 12"],
    ),
    (
        "duplicate module codes",
        Program,
        patched(PROGRAM, ("modules.1.code", "M1")),
        ["modules[1]: duplicate module code; each must be unique, got 'M1'"],
    ),
    (
        "no modules",
        Program,
        patched(PROGRAM, ("modules", [])),
        ["modules: must hold at least one module, got ()"],
    ),
    (
        "modules not a list",
        Program,
        patched(PROGRAM, ("modules", {"code": "M1"})),
        ["modules: must be a list, not an object, got {'code': 'M1'}"],
    ),
    (
        "a module that is a string",
        Program,
        patched(PROGRAM, ("modules.0", "M1")),
        [
            "modules[0]: must be an object with the fields of Module (a table in TOML), not a "
            "string, got 'M1'"
        ],
    ),
    (
        "pair of the wrong length",
        Program,
        patched(PROGRAM, ("cohort_size", [10])),
        ["cohort_size: must be a list of exactly 2 items, not 1, got [10]"],
    ),
    (
        "span shorter than the gaps",
        Program,
        patched(PROGRAM, ("max_span_days", 7)),
        ["max_span_days: is shorter than the 14 days the modules' gaps need, got 7"],
    ),
    (
        "empty string",
        Program,
        patched(PROGRAM, ("title", "")),
        ["title: must not be empty, got ''"],
    ),
    (
        "duration as a number",
        Program,
        patched(PROGRAM, ("modules.0.duration", 3.5)),
        [
            "modules[0].duration: must be an ISO 8601 duration such as 'PT3H30M', not a decimal "
            "number, got 3.5"
        ],
    ),
    (
        "huge number",
        Program,
        patched(PROGRAM, ("max_span_days", 10**30)),
        [],
    ),  # valid: a big span is allowed; the case pins that huge ints are not an error
    (
        "negative huge number",
        Program,
        patched(PROGRAM, ("modules.0.facilitators", -(10**30))),
        [f"modules[0].facilitators: must be at least 1, got {-(10**30)}"],
    ),
    (
        "themes with a number",
        Program,
        patched(PROGRAM, ("themes", ["ok", 3])),
        ["themes[1]: must be a string, not an integer, got 3"],
    ),
    # -- ledger shapes, read with from_dict -----------------------------------------------
    (
        "quantity breaks a rule deep down",
        Ledger,
        patched(LEDGER, ("orders.3.lines.0.quantity", 0)),
        ["orders[3].lines[0].quantity: must be at least 1, got 0"],
    ),
    (
        "quantity as a string deep down",
        Ledger,
        patched(LEDGER, ("orders.3.lines.0.quantity", "12")),
        ["orders[3].lines[0].quantity: must be an integer, not a string, got '12'"],
    ),
    (
        "money as a float",
        Ledger,
        patched(LEDGER, ("orders.0.lines.1.price.amount", 4500.5)),
        [
            "orders[0].lines[1].price.amount: must be a decimal number written as a string, e.g. "
            "'12500.50', not a float (a float cannot hold öre exactly), got 4500.5"
        ],
    ),
    (
        "money amount with a comma",
        Ledger,
        patched(LEDGER, ("ceiling.amount", "5 000 000,00")),
        [
            "ceiling.amount: must be a decimal number written with a point, e.g. '12500.50', "
            "got '5 000 000,00'"
        ],
    ),
    (
        "currency in lower case",
        Ledger,
        patched(LEDGER, ("ceiling.currency", "sek")),
        [
            "ceiling.currency: must be an ISO 4217 currency code in upper case, e.g. 'SEK' "
            "(did you mean 'SEK'?), got 'sek'"
        ],
    ),
    (
        "currencies that cannot be added",
        Ledger,
        patched(LEDGER, ("orders.1.lines.0.price.currency", "EUR")),
        ["cannot add SEK and EUR; convert first"],
    ),  # a constructor's own error, not ours
    (
        "naive datetime",
        Ledger,
        patched(LEDGER, ("orders.2.placed_at", "2026-11-27T09:00:00")),
        [
            "orders[2].placed_at: must carry its zone and UTC offset; a naive time is ambiguous, "
            "write e.g. '2026-11-27T09:00:00+01:00[Europe/Stockholm]', got '2026-11-27T09:00:00'"
        ],
    ),
    (
        "non-existent local time",
        Ledger,
        patched(LEDGER, ("orders.2.placed_at", "2026-03-29T02:30:00[Europe/Stockholm]")),
        [
            "orders[2].placed_at: does not exist in Europe/Stockholm: the clocks skip that time "
            "when summer time starts, got '2026-03-29T02:30:00[Europe/Stockholm]'"
        ],
    ),
    (
        "ambiguous local time",
        Ledger,
        patched(LEDGER, ("orders.2.placed_at", "2026-10-25T02:30:00[Europe/Stockholm]")),
        [
            "orders[2].placed_at: is ambiguous in Europe/Stockholm: that time happens twice when "
            "summer time ends; add the offset, +02:00 (the first) or +01:00 (the second), "
            "got '2026-10-25T02:30:00[Europe/Stockholm]'"
        ],
    ),
    (
        "date range backwards",
        Ledger,
        patched(LEDGER, ("orders.0.period.end", "2026-11-30")),
        ["orders[0].period.end: must be on or after start (2026-12-01), got '2026-11-30'"],
    ),
    (
        "date not in the calendar",
        Ledger,
        patched(LEDGER, ("orders.0.period.start", "2026-02-29")),
        ["orders[0].period.start: is not a date in the calendar, got '2026-02-29'"],
    ),
    (
        "cross-object rule of an order",
        Ledger,
        patched(LEDGER, ("orders.1.lines.0.delivered_on", "2027-01-15")),
        [
            "orders[1].lines[0].delivered_on: must fall within the period 2026-12-01/2026-12-31, "
            "got '2027-01-15'"
        ],
    ),
    (
        "cross-object rule of the ledger",
        Ledger,
        patched(LEDGER, ("ceiling.amount", "100000")),
        [
            "orders[0]: takes the total to 108000.00 SEK, past the ceiling of 100000 SEK, "
            "got 'AV-2026-17'"
        ],
    ),
    (
        "mapping value of the wrong type",
        Ledger,
        patched(LEDGER, ("orders.0.rates.day", "800")),
        ["orders[0].rates.day: must be an integer, not a string, got '800'"],
    ),
    (
        "mapping key that is not a date",
        Ledger,
        patched(LEDGER, ("orders.0.index", {"2026-13-01": "1.0", "2026-01-01": 1.5})),
        [
            "orders[0].index[\"2026-13-01\"]: key is not a date in the calendar, got '2026-13-01'",
            'orders[0].index["2026-01-01"]: must be a decimal number written as a string, e.g. '
            "'12500.50', not a float (a float cannot hold öre exactly), got 1.5",
        ],
    ),
    (
        "duplicate in a set",
        Ledger,
        patched(LEDGER, ("orders.0.formats", ["digital", "digital"])),
        ["orders[0].formats[1]: is a duplicate; each item of a set must be unique, got 'digital'"],
    ),
    (
        "bool as a string",
        Ledger,
        patched(LEDGER, ("orders.0.urgent", "false")),
        ["orders[0].urgent: must be true or false, not a string, got 'false'"],
    ),
    (
        "time of day not a time",
        Ledger,
        patched(LEDGER, ("orders.0.starts_at", "9:00")),
        ["orders[0].starts_at: must be a time of day written HH:MM or HH:MM:SS, got '9:00'"],
    ),
    (
        "missing nested required field and extra key",
        Ledger,
        patched(LEDGER, ("orders.3.lines.1.unit", DELETE), ("orders.3.lines.1.units", "day")),
        [
            "orders[3].lines[1].unit: is required but missing",
            "orders[3].lines[1].units: is not a field of Line; did you mean 'unit'?, got 'day'",
        ],
    ),
    (
        "null for a required object",
        Ledger,
        patched(LEDGER, ("ceiling", None)),
        [
            "ceiling: must be an object with the fields of Money (a table in TOML), not null, "
            "got None"
        ],
    ),
    (
        "optional field of the wrong type",
        Ledger,
        patched(LEDGER, ("orders.0.cancelled_on", 20261201)),
        [
            "orders[0].cancelled_on: must be an ISO date written YYYY-MM-DD, not an integer, "
            "got 20261201"
        ],
    ),
    (
        "problems in several orders",
        Ledger,
        patched(LEDGER, ("orders.0.reference", ""), ("orders.2.lines", "none")),
        [
            "orders[0].reference: must not be empty, got ''",
            "orders[2].lines: must be a list, not a string, got 'none'",
        ],
    ),
]


@pytest.mark.parametrize(
    ("cls", "document", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_bad_document_gives_exact_paths_and_messages(
    cls: type[Any], document: dict[str, Any], expected: list[str]
) -> None:
    def read() -> object:
        if cls is Program:
            return from_json(Program, json.dumps(document))
        return from_dict(cls, document)

    if not expected:
        assert isinstance(read(), cls)
        return
    with pytest.raises(ValidationError) as info:
        read()
    assert [str(problem) for problem in info.value.problems] == expected


def test_the_table_has_at_least_thirty_bad_documents() -> None:
    assert sum(1 for case in CASES if case[3]) >= 30


def test_the_base_documents_are_valid() -> None:
    assert isinstance(from_json(Program, json.dumps(PROGRAM)), Program)
    assert isinstance(from_dict(Ledger, LEDGER), Ledger)
