"""Problem codes and the message catalogue: each code's text in Swedish and English (private).

Every rule the library checks can give its :class:`~ledarutveckling.errors.Problem` a stable
code (a :class:`ProblemCode`) and the typed values its text needs (``params``). The texts for
readers live here, in one :class:`~ledarutveckling._base.i18n.Words` table keyed by the codes
(``keys=ProblemCode``: a code without both texts fails at import), as ``str.format`` templates
naming the parameters. :func:`ledarutveckling.formatting.format_problem` fills them in with
each value formatted as the reader writes it (dates as dates, money as money).

A problem without a code is written with the generic texts of :data:`FALLBACK`.
The problem's own ``message`` stays English, for developers.
"""

from __future__ import annotations

import enum
from typing import Final

from ledarutveckling._base.i18n import Labelled, Words

__all__ = ["FALLBACK", "MESSAGES", "Alternatives", "Expected", "ProblemCode"]


class ProblemCode(enum.StrEnum):
    """The stable code of a rule; the value is what a :class:`Problem` carries and documents show.

    Examples:
        >>> ProblemCode.CEILING_EXCEEDED.value
        'ceiling-exceeded'
        >>> ProblemCode("option-late") is ProblemCode.OPTION_LATE
        True
    """

    # -- the framework agreement (docs/procurement-rules.md) ---------------------------------
    CEILING_MISSING = "ceiling-missing"
    CEILING_BELOW_ESTIMATE = "ceiling-below-estimate"
    TERM_TOO_LONG = "term-too-long"
    OPTION_LATE = "option-late"
    OPTION_OUT_OF_ORDER = "option-out-of-order"
    OPTION_BEFORE_PREVIOUS = "option-before-previous"
    OPTION_BEFORE_TERM = "option-before-term"
    VALUE_LIMIT_MISSING = "value-limit-missing"
    VALUE_LIMIT_NOT_COMBINED = "value-limit-not-combined"
    SUPPLIER_RANK_MISSING = "supplier-rank-missing"
    SUPPLIER_IS_BUYER = "supplier-is-buyer"
    NO_SERVICE_AREA = "no-service-area"
    CURRENCY_MISMATCH = "currency-mismatch"
    NO_PRICE_ITEMS = "no-price-items"
    # -- each call-off against its agreement --------------------------------------------------
    ORDERED_OUTSIDE_TERM = "ordered-outside-term"
    WRONG_AGREEMENT_REFERENCE = "wrong-agreement-reference"
    AGREEMENT_REFERENCE_REUSED = "agreement-reference-reused"
    DUPLICATE_REFERENCE = "duplicate-reference"
    UNIT_NOT_BUYER = "unit-not-buyer"
    AREA_NOT_COVERED = "area-not-covered"
    WRONG_METHOD = "wrong-method"
    PRICE_CODE_UNKNOWN = "price-code-unknown"
    PRICE_NOT_LIST = "price-not-list"
    PRICE_ABOVE_LIST = "price-above-list"
    CEILING_EXCEEDED = "ceiling-exceeded"
    INDEX_MONTH_MISSING = "index-month-missing"
    # -- the call-off itself --------------------------------------------------------------
    DELIVERY_BEFORE_ORDER = "delivery-before-order"
    NO_LINES = "no-lines"
    QUANTITY_NOT_POSITIVE = "quantity-not-positive"
    MIXED_SERVICE_AREAS = "mixed-service-areas"
    METHOD_COMBINED = "call-off-method-combined"
    STATUS_FORBIDDEN = "status-forbidden"
    HISTORY_BROKEN = "history-broken"
    HISTORY_BEFORE_PREVIOUS = "history-before-previous"
    STATUS_NOT_HISTORY = "status-not-history"
    # -- organisation numbers ---------------------------------------------------------------
    ORG_NUMBER_CHECK_DIGIT = "org-number-check-digit"
    ORG_NUMBER_FORMAT = "org-number-format"
    ORG_NUMBER_PERSONAL = "org-number-personal"
    # -- the rollout planner ----------------------------------------------------------------
    ROLLOUT_INFEASIBLE = "rollout-infeasible"
    DAY_OUT_OF_RANGE = "day-out-of-range"
    COHORT_SIZE = "cohort-size"
    # -- the rollout planner: move dates, skills, staff away (issue 17) ---------------------
    ROLLOUT_UNKNOWN_MODULE = "rollout-unknown-module"
    ROLLOUT_EMPTY_WINDOW = "rollout-empty-window"
    ROLLOUT_TOO_FEW_SKILLED = "rollout-too-few-skilled"
    ROLLOUT_AWAY_TOO_SMALL = "rollout-away-too-small"
    ROLLOUT_TOO_EARLY = "rollout-too-early"
    ROLLOUT_NOT_SKILLED = "rollout-not-skilled"
    ROLLOUT_TOO_MANY_AWAY = "rollout-too-many-away"
    # -- the generic checks (Checker) -------------------------------------------------------
    NOT_TEXT = "not-text"
    EMPTY_TEXT = "empty-text"
    WHITESPACE = "whitespace"
    NOT_WHOLE_NUMBER = "not-whole-number"
    TOO_SMALL = "too-small"
    TOO_LARGE = "too-large"
    NOT_ONE_OF = "not-one-of"
    WRONG_TYPE = "wrong-type"
    NOT_A_LIST = "not-a-list"
    DUPLICATE = "duplicate"
    NOT_DATE = "not-date"
    NOT_POSITIVE = "not-positive"
    NEGATIVE = "negative"
    CONTROL_CHARACTER = "control-character"
    LONE_SURROGATE = "lone-surrogate"
    # -- the shape of a document (docs/serialization.md) -----------------------------------
    MISSING_KEY = "missing-key"
    UNKNOWN_KEY = "unknown-key"
    MISSPELT_KEY = "misspelt-key"
    HEADER_KEY = "header-key"
    WRONG_KIND = "wrong-kind"
    NOT_ALLOWED = "not-allowed"
    WRONG_LENGTH = "wrong-length"
    DUPLICATE_ITEM = "duplicate-item"
    KEY_SPELLING = "key-spelling"
    DATE_IN_TEXT = "date-in-text"
    BAD_DECIMAL = "bad-decimal"
    DECIMAL_AS_FLOAT = "decimal-as-float"
    INEXACT_NUMBER = "inexact-number"
    BAD_DATE = "bad-date"
    NO_SUCH_DATE = "no-such-date"
    BAD_TIME = "bad-time"
    NO_SUCH_TIME = "no-such-time"
    BAD_DATETIME = "bad-datetime"
    BAD_DURATION = "bad-duration"
    BAD_VALUE = "bad-value"
    NOT_JSON = "not-json"
    NOT_TOML = "not-toml"
    NOT_UTF8 = "not-utf8"
    BAD_HEADER = "bad-header"
    VERSION_TOO_NEW = "version-too-new"
    # -- limits on untrusted documents (docs/serialization.md, Limits) ---------------------
    LIMIT_BYTES = "limit-bytes"
    LIMIT_DIGITS = "limit-digits"
    LIMIT_KEY_PARTS = "limit-key-parts"
    LIMIT_DEPTH = "limit-depth"
    LIMIT_LIST = "limit-list"
    LIMIT_TEXT = "limit-text"
    LIMIT_KEY = "limit-key"


class Expected(Labelled, enum.Enum):
    """What a value of a document should be, named for its author in Swedish or English.

    Examples:
        >>> Expected.DATE.label(), Expected.DATE.label("en_GB")
        ('ett datum skrivet ÅÅÅÅ-MM-DD', 'a date written YYYY-MM-DD')
    """

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    NUMBER = "number"
    DECIMAL = "decimal"
    LIST = "list"
    TABLE = "table"
    NULL = "null"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    DURATION = "duration"
    INTEGER_KEY = "integer-key"
    MONTH_KEY = "month-key"
    DOCUMENT = "document"

    def _labels(self) -> Words[Expected]:
        return _EXPECTED


_EXPECTED: Final = Words(
    {
        Expected.TEXT: ("text", "text"),
        Expected.INTEGER: ("ett heltal", "a whole number"),
        Expected.BOOLEAN: ("true eller false", "true or false"),
        Expected.NUMBER: ("ett tal", "a number"),
        Expected.DECIMAL: (
            'ett decimaltal skrivet som text med punkt, till exempel "12500.50"',
            'a decimal number written as text with a point, e.g. "12500.50"',
        ),
        Expected.LIST: ("en lista", "a list"),
        Expected.TABLE: ("en tabell", "a table"),
        Expected.NULL: ("inget värde", "no value"),
        Expected.DATE: ("ett datum skrivet ÅÅÅÅ-MM-DD", "a date written YYYY-MM-DD"),
        Expected.TIME: ("ett klockslag skrivet TT:MM", "a time of day written HH:MM"),
        Expected.DATETIME: (
            "en tidpunkt med tidszon, till exempel 2026-11-27T09:00:00+01:00[Europe/Stockholm]",
            "a date and time with its zone, e.g. 2026-11-27T09:00:00+01:00[Europe/Stockholm]",
        ),
        Expected.DURATION: (
            "en tidslängd enligt ISO 8601, till exempel PT3H30M eller P2D",
            "an ISO 8601 duration, e.g. PT3H30M or P2D",
        ),
        Expected.INTEGER_KEY: (
            'ett heltal skrivet som text, till exempel "2026"',
            'a whole number written as text, e.g. "2026"',
        ),
        Expected.MONTH_KEY: (
            'en månad skriven "ÅÅÅÅ-MM", till exempel "2026-01"',
            'a month written "YYYY-MM", e.g. "2026-01"',
        ),
        Expected.DOCUMENT: ("ett dokument (en tabell)", "a document (a table)"),
    },
    keys=Expected,
)


class Alternatives(tuple[str, ...]):
    """Values of which one is wanted: written as a list joined with "eller" ("or").

    Examples:
        >>> Alternatives(["a", "b"])
        Alternatives(('a', 'b'))
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Alternatives({tuple(self)!r})"


MESSAGES: Final = Words(
    {
        ProblemCode.CEILING_MISSING: (
            "takbeloppet saknas; ett ramavtal ska ange sitt högsta värde (EU-domstolen, "
            "mål C-23/20)",
            "the ceiling is missing; a framework agreement must state its maximum value (EU "
            "Court of Justice, C-23/20)",
        ),
        ProblemCode.CEILING_BELOW_ESTIMATE: (
            "takbeloppet {ceiling} är lägre än det uppskattade värdet {estimate}",
            "the ceiling of {ceiling} is below the estimated value of {estimate}",
        ),
        ProblemCode.TERM_TOO_LONG: (
            "avtalstiden med alla optioner slutar {latest}, {days} efter fyra år ({limit}); "
            "en längre avtalstid kräver särskilda skäl (LOU 7 kap. 2 §)",
            "the term with every option ends on {latest}, {days} past four years ({limit}); "
            "a longer term needs special reasons (LOU 7 kap. 2 §)",
        ),
        ProblemCode.OPTION_LATE: (
            "option {option} påkallades {day}, {days} efter sista dag att påkalla den ({deadline})",
            "option {option} was exercised on {day}, {days} after the last day, {deadline}",
        ),
        ProblemCode.OPTION_OUT_OF_ORDER: (
            "option {option} är påkallad fast option {earlier} inte är det; optionerna "
            "påkallas i tur och ordning",
            "option {option} is exercised while option {earlier} is not; options are "
            "exercised in order",
        ),
        ProblemCode.OPTION_BEFORE_PREVIOUS: (
            "option {option} påkallades {day}, före option {earlier} ({previous})",
            "option {option} was exercised on {day}, before option {earlier} ({previous})",
        ),
        ProblemCode.OPTION_BEFORE_TERM: (
            "option {option} påkallades {day}, innan avtalstiden började ({start})",
            "option {option} was exercised on {day}, before the term started ({start})",
        ),
        ProblemCode.VALUE_LIMIT_MISSING: (
            "beloppsgränsen för förnyad konkurrensutsättning saknas; den behövs med den "
            "kombinerade avropsmetoden",
            "the value limit for renewed competition is missing; the combined method needs it",
        ),
        ProblemCode.VALUE_LIMIT_NOT_COMBINED: (
            "en beloppsgräns anges bara med den kombinerade avropsmetoden",
            "a value limit is given only with the combined method",
        ),
        ProblemCode.SUPPLIER_RANK_MISSING: (
            "leverantörens plats i rangordningen saknas; den behövs när avrop görs efter "
            "rangordning",
            "the supplier's rank is missing; call-offs by ranking need it",
        ),
        ProblemCode.SUPPLIER_IS_BUYER: (
            "leverantören och beställaren är samma organisation",
            "the supplier and the buyer are the same organisation",
        ),
        ProblemCode.NO_SERVICE_AREA: (
            "avtalet omfattar inget tjänsteområde",
            "the agreement covers no service area",
        ),
        ProblemCode.CURRENCY_MISMATCH: (
            "beloppet ska vara i {currency} som resten av avtalet",
            "the amount must be in {currency} like the rest of the agreement",
        ),
        ProblemCode.NO_PRICE_ITEMS: ("prislistan är tom", "the price list is empty"),
        ProblemCode.ORDERED_OUTSIDE_TERM: (
            "avropsdagen {day} ligger utanför den avtalstid som gäller ({period})",
            "the call-off was placed on {day}, outside the term in force, {period}",
        ),
        ProblemCode.WRONG_AGREEMENT_REFERENCE: (
            "avropet hänvisar till avtal {given}, inte till {agreement}",
            "the call-off refers to agreement {given}, not to {agreement}",
        ),
        ProblemCode.AGREEMENT_REFERENCE_REUSED: (
            "avropet har avtalets diarienummer i stället för ett eget",
            "the call-off has the agreement's reference instead of its own",
        ),
        ProblemCode.DUPLICATE_REFERENCE: (
            "diarienumret {reference} används redan av ett annat avrop",
            "the reference {reference} is already used by another call-off",
        ),
        ProblemCode.UNIT_NOT_BUYER: (
            "den beställande enheten hör till {organisation}, inte till avtalets "
            "beställare {buyer}",
            "the ordering unit belongs to {organisation}, not to the agreement's buyer {buyer}",
        ),
        ProblemCode.AREA_NOT_COVERED: (
            "tjänsteområdet {area} ingår inte i avtalet (det omfattar {covered})",
            "the service area {area} is not covered by the agreement (it covers {covered})",
        ),
        ProblemCode.WRONG_METHOD: (
            "avropsmetoden ska vara {wanted}, inte {given}",
            "the call-off method must be {wanted}, not {given}",
        ),
        ProblemCode.PRICE_CODE_UNKNOWN: (
            "priskoden {price_code} finns inte i avtalets prislista",
            "the price code {price_code} is not in the agreement's price list",
        ),
        ProblemCode.PRICE_NOT_LIST: (
            "à-priset {price} för {price_code} ska vara listpriset {listed} (indexerat per "
            "{day}); bara ett avrop efter förnyad konkurrensutsättning får egna priser",
            "the unit price {price} for {price_code} must be the list price {listed} "
            "(indexed, on {day}); only a call-off after renewed competition has its own prices",
        ),
        ProblemCode.PRICE_ABOVE_LIST: (
            "à-priset {price} för {price_code} är högre än listpriset {listed} (indexerat "
            "per {day})",
            "the unit price {price} for {price_code} is above the list price {listed} "
            "(indexed, on {day})",
        ),
        ProblemCode.CEILING_EXCEEDED: (
            "takbeloppet överskrids med {excess}",
            "the ceiling is exceeded by {excess}",
        ),
        ProblemCode.INDEX_MONTH_MISSING: (
            "indexserien saknar värde för {month}, som prisjusteringen {day} behöver",
            "the index series has no value for {month}, which the adjustment on {day} needs",
        ),
        ProblemCode.DELIVERY_BEFORE_ORDER: (
            "leveransen börjar {start}, före avropsdagen {day}",
            "the delivery starts on {start}, before the call-off is placed on {day}",
        ),
        ProblemCode.NO_LINES: ("avropet har inga rader", "the call-off has no lines"),
        ProblemCode.QUANTITY_NOT_POSITIVE: (
            "antalet ska vara större än noll",
            "the quantity must be greater than zero",
        ),
        ProblemCode.MIXED_SERVICE_AREAS: (
            "avropet blandar tjänsteområdena {first} och {area}; dela upp det i ett avrop "
            "per område",
            "the call-off mixes the service areas {first} and {area}; split it into one per area",
        ),
        ProblemCode.METHOD_COMBINED: (
            "ett avrop görs antingen efter rangordning eller genom förnyad konkurrensutsättning",
            "a call-off goes either by ranking or by renewed competition",
        ),
        ProblemCode.STATUS_FORBIDDEN: (
            "ett avrop kan inte gå från {old} till {new}",
            "a call-off cannot go from {old} to {new}",
        ),
        ProblemCode.HISTORY_BROKEN: (
            "statusändringen börjar i {given}, men föregående ändring lämnade avropet {current}",
            "the status change starts from {given}, but the previous change left {current}",
        ),
        ProblemCode.HISTORY_BEFORE_PREVIOUS: (
            "statusändringen {day} är före den föregående ({previous})",
            "the status change on {day} is before the previous one ({previous})",
        ),
        ProblemCode.STATUS_NOT_HISTORY: (
            "statusen är {given}, men historiken lämnar avropet {current}",
            "the status is {given}, but the history leaves the call-off {current}",
        ),
        ProblemCode.ORG_NUMBER_CHECK_DIGIT: (
            "organisationsnumret {number} har fel kontrollsiffra",
            "the organisation number {number} has a wrong check digit",
        ),
        ProblemCode.ORG_NUMBER_FORMAT: (
            "organisationsnumret {number} ska ha tio siffror, skrivna NNNNNN-NNNN",
            "the organisation number {number} must have ten digits, written NNNNNN-NNNN",
        ),
        ProblemCode.ORG_NUMBER_PERSONAL: (
            "{number} ser ut som ett personnummer; ett organisationsnummer har 2 eller mer "
            "som tredje siffra",
            "{number} looks like a personal identity number; an organisation number has 2 "
            "or more as its third digit",
        ),
        ProblemCode.ROLLOUT_INFEASIBLE: (
            # The planner writes the whole sentence, in Swedish only so far (issue 17 owns it).
            "{text}",
            "{text}",
        ),
        ProblemCode.DAY_OUT_OF_RANGE: (
            "{day} ligger utanför de dagar ett schema beräknas för, {first} till {last}",
            "{day} is outside the days a schedule is computed for, {first} to {last}",
        ),
        ProblemCode.COHORT_SIZE: (
            "gruppstorleken skrivs [minst, högst], med minst 1 och högst minst lika stort",
            "the cohort size is written [least, most], with least at least 1 and most no smaller",
        ),
        ProblemCode.ROLLOUT_UNKNOWN_MODULE: (
            "{module} är ingen modul i programmet {program}",
            "{module} is no module of the program {program}",
        ),
        ProblemCode.ROLLOUT_EMPTY_WINDOW: (
            "{unit}: {module} får inte hållas före {not_before} men ska hållas före {deadline}",
            "{unit}: {module} may not be held before {not_before} but must be held before "
            "{deadline}",
        ),
        ProblemCode.ROLLOUT_TOO_FEW_SKILLED: (
            "{module} leds av {need} utbildningsledare samtidigt men bara {skilled} får leda den",
            "{module} is led by {need} facilitators at once but only {skilled} may lead it",
        ),
        ProblemCode.ROLLOUT_AWAY_TOO_SMALL: (
            "{unit}: högst {away} borta samtidigt räcker inte för en kohort med {size} deltagare",
            "{unit}: at most {away} away at once is too few for a cohort of {size} participants",
        ),
        ProblemCode.ROLLOUT_TOO_EARLY: (
            "{unit} kohort {cohort}: {module} hålls {day}, före {not_before}",
            "{unit} cohort {cohort}: {module} is held on {day}, before {not_before}",
        ),
        ProblemCode.ROLLOUT_NOT_SKILLED: (
            "{facilitator} leder {module} men får bara leda {skills}",
            "{facilitator} leads {module} but may only lead {skills}",
        ),
        ProblemCode.ROLLOUT_TOO_MANY_AWAY: (
            "{unit}: {people} av personalen är på pass samtidigt ({start}); "
            "högst {away} får vara det",
            "{unit}: {people} of the staff are in sessions at once ({start}); "
            "at most {away} may be",
        ),
        ProblemCode.NOT_TEXT: ("värdet ska vara text", "the value must be text"),
        ProblemCode.EMPTY_TEXT: ("texten får inte vara tom", "the text must not be empty"),
        ProblemCode.WHITESPACE: (
            "texten får inte börja eller sluta med blanksteg",
            "the text must not start or end with a space",
        ),
        ProblemCode.NOT_WHOLE_NUMBER: (
            "värdet ska vara ett heltal",
            "the value must be a whole number",
        ),
        ProblemCode.TOO_SMALL: (
            "värdet {given} är för litet; det ska vara minst {least}",
            "the value {given} is too small; it must be at least {least}",
        ),
        ProblemCode.TOO_LARGE: (
            "värdet {given} är för stort; det ska vara högst {most}",
            "the value {given} is too large; it must be at most {most}",
        ),
        ProblemCode.NOT_ONE_OF: (
            "värdet ska vara något av {valid}",
            "the value must be one of {valid}",
        ),
        ProblemCode.WRONG_TYPE: (
            "värdet har fel typ",
            "the value has the wrong type",
        ),
        ProblemCode.NOT_A_LIST: ("värdet ska vara en lista", "the value must be a list"),
        ProblemCode.DUPLICATE: (
            "{given} förekommer mer än en gång",
            "{given} occurs more than once",
        ),
        ProblemCode.NOT_DATE: ("värdet ska vara ett datum", "the value must be a date"),
        ProblemCode.NOT_POSITIVE: (
            "beloppet ska vara större än noll",
            "the amount must be greater than zero",
        ),
        ProblemCode.NEGATIVE: (
            "beloppet får inte vara negativt",
            "the amount must not be negative",
        ),
        ProblemCode.CONTROL_CHARACTER: (
            "texten innehåller styrtecknet {character} (tecken {position}), som inte är "
            "tillåtet här",
            "the text holds the control character {character} (character {position}), which "
            "is not allowed here",
        ),
        ProblemCode.LONE_SURROGATE: (
            "texten innehåller {character} (tecken {position}), som inte är ett tecken och "
            "inte kan skrivas som UTF-8",
            "the text holds {character} (character {position}), which is not a character and "
            "cannot be written as UTF-8",
        ),
        ProblemCode.MISSING_KEY: (
            "värdet saknas men krävs",
            "the value is required but missing",
        ),
        ProblemCode.UNKNOWN_KEY: (
            "nyckeln {key} finns inte här; här finns {fields}",
            "there is no key {key} here; the keys here are {fields}",
        ),
        ProblemCode.MISSPELT_KEY: (
            "nyckeln {key} finns inte här; menade du {near}?",
            "there is no key {key} here; did you mean {near}?",
        ),
        ProblemCode.HEADER_KEY: (
            "nyckeln {key} hör hemma i dokumentets huvud, inte i ett värde",
            "the key {key} belongs in a document's header, not in a value",
        ),
        ProblemCode.WRONG_KIND: (
            "här ska det stå {expected}, inte {given}",
            "this must be {expected}, not {given}",
        ),
        ProblemCode.NOT_ALLOWED: (
            "{given} är inte tillåtet här; skriv något av {valid}",
            "{given} is not allowed here; write one of {valid}",
        ),
        ProblemCode.WRONG_LENGTH: (
            "listan ska ha {expected} element, inte {count}",
            "the list must have {expected} items, not {count}",
        ),
        ProblemCode.DUPLICATE_ITEM: (
            "{given} står redan tidigare i listan; varje element ska vara unikt",
            "{given} is already in the list; each item must be unique",
        ),
        ProblemCode.KEY_SPELLING: (
            "nyckeln {given} ska skrivas {spelling}",
            "the key {given} must be written {spelling}",
        ),
        ProblemCode.DATE_IN_TEXT: (
            "{given} är ett datum eller klockslag i TOML; skriv det inom citattecken om det "
            "ska vara text",
            "{given} is a TOML date or time; write it in quotes to keep it as text",
        ),
        ProblemCode.BAD_DECIMAL: (
            '{given} är inget decimaltal; skriv det som text med punkt, till exempel "12500.50"',
            '{given} is not a decimal number; write it as text with a point, e.g. "12500.50"',
        ),
        ProblemCode.DECIMAL_AS_FLOAT: (
            "{given} är ett flyttal, som inte kan hålla ören exakt; skriv det som text, till "
            'exempel "12500.50"',
            '{given} is a float, which cannot hold öre exactly; write it as text, e.g. "12500.50"',
        ),
        ProblemCode.INEXACT_NUMBER: (
            "talet {given} kan inte lagras exakt",
            "the number {given} cannot be held exactly",
        ),
        ProblemCode.BAD_DATE: (
            "{given} är inget datum; skriv det ÅÅÅÅ-MM-DD",
            "{given} is not a date; write it YYYY-MM-DD",
        ),
        ProblemCode.NO_SUCH_DATE: (
            "datumet {given} finns inte i kalendern",
            "the date {given} is not in the calendar",
        ),
        ProblemCode.BAD_TIME: (
            "{given} är inget klockslag; skriv det TT:MM eller TT:MM:SS",
            "{given} is not a time of day; write it HH:MM or HH:MM:SS",
        ),
        ProblemCode.NO_SUCH_TIME: (
            "klockslaget {given} finns inte (timmar 00–23, minuter 00–59)",
            "the time {given} does not exist (hours 00–23, minutes 00–59)",
        ),
        ProblemCode.BAD_DATETIME: (
            "{given} är ingen giltig tidpunkt; skriv den som {example}",
            "{given} is not a valid date and time; write it like {example}",
        ),
        ProblemCode.BAD_DURATION: (
            "{given} är ingen tidslängd; skriv den enligt ISO 8601, till exempel PT3H30M eller P2D",
            "{given} is not a duration; write it in ISO 8601, e.g. PT3H30M or P2D",
        ),
        ProblemCode.BAD_VALUE: (
            "värdet {given} godtas inte här",
            "the value {given} is not accepted here",
        ),
        ProblemCode.NOT_JSON: (
            "dokumentet är inte giltig JSON (rad {line}, kolumn {column})",
            "the document is not valid JSON (line {line}, column {column})",
        ),
        ProblemCode.NOT_TOML: (
            "dokumentet är inte giltig TOML (rad {line}, kolumn {column})",
            "the document is not valid TOML (line {line}, column {column})",
        ),
        ProblemCode.NOT_UTF8: (
            "dokumentet är inte text i UTF-8",
            "the document is not UTF-8 text",
        ),
        ProblemCode.BAD_HEADER: (
            "dokumentet ska börja med document = {kind} och schema_version = {version}",
            "the document must start with document = {kind} and schema_version = {version}",
        ),
        ProblemCode.VERSION_TOO_NEW: (
            "dokumentet följer schemaversion {given}, nyare än version {version} som den här "
            "versionen av ledarutveckling läser; uppgradera ledarutveckling",
            "the document follows schema version {given}, newer than version {version} that "
            "this release of ledarutveckling reads; upgrade ledarutveckling",
        ),
        ProblemCode.LIMIT_BYTES: (
            "dokumentet är {size} byte, mer än gränsen {limit}",
            "the document is {size} bytes, more than the limit of {limit}",
        ),
        ProblemCode.LIMIT_DIGITS: (
            "talet har fler än {limit} siffror",
            "the number has more than {limit} digits",
        ),
        ProblemCode.LIMIT_KEY_PARTS: (
            "en nyckel med punkter har fler än {limit} delar (rad {line}, kolumn {column})",
            "a dotted key has more than {limit} parts (line {line}, column {column})",
        ),
        ProblemCode.LIMIT_DEPTH: (
            "listor och tabeller är nästlade fler än {limit} nivåer djupt",
            "lists and tables are nested more than {limit} levels deep",
        ),
        ProblemCode.LIMIT_LIST: (
            "listan har {count} element, fler än gränsen {limit}",
            "the list has {count} items, more than the limit of {limit}",
        ),
        ProblemCode.LIMIT_TEXT: (
            "texten har {count} tecken, fler än gränsen {limit}",
            "the text has {count} characters, more than the limit of {limit}",
        ),
        ProblemCode.LIMIT_KEY: (
            "nyckeln har {count} tecken, fler än gränsen {limit}",
            "the key has {count} characters, more than the limit of {limit}",
        ),
    },
    keys=ProblemCode,
)
"""Every code's template, Swedish and English; the fields are the problem's ``params``."""


FALLBACK: Final = Words(
    {
        "value": ("värdet {given} godtas inte", "the value {given} is not accepted"),
        "missing": ("ett värde saknas", "a value is missing"),
        "other": ("ett värde godtas inte", "a value is not accepted"),
    }
)
"""The generic texts of a problem without a code: with its value, without one, or neither."""
