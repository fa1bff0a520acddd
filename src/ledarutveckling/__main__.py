"""Command line entry point: ``python -m ledarutveckling`` (or ``ledarutveckling``).

The commands live in :mod:`ledarutveckling._cli`; run ``ledarutveckling --help`` for them.
"""

from __future__ import annotations

import sys

from ledarutveckling._cli import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
