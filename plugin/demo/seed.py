"""Demo data for `make run`: the demo organisation's people and two conversations, created through
the same use cases a person would use. Running it again changes nothing."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from ..config import DEMO_TENANT_ID
from ..domain.actor import Actor
from ..domain.lifecycle import ConversationKind, Status
from ..identity.tokens import Identity
from ..services import conversations, people
from ..storage import Conversation
from ..storage.unit_of_work import UnitOfWork
from .people import DEMO_BY_KEY, DemoPerson


def _sign_in(uow: UnitOfWork, person: DemoPerson) -> Actor:
    identity = Identity(DEMO_TENANT_ID, person.object_id, person.name, person.email, (), person.locale)
    return people.do_sign_in(uow, identity)


def _ref(person: DemoPerson) -> dict:
    return {"object_id": person.object_id, "display_name": person.name, "email": person.email}


def do_seed(uow: UnitOfWork) -> bool:
    with uow:
        exists = uow.session.scalar(select(Conversation.id).where(Conversation.tenant_id == DEMO_TENANT_ID))
    if exists:
        return False
    mette, jonas, freja = (DEMO_BY_KEY[k] for k in ("mette", "jonas", "freja"))
    manager = _sign_in(uow, mette)
    _sign_in(uow, jonas)
    _sign_in(uow, freja)
    tomorrow = uow.now().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    mus = conversations.do_create_conversation(
        uow,
        manager,
        kind=ConversationKind.MUS,
        employee=_ref(jonas),
        manager=None,
        title="MUS 2026: Jonas",
        scheduled_at=tomorrow,
    )
    conversations.do_transition(uow, manager, mus.id, status=Status.PREPARING, version=mus.version)
    conversations.do_create_conversation(
        uow,
        manager,
        kind=ConversationKind.CHECKIN,
        employee=_ref(freja),
        manager=None,
        title="Check-in: Freja",
        scheduled_at=tomorrow + timedelta(days=14, hours=2),
    )
    return True
