"""Handover: an employee's earlier agreed conversations become readable (read-only) by a new manager
only after the employee approves it.

The new manager requests it (they must be the employee's manager in the directory, Microsoft
Graph's manager relation), or the employee offers it to their manager in the directory (the offer
is their approval). The employee approves or declines a request in their personal tab. The grant
is decided in `lookups.handed_over_conversations` (`permissions.can_read_handed_over`); the old
manager keeps what they had and gets nothing new. Every request, offer, decision and read is in the
audit log."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from ..domain.actor import Actor
from ..domain.errors import Conflict, Forbidden
from ..identity.graph import DirectoryPerson, Graph, GraphDenied, GraphUnavailable
from ..identity.msal_obo import SignInUnavailable
from ..storage import AgreementVersion, Conversation, HandoverRequest, Person
from ..storage.unit_of_work import UnitOfWork
from . import audit, lookups
from .people import person_in_tenant

log = logging.getLogger(__name__)

REQUESTED, APPROVED, DECLINED = "requested", "approved", "declined"


@dataclass(frozen=True)
class ReportView:
    """One of the manager's direct reports in the directory, with the latest handover about them."""

    object_id: str
    display_name: str
    handover: HandoverRequest | None


@dataclass(frozen=True)
class HandoverList:
    as_employee: list[HandoverRequest]
    as_manager: list[HandoverRequest]
    reports: list[ReportView]
    directory: str  # "ok" or "unavailable"


@dataclass(frozen=True)
class HistoryItem:
    conversation_id: int
    kind: str
    title: str
    scheduled_at: datetime | None
    manager: Person
    agreed_at: datetime
    number: int  # the agreed version's number (its PDF: /api/conversations/{id}/agreement/{number}.pdf)
    agreement: dict[str, Any]


@dataclass(frozen=True)
class HistoryView:
    handover: HandoverRequest
    items: list[HistoryItem]


def list_handovers(uow: UnitOfWork, actor: Actor, graph: Graph | None) -> HandoverList:
    reports: list[DirectoryPerson] = []
    directory = "ok"
    if graph is not None:
        try:
            reports = graph.direct_reports(None)
        except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
            log.info("direct reports unavailable: %s", exc.code)
            directory = "unavailable"
    with uow:
        rows = list(
            uow.session.scalars(
                select(HandoverRequest)
                .where(
                    HandoverRequest.tenant_id == actor.tenant_id,
                    or_(
                        HandoverRequest.employee_id == actor.person_id,
                        HandoverRequest.to_manager_id == actor.person_id,
                    ),
                )
                .order_by(HandoverRequest.created_at.desc(), HandoverRequest.id.desc())
            )
        )
        as_manager = [h for h in rows if h.to_manager_id == actor.person_id]
        latest: dict[str, HandoverRequest] = {}
        for handover in as_manager:
            latest.setdefault(handover.employee.object_id, handover)
        return HandoverList(
            as_employee=[h for h in rows if h.employee_id == actor.person_id],
            as_manager=as_manager,
            reports=[
                ReportView(r.object_id, r.display_name, latest.get(r.object_id.lower()))
                for r in reports
                if r.object_id.lower() != actor.object_id.lower()
            ],
            directory=directory,
        )


def do_request(uow: UnitOfWork, actor: Actor, graph: Graph, *, employee_object_id: str) -> HandoverRequest:
    """The new manager asks for the employee's history; they must be the manager in the directory."""
    employee_oid = employee_object_id.strip().lower()
    manager = graph.manager_of(employee_oid)  # an outage is a 503 the tab explains
    if manager is None or manager.object_id.lower() != actor.object_id.lower():
        raise Forbidden("handover_not_manager")
    known = graph.person(employee_oid)
    with uow:
        employee = person_in_tenant(
            uow,
            actor.tenant_id,
            employee_oid,
            display_name=known.display_name if known else "",
            email=known.email if known else "",
        )
        return _open(uow, actor, employee_id=employee.id, to_manager_id=actor.person_id, status=REQUESTED)


def do_offer(uow: UnitOfWork, actor: Actor, graph: Graph) -> HandoverRequest:
    """The employee offers their history to their manager in the directory: approved at once."""
    manager = graph.manager_of(None)
    if manager is None:
        raise Conflict("handover_no_manager")
    with uow:
        to_manager = person_in_tenant(
            uow, actor.tenant_id, manager.object_id, display_name=manager.display_name, email=manager.email
        )
        return _open(uow, actor, employee_id=actor.person_id, to_manager_id=to_manager.id, status=APPROVED)


def _open(
    uow: UnitOfWork, actor: Actor, *, employee_id: int, to_manager_id: int, status: str
) -> HandoverRequest:
    if employee_id == to_manager_id:
        raise Conflict("handover_self")
    existing = uow.session.scalar(
        select(HandoverRequest)
        .where(
            HandoverRequest.tenant_id == actor.tenant_id,
            HandoverRequest.employee_id == employee_id,
            HandoverRequest.to_manager_id == to_manager_id,
            HandoverRequest.status.in_((REQUESTED, APPROVED)),
        )
        .order_by(HandoverRequest.id.desc())
        .limit(1)
    )
    if existing is not None:
        if status == APPROVED and existing.status == REQUESTED:  # the employee offers what was asked
            return _decide(uow, actor, existing, APPROVED)
        return existing
    now = uow.now()
    handover = HandoverRequest(
        tenant_id=actor.tenant_id,
        employee_id=employee_id,
        from_manager_id=_previous_manager(uow, employee_id, to_manager_id),
        to_manager_id=to_manager_id,
        requested_by_id=actor.person_id,
        status=status,
        created_at=now,
        decided_at=now if status == APPROVED else None,
    )
    uow.session.add(handover)
    uow.session.flush()
    action = "handover.offered" if status == APPROVED else "handover.requested"
    audit.record(uow, actor, action, **_detail(handover))
    return handover


def _previous_manager(uow: UnitOfWork, employee_id: int, to_manager_id: int) -> int | None:
    return uow.session.scalar(
        select(Conversation.manager_id)
        .where(Conversation.employee_id == employee_id, Conversation.manager_id != to_manager_id)
        .order_by(Conversation.created_at.desc(), Conversation.id.desc())
        .limit(1)
    )


def do_decide(uow: UnitOfWork, actor: Actor, handover_id: int, decision: str) -> HandoverRequest:
    """Only the employee approves or declines; a decided request cannot be decided again."""
    with uow:
        handover = lookups.handover_for(uow, actor, handover_id)
        if handover.employee_id != actor.person_id:
            raise Forbidden("handover_employee_only")
        if handover.status != REQUESTED:
            if handover.status == decision:
                return handover  # the same answer again
            raise Conflict("handover_decided")
        return _decide(uow, actor, handover, decision)


def _decide(uow: UnitOfWork, actor: Actor, handover: HandoverRequest, decision: str) -> HandoverRequest:
    handover.status = decision
    handover.decided_at = uow.now()
    uow.session.flush()
    audit.record(uow, actor, f"handover.{decision}", **_detail(handover))
    return handover


def get_history(uow: UnitOfWork, actor: Actor, handover_id: int) -> HistoryView:
    """The employee's earlier agreed conversations, as agreed, for the new manager (read-only)."""
    with uow:
        handover = lookups.handover_for(uow, actor, handover_id)
        conversations = lookups.handed_over_conversations(uow, actor, handover)
        items = []
        for conversation in conversations:
            version = uow.session.scalar(
                select(AgreementVersion)
                .where(
                    AgreementVersion.conversation_id == conversation.id,
                    AgreementVersion.locked_at.is_not(None),
                )
                .order_by(AgreementVersion.number.desc())
                .limit(1)
            )
            items.append(
                HistoryItem(
                    conversation_id=conversation.id,
                    kind=conversation.kind,
                    title=conversation.title,
                    scheduled_at=conversation.scheduled_at,
                    manager=conversation.manager,
                    agreed_at=version.locked_at,
                    number=version.number,
                    agreement=dict(version.snapshot or {}),
                )
            )
        audit.record(uow, actor, "handover.history_read", count=len(items), **_detail(handover))
        return HistoryView(handover=handover, items=items)


def _detail(handover: HandoverRequest) -> dict[str, Any]:
    return {
        "handover_id": handover.id,
        "employee_id": handover.employee_id,
        "to_manager_id": handover.to_manager_id,
    }
