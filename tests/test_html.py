"""Notebook tables: `_repr_html_` of agreements, call-offs, programs, catalogues, plans, results."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pendulum
import pytest

from ledarutveckling import Dimension, breakdown, summarise
from ledarutveckling.examples import stockholm_catalogue, stockholm_evaluations, stockholm_ledger
from ledarutveckling.serialization import RolloutRequest, load

EXAMPLES = Path(__file__).parent.parent / "examples"


class _Cells(HTMLParser):
    """Collects the text of every table cell and caption, and checks tags are balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.captions: list[str] = []
        self.open: list[str] = []
        self._target: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag in ("td", "th"):
            self.cells.append("")
            self._target = self.cells
        elif tag == "caption":
            self.captions.append("")
            self._target = self.captions

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag
        self._target = None

    def handle_data(self, data: str) -> None:
        if self._target is not None:
            self._target[-1] += data


def parse(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    assert parser.open == []
    assert html.startswith('<div class="ledarutveckling">')
    return parser


def test_an_agreement_shows_its_facts_and_price_list() -> None:
    page = parse(stockholm_ledger().agreement._repr_html_())
    assert page.captions == [
        "Ramavtal: Ramavtal ledar- och medarbetarutveckling",
        "Prislista (exkl. moms, före indexuppräkning)",
        "Leveransvillkor",
    ]
    assert page.cells[:6] == [
        "Diarienummer",
        "KS 2024/0815",
        "Beställare",
        "Stockholms stad (212000-0142)",
        "Leverantör",
        "Exempelkonsulterna i Stockholm AB (556677-1233)",
    ]
    assert "12 månader (påkallad 15 september 2026), 12 månader" in page.cells
    assert "10\xa0000\xa0000\xa0kr" in page.cells
    assert page.cells[page.cells.index("KONS-TIM") : page.cells.index("KONS-TIM") + 4] == [
        "KONS-TIM",
        "Utbildningsledare, timpris",
        "per timme",
        "1\xa0450\xa0kr",
    ]


def test_an_agreement_says_its_options_in_swedish_words() -> None:
    # It said "1 mån (utnyttjad 2026-09-15)": an abbreviation, the word the glossary avoids and
    # an ISO date in running text.
    from ledarutveckling import ExtensionOption

    agreement = attrs.evolve(
        stockholm_ledger().agreement,
        options=(
            ExtensionOption(months=1, notice_days=30, exercised_on=pendulum.date(2026, 9, 15)),
            ExtensionOption(months=1, notice_days=30),
        ),
    )
    page = parse(agreement._repr_html_())
    assert page.cells[page.cells.index("Optioner") + 1] == (
        "1 månad (påkallad 15 september 2026), 1 månad"
    )


def test_an_agreement_without_options_says_none() -> None:
    agreement = attrs.evolve(stockholm_ledger().agreement, options=())
    page = parse(agreement._repr_html_())
    assert page.cells[page.cells.index("Optioner") + 1] == "inga"
    assert page.cells[page.cells.index("Nästa optionsfrist") + 1] == "–"


def test_a_call_off_shows_its_facts_and_lines() -> None:
    ledger = stockholm_ledger()
    page = parse(ledger.call_offs[4]._repr_html_())
    assert page.captions == ["Avrop TK 2026/1201", "Rader (exkl. moms)"]
    assert page.cells[page.cells.index("Status") + 1] == "beställd"
    assert page.cells[page.cells.index("Program") + 1] == (
        "ABW Flytten till ett aktivitetsbaserat kontor"
    )
    assert "1\xa0350,00\xa0kr" in page.cells  # its own price after renewed competition, exact


def test_a_line_without_its_own_price_takes_the_list_price() -> None:
    from decimal import Decimal

    from ledarutveckling import CallOffLine

    line = CallOffLine(price_code="MATERIAL", quantity=Decimal(12))
    call_off = attrs.evolve(stockholm_ledger().call_offs[0], lines=(line,))
    assert parse(call_off._repr_html_()).cells[-4:] == ["MATERIAL", "", "12", "listpris"]


def test_a_call_off_without_programs_shows_a_dash() -> None:
    call_off = attrs.evolve(stockholm_ledger().call_offs[0], programs=())
    page = parse(call_off._repr_html_())
    assert page.cells[page.cells.index("Program") + 1] == "–"


def test_a_program_shows_its_modules() -> None:
    page = parse(stockholm_catalogue().program("SVS")._repr_html_())
    assert page.captions == ["Program: Svåra samtal", "Moduler"]
    assert page.cells[page.cells.index("Gruppstorlek") + 1] == "8–20 deltagare"
    assert page.cells[-6:] == ["SVS-2", "Övning i svåra samtal", "3 timmar", "på plats", "2", "7"]


def test_a_catalogue_shows_one_row_per_program() -> None:
    page = parse(stockholm_catalogue()._repr_html_())
    assert page.captions == ["Katalog: 11 program"]
    assert page.cells.count("ledarskap") + page.cells.count("medarbetarskap") == 11


def test_a_ledger_shows_its_call_offs_and_problems() -> None:
    ledger = stockholm_ledger()
    page = parse(ledger._repr_html_())
    assert page.captions == ["Avropslogg: KS 2024/0815, 7 avrop"]
    assert "<p>Inga problem.</p>" in ledger._repr_html_()
    broken = attrs.evolve(ledger.call_offs[0], agreement_reference="KS <fel>")
    html = attrs.evolve(ledger, call_offs=(broken,))._repr_html_()
    assert (
        "<li>Avrop SOC 2025/0142: avropet hänvisar till avtal KS &lt;fel&gt;, inte till "
        "KS 2024/0815</li>"
    ) in html
    assert "KS &lt;fel&gt;" in html


def test_a_ledger_marks_call_offs_it_cannot_price() -> None:
    from decimal import Decimal

    from ledarutveckling import CallOffLine

    ledger = stockholm_ledger()
    broken = attrs.evolve(
        ledger.call_offs[0], lines=(CallOffLine(price_code="OKÄND", quantity=Decimal(1)),)
    )
    page = parse(attrs.evolve(ledger, call_offs=(broken,))._repr_html_())
    assert "kan inte prissättas" in page.cells


def test_a_summary_shows_each_question_or_hides_it() -> None:
    evaluations = stockholm_evaluations()
    page = parse(summarise(evaluations)._repr_html_())
    assert page.captions == ["34 svar av 58 inbjudna (58,6\xa0%)"]
    assert page.cells[4:8] == [
        "Q1",
        "Programmet som helhet har varit värdefullt för mig",
        "reaktion",
        "4,2 av 5 (n = 34)",
    ]
    small = summarise(evaluations[1])
    assert small._repr_html_() == (
        '<div class="ledarutveckling">\n<p>för få svar (n &lt; 5)</p>\n</div>'
    )


def test_a_breakdown_shows_groups_beside_the_total_with_suppression() -> None:
    page = parse(breakdown(stockholm_evaluations(), by=Dimension.UNIT)._repr_html_())
    assert page.captions == ["Per beställande enhet (minst 5 svar visas)"]
    assert page.cells[:7] == [
        "Beställande enhet",
        "Svar",
        "Svarsfrekvens",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
    ]
    assert page.cells[7:10] == ["Farsta stadsdelsförvaltning", "för få svar (n < 5)", "–"]
    assert page.cells[14:16] == [
        "Skärholmens stadsdelsförvaltning",
        "dold för att skydda en annan grupp",
    ]
    assert page.cells[-7:-4] == ["Totalt", "34 av 58", "58,6\xa0%"]


def test_a_breakdown_marks_questions_a_group_did_not_ask() -> None:
    first, second = stockholm_evaluations()[0], stockholm_evaluations()[2]
    fewer = attrs.evolve(
        second,
        questions=second.questions[:3],
        responses=tuple(
            attrs.evolve(r, answers={k: v for k, v in r.answers.items() if k != "Q4"})
            for r in second.responses
        ),
    )
    page = parse(breakdown([first, fewer], by=Dimension.COHORT, minimum=3)._repr_html_())
    assert page.cells[page.cells.index("2026:1") + 6] == "–"


@pytest.fixture
def plan_html() -> str:
    plan = load(EXAMPLES / "rollout-request.toml", RolloutRequest).plan(stockholm_catalogue())
    return plan._repr_html_()


def test_a_rollout_plan_shows_its_summary_and_cohorts(plan_html: str) -> None:
    page = parse(plan_html)
    assert (
        "<p>Flytten till ett aktivitetsbaserat kontor: 295 deltagare i 8 kohorter, 16 träffar.</p>"
        in plan_html
    )
    assert page.captions == ["Utrullning: Flytten till ett aktivitetsbaserat kontor"]
    assert page.cells[:4] == ["Enhet", "Kohort", "Deltagare", "Träffar"]
    assert page.cells[4:7] == ["Trafikkontoret", "1", "40"]
    # The sessions held: ABW-1 is self-paced, a window with no session (issue 17).
    assert re.fullmatch(r"ABW-2 2027-\d\d-\d\d, ABW-3 2027-\d\d-\d\d", page.cells[7])
    assert not any("ABW-1" in cell for cell in page.cells)


def test_a_rollout_plan_s_table_follows_the_locale() -> None:
    """Swedish by default (as a notebook shows it), English with ``locale`` (issue 17)."""
    plan = load(EXAMPLES / "rollout-request.toml", RolloutRequest).plan(stockholm_catalogue())
    assert plan.to_html() == plan._repr_html_() == plan.to_html("sv_SE")
    english = plan.to_html("en_GB")
    page = parse(english)
    assert (
        "<p>Flytten till ett aktivitetsbaserat kontor: 295 participants in 8 cohorts, "
        "16 sessions.</p>" in english
    )
    assert page.captions == ["Rollout: Flytten till ett aktivitetsbaserat kontor"]
    assert page.cells[:4] == ["Unit", "Cohort", "Participants", "Sessions"]
    assert page.cells[4:7] == ["Trafikkontoret", "1", "40"]
    assert re.fullmatch(r"ABW-2 \d\d/\d\d/2027, ABW-3 \d\d/\d\d/2027", page.cells[7])
    swedish = parse(plan.to_html())
    assert re.fullmatch(r"ABW-2 2027-\d\d-\d\d, ABW-3 2027-\d\d-\d\d", swedish.cells[7])
    # No Swedish word is left in the English table but the names the user gave.
    assert not {"Enhet", "Kohort", "Deltagare", "Träffar"} & set(page.cells)
    assert "kohort" not in english
    assert "träff" not in english
