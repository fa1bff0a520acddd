"""Witnesses carried from one audit of an audience to the next (private).

The narrowing check decides a hidden group wide enough from solutions of its program (see
:mod:`ledarutveckling._evaluation.interval_ranges`): any solution that meets every row is a
witness, however it was found. An audience's next report adds figures to the same program,
and most of the solutions found for the last one still meet the new rows (a cohort report run
again adds a total the cohorts already give), so the solutions the last search found are kept
per evaluation and offered to the next search of the same measure, each checked against every
row of the new program first (:meth:`~ledarutveckling._evaluation.interval_program._Program._fits`):
one that does not fit is not used. A witness only spares a program; it never decides a group
on its own, so what is found is what solving every program finds.

Only the merged programs are given witnesses (:mod:`ledarutveckling._evaluation.interval_pieces`),
whose groups found are solved again in a fresh full program for the figures that pin them:
the figures named do not depend on which programs the search solved. Solutions of a merged
program are spread over the evaluations merged: each keeps its count, the merged sum (of an
NPS question, promoters less detractors: each cohort's difference is then its promoters, or
its detractors) is filled into the evaluations' own ranges in turn, and the invited are as
published (or each its count, the rest on the first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from ledarutveckling._evaluation.interval_distributions import Distributions
from ledarutveckling._evaluation.interval_pieces import _own_answers, _Pieces
from ledarutveckling._evaluation.interval_program import Figure, Linked
from ledarutveckling._evaluation.interval_ranges import _Model

__all__: list[str] = []


_KEPT: Final = (64, 32)
"""The most whole solutions (the pool) and count solutions (the points) carried, the last."""


@attrs.frozen(kw_only=True)
class _Carried:
    """Solutions of a measure's program, per evaluation (a row per solution)."""

    kind: str
    column: dict[str, int]
    """Each evaluation's position in the rows."""
    answers: Any
    sums: tuple[Any, ...]
    """The sums of the answers, by the model's columns of sums: of a mean its sum, of an NPS its
    promoters and its detractors, of a count none."""
    invited: Any
    linked: Any = None
    """The linked figure's column of each evaluation (its top-two box, the NPS question's sum of
    answers), as *answers*; ``None`` if the program had none."""
    values: Any = None
    """The answers at each value of each evaluation, a row per solution and evaluation (0 where
    the program had no such columns); ``None`` if it had none."""


Exact = tuple[dict[str, float], dict[str, list[float]]]
"""What the shown figures of one evaluation each give of it exactly: its linked figure (its
top-two box, by its own figure's bounds when they are one count) and its answers at each
value (its own distribution, when every value is one count), by reference."""


def _exact(
    shown: Sequence[Figure],
    linked: Linked | None,
    values: Distributions | None,
    scale: tuple[int, int] | None,
) -> Exact:
    """The exact linked figures and distributions of the evaluations shown on their own.

    A merged evaluation's are its members' sums (:mod:`~ledarutveckling._evaluation.\
interval_pieces` merges an evaluation with a linked figure or a distribution only where they
    are exact), so they are spread back over its members, and summed again, by these.
    """
    boxes: dict[str, float] = {}
    for index, evaluations, _, _ in shown:
        box = None if linked is None or len(evaluations) != 1 else linked[1].get(index)
        if box is not None and box[0] == box[1]:
            boxes[evaluations[0]] = box[0]
    own = _own_answers(shown, values, scale) or {}
    answers = {reference: counts for reference, counts in own.items() if counts is not None}
    return boxes, answers


def _carried_out(model: _Model, pieces: _Pieces, exact: Exact = ({}, {})) -> _Carried | None:
    """The solutions *model* (a merged program) found, per evaluation; ``None`` if none.

    With the linked figure and the answers at each value too (see :class:`_Carried`): of a
    merged evaluation, each member's exact ones (*exact*).
    """
    np = model.np
    pool, points = _KEPT
    rows = model.pool[-pool:] + model.points[-points:]
    if not rows:
        return None
    solutions = np.array(rows)
    offsets = model._sums()
    # The evaluations left as they are first, all at once (their columns copied), then the
    # merged ones, each spread over its members.
    names = [name for name in model.column if name not in pieces.members]
    single = np.array([model.column[name] for name in names], dtype=int)
    answers: list[Any] = [solutions[:, single]]
    invited: list[Any] = [solutions[:, model.invited + single]]
    totals: list[list[Any]] = [[solutions[:, offset + single]] for offset in offsets]
    for name, c in model.column.items():
        merged = pieces.members.get(name)
        if merged is None:
            continue
        names += [m[0] for m in merged]
        counts = np.array([m[1] for m in merged], dtype=float)
        answers.append(np.broadcast_to(counts, (len(rows), len(merged))))
        least = np.array([m[2] for m in merged])
        room = np.array([m[3] for m in merged]) - least
        before = room.cumsum() - room
        # the merged sum (of an NPS, promoters less detractors) in the members' own ranges
        amount = sum(
            sign * solutions[:, [offset + c]]
            for sign, offset in zip((1, -1), offsets, strict=False)
        )
        spread = least + (amount - least.sum() - before).clip(0, room)
        known = [exact[1].get(m[0]) for m in merged]
        if model.kind == "nps" and all(k is not None and len(k) == 11 for k in known):
            # each member's own answers at each value: its promoters and detractors exact
            rows_of = (len(rows), len(merged))
            totals[0].append(np.broadcast_to([k[9] + k[10] for k in known if k], rows_of))
            totals[1].append(np.broadcast_to([sum(k[:7]) for k in known if k], rows_of))
        elif model.kind == "nps":  # a difference as promoters or detractors only
            totals[0].append(np.maximum(spread, 0.0))
            totals[1].append(np.maximum(-spread, 0.0))
        elif totals:
            totals[0].append(spread)
        if all(m[4] is not None for m in merged):
            published = np.array([m[4] for m in merged], dtype=float)
            invited.append(np.broadcast_to(published, (len(rows), len(merged))))
        else:
            spread = np.broadcast_to(counts, (len(rows), len(merged))).copy()
            spread[:, 0] += solutions[:, model.invited + c] - counts.sum()
            invited.append(spread)
    linked, values = _extras_out(model, pieces, solutions, names, exact)
    return _Carried(
        kind=model.kind,
        column={name: i for i, name in enumerate(names)},
        answers=np.hstack(answers),
        sums=tuple(np.hstack(kept) for kept in totals),
        invited=np.hstack(invited),
        linked=linked,
        values=values,
    )


def _extras_out(
    model: _Model, pieces: _Pieces, solutions: Any, names: Sequence[str], exact: Exact
) -> tuple[Any, Any]:
    """The linked figure's and the answers at each value of the evaluations *names*.

    In the order of *names*: of an evaluation of the program, its columns in *solutions*; of a
    merged one's member, its exact figures (0 where there are none).
    """
    np = model.np
    rows = len(solutions)
    where = {name: i for i, name in enumerate(names)}
    linked = None
    if model.link:
        linked = np.zeros((rows, len(names)))
        for name, c in model.column.items():
            if name in pieces.members:
                for member in pieces.members[name]:
                    linked[:, where[member[0]]] = exact[0].get(member[0], 0.0)
            else:
                linked[:, where[name]] = solutions[:, model.linked + c]
    values = None
    block = model.block
    if block is not None:
        width = len(block.scale)
        values = np.zeros((rows, len(names), width))
        for name, c in model.column.items():
            if name in pieces.members:
                for member in pieces.members[name]:
                    values[:, where[member[0]]] = exact[1].get(member[0], 0.0)
            elif c in block.first:
                start = block.first[c]
                values[:, where[name]] = solutions[:, start : start + width]
    return linked, values


def _carried_in(model: _Model, pieces: _Pieces, carried: _Carried) -> Any | None:
    """*carried* as solutions of *model* (rows without t, unchecked); ``None`` if it cannot be.

    It cannot be when the kinds differ or an evaluation of the model is not in it.
    """
    np = model.np
    if carried.kind != model.kind:
        return None
    solutions = np.zeros((len(carried.answers), model.t))
    # The evaluations left as they are, all at once (each column copied), then the merged
    # ones, each the sum of its members.
    single = [name for name in model.column if name not in pieces.members]
    merged = [m[0] for name in model.column for m in pieces.members.get(name, ())]
    if not all(name in carried.column for name in (*single, *merged)):
        return None
    to = np.array([model.column[name] for name in single], dtype=int)
    source = np.array([carried.column[name] for name in single], dtype=int)
    solutions[:, to] = carried.answers[:, source]
    for kept, offset in zip(carried.sums, model._sums(), strict=True):
        solutions[:, offset + to] = kept[:, source]
    solutions[:, model.invited + to] = carried.invited[:, source]
    for name, c in model.column.items():
        members = pieces.members.get(name)
        if members is None:
            continue
        cols = [carried.column[m[0]] for m in members]
        solutions[:, c] = carried.answers[:, cols].sum(axis=1)
        for kept, offset in zip(carried.sums, model._sums(), strict=True):
            solutions[:, offset + c] = kept[:, cols].sum(axis=1)
        solutions[:, model.invited + c] = carried.invited[:, cols].sum(axis=1)
    _extras_in(model, pieces, carried, solutions)
    return solutions


def _extras_in(model: _Model, pieces: _Pieces, carried: _Carried, solutions: Any) -> None:
    """Fill *solutions*' linked columns and answers at each value from *carried*.

    Each evaluation's own, a merged one's the sums of its members' (left at 0 where *carried*
    has none: such a solution fits only if that is right, as every witness is checked).
    """
    if model.link and carried.linked is not None:
        for name, c in model.column.items():
            cols = [carried.column[m[0]] for m in pieces.members.get(name, ((name,),))]
            solutions[:, model.linked + c] = carried.linked[:, cols].sum(axis=1)
    block = model.block
    if block is not None and carried.values is not None:
        width = len(block.scale)
        if carried.values.shape[2] != width:  # pragma: no cover - one question, one scale
            return
        for name, c in model.column.items():
            if c not in block.first:
                continue
            cols = [carried.column[m[0]] for m in pieces.members.get(name, ((name,),))]
            start = block.first[c]
            solutions[:, start : start + width] = carried.values[:, cols].sum(axis=1)


def _offer(model: _Model, solutions: Any | None) -> Any | None:
    """Add the *solutions* that meet every row as *model* has them now to its witnesses.

    Every one that fits is a witness of the counts (``points``); with the published bounds on,
    the whole ones are witnesses of the ratios too (``pool``). Returns those that do not fit
    (``None`` if none were offered): with the published bounds on, the ones that fit stay
    witnesses when they are switched off (see ``_Program.publish``), so only the others need
    to be offered again then.
    """
    if solutions is None:
        return None
    rest = []
    for x in solutions:
        if model._fits(x, whole=False):
            model.points.append(x)
            if model.on and model._fits(x, whole=True):
                model.pool.append(x)
        else:
            rest.append(x)
    return rest
