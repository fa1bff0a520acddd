"""Records and DataFrames of the model, built for the public `records` module."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ledarutveckling._base.extras import require
from ledarutveckling._base.i18n import DEFAULT_LOCALE, language
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._evaluation.comparison import Change, Comparison
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.summaries import Breakdown
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.formatting import format_problem

__all__ = ["Record", "problem_records", "to_dataframe", "to_records"]


Record = dict[str, Any]
"""One row: column name to value."""


def _call_offs(ledger: AgreementLedger) -> list[Record]:
    rows = []
    for index, call_off in enumerate(ledger.call_offs):
        try:
            # what it counts for now (a terminated call-off: what was delivered); a cancelled
            # one keeps its ordered amount, and counted says it counts for nothing
            value = ledger.total(index) if call_off.is_cancelled else ledger.value(index)
            amount: Decimal | None = value.amount
        except ValidationError:
            amount = None
        area = call_off.service_area
        rows.append(
            {
                "reference": call_off.reference,
                "unit": call_off.unit.name,
                "unit_kind": call_off.unit.kind.value,
                "ordered_on": call_off.ordered_on,
                "delivery_start": call_off.delivery.start,
                "delivery_end": call_off.delivery.end,
                "status": call_off.status.value,
                "method": call_off.method.value,
                "programs": ", ".join(p.code for p in call_off.programs),
                "service_area": None if area is None else area.value,
                "amount": amount,
                "currency": ledger.agreement.currency,
                "counted": not call_off.is_cancelled,
            }
        )
    return rows


def _sessions(sessions: tuple[Session, ...]) -> list[Record]:
    return [
        {
            "program": s.program.code,
            "program_title": s.program.title,
            "cohort": s.cohort,
            "module": s.module.code,
            "module_title": s.module.title,
            "day": s.day,
            "start": s.start,
            "end": s.end,
            "hours": s.module.hours,
            "format": s.format.value,
            "facilitators": ", ".join(s.facilitators),
            "room": s.room,
            "uid": s.uid,
        }
        for s in sessions
    ]


def _plan(plan: RolloutPlan) -> list[Record]:
    return [
        {
            "program": plan.program.code,
            "unit": s.unit,
            "cohort": s.cohort,
            "size": s.size,
            "module": s.module,
            "day": s.date,
            "start": s.start,
            "end": s.end,
            "format": plan.program.module(s.module).format.value,
            "facilitators": ", ".join(s.facilitators),
            "room": s.room,
        }
        for s in sorted(plan.sessions, key=lambda s: (s.start.timestamp(), s.unit, s.cohort))
    ]


def _groups(groups: Iterable[GroupSummary], dimension: str | None) -> list[Record]:
    rows = []
    for group in groups:
        for summary in group.questions:
            stats = summary.statistics  # the published figures, already rounded
            hidden = group.suppression or summary.suppression
            rows.append(
                {
                    "dimension": dimension,
                    "group": group.key,
                    "evaluations": ", ".join(group.evaluations),
                    "invited": group.invited,
                    "respondents": group.respondents,
                    "question": summary.question.code,
                    "text": summary.question.text,
                    "level": int(summary.question.level),
                    "scale": summary.question.scale.value,
                    "answers": None if stats is None else stats.count,
                    "mean": None if stats is None else stats.mean,
                    "median": None if stats is None else stats.median,
                    "top_two_box": None if stats is None else stats.top_two_box,
                    "nps": None if stats is None else stats.nps,
                    "hidden": None if hidden is None else hidden.value,
                }
            )
    return rows


def _figure(change: Change, side: str) -> Decimal | None:
    """One side's published figure: the NPS on the NPS scale, else the mean (``None`` hidden)."""
    stats = change.before if side == "before" else change.after
    if stats is None:
        return None
    return stats.nps if stats.nps is not None else stats.mean


def _comparison(comparison: Comparison) -> list[Record]:
    rows = []
    for change in comparison.changes:
        direction = change.shown_direction()
        magnitude = change.magnitude
        rows.append(
            {
                "question": change.question.code,
                "text": change.question.text,
                "scale": change.question.scale.value,
                "before_group": comparison.before.key,
                "after_group": comparison.after.key,
                "before": _figure(change, "before"),
                "after": _figure(change, "after"),
                "difference": change.difference,
                "direction": None if direction is None else direction.value,
                "effect_size": change.effect_size,
                "magnitude": None if magnitude is None else magnitude.value,
            }
        )
    return rows


Tabular = AgreementLedger | Iterable[Session] | RolloutPlan | GroupSummary | Breakdown | Comparison
"""What :func:`to_records` takes."""


def _refuse(path: str, given: object) -> ValidationError:
    """A short refusal: the type given (never its repr, which may run to pages) and what is."""
    return ValidationError.single(
        path,
        type(given),
        "must be an AgreementLedger, a list of Session objects, a RolloutPlan, a GroupSummary, "
        "a Breakdown or a Comparison",
        ProblemCode.MUST_BE,
        expected=Expected.RECORDS,
    )


def to_records(obj: Tabular) -> list[Record]:
    r"""Rows of plain values, one dict per row, the same keys in every row.

    * An :class:`~ledarutveckling.AgreementLedger`: one row per call-off — reference, unit,
      unit_kind, ordered_on, delivery_start, delivery_end, status, method, programs,
      service_area, amount (excluding VAT; ``None`` when it cannot be priced; for a
      terminated call-off what was delivered, :meth:`~ledarutveckling.AgreementLedger.value`),
      currency and counted (``False`` for a cancelled call-off, which counts for nothing).
    * Sessions: one row per session — program, program_title, cohort, module, module_title,
      day, start, end, hours, format, facilitators, room, uid.
    * A :class:`~ledarutveckling.scheduling.RolloutPlan`: one row per session in time order
      — program, unit, cohort (its number in the unit), size, module, day, start, end,
      format, facilitators, room.
    * A :class:`~ledarutveckling.GroupSummary` or a :class:`~ledarutveckling.Breakdown`
      (its groups, then its total with group ``None``): one row per group and question —
      dimension, group, evaluations, invited, respondents, question, text, level, scale,
      answers, mean, median, top_two_box (agreement scales), nps (the NPS question), and
      hidden (``"too_few"``, ``"complementary"`` or ``None``). Hidden figures are ``None``.
      Figures leave rounded (half up) to the precision a report shows: mean and median to
      one decimal, top_two_box (a share, 0 to 1) to a whole percent, nps to a whole point;
      the exact values stay inside (a reader of several exact means could subtract their
      way further than one of the rounded figures allows).
    * A :class:`~ledarutveckling.Comparison` of two groups: one row per question both asked
      — question, text, scale, before_group, after_group, before, after (the published
      figure: the mean, or the NPS on the NPS scale), difference (of the two figures shown),
      direction (of that difference: ``"up"``, ``"down"``, ``"unchanged"``), effect_size
      (Cohen's d to two decimals) and magnitude. A side the anonymity rules hide gives
      ``None`` for its figure and for what depends on it.

    Raises:
        ValidationError: For any other value (path ``obj``, or ``obj[j]`` for the first item
            of a list that is not a session): a short message naming the type given and what
            is accepted, never the value's repr.

    Examples:
        >>> import datetime as dt, pendulum
        >>> from ledarutveckling import WorkingCalendar, schedule_cohort
        >>> from ledarutveckling.examples import stockholm_catalogue
        >>> sessions = schedule_cohort(stockholm_catalogue().program("SVS"), "Grupp 1",
        ...                            pendulum.date(2027, 2, 1), WorkingCalendar.sweden(),
        ...                            dt.time(9, 0))
        >>> row = to_records(sessions)[0]
        >>> row["module"], row["start"].isoformat(), row["format"]
        ('SVS-1', '2027-02-01T09:00:00+01:00', 'self_paced')
    """
    if isinstance(obj, AgreementLedger):
        return _call_offs(obj)
    if isinstance(obj, RolloutPlan):
        return _plan(obj)
    if isinstance(obj, GroupSummary):
        return _groups([obj], None)
    if isinstance(obj, Breakdown):
        return _groups([*obj.groups, obj.total], obj.dimension.value)
    if isinstance(obj, Comparison):
        return _comparison(obj)
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes | Mapping):
        items = tuple(obj)
        for index, item in enumerate(items):
            if not isinstance(item, Session):
                raise _refuse(f"obj[{index}]", item)
        return _sessions(items)
    raise _refuse("obj", obj)


def _decimal_columns(records: list[Record]) -> list[str]:
    """The keys whose values are all Decimal or None, and not all None."""
    keys = list(records[0]) if records else []
    return [
        key
        for key in keys
        if all(type(r[key]) is Decimal or r[key] is None for r in records)
        and any(r[key] is not None for r in records)
    ]


def to_dataframe(
    obj: Tabular,
    *,
    numeric: bool = False,
) -> Any:
    """The rows of :func:`to_records` as a :class:`pandas.DataFrame`, one column per key.

    The return type is ``Any`` so that type checkers need no pandas stubs.

    Needs the ``pandas`` extra: ``pip install 'ledarutveckling[pandas]'``.

    Args:
        obj: As :func:`to_records`.
        numeric: Amounts and other figures stay :class:`~decimal.Decimal` (``object``
            columns, exact) unless this is true: then every column of decimals (``amount``,
            ``mean``, ``median``, ``top_two_box``, ``hours``…) is a ``float64`` column, with
            ``NaN`` where the record holds ``None`` (an unpriced call-off, a hidden figure), so
            that pandas can sum, plot and describe it. Floats round: keep the decimals for
            sums that must be exact to the öre.

    Raises:
        ImportError: When pandas is not installed (the message names the extra).
        ValidationError: As :func:`to_records`.
    """
    pd = require("pandas", "pandas", "to_dataframe()")
    records = to_records(obj)
    frame = pd.DataFrame.from_records(records)
    if numeric:
        for key in _decimal_columns(records):
            frame[key] = [float("nan") if r[key] is None else float(r[key]) for r in records]
            frame[key] = frame[key].astype("float64")
    return frame


def problem_records(
    problems: Iterable[Problem] | ValidationError, *, locale: str = DEFAULT_LOCALE
) -> list[Record]:
    r"""One row per problem: path, code, text (in the reader's language) and message.

    *text* is :func:`~ledarutveckling.formatting.format_problem`'s sentence from the message
    catalogue, in *locale*'s language, without a repr or a path; *message* is the English
    developer's message; *code* the stable :class:`~ledarutveckling.ProblemCode` value or
    ``None``. Pass a ledger's ``problems()`` or a :class:`~ledarutveckling.ValidationError`;
    ``pandas.DataFrame(problem_records(...))`` makes a table of them.

    Raises:
        ValidationError: For anything but problems (path ``problems``), or an unknown locale.

    Examples:
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> ledger = stockholm_ledger()
        >>> twice = ledger.add(ledger.call_offs[0])
        >>> (row,) = problem_records(twice.problems())
        >>> row["path"], row["code"]
        ('call_offs[7].reference', 'duplicate-reference')
        >>> import textwrap
        >>> print(textwrap.fill(row["text"], 80))
        diarienumret SOC 2025/0142 används redan av avrop nummer 1 i avropsloggen
        (avropsdag 10 februari 2025); varje avrop har sitt eget diarienummer
        >>> print(textwrap.fill(problem_records(twice.problems(), locale="en_GB")[0]["text"], 80))
        the reference SOC 2025/0142 is already used by call-off number 1 of the ledger
        (placed on 10 February 2025); each call-off has its own reference
    """
    language(locale)
    found = problems.problems if isinstance(problems, ValidationError) else problems
    items = tuple(found) if isinstance(found, Iterable) else None
    if items is None or not all(isinstance(item, Problem) for item in items):
        raise ValidationError.single(
            "problems",
            problems,
            "must be a ValidationError or a list of Problem objects",
            ProblemCode.WRONG_TYPE,
        )
    return [
        {
            "path": problem.path,
            "code": None if problem.code is None else str(problem.code),
            "text": format_problem(problem, locale=locale),
            "message": problem.message,
        }
        for problem in items
    ]
