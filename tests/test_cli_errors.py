"""The command line's own errors in the reader's language (issue 19)."""

from __future__ import annotations

import errno
import string
import sys
from pathlib import Path
from typing import Any

import pytest

from ledarutveckling._cli import main
from ledarutveckling._cli import parser as cli_parser
from ledarutveckling._cli import texts as cli_texts
from ledarutveckling._cli.console import UserError
from ledarutveckling.serialization import RolloutRequest, ScheduleRequest

EXAMPLES = Path(__file__).parent.parent / "examples"
SOURCES = Path(cli_texts.__file__).parent


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_error_has_both_languages_with_the_same_fields() -> None:
    for key, (swedish, english) in cli_texts._ERRORS.items():
        assert swedish, key
        assert english, key
        assert swedish != english, key
        assert _fields(swedish) == _fields(english), key


def test_every_error_is_raised_or_printed_somewhere() -> None:
    code = "".join(
        path.read_text("utf-8") for path in SOURCES.glob("*.py") if path.name != "texts.py"
    )
    unused = [key for key in cli_texts._ERRORS if f'"{key}"' not in code]
    assert unused == []


def test_a_user_error_is_said_where_it_is_printed() -> None:
    error = UserError("wrong-kind", path=Path("a.toml"), wanted=RolloutRequest, got=ScheduleRequest)
    assert (error.key, error.fields["path"]) == ("wrong-kind", Path("a.toml"))
    assert error.text("sv_SE") == (
        "a.toml: här krävs dokumentsorten begäran om utrullning, inte begäran om schemaläggning"
    )
    assert error.text("en_GB") == "a.toml: needs a rollout request document, not a schedule request"
    assert str(error) == error.text("en_GB")  # a traceback's is the English


@pytest.mark.parametrize(
    ("number", "swedish"),
    [
        (errno.ENOENT, "filen eller mappen finns inte"),
        (errno.EACCES, "åtkomst nekad"),
        (errno.EISDIR, "är en mapp"),
        (errno.ENOSPC, "disken är full"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
        (errno.EBUSY, "Device or resource busy"),  # not mapped: the operating system's text
    ],
)
def test_the_operating_systems_reasons_in_swedish(number: int, swedish: str) -> None:
    english = {errno.EBUSY: "Device or resource busy"}.get(number, "the OS text")
    error = OSError(number, english)
    assert cli_texts._os_reason(error, "sv_SE") == swedish
    assert cli_texts._os_reason(error, "en_GB") == english
    assert cli_texts._os_reason(OSError("no errno"), "sv_SE") == "no errno"
    assert cli_texts._os_reason(OSError(), "sv_SE") == "OSError"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["validate", "saknas.toml"],
            "ledarutveckling validate: fel: saknas.toml: filen finns inte\n",
        ),
        (
            ["validate", "--locale", "en_GB", "saknas.toml"],
            "ledarutveckling validate: error: saknas.toml: no such file\n",
        ),
        (
            ["validate", "saknas.toml", "--loc=en_GB"],
            "ledarutveckling validate: error: saknas.toml: no such file\n",
        ),
        (
            ["validate", "saknas.toml", "--locale", "en_GB", "--locale", "sv_SE"],
            "ledarutveckling validate: fel: saknas.toml: filen finns inte\n",
        ),
        (
            ["report", "saknas.toml", "--locale", "en_GB"],
            "ledarutveckling report: error: saknas.toml: no such file\n",
        ),
    ],
)
def test_the_language_is_the_last_locale_on_the_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr() == ("", expected)


def test_schema_writes_no_file_over_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "schema.json"
    out.write_text("{}", "utf-8")
    assert main(["schema", "agreement", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling schema: fel: {out}: finns redan; ange --force för att skriva över den\n"
    )


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling validate: ogiltigt: indata går inte att räkna med "
            "(ZeroDivisionError: division by zero)\n",
        ),
        (
            "en_GB",
            "ledarutveckling validate: invalid: the input cannot be computed with "
            "(ZeroDivisionError: division by zero)\n",
        ),
    ],
)
def test_an_input_that_cannot_be_computed_with(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, locale: str, expected: str
) -> None:
    def divide(args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli_parser, "cmd_validate", divide)
    assert main(["validate", "x.toml", "--locale", locale]) == 1
    assert capsys.readouterr().err == expected


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv_SE",
            "ledarutveckling report: fel: Excel-arbetsboken kräver xlsxwriter, som inte är "
            "installerat; installera det med pip install 'ledarutveckling[excel]'\n",
        ),
        (
            "en_GB",
            "ledarutveckling report: error: the Excel workbook needs xlsxwriter, which is not "
            "installed; install it with pip install 'ledarutveckling[excel]'\n",
        ),
    ],
)
def test_a_workbook_without_its_extra(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    expected: str,
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    ledger = str(EXAMPLES / "stockholm-ledger.toml")
    out = str(tmp_path / "r.xlsx")
    argv = ["report", ledger, "--on", "2026-11-27", "--format", "xlsx", "-o", out]
    assert main([*argv, "--locale", locale]) == 2
    assert capsys.readouterr().err == expected


@pytest.mark.parametrize(
    ("refusal", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "kan inte skrivas (åtkomst nekad)"),
        (
            FileExistsError(errno.EEXIST, "File exists"),  # made between the check and the write
            "finns redan; ange --force för att skriva över den",
        ),
    ],
)
def test_a_file_that_cannot_be_written_says_why_in_swedish(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    refusal: OSError,
    expected: str,
) -> None:
    import os

    out = tmp_path / "schema.json"
    real_open = os.open

    def refuse(path: object, *args: Any, **kwargs: Any) -> int:
        if path == out:  # the file itself, not the check's probe of its folder
            raise refusal
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert main(["schema", "agreement", "-o", str(out)]) == 2
    assert capsys.readouterr().err == f"ledarutveckling schema: fel: {out}: {expected}\n"


@pytest.mark.parametrize(("folder", "force"), [(Path("/proc"), False), (None, False), (None, True)])
def test_an_output_the_system_will_not_write_is_refused_before_anything_is_printed(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    folder: Path | None,
    force: bool,
) -> None:
    """``/proc`` (which even the superuser cannot write) or a file the system refuses."""
    import os

    if folder is None:
        out = tmp_path / "s.ics"
        out.write_bytes(b"old")
        real_open = os.open

        def refuse(path: object, *args: Any, **kwargs: Any) -> Any:
            if path == out:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        if force:
            monkeypatch.setattr(os, "open", refuse)
        else:  # a new file in a folder the system will not write
            out.unlink()
            monkeypatch.setattr("tempfile.TemporaryFile", lambda dir: refuse(out))
    else:
        out = folder / "s.ics"
    argv = ["schedule", str(EXAMPLES / "schedule-request.toml"), "--ics", str(out)]
    assert main([*argv, *(["--force"] if force else [])]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"ledarutveckling schedule: fel: {out}: kan inte skrivas (")
    if folder is None:
        assert (
            captured.err
            == f"ledarutveckling schedule: fel: {out}: kan inte skrivas (åtkomst nekad)\n"
        )
