"""Cadence rules: intervals allowed, calendar months, due dates and states."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from plugin.domain.cadence import (
    Cadence,
    CadenceDefaults,
    DueState,
    History,
    add_months,
    assess,
    check_cadence,
)
from plugin.domain.errors import InvalidInput

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # a shorter month: its last day
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 12, date(2029, 2, 28)),  # from a leap day to a common year
        (date(2028, 2, 29), 48, date(2032, 2, 29)),  # to the next leap year's leap day
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # across the year end
        (date(2026, 3, 31), 24, date(2028, 3, 31)),
        (date(2026, 12, 15), 12, date(2027, 12, 15)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("months", [6, 12, 24])
@pytest.mark.parametrize("weeks", [None, 2, 4, 6, 8, 12])
def test_allowed_intervals(months, weeks):
    assert check_cadence(months, weeks) == Cadence(months, weeks)


@pytest.mark.parametrize("months", [0, 5, 25, -12, True])
def test_mus_interval_out_of_range_is_refused(months):
    with pytest.raises(InvalidInput) as refused:
        check_cadence(months, None)
    assert refused.value.code == "cadence_mus_interval"
    assert refused.value.field == "mus_interval_months"


@pytest.mark.parametrize("weeks", [0, 1, 3, 5, 13, 52, True])
def test_check_in_interval_not_offered_is_refused(weeks):
    with pytest.raises(InvalidInput) as refused:
        check_cadence(12, weeks)
    assert refused.value.code == "cadence_check_in_interval"
    assert refused.value.field == "check_in_interval_weeks"


def test_a_mus_never_held_is_due_now():
    status = assess(None, History(), TODAY)
    assert status.mus.due_on == TODAY
    assert status.mus.state is DueState.DUE


def test_mus_due_from_the_last_held_by_the_interval():
    held = date(2026, 3, 31)
    assert assess(Cadence(12, None), History(last_mus=held), TODAY).mus.due_on == date(2027, 3, 31)
    assert assess(Cadence(6, None), History(last_mus=held), TODAY).mus.due_on == date(2026, 9, 30)


@pytest.mark.parametrize(
    ("last_mus", "state"),
    [
        (date(2025, 12, 21), DueState.DUE),  # due in 14 days: within the window
        (date(2025, 12, 22), DueState.OK),  # due in 15 days
        (date(2025, 12, 7), DueState.DUE),  # due today
        (date(2025, 12, 6), DueState.OVERDUE),  # due yesterday
    ],
)
def test_mus_states_around_the_window(last_mus, state):
    assert assess(Cadence(12, None), History(last_mus=last_mus), TODAY).mus.state is state


def test_planned_wins_over_overdue():
    status = assess(Cadence(12, 2), History(last_mus=date(2020, 1, 1), mus_planned=True), TODAY)
    assert status.mus.state is DueState.PLANNED
    assert status.mus.due_on == date(2021, 1, 1)
    assert status.check_in.state is DueState.PLANNED  # a planned MUS is a planned conversation


def test_no_check_in_interval_means_no_check_in_due():
    status = assess(Cadence(12, None), History(last_check_in=date(2020, 1, 1)), TODAY)
    assert status.check_in.due_on is None
    assert status.check_in.state is DueState.NONE


@pytest.mark.parametrize(
    ("weeks", "state"),
    [(2, DueState.OVERDUE), (4, DueState.DUE), (6, DueState.OK)],
)
def test_check_in_due_from_the_last_conversation_held(weeks, state):
    # The last check-in 25 days ago, the last MUS before it: 2 weeks is overdue, 4 weeks is due in
    # 3 days (within the window), 6 weeks is in 17 days.
    history = History(last_mus=date(2026, 6, 1), last_check_in=date(2026, 11, 12))
    status = assess(Cadence(12, weeks), history, TODAY)
    assert status.check_in.state is state
    assert status.check_in.due_on == date(2026, 11, 12) + timedelta(weeks=weeks)


def test_a_mus_held_later_than_the_last_check_in_counts_for_check_ins():
    history = History(last_mus=date(2026, 12, 1), last_check_in=date(2026, 9, 1))
    assert assess(Cadence(12, 2), history, TODAY).check_in.due_on == date(2026, 12, 15)


def test_check_in_never_held_is_due_now_and_planned_one_counts():
    status = assess(Cadence(12, 4), History(), TODAY)
    assert (status.check_in.due_on, status.check_in.state) == (TODAY, DueState.DUE)
    planned = assess(Cadence(12, 4), History(check_in_planned=True), TODAY)
    assert planned.check_in.state is DueState.PLANNED
    assert planned.mus.state is DueState.DUE  # a planned check-in is not a MUS


def test_defaults_are_a_parameter():
    history = History(last_mus=date(2026, 1, 1))
    assert assess(None, history, TODAY).mus.due_on == date(2027, 1, 1)
    org = CadenceDefaults(mus_interval_months=6, check_in_interval_weeks=4)
    status = assess(None, history, TODAY, defaults=org)
    assert status.mus.due_on == date(2026, 7, 1)
    assert status.mus.state is DueState.OVERDUE
    assert status.check_in.due_on == date(2026, 1, 29)
    # A cadence set for the employee wins over the defaults.
    assert assess(Cadence(24, None), history, TODAY, defaults=org).mus.due_on == date(2028, 1, 1)


def test_attention_is_the_more_urgent_state():
    overdue_check_in = assess(Cadence(24, 2), History(last_mus=date(2026, 10, 1)), TODAY)
    assert overdue_check_in.mus.state is DueState.OK
    assert overdue_check_in.check_in.state is DueState.OVERDUE
    calm = assess(Cadence(24, None), History(last_mus=date(2026, 10, 1)), TODAY)
    assert overdue_check_in.attention < calm.attention
