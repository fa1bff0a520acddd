"""What the command line says, in Swedish and English (private)."""

from __future__ import annotations

import errno
from typing import Final

from ledarutveckling import serialization
from ledarutveckling.formatting import format_number

LOCALES: Final = ("sv_SE", "en_GB")


_SAID: Final = {
    "invalid": ("{path}: ogiltig, {problems}:", "{path}: invalid, {problems}:"),
    "valid": ("{path}: giltig ({kind})", "{path}: valid ({kind})"),
    "unchecked": (
        "  Avtalet, avropen, programmen och modulerna som det nämner är inte kontrollerade: "
        "ange avropsloggen med --ledger LEDGER.",
        "  The agreement, call-offs, programs and modules it names were not checked: give "
        "the ledger with --ledger LEDGER.",
    ),
    "report": ("Skrev rapporten till {path}", "Wrote the report to {path}"),
    "recorded": (
        "Sparade vad ”{audience}” har fått se i {path}",
        "Recorded what '{audience}' was shown in {path}",
    ),
    "refused": (
        "{path}: rapporten visas inte för ”{audience}”, {problems}:",
        "{path}: the report is not shown to '{audience}', {problems}:",
    ),
    "refused-without": (
        "  Rapporten utan utvärderingarna kan visas: kör den utan --evaluations.",
        "  The report without the evaluations can be shown: run it without --evaluations.",
    ),
    "sessions": ("{program}: {sessions}", "{program}: {sessions}"),
    "more-conflicts": (
        "… och {count}, som inte visas",
        "… and {count}, not shown",
    ),
    "calendar": ("Skrev kalendern till {path}", "Wrote the calendar to {path}"),
    "calendar-conflicts": (
        "Skrev kalendern till {path} med {count}: lös dem innan inbjudningarna skickas",
        "Wrote the calendar to {path} with {count}: resolve them before sending the invitations",
    ),
    "wrote-items": ("Skrev {items} till {path}", "Wrote {items} to {path}"),
    "wrote-rollout": (
        "Skrev utrullningens {items} till {path}",
        "Wrote the rollout's {items} to {path}",
    ),
    "no-charts": (
        "(Diagrammen hoppades över: installera dem med pip install '{extra}'.)",
        "(Charts skipped: install them with pip install '{extra}'.)",
    ),
    "chart": ("Skrev diagrammet {path}", "Wrote the chart {path}"),
    "loaded": (
        "Läste in exempelavtalet {reference} med {call_offs} avrop och {evaluations} "
        "utvärderingar.",
        "Loaded the example agreement {reference} with {call_offs} call-offs and "
        "{evaluations} evaluations.",
    ),
    "validated": ("Validerat: {problems}.", "Validated: {problems}."),
    "html": ("Skrev HTML-rapporten till {path}", "Wrote the HTML report to {path}"),
    "checked": (
        "Kontrollerade träffarna mot deras avrop: {problems}.",
        "Checked the sessions against their call-offs: {problems}.",
    ),
    "example-ledger": (
        "Skrev exemplets avropslogg till {path}",
        "Wrote the example ledger to {path}",
    ),
    "example-delivery": (
        "Skrev exemplets leveransunderlag (genomförda träffar, närvaro, fakturauppgifter) "
        "till {path}",
        "Wrote the example's delivery record (held sessions, attendance, invoicing details) "
        "to {path}",
    ),
    "saved-plan": ("Sparade planen i {path}", "Saved the plan in {path}"),
    "no-update": (
        "Inget att uppdatera i kalendrarna: {path} skrevs inte",
        "Nothing to update in the calendars: {path} not written",
    ),
    "wrote-changes": (
        "Skrev ändringarna ({items}, SEQUENCE {sequence}) till {path}",
        "Wrote the changes ({items}, SEQUENCE {sequence}) to {path}",
    ),
    "wrote-cancellations": (
        "Skrev avbokningarna ({items}, SEQUENCE {sequence}) till {path}",
        "Wrote the cancellations ({items}, SEQUENCE {sequence}) to {path}",
    ),
    "invoice": (
        "Faktura {number} för avrop {call_off} ({unit}), leveranser i {month}",
        "Invoice {number} for call-off {call_off} ({unit}), deliveries in {month}",
    ),
    "invoice-net": ("Summa exkl. moms: {amount}", "Total excluding VAT: {amount}"),
    "invoice-vat": ("Moms {rate} på {taxable}: {vat}", "VAT {rate} on {taxable}: {vat}"),
    "invoice-pay": (
        "Att betala: {total} senast {due} till {scheme} {number}",
        "To pay: {total} by {due} to {scheme} {number}",
    ),
    "invoice-note": ("Obs: {path}: {where}: {problem}", "Note: {path}: {where}: {problem}"),
    "invoice-wrote": (
        "Skrev fakturan (Peppol BIS Billing 3.0) till {path}",
        "Wrote the invoice (Peppol BIS Billing 3.0) to {path}",
    ),
    "demo-out": ("Demons filer finns i {path}", "Demo output is in {path}"),
    "next": ("Nästa steg: {command}", "Next: {command}"),
}
"""What the command line says, in Swedish and English (``str.format`` templates).

The command line imports only the public faces, so its texts live here rather than in the
library's label tables; a test checks that both languages have the same fields.
"""


_COUNTED: Final = {
    "problem": (("problem", "problem"), ("problem", "problems")),
    "session": (("träff", "träffar"), ("session", "sessions")),
    "coming session": (
        ("kommande träff", "kommande träffar"),
        ("coming session", "coming sessions"),
    ),
    "to-do": (
        ("självstudieuppgift", "självstudieuppgifter"),
        ("self-paced to-do", "self-paced to-dos"),
    ),
    "unlisted to-do": (
        ("självstudieuppgift som inte listas ovan", "självstudieuppgifter som inte listas ovan"),
        ("self-paced to-do not listed above", "self-paced to-dos not listed above"),
    ),
    "more conflict": (
        ("konflikt till", "konflikter till"),
        ("more conflict", "more conflicts"),
    ),
    "conflict": (("konflikt", "konflikter"), ("conflict", "conflicts")),
}
"""Counted words, ``(singular, plural)`` in Swedish and in English."""


_KIND_NAMES: Final = {
    "agreement": "ramavtal",
    "audience": "publiceringsregister",
    "call_off": "avrop",
    "catalogue": "katalog",
    "delivery": "leveransunderlag",
    "evaluation": "utvärdering",
    "ledger": "avropslogg",
    "program": "program",
    "rollout_request": "begäran om utrullning",
    "schedule_request": "begäran om schemaläggning",
}
"""The Swedish name of each document kind (English: the kind in words, ``call off``)."""


def _language(locale: str) -> int:
    """0 for Swedish, 1 for English: the index of *locale*'s text in the tables above."""
    return LOCALES.index(locale) if locale in LOCALES else 0


def _said(key: str, locale: str, /, **fields: object) -> str:
    """What the command line says for *key* in *locale*'s language."""
    return _SAID[key][_language(locale)].format(**fields)


def _counted(count: int, word: str, locale: str) -> str:
    r"""``3 träffar`` / ``1 session``: *count* with *word* in *locale*'s language.

    The number is written as the reader writes it: ``1\xa0200 träffar``, ``1,200 sessions``.
    """
    forms = _COUNTED[word][_language(locale)]
    number = format_number(count, locale=LOCALES[_language(locale)])
    return f"{number} {forms[0] if count == 1 else forms[1]}"


def _kind_name(cls: type, locale: str) -> str:
    """A document kind's name for a reader: ``avropslogg`` / ``agreement ledger``."""
    if _language(locale):
        return _snake(cls)
    for kind, spec in serialization.DOCUMENT_KINDS.items():
        if spec.cls is cls:
            return _KIND_NAMES[kind]
    return _snake(cls)  # pragma: no cover - every document kind has its name


def _snake(cls: type) -> str:
    """A class's name in words: ``RolloutRequest`` is ``"rollout request"``."""
    name = cls.__name__
    return "".join(f" {c.lower()}" if c.isupper() else c for c in name).strip()


_HELP: Final = {
    "help": ("visa den här hjälptexten och avsluta", "show this help message and exit"),
    "version": ("visa programmets version och avsluta", "show program's version number and exit"),
    "description": (
        "Ramavtal, avrop, scheman och rapporter för ledar- och medarbetarutveckling i "
        "Stockholms stad.",
        "Framework agreements (ramavtal), call-offs (avrop), schedules and reports for "
        "leader and employee development in the City of Stockholm.",
    ),
    "epilog": (
        "Kör '{prog} COMMAND --help' för ett kommandos flaggor.",
        "Run '{prog} COMMAND --help' for the options of a command.",
    ),
    "on": (
        "dagen som rapporten beskriver, ÅÅÅÅ-MM-DD (standard: dagens datum i Europe/Stockholm)",
        "the day the report describes, YYYY-MM-DD (default: today's date in Europe/Stockholm)",
    ),
    "locale": (
        "språket för utskrifterna, hjälpen och felen: sv_SE (svenska, standard) eller en_GB "
        "(engelska)",
        "language of the output, the help and the errors: sv_SE (Swedish, default) or en_GB "
        "(English)",
    ),
    "force": (
        "skriv över filer som finns (aldrig en indatafil till kommandot, aldrig en symbolisk länk)",
        "overwrite files that exist (never an input of the command, never a symbolic link)",
    ),
    "organiser": (
        "kalenderns arrangör (ORGANIZER), en e-postadress eller 'Namn <adress>'; "
        "e-postprogram vill ha en för att uppdatera och avboka inbjudningar",
        "the calendar's organiser (ORGANIZER), an e-mail address or 'Name <address>'; "
        "mail clients want one to update and cancel invitations",
    ),
    "save": (
        "spara också planen (.json eller .toml), för ett senare replan --plan: planen vars "
        "inbjudningar skickas ut",
        "also save the plan (.json or .toml), for a later replan --plan: the plan whose "
        "invitations go out",
    ),
    "catalogue": (
        "katalogdokumentet där begärans programkod slås upp (standard: begärans egen "
        "'catalogue', annars Stockholms exempelkatalog som följer med)",
        "the catalogue document the request's program code is looked up in (default: the "
        "request's own 'catalogue', else the bundled Stockholm example catalogue)",
    ),
    "demo": (
        "kör Stockholmsexemplet som följer med från början till slut",
        "run the bundled Stockholm example end to end",
    ),
    "demo-description": (
        "Kör Stockholmsexemplet som följer med från början till slut: läs in avtalet, dess "
        "avrop och utvärderingar, validera dem, schemalägg kohorterna, planera en liten "
        "utrullning, skriv ut statusrapporten och skriv sju filer i en mapp: "
        "statusrapport.html (rapporten), traffar.ics (de kommande träffarna), utrullning.ics "
        "(utrullningens träffar), avropslogg.toml (avropsloggen), leveranser.toml "
        "(leveransunderlaget, för invoice), takbelopp.png och utrullning.png (takbeloppet och "
        "utrullningens Gantt-schema, med tillägget plot). Med --locale en_GB har filerna "
        "engelska namn.",
        "Run the bundled Stockholm example end to end: load the agreement, its call-offs "
        "and evaluations, validate them, schedule the cohorts, plan a small rollout, print "
        "the status report, and write seven files into a folder: status-report.html (the "
        "report), sessions.ics (the coming sessions), rollout.ics (the rollout's sessions), "
        "ledger.toml (the ledger), delivery.toml (the delivery document, for invoice), "
        "ceiling.png and rollout.png (the ceiling burn-up and the rollout's Gantt chart, with "
        "the plot extra). In Swedish (the default) the files are named statusrapport.html, "
        "traffar.ics, utrullning.ics, avropslogg.toml, leveranser.toml, takbelopp.png and "
        "utrullning.png.",
    ),
    "demo-out": (
        "mapp för filerna (standard: en ny mapp ledarutveckling-demo[-N] här)",
        "folder for the files (default: a new folder ledarutveckling-demo[-N] here)",
    ),
    "validate": (
        "kontrollera dokument och lista varje problem med dess sökväg",
        "check documents and list every problem with its path",
    ),
    "validate-description": (
        "Kontrollera ramavtal, avrop, kataloger, avropsloggar, program, leveransunderlag och "
        "begäranden (.json eller .toml). Varje problem skrivs ut med sin sökväg, på språket "
        "som --locale anger. Slutkod 0 när alla är giltiga, 1 när något är ogiltigt, 2 när en "
        "fil inte kan läsas.",
        "Check agreement, call-off, catalogue, ledger, program, delivery and request documents "
        "(.json or .toml). Every problem is printed with its path, in the language of "
        "--locale. Exit code 0 when all are valid, 1 when one is invalid, 2 when a file "
        "cannot be read.",
    ),
    "validate-files": ("ett dokument i .json eller .toml", "a .json or .toml document"),
    "validate-ledger": (
        "avropsloggen (eller ramavtalet) som ett leveransunderlag kontrolleras mot: dess avtal, "
        "avrop, program och moduler måste finnas där (utan den kontrolleras de inte)",
        "the ledger (or agreement) document a delivery document is checked against: its "
        "agreement, call-offs, programs and modules must be there (without it, they are "
        "not checked)",
    ),
    "report": (
        "skriv ut statusrapporten för ett ramavtal eller en avropslogg",
        "print the status report of an agreement or ledger document",
    ),
    "report-description": (
        "Skriv ut statusrapporten för ett ramavtal eller en avropslogg: parter, avtalstid och "
        "optioner, takbelopp och nyttjande, avrop per beställare och per tjänsteområde, "
        "varningar och resultaten av de utvärderingar som anges.",
        "Print the status report of an agreement or ledger document: parties, term and "
        "options, ceiling and utilisation, call-offs per unit and per service area, warnings, "
        "and the results of the evaluation documents given.",
    ),
    "report-file": ("ett ramavtal eller en avropslogg", "an agreement or ledger document"),
    "report-format": (
        "utdataformat (standard: text); xlsx skriver en Excel-arbetsbok till -o OUT",
        "output format (default: text); xlsx writes an Excel workbook to -o OUT",
    ),
    "report-evaluations": (
        "utvärderingar som ska sammanfattas i rapporten (med anonymitetsreglerna)",
        "evaluation documents to summarise in the report (anonymity applied)",
    ),
    "report-output": (
        "skriv rapporten till OUT i stället för till standard ut",
        "write the report to OUT instead of stdout",
    ),
    "report-audience": (
        "vem som läser rapporten; vad varje mottagare har fått se sparas bredvid FILE "
        "(FILE-stam.audience-NAME.json) och granskas, så att nästa veckas rapport inte kan "
        "subtraheras från den här veckans (standard: namnet i --audience-file, annars "
        "default)",
        "who reads the report; what each audience was shown is kept beside FILE "
        "(FILE-stem.audience-NAME.json) and audited, so that next week's report cannot be "
        "subtracted from this week's (default: the name in --audience-file, else default)",
    ),
    "report-audience-file": (
        "spara mottagarens register i PATH i stället (ett publiceringsregister)",
        "keep the audience's record in PATH instead (an audience document)",
    ),
    "schedule": (
        "schemalägg kohorterna i en begäran om schemaläggning och skriv en kalender",
        "schedule the cohorts of a schedule request and write a calendar",
    ),
    "schedule-description": (
        "Schemalägg kohorterna i en begäran om schemaläggning (TOML, document = "
        "'schedule_request') på svenska arbetsdagar, skriv ut träffarna och eventuella "
        "konflikter och skriv dem som en iCalendar-fil.",
        "Schedule the cohorts of a schedule request (TOML, document = "
        "'schedule_request') on Swedish working days, print the sessions and any "
        "conflicts, and write them as an iCalendar file.",
    ),
    "schedule-file": (
        "en begäran om schemaläggning (.toml)",
        "a schedule request (.toml)",
    ),
    "schedule-ics": (".ics-filen som ska skrivas", "the .ics file to write"),
    "plan-rollout": (
        "planera en begäran om utrullning: kohorter, utbildningsledare och lokaler",
        "plan a rollout request: cohorts, facilitators and rooms",
    ),
    "plan-rollout-description": (
        "Planera en begäran om utrullning (TOML, document = 'rollout_request'): dela varje "
        "förvaltning i kohorter, lägg varje modul för varje kohort i ett pass på en arbetsdag "
        "med utbildningsledare och lokaler, och skriv ut planen med dess bevisade undre gräns. "
        "Slutkod 1 när ingen giltig plan finns (det som begränsar planen nämns).",
        "Plan a rollout request (TOML, document = 'rollout_request'): split each unit "
        "into cohorts, place every module of every cohort in a slot of a working day with "
        "facilitators and rooms, and print the plan with its proven lower bound. Exit "
        "code 1 when no valid plan exists (the binding constraint is named).",
    ),
    "plan-rollout-file": ("en begäran om utrullning (.toml)", "a rollout request (.toml)"),
    "plan-rollout-ics": (
        "skriv också träffarna som en .ics-fil",
        "also write the sessions as an .ics file",
    ),
    "replan": (
        "planera om en utrullning efter en ändring och behåll de inbjudningar som skickats",
        "re-plan a rollout after a change, keeping the invitations sent",
    ),
    "replan-description": (
        "Planera om en utrullning efter en ändring (en utbildningsledare sjuk, en lokal förlorad, "
        "en förvaltnings flyttdatum ändrat): läs begäran om utrullning som den är nu och "
        "planen vars inbjudningar skickades (sparad av plan-rollout --save), behåll varje "
        "träff före --today som hållen och ändra så få senare träffar som möjligt, skriv ut "
        "vad som flyttades, lades till och ställdes in och vilka kohorter som fick ny "
        "storlek, och skriv med --ics "
        "kalenderuppdateringen (ändringarna med samma UID och högre SEQUENCE, "
        "avbokningarna med METHOD:CANCEL). Slutkod 1 när ingen omplanering finns (regeln "
        "som hindrar nämns).",
        "Re-plan a rollout after a change (a facilitator off sick, a room lost, a unit's "
        "move date moved): read the rollout request as it is now and the plan whose "
        "invitations were sent (saved by plan-rollout --save), keep every session before "
        "--today as held and change as few later sessions as possible, print what was "
        "moved, added and cancelled and which cohorts were resized, and with --ics write "
        "the calendar update (the changes "
        "with the same UIDs and a higher SEQUENCE; the cancellations with METHOD:CANCEL). "
        "Exit code 1 when no re-plan exists (the binding rule is named).",
    ),
    "replan-file": (
        "begäran om utrullning som den är nu (.toml)",
        "the rollout request as it is now (.toml)",
    ),
    "replan-plan": (
        "planen vars inbjudningar skickades, som plan-rollout --save (eller replan --save) "
        "skrev den (.json eller .toml)",
        "the plan whose invitations were sent, as plan-rollout --save (or replan --save) "
        "wrote it (.json or .toml)",
    ),
    "replan-today": (
        "den första dagen som får ändras; träffar före den hölls, ÅÅÅÅ-MM-DD (standard: "
        "dagens datum i Europe/Stockholm)",
        "the first day that may change; sessions before it were held, YYYY-MM-DD "
        "(default: today's date in Europe/Stockholm)",
    ),
    "replan-ics": (
        "skriv de ändrade och tillagda träffarna som en kalenderuppdatering (METHOD:PUBLISH)",
        "write the changed and added sessions as a calendar update (METHOD:PUBLISH)",
    ),
    "replan-cancel-ics": (
        "vart avbokningarna skrivs (METHOD:CANCEL; standard: OUT-cancel.ics bredvid --ics)",
        "where the cancellations go (METHOD:CANCEL; default: OUT-cancel.ics beside --ics)",
    ),
    "replan-sequence": (
        "uppdateringens revisionsnummer, högre än det senast skickade: 1 för den första "
        "uppdateringen av plan-rollouts kalender, 2 för nästa (standard: 1)",
        "the update's revision number, higher than the last sent: 1 for the first update "
        "of plan-rollout's calendar, 2 for the next (default: 1)",
    ),
    "invoice": (
        "skriv en månads faktura för ett avrop som Peppol BIS Billing 3.0 XML",
        "write a month's invoice of a call-off as Peppol BIS Billing 3.0 XML",
    ),
    "invoice-description": (
        "Räkna fram fakturaunderlaget för ett avrop i en avropslogg för en månad, skriv det "
        "som en Peppol BIS Billing 3.0-faktura (UBL 2.1 XML) och skriv ut en sammanfattning "
        "på svenska (engelska med --locale en_GB; fakturan är densamma). De hållna träffarna "
        "med deras närvaro, säljarens fakturauppgifter och köparens fakturaadress kommer från "
        "ett leveransunderlag (--delivery; document = 'delivery', docs/invoicing.md); "
        "leveransvillkoren är avtalets. Slutkod 1 för ett ogiltigt dokument, avrop, månad "
        "eller faktura, 2 när en fil inte kan läsas eller skrivas.",
        "Work out the invoice basis (fakturaunderlag) of a call-off of a ledger document "
        "for a month, write it as a Peppol BIS Billing 3.0 invoice (UBL 2.1 XML) and print "
        "a summary in Swedish (English with --locale en_GB; the invoice is the same). The "
        "held sessions with their attendance, the seller's invoicing details and the "
        "buyer's invoicing address come from a delivery document "
        "(--delivery; document = 'delivery', docs/invoicing.md); the delivery terms are the "
        "agreement's. Exit code 1 for an invalid document, call-off, month or invoice, 2 "
        "when a file cannot be read or written.",
    ),
    "invoice-file": ("en avropslogg (.json eller .toml)", "a ledger document (.json or .toml)"),
    "invoice-delivery": (
        "leveransunderlaget: hållna träffar med närvaro, säljare och köparens adress "
        "(t.ex. examples/stockholm-delivery.toml)",
        "the delivery document: held sessions with attendance, seller and buyer address "
        "(e.g. examples/stockholm-delivery.toml)",
    ),
    "invoice-call-off": ("avropets diarienummer", "the call-off's reference"),
    "invoice-period": ("månaden som faktureras", "the month invoiced"),
    "invoice-number": (
        "fakturanumret (standard: månaden och -1, t.ex. 2027-03-1)",
        "the invoice number (default: the month and -1, e.g. 2027-03-1)",
    ),
    "invoice-buyer-reference": (
        "köparens referens (er referens), som offentliga köpare styr fakturor efter "
        "(standard: avropets diarienummer)",
        "the buyer's reference (er referens), which public buyers route invoices by "
        "(default: the call-off's reference)",
    ),
    "invoice-issued": (
        "fakturadatum (standard: i dag)",
        "the issue date (default: today)",
    ),
    "invoice-due-days": (
        "dagar att betala, 0 till 365 (standard: 30)",
        "days to pay, 0 to 365 (default: 30)",
    ),
    "invoice-output": (
        "XML-filen (standard: faktura-NUMBER.xml)",
        "the XML file (default: faktura-NUMBER.xml)",
    ),
    "schema": (
        "skriv JSON Schema för en dokumentsort",
        "write the JSON Schema of a document kind",
    ),
    "schema-description": (
        "Skriv JSON Schema (draft 2020-12) för en dokumentsort, för en annan tjänsts "
        "validering eller en redigerares komplettering (docs/json-schema.md).",
        "Write the JSON Schema (draft 2020-12) of a document kind, for another service's "
        "validator or an editor's completion (docs/json-schema.md).",
    ),
    "schema-kind": ("dokumentsorten: {kinds}", "the document kind: {kinds}"),
    "schema-toml": (
        "schemat för ett TOML-dokument ([] för inget)",
        "the schema of a TOML document ([] for none)",
    ),
    "schema-output": (
        "skriv till OUT i stället för till standard ut",
        "write to OUT instead of stdout",
    ),
}
"""The help of the command line and of every command and option, in Swedish and English."""


_USAGE: Final = {
    "usage": ("användning: ", "usage: "),
    "positionals": ("positionsargument", "positional arguments"),
    "options": ("flaggor", "options"),
    "error": ("{prog}: fel: {message}\n", "{prog}: error: {message}\n"),
}
"""The words argparse itself prints around the help and a usage error."""


def _help(key: str, locale: str, /, **fields: object) -> str:
    """The help text *key* in *locale*'s language (``{field}`` filled in from *fields*)."""
    text = _HELP[key][_language(locale)]
    return text.format(**fields) if fields else text


def _usage(key: str, locale: str, /, **fields: object) -> str:
    """The word argparse itself prints for *key* in *locale*'s language."""
    return _USAGE[key][_language(locale)].format(**fields)


_USAGE_ERRORS: Final = (
    (r"argument (?P<argument>\S+): (?P<message>.+)", "argumentet {argument}: {message}"),
    (
        r"the following arguments are required: (?P<arguments>.+)",
        "följande argument krävs: {arguments}",
    ),
    (r"unrecognized arguments: (?P<arguments>.+)", "okända argument: {arguments}"),
    (
        r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
        "ogiltigt val: {value} (välj bland {choices})",
    ),
    (r"invalid int value: (?P<value>.+)", "inte ett heltal: {value}"),
    (r"invalid (?P<type>\S+) value: (?P<value>.+)", "ogiltigt värde ({type}): {value}"),
    (r"expected one argument", "kräver ett värde"),
    (r"expected at most one argument", "tar högst ett värde"),
    (r"expected at least one argument", "kräver minst ett värde"),
    (r"expected (?P<count>\d+) arguments?", "kräver {count} värden"),
    (r"ignored explicit argument (?P<value>.+)", "tar inget värde, fick {value}"),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
        "tvetydig flagga: {option} kan vara {matches}",
    ),
    (r"one of the arguments (?P<arguments>.+) is required", "ett av {arguments} krävs"),
    (r"not allowed with argument (?P<argument>.+)", "får inte anges med {argument}"),
    (
        r"not a date in the form YYYY-MM-DD: (?P<value>.+)",
        "inte ett datum på formen ÅÅÅÅ-MM-DD: {value}",
    ),
    (r"not a date in the calendar: (?P<value>.+)", "datumet finns inte i kalendern: {value}"),
    (
        r"must be a day of the years (?P<first>\d+) to (?P<last>\d+): (?P<value>.+)",
        "måste vara en dag under åren {first} till {last}: {value}",
    ),
    (r"not a whole number: (?P<value>.+)", "inte ett heltal: {value}"),
    (
        r"must be one e-mail address, alone or as 'Name <address>': (?P<value>.+)",
        "ska vara en e-postadress, ensam eller som 'Namn <adress>': {value}",
    ),
    (
        r"must be 1 to (?P<most>\d+), higher than the last sent \(the first export is 0\): "
        r"(?P<value>.+)",
        "måste vara 1 till {most}, högre än det senast skickade (den första exporten har 0): "
        "{value}",
    ),
    # --- h6-options ---
    (
        r"must be a whole number from (?P<least>\d+) to (?P<most>\d+): (?P<value>.+)",
        "måste vara ett heltal från {least} till {most}: {value}",
    ),
)
"""argparse's usage errors (Python 3.11 to 3.13) and the command line's own value errors, each
an English pattern (matched whole) and its Swedish template; a message that matches none stays
English. ``argument X: …`` is translated again inside."""


_ERRORS: Final = {
    "no-such-file": ("{path}: filen finns inte", "{path}: no such file"),
    "unreadable": ("{path}: kan inte läsas ({reason})", "{path}: cannot be read ({reason})"),
    "not-json-or-toml": (
        "{path}: filnamnet måste sluta på .json eller .toml",
        "{path}: the file name must end in .json or .toml",
    ),
    "plan-not-json-or-toml": (
        "{path}: planens filnamn måste sluta på .json eller .toml",
        "{path}: the plan's file name must end in .json or .toml",
    ),
    "wrong-kind": (
        "{path}: här krävs dokumentsorten {wanted}, inte {got}",
        "{path}: needs a {wanted} document, not a {got}",
    ),
    "not-a-plan": (
        "{path}: dokumentsorten är {got}, inte en sparad plan (som plan-rollout --save skriver)",
        "{path}: the document kind is {got}, not a saved plan (as plan-rollout --save writes)",
    ),
    "not-a-catalogue": (
        "{path}: katalogen måste vara ett katalogdokument",
        "{path}: the catalogue must be a catalogue document",
    ),
    "needs-ledger": (
        "{path}: måste vara ett ramavtal eller en avropslogg",
        "{path}: must be an agreement or a ledger document",
    ),
    "option-needs-ledger": (
        "{path}: {option} kräver ett ramavtal eller en avropslogg",
        "{path}: {option} needs an agreement or a ledger document",
    ),
    "delivery-needed": (
        "{path}: --delivery kräver ett leveransunderlag",
        "{path}: --delivery needs a delivery document",
    ),
    "evaluations-needed": (
        "{path}: --evaluations kräver utvärderingar",
        "{path}: --evaluations needs evaluation documents",
    ),
    "audience-needed": (
        "{path}: --audience-file kräver ett publiceringsregister",
        "{path}: --audience-file needs an audience document",
    ),
    "symlink": (
        "{path}: är en symbolisk länk; skriv till själva filen",
        "{path}: is a symbolic link; write to the file itself",
    ),
    "is-input": (
        "{path}: är en indatafil till kommandot; skriv någon annanstans",
        "{path}: is an input of this command; write elsewhere",
    ),
    "no-folder": (
        "{path}: mappen {folder} finns inte",
        "{path}: the folder {folder} does not exist",
    ),
    "exists": (
        "{path}: finns redan; ange --force för att skriva över den",
        "{path}: exists; pass --force to overwrite it",
    ),
    "unwritable": ("{path}: kan inte skrivas ({reason})", "{path}: cannot be written ({reason})"),
    "not-written": ("{path}: kan inte skrivas", "{path}: cannot be written"),
    "no-demo-folder": (
        "{path}: mappen kan inte skapas ({reason})",
        "{path}: the folder cannot be made ({reason})",
    ),
    "xlsx-needs-output": (
        "--format xlsx kräver -o OUT, arbetsboken som ska skrivas (t.ex. rapport.xlsx)",
        "--format xlsx needs -o OUT, the workbook to write (e.g. rapport.xlsx)",
    ),
    "no-excel": (
        "Excel-arbetsboken kräver xlsxwriter, som inte är installerat; installera det med "
        "pip install '{extra}'",
        "the Excel workbook needs xlsxwriter, which is not installed; install it with "
        "pip install '{extra}'",
    ),
    "record-symlink": (
        "{path}: är en symbolisk länk; spara mottagarens register någon annanstans",
        "{path}: is a symbolic link; keep the audience's record elsewhere",
    ),
    "record-other-audience": (
        "{path}: är registret för ”{recorded}”, inte för ”{audience}”; ange --audience "
        "{option}, eller --audience-file SÖKVÄG för en egen fil för ”{audience}”",
        "{path}: is the record of '{recorded}', not of '{audience}'; pass --audience "
        "{option}, or --audience-file PATH to keep '{audience}' in a record of its own",
    ),
    "record-shared": (
        "{path}: mottagarens register måste vara en egen fil",
        "{path}: the audience's record must be a file of its own",
    ),
    "cancel-needs-ics": (
        "--cancel-ics kräver --ics OUT, filen för ändringarna",
        "--cancel-ics needs --ics OUT, the file for the changes",
    ),
    "no-output": ("kan inte skriva utdata ({reason})", "cannot write the output ({reason})"),
    "incomputable": (
        "indata går inte att räkna med ({name}: {detail})",
        "the input cannot be computed with ({name}: {detail})",
    ),
    "invalid": ("{prog}: ogiltigt: {message}", "{prog}: invalid: {message}"),
    # --- h6-outputs ---
    "is-folder": ("{path}: är en mapp; ange en fil", "{path}: is a folder; give a file"),
    "twice": (
        "{path}: anges för två av kommandots utdata; ange olika filer",
        "{path}: is given for two of the command's outputs; give different files",
    ),
    # --- h6-options ---
    "report-extension": (
        "{path}: rapportens format framgår inte av filändelsen; använd en av {extensions} "
        "eller ange --format",
        "{path}: the report's format does not follow from the extension; use one of "
        "{extensions} or pass --format",
    ),
    "report-format-extension": (
        "{path}: --format {format} passar inte filändelsen {suffix}",
        "{path}: --format {format} does not fit the extension {suffix}",
    ),
    "bad-period": (
        "--period: måste vara en månad skriven ÅÅÅÅ-MM, t.ex. 2027-03, fick {given!r}",
        "--period: must be a month written YYYY-MM, e.g. 2027-03, got {given!r}",
    ),
    "unknown-call-off": (
        "--call-off: är inget avrop i avropsloggen ({references}), fick {given!r}",
        "--call-off: is not a call-off of the ledger ({references}), got {given!r}",
    ),
}
"""The command line's own errors (a file it cannot read or write, options that do not go
together), in Swedish and English (``str.format`` templates; a test checks both languages have
the same fields). Values (paths, option names) are filled in as written; a document kind
(a class) in the reader's words, an :class:`OSError` as :func:`_os_reason` says it."""


_OS_REASONS: Final = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "åtkomst nekad",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.EISDIR: "är en mapp",
    errno.ENOTDIR: "är inte en mapp",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EEXIST: "finns redan",
    errno.ENAMETOOLONG: "namnet är för långt",
    errno.ELOOP: "för många symboliska länkar",
}
"""The Swedish of the operating system's errors a reader meets most (``strerror`` is English)."""


def _os_reason(error: OSError, locale: str) -> str:
    """Why *error* happened in *locale*'s language: a common errno in Swedish, else the OS's text.

    >>> _os_reason(IsADirectoryError(21, "Is a directory"), "sv_SE")
    'är en mapp'
    >>> _os_reason(IsADirectoryError(21, "Is a directory"), "en_GB")
    'Is a directory'
    >>> _os_reason(OSError(16, "Device or resource busy"), "sv_SE")
    'Device or resource busy'
    """
    if not _language(locale) and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return error.strerror or str(error) or type(error).__name__


def _error(key: str, locale: str, /, **fields: object) -> str:
    """The command line's error *key* in *locale*'s language, with *fields* filled in.

    >>> _error("exists", "sv_SE", path="ut.ics")
    'ut.ics: finns redan; ange --force för att skriva över den'
    """
    said = {
        name: (
            _kind_name(value, locale)
            if isinstance(value, type)
            else _os_reason(value, locale)
            if isinstance(value, OSError)
            else value
        )
        for name, value in fields.items()
    }
    return _ERRORS[key][_language(locale)].format(**said)
