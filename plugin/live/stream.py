"""A live stream: server-sent events from the durable event log and the broker.

A stream is opened in three steps, in this order, so that nothing is missed:
1. the party check (a use case, inside the request, before this module is called);
2. the stream registers with this process's hub (from now on every published event reaches it);
3. it reads what the tab missed from the event log (seq > Last-Event-ID).
Then the request's database session is released and the response streams. Events are sent in
sequence order, each once: duplicates (from the log and the broker both) are dropped by seq, and a
gap (an event published out of order, or a broker that lost messages) is filled from the log."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from ..domain.errors import InvalidInput
from ..domain.events import Event
from ..storage.db import db
from . import log as event_log
from .hub import CLOSED, RESYNC, LiveHub, Subscriber

logger = logging.getLogger(__name__)

RETRY_MS = 2000  # the reconnect delay the tab is told to use
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 30 * 60  # then the tab reconnects (with a fresh token) from its Last-Event-ID


@dataclass
class StreamStart:
    subscriber: Subscriber
    backlog: list[Event] = field(default_factory=list)
    head: int = 0
    refresh: str | None = None  # why the tab must reload everything ("pruned", "unknown")


def open_stream(
    session: Session, hub: LiveHub, tenant_id: str, conversation_id: int, person_id: int, *, after: int | None
) -> StreamStart:
    """Register with the hub, then read what the tab missed (the party was checked before)."""
    subscriber = hub.open(tenant_id, conversation_id, person_id)
    try:
        start = StreamStart(subscriber)
        if after is None:
            start.head = event_log.head_seq(session, conversation_id)
        else:
            piece = event_log.read(session, tenant_id, conversation_id, after)
            start.head = piece.head
            if after > piece.head:
                start.refresh = "unknown"  # an id this conversation never had (another database?)
            elif after < piece.pruned_through:
                start.refresh = "pruned"
            else:
                start.backlog = piece.events
        subscriber.sent_seq = start.head if (after is None or start.refresh) else after
        session.rollback()  # end the read transaction: nothing is held while the stream is open
        return start
    except BaseException:
        hub.close_subscriber(subscriber)
        raise


def parse_last_event_id(header: str | None, query_after: int | None) -> int | None:
    """The Last-Event-ID header wins over `?after=`; both are a seq this server sent (an integer)."""
    if header is None or not header.strip():
        return query_after
    value = header.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 10 or int(value) > 2**31 - 1:
        raise InvalidInput("live_event_id_invalid", field="Last-Event-ID")  # seq is a 32-bit column
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
                if item is CLOSED:
                    if out:
                        yield "".join(out)
                    return
                if item is RESYNC:
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
        logger.debug("live stream of conversation %s closed", cid)


class _LogUnavailable(Exception):
    pass


def _catch_up(hub: LiveHub, subscriber: Subscriber) -> list[str]:
    with hub.app.app_context():
        try:
            piece = event_log.read(
                db.session, subscriber.tenant_id, subscriber.conversation_id, subscriber.sent_seq
            )
        except Exception as exc:  # the database is away: end the stream; the tab reconnects
            logger.warning("live stream could not read the event log: %s", exc.__class__.__name__)
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
