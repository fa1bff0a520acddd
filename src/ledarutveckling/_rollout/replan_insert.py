"""The re-plan's re-insertion (private, see :mod:`ledarutveckling._rollout.replan`).

Every later session still valid stays where it is, and only the displaced ones (a sick
facilitator's, a lost room's, a deadline's) are inserted again, one at a time, each at the
least cost in *new* changes, found by iterative deepening on that cost:

* cost 0: a slot free in the session's window (between its cohort's neighbours, within its
  deadline, earliest date and span), the earliest;
* else an *ejection*: a session of another cohort that blocks a slot of the window (its
  room, or one of the facilitators the slot lacks) is taken out, the session takes the slot,
  and the one taken out is inserted again the same way with what is left of the budget;
  (a second session of that very slot is taken out too when one does not free enough, as
  for a module led in pairs);
* or a *push*: the cohort's next session is taken out, the session goes to the earliest
  free slot past it, and the next one is inserted again after it;
* or a *pull*: the cohort's previous session is taken out (its gap leaves the session no
  day before its deadline), the session goes to the earliest free slot, and the previous
  one is inserted again before it;
* or the cohort *placed anew* (:meth:`_Search._anew`): its other sessions not held taken
  out and inserted again, the first one to a day before (at most :data:`PULL_DAYS`) or
  after the one it had: for gaps that run past a new deadline, or a span that ends in a
  stretch with no free slot (the summer);
* or, for the displaced session itself, its cohort's timetable *swapped*
  (:meth:`_Search._swap`) with that of a cohort not started that fits it.

Taking out a session still as it was costs one change; one already changed costs none. The
sessions of one insertion are locked (never taken out again in it), and a search gives up
after :data:`NODES` tries, leaving the re-plan to the greedy repair of
:mod:`~ledarutveckling._rollout.replan_repair`. Not an exact search: each displaced session
is inserted at its least cost given the ones inserted before it (earliest due first); how
far that is from the fewest changes is measured by ``benchmarks/replan.py`` against the
sessions that had to change (its ``forced`` column). When the search was cheap, it runs a
second time without placing cohorts anew, and the result with fewer changes is kept
(:func:`_reinsert`).

:func:`_polish` puts a re-plan's changed sessions back where they were when the changed
sessions holding the slot find another place at no new change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import pendulum

from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession
from ledarutveckling._rollout.problem import Rollout
from ledarutveckling._rollout.replan_board import (
    Key,
    _key,
    midnight,
    same_session,
)
from ledarutveckling._rollout.replan_repair import (
    _due,
    _put,
    _restart,
    _score,
    _start,
)
from ledarutveckling._rollout.replan_search import FEW_NODES, NODES, Slot, _Search

COSTS: Final = (0, 1, 2, 3, 5, 8, 12)
"""The budgets of new changes tried in turn for one displaced session's insertion (besides
its own change): the first that inserts it is kept."""

EFFORT: Final = 3_500
"""The most sessions a whole re-insertion tries to insert or looks past (it gives up
beyond, leaving the re-plan to the greedy repair): about 0.7 s."""

EFFORT_EACH: Final = 1_200
"""The same for one displaced session."""

SHALLOW: Final = 3
"""The budgets of :data:`COSTS` tried before the chain of swaps (:meth:`_Search.chain`)."""


def _polish(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, found: Iterable[RolloutSession]
) -> dict[Key, RolloutSession]:
    """*found*, a re-plan's sessions, with changed sessions put back as they were.

    Each later session that differs from the previous plan's is put back in its old day,
    slot, facilitators and room when the sessions holding them there have changed too and
    find another place without a new change (:meth:`_Search.back`); passes are repeated
    while one goes back, at most :data:`POLISH_PASSES`. Only ever removes changes.
    """
    work, sizes = _start(previous, rollout, today, False)
    cut = midnight(today)
    for placed in found:
        if placed.start >= cut:
            _put(work, (placed.unit, placed.cohort), work.codes.index(placed.module), placed)
    search = _Search(work, sizes, previous.end_date.toordinal())
    for _ in range(POLISH_PASSES):
        back = 0
        for cohort, chain in work.chains.items():
            for k, session in enumerate(chain):
                wish = work.wishes.get((cohort[0], cohort[1], work.codes[k]))
                if (
                    session is not None
                    and wish is not None
                    and not same_session(wish, session)
                    and search.back(cohort, k, wish)
                ):
                    back += 1
        if not back:
            break
    return {_key(s): s for chain in work.chains.values() for s in chain if s is not None}


POLISH_PASSES: Final = 3
"""The most passes of :func:`_polish` over the changed sessions."""


def _reinsert(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date
) -> tuple[dict[Key, RolloutSession], int] | None:
    """The new plan's sessions by identity, each displaced session re-inserted; or ``None``.

    Also returns how many sessions were displaced (not kept by
    :func:`~ledarutveckling._rollout.replan_repair._start`). ``None`` when a displaced
    session cannot be inserted within the last of :data:`COSTS` new changes and
    :data:`NODES` tries.

    The search runs with cohorts placed anew (:meth:`_Search._anew`); when that was
    cheap (at most :data:`SECOND_EFFORT`) and left more changes than sessions displaced,
    it runs again without, and the result with fewer changes, then the earlier end, is
    kept: each heuristic order wins on some re-plans.
    """
    found = _reinserted(previous, rollout, today, True, EFFORT)
    if found is None:
        return None
    placed, displaced, effort = found
    before = {_key(s): s for s in previous.sessions}
    score = _score(before, placed, max(s.date for s in placed.values()))
    if score[0] > displaced and effort <= SECOND_EFFORT:
        again = _reinserted(previous, rollout, today, False, EFFORT - effort)
        if again is not None:
            other = _score(before, again[0], max(s.date for s in again[0].values()))
            if other < score:
                placed = again[0]
    return placed, displaced


SECOND_EFFORT: Final = 1_200
"""The most effort (see :data:`EFFORT`) after which :func:`_reinsert` runs the search a
second time, without placing cohorts anew."""


def _reinserted(
    previous: RolloutPlan, rollout: Rollout, today: pendulum.Date, anew: bool, effort: int
) -> tuple[dict[Key, RolloutSession], int, int] | None:
    """One re-insertion (see :func:`_reinsert`), within *effort*; and the effort it took."""
    work, sizes = _start(previous, rollout, today, True)
    search = _Search(work, sizes, previous.end_date.toordinal())
    search.anew_allowed = anew
    span = rollout.program.max_span_days
    chains = work.chains
    order = sorted(
        (c for c, chain in chains.items() if None in chain),
        key=lambda c: (_due(work, c, chains[c], span), _restart(work, chains[c]), c),
    )
    displaced = sum(chain.count(None) for chain in chains.values())
    for cohort in order:
        for k in range(len(work.codes)):
            if chains[cohort][k] is not None:
                continue
            search.reach.clear()
            search.failed.clear()
            spent = search.effort
            if (
                not _insert(search, cohort, k)
                or search.effort > effort
                or search.effort - spent > EFFORT_EACH
            ):
                return None
    placed = {_key(s): s for chain in chains.values() for s in chain if s is not None}
    return placed, displaced, search.effort


def _insert(search: _Search, cohort: Slot, k: int) -> bool:
    """Insert one displaced session: shallow searches, the chain of swaps, deeper searches."""
    base = search.spent
    search.root = (cohort, k)
    search.most = FEW_NODES
    for budget in COSTS[:SHALLOW]:
        search.nodes = 0
        search.limit = base + budget
        if search.insert(cohort, k):
            return True
    search.limit = base
    if search.chain(cohort, k):
        return True
    search.most = NODES
    for budget in COSTS[SHALLOW:]:
        search.nodes = 0
        search.limit = base + budget
        if search.insert(cohort, k):
            return True
    return False
