"""The durable event log of each conversation: every shared change is written with the next number
of the conversation's sequence in the same transaction as the change (taken under the row lock of
`live_streams`, so numbers are committed in order and without gaps), and published after the
commit. A tab that reconnects reads what it missed from here. Events for one person only
(`audience`) are neither logged nor numbered: the other party learns nothing of them, not even a gap."""

from __future__ import annotations

import base64
import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ..domain.events import Event
from ..storage import LiveEvent, LiveStream
from ..storage.sql import insert_ignoring_conflict
from .broker import Broker

# The log keeps the latest LOG_KEEP events of each conversation; older ones are removed every
# LOG_PRUNE_EVERY events. A tab that reconnects from before that gets a refresh.
LOG_KEEP = 1000
LOG_PRUNE_EVERY = 100


class LiveEvents:
    """The unit of work's event sink: events are logged in the transaction, then published."""

    def __init__(self, broker: Broker) -> None:
        self.broker = broker

    def record(self, session: Session, events: list[Event], now: datetime) -> list[Event]:
        return append(session, [_json_safe(event) for event in events], now)

    def publish(self, event: Event) -> None:
        self.broker.publish(event)


def _json_safe(event: Event) -> Event:
    """Binary values (CRDT updates) travel as base64 text in the log, the broker and the stream."""
    if not any(isinstance(value, bytes) for value in event.data.values()):
        return event
    data = {
        k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in event.data.items()
    }
    return dataclasses.replace(event, data=data)


def append(session: Session, events: list[Event], now: datetime) -> list[Event]:
    """Number the shared events per conversation and write them to the log, in this transaction."""
    by_conversation: dict[int, list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        if event.audience is None and event.conversation_id is not None:
            by_conversation[event.conversation_id].append(index)
    numbered = list(events)
    for conversation_id in sorted(by_conversation):  # one lock order for every transaction
        indexes = by_conversation[conversation_id]
        last = next_seq(session, conversation_id, len(indexes))
        first = last - len(indexes) + 1
        for offset, index in enumerate(indexes):
            event = dataclasses.replace(events[index], seq=first + offset)
            numbered[index] = event
            session.add(
                LiveEvent(
                    conversation_id=conversation_id,
                    seq=event.seq,
                    kind=event.kind,
                    data=event.data,
                    at=now,
                )
            )
        if last // LOG_PRUNE_EVERY != (first - 1) // LOG_PRUNE_EVERY and last > LOG_KEEP:
            prune(session, conversation_id, through=last - LOG_KEEP)
    session.flush()
    return numbered


def ensure_stream(session: Session, conversation_id: int) -> None:
    """Create the conversation's `live_streams` row unless it exists (safe under concurrency)."""
    insert_ignoring_conflict(
        session,
        LiveStream,
        ["conversation_id"],
        conversation_id=conversation_id,
        last_seq=0,
        pruned_through=0,
    )


def next_seq(session: Session, conversation_id: int, count: int = 1) -> int:
    """Take `count` sequence numbers; returns the last. The row stays locked until commit."""
    take = (
        update(LiveStream)
        .where(LiveStream.conversation_id == conversation_id)
        .values(last_seq=LiveStream.last_seq + count)
        .returning(LiveStream.last_seq)
        .execution_options(synchronize_session=False)
    )
    last = session.execute(take).scalar_one_or_none()
    if last is None:  # the conversation's first event
        ensure_stream(session, conversation_id)
        last = session.execute(take).scalar_one()
    return last


def prune(session: Session, conversation_id: int, *, through: int) -> None:
    """Forget the conversation's events up to `through`; a tab resuming from before gets a refresh."""
    session.execute(
        delete(LiveEvent)
        .where(LiveEvent.conversation_id == conversation_id, LiveEvent.seq <= through)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(LiveStream)
        .where(LiveStream.conversation_id == conversation_id, LiveStream.pruned_through < through)
        .values(pruned_through=through)
        .execution_options(synchronize_session=False)
    )


def forget(session: Session, conversation_id: int) -> None:
    """Forget the conversation's whole event log (the retention run: it holds note edits)."""
    head = session.scalar(select(LiveStream.last_seq).where(LiveStream.conversation_id == conversation_id))
    if head:
        prune(session, conversation_id, through=head)


@dataclass(frozen=True)
class LogSlice:
    events: list[Event]
    head: int  # the conversation's last committed seq
    pruned_through: int  # events up to here are gone from the log


def read(session: Session, tenant_id: str, conversation_id: int, after: int) -> LogSlice:
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
