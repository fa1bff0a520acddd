"""The search of a re-plan's re-insertion (private): the board as it is searched.

:class:`_Search` inserts one displaced session at a time into a re-plan's board
(:mod:`~ledarutveckling._rollout.replan_board`) at the least cost in new changes: free slots,
ejections, pushing or pulling a cohort's later sessions, a cohort placed anew, timetables
swapped with a cohort not started, and a chain of swaps; :meth:`_Search.back` puts a changed
session back where it was. The driver, its budgets and the polish pass are
:mod:`~ledarutveckling._rollout.replan_insert`.
"""

from __future__ import annotations

import bisect
import heapq
from typing import Final

import attrs
import pendulum

from ledarutveckling._rollout.plan import RolloutSession
from ledarutveckling._rollout.problem import Facilitator, SessionSlot
from ledarutveckling._rollout.replan_board import (
    _before,
    _Replanner,
    same_session,
)
from ledarutveckling._rollout.replan_repair import (
    NO_DUE,
    _helps,
    _put,
    _take,
)

Slot = tuple[str, int]
"""A cohort: unit and number."""

Step = tuple[bool, Slot, int, RolloutSession | None, int]
"""A change to undo: put (``True``) or taken (``False``), the cohort, the module index,
the session taken and the changes its taking cost."""

NODES: Final = 1_000
"""The most sessions one insertion tries to insert (the search gives up beyond)."""

FEW_NODES: Final = 100
"""The same for the shallow searches, tried before the chain of swaps."""

VICTIMS: Final = 6
"""The most sessions tried as ejected for one session."""

EXPAND: Final = 400
"""The most sessions the chain of swaps looks past for one displaced session."""

HOP: Final = 28
"""The days one swap of the chain is guessed to gain, to aim the chain at the free slots
after the previous plan's end (its priority: the changes so far, plus the hops still
guessed to that end)."""

ANEW_TRIES: Final = 6
"""The most free slots tried for the first session of a cohort placed anew
(:meth:`_Search._anew`) before it is inserted as any other."""

PULL_DAYS: Final = 7
"""How many days earlier than it was the first session of a cohort placed anew earlier may
go (:meth:`_Search._anew`): no further than the cohort needs, near the slots its own
sessions free."""

SWAPS: Final = 8
"""The most other cohorts whose timetables :meth:`_Search._swap` tries on the board."""


BACK_BLOCKERS: Final = 4
"""The most sessions :meth:`_Search.back` takes out to put one back."""


class _Search:
    """One re-insertion: the board of the greedy repair, an undo log and what it spent."""

    def __init__(self, work: _Replanner, sizes: dict[Slot, int], horizon: int) -> None:
        self.work = work
        self.horizon = horizon
        self.sizes = sizes
        self.span = work.rollout.program.max_span_days
        self.ordinals = [day.toordinal() for day in work.days]
        self.log: list[Step] = []
        self.locked: set[tuple[Slot, int]] = set()
        self.nodes = 0
        self.most = NODES
        self.effort = 0
        self.spent = 0
        self.limit = 0
        self.reach: dict[tuple[Slot, int], int] = {}
        self.failed: dict[tuple[Slot, int, int, int], int] = {}
        self.bounds: dict[tuple[Slot, int], tuple[int, int]] = {}
        self.anew: set[Slot] = set()
        self.anew_allowed = True
        self.root: tuple[Slot, int] | None = None
        self.version: dict[Slot, int] = dict.fromkeys(work.chains, 0)
        self.windows: dict[tuple[Slot, int, int | None], tuple[int, tuple[int, int]]] = {}
        self.costs: dict[int, tuple[RolloutSession, int]] = {}
        self.caps = [(f.name, f.max_sessions_per_week) for f in work.rollout.facilitators]
        program = work.rollout.program
        self.needs = {
            code: (program.module(code).facilitators, program.module(code).format.needs_room)
            for code in work.codes
        }
        self.room_list = [(r.name, r.capacity) for r in work.rollout.rooms]
        self.fits_slot = {
            (code, index): _fits_slot(program.module(code).duration.total_seconds(), slot)
            for code in work.codes
            for index, slot in enumerate(work.rollout.slots)
        }

    def take(self, cohort: Slot, k: int) -> None:
        """Take session *k* of *cohort* out, paying its :meth:`cost`."""
        session = self.work.chains[cohort][k]
        price = self.cost(cohort, k)
        _take(self.work, cohort, k)
        self.version[cohort] += 1
        self.spent += price
        self.log.append((False, cohort, k, session, price))

    def put(self, cohort: Slot, k: int, session: RolloutSession) -> None:
        _put(self.work, cohort, k, session)
        self.version[cohort] += 1
        self.log.append((True, cohort, k, None, 0))

    def undo(self, mark: int) -> None:
        """Undo every step after the log's length *mark*."""
        while len(self.log) > mark:
            put, cohort, k, session, price = self.log.pop()
            self.version[cohort] += 1
            if put:
                _take(self.work, cohort, k)
            else:
                assert session is not None
                _put(self.work, cohort, k, session)
                self.spent -= price

    def cost(self, cohort: Slot, k: int) -> int:
        """What taking session *k* of *cohort* out adds: one unless it has changed already."""
        session = self.work.chains[cohort][k]
        assert session is not None
        known = self.costs.get(id(session))
        if known is not None and known[0] is session:
            return known[1]
        wish = self.work.wishes.get((cohort[0], cohort[1], self.work.codes[k]))
        price = 0 if wish is None or not same_session(wish, session) else 1
        self.costs[id(session)] = (session, price)
        return price

    def affords(self, cohort: Slot, k: int) -> bool:
        """Whether session *k* of *cohort* may be taken out: not locked, within the limit."""
        return (cohort, k) not in self.locked and self.spent + self.cost(cohort, k) <= self.limit

    def window(self, cohort: Slot, k: int, free: int | None = None) -> tuple[int, int]:
        """The first and last ordinal module *k* may be on, between its cohort's sessions.

        The session of index *free* (the one to be pushed or pulled) bounds nothing.
        Remembered until the cohort's chain (or its bounds) change.
        """
        key = (cohort, k, free)
        version = self.version[cohort]
        known = self.windows.get(key)
        if known is not None and known[0] == version:
            return known[1]
        found = self._window(cohort, k, free)
        self.windows[key] = (version, found)
        return found

    def _window(self, cohort: Slot, k: int, free: int | None) -> tuple[int, int]:
        work = self.work
        chain = work.chains[cohort]
        codes = work.codes
        code = codes[k]
        span = self.span
        # The sessions present (but *free*) before and after k: the nearest and the furthest.
        before_index = after_index = first_index = last_index = None
        for j, s in enumerate(chain):
            if s is None or j in (free, k):
                continue
            if j < k:
                if first_index is None:
                    first_index = j
                before_index = j
            else:
                if after_index is None:
                    after_index = j
                last_index = j
        latest = work.latest[cohort[0]]
        deadline = latest.get(code)
        end = deadline.toordinal() - 1 if deadline is not None else NO_DUE
        # The span from the first session present, as its last day.
        reach = None
        if first_index is not None and span is not None:
            first = chain[first_index]
            assert first is not None
            reach = work.day(first).toordinal() + span
            end = min(end, reach)
        # The deadlines and the span of the missing modules after it, less the gaps to them;
        # then the session after them, less the gaps through them.
        gaps = 0
        for j in range(k + 1, after_index if after_index is not None else len(chain)):
            gaps += work.gaps[codes[j]]
            later = latest.get(codes[j])
            if later is not None:
                end = min(end, later.toordinal() - 1 - gaps)
            if reach is not None:
                end = min(end, reach - gaps)
        if after_index is not None:
            after = chain[after_index]
            assert after is not None
            gaps += work.gaps[codes[after_index]]
            end = min(end, work.day(after).toordinal() - gaps)
        not_before = work.not_before(cohort[0], cohort[1], code)
        # The session before it, plus the gaps through the missing modules between them.
        begin = not_before.toordinal() if not_before is not None else 0
        if last_index is not None and span is not None:
            last = chain[last_index]
            assert last is not None
            begin = max(begin, work.day(last).toordinal() - span)
        if before_index is not None:
            before = chain[before_index]
            assert before is not None
            gaps = sum(work.gaps[codes[j]] for j in range(before_index + 1, k + 1))
            begin = max(begin, work.day(before).toordinal() + gaps)
        bound = self.bounds.get((cohort, k))
        if bound is not None:
            begin, end = max(begin, bound[0]), min(end, bound[1])
        return begin, end

    def places(self, begin: int, end: int) -> list[tuple[pendulum.Date, int]]:
        """Every day and slot index from ordinal *begin* to *end*, earliest first."""
        work = self.work
        first = bisect.bisect_left(self.ordinals, begin)
        last = bisect.bisect_right(self.ordinals, end)
        slots = range(len(work.rollout.slots))
        return [(day, slot) for day in work.days[first:last] for slot in slots]

    def session_at(
        self, cohort: Slot, k: int, day: pendulum.Date, slot: int
    ) -> RolloutSession | None:
        """A session of module *k* free on the board at *day*, *slot*, in order with its chain."""
        work = self.work
        size = self.sizes[cohort]
        code = work.codes[k]
        # The room first: most slots a window offers an in-person session have none left.
        if self.needs[code][1]:
            rooms = work.board.rooms
            for name, seats in self.room_list:
                if seats >= size and (name, day, slot) not in rooms:
                    break
            else:
                return None  # no room left in the slot that takes the cohort
        if not work.away_fits(cohort[0], day, slot, size):
            return None
        year, week, _ = day.isocalendar()
        weeks = work.board.weeks
        for name, cap in self.caps:
            if weeks.get((name, year, week), 0) < cap:
                break
        else:
            return None  # every facilitator is at the cap of the week
        return self._chosen(cohort, k, day, slot)

    def _chosen(
        self,
        cohort: Slot,
        k: int,
        day: pendulum.Date,
        slot: int,
        ready: list[Facilitator] | None = None,
    ) -> RolloutSession | None:
        """:meth:`session_at` once its room, staff away and weekly caps are known to allow it.

        *ready*: the board's :meth:`_Replanner.ready` for the day, when it has not changed.
        """
        work = self.work
        size = self.sizes[cohort]
        code = work.codes[k]
        wish = work.wishes.get((cohort[0], cohort[1], code))
        chosen = work.chooses(day, slot, code, size, wish, ready)
        if chosen is None:
            return None
        session = work.session(cohort[0], cohort[1], size, code, day, slot, *chosen)
        chain = work.chains[cohort]
        before = next((s for s in reversed(chain[:k]) if s is not None), None)
        after = next((s for s in chain[k + 1 :] if s is not None), None)
        if (before is not None and session.start < before.end) or (
            after is not None and after.start < session.end
        ):
            return None
        return session

    def first_at(
        self, cohort: Slot, k: int, begin: int, end: int
    ) -> tuple[pendulum.Date, int, RolloutSession] | None:
        """The first of :meth:`places` where :meth:`session_at` gives a session, and that one.

        The same checks in the same order of days and slots, with the board held as it is:
        what stays the same from one slot to the next is looked up once (the cohort's size,
        the rooms that take it, its unit's limit on staff away), and a week in which every
        facilitator is at the weekly cap is passed over whole. The search scans windows of
        dozens of slots, most of them full, tens of thousands of times a re-plan.
        """
        work = self.work
        board = work.board
        size = self.sizes[cohort]
        code = work.codes[k]
        unit = cohort[0]
        takes = (
            [name for name, seats in self.room_list if seats >= size]
            if self.needs[code][1]
            else None
        )
        rooms = board.rooms
        most = work.max_away.get(unit)
        away = board.away
        weeks = board.weeks
        caps = self.caps
        slots = range(len(work.rollout.slots))
        capped: dict[tuple[int, int], bool] = {}
        first = bisect.bisect_left(self.ordinals, begin)
        last = bisect.bisect_right(self.ordinals, end)
        for day in work.days[first:last]:
            year, week, _ = day.isocalendar()
            full = capped.get((year, week))
            if full is None:
                full = True
                for name, cap in caps:
                    if weeks.get((name, year, week), 0) < cap:
                        full = False
                        break
                capped[(year, week)] = full
            if full:
                continue  # every facilitator is at the cap of the week
            ready = None  # who may lead it this day (the board held as it is): asked once
            for slot in slots:
                if takes is not None:
                    for name in takes:
                        if (name, day, slot) not in rooms:
                            break
                    else:
                        continue  # no room left in the slot that takes the cohort
                if most is not None and away[(unit, day, slot)] + size > most:
                    continue
                if ready is None:
                    ready = work.ready(day, code)
                session = self._chosen(cohort, k, day, slot, ready)
                if session is not None:
                    return day, slot, session
        return None

    def first_free(self, cohort: Slot, k: int, free: int | None = None) -> bool:
        """Put session *k* of *cohort* in the earliest free slot of its window, if any."""
        found = self.first_at(cohort, k, *self.window(cohort, k, free))
        if found is None:
            return False
        self.put(cohort, k, found[2])
        return True

    def insert(self, cohort: Slot, k: int) -> bool:
        """Insert session *k* of *cohort* spending at most the limit; undone when not."""
        self.nodes += 1
        self.effort += 1
        room = self.limit - self.spent
        begin, end = self.window(cohort, k)
        tried = (cohort, k, begin, end)
        if self.nodes > self.most or self.failed.get(tried, -1) >= room:
            return False
        if self.first_free(cohort, k):
            return True
        if room <= 0:
            return False
        self.locked.add((cohort, k))
        try:
            if self._eject(cohort, k) or self._shift(cohort, k, push=True):
                return True
            if self._shift(cohort, k, push=False):
                return True
            if self.anew_allowed and (
                self._anew(cohort, k, later=False) or self._anew(cohort, k, later=True)
            ):
                return True
            if self.root == (cohort, k) and self._swap(cohort):
                return True
        finally:
            self.locked.discard((cohort, k))
        # Remembered for this insertion: the board differs a little on the next try.
        self.failed[tried] = room
        return False

    def _eject(self, cohort: Slot, k: int, then: tuple[Slot, int] | None = None) -> bool:
        """Take sessions of other cohorts out of a slot of the window for this one.

        *then*: a session of the cohort taken out (:meth:`_shift`), inserted again last.

        Sessions in a slot of the window come first (they free all that slot lacks), then
        those of the window's weeks that free a facilitator; of those, the ones whose own
        window reaches furthest: they are the likeliest to find a free slot, or to end the
        chain of ejections soonest.
        """
        work = self.work
        size = self.sizes[cohort]
        weeks: dict[tuple[int, int], set[tuple[pendulum.Date, int]]] = {}
        for day, slot in self.places(*self.window(cohort, k)):
            if work.away_fits(cohort[0], day, slot, size):
                weeks.setdefault(day.isocalendar()[:2], set()).add((day, slot))
        # What affords() asks of each candidate, the board and the limit held as they are:
        # not locked, and a cost (0 or 1) within what is left of the limit.
        left = self.limit - self.spent
        locked = self.locked
        reaches = self.reach
        candidates: list[
            tuple[bool, int, int, Slot, int, RolloutSession, set[tuple[pendulum.Date, int]]]
        ] = []
        for week, open_places in weeks.items():
            for key, victim in work.movable[week].items():
                other, j = key
                if other == cohort or key in locked or (left < 1 and self.cost(other, j) > left):
                    continue
                reach = reaches.get(key)
                if reach is None:
                    reach = reaches[key] = self.window(other, j)[1]
                elsewhere = work.where(victim) not in open_places
                candidates.append(
                    (elsewhere, -reach, len(candidates), other, j, victim, open_places)
                )
        # The first few in the order of (elsewhere, -reach), ties in the order listed (the
        # third entry): a heap, since at most VICTIMS useful ones are tried.
        heapq.heapify(candidates)
        tried = 0
        while candidates:
            elsewhere, _, _, other, j, victim, open_places = heapq.heappop(candidates)
            if elsewhere:
                useful = sorted(p for p in open_places if _helps(work, victim, *p))
            else:
                place = work.where(victim)
                assert place is not None
                useful = [place]
            if not useful:
                continue
            tried += 1
            if tried > VICTIMS:
                break
            mark = len(self.log)
            self.take(other, j)
            taken = [(other, j)]
            session = None
            for day, slot in useful:
                session = self.session_at(cohort, k, day, slot)
                if session is None and not elsewhere:
                    session = self._second(cohort, k, day, slot, taken)
                if session is not None:
                    break
            if session is not None:
                self.put(cohort, k, session)
                if all(self.insert(*victim_at) for victim_at in taken) and (
                    then is None or self.insert(*then)
                ):
                    return True
            self.undo(mark)
            if self.nodes > self.most:
                return False
        return False

    def _second(
        self, cohort: Slot, k: int, day: pendulum.Date, slot: int, taken: list[tuple[Slot, int]]
    ) -> RolloutSession | None:
        """The session at *day*, *slot* after taking one more session of that slot out."""
        work = self.work
        for (other, j), victim in list(work.movable[day.isocalendar()[:2]].items()):
            if other == cohort or work.where(victim) != (day, slot) or not self.affords(other, j):
                continue
            self.take(other, j)
            session = self.session_at(cohort, k, day, slot)
            if session is not None:
                taken.append((other, j))
                return session
            self.undo(len(self.log) - 1)
        return None

    def _shift(self, cohort: Slot, k: int, push: bool) -> bool:
        """Take the cohort's next (*push*) or previous session out to make way for this one.

        This one goes to the earliest free slot its window then has, and the one taken out
        is inserted again after (before) it; each free slot is tried in turn, then the
        slots an ejection frees (:meth:`_eject`).
        """
        work = self.work
        chain = work.chains[cohort]
        steps = range(k + 1, len(chain)) if push else range(k - 1, -1, -1)
        other = next((j for j in steps if chain[j] is not None), None)
        if other is None or work.fixed[cohort][other] or not self.affords(cohort, other):
            return False
        mark = len(self.log)
        self.take(cohort, other)
        for day, slot in self.places(*self.window(cohort, k)):
            session = self.session_at(cohort, k, day, slot)
            if session is None:
                continue
            self.put(cohort, k, session)
            if self.insert(cohort, other):
                return True
            self.undo(mark)
            self.take(cohort, other)
            if self.nodes > self.most:
                break
        # No free slot: make one, then insert the one taken out.
        if self.nodes <= self.most and self._eject(cohort, k, then=(cohort, other)):
            return True
        self.undo(mark)
        return False

    def _anew(self, cohort: Slot, k: int, later: bool) -> bool:
        """Take the cohort's other sessions not held out and insert them all again, in order.

        For a session that the cohort's own sessions leave no slot: the gaps from the ones
        before it run past its deadline (the first of them then goes to a day before the
        one it had), or the span from the first one ends in a stretch with no free slot
        (*later*: the first goes to a day after the one it had, and the cohort runs later).
        """
        work = self.work
        chain = work.chains[cohort]
        fixed = work.fixed[cohort]
        others = [j for j, s in enumerate(chain) if s is not None and not fixed[j]]
        if not others or cohort in self.anew or any((cohort, j) in self.locked for j in others):
            return False
        if self.spent + sum(self.cost(cohort, j) for j in others) > self.limit:
            return False
        # The first of them: this one as the previous plan had it, else the first present
        # (this one is new, a cohort added).
        wish = work.wishes.get((cohort[0], cohort[1], work.codes[k]))
        pivot, had = (
            (k, wish) if k < others[0] and wish is not None else (others[0], chain[others[0]])
        )
        assert had is not None
        day = work.day(had).toordinal()
        mark = len(self.log)
        for j in others:
            self.take(cohort, j)
        self.bounds[(cohort, pivot)] = (day + 1, NO_DUE) if later else (day - PULL_DAYS, day - 1)
        self.version[cohort] += 1
        self.anew.add(cohort)
        rest = sorted(j for j in (*others, k) if j != pivot)
        try:
            # The first in each free slot of its window that leaves the next one a day,
            # then (rooms or facilitators bound) wherever the first insertion puts it.
            tries = 0
            for at in self.places(*self.window(cohort, pivot)):
                session = self.session_at(cohort, pivot, *at)
                if session is None:
                    continue
                step = len(self.log)
                self.put(cohort, pivot, session)
                if self.places(*self.window(cohort, rest[0])):
                    tries += 1
                    if all(self.insert(cohort, j) for j in rest):
                        return True
                self.undo(step)
                if tries >= ANEW_TRIES or self.nodes > self.most:
                    break
            if all(self.insert(cohort, j) for j in (pivot, *rest)):
                return True
        finally:
            del self.bounds[(cohort, pivot)]
            self.version[cohort] += 1
            self.anew.discard(cohort)
        self.undo(mark)
        return False

    def _swap(self, cohort: Slot) -> bool:
        """Swap the cohort's timetable with that of another cohort that has not started.

        The cohort takes the other's days, slots, facilitators and rooms, module by module,
        and the other takes the cohort's (as the previous plan had them): for a cohort that
        must finish sooner, the timetable of one due later that fits it. Both cohorts'
        sessions change (those still as they were cost one each); tried with at most
        :data:`SWAPS` other cohorts that pass the rules of their own.
        """
        work = self.work
        if any(work.fixed[cohort]):
            return False
        mine = [
            s if s is not None else work.wishes.get((cohort[0], cohort[1], code))
            for s, code in zip(work.chains[cohort], work.codes, strict=True)
        ]
        if any(s is None for s in mine):
            return False
        present = [j for j, s in enumerate(work.chains[cohort]) if s is not None]
        if any((cohort, j) in self.locked for j in present):
            return False
        own = sum(self.cost(cohort, j) for j in present)
        tries = 0
        for other, theirs in work.chains.items():
            if (
                other == cohort
                or any(work.fixed[other])
                or any(s is None for s in theirs)
                or any((other, j) in self.locked for j in range(len(theirs)))
            ):
                continue
            price = own + sum(self.cost(other, j) for j in range(len(theirs)))
            if self.spent + price > self.limit:
                continue
            moved = self._swapped_chains(cohort, mine, other, theirs)
            if moved is None:
                continue
            tries += 1
            mark = len(self.log)
            for j in present:
                self.take(cohort, j)
            for j in range(len(theirs)):
                self.take(other, j)
            if self._fit_all(moved):
                return True
            self.undo(mark)
            if tries >= SWAPS:
                break
        return False

    def _swapped_chains(
        self,
        cohort: Slot,
        mine: list[RolloutSession | None],
        other: Slot,
        theirs: list[RolloutSession | None],
    ) -> list[tuple[Slot, int, RolloutSession]] | None:
        """The two cohorts' sessions with their timetables swapped, or ``None``.

        ``None`` unless each session keeps its own rules (:meth:`_Replanner.valid_alone`)
        and each cohort the gaps and the span.
        """
        work = self.work
        span = self.span
        moved: list[tuple[Slot, int, RolloutSession]] = []
        for target, timetable in ((cohort, theirs), (other, mine)):
            size = self.sizes[target]
            chain: list[RolloutSession] = []
            for j, was in enumerate(timetable):
                assert was is not None
                place = work.where(was)
                assert place is not None
                code = work.codes[j]
                team = was.facilitators
                session = work.session(
                    target[0], target[1], size, code, place[0], place[1], team, was.room
                )
                if not work.valid_alone(session, size):
                    return None
                if chain and not _before(chain[-1], session, work.gaps[code]):
                    return None
                chain.append(session)
                moved.append((target, j, session))
            if (
                span is not None
                and work.day(chain[-1]).toordinal() - work.day(chain[0]).toordinal() > span
            ):
                return None
        return moved

    def _fit_all(self, moved: list[tuple[Slot, int, RolloutSession]]) -> bool:
        """Put every session of *moved* on the board when each fits there (else ``False``)."""
        work = self.work
        for target, j, session in moved:
            place = work.where(session)
            assert place is not None
            if not work.fits(
                place[0], place[1], session.facilitators, session.room
            ) or not work.away_fits(target[0], place[0], place[1], session.size):
                return False
            self.put(target, j, session)
        return True

    def back(self, cohort: Slot, k: int, wish: RolloutSession) -> bool:
        """Put session *k* of *cohort*, which has changed, back as it was (*wish*).

        The sessions in its old slot that hold its room or one of its facilitators are
        taken out, when each of them has changed already, and inserted again without a new
        change (free slots, or ejecting and shifting other changed sessions); undone when
        that fails. One change fewer when it works.
        """
        work = self.work
        size = self.sizes[cohort]
        old = wish if wish.size == size else attrs.evolve(wish, size=size)
        place = work.where(old)
        if place is None or not work.valid_alone(old, size):
            return False
        begin, end = self.window(cohort, k)
        if not begin <= place[0].toordinal() <= end:
            return False
        chain = work.chains[cohort]
        before = next((s for s in reversed(chain[:k]) if s is not None), None)
        after = next((s for s in chain[k + 1 :] if s is not None), None)
        if (before is not None and old.start < before.end) or (
            after is not None and after.start < old.end
        ):
            return False
        blockers = [
            key
            for key, other in work.movable[place[0].isocalendar()[:2]].items()
            if key[0] != cohort
            and work.where(other) == place
            and (
                (old.room is not None and other.room == old.room)
                or not set(other.facilitators).isdisjoint(old.facilitators)
            )
        ]
        if any(self.cost(*key) or key in self.locked for key in blockers):
            return False
        mark = len(self.log)
        self.take(cohort, k)
        for key in blockers:
            self.take(*key)
        # A facilitator at the cap of the day or the week: a changed session of theirs
        # that day (that week) is taken out too.
        capped = self._capped(place[0], old.facilitators)
        while capped is not None and len(blockers) < BACK_BLOCKERS:
            blockers.append(capped)
            self.take(*capped)
            capped = self._capped(place[0], old.facilitators)
        if not work.fits(place[0], place[1], old.facilitators, old.room) or not work.away_fits(
            cohort[0], place[0], place[1], size
        ):
            self.undo(mark)
            return False
        self.put(cohort, k, old)
        self.locked.add((cohort, k))
        self.limit, self.nodes, self.most = self.spent, 0, FEW_NODES
        try:
            if all(self.insert(*key) for key in blockers):
                return True
        finally:
            self.locked.discard((cohort, k))
        self.undo(mark)
        return False

    def _capped(self, day: pendulum.Date, people: tuple[str, ...]) -> tuple[Slot, int] | None:
        """A changed session to take out for one of *people* at their cap on *day*'s day or week."""
        work = self.work
        board = work.board
        year, week, _ = day.isocalendar()
        for name in people:
            facilitator = work.facilitators[name]
            daily = board.days[(name, day)] >= facilitator.max_sessions_per_day
            if not daily and board.weeks[(name, year, week)] < facilitator.max_sessions_per_week:
                continue
            for key, other in work.movable[(year, week)].items():
                if (
                    name in other.facilitators
                    and (not daily or work.day(other) == day)
                    and key not in self.locked
                    and not self.cost(*key)
                ):
                    return key
        return None

    def chain(self, cohort: Slot, k: int) -> bool:
        """Insert session *k* of *cohort* by the cheapest chain of swaps found.

        Each session of the chain takes the day, slot, facilitators and room of the next
        (another cohort's, in its window, whom they may lead and whose room takes it), and
        the last one goes to a free slot of its own window. The cheapest chain (sessions
        still as they were cost one) is searched first, those reaching furthest first among
        equals, the board held as it is; the chain found is then checked as it is applied.
        """
        work = self.work
        root = (cohort, k)
        best: dict[tuple[Slot, int], int] = {root: 0}
        parent: dict[tuple[Slot, int], tuple[Slot, int] | None] = {root: None}
        heap: list[tuple[float, int, int, int, tuple[Slot, int]]] = [(0.0, 0, 0, 0, root)]
        listing: dict[tuple[int, int], list[tuple[Slot, int, RolloutSession, int, int]]] = {}
        count = 0
        while heap and count < EXPAND:
            _, spent, _, _, node = heapq.heappop(heap)
            if spent > best[node]:
                continue
            count += 1
            self.effort += 1
            begin, end = self.window(*node)
            if node != root:
                found = self.first_at(node[0], node[1], begin, end)
                if found is not None:
                    return self._apply(node, (found[0], found[1]), parent)
            path = set()
            step: tuple[Slot, int] | None = node
            while step is not None:
                path.add(step[0])
                step = parent[step]
            first = bisect.bisect_left(self.ordinals, begin)
            last = bisect.bisect_right(self.ordinals, end)
            weeks = sorted({day.isocalendar()[:2] for day in work.days[first:last]})
            for week in weeks:
                listed = listing.get(week)
                if listed is None:  # the board is held as it is during the search
                    listed = listing[week] = [
                        (other, j, victim, work.day(victim).toordinal(), self.cost(other, j))
                        for (other, j), victim in work.movable[week].items()
                        if (other, j) not in self.locked
                    ]
                for other, j, victim, ordinal, cost in listed:
                    price = spent + cost
                    if (
                        other in path
                        or ordinal < begin
                        or ordinal > end
                        or price >= best.get((other, j), NO_DUE)
                        or not self._swaps(node, victim)
                    ):
                        continue
                    best[(other, j)] = price
                    parent[(other, j)] = node
                    reach = self.reach.get((other, j))
                    if reach is None:
                        reach = self.reach[(other, j)] = self.window(other, j)[1]
                    guess = price + max(0, self.horizon - reach) / HOP
                    heapq.heappush(heap, (guess, price, -reach, len(best), (other, j)))
        return False

    def _swaps(self, node: tuple[Slot, int], victim: RolloutSession) -> bool:
        """Whether session *node* may take *victim*'s day, slot, facilitators and room."""
        work = self.work
        cohort, k = node
        code = work.codes[k]
        people, needs_room = self.needs[code]
        size = self.sizes[cohort]
        place = work.where(victim)
        assert place is not None
        if not self.fits_slot[(code, place[1])] or len(victim.facilitators) < people:
            return False
        if needs_room and (victim.room is None or work.rooms[victim.room].capacity < size):
            return False
        if not all(work.facilitators[name].may_lead(code) for name in victim.facilitators[:people]):
            return False
        most = work.max_away.get(cohort[0])
        if most is not None:
            away = work.board.away[(cohort[0], place[0], place[1])] + size
            if victim.unit == cohort[0]:
                away -= victim.size
            if away > most:
                return False
        return True

    def _apply(
        self,
        last: tuple[Slot, int],
        place: tuple[pendulum.Date, int],
        parent: dict[tuple[Slot, int], tuple[Slot, int] | None],
    ) -> bool:
        """Apply the chain ending in *last*, which goes to the free *place*; undone if not."""
        work = self.work
        mark = len(self.log)
        node: tuple[Slot, int] | None = last
        target: tuple[pendulum.Date, int, tuple[str, ...], str | None] | None = None
        while node is not None:
            cohort, k = node
            moved = work.chains[cohort][k]
            if moved is not None:
                self.take(cohort, k)
            if target is None:
                session = self.session_at(cohort, k, *place)
            else:
                session = self._swapped(cohort, k, target)
            if session is None:
                self.undo(mark)
                return False
            self.put(cohort, k, session)
            if moved is not None:
                at = work.where(moved)
                assert at is not None
                target = (at[0], at[1], moved.facilitators, moved.room)
            node = parent[node]
        return True

    def _swapped(
        self,
        cohort: Slot,
        k: int,
        target: tuple[pendulum.Date, int, tuple[str, ...], str | None],
    ) -> RolloutSession | None:
        """Session *k* of *cohort* at the freed *target*, when it fits there."""
        work = self.work
        day, slot, people, room = target
        code = work.codes[k]
        count, needs_room = self.needs[code]
        size = self.sizes[cohort]
        begin, end = self.window(cohort, k)
        if not begin <= day.toordinal() <= end:
            return None
        team = people[:count]
        room = room if needs_room else None
        if not work.fits(day, slot, team, room) or not work.away_fits(cohort[0], day, slot, size):
            return None
        session = work.session(cohort[0], cohort[1], size, code, day, slot, team, room)
        chain = work.chains[cohort]
        before = next((s for s in reversed(chain[:k]) if s is not None), None)
        after = next((s for s in chain[k + 1 :] if s is not None), None)
        if (before is not None and session.start < before.end) or (
            after is not None and after.start < session.end
        ):
            return None
        return session


def _fits_slot(seconds: float, slot: SessionSlot) -> bool:
    """Whether a session of *seconds* from the slot's start ends within the slot."""
    start = slot.start.hour * 3600 + slot.start.minute * 60 + slot.start.second
    end = slot.end.hour * 3600 + slot.end.minute * 60 + slot.end.second
    return start + seconds <= end
