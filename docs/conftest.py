"""The examples in docs/*.md run at the repository's root, wherever pytest is started from.

So a page can read the files it names by their path in the repository, e.g.
``docs/examples/agreement.toml``.
"""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).parent.parent)
