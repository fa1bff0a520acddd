"""The framework agreement's status report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, overload

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Language, language
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import Money
from ledarutveckling._evaluation.anonymity import MINIMUM_RESPONDENTS
from ledarutveckling._evaluation.disclosure import Audience
from ledarutveckling._evaluation.disclosure_words import status_report_label
from ledarutveckling._evaluation.group_summary import GroupSummary
from ledarutveckling._evaluation.summaries import Dimension, _breakdown
from ledarutveckling._evaluation.summary_audit import _audience
from ledarutveckling._evaluation.survey import Evaluation
from ledarutveckling._procurement.agreement import FrameworkAgreement
from ledarutveckling._procurement.calloff import CallOff
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._reporting.document import (
    Align,
    Block,
    Bullets,
    Document,
    Paragraph,
    Section,
    Table,
    Warnings,
)
from ledarutveckling._reporting.status_texts import day_count as _days
from ledarutveckling._reporting.status_texts import month_count as _months
from ledarutveckling._reporting.status_texts import notice as _notice
from ledarutveckling._reporting.status_texts import say as _t
from ledarutveckling._reporting.terms import terms_section
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import Problem, ValidationError
from ledarutveckling.formatting import (
    format_date,
    format_date_range,
    format_money,
    format_number,
    format_percent,
    format_problem,
    format_time,
)

__all__ = ["CEILING_WARNING_SHARE", "NOTICE_WARNING_DAYS", "status_report"]


CEILING_WARNING_SHARE: Final = Decimal("0.8")
"""The status report warns when call-offs use more than this share of the ceiling (80 %)."""


NOTICE_WARNING_DAYS: Final = 90
"""The status report warns when the next option's notice deadline is this many days away or less."""


def _as_date(value: object) -> pendulum.Date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError.single(
            "on", value, "must be a date (not a datetime)", ProblemCode.DATE_NOT_DATETIME
        )
    return pendulum.date(value.year, value.month, value.day)


def _check_arguments(
    ledger: object,
    sessions: object,
    evaluations: object,
    weeks_ahead: object,
    minimum: object,
    locale: object,
) -> None:
    checks = Checker()
    checks.instance("ledger", ledger, AgreementLedger, "an AgreementLedger")
    checks.items("sessions", sessions, Session, "Session objects")
    checks.items("evaluations", evaluations, Evaluation, "Evaluation objects")
    checks.integer("weeks_ahead", weeks_ahead, minimum=0)
    checks.integer("minimum", minimum, minimum=3)
    checks.run("", lambda: language(locale))
    checks.done()


@overload
def status_report(
    ledger: AgreementLedger,
    *,
    on: dt.date,
    sessions: Iterable[Session] = ...,
    evaluations: Iterable[Evaluation] = ...,
    weeks_ahead: int = ...,
    minimum: int = ...,
    locale: str = ...,
    audience: None = None,
) -> Document: ...


@overload
def status_report(
    ledger: AgreementLedger,
    *,
    on: dt.date,
    sessions: Iterable[Session] = ...,
    evaluations: Iterable[Evaluation] = ...,
    weeks_ahead: int = ...,
    minimum: int = ...,
    locale: str = ...,
    audience: Audience,
) -> tuple[Document, Audience]: ...


def status_report(
    ledger: AgreementLedger,
    *,
    on: dt.date,
    sessions: Iterable[Session] = (),
    evaluations: Iterable[Evaluation] = (),
    weeks_ahead: int = 4,
    minimum: int = MINIMUM_RESPONDENTS,
    locale: str = DEFAULT_LOCALE,
    audience: Audience | None = None,
) -> Document | tuple[Document, Audience]:
    r"""The status report of a framework agreement and its call-offs on the day *on*.

    Sections: warnings; the parties; the term and options with the next notice deadline and
    the days left; the delivery terms (late cancellation, minimum participants, no-shows:
    what each costs, or that the agreement has no such term); the ceiling and how much of it
    is used (amount, percent, remaining); call-offs per unit, per service area and one by
    one; the sessions of the coming weeks; the evaluations collected by *on*, per program and
    cohort beside their total.

    Evaluation results follow the anonymity rules of :func:`~ledarutveckling.breakdown`: a
    cohort (or a question in it) with fewer than *minimum* respondents shows no figure, and
    further cohorts are hidden where the total would otherwise give a hidden one away
    (complementary suppression). Free-text comments are left out of the report. Pass the
    *audience*'s record to have the tables audited against what it was shown before (last
    week's report, say: a cohort hidden then must not fall out of this week's totals); the
    result is then the report and the record with its tables added (see
    :class:`~ledarutveckling.Audience`).

    Warnings are given when call-offs use more than :data:`CEILING_WARNING_SHARE` of the
    ceiling, when the next option's notice deadline (sista dag att påkalla option) is at most
    :data:`NOTICE_WARNING_DAYS` days away or has passed — an option exercised late is a
    deviation from the agreement (förlängning efter fristen) —, and for every problem
    :meth:`AgreementLedger.problems` finds, under the call-off it concerns (the problem's
    text is in English, as the library's error messages are).

    Amounts exclude VAT. Call-offs count when placed on or before *on* and not cancelled,
    as in :meth:`AgreementLedger.running_total`; a call-off terminated (hävd) on or before *on*
    counts, and is listed, for what was delivered (:meth:`AgreementLedger.value`).

    Args:
        ledger: The agreement and its call-offs.
        on: The day the report describes (pass it in; the report never reads the clock).
        sessions: Scheduled sessions; those starting on *on* or in the *weeks_ahead* weeks
            after it are listed.
        evaluations: Evaluations; those whose collection ended on or before *on* are shown.
            Without any, the report has no evaluation section.
        weeks_ahead: How many weeks of coming sessions to list.
        minimum: The fewest respondents whose results are shown (5 by default, at least 3).
        locale: ``"sv_SE"`` (default) or an English locale such as ``"en_GB"``.
        audience: What the report's readers were shown before; its minimums replace
            *minimum*.

    Returns:
        The report, to render with :func:`to_text`, :func:`to_markdown` or :func:`to_html`
        (with an *audience*, the report and the record).

    Raises:
        ValidationError: For a wrong argument type, a negative *weeks_ahead*, a *minimum*
            below 3 or an unknown locale.

    Examples:
        >>> import pendulum
        >>> from ledarutveckling.examples import stockholm_ledger
        >>> report = status_report(stockholm_ledger(), on=pendulum.date(2027, 8, 1))
        >>> for warning in report.sections[0].blocks[0].items:
        ...     print(warning)
        Sista dag att påkalla nästa option är 2 oktober 2027, om 62 dagar.
    """
    chosen = tuple(sessions) if isinstance(sessions, Iterable) else sessions
    evaluated = tuple(evaluations) if isinstance(evaluations, Iterable) else evaluations
    _check_arguments(ledger, chosen, evaluated, weeks_ahead, minimum, locale)
    day = _as_date(on)
    lang = language(locale)
    agreement = ledger.agreement
    problems = ledger.problems()
    unpriced = set(ledger.unpriced)
    subtitle = f"{agreement.reference} · {_t(lang, 'as_of')} {format_date(day, locale=locale)}"
    sections: tuple[Section, ...] = (
        Section(
            title=_t(lang, "warnings"),
            blocks=(_warnings(ledger, day, problems, unpriced, locale),),
        ),
        _parties(agreement, lang),
        _term(agreement, day, locale),
        terms_section(agreement.delivery_terms, locale),
        _ceiling(ledger, day, unpriced, locale),
        *_call_off_sections(ledger, day, unpriced, locale),
        _sessions(chosen, day, weeks_ahead, locale),
    )
    record = _audience(audience, minimum)
    if evaluated:
        section, record = _evaluations(ledger, evaluated, day, record, locale)
        sections += (section,)
    document = Document(
        title=f"{_t(lang, 'title')}: {agreement.title}",
        subtitle=subtitle,
        sections=sections,
        lang=lang,
    )
    return document if audience is None else (document, record)


def _warnings(
    ledger: AgreementLedger,
    day: pendulum.Date,
    problems: tuple[Problem, ...],
    unpriced: set[int],
    locale: str,
) -> Block:
    lang = language(locale)
    agreement = ledger.agreement
    items: list[str] = []
    ceiling = agreement.ceiling
    assert ceiling is not None  # a FrameworkAgreement always states its ceiling (C-23/20)
    used = _total(ledger, day, unpriced)
    share = used.amount / ceiling.amount
    planned = used + _total(ledger, day, unpriced, drafts=True)
    if used > ceiling:
        items.append(
            _t(
                lang,
                "warn_ceiling_passed",
                excess=format_money(used - ceiling, locale=locale),
                share=format_percent(share, locale=locale),
            )
        )
    elif share > CEILING_WARNING_SHARE:
        items.append(
            _t(
                lang,
                "warn_ceiling",
                share=format_percent(share, locale=locale),
                limit=format_percent(CEILING_WARNING_SHARE, decimals=0, locale=locale),
                remaining=format_money(ceiling - used, locale=locale),
            )
        )
    if planned > ceiling >= used:
        items.append(
            _t(lang, "warn_ceiling_drafts", excess=format_money(planned - ceiling, locale=locale))
        )
    _, end, deadline = _options_on(agreement, day)
    if deadline is not None and day <= end:
        left = (deadline - day).days
        if left < 0:
            items.append(
                _t(lang, "warn_deadline_passed", date=format_date(deadline, locale=locale))
            )
        elif left == 0:
            items.append(_t(lang, "warn_notice_today", date=format_date(deadline, locale=locale)))
        elif left <= NOTICE_WARNING_DAYS:
            items.append(
                _t(
                    lang,
                    "warn_notice",
                    date=format_date(deadline, locale=locale),
                    days=_days(lang, left),
                )
            )
    own = [(call_off, ledger.problems_of(i)) for i, call_off in enumerate(ledger.call_offs)]
    for problem in problems:
        if problem.code == ProblemCode.CEILING_EXCEEDED:
            continue  # said above, as of the report's day and without the drafts
        owner = next((c for c, found in own if problem in found), None)
        text = format_problem(problem, locale=locale)
        if owner is None:
            items.append(_t(lang, "warn_ledger", problem=text))
        elif owner.ordered_on <= day or _is_planned(owner, day):
            items.append(_t(lang, "warn_problem", reference=owner.reference, problem=text))
    if not items:
        return Paragraph(text=_t(lang, "no_warnings"))
    return Warnings(items=tuple(items))


def _parties(agreement: FrameworkAgreement, lang: Language) -> Section:
    rows = (
        (_t(lang, "buyer"), agreement.buyer.name, agreement.buyer.org_number),
        (_t(lang, "supplier"), agreement.supplier.name, agreement.supplier.org_number),
    )
    table = Table(
        columns=(_t(lang, "role"), _t(lang, "name"), _t(lang, "org_number")),
        rows=rows,
    )
    return Section(title=_t(lang, "parties"), blocks=(table,))


def _term(agreement: FrameworkAgreement, day: pendulum.Date, locale: str) -> Section:
    lang = language(locale)
    exercised, end, deadline = _options_on(agreement, day)
    # Options follow one another: once the next one's deadline has passed, none can be used.
    lapsed = deadline is not None and deadline < day
    blocks: list[Block] = [
        Paragraph(
            text=_t(
                lang,
                "term_line_lapsed" if lapsed else "term_line",
                term=format_date_range(agreement.term, locale=locale),
                end=format_date(end, locale=locale),
                latest=format_date(agreement.latest_end_date, locale=locale),
            )
        )
    ]
    if not agreement.is_in_force(day):
        blocks.append(
            Paragraph(text=_t(lang, "not_in_force", date=format_date(day, locale=locale)))
        )
    if deadline is None:
        blocks.append(Paragraph(text=_t(lang, "no_options_left")))
    else:
        left = (deadline - day).days
        key = "next_deadline" if left > 0 else "deadline_today" if left == 0 else "deadline_passed"
        blocks.append(
            Paragraph(
                text=_t(
                    lang,
                    key,
                    date=format_date(deadline, locale=locale),
                    days=_days(lang, abs(left)),
                )
            )
        )
    if agreement.options:
        rows = []
        periods = zip(agreement.options, agreement.option_periods, strict=True)
        for number, (option, period) in enumerate(periods, start=1):
            ends = period.start.subtract(days=1)  # the term the option extends ends then
            option_deadline = option.deadline_before(ends)
            if number <= exercised:
                assert option.exercised_on is not None
                status = _t(lang, "exercised", date=format_date(option.exercised_on, locale=locale))
            elif number == exercised + 1:
                status = _t(lang, "missed" if lapsed else "next")
            else:
                status = _t(lang, "lapsed" if lapsed else "later")
            rows.append(
                (
                    str(number),
                    _months(lang, option.months),
                    _t(
                        lang,
                        "notice_before",
                        days=_notice(lang, option.notice_months, option.notice_days),
                    )
                    if option.notice_months or option.notice_days
                    else _t(lang, "no_notice"),
                    format_date(option_deadline, style="short", locale=locale),
                    status,
                )
            )
        blocks.append(
            Table(
                columns=(
                    _t(lang, "option"),
                    _t(lang, "extension"),
                    _t(lang, "notice"),
                    _t(lang, "notice_deadline"),
                    _t(lang, "status"),
                ),
                rows=tuple(rows),
                align=("right", "left", "left", "left", "left"),
                nowrap=(3,),
            )
        )
    return Section(title=_t(lang, "term_options"), blocks=tuple(blocks))


def _status_on(call_off: CallOff, day: pendulum.Date) -> CallOffStatus:
    """The call-off's status on *day*, from its history (a draft until its first change)."""
    status = CallOffStatus.DRAFT
    for change in call_off.history:
        if change.on <= day:
            status = change.to_status
    return status


def _is_counted(call_off: CallOff, day: pendulum.Date) -> bool:
    """Called off by *day*: placed by then and, on that day, neither a draft nor cancelled."""
    return call_off.ordered_on <= day and _status_on(call_off, day) not in (
        CallOffStatus.DRAFT,
        CallOffStatus.CANCELLED,
    )


def _is_planned(call_off: CallOff, day: pendulum.Date) -> bool:
    """A draft on *day*: placed by then, or still a draft today (a plan already known)."""
    return _status_on(call_off, day) is CallOffStatus.DRAFT and (
        call_off.ordered_on <= day or call_off.status is CallOffStatus.DRAFT
    )


def _options_on(
    agreement: FrameworkAgreement, day: pendulum.Date
) -> tuple[int, pendulum.Date, pendulum.Date | None]:
    """As of *day*: the options exercised, the end of the term in force, the next deadline.

    An option exercised after *day* is not yet exercised on *day*.
    """
    exercised = 0
    for option in agreement.options:
        if option.exercised_on is None or option.exercised_on > day:
            break
        exercised += 1
    periods = agreement.option_periods
    end = periods[exercised - 1].end if exercised else agreement.term.end
    deadline = None
    if exercised < len(agreement.options):
        deadline = agreement.options[exercised].deadline_before(end)
    return exercised, end, deadline


def _listed_value(ledger: AgreementLedger, index: int, day: pendulum.Date) -> Money:
    """A listed call-off's amount: what it ordered, or what was delivered once terminated.

    A cancelled call-off keeps its ordered amount in the list (its status says it counts
    for nothing); a terminated one shows what it counts for from its termination.
    """
    ended = ledger.call_offs[index].terminated_on
    if ended is not None and ended <= day:
        return ledger.value(index, day)
    return ledger.total(index)


def _total(
    ledger: AgreementLedger, day: pendulum.Date, unpriced: set[int], *, drafts: bool = False
) -> Money:
    """The value called off by *day*, or with *drafts* the value of the drafts on *day*."""
    zero = Money.zero(ledger.agreement.currency)
    return sum(
        (
            ledger.value(index, day)
            for index, call_off in enumerate(ledger.call_offs)
            if index not in unpriced
            and (_is_planned(call_off, day) if drafts else _is_counted(call_off, day))
        ),
        zero,
    )


def _ceiling(
    ledger: AgreementLedger, day: pendulum.Date, unpriced: set[int], locale: str
) -> Section:
    lang = language(locale)
    agreement = ledger.agreement
    used = _total(ledger, day, unpriced)
    ceiling = agreement.ceiling
    assert ceiling is not None  # a FrameworkAgreement always states its ceiling (C-23/20)
    planned = _total(ledger, day, unpriced, drafts=True)
    rows: list[tuple[str, str]] = [
        (_t(lang, "ceiling"), format_money(ceiling, locale=locale)),
        (_t(lang, "estimated"), format_money(agreement.estimated_value, locale=locale)),
        (_t(lang, "called_off"), format_money(used, locale=locale)),
    ]
    if planned.amount:
        rows.append((_t(lang, "planned"), format_money(planned, locale=locale)))
    rows.append(
        (_t(lang, "utilisation"), format_percent(used.amount / ceiling.amount, locale=locale))
    )
    if used > ceiling:
        rows.append((_t(lang, "exceeded_by"), format_money(used - ceiling, locale=locale)))
    else:
        rows.append((_t(lang, "remaining"), format_money(ceiling - used, locale=locale)))
    table = Table(
        columns=(_t(lang, "item"), _t(lang, "amount_excl")),
        rows=tuple(rows),
        align=("left", "right"),
    )
    note = Paragraph(text=_t(lang, "not_counted", date=format_date(day, locale=locale)))
    return Section(title=_t(lang, "ceiling_section"), blocks=(table, note))


def _share(part: Money, whole: Money, locale: str) -> str:
    if whole.amount == 0:
        return "–"
    return format_percent(part.amount / whole.amount, locale=locale)


def _call_off_sections(
    ledger: AgreementLedger, day: pendulum.Date, unpriced: set[int], locale: str
) -> tuple[Section, Section, Section]:
    lang = language(locale)
    counted = [
        (index, call_off)
        for index, call_off in enumerate(ledger.call_offs)
        if index not in unpriced and _is_counted(call_off, day)
    ]
    counted.sort(key=lambda pair: (pair[1].ordered_on, pair[0]))
    zero = Money.zero(ledger.agreement.currency)
    whole = sum((ledger.value(i, day) for i, _ in counted), zero)
    by_unit: dict[str, tuple[int, Money]] = {}
    by_area: dict[str, tuple[int, Money]] = {}
    for index, call_off in counted:
        amount = ledger.value(index, day)
        area = call_off.service_area
        area_name = _t(lang, "no_area") if area is None else area.label(locale)
        for table, key in ((by_unit, call_off.unit.name), (by_area, area_name)):
            count, total = table.get(key, (0, zero))
            table[key] = (count + 1, total + amount)

    def grouped(title: str, column: str, groups: dict[str, tuple[int, Money]]) -> Section:
        if not groups:
            return Section(title=title, blocks=(Paragraph(text=_t(lang, "no_call_offs")),))
        rows = tuple(
            (name, str(count), format_money(total, locale=locale), _share(total, whole, locale))
            for name, (count, total) in sorted(groups.items(), key=lambda item: -item[1][1].amount)
        )
        return Section(
            title=title,
            blocks=(
                Table(
                    columns=(column, _t(lang, "count"), _t(lang, "amount_excl"), _t(lang, "share")),
                    rows=rows,
                    align=("left", "right", "right", "right"),
                ),
            ),
        )

    listed: list[tuple[str, ...]] = []
    for index, call_off in sorted(
        enumerate(ledger.call_offs), key=lambda pair: (pair[1].ordered_on, pair[0])
    ):
        if call_off.ordered_on > day and not _is_planned(call_off, day):
            continue  # not placed yet on the report's day
        value = (
            _t(lang, "unpriced")
            if index in unpriced
            else format_money(_listed_value(ledger, index, day), locale=locale)
        )
        listed.append(
            (
                call_off.reference,
                call_off.unit.name,
                format_date(call_off.ordered_on, style="short", locale=locale),
                format_date_range(call_off.delivery, locale=locale),
                ", ".join(p.code for p in call_off.programs),
                _status_on(call_off, day).label(locale),
                value,
            )
        )
    every: Block = (
        Table(
            columns=(
                _t(lang, "reference"),
                _t(lang, "unit"),
                _t(lang, "ordered_on"),
                _t(lang, "delivery"),
                _t(lang, "programs"),
                _t(lang, "status"),
                _t(lang, "amount_excl"),
            ),
            rows=tuple(listed),
            align=("left", "left", "left", "left", "left", "left", "right"),
            nowrap=(0, 2, 4, 5),
        )
        if listed
        else Paragraph(text=_t(lang, "no_call_offs"))
    )
    return (
        grouped(_t(lang, "by_unit"), _t(lang, "unit"), by_unit),
        grouped(_t(lang, "by_area"), _t(lang, "area"), by_area),
        Section(title=_t(lang, "call_offs"), blocks=(every,)),
    )


def _sessions(
    sessions: tuple[Session, ...], day: pendulum.Date, weeks: int, locale: str
) -> Section:
    lang = language(locale)
    period = DateRange(start=day, end=day.add(days=max(weeks * 7 - 1, 0)))
    period_text = format_date_range(period, locale=locale)
    coming = sorted(
        (s for s in sessions if s.day in period),
        key=lambda s: (s.start.timestamp(), s.program.code, s.cohort),
    )
    if not coming:
        return Section(
            title=_t(lang, "sessions"),
            blocks=(Paragraph(text=_t(lang, "no_sessions", period=period_text)),),
        )
    rows = tuple(
        (
            format_date(s.day, style="short", locale=locale),
            f"{format_time(s.start, locale=locale)}–{format_time(s.end, locale=locale)}",
            s.program.title,
            s.cohort,
            s.module.title,
            s.format.label(locale),
            s.room or "",
            ", ".join(s.facilitators),
        )
        for s in coming
    )
    table = Table(
        columns=(
            _t(lang, "date"),
            _t(lang, "time"),
            _t(lang, "program"),
            _t(lang, "cohort"),
            _t(lang, "module"),
            _t(lang, "format"),
            _t(lang, "place"),
            _t(lang, "facilitators"),
        ),
        rows=rows,
        nowrap=(0, 1),
    )
    return Section(
        title=_t(lang, "sessions"),
        blocks=(Paragraph(text=_t(lang, "sessions_period", period=period_text)), table),
    )


_RIGHT: Final[tuple[Align]] = ("right",)


def _group_row(group: GroupSummary, name: str, codes: list[str], locale: str) -> tuple[str, ...]:
    if group.respondents is None:
        note = group.note(locale) or ""
        return (name, note, "–", *("–" for _ in codes))
    rate = format_percent(group.response_rate or Decimal(0), locale=locale)
    cells = []
    for code in codes:
        try:
            summary = group.question(code)
        except KeyError:
            cells.append("–")
            continue
        if summary.statistics is None:
            cells.append(summary.format(locale=locale))
        else:
            cells.append(summary.statistics.format(locale=locale))
    answered = format_number(group.respondents, locale=locale)
    return (name, f"{answered} / {format_number(group.invited, locale=locale)}", rate, *cells)


def _evaluations(
    ledger: AgreementLedger,
    evaluations: tuple[Evaluation, ...],
    day: pendulum.Date,
    record: Audience,
    locale: str,
) -> tuple[Section, Audience]:
    lang = language(locale)
    minimum = record.minimum
    done = [e for e in evaluations if e.collected.end <= day]
    title = _t(lang, "evaluations")
    if not done:
        text = _t(lang, "no_evaluations", date=format_date(day, locale=locale))
        return Section(title=title, blocks=(Paragraph(text=text),)), record
    titles = {p.code: p.title for c in ledger.call_offs for p in c.programs}
    blocks: list[Block] = [Paragraph(text=_t(lang, "anonymity", minimum=minimum))]
    programs = sorted({e.subject.program_code for e in done})
    for code in programs:
        chosen = [e for e in done if e.subject.program_code == code]
        label = status_report_label(day, code)  # in English: named in the reader's language
        result, record = _breakdown(chosen, Dimension.COHORT, record, label)
        questions = {q.question.code: q.question for q in result.total.questions}
        codes = list(questions)
        rows = [_group_row(g, g.key or "–", codes, locale) for g in result.groups]
        rows.append(_group_row(result.total, _t(lang, "total"), codes, locale))
        name = f"{code} {titles[code]}" if code in titles else code
        blocks.append(
            Table(
                caption=_t(lang, "evaluation_caption", program=name),
                columns=(
                    _t(lang, "cohort"),
                    _t(lang, "responses"),
                    _t(lang, "response_rate"),
                    *codes,
                ),
                rows=tuple(rows),
                align=("left", "right", "right", *_RIGHT * len(codes)),
            )
        )
        blocks.append(
            Bullets(
                items=tuple(
                    f"{q.code}: {q.text} ({q.level.label(locale)}, {q.scale.label(locale)})"
                    for q in questions.values()
                )
            )
        )
    return Section(title=title, blocks=tuple(blocks)), record
