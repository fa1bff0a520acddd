"""The re-plan's minimal-change repair (private, see :mod:`ledarutveckling._rollout.replan`).

Keep every later session still valid, place the others again in the earliest slot where
every rule holds (releasing the cohort's own later sessions, or bumping sessions of cohorts
due later, in the orders of :data:`~ledarutveckling._rollout.replan_board.ATTEMPTS`), and
when that fails, list-schedule the missing sessions around the kept ones
(:class:`~ledarutveckling._rollout.completion.Completion`).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling._rollout.replan_board import (
    ATTEMPTS,
    Key,
    _before,
    _fresh,
    _key,
    _NoSlotError,
    _opened_early,
    _Replanner,
    _split,
    midnight,
    same_session,
)

if TYPE_CHECKING:  # the completion is imported by the first re-plan that needs one
    from ledarutveckling._rollout.completion import Completion


def _start(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, keep_later: bool
) -> tuple[_Replanner, dict[tuple[str, int], int]]:
    """The board with the held sessions, and the later ones still valid when *keep_later*."""
    work = _Replanner(
        rollout, today, _split(previous, rollout, today), _fresh(previous, rollout, today)
    )
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
    cut = midnight(today)
    for session in sorted(previous.sessions, key=lambda s: s.start):
        cohort = (session.unit, session.cohort)
        if cohort not in chains or session.module not in work.gaps:
            continue
        k = work.codes.index(session.module)
        if session.start < cut:
            chains[cohort][k] = session
            fixed[cohort][k] = True
            place = work.where(session)
            if place is not None:
                board.book(
                    place[0],
                    place[1],
                    session.facilitators,
                    session.room,
                    (session.unit, session.size),
                )
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
            and work.day(session).toordinal() - work.day(first).toordinal() > span
        ):
            continue
        day, slot = work.where(session) or (today, 0)
        if not work.fits(day, slot, session.facilitators, session.room) or not work.away_fits(
            session.unit, day, slot, size
        ):
            continue
        board.book(day, slot, session.facilitators, session.room, (session.unit, size))
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
        (_due(work, c, chains[c], span), _restart(work, chains[c]), c)
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
            heapq.heappush(queue, (_due(work, victim, chain, span), _restart(work, chain), victim))
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


def _without(work: _Replanner, cohort: tuple[str, int], j: int, span: int | None) -> int:
    """The cohort's due day (:func:`_due`) with its session *j* taken out, remembered."""
    known = work.dues.setdefault(cohort, {})
    due = known.get(j)
    if due is None:
        chain = list(work.chains[cohort])
        chain[j] = None
        due = known[j] = _due(work, cohort, chain, span)
    return due


def _restart(work: _Replanner, chain: list[RolloutSession | None]) -> pendulum.Date:
    """The day of the last session before the first gap in *chain*, for ordering cohorts."""
    day = pendulum.date(1, 1, 1)
    for session in chain:
        if session is None:
            return day
        day = work.day(session)
    return day  # pragma: no cover - only cohorts with a gap are ordered


def _take(work: _Replanner, cohort: tuple[str, int], k: int) -> None:
    """Take session *k* of *cohort* off the board and out of its chain."""
    session = work.chains[cohort][k]
    assert session is not None
    place = work.where(session)
    assert place is not None
    work.board.unbook(
        place[0], place[1], session.facilitators, session.room, (session.unit, session.size)
    )
    del work.movable[work.day(session).isocalendar()[:2]][(cohort, k)]
    work.chains[cohort][k] = None
    work.dues.pop(cohort, None)


def _put(work: _Replanner, cohort: tuple[str, int], k: int, session: RolloutSession) -> None:
    """Put *session* on the board as session *k* of *cohort*."""
    place = work.where(session)
    assert place is not None
    work.board.book(
        place[0], place[1], session.facilitators, session.room, (session.unit, session.size)
    )
    work.movable[work.day(session).isocalendar()[:2]][(cohort, k)] = session
    work.chains[cohort][k] = session
    work.dues.pop(cohort, None)


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
    not_before = work.not_before(cohort[0], cohort[1], code)
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
            if not work.away_fits(cohort[0], day, slot, size):
                continue
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
        other_due = _without(work, other, j, span)
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
        if work.absent(facilitator, day):
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


def _acceptable(
    plan: RolloutPlan, today: pendulum.Date, previous: RolloutPlan | None = None
) -> bool:
    """Whether *plan* breaks no rule, except rules that sessions held before *today* break.

    With *previous* (the plan re-planned), also whether it opens no self-paced window
    before *today* that *previous* had not opened (see ``replan_board._fresh``).
    """
    if previous is not None and _opened_early(previous, plan, today):
        return False
    cut = midnight(today)
    held = {f"sessions[{i}]" for i, s in enumerate(plan.sessions) if s.start < cut}
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

    The greedy placement (both orders of :data:`ATTEMPTS`), else a list
    schedule of the missing sessions around the kept ones (:class:`~ledarutveckling.
    _rollout.completion.Completion`); the candidate with the fewest changes, then the
    earliest end, is kept. ``None`` when neither places every session.
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
        if not _acceptable(candidate, today, previous):
            continue
        score = _score(before, placed, candidate.end_date)
        if best is None or score < best[0]:
            best = (score, candidate.sessions)
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
        until = midnight(today.add(weeks=weeks)) if weeks is not None else None
        fixed = {
            key: session for key, session in valid.items() if until is None or session.start < until
        }
        completion = _completion(previous, rollout, today, fixed)
        cut = midnight(today)
        blocked = {completion.cohorts[c][:2] for c, _ in completion.empties()}
        if blocked:
            # Kept sessions that leave a missing one no room: their cohorts go again whole.
            fixed = {
                key: session
                for key, session in fixed.items()
                if key[:2] not in blocked or session.start < cut
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
    cut = midnight(today)
    wishes = {_key(s): s for s in previous.sessions if s.start >= cut}
    return Completion(
        rollout,
        max(today, rollout.start),
        cohorts,
        fixed,
        wishes,
        fresh=_fresh(previous, rollout, today),
    )


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
    if not _acceptable(
        candidate, today, previous
    ):  # pragma: no cover - the searches keep every rule
        return None
    return candidate.sessions


def _restore(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    found: tuple[RolloutSession, ...],
) -> tuple[RolloutSession, ...]:
    """*found* with each moved session put back as it was, where that keeps every rule.

    A re-plan's searches move a session out of the way and then, as the sessions around it
    move too, may leave its old slot free. Each later session that differs from the previous
    plan's is tried back in its old day, slot, facilitators and room: still valid on its own
    (:meth:`_Replanner.valid_alone`), in order with its cohort's sessions by the gaps and
    within the span, and free on the board (facilitators' slots and caps, the room, the
    unit's ``max_away``); passes are repeated while one puts a session back. Fewer changes
    only: a session is never moved from where the previous plan had it.
    """
    cut = midnight(today)
    old = {_key(s): s for s in previous.sessions if s.start >= cut}
    if all(_key(s) not in old or same_session(old[_key(s)], s) for s in found):
        return found
    work = _Replanner(
        rollout, today, _split(previous, rollout, today), _fresh(previous, rollout, today)
    )
    span = rollout.program.max_span_days
    chains: dict[tuple[str, int], list[RolloutSession | None]] = {}
    for placed in found:
        chain = chains.setdefault((placed.unit, placed.cohort), [None] * len(work.codes))
        chain[work.codes.index(placed.module)] = placed
        at = work.where(placed)
        if at is not None:
            work.board.book(
                at[0], at[1], placed.facilitators, placed.room, (placed.unit, placed.size)
            )
    again = True
    restored_any = False
    while again:
        again = False
        for (unit, _), chain in chains.items():
            for k, session in enumerate(chain):
                wish = old.get(_key(session)) if session is not None else None
                if session is None or wish is None or same_session(wish, session):
                    continue
                back = attrs.evolve(wish, size=session.size)
                if not _fits_back(work, chain, k, back, span):
                    continue
                now = work.where(session)
                place = work.where(back)
                assert now is not None
                assert place is not None
                size = (unit, session.size)
                work.board.unbook(now[0], now[1], session.facilitators, session.room, size)
                if work.fits(place[0], place[1], back.facilitators, back.room) and (
                    work.away_fits(unit, place[0], place[1], session.size)
                ):
                    work.board.book(place[0], place[1], back.facilitators, back.room, size)
                    chain[k] = back
                    again = restored_any = True
                else:
                    work.board.book(now[0], now[1], session.facilitators, session.room, size)
    if not restored_any:  # as it came, already checked
        return found
    restored = RolloutPlan(
        rollout=rollout,
        sessions=_ordered(rollout, (s for chain in chains.values() for s in chain if s)),
        bound=previous.bound,
    )
    if not _acceptable(restored, today, previous):  # pragma: no cover - every rule is checked above
        return found
    return restored.sessions


def _fits_back(
    work: _Replanner,
    chain: list[RolloutSession | None],
    k: int,
    back: RolloutSession,
    span: int | None,
) -> bool:
    """Whether *back* may be session *k* of *chain*: valid alone, gaps and span kept."""
    if not work.valid_alone(back, back.size):
        return False
    before = chain[k - 1] if k else None
    after = chain[k + 1] if k + 1 < len(chain) else None
    if before is not None and not _before(before, back, work.gaps[work.codes[k]]):
        return False
    if after is not None and not _before(back, after, work.gaps[work.codes[k + 1]]):
        return False
    if span is None:
        return True
    days = [work.day(s) for s in (*chain[:k], back, *chain[k + 1 :]) if s is not None]
    return (max(days) - min(days)).days <= span
