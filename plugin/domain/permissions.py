"""Who may see and do what, as pure predicates on plain attributes.

A conversation is seen and changed only by its employee and its manager; private preparation
only by its author; HR and tenant admins see coverage figures, never content."""

from __future__ import annotations

from typing import Protocol

from .agreement import Party


class Actor(Protocol):
    person_id: int
    tenant_id: str
    is_admin: bool


class ConversationLike(Protocol):
    tenant_id: str
    employee_id: int
    manager_id: int


def same_tenant(obj: ConversationLike, actor: Actor) -> bool:
    return obj.tenant_id == actor.tenant_id


def party_of(conversation: ConversationLike, actor: Actor) -> Party | None:
    if not same_tenant(conversation, actor):
        return None
    if actor.person_id == conversation.employee_id:
        return Party.EMPLOYEE
    if actor.person_id == conversation.manager_id:
        return Party.MANAGER
    return None


def can_see_conversation(conversation: ConversationLike, actor: Actor) -> bool:
    return party_of(conversation, actor) is not None


def can_change_conversation(conversation: ConversationLike, actor: Actor) -> bool:
    return party_of(conversation, actor) is not None


def can_plan_conversation(actor: Actor, *, employee_id: int, manager_id: int) -> bool:
    """Either party may plan; the two must be different people."""
    return employee_id != manager_id and actor.person_id in (employee_id, manager_id)


def can_see_private(author_id: int, actor: Actor) -> bool:
    return author_id == actor.person_id


def can_see_pulse(*, author_id: int, shared: bool, conversation: ConversationLike, actor: Actor) -> bool:
    return author_id == actor.person_id or (shared and can_see_conversation(conversation, actor))


def can_see_coverage(actor: Actor) -> bool:
    return actor.is_admin


def can_manage_templates(actor: Actor) -> bool:
    return actor.is_admin


def can_manage_organisation(actor: Actor) -> bool:
    """The organisation's settings (cadence defaults, retention, default template): HR/admins only."""
    return actor.is_admin


class HandoverLike(Protocol):
    tenant_id: str
    employee_id: int
    to_manager_id: int
    status: str


def can_read_handed_over(
    conversation: ConversationLike, actor: Actor, handover: HandoverLike, *, agreed: bool
) -> bool:
    """A new manager reads an employee's earlier agreed conversation (read-only) only through a
    handover the employee approved; the old manager's and the employee's own access is unchanged."""
    return (
        same_tenant(conversation, actor)
        and handover.tenant_id == actor.tenant_id
        and handover.status == "approved"
        and handover.to_manager_id == actor.person_id
        and conversation.employee_id == handover.employee_id
        and conversation.manager_id != actor.person_id
        and agreed
    )
