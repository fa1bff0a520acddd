"""Check the bound of ``rollout_starts.py`` by an integer program, apart from the planner.

Run: ``python benchmarks/rollout_starts_ip.py`` (``--start`` for another start date,
``--ends`` for the last days to try).

For each last day asked, an integer program (HiGHS) decides whether a relaxation of the move
of ``rollout_starts.py`` can end by it. The relaxation keeps, for the two scheduled modules
(the in-person workshop and the digital follow-up; the self-paced introduction takes nothing):

* the cohort split, chosen: each unit a balanced count of cohorts within the size range, so
  that the cohorts larger than a room are those of the chosen counts;
* each cohort's workshop on a working day from the start, its follow-up on a working day at
  least ``min_days_after_previous`` and at most ``max_span_days`` calendar days later;
* per day: the workshops of cohorts larger than a room within the slots of the rooms that
  take them, all workshops within the slots of all rooms;
* the facilitators' skills, and their daily and weekly caps, each session led by one who may.

It leaves out the slots within a day and the staff away at once (a relaxation: every plan
meets these conditions), so "no" for a day proves that no plan ends by it, whatever the split.
"""

from __future__ import annotations

import argparse
import sys

import attrs
import highspy
import numpy as np
import pendulum
from rollout_split import CALENDAR, PROGRAM, SLOTS
from rollout_starts import ROOMS, TEAM, UNITS

from ledarutveckling._rollout.counting import _highs
from ledarutveckling._rollout.split import balanced, counts
from ledarutveckling.scheduling import (
    Rollout,
    RolloutPlan,
    RolloutSession,
    check_rollout,
    plan_rollout,
)


def feasible(start: pendulum.Date, end: pendulum.Date) -> bool:
    """Whether the relaxation can end by *end* (an integer program)."""
    scheduled = [m for m in PROGRAM.modules if m.format.is_led]
    assert len(scheduled) == 2, "a workshop and a follow-up"
    assert scheduled[0].format.needs_room, "the workshop in a room"
    assert not scheduled[1].format.needs_room, "the follow-up in none"
    second = scheduled[1]
    gap, span = second.min_days_after_previous, PROGRAM.max_span_days
    assert span is not None
    days = []
    day = start
    while day <= end:
        if CALENDAR.is_working_day(day):
            days.append(day)
        day = day.add(days=1)
    index = {d: i for i, d in enumerate(days)}
    ns = len(SLOTS)
    caps = sorted({room.capacity for room in ROOMS})
    size = PROGRAM.cohort_size

    # Classes of cohorts: by the smallest room that takes them.
    def klass(people: int) -> int:
        return min(i for i, cap in enumerate(caps) if cap >= people)

    columns: list[tuple[str, tuple[int, ...]]] = []
    lower: list[float] = []
    upper: list[float] = []
    integer: list[int] = []

    def column(name: str, key: tuple[int, ...], high: float) -> int:
        columns.append((name, key))
        lower.append(0.0)
        upper.append(high)
        integer.append(1)
        return len(columns) - 1

    rows: list[tuple[dict[int, float], float, float]] = []
    inf = highspy.kHighsInf
    # The split: one count per unit; the cohorts of each class it gives.
    per_class: list[dict[int, float]] = [{} for _ in caps]
    for u, unit in enumerate(UNITS):
        choice: dict[int, float] = {}
        for count in counts(unit.headcount, size):
            j = column("z", (u, count), 1.0)
            choice[j] = 1.0
            for people in balanced(unit.headcount, count):
                per_class[klass(people)][j] = per_class[klass(people)].get(j, 0.0) + 1.0
        rows.append((choice, 1.0, 1.0))
    # Cohorts by class, workshop day and follow-up day.
    pairs: dict[int, list[int]] = {c: [] for c in range(len(caps))}
    workshops: dict[int, dict[int, float]] = {}
    followups: dict[int, dict[int, float]] = {}
    large_on: dict[tuple[int, int], dict[int, float]] = {}
    for c in range(len(caps)):
        for a in days:
            for b in days:
                if gap <= (b - a).days <= span:
                    j = column("x", (c, index[a], index[b]), inf)
                    pairs[c].append(j)
                    workshops.setdefault(index[a], {})[j] = 1.0
                    followups.setdefault(index[b], {})[j] = 1.0
                    for least in range(c + 1):  # in the rows of every class up to its own
                        large_on.setdefault((least, index[a]), {})[j] = 1.0
    for c in range(len(caps)):
        entries = dict.fromkeys(pairs[c], 1.0)
        for j, v in per_class[c].items():
            entries[j] = -v
        rows.append((entries, 0.0, 0.0))
    # Rooms: the workshops of cohorts of class c or larger within the rooms that take them.
    for (c, _), entries in large_on.items():
        rooms = sum(1 for room in ROOMS if room.capacity >= caps[c])
        rows.append((entries, -inf, float(rooms * ns)))
    # Facilitators: each session led by one who may; daily and weekly caps.
    week_of = [d.isocalendar()[:2] for d in days]
    for f, fac in enumerate(TEAM):
        weekly: dict[tuple[int, int], dict[int, float]] = {}
        for d in range(len(days)):
            daily: dict[int, float] = {}
            for k, module in enumerate(scheduled):
                if fac.may_lead(module.code):
                    j = column("a", (f, d, k), float(ns))
                    daily[j] = 1.0
                    weekly.setdefault(week_of[d], {})[j] = 1.0
            rows.append((daily, -inf, float(min(fac.max_sessions_per_day, ns))))
        for entries in weekly.values():
            rows.append((entries, -inf, float(fac.max_sessions_per_week)))
    led: dict[tuple[int, int], dict[int, float]] = {}
    for j, (name, key) in enumerate(columns):
        if name == "a":
            f, d, k = key
            led.setdefault((d, k), {})[j] = -1.0
    for k, sessions in enumerate((workshops, followups)):
        for d in range(len(days)):
            entries = dict(sessions.get(d, {}))
            entries.update(led.get((d, k), {}))
            rows.append((entries, 0.0, 0.0))
    return _solve(rows, lower, upper) is not None


Rows = list[tuple[dict[int, float], float, float]]


def _solve(rows: Rows, lower: list[float], upper: list[float]) -> list[float] | None:
    """Whole values of the columns within *lower*/*upper* meeting *rows*, or ``None``."""
    lp = highspy.HighsLp()
    lp.num_col_ = len(lower)
    lp.num_row_ = len(rows)
    lp.col_cost_ = np.zeros(len(lower))
    lp.col_lower_ = np.array(lower)
    lp.col_upper_ = np.array(upper)
    lp.row_lower_ = np.array([r[1] for r in rows])
    lp.row_upper_ = np.array([r[2] for r in rows])
    starts, idx, val = [0], [], []
    for entries, _, _ in rows:
        for j, v in entries.items():
            idx.append(j)
            val.append(v)
        starts.append(len(idx))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(idx, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(val)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(lower)
    h = _highs()  # silent, one thread
    h.passModel(lp)
    h.run()
    status = h.getModelStatus()
    assert status in (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kInfeasible)
    if status != highspy.HighsModelStatus.kOptimal:
        return None
    return [float(v) for v in h.getSolution().col_value]


def slot_plan(start: pendulum.Date, end: pendulum.Date, split: list[int]) -> RolloutPlan | None:
    """A plan ending by *end* with *split* cohorts per unit, from an exact model, or ``None``.

    Per slot: each cohort's workshop and follow-up (gap and span in calendar days), the
    rooms that take each cohort, each session's facilitator (skills, one session a slot,
    daily and weekly caps), each unit's staff away. ``None`` proves that no plan with this
    split ends by *end*; a plan is returned with the planner's plan's bound, for
    ``check_rollout``.
    """
    scheduled = [m for m in PROGRAM.modules if m.format.is_led]
    followup = scheduled[1]
    gap, span = followup.min_days_after_previous, PROGRAM.max_span_days
    assert span is not None
    ns = len(SLOTS)
    days = []
    day = start
    while day <= end:
        if CALENDAR.is_working_day(day):
            days.append(day)
        day = day.add(days=1)
    slots = [(d, s) for d in range(len(days)) for s in range(ns)]
    lower: list[float] = []
    upper: list[float] = []
    rows: Rows = []
    inf = highspy.kHighsInf

    def column(high: float) -> int:
        lower.append(0.0)
        upper.append(high)
        return len(lower) - 1

    # Classes of cohorts: a unit's cohorts of one size.
    classes = []
    for unit, count in zip(UNITS, split, strict=True):
        sizes = balanced(unit.headcount, count)
        for size in sorted(set(sizes), reverse=True):
            classes.append((unit, size, sizes.count(size)))
    x: dict[tuple[int, int, int], int] = {}
    held: dict[tuple[int, int], dict[int, float]] = {}  # (module, slot): its sessions
    away: dict[tuple[str, int], dict[int, float]] = {}  # (unit, slot): its people
    for c, (unit, size, count) in enumerate(classes):
        mine = {}
        for a, (da, _) in enumerate(slots):
            for b, (db, _) in enumerate(slots):
                if gap <= (days[db] - days[da]).days <= span:
                    j = x[c, a, b] = column(count)
                    mine[j] = 1.0
                    held.setdefault((0, a), {})[j] = 1.0
                    held.setdefault((1, b), {})[j] = 1.0
                    if unit.max_away is not None:
                        for t in (a, b):
                            away.setdefault((unit.name, t), {})[j] = float(size)
        rows.append((mine, float(count), float(count)))
    for (name, _), entries in away.items():
        limit = next(u.max_away for u in UNITS if u.name == name)
        assert limit is not None
        rows.append((entries, -inf, float(limit)))
    caps = sorted({room.capacity for room in ROOMS})
    for a in range(len(slots)):
        for cap in caps:  # the workshops of cohorts a room of *cap* or more takes, no smaller
            entries = {
                j: 1.0
                for (c, aa, _), j in x.items()
                if aa == a and classes[c][1] > max([0, *(k for k in caps if k < cap)])
            }
            rooms = sum(1 for room in ROOMS if room.capacity >= cap)
            if entries:
                rows.append((entries, -inf, float(rooms)))
    y: dict[tuple[int, int, int], int] = {}
    for f, fac in enumerate(TEAM):
        per_week: dict[tuple[int, int], dict[int, float]] = {}
        per_day: dict[int, dict[int, float]] = {}
        for t, (d, _) in enumerate(slots):
            here = {}
            for k, module in enumerate(scheduled):
                if fac.may_lead(module.code):
                    j = y[f, t, k] = column(1.0)
                    here[j] = 1.0
                    per_day.setdefault(d, {})[j] = 1.0
                    per_week.setdefault(days[d].isocalendar()[:2], {})[j] = 1.0
            rows.append((here, -inf, 1.0))
        for entries in per_day.values():
            rows.append((entries, -inf, float(fac.max_sessions_per_day)))
        for entries in per_week.values():
            rows.append((entries, -inf, float(fac.max_sessions_per_week)))
    for t in range(len(slots)):
        for k in range(2):
            entries = dict(held.get((k, t), {}))
            for (_, tt, kk), j in y.items():
                if tt == t and kk == k:
                    entries[j] = -1.0
            rows.append((entries, 0.0, 0.0))
    values = _solve(rows, lower, upper)
    if values is None:
        return None
    # The sessions: cohorts numbered within their units, the larger first.
    number = {unit.name: 0 for unit in UNITS}
    by_slot: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for (c, a, b), j in sorted(x.items()):
        unit, size, _ = classes[c]
        for _ in range(round(values[j])):
            number[unit.name] += 1
            by_slot.setdefault((0, a), []).append((unit.name, number[unit.name], size))
            by_slot.setdefault((1, b), []).append((unit.name, number[unit.name], size))
    sessions = []
    for (k, t), cohorts in by_slot.items():
        d, s = slots[t]
        leaders = [
            TEAM[f].name for (f, tt, kk), j in y.items() if tt == t and kk == k and values[j] > 0.5
        ]
        free = sorted(ROOMS, key=lambda room: room.capacity)
        module = scheduled[k]
        begin = pendulum.datetime(
            days[d].year,
            days[d].month,
            days[d].day,
            SLOTS[s].start.hour,
            SLOTS[s].start.minute,
            tz="Europe/Stockholm",
        )
        for unit_name, cohort, size in sorted(cohorts, key=lambda item: -item[2]):
            room = None
            if module.format.needs_room:
                chosen = next(r for r in reversed(free) if r.capacity >= size)
                free.remove(chosen)
                room = chosen.name
            sessions.append(
                RolloutSession(
                    unit=unit_name,
                    cohort=cohort,
                    size=size,
                    module=module.code,
                    start=begin,
                    end=begin + module.duration,
                    facilitators=(leaders.pop(),),
                    room=room,
                )
            )
    rollout = Rollout(
        program=PROGRAM,
        units=UNITS,
        facilitators=TEAM,
        rooms=ROOMS,
        calendar=CALENDAR,
        slots=SLOTS,
        start=start,
    )
    planned = plan_rollout(rollout)
    return attrs.evolve(planned, sessions=tuple(sorted(sessions, key=lambda s: s.start)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", default="2027-06-07", help="the first day of the move")
    parser.add_argument(
        "--ends", nargs="+", default=["2027-09-15", "2027-09-16", "2027-09-17"], help="last days"
    )
    parser.add_argument(
        "--split",
        type=int,
        nargs="+",
        default=None,
        help="cohorts per unit: instead, look for a plan with this split, slot by slot",
    )
    args = parser.parse_args(argv)
    start = pendulum.Date.fromisoformat(args.start)
    if args.split is not None:
        for text in args.ends:
            end = pendulum.Date.fromisoformat(text)
            plan = slot_plan(start, end, args.split)
            if plan is None:
                print(f"start {start}  end by {end}, split {args.split}: no plan (proven)")
                continue
            problems = check_rollout(plan)
            print(
                f"start {start}  end by {end}, split {args.split}: a plan ending "
                f"{plan.end_date}, check_rollout: {len(problems)} problems"
            )
            for problem in problems[:5]:
                print(f"  {problem}")
        return 0
    for text in args.ends:
        end = pendulum.Date.fromisoformat(text)
        answer = "a relaxed plan exists" if feasible(start, end) else "no plan (proven)"
        print(f"start {start}  end by {end}: {answer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
