"""What the retention run removes.

Shared working notes are kept only if both parties chose to keep them; otherwise they are removed
once the meeting has been over for the retention period. Agreement drafts that were never approved
by both are removed once they are older than the retention period and a newer version exists or the
conversation has been idle for that long."""

from __future__ import annotations

from datetime import datetime, timedelta


def both_keep_notes(keep_votes: dict[str, bool]) -> bool:
    return keep_votes.get("employee") is True and keep_votes.get("manager") is True


def shared_notes_expired(
    *,
    meeting_ended_at: datetime | None,
    keep_votes: dict[str, bool],
    now: datetime,
    retention: timedelta,
) -> bool:
    if meeting_ended_at is None or both_keep_notes(keep_votes):
        return False
    return meeting_ended_at + retention <= now


def draft_expired(*, created_at: datetime, locked: bool, now: datetime, retention: timedelta) -> bool:
    return not locked and created_at + retention <= now
