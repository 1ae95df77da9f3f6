"""Consent: each party answers the consent questions of a conversation (confidentiality, keeping
the shared notes, recording); both answers are visible to both parties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.agreement import ConsentKind, Party
from ..domain.errors import Forbidden
from ..domain.permissions import party_of
from ..storage import Consent
from ..storage.unit_of_work import UnitOfWork
from . import lookups


@dataclass(frozen=True)
class Answer:
    value: bool
    recorded_at: datetime


@dataclass(frozen=True)
class ConsentState:
    kind: ConsentKind
    employee: Answer | None
    manager: Answer | None

    @property
    def both_agreed(self) -> bool:
        return bool(self.employee and self.employee.value and self.manager and self.manager.value)


@dataclass(frozen=True)
class ConsentView:
    items: list[ConsentState]


def votes(uow: UnitOfWork, conversation_id: int, kind: ConsentKind) -> dict[str, bool]:
    """Each party's answer to one question, keyed by party ("employee", "manager")."""
    rows = uow.session.scalars(
        select(Consent).where(Consent.conversation_id == conversation_id, Consent.kind == kind.value)
    )
    return {row.party: row.value for row in rows}


def _view(uow: UnitOfWork, conversation_id: int) -> ConsentView:
    rows = uow.session.scalars(select(Consent).where(Consent.conversation_id == conversation_id))
    answers = {(row.kind, row.party): Answer(row.value, row.recorded_at) for row in rows}
    return ConsentView(
        items=[
            ConsentState(
                kind=kind,
                employee=answers.get((kind.value, Party.EMPLOYEE.value)),
                manager=answers.get((kind.value, Party.MANAGER.value)),
            )
            for kind in ConsentKind
        ]
    )


def get_consent(uow: UnitOfWork, actor: Actor, conversation_id: int) -> ConsentView:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        return _view(uow, conversation_id)


def do_set_consent(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, kind: ConsentKind, value: bool
) -> ConsentView:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        party = party_of(conversation, actor)
        if party is None:  # conversation_for admits the two parties only; stay safe anyway
            raise Forbidden("not_a_party")
        row = uow.session.scalar(
            select(Consent).where(
                Consent.conversation_id == conversation_id,
                Consent.person_id == actor.person_id,
                Consent.kind == kind.value,
            )
        )
        if row is None:
            row = Consent(conversation_id=conversation_id, person_id=actor.person_id, kind=kind.value)
            uow.session.add(row)
        row.party = party.value
        row.value = value
        row.recorded_at = uow.now()
        uow.session.flush()
        uow.emit(
            actor.tenant_id,
            conversation_id,
            "consent.updated",
            consent=kind.value,  # `kind` names the event itself
            party=party.value,
            value=value,
        )
        return _view(uow, conversation_id)
