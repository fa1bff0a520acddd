"""The examples of a published class or function run in the module they are written in.

:func:`ledarutveckling._base.public.publish` sets the public objects' ``__module__`` to their
public face, so :mod:`doctest` now collects their examples from the face and would run them in
the face's namespace. An example may use what the module it is written in imports (``pendulum``,
the enums beside the class), as it did before, so that namespace is added here.
Not part of the distribution (only ``src/ledarutveckling`` is packaged).
"""

from __future__ import annotations

import sys
from typing import Any, cast

import pytest
from _pytest.doctest import DoctestItem


def _written_in(name: str) -> dict[str, Any]:
    """The globals of the module that holds the source of the object named *name*."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is not None:
            break
    else:
        return {}
    obj: Any = module
    for part in parts[cut:]:
        obj = getattr(obj, part, None)
    candidates = [obj, getattr(obj, "__func__", None), getattr(obj, "fget", None)]
    if isinstance(obj, type):
        candidates += list(vars(obj).values())
    for candidate in candidates:
        candidate = getattr(candidate, "__func__", getattr(candidate, "fget", candidate))
        found = getattr(candidate, "__globals__", None)
        home = found.get("__name__") if isinstance(found, dict) else None
        if isinstance(home, str) and home.startswith("ledarutveckling._"):
            return cast("dict[str, Any]", found)
    return {}


@pytest.fixture(autouse=True)
def _in_the_module_written_in(request: pytest.FixtureRequest) -> None:
    item = request.node
    if isinstance(item, DoctestItem) and item.dtest is not None:
        for key, value in _written_in(item.dtest.name).items():
            item.dtest.globs.setdefault(key, value)
