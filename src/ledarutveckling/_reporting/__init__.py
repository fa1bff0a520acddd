"""Reporting: the document model, its renderers, the status report, records, plots.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._reporting import document, plots, records, status

publish(
    "ledarutveckling.reports",
    document.Bullets,
    document.Document,
    document.Paragraph,
    document.Section,
    document.Table,
    document.Warnings,
    document.to_html,
    document.to_markdown,
    document.to_text,
    status.status_report,
)
publish(
    "ledarutveckling.records",
    records.problem_records,
    records.to_dataframe,
    records.to_records,
)
publish(
    "ledarutveckling.plots",
    plots.plot_burn_up,
    plots.plot_schedule,
)
