"""What the consultancy offers: delivery formats, target groups, modules and programs."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final, assert_never

import attrs
import pendulum

from ledarutveckling._base.checks import Checker, as_duration, as_tuple
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling._base.messages import Expected, ProblemCode, written_list
from ledarutveckling._base.money import EXACT, PRECISE
from ledarutveckling.errors import NotFoundError

__all__ = [
    "BlendPart",
    "DeliveryFormat",
    "Module",
    "Program",
    "ProgramKind",
    "ServiceArea",
    "TargetGroup",
]


class _Labelled(Labelled, enum.Enum):
    """An enum whose members have a Swedish and an English label."""

    def _labels(self) -> Words[_Labelled]:
        return _LABELS


class DeliveryFormat(_Labelled):
    """How a module is delivered (leveransform).

    A program that mixes formats is blended learning; see :attr:`Program.is_blended`.

    Examples:
        >>> DeliveryFormat.DIGITAL.label()
        'digitalt'
        >>> DeliveryFormat("in_person").label("en_GB")
        'in person'
    """

    IN_PERSON = "in_person"
    """På plats: everybody in one room."""
    DIGITAL = "digital"
    """Digitalt: live, online, at a set time."""
    SELF_PACED = "self_paced"
    """Självstudier: online material each participant works through alone."""

    # Each property matches every member and ends in ``assert_never``: a new member that is not
    # given its traits fails mypy (and the test that reads every member's traits), instead of
    # silently falling into an ``else`` branch somewhere.

    @property
    def is_led(self) -> bool:
        """Whether a facilitator leads it: needs a facilitator and counts as facilitator hours.

        Examples:
            >>> [f.is_led for f in DeliveryFormat]
            [True, True, False]
        """
        match self:
            case DeliveryFormat.IN_PERSON | DeliveryFormat.DIGITAL:
                return True
            case DeliveryFormat.SELF_PACED:
                return False
            case _:  # pragma: no cover - unreachable while every member is matched
                assert_never(self)

    @property
    def needs_room(self) -> bool:
        """Whether it is held in a room that must be booked (only in person).

        Examples:
            >>> [f.needs_room for f in DeliveryFormat]
            [True, False, False]
        """
        match self:
            case DeliveryFormat.IN_PERSON:
                return True
            case DeliveryFormat.DIGITAL | DeliveryFormat.SELF_PACED:
                return False
            case _:  # pragma: no cover - unreachable while every member is matched
                assert_never(self)

    @property
    def is_scheduled(self) -> bool:
        """Whether it happens at a set time, so that it takes a date and a time slot.

        Self-paced material is worked through whenever the participant chooses.

        Examples:
            >>> [f.is_scheduled for f in DeliveryFormat]
            [True, True, False]
        """
        match self:
            case DeliveryFormat.IN_PERSON | DeliveryFormat.DIGITAL:
                return True
            case DeliveryFormat.SELF_PACED:
                return False
            case _:  # pragma: no cover - unreachable while every member is matched
                assert_never(self)


class TargetGroup(_Labelled):
    """Who a program is for (målgrupp).

    Examples:
        >>> TargetGroup.SENIOR_MANAGERS.label()
        'högre chefer'
    """

    MANAGERS = "managers"
    """Chefer."""
    SENIOR_MANAGERS = "senior_managers"
    """Högre chefer: managers of managers."""
    EMPLOYEES = "employees"
    """Medarbetare."""
    TRAINEES = "trainees"
    """Traineer: the city's trainee program."""
    INFORMAL_LEADERS = "informal_leaders"
    """Ledare utan chefsroll: project and team leaders who lead without being managers."""
    ALL_STAFF = "all_staff"
    """Alla medarbetare och chefer: a whole workplace, e.g. before moving into a new office."""


class ServiceArea(_Labelled):
    """The two service areas of the framework agreement (tjänsteområde).

    Examples:
        >>> ServiceArea.EMPLOYEESHIP.label()
        'medarbetarskap'
    """

    LEADERSHIP = "leadership"
    """Ledarskap: developing managers and leaders."""
    EMPLOYEESHIP = "employeeship"
    """Medarbetarskap: developing employees' engagement and responsibility."""


class ProgramKind(_Labelled):
    """The kind of program (programtyp).

    Examples:
        >>> ProgramKind.SHORT_INTERVENTION.label()
        'kortare insats'
    """

    LONG_PROGRAM = "long_program"
    """Längre program: several modules over months."""
    SHORT_INTERVENTION = "short_intervention"
    """Kortare insats: one or two sessions on one theme."""
    NETWORK = "network"
    """Nätverk: a coaching or peer network meeting in a series."""


_LABELS: Final[Words[_Labelled]] = Words(
    {
        DeliveryFormat.IN_PERSON: ("på plats", "in person"),
        DeliveryFormat.DIGITAL: ("digitalt", "live online"),
        DeliveryFormat.SELF_PACED: ("självstudier", "self-paced"),
        TargetGroup.MANAGERS: ("chefer", "managers"),
        TargetGroup.SENIOR_MANAGERS: ("högre chefer", "senior managers"),
        TargetGroup.EMPLOYEES: ("medarbetare", "employees"),
        TargetGroup.TRAINEES: ("traineer", "trainees"),
        TargetGroup.INFORMAL_LEADERS: ("ledare utan chefsroll", "leaders without a manager role"),
        TargetGroup.ALL_STAFF: ("alla medarbetare och chefer", "all staff and managers"),
        ServiceArea.LEADERSHIP: ("ledarskap", "leadership"),
        ServiceArea.EMPLOYEESHIP: ("medarbetarskap", "employeeship"),
        ProgramKind.LONG_PROGRAM: ("längre program", "long program"),
        ProgramKind.SHORT_INTERVENTION: ("kortare insats", "short intervention"),
        ProgramKind.NETWORK: ("nätverk", "network"),
    },
    keys=(*DeliveryFormat, *TargetGroup, *ServiceArea, *ProgramKind),
)


def _check_duration(checks: Checker, path: str, value: object) -> None:
    if not isinstance(value, pendulum.Duration):
        checks.add(
            path,
            value,
            "must be a duration, e.g. pendulum.duration(hours=3)",
            ProblemCode.MUST_BE,
            expected=Expected.DURATION,
        )
    elif value.years or value.months:
        checks.add(
            path,
            value,
            "must not count years or months (they have no fixed length)",
            ProblemCode.DURATION_CALENDAR,
        )
    elif value.total_seconds() <= 0:
        checks.add(path, value, "must be longer than zero", ProblemCode.DURATION_NOT_POSITIVE)


@attrs.frozen(kw_only=True)
class Module:
    """One part of a program (modul); a cohort meets for it in one session (träff).

    Attributes:
        code: Short identifier, unique within the program, e.g. ``"M1"``.
        title: The module's Swedish title.
        duration: How long the session lasts; more than zero. A plain ``timedelta`` is
            converted to :class:`pendulum.Duration`.
        format: How it is delivered.
        learning_objectives: What participants should be able to do afterwards (lärandemål).
        facilitators: How many facilitators (utbildningsledare) lead it, at least 1.
        max_participants: The most participants one session can take, or ``None``.
        min_days_after_previous: Calendar days that must pass after the previous module
            before this one (0: the same day is allowed). Ignored for a program's first module.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> m = Module(code="M1", title="Att leda i förändring",
        ...            duration=pendulum.duration(hours=3, minutes=30),
        ...            format=DeliveryFormat.IN_PERSON,
        ...            learning_objectives=("Förstå reaktioner på förändring",))
        >>> m.hours
        Decimal('3.5')
    """

    code: str
    title: str
    duration: pendulum.Duration = attrs.field(converter=as_duration)
    format: DeliveryFormat
    learning_objectives: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    facilitators: int = 1
    max_participants: int | None = None
    min_days_after_previous: int = 0

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("code", self.code)
        checks.text("title", self.title)
        _check_duration(checks, "duration", self.duration)
        checks.member("format", self.format, DeliveryFormat)
        if isinstance(self.learning_objectives, tuple):
            for index, objective in enumerate(self.learning_objectives):
                checks.text(f"learning_objectives[{index}]", objective)
        else:
            checks.add(
                "learning_objectives",
                self.learning_objectives,
                "must be a list of strings",
                ProblemCode.MUST_BE,
                expected=Expected.TEXTS,
            )
        checks.integer("facilitators", self.facilitators, minimum=1)
        if self.max_participants is not None:
            checks.integer("max_participants", self.max_participants, minimum=1)
        checks.integer("min_days_after_previous", self.min_days_after_previous, minimum=0)
        checks.done()

    @property
    def hours(self) -> Decimal:
        """The duration in hours, exact (``Decimal('3.5')`` for 3 h 30 min)."""
        return _hours(self.duration)

    @property
    def facilitator_hours(self) -> Decimal:
        """Facilitator time for one session: hours times facilitators."""
        return EXACT.multiply(self.hours, self.facilitators)


def _hours(duration: pendulum.Duration) -> Decimal:
    seconds = Decimal(duration.days * 86_400 + duration.seconds)
    return PRECISE.divide(seconds, 3600).normalize(PRECISE) if seconds else Decimal(0)


@attrs.frozen(kw_only=True)
class BlendPart:
    """One delivery format's part of a program (see :meth:`Program.blend`).

    Attributes:
        format: The delivery format.
        duration: The time spent in that format, summed over the program's modules.
        hours: The same in hours.
        share: The fraction of the program's total time, 0 to 1 (28 significant digits).
    """

    format: DeliveryFormat
    duration: pendulum.Duration
    hours: Decimal
    share: Decimal


@attrs.frozen(kw_only=True)
class Program:
    """A series of modules for one target group (program, or a shorter insats).

    Attributes:
        code: Short identifier, unique in a catalogue, e.g. ``"FOR-LED"``.
        title: The Swedish title.
        service_area: Leadership or employeeship.
        target_group: Who it is for.
        modules: The modules in the order a cohort takes them; at least one, unique codes.
        kind: Long program, short intervention or network.
        cohort_size: ``(min, max)`` participants in one cohort, ``1 <= min <= max``; every
            module with a ``max_participants`` must take the largest cohort.
        max_span_days: The most calendar days from the first module's day to the last's, or
            ``None``; must leave room for the modules' ``min_days_after_previous`` gaps.
        themes: Free-text themes for finding the program, e.g. ``("förändring",)``.

    Raises:
        ValidationError: Listing every field that breaks a rule.

    Examples:
        >>> hour = pendulum.duration(hours=1)
        >>> program = Program(
        ...     code="SVS", title="Svåra samtal", service_area=ServiceArea.LEADERSHIP,
        ...     target_group=TargetGroup.MANAGERS, kind=ProgramKind.SHORT_INTERVENTION,
        ...     modules=(
        ...         Module(code="M1", title="Förberedelse", duration=hour,
        ...                format=DeliveryFormat.SELF_PACED),
        ...         Module(code="M2", title="Övning", duration=hour * 3,
        ...                format=DeliveryFormat.IN_PERSON, min_days_after_previous=7),
        ...     ),
        ... )
        >>> program.total_duration.in_hours(), program.is_blended, program.minimum_span_days
        (4, True, 7)
        >>> [(part.format.value, part.share) for part in program.blend()]
        [('in_person', Decimal('0.75')), ('self_paced', Decimal('0.25'))]
    """

    code: str
    title: str
    service_area: ServiceArea
    target_group: TargetGroup
    modules: tuple[Module, ...] = attrs.field(converter=as_tuple)
    kind: ProgramKind
    cohort_size: tuple[int, int] = attrs.field(default=(8, 20), converter=as_tuple)
    max_span_days: int | None = None
    themes: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)

    def _repr_html_(self) -> str:
        """An HTML table of the program, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import program_html

        return program_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        checks.text("code", self.code)
        checks.text("title", self.title)
        checks.member("service_area", self.service_area, ServiceArea)
        checks.member("target_group", self.target_group, TargetGroup)
        checks.member("kind", self.kind, ProgramKind)
        modules = checks.items("modules", self.modules, Module, "Module objects")
        if isinstance(self.modules, tuple) and not self.modules:
            checks.add(
                "modules", self.modules, "must hold at least one module", ProblemCode.EMPTY_LIST
            )
        checks.unique("modules", (m.code for m in modules), "module code")
        size_ok = (
            isinstance(self.cohort_size, tuple)
            and len(self.cohort_size) == 2
            and checks.integer("cohort_size[0]", self.cohort_size[0], minimum=1)
            and checks.integer("cohort_size[1]", self.cohort_size[1], minimum=1)
        )
        if not isinstance(self.cohort_size, tuple) or len(self.cohort_size) != 2:
            checks.add(
                "cohort_size",
                self.cohort_size,
                "must be a pair (min, max)",
                ProblemCode.COHORT_SIZE,
                given=written_list(self.cohort_size),
            )
        elif size_ok and self.cohort_size[0] > self.cohort_size[1]:
            checks.add(
                "cohort_size",
                self.cohort_size,
                "min must not be greater than max",
                ProblemCode.COHORT_SIZE,
                given=written_list(self.cohort_size),
            )
        elif size_ok:
            for index, module in enumerate(modules):
                limit = module.max_participants
                if limit is not None and limit < self.cohort_size[1]:
                    checks.add(
                        f"modules[{index}].max_participants",
                        limit,
                        f"must take the largest cohort ({self.cohort_size[1]} participants)",
                        ProblemCode.MODULE_TOO_SMALL,
                        given=limit,
                        most=self.cohort_size[1],
                    )
        if self.max_span_days is not None and checks.integer(
            "max_span_days", self.max_span_days, minimum=0
        ):
            needed = sum(m.min_days_after_previous for m in modules[1:])
            if needed > self.max_span_days:
                checks.add(
                    "max_span_days",
                    self.max_span_days,
                    f"is shorter than the {needed} days the modules' gaps need",
                    ProblemCode.SPAN_TOO_SHORT,
                    given=pendulum.duration(days=self.max_span_days),
                    needed=pendulum.duration(days=needed),
                )
        if isinstance(self.themes, tuple):
            for index, theme in enumerate(self.themes):
                checks.text(f"themes[{index}]", theme)
        else:
            checks.add(
                "themes",
                self.themes,
                "must be a list of strings",
                ProblemCode.MUST_BE,
                expected=Expected.TEXTS,
            )
        checks.done()

    def module(self, code: str) -> Module:
        """The module with *code*.

        Raises:
            NotFoundError: If the program has no such module (path ``code``; the message
                lists the codes). It is a ValidationError and a KeyError.

        Examples:
            >>> from ledarutveckling.examples import stockholm_catalogue
            >>> stockholm_catalogue().program("SVS").module("SVS-2").title
            'Övning i svåra samtal'
        """
        for module in self.modules:
            if module.code == code:
                return module
        codes = ", ".join(m.code for m in self.modules)
        raise NotFoundError.single(
            "code", code, f"is not a module of program {self.code!r} (codes: {codes})"
        )

    @property
    def total_duration(self) -> pendulum.Duration:
        """The time one cohort spends in the program, all modules summed."""
        total = pendulum.duration()
        for module in self.modules:
            total += module.duration
        return total

    @property
    def formats(self) -> frozenset[DeliveryFormat]:
        """The delivery formats the program uses."""
        return frozenset(m.format for m in self.modules)

    @property
    def is_blended(self) -> bool:
        """Whether the program mixes delivery formats (blended learning)."""
        return len(self.formats) > 1

    def blend(self) -> tuple[BlendPart, ...]:
        """Time per delivery format and its share of the total, in the enum's order.

        Formats the program does not use are left out; the shares sum to 1 up to the last of
        their 28 significant digits (three equal parts give ``0.3333…`` each).
        """
        total = Decimal(self.total_duration.total_seconds())
        parts = []
        for fmt in DeliveryFormat:
            duration = pendulum.duration()
            for module in self.modules:
                if module.format is fmt:
                    duration += module.duration
            if duration.total_seconds():
                share = PRECISE.divide(Decimal(duration.total_seconds()), total)
                parts.append(
                    BlendPart(format=fmt, duration=duration, hours=_hours(duration), share=share)
                )
        return tuple(parts)

    @property
    def minimum_span_days(self) -> int:
        """The fewest calendar days from the first module's day to the last's, given the gaps."""
        return sum(m.min_days_after_previous for m in self.modules[1:])
