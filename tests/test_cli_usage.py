"""The command line's help and usage errors: Swedish by default, English with --locale en_GB."""

from __future__ import annotations

import argparse
import gettext
import re
import string

import pytest

from ledarutveckling._cli import build_parser, main
from ledarutveckling._cli import texts as cli_texts
from ledarutveckling._cli import usage as cli_usage


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The help is wrapped to the terminal's width: make it the same everywhere."""
    monkeypatch.setenv("COLUMNS", "80")


def _exits(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line with *argv*, which exits (help, usage error): code, stdout, stderr."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    out, err = capsys.readouterr()
    code = exited.value.code
    assert isinstance(code, int)
    return code, out, err


# -- help -----------------------------------------------------------------------------------

TOP_HELP = {
    "sv_SE": """\
användning: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}]
                            COMMAND ...

Ramavtal, avrop, scheman och rapporter för ledar- och medarbetarutveckling i
Stockholms stad.

positionsargument:
  COMMAND
    demo                kör Stockholmsexemplet som följer med från början till
                        slut
    validate            kontrollera dokument och lista varje problem med dess
                        sökväg
    report              skriv ut statusrapporten för ett ramavtal eller en
                        avropslogg
    schedule            schemalägg kohorterna i en begäran om schemaläggning
                        och skriv en kalender
    plan-rollout        planera en begäran om utrullning: kohorter,
                        utbildningsledare och lokaler
    replan              planera om en utrullning efter en ändring och behåll
                        de inbjudningar som skickats
    invoice             skriv en månads faktura för ett avrop som Peppol BIS
                        Billing 3.0 XML
    schema              skriv JSON Schema för en dokumentsort

flaggor:
  -h, --help            visa den här hjälptexten och avsluta
  --version             visa programmets version och avsluta
  --locale {sv_SE,en_GB}
                        språket för utskrifterna, hjälpen och felen: sv_SE
                        (svenska, standard) eller en_GB (engelska)

Kör 'ledarutveckling COMMAND --help' för ett kommandos flaggor.
""",
    "en_GB": """\
usage: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}] COMMAND ...

Framework agreements (ramavtal), call-offs (avrop), schedules and reports for
leader and employee development in the City of Stockholm.

positional arguments:
  COMMAND
    demo                run the bundled Stockholm example end to end
    validate            check documents and list every problem with its path
    report              print the status report of an agreement or ledger
                        document
    schedule            schedule the cohorts of a schedule request and write a
                        calendar
    plan-rollout        plan a rollout request: cohorts, facilitators and
                        rooms
    replan              re-plan a rollout after a change, keeping the
                        invitations sent
    invoice             write a month's invoice of a call-off as Peppol BIS
                        Billing 3.0 XML
    schema              write the JSON Schema of a document kind

options:
  -h, --help            show this help message and exit
  --version             show program's version number and exit
  --locale {sv_SE,en_GB}
                        language of the output, the help and the errors: sv_SE
                        (Swedish, default) or en_GB (English)

Run 'ledarutveckling COMMAND --help' for the options of a command.
""",
}


SCHEDULE_HELP = {
    "sv_SE": """\
användning: ledarutveckling schedule [-h] --ics OUT [--catalogue PATH]
                                     [--organiser ADDRESS]
                                     [--locale {sv_SE,en_GB}] [--force]
                                     FILE

Schemalägg kohorterna i en begäran om schemaläggning (TOML, document =
'schedule_request') på svenska arbetsdagar, skriv ut träffarna och eventuella
konflikter och skriv dem som en iCalendar-fil.

positionsargument:
  FILE                  en begäran om schemaläggning (.toml)

flaggor:
  -h, --help            visa den här hjälptexten och avsluta
  --ics OUT             .ics-filen som ska skrivas
  --catalogue PATH      katalogdokumentet där begärans programkod slås upp
                        (standard: begärans egen 'catalogue', annars
                        Stockholms exempelkatalog som följer med)
  --organiser ADDRESS   kalenderns arrangör (ORGANIZER), en e-postadress eller
                        'Namn <adress>'; e-postprogram vill ha en för att
                        uppdatera och avboka inbjudningar
  --locale {sv_SE,en_GB}
                        språket för utskrifterna, hjälpen och felen: sv_SE
                        (svenska, standard) eller en_GB (engelska)
  --force               skriv över filer som finns (aldrig en indatafil till
                        kommandot, aldrig en symbolisk länk)
""",
    "en_GB": """\
usage: ledarutveckling schedule [-h] --ics OUT [--catalogue PATH]
                                [--organiser ADDRESS] [--locale {sv_SE,en_GB}]
                                [--force]
                                FILE

Schedule the cohorts of a schedule request (TOML, document =
'schedule_request') on Swedish working days, print the sessions and any
conflicts, and write them as an iCalendar file.

positional arguments:
  FILE                  a schedule request (.toml)

options:
  -h, --help            show this help message and exit
  --ics OUT             the .ics file to write
  --catalogue PATH      the catalogue document the request's program code is
                        looked up in (default: the request's own 'catalogue',
                        else the bundled Stockholm example catalogue)
  --organiser ADDRESS   the calendar's organiser (ORGANIZER), an e-mail
                        address or 'Name <address>'; mail clients want one to
                        update and cancel invitations
  --locale {sv_SE,en_GB}
                        language of the output, the help and the errors: sv_SE
                        (Swedish, default) or en_GB (English)
  --force               overwrite files that exist (never an input of the
                        command, never a symbolic link)
""",
}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], TOP_HELP["sv_SE"]),
        (["-h", "--locale", "sv_SE"], TOP_HELP["sv_SE"]),
        (["--help", "--locale", "en_GB"], TOP_HELP["en_GB"]),
        (["--locale=en_GB", "--help"], TOP_HELP["en_GB"]),
        (["schedule", "--help"], SCHEDULE_HELP["sv_SE"]),
        (["schedule", "--help", "--locale", "en_GB"], SCHEDULE_HELP["en_GB"]),
        (["schedule", "--loc", "en_GB", "-h"], SCHEDULE_HELP["en_GB"]),
        (["schedule", "x.toml", "--help", "--locale", "fr_FR"], SCHEDULE_HELP["sv_SE"]),
    ],
)
def test_the_help_is_in_the_readers_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    assert _exits(argv, capsys) == (0, expected, "")


COMMANDS = ("demo", "validate", "report", "schedule", "plan-rollout", "replan", "invoice", "schema")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_is_swedish_or_english_throughout(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    swedish = _exits([command, "--help"], capsys)[1]
    english = _exits([command, "--help", "--locale", "en_GB"], capsys)[1]
    assert swedish.startswith(f"användning: ledarutveckling {command} [-h]")
    assert english.startswith(f"usage: ledarutveckling {command} [-h]")
    assert "\nflaggor:\n  -h, --help            visa den här hjälptexten och avsluta\n" in swedish
    assert "\noptions:\n  -h, --help            show this help message and exit\n" in english
    for word in ("usage", "options", "positional arguments", "show this help", "default:"):
        assert word not in swedish
    for word in ("användning", "flaggor", "positionsargument", "standard:"):
        assert word not in english


def test_every_option_has_its_help_in_both_languages() -> None:
    for locale in cli_texts.LOCALES:
        parser = build_parser(locale)
        commands = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        )
        assert sorted(commands.choices) == sorted(COMMANDS)
        for name, command in commands.choices.items():
            assert command.description, name
            for action in command._actions:
                assert action.help, (name, action.dest)
    for key, (swedish, english) in cli_texts._HELP.items():
        assert swedish, key
        assert english, key
        assert swedish != english, key
        fields = {name for _, name, _, _ in string.Formatter().parse(swedish) if name}
        assert fields == {name for _, name, _, _ in string.Formatter().parse(english) if name}
        assert "%" not in swedish + english  # argparse formats help with %


# -- usage errors ---------------------------------------------------------------------------

REPORT_USAGE = {
    "sv_SE": """\
användning: ledarutveckling report [-h] [--on DATE]
                                   [--format {text,markdown,html,xlsx}]
                                   [--locale {sv_SE,en_GB}]
                                   [--evaluations FILE [FILE ...]] [-o OUT]
                                   [--force] [--audience NAME]
                                   [--audience-file PATH]
                                   FILE
""",
    "en_GB": """\
usage: ledarutveckling report [-h] [--on DATE]
                              [--format {text,markdown,html,xlsx}]
                              [--locale {sv_SE,en_GB}]
                              [--evaluations FILE [FILE ...]] [-o OUT]
                              [--force] [--audience NAME]
                              [--audience-file PATH]
                              FILE
""",
}

SCHEDULE_USAGE = {
    "sv_SE": """\
användning: ledarutveckling schedule [-h] --ics OUT [--catalogue PATH]
                                     [--organiser ADDRESS]
                                     [--locale {sv_SE,en_GB}] [--force]
                                     FILE
""",
    "en_GB": """\
usage: ledarutveckling schedule [-h] --ics OUT [--catalogue PATH]
                                [--organiser ADDRESS] [--locale {sv_SE,en_GB}]
                                [--force]
                                FILE
""",
}

INVOICE_USAGE = {
    "sv_SE": """\
användning: ledarutveckling invoice [-h] --delivery FILE --call-off REF
                                    --period YYYY-MM [--number NUMBER]
                                    [--buyer-reference REF] [--issued DATE]
                                    [--due-days N] [-o OUT]
                                    [--locale {sv_SE,en_GB}] [--force]
                                    LEDGER
""",
    "en_GB": """\
usage: ledarutveckling invoice [-h] --delivery FILE --call-off REF --period
                               YYYY-MM [--number NUMBER]
                               [--buyer-reference REF] [--issued DATE]
                               [--due-days N] [-o OUT]
                               [--locale {sv_SE,en_GB}] [--force]
                               LEDGER
""",
}

TOP_USAGE = {
    "sv_SE": (
        "användning: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}]\n"
        "                            COMMAND ...\n"
    ),
    "en_GB": ("usage: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}] COMMAND ...\n"),
}

INVOICE = ["invoice", "x.toml", "--delivery", "d.toml", "--call-off", "C", "--period", "2027-03"]


@pytest.mark.parametrize(
    ("argv", "usage", "expected"),
    [
        # a missing required argument
        (
            ["schedule", "x.toml"],
            SCHEDULE_USAGE["sv_SE"],
            "ledarutveckling schedule: fel: följande argument krävs: --ics\n",
        ),
        (
            ["schedule", "x.toml", "--locale", "en_GB"],
            SCHEDULE_USAGE["en_GB"],
            "ledarutveckling schedule: error: the following arguments are required: --ics\n",
        ),
        (
            [],
            TOP_USAGE["sv_SE"],
            "ledarutveckling: fel: följande argument krävs: COMMAND\n",
        ),
        # an unknown option (the top level's error: the command leaves what it does not know)
        (
            ["validate", "a.toml", "--bogus"],
            TOP_USAGE["sv_SE"],
            "ledarutveckling: fel: okända argument: --bogus\n",
        ),
        (
            ["validate", "a.toml", "--bogus", "--locale", "en_GB"],
            TOP_USAGE["en_GB"],
            "ledarutveckling: error: unrecognized arguments: --bogus\n",
        ),
        # an invalid choice, with --locale after the mistake
        (
            ["report", "x.toml", "--format", "pdf"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --format: ogiltigt val: 'pdf' (välj bland "
            "'text', 'markdown', 'html', 'xlsx')\n",
        ),
        (
            ["report", "x.toml", "--format", "pdf", "--locale", "en_GB"],
            REPORT_USAGE["en_GB"],
            "ledarutveckling report: error: argument --format: invalid choice: 'pdf' (choose "
            "from 'text', 'markdown', 'html', 'xlsx')\n",
        ),
        (
            ["report", "x.toml", "--locale", "fr_FR"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --locale: ogiltigt val: 'fr_FR' (välj "
            "bland 'sv_SE', 'en_GB')\n",
        ),
        (
            ["--locale", "en_GB", "frob"],
            TOP_USAGE["en_GB"],
            "ledarutveckling: error: argument COMMAND: invalid choice: 'frob' (choose from "
            "'demo', 'validate', 'report', 'schedule', 'plan-rollout', 'replan', 'invoice', "
            "'schema')\n",
        ),
        # a value of the wrong type: argparse's int, and the command line's own date
        (
            [*INVOICE, "--due-days", "x"],
            INVOICE_USAGE["sv_SE"],
            "ledarutveckling invoice: fel: argumentet --due-days: måste vara ett heltal från 0 "
            "till 365: 'x'\n",
        ),
        (
            [*INVOICE, "--due-days", "x", "--locale", "en_GB"],
            INVOICE_USAGE["en_GB"],
            "ledarutveckling invoice: error: argument --due-days: must be a whole number from 0 "
            "to 365: 'x'\n",
        ),
        (
            ["report", "x.toml", "--on", "27/11/2026"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --on: inte ett datum på formen "
            "ÅÅÅÅ-MM-DD: '27/11/2026'\n",
        ),
        (
            ["report", "x.toml", "--on", "27/11/2026", "--locale", "en_GB"],
            REPORT_USAGE["en_GB"],
            "ledarutveckling report: error: argument --on: not a date in the form "
            "YYYY-MM-DD: '27/11/2026'\n",
        ),
        # an option without its value, and one abbreviated too far
        (
            ["report", "x.toml", "--on"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --on: kräver ett värde\n",
        ),
        (
            ["report", "x.toml", "--evaluations"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --evaluations: kräver minst ett värde\n",
        ),
        (
            ["report", "x.toml", "--au", "y"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: tvetydig flagga: --au kan vara --audience, "
            "--audience-file\n",
        ),
        (
            ["report", "x.toml", "--force=yes"],
            REPORT_USAGE["sv_SE"],
            "ledarutveckling report: fel: argumentet --force: tar inget värde, fick 'yes'\n",
        ),
    ],
)
def test_usage_errors_are_in_the_readers_language_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str, expected: str
) -> None:
    assert _exits(argv, capsys) == (2, "", usage + expected)


# -- finding the language, translating argparse's messages ------------------------------------


@pytest.mark.parametrize(
    ("argv", "locale"),
    [
        ([], "sv_SE"),
        (["report", "x.toml"], "sv_SE"),
        (["report", "x.toml", "--locale", "en_GB"], "en_GB"),
        (["report", "x.toml", "--locale=en_GB"], "en_GB"),
        (["report", "--lo", "en_GB", "x.toml"], "en_GB"),
        (["report", "--locale", "en_GB", "--locale", "sv_SE"], "sv_SE"),
        (["report", "--locale", "en_GB", "--locale", "fr_FR"], "en_GB"),
        (["report", "x.toml", "--locale"], "sv_SE"),
        (["report", "--l", "en_GB"], "sv_SE"),  # as ambiguous as --ledger
        (["report", "--", "--locale", "en_GB"], "sv_SE"),
        (["report", "--local", "en_GB"], "en_GB"),
        (["report", "--locales", "en_GB"], "sv_SE"),
    ],
)
def test_the_locale_is_found_before_parsing(argv: list[str], locale: str) -> None:
    assert cli_usage.locale_of(argv) == locale


ENGLISH_MESSAGES = [
    ("the following arguments are required: FILE, --ics", "följande argument krävs: FILE, --ics"),
    ("unrecognized arguments: --x y", "okända argument: --x y"),
    (
        "argument --x: invalid choice: 'y' (choose from a, b)",
        "argumentet --x: ogiltigt val: 'y' (välj bland a, b)",
    ),
    ("argument N: invalid int value: '1.5'", "argumentet N: inte ett heltal: '1.5'"),
    ("argument --x: invalid float value: 'y'", "argumentet --x: ogiltigt värde (float): 'y'"),
    ("argument --x: expected one argument", "argumentet --x: kräver ett värde"),
    ("argument --x: expected at most one argument", "argumentet --x: tar högst ett värde"),
    ("argument --x: expected at least one argument", "argumentet --x: kräver minst ett värde"),
    ("argument --x: expected 2 arguments", "argumentet --x: kräver 2 värden"),
    ("argument --x: ignored explicit argument 'y'", "argumentet --x: tar inget värde, fick 'y'"),
    ("ambiguous option: --a could match --ab, --ac", "tvetydig flagga: --a kan vara --ab, --ac"),
    ("one of the arguments --a --b is required", "ett av --a --b krävs"),
    ("argument --a: not allowed with argument --b", "argumentet --a: får inte anges med --b"),
    (
        "argument --on: must be a day of the years 1900 to 2999: '9999-12-31'",
        "argumentet --on: måste vara en dag under åren 1900 till 2999: '9999-12-31'",
    ),
    ("argument --sequence: not a whole number: 'x'", "argumentet --sequence: inte ett heltal: 'x'"),
    (
        "argument --sequence: must be 1 to 2147483647, higher than the last sent (the first "
        "export is 0): '0'",
        "argumentet --sequence: måste vara 1 till 2147483647, högre än det senast skickade (den "
        "första exporten har 0): '0'",
    ),
    # a message argparse may say one day: English rather than a wrong Swedish, never a crash
    ("argument --x: something new", "argumentet --x: something new"),
    ("option '--x' is something new", "option '--x' is something new"),
]


@pytest.mark.parametrize(("english", "swedish"), ENGLISH_MESSAGES)
def test_argparses_messages_are_translated_or_left_english(english: str, swedish: str) -> None:
    assert cli_usage.translate(english, "sv_SE") == swedish
    assert cli_usage.translate(english, "en_GB") == english


def test_every_swedish_template_uses_the_fields_of_its_pattern() -> None:
    for pattern, swedish in cli_texts._USAGE_ERRORS:
        fields = {name for _, name, _, _ in string.Formatter().parse(swedish) if name}
        assert fields == set(re.compile(pattern).groupindex), pattern


def test_no_process_global_state_is_changed(capsys: pytest.CaptureFixture[str]) -> None:
    # Swedish is the parser's own: another argparse parser in the process still speaks English.
    assert _exits(["report"], capsys)[0] == 2
    plain = argparse.ArgumentParser(prog="other")
    plain.add_argument("file")
    assert plain.format_help() == (
        "usage: other [-h] file\n\npositional arguments:\n  file\n\noptions:\n"
        "  -h, --help  show this help message and exit\n"
    )
    assert gettext.gettext("usage: ") == "usage: "  # argparse's own translation untouched
