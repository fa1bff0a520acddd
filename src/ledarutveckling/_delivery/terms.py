"""The delivery terms live with the agreement that states them (private re-export).

:class:`DeliveryTerms` is part of :class:`~ledarutveckling.FrameworkAgreement`
(``delivery_terms``), so it is written in :mod:`._procurement.terms`; it is re-exported here,
where the delivery code has imported it from.
"""

from __future__ import annotations

from ledarutveckling._procurement.terms import DeliveryTerms

__all__ = ["DeliveryTerms"]
