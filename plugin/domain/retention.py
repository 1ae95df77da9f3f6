"""How long each kind of content is kept: the rules in one place.

The retention period is the organisation's (`notes_retention_days` of its settings, else the
installation's `Settings.retention_days`). The rules, in the order the
privacy page lists them (`RULES`, each with its text `ui.privacy.rule.<kind>` in both languages):

- conversation: a conversation that never reached an agreement both approved is deleted with
  everything in it once it has been idle for the retention period (and its planned time, if any,
  is that long past).
- agreement_draft: a draft never approved by both is deleted once it is older than the retention
  period and a newer version exists or the conversation has been idle for that long.
- agreement: a version both approved is kept; it is never changed. When the organisation set an
  agreement retention (`agreement_retention_months`), an agreed conversation is deleted with
  everything in it once its last version was locked that many months ago.
- notes: the shared working notes are kept only if both parties chose to keep them. Otherwise they
  are deleted at once when the agreement is locked, and in any case once the meeting has been over
  for the retention period. The agreement holds the summaries both approved, never the notes.
- goals, development_actions, feedback: kept with an agreed conversation (they are followed up);
  deleted with an unfinished one.
- pulses, preparation: a wellbeing pulse and the private preparation serve the meeting; they are
  deleted once the meeting has been over for the retention period (a talking point made from the
  preparation is part of the agenda and stays).
- event_log: the live channel's log serves tabs that reconnect; entries older than
  `EVENT_LOG_KEEP` are deleted, and the whole log of a conversation whose notes are deleted goes
  with them (it holds the note edits).
- idempotent_responses: the stored answers to retried requests are deleted after
  `IDEMPOTENT_RESPONSES_KEEP`, and at once when they hold notes that are deleted.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

EVENT_LOG_KEEP = timedelta(days=1)
IDEMPOTENT_RESPONSES_KEEP = timedelta(days=1)


class ContentKind(StrEnum):
    CONVERSATION = "conversation"
    AGREEMENT_DRAFT = "agreement_draft"
    AGREEMENT = "agreement"
    NOTES = "notes"
    GOALS = "goals"
    DEVELOPMENT_ACTIONS = "development_actions"
    FEEDBACK = "feedback"
    PULSES = "pulses"
    PREPARATION = "preparation"
    EVENT_LOG = "event_log"
    IDEMPOTENT_RESPONSES = "idempotent_responses"


# Every kind has a stated rule; the privacy page shows them in this order.
RULES: tuple[ContentKind, ...] = tuple(ContentKind)


def rule_key(kind: ContentKind) -> str:
    """The message key of the rule's text (both languages; `{days}` is the retention period)."""
    return f"ui.privacy.rule.{kind.value}"


def both_keep_notes(keep_votes: dict[str, bool]) -> bool:
    return keep_votes.get("employee") is True and keep_votes.get("manager") is True


def notes_removed_at_lock(keep_votes: dict[str, bool]) -> bool:
    """When the agreement is locked, the notes go at once unless both chose to keep them."""
    return not both_keep_notes(keep_votes)


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


def conversation_expired(
    *,
    ever_agreed: bool,
    last_activity: datetime,
    scheduled_at: datetime | None,
    now: datetime,
    retention: timedelta,
) -> bool:
    """An unfinished conversation (no version both approved) idle for the retention period, whose
    planned time is that long past too."""
    if ever_agreed:
        return False
    latest = max(last_activity, scheduled_at) if scheduled_at is not None else last_activity
    return latest + retention <= now


def meeting_content_expired(
    *, meeting_ended_at: datetime | None, now: datetime, retention: timedelta
) -> bool:
    """Pulses and private preparation: gone once the meeting has been over for the retention period."""
    return meeting_ended_at is not None and meeting_ended_at + retention <= now


def event_expired(*, at: datetime, now: datetime) -> bool:
    return at + EVENT_LOG_KEEP <= now


def idempotent_response_expired(*, created_at: datetime, now: datetime) -> bool:
    return created_at + IDEMPOTENT_RESPONSES_KEEP <= now


def agreement_expired(*, last_locked_at: datetime | None, cutoff: datetime | None) -> bool:
    """An agreed conversation whose last locked version is older than the organisation's agreement
    retention (`cutoff`: now minus that many months; None: no such retention, kept)."""
    return cutoff is not None and last_locked_at is not None and last_locked_at <= cutoff
