"""Presence stores: who has a conversation open, kept in this process's memory (the one-process
setup); `live.redis.RedisPresenceStore` shares them between processes and instances."""

from __future__ import annotations

import threading
from typing import Protocol


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
