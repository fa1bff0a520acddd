r"""Pictures for reports and notebooks: a schedule's Gantt chart and the ceiling burn-up.

Needs the ``plot`` extra, matplotlib: ``pip install 'ledarutveckling[plot]'``. Each function
returns a new :class:`matplotlib.figure.Figure` (made without pyplot, so no global state and
no window); a notebook shows it, and ``figure.savefig("plan.png")`` writes it. Labels and
dates are in Swedish unless *locale* is English.

Examples:
    >>> import pendulum
    >>> from ledarutveckling.examples import stockholm_ledger
    >>> figure = plot_burn_up(stockholm_ledger(), on=pendulum.date(2026, 11, 27))
    >>> figure.axes[0].get_ylabel()
    'Belopp, miljoner kronor exkl. moms'
"""

from __future__ import annotations

from ledarutveckling._reporting.plots import plot_burn_up, plot_schedule

__all__ = [
    "plot_burn_up",
    "plot_schedule",
]
