"""Live events, published after commit through a broker. In-process by default (one process);
`live.redis.RedisBroker` implements the same interface for several processes and instances."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from ..domain.events import Event

log = logging.getLogger(__name__)


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
