"""The status report: content, warnings, locales and the three renderings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import (
    AgreementLedger,
    CallOffLine,
    CallOffStatus,
    ExtensionOption,
    Money,
    Session,
    WorkingCalendar,
    schedule_cohort,
)
from ledarutveckling.examples import stockholm_catalogue, stockholm_evaluations, stockholm_ledger
from ledarutveckling.reports import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
    status_report,
    to_html,
    to_markdown,
    to_text,
)
from tests.helpers import problems

ON = pendulum.date(2026, 11, 27)


def section(document: Document, title: str) -> Section:
    return next(s for s in document.sections if s.title == title)


def warnings_of(document: Document) -> tuple[str, ...]:
    block = document.sections[0].blocks[0]
    if isinstance(block, Paragraph):
        return ()
    assert isinstance(block, Warnings)
    return block.items


def test_the_report_is_swedish_by_default_with_every_section() -> None:
    report = status_report(stockholm_ledger(), on=ON)
    assert report.title == "Statusrapport: Ramavtal ledar- och medarbetarutveckling"
    assert report.subtitle == "KS 2024/0815 · per 27 november 2026"
    assert report.lang == "sv"
    assert [s.title for s in report.sections] == [
        "Varningar",
        "Parter",
        "Avtalstid och optioner",
        "Leveransvillkor",
        "Takbelopp och utnyttjande",
        "Avrop per beställare",
        "Avrop per tjänsteområde",
        "Avrop",
        "Kommande träffar",
    ]


def test_the_report_is_english_for_an_english_locale() -> None:
    report = status_report(stockholm_ledger(), on=ON, locale="en_GB")
    assert report.lang == "en"
    assert report.subtitle == "KS 2024/0815 · as of 27 November 2026"
    assert [s.title for s in report.sections][:5] == [
        "Warnings",
        "Parties",
        "Term and options",
        "Delivery terms",
        "Ceiling and utilisation",
    ]


def test_a_report_without_warnings_says_so() -> None:
    report = status_report(stockholm_ledger(), on=ON)
    assert report.sections[0].blocks == (Paragraph(text="Inga varningar."),)


def test_parties_are_listed_with_organisation_numbers() -> None:
    report = status_report(stockholm_ledger(), on=ON)
    table = section(report, "Parter").blocks[0]
    assert isinstance(table, Table)
    assert table.rows == (
        ("Beställare", "Stockholms stad", "212000-0142"),
        ("Leverantör", "Exempelkonsulterna i Stockholm AB", "556677-1233"),
    )


def test_term_shows_the_next_notice_deadline_and_days_left() -> None:
    blocks = section(status_report(stockholm_ledger(), on=ON), "Avtalstid och optioner").blocks
    assert blocks[0] == Paragraph(
        text="Avtalstid 1 januari 2025\xa0– 31 december 2026; med påkallade optioner gäller "
        "avtalet till och med 31 december 2027, med alla optioner längst till och med "
        "31 december 2028."
    )
    assert blocks[1] == Paragraph(text="Nästa optionsfrist: 2 oktober 2027 (309 dagar kvar).")
    table = blocks[2]
    assert isinstance(table, Table)
    assert table.rows == (
        ("1", "12 månader", "90 dagar före avtalsslut", "2026-10-02", "påkallad 15 september 2026"),
        ("2", "12 månader", "90 dagar före avtalsslut", "2027-10-02", "nästa"),
    )


def test_a_notice_deadline_within_90_days_is_a_warning() -> None:
    report = status_report(stockholm_ledger(), on=pendulum.date(2027, 7, 4))
    assert warnings_of(report) == (
        "Sista dag att påkalla nästa option är 2 oktober 2027, om 90 dagar.",
    )


@pytest.mark.parametrize(
    ("locale", "warning", "paragraph"),
    [
        (
            "sv_SE",
            "I dag, 2 oktober 2027, är sista dag att påkalla nästa option.",
            "Nästa optionsfrist: i dag, 2 oktober 2027.",
        ),
        (
            "en_GB",
            "Today, 2 October 2027, is the last day to exercise the next option.",
            "Next notice deadline: today, 2 October 2027.",
        ),
    ],
)
def test_the_deadline_day_says_today_not_in_0_days(
    locale: str, warning: str, paragraph: str
) -> None:
    # On the deadline itself the report said "om 0 dagar" and "(0 dagar kvar)".
    report = status_report(stockholm_ledger(), on=pendulum.date(2027, 10, 2), locale=locale)
    assert warnings_of(report) == (warning,)
    title = "Avtalstid och optioner" if locale == "sv_SE" else "Term and options"
    assert section(report, title).blocks[1] == Paragraph(text=paragraph)


@pytest.mark.parametrize(
    ("locale", "line", "statuses"),
    [
        (
            "sv_SE",
            "Avtalstid 1 januari 2025\xa0– 31 december 2026; med påkallade optioner gäller "
            "avtalet till och med 31 december 2027 och kan inte förlängas mer.",
            ("påkallad 15 september 2026", "fristen gick ut"),
        ),
        (
            "en_GB",
            "Term 1 January 2025\u2009–\u200931 December 2026; with the options exercised the "
            "agreement runs to 31 December 2027 and can no longer be extended.",
            ("exercised 15 September 2026", "deadline passed"),
        ),
    ],
)
def test_a_missed_deadline_ends_the_options(
    locale: str, line: str, statuses: tuple[str, ...]
) -> None:
    # Past the next option's deadline the report still promised "med alla optioner längst till
    # och med 31 december 2028" and called the missed option "nästa".
    report = status_report(stockholm_ledger(), on=pendulum.date(2027, 10, 3), locale=locale)
    blocks = section(report, "Avtalstid och optioner" if locale == "sv_SE" else "Term and options")
    assert blocks.blocks[0] == Paragraph(text=line)
    table = blocks.blocks[2]
    assert isinstance(table, Table)
    assert tuple(row[4] for row in table.rows) == statuses


def test_later_options_lapse_with_a_missed_one() -> None:
    agreement = attrs.evolve(
        stockholm_ledger().agreement,
        options=(ExtensionOption(months=12, notice_days=90),) * 2,
    )
    report = status_report(AgreementLedger(agreement=agreement), on=pendulum.date(2026, 10, 3))
    table = section(report, "Avtalstid och optioner").blocks[2]
    assert isinstance(table, Table)
    assert tuple(row[4] for row in table.rows) == ("fristen gick ut", "förfallen")


def test_a_notice_deadline_91_days_away_is_not_a_warning() -> None:
    assert warnings_of(status_report(stockholm_ledger(), on=pendulum.date(2027, 7, 3))) == ()


def test_one_day_left_is_singular() -> None:
    report = status_report(stockholm_ledger(), on=pendulum.date(2027, 10, 1), locale="en_GB")
    assert warnings_of(report) == (
        "The last day to exercise the next option is 2 October 2027, in 1 day.",
    )


def test_a_passed_notice_deadline_is_a_warning_while_the_agreement_runs() -> None:
    report = status_report(stockholm_ledger(), on=pendulum.date(2027, 10, 12))
    assert warnings_of(report) == (
        "Fristen för att påkalla nästa option gick ut 2 oktober 2027; avtalet kan inte längre "
        "förlängas med den.",
    )
    term = section(report, "Avtalstid och optioner").blocks[1]
    assert term == Paragraph(
        text="Fristen för att påkalla nästa option gick ut 2 oktober 2027 (10 dagar sedan)."
    )


def test_after_the_end_the_report_says_the_agreement_is_not_in_force() -> None:
    report = status_report(stockholm_ledger(), on=pendulum.date(2028, 2, 1))
    assert warnings_of(report) == ()
    blocks = section(report, "Avtalstid och optioner").blocks
    assert Paragraph(text="Avtalet gäller inte 1 februari 2028.") in blocks


def test_without_options_left_the_report_says_so() -> None:
    ledger = stockholm_ledger()
    agreement = ledger.agreement.exercise_next_option(pendulum.date(2027, 9, 1))
    on = pendulum.date(2027, 9, 1)
    report = status_report(attrs.evolve(ledger, agreement=agreement), on=on)
    blocks = section(report, "Avtalstid och optioner").blocks
    assert blocks[1] == Paragraph(text="Inga optioner återstår.")
    table = blocks[2]
    assert isinstance(table, Table)
    assert table.rows[1][-1] == "påkallad 1 september 2027"


def test_an_option_exercised_after_the_report_date_is_not_shown_as_exercised() -> None:
    ledger = stockholm_ledger()
    agreement = ledger.agreement.exercise_next_option(pendulum.date(2027, 9, 1))
    report = status_report(attrs.evolve(ledger, agreement=agreement), on=ON)
    blocks = section(report, "Avtalstid och optioner").blocks
    assert blocks[0] == Paragraph(
        text="Avtalstid 1 januari 2025\xa0– 31 december 2026; med påkallade optioner gäller "
        "avtalet till och med 31 december 2027, med alla optioner längst till och med "
        "31 december 2028."
    )
    assert blocks[1] == Paragraph(text="Nästa optionsfrist: 2 oktober 2027 (309 dagar kvar).")
    table = blocks[2]
    assert isinstance(table, Table)
    assert table.columns[2:4] == ("Påkallas senast", "Sista dag att påkalla")
    assert table.rows[1][2:] == ("90 dagar före avtalsslut", "2027-10-02", "nästa")


def test_an_agreement_without_options_has_no_option_table() -> None:
    ledger = stockholm_ledger()
    report = status_report(
        attrs.evolve(ledger, agreement=attrs.evolve(ledger.agreement, options=())), on=ON
    )
    blocks = section(report, "Avtalstid och optioner").blocks
    assert len(blocks) == 2
    assert blocks[1] == Paragraph(text="Inga optioner återstår.")


def test_options_after_the_next_are_later() -> None:
    ledger = stockholm_ledger()
    option = ledger.agreement.options[1]
    agreement = attrs.evolve(
        ledger.agreement,
        options=(*ledger.agreement.options, option),
        term_justification="Särskilda skäl: flytten till ett aktivitetsbaserat kontor",
    )
    report = status_report(attrs.evolve(ledger, agreement=agreement), on=ON)
    table = section(report, "Avtalstid och optioner").blocks[2]
    assert isinstance(table, Table)
    assert [row[-1] for row in table.rows][1:] == ["nästa", "senare"]
    assert table.rows[2][3] == "2028-10-02"


def test_ceiling_and_utilisation_in_amount_and_percent() -> None:
    table = section(status_report(stockholm_ledger(), on=ON), "Takbelopp och utnyttjande")
    block = table.blocks[0]
    assert isinstance(block, Table)
    assert block.rows == (
        ("Takbelopp", "10\xa0000\xa0000\xa0kr"),
        ("Uppskattat värde", "8\xa0000\xa0000\xa0kr"),
        ("Avropat", "3\xa0037\xa0085,40\xa0kr"),
        ("Planerat (utkast)", "89\xa0283,15\xa0kr"),
        ("Utnyttjat av takbeloppet", "30,4\xa0%"),
        ("Återstår", "6\xa0962\xa0914,60\xa0kr"),
    )
    assert block.align == ("left", "right")


def test_the_report_agrees_with_the_ledger() -> None:
    ledger = stockholm_ledger()
    for day in (pendulum.date(2025, 6, 1), ON, pendulum.date(2027, 6, 1)):
        block = section(status_report(ledger, on=day), "Takbelopp och utnyttjande").blocks[0]
        assert isinstance(block, Table)
        from ledarutveckling.formatting import format_money

        # The ledger counts the draft SOC 2027/0031 from its order day; the report does not.
        draft = ledger.total(len(ledger.call_offs) - 1)
        assert ledger.call_offs[-1].status is CallOffStatus.DRAFT
        in_ledger = ledger.running_total(day)
        if day >= ledger.call_offs[-1].ordered_on:
            in_ledger -= draft
        assert block.rows[2][1] == format_money(in_ledger)
        assert block.rows[3] == ("Planerat (utkast)", format_money(draft))
        ceiling = ledger.agreement.ceiling
        assert ceiling is not None
        assert block.rows[5][1] == format_money(ceiling - in_ledger)


def _over_80_percent() -> AgreementLedger:
    ledger = stockholm_ledger()
    agreement = attrs.evolve(
        ledger.agreement, estimated_value=Money.sek("3000000"), ceiling=Money.sek("3500000")
    )
    return attrs.evolve(ledger, agreement=agreement)


def test_a_ceiling_used_above_80_percent_is_a_warning() -> None:
    assert warnings_of(status_report(_over_80_percent(), on=ON)) == (
        "Avropen har nått 86,8\xa0% av takbeloppet (varning över 80\xa0%); 462\xa0914,60\xa0kr "
        "återstår.",
    )


def test_call_offs_with_problems_are_warnings_under_their_reference() -> None:
    ledger = stockholm_ledger()
    bad = ledger.call_offs[2]
    line = CallOffLine(price_code="OKÄND", quantity=Decimal(2))
    ledger = attrs.evolve(
        ledger,
        call_offs=(*ledger.call_offs[:2], attrs.evolve(bad, lines=(line,)), *ledger.call_offs[3:]),
    )
    report = status_report(ledger, on=ON)
    (warning,) = warnings_of(report)
    assert warning == (
        "Avrop KUL 2025/1104: priskoden OKÄND finns inte i avtalets prislista, som har "
        "KONS-TIM, KONS-HALVDAG, KONS-DAG, COACH-SAMTAL, MATERIAL, PLATTFORM och BEHOV"
    )
    listed = section(report, "Avrop").blocks[0]
    assert isinstance(listed, Table)
    assert listed.rows[2][-1] == "kan inte prissättas"
    by_unit = section(report, "Avrop per beställare").blocks[0]
    assert isinstance(by_unit, Table)
    assert "Stadsarkivet" not in [row[0] for row in by_unit.rows]


def test_problems_of_the_agreement_itself_are_warnings_too() -> None:
    ledger = stockholm_ledger()
    indexation = ledger.agreement.indexation
    assert indexation is not None
    values = {k: v for k, v in indexation.values.items() if k != (2025, 10)}
    agreement = attrs.evolve(ledger.agreement, indexation=attrs.evolve(indexation, values=values))
    report = status_report(attrs.evolve(ledger, agreement=agreement), on=ON, locale="en_GB")
    (warning,) = warnings_of(report)
    assert warning == (
        "Agreement: the index series has no value for 2025-10, which the adjustment on "
        "1 January 2026 needs"
    )


def test_call_offs_per_unit_are_sorted_by_amount_with_shares() -> None:
    block = section(status_report(stockholm_ledger(), on=ON), "Avrop per beställare").blocks[0]
    assert isinstance(block, Table)
    assert block.columns == ("Beställare", "Antal", "Belopp exkl. moms", "Andel")
    assert block.rows[0] == ("Trafikkontoret", "1", "2\xa0404\xa0350\xa0kr", "79,2\xa0%")
    assert len(block.rows) == 5


def test_call_offs_per_service_area() -> None:
    block = section(status_report(stockholm_ledger(), on=ON), "Avrop per tjänsteområde").blocks[0]
    assert isinstance(block, Table)
    assert block.rows == (
        ("medarbetarskap", "2", "2\xa0485\xa0200\xa0kr", "81,8\xa0%"),
        ("ledarskap", "3", "551\xa0885,40\xa0kr", "18,2\xa0%"),
    )


def test_call_offs_without_programs_are_grouped_apart() -> None:
    ledger = stockholm_ledger()
    call_off = attrs.evolve(ledger.call_offs[0], programs=())
    ledger = attrs.evolve(ledger, call_offs=(call_off,))
    block = section(status_report(ledger, on=ON), "Avrop per tjänsteområde").blocks[0]
    assert isinstance(block, Table)
    assert block.rows == (("(utan program)", "1", "209\xa0700\xa0kr", "100,0\xa0%"),)


def test_every_call_off_is_listed_in_the_order_placed() -> None:
    block = section(status_report(stockholm_ledger(), on=ON), "Avrop").blocks[0]
    assert isinstance(block, Table)
    assert block.rows[0] == (
        "SOC 2025/0142",
        "Socialförvaltningen",
        "2025-02-10",
        "3 mars\xa0– 30 september 2025",
        "SOC-CHEF",
        "fakturerad",
        "209\xa0700\xa0kr",
    )
    assert [row[0] for row in block.rows][-1] == "SOC 2027/0031"


def test_a_ledger_without_call_offs() -> None:
    ledger = AgreementLedger(agreement=stockholm_ledger().agreement)
    report = status_report(ledger, on=ON)
    for title in ("Avrop per beställare", "Avrop per tjänsteområde", "Avrop"):
        assert section(report, title).blocks == (Paragraph(text="Inga avrop ännu."),)


def test_a_zero_total_has_no_share() -> None:
    ledger = stockholm_ledger()
    competition = ledger.call_offs[4]
    free = attrs.evolve(
        competition,
        lines=(CallOffLine(price_code="MATERIAL", quantity=Decimal(1), unit_price=Money.sek(0)),),
    )
    block = section(
        status_report(attrs.evolve(ledger, call_offs=(free,)), on=ON), "Avrop per beställare"
    ).blocks[0]
    assert isinstance(block, Table)
    assert block.rows == (("Trafikkontoret", "1", "0\xa0kr", "–"),)


def _sessions() -> tuple[Session, ...]:
    program = stockholm_catalogue().program("SVS")
    calendar = WorkingCalendar.sweden()
    first = schedule_cohort(
        program, "Grupp 1", ON, calendar, dt.time(9, 0), facilitators=["Anna"], room="Sal 3"
    )
    late = schedule_cohort(program, "Grupp 2", pendulum.date(2027, 3, 1), calendar, dt.time(13))
    return first + late


def test_the_sessions_of_the_coming_weeks_are_listed() -> None:
    blocks = section(
        status_report(stockholm_ledger(), on=ON, sessions=_sessions()), "Kommande träffar"
    ).blocks
    assert blocks[0] == Paragraph(text="Träffar 27 november\xa0– 24 december 2026.")
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.rows == (
        (
            "2026-11-27",
            "09:00–10:00",
            "Svåra samtal",
            "Grupp 1",
            "Samtalsmodeller",
            "självstudier",
            "",
            "",
        ),
        (
            "2026-12-04",
            "09:00–12:00",
            "Svåra samtal",
            "Grupp 1",
            "Övning i svåra samtal",
            "på plats",
            "Sal 3",
            "Anna",
        ),
    )


def test_without_coming_sessions_the_report_says_so() -> None:
    blocks = section(
        status_report(
            stockholm_ledger(),
            on=pendulum.date(2026, 12, 10),
            sessions=_sessions(),
            weeks_ahead=1,
            locale="en_GB",
        ),
        "Coming sessions",
    ).blocks
    assert blocks == (Paragraph(text="No sessions 10\u2009–\u200916 December 2026."),)


def test_evaluations_are_shown_per_cohort_with_anonymity() -> None:
    report = status_report(stockholm_ledger(), on=ON, evaluations=stockholm_evaluations())
    blocks = section(report, "Utvärderingar").blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text.startswith("Resultat visas bara för grupper och frågor med minst 5 svar.")
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.caption == "SOC-LED: resultat per grupp"
    assert table.columns == ("Grupp", "Svar", "Svarsfrekvens", "Q1", "Q2", "Q3", "Q4")
    assert table.rows[0] == (
        "2025:1",
        "9 / 12",
        "75,0\xa0%",
        "4,3 av 5",
        "4,0 av 5",
        "3,6 av 5",
        "NPS +22",
    )
    assert table.rows[1] == ("2025:2", "för få svar (n < 5)", "–", "–", "–", "–", "–")
    assert table.rows[-1][:3] == ("Totalt", "34 / 58", "58,6\xa0%")
    legend = blocks[2]
    assert isinstance(legend, Bullets)
    assert legend.items[0] == (
        "Q1: Programmet som helhet har varit värdefullt för mig (reaktion, instämmandeskala 1–5)"
    )


def test_only_evaluations_collected_by_the_day_are_shown() -> None:
    report = status_report(
        stockholm_ledger(), on=pendulum.date(2026, 6, 5), evaluations=stockholm_evaluations()
    )
    table = section(report, "Utvärderingar").blocks[1]
    assert isinstance(table, Table)
    assert [row[0] for row in table.rows] == ["2025:1", "2025:2", "2026:1", "Totalt"]


def test_before_any_evaluation_is_done_the_report_says_so() -> None:
    report = status_report(
        stockholm_ledger(), on=pendulum.date(2025, 1, 2), evaluations=stockholm_evaluations()
    )
    assert section(report, "Utvärderingar").blocks == (
        Paragraph(text="Inga utvärderingar avslutade till och med 2 januari 2025."),
    )


def test_a_lower_minimum_shows_smaller_cohorts() -> None:
    report = status_report(
        stockholm_ledger(), on=ON, evaluations=stockholm_evaluations(), minimum=3
    )
    table = section(report, "Utvärderingar").blocks[1]
    assert isinstance(table, Table)
    assert table.rows[1][1] == "4 / 10"


def test_a_question_hidden_in_a_shown_cohort_says_why() -> None:
    evaluation = stockholm_evaluations()[0]
    silent = tuple(
        attrs.evolve(r, answers={**r.answers, "Q3": None}) if i < 5 else r
        for i, r in enumerate(evaluation.responses)
    )
    changed = attrs.evolve(evaluation, responses=silent)
    report = status_report(stockholm_ledger(), on=ON, evaluations=[changed])
    table = section(report, "Utvärderingar").blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0][5] == "för få svar (n < 5)"


def test_a_question_not_asked_in_a_cohort_is_a_dash() -> None:
    first, second = stockholm_evaluations()[0], stockholm_evaluations()[2]
    fewer = attrs.evolve(
        second,
        questions=second.questions[:3],
        responses=tuple(
            attrs.evolve(r, answers={k: v for k, v in r.answers.items() if k != "Q4"})
            for r in second.responses
        ),
    )
    report = status_report(stockholm_ledger(), on=ON, evaluations=[first, fewer], minimum=3)
    table = section(report, "Utvärderingar").blocks[1]
    assert isinstance(table, Table)
    assert table.rows[1][-1] == "–"


def test_the_program_title_is_named_when_a_call_off_has_the_program() -> None:
    ledger = stockholm_ledger()
    evaluation = stockholm_evaluations()[0]
    subject = attrs.evolve(evaluation.subject, program_code="SOC-CHEF")
    report = status_report(ledger, on=ON, evaluations=[attrs.evolve(evaluation, subject=subject)])
    table = section(report, "Utvärderingar").blocks[1]
    assert isinstance(table, Table)
    assert table.caption == "SOC-CHEF Ledarskap i socialtjänsten: resultat per grupp"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"ledger": "KS 2024/0815"}, [("ledger", "must be an AgreementLedger")]),
        ({"sessions": 3}, [("sessions", "must be a list of Session objects")]),
        ({"sessions": ["x"]}, [("sessions[0]", "must be Session objects")]),
        ({"evaluations": [1]}, [("evaluations[0]", "must be Evaluation objects")]),
        ({"weeks_ahead": -1}, [("weeks_ahead", "must be at least 0")]),
        ({"minimum": 2}, [("minimum", "must be at least 3")]),
        (
            {"locale": "de_DE"},
            [("locale", "must be a Swedish or English locale such as 'sv_SE' or 'en_GB'")],
        ),
        ({"on": pendulum.datetime(2026, 11, 27)}, [("on", "must be a date (not a datetime)")]),
        ({"on": "2026-11-27"}, [("on", "must be a date (not a datetime)")]),
    ],
)
def test_bad_arguments_are_reported_with_their_path(
    kwargs: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    arguments: dict[str, Any] = {"ledger": stockholm_ledger(), "on": ON, **kwargs}
    assert problems(status_report, **arguments) == expected


# -- the three renderings -------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _cells(document: Document) -> list[str]:
    found = [document.title]
    for s in document.sections:
        found.append(s.title)
        for block in s.blocks:
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, Bullets | Warnings):
                found += block.items
            else:
                found += block.columns + tuple(c for row in block.rows for c in row)
    return [c for c in found if c]


def test_text_markdown_and_html_hold_the_same_content() -> None:
    report = status_report(
        _over_80_percent(), on=ON, sessions=_sessions(), evaluations=stockholm_evaluations()
    )
    text, markdown = to_text(report), to_markdown(report)
    parser = _Collector()
    parser.feed(to_html(report))
    html_text = "".join(parser.text)
    for cell in _cells(report):
        assert cell in text
        assert cell.replace("|", "\\|") in markdown or cell in markdown.replace("\\", "")
        assert cell in html_text


def test_the_html_page_is_standalone_and_prints() -> None:
    page = to_html(status_report(_over_80_percent(), on=ON))
    parser = _Collector()
    parser.feed(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert parser.links == []
    assert "<script" not in page
    assert "@media print" in page
    assert parser.tags.count("table") == 7
    assert '<ul class="warnings">' in page


def test_an_empty_document_renders_in_every_format() -> None:
    document = Document(title="Rapport", sections=())
    assert to_text(document) == "Rapport\n=======\n"
    assert to_markdown(document) == "# Rapport\n"
    assert "<h1>Rapport</h1>" in to_html(document)
