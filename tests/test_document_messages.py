"""The problems of a document's shape and limits, in Swedish and English, as the author wrote."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from ledarutveckling import AgreementLedger, ProblemCode, ValidationError
from ledarutveckling._cli import main
from ledarutveckling._documents.messages import written
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import Limits, from_json, from_toml, to_toml


def _bad_ledger() -> str:
    text = to_toml(stockholm_ledger())
    for old, new in [
        ('title = "Ramavtal ledar- och medarbetarutveckling"', "title = 2026-03-01\ntitel = 1"),
        ('call_off_method = "combined"', 'call_off_method = "kombinerad"'),
        ("supplier_rank = 1", 'supplier_rank = "ett"'),
        ('start = "2025-01-01"', 'start = "2025-02-30"'),
        ('amount = "8000000"', "amount = 8000000.5"),
        ('amount = "10000000"', 'amount = "10 000 000"'),
        ('org_number = "212000-0142"', ""),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text + "\n[extra]\nx = 1\n"


SWEDISH = [
    "agreement.title: 2026-03-01 är ett datum eller klockslag i TOML; skriv det inom "
    "citattecken om det ska vara text",
    "agreement.buyer.org_number: värdet saknas men krävs",
    'agreement.term.start: datumet "2025-02-30" finns inte i kalendern',
    "agreement.estimated_value.amount: 8000000.5 är ett flyttal, som inte kan hålla decimaler "
    'exakt; skriv det som text, till exempel "12500.50"',
    'agreement.ceiling.amount: "10 000 000" är inget decimaltal; skriv det som text med '
    'punkt, till exempel "12500.50"',
    'agreement.call_off_method: "kombinerad" kan inte stå här; skriv något av "ranking" '
    '(rangordning), "renewed_competition" (förnyad konkurrensutsättning) eller "combined" '
    "(kombinerad avropsordning)",
    'agreement.supplier_rank: här ska det stå ett heltal, inte "ett"',
    'agreement.titel: nyckeln "titel" finns inte här; menade du "title"?',
    'extra: nyckeln "extra" finns inte här; här finns "agreement" och "call_offs"',
]

ENGLISH = [
    "agreement.title: 2026-03-01 is a TOML date or time; write it in quotes to keep it as text",
    "agreement.buyer.org_number: the value is required but missing",
    'agreement.term.start: the date "2025-02-30" is not in the calendar',
    "agreement.estimated_value.amount: 8000000.5 is a float, which cannot hold decimals exactly; "
    'write it as text, e.g. "12500.50"',
    'agreement.ceiling.amount: "10 000 000" is not a decimal number; write it as text with a '
    'point, e.g. "12500.50"',
    'agreement.call_off_method: "kombinerad" is not allowed here; write one of "ranking", '
    '"renewed_competition" or "combined"',
    'agreement.supplier_rank: this must be a whole number, not "ett"',
    'agreement.titel: there is no key "titel" here; did you mean "title"?',
    'extra: there is no key "extra" here; the keys here are "agreement" and "call_offs"',
]


@pytest.mark.parametrize(("locale", "expected"), [("sv_SE", SWEDISH), ("en_GB", ENGLISH)])
def test_validate_writes_a_bad_toml_document_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: list[str]
) -> None:
    path = tmp_path / "avtal.toml"
    path.write_text(_bad_ledger(), encoding="utf-8")
    assert main(["validate", "--locale", locale, str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    header = "ogiltig, {} problem:" if locale == "sv_SE" else "invalid, {} problems:"
    assert lines[0] == f"{path}: {header.format(len(expected))}"
    assert sorted(line.strip() for line in lines[1:]) == sorted(expected)


def _texts(error: pytest.ExceptionInfo[ValidationError], locale: str = "sv_SE") -> list[str]:
    return [format_problem(p, locale=locale) for p in error.value.problems]


def test_limits_and_control_characters_in_swedish() -> None:
    with pytest.raises(ValidationError) as info:
        from_json(list[int], "[1, 2, 3]", limits=Limits(max_list_length=2))
    assert _texts(info) == ["listan har 3 element, fler än gränsen 2"]
    assert _texts(info, "en_GB") == ["the list has 3 items, more than the limit of 2"]
    with pytest.raises(ValidationError) as info:
        from_json(list[str], '["abc"]', limits=Limits(max_text_length=2))
    assert _texts(info) == ["texten har 3 tecken, fler än gränsen 2"]
    with pytest.raises(ValidationError) as info:
        from_json(list[str], '["a\\u001bb"]')
    assert _texts(info) == [
        "texten innehåller styrtecknet U+001B (tecken 2), som inte är tillåtet här"
    ]
    with pytest.raises(ValidationError) as info:
        from_json(list[int], "[" * 100 + "]" * 100)
    assert _texts(info) == ["listor och tabeller är nästlade fler än 64 nivåer djupt"]
    with pytest.raises(ValidationError) as info:
        from_json(int, "1" * 300)
    assert _texts(info) == [
        "en följd av fler än 200 siffror (rad 1, kolumn 1); så långa tal läses inte"
    ]
    with pytest.raises(ValidationError) as info:
        from_json(int, "12", limits=Limits(max_bytes=1))
    assert _texts(info) == ["dokumentet är 2 byte, mer än gränsen 1"]
    with pytest.raises(ValidationError) as info:
        from_toml(dict[str, int], "a = ", limits=Limits())
    assert _texts(info) == [
        "dokumentet är inte giltig TOML: värdet saknas eller kan inte läsas (rad 1, kolumn 5); "
        "text skrivs inom citattecken"
    ]
    # A number too large for a float is infinite in TOML: said so, not "värdet inf".
    with pytest.raises(ValidationError) as info:
        from_toml(dict[str, list[int]], "cohort_size = [20, 1e400]")
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("cohort_size[1]", ProblemCode.NOT_FINITE)
    ]
    assert _texts(info) == [
        "talet inf är inte ändligt: ett dokument kan inte innehålla oändliga tal eller NaN (ett "
        "tal som 1e400 är för stort och blir oändligt)"
    ]
    # A bare TOML date that does not exist is a TOML error: said as a date, at its place.
    with pytest.raises(ValidationError) as info:
        from_toml(dict[str, list[pendulum.Date]], "a = [2027-03-01,\n  2027-02-30]  # feb")
    assert _texts(info) == [
        "dokumentet är inte giltig TOML: 2027-02-30 är inget datum eller klockslag som finns "
        "(rad 2, kolumn 3)"
    ]
    assert _texts(info, "en_GB") == [
        "the document is not valid TOML: 2027-02-30 is not a date or time that exists "
        "(line 2, column 3)"
    ]
    with pytest.raises(ValidationError) as info:
        from_json(list[int], "[1,")
    assert _texts(info) == ["dokumentet är inte giltig JSON (rad 1, kolumn 4)"]


def test_dates_times_durations_and_headers_in_swedish() -> None:
    with pytest.raises(ValidationError) as info:
        from_json(list[pendulum.Date], '["1 mars", 5]')
    assert _texts(info) == [
        '"1 mars" är inget datum; skriv det ÅÅÅÅ-MM-DD',
        "här ska det stå ett datum skrivet ÅÅÅÅ-MM-DD, inte 5",
    ]
    with pytest.raises(ValidationError) as info:
        from_json(list[pendulum.Time], '["9.00", "25:00"]')
    assert _texts(info) == [
        '"9.00" är inget klockslag; skriv det TT:MM eller TT:MM:SS',
        'klockslaget "25:00" finns inte (timmar 00–23, minuter 00–59)',
    ]
    with pytest.raises(ValidationError) as info:
        from_json(pendulum.Duration, '"3 timmar"')
    assert _texts(info) == [
        '"3 timmar" är ingen tidslängd; skriv den enligt ISO 8601, till exempel PT3H30M eller P2D'
    ]
    with pytest.raises(ValidationError) as info:
        from_json(pendulum.DateTime, '"2026-11-27T09:00"')
    assert _texts(info) == [
        '"2026-11-27T09:00" är ingen giltig tidpunkt; skriv den som '
        "2026-11-27T09:00:00+01:00[Europe/Stockholm]"
    ]
    with pytest.raises(ValidationError) as info:
        from_toml(AgreementLedger, 'document = "ledger"\nschema_version = 99\n')
    assert _texts(info) == [
        "dokumentet följer schemaversion 99, nyare än version 1 som den här versionen av "
        "ledarutveckling läser; uppgradera ledarutveckling"
    ]
    with pytest.raises(ValidationError) as info:
        from_toml(AgreementLedger, 'document = "ledger"\n')
    assert _texts(info) == ['dokumentet ska börja med document = "ledger" och schema_version = 1']
    with pytest.raises(ValidationError) as info:
        from_json(list[int], "[1, true]")
    assert _texts(info, "en_GB") == ["this must be a whole number, not true"]


def test_written_is_the_value_as_the_file_has_it() -> None:
    assert written(pendulum.date(2026, 3, 1)) == "2026-03-01"
    assert written(pendulum.time(9, 30)) == "09:30:00"
    assert written("Trafikkontoret") == '"Trafikkontoret"'
    assert (written(False), written(None), written(2.5)) == ("false", "null", "2.5")
    from decimal import Decimal

    assert written(Decimal("-9800")) == "-9800"
    assert written({"a": 1}).label() == "en tabell"  # type: ignore[attr-defined]
    assert written(object()) is None
