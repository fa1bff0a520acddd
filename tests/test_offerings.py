"""Tests for delivery formats, target groups, modules and programs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings

from ledarutveckling import (
    BlendPart,
    DeliveryFormat,
    Module,
    NotFoundError,
    Program,
    ProgramKind,
    ServiceArea,
    TargetGroup,
)
from ledarutveckling.testing import programs
from tests.helpers import problems

HOUR = pendulum.duration(hours=1)


def module(**overrides: Any) -> Module:
    fields: dict[str, Any] = {
        "code": "M1",
        "title": "Att leda i förändring",
        "duration": HOUR * 3,
        "format": DeliveryFormat.IN_PERSON,
        "learning_objectives": ("Förstå reaktioner på förändring",),
    }
    fields.update(overrides)
    return Module(**fields)


def program(**overrides: Any) -> Program:
    fields: dict[str, Any] = {
        "code": "FOR-LED",
        "title": "Förändringsledarskap",
        "service_area": ServiceArea.LEADERSHIP,
        "target_group": TargetGroup.MANAGERS,
        "kind": ProgramKind.LONG_PROGRAM,
        "modules": (
            module(),
            module(code="M2", format=DeliveryFormat.DIGITAL, min_days_after_previous=14),
        ),
    }
    fields.update(overrides)
    return Program(**fields)


# -- labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "swedish", "english"),
    [
        (DeliveryFormat.IN_PERSON, "på plats", "in person"),
        (DeliveryFormat.DIGITAL, "digitalt", "live online"),
        (DeliveryFormat.SELF_PACED, "självstudier", "self-paced"),
        (TargetGroup.MANAGERS, "chefer", "managers"),
        (TargetGroup.SENIOR_MANAGERS, "högre chefer", "senior managers"),
        (TargetGroup.EMPLOYEES, "medarbetare", "employees"),
        (TargetGroup.TRAINEES, "traineer", "trainees"),
        (TargetGroup.INFORMAL_LEADERS, "ledare utan chefsroll", "leaders without a manager role"),
        (TargetGroup.ALL_STAFF, "alla medarbetare och chefer", "all staff and managers"),
        (ServiceArea.LEADERSHIP, "ledarskap", "leadership"),
        (ServiceArea.EMPLOYEESHIP, "medarbetarskap", "employeeship"),
        (ProgramKind.LONG_PROGRAM, "längre program", "long program"),
        (ProgramKind.SHORT_INTERVENTION, "kortare insats", "short intervention"),
        (ProgramKind.NETWORK, "nätverk", "network"),
    ],
)
def test_every_member_has_a_swedish_and_an_english_label(
    member: DeliveryFormat | TargetGroup | ServiceArea | ProgramKind, swedish: str, english: str
) -> None:
    assert member.label() == swedish
    assert member.label("sv_SE") == swedish
    assert member.label("en_GB") == english


def test_a_label_in_another_language_is_refused() -> None:
    assert problems(DeliveryFormat.DIGITAL.label, locale="de_DE") == [
        ("locale", "must be a Swedish or English locale such as 'sv_SE' or 'en_GB'")
    ]


# -- modules --------------------------------------------------------------------------


def test_a_valid_module_keeps_its_fields() -> None:
    m = module(facilitators=2, max_participants=20, min_days_after_previous=7)
    assert (m.code, m.facilitators, m.max_participants, m.min_days_after_previous) == (
        "M1",
        2,
        20,
        7,
    )


def test_a_module_converts_a_plain_timedelta_to_a_duration() -> None:
    m = module(duration=dt.timedelta(hours=2, minutes=30))
    assert isinstance(m.duration, pendulum.Duration)
    assert m.hours == Decimal("2.5")


def test_a_module_converts_a_list_of_objectives_to_a_tuple() -> None:
    assert module(learning_objectives=["a", "b"]).learning_objectives == ("a", "b")


def test_module_hours_and_facilitator_hours_are_exact() -> None:
    m = module(duration=pendulum.duration(hours=3, minutes=20), facilitators=2)
    assert m.hours == Decimal(12000) / 3600
    assert module(duration=HOUR * 3, facilitators=2).facilitator_hours == Decimal(6)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"code": 1}, [("code", "must be text")]),
        ({"code": ""}, [("code", "must not be empty")]),
        ({"code": " M1"}, [("code", "must not start or end with whitespace")]),
        ({"title": "  "}, [("title", "must not be empty")]),
        (
            {"duration": 3},
            [("duration", "must be a duration, e.g. pendulum.duration(hours=3)")],
        ),
        (
            {"duration": pendulum.duration(months=1)},
            [("duration", "must not count years or months (they have no fixed length)")],
        ),
        ({"duration": pendulum.duration()}, [("duration", "must be longer than zero")]),
        ({"duration": -HOUR}, [("duration", "must be longer than zero")]),
        (
            {"format": "in_person"},
            [("format", "must be a DeliveryFormat ('in_person', 'digital', 'self_paced')")],
        ),
        (
            {"learning_objectives": "Lära sig"},
            [("learning_objectives", "must be a list of strings")],
        ),
        ({"learning_objectives": ("a", "")}, [("learning_objectives[1]", "must not be empty")]),
        ({"facilitators": 0}, [("facilitators", "must be at least 1")]),
        ({"facilitators": True}, [("facilitators", "must be a whole number (int)")]),
        ({"max_participants": 0}, [("max_participants", "must be at least 1")]),
        ({"min_days_after_previous": -1}, [("min_days_after_previous", "must be at least 0")]),
    ],
)
def test_a_module_that_breaks_a_rule_is_refused_with_the_path_and_message(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(module, **overrides) == expected


def test_a_module_reports_every_problem_at_once() -> None:
    assert problems(module, code="", facilitators=0, max_participants=0) == [
        ("code", "must not be empty"),
        ("facilitators", "must be at least 1"),
        ("max_participants", "must be at least 1"),
    ]


# -- programs -------------------------------------------------------------------------


def test_a_valid_program_keeps_its_modules_in_order() -> None:
    p = program(themes=["förändring"], cohort_size=[8, 16], max_span_days=14)
    assert [m.code for m in p.modules] == ["M1", "M2"]
    assert p.themes == ("förändring",)
    assert p.cohort_size == (8, 16)


def test_a_program_with_one_module_is_valid() -> None:
    assert len(program(modules=(module(),)).modules) == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"code": ""}, [("code", "must not be empty")]),
        ({"title": 5}, [("title", "must be text")]),
        (
            {"service_area": "leadership"},
            [("service_area", "must be a ServiceArea ('leadership', 'employeeship')")],
        ),
        (
            {"target_group": None},
            [
                (
                    "target_group",
                    "must be a TargetGroup ('managers', 'senior_managers', 'employees', "
                    "'trainees', 'informal_leaders', 'all_staff')",
                )
            ],
        ),
        (
            {"kind": "long"},
            [("kind", "must be a ProgramKind ('long_program', 'short_intervention', 'network')")],
        ),
        ({"modules": ()}, [("modules", "must hold at least one module")]),
        ({"modules": "M1"}, [("modules", "must be a list of Module objects")]),
        ({"modules": (module(), "M2")}, [("modules[1]", "must be Module objects")]),
        (
            {"modules": (module(), module(code="M2"), module())},
            [("modules[2]", "duplicate module code; each must be unique")],
        ),
        ({"cohort_size": (8,)}, [("cohort_size", "must be a pair (min, max)")]),
        ({"cohort_size": 12}, [("cohort_size", "must be a pair (min, max)")]),
        ({"cohort_size": (0, 12)}, [("cohort_size[0]", "must be at least 1")]),
        ({"cohort_size": (8, "12")}, [("cohort_size[1]", "must be a whole number (int)")]),
        ({"cohort_size": (16, 8)}, [("cohort_size", "min must not be greater than max")]),
        (
            {"modules": (module(max_participants=12),), "cohort_size": (8, 16)},
            [("modules[0].max_participants", "must take the largest cohort (16 participants)")],
        ),
        ({"max_span_days": -1}, [("max_span_days", "must be at least 0")]),
        (
            {"max_span_days": 13},
            [("max_span_days", "is shorter than the 14 days the modules' gaps need")],
        ),
        ({"themes": "förändring"}, [("themes", "must be a list of strings")]),
        ({"themes": ("förändring", " ")}, [("themes[1]", "must not be empty")]),
    ],
)
def test_a_program_that_breaks_a_rule_is_refused_with_the_path_and_message(
    overrides: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert problems(program, **overrides) == expected


def test_a_module_that_takes_exactly_the_largest_cohort_is_valid() -> None:
    p = program(modules=(module(max_participants=16),), cohort_size=(8, 16))
    assert p.modules[0].max_participants == 16


def test_max_span_days_equal_to_the_gaps_is_valid() -> None:
    assert program(max_span_days=14).max_span_days == 14


def test_the_first_modules_gap_does_not_count() -> None:
    p = program(modules=(module(min_days_after_previous=30), module(code="M2")))
    assert p.minimum_span_days == 0


def test_a_program_finds_a_module_by_code() -> None:
    assert program().module("M2").format is DeliveryFormat.DIGITAL


def test_a_missing_module_is_not_found_naming_the_codes() -> None:
    with pytest.raises(KeyError):
        program().module("M9")
    assert problems(program().module, code="M9") == [
        ("code", "is not a module of program 'FOR-LED' (codes: M1, M2)")
    ]
    with pytest.raises(NotFoundError):
        program().module("M9")


def test_total_duration_sums_the_modules() -> None:
    assert program().total_duration == HOUR * 6


def test_blend_gives_hours_and_shares_per_format_in_enum_order() -> None:
    p = program(
        modules=(
            module(code="A", format=DeliveryFormat.SELF_PACED, duration=HOUR),
            module(code="B", format=DeliveryFormat.IN_PERSON, duration=HOUR * 6),
            module(code="C", format=DeliveryFormat.DIGITAL, duration=HOUR * 3),
            module(code="D", format=DeliveryFormat.IN_PERSON, duration=HOUR * 6),
        )
    )
    assert p.blend() == (
        BlendPart(
            format=DeliveryFormat.IN_PERSON,
            duration=HOUR * 12,
            hours=Decimal(12),
            share=Decimal(12) / 16,
        ),
        BlendPart(
            format=DeliveryFormat.DIGITAL,
            duration=HOUR * 3,
            hours=Decimal(3),
            share=Decimal(3) / 16,
        ),
        BlendPart(
            format=DeliveryFormat.SELF_PACED,
            duration=HOUR,
            hours=Decimal(1),
            share=Decimal(1) / 16,
        ),
    )
    assert p.is_blended
    assert p.formats == frozenset(DeliveryFormat)


def test_a_program_in_one_format_is_not_blended() -> None:
    p = program(modules=(module(), module(code="M2")))
    assert not p.is_blended
    assert [part.share for part in p.blend()] == [Decimal(1)]


# -- properties ---------------------------------------------------------------------------


@settings(max_examples=60)
@given(programs(max_modules=8))
def test_blend_shares_sum_to_one_and_hours_to_the_total(p: Program) -> None:
    parts = p.blend()
    total_hours = sum((m.hours for m in p.modules), Decimal(0))
    assert sum(part.hours for part in parts) == total_hours
    assert abs(sum((part.share for part in parts), Decimal(0)) - 1) < Decimal("1e-20")
    assert p.total_duration.total_seconds() == total_hours * 3600
    assert p.is_blended == (len({m.format for m in p.modules}) > 1)
    assert [part.format for part in parts] == [f for f in DeliveryFormat if f in p.formats]


@settings(max_examples=60)
@given(programs(max_modules=8))
def test_minimum_span_is_the_sum_of_the_gaps_after_the_first(p: Program) -> None:
    assert p.minimum_span_days == sum(m.min_days_after_previous for m in p.modules[1:])
    tight = attrs.evolve(p, max_span_days=p.minimum_span_days)
    assert tight.max_span_days == p.minimum_span_days


def test_every_delivery_format_says_whether_it_is_led_booked_and_scheduled() -> None:
    traits = {f: (f.is_led, f.needs_room, f.is_scheduled) for f in DeliveryFormat}
    assert traits == {
        DeliveryFormat.IN_PERSON: (True, True, True),
        DeliveryFormat.DIGITAL: (True, False, True),
        DeliveryFormat.SELF_PACED: (False, False, False),
    }
