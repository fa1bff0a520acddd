"""Conflicts (krockar) in a plan of sessions: double bookings, days off and module order.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
import sys
from calendar import timegm
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Final, TypeAlias, cast

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Labelled, Language, Words, language
from ledarutveckling._base.messages import Counted, ProblemCode
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._scheduling.calendar import WorkingCalendar, covered_day
from ledarutveckling._scheduling.sessions import Session, _iterable

__all__ = [
    "Conflict",
    "ConflictKind",
    "count_conflicts",
    "find_conflicts",
]


class ConflictKind(Labelled, enum.Enum):
    """What is wrong with a plan (see :func:`find_conflicts`).

    Examples:
        >>> ConflictKind.DAY_OFF.label()
        'ledig dag'
    """

    FACILITATOR = "facilitator"
    """A facilitator leads two sessions that overlap in time."""
    ROOM = "room"
    """One room is booked for two sessions that overlap in time."""
    DAY_OFF = "day_off"
    """A session falls on a day that is not a working day."""
    ORDER = "order"
    """A cohort's later module starts before an earlier module's session has ended."""
    TOO_CLOSE = "too_close"
    """A module comes fewer days after the previous one than its ``min_days_after_previous``."""
    TOO_FEW_FACILITATORS = "too_few_facilitators"
    """A led session names fewer facilitators than its module's ``facilitators`` (none named
    is not a conflict: they are named later)."""

    def _labels(self) -> Words[ConflictKind]:
        return _KIND_LABELS


_KIND_LABELS: Final[Words[ConflictKind]] = Words(
    {
        ConflictKind.FACILITATOR: ("dubbelbokad utbildningsledare", "double-booked facilitator"),
        ConflictKind.ROOM: ("dubbelbokad lokal", "double-booked room"),
        ConflictKind.DAY_OFF: ("ledig dag", "day off"),
        ConflictKind.ORDER: ("moduler i fel ordning", "modules out of order"),
        ConflictKind.TOO_CLOSE: ("för tätt mellan moduler", "modules too close"),
        ConflictKind.TOO_FEW_FACILITATORS: (
            "för få utbildningsledare",
            "too few facilitators",
        ),
    },
    keys=ConflictKind,
)


@attrs.frozen(kw_only=True)
class Conflict:
    """One problem in a plan, found by :func:`find_conflicts`.

    Attributes:
        kind: What kind of problem it is.
        sessions: The sessions involved: two for a clash, ordering or gap (the earlier module's
            first), one for a day off.
        message: A sentence naming every session involved, in the locale asked for.
    """

    kind: ConflictKind
    sessions: tuple[Session, ...]
    message: str

    def __str__(self) -> str:
        return self.message


_TEXTS: Final[Words[ConflictKind]] = Words(
    {
        ConflictKind.FACILITATOR: (
            "{subject} leder två träffar samtidigt: {first} och {second}",
            "{subject} leads two sessions at once: {first} and {second}",
        ),
        ConflictKind.ROOM: (
            "{subject} är bokad för två träffar samtidigt: {first} och {second}",
            "{subject} is booked for two sessions at once: {first} and {second}",
        ),
        ConflictKind.DAY_OFF: (
            "{first} ligger på en ledig dag: {subject}",
            "{first} falls on a day off: {subject}",
        ),
        ConflictKind.ORDER: (
            "{second} börjar innan {first}, som kommer före i programmet, är slut",
            "{second} starts before {first}, which comes earlier in the program, has ended",
        ),
        ConflictKind.TOO_CLOSE: (
            "{second} ligger {subject} efter {first}; modulen kräver minst {required}",
            "{second} is {subject} after {first}; the module requires at least {required}",
        ),
        ConflictKind.TOO_FEW_FACILITATORS: (
            "{first} leds av {subject}; modulen ska ledas av {required}",
            "{first} is led by {subject}; the module must be led by {required}",
        ),
    },
    keys=ConflictKind,
)


# Keyed by plural category (CLDR's "one" and "other" are the only ones Swedish and English use).
_DAYS: Final[Words[str]] = Words(
    {"one": ("{n} dag", "{n} day"), "other": ("{n} dagar", "{n} days")}
)


def _days(count: int, lang: Language) -> str:
    return _DAYS.format("one" if count == 1 else "other", lang, n=count)


def find_conflicts(
    sessions: Iterable[Session],
    calendar: WorkingCalendar | None = None,
    *,
    locale: str = DEFAULT_LOCALE,
    limit: int | None = None,
) -> tuple[Conflict, ...]:
    """Every conflict in a plan, or the first *limit* of them, each naming the sessions involved.

    Finds:

    * a facilitator in two sessions that overlap in time (one conflict per facilitator);
    * a room in two overlapping sessions;
    * with a *calendar*, a session on a day that is not a working day (the reason is given);
    * within one program and cohort, a later module whose session starts before the earlier
      module's has ended, or that comes fewer calendar days after it than the modules'
      ``min_days_after_previous`` (summed over any module missing in between);
    * a led session naming fewer facilitators than its module's ``facilitators`` (a session
      naming none is not one: its facilitators are named later).

    Sessions that only touch (one ends at 12:00, the next starts at 12:00) do not overlap.

    The cost is that of sorting the sessions plus the conflicts returned (each found in about
    the log of the number of sessions): with a *limit*, the conflicts after the first *limit*
    are neither built nor worded, however many there are. :func:`count_conflicts` counts them
    all without building any, so "the first 50 and how many more" costs about what the
    sessions do, not what the conflicts do.

    Args:
        sessions: The plan, any number of programs and cohorts.
        calendar: The working calendar to check days against, or ``None`` to skip that check.
        locale: The language of the messages, Swedish by default.
        limit: At most this many conflicts, the first ones of the full result in its order;
            ``None`` (the default) for all of them.

    Returns:
        The conflicts ordered by kind (as :class:`ConflictKind` lists them), then by where
        their sessions are in *sessions*; empty when the plan has none. With a *limit*, the
        first *limit* of that tuple (all of it when it is shorter).

    Raises:
        ValidationError: If *sessions* holds something other than Session objects,
            *calendar* is not a WorkingCalendar, or *limit* is not a whole number of at
            least 0.

    Examples:
        >>> from ledarutveckling import DeliveryFormat, Module, Program, ProgramKind
        >>> from ledarutveckling import ServiceArea, TargetGroup, WorkingCalendar
        >>> module = Module(code="M1", title="Svåra samtal", format=DeliveryFormat.IN_PERSON,
        ...                 duration=pendulum.duration(hours=3))
        >>> program = Program(code="SVS", title="Svåra samtal", modules=[module],
        ...                   service_area=ServiceArea.LEADERSHIP,
        ...                   target_group=TargetGroup.MANAGERS,
        ...                   kind=ProgramKind.SHORT_INTERVENTION)
        >>> def session(cohort, hour):
        ...     start = pendulum.datetime(2027, 6, 25, hour, tz="Europe/Stockholm")
        ...     return Session(program=program, module=module, cohort=cohort, start=start,
        ...                    end=start.add(hours=3), format=module.format,
        ...                    facilitators=["Anna Berg"])
        >>> plan = [session("Grupp 1", 9), session("Grupp 2", 11)]
        >>> for c in find_conflicts(plan, WorkingCalendar.sweden()):
        ...     print(c)
        Anna Berg leder två träffar samtidigt: SVS Grupp 1 M1 (25 juni 2027 kl. 09:00) och SVS Grupp 2 M1 (25 juni 2027 kl. 11:00)
        SVS Grupp 1 M1 (25 juni 2027 kl. 09:00) ligger på en ledig dag: Midsommarafton
        SVS Grupp 2 M1 (25 juni 2027 kl. 11:00) ligger på en ledig dag: Midsommarafton

        The first conflict only, and how many there are in all:

        >>> [c.kind.label("en_GB") for c in find_conflicts(plan, WorkingCalendar.sweden(),
        ...                                                 limit=1)]
        ['double-booked facilitator']
        >>> count_conflicts(plan, WorkingCalendar.sweden())
        3
    """  # noqa: E501
    lang = language(locale)
    items = _checked(sessions, calendar, limit)
    names: dict[int, str] = {}  # each session's name, formatted once however many conflicts

    def name(index: int) -> str:
        if index not in names:
            names[index] = items[index].name(locale)
        return names[index]

    found = []
    stop = None if limit is None else min(limit, sys.maxsize)  # islice's most; never reached
    for kind, pair, detail in itertools.islice(_in_order(items, calendar), stop):
        if isinstance(detail, dt.date):  # a day off, found with the calendar
            assert calendar is not None
            subject, required = cast("str", calendar.day_off_reason(detail, locale)), ""
        elif kind is ConflictKind.TOO_FEW_FACILITATORS:  # those named and those needed
            assert isinstance(detail, tuple)
            subject, required = (
                Counted(number=number, thing="facilitator").label(lang) for number in detail
            )
        elif isinstance(detail, tuple):  # TOO_CLOSE: the gap and the days required
            subject, required = _days(detail[0], lang), _days(detail[1], lang)
        else:  # the facilitator or room of a clash ("" when out of order)
            subject, required = detail, ""
        message = _TEXTS.format(
            kind,
            lang,
            subject=subject,
            first=name(pair[0]),
            second=name(pair[-1]),
            required=required,
        )
        found.append(Conflict(kind=kind, sessions=tuple(items[i] for i in pair), message=message))
    return tuple(found)


def count_conflicts(sessions: Iterable[Session], calendar: WorkingCalendar | None = None) -> int:
    """How many conflicts :func:`find_conflicts` finds in a plan, without building any.

    Counts the same conflicts (``count_conflicts(s, c) == len(find_conflicts(s, c))``) in a
    time linear in the sessions times the log of their number, whatever the count: 1,000
    cohorts booked into one room at once are 499,500 conflicts, counted without a message or
    an object for any of them. With ``find_conflicts(..., limit=n)`` it gives "the first *n*
    and how many more".

    Args:
        sessions: The plan, any number of programs and cohorts.
        calendar: The working calendar to check days against, or ``None`` to skip that check.

    Returns:
        The number of conflicts, 0 when the plan has none.

    Raises:
        ValidationError: As :func:`find_conflicts` does, for the same arguments.

    Examples:
        >>> from ledarutveckling.testing import make_session
        >>> crowd = [make_session(cohort=f"Grupp {n}", facilitators=[f"L{n}"], room="Ekoln")
        ...          for n in range(1000)]
        >>> count_conflicts(crowd)
        499500
        >>> shown = find_conflicts(crowd, limit=2)
        >>> [[s.cohort for s in c.sessions] for c in shown]
        [['Grupp 0', 'Grupp 1'], ['Grupp 0', 'Grupp 2']]
    """
    items = _checked(sessions, calendar)
    groups = _groups(items)
    starts, ends = _instants(items)
    total = 0
    for members in itertools.chain(*(each.values() for each in groups.values())):
        # Sorted by start, each session clashes with those after it that start before it ends.
        ordered = sorted(starts[i] for i in members)
        for position, i in enumerate(sorted(members, key=lambda i: (starts[i], i))):
            total += bisect.bisect_left(ordered, ends[i]) - position - 1
    if calendar is not None:
        for session in items:
            day = session.start.date()
            while day <= session.end.date():
                total += not calendar.is_working_day(day)
                day = day.add(days=1)
    return total + len(_order(items)) + sum(1 for _ in _too_few(items))


def _checked(
    sessions: Iterable[Session], calendar: WorkingCalendar | None, limit: int | None = None
) -> list[Session]:
    """The sessions as a list, once they, the calendar and the limit are checked."""
    checks = Checker()
    items = list(sessions) if _iterable(sessions) else None
    if items is None:
        checks.add(
            "sessions", sessions, "must be a list of Session objects", ProblemCode.NOT_A_LIST
        )
    else:
        for index, item in enumerate(items):
            checks.instance(f"sessions[{index}]", item, Session, "a Session")
    if calendar is not None and checks.instance(
        "calendar", calendar, WorkingCalendar, "a WorkingCalendar"
    ):
        for index, item in enumerate(items or ()):
            if isinstance(item, Session):
                for field in ("start", "end"):
                    day = getattr(item, field).date()
                    checks.run(f"sessions[{index}].{field}", partial(covered_day, day, ""))
    if limit is not None:
        checks.integer("limit", limit, minimum=0)
    checks.done()
    assert items is not None
    return items


_Detail: TypeAlias = str | dt.date | tuple[int, int]
"""What a conflict's message names besides its sessions: the facilitator or room, the day off,
or the gap and the days required between two modules."""

_GONE: Final = -(2**63)
"""The end of a session already swept, below every instant."""


def _instants(items: list[Session]) -> tuple[list[int], list[int]]:
    """The sessions' starts and ends as microseconds since 1970 (UTC): instants, fold counts."""

    def micros(moment: dt.datetime) -> int:
        utc = moment.astimezone(dt.UTC)
        return timegm(utc.utctimetuple()) * 1_000_000 + utc.microsecond

    return [micros(s.start) for s in items], [micros(s.end) for s in items]


def _groups(items: list[Session]) -> dict[ConflictKind, dict[str, list[int]]]:
    """The sessions of each facilitator and of each room, by their place in *items*."""
    people: dict[str, list[int]] = {}
    rooms: dict[str, list[int]] = {}
    for index, session in enumerate(items):
        for person in session.facilitators:
            people.setdefault(person, []).append(index)
        if session.room is not None:
            rooms.setdefault(session.room, []).append(index)
    return {ConflictKind.FACILITATOR: people, ConflictKind.ROOM: rooms}


def _in_order(
    items: list[Session], calendar: WorkingCalendar | None
) -> Iterator[tuple[ConflictKind, tuple[int, ...], _Detail]]:
    """Every conflict, lazily, in the order :func:`find_conflicts` returns them.

    Each is the kind, the places of its sessions in *items* and what its message names
    besides them. Apart from what is done first (sorting each facilitator's and each room's
    sessions, and each cohort's modules), nothing after the last one taken is looked at.
    """
    starts, ends = _instants(items)
    for kind, groups in _groups(items).items():
        yield from _clashes(items, kind, groups, starts, ends)
    if calendar is not None:
        for index, session in enumerate(items):
            day = session.start.date()
            while day <= session.end.date():
                if not calendar.is_working_day(day):
                    yield ConflictKind.DAY_OFF, (index,), day
                day = day.add(days=1)
    rank = {kind: number for number, kind in enumerate(ConflictKind)}
    for kind, earlier, later, gap, required in sorted(
        _order(items), key=lambda entry: (rank[entry[0]], entry[1], entry[2])
    ):
        yield kind, (earlier, later), (gap, required) if kind is ConflictKind.TOO_CLOSE else ""
    for index, named, needed in _too_few(items):
        yield ConflictKind.TOO_FEW_FACILITATORS, (index,), (named, needed)


def _too_few(items: list[Session]) -> Iterator[tuple[int, int, int]]:
    """The led sessions that name some facilitators but fewer than their module needs."""
    for index, session in enumerate(items):
        named, needed = len(session.facilitators), session.module.facilitators
        if session.format.is_led and 0 < named < needed:
            yield index, named, needed


def _clashes(
    items: list[Session],
    kind: ConflictKind,
    groups: dict[str, list[int]],
    starts: list[int],
    ends: list[int],
) -> Iterator[tuple[ConflictKind, tuple[int, ...], _Detail]]:
    """Facilitators (or rooms) in two overlapping sessions, by the first session's place.

    Each facilitator's (room's) sessions are sorted by start, with their ends in a
    :class:`_Ends` tree. The sessions are then taken in their order in *items*: each is struck
    from its trees, and those left in them that overlap it are its clashes, found in a time
    of about the log of their number each. So every session looked at is a clash reported
    (1,000 cohorts booked into one room at once: 499,500 clashes, and nothing else looked at),
    and the first few clashes cost the sorting and little more.
    """
    trees: dict[str, tuple[_Ends, dict[int, int], list[int]]] = {}
    for subject, members in groups.items():
        if len(members) > 1:
            members.sort(key=lambda i: (starts[i], i))
            trees[subject] = (
                _Ends([ends[i] for i in members]),
                {i: position for position, i in enumerate(members)},
                [starts[i] for i in members],
            )
    for first, session in enumerate(items):
        if kind is ConflictKind.FACILITATOR:
            subjects = session.facilitators
        else:
            subjects = () if session.room is None else (session.room,)
        found: list[tuple[int, int, str]] = []
        for tie, subject in enumerate(subjects):
            if subject not in trees:
                continue
            tree, positions, ordered = trees[subject]
            tree.strike(positions[first])
            # Those that start before this one ends and end after it starts; earlier ones in
            # *items* are struck, so each clash is found once, from its first session.
            stop = bisect.bisect_left(ordered, ends[first])
            members = groups[subject]
            found += [(members[at], tie, subject) for at in tree.after(stop, starts[first])]
        for second, _, subject in sorted(found):
            yield kind, (first, second), subject


class _Ends:
    """The ends of one facilitator's or room's sessions, sorted by start: a max segment tree.

    ``after(stop, moment)`` lists the sessions before *stop* that end after *moment*, in a
    time of about the log of their number each; a session struck out counts as ended before
    any moment, so it is never listed again.
    """

    def __init__(self, ends: list[int]) -> None:
        size = 1
        while size < len(ends):
            size *= 2
        tree = [_GONE] * (2 * size)
        tree[size : size + len(ends)] = ends
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._size = size
        self._tree = tree

    def strike(self, position: int) -> None:
        """Take the session at *position* out."""
        tree = self._tree
        node = position + self._size
        tree[node] = _GONE
        node //= 2
        while node:
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
            node //= 2

    def after(self, stop: int, moment: int) -> list[int]:
        """The positions before *stop* of the sessions left that end after *moment*."""
        tree = self._tree
        found = []
        pending = [(1, 0, self._size)]  # node, first position, positions under it
        while pending:
            node, low, width = pending.pop()
            if low >= stop or tree[node] <= moment:
                continue
            if width == 1:
                found.append(low)
                continue
            half = width // 2
            pending.append((2 * node + 1, low + half, half))
            pending.append((2 * node, low, half))
        return found


def _order(items: list[Session]) -> list[tuple[ConflictKind, int, int, int, int]]:
    """A cohort's modules out of order or too close together.

    Each is the kind, the places of the earlier and the later module's sessions, and the gap
    and the days required between them (both 0 when out of order).
    """
    found: list[tuple[ConflictKind, int, int, int, int]] = []
    groups: dict[tuple[Program, str], list[int]] = {}
    for index, session in enumerate(items):
        groups.setdefault((session.program, session.cohort), []).append(index)
    for members in groups.values():
        program = items[members[0]].program
        position = {module.code: n for n, module in enumerate(program.modules)}

        def rank(i: int) -> tuple[int, pendulum.DateTime, int]:
            return (position[items[i].module.code], items[i].start, i)  # noqa: B023

        ordered = sorted(members, key=rank)
        for earlier, later in itertools.pairwise(ordered):
            low, high = rank(earlier)[0], rank(later)[0]
            if low == high:
                continue
            if items[later].start < items[earlier].end:
                found.append((ConflictKind.ORDER, earlier, later, 0, 0))
                continue
            required = sum(m.min_days_after_previous for m in program.modules[low + 1 : high + 1])
            gap = (items[later].day - items[earlier].day).days
            if gap < required:
                found.append((ConflictKind.TOO_CLOSE, earlier, later, gap, required))
    return found
