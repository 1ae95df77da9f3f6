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


# --- The rules added with consent enforced -----------------------------------------------------


def test_every_kind_of_content_has_a_rule_with_texts_in_both_languages():
    from plugin.domain.retention import RULES, ContentKind, rule_key
    from plugin.i18n import catalogue

    assert set(RULES) == set(ContentKind)
    for kind in RULES:
        assert rule_key(kind) in catalogue("da") and rule_key(kind) in catalogue("en")


@pytest.mark.parametrize(
    "ever_agreed,last,scheduled,expected",
    [
        (False, ENDED, None, True),
        (False, ENDED + TICK, None, False),  # active a moment later: not yet
        (True, ENDED - RETENTION * 10, None, False),  # agreed once: never as unfinished
        (False, ENDED, ENDED + TICK, False),  # planned later: waits for its time + the period
        (False, ENDED - RETENTION, ENDED, True),
    ],
)
def test_conversation_expired(ever_agreed, last, scheduled, expected):
    from plugin.domain.retention import conversation_expired

    now = ENDED + RETENTION
    assert (
        conversation_expired(
            ever_agreed=ever_agreed, last_activity=last, scheduled_at=scheduled, now=now, retention=RETENTION
        )
        is expected
    )


def test_meeting_content_and_log_and_answers_expire_at_their_boundaries():
    from plugin.domain.retention import (
        EVENT_LOG_KEEP,
        IDEMPOTENT_RESPONSES_KEEP,
        event_expired,
        idempotent_response_expired,
        meeting_content_expired,
    )

    assert meeting_content_expired(meeting_ended_at=ENDED, now=ENDED + RETENTION, retention=RETENTION)
    assert not meeting_content_expired(
        meeting_ended_at=ENDED, now=ENDED + RETENTION - TICK, retention=RETENTION
    )
    assert not meeting_content_expired(meeting_ended_at=None, now=ENDED + RETENTION * 99, retention=RETENTION)
    assert event_expired(at=ENDED, now=ENDED + EVENT_LOG_KEEP)
    assert not event_expired(at=ENDED, now=ENDED + EVENT_LOG_KEEP - TICK)
    assert idempotent_response_expired(created_at=ENDED, now=ENDED + IDEMPOTENT_RESPONSES_KEEP)
    assert not idempotent_response_expired(created_at=ENDED, now=ENDED + IDEMPOTENT_RESPONSES_KEEP - TICK)


@pytest.mark.parametrize(
    "votes,removed",
    [({"employee": True, "manager": True}, False), ({"employee": True, "manager": False}, True), ({}, True)],
)
def test_notes_removed_at_lock_and_the_summary_prefill(votes, removed):
    from plugin.domain.agreement import summary_prefill
    from plugin.domain.retention import notes_removed_at_lock

    assert notes_removed_at_lock(votes) is removed
    assert summary_prefill("Noter", votes) == ("" if removed else "Noter")


def test_an_edit_opens_a_new_version_only_once_drafted_and_changed():
    from plugin.domain.agreement import edit_opens_new_version

    assert edit_opens_new_version(drafted=True, changed=True)
    assert not edit_opens_new_version(drafted=True, changed=False)
    assert not edit_opens_new_version(drafted=False, changed=True)
