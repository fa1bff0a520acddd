"""The consultancy's catalogue of programs (private; re-exported at the package root)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ledarutveckling._base.checks import Checker, as_tuple
from ledarutveckling._procurement.offerings import DeliveryFormat, Program, ServiceArea, TargetGroup
from ledarutveckling.errors import NotFoundError

__all__ = ["Catalogue"]


@attrs.frozen(kw_only=True)
class Catalogue:
    """The programs the consultancy offers under an agreement (utbud, katalog).

    Iterating gives the programs in the order given; ``code in catalogue`` asks whether a code
    is there; :meth:`program` looks one up and :meth:`filter` narrows the catalogue.

    Attributes:
        programs: The programs, each with a code of its own.

    Raises:
        ValidationError: If an item is not a Program, or a code appears twice.

    Examples:
        >>> from ledarutveckling.examples import stockholm_catalogue
        >>> catalogue = stockholm_catalogue()
        >>> catalogue.program("SVS").title
        'Svåra samtal'
        >>> [p.code for p in catalogue.filter(target_group=TargetGroup.SENIOR_MANAGERS)]
        ['LGA']
    """

    programs: tuple[Program, ...] = attrs.field(converter=as_tuple)

    def _repr_html_(self) -> str:
        """An HTML table of the catalogue, which Jupyter shows instead of the repr."""
        from ledarutveckling._reporting.html import catalogue_html

        return catalogue_html(self)

    def __attrs_post_init__(self) -> None:
        checks = Checker()
        good = checks.items("programs", self.programs, Program, "Program objects")
        checks.unique("programs", (p.code for p in good), "program code")
        checks.done()

    def __iter__(self) -> Iterator[Program]:
        return iter(self.programs)

    def __len__(self) -> int:
        return len(self.programs)

    def __contains__(self, code: object) -> bool:
        return any(p.code == code for p in self.programs)

    @property
    def codes(self) -> tuple[str, ...]:
        """The programs' codes, in order."""
        return tuple(p.code for p in self.programs)

    def program(self, code: str) -> Program:
        """The program with *code*.

        Raises:
            NotFoundError: If there is none (path ``code``); the message lists the codes
                there are. It is a ValidationError and a KeyError.

        Examples:
            >>> from ledarutveckling.examples import stockholm_catalogue
            >>> stockholm_catalogue().program("NOPE")
            Traceback (most recent call last):
            ...
            ledarutveckling.errors.NotFoundError: code: is not in the catalogue ...
        """
        for program in self.programs:
            if program.code == code:
                return program
        raise NotFoundError.single(
            "code", code, f"is not in the catalogue (codes: {', '.join(self.codes)})"
        )

    def filter(
        self,
        *,
        target_group: TargetGroup | None = None,
        service_area: ServiceArea | None = None,
        theme: str | None = None,
        format: DeliveryFormat | None = None,
    ) -> Catalogue:
        """The programs that match every criterion given, as a catalogue of their own.

        Args:
            target_group: Keep programs for this target group.
            service_area: Keep programs in this service area.
            theme: Keep programs with this theme; case is ignored.
            format: Keep programs with at least one module in this delivery format.

        Raises:
            ValidationError: If a criterion is of the wrong type.

        Examples:
            >>> from ledarutveckling.examples import stockholm_catalogue
            >>> self_paced = stockholm_catalogue().filter(format=DeliveryFormat.SELF_PACED)
            >>> self_paced.codes
            ('SOC-CHEF', 'SVS', 'AMS', 'ABW')
        """
        checks = Checker()
        if target_group is not None:
            checks.member("target_group", target_group, TargetGroup)
        if service_area is not None:
            checks.member("service_area", service_area, ServiceArea)
        if theme is not None:
            checks.text("theme", theme)
        if format is not None:
            checks.member("format", format, DeliveryFormat)
        checks.done()
        wanted = theme.casefold() if theme is not None else None
        return Catalogue(
            programs=tuple(
                p
                for p in self.programs
                if (target_group is None or p.target_group is target_group)
                and (service_area is None or p.service_area is service_area)
                and (wanted is None or wanted in (t.casefold() for t in p.themes))
                and (format is None or format in p.formats)
            )
        )
