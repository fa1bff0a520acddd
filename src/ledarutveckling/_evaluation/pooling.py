"""Evaluations pooled into groups, and the anonymity rules applied to them (private).

A group's raw figures (:class:`_Raw`, never returned) become a
:class:`~ledarutveckling.GroupSummary` that hides what the minimums and complementary
suppression (:mod:`ledarutveckling._evaluation.anonymity`) ask to hide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import MINIMUM_TEXT_RESPONDENTS, Suppression, _protect
from ledarutveckling._evaluation.group_summary import GroupSummary, QuestionSummary
from ledarutveckling._evaluation.statistics import Statistics
from ledarutveckling._evaluation.survey import Evaluation, Question
from ledarutveckling.errors import ValidationError


@attrs.frozen(kw_only=True)
class _Raw:
    """A group's figures before anonymity is applied (never returned to a caller)."""

    key: str | None
    evaluations: tuple[Evaluation, ...]

    @property
    def invited(self) -> int:
        return sum(e.invited for e in self.evaluations)

    @property
    def respondents(self) -> int:
        return sum(e.respondents for e in self.evaluations)

    def asked(self, code: str) -> bool:
        return any(q.code == code for e in self.evaluations for q in e.questions)

    def invited_to(self, code: str) -> int:
        return sum(e.invited for e in self.evaluations if any(q.code == code for q in e.questions))

    def answered(self, known: dict[str, dict[str, list[int]]]) -> dict[str, list[int]]:
        """The answers to every question answered, by its code.

        Each evaluation's are read from its responses once and kept in *known* by reference
        (an evaluation lies in a group and in the total beside it).
        """
        result: dict[str, list[int]] = {}
        for e in self.evaluations:
            own = known.get(e.reference)
            if own is None:
                own = known[e.reference] = {}
                for r in e.responses:
                    for code, answer in r.answers.items():
                        if answer is not None:
                            own.setdefault(code, []).append(answer)
            for code, answers in own.items():
                result.setdefault(code, []).extend(answers)
        return result

    @property
    def comments(self) -> tuple[str, ...]:
        found = [r.comment for e in self.evaluations for r in e.responses if r.comment]
        return tuple(sorted(found, key=lambda c: (c.casefold(), c)))


def _questions(evaluations: Sequence[Evaluation]) -> list[Question]:
    """The questions in order of first appearance; a code must keep its scale and level."""
    checks = Checker()
    first: dict[str, tuple[Question, str]] = {}
    for index, evaluation in enumerate(evaluations):
        for position, question in enumerate(evaluation.questions):
            if question.code not in first:
                first[question.code] = (question, evaluation.reference)
                continue
            seen, where = first[question.code]
            for name in ("scale", "level"):
                mine, theirs = getattr(question, name), getattr(seen, name)
                if mine != theirs:
                    checks.add(
                        f"evaluations[{index}].questions[{position}].{name}",
                        mine.value,
                        f"must be {theirs.value!r} as in evaluation {where!r}: "
                        "questions with the same code are pooled",
                        ProblemCode.QUESTION_NOT_POOLED,
                        question=question.code,
                        given=mine,
                        expected=theirs,
                        evaluation=where,
                    )
    checks.done()
    return [question for question, _ in first.values()]


def _evaluations(evaluations: Iterable[Evaluation] | Evaluation) -> tuple[Evaluation, ...]:
    if not isinstance(evaluations, Evaluation | Iterable) or isinstance(
        evaluations, str | bytes | Mapping
    ):
        raise ValidationError.single(
            "evaluations",
            evaluations if len(repr(evaluations)) <= 80 else f"<{type(evaluations).__name__}>",
            "must be an Evaluation or a list of Evaluation objects",
            ProblemCode.WRONG_TYPE,
        )
    found = (evaluations,) if isinstance(evaluations, Evaluation) else tuple(evaluations)
    checks = Checker()
    good = checks.items("evaluations", found, Evaluation, "Evaluation objects")
    checks.unique("evaluations", (e.reference for e in good), "evaluation reference")
    checks.done()
    return found


def _summaries(
    groups: Sequence[_Raw],
    total: _Raw | None,
    questions: Sequence[Question],
    minimum: int,
    minimum_text: int = MINIMUM_TEXT_RESPONDENTS,
) -> tuple[list[GroupSummary], GroupSummary | None]:
    """Apply the anonymity rules to *groups* (and the *total* shown beside them, if any)."""
    # The respondents column decides which groups are hidden as a whole.
    total_reason: Suppression | None = None
    if total is not None and total.respondents < minimum:
        total_reason = Suppression.TOO_FEW
    group_hidden, hide_total = _protect(
        [g.respondents for g in groups],
        [None] * len(groups),
        minimum,
        invited=[g.invited for g in groups],
        beside_total=total is not None and total_reason is None,
    )
    if hide_total:  # pragma: no cover - a shown total always leaves a group to hide
        total_reason = Suppression.COMPLEMENTARY
    # Each question is a column of its own: hide cells with too few answers, and protect them.
    known: dict[str, dict[str, list[int]]] = {}
    answered = [g.answered(known) for g in groups]
    total_answered = {} if total is None else total.answered(known)
    cell_reasons: dict[str, list[Suppression | None]] = {}
    total_cells: dict[str, Suppression | None] = {}
    for question in questions:
        code = question.code
        total_cell = total_reason
        if total is not None and total_cell is None and len(total_answered.get(code, ())) < minimum:
            total_cell = Suppression.TOO_FEW
        column, hide_total = _protect(
            [
                len(a.get(code, ())) if g.asked(code) else None
                for g, a in zip(groups, answered, strict=True)
            ],
            group_hidden,
            minimum,
            invited=[g.invited_to(code) for g in groups],
            beside_total=total is not None and total_cell is None,
        )
        cell_reasons[code] = column
        total_cells[code] = Suppression.COMPLEMENTARY if hide_total else total_cell
    summaries = [
        _summary(
            group,
            answered[index],
            group_hidden[index],
            questions,
            (minimum, minimum_text),
            _cell(cell_reasons, index),
        )
        for index, group in enumerate(groups)
    ]
    if total is None:
        return summaries, None
    return summaries, _summary(
        total,
        total_answered,
        total_reason,
        questions,
        (minimum, minimum_text),
        total_cells.__getitem__,
    )


def _cell(
    reasons: Mapping[str, Sequence[Suppression | None]], index: int
) -> Callable[[str], Suppression | None]:
    return lambda code: reasons[code][index]


def _summary(
    group: _Raw,
    answered: Mapping[str, list[int]],
    reason: Suppression | None,
    questions: Sequence[Question],
    minimums: tuple[int, int],
    cell_reason: Callable[[str], Suppression | None],
) -> GroupSummary:
    minimum, minimum_text = minimums
    question_summaries = []
    for question in questions:
        if not group.asked(question.code):
            continue
        hidden = reason or cell_reason(question.code)
        question_summaries.append(
            QuestionSummary(
                question=question,
                invited=group.invited_to(question.code),
                statistics=(
                    None
                    if hidden
                    else Statistics.of(question.scale, answered.get(question.code, ()))
                ),
                suppression=hidden,
                minimum=minimum,
                minimum_text=minimum_text,
            )
        )
    return GroupSummary(
        key=group.key,
        evaluations=tuple(e.reference for e in group.evaluations),
        invited=group.invited,
        respondents=None if reason else group.respondents,
        questions=tuple(question_summaries),
        comments=() if reason or group.respondents < minimum_text else group.comments,
        suppression=reason,
        minimum=minimum,
    )
