"""Erasure of the signed-in person, by the policy in `plugin.domain.erasure`: a preview of what goes
and what stays until when, then the erasure itself in one transaction with an audit entry.

The agreed conversations that stay are deleted later by the retention run
(`services.retention`, `domain.erasure.erased_agreement_expired`)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update

from ..domain.actor import Actor
from ..domain.erasure import ErasedKind, agreement_due, erased_object_id
from ..storage import (
    AgendaItem,
    AgreementDecision,
    AgreementVersion,
    BrowserSession,
    CheckinResponse,
    Conversation,
    FeedbackEntry,
    Goal,
    HandoverRequest,
    IdempotencyRecord,
    LiveStream,
    Person,
    PreparationItem,
    TalkingPoint,
    TokenCacheEntry,
    WellbeingPulse,
)
from ..storage.unit_of_work import UnitOfWork
from . import audit
from .org_settings import settings_for
from .retention import delete_conversation, delete_goals, remove_notes


@dataclass(frozen=True)
class KeptAgreement:
    conversation_id: int
    title: str
    kind: str
    until: date


@dataclass
class ErasurePlan:
    """What erasing the person does: counts per kind that goes at once, and the agreements kept."""

    counts: Counter
    kept: list[KeptAgreement]
    erased: bool = False  # already erased (nothing left to do)


@dataclass(frozen=True)
class ErasureResult:
    plan: ErasurePlan
    erased_at: datetime


def get_preview(uow: UnitOfWork, actor: Actor) -> ErasurePlan:
    with uow:
        return _survey(uow, actor)


def do_erase(uow: UnitOfWork, actor: Actor) -> ErasureResult:
    """Erase the person now, in one transaction. Asking again finds nothing more to erase."""
    with uow:
        person = uow.session.scalar(
            select(Person)
            .where(Person.id == actor.person_id, Person.tenant_id == actor.tenant_id)
            .with_for_update()
        )
        plan = _survey(uow, actor)
        now = uow.now()
        retention = timedelta(days=settings_for(uow, actor.tenant_id).notes_retention_days)
        needles = [n for n in (person.object_id, person.display_name, person.email) if n]
        for conversation in _conversations(uow, actor):
            last_lock = _last_lock(uow, conversation.id)
            if last_lock is None or agreement_due(last_lock, retention) <= now:
                delete_conversation(uow, conversation)
            else:
                _erase_in_agreed(uow, actor, conversation)
        _erase_everywhere(uow, actor, person, needles)
        person.display_name = ""
        person.email = ""
        person.object_id = erased_object_id(uuid.uuid4().hex)
        person.signed_in_at = None
        person.erased_at = now
        audit.record(
            uow,
            actor,
            "erasure.done",
            **{kind.value: n for kind, n in plan.counts.items()},
            agreements_kept=len(plan.kept),
        )
        return ErasureResult(plan=plan, erased_at=now)


def _conversations(uow: UnitOfWork, actor: Actor) -> list[Conversation]:
    return list(
        uow.session.scalars(
            select(Conversation)
            .where(
                Conversation.tenant_id == actor.tenant_id,
                or_(Conversation.employee_id == actor.person_id, Conversation.manager_id == actor.person_id),
            )
            .order_by(Conversation.id)
        )
    )


def _last_lock(uow: UnitOfWork, conversation_id: int) -> datetime | None:
    return uow.session.scalar(
        select(func.max(AgreementVersion.locked_at)).where(
            AgreementVersion.conversation_id == conversation_id
        )
    )


def _count(uow: UnitOfWork, model: type, *where) -> int:
    return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _survey(uow: UnitOfWork, actor: Actor) -> ErasurePlan:
    """What the erasure would do, counted (the preview, and the audit entry's numbers). A fixed
    number of statements however many conversations the person has: each count is one statement
    over all of them (or over the agreements kept)."""
    person = uow.session.get(Person, actor.person_id)
    counts: Counter = Counter()
    kept: list[KeptAgreement] = []
    if person is None or person.erased_at is not None:
        return ErasurePlan(counts, kept, erased=True)
    retention = timedelta(days=settings_for(uow, actor.tenant_id).notes_retention_days)
    now = uow.now()
    me = actor.person_id
    counts[ErasedKind.PERSONAL_DATA] = 1
    mine = select(Conversation.id).where(
        Conversation.tenant_id == actor.tenant_id,
        or_(Conversation.employee_id == me, Conversation.manager_id == me),
    )
    last_locks = dict(
        uow.session.execute(
            select(AgreementVersion.conversation_id, func.max(AgreementVersion.locked_at))
            .where(AgreementVersion.conversation_id.in_(mine))
            .group_by(AgreementVersion.conversation_id)
        ).all()
    )
    kept_ids: list[int] = []
    as_employee: list[int] = []
    for row in uow.session.execute(
        select(Conversation.id, Conversation.kind, Conversation.employee_id)
        .where(Conversation.id.in_(mine))
        .order_by(Conversation.id)
    ):
        last_lock = last_locks.get(row.id)
        if last_lock is None or agreement_due(last_lock, retention) <= now:
            counts[ErasedKind.UNAGREED_CONVERSATIONS] += 1
            continue
        kept_ids.append(row.id)
        if row.employee_id == me:
            as_employee.append(row.id)
    if kept_ids:
        shown = {
            row.id: row
            for row in uow.session.execute(
                select(Conversation.id, Conversation.title, Conversation.kind).where(
                    Conversation.id.in_(kept_ids)
                )
            )
        }
        kept = [
            KeptAgreement(
                cid, shown[cid].title, shown[cid].kind, agreement_due(last_locks[cid], retention).date()
            )
            for cid in kept_ids
        ]
        items = select(AgendaItem.id).where(AgendaItem.conversation_id.in_(kept_ids))
        counts[ErasedKind.NOTES] += _count(
            uow, AgendaItem, AgendaItem.conversation_id.in_(kept_ids), AgendaItem.notes != ""
        )
        counts[ErasedKind.DRAFTS] += _count(
            uow,
            AgreementVersion,
            AgreementVersion.conversation_id.in_(kept_ids),
            AgreementVersion.locked_at.is_(None),
        )
        counts[ErasedKind.FEEDBACK] += _count(uow, FeedbackEntry, FeedbackEntry.conversation_id.in_(kept_ids))
        counts[ErasedKind.TALKING_POINTS] += _count(
            uow, TalkingPoint, TalkingPoint.agenda_item_id.in_(items), TalkingPoint.author_id == me
        )
        if as_employee:
            counts[ErasedKind.GOALS] += _count(uow, Goal, Goal.conversation_id.in_(as_employee))
    counts[ErasedKind.PREPARATION] += _count(
        uow, PreparationItem, PreparationItem.conversation_id.in_(mine), PreparationItem.author_id == me
    )
    counts[ErasedKind.PULSES] += _count(
        uow, WellbeingPulse, WellbeingPulse.conversation_id.in_(mine), WellbeingPulse.author_id == me
    )
    counts[ErasedKind.SESSIONS] = _count(
        uow,
        BrowserSession,
        BrowserSession.tenant_id == actor.tenant_id,
        BrowserSession.object_id == person.object_id,
    ) + _count(
        uow,
        TokenCacheEntry,
        TokenCacheEntry.tenant_id == actor.tenant_id,
        TokenCacheEntry.object_id == person.object_id,
    )
    counts[ErasedKind.HANDOVERS] = _count(
        uow,
        HandoverRequest,
        HandoverRequest.tenant_id == actor.tenant_id,
        or_(HandoverRequest.employee_id == me, HandoverRequest.to_manager_id == me),
    )
    return ErasurePlan(+counts, kept)


def _erase_in_agreed(uow: UnitOfWork, actor: Actor, conversation: Conversation) -> None:
    """An agreed conversation kept for the retention period: only the agreement stays."""
    cid, me = conversation.id, actor.person_id
    session = uow.session
    remove_notes(uow, conversation)  # the notes, their CRDT, the live log, stored answers with notes
    versions = select(AgreementVersion.id).where(
        AgreementVersion.conversation_id == cid, AgreementVersion.locked_at.is_(None)
    )
    _delete(uow, AgreementDecision, AgreementDecision.version_id.in_(versions))
    _delete(
        uow, AgreementVersion, AgreementVersion.conversation_id == cid, AgreementVersion.locked_at.is_(None)
    )
    session.execute(
        update(AgreementDecision)
        .where(
            AgreementDecision.person_id == me,
            AgreementDecision.version_id.in_(
                select(AgreementVersion.id).where(AgreementVersion.conversation_id == cid)
            ),
        )
        .values(comment="")
        .execution_options(synchronize_session=False)
    )
    _delete(uow, FeedbackEntry, FeedbackEntry.conversation_id == cid)
    items = select(AgendaItem.id).where(AgendaItem.conversation_id == cid)
    _delete(uow, TalkingPoint, TalkingPoint.agenda_item_id.in_(items), TalkingPoint.author_id == me)
    if conversation.employee_id == me:
        delete_goals(uow, cid)
    session.expire_all()


def _erase_everywhere(uow: UnitOfWork, actor: Actor, person: Person, needles: list[str]) -> None:
    """What is the person's in every conversation left, and outside conversations."""
    me, session = actor.person_id, uow.session
    mine = PreparationItem.author_id == me
    session.execute(
        update(TalkingPoint)
        .where(TalkingPoint.preparation_id.in_(select(PreparationItem.id).where(mine)))
        .values(preparation_id=None)
        .execution_options(synchronize_session=False)
    )
    _delete(uow, PreparationItem, mine)
    _delete(uow, WellbeingPulse, WellbeingPulse.author_id == me)
    _delete(uow, CheckinResponse, CheckinResponse.person_id == me)  # my answers in check-ins
    session.execute(
        update(LiveStream)
        .where(LiveStream.position_by_id == me)
        .values(position_by_id=None)
        .execution_options(synchronize_session=False)
    )
    _delete(
        uow,
        BrowserSession,
        BrowserSession.tenant_id == actor.tenant_id,
        BrowserSession.object_id == person.object_id,
    )
    _delete(
        uow,
        TokenCacheEntry,
        TokenCacheEntry.tenant_id == actor.tenant_id,
        TokenCacheEntry.object_id == person.object_id,
    )
    _delete(
        uow,
        HandoverRequest,
        HandoverRequest.tenant_id == actor.tenant_id,
        or_(HandoverRequest.employee_id == me, HandoverRequest.to_manager_id == me),
    )
    _delete(uow, IdempotencyRecord, IdempotencyRecord.person_id == me)
    # Answers stored for the others of the organisation that name the person (a conversation planned
    # with them, say): they are only kept for retries, so they go.
    colleagues = select(Person.id).where(Person.tenant_id == actor.tenant_id)
    for record in session.scalars(
        select(IdempotencyRecord).where(
            IdempotencyRecord.person_id.in_(colleagues), IdempotencyRecord.response.is_not(None)
        )
    ):
        text = json.dumps(record.response, ensure_ascii=False)
        if any(n in text for n in needles):
            session.delete(record)
    session.flush()


def _delete(uow: UnitOfWork, model: type, *where) -> int:
    return uow.session.execute(
        delete(model).where(*where).execution_options(synchronize_session=False)
    ).rowcount
