"""Every renderer escapes for its format (issue 21): text, Markdown, iCalendar, the CLI.

Objects can be built in Python directly, so each renderer is tried with hostile values built
in Python where the model allows them; where the model refuses them, the refusal is tested.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ledarutveckling import Organisation, to_ical
from ledarutveckling._cli import main
from ledarutveckling._reporting.document import (
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
    escape_markdown,
    escape_text,
    render_markdown,
    render_text,
)
from ledarutveckling._scheduling.ical import escape_ical_text, organiser_address
from ledarutveckling.errors import ValidationError
from ledarutveckling.reports import status_report, to_markdown, to_text
from ledarutveckling.testing import make_agreement, make_ledger, make_organisation, make_session

TERMINAL = "Gata\x1b[2J\x1b]0;pwned\x07\x00\x9b\u202e\ud800"
MARKDOWN = (
    "Gata | del\n# Rubrik\n<script>alert(1)</script> [x](javascript:alert(1)) "
    "![i](http://evil/x.png) *a* _b_ ~~c~~ `d` &amp; <http://evil> \\"
)
"""What a hostile name may hold that the model allows: everything but control characters."""
ALLOWED = (
    "Gata | del # Rubrik <script>alert(1)</script> [x](javascript:alert(1)) "
    "![i](http://evil/x.png) *a* _b_ ~~c~~ `d` &amp; <http://evil> \\"
)
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff]")


def _hostile(value: str) -> Document:
    return Document(
        title=value,
        subtitle=value,
        sections=(
            Section(
                title=value,
                blocks=(
                    Paragraph(text=value),
                    Bullets(items=(value,)),
                    Warnings(items=(value,)),
                    Table(columns=("Namn", value), rows=((value, "1"),), caption=value),
                ),
            ),
        ),
    )


# -- plain text ----------------------------------------------------------------------------


def test_escape_text_makes_every_invisible_character_visible() -> None:
    assert escape_text(TERMINAL) == "Gata\\x1b[2J\\x1b]0;pwned\\x07\\x00\\x9b\\u202e\\ud800"
    assert escape_text("rad 1\nrad 2\tflik\u2028") == "rad 1\\nrad 2\\tflik\\u2028"
    assert escape_text("Stadsarkivet, 1\xa0200\xa0kr") == "Stadsarkivet, 1\xa0200\xa0kr"
    assert escape_text("Åsa") == "Åsa"


def test_the_text_report_of_a_document_built_in_python_prints_no_control_character() -> None:
    text = render_text(_hostile(TERMINAL + "\nrad 2"))
    assert RAW.search(text) is None
    shown = "Gata\\x1b[2J\\x1b]0;pwned\\x07\\x00\\x9b\\u202e\\ud800\\nrad 2"
    assert text.splitlines() == [
        shown,
        "=" * len(shown),
        shown,
        "",
        shown,
        "-" * len(shown),
        shown,
        "",
        f"- {shown}",
        "",
        f"! {shown}",
        "",
        shown,
        "Namn" + " " * (len(shown) - 4) + "  " + shown,
        "-" * len(shown) + "  " + "-" * len(shown),
        shown + "  1",
    ]
    text.encode("utf-8")  # a lone surrogate would fail here


# -- Markdown ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("![i](http://evil/x.png)", "!\\[i\\](http\\://evil/x.png)"),
        (
            "se https://x.se, FTP://y.se och www.z.se",
            "se https\\://x.se, FTP\\://y.se och www\\.z.se",
        ),
        ("wwwx.se httpx://a.se 0http://b", "wwwx.se httpx://a.se 0http\\://b"),
        ("*a* _b_ ~~c~~ `d`", "\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\`"),
        ("# Rubrik", "\\# Rubrik"),
        ("Sal A #", "Sal A \\#"),
        ("rad 1\r\n# rad 2\n- rad 3", "rad 1 \\# rad 2 - rad 3"),
        ("- punkt", "\\- punkt"),
        ("+ punkt", "\\+ punkt"),
        ("===", "\\==="),
        ("---", "\\---"),
        ("12. Gata", "12\\. Gata"),
        ("3) Gata", "3\\) Gata"),
        ("2027-03-01", "2027-03-01"),
        ("    kod", "&#32;&#32;&#32;&#32;kod"),
        ("&amp; &#60; A & B", "\\&amp; \\&\\#60; A & B"),
        ("C:\\temp", "C:\\\\temp"),
        ("ESC\x1b[2J", "ESC\\\\x1b\\[2J"),
        ("Socialförvaltningen 1\xa0200\xa0kr", "Socialförvaltningen 1\xa0200\xa0kr"),
    ],
)
def test_escape_markdown(value: str, expected: str) -> None:
    assert escape_markdown(value) == expected


def _markdown_to_html(text: str) -> str:
    """*text* rendered by cmark-gfm, GitHub's own renderer, every extension on.

    Tables, strikethrough, extended autolinks and task lists, and raw HTML let through.
    """
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return html


def test_a_hostile_document_renders_as_itself_in_markdown() -> None:
    markdown = render_markdown(_hostile(MARKDOWN))
    assert RAW.search(markdown) is None
    html = _markdown_to_html(markdown)
    for tag in ("<script", "<a ", "<img", "<code>", "<s>", "<del>", "<h3", "<pre"):
        assert tag not in html
    assert html.count("<em>") == 1  # the table's caption, the renderer's own emphasis
    assert html.count("<strong>") == 1  # the warning, the renderer's own emphasis
    assert html.count("<h2>") == 1
    assert html.count("<table>") == 1
    assert html.count("<tr>") == 2  # the head and one row: no '|' split a row
    assert html.count("<li>") == 2  # the bullet and the warning: no new list items
    shown = (
        "Gata | del # Rubrik &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) "
        "![i](http://evil/x.png) *a* _b_ ~~c~~ `d` &amp;amp; &lt;http://evil&gt; \\"
    )
    assert html.count(shown) == 9  # every value, once each, read back as written


def test_a_status_report_of_hostile_names_renders_as_itself() -> None:
    buyer = make_organisation(name=ALLOWED)
    ledger = make_ledger(agreement=make_agreement(buyer=buyer, reference=ALLOWED))
    report = status_report(ledger, on=pendulum.date(2026, 6, 1))
    html = _markdown_to_html(to_markdown(report))
    for tag in ("<script", "<a ", "<img", "<em>", "<code>", "<s>", "<del>"):
        assert tag not in html
    assert "[x](javascript:alert(1))" in html
    assert ALLOWED in to_text(report)


def test_the_model_refuses_control_characters_in_names() -> None:
    with pytest.raises(ValidationError) as error:
        Organisation(name=TERMINAL, org_number="212000-0142")
    assert [p.path for p in error.value.problems] == ["name"]


# -- iCalendar -----------------------------------------------------------------------------

STAMP = pendulum.datetime(2026, 11, 27, 10, tz="UTC")


def test_escape_ical_text_takes_control_characters_out() -> None:
    assert escape_ical_text(TERMINAL + "\r\nrad 2") == "Gata[2J]0;pwned\u202e\ufffd rad 2"
    assert escape_ical_text("Sal A; plan 2, \\ rum") == "Sal A; plan 2, \\ rum"


@pytest.mark.parametrize(
    ("organiser", "expected"),
    [
        ("kurs@example.se", ("", "kurs@example.se")),
        ("Anna Berg <anna@example.se>", ("Anna Berg", "anna@example.se")),
        ("Anna Berg<anna@example.se>", ("Anna Berg", "anna@example.se")),
        ('"Berg, Anna" <anna@example.se>', ("Berg, Anna", "anna@example.se")),
        ("<anna@example.se>", ("", "anna@example.se")),
        ("evil@x.se <anna@example.se>", ("evil@x.se", "anna@example.se")),
        ("åsa@exempel.nu", ("", "åsa@exempel.nu")),
        ("anna@example.se, evil@x.se", None),
        ("anna@example.se evil@x.se", None),
        ("Anna <anna@example.se> <evil@x.se>", None),
        ("Anna <anna@example.se", None),
        ("Anna Berg", None),
        ("anna@localhost", None),
        ("anna@-example.se", None),
        ("anna@example.se\r\nATTENDEE:x", None),
        ("Anna\x1b <anna@example.se>", None),
        ('"Anna" Berg <anna@example.se>', None),
        (" Anna <anna@example.se>", None),
        ("", None),
    ],
)
def test_organiser_address(organiser: str, expected: tuple[str, str] | None) -> None:
    assert organiser_address(organiser) == expected


def test_the_organizer_is_the_address_in_angle_brackets() -> None:
    data = to_ical([make_session()], stamp=STAMP, organiser="evil@x.se <anna@example.se>")
    text = data.decode()
    assert "ORGANIZER;CN=evil@x.se:mailto:anna@example.se" in text
    assert "mailto:evil" not in text


@pytest.mark.parametrize(
    "organiser", ["anna@example.se, evil@x.se", "a@x.se <b@y.se> <c@z.se>", "Anna Berg"]
)
def test_an_organiser_that_is_not_one_address_is_refused(organiser: str) -> None:
    with pytest.raises(ValidationError) as error:
        to_ical([make_session()], stamp=STAMP, organiser=organiser)
    assert [(p.path, p.value) for p in error.value.problems] == [("organiser", organiser)]


def test_hostile_names_the_model_allows_are_escaped_in_the_calendar() -> None:
    session = make_session(cohort="Grupp 1; A, B \\ <script>", room="Sal A, plan 2; hus \\")
    text = to_ical([session], stamp=STAMP).decode()
    assert RAW.search(text.replace("\r\n", "")) is None
    assert "LOCATION:Sal A\\, plan 2\\; hus \\\\\r\n" in text
    assert "Grupp 1\\; A\\, B \\\\ <script>" in text.replace("\r\n ", "")


def test_the_model_refuses_control_characters_in_what_a_calendar_shows() -> None:
    with pytest.raises(ValidationError) as error:
        make_session(cohort="Grupp\x1b[2J", room="Sal\x07")
    assert [p.path for p in error.value.problems] == ["cohort", "room"]


# -- the command line ----------------------------------------------------------------------


def test_the_cli_shows_control_characters_in_the_names_it_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("xlsxwriter")
    from ledarutveckling import serialization

    ledger = tmp_path / "ledger.toml"
    ledger.write_text(serialization.to_toml(make_ledger()), encoding="utf-8")
    out = tmp_path / "rapport\x1b]0;pwned\x07.xlsx"
    status = main(["report", str(ledger), "--on", "2026-06-01", "--format", "xlsx", "-o", str(out)])
    printed = capsys.readouterr()
    assert status == 0
    assert RAW.search(printed.out + printed.err) is None
    assert printed.out == f"Skrev rapporten till {tmp_path}/rapport\\x1b]0;pwned\\x07.xlsx\n"


_TOKENS = (
    *"\\`*_~[]<>|#&!()-+=.:;/'\"@{}^$%?,0123456789ax ",
    "\n",
    "\r\n",
    "    ",
    "http://",
    "https://",
    "ftp://",
    "www.",
    "mailto:",
    "javascript:",
    "&amp;",
    "&#60;",
    "<script>",
    "</div>",
    "<!--",
    "[x]",
    "- [ ]",
    "1.",
    "1)",
    "***",
    "---",
    "===",
    "|---|",
    "```",
    "~~~",
    "Socialförvaltningen",
    "1\xa0200\xa0kr",
)
_MAILTO = re.compile(r'<a href="mailto:[^"]*">([^<]*)</a>')


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=12).map("".join))
def test_any_value_renders_as_itself_on_github(value: str) -> None:
    # GitHub's renderer, every extension on: one paragraph holding the value's text, and no
    # element of its own (an e-mail address may become a harmless mailto link).
    one_line = re.sub(r"\r\n|[\n\r]", " ", value).strip(" ")
    assume(one_line)
    html = _markdown_to_html(escape_markdown(one_line)).strip()
    assert html.startswith("<p>")
    assert html.endswith("</p>")
    inner = _MAILTO.sub(r"\1", html[3:-4])
    assert "<" not in inner
    assert unescape(inner) == one_line
