r"""Tables of plain values for notebooks and spreadsheets: call-offs, sessions, evaluation results.

:func:`to_records` turns a ledger's call-offs, a list of sessions, a rollout plan, or evaluation
results (a summary, a breakdown or a comparison) into a
list of dicts, one per row, with the same keys in every row; it needs nothing beyond the
library. :func:`to_dataframe` makes a :class:`pandas.DataFrame` of the same rows; pandas is an
optional extra (``pip install 'ledarutveckling[pandas]'``).

Values keep their exact types: amounts are :class:`~decimal.Decimal` (excluding VAT, never
float), days :class:`pendulum.Date`, times aware :class:`pendulum.DateTime` in
Europe/Stockholm, enums their stable ``value`` (``"in_delivery"``). Evaluation results are
taken from a :class:`~ledarutveckling.GroupSummary` or :class:`~ledarutveckling.Breakdown`, so
the anonymity rules already applied there hold in the table too: a hidden figure is ``None``
and the row says why. :func:`problem_records` makes rows of problems, each with its text in
the reader's language from the message catalogue.

Examples:
    >>> from ledarutveckling.examples import stockholm_ledger
    >>> rows = to_records(stockholm_ledger())
    >>> rows[0]["reference"], rows[0]["status"], rows[0]["amount"]
    ('SOC 2025/0142', 'invoiced', Decimal('209700.00'))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ledarutveckling._reporting.excel import Target, records_to_xlsx
from ledarutveckling._reporting.records import Record, problem_records, to_dataframe, to_records

__all__ = [
    "Record",
    "problem_records",
    "to_dataframe",
    "to_records",
    "to_workbook",
]


def to_workbook(sheets: Mapping[str, Any], target: Target, *, locale: str = "sv_SE") -> None:
    """Write the rows of :func:`to_records` as an Excel workbook (.xlsx), one sheet per value.

    *sheets* maps a sheet's name to anything :func:`to_records` takes: a ledger, sessions, a
    rollout plan, a group summary, a breakdown or a comparison. Cells hold the exact values as
    numbers, dates and times (an amount with the currency's format, a time as the wall clock in
    Stockholm), the headers and the codes the records hold (a status, a scale, why a figure
    is hidden) are in the language of *locale* (``fakturerad``, ``instämmandeskala 1–5``), the
    total's row says ``Totalt``, and a figure the anonymity rules hide is an empty cell whose
    row says why (the column "Dold (anonymitet)": ``för få svar``).

    Needs the ``excel`` extra: ``pip install 'ledarutveckling[excel]'`` (XlsxWriter).

    Raises:
        ImportError: When XlsxWriter is not installed (the message names the extra).
        ValidationError: For an empty *sheets*, a value :func:`to_records` refuses, a locale
            that is neither Swedish nor English, or a file that cannot be written.

    Examples:
        >>> import io
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> buffer = io.BytesIO()
        >>> to_workbook({"Avrop": stockholm_ledger()}, buffer)
        >>> buffer.getvalue()[:2]
        b'PK'
    """
    records_to_xlsx(sheets, target, locale=locale)
