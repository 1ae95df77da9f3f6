"""The transaction boundary of a use case."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..config import Settings
from ..domain.errors import Conflict, StaleVersion
from ..domain.events import Event
from .types import utcnow

log = logging.getLogger(__name__)


class EventSink(Protocol):
    """Where announced changes go: `record` runs inside the transaction (the live channel numbers
    and logs them there), `publish` after the commit."""

    def record(self, session: Session, events: list[Event], now: datetime) -> list[Event]: ...

    def publish(self, event: Event) -> None: ...


class NoEvents:
    """No live channel: changes are stored and announced to nobody."""

    def record(self, session: Session, events: list[Event], now: datetime) -> list[Event]:
        return events

    def publish(self, event: Event) -> None:
        return None


class UnitOfWork:
    """`with uow:` commits on success and rolls back on error; events emitted inside are published
    only after the commit succeeded, so nobody hears of a change that was not stored.

    `with uow:` may be nested: only the outermost block commits (an inner block that fails makes
    the outer one roll back), so a use case can run inside a larger transaction (the idempotent
    request: its key is stored with the change it answers for)."""

    def __init__(
        self,
        session: Session,
        events: EventSink | None,
        settings: Settings,
        clock: Callable[[], datetime] = utcnow,
        logged_reads: dict[tuple, datetime] | None = None,
    ) -> None:
        self.session = session
        # Reads already in the audit log (committed), with when each next needs logging: kept by the
        # process across requests so a repeated read need not ask the database (services.audit_log).
        self.logged_reads = logged_reads if logged_reads is not None else {}
        self.events = events or NoEvents()
        self.settings = settings
        self.clock = clock
        self._pending: list[Event] = []
        self._depth = 0
        self.committed_events: list[Event] = []  # the events of the last commit, numbered

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self._pending = []
        self._depth += 1
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._depth -= 1
        if self._depth > 0:
            return  # the outermost block commits, or rolls back on the error on its way out
        if exc_type is not None:
            self.session.rollback()
            self._pending = []
            return
        events, self._pending = self._pending, []
        try:
            events = self.events.record(self.session, events, self.clock()) if events else []
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
                self.events.publish(event)
            except Exception:  # committed and logged: live tabs catch up from the log
                log.exception("live event not published")

    @property
    def in_transaction(self) -> bool:
        """Inside a `with uow:` block (a use case run within a larger transaction)."""
        return self._depth > 0

    def emit(
        self, tenant_id: str, conversation_id: int, kind: str, *, audience: int | None = None, **data: Any
    ) -> None:
        """Announce a change to the live channel once it is committed. `data` carries ids and
        versions, never private content; `audience` limits the event to one person."""
        self._pending.append(Event(tenant_id, conversation_id, kind, data, audience=audience))

    def announce(self, tenant_id: str, conversation_id: int, kind: str, **data: Any) -> None:
        """Tell the live channel now, without storing anything (presence: who is here)."""
        self.events.publish(Event(tenant_id, conversation_id, kind, data))

    def now(self) -> datetime:
        return self.clock()
