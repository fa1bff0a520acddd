r"""Reports for people: the framework agreement's status report, as text, Markdown or HTML.

A report is built once as a :class:`Document` (sections of paragraphs, tables, bullets and
warnings) and rendered by :func:`to_text`, :func:`to_markdown` or :func:`to_html`, so the three
formats always hold the same content. The HTML is one standalone page: its style is inline,
it loads nothing from elsewhere, and it prints on paper without the screen colours.

The report is in Swedish by default (``locale="en_GB"`` gives English). The day it describes is
passed in as *on*; nothing here reads the clock.

Examples:
    >>> import pendulum
    >>> from ledarutveckling.examples import stockholm_ledger
    >>> report = status_report(stockholm_ledger(), on=pendulum.date(2026, 11, 27))
    >>> print(to_text(report).splitlines()[0])
    Statusrapport: Ramavtal ledar- och medarbetarutveckling
    >>> [section.title for section in report.sections]  # doctest: +NORMALIZE_WHITESPACE
    ['Varningar', 'Parter', 'Avtalstid och optioner', 'Leveransvillkor',
     'Takbelopp och utnyttjande', 'Avrop per beställare', 'Avrop per tjänsteområde', 'Avrop',
     'Kommande träffar']
"""

from __future__ import annotations

from ledarutveckling._reporting.document import (
    Block,
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
    to_html,
    to_markdown,
    to_text,
)
from ledarutveckling._reporting.excel import Target, document_to_xlsx
from ledarutveckling._reporting.status import (
    CEILING_WARNING_SHARE,
    NOTICE_WARNING_DAYS,
    status_report,
)

__all__ = [
    "CEILING_WARNING_SHARE",
    "NOTICE_WARNING_DAYS",
    "Block",
    "Bullets",
    "Document",
    "Paragraph",
    "Section",
    "Table",
    "Warnings",
    "status_report",
    "to_html",
    "to_markdown",
    "to_text",
    "to_xlsx",
]


def to_xlsx(document: Document, target: Target) -> None:
    r"""Write *document* as an Excel workbook (.xlsx) to a path or a binary file.

    The first sheet holds the title and every paragraph, list and warning; then each table is
    a sheet of its own, named after its section, with its headers as the report has them. A
    cell that shows an amount, a share, a count or a date holds the number or the date itself,
    with a format in the report's language (``#,##0.00 "kr"``, ``0.0 %``, ``yyyy-mm-dd`` in
    Swedish); other cells hold the text. The evaluations' tables are the report's, so a figure
    the anonymity rules hide there is hidden here too. See docs/excel.md.

    Needs the ``excel`` extra: ``pip install 'ledarutveckling[excel]'`` (XlsxWriter).

    Raises:
        ImportError: When XlsxWriter is not installed (the message names the extra).
        ValidationError: When the file cannot be written (path ``target``).

    Examples:
        >>> import io, pendulum
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> buffer = io.BytesIO()
        >>> to_xlsx(status_report(stockholm_ledger(), on=pendulum.date(2026, 11, 27)), buffer)
        >>> buffer.getvalue()[:2]
        b'PK'
    """
    document_to_xlsx(document, target)
