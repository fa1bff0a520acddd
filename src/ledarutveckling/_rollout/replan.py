"""Re-planning a rollout after a change, keeping the sessions already sent out (replan).

Once invitations are out, a new plan from scratch would move most sessions even when one
facilitator falls ill. :func:`replan` changes as little as it can:

1. Every session before *today* is **held**: kept as it is, never moved, even when the new
   rollout would not allow it any more (an absence entered afterwards).
2. Every later session that is still valid under the new rollout is **kept**: on a working
   day, on or after the start, in one of the slots, its facilitators known, present and
   within their caps, its room known and large enough, before its unit's deadlines and not
   before its earliest dates, and in order with its cohort's kept and held sessions (gaps,
   span). They are taken in order of
   start, so that of two sessions competing for a facilitator's last free session of a
   week the earlier one stays.
3. Only the others (and the later sessions of their cohorts that the new day drags) are
   **placed again**, each cohort's modules in order, in the earliest slot where every rule
   of :func:`~ledarutveckling.scheduling.check_rollout` holds, with the session's own
   facilitators and room preferred, else the least busy facilitators and the smallest room
   that takes the cohort. Cohorts are placed earliest due first (the first of their
   deadlines and the end of their span). When no slot is free, the cohort's own later
   sessions are taken out and placed again, or sessions of cohorts due later are taken out
   of a slot it can use (*bumped*) and placed again in turn. When the first order of these
   repairs (:data:`ATTEMPTS`) places every session, the second is tried too, and the plan
   with fewer changes, then the earlier end, is kept.

When the greedy repair cannot place a session, the missing sessions are list-scheduled
around the kept ones (:class:`~ledarutveckling._rollout.completion.Completion`), first with
every valid later session kept, then with only those of the next :data:`KEEP_WEEKS` weeks
(cohorts whose kept sessions leave a missing one no room go again whole).

When that fails too, every session not yet held is planned anew around the held ones (the
*fallback*): by the completion's list schedule over candidate last days; with nothing held,
by :func:`plan_rollout` from *today*; else by the completion's exact search (an integer
program solved by HiGHS), which finds a completion whenever one exists within
:data:`~ledarutveckling._rollout.completion.EXACT_DAYS` working days of the last first day
of a remaining session, and proves that none exists when no window reaches past them.
Before any of this, two cheap proofs are tried (an empty window; more sessions due in a
stretch than the rooms or facilitators there hold): a refusal always names the rule that
binds, with a proof, except ``replan-not-found`` for a remainder too large for the exact
search (:data:`~ledarutveckling._rollout.completion.EXACT_LIMIT`) that the list schedules did
not place either.

Guaranteed: every result passes :func:`check_rollout` except for rules that the held
sessions broke before the change, and keeps the held sessions as they were. Aimed at, not
proven: the fewest changes, then the earliest end (the repair keeps every valid later
session; the fallback moves most of them).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import Counted, Expected, ProblemCode, ReplanRule
from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.plan import LowerBound, RolloutPlan, RolloutSession
from ledarutveckling._rollout.problem import Rollout, _sizes, held_sizes
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import STOCKHOLM, format_date, format_number, format_value

if TYPE_CHECKING:  # the completion is imported by the first re-plan that needs one
    from ledarutveckling._rollout.completion import Completion

__all__ = ["Replan", "replan"]

HORIZON_YEARS: Final = 2
"""How far after *today* (or the start) a session may be placed again."""

Key = tuple[str, int, str]
"""A session's identity: unit, cohort, module code."""


def _key(session: RolloutSession) -> Key:
    return (session.unit, session.cohort, session.module)


def same_session(old: RolloutSession, new: RolloutSession) -> bool:
    """Whether *new* is *old* unchanged: the same day, slot, facilitators and room."""
    return (
        old.start == new.start
        and old.end == new.end
        and sorted(old.facilitators) == sorted(new.facilitators)
        and old.room == new.room
    )


def _sessions(value: Iterable[RolloutSession]) -> tuple[RolloutSession, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _moves(
    value: Iterable[tuple[RolloutSession, RolloutSession]],
) -> tuple[tuple[RolloutSession, RolloutSession], ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class Replan:
    """The result of :func:`replan`: the new plan and what changed from the previous one.

    Every session of the previous plan is in exactly one of *held*, *kept*, *moved* (as the
    pair ``(before, after)``) and *cancelled*; every session of the new plan is held, kept,
    the ``after`` of a move, or *added*.

    Attributes:
        plan: The new plan.
        previous: The plan it replaces.
        today: The first day sessions could change; sessions before it were held.
        held: Sessions before *today*, untouched.
        kept: Later sessions unchanged (same day, slot, facilitators and room).
        moved: Later sessions changed, each as ``(before, after)``.
        added: Sessions the previous plan did not have (a new cohort).
        cancelled: Sessions of the previous plan the new one does not have.
        fallback: Whether the minimal-change re-plan failed and the unheld sessions were
            planned again from scratch (see :func:`replan`).
    """

    plan: RolloutPlan
    previous: RolloutPlan
    today: pendulum.Date
    held: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    kept: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    moved: tuple[tuple[RolloutSession, RolloutSession], ...] = attrs.field(converter=_moves)
    added: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    cancelled: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    fallback: bool = False

    @property
    def changes(self) -> int:
        """How many sessions were moved, added or cancelled (0: nothing to send)."""
        return len(self.moved) + len(self.added) + len(self.cancelled)

    def summary(self, locale: str = DEFAULT_LOCALE) -> str:
        """What changed, for people, Swedish by default.

        Examples:
            See the how-to "Re-plan when something changes" in docs/rollout.md.
        """
        words = _WORDS.texts(locale)
        count = {
            name: words[name if len(getattr(self, name)) == 1 else f"{name}_n"].format(
                n=format_number(len(getattr(self, name)), locale=locale)
            )
            for name in ("held", "kept", "moved", "added", "cancelled")
        }
        lines = [
            words["head"].format(today=format_date(self.today, locale=locale), **count),
            words["end"].format(
                before=format_date(self.previous.end_date, locale=locale),
                after=format_date(self.plan.end_date, locale=locale),
            ),
        ]
        if self.fallback:
            lines.append(words["fallback"])
        for before, after in self.moved:
            lines.append(
                words["move"].format(
                    unit=before.unit,
                    cohort=before.cohort,
                    module=before.module,
                    before=format_date(before.date, locale=locale),
                    after=format_date(after.date, locale=locale),
                    who=", ".join(after.facilitators),
                )
            )
        return "\n".join(lines)


_WORDS: Final = Words(
    {
        "head": (
            "Omplanering från {today}: {held}, {kept}, {moved}, {added}, {cancelled}.",
            "Re-plan from {today}: {held}, {kept}, {moved}, {added}, {cancelled}.",
        ),
        "held": ("{n} träff redan hållen", "{n} session already held"),
        "held_n": ("{n} träffar redan hållna", "{n} sessions already held"),
        "kept": ("{n} oförändrad", "{n} unchanged"),
        "kept_n": ("{n} oförändrade", "{n} unchanged"),
        "moved": ("{n} flyttad", "{n} moved"),
        "moved_n": ("{n} flyttade", "{n} moved"),
        "added": ("{n} tillagd", "{n} added"),
        "added_n": ("{n} tillagda", "{n} added"),
        "cancelled": ("{n} inställd", "{n} cancelled"),
        "cancelled_n": ("{n} inställda", "{n} cancelled"),
        "end": (
            "Sista träffen var {before}, blir {after}.",
            "The last session was {before}, becomes {after}.",
        ),
        "fallback": (
            "Det gick inte att behålla de senare träffarna: alla som inte hållits är planerade "
            "på nytt.",
            "The later sessions could not be kept: every session not yet held is planned anew.",
        ),
        "move": (
            "{unit}, kohort {cohort}, {module}: {before} → {after} ({who})",
            "{unit}, cohort {cohort}, {module}: {before} → {after} ({who})",
        ),
    }
)


class _NoSlotError(Exception):
    """The greedy placement found no slot for a session."""


class _Board:
    """Who and what is busy when: facilitators' slots, days and weeks, rooms' slots."""

    def __init__(self) -> None:
        self.slots: set[tuple[str, pendulum.Date, int]] = set()
        self.rooms: set[tuple[str, pendulum.Date, int]] = set()
        self.days: dict[tuple[str, pendulum.Date], int] = defaultdict(int)
        self.weeks: dict[tuple[str, int, int], int] = defaultdict(int)
        self.load: dict[str, int] = defaultdict(int)

    def book(self, day: pendulum.Date, slot: int, people: Iterable[str], room: str | None) -> None:
        year, week, _ = day.isocalendar()
        for name in people:
            self.slots.add((name, day, slot))
            self.days[(name, day)] += 1
            self.weeks[(name, year, week)] += 1
            self.load[name] += 1
        if room is not None:
            self.rooms.add((room, day, slot))

    def unbook(
        self, day: pendulum.Date, slot: int, people: Iterable[str], room: str | None
    ) -> None:
        year, week, _ = day.isocalendar()
        for name in people:
            self.slots.discard((name, day, slot))
            self.days[(name, day)] -= 1
            self.weeks[(name, year, week)] -= 1
            self.load[name] -= 1
        if room is not None:
            self.rooms.discard((room, day, slot))


class _Replanner:
    """One re-plan: the new rollout, the held sessions, and the board."""

    def __init__(
        self, rollout: Rollout, today: pendulum.Date, sizes: dict[str, list[int]] | None = None
    ) -> None:
        self.rollout = rollout
        self.today = today
        program = rollout.program
        self.codes = [program.modules[i].code for i in rollout_windows.scheduled(program.modules)]
        self.gaps = dict(zip(self.codes, rollout_windows.gaps(program.modules), strict=True))
        self.facilitators = {f.name: f for f in rollout.facilitators}
        self.rooms = {r.name: r for r in rollout.rooms}
        self.slot_of = {slot.start: index for index, slot in enumerate(rollout.slots)}
        self.sizes = sizes or {  # each unit's cohorts: as the planner splits it by default
            unit.name: _sizes(unit.headcount, held_sizes(rollout)) or [] for unit in rollout.units
        }
        self.latest = {unit.name: self._latest(unit.name) for unit in rollout.units}
        self.earliest = {unit.name: self._earliest(unit.name) for unit in rollout.units}
        first = max(today, rollout.start)
        horizon = first.add(years=HORIZON_YEARS)
        self.days: list[pendulum.Date] = []
        day = first
        while day < horizon:
            if rollout.calendar.is_working_day(day):
                self.days.append(day)
            day = day.add(days=1)
        self.board = _Board()
        self._places: dict[int, tuple[RolloutSession, pendulum.Date, int | None]] = {}
        self.attempts: tuple[tuple[bool, bool], ...] = ATTEMPTS[0]
        self.chains: dict[tuple[str, int], list[RolloutSession | None]] = {}
        self.fixed: dict[tuple[str, int], list[bool]] = {}
        self.wishes: dict[Key, RolloutSession] = {}
        self.movable: dict[tuple[int, int], dict[tuple[tuple[str, int], int], RolloutSession]] = (
            defaultdict(dict)
        )

    def _latest(self, unit_name: str) -> dict[str, pendulum.Date]:
        """For each scheduled module: the day its session must be before, from any deadline."""
        program = self.rollout.program
        unit = next(u for u in self.rollout.units if u.name == unit_name)
        anchors = rollout_windows.anchors(program.modules, self.rollout.self_paced_days)
        found: dict[str, pendulum.Date] = {}
        for code, deadline in unit.deadlines.items():
            index = [m.code for m in program.modules].index(code)
            if index in anchors:
                anchor, days, after = anchors[index]
                code = program.modules[anchor].code
                deadline = deadline.subtract(days=days) if after else deadline.add(days=days)
            if code not in found or deadline < found[code]:
                found[code] = deadline
        return found

    def _earliest(self, unit_name: str) -> dict[str, pendulum.Date]:
        """For each scheduled module: the first day its session may be held (``not_before``).

        A self-paced module's earliest date holds the scheduled module its due day follows
        back so that the due day is at least ``self_paced_days`` after that date.
        """
        program = self.rollout.program
        unit = next(u for u in self.rollout.units if u.name == unit_name)
        anchors = rollout_windows.anchors(program.modules, self.rollout.self_paced_days)
        found: dict[str, pendulum.Date] = {}
        for code, day in unit.not_before.items():
            index = [m.code for m in program.modules].index(code)
            if index in anchors:
                anchor, days, after = anchors[index]
                code = program.modules[anchor].code
                shift = self.rollout.self_paced_days + (-days if after else days)
                day = day.add(days=shift)
            if code not in found or day > found[code]:
                found[code] = day
        return found

    def where(self, session: RolloutSession) -> tuple[pendulum.Date, int] | None:
        """The day and slot index a session is in, or ``None`` if it starts no slot."""
        day, index = self._place(session)
        return (day, index) if index is not None else None

    def day(self, session: RolloutSession) -> pendulum.Date:
        """The day of *session* in Stockholm (:attr:`RolloutSession.date`, remembered)."""
        return self._place(session)[0]

    def _place(self, session: RolloutSession) -> tuple[pendulum.Date, int | None]:
        known = self._places.get(id(session))
        if known is not None and known[0] is session:
            return known[1], known[2]
        start = pendulum.instance(session.start).in_tz(STOCKHOLM)
        index = self.slot_of.get(start.time().replace(tzinfo=None))
        self._places[id(session)] = (session, start.date(), index)
        return start.date(), index

    def valid_alone(self, session: RolloutSession, size: int) -> bool:
        """Whether a later session keeps every rule of its own under the new rollout."""
        rollout = self.rollout
        place = self.where(session)
        if place is None or session.module not in self.gaps:
            return False
        day, index = place
        module = rollout.program.module(session.module)
        slot = rollout.slots[index]
        end = pendulum.instance(session.end).in_tz(STOCKHOLM)
        if (
            day < rollout.start
            or not rollout.calendar.is_working_day(day)
            or end.date() != day
            or end.time().replace(tzinfo=None) > slot.end
            or (session.end - session.start).total_seconds() != module.duration.total_seconds()
        ):
            return False
        people = session.facilitators
        if len(people) != module.facilitators or len(set(people)) != len(people):
            return False
        for name in people:
            facilitator = self.facilitators.get(name)
            if facilitator is None or facilitator.is_absent(day):
                return False
        if module.format.needs_room:
            room = self.rooms.get(session.room) if session.room is not None else None
            if room is None or room.capacity < size:
                return False
        elif session.room is not None:
            return False
        earliest = self.earliest[session.unit].get(session.module)
        if earliest is not None and day < earliest:
            return False
        deadline = self.latest[session.unit].get(session.module)
        return deadline is None or day < deadline

    def fits(self, day: pendulum.Date, slot: int, people: Iterable[str], room: str | None) -> bool:
        """Whether the board has room for a session (caps, double bookings)."""
        board = self.board
        year, week, _ = day.isocalendar()
        for name in people:
            facilitator = self.facilitators[name]
            if (
                (name, day, slot) in board.slots
                or board.days[(name, day)] >= facilitator.max_sessions_per_day
                or board.weeks[(name, year, week)] >= facilitator.max_sessions_per_week
            ):
                return False
        return room is None or (room, day, slot) not in board.rooms

    def chooses(
        self, day: pendulum.Date, slot: int, code: str, size: int, wish: RolloutSession | None
    ) -> tuple[tuple[str, ...], str | None] | None:
        """Facilitators and a room for a session of *code* in this slot, or ``None``."""
        module = self.rollout.program.module(code)
        board = self.board
        year, week, _ = day.isocalendar()
        wished = list(wish.facilitators) if wish is not None else []
        free = [
            f.name
            for f in self.rollout.facilitators
            if not f.is_absent(day)
            and (f.name, day, slot) not in board.slots
            and board.days[(f.name, day)] < f.max_sessions_per_day
            and board.weeks[(f.name, year, week)] < f.max_sessions_per_week
        ]
        if len(free) < module.facilitators:
            return None
        free.sort(key=lambda name: (name not in wished, board.load[name]))
        people = tuple(free[: module.facilitators])
        if not module.format.needs_room:
            return people, None
        rooms = [
            r
            for r in self.rollout.rooms
            if r.capacity >= size and (r.name, day, slot) not in board.rooms
        ]
        if not rooms:
            return None
        wanted = wish.room if wish is not None else None
        rooms.sort(key=lambda r: (r.name != wanted, r.capacity))
        return people, rooms[0].name

    def session(
        self,
        unit: str,
        cohort: int,
        size: int,
        code: str,
        day: pendulum.Date,
        slot: int,
        people: tuple[str, ...],
        room: str | None,
    ) -> RolloutSession:
        begin_at = self.rollout.slots[slot].start
        begin = pendulum.datetime(
            day.year,
            day.month,
            day.day,
            begin_at.hour,
            begin_at.minute,
            begin_at.second,
            tz=STOCKHOLM,
        )
        module = self.rollout.program.module(code)
        return RolloutSession(
            unit=unit,
            cohort=cohort,
            size=size,
            module=code,
            start=begin,
            end=begin.add(seconds=int(module.duration.total_seconds())),
            facilitators=people,
            room=room,
        )


def _before(session: RolloutSession, other: RolloutSession, gap: int) -> bool:
    """Whether *other* may follow *session* with *gap* days between them."""
    return (other.date - session.date).days >= gap and other.start >= session.end


ATTEMPTS: Final = (
    ((False, False), (False, True), (True, False), (True, True)),
    ((False, False), (True, False), (True, True)),
)
"""The ways to find a slot for a session, tried in turn: ``(release, bump)``.

*release*: take the cohort's own later sessions out first; *bump*: take sessions of cohorts
due later out of the slot. The re-plan tries each order and keeps the better plan."""


def _start(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, keep_later: bool
) -> tuple[_Replanner, dict[tuple[str, int], int]]:
    """The board with the held sessions, and the later ones still valid when *keep_later*."""
    work = _Replanner(rollout, today, _split(previous, rollout, today))
    board = work.board
    span = rollout.program.max_span_days
    chains: dict[tuple[str, int], list[RolloutSession | None]] = {}
    fixed: dict[tuple[str, int], list[bool]] = {}
    sizes: dict[tuple[str, int], int] = {}
    for unit in rollout.units:
        for number, size in enumerate(work.sizes[unit.name], start=1):
            chains[(unit.name, number)] = [None] * len(work.codes)
            fixed[(unit.name, number)] = [False] * len(work.codes)
            sizes[(unit.name, number)] = size
    wishes: dict[Key, RolloutSession] = {}
    later: list[RolloutSession] = []
    for session in sorted(previous.sessions, key=lambda s: s.start):
        cohort = (session.unit, session.cohort)
        if cohort not in chains or session.module not in work.gaps:
            continue
        k = work.codes.index(session.module)
        if session.date < today:
            chains[cohort][k] = session
            fixed[cohort][k] = True
            place = work.where(session)
            if place is not None:
                board.book(place[0], place[1], session.facilitators, session.room)
            continue
        wishes[_key(session)] = session
        if keep_later:
            later.append(session)
    for session in later:
        cohort = (session.unit, session.cohort)
        size = sizes[cohort]
        k = work.codes.index(session.module)
        chain = chains[cohort]
        if not work.valid_alone(session, size):
            continue
        before = next((s for s in reversed(chain[:k]) if s is not None), None)
        if before is not None and not _before(before, session, work.gaps[session.module]):
            continue
        first = next((s for s in chain if s is not None), None)
        if (
            first is not None
            and span is not None
            and (work.day(session) - work.day(first)).days > span
        ):
            continue
        day, slot = work.where(session) or (today, 0)
        if not work.fits(day, slot, session.facilitators, session.room):
            continue
        board.book(day, slot, session.facilitators, session.room)
        chain[k] = attrs.evolve(session, size=size) if session.size != size else session
    work.chains, work.fixed, work.wishes = chains, fixed, wishes
    for cohort, chain in chains.items():
        for k, entry in enumerate(chain):
            if entry is not None and not fixed[cohort][k]:
                work.movable[work.day(entry).isocalendar()[:2]][(cohort, k)] = entry
    return work, sizes


def _place(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    keep_later: bool,
    attempts: tuple[tuple[bool, bool], ...] = ATTEMPTS[0],
) -> dict[Key, RolloutSession]:
    """The new plan's sessions by identity; :class:`_NoSlotError` when one cannot be placed."""
    work, sizes = _start(previous, rollout, today, keep_later)
    work.attempts = attempts
    chains = work.chains
    span = rollout.program.max_span_days
    queue = [
        (_due(work, c, chains[c], span), _restart(chains[c]), c)
        for c, chain in chains.items()
        if None in chain
    ]
    heapq.heapify(queue)
    bumps = 0
    while queue:
        due, _, cohort = heapq.heappop(queue)
        if None not in chains[cohort]:
            continue
        for victim in _place_cohort(work, cohort, sizes[cohort], due):
            bumps += 1
            if bumps > MAX_BUMPS:  # pragma: no cover - a safety net against cycles
                raise _NoSlotError(victim, "?")
            chain = chains[victim]
            heapq.heappush(queue, (_due(work, victim, chain, span), _restart(chain), victim))
    return {
        _key(session): session
        for chain in chains.values()
        for session in chain
        if session is not None
    }


MAX_BUMPS: Final = 2_000
"""The most sessions taken from their slot to make room for a more urgent one, per re-plan."""


def _due(
    work: _Replanner, cohort: tuple[str, int], chain: list[RolloutSession | None], span: int | None
) -> int:
    """The day (an ordinal) a cohort's missing sessions must be done by: deadlines, span (EDF)."""
    latest = work.latest[cohort[0]]
    days = [
        latest[code].toordinal()
        for k, code in enumerate(work.codes)
        if chain[k] is None and code in latest
    ]
    first = next((s for s in chain if s is not None), None)
    if first is not None and span is not None:
        days.append(work.day(first).toordinal() + span + 1)
    return min(days, default=NO_DUE)


NO_DUE: Final = dt.date.max.toordinal() + 1
"""The due day of a cohort with neither deadlines nor span: after every day."""


def _restart(chain: list[RolloutSession | None]) -> pendulum.Date:
    """The day of the last session before the first gap in *chain*, for ordering cohorts."""
    day = pendulum.date(1, 1, 1)
    for session in chain:
        if session is None:
            return day
        day = session.date
    return day  # pragma: no cover - only cohorts with a gap are ordered


def _take(work: _Replanner, cohort: tuple[str, int], k: int) -> None:
    """Take session *k* of *cohort* off the board and out of its chain."""
    session = work.chains[cohort][k]
    assert session is not None
    place = work.where(session)
    assert place is not None
    work.board.unbook(place[0], place[1], session.facilitators, session.room)
    del work.movable[work.day(session).isocalendar()[:2]][(cohort, k)]
    work.chains[cohort][k] = None


def _put(work: _Replanner, cohort: tuple[str, int], k: int, session: RolloutSession) -> None:
    """Put *session* on the board as session *k* of *cohort*."""
    place = work.where(session)
    assert place is not None
    work.board.book(place[0], place[1], session.facilitators, session.room)
    work.movable[work.day(session).isocalendar()[:2]][(cohort, k)] = session
    work.chains[cohort][k] = session


def _place_cohort(
    work: _Replanner, cohort: tuple[str, int], size: int, due: int
) -> list[tuple[str, int]]:
    """Fill each gap of the cohort's chain in the earliest valid slot.

    When no slot is free, the cohort's own later sessions are released and placed again;
    when that is not enough either, sessions of cohorts due later are taken from a slot the
    cohort can use (the cohorts returned, to be placed again).
    """
    span = work.rollout.program.max_span_days
    chain = work.chains[cohort]
    fixed = work.fixed[cohort]
    unit, number = cohort
    victims: list[tuple[str, int]] = []
    for k, code in enumerate(work.codes):
        if chain[k] is not None:
            continue
        wish = work.wishes.get((unit, number, code))
        found = None
        for release, bump in work.attempts:
            later = [j for j in range(k + 1, len(chain)) if chain[j] is not None]
            if release and later and not any(fixed[j] for j in later):
                for j in later:
                    _take(work, cohort, j)
            elif release and not bump:
                continue
            taken: list[tuple[str, int]] = []
            found = _earliest(work, cohort, size, k, span, wish, (due, taken) if bump else None)
            if found is not None:
                victims.extend(taken)
                break
        if found is None:
            raise _NoSlotError(cohort, code)
        _put(work, cohort, k, found)
    return victims


def _earliest(
    work: _Replanner,
    cohort: tuple[str, int],
    size: int,
    k: int,
    span: int | None,
    wish: RolloutSession | None,
    bump: tuple[int, list[tuple[str, int]]] | None,
) -> RolloutSession | None:
    """The earliest session of module *k* that fits between the cohort's other sessions.

    With *bump* (the cohort's due day and a list to fill), a slot may be freed by taking
    sessions of cohorts due later than the cohort out of it (they are added to the list).
    """
    chain = work.chains[cohort]
    code = work.codes[k]
    before = next((s for s in reversed(chain[:k]) if s is not None), None)
    after_index = next((j for j in range(k + 1, len(chain)) if chain[j] is not None), None)
    after = chain[after_index] if after_index is not None else None
    first = next((s for s in chain[:k] if s is not None), None)
    last = next((s for s in reversed(chain[k + 1 :]) if s is not None), None)
    deadline = work.latest[cohort[0]].get(code)
    end = min(
        deadline.toordinal() - 1 if deadline is not None else NO_DUE,
        work.day(first).toordinal() + span if first is not None and span is not None else NO_DUE,
        work.day(after).toordinal() - work.gaps[work.codes[after_index]]
        if after is not None and after_index is not None
        else NO_DUE,
    )
    not_before = work.earliest[cohort[0]].get(code)
    begin = max(
        work.day(last).toordinal() - span if last is not None and span is not None else 0,
        work.day(before).toordinal() + work.gaps[code] if before is not None else 0,
        not_before.toordinal() if not_before is not None else 0,
    )
    for day in work.days:
        ordinal = day.toordinal()
        if ordinal > end:
            return None
        if ordinal < begin:
            continue
        for slot in range(len(work.rollout.slots)):
            chosen = work.chooses(day, slot, code, size, wish)
            if chosen is None and bump is not None:
                chosen = _free(work, cohort, day, slot, code, size, wish, bump)
            if chosen is None:
                continue
            session = work.session(cohort[0], cohort[1], size, code, day, slot, *chosen)
            if before is not None and session.start < before.end:
                continue
            if after is not None and after.start < session.end:
                continue
            return session
    return None


def _free(
    work: _Replanner,
    cohort: tuple[str, int],
    day: pendulum.Date,
    slot: int,
    code: str,
    size: int,
    wish: RolloutSession | None,
    bump: tuple[int, list[tuple[str, int]]],
) -> tuple[tuple[str, ...], str | None] | None:
    """Facilitators and a room for the slot after taking later-due sessions out, or ``None``.

    Sessions of the same slot come first, then of the same day, then of the same week; of
    those, the ones whose cohorts are due latest. At most :data:`MAX_VICTIMS` are taken;
    when that does not free the slot, they are put back.
    """
    due, taken = bump
    span = work.rollout.program.max_span_days
    week = work.movable[day.isocalendar()[:2]]
    candidates = []
    for (other, j), session in week.items():
        if other == cohort:
            continue
        chain = list(work.chains[other])
        chain[j] = None
        other_due = _due(work, other, chain, span)
        if other_due <= due:
            continue
        place = work.where(session)
        assert place is not None
        candidates.append(((place != (day, slot), place[0] != day, -other_due), other, j))
    candidates.sort()
    removed: list[tuple[tuple[str, int], int, RolloutSession]] = []
    for _, other, j in candidates:
        victim = work.chains[other][j]
        assert victim is not None
        if not _helps(work, victim, day, slot):
            continue
        _take(work, other, j)
        removed.append((other, j, victim))
        chosen = work.chooses(day, slot, code, size, wish)
        if chosen is not None:
            taken.extend(other for other, _, _ in removed)
            return chosen
        if len(removed) >= MAX_VICTIMS:
            break
    for other, j, victim in reversed(removed):
        _put(work, other, j, victim)
    return None


def _helps(work: _Replanner, session: RolloutSession, day: pendulum.Date, slot: int) -> bool:
    """Whether taking *session* out frees something a session in *day*, *slot* lacks.

    Its room in that very slot, or one of its facilitators who is present that day but busy
    in the slot or at their cap for the day or the week.
    """
    board = work.board
    place = work.where(session)
    assert place is not None
    if session.room is not None and place == (day, slot):
        return True
    year, week, _ = day.isocalendar()
    for name in session.facilitators:
        facilitator = work.facilitators[name]
        if facilitator.is_absent(day):
            continue
        if (
            place == (day, slot)
            or (place[0] == day and board.days[(name, day)] >= facilitator.max_sessions_per_day)
            or board.weeks[(name, year, week)] >= facilitator.max_sessions_per_week
        ):
            return True
    return False


MAX_VICTIMS: Final = 6
"""The most sessions taken out of a slot's week to free it for one session."""


def _new_bound(rollout: Rollout, previous: RolloutPlan) -> LowerBound:
    """The lower bound of the new rollout (the previous plan's when none is proven in a year)."""
    from ledarutveckling._rollout import search as rollout_search
    from ledarutveckling._rollout.planner import _Setup

    setup = _Setup(rollout)
    bound = rollout_search.lower_bound(setup.instance)
    if bound.day is None:
        return previous.bound
    return setup.lower_bound(bound)


def _acceptable(plan: RolloutPlan, today: pendulum.Date) -> bool:
    """Whether *plan* breaks no rule, except rules that sessions held before *today* break."""
    held = {f"sessions[{i}]" for i, s in enumerate(plan.sessions) if s.date < today}
    for problem in check_rollout(plan):
        head = problem.path.split(".")[0]
        if head not in held:
            return False
    return True


def _ordered(rollout: Rollout, sessions: Iterable[RolloutSession]) -> tuple[RolloutSession, ...]:
    units = {unit.name: index for index, unit in enumerate(rollout.units)}
    codes = [m.code for m in rollout.program.modules]
    return tuple(
        sorted(
            sessions,
            key=lambda s: (s.start, units.get(s.unit, -1), s.cohort, codes.index(s.module)),
        )
    )


def replan(previous: RolloutPlan, rollout: Rollout, today: dt.date) -> Replan:
    """Re-plan *previous* for a changed *rollout*, changing as few sessions as it can.

    Sessions before *today* are held: kept as they are. Of the later ones, every session that
    is still valid under *rollout* is kept (same day, slot, facilitators and room), and only
    the others are placed again, in the earliest slots that keep every rule (see
    :mod:`ledarutveckling._rollout.replan` for how). Typical changes: a facilitator's absence
    added (off sick for two weeks), a room taken away, a unit's deadline moved.

    When the minimal-change repair cannot place every session, every session not yet held is
    planned anew around the held ones (``Replan.fallback`` is then true): by a list schedule,
    with nothing held by :func:`~ledarutveckling.scheduling.plan_rollout` from *today*, and
    else by an exact search that finds a re-plan whenever one exists within 80 working days
    of the last first day of a remaining session. It refuses only when it proves that no
    re-plan exists, naming the rule that binds (see Raises), or, for a remainder too large
    for the exact search (or reaching past those days), when none was found.

    Args:
        previous: The plan whose invitations are out.
        rollout: The rollout as it is now (``previous.rollout`` changed with
            :func:`attrs.evolve`); its units' cohorts are split as the planner splits them.
        today: The first day a session may change; a ``datetime.date`` is accepted.

    Returns:
        The new plan and what changed, as a :class:`Replan`; ``to_ical_update(result.previous,
        result.plan, ...)`` gives the calendar update to send.

    Raises:
        ValidationError: For bad arguments (``replan-split-changed`` for a unit split anew
            after its cohorts started), or when no re-plan keeps the held sessions, with the
            rule that binds: ``replan-deadline-passed`` (a module not yet held cannot meet its
            deadline), ``replan-span-passed`` (a started cohort's span runs out),
            ``replan-no-capacity`` (more sessions due in a stretch of days than the rooms or
            facilitators there hold), ``replan-none-exists`` (the exact search's proof); or
            ``replan-not-found`` when a remainder too large for the exact search was not
            placed (no proof that none exists).
    """
    checks = Checker()
    checks.instance("plan", previous, RolloutPlan, "a RolloutPlan")
    checks.instance("rollout", rollout, Rollout, "a Rollout")
    day = as_date(today)
    if not isinstance(day, pendulum.Date):
        checks.add(
            "today",
            today,
            "must be a date, e.g. pendulum.date(2027, 3, 1)",
            ProblemCode.MUST_BE,
            expected=Expected.DATE,
        )
    checks.done()
    assert isinstance(day, pendulum.Date)
    _check_started_cohorts(previous, rollout, day)
    before = {_key(s): s for s in previous.sessions}
    held = {_key(s): s for s in previous.sessions if s.date < day}
    completion = _completion(previous, rollout, day, held)
    if completion.empty() is not None or completion.crowded() is not None:
        raise _refusal(completion, day, proven=True)
    found = _repair(previous, rollout, day, before)
    fallback = False
    if found is None:
        found, fallback = _complete(previous, rollout, day, completion)
    bound = previous.bound if _restricts(rollout, previous.rollout) else None
    if bound is None:
        bound = _new_bound(rollout, previous)
    plan = RolloutPlan(rollout=rollout, sessions=found, bound=bound)
    return _compare(previous, plan, day, fallback)


def _restricts(new: Rollout, old: Rollout) -> bool:
    """Whether every plan of *new* is a plan of *old*: the old lower bound holds for it.

    True for the typical changes (an absence added, a room lost or smaller, a deadline
    earlier, an earliest date later, lower caps or fewer skills), and for no change.
    """
    if (
        new.program != old.program
        or new.slots != old.slots
        or new.start != old.start
        or new.cohort_sizes != old.cohort_sizes
        or new.self_paced_days != old.self_paced_days
        or not (new.calendar is old.calendar or new.calendar == old.calendar)
        or [(u.name, u.headcount) for u in new.units] != [(u.name, u.headcount) for u in old.units]
    ):
        return False
    facilitators = {f.name: f for f in old.facilitators}
    for f in new.facilitators:
        g = facilitators.get(f.name)
        if (
            g is None
            or f.max_sessions_per_day > g.max_sessions_per_day
            or f.max_sessions_per_week > g.max_sessions_per_week
            or not set(g.absences) <= set(f.absences)
            or not _fewer_skills(f.modules, g.modules)
        ):
            return False
    rooms = {r.name: r.capacity for r in old.rooms}
    if any(r.capacity > rooms.get(r.name, 0) for r in new.rooms):
        return False
    for unit, before in zip(new.units, old.units, strict=True):
        if (
            any(unit.deadlines.get(code, day) > day for code, day in before.deadlines.items())
            or any(code not in unit.deadlines for code in before.deadlines)
            or any(unit.not_before.get(code, day) < day for code, day in before.not_before.items())
            or (
                before.max_away is not None
                and (unit.max_away is None or unit.max_away > before.max_away)
            )
        ):
            return False
    return True


def _fewer_skills(new: tuple[str, ...] | None, old: tuple[str, ...] | None) -> bool:
    """Whether the modules *new* lets a facilitator lead are among those *old* did."""
    return old is None or (new is not None and set(new) <= set(old))


def _score(
    before: dict[Key, RolloutSession], placed: dict[Key, RolloutSession], end: pendulum.Date
) -> tuple[int, pendulum.Date]:
    """How many sessions a candidate moves, adds and cancels, and its last day."""
    changes = len(before.keys() ^ placed.keys()) + sum(
        1
        for key, session in placed.items()
        if key in before and not same_session(before[key], session)
    )
    return changes, end


def _repair(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    before: dict[Key, RolloutSession],
) -> tuple[RolloutSession, ...] | None:
    """The minimal-change repair: every valid later session kept, the others placed again.

    The greedy placement (both orders of :data:`ATTEMPTS`), else a list schedule of the
    missing sessions around the kept ones (:class:`~ledarutveckling._rollout.completion.
    Completion`); the candidate with the fewest changes, then the earliest end, is kept.
    ``None`` when neither places every session.
    """
    best: tuple[tuple[int, pendulum.Date], tuple[RolloutSession, ...]] | None = None
    for attempts in ATTEMPTS:
        try:
            placed = _place(previous, rollout, today, True, attempts)
        except _NoSlotError:
            break  # the other order rarely succeeds where this one fails: go on below
        candidate = RolloutPlan(
            rollout=rollout, sessions=_ordered(rollout, placed.values()), bound=previous.bound
        )
        if not _acceptable(candidate, today):
            continue
        score = _score(before, placed, candidate.end_date)
        if best is None or score < best[0]:
            best = (score, candidate.sessions)
        if score[0] == 0:
            break
    if best is not None:
        return best[1]
    work, _ = _start(previous, rollout, today, True)
    valid = {
        _key(session): session
        for chain in work.chains.values()
        for session in chain
        if session is not None
    }
    for weeks in KEEP_WEEKS:
        until = today.add(weeks=weeks) if weeks is not None else None
        fixed = {
            key: session
            for key, session in valid.items()
            if until is None or session.date < until or session.date < today
        }
        completion = _completion(previous, rollout, today, fixed)
        blocked = {completion.cohorts[c][:2] for c, _ in completion.empties()}
        if blocked:
            # Kept sessions that leave a missing one no room: their cohorts go again whole.
            fixed = {
                key: session
                for key, session in fixed.items()
                if key[:2] not in blocked or session.date < today
            }
            completion = _completion(previous, rollout, today, fixed)
        placements = completion.schedule(previous.end_date, tries=REPAIR_TRIES)
        if placements is not None:
            placed = {**fixed, **completion.sessions(placements)}
            return _accepted(previous, rollout, today, placed)
    return None


REPAIR_TRIES: Final = 6

KEEP_WEEKS: Final = (None, 4)
"""The repair around the kept sessions keeps every valid later session (``None``), else
only those within this many weeks of *today*, the others placed again with the rest."""
"""The last days the repair around the kept sessions tries before all unheld work is planned
anew (see :meth:`Completion.schedule`)."""


def _completion(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    fixed: dict[Key, RolloutSession],
) -> Completion:
    """The work left around *fixed* sessions, in integer form."""
    from ledarutveckling._rollout.completion import Completion

    split = _split(previous, rollout, today)
    cohorts = [
        (unit.name, number, size)
        for unit in rollout.units
        for number, size in enumerate(split[unit.name], 1)
    ]
    wishes = {_key(s): s for s in previous.sessions if s.date >= today}
    return Completion(rollout, max(today, rollout.start), cohorts, fixed, wishes)


def _accepted(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    placed: dict[Key, RolloutSession],
) -> tuple[RolloutSession, ...] | None:
    """The sessions in order, when they keep every rule the held sessions did not break."""
    candidate = RolloutPlan(
        rollout=rollout, sessions=_ordered(rollout, placed.values()), bound=previous.bound
    )
    if not _acceptable(candidate, today):  # pragma: no cover - the searches keep every rule
        return None
    return candidate.sessions


def _complete(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, completion: Completion
) -> tuple[tuple[RolloutSession, ...], bool]:
    """Every session not yet held planned anew around the held ones (*completion*), or the refusal.

    A list schedule first; when nothing is held, :func:`plan_rollout` from *today*; then the
    exact search, which finds a completion whenever one exists (within
    :data:`~ledarutveckling._rollout.completion.HORIZON_YEARS`) or proves there is none.
    Returns the sessions and whether this is the fallback (the later sessions planned anew).
    """
    held = {_key(s): s for s in previous.sessions if s.date < today}
    placements = completion.schedule(previous.end_date)
    if placements is not None:
        found = _accepted(previous, rollout, today, {**held, **completion.sessions(placements)})
        if found is not None:
            return found, True
    if not held:
        from ledarutveckling._rollout.planner import plan_rollout

        try:
            fresh = plan_rollout(attrs.evolve(rollout, start=max(today, rollout.start)))
        except ValidationError:
            pass
        else:
            # plan_rollout may give a plan that misses deadlines it proved out of reach: that
            # is no re-plan, and the exact search below decides.
            if _acceptable(fresh, today):
                return fresh.sessions, True
    exact = completion.exact()
    if isinstance(exact, list):
        found = _accepted(previous, rollout, today, {**held, **completion.sessions(exact)})
        if found is not None:
            return found, True
    raise _refusal(completion, today, proven=exact is False)


def _refusal(completion: Completion, today: pendulum.Date, proven: bool) -> ValidationError:
    """Why no re-plan was found, naming the rule that binds.

    Checked in turn: a module not yet held whose deadline comes before the first day it can
    be held (today, its earliest date, the gaps after the cohort's held sessions and the
    calendar); a started cohort whose span ends before its remaining modules can be held;
    a count of the sessions that must be held in a stretch of days against what the
    facilitators or rooms offer there; else, when the exact search proved it, that no
    completion exists, and when it did not (too large to prove), that none was found.
    """
    from ledarutveckling._rollout.planner import _infeasible

    empty = completion.empty()
    rule = completion.binding(*empty) if empty is not None else None
    if empty is not None and rule is not None:
        c, k = empty
        unit, number, _ = completion.cohorts[c]
        code, deadline = rule
        if deadline is None:
            started = completion.fixed_at[c][0]
            assert started is not None
            first = pendulum.date(1, 1, 1).add(days=started[0] - 1)
            span = completion.rollout.program.max_span_days
            return _infeasible(
                "program.max_span_days",
                span,
                f"{unit}, kohort {number}, började {format_date(first)} och kan inte hålla "
                f"{completion.codes[k]} inom programmets längsta tid, {span} dagar, efter "
                f"{format_date(today)}",
                ProblemCode.REPLAN_SPAN_PASSED,
                unit=unit,
                cohort=number,
                module=completion.codes[k],
                first=first,
                days=str(span),
                day=today,
            )
        return _infeasible(
            f"units[{completion.units[unit]}].deadlines",
            deadline,
            f"{unit}, kohort {number}: {code} är inte hållen och kan inte hållas före "
            f"{format_date(deadline)}, från {format_date(today)} med modulernas mellanrum "
            "och kalendern",
            ProblemCode.REPLAN_DEADLINE_PASSED,
            unit=unit,
            cohort=number,
            module=code,
            deadline=deadline,
            day=today,
        )
    crowd = completion.crowded() if empty is None else None
    if crowd is not None:
        unit, number, _ = completion.cohorts[crowd.cohort]
        first = completion.days[crowd.first // completion.ns]
        last = completion.days[crowd.last // completion.ns]
        rooms = crowd.resource == "rooms"
        resource = (
            Counted(number=len(completion.rollout.rooms), thing="room")
            if rooms
            else Counted(number=len(completion.facs), thing="facilitator")
        )
        return _infeasible(
            "rooms" if rooms else "facilitators",
            crowd.capacity,
            f"Ingen omplanering finns som behåller träffarna före {format_date(today)}: "
            f"{crowd.demand} träffar (bland dem {unit}, kohort {number}, "
            f"{completion.codes[crowd.module]}) måste hållas {format_date(first)}–"
            f"{format_date(last)}, men {resource.label()} räcker bara till {crowd.capacity}",
            ProblemCode.REPLAN_NO_CAPACITY,
            day=today,
            count=str(crowd.demand),
            unit=unit,
            cohort=number,
            module=completion.codes[crowd.module],
            first=first,
            last=last,
            resource=resource,
            capacity=str(crowd.capacity),
        )
    rollout = completion.rollout
    if proven:
        dated = any(u.deadlines for u in rollout.units)
        rules = _rules(rollout, ReplanRule.DEADLINES if dated else None)
        return _infeasible(
            "rollout",
            today.isoformat(),
            f"Ingen omplanering finns som behåller träffarna före {format_date(today)}: "
            f"de återstående träffarna kan inte hållas inom {format_value(rules)}",
            ProblemCode.REPLAN_NONE_EXISTS,
            day=today,
            rules=rules,
        )
    c, k = completion.todo[0]
    unit, number, _ = completion.cohorts[c]
    dated = any(u.deadlines for u in rollout.units if u.name == unit)
    rules = _rules(rollout, ReplanRule.OWN_DEADLINE if dated else None)
    return _infeasible(
        "rollout",
        f"{unit}, {number}: {completion.codes[k]}",
        f"Ingen omplanering hittades som behåller träffarna före {format_date(today)}: "
        f"{unit}, kohort {number}, får ingen tid för {completion.codes[k]} inom "
        f"{format_value(rules)}; planera om från början med plan_rollout",
        ProblemCode.REPLAN_NOT_FOUND,
        day=today,
        unit=unit,
        cohort=number,
        module=completion.codes[k],
        rules=rules,
    )


def _rules(rollout: Rollout, deadlines: ReplanRule | None) -> tuple[ReplanRule, ...]:
    """The rules a refusal names, those the rollout has.

    *deadlines* (when given), the gaps between the modules (with more than one scheduled),
    the program's longest span (when it has one), and the facilitators' and rooms' times.
    """
    program = rollout.program
    rules = [] if deadlines is None else [deadlines]
    if len(rollout_windows.scheduled(program.modules)) > 1:
        rules.append(ReplanRule.GAPS)
    if program.max_span_days is not None:
        rules.append(ReplanRule.SPAN)
    return (*rules, ReplanRule.TIMES)


def _split(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date) -> dict[str, list[int]]:
    """Each unit's cohort sizes in the re-plan.

    A unit whose cohorts have started (a session before *today*) keeps its cohorts as
    they are, when its headcount is the same; any other unit is split as the planner
    splits it, within the cohort sizes the rooms now hold (see
    :func:`~ledarutveckling._rollout.problem.held_sizes`): losing the largest room splits
    the units that have not started into cohorts that fit the rooms left.
    """
    size = held_sizes(rollout)
    before = {u.name: u.headcount for u in previous.rollout.units}
    found: dict[str, list[int]] = {}
    for unit in rollout.units:
        own = {s.cohort: s.size for s in previous.sessions if s.unit == unit.name}
        started = any(s.unit == unit.name and s.date < today for s in previous.sessions)
        if started and before.get(unit.name) == unit.headcount:
            found[unit.name] = [own[number] for number in sorted(own)]
        else:
            found[unit.name] = _sizes(unit.headcount, size) or []
    return found


def _check_started_cohorts(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date) -> None:
    """Refuse a rollout that splits a unit whose cohorts have started otherwise."""
    checks = Checker()
    split = _split(previous, rollout, today)
    for index, unit in enumerate(rollout.units):
        sizes = split[unit.name]
        started = {
            (s.cohort, s.size) for s in previous.sessions if s.unit == unit.name and s.date < today
        }
        if any(number > len(sizes) or sizes[number - 1] != size for number, size in started):
            checks.add(
                f"rollout.units[{index}].headcount",
                unit.headcount,
                f"splits {unit.name} into other cohorts than those that have started before "
                f"{today.isoformat()}; keep the headcount, or plan the rest as a unit of its own",
                ProblemCode.REPLAN_SPLIT_CHANGED,
                unit=unit.name,
                day=today,
            )
    checks.done()


def _compare(
    previous: RolloutPlan, plan: RolloutPlan, today: pendulum.Date, fallback: bool
) -> Replan:
    old = {_key(s): s for s in previous.sessions}
    new = {_key(s): s for s in plan.sessions}
    held, kept, moved, added = [], [], [], []
    for key, session in new.items():
        before = old.get(key)
        if before is None:
            added.append(session)
        elif before.date < today and same_session(before, session):
            held.append(session)
        elif same_session(before, session):
            kept.append(session)
        else:
            moved.append((before, session))
    cancelled = [s for key, s in old.items() if key not in new]
    return Replan(
        plan=plan,
        previous=previous,
        today=today,
        held=held,
        kept=kept,
        moved=moved,
        added=added,
        cancelled=cancelled,
        fallback=fallback,
    )
