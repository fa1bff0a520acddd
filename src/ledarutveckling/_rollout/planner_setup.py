"""The planner's problem set up for the engine, and why a rollout cannot be planned (private).

:class:`_Setup` turns a :class:`~ledarutveckling.scheduling.Rollout` into the engine's
instance (slots, windows, the units' deadlines and earliest days, the staff away), proves the
refusals that need no search (a deadline out of reach, a unit that cannot send a cohort), runs
the engine's passes with and without the deadlines given up, and writes the lower bound's
explanation and the plan's sessions. :func:`~ledarutveckling._rollout.planner.plan_rollout`
drives it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import pendulum

from ledarutveckling._base.messages import Counted, Explanation, ProblemCode
from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.plan import DeadlinesGivenUp, RolloutPlan, RolloutSession
from ledarutveckling._rollout.problem import (
    Rollout,
    RolloutUnit,
    _sizes,
    held_sizes,
)
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.formatting import STOCKHOLM

if TYPE_CHECKING:  # the engine is imported by the functions that run it, on the first plan
    from ledarutveckling._rollout import bounds as rollout_bounds
    from ledarutveckling._rollout import deadline_capacity
    from ledarutveckling._rollout import instance as rollout_instance
    from ledarutveckling._rollout import split as rollout_split


def _infeasible(
    path: str,
    value: object,
    message: str,
    code: ProblemCode = ProblemCode.ROLLOUT_INFEASIBLE,
    /,
    **params: object,
) -> ValidationError:
    """A rollout that cannot be planned: *message* in English, *code* and *params* for readers.

    *message* is the developer's (``str(error)``); a reader's text is written from *code* and
    *params* in their language. Without a code of its own the problem is
    ``rollout-infeasible``, whose text is *message*.
    """
    if code is ProblemCode.ROLLOUT_INFEASIBLE:
        params = {"text": message}
    problem = Problem(path=path, value=value, message=message, code=code, params=params)
    return ValidationError([problem])


class _Setup:
    """The bridge between the public objects and the integer solver."""

    def __init__(
        self, rollout: Rollout, years: int = 1, split: rollout_split.Split | None = None
    ) -> None:
        from ledarutveckling._rollout import instance as rollout_instance
        from ledarutveckling._rollout import split as rollout_split

        program = self.program = rollout.program
        units = self.units = rollout.units
        facilitators = self.facilitators = rollout.facilitators
        rooms = self.rooms = rollout.rooms
        slots = self.slots = rollout.slots
        start = self.start = rollout.start
        calendar = rollout.calendar
        cohort_size = held_sizes(rollout)
        days: list[pendulum.Date] = []
        horizon = start.add(years=years)
        for ordinal in range(start.toordinal(), horizon.toordinal()):
            day = pendulum.Date.fromordinal(ordinal)  # day.add(days=1), without its arithmetic
            if calendar.is_working_day(day):
                days.append(day)
        if not days:
            raise _infeasible(
                "calendar",
                calendar,
                f"has no working day within a year of {start.isoformat()}",
                ProblemCode.ROLLOUT_NO_WORKING_DAY,
                start=start,
            )
        self.days = days
        self.cohorts: list[tuple[int, int, int]] = []  # unit index, number, size
        for index, unit in enumerate(units):
            sizes = list(split[index]) if split is not None else _sizes(unit.headcount, cohort_size)
            assert sizes is not None
            for number, people in enumerate(sizes, start=1):
                self.cohorts.append((index, number, people))
        ns = len(slots)
        self.led = rollout_windows.scheduled(program.modules)
        self.paced_days = rollout.self_paced_days
        modules = tuple(
            rollout_instance.ModSpec(
                program.modules[i].facilitators, program.modules[i].format.needs_room, gap
            )
            for i, gap in zip(self.led, rollout_windows.gaps(program.modules), strict=True)
        )
        blank = rollout_instance.Instance(
            ns=ns,
            ords=tuple(d.toordinal() for d in days),
            weeks=tuple(d.isocalendar()[0] * 100 + d.isocalendar()[1] for d in days),
            modules=modules,
            span=program.max_span_days,
            sizes=tuple(c[2] for c in self.cohorts),
            latest=(),
            facilitators=tuple(
                rollout_instance.FacSpec(
                    f.max_sessions_per_day,
                    f.max_sessions_per_week,
                    tuple(not f.is_absent(d) for d in days),
                    None
                    if f.modules is None
                    else frozenset(
                        k for k, i in enumerate(self.led) if program.modules[i].code in f.modules
                    ),
                )
                for f in facilitators
            ),
            rooms=tuple(r.capacity for r in rooms),
        )
        codes = self.codes = [program.modules[i].code for i in self.led]
        self.unit_latest: list[list[int]] = []
        for unit in units:
            row = [rollout_instance.NEVER] * len(codes)
            for code, deadline in unit.deadlines.items():
                k, shift = self._engine(code)
                row[k] = min(row[k], blank.before_ordinal(deadline.toordinal() + shift))
            for k in range(len(codes) - 2, -1, -1):
                row[k] = min(row[k], blank.back(row[k + 1], modules[k + 1].gap))
            self.unit_latest.append(row)
        self.unit_earliest: list[list[int]] = []
        for unit in units:
            row = [0] * len(codes)
            for code, earliest in unit.not_before.items():
                held_back = self._from(code)
                if held_back is None:  # a last self-paced module's window: no session
                    continue
                k, shift = held_back
                first = bisect_left(blank.ords, earliest.toordinal() + shift) * ns
                row[k] = max(row[k], first)
            self._forwards(blank, row)
            if blank.span is not None and row[-1] < blank.slots:
                # The first module within the span before the last one's earliest day.
                opening = blank.ords[row[-1] // ns] - blank.span
                row[0] = max(row[0], bisect_left(blank.ords, opening) * ns)
                self._forwards(blank, row)
            self.unit_earliest.append(row)
        moving = any(unit.not_before for unit in units)
        limited = [unit.max_away for unit in units]
        self.instance = rollout_instance.Instance(
            ns=blank.ns,
            ords=blank.ords,
            weeks=blank.weeks,
            modules=blank.modules,
            span=blank.span,
            sizes=blank.sizes,
            latest=tuple(tuple(self.unit_latest[c[0]]) for c in self.cohorts),
            facilitators=blank.facilitators,
            rooms=blank.rooms,
            earliest=(
                tuple(tuple(self.unit_earliest[c[0]]) for c in self.cohorts) if moving else ()
            ),
            units=tuple(c[0] for c in self.cohorts) if any(limited) else (),
            away=tuple(rollout_instance.NEVER if a is None else a for a in limited)
            if any(limited)
            else (),
            away_range=tuple(
                (unit.headcount, allowed.start, allowed.stop - 1)
                for unit in units
                for allowed in (rollout_split.counts(unit.headcount, cohort_size),)
            )
            if any(limited)
            else (),
        )

    @staticmethod
    def _forwards(blank: rollout_instance.Instance, row: list[int]) -> None:
        """Carry a row of earliest slots forwards through the modules' gaps, in place."""
        for k in range(1, len(row)):
            before = min(row[k - 1], blank.slots - 1)  # past the horizon stays past it
            row[k] = max(row[k], blank.release(before, blank.modules[k].gap))

    def _engine(self, code: str) -> tuple[int, int]:
        """The planned module a deadline on *code* falls on, and the days it moves by.

        A self-paced module's due day follows the scheduled modules around it (see
        :func:`ledarutveckling._rollout.windows.deadline_rule`): its deadline holds back the
        session before or after it by the days between them.
        """
        index, shift = rollout_windows.deadline_rule(self.program.modules, self.paced_days, code)
        return self.led.index(index), shift

    def _from(self, code: str) -> tuple[int, int] | None:
        """The planned module an earliest date on *code* holds back, and the days it moves by.

        ``None`` for a self-paced module after the last session: its date moves only its
        window (:func:`ledarutveckling._rollout.windows.earliest_rule`).
        """
        found = rollout_windows.earliest_rule(self.program.modules, self.paced_days, code)
        return None if found is None else (self.led.index(found[0]), found[1])

    def searched(
        self, missed: Mapping[int, deadline_capacity.Miss]
    ) -> list[rollout_instance.Instance]:
        """The instances to search in turn until one gives a plan: the last has no deadlines.

        With no unit in *missed*, every deadline, then none (a plan that misses deadlines
        no rule proves out of reach, when the search finds none that keeps them). When
        some units' limits on staff away prove their deadlines out of reach, none at once
        (one search, as fast as it was); :meth:`keeping` then keeps the other units'.
        """
        none = self.without_deadlines()
        return [none] if missed else [self.instance, none]

    def keeping(
        self,
        missed: Mapping[int, deadline_capacity.Miss],
        placements: list[rollout_instance.Placement],
        day: int = 0,
        pinned_first: bool = False,
    ) -> list[rollout_instance.Placement]:
        """*placements*, or a plan ending no later that keeps more units' deadlines.

        A plan found without deadlines (:meth:`searched`) need not miss every unit's: the
        list schedulers are run once more for its last day with every deadline but those of
        *missed* (proven out of reach), and, when they find no plan, once more without the
        deadlines of every unit that limits its staff away either (those are the ones the
        list schedulers find hardest to keep); the first plan found (compacted) is kept, or
        the plan the same step finds with the deadlines it leaves out kept as order, when it
        misses fewer units' deadlines not proven out of reach, or as many and fewer
        sessions' (:meth:`_lateness`). As order, a session is taken as due by the earlier of
        its due slot and its dropped deadline
        (:attr:`ledarutveckling._rollout.instance.Instance.soft`), those proven out of reach
        moved just within reach
        (:func:`ledarutveckling._rollout.deadline_capacity.deadlines_moved`), so that those
        units' sessions come as close to them as the rules allow, not in the order of their
        cohorts. A pass, not a search: a plan on the same
        day is what is asked of it. *day* is the first day of the instance the placements
        are for (see :func:`_wait`). A step is skipped when the plan already keeps every
        deadline it would keep, or when it keeps only what was searched already. With
        *pinned_first*, the list schedulers try the units with least slack placed first
        before the others (the search found only that pass to place the plan, see
        :func:`ledarutveckling._rollout.heuristic.only_pinned`).
        """
        from ledarutveckling._rollout import deadline_capacity, heuristic
        from ledarutveckling._rollout import instance as rollout_instance

        ns = self.instance.ns
        last = heuristic._end(placements) // ns
        latest = self.instance.latest
        late = {
            self.cohorts[p.cohort][0]
            for p in placements
            if p.slot + day * ns > latest[p.cohort][p.module]
        }
        limited = {index for index, unit in enumerate(self.units) if unit.max_away is not None}
        tried = [self.without_deadlines().latest]
        if not missed:
            tried.append(latest)  # searched with every deadline
        for dropped in (set(missed), set(missed) | limited):
            if not late - dropped:
                continue  # the plan already keeps every deadline the step would keep
            kept = self.without_deadlines(dropped)
            if kept.latest in tried:
                continue
            tried.append(kept.latest)
            kept = rollout_instance.from_day(kept, day)
            failed: dict[int, int] = {}  # the passes that place nothing with these deadlines
            placed = self._either(kept, last, pinned_first, failed)
            if placed is not None:
                best = heuristic.compact(kept, placed)
                # The same step with the deadlines it leaves out as order, those proven out
                # of reach moved just within reach. Its rules are the step's, only the order
                # of the sessions differs, so the passes that placed nothing for the step are
                # not run again (a tenth of a second each on 30,000 staff, eleven of them
                # where only the pinned pass places the step's plan).
                moved = deadline_capacity.deadlines_moved(self, missed)
                ranked = rollout_instance.from_day(self.without_deadlines(dropped, moved), day)
                found = self._either(ranked, last, pinned_first, failed)
                if found is not None:
                    found = heuristic.compact(ranked, found)
                    if self._lateness(missed, found, day) < self._lateness(missed, best, day):
                        best = found
                return best
        return placements

    @staticmethod
    def _either(
        inst: rollout_instance.Instance, last: int, pinned_first: bool, failed: dict[int, int]
    ) -> list[rollout_instance.Placement] | None:
        """The list schedulers' first plan by *last*, the pinned pass first or last.

        *failed* is the record of the passes that placed nothing, skipped and filled in
        (see :func:`ledarutveckling._rollout.heuristic.schedule_each`).
        """
        from ledarutveckling._rollout import heuristic

        return heuristic.schedule_either(inst, last, failed, pinned_first)

    def _lateness(
        self,
        missed: Mapping[int, deadline_capacity.Miss],
        placements: list[rollout_instance.Placement],
        day: int,
    ) -> tuple[int, int]:
        """How far *placements* miss the deadlines: units not in *missed*, then sessions."""
        shift = day * self.instance.ns
        latest = self.instance.latest
        late = [p for p in placements if p.slot + shift > latest[p.cohort][p.module]]
        return len({self.cohorts[p.cohort][0] for p in late} - set(missed)), len(late)

    def given_up(
        self, plan: RolloutPlan, missed: Mapping[int, deadline_capacity.Miss]
    ) -> RolloutPlan:
        """*plan* naming the units whose deadlines it does not keep, and why.

        Each unit of *missed* with the window its limit on staff away, or the facilitators
        or rooms, cannot fit, dated; then each other unit whose deadlines the plan misses,
        as not found (no rule proves them out of reach; the planner found no plan that
        keeps them).
        """
        from ledarutveckling._rollout import deadline_capacity

        ns = self.instance.ns
        result = []
        met = plan.deadlines_met
        for index, unit in enumerate(self.units):
            miss = missed.get(index)
            if miss is None:
                if not met[unit.name]:
                    result.append(DeadlinesGivenUp(unit=unit.name, proven=False))
                continue
            code, deadline = self._closing(index, miss.last)
            if isinstance(miss, deadline_capacity.CapacityMiss):
                result.append(deadline_capacity.given_up(self, miss, code, deadline))
                continue
            result.append(
                DeadlinesGivenUp(
                    unit=unit.name,
                    proven=True,
                    module=code,
                    deadline=deadline,
                    first=self.days[min(miss.first // ns, len(self.days) - 1)],
                    sessions=miss.sessions,
                    slots=miss.slots,
                    cohorts=miss.at_once,
                    max_away=unit.max_away,
                )
            )
        return attrs.evolve(plan, given_up=result) if result else plan

    def _closing(self, index: int, last: int) -> tuple[str, pendulum.Date]:
        """The module and deadline of unit *index* that closes a window at slot *last*.

        The deadline whose latest slot, or the slot it is carried back to through the gaps,
        is *last* (a latest slot of the unit's); of two, the later module's (the last whose
        sessions the window holds).
        """
        inst = self.instance
        deadlines = self.units[index].deadlines.items()
        for code, deadline in sorted(deadlines, key=lambda rule: -self._engine(rule[0])[0]):
            k, shift = self._engine(code)
            slot = inst.before_ordinal(deadline.toordinal() + shift)
            while slot != last and k > 0:
                slot = inst.back(slot, inst.modules[k].gap)
                k -= 1
            if slot == last:
                return code, deadline
        raise AssertionError("no deadline gives this slot")  # pragma: no cover

    def without_deadlines(
        self,
        units: Collection[int] | None = None,
        soft: Sequence[Sequence[int]] | None = None,
    ) -> rollout_instance.Instance:
        """The same instance without the deadlines of *units* (``None``: of every unit).

        With *soft* (latest slots for each cohort and module, such as
        :attr:`ledarutveckling._rollout.instance.Instance.latest`), those of the cohorts
        whose deadlines are dropped still order the sessions
        (:attr:`ledarutveckling._rollout.instance.Instance.soft`).
        """
        from ledarutveckling._rollout import instance as rollout_instance

        inst = self.instance
        if units is not None and not units:
            return inst
        n = len(inst.modules)
        never = (rollout_instance.NEVER,) * n
        dropped = [units is None or self.cohorts[c][0] in units for c in range(len(inst.sizes))]
        return rollout_instance.Instance(
            ns=inst.ns,
            ords=inst.ords,
            weeks=inst.weeks,
            modules=inst.modules,
            span=inst.span,
            sizes=inst.sizes,
            latest=tuple(
                never if drop else row for drop, row in zip(dropped, inst.latest, strict=True)
            ),
            facilitators=inst.facilitators,
            rooms=inst.rooms,
            earliest=inst.earliest,
            units=inst.units,
            away=inst.away,
            away_range=inst.away_range,
            soft=()
            if soft is None
            else tuple(
                tuple(row) if drop else never for drop, row in zip(dropped, soft, strict=True)
            ),
        )

    def _day(self, slot: int) -> pendulum.Date:
        return self.days[slot // self.instance.ns]

    def _deadline_of(self, index: int, k: int) -> tuple[str, pendulum.Date]:
        """The module and deadline that limit module *k* of unit *index* (it or a later one).

        The deadline whose latest slot, carried back through the gaps to *k*, is the unit's
        latest slot for *k* (the binding one: that slot is the least of those, and carrying
        back keeps the order).
        """
        unit = self.units[index]
        inst = self.instance
        for module in self.program.modules:
            code = module.code
            if code not in unit.deadlines or self._engine(code)[0] < k:
                continue
            j, shift = self._engine(code)
            slot = inst.before_ordinal(unit.deadlines[code].toordinal() + shift)
            while j > k:
                slot = inst.back(slot, inst.modules[j].gap)
                j -= 1
            if slot == self.unit_latest[index][k]:
                return code, unit.deadlines[code]
        raise AssertionError("no deadline limits this module")  # pragma: no cover

    def _not_before_of(self, unit: RolloutUnit, k: int) -> tuple[str, pendulum.Date] | None:
        """The module and earliest date that hold module *k* of *unit* back (it or earlier).

        ``None`` when no module up to *k* has an earliest date that holds a session back
        (a last self-paced module's only moves its window): then a later module's, or the
        span and a blackout, hold it back (the chain of its last module, moved back by the
        span).
        """
        found = [
            (code, day)
            for code, day in unit.not_before.items()
            if (rule := self._from(code)) is not None and rule[0] <= k
        ]
        return max(found, key=lambda pair: pair[1]) if found else None

    def moved_past(self, wide: int) -> tuple[int, str, pendulum.Date] | None:
        """A unit whose ``not_before`` dates alone push its last module past *wide* slots."""
        plain = self.instance.earliest_chain()[-1]
        for index, unit in enumerate(self.units):
            if unit.not_before and self.unit_earliest[index][-1] >= max(wide, plain + 1):
                held_back = self._not_before_of(unit, len(self.codes) - 1)
                assert held_back is not None  # every earliest date is on a module up to the last
                return index, *held_back
        return None

    def prove_deadlines(self) -> None:
        """Raise when the chain or the capacity before some deadline proves it cannot be met."""
        from ledarutveckling._rollout import instance as rollout_instance

        inst = self.instance
        earliest = inst.earliest_chain()
        n = len(inst.modules)
        per_unit: dict[int, int] = defaultdict(int)
        for unit_index, _, _ in self.cohorts:
            per_unit[unit_index] += 1
        for index, unit in enumerate(self.units):
            row = self.unit_latest[index]
            for k in range(n):
                held_back = self._not_before_of(unit, k)
                if row[k] < self.unit_earliest[index][k] and held_back and row[k] >= earliest[k]:
                    code, deadline = self._deadline_of(index, k)
                    first, day = held_back
                    raise _infeasible(
                        f"units[{index}]",
                        unit.name,
                        f"{unit.name}: {code} cannot be held before {deadline.isoformat()}, "
                        f"as {first} may not be held before {day.isoformat()}",
                        ProblemCode.ROLLOUT_NOT_BEFORE_BLOCKS,
                        unit=unit.name,
                        module=code,
                        deadline=deadline,
                        first=first,
                        day=day,
                    )
                if row[k] < max(earliest[k], self.unit_earliest[index][k]):
                    code, deadline = self._deadline_of(index, k)
                    j = self._engine(code)[0]
                    first_slot = max(earliest[j], self.unit_earliest[index][j])
                    possible = self._day(first_slot) if first_slot < inst.slots else None
                    when = possible.isoformat() if possible else "no day within a year"
                    raise _infeasible(
                        f"units[{index}]",
                        unit.name,
                        f"{unit.name}: {code} cannot be held before {deadline.isoformat()}; "
                        f"the modules' gaps and the calendar give {when} at the earliest",
                        ProblemCode.ROLLOUT_MODULE_TOO_LATE
                        if possible
                        else ProblemCode.ROLLOUT_MODULE_NOT_WITHIN_YEAR,
                        unit=unit.name,
                        module=code,
                        deadline=deadline,
                        earliest=possible,
                    )
        # Everything due by slot L must fit the capacity of slots 0..L.
        items = []
        for index, row in enumerate(self.unit_latest):
            for k in range(n):
                if row[k] < rollout_instance.NEVER:
                    items.append((row[k], index, k))
        items.sort()
        fac_demand = room_demand = 0
        counted: dict[int, int] = defaultdict(int)
        for position, (latest, index, k) in enumerate(items):
            module = inst.modules[k]
            cohorts = per_unit[index]
            fac_demand += cohorts * module.facilitators
            room_demand += cohorts * module.in_person
            counted[index] = max(counted[index], cohorts)
            if position + 1 < len(items) and items[position + 1][0] == latest:
                continue
            capacity = sum(inst.facilitator_capacity(f, 0, latest) for f in inst.facilitators)
            rooms = len(inst.rooms) * (latest + 1)
            if fac_demand <= capacity and room_demand <= rooms:
                continue
            unit = self.units[index]
            code, deadline = self._deadline_of(index, k)
            others = sum(c for i, c in counted.items() if i != index)
            resource = (
                Counted(number=len(self.facilitators), thing="facilitator")
                if fac_demand > capacity
                else Counted(number=len(self.rooms), thing="room")
            )
            text = (
                f"{unit.name}: {cohorts} cohorts cannot complete {code} before "
                f"{deadline.isoformat()} with {resource.label('en_GB')}"
            )
            if others:
                text += f" (with {others} cohorts of units whose deadlines come first)"
            raise _infeasible(
                f"units[{index}]",
                unit.name,
                text,
                ProblemCode.ROLLOUT_DEADLINE_SHARED if others else ProblemCode.ROLLOUT_DEADLINE,
                unit=unit.name,
                cohorts=Counted(number=cohorts, thing="cohort"),
                module=code,
                deadline=deadline,
                resource=resource,
                others=Counted(number=others, thing="cohort"),
            )

    def no_capacity(self, bound: rollout_bounds.Bound) -> ValidationError:
        """The error for a rollout that cannot end within two years of the start.

        Called when no plan ends within a year and none within two either (see :func:`_wait`).
        """
        from ledarutveckling._rollout import instance as rollout_instance

        people = sum(unit.headcount for unit in self.units)
        year = f"within two years of {self.start.isoformat()}"
        if not any(rollout_instance.startable_days(self.instance)):
            return _infeasible(
                "program.max_span_days",
                self.program.max_span_days,
                f"no cohort can start {year} and complete {self.program.code} within "
                f"{self.program.max_span_days} days on the calendar's working days",
                ProblemCode.ROLLOUT_NO_COHORT_CAN_START,
                start=self.start,
                program=self.program.code,
                days=self.program.max_span_days,
            )
        moved = self.moved_past(self.instance.slots)
        if bound.resource == "chain" and moved is not None:
            index, code, day = moved
            unit = self.units[index]
            return _infeasible(
                f"units[{index}].not_before",
                code,
                f"{unit.name}: {code} may not be held before {day.isoformat()}, and the "
                f"modules with their gaps then cannot be held {year}",
                ProblemCode.ROLLOUT_NOT_BEFORE_TOO_LATE,
                unit=unit.name,
                module=code,
                day=day,
                start=self.start,
            )
        if bound.resource == "chain":
            return _infeasible(
                "calendar",
                self.start.isoformat(),
                "the modules with their gaps cannot be held on the calendar's working days " + year,
                ProblemCode.ROLLOUT_CHAIN,
                start=self.start,
            )
        if bound.resource == "away":
            assert bound.unit is not None
            unit = self.units[bound.unit]
            at_once = Counted(number=bound.at_once, thing="cohort").label("en_GB")
            text = (
                f"{unit.name}: at most {at_once} in sessions at once (max_away "
                f"{unit.max_away}) cannot complete {self.program.code} {year}"
            )
            return _infeasible(
                f"units[{bound.unit}].max_away",
                unit.max_away,
                text,
                ProblemCode.ROLLOUT_AWAY_NO_CAPACITY,
                unit=unit.name,
                cohorts=Counted(number=bound.at_once, thing="cohort"),
                away=unit.max_away,
                program=self.program.code,
                start=self.start,
            )
        if bound.resource == "facilitators":
            return _infeasible(
                "facilitators",
                len(self.facilitators),
                f"{people} participants in {len(self.cohorts)} cohorts cannot complete "
                f"{self.program.code} {year} with "
                f"{Counted(number=len(self.facilitators), thing='facilitator').label('en_GB')}",
                ProblemCode.ROLLOUT_NO_CAPACITY,
                people=people,
                cohorts=len(self.cohorts),
                program=self.program.code,
                start=self.start,
                resource=Counted(number=len(self.facilitators), thing="facilitator"),
            )
        rooms = Counted(number=len(self.rooms), thing="room")
        return _infeasible(
            "rooms",
            len(self.rooms),
            f"{people} participants in {len(self.cohorts)} cohorts cannot complete "
            f"{self.program.code} {year} with {rooms.label('en_GB')}",
            ProblemCode.ROLLOUT_NO_CAPACITY,
            people=people,
            cohorts=len(self.cohorts),
            program=self.program.code,
            start=self.start,
            resource=rooms,
        )

    def not_found(self, bound: rollout_bounds.Bound) -> ValidationError:
        """The error for a rollout the search found no plan for, from the start or later.

        It names what the lower bound says binds (the facilitators, the rooms or the
        modules' chain on the calendar), never a rule the bound did not see.
        """
        path = {
            "facilitators": "facilitators",
            "rooms": "rooms",
            "chain": "calendar",
            "away": f"units[{bound.unit}].max_away",
        }
        value: object = {
            "facilitators": len(self.facilitators),
            "rooms": len(self.rooms),
            "chain": self.start.isoformat(),
            "away": None if bound.unit is None else self.units[bound.unit].max_away,
        }[bound.resource]
        explained = self.lower_bound(bound).explain("en_GB")
        return _infeasible(
            path[bound.resource],
            value,
            f"no plan was found starting {self.start.isoformat()} or up to a year later; "
            f"{explained[0].lower()}{explained[1:]}",
            ProblemCode.ROLLOUT_NOT_FOUND,
            start=self.start,
            reason=Explanation(source=self.lower_bound(bound)),
        )

    def _leading(self, bound: rollout_bounds.Bound) -> int:
        """The facilitators the bound counts: those with the skills it counts, else all."""
        return len(self.facilitators) if bound.leaders is None else bound.leaders

    def lower_bound(self, bound: rollout_bounds.Bound) -> LowerBound:
        """The public form of the solver's bound."""
        assert bound.day is not None
        codes = self.codes
        by_resource = {
            BindingResource(name): self.days[day]
            for name, day in bound.by_resource.items()
            if day is not None
        }
        return LowerBound(
            date=self.days[bound.day],
            resource=BindingResource(bound.resource),
            first_module=codes[bound.modules[0]],
            last_module=codes[bound.modules[1]],
            demand=bound.demand,
            facilitators=self._leading(bound),
            rooms=sum(1 for r in self.rooms if r.capacity >= bound.min_size),
            min_size=bound.min_size,
            by_resource=by_resource,
            split=self.days[bound.split] if bound.split is not None else None,
            combined=bound.combined,
            whole_cohorts=bound.whole,
            waiting=bound.waiting,
            unit=self.units[bound.unit].name if bound.unit is not None else None,
            at_once=bound.at_once,
        )

    def sessions(
        self, placements: Iterable[rollout_instance.Placement]
    ) -> tuple[RolloutSession, ...]:
        """The placements as sessions, in order of start."""
        ns = self.instance.ns
        result = []
        for p in placements:
            unit_index, number, people = self.cohorts[p.cohort]
            module = self.program.modules[self.led[p.module]]
            day = self.days[p.slot // ns]
            slot = self.slots[p.slot % ns]
            begin = pendulum.datetime(
                day.year,
                day.month,
                day.day,
                slot.start.hour,
                slot.start.minute,
                slot.start.second,
                tz=STOCKHOLM,
            )
            result.append(
                (
                    (p.slot, unit_index, number, p.module),
                    RolloutSession(
                        unit=self.units[unit_index].name,
                        cohort=number,
                        size=people,
                        module=module.code,
                        start=begin,
                        end=begin.add(seconds=int(module.duration.total_seconds())),
                        facilitators=tuple(self.facilitators[f].name for f in p.facilitators),
                        room=self.rooms[p.room].name if p.room >= 0 else None,
                    ),
                )
            )
        result.sort(key=lambda pair: pair[0])
        return tuple(session for _, session in result)
