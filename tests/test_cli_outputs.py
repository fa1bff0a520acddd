"""The files a command writes are all checked before it works, prints or writes any of them.

A command that writes more than one file (``replan``'s changes, cancellations and plan,
``plan-rollout``'s calendar and plan, the demo's folder) writes all of them or none; a file it
cannot write is refused before the plan is made or anything is printed; a folder given for a
file is said to be one at once (``--force`` does not help).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from ledarutveckling._cli import main
from ledarutveckling._cli.texts import _ERRORS

EXAMPLES = Path(__file__).parent.parent / "examples"

SICK = 'name = "Johan Ek"\nabsences = [{ start = 2027-03-01, end = 2027-03-12 }]'


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example rollout request, its catalogue and the plan sent (plan.json, plan.ics)."""
    folder = tmp_path_factory.mktemp("sent")
    for name in ("rollout-request.toml", "stockholm-catalogue.toml"):
        shutil.copy(EXAMPLES / name, folder / name)
    request = (folder / "rollout-request.toml").read_text(encoding="utf-8")
    (folder / "sick.toml").write_text(request.replace('name = "Johan Ek"', SICK), "utf-8")
    ics, plan = str(folder / "plan.ics"), str(folder / "plan.json")
    assert main(["plan-rollout", str(folder / "rollout-request.toml"), "--ics", ics]) == 0
    assert main(["plan-rollout", str(folder / "rollout-request.toml"), "--save", plan]) == 0
    return folder


@pytest.fixture
def work(sent: Path, tmp_path: Path) -> Path:
    for file in sent.iterdir():
        shutil.copy(file, tmp_path / file.name)
    return tmp_path


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


SENT = ["plan.ics", "plan.json", "rollout-request.toml", "sick.toml", "stockholm-catalogue.toml"]


def replan(work: Path, *options: str) -> list[str]:
    """``replan sick.toml --plan plan.json --today 2027-03-01`` with *options*."""
    request, plan = str(work / "sick.toml"), str(work / "plan.json")
    return ["replan", request, "--plan", plan, "--today", "2027-03-01", *options]


# -- replan: all or nothing ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling replan: fel: {}: finns redan; ange --force för att skriva över den\n",
        ),
        ("en_GB", "ledarutveckling replan: error: {}: exists; pass --force to overwrite it\n"),
    ],
)
def test_replan_writes_no_changes_when_the_cancellations_file_exists(
    work: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: str
) -> None:
    cancel = work / "upd3-cancel.ics"
    cancel.write_text("sent before", encoding="utf-8")
    update, save = str(work / "upd3.ics"), str(work / "p5.json")
    argv = replan(work, "--ics", update, "--save", save, "--locale", locale)
    assert main(argv) == 2
    assert capsys.readouterr() == ("", expected.format(cancel))
    assert files(work) == sorted([*SENT, "upd3-cancel.ics"])  # no changes, no plan
    assert cancel.read_text(encoding="utf-8") == "sent before"


def test_replan_writes_no_changes_when_the_plan_cannot_be_saved(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save = work / "missing" / "p5.json"
    argv = replan(work, "--ics", str(work / "upd3.ics"), "--save", str(save))
    assert main(argv) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling replan: fel: {save}: mappen {work / 'missing'} finns inte\n",
    )
    assert files(work) == SENT


def test_replan_refuses_to_save_over_the_plan_it_reads(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = work / "plan.json"
    before = plan.read_bytes()
    argv = replan(work, "--ics", str(work / "upd3.ics"), "--save", str(plan), "--force")
    assert main([*argv, "--locale", "en_GB"]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling replan: error: {plan}: is an input of this command; write elsewhere\n",
    )
    assert files(work) == SENT
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling replan: fel: {}: anges för två av kommandots utdata; "
            "ange olika filer\n",
        ),
        (
            "en_GB",
            "ledarutveckling replan: error: {}: is given for two of the command's outputs; "
            "give different files\n",
        ),
    ],
)
def test_replan_refuses_one_file_for_the_changes_and_the_cancellations(
    work: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    expected: str,
) -> None:
    monkeypatch.chdir(work)
    # Named once in full and once from the folder: the same file all the same.
    argv = replan(work, "--ics", str(work / "upd.ics"), "--cancel-ics", "upd.ics")
    assert main([*argv, "--force", "--locale", locale]) == 2
    assert capsys.readouterr() == ("", expected.format("upd.ics"))
    assert files(work) == SENT


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_replan_says_a_folder_for_the_cancellations_is_a_folder(
    work: Path, capsys: pytest.CaptureFixture[str], force: list[str]
) -> None:
    cancel = work / "upd-cancel.ics"
    cancel.mkdir()
    assert main(replan(work, "--ics", str(work / "upd.ics"), *force)) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling replan: fel: {cancel}: är en mapp; ange en fil\n",
    )
    assert files(work) == sorted([*SENT, "upd-cancel.ics"])


def test_replan_with_force_writes_every_file(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    update, save = work / "upd3.ics", work / "p5.json"
    (work / "upd3-cancel.ics").write_text("sent before", encoding="utf-8")
    update.write_text("sent before", encoding="utf-8")
    save.write_text("{}", encoding="utf-8")
    assert main(replan(work, "--ics", str(update), "--save", str(save), "--force")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        f"Skrev ändringarna (2 träffar, SEQUENCE 1) till {update}",
        f"Sparade planen i {save}",
    ]
    assert update.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert save.read_text(encoding="utf-8").startswith("{")
    assert save.read_text(encoding="utf-8") != "{}"
    # Nothing was cancelled: the old cancellations are left as they were.
    assert (work / "upd3-cancel.ics").read_text(encoding="utf-8") == "sent before"


# -- plan-rollout and schedule: refused before the plan is made or printed ---------------------


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling plan-rollout: fel: {}: finns redan; ange --force för att skriva "
            "över den\n",
        ),
        (
            "en_GB",
            "ledarutveckling plan-rollout: error: {}: exists; pass --force to overwrite it\n",
        ),
    ],
)
def test_plan_rollout_refuses_an_existing_calendar_before_it_plans(
    work: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: str
) -> None:
    ics = work / "plan.ics"
    before = ics.read_bytes()
    argv = ["plan-rollout", str(work / "rollout-request.toml"), "--ics", str(ics)]
    assert main([*argv, "--locale", locale]) == 2
    assert capsys.readouterr() == ("", expected.format(ics))  # no plan printed
    assert ics.read_bytes() == before


def test_plan_rollout_writes_no_calendar_when_the_plan_cannot_be_saved(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics, save = work / "new.ics", work / "plan.json"
    argv = ["plan-rollout", str(work / "rollout-request.toml"), "--ics", str(ics)]
    assert main([*argv, "--save", str(save)]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling plan-rollout: fel: {save}: finns redan; ange --force för att skriva "
        "över den\n",
    )
    assert files(work) == SENT


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("sv_SE", "ledarutveckling plan-rollout: fel: {}: är en mapp; ange en fil\n"),
        ("en_GB", "ledarutveckling plan-rollout: error: {}: is a folder; give a file\n"),
    ],
)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_plan_rollout_says_a_folder_is_a_folder_with_or_without_force(
    work: Path, capsys: pytest.CaptureFixture[str], locale: str, expected: str, force: list[str]
) -> None:
    folder = work / "calendar.ics"
    folder.mkdir()
    argv = ["plan-rollout", str(work / "rollout-request.toml"), "--ics", str(folder), *force]
    assert main([*argv, "--locale", locale]) == 2
    assert capsys.readouterr() == ("", expected.format(folder))
    assert list(folder.iterdir()) == []


def test_schedule_refuses_an_existing_calendar_before_it_schedules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = tmp_path / "x.ics"
    ics.write_text("sent before", encoding="utf-8")
    assert main(["schedule", str(EXAMPLES / "schedule-request.toml"), "--ics", str(ics)]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling schedule: fel: {ics}: finns redan; ange --force för att skriva över "
        "den\n",
    )
    assert ics.read_text(encoding="utf-8") == "sent before"


def test_schedule_says_a_folder_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["schedule", str(EXAMPLES / "schedule-request.toml"), "--ics", str(tmp_path)]
    assert main([*argv, "--force", "--locale", "en_GB"]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling schedule: error: {tmp_path}: is a folder; give a file\n",
    )


# -- demo -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "name", "expected"),
    [
        (
            "sv_SE",
            "statusrapport.html",
            "ledarutveckling demo: fel: {}: finns redan; ange --force för att skriva över den\n",
        ),
        (
            "en_GB",
            "status-report.html",
            "ledarutveckling demo: error: {}: exists; pass --force to overwrite it\n",
        ),
    ],
)
def test_the_demo_refuses_a_folder_it_wrote_before_it_prints_anything(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    name: str,
    expected: str,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # no charts: fast
    out = tmp_path / "demo"
    argv = ["demo", "--out", str(out), "--on", "2026-11-27", "--locale", locale]
    assert main(argv) == 0
    capsys.readouterr()
    written = {path.name: path.read_bytes() for path in out.iterdir()}
    assert name in written
    assert main(argv) == 2
    assert capsys.readouterr() == ("", expected.format(out / name))  # no report printed
    assert main([*argv, "--force"]) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(written)


def test_the_demo_says_a_later_file_that_is_a_folder_before_writing_any(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    (tmp_path / "leveranser.toml").mkdir()
    assert main(["demo", "--out", str(tmp_path), "--on", "2026-11-27", "--force"]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling demo: fel: {tmp_path / 'leveranser.toml'}: är en mapp; ange en fil\n",
    )
    assert files(tmp_path) == ["leveranser.toml"]


def test_the_new_errors_are_in_the_table() -> None:
    assert _ERRORS["is-folder"] == (
        "{path}: är en mapp; ange en fil",
        "{path}: is a folder; give a file",
    )
