"""Excel workbooks (.xlsx) of a report's tables and of records, written with XlsxWriter.

A cell holds a real value: a number, a date or a time, formatted the way the reader's locale
writes it (``12 500,00 kr``, ``79,2 %``, ``2026-11-27`` in Swedish; Excel draws the separators
of the reader's own settings, the format only says where they go). The text of a report's table
is read back into its value where the text is a formatted number, amount, share or date; any
other text stays text. Records keep their exact values and get headers in the reader's language.

Nothing is added to or taken from what the other outputs show: the report's tables and the
records of an evaluation carry the anonymity rules already applied (a hidden figure is an empty
cell and the row says why), so the workbook shows exactly what the report and the records do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from os import PathLike
from typing import IO, Any, Final

import attrs

from ledarutveckling._base.extras import require
from ledarutveckling._base.i18n import Labelled, Words, language
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._evaluation.anonymity import Suppression
from ledarutveckling._evaluation.comparison import Direction, Magnitude
from ledarutveckling._evaluation.summaries import Dimension
from ledarutveckling._evaluation.survey import Scale
from ledarutveckling._procurement.agreement import CallOffMethod
from ledarutveckling._procurement.offerings import DeliveryFormat, ServiceArea
from ledarutveckling._procurement.parties import OrderingUnitKind
from ledarutveckling._procurement.status import CallOffStatus
from ledarutveckling._reporting.document import Bullets, Document, Paragraph, Table, Warnings
from ledarutveckling._reporting.records import to_records
from ledarutveckling.errors import ValidationError

Target = str | PathLike[str] | IO[bytes]

Cell = str | int | float | Decimal | bool | dt.date | dt.datetime | dt.time | None

_MINUS: Final = "[-\u2212]"
_SPACE: Final = "[\u00a0\u202f ]"

# A number as each language writes it: grouped digits, a decimal comma (sv) or point (en).
_SV_NUMBER: Final = (
    rf"(?P<sign>{_MINUS})?(?P<int>\d{{1,3}}(?:{_SPACE}\d{{3}})*|\d+)(?:,(?P<frac>\d+))?"
)
_EN_NUMBER: Final = rf"(?P<sign>{_MINUS})?(?P<int>\d{{1,3}}(?:,\d{{3}})*|\d+)(?:\.(?P<frac>\d+))?"
_SV_WHOLE: Final = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d+"
_EN_WHOLE: Final = r"\d{1,3}(?:,\d{3})+|\d+"
_CURRENCY: Final = r"(?P<unit>kr|SEK|[A-Z]{3}|€|£|\$)"

_PATTERNS: Final = Words(
    {
        "money": (
            rf"{_SV_NUMBER}{_SPACE}{_CURRENCY}",
            rf"(?P<sign>{_MINUS})?{_CURRENCY}{_SPACE}?"
            r"(?P<int>\d{1,3}(?:,\d{3})*|\d+)(?:\.(?P<frac>\d+))?",
        ),
        "percent": (rf"{_SV_NUMBER}{_SPACE}?%", rf"{_EN_NUMBER}{_SPACE}?%"),
        "number": (_SV_NUMBER, _EN_NUMBER),
        "mean": (
            rf"{_SV_NUMBER}{_SPACE}av{_SPACE}(?P<top>\d+)",
            rf"{_EN_NUMBER}{_SPACE}out{_SPACE}of{_SPACE}(?P<top>\d+)",
        ),
        "nps": (rf"NPS{_SPACE}\+?{_SV_NUMBER}", rf"NPS{_SPACE}\+?{_EN_NUMBER}"),
        "fraction": (
            rf"(?P<int>{_SV_WHOLE}){_SPACE}/{_SPACE}(?P<top>{_SV_WHOLE})",
            rf"(?P<int>{_EN_WHOLE}){_SPACE}/{_SPACE}(?P<top>{_EN_WHOLE})",
        ),
    }
)
"""How each language writes an amount, a share and a number (re caches the compiled forms)."""
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EN_DATE: Final = re.compile(r"(\d{2})/(\d{2})/(\d{4})")


@attrs.frozen
class Value:
    """A cell's value and the kind of format it takes (``"money"``, ``"date"``, ``"text"``…)."""

    value: Cell
    kind: str
    unit: str | None = None


def _number(match: re.Match[str]) -> Decimal:
    digits = re.sub(r"\D", "", match["int"])
    number = Decimal(f"{digits}.{match['frac']}" if match["frac"] else digits)
    return -number if match["sign"] else number


def _date(text: str) -> dt.date | None:
    iso = _ISO_DATE.fullmatch(text)
    en = _EN_DATE.fullmatch(text)
    try:
        if iso is not None:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if en is not None:
            return dt.date(int(en[3]), int(en[2]), int(en[1]))
    except ValueError:
        return None
    return None


def read_cell(text: str, lang: str, *, numeric: bool) -> Value:
    r"""The value a report's cell *text* shows; *numeric* for a right-aligned column.

    Examples:
        >>> read_cell("3\u00a0037\u00a0085,40\u00a0kr", "sv", numeric=True)
        Value(value=Decimal('3037085.40'), kind='money', unit='kr')
        >>> read_cell("79,2\u00a0%", "sv", numeric=True)
        Value(value=Decimal('0.792'), kind='percent', unit=None)
        >>> read_cell("2026-10-02", "sv", numeric=False)
        Value(value=datetime.date(2026, 10, 2), kind='date', unit=None)
        >>> read_cell("4,3 av 5", "sv", numeric=True)
        Value(value=Decimal('4.3'), kind='mean', unit='5')
        >>> read_cell("NPS \u221278", "sv", numeric=True)
        Value(value=-78, kind='nps', unit=None)
        >>> read_cell("9 / 12", "sv", numeric=True)
        Value(value=9, kind='fraction', unit='12')
        >>> read_cell("90 dagar", "sv", numeric=True)
        Value(value='90 dagar', kind='text', unit=None)
    """
    day = _date(text)
    if day is not None:
        return Value(day, "date")
    if numeric:
        patterns = _PATTERNS.texts(lang)
        mean = re.fullmatch(patterns["mean"], text)
        if mean is not None:  # an evaluation's mean: the number, shown "4,3 av 5"
            return Value(_number(mean), "mean", mean["top"])
        fraction = re.fullmatch(patterns["fraction"], text)
        if fraction is not None:
            # a count of a whole ("9 / 12" answered of invited): the count, the whole in the
            # format, as "4,3 av 5" is the mean with its scale's top in the format
            count = int(re.sub(r"\D", "", fraction["int"]))
            return Value(count, "fraction", re.sub(_SPACE, "\xa0", fraction["top"]))
        nps = re.fullmatch(patterns["nps"], text)
        if nps is not None:  # before an amount: "NPS 0" is not 0 of a currency NPS
            return Value(int(_number(nps)), "nps")
        money = re.fullmatch(patterns["money"], text)
        if money is not None:
            return Value(_number(money), "money", money["unit"])
        percent = re.fullmatch(patterns["percent"], text)
        if percent is not None:
            return Value(_number(percent) / 100, "percent")
        number = re.fullmatch(patterns["number"], text)
        if number is not None:
            value = _number(number)
            return (
                Value(int(value), "integer") if number["frac"] is None else Value(value, "decimal")
            )
    return Value(text, "text")


_FORMATS: Final = Words(
    {
        "date": ("yyyy-mm-dd", "dd/mm/yyyy"),
        "datetime": ("yyyy-mm-dd hh:mm", "dd/mm/yyyy hh:mm"),
        "time": ("hh:mm", "hh:mm"),
        "percent": ("0.0\\ %", "0.0%"),
        "integer": ("#,##0", "#,##0"),
        "decimal": ("#,##0.00", "#,##0.00"),
        "money": ('#,##0.00\\ "{unit}"', '"{unit}\u00a0"#,##0.00'),
        "mean": ('0.0\\ "av {unit}"', '0.0\\ "out of {unit}"'),
        "nps": ('"NPS +"0;"NPS \u2212"0;"NPS "0', '"NPS +"0;"NPS -"0;"NPS "0'),
        "fraction": ('#,##0\\ "/ {unit}"', '#,##0\\ "/ {unit}"'),
    }
)
"""Excel number formats by language and kind. Excel stores a format with a point and a comma and
shows the reader's own separators: ``#,##0.00`` reads ``12 500,00`` in a Swedish Excel. An
unquoted ``%`` shows the share times 100, as a percentage."""


def _number_format(value: Value, lang: str) -> str | None:
    if value.kind not in _FORMATS:
        return None
    return _FORMATS.text(value.kind, lang).replace("{unit}", value.unit or "kr")


_WORDS: Final = Words(
    {
        "report": ("Rapport", "Report"),
        "kronor": ("kr", "SEK"),  # as CLDR writes the krona in each language
        "table": ("Tabell", "Table"),
        "warning": ("Varning", "Warning"),
        "reference": ("Diarienummer", "Reference"),
        "unit": ("Beställare", "Unit"),
        "unit_kind": ("Typ av beställare", "Unit kind"),
        "ordered_on": ("Avropat den", "Ordered on"),
        "delivery_start": ("Leverans från", "Delivery from"),
        "delivery_end": ("Leverans till", "Delivery to"),
        "status": ("Status", "Status"),
        "method": ("Avropsform", "Call-off method"),
        "programs": ("Program", "Programs"),
        "service_area": ("Tjänsteområde", "Service area"),
        "amount": ("Belopp exkl. moms", "Amount excl. VAT"),
        "currency": ("Valuta", "Currency"),
        "counted": ("Räknas", "Counted"),
        "program": ("Program", "Program"),
        "program_title": ("Programnamn", "Program title"),
        "cohort": ("Grupp", "Cohort"),
        "module": ("Modul", "Module"),
        "module_title": ("Modulnamn", "Module title"),
        "day": ("Dag", "Day"),
        "start": ("Start", "Start"),
        "end": ("Slut", "End"),
        "hours": ("Timmar", "Hours"),
        "format": ("Form", "Format"),
        "facilitators": ("Utbildningsledare", "Facilitators"),
        "room": ("Lokal", "Room"),
        "uid": ("UID", "UID"),
        "size": ("Deltagare", "Participants"),
        "dimension": ("Indelning", "Dimension"),
        "group": ("Grupp", "Group"),
        "evaluations": ("Utvärderingar", "Evaluations"),
        "invited": ("Inbjudna", "Invited"),
        "respondents": ("Svarande", "Respondents"),
        "question": ("Fråga", "Question"),
        "text": ("Frågetext", "Question text"),
        "level": ("Nivå", "Level"),
        "scale": ("Skala", "Scale"),
        "answers": ("Svar", "Answers"),
        "mean": ("Medelvärde", "Mean"),
        "median": ("Median", "Median"),
        "top_two_box": ("Andel instämmer", "Top two box"),
        "nps": ("NPS", "NPS"),
        "hidden": ("Dold (anonymitet)", "Hidden (anonymity)"),
        "total": ("Totalt", "Total"),
        "before_group": ("Grupp före", "Group before"),
        "after_group": ("Grupp efter", "Group after"),
        "before": ("Före", "Before"),
        "after": ("Efter", "After"),
        "difference": ("Förändring", "Change"),
        "direction": ("Riktning", "Direction"),
        "effect_size": ("Effektstorlek (Cohens d)", "Effect size (Cohen's d)"),
        "magnitude": ("Förändringens storlek", "Size of the change"),
    }
)
"""The headers of the records' columns and the workbook's own words."""

_CODES: Final[dict[str, type[Labelled]]] = {
    "unit_kind": OrderingUnitKind,
    "status": CallOffStatus,
    "method": CallOffMethod,
    "service_area": ServiceArea,
    "format": DeliveryFormat,
    "dimension": Dimension,
    "scale": Scale,
    "direction": Direction,
    "magnitude": Magnitude,
}
"""The records' columns that hold an enum's code: a workbook shows the code's label instead."""

_HIDDEN: Final[Words[Suppression]] = Words(
    {
        Suppression.TOO_FEW: ("för få svar", "too few responses"),
        Suppression.COMPLEMENTARY: (
            "dold för att skydda en annan grupp",
            "hidden to protect another group",
        ),
    },
    keys=Suppression,
)
"""Why a figure is hidden, in the column *Dold (anonymitet)* (a record holds no minimum)."""

_AMOUNTS: Final = frozenset({"amount"})
_SHARES: Final = frozenset({"top_two_box"})
_DECIMALS: Final = frozenset({"mean", "median", "hours"})

_SHEET_NAME_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_LENGTH: Final = 31


def _sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name from *title*: 31 characters, none of []:*?/ or backslash."""
    base = " ".join(_SHEET_NAME_FORBIDDEN.sub(" ", title).split()).strip("'") or "Blad"
    name = base[:_SHEET_NAME_LENGTH]
    number = 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name = base[: _SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


class _Workbook:
    """One XlsxWriter workbook with its cell formats, made once each."""

    def __init__(self, target: Target, lang: str) -> None:
        xlsxwriter = require("xlsxwriter", "excel", "to_xlsx()")
        self.lang = lang
        self.book: Any = xlsxwriter.Workbook(
            target, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False}
        )
        self.book.set_properties({"title": "", "comments": "ledarutveckling"})
        self.formats: dict[tuple[str | None, bool], Any] = {}
        self.header = self.book.add_format({"bold": True, "bottom": 1, "text_wrap": True})
        self.bold = self.book.add_format({"bold": True, "font_size": 14})
        self.warning = self.book.add_format({"bold": True, "font_color": "#9C5700"})
        self.taken: set[str] = set()

    def format(self, number_format: str | None) -> Any:
        key = (number_format, False)
        found = self.formats.get(key)
        if found is None:
            found = self.formats[key] = self.book.add_format(
                {"num_format": number_format} if number_format else {}
            )
        return found

    def sheet(self, title: str) -> Any:
        return self.book.add_worksheet(_sheet_name(title, self.taken))

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[Value]]) -> None:
        sheet = self.sheet(title)
        widths = [len(column) for column in columns]
        for col, column in enumerate(columns):
            sheet.write_string(0, col, column, self.header)
        for row_index, row in enumerate(rows, start=1):
            for col, cell in enumerate(row):
                self.write(sheet, row_index, col, cell)
                shown = cell.value if cell.kind == "text" else "0" * 12
                widths[col] = max(widths[col], len(str(shown)) if shown is not None else 0)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, min(max(width, 6), 60) + 2)
        sheet.freeze_panes(1, 0)
        if rows:
            sheet.autofilter(0, 0, len(rows), len(columns) - 1)

    def write(self, sheet: Any, row: int, col: int, cell: Value) -> None:
        value = cell.value
        cell_format = self.format(_number_format(cell, self.lang))
        if value is None:
            sheet.write_blank(row, col, None, cell_format)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, cell_format)
        elif isinstance(value, dt.date | dt.time):  # a datetime is a date
            sheet.write_datetime(row, col, value, cell_format)
        elif isinstance(value, str):
            sheet.write_string(row, col, value, cell_format)
        else:  # int, float, Decimal: a number (Excel holds a double, as every spreadsheet does)
            sheet.write_number(row, col, float(value), cell_format)

    def close(self) -> None:
        self.book.close()


def _report_sheet(workbook: _Workbook, document: Document) -> None:
    """The first sheet: the title, and every paragraph, bullet and warning of the report."""
    sheet = workbook.sheet(_WORDS.text("report", document.lang))
    sheet.set_column(0, 0, 110)
    sheet.write_string(0, 0, document.title, workbook.bold)
    row = 1
    if document.subtitle:
        sheet.write_string(row, 0, document.subtitle)
        row += 1
    for section in document.sections:
        texts: list[tuple[str, Any]] = []
        for block in section.blocks:
            if isinstance(block, Paragraph):
                texts.append((block.text, None))
            elif isinstance(block, Bullets):
                texts += [(f"• {item}", None) for item in block.items]
            elif isinstance(block, Warnings):
                texts += [(f"! {item}", workbook.warning) for item in block.items]
        if not texts:
            continue
        row += 1  # a blank row before each section
        sheet.write_string(row, 0, section.title, workbook.header)
        row += 1
        for text, text_format in texts:
            sheet.write_string(row, 0, text, text_format)
            row += 1


def _table_values(table: Table, lang: str) -> list[list[Value]]:
    return [
        [
            read_cell(cell, lang, numeric=table.alignment(index) == "right")
            for index, cell in enumerate(row)
        ]
        for row in table.rows
    ]


def _lang(locale: str) -> str:
    return language(locale)


def _close(workbook: _Workbook, target: Target) -> None:
    exceptions = require("xlsxwriter.exceptions", "excel", "to_xlsx()")
    try:
        workbook.close()
    except (OSError, exceptions.XlsxFileError) as error:
        reason = error.__context__ if isinstance(error.__context__, OSError) else error
        message = f"cannot be written: {reason}"
        raise ValidationError.single(
            "target", str(target), message, ProblemCode.WRITE_FAILED, given=str(target)
        ) from None


def document_to_xlsx(document: Document, target: Target) -> None:
    """Write *document* as a workbook: a first sheet with its text, then one sheet per table."""
    lang = _lang(document.lang)
    workbook = _Workbook(target, lang)
    _report_sheet(workbook, document)
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Table):
                title = section.title if block.caption is None else block.caption
                workbook.table(title, block.columns, _table_values(block, lang))
    _close(workbook, target)


def _record_value(key: str, value: Any, currency: str | None, lang: str) -> Value:
    if value is None:
        # an evaluation record's group is None only in the row of the total
        return Value(_WORDS.text("total", lang) if key == "group" else None, "text")
    if key in _CODES and isinstance(value, str):
        return Value(_CODES[key](value).label(lang), "text")  # type: ignore[call-arg]
    if key == "hidden" and isinstance(value, str):
        return Value(_HIDDEN.text(Suppression(value), lang), "text")
    if isinstance(value, bool):
        return Value(value, "boolean")
    if isinstance(value, dt.datetime):
        wall_clock = dt.datetime(  # Excel has no zones: the local time the record shows
            value.year, value.month, value.day, value.hour, value.minute, value.second
        )
        return Value(wall_clock, "datetime")
    if isinstance(value, dt.date):
        return Value(dt.date(value.year, value.month, value.day), "date")
    if isinstance(value, dt.time):
        return Value(value, "time")
    if key in _AMOUNTS and isinstance(value, Decimal | int):
        unit = _WORDS.text("kronor", lang) if currency in (None, "SEK") else currency
        return Value(value, "money", unit)
    if key in _SHARES and isinstance(value, Decimal | float):
        return Value(value, "percent")
    if isinstance(value, int):
        return Value(value, "integer")
    if isinstance(value, Decimal | float):
        return Value(value, "decimal")
    return Value(str(value), "text")


def records_to_xlsx(sheets: Mapping[str, Any], target: Target, *, locale: str) -> None:
    """Write the :func:`to_records` rows of each value in *sheets* (name to value), a sheet each."""
    lang = _lang(locale)
    if not sheets:
        raise ValidationError.single(
            "sheets", {}, "must name at least one table to write", ProblemCode.EMPTY_LIST
        )
    tables = {name: to_records(value) for name, value in sheets.items()}
    workbook = _Workbook(target, lang)
    for name, rows in tables.items():
        keys = list(rows[0]) if rows else []
        headers = [_WORDS.text(key, lang) if key in _WORDS else key for key in keys]
        values = [
            [_record_value(key, row[key], row.get("currency"), lang) for key in keys]
            for row in rows
        ]
        workbook.table(name, headers, values)
    _close(workbook, target)
