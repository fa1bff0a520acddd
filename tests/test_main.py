"""Tests for the command line example (added to keep the coverage gate with issue 3)."""

from __future__ import annotations

import pytest

from ledarutveckling.__main__ import demo_lines, main


def test_main_prints_the_swedish_example_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == demo_lines()
    assert out[0] == "Ramavtal: Ledar- och medarbetarutveckling, Stockholms stad"
    assert (
        out[-1] == "Avropat hittills: 3\xa0150\xa0000\xa0kr av 12\xa0000\xa0000\xa0kr "
        "(26,3\xa0% av takbeloppet)"
    )
