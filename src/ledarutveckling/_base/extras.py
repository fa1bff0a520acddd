"""Optional dependencies, imported when first needed (private)."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import *module*, or say which extra of ledarutveckling installs it.

    Raises:
        ImportError: When *module* is not installed; the message names the extra, e.g.
            ``pip install 'ledarutveckling[pandas]'``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{feature} needs {module.split('.')[0]}, which is not installed; install it with "
            f"pip install 'ledarutveckling[{extra}]'"
        ) from error
