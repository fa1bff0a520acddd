"""``ledarutveckling replan`` and ``plan-rollout --save``: re-plan from the plan sent (issue 17).

The rollout is the example request's (examples/rollout-request.toml: 295 staff in 8 cohorts,
16 sessions from 1 February to 9 March 2027, three facilitators); the plan is saved by
``plan-rollout --save`` and read back by ``replan --plan``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pendulum
import pytest
from ical.calendar_stream import IcsCalendarStream

from ledarutveckling import ProblemCode, RolloutPlan, ValidationError, serialization
from ledarutveckling._cli import console as cli_console
from ledarutveckling._cli import main
from ledarutveckling._cli import scheduling as cli_scheduling
from ledarutveckling.errors import Problem
from ledarutveckling.examples import stockholm_catalogue

EXAMPLES = Path(__file__).parent.parent / "examples"

SICK = 'name = "Johan Ek"\nabsences = [{ start = 2027-03-01, end = 2027-03-12 }]'
"""Johan Ek off sick for two weeks from 1 March, when he has two sessions on 8 March."""


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the request, its catalogue, and the plan sent: plan.json and plan.ics."""
    folder = tmp_path_factory.mktemp("rollout")
    for name in ("rollout-request.toml", "stockholm-catalogue.toml"):
        shutil.copy(EXAMPLES / name, folder / name)
    request = str(folder / "rollout-request.toml")
    ics, plan = str(folder / "plan.ics"), str(folder / "plan.json")
    assert main(["plan-rollout", request, "--ics", ics, "--save", plan]) == 0
    return folder


@pytest.fixture
def work(sent: Path, tmp_path: Path) -> Path:
    """A fresh copy of :func:`sent`, with ``sick.toml`` (Johan Ek off sick) beside it."""
    for file in sent.iterdir():
        shutil.copy(file, tmp_path / file.name)
    request = (tmp_path / "rollout-request.toml").read_text(encoding="utf-8")
    assert request.count('name = "Johan Ek"\n') == 1
    sick = request.replace('name = "Johan Ek"', SICK)
    (tmp_path / "sick.toml").write_text(sick, encoding="utf-8")
    return tmp_path


def edited(work: Path, name: str, old: str, new: str) -> str:
    """Write the request with *old* replaced by *new* to *name*; return its path."""
    request = (work / "rollout-request.toml").read_text(encoding="utf-8")
    assert request.count(old) == 1
    (work / name).write_text(request.replace(old, new), encoding="utf-8")
    return str(work / name)


def events(data: bytes) -> list[icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]


def test_plan_rollout_saves_the_plan_it_prints(
    sent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = serialization.load(sent / "rollout-request.toml")
    assert isinstance(request, serialization.RolloutRequest)
    saved = serialization.load(sent / "plan.json", RolloutPlan)
    assert saved == request.plan(stockholm_catalogue())
    toml = sent.parent / "plan.toml"
    assert main(["plan-rollout", str(sent / "rollout-request.toml"), "--save", str(toml)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"Sparade planen i {toml}"
    assert serialization.load(toml, RolloutPlan) == saved


def test_a_plan_is_saved_only_as_json_or_toml_before_any_work(
    sent: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = str(sent / "rollout-request.toml")
    assert main(["plan-rollout", request, "--save", str(sent / "plan.txt")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"ledarutveckling plan-rollout: fel: {sent / 'plan.txt'}: planens filnamn måste sluta "
        "på .json eller .toml\n"
    )
    assert not (sent / "plan.txt").exists()


def test_a_sick_facilitator_moves_two_sessions_and_updates_their_invitations(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    update = work / "update.ics"
    status = main(
        [
            "replan",
            str(work / "sick.toml"),
            "--plan",
            str(work / "plan.json"),
            "--today",
            "2027-03-01",
            "--ics",
            str(update),
        ]
    )
    assert status == 0
    assert capsys.readouterr().out.splitlines() == [
        "Omplanering från 1 mars 2027: 8 träffar redan hållna, 6 oförändrade, 2 flyttade, "
        "0 tillagda, 0 inställda.",
        "Sista träffen var 9 mars 2027, blir 9 mars 2027.",
        "Trafikkontoret, kohort 1, ABW-3: 8 mars 2027 → 9 mars 2027; utbildningsledare Johan Ek → "
        "Sara Nilsson",
        "Exploateringskontoret, kohort 1, ABW-3: 8 mars 2027 kl. 09:00 → 9 mars 2027 kl. 13:00; "
        "utbildningsledare Johan Ek → Anna Lindqvist",
        f"Skrev ändringarna (2 träffar, SEQUENCE 1) till {update}",
    ]
    assert not (work / "update-cancel.ics").exists()  # nothing cancelled, nothing written
    data = update.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    moved = events(data)
    first = {str(e["UID"]): e for e in events((work / "plan.ics").read_bytes())}
    for event in moved:
        # The same UID as in the invitation sent, one revision later, on the new day.
        original = first[str(event["UID"])]
        assert original.decoded("SEQUENCE") == 0
        assert event.decoded("SEQUENCE") == 1
        assert original.decoded("DTSTART").date() == pendulum.date(2027, 3, 8)
        assert event.decoded("DTSTART").date() == pendulum.date(2027, 3, 9)
        assert event["SUMMARY"] == original["SUMMARY"]
    other = IcsCalendarStream.calendar_from_ics(data.decode())
    assert sorted(e.uid for e in other.events) == sorted(str(e["UID"]) for e in moved)
    assert {e.sequence for e in other.events} == {1}


def test_the_replan_speaks_english_with_the_english_locale(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    update = work / "update.ics"
    args = ["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]
    args += ["--today", "2027-03-01", "--ics", str(update), "--sequence", "2"]
    assert main([*args, "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Re-plan from 1 March 2027: 8 sessions already held, 6 unchanged, 2 moved, 0 added, "
        "0 cancelled.",
        "The last session was 9 March 2027, becomes 9 March 2027.",
        "Trafikkontoret, cohort 1, ABW-3: 8 March 2027 → 9 March 2027; facilitators Johan Ek → "
        "Sara Nilsson",
        "Exploateringskontoret, cohort 1, ABW-3: 8 March 2027 at 09:00 → 9 March 2027 at 13:00; "
        "facilitators Johan Ek → Anna Lindqvist",
        f"Wrote the changes (2 sessions, SEQUENCE 2) to {update}",
    ]
    assert {e.decoded("SEQUENCE") for e in events(update.read_bytes())} == {2}
    # The invitations were sent in Swedish (plan.ics): the English update moves those events.
    sent = {str(e["UID"]) for e in events((work / "plan.ics").read_bytes())}
    moved = events(update.read_bytes())
    assert {str(e["UID"]) for e in moved} <= sent
    assert "Cohort: Trafikkontoret, cohort 1" in {
        str(e["DESCRIPTION"]).split("\n")[2] for e in moved
    }


def test_an_english_export_has_the_uids_of_the_swedish_one(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = work / "english.ics"
    request = str(work / "rollout-request.toml")
    assert main(["plan-rollout", request, "--ics", str(english), "--locale", "en_GB"]) == 0
    capsys.readouterr()
    swedish = {str(e["UID"]) for e in events((work / "plan.ics").read_bytes())}
    assert {str(e["UID"]) for e in events(english.read_bytes())} == swedish


def test_fewer_staff_cancel_a_cohort_and_its_invitations(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fewer = edited(work, "fewer.toml", "headcount = 95\n", "headcount = 60\n")
    update = work / "update.ics"
    args = ["replan", fewer, "--plan", str(work / "plan.json"), "--today", "2027-01-25"]
    assert main([*args, "--ics", str(update)]) == 0
    cancel = work / "update-cancel.ics"
    assert capsys.readouterr().out.splitlines() == [
        "Omplanering från 25 januari 2027: 0 träffar redan hållna, 14 oförändrade, 0 flyttade, "
        "0 tillagda, 2 inställda; 2 kohorter med ny storlek.",
        "Sista träffen var 9 mars 2027, blir 9 mars 2027.",
        "Stadsbyggnadskontoret, kohort 1: 32 → 30 deltagare",
        "Stadsbyggnadskontoret, kohort 2: 32 → 30 deltagare",
        "Stadsbyggnadskontoret, kohort 3, ABW-2: 4 februari 2027 ställs in",
        "Stadsbyggnadskontoret, kohort 3, ABW-3: 8 mars 2027 ställs in",
        # The self-paced window cancelled with them is counted apart: it has no line.
        "Skrev avbokningarna (2 träffar och 1 självstudieuppgift som inte listas ovan, "
        f"SEQUENCE 1) till {cancel}",
    ]
    assert not update.exists()  # no changes: only the cancellations are written
    data = cancel.read_bytes()
    assert str(icalendar.Calendar.from_ical(data)["METHOD"]) == "CANCEL"
    gone = events(data)
    # The two sessions and the cohort's self-paced window (a to-do), all cancelled.
    assert sorted(str(e.name) for e in gone) == ["VEVENT", "VEVENT", "VTODO"]
    assert {str(e["STATUS"]) for e in gone} == {"CANCELLED"}
    first = {str(e["UID"]) for e in events((work / "plan.ics").read_bytes())}
    assert {str(e["UID"]) for e in gone} <= first
    other = IcsCalendarStream.calendar_from_ics(data.decode())
    assert len(other.events) + len(other.todos) == 3


def test_a_room_lost_before_the_start_resizes_the_cohorts_and_says_so(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without sal A (40 seats) the units are split for sal B (30): the people move too.

    Trafikkontoret's cohorts of 40 become four of 30, Exploateringskontoret's two of 40 three
    of 27 and 26: each cohort whose size changes has a line, the new cohorts their sessions.
    """
    room = '[[rooms]]\nname = "Tekniska nämndhuset, sal A"\ncapacity = 40\n'
    lost = edited(work, "lost.toml", room, "")
    update = work / "update.ics"
    args = ["replan", lost, "--plan", str(work / "plan.json"), "--today", "2027-01-15"]
    assert main([*args, "--ics", str(update)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:10] == [
        "Omplanering från 15 januari 2027: 0 träffar redan hållna, 8 oförändrade, 8 flyttade, "
        "6 tillagda, 0 inställda; 8 kohorter med ny storlek.",
        "Sista träffen var 9 mars 2027, blir 10 mars 2027.",
        "Trafikkontoret, kohort 1: 40 → 30 deltagare",
        "Trafikkontoret, kohort 2: 40 → 30 deltagare",
        "Trafikkontoret, kohort 3: 40 → 30 deltagare",
        "Exploateringskontoret, kohort 1: 40 → 27 deltagare",
        "Exploateringskontoret, kohort 2: 40 → 27 deltagare",
        "Stadsbyggnadskontoret, kohort 1: 32 → 24 deltagare",
        "Stadsbyggnadskontoret, kohort 2: 32 → 24 deltagare",
        "Stadsbyggnadskontoret, kohort 3: 31 → 24 deltagare",
    ]
    # The new cohorts with their sizes, then the sessions.
    assert lines[10:14] == [
        "Trafikkontoret, kohort 4: ny kohort med 30 deltagare",
        "Exploateringskontoret, kohort 3: ny kohort med 26 deltagare",
        "Stadsbyggnadskontoret, kohort 4: ny kohort med 23 deltagare",
        "Trafikkontoret, kohort 1, ABW-2: lokal Tekniska nämndhuset, sal A → Tekniska "
        "nämndhuset, sal B (Anna Lindqvist)",
    ]
    assert lines[21:24] == [
        "Trafikkontoret, kohort 4, ABW-2: ny träff 5 februari 2027 (Johan Ek)",
        "Exploateringskontoret, kohort 3, ABW-2: ny träff 5 februari 2027 (Johan Ek)",
        "Stadsbyggnadskontoret, kohort 4, ABW-2: ny träff 8 februari 2027 (Sara Nilsson)",
    ]
    assert len(lines) == 10 + 3 + 8 + 6 + 1
    # The update has the 14 sessions moved and added, listed above, and the new cohorts' 3
    # self-paced to-dos, counted apart; the resized sessions kept are not in it (an
    # invitation does not carry the cohort's size).
    assert lines[-1] == (
        "Skrev ändringarna (14 träffar och 3 självstudieuppgifter som inte listas ovan, "
        f"SEQUENCE 1) till {update}"
    )
    sent = events(update.read_bytes())
    assert sorted(str(e.name) for e in sent).count("VEVENT") == 14
    # The new cohorts' introductions (ABW-1, self-paced, before ABW-2) open on 15 January at
    # the earliest, the day of the re-plan: nothing new is placed before it. (They opened on
    # 12 January before, and two cohorts' windows were moved to 13 and 14 January.)
    todos = sorted(
        (str(e["SUMMARY"]).split("(")[1], e.decoded("DTSTART"), e.decoded("DUE"))
        for e in sent
        if e.name == "VTODO"
    )
    assert todos == [
        ("Exploateringskontoret, kohort 3)", dt.date(2027, 1, 15), dt.date(2027, 1, 29)),
        ("Stadsbyggnadskontoret, kohort 4)", dt.date(2027, 1, 18), dt.date(2027, 2, 1)),
        ("Trafikkontoret, kohort 4)", dt.date(2027, 1, 15), dt.date(2027, 1, 29)),
    ]
    assert main([*args, "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out.splitlines()[:4] == [
        "Re-plan from 15 January 2027: 0 sessions already held, 8 unchanged, 8 moved, 6 added, "
        "0 cancelled; 8 cohorts resized.",
        "The last session was 9 March 2027, becomes 10 March 2027.",
        "Trafikkontoret, cohort 1: 40 → 30 participants",
        "Trafikkontoret, cohort 2: 40 → 30 participants",
    ]


def test_more_staff_resize_the_cohorts_whose_sessions_stay_as_they_were(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """95 → 130: cohorts 1–3 grow, their sessions unchanged; only cohort 4's are sent."""
    more = edited(work, "more.toml", "headcount = 95\n", "headcount = 130\n")
    update = work / "update.ics"
    args = ["replan", more, "--plan", str(work / "plan.json"), "--today", "2027-01-15"]
    assert main([*args, "--ics", str(update), "--locale", "en_GB"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Re-plan from 15 January 2027: 0 sessions already held, 16 unchanged, 0 moved, 2 added, "
        "0 cancelled; 3 cohorts resized.",
        "The last session was 9 March 2027, becomes 9 March 2027.",
        "Stadsbyggnadskontoret, cohort 1: 32 → 33 participants",
        "Stadsbyggnadskontoret, cohort 2: 32 → 33 participants",
        "Stadsbyggnadskontoret, cohort 3: 31 → 32 participants",
        "Stadsbyggnadskontoret, cohort 4: new cohort of 32 participants",
        "Stadsbyggnadskontoret, cohort 4, ABW-2: new session 5 February 2027 (Johan Ek)",
        "Stadsbyggnadskontoret, cohort 4, ABW-3: new session 9 March 2027 (Johan Ek)",
        "Wrote the changes (2 sessions and 1 self-paced to-do not listed above, SEQUENCE 1) "
        f"to {update}",
    ]
    sent = {str(e["SUMMARY"]) for e in events(update.read_bytes())}
    assert all("cohort 4" in summary for summary in sent)


def test_the_cancellations_go_where_asked(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fewer = edited(work, "fewer.toml", "headcount = 95\n", "headcount = 60\n")
    cancel = work / "avbokningar.ics"
    args = ["replan", fewer, "--plan", str(work / "plan.json"), "--today", "2027-01-25"]
    assert main([*args, "--ics", str(work / "u.ics"), "--cancel-ics", str(cancel)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Skrev avbokningarna (2 träffar och 1 självstudieuppgift som inte listas ovan, "
        f"SEQUENCE 1) till {cancel}"
    )
    assert cancel.exists()
    assert not (work / "u-cancel.ics").exists()


def test_nothing_changed_writes_no_update(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    update = work / "update.ics"
    saved = work / "plan2.json"
    args = ["replan", str(work / "rollout-request.toml"), "--plan", str(work / "plan.json")]
    args += ["--today", "2027-02-15", "--ics", str(update), "--save", str(saved)]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Omplanering från 15 februari 2027: 8 träffar redan hållna, 8 oförändrade, 0 flyttade, "
        "0 tillagda, 0 inställda.",
        "Sista träffen var 9 mars 2027, blir 9 mars 2027.",
        f"Inget att uppdatera i kalendrarna: {update} skrevs inte",
        f"Sparade planen i {saved}",
    ]
    assert not update.exists()
    assert serialization.load(saved, RolloutPlan) == serialization.load(
        work / "plan.json", RolloutPlan
    )


def test_the_saved_replan_is_the_next_replans_plan(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = work / "plan2.json"
    args = ["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]
    assert main([*args, "--today", "2027-03-01", "--save", str(saved)]) == 0
    capsys.readouterr()
    again = ["replan", str(work / "sick.toml"), "--plan", str(saved), "--today", "2027-03-02"]
    assert main(again) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Omplanering från 2 mars 2027: 8 träffar redan hållna, 8 oförändrade, 0 flyttade, "
        "0 tillagda, 0 inställda."
    )


def test_today_is_the_stockholm_date_by_default(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_scheduling, "_today", lambda: pendulum.date(2027, 3, 1))
    assert main(["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]) == 0
    assert capsys.readouterr().out.startswith("Omplanering från 1 mars 2027: 8 träffar")


def test_a_replan_that_cannot_be_made_names_the_rule_at_the_request(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = edited(
        work,
        "late.toml",
        'deadlines = { "ABW-2" = 2027-04-30 }',
        'deadlines = { "ABW-2" = 2027-04-30, "ABW-3" = 2027-02-10 }',
    )
    args = ["replan", late, "--plan", str(work / "plan.json"), "--today", "2027-02-08"]
    assert main([*args, "--ics", str(work / "update.ics")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{late}: ogiltig, 1 problem:",
        "  units[0].deadlines: Trafikkontoret, kohort 1: ABW-3 är inte hållen och kan inte "
        "hållas före 10 februari 2027, från 8 februari 2027 med modulernas mellanrum och "
        "kalendern",
    ]
    assert not (work / "update.ics").exists()


def test_a_plan_that_is_not_a_plan_is_refused(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The request itself given as the plan: its kind in one line, a usage error.
    request = str(work / "rollout-request.toml")
    assert main(["replan", request, "--plan", request, "--today", "2027-03-01"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"ledarutveckling replan: fel: {request}: dokumentsorten är begäran om utrullning, "
        "inte en sparad plan (som plan-rollout --save skriver)"
    ]
    args = ["replan", request, "--plan", request, "--locale", "en_GB"]
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"ledarutveckling replan: error: {request}: the document kind is rollout request, not "
        "a saved plan (as plan-rollout --save writes)"
    ]
    # A file that is no document at all: the plan's problems, an invalid document.
    broken = work / "broken.json"
    broken.write_text('{"sessions": []}', encoding="utf-8")
    assert main(["replan", request, "--plan", str(broken), "--today", "2027-03-01"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        f"{broken}: ogiltig, 2 problem:",
        "  rollout: värdet saknas men krävs",
        "  bound: värdet saknas men krävs",
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--cancel-ics", "c.ics"],
            "ledarutveckling replan: fel: --cancel-ics kräver --ics OUT, filen för ändringarna",
        ),
        (
            ["--cancel-ics", "c.ics", "--locale", "en_GB"],
            "ledarutveckling replan: error: --cancel-ics needs --ics OUT, the file for the changes",
        ),
        (
            ["--save", "plan2.txt", "--locale", "en_GB"],
            "ledarutveckling replan: error: plan2.txt: the plan's file name must end in .json or "
            ".toml",
        ),
    ],
)
def test_options_that_do_not_fit_are_usage_errors(
    work: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    args = ["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]
    assert main([*args, "--today", "2027-03-01", *extra]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", message + "\n")


def test_a_missing_plan_file_is_a_usage_error(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = work / "nothing.json"
    args = ["replan", str(work / "sick.toml"), "--plan", str(missing), "--today", "2027-03-01"]
    assert main(args) == 2
    assert capsys.readouterr().err == f"ledarutveckling replan: fel: {missing}: filen finns inte\n"


def test_the_plan_is_an_input_never_overwritten(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = str(work / "plan.json")
    args = ["replan", str(work / "sick.toml"), "--plan", plan, "--today", "2027-03-01"]
    assert main([*args, "--save", plan, "--force"]) == 2
    assert capsys.readouterr().err.endswith(
        f"{plan}: är en indatafil till kommandot; skriv någon annanstans\n"
    )


@pytest.mark.parametrize("text", ["0", "-1", "x", str(cli_console.MAX_SEQUENCE + 1)])
def test_the_sequence_is_a_revision_after_the_first_export(
    work: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    args = ["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--sequence", text])
    assert exit_.value.code == 2
    assert "--sequence: " in capsys.readouterr().err


def test_the_largest_sequence_is_taken() -> None:
    assert cli_console._sequence(str(cli_console.MAX_SEQUENCE)) == 2**31 - 1


def test_a_refusal_of_the_whole_rollout_has_no_path_at_the_request() -> None:
    def problem(path: str) -> Problem:
        return Problem(path=path, value="", message="m", code=ProblemCode.REPLAN_NONE_EXISTS)

    error = ValidationError([problem("rollout"), problem("rollout.rooms[0]"), problem("plan")])
    seen = cli_scheduling._from_request(error)
    assert [p.path for p in seen.problems] == ["", "rooms[0]", "plan"]


def test_an_update_counts_its_sessions_and_unlisted_to_dos_apart() -> None:
    """The sessions are listed above the line, the to-dos not: each count says which."""
    event, todo = b"\r\nBEGIN:VEVENT\r\n", b"\r\nBEGIN:VTODO\r\n"
    count = cli_scheduling._components
    assert count(event * 2 + todo, "sv_SE") == (
        "2 träffar och 1 självstudieuppgift som inte listas ovan"
    )
    assert count(todo * 2, "sv_SE") == "2 självstudieuppgifter som inte listas ovan"
    assert count(event, "en_GB") == "1 session"
    assert count(event * 1200 + todo, "en_GB") == (
        "1,200 sessions and 1 self-paced to-do not listed above"
    )
    assert count(event * 1200, "sv_SE") == "1\xa0200 träffar"


def test_the_organiser_is_written_in_the_export_and_in_both_update_files(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RFC 5546 wants one ORGANIZER in a PUBLISH and in a CANCEL; ``--organiser`` gives it."""
    organiser = "Kursadmin Berg <kurs@example.se>"
    fewer = edited(work, "fewer.toml", "headcount = 95\n", "headcount = 60\n")
    sick = work / "fewer-sick.toml"
    sick.write_text(Path(fewer).read_text("utf-8").replace('name = "Johan Ek"', SICK), "utf-8")
    exported = work / "export.ics"
    request = str(work / "rollout-request.toml")
    assert main(["plan-rollout", request, "--ics", str(exported), "--organiser", organiser]) == 0
    update = work / "update.ics"
    args = ["replan", str(sick), "--plan", str(work / "plan.json"), "--today", "2027-01-25"]
    assert main([*args, "--ics", str(update), "--organiser", organiser]) == 0
    capsys.readouterr()
    for data in (p.read_bytes() for p in (exported, update, work / "update-cancel.ics")):
        items = events(data)
        assert items
        assert {str(item["ORGANIZER"]) for item in items} == {"mailto:kurs@example.se"}
        assert {item["ORGANIZER"].params["CN"] for item in items} == {"Kursadmin Berg"}


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling replan: fel: argumentet --organiser: ska vara en e-postadress, "
            "ensam eller som 'Namn <adress>': 'a@x.se, b@x.se'",
        ),
        (
            "en_GB",
            "ledarutveckling replan: error: argument --organiser: must be one e-mail address, "
            "alone or as 'Name <address>': 'a@x.se, b@x.se'",
        ),
    ],
)
def test_an_organiser_that_is_not_one_address_is_a_usage_error(
    work: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: str
) -> None:
    args = ["replan", str(work / "sick.toml"), "--plan", str(work / "plan.json")]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--organiser", "a@x.se, b@x.se", "--locale", locale])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1] == expected
