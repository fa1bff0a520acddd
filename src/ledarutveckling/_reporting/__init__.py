"""Reporting: the document model, its renderers, the status report, records, plots."""
