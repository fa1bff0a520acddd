"""The agreement's delivery terms in the status report and its HTML, in Swedish and English."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum

from ledarutveckling import DeliveryTerms
from ledarutveckling._reporting.terms import terms_rows
from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
from ledarutveckling.reports import Table, status_report, to_markdown

ON = pendulum.date(2026, 11, 27)


def _terms_table(locale: str = "sv_SE", terms: DeliveryTerms | None = None) -> Table:
    ledger = stockholm_ledger()
    if terms is not None or locale == "none":
        ledger = attrs.evolve(
            ledger, agreement=attrs.evolve(ledger.agreement, delivery_terms=terms)
        )
        locale = "sv_SE"
    report = status_report(ledger, on=ON, locale=locale)
    (section,) = [s for s in report.sections if s.title in ("Leveransvillkor", "Delivery terms")]
    (table,) = section.blocks
    assert isinstance(table, Table)
    return table


def test_the_report_states_the_agreements_delivery_terms_in_swedish() -> None:
    table = _terms_table()
    assert table.columns == ("Villkor", "Vad avtalet säger")
    assert table.rows == (
        (
            "Sen avbokning",
            "avbokning med färre än 10 arbetsdagar kvar till tillfället debiteras med "
            "50\xa0% av priset per deltagare",
        ),
        (
            "Lägsta antal deltagare",
            "8; med färre anmälda får leverantören ställa in tillfället, som då inte debiteras",
        ),
        (
            "Uteblivande",
            "en anmäld deltagare som varken kommer eller avbokar debiteras med 100\xa0% av "
            "priset per deltagare",
        ),
    )


def test_the_report_states_the_delivery_terms_in_english_for_an_english_locale() -> None:
    table = _terms_table("en_GB")
    assert table.columns == ("Term", "What the agreement says")
    assert table.rows[0] == (
        "Late cancellation",
        "a cancellation with fewer than 10 working days left before the session is charged "
        "50% of the price per participant",
    )
    assert table.rows[2][0] == "No-shows"


def test_an_agreement_without_terms_says_that_nothing_is_charged() -> None:
    table = _terms_table("none", None)
    assert table.rows == (
        ("Sen avbokning", "inget villkor: avbokningar debiteras inte"),
        ("Lägsta antal deltagare", "inget villkor: leverantören håller tillfället oavsett antal"),
        ("Uteblivande", "inget villkor: uteblivna deltagare debiteras inte"),
    )


def test_a_share_is_written_as_the_exact_percentage_and_one_day_in_the_singular() -> None:
    terms = DeliveryTerms(
        late_cancellation_days=1,
        late_cancellation_share=Decimal("0.125"),
        no_show_share=Decimal("0.75"),
    )
    rows = terms_rows(terms, "sv_SE")
    assert rows[0][1] == (
        "avbokning med färre än 1 arbetsdag kvar till tillfället debiteras med 12,5\xa0% av "
        "priset per deltagare"
    )
    assert rows[2][1] == (
        "en anmäld deltagare som varken kommer eller avbokar debiteras med 75\xa0% av "
        "priset per deltagare"
    )
    assert terms_rows(terms, "en_GB")[0][1].startswith(
        "a cancellation with fewer than 1 working day"
    )


def test_the_markdown_report_shows_the_terms_under_their_heading() -> None:
    text = to_markdown(status_report(stockholm_ledger(), on=ON))
    heading = text.index("## Leveransvillkor")
    assert heading < text.index("## Takbelopp och utnyttjande")
    assert "| Uteblivande | en anmäld deltagare som varken kommer" in text


def test_the_agreements_html_shows_its_terms_or_that_there_are_none() -> None:
    page = stockholm_agreement()._repr_html_()
    assert "<caption>Leveransvillkor</caption>" in page
    assert (
        "<tr><td>Lägsta antal deltagare</td><td>8; med färre anmälda får leverantören ställa "
        "in tillfället, som då inte debiteras</td></tr>"
    ) in page
    bare = attrs.evolve(stockholm_agreement(), delivery_terms=None)._repr_html_()
    assert (
        "<tr><td>Sen avbokning</td><td>inget villkor: avbokningar debiteras inte</td></tr>" in bare
    )
