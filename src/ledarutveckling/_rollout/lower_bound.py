"""A rollout's lower bound: the day no valid plan can end before, and which resource binds."""

from __future__ import annotations

import enum
from typing import Final

import attrs
import pendulum

from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Words
from ledarutveckling._base.messages import Counted
from ledarutveckling.formatting import format_date, format_number

__all__ = ["BindingResource", "LowerBound"]


class BindingResource(Labelled, enum.Enum):
    """Which resource a lower bound comes from.

    Examples:
        >>> BindingResource.ROOMS.label()
        'lokalerna'
    """

    FACILITATORS = "facilitators"
    """Utbildningsledarna: their sessions per day and week, and their absences."""
    ROOMS = "rooms"
    """Lokalerna: one in-person session per room and slot, for cohorts that fit."""
    CHAIN = "chain"
    """Modulernas ordning: the gaps between modules on the working days of the calendar."""
    AWAY = "away"
    """Personal borta samtidigt: a unit's ``max_away``, so many of its cohorts at once."""

    def _labels(self) -> Words[BindingResource]:
        return _RESOURCE_LABELS


_RESOURCE_LABELS: Final[Words[BindingResource]] = Words(
    {
        BindingResource.FACILITATORS: ("utbildningsledarna", "the facilitators"),
        BindingResource.ROOMS: ("lokalerna", "the rooms"),
        BindingResource.CHAIN: ("modulernas ordning och mellanrum", "the modules' order and gaps"),
        BindingResource.AWAY: ("personal borta samtidigt", "the staff away at once"),
    },
    keys=BindingResource,
)


@attrs.frozen(kw_only=True)
class LowerBound:
    """A date no valid plan can end before, and why.

    Each resource gives its own bound; the plan's bound is the latest of them, or the
    bound from counting the whole plan at once (see *combined*) when that is later still.

    Attributes:
        date: No valid plan's last session is earlier than this day.
        resource: The resource whose bound is *date*.
        first_module: The first module of the run of modules whose demand binds.
        last_module: The last module of that run.
        demand: The sessions that must fit: facilitator-sessions (a session led by two
            facilitators counts twice) or in-person sessions; 0 for the chain.
        facilitators: How many facilitators share the work.
        rooms: How many rooms take the cohorts the bound counts.
        min_size: For rooms: the smallest cohort the bound counts.
        by_resource: Each resource's own bound, from the windows of modules it can serve
            (the whole-plan count is not among them).
        split: When the bound splits the cohorts by when they start: the first day of the
            later group (after a long break in the calendar, such as a summer blackout, or
            the first day of a week). Cohorts that start before it must end within the
            program's span, so the weeks before it cannot all serve cohorts that start
            after it, nor the weeks after it those that start before. ``None`` otherwise.
        combined: Whether the bound comes from counting the whole plan at once: every
            module's sessions in every slot, with the facilitators, the rooms, the gaps
            and the span together (a linear relaxation). It proves more than any one
            resource's window where they bind together; *resource* is then the rooms
            when more rooms would let the count end sooner, else the facilitators.
        whole_cohorts: Whether that count was made in whole cohorts (an integer program)
            rather than in fractions of them, which can prove a later day. The planner
            asks for it only when neither its first list schedule nor a quick search for
            whole counts finds a plan on the bound.
        waiting: Whether the bound counts the sessions that may not be held before their
            units' earliest dates (``RolloutUnit.not_before``, a move) against the capacity
            from those dates on: *demand* is then those sessions'.
        unit: For the staff away (:attr:`BindingResource.AWAY`): the unit whose
            ``max_away`` binds; its sessions (*demand*) are held at most *at_once* at a
            time, each no earlier than its earliest date, and led by those who may lead
            their modules. For the facilitators: the unit whose own sessions of the
            modules *first_module* to *last_module* need more than the *facilitators* who
            may lead one of them can give, whatever its limit on staff away (found by the
            count of that limit; *demand* is then facilitator-sessions, a pair counting
            twice). ``None`` otherwise.
        at_once: For the staff away: the most of the unit's cohorts in sessions at once
            (in the split that needs the fewest slots, so the bound holds for every split).
    """

    date: pendulum.Date
    resource: BindingResource
    first_module: str
    last_module: str
    demand: int
    facilitators: int
    rooms: int
    min_size: int
    by_resource: dict[BindingResource, pendulum.Date] = attrs.field(hash=False)
    split: pendulum.Date | None = None
    combined: bool = False
    whole_cohorts: bool = False
    waiting: bool = attrs.field(default=False, metadata={"ledarutveckling.omit_if_default": True})
    unit: str | None = attrs.field(default=None, metadata={"ledarutveckling.omit_if_default": True})
    at_once: int = attrs.field(default=0, metadata={"ledarutveckling.omit_if_default": True})

    def explain(self, locale: str = DEFAULT_LOCALE) -> str:
        """One line saying which resource binds and why, in *locale* (Swedish by default)."""
        words = _EXPLAIN.texts(locale)
        when = format_date(self.date, locale=locale)
        modules = (
            self.first_module
            if self.first_module == self.last_module
            else f"{self.first_module}–{self.last_module}"
        )
        demand = format_number(self.demand, locale=locale)
        if self.split is not None:
            counted = words["counted_split"].format(after=format_date(self.split, locale=locale))
        else:
            counted = words["counted"]
        if self.waiting:
            counted += words["waiting"]
        if self.combined:
            counted += words["combined"]
            if self.whole_cohorts:
                counted += words["whole_cohorts"]
        gaps = words["gaps"] + counted
        if self.resource is BindingResource.FACILITATORS and self.unit is not None:
            leaders = words["leader" if self.facilitators == 1 else "leaders"]
            skill = words["may_lead" if self.first_module == self.last_module else "may_lead_one"]
            return words["unit_leaders_bind"].format(
                leaders=leaders.format(
                    n=format_number(self.facilitators, locale=locale),
                    skill=skill.format(modules=modules),
                ),
                demand=demand,
                modules=modules,
                unit=self.unit,
                when=when,
                gaps=gaps,
            )
        if self.resource is BindingResource.FACILITATORS:
            people = words["facilitator" if self.facilitators == 1 else "facilitators"]
            return words["facilitators_bind"].format(
                demand=demand,
                modules=modules,
                when=when,
                facilitators=people.format(n=self.facilitators),
                gaps=gaps,
            )
        if self.resource is BindingResource.ROOMS:
            rooms = words["room" if self.rooms == 1 else "rooms"]
            return words["rooms_bind"].format(
                demand=demand,
                modules=modules,
                min_size=self.min_size,
                when=when,
                rooms=rooms.format(n=self.rooms),
                gaps=gaps,
            )
        if self.resource is BindingResource.AWAY:
            return words["away_bind"].format(
                unit=self.unit,
                at_once=Counted(number=self.at_once, thing="cohort").label(locale),
                demand=demand,
                modules=modules,
                when=when,
                gaps=words["leaders_counted"] + counted,
            )
        return words["chain_bind"].format(modules=modules, when=when)


_EXPLAIN: Final = Words(
    {
        "gaps": ("modulernas mellanrum", "the modules' gaps"),
        "counted_split": (
            " medräknade; kohorter som börjar före {after} måste bli klara inom programmets "
            "längsta tid",
            " counted; cohorts that start before {after} must finish within the program's span",
        ),
        "counted": (" medräknade", " counted"),
        "combined": ("; hela planen sedd på en gång", "; the whole plan taken at once"),
        "waiting": (
            "; pass som väntar på enheternas tidigaste datum räknade från dem",
            "; sessions that wait for their units' earliest dates counted from them",
        ),
        "whole_cohorts": (" i hela kohorter", " in whole cohorts"),
        "leaders_counted": (
            "modulernas mellanrum och vilka som får leda dem",
            "the modules' gaps and who may lead them",
        ),
        "leader": ("den enda utbildningsledare som {skill}", "the only facilitator who {skill}"),
        "leaders": ("de {n} utbildningsledare som {skill}", "the {n} facilitators who {skill}"),
        "may_lead": ("får leda {modules}", "may lead {modules}"),
        "may_lead_one": ("får leda någon av {modules}", "may lead one of {modules}"),
        "unit_leaders_bind": (
            "Det är utbildningsledarna som begränsar planen: {leaders} hinner inte leda de "
            "{demand} pass för {modules} som {unit} behöver före {when} (pass per dag och "
            "vecka, frånvaro och {gaps}).",
            "It is the facilitators that limit the plan: {leaders} cannot lead the {demand} "
            "sessions for {modules} that {unit} needs before {when} (sessions per day and "
            "week, absences and {gaps}).",
        ),
        "facilitator": ("{n} utbildningsledare", "{n} facilitator"),
        "facilitators": ("{n} utbildningsledare", "{n} facilitators"),
        "room": ("{n} lokal", "{n} room"),
        "rooms": ("{n} lokaler", "{n} rooms"),
        "facilitators_bind": (
            "Det är utbildningsledarna som begränsar planen: {facilitators} hinner inte leda "
            "{demand} pass för {modules} före {when} (pass per dag och vecka, frånvaro och "
            "{gaps}).",
            "It is the facilitators that limit the plan: {facilitators} cannot lead {demand} "
            "sessions for {modules} before {when} (sessions per day and week, absences and "
            "{gaps}).",
        ),
        "rooms_bind": (
            "Det är lokalerna som begränsar planen: {demand} träffar på plats i {modules} "
            "med kohorter om minst {min_size} deltagare får inte plats i {rooms} före {when} "
            "(en träff per lokal och pass, {gaps}).",
            "It is the rooms that limit the plan: {demand} in-person sessions in {modules} "
            "with cohorts of {min_size} or more do not fit in {rooms} before {when} "
            "(one session per room and slot, {gaps}).",
        ),
        "away_bind": (
            "Det är hur många som får vara borta samtidigt som begränsar planen: {unit} kan "
            "ha högst {at_once} på pass samtidigt och hinner inte hålla sina {demand} pass "
            "för {modules} före {when} ({gaps}).",
            "It is how many staff may be away at once that limits the plan: {unit} can have "
            "at most {at_once} in sessions at once and cannot hold its {demand} sessions for "
            "{modules} before {when} ({gaps}).",
        ),
        "chain_bind": (
            "Det är modulernas ordning som begränsar planen: {modules} med sina mellanrum kan "
            "inte genomföras på arbetsdagar före {when}.",
            "It is the order of the modules that limits the plan: {modules} with their gaps "
            "cannot be held on working days before {when}.",
        ),
    }
)
