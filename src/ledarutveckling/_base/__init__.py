"""Base values shared by every domain: money, dates, checks, labels, optional imports.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base import checks, dates, messages, money
from ledarutveckling._base.public import publish

publish(
    "ledarutveckling",
    checks.ReadOnlyMapping,
    dates.DateRange,
    messages.ProblemCode,
    money.Money,
)
