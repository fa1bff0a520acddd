"""Plots render to PNG with Agg: Gantt charts of schedules and plans, the ceiling burn-up."""

from __future__ import annotations

import datetime as dt
import struct
import sys
from pathlib import Path

import pendulum
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ledarutveckling import CallOffStatus, Session, WorkingCalendar, schedule_cohort
from ledarutveckling.examples import stockholm_catalogue, stockholm_ledger
from ledarutveckling.plots import plot_burn_up, plot_schedule
from ledarutveckling.serialization import RolloutRequest, load
from tests.helpers import problems

EXAMPLES = Path(__file__).parent.parent / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _sessions() -> tuple[Session, ...]:
    calendar = WorkingCalendar.sweden()
    found: list[Session] = []
    for number, code in enumerate(("FOR-LED", "SVS")):
        found += schedule_cohort(
            stockholm_catalogue().program(code),
            f"Grupp {number + 1}",
            pendulum.date(2027, 2, 1),
            calendar,
            dt.time(9, 0),
        )
    return tuple(found)


def test_a_gantt_chart_of_sessions_renders_to_png(tmp_path: Path) -> None:
    figure = plot_schedule(_sessions())
    target = tmp_path / "schema.png"
    figure.savefig(target, dpi=100)
    assert png_size(target) == (1000, 300)
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["FOR-LED Grupp 1", "SVS Grupp 2"]
    assert ax.get_title() == "Schema"
    assert ax.get_xlabel() == "Datum"
    assert ax.get_ylabel() == "Program och grupp"
    assert [t.get_text() for t in ax.texts] == [
        "FOR-1",
        "FOR-2",
        "FOR-3",
        "FOR-4",
        "SVS-1",
        "SVS-2",
    ]


def test_dates_on_the_axis_are_swedish() -> None:
    figure = plot_schedule(_sessions())
    figure.canvas.draw()
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert "1 mars 2027" in labels
    english = plot_schedule(_sessions(), locale="en_GB", title="Plan")
    english.canvas.draw()
    assert "1 Mar 2027" in [t.get_text() for t in english.axes[0].get_xticklabels()]
    assert english.axes[0].get_title() == "Plan"
    assert english.axes[0].get_xlabel() == "Date"


def test_a_rollout_plan_is_drawn_by_unit_and_cohort(tmp_path: Path) -> None:
    plan = load(EXAMPLES / "rollout-request.toml", RolloutRequest).plan(stockholm_catalogue())
    figure = plot_schedule(plan)
    ax = figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[:3] == [
        "Trafikkontoret, kohort 1",
        "Trafikkontoret, kohort 2",
        "Trafikkontoret, kohort 3",
    ]
    assert len(labels) == 8
    assert ax.get_title() == "Flytten till ett aktivitetsbaserat kontor"
    assert ax.get_ylabel() == "Enhet och kohort"
    target = tmp_path / "plan.png"
    figure.savefig(target, dpi=100)
    assert png_size(target) == (1000, 480)


def test_a_chart_of_many_cohorts_leaves_out_module_labels() -> None:
    calendar = WorkingCalendar.sweden()
    program = stockholm_catalogue().program("SVS")
    sessions = [
        s
        for n in range(21)
        for s in schedule_cohort(
            program, f"G{n:02}", pendulum.date(2027, 2, 1), calendar, dt.time(9)
        )
    ]
    ax = plot_schedule(sessions).axes[0]
    assert len(ax.get_yticklabels()) == 21
    assert len(ax.texts) == 0


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (3, [("sessions", "must be a list of Session objects or a RolloutPlan")]),
        (["x"], [("sessions", "must be a list of Session objects or a RolloutPlan")]),
        ([], [("sessions", "must hold at least one session")]),
    ],
)
def test_a_schedule_chart_needs_sessions(bad: object, expected: list[tuple[str, str]]) -> None:
    assert problems(plot_schedule, sessions=bad) == expected


def test_the_burn_up_renders_to_png_with_swedish_labels(tmp_path: Path) -> None:
    figure = plot_burn_up(stockholm_ledger(), on=pendulum.date(2026, 11, 27))
    target = tmp_path / "burn-up.png"
    figure.savefig(target, dpi=100)
    assert png_size(target) == (1000, 500)
    ax = figure.axes[0]
    assert ax.get_title() == "Avropat mot takbeloppet: Ramavtal ledar- och medarbetarutveckling"
    assert ax.get_ylabel() == "Belopp, miljoner kronor exkl. moms"
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "Avropat (ackumulerat)",
        "Takbelopp",
        "Uppskattat värde",
        "Avtalstid",
    ]
    assert [t.get_text() for t in ax.texts] == [
        "Option 1 (påkallad)",
        "Option 2",
        "Per 27 nov. 2026",
    ]
    figure.canvas.draw()
    assert "10,0" in [t.get_text() for t in ax.get_yticklabels()]


def test_the_burn_up_climbs_by_each_counted_call_off() -> None:
    ledger = stockholm_ledger()
    ax = plot_burn_up(ledger, locale="en_GB").axes[0]
    line = ax.get_lines()[0]
    heights = [float(h) for h in line.get_ydata()]  # type: ignore[arg-type, union-attr]
    assert heights[0] == 0
    draft = ledger.call_offs[-1]
    assert draft.status is CallOffStatus.DRAFT
    last = len(ledger.call_offs) - 1
    total = ledger.running_total(pendulum.date(2100, 1, 1)) - ledger.total(last)
    assert heights[-1] == pytest.approx(float(total.amount) / 1_000_000)  # the draft left out
    assert heights == sorted(heights)
    assert len(heights) == 2 + 5  # start, five called-off call-offs (no draft), end
    assert [t.get_text() for t in ax.texts] == ["Option 1 (exercised)", "Option 2"]


def test_the_burn_up_pixels_show_the_ceiling_line(tmp_path: Path) -> None:
    figure = plot_burn_up(stockholm_ledger())
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = memoryview(canvas.buffer_rgba()).cast("B")  # type: ignore[no-untyped-call]
    width, height = canvas.get_width_height()
    ax = figure.axes[0]
    x, y = ax.transData.transform((sum(ax.get_xlim()) / 2, 10.0))
    column = round(x)
    near = []
    for row in range(height - round(y) - 3, height - round(y) + 4):
        offset = (row * width + column) * 4
        near.append((pixels[offset], pixels[offset + 1], pixels[offset + 2]))
    # the ceiling's dark red (#a61c00) is drawn across the term's light blue shading
    assert any(red > 140 and green < 90 and blue < 70 for red, green, blue in near), near


def test_the_burn_up_needs_a_ledger() -> None:
    assert problems(plot_burn_up, ledger="KS 2024/0815") == [
        ("ledger", "must be an AgreementLedger")
    ]


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError) as info:
        plot_burn_up(stockholm_ledger())
    assert str(info.value) == (
        "plot_burn_up() needs matplotlib, which is not installed; install it with "
        "pip install 'ledarutveckling[plot]'"
    )


def test_figures_are_made_without_pyplot() -> None:
    assert isinstance(plot_burn_up(stockholm_ledger()), Figure)
    assert "matplotlib.pyplot" not in sys.modules


def test_call_offs_that_cannot_be_priced_are_left_out_of_the_burn_up() -> None:
    from decimal import Decimal

    import attrs

    from ledarutveckling import CallOffLine

    ledger = stockholm_ledger()
    broken = attrs.evolve(
        ledger.call_offs[0], lines=(CallOffLine(price_code="OKÄND", quantity=Decimal(1)),)
    )
    ledger = attrs.evolve(ledger, call_offs=(broken,))
    heights = [float(h) for h in plot_burn_up(ledger).axes[0].get_lines()[0].get_ydata()]  # type: ignore[arg-type, union-attr]
    assert heights == [0, 0]
