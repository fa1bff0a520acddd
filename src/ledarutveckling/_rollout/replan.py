"""Re-planning a rollout after a change, keeping the sessions already sent out (replan).

Once invitations are out, a new plan from scratch would move most sessions even when one
facilitator falls ill. :func:`replan` changes as little as it can:

1. Every session before *today* is **held**: kept as it is, never moved, even when the new
   rollout would not allow it any more (an absence entered afterwards).
2. Every later session that is still valid under the new rollout is **kept**: on a working
   day, on or after the start, in one of the slots, its facilitators known, present, allowed
   to lead the module and within their caps, its room known and large enough, its unit's
   people away in the slot within ``max_away``, before its unit's deadlines and not
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
   repairs (:data:`~ledarutveckling._rollout.replan_board.ATTEMPTS`) places every session,
   the second is tried too, and the plan with fewer changes, then the earlier end, is kept.

Before the greedy repair, the displaced sessions alone are re-inserted around every valid
later session (:mod:`~ledarutveckling._rollout.replan_insert`: free slots, ejections,
pushes and pulls within the cohort, a cohort placed anew, a cohort's timetable swapped with
another's, chains of swaps); the greedy repair runs only when that finds nothing.

When the greedy repair cannot place a session, the missing sessions are list-scheduled
around the kept ones (:class:`~ledarutveckling._rollout.completion.Completion`), first with
every valid later session kept, then with only those of the next
:data:`~ledarutveckling._rollout.replan_repair.KEEP_WEEKS` weeks
(cohorts whose kept sessions leave a missing one no room go again whole).

When that fails too, every session not yet held is planned anew around the held ones (the
*fallback*): by the completion's list schedule over candidate last days, first *sticky*
(each session left in its slot unless a session due within :data:`STICKY_DAYS` needs it),
then plain (earliest due first); with nothing held,
by :func:`plan_rollout` from *today*; else by the completion's exact search (an integer
program solved by HiGHS), which finds a completion whenever one exists within
:data:`~ledarutveckling._rollout.completion_exact.EXACT_DAYS` working days of the last first day
of a remaining session, and proves that none exists when no window reaches past them.
Before any of this, three cheap proofs are tried (a started cohort no room left takes, which
is not split: ``replan-room-too-small``; an empty window; more sessions due in a stretch
than the rooms or facilitators there hold): a refusal always names the rule that
binds, with a proof, except ``replan-not-found`` for a remainder too large for the exact
search (:data:`~ledarutveckling._rollout.completion_exact.EXACT_LIMIT`) that the list schedules did
not place either.

Whichever search found it, the result then goes through a *restore* pass
(:func:`~ledarutveckling._rollout.replan_repair._restore`): each moved session is put back
as it was when that still keeps every rule, which only removes changes; then a *polish*
(:func:`~ledarutveckling._rollout.replan_insert._polish`) puts back those whose old slot is
held by sessions that have changed too and find another place at no new change.

Guaranteed: every result passes :func:`check_rollout` except for rules that the held
sessions broke before the change, and keeps the held sessions as they were. Aimed at, not
proven: the fewest changes, then the earliest end (the repair keeps every valid later
session; the fallback moves many of them). ``benchmarks/replan_minimal.py`` measures the gap
to the fewest changes on small re-plans against ``Completion.exact(changes=True)``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_date
from ledarutveckling._base.messages import Counted, Expected, ProblemCode, ReplanRule, Seating
from ledarutveckling._rollout import replan_repair
from ledarutveckling._rollout import windows as rollout_windows
from ledarutveckling._rollout.lower_bound import LowerBound
from ledarutveckling._rollout.plan import DeadlinesGivenUp, RolloutPlan, RolloutSession
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling._rollout.replan_board import (
    Key,
    _keep_windows,
    _key,
    _split,
    midnight,
    same_session,
)
from ledarutveckling._rollout.replan_insert import _polish, _reinsert
from ledarutveckling._rollout.replan_repair import (
    _acceptable,
    _accepted,
    _completion,
    _ordered,
    _restore,
    _score,
)
from ledarutveckling._rollout.replan_result import Replan, ResizedCohort, _compare
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_value

if TYPE_CHECKING:  # the completion is imported by the first re-plan that needs one
    from ledarutveckling._rollout.completion import Completion

__all__ = ["Replan", "ResizedCohort", "replan"]


def _new_bound(rollout: Rollout, previous: RolloutPlan) -> LowerBound:
    """The lower bound of the new rollout (the previous plan's when none is proven in a year)."""
    from ledarutveckling._rollout import search as rollout_search
    from ledarutveckling._rollout.planner import _Setup

    setup = _Setup(rollout)
    bound = rollout_search.lower_bound(setup.instance)
    if bound.day is None:
        return previous.bound
    return setup.lower_bound(bound)


def replan(previous: RolloutPlan, rollout: Rollout, today: dt.date) -> Replan:
    """Re-plan *previous* for a changed *rollout*, changing as few sessions as it can.

    Sessions before *today* are held: kept as they are. Of the later ones, every session that
    is still valid under *rollout* is kept (same day, slot, facilitators and room), and only
    the others are placed again, in the earliest slots that keep every rule (see
    :mod:`ledarutveckling._rollout.replan` for how). Nothing new is placed before *today*:
    a cohort whose first module is self-paced and whose window for it had not opened before
    *today* (a cohort added, or one not begun) gets its window opening on *today* at the
    earliest; a self-paced window that had opened before *today* is kept exactly as it was
    (:attr:`RolloutPlan.held_windows`), and the session after it keeps its gaps from its
    due day. Typical changes: a facilitator's absence added (off sick for two weeks), a
    room taken away, a unit's deadline moved.

    The units whose deadlines *previous* gave up (:attr:`RolloutPlan.given_up`: a rule
    proved them out of reach, or no plan kept them) are re-planned without those deadlines,
    as :func:`~ledarutveckling.scheduling.plan_rollout` planned them, and the new plan names
    them the same way; to try them again, plan anew with ``plan_rollout``.

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
            rule that binds: ``replan-room-too-small`` (a started cohort no room left takes:
            a cohort is not split once started), ``replan-deadline-passed`` (a module not
            yet held cannot meet its deadline), ``replan-span-passed`` (a started cohort's
            span runs out),
            ``replan-no-capacity`` (more sessions due in a stretch of days than the rooms or
            facilitators there hold), ``replan-none-exists`` (the exact search's proof); or
            ``replan-not-found`` when a remainder too large for the exact search was not
            placed (no proof that none exists).
    """
    checks = Checker()
    checks.instance("plan", previous, RolloutPlan, "a RolloutPlan")
    checks.instance("rollout", rollout, Rollout, "a Rollout")
    day = as_date(today)
    if isinstance(day, dt.datetime):  # pendulum's DateTime is a Date: which day is the zone's
        checks.add(
            "today",
            today,
            "must be a date, not a datetime; take the day in a zone first, "
            "e.g. moment.in_tz('Europe/Stockholm').date()",
            ProblemCode.DATE_NOT_DATETIME,
        )
    elif not isinstance(day, pendulum.Date):
        checks.add(
            "today",
            today,
            "must be a date, e.g. pendulum.date(2027, 3, 1)",
            ProblemCode.MUST_BE,
            expected=Expected.DATE,
        )
    checks.done()
    assert isinstance(day, pendulum.Date)
    given_up = _carried(previous, rollout)
    if given_up:
        # The units whose deadlines the previous plan gave up are re-planned without them,
        # as plan_rollout planned them: with them, the plan that went out breaks its own
        # rules and no re-plan keeps it (not even with nothing changed).
        asked, rollout = rollout, _without_deadlines(rollout, given_up)
        sent, previous = (
            previous,
            attrs.evolve(
                previous,
                rollout=_without_deadlines(previous.rollout, given_up),
                given_up=(),
            ),
        )
    _check_started_cohorts(previous, rollout, day)
    before = {_key(s): s for s in previous.sessions}
    cut = midnight(day)
    held = {_key(s): s for s in previous.sessions if s.start < cut}
    completion = _completion(previous, rollout, day, held)
    _check_rooms(completion, day)
    if completion.empty() is not None or completion.crowded() is not None:
        raise _refusal(completion, day, proven=True)
    found = _repair(previous, rollout, day, before)
    fallback = False
    if found is None:
        found, fallback = _complete(previous, rollout, day, completion)
    found = _restore(previous, rollout, day, found)
    found = _polished(previous, rollout, day, before, found)
    bound = previous.bound if _restricts(rollout, previous.rollout) else None
    if bound is None:
        bound = _new_bound(rollout, previous)
    if given_up:
        plan = RolloutPlan(rollout=asked, sessions=found, bound=bound, given_up=given_up)
        return _compare(sent, _keep_windows(sent, plan, day), day, fallback)
    plan = RolloutPlan(rollout=rollout, sessions=found, bound=bound)
    return _compare(previous, _keep_windows(previous, plan, day), day, fallback)


def _carried(previous: RolloutPlan, rollout: Rollout) -> tuple[DeadlinesGivenUp, ...]:
    """The previous plan's given-up units still in *rollout* (their entries, as they were)."""
    names = {unit.name for unit in rollout.units}
    return tuple(entry for entry in previous.given_up if entry.unit in names)


def _without_deadlines(rollout: Rollout, given_up: tuple[DeadlinesGivenUp, ...]) -> Rollout:
    """*rollout* with the deadlines of the units in *given_up* taken away."""
    names = {entry.unit for entry in given_up}
    units = [attrs.evolve(u, deadlines={}) if u.name in names else u for u in rollout.units]
    return attrs.evolve(rollout, units=units)


def _repair(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    before: dict[Key, RolloutSession],
) -> tuple[RolloutSession, ...] | None:
    """The fewest changes found keeping every valid later session, or ``None``.

    The re-insertion (:func:`~ledarutveckling._rollout.replan_insert._reinsert`) first; when
    it finds nothing (or breaks a rule), the greedy repair
    (:func:`~ledarutveckling._rollout.replan_repair._repair`) and its list schedule around
    the kept sessions. The greedy repair used to run beside a successful re-insertion too,
    for the candidate with fewer changes: on ``benchmarks/replan.py`` it never had fewer,
    and it cost up to a tenth of a second.
    """
    inserted = _reinsert(previous, rollout, today)
    if inserted is not None:
        candidate = RolloutPlan(
            rollout=rollout, sessions=_ordered(rollout, inserted[0].values()), bound=previous.bound
        )
        if _acceptable(candidate, today, previous):
            return candidate.sessions
    return replan_repair._repair(previous, rollout, today, before)


def _polished(
    previous: RolloutPlan,
    rollout: Rollout,
    today: pendulum.Date,
    before: dict[Key, RolloutSession],
    found: tuple[RolloutSession, ...],
) -> tuple[RolloutSession, ...]:
    """*found* with changed sessions put back, when that removes a change and keeps every rule.

    See :func:`~ledarutveckling._rollout.replan_insert._polish`.
    """
    placed = {_key(s): s for s in found}
    if not any(key not in before or not same_session(before[key], s) for key, s in placed.items()):
        return found
    polished = _polish(previous, rollout, today, found)
    end = max(s.date for s in found)
    if _score(before, polished, end)[0] >= _score(before, placed, end)[0]:
        return found
    candidate = RolloutPlan(
        rollout=rollout, sessions=_ordered(rollout, polished.values()), bound=previous.bound
    )
    if not _acceptable(candidate, today, previous):  # a rule the board does not know: as it was
        return found
    return candidate.sessions


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


def _complete(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, completion: Completion
) -> tuple[tuple[RolloutSession, ...], bool]:
    """Every session not yet held planned anew around the held ones (*completion*), or the refusal.

    A list schedule first; when nothing is held, :func:`plan_rollout` from *today*; then the
    exact search, which finds a completion whenever one exists (within
    :data:`~ledarutveckling._rollout.completion_work.HORIZON_YEARS`) or proves there is none.
    Returns the sessions and whether this is the fallback (the later sessions planned anew).
    """
    cut = midnight(today)
    held = {_key(s): s for s in previous.sessions if s.start < cut}
    # Sessions left where they were unless one due within STICKY_DAYS needs the slot, else
    # the plain list schedule (earliest due first).
    placements = None
    for days in (*STICKY_DAYS, None):
        sticky = days * completion.ns if days is not None else None
        tries = STICKY_TRIES if sticky is not None else 64
        placements = completion.schedule(previous.end_date, tries=tries, sticky=sticky)
        if placements is not None:
            break
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
            if _acceptable(fresh, today, previous):
                return fresh.sessions, True
    exact = completion.exact()
    if isinstance(exact, list):
        found = _accepted(previous, rollout, today, {**held, **completion.sessions(exact)})
        if found is not None:
            return found, True
    raise _refusal(completion, today, proven=exact is False)


STICKY_DAYS: Final = (0, 5)
"""The fallback's list schedules, tried in turn until one places every session: a session
stays in its slot (with its facilitators when they are free) unless a session due within
this many working days (0: that very day) needs the slot; then the plain list schedule."""


STICKY_TRIES: Final = 8
"""The last days each sticky list schedule tries (see :meth:`Completion.schedule`): enough
to gallop past the previous plan's end by a season and bisect back a few times."""


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
                f"{unit}, cohort {number}, began {first.isoformat()} and cannot hold "
                f"{completion.codes[k]} within the program's span, {span} days, after "
                f"{today.isoformat()}",
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
            f"{unit}, cohort {number}: {code} is not held and cannot be held before "
            f"{deadline.isoformat()}, from {today.isoformat()} with the modules' gaps and the "
            "calendar",
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
        # The rooms counted are those that take the cohorts counted; a facilitator counts
        # once per session per facilitator it needs.
        resource: Counted | Seating = (
            Seating(rooms=crowd.rooms, seats=crowd.seats)
            if rooms
            else Counted(number=len(completion.facs), thing="facilitator")
        )
        thing = "session" if rooms else "facilitator session"
        count = Counted(number=crowd.demand, thing=thing)
        capacity = Counted(number=crowd.capacity, thing=thing)
        return _infeasible(
            "rooms" if rooms else "facilitators",
            crowd.capacity,
            f"no re-plan keeps the sessions before {today.isoformat()}: "
            f"{count.label('en_GB')} (among them {unit}, cohort {number}, "
            f"{completion.codes[crowd.module]}) must be held {first.isoformat()} to "
            f"{last.isoformat()}, but {resource.label('en_GB')} only give "
            f"{capacity.label('en_GB')}",
            ProblemCode.REPLAN_NO_CAPACITY,
            day=today,
            count=count,
            unit=unit,
            cohort=number,
            module=completion.codes[crowd.module],
            first=first,
            last=last,
            resource=resource,
            capacity=capacity,
        )
    rollout = completion.rollout
    if proven:
        dated = any(u.deadlines for u in rollout.units)
        rules = _rules(rollout, ReplanRule.DEADLINES if dated else None)
        return _infeasible(
            "rollout",
            today.isoformat(),
            f"no re-plan keeps the sessions before {today.isoformat()}: the remaining "
            f"sessions cannot be held within {format_value(rules, locale='en_GB')}",
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
        today.isoformat(),
        f"no re-plan was found that keeps the sessions before {today.isoformat()}: "
        f"{unit}, cohort {number}, gets no time for {completion.codes[k]} within "
        f"{format_value(rules, locale='en_GB')}; plan again from the start with plan_rollout",
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


def _check_started_cohorts(previous: RolloutPlan, rollout: Rollout, today: pendulum.Date) -> None:
    """Refuse a rollout that splits a unit whose cohorts have started otherwise."""
    checks = Checker()
    split = _split(previous, rollout, today)
    cut = midnight(today)
    begun: dict[str, set[tuple[int, int]]] = {}
    for s in previous.sessions:
        if s.start < cut:
            begun.setdefault(s.unit, set()).add((s.cohort, s.size))
    for index, unit in enumerate(rollout.units):
        sizes = split[unit.name]
        started = begun.get(unit.name, set())
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


def _check_rooms(completion: Completion, today: pendulum.Date) -> None:
    """Refuse a started cohort that no room left takes (a room lost mid-rollout).

    A cohort that has started is the same group of people to the end of the program (the
    checker holds every cohort to one size), so it is neither split nor held in a room
    smaller than it: a re-plan has to keep a room it fits, and when none is left there is
    none (add a room, or let the cohort's remaining in-person modules be held elsewhere).
    """
    found = completion.oversized()
    if found is None:
        return
    c, k = found
    from ledarutveckling._rollout.planner import _infeasible

    unit, number, size = completion.cohorts[c]
    seats = max(completion.caps, default=0)
    code = completion.codes[k]
    raise _infeasible(
        "rooms",
        seats,
        f"{unit}, cohort {number}, began with {size} participants, but no room left from "
        f"{today.isoformat()} seats them for {code} (the largest has {seats} seats); a "
        "cohort that has begun is not split",
        ProblemCode.REPLAN_ROOM_TOO_SMALL,
        unit=unit,
        cohort=number,
        size=str(size),
        module=code,
        day=today,
        seats=str(seats),
    )
