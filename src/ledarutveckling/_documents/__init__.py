"""Documents: the converter, its hooks, the registry of kinds, text I/O, requests.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._documents import delivery, limits, registry, requests

publish(
    "ledarutveckling.serialization",
    delivery.DeliveryRecord,
    delivery.HeldSession,
    delivery.SellerDetails,
    limits.Limits,
    registry.DocumentKind,
    requests.BlackoutWeeks,
    requests.CalendarRequest,
    requests.CohortRequest,
    requests.RolloutRequest,
    requests.ScheduleRequest,
)
