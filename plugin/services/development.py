"""The development plan: actions agreed in a conversation (a course, mentoring, job rotation...),
each owned by the employee or the manager and optionally serving one of the employee's goals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.agreement import Party
from ..domain.errors import InvalidInput
from ..domain.goals import ActionKind, ActionStatus
from ..storage import Conversation, DevelopmentAction, Goal, Person
from ..storage.unit_of_work import UnitOfWork
from . import coedit, lookups


@dataclass(frozen=True)
class OwnerView:
    object_id: str
    display_name: str
    email: str
    role: Party


@dataclass(frozen=True)
class ActionView:
    id: int
    conversation_id: int
    goal_id: int | None
    kind: str
    title: str
    owner: OwnerView
    resources: str
    due_date: date | None
    status: str
    created_at: datetime
    updated_at: datetime
    version: int


def _owner_id(conversation: Conversation, role: Party) -> int:
    return conversation.manager_id if Party(role) is Party.MANAGER else conversation.employee_id


def _owner_view(uow: UnitOfWork, conversation: Conversation, owner_id: int) -> OwnerView:
    person = uow.session.get(Person, owner_id)
    role = Party.MANAGER if owner_id == conversation.manager_id else Party.EMPLOYEE
    return OwnerView(
        object_id=person.object_id, display_name=person.display_name, email=person.email, role=role
    )


def action_view(uow: UnitOfWork, conversation: Conversation, action: DevelopmentAction) -> ActionView:
    return ActionView(
        id=action.id,
        conversation_id=action.conversation_id,
        goal_id=action.goal_id,
        kind=action.kind,
        title=action.title,
        owner=_owner_view(uow, conversation, action.owner_id),
        resources=action.resources,
        due_date=action.due_date,
        status=action.status,
        created_at=action.created_at,
        updated_at=action.updated_at,
        version=action.version,
    )


def check_goal_of_employee(uow: UnitOfWork, conversation: Conversation, goal_id: int) -> Goal:
    """An action may serve only a goal of this conversation's pair: the same employee with the same
    manager, in the same organisation. Another pair's goal (even the employee's goal with an earlier
    manager) is refused exactly like an id that does not exist, so the answer is no oracle for ids."""
    goal = uow.session.scalar(
        select(Goal).where(
            Goal.id == goal_id,
            Goal.tenant_id == conversation.tenant_id,
            Goal.employee_id == conversation.employee_id,
            Goal.manager_id == conversation.manager_id,
        )
    )
    if goal is None:
        raise InvalidInput("goal_not_in_conversation", field="goal_id")
    return goal


def list_actions(uow: UnitOfWork, actor: Actor, conversation_id: int) -> list[ActionView]:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        actions = uow.session.scalars(
            select(DevelopmentAction)
            .where(DevelopmentAction.conversation_id == conversation.id)
            .order_by(DevelopmentAction.id)
        )
        return [action_view(uow, conversation, action) for action in actions]


def do_create_action(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    kind: ActionKind,
    title: str,
    goal_id: int | None = None,
    owner: Party = Party.EMPLOYEE,
    resources: str = "",
    due_date: date | None = None,
    status: ActionStatus = ActionStatus.PLANNED,
) -> ActionView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if goal_id is not None:
            check_goal_of_employee(uow, conversation, goal_id)
        now = uow.now()
        action = DevelopmentAction(
            conversation_id=conversation.id,
            goal_id=goal_id,
            kind=ActionKind(kind).value,
            title=title,
            owner_id=_owner_id(conversation, owner),
            resources=resources,
            due_date=due_date,
            status=ActionStatus(status).value,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(action)
        uow.session.flush()
        uow.emit(conversation.tenant_id, conversation.id, "action.created", id=action.id)
        return action_view(uow, conversation, action)


ACTION_FIELDS = ("kind", "title", "goal_id", "owner", "resources", "due_date", "status")
ACTION_TEXT_FIELDS = ("title", "resources")


def _action_fields(conversation: Conversation, action: DevelopmentAction) -> dict[str, Any]:
    """The action's fields in the API's terms (the owner as a role)."""
    owner = Party.MANAGER if action.owner_id == conversation.manager_id else Party.EMPLOYEE
    return {
        "kind": action.kind,
        "title": action.title,
        "goal_id": action.goal_id,
        "owner": owner.value,
        "resources": action.resources,
        "due_date": action.due_date,
        "status": action.status,
    }


def do_update_action(
    uow: UnitOfWork,
    actor: Actor,
    action_id: int,
    *,
    version: int,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
) -> ActionView:
    """Change an action; a change based on an older version is merged with what was saved since,
    or refused (409 edit_conflict) when both changed the same non-text field (services/coedit.py)."""
    return coedit.retrying_races(lambda: _update_action(uow, actor, action_id, version, changes, base), uow)


def _update_action(
    uow: UnitOfWork,
    actor: Actor,
    action_id: int,
    version: int,
    changes: Mapping[str, Any],
    base: Mapping[str, Any] | None,
) -> ActionView:
    with uow:
        action = lookups.action_for(uow, actor, action_id)
        conversation = uow.session.get(Conversation, action.conversation_id)
        changes = coedit.merge_change(
            up_to_date=action.version == version,
            changes=changes,
            base=base,
            stored=_action_fields(conversation, action),
            text_fields=ACTION_TEXT_FIELDS,
            fits=lambda field, value: coedit.text_fits(uow, field, value),
            current=lambda: action_view(uow, conversation, action),
        )
        if "goal_id" in changes:
            if changes["goal_id"] is not None:
                check_goal_of_employee(uow, conversation, changes["goal_id"])
            action.goal_id = changes["goal_id"]
        if "kind" in changes:
            action.kind = ActionKind(changes["kind"]).value
        if "title" in changes:
            action.title = changes["title"]
        if "owner" in changes:
            action.owner_id = _owner_id(conversation, changes["owner"])
        if "resources" in changes:
            action.resources = changes["resources"]
        if "due_date" in changes:
            action.due_date = changes["due_date"]
        if "status" in changes:
            action.status = ActionStatus(changes["status"]).value
        if uow.session.is_modified(action):
            action.updated_at = uow.now()
            uow.session.flush()
            uow.emit(
                conversation.tenant_id,
                conversation.id,
                "action.updated",
                id=action.id,
                version=action.version,
            )
        return action_view(uow, conversation, action)


def do_delete_action(uow: UnitOfWork, actor: Actor, action_id: int) -> None:
    """Remove a development action added by mistake (the undo of adding it)."""
    with uow:
        action = lookups.action_for(uow, actor, action_id)
        conversation = uow.session.get(Conversation, action.conversation_id)
        uow.session.delete(action)
        uow.session.flush()
        uow.emit(conversation.tenant_id, conversation.id, "action.removed", id=action_id)
