"""A small document model for reports, rendered as plain text, Markdown or standalone HTML.

Reports are built once as a :class:`Document` of sections, paragraphs, tables and warnings, and
rendered by three functions, so the three formats always hold the same content. The HTML is a
single page with its style inline: no external assets, readable on screen and when printed.
"""

from __future__ import annotations

import html
import re
from typing import Final, Literal

import attrs

__all__ = [
    "Block",
    "Bullets",
    "Document",
    "Paragraph",
    "Section",
    "Table",
    "Warnings",
    "escape_markdown",
    "escape_text",
    "render_html",
    "render_markdown",
    "render_text",
    "to_html",
    "to_markdown",
    "to_text",
]


Align = Literal["left", "right"]


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of text."""

    text: str


@attrs.frozen(kw_only=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Warnings:
    """Warnings the reader must see (shown highlighted in HTML)."""

    items: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Table:
    """A table of text cells; *align* gives each column's alignment (numbers to the right).

    *nowrap* lists the columns (by index) whose cells must not break across lines in HTML,
    such as dates and references with hyphens; right-aligned columns never break.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()
    caption: str | None = None
    nowrap: tuple[int, ...] = ()

    def alignment(self, index: int) -> Align:
        """The alignment of column *index*, left unless told."""
        return self.align[index] if index < len(self.align) else "left"


Block = Paragraph | Bullets | Warnings | Table


@attrs.frozen(kw_only=True)
class Section:
    """A titled part of a document."""

    title: str
    blocks: tuple[Block, ...]


@attrs.frozen(kw_only=True)
class Document:
    """A report: a title, an optional subtitle, sections; *lang* is the BCP 47 language tag."""

    title: str
    sections: tuple[Section, ...]
    subtitle: str | None = None
    lang: str = "sv"


_INVISIBLE: Final = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""What no report shows raw: control characters (C0 with tab and line breaks, DEL, C1), the
line and paragraph separators, the bidirectional controls that reorder what a reader sees,
and lone surrogates."""


def escape_text(text: str) -> str:
    r"""*text* for a plain-text report: every invisible character written as Python writes it.

    Control characters (C0, DEL, C1; tab and line breaks too, so that a value cannot start a
    line of its own), the line and paragraph separators, the bidirectional controls and lone
    surrogates become ``\t``, ``\n``, ``\x1b``, ``\u202e``, ``\ud800``; nothing reaches a
    terminal that it would act on. Other text is left as it is.

    Examples:
        >>> print(escape_text("Gata\x1b[2J\x1b]0;pwned\x07"))
        Gata\x1b[2J\x1b]0;pwned\x07
        >>> escape_text("Gata, 1\xa0200\xa0kr") == "Gata, 1\xa0200\xa0kr"
        True
    """
    if text.isprintable():
        return text
    return _INVISIBLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def _text_table(table: Table) -> list[str]:
    columns = tuple(escape_text(c) for c in table.columns)
    rows = [tuple(escape_text(c) for c in row) for row in table.rows]
    widths = [len(c) for c in columns]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: tuple[str, ...]) -> str:
        padded = [
            cell.rjust(width) if table.alignment(i) == "right" else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    lines = [escape_text(table.caption)] if table.caption else []
    lines += [line(columns), "  ".join("-" * w for w in widths)]
    lines += [line(row) for row in rows]
    return lines


def render_text(document: Document) -> str:
    """Render *document* as plain text for a terminal (ends with a newline).

    Every value goes through :func:`escape_text`: no control character reaches the terminal.
    """
    title = escape_text(document.title)
    lines = [title, "=" * len(title)]
    if document.subtitle:
        lines.append(escape_text(document.subtitle))
    for section in document.sections:
        heading = escape_text(section.title)
        lines += ["", heading, "-" * len(heading)]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines.append(escape_text(block.text))
            elif isinstance(block, Bullets):
                lines += [f"- {escape_text(item)}" for item in block.items]
            elif isinstance(block, Warnings):
                lines += [f"! {escape_text(item)}" for item in block.items]
            else:
                lines += _text_table(block)
            lines.append("")
        if lines[-1] == "":
            lines.pop()
    return "\n".join(lines) + "\n"


_MD_LINE_BREAK: Final = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_MD_INLINE: Final = re.compile(r"[\\`*_~\[\]<>|#]|&(?=#?\w+;)")
"""Characters with a meaning anywhere on a line: escapes, code, emphasis and strikethrough,
links and images, raw HTML and autolinks, table cells, headings' closing ``#``, entities."""
_MD_AUTOLINK: Final = re.compile(r"(?i)(?:https?|ftp)(?=:)|www(?=\.)")
"""What GitHub's extended autolinks start with (``http:``, ``https:``, ``ftp:``, ``www.``):
a backslash before the ``:`` or ``.`` after it keeps the text from becoming a link."""
_MD_LINE_START: Final = re.compile(r"^(?:[-+=]|\d{1,9}(?=[.)]))")
"""What starts a block at the beginning of a line: list items, setext underlines, thematic
breaks and ordered lists (their ``.`` or ``)`` is escaped)."""


def _escape_line_start(found: re.Match[str]) -> str:
    start = found.group()
    return f"{start}\\" if start[0].isdigit() else f"\\{start}"


def escape_markdown(text: str) -> str:
    r"""*text* as literal GitHub-flavoured Markdown: it renders as itself, in one line.

    * A line break becomes a space (a report's value is one line: a heading, a paragraph, a
      list item or a table cell), so no value starts a block of its own;
    * ``\ ` * _ ~ [ ] < > | #`` are escaped with a backslash, and ``&`` where it would start an
      entity: no emphasis, code, link, image, raw HTML (``<script>``), autolink or broken
      table row; the ``:`` after ``http``, ``https`` and ``ftp`` and the ``.`` after ``www``
      are escaped too, so GitHub's extended autolinks do not turn a web address into a link.
      An e-mail address still renders as a ``mailto:`` link on GitHub (cmark-gfm finds it
      after the escapes are resolved); that link is harmless and the text is unchanged;
    * at the start, ``- + =`` and the ``.`` or ``)`` after digits are escaped (no list, no
      rule), and leading spaces are written as ``&#32;`` (no code block);
    * other invisible characters are written as :func:`escape_text` writes them.

    Examples:
        >>> print(escape_markdown("[x](javascript:alert(1)) | <script> *a_b*"))
        \[x\](javascript:alert(1)) \| \<script\> \*a\_b\*
        >>> print(escape_markdown("1. Gata\n# rubrik"))
        1\. Gata \# rubrik
        >>> print(escape_markdown("se https://x.se och www.x.se"))
        se https\://x.se och www\.x.se
    """
    text = escape_text(_MD_LINE_BREAK.sub(" ", text))
    text = _MD_INLINE.sub(lambda found: "\\" + found.group(), text)
    text = _MD_AUTOLINK.sub(lambda found: found.group() + "\\", text)
    text = _MD_LINE_START.sub(_escape_line_start, text)
    stripped = text.lstrip(" ")
    return "&#32;" * (len(text) - len(stripped)) + stripped


def render_markdown(document: Document) -> str:
    """Render *document* as GitHub-flavoured Markdown (ends with a newline).

    Every value goes through :func:`escape_markdown`: it renders as itself, on its own line.
    """
    lines = [f"# {escape_markdown(document.title)}"]
    if document.subtitle:
        lines += ["", escape_markdown(document.subtitle)]
    for section in document.sections:
        lines += ["", f"## {escape_markdown(section.title)}"]
        for block in section.blocks:
            lines.append("")
            if isinstance(block, Paragraph):
                lines.append(escape_markdown(block.text))
            elif isinstance(block, Bullets):
                lines += [f"- {escape_markdown(item)}" for item in block.items]
            elif isinstance(block, Warnings):
                lines += [f"- **{escape_markdown(item)}**" for item in block.items]
            else:
                if block.caption:
                    lines += [f"*{escape_markdown(block.caption)}*", ""]
                lines.append("| " + " | ".join(escape_markdown(c) for c in block.columns) + " |")
                rule = [
                    "---:" if block.alignment(i) == "right" else "---"
                    for i in range(len(block.columns))
                ]
                lines.append("| " + " | ".join(rule) + " |")
                lines += [
                    "| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in block.rows
                ]
    return "\n".join(lines) + "\n"


_CSS: Final = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #0b5394; padding-bottom: .2rem;
     margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
ul.warnings { list-style: none; padding: 0; }
ul.warnings li { background: #fff4e5; border-left: 4px solid #e69138; padding: .4rem .6rem;
                 margin: .3rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  table, ul.warnings li { break-inside: avoid; }
  th { background: none; }
}
"""


def _html_table(table: Table) -> list[str]:
    def cls(index: int) -> str:
        if table.alignment(index) == "right":
            return ' class="num"'
        return ' class="nowrap"' if index in table.nowrap else ""

    parts = ["<table>"]
    if table.caption:
        parts.append(f"<caption>{html.escape(table.caption)}</caption>")
    head = "".join(
        f'<th scope="col"{cls(i)}>{html.escape(c)}</th>' for i, c in enumerate(table.columns)
    )
    parts.append(f"<thead><tr>{head}</tr></thead>")
    parts.append("<tbody>")
    for row in table.rows:
        cells = "".join(f"<td{cls(i)}>{html.escape(c)}</td>" for i, c in enumerate(row))
        parts.append(f"<tr>{cells}</tr>")
    parts += ["</tbody>", "</table>"]
    return parts


def render_html(document: Document) -> str:
    """Render *document* as a standalone HTML page with inline style and no external assets."""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(document.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(document.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{html.escape(document.title)}</h1>",
    ]
    if document.subtitle:
        parts.append(f'<p class="subtitle">{html.escape(document.subtitle)}</p>')
    for section in document.sections:
        parts += ["<section>", f"<h2>{html.escape(section.title)}</h2>"]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(f"<p>{html.escape(block.text)}</p>")
            elif isinstance(block, Bullets | Warnings):
                kind = ' class="warnings"' if isinstance(block, Warnings) else ""
                items = "".join(f"<li>{html.escape(item)}</li>" for item in block.items)
                parts.append(f"<ul{kind}>{items}</ul>")
            else:
                parts += _html_table(block)
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def to_text(document: Document) -> str:
    """Render *document* as plain text for a terminal (ends with a newline).

    Examples:
        >>> print(to_text(Document(title="Rapport", sections=())), end="")
        Rapport
        =======
    """
    return render_text(document)


def to_markdown(document: Document) -> str:
    """Render *document* as GitHub-flavoured Markdown (ends with a newline).

    Examples:
        >>> print(to_markdown(Document(title="Rapport", sections=())), end="")
        # Rapport
    """
    return render_markdown(document)


def to_html(document: Document) -> str:
    """Render *document* as one standalone HTML page: inline style, no external assets.

    Examples:
        >>> to_html(Document(title="Rapport", sections=())).startswith("<!DOCTYPE html>")
        True
    """
    return render_html(document)
