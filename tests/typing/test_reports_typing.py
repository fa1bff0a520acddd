"""Reports, records and plots as a downstream project uses them, checked by mypy --strict.

Lines marked `# type: ignore[code]` MUST be rejected by mypy (`warn_unused_ignores` fails the
run if one stops being needed); pytest runs the file so every accepted line really works.
"""

from __future__ import annotations

import pendulum
import pytest

from ledarutveckling import ValidationError
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.plots import plot_burn_up
from ledarutveckling.records import Record, to_records
from ledarutveckling.reports import Document, status_report, to_html, to_markdown, to_text


def test_a_report_is_a_document_rendered_as_text() -> None:
    report: Document = status_report(stockholm_ledger(), on=pendulum.date(2026, 11, 27))
    rendered: list[str] = [to_text(report), to_markdown(report), to_html(report)]
    assert all(rendered)
    with pytest.raises(TypeError):
        status_report(stockholm_ledger(), pendulum.date(2026, 11, 27))  # type: ignore[call-overload]


def test_records_are_dicts_of_str() -> None:
    rows: list[Record] = to_records(stockholm_ledger())
    assert isinstance(rows[0]["reference"], str)


def test_plots_take_a_ledger() -> None:
    figure = plot_burn_up(stockholm_ledger(), on=pendulum.date(2026, 11, 27))
    assert figure.axes
    with pytest.raises(ValidationError):
        plot_burn_up("KS 2024/0815")  # type: ignore[arg-type]
