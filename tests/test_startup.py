"""What `import ledarutveckling` loads, and what the first uses load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from ledarutveckling import WorkingCalendar
from ledarutveckling._scheduling import calendar

_PROBE = """
import sys
import ledarutveckling
at_import = sorted(m for m in sys.modules if m.split(".")[0] in ("holidays", "importlib")
                   and m.startswith(("holidays", "importlib.metadata")))
import pendulum
from ledarutveckling.formatting import format_date
format_date(pendulum.date(2026, 11, 27))
ledarutveckling.WorkingCalendar.sweden().add_working_days(pendulum.date(2026, 12, 23), 1)
countries = sorted(m for m in sys.modules if m.startswith("holidays.countries"))
print(at_import, countries)
"""


def test_the_import_loads_no_holidays_and_the_first_query_only_sweden() -> None:
    found = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True
    ).stdout
    assert found.strip() == "[] []"


_RARELY_USED = (
    "icalendar",
    "statistics",
    "email",
    "uuid",
    "tomllib",
    "difflib",
    "highspy",
    "numpy",
    "stdnum",  # python-stdnum, on the first organisation number (15 ms with its ssl and pydoc)
    "tomli_w",  # on the first TOML written
    "ssl",
    "pydoc",
    "json",  # on the first JSON read or written, or the first error path with an odd key
    "xml",  # on the first Peppol invoice written or checked
    "fractions",  # on the first disclosure check that divides
)


def test_the_import_leaves_rarely_used_modules_for_their_first_use() -> None:
    code = (
        "import sys, ledarutveckling; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {_RARELY_USED!r}))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert found.strip() == "[]"


_OWN_MODULES_ON_FIRST_USE = (
    # the rollout planner's engine and the re-plan's completion: on the first plan or re-plan
    "ledarutveckling._rollout.search",
    "ledarutveckling._rollout.bounds",
    "ledarutveckling._rollout.away",
    "ledarutveckling._rollout.capacity",
    "ledarutveckling._rollout.heuristic",
    "ledarutveckling._rollout.list_schedule",
    "ledarutveckling._rollout.instance",
    "ledarutveckling._rollout.counting",
    "ledarutveckling._rollout.split",
    "ledarutveckling._rollout.completion",
    # the text readers and writers, and the JSON Schema: on the first document read or written
    "ledarutveckling._documents.text",
    "ledarutveckling._documents.schema",
    # the narrowed intervals of a disclosure audit (and their solver): on the first audit
    "ledarutveckling._evaluation.intervals",
)


def test_the_import_leaves_the_engine_and_the_text_readers_for_their_first_use() -> None:
    code = (
        "import sys, ledarutveckling; "
        f"print(sorted(m for m in {_OWN_MODULES_ON_FIRST_USE!r} if m in sys.modules))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert found.strip() == "[]"


_FIRST_PLAN_AND_DOCUMENT = """
import datetime as dt
import sys
import pendulum
import ledarutveckling as lu
from ledarutveckling._testing.factories import make_program
from ledarutveckling.serialization import json_schema, to_json
to_json(lu.Money.sek("1"))
json_schema("program")
lu.plan_rollout(lu.Rollout(
    program=make_program(), units=[lu.RolloutUnit(name="Enheten", headcount=20)],
    facilitators=[lu.Facilitator(name="Anna")], rooms=[lu.Room(name="Ateljén", capacity=24)],
    calendar=lu.WorkingCalendar.sweden(), slots=[lu.SessionSlot(start=dt.time(9), end=dt.time(16))],
    start=pendulum.date(2027, 1, 11),
))
print(" ".join(sorted(m for m in sys.modules if m.startswith("ledarutveckling._"))))
"""


def test_the_first_plan_and_document_load_the_engine_and_the_text_readers() -> None:
    found = subprocess.run(
        [sys.executable, "-c", _FIRST_PLAN_AND_DOCUMENT],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert sorted(set(_OWN_MODULES_ON_FIRST_USE) - set(found)) == [
        "ledarutveckling._evaluation.intervals",  # the first audit's
        "ledarutveckling._rollout.completion",  # the first re-plan's
    ]


_FIRST_USES = """
import sys
import ledarutveckling
from ledarutveckling.serialization import to_toml
ledarutveckling.Organisation(name="Stockholms stad", org_number="2120003237")
to_toml(ledarutveckling.Money.sek("1"))
print(sorted(m for m in ("stdnum.se.orgnr", "tomli_w") if m in sys.modules))
"""


def test_the_first_uses_load_stdnum_and_tomli_w() -> None:
    found = subprocess.run(
        [sys.executable, "-c", _FIRST_USES], check=True, capture_output=True, text=True
    ).stdout
    assert found.strip() == "['stdnum.se.orgnr', 'tomli_w']"


def test_the_import_reads_no_metadata_and_has_no_module_getattr() -> None:
    import ledarutveckling

    assert "__getattr__" not in vars(ledarutveckling)
    assert ledarutveckling.__version__ == "0.1.0.dev0"


def _christmas_names() -> tuple[str | None, str | None]:
    calendar._sweden.cache_clear()
    try:
        fresh = WorkingCalendar.sweden()
        day = pendulum.date(2026, 12, 25)
        return fresh.day_off_reason(day), fresh.day_off_reason(day, locale="en_GB")
    finally:
        calendar._sweden.cache_clear()


def test_sweden_is_imported_as_usual_when_already_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import holidays.countries.sweden

    monkeypatch.setitem(sys.modules, calendar._SWEDEN_MODULE, holidays.countries.sweden)
    assert _christmas_names() == ("Juldagen", "Christmas Day")


def test_sweden_is_imported_as_usual_when_the_package_is_not_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(sys.modules, calendar._SWEDEN_MODULE, raising=False)
    monkeypatch.setattr(Path, "is_file", lambda self: False)
    assert _christmas_names() == ("Juldagen", "Christmas Day")


def test_sweden_loaded_alone_names_the_holidays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, calendar._SWEDEN_MODULE, raising=False)
    assert _christmas_names() == ("Juldagen", "Christmas Day")


_FIRST_USES_OF_THE_STANDARD_LIBRARY = """
import sys
import ledarutveckling
from ledarutveckling.examples import stockholm_invoice
from ledarutveckling.serialization import from_json, to_json
from_json(ledarutveckling.Money, to_json(ledarutveckling.Money.sek("1")))
ledarutveckling.check_peppol(ledarutveckling.to_peppol(stockholm_invoice()))
print(sorted(m for m in ("json", "xml.etree.ElementTree") if m in sys.modules))
"""


def test_json_and_xml_are_imported_by_their_first_use() -> None:
    found = subprocess.run(
        [sys.executable, "-c", _FIRST_USES_OF_THE_STANDARD_LIBRARY],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert found.strip() == "['json', 'xml.etree.ElementTree']"
