"""The reminder rules: what is due when, for whom, under which key; days in Copenhagen time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from plugin.domain import reminders as rules
from plugin.domain.errors import InvalidInput

CPH = ZoneInfo("Europe/Copenhagen")
MANAGER, EMPLOYEE = 1, 2


def planned(kind="mus", at=None, status="planned", cid=10):
    return rules.Planned(cid, kind, status, at, EMPLOYEE, MANAGER)


def kinds(found):
    return sorted((d.kind.value, d.recipient_id) for d in found)


def test_prepare_a_mus_within_five_days_for_both_parties():
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    found = rules.due_at(now, planned=[planned(at=now + timedelta(days=5))], zone=CPH)
    assert kinds(found) == [("prepare", MANAGER), ("prepare", EMPLOYEE)]
    manager_one = next(d for d in found if d.recipient_id == MANAGER)
    assert manager_one.other_id == EMPLOYEE and manager_one.occasion == "2027-03-06"
    assert manager_one.key == "prepare:conversation:10:1:2027-03-06"


def test_prepare_boundaries_just_outside_the_window_and_in_the_past():
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    later = planned(at=now + timedelta(days=5, seconds=1))
    started = planned(at=now, cid=11)
    assert rules.due_at(now, planned=[later, started], zone=CPH) == []


def test_prepare_a_check_in_only_within_one_day():
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    tomorrow = planned("checkin", at=now + timedelta(hours=23))
    two_days = planned("checkin", at=now + timedelta(days=2), cid=11)
    assert kinds(rules.due_at(now, planned=[tomorrow, two_days], zone=CPH)) == [
        ("prepare", MANAGER),
        ("prepare", EMPLOYEE),
    ]


def test_nothing_for_conversations_no_longer_ahead_or_without_a_date():
    now = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
    held = planned(at=now + timedelta(days=1), status="agreed")
    undated = planned(at=None, cid=11)
    assert rules.due_at(now, planned=[held, undated], zone=CPH) == []


def test_a_check_in_today_is_due_not_prepare_and_today_is_copenhagen_time():
    # 23:30 UTC on 28 February is already 1 March in Copenhagen.
    now = datetime(2027, 2, 28, 23, 30, tzinfo=UTC)
    at = datetime(2027, 3, 1, 14, 0, tzinfo=CPH)
    found = rules.due_at(now, planned=[planned("checkin", at=at)], zone=CPH)
    assert kinds(found) == [("check_in_due", MANAGER), ("check_in_due", EMPLOYEE)]
    assert {d.occasion for d in found} == {"2027-03-01"}
    # The same moment counted in UTC is still 28 February: prepare, not due.
    utc = rules.due_at(now, planned=[planned("checkin", at=at)], zone=UTC)
    assert {d.kind for d in utc} == {rules.Kind.PREPARE}


def follow_up(due_on):
    return rules.FollowUpDate(5, 10, due_on, EMPLOYEE, MANAGER)


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (date(2027, 3, 9), None),  # the day before
        (date(2027, 3, 10), "follow_up_due"),  # the due date
        (date(2027, 3, 16), "follow_up_due"),  # catching up within the week
        (date(2027, 3, 17), "follow_up_overdue"),  # 7 days after
        (date(2027, 3, 23), "follow_up_overdue"),
        (date(2027, 3, 24), None),  # too late to be useful
    ],
)
def test_follow_up_due_and_overdue_boundaries(today, kind):
    # Just after midnight in Copenhagen (still the day before in UTC).
    now = datetime.combine(today, datetime.min.time(), tzinfo=CPH) + timedelta(minutes=1)
    found = rules.due_at(now, follow_up_dates=[follow_up(date(2027, 3, 10))], zone=CPH)
    if kind is None:
        assert found == []
    else:
        assert kinds(found) == [(kind, MANAGER), (kind, EMPLOYEE)]
        assert {d.occasion for d in found} == {"2027-03-10"}


def test_follow_up_due_and_overdue_have_different_keys():
    due = rules.follow_ups(datetime(2027, 3, 10, 8, tzinfo=CPH), [follow_up(date(2027, 3, 10))], CPH)
    late = rules.follow_ups(datetime(2027, 3, 17, 8, tzinfo=CPH), [follow_up(date(2027, 3, 10))], CPH)
    assert {d.key for d in due}.isdisjoint({d.key for d in late})


def test_a_decision_reminds_the_other_party():
    due = rules.on_decision(
        decision="approved",
        version_id=7,
        version_number=2,
        conversation_id=10,
        decided_by=EMPLOYEE,
        other=MANAGER,
    )
    assert (due.kind, due.recipient_id, due.other_id, due.occasion) == (
        rules.Kind.APPROVED,
        MANAGER,
        EMPLOYEE,
        "v2",
    )
    changes = rules.on_decision(
        decision="changes_requested",
        version_id=7,
        version_number=2,
        conversation_id=10,
        decided_by=MANAGER,
        other=EMPLOYEE,
    )
    assert changes.kind is rules.Kind.CHANGES_REQUESTED and changes.recipient_id == EMPLOYEE
    assert due.key != changes.key


def test_refusals():
    with pytest.raises(InvalidInput):
        rules.on_decision(
            decision="prepare", version_id=1, version_number=1, conversation_id=1, decided_by=1, other=2
        )
    with pytest.raises(InvalidInput):
        rules.on_decision(
            decision="approved", version_id=1, version_number=1, conversation_id=1, decided_by=1, other=1
        )
    with pytest.raises(InvalidInput):
        rules.due_at(datetime(2027, 3, 1), planned=[], zone=CPH)


def test_an_overdue_check_in_reminds_the_manager_once_per_due_date():
    from plugin.domain.reminders import Kind, OverdueCheckIn, Subject, check_in_overdue

    now = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
    overdue = OverdueCheckIn(employee_id=2, manager_id=1, conversation_id=9, due_on=date(2027, 2, 20))
    not_yet = OverdueCheckIn(employee_id=3, manager_id=1, conversation_id=10, due_on=date(2027, 3, 1))
    [due] = check_in_overdue(now, [overdue, not_yet], ZoneInfo("Europe/Copenhagen"))
    assert (due.kind, due.subject, due.recipient_id, due.other_id) == (
        Kind.CHECK_IN_OVERDUE,
        Subject.PAIR,
        1,
        2,
    )
    assert due.key == "check_in_overdue:pair:2:1:2027-02-20"
