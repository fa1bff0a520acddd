"""The rollout planner's lower bound against the true optimum of tiny instances.

The optimum is found by exhaustive search: every slot, facilitator and room for every session,
with every rule the planner keeps (order, gaps, span, caps, absences, rooms that take the
cohort). The bound must never be later than that optimum, and with a long break and a short
span the split at the break must prove more than the whole-program relaxation.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import combinations
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ledarutveckling._rollout import away as rollout_away
from ledarutveckling._rollout import bounds as rollout_bounds
from ledarutveckling._rollout import capacity as rollout_capacity
from ledarutveckling._rollout import counting as _rollout_lp
from ledarutveckling._rollout import instance as rollout_instance
from ledarutveckling._rollout import search as rollout_search

_BUDGET = 200_000
"""The most placements one exhaustive search tries before it gives up."""


class OverBudgetError(Exception):
    """The exhaustive search of an example ran past its budget: the example is not judged.

    The search is exponential; an unlucky draw of the (random, locally) examples could run
    for hours, so such an example is counted as a Hypothesis event instead.
    """


def optimum(inst: rollout_instance.Instance) -> int | None:
    """The earliest last day of any valid plan within the horizon, by exhaustive search."""
    for end in range(len(inst.ords)):
        if feasible(inst, end):
            return end
    return None


def feasible(inst: rollout_instance.Instance, end: int) -> bool:
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
    release = inst.releases()
    away: dict[tuple[int, int], int] = {}  # (unit, slot): people in sessions
    slot_of: dict[tuple[int, int], int] = {}
    tried = [0]

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
        tried[0] += 1
        if tried[0] > _BUDGET:
            raise OverBudgetError
        cohort, k = sessions[index]
        module = inst.modules[k]
        if k == 0:
            # Cohorts of equal size are interchangeable: start them in order.
            # (with the same earliest slots and unit).
            same = [
                c
                for c in range(cohort)
                if inst.sizes[c] == inst.sizes[cohort]
                and release[c] == release[cohort]
                and _unit(inst, c) == _unit(inst, cohort)
            ]
            low = slot_of[same[-1], 0] if same else 0
            high = last
        else:
            low = inst.release(slot_of[cohort, k - 1], module.gap)
            high = min(last, inst.span_end(slot_of[cohort, 0] // ns))
        low = max(low, release[cohort][k])
        unit = _unit(inst, cohort)
        for t in range(low, high + 1):
            if inst.away and away.get((unit, t), 0) + inst.sizes[cohort] > inst.away[unit]:
                continue
            present = [f for f in range(len(facs)) if can_lead(f, t) and facs[f].may_lead(k)]
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
                    away[unit, t] = away.get((unit, t), 0) + inst.sizes[cohort]
                    slot_of[cohort, k] = t
                    if place(index + 1):
                        return True
                    del slot_of[cohort, k]
                    away[unit, t] -= inst.sizes[cohort]
                    rooms_used.discard((room, t))
                    book(chosen, t, -1)
        return False

    return place(0)


def _unit(inst: rollout_instance.Instance, cohort: int) -> int:
    return inst.units[cohort] if inst.units else 0


@st.composite
def tiny(
    draw: st.DrawFn, with_break: bool = True, ns: int = 1, cohorts: int = 5, moves: bool = False
) -> rollout_instance.Instance:
    """A tiny instance with (or without) a long break in its calendar and a short span.

    *ns* is the number of slots a day, *cohorts* the most cohorts. With *moves*, cohorts
    belong to two units, each with earliest slots for a module (a move date), a limit on
    its staff away, and facilitators with skills.
    """
    week = (0, 1, 2, 3, 4)
    before = [o + 7 * w for w in range(draw(st.integers(1, 2))) for o in week]
    after = before[: draw(st.integers(3, len(before)))]
    shift = 7 * draw(st.integers(2, 4)) + before[-1] - before[-1] % 7
    if not with_break:
        shift = 7 + before[-1] - before[-1] % 7
    ords = (*before, *(o + shift for o in after))
    count = draw(st.integers(1, 2))
    modules = tuple(
        rollout_instance.ModSpec(
            draw(st.integers(1, 2)), draw(st.booleans()), draw(st.integers(1, 4)) if k else 0
        )
        for k in range(count)
    )
    gaps = sum(m.gap for m in modules)
    span = draw(st.integers(gaps, gaps + 3))
    sizes = tuple(sorted(draw(st.lists(st.sampled_from([10, 12]), min_size=2, max_size=cohorts))))
    facilitators = []
    for _ in range(draw(st.integers(1, 2))):
        away = draw(st.integers(0, (1 << len(ords)) - 1)) & draw(
            st.integers(0, (1 << len(ords)) - 1)
        )
        skills = None
        if moves and draw(st.booleans()):
            skills = frozenset(draw(st.sets(st.integers(0, count - 1), min_size=1)))
        facilitators.append(
            rollout_instance.FacSpec(
                draw(st.integers(1, 2)),
                draw(st.integers(2, 5)),
                tuple(not away >> d & 1 for d in range(len(ords))),
                skills,
            )
        )
    extra: dict[str, Any] = {}
    if moves:
        units = tuple(draw(st.integers(0, 1)) for _ in sizes)
        rows = []
        per_unit = [
            (draw(st.integers(0, count - 1)), draw(st.integers(0, len(ords) // 2)) * ns)
            for _ in range(2)
        ]
        for unit in units:
            k, first = per_unit[unit]
            row = [0] * count
            row[k] = first
            for j in range(k + 1, count):
                if row[j - 1] < len(ords) * ns:
                    row[j] = max(row[j], _release(ords, ns, row[j - 1], modules[j].gap))
            rows.append(tuple(row))
        extra = {
            "earliest": tuple(rows),
            "units": units,
            "away": tuple(draw(st.sampled_from([12, 22, 24, 100])) for _ in range(2)),
        }
    return rollout_instance.Instance(
        ns=ns,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=modules,
        span=span,
        sizes=sizes,
        latest=tuple((rollout_instance.NEVER,) * count for _ in sizes),
        facilitators=tuple(facilitators),
        rooms=tuple(draw(st.lists(st.sampled_from([10, 12]), min_size=1, max_size=2))),
        **extra,
    )


def _release(ords: tuple[int, ...], ns: int, t: int, gap: int) -> int:
    """Instance.release on a calendar not yet made into an instance."""
    if gap == 0:
        return t + 1
    return bisect_left(ords, ords[t // ns] + gap) * ns


def _no_plan_beats_the_bound(inst: rollout_instance.Instance) -> None:
    """The exhaustive optimum is neither before the bound nor on a day proven too early."""
    bound = rollout_search.lower_bound(inst)
    try:
        best = optimum(inst)
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    if best is None:
        return
    assert bound.day is not None
    assert bound.day <= best
    assert not _rollout_lp.no_whole_counts(inst, best)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny())
def test_no_valid_plan_ends_before_the_bound(inst: rollout_instance.Instance) -> None:
    _no_plan_beats_the_bound(inst)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(with_break=False))
def test_no_valid_plan_ends_before_the_bound_without_a_break(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_bound(inst)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(moves=True))
def test_no_valid_plan_with_move_dates_skills_and_staff_away_ends_before_the_bound(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_bound(inst)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(with_break=False, ns=2, cohorts=3, moves=True))
def test_no_valid_plan_with_move_dates_and_two_slots_a_day_ends_before_the_bound(
    inst: rollout_instance.Instance,
) -> None:
    _no_plan_beats_the_bound(inst)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny(with_break=False, ns=2, cohorts=3))
def test_no_valid_plan_with_two_slots_a_day_ends_before_the_bound(
    inst: rollout_instance.Instance,
) -> None:
    # Whole counts are proven per day here (every gap is a day or more): the day's rows
    # must hold for plans that use both of its slots.
    _no_plan_beats_the_bound(inst)


def break_instance(
    cohorts: int, facilitators: int = 1, weeks: tuple[int, ...] = (0, 1, 4, 5)
) -> rollout_instance.Instance:
    """Weekdays of *weeks*, one slot a day; M2 three days after M1, a span of three days."""
    ords = tuple(7 * w + d for w in weeks for d in range(5))
    return rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(1, True, 0), rollout_instance.ModSpec(1, True, 3)),
        span=3,
        sizes=(10,) * cohorts,
        latest=((rollout_instance.NEVER, rollout_instance.NEVER),) * cohorts,
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * len(ords)),) * facilitators,
        rooms=(12,),
    )


def test_the_split_at_a_break_proves_what_the_whole_program_cannot() -> None:
    # Two weeks, a two-week break, two weeks; one facilitator and one room. Before the
    # break only four cohorts can start and end (M1 on Monday or Tuesday, M2 on Thursday
    # or Friday): the Wednesdays there serve nobody, which the whole-program relaxation
    # does not see.
    inst = break_instance(6)
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.split, bound.resource) == (14, 10, "facilitators")
    assert bound.by_resource["rooms"] == 13
    assert (bound.modules, bound.demand) == ((0, 1), 12)
    assert optimum(inst) == 14


def test_a_split_names_the_rooms_when_the_facilitators_alone_would_fit() -> None:
    inst = break_instance(6, facilitators=2)
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.split, bound.resource) == (14, 10, "rooms")
    assert (bound.demand, bound.min_size) == (12, 10)
    assert optimum(inst) == 14


def test_a_split_can_prove_that_no_plan_ends_within_the_horizon() -> None:
    inst = break_instance(12, weeks=(0, 1, 4, 5, 8))
    bound = rollout_search.lower_bound(inst)
    assert bound.day is None
    assert optimum(inst) is None


def test_only_breaks_of_at_least_eight_calendar_days_are_split_at() -> None:
    assert rollout_bounds.break_days(break_instance(1)) == [10]
    assert rollout_bounds.break_days(break_instance(1, weeks=(0, 1, 2))) == []


def week_instance(cohorts: int = 3, weeks: tuple[int, ...] = (0, 1)) -> rollout_instance.Instance:
    """Weekdays of *weeks*, one slot a day; M2 exactly three days after M1 (span three days)."""
    inst = break_instance(cohorts, weeks=weeks)
    return replace(inst, sizes=(10,) * cohorts)


def test_a_split_at_a_week_proves_what_the_whole_program_cannot() -> None:
    # Two weeks, one facilitator leading one session a day, M2 exactly three calendar days
    # after M1: a cohort starts on a Monday, Tuesday or Friday. The six sessions would fit
    # by Tuesday of week two, but only two cohorts can start in week one and end by its
    # Monday (Mon-Thu, Tue-Fri: Friday-Monday would need a day those use), and one that
    # starts in week two cannot end before Thursday.
    inst = week_instance()
    assert rollout_capacity.window_capacity(inst, 0, 1, 6, 0)[0] == 6  # what the whole program sees
    assert not rollout_bounds.split_fits(inst, 5, 7)
    assert rollout_bounds.split_fits(inst, 5, 8)
    bound = rollout_search.lower_bound(inst)
    assert (bound.day, bound.split, bound.resource) == (8, 5, "facilitators")
    assert optimum(inst) == 8


def test_a_split_with_no_cohort_starting_before_it_proves_nothing() -> None:
    inst = week_instance()
    assert rollout_bounds.split_fits(inst, 0, 0)


def test_splits_are_at_breaks_first_then_at_the_first_day_of_each_week() -> None:
    assert rollout_bounds.split_days(break_instance(1)) == [10, 5, 15]
    assert rollout_bounds.split_days(week_instance()) == [5]


def test_the_rooms_alone_can_be_what_a_split_counts() -> None:
    inst = week_instance()
    assert not rollout_bounds.split_fits(inst, 5, 7, "rooms")
    assert not rollout_bounds.split_fits(inst, 5, 7, "facilitators")
    assert rollout_bounds.split_fits(replace(inst, rooms=(12, 12, 12)), 5, 7, "rooms")


def test_a_split_fails_when_equal_demands_of_both_groups_do_not_fit_together() -> None:
    # Two digital modules each led by two facilitators: an early cohort's M2 needs as many
    # facilitator-sessions as a late cohort's M1, so whatever the split of the cohorts,
    # those sessions together must fit where either group can hold them, and they do not.
    x, o = True, False
    two = rollout_instance.FacSpec(2, 3, (x, o, x, o, x, x, x, x, x, x, x, x, x, x, x))
    one = rollout_instance.FacSpec(1, 4, (x, x, x, x, x, o, x, x, x, x, o, o, x, o, x))
    inst = rollout_instance.Instance(
        ns=1,
        ords=tuple(7 * w + d for w in range(3) for d in range(5)),
        weeks=(0,) * 5 + (1,) * 5 + (2,) * 5,
        modules=(rollout_instance.ModSpec(2, False, 0), rollout_instance.ModSpec(2, False, 2)),
        span=4,
        sizes=(10,) * 4,
        latest=((rollout_instance.NEVER, rollout_instance.NEVER),) * 4,
        facilitators=(two, one),
        rooms=(12, 12),
    )
    assert not rollout_bounds.split_fits(inst, 5, 12)
    bound = rollout_search.lower_bound(inst)
    best = optimum(inst)
    assert bound.day is not None
    assert best is None or bound.day <= best


def test_sessions_led_in_pairs_leave_an_odd_facilitator_idle() -> None:
    # Three facilitators, one session each a day, and a digital module led by two: one
    # session a day, so four cohorts take four days, not the three that 8 of 9
    # facilitator-sessions would suggest.
    inst = rollout_instance.Instance(
        ns=1,
        ords=(0, 1, 2, 3, 4),
        weeks=(0,) * 5,
        modules=(rollout_instance.ModSpec(2, False, 0),),
        span=None,
        sizes=(10,) * 4,
        latest=((rollout_instance.NEVER,),) * 4,
        facilitators=(rollout_instance.FacSpec(1, 5, (True,) * 5),) * 3,
        rooms=(12,),
    )
    assert rollout_capacity.window_capacity(inst, 0, 0, 2, 0)[0] == 6
    assert rollout_search.lower_bound(inst).day == 3
    assert optimum(inst) == 3


@st.composite
def away_splits(draw: st.DrawFn, skilled: bool = False) -> list[rollout_instance.Instance]:
    """One unit of 40 people in 2, 3 or 4 balanced cohorts: an instance each.

    The unit has a limit on its staff away and an earliest slot for one module, and the
    bound is told every split (``away_range``). *skilled*: the facilitators may lead only
    some modules and have tight weekly caps, so that those who may lead a module, not the
    limit alone, set how many of its sessions fit.
    """
    ords = tuple(7 * w + d for w in range(2) for d in range(5))
    count = draw(st.integers(1, 2))
    modules = tuple(
        rollout_instance.ModSpec(1, draw(st.booleans()), draw(st.integers(1, 3)) if k else 0)
        for k in range(count)
    )
    skills = st.sampled_from([None, frozenset({0}), frozenset({1})]) if skilled else st.none()
    facilitators = tuple(
        rollout_instance.FacSpec(
            draw(st.integers(1, 2)),
            draw(st.integers(1, 3) if skilled else st.integers(3, 6)),
            tuple(draw(st.lists(st.booleans(), min_size=10, max_size=10))),
            draw(skills),
        )
        for _ in range(draw(st.integers(1, 3) if skilled else st.integers(1, 2)))
    )
    row = [0] * count
    row[draw(st.integers(0, count - 1))] = draw(st.integers(0, 4))
    for j in range(1, count):
        row[j] = max(row[j], _release(ords, 1, row[j - 1], modules[j].gap))
    limit = draw(st.sampled_from([20, 26, 30, 40]))
    found = []
    for cohorts in (2, 3, 4):
        base, extra = divmod(40, cohorts)
        sizes = (base + 1,) * extra + (base,) * (cohorts - extra)
        found.append(
            rollout_instance.Instance(
                ns=1,
                ords=ords,
                weeks=tuple(o // 7 for o in ords),
                modules=modules,
                span=None,
                sizes=sizes,
                latest=tuple((rollout_instance.NEVER,) * count for _ in sizes),
                facilitators=facilitators,
                rooms=(20, 20),
                earliest=tuple(tuple(row) for _ in sizes),
                units=(0,) * cohorts,
                away=(limit,),
                away_range=((40, 2, 4),),
            )
        )
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(away_splits())
def test_the_staff_away_bound_holds_for_every_split(
    splits: list[rollout_instance.Instance],
) -> None:
    try:
        best = [optimum(inst) for inst in splits]
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    for inst, own in zip(splits, best, strict=True):
        day = rollout_search.lower_bound(inst).day
        if own is not None:
            assert day is not None
            assert day <= own
        away = rollout_away._away_day(inst, 0)[0]
        assert all(away <= other for other in best if other is not None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(away_splits(skilled=True))
def test_the_staff_away_bound_with_skills_and_caps_holds_for_every_split(
    splits: list[rollout_instance.Instance],
) -> None:
    # The staff away bound counts, for each split, the facilitators who may lead the
    # unit's sessions within their caps, and keeps the earliest day over the splits.
    try:
        best = [optimum(inst) for inst in splits]
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    for inst, own in zip(splits, best, strict=True):
        away = rollout_away._away_day(inst, 0)[0]
        assert all(away <= other for other in best if other is not None)
        day = rollout_search.lower_bound(inst).day
        if own is not None:
            assert day is not None
            assert day <= own


def test_the_staff_away_bound_counts_the_facilitators_who_may_lead() -> None:
    # 40 people, at most 20 away: two cohorts of 20 or four of 10, one module, from day 0.
    # The limit alone fits them in two slots (days 0 and 1); but one facilitator may lead
    # the module, at most one session a day, so four cohorts take four days and two take
    # two: every split needs day 1 at the earliest, and two cohorts end on it.
    ords = tuple(range(5)) + tuple(range(7, 12))
    inst = rollout_instance.Instance(
        ns=2,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(1, False, 0),),
        span=None,
        sizes=(10, 10, 10, 10),
        latest=((rollout_instance.NEVER,),) * 4,
        facilitators=(
            rollout_instance.FacSpec(1, 5, (True,) * 10, frozenset({0})),
            rollout_instance.FacSpec(2, 10, (True,) * 10, frozenset({1})),
        ),
        rooms=(),
        units=(0,) * 4,
        away=(20,),
        away_range=((40, 2, 4),),
    )
    # One leader, one session a day: two cohorts take days 0 and 1, four days 0 to 3.
    assert rollout_away._away_options(inst, 0, [0, 1, 2, 3]) == [(2, 1, 40), (4, 2, 40)]
    assert rollout_away._away_day(inst, 0) == (1, 0, 1, 2)
    assert optimum(inst) == 3
    assert optimum(replace(inst, sizes=(20, 20), latest=inst.latest[:2], units=(0, 0))) == 1
    # With every facilitator allowed to lead it, the limit alone binds: two slots, day 0.
    anyone = tuple(replace(f, skills=None) for f in inst.facilitators)
    assert rollout_away._away_day(replace(inst, facilitators=anyone), 0) == (0, None, 0, 0)
    # Day 1 is the one leader's, whatever the limit: on day 0 the fewest cohorts' two
    # sessions (of the run up to the module: those who may lead one of them) need two.
    assert rollout_away.away_leaders_miss(inst, 0, 1) == rollout_away.LeadersMiss(0, 0, 2, 1)
    assert rollout_away.away_leaders_miss(inst, 0, 0) is None
    # At most 15 away: no cohort of 20 may go, so the fewest cohorts counted are three.
    fewer = replace(inst, away=(15,))
    assert rollout_away._away_options(fewer, 0, [0, 1, 2, 3]) == [(2, 0, 40), (3, 1, 40)]
    assert rollout_away._away_day(fewer, 0) == (2, 0, 1, 3)
    assert rollout_away.away_leaders_miss(fewer, 0, 2) == rollout_away.LeadersMiss(0, 0, 3, 1)
    # Where the slots within the limit are needed for the proof, the limit binds.
    assert rollout_away.away_leaders_miss(replace(inst, facilitators=anyone), 0, 1) is None


def test_the_staff_away_bound_counts_people_and_cohorts_at_once() -> None:
    # 40 people, at most 20 away: cohorts of 20 one at a time, of 10 two at a time; two
    # slots a module either way, and the second module only from day 3.
    ords = tuple(range(5)) + tuple(range(7, 12))
    inst = rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 1)),
        span=None,
        sizes=(20, 20),
        latest=((rollout_instance.NEVER,) * 2,) * 2,
        facilitators=(rollout_instance.FacSpec(2, 10, (True,) * 10),) * 2,
        rooms=(),
        earliest=((0, 3),) * 2,
        units=(0, 0),
        away=(20,),
    )
    assert rollout_away._away_day(inst, 0) == (4, 0, 1, 4)
    everything = replace(inst, away_range=((40, 2, 4),))
    assert rollout_away._away_options(everything, 0, [0, 1]) == [(2, 1, 40), (4, 2, 40)]
    bound = rollout_search.lower_bound(everything)
    assert (bound.day, bound.resource, bound.unit, bound.at_once) == (4, "away", 0, 1)
    assert optimum(inst) == 4
    # Cohorts with different earliest slots are not counted against another split.
    apart = replace(everything, earliest=((0, 3), (0, 4)))
    assert rollout_away._away_options(apart, 0, [0, 1]) is None
    assert rollout_away.away_leaders_miss(apart, 0, 4) is None
    assert rollout_away._away_day(replace(inst, away=(100,)), 0) == (0, None, 0, 0)
    assert rollout_away._away_day(replace(inst, away=(), units=()), 3) == (3, None, 0, 0)
    assert rollout_away._away_day(apart, 2) == (2, None, 0, 0)
    # A limit below every cohort: no plan at all.
    assert rollout_away._away_day(replace(inst, away=(10,)), 0) == (10, 0, 0, 4)


def test_a_units_deadlines_must_fit_its_staff_away() -> None:
    # Two cohorts of 20, at most 20 away: the first module of both by day 1 fits (one a
    # day), by day 0 it does not; from day 3 on, the second module of both by day 4 fits.
    ords = tuple(range(5)) + tuple(range(7, 12))
    inst = rollout_instance.Instance(
        ns=1,
        ords=ords,
        weeks=tuple(o // 7 for o in ords),
        modules=(rollout_instance.ModSpec(1, False, 0), rollout_instance.ModSpec(1, False, 1)),
        span=None,
        sizes=(20, 20),
        latest=((1, rollout_instance.NEVER),) * 2,
        facilitators=(rollout_instance.FacSpec(2, 10, (True,) * 10),) * 2,
        rooms=(),
        earliest=((0, 3),) * 2,
        units=(0, 0),
        away=(20,),
    )
    assert rollout_away.away_deadlines_fit(inst)
    assert not rollout_away.away_deadlines_fit(replace(inst, latest=((0, 9),) * 2))
    assert rollout_away.away_deadlines_fit(replace(inst, latest=((1, 4),) * 2))
    assert not rollout_away.away_deadlines_fit(replace(inst, latest=((1, 3),) * 2))
    # A deadline before the earliest slot: no plan (three cohorts, two at once).
    three = replace(
        inst,
        sizes=(20,) * 3,
        units=(0,) * 3,
        away=(40,),
        latest=((1, 2),) * 3,
        earliest=((0, 8),) * 3,
    )
    assert not rollout_away.away_deadlines_fit(three)
    assert rollout_away.away_deadlines_fit(replace(three, latest=((1, 9),) * 3))
    # Both at once, or no limit: nothing to prove.
    assert rollout_away.away_deadlines_fit(replace(inst, away=(40,), latest=((0, 3),) * 2))
    assert rollout_away.away_deadlines_fit(replace(inst, away=(), units=()))


def _valid(inst: rollout_instance.Instance, placements: list[rollout_instance.Placement]) -> bool:
    """Whether *placements* keep every rule of *inst* (deadlines aside): a checker of its own."""
    ns = inst.ns
    n = len(inst.modules)
    at: dict[tuple[int, int], rollout_instance.Placement] = {}
    for p in placements:
        if (p.cohort, p.module) in at:
            return False
        at[p.cohort, p.module] = p
    if len(at) != len(inst.sizes) * n:
        return False
    release = inst.releases()
    leading: dict[tuple[int, int], int] = {}
    per_day: dict[tuple[int, int], int] = {}
    per_week: dict[tuple[int, int], int] = {}
    rooms: set[tuple[int, int]] = set()
    away: dict[tuple[int, int], int] = {}
    for cohort in range(len(inst.sizes)):
        first = at[cohort, 0].slot
        for k in range(n):
            p = at[cohort, k]
            if p.slot < release[cohort][k] or p.slot >= inst.slots:
                return False
            if k and p.slot < inst.release(at[cohort, k - 1].slot, inst.modules[k].gap):
                return False
            if p.slot > inst.span_end(first // ns):
                return False
    for p in placements:
        module, day = inst.modules[p.module], p.slot // ns
        if len(set(p.facilitators)) != module.facilitators:
            return False
        for f in p.facilitators:
            fac = inst.facilitators[f]
            leading[f, p.slot] = leading.get((f, p.slot), 0) + 1
            per_day[f, day] = per_day.get((f, day), 0) + 1
            per_week[f, inst.weeks[day]] = per_week.get((f, inst.weeks[day]), 0) + 1
            if not (fac.available[day] and fac.may_lead(p.module)):
                return False
            if leading[f, p.slot] > 1 or per_day[f, day] > fac.day_cap:
                return False
            if per_week[f, inst.weeks[day]] > fac.week_cap:
                return False
        if module.in_person:
            if p.room < 0 or (p.room, p.slot) in rooms:
                return False
            if inst.rooms[p.room] < inst.sizes[p.cohort]:
                return False
            rooms.add((p.room, p.slot))
        if inst.away:
            unit = _unit(inst, p.cohort)
            away[unit, p.slot] = away.get((unit, p.slot), 0) + inst.sizes[p.cohort]
            if away[unit, p.slot] > inst.away[unit]:
                return False
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tiny(with_break=False, ns=2, cohorts=4, moves=True),
    st.sampled_from([0.5, 0.7, 0.8, 1.0]),
    st.booleans(),
)
def test_plans_that_pace_each_units_starts_are_valid_and_never_beat_the_optimum(
    inst: rollout_instance.Instance, share: float, critical: bool
) -> None:
    # The pacing of unit_start_limits only holds first modules back, and putting the units
    # with least slack first only reorders: every plan they make keeps every rule, never
    # ends before the exhaustive optimum, and starts no more of a unit's cohorts by a day
    # than the limit allows.
    from ledarutveckling._rollout import heuristic as rollout_heuristic
    from ledarutveckling._rollout import list_schedule as rollout_list

    last = len(inst.ords) - 1
    placed = rollout_heuristic.schedule_forwards(inst, last, 0, share=share, critical=critical)
    if placed is None:
        event("no plan")
        return
    assert _valid(inst, placed)
    limits = rollout_list.unit_start_limits(inst, share)
    for unit, row in limits.items():
        starts = sorted(
            p.slot // inst.ns for p in placed if p.module == 0 and _unit(inst, p.cohort) == unit
        )
        assert all(position < row[day] for position, day in enumerate(starts))
    try:
        best = optimum(inst)
    except OverBudgetError:  # pragma: no cover - depends on the examples drawn
        event("exhaustive search over budget")
        return
    assert best is not None
    assert best <= max(p.slot for p in placed) // inst.ns
