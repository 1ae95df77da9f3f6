"""Coverage figures for HR and tenant admins: counts only, never content, and never about a handful.

Small-group suppression: a figure is shown only when the group behind it is at least
`MIN_GROUP_SIZE` distinct people (the employees of the conversations it counts); otherwise it is
`None`, which the HR screen shows as "fewer than 5". Zero is shown (it is about nobody). So that a
hidden figure cannot be worked out from the others, each kind's row gets secondary suppression (when
exactly one of its figures is hidden, the smallest other non-zero figure is hidden too), and when the
organisation as a whole has fewer than `MIN_GROUP_SIZE` employees with a MUS, every figure is hidden."""

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
MIN_GROUP_SIZE = 5
NOT_AGREED = tuple(s.value for s in Status if s is not Status.AGREED)


@dataclass(frozen=True)
class KindCoverage:
    kind: ConversationKind
    held: int | None  # agreed within the last twelve months (None: a group under 5, not shown)
    planned: int | None  # not yet agreed, scheduled in the future or not scheduled
    overdue: int | None  # scheduled in the past and still not agreed


@dataclass(frozen=True)
class Coverage:
    tenant_id: str
    kinds: list[KindCoverage]
    follow_ups_overdue: int | None
    employees_with_mus: int | None
    min_group_size: int = MIN_GROUP_SIZE


def _shown(count: int, people: int) -> int | None:
    return count if count == 0 or people >= MIN_GROUP_SIZE else None


def _secondary(row: dict[str, int | None], raw: dict[str, int]) -> dict[str, int | None]:
    """Hide one more figure of a row in which exactly one is hidden (the smallest non-zero one)."""
    hidden = [k for k, v in row.items() if v is None]
    if len(hidden) != 1:
        return row
    others = [k for k, v in row.items() if v]
    if others:
        row[min(others, key=lambda k: raw[k])] = None
    return row


def get_coverage(uow: UnitOfWork, actor: Actor) -> Coverage:
    if not can_see_coverage(actor):
        raise Forbidden("admin_only")
    now = uow.now()
    with uow:
        scoped = Conversation.tenant_id == actor.tenant_id
        not_agreed = Conversation.status.in_(NOT_AGREED)  # an IN list: the indexes' ranges

        def count(*conditions) -> tuple[int, int]:
            """How many conversations, and how many distinct employees they are about."""
            row = uow.session.execute(
                select(
                    func.count(Conversation.id), func.count(func.distinct(Conversation.employee_id))
                ).where(scoped, *conditions)
            ).one()
            return row[0] or 0, row[1] or 0

        kinds = []
        for kind in ConversationKind:
            of_kind = Conversation.kind == kind.value
            cells = {
                "held": count(
                    of_kind,
                    Conversation.status == Status.AGREED.value,
                    Conversation.updated_at >= now - HELD_WINDOW,
                ),
                "planned": count(
                    of_kind,
                    not_agreed,
                    (Conversation.scheduled_at.is_(None)) | (Conversation.scheduled_at >= now),
                ),
                "overdue": count(of_kind, not_agreed, Conversation.scheduled_at < now),
            }
            row = _secondary(
                {k: _shown(n, people) for k, (n, people) in cells.items()},
                {k: n for k, (n, _) in cells.items()},
            )
            kinds.append(KindCoverage(kind=kind, **row))
        overdue_follow_ups, overdue_people = uow.session.execute(
            select(func.count(FollowUp.id), func.count(func.distinct(Conversation.employee_id)))
            .join(Conversation, Conversation.id == FollowUp.conversation_id)
            .where(scoped, FollowUp.due_on < now.date())
        ).one()
        employees = (
            uow.session.scalar(
                select(func.count(func.distinct(Conversation.employee_id))).where(
                    scoped, Conversation.kind == ConversationKind.MUS.value
                )
            )
            or 0
        )
        follow_ups_overdue = _shown(overdue_follow_ups or 0, overdue_people or 0)
        employees_with_mus: int | None = employees
        if 0 < employees < MIN_GROUP_SIZE:  # a small organisation: nothing at all is shown
            kinds = [KindCoverage(k.kind, None, None, None) for k in kinds]
            follow_ups_overdue = employees_with_mus = None
        audit.record(uow, actor, "coverage.read")
    return Coverage(actor.tenant_id, kinds, follow_ups_overdue, employees_with_mus)
