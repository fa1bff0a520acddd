"""Moments compare and hash by their instant: the two 02:30s of a night in October differ."""

import pendulum

from ledarutveckling import Response
from ledarutveckling._base.dates import instant
from ledarutveckling._rollout.plan import RolloutSession
from ledarutveckling.testing import make_session

# The clocks of Europe/Stockholm go back from 03:00 to 02:00 on 31 October 2027: 02:30 is
# first 00:30 UTC (summer time, +02:00), then 01:30 UTC (winter time, +01:00).
EARLY = pendulum.datetime(2027, 10, 31, 0, 30, tz="UTC").in_tz("Europe/Stockholm")
LATE = pendulum.datetime(2027, 10, 31, 1, 30, tz="UTC").in_tz("Europe/Stockholm")


def test_the_two_0230s_are_one_wall_clock_time_and_two_instants() -> None:
    assert (EARLY.hour, EARLY.minute, LATE.hour, LATE.minute) == (2, 30, 2, 30)
    assert (EARLY.fold, LATE.fold) == (0, 1)
    assert EARLY == LATE  # Python's rule for one tzinfo: the wall clock, fold ignored
    assert instant(EARLY) != instant(LATE)
    assert instant(EARLY) == pendulum.datetime(2027, 10, 31, 0, 30, tz="UTC")


def test_instant_leaves_what_is_not_an_aware_moment_to_the_checks() -> None:
    assert instant("02:30") == "02:30"
    naive = pendulum.naive(2027, 10, 31, 2, 30)
    assert instant(naive) is naive


def test_a_set_of_two_responses_at_the_two_0230s_keeps_both() -> None:
    first = Response(answers={"q1": 4}, submitted_at=EARLY)
    second = Response(answers={"q1": 4}, submitted_at=LATE)
    assert first != second
    assert len({first, second}) == 2
    assert Response(answers={"q1": 4}, submitted_at=EARLY) == first
    assert hash(Response(answers={"q1": 4}, submitted_at=EARLY)) == hash(first)


def test_the_same_instant_in_another_zone_is_the_same_response() -> None:
    utc = pendulum.datetime(2027, 10, 31, 1, 30, tz="UTC")
    assert Response(answers={"q1": 1}, submitted_at=utc) == Response(
        answers={"q1": 1}, submitted_at=LATE
    )


def test_sessions_an_hour_apart_at_0230_are_different() -> None:
    first = make_session(start=EARLY, end=EARLY.add(hours=3))
    second = make_session(start=LATE, end=LATE.add(hours=3))
    assert first.start == second.start  # the wall clock
    assert first != second
    assert len({first, second}) == 2


def test_rollout_sessions_an_hour_apart_at_0230_are_different() -> None:
    def at(start: pendulum.DateTime) -> RolloutSession:
        return RolloutSession(
            unit="Gata",
            cohort=1,
            size=20,
            module="M1",
            start=start,
            end=start.add(hours=3),
            facilitators=("Anna",),
        )

    assert at(EARLY) != at(LATE)
    assert len({at(EARLY), at(LATE)}) == 2
    assert at(EARLY) == at(EARLY)


def test_wall_clock_is_the_naive_time_a_slot_is_looked_up_by() -> None:
    # The re-plan and the checker find a session's slot by its wall clock: wall_clock must
    # equal (and hash as) value.time().replace(tzinfo=None) for pendulum and other values,
    # the second 02:30 of the night in October (fold 1) and microseconds included.
    import datetime as dt
    import zoneinfo

    from ledarutveckling._base.dates import wall_clock

    zone = zoneinfo.ZoneInfo("Europe/Stockholm")
    values = [
        EARLY,
        LATE,
        pendulum.datetime(2027, 5, 3, 9, 0, 0, 250, tz="Europe/Stockholm"),
        dt.datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=zone),
        dt.datetime(2027, 5, 3, 13, 15, tzinfo=dt.UTC),
        dt.datetime(2027, 5, 3, 16, 45),
    ]
    for value in values:
        made = wall_clock(value)
        old = value.time().replace(tzinfo=None)
        assert made == old
        assert hash(made) == hash(old)
        assert made.tzinfo is None
        assert {old: "slot"}[made] == "slot"
