"""This process's open live streams: each stream's queue, fed by the broker, and a watchdog that
compares the log's head with what the streams have sent, so that even an event lost by the broker
arrives within two check intervals."""

from __future__ import annotations

import itertools
import logging
import threading
from collections import deque

from flask import Flask
from sqlalchemy import select

from ..domain.errors import DomainError
from ..domain.events import Event
from ..storage import LiveStream
from ..storage.db import db
from .broker import Broker

log = logging.getLogger(__name__)

WATCHDOG_SECONDS = 15.0
QUEUE_LIMIT = 5000  # events waiting for one slow stream before it falls back to the log


class LiveBusy(DomainError):
    """This process holds as many live streams as it has threads to spare: try again (elsewhere)."""

    status = 503
    code = "live_busy"


RESYNC = object()  # read the log: events may have been missed
CLOSED = object()  # end the stream: the tab reconnects


_OPENED = itertools.count()  # the order streams were opened in (the oldest ends first)


class Subscriber:
    """One open stream: its queue of events, and how far it has sent the log."""

    def __init__(self, tenant_id: str, conversation_id: int, person_id: int) -> None:
        self.tenant_id = tenant_id
        self.conversation_id = conversation_id
        self.person_id = person_id
        self.sent_seq = 0
        self.opened = next(_OPENED)
        self._items: deque = deque()
        self._cond = threading.Condition()

    def put(self, item: object) -> None:
        with self._cond:
            if len(self._items) >= QUEUE_LIMIT:
                self._items.clear()  # too far behind: read the log instead
                item = RESYNC
            self._items.append(item)
            self._cond.notify()

    def take(self, timeout: float) -> list:
        with self._cond:
            if not self._items:
                self._cond.wait(timeout)
            items = list(self._items)
            self._items.clear()
            return items


class LiveHub:
    def __init__(self, app: Flask, broker: Broker) -> None:
        self.app = app
        self.broker = broker
        self._subscribers: dict[int, set[Subscriber]] = {}
        self._lock = threading.Lock()
        self._unsubscribe = None
        self._watchdog: threading.Thread | None = None
        self._stop = threading.Event()
        self.watchdog_seconds = WATCHDOG_SECONDS
        # At most this many open streams in this process (None: no limit). `mus serve` sets it below
        # the worker's thread count, so that streams never take the threads the API calls need.
        self.max_streams: int | None = None
        # At most this many open streams of one person (None: no limit), so that one token cannot
        # take the slots that others need. The newest wins: a person at the cap who opens another
        # stream ends their oldest one (a tab that reconnects after a network break gets through at
        # once, before the server has noticed that its old stream is gone).
        self.max_streams_per_person: int | None = None

    def open(self, tenant_id: str, conversation_id: int, person_id: int) -> Subscriber:
        self._start()
        subscriber = Subscriber(tenant_id, conversation_id, person_id)
        with self._lock:
            ended = self._make_room_for(person_id)
            self._check_room(conversation_id, person_id)
            self._subscribers.setdefault(conversation_id, set()).add(subscriber)
        for old in ended:
            old.put(CLOSED)  # its tab, if it is still there, reconnects
        if self._stop.is_set():  # this process is stopping: the tab reconnects elsewhere
            subscriber.put(CLOSED)
        return subscriber

    def close_subscriber(self, subscriber: Subscriber) -> None:
        with self._lock:
            group = self._subscribers.get(subscriber.conversation_id)
            if group is not None:
                group.discard(subscriber)
                if not group:
                    del self._subscribers[subscriber.conversation_id]

    def end_streams(self, conversation_id: int | None = None) -> int:
        """Ends the open streams (of one conversation, or all) without stopping the hub: the tabs
        reconnect and resume from Last-Event-ID. Returns how many were ended."""
        with self._lock:
            if conversation_id is None:
                ending = [s for group in self._subscribers.values() for s in group]
            else:
                ending = list(self._subscribers.get(conversation_id, ()))
        for subscriber in ending:
            subscriber.put(CLOSED)
        return len(ending)

    def count(self) -> int:
        with self._lock:
            return self._count()

    def _count(self) -> int:
        return sum(len(group) for group in self._subscribers.values())

    def _make_room_for(self, person_id: int) -> list[Subscriber]:
        """Under the lock. Takes the person's oldest streams out while they hold their cap, and
        returns them (to be ended once the lock is released)."""
        cap = self.max_streams_per_person
        if cap is None:
            return []
        mine = sorted(
            (s for group in self._subscribers.values() for s in group if s.person_id == person_id),
            key=lambda s: s.opened,
        )
        ended = mine[: max(0, len(mine) - cap + 1)]
        for old in ended:
            group = self._subscribers[old.conversation_id]
            group.discard(old)
            if not group:
                del self._subscribers[old.conversation_id]
        return ended

    def _check_room(self, conversation_id: int, person_id: int) -> None:
        """Under the lock. A full process answers 503. The last slots (an eighth, at least one) are
        kept for a party whose counterpart is already connected, so that both parties of a
        conversation fit even when others have filled the rest."""
        if self.max_streams is None:
            return
        count = self._count()
        if count >= self.max_streams:
            raise LiveBusy("live_busy")
        reserve = max(1, self.max_streams // 8) if self.max_streams > 1 else 0
        if count >= self.max_streams - reserve and not self._completes_pair(conversation_id, person_id):
            raise LiveBusy("live_busy")

    def _completes_pair(self, conversation_id: int, person_id: int) -> bool:
        """The person has no stream of this conversation yet and another party has one."""
        group = self._subscribers.get(conversation_id, ())
        people = {s.person_id for s in group}
        return person_id not in people and bool(people)

    def close(self) -> None:
        self._stop.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            subscribers = [s for group in self._subscribers.values() for s in group]
        for subscriber in subscribers:
            subscriber.put(CLOSED)
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None and watchdog.is_alive():
            watchdog.join(timeout=5)

    # -- internals --
    def _start(self) -> None:
        with self._lock:
            if self._unsubscribe is not None or self._stop.is_set():
                return
            start_watchdog = self._watchdog is None
            if start_watchdog:
                self._watchdog = threading.Thread(target=self._watch, name="mus-live-watchdog", daemon=True)
        # Subscribing may wait for the broker's connection: not under our lock.
        unsubscribe = self.broker.subscribe(self._dispatch, on_resync=self._resync_all)
        with self._lock:
            if self._unsubscribe is None:
                self._unsubscribe = unsubscribe
                unsubscribe = None
        if unsubscribe is not None:
            unsubscribe()
        if start_watchdog and self._watchdog is not None:
            self._watchdog.start()

    def _dispatch(self, event: Event) -> None:
        with self._lock:
            group = list(self._subscribers.get(event.conversation_id, ()))
        for subscriber in group:
            if subscriber.tenant_id != event.tenant_id:
                continue
            if event.audience is not None and event.audience != subscriber.person_id:
                continue
            subscriber.put(event)

    def _resync_all(self) -> None:
        with self._lock:
            subscribers = [s for group in self._subscribers.values() for s in group]
        for subscriber in subscribers:
            subscriber.put(RESYNC)

    def _watch(self) -> None:
        previous: dict[int, int] = {}
        while not self._stop.wait(self.watchdog_seconds):
            with self._lock:
                watched = {cid: list(group) for cid, group in self._subscribers.items()}
            if not watched:
                previous = {}
                continue
            try:
                with self.app.app_context():
                    rows = db.session.execute(
                        select(LiveStream.conversation_id, LiveStream.last_seq).where(
                            LiveStream.conversation_id.in_(list(watched))
                        )
                    ).all()
                    db.session.remove()
            except Exception:
                log.exception("live watchdog could not read the event log")
                continue
            heads = dict(rows)
            for cid, group in watched.items():
                # A seq that was committed one check ago and has still not been sent: fetch it.
                for subscriber in group:
                    if subscriber.sent_seq < previous.get(cid, 0):
                        subscriber.put(RESYNC)
            previous = heads
