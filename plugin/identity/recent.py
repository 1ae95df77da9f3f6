"""What the directory answered about a person lately, kept in this process for a short while."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any


class RecentAnswers:
    """What the directory answered about a person lately (their name, email and manager), kept in
    this process for a short while, per person: the personal tab asks for `/me` at every start, and
    each ask costs a token exchange and two Graph calls. Microsoft's throttling guidance asks apps to
    cache directory data rather than fetch it again; a new manager shows within `ttl_seconds`.
    Only answers are kept, never a token; outages and refusals are not kept (asked again)."""

    def __init__(
        self, ttl_seconds: float = 120, size: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl, self._size, self._clock = ttl_seconds, size, clock
        self._lock = threading.Lock()
        self._answers: dict[tuple[str, str], tuple[float, Any]] = {}

    def get(self, actor: Any) -> Any:
        key = (actor.tenant_id, actor.object_id)
        with self._lock:
            found = self._answers.get(key)
            if found is None:
                return None
            if found[0] <= self._clock():
                del self._answers[key]
                return None
            return found[1]

    def put(self, actor: Any, answer: Any) -> None:
        with self._lock:
            if len(self._answers) >= self._size:  # full: drop the oldest half (insertion order)
                for key in list(self._answers)[: self._size // 2]:
                    del self._answers[key]
            self._answers[(actor.tenant_id, actor.object_id)] = (self._clock() + self._ttl, answer)

    def forget(self, tenant_id: str, object_id: str) -> None:
        """Ask the directory again next time for this person (e.g. once their consent was withdrawn)."""
        with self._lock:
            self._answers.pop((tenant_id, object_id), None)
