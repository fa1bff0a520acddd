"""Paper cuts a new user hit writing documents by hand from the docs (session h20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledarutveckling import ValidationError
from ledarutveckling._documents.converter import structure
from ledarutveckling.formatting import format_problem as explain
from ledarutveckling.serialization import load

DOCS = Path(__file__).parent.parent / "docs"


def _problems(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(ValidationError) as caught:
        load(path)
    return [(p.path, explain(p), explain(p, locale="en_GB")) for p in caught.value.problems]


# -- a month written as a month key's text --------------------------------------------------


def test_a_base_month_written_as_text_says_how_to_write_it(tmp_path: Path) -> None:
    text = (DOCS / "examples" / "agreement.toml").read_text("utf-8")
    assert "base_month = [2024, 10]" in text  # the docs write a month as a list
    path = tmp_path / "avtal.toml"
    path.write_text(text.replace("base_month = [2024, 10]", 'base_month = "2025-10"'), "utf-8")
    assert _problems(path) == [
        (
            "indexation.base_month",
            "här ska det stå en månad skriven som en lista med år och månad, till exempel "
            '[2025, 10], inte "2025-10"',
            "this must be a month written as a list of year and month, e.g. [2025, 10], "
            'not "2025-10"',
        )
    ]


@pytest.mark.parametrize(
    ("value", "given"), [("8-12", '"8-12"'), ("2025-10-01", '"2025-10-01"'), (12, "12")]
)
def test_another_value_for_a_pair_of_whole_numbers_is_still_not_a_list(
    value: object, given: str
) -> None:
    # A cohort size, (8, 12), is a pair of whole numbers too: only a month's text is told how
    # to write a month.
    with pytest.raises(ValidationError) as caught:
        structure(value, tuple[int, int])
    (problem,) = caught.value.problems
    assert explain(problem) == f"här ska det stå en lista, inte {given}"


# -- a document's kind in the wrong case -----------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "near"),
    [
        ("Catalogue", "catalogue"),
        ("CALL_OFF", "call_off"),
        ("katalog", "catalogue"),
        ("faktura", ""),
    ],
)
def test_a_kind_near_a_known_one_is_offered_that_one(tmp_path: Path, kind: str, near: str) -> None:
    path = tmp_path / "katalog.toml"
    path.write_text(f'document = "{kind}"\nschema_version = 1\nprograms = []\n', "utf-8")
    kinds = (
        '"agreement", "audience", "call_off", "catalogue", "delivery", "evaluation", "ledger", '
        '"program", "rollout_request"'
    )
    assert _problems(path) == [
        (
            "document",
            f'"{kind}" kan inte stå här; menade du "{near}"?'
            if near
            else f'"{kind}" kan inte stå här; skriv något av {kinds} eller "schedule_request"',
            f'"{kind}" is not allowed here; did you mean "{near}"?'
            if near
            else f'"{kind}" is not allowed here; write one of {kinds} or "schedule_request"',
        )
    ]
