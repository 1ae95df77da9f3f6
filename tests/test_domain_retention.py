"""What the retention run removes (pure domain, no app), with the boundaries exactly at the period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugin.domain.retention import both_keep_notes, draft_expired, shared_notes_expired

RETENTION = timedelta(days=30)
ENDED = datetime(2026, 1, 10, 14, 0, tzinfo=UTC)
TICK = timedelta(microseconds=1)


@pytest.mark.parametrize(
    "votes,expected",
    [
        ({"employee": True, "manager": True}, True),
        ({"employee": True, "manager": False}, False),
        ({"employee": False, "manager": True}, False),
        ({"employee": True}, False),
        ({"manager": True}, False),
        ({}, False),
        ({"employee": 1, "manager": 1}, False),  # only a real True counts as a vote to keep
        ({"employee": "yes", "manager": "yes"}, False),
    ],
)
def test_both_keep_notes(votes, expected):
    assert both_keep_notes(votes) is expected


def notes_expired(*, now, votes=None, ended=ENDED):
    return shared_notes_expired(meeting_ended_at=ended, keep_votes=votes or {}, now=now, retention=RETENTION)


def test_notes_expire_exactly_at_the_retention_period():
    assert not notes_expired(now=ENDED + RETENTION - TICK)
    assert notes_expired(now=ENDED + RETENTION)
    assert notes_expired(now=ENDED + RETENTION + TICK)


def test_notes_of_a_meeting_that_has_not_ended_are_kept():
    assert not notes_expired(now=ENDED + 100 * RETENTION, ended=None)


@pytest.mark.parametrize(
    "votes,expired",
    [
        ({"employee": True, "manager": True}, False),
        ({"employee": True, "manager": False}, True),
        ({"employee": True}, True),
        ({}, True),
    ],
)
def test_notes_are_kept_only_if_both_chose_to(votes, expired):
    assert notes_expired(now=ENDED + 2 * RETENTION, votes=votes) is expired


def test_zero_retention_removes_at_once():
    assert shared_notes_expired(meeting_ended_at=ENDED, keep_votes={}, now=ENDED, retention=timedelta(0))


CREATED = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)


def test_unlocked_draft_expires_exactly_at_the_retention_period():
    assert not draft_expired(
        created_at=CREATED, locked=False, now=CREATED + RETENTION - TICK, retention=RETENTION
    )
    assert draft_expired(created_at=CREATED, locked=False, now=CREATED + RETENTION, retention=RETENTION)


def test_locked_version_never_expires():
    assert not draft_expired(
        created_at=CREATED, locked=True, now=CREATED + 100 * RETENTION, retention=RETENTION
    )


def test_fresh_draft_is_kept():
    assert not draft_expired(created_at=CREATED, locked=False, now=CREATED, retention=RETENTION)
