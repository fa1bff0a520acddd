"""HTML tables for notebooks: the ``_repr_html_`` of the model's main classes (private).

Jupyter calls ``_repr_html_`` to show an object; each class's method calls one function here.
``_repr_html_`` has no locale argument to pass, so the fragments it shows are in Swedish; a
rollout plan's table is in English too, from :meth:`RolloutPlan.to_html` with ``locale``.
They use only ``<table>`` markup with a caption, and escape every value.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._reporting.document import Align, Table, _html_table
from ledarutveckling._reporting.terms import terms_rows, terms_title
from ledarutveckling.formatting import (
    format_date,
    format_date_range,
    format_duration,
    format_money,
    format_number,
    format_percent,
    format_problem,
)

if TYPE_CHECKING:
    from ledarutveckling._evaluation.group_summary import GroupSummary
    from ledarutveckling._evaluation.summaries import Breakdown
    from ledarutveckling._procurement.agreement import FrameworkAgreement
    from ledarutveckling._procurement.calloff import CallOff
    from ledarutveckling._procurement.catalogue import Catalogue
    from ledarutveckling._procurement.ledger import AgreementLedger
    from ledarutveckling._procurement.offerings import Program
    from ledarutveckling._rollout.plan import RolloutPlan


def _facts(caption: str, rows: Sequence[tuple[str, str]]) -> str:
    return _table(Table(columns=("", ""), rows=tuple(rows), caption=caption), head=False)


def _table(table: Table, *, head: bool = True) -> str:
    parts = _html_table(table)
    if not head:
        parts = [p for p in parts if not p.startswith("<thead>")]
    return "\n".join(parts)


def _div(*parts: str) -> str:
    return '<div class="ledarutveckling">\n' + "\n".join(parts) + "\n</div>"


def agreement_html(agreement: FrameworkAgreement) -> str:
    """The agreement's key facts, its price list and its delivery terms."""
    deadline = agreement.notice_deadline
    options = (
        ", ".join(
            ("1 månad" if o.months == 1 else f"{o.months} månader")
            + (f" (påkallad {format_date(o.exercised_on)})" if o.exercised_on else "")
            for o in agreement.options
        )
        or "inga"
    )
    facts = [
        ("Diarienummer", agreement.reference),
        ("Beställare", str(agreement.buyer)),
        ("Leverantör", str(agreement.supplier)),
        ("Avtalstid", format_date_range(agreement.term)),
        ("Gäller till och med", format_date(agreement.end_date)),
        ("Optioner", options),
        ("Nästa optionsfrist", "–" if deadline is None else format_date(deadline)),
        ("Takbelopp", "–" if agreement.ceiling is None else format_money(agreement.ceiling)),
        ("Uppskattat värde", format_money(agreement.estimated_value)),
        ("Avropsordning", agreement.call_off_method.label()),
        ("Tjänsteområden", ", ".join(a.label() for a in agreement.service_areas)),
    ]
    prices = Table(
        caption="Prislista (exkl. moms, före indexuppräkning)",
        columns=("Kod", "Beskrivning", "Enhet", "Pris"),
        rows=tuple(
            (item.code, item.description, item.unit.label(), format_money(item.price))
            for item in agreement.price_list
        ),
        align=("left", "left", "left", "right"),
    )
    return _div(
        _facts(f"Ramavtal: {agreement.title}", facts),
        _table(prices),
        _facts(terms_title("sv_SE"), terms_rows(agreement.delivery_terms, "sv_SE")),
    )


def call_off_html(call_off: CallOff) -> str:
    """The call-off's key facts and its lines."""
    facts = [
        ("Diarienummer", call_off.reference),
        ("Ramavtal", call_off.agreement_reference),
        ("Beställare", str(call_off.unit)),
        ("Avropat den", format_date(call_off.ordered_on)),
        ("Leverans", format_date_range(call_off.delivery)),
        ("Status", call_off.status.label()),
        ("Avropsordning", call_off.method.label()),
        ("Program", ", ".join(f"{p.code} {p.title}" for p in call_off.programs) or "–"),
    ]
    lines = Table(
        caption="Rader (exkl. moms)",
        columns=("Priskod", "Beskrivning", "Antal", "À-pris"),
        rows=tuple(
            (
                line.price_code,
                line.description,
                format_number(line.quantity),
                "listpris"
                if line.unit_price is None
                else format_money(line.unit_price, precision="exact"),
            )
            for line in call_off.lines
        ),
        align=("left", "left", "right", "right"),
    )
    return _div(_facts(f"Avrop {call_off.reference}", facts), _table(lines))


def program_html(program: Program) -> str:
    """The program's key facts and its modules."""
    low, high = program.cohort_size
    facts = [
        ("Kod", program.code),
        ("Tjänsteområde", program.service_area.label()),
        ("Målgrupp", program.target_group.label()),
        ("Typ", program.kind.label()),
        ("Gruppstorlek", f"{low}–{high} deltagare"),
        ("Total längd", format_duration(program.total_duration)),
    ]
    modules = Table(
        caption="Moduler",
        columns=("Kod", "Titel", "Längd", "Format", "Utbildningsledare", "Dagar efter förra"),
        rows=tuple(
            (
                m.code,
                m.title,
                format_duration(m.duration),
                m.format.label(),
                str(m.facilitators),
                str(m.min_days_after_previous),
            )
            for m in program.modules
        ),
        align=("left", "left", "left", "left", "right", "right"),
    )
    return _div(_facts(f"Program: {program.title}", facts), _table(modules))


def catalogue_html(catalogue: Catalogue) -> str:
    """One row per program."""
    table = Table(
        caption=f"Katalog: {len(catalogue)} program",
        columns=("Kod", "Titel", "Tjänsteområde", "Målgrupp", "Typ", "Moduler", "Total längd"),
        rows=tuple(
            (
                p.code,
                p.title,
                p.service_area.label(),
                p.target_group.label(),
                p.kind.label(),
                str(len(p.modules)),
                format_duration(p.total_duration),
            )
            for p in catalogue
        ),
        align=("left", "left", "left", "left", "left", "right", "left"),
    )
    return _div(_table(table))


def ledger_html(ledger: AgreementLedger) -> str:
    """The call-offs with their values, and every problem found."""
    rows = []
    for index, call_off in enumerate(ledger.call_offs):
        try:
            amount = format_money(ledger.total(index))
        except ValueError:
            amount = "kan inte prissättas"
        rows.append(
            (
                call_off.reference,
                call_off.unit.name,
                format_date(call_off.ordered_on, style="short"),
                call_off.status.label(),
                amount,
            )
        )
    table = Table(
        caption=f"Avropslogg: {ledger.agreement.reference}, {len(ledger.call_offs)} avrop",
        columns=("Diarienummer", "Beställare", "Avropat den", "Status", "Belopp exkl. moms"),
        rows=tuple(rows),
        align=("left", "left", "left", "left", "right"),
    )
    problems = ledger.problems()
    own = [(c.reference, ledger.problems_of(i)) for i, c in enumerate(ledger.call_offs)]
    items = []
    for problem in problems:
        owner = next((reference for reference, found in own if problem in found), None)
        subject = "Avtalet" if owner is None else f"Avrop {owner}"
        items.append(f"{subject}: {format_problem(problem)}")
    text = (
        "<p>Inga problem.</p>"
        if not problems
        else "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"
    )
    return _div(_table(table), text)


def _summary_cells(group: GroupSummary, codes: Sequence[str]) -> tuple[str, ...]:
    if group.respondents is None:
        return (group.note() or "", "–", *("–" for _ in codes))
    cells = []
    for code in codes:
        try:
            cells.append(group.question(code).format())
        except KeyError:
            cells.append("–")
    rate = format_percent(group.response_rate) if group.response_rate is not None else "–"
    return (f"{group.respondents} av {group.invited}", rate, *cells)


def _right(count: int) -> tuple[Align, ...]:
    return tuple("right" for _ in range(count))


def group_summary_html(group: GroupSummary) -> str:
    """One row per question, with anonymity applied."""
    if group.respondents is None:
        return _div(f"<p>{html.escape(group.note() or '')}</p>")
    rate = format_percent(group.response_rate) if group.response_rate is not None else "–"
    table = Table(
        caption=f"{group.respondents} svar av {group.invited} inbjudna ({rate})",
        columns=("Fråga", "Text", "Nivå", "Resultat"),
        rows=tuple(
            (s.question.code, s.question.text, s.question.level.label(), s.format())
            for s in group.questions
        ),
        align=("left", "left", "left", "right"),
    )
    return _div(_table(table))


def breakdown_html(result: Breakdown) -> str:
    """One row per group and the total, one column per question, with anonymity applied."""
    codes = [q.question.code for q in result.total.questions]
    rows = [(g.key or "–", *_summary_cells(g, codes)) for g in result.groups]
    rows.append(("Totalt", *_summary_cells(result.total, codes)))
    table = Table(
        caption=f"Per {result.dimension.label()} (minst {result.minimum} svar visas)",
        columns=(result.dimension.label().capitalize(), "Svar", "Svarsfrekvens", *codes),
        rows=tuple(rows),
        align=("left", *_right(2 + len(codes))),
    )
    return _div(_table(table))


def plan_html(plan: RolloutPlan, locale: str = DEFAULT_LOCALE) -> str:
    """The plan's summary and one row per unit and cohort, in *locale*'s language."""
    words = _PLAN.texts(locale)
    summary = "".join(f"<p>{html.escape(line)}</p>" for line in plan.summary(locale).splitlines())
    cohorts: dict[tuple[str, int], list[str]] = {}
    sizes: dict[tuple[str, int], int] = {}
    for s in sorted(plan.sessions, key=lambda s: s.start.timestamp()):
        cohorts.setdefault((s.unit, s.cohort), []).append(
            f"{s.module} {format_date(s.date, style='short', locale=locale)}"
        )
        sizes[(s.unit, s.cohort)] = s.size
    units = [unit.name for unit in plan.units]
    table = Table(
        caption=words["caption"].format(title=plan.program.title),
        columns=(words["unit"], words["cohort"], words["participants"], words["sessions"]),
        rows=tuple(
            (
                unit,
                format_number(number, locale=locale),
                format_number(sizes[(unit, number)], locale=locale),
                ", ".join(days),
            )
            for (unit, number), days in sorted(
                cohorts.items(), key=lambda item: (units.index(item[0][0]), item[0][1])
            )
        ),
        align=("left", "right", "right", "left"),
    )
    return _div(summary, _table(table))


_PLAN: Final = Words(
    {
        "caption": ("Utrullning: {title}", "Rollout: {title}"),
        "unit": ("Enhet", "Unit"),
        "cohort": ("Kohort", "Cohort"),
        "participants": ("Deltagare", "Participants"),
        "sessions": ("Träffar", "Sessions"),
    }
)
"""The rollout plan's table (:func:`plan_html`), in Swedish and English."""
