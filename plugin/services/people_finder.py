"""Finding the other person of a conversation by name: the people to offer first (the Teams meeting's
participants, one's direct reports and manager), a search of the organisation's directory, and
profile photos. Everything comes from Microsoft Graph acting for the signed-in person, so nobody
outside their organisation is ever found (Graph answers in the person's own tenant only).

Each person offered says whether the directory shows them and the signed-in person as a manager and
employee (`confirmed_pair`): planning with anyone else needs the employee's explicit confirmation
(see `directory.check_pair`).

People who left: a person we know (a `Person` row, e.g. an earlier conversation's employee) whom
the directory no longer has (Graph answers 404) is marked `left_at`; nothing of theirs is deleted
(retention rules decide that). A person who is back in the directory is unmarked."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from ..domain.actor import Actor
from ..domain.errors import DomainError, NotFound
from ..identity.graph import DirectoryPerson, Graph, GraphDenied, GraphUnavailable, Photo
from ..identity.msal_obo import SignInUnavailable
from ..storage import Conversation, Person
from ..storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

MAX_RESULTS = 20
PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp"})
# How many of one's earlier conversation partners are checked against the directory per request.
MAX_DEPARTURE_CHECKS = 10


class DirectoryUnavailable(DomainError):
    """The directory (Microsoft Graph) cannot be asked right now: nobody can be offered."""

    status = 503
    code = "directory_unavailable"


class PhotoNotFound(NotFound):
    code = "photo_not_found"


@dataclass(frozen=True)
class Candidate:
    object_id: str
    display_name: str
    email: str
    job_title: str | None
    department: str | None
    relation: str | None  # "report", "manager", "participant" or None (found by a search)
    in_meeting: bool
    confirmed_pair: bool  # the directory shows the signed-in person and them as manager and employee


def _candidate(
    person: DirectoryPerson, relation: str | None, *, in_meeting: bool, confirmed: bool
) -> Candidate:
    return Candidate(
        object_id=person.object_id,
        display_name=person.display_name,
        email=person.email,
        job_title=person.job_title,
        department=person.department,
        relation=relation,
        in_meeting=in_meeting,
        confirmed_pair=confirmed,
    )


def _ask(work):
    """Run a Graph call; an outage (or a sign-in to Graph that cannot be made) is 503
    `directory_unavailable`. A missing permission stays 403 and missing consent `consent_required`."""
    try:
        return work()
    except (GraphUnavailable, SignInUnavailable) as exc:
        log.info("directory unavailable: %s", exc.code)
        raise DirectoryUnavailable() from exc


def _meeting_participants(graph: Graph, meeting_id: str | None) -> list[str]:
    """The object ids in the Teams meeting (organizer and invited attendees). The meeting is a hint:
    when it cannot be read (not found, no permission, Graph hiccup) there are no participants."""
    if not meeting_id:
        return []
    try:
        meeting = graph.meeting(meeting_id)
    except (GraphUnavailable, GraphDenied, SignInUnavailable) as exc:
        log.info("meeting participants not available: %s", exc.code)
        return []
    return list(meeting.participant_ids) if meeting is not None else []


def suggestions(uow: UnitOfWork, actor: Actor, graph: Graph, *, meeting_id: str | None) -> list[Candidate]:
    """The meeting's participants first, then one's direct reports, then one's manager; each once."""
    me = actor.object_id.lower()
    reports = _ask(lambda: graph.direct_reports(None))
    manager = _ask(lambda: graph.manager_of(None))
    pair_ids = {r.object_id for r in reports} | ({manager.object_id} if manager else set())
    in_meeting = [oid for oid in _meeting_participants(graph, meeting_id) if oid != me]
    by_id: dict[str, DirectoryPerson] = {r.object_id: r for r in reports}
    if manager is not None:
        by_id[manager.object_id] = manager
    result: list[Candidate] = []
    seen: set[str] = set()
    for oid in in_meeting:
        person = by_id.get(oid) or _ask(lambda oid=oid: graph.person(oid))
        if person is None or oid in seen:
            continue
        relation = "report" if oid in {r.object_id for r in reports} else None
        relation = relation or ("manager" if manager and oid == manager.object_id else "participant")
        result.append(_candidate(person, relation, in_meeting=True, confirmed=oid in pair_ids))
        seen.add(oid)
    for report in sorted(reports, key=lambda p: p.display_name.lower()):
        if report.object_id not in seen and report.object_id != me:
            result.append(_candidate(report, "report", in_meeting=False, confirmed=True))
            seen.add(report.object_id)
    if manager is not None and manager.object_id not in seen and manager.object_id != me:
        result.append(_candidate(manager, "manager", in_meeting=False, confirmed=True))
    _check_departures(uow, actor, graph, current={r.object_id for r in reports})
    return result


def search(actor: Actor, graph: Graph, text: str) -> list[Candidate]:
    """People of one's organisation whose name or e-mail address starts with the words typed (Graph
    `$search`), oneself left out, at most 20, each with the pair mark."""
    me = actor.object_id.lower()
    found = _ask(lambda: graph.search_people(text.strip(), top=MAX_RESULTS + 1))
    reports = _ask(lambda: graph.direct_reports(None))
    manager = _ask(lambda: graph.manager_of(None))
    pair_ids = {r.object_id for r in reports} | ({manager.object_id} if manager else set())
    result = []
    for person in found:
        if person.object_id == me or not person.object_id:
            continue
        relation = "report" if person.object_id in {r.object_id for r in reports} else None
        if manager is not None and person.object_id == manager.object_id:
            relation = "manager"
        result.append(_candidate(person, relation, in_meeting=False, confirmed=person.object_id in pair_ids))
    return result[:MAX_RESULTS]


def photo(graph: Graph, object_id: str) -> Photo:
    """A colleague's profile photo; 404 when they have none (the tab shows initials)."""
    found = _ask(lambda: graph.photo(object_id.lower()))
    # Only raster images are served from the app's origin (never HTML or SVG, whatever Graph says).
    if found is None or found.content_type.split(";")[0].strip().lower() not in PHOTO_TYPES:
        raise PhotoNotFound()
    return found


# --- people who left ---------------------------------------------------------------------------------


def _check_departures(uow: UnitOfWork, actor: Actor, graph: Graph, *, current: set[str]) -> None:
    """One's earlier employees who are no longer one's reports: asked of the directory; a 404 marks
    them as having left, an answer unmarks them. A Graph hiccup leaves the marks as they are."""
    with uow:
        earlier = uow.session.scalars(
            select(Person)
            .join(Conversation, Conversation.employee_id == Person.id)
            .where(
                Conversation.manager_id == actor.person_id,
                Conversation.tenant_id == actor.tenant_id,
                Person.erased_at.is_(None),
            )
            .distinct()
        ).all()
        to_check = [p.object_id for p in earlier if p.object_id not in current][:MAX_DEPARTURE_CHECKS]
    if not to_check:
        return
    answers: dict[str, bool] = {}
    for oid in to_check:
        try:
            answers[oid] = graph.person(oid) is not None
        except (GraphUnavailable, GraphDenied, SignInUnavailable):
            return
    record_directory_answers(uow, actor.tenant_id, answers)


def record_directory_answers(uow: UnitOfWork, tenant_id: str, present: dict[str, bool]) -> None:
    """`present[object_id]` is whether the directory has the person: mark or unmark `left_at`."""
    with uow:
        for person in _known(uow, tenant_id, present):
            if present[person.object_id] and person.left_at is not None:
                person.left_at = None
            elif not present[person.object_id] and person.left_at is None:
                person.left_at = uow.now()
                log.info("person %s is no longer in the directory: marked as left", person.id)


def _known(uow: UnitOfWork, tenant_id: str, object_ids: Iterable[str]) -> list[Person]:
    ids = [oid.lower() for oid in object_ids]
    if not ids:
        return []
    return list(
        uow.session.scalars(
            select(Person).where(Person.tenant_id == tenant_id, Person.object_id.in_(ids))
        ).all()
    )
