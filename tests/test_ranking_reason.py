"""Ranking: a call-off to a supplier not ranked first states why those above were passed over (h15).

DOMAIN.md: under ranking the highest-ranked supplier is called off from first, the next "only
for stated reasons such as no reply in time or no capacity".
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from ledarutveckling import (
    AgreementLedger,
    CallOff,
    CallOffMethod,
    FrameworkAgreement,
    Money,
    RankingReason,
    ValidationError,
)
from ledarutveckling._cli import main
from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
from ledarutveckling.formatting import format_problem
from ledarutveckling.serialization import dump, from_json, from_toml, load, to_json, to_toml

LEDGER = stockholm_ledger()
AGREEMENT = stockholm_agreement()  # combined: ranking below 1 000 000 kr, its supplier first
SECOND = attrs.evolve(AGREEMENT, supplier_rank=2)
RANKED = [i for i, c in enumerate(LEDGER.call_offs) if c.method is CallOffMethod.RANKING]
COMPETED = [i for i, c in enumerate(LEDGER.call_offs) if c.method is not CallOffMethod.RANKING]
REASONS = (
    "no_reply (svarade inte i tid), no_capacity (saknade kapacitet), declined (tackade nej), "
    "conflict_of_interest (jäv eller intressekonflikt) eller excluded (utesluten eller avtalet "
    "hävt)"
)


def _with_reasons(reason: RankingReason | None, note: str = "") -> tuple[CallOff, ...]:
    return tuple(
        attrs.evolve(c, ranking_reason=reason, ranking_note=note)
        if c.method is CallOffMethod.RANKING
        else c
        for c in LEDGER.call_offs
    )


def test_the_reasons_are_labelled_in_swedish_and_english() -> None:
    assert [(r.value, r.label(), r.label("en_GB")) for r in RankingReason] == [
        ("no_reply", "svarade inte i tid", "no reply in time"),
        ("no_capacity", "saknade kapacitet", "no capacity"),
        ("declined", "tackade nej", "declined"),
        ("conflict_of_interest", "jäv eller intressekonflikt", "conflict of interest"),
        ("excluded", "utesluten eller avtalet hävt", "excluded or its agreement terminated"),
    ]
    assert RankingReason.__module__ == "ledarutveckling"


def test_a_call_off_by_ranking_to_the_second_ranked_supplier_needs_a_reason() -> None:
    assert RANKED == [0, 1, 2, 3, 5, 6]
    assert COMPETED == [4]
    ledger = AgreementLedger(agreement=SECOND, call_offs=LEDGER.call_offs)
    problems = ledger.problems()
    # every call-off by ranking, at once; the one after renewed competition needs none
    assert [(p.path, p.code, p.value) for p in problems] == [
        (f"call_offs[{i}].ranking_reason", "ranking-reason-missing", None) for i in RANKED
    ]
    first = problems[0]
    assert dict(first.params) == {
        "rank": 2,
        "valid": (
            "no_reply",
            "no_capacity",
            "declined",
            "conflict_of_interest",
            "excluded",
        ),
    }
    assert format_problem(first).replace("\xa0", " ") == (
        "avropet går genom rangordning till leverantören på plats 2; ange varför de som står "
        f"före hoppades över (ranking_reason), något av {REASONS}"
    )
    assert format_problem(first, locale="en_GB") == (
        "the call-off goes by ranking to the supplier ranked 2; state why those ranked above "
        "it were passed over (ranking_reason), one of no_reply (no reply in time), "
        "no_capacity, declined, conflict_of_interest or excluded (excluded or its agreement "
        "terminated)"
    )
    assert str(first) == (
        "call_offs[0].ranking_reason: must be stated: the call-off goes by ranking to the "
        "supplier ranked 2, so why those ranked above it were passed over must be recorded "
        "('no_reply', 'no_capacity', 'declined', 'conflict_of_interest', 'excluded'), got None"
    )
    stated = AgreementLedger(agreement=SECOND, call_offs=_with_reasons(RankingReason.NO_REPLY))
    assert stated.problems() == ()


def test_under_a_pure_ranking_agreement_every_call_off_needs_it() -> None:
    ranking = attrs.evolve(
        SECOND, call_off_method=CallOffMethod.RANKING, value_limit=None, supplier_rank=3
    )
    call_offs = tuple(attrs.evolve(c, method=CallOffMethod.RANKING) for c in LEDGER.call_offs)
    problems = AgreementLedger(agreement=ranking, call_offs=call_offs).problems()
    assert [p.path for p in problems if p.code == "ranking-reason-missing"] == [
        f"call_offs[{i}].ranking_reason" for i in range(len(call_offs))
    ]
    assert {p.params["rank"] for p in problems if p.code == "ranking-reason-missing"} == {3}


def test_a_wrong_method_is_said_once_not_with_a_missing_reason_too() -> None:
    # call_offs[4] is above the value limit: renewed competition, not ranking
    call_offs = list(LEDGER.call_offs)
    listed = tuple(attrs.evolve(line, unit_price=None) for line in call_offs[4].lines)
    call_offs[4] = attrs.evolve(call_offs[4], method=CallOffMethod.RANKING, lines=listed)
    reasons = _with_reasons(RankingReason.NO_CAPACITY)
    call_offs = [*reasons[:4], call_offs[4], *reasons[5:]]
    problems = AgreementLedger(agreement=SECOND, call_offs=call_offs).problems()
    assert [(p.path, p.code) for p in problems] == [("call_offs[4].method", "wrong-method")]


def test_a_reason_with_the_first_ranked_supplier_is_refused() -> None:
    call_offs = _with_reasons(RankingReason.DECLINED)
    problems = AgreementLedger(agreement=AGREEMENT, call_offs=call_offs).problems()
    assert [(p.path, p.code, p.value) for p in problems] == [
        (f"call_offs[{i}].ranking_reason", "ranking-reason-first", "declined") for i in RANKED
    ]
    assert format_problem(problems[0]) == (
        "avtalets leverantör står först i rangordningen, så ingen hoppades över och inget skäl "
        "ska anges (angivet: tackade nej)"
    )
    assert format_problem(problems[0], locale="en_GB") == (
        "the agreement's supplier is ranked first, so no one was passed over and no reason is "
        "to be given (given: declined)"
    )
    # a note alone, with the first-ranked supplier, says nothing the ledger refuses
    noted = _with_reasons(None, "Ramavtalsleverantör 1")
    assert AgreementLedger(agreement=AGREEMENT, call_offs=noted).problems() == ()


def test_renewed_competition_takes_no_reason_nor_note() -> None:
    competed = LEDGER.call_offs[4]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(competed, ranking_reason=RankingReason.NO_REPLY, ranking_note="x")
    problems = error.value.problems
    assert [(p.path, p.code, p.value) for p in problems] == [
        ("ranking_reason", "ranking-reason-not-ranking", RankingReason.NO_REPLY),
        ("ranking_note", "ranking-reason-not-ranking", "x"),
    ]
    assert [format_problem(p) for p in problems] == [
        "ranking_reason anges bara vid avrop genom rangordning; ett avrop efter förnyad "
        "konkurrensutsättning hoppar inte över någon leverantör",
        "ranking_note anges bara vid avrop genom rangordning; ett avrop efter förnyad "
        "konkurrensutsättning hoppar inte över någon leverantör",
    ]
    assert format_problem(problems[0], locale="en_GB") == (
        "ranking_reason is given only for a call-off by ranking; a call-off after renewed "
        "competition passes over no supplier"
    )


def test_a_reason_must_be_a_reason_and_a_note_text() -> None:
    with pytest.raises(ValidationError) as error:
        attrs.evolve(LEDGER.call_offs[0], ranking_reason="no_reply", ranking_note=None)  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in error.value.problems] == [
        ("ranking_reason", "not-one-of"),
        ("ranking_note", "not-text"),
    ]
    with pytest.raises(ValidationError) as error:  # not checked against the method then
        attrs.evolve(LEDGER.call_offs[4], ranking_reason="no_reply")  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in error.value.problems] == [("ranking_reason", "not-one-of")]


def test_the_reason_and_note_round_trip_and_are_left_out_when_not_given() -> None:
    call_offs = _with_reasons(RankingReason.NO_REPLY, "Leverantör 1 svarade inte inom fem dagar")
    ledger = AgreementLedger(agreement=SECOND, call_offs=call_offs)
    assert from_json(AgreementLedger, to_json(ledger)) == ledger
    assert from_toml(AgreementLedger, to_toml(ledger)) == ledger
    assert from_json(CallOff, to_json(call_offs[0])) == call_offs[0]
    text = to_toml(call_offs[0])
    assert 'ranking_reason = "no_reply"\n' in text
    assert 'ranking_note = "Leverantör 1 svarade inte inom fem dagar"\n' in text
    assert "ranking_" not in to_toml(LEDGER) + to_json(LEDGER)


def test_a_document_with_an_unknown_reason_lists_the_reasons() -> None:
    text = to_toml(attrs.evolve(LEDGER.call_offs[0], ranking_reason=RankingReason.NO_REPLY))
    with pytest.raises(ValidationError) as error:
        from_toml(CallOff, text.replace('"no_reply"', '"busy"'))
    [problem] = error.value.problems
    assert (problem.path, problem.code, problem.value) == ("ranking_reason", "not-allowed", "busy")
    assert format_problem(problem) == (
        '"busy" kan inte stå här; skriv något av "no_reply" (svarade inte i tid), '
        '"no_capacity" (saknade kapacitet), "declined" (tackade nej), "conflict_of_interest" '
        '(jäv eller intressekonflikt) eller "excluded" (utesluten eller avtalet hävt)'
    )


def test_validate_says_the_missing_reason_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    call_offs = list(LEDGER.call_offs)
    call_offs[1] = attrs.evolve(call_offs[1], ranking_reason=RankingReason.NO_CAPACITY)
    dump(AgreementLedger(agreement=SECOND, call_offs=call_offs[:3]), tmp_path / "logg.toml")
    assert main(["validate", "logg.toml"]) == 1
    captured = capsys.readouterr()
    assert (captured.out + captured.err).replace("\xa0", " ").splitlines() == [
        "logg.toml: ogiltig, 2 problem:",
        "  call_offs[0].ranking_reason: avropet går genom rangordning till leverantören på "
        "plats 2; ange varför de som står före hoppades över (ranking_reason), något av "
        f"{REASONS}",
        "  call_offs[2].ranking_reason: avropet går genom rangordning till leverantören på "
        "plats 2; ange varför de som står före hoppades över (ranking_reason), något av "
        f"{REASONS}",
    ]
    fixed = [attrs.evolve(c, ranking_reason=RankingReason.NO_REPLY) for c in call_offs[:3]]
    (tmp_path / "logg.toml").unlink()
    dump(AgreementLedger(agreement=SECOND, call_offs=fixed), tmp_path / "logg.toml")
    assert main(["validate", "logg.toml"]) == 0
    loaded = load(tmp_path / "logg.toml")
    assert isinstance(loaded, AgreementLedger)
    assert [c.ranking_reason for c in loaded.call_offs] == [RankingReason.NO_REPLY] * 3


def test_the_agreement_still_takes_any_rank_and_a_limit() -> None:
    assert isinstance(SECOND, FrameworkAgreement)
    assert SECOND.value_limit == Money.sek("1000000")
