"""Command line entry point: ``python -m ledarutveckling`` (or ``ledarutveckling``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import pendulum

from ledarutveckling import DateRange, Money
from ledarutveckling.formatting import (
    format_date_range,
    format_datetime,
    format_duration,
    format_list,
    format_money,
    format_percent,
    format_week,
)


def demo_lines() -> list[str]:
    """Return the lines of the small bundled example, formatted in Swedish.

    Examples:
        >>> print(demo_lines()[0])
        Ramavtal: Ledar- och medarbetarutveckling, Stockholms stad
    """
    day_price = Money.sek("18500")
    days = 6
    excl_vat = day_price * days
    period = DateRange.from_iso("2027-01-18", "2027-03-26")
    first = pendulum.datetime(2027, 1, 18, 9, 0, tz="Europe/Stockholm")
    used, ceiling = Money.sek("3150000"), Money.sek("12000000")
    return [
        "Ramavtal: Ledar- och medarbetarutveckling, Stockholms stad",
        "Avrop: Förändringsledarskap för stadsdelsförvaltningar",
        f"Beställare: {format_list(['Skarpnäck', 'Farsta', 'Enskede-Årsta-Vantör'])}",
        f"Period: {format_date_range(period)} ({format_week(period.start)}–"
        f"{format_week(period.end).removeprefix('vecka ')})",
        f"Första träffen: {format_datetime(first)}",
        f"Längd per träff: {format_duration(pendulum.duration(hours=3, minutes=30))}",
        f"Pris: {days} dagar à {format_money(day_price)} = {format_money(excl_vat)} exkl. moms",
        f"Moms: {format_money(excl_vat.vat())}, att betala: {format_money(excl_vat.with_vat())}",
        f"Avropat hittills: {format_money(used)} av {format_money(ceiling)} "
        f"({format_percent(used.amount / ceiling.amount)} av takbeloppet)",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the bundled example in Swedish and return the exit code."""
    del argv  # no options yet
    for line in demo_lines():
        print(line)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
