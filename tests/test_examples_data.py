"""The example data lives once, in Python; the TOML files shipped beside it must say the same.

``examples/stockholm-ledger.toml`` (the command line's demo input) is generated from
:func:`~ledarutveckling.examples.stockholm_ledger`; after changing the example, regenerate it:

    python -c "from ledarutveckling.examples import stockholm_ledger; \
from ledarutveckling.serialization import to_toml; \
open('examples/stockholm-ledger.toml', 'w', encoding='utf-8').write(to_toml(stockholm_ledger()))"

``examples/stockholm-delivery.toml`` (the invoice command's ``--delivery`` example) likewise from
:func:`~ledarutveckling.examples.stockholm_delivery`.

``docs/examples/agreement.toml`` is written by hand for the tutorial (inline tables and
comments), so it is held to read as the same agreement, not to the same text.
"""

from __future__ import annotations

from pathlib import Path

from ledarutveckling import AgreementLedger, FrameworkAgreement
from ledarutveckling.examples import stockholm_agreement, stockholm_delivery, stockholm_ledger
from ledarutveckling.serialization import DeliveryRecord, load, to_toml

ROOT = Path(__file__).parent.parent


def test_the_demo_ledger_file_is_the_example_ledger_written_out() -> None:
    path = ROOT / "examples" / "stockholm-ledger.toml"
    assert path.read_text(encoding="utf-8") == to_toml(stockholm_ledger())
    assert load(path, AgreementLedger) == stockholm_ledger()


def test_the_demo_delivery_file_is_the_example_delivery_record_written_out() -> None:
    path = ROOT / "examples" / "stockholm-delivery.toml"
    assert path.read_text(encoding="utf-8") == to_toml(stockholm_delivery())
    assert load(path, DeliveryRecord) == stockholm_delivery()


def test_the_tutorials_agreement_file_reads_as_the_example_agreement() -> None:
    assert load(ROOT / "docs" / "examples" / "agreement.toml", FrameworkAgreement) == (
        stockholm_agreement()
    )
