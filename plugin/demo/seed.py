"""Demo data for `make run`: the demo organisation's people and two conversations, created through
the same use cases a person would use. Running it again changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select

from ..config import DEMO_TENANT_ID
from ..domain.actor import Actor
from ..domain.lifecycle import ConversationKind, Status
from ..identity.tokens import Identity
from ..services import conversations, people
from ..storage import Conversation
from ..storage.unit_of_work import UnitOfWork
from .directory_graph import DirectoryGraph
from .people import DEMO_BY_KEY, DemoPerson


def _sign_in(uow: UnitOfWork, person: DemoPerson) -> Actor:
    identity = Identity(DEMO_TENANT_ID, person.object_id, person.name, person.email, (), person.locale)
    return people.do_sign_in(uow, identity)


def _ref(person: DemoPerson) -> dict:
    return {"object_id": person.object_id}


def do_seed(uow: UnitOfWork, directory: Any = None) -> bool:
    """`directory` is the stand-in directory the demo's Graph serves (by default the running demo
    cloud's): every pair is checked against it, as when a person plans."""
    with uow:
        exists = uow.session.scalar(select(Conversation.id).where(Conversation.tenant_id == DEMO_TENANT_ID))
    if exists:
        return False
    if directory is None:
        directory = current_app.extensions["mus.demo_cloud"].directory
    mette, jonas, freja = (DEMO_BY_KEY[k] for k in ("mette", "jonas", "freja"))
    manager = _sign_in(uow, mette)
    graph = DirectoryGraph(directory, DEMO_TENANT_ID, mette.object_id)
    _sign_in(uow, jonas)
    _sign_in(uow, freja)
    tomorrow = uow.now().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    mus = conversations.do_create_conversation(
        uow,
        manager,
        kind=ConversationKind.MUS,
        employee=_ref(jonas),
        manager=None,
        graph=graph,
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
        graph=graph,
        title="Check-in: Freja",
        scheduled_at=tomorrow + timedelta(days=14, hours=2),
    )
    return True
