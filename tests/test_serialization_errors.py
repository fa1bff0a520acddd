"""A table of bad documents, each with the exact problems (paths and messages) it must give."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ledarutveckling import Program, ValidationError
from ledarutveckling.serialization import DOCUMENT_KINDS, from_dict, from_json
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
            "'12500.50', not a float (a float cannot hold decimals exactly), got 4500.5"
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
            "orders[2].placed_at: does not exist in Europe/Stockholm: the clocks skip that "
            "time when summer time starts, got '2026-03-29T02:30:00[Europe/Stockholm]'"
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
            "'12500.50', not a float (a float cannot hold decimals exactly), got 1.5",
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


FROZEN = Path(__file__).parent / "documents" / "v1"


def frozen(kind: str) -> dict[str, Any]:
    """The frozen v1 document of *kind*, as plain data."""
    data: dict[str, Any] = json.loads((FROZEN / f"{kind}.json").read_text(encoding="utf-8"))
    return data


# The real document kinds, read with from_json: a rule of the model keeps its own message.
DOCUMENT_CASES: list[tuple[str, str, list[tuple[str, object]], list[str]]] = [
    (
        "money as a float",
        "agreement",
        [("ceiling.amount", 10000000.0)],
        [
            "ceiling.amount: must be a decimal number written as a string, e.g. '12500.50', not a "
            "float (a float cannot hold decimals exactly), got 10000000.0"
        ],
    ),
    (
        "a term past four years without reasons",
        "agreement",
        [("term.end", "2031-12-31")],
        [
            "term_justification: must be stated: the term with every option ends 2033-12-31, 1826 "
            "days past four years (2028-12-31); a longer term needs special reasons "
            "(särskilda skäl), "
            "LOU (2016:1145) 7 kap. 2 §, got None"
        ],
    ),
    (
        "organisation number with a wrong check digit",
        "agreement",
        [("buyer.org_number", "212000-0143")],
        [
            "buyer.org_number: has a wrong check digit (the last digit, by the Luhn algorithm), "
            "got '212000-0143'"
        ],
    ),
    (
        "duplicate price code",
        "agreement",
        [("price_list.items.1.code", "KONS-TIM")],
        ["price_list.items[1]: duplicate price code; each must be unique, got 'KONS-TIM'"],
    ),
    (
        "index month 13",
        "agreement",
        [("indexation.values", {"2024-10": "100.0", "2025-13": "1"})],
        ['indexation.values["2025-13"]: must have a month from 1 to 12, got (2025, 13)'],
    ),
    (
        "index month key not a month",
        "agreement",
        [("indexation.values", {"okt 2024": "100"})],
        [
            "indexation.values[\"okt 2024\"]: key must be two whole numbers written like '2026-01' "
            "(a month), got 'okt 2024'"
        ],
    ),
    (
        "extension exercised late",
        "agreement",
        [("options.0.exercised_on", "2026-12-30")],
        [
            "options[0].exercised_on: is 89 days after the notice deadline 2026-10-02 (90 days "
            "before "
            "the term ends on 2026-12-31); an extension exercised late is a deviation from the "
            "agreement, as a Swedish kammarrätt has found, got Date(2026, 12, 30)"
        ],
    ),
    (
        "unknown call-off method",
        "agreement",
        [("call_off_method", "cascade")],
        [
            "call_off_method: must be one of 'ranking', 'renewed_competition', 'combined', "
            "got 'cascade'"
        ],
    ),
    (
        "quantity zero",
        "call_off",
        [("lines.0.quantity", "0")],
        ["lines[0].quantity: must be a Decimal or int greater than 0, got Decimal('0')"],
    ),
    (
        "a date range written as an interval",
        "call_off",
        [("delivery", "2027-02-01/2027-04-30")],
        [
            "delivery: must be an object with the fields of DateRange (a table in TOML), not a "
            "string, got '2027-02-01/2027-04-30'"
        ],
    ),
    (
        "ceiling below the estimate",
        "ledger",
        [("agreement.ceiling.amount", "1000000")],
        [
            "agreement.ceiling: must be at least the estimated value (8000000 SEK); the maximum "
            "cannot be below the estimate (EU Court of Justice C-23/20, Simonsen & Weel), "
            "got Money(amount=Decimal('1000000'), currency='SEK')"
        ],
    ),
    (
        "status change not allowed",
        "ledger",
        [("call_offs.0.history.0.to_status", "invoiced")],
        [
            "call_offs[0].history[0].to_status: cannot follow 'draft'; from 'draft' a call-off can "
            "go to 'ordered', 'cancelled', got 'invoiced'"
        ],
    ),
    (
        "cross-object rule: duplicate call-off reference",
        "ledger",
        [("call_offs.2.reference", "SOC 2025/0142")],
        [
            "call_offs[2].reference: duplicate call-off reference; call_offs[0] already has it, "
            "got 'SOC 2025/0142'"
        ],
    ),
    (
        "cross-object rule: another agreement's call-off",
        "ledger",
        [("call_offs.0.agreement_reference", "KS 2024/9999")],
        [
            "call_offs[0].agreement_reference: must be the agreement's reference "
            "('KS 2024/0815'), got 'KS 2024/9999'"
        ],
    ),
    (
        "cross-object rules: method and ceiling",
        "ledger",
        [("agreement.ceiling.amount", "8000000"), ("call_offs.0.lines.0.quantity", "5000")],
        [
            "call_offs[0].method: must be 'renewed_competition': its value 7424900.00 SEK is at "
            "or above the limit 1000000 SEK, got 'ranking'",
            "call_offs[4]: takes the running total of call-offs to 10142532.20 SEK, past the "
            "ceiling of 8000000 SEK; the agreement ceases to have effect when its maximum value "
            "is reached (EU Court of Justice C-23/20, Simonsen & Weel), got 'TK 2026/1201'",
        ],
    ),
    (
        "answer off the scale",
        "evaluation",
        [("responses.0.answers.Q1", 9)],
        [
            "responses[0].answers.Q1: must be an int from 1 to 5 (Do not agree at all … Fully "
            "agree) or None, got 9"
        ],
    ),
    (
        "response at a time that does not exist",
        "evaluation",
        [("responses.0.submitted_at", "2025-03-30T02:30:00[Europe/Stockholm]")],
        [
            "responses[0].submitted_at: does not exist in Europe/Stockholm: the clocks skip that "
            "time when summer time starts, got '2025-03-30T02:30:00[Europe/Stockholm]'"
        ],
    ),
    (
        "Kirkpatrick level as a string",
        "evaluation",
        [("questions.0.level", "1")],
        ["questions[0].level: must be one of 1, 2, 3, 4, got '1'"],
    ),
    (
        "a name in an anonymous response",
        "evaluation",
        [("responses.0.name", "Anna")],
        [
            "responses[0].name: is not a field of Response (its fields are answers, comment, "
            "submitted_at), got 'Anna'"
        ],
    ),
    (
        "fewer invited than answered",
        "evaluation",
        [("invited", 2)],
        ["invited: must be at least the number of responses (9), got 2"],
    ),
]


@pytest.mark.parametrize(
    ("kind", "changes", "expected"),
    [case[1:] for case in DOCUMENT_CASES],
    ids=[case[0] for case in DOCUMENT_CASES],
)
def test_a_bad_document_of_a_real_kind_gives_exact_paths_and_messages(
    kind: str, changes: list[tuple[str, object]], expected: list[str]
) -> None:
    document = patched(frozen(kind), *changes)
    with pytest.raises(ValidationError) as info:
        from_json(DOCUMENT_KINDS[kind].cls, json.dumps(document))
    assert [str(problem) for problem in info.value.problems] == expected


def test_the_table_has_at_least_thirty_bad_documents() -> None:
    assert sum(1 for case in CASES if case[3]) + len(DOCUMENT_CASES) >= 30


def test_the_base_documents_are_valid() -> None:
    assert isinstance(from_json(Program, json.dumps(PROGRAM)), Program)
    assert isinstance(from_dict(Ledger, LEDGER), Ledger)
