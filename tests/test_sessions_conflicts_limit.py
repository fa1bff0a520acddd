"""The first conflicts of a plan and how many (find_conflicts' limit, count_conflicts; issue 21)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledarutveckling import (
    ConflictKind,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    Session,
    TargetGroup,
    ValidationError,
    WorkingCalendar,
    count_conflicts,
    find_conflicts,
    scheduling,
)
from ledarutveckling._cli import main
from ledarutveckling._cli.scheduling import MAX_CONFLICTS_SHOWN
from ledarutveckling.formatting import format_problem

CALENDAR = WorkingCalendar.sweden()
STOCKHOLM = "Europe/Stockholm"

PROGRAM = Program(
    code="FOR",
    title="Förändringsledarskap",
    service_area=ServiceArea.LEADERSHIP,
    target_group=TargetGroup.MANAGERS,
    kind=ProgramKind.LONG_PROGRAM,
    modules=[
        Module(
            code=f"M{n}",
            title=f"Modul {n}",
            duration=pendulum.duration(hours=1),
            format=DeliveryFormat.IN_PERSON,
            min_days_after_previous=0 if n == 1 else 2,
        )
        for n in (1, 2, 3)
    ],
)


def _session(
    start: pendulum.DateTime,
    *,
    minutes: int = 60,
    cohort: str = "Grupp 1",
    module: str = "M1",
    facilitators: tuple[str, ...] = (),
    room: str | None = None,
) -> Session:
    chosen = PROGRAM.module(module)
    return Session(
        program=PROGRAM,
        module=chosen,
        cohort=cohort,
        start=start,
        end=start.add(minutes=minutes),
        format=chosen.format,
        facilitators=facilitators,
        room=room,
    )


MONDAY = pendulum.datetime(2027, 3, 1, 9, tz=STOCKHOLM)


def _crowd(cohorts: int) -> list[Session]:
    """*cohorts* sessions at once in one room, each with its own facilitator."""
    return [
        _session(MONDAY, cohort=f"Grupp {n}", facilitators=(f"L{n}",), room="Ekoln")
        for n in range(cohorts)
    ]


def _pairs(conflicts: tuple[scheduling.Conflict, ...]) -> list[list[str]]:
    return [[s.cohort for s in c.sessions] for c in conflicts]


# -- exact values ---------------------------------------------------------------------------


def test_a_limit_gives_the_first_conflicts_in_order_and_the_count_all_of_them() -> None:
    crowd = _crowd(5)
    assert _pairs(find_conflicts(crowd, limit=3)) == [
        ["Grupp 0", "Grupp 1"],
        ["Grupp 0", "Grupp 2"],
        ["Grupp 0", "Grupp 3"],
    ]
    assert count_conflicts(crowd) == 10
    assert find_conflicts(crowd, limit=0) == ()
    assert find_conflicts(crowd, limit=10) == find_conflicts(crowd)
    assert find_conflicts(crowd, limit=11) == find_conflicts(crowd)
    assert find_conflicts(crowd, limit=10**30) == find_conflicts(crowd)
    assert count_conflicts([]) == 0
    assert find_conflicts([], limit=5) == ()


def test_a_limit_follows_the_order_of_kinds_and_of_the_plan() -> None:
    christmas = pendulum.datetime(2027, 12, 24, 9, tz=STOCKHOLM)
    # b clashes with a (Anna) and with c (the room); b, c on Christmas Eve; c before b's module.
    a = _session(christmas.subtract(days=4), cohort="Grupp 2", facilitators=("Anna",))
    b = _session(christmas, module="M2", facilitators=("Anna", "Omar"), room="Ekoln")
    c = _session(christmas.add(minutes=30), facilitators=("Omar",), room="Ekoln")
    d = _session(christmas.subtract(days=4), cohort="Grupp 2", module="M2", facilitators=("Anna",))
    plan = [a, b, c, d]
    full = find_conflicts(plan, CALENDAR, locale="en_GB")
    assert [(x.kind, x.sessions) for x in full] == [
        (ConflictKind.FACILITATOR, (a, d)),
        (ConflictKind.FACILITATOR, (b, c)),
        (ConflictKind.ROOM, (b, c)),
        (ConflictKind.DAY_OFF, (b,)),
        (ConflictKind.DAY_OFF, (c,)),
        (ConflictKind.ORDER, (a, d)),
        (ConflictKind.ORDER, (c, b)),
    ]
    assert count_conflicts(plan, CALENDAR) == 7
    assert count_conflicts(plan) == 5
    assert [str(x) for x in find_conflicts(plan, CALENDAR, locale="en_GB", limit=4)] == [
        "Anna leads two sessions at once: FOR Grupp 2 M1 (20 December 2027 at 09:00) and "
        "FOR Grupp 2 M2 (20 December 2027 at 09:00)",
        "Omar leads two sessions at once: FOR Grupp 1 M2 (24 December 2027 at 09:00) and "
        "FOR Grupp 1 M1 (24 December 2027 at 09:30)",
        "Ekoln is booked for two sessions at once: FOR Grupp 1 M2 (24 December 2027 at 09:00) "
        "and FOR Grupp 1 M1 (24 December 2027 at 09:30)",
        "FOR Grupp 1 M2 (24 December 2027 at 09:00) falls on a day off: Christmas Eve",
    ]
    assert find_conflicts(plan, CALENDAR, limit=7)[6].message == (
        "FOR Grupp 1 M2 (24 december 2027 kl. 09:00) börjar innan FOR Grupp 1 M1 "
        "(24 december 2027 kl. 09:30), som kommer före i programmet, är slut"
    )


def test_two_facilitators_shared_by_two_sessions_come_in_the_first_sessions_order() -> None:
    first = _session(MONDAY, facilitators=("Omar", "Anna"))
    second = _session(MONDAY, cohort="Grupp 2", facilitators=("Anna", "Omar"))
    (only,) = find_conflicts([first, second], limit=1)
    assert only.message.startswith("Omar leder två träffar samtidigt")
    assert count_conflicts([first, second]) == 2


def test_modules_too_close_are_counted_and_limited_with_the_days_in_the_message() -> None:
    first = _session(MONDAY)
    soon = _session(MONDAY.add(days=1), module="M2")
    later = _session(MONDAY.add(days=2), module="M3")
    assert count_conflicts([first, soon, later]) == 2
    # Ordered by the place of the earlier module's session: M2's (1), then M1's (2).
    assert [c.message for c in find_conflicts([later, soon, first], limit=1)] == [
        "FOR Grupp 1 M3 (3 mars 2027 kl. 09:00) ligger 1 dag efter FOR Grupp 1 M2 "
        "(2 mars 2027 kl. 09:00); modulen kräver minst 2 dagar"
    ]


def test_the_count_and_the_limit_compare_instants_across_the_autumn_change() -> None:
    # 02:00–02:45 summer time, then 02:30 winter time (an hour later): no clash; 02:30 summer
    # time to 02:30 winter time (one hour and a half) clashes with both.
    early = pendulum.datetime(2027, 10, 31, 0, 0, tz="UTC").in_tz(STOCKHOLM)
    late = pendulum.datetime(2027, 10, 31, 1, 30, tz="UTC").in_tz(STOCKHOLM)
    first = _session(early, minutes=45, room="Ekoln")
    second = _session(late, cohort="Grupp 2", room="Ekoln")
    assert count_conflicts([first, second]) == 0
    assert find_conflicts([first, second], limit=1) == ()
    between = _session(early.add(minutes=30), minutes=90, cohort="Grupp 3", room="Ekoln")
    assert count_conflicts([first, second, between]) == 2
    assert _pairs(find_conflicts([first, second, between], limit=1)) == [["Grupp 1", "Grupp 3"]]


def test_sessions_that_only_touch_are_not_counted() -> None:
    first = _session(MONDAY, facilitators=("Anna",), room="Ekoln")
    second = _session(MONDAY.add(hours=1), cohort="Grupp 2", facilitators=("Anna",), room="Ekoln")
    assert count_conflicts([first, second]) == 0
    assert find_conflicts([first, second], limit=3) == ()


def test_a_session_over_two_days_off_is_counted_on_each() -> None:
    saturday = pendulum.datetime(2027, 3, 6, 20, tz=STOCKHOLM)
    session = _session(saturday, minutes=24 * 60)
    assert count_conflicts([session], CALENDAR) == 2
    (first,) = find_conflicts([session], CALENDAR, limit=1)
    assert first.message.endswith("ligger på en ledig dag: Lördag")


def test_a_limit_builds_and_names_only_what_it_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    crowd = _crowd(300)
    named: list[str] = []
    reasons: list[dt.date] = []
    original_name, original_reason = Session.name, WorkingCalendar.day_off_reason

    def name(self: Session, locale: str = "sv_SE") -> str:
        named.append(self.cohort)
        return original_name(self, locale)

    def reason(self: WorkingCalendar, day: dt.date, locale: str = "sv_SE") -> str | None:
        reasons.append(day)
        return original_reason(self, day, locale)

    monkeypatch.setattr(Session, "name", name)
    monkeypatch.setattr(WorkingCalendar, "day_off_reason", reason)
    assert len(find_conflicts(crowd, CALENDAR, limit=3)) == 3
    assert named == ["Grupp 0", "Grupp 1", "Grupp 2", "Grupp 3"]
    assert count_conflicts(crowd, CALENDAR) == 300 * 299 // 2
    assert len(named) == 4
    sunday = [_session(MONDAY.subtract(days=1), cohort=f"Grupp {n}") for n in range(300)]
    assert len(find_conflicts(sunday, CALENDAR, limit=2)) == 2
    assert reasons == [pendulum.date(2027, 2, 28)] * 2


# -- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "message", "swedish"),
    [
        (-1, "must be at least 0", "värdet \u22121 är för litet; det ska vara minst 0"),
        (True, "must be a whole number (int)", "värdet ska vara ett heltal"),
        (2.0, "must be a whole number (int)", "värdet ska vara ett heltal"),
        ("50", "must be a whole number (int)", "värdet ska vara ett heltal"),
    ],
)
def test_a_limit_that_is_not_a_whole_number_of_at_least_0_is_refused(
    limit: object, message: str, swedish: str
) -> None:
    with pytest.raises(ValidationError) as error:
        find_conflicts(_crowd(2), limit=limit)  # type: ignore[arg-type]
    assert [(p.path, p.value, p.message) for p in error.value.problems] == [
        ("limit", limit, message)
    ]
    assert format_problem(error.value.problems[0]) == swedish


def test_a_bad_limit_is_reported_with_the_other_problems() -> None:
    with pytest.raises(ValidationError) as error:
        find_conflicts(["M1"], "sweden", limit=-2)  # type: ignore[list-item, arg-type]
    assert [p.path for p in error.value.problems] == ["sessions[0]", "calendar", "limit"]


def test_count_conflicts_refuses_what_find_conflicts_refuses() -> None:
    with pytest.raises(ValidationError) as error:
        count_conflicts([_crowd(1)[0], "M2"], "sweden")  # type: ignore[list-item, arg-type]
    assert [(p.path, p.value, p.message) for p in error.value.problems] == [
        ("sessions[1]", "M2", "must be a Session"),
        ("calendar", "sweden", "must be a WorkingCalendar"),
    ]
    with pytest.raises(ValidationError) as error:
        count_conflicts(_crowd(1)[0])  # type: ignore[arg-type]
    assert [p.path for p in error.value.problems] == ["sessions"]
    late = _session(pendulum.datetime(2100, 12, 31, 23, 30, tz=STOCKHOLM))
    assert count_conflicts([late]) == 0
    with pytest.raises(ValidationError) as error:
        count_conflicts([late], CALENDAR)
    assert [p.path for p in error.value.problems] == ["sessions[0].end"]


def test_count_conflicts_is_published_where_find_conflicts_is() -> None:
    assert scheduling.count_conflicts is count_conflicts
    assert count_conflicts.__module__ == "ledarutveckling"


# -- the first N of the full result, and its length, on random plans -------------------------

# Instants on few days, so that sessions often overlap, touch or start together: a Monday, a
# Saturday, Christmas Eve, and the autumn night the clocks go back (02:00–03:00 twice).
_DAYS = [
    pendulum.datetime(2027, 3, 1, 8, tz=STOCKHOLM),
    pendulum.datetime(2027, 3, 6, 8, tz=STOCKHOLM),
    pendulum.datetime(2027, 12, 24, 8, tz=STOCKHOLM),
    pendulum.datetime(2027, 10, 31, 0, 0, tz="UTC").in_tz(STOCKHOLM),  # 02:00 summer time
]

_sessions = st.builds(
    lambda day, half_hours, minutes, cohort, module, people, room: _session(
        _DAYS[day].add(minutes=30 * half_hours),
        minutes=minutes,
        cohort=cohort,
        module=module,
        facilitators=tuple(people),
        room=room,
    ),
    day=st.integers(0, len(_DAYS) - 1),
    half_hours=st.integers(0, 6),
    minutes=st.sampled_from([30, 60, 90, 16 * 60 + 30]),
    cohort=st.sampled_from(["Grupp 1", "Grupp 2"]),
    module=st.sampled_from(["M1", "M2", "M3"]),
    people=st.lists(st.sampled_from(["Anna", "Erik", "Omar"]), unique=True, max_size=3),
    room=st.sampled_from([None, "Ekoln", "Lärkan"]),
)


def _reference_clashes(plan: list[Session]) -> list[tuple[ConflictKind, int, int, str]]:
    """Every pair compared: the facilitators' and rooms' clashes, in the documented order."""
    found: list[tuple[ConflictKind, int, int, str]] = []
    for kind in (ConflictKind.FACILITATOR, ConflictKind.ROOM):
        for i, j in itertools.combinations(range(len(plan)), 2):
            a, b = plan[i], plan[j]
            if max(a.start.timestamp(), b.start.timestamp()) >= min(
                a.end.timestamp(), b.end.timestamp()
            ):
                continue  # apart or touching, by the instant
            if kind is ConflictKind.FACILITATOR:
                found += [(kind, i, j, f) for f in a.facilitators if f in b.facilitators]
            elif a.room is not None and a.room == b.room:
                found.append((kind, i, j, a.room))
    return found


@settings(max_examples=300, deadline=None)
@given(
    plan=st.lists(_sessions, max_size=9),
    with_calendar=st.booleans(),
    limit=st.integers(0, 40),
)
def test_a_limited_result_is_the_start_of_the_full_one_and_the_count_its_length(
    plan: list[Session], with_calendar: bool, limit: int
) -> None:
    calendar = CALENDAR if with_calendar else None
    full = find_conflicts(plan, calendar)
    assert find_conflicts(plan, calendar, limit=limit) == full[:limit]
    assert count_conflicts(plan, calendar) == len(full)
    position = {id(session): index for index, session in enumerate(plan)}
    clashes = [
        (c.kind, position[id(c.sessions[0])], position[id(c.sessions[1])], c.message.split()[0])
        for c in full
        if c.kind in (ConflictKind.FACILITATOR, ConflictKind.ROOM)
    ]
    assert clashes == _reference_clashes(plan)


# -- the command line ---------------------------------------------------------------------


def _request(tmp_path: Path, people: list[str]) -> Path:
    """A schedule request of one cohort for each name, all at once, each led by that name.

    With a co-leader of its own (SVS-2 is led by two), who clashes with nobody.
    """
    text = "".join(
        f'[[cohorts]]\nname = "Grupp {n}"\nfirst_day = 2027-02-01\nstart_time = "09:00"\n'
        f'facilitators = ["{person}", "Medledare {n}"]\n'
        for n, person in enumerate(people)
    )
    request = tmp_path / f"crowd-{len(people)}.toml"
    request.write_text(
        f'document = "schedule_request"\nschema_version = 1\nprogram = "SVS"\n{text}',
        encoding="utf-8",
    )
    return request


def _shown(tmp_path: Path, people: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    request = _request(tmp_path, people)
    out = tmp_path / f"{len(people)}.ics"
    assert main(["schedule", str(request), "--ics", str(out), "--locale", "en_GB"]) == 1
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ! ")]


def test_the_cli_counts_the_conflicts_past_the_cap_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Eight cohorts led by Anna, seven by Erik, two by Omar, all at once: 28 + 21 + 1 = 50
    # clashes, exactly the cap, so no line counts more; a third for Omar makes 52.
    people = ["Anna"] * 8 + ["Erik"] * 7 + ["Omar"] * 2
    shown = _shown(tmp_path, people, capsys)
    assert len(shown) == MAX_CONFLICTS_SHOWN == 50
    assert shown[0] == (
        "  ! Anna leads two sessions at once: SVS Grupp 0 SVS-2 (8 February 2027 at 09:00) "
        "and SVS Grupp 1 SVS-2 (8 February 2027 at 09:00)"
    )
    assert shown[-1].startswith("  ! Omar leads two sessions at once: SVS Grupp 15 SVS-2")
    shown = _shown(tmp_path, [*people, "Omar"], capsys)
    assert len(shown) == MAX_CONFLICTS_SHOWN + 1
    assert shown[-1] == "  ! … and 2 more conflicts, not shown"
    shown = _shown(tmp_path, [*people, "Per", "Per"], capsys)
    assert shown[-1] == "  ! … and 1 more conflict, not shown"
    assert _shown(tmp_path, ["Anna", "Erik", "Anna"], capsys) == [
        "  ! Anna leads two sessions at once: SVS Grupp 0 SVS-2 (8 February 2027 at 09:00) "
        "and SVS Grupp 2 SVS-2 (8 February 2027 at 09:00)"
    ]
