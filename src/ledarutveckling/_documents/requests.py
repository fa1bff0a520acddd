"""Request documents for the command line: what to schedule and what rollout to plan (private).

A request is a TOML file with a header, ``document = "schedule_request"`` (or
``"rollout_request"``) and ``schema_version = 1``, naming a program of the bundled Stockholm
catalogue by its code. Reading one records every problem, with its path in the file, and
raises one :class:`~ledarutveckling.ValidationError`. The format is described in
``docs/cli.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, Final, TypeVar

import attrs
import pendulum

from ledarutveckling._base.checks import Checker
from ledarutveckling._procurement.offerings import Program
from ledarutveckling._rollout.plan import RolloutPlan
from ledarutveckling._rollout.planner import plan_rollout
from ledarutveckling._rollout.problem import Facilitator, RolloutUnit, Room, SessionSlot
from ledarutveckling._scheduling.calendar import Blackout, WorkingCalendar
from ledarutveckling._scheduling.sessions import Session, schedule_cohort
from ledarutveckling.errors import MISSING, ValidationError
from ledarutveckling.examples import stockholm_catalogue

SCHEMA_VERSION: Final = 1


SCHEDULE_REQUEST: Final = "schedule_request"


ROLLOUT_REQUEST: Final = "rollout_request"


T = TypeVar("T")


_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday")


def _date_value(checks: Checker, path: str, value: object) -> pendulum.Date | None:
    """A TOML date (``2027-02-01``) or an ISO date string, as a :class:`pendulum.Date`."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return pendulum.date(value.year, value.month, value.day)
    checks.add(path, value, "must be a date, YYYY-MM-DD")
    return None


class _Reader:
    """Reads typed fields from a TOML table, recording every problem in *checks*."""

    def __init__(self, checks: Checker, table: Mapping[str, Any], path: str) -> None:
        self.checks = checks
        self.table = table
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self.table:
            if key not in allowed:
                self.checks.add(
                    self.at(key),
                    self.table[key],
                    f"is not a field here (the fields are {', '.join(allowed)})",
                )

    def get(self, key: str, kind: type[Any], what: str, *, required: bool) -> Any:
        if key not in self.table:
            if required:
                self.checks.add(self.at(key), MISSING, f"is required ({what})")
            return None
        value = self.table[key]
        if isinstance(value, bool) and kind is not bool:
            self.checks.add(self.at(key), value, f"must be {what}")
            return None
        if not isinstance(value, kind):
            self.checks.add(self.at(key), value, f"must be {what}")
            return None
        return value

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.get(key, str, "text", required=required)
        if value is not None and not self.checks.text(self.at(key), value):
            return None
        return value  # type: ignore[no-any-return]

    def integer(self, key: str, *, minimum: int | None = None, required: bool = True) -> int | None:
        value = self.get(key, int, "a whole number", required=required)
        if value is not None and not self.checks.integer(self.at(key), value, minimum=minimum):
            return None
        return value  # type: ignore[no-any-return]

    def date(self, key: str, *, required: bool = True) -> pendulum.Date | None:
        if key not in self.table:
            return self.get(key, dt.date, "a date, YYYY-MM-DD", required=required)  # type: ignore[no-any-return]
        return _date_value(self.checks, self.at(key), self.table[key])

    def time(self, key: str, *, required: bool = True) -> dt.time | None:
        if key not in self.table:
            return self.get(key, dt.time, "a time of day, HH:MM", required=required)  # type: ignore[no-any-return]
        value = self.table[key]
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = dt.time.fromisoformat(value)
        if isinstance(value, dt.time) and value.tzinfo is None:
            return value
        self.checks.add(self.at(key), self.table[key], "must be a time of day, HH:MM")
        return None

    def names(self, key: str) -> tuple[str, ...]:
        value = self.get(key, list, "a list of names", required=False)
        if value is None:
            return ()
        good = []
        for index, item in enumerate(value):
            if self.checks.text(f"{self.at(key)}[{index}]", item):
                good.append(item)
        return tuple(good)

    def tables(self, key: str, *, required: bool = True) -> list[_Reader]:
        value = self.get(key, list, "a list of tables", required=required)
        if value is None:
            return []
        readers = []
        for index, item in enumerate(value):
            path = f"{self.at(key)}[{index}]"
            if isinstance(item, dict):
                readers.append(_Reader(self.checks, item, path))
            else:
                self.checks.add(path, item, "must be a table")
        if required and not value:
            self.checks.add(self.at(key), value, "must not be empty")
        return readers

    def table_of(self, key: str) -> _Reader | None:
        value = self.get(key, dict, "a table", required=False)
        return None if value is None else _Reader(self.checks, value, self.at(key))


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a ValidationError at the document's root."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValidationError.single("", MISSING, f"is not valid TOML: {error}") from None


def _header(reader: _Reader, kind: str) -> None:
    document = reader.table.get("document", MISSING)
    if document != kind:
        reader.checks.add("document", document, f"must be {kind!r}")
    version = reader.table.get("schema_version", MISSING)
    if version != SCHEMA_VERSION or isinstance(version, bool):
        reader.checks.add("schema_version", version, f"must be {SCHEMA_VERSION}")


def _program(reader: _Reader) -> Program | None:
    code = reader.text("program")
    if code is None:
        return None
    catalogue = stockholm_catalogue()
    if code not in catalogue:
        reader.checks.add(
            "program",
            code,
            f"must be a program code of the bundled catalogue ({', '.join(catalogue.codes)})",
        )
        return None
    return catalogue.program(code)


def _calendar(reader: _Reader) -> WorkingCalendar:
    table = reader.table_of("calendar")
    if table is None:
        return WorkingCalendar.sweden()
    table.unknown(("eves", "blackouts", "extra_days_off"))
    eves = table.get("eves", bool, "true or false", required=False)
    blackouts: list[Blackout] = []
    for item in table.tables("blackouts", required=False):
        item.unknown(("name", "year", "first_week", "last_week"))
        name = item.text("name")
        year = item.integer("year", minimum=1)
        first = item.integer("first_week", minimum=1)
        last = item.integer("last_week", minimum=1)
        if name is not None and year is not None and first is not None and last is not None:
            try:
                blackouts.append(Blackout.iso_weeks(name, year, first, last))
            except ValidationError as error:
                table.checks.extend(error, item.path)
    days: list[pendulum.Date] = []
    raw_days = table.get("extra_days_off", list, "a list of dates", required=False) or []
    for index, raw in enumerate(raw_days):
        day = _date_value(table.checks, f"{table.at('extra_days_off')}[{index}]", raw)
        if day is not None:
            days.append(day)
    try:
        return WorkingCalendar.sweden(
            eves=True if eves is None else eves, blackouts=blackouts, extra_days_off=days
        )
    except ValidationError as error:  # pragma: no cover - every field is checked above
        table.checks.extend(error, "calendar")
        return WorkingCalendar.sweden()


@attrs.frozen(kw_only=True)
class CohortRequest:
    """One cohort to schedule: its name, first day, start time and preferences."""

    name: str
    first_day: pendulum.Date
    start_time: dt.time
    weekday: int | None
    every_weeks: int | None
    facilitators: tuple[str, ...]
    room: str | None


@attrs.frozen(kw_only=True)
class ScheduleRequest:
    """A program, a working calendar and the cohorts to schedule."""

    program: Program
    calendar: WorkingCalendar
    cohorts: tuple[CohortRequest, ...]

    def schedule(self) -> tuple[Session, ...]:
        """Schedule every cohort with :func:`~ledarutveckling.schedule_cohort`, in order.

        Raises:
            ValidationError: When a cohort cannot be scheduled (paths ``cohorts[i]...``).
        """
        checks = Checker()
        sessions: list[Session] = []
        for index, cohort in enumerate(self.cohorts):
            try:
                sessions += schedule_cohort(
                    self.program,
                    cohort.name,
                    cohort.first_day,
                    self.calendar,
                    cohort.start_time,
                    weekday=cohort.weekday,
                    every_weeks=cohort.every_weeks,
                    facilitators=cohort.facilitators,
                    room=cohort.room,
                )
            except ValidationError as error:
                checks.extend(error, f"cohorts[{index}]")
        checks.done()
        return tuple(sessions)


def _weekday(reader: _Reader) -> int | None:
    value = reader.text("weekday", required=False)
    if value is None:
        return None
    if value.lower() not in _WEEKDAYS:
        reader.checks.add(reader.at("weekday"), value, f"must be one of {', '.join(_WEEKDAYS)}")
        return None
    return _WEEKDAYS.index(value.lower())


def read_schedule_request(text: str) -> ScheduleRequest:
    """Read a ``schedule_request`` TOML document.

    Raises:
        ValidationError: Listing every problem, with its path in the document.
    """
    data = parse_toml(text)
    checks = Checker()
    root = _Reader(checks, data, "")
    _header(root, SCHEDULE_REQUEST)
    root.unknown(("document", "schema_version", "program", "calendar", "cohorts"))
    program = _program(root)
    calendar = _calendar(root)
    cohorts: list[CohortRequest] = []
    for item in root.tables("cohorts"):
        item.unknown(
            ("name", "first_day", "start_time", "weekday", "every_weeks", "facilitators", "room")
        )
        name = item.text("name")
        first_day = item.date("first_day")
        start_time = item.time("start_time")
        weekday = _weekday(item)
        every_weeks = item.integer("every_weeks", minimum=1, required=False)
        facilitators = item.names("facilitators")
        room = item.text("room", required=False)
        if name is not None and first_day is not None and start_time is not None:
            cohorts.append(
                CohortRequest(
                    name=name,
                    first_day=first_day,
                    start_time=start_time,
                    weekday=weekday,
                    every_weeks=every_weeks,
                    facilitators=facilitators,
                    room=room,
                )
            )
    checks.done()
    assert program is not None
    return ScheduleRequest(program=program, calendar=calendar, cohorts=tuple(cohorts))


@attrs.frozen(kw_only=True)
class RolloutRequest:
    """Everything :func:`~ledarutveckling.scheduling.plan_rollout` needs, read from a file."""

    program: Program
    units: tuple[RolloutUnit, ...]
    facilitators: tuple[Facilitator, ...]
    rooms: tuple[Room, ...]
    calendar: WorkingCalendar
    slots: tuple[SessionSlot, ...]
    start: pendulum.Date
    cohort_size: tuple[int, int] | None

    def plan(self) -> RolloutPlan:
        """Plan the rollout.

        Raises:
            ValidationError: When no valid plan exists, naming the binding constraint.
        """
        return plan_rollout(
            self.program,
            self.units,
            self.facilitators,
            self.rooms,
            self.calendar,
            self.slots,
            self.start,
            self.cohort_size,
        )


def _build(checks: Checker, path: str, make: Callable[[], T]) -> T | None:
    try:
        return make()
    except ValidationError as error:
        checks.extend(error, path)
        return None


def read_rollout_request(text: str) -> RolloutRequest:
    """Read a ``rollout_request`` TOML document.

    Raises:
        ValidationError: Listing every problem, with its path in the document.
    """
    data = parse_toml(text)
    checks = Checker()
    root = _Reader(checks, data, "")
    _header(root, ROLLOUT_REQUEST)
    root.unknown(
        (
            "document",
            "schema_version",
            "program",
            "start",
            "cohort_size",
            "calendar",
            "slots",
            "units",
            "facilitators",
            "rooms",
        )
    )
    program = _program(root)
    start = root.date("start")
    calendar = _calendar(root)
    size = root.get("cohort_size", list, "a list of two whole numbers [min, max]", required=False)
    cohort_size: tuple[int, int] | None = None
    if size is not None:
        if len(size) == 2 and all(type(n) is int and n >= 1 for n in size) and size[0] <= size[1]:
            cohort_size = (size[0], size[1])
        else:
            checks.add("cohort_size", size, "must be [min, max], whole numbers, 1 <= min <= max")
    slots: list[SessionSlot] = []
    for item in root.tables("slots"):
        item.unknown(("start", "end"))
        begin, end = item.time("start"), item.time("end")
        if begin is not None and end is not None:
            slot = _build(checks, item.path, partial(SessionSlot, start=begin, end=end))
            if slot is not None:
                slots.append(slot)
    units: list[RolloutUnit] = []
    for item in root.tables("units"):
        item.unknown(("name", "headcount", "deadlines"))
        name = item.text("name")
        headcount = item.integer("headcount", minimum=1)
        deadlines: dict[str, pendulum.Date] = {}
        table = item.table_of("deadlines")
        if table is not None:
            for code in table.table:
                day = table.date(code)
                if day is not None:
                    deadlines[code] = day
        if name is not None and headcount is not None:
            units.append(RolloutUnit(name=name, headcount=headcount, deadlines=deadlines))
    facilitators: list[Facilitator] = []
    for item in root.tables("facilitators"):
        item.unknown(("name", "max_sessions_per_day", "max_sessions_per_week"))
        name = item.text("name")
        per_day = item.integer("max_sessions_per_day", minimum=1, required=False)
        per_week = item.integer("max_sessions_per_week", minimum=1, required=False)
        if name is not None:
            facilitators.append(
                Facilitator(
                    name=name,
                    max_sessions_per_day=per_day or 2,
                    max_sessions_per_week=per_week or 7,
                )
            )
    rooms: list[Room] = []
    for item in root.tables("rooms", required=False):
        item.unknown(("name", "capacity"))
        name = item.text("name")
        capacity = item.integer("capacity", minimum=1)
        if name is not None and capacity is not None:
            rooms.append(Room(name=name, capacity=capacity))
    checks.done()
    assert program is not None
    assert start is not None
    return RolloutRequest(
        program=program,
        units=tuple(units),
        facilitators=tuple(facilitators),
        rooms=tuple(rooms),
        calendar=calendar,
        slots=tuple(slots),
        start=start,
        cohort_size=cohort_size,
    )
