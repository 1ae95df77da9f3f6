"""Drafts: what one party is writing in a goal or development action before it is saved, shown to
the other party field by field as it is typed.

A draft is ephemeral, like presence: it is announced on the conversation's live channel at once and
never stored: not in the database, not in the durable event log (a draft is unconsented text that
may never be saved). Only the two parties send and receive drafts; a draft not refreshed within
`TTL_SECONDS` is gone (the tab that shows it drops it), and `draft.cleared` removes it at once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import InvalidInput
from ..storage import DevelopmentAction, Goal
from ..storage.unit_of_work import UnitOfWork
from . import coedit, development, lookups

TTL_SECONDS = 30


def _check_record(uow: UnitOfWork, actor: Actor, conversation, kind: str, record_id: int) -> None:
    """The record being edited belongs to this conversation (goals: to its two people)."""
    if kind == "goal":
        found = uow.session.scalar(
            select(Goal.id).where(
                Goal.id == record_id,
                Goal.tenant_id == conversation.tenant_id,
                Goal.employee_id == conversation.employee_id,
                Goal.manager_id == conversation.manager_id,
            )
        )
    else:
        found = uow.session.scalar(
            select(DevelopmentAction.id).where(
                DevelopmentAction.id == record_id, DevelopmentAction.conversation_id == conversation.id
            )
        )
    if found is None:
        raise InvalidInput("draft_record_unknown", field="id")


def do_put_draft(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    kind: str,
    key: str,
    record_id: int | None,
    fields: Mapping[str, Any],
) -> int:
    """Announce the fields as they are being typed; returns how long the draft lives unrefreshed."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if record_id is not None:
            _check_record(uow, actor, conversation, kind, record_id)
        if kind == "action" and fields.get("goal_id") is not None:  # a goal of this pair, like a save
            development.check_goal_of_employee(uow, conversation, fields["goal_id"])
        tenant_id = conversation.tenant_id
    uow.announce(
        tenant_id,
        conversation_id,
        "draft.changed",
        record=kind,
        key=key,
        id=record_id,
        by=actor.object_id,
        display_name=actor.display_name,
        fields={field: coedit.plain(value) for field, value in fields.items()},
        ttl_seconds=TTL_SECONDS,
    )
    return TTL_SECONDS


def do_clear_draft(uow: UnitOfWork, actor: Actor, conversation_id: int, *, kind: str, key: str) -> None:
    """The draft was saved or abandoned: the other party stops showing it."""
    with uow:
        tenant_id = lookups.conversation_for(uow, actor, conversation_id).tenant_id
    uow.announce(tenant_id, conversation_id, "draft.cleared", record=kind, key=key, by=actor.object_id)
