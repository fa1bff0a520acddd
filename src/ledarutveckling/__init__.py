r"""ledarutveckling: leader and employee development under Swedish public framework agreements.

The public API is re-exported here. The topic modules are public too:
:mod:`~ledarutveckling.errors`, :mod:`~ledarutveckling.formatting`,
:mod:`~ledarutveckling.scheduling`, :mod:`~ledarutveckling.serialization`,
:mod:`~ledarutveckling.reports`, :mod:`~ledarutveckling.records`,
:mod:`~ledarutveckling.plots` (extra ``plot``), :mod:`~ledarutveckling.examples` (the bundled
City of Stockholm data) and :mod:`~ledarutveckling.testing` (extra ``testing``). Everything in a
module whose name starts with an underscore is private.

Examples:
    >>> from ledarutveckling import DateRange, Money
    >>> from ledarutveckling.formatting import format_date_range, format_money
    >>> format_money(Money.sek("12500").with_vat())
    '15\xa0625\xa0kr'
    >>> format_date_range(DateRange.from_iso("2026-11-27", "2026-12-03"))
    '27 november\xa0– 3 december 2026'
"""

from ledarutveckling._base.checks import ReadOnlyMapping
from ledarutveckling._base.dates import DateRange
from ledarutveckling._base.messages import ProblemCode
from ledarutveckling._base.money import SWEDISH_VAT_RATE, Money
from ledarutveckling._base.public import publish
from ledarutveckling._delivery.attendance import Attendance, completed
from ledarutveckling._delivery.basis import (
    BasisLine,
    ChargeKind,
    InvoiceBasis,
    VatSubtotal,
    invoice_basis,
)
from ledarutveckling._delivery.invoice import (
    Address,
    Buyer,
    CreditNote,
    Invoice,
    PaymentAccount,
    PaymentScheme,
    Seller,
)
from ledarutveckling._delivery.peppol import to_peppol
from ledarutveckling._delivery.peppol_check import check_peppol
from ledarutveckling._delivery.sessions import check_call_off_sessions
from ledarutveckling._delivery.statement import (
    CallOffStatement,
    StatementRow,
    delivery_statement,
    ledger_statement,
)
from ledarutveckling._delivery.terms import DeliveryTerms
from ledarutveckling._evaluation.anonymity import (
    LOWEST_MINIMUM_RESPONDENTS,
    MINIMUM_RESPONDENTS,
    MINIMUM_TEXT_RESPONDENTS,
    Suppression,
)
from ledarutveckling._evaluation.comparison import (
    Change,
    Comparison,
    Direction,
    Magnitude,
    compare,
    compare_periods,
)
from ledarutveckling._evaluation.disclosure import Audience, Publication, ShownFigure
from ledarutveckling._evaluation.disclosure_words import Measure, Publications
from ledarutveckling._evaluation.group_summary import (
    GroupSummary,
    LevelSummary,
    QuestionSummary,
)
from ledarutveckling._evaluation.late_answers import Disagreement
from ledarutveckling._evaluation.published import EvaluationSet
from ledarutveckling._evaluation.roi import ReturnOnInvestment
from ledarutveckling._evaluation.statistics import (
    NetPromoterScore,
    PublishedStatistics,
    Statistics,
    t_critical_95,
)
from ledarutveckling._evaluation.summaries import (
    Breakdown,
    Dimension,
    breakdown,
    summarise,
)
from ledarutveckling._evaluation.survey import (
    Evaluation,
    EvaluationSubject,
    FollowUpMeeting,
    KirkpatrickLevel,
    Question,
    Response,
    Scale,
)
from ledarutveckling._procurement.agreement import (
    CallOffMethod,
    ExtensionOption,
    FrameworkAgreement,
    IndexAdjustment,
    Indexation,
    PriceItem,
    PriceList,
    PriceUnit,
)
from ledarutveckling._procurement.calloff import CallOff, CallOffLine, RankingReason
from ledarutveckling._procurement.catalogue import Catalogue
from ledarutveckling._procurement.ledger import AgreementLedger
from ledarutveckling._procurement.offerings import (
    BlendPart,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._procurement.parties import OrderingUnit, OrderingUnitKind, Organisation
from ledarutveckling._procurement.quoting import Quote, quote
from ledarutveckling._procurement.status import CallOffStatus, StatusChange
from ledarutveckling._rollout.check import check_rollout
from ledarutveckling._rollout.lower_bound import BindingResource, LowerBound
from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession
from ledarutveckling._rollout.planner import plan_rollout
from ledarutveckling._rollout.problem import (
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling._rollout.replan import Replan, replan
from ledarutveckling._scheduling.calendar import Blackout, WorkingCalendar
from ledarutveckling._scheduling.conflicts import (
    Conflict,
    ConflictKind,
    count_conflicts,
    find_conflicts,
)
from ledarutveckling._scheduling.ical import to_ical, to_ical_update
from ledarutveckling._scheduling.sessions import Session, schedule_cohort
from ledarutveckling._version import __version__
from ledarutveckling.errors import (
    MISSING,
    CurrencyMismatchError,
    LedarutvecklingError,
    NotFoundError,
    Problem,
    ValidationError,
)
from ledarutveckling.serialization import (
    dump,
    from_dict,
    from_json,
    from_toml,
    load,
    to_dict,
    to_json,
    to_toml,
)

__all__ = [
    "LOWEST_MINIMUM_RESPONDENTS",
    "MINIMUM_RESPONDENTS",
    "MINIMUM_TEXT_RESPONDENTS",
    "MISSING",
    "SWEDISH_VAT_RATE",
    "Address",
    "AgreementLedger",
    "Attendance",
    "Audience",
    "BasisLine",
    "BindingResource",
    "Blackout",
    "BlendPart",
    "Breakdown",
    "Buyer",
    "CallOff",
    "CallOffLine",
    "CallOffMethod",
    "CallOffStatement",
    "CallOffStatus",
    "Catalogue",
    "Change",
    "ChargeKind",
    "Comparison",
    "Conflict",
    "ConflictKind",
    "CreditNote",
    "CurrencyMismatchError",
    "DateRange",
    "DeliveryFormat",
    "DeliveryTerms",
    "Dimension",
    "Direction",
    "Disagreement",
    "Evaluation",
    "EvaluationSet",
    "EvaluationSubject",
    "ExtensionOption",
    "Facilitator",
    "FollowUpMeeting",
    "FrameworkAgreement",
    "GroupSummary",
    "IndexAdjustment",
    "Indexation",
    "Invoice",
    "InvoiceBasis",
    "KirkpatrickLevel",
    "LedarutvecklingError",
    "LevelSummary",
    "LowerBound",
    "Magnitude",
    "Measure",
    "Module",
    "Money",
    "NetPromoterScore",
    "NotFoundError",
    "OrderingUnit",
    "OrderingUnitKind",
    "Organisation",
    "PaymentAccount",
    "PaymentScheme",
    "PriceItem",
    "PriceList",
    "PriceUnit",
    "Problem",
    "ProblemCode",
    "Program",
    "ProgramKind",
    "Publication",
    "Publications",
    "PublishedStatistics",
    "Question",
    "QuestionSummary",
    "Quote",
    "RankingReason",
    "ReadOnlyMapping",
    "Replan",
    "Response",
    "ReturnOnInvestment",
    "Rollout",
    "RolloutPlan",
    "RolloutSession",
    "RolloutUnit",
    "Room",
    "Scale",
    "Seller",
    "ServiceArea",
    "Session",
    "SessionSlot",
    "ShownFigure",
    "StatementRow",
    "Statistics",
    "StatusChange",
    "Suppression",
    "TargetGroup",
    "ValidationError",
    "VatSubtotal",
    "WorkingCalendar",
    "WorkingDays",
    "__version__",
    "breakdown",
    "check_call_off_sessions",
    "check_peppol",
    "check_rollout",
    "compare",
    "compare_periods",
    "completed",
    "count_conflicts",
    "delivery_statement",
    "dump",
    "find_conflicts",
    "from_dict",
    "from_json",
    "from_toml",
    "invoice_basis",
    "ledger_statement",
    "load",
    "plan_rollout",
    "quote",
    "replan",
    "schedule_cohort",
    "summarise",
    "t_critical_95",
    "to_dict",
    "to_ical",
    "to_ical_update",
    "to_json",
    "to_peppol",
    "to_toml",
]

publish(__name__, *(globals()[name] for name in __all__))
