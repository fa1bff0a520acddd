"""Defects found reviewing session h20's changes (h20-review)."""

from __future__ import annotations

import pytest

from ledarutveckling import Catalogue, ValidationError
from ledarutveckling.formatting import format_problem as explain
from ledarutveckling.serialization import from_toml

# -- a short date or time past its range is not put right to one that does not exist ---------


@pytest.mark.parametrize(
    ("line", "given", "column"),
    [
        ("end = 2027-13-1", "2027-13-1", 7),  # month 13: no 2027-13-01 to suggest
        ("end = 2027-5-32", "2027-5-32", 7),
        ("end = 2027-2-30", "2027-2-30", 7),  # no 2027-02-30 either
        ("end = 2027-02-30", "2027-02-30", 7),  # as tomllib itself says
        ("start = 25:00", "25:00", 9),  # no "25:00" or 25:00:00 to suggest
        ("start = 9:75", "9:75", 9),
        ("start = 9:30:61", "9:30:61", 9),
    ],
)
def test_a_short_date_or_time_past_its_range_is_said_not_to_exist(
    line: str, given: str, column: int
) -> None:
    text = f'document = "catalogue"\nschema_version = 1\n{line}\n'
    with pytest.raises(ValidationError) as caught:
        from_toml(Catalogue, text)
    (problem,) = caught.value.problems
    assert (explain(problem), explain(problem, locale="en_GB")) == (
        f"dokumentet är inte giltig TOML: {given} är inget datum eller klockslag som finns "
        f"(rad 3, kolumn {column})",
        f"the document is not valid TOML: {given} is not a date or time that exists "
        f"(line 3, column {column})",
    )


def test_a_short_date_or_time_in_range_is_still_put_right() -> None:
    text = 'document = "catalogue"\nschema_version = 1\nstart = 9:30\n'
    with pytest.raises(ValidationError) as caught:
        from_toml(Catalogue, text)
    (problem,) = caught.value.problems
    assert explain(problem) == (
        "dokumentet är inte giltig TOML: 9:30 är inget klockslag i TOML:s form, där timmar, "
        'minuter och sekunder har två siffror var; skriv "09:30" inom citattecken eller '
        "09:30:00 med sekunder (rad 3, kolumn 9)"
    )
