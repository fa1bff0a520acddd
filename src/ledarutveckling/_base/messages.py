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

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from typing import Final, Protocol

import attrs
from babel.dates import format_skeleton, format_time
from babel.numbers import format_decimal

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words, babel_locale

__all__ = [
    "FALLBACK",
    "MESSAGES",
    "Alternatives",
    "CalendarMonth",
    "Choice",
    "Clock",
    "Counted",
    "Expected",
    "Explanation",
    "ProblemCode",
    "ReplanRule",
    "WeekdayName",
    "choices",
    "written_list",
]


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
    ROLLOUT_NO_WORKING_DAY = "rollout-no-working-day"
    ROLLOUT_MODULE_TOO_LATE = "rollout-module-too-late"
    ROLLOUT_MODULE_NOT_WITHIN_YEAR = "rollout-module-not-within-year"
    ROLLOUT_DEADLINE = "rollout-deadline"
    ROLLOUT_DEADLINE_SHARED = "rollout-deadline-shared"
    ROLLOUT_NO_COHORT_CAN_START = "rollout-no-cohort-can-start"
    ROLLOUT_CHAIN = "rollout-chain"
    ROLLOUT_NO_CAPACITY = "rollout-no-capacity"
    ROLLOUT_NOT_FOUND = "rollout-not-found"
    # -- re-planning (replan) --------------------------------------------------------------
    REPLAN_NOT_FOUND = "replan-not-found"
    REPLAN_SPLIT_CHANGED = "replan-split-changed"
    # -- the anonymity audit's narrowing check (docs/anonymity.md) -----------------------------
    AUDIENCE_UNAUDITED = "audience-unaudited"
    AUDIENCE_DIFFERS_TOO_LITTLE = "audience-differs-too-little"
    AUDIENCE_REFUSED = "audience-refused"
    AUDIENCE_CAPPED = "audience-capped"
    AUDIENCE_SETTING = "audience-setting"
    AUDIENCE_TEXT_MINIMUM = "audience-text-minimum"
    MINIMUM_TOO_LOW = "minimum-too-low"
    QUESTION_NOT_POOLED = "question-not-pooled"
    # -- the rollout planner: move dates, skills, staff away (issue 17) ---------------------
    ROLLOUT_UNKNOWN_MODULE = "rollout-unknown-module"
    ROLLOUT_EMPTY_WINDOW = "rollout-empty-window"
    ROLLOUT_TOO_FEW_SKILLED = "rollout-too-few-skilled"
    ROLLOUT_AWAY_TOO_SMALL = "rollout-away-too-small"
    ROLLOUT_TOO_EARLY = "rollout-too-early"
    ROLLOUT_NOT_SKILLED = "rollout-not-skilled"
    ROLLOUT_TOO_MANY_AWAY = "rollout-too-many-away"
    ROLLOUT_AWAY_NO_CAPACITY = "rollout-away-no-capacity"
    # -- the rollout's inputs and check_rollout, every rule (issue 19, round 5) ----------------
    ROLLOUT_UNKNOWN_UNIT = "rollout-unknown-unit"
    ROLLOUT_SELF_PACED_SESSION = "rollout-self-paced-session"
    ROLLOUT_UNKNOWN_FACILITATOR = "rollout-unknown-facilitator"
    ROLLOUT_FACILITATOR_TWICE = "rollout-facilitator-twice"
    ROLLOUT_FACILITATOR_ABSENT = "rollout-facilitator-absent"
    ROLLOUT_FACILITATOR_COUNT = "rollout-facilitator-count"
    ROLLOUT_DAY_CAP = "rollout-day-cap"
    ROLLOUT_WEEK_CAP = "rollout-week-cap"
    ROLLOUT_BEFORE_START = "rollout-before-start"
    ROLLOUT_NOT_WORKING_DAY = "rollout-not-working-day"
    ROLLOUT_NOT_SLOT_START = "rollout-not-slot-start"
    ROLLOUT_PAST_SLOT = "rollout-past-slot"
    ROLLOUT_WRONG_DURATION = "rollout-wrong-duration"
    ROLLOUT_ROOM_MISSING = "rollout-room-missing"
    ROLLOUT_UNKNOWN_ROOM = "rollout-unknown-room"
    ROLLOUT_ROOM_TOO_SMALL = "rollout-room-too-small"
    ROLLOUT_FACILITATOR_BUSY = "rollout-facilitator-busy"
    ROLLOUT_ROOM_BUSY = "rollout-room-busy"
    ROLLOUT_UNIT_WITHOUT_SESSIONS = "rollout-unit-without-sessions"
    ROLLOUT_COHORT_NUMBERS = "rollout-cohort-numbers"
    ROLLOUT_COHORT_SIZE_DIFFERS = "rollout-cohort-size-differs"
    ROLLOUT_COHORT_SIZES = "rollout-cohort-sizes"
    ROLLOUT_MODULE_MISSING = "rollout-module-missing"
    ROLLOUT_MODULE_TWICE = "rollout-module-twice"
    ROLLOUT_TOO_LATE = "rollout-too-late"
    ROLLOUT_GAP_TOO_SHORT = "rollout-gap-too-short"
    ROLLOUT_BEFORE_PREVIOUS_ENDS = "rollout-before-previous-ends"
    ROLLOUT_SELF_PACED_TOO_LATE = "rollout-self-paced-too-late"
    ROLLOUT_SPAN_TOO_LONG = "rollout-span-too-long"
    ROLLOUT_KEY_NOT_CODE = "rollout-key-not-code"
    SLOT_END_NOT_AFTER_START = "slot-end-not-after-start"
    SLOTS_OVERLAP = "slots-overlap"
    ROLLOUT_NOTHING_SCHEDULED = "rollout-nothing-scheduled"
    MODULE_LONGER_THAN_SLOT = "module-longer-than-slot"
    ROLLOUT_TOO_FEW_FACILITATORS = "rollout-too-few-facilitators"
    ROLLOUT_CANNOT_SPLIT = "rollout-cannot-split"
    ROLLOUT_NO_ROOM_FOR_COHORT = "rollout-no-room-for-cohort"
    ICAL_DUPLICATE_SESSION = "ical-duplicate-session"
    BAD_EMAIL = "bad-email"
    ROLLOUT_NOT_BEFORE_BLOCKS = "rollout-not-before-blocks"
    ROLLOUT_NOT_BEFORE_TOO_LATE = "rollout-not-before-too-late"
    # -- the generic checks (Checker) -------------------------------------------------------
    NOT_TEXT = "not-text"
    EMPTY_TEXT = "empty-text"
    WHITESPACE = "whitespace"
    SPACES_IN_NAME = "spaces-in-name"
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
    MISSPELT_CHOICE = "misspelt-choice"
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
    DURATION_FRACTION = "duration-fraction"
    BAD_VALUE = "bad-value"
    NOT_JSON = "not-json"
    NOT_TOML = "not-toml"
    NOT_UTF8 = "not-utf8"
    BAD_HEADER = "bad-header"
    NO_KIND = "no-kind"
    NOT_IN_EXAMPLE_CATALOGUE = "not-in-example-catalogue"
    VERSION_TOO_NEW = "version-too-new"
    # -- limits on untrusted documents (docs/serialization.md, Limits) ---------------------
    LIMIT_BYTES = "limit-bytes"
    LIMIT_DIGITS = "limit-digits"
    LIMIT_KEY_PARTS = "limit-key-parts"
    LIMIT_DEPTH = "limit-depth"
    LIMIT_LIST = "limit-list"
    LIMIT_TEXT = "limit-text"
    LIMIT_KEY = "limit-key"
    # -- generic checks, every remaining rule (issue 19, round 4) -------------------------------
    MUST_BE = "must-be"
    OUT_OF_RANGE = "out-of-range"
    EMPTY_LIST = "empty-list"
    NOT_FOUND = "not-found"
    POSITION_OUT_OF_RANGE = "position-out-of-range"
    END_BEFORE_START = "end-before-start"
    OUTSIDE_PERIOD = "outside-period"
    DURATION_CALENDAR = "duration-calendar"
    DURATION_NOT_POSITIVE = "duration-not-positive"
    DURATION_NEGATIVE = "duration-negative"
    NOT_WHOLE_SECONDS = "not-whole-seconds"
    TOO_MANY_DIGITS = "too-many-digits"
    DATE_NOT_DATETIME = "date-not-datetime"
    NOT_AWARE = "not-aware"
    ZONE_NOT_ALLOWED = "zone-not-allowed"
    OUTSIDE_HOLIDAY_YEARS = "outside-holiday-years"
    NO_SUCH_WEEK = "no-such-week"
    WEIGHTS_ZERO = "weights-zero"
    NOT_WHOLE_ORE = "not-whole-ore"
    DIVISION_BY_ZERO = "division-by-zero"
    CURRENCY_CODE = "currency-code"
    COUNTRY_CODE = "country-code"
    RANGES_APART = "ranges-apart"
    UNKNOWN_LOCALE = "unknown-locale"
    NOT_WRITABLE = "not-writable"
    TOML_NULL = "toml-null"
    BAD_SUFFIX = "bad-suffix"
    RULE_FAILED = "rule-failed"
    WRITE_FAILED = "write-failed"
    MODEL_DEFINITION = "model-definition"
    # -- the agreement, call-offs and the ledger (issue 19, round 4) ---------------------------
    NO_OPTION_LEFT = "no-option-left"
    HOUR_CODE_MISSING = "hour-code-missing"
    PRICE_NOT_HOURLY = "price-not-hourly"
    PRICE_NOT_PER_PARTICIPANT = "price-not-per-participant"
    NOTHING_TO_PRICE = "nothing-to-price"
    UNIT_PRICE_MISSING = "unit-price-missing"
    DELIVERED_MISSING = "delivered-missing"
    DELIVERED_NOT_TERMINATED = "delivered-not-terminated"
    DELIVERED_EXCEEDS = "delivered-exceeds"
    CHANGE_BEFORE_ORDER = "change-before-order"
    CHANGE_BEFORE_DELIVERY = "change-before-delivery"
    PARTICIPANTS_OUTSIDE_COHORT = "participants-outside-cohort"
    COHORT_FREE = "cohort-free"
    QUANTITY_NOT_WHOLE = "quantity-not-whole"
    CAP_BELOW_THRESHOLD = "cap-below-threshold"
    ADJUSTMENT_TOO_EARLY = "adjustment-too-early"
    SPAN_TOO_SHORT = "span-too-short"
    MODULE_TOO_SMALL = "module-too-small"
    # -- delivery and invoicing (issue 19, round 4) -------------------------------------------
    BAD_TOKEN = "bad-token"
    TOKEN_PERSONAL = "token-personal"
    CANCELLED_WITH_ATTENDEES = "cancelled-with-attendees"
    TOKEN_COUNT = "token-count"
    CANCELLATION_NOT_ALLOWED = "cancellation-not-allowed"
    LATE_CANCELLATION_HALF = "late-cancellation-half"
    SESSION_WITHOUT_LINE = "session-without-line"
    LINE_NOT_FOR_SESSIONS = "line-not-for-sessions"
    SESSION_LINE_NOT_INVOICED = "session-line-not-invoiced"
    LINE_NOT_IN_CALL_OFF = "line-not-in-call-off"
    LINE_EXCEEDED = "line-exceeded"
    INVOICE_CAP = "invoice-cap"
    SESSION_ON_DAY_OFF = "session-on-day-off"
    PROGRAM_NOT_BOUGHT = "program-not-bought"
    ACCOUNT_DIGITS = "account-digits"
    ACCOUNT_LENGTH = "account-length"
    ACCOUNT_CHECK_DIGIT = "account-check-digit"
    POSTAL_CODE = "postal-code"
    VAT_NUMBER_FORMAT = "vat-number-format"
    VAT_NUMBER_NOT_ORGANISATION = "vat-number-not-organisation"
    BUYER_IS_SELLER = "buyer-is-seller"
    BUYER_NOT_UNIT = "buyer-not-unit"
    VAT_RATE_NOT_SWEDISH = "vat-rate-not-swedish"
    INVOICE_NO_LINES = "invoice-no-lines"
    INVOICE_NOT_SEK = "invoice-not-sek"
    DUE_BEFORE_ISSUE = "due-before-issue"
    CREDITS_ITSELF = "credits-itself"
    NOTHING_TO_INVOICE = "nothing-to-invoice"
    NOT_XML = "not-xml"
    NOT_UBL = "not-ubl"
    PEPPOL_MISSING = "peppol-missing"
    PEPPOL_EMPTY = "peppol-empty"
    PEPPOL_DECIMALS = "peppol-decimals"
    PEPPOL_WANTED = "peppol-wanted"
    PEPPOL_REFERENCE = "peppol-reference"
    PEPPOL_AMOUNT = "peppol-amount"
    PEPPOL_DIGITS = "peppol-digits"
    PEPPOL_NOT_DIGITS = "peppol-not-digits"
    PEPPOL_ORG_NUMBER = "peppol-org-number"
    PEPPOL_PAYMENT_MEANS = "peppol-payment-means"
    PEPPOL_NEGATIVE_PRICE = "peppol-negative-price"
    PEPPOL_TAX_TOTAL = "peppol-tax-total"
    PEPPOL_TAX_SUBTOTAL = "peppol-tax-subtotal"
    # -- scheduling (issue 19, round 4) --------------------------------------------------------
    MODULE_NOT_IN_PROGRAM = "module-not-in-program"
    LINE_WITHOUT_CALL_OFF = "line-without-call-off"
    SPAN_NOT_MET = "span-not-met"
    NO_WORKING_DAY = "no-working-day"
    SESSION_PAST_MIDNIGHT = "session-past-midnight"
    EVERY_WEEKS_TOO_SHORT = "every-weeks-too-short"
    # -- evaluations (issue 19, round 4) -------------------------------------------------------
    PERIODS_OVERLAP = "periods-overlap"
    NO_ANSWERS = "no-answers"
    SCALE_VALUES = "scale-values"
    SCALE_MISMATCH = "scale-mismatch"
    NO_ANSWER_OR_COMMENT = "no-answer-or-comment"
    INVITED_BELOW_RESPONSES = "invited-below-responses"
    NOT_A_QUESTION = "not-a-question"
    # delivery (round 5)
    DELIVERY_OTHER_AGREEMENT = "delivery-other-agreement"
    DELIVERY_UNKNOWN_CALL_OFF = "delivery-unknown-call-off"
    PROGRAM_NOT_IN_CALL_OFF = "program-not-in-call-off"
    # replan (round 5)
    REPLAN_DEADLINE_PASSED = "replan-deadline-passed"
    REPLAN_SPAN_PASSED = "replan-span-passed"
    REPLAN_NO_CAPACITY = "replan-no-capacity"
    REPLAN_NONE_EXISTS = "replan-none-exists"
    # delivery fixes (round 5)
    SESSION_LISTED_TWICE = "session-listed-twice"
    CANCELLATION_NO_RIGHT = "cancellation-no-right"
    LEDGER_WITHOUT_CALL_OFFS = "ledger-without-call-offs"
    SESSION_FORMAT_NOT_MODULES = "session-format-not-modules"
    TIME_FRACTION = "time-fraction"
    TIME_IN_GAP = "time-in-gap"
    SHARE_NOT_DECIMAL = "share-not-decimal"
    SHARE_AS_FLOAT = "share-as-float"
    # rooms (round 5)
    ROLLOUT_NO_ROOM_FOR_SPLIT = "rollout-no-room-for-split"
    # --- h6-peppol ---
    PEPPOL_SCHEME = "peppol-scheme"
    PEPPOL_GLN = "peppol-gln"
    # --- h6-swedish ---
    LIMIT_DIGITS_AT = "limit-digits-at"
    TOML_TWICE = "toml-twice"
    TOML_UNCLOSED = "toml-unclosed"
    TOML_BAD_VALUE = "toml-bad-value"
    # --- h6-replan ---
    REPLAN_ROOM_TOO_SMALL = "replan-room-too-small"
    # --- toml dates ---
    TOML_BAD_DATE = "toml-bad-date"
    NOT_FINITE = "not-finite"
    # --- h7-verify21 ---
    NONCHARACTER = "noncharacter"
    OPTIONS_PAST_LAST_DAY = "options-past-last-day"
    TERM_OUT_OF_RANGE = "term-out-of-range"
    # --- h8-deadlines ---
    ROLLOUT_DEADLINES_GIVEN_UP = "rollout-deadlines-given-up"
    ROLLOUT_DEADLINES_NOT_KEPT = "rollout-deadlines-not-kept"
    # --- h9-givenup ---
    ROLLOUT_GIVEN_UP_FIELDS = "rollout-given-up-fields"
    # --- h11-late ---
    AUDIENCE_RECORD_DISAGREES = "audience-record-disagrees"
    # --- main: the record's category counts ---
    AUDIENCE_CATEGORY = "audience-category"
    AUDIENCE_OUTSIDE_GROUP = "audience-outside-group"
    AUDIENCE_HIDDEN_COUNT = "audience-hidden-count"
    # --- main: published decimals ---
    PUBLISHED_DECIMALS = "published-decimals"
    # --- h13-notkept ---
    ROLLOUT_DEADLINES_GIVEN_UP_FACILITATORS = "rollout-deadlines-given-up-facilitators"
    ROLLOUT_DEADLINES_GIVEN_UP_ROOMS = "rollout-deadlines-given-up-rooms"
    ROLLOUT_GIVEN_UP_OTHER_REASON = "rollout-given-up-other-reason"
    # --- main: weeks over the new year ---
    WEEKS_OVER_NEW_YEAR = "weeks-over-new-year"
    # --- h15-domain ---
    TOKEN_EMAIL = "token-email"
    TOKEN_DUPLICATE = "token-duplicate"
    ISSUED_BEFORE_DELIVERY = "issued-before-delivery"
    RANKING_REASON_MISSING = "ranking-reason-missing"
    RANKING_REASON_FIRST = "ranking-reason-first"
    RANKING_REASON_NOT_RANKING = "ranking-reason-not-ranking"
    # --- h15-windows ---
    ROLLOUT_WINDOW_AFTER_DEADLINE = "rollout-window-after-deadline"
    # --- main: review of the invoicing seam ---
    CALL_OFF_NOT_PLACED = "call-off-not-placed"
    TIME_REPEATED = "time-repeated"
    SELF_PACED_ON_LINE = "self-paced-on-line"
    # --- h13-words ---
    TOML_BARE_DATE = "toml-bare-date"
    TOML_BARE_TIME = "toml-bare-time"
    TOML_BARE_NUMBER = "toml-bare-number"
    TOML_EQUALS = "toml-equals"
    ORG_NUMBER_CHARACTERS = "org-number-characters"
    ORG_NUMBER_HYPHEN = "org-number-hyphen"
    CURRENCY_OTHER = "currency-other"
    PRICE_NOT_FIXED_LIST = "price-not-fixed-list"
    PRICE_ABOVE_FIXED_LIST = "price-above-fixed-list"


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
    SHARE = "share"
    QUANTITY = "quantity"
    MONEY = "money"
    PERIOD = "period"
    PERIOD_TABLE = "period-table"
    PERIODS = "periods"
    MONTH = "month"
    MONTH_LIST = "month-list"
    WALL_TIME = "wall-time"
    TIME_ZONE = "time-zone"
    TEXTS = "texts"
    MODULE_DATES = "module-dates"
    SESSIONS = "sessions"
    # --- h6-swedish ---
    RECORDS = "records"

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
        Expected.SHARE: (
            "en andel från 0 till 1 skriven som decimaltal, till exempel 0.25 för 25 %",
            "a share from 0 to 1 written as a decimal, e.g. 0.25 for 25 %",
        ),
        Expected.QUANTITY: ("ett antal, noll eller mer", "a quantity, zero or more"),
        Expected.MONEY: ("ett belopp", "an amount of money"),
        Expected.PERIOD: ("en period med första och sista dag", "a period with first and last day"),
        Expected.PERIOD_TABLE: (
            "en period med första och sista dag (samma dag för en enda dag), till exempel "
            "{ start = 2027-03-01, end = 2027-03-12 }",
            "a period with its first and last day (the same day for a single day), e.g. "
            "{ start = 2027-03-01, end = 2027-03-12 }",
        ),
        Expected.PERIODS: (
            "en lista med perioder, till exempel [{ start = 2027-03-01, end = 2027-03-12 }]",
            "a list of periods, e.g. [{ start = 2027-03-01, end = 2027-03-12 }]",
        ),
        Expected.MONTH: ("en månad, till exempel 2026-10", "a month, e.g. 2026-10"),
        Expected.MONTH_LIST: (
            "en månad skriven som en lista med år och månad, till exempel [2025, 10]",
            "a month written as a list of year and month, e.g. [2025, 10]",
        ),
        Expected.WALL_TIME: (
            "ett klockslag utan tidszon, till exempel 09:00",
            "a time of day without a zone, e.g. 09:00",
        ),
        Expected.TIME_ZONE: (
            "en tidszon, till exempel Europe/Stockholm",
            "a time zone, e.g. Europe/Stockholm",
        ),
        Expected.TEXTS: ("en lista med texter", "a list of texts"),
        Expected.MODULE_DATES: (
            "en tabell med ett datum per modulkod, till exempel M1 = 2027-03-01",
            "a table with a date per module code, e.g. M1 = 2027-03-01",
        ),
        Expected.SESSIONS: (
            "en lista med träffar, eller en plan med to_sessions() som en RolloutPlan",
            "a list of sessions, or a plan with to_sessions() such as a RolloutPlan",
        ),
        # --- h6-swedish ---
        Expected.RECORDS: (
            "en avropslogg (AgreementLedger), en lista med träffar (Session), en "
            "utrullningsplan (RolloutPlan), en gruppsammanfattning (GroupSummary), en "
            "uppdelning (Breakdown) eller en jämförelse (Comparison)",
            "an AgreementLedger, a list of Session objects, a RolloutPlan, a GroupSummary, "
            "a Breakdown or a Comparison",
        ),
    },
    keys=Expected,
)


class Choice(Labelled, str):
    r"""A valid value as it is written, told to the reader with the label of what it stands for.

    A ``str`` equal to the value as written (so that a problem's parameters compare as plain
    text), which a message shows with the reader's label of its enum member beside it: a
    Swedish reader is not left with the English value alone. The label is left out where it
    only repeats the value (``"ranking"`` in English).

    Examples:
        >>> from ledarutveckling import CallOffStatus, PriceUnit
        >>> choice = Choice("in_delivery", CallOffStatus.IN_DELIVERY)
        >>> choice == "in_delivery", choice.label(), choice.label("en_GB")
        (True, 'in_delivery (under leverans)', 'in_delivery')
        >>> Choice('"hour"', PriceUnit.HOUR).label()
        '"hour" (per timme)'
    """

    member: Labelled | None

    def __new__(cls, written: str, member: Labelled | None = None) -> Choice:
        """*written*: the value as written; *member*: the member whose label is shown."""
        self = super().__new__(cls, written)
        self.member = member
        return self

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The value as written, then the member's label in *locale* unless it repeats it."""
        written = str.__str__(self)
        if self.member is None:
            return written
        name = self.member.label(locale)
        plain = written.strip('"').replace("_", " ")
        return written if name.casefold() == plain.casefold() else f"{written} ({name})"


def choices(members: Iterable[enum.Enum], written: Callable[[object], str] = str) -> Alternatives:
    """Each member's value as *written*, with its label when it has one (:class:`Choice`)."""
    return Alternatives(
        Choice(written(m.value), m if isinstance(m, Labelled) else None) for m in members
    )


class WeekdayName(Labelled, enum.Enum):
    """A working weekday as a document writes it (``"thursday"``), named in the reader's language.

    Examples:
        >>> Choice('"thursday"', WeekdayName.THURSDAY).label()
        '"thursday" (torsdag)'
        >>> Choice('"thursday"', WeekdayName.THURSDAY).label("en_GB")
        '"thursday"'
    """

    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"

    def _labels(self) -> Words[WeekdayName]:
        return _WEEKDAY_NAMES


_WEEKDAY_NAMES: Final = Words(
    {
        WeekdayName.MONDAY: ("måndag", "Monday"),
        WeekdayName.TUESDAY: ("tisdag", "Tuesday"),
        WeekdayName.WEDNESDAY: ("onsdag", "Wednesday"),
        WeekdayName.THURSDAY: ("torsdag", "Thursday"),
        WeekdayName.FRIDAY: ("fredag", "Friday"),
    },
    keys=WeekdayName,
)


def written_list(value: object) -> str:
    """*value* as a document writes it, a list in brackets: ``[16, 8]``, for a reader's message.

    Examples:
        >>> written_list((16, 8)), written_list(["16", True]), written_list(12)
        ('[16, 8]', '["16", true]', '12')
    """
    if isinstance(value, list | tuple):
        return "[" + ", ".join(written_list(item) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)


class Alternatives(tuple[str, ...]):
    """Values of which one is wanted: written as a list joined with "eller" ("or").

    A template names them with the words that go before several, ``{valid:något av}``: one
    alone is written without them (``skriv "SAMTAL"``, not ``skriv något av "SAMTAL"``).

    Examples:
        >>> Alternatives(["a", "b"])
        Alternatives(('a', 'b'))
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Alternatives({tuple(self)!r})"


_COUNTED: Final = Words(
    {
        "facilitator": ("utbildningsledare", "facilitator"),
        "facilitators": ("utbildningsledare", "facilitators"),
        "room": ("lokal", "room"),
        "rooms": ("lokaler", "rooms"),
        "cohort": ("kohort", "cohort"),
        "cohorts": ("kohorter", "cohorts"),
        "session": ("träff", "session"),
        "sessions": ("träffar", "sessions"),
        # --- h8-deadlines ---
        "slot": ("pass", "slot"),
        "slots": ("pass", "slots"),
        # --- h9-givenup ---
        "person": ("person", "person"),
        "persons": ("personer", "people"),
        # --- h9-resized ---
        "participant": ("deltagare", "participant"),
        "participants": ("deltagare", "participants"),
        # --- h10-replan-ux ---
        "facilitator session": ("utbildningsledarpass", "facilitator session"),
        "facilitator sessions": ("utbildningsledarpass", "facilitator sessions"),
    }
)


@attrs.frozen(kw_only=True)
class Counted(Labelled):
    r"""A number of things, written with the noun in the reader's language and number.

    Examples:
        >>> Counted(number=1, thing="room").label(), Counted(number=2, thing="room").label("en")
        ('1 lokal', '2 rooms')
        >>> Counted(number=1400, thing="cohort").label()
        '1\xa0400 kohorter'
    """

    number: int
    thing: str

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """``"2 lokaler"``: the number and the noun (``thing`` in the singular when 1)."""
        noun = self.thing if self.number == 1 else f"{self.thing}s"
        number = format_decimal(self.number, locale=babel_locale(locale))
        return f"{number} {_COUNTED.text(noun, locale)}"


@attrs.frozen(kw_only=True)
class Clock(Labelled):
    """A wall-clock time of day, or a span of two, written as the reader writes it.

    Examples:
        >>> Clock(start=dt.time(9)).label(), Clock(start=dt.time(9), end=dt.time(12)).label()
        ('09:00', '09:00–12:00')
    """

    start: dt.time
    end: dt.time | None = None

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """``"09:00"``, or ``"09:00–12:00"`` with an end (CLDR's short time format)."""
        loc = babel_locale(locale)
        times = [t for t in (self.start, self.end) if t is not None]
        return "–".join(format_time(t, format="short", locale=loc) for t in times)


@attrs.frozen(kw_only=True)
class CalendarMonth(Labelled):
    """A month of a year, written as the reader writes it: ``juni 2027``, ``June 2027``.

    Examples:
        >>> CalendarMonth(year=2027, month=6).label(), CalendarMonth(year=2027, month=6).label("en")
        ('juni 2027', 'June 2027')
    """

    year: int
    month: int

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The month's name and the year (CLDR's ``yMMMM``)."""
        first = dt.date(self.year, self.month, 1)
        return format_skeleton("yMMMM", first, locale=babel_locale(locale))


class _Explains(Protocol):
    def explain(self, locale: str = DEFAULT_LOCALE) -> str: ...  # pragma: no cover


@attrs.frozen(kw_only=True)
class Explanation(Labelled):
    """What an object says of itself (its ``explain(locale)``), to follow a semicolon.

    The first letter is put in lower case, as the sentence goes on.

    Examples:
        >>> class Why:
        ...     def explain(self, locale: str = "sv_SE") -> str:
        ...         return "Det är lokalerna" if locale.startswith("sv") else "It is the rooms"
        >>> Explanation(source=Why()).label(), Explanation(source=Why()).label("en_GB")
        ('det är lokalerna', 'it is the rooms')
    """

    source: _Explains

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """The source's explanation in *locale*, its first letter in lower case."""
        text = self.source.explain(locale)
        return text[:1].lower() + text[1:]


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
            "diarienumret {reference} används redan av avrop nummer {position} i "
            "avropsloggen (avropsdag {day}); varje avrop har sitt eget diarienummer",
            "the reference {reference} is already used by call-off number {position} of the "
            "ledger (placed on {day}); each call-off has its own reference",
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
            "priskoden {price_code} finns inte i avtalets prislista, som har {codes}",
            "the price code {price_code} is not in the agreement's price list, which has {codes}",
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
            "statusändringen utgår från statusen {given}, men efter föregående ändring har "
            "avropet statusen {current}",
            "the status change starts from {given}, but after the previous change the call-off "
            "has the status {current}",
        ),
        ProblemCode.HISTORY_BEFORE_PREVIOUS: (
            "statusändringen {day} är före den föregående ({previous})",
            "the status change on {day} is before the previous one ({previous})",
        ),
        ProblemCode.STATUS_NOT_HISTORY: (
            "statusen är {given}, men enligt historiken har avropet statusen {current}; ange "
            "varje statusändring i history (from_status, to_status, on)",
            "the status is {given}, but by its history the call-off has the status {current}; "
            "give each status change in history (from_status, to_status, on)",
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
        # The planner's sentences start in upper case: each is said on its own.
        ProblemCode.ROLLOUT_NO_WORKING_DAY: (
            "Kalendern har ingen arbetsdag inom ett år från {start}",
            "The calendar has no working day within a year from {start}",
        ),
        ProblemCode.ROLLOUT_MODULE_TOO_LATE: (
            "{unit}: {module} kan inte hållas före {deadline}; starten, modulernas mellanrum "
            "och kalendern ger tidigast {earliest}",
            "{unit}: {module} cannot be held before {deadline}; the start, the gaps between "
            "the modules and the calendar allow {earliest} at the earliest",
        ),
        ProblemCode.ROLLOUT_MODULE_NOT_WITHIN_YEAR: (
            "{unit}: {module} kan inte hållas före {deadline}; starten, modulernas mellanrum "
            "och kalendern ger inte någon dag inom ett år",
            "{unit}: {module} cannot be held before {deadline}; the start, the gaps between "
            "the modules and the calendar allow no day within a year",
        ),
        ProblemCode.ROLLOUT_DEADLINE: (
            "{unit}: {cohorts} hinner inte genomföra {module} före {deadline} med {resource}",
            "{unit}: {cohorts} cannot complete {module} before {deadline} with {resource}",
        ),
        ProblemCode.ROLLOUT_DEADLINE_SHARED: (
            "{unit}: {cohorts} hinner inte genomföra {module} före {deadline} med "
            "{resource} (tillsammans med {others} från enheter med tidigare krav)",
            "{unit}: {cohorts} cannot complete {module} before {deadline} with "
            "{resource} (together with {others} of units with earlier deadlines)",
        ),
        ProblemCode.ROLLOUT_NO_COHORT_CAN_START: (
            "Ingen kohort kan börja inom två år från {start} och genomföra {program} inom "
            "{days} dagar på kalenderns arbetsdagar",
            "No cohort can start within two years from {start} and complete {program} within "
            "{days} days on the calendar's working days",
        ),
        ProblemCode.ROLLOUT_CHAIN: (
            "Modulerna med sina mellanrum kan inte genomföras på kalenderns arbetsdagar inom "
            "två år från {start}",
            "The modules with their gaps cannot be held on the calendar's working days within "
            "two years from {start}",
        ),
        ProblemCode.ROLLOUT_NO_CAPACITY: (
            "{people} deltagare i {cohorts} kohorter hinner inte genomföra {program} inom två "
            "år från {start} med {resource}",
            "{people} participants in {cohorts} cohorts cannot complete {program} within two "
            "years from {start} with {resource}",
        ),
        ProblemCode.ROLLOUT_NOT_FOUND: (
            "Ingen plan hittades med start {start} eller upp till ett år senare; {reason}",
            "No plan was found starting on {start} or up to a year later; {reason}",
        ),
        ProblemCode.REPLAN_NOT_FOUND: (
            "Ingen omplanering hittades som behåller träffarna före {day}: {unit}, kohort "
            "{cohort}, får ingen tid för {module} inom {rules}; planera om från början med "
            "plan_rollout",
            "No re-plan was found that keeps the sessions before {day}: {unit}, cohort "
            "{cohort}, gets no time for {module} within {rules}; plan again from the start "
            "with plan_rollout",
        ),
        ProblemCode.REPLAN_SPLIT_CHANGED: (
            "{unit} delas då i andra kohorter än de som har börjat före {day}; behåll "
            "antalet deltagare, eller planera resten som en egen enhet",
            "{unit} would then be split into other cohorts than those that started before "
            "{day}; keep the headcount, or plan the rest as a unit of its own",
        ),
        ProblemCode.DAY_OUT_OF_RANGE: (
            "{day} ligger utanför de dagar ett schema beräknas för, {first} till {last}",
            "{day} is outside the days a schedule is computed for, {first} to {last}",
        ),
        ProblemCode.COHORT_SIZE: (
            "gruppstorleken {given} ska skrivas [minst, högst], där det minsta antalet är 1 "
            "eller fler och det högsta inte är mindre än det minsta",
            "the cohort size {given} must be written [least, most], where the least number is "
            "1 or more and the most is no smaller than the least",
        ),
        # The anonymity audit's narrowing check (docs/anonymity.md).
        ProblemCode.AUDIENCE_REFUSED: (
            "publiceringen för {audience} skulle röja den dolda gruppen {group} ({measure}) "
            "tillsammans med det som redan visats: {earlier}",
            "the publication for {audience} would reveal the hidden group {group} ({measure}) "
            "together with what was already shown: {earlier}",
        ),
        ProblemCode.AUDIENCE_CAPPED: (
            "publiceringen för {audience} kan inte granskas: de dolda delarna ({measure}) "
            "hänger ihop genom {rank} oberoende samband, fler än union_search = {limit} "
            "tillåter; dölj fler grupper eller höj union_search",
            "the publication for {audience} cannot be audited: the hidden parts ({measure}) "
            "are tied by {rank} independent relations, more than union_search = {limit} "
            "allows; hide more groups or raise union_search",
        ),
        ProblemCode.AUDIENCE_SETTING: (
            "{setting} ska vara ett tal från {least} till {most}; standard är {default}",
            "{setting} must be a number from {least} to {most}; the default is {default}",
        ),
        ProblemCode.MINIMUM_TOO_LOW: (
            "minsta antal svar är {given}, men det får inte vara under {least}: resultat för "
            "mindre grupper röjer enskilda deltagare",
            "the minimum number of answers is {given}, but it must not be below {least}: "
            "results of smaller groups would expose single participants",
        ),
        ProblemCode.QUESTION_NOT_POOLED: (
            "frågan {question} har {given} här men {expected} i utvärdering {evaluation}; "
            "frågor med samma kod slås ihop och måste ha samma skala och nivå",
            "question {question} has {given} here but {expected} in evaluation {evaluation}; "
            "questions with the same code are pooled and must have the same scale and level",
        ),
        ProblemCode.AUDIENCE_TEXT_MINIMUM: (
            "minimum_text ska vara ett heltal som är minst lika stort som minimum ({least}); "
            "standard är {default}",
            "minimum_text must be a whole number at least as large as minimum ({least}); "
            "the default is {default}",
        ),
        ProblemCode.AUDIENCE_UNAUDITED: (
            "publiceringen för {audience} kan inte granskas: lösaren HiGHS gav inget svar "
            "({status}); inget visas",
            "the publication for {audience} cannot be audited: the solver HiGHS gave no answer "
            "({status}); nothing is shown",
        ),
        ProblemCode.AUDIENCE_DIFFERS_TOO_LITTLE: (
            "publiceringen för {audience} skiljer sig för lite från {earlier}: antalet svar "
            "för {group} skiljer sig med färre än {minimum}, så de nya svaren kan räknas ut",
            "the publication for {audience} differs too little from {earlier}: the number of "
            "answers for {group} differs by fewer than {minimum}, so the new answers can be "
            "worked out",
        ),
        ProblemCode.ROLLOUT_UNKNOWN_MODULE: (
            "{module} är ingen modul i programmet {program}, som har {modules}",
            "{module} is no module of the program {program}, which has {modules}",
        ),
        ProblemCode.ROLLOUT_EMPTY_WINDOW: (
            "{unit}: {module} får inte hållas före {not_before} men ska hållas före {deadline}",
            "{unit}: {module} may not be held before {not_before} but must be held before "
            "{deadline}",
        ),
        ProblemCode.ROLLOUT_TOO_FEW_SKILLED: (
            "{module} leds av {need} utbildningsledare samtidigt, men bara {skilled} av "
            "utbildningsledarna får leda den",
            "{module} is led by {need} facilitators at once, but only {skilled} of the "
            "facilitators may lead it",
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
        ProblemCode.ROLLOUT_AWAY_NO_CAPACITY: (
            "{unit}: högst {cohorts} på pass samtidigt (max_away {away}) hinner inte "
            "genomföra {program} inom två år från {start}",
            "{unit}: at most {cohorts} in sessions at once (max_away {away}) cannot "
            "complete {program} within two years from {start}",
        ),
        # -- the rollout's inputs and check_rollout (issue 19, round 5): a session is a
        # "träff", a slot a "pass", as in the plan's summary.
        ProblemCode.ROLLOUT_UNKNOWN_UNIT: (
            "{unit} är ingen enhet i utrullningen",
            "{unit} is not a unit of the rollout",
        ),
        ProblemCode.ROLLOUT_SELF_PACED_SESSION: (
            "{module} är självstudier och har inga träffar, utbildningsledare eller lokaler; "
            "kohorten får en period för den i stället",
            "{module} is self-paced and takes no session, facilitator or room; the cohort "
            "gets a window for it instead",
        ),
        ProblemCode.ROLLOUT_UNKNOWN_FACILITATOR: (
            "{facilitator} är ingen utbildningsledare i utrullningen",
            "{facilitator} is not a facilitator of the rollout",
        ),
        ProblemCode.ROLLOUT_FACILITATOR_TWICE: (
            "{facilitator} står två gånger; en träffs utbildningsledare ska vara olika personer",
            "{facilitator} is named twice; a session's facilitators must be different people",
        ),
        ProblemCode.ROLLOUT_FACILITATOR_ABSENT: (
            "{facilitator} är frånvarande {day}",
            "{facilitator} is absent on {day}",
        ),
        ProblemCode.ROLLOUT_FACILITATOR_COUNT: (
            "{module} ska ledas av {need}, inte {given}",
            "{module} must be led by {need}, not {given}",
        ),
        ProblemCode.ROLLOUT_DAY_CAP: (
            "{facilitator} leder {sessions} {day}; högst {cap} om dagen",
            "{facilitator} leads {sessions} on {day}; at most {cap} a day",
        ),
        ProblemCode.ROLLOUT_WEEK_CAP: (
            "{facilitator} leder {sessions} vecka {week} ({period}); högst {cap} i veckan",
            "{facilitator} leads {sessions} in week {week} ({period}); at most {cap} a week",
        ),
        ProblemCode.ROLLOUT_BEFORE_START: (
            "träffen börjar {start}, före utrullningens första dag ({first})",
            "the session starts on {start}, before the rollout's first day ({first})",
        ),
        ProblemCode.ROLLOUT_NOT_WORKING_DAY: (
            "träffen {day} ligger inte på en arbetsdag i kalendern",
            "the session on {day} is not on a working day of the calendar",
        ),
        ProblemCode.ROLLOUT_NOT_SLOT_START: (
            "träffen börjar kl. {time}, inte när ett pass börjar (kl. {starts})",
            "the session starts at {time}, not when a slot starts (at {starts})",
        ),
        ProblemCode.ROLLOUT_PAST_SLOT: (
            "träffen slutar {end}, men dess pass slutar kl. {slot_end}",
            "the session ends on {end}, but its slot ends at {slot_end}",
        ),
        ProblemCode.ROLLOUT_WRONG_DURATION: (
            "träffen varar {length}, men {module} tar {duration}",
            "the session lasts {length}, but {module} takes {duration}",
        ),
        ProblemCode.ROLLOUT_ROOM_MISSING: (
            "{module} hålls på plats, så träffen behöver en lokal",
            "{module} is held in person, so the session needs a room",
        ),
        ProblemCode.ROLLOUT_UNKNOWN_ROOM: (
            "{room} är ingen lokal i utrullningen",
            "{room} is not a room of the rollout",
        ),
        ProblemCode.ROLLOUT_ROOM_TOO_SMALL: (
            "{room} tar {capacity} deltagare, färre än kohortens {size}",
            "{room} takes {capacity} participants, fewer than the cohort's {size}",
        ),
        ProblemCode.ROLLOUT_FACILITATOR_BUSY: (
            "{facilitator} leder en annan träff samtidigt",
            "{facilitator} leads another session at the same time",
        ),
        ProblemCode.ROLLOUT_ROOM_BUSY: (
            "{room} används av en annan träff samtidigt",
            "{room} holds another session at the same time",
        ),
        ProblemCode.ROLLOUT_UNIT_WITHOUT_SESSIONS: (
            "{unit} har inga träffar; {people} deltagare i kohorter om {least}–{most} blir "
            "{cohorts}",
            "{unit} has no sessions; {people} participants in cohorts of {least}–{most} make "
            "{cohorts}",
        ),
        ProblemCode.ROLLOUT_COHORT_NUMBERS: (
            "{unit} har kohorterna {given}; de ska numreras från 1 utan luckor",
            "{unit} has the cohorts {given}; they must be numbered from 1 without gaps",
        ),
        ProblemCode.ROLLOUT_COHORT_SIZE_DIFFERS: (
            "{unit} kohort {cohort}: träffen har {given} deltagare, men kohorten har {size} "
            "på sina andra träffar",
            "{unit} cohort {cohort}: the session has {given} participants, but the cohort has "
            "{size} at its other sessions",
        ),
        ProblemCode.ROLLOUT_COHORT_SIZES: (
            "{unit}: kohorterna har {sizes} deltagare; de ska tillsammans ha {people}, skilja "
            "sig åt med högst en och ha {least}–{most} var",
            "{unit}: the cohorts have {sizes} participants; together they must have {people}, "
            "differ by at most one and have {least}–{most} each",
        ),
        ProblemCode.ROLLOUT_MODULE_MISSING: (
            "{unit} kohort {cohort}: ingen träff för {module}",
            "{unit} cohort {cohort}: no session of {module}",
        ),
        ProblemCode.ROLLOUT_MODULE_TWICE: (
            "{unit} kohort {cohort}: {module} hålls redan på en annan träff",
            "{unit} cohort {cohort}: {module} is already held at another session",
        ),
        ProblemCode.ROLLOUT_TOO_LATE: (
            "{unit} kohort {cohort}: {module} hålls {day}, men ska hållas före {deadline}",
            "{unit} cohort {cohort}: {module} is held on {day} but must be held before {deadline}",
        ),
        ProblemCode.ROLLOUT_GAP_TOO_SHORT: (
            "{unit} kohort {cohort}: {module} hålls {day}, men ska hållas minst {gap} efter "
            "föregående modul ({previous})",
            "{unit} cohort {cohort}: {module} is held on {day} but must be held at least "
            "{gap} after the previous module ({previous})",
        ),
        ProblemCode.ROLLOUT_BEFORE_PREVIOUS_ENDS: (
            "{unit} kohort {cohort}: {module} börjar {start}, innan föregående modul har "
            "slutat ({end})",
            "{unit} cohort {cohort}: {module} starts on {start}, before the previous module "
            "ends ({end})",
        ),
        ProblemCode.ROLLOUT_SELF_PACED_TOO_LATE: (
            "{unit} kohort {cohort}: självstudierna i {module} slutar {day}, men ska vara "
            "klara före {deadline}",
            "{unit} cohort {cohort}: the self-paced {module} is due on {day} but must be done "
            "before {deadline}",
        ),
        ProblemCode.ROLLOUT_SPAN_TOO_LONG: (
            "{unit} kohort {cohort}: {module} hålls {day}, mer än {most} efter kohortens "
            "första träff ({first})",
            "{unit} cohort {cohort}: {module} is held on {day}, more than {most} after the "
            "cohort's first session ({first})",
        ),
        ProblemCode.ROLLOUT_KEY_NOT_CODE: (
            "nyckeln {given} ska vara en modulkod skriven som text",
            "the key {given} must be a module code written as text",
        ),
        ProblemCode.SLOT_END_NOT_AFTER_START: (
            "passet slutar kl. {end}, men ska sluta efter att det börjar (kl. {start})",
            "the slot ends at {end} but must end after it starts (at {start})",
        ),
        ProblemCode.SLOTS_OVERLAP: (
            "passet börjar kl. {start}, innan föregående pass slutar (kl. {end}); ange passen "
            "i tidsordning utan överlapp",
            "the slot starts at {start}, before the previous slot ends (at {end}); give the "
            "slots in order without overlaps",
        ),
        ProblemCode.ROLLOUT_NOTHING_SCHEDULED: (
            "programmet {program} har bara självstudier; en utrullning behöver minst en "
            "modul som hålls på plats eller digitalt",
            "the program {program} is self-paced only; a rollout needs at least one module "
            "held in person or digitally",
        ),
        ProblemCode.MODULE_LONGER_THAN_SLOT: (
            "{module} tar {duration} och ryms inte i passet kl. {slot}; en träff ligger inom "
            "ett pass",
            "{module} takes {duration} and does not fit the slot {slot}; a session lies "
            "within one slot",
        ),
        ProblemCode.ROLLOUT_TOO_FEW_FACILITATORS: (
            "{module} leds av {need} samtidigt, men utrullningen har bara {count}",
            "{module} is led by {need} at once, but the rollout has only {count}",
        ),
        ProblemCode.ROLLOUT_CANNOT_SPLIT: (
            "{unit}: {people} deltagare kan inte delas i jämnstora kohorter om {least}–{most}",
            "{unit}: {people} participants cannot be split into balanced cohorts of {least}–{most}",
        ),
        ProblemCode.ROLLOUT_NO_ROOM_FOR_COHORT: (
            "ingen lokal tar den största kohorten, {size} deltagare, och programmet har "
            "moduler som hålls på plats",
            "no room takes the largest cohort, {size} participants, and the program has "
            "modules held in person",
        ),
        ProblemCode.ICAL_DUPLICATE_SESSION: (
            "träffen för {module} i {program} ({cohort}) står redan tidigare i listan; varje "
            "träff behöver ett eget UID, så ge en upprepning en annan kohortbeteckning",
            "the session of {module} of {program} ({cohort}) is already earlier in the list; "
            "each session needs its own UID, so give a repeat another cohort label",
        ),
        ProblemCode.BAD_EMAIL: (
            "{given} är ingen e-postadress; skriv arrangören till exempel kurs@example.se "
            "eller Anna Berg <anna@example.se>",
            "{given} is not an e-mail address; write the organiser e.g. kurs@example.se or "
            "Anna Berg <anna@example.se>",
        ),
        # Two more refusals of the planner, said on their own (upper case, as the others).
        ProblemCode.ROLLOUT_NOT_BEFORE_BLOCKS: (
            "{unit}: {module} kan inte hållas före {deadline}, eftersom {first} inte får "
            "hållas före {day}",
            "{unit}: {module} cannot be held before {deadline}, since {first} may not be held "
            "before {day}",
        ),
        ProblemCode.ROLLOUT_NOT_BEFORE_TOO_LATE: (
            "{unit}: {module} får inte hållas före {day}, och modulerna med sina mellanrum kan "
            "då inte genomföras inom två år från {start}",
            "{unit}: {module} may not be held before {day}, and the modules with their gaps "
            "then cannot be held within two years from {start}",
        ),
        ProblemCode.NOT_TEXT: ("värdet ska vara text", "the value must be text"),
        ProblemCode.EMPTY_TEXT: ("texten får inte vara tom", "the text must not be empty"),
        ProblemCode.WHITESPACE: (
            "texten får inte börja eller sluta med blanksteg",
            "the text must not start or end with a space",
        ),
        ProblemCode.SPACES_IN_NAME: (
            "namnet {given} har två blanksteg i rad; skriv ett, annars räknas det som ett annat "
            "namn",
            "the name {given} has two spaces in a row; write one, or it counts as another name",
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
            "värdet ska vara {valid:något av}",
            "the value must be {valid:one of}",
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
            "beloppet {given} får inte vara negativt",
            "the amount {given} must not be negative",
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
            "{given} kan inte stå här; skriv {valid:något av}",
            "{given} is not allowed here; write {valid:one of}",
        ),
        ProblemCode.MISSPELT_CHOICE: (
            "{given} kan inte stå här; menade du {near}?",
            "{given} is not allowed here; did you mean {near}?",
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
            "{given} är ett flyttal, som inte kan hålla decimaler exakt; skriv det som text, "
            'till exempel "12500.50"',
            "{given} is a float, which cannot hold decimals exactly; write it as text, "
            'e.g. "12500.50"',
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
        ProblemCode.DURATION_FRACTION: (
            "tidslängden {given} har en decimal före sin sista del; skriv decimalen bara i den "
            "sista delen, till exempel PT1.5H eller PT1H30M",
            "the duration {given} has a fraction before its last part; write a fraction in the "
            "last part only, e.g. PT1.5H or PT1H30M",
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
            "dokumentet är inte text i UTF-8 (rad {line}, kolumn {column}); spara det som UTF-8",
            "the document is not UTF-8 text (line {line}, column {column}); save it as UTF-8",
        ),
        ProblemCode.BAD_HEADER: (
            "dokumentet ska börja med document = {kind} och schema_version = {version}",
            "the document must start with document = {kind} and schema_version = {version}",
        ),
        ProblemCode.NO_KIND: (
            "dokumentet säger inte vad det är: skriv document = och sorten överst, "
            "{valid:något av}, och under den schema_version = {version}",
            "the document does not say what it is: write document = and its kind at the top, "
            "{valid:one of}, and under it schema_version = {version}",
        ),
        ProblemCode.NOT_IN_EXAMPLE_CATALOGUE: (
            "programmet {given} finns inte i Stockholms exempelkatalog, som läses när begäran "
            'inte anger någon katalog; ange er katalog med catalogue = "katalog.toml" i '
            "begäran eller med --catalogue",
            "the program {given} is not in the bundled Stockholm example catalogue, which is "
            'read when the request names no catalogue; name yours with catalogue = "katalog.toml" '
            "in the request or with --catalogue",
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
        # -- generic checks (issue 19, round 4) -------------------------------------------
        ProblemCode.MUST_BE: ("här ska det stå {expected}", "this must be {expected}"),
        ProblemCode.OUT_OF_RANGE: (
            "värdet {given} ska ligga mellan {least} och {most}",
            "the value {given} must be from {least} to {most}",
        ),
        ProblemCode.EMPTY_LIST: ("listan får inte vara tom", "the list must not be empty"),
        ProblemCode.NOT_FOUND: ("{given} finns inte här", "there is no {given} here"),
        ProblemCode.POSITION_OUT_OF_RANGE: (
            "det finns ingen plats {given} (platserna räknas från 0, och antalet är {count})",
            "there is no position {given} (positions count from 0, and the number is {count})",
        ),
        ProblemCode.END_BEFORE_START: (
            "slutet ({end}) ligger före början ({start})",
            "the end ({end}) is before the start ({start})",
        ),
        ProblemCode.OUTSIDE_PERIOD: (
            "{day} ligger utanför perioden {period}",
            "{day} is outside the period {period}",
        ),
        ProblemCode.DURATION_CALENDAR: (
            "en tidslängd räknas inte i år eller månader, som inte har en fast längd",
            "a duration does not count years or months, which have no fixed length",
        ),
        ProblemCode.DURATION_NOT_POSITIVE: (
            "tidslängden ska vara längre än noll",
            "the duration must be longer than zero",
        ),
        ProblemCode.DURATION_NEGATIVE: (
            "tidslängden får inte vara negativ",
            "the duration must not be negative",
        ),
        ProblemCode.NOT_WHOLE_SECONDS: (
            "tidslängden ska vara hela sekunder",
            "the duration must be whole seconds",
        ),
        ProblemCode.TOO_MANY_DIGITS: (
            "beloppet får ha högst {digits} siffror före decimaltecknet och {decimals} efter",
            "the amount may have at most {digits} digits before the point and {decimals} after",
        ),
        ProblemCode.DATE_NOT_DATETIME: (
            "här ska det stå ett datum, inte en tidpunkt",
            "this must be a date, not a date and time",
        ),
        ProblemCode.NOT_AWARE: (
            "tidpunkten saknar tidszon; ange den, till exempel Europe/Stockholm",
            "the date and time has no time zone; give one, e.g. Europe/Stockholm",
        ),
        ProblemCode.ZONE_NOT_ALLOWED: (
            "klockslaget ska vara utan tidszon; tillfällena ligger i Europe/Stockholm",
            "the time of day must have no time zone; sessions are in Europe/Stockholm",
        ),
        ProblemCode.OUTSIDE_HOLIDAY_YEARS: (
            "{given} ligger utanför åren {first}–{last}, som de svenska helgdagarna finns för",
            "{given} is outside the years {first}–{last} that the Swedish holidays cover",
        ),
        ProblemCode.NO_SUCH_WEEK: (
            "år {year} har ingen vecka {given}",
            "{year} has no week {given}",
        ),
        ProblemCode.WEIGHTS_ZERO: (
            "vikterna får inte alla vara noll",
            "the weights must not all be zero",
        ),
        ProblemCode.NOT_WHOLE_ORE: (
            "beloppet {given} ska vara hela ören för att kunna fördelas; avrunda det först",
            "the amount {given} must be whole öre to be allocated; round it first",
        ),
        ProblemCode.DIVISION_BY_ZERO: (
            "det går inte att dela med noll",
            "an amount cannot be divided by zero",
        ),
        ProblemCode.CURRENCY_CODE: (
            "{given} är ingen valutakod; skriv den med tre versaler enligt ISO 4217, till "
            "exempel SEK",
            "{given} is not a currency code; write it in three capitals per ISO 4217, e.g. SEK",
        ),
        ProblemCode.COUNTRY_CODE: (
            "{given} är ingen landskod; skriv den med två versaler enligt ISO 3166-1, till "
            "exempel SE",
            "{given} is not a country code; write it in two capitals per ISO 3166-1, e.g. SE",
        ),
        ProblemCode.RANGES_APART: (
            "perioderna {first} och {other} varken överlappar eller möts",
            "the periods {first} and {other} neither overlap nor touch",
        ),
        ProblemCode.UNKNOWN_LOCALE: (
            "{given} är inget språk som stöds; välj svenska (sv_SE) eller engelska (en_GB)",
            "{given} is not a supported language; choose Swedish (sv_SE) or English (en_GB)",
        ),
        ProblemCode.NOT_WRITABLE: (
            "värdet kan inte skrivas som {form}",
            "the value cannot be written as {form}",
        ),
        ProblemCode.TOML_NULL: (
            "TOML har inget tomt värde (null); utelämna fältet i stället",
            "TOML has no null; leave the field out instead",
        ),
        ProblemCode.BAD_SUFFIX: (
            "filnamnet {given} ska sluta på .json eller .toml",
            "the file name {given} must end in .json or .toml",
        ),
        ProblemCode.RULE_FAILED: (
            "värdet kunde inte kontrolleras",
            "the value could not be checked",
        ),
        ProblemCode.WRITE_FAILED: (
            "filen {given} kunde inte skrivas",
            "the file {given} could not be written",
        ),
        ProblemCode.MODEL_DEFINITION: (
            "en klass i modellen är felaktigt definierad",
            "a class of the model is defined wrongly",
        ),
        # -- the agreement, call-offs and the ledger (issue 19, round 4) -----------------------
        ProblemCode.NO_OPTION_LEFT: (
            "avtalet har ingen option kvar att påkalla",
            "the agreement has no option left to exercise",
        ),
        ProblemCode.HOUR_CODE_MISSING: (
            "ange vilket timpris som ska användas; prislistan har {count} timpriser: {codes}",
            "name the hourly price to use; the price list has {count} hourly prices: {codes}",
        ),
        ProblemCode.PRICE_NOT_HOURLY: (
            "priskoden {price_code} är inget timpris",
            "the price code {price_code} is not an hourly price",
        ),
        ProblemCode.PRICE_NOT_PER_PARTICIPANT: (
            "priskoden {price_code} är inget pris per deltagare",
            "the price code {price_code} is not a price per participant",
        ),
        ProblemCode.NOTHING_TO_PRICE: (
            "programmet {program} har inget att prissätta: alla moduler är självstudier och "
            "inget pris per deltagare gäller; ange raderna för hand",
            "the program {program} has nothing to price: every module is self-paced and no "
            "price per participant applies; write the lines by hand",
        ),
        ProblemCode.UNIT_PRICE_MISSING: (
            "à-priset saknas; ange listpriset för att prissätta raden",
            "the unit price is not set; give the list price to price the line",
        ),
        ProblemCode.DELIVERED_MISSING: (
            "när ett avrop hävs ska levererat antal anges för varje rad, så att den levererade "
            "delen kan regleras",
            "when a call-off is terminated, the quantity delivered of each line must be given, "
            "so that the delivered part can be settled",
        ),
        ProblemCode.DELIVERED_NOT_TERMINATED: (
            "levererat antal anges bara när avropet hävs",
            "the quantities delivered are given only when the call-off is terminated",
        ),
        ProblemCode.DELIVERED_EXCEEDS: (
            "levererat antal {given} är mer än beställt antal {ordered} på rad {line}",
            "the quantity delivered, {given}, is more than the {ordered} ordered on line {line}",
        ),
        ProblemCode.CHANGE_BEFORE_ORDER: (
            "statusändringen {day} är före avropsdagen {ordered}",
            "the status change on {day} is before the call-off was placed, on {ordered}",
        ),
        ProblemCode.CHANGE_BEFORE_DELIVERY: (
            "avropet kan inte få statusen {status} {day}, innan leveransperioden börjar ({period})",
            "the call-off cannot become {status} on {day}, before its delivery period ({period})",
        ),
        ProblemCode.PARTICIPANTS_OUTSIDE_COHORT: (
            "{given} deltagare ryms inte i programmets gruppstorlek, {least}–{most}",
            "{given} participants do not fit the program's cohort size, {least}–{most}",
        ),
        ProblemCode.COHORT_FREE: (
            "en grupp måste kosta något; av gratis grupper ryms hur många som helst",
            "a cohort must cost something; any number of free cohorts fits",
        ),
        ProblemCode.QUANTITY_NOT_WHOLE: (
            "antalet {given} ska vara ett heltal: {price_code} prissätts {unit}; bara timmar "
            "kan delas",
            "the quantity {given} must be whole: {price_code} is priced {unit}; only hours "
            "can be split",
        ),
        ProblemCode.CAP_BELOW_THRESHOLD: (
            "taket för prisjusteringen ({cap}) är lägre än tröskeln ({threshold})",
            "the cap of the adjustment ({cap}) is below its threshold ({threshold})",
        ),
        ProblemCode.ADJUSTMENT_TOO_EARLY: (
            "prisjusteringen {day} jämför indexmånaden {month}, som inte ligger efter "
            "basmånaden {base}",
            "the adjustment on {day} compares the index month {month}, which is not after "
            "the base month {base}",
        ),
        ProblemCode.SPAN_TOO_SHORT: (
            "programmet ska rymmas på {given}, men uppehållen mellan modulerna kräver {needed}",
            "the program must fit in {given}, but the gaps between its modules need {needed}",
        ),
        ProblemCode.MODULE_TOO_SMALL: (
            "modulen tar högst {given} deltagare, färre än programmets största grupp ({most})",
            "the module takes at most {given} participants, fewer than the program's largest "
            "cohort ({most})",
        ),
        # -- delivery and invoicing (issue 19, round 4) ---------------------------------------
        ProblemCode.BAD_TOKEN: (
            "en pseudonym ska ha 4 till 64 tecken: bokstäverna A–Z, siffror, _ eller - (inga "
            "namn eller e-postadresser)",
            "a pseudonymous token has 4 to 64 characters: letters A–Z, digits, _ or - (no "
            "names or e-mail addresses)",
        ),
        ProblemCode.TOKEN_PERSONAL: (
            "värdet ser ut att innehålla ett person- eller samordningsnummer; använd en pseudonym",
            "the value looks like it holds a personal identity or coordination number; use a "
            "pseudonymous token",
        ),
        ProblemCode.CANCELLED_WITH_ATTENDEES: (
            "ett tillfälle som leverantören har ställt in har inga deltagare och inga uteblivna",
            "a session cancelled by the supplier has no attendees and no no-shows",
        ),
        ProblemCode.TOKEN_COUNT: (
            "det ska finnas en pseudonym per deltagare ({attended}) eller ingen, inte {count}",
            "there must be one token per attendee ({attended}) or none, not {count}",
        ),
        ProblemCode.CANCELLATION_NOT_ALLOWED: (
            "leverantören får ställa in ett tillfälle bara när färre än {minimum} är "
            "anmälda; {registered} var anmälda",
            "the supplier may cancel a session only when fewer than {minimum} are "
            "registered; {registered} were",
        ),
        ProblemCode.LATE_CANCELLATION_HALF: (
            "villkoret för sen avbokning anger både hur sent och hur mycket; {other} saknas",
            "a late-cancellation term says both how late and how much; {other} is missing",
        ),
        ProblemCode.SESSION_WITHOUT_LINE: (
            "tillfället hör inte till någon rad i avropet; dess timmar faktureras inte",
            "the session names no line of the call-off; its hours are not invoiced",
        ),
        ProblemCode.LINE_NOT_FOR_SESSIONS: (
            "rad {line} ({price_code}) prissätts {unit} och kan inte användas av ett tillfälle",
            "line {line} ({price_code}) is priced {unit} and cannot be drawn on by a session",
        ),
        ProblemCode.SESSION_LINE_NOT_INVOICED: (
            "tillfällets rad {line} kan inte användas av ett tillfälle; den faktureras inte",
            "the session's line {line} cannot be drawn on by a session; it is not invoiced",
        ),
        ProblemCode.LINE_NOT_IN_CALL_OFF: (
            "avropet har ingen rad {line}; det har {count} rader",
            "the call-off has no line {line}; it has {count} lines",
        ),
        ProblemCode.LINE_EXCEEDED: (
            "tillfällena tar {total} av rad {line} ({price_code}), mer än de {ordered} som "
            "avropades",
            "the sessions take {total} of line {line} ({price_code}), more than the {ordered} "
            "ordered",
        ),
        ProblemCode.INVOICE_CAP: (
            "rad {line} ({price_code}) får faktureras för högst {cap}; {left} faktureras inte",
            "line {line} ({price_code}) may be invoiced for at most {cap}; {left} is left out",
        ),
        ProblemCode.SESSION_ON_DAY_OFF: (
            "tillfället {day} ligger på en ledig dag: {reason}",
            "the session on {day} falls on a day off: {reason}",
        ),
        ProblemCode.PROGRAM_NOT_BOUGHT: (
            "programmet {program} ingår inte i avropet",
            "the program {program} is not bought by the call-off",
        ),
        ProblemCode.ACCOUNT_DIGITS: (
            "kontonumret ska bara ha siffror",
            "the account number must have digits only",
        ),
        ProblemCode.ACCOUNT_LENGTH: (
            "ett {scheme}nummer har {least} till {most} siffror, inte {count}",
            "a {scheme} number has {least} to {most} digits, not {count}",
        ),
        ProblemCode.ACCOUNT_CHECK_DIGIT: (
            "{scheme}numret {number} har fel kontrollsiffra",
            "the {scheme} number {number} has a wrong check digit",
        ),
        ProblemCode.POSTAL_CODE: (
            "postnumret {given} ska ha fem siffror, till exempel 112 21",
            "the postcode {given} must have five digits, e.g. 112 21",
        ),
        ProblemCode.VAT_NUMBER_FORMAT: (
            "momsregistreringsnumret {given} ska skrivas SE och tolv siffror",
            "the VAT number {given} must be written SE and twelve digits",
        ),
        ProblemCode.VAT_NUMBER_NOT_ORGANISATION: (
            "momsregistreringsnumret ska vara organisationens, {wanted}",
            "the VAT number must be the organisation's, {wanted}",
        ),
        ProblemCode.BUYER_IS_SELLER: (
            "köparen och säljaren är samma organisation",
            "the buyer and the seller are the same organisation",
        ),
        ProblemCode.BUYER_NOT_UNIT: (
            "köparen ska vara den juridiska person som den beställande enheten hör till, "
            "{organisation}",
            "the buyer must be the legal entity of the ordering unit, {organisation}",
        ),
        ProblemCode.VAT_RATE_NOT_SWEDISH: (
            "momssatsen {given} är ingen svensk momssats; en svensk säljare använder 25 %, "
            "12 % eller 6 %",
            "the VAT rate {given} is not a Swedish rate; a Swedish seller uses 25 %, 12 % or 6 %",
        ),
        ProblemCode.INVOICE_NO_LINES: (
            "fakturan har inga rader",
            "the invoice has no lines",
        ),
        ProblemCode.INVOICE_NOT_SEK: (
            "en svensk faktura ska vara i SEK, inte {given}",
            "a Swedish invoice must be in SEK, not {given}",
        ),
        ProblemCode.DUE_BEFORE_ISSUE: (
            "förfallodagen {day} är före fakturadagen {issued}",
            "the due date {day} is before the issue date {issued}",
        ),
        ProblemCode.CREDITS_ITSELF: (
            "kreditnotan kan inte kreditera sig själv ({given})",
            "the credit note cannot credit itself ({given})",
        ),
        ProblemCode.NOTHING_TO_INVOICE: (
            "avropet {call_off} har inget att fakturera för {month}: inget genomfört "
            "tillfälle ligger i den månaden",
            "the call-off {call_off} has nothing to invoice for {month}: no held session "
            "falls in that month",
        ),
        # The checks of an e-invoice read back (Peppol BIS Billing 3): each names its rule.
        ProblemCode.NOT_XML: (
            "dokumentet är inte välformad XML",
            "the document is not well-formed XML",
        ),
        ProblemCode.NOT_UBL: (
            "dokumentet ska vara en faktura eller en kreditnota i UBL 2.1",
            "the document must be a UBL 2.1 invoice or credit note",
        ),
        ProblemCode.PEPPOL_MISSING: (
            "uppgiften saknas ({rule})",
            "the element is missing ({rule})",
        ),
        ProblemCode.PEPPOL_EMPTY: (
            "elementet får inte vara tomt ({rule})",
            "the element must not be empty ({rule})",
        ),
        ProblemCode.PEPPOL_DECIMALS: (
            "beloppet {given} får ha högst två decimaler ({rule})",
            "the amount {given} may have at most two decimals ({rule})",
        ),
        ProblemCode.PEPPOL_WANTED: (
            "värdet ska vara {wanted} ({rule})",
            "the value must be {wanted} ({rule})",
        ),
        ProblemCode.PEPPOL_REFERENCE: (
            "köparens referens eller ett ordernummer ska anges ({rule})",
            "a buyer reference or an order reference must be given ({rule})",
        ),
        ProblemCode.PEPPOL_AMOUNT: (
            "beloppet {given} går inte ihop; det ska vara {wanted} ({rule})",
            "the amount {given} does not add up; it must be {wanted} ({rule})",
        ),
        ProblemCode.PEPPOL_DIGITS: (
            "{given} ska ha {count} siffror ({rule})",
            "{given} must have {count} digits ({rule})",
        ),
        ProblemCode.PEPPOL_NOT_DIGITS: (
            "{given} ska bara ha siffror ({rule})",
            "{given} must have digits only ({rule})",
        ),
        ProblemCode.PEPPOL_ORG_NUMBER: (
            "{given} är inget giltigt organisationsnummer med tio siffror ({rule})",
            "{given} is not a valid organisation number of ten digits ({rule})",
        ),
        ProblemCode.PEPPOL_PAYMENT_MEANS: (
            "betalningssättet {given} ska vara 30 med kontotypen SE:BANKGIRO eller SE:PLUSGIRO "
            "({rule})",
            "the payment means {given} must be 30 with the branch SE:BANKGIRO or SE:PLUSGIRO "
            "({rule})",
        ),
        ProblemCode.PEPPOL_NEGATIVE_PRICE: (
            "priset {given} får inte vara negativt ({rule})",
            "the price {given} must not be negative ({rule})",
        ),
        ProblemCode.PEPPOL_TAX_TOTAL: (
            "exakt en momssumma med delsummor ska anges ({rule})",
            "exactly one tax total with subtotals must be given ({rule})",
        ),
        ProblemCode.PEPPOL_TAX_SUBTOTAL: (
            "momssatsen {given} % på en rad saknar delsumma ({rule})",
            "the VAT rate {given} % of a line has no subtotal ({rule})",
        ),
        # -- scheduling (issue 19, round 4) ---------------------------------------------------
        ProblemCode.MODULE_NOT_IN_PROGRAM: (
            "modulen {given} ingår inte i programmet; det har {valid}",
            "the module {given} is not in the program; it has {valid}",
        ),
        ProblemCode.LINE_WITHOUT_CALL_OFF: (
            "en rad hör till ett avrop; ange avropet också",
            "a line belongs to a call-off; give the call-off too",
        ),
        ProblemCode.SPAN_NOT_MET: (
            "programmet ska rymmas på {most}, men med den här kalendern behöver modulerna "
            "{span}, {period}",
            "the program must fit in {most}, but with this calendar its modules need {span}, "
            "{period}",
        ),
        ProblemCode.NO_WORKING_DAY: (
            "kalendern har ingen arbetsdag för modul {module} före slutet av {last}",
            "the calendar has no working day for module {module} before the end of {last}",
        ),
        ProblemCode.SESSION_PAST_MIDNIGHT: (
            "modulen {module} ryms inte mellan {start} och midnatt; ett tillfälle slutar "
            "samma dag som det börjar",
            "the module {module} does not fit between {start} and midnight; a session ends on "
            "the day it starts",
        ),
        ProblemCode.EVERY_WEEKS_TOO_SHORT: (
            "{given} mellan tillfällena är kortare än de {days} som modul {module} kräver "
            "efter den förra",
            "{given} between sessions is shorter than the {days} module {module} needs after "
            "the previous one",
        ),
        # -- evaluations (issue 19, round 4) ---------------------------------------------------
        ProblemCode.PERIODS_OVERLAP: (
            "perioderna {first} och {other} överlappar; en jämförelse behöver två skilda perioder",
            "the periods {first} and {other} overlap; a comparison needs two separate periods",
        ),
        ProblemCode.NO_ANSWERS: (
            "det ska finnas minst ett svar",
            "there must be at least one answer",
        ),
        ProblemCode.SCALE_VALUES: (
            "fördelningen ska ha ett antal för varje värde från {least} till {most}",
            "the distribution must have a count for each value from {least} to {most}",
        ),
        ProblemCode.SCALE_MISMATCH: (
            "svar på skalan {given} kan inte slås ihop med svar på skalan {wanted}",
            "answers on the scale {given} cannot be pooled with answers on the scale {wanted}",
        ),
        ProblemCode.NO_ANSWER_OR_COMMENT: (
            "svaret ska ha minst ett betyg eller en kommentar",
            "the response must hold an answer or come with a comment",
        ),
        ProblemCode.INVITED_BELOW_RESPONSES: (
            "{given} inbjudna är färre än de {count} som har svarat",
            "{given} invited is fewer than the {count} who responded",
        ),
        ProblemCode.NOT_A_QUESTION: (
            "frågan {given} finns inte i utvärderingen",
            "the question {given} is not in the evaluation",
        ),
        # delivery (round 5)
        ProblemCode.DELIVERY_OTHER_AGREEMENT: (
            "leveransunderlaget gäller avtal {given}, inte avropsloggens avtal {agreement}",
            "the delivery record is for agreement {given}, not for the ledger's {agreement}",
        ),
        ProblemCode.DELIVERY_UNKNOWN_CALL_OFF: (
            "avropet {given} finns inte i avropsloggen; den har {valid}",
            "the call-off {given} is not in the ledger; it has {valid}",
        ),
        ProblemCode.PROGRAM_NOT_IN_CALL_OFF: (
            "programmet {given} ingår inte i avropet {call_off}; det köper {valid}",
            "the program {given} is not in the call-off {call_off}; it buys {valid}",
        ),
        # replan (round 5)
        ProblemCode.REPLAN_DEADLINE_PASSED: (
            "{unit}, kohort {cohort}: {module} är inte hållen och kan inte hållas före "
            "{deadline}, från {day} med modulernas mellanrum och kalendern",
            "{unit}, cohort {cohort}: {module} has not been held and cannot be held before "
            "{deadline}, from {day} with the gaps between the modules and the calendar",
        ),
        ProblemCode.REPLAN_SPAN_PASSED: (
            "{unit}, kohort {cohort}, började {first} och kan inte hålla {module} inom "
            "programmets längsta tid, {days} dagar, efter {day}",
            "{unit}, cohort {cohort}, started on {first} and cannot hold {module} within the "
            "program's longest span, {days} days, after {day}",
        ),
        ProblemCode.REPLAN_NO_CAPACITY: (
            "Ingen omplanering finns som behåller träffarna före {day}: {count} "
            "(bland dem {unit}, kohort {cohort}, {module}) måste hållas {first}–{last}, men "
            "{resource} räcker bara till {capacity}",
            "No re-plan exists that keeps the sessions before {day}: {count} "
            "(among them {unit}, cohort {cohort}, {module}) must be held {first}–{last}, but "
            "{resource} can only take {capacity}",
        ),
        ProblemCode.REPLAN_NONE_EXISTS: (
            "Ingen omplanering finns som behåller träffarna före {day}: de återstående "
            "träffarna kan inte hållas inom {rules}",
            "No re-plan exists that keeps the sessions before {day}: the remaining sessions "
            "cannot be held within {rules}",
        ),
        # delivery fixes (round 5)
        ProblemCode.SESSION_LISTED_TWICE: (
            "{module} för {cohort} den {day} kl. {start} står redan som {first}; ett tillfälle "
            "anges bara en gång",
            "{module} for {cohort} on {day} at {start} is already listed as {first}; a session "
            "is listed only once",
        ),
        ProblemCode.CANCELLATION_NO_RIGHT: (
            "avtalet ger inte leverantören rätt att ställa in tillfällen",
            "the agreement gives the supplier no right to cancel sessions",
        ),
        ProblemCode.LEDGER_WITHOUT_CALL_OFFS: (
            "avropet {given} finns inte: avropsloggen har inga avrop",
            "the call-off {given} does not exist: the ledger has no call-offs",
        ),
        ProblemCode.SESSION_FORMAT_NOT_MODULES: (
            "modulen {module} har formen {wanted}, så tillfället kan inte ha formen {given}",
            "the module {module} is {wanted}, so the session cannot be {given}",
        ),
        ProblemCode.TIME_FRACTION: (
            "klockslaget {given} har delar av sekunder; skriv det TT:MM",
            "the time {given} has fractions of a second; write it HH:MM",
        ),
        ProblemCode.TIME_IN_GAP: (
            "kl. {given} finns inte den {day}: klockan ställs då fram en timme i Stockholm",
            "{given} does not exist on {day}: the clocks go forward an hour in Stockholm then",
        ),
        ProblemCode.SHARE_NOT_DECIMAL: (
            '{given} är ingen andel; skriv den som text med punkt, till exempel "0.5" för 50 %',
            '{given} is not a share; write it as text with a point, e.g. "0.5" for 50 %',
        ),
        ProblemCode.SHARE_AS_FLOAT: (
            '{given} är ett flyttal; skriv andelen som text, till exempel "0.5" för 50 %',
            '{given} is a float; write the share as text, e.g. "0.5" for 50 %',
        ),
        # rooms (round 5)
        ProblemCode.ROLLOUT_NO_ROOM_FOR_SPLIT: (
            "{unit}: {people} deltagare kan inte delas i kohorter som ryms i den största "
            "lokalen ({seats} platser) med minst {least} per kohort",
            "{unit}: {people} participants cannot be split into cohorts that fit the largest "
            "room ({seats} seats) with at least {least} per cohort",
        ),
        # --- h6-peppol ---
        ProblemCode.PEPPOL_SCHEME: (
            "adresstypen {given} finns inte i Peppols lista över elektroniska adresser ({rule})",
            "the scheme {given} is not in Peppol's list of electronic address schemes ({rule})",
        ),
        ProblemCode.PEPPOL_GLN: (
            "{given} är inget giltigt GLN: kontrollsiffran stämmer inte ({rule})",
            "{given} is not a valid GLN: the check digit is wrong ({rule})",
        ),
        # --- h6-swedish ---
        ProblemCode.LIMIT_DIGITS_AT: (
            "en följd av fler än {limit} siffror (rad {line}, kolumn {column}); så långa tal "
            "läses inte",
            "a run of more than {limit} digits (line {line}, column {column}); numbers that "
            "long are not read",
        ),
        ProblemCode.TOML_TWICE: (
            "dokumentet är inte giltig TOML: en nyckel eller tabell anges två gånger (rad "
            "{line}, kolumn {column}); ta bort den ena",
            "the document is not valid TOML: a key or table is given twice (line {line}, "
            "column {column}); remove one of them",
        ),
        ProblemCode.TOML_UNCLOSED: (
            "dokumentet är inte giltig TOML: en text, lista eller tabell avslutas inte (rad "
            "{line}, kolumn {column})",
            "the document is not valid TOML: a text, list or table is not closed (line "
            "{line}, column {column})",
        ),
        ProblemCode.TOML_BAD_VALUE: (
            "dokumentet är inte giltig TOML: värdet saknas eller kan inte läsas (rad {line}, "
            "kolumn {column}); text skrivs inom citattecken",
            "the document is not valid TOML: the value is missing or cannot be read (line "
            "{line}, column {column}); text is written in quotes",
        ),
        # --- toml dates ---
        ProblemCode.TOML_BAD_DATE: (
            "dokumentet är inte giltig TOML: {given} är inget datum eller klockslag som finns "
            "(rad {line}, kolumn {column})",
            "the document is not valid TOML: {given} is not a date or time that exists (line "
            "{line}, column {column})",
        ),
        ProblemCode.NOT_FINITE: (
            "talet {given} är inte ändligt: ett dokument kan inte innehålla oändliga tal eller "
            "NaN (ett tal som 1e400 är för stort och blir oändligt)",
            "the number {given} is not finite: a document holds no infinity or NaN (a number "
            "such as 1e400 is too large and becomes infinite)",
        ),
        # --- h6-replan ---
        ProblemCode.REPLAN_ROOM_TOO_SMALL: (
            "{unit}, kohort {cohort}, har börjat med {size} deltagare, men ingen lokal som "
            "finns kvar från {day} rymmer dem till {module} (den största har {seats} platser); "
            "en påbörjad kohort delas inte",
            "{unit}, cohort {cohort}, started with {size} participants, but no room left from "
            "{day} takes them for {module} (the largest has {seats} seats); a started cohort "
            "is not split",
        ),
        # --- h7-verify21 ---
        ProblemCode.NONCHARACTER: (
            "texten innehåller {character} (tecken {position}), ett icke-tecken i Unicode som "
            "inte hör hemma i text och inte kan skrivas i XML (en Peppol-faktura)",
            "the text holds {character} (character {position}), a Unicode noncharacter, which "
            "does not belong in text and cannot be written in XML (a Peppol invoice)",
        ),
        ProblemCode.OPTIONS_PAST_LAST_DAY: (
            "optionerna förlänger avtalstiden med {months} månader efter {end}, förbi {last}, "
            "den sista dag som räknas med",
            "the options extend the term by {months} months after {end}, past {last}, the "
            "last day computed with",
        ),
        ProblemCode.TERM_OUT_OF_RANGE: (
            "{day} ligger utanför de dagar ett avtal räknas för, {first} till {last}",
            "{day} is outside the days an agreement is computed for, {first} to {last}",
        ),
        # --- h8-deadlines ---
        ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP: (
            "{unit}: {sessions} som tidigast får hållas {first} och ska hållas före "
            "{deadline} ({module}) ryms inte på {slots} med högst {cohorts} och {away} "
            "i utbildning samtidigt (max_away); enhetens sista dagar hålls inte",
            "{unit}: {sessions} that may be held from {first} and must be held before "
            "{deadline} ({module}) cannot fit in {slots} with at most {cohorts} and {away} "
            "in sessions at once (max_away); its deadlines are not kept",
        ),
        ProblemCode.ROLLOUT_DEADLINES_NOT_KEPT: (
            "{unit}: ingen plan som håller enhetens sista dagar hittades, men ingen regel "
            "visar att de inte kan hållas; de hålls inte",
            "{unit}: no plan that keeps its deadlines was found, though no rule proves them "
            "out of reach; they are not kept",
        ),
        # --- h9-givenup ---
        ProblemCode.ROLLOUT_GIVEN_UP_FIELDS: (
            "{field} anges när, och bara när, en regel visar att enhetens sista dagar inte "
            "kan hållas (proven är true)",
            "{field} is given when, and only when, a rule proves the unit's deadlines out of "
            "reach (proven is true)",
        ),
        # --- h11-late ---
        ProblemCode.AUDIENCE_RECORD_DISAGREES: (
            "publiceringen för {audience} kan inte granskas: det som visats stämmer inte "
            "längre med utvärderingarna ({reason}); inget visas",
            "the publication for {audience} cannot be audited: what was shown no longer "
            "agrees with the evaluations ({reason}); nothing is shown",
        ),
        ProblemCode.AUDIENCE_CATEGORY: (
            "ska vara en kategori och det minsta och största antalet svar i den, till exempel "
            "”top2:5-7” eller ”3:0-2”",
            "must be a category and the least and most answers in it, such as 'top2:5-7' or "
            "'3:0-2'",
        ),
        ProblemCode.AUDIENCE_OUTSIDE_GROUP: (
            "{given} hör inte till gruppen; en siffra räknar bara utvärderingar i sin grupp",
            "{given} is not in the group; a figure adds up evaluations of its group only",
        ),
        ProblemCode.AUDIENCE_HIDDEN_COUNT: (
            "ska utelämnas: siffran är dold (shown är false), så inget antal visades",
            "must be left out: the figure is hidden (shown is false), so no count was shown",
        ),
        # --- main: published decimals ---
        ProblemCode.PUBLISHED_DECIMALS: (
            "ska vara 0 eller 1: ett publicerat medelvärde visas med högst en decimal, så att "
            "ingen dold grupps svar kan räknas fram ur det",
            "must be 0 or 1: a published mean is shown to a tenth at most, so that no hidden "
            "group's answers can be worked out from it",
        ),
        # --- h13-notkept ---
        ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP_FACILITATORS: (
            "{unit}: {sessions} som får hållas tidigast {first} och senast {last}, så att "
            "{module} hålls före {deadline}, behöver {needed}, men de {available} som får "
            "leda dem räcker till högst {capacity} under de dagarna (med veckotak och "
            "frånvaro); enhetens sista dagar hålls inte",
            "{unit}: {sessions} that may be held from {first} to {last}, for {module} to be "
            "held before {deadline}, need {needed}, but the {available} who may lead them "
            "can give at most {capacity} on those days (weekly caps and absences counted); "
            "its deadlines are not kept",
        ),
        ProblemCode.ROLLOUT_DEADLINES_GIVEN_UP_ROOMS: (
            "{unit}: {sessions} på plats som får hållas tidigast {first} och senast {last}, "
            "så att {module} hålls före {deadline}, ryms inte på {slots} i {available}; "
            "enhetens sista dagar hålls inte",
            "{unit}: {sessions} in person that may be held from {first} to {last}, for "
            "{module} to be held before {deadline}, cannot fit in {slots} in {available}; "
            "its deadlines are not kept",
        ),
        ProblemCode.ROLLOUT_GIVEN_UP_OTHER_REASON: (
            "{field} anges bara när skälet (resource) är {resource}",
            "{field} is given only when the reason (resource) is {resource}",
        ),
        # --- main: weeks over the new year ---
        ProblemCode.WEEKS_OVER_NEW_YEAR: (
            "vecka {given} kommer före vecka {first}; veckor över nyår anges som två perioder: "
            "vecka {first}–{end} år {year} och vecka 1–{given} år {next}",
            "week {given} comes before week {first}; weeks over the new year are given as two "
            "periods: weeks {first}–{end} of {year} and weeks 1–{given} of {next}",
        ),
        # --- h15-domain ---
        ProblemCode.TOKEN_EMAIL: (
            "värdet ser ut att innehålla en e-postadress; använd en pseudonym",
            "the value looks like it holds an e-mail address; use a pseudonymous token",
        ),
        ProblemCode.TOKEN_DUPLICATE: (
            "pseudonymen förekommer mer än en gång",
            "the token occurs more than once",
        ),
        ProblemCode.ISSUED_BEFORE_DELIVERY: (
            "fakturadatumet {issued} är före den sista leveransen i fakturaunderlaget "
            "({last}); en faktura för det som levererats kan utfärdas tidigast den dagen",
            "the issue date {issued} is before the last delivery in the invoice basis "
            "({last}); an invoice for what was delivered can be issued on that day at the "
            "earliest",
        ),
        ProblemCode.RANKING_REASON_MISSING: (
            "avropet går genom rangordning till leverantören på plats {rank}; ange varför "
            "de som står före hoppades över (ranking_reason), {valid:något av}",
            "the call-off goes by ranking to the supplier ranked {rank}; state why those "
            "ranked above it were passed over (ranking_reason), {valid:one of}",
        ),
        ProblemCode.RANKING_REASON_FIRST: (
            "avtalets leverantör står först i rangordningen, så ingen hoppades över och inget "
            "skäl ska anges (angivet: {given})",
            "the agreement's supplier is ranked first, so no one was passed over and no "
            "reason is to be given (given: {given})",
        ),
        ProblemCode.RANKING_REASON_NOT_RANKING: (
            "{field} anges bara vid avrop genom rangordning; ett avrop efter förnyad "
            "konkurrensutsättning hoppar inte över någon leverantör",
            "{field} is given only for a call-off by ranking; a call-off after renewed "
            "competition passes over no supplier",
        ),
        # --- h15-windows ---
        ProblemCode.ROLLOUT_WINDOW_AFTER_DEADLINE: (
            "{unit}: självstudierna {module} ska vara klara före {deadline} men kan inte "
            "vara det förrän {due}, eftersom {first} inte får påbörjas före {not_before}",
            "{unit}: self-paced {module} must be due before {deadline} but cannot be due "
            "until {due}, since {first} may not begin before {not_before}",
        ),
        # --- main: review of the invoicing seam ---
        ProblemCode.CALL_OFF_NOT_PLACED: (
            "avropet {reference} har status {status}; bara det som levereras under ett lagt "
            "avrop kan redovisas och faktureras",
            "the call-off {reference} has the status {status}; only what is delivered under a "
            "placed call-off can be recorded and invoiced",
        ),
        ProblemCode.TIME_REPEATED: (
            "kl. {given} inträffar två gånger den {day}: klockan ställs då tillbaka en timme i "
            "Stockholm, och ett leveransunderlag kan inte säga vilken av dem som avses",
            "{given} happens twice on {day}: the clocks go back an hour in Stockholm then, "
            "and a delivery record cannot say which of the two is meant",
        ),
        ProblemCode.SELF_PACED_ON_LINE: (
            "{module} är självstudier som ingen utbildningsledare leder och kan inte dras av "
            "rad {line} ({price_code}, {unit})",
            "{module} is self-paced, led by no facilitator, and cannot draw on line {line} "
            "({price_code}, {unit})",
        ),
        # --- h13-words ---
        ProblemCode.TOML_BARE_DATE: (
            "dokumentet är inte giltig TOML: {given} är inget datum i TOML:s form, där "
            "månad och dag har två siffror var; skriv {written} (rad {line}, kolumn {column})",
            "the document is not valid TOML: {given} is not a date in TOML's form, where the "
            "month and the day have two digits each; write {written} (line {line}, column "
            "{column})",
        ),
        ProblemCode.TOML_BARE_TIME: (
            "dokumentet är inte giltig TOML: {given} är inget klockslag i TOML:s form, där "
            "timmar, minuter och sekunder har två siffror var; skriv {quoted} inom "
            "citattecken eller {written} med sekunder (rad {line}, kolumn {column})",
            "the document is not valid TOML: {given} is not a time in TOML's form, where "
            "hours, minutes and seconds have two digits each; write {quoted} in quotes or "
            "{written} with seconds (line {line}, column {column})",
        ),
        ProblemCode.TOML_EQUALS: (
            "dokumentet är inte giltig TOML: efter en nyckel ska det stå = och värdet, som i "
            'name = "Anna Lindqvist" (rad {line}, kolumn {column})',
            "the document is not valid TOML: a key is followed by = and its value, as in "
            'name = "Anna Lindqvist" (line {line}, column {column})',
        ),
        ProblemCode.TOML_BARE_NUMBER: (
            "dokumentet är inte giltig TOML: {given} är inget tal i TOML, där tal skrivs "
            "utan mellanrum och med decimalpunkt; skriv {written} (rad {line}, kolumn "
            "{column})",
            "the document is not valid TOML: {given} is not a TOML number, which is written "
            "without spaces and with a decimal point; write {written} (line {line}, column "
            "{column})",
        ),
        ProblemCode.ORG_NUMBER_CHARACTERS: (
            "organisationsnumret {number} ska skrivas NNNNNN-NNNN eller som tio siffror i "
            "följd, utan mellanrum och utan annat streck än bindestreck",
            "the organisation number {number} must be written NNNNNN-NNNN or as ten digits "
            "in a row, with no spaces and no dash but a hyphen",
        ),
        ProblemCode.ORG_NUMBER_HYPHEN: (
            "organisationsnumret {number} ska ha sitt bindestreck efter den sjätte siffran, "
            "NNNNNN-NNNN",
            "the organisation number {number} must have its hyphen after the sixth digit, "
            "NNNNNN-NNNN",
        ),
        ProblemCode.CURRENCY_OTHER: (
            "beloppet är i {given}, men ska vara i {currency} som resten av avtalet",
            "the amount is in {given} but must be in {currency} like the rest of the agreement",
        ),
        ProblemCode.PRICE_NOT_FIXED_LIST: (
            "à-priset {price} för {price_code} ska vara listpriset {listed}; bara ett avrop "
            "efter förnyad konkurrensutsättning får egna priser",
            "the unit price {price} for {price_code} must be the list price {listed}; only a "
            "call-off after renewed competition has its own prices",
        ),
        ProblemCode.PRICE_ABOVE_FIXED_LIST: (
            "à-priset {price} för {price_code} är högre än listpriset {listed}",
            "the unit price {price} for {price_code} is above the list price {listed}",
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


class ReplanRule(Labelled, enum.Enum):
    """A rule a re-plan is held to, named in ``replan-not-found`` and ``replan-none-exists``.

    The refusal lists only the rules the rollout has (a unit without deadlines has no last
    day, a program without ``max_span_days`` no longest time), as a list in the reader's
    language.

    Examples:
        >>> ReplanRule.SPAN.label(), ReplanRule.SPAN.label("en_GB")
        ('programmets längsta tid', "the program's longest span")
    """

    OWN_DEADLINE = "own-deadline"
    DEADLINES = "deadlines"
    GAPS = "gaps"
    SPAN = "span"
    TIMES = "times"

    def _labels(self) -> Words[ReplanRule]:
        return _REPLAN_RULES


_REPLAN_RULES: Final = Words(
    {
        ReplanRule.OWN_DEADLINE: ("sin sista dag", "its deadline"),
        ReplanRule.DEADLINES: ("sista dagarna", "the deadlines"),
        ReplanRule.GAPS: ("modulernas mellanrum", "the gaps between the modules"),
        ReplanRule.SPAN: ("programmets längsta tid", "the program's longest span"),
        ReplanRule.TIMES: (
            "utbildningsledarnas och lokalernas tider",
            "the facilitators' and rooms' times",
        ),
    },
    keys=ReplanRule,
)


# --- h10-replan-ux ---


@attrs.frozen(kw_only=True)
class Seating(Labelled):
    r"""Rooms that take a cohort of a size, counted: those a ``replan-no-capacity`` counts.

    Examples:
        >>> Seating(rooms=1, seats=40).label(), Seating(rooms=2, seats=30).label("en_GB")
        ('1 lokal med plats för minst 40 deltagare', '2 rooms seating at least 30')
    """

    rooms: int
    seats: int

    def label(self, locale: str = DEFAULT_LOCALE) -> str:
        """``"2 lokaler med plats för minst 30 deltagare"``: the rooms and the size they take."""
        rooms = Counted(number=self.rooms, thing="room").label(locale)
        seats = format_decimal(self.seats, locale=babel_locale(locale))
        return _SEATING.format("rooms", locale, rooms=rooms, seats=seats)


_SEATING: Final = Words(
    {
        "rooms": (
            "{rooms} med plats för minst {seats} deltagare",
            "{rooms} seating at least {seats}",
        ),
    }
)
