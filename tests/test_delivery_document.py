"""The delivery document: held sessions with attendance and the invoicing details (issue 18)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pendulum
import pytest

from ledarutveckling import AgreementLedger, DeliveryFormat, ValidationError
from ledarutveckling.examples import (
    stockholm_attendance,
    stockholm_buyer,
    stockholm_delivery,
    stockholm_ledger,
    stockholm_seller,
)
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import (
    DeliveryRecord,
    HeldSession,
    SellerDetails,
    from_json,
    from_toml,
    to_json,
    to_toml,
)

LEDGER = stockholm_ledger()
RECORD = stockholm_delivery()
TRAINEE = LEDGER.call_offs[5]


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str | None]]:
    return [(p.path, p.code) for p in error.value.problems]


def test_the_record_round_trips_and_resolves_to_the_examples_attendance_and_parties() -> None:
    assert from_json(DeliveryRecord, to_json(RECORD)) == RECORD
    assert from_toml(DeliveryRecord, to_toml(RECORD)) == RECORD
    assert RECORD.attendances(LEDGER) == stockholm_attendance()
    assert RECORD.seller_in(LEDGER) == stockholm_seller()
    assert RECORD.buyer_of(TRAINEE) == stockholm_buyer()


def test_a_session_may_leave_out_its_line() -> None:
    held = attrs.evolve(RECORD.sessions[0], line=None)
    assert held.session(TRAINEE).line is None


def test_a_session_may_say_how_it_was_delivered() -> None:
    held = attrs.evolve(RECORD.sessions[0], format=DeliveryFormat.DIGITAL, room=None)
    session = held.session(TRAINEE)
    assert session.format is DeliveryFormat.DIGITAL
    assert RECORD.sessions[0].session(TRAINEE).format is DeliveryFormat.IN_PERSON
    assert (session.start.isoformat(), session.end.isoformat()) == (
        "2026-11-03T09:00:00+01:00",
        "2026-11-03T15:00:00+01:00",
    )


def test_reading_is_strict_and_reports_every_problem_at_once() -> None:
    data = json.loads(to_json(RECORD))
    first, second = data["sessions"][0], data["sessions"][1]
    first["line"] = -1
    first["cohort"] = ""
    first["tokens"] = first["tokens"][:3]
    second["attended"] = "18"
    second["remark"] = "sen start"
    data["agreement"] = " "
    with pytest.raises(ValidationError) as error:
        from_json(DeliveryRecord, json.dumps(data))
    # The record's own rule (its agreement named) is checked beside the sessions' problems.
    assert problems(error) == [
        ("sessions[0].cohort", "empty-text"),
        ("sessions[0].line", "too-small"),
        ("sessions[0].tokens", "token-count"),
        ("sessions[1].attended", "wrong-kind"),
        ("sessions[1].remark", "unknown-key"),
        ("agreement", "empty-text"),
    ]


def test_a_session_that_cannot_be_held_is_reported_at_its_place() -> None:
    # The document itself refuses it, so validate says what invoice says.
    with pytest.raises(ValidationError) as error:
        attrs.evolve(RECORD.sessions[2], start=RECORD.sessions[2].end)
    assert problems(error) == [("end", "end-before-start")]
    data = json.loads(to_json(RECORD))
    data["sessions"][1]["start"] = data["sessions"][1]["end"]
    with pytest.raises(ValidationError) as error:
        from_json(DeliveryRecord, json.dumps(data))
    assert problems(error) == [("sessions[1].end", "end-before-start")]
    assert format_problem(error.value.problems[0]).replace("\xa0", " ") == (
        "slutet (tisdag 15 december 2026 kl. 15:00) ligger före början "
        "(tisdag 15 december 2026 kl. 15:00)"
    )


def test_a_ledger_without_call_offs_has_none_to_name() -> None:
    empty = AgreementLedger(agreement=LEDGER.agreement)
    with pytest.raises(ValidationError) as error:
        RECORD.attendances(empty)
    assert error.value.problems[0].message.endswith("(it has none)")
    assert len(error.value.problems) == 4
    assert attrs.evolve(RECORD, sessions=()).attendances(empty) == ()


def test_held_session_checks_its_own_fields() -> None:
    with pytest.raises(ValidationError) as error:
        HeldSession(
            call_off="",
            program="TRAINEE",
            module="TR-1",
            cohort="Trainee 2026",
            day=RECORD.sessions[0].day,
            start=RECORD.sessions[0].start,
            end=RECORD.sessions[0].end,
            registered=5,
            attended=3,
            no_shows=3,
            line=True,
        )
    assert [p.path for p in error.value.problems] == ["call_off", "line", "registered"]


# -- delivery fixes (round 5) ----------------------------------------------------------

FIRST = RECORD.sessions[0]


def _held(**changes: object) -> HeldSession:
    fields = {a.name: getattr(FIRST, a.name) for a in attrs.fields(HeldSession)}
    fields.update(changes)
    return HeldSession(**fields)


def test_the_python_api_refuses_wrong_types_with_every_problem_at_once() -> None:
    with pytest.raises(ValidationError) as error:
        _held(start="09:00", day="2027-03-02", end=None, facilitators="Anna", format="digital")
    assert problems(error) == [
        ("day", "not-date"),
        ("start", "must-be"),
        ("end", "must-be"),
        ("format", "not-one-of"),
        ("facilitators", "not-a-list"),
    ]
    with pytest.raises(ValidationError) as error:
        _held(day=pendulum.datetime(2026, 11, 3, 9), facilitators=("Anna", 7), room=" ")
    assert problems(error) == [
        ("day", "not-date"),
        ("facilitators[1]", "not-text"),
        ("room", "empty-text"),
    ]
    with pytest.raises(ValidationError) as error:
        DeliveryRecord(
            agreement=RECORD.agreement,
            seller=None,  # type: ignore[arg-type]
            buyer_address="Box 1",  # type: ignore[arg-type]
            sessions=[1, 2],
        )
    assert problems(error) == [
        ("seller", "wrong-type"),
        ("buyer_address", "wrong-type"),
        ("sessions[0]", "wrong-type"),
        ("sessions[1]", "wrong-type"),
    ]
    with pytest.raises(ValidationError) as error:
        SellerDetails(
            address=RECORD.seller.address,
            account=None,  # type: ignore[arg-type]
            vat_number="SE123",
            f_tax="no",  # type: ignore[arg-type]
        )
    assert problems(error) == [
        ("account", "wrong-type"),
        ("vat_number", "vat-number-format"),
        ("f_tax", "must-be"),
    ]


def test_a_time_is_stockholm_wall_clock_whole_seconds_and_exists_that_day() -> None:
    with pytest.raises(ValidationError) as error:
        _held(
            start=dt.time(9, 0, tzinfo=dt.UTC),
            end=dt.time(12, 0, 0, 500),
        )
    assert problems(error) == [("start", "zone-not-allowed"), ("end", "time-fraction")]
    assert format_problem(error.value.problems[1]) == (
        "klockslaget 12:00:00.000500 har delar av sekunder; skriv det TT:MM"
    )
    stockholm = dt.time(9, 0, tzinfo=pendulum.timezone("Europe/Stockholm"))
    assert _held(start=stockholm).session(TRAINEE).start == FIRST.session(TRAINEE).start
    with pytest.raises(ValidationError) as error:
        _held(day=pendulum.date(2027, 3, 28), start=dt.time(2, 30), end=dt.time(4, 0))
    assert problems(error) == [("start", "time-in-gap")]
    assert format_problem(error.value.problems[0]).replace("\xa0", " ") == (
        "kl. 02:30 finns inte den 28 mars 2027: klockan ställs då fram en timme i Stockholm"
    )


def test_a_session_listed_twice_is_refused_at_the_repeat() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(RECORD, sessions=(FIRST, RECORD.sessions[1], FIRST))
    assert problems(error) == [("sessions[2]", "session-listed-twice")]
    # another cohort, day or start is another session
    later = _held(start=dt.time(13, 0), end=dt.time(19, 0))
    assert attrs.evolve(RECORD, sessions=(FIRST, later)).sessions == (FIRST, later)


def test_a_ledger_without_call_offs_has_its_own_text() -> None:
    empty = AgreementLedger(agreement=LEDGER.agreement)
    with pytest.raises(ValidationError) as error:
        RECORD.attendances(empty)
    assert format_problem(error.value.problems[0]) == (
        f"avropet {FIRST.call_off} finns inte: avropsloggen har inga avrop"
    )
    assert format_problem(error.value.problems[0], locale="en_GB") == (
        f"the call-off {FIRST.call_off} does not exist: the ledger has no call-offs"
    )


def test_a_self_paced_session_only_of_a_self_paced_module() -> None:
    with pytest.raises(ValidationError) as error:
        _held(format=DeliveryFormat.SELF_PACED).session(TRAINEE)
    assert problems(error) == [("format", "session-format-not-modules")]
    assert format_problem(error.value.problems[0], locale="en_GB") == (
        f"the module {FIRST.module} is in person, so the session cannot be self-paced"
    )


def test_a_line_taken_past_its_quantity_is_left_to_the_invoice_basis() -> None:
    # The basis invoices what was ordered and notes the rest; the document is not refused.
    line = FIRST.line
    assert line is not None
    lines = list(TRAINEE.lines)
    lines[line] = attrs.evolve(lines[line], quantity=Decimal(1))
    call_offs = list(LEDGER.call_offs)
    call_offs[5] = attrs.evolve(TRAINEE, lines=tuple(lines))
    ledger = attrs.evolve(LEDGER, call_offs=tuple(call_offs))
    assert RECORD.attendances(ledger) == stockholm_attendance()


def test_the_seller_is_only_of_the_ledgers_agreement() -> None:
    other = attrs.evolve(RECORD, agreement="KS 1999/0001")
    with pytest.raises(ValidationError) as error:
        other.seller_in(LEDGER)
    assert problems(error) == [("agreement", "delivery-other-agreement")]
