"""The audit log as the person sees it: who read, approved, exported or erased what about them.

An event concerns the person when they did it, or when it happened in a conversation they are a
party of. The person's own reads and the per-conversation records of their own export are left
out (they say nothing new to them); the other party's reads and exports are shown. Every entry
carries the actor's display name and a description in the reader's language.

`record_read` writes one `conversation.read`/`agreement.read` event per reader, conversation and
hour: reads of content are logged without flooding the log with every refresh."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select

from ..domain.actor import Actor
from ..i18n import catalogue, format_number, translate
from ..storage import AuditEvent, Conversation, Person
from ..storage.unit_of_work import UnitOfWork

READ_ACTIONS = ("conversation.read", "agreement.read")
# The actor's own events of these kinds are not shown to them.
HIDDEN_OWN = (*READ_ACTIONS, "conversation.exported")
READ_WINDOW = timedelta(hours=1)
PAGE_SIZE = 50
REMEMBERED_READS = 50_000  # per process; forgotten all at once when full (then asked again)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    action: str
    actor_name: str | None
    by_me: bool
    conversation_id: int | None
    conversation_title: str | None
    description: str

    def as_export(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "action": self.action,
            "actor_name": self.actor_name,
            "by_me": self.by_me,
            "conversation_id": self.conversation_id,
            "description": self.description,
        }


@dataclass(frozen=True)
class AuditPage:
    items: list[AuditEntry]
    next_before: int | None


def record_read(uow: UnitOfWork, actor: Actor, conversation: Conversation, action: str) -> None:
    """Log a read of a conversation's content, at most once per reader and hour. Once a logged read
    is seen in the database, the process remembers until when it covers the reader (the window after
    it), so refreshes within the hour cost no statement."""
    now = uow.now()
    key = (conversation.tenant_id, actor.person_id, conversation.id, action)
    covered_until = uow.logged_reads.get(key)
    if covered_until is not None and now < covered_until:
        return
    seen_at = uow.session.scalar(
        select(func.max(AuditEvent.at)).where(
            AuditEvent.tenant_id == conversation.tenant_id,
            AuditEvent.actor_id == actor.person_id,
            AuditEvent.conversation_id == conversation.id,
            AuditEvent.action == action,
            AuditEvent.at >= now - READ_WINDOW,
        )
    )
    if seen_at is not None:  # committed: it stays logged whatever this request does next
        if len(uow.logged_reads) >= REMEMBERED_READS:
            uow.logged_reads.clear()
        uow.logged_reads[key] = seen_at + READ_WINDOW
        return
    uow.session.add(
        AuditEvent(
            tenant_id=conversation.tenant_id,
            actor_id=actor.person_id,
            action=action,
            conversation_id=conversation.id,
            detail={},
            at=now,
        )
    )


def _concerning(actor: Actor):
    mine = select(Conversation.id).where(
        Conversation.tenant_id == actor.tenant_id,
        or_(Conversation.employee_id == actor.person_id, Conversation.manager_id == actor.person_id),
    )
    return and_(
        AuditEvent.tenant_id == actor.tenant_id,
        or_(AuditEvent.actor_id == actor.person_id, AuditEvent.conversation_id.in_(mine)),
        or_(
            AuditEvent.actor_id.is_(None),
            AuditEvent.actor_id != actor.person_id,
            AuditEvent.action.not_in(HIDDEN_OWN),
        ),
    )


def _describe(event: AuditEvent, actor: Actor, who: str, conversation: str) -> str:
    language = actor.language
    params: dict[str, Any] = {
        str(k): (format_number(v, language) if isinstance(v, int) and not isinstance(v, bool) else v)
        for k, v in (event.detail or {}).items()
    }
    params.update(actor=who, conversation=conversation, action=event.action)
    key = f"mydata.audit.action.{event.action}"
    if key not in catalogue(language) and key not in catalogue("da"):
        key = "mydata.audit.action.other"
    return translate(key, language, **params)


def _entries(uow: UnitOfWork, actor: Actor, events: list[AuditEvent]) -> list[AuditEntry]:
    person_ids = {e.actor_id for e in events if e.actor_id is not None}
    conversation_ids = {e.conversation_id for e in events if e.conversation_id is not None}
    people = (
        {p.id: p for p in uow.session.scalars(select(Person).where(Person.id.in_(person_ids)))}
        if person_ids
        else {}
    )
    titles = (
        dict(
            uow.session.execute(
                select(Conversation.id, Conversation.title).where(
                    Conversation.id.in_(conversation_ids), Conversation.tenant_id == actor.tenant_id
                )
            ).all()
        )
        if conversation_ids
        else {}
    )
    language = actor.language
    out = []
    for event in events:
        person = people.get(event.actor_id) if event.actor_id is not None else None
        by_me = event.actor_id == actor.person_id
        if by_me:
            who = translate("mydata.audit.actor.me", language)
        elif person is not None and person.display_name:
            who = person.display_name
        elif event.actor_id is not None:  # a person since erased, or without a name
            who = translate("mydata.audit.actor.unknown", language)
        else:
            who = translate("mydata.audit.actor.system", language)
        title = titles.get(event.conversation_id) if event.conversation_id is not None else None
        label = title or (
            translate("mydata.audit.conversation", language, id=event.conversation_id)
            if event.conversation_id is not None
            else ""
        )
        out.append(
            AuditEntry(
                id=event.id,
                at=event.at,
                action=event.action,
                actor_name=None if person is None else person.display_name,
                by_me=by_me,
                conversation_id=event.conversation_id,
                conversation_title=label or None,
                description=_describe(event, actor, who, label),
            )
        )
    return out


def list_events(
    uow: UnitOfWork, actor: Actor, *, before: int | None = None, limit: int = PAGE_SIZE
) -> AuditPage:
    """One page of the events concerning the actor, newest first; `before` is the last page's
    `next_before` (an event id)."""
    with uow:
        query = select(AuditEvent).where(_concerning(actor))
        if before is not None:
            query = query.where(AuditEvent.id < before)
        events = list(uow.session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit + 1)))
        more = len(events) > limit
        events = events[:limit]
        return AuditPage(
            items=_entries(uow, actor, events),
            next_before=events[-1].id if more and events else None,
        )


def all_events(uow: UnitOfWork, actor: Actor) -> list[AuditEntry]:
    """Every event concerning the actor, newest first (for the export)."""
    with uow:
        events = list(
            uow.session.scalars(select(AuditEvent).where(_concerning(actor)).order_by(AuditEvent.id.desc()))
        )
        return _entries(uow, actor, events)
