"""Every public object names its public home: ``__module__``, reprs and pickles.

The classes and functions are written in private modules (``ledarutveckling._procurement``…)
and published by the faces; a pickle of any value object names only public modules, so that
moving a file does not break a stored pickle (see docs/architecture.md).
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import inspect
import pickle
import pickletools
import pkgutil
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any, get_type_hints

import attrs
import pendulum
import pytest

import ledarutveckling
from ledarutveckling import (
    Audience,
    CurrencyMismatchError,
    DateRange,
    Dimension,
    EvaluationSet,
    Money,
    NotFoundError,
    ReadOnlyMapping,
    ReturnOnInvestment,
    Rollout,
    Scale,
    Session,
    ValidationError,
    WorkingCalendar,
    breakdown,
    compare,
    find_conflicts,
    quote,
    scheduling,
    serialization,
    summarise,
)
from ledarutveckling._base.public import publish
from ledarutveckling.examples import (
    stockholm_attendance,
    stockholm_catalogue,
    stockholm_credit_note,
    stockholm_delivery,
    stockholm_delivery_terms,
    stockholm_evaluations,
    stockholm_follow_up_meetings,
    stockholm_invoice,
    stockholm_ledger,
)
from ledarutveckling.reports import status_report
from ledarutveckling.scheduling import (
    Blackout,
    Facilitator,
    RolloutUnit,
    Room,
    SessionSlot,
    plan_rollout,
)
from ledarutveckling.serialization import DOCUMENT_KINDS
from ledarutveckling.testing import Broken, RolloutInstance, make_program, make_session

FACES = [
    "ledarutveckling",
    "ledarutveckling.serialization",
    "ledarutveckling.scheduling",
    "ledarutveckling.reports",
    "ledarutveckling.records",
    "ledarutveckling.plots",
    "ledarutveckling.examples",
    "ledarutveckling.testing",
    "ledarutveckling.errors",
    "ledarutveckling.formatting",
]

# The public objects whose code is in a public module: they keep it as their home.
WRITTEN_IN_FACES = {
    name: face
    for face in ("ledarutveckling.errors", "ledarutveckling.formatting")
    for name in importlib.import_module(face).__all__
} | dict.fromkeys(
    ("dump", "from_dict", "from_json", "from_toml", "load", "to_dict", "to_json", "to_toml"),
    "ledarutveckling.serialization",
)


def _is_private(module_name: str) -> bool:
    return any(part.startswith("_") for part in module_name.split(".")[1:])


def _home(name: str) -> str:
    """Where the documentation says a public name lives: the root first, else its face."""
    if name in ledarutveckling.__all__:
        return "ledarutveckling"
    return next(face for face in FACES[1:] if name in importlib.import_module(face).__all__)


def _public_objects() -> Iterator[tuple[str, str, Any]]:
    for face in FACES:
        module = importlib.import_module(face)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isfunction(value):
                yield face, name, value


@pytest.mark.parametrize(("face", "name", "value"), list(_public_objects()))
def test_every_public_class_and_function_names_its_public_home(
    face: str, name: str, value: Any
) -> None:
    expected = WRITTEN_IN_FACES.get(name, _home(name))
    assert (value.__module__, value.__qualname__) == (expected, name)
    assert getattr(importlib.import_module(value.__module__), name) is value


@pytest.mark.parametrize(("face", "name", "value"), list(_public_objects()))
def test_the_annotations_of_a_public_class_are_resolved(face: str, name: str, value: Any) -> None:
    if not inspect.isclass(value) or name in WRITTEN_IN_FACES:
        return
    assert all(not isinstance(hint, str) for hint in get_type_hints(value).values())
    if attrs.has(value):
        assert all(not isinstance(field.type, str) for field in attrs.fields(value))


def test_reprs_name_the_public_home() -> None:
    assert repr(Money) == "<class 'ledarutveckling.Money'>"
    assert repr(DateRange) == "<class 'ledarutveckling.DateRange'>"
    assert (
        repr(ledarutveckling.DeliveryFormat.IN_PERSON) == "<DeliveryFormat.IN_PERSON: 'in_person'>"
    )
    assert repr(ledarutveckling.serialization.DocumentKind) == (
        "<class 'ledarutveckling.serialization.DocumentKind'>"
    )
    assert repr(ledarutveckling.reports.Document) == "<class 'ledarutveckling.reports.Document'>"
    assert repr(RolloutInstance) == "<class 'ledarutveckling.testing.RolloutInstance'>"
    assert quote.__module__ == "ledarutveckling"
    assert repr(Money.sek("12500")) == "Money(amount=Decimal('12500'), currency='SEK')"
    assert ledarutveckling.Money.sek.__module__ == "ledarutveckling"


def test_publish_leaves_public_objects_values_and_other_faces_alone() -> None:
    class Local:
        x: int

    Local.__module__ = "ledarutveckling._somewhere"
    publish("ledarutveckling.face", Local, 42, "text")
    assert (Local.__module__, Local.__annotations__) == ("ledarutveckling.face", {"x": int})
    publish("ledarutveckling", Local, ValidationError)
    assert (Local.__module__, ValidationError.__module__) == (
        "ledarutveckling.face",
        "ledarutveckling.errors",
    )


# -- pickles -------------------------------------------------------------------------------------


def _rollout_plan() -> Any:
    program = make_program()
    units = [RolloutUnit(name="Trafikkontoret", headcount=40)]
    return plan_rollout(
        program,
        units,
        [Facilitator(name="Anna"), Facilitator(name="Björn")],
        [Room(name="Ateljén", capacity=24)],
        WorkingCalendar.sweden(
            blackouts=[
                Blackout(name="sportlov", period=DateRange.from_iso("2027-03-01", "2027-03-05"))
            ]
        ),
        [SessionSlot(start=dt.time(9), end=dt.time(12))],
        start=pendulum.date(2027, 1, 11),
    )


def _errors() -> list[BaseException]:
    found: list[BaseException] = []
    for attempt in (
        lambda: Money.sek("1") + Money.of("1", "EUR"),
        lambda: stockholm_catalogue().program("NOPE"),
        lambda: Money.sek("x"),
    ):
        try:
            attempt()
        except (CurrencyMismatchError, NotFoundError, ValidationError) as error:
            found.append(error)
    return found


def _instances() -> list[Any]:
    ledger = stockholm_ledger()
    evaluations = stockholm_evaluations()
    summary = summarise(evaluations)
    plan = _rollout_plan()
    agreement = ledger.agreement
    program = stockholm_catalogue().programs[0]
    session = make_session()
    clash = attrs.evolve(session, cohort="Grupp 2")
    examples = Path(__file__).parent.parent / "examples"
    rollout_request = serialization.from_toml(
        serialization.RolloutRequest, (examples / "rollout-request.toml").read_text()
    )
    schedule_request = serialization.from_toml(
        serialization.ScheduleRequest, (examples / "schedule-request.toml").read_text()
    )
    return [
        rollout_request,
        schedule_request,
        ledger,
        stockholm_catalogue(),
        evaluations,
        stockholm_follow_up_meetings(),
        summary,
        summary.levels,
        [level.exact_statistics.nps for level in summary.levels if level.scale is Scale.NPS],
        summary.questions[0].statistics,
        program.blend(),
        Broken(value=session, path="room", rule="room"),
        Rollout(
            program=plan.program,
            units=plan.units,
            facilitators=plan.facilitators,
            rooms=plan.rooms,
            calendar=plan.calendar,
            slots=plan.slots,
            start=plan.start,
        ),
        breakdown(evaluations, by=Dimension.UNIT),
        breakdown(evaluations, by=Dimension.UNIT, audience=Audience(name="HR")),
        EvaluationSet(evaluations=evaluations, audience="HR"),
        compare(summary, summary),
        ReturnOnInvestment(benefits=Money.sek("750000"), costs=Money.sek("300000")),
        quote(agreement, program, 1, 20, agreement.term.start),
        agreement.indexation.adjustments(pendulum.date(2028, 1, 1))
        if agreement.indexation is not None
        else None,
        find_conflicts([session, clash]),
        plan,
        plan.bound,
        scheduling.replan(plan, plan.rollout, plan.sessions[-1].date),
        scheduling.ResizedCohort(unit="Trafikkontoret", cohort=1, before=40, after=30),
        scheduling.SelfPacedWindow(
            unit="Trafikkontoret",
            cohort=1,
            size=20,
            module="M1",
            opens=pendulum.date(2027, 3, 1),
            due=pendulum.date(2027, 3, 12),
        ),
        scheduling.DeadlinesGivenUp(
            unit="Trafikkontoret",
            proven=True,
            module="M2",
            deadline=pendulum.date(2027, 10, 29),
            first=pendulum.date(2027, 8, 30),
            sessions=100,
            slots=88,
            cohorts=1,
            max_away=40,
        ),
        status_report(ledger, on=pendulum.date(2026, 3, 2), evaluations=evaluations),
        RolloutInstance(rollout=plan.rollout),
        list(DOCUMENT_KINDS.values()),
        serialization.Limits(max_bytes=1000),
        _errors(),
        _param_error(),
        Decimal("1"),
        stockholm_attendance(),
        stockholm_delivery_terms(),
        stockholm_delivery(),
        stockholm_invoice(),
        stockholm_credit_note(),
        stockholm_invoice().vat_breakdown(),
        ledarutveckling.ledger_statement(ledger, stockholm_attendance()),
        ledarutveckling.delivery_statement(
            ledger.call_offs[5], agreement, stockholm_attendance(), [stockholm_invoice().basis]
        ),
    ]


def _walk(value: Any, seen: set[int]) -> Iterator[Any]:
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if not field.name.startswith("_"):  # a cache, which pickles leave out
                yield from _walk(getattr(value, field.name), seen)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(key, seen)
            yield from _walk(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _walk(item, seen)
    elif isinstance(value, BaseException):
        yield from _walk(value.args, seen)
        yield from _walk(getattr(value, "problems", ()), seen)


def _same(one: Any, other: Any) -> bool:
    """Equal, exceptions (which compare by identity) by their type, message and problems."""
    if isinstance(one, BaseException):
        return (type(one), str(one), getattr(one, "problems", None)) == (
            type(other),
            str(other),
            getattr(other, "problems", None),
        )
    if isinstance(one, list):
        return len(one) == len(other) and all(map(_same, one, other))
    return bool(one == other)


def _modules_named(data: bytes) -> set[str]:
    """The modules a pickle imports from (GLOBAL, or the strings STACK_GLOBAL takes)."""
    names: set[str] = set()
    strings: list[str] = []
    for opcode, argument, _ in pickletools.genops(data):
        if opcode.name == "GLOBAL":
            names.add(str(argument).split(" ")[0])
        elif opcode.name == "STACK_GLOBAL":
            names.add(strings[-2])
        if isinstance(argument, str):
            strings.append(argument)
    return names


@pytest.fixture(scope="module")
def instances() -> list[Any]:
    seen: set[int] = set()
    return [found for value in _instances() for found in _walk(value, seen)]


def test_an_instance_of_every_public_class_is_pickled(instances: list[Any]) -> None:
    made = {type(value) for value in instances}
    wanted = {
        value
        for _, _, value in _public_objects()
        if inspect.isclass(value)
        and not issubclass(value, enum.Enum)
        and value is not ledarutveckling.WorkingDays  # a protocol: WorkingCalendar is one
        and value.__module__ != "ledarutveckling.reports"  # Block is a type alias's parts
    }
    wanted |= {ledarutveckling.reports.Document, ledarutveckling.reports.Section}
    assert (
        sorted(c.__qualname__ for c in wanted - made - {ledarutveckling.LedarutvecklingError}) == []
    )


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_a_pickle_names_only_public_modules_and_round_trips(
    instances: list[Any], protocol: int
) -> None:
    private = set()
    for value in instances:
        data = pickle.dumps(value, protocol=protocol)
        private |= {
            name
            for name in _modules_named(data)
            if name.startswith("ledarutveckling") and _is_private(name)
        }
        again = pickle.loads(data)
        assert _same(again, value)
    assert private == set()


def test_enums_and_functions_pickle_by_their_public_name() -> None:
    for _, name, value in _public_objects():
        targets: list[Any] = (
            list(value) if inspect.isclass(value) and issubclass(value, enum.Enum) else [value]
        )
        for target in targets:
            data = pickle.dumps(target)
            assert {m for m in _modules_named(data) if _is_private(m)} == set(), name
            assert pickle.loads(data) is target


def test_a_read_only_mapping_pickles_under_the_root() -> None:
    answers = stockholm_evaluations()[0].responses[0].answers
    assert type(answers) is ReadOnlyMapping
    data = pickle.dumps(answers)
    assert _modules_named(data) == {"ledarutveckling"}
    assert pickle.loads(data) == answers


def test_a_session_module_is_public() -> None:
    assert Session.__module__ == "ledarutveckling"
    assert isinstance(ledarutveckling, ModuleType)


def test_a_pickled_calendar_leaves_its_caches_behind_and_fills_them_again() -> None:
    calendar = WorkingCalendar.sweden()
    day = pendulum.date(2026, 12, 23)
    assert calendar.day_off_reason(pendulum.date(2026, 12, 25)) == "Juldagen"
    again = pickle.loads(pickle.dumps(calendar))
    assert _modules_named(pickle.dumps(calendar)) == {"ledarutveckling"}
    assert again == calendar
    assert again.add_working_days(day, 1) == pendulum.date(2026, 12, 28)
    assert again.day_off_reason(pendulum.date(2026, 12, 25)) == "Juldagen"


# -- what a problem's params hold ----------------------------------------------------------------


def _labelled_classes() -> set[type]:
    """Every class of the package with a Swedish and an English label (problems' params)."""
    from ledarutveckling._base.i18n import Labelled

    for info in pkgutil.walk_packages(ledarutveckling.__path__, "ledarutveckling."):
        if info.name.split(".")[1] not in {"plots", "_cli", "__main__"}:
            importlib.import_module(info.name)
    found: set[type] = set()
    todo = [Labelled]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return {cls for cls in found if not cls.__name__.startswith("_")}


def test_every_labelled_class_has_a_public_home() -> None:
    # A label is what a problem's params hold; a pickled error names their classes.
    homes = {cls.__qualname__: cls.__module__ for cls in _labelled_classes()}
    assert {name: home for name, home in homes.items() if _is_private(home)} == {}
    for cls in _labelled_classes():
        assert getattr(importlib.import_module(cls.__module__), cls.__qualname__) is cls


def _param_error() -> ValidationError:
    """An error whose problem's params hold every kind of value the library puts there."""
    from ledarutveckling.errors import Problem
    from ledarutveckling.formatting import (
        Alternatives,
        CalendarMonth,
        Choice,
        Clock,
        Counted,
        Expected,
        Explanation,
        ReplanRule,
        Seating,
    )

    params: dict[str, object] = {
        "expected": Expected.INTEGER,
        "valid": Alternatives(["standard", "or"]),
        "choice": Choice("cohort", Dimension.COHORT),
        "time": Clock(start=dt.time(9), end=dt.time(12)),
        "month": CalendarMonth(year=2027, month=6),
        "need": Counted(number=2, thing="facilitator"),
        "seats": Seating(rooms=1, seats=40),
        "reason": Explanation(source=_rollout_plan().bound),
        "rules": (ReplanRule.GAPS, ReplanRule.TIMES),
        "measure": ledarutveckling.Measure("respondents"),
        "earlier": ledarutveckling.Publications(("breakdown by cohort", "mars")),
        "disagrees": ledarutveckling.Disagreement(
            "fewer", {"reference": "B", "recorded": 5, "now": 4}
        ),
    }
    return ValidationError([Problem(path="x", value=1, message="m", code="c", params=params)])


def test_a_pickled_error_names_only_public_modules_whatever_its_params() -> None:
    error = _param_error()
    data = pickle.dumps(error)
    assert {m for m in _modules_named(data) if _is_private(m)} == set()
    assert pickle.loads(data).problems == error.problems


def test_a_document_error_pickles_under_public_names() -> None:
    request = Path(__file__).parent.parent / "examples" / "rollout-request.toml"
    text = request.read_text().replace("headcount = 120", 'headcount = "120"', 1)
    with pytest.raises(ValidationError) as raised:
        serialization.from_toml(serialization.RolloutRequest, text)
    data = pickle.dumps(raised.value)
    assert {m for m in _modules_named(data) if _is_private(m)} == set()
    assert pickle.loads(data).problems == raised.value.problems
