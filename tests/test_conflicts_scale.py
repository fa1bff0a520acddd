"""find_conflicts costs the sessions plus the conflicts found; the CLI prints a few (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from ledarutveckling import ConflictKind, Session, find_conflicts
from ledarutveckling._cli import main
from ledarutveckling._cli.scheduling import MAX_CONFLICTS_SHOWN, _session_lines
from ledarutveckling.testing import make_program, make_session

PROGRAM = make_program()


def _crowd(cohorts: int, **overrides: object) -> list[Session]:
    return [
        make_session(program=PROGRAM, cohort=f"Grupp {n}", facilitators=(f"L{n}",), **overrides)
        for n in range(cohorts)
    ]


def test_one_room_booked_by_300_cohorts_at_once_gives_every_pair_in_order() -> None:
    conflicts = find_conflicts(_crowd(300))
    assert len(conflicts) == 300 * 299 // 2
    assert {c.kind for c in conflicts} == {ConflictKind.ROOM}
    assert [c.sessions[0].cohort for c in conflicts[:2]] == ["Grupp 0", "Grupp 0"]
    assert [c.sessions[1].cohort for c in conflicts[:2]] == ["Grupp 1", "Grupp 2"]
    assert [s.cohort for s in conflicts[-1].sessions] == ["Grupp 298", "Grupp 299"]


def test_each_session_is_named_once_however_many_conflicts_it_is_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sessions = _crowd(60)
    named: list[str] = []
    original = Session.name

    def counting(self: Session, locale: str = "sv_SE") -> str:
        named.append(self.cohort)
        return original(self, locale)

    monkeypatch.setattr(Session, "name", counting)
    assert len(find_conflicts(sessions)) == 1770
    assert sorted(named) == sorted(s.cohort for s in sessions)


def test_sessions_apart_in_time_or_place_are_no_conflict() -> None:
    day = pendulum.datetime(2027, 3, 2, 9, tz="Europe/Stockholm")
    apart = [
        make_session(program=PROGRAM, cohort=f"Grupp {n}", start=day.add(hours=3 * n))
        for n in range(200)
    ]
    rooms = [
        make_session(program=PROGRAM, cohort=f"Grupp {n}", room=f"Sal {n}", facilitators=(f"L{n}",))
        for n in range(200)
    ]
    assert find_conflicts(apart) == ()
    assert find_conflicts(rooms) == ()


def test_a_facilitator_shared_twice_is_reported_in_the_first_sessions_order() -> None:
    first = make_session(program=PROGRAM, facilitators=("Omar", "Anna"), room=None)
    second = make_session(program=PROGRAM, cohort="Grupp 2", facilitators=("Anna", "Omar"))
    subjects = [c.message.split(" ")[0] for c in find_conflicts([first, second])]
    assert subjects == ["Omar", "Anna"]


def test_clashes_compare_instants_across_the_autumn_change_of_clocks() -> None:
    # 02:00 summer time to 02:45 summer time, then 02:30 winter time: an hour later, no clash.
    early = pendulum.datetime(2027, 10, 31, 0, 0, tz="UTC").in_tz("Europe/Stockholm")
    late = pendulum.datetime(2027, 10, 31, 1, 30, tz="UTC").in_tz("Europe/Stockholm")
    first = make_session(program=PROGRAM, start=early, end=early.add(minutes=45))
    second = make_session(program=PROGRAM, cohort="Grupp 2", start=late, end=late.add(hours=1))
    assert (second.start.hour, second.start.minute) == (2, 30)
    assert second.start < first.end  # by the wall clock, which is not when it happens
    assert find_conflicts([first, second]) == ()
    overlapping = make_session(
        program=PROGRAM, cohort="Grupp 3", start=early.add(minutes=30), end=late
    )
    assert [c.kind for c in find_conflicts([first, second, overlapping])] == [
        ConflictKind.FACILITATOR,
        ConflictKind.ROOM,
    ]


def test_the_cli_prints_at_most_the_cap_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohorts = "".join(
        f'[[cohorts]]\nname = "Grupp {n}"\nfirst_day = 2027-02-01\nstart_time = "09:00"\n'
        f'facilitators = ["Anna", "Medledare {n}"]\n'  # SVS-2 is led by two
        for n in range(60)
    )
    request = tmp_path / "crowd.toml"
    request.write_text(
        f'document = "schedule_request"\nschema_version = 1\nprogram = "SVS"\n{cohorts}',
        encoding="utf-8",
    )
    # conflicts: the calendar is written, the exit code is 1
    assert main(["schedule", str(request), "--ics", str(tmp_path / "x.ics")]) == 1
    out = capsys.readouterr().out.splitlines()
    shown = [line for line in out if line.startswith("  ! ")]
    total = 60 * 59 // 2
    assert out[-1].endswith("med 1\xa0770 konflikter: lös dem innan inbjudningarna skickas")
    assert len(shown) == MAX_CONFLICTS_SHOWN + 1
    assert total - MAX_CONFLICTS_SHOWN == 1720
    assert shown[-1] == "  ! … och 1\xa0720 konflikter till, som inte visas"


def test_sessions_are_listed_in_the_order_they_happen_across_the_autumn_change() -> None:
    # 02:45 summer time happens before 02:30 winter time, although its wall clock is later.
    summer = pendulum.datetime(2027, 10, 31, 0, 45, tz="UTC").in_tz("Europe/Stockholm")
    winter = pendulum.datetime(2027, 10, 31, 1, 30, tz="UTC").in_tz("Europe/Stockholm")
    first = make_session(program=PROGRAM, cohort="Sommartid", start=summer, end=winter)
    second = make_session(
        program=PROGRAM, cohort="Vintertid", start=winter, end=winter.add(minutes=30)
    )
    lines = _session_lines([second, first], "sv_SE")
    assert [line.split("  ")[1] for line in lines] == ["Sommartid", "Vintertid"]
