"""Coverage figures for HR and tenant admins: counts only, never content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from ..domain.actor import Actor
from ..domain.errors import Forbidden
from ..domain.lifecycle import ConversationKind, Status
from ..domain.permissions import can_see_coverage
from ..storage import Conversation, FollowUp
from ..storage.unit_of_work import UnitOfWork
from . import audit

HELD_WINDOW = timedelta(days=365)


@dataclass(frozen=True)
class KindCoverage:
    kind: ConversationKind
    held: int  # agreed within the last twelve months
    planned: int  # not yet agreed, scheduled in the future or not scheduled
    overdue: int  # scheduled in the past and still not agreed


@dataclass(frozen=True)
class Coverage:
    tenant_id: str
    kinds: list[KindCoverage]
    follow_ups_overdue: int
    employees_with_mus: int


def get_coverage(uow: UnitOfWork, actor: Actor) -> Coverage:
    if not can_see_coverage(actor):
        raise Forbidden("admin_only")
    now = uow.now()
    with uow:
        scoped = Conversation.tenant_id == actor.tenant_id
        not_agreed = Conversation.status != Status.AGREED.value

        def count(*conditions) -> int:
            return uow.session.scalar(select(func.count(Conversation.id)).where(scoped, *conditions)) or 0

        kinds = []
        for kind in ConversationKind:
            of_kind = Conversation.kind == kind.value
            kinds.append(
                KindCoverage(
                    kind=kind,
                    held=count(
                        of_kind,
                        Conversation.status == Status.AGREED.value,
                        Conversation.updated_at >= now - HELD_WINDOW,
                    ),
                    planned=count(
                        of_kind,
                        not_agreed,
                        (Conversation.scheduled_at.is_(None)) | (Conversation.scheduled_at >= now),
                    ),
                    overdue=count(of_kind, not_agreed, Conversation.scheduled_at < now),
                )
            )
        follow_ups_overdue = (
            uow.session.scalar(
                select(func.count(FollowUp.id))
                .join(Conversation, Conversation.id == FollowUp.conversation_id)
                .where(scoped, FollowUp.due_on < now.date())
            )
            or 0
        )
        employees = (
            uow.session.scalar(
                select(func.count(func.distinct(Conversation.employee_id))).where(
                    scoped, Conversation.kind == ConversationKind.MUS.value
                )
            )
            or 0
        )
        audit.record(uow, actor, "coverage.read")
    return Coverage(actor.tenant_id, kinds, follow_ups_overdue, employees)
