"""The erasure policy: what goes at once when a person asks to be erased, and what stays until when.

The person asks in the personal tab, sees this policy applied to their own data (a preview), and
confirms. Everything happens in one transaction and the audit log records that it happened (the
counts, never content). Asking again changes nothing more.

Goes at once:
- personal data of the person record: name and e-mail are removed, the link to their Microsoft
  account (object id) is replaced by a random one, so a later sign-in starts a new, empty record.
  Wherever the record is still referenced (an agreement kept for the other party, the audit log),
  it is shown as "Erased person";
- their private preparation and their wellbeing pulses (score and comment, shared or not);
- every conversation where they are a party that never reached an agreement both approved (with
  everything in it, also the other party's preparation there: without an agreement there is
  nothing the organisation needs to keep);
- in agreed conversations: the shared working notes (and the live log of their edits), agreement
  drafts not approved by both, feedback between the two, talking points they wrote, the comments
  of their own approvals, and, when they are the employee, the live copies of their goals and
  development actions (the agreed version keeps what was agreed);
- their browser sessions, their Microsoft token caches, stored answers to retried requests that
  hold their data, and handover requests about them or to them.

Kept until the organisation's retention ends (its `notes_retention_days`, else
`Settings.retention_days`, after the last approval):
- the agreed versions both parties approved (with both approvals and the consent choices that
  prove what was agreed to, the agreed summaries and follow-up dates), pseudonymised. The retention
  run deletes the conversation with everything in it once that date has passed; if it has passed
  already, it goes at once.

Kept: the audit log's entries (who did what when, never content), naming an erased person.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

ERASED_OBJECT_PREFIX = "erased-"


class ErasedKind(StrEnum):
    """What the preview lists, each with its text `erasure.kind.<kind>` in both languages."""

    PERSONAL_DATA = "personal_data"
    PREPARATION = "preparation"
    PULSES = "pulses"
    UNAGREED_CONVERSATIONS = "unagreed_conversations"
    NOTES = "notes"
    DRAFTS = "drafts"
    FEEDBACK = "feedback"
    TALKING_POINTS = "talking_points"
    GOALS = "goals"
    SESSIONS = "sessions"
    HANDOVERS = "handovers"
    AGREEMENTS_KEPT = "agreements_kept"
    AUDIT_KEPT = "audit_kept"


def agreement_due(last_locked_at: datetime, retention: timedelta) -> datetime:
    """When an agreed conversation of an erased person is deleted."""
    return last_locked_at + retention


def erased_agreement_expired(
    *, erased_party: bool, last_locked_at: datetime | None, now: datetime, retention: timedelta
) -> bool:
    """An agreed conversation is deleted by the retention run once a party of it was erased and the
    retention period after its last approval has passed."""
    if not erased_party or last_locked_at is None:
        return False
    return agreement_due(last_locked_at, retention) <= now


def erased_object_id(random_hex: str) -> str:
    """The object id an erased record gets: no longer any Microsoft account's (36 characters)."""
    return (ERASED_OBJECT_PREFIX + random_hex)[:36]
