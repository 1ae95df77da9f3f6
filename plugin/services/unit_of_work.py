"""The transaction boundary of a use case, and the acting person."""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..adapters.events import Broker, Event
from ..config import Settings
from ..domain.errors import Conflict, StaleVersion
from ..storage.live import LiveEvent, LiveStream
from ..storage.types import utcnow

log = logging.getLogger(__name__)

# The durable event log keeps the latest LOG_KEEP events of each conversation; older ones are
# removed every LOG_PRUNE_EVERY events. A tab that reconnects from before that gets a refresh.
LOG_KEEP = 1000
LOG_PRUNE_EVERY = 100


@dataclass(frozen=True)
class Actor:
    """The signed-in person a use case acts for."""

    person_id: int
    tenant_id: str
    object_id: str
    display_name: str
    locale: str
    is_admin: bool = False


class UnitOfWork:
    """`with uow:` commits on success and rolls back on error; events emitted inside are published
    only after the commit succeeded, so nobody hears of a change that was not stored.

    Events for both parties are also written to the conversation's durable event log in the same
    transaction, each with the next number of the conversation's sequence (taken under the row
    lock of `live_streams`, so numbers are committed in order and without gaps). A tab that
    reconnects reads what it missed from that log. Events for one person only (`audience`) are
    neither logged nor numbered: the other party learns nothing of them, not even a gap."""

    def __init__(
        self,
        session: Session,
        broker: Broker,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.session = session
        self.broker = broker
        self.settings = settings
        self.clock = clock
        self._events: list[Event] = []
        self.committed_events: list[Event] = []  # the events of the last commit, numbered

    def __enter__(self) -> UnitOfWork:
        self._events = []
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.session.rollback()
            self._events = []
            return
        events, self._events = self._events, []
        try:
            events = _append_to_log(self.session, events, self.clock()) if events else []
            self.session.commit()
        except StaleDataError as err:
            self.session.rollback()
            raise StaleVersion() from err
        except IntegrityError as err:
            self.session.rollback()
            raise Conflict() from err
        except BaseException:
            self.session.rollback()
            raise
        self.committed_events = events
        for event in events:
            try:
                self.broker.publish(event)
            except Exception:  # committed and logged: live tabs catch up from the log
                log.exception("live event not published")

    def emit(
        self, tenant_id: str, conversation_id: int, kind: str, *, audience: int | None = None, **data: Any
    ) -> None:
        """Announce a change to the live channel once it is committed. `data` carries ids and
        versions, never private content; `audience` limits the event to one person."""
        self._events.append(Event(tenant_id, conversation_id, kind, data, audience=audience))

    def now(self) -> datetime:
        return self.clock()


def _append_to_log(session: Session, events: list[Event], now: datetime) -> list[Event]:
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
            prune_log(session, conversation_id, through=last - LOG_KEEP)
    session.flush()
    return numbered


def ensure_stream(session: Session, conversation_id: int) -> None:
    """Create the conversation's `live_streams` row unless it exists (safe under concurrency)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(
        insert(LiveStream)
        .values(conversation_id=conversation_id, last_seq=0, pruned_through=0)
        .on_conflict_do_nothing(index_elements=["conversation_id"])
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


def prune_log(session: Session, conversation_id: int, *, through: int) -> None:
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


def forget_log(session: Session, conversation_id: int) -> None:
    """Forget the conversation's whole event log (the retention run: it holds note edits)."""
    head = session.scalar(select(LiveStream.last_seq).where(LiveStream.conversation_id == conversation_id))
    if head:
        prune_log(session, conversation_id, through=head)
