"""The live channel's use cases: who may open a conversation's stream, and the shared 'follow'
position (the agenda item both parties are on). The stream itself is in `plugin.live`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update

from ..domain.actor import Actor
from ..domain.errors import InvalidInput
from ..live import log as event_log
from ..storage import AgendaItem, LiveStream, Person
from ..storage.unit_of_work import UnitOfWork
from . import lookups


def check_open_stream(uow: UnitOfWork, actor: Actor, conversation_id: int) -> str:
    """A party may open the conversation's live stream; returns the conversation's tenant."""
    with uow:
        return lookups.conversation_for(uow, actor, conversation_id).tenant_id


# --- the shared 'follow' position ------------------------------------------------------------------


@dataclass(frozen=True)
class PositionView:
    agenda_item_id: int | None
    by: Person | None
    at: datetime | None
    seq: int


def get_position(uow: UnitOfWork, actor: Actor, conversation_id: int) -> PositionView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        stream = uow.session.get(LiveStream, conversation.id, populate_existing=True)
        if stream is None:
            return PositionView(None, None, None, 0)
        by = uow.session.get(Person, stream.position_by_id) if stream.position_by_id else None
        return PositionView(stream.position_item_id, by, stream.position_at, stream.last_seq)


def do_set_position(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, agenda_item_id: int | None
) -> PositionView:
    """Move the item both parties follow. Last writer wins: it is where the meeting is now."""
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if agenda_item_id is not None:
            item = uow.session.get(AgendaItem, agenda_item_id)
            if item is None or item.conversation_id != conversation.id:
                raise InvalidInput("agenda_item_unknown", field="agenda_item_id")
        now = uow.now()
        event_log.ensure_stream(uow.session, conversation.id)
        uow.session.execute(
            update(LiveStream)
            .where(LiveStream.conversation_id == conversation.id)
            .values(position_item_id=agenda_item_id, position_by_id=actor.person_id, position_at=now)
            .execution_options(synchronize_session=False)
        )
        uow.emit(
            conversation.tenant_id,
            conversation.id,
            "position.changed",
            agenda_item_id=agenda_item_id,
            by=actor.object_id,
        )
        by = uow.session.get(Person, actor.person_id)
    seq = next((e.seq for e in uow.committed_events if e.kind == "position.changed"), None) or 0
    return PositionView(agenda_item_id, by, now, seq)
