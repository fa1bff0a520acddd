"""The one Swedish/English text mechanism: Words tables and Labelled enums."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import re
import string
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import ledarutveckling
from ledarutveckling._base.i18n import Labelled, Words
from ledarutveckling.errors import NotFoundError, ValidationError

PACKAGE = Path(ledarutveckling.__file__).parent
I18N = PACKAGE / "_base" / "i18n.py"

# A choice of language anywhere but i18n.py: a comparison with "sv", or a table keyed by it.
CHOICE = re.compile(r"""[=!]=\s*["']sv["']|["'](?:sv|en)["']\s*:""")

# Templates whose languages deliberately take different fields: English keeps CLDR's day unit.
DIFFERENT_FIELDS = {
    ("ledarutveckling.formatting", "_WORDS", "day"),
    ("ledarutveckling.formatting", "_WORDS", "days"),
}


def _modules() -> Iterator[ModuleType]:
    yield ledarutveckling
    for info in pkgutil.walk_packages(ledarutveckling.__path__, "ledarutveckling."):
        yield importlib.import_module(info.name)


def _tables() -> Iterator[tuple[str, str, Words[Any]]]:
    """Every Words table a module holds, directly or as the values of a dict."""
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, Words):
                yield module.__name__, name, value
            elif isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, Words):
                        yield module.__name__, f"{name}[{key!r}]", item


def _labelled_enums() -> list[type[enum.Enum]]:
    for _ in _modules():
        pass
    found: list[type[enum.Enum]] = []
    pending: list[type] = [Labelled]
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if (
            issubclass(cls, enum.Enum)
            and list(cls)
            and cls.__module__.startswith("ledarutveckling")
        ):
            found.append(cls)
    return found


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


# -- the package uses it everywhere ----------------------------------------------------------


def test_no_module_but_i18n_chooses_a_language_itself() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != I18N
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CHOICE.search(line)
    ]
    assert found == []


def test_the_scan_would_find_a_choice() -> None:
    assert CHOICE.search('word = "av" if language(locale) == "sv" else "out of"')
    assert CHOICE.search("if lang != 'sv':")
    assert CHOICE.search('_EXTRA = {"sv": "Extra ledig dag", "en": "Extra day off"}')
    assert not CHOICE.search('self._names[year, "sv"] = names')


def test_the_package_has_its_tables() -> None:
    names = {(module, name) for module, name, _ in _tables()}
    assert ("ledarutveckling._procurement.offerings", "_LABELS") in names
    assert ("ledarutveckling._evaluation.survey", "_ANCHORS[<Scale.NPS: 'nps'>]") in names
    assert len(names) >= 20


def test_every_table_has_both_languages_and_the_same_template_fields() -> None:
    for module, name, table in _tables():
        for key, (swedish, english) in table.items():
            assert swedish.strip(), (module, name, key)
            assert english.strip(), (module, name, key)
            if (module, name, key) not in DIFFERENT_FIELDS:
                assert _fields(swedish) == _fields(english), (module, name, key)


def test_every_labelled_member_has_both_labels() -> None:
    enums = _labelled_enums()
    # ChargeKind and PaymentScheme (issue 18), issue 19's, ReplanRule, RankingReason (h15),
    # WeekdayName (h13-words)
    assert len(enums) == 21
    for cls in enums:
        for member in cls:
            swedish = member.label()  # type: ignore[attr-defined]
            english = member.label("en_GB")  # type: ignore[attr-defined]
            assert swedish.strip(), member
            assert english.strip(), member
            assert swedish == member.label("sv_FI")  # type: ignore[attr-defined]
            assert english == member.label("en_US")  # type: ignore[attr-defined]


def test_labels_keep_their_texts() -> None:
    from ledarutveckling import CallOffStatus, ConflictKind, KirkpatrickLevel

    assert CallOffStatus.IN_DELIVERY.label() == "under leverans"
    assert CallOffStatus.IN_DELIVERY.label("en_GB") == "in delivery"
    assert ConflictKind.DAY_OFF.label("en_GB") == "day off"
    assert KirkpatrickLevel(3).label() == "beteende"
    assert str(KirkpatrickLevel(3)) == "3"


# -- Words -----------------------------------------------------------------------------------

WORDS = Words({"cohorts": ("{n} kohorter", "{n} cohorts"), "all": ("Alla", "All")})


def test_text_in_both_languages() -> None:
    assert WORDS.text("all", "sv_SE") == "Alla"
    assert WORDS.text("all", "en_GB") == "All"
    assert WORDS.text("all", "sv") == "Alla"
    assert WORDS.text("all", "en") == "All"


def test_text_is_as_written_and_format_fills_in() -> None:
    assert WORDS.text("cohorts", "en_GB") == "{n} cohorts"
    assert WORDS.format("cohorts", "sv_SE", n=3) == "3 kohorter"
    assert WORDS.format("cohorts", "en_GB", n=3) == "3 cohorts"


def test_texts_gives_one_language() -> None:
    assert WORDS.texts("sv_SE") == {"cohorts": "{n} kohorter", "all": "Alla"}
    assert WORDS.texts("en_US") == {"cohorts": "{n} cohorts", "all": "All"}


def test_unknown_key() -> None:
    with pytest.raises(NotFoundError) as caught:
        WORDS.text("none", "sv_SE")
    assert str(caught.value) == "key: has no text (keys: 'cohorts', 'all'), got 'none'"
    with pytest.raises(KeyError):
        WORDS["none"]


def test_unknown_locale() -> None:
    with pytest.raises(ValidationError) as caught:
        WORDS.text("all", "de_DE")
    assert [p.path for p in caught.value.problems] == ["locale"]
    with pytest.raises(ValidationError):
        WORDS.texts("fi")


def test_is_a_read_only_mapping() -> None:
    assert len(WORDS) == 2
    assert list(WORDS) == ["cohorts", "all"]
    assert WORDS["all"] == ("Alla", "All")
    assert "all" in WORDS
    assert repr(Words({"a": ("b", "c")})) == "Words({'a': ('b', 'c')})"
    with pytest.raises(AttributeError, match="Words is frozen; cannot set '_entries'"):
        WORDS._entries = {}


def test_copies_its_entries() -> None:
    entries = {"a": ("b", "c")}
    words = Words(entries)
    entries["a"] = ("x", "y")
    assert words["a"] == ("b", "c")


@pytest.mark.parametrize(
    "pair",
    [
        ("vecka", ""),
        ("", "week"),
        ("vecka", "  "),
        ("vecka",),
        ("vecka", "week", "extra"),
        ["vecka", "week"],
        ("vecka", None),
        "vecka",
    ],
)
def test_a_missing_or_blank_text_fails(pair: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Words({"week": pair})  # type: ignore[dict-item]
    assert str(caught.value) == (
        f"entries['week']: must be a (Swedish, English) pair of non-blank texts, got {pair!r}"
    )


class _Colour(Labelled, enum.Enum):
    RED = "red"
    BLUE = "blue"

    def _labels(self) -> Words[_Colour]:
        return _COLOURS


_COLOURS: Words[_Colour] = Words({_Colour.RED: ("röd", "red"), _Colour.BLUE: ("blå", "blue")})


def test_keys_must_match_exactly() -> None:
    assert Words(dict(_COLOURS), keys=_Colour) == _COLOURS
    with pytest.raises(ValidationError) as caught:
        Words({_Colour.RED: ("röd", "red")}, keys=_Colour)
    assert str(caught.value) == (
        "entries: must have exactly the keys given (missing: [<_Colour.BLUE: 'blue'>]; "
        "not expected: []), got [<_Colour.RED: 'red'>]"
    )
    with pytest.raises(ValidationError) as caught:
        Words({"a": ("b", "c"), "d": ("e", "f")}, keys=["a"])
    assert str(caught.value) == (
        "entries: must have exactly the keys given (missing: []; not expected: ['d']), "
        "got ['a', 'd']"
    )


# -- Labelled --------------------------------------------------------------------------------


def test_labelled_enum() -> None:
    assert _Colour.RED.label() == "röd"
    assert _Colour.BLUE.label("en_GB") == "blue"
    assert _Colour("blue").value == "blue"


def test_labelled_enum_without_a_table() -> None:
    class Bare(Labelled, enum.Enum):
        ONE = "one"

    with pytest.raises(NotImplementedError, match="Bare must return its labels from _labels"):
        Bare.ONE.label()
