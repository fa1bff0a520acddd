from __future__ import annotations

import datetime as dt
import enum
import json
import zoneinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ledarutveckling
import tests.strategies as sts
from ledarutveckling import (
    AgreementLedger,
    Audience,
    BindingResource,
    Blackout,
    BlendPart,
    CallOff,
    CallOffLine,
    CallOffMethod,
    CallOffStatus,
    Catalogue,
    Conflict,
    ConflictKind,
    DateRange,
    DeliveryFormat,
    Dimension,
    Direction,
    Evaluation,
    EvaluationSubject,
    ExtensionOption,
    FollowUpMeeting,
    FrameworkAgreement,
    IndexAdjustment,
    Indexation,
    KirkpatrickLevel,
    Magnitude,
    Module,
    Money,
    NetPromoterScore,
    OrderingUnit,
    OrderingUnitKind,
    Organisation,
    PriceItem,
    PriceList,
    PriceUnit,
    Program,
    ProgramKind,
    Question,
    Quote,
    Response,
    ReturnOnInvestment,
    RolloutPlan,
    Scale,
    ServiceArea,
    Session,
    StatusChange,
    Suppression,
    TargetGroup,
    ValidationError,
    WorkingCalendar,
)
from ledarutveckling._documents import containers as documents_containers
from ledarutveckling._documents import converter as documents_converter
from ledarutveckling._documents import problems as documents_problems
from ledarutveckling._documents import registry as documents_registry
from ledarutveckling._documents import text as documents_text
from ledarutveckling.examples import stockholm_agreement, stockholm_ledger
from ledarutveckling.serialization import (
    DOCUMENT_KINDS,
    DeliveryRecord,
    RolloutRequest,
    ScheduleRequest,
    dump,
    from_dict,
    from_json,
    from_toml,
    load,
    to_dict,
    to_json,
    to_toml,
)
from tests.shapes import Ledger, Line, Order, Unit

DOCUMENTS = Path(__file__).parent / "documents"
STOCKHOLM = "Europe/Stockholm"
HOUR = pendulum.duration(hours=1)


def errors(call: Any, *args: Any) -> list[str]:
    """The lines of the ValidationError that *call* raises."""
    with pytest.raises(ValidationError) as info:
        call(*args)
    return [str(problem) for problem in info.value.problems]


def program() -> Program:
    return Program(
        code="SVS",
        title="Svåra samtal",
        service_area=ServiceArea.LEADERSHIP,
        target_group=TargetGroup.MANAGERS,
        kind=ProgramKind.SHORT_INTERVENTION,
        modules=(
            Module(
                code="M1", title="Förberedelse", duration=HOUR, format=DeliveryFormat.SELF_PACED
            ),
            Module(
                code="M2",
                title="Övning",
                duration=HOUR * 3,
                format=DeliveryFormat.IN_PERSON,
                min_days_after_previous=7,
                max_participants=24,
            ),
        ),
    )


# -- round trips ----------------------------------------------------------------------------

VALUES: list[tuple[Any, st.SearchStrategy[Any]]] = [
    (Money, sts.money()),
    (DateRange, sts.date_ranges),
    (pendulum.Date, sts.dates),
    (pendulum.DateTime, sts.datetimes),
    (pendulum.Time, sts.times),
    (pendulum.Duration, sts.durations),
    (pendulum.Duration, sts.calendar_durations),
    (Decimal, sts.decimals),
    (DeliveryFormat, st.sampled_from(DeliveryFormat)),
    (TargetGroup, st.sampled_from(TargetGroup)),
    (ServiceArea, st.sampled_from(ServiceArea)),
    (ProgramKind, st.sampled_from(ProgramKind)),
    (Module, sts.modules()),
    (Program, sts.programs()),
    (BlendPart, sts.blend_parts),
    (Line, st.builds(lambda r: r, sts.date_ranges).flatmap(sts.lines)),
    (Order, sts.orders()),
    (Ledger, sts.ledgers()),
    (Organisation, sts.organisations),
    (OrderingUnit, sts.ordering_units),
    (OrderingUnitKind, st.sampled_from(OrderingUnitKind)),
    (PriceUnit, st.sampled_from(PriceUnit)),
    (CallOffMethod, st.sampled_from(CallOffMethod)),
    (CallOffStatus, st.sampled_from(CallOffStatus)),
    (PriceItem, sts.price_items),
    (PriceList, sts.price_lists),
    (ExtensionOption, sts.extension_options),
    (IndexAdjustment, sts.index_adjustments),
    (Indexation, sts.indexations),
    (FrameworkAgreement, sts.agreements),
    (StatusChange, sts.status_changes),
    (CallOffLine, sts.call_off_lines),
    (CallOff, sts.call_offs),
    (Quote, sts.quotes()),
    (Catalogue, sts.catalogues),
    (AgreementLedger, sts.ledgers_of_agreements),
    (Scale, st.sampled_from(Scale)),
    (KirkpatrickLevel, st.sampled_from(KirkpatrickLevel)),
    (ConflictKind, st.sampled_from(ConflictKind)),
    (Question, sts.questions),
    (Response, sts.responses),
    (EvaluationSubject, sts.subjects),
    (Evaluation, sts.evaluations),
    (FollowUpMeeting, sts.meetings),
    (Blackout, sts.blackouts),
    (WorkingCalendar, sts.calendars),
    (Session, sts.sessions()),
    (Conflict, sts.conflicts),
    (Dimension, st.sampled_from(Dimension)),
    (Direction, st.sampled_from(Direction)),
    (Magnitude, st.sampled_from(Magnitude)),
    (Suppression, st.sampled_from(Suppression)),
    (NetPromoterScore, sts.net_promoter_scores),
    (ReturnOnInvestment, sts.returns_on_investment),
    *[
        (cls, st.sampled_from(found))
        for cls, found in sorted(sts.ANALYSIS.items(), key=lambda item: item[0].__name__)
    ],
    (BindingResource, st.sampled_from(BindingResource)),
    *[
        (cls, st.sampled_from(found))
        for cls, found in sorted(sts.ROLLOUT.items(), key=lambda item: item[0].__name__)
    ],
]
IDS = [f"{cls.__name__}-{index}" for index, (cls, _) in enumerate(VALUES)]


@pytest.mark.parametrize(("cls", "values"), VALUES, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_public_type_round_trips_through_dicts(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(values)
    again = from_dict(cls, to_dict(value))
    assert again == value
    assert to_dict(again) == to_dict(value)


@pytest.mark.parametrize(("cls", "values"), VALUES, ids=IDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_public_type_round_trips_through_json(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(values)
    text = to_json(value)
    again = from_json(cls, text)
    assert again == value
    assert to_json(again) == text
    assert from_json(cls, to_json(value, indent=None).encode()) == value


TABLES = [
    (Money, sts.money()),
    (DateRange, sts.date_ranges),
    (Module, sts.modules()),
    (Program, sts.programs()),
    (BlendPart, sts.blend_parts),
    (Order, sts.orders()),
    (Ledger, sts.ledgers()),
    (Organisation, sts.organisations),
    (OrderingUnit, sts.ordering_units),
    (PriceList, sts.price_lists),
    (ExtensionOption, sts.extension_options),
    (IndexAdjustment, sts.index_adjustments),
    (Indexation, sts.indexations),
    (FrameworkAgreement, sts.agreements),
    (StatusChange, sts.status_changes),
    (CallOffLine, sts.call_off_lines),
    (CallOff, sts.call_offs),
    (Quote, sts.quotes()),
    (Catalogue, sts.catalogues),
    (AgreementLedger, sts.ledgers_of_agreements),
    (Question, sts.questions),
    (EvaluationSubject, sts.subjects),
    (Response, sts.responses),
    (Evaluation, sts.evaluations),
    (FollowUpMeeting, sts.meetings),
    (Blackout, sts.blackouts),
    (WorkingCalendar, sts.calendars),
    (Session, sts.sessions()),
    (Conflict, sts.conflicts),
    (NetPromoterScore, sts.net_promoter_scores),
    (ReturnOnInvestment, sts.returns_on_investment),
    *[
        (cls, st.sampled_from(found))
        for cls, found in sorted(sts.ANALYSIS.items(), key=lambda item: item[0].__name__)
    ],
    *[
        (cls, st.sampled_from(found))
        for cls, found in sorted(sts.ROLLOUT.items(), key=lambda item: item[0].__name__)
    ],
]


@pytest.mark.parametrize(("cls", "values"), TABLES, ids=[c.__name__ for c, _ in TABLES])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_every_table_type_round_trips_through_toml(
    cls: type[Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(values)
    text = to_toml(value)
    again = from_toml(cls, text)
    assert again == value
    assert to_toml(again) == text


@settings(max_examples=40, deadline=None)
@given(moment=sts.zoned_datetimes)
def test_a_datetime_keeps_its_zone_name_offset_and_instant(moment: pendulum.DateTime) -> None:
    again = from_dict(pendulum.DateTime, to_dict(moment))
    assert isinstance(again.tzinfo, zoneinfo.ZoneInfo)
    assert isinstance(moment.tzinfo, zoneinfo.ZoneInfo)
    assert again.tzinfo.key == moment.tzinfo.key
    assert (again.timestamp(), again.utcoffset()) == (moment.timestamp(), moment.utcoffset())


def test_decimals_stay_exact_and_keep_their_trailing_zeros() -> None:
    assert to_dict(Money.sek("12500.50")) == {"amount": "12500.50", "currency": "SEK"}
    assert from_dict(Decimal, "0.10").as_tuple() == Decimal("0.10").as_tuple()
    assert to_dict(Decimal("1E+3")) == "1000"


def test_an_exponent_or_nan_is_not_a_decimal_in_a_document() -> None:
    assert errors(from_dict, Decimal, "1e3") == [
        "must be a decimal number written with a point, e.g. '12500.50', got '1e3'"
    ]
    assert errors(from_dict, Decimal, "NaN")[0].startswith("must be a decimal number")


def test_an_int_is_read_as_an_exact_decimal() -> None:
    assert from_dict(Money, {"amount": 12500, "currency": "SEK"}) == Money.sek(12500)


def test_the_currency_may_be_left_out_and_defaults_to_sek() -> None:
    assert from_dict(Money, {"amount": "1"}) == Money.sek(1)


def test_a_frozenset_is_written_in_a_stable_order() -> None:
    formats = frozenset({DeliveryFormat.SELF_PACED, DeliveryFormat.DIGITAL})
    assert to_dict(formats) == ["digital", "self_paced"]
    assert from_dict(frozenset[DeliveryFormat], ["self_paced", "digital"]) == formats


def test_a_mapping_with_int_keys_writes_them_as_strings() -> None:
    assert to_dict({2026: "a"}) == {"2026": "a"}
    assert from_dict(dict[int, str], {"2026": "a"}) == {2026: "a"}
    assert from_dict(dict[int, str], {2026: "a"}) == {2026: "a"}


def test_bare_containers_are_read_item_by_item() -> None:
    assert from_dict(tuple, [1, "a"]) == (1, "a")
    assert from_dict(list[int], [1, 2]) == [1, 2]
    assert from_dict(set[str], ["a"]) == {"a"}
    assert to_dict(("x", 1)) == ["x", 1]


def test_a_union_of_two_types_takes_the_first_that_fits() -> None:
    value: object = from_dict(int | str, "a")  # type: ignore[arg-type]
    assert value == "a"
    assert errors(from_dict, int | str, 1.5) == ["must be int or str, got 1.5"]


def test_a_literal_accepts_only_its_values() -> None:
    from typing import Literal

    assert from_dict(Literal["a", "b"], "a") == "a"  # type: ignore[arg-type]
    assert errors(from_dict, Literal["a", "b"], "c") == ["must be one of 'a', 'b', got 'c'"]


def test_floats_are_read_strictly() -> None:
    assert from_dict(float, 1) == 1.0
    assert from_dict(float, 2.5) == 2.5
    assert errors(from_dict, float, float("nan")) == [
        "must be a finite number that a float holds exactly, got nan"
    ]
    assert errors(from_dict, float, "1") == ["must be a number, not a string, got '1'"]


def test_none_is_read_only_from_null() -> None:
    assert from_dict(type(None), None) is None
    assert errors(from_dict, type(None), 0) == ["must be null, not an integer, got 0"]


# -- strictness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "value", "message"),
    [
        (int, "12", "must be an integer, not a string, got '12'"),
        (int, 1.9, "must be an integer, not a decimal number, got 1.9"),
        (int, True, "must be an integer, not a boolean, got True"),
        (bool, "false", "must be true or false, not a string, got 'false'"),
        (bool, 0, "must be true or false, not an integer, got 0"),
        (str, 12, "must be a string, not an integer, got 12"),
        (str, None, "must be a string, not null, got None"),
        (
            Decimal,
            1.5,
            "must be a decimal number written as a string, e.g. '12500.50', not a "
            "float (a float cannot hold decimals exactly), got 1.5",
        ),
        (
            Decimal,
            [],
            "must be a decimal number written as a string, e.g. '12500.50', not a list, got []",
        ),
        (pendulum.Date, "27/11/2026", "must be an ISO date written YYYY-MM-DD, got '27/11/2026'"),
        (
            pendulum.Date,
            20261127,
            "must be an ISO date written YYYY-MM-DD, not an integer, got 20261127",
        ),
        (pendulum.Date, "2026-02-30", "is not a date in the calendar, got '2026-02-30'"),
        (pendulum.Time, "9.30", "must be a time of day written HH:MM or HH:MM:SS, got '9.30'"),
        (
            pendulum.Time,
            930,
            "must be a time of day written HH:MM or HH:MM:SS, not an integer, got 930",
        ),
        (pendulum.Time, "25:00", "is not a time of day (hours 00-23, minutes 00-59), got '25:00'"),
        (
            pendulum.Duration,
            "3h",
            "must be an ISO 8601 duration such as 'PT3H30M' or 'P2D', got '3h'",
        ),
        (
            pendulum.Duration,
            3600,
            "must be an ISO 8601 duration such as 'PT3H30M', not an integer, got 3600",
        ),
        (
            pendulum.Duration,
            "P999999999DT99999999H",
            "is too long (more than 999999999 days), got 'P999999999DT99999999H'",
        ),
        (
            DeliveryFormat,
            "in-person",
            "must be one of 'in_person', 'digital', 'self_paced'; "
            "did you mean 'in_person'?, got 'in-person'",
        ),
        (
            DeliveryFormat,
            ["digital"],
            "must be one of 'in_person', 'digital', 'self_paced', got ['digital']",
        ),
    ],
)
def test_nothing_is_coerced(cls: type[Any], value: object, message: str) -> None:
    assert errors(from_dict, cls, value) == [message]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2026-11-27T09:00:00",
            "must carry its zone and UTC offset; a naive time is ambiguous, "
            "write e.g. '2026-11-27T09:00:00+01:00[Europe/Stockholm]'",
        ),
        (
            "2026-11-27T09:00:00+02:00[Europe/Stockholm]",
            "has offset +02:00, but Europe/Stockholm is at +01:00 at that time",
        ),
        (
            "2026-03-29T02:30:00[Europe/Stockholm]",
            "does not exist in Europe/Stockholm: the clocks skip that time when summer time starts",
        ),
        (
            "2026-03-29T02:30:00+01:00[Europe/Stockholm]",
            "does not exist in Europe/Stockholm: the clocks skip that time when summer time starts",
        ),
        (
            "2026-10-25T02:30:00[Europe/Stockholm]",
            "is ambiguous in Europe/Stockholm: that time happens twice when summer time ends; add "
            "the offset, +02:00 (the first) or +01:00 (the second)",
        ),
        (
            "2026-10-25T02:30:00+03:00[Europe/Stockholm]",
            "has offset +03:00, but Europe/Stockholm is at +01:00 or +02:00 at that time",
        ),
        (
            "2026-11-27T09:00:00+01:00[Europe/Stokholm]",
            "names an unknown time zone 'Europe/Stokholm'; use an IANA name such as "
            "'Europe/Stockholm'",
        ),
        (
            "2026-11-27T09:00:00+01:00[../../etc/passwd]",
            "names an unknown time zone '../../etc/passwd'; use an IANA name such as "
            "'Europe/Stockholm'",
        ),
        (
            "2026-11-27 09:00",
            "must be a date and time written like '2026-11-27T09:00:00+01:00[Europe/Stockholm]'",
        ),
        ("2026-11-31T09:00:00+01:00", "is not a date and time in the calendar"),
        ("2026-11-27T09:00:00+24:00", "has a UTC offset of a day or more"),
        (
            "9999-12-31T23:00:00-05:00[America/New_York]",
            "is out of the range of dates that can be converted",
        ),
    ],
)
def test_a_datetime_that_is_naive_contradictory_missing_or_ambiguous_is_refused(
    text: str, message: str
) -> None:
    assert errors(from_dict, pendulum.DateTime, text) == [f"{message}, got {text!r}"]


def test_a_datetime_that_is_not_text_is_refused() -> None:
    assert errors(from_dict, pendulum.DateTime, 0) == [
        "must be a date and time written like '2026-11-27T09:00:00+01:00[Europe/Stockholm]', "
        "not an integer, got 0"
    ]


def test_an_ambiguous_time_with_its_offset_is_read_as_that_one() -> None:
    first = from_dict(pendulum.DateTime, "2026-10-25T02:30:00+02:00[Europe/Stockholm]")
    second = from_dict(pendulum.DateTime, "2026-10-25T02:30:00+01:00[Europe/Stockholm]")
    assert (first.fold, second.fold) == (0, 1)
    assert second.timestamp() - first.timestamp() == 3600
    assert to_dict(second) == "2026-10-25T02:30:00+01:00[Europe/Stockholm]"


def test_z_with_a_zone_is_an_instant_shown_in_that_zone() -> None:
    moment = from_dict(pendulum.DateTime, "2026-11-27T08:00:00Z[Europe/Stockholm]")
    assert to_dict(moment) == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"


def test_an_offset_alone_gives_a_fixed_offset_datetime() -> None:
    moment = from_dict(pendulum.DateTime, "2026-11-27T09:00:00+01:00")
    assert to_dict(moment) == "2026-11-27T09:00:00+01:00"
    assert to_dict(from_dict(pendulum.DateTime, "2026-11-27T08:00:00Z")) == (
        "2026-11-27T08:00:00+00:00"
    )


def test_a_stdlib_zoneinfo_datetime_is_written_with_its_zone() -> None:
    moment = dt.datetime(2026, 11, 27, 9, tzinfo=zoneinfo.ZoneInfo(STOCKHOLM))
    assert to_dict(moment) == "2026-11-27T09:00:00+01:00[Europe/Stockholm]"


def test_a_naive_datetime_cannot_be_written() -> None:
    assert errors(to_dict, dt.datetime(2026, 11, 27, 9)) == [
        "must be an aware datetime; a naive one cannot be written losslessly, "
        "got datetime.datetime(2026, 11, 27, 9, 0)"
    ]


def test_times_are_written_without_zero_seconds() -> None:
    assert to_dict(pendulum.Time(9, 30)) == "09:30"
    assert to_dict(pendulum.Time(9, 30, 15)) == "09:30:15"
    assert from_dict(pendulum.Time, "09:30") == pendulum.Time(9, 30)


def test_an_aware_time_cannot_be_written() -> None:
    zoned = dt.time(9, tzinfo=dt.UTC)
    assert errors(to_dict, zoned)[0].startswith("must be a wall-clock time without a zone")


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (pendulum.duration(hours=3, minutes=30), "PT3H30M"),
        (pendulum.duration(days=2), "P2D"),
        (pendulum.duration(), "PT0S"),
        (pendulum.duration(hours=-1), "-PT1H"),
        (pendulum.duration(seconds=1, microseconds=500_000), "PT1.5S"),
        (pendulum.duration(years=1, months=2, days=3), "P1Y2M3D"),
        (pendulum.duration(years=1, days=-400), "-P35D"),
        (dt.timedelta(days=1, hours=1), "P1DT1H"),
    ],
)
def test_durations_are_written_in_iso_8601(duration: dt.timedelta, text: str) -> None:
    assert to_dict(duration) == text
    assert from_dict(pendulum.Duration, text) == duration


def test_weeks_are_read_and_written_as_days() -> None:
    assert to_dict(from_dict(pendulum.Duration, "P1W")) == "P7D"


def test_stdlib_dates_and_timedeltas_are_read_as_pendulum_types() -> None:
    assert type(from_dict(dt.date, "2026-11-27")) is pendulum.Date
    assert type(from_dict(dt.timedelta, "PT1H")) is pendulum.Duration
    assert type(from_dict(dt.time, "09:00")) is pendulum.Time
    assert isinstance(from_dict(dt.datetime, "2026-11-27T09:00:00Z"), pendulum.DateTime)


# -- optional fields and TOML's missing null ---------------------------------------------


def test_an_optional_field_without_a_default_may_be_left_out() -> None:
    order = from_dict(Order, _order_data())
    assert order.cancelled_on is None


def test_toml_leaves_out_defaults_and_nones_and_reads_them_back() -> None:
    text = to_toml(Line(program="P", unit=Unit.DAY, quantity=2, price=Money.sek(10)))
    assert text == ('program = "P"\nunit = "day"\nquantity = 2\n\n[price]\namount = "10"\n')


def test_toml_writes_a_none_in_a_mapping_as_an_empty_array_and_reads_it_back() -> None:
    order = from_dict(Order, {**_order_data(), "rates": {"a": 1, "b": None}})
    text = to_toml(order)
    assert "[rates]\na = 1\nb = []\n" in text
    assert from_toml(Order, text) == order
    assert from_toml(Order, text).rates == {"a": 1, "b": None}


def test_a_skipped_survey_answer_round_trips_through_toml() -> None:
    at = pendulum.datetime(2026, 11, 27, 9, tz="Europe/Stockholm")
    response = Response(answers={"Q1": 4, "Q2": None}, submitted_at=at)
    text = to_toml(response)
    assert text == (
        'submitted_at = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"\n\n'
        "[answers]\nQ1 = 4\nQ2 = []\n"
    )
    assert from_toml(Response, text) == response


def test_every_example_evaluation_round_trips_through_toml() -> None:
    from ledarutveckling.examples import stockholm_evaluations

    for evaluation in stockholm_evaluations():
        assert from_toml(Evaluation, to_toml(evaluation)) == evaluation


def test_json_does_not_take_an_empty_array_for_null() -> None:
    data = {**_order_data(), "rates": {"b": []}}
    assert errors(from_dict, Order, data) == [
        "rates.b: must be an integer, not a list, got []",
    ]


def test_toml_names_the_stand_in_for_null_when_an_optional_value_is_wrong() -> None:
    at = '\nsubmitted_at = "2026-11-27T09:00:00+01:00[Europe/Stockholm]"'
    assert errors(from_toml, Response, 'answers = {Q1 = 4, Q2 = ""}' + at) == [
        "answers.Q2: must be an integer, not a string; or [] for none (TOML's stand-in for "
        "null), got ''"
    ]
    assert errors(from_toml, Response, "answers = {Q1 = 4, Q2 = [3]}" + at)[0].startswith(
        "answers.Q2: must be an integer, not a list; or []"
    )


@attrs.frozen(kw_only=True)
class _Optionals:
    """Optional values that TOML cannot leave out, of every kind."""

    count: int | None = 3
    texts: tuple[str | None, ...] = ()
    kinds: dict[str, DeliveryFormat | pendulum.Date | None] = attrs.field(factory=dict)
    money: dict[str, Money | None] = attrs.field(factory=dict)
    lists: tuple[tuple[int, ...] | None, ...] = ()


def test_toml_writes_none_as_an_empty_array_wherever_the_type_is_an_optional_scalar() -> None:
    value = _Optionals(
        count=None,
        texts=("a", None),
        kinds={"x": None, "y": DeliveryFormat.DIGITAL, "z": pendulum.Date(2026, 11, 27)},
    )
    text = to_toml(value)
    assert text == (
        'count = []\ntexts = [\n    "a",\n    [],\n]\n\n'
        '[kinds]\nx = []\ny = "digital"\nz = "2026-11-27"\n'
    )
    assert from_toml(_Optionals, text) == value
    assert from_json(_Optionals, to_json(value)) == value


class _Shape(enum.Enum):
    """An enum whose values are written as lists, so [] could be one of them."""

    EMPTY = ()
    PAIR = (1, 2)


@attrs.frozen(kw_only=True)
class _Sets:
    numbers: frozenset[int | None] = frozenset()
    shapes: dict[str, _Shape | None] = attrs.field(factory=dict)


def test_a_none_in_a_set_of_optional_scalars_is_written_as_an_empty_array() -> None:
    value = _Sets(numbers=frozenset({1, None}))
    assert to_toml(value) == "numbers = [\n    1,\n    [],\n]\n"
    assert from_toml(_Sets, to_toml(value)) == value
    assert json.loads(to_json(value)) == {"numbers": [1, None], "shapes": {}}


def test_an_enum_with_list_values_has_no_stand_in_for_none() -> None:
    assert to_toml(_Sets(shapes={"a": _Shape.EMPTY})) == "[shapes]\na = []\n"
    assert errors(to_toml, _Sets(shapes={"a": None}))[0].startswith(
        "shapes.a: cannot be written to TOML, which has no null"
    )


def test_a_problem_about_a_missing_field_is_written_without_a_value() -> None:
    problem = ledarutveckling.Problem(path="quantity", message="is required but missing")
    assert problem.value is ledarutveckling.MISSING
    assert to_dict(problem) == {
        "path": "quantity",
        "message": "is required but missing",
        "code": None,
        "params": {},
    }
    assert to_toml(problem) == 'path = "quantity"\nmessage = "is required but missing"\n'
    assert from_json(ledarutveckling.Problem, to_json(problem)) == problem
    assert from_toml(ledarutveckling.Problem, to_toml(problem)) == problem


def test_a_problem_read_from_an_error_round_trips_through_json() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(DateRange, {"start": "2026-11-27"})
    (problem,) = info.value.problems
    assert from_json(ledarutveckling.Problem, to_json(problem)) == problem


@pytest.mark.parametrize("write", [to_json, to_toml])
def test_a_value_that_is_not_plain_data_is_refused_with_its_path(write: Any) -> None:
    problem = ledarutveckling.Problem(path="x", value={"a": [1, object()]}, message="m")
    (line,) = errors(write, problem)
    form = "JSON" if write is to_json else "TOML"
    assert line.startswith(
        f"value.a[1]: cannot be written to {form}: only text, numbers, booleans, null, lists "
        "and objects with text keys can (a field typed object holds plain data), got <object"
    )
    keyed = ledarutveckling.Problem(path="x", value={1: "one"}, message="m")
    assert errors(write, attrs.evolve(keyed, value=[{(1, 2): "x"}]))[0].startswith(
        f"value[0]: cannot be written to {form}"
    )


@pytest.mark.parametrize("write", [to_json, to_toml])
def test_plain_data_a_writer_refuses_gives_its_reason(write: Any) -> None:
    problem = ledarutveckling.Problem(path="x", value=[10**5000], message="m")
    form = "JSON" if write is to_json else "TOML"
    assert errors(write, problem)[0].startswith(
        f"cannot be written to {form}: Exceeds the limit (4300 digits)"
    )


def test_a_reference_cycle_is_refused() -> None:
    cycle: list[Any] = []
    cycle.append(cycle)
    problem = ledarutveckling.Problem(path="x", value=cycle, message="m")
    assert "cannot be written to JSON" in errors(to_json, problem)[0]


def test_toml_refuses_a_none_where_an_empty_array_or_table_would_be_ambiguous() -> None:
    assert errors(to_toml, _Optionals(money={"a": None})) == [
        "money.a: cannot be written to TOML, which has no null; an optional field of a class "
        "is left out and an optional text, number or date is written as [], but this type has "
        "no such stand-in (JSON can hold it), got None"
    ]
    assert errors(to_toml, _Optionals(lists=((1,), None)))[0].startswith(
        "lists[1]: cannot be written to TOML"
    )
    assert from_toml(_Optionals, "lists = [[]]") == _Optionals(lists=((),))


def test_toml_refuses_a_value_that_is_not_a_table() -> None:
    assert errors(to_toml, pendulum.Date(2026, 11, 27)) == [
        "must be an object to be written as TOML (TOML's top level is a table), not a string, "
        "got '2026-11-27'"
    ]


def test_toml_dates_and_times_are_read_as_the_strings_a_document_uses() -> None:
    text = "start = 2026-11-27\nend = 2026-12-03\n"
    assert from_toml(DateRange, text) == DateRange.from_iso("2026-11-27", "2026-12-03")
    assert documents_text.parse_toml(b"a = 09:30:00\nb = 2026-11-27T09:00:00+01:00") == {
        "a": "09:30:00",
        "b": "2026-11-27T09:00:00+01:00",
    }


def test_a_toml_local_datetime_is_refused_as_naive() -> None:
    text = 'document = "x"\nmoment = 2026-11-27T09:00:00'
    parsed = documents_text.parse_toml(text)
    assert errors(from_dict, pendulum.DateTime, parsed["moment"])[0].startswith(
        "must carry its zone and UTC offset"
    )


def test_bad_toml_and_bad_utf8_are_validation_errors() -> None:
    assert errors(from_toml, Money, "amount = ")[0].startswith("is not valid TOML: ")
    assert errors(from_toml, Money, b"\xff")[0].startswith("is not UTF-8 text: ")
    assert errors(from_toml, Money, 12) == [
        "must be TOML text (str or bytes), not an integer, got 12"
    ]


@pytest.mark.parametrize("encoded", [False, True])
def test_a_byte_order_mark_at_the_start_is_skipped_as_windows_notepad_writes_it(
    encoded: bool,
) -> None:
    agreement = stockholm_agreement()
    texts = {"toml": to_toml(agreement), "json": to_json(agreement)}
    for kind, text in texts.items():
        marked = "\ufeff" + text
        read = from_toml if kind == "toml" else from_json
        assert read(FrameworkAgreement, marked.encode() if encoded else marked) == agreement
    # Only at the very start: elsewhere it is a character like any other, and refused.
    with pytest.raises(ValidationError, match="is not valid TOML"):
        from_toml(FrameworkAgreement, "\ufeff\ufeff" + texts["toml"])


# -- JSON text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"amount": "1",',
            "is not valid JSON: Expecting property name enclosed in double "
            "quotes (line 1, column 16), got ''",
        ),
        (
            '{"amount": NaN}',
            "amount: must be a finite number; a document holds no NaN or infinity, got nan",
        ),
        (
            '{"amount": "1", "amount": "2"}',
            "amount: appears twice in its object; each key may appear once",
        ),
        (
            "[" * 100_000,
            "is nested more than 64 levels deep at line 1, column 65 (Limits.max_depth)",
        ),
        (
            '{"amount": ' + "9" * 5000 + "}",
            "holds a number of more than 200 digits at line 1, column 12 "
            "(Limits.max_number_digits)",
        ),
        (
            b'{"a": "\xff"}',
            "is not valid JSON: 'utf-8' codec can't decode byte 0xff in position "
            "7: invalid start byte (line 1, column 8)",
        ),
    ],
)
def test_text_that_is_not_strict_json_is_a_validation_error(
    text: str | bytes, message: str
) -> None:
    assert errors(from_json, Money, text) == [message]


def test_json_keeps_swedish_letters() -> None:
    assert to_json(
        Line(program="Ledarskap för chefer", unit=Unit.DAY, quantity=1, price=Money.sek(1)),
        indent=None,
    ).startswith('{"program":"Ledarskap för chefer"')


def test_from_json_wants_text() -> None:
    assert errors(from_json, Money, 12) == [
        "must be JSON text (str or bytes), not an integer, got 12"
    ]


# -- documents: header, versions, migrations ---------------------------------------------


def test_a_document_kind_is_written_with_its_header_first() -> None:
    data = json.loads(to_json(program()))
    assert list(data)[:3] == ["document", "schema_version", "code"]
    assert (data["document"], data["schema_version"]) == ("program", 1)


def test_to_dict_gives_the_value_without_a_header() -> None:
    assert "document" not in to_dict(program())


def test_the_document_kinds_are_listed() -> None:
    assert {name: kind.cls for name, kind in DOCUMENT_KINDS.items()} == {
        "agreement": FrameworkAgreement,
        "audience": Audience,
        "call_off": CallOff,
        "catalogue": Catalogue,
        "delivery": DeliveryRecord,
        "evaluation": Evaluation,
        "ledger": AgreementLedger,
        "program": Program,
        "rollout_request": RolloutRequest,
        "schedule_request": ScheduleRequest,
    }
    assert {kind.version for kind in DOCUMENT_KINDS.values()} == {1}


def test_the_bundled_example_round_trips_byte_for_byte_through_json() -> None:
    ledger = stockholm_ledger()
    text = to_json(ledger)
    again = from_json(AgreementLedger, text)
    assert again == ledger
    assert to_json(again) == text
    assert again.remaining(pendulum.date(2026, 11, 27)) == ledger.remaining(
        pendulum.date(2026, 11, 27)
    )


def test_the_bundled_example_round_trips_through_toml() -> None:
    ledger = stockholm_ledger()
    assert from_toml(AgreementLedger, to_toml(ledger)) == ledger


def test_index_months_are_written_as_year_month_keys() -> None:
    indexation = stockholm_agreement().indexation
    assert indexation is not None
    data = to_dict(indexation)
    assert data["base_month"] == [2024, 10]
    assert list(data["values"])[:2] == ["2024-10", "2025-10"]


def test_a_month_key_must_be_written_year_dash_month() -> None:
    data = to_dict(stockholm_agreement().indexation)
    data["values"] = {"2024/10": "100"}
    assert errors(from_dict, Indexation, data) == [
        "values[\"2024/10\"]: key must be two whole numbers written like '2026-01' (a month), "
        "got '2024/10'"
    ]


def test_a_negative_month_cannot_be_written_as_a_key() -> None:
    assert to_dict({(2026, 1): 1}) == {"2026-01": 1}
    assert errors(to_dict, {(1, 2, 3): 1}) == [
        "cannot be written as a key: keys are written as text, got (1, 2, 3)"
    ]
    assert errors(documents_containers._pair_key_text, (-1, 2)) == [
        "cannot be written as a key: both numbers must be zero or more, got (-1, 2)"
    ]


def test_a_header_inside_from_dict_says_where_it_belongs() -> None:
    data = {"document": "program", **to_dict(program())}
    assert errors(from_dict, Program, data) == [
        "document: belongs in a document's header, not in a value: read whole documents with "
        "load(), from_json() or from_toml(), got 'program'"
    ]


def _program_document(**header: object) -> dict[str, Any]:
    return {**header, **to_dict(program())}


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            {"schema_version": 1},
            "document: is required: a program document starts with "
            "document = 'program' and schema_version = 1",
        ),
        (
            {"document": "agreement", "schema_version": 1},
            "document: must be 'program' to be read as a Program, got 'agreement'",
        ),
        (
            {"document": "program"},
            "schema_version: is required: the program document must say "
            "which schema version it follows (this release writes 1)",
        ),
        (
            {"document": "program", "schema_version": "1"},
            "schema_version: must be an integer such as 1, not a string, got '1'",
        ),
        (
            {"document": "program", "schema_version": 2},
            "schema_version: this program document was written with schema version 2, newer than "
            "version 1 that this release of ledarutveckling reads; upgrade ledarutveckling, got 2",
        ),
        (
            {"document": "program", "schema_version": 0},
            "schema_version: schema version 0 does not exist; program documents have versions 1 "
            "to 1, got 0",
        ),
    ],
)
def test_a_wrong_header_is_refused_naming_the_versions(
    header: dict[str, object], message: str
) -> None:
    text = json.dumps(_program_document(**header))
    assert errors(from_json, Program, text) == [message]


def test_a_document_that_is_not_an_object_is_refused() -> None:
    assert errors(from_json, Program, "[]") == [
        "must be a document: an object starting with 'document' and 'schema_version', not a "
        "list, got []"
    ]


def test_load_without_a_class_reads_the_kind_from_the_header(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    dump(program(), path)
    assert load(path) == program()
    assert load(path, Program) == program()


def test_load_without_a_class_needs_a_known_kind(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"schema_version": 1}')
    assert errors(load, path) == [
        "document: is required: it names the document's kind ('agreement', 'audience', "
        "'call_off', 'catalogue', 'delivery', 'evaluation', 'ledger', 'program', "
        "'rollout_request', 'schedule_request')"
    ]
    path.write_text('{"document": "progam", "schema_version": 1}')
    assert errors(load, path) == [
        "document: must be one of 'agreement', 'audience', 'call_off', 'catalogue', 'delivery', "
        "'evaluation', 'ledger', 'program', 'rollout_request', 'schedule_request'; "
        "did you mean 'program'?, got 'progam'"
    ]
    path.write_text('{"document": 3, "schema_version": 1}')
    assert errors(load, path) == [
        "document: must be one of 'agreement', 'audience', 'call_off', 'catalogue', 'delivery', "
        "'evaluation', 'ledger', 'program', 'rollout_request', 'schedule_request', got 3"
    ]


def test_dump_and_load_round_trip_through_toml(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    dump(program(), path)
    assert path.read_text(encoding="utf-8").startswith('document = "program"\nschema_version = 1\n')
    assert load(path) == program()


def test_a_value_that_is_no_document_kind_is_written_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    dump(Money.sek(5), path)
    assert path.read_text(encoding="utf-8") == '{\n  "amount": "5",\n  "currency": "SEK"\n}\n'
    assert load(path, Money) == Money.sek(5)


def test_the_file_suffix_chooses_the_format(tmp_path: Path) -> None:
    assert errors(dump, Money.sek(5), tmp_path / "m.yaml") == [
        f"path: must end in .json or .toml (the format is chosen by the suffix), "
        f"got {str(tmp_path / 'm.yaml')!r}"
    ]


def test_a_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "none.json")


def _rename_qty(body: dict[str, Any]) -> dict[str, Any]:
    body = dict(body)
    body["quantity"] = body.pop("qty")
    return body


def _add_unit(body: dict[str, Any]) -> dict[str, Any]:
    return {**body, "unit": "day"}


LINES = documents_registry.Registry(
    (
        documents_registry.DocumentKind(
            name="line", cls=Line, version=3, migrations={1: _rename_qty, 2: _add_unit}
        ),
    )
)


def test_an_older_document_is_migrated_step_by_step() -> None:
    old = {
        "document": "line",
        "schema_version": 1,
        "program": "P",
        "qty": 2,
        "price": {"amount": "10", "currency": "SEK"},
    }
    line: object = documents_registry.open_document(old, None, LINES)
    assert line == Line(program="P", unit=Unit.DAY, quantity=2, price=Money.sek(10))


def test_a_migrated_document_is_validated_as_the_current_version() -> None:
    old = {
        "document": "line",
        "schema_version": 2,
        "program": "P",
        "quantity": 0,
        "price": {"amount": "10", "currency": "SEK"},
    }
    assert errors(documents_registry.open_document, old, Line, LINES) == [
        "quantity: must be at least 1, got 0"
    ]


def test_a_migration_that_fails_on_a_malformed_document_is_a_validation_error() -> None:
    old = {"document": "line", "schema_version": 1, "program": "P"}
    assert errors(documents_registry.open_document, old, Line, LINES) == [
        "could not be migrated from schema version 1 to 2: KeyError: 'qty'"
    ]


def test_a_missing_migration_step_is_named() -> None:
    registry = documents_registry.Registry(
        (documents_registry.DocumentKind(name="line", cls=Line, version=2),)
    )
    old = {"document": "line", "schema_version": 1}
    assert errors(documents_registry.open_document, old, Line, registry) == [
        "schema_version: no migration of line documents from schema version 1 to 2; this "
        "release reads version 2, got 1"
    ]


def test_a_migration_may_raise_its_own_validation_error() -> None:
    def refuse(body: dict[str, Any]) -> dict[str, Any]:
        raise ValidationError.single("qty", body.get("qty"), "cannot be migrated when negative")

    registry = documents_registry.Registry(
        (documents_registry.DocumentKind(name="line", cls=Line, version=2, migrations={1: refuse}),)
    )
    old = {"document": "line", "schema_version": 1, "qty": -1}
    assert errors(documents_registry.open_document, old, Line, registry) == [
        "qty: cannot be migrated when negative, got -1"
    ]


def test_registry_lookups_by_name_and_class() -> None:
    assert LINES.by_name("line") is LINES.kinds[0]
    assert LINES.by_name("program") is None
    assert LINES.by_class(Line) is LINES.kinds[0]
    assert LINES.by_class(Program) is None


# -- frozen documents -------------------------------------------------------------------------

FROZEN = sorted(DOCUMENTS.glob("v*/*.*"))


def test_there_are_frozen_documents_for_every_kind() -> None:
    kinds = {path.stem for path in FROZEN}
    assert set(DOCUMENT_KINDS) <= kinds


@pytest.mark.parametrize("path", FROZEN, ids=[f"{p.parent.name}/{p.name}" for p in FROZEN])
def test_every_frozen_document_still_loads(path: Path) -> None:
    value = load(path)
    assert type(value) is DOCUMENT_KINDS[path.stem].cls


@pytest.mark.parametrize(
    "path",
    [p for p in FROZEN if p.suffix == ".json" and p.parent.name == "v1"],
    ids=lambda p: p.name,
)
def test_a_current_json_document_round_trips_byte_for_byte(path: Path, tmp_path: Path) -> None:
    value = load(path)
    dump(value, tmp_path / path.name)
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_a_terminated_call_off_writes_what_was_delivered_and_others_leave_it_out() -> None:
    # StatusChange.delivered came with terminations (issue 18), within version 1: a change
    # written before it has no "delivered" and reads as empty, and an empty one is not written.
    old = {"from_status": "ordered", "to_status": "in_delivery", "on": "2026-09-01"}
    change = from_dict(StatusChange, old)
    assert change.delivered == ()
    assert to_dict(change) == old
    in_delivery = stockholm_ledger().call_offs[5]
    terminated = in_delivery.transition(
        CallOffStatus.TERMINATED, pendulum.date(2027, 2, 1), delivered=(12, 12, 6, 0, 15, 20, 20)
    )
    written = to_dict(terminated)["history"][-1]
    assert written == {
        "from_status": "in_delivery",
        "to_status": "terminated",
        "on": "2027-02-01",
        "delivered": ["12", "12", "6", "0", "15", "20", "20"],
    }
    assert "delivered" not in to_dict(in_delivery)["history"][-1]
    assert from_json(CallOff, to_json(terminated)) == terminated
    assert from_toml(CallOff, to_toml(terminated)) == terminated
    assert to_toml(terminated).endswith(
        'to_status = "terminated"\non = "2027-02-01"\ndelivered = [\n'
        + "".join(f'    "{n}",\n' for n in (12, 12, 6, 0, 15, 20, 20))
        + "]\n"
    )


def test_the_frozen_toml_and_json_documents_say_the_same() -> None:
    for toml_path in DOCUMENTS.glob("v*/*.toml"):
        json_path = toml_path.with_suffix(".json")
        assert load(toml_path) == load(json_path)


def test_the_main_functions_are_at_the_package_root() -> None:
    for name in (
        "dump",
        "from_dict",
        "from_json",
        "from_toml",
        "load",
        "to_dict",
        "to_json",
        "to_toml",
    ):
        assert name in ledarutveckling.__all__
        assert getattr(ledarutveckling, name) is getattr(ledarutveckling.serialization, name)


def test_the_converter_is_the_librarys_own() -> None:
    import cattrs

    assert documents_converter.CONVERTER is not cattrs.global_converter
    assert attrs.has(Program)


# -- helpers shared with the table test ------------------------------------------------------


def _order_data() -> dict[str, Any]:
    return {
        "reference": "AV-1",
        "placed_at": "2026-11-27T09:00:00+01:00[Europe/Stockholm]",
        "period": {"start": "2026-12-01", "end": "2026-12-31"},
        "lines": [],
    }


# -- defensive corners ------------------------------------------------------------------------


def test_an_unknown_key_that_is_not_a_string_is_named() -> None:
    assert errors(from_dict, Money, {"amount": "1", 3: "x"}) == ["[3]: keys must be strings, got 3"]


def test_an_unusual_value_is_described_by_its_type() -> None:
    assert errors(from_dict, int, Money.sek(1))[0].startswith("must be an integer, not a Money")


def test_an_int_key_may_be_given_as_an_int() -> None:
    assert from_dict(dict[int, str], {7: "x"}) == {7: "x"}
    assert errors(from_dict, dict[int, str], {"x7": "x"}) == [
        "x7: key must be an integer written as a string, e.g. '2026', not a string, got 'x7'"
    ]


def test_a_none_in_a_list_cannot_be_written_to_toml() -> None:
    assert errors(documents_text.write_toml, {"a": [1, None]})[0].startswith(
        "a[1]: cannot be written to TOML"
    )


def test_cattrs_error_groups_from_other_hooks_keep_their_paths() -> None:
    from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

    inner = ValidationError.single("", 1, "bad")
    inner.__notes__ = ["a plain note", IterableValidationNote("item", 2, int)]
    keyed = ValidationError.single("", 1, "bad key")
    keyed.__notes__ = [IterableValidationNote("key", "a-b", int)]
    group = IterableValidationError("items", [inner, keyed], list)
    outer = ClassValidationError("cls", [group, TypeError("constructor says no")], Money)
    assert [str(p) for p in documents_problems._group_problems(outer, {}, Money)] == [
        "[2]: bad, got 1",
        '["a-b"]: bad key, got 1',
        "constructor says no",
    ]


class Colour(str, enum.Enum):  # noqa: UP042 - the mixin style other code may use
    RED = "red"


class Size(enum.IntEnum):
    SMALL = 1


def test_enums_that_derive_from_str_or_int_are_read_by_value() -> None:
    assert from_dict(Colour, "red") is Colour.RED
    assert from_dict(Size, 1) is Size.SMALL
    assert from_dict(KirkpatrickLevel, 2) is KirkpatrickLevel(2)
    assert errors(from_dict, Size, "1") == ["must be one of 1, got '1'"]
    assert errors(from_dict, Size, True) == ["must be one of 1, got True"]
    assert to_dict(Size.SMALL) == 1


def test_a_subclass_of_int_that_is_no_enum_is_read_as_an_int() -> None:
    class Count(int):
        pass

    assert from_dict(Count, 3) == 3


def test_the_toml_agreement_in_the_docs_is_the_example_agreement() -> None:
    page = (Path(__file__).parent.parent / "docs" / "serialization.md").read_text(encoding="utf-8")
    text = page.split("```toml\n", 1)[1].split("```", 1)[0]
    assert from_toml(FrameworkAgreement, text) == stockholm_agreement()


def test_a_huge_integer_in_toml_is_a_validation_error() -> None:
    assert errors(from_toml, Money, "amount = " + "9" * 5000) == [
        "holds a number of more than 200 digits at line 1, column 10 (Limits.max_number_digits)"
    ]


def test_an_int_too_big_for_a_float_is_refused() -> None:
    assert from_dict(float, 2**53) == float(2**53)
    assert errors(from_dict, float, 2**53 + 1) == [
        f"must be a finite number that a float holds exactly, got {2**53 + 1}"
    ]
    assert errors(from_dict, float, 10**400)[0].startswith("must be a finite number")


def test_an_unknown_key_that_is_not_a_name_is_quoted_in_the_path() -> None:
    assert errors(from_dict, Money, {"amount": "1", "": 1, "unit price": 2}) == [
        '[""]: is not a field of Money (its fields are amount, currency), got 1',
        '["unit price"]: is not a field of Money (its fields are amount, currency), got 2',
    ]


@pytest.mark.parametrize(
    ("cls", "text"),
    [
        (Decimal, "\u0661\u0662"),  # Arabic-Indic 12
        (pendulum.Date, "\u0662\u0660\u0662\u0666-11-27"),
        (pendulum.Duration, "PT\u0661H"),
        (pendulum.Time, "\u0660\u0669:00"),
        (pendulum.DateTime, "2026-11-27T\u0660\u0669:00:00+01:00"),
    ],
)
def test_digits_of_other_scripts_are_not_read_as_numbers(cls: type[Any], text: str) -> None:
    assert errors(from_dict, cls, text)[0].startswith("must be")


def _ledger_with_a_duplicate() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (DOCUMENTS / "v1" / "ledger.json").read_text(encoding="utf-8")
    )
    data["call_offs"][2]["reference"] = data["call_offs"][0]["reference"]
    return data


def test_reading_a_ledger_runs_its_cross_object_rules(tmp_path: Path) -> None:
    text = json.dumps(_ledger_with_a_duplicate())
    expected = [
        "call_offs[2].reference: duplicate call-off reference; call_offs[0] already has it, "
        "got 'SOC 2025/0142'"
    ]
    assert errors(from_json, AgreementLedger, text) == expected
    path = tmp_path / "ledger.json"
    path.write_text(text, encoding="utf-8")
    assert errors(load, path) == expected


def test_a_what_if_ledger_that_breaks_its_rules_can_be_read_unchecked(tmp_path: Path) -> None:
    text = json.dumps(_ledger_with_a_duplicate())
    ledger = from_json(AgreementLedger, text, check=False)
    assert [p.path for p in ledger.problems()] == ["call_offs[2].reference"]
    path = tmp_path / "ledger.json"
    path.write_text(text, encoding="utf-8")
    assert isinstance(load(path, check=False), AgreementLedger)
    toml_path = tmp_path / "ledger.toml"
    dump(ledger, toml_path)
    assert from_toml(AgreementLedger, toml_path.read_text(encoding="utf-8"), check=False) == ledger


def test_to_dict_and_from_dict_leave_the_deferred_rules_to_the_caller() -> None:
    data = _ledger_with_a_duplicate()
    del data["document"], data["schema_version"]
    assert from_dict(AgreementLedger, data).problems()


def test_a_deferred_rule_that_fails_unexpectedly_is_a_validation_error() -> None:
    def broken(line: Line) -> None:
        raise ZeroDivisionError("division by zero")

    registry = documents_registry.Registry(
        (documents_registry.DocumentKind(name="line", cls=Line, check=broken),)
    )
    document = {"document": "line", "schema_version": 1, **to_dict(_line())}
    assert errors(documents_registry.open_document, document, Line, registry) == [
        "ZeroDivisionError: division by zero"
    ]
    assert documents_registry.open_document(document, Line, registry, check=False) == _line()


def _line() -> Line:
    return Line(program="P", unit=Unit.DAY, quantity=1, price=Money.sek(1))


def test_a_document_class_may_not_have_a_field_named_like_the_header() -> None:
    @attrs.frozen
    class Clash:
        document: str

    assert errors(lambda: documents_registry.DocumentKind(name="clash", cls=Clash)) == [
        "cls: has a field named 'document', which a document's header uses, got 'Clash'"
    ]


def test_every_public_attrs_class_and_enum_can_be_read_and_written() -> None:
    public = [
        getattr(ledarutveckling, name)
        for name in ledarutveckling.__all__
        if isinstance(getattr(ledarutveckling, name), type)
    ]
    classes = [cls for cls in public if attrs.has(cls) or issubclass(cls, enum.Enum)]
    for cls in classes:  # raises for a field type the converter cannot handle
        documents_converter.CONVERTER.get_structure_hook(cls)
        documents_converter.CONVERTER.get_unstructure_hook(cls)
        documents_converter.TOML_CONVERTER.get_unstructure_hook(cls)
    assert classes  # the public classes known when this was written (all but Problem, whose
    # value is any Python object) also have a Hypothesis round trip above


def test_a_protocol_field_holds_the_librarys_implementation() -> None:
    plan = sts.ROLLOUT[RolloutPlan][0]
    assert isinstance(from_json(RolloutPlan, to_json(plan)).calendar, WorkingCalendar)

    class EveryDay:
        def is_working_day(self, day: dt.date) -> bool:
            return True

    assert errors(
        to_dict, attrs.evolve(plan, rollout=attrs.evolve(plan.rollout, calendar=EveryDay()))
    )[0].startswith(
        "cannot be written: a document holds a WorkingDays only as a WorkingCalendar, got "
    )


def test_a_problem_is_written_with_its_value_as_plain_data() -> None:
    problem = ledarutveckling.Problem(path="lines[0].quantity", value=0, message="must be > 0")
    assert to_dict(problem) == {
        "path": "lines[0].quantity",
        "value": 0,
        "message": "must be > 0",
        "code": None,
        "params": {},
    }
    assert from_dict(ledarutveckling.Problem, to_dict(problem)) == problem


def test_a_mapping_must_be_an_object() -> None:
    assert errors(from_dict, dict[str, int], [1]) == [
        "must be an object (a table in TOML), not a list, got [1]"
    ]


@pytest.mark.parametrize(
    ("cls", "text", "message"),
    [
        (
            Audience,
            '{"name": "styrgruppen"}',
            "document: is required: an audience document starts with "
            "document = 'audience' and schema_version = 1",
        ),
        (
            Evaluation,
            '{"document": "program", "schema_version": 1}',
            "document: must be 'evaluation' to be read as an Evaluation, got 'program'",
        ),
    ],
)
def test_a_header_names_a_kind_with_its_article(cls: type, text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(cls, text)
    assert str(caught.value) == message
