"""What the status report says, in Swedish and English (private).

Moved out of ``status.py`` (issue 16): the report's words and the few phrases built from them
(days, months, an option's notice). ``status.py`` builds the report with them.
"""

from __future__ import annotations

from typing import Final

from ledarutveckling._base.i18n import Language, Words

__all__ = ["TEXTS", "day_count", "month_count", "notice", "say"]


_WORDS: Final[dict[str, tuple[str, str]]] = {
    "title": ("Statusrapport", "Status report"),
    "as_of": ("per", "as of"),
    "warnings": ("Varningar", "Warnings"),
    "no_warnings": ("Inga varningar.", "No warnings."),
    "parties": ("Parter", "Parties"),
    "role": ("Roll", "Role"),
    "name": ("Namn", "Name"),
    "org_number": ("Organisationsnummer", "Organisation number"),
    "buyer": ("Beställare", "Buyer"),
    "supplier": ("Leverantör", "Supplier"),
    "term_options": ("Avtalstid och optioner", "Term and options"),
    "option": ("Option", "Option"),
    "extension": ("Förlängning", "Extension"),
    "notice": ("Påkallas senast", "Notice"),
    "notice_before": ("{days} före avtalsslut", "{days} before the end"),
    "no_notice": ("på avtalets sista dag", "by the last day of the term"),
    "notice_deadline": ("Sista dag att påkalla", "Notice deadline"),
    "status": ("Status", "Status"),
    "exercised": ("påkallad {date}", "exercised {date}"),
    "next": ("nästa", "next"),
    "later": ("senare", "later"),
    "missed": ("fristen gick ut", "deadline passed"),
    "lapsed": ("förfallen", "lapsed"),
    "months": ("{n} månader", "{n} months"),
    "one_month": ("1 månad", "1 month"),
    "and": ("{first} och {second}", "{first} and {second}"),
    "days": ("{n} dagar", "{n} days"),
    "one_day": ("1 dag", "1 day"),
    "ceiling_section": ("Takbelopp och utnyttjande", "Ceiling and utilisation"),
    "ceiling": ("Takbelopp", "Ceiling"),
    "estimated": ("Uppskattat värde", "Estimated value"),
    "called_off": ("Avropat", "Called off"),
    "planned": ("Planerat (utkast)", "Planned (drafts)"),
    "exceeded_by": ("Överskridet med", "Exceeded by"),
    "utilisation": ("Utnyttjat av takbeloppet", "Share of the ceiling used"),
    "remaining": ("Återstår", "Remaining"),
    "item": ("Post", "Item"),
    "amount": ("Belopp", "Amount"),
    "by_unit": ("Avrop per beställare", "Call-offs per unit"),
    "by_area": ("Avrop per tjänsteområde", "Call-offs per service area"),
    "unit": ("Beställare", "Unit"),
    "area": ("Tjänsteområde", "Service area"),
    "no_area": ("(utan program)", "(no program)"),
    "count": ("Antal", "Count"),
    "share": ("Andel", "Share"),
    "amount_excl": ("Belopp exkl. moms", "Amount excl. VAT"),
    "call_offs": ("Avrop", "Call-offs"),
    "reference": ("Diarienummer", "Reference"),
    "ordered_on": ("Avropat den", "Ordered on"),
    "delivery": ("Leverans", "Delivery"),
    "programs": ("Program", "Programs"),
    "no_call_offs": ("Inga avrop ännu.", "No call-offs yet."),
    "not_counted": (
        "Avbrutna avrop och utkast räknas inte som avropade, inte heller avrop lagda efter "
        "{date}. Status och optioner visas som de var {date}.",
        "Cancelled call-offs and drafts do not count as called off, nor do call-offs placed "
        "after {date}. Statuses and options are shown as they were on {date}.",
    ),
    "sessions": ("Kommande träffar", "Coming sessions"),
    "no_sessions": (
        "Inga träffar {period}.",
        "No sessions {period}.",
    ),
    "sessions_period": ("Träffar {period}.", "Sessions {period}."),
    "date": ("Datum", "Date"),
    "time": ("Tid", "Time"),
    "program": ("Program", "Program"),
    "cohort": ("Grupp", "Cohort"),
    "module": ("Träff", "Session"),
    "format": ("Format", "Format"),
    "place": ("Lokal", "Room"),
    "facilitators": ("Utbildningsledare", "Facilitators"),
    "evaluations": ("Utvärderingar", "Evaluations"),
    "no_evaluations": (
        "Inga utvärderingar avslutade till och med {date}.",
        "No evaluations completed by {date}.",
    ),
    "anonymity": (
        "Resultat visas bara för grupper och frågor med minst {minimum} svar. Mindre grupper "
        "döljs, liksom grupper som annars skulle avslöja en dold grupp när de jämförs med "
        "totalen. Fritextsvar visas inte här.",
        "Results are shown only for groups and questions with at least {minimum} responses. "
        "Smaller groups are hidden, as are groups that would give a hidden one away beside "
        "the total. Free-text comments are not shown here.",
    ),
    "responses": ("Svar", "Responses"),
    "response_rate": ("Svarsfrekvens", "Response rate"),
    "total": ("Totalt", "Total"),
    "evaluation_caption": ("{program}: resultat per grupp", "{program}: results per cohort"),
    "term_line": (
        "Avtalstid {term}; med påkallade optioner gäller avtalet till och med {end}, "
        "med alla optioner längst till och med {latest}.",
        "Term {term}; with the options exercised so far the agreement runs to {end}, "
        "with every option to {latest} at the latest.",
    ),
    "term_line_lapsed": (
        "Avtalstid {term}; med påkallade optioner gäller avtalet till och med {end} och kan "
        "inte förlängas mer.",
        "Term {term}; with the options exercised the agreement runs to {end} and can no "
        "longer be extended.",
    ),
    "next_deadline": (
        "Nästa optionsfrist: {date} ({days} kvar).",
        "Next notice deadline: {date} ({days} left).",
    ),
    "deadline_today": (
        "Nästa optionsfrist: i dag, {date}.",
        "Next notice deadline: today, {date}.",
    ),
    "deadline_passed": (
        "Fristen för att påkalla nästa option gick ut {date} ({days} sedan).",
        "The next option's notice deadline passed on {date} ({days} ago).",
    ),
    "no_options_left": ("Inga optioner återstår.", "No options are left."),
    "not_in_force": (
        "Avtalet gäller inte {date}.",
        "The agreement is not in force on {date}.",
    ),
    "warn_ceiling": (
        "Avropen har nått {share} av takbeloppet (varning över {limit}); {remaining} återstår.",
        "Call-offs have reached {share} of the ceiling (warning above {limit}); "
        "{remaining} remains.",
    ),
    "warn_ceiling_drafts": (
        "Med utkasten skulle takbeloppet överskridas med {excess}.",
        "With the drafts the ceiling would be exceeded by {excess}.",
    ),
    "warn_ceiling_passed": (
        "Takbeloppet är överskridet med {excess}; avropen uppgår till {share} av takbeloppet.",
        "The ceiling is exceeded by {excess}; call-offs amount to {share} of the ceiling.",
    ),
    "warn_notice": (
        "Sista dag att påkalla nästa option är {date}, om {days}.",
        "The last day to exercise the next option is {date}, in {days}.",
    ),
    "warn_notice_today": (
        "I dag, {date}, är sista dag att påkalla nästa option.",
        "Today, {date}, is the last day to exercise the next option.",
    ),
    "warn_deadline_passed": (
        "Fristen för att påkalla nästa option gick ut {date}; avtalet kan inte längre "
        "förlängas med den.",
        "The next option's notice deadline passed on {date}; it can no longer be exercised.",
    ),
    "warn_problem": ("Avrop {reference}: {problem}", "Call-off {reference}: {problem}"),
    "warn_ledger": ("Avtalet: {problem}", "Agreement: {problem}"),
    "unpriced": ("kan inte prissättas", "cannot be priced"),
}


TEXTS: Final = Words(_WORDS)


def say(lang: Language, key: str, **values: object) -> str:
    """The text *key* in *lang*, with *values* filled in."""
    return TEXTS.format(key, lang, **values)


def day_count(lang: Language, count: int) -> str:
    """``1 dag``, ``3 dagar``."""
    if count == 1:
        return say(lang, "one_day")
    return say(lang, "days", n=count)


def month_count(lang: Language, count: int) -> str:
    """``1 månad``, ``3 månader``."""
    return say(lang, "one_month") if count == 1 else say(lang, "months", n=count)


def notice(lang: Language, months: int, days: int) -> str:
    """An option's notice: ``90 dagar``, ``3 månader``, ``3 månader och 10 dagar``."""
    if not months:
        return day_count(lang, days)
    phrase = month_count(lang, months)
    return phrase if not days else say(lang, "and", first=phrase, second=day_count(lang, days))
