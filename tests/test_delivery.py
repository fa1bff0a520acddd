"""Sessions under a call-off, and the call-off's finished lifecycle (issue 18)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest

from ledarutveckling import (
    CallOffLine,
    CallOffStatus,
    Session,
    StatusChange,
    ValidationError,
    WorkingCalendar,
    check_call_off_sessions,
    schedule_cohort,
)
from ledarutveckling.examples import stockholm_catalogue, stockholm_ledger, stockholm_sessions

S = CallOffStatus
D = pendulum.date
LEDGER = stockholm_ledger()
TRAINEE = LEDGER.call_offs[5]
CAL = WorkingCalendar.sweden()


def problems(error: ValidationError) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.problems]


def check(sessions: tuple[Session, ...], call_off=TRAINEE) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = check_call_off_sessions(call_off, sessions, LEDGER.agreement, CAL)
    return [(p.path, p.message) for p in found]


def moved(session: Session, day: pendulum.Date) -> Session:
    start = session.start.on(day.year, day.month, day.day)
    return attrs.evolve(session, start=start, end=start + (session.end - session.start))


def test_a_session_names_its_call_off_and_line() -> None:
    first = stockholm_sessions()[0]
    assert (first.call_off, first.line) == ("SLK 2026/0777", 0)
    assert attrs.evolve(first, call_off=None, line=None).call_off is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"call_off": " x"}, [("call_off", "must not start or end with whitespace")]),
        ({"line": -1}, [("line", "must be at least 0")]),
        ({"line": True}, [("line", "must be a whole number (int)")]),
        ({"call_off": None, "line": 2}, [("line", "needs call_off: a line belongs to a call-off")]),
    ],
)
def test_a_session_with_a_bad_call_off_or_line_is_refused(
    fields: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(stockholm_sessions()[0], **fields)
    assert problems(error.value) == expected


def test_schedule_cohort_refuses_lines_that_are_not_a_mapping() -> None:
    with pytest.raises(ValidationError) as error:
        schedule_cohort(
            stockholm_catalogue().program("TRAINEE"),
            "G",
            D(2026, 11, 3),
            CAL,
            dt.time(9, 0),
            call_off="X",
            lines=[0, 1],  # type: ignore[arg-type]
        )
    assert problems(error.value) == [
        ("lines", "must map module codes to call-off line indexes, e.g. {'M1': 0}")
    ]


def test_the_example_sessions_pass_their_call_offs_check() -> None:
    assert check(stockholm_sessions()) == []
    assert check(stockholm_sessions(), LEDGER.call_offs[0]) == []  # not its sessions


def test_every_session_the_call_off_does_not_cover_is_reported() -> None:
    first, second, third, fourth = stockholm_sessions()
    other = stockholm_catalogue().program("SVS")
    planted = (
        moved(first, D(2027, 6, 1)),  # after the delivery period
        moved(second, D(2026, 12, 24)),  # julafton
        attrs.evolve(third, program=other, module=other.modules[1], line=None),
        attrs.evolve(fourth, line=9),
        attrs.evolve(fourth, line=5),  # MATERIAL, per participant
        attrs.evolve(fourth, line=0),  # line 0 already used by the first session
        "not a session",
    )
    assert check(planted) == [  # type: ignore[arg-type]
        (
            "sessions[0].start",
            "must fall in the call-off's delivery period (2026-09-01/2027-05-31)",
        ),
        ("sessions[1].start", "falls on a day off: Julafton"),
        ("sessions[2].program", "is not bought by the call-off (programs: TRAINEE)"),
        ("sessions[3].line", "is not a line of the call-off (it has 7)"),
        ("sessions[4].line", "is priced per participant; a session cannot draw on it"),
        ("sessions[5].line", "takes line 0 (KONS-TIM) past what was ordered: 24 of 12"),
        ("sessions[6]", "must be a Session"),
    ]


def self_paced(opens: pendulum.Date, due: pendulum.Date, call_off: str) -> Session:
    """A cohort's window for SVS-1 (self-paced), as RolloutPlan.to_sessions gives it."""
    program = stockholm_catalogue().program("SVS")
    start = pendulum.datetime(opens.year, opens.month, opens.day, tz="Europe/Stockholm")
    end = pendulum.datetime(due.year, due.month, due.day, tz="Europe/Stockholm").add(days=1)
    module = program.modules[0]
    return Session(
        program=program,
        module=module,
        cohort="Grupp 1",
        start=start,
        end=end,
        format=module.format,
        call_off=call_off,
    )


def test_a_self_paced_window_is_held_to_the_delivery_period_but_not_to_working_days() -> None:
    svs = LEDGER.call_offs[6]  # SOC 2027/0031: SVS, 1 February - 30 April 2027
    assert (svs.delivery.start, svs.delivery.end) == (D(2027, 2, 1), D(2027, 4, 30))
    # Opens on a Saturday (no matter: it is worked through on the participant's own days),
    # and ends at the midnight after its due day, the period's last day.
    within = self_paced(D(2027, 4, 3), D(2027, 4, 30), svs.reference)
    assert CAL.day_off_reason(D(2027, 4, 3)) is not None
    assert check((within,), svs) == []
    early = self_paced(D(2027, 1, 18), D(2027, 2, 5), svs.reference)
    late = self_paced(D(2027, 4, 20), D(2027, 5, 1), svs.reference)
    assert check((early, late), svs) == [
        (
            "sessions[0].start",
            "must fall in the call-off's delivery period (2027-02-01/2027-04-30)",
        ),
        (
            "sessions[1].start",
            "must fall in the call-off's delivery period (2027-02-01/2027-04-30)",
        ),
    ]


def test_a_session_ending_at_midnight_ends_on_the_day_before() -> None:
    last = stockholm_sessions()[-1]
    end = TRAINEE.delivery.end
    start = pendulum.datetime(end.year, end.month, end.day, 21, tz="Europe/Stockholm")
    evening = attrs.evolve(last, start=start, end=start.add(hours=3), line=None)
    assert evening.end.date() == end.add(days=1)
    assert check((evening,)) == []
    assert check((attrs.evolve(evening, end=start.add(hours=4)),)) == [
        ("sessions[0].start", "must fall in the call-off's delivery period (2026-09-01/2027-05-31)")
    ]


def test_a_line_whose_code_is_not_in_the_price_list_is_reported() -> None:
    call_off = attrs.evolve(
        TRAINEE, lines=(CallOffLine(price_code="NOPE", quantity=1), *TRAINEE.lines[1:])
    )
    assert check(stockholm_sessions()[:1], call_off) == [
        ("sessions[0].line", "prices 'NOPE', not in the list")
    ]


def test_a_call_off_in_delivery_can_be_terminated_with_what_was_delivered() -> None:
    terminated = TRAINEE.transition(
        S.TERMINATED, D(2027, 2, 1), delivered=(12, 12, 6, 0, 15, 20, 20)
    )
    assert terminated.status.label() == "hävd"
    assert terminated.delivered[:4] == (Decimal(12), Decimal(12), Decimal(6), Decimal(0))
    invoiced = terminated.transition(S.INVOICED, D(2027, 2, 15))
    assert invoiced.delivered == terminated.delivered
    assert TRAINEE.delivered == (Decimal(0),) * 7
    assert LEDGER.call_offs[0].delivered == tuple(
        line.quantity for line in LEDGER.call_offs[0].lines
    )


@pytest.mark.parametrize(
    ("delivered", "expected"),
    [
        (
            (),
            [
                (
                    "delivered",
                    "must state the quantity delivered of each line when a call-off is terminated "
                    "(hävd), so that the delivered part can be settled",
                )
            ],
        ),
        ((1, 2), [("history[2].delivered", "must hold one quantity per line (7)")]),
        (
            (13, 0, 0, 0, 0, 0, 0),
            [("history[2].delivered[0]", "must not exceed the quantity ordered on lines[0] (12)")],
        ),
        ((-1, 0, 0, 0, 0, 0, 0), [("delivered[0]", "must be a Decimal or int of at least 0")]),
    ],
)
def test_a_termination_without_a_sound_delivered_part_is_refused(
    delivered: tuple[int, ...], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as error:
        TRAINEE.transition(S.TERMINATED, D(2027, 2, 1), delivered=delivered)
    assert problems(error.value) == expected


def test_only_a_termination_states_what_was_delivered() -> None:
    with pytest.raises(ValidationError) as error:
        StatusChange(
            from_status=S.IN_DELIVERY, to_status=S.DELIVERED, on=D(2027, 1, 1), delivered=(1,)
        )
    assert problems(error.value) == [("delivered", "must be empty unless terminated")]
    with pytest.raises(ValidationError) as error:
        StatusChange(
            from_status=S.IN_DELIVERY, to_status=S.DELIVERED, on=D(2027, 1, 1), delivered=5
        )
    assert problems(error.value) == [("delivered", "must be a list of quantities")]


def test_status_dates_keep_to_the_order_day_and_the_delivery_period() -> None:
    draft = LEDGER.call_offs[-1]  # ordered on 2027-01-18, delivery 2027-02-01/2027-04-30
    with pytest.raises(ValidationError) as error:
        draft.transition(S.ORDERED, D(2027, 1, 17))
    assert problems(error.value) == [
        ("history[0].on", "must not be before the call-off is placed (2027-01-18)")
    ]
    ordered = draft.transition(S.ORDERED, D(2027, 1, 18))
    with pytest.raises(ValidationError) as error:
        ordered.transition(S.IN_DELIVERY, D(2027, 1, 25))
    assert problems(error.value) == [
        (
            "history[1].on",
            "must not be before the delivery period starts (2027-02-01/2027-04-30): a call-off "
            "cannot be in delivery before delivery",
        )
    ]
    with pytest.raises(ValidationError) as error:
        ordered.transition(S.IN_DELIVERY, D(2027, 5, 3))
    assert problems(error.value) == [
        ("history[1].on", "must fall in the delivery period (2027-02-01/2027-04-30)")
    ]
    delivering = ordered.transition(S.IN_DELIVERY, D(2027, 2, 1))
    assert delivering.transition(S.DELIVERED, D(2027, 5, 10)).status is S.DELIVERED  # end after
    assert draft.transition(S.CANCELLED, D(2027, 1, 2)).is_cancelled  # a draft dropped early


def test_countable_quantities_must_be_whole_and_hours_may_split() -> None:
    call_off = attrs.evolve(
        TRAINEE,
        lines=(
            CallOffLine(price_code="KONS-TIM", quantity=Decimal("10.5")),
            CallOffLine(price_code="MATERIAL", quantity=Decimal("1.5")),
            CallOffLine(price_code="COACH-SAMTAL", quantity=Decimal("0.25")),
            CallOffLine(price_code="KONS-DAG", quantity=Decimal("2.0")),
        ),
    )
    ledger = attrs.evolve(
        LEDGER, call_offs=(*LEDGER.call_offs[:5], call_off, *LEDGER.call_offs[6:])
    )
    found = [(p.path, p.message) for p in ledger.problems() if p.path.endswith("quantity")]
    assert found == [
        (
            "call_offs[5].lines[1].quantity",
            "must be a whole number: MATERIAL is priced per participant, which is counted; only "
            "hours may be fractional",
        ),
        (
            "call_offs[5].lines[2].quantity",
            "must be a whole number: COACH-SAMTAL is priced per session, which is counted; only "
            "hours may be fractional",
        ),
    ]
