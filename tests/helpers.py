"""Shared helpers for the tests: building valid objects and reading problems."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ledarutveckling import ValidationError


def problems(build: Callable[..., object], /, **kwargs: Any) -> list[tuple[str, str]]:
    """Call *build* expecting a ValidationError; return its problems as (path, message)."""
    with pytest.raises(ValidationError) as info:
        build(**kwargs)
    return [(p.path, p.message) for p in info.value.problems]


def values(build: Callable[..., object], /, **kwargs: Any) -> list[object]:
    """Call *build* expecting a ValidationError; return the bad values it reports."""
    with pytest.raises(ValidationError) as info:
        build(**kwargs)
    return [p.value for p in info.value.problems]
