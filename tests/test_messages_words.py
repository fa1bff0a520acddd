"""What a reader reads, from a new user's review: values as written, what would be valid."""

from __future__ import annotations

import pytest

from ledarutveckling import Organisation, ProblemCode, ValidationError
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import from_toml


def _toml_problem(text: str) -> tuple[ProblemCode | None, str, str]:
    with pytest.raises(ValidationError) as info:
        from_toml(dict[str, object], text)
    (problem,) = info.value.problems
    return (
        problem.code,
        format_problem(problem),
        format_problem(problem, locale="en_GB"),
    )


# -- A: an unquoted value written as a Swedish reader writes it -------------------------------

_NOT_TOML = "dokumentet är inte giltig TOML: "
_NOT_TOML_EN = "the document is not valid TOML: "


@pytest.mark.parametrize(
    ("text", "code", "swedish", "english"),
    [
        (
            "schema_version = 1\nfirst_day = 2027-5-3\n",
            ProblemCode.TOML_BARE_DATE,
            "2027-5-3 är inget datum i TOML:s form, där månad och dag har två siffror var; "
            "skriv 2027-05-03 (rad 2, kolumn 13)",
            "2027-5-3 is not a date in TOML's form, where the month and the day have two "
            "digits each; write 2027-05-03 (line 2, column 13)",
        ),
        (
            "days = [2027-05-03, 2027-10-4]",
            ProblemCode.TOML_BARE_DATE,
            "2027-10-4 är inget datum i TOML:s form, där månad och dag har två siffror var; "
            "skriv 2027-10-04 (rad 1, kolumn 21)",
            "2027-10-4 is not a date in TOML's form, where the month and the day have two "
            "digits each; write 2027-10-04 (line 1, column 21)",
        ),
        (
            "start_time = 13:00\n",
            ProblemCode.TOML_BARE_TIME,
            "13:00 är inget klockslag i TOML:s form, där timmar, minuter och sekunder har två "
            'siffror var; skriv "13:00" inom citattecken eller 13:00:00 med sekunder '
            "(rad 1, kolumn 14)",
            "13:00 is not a time in TOML's form, where hours, minutes and seconds have two "
            'digits each; write "13:00" in quotes or 13:00:00 with seconds (line 1, column 14)',
        ),
        (
            "t = { start = 9:30:00 }",
            ProblemCode.TOML_BARE_TIME,
            "9:30:00 är inget klockslag i TOML:s form, där timmar, minuter och sekunder har två "
            'siffror var; skriv "09:30" inom citattecken eller 09:30:00 med sekunder '
            "(rad 1, kolumn 15)",
            "9:30:00 is not a time in TOML's form, where hours, minutes and seconds have two "
            'digits each; write "09:30" in quotes or 09:30:00 with seconds (line 1, column 15)',
        ),
        (
            "x = 12 500",
            ProblemCode.TOML_BARE_NUMBER,
            "12 500 är inget tal i TOML, där tal skrivs utan mellanrum och med decimalpunkt; "
            "skriv 12500 (rad 1, kolumn 5)",
            "12 500 is not a TOML number, which is written without spaces and with a decimal "
            "point; write 12500 (line 1, column 5)",
        ),
        (
            "x = 395,50  # kr",
            ProblemCode.TOML_BARE_NUMBER,
            "395,50 är inget tal i TOML, där tal skrivs utan mellanrum och med decimalpunkt; "
            'skriv "395.50" (rad 1, kolumn 5)',
            "395,50 is not a TOML number, which is written without spaces and with a decimal "
            'point; write "395.50" (line 1, column 5)',
        ),
        (
            "x = [1, -1 250 000,5]",
            ProblemCode.TOML_BARE_NUMBER,
            "-1 250 000,5 är inget tal i TOML, där tal skrivs utan mellanrum och med "
            'decimalpunkt; skriv "-1250000.5" (rad 1, kolumn 9)',
            "-1 250 000,5 is not a TOML number, which is written without spaces and with a "
            'decimal point; write "-1250000.5" (line 1, column 9)',
        ),
    ],
)
def test_an_unquoted_value_is_told_as_written_with_how_to_write_it(
    text: str, code: ProblemCode, swedish: str, english: str
) -> None:
    assert _toml_problem(text) == (code, _NOT_TOML + swedish, _NOT_TOML_EN + english)


@pytest.mark.parametrize(
    "text",
    [
        "a = 2027-05-03 x",  # the date is in TOML's form: what follows it is wrong
        "a = 13:00:00 x",
        "a = 12 x",
        "a = [1,2 3]",
    ],
)
def test_a_value_in_tomls_form_gets_no_hint(text: str) -> None:
    code, swedish, _ = _toml_problem(text)
    assert code in (ProblemCode.NOT_TOML, ProblemCode.TOML_UNCLOSED), swedish


# -- B: an organisation number with a space or another dash -----------------------------------


@pytest.mark.parametrize(
    ("number", "code", "swedish", "english"),
    [
        (
            "212000 0142",
            ProblemCode.ORG_NUMBER_CHARACTERS,
            "organisationsnumret 212000 0142 ska skrivas NNNNNN-NNNN eller som tio siffror i "
            "följd, utan mellanrum och utan annat streck än bindestreck",
            "the organisation number 212000 0142 must be written NNNNNN-NNNN or as ten digits "
            "in a row, with no spaces and no dash but a hyphen",
        ),
        (
            "212000\N{EN DASH}0142",
            ProblemCode.ORG_NUMBER_CHARACTERS,
            "organisationsnumret 212000\N{EN DASH}0142 ska skrivas NNNNNN-NNNN eller som tio "
            "siffror i följd, utan mellanrum och utan annat streck än bindestreck",
            "the organisation number 212000\N{EN DASH}0142 must be written NNNNNN-NNNN or as "
            "ten digits in a row, with no spaces and no dash but a hyphen",
        ),
        (
            "2120-000142",
            ProblemCode.ORG_NUMBER_HYPHEN,
            "organisationsnumret 2120-000142 ska ha sitt bindestreck efter den sjätte siffran, "
            "NNNNNN-NNNN",
            "the organisation number 2120-000142 must have its hyphen after the sixth digit, "
            "NNNNNN-NNNN",
        ),
        (
            "21200-0142",
            ProblemCode.ORG_NUMBER_FORMAT,
            "organisationsnumret 21200-0142 ska ha tio siffror, skrivna NNNNNN-NNNN",
            "the organisation number 21200-0142 must have ten digits, written NNNNNN-NNNN",
        ),
    ],
)
def test_an_organisation_number_is_told_what_is_wrong_with_it(
    number: str, code: ProblemCode, swedish: str, english: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Organisation(name="Stockholms stad", org_number=number)
    (problem,) = info.value.problems
    assert problem.code is code
    assert format_problem(problem) == swedish
    assert format_problem(problem, locale="en_GB") == english
