"""The rollout planner's lower bound against the true optimum of tiny instances.

The optimum is found by exhaustive search: every slot, facilitator and room for every session,
with every rule the planner keeps (order, gaps, span, caps, absences, rooms that take the
cohort). The bound must never be later than that optimum, and with a long break and a short
span the split at the break must prove more than the whole-program relaxation.
"""

from __future__ import annotations

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledarutveckling import _rollout_solver as solver


def optimum(inst: solver.Instance) -> int | None:
    """The earliest last day of any valid plan within the horizon, by exhaustive search."""
    for end in range(len(inst.ords)):
        if feasible(inst, end):
            return end
    return None


def feasible(inst: solver.Instance, end: int) -> bool:
    """Whether every cohort can hold every module by the end of day *end*."""
    ns = inst.ns
    n = len(inst.modules)
    last = end * ns + ns - 1
    facs = inst.facilitators
    busy: set[tuple[int, int]] = set()  # (facilitator, slot)
    rooms_used: set[tuple[int, int]] = set()  # (room, slot)
    per_day: dict[tuple[int, int], int] = {}
    per_week: dict[tuple[int, int], int] = {}
    sessions = [(c, k) for c in range(len(inst.sizes)) for k in range(n)]
    slot_of: dict[tuple[int, int], int] = {}

    def can_lead(f: int, t: int) -> bool:
        day = t // ns
        week = inst.weeks[day]
        return (
            facs[f].available[day]
            and (f, t) not in busy
            and per_day.get((f, day), 0) < facs[f].day_cap
            and per_week.get((f, week), 0) < facs[f].week_cap
        )

    def book(chosen: tuple[int, ...], t: int, step: int) -> None:
        day = t // ns
        for f in chosen:
            busy.symmetric_difference_update({(f, t)})
            per_day[f, day] = per_day.get((f, day), 0) + step
            per_week[f, inst.weeks[day]] = per_week.get((f, inst.weeks[day]), 0) + step

    def place(index: int) -> bool:
        if index == len(sessions):
            return True
        cohort, k = sessions[index]
        module = inst.modules[k]
        if k == 0:
            # Cohorts of equal size are interchangeable: start them in order.
            same = [c for c in range(cohort) if inst.sizes[c] == inst.sizes[cohort]]
            low = slot_of[same[-1], 0] if same else 0
            high = last
        else:
            low = inst.release(slot_of[cohort, k - 1], module.gap)
            high = min(last, inst.span_end(slot_of[cohort, 0] // ns))
        for t in range(low, high + 1):
            present = [f for f in range(len(facs)) if can_lead(f, t)]
            room_choices: list[int] = [-1]
            if module.in_person:
                room_choices = [
                    r
                    for r, capacity in enumerate(inst.rooms)
                    if capacity >= inst.sizes[cohort] and (r, t) not in rooms_used
                ]
            for chosen in combinations(present, module.facilitators):
                for room in room_choices:
                    book(chosen, t, 1)
                    rooms_used.add((room, t))
                    slot_of[cohort, k] = t
                    if place(index + 1):
                        return True
                    del slot_of[cohort, k]
                    rooms_used.discard((room, t))
                    book(chosen, t, -1)
        return False

    return place(0)


@st.composite
def tiny(draw: st.DrawFn) -> solver.Instance:
    """A tiny instance with a long break in its calendar and, mostly, a short span."""
    week = (0, 1, 2, 3, 4)
    before = [o + 7 * w for w in range(draw(st.integers(1, 2))) for o in week]
    after = before[: draw(st.integers(3, len(before)))]
    shift = 7 * draw(st.integers(2, 4)) + before[-1] - before[-1] % 7
    ords = (*before, *(o + shift for o in after))
    count = draw(st.integers(1, 2))
    modules = tuple(
        solver.ModSpec(
            draw(st.integers(1, 2)), draw(st.booleans()), draw(st.integers(1, 4)) if k else 0
        )
        for k in range(count)
    )
    gaps = sum(m.gap for m in modules)
    span = draw(st.integers(gaps, gaps + 3))
    sizes = tuple(sorted(draw(st.lists(st.sampled_from([10, 12]), min_size=2, max_size=5))))
    facilitators = []
    for _ in range(draw(st.integers(1, 2))):
        away = draw(st.integers(0, (1 << len(ords)) - 1)) & draw(
            st.integers(0, (1 << len(ords)) - 1)
        )
        facilitators.append(
            solver.FacSpec(
                draw(st.integers(1, 2)),
                draw(st.integers(2, 5)),
                tuple(not away >> d & 1 for d in range(len(ords))),
            )
        )
    return solver.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=modules,
        span=span,
        sizes=sizes,
        latest=tuple((solver.NEVER,) * count for _ in sizes),
        facilitators=tuple(facilitators),
        rooms=tuple(draw(st.lists(st.sampled_from([10, 12]), min_size=1, max_size=2))),
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny())
def test_no_valid_plan_ends_before_the_bound(inst: solver.Instance) -> None:
    bound = solver.lower_bound(inst)
    best = optimum(inst)
    if best is None:
        return
    assert bound.day is not None
    assert bound.day <= best


def break_instance(
    cohorts: int, facilitators: int = 1, weeks: tuple[int, ...] = (0, 1, 4, 5)
) -> solver.Instance:
    """Weekdays of *weeks*, one slot a day; M2 three days after M1, a span of three days."""
    ords = tuple(7 * w + d for w in weeks for d in range(5))
    return solver.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(solver.ModSpec(1, True, 0), solver.ModSpec(1, True, 3)),
        span=3,
        sizes=(10,) * cohorts,
        latest=((solver.NEVER, solver.NEVER),) * cohorts,
        facilitators=(solver.FacSpec(1, 5, (True,) * len(ords)),) * facilitators,
        rooms=(12,),
    )


def test_the_split_at_a_break_proves_what_the_whole_program_cannot() -> None:
    # Two weeks, a two-week break, two weeks; one facilitator and one room. Before the
    # break only four cohorts can start and end (M1 on Monday or Tuesday, M2 on Thursday
    # or Friday): the Wednesdays there serve nobody, which the whole-program relaxation
    # does not see.
    inst = break_instance(6)
    bound = solver.lower_bound(inst)
    assert (bound.day, bound.split, bound.resource) == (14, 10, "facilitators")
    assert bound.by_resource["rooms"] == 13
    assert (bound.modules, bound.demand) == ((0, 1), 12)
    assert optimum(inst) == 14


def test_a_split_names_the_rooms_when_the_facilitators_alone_would_fit() -> None:
    inst = break_instance(6, facilitators=2)
    bound = solver.lower_bound(inst)
    assert (bound.day, bound.split, bound.resource) == (14, 10, "rooms")
    assert (bound.demand, bound.min_size) == (12, 10)
    assert optimum(inst) == 14


def test_a_split_can_prove_that_no_plan_ends_within_the_horizon() -> None:
    inst = break_instance(12, weeks=(0, 1, 4, 5, 8))
    bound = solver.lower_bound(inst)
    assert bound.day is None
    assert optimum(inst) is None


def test_only_breaks_of_at_least_eight_calendar_days_are_split_at() -> None:
    assert solver.break_days(break_instance(1)) == [10]
    assert solver.break_days(break_instance(1, weeks=(0, 1, 2))) == []
