"""Live events, published after commit through a broker. In-process by default (one process);
`redis_broker.RedisBroker` implements the same interface for several processes and instances."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    tenant_id: str
    conversation_id: int
    kind: str  # e.g. "agenda_item.updated"
    data: dict[str, Any] = field(default_factory=dict)
    # The position in the conversation's durable event log (set when the change is committed);
    # None for events that are not logged (presence, and events for one person only).
    seq: int | None = None
    # None: both parties of the conversation; a person id: that person only (e.g. a private pulse).
    audience: int | None = None


Handler = Callable[[Event], None]


class Broker(Protocol):
    def publish(self, event: Event) -> None: ...

    def subscribe(
        self, handler: Handler, *, on_resync: Callable[[], None] | None = None
    ) -> Callable[[], None]:
        """Call `handler` for every event published from now on (by any process sharing the broker).
        `on_resync` is called when events may have been missed (a broker connection was lost and
        restored): subscribers then read the durable log. Returns the unsubscribe function."""
        ...

    def close(self) -> None: ...


class InProcessBroker:
    """Handlers in this process only: one process (the SQLite setup, tests)."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []
        self._lock = threading.Lock()

    def publish(self, event: Event) -> None:
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            try:
                handler(event)
            except Exception:  # one broken listener must not fail the request that committed
                log.exception("live event handler failed")

    def subscribe(
        self, handler: Handler, *, on_resync: Callable[[], None] | None = None
    ) -> Callable[[], None]:
        with self._lock:
            self._handlers.append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers:
                    self._handlers.remove(handler)

        return unsubscribe

    def close(self) -> None:
        with self._lock:
            self._handlers.clear()
