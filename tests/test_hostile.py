"""Hostile documents: limits before parsing, exact refusals, and a safe command line.

The command line never prints a traceback or a raw control character, and writes nowhere it
was not asked to (issue 21).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pendulum import Date

from ledarutveckling import Money, Organisation
from ledarutveckling._cli import main
from ledarutveckling._cli.console import _visible
from ledarutveckling.errors import ValidationError
from ledarutveckling.serialization import (
    DEFAULT_LIMITS,
    BlackoutWeeks,
    Limits,
    RolloutRequest,
    ScheduleRequest,
    from_dict,
    from_json,
    from_toml,
    load,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
ROLLOUT = (EXAMPLES / "rollout-request.toml").read_text(encoding="utf-8")
SCHEDULE = (EXAMPLES / "schedule-request.toml").read_text(encoding="utf-8")
LEDGER = (EXAMPLES / "stockholm-ledger.toml").read_text(encoding="utf-8")


def messages(read: object, *args: object, **kwargs: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        read(*args, **kwargs)  # type: ignore[operator]
    return [str(problem) for problem in caught.value.problems]


# -- limits checked before parsing ------------------------------------------------------


def test_a_dotted_key_of_100000_parts_is_refused_before_parsing_in_linear_time() -> None:
    started = time.perf_counter()
    assert messages(from_toml, Money, "a." * 100_000 + "a = 1") == [
        "holds a dotted key of more than 64 parts at line 1, column 1 (Limits.max_key_parts)"
    ]
    assert time.perf_counter() - started < 2
    quoted = 'x = 1\n"a".' + "'b'." * 70 + "c = 1"
    assert messages(from_toml, Money, quoted) == [
        "holds a dotted key of more than 64 parts at line 2, column 1 (Limits.max_key_parts)"
    ]


def test_a_dotted_key_within_a_raised_limit_is_read() -> None:
    text = "a." * 70 + "a = 1"
    with pytest.raises(ValidationError, match="is not a field of Money"):
        from_toml(Money, text, limits=Limits(max_key_parts=100, max_depth=100))


def test_a_document_bigger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    text = '{"amount": "1", "currency": "SEK"}'
    assert messages(from_json, Money, text, limits=Limits(max_bytes=10)) == [
        "is a document of 34 bytes, more than the limit of 10 (Limits.max_bytes)"
    ]
    path = tmp_path / "money.json"
    path.write_text(text, encoding="utf-8")
    assert messages(load, path, Money, limits=Limits(max_bytes=10)) == [
        "is a document of 11 bytes, more than the limit of 10 (Limits.max_bytes)"
    ]
    assert load(path, Money) == Money.sek(1)


def test_numbers_of_too_many_digits_are_refused_with_their_place() -> None:
    assert messages(from_toml, Money, "amount = 1_" + "2" * 300) == [
        "holds a number of more than 200 digits at line 1, column 10 (Limits.max_number_digits)"
    ]
    assert messages(from_json, int, "1" * 20, limits=Limits(max_number_digits=10)) == [
        "holds a number of more than 10 digits at line 1, column 1 (Limits.max_number_digits)"
    ]


def test_the_walk_refuses_depth_lengths_and_digits_with_paths() -> None:
    limits = Limits(max_depth=3, max_key_length=3, max_text_length=4, max_list_length=2)
    assert messages(from_json, object, '{"a": [[[1]]]}', limits=limits) == [
        "a[0][0]: is nested more than 3 levels deep (Limits.max_depth)"
    ]
    assert messages(from_json, object, '{"long": 1}', limits=limits) == [
        "long: is a key of 4 characters, more than the limit of 3 (Limits.max_key_length), "
        "got 'long'"
    ]
    assert messages(from_json, object, '{"a": "12345"}', limits=limits) == [
        "a: is a text of 5 characters, more than the limit of 4 (Limits.max_text_length), "
        "got '12345'"
    ]
    assert messages(from_json, object, "[1, 2, 3]", limits=limits) == [
        "is a list of 3 items, more than the limit of 2 (Limits.max_list_length), got '[3 items]'"
    ]
    assert messages(from_json, object, '{"a": [1, 2, 3], "b": [4, 5]}', limits=limits) == [
        "a: is a list of 3 items, more than the limit of 2 (Limits.max_list_length), "
        "got '[3 items]'"
    ]
    few = Limits(max_number_digits=3)
    assert messages(from_json, object, '{"a": "123.45"}', limits=few) == [
        "a: is a number of more than 3 digits (Limits.max_number_digits), got '123.45'"
    ]
    assert messages(from_dict, int, "1") == ["must be an integer, not a string, got '1'"]


def test_limits_must_be_positive_whole_numbers() -> None:
    with pytest.raises(ValidationError, match="max_depth: must be a whole number of at least 1"):
        Limits(max_depth=0)
    assert DEFAULT_LIMITS.max_bytes == 10_000_000


# -- text -------------------------------------------------------------------------------


def test_a_lone_surrogate_or_a_control_character_is_refused_with_its_path() -> None:
    assert messages(from_json, Money, '{"amount": "1", "currency": "\\ud800"}') == [
        "currency: holds a lone surrogate (U+D800) at index 0, which is not a character and "
        "cannot be written as UTF-8, got '\\ud800'"
    ]
    assert messages(from_json, object, '{"\\u001b": 1}') == [
        '["\\u001b"]: holds the control character U+001B at index 0; text may hold no control '
        "characters but tab and line breaks, got '\\x1b'"
    ]
    assert messages(from_json, object, '["a\\u0085"]') == [
        "[0]: holds the control character U+0085 at index 1; text may hold no control "
        "characters but tab and line breaks, got 'a\\x85'"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "a\nb",
            "holds the control character U+000A at index 1; control characters allowed here: none",
        ),
        (
            "a\x1b[2J",
            "holds the control character U+001B at index 1; control characters allowed here: none",
        ),
        (
            "a\ud800",
            "holds a lone surrogate (U+D800) at index 1, which is not a character and "
            "cannot be written as UTF-8",
        ),
        (
            "a\uffff",
            "holds the noncharacter U+FFFF at index 1, which does not belong in text and "
            "cannot be written in XML",
        ),
        (
            "a\ufdd0",
            "holds the noncharacter U+FDD0 at index 1, which does not belong in text and "
            "cannot be written in XML",
        ),
    ],
)
def test_every_text_field_refuses_control_characters(name: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Organisation(name=name, org_number="212000-0142")
    assert [str(p) for p in caught.value.problems] == [f"name: {message}, got {name!r}"]


def test_a_noncharacter_is_refused_in_a_document_before_it_breaks_the_invoice() -> None:
    """U+FFFF was valid, then the Peppol invoice of it was not well-formed XML (exit 1)."""
    from ledarutveckling.formatting import format_problem

    assert messages(from_json, object, '{"a\\uffff": 1, "b": "\\udbff\\udfff"}') == [
        '["a\uffff"]: holds the noncharacter U+FFFF at index 1, which does not belong in text '
        "and cannot be written in XML, got 'a\\uffff'",
        "b: holds the noncharacter U+10FFFF at index 0, which does not belong in text and cannot "
        "be written in XML, got '\\U0010ffff'",
    ]
    with pytest.raises(ValidationError) as caught:
        from_toml(RolloutRequest, ROLLOUT.replace('name = "', 'name = "\\uFFFE', 1))
    assert caught.value.problems[0].code == "noncharacter"
    assert caught.value.problems[0].params == {"character": "U+FFFE", "position": 1}
    assert format_problem(caught.value.problems[0]).endswith(
        "texten innehåller U+FFFE (tecken 1), ett icke-tecken i Unicode som inte hör hemma i "
        "text och inte kan skrivas i XML (en Peppol-faktura)"
    )


def test_a_toml_date_in_a_text_field_is_refused() -> None:
    text = "name = 2027-01-01\nyear = 2027\nfirst_week = 9\nlast_week = 9"
    assert messages(from_toml, BlackoutWeeks, text) == [
        "name: must be a string; this is a TOML date or time, write it in quotes to keep it as "
        "text, got '2027-01-01'"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("schema_version = 1", "schema_version = 1.0", "schema_version: must be an integer"),
        ('start_time = "09:00"', 'start_time = "0900"', "start_time: must be a time of day"),
        (
            'first_day = 2027-02-01\nstart_time = "09:00"',
            'first_day = "2027-W05-1"\nstart_time = "09:00"',
            "first_day: must be an ISO date",
        ),
        ('weekday = "tuesday"', 'weekday = "TUESDAY"', "weekday: must be one of"),
        ("every_weeks = 4", "every_weeks = " + "9" * 31, "every_weeks: must be at most 520"),
        (
            "first_day = 2027-02-01",
            "first_day = 9999-12-31",
            "first_day: must be between 1900-01-01 and 2999-12-31",
        ),
    ],
)
def test_a_schedule_request_is_read_strictly(old: str, new: str, message: str) -> None:
    assert old in SCHEDULE
    problems = messages(from_toml, ScheduleRequest, SCHEDULE.replace(old, new, 1))
    assert any(message in problem for problem in problems), problems


def test_a_rollout_request_refuses_uncomputable_headcounts_and_days() -> None:
    text = ROLLOUT.replace("headcount = 120", "headcount = 1_000_000_000_000").replace(
        "start = 2027-02-01", "start = 9999-12-31"
    )
    problems = messages(from_toml, RolloutRequest, text)
    assert (
        "start: must be between 1900-01-01 and 2999-12-31 (the days a schedule is computed "
        "for), got Date(9999, 12, 31)" in problems
    )
    assert (
        "units[0].headcount: must be at most 100000 (the people of one unit a plan is made "
        "for), got 1000000000000" in problems
    )


def test_a_month_key_has_one_spelling() -> None:
    from ledarutveckling._documents.converter import CONVERTER

    hook = CONVERTER.get_structure_hook(dict[tuple[int, int], int])
    assert hook({"2024-10": 1}, None) == {(2024, 10): 1}
    with pytest.raises(ValidationError) as caught:
        hook({"2024-10": 1, "2024-010": 2}, None)
    assert [str(p) for p in caught.value.problems] == [
        "[\"2024-010\"]: key must be written '2024-10' (one spelling a key), got '2024-010'"
    ]
    ints = CONVERTER.get_structure_hook(dict[int, int])
    with pytest.raises(ValidationError, match="must be written '7'"):
        ints({"007": 1}, None)


def _agreement_problems(**changes: object) -> list[str]:
    """The problems of the example agreement with *changes* to its term and options."""
    import json

    from ledarutveckling import FrameworkAgreement
    from ledarutveckling.examples import stockholm_agreement
    from ledarutveckling.serialization import to_json

    data = json.loads(to_json(stockholm_agreement()))
    for key, value in changes.items():
        place, field = key.split("__")
        target = data["term"] if place == "term" else data["options"][int(place[-1])]
        target[field] = value
    return messages(from_json, FrameworkAgreement, json.dumps(data))


def test_a_term_or_options_outside_the_computable_days_are_refused_at_their_field() -> None:
    """Refused at the field, with the valid range.

    Before: 'date value out of range', 'Python int too large to convert to C long' at the
    root, or accepted and then an OverflowError in the status report (a notice of 10**9 days).
    """
    assert _agreement_problems(term__end="9999-12-31") == [
        "term.end: must be between 1900-01-01 and 2999-12-31 (the days an agreement is "
        "computed for), got Date(9999, 12, 31)"
    ]
    assert _agreement_problems(term__start="0001-01-01") == [
        "term.start: must be between 1900-01-01 and 2999-12-31 (the days an agreement is "
        "computed for), got Date(1, 1, 1)"
    ]
    assert _agreement_problems(term__end="2999-12-31") == [
        "options: extend the term past 2999-12-31, the last day computed with: 24 months "
        "after the term's end 2999-12-31, got 24"
    ]
    assert _agreement_problems(options1__months=10**30) == [
        "options[1].months: must be at most 1200, got 1000000000000000000000000000000"
    ]
    assert _agreement_problems(options1__notice_days=10**9, options1__notice_months=1201) == [
        "options[1].notice_days: must be at most 36525, got 1000000000",
        "options[1].notice_months: must be at most 1200, got 1201",
    ]


def test_the_computable_days_of_an_agreement_are_said_in_swedish() -> None:
    from ledarutveckling import FrameworkAgreement
    from ledarutveckling.examples import stockholm_agreement
    from ledarutveckling.formatting import format_problem

    agreement = stockholm_agreement()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(agreement, term=attrs.evolve(agreement.term, end=Date(2999, 12, 1)))
    assert [format_problem(p) for p in caught.value.problems] == [
        "optionerna förlänger avtalstiden med 24 månader efter 1 december 2999, förbi "
        "31 december 2999, den sista dag som räknas med"
    ]
    with pytest.raises(ValidationError) as caught:
        FrameworkAgreement(
            **{
                **attrs.asdict(agreement, recurse=False),
                "term": attrs.evolve(agreement.term, start=Date(1899, 12, 31)),
            }
        )
    assert [format_problem(p) for p in caught.value.problems] == [
        "31 december 1899 ligger utanför de dagar ett avtal räknas för, 1 januari "
        "1900 till 31 december 2999"
    ]


def test_an_amount_outside_the_computable_range_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"amount: must be less than 10\*\*40"):
        Money(amount=Decimal("1E+100000000"), currency="SEK")
    with pytest.raises(ValidationError, match="with at most 100 decimals"):
        Money(amount=Decimal("1E-101"), currency="SEK")
    assert Money(amount=Decimal("0E-500"), currency="SEK").amount == 0


# -- the command line -------------------------------------------------------------------


def test_visible_writes_control_characters_as_escapes() -> None:
    assert _visible("plain\ttext\n") == "plain\ttext\n"
    assert _visible("\x1b[2J\x1b]0;pwned\x07 \x85 \ud800") == (
        "\\x1b[2J\\x1b]0;pwned\\x07 \\x85 \\ud800"
    )


def _copy_examples(tmp_path: Path) -> Path:
    for name in (
        "rollout-request.toml",
        "schedule-request.toml",
        "stockholm-catalogue.toml",
        "stockholm-ledger.toml",
    ):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    return tmp_path


HOSTILE: list[tuple[str, str, str]] = [
    ("ledger", "a." * 20_000 + "a = 1", "en nyckel med punkter har fler än 64 delar"),
    ("ledger", "a = " + "9" * 5000, "en följd av fler än 200 siffror (rad 1, kolumn 5)"),
    ("ledger", "a = " + "[" * 1000 + "]" * 1000, "nästlade fler än 64 nivåer"),
    (
        "rollout",
        ROLLOUT.replace("headcount = 120", "headcount = 1_000_000_000_000"),
        "det ska vara högst 100\xa0000",
    ),
    (
        "rollout",
        ROLLOUT.replace("start = 2027-02-01", "start = 9999-12-31"),
        "till 31 december 2999",
    ),
    (
        "schedule",
        SCHEDULE.replace("every_weeks = 4", "every_weeks = " + "9" * 31),
        "det ska vara högst 520",
    ),
    (
        "schedule",
        SCHEDULE.replace("first_day = 2027-02-01", "first_day = 9999-12-31", 1),
        "till 31 december 2999",
    ),
    ("ledger", LEDGER.replace('name = "', 'name = "\\u001b[2J', 1), "styrtecknet U+001B"),
]


@pytest.mark.parametrize(("kind", "text", "expected"), HOSTILE)
def test_every_command_refuses_hostile_documents_with_exit_1_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, text: str, expected: str
) -> None:
    folder = _copy_examples(tmp_path)
    path = folder / f"hostile-{kind}.toml"
    path.write_text(text, encoding="utf-8")
    commands = {
        "ledger": [["validate", str(path)], ["report", str(path), "--on", "2026-11-27"]],
        "rollout": [["validate", str(path)], ["plan-rollout", str(path)]],
        "schedule": [
            ["validate", str(path)],
            ["schedule", str(path), "--ics", str(folder / "x.ics")],
        ],
    }[kind]
    for command in commands:
        assert main(command) == 1, command
        captured = capsys.readouterr()
        both = captured.out + captured.err
        assert expected in both, both
        assert "Traceback" not in both
        assert "\x1b" not in both
    assert not (folder / "x.ics").exists()


def test_report_on_the_last_day_of_9999_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["report", str(EXAMPLES / "stockholm-ledger.toml"), "--on", "9999-12-31"])
    assert exited.value.code == 2
    assert "måste vara en dag under åren 1900 till 2999: '9999-12-31'" in capsys.readouterr().err


def test_the_cli_never_overwrites_its_input_or_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy_examples(tmp_path)
    ledger = folder / "stockholm-ledger.toml"
    before = ledger.read_bytes()
    report = ["report", str(ledger), "--on", "2026-11-27"]
    # --format: a .toml file's format does not follow from its extension (refused before)
    assert main([*report, "-o", str(ledger), "--force", "--format", "text"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: fel: {ledger}: är en indatafil till kommandot; skriv någon "
        "annanstans\n"
    )
    assert ledger.read_bytes() == before
    target = folder / "report.txt"
    target.write_text("keep", encoding="utf-8")
    assert main([*report, "-o", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: fel: {target}: finns redan; ange --force för att skriva "
        "över den\n"
    )
    assert main([*report, "-o", str(target), "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling report: error: {target}: exists; pass --force to overwrite it\n"
    )
    assert target.read_text(encoding="utf-8") == "keep"
    assert main([*report, "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("Statusrapport")


@pytest.mark.parametrize(
    ("command", "request_name"),
    [
        (["schedule", "{request}", "--ics", "{catalogue}"], "schedule-request.toml"),
        (["plan-rollout", "{request}", "--ics", "{catalogue}"], "rollout-request.toml"),
        (["plan-rollout", "{request}", "--save", "{catalogue}"], "rollout-request.toml"),
        (
            ["replan", "{request}", "--plan", "{plan}", "--ics", "{catalogue}"],
            "rollout-request.toml",
        ),
        (
            ["replan", "{request}", "--plan", "{plan}", "--save", "{catalogue}"],
            "rollout-request.toml",
        ),
        (
            [
                "replan",
                "{request}",
                "--plan",
                "{plan}",
                "--ics",
                "{out}",
                "--cancel-ics",
                "{catalogue}",
            ],
            "rollout-request.toml",
        ),
    ],
)
def test_the_catalogue_a_request_names_is_an_input_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], request_name: str
) -> None:
    folder = _copy_examples(tmp_path)
    catalogue = folder / "stockholm-catalogue.toml"
    plan = folder / "plan.json"
    assert main(["plan-rollout", str(folder / "rollout-request.toml"), "--save", str(plan)]) == 0
    capsys.readouterr()
    before = catalogue.read_bytes()
    names = {
        "request": str(folder / request_name),
        "catalogue": str(catalogue),
        "plan": str(plan),
        "out": str(folder / "out.ics"),
    }
    argv = [part.format(**names) for part in command]
    assert main([*argv, "--force"]) == 2
    assert capsys.readouterr() == (
        "",
        f"ledarutveckling {argv[0]}: fel: {catalogue}: är en indatafil till kommandot; skriv "
        "någon annanstans\n",
    )
    assert main([*argv, "--force", "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        f"ledarutveckling {argv[0]}: error: {catalogue}: is an input of this command; write "
        "elsewhere\n"
    )
    assert catalogue.read_bytes() == before
    assert not (folder / "out.ics").exists()


def test_the_cli_writes_through_no_symlink_and_makes_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy_examples(tmp_path)
    request = folder / "schedule-request.toml"
    link = folder / "out.ics"
    link.symlink_to(folder / "elsewhere.ics")
    assert main(["schedule", str(request), "--ics", str(link), "--force"]) == 2
    assert capsys.readouterr().err.endswith(
        f"ledarutveckling schedule: fel: {link}: är en symbolisk länk; skriv till själva filen\n"
    )
    assert not (folder / "elsewhere.ics").exists()
    deep = folder / "new" / "out.ics"
    assert main(["schedule", str(request), "--ics", str(deep)]) == 2
    assert capsys.readouterr().err.endswith(
        f"ledarutveckling schedule: fel: {deep}: mappen {deep.parent} finns inte\n"
    )
    assert main(["schedule", str(request), "--ics", str(deep), "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err.endswith(
        f"ledarutveckling schedule: error: {deep}: the folder {deep.parent} does not exist\n"
    )
    assert not deep.parent.exists()


def test_a_full_disk_on_stdout_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    class Full:
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

    monkeypatch.setattr(sys, "stdout", Full())
    argv = ["report", str(EXAMPLES / "stockholm-ledger.toml"), "--on", "2026-11-27"]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling report: fel: kan inte skriva utdata (disken är full)\n"
    )
    assert main([*argv, "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling report: error: cannot write the output (No space left on device)\n"
    )
    # the help and the version too: argparse ignores the error, which said nothing, exit 0
    assert main(["--help"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling: fel: kan inte skriva utdata (disken är full)\n"
    )
    assert main(["--version"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling: fel: kan inte skriva utdata (disken är full)\n"
    )
    assert main(["report", "--help", "--locale", "en_GB"]) == 2
    assert capsys.readouterr().err == (
        "ledarutveckling report: error: cannot write the output (No space left on device)\n"
    )


def test_the_help_to_a_reader_gone_away_is_exit_141_and_silent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    class Gone:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return os.open(os.devnull, os.O_WRONLY)

    monkeypatch.setattr(sys, "stdout", Gone())
    assert main(["--help"]) == 141
    assert capsys.readouterr().err == ""


# -- fuzzing ----------------------------------------------------------------------------


def _documents() -> dict[str, str]:
    """One valid TOML document of every registered kind, by kind (the fuzz's seeds)."""
    from ledarutveckling import Audience
    from ledarutveckling.examples import (
        stockholm_catalogue,
        stockholm_evaluations,
        stockholm_ledger,
    )
    from ledarutveckling.reports import status_report
    from ledarutveckling.serialization import to_toml

    ledger = stockholm_ledger()
    _, audience = status_report(
        ledger,
        on=Date(2027, 3, 15),
        evaluations=stockholm_evaluations(),
        audience=Audience(name="Ledningsgrupp"),
    )
    catalogue = stockholm_catalogue()
    return {
        "agreement": to_toml(ledger.agreement),
        "audience": to_toml(audience),
        "call_off": to_toml(ledger.call_offs[-1]),
        "catalogue": (EXAMPLES / "stockholm-catalogue.toml").read_text(encoding="utf-8"),
        "delivery": (EXAMPLES / "stockholm-delivery.toml").read_text(encoding="utf-8"),
        "evaluation": to_toml(stockholm_evaluations()[0]),
        "ledger": LEDGER,
        "program": to_toml(catalogue.programs[0]),
        "rollout_request": ROLLOUT,
        "schedule_request": SCHEDULE,
    }


SEEDS = _documents()
DOCUMENTS = list(SEEDS.values())


def test_the_fuzz_has_a_valid_seed_of_every_registered_document_kind() -> None:
    from ledarutveckling.serialization import DOCUMENT_KINDS

    assert sorted(SEEDS) == sorted(DOCUMENT_KINDS)  # a new kind needs its seed here
    for name, text in SEEDS.items():
        assert isinstance(from_toml(DOCUMENT_KINDS[name].cls, text), DOCUMENT_KINDS[name].cls)


_NASTY = st.sampled_from(
    [
        "\x00",
        "\x1b[2J",
        "\ud800",
        "9" * 5000,
        "1e999",
        "nan",
        "2027-02-30",
        "[[[[[[[[",
        "a." * 200 + "a",
        "\\u0000",
        '"',
        "'''",
        "{",
        "=",
        "\n",
        "0x1F",
        "1_000",
        "-0",
        "9999-12-31",
        "00:00",
        "TUESDAY",
        "1.0",
        "true",
        "[]",
        "{}",
        "\u2013",
        "\u0085",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 20)))
        insert = draw(_NASTY | st.text(max_size=8))
        text = text[:start] + insert + text[end:]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_are_read_or_refused_with_a_place_in_bounded_time(text: str) -> None:
    from ledarutveckling.serialization import to_toml

    started = time.perf_counter()
    cls = _cls_of(text)
    try:
        value: object = from_toml(cls, text)
    except ValidationError as error:
        for problem in error.problems:  # a path, or a document-level message with its place
            assert problem.message, problem
            assert problem.path or re.search(r"\bline \d+, column \d+\b", problem.message), problem
    else:  # nothing silently changed: what was read is written and read back the same
        assert from_toml(cls, to_toml(value)) == value
    assert time.perf_counter() - started < 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_documents_through_the_cli_never_give_a_traceback(text: str) -> None:
    import contextlib
    import io
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["validate", str(path)])
    assert status in (0, 1, 2)
    both = out.getvalue() + err.getvalue()
    assert "Traceback" not in both
    assert "\x1b" not in both
    assert "\x00" not in both


def _cls_of(text: str) -> type:
    from ledarutveckling import serialization

    for name, kind in serialization.DOCUMENT_KINDS.items():
        if f'document = "{name}"' in text:
            return kind.cls
    return serialization.ScheduleRequest


def test_the_walk_checks_numbers_the_text_scan_cannot_see_and_stops_at_a_hundred() -> None:
    # A hexadecimal TOML integer has few decimal digits in the text but a big value; the
    # value itself is not repeated (it may be thousands of digits long).
    assert messages(
        from_toml, object, "a = 0xFFFFFFFFFFFFFFFF", limits=Limits(max_number_digits=10)
    ) == ["a: is a number of more than 10 digits (Limits.max_number_digits)"]
    with pytest.raises(ValidationError) as caught:
        from_json(object, "[" + ", ".join(['"\\u0007"'] * 150) + "]")
    assert len(caught.value.problems) == 100
    assert [problem.path for problem in caught.value.problems[:2]] == ["[0]", "[1]"]
    assert caught.value.problems[-1].path == "[99]"


def test_a_long_run_of_underscores_is_no_number() -> None:
    text = '{"a": "' + "_" * 300 + '", "b": "1_2_3"}'
    assert from_json(object, text) == {"a": "_" * 300, "b": "1_2_3"}


# -- the docs' "Limits" tables -----------------------------------------------------------


def _table_rows(heading: str, first_column: str) -> dict[str, str]:
    """The rows of the table under *heading* of docs/serialization.md whose header starts so."""
    text = (Path(__file__).parent.parent / "docs" / "serialization.md").read_text("utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    table = section.split(f"| {first_column}", 1)[1].split("\n\n", 1)[0]
    rows = [line.split(" | ") for line in table.splitlines()[2:]]
    return {cells[0].lstrip("| "): cells[1].rstrip(" |") for cells in rows}


def test_the_docs_limits_table_gives_the_defaults_of_the_code() -> None:
    import attrs as attributes

    documented = {
        re.match(r"`(\w+)`", name).group(1): int(value.replace(",", ""))  # type: ignore[union-attr]
        for name, value in _table_rows("Limits", "limit (`Limits` field)").items()
    }
    assert documented == {f.name: f.default for f in attributes.fields(Limits)}
    assert documented == attributes.asdict(DEFAULT_LIMITS)


def test_the_docs_ranges_table_gives_the_ranges_of_the_code() -> None:
    from ledarutveckling._base.money import MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS
    from ledarutveckling._documents import requests
    from ledarutveckling._procurement import agreement

    ranges = _table_rows("Limits", "value | range")
    assert ranges["an amount of `Money`"] == (
        f"below 10^{MAX_AMOUNT_DIGITS}, at most {MAX_AMOUNT_DECIMALS} decimals"
    )
    days = f"{requests.FIRST_DAY} to {requests.LAST_DAY}"
    assert ranges["a request's `start` and a cohort's `first_day`"] == days
    assert ranges["a cohort's `every_weeks`"] == f"1 to {requests.MAX_EVERY_WEEKS}"
    assert ranges["a unit's `headcount` in a rollout request"] == (
        f"at most {requests.MAX_HEADCOUNT:,}"
    )
    assert ranges["an agreement's `term` (its `start` and `end`)"] == (
        f"{agreement.FIRST_DAY} to {agreement.LAST_DAY}, the options' months included"
    )
    assert ranges["an option's `months` and `notice_months`"] == (
        f"at most {agreement.MAX_OPTION_MONTHS:,}"
    )
    assert ranges["an option's `notice_days`"] == f"at most {agreement.MAX_NOTICE_DAYS:,}"
