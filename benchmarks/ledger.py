"""How long AgreementLedger takes with many call-offs.

Run: .venv/bin/python benchmarks/ledger.py
"""

from __future__ import annotations

import time

import attrs
import pendulum

from ledarutveckling import AgreementLedger, quote
from ledarutveckling.examples import stockholm_ledger


def build(count: int) -> AgreementLedger:
    example = stockholm_ledger()
    template = example.call_offs[0]
    agreement = example.agreement
    program = template.programs[0]
    start = pendulum.date(2025, 1, 1)
    call_offs = []
    offers = {}
    for n in range(count):
        day = start.add(days=n % 1000)
        if day not in offers:
            offers[day] = quote(agreement, program, 1, 12, day).lines
        call_offs.append(
            attrs.evolve(
                template,
                reference=f"AVROP {n}",
                ordered_on=day,
                delivery=template.delivery.__class__(start=day, end=day.add(days=90)),
                lines=offers[day],
                history=(),
                status=template.status.DRAFT,
            )
        )
    return AgreementLedger(agreement=agreement, call_offs=tuple(call_offs))


def timed(label: str, func: object, repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        begin = time.perf_counter()
        func()  # type: ignore[operator]
        best = min(best, time.perf_counter() - begin)
    print(f"{label:45} {best * 1000:8.1f} ms")


for count in (100, 1000, 5000):
    book = build(count)
    day = pendulum.date(2026, 6, 30)
    timed(f"problems(), {count} call-offs, fresh ledger", lambda b=book: attrs.evolve(b).problems())
    timed(f"running_total(), {count} call-offs, priced", lambda b=book, d=day: b.running_total(d))
    timed(f"totals_by_unit(), {count} call-offs, priced", lambda b=book: b.totals_by_unit())
