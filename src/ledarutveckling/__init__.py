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

from ledarutveckling._calendar import Blackout, WorkingCalendar
from ledarutveckling._daterange import DateRange
from ledarutveckling._ical import to_ical
from ledarutveckling._money import SWEDISH_VAT_RATE, Money
from ledarutveckling._offerings import (
    BlendPart,
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._rollout import (
    BindingResource,
    Facilitator,
    LowerBound,
    RolloutPlan,
    RolloutSession,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
    check_rollout,
    plan_rollout,
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
    "MISSING",
    "SWEDISH_VAT_RATE",
    "BindingResource",
    "Blackout",
    "BlendPart",
    "Conflict",
    "ConflictKind",
    "CurrencyMismatchError",
    "DateRange",
    "DeliveryFormat",
    "Facilitator",
    "LedarutvecklingError",
    "LowerBound",
    "Module",
    "Money",
    "Problem",
    "Program",
    "ProgramKind",
    "RolloutPlan",
    "RolloutSession",
    "RolloutUnit",
    "Room",
    "ServiceArea",
    "Session",
    "SessionSlot",
    "TargetGroup",
    "ValidationError",
    "WorkingCalendar",
    "WorkingDays",
    "__version__",
    "check_rollout",
    "find_conflicts",
    "plan_rollout",
    "schedule_cohort",
    "to_ical",
]
