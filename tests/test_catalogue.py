"""Tests for the catalogue of programs."""

from __future__ import annotations

import pytest

from ledarutveckling import Catalogue, DeliveryFormat, NotFoundError, ServiceArea, TargetGroup
from ledarutveckling.examples import stockholm_catalogue
from tests.helpers import problems
from tests.test_offerings import program


def test_a_catalogue_looks_up_a_program_by_code() -> None:
    catalogue = stockholm_catalogue()
    assert catalogue.program("FOR-LED").title == "Förändringsledarskap"
    assert "FOR-LED" in catalogue
    assert "NOPE" not in catalogue
    assert len(catalogue) == 11
    assert [p.code for p in catalogue] == list(catalogue.codes)


def test_an_unknown_code_is_refused_with_the_codes_there_are() -> None:
    catalogue = Catalogue(programs=[program(code="A"), program(code="B")])
    assert problems(catalogue.program, code="C") == [
        ("code", "is not in the catalogue (codes: A, B)")
    ]
    with pytest.raises(NotFoundError):
        catalogue.program("C")
    with pytest.raises(KeyError):
        catalogue.program("C")


def test_duplicate_program_codes_are_refused_at_the_second() -> None:
    assert problems(Catalogue, programs=(program(), program(code="X"), program())) == [
        ("programs[2]", "duplicate program code; each must be unique")
    ]


def test_a_catalogue_holds_only_programs() -> None:
    assert problems(Catalogue, programs=(program(), "SVS")) == [
        ("programs[1]", "must be Program objects")
    ]
    assert problems(Catalogue, programs="SVS") == [
        ("programs", "must be a list of Program objects")
    ]


def test_an_empty_catalogue_is_valid() -> None:
    assert len(Catalogue(programs=())) == 0


def test_filter_by_target_group() -> None:
    found = stockholm_catalogue().filter(target_group=TargetGroup.MANAGERS)
    assert found.codes == ("SOC-CHEF", "FOR-LED", "SVS", "FAC", "COACH")


def test_filter_by_service_area() -> None:
    found = stockholm_catalogue().filter(service_area=ServiceArea.EMPLOYEESHIP)
    assert found.codes == ("AMS", "PROC", "LUC", "ABW")


def test_filter_by_theme_ignores_case() -> None:
    assert stockholm_catalogue().filter(theme="Förändring").codes == ("SOC-CHEF", "FOR-LED", "ABW")


def test_filter_by_format_keeps_programs_with_a_module_in_it() -> None:
    assert stockholm_catalogue().filter(format=DeliveryFormat.SELF_PACED).codes == (
        "SOC-CHEF",
        "SVS",
        "AMS",
        "ABW",
    )


def test_filters_combine() -> None:
    found = stockholm_catalogue().filter(
        service_area=ServiceArea.LEADERSHIP, format=DeliveryFormat.DIGITAL, theme="förändring"
    )
    assert found.codes == ("SOC-CHEF", "FOR-LED")


def test_no_criteria_keeps_everything() -> None:
    assert stockholm_catalogue().filter() == stockholm_catalogue()


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (
            {"target_group": "managers"},
            "must be a TargetGroup ('managers', 'senior_managers', 'employees', 'trainees', "
            "'informal_leaders', 'all_staff')",
        ),
        ({"service_area": 1}, "must be a ServiceArea ('leadership', 'employeeship')"),
        ({"theme": ""}, "must not be empty"),
        ({"format": "digital"}, "must be a DeliveryFormat ('in_person', 'digital', 'self_paced')"),
    ],
)
def test_a_filter_of_the_wrong_type_is_refused(criteria: dict[str, object], expected: str) -> None:
    catalogue = stockholm_catalogue()
    assert problems(catalogue.filter, **criteria) == [(next(iter(criteria)), expected)]


def test_the_example_catalogue_covers_the_offerings_in_the_domain() -> None:
    titles = {p.code: p.title for p in stockholm_catalogue()}
    assert titles == {
        "SOC-CHEF": "Ledarskap i socialtjänsten",
        "FOR-LED": "Förändringsledarskap",
        "LGA": "Leda genom andra",
        "SVS": "Svåra samtal",
        "FAC": "Faciliteringsträning",
        "COACH": "Coachande chefsnätverk",
        "AMS": "Aktivt medarbetarskap",
        "PROC": "Processorienterat arbetssätt",
        "TRAINEE": "Stadens traineeprogram – ledarskapsspåret",
        "LUC": "Leda utan att vara chef",
        "ABW": "Flytten till ett aktivitetsbaserat kontor",
    }


def test_the_example_catalogue_is_fresh_on_every_call() -> None:
    assert stockholm_catalogue() == stockholm_catalogue()
    assert stockholm_catalogue() is not stockholm_catalogue()
