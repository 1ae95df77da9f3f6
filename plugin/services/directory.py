"""Who people are and who manages whom, from Microsoft Graph (the organisation's directory).

Graph is a helper for showing people: when it is unavailable `/me` degrades (no manager shown) with a
status the tab can explain. Planning a conversation is the exception: the pair is a gate, checked
against the directory every time (see `check_pair`), and refused while the directory cannot answer.
Missing consent is not an outage: it surfaces as `consent_required` so the tab can ask for it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..domain.actor import Actor
from ..domain.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound
from ..identity.graph import DirectoryPerson, Graph, GraphDenied, GraphUnavailable
from ..identity.msal_obo import SignInUnavailable
from ..identity.recent import RecentAnswers

log = logging.getLogger(__name__)


class RelationshipMismatch(Conflict):
    code = "manager_mismatch"


class DirectoryUnconfirmed(DomainError):
    """The directory could not be asked, so the pair could not be confirmed: nothing is planned."""

    status = 503
    code = "directory_unconfirmed"


class PersonUnknown(NotFound):
    code = "person_unknown"


class NotYourReport(Forbidden):
    code = "not_your_report"


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


def get_me(actor: Actor, graph: Graph, recent: RecentAnswers | None = None) -> MeView:
    manager, status, name, email = None, "ok", actor.display_name, ""
    known = recent.get(actor) if recent is not None else None
    try:
        if known is not None:
            name, email, manager = known
        else:
            me = graph.me()
            name, email = me.display_name or name, me.email
            manager = graph.manager_of(None)
            if recent is not None:
                recent.put(actor, (name, email, manager))
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


@dataclass(frozen=True)
class CheckedPair:
    """A pair the directory confirmed, with the two people as the directory names them."""

    relationship: str  # "directory" or "confirmed"
    employee: DirectoryPerson
    manager: DirectoryPerson


def check_pair(
    graph: Graph | None, actor: Actor, *, employee_oid: str, manager_oid: str, confirmed: bool
) -> CheckedPair:
    """Who may plan with whom, checked against the directory every time a conversation is planned.

    The rule:
    - the planner is one of the two (else 403 `not_a_party`, asked before Graph is);
    - both people must be users of the planner's organisation in the directory (else 404
      `person_unknown`); their names and e-mail addresses are taken from it, never from the request;
    - the directory must show the manager as the employee's manager ("directory");
    - otherwise only the employee may confirm the pair explicitly ("confirmed": a deputy or a new
      manager whose change is not in the directory yet). It is the employee's own conversations that
      are at stake, so the confirmation is theirs; it is recorded in the audit log. A would-be manager
      whom the directory does not show is refused (403 `not_your_report`), with or without the flag;
    - when the directory cannot be asked (Graph down, throttled past its budget, sign-in to Graph
      unavailable, no Graph at all), nothing is planned: 503 `directory_unconfirmed`. There is no
      "unchecked" pair any more. Missing consent still answers 403 `consent_required`.
    """
    employee_oid, manager_oid = employee_oid.strip().lower(), manager_oid.strip().lower()
    me = actor.object_id.lower()
    if me not in (employee_oid, manager_oid):
        raise Forbidden("not_a_party")
    if employee_oid == manager_oid:
        raise InvalidInput("same_person", field="employee")
    if graph is None:
        raise DirectoryUnconfirmed()
    try:
        employee = graph.person(employee_oid)
        manager = graph.person(manager_oid)
        directory_manager = graph.manager_of(employee_oid) if employee is not None else None
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("manager check impossible: %s", exc.code)
        raise DirectoryUnconfirmed() from exc
    for person, field in ((employee, "employee"), (manager, "manager")):
        if person is None or not person.object_id:
            raise PersonUnknown(field=field)
    if directory_manager is not None and directory_manager.object_id == manager_oid:
        return CheckedPair("directory", employee, manager)
    if me != employee_oid:
        raise NotYourReport(field="employee")
    if confirmed:
        return CheckedPair("confirmed", employee, manager)
    raise RelationshipMismatch(
        field="confirm_relationship",
        params={"manager": directory_manager.display_name if directory_manager else "-"},
    )
