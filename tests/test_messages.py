"""Problem codes and the message catalogue: every rule's problem in the reader's language."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import (
    MISSING,
    CallOffLine,
    CallOffMethod,
    DateRange,
    FrameworkAgreement,
    Money,
    Problem,
    ProblemCode,
    ServiceArea,
    ValidationError,
)
from ledarutveckling._base.messages import FALLBACK, MESSAGES
from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
from ledarutveckling.formatting import format_problem, format_value
from ledarutveckling.reports import status_report
from ledarutveckling.serialization import from_dict, from_toml, to_dict, to_toml
from ledarutveckling.testing import make_agreement, make_call_off, make_ledger

NBSP = "\xa0"


def _raised(build: Callable[..., object], **arguments: Any) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as caught:
        build(**arguments)
    return caught.value.problems


def _texts(problems: tuple[Problem, ...], locale: str = "sv_SE") -> list[str]:
    return [format_problem(p, locale=locale) for p in problems]


# -- the rules of the framework agreement (docs/procurement-rules.md) ------------------------


def test_a_missing_ceiling() -> None:
    (problem,) = _raised(make_agreement, ceiling=None)
    assert problem.code is ProblemCode.CEILING_MISSING
    assert ProblemCode.CEILING_MISSING.value == "ceiling-missing"
    assert format_problem(problem) == (
        "takbeloppet saknas; ett ramavtal ska ange sitt högsta värde (EU-domstolen, mål C-23/20)"
    )


def test_a_ceiling_below_the_estimate_names_both_amounts_as_money() -> None:
    (problem,) = _raised(make_agreement, ceiling=Money.sek("4000000"))
    assert problem.code is ProblemCode.CEILING_BELOW_ESTIMATE
    assert problem.params == {"ceiling": Money.sek("4000000"), "estimate": Money.sek("5000000")}
    assert format_problem(problem) == (
        "takbeloppet 4\xa0000\xa0000\xa0kr är lägre än det uppskattade värdet 5\xa0000\xa0000\xa0kr"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the ceiling of SEK\xa04,000,000 is below the estimated value of SEK\xa05,000,000"
    )


def test_a_term_past_four_years() -> None:
    (problem,) = _raised(make_agreement, term=DateRange.from_iso("2026-01-01", "2028-12-31"))
    assert problem.code is ProblemCode.TERM_TOO_LONG
    assert format_problem(problem) == (
        "avtalstiden med alla optioner slutar 31 december 2030, 365 dagar efter fyra år "
        "(31 december 2029); en längre avtalstid kräver särskilda skäl (LOU 7 kap. 2 §)"
    )


def test_a_late_option() -> None:
    (problem,) = _raised(make_agreement().exercise_next_option, on=pendulum.date(2027, 12, 21))
    assert problem.code is ProblemCode.OPTION_LATE
    assert format_problem(problem) == (
        "option 1 påkallades 21 december 2027, 80 dagar efter sista dag att påkalla den "
        "(2 oktober 2027)"
    )
    assert format_problem(problem, locale="en_GB") == (
        "option 1 was exercised on 21 December 2027, 80 days after the last day, 2 October 2027"
    )


def _options(**options: Any) -> FrameworkAgreement:
    return attrs.evolve(make_agreement(), **options)


def test_options_out_of_order_and_before_the_term() -> None:
    agreement = make_agreement()
    first, second = agreement.options
    problems = _raised(
        _options,
        options=(first, attrs.evolve(second, exercised_on=pendulum.date(2026, 3, 1))),
    )
    assert _texts(problems) == [
        "option 2 är påkallad fast option 1 inte är det; optionerna påkallas i tur och ordning"
    ]
    early = attrs.evolve(first, exercised_on=pendulum.date(2025, 12, 1))
    problems = _raised(_options, options=(early, second))
    assert _texts(problems) == [
        "option 1 påkallades 1 december 2025, innan avtalstiden började (1 januari 2026)"
    ]
    later = attrs.evolve(first, exercised_on=pendulum.date(2026, 5, 1))
    sooner = attrs.evolve(second, exercised_on=pendulum.date(2026, 4, 1))
    problems = _raised(_options, options=(later, sooner))
    assert _texts(problems) == [
        "option 2 påkallades 1 april 2026, före option 1 (1 maj 2026)",
    ]


def test_the_call_off_method_and_what_it_needs() -> None:
    problems = _raised(make_agreement, call_off_method=CallOffMethod.COMBINED)
    assert _texts(problems) == [
        "beloppsgränsen för förnyad konkurrensutsättning saknas; den behövs med den "
        "kombinerade avropsmetoden"
    ]
    problems = _raised(make_agreement, supplier_rank=None)
    assert _texts(problems) == [
        "leverantörens plats i rangordningen saknas; den behövs när avrop görs efter rangordning"
    ]
    problems = _raised(make_agreement, value_limit=Money.sek("100000"))
    assert _texts(problems) == ["en beloppsgräns anges bara med den kombinerade avropsmetoden"]


def test_currencies_parties_and_service_areas() -> None:
    agreement = make_agreement()
    problems = _raised(
        make_agreement,
        ceiling=Money.of("6000000", "EUR"),
        supplier=agreement.buyer,
        service_areas=(),
    )
    assert _texts(problems) == [
        "leverantören och beställaren är samma organisation",
        "beloppet är i EUR, men ska vara i SEK som resten av avtalet",
        "avtalet omfattar inget tjänsteområde",
    ]


def test_a_bad_organisation_number() -> None:
    from ledarutveckling import Organisation

    assert _texts(_raised(Organisation, name="X", org_number="212000-0143")) == [
        "organisationsnumret 212000-0143 har fel kontrollsiffra"
    ]
    assert _texts(_raised(Organisation, name="X", org_number="21200-0142")) == [
        "organisationsnumret 21200-0142 ska ha tio siffror, skrivna NNNNNN-NNNN"
    ]
    assert _texts(_raised(Organisation, name="X", org_number="801231-3931")) == [
        "801231-3931 ser ut som ett personnummer; ett organisationsnummer har 2 eller mer som "
        "tredje siffra"
    ]


# -- the rules of each call-off against its agreement -----------------------------------------


def test_a_call_off_outside_the_term() -> None:
    agreement = make_agreement()
    late = make_call_off(
        agreement,
        ordered_on=pendulum.date(2028, 1, 10),
        delivery=DateRange.from_iso("2028-02-01", "2028-03-31"),
    )
    (problem,) = make_ledger(late, agreement=agreement).problems()
    assert problem.code is ProblemCode.ORDERED_OUTSIDE_TERM
    assert format_problem(problem) == (
        "avropsdagen 10 januari 2028 ligger utanför den avtalstid som gäller "
        "(1 januari 2026\xa0– 31 december 2027)"
    )


def test_references_unit_and_service_area() -> None:
    agreement = make_agreement(service_areas=(ServiceArea.EMPLOYEESHIP,))
    call_off = make_call_off(make_agreement())
    stranger = attrs.evolve(
        call_off.unit,
        organisation=attrs.evolve(
            call_off.unit.organisation, name="Region Stockholm", org_number="232100-0016"
        ),
    )
    wrong = attrs.evolve(
        call_off, reference=agreement.reference, agreement_reference="KS 1999/0001", unit=stranger
    )
    problems = make_ledger(wrong, wrong, agreement=agreement).problems()
    assert _texts(problems) == [
        "avropet hänvisar till avtal KS 1999/0001, inte till KS 2025/0101",
        "avropet har avtalets diarienummer i stället för ett eget",
        "den beställande enheten hör till Region Stockholm (232100-0016), inte till avtalets "
        "beställare Stockholms stad (212000-0142)",
        "tjänsteområdet ledarskap ingår inte i avtalet (det omfattar medarbetarskap)",
        "avropet hänvisar till avtal KS 1999/0001, inte till KS 2025/0101",
        "avropet har avtalets diarienummer i stället för ett eget",
        "den beställande enheten hör till Region Stockholm (232100-0016), inte till avtalets "
        "beställare Stockholms stad (212000-0142)",
        "tjänsteområdet ledarskap ingår inte i avtalet (det omfattar medarbetarskap)",
        "diarienumret KS 2025/0101 används redan av avrop nummer 1 i avropsloggen (avropsdag "
        "1 februari 2026); varje avrop har sitt eget diarienummer",
    ]


def test_the_method_and_the_prices() -> None:
    wrong = make_call_off(method=CallOffMethod.RENEWED_COMPETITION)
    assert _texts(make_ledger(wrong).problems()) == [
        "avropsmetoden ska vara rangordning, inte förnyad konkurrensutsättning"
    ]
    agreement = make_agreement()
    own = CallOffLine(price_code="KONS-TIM", quantity=10, unit_price=Money.sek("1500"))
    dear = make_call_off(agreement, lines=[own])
    assert _texts(make_ledger(dear, agreement=agreement).problems()) == [
        # The agreement has fixed prices: no "indexerat" (its own test: test_messages_words).
        "à-priset 1\xa0500\xa0kr för KONS-TIM ska vara listpriset 1\xa0450\xa0kr; bara ett "
        "avrop efter förnyad konkurrensutsättning får egna priser"
    ]
    competed = make_call_off(agreement, lines=[own], method=CallOffMethod.RENEWED_COMPETITION)
    combined = make_agreement(call_off_method=CallOffMethod.RENEWED_COMPETITION, supplier_rank=None)
    competed = make_call_off(combined, lines=[own], method=CallOffMethod.RENEWED_COMPETITION)
    assert _texts(make_ledger(competed, agreement=combined).problems()) == [
        "à-priset 1\xa0500\xa0kr för KONS-TIM är högre än listpriset 1\xa0450\xa0kr"
    ]
    unknown = make_call_off(
        agreement, lines=[CallOffLine(price_code="OKÄND", quantity=1, unit_price=Money.sek(1))]
    )
    assert _texts(make_ledger(unknown, agreement=agreement).problems()) == [
        "priskoden OKÄND finns inte i avtalets prislista, som har KONS-TIM, KONS-DAG och MATERIAL"
    ]


def test_the_ceiling_exceeded_by_an_amount() -> None:
    agreement = make_agreement()
    huge = make_call_off(agreement, lines=[CallOffLine(price_code="KONS-DAG", quantity=600)])
    (problem,) = make_ledger(huge, agreement=agreement).problems()
    assert problem.code is ProblemCode.CEILING_EXCEEDED
    assert problem.params == {
        "excess": Money.sek("120000.00"),
        "total": Money.sek("6120000.00"),
        "ceiling": Money.sek("6000000"),
    }
    assert format_problem(problem) == "takbeloppet överskrids med 120\xa0000\xa0kr"
    assert format_problem(problem, locale="en_GB") == "the ceiling is exceeded by SEK\xa0120,000"


# -- the status report's warnings ------------------------------------------------------------


def _warnings(ledger: Any, on: pendulum.Date) -> tuple[str, ...]:
    block = status_report(ledger, on=on).sections[0].blocks[0]
    return tuple(getattr(block, "items", (getattr(block, "text", ""),)))


def test_the_report_says_the_ceiling_is_passed_with_the_amount() -> None:
    ledger = stockholm_ledger()
    over = attrs.evolve(
        ledger.agreement, estimated_value=Money.sek("2900000"), ceiling=Money.sek("2965624.24")
    )
    assert _warnings(attrs.evolve(ledger, agreement=over), pendulum.date(2027, 2, 1)) == (
        "Takbeloppet är överskridet med 71\xa0461,16\xa0kr; avropen uppgår till 102,4\xa0% av "
        "takbeloppet.",
    )


def test_the_report_warns_when_the_drafts_would_pass_the_ceiling() -> None:
    ledger = stockholm_ledger()
    near = attrs.evolve(
        ledger.agreement, estimated_value=Money.sek("3000000"), ceiling=Money.sek("3100000")
    )
    assert _warnings(attrs.evolve(ledger, agreement=near), pendulum.date(2027, 2, 1)) == (
        "Avropen har nått 98,0\xa0% av takbeloppet (varning över 80\xa0%); 62\xa0914,60\xa0kr "
        "återstår.",
        "Med utkasten skulle takbeloppet överskridas med 26\xa0368,55\xa0kr.",
    )


def test_the_report_writes_a_call_off_problem_in_swedish_under_its_reference() -> None:
    ledger = stockholm_ledger()
    call_off = ledger.call_offs[4]
    wrong = attrs.evolve(call_off, agreement_reference="KS 1999/0001")
    ledger = attrs.evolve(ledger, call_offs=(*ledger.call_offs[:4], wrong, *ledger.call_offs[5:]))
    assert _warnings(ledger, pendulum.date(2027, 2, 1)) == (
        "Avrop TK 2026/1201: avropet hänvisar till avtal KS 1999/0001, inte till KS 2024/0815",
    )
    # Before the call-off was placed, the report knows nothing of it.
    assert _warnings(ledger, pendulum.date(2026, 5, 1)) == ("Inga varningar.",)


# -- every problem at once from a document ---------------------------------------------------


def test_an_agreement_with_three_problems_gives_all_three_in_one_error() -> None:
    data = to_dict(stockholm_agreement())
    data["buyer"]["org_number"] = "212000-0143"
    data["options"][0]["exercised_on"] = "2026-12-21"
    data["ceiling"] = {"amount": "1000", "currency": "SEK"}
    problems = _raised(from_dict, cls=FrameworkAgreement, data=data)
    assert [(p.path, p.code) for p in problems] == [
        ("buyer.org_number", ProblemCode.ORG_NUMBER_CHECK_DIGIT),
        ("ceiling", ProblemCode.CEILING_BELOW_ESTIMATE),
        ("options[0].exercised_on", ProblemCode.OPTION_LATE),
    ]
    assert _texts(problems) == [
        "organisationsnumret 212000-0143 har fel kontrollsiffra",
        "takbeloppet 1\xa0000\xa0kr är lägre än det uppskattade värdet 8\xa0000\xa0000\xa0kr",
        "option 1 påkallades 21 december 2026, 80 dagar efter sista dag att påkalla den "
        "(2 oktober 2026)",
    ]


def test_a_toml_agreement_gives_every_problem_too() -> None:
    text = to_toml(stockholm_agreement())
    text = text.replace("212000-0142", "212000-0143").replace("2026-09-15", "2026-12-21")
    with pytest.raises(ValidationError) as caught:
        from_toml(FrameworkAgreement, text)
    assert [p.code for p in caught.value.problems] == [
        ProblemCode.ORG_NUMBER_CHECK_DIGIT,
        ProblemCode.OPTION_LATE,
    ]


def test_rules_that_need_the_unreadable_value_stay_silent() -> None:
    data = to_dict(stockholm_agreement())
    data["supplier"]["org_number"] = "nonsense"
    data["buyer"]["org_number"] = "nonsense"
    problems = _raised(from_dict, cls=FrameworkAgreement, data=data)
    assert [p.path for p in problems] == ["buyer.org_number", "supplier.org_number"]


# -- the generic fallback and the values -----------------------------------------------------


def test_a_problem_without_a_code_is_written_without_a_repr_or_a_path() -> None:
    day = Problem(path="on", value=pendulum.date(2026, 3, 1), message="must be later")
    money = Problem(path="x", value=Money.sek("-9800"), message="must not be negative")
    assert format_problem(day) == "värdet 1 mars 2026 godtas inte"
    assert format_problem(money) == "värdet \N{MINUS SIGN}9\xa0800\xa0kr godtas inte"
    assert format_problem(money, locale="en_GB") == "the value -SEK\xa09,800 is not accepted"
    assert format_problem(Problem(path="x", message="is required")) == "ett värde saknas"
    assert format_problem(Problem(path="x", value=None, message="?")) == "ett värde saknas"
    assert format_problem(Problem(path="x", value=object(), message="?")) == (
        "ett värde godtas inte"
    )
    unknown = Problem(path="x", value="a", message="?", code="no-such-code")
    assert format_problem(unknown) == "värdet a godtas inte"


def test_a_code_whose_parameters_are_missing_falls_back() -> None:
    problem = Problem(path="", value=MISSING, message="?", code=ProblemCode.CEILING_EXCEEDED)
    assert format_problem(problem) == "ett värde saknas"


def test_format_problem_refuses_what_is_not_a_problem() -> None:
    with pytest.raises(ValidationError, match="problem: must be a Problem"):
        format_problem("oops")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="locale"):
        format_problem(Problem(path="", message="?"), locale="de_DE")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text", "text"),
        (Money.sek("12500.5"), "12\xa0500,50\xa0kr"),
        (pendulum.date(2026, 3, 1), "1 mars 2026"),
        (DateRange.from_iso("2026-03-01", "2026-03-05"), "1–5 mars 2026"),
        (pendulum.datetime(2026, 3, 1, 9, tz="Europe/Stockholm"), "söndag 1 mars 2026 kl. 09:00"),
        (pendulum.naive(2026, 3, 1, 9), None),
        (pendulum.duration(days=3), "3 dagar"),
        (pendulum.duration(days=-3), None),
        (ServiceArea.LEADERSHIP, "ledarskap"),
        (ProblemCode.OPTION_LATE, "option-late"),
        (True, None),
        (12500, "12\xa0500"),
        (-3, "\N{MINUS SIGN}3"),
        (__import__("decimal").Decimal("NaN"), None),
        ([ServiceArea.LEADERSHIP, ServiceArea.EMPLOYEESHIP], "ledarskap och medarbetarskap"),
        ([], None),
        ([object()], None),
        (object(), None),
    ],
)
def test_format_value(value: object, expected: str | None) -> None:
    assert format_value(value) == expected


# -- the catalogue itself --------------------------------------------------------------------


def test_every_code_has_both_texts_and_codes_are_kebab_case() -> None:
    assert set(MESSAGES) == set(ProblemCode)
    for code in ProblemCode:
        assert (
            code.value == code.name.lower().replace("_", "-") or code is ProblemCode.METHOD_COMBINED
        )
    assert set(FALLBACK) == {"value", "missing", "other"}


def test_a_problem_keeps_its_code_and_parameters_through_a_pickle_and_a_prefix() -> None:
    problem = Problem(
        path="ceiling", value=1, message="m", code=ProblemCode.TOO_SMALL, params={"least": 2}
    )
    moved = problem.with_prefix("agreement")
    assert moved.code is ProblemCode.TOO_SMALL
    assert moved.params == {"least": 2}
    assert pickle.loads(pickle.dumps(ValidationError([moved]))).problems == (moved,)
    assert hash(problem) == hash(attrs.evolve(problem, params={"least": 3}))
    assert str(problem) == "ceiling: m, got 1"


# -- records of problems and the converter's edge cases ----------------------------------------


def test_problem_records_from_an_error() -> None:
    from ledarutveckling.records import problem_records

    error = ValidationError(_raised(make_agreement, ceiling=None))
    assert problem_records(error, locale="en_GB") == [
        {
            "path": "ceiling",
            "code": "ceiling-missing",
            "text": "the ceiling is missing; a framework agreement must state its maximum value "
            "(EU Court of Justice, C-23/20)",
            "message": error.problems[0].message,
        }
    ]
    plain = Problem(path="x", value=3, message="must be 4")
    assert problem_records([plain])[0]["code"] is None
    with pytest.raises(ValidationError, match="problems: must be a ValidationError"):
        problem_records(["oops"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="problems: must be a ValidationError"):
        problem_records(3)  # type: ignore[arg-type]


def test_rules_around_stay_silent_without_a_required_field_or_when_a_rule_cannot_run() -> None:
    data = to_dict(stockholm_agreement())
    data["buyer"]["org_number"] = "212000-0143"
    del data["title"]
    problems = _raised(from_dict, cls=FrameworkAgreement, data=data)
    assert [p.path for p in problems] == ["title", "buyer.org_number"]
    data = to_dict(stockholm_agreement())
    data["buyer"]["org_number"] = "212000-0143"
    data["options"] = "many"
    problems = _raised(from_dict, cls=FrameworkAgreement, data=data)
    assert [p.path for p in problems] == ["buyer.org_number", "options"]


def test_rules_around_a_call_off_with_an_unreadable_unit() -> None:
    from ledarutveckling import CallOff

    call_off = make_call_off()
    data = to_dict(call_off)
    data["unit"]["organisation"]["org_number"] = "212000-0143"
    data["lines"] = []
    problems = _raised(from_dict, cls=CallOff, data=data)
    assert [(p.path, p.code) for p in problems] == [
        ("unit.organisation.org_number", ProblemCode.ORG_NUMBER_CHECK_DIGIT),
        ("lines", ProblemCode.NO_LINES),
    ]


def test_a_parameter_without_a_readers_form_falls_back() -> None:
    problem = Problem(
        path="x", value=5, message="?", code=ProblemCode.TOO_SMALL, params={"given": object()}
    )
    assert format_problem(problem) == "värdet 5 godtas inte"


# --- h6-swedish: a Swedish refusal names an enum's values with their Swedish labels ---


def test_a_wrong_enum_argument_lists_the_values_with_their_swedish_labels() -> None:
    from ledarutveckling import CallOffStatus, StatusChange

    with pytest.raises(ValidationError) as caught:
        StatusChange(from_status="ordered", to_status=CallOffStatus.CANCELLED, on="2026-02-02")  # type: ignore[arg-type]
    (problem,) = [p for p in caught.value.problems if p.path == "from_status"]
    assert format_problem(problem) == (
        "värdet ska vara något av draft (utkast), ordered (beställd), in_delivery (under "
        "leverans), delivered (levererad), invoiced (fakturerad), cancelled (avbruten) eller "
        "terminated (hävd)"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the value must be one of draft, ordered, in_delivery, delivered, invoiced, cancelled "
        "or terminated"
    )
    assert problem.params["valid"] == (
        "draft",
        "ordered",
        "in_delivery",
        "delivered",
        "invoiced",
        "cancelled",
        "terminated",
    )


def test_a_choice_is_its_written_value_and_survives_a_pickle() -> None:
    from ledarutveckling import DeliveryFormat
    from ledarutveckling._base.messages import Choice

    choice = Choice('"in_person"', DeliveryFormat.IN_PERSON)
    assert choice == '"in_person"'
    assert choice.label() == '"in_person" (på plats)'
    assert choice.label("en_GB") == '"in_person"'  # the label would only repeat it
    again = pickle.loads(pickle.dumps(choice))
    assert again.label() == '"in_person" (på plats)'
    assert Choice("x").label() == "x"


def test_a_wrong_value_in_a_document_is_answered_with_the_swedish_labels() -> None:
    from ledarutveckling import Program
    from ledarutveckling.examples import stockholm_catalogue

    text = to_toml(stockholm_catalogue().program("SVS")).replace(
        'format = "in_person"', 'format = "fysiskt"', 1
    )
    with pytest.raises(ValidationError) as caught:
        from_toml(Program, text)
    assert [format_problem(p) for p in caught.value.problems] == [
        '"fysiskt" kan inte stå här; skriv något av "in_person" (på plats), "digital" '
        '(digitalt) eller "self_paced" (självstudier)'
    ]
