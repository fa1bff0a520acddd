"""The serialization API as a downstream project uses it, checked by mypy --strict.

Lines marked `# type: ignore[code]` MUST be rejected by the type checker (see
test_api_typing.py); pytest runs the file too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ledarutveckling as lu
from ledarutveckling.examples import stockholm_ledger
from ledarutveckling.serialization import DOCUMENT_KINDS, DocumentKind


def test_reading_gives_the_class_asked_for(tmp_path: Path) -> None:
    ledger = stockholm_ledger()
    text: str = lu.to_json(ledger)
    again: lu.AgreementLedger = lu.from_json(lu.AgreementLedger, text)
    money: lu.Money = lu.from_dict(lu.Money, {"amount": "1"})
    data: Any = lu.to_dict(money)
    toml: str = lu.to_toml(ledger)
    from_toml: lu.AgreementLedger = lu.from_toml(lu.AgreementLedger, toml.encode())
    lu.dump(ledger, tmp_path / "ledger.json")
    loaded: lu.AgreementLedger = lu.load(tmp_path / "ledger.json", lu.AgreementLedger)
    anything: object = lu.load(str(tmp_path / "ledger.json"))
    kind: DocumentKind = DOCUMENT_KINDS["ledger"]
    assert again == from_toml == loaded == anything == ledger
    assert data == {"amount": "1", "currency": "SEK"}
    assert kind.cls is lu.AgreementLedger


def test_wrong_arguments_are_rejected() -> None:
    with pytest.raises(lu.ValidationError):
        lu.from_json(lu.Money, 12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        lu.from_json('{"amount": "1"}', lu.Money)  # type: ignore[arg-type]
    wrong: lu.Program = lu.from_dict(lu.Money, {"amount": "1"})  # type: ignore[assignment]
    assert isinstance(wrong, lu.Money)
