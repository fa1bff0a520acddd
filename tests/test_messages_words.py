"""What a reader reads, from a new user's review: values as written, what would be valid."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs
import pendulum
import pytest

from ledarutveckling import (
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    DeliveryFormat,
    Indexation,
    Money,
    Organisation,
    PriceItem,
    PriceUnit,
    Problem,
    ProblemCode,
    StatusChange,
    ValidationError,
)
from ledarutveckling._cli import main
from ledarutveckling._cli.scheduling import _session_lines
from ledarutveckling.formatting import Alternatives, format_problem
from ledarutveckling.serialization import CohortRequest, from_toml
from ledarutveckling.testing import (
    make_agreement,
    make_call_off,
    make_ledger,
    make_program,
    make_session,
)


def _toml_problem(text: str) -> tuple[str | None, str, str]:
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


# -- C: the bad value and what would be valid --------------------------------------------------


def _both(problem: Problem) -> tuple[str, str]:
    return format_problem(problem), format_problem(problem, locale="en_GB")


def _index() -> Indexation:
    return Indexation(
        index="AKI",
        base_month=(2024, 10),
        adjust_on=pendulum.date(2026, 1, 1),
        values={(2024, 10): Decimal("100"), (2025, 10): Decimal("103.2")},
    )


def test_an_unknown_price_code_is_told_with_the_codes_of_the_list() -> None:
    agreement = make_agreement()
    line = CallOffLine(price_code="MTRL", quantity=1, unit_price=Money.sek("100"))
    call_off = make_call_off(agreement, lines=[line])
    (problem,) = make_ledger(call_off, agreement=agreement).problems()
    assert problem.code is ProblemCode.PRICE_CODE_UNKNOWN
    assert _both(problem) == (
        "priskoden MTRL finns inte i avtalets prislista, som har KONS-TIM, KONS-DAG och MATERIAL",
        "the price code MTRL is not in the agreement's price list, which has KONS-TIM, "
        "KONS-DAG and MATERIAL",
    )
    # Without a price of its own, the call-off itself finds the code unknown.
    bare = attrs.evolve(call_off, lines=(CallOffLine(price_code="MTRL", quantity=1),))
    with pytest.raises(ValidationError) as info:
        bare.unit_prices(agreement)
    assert [_both(p) for p in info.value.problems] == [_both(problem)]


def test_a_price_in_another_currency_is_told_with_the_currency_written() -> None:
    agreement = make_agreement()
    line = CallOffLine(price_code="KONS-TIM", quantity=1, unit_price=Money.of("100", "EUR"))
    (problem,) = make_ledger(make_call_off(agreement, lines=[line]), agreement=agreement).problems()
    assert problem.code is ProblemCode.CURRENCY_OTHER
    assert _both(problem) == (
        "beloppet är i EUR, men ska vara i SEK som resten av avtalet",
        "the amount is in EUR but must be in SEK like the rest of the agreement",
    )


def test_a_negative_amount_is_told_as_swedish_money() -> None:
    with pytest.raises(ValidationError) as info:
        PriceItem(code="TIM", description="Timpris", unit=PriceUnit.HOUR, price=Money.sek("-1400"))
    problems = [p for p in info.value.problems if p.code is ProblemCode.NEGATIVE]
    assert [_both(p) for p in problems] == [
        (
            "beloppet \N{MINUS SIGN}1\xa0400\xa0kr får inte vara negativt",
            "the amount -SEK\xa01,400 must not be negative",
        )
    ]


def test_a_cohort_size_is_told_as_written() -> None:
    with pytest.raises(ValidationError) as info:
        make_program(cohort_size=(16, 8))
    (problem,) = info.value.problems
    assert _both(problem) == (
        "gruppstorleken [16, 8] ska skrivas [minst, högst], där det minsta antalet är 1 eller "
        "fler och det högsta inte är mindre än det minsta",
        "the cohort size [16, 8] must be written [least, most], where the least number is 1 "
        "or more and the most is no smaller than the least",
    )


def test_a_reference_used_twice_names_the_call_off_that_has_it() -> None:
    agreement = make_agreement()
    first = make_call_off(agreement)
    second = attrs.evolve(make_call_off(agreement), ordered_on=pendulum.date(2026, 2, 15))
    ledger = make_ledger(first, second, agreement=agreement)
    (problem,) = ledger.problems()
    assert problem.path == "call_offs[1].reference"
    assert _both(problem) == (
        f"diarienumret {first.reference} används redan av avrop nummer 1 i avropsloggen "
        "(avropsdag 1 februari 2026); varje avrop har sitt eget diarienummer",
        f"the reference {first.reference} is already used by call-off number 1 of the ledger "
        "(placed on 1 February 2026); each call-off has its own reference",
    )
    with pytest.raises(ValidationError) as info:
        ledger.index_of(first.reference)
    assert [_both(p) for p in info.value.problems] == [_both(problem)]


def test_a_list_price_is_said_indexed_only_under_an_indexation_clause() -> None:
    own = CallOffLine(price_code="KONS-TIM", quantity=10, unit_price=Money.sek("1500"))
    indexed = make_agreement(indexation=_index())
    dear = make_call_off(indexed, lines=[own])
    (problem,) = make_ledger(dear, agreement=indexed).problems()
    assert problem.code is ProblemCode.PRICE_NOT_LIST
    assert _both(problem) == (
        "à-priset 1\xa0500\xa0kr för KONS-TIM ska vara listpriset 1\xa0496,40\xa0kr (indexerat "
        "per 1 februari 2026); bara ett avrop efter förnyad konkurrensutsättning får egna priser",
        "the unit price SEK\xa01,500 for KONS-TIM must be the list price SEK\xa01,496.40 "
        "(indexed, on 1 February 2026); only a call-off after renewed competition has its own "
        "prices",
    )
    fixed = make_agreement()
    (problem,) = make_ledger(make_call_off(fixed, lines=[own]), agreement=fixed).problems()
    assert problem.code is ProblemCode.PRICE_NOT_FIXED_LIST
    assert _both(problem) == (
        "à-priset 1\xa0500\xa0kr för KONS-TIM ska vara listpriset 1\xa0450\xa0kr; bara ett avrop "
        "efter förnyad konkurrensutsättning får egna priser",
        "the unit price SEK\xa01,500 for KONS-TIM must be the list price SEK\xa01,450; only a "
        "call-off after renewed competition has its own prices",
    )
    competed = make_agreement(
        call_off_method=CallOffMethod.RENEWED_COMPETITION, supplier_rank=None, indexation=_index()
    )
    high = make_call_off(competed, lines=[own], method=CallOffMethod.RENEWED_COMPETITION)
    (problem,) = make_ledger(high, agreement=competed).problems()
    assert problem.code is ProblemCode.PRICE_ABOVE_LIST
    assert _both(problem) == (
        "à-priset 1\xa0500\xa0kr för KONS-TIM är högre än listpriset 1\xa0496,40\xa0kr (indexerat "
        "per 1 februari 2026)",
        "the unit price SEK\xa01,500 for KONS-TIM is above the list price SEK\xa01,496.40 "
        "(indexed, on 1 February 2026)",
    )


# -- D: wording --------------------------------------------------------------------------------


def test_one_alternative_is_said_alone_and_several_as_one_of_them() -> None:
    one = Problem(
        path="program",
        value="SAMTA",
        message="...",
        code=ProblemCode.NOT_ALLOWED,
        params={"given": '"SAMTA"', "valid": Alternatives(['"SAMTAL"'])},
    )
    assert _both(one) == (
        '"SAMTA" kan inte stå här; skriv "SAMTAL"',
        '"SAMTA" is not allowed here; write "SAMTAL"',
    )
    two = attrs.evolve(one, params={**one.params, "valid": Alternatives(['"A"', '"B"'])})
    assert _both(two) == (
        '"SAMTA" kan inte stå här; skriv något av "A" eller "B"',
        '"SAMTA" is not allowed here; write one of "A" or "B"',
    )
    plain = attrs.evolve(one, code=ProblemCode.NOT_ONE_OF, params={"valid": ["a", "b"]})
    assert _both(plain) == ("värdet ska vara a och b", "the value must be a and b")
    with pytest.raises(ValidationError) as info:
        from_toml(dict[str, Literal["SAMTAL"]], 'program = "SAMTA"')
    assert [_both(p) for p in info.value.problems] == [_both(one)]


def test_a_weekday_is_refused_with_the_swedish_names_of_the_weekdays() -> None:
    with pytest.raises(ValidationError) as info:
        from_toml(
            CohortRequest,
            'name = "Grupp 1"\nfirst_day = 2027-10-04\nstart_time = "13:00"\nweekday = "torsdag"',
        )
    (problem,) = info.value.problems
    assert problem.path == "weekday"
    assert _both(problem) == (
        '"torsdag" kan inte stå här; skriv något av "monday" (måndag), "tuesday" (tisdag), '
        '"wednesday" (onsdag), "thursday" (torsdag) eller "friday" (fredag)',
        '"torsdag" is not allowed here; write one of "monday", "tuesday", "wednesday", '
        '"thursday" or "friday"',
    )


def test_a_status_the_history_does_not_lead_to_is_said_with_the_status() -> None:
    with pytest.raises(ValidationError) as info:
        make_call_off(status=CallOffStatus.ORDERED)
    (problem,) = info.value.problems
    assert _both(problem) == (
        "statusen är beställd, men enligt historiken har avropet statusen utkast; ange varje "
        "statusändring i history (from_status, to_status, on)",
        "the status is ordered, but by its history the call-off has the status draft; give "
        "each status change in history (from_status, to_status, on)",
    )
    day = pendulum.date(2026, 2, 1)
    broken = (
        StatusChange(from_status=CallOffStatus.DRAFT, to_status=CallOffStatus.ORDERED, on=day),
        StatusChange(
            from_status=CallOffStatus.IN_DELIVERY, to_status=CallOffStatus.DELIVERED, on=day
        ),
    )
    with pytest.raises(ValidationError) as info:
        make_call_off(status=CallOffStatus.DELIVERED, history=broken)
    texts = [_both(p) for p in info.value.problems if p.code is ProblemCode.HISTORY_BROKEN]
    assert texts == [
        (
            "statusändringen utgår från statusen under leverans, men efter föregående ändring "
            "har avropet statusen beställd",
            "the status change starts from in delivery, but after the previous change the "
            "call-off has the status ordered",
        )
    ]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling report: fel: argumentet --on: datumet finns inte i kalendern: "
            "'2027-02-30'\n",
        ),
        (
            "en_GB",
            "ledarutveckling report: error: argument --on: not a date in the calendar: "
            "'2027-02-30'\n",
        ),
    ],
)
def test_a_date_in_the_form_that_does_not_exist_is_said_not_to_exist(
    capsys: pytest.CaptureFixture[str], locale: str, expected: str
) -> None:
    with pytest.raises(SystemExit):
        main(["report", "x.toml", "--on", "2027-02-30", "--locale", locale])
    assert capsys.readouterr().err.endswith(expected)


# -- E, F: the command line's help and listing --------------------------------------------------


def test_the_report_help_names_the_reports_sections(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "avrop per beställare och per tjänsteområde" in help_text
    with pytest.raises(SystemExit):
        main(["report", "--help", "--locale", "en_GB"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "call-offs per unit and per service area" in help_text


def test_the_schedule_listing_pads_each_column_to_its_widest_value() -> None:
    program = make_program()
    first, second = program.modules[0], program.modules[1]
    start = pendulum.datetime(2027, 10, 14, 13, tz="Europe/Stockholm")
    sessions = [
        make_session(program=program, module=first, cohort="Grupp Älvsjö", start=start),
        make_session(
            program=program,
            module=first,
            cohort="Grupp Hägersten",
            start=start.add(days=7),
            end=start.add(days=7, hours=6),
        ),
        make_session(
            program=program,
            module=second,
            cohort="G2",
            start=start.add(days=8),
            format=DeliveryFormat.SELF_PACED,
        ),
    ]
    assert _session_lines(sessions, "sv_SE") == [
        f"2027-10-14 13:00–16:00   Grupp Älvsjö     {first.code} {first.title}",
        f"2027-10-21 13:00–19:00   Grupp Hägersten  {first.code} {first.title}",
        f"2027-10-22 självstudier  G2               {second.code} {second.title}",
    ]
    assert _session_lines([], "sv_SE") == []
