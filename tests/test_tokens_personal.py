"""Attendance tokens: no personal data inside a token, and no token repeated in an error (h15).

A personnummer or samordningsnummer anywhere in a token, with or without its separator and
whatever its check digit, and an e-mail address anywhere, are refused; and no problem about a
token carries the token: not its value, its params, its reader's text, ``str(error)`` nor the
command line's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledarutveckling import Attendance, ValidationError
from ledarutveckling._cli import main
from ledarutveckling.examples import stockholm_sessions
from ledarutveckling.formatting import Expected, format_problem
from ledarutveckling.serialization import DeliveryRecord, from_json, load, to_json

SESSION = stockholm_sessions()[0]
EXAMPLES = Path(__file__).parent.parent / "examples"

PERSONAL = [
    "850101+1234",  # the + form (100 years or older): refused as personal, not as a bad pattern
    "850101-1234",
    "8501011234",
    "198501011234",
    "19850101-1234",
    "P-8112189876",  # inside a token
    "TOK-850101-1234",
    "198112189876-A",
    "X8112189876Y",
    "850161-1234",  # a samordningsnummer: the day plus 60
    "8501911234",
    "8112189875",  # a wrong check digit is still a person's number
]
EMAIL = ["anna.berg@stad.se", "x-anna.berg@stad.se-y", "a@b.se"]
PSEUDONYMOUS = [
    "TR26-01",
    "ABCD",
    "X-851301-1234",  # no month 13
    "X-850100-1234",  # no day 0
    "X-850132-1234",  # no day 32 ...
    "X-850192-1234",  # ... nor 92
    "985011234",  # nine digits
    "98501011234",  # eleven
    "998501011234",  # twelve, but no century 19 or 20
    "8501011234567",  # thirteen
    "a" * 64,
]


def _refused(tokens: list[object]) -> tuple[ValidationError, list[str]]:
    with pytest.raises(ValidationError) as error:
        Attendance(session=SESSION, registered=len(tokens), attended=len(tokens), tokens=tokens)
    return error.value, [token for token in tokens if isinstance(token, str)]


def _all_text(error: ValidationError) -> str:
    """Everything an error says, to anyone: str, repr, values, params and readers' texts."""
    parts = [str(error), repr(error.problems)]
    for problem in error.problems:
        parts += [problem.message, repr(problem.value), repr(dict(problem.params))]
        parts += [format_problem(problem), format_problem(problem, locale="en_GB")]
    return "\n".join(parts)


@pytest.mark.parametrize("token", PERSONAL)
def test_a_personal_identity_number_anywhere_in_a_token_is_refused_and_not_repeated(
    token: str,
) -> None:
    error, _ = _refused([token, "ABCD"])
    [problem] = error.problems
    assert (problem.path, problem.code, problem.value, dict(problem.params)) == (
        "tokens[0]",
        "token-personal",
        "(hidden)",
        {},
    )
    assert format_problem(problem) == (
        "värdet ser ut att innehålla ett person- eller samordningsnummer; använd en pseudonym"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the value looks like it holds a personal identity or coordination number; use a "
        "pseudonymous token"
    )
    assert str(error) == (
        "tokens[0]: looks like it holds a personal identity number (personnummer or "
        "samordningsnummer); use a pseudonymous token, got '(hidden)'"
    )
    digits = "".join(c for c in token if c.isdigit())
    assert token not in _all_text(error)
    assert digits not in _all_text(error)


@pytest.mark.parametrize("token", EMAIL)
def test_an_e_mail_address_is_refused_as_one_and_not_repeated(token: str) -> None:
    error, _ = _refused([token, "ABCD"])
    [problem] = error.problems
    assert (problem.path, problem.code, problem.value) == ("tokens[0]", "token-email", "(hidden)")
    assert format_problem(problem) == (
        "värdet ser ut att innehålla en e-postadress; använd en pseudonym"
    )
    assert format_problem(problem, locale="en_GB") == (
        "the value looks like it holds an e-mail address; use a pseudonymous token"
    )
    assert "anna" not in _all_text(error)
    assert "@" not in _all_text(error)


@pytest.mark.parametrize("token", PSEUDONYMOUS)
def test_a_pseudonymous_token_is_taken(token: str) -> None:
    attendance = Attendance(session=SESSION, registered=1, attended=1, tokens=[token])
    assert attendance.tokens == (token,)


def test_every_token_error_hides_the_token() -> None:
    error, given_tokens = _refused(["Anna Lindqvist", 8501011234, "AB12", "AB12", "abc"])
    assert [(p.path, p.code, p.value, dict(p.params)) for p in error.problems] == [
        ("tokens[0]", "bad-token", "(hidden)", {}),
        ("tokens[1]", "bad-token", "(hidden)", {}),
        ("tokens[3]", "token-duplicate", "(hidden)", {}),
        ("tokens[4]", "bad-token", "(hidden)", {}),
    ]
    assert [format_problem(p) for p in error.problems[2:3]] == [
        "pseudonymen förekommer mer än en gång"
    ]
    assert [format_problem(p, locale="en_GB") for p in error.problems[2:3]] == [
        "the token occurs more than once"
    ]
    assert error.problems[2].message == "must be unique; it repeats tokens[2]"
    text = _all_text(error)
    assert not any(token in text for token in [*given_tokens, "8501011234"])
    with pytest.raises(ValidationError) as refused:
        Attendance(session=SESSION, registered=1, attended=1, tokens="8501011234")
    [problem] = refused.value.problems
    assert (problem.path, problem.code, problem.value) == ("tokens", "not-a-list", "(hidden)")
    assert "8501011234" not in _all_text(refused.value)


_DIGITS = st.text(alphabet="0123456789", min_size=4, max_size=4)


@given(
    prefix=st.text(alphabet="ABCXYZ_-", max_size=8),
    suffix=st.text(alphabet="ABCXYZ_-", max_size=8),
    century=st.sampled_from(["", "19", "20"]),
    year=st.integers(0, 99),
    month=st.integers(1, 12),
    day=st.integers(1, 31) | st.integers(61, 91),
    separator=st.sampled_from(["", "-", "+"]),
    last=_DIGITS,
)
def test_any_identity_number_inside_any_token_is_refused_and_hidden(
    prefix: str,
    suffix: str,
    century: str,
    year: int,
    month: int,
    day: int,
    separator: str,
    last: str,
) -> None:
    number = f"{century}{year:02}{month:02}{day:02}{separator}{last}"
    error, _ = _refused([f"{prefix}{number}{suffix}"])
    assert [(p.code, p.value) for p in error.problems] == [("token-personal", "(hidden)")]
    assert number not in _all_text(error)


# -- documents and the command line ------------------------------------------------------------


def _with_tokens(tokens: str) -> str:
    text = (EXAMPLES / "stockholm-delivery.toml").read_text(encoding="utf-8")
    start = text.index("tokens = [")
    end = text.index("]", start) + 1
    return text[:start] + f"tokens = [{tokens}]" + text[end:]


def test_the_delivery_document_hides_refused_tokens_in_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    tokens = [f'"TR26-{n:02}"' for n in range(1, 21)]
    tokens[:5] = ['"850101+1234"', '"anna.berg@stad.se"', '"P-8112189876"', '"TR26-04"', '"X"']
    tokens[6] = tokens[5]
    Path("lev.toml").write_text(_with_tokens(", ".join(tokens[:18])), encoding="utf-8")
    assert main(["validate", "lev.toml"]) == 1
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert output.replace("\xa0", " ").splitlines() == [
        "lev.toml: ogiltig, 5 problem:",
        "  sessions[0].tokens[0]: värdet ser ut att innehålla ett person- eller "
        "samordningsnummer; använd en pseudonym",
        "  sessions[0].tokens[1]: värdet ser ut att innehålla en e-postadress; använd en pseudonym",
        "  sessions[0].tokens[2]: värdet ser ut att innehålla ett person- eller "
        "samordningsnummer; använd en pseudonym",
        "  sessions[0].tokens[4]: en pseudonym ska ha 4 till 64 tecken: bokstäverna A–Z, "
        "siffror, _ eller - (inga namn eller e-postadresser)",
        "  sessions[0].tokens[6]: pseudonymen förekommer mer än en gång",
    ]
    assert main(["validate", "lev.toml", "--locale", "en_GB"]) == 1
    captured = capsys.readouterr()
    assert (captured.out + captured.err).splitlines()[1:3] == [
        "  sessions[0].tokens[0]: the value looks like it holds a personal identity or "
        "coordination number; use a pseudonymous token",
        "  sessions[0].tokens[1]: the value looks like it holds an e-mail address; use a "
        "pseudonymous token",
    ]
    for secret in ("850101", "anna", "8112189876", "TR26-06"):
        assert secret not in output


def test_a_document_hides_a_token_of_the_wrong_kind_by_its_kind() -> None:
    record = load(EXAMPLES / "stockholm-delivery.toml")
    assert isinstance(record, DeliveryRecord)
    data = json.loads(to_json(record))
    data["sessions"][0]["tokens"][:5] = [
        {"pnr": "8501011234"},
        198501011234,
        True,
        1.5,
        None,
        ["x"],
    ]
    data["sessions"][1]["tokens"] = "8501011234"
    with pytest.raises(ValidationError) as error:
        from_json(DeliveryRecord, json.dumps(data))
    found = [(p.path, p.code, p.value, dict(p.params)) for p in error.value.problems]
    assert found == [
        (
            "sessions[0].tokens[0]",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.TABLE, "expected": Expected.TEXT},
        ),
        (
            "sessions[0].tokens[1]",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.INTEGER, "expected": Expected.TEXT},
        ),
        (
            "sessions[0].tokens[2]",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.BOOLEAN, "expected": Expected.TEXT},
        ),
        (
            "sessions[0].tokens[3]",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.NUMBER, "expected": Expected.TEXT},
        ),
        (
            "sessions[0].tokens[4]",
            "wrong-kind",
            "(hidden)",
            {"given": "null", "expected": Expected.TEXT},
        ),
        (
            "sessions[0].tokens[5]",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.LIST, "expected": Expected.TEXT},
        ),
        (
            "sessions[1].tokens",
            "wrong-kind",
            "(hidden)",
            {"given": Expected.TEXT, "expected": Expected.LIST},
        ),
    ]
    assert [format_problem(p) for p in error.value.problems] == [
        "här ska det stå text, inte en tabell",
        "här ska det stå text, inte ett heltal",
        "här ska det stå text, inte true eller false",
        "här ska det stå text, inte ett tal",
        "här ska det stå text, inte null",
        "här ska det stå text, inte en lista",
        "här ska det stå en lista, inte text",
    ]
    assert "8501011234" not in _all_text(error.value)


def test_a_toml_date_as_a_token_is_refused_without_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("lev.toml").write_text(_with_tokens("1985-01-01"), encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        load("lev.toml")
    assert [(p.path, p.code, p.value, dict(p.params)) for p in error.value.problems] == [
        ("sessions[0].tokens[0]", "bad-token", "(hidden)", {})
    ]
    assert main(["validate", "lev.toml"]) == 1
    captured = capsys.readouterr()
    assert "1985" not in captured.out + captured.err
    assert (captured.out + captured.err).splitlines()[1] == (
        "  sessions[0].tokens[0]: en pseudonym ska ha 4 till 64 tecken: bokstäverna A–Z, "
        "siffror, _ eller - (inga namn eller e-postadresser)"
    )


def test_a_tokens_problem_that_does_not_name_the_value_keeps_its_params() -> None:
    from ledarutveckling._documents.problems import _hidden
    from ledarutveckling.errors import Problem

    plain = Problem(path="tokens", value=["x"] * 9, message="too long", code="too-large")
    counted = attrs.evolve(plain, params={"given": 9, "most": 8})
    assert _hidden(plain) == attrs.evolve(plain, value="(hidden)")
    assert _hidden(counted) == attrs.evolve(counted, value="(hidden)")
    assert dict(_hidden(counted).params) == {"given": 9, "most": 8}
    odd = Problem(path="tokens[0]", value=object(), message="?", code="wrong-kind")
    assert _hidden(odd).value == "(hidden)"
