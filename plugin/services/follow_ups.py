"""Reading follow-ups as the API shows them: the dates agreed in a conversation, each with where its
calendar event stands. One conversation's (the agreement's list) or a whole page of conversations' at
once (My MUS), in two statements either way."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from ..storage import FollowUp
from ..storage.unit_of_work import UnitOfWork
from . import calendar_sync


@dataclass(frozen=True)
class FollowUpView:
    id: int
    title: str
    due_on: date
    created_at: datetime
    version: int
    # Where its calendar event stands (calendar_sync.IN_CALENDAR, STATE_PENDING, NOT_PERMITTED);
    # None while the agreement was never locked (nothing scheduled yet).
    calendar: str | None


def stored(uow: UnitOfWork, conversation_ids: Sequence[int]) -> list[FollowUp]:
    """The follow-ups of these conversations, by date."""
    if not conversation_ids:
        return []
    query = (
        select(FollowUp)
        .where(FollowUp.conversation_id.in_(conversation_ids))
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return list(uow.session.scalars(query))


def views_by_conversation(uow: UnitOfWork, conversation_ids: Sequence[int]) -> dict[int, list[FollowUpView]]:
    """Each conversation's follow-ups by date (every id is a key, also without follow-ups). The
    caller has checked that the actor may read these conversations."""
    follow_ups = stored(uow, conversation_ids)
    states = calendar_sync.states(uow, [f.id for f in follow_ups])
    shown: dict[int, list[FollowUpView]] = defaultdict(list)
    for f in follow_ups:
        shown[f.conversation_id].append(
            FollowUpView(
                id=f.id,
                title=f.title,
                due_on=f.due_on,
                created_at=f.created_at,
                version=f.version,
                calendar=states.get(f.id),
            )
        )
    return {cid: shown.get(cid, []) for cid in conversation_ids}
