"""Feedback both ways between employee and manager, and the wellbeing pulse.

Both parties see all feedback of their conversation. A pulse is private to its author unless it is
shared; a private pulse never reaches the other party, not even as a live event with its content.

Feedback is never edited: it is given and taken back by its author only, so no one's feedback can be
overwritten by the other party (there is no update use case, and no PATCH in the API)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import Forbidden, NotFound
from ..domain.goals import FeedbackKind, check_pulse, feedback_direction_for
from ..domain.permissions import can_see_pulse
from ..storage import FeedbackEntry, Person, WellbeingPulse
from ..storage.unit_of_work import UnitOfWork
from . import lookups
from .people import PersonView, people_by_id


@dataclass(frozen=True)
class FeedbackView:
    id: int
    conversation_id: int
    author: Person | PersonView
    direction: str
    kind: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class PulseView:
    id: int
    conversation_id: int
    author: Person | PersonView
    score: int
    shared: bool
    comment: str
    created_at: datetime


def _feedback_view(entry: FeedbackEntry, author: Person) -> FeedbackView:
    return FeedbackView(
        id=entry.id,
        conversation_id=entry.conversation_id,
        author=author,
        direction=entry.direction,
        kind=entry.kind,
        text=entry.text,
        created_at=entry.created_at,
    )


def _pulse_view(pulse: WellbeingPulse, author: Person) -> PulseView:
    return PulseView(
        id=pulse.id,
        conversation_id=pulse.conversation_id,
        author=author,
        score=pulse.score,
        shared=pulse.shared,
        comment=pulse.comment,
        created_at=pulse.created_at,
    )


def list_feedback(uow: UnitOfWork, actor: Actor, conversation_id: int) -> list[FeedbackView]:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        entries = list(
            uow.session.scalars(
                select(FeedbackEntry)
                .where(FeedbackEntry.conversation_id == conversation.id)
                .order_by(FeedbackEntry.id)
            )
        )
        people = people_by_id(uow, (e.author_id for e in entries))
        return [_feedback_view(e, people[e.author_id]) for e in entries]


def do_add_feedback(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, kind: FeedbackKind, text: str
) -> FeedbackView:
    """The direction follows from who writes: the manager to the employee or the other way."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        direction = feedback_direction_for(actor.person_id == conversation.manager_id)
        entry = FeedbackEntry(
            conversation_id=conversation.id,
            author_id=actor.person_id,
            direction=direction.value,
            kind=FeedbackKind(kind).value,
            text=text,
            created_at=uow.now(),
        )
        uow.session.add(entry)
        uow.session.flush()
        uow.emit(
            conversation.tenant_id,
            conversation.id,
            "feedback.added",
            id=entry.id,
            direction=direction.value,
        )
        return _feedback_view(entry, uow.session.get(Person, actor.person_id))


def list_pulses(uow: UnitOfWork, actor: Actor, conversation_id: int) -> list[PulseView]:
    """The pulses the actor may see: their own, and the other party's shared ones."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        pulses = [
            p
            for p in uow.session.scalars(
                select(WellbeingPulse)
                .where(WellbeingPulse.conversation_id == conversation.id)
                .order_by(WellbeingPulse.id)
            )
            if can_see_pulse(author_id=p.author_id, shared=p.shared, conversation=conversation, actor=actor)
        ]
        people = people_by_id(uow, (p.author_id for p in pulses))
        return [_pulse_view(p, people[p.author_id]) for p in pulses]


def do_add_pulse(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    score: int,
    shared: bool = False,
    comment: str = "",
) -> PulseView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        check_pulse(score)
        pulse = WellbeingPulse(
            conversation_id=conversation.id,
            author_id=actor.person_id,
            score=score,
            shared=shared,
            comment=comment,
            created_at=uow.now(),
        )
        uow.session.add(pulse)
        uow.session.flush()
        # The event says only that a pulse was added; its score and comment stay in the store,
        # where the read applies `can_see_pulse`. A private pulse is announced to its author only
        # (not logged, not numbered): the other party learns nothing of it.
        uow.emit(
            conversation.tenant_id,
            conversation.id,
            "wellbeing.added",
            audience=None if shared else actor.person_id,
            id=pulse.id,
            shared=shared,
        )
        return _pulse_view(pulse, uow.session.get(Person, actor.person_id))


def do_delete_feedback(uow: UnitOfWork, actor: Actor, conversation_id: int, feedback_id: int) -> None:
    """Take back one's own feedback (the undo of giving it)."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        entry = uow.session.get(FeedbackEntry, feedback_id)
        if entry is None or entry.conversation_id != conversation.id:
            raise NotFound()
        if entry.author_id != actor.person_id:
            raise Forbidden("not_the_author")
        uow.session.delete(entry)
        uow.session.flush()
        uow.emit(conversation.tenant_id, conversation.id, "feedback.removed", id=feedback_id)
