"""Presence: who has the conversation open now, which agenda item they are on, and whether they
follow the shared position. Each tab refreshes its entry (every ~15 s); an entry not refreshed
within the time to live is gone. Kept in Redis when configured (shared by every process), else in
this process's memory (the stores are in `plugin.live`). Presence is not logged: a tab that
reconnects asks for the list again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..domain.actor import Actor
from ..domain.errors import InvalidInput
from ..live.presence import PresenceStore
from ..storage import AgendaItem
from ..storage.unit_of_work import UnitOfWork
from . import lookups

TTL_SECONDS = 45.0


@dataclass(frozen=True)
class PresenceView:
    object_id: str
    display_name: str
    agenda_item_id: int | None
    following: bool
    seen_at: datetime
    expires_at: datetime


def _view(entry: dict) -> PresenceView:
    return PresenceView(
        object_id=entry["object_id"],
        display_name=entry["display_name"],
        agenda_item_id=entry["agenda_item_id"],
        following=entry["following"],
        seen_at=datetime.fromtimestamp(entry["seen"], UTC),
        expires_at=datetime.fromtimestamp(entry["expires"], UTC),
    )


def _public(entry: dict, present: bool) -> dict:
    return {
        "object_id": entry["object_id"],
        "display_name": entry["display_name"],
        "agenda_item_id": entry["agenda_item_id"],
        "following": entry["following"],
        "expires_at": datetime.fromtimestamp(entry["expires"], UTC).isoformat(),
        "present": present,
    }


def list_presence(
    uow: UnitOfWork, actor: Actor, conversation_id: int, store: PresenceStore
) -> list[PresenceView]:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        now = uow.now().timestamp()
    entries = store.list(conversation_id, now)
    return sorted((_view(e) for e in entries), key=lambda v: (v.display_name, v.object_id))


def do_set_presence(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    *,
    agenda_item_id: int | None,
    following: bool,
    store: PresenceStore,
    ttl: float = TTL_SECONDS,
) -> list[PresenceView]:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        if agenda_item_id is not None:
            item = uow.session.get(AgendaItem, agenda_item_id)
            if item is None or item.conversation_id != conversation.id:
                raise InvalidInput("agenda_item_unknown", field="agenda_item_id")
        now = uow.now().timestamp()
        tenant_id = conversation.tenant_id
    entry = {
        "person_id": actor.person_id,
        "object_id": actor.object_id,
        "display_name": actor.display_name,
        "agenda_item_id": agenda_item_id,
        "following": following,
        "seen": now,
        "expires": now + ttl,
    }
    store.put(conversation_id, actor.person_id, entry, ttl)
    uow.announce(tenant_id, conversation_id, "presence.changed", **_public(entry, True))
    return sorted((_view(e) for e in store.list(conversation_id, now)), key=lambda v: v.display_name)


def do_leave(uow: UnitOfWork, actor: Actor, conversation_id: int, store: PresenceStore) -> None:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        now = uow.now().timestamp()
        tenant_id = conversation.tenant_id
    store.remove(conversation_id, actor.person_id)
    gone = {
        "object_id": actor.object_id,
        "display_name": actor.display_name,
        "agenda_item_id": None,
        "following": False,
        "expires": now,
    }
    uow.announce(tenant_id, conversation_id, "presence.changed", **_public(gone, False))
