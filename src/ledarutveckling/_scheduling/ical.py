"""Calendar export (kalenderinbjudan): sessions as an RFC 5545 iCalendar file.

Public names are re-exported from :mod:`ledarutveckling.scheduling` and the package root.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Protocol, cast, runtime_checkable

import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.dates import in_zone
from ledarutveckling._base.i18n import DEFAULT_LOCALE, Language, Words, language
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.formatting import format_list

if TYPE_CHECKING:
    import icalendar

    Observance = icalendar.TimezoneStandard | icalendar.TimezoneDaylight

__all__ = [
    "PRODID",
    "HasSessions",
    "escape_ical_text",
    "organiser_address",
    "to_ical",
    "to_ical_update",
]


@runtime_checkable
class HasSessions(Protocol):
    """Anything that turns into sessions, e.g. a :class:`~ledarutveckling.scheduling.RolloutPlan`.

    :func:`to_ical` takes one instead of the sessions themselves. (A protocol, so that the
    calendar export needs to know nothing of the rollout planner.)
    """

    def to_sessions(self, locale: str = DEFAULT_LOCALE) -> Iterable[Session]:
        """The sessions, with names in *locale*."""


_ICAL_LINE_BREAK: Final = r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]"
_ICAL_CONTROL: Final = r"[\x00-\x1f\x7f-\x9f]"
_ICAL_SURROGATE: Final = r"[\ud800-\udfff]"


def escape_ical_text(text: str) -> str:
    r"""*text* as one line of an iCalendar ``TEXT`` value: no control character left in it.

    RFC 5545 (3.3.11) excludes control characters from ``TEXT``: a line break becomes a
    space, every other control character (C0, DEL, C1) is removed, and a lone surrogate (which
    UTF-8 cannot encode) becomes U+FFFD. Commas, semicolons and backslashes are escaped when
    the value is written (by :mod:`icalendar`).

    Examples:
        >>> escape_ical_text("Gata\x1b[2J\x07\nrad 2")
        'Gata[2J rad 2'
    """
    text = re.sub(_ICAL_LINE_BREAK, " ", text)
    text = re.sub(_ICAL_CONTROL, "", text)
    return re.sub(_ICAL_SURROGATE, "\ufffd", text)


_ADDRESS: Final = r"[^\s@<>()\[\]\\,;:\"]+@[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)+"
"""One e-mail address: a local part without spaces or specials, ``@``, a domain of at least
two labels of letters, digits and inner hyphens (``anna@example.se``, ``å@exempel.nu``)."""
_NAMED: Final = r"(?P<name>[^<>]*?) ?<(?P<address>[^<>]*)>"


def organiser_address(organiser: str) -> tuple[str, str] | None:
    """The display name and the e-mail address of *organiser*, or ``None`` if it is not one.

    *organiser* is either one address (``kurs@example.se``) or a display name and one address
    in angle brackets (``Anna Berg <anna@example.se>``, ``"Berg, Anna" <anna@example.se>``).
    The address is taken from the angle brackets only: a name that looks like an address is
    still the name. Anything else — two addresses, text around a bare address, a stray
    bracket, a control character — is not an organiser.

    Examples:
        >>> organiser_address("evil@x.se <anna@example.se>")
        ('evil@x.se', 'anna@example.se')
        >>> organiser_address("kurs@example.se")
        ('', 'kurs@example.se')
        >>> organiser_address("anna@example.se, evil@x.se") is None
        True
    """
    if re.search(_ICAL_CONTROL, organiser) or re.search(_ICAL_SURROGATE, organiser):
        return None
    named = re.fullmatch(_NAMED, organiser)
    name, address = (named["name"], named["address"]) if named else ("", organiser)
    if not re.fullmatch(_ADDRESS, address):
        return None
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1]
    if '"' in name or name != name.strip():
        return None
    return name, address


PRODID: Final = "-//ledarutveckling//ledarutveckling//SV"
"""The calendar's product identifier (RFC 5545, 3.7.3); it does not change between versions."""


_WORDS: Final[Words[str]] = Words(
    {
        "program": ("Program", "Program"),
        "module": ("Modul", "Module"),
        "cohort": ("Grupp", "Cohort"),
        "format": ("Format", "Format"),
        "location": ("Plats", "Location"),
        "facilitators": ("Utbildningsledare", "Facilitators"),
        "online": ("Digitalt", "Online"),
        "to_be_announced": ("meddelas senare", "to be announced"),
    }
)


def _location(session: Session, lang: Language) -> str:
    words = _WORDS.texts(lang)
    if not session.format.needs_room:
        return words["online"]
    return session.room if session.room is not None else words["to_be_announced"]


def _description(session: Session, locale: str) -> str:
    lang = language(locale)
    words = _WORDS.texts(lang)
    lines = [
        f"{words['program']}: {session.program.title} ({session.program.code})",
        f"{words['module']}: {session.module.code} {session.module.title}",
        f"{words['cohort']}: {session.cohort}",
        f"{words['format']}: {session.format.label(locale)}",
    ]
    if session.format.is_scheduled:  # self-study is held nowhere: no place, not "Digitalt"
        lines.append(f"{words['location']}: {_location(session, lang)}")
    if session.facilitators:
        people = format_list(session.facilitators, locale=locale)
        lines.append(f"{words['facilitators']}: {people}")
    return "\n".join(escape_ical_text(line) for line in lines)


def _todo(
    session: Session,
    uid: str,
    stamp: dt.datetime,
    sequence: int,
    address: icalendar.vCalAddress | None,
    locale: str,
) -> icalendar.Todo:
    """A self-paced module as a to-do (VTODO) with its due day, never a timed event.

    ``DUE`` is the last day (a DATE): the day *end* falls on, or the day before when *end* is
    midnight (a window of whole days); ``DTSTART`` (a DATE) the day it opens, when earlier.
    No facilitators and no location: self-study is led by nobody and held nowhere.
    """
    import icalendar

    todo = icalendar.Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", stamp)
    due = session.end.date()
    if session.end.time() == dt.time(0) and session.end.date() > session.start.date():
        due = due - dt.timedelta(days=1)
    opens = session.start.date()
    if opens < due:
        todo.add("dtstart", dt.date(opens.year, opens.month, opens.day))
    todo.add("due", dt.date(due.year, due.month, due.day))
    todo.add("summary", session.title())
    todo.add("description", _description(attrs_evolve_without_people(session), locale))
    todo.add("sequence", sequence)
    if address is not None:
        todo.add("organizer", address)
    return todo


def attrs_evolve_without_people(session: Session) -> Session:
    """*session* without facilitators or room (a self-paced module has neither)."""
    import attrs

    return attrs.evolve(session, facilitators=(), room=None)


_LONGEST_VALUE: Final = 80
"""Characters of a wrong value's repr that an error shows; a longer one is named by its type."""


def _brief(value: object) -> object:
    """*value*, or a short stand-in when its repr is long (a plan's runs to many pages)."""
    if len(repr(value)) <= _LONGEST_VALUE:
        return value
    return f"<{type(value).__name__}>"


def _check_arguments(
    sessions: object, stamp: object, organiser: object, sequence: object, least: int = 0
) -> list[Session]:
    checks = Checker()
    items: list[Session] = []
    if isinstance(sessions, Iterable) and not isinstance(sessions, str | bytes):
        given = list(sessions)
        if not given:
            checks.add("sessions", given, "must hold at least one Session", ProblemCode.EMPTY_LIST)
        for index, item in enumerate(given):
            if isinstance(item, Session):
                items.append(item)
            else:
                checks.add(
                    f"sessions[{index}]", _brief(item), "must be a Session", ProblemCode.WRONG_TYPE
                )
        seen: dict[str, int] = {}
        for index, item in enumerate(given):
            if not isinstance(item, Session):
                continue
            if item.uid in seen:
                checks.add(
                    f"sessions[{index}]",
                    item.name("en_GB"),
                    f"has the same program, cohort and module as sessions[{seen[item.uid]}]; "
                    "each needs its own UID (use another cohort label for a repeat)",
                    ProblemCode.ICAL_DUPLICATE_SESSION,
                    module=item.module.code,
                    cohort=item.cohort,
                    program=item.program.code,
                )
            seen.setdefault(item.uid, index)
    else:
        checks.add(
            "sessions",
            _brief(sessions),
            "must be a list of Session objects, or a plan with to_sessions() (a RolloutPlan)",
            ProblemCode.MUST_BE,
            expected=Expected.SESSIONS,
        )
    if not isinstance(stamp, dt.datetime) or stamp.utcoffset() is None:
        checks.add(
            "stamp",
            stamp,
            "must be an aware datetime, the moment of export, e.g. "
            "pendulum.datetime(2026, 11, 27, 10, tz='Europe/Stockholm')",
            ProblemCode.NOT_AWARE if isinstance(stamp, dt.datetime) else ProblemCode.MUST_BE,
            expected=Expected.DATETIME,
        )
    if organiser is not None and (
        not isinstance(organiser, str) or organiser_address(organiser) is None
    ):
        checks.add(
            "organiser",
            organiser,
            "must be an e-mail address, e.g. 'kurs@example.se' or 'Anna Berg <anna@example.se>'",
            ProblemCode.BAD_EMAIL,
            given=organiser,
        )
    checks.integer("sequence", sequence, minimum=least)
    checks.done()
    return items


def to_ical(
    sessions: Iterable[Session] | HasSessions,
    *,
    stamp: dt.datetime,
    organiser: str | None = None,
    sequence: int = 0,
    locale: str = DEFAULT_LOCALE,
) -> bytes:
    r"""Export sessions as an iCalendar file (RFC 5545) to send as calendar invitations.

    One VEVENT per scheduled session; a self-paced module (its format is not scheduled)
    is a VTODO instead, with ``DUE`` its last day and ``DTSTART`` the day it opens (both
    whole days), and no facilitators or location: never a timed session. Each has

    * ``UID`` from the program's code, the cohort and the module's code
      (:attr:`Session.uid`): importing a changed plan moves the events instead of duplicating
      them (RFC 5545, 3.8.4.7). A plan's sessions have the UIDs of their Swedish cohort names
      in every *locale*, so an update written in English matches a Swedish export;
    * ``DTSTAMP`` set to *stamp*, in UTC. The library never reads the clock: the caller says
      when the export is made, so the same plan and stamp always give the same bytes;
    * ``DTSTART`` and ``DTEND`` with ``TZID=Europe/Stockholm`` and the matching ``VTIMEZONE``
      (covering the sessions' years), so 09:00 is 09:00 in winter and in summer time; a
      time in the hour the clocks show twice in October is written in UTC when it is the
      second of the two, since a local time there means the first (RFC 5545, 3.3.5);
    * ``SUMMARY`` (program and module title, cohort) and ``DESCRIPTION`` (program, module,
      cohort, format, place — ``"Digitalt"`` for digital sessions, none for self-paced
      ones — and facilitators), in Swedish unless *locale* is English; every text goes through
      :func:`escape_ical_text`, so no control character reaches the file;
    * ``LOCATION`` for in-person sessions with a room; ``SEQUENCE`` and ``ORGANIZER`` when given.

    Args:
        sessions: The sessions; at least one, at most one per program, cohort and module.
            Or a plan: anything with a ``to_sessions(locale)`` method (a ``HasSessions``),
            such as a :class:`~ledarutveckling.scheduling.RolloutPlan`: its sessions, with
            cohort names in *locale*.
        stamp: When the export is made (an aware datetime), written as ``DTSTAMP``.
        organiser: The organiser's e-mail address, ``"kurs@example.se"`` or
            ``"Anna Berg <anna@example.se>"``, written as ``ORGANIZER``; or ``None``. With
            angle brackets, the address is the one inside them (the rest is the name, ``CN``);
            anything but one address is refused (:func:`organiser_address`).
        sequence: The revision number of the events (``SEQUENCE``, RFC 5545, 3.8.7.4): 0 the
            first time; increase it each time a changed plan is sent again.
        locale: The language of the description, Swedish by default.

    Returns:
        The calendar, UTF-8, CRLF line endings, lines folded at 75 octets.

    Raises:
        ValidationError: For bad arguments or two sessions with the same UID.

    Examples:
        >>> from ledarutveckling import schedule_cohort, WorkingCalendar
        >>> from ledarutveckling import DeliveryFormat, Module, Program, ProgramKind
        >>> from ledarutveckling import ServiceArea, TargetGroup
        >>> module = Module(code="M1", title="Svåra samtal", format=DeliveryFormat.IN_PERSON,
        ...                 duration=pendulum.duration(hours=3))
        >>> program = Program(code="SVS", title="Svåra samtal", modules=[module],
        ...                   service_area=ServiceArea.LEADERSHIP,
        ...                   target_group=TargetGroup.MANAGERS,
        ...                   kind=ProgramKind.SHORT_INTERVENTION)
        >>> sessions = schedule_cohort(program, "Grupp 1", pendulum.date(2027, 3, 1),
        ...                            WorkingCalendar.sweden(), dt.time(9), room="Ekoln")
        >>> text = to_ical(sessions, stamp=pendulum.datetime(2026, 11, 27, 10, tz="UTC"))
        >>> [line for line in text.decode().splitlines() if line.startswith(("DTS", "DTE"))][-3:]
        ['DTSTART;TZID=Europe/Stockholm:20270301T090000',
         'DTEND;TZID=Europe/Stockholm:20270301T120000',
         'DTSTAMP:20261127T100000Z']
    """
    language(locale)
    given, uids = _sessions(sessions, locale)
    items = _check_arguments(given, stamp, organiser, sequence)
    return _calendar(items, uids or [s.uid for s in items], stamp, organiser, sequence, locale)


def _sessions(source: object, locale: str) -> tuple[object, list[str] | None]:
    """The sessions of *source*, and for a plan the UIDs of its sessions in the default locale.

    A plan names its cohorts in *locale* (``"Trafikkontoret, kohort 3"``, ``"…, cohort 3"``),
    and :attr:`Session.uid` is made from that name; an update in English would then match no
    event of a Swedish export. So a plan's sessions keep the UIDs of their Swedish names in
    every language (the two lists are in the same order: the plan's).
    """
    if not isinstance(source, HasSessions):
        return source, None
    shown = list(source.to_sessions(locale))
    keyed = shown if locale == DEFAULT_LOCALE else list(source.to_sessions(DEFAULT_LOCALE))
    if len(keyed) != len(shown) or not all(isinstance(s, Session) for s in keyed):
        return shown, None
    return shown, [s.uid for s in keyed]


def _calendar(
    items: list[Session],
    uids: list[str],
    stamp: dt.datetime,
    organiser: str | None,
    sequence: int,
    locale: str,
    method: str | None = None,
    status: str | None = None,
) -> bytes:
    """The iCalendar file of *items* (checked) with *uids*; *method* and *status* if given."""
    import icalendar  # here, not at the top: it adds ~30 ms to importing the library

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method is not None:
        calendar.add("method", method)
    stamp_utc = in_zone(stamp, "UTC")
    address: icalendar.vCalAddress | None = None
    if organiser is not None:
        name, email = organiser_address(organiser) or ("", "")
        address = icalendar.vCalAddress(f"mailto:{email}")
        if name:
            address.params["CN"] = escape_ical_text(name)
    for session, uid in zip(items, uids, strict=True):
        if not session.format.is_scheduled:
            todo = _todo(session, uid, stamp_utc, sequence, address, locale)
            if status is not None:
                todo.add("status", status)
            calendar.add_component(todo)
            continue
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp_utc)
        event.add("dtstart", _unambiguous(session.start))
        event.add("dtend", _unambiguous(session.end))
        event.add("summary", escape_ical_text(session.title()))
        event.add("description", _description(session, locale))
        if session.format.needs_room and session.room is not None:
            event.add("location", escape_ical_text(session.room))
        event.add("sequence", sequence)
        if status is not None:
            event.add("status", status)
        if address is not None:
            event.add("organizer", address)
        calendar.add_component(event)
    first = min((s.start for s in items), key=lambda start: start.timestamp())
    last = max((s.end for s in items), key=lambda end: end.timestamp())
    calendar.add_missing_timezones(
        first_date=dt.date(first.year - 1, 1, 1), last_date=dt.date(last.year + 1, 12, 31)
    )
    for zone in calendar.timezones:
        zone.pop("COMMENT", None)  # icalendar's English note, not for the reader
        for part in [*zone.standard, *zone.daylight]:
            _onsets_before_the_change(cast("Observance", part), str(zone["TZID"]))
    output: bytes = calendar.to_ical()
    return output


def _onsets_before_the_change(part: Observance, tzid: str) -> None:
    """The onsets of a ``STANDARD`` or ``DAYLIGHT`` part in local time before the change.

    RFC 5545 (3.6.5) reads an observance's ``DTSTART`` and ``RDATE`` as local times in its
    ``TZOFFSETFROM``: summer time in Stockholm begins at 02:00 (+01:00), as tzdata, Outlook and
    tzurl.org write it. :mod:`icalendar` writes the first wall-clock time after the change,
    03:00, which read in ``TZOFFSETFROM`` is an hour late. Each onset is put right from the
    zone's own transition, found by bisection within a day of icalendar's.
    """
    import zoneinfo

    before, after = part.TZOFFSETFROM, part.TZOFFSETTO
    if before is None or after is None or before == after:
        return
    zone = zoneinfo.ZoneInfo(tzid)
    part.DTSTART = _onset(zone, part.DTSTART, before, after)
    later = [onset for onset, _ in part.rdates]  # icalendar writes them as one RDATE
    if later:
        part.pop("RDATE")
        part.add("RDATE", [_onset(zone, onset, before, after) for onset in later])


def _onset(
    zone: dt.tzinfo, local: dt.datetime, before: dt.timedelta, after: dt.timedelta
) -> dt.datetime:
    """The change from *before* to *after* near *local*, as a local time in *before*.

    >>> import zoneinfo
    >>> zone, hour = zoneinfo.ZoneInfo("Europe/Stockholm"), dt.timedelta(hours=1)
    >>> _onset(zone, dt.datetime(2027, 3, 28, 3), hour, 2 * hour)
    datetime.datetime(2027, 3, 28, 2, 0)
    >>> _onset(zone, dt.datetime(2027, 10, 31, 3), 2 * hour, hour)
    datetime.datetime(2027, 10, 31, 3, 0)

    *local* is kept when the zone does not change so within a day of it:

    >>> _onset(zone, dt.datetime(2027, 6, 1, 3), hour, 2 * hour)
    datetime.datetime(2027, 6, 1, 3, 0)
    """
    utc = dt.UTC

    def offset(second: int) -> dt.timedelta | None:
        return dt.datetime.fromtimestamp(second, utc).astimezone(zone).utcoffset()

    guess = int((local - after).replace(tzinfo=utc).timestamp())
    low, high = guess - 86_400, guess + 86_400
    if offset(low) != before or offset(high) != after:
        return local
    while high - low > 1:  # offset(low) is before, offset(high) after
        middle = (low + high) // 2
        if offset(middle) == after:
            high = middle
        else:
            low = middle
    return dt.datetime.fromtimestamp(high, utc).replace(tzinfo=None) + before


def _unambiguous(moment: pendulum.DateTime) -> dt.datetime:
    """*moment* as written in a calendar file: its local time, or UTC in a repeated hour.

    A local time with ``TZID`` that the clocks show twice (02:00–03:00 on the last Sunday
    of October in Stockholm) is the *first* of the two (RFC 5545, 3.3.5), so the second is
    written in UTC (``20271031T013000Z``); every other time keeps its zone.

    >>> _unambiguous(pendulum.datetime(2027, 10, 31, 2, 30, tz="Europe/Stockholm", fold=1))
    DateTime(2027, 10, 31, 1, 30, 0, tzinfo=Timezone('UTC'))
    >>> _unambiguous(pendulum.datetime(2027, 10, 31, 2, 30, tz="Europe/Stockholm", fold=0))
    DateTime(2027, 10, 31, 2, 30, 0, tzinfo=Timezone('Europe/Stockholm'))
    """
    first = moment.replace(fold=0)
    if first.utcoffset() == moment.utcoffset():
        return moment
    return moment.in_tz("UTC")


def to_ical_update(
    old: Iterable[Session] | HasSessions,
    new: Iterable[Session] | HasSessions,
    *,
    stamp: dt.datetime,
    sequence: int = 1,
    organiser: str | None = None,
    locale: str = DEFAULT_LOCALE,
) -> tuple[bytes | None, bytes | None]:
    r"""The calendar update that turns the invitations of *old* into those of *new*.

    Two iCalendar objects, since one object has one ``METHOD`` (RFC 5546, iTIP):

    * the **changes** (``METHOD:PUBLISH``): every session of *new* that *old* does not have
      or has otherwise (another time, other facilitators, another room); with the same
      ``UID`` as in :func:`to_ical`'s export (:attr:`Session.uid`, from the program's code,
      the cohort and the module's code, never from the time), so a calendar moves the event
      instead of adding a second one, and ``SEQUENCE`` set to *sequence*;
    * the **cancellations** (``METHOD:CANCEL``): every session of *old* that *new* does not
      have, with ``STATUS:CANCELLED``, its old times, the same ``UID`` and ``SEQUENCE``
      *sequence*, so a calendar removes it.

    Unchanged sessions are in neither: their events stay as they are. Either object is
    ``None`` when it would be empty. Send both (the cancellations too when the changes are
    ``None``); iTIP wants an organiser in both, so give *organiser* for mail clients.

    Args:
        old: The sessions (or plan) whose invitations were sent.
        new: The sessions (or plan) now; a :class:`~ledarutveckling.scheduling.Replan`'s
            ``previous`` and ``plan``.
        stamp: When the update is made (``DTSTAMP``), an aware datetime.
        sequence: The revision number, higher than the one sent before (``SEQUENCE``,
            RFC 5545, 3.8.7.4): 1 for the first update of an export made with the default 0.
        organiser: As for :func:`to_ical`.
        locale: The language of the texts, Swedish by default.

    Returns:
        ``(changes, cancellations)``, each an iCalendar file (bytes) or ``None``.

    Raises:
        ValidationError: For bad arguments, as :func:`to_ical`; *sequence* must be at least 1.

    Examples:
        See the how-to "Re-plan when something changes" in docs/rollout.md.
    """
    language(locale)
    old_given, old_uids = _sessions(old, locale)
    new_given, new_uids = _sessions(new, locale)
    before = _check_arguments(old_given, stamp, organiser, sequence, least=1)
    after = _check_arguments(new_given, stamp, organiser, sequence, least=1)
    was = dict(zip(old_uids or [s.uid for s in before], before, strict=True))
    now = dict(zip(new_uids or [s.uid for s in after], after, strict=True))
    changed = [(uid, s) for uid, s in now.items() if uid not in was or was[uid] != s]
    gone = [(uid, s) for uid, s in was.items() if uid not in now]
    changes = (
        _calendar(
            [s for _, s in changed],
            [uid for uid, _ in changed],
            stamp,
            organiser,
            sequence,
            locale,
            "PUBLISH",
        )
        if changed
        else None
    )
    cancellations = (
        _calendar(
            [s for _, s in gone],
            [uid for uid, _ in gone],
            stamp,
            organiser,
            sequence,
            locale,
            "CANCEL",
            "CANCELLED",
        )
        if gone
        else None
    )
    return changes, cancellations
