"""The live channel of a conversation: server-sent events from the durable event log and the broker.

A stream is opened in three steps, in this order, so that nothing is missed:
1. the party check (inside the request, with the request's database session);
2. the stream registers with this process's hub (from now on every published event reaches it);
3. it reads what the tab missed from the event log (seq > Last-Event-ID).
Then the request's database session is released and the response streams. Events are sent in
sequence order, each once: duplicates (from the log and the broker both) are dropped by seq, and a
gap (an event published out of order, or a broker that lost messages) is filled from the log.
A watchdog compares the log's head with what the streams of this process have sent, so that even
an event lost by the broker arrives within two check intervals."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from flask import Flask
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..adapters.events import Broker, Event
from ..domain.errors import DomainError, InvalidInput
from ..extensions import db
from ..storage import AgendaItem, LiveEvent, LiveStream, Person
from . import lookups
from .unit_of_work import ensure_stream

if TYPE_CHECKING:
    from .unit_of_work import Actor, UnitOfWork

log = logging.getLogger(__name__)

RETRY_MS = 2000  # the reconnect delay the tab is told to use
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 30 * 60  # then the tab reconnects (with a fresh token) from its Last-Event-ID
WATCHDOG_SECONDS = 15.0
QUEUE_LIMIT = 5000  # events waiting for one slow stream before it falls back to the log


# --- reading the log -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LogSlice:
    events: list[Event]
    head: int  # the conversation's last committed seq
    pruned_through: int  # events up to here are gone from the log


def read_log(session: Session, tenant_id: str, conversation_id: int, after: int) -> LogSlice:
    stream = session.get(LiveStream, conversation_id, populate_existing=True)
    head = stream.last_seq if stream else 0
    pruned = stream.pruned_through if stream else 0
    rows = session.scalars(
        select(LiveEvent)
        .where(LiveEvent.conversation_id == conversation_id, LiveEvent.seq > after, LiveEvent.seq <= head)
        .order_by(LiveEvent.seq)
    )
    events = [Event(tenant_id, conversation_id, r.kind, dict(r.data or {}), seq=r.seq) for r in rows]
    return LogSlice(events, head, pruned)


def head_seq(session: Session, conversation_id: int) -> int:
    return (
        session.scalar(select(LiveStream.last_seq).where(LiveStream.conversation_id == conversation_id)) or 0
    )


# --- the hub: this process's live subscribers ------------------------------------------------------


class LiveBusy(DomainError):
    """This process holds as many live streams as it has threads to spare: try again (elsewhere)."""

    status = 503
    code = "live_busy"


_RESYNC = object()
_CLOSED = object()


class Subscriber:
    """One open stream: its queue of events, and how far it has sent the log."""

    def __init__(self, tenant_id: str, conversation_id: int, person_id: int) -> None:
        self.tenant_id = tenant_id
        self.conversation_id = conversation_id
        self.person_id = person_id
        self.sent_seq = 0
        self._items: deque = deque()
        self._cond = threading.Condition()

    def put(self, item: object) -> None:
        with self._cond:
            if len(self._items) >= QUEUE_LIMIT:
                self._items.clear()  # too far behind: read the log instead
                item = _RESYNC
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

    def open(self, tenant_id: str, conversation_id: int, person_id: int) -> Subscriber:
        self._start()
        subscriber = Subscriber(tenant_id, conversation_id, person_id)
        with self._lock:
            if self.max_streams is not None and self._count() >= self.max_streams:
                raise LiveBusy("live_busy")
            self._subscribers.setdefault(conversation_id, set()).add(subscriber)
        if self._stop.is_set():  # this process is stopping: the tab reconnects elsewhere
            subscriber.put(_CLOSED)
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
            subscriber.put(_CLOSED)
        return len(ending)

    def count(self) -> int:
        with self._lock:
            return self._count()

    def _count(self) -> int:
        return sum(len(group) for group in self._subscribers.values())

    def close(self) -> None:
        self._stop.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            subscribers = [s for group in self._subscribers.values() for s in group]
        for subscriber in subscribers:
            subscriber.put(_CLOSED)
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
            subscriber.put(_RESYNC)

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
                        subscriber.put(_RESYNC)
            previous = heads


# --- opening and running a stream ---------------------------------------------------------------------


@dataclass
class StreamStart:
    subscriber: Subscriber
    backlog: list[Event] = field(default_factory=list)
    head: int = 0
    refresh: str | None = None  # why the tab must reload everything ("pruned", "unknown")


def open_stream(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, after: int | None, hub: LiveHub
) -> StreamStart:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        tenant_id = conversation.tenant_id
    subscriber = hub.open(tenant_id, conversation_id, actor.person_id)
    try:
        with uow:
            start = StreamStart(subscriber)
            if after is None:
                start.head = head_seq(uow.session, conversation_id)
            else:
                piece = read_log(uow.session, tenant_id, conversation_id, after)
                start.head = piece.head
                if after > piece.head:
                    start.refresh = "unknown"  # an id this conversation never had (another database?)
                elif after < piece.pruned_through:
                    start.refresh = "pruned"
                else:
                    start.backlog = piece.events
            subscriber.sent_seq = start.head if (after is None or start.refresh) else after
            return start
    except BaseException:
        hub.close_subscriber(subscriber)
        raise


def parse_last_event_id(header: str | None, query_after: int | None) -> int | None:
    """The Last-Event-ID header wins over `?after=`; both are a seq this server sent (an integer)."""
    if header is None or not header.strip():
        return query_after
    value = header.strip()
    if not value.isdigit() or len(value) > 18:
        raise InvalidInput("live_event_id_invalid", field="Last-Event-ID")
    return int(value)


def sse(kind: str, payload: dict, seq: int | None) -> str:
    lines = [f"id: {seq}"] if seq is not None else []
    lines.append(f"event: {kind}")
    lines.append("data: " + json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(lines) + "\n\n"


def event_message(event: Event) -> str:
    payload = {
        "seq": event.seq,
        "kind": event.kind,
        "conversation_id": event.conversation_id,
        "data": event.data,
    }
    return sse(event.kind, payload, event.seq)


def refresh_message(head: int, reason: str) -> str:
    return sse("refresh", {"seq": head, "reason": reason}, head)


def run_stream(
    hub: LiveHub,
    start: StreamStart,
    *,
    keepalive: float = KEEPALIVE_SECONDS,
    max_seconds: float = MAX_STREAM_SECONDS,
) -> Iterator[str]:
    """The body of the response. Runs without a request context and without a database session;
    it takes one from the pool only to fill a gap from the log."""
    subscriber = start.subscriber
    cid = subscriber.conversation_id
    try:
        first = [": connected\n\n", f"retry: {RETRY_MS}\n\n"]
        if start.refresh:
            first.append(refresh_message(start.head, start.refresh))
        for event in start.backlog:
            first.append(event_message(event))
            subscriber.sent_seq = event.seq or subscriber.sent_seq
        first.append(
            sse("ready", {"seq": subscriber.sent_seq, "replayed": len(start.backlog)}, subscriber.sent_seq)
        )
        yield "".join(first)
        deadline = time.monotonic() + max_seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return  # the tab reconnects with Last-Event-ID (and a fresh token)
            items = subscriber.take(min(keepalive, remaining))
            if not items:
                yield ": keep-alive\n\n"
                continue
            out: list[str] = []
            for item in items:
                if item is _CLOSED:
                    if out:
                        yield "".join(out)
                    return
                if item is _RESYNC:
                    out.extend(_catch_up(hub, subscriber))
                    continue
                event: Event = item
                if event.seq is None:
                    out.append(event_message(event))
                    continue
                if event.seq <= subscriber.sent_seq:
                    continue  # already sent (from the log, or twice from the broker)
                if event.seq > subscriber.sent_seq + 1:
                    out.extend(_catch_up(hub, subscriber))  # fills the gap, this event included
                    if event.seq <= subscriber.sent_seq:
                        continue
                out.append(event_message(event))
                subscriber.sent_seq = event.seq
            if out:
                yield "".join(out)
    except _LogUnavailable:
        return
    finally:
        hub.close_subscriber(subscriber)
        log.debug("live stream of conversation %s closed", cid)


class _LogUnavailable(Exception):
    pass


def _catch_up(hub: LiveHub, subscriber: Subscriber) -> list[str]:
    with hub.app.app_context():
        try:
            piece = read_log(
                db.session, subscriber.tenant_id, subscriber.conversation_id, subscriber.sent_seq
            )
        except Exception as exc:  # the database is away: end the stream; the tab reconnects
            log.warning("live stream could not read the event log: %s", exc.__class__.__name__)
            raise _LogUnavailable() from exc
        finally:
            db.session.remove()
    if subscriber.sent_seq < piece.pruned_through:
        subscriber.sent_seq = piece.head
        return [refresh_message(piece.head, "pruned")]
    out = []
    for event in piece.events:
        out.append(event_message(event))
        subscriber.sent_seq = event.seq or subscriber.sent_seq
    return out


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
        ensure_stream(uow.session, conversation.id)
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
