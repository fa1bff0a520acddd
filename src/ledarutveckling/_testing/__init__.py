"""Hypothesis strategies and factories behind :mod:`ledarutveckling.testing`.

Importing any module of the room runs this file first: it imports the modules that define
public objects and publishes those under the face that exports them (``_base/public.py``),
so that they name their public home however they are reached.
"""

from ledarutveckling._base.public import publish
from ledarutveckling._testing import (
    factories,
    strategies_broken,
    strategies_evaluation,
    strategies_procurement,
    strategies_rollout,
    strategies_scheduling,
    strategies_values,
)

publish(
    "ledarutveckling.testing",
    factories.make_agreement,
    factories.make_call_off,
    factories.make_evaluation,
    factories.make_ledger,
    factories.make_module,
    factories.make_ordering_unit,
    factories.make_organisation,
    factories.make_price_list,
    factories.make_program,
    factories.make_session,
    factories.make_supplier,
    factories.method_for,
    strategies_broken.Broken,
    strategies_broken.invalid_agreements,
    strategies_broken.invalid_call_offs,
    strategies_evaluation.evaluations,
    strategies_evaluation.follow_up_meetings,
    strategies_evaluation.questions,
    strategies_evaluation.returns_on_investment,
    strategies_procurement.agreements,
    strategies_procurement.call_offs,
    strategies_procurement.catalogues,
    strategies_procurement.extension_options,
    strategies_procurement.indexations,
    strategies_procurement.ledgers,
    strategies_procurement.modules,
    strategies_procurement.price_lists,
    strategies_procurement.programs,
    strategies_rollout.RolloutInstance,
    strategies_rollout.rollout_instances,
    strategies_scheduling.blackouts,
    strategies_scheduling.sessions,
    strategies_scheduling.working_calendars,
    strategies_values.date_ranges,
    strategies_values.dates,
    strategies_values.money,
    strategies_values.ordering_units,
    strategies_values.org_numbers,
    strategies_values.organisations,
)
