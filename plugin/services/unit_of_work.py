"""The transaction boundary of a use case, and the acting person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..adapters.events import Broker, Event
from ..config import Settings
from ..domain.errors import Conflict, StaleVersion
from ..storage.types import utcnow


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
    only after the commit succeeded, so nobody hears of a change that was not stored."""

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

    def __enter__(self) -> UnitOfWork:
        self._events = []
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.session.rollback()
            self._events = []
            return
        try:
            self.session.commit()
        except StaleDataError as err:
            self.session.rollback()
            raise StaleVersion() from err
        except IntegrityError as err:
            self.session.rollback()
            raise Conflict() from err
        events, self._events = self._events, []
        for event in events:
            self.broker.publish(event)

    def emit(self, tenant_id: str, conversation_id: int, kind: str, **data: Any) -> None:
        self._events.append(Event(tenant_id, conversation_id, kind, data))

    def now(self) -> datetime:
        return self.clock()
