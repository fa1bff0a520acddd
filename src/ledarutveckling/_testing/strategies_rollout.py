"""Hypothesis strategies for rollouts (private; public in ledarutveckling.testing)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
from hypothesis import assume
from hypothesis import strategies as st

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import DateRange
from ledarutveckling._procurement.offerings import (
    DeliveryFormat,
    Module,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.planner import plan_rollout
from ledarutveckling._rollout.problem import (
    Facilitator,
    Rollout,
    RolloutUnit,
    Room,
    SessionSlot,
    WorkingDays,
)
from ledarutveckling._scheduling.calendar import WorkingCalendar

__all__ = ["RolloutInstance", "rollout_instances"]


_SLOTS = (
    SessionSlot(start=dt.time(9), end=dt.time(12)),
    SessionSlot(start=dt.time(13), end=dt.time(16)),
)


_UNITS = (
    "Trafikkontoret",
    "Exploateringskontoret",
    "Stadsbyggnadskontoret",
    "Miljöförvaltningen",
)


_PEOPLE = ("Anna Lindqvist", "Erik Johansson", "Maria Svensson", "Johan Karlsson")


_ROOMS = ("Ekoln", "Mälaren", "Saltsjön")


@attrs.frozen(kw_only=True)
class RolloutInstance:
    """A rollout drawn to be planned: a :class:`~ledarutveckling.scheduling.Rollout`.

    Its fields read through the instance too (``instance.program``, ``instance.units``,
    ``instance.facilitators``, ``instance.rooms``, ``instance.calendar``,
    ``instance.slots``, ``instance.start``).

    Attributes:
        rollout: The rollout: units and their headcounts, facilitators with caps and
            absences, rooms that take the largest cohort, the Swedish working calendar,
            the slots of a day and the first day sessions may be held.
    """

    rollout: Rollout

    @property
    def program(self) -> Program:
        """The program every cohort takes."""
        return self.rollout.program

    @property
    def units(self) -> tuple[RolloutUnit, ...]:
        """The units and their headcounts."""
        return self.rollout.units

    @property
    def facilitators(self) -> tuple[Facilitator, ...]:
        """Who can lead sessions, with caps and absences."""
        return self.rollout.facilitators

    @property
    def rooms(self) -> tuple[Room, ...]:
        """Rooms that take the largest cohort."""
        return self.rollout.rooms

    @property
    def calendar(self) -> WorkingDays:
        """The Swedish working calendar."""
        return self.rollout.calendar

    @property
    def slots(self) -> tuple[SessionSlot, ...]:
        """The bookable slots of a day."""
        return self.rollout.slots

    @property
    def start(self) -> pendulum.Date:
        """The first day sessions may be held."""
        return self.rollout.start

    def arguments(self) -> dict[str, Any]:
        """The rollout as keyword arguments for ``plan_rollout`` (optional fields if set)."""
        fields = {field.name: getattr(self.rollout, field.name) for field in attrs.fields(Rollout)}
        if fields["cohort_size"] is None:
            del fields["cohort_size"]
        if fields["self_paced_days"] == attrs.fields(Rollout).self_paced_days.default:
            del fields["self_paced_days"]
        return fields

    def plan(self) -> RolloutPlan:
        """Plan it: ``plan_rollout(self.rollout)``."""
        return plan_rollout(self.rollout)


def _module(code: str, fmt: DeliveryFormat, gap: int, facilitators: int) -> Module:
    hours = 3 if fmt.needs_room else 2
    fields: dict[str, Any] = {
        "code": code,
        "title": f"Aktivitetsbaserat arbetssätt, del {code[1:]}",
        "duration": pendulum.duration(hours=hours),
        "format": fmt,
        "facilitators": facilitators,
        "min_days_after_previous": gap,
    }
    return Module(**fields)


def rollout_instances(
    *, starts_within: DateRange | None = None
) -> st.SearchStrategy[RolloutInstance]:
    """Rollouts that can be planned: one to three units, two to four facilitators, rooms.

    The program has one to three modules of two or three hours (in person or digital) that
    fit the slots, a cohort size between 4 and 16, and sometimes a span limit that leaves
    room; facilitators have daily and weekly caps and an absence; every room takes the
    largest cohort; headcounts split into cohorts within the size range. No unit has a
    deadline, so :meth:`RolloutInstance.plan` finds a plan that breaks no rule.

    Args:
        starts_within: Where the start day falls (January to October 2027 by default).

    Raises:
        ValidationError: If *starts_within* is not a DateRange.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=3, deadline=None)
        ... @given(rollout_instances())
        ... def test_a_plan_breaks_no_rule(instance):
        ...     assert instance.plan().problems() == ()
        >>> test_a_plan_breaks_no_rule()
    """
    checks = Checker()
    if starts_within is not None:
        checks.instance("starts_within", starts_within, DateRange, "a DateRange or None")
    checks.done()
    period = starts_within or DateRange.from_iso("2027-01-04", "2027-10-31")

    @st.composite
    def build(draw: st.DrawFn) -> RolloutInstance:
        smallest = draw(st.integers(4, 10))
        largest = draw(st.integers(smallest, 16))
        formats = [DeliveryFormat.IN_PERSON, DeliveryFormat.DIGITAL]
        modules = tuple(
            _module(
                f"M{i + 1}",
                draw(st.sampled_from(formats)),
                draw(st.integers(0, 10)) if i else 0,
                draw(st.integers(1, 2)),
            )
            for i in range(draw(st.integers(1, 3)))
        )
        needed = sum(m.min_days_after_previous for m in modules)
        span = draw(st.one_of(st.none(), st.integers(needed + 14, 90)))
        program = Program(
            code="ABW",
            title="Flytt till aktivitetsbaserat kontor",
            service_area=ServiceArea.EMPLOYEESHIP,
            target_group=TargetGroup.ALL_STAFF,
            kind=ProgramKind.SHORT_INTERVENTION,
            modules=modules,
            cohort_size=(smallest, largest),
            max_span_days=span,
        )
        units = []
        for name in _UNITS[: draw(st.integers(1, 3))]:
            cohorts = draw(st.integers(1, 8))
            headcount = draw(st.integers(cohorts * smallest, cohorts * largest))
            assume(-(-headcount // largest) * smallest <= headcount)
            units.append(RolloutUnit(name=name, headcount=headcount))
        start = period.start.add(days=draw(st.integers(0, period.days - 1)))
        facilitators = []
        for name in _PEOPLE[: draw(st.integers(2, 4))]:
            away = start.add(days=draw(st.integers(0, 60)))
            facilitators.append(
                Facilitator(
                    name=name,
                    max_sessions_per_day=draw(st.integers(1, 2)),
                    max_sessions_per_week=draw(st.integers(3, 8)),
                    absences=[DateRange(start=away, end=away.add(days=draw(st.integers(0, 13))))],
                )
            )
        rooms = tuple(
            Room(name=name, capacity=draw(st.integers(largest, 30)))
            for name in _ROOMS[: draw(st.integers(1, 3))]
        )
        rollout = Rollout(
            program=program,
            units=units,
            facilitators=facilitators,
            rooms=rooms,
            calendar=WorkingCalendar.sweden(),
            slots=_SLOTS[: draw(st.integers(1, 2))],
            start=start,
        )
        return RolloutInstance(rollout=rollout)

    return build()
