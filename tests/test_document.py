"""The report document model renders the same content as text, Markdown and HTML."""

from html.parser import HTMLParser

from ledarutveckling._reporting.document import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
    render_html,
    render_markdown,
    render_text,
)

DOC = Document(
    title="Ramavtal <Ledarutveckling>",
    subtitle="Läge 27 november 2026",
    sections=(
        Section(
            title="Takbelopp",
            blocks=(
                Paragraph(text="Utnyttjat: 26,3\xa0%"),
                Table(
                    columns=("Beställare", "Belopp"),
                    rows=(
                        ("Socialförvaltningen", "1\xa0200\xa0kr"),
                        ("Stadsarkivet | A*", "5\xa0kr"),
                    ),
                    align=("left", "right"),
                    caption="Per beställare",
                ),
            ),
        ),
        Section(
            title="Varningar",
            blocks=(Warnings(items=("Över 80\xa0%",)), Bullets(items=("a_b",))),
        ),
    ),
)


def test_text_rendering_aligns_columns() -> None:
    assert render_text(DOC) == (
        "Ramavtal <Ledarutveckling>\n"
        "==========================\n"
        "Läge 27 november 2026\n"
        "\n"
        "Takbelopp\n"
        "---------\n"
        "Utnyttjat: 26,3\xa0%\n"
        "\n"
        "Per beställare\n"
        "Beställare" + " " * 13 + "Belopp\n"
        "-------------------  --------\n"
        "Socialförvaltningen  1\xa0200\xa0kr\n"
        "Stadsarkivet | A*        5\xa0kr\n"
        "\n"
        "Varningar\n"
        "---------\n"
        "! Över 80\xa0%\n"
        "\n"
        "- a_b\n"
    )


def test_markdown_rendering_escapes_table_pipes_and_emphasis() -> None:
    assert render_markdown(DOC) == (
        "# Ramavtal \\<Ledarutveckling\\>\n"
        "\n"
        "Läge 27 november 2026\n"
        "\n"
        "## Takbelopp\n"
        "\n"
        "Utnyttjat: 26,3\xa0%\n"
        "\n"
        "*Per beställare*\n"
        "\n"
        "| Beställare | Belopp |\n"
        "| --- | ---: |\n"
        "| Socialförvaltningen | 1\xa0200\xa0kr |\n"
        "| Stadsarkivet \\| A\\* | 5\xa0kr |\n"
        "\n"
        "## Varningar\n"
        "\n"
        "- **Över 80\xa0%**\n"
        "\n"
        "- a\\_b\n"
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


def test_html_is_standalone_and_escaped() -> None:
    page = render_html(DOC)
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert "<title>Ramavtal &lt;Ledarutveckling&gt;</title>" in page
    assert '<td class="num">1\xa0200\xa0kr</td>' in page
    assert "@media print" in page
    parser = _Collector()
    parser.feed(page)
    assert parser.links == []  # no external assets
    assert parser.tags.count("table") == 1
    assert "Över 80\xa0%" in parser.text
    assert "Stadsarkivet | A*" in parser.text


def test_table_alignment_defaults_to_left() -> None:
    table = Table(columns=("a", "b"), rows=())
    assert table.alignment(1) == "left"


def test_document_without_subtitle_or_caption() -> None:
    doc = Document(
        title="T",
        sections=(Section(title="S", blocks=(Table(columns=("a",), rows=(("1",),)),)),),
        lang="en",
    )
    assert render_text(doc) == "T\n=\n\nS\n-\na\n-\n1\n"
    assert render_markdown(doc) == "# T\n\n## S\n\n| a |\n| --- |\n| 1 |\n"
    page = render_html(doc)
    assert '<html lang="en">' in page
    assert "subtitle" not in page.split("<body>")[1]
    assert "<caption>" not in page


def test_empty_section_renders_its_heading_only() -> None:
    doc = Document(title="T", sections=(Section(title="S", blocks=()),))
    assert render_text(doc) == "T\n=\n\nS\n-\n"


def test_nowrap_columns_keep_their_cells_on_one_line_in_html() -> None:
    table = Table(
        columns=("Diarienummer", "Leverans", "Belopp"),
        rows=(("SDF-SK 2025/0412", "1 september–31 oktober 2025", "27\xa0900\xa0kr"),),
        align=("left", "left", "right"),
        nowrap=(0, 2),
    )
    page = render_html(Document(title="T", sections=(Section(title="S", blocks=(table,)),)))
    assert '<td class="nowrap">SDF-SK 2025/0412</td>' in page
    assert "<td>1 september–31 oktober 2025</td>" in page
    assert '<td class="num">27\xa0900\xa0kr</td>' in page
    assert "td.nowrap { white-space: nowrap; }" in page
