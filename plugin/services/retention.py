"""The retention run (`mus purge`): shared working notes past the retention period are removed
unless both parties chose to keep them, and agreement drafts that were never approved by both are
deleted once they are old and either superseded or left idle. Locked versions are never touched."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from ..domain.agreement import ConsentKind
from ..domain.retention import draft_expired, shared_notes_expired
from ..live import log as event_log
from ..storage import AgreementVersion, Consent, Conversation
from ..storage.unit_of_work import UnitOfWork
from . import audit
from . import notes as shared_notes


@dataclass(frozen=True)
class PurgeReport:
    notes_cleared: int
    drafts_deleted: int


def do_purge(uow: UnitOfWork) -> PurgeReport:
    with uow:
        now = uow.now()
        retention = timedelta(days=uow.settings.retention_days)
        cutoff = now - retention
        notes: dict[int, int] = defaultdict(int)
        drafts: dict[int, int] = defaultdict(int)
        tenants: dict[int, str] = {}

        # Shared notes of meetings that ended before the cut-off.
        ended = list(
            uow.session.scalars(
                select(Conversation).where(
                    Conversation.meeting_ended_at.is_not(None), Conversation.meeting_ended_at <= cutoff
                )
            ).unique()
        )
        keep = _keep_votes(uow, [c.id for c in ended])
        for conversation in ended:
            if not shared_notes_expired(
                meeting_ended_at=conversation.meeting_ended_at,
                keep_votes=keep.get(conversation.id, {}),
                now=now,
                retention=retention,
            ):
                continue
            for item in conversation.agenda:
                if item.notes_removed_at is not None or not item.notes:
                    continue
                shared_notes.clear_for_retention(uow, item)  # first: the note's lock, then the item
                item.notes = ""
                item.notes_removed_at = now
                notes[conversation.id] += 1
                tenants[conversation.id] = conversation.tenant_id

        # Agreement drafts never approved by both, older than the retention period.
        candidates = list(
            uow.session.scalars(
                select(AgreementVersion)
                .where(AgreementVersion.locked_at.is_(None), AgreementVersion.created_at <= cutoff)
                .order_by(AgreementVersion.conversation_id, AgreementVersion.number)
            )
        )
        latest = _latest_numbers(uow, {v.conversation_id for v in candidates})
        for version in candidates:
            if not draft_expired(created_at=version.created_at, locked=False, now=now, retention=retention):
                continue
            conversation = uow.session.get(Conversation, version.conversation_id)
            superseded = version.number < latest[version.conversation_id]
            idle = conversation.updated_at + retention <= now
            if not (superseded or idle):
                continue
            uow.session.delete(version)  # its decisions go with it
            drafts[conversation.id] += 1
            tenants[conversation.id] = conversation.tenant_id

        uow.session.flush()
        for conversation_id in sorted(notes):  # the live log holds note edits too
            event_log.forget(uow.session, conversation_id)
        for conversation_id, tenant_id in sorted(tenants.items()):
            audit.record(
                uow,
                None,
                "retention.purge",
                tenant_id=tenant_id,
                conversation_id=conversation_id,
                notes_cleared=notes[conversation_id],
                drafts_deleted=drafts[conversation_id],
            )
            uow.emit(
                tenant_id,
                conversation_id,
                "retention.purged",
                notes_cleared=notes[conversation_id],
                drafts_deleted=drafts[conversation_id],
            )
        return PurgeReport(notes_cleared=sum(notes.values()), drafts_deleted=sum(drafts.values()))


def _keep_votes(uow: UnitOfWork, conversation_ids: list[int]) -> dict[int, dict[str, bool]]:
    votes: dict[int, dict[str, bool]] = defaultdict(dict)
    if not conversation_ids:
        return votes
    rows = uow.session.scalars(
        select(Consent).where(
            Consent.conversation_id.in_(conversation_ids),
            Consent.kind == ConsentKind.KEEP_SHARED_NOTES.value,
        )
    )
    for row in rows:
        votes[row.conversation_id][row.party] = row.value
    return votes


def _latest_numbers(uow: UnitOfWork, conversation_ids: set[int]) -> dict[int, int]:
    if not conversation_ids:
        return {}
    rows = uow.session.execute(
        select(AgreementVersion.conversation_id, func.max(AgreementVersion.number))
        .where(AgreementVersion.conversation_id.in_(conversation_ids))
        .group_by(AgreementVersion.conversation_id)
    )
    return {conversation_id: number for conversation_id, number in rows}
