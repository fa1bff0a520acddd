"""Checking a call-off's sessions against what the call-off bought (private).

A :class:`~ledarutveckling.Session` names its call-off by reference and, optionally, the line it
draws on; :func:`check_call_off_sessions` reports every session that the call-off does not
cover.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import DEFAULT_LOCALE
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import EXACT
from ledarutveckling._procurement.agreement import FrameworkAgreement, PriceUnit
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._scheduling.calendar import WorkingCalendar
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import Problem
from ledarutveckling.formatting import format_number

__all__ = ["NOT_PLACED", "check_call_off_sessions", "line_use", "not_placed"]


_NOT_FOR_SESSIONS: Final = frozenset({PriceUnit.PARTICIPANT, PriceUnit.FIXED})
"""Units no session uses up: per participant and fixed."""

_FACILITATOR_TIME: Final = frozenset({PriceUnit.HOUR, PriceUnit.HALF_DAY, PriceUnit.DAY})
"""Units of a facilitator's time: a session led by two uses two of them."""


def line_use(unit: PriceUnit, session: Session) -> Decimal | None:
    """How much of a line priced per *unit* one held *session* uses, or ``None`` if it cannot.

    A line per hour, half day or day is priced per facilitator's time, like the agreement's
    hourly price: an hourly line uses the module's facilitator hours (its hours × its
    facilitators), a line per half day or day one for each facilitator (a session led by two
    uses two days). A line per session uses one. A self-paced session, which no facilitator
    leads, uses none of them (``None``), and a per-participant or fixed line is not used up
    by sessions (``None``).

    Examples:
        >>> from ledarutveckling.examples import stockholm_catalogue
        >>> import pendulum
        >>> program = stockholm_catalogue().program("SVS")
        >>> start = pendulum.datetime(2027, 3, 2, 9, tz="Europe/Stockholm")
        >>> session = Session(program=program, module=program.modules[1], cohort="Grupp 1",
        ...                   start=start, end=start.add(hours=3),
        ...                   format=program.modules[1].format)
        >>> line_use(PriceUnit.HOUR, session), line_use(PriceUnit.SESSION, session)
        (Decimal('6'), Decimal('1'))
    """
    if not session.format.is_led or unit in _NOT_FOR_SESSIONS:
        return None
    if unit is PriceUnit.HOUR:
        return session.module.facilitator_hours
    if unit in _FACILITATOR_TIME:
        return Decimal(session.module.facilitators)
    return Decimal(1)


def check_call_off_sessions(
    call_off: CallOff,
    sessions: Iterable[Session],
    agreement: FrameworkAgreement,
    calendar: WorkingCalendar | None = None,
    *,
    locale: str = DEFAULT_LOCALE,
) -> tuple[Problem, ...]:
    """Every problem of the sessions delivered under *call_off*, each at its session's index.

    Only the sessions that name the call-off (``session.call_off == call_off.reference``) are
    checked; the others may belong to other call-offs and are skipped, so a whole plan can be
    passed. Reported, with the path ``sessions[i].<field>``:

    * a session under a cancelled call-off (``call_off``): a call-off can be cancelled only
      before its delivery starts, and then counts for nothing against the agreement's
      ceiling, so nothing is held under it. A draft's sessions are checked as planned (a
      rollout may be planned before the call-off is placed); a delivery record and
      :func:`~ledarutveckling.invoice_basis` refuse both;
    * a session outside the call-off's delivery period (``start``): its first and last day
      must both fall in it (a session ending at midnight ends on the day before);
    * with a *calendar*, a session on a day off, with the reason (``start``). A self-paced
      module's session (its format is not scheduled, e.g. a cohort's window from
      :meth:`RolloutPlan.to_sessions <ledarutveckling.RolloutPlan.to_sessions>`) is worked
      through on the participant's own days, so it is held to the delivery period only;
    * a session of a program the call-off does not buy (``program``);
    * a line that the call-off does not have, or that is priced per participant or fixed, so
      that no session draws on it (``line``);
    * a self-paced session on a line per hour, half day, day or session (``line``): no
      facilitator leads it, so it draws on no facilitator's time;
    * a session that takes its line past the quantity ordered: more hours than the line
      says (an hourly line uses the module's facilitator hours), more half days or days (one
      per facilitator), or more sessions (``line``). Only sessions naming a line count
      against it.

    Args:
        call_off: The call-off.
        sessions: The sessions, e.g. a whole plan.
        agreement: The agreement the call-off is placed under (for its price units).
        calendar: The working calendar, or ``None`` to skip the day-off check.
        locale: The language of the day-off reasons.

    Returns:
        The problems, in the order of *sessions*; empty when every session is covered.

    Examples:
        >>> from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
        >>> from ledarutveckling.examples import stockholm_sessions
        >>> from ledarutveckling import WorkingCalendar
        >>> ledger = stockholm_ledger()
        >>> call_off = ledger.call_offs[5]
        >>> check_call_off_sessions(call_off, stockholm_sessions(), stockholm_agreement(),
        ...                         WorkingCalendar.sweden())
        ()
    """
    checks = Checker()
    bought = {program.code for program in call_off.programs}
    used: dict[int, Decimal] = {}
    for index, session in enumerate(sessions):
        if not isinstance(session, Session):
            checks.add(f"sessions[{index}]", session, "must be a Session", ProblemCode.WRONG_TYPE)
            continue
        if session.call_off != call_off.reference:
            continue
        path = f"sessions[{index}]"
        if call_off.status is CallOffStatus.CANCELLED:
            not_placed(checks, f"{path}.call_off", call_off)
        day = session.day
        if day not in call_off.delivery or _last_day(session) not in call_off.delivery:
            checks.add(
                f"{path}.start",
                session.start,
                f"must fall in the call-off's delivery period ({call_off.delivery})",
                ProblemCode.OUTSIDE_PERIOD,
                day=day,
                period=call_off.delivery,
            )
        reason = None
        if calendar is not None and session.format.is_scheduled:
            reason = calendar.day_off_reason(day, locale)
        if reason is not None:
            checks.add(
                f"{path}.start",
                session.start,
                f"falls on a day off: {reason}",
                ProblemCode.SESSION_ON_DAY_OFF,
                day=day,
                reason=reason,
            )
        if session.program.code not in bought:
            checks.add(
                f"{path}.program",
                session.program.code,
                f"is not bought by the call-off (programs: {', '.join(sorted(bought)) or 'none'})",
                ProblemCode.PROGRAM_NOT_BOUGHT,
                program=session.program.code,
            )
        if session.line is not None:
            _check_line(checks, path, session, call_off, agreement, used)
    return tuple(checks.problems)


NOT_PLACED: Final = frozenset({CallOffStatus.DRAFT, CallOffStatus.CANCELLED})
"""The statuses under which nothing is delivered or invoiced: not placed, or withdrawn."""


def not_placed(checks: Checker, path: str, call_off: CallOff) -> None:
    """Record that *call_off* is not placed (a draft or cancelled), at *path*."""
    checks.add(
        path,
        call_off.reference,
        f"names a call-off that is {call_off.status.value}, not placed",
        ProblemCode.CALL_OFF_NOT_PLACED,
        reference=call_off.reference,
        status=call_off.status,
    )


def _last_day(session: Session) -> pendulum.Date:
    """The last day *session* takes: the day of its end, or the day before a midnight end."""
    end = session.end
    if end.time() == dt.time(0, 0):
        return end.date().subtract(days=1)
    return end.date()


def _check_line(
    checks: Checker,
    path: str,
    session: Session,
    call_off: CallOff,
    agreement: FrameworkAgreement,
    used: dict[int, Decimal],
) -> None:
    assert session.line is not None
    if session.line >= len(call_off.lines):
        checks.add(
            f"{path}.line",
            session.line,
            f"is not a line of the call-off (it has {len(call_off.lines)})",
            ProblemCode.LINE_NOT_IN_CALL_OFF,
            line=session.line,
            count=len(call_off.lines),
        )
        return
    line = call_off.lines[session.line]
    if line.price_code not in agreement.price_list:
        checks.add(
            f"{path}.line",
            session.line,
            f"prices {line.price_code!r}, not in the list",
            ProblemCode.PRICE_CODE_UNKNOWN,
            price_code=line.price_code,
            codes=list(agreement.price_list.codes),
        )
        return
    unit = agreement.price_list.item(line.price_code).unit
    use = line_use(unit, session)
    if use is None and not session.format.is_led and unit not in _NOT_FOR_SESSIONS:
        checks.add(
            f"{path}.line",
            session.line,
            f"{session.module.code} is self-paced, led by no facilitator; it cannot draw on "
            f"line {session.line} ({line.price_code}, {unit.label('en_GB')})",
            ProblemCode.SELF_PACED_ON_LINE,
            module=session.module.code,
            line=session.line,
            price_code=line.price_code,
            unit=unit,
        )
        return
    if use is None:
        checks.add(
            f"{path}.line",
            session.line,
            f"is priced {unit.label('en_GB')}; a session cannot draw on it",
            ProblemCode.LINE_NOT_FOR_SESSIONS,
            line=session.line,
            price_code=line.price_code,
            unit=unit,
        )
        return
    total = EXACT.add(used.get(session.line, Decimal(0)), use)
    used[session.line] = total
    if total > line.quantity:
        ordered = format_number(line.quantity, locale="en_GB")
        checks.add(
            f"{path}.line",
            session.line,
            f"takes line {session.line} ({line.price_code}) past what was ordered: "
            f"{format_number(total, locale='en_GB')} of {ordered}",
            ProblemCode.LINE_EXCEEDED,
            total=total,
            line=session.line,
            price_code=line.price_code,
            ordered=line.quantity,
        )
