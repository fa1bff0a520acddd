import subprocess
import sys

import pytest

from ledarutveckling.__main__ import main

EXPECTED = """\
Ramavtal: Ledar- och medarbetarutveckling, Stockholms stad
Avrop: Förändringsledarskap för stadsdelsförvaltningar
Beställare: Skarpnäck, Farsta och Enskede-Årsta-Vantör
Period: 18 januari–26 mars 2027 (vecka 3–12)
Första träffen: måndag 18 januari 2027 kl. 09:00
Längd per träff: 3 timmar 30 minuter
Pris: 6 dagar à 18\xa0500\xa0kr = 111\xa0000\xa0kr exkl. moms
Moms: 27\xa0750\xa0kr, att betala: 138\xa0750\xa0kr
Avropat hittills: 3\xa0150\xa0000\xa0kr av 12\xa0000\xa0000\xa0kr (26,3\xa0% av takbeloppet)
"""


def test_main_prints_the_example_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out == EXPECTED


def test_python_dash_m_runs_the_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ledarutveckling"],
        capture_output=True,
        check=False,
        env={"PYTHONIOENCODING": "utf-8", "LANG": "C"},
    )
    assert result.returncode == 0
    assert result.stderr == b""
    assert result.stdout.decode("utf-8") == EXPECTED
