"""Benchmark working-day arithmetic against numpy's ``busday_offset`` on the same holidays.

Install numpy first (it is only in the ``bench`` extra, not a dependency of the library):

    .venv/bin/pip install -e ".[bench]"

Run: ``python benchmarks/working_days.py`` (``--repeat N`` for more timing runs, ``--n K``
for the number of working days added; best of the runs shown).

What is measured: for every working day from 2026 to 2035 (ten years, about 2,500 days) as a
start, ``WorkingCalendar.add_working_days(start, n)`` for ``n`` in ``(+K, -K)``; and the same
with ``numpy.busday_offset`` given the calendar's weekday days off as its holiday list (so both
answer the same question, and the answers are checked to be equal). numpy is timed two ways:
one vectorised call over the whole array (its best case) and one call per date (what code that
asks one question at a time pays). The cold cost of a fresh calendar loading ten years of
holidays is reported on its own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

import pendulum

from ledarutveckling import DateRange, WorkingCalendar

try:
    import numpy as np
except ImportError:  # pragma: no cover - depends on the environment
    sys.exit('numpy is needed for this benchmark: pip install -e ".[bench]"')

PERIOD = DateRange.from_iso("2026-01-01", "2035-12-31")


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()

    margin = DateRange.from_iso("2025-01-01", "2036-12-31")
    started = time.perf_counter()
    WorkingCalendar.sweden().count_working_days(margin)
    first_seconds = time.perf_counter() - started  # includes importing holidays' Sweden module
    started = time.perf_counter()
    WorkingCalendar.sweden().count_working_days(margin)
    cold_seconds = time.perf_counter() - started

    calendar = WorkingCalendar.sweden()
    calendar.count_working_days(margin)  # load the years before timing
    starts = list(calendar.working_days(PERIOD))
    counts = [args.n, -args.n] * (len(starts) // 2 + 1)
    counts = counts[: len(starts)]

    holidays = np.array(
        [d.isoformat() for d in margin if d.weekday() < 5 and not calendar.is_working_day(d)],
        dtype="datetime64[D]",
    )
    busdays = np.busdaycalendar(weekmask="1111100", holidays=holidays)
    start_array = np.array([d.isoformat() for d in starts], dtype="datetime64[D]")
    count_array = np.array(counts)
    scalar_starts = list(start_array)

    ours: list[pendulum.Date] = []

    def run_ours() -> None:
        ours[:] = [calendar.add_working_days(d, n) for d, n in zip(starts, counts, strict=True)]

    vectorised = []

    def run_numpy_vectorised() -> None:
        vectorised[:] = list(np.busday_offset(start_array, count_array, busdaycal=busdays))

    def run_numpy_scalar() -> None:
        for d, n in zip(scalar_starts, counts, strict=True):
            np.busday_offset(d, n, busdaycal=busdays)

    t_ours = _best(run_ours, args.repeat)
    t_vec = _best(run_numpy_vectorised, args.repeat)
    t_scalar = _best(run_numpy_scalar, args.repeat)

    if [d.isoformat() for d in ours] != [str(x) for x in vectorised]:
        sys.exit("the two answers differ")

    count = len(starts)
    print(f"ten years {PERIOD}: {count} working-day starts, n = ±{args.n}, best of {args.repeat}")
    print(f"  holidays on weekdays given to numpy: {len(holidays)}")
    print(
        f"  first calendar in the process, 12 years:  {first_seconds * 1e3:8.1f} ms (with import)"
    )
    print(f"  another fresh calendar, 12 years:         {cold_seconds * 1e3:8.1f} ms")
    rows = [
        ("WorkingCalendar.add_working_days", t_ours),
        ("numpy.busday_offset, one call per date", t_scalar),
        ("numpy.busday_offset, one vectorised call", t_vec),
    ]
    for name, seconds in rows:
        print(
            f"  {name:42} {count / seconds / 1e6:8.2f} M ops/s  {seconds / count * 1e9:8.0f} ns/op"
        )
    print(f"  ratio ours / numpy per call   (>1: ours faster): {t_scalar / t_ours:6.2f}")
    print(f"  ratio ours / numpy vectorised (>1: ours faster): {t_vec / t_ours:6.2f}")


if __name__ == "__main__":
    main()
