"""The JSON Schema of the document kinds, checked with an independent validator (jsonschema)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tests.strategies as sts
from ledarutveckling import (
    AgreementLedger,
    Audience,
    CallOff,
    Evaluation,
    FrameworkAgreement,
    Problem,
    Program,
    ValidationError,
)
from ledarutveckling._cli import main
from ledarutveckling._documents.registry import DocumentKind
from ledarutveckling._documents.schema import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DECIMAL_PATTERN,
    DURATION_PATTERN,
    ORG_NUMBER_PATTERN,
    TIME_PATTERN,
    _Builder,
    kind_schema,
)
from ledarutveckling._documents.text import parse_json, parse_toml
from ledarutveckling._rollout.problem import WorkingDays
from ledarutveckling.examples import stockholm_delivery
from ledarutveckling.serialization import (
    DOCUMENT_KINDS,
    DeliveryRecord,
    from_json,
    json_schema,
    to_json,
)
from tests.test_serialization_fuzz import mutated

ROOT = Path(__file__).parent.parent
BUNDLED = sorted(
    [
        *ROOT.glob("examples/*.toml"),
        *ROOT.glob("docs/examples/*.toml"),
        *ROOT.glob("tests/documents/v1/*.json"),
        *ROOT.glob("tests/documents/v1/*.toml"),
    ]
)


def _validator(kind: str, *, toml: bool = False) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(kind, toml=toml), format_checker=jsonschema.FormatChecker()
    )


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
@pytest.mark.parametrize("toml", [False, True], ids=["json", "toml"])
def test_every_schema_is_a_valid_draft_2020_12_schema(kind: str, toml: bool) -> None:
    schema = json_schema(kind, toml=toml)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["document"]["const"] == kind
    assert schema["properties"]["schema_version"]["const"] == DOCUMENT_KINDS[kind].version
    assert schema["required"][:2] == ["document", "schema_version"]
    assert schema["additionalProperties"] is False
    for definition in schema.get("$defs", {}).values():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
@pytest.mark.parametrize("toml", [False, True], ids=["json", "toml"])
def test_the_shipped_schema_files_are_the_generated_ones(kind: str, toml: bool) -> None:
    name = f"{kind}.toml.schema.json" if toml else f"{kind}.schema.json"
    shipped = resources.files("ledarutveckling").joinpath("schemas", name).read_text("utf-8")
    expected = json.dumps(json_schema(kind, toml=toml), indent=2, ensure_ascii=False) + "\n"
    assert shipped == expected, f"regenerate: ledarutveckling schema {kind} -o …/{name}"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_bundled_document_is_valid_under_its_schema(path: Path) -> None:
    text = path.read_text("utf-8")
    toml = path.suffix == ".toml"
    data = parse_toml(text) if toml else parse_json(text)
    errors = list(_validator(data["document"], toml=toml).iter_errors(data))
    assert errors == []


def test_the_ledger_schema_names_its_types_enums_and_patterns() -> None:
    schema = json_schema("ledger")
    defs = schema["$defs"]
    assert defs["Organisation"]["properties"]["org_number"]["pattern"] == ORG_NUMBER_PATTERN
    assert defs["Organisation"]["required"] == ["name", "org_number"]
    assert defs["Money"]["properties"]["amount"] == {
        "type": ["string", "integer"],
        "pattern": DECIMAL_PATTERN,
    }
    assert defs["Money"]["properties"]["currency"]["pattern"] == "^[A-Z]{3}$"
    assert defs["OrderingUnitKind"]["enum"][:2] == ["administration", "district_administration"]
    assert defs["DateRange"]["properties"]["start"] == {
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
    }


@pytest.mark.parametrize(
    ("pattern", "good", "bad"),
    [
        (DATE_PATTERN, ["2026-11-27"], ["2026-1-27", "27/11/2026", "2026-11-27T09:00"]),
        (TIME_PATTERN, ["09:30", "09:30:15", "09:30:15.5"], ["9:30", "09:30+01:00"]),
        (
            DATETIME_PATTERN,
            [
                "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
                "2026-11-27T09:00Z",
                "2026-11-27T09:00:00[Europe/Stockholm]",
            ],
            ["2026-11-27T09:00:00", "2026-11-27 09:00+01:00"],
        ),
        (DURATION_PATTERN, ["P3D", "PT1H30M", "-PT1H", "P1W"], ["P", "PT", "3 days", "P1.5D"]),
        (DECIMAL_PATTERN, ["12500.50", "-1", ".5", "3."], ["1,5", "1e3", "", "NaN"]),
        (ORG_NUMBER_PATTERN, ["212000-0142", "2120000142"], ["21200-00142", "212000–0142"]),
    ],
)
def test_the_patterns(pattern: str, good: list[str], bad: list[str]) -> None:
    assert [re.search(pattern, text) is not None for text in good] == [True] * len(good)
    assert [re.search(pattern, text) is not None for text in bad] == [False] * len(bad)


def test_a_toml_schema_takes_the_empty_array_for_none_and_the_json_schema_does_not() -> None:
    optional = {"anyOf": [{"type": "null"}, {"type": "array", "maxItems": 0}, {"type": "integer"}]}
    module = json_schema("program", toml=True)["$defs"]["Module"]["properties"]
    assert module["max_participants"] == optional
    module = json_schema("program")["$defs"]["Module"]["properties"]
    assert module["max_participants"] == {"anyOf": [{"type": "null"}, {"type": "integer"}]}


def test_an_unknown_kind_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as raised:
        json_schema("invoice")
    assert str(raised.value).startswith("kind: must be one of 'agreement', 'audience', 'call_off'")


def test_the_cli_writes_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "program"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema("program")
    out = tmp_path / "agreement.toml.schema.json"
    assert main(["schema", "agreement", "--toml", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8")) == json_schema("agreement", toml=True)


class _Kind(enum.Enum):
    A = "a"
    B = "b"


@attrs.frozen
class _Shapes:
    anything: object
    nothing: None
    flag: bool
    share: float
    at: pendulum.DateTime
    clock: dt.time
    pair: tuple[int, str]
    bare: list  # type: ignore[type-arg]
    by_year: dict[int, str]
    by_month: dict[tuple[int, int], int]
    by_kind: dict[_Kind, int]
    by_name: Mapping[str, int]
    mode: Literal["x", 1]
    either: int | str
    tags: frozenset[str]
    calendar: WorkingDays
    hidden: int = attrs.field(init=False, default=0)


def test_every_kind_of_type_has_its_schema() -> None:
    builder = _Builder(toml=False)
    schema = builder.attrs(_Shapes)
    assert schema["properties"] == {
        "anything": {},
        "nothing": {"type": "null"},
        "flag": {"type": "boolean"},
        "share": {"type": "number"},
        "at": {"type": "string", "pattern": DATETIME_PATTERN},
        "clock": {"type": "string", "pattern": TIME_PATTERN},
        "pair": {
            "type": "array",
            "prefixItems": [{"type": "integer"}, {"type": "string"}],
            "items": False,
            "minItems": 2,
        },
        "bare": {"type": "array", "items": {}},
        "by_year": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "propertyNames": {"pattern": "^-?[0-9]{1,30}$"},
        },
        "by_month": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "propertyNames": {"pattern": "^[0-9]{1,9}-[0-9]{1,9}$"},
        },
        "by_kind": {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "propertyNames": {"enum": ["a", "b"]},
        },
        "by_name": {"type": "object", "additionalProperties": {"type": "integer"}},
        "mode": {"enum": ["x", 1]},
        "either": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "calendar": {"$ref": "#/$defs/WorkingCalendar"},
    }
    assert builder.defs["WorkingCalendar"]["title"] == "WorkingCalendar"
    assert schema["required"] == [k for k in schema["properties"] if k != "nothing"]
    assert schema["additionalProperties"] is False


def test_a_schema_without_classes_has_no_defs() -> None:
    kind = DocumentKind(name="flat", cls=_Flat)
    assert kind_schema(kind) == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://ledarutveckling.invalid/schemas/flat.schema.json",
        "title": "ledarutveckling flat document, schema version 1 (JSON)",
        "type": "object",
        "properties": {
            "document": {"const": "flat", "description": "The document's kind."},
            "schema_version": {
                "const": 1,
                "description": "The schema version the document follows.",
            },
            "name": {"type": "string"},
        },
        "required": ["document", "schema_version"],
        "additionalProperties": False,
    }


@attrs.frozen
class _Flat:
    name: str = ""


# -- agreement with the library on the fuzz corpus -----------------------------------------

_SHAPE = re.compile(
    r"is required but missing|is not a field of|must be one of|"
    r", not (null|a boolean|an integer|a decimal number|a string|a list|an object)$|"
    r"must be an ISO date|must be a time of day|must be a decimal number|"
    r"must be a date and time written like|must be an ISO 8601 duration|"
    r"must be a list of exactly|must carry its zone"
)
"""The converter's messages about a document's shape and types (not about its values' rules)."""


def shape_problems(error: ValidationError) -> list[Problem]:
    """The problems of *error* about the document's shape or types."""
    return [p for p in error.problems if _SHAPE.search(p.message)]


def is_whole_float(problem: Problem) -> bool:
    """Whether *problem* refuses a whole number written as a float (``2.0``, ``1e+308``).

    JSON Schema counts such a number as an integer, the library does not (documented in
    docs/json-schema.md).
    """
    return isinstance(problem.value, float) and problem.value.is_integer()


DOCUMENTS: list[tuple[type[Any], str, st.SearchStrategy[Any]]] = [
    (Program, "program", sts.programs()),
    (AgreementLedger, "ledger", st.just(sts.LEDGER)),
    (FrameworkAgreement, "agreement", sts.agreements),
    (CallOff, "call_off", sts.call_offs),
    (Evaluation, "evaluation", sts.evaluations),
    (Audience, "audience", sts.audiences),
    (DeliveryRecord, "delivery", st.just(stockholm_delivery())),
]


def judge(cls: type[Any], validator: jsonschema.Draft202012Validator, document: Any) -> str:
    """``"both accept"``, ``"both refuse"``, ``"library only (values)"`` and so on."""
    accepted_by_schema = validator.is_valid(document)
    try:
        from_json(cls, json.dumps(document))
    except ValidationError as error:
        if accepted_by_schema:
            shape = shape_problems(error)
            if shape and all(is_whole_float(problem) for problem in shape):
                return "library only (a whole number written as a float)"
            return "library only (shape)" if shape else "library only (values)"
        return "both refuse"
    return "both accept" if accepted_by_schema else "schema only"


@pytest.mark.parametrize(("cls", "kind", "valid"), DOCUMENTS, ids=[k for _, k, _ in DOCUMENTS])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_schema_refuses_what_the_library_refuses_for_its_shape(
    cls: type[Any], kind: str, valid: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    document = data.draw(mutated(cls, valid))
    verdict = judge(cls, _validator(kind), document)
    assert verdict in (
        "both accept",
        "both refuse",
        "library only (values)",
        "library only (a whole number written as a float)",
    )


def test_a_valid_document_written_by_the_library_is_valid_under_its_schema() -> None:
    document = json.loads(to_json(sts.LEDGER))
    assert _validator("ledger").is_valid(document)
