"""Live events, published after commit through a broker. In-process by default; the Redis
broker (live collaboration issue) implements the same interface for several processes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Event:
    tenant_id: str
    conversation_id: int
    kind: str  # e.g. "agenda_item.updated"
    data: dict[str, Any] = field(default_factory=dict)


class Broker(Protocol):
    def publish(self, event: Event) -> None: ...

    def subscribe(self, handler: Callable[[Event], None]) -> Callable[[], None]: ...


class InProcessBroker:
    def __init__(self) -> None:
        self._handlers: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def publish(self, event: Event) -> None:
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            handler(event)

    def subscribe(self, handler: Callable[[Event], None]) -> Callable[[], None]:
        with self._lock:
            self._handlers.append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers:
                    self._handlers.remove(handler)

        return unsubscribe
