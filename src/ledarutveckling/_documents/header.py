"""The header of a document: the keys before its content (private).

``document`` names the kind and ``schema_version`` the version it was written with; the
registry (:mod:`ledarutveckling._documents.registry`) reads and writes them, and the converter
refuses them inside a value.
"""

from __future__ import annotations

from typing import Final

DOCUMENT_KEY: Final = "document"
"""The key naming a document's kind (``"program"``, ``"agreement"``…) in its header."""


VERSION_KEY: Final = "schema_version"
"""The key holding the schema version a document was written with, in its header."""


_HEADER: Final = frozenset({DOCUMENT_KEY, VERSION_KEY})
