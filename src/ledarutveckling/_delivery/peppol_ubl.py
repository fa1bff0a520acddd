"""The Peppol BIS Billing 3.0 (UBL 2.1) names both directions share (private).

The specification and process identifiers, the UBL namespaces, the identifier schemes and how
a number is written: ``peppol.py`` writes with them, ``peppol_check.py`` reads back with them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from ledarutveckling._base.money import EXACT

__all__ = [
    "CAC",
    "CBC",
    "CENT",
    "CUSTOMIZATION",
    "GLN_SCHEME",
    "ORGANISATION_SCHEME",
    "PROFILE",
    "ROOT_NAMESPACES",
    "plain_number",
]


CUSTOMIZATION: Final = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
"""BT-24, the specification identifier of Peppol BIS Billing 3.0 (PEPPOL-EN16931-R004)."""


PROFILE: Final = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
"""BT-23, the business process: billing (PEPPOL-EN16931-R001, R007)."""


ROOT_NAMESPACES: Final = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "CreditNote": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}
CAC: Final = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC: Final = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


ORGANISATION_SCHEME: Final = "0007"
"""The electronic address scheme of a Swedish organisation number (ISO 6523 ICD 0007)."""


GLN_SCHEME: Final = "0088"
"""The scheme of a GS1 Global Location Number (ISO 6523 ICD 0088)."""


CENT: Final = Decimal("0.01")


def plain_number(value: Decimal) -> str:
    """A quantity or price without exponent or trailing zeros past what it needs."""
    return format(value.normalize(context=EXACT), "f")
