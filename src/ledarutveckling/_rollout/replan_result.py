"""What a re-plan changed (private): :class:`Replan` and :class:`ResizedCohort`.

:func:`_compare` sorts the new plan's sessions against the previous plan's into held, kept,
moved, added and cancelled, and names the cohorts whose size changed; :class:`Replan` holds
that and says it in Swedish or English. The re-plan itself is
:func:`~ledarutveckling._rollout.replan.replan`.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Words
from ledarutveckling._base.messages import Counted
from ledarutveckling._rollout.plan import RolloutPlan, RolloutSession
from ledarutveckling._rollout.replan_board import _key, midnight, same_session
from ledarutveckling.formatting import format_date, format_number, format_time

if TYPE_CHECKING:  # the completion is imported by the first re-plan that needs one
    pass

__all__ = ["Replan", "ResizedCohort"]


def _sessions(value: Iterable[RolloutSession]) -> tuple[RolloutSession, ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def _moves(
    value: Iterable[tuple[RolloutSession, RolloutSession]],
) -> tuple[tuple[RolloutSession, RolloutSession], ...]:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class ResizedCohort:
    """A cohort that a re-plan gave another number of participants (:attr:`Replan.resized`).

    A unit whose headcount changed, or that is split anew within the rooms left, before its
    first session, can keep its cohorts' numbers with other sizes: people then move between
    cohorts (from cohorts 1–3 of 40 to a new cohort 4 when they become cohorts of 30),
    although the sessions' invitations stay as they were.

    Attributes:
        unit: The unit's name.
        cohort: The cohort's number within its unit.
        before: Its participants in the previous plan.
        after: Its participants in the new plan.

    Raises:
        ValidationError: Listing every field that breaks a rule: *unit* a name (text), the
            others whole numbers of at least 1 (a saved result is read back through them).

    Examples:
        >>> ResizedCohort(unit="Trafikkontoret", cohort=1, before=40, after=30)
        ResizedCohort(unit='Trafikkontoret', cohort=1, before=40, after=30)
    """

    unit: str
    cohort: int
    before: int
    after: int

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("unit", self.unit)
        for name in ("cohort", "before", "after"):
            checks.integer(name, getattr(self, name), minimum=1)
        checks.done()


@attrs.frozen(kw_only=True)
class Replan:
    """The result of :func:`replan`: the new plan and what changed from the previous one.

    Every session of the previous plan is in exactly one of *held*, *kept*, *moved* (as the
    pair ``(before, after)``) and *cancelled*; every session of the new plan is held, kept,
    the ``after`` of a move, or *added*. These sort the sessions by their invitations (day,
    slot, facilitators and room); a cohort whose number of participants changed is listed
    in *resized* as well, its sessions kept when their invitations did not change.

    Attributes:
        plan: The new plan.
        previous: The plan it replaces.
        today: The first day sessions could change; sessions before it were held.
        held: Sessions before *today*, untouched.
        kept: Later sessions whose invitations are unchanged (same day, slot, facilitators
            and room), the cohort's size perhaps not (see *resized*).
        moved: Later sessions changed, each as ``(before, after)``.
        added: Sessions the previous plan did not have (a new cohort).
        cancelled: Sessions of the previous plan the new one does not have.
        resized: The cohorts of both plans whose number of participants changed, one
            :class:`ResizedCohort` each, in the order of the new plan's units, then by cohort;
            a cohort that only one plan has is in *added* or *cancelled* only. Left out of
            saved documents while empty, so results saved before it existed read as before.
        fallback: Whether the minimal-change re-plan failed and the unheld sessions were
            planned again from scratch (see :func:`replan`).
    """

    plan: RolloutPlan
    previous: RolloutPlan
    today: pendulum.Date
    held: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    kept: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    moved: tuple[tuple[RolloutSession, RolloutSession], ...] = attrs.field(converter=_moves)
    added: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    cancelled: tuple[RolloutSession, ...] = attrs.field(converter=_sessions)
    # Added after results were first saved: left out of documents while empty (the
    # converter's OMIT_IF_DEFAULT), so saved results read and write as before.
    resized: tuple[ResizedCohort, ...] = attrs.field(
        default=(), converter=as_tuple, metadata={"ledarutveckling.omit_if_default": True}
    )
    fallback: bool = False

    @property
    def changes(self) -> int:
        """How many sessions were moved, added or cancelled (0: nothing to send).

        These are the invitations to send: a cohort's new size alone (:attr:`resized`) is
        not among them, since an invitation does not carry it. Nothing changed at all when
        this is 0 and :attr:`resized` is empty.
        """
        return len(self.moved) + len(self.added) + len(self.cancelled)

    @property
    def new_cohorts(self) -> tuple[tuple[str, int, int], ...]:
        """The cohorts only the new plan has, as ``(unit, cohort, size)``.

        In the order of the new plan's units, then by number: those whose sessions are all
        in :attr:`added` (the previous plan had none of theirs).
        """
        old = {(s.unit, s.cohort) for s in self.previous.sessions}
        sizes: dict[tuple[str, int], int] = {}
        for s in self.added:
            if (s.unit, s.cohort) not in old:
                sizes.setdefault((s.unit, s.cohort), s.size)
        rank = {unit.name: index for index, unit in enumerate(self.plan.rollout.units)}
        return tuple(
            (unit, cohort, size)
            for (unit, cohort), size in sorted(
                sizes.items(), key=lambda k: (rank[k[0][0]], k[0][1])
            )
        )

    def summary(self, locale: str = DEFAULT_LOCALE) -> str:
        """What changed, for people, Swedish by default.

        The counts of sessions (and, after a semicolon, of the cohorts resized, when there
        are any: they are cohorts, not sessions, and their sessions are counted as they
        are, most often unchanged), the last day before and after, then a line per cohort
        resized (``Trafikkontoret, kohort 1: 40 → 30 deltagare``), per new cohort with its
        size (``Trafikkontoret, kohort 4: ny kohort med 30 deltagare``), and per session moved,
        added and cancelled (a self-paced module's window is not a session and is not
        listed).

        Examples:
            See the how-to "Re-plan when something changes" in docs/rollout.md.
        """
        words = _WORDS.texts(locale)
        count = {
            name: words[name if len(getattr(self, name)) == 1 else f"{name}_n"].format(
                n=format_number(len(getattr(self, name)), locale=locale)
            )
            for name in ("held", "kept", "moved", "added", "cancelled")
        }
        resized = ""
        if self.resized:
            cohorts = Counted(number=len(self.resized), thing="cohort").label(locale)
            resized = words["resized"].format(cohorts=cohorts)
        lines = [
            words["head"].format(
                today=format_date(self.today, locale=locale), resized=resized, **count
            ),
            words["end"].format(
                before=format_date(self.previous.end_date, locale=locale),
                after=format_date(self.plan.end_date, locale=locale),
            ),
        ]
        if self.fallback:
            lines.append(words["fallback"])
        for cohort in self.resized:
            lines.append(
                words["resize"].format(
                    unit=cohort.unit,
                    cohort=cohort.cohort,
                    before=format_number(cohort.before, locale=locale),
                    after=Counted(number=cohort.after, thing="participant").label(locale),
                )
            )
        for unit, number, size in self.new_cohorts:
            lines.append(
                words["new_cohort"].format(
                    unit=unit,
                    cohort=number,
                    size=Counted(number=size, thing="participant").label(locale),
                )
            )
        for before, after in self.moved:
            lines.append(
                words["move"].format(
                    unit=before.unit,
                    cohort=before.cohort,
                    module=before.module,
                    change=_change(before, after, locale),
                )
            )
        for session in self.added:
            lines.append(
                words["add"].format(
                    unit=session.unit,
                    cohort=session.cohort,
                    module=session.module,
                    after=format_date(session.date, locale=locale),
                    who=", ".join(session.facilitators),
                )
            )
        for session in self.cancelled:
            lines.append(
                words["cancel"].format(
                    unit=session.unit,
                    cohort=session.cohort,
                    module=session.module,
                    before=format_date(session.date, locale=locale),
                )
            )
        return "\n".join(lines)


_WORDS: Final = Words(
    {
        "head": (
            "Omplanering från {today}: {held}, {kept}, {moved}, {added}, {cancelled}{resized}.",
            "Re-plan from {today}: {held}, {kept}, {moved}, {added}, {cancelled}{resized}.",
        ),
        "resized": ("; {cohorts} med ny storlek", "; {cohorts} resized"),
        "resize": (
            "{unit}, kohort {cohort}: {before} → {after}",
            "{unit}, cohort {cohort}: {before} → {after}",
        ),
        "new_cohort": (
            "{unit}, kohort {cohort}: ny kohort med {size}",
            "{unit}, cohort {cohort}: new cohort of {size}",
        ),
        "held": ("{n} träff redan hållen", "{n} session already held"),
        "held_n": ("{n} träffar redan hållna", "{n} sessions already held"),
        "kept": ("{n} oförändrad", "{n} unchanged"),
        "kept_n": ("{n} oförändrade", "{n} unchanged"),
        "moved": ("{n} flyttad", "{n} moved"),
        "moved_n": ("{n} flyttade", "{n} moved"),
        "added": ("{n} tillagd", "{n} added"),
        "added_n": ("{n} tillagda", "{n} added"),
        "cancelled": ("{n} inställd", "{n} cancelled"),
        "cancelled_n": ("{n} inställda", "{n} cancelled"),
        "end": (
            "Sista träffen var {before}, blir {after}.",
            "The last session was {before}, becomes {after}.",
        ),
        "fallback": (
            "Det gick inte att behålla de senare träffarna: alla som inte hållits är planerade "
            "på nytt.",
            "The later sessions could not be kept: every session not yet held is planned anew.",
        ),
        "move": (
            "{unit}, kohort {cohort}, {module}: {change}",
            "{unit}, cohort {cohort}, {module}: {change}",
        ),
        "when": ("{before} → {after}", "{before} → {after}"),
        "at": ("{day} kl. {before} → {after}", "{day} at {before} → {after}"),
        "moment": ("{day} kl. {time}", "{day} at {time}"),
        "who": ("utbildningsledare {before} → {after}", "facilitators {before} → {after}"),
        "room": ("lokal {before} → {after}", "room {before} → {after}"),
        "no_room": ("ingen lokal", "no room"),
        "add": (
            "{unit}, kohort {cohort}, {module}: ny träff {after} ({who})",
            "{unit}, cohort {cohort}, {module}: new session {after} ({who})",
        ),
        "cancel": (
            "{unit}, kohort {cohort}, {module}: {before} ställs in",
            "{unit}, cohort {cohort}, {module}: {before} cancelled",
        ),
    }
)


def _change(before: RolloutSession, after: RolloutSession, locale: str) -> str:
    """What a move changed, for people.

    The day (with the time, if that changed too), then the facilitators and the room if they
    changed; when the facilitators are the same they follow in brackets.

    Examples:
        >>> import pendulum
        >>> def at(hour: int, day: int = 9, who: str = "Anna", room: str = "Hörsalen"):
        ...     start = pendulum.datetime(2027, 3, day, hour, tz="Europe/Stockholm")
        ...     return RolloutSession(unit="T", cohort=1, size=20, module="M1", start=start,
        ...                           end=start.add(hours=3), facilitators=(who,), room=room)
        >>> _change(at(9, day=8), at(9), "sv_SE")
        '8 mars 2027 → 9 mars 2027 (Anna)'
        >>> _change(at(9), at(13), "sv_SE")
        '9 mars 2027 kl. 09:00 → 13:00 (Anna)'
        >>> _change(at(9, day=8), at(13), "en_GB")
        '8 March 2027 at 09:00 → 9 March 2027 at 13:00 (Anna)'
        >>> _change(at(9), at(9, who="Johan", room="Salen"), "sv_SE")
        'utbildningsledare Anna → Johan; lokal Hörsalen → Salen'
    """
    words = _WORDS.texts(locale)
    parts: list[str] = []
    same_time = before.start.time() == after.start.time() and before.end.time() == after.end.time()
    if before.date != after.date:
        day_before = format_date(before.date, locale=locale)
        day_after = format_date(after.date, locale=locale)
        if not same_time:
            day_before = words["moment"].format(
                day=day_before, time=format_time(before.start, locale=locale)
            )
            day_after = words["moment"].format(
                day=day_after, time=format_time(after.start, locale=locale)
            )
        parts.append(words["when"].format(before=day_before, after=day_after))
    elif not same_time:
        parts.append(
            words["at"].format(
                day=format_date(after.date, locale=locale),
                before=format_time(before.start, locale=locale),
                after=format_time(after.start, locale=locale),
            )
        )
    same_team = sorted(before.facilitators) == sorted(after.facilitators)
    if not same_team:
        parts.append(
            words["who"].format(
                before=", ".join(before.facilitators), after=", ".join(after.facilitators)
            )
        )
    if before.room != after.room:
        parts.append(
            words["room"].format(
                before=before.room or words["no_room"], after=after.room or words["no_room"]
            )
        )
    if not parts:  # only the size or the end: say the day, as the calendar does
        day = format_date(after.date, locale=locale)
        parts.append(words["when"].format(before=day, after=day))
    text = "; ".join(parts)
    if same_team:
        text += f" ({', '.join(after.facilitators)})"
    return text


def _compare(
    previous: RolloutPlan, plan: RolloutPlan, today: pendulum.Date, fallback: bool
) -> Replan:
    old = {_key(s): s for s in previous.sessions}
    new = {_key(s): s for s in plan.sessions}
    held, kept, moved, added = [], [], [], []
    cut = midnight(today)
    for key, session in new.items():
        before = old.get(key)
        if before is None:
            added.append(session)
        elif before.start < cut and same_session(before, session):
            held.append(session)
        elif same_session(before, session):
            kept.append(session)
        else:
            moved.append((before, session))
    cancelled = [s for key, s in old.items() if key not in new]
    return Replan(
        plan=plan,
        previous=previous,
        today=today,
        held=held,
        kept=kept,
        moved=moved,
        added=added,
        cancelled=cancelled,
        resized=_resized(previous, plan),
        fallback=fallback,
    )


def _resized(previous: RolloutPlan, plan: RolloutPlan) -> list[ResizedCohort]:
    """The cohorts of both plans with another size in *plan*, by its units, then by number.

    A cohort has one size (the checker holds it to one), so its sessions' first size is it.
    """
    before: dict[tuple[str, int], int] = {}
    for s in previous.sessions:
        before.setdefault((s.unit, s.cohort), s.size)
    after: dict[tuple[str, int], int] = {}
    for s in plan.sessions:
        after.setdefault((s.unit, s.cohort), s.size)
    rank = {unit.name: index for index, unit in enumerate(plan.rollout.units)}
    return [
        ResizedCohort(unit=unit, cohort=cohort, before=before[unit, cohort], after=size)
        for (unit, cohort), size in sorted(after.items(), key=lambda k: (rank[k[0][0]], k[0][1]))
        if before.get((unit, cohort), size) != size
    ]
