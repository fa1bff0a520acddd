r"""ledarutveckling: leader and employee development under Swedish public framework agreements.

The public API is re-exported here; the topic modules :mod:`ledarutveckling.formatting` and
:mod:`ledarutveckling.errors` are public too. Everything in a module whose name starts with an
underscore is private.

Examples:
    >>> from ledarutveckling import DateRange, Money
    >>> from ledarutveckling.formatting import format_date_range, format_money
    >>> format_money(Money.sek("12500").with_vat())
    '15\xa0625\xa0kr'
    >>> format_date_range(DateRange.from_iso("2026-11-27", "2026-12-03"))
    '27 november–3 december 2026'
"""

from importlib.metadata import version as _version

from ledarutveckling._agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
    IndexAdjustment,
    Indexation,
    PriceItem,
    PriceList,
    PriceUnit,
)
from ledarutveckling._analysis import (
    LOWEST_MINIMUM_RESPONDENTS,
    MINIMUM_RESPONDENTS,
    Breakdown,
    Change,
    Comparison,
    Dimension,
    Direction,
    GroupSummary,
    LevelSummary,
    Magnitude,
    NetPromoterScore,
    QuestionSummary,
    ReturnOnInvestment,
    Statistics,
    Suppression,
    breakdown,
    compare,
    compare_periods,
    summarise,
    t_critical_95,
)
from ledarutveckling._calendar import (
    Blackout,
    WorkingCalendar,
)
from ledarutveckling._calloff import (
    CallOff,
    CallOffLine,
    CallOffStatus,
    Quote,
    StatusChange,
    quote,
)
from ledarutveckling._catalogue import (
    Catalogue,
)
from ledarutveckling._daterange import (
    DateRange,
)
from ledarutveckling._evaluation import (
    Evaluation,
    EvaluationSubject,
    FollowUpMeeting,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)
from ledarutveckling._ical import (
    to_ical,
)
from ledarutveckling._ledger import (
    AgreementLedger,
)
from ledarutveckling._money import (
    SWEDISH_VAT_RATE,
    Money,
)
from ledarutveckling._offerings import (
    BlendPart,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._parties import (
    OrderingUnit,
    OrderingUnitKind,
    Organisation,
)
from ledarutveckling._sessions import (
    Conflict,
    ConflictKind,
    Session,
    find_conflicts,
    schedule_cohort,
)
from ledarutveckling.errors import (
    MISSING,
    CurrencyMismatchError,
    LedarutvecklingError,
    Problem,
    ValidationError,
)

__version__ = _version("ledarutveckling")

__all__ = [
    "LOWEST_MINIMUM_RESPONDENTS",
    "MINIMUM_RESPONDENTS",
    "MISSING",
    "SWEDISH_VAT_RATE",
    "AgreementLedger",
    "Blackout",
    "BlendPart",
    "Breakdown",
    "CallOff",
    "CallOffLine",
    "CallOffMethod",
    "CallOffStatus",
    "Catalogue",
    "Change",
    "Comparison",
    "Conflict",
    "ConflictKind",
    "CurrencyMismatchError",
    "DateRange",
    "DeliveryFormat",
    "Dimension",
    "Direction",
    "Evaluation",
    "EvaluationSubject",
    "ExtensionOption",
    "FollowUpMeeting",
    "FrameworkAgreement",
    "GroupSummary",
    "IndexAdjustment",
    "Indexation",
    "KirkpatrickLevel",
    "LedarutvecklingError",
    "LevelSummary",
    "Magnitude",
    "Module",
    "Money",
    "NetPromoterScore",
    "OrderingUnit",
    "OrderingUnitKind",
    "Organisation",
    "PriceItem",
    "PriceList",
    "PriceUnit",
    "Problem",
    "Program",
    "ProgramKind",
    "Question",
    "QuestionSummary",
    "Quote",
    "Response",
    "ReturnOnInvestment",
    "Scale",
    "ServiceArea",
    "Session",
    "Statistics",
    "StatusChange",
    "Suppression",
    "TargetGroup",
    "ValidationError",
    "WorkingCalendar",
    "__version__",
    "breakdown",
    "compare",
    "compare_periods",
    "find_conflicts",
    "quote",
    "schedule_cohort",
    "summarise",
    "t_critical_95",
    "to_ical",
]
