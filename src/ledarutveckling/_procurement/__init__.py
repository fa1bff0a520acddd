"""Procurement: parties, offerings, catalogue, agreement, call-offs, ledger.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._procurement import (
    agreement,
    calloff,
    catalogue,
    ledger,
    offerings,
    parties,
    quoting,
    status,
    terms,
)

publish(
    "ledarutveckling",
    agreement.CallOffMethod,
    agreement.ExtensionOption,
    agreement.FrameworkAgreement,
    agreement.IndexAdjustment,
    agreement.Indexation,
    agreement.PriceItem,
    agreement.PriceList,
    agreement.PriceUnit,
    calloff.CallOff,
    calloff.CallOffLine,
    calloff.RankingReason,
    status.CallOffStatus,
    quoting.Quote,
    status.StatusChange,
    quoting.quote,
    catalogue.Catalogue,
    ledger.AgreementLedger,
    offerings.BlendPart,
    offerings.DeliveryFormat,
    offerings.Module,
    offerings.Program,
    offerings.ProgramKind,
    offerings.ServiceArea,
    offerings.TargetGroup,
    parties.OrderingUnit,
    parties.OrderingUnitKind,
    parties.Organisation,
    terms.DeliveryTerms,
)
