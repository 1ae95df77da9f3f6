"""Who people are and who manages whom, from Microsoft Graph (the organisation's directory).

Graph is a helper, never a gate for the meeting: when it is unavailable the feature degrades (no
manager shown, the pair left unchecked) with a status the tab can explain. Missing consent is not
an outage: it surfaces as `consent_required` so the tab can ask for it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..domain.actor import Actor
from ..domain.errors import Conflict
from ..identity.graph import DirectoryPerson, Graph, GraphDenied, GraphUnavailable
from ..identity.msal_obo import SignInUnavailable

log = logging.getLogger(__name__)


class RelationshipMismatch(Conflict):
    code = "manager_mismatch"


@dataclass(frozen=True)
class MeView:
    object_id: str
    tenant_id: str
    display_name: str
    email: str
    locale: str
    is_admin: bool
    manager: DirectoryPerson | None
    directory: str  # "ok" or "unavailable"


def get_me(actor: Actor, graph: Graph) -> MeView:
    manager, status, name, email = None, "ok", actor.display_name, ""
    try:
        me = graph.me()
        name, email = me.display_name or name, me.email
        manager = graph.manager_of(None)
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("directory degraded for /me: %s", exc.code)
        status = "unavailable"
    return MeView(
        object_id=actor.object_id,
        tenant_id=actor.tenant_id,
        display_name=name,
        email=email,
        locale=actor.locale,
        is_admin=actor.is_admin,
        manager=manager,
        directory=status,
    )


def check_relationship(graph: Graph, *, employee_oid: str, manager_oid: str, confirmed: bool) -> str:
    """How the pair stands against the directory: "directory", "confirmed" or "unchecked".

    A pair the directory does not show as manager and employee is refused unless a party confirms it
    explicitly (a deputy, a new manager whose change is not in the directory yet)."""
    try:
        directory_manager = graph.manager_of(employee_oid)
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("manager check skipped: %s", exc.code)
        return "unchecked"
    if directory_manager is not None and directory_manager.object_id == manager_oid.lower():
        return "directory"
    if confirmed:
        return "confirmed"
    raise RelationshipMismatch(
        field="confirm_relationship",
        params={"manager": directory_manager.display_name if directory_manager else "-"},
    )
