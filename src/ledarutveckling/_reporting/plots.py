"""Charts of a ledger, a rollout and evaluations, drawn for the public `plots` module."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import pendulum
from babel.dates import format_date as _babel_date

from ledarutveckling._base.extras import require
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words, babel_locale, language
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import ValidationError
from ledarutveckling.formatting import format_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_burn_up", "plot_schedule"]


_COLOURS: Final = (
    "#0b5394",
    "#e69138",
    "#38761d",
    "#a61c00",
    "#674ea7",
    "#45818e",
    "#bf9000",
    "#7f6000",
)


_WORDS: Final[dict[str, tuple[str, str]]] = {
    "schedule": ("Schema", "Schedule"),
    "burn_up": ("Avropat mot takbeloppet", "Call-offs against the ceiling"),
    "amount": ("Belopp, miljoner kronor exkl. moms", "Amount, million SEK excl. VAT"),
    "date": ("Datum", "Date"),
    "cohort": ("Program och grupp", "Program and cohort"),
    "unit": ("Enhet och kohort", "Unit and cohort"),
    "called_off": ("Avropat (ackumulerat)", "Called off (cumulative)"),
    "ceiling": ("Takbelopp", "Ceiling"),
    "estimated": ("Uppskattat värde", "Estimated value"),
    "term": ("Avtalstid", "Term"),
    "option": ("Option {n}", "Option {n}"),
    "exercised": ("påkallad", "exercised"),
    "on": ("Per {date}", "As of {date}"),
    "unit_cohort": ("{unit}, kohort {cohort}", "{unit}, cohort {cohort}"),
}


_TEXTS: Final = Words(_WORDS)


def _t(locale: str, key: str, **values: object) -> str:
    return _TEXTS.format(key, locale, **values)


def _figure(feature: str) -> Figure:
    module = require("matplotlib.figure", "plot", feature)
    figure: Figure = module.Figure(figsize=(10, 5), layout="constrained")
    return figure


def _date_axis(axis: Any, locale: str) -> None:
    dates = require("matplotlib.dates", "plot", "plots")
    ticker = require("matplotlib.ticker", "plot", "plots")
    loc = babel_locale(locale)
    locator = dates.AutoDateLocator(minticks=4, maxticks=10)

    def label(value: float, _position: int) -> str:
        day = dates.num2date(value).date()
        return str(_babel_date(day, "d MMM y", locale=loc))

    axis.set_major_locator(locator)
    axis.set_major_formatter(ticker.FuncFormatter(label))


def _bars(
    sessions: Iterable[Session] | RolloutPlan, locale: str
) -> list[tuple[str, str, pendulum.Date, str]]:
    """(row label, colour key, day, module code) for every session, in time order."""
    if isinstance(sessions, RolloutPlan):
        units = [unit.name for unit in sessions.units]
        ordered = sorted(
            sessions.sessions, key=lambda s: (units.index(s.unit), s.cohort, s.start.timestamp())
        )
        return [
            (_t(locale, "unit_cohort", unit=s.unit, cohort=s.cohort), s.unit, s.date, s.module)
            for s in ordered
        ]
    items = tuple(sessions) if isinstance(sessions, Iterable) else sessions
    if not isinstance(items, tuple) or not all(isinstance(s, Session) for s in items):
        raise ValidationError.single(
            "sessions",
            sessions,
            "must be a list of Session objects or a RolloutPlan",
            ProblemCode.WRONG_TYPE,
        )
    ordered_sessions = sorted(items, key=lambda s: (s.start.timestamp(), s.program.code, s.cohort))
    return [
        (f"{s.program.code} {s.cohort}", s.program.code, s.day, s.module.code)
        for s in ordered_sessions
    ]


def plot_schedule(
    sessions: Iterable[Session] | RolloutPlan,
    *,
    title: str | None = None,
    locale: str = DEFAULT_LOCALE,
) -> Figure:
    r"""A Gantt chart of a schedule or a rollout plan: one row per cohort, a bar per session.

    Sessions are grouped by program and cohort; a rollout plan's by unit and cohort. A thin
    line joins a cohort's first and last session; each session is a bar one day wide,
    coloured by program (by unit for a plan) and labelled with the module's code when there
    are at most 20 rows. Rows are in the order of the cohorts' first sessions, top down; a
    plan's rows in the order of its units, then by cohort.

    Args:
        sessions: Sessions, e.g. from :func:`~ledarutveckling.schedule_cohort`, or a
            :class:`~ledarutveckling.scheduling.RolloutPlan`.
        title: The chart's title; ``"Schema"`` (``"Schedule"``) by default, or the plan's
            program title.
        locale: Swedish (default) or English labels and dates.

    Raises:
        ImportError: Without matplotlib (the message names the ``plot`` extra).
        ValidationError: For something that is not a list of sessions or a plan, an empty
            one, or an unknown locale.

    Examples:
        >>> import datetime as dt, pendulum
        >>> from ledarutveckling import WorkingCalendar, schedule_cohort
        >>> from ledarutveckling.examples import stockholm_catalogue
        >>> program = stockholm_catalogue().program("FOR-LED")
        >>> sessions = schedule_cohort(program, "Grupp 1", pendulum.date(2027, 2, 1),
        ...                            WorkingCalendar.sweden(), dt.time(9, 0))
        >>> figure = plot_schedule(sessions)
        >>> [label.get_text() for label in figure.axes[0].get_yticklabels()]
        ['FOR-LED Grupp 1']
    """
    language(locale)
    bars = _bars(sessions, locale)
    if not bars:
        raise ValidationError.single(
            "sessions", sessions, "must hold at least one session", ProblemCode.EMPTY_LIST
        )
    if title is None and isinstance(sessions, RolloutPlan):
        title = sessions.program.title
    figure = _figure("plot_schedule()")
    dates = require("matplotlib.dates", "plot", "plot_schedule()")
    ax = figure.add_subplot()
    rows: dict[str, list[tuple[str, pendulum.Date, str]]] = {}
    for label, key, day, module in bars:
        rows.setdefault(label, []).append((key, day, module))
    keys = list(dict.fromkeys(key for _, key, _, _ in bars))
    for row, (label, group) in enumerate(rows.items()):
        colour = _COLOURS[keys.index(group[0][0]) % len(_COLOURS)]
        first, last = group[0][1], group[-1][1]
        ax.plot(
            [dates.date2num(first), dates.date2num(last) + 1],
            [row, row],
            color=colour,
            linewidth=1,
            alpha=0.5,
        )
        ax.broken_barh(
            [(dates.date2num(day), 1.0) for _, day, _ in group],
            (row - 0.3, 0.6),
            facecolors=colour,
        )
        if len(rows) <= 20:
            for _, day, module in group:
                ax.annotate(
                    module,
                    (dates.date2num(day) + 0.5, row - 0.38),
                    ha="center",
                    va="bottom",
                    fontsize=7,
                )
        del label
    ax.set_yticks(range(len(rows)), list(rows))
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.set_xlabel(_t(locale, "date"))
    ax.set_ylabel(_t(locale, "unit" if isinstance(sessions, RolloutPlan) else "cohort"))
    ax.set_title(title or _t(locale, "schedule"))
    ax.grid(axis="x", color="#dddddd")
    _date_axis(ax.xaxis, locale)
    figure.set_figheight(max(3.0, 1.2 + 0.45 * len(rows)))
    return figure


def _millions(value: Decimal) -> float:
    return float(value / Decimal(1_000_000))


def plot_burn_up(
    ledger: AgreementLedger,
    *,
    on: dt.date | None = None,
    locale: str = DEFAULT_LOCALE,
) -> Figure:
    r"""The ceiling burn-up: call-offs accumulated over time against the ceiling.

    A step line climbs by each call-off's value (excluding VAT) on the day it was placed;
    cancelled call-offs and drafts count for nothing and call-offs that cannot be priced are
    left out. A terminated call-off (hävd) steps the line down on the day of its termination
    to what was delivered (:meth:`~ledarutveckling.AgreementLedger.value`).
    Horizontal lines mark the ceiling (takbelopp) and the estimated value; the term is shaded
    and each option's extension is shaded lighter (hatched while not exercised); a vertical
    line marks *on* when given.

    Args:
        ledger: The agreement and its call-offs.
        on: The report's day, marked on the chart; call-offs after it are still drawn.
        locale: Swedish (default) or English labels and dates.

    Raises:
        ImportError: Without matplotlib (the message names the ``plot`` extra).
        ValidationError: For a wrong *ledger* or an unknown locale.
    """
    if not isinstance(ledger, AgreementLedger):
        raise ValidationError.single(
            "ledger", ledger, "must be an AgreementLedger", ProblemCode.WRONG_TYPE
        )
    language(locale)
    figure = _figure("plot_burn_up()")
    dates = require("matplotlib.dates", "plot", "plot_burn_up()")
    ax = figure.add_subplot()
    agreement = ledger.agreement
    placed = []
    for index, call_off in enumerate(ledger.call_offs):
        if call_off.is_cancelled or call_off.status is CallOffStatus.DRAFT:
            continue  # a draft is not called off (the status report lists it as planned)
        try:
            whole = ledger.total(index).amount
        except ValidationError:
            continue
        placed.append((call_off.ordered_on, whole))
        ended = call_off.terminated_on
        if ended is not None:  # from the termination it counts for what was delivered
            placed.append((ended, ledger.value(index).amount - whole))
    placed.sort(key=lambda item: item[0])
    start, latest = agreement.term.start, agreement.latest_end_date
    xs = [dates.date2num(start)]
    ys = [0.0]
    total = Decimal(0)
    for day, amount in placed:
        total += amount
        xs.append(dates.date2num(day))
        ys.append(_millions(total))
    xs.append(dates.date2num(max(latest, placed[-1][0] if placed else latest)))
    ys.append(_millions(total))
    ax.step(xs, ys, where="post", color="#0b5394", linewidth=2, label=_t(locale, "called_off"))
    ceiling = agreement.ceiling
    assert ceiling is not None  # a FrameworkAgreement always states its ceiling (C-23/20)
    ax.axhline(
        _millions(ceiling.amount), color="#a61c00", linewidth=1.5, label=_t(locale, "ceiling")
    )
    ax.axhline(
        _millions(agreement.estimated_value.amount),
        color="#7f7f7f",
        linestyle="--",
        linewidth=1,
        label=_t(locale, "estimated"),
    )
    ax.axvspan(
        dates.date2num(start),
        dates.date2num(agreement.term.end) + 1,
        color="#cfe2f3",
        alpha=0.5,
        label=_t(locale, "term"),
        zorder=0,
    )
    top = max([*ys, _millions(ceiling.amount)])
    periods = zip(agreement.options, agreement.option_periods, strict=True)
    for number, (option, period) in enumerate(periods, start=1):
        exercised = option.exercised_on is not None
        ax.axvspan(
            dates.date2num(period.start),
            dates.date2num(period.end) + 1,
            facecolor="#d9ead3" if exercised else "none",
            edgecolor="#38761d",
            hatch=None if exercised else "//",
            alpha=0.5,
            linewidth=0.5,
            zorder=0,
        )
        text = _t(locale, "option", n=number)
        if exercised:
            text += f" ({_t(locale, 'exercised')})"
        ax.annotate(
            text,
            (dates.date2num(period.start) + 4, top * 1.04),
            fontsize=8,
            va="bottom",
        )
    if on is not None:
        loc = babel_locale(locale)
        ax.axvline(dates.date2num(on), color="#333333", linestyle=":", linewidth=1)
        ax.annotate(
            _t(locale, "on", date=_babel_date(on, "d MMM y", locale=loc)),
            (dates.date2num(on) + 5, top * 0.5),
            fontsize=8,
            rotation=90,
        )
    ticker = require("matplotlib.ticker", "plot", "plot_burn_up()")
    ax.yaxis.set_major_formatter(
        ticker.FuncFormatter(
            lambda value, _pos: format_number(Decimal(str(round(value, 1))), locale=locale)
        )
    )
    ax.set_ylim(0, top * 1.15)
    ax.set_xlim(dates.date2num(start) - 15, dates.date2num(latest) + 15)
    ax.set_ylabel(_t(locale, "amount"))
    ax.set_xlabel(_t(locale, "date"))
    ax.set_title(f"{_t(locale, 'burn_up')}: {agreement.title}")
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(axis="y", color="#dddddd")
    _date_axis(ax.xaxis, locale)
    return figure
