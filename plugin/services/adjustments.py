"""Goal adjustments awaiting both approvals: a change proposed for a goal that is part of a locked
agreement. The agreement's next version shows the proposed values (`overlay`), the goal itself keeps
its agreed values until both parties approve that version (`apply_pending`), and then every changed
field is written to the goal's history with the proposer as its author.

Kept apart from `services.agreements` (which uses it) so that it imports no other use case."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ..storage import AgreementVersion, Goal, GoalAdjustment, GoalChange
from ..storage.unit_of_work import UnitOfWork


def pending(uow: UnitOfWork, conversation_id: int) -> dict[int, GoalAdjustment]:
    """The pending adjustment of each goal of a conversation (its agreement), by goal id."""
    rows = uow.session.scalars(
        select(GoalAdjustment)
        .where(GoalAdjustment.conversation_id == conversation_id, GoalAdjustment.state == "pending")
        .order_by(GoalAdjustment.id)
    )
    return {row.goal_id: row for row in rows}


def pending_for_goal(uow: UnitOfWork, goal_id: int) -> GoalAdjustment | None:
    return uow.session.scalar(
        select(GoalAdjustment).where(GoalAdjustment.goal_id == goal_id, GoalAdjustment.state == "pending")
    )


def overlay(goals: list[dict[str, Any]], adjustments: dict[int, GoalAdjustment]) -> list[dict[str, Any]]:
    """A snapshot's goals with the proposed values in place of the agreed ones."""
    if not adjustments:
        return goals
    return [
        {**goal, **adjustments[goal["id"]].changes} if goal["id"] in adjustments else goal for goal in goals
    ]


def in_locked_agreement(uow: UnitOfWork, goal: Goal) -> bool:
    """Whether the goal is part of a locked version of its conversation's agreement."""
    locked = uow.session.scalars(
        select(AgreementVersion).where(
            AgreementVersion.conversation_id == goal.conversation_id, AgreementVersion.locked_at.is_not(None)
        )
    )
    return any(any(g.get("id") == goal.id for g in v.snapshot.get("goals") or []) for v in locked)


def _stored(field: str, value: Any) -> Any:
    if field == "deadline" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def apply_pending(uow: UnitOfWork, conversation_id: int) -> list[int]:
    """Both parties approved a version holding the proposals: the goals take the proposed values,
    each changed field kept in the goal's history. Returns the adjusted goals' ids."""
    now = uow.now()
    adjusted: list[int] = []
    for adjustment in pending(uow, conversation_id).values():
        goal = uow.session.get(Goal, adjustment.goal_id)
        changed = False
        for field, proposed in adjustment.changes.items():
            new = _stored(field, proposed)
            old = getattr(goal, field)
            if old == new:
                continue
            uow.session.add(
                GoalChange(
                    goal_id=goal.id,
                    author_id=adjustment.proposed_by_id,
                    field=field,
                    old_value=_text(old),
                    new_value=_text(new),
                    created_at=now,
                )
            )
            setattr(goal, field, new)
            changed = True
        if changed:
            goal.updated_at = now
        adjustment.state = "applied"
        adjustment.applied_at = now
        adjusted.append(goal.id)
    uow.session.flush()
    return adjusted
