"""The check-in rules: who may write, when a check-in closes, how it ends as held."""

from __future__ import annotations

import pytest

from plugin.domain.checkins import (
    PartState,
    check_adjustment,
    check_can_close,
    check_can_write,
    check_is_checkin,
    held_transitions,
)
from plugin.domain.errors import Conflict, InvalidInput
from plugin.domain.lifecycle import Status


@pytest.mark.parametrize(
    ("current", "path"),
    [
        (Status.PLANNED, [Status.IN_MEETING, Status.REVIEWING]),
        (Status.PREPARING, [Status.IN_MEETING, Status.REVIEWING]),
        (Status.IN_MEETING, [Status.REVIEWING]),
        (Status.REVIEWING, []),
        (Status.AGREED, []),
    ],
)
def test_a_closed_checkin_ends_held_by_the_lifecycle_rules(current, path):
    assert held_transitions(current) == path


def test_closing_needs_both_parts_done_and_happens_once():
    done = {"employee": PartState.DONE, "manager": PartState.DONE}
    check_can_close(done, closed=False)
    with pytest.raises(Conflict) as err:
        check_can_close({**done, "manager": PartState.IN_PROGRESS}, closed=False)
    assert err.value.code == "checkin_not_ready"
    with pytest.raises(Conflict) as err:
        check_can_close(done, closed=True)
    assert err.value.code == "checkin_closed"


def test_a_part_is_written_until_done_and_never_after_closing():
    check_can_write(PartState.IN_PROGRESS, closed=False)
    for state, closed, code in (
        (PartState.DONE, False, "checkin_part_done"),
        (PartState.IN_PROGRESS, True, "checkin_closed"),
    ):
        with pytest.raises(Conflict) as err:
            check_can_write(state, closed=closed)
        assert err.value.code == code


def test_only_a_checkin_has_parts():
    check_is_checkin("checkin")
    with pytest.raises(Conflict):
        check_is_checkin("mus")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({}, "adjustment_empty"),
        ({"title": " "}, "adjustment_title_empty"),
        ({"specific": "x"}, "adjustment_field_unknown"),
    ],
)
def test_bad_adjustments_are_refused(changes, code):
    with pytest.raises(InvalidInput) as err:
        check_adjustment(changes)
    assert err.value.code == code
