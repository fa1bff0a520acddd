"""Attendance at a held session, without personal data (private).

An :class:`Attendance` counts who was registered for a session and what became of them;
where completion must be followed (a course certificate after 80 % of the modules, say), it
may carry pseudonymous participant tokens — never names, e-mail addresses or personal
identity numbers.

Data protection: a token that the caller can link back to a person is *pseudonymised*
personal data and still personal data under the GDPR (article 4(5) and recital 26; IMY says
the same). Keep the key that links tokens to people with the caller, out of this library's
objects and documents; decide how long attendance with tokens is kept (and, for a
municipality's records, under which rules it may be disposed of, gallring) — the library keeps
nothing by itself. The counts alone are not personal data once a group is large enough that
no one can be singled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Protocol

import attrs

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._base.messages import Expected, ProblemCode
from ledarutveckling._base.money import PRECISE
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._procurement.terms import DeliveryTerms
from ledarutveckling._scheduling.sessions import Session
from ledarutveckling.errors import ValidationError

__all__ = ["HIDDEN", "Attendance", "cancellation_problem", "check_counts", "completed"]


class _Counts(Protocol):
    """What :func:`check_counts` reads: the fields of an attendance but its session."""

    @property
    def registered(self) -> int: ...
    @property
    def attended(self) -> int: ...
    @property
    def late_cancellations(self) -> int: ...
    @property
    def no_shows(self) -> int: ...
    @property
    def cancelled(self) -> bool: ...
    @property
    def tokens(self) -> tuple[str, ...]: ...


_TOKEN: Final = r"[A-Za-z0-9_-]{4,64}"
"""A pseudonymous token: 4 to 64 letters A–Z, digits, ``_`` or ``-``; no spaces, no ``@``."""


_IDENTITY_NUMBER: Final = re.compile(
    r"(?<!\d)(?:19|20)?\d{2}(?P<month>\d{2})(?P<day>\d{2})[-+]?\d{4}(?!\d)"
)
"""A run of digits shaped like a personnummer or samordningsnummer, anywhere in a text.

Ten or twelve digits (``YYMMDD-NNNN``, ``YYYYMMDDNNNN``, the separator ``-``, ``+`` or none),
not part of a longer run of digits, whose date part :func:`_looks_like_identity` checks.
"""


_EMAIL: Final = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
"""An e-mail address, anywhere in a text: something, ``@``, a domain with a dot."""


HIDDEN: Final = "(hidden)"
"""What a problem about a token shows as its value: never the token itself.

A refused token may be a name, an e-mail address or a personnummer; an error message, a
log line or a report must not carry it further. The path (``tokens[3]``) says which one.
"""


def _looks_like_identity(text: str) -> bool:
    """Whether *text* holds a personnummer or samordningsnummer anywhere.

    Month 01–12 and day 01–31, or 61–91 for a samordningsnummer (the day plus 60); the
    check digit is *not* required to be right: a number with a mistyped check digit still
    points at one person (the other nine digits are the date of birth and a birth number),
    so it is personal data all the same.

    Examples:
        >>> _looks_like_identity("P-8112189876"), _looks_like_identity("198112189876-A")
        (True, True)
        >>> _looks_like_identity("TOK-850161-1234"), _looks_like_identity("850101+1234")
        (True, True)
        >>> _looks_like_identity("TR26-01"), _looks_like_identity("X-851301-1234")
        (False, False)
        >>> _looks_like_identity("98112189876123")
        False
    """
    for found in _IDENTITY_NUMBER.finditer(text):
        month, day = int(found["month"]), int(found["day"])
        if 1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91):
            return True
    return False


def _check_token(checks: Checker, path: str, value: object) -> bool:
    """Whether *value* is a pseudonymous token; if not, record why, without its value.

    A personnummer or an e-mail address is looked for anywhere in the value, before the
    token's pattern, so that the reader learns the real reason.
    """
    if isinstance(value, str) and _looks_like_identity(value):
        checks.add(
            path,
            HIDDEN,
            "looks like it holds a personal identity number (personnummer or "
            "samordningsnummer); use a pseudonymous token",
            ProblemCode.TOKEN_PERSONAL,
        )
        return False
    if isinstance(value, str) and _EMAIL.search(value):
        checks.add(
            path,
            HIDDEN,
            "looks like it holds an e-mail address; use a pseudonymous token",
            ProblemCode.TOKEN_EMAIL,
        )
        return False
    if not isinstance(value, str) or not re.fullmatch(_TOKEN, value):
        checks.add(
            path,
            HIDDEN,
            "must be a pseudonymous token: 4 to 64 letters A-Z, digits, '_' or '-' "
            "(no names or e-mail addresses)",
            ProblemCode.BAD_TOKEN,
        )
        return False
    return True


def cancellation_problem(
    checks: Checker, path: str, terms: DeliveryTerms | None, registered: int
) -> None:
    """Record why the supplier may not cancel a session with *registered* participants.

    Without a minimum in the terms the agreement gives no right to cancel at all.
    """
    least = None if terms is None else terms.minimum_participants
    if least is None:
        checks.add(
            path,
            True,
            "the agreement gives the supplier no right to cancel sessions "
            "(its delivery terms have no minimum_participants)",
            ProblemCode.CANCELLATION_NO_RIGHT,
        )
        return
    checks.add(
        path,
        True,
        "the supplier may cancel a session only when fewer are registered than the "
        f"terms' minimum (minimum_participants: {least}, registered: {registered})",
        ProblemCode.CANCELLATION_NOT_ALLOWED,
        minimum=least,
        registered=registered,
    )


def check_counts(checks: Checker, counts: _Counts) -> None:
    """The rules of an attendance's counts, cancellation and tokens, whatever holds them.

    :class:`Attendance` and the held sessions of a delivery document share them.
    """
    whole = [
        checks.integer(name, getattr(counts, name), minimum=0)
        for name in ("registered", "attended", "late_cancellations", "no_shows")
    ]
    counts_ok = all(whole)
    if counts_ok:
        used = counts.attended + counts.late_cancellations + counts.no_shows
        if counts.attended > counts.registered:
            checks.add(
                "attended",
                counts.attended,
                f"must not be more than registered ({counts.registered})",
                ProblemCode.TOO_LARGE,
                given=counts.attended,
                most=counts.registered,
            )
        elif used > counts.registered:
            checks.add(
                "registered",
                counts.registered,
                f"must be at least attended + late_cancellations + no_shows ({used})",
                ProblemCode.TOO_SMALL,
                given=counts.registered,
                least=used,
            )
    if not isinstance(counts.cancelled, bool):
        checks.add(
            "cancelled",
            counts.cancelled,
            "must be True or False",
            ProblemCode.MUST_BE,
            expected=Expected.BOOLEAN,
        )
    elif counts.cancelled and counts_ok and (counts.attended or counts.no_shows):
        checks.add(
            "cancelled",
            counts.cancelled,
            "a session cancelled by the supplier has no attendees or no-shows",
            ProblemCode.CANCELLED_WITH_ATTENDEES,
        )
    _check_tokens(checks, counts, counts_ok)


def _check_tokens(checks: Checker, counts: _Counts, counts_ok: bool) -> None:
    if not isinstance(counts.tokens, tuple):
        checks.add(
            "tokens",
            HIDDEN,
            "must be a list of pseudonymous tokens",
            ProblemCode.NOT_A_LIST,
        )
        return
    if not counts.tokens:
        return
    seen: dict[str, int] = {}
    for index, token in enumerate(counts.tokens):
        if _check_token(checks, f"tokens[{index}]", token):
            if token in seen:
                checks.add(
                    f"tokens[{index}]",
                    HIDDEN,
                    f"must be unique; it repeats tokens[{seen[token]}]",
                    ProblemCode.TOKEN_DUPLICATE,
                )
            seen.setdefault(token, index)
    if counts_ok and len(counts.tokens) != counts.attended:
        checks.add(
            "tokens",
            f"{len(counts.tokens)} tokens",
            f"must hold one token per attendee ({counts.attended}) or none",
            ProblemCode.TOKEN_COUNT,
            attended=counts.attended,
            count=len(counts.tokens),
        )


@attrs.frozen(kw_only=True)
class Attendance:
    """Who came to one held session, as counts (närvaro), with optional pseudonymous tokens.

    The counts are of the participants registered for the session when free cancellation
    ended: of them, some came (*attended*), some cancelled late (*late_cancellations*,
    avbokning) and some neither came nor cancelled (*no_shows*, uteblivande). Participants
    who cancelled in time are not counted at all.

    Attributes:
        session: The session; it names its call-off (and line) for the invoice basis.
        registered: Registered participants, at least 0.
        attended: Of them, those who came.
        late_cancellations: Of them, those who cancelled too late to be free of charge.
        no_shows: Of them, those who did not come and did not cancel.
        cancelled: Whether the supplier cancelled the session for too few participants
            (then nobody attended and the session is not invoiced); the terms say when that
            is allowed (:meth:`~ledarutveckling.DeliveryTerms.may_cancel`).
        tokens: Pseudonymous tokens of those who attended, for following completion; empty,
            or one distinct token per attendee. Tokens are pseudonymised personal data (see
            the module's notes): the caller chooses how long to keep them.

    Raises:
        ValidationError: Listing every field that breaks a rule: a count below 0 or not an
            int, ``attended + late_cancellations + no_shows`` above *registered*, tokens that
            do not match *attended*, repeat, or look like names, e-mail addresses or
            personal identity numbers.

    Examples:
        >>> from ledarutveckling.examples import stockholm_sessions
        >>> session = stockholm_sessions()[0]
        >>> Attendance(session=session, registered=20, attended=17, late_cancellations=1,
        ...            no_shows=2).accounted
        20
        >>> Attendance(session=session, registered=20, attended=21)
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: attended: must not be more than registered ...
    """

    session: Session
    registered: int
    attended: int
    late_cancellations: int = 0
    no_shows: int = 0
    cancelled: bool = False
    tokens: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.instance("session", self.session, Session, "a Session")
        check_counts(checks, self)
        checks.done()

    @property
    def accounted(self) -> int:
        """Attended, late cancellations and no-shows together."""
        return self.attended + self.late_cancellations + self.no_shows


def completed(
    attendances: Iterable[Attendance],
    program: Program,
    cohort: str,
    *,
    share: Decimal = Decimal("0.8"),
) -> tuple[str, ...]:
    """The tokens of the participants of *cohort* who attended at least *share* of the modules.

    The modules counted are the program's scheduled ones (self-study has no session); a
    token counts once per module however many sessions of it the token attended. Sessions
    of other programs or cohorts, and attendances without tokens, are left out.

    Args:
        attendances: The attendances, e.g. of a whole call-off.
        program: The program whose modules count.
        cohort: The cohort's label.
        share: The share of the modules needed, above 0 and at most 1 (80 % by default).

    Returns:
        The tokens, sorted.

    Raises:
        ValidationError: If *share* is not a Decimal above 0 and at most 1 (path ``share``).

    Examples:
        >>> from ledarutveckling.examples import stockholm_attendance, stockholm_catalogue
        >>> trainee = stockholm_catalogue().program("TRAINEE")
        >>> completed(stockholm_attendance(), trainee, "Trainee 2026")[:3]
        ('TR26-01', 'TR26-02', 'TR26-03')
    """
    if (
        isinstance(share, bool)
        or not isinstance(share, Decimal)
        or not share.is_finite()
        or not Decimal(0) < share <= Decimal(1)
    ):
        raise ValidationError.single(
            "share",
            share,
            "must be a Decimal above 0 and at most 1, e.g. Decimal('0.8')",
            ProblemCode.MUST_BE,
            expected=Expected.SHARE,
        )
    modules = {module.code for module in program.modules if module.format.is_scheduled}
    seen: dict[str, set[str]] = {}
    for attendance in attendances:
        session = attendance.session
        if session.program.code != program.code or session.cohort != cohort:
            continue
        if session.module.code not in modules:
            continue
        for token in attendance.tokens:
            seen.setdefault(token, set()).add(session.module.code)
    needed = PRECISE.multiply(share, Decimal(len(modules)))
    return tuple(sorted(token for token, done in seen.items() if len(done) >= needed))
