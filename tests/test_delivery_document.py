"""The delivery document: held sessions with attendance and the invoicing details (issue 18)."""

from __future__ import annotations

import json

import attrs
import pytest

from ledarutveckling import AgreementLedger, DeliveryFormat, ValidationError
from ledarutveckling.examples import (
    stockholm_attendance,
    stockholm_buyer,
    stockholm_delivery,
    stockholm_ledger,
    stockholm_seller,
)
from ledarutveckling.serialization import (
    DeliveryRecord,
    HeldSession,
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
    late = attrs.evolve(RECORD.sessions[2], start=RECORD.sessions[2].end)
    record = attrs.evolve(RECORD, sessions=(RECORD.sessions[0], late))
    with pytest.raises(ValidationError) as error:
        record.attendances(LEDGER)
    assert problems(error) == [("sessions[1].end", "end-before-start")]


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
