"""Every problem the library makes carries a code: a Swedish reader never gets the fallback.

Two nets (issue 19): a static one over the source — every ``checks.add(``, ``Problem(``,
``ValidationError.single(`` and ``NotFoundError.single(`` call passes a code (the ratchet
:data:`NOT_YET_CODED` is empty now) — and a dynamic one
over the invalid inputs of the test strategies (``ledarutveckling.testing``) and mutated
documents, whose every problem has a code of the catalogue and whose Swedish text holds no
repr and no English. Whole Swedish sentences are compared exactly for a sample of each module.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ledarutveckling.testing as lt
import tests.strategies as sts
from ledarutveckling import (
    AgreementLedger,
    CallOff,
    CallOffStatus,
    DateRange,
    Facilitator,
    FrameworkAgreement,
    Money,
    Problem,
    ProblemCode,
    Program,
    RolloutUnit,
    ValidationError,
    WorkingCalendar,
)
from ledarutveckling._base.messages import Counted
from ledarutveckling._delivery.invoice import Address
from ledarutveckling.formatting import format_duration, format_problem
from ledarutveckling.serialization import from_dict, from_json
from tests.test_serialization_fuzz import mutated

CODES = {code.value for code in ProblemCode}
SRC = Path(__file__).resolve().parents[1] / "src" / "ledarutveckling"

NOT_YET_CODED: dict[str, int] = {}
"""Files with problems still made without a code, and how many (the ratchet): none left since
the rollout's rules and the calendar export got theirs (issue 19, round 5)."""


def _problem_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, bool]]:
    """Each call that makes a problem, and whether it passes a code."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        keywords = {k.arg for k in node.keywords}
        if isinstance(func, ast.Attribute) and func.attr == "add":
            if "check" not in ast.unparse(func.value).lower():
                continue
            yield node, len(node.args) >= 4 or "code" in keywords
        elif isinstance(func, ast.Name) and func.id == "Problem":
            yield node, "code" in keywords
        elif isinstance(func, ast.Attribute) and func.attr == "single":
            owner = ast.unparse(func.value)
            if owner.endswith("ValidationError"):
                yield node, len(node.args) >= 4 or "code" in keywords
            elif owner.endswith("NotFoundError"):  # its code defaults to not-found
                yield node, len(node.args) < 4 or not _is_none(node.args[3])


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def uncoded() -> dict[str, int]:
    """How many problems each source file makes without a code (the recount of the report)."""
    counts: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name == "errors.py":  # the definitions themselves
            continue
        missing = sum(not coded for _, coded in _problem_calls(ast.parse(path.read_text())))
        if missing:
            counts[name] = missing
    return counts


def test_every_problem_in_the_source_passes_a_code_but_the_listed_files() -> None:
    found = uncoded()
    grown = {f: n for f, n in found.items() if n > NOT_YET_CODED.get(f, 0)}
    assert grown == {}, "give these problems a ProblemCode (docs/messages.md)"


def test_no_problem_in_the_source_is_made_without_a_code() -> None:
    assert uncoded() == {}


def test_the_codes_written_as_text_in_the_source_are_codes_of_the_catalogue() -> None:
    codes = {c.value for c in ProblemCode}
    for path in SRC.rglob("*.py"):
        for call, coded in _problem_calls(ast.parse(path.read_text())):
            if not coded:
                continue
            given = [k.value for k in call.keywords if k.arg == "code"]
            code = given[0] if given else (call.args[3] if len(call.args) >= 4 else None)
            if isinstance(code, ast.Constant):
                assert code.value in codes, (path.name, call.lineno, code.value)
            elif isinstance(code, ast.Attribute):
                assert code.attr in ProblemCode.__members__, (path.name, call.lineno, code.attr)


_ENGLISH = re.compile(
    r"\b(must|the|is|not|got|should|value|Date|Money|Decimal|None|True|False)\b|[(]['\"]|\w+\[\d+\]"
)


def assert_swedish(problem: Problem) -> None:
    """*problem* has a code and a Swedish sentence without reprs, paths or English words."""
    assert problem.code in CODES, problem
    text = format_problem(problem)
    assert not _ENGLISH.search(text), text
    assert "godtas inte" not in text or problem.code == ProblemCode.BAD_VALUE, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_broken_call_off_gives_problems_with_codes_in_swedish(data: st.DataObject) -> None:
    agreement = data.draw(lt.agreements())
    broken = data.draw(lt.invalid_call_offs(agreement))
    for problem in AgreementLedger(agreement=agreement, call_offs=[broken.value]).problems():
        assert_swedish(problem)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lt.invalid_agreements())
def test_every_broken_agreement_gives_problems_with_codes_in_swedish(
    broken: lt.Broken[dict[str, Any]],
) -> None:
    with pytest.raises(ValidationError) as caught:
        FrameworkAgreement(**broken.value)
    for problem in caught.value.problems:
        assert_swedish(problem)


MUTABLE: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (FrameworkAgreement, sts.agreements),
    (CallOff, sts.call_offs),
    (AgreementLedger, st.just(sts.LEDGER)),
    (Program, sts.programs()),
]


@pytest.mark.parametrize(("cls", "valid"), MUTABLE, ids=[c.__name__ for c, _ in MUTABLE])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_problem_of_a_mutated_document_has_a_code_and_a_swedish_text(
    cls: type[Any], valid: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    document = data.draw(mutated(cls, valid))
    try:
        value = from_json(cls, json.dumps(document))
    except ValidationError as error:
        problems: tuple[Problem, ...] = error.problems
    else:
        problems = value.problems() if isinstance(value, AgreementLedger) else ()
    for problem in problems:
        assert problem.code in CODES, problem
        assert "godtas inte" not in format_problem(problem) or problem.code == "bad-value"


# -- whole Swedish sentences, one or more per module given codes ------------------------------


def _problem(build: Callable[[], object]) -> Problem:
    with pytest.raises(ValidationError) as caught:
        build()
    (problem,) = caught.value.problems
    assert problem.code is not None
    return problem


def _sv(build: Callable[[], object]) -> str:
    return format_problem(_problem(build))


def test_the_agreement_with_no_option_left() -> None:
    agreement = lt.make_agreement(options=())
    assert _sv(lambda: agreement.exercise_next_option(pendulum.date(2027, 1, 4))) == (
        "avtalet har ingen option kvar att påkalla"
    )


def test_a_free_cohort_and_a_position_past_the_ledger() -> None:
    ledger = lt.make_ledger()
    assert _sv(lambda: ledger.cohorts_that_fit(Money.sek("0"))) == (
        "en grupp måste kosta något; av gratis grupper ryms hur många som helst"
    )
    assert _sv(lambda: ledger.total(7)) == (
        "det finns ingen plats 7 (platserna räknas från 0, och antalet är 1)"
    )


def test_a_status_change_the_call_off_cannot_make() -> None:
    call_off = lt.make_call_off()
    problem = _problem(lambda: call_off.transition(CallOffStatus.INVOICED, call_off.ordered_on))
    assert format_problem(problem) == "ett avrop kan inte gå från utkast till fakturerad"
    assert format_problem(problem, locale="en_GB") == "a call-off cannot go from draft to invoiced"


def test_a_program_whose_modules_need_more_days_than_it_may_span() -> None:
    assert _sv(lambda: lt.make_program(max_span_days=1)) == (
        "programmet ska rymmas på 1 dag, men uppehållen mellan modulerna kräver 28 dagar"
    )


def test_a_swedish_postcode_and_a_country_code() -> None:
    assert _sv(lambda: Address(street="Storgatan 1", postal_code="1122", city="Stockholm")) == (
        "postnumret 1122 ska ha fem siffror, till exempel 112 21"
    )
    assert _sv(
        lambda: Address(street="Storgatan 1", postal_code="0150", city="Oslo", country="no")
    ) == ("no är ingen landskod; skriv den med två versaler enligt ISO 3166-1, till exempel SE")


def test_a_session_that_ends_before_it_starts() -> None:
    start = pendulum.datetime(2027, 3, 2, 9, tz="Europe/Stockholm")
    problem = _problem(lambda: lt.make_session(start=start, end=start.subtract(hours=1)))
    assert format_problem(problem) == (
        "slutet (tisdag 2 mars 2027 kl. 08:00) ligger före början (tisdag 2 mars 2027 kl. 09:00)"
    )


def test_money_dates_and_the_calendar() -> None:
    assert _sv(lambda: Money.sek("10.005").allocate([1, 1])) == (
        "beloppet 10,005 ska vara hela ören för att kunna fördelas; avrunda det först"
    )
    assert _sv(lambda: Money.sek("1") / 0) == "det går inte att dela med noll"
    assert _sv(lambda: Money.of("1", "kr")) == (
        "kr är ingen valutakod; skriv den med tre versaler enligt ISO 4217, till exempel SEK"
    )
    assert _sv(lambda: DateRange.iso_week(2027, 53)) == "år 2027 har ingen vecka 53"
    assert _sv(lambda: DateRange.from_iso("2026-03-02", "2026-03-01")) == (
        "slutet (1 mars 2026) ligger före början (2 mars 2026)"
    )
    calendar = WorkingCalendar()
    assert _sv(lambda: calendar.add_working_days(pendulum.date(1900, 1, 1), 1)) == (
        "1 januari 1900 ligger utanför åren 1953–2100, som de svenska helgdagarna finns för"
    )


def test_formatting_arguments() -> None:
    assert _sv(lambda: format_duration(dt.timedelta(seconds=-1))) == (
        "tidslängden får inte vara negativ"
    )
    assert _sv(lambda: format_duration(dt.timedelta(microseconds=5))) == (
        "tidslängden ska vara hela sekunder"
    )
    assert _sv(lambda: Money.sek("100").vat(Decimal("1.5"))) == (
        "här ska det stå en andel från 0 till 1 skriven som decimaltal, till exempel 0.25 för 25 %"
    )


def test_a_document_read_from_a_dict_reads_without_repr() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(DateRange, {"start": "2026-03-02", "end": "2026-03-01"})
    (problem,) = caught.value.problems
    assert_swedish(problem)
    assert format_problem(problem) == "slutet (1 mars 2026) ligger före början (2 mars 2026)"


def test_a_not_found_error_has_its_code_and_value() -> None:
    problem = _problem(lambda: lt.make_program().module("M9"))
    assert (problem.code, format_problem(problem)) == ("not-found", "M9 finns inte här")


# -- the rollout planner: its Swedish sentence as before, and now in English too ---------------


def test_a_deadline_the_rooms_cannot_reach_in_swedish_and_english() -> None:
    from tests.test_rollout import ONE_MODULE, day, plan

    people = [Facilitator(name=n) for n in ("Anna", "Björn", "Cecilia")]
    units = [RolloutUnit(name="Trafikkontoret", headcount=60, deadlines={"M1": day("2027-01-13")})]
    problem = _problem(lambda: plan(program=ONE_MODULE, units=units, facilitators=people))
    assert problem.code == ProblemCode.ROLLOUT_DEADLINE
    assert format_problem(problem) == (
        "Trafikkontoret: 5 kohorter hinner inte genomföra M1 före 13 januari 2027 med 1 lokal"
    )
    assert problem.message == (  # the developer's, as str(error) shows it
        "Trafikkontoret: 5 cohorts cannot complete M1 before 2027-01-13 with 1 room"
    )
    assert format_problem(problem, locale="en_GB") == (
        "Trafikkontoret: 5 cohorts cannot complete M1 before 13 January 2027 with 1 room"
    )


def test_a_deadline_of_one_cohort_says_kohort_in_the_singular() -> None:
    problem = Problem(
        path="units[0]",
        value="Staben",
        message="",
        code=ProblemCode.ROLLOUT_DEADLINE_SHARED,
        params={
            "unit": "Staben",
            "cohorts": Counted(number=1, thing="cohort"),
            "module": "M1",
            "deadline": pendulum.date(2027, 1, 13),
            "resource": Counted(number=1, thing="room"),
            "others": Counted(number=1, thing="cohort"),
        },
    )
    assert format_problem(problem) == (
        "Staben: 1 kohort hinner inte genomföra M1 före 13 januari 2027 med 1 lokal "
        "(tillsammans med 1 kohort från enheter med tidigare krav)"
    )
    assert format_problem(problem, locale="en_GB") == (
        "Staben: 1 cohort cannot complete M1 before 13 January 2027 with 1 room "
        "(together with 1 cohort of units with earlier deadlines)"
    )


def test_a_calendar_without_working_days_in_swedish_and_english() -> None:
    from tests.test_rollout import plan

    class Never(WorkingCalendar):
        def is_working_day(self, day: dt.date) -> bool:
            return False

    problem = _problem(lambda: plan(calendar=Never()))
    assert format_problem(problem) == (
        "Kalendern har ingen arbetsdag inom ett år från 11 januari 2027"
    )
    assert problem.message == "has no working day within a year of 2027-01-11"
    assert format_problem(problem, locale="en_GB") == (
        "The calendar has no working day within a year from 11 January 2027"
    )


def test_the_retired_rollout_code_still_writes_its_text() -> None:
    problem = Problem(
        path="",
        message="Planen går inte",
        code="rollout-infeasible",
        params={"text": "Planen går inte"},
    )
    assert format_problem(problem) == "Planen går inte"


def test_every_code_is_in_the_table_of_docs_messages_md() -> None:
    table = (SRC.parents[1] / "docs" / "messages.md").read_text()
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.MULTILINE))
    assert CODES - listed == set()


# -- the e-invoice read back, and the catalogue as a whole -------------------------------------


@pytest.mark.parametrize(
    ("change", "into", "swedish"),
    [
        (
            'SEK">1496.40</cbc:PriceAmount>',
            'SEK">-1496.40</cbc:PriceAmount>',
            "priset \u22121\xa0496,40 får inte vara negativt (BR-27)",
        ),
        (
            "<cbc:PaymentMeansCode>30<",
            "<cbc:PaymentMeansCode>50<",
            "betalningssättet 50 ska vara 30 med kontotypen SE:BANKGIRO eller SE:PLUSGIRO "
            "(SE-R-011)",
        ),
        (
            '<cbc:EndpointID schemeID="0007">5566771233<',
            '<cbc:EndpointID schemeID="0007">5566771234<',
            "5566771234 är inget giltigt organisationsnummer med tio siffror (PEPPOL-COMMON-R049)",
        ),
        (
            'currencyID="SEK">17956.80<',
            'currencyID="EUR">17956.80<',
            "värdet ska vara SEK (PEPPOL-EN16931-R051)",
        ),
    ],
)
def test_an_e_invoice_read_back_says_what_is_wrong_in_swedish(
    change: str, into: str, swedish: str
) -> None:
    from ledarutveckling import check_peppol, to_peppol
    from ledarutveckling.examples import stockholm_invoice

    data = to_peppol(stockholm_invoice()).decode()
    with pytest.raises(ValidationError) as caught:
        check_peppol(data.replace(change, into, 1).encode())
    problems = caught.value.problems
    for problem in problems:
        assert_swedish(problem)
    assert format_problem(problems[0]) == swedish


_NOT_SWEDISH = re.compile(r"\b(the|must|is|not|of|and|or|a|an|to|be|cannot|has|with)\b")


@pytest.mark.parametrize("code", list(ProblemCode), ids=lambda c: c.value)
def test_every_swedish_template_is_swedish_and_names_the_params_of_the_english(
    code: ProblemCode,
) -> None:
    from string import Formatter

    from ledarutveckling._base.messages import MESSAGES

    swedish, english = MESSAGES.text(code, "sv_SE"), MESSAGES.text(code, "en_GB")
    words = re.sub(r"\{[a-z_]+\}|\(([A-Z]+-)+[^)]*\)|[A-Z]{2,}[\w:.-]*", "", swedish)
    assert not _NOT_SWEDISH.search(words), swedish

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    assert fields(swedish) == fields(english)


def test_a_planner_refusal_without_a_code_of_its_own_keeps_its_sentence() -> None:
    from ledarutveckling._rollout.planner import _infeasible

    (problem,) = _infeasible("calendar", None, "Planen går inte").problems
    assert (problem.code, dict(problem.params)) == (
        "rollout-infeasible",
        {"text": "Planen går inte"},
    )
    assert format_problem(problem, locale="en_GB") == "Planen går inte"


def test_a_not_found_error_may_name_another_code() -> None:
    from ledarutveckling import NotFoundError

    (problem,) = NotFoundError.single("key", "x", "is unknown", "bad-value", given="x").problems
    assert (problem.code, dict(problem.params)) == ("bad-value", {"given": "x"})
    assert format_problem(problem) == "värdet x godtas inte här"


def test_counted_things_and_explanations_in_both_languages() -> None:
    from ledarutveckling._base.messages import Counted, Explanation

    assert [Counted(number=n, thing="facilitator").label("en_GB") for n in (1, 3)] == [
        "1 facilitator",
        "3 facilitators",
    ]
    assert Counted(number=3, thing="facilitator").label() == "3 utbildningsledare"

    class Why:
        def explain(self, locale: str = "sv_SE") -> str:
            return "Det är lokalerna"

    assert Explanation(source=Why()).label() == "det är lokalerna"


def test_an_evaluation_with_more_responses_than_invited_and_a_score_without_answers() -> None:
    from ledarutveckling import NetPromoterScore

    evaluation = lt.make_evaluation()
    count = len(evaluation.responses)
    assert _sv(lambda: attrs.evolve(evaluation, invited=count - 1)) == (
        f"{count - 1} inbjudna är färre än de {count} som har svarat"
    )
    assert _sv(lambda: NetPromoterScore(promoters=0, passives=0, detractors=0)) == (
        "det ska finnas minst ett svar"
    )
