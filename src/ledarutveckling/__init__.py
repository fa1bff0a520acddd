r"""ledarutveckling: leader and employee development under Swedish public framework agreements.

The public API is re-exported here; the topic modules :mod:`ledarutveckling.formatting`,
:mod:`ledarutveckling.serialization` and :mod:`ledarutveckling.errors` are public too.
Everything in a module whose name starts with an underscore is private.

Example:
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
from ledarutveckling._calloff import (
    CallOff,
    CallOffLine,
    CallOffStatus,
    Quote,
    StatusChange,
    quote,
)
from ledarutveckling._catalogue import Catalogue
from ledarutveckling._daterange import DateRange
from ledarutveckling._ledger import AgreementLedger
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
from ledarutveckling._parties import OrderingUnit, OrderingUnitKind, Organisation
from ledarutveckling.errors import (
    MISSING,
    CurrencyMismatchError,
    LedarutvecklingError,
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

__version__ = _version("ledarutveckling")

__all__ = [
    "MISSING",
    "SWEDISH_VAT_RATE",
    "AgreementLedger",
    "BlendPart",
    "CallOff",
    "CallOffLine",
    "CallOffMethod",
    "CallOffStatus",
    "Catalogue",
    "CurrencyMismatchError",
    "DateRange",
    "DeliveryFormat",
    "ExtensionOption",
    "FrameworkAgreement",
    "IndexAdjustment",
    "Indexation",
    "LedarutvecklingError",
    "Module",
    "Money",
    "OrderingUnit",
    "OrderingUnitKind",
    "Organisation",
    "PriceItem",
    "PriceList",
    "PriceUnit",
    "Problem",
    "Program",
    "ProgramKind",
    "Quote",
    "ServiceArea",
    "StatusChange",
    "TargetGroup",
    "ValidationError",
    "__version__",
    "dump",
    "from_dict",
    "from_json",
    "from_toml",
    "load",
    "quote",
    "to_dict",
    "to_json",
    "to_toml",
]
