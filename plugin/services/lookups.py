"""Scoped lookups: every record is found within the actor's tenant and then checked against the
actor's right to see it. Another organisation's record is simply not found."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import lazyload

from ..domain.actor import Actor
from ..domain.errors import Forbidden, NotFound
from ..domain.permissions import can_read_handed_over, can_see_conversation, can_see_private
from ..storage import (
    AgendaItem,
    AgreementVersion,
    Conversation,
    DevelopmentAction,
    Goal,
    HandoverRequest,
    PreparationItem,
)
from ..storage.unit_of_work import UnitOfWork


def conversation_for(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, lock: bool = False, agenda: bool = True
) -> Conversation:
    """`agenda=False`: the agenda is loaded only if it is used (a check of the actor's right to one
    item needs the parties, not every item's sealed text and talking points)."""
    query = select(Conversation).where(
        Conversation.id == conversation_id, Conversation.tenant_id == actor.tenant_id
    )
    if not agenda:
        query = query.options(lazyload(Conversation.agenda))
    if lock:
        query = query.with_for_update(of=Conversation)
    conversation = uow.session.scalar(query)
    if conversation is None:
        raise NotFound()
    if not can_see_conversation(conversation, actor):
        raise Forbidden("not_a_party")
    return conversation


def agenda_item_for(uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int) -> AgendaItem:
    conversation = conversation_for(uow, actor, conversation_id, agenda=False)
    item = uow.session.get(AgendaItem, item_id)
    if item is None or item.conversation_id != conversation.id:
        raise NotFound()
    return item


def preparation_for(uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int) -> PreparationItem:
    conversation_for(uow, actor, conversation_id)
    item = uow.session.get(PreparationItem, item_id)
    # Someone else's private preparation does not exist as far as the actor can tell.
    if item is None or item.conversation_id != conversation_id or not can_see_private(item.author_id, actor):
        raise NotFound()
    return item


def goal_for(uow: UnitOfWork, actor: Actor, goal_id: int) -> Goal:
    goal = uow.session.scalar(select(Goal).where(Goal.id == goal_id, Goal.tenant_id == actor.tenant_id))
    if goal is None:
        raise NotFound()
    if actor.person_id not in (goal.employee_id, goal.manager_id):
        raise Forbidden("not_a_party")
    return goal


def action_for(uow: UnitOfWork, actor: Actor, action_id: int) -> DevelopmentAction:
    action = uow.session.get(DevelopmentAction, action_id)
    if action is None:
        raise NotFound()
    conversation_for(uow, actor, action.conversation_id)
    return action


def handover_for(uow: UnitOfWork, actor: Actor, handover_id: int) -> HandoverRequest:
    """A handover request: seen by its employee and its new manager only."""
    handover = uow.session.scalar(
        select(HandoverRequest).where(
            HandoverRequest.id == handover_id, HandoverRequest.tenant_id == actor.tenant_id
        )
    )
    if handover is None or actor.person_id not in (handover.employee_id, handover.to_manager_id):
        raise NotFound()
    return handover


def handed_over_conversations(uow: UnitOfWork, actor: Actor, handover: HandoverRequest) -> list[Conversation]:
    """The employee's earlier agreed conversations the new manager may read (read-only), through a
    handover the employee approved; before that, a refusal the new manager can see."""
    if handover.to_manager_id != actor.person_id:
        raise NotFound()
    if handover.status != "approved":
        raise Forbidden("handover_not_approved")
    agreed = select(AgreementVersion.conversation_id).where(AgreementVersion.locked_at.is_not(None))
    candidates = uow.session.scalars(
        select(Conversation)
        .where(
            Conversation.tenant_id == actor.tenant_id,
            Conversation.employee_id == handover.employee_id,
            Conversation.id.in_(agreed),
        )
        .order_by(Conversation.created_at.desc(), Conversation.id.desc())
    )
    return [c for c in candidates if can_read_handed_over(c, actor, handover, agreed=True)]


def agreement_reader_for(
    uow: UnitOfWork, actor: Actor, conversation_id: int
) -> tuple[Conversation, HandoverRequest | None]:
    """A conversation whose agreement the actor may read: as one of its two parties (the handover
    is None), or, read-only and its agreed versions only, as the new manager the employee handed
    their history over to (the handover that grants it)."""
    conversation = uow.session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id, Conversation.tenant_id == actor.tenant_id
        )
    )
    if conversation is None:
        raise NotFound()
    if can_see_conversation(conversation, actor):
        return conversation, None
    agreed = (
        uow.session.scalar(
            select(AgreementVersion.id)
            .where(
                AgreementVersion.conversation_id == conversation.id,
                AgreementVersion.locked_at.is_not(None),
            )
            .limit(1)
        )
        is not None
    )
    handovers = uow.session.scalars(
        select(HandoverRequest).where(
            HandoverRequest.tenant_id == actor.tenant_id,
            HandoverRequest.employee_id == conversation.employee_id,
            HandoverRequest.to_manager_id == actor.person_id,
            HandoverRequest.status == "approved",
        )
    )
    for handover in handovers:
        if can_read_handed_over(conversation, actor, handover, agreed=agreed):
            return conversation, handover
    raise Forbidden("not_a_party")
