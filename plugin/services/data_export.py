"""The export of everything stored about the signed-in person (GDPR art. 15 and 20).

It holds the person record, every conversation the person is a party of (as employee or as
manager) with what both parties share there, the person's OWN private preparation and wellbeing
pulses, their consent choices and the audit events concerning them. It never holds the other
party's private preparation or private wellbeing pulse, nor anything of a conversation the person
is not a party of. Content is read through the models only (never raw SQL on content columns).

Exporting is itself recorded in the audit log: one `data.exported` event for the person, and one
`conversation.exported` event per conversation, so the other party sees it in their log too."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select

from ..domain.actor import Actor
from ..domain.permissions import can_see_private, can_see_pulse
from ..storage import (
    AgendaSummary,
    AgreementVersion,
    CheckinResponse,
    Consent,
    Conversation,
    DevelopmentAction,
    FeedbackEntry,
    FollowUp,
    Goal,
    GoalChange,
    GoalProgress,
    Person,
    PreparationItem,
    WellbeingPulse,
)
from ..storage.unit_of_work import UnitOfWork
from . import audit, audit_log

FORMAT_VERSION = 1


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _people(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, Person]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {p.id: p for p in uow.session.scalars(select(Person).where(Person.id.in_(wanted)))}


def _name(people: dict[int, Person], person_id: int | None) -> str | None:
    person = people.get(person_id) if person_id is not None else None
    return person.display_name if person is not None else None


def my_conversations(uow: UnitOfWork, actor: Actor) -> list[Conversation]:
    """The conversations the actor is a party of, in their own tenant, oldest first."""
    return list(
        uow.session.scalars(
            select(Conversation)
            .where(
                Conversation.tenant_id == actor.tenant_id,
                or_(Conversation.employee_id == actor.person_id, Conversation.manager_id == actor.person_id),
            )
            .order_by(Conversation.id)
        ).unique()
    )


def _rows(uow: UnitOfWork, model: Any, *criteria: Any) -> list[Any]:
    return list(uow.session.scalars(select(model).where(*criteria).order_by(model.id)))


def _conversation(uow: UnitOfWork, actor: Actor, conversation: Conversation) -> dict[str, Any]:
    cid = conversation.id
    summaries = {s.agenda_item_id: s for s in _rows(uow, AgendaSummary, AgendaSummary.conversation_id == cid)}
    goals = _rows(uow, Goal, Goal.conversation_id == cid)
    goal_ids = [g.id for g in goals]
    progress = _rows(uow, GoalProgress, GoalProgress.goal_id.in_(goal_ids)) if goal_ids else []
    changes = _rows(uow, GoalChange, GoalChange.goal_id.in_(goal_ids)) if goal_ids else []
    actions = _rows(uow, DevelopmentAction, DevelopmentAction.conversation_id == cid)
    feedback = _rows(uow, FeedbackEntry, FeedbackEntry.conversation_id == cid)
    pulses = [
        p
        for p in _rows(uow, WellbeingPulse, WellbeingPulse.conversation_id == cid)
        if can_see_pulse(author_id=p.author_id, shared=p.shared, conversation=conversation, actor=actor)
    ]
    preparation = [
        p
        for p in _rows(
            uow,
            PreparationItem,
            PreparationItem.conversation_id == cid,
            PreparationItem.author_id == actor.person_id,
        )
        if can_see_private(p.author_id, actor)
    ]
    versions = list(
        uow.session.scalars(
            select(AgreementVersion)
            .where(AgreementVersion.conversation_id == cid)
            .order_by(AgreementVersion.number)
        )
    )
    follow_ups = _rows(uow, FollowUp, FollowUp.conversation_id == cid)
    consents = _rows(uow, Consent, Consent.conversation_id == cid, Consent.person_id == actor.person_id)
    people = _people(
        uow,
        [conversation.employee_id, conversation.manager_id]
        + [p.author_id for item in conversation.agenda for p in item.talking_points]
        + [p.author_id for p in progress]
        + [c.author_id for c in changes]
        + [a.owner_id for a in actions]
        + [f.author_id for f in feedback]
        + [p.author_id for p in pulses]
        + [d.person_id for v in versions for d in v.decisions],
    )
    role = "employee" if conversation.employee_id == actor.person_id else "manager"
    return {
        "id": cid,
        "kind": conversation.kind,
        "status": conversation.status,
        "title": conversation.title,
        "my_role": role,
        "employee": _name(people, conversation.employee_id),
        "manager": _name(people, conversation.manager_id),
        "scheduled_at": _iso(conversation.scheduled_at),
        "meeting_ended_at": _iso(conversation.meeting_ended_at),
        "created_at": _iso(conversation.created_at),
        "agenda": [
            {
                "id": item.id,
                "position": item.position,
                "section_key": item.section_key,
                "title": dict(item.title),
                "shared_notes": "" if item.notes_removed else item.notes,
                "notes_removed": item.notes_removed,
                "talking_points": [
                    {
                        "author": _name(people, point.author_id),
                        "text": point.text,
                        "created_at": _iso(point.created_at),
                    }
                    for point in item.talking_points
                ],
                "summary": summaries[item.id].text if item.id in summaries else "",
            }
            for item in conversation.agenda
        ],
        "goals": [
            {
                "id": goal.id,
                "title": goal.title,
                "specific": goal.specific,
                "measure": goal.measure,
                "achievable": goal.achievable,
                "relevance": goal.relevance,
                "deadline": _iso(goal.deadline),
                "status": goal.status,
                "created_at": _iso(goal.created_at),
                "progress": [
                    {
                        "percent": p.percent,
                        "note": p.note,
                        "author": _name(people, p.author_id),
                        "conversation_id": p.conversation_id,
                        "created_at": _iso(p.created_at),
                    }
                    for p in progress
                    if p.goal_id == goal.id
                ],
                "changes": [
                    {
                        "field": c.field,
                        "old_value": c.old_value,
                        "new_value": c.new_value,
                        "author": _name(people, c.author_id),
                        "created_at": _iso(c.created_at),
                    }
                    for c in changes
                    if c.goal_id == goal.id
                ],
            }
            for goal in goals
        ],
        "development_actions": [
            {
                "id": a.id,
                "kind": a.kind,
                "title": a.title,
                "owner": _name(people, a.owner_id),
                "resources": a.resources,
                "due_date": _iso(a.due_date),
                "status": a.status,
                "goal_id": a.goal_id,
            }
            for a in actions
        ],
        "feedback": [
            {
                "author": _name(people, f.author_id),
                "given_by_me": f.author_id == actor.person_id,
                "direction": f.direction,
                "kind": f.kind,
                "text": f.text,
                "created_at": _iso(f.created_at),
            }
            for f in feedback
        ],
        "wellbeing": [
            {
                "author": _name(people, p.author_id),
                "mine": p.author_id == actor.person_id,
                "score": p.score,
                "shared": p.shared,
                "comment": p.comment,
                "created_at": _iso(p.created_at),
            }
            for p in pulses
        ],
        "my_preparation": [
            {
                "prompt_key": p.prompt_key,
                "text": p.text,
                "created_at": _iso(p.created_at),
                "updated_at": _iso(p.updated_at),
            }
            for p in preparation
        ],
        "agreement_versions": [
            {
                "number": v.number,
                "created_at": _iso(v.created_at),
                "locked_at": _iso(v.locked_at),
                "content": v.snapshot,
                "approvals": [
                    {
                        "party": d.party,
                        "person": _name(people, d.person_id),
                        "decision": d.decision,
                        "comment": d.comment,
                        "disagreement": d.disagreement,
                        "decided_at": _iso(d.decided_at),
                    }
                    for d in v.decisions
                ],
            }
            for v in versions
        ],
        "follow_ups": [{"title": f.title, "due_on": _iso(f.due_on)} for f in follow_ups],
        "my_consents": [
            {"kind": c.kind, "value": c.value, "party": c.party, "recorded_at": _iso(c.recorded_at)}
            for c in consents
        ],
        "my_checkin_part": _my_checkin_part(uow, actor, cid),
    }


def _my_checkin_part(uow: UnitOfWork, actor: Actor, cid: int) -> dict[str, Any] | None:
    """My own part of an asynchronous check-in (never the other party's)."""
    row = uow.session.scalar(
        select(CheckinResponse).where(
            CheckinResponse.conversation_id == cid, CheckinResponse.person_id == actor.person_id
        )
    )
    if row is None:
        return None
    return {
        "state": row.state,
        "goals": list(row.goals or []),
        "blockers": row.blockers,
        "pulse_score": row.pulse_score,
        "pulse_comment": row.pulse_comment,
        "pulse_shared": row.pulse_shared,
        "next_steps": row.next_steps,
        "updated_at": _iso(row.updated_at),
        "done_at": _iso(row.done_at),
    }


def do_export(uow: UnitOfWork, actor: Actor, *, fmt: str) -> dict[str, Any]:
    """Everything of the actor, as plain JSON values; records the export in the audit log."""
    with uow:
        person = uow.session.get(Person, actor.person_id)
        conversations = my_conversations(uow, actor)
        now = uow.now()
        audit.record(uow, actor, "data.exported", format=fmt.upper(), conversations=len(conversations))
        for conversation in conversations:
            audit.record(
                uow, actor, "conversation.exported", conversation_id=conversation.id, format=fmt.upper()
            )
        uow.session.flush()
        return {
            "format_version": FORMAT_VERSION,
            "exported_at": _iso(now),
            "language": actor.language,
            "person": {
                "object_id": person.object_id,
                "tenant_id": person.tenant_id,
                "display_name": person.display_name,
                "email": person.email,
                "locale": person.locale,
                "signed_in_at": _iso(person.signed_in_at),
                "created_at": _iso(person.created_at),
            },
            "conversations": [_conversation(uow, actor, c) for c in conversations],
            "audit_events": [event.as_export() for event in audit_log.all_events(uow, actor)],
        }
