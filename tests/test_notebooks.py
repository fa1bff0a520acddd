"""The notebooks in docs/notebooks/ run from top to bottom without an error (nbclient)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).parent.parent / "docs" / "notebooks"


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]


def _run(path: Path) -> Any:
    notebook = _read(path)
    # "python3" is the kernel ipykernel provides for the interpreter it is installed in, so
    # this works in a fresh virtual environment without `ipykernel install`.
    NotebookClient(notebook, kernel_name="python3", timeout=300).execute(cwd=str(path.parent))
    return notebook


def _text(notebook: Any) -> str:
    return "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_the_notebook_is_saved_without_outputs(path: Path) -> None:
    notebook = _read(path)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_the_scenario_notebook_runs_and_shows_utilisation_and_a_plot() -> None:
    notebook = _run(NOTEBOOKS / "scenarios.ipynb")
    text = _text(notebook)
    assert "Problem med avropen: inga" in text
    assert "med scenariot:  35,8\xa0%, kvar 6\xa0418\xa0055,05\xa0kr" in text
    images = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == 2  # the comparison, and plots.plot_burn_up
