"""The parties to a framework agreement: organisations and the buyer's ordering units."""

from __future__ import annotations

import enum
import functools
import re
from typing import Final

import attrs

from ledarutveckling._base.checks import Checker
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import ProblemCode as Code

__all__ = ["OrderingUnit", "OrderingUnitKind", "Organisation"]


@functools.lru_cache(maxsize=1024)
def _validated(value: str) -> str:
    """``orgnr.validate``, remembered: a ledger names the same few organisations many times.

    Raises:
        stdnum.exceptions.ValidationError: As ``orgnr.validate`` (errors are not remembered).
    """
    from stdnum.se import orgnr  # on first use: python-stdnum costs 15 ms at import

    number: str = orgnr.validate(value)
    return number


@functools.lru_cache(maxsize=1024)
def _formatted(value: str) -> str:
    """A valid organisation number written ``NNNNNN-NNNN``, remembered like :func:`_validated`."""
    from stdnum.se import orgnr

    text: str = orgnr.format(_validated(value))
    return text


_WRITTEN: Final = r"[0-9]{6}-?[0-9]{4}"
"""The two ways an organisation number may be written: ``NNNNNN-NNNN`` or ten digits."""
_DIGITS_AND_HYPHENS: Final = r"[0-9-]*"


def _normalise_org_number(value: object) -> object:
    """Write a valid ``NNNNNNNNNN`` as ``NNNNNN-NNNN`` (lossless); leave the rest to the checks.

    That is the one normalisation: anything else (spaces, a trailing newline, an en dash, a
    ``+``) is refused by :func:`_check_org_number`, like surrounding whitespace in any text.
    """
    if isinstance(value, str) and re.fullmatch(_WRITTEN, value):
        from stdnum.exceptions import ValidationError as StdnumError

        try:
            return _formatted(value)
        except StdnumError:
            return value
    return value


def _check_org_number(checks: Checker, path: str, value: object) -> None:
    """Check a Swedish organisation number (organisationsnummer).

    Source: Lag (1974:174) om identitetsbeteckning för juridiska personer m.fl.; the number is
    ten digits with a Luhn check digit, and the third digit of a legal entity's number is 2 or
    more, which tells it apart from a personnummer (whose third digit, the month's tens, is 0
    or 1). Validated with python-stdnum's ``stdnum.se.orgnr``.
    """
    if not isinstance(value, str):
        checks.add(path, value, "must be text such as '212000-0142'", Code.NOT_TEXT)
        return
    if not re.fullmatch(_DIGITS_AND_HYPHENS, value):
        checks.add(
            path,
            value,
            "must be written NNNNNN-NNNN or as 10 digits, with nothing else (no spaces, no "
            "other dash), e.g. '212000-0142'",
            Code.ORG_NUMBER_CHARACTERS,
            number=value,
        )
        return
    if not re.fullmatch(_WRITTEN, value) and sum(c.isdigit() for c in value) == 10:
        checks.add(
            path,
            value,
            "must have its hyphen after the sixth digit, NNNNNN-NNNN",
            Code.ORG_NUMBER_HYPHEN,
            number=value,
        )
        return
    from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength

    try:
        number = _validated(value)
    except InvalidChecksum:
        checks.add(
            path,
            value,
            "has a wrong check digit (the last digit, by the Luhn algorithm)",
            Code.ORG_NUMBER_CHECK_DIGIT,
            number=value,
        )
        return
    except (InvalidLength, InvalidFormat):  # only digits and hyphens are left: the length
        checks.add(
            path,
            value,
            "must have 10 digits, written NNNNNN-NNNN",
            Code.ORG_NUMBER_FORMAT,
            number=value,
        )
        return
    if int(number[2]) < 2:
        checks.add(
            path,
            value,
            "is shaped like a personnummer (third digit 0 or 1); an organisation number "
            "of a legal entity has 2 or more as its third digit",
            Code.ORG_NUMBER_PERSONAL,
            number=value,
        )


@attrs.frozen(kw_only=True)
class Organisation:
    """A legal entity: the buyer or the supplier of a framework agreement.

    Attributes:
        name: The registered name, e.g. ``"Stockholms stad"``.
        org_number: The organisation number (organisationsnummer), validated with
            python-stdnum and written ``NNNNNN-NNNN``; ``"2120000142"`` is accepted and
            normalised to ``"212000-0142"`` (the one normalisation: spaces, a line break, an
            en dash or a ``+`` are refused, as in any text). A number shaped like a
            personnummer (third digit 0 or 1, as a sole trader's would be) is refused: the
            agreements modelled here are between legal entities.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> Organisation(name="Stockholms stad", org_number="2120000142").org_number
        '212000-0142'
        >>> Organisation(name="Stockholms stad", org_number="212000-0143")
        Traceback (most recent call last):
        ...
        ledarutveckling.errors.ValidationError: org_number: has a wrong check digit ...
    """

    name: str
    org_number: str = attrs.field(converter=_normalise_org_number)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        _check_org_number(checks, "org_number", self.org_number)
        checks.done()

    def __str__(self) -> str:
        return f"{self.name} ({self.org_number})"


class OrderingUnitKind(Labelled, enum.Enum):
    """What kind of unit of the buyer places call-offs (beställare).

    Examples:
        >>> OrderingUnitKind.DISTRICT_ADMINISTRATION.label()
        'stadsdelsförvaltning'
        >>> OrderingUnitKind.COMPANY.label("en_GB")
        'municipal company'
    """

    ADMINISTRATION = "administration"
    """Förvaltning: a specialist administration, e.g. Socialförvaltningen."""
    DISTRICT_ADMINISTRATION = "district_administration"
    """Stadsdelsförvaltning: a district administration, e.g. Skärholmens."""
    COMPANY = "company"
    """Bolag: a municipally owned company."""
    OFFICE = "office"
    """Kontor: an office of the central administration, e.g. Stadsledningskontoret."""

    def _labels(self) -> Words[OrderingUnitKind]:
        return _KIND_LABELS


_KIND_LABELS: Final[Words[OrderingUnitKind]] = Words(
    {
        OrderingUnitKind.ADMINISTRATION: ("förvaltning", "administration"),
        OrderingUnitKind.DISTRICT_ADMINISTRATION: (
            "stadsdelsförvaltning",
            "district administration",
        ),
        OrderingUnitKind.COMPANY: ("bolag", "municipal company"),
        OrderingUnitKind.OFFICE: ("kontor", "central office"),
    },
    keys=OrderingUnitKind,
)


@attrs.frozen(kw_only=True)
class OrderingUnit:
    """A unit of the buyer that places call-offs (beställare, förvaltning).

    Attributes:
        name: The unit's name, e.g. ``"Socialförvaltningen"`` or ``"Stadsarkivet"``.
        kind: Administration, district administration, company or office.
        organisation: The legal entity the unit belongs to, normally the agreement's buyer.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> city = Organisation(name="Stockholms stad", org_number="212000-0142")
        >>> unit = OrderingUnit(name="Stadsarkivet", kind=OrderingUnitKind.ADMINISTRATION,
        ...                     organisation=city)
        >>> str(unit)
        'Stadsarkivet (Stockholms stad)'
    """

    name: str
    kind: OrderingUnitKind
    organisation: Organisation

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("name", self.name)
        checks.member("kind", self.kind, OrderingUnitKind)
        checks.instance("organisation", self.organisation, Organisation, "an Organisation")
        checks.done()

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.name})"
