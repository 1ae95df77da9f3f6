"""The audit log: approvals, exports, erasures and any read of content by someone other than the
two parties. Written in the same transaction as the action it records."""

from __future__ import annotations

from typing import Any

from ..domain.actor import Actor
from ..storage import AuditEvent
from ..storage.unit_of_work import UnitOfWork


def record(
    uow: UnitOfWork,
    actor: Actor | None,
    action: str,
    *,
    tenant_id: str | None = None,
    conversation_id: int | None = None,
    **detail: Any,
) -> None:
    uow.session.add(
        AuditEvent(
            tenant_id=tenant_id or (actor.tenant_id if actor else None),
            actor_id=actor.person_id if actor else None,
            action=action,
            conversation_id=conversation_id,
            detail=detail,
            at=uow.now(),
        )
    )
