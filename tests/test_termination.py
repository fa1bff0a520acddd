"""A call-off terminated during delivery (hävning) counts for what was delivered (issue 18).

DOMAIN.md: "Hävning: termination of a contract (here a call-off) for breach; the delivery
stops and what was delivered is settled." Until the day of the termination the call-off
counts in full; from that day, for the delivered quantity of each line at its price.
"""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from ledarutveckling import (
    AgreementLedger,
    CallOff,
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    DateRange,
    Money,
    ProblemCode,
)
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.records import to_records
from ledarutveckling.reports import Table, status_report

SDF = "SDF-SK 2026/0318"  # in delivery 2026-04-06 to 2026-12-18, 232 432,20 kr
DELIVERED = (36, 9, 18, 0, 20, 48, 48)  # of its lines 36, 9, 36, 6, 43.5, 48, 48
SETTLED = Money.sek("161353.20")  # 36·1 450·… : the delivered part at the lines' prices


def _terminated(on: str = "2026-12-01", ledger: AgreementLedger | None = None) -> AgreementLedger:
    book = stockholm_ledger() if ledger is None else ledger
    running = book.call_offs[book.index_of(SDF)]
    stopped = running.transition(
        CallOffStatus.TERMINATED, pendulum.Date.fromisoformat(on), delivered=DELIVERED
    )
    return book.replace(SDF, stopped)


def test_a_terminated_call_off_counts_in_full_until_the_termination_then_what_was_delivered() -> (
    None
):
    ledger = _terminated()
    assert ledger.call_offs[3].terminated_on == pendulum.date(2026, 12, 1)
    assert ledger.total(3) == Money.sek("232432.20")  # what it ordered
    assert ledger.value(3, pendulum.date(2026, 11, 30)) == Money.sek("232432.20")
    assert ledger.value(3, pendulum.date(2026, 12, 1)) == SETTLED
    assert ledger.value(3) == SETTLED
    assert stockholm_ledger().call_offs[3].terminated_on is None


def test_the_ledgers_totals_count_the_delivered_part_from_the_termination() -> None:
    before, after = pendulum.date(2026, 11, 30), pendulum.date(2026, 12, 15)
    ledger, untouched = _terminated(), stockholm_ledger()
    freed = Money.sek("71079.00")  # 232 432,20 less 161 353,20
    assert ledger.running_total(before) == untouched.running_total(before)
    assert ledger.running_total(after) == untouched.running_total(after) - freed
    assert ledger.running_total(after) == Money.sek("2966006.40")
    assert ledger.remaining(after) == Money.sek("7033993.60")
    assert ledger.utilisation(after) == Decimal("0.29660064")
    unit = ledger.call_offs[3].unit
    assert ledger.totals_by_unit(after)[unit] == untouched.totals_by_unit(after)[unit] - freed
    assert sum(ledger.totals_by_month(after).values(), Money.sek("0")) == Money.sek("2966006.40")


def test_a_cancelled_call_off_counts_until_the_day_it_was_cancelled() -> None:
    ledger = stockholm_ledger()
    cancelled = ledger.call_offs[1]  # SDF-SK 2025/0412, cancelled on its last change
    day = cancelled.history[-1].on
    assert ledger.value(1, day.subtract(days=1)) == ledger.total(1) == Money.sek("27900.00")
    assert ledger.value(1, day) == ledger.value(1) == Money.sek("0")


def test_the_running_total_counts_a_call_off_as_it_stood_on_the_day() -> None:
    ledger = stockholm_ledger()  # SDF-SK 2025/0412: ordered 5 May 2025, cancelled 20 May
    assert ledger.running_total(pendulum.date(2025, 5, 19)) == Money.sek("237600.00")
    assert ledger.running_total(pendulum.date(2025, 5, 20)) == Money.sek("209700.00")
    assert ledger.running_total() == Money.sek("3126368.55")  # now: cancelled counts nothing


def test_a_terminated_call_off_is_no_longer_in_force_from_its_termination() -> None:
    ledger = _terminated()
    assert SDF in [c.reference for c in ledger.in_force(pendulum.date(2026, 11, 30))]
    assert SDF not in [c.reference for c in ledger.in_force(pendulum.date(2026, 12, 1))]


def _large(ordered_on: str) -> CallOff:
    """6 926 208 kr of consultant days: under the ceiling only without SDF's undelivered part."""
    day = pendulum.Date.fromisoformat(ordered_on)
    return CallOff(
        reference="TK 2027/0002",
        agreement_reference="KS 2024/0815",
        unit=stockholm_ledger().call_offs[4].unit,
        ordered_on=day,
        delivery=DateRange(start=day.add(days=28), end=pendulum.date(2027, 6, 30)),
        lines=(CallOffLine(price_code="KONS-DAG", quantity=640),),
        method=CallOffMethod.RENEWED_COMPETITION,
    )


def test_the_part_a_termination_frees_may_be_called_off_after_it() -> None:
    crowded = stockholm_ledger().add(_large("2027-01-04"))
    (passed,) = crowded.problems()  # the draft of 18 January 2027 then passes the ceiling
    assert passed.code is ProblemCode.CEILING_EXCEEDED
    assert passed.path == "call_offs[6]"
    assert passed.params["excess"] == Money.sek("52576.55")
    assert _terminated(ledger=crowded).problems() == ()
    # terminated after the last call-off is placed: nothing was freed when it was placed
    late = _terminated("2027-01-20", ledger=crowded)
    assert [p.path for p in late.problems()] == ["call_offs[6]"]


def _table(ledger: AgreementLedger, title: str, on: pendulum.Date) -> Table:
    report = status_report(ledger, on=on)
    (section,) = [s for s in report.sections if s.title == title]
    table = section.blocks[0]
    assert isinstance(table, Table)
    return table


def test_the_status_report_counts_and_lists_the_delivered_part() -> None:
    on = pendulum.date(2026, 12, 15)
    ceiling = _table(_terminated(), "Takbelopp och utnyttjande", on)
    assert ceiling.rows[2] == ("Avropat", "2\xa0966\xa0006,40\xa0kr")
    assert _table(stockholm_ledger(), "Takbelopp och utnyttjande", on).rows[2] == (
        "Avropat",
        "3\xa0037\xa0085,40\xa0kr",
    )
    listed = _table(_terminated(), "Avrop", on)
    (row,) = [r for r in listed.rows if r[0] == SDF]
    assert row[-2:] == ("hävd", "161\xa0353,20\xa0kr")
    # back-dated before the termination, the report shows the call-off as it was
    earlier = _table(_terminated(), "Avrop", pendulum.date(2026, 11, 27))
    (row,) = [r for r in earlier.rows if r[0] == SDF]
    assert row[-2:] == ("under leverans", "232\xa0432,20\xa0kr")


def test_the_records_and_the_statement_give_the_delivered_part() -> None:
    from ledarutveckling import ledger_statement

    ledger = _terminated()
    row = to_records(ledger)[3]
    assert (row["status"], row["amount"], row["counted"]) == (
        "terminated",
        Decimal("161353.20"),
        True,
    )
    statement = ledger_statement(ledger, [], [])
    assert statement[3].called_off == SETTLED
    assert statement[1].called_off == Money.sek("0")  # cancelled


def test_the_burn_up_steps_down_on_the_day_of_the_termination() -> None:
    pytest.importorskip("matplotlib")
    from ledarutveckling.plots import plot_burn_up

    figure = plot_burn_up(_terminated())
    line = figure.axes[0].lines[0]
    heights = [round(float(y), 6) for y in line.get_ydata()]  # type: ignore[arg-type, union-attr]
    assert max(heights) > heights[-1]  # it rose to the ordered value, then fell back
    assert heights[-1] == round(2966006.40 / 1_000_000, 6)  # drafts are not drawn
