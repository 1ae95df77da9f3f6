"""The retention run: every kind of content is removed by its rule (`plugin.domain.retention`).

It runs from the in-process scheduler (`plugin.scheduler`, inside `mus serve` and `mus run`) and from
`mus purge` (cron). Only the holder of the lease row `retention` purges, so several instances and a
cron job at once purge once. Each conversation is purged in a transaction of its own: a run that is
interrupted leaves every conversation either untouched or fully purged, never half.

The notes that were not to be kept are also removed at once when an agreement is locked
(`remove_notes`, called by the agreement use case)."""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update

from ..domain.agreement import ConsentKind
from ..domain.erasure import erased_agreement_expired
from ..domain.org_settings import months_before
from ..domain.retention import (
    EVENT_LOG_KEEP,
    IDEMPOTENT_RESPONSES_KEEP,
    agreement_expired,
    conversation_expired,
    draft_expired,
    meeting_content_expired,
    shared_notes_expired,
)
from ..live import log as event_log
from ..storage import (
    AgendaItem,
    AgendaSummary,
    AgreementDecision,
    AgreementVersion,
    AuditEvent,
    CheckinClosure,
    CheckinResponse,
    Consent,
    Conversation,
    DevelopmentAction,
    FeedbackEntry,
    FollowUp,
    Goal,
    GoalAdjustment,
    GoalChange,
    GoalProgress,
    GoalSuccess,
    IdempotencyRecord,
    LiveEvent,
    LiveStream,
    NoteDocument,
    PreparationItem,
    Reminder,
    TalkingPoint,
    WellbeingPulse,
)
from ..storage.locks import release_lease, take_lease
from ..storage.unit_of_work import UnitOfWork
from . import audit, calendar_sync
from . import notes as shared_notes
from .org_settings import settings_by_tenant

LEASE = "retention"
LEASE_HOLD = timedelta(minutes=15)  # longer than a run takes; the holder gives it back when done


@dataclass
class PurgeReport:
    ran: bool = True  # False: another process holds the lease and purges now
    conversations_deleted: int = 0
    notes_cleared: int = 0
    drafts_deleted: int = 0
    pulses_deleted: int = 0
    preparation_deleted: int = 0
    events_deleted: int = 0
    responses_deleted: int = 0
    by_conversation: dict[int, Counter] = field(default_factory=dict)


def holder_name() -> str:
    """This process, as the lease names its holder."""
    return f"{socket.gethostname()[:64]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def do_purge(
    uow: UnitOfWork, *, holder: str | None = None, hold: timedelta = LEASE_HOLD, release: bool = True
) -> PurgeReport:
    """One retention run, if this process gets the lease. `hold`: how long the lease is taken for;
    `release`: give it back when done (the scheduler keeps it until its next turn instead)."""
    holder = holder or holder_name()
    with uow:
        now = uow.now()
        if not take_lease(uow.session, LEASE, holder, now, now + hold):
            return PurgeReport(ran=False)
    try:
        return _run(uow)
    finally:
        if release:
            with uow:
                release_lease(uow.session, LEASE, holder, uow.now())


def _run(uow: UnitOfWork) -> PurgeReport:
    report = PurgeReport()
    with uow:
        now = uow.now()
        policy = Policy(
            default=timedelta(days=uow.settings.retention_days), by_tenant=settings_by_tenant(uow), now=now
        )
        candidates = list(uow.session.scalars(select(Conversation.id).order_by(Conversation.id)))
    for conversation_id in candidates:
        with uow:  # one transaction per conversation
            counts = _purge_conversation(uow, conversation_id, now, policy)
        if counts:
            report.by_conversation[conversation_id] = counts
            report.conversations_deleted += counts["conversation"]
            report.notes_cleared += counts["notes"]
            report.drafts_deleted += counts["drafts"]
            report.pulses_deleted += counts["pulses"]
            report.preparation_deleted += counts["preparation"]
    with uow:
        report.events_deleted = _expire_event_log(uow, now)
    with uow:
        report.responses_deleted = uow.session.execute(
            delete(IdempotencyRecord)
            .where(IdempotencyRecord.created_at <= now - IDEMPOTENT_RESPONSES_KEEP)
            .execution_options(synchronize_session=False)
        ).rowcount
    return report


@dataclass(frozen=True)
class Policy:
    """The retention periods per organisation: its settings where it saved them, else the defaults."""

    default: timedelta
    by_tenant: dict
    now: datetime

    def retention(self, tenant_id: str) -> timedelta:
        own = self.by_tenant.get(tenant_id)
        return timedelta(days=own.notes_retention_days) if own else self.default

    def agreement_cutoff(self, tenant_id: str) -> datetime | None:
        own = self.by_tenant.get(tenant_id)
        months = own.agreement_retention_months if own else None
        return months_before(self.now, months) if months else None


def _purge_conversation(uow: UnitOfWork, conversation_id: int, now: datetime, policy: Policy) -> Counter:
    counts: Counter = Counter()
    conversation = uow.session.scalar(
        select(Conversation)
        .where(Conversation.id == conversation_id)
        .with_for_update(of=Conversation)
        .execution_options(populate_existing=True)
    )
    if conversation is None:
        return counts
    retention = policy.retention(conversation.tenant_id)
    ever_agreed = bool(
        uow.session.scalar(
            select(
                exists().where(
                    AgreementVersion.conversation_id == conversation_id,
                    AgreementVersion.locked_at.is_not(None),
                )
            )
        )
    )
    if ever_agreed and _erased_party_agreement_expired(uow, conversation, now, retention):
        tenant_id = conversation.tenant_id
        delete_conversation(uow, conversation)
        counts["conversation"] = 1
        audit.record(
            uow, None, "retention.erased_agreement_deleted", tenant_id=tenant_id, former_id=conversation_id
        )
        return counts
    if ever_agreed and agreement_expired(
        last_locked_at=_last_locked(uow, conversation_id),
        cutoff=policy.agreement_cutoff(conversation.tenant_id),
    ):
        tenant_id = conversation.tenant_id
        delete_conversation(uow, conversation)
        counts["conversation"] = 1
        audit.record(uow, None, "retention.agreement_deleted", tenant_id=tenant_id, former_id=conversation_id)
        return counts
    if conversation_expired(
        ever_agreed=ever_agreed,
        last_activity=_last_activity(uow, conversation),
        scheduled_at=conversation.scheduled_at,
        now=now,
        retention=retention,
    ):
        tenant_id = conversation.tenant_id
        delete_conversation(uow, conversation)
        counts["conversation"] = 1
        audit.record(
            uow, None, "retention.conversation_deleted", tenant_id=tenant_id, former_id=conversation_id
        )
        return counts

    if shared_notes_expired(
        meeting_ended_at=conversation.meeting_ended_at,
        keep_votes=keep_votes(uow, conversation_id),
        now=now,
        retention=retention,
    ):
        counts["notes"] = remove_notes(uow, conversation)

    versions = list(
        uow.session.scalars(
            select(AgreementVersion)
            .where(AgreementVersion.conversation_id == conversation_id)
            .order_by(AgreementVersion.number)
        )
    )
    latest = versions[-1].number if versions else 0
    idle = conversation.updated_at + retention <= now
    for version in versions:
        if not draft_expired(
            created_at=version.created_at, locked=version.locked_at is not None, now=now, retention=retention
        ):
            continue
        if version.number < latest or idle:
            uow.session.delete(version)  # its decisions go with it
            counts["drafts"] += 1

    if meeting_content_expired(meeting_ended_at=conversation.meeting_ended_at, now=now, retention=retention):
        counts["pulses"] = _delete(uow, WellbeingPulse, WellbeingPulse.conversation_id == conversation_id)
        counts["preparation"] = _remove_preparation(uow, conversation_id)

    uow.session.flush()
    if any(counts.values()):
        detail = {
            "notes_cleared": counts["notes"],
            "drafts_deleted": counts["drafts"],
            "pulses_deleted": counts["pulses"],
            "preparation_deleted": counts["preparation"],
        }
        audit.record(
            uow,
            None,
            "retention.purge",
            tenant_id=conversation.tenant_id,
            conversation_id=conversation_id,
            **detail,
        )
        uow.emit(conversation.tenant_id, conversation_id, "retention.purged", **detail)
    return +counts


def _erased_party_agreement_expired(
    uow: UnitOfWork, conversation: Conversation, now: datetime, retention: timedelta
) -> bool:
    """An agreed conversation of an erased person goes once its retention period has passed."""
    return erased_agreement_expired(
        erased_party=conversation.employee.erased_at is not None
        or conversation.manager.erased_at is not None,
        last_locked_at=_last_locked(uow, conversation.id),
        now=now,
        retention=retention,
    )


def _last_locked(uow: UnitOfWork, conversation_id: int) -> datetime | None:
    return uow.session.scalar(
        select(func.max(AgreementVersion.locked_at)).where(
            AgreementVersion.conversation_id == conversation_id
        )
    )


def keep_votes(uow: UnitOfWork, conversation_id: int) -> dict[str, bool]:
    rows = uow.session.scalars(
        select(Consent).where(
            Consent.conversation_id == conversation_id, Consent.kind == ConsentKind.KEEP_SHARED_NOTES.value
        )
    )
    return {row.party: row.value for row in rows}


def remove_notes(uow: UnitOfWork, conversation: Conversation) -> int:
    """Delete the conversation's shared notes everywhere, in this transaction: the text of every
    agenda item, its CRDT document (emptied as a CRDT change: the stored state keeps only the
    deleted lengths, no text, and a tab that still holds the text converges to the empty note), the
    live log that holds the note edits, and the stored answers to retried requests that carry note
    text. Returns how many items had notes."""
    now = uow.now()
    items = list(conversation.agenda)
    texts = [item.notes for item in items if item.notes]
    cleared = 0
    for item in items:
        had_text = shared_notes.clear_for_retention(uow, item)  # first: the note's lock, then the item
        if item.notes or had_text:
            item.notes = ""
            item.notes_removed_at = now
            cleared += 1
    uow.session.flush()
    event_log.forget(uow.session, conversation.id)
    _forget_responses_with_notes(uow, [conversation.employee_id, conversation.manager_id], texts)
    _scrub_snapshots(uow, conversation.id)
    return cleared


def _forget_responses_with_notes(uow: UnitOfWork, person_ids: list[int], texts: list[str]) -> None:
    needles = [json.dumps(t, ensure_ascii=False)[1:-1] for t in texts if t.strip()]
    records = uow.session.scalars(
        select(IdempotencyRecord).where(
            IdempotencyRecord.person_id.in_(person_ids), IdempotencyRecord.response.is_not(None)
        )
    )
    for record in records:
        if _holds_notes(record.response) or any(
            n in json.dumps(record.response, ensure_ascii=False) for n in needles
        ):
            uow.session.delete(record)


def _holds_notes(value: Any) -> bool:
    """A stored answer that carries a non-empty `notes` text anywhere (an agenda item, say)."""
    if isinstance(value, dict):
        if isinstance(value.get("notes"), str) and value["notes"]:
            return True
        return any(_holds_notes(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_notes(v) for v in value)
    return False


def _scrub_snapshots(uow: UnitOfWork, conversation_id: int) -> None:
    """Agreement versions drafted before the agreement held summaries carried the notes: drop them."""
    versions = uow.session.scalars(
        select(AgreementVersion).where(AgreementVersion.conversation_id == conversation_id)
    )
    for version in versions:
        agenda = (version.snapshot or {}).get("agenda") or []
        if any("notes" in item for item in agenda):
            snapshot = dict(version.snapshot)
            snapshot["agenda"] = [{k: v for k, v in item.items() if k != "notes"} for item in agenda]
            version.snapshot = snapshot


def _remove_preparation(uow: UnitOfWork, conversation_id: int) -> int:
    """Private preparation goes; what was promoted to a talking point stays in the agenda (the
    talking point holds its own copy), so a promoted row is only emptied."""
    promoted = select(TalkingPoint.preparation_id).where(TalkingPoint.preparation_id.is_not(None))
    removed = _delete(
        uow,
        PreparationItem,
        PreparationItem.conversation_id == conversation_id,
        PreparationItem.id.not_in(promoted),
    )
    emptied = uow.session.execute(
        update(PreparationItem)
        .where(PreparationItem.conversation_id == conversation_id, PreparationItem.text != "")
        .values(text="", version=PreparationItem.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    return removed + emptied


def _expire_event_log(uow: UnitOfWork, now: datetime) -> int:
    cutoff = now - EVENT_LOG_KEEP
    rows = uow.session.execute(
        select(LiveEvent.conversation_id, func.max(LiveEvent.seq))
        .where(LiveEvent.at <= cutoff)
        .group_by(LiveEvent.conversation_id)
    ).all()
    deleted = 0
    for conversation_id, through in rows:
        deleted += uow.session.scalar(
            select(func.count(LiveEvent.id)).where(
                LiveEvent.conversation_id == conversation_id, LiveEvent.seq <= through
            )
        )
        event_log.prune(uow.session, conversation_id, through=through)
    return deleted


def _delete(uow: UnitOfWork, model: type, *where: Any) -> int:
    return uow.session.execute(
        delete(model).where(*where).execution_options(synchronize_session=False)
    ).rowcount


def _last_activity(uow: UnitOfWork, conversation: Conversation) -> datetime:
    cid = conversation.id
    moments = [
        conversation.updated_at,
        conversation.created_at,
        uow.session.scalar(select(func.max(AgendaItem.updated_at)).where(AgendaItem.conversation_id == cid)),
        uow.session.scalar(
            select(func.max(PreparationItem.updated_at)).where(PreparationItem.conversation_id == cid)
        ),
        uow.session.scalar(
            select(func.max(AgreementVersion.created_at)).where(AgreementVersion.conversation_id == cid)
        ),
        uow.session.scalar(select(func.max(Goal.updated_at)).where(Goal.conversation_id == cid)),
        uow.session.scalar(
            select(func.max(DevelopmentAction.updated_at)).where(DevelopmentAction.conversation_id == cid)
        ),
        uow.session.scalar(
            select(func.max(FeedbackEntry.created_at)).where(FeedbackEntry.conversation_id == cid)
        ),
        uow.session.scalar(
            select(func.max(WellbeingPulse.created_at)).where(WellbeingPulse.conversation_id == cid)
        ),
        uow.session.scalar(select(func.max(Consent.recorded_at)).where(Consent.conversation_id == cid)),
        uow.session.scalar(select(func.max(FollowUp.created_at)).where(FollowUp.conversation_id == cid)),
        uow.session.scalar(
            select(func.max(AgendaSummary.updated_at)).where(AgendaSummary.conversation_id == cid)
        ),
    ]
    return max(m for m in moments if m is not None)


def delete_goals(uow: UnitOfWork, cid: int) -> None:
    """Delete a conversation's goals with their progress, history and development actions (an action
    of another conversation that followed one of them stays, without the link)."""
    goals = select(Goal.id).where(Goal.conversation_id == cid)
    _delete(uow, GoalProgress, or_(GoalProgress.conversation_id == cid, GoalProgress.goal_id.in_(goals)))
    _delete(uow, GoalChange, GoalChange.goal_id.in_(goals))
    _delete(
        uow, GoalAdjustment, or_(GoalAdjustment.goal_id.in_(goals), GoalAdjustment.conversation_id == cid)
    )
    _delete(uow, GoalSuccess, GoalSuccess.goal_id.in_(goals))
    # what a check-in (this conversation) proposed or marked for goals that stay
    uow.session.execute(
        update(GoalAdjustment)
        .where(GoalAdjustment.checkin_id == cid)
        .values(checkin_id=None)
        .execution_options(synchronize_session=False)
    )
    uow.session.execute(
        update(GoalSuccess)
        .where(GoalSuccess.conversation_id == cid)
        .values(conversation_id=None)
        .execution_options(synchronize_session=False)
    )
    uow.session.execute(
        update(DevelopmentAction)
        .where(DevelopmentAction.goal_id.in_(goals), DevelopmentAction.conversation_id != cid)
        .values(goal_id=None)
        .execution_options(synchronize_session=False)
    )
    _delete(uow, DevelopmentAction, DevelopmentAction.conversation_id == cid)
    _delete(uow, Goal, Goal.conversation_id == cid)


def delete_conversation(uow: UnitOfWork, conversation: Conversation) -> None:
    """Delete an unfinished conversation with everything in it (the audit trail keeps its entries,
    which hold no content, without the link)."""
    cid = conversation.id
    items = select(AgendaItem.id).where(AgendaItem.conversation_id == cid)
    versions = select(AgreementVersion.id).where(AgreementVersion.conversation_id == cid)
    preparation = select(PreparationItem.id).where(PreparationItem.conversation_id == cid)
    session = uow.session
    _delete(uow, LiveStream, LiveStream.conversation_id == cid)
    _delete(uow, LiveEvent, LiveEvent.conversation_id == cid)
    _delete(uow, AgreementDecision, AgreementDecision.version_id.in_(versions))
    _delete(uow, AgreementVersion, AgreementVersion.conversation_id == cid)
    calendar_sync.cancel_conversation(uow, cid)  # their events leave both calendars
    _delete(uow, FollowUp, FollowUp.conversation_id == cid)
    _delete(uow, Consent, Consent.conversation_id == cid)
    _delete(uow, AgendaSummary, AgendaSummary.conversation_id == cid)
    session.execute(
        update(TalkingPoint)
        .where(TalkingPoint.preparation_id.in_(preparation), TalkingPoint.agenda_item_id.not_in(items))
        .values(preparation_id=None)
        .execution_options(synchronize_session=False)
    )
    _delete(uow, TalkingPoint, TalkingPoint.agenda_item_id.in_(items))
    _delete(uow, NoteDocument, NoteDocument.agenda_item_id.in_(items))
    session.execute(
        update(PreparationItem)
        .where(PreparationItem.promoted_item_id.in_(items), PreparationItem.conversation_id != cid)
        .values(promoted_item_id=None)
        .execution_options(synchronize_session=False)
    )
    _delete(uow, PreparationItem, PreparationItem.conversation_id == cid)
    _delete(uow, AgendaItem, AgendaItem.conversation_id == cid)
    delete_goals(uow, cid)
    _delete(uow, FeedbackEntry, FeedbackEntry.conversation_id == cid)
    _delete(uow, WellbeingPulse, WellbeingPulse.conversation_id == cid)
    _delete(uow, CheckinResponse, CheckinResponse.conversation_id == cid)
    _delete(uow, CheckinClosure, CheckinClosure.conversation_id == cid)
    # Its reminders (ids only, no content) go with it: none is due any more, and kept they would
    # point a person's "reminders sent to me" at a conversation that no longer exists.
    _delete(uow, Reminder, Reminder.conversation_id == cid)
    session.execute(
        update(AuditEvent)
        .where(AuditEvent.conversation_id == cid)
        .values(conversation_id=None)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        delete(Conversation).where(Conversation.id == cid).execution_options(synchronize_session=False)
    )
    session.expunge(conversation)
