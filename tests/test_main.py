import os
import subprocess
import sys

import ledarutveckling.__main__
from ledarutveckling import _cli


def test_the_entry_point_is_the_command_line() -> None:
    assert ledarutveckling.__main__.main is _cli.main


def test_python_dash_m_shows_the_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ledarutveckling", "--help"],
        capture_output=True,
        check=False,
        env={  # a bare environment, but the tree under test (PYTHONPATH) where one is set
            "PYTHONIOENCODING": "utf-8",
            "LANG": "C",
            **{key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ},
        },
    )
    assert result.returncode == 0
    assert result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert out.startswith("användning: ledarutveckling [-h] [--version] [--locale {sv_SE,en_GB}]")
    for command in ("demo", "validate", "report", "schedule"):
        assert f"    {command} " in out
