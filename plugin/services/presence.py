"""Presence: who has the conversation open now, which agenda item they are on, and whether they
follow the shared position. Each tab refreshes its entry (every ~15 s); an entry not refreshed
within the time to live is gone. Kept in Redis when configured (shared by every process), else in
this process's memory (the one-process setup). Presence is not logged: a tab that reconnects asks
for the list again."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from ..adapters.events import Event
from ..domain.errors import InvalidInput
from ..storage import AgendaItem
from . import lookups
from .unit_of_work import Actor, UnitOfWork

TTL_SECONDS = 45.0


class PresenceStore(Protocol):
    def put(self, conversation_id: int, person_id: int, entry: dict, ttl: float) -> None: ...

    def remove(self, conversation_id: int, person_id: int) -> None: ...

    def list(self, conversation_id: int, now: float) -> list[dict]: ...

    def close(self) -> None: ...


class MemoryPresenceStore:
    def __init__(self) -> None:
        self._entries: dict[int, dict[int, dict]] = {}
        self._lock = threading.Lock()

    def put(self, conversation_id: int, person_id: int, entry: dict, ttl: float) -> None:
        with self._lock:
            self._entries.setdefault(conversation_id, {})[person_id] = entry

    def remove(self, conversation_id: int, person_id: int) -> None:
        with self._lock:
            self._entries.get(conversation_id, {}).pop(person_id, None)

    def list(self, conversation_id: int, now: float) -> list[dict]:
        with self._lock:
            group = self._entries.get(conversation_id, {})
            for person_id in [p for p, e in group.items() if e["expires"] <= now]:
                del group[person_id]
            if not group:
                self._entries.pop(conversation_id, None)
            return list(group.values())

    def close(self) -> None:
        with self._lock:
            self._entries.clear()


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
    uow.broker.publish(Event(tenant_id, conversation_id, "presence.changed", _public(entry, True)))
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
    uow.broker.publish(Event(tenant_id, conversation_id, "presence.changed", _public(gone, False)))
