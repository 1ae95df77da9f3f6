"""Planning a conversation, its lifecycle, and the shared agenda (notes and talking points)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import lazyload

from ..domain.actor import Actor
from ..domain.errors import Forbidden, InvalidInput, NotFound, StaleVersion
from ..domain.lifecycle import ConversationKind, Status, check_transition
from ..domain.paging import DEFAULT_LIMIT, Page, PageInvalid, decode_cursor, encode_cursor, page_of
from ..domain.permissions import can_plan_conversation
from ..domain.planning import OPEN_STATUSES, OpenConversationExists
from ..identity.graph import DirectoryPerson, Graph
from ..storage import AgendaItem, Conversation, Person, PreparationItem, TalkingPoint
from ..storage.sql import is_sqlite
from ..storage.unit_of_work import UnitOfWork
from . import audit, audit_log, directory, follow_ups, lookups, people, people_finder, templates
from . import notes as shared_notes


def check_version(record: Any, expected: int) -> None:
    if record.version != expected:
        raise StaleVersion(current=record)


def do_create_conversation(
    uow: UnitOfWork,
    actor: Actor,
    *,
    kind: ConversationKind,
    employee: Mapping | None,
    manager: Mapping | None,
    template_key: str | None = None,
    title: str = "",
    scheduled_at: datetime | None = None,
    meeting: Mapping | None = None,
    graph: Graph | None = None,
    confirm_relationship: bool = False,
    duration_minutes: int | None = None,
    calendar_status: str = "none",
    open_guard: bool = False,
) -> Conversation:
    # Checked against the directory before the transaction (Graph is slow and may be down); with or
    # without a meeting. The rule is in `directory.check_pair`.
    employee_oid = employee["object_id"] if employee else actor.object_id
    manager_oid = manager["object_id"] if manager else actor.object_id
    try:
        pair = directory.check_pair(
            graph, actor, employee_oid=employee_oid, manager_oid=manager_oid, confirmed=confirm_relationship
        )
    except directory.PersonUnknown as exc:
        # Someone we know whom the directory no longer has: they left the organisation (marked, kept).
        gone = employee_oid if exc.field == "employee" else manager_oid
        people_finder.record_directory_answers(uow, actor.tenant_id, {gone.strip().lower(): False})
        raise
    relationship = pair.relationship
    with uow:
        people_finder.record_directory_answers(
            uow, actor.tenant_id, {pair.employee.object_id: True, pair.manager.object_id: True}
        )
        employee_person = _party(uow, actor, pair.employee)
        manager_person = _party(uow, actor, pair.manager)
        if employee_person.id == manager_person.id:
            raise InvalidInput("same_person", field="employee")
        if not can_plan_conversation(actor, employee_id=employee_person.id, manager_id=manager_person.id):
            raise Forbidden("not_a_party")
        if open_guard:
            refuse_open_duplicate(uow, actor, kind, employee_person, manager_person)
        template = templates.resolve(uow, actor.tenant_id, template_key, kind)
        meeting = meeting or {}
        conversation = Conversation(
            tenant_id=actor.tenant_id,
            kind=kind.value,
            status=Status.PLANNED.value,
            employee_id=employee_person.id,
            manager_id=manager_person.id,
            created_by_id=actor.person_id,
            template_key=template.key,
            title=title,
            scheduled_at=scheduled_at,
            meeting_id=meeting.get("meeting_id"),
            chat_id=meeting.get("chat_id"),
            join_url=meeting.get("join_url"),
            relationship_check=relationship,
            duration_minutes=duration_minutes,
            calendar_status=calendar_status,
        )
        uow.session.add(conversation)
        uow.session.flush()
        if relationship == "confirmed":
            audit.record(uow, actor, "conversation.relationship_confirmed", conversation_id=conversation.id)
        for position, section in enumerate(template.sections):
            uow.session.add(
                AgendaItem(
                    conversation_id=conversation.id,
                    position=position,
                    section_key=section.key,
                    title=dict(section.title),
                    tools=[t.value for t in section.tools],
                )
            )
        uow.session.flush()
        uow.session.refresh(conversation)
        return conversation


def refuse_open_duplicate(
    uow: UnitOfWork, actor: Actor, kind: ConversationKind, employee: Person, manager: Person
) -> None:
    """409 `open_conversation_exists` (naming it) when the pair has an open conversation of this kind.
    Two planners at once: the employee's row is locked first (PostgreSQL: SELECT … FOR UPDATE; SQLite:
    a write, which takes the database's write lock), so the second one waits for the first's commit
    and then finds its conversation."""
    if is_sqlite(uow.session):
        uow.session.execute(
            update(Person)
            .where(Person.id == employee.id)
            .values(object_id=Person.object_id)
            .execution_options(synchronize_session=False)
        )
    else:
        uow.session.execute(select(Person.id).where(Person.id == employee.id).with_for_update())
    existing = uow.session.scalars(
        select(Conversation)
        .where(
            Conversation.tenant_id == actor.tenant_id,
            Conversation.employee_id == employee.id,
            Conversation.manager_id == manager.id,
            Conversation.kind == kind.value,
            Conversation.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .order_by(Conversation.scheduled_at.desc().nulls_last(), Conversation.id.desc())
        .execution_options(populate_existing=True)
    ).first()
    if existing is not None:
        raise OpenConversationExists(
            params={
                "id": existing.id,
                "title": existing.title,
                "kind": existing.kind,
                "status": existing.status,
                "scheduled_at": existing.scheduled_at.isoformat() if existing.scheduled_at else None,
            },
            current=existing,
        )


def _party(uow: UnitOfWork, actor: Actor, listed: DirectoryPerson) -> Person:
    """The signed-in person's own record (named by their token), or the other party's, named by the
    directory: never by the request."""
    if listed.object_id == actor.object_id.lower():
        return uow.session.get(Person, actor.person_id)
    return people.person_in_tenant(
        uow, actor.tenant_id, listed.object_id, display_name=listed.display_name, email=listed.email
    )


@dataclass(frozen=True)
class ConversationSummaryView:
    """A conversation as My MUS lists it (no agenda), read inside the transaction."""

    id: int
    kind: str
    status: str
    title: str
    template_key: str
    employee: people.PersonView
    manager: people.PersonView
    created_by: people.PersonView
    scheduled_at: datetime | None
    meeting: SimpleNamespace
    meeting_ended_at: datetime | None
    relationship_check: str
    duration_minutes: int | None
    ends_at: datetime | None
    calendar_status: str
    created_at: datetime
    updated_at: datetime
    version: int
    follow_ups: list[follow_ups.FollowUpView] = field(default_factory=list)


def summary_view(conversation: Conversation) -> ConversationSummaryView:
    return ConversationSummaryView(
        id=conversation.id,
        kind=conversation.kind,
        status=conversation.status,
        title=conversation.title,
        template_key=conversation.template_key,
        employee=people.person_view(conversation.employee),
        manager=people.person_view(conversation.manager),
        created_by=people.person_view(conversation.created_by),
        scheduled_at=conversation.scheduled_at,
        meeting=conversation.meeting,
        meeting_ended_at=conversation.meeting_ended_at,
        relationship_check=conversation.relationship_check,
        duration_minutes=conversation.duration_minutes,
        ends_at=conversation.ends_at,
        calendar_status=conversation.calendar_status,
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
        version=conversation.version,
    )


LIST_NAME = "conversations"


def _cursor_key(view: ConversationSummaryView) -> list:
    return [view.scheduled_at.isoformat() if view.scheduled_at else None, view.id]


def _after(cursor: str):
    """Rows after the cursor in the list's order (scheduled_at newest first, unscheduled last, then
    id descending): the order is total because id is unique."""
    when, last_id = decode_cursor(LIST_NAME, cursor, ((str, type(None)), int))
    if when is None:
        return and_(Conversation.scheduled_at.is_(None), Conversation.id < last_id)
    try:
        at = datetime.fromisoformat(when)
    except ValueError as exc:
        raise PageInvalid(field="cursor") from exc
    if at.tzinfo is None:
        raise PageInvalid(field="cursor")
    return or_(
        Conversation.scheduled_at < at,
        and_(Conversation.scheduled_at == at, Conversation.id < last_id),
        Conversation.scheduled_at.is_(None),
    )


def list_conversations(
    uow: UnitOfWork,
    actor: Actor,
    *,
    kind: ConversationKind | None = None,
    status: Status | None = None,
    role: str | None = None,
    meeting_id: str | None = None,
    cursor: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> Page[ConversationSummaryView]:
    """My conversations, newest first, one page: one statement whatever the history (the three
    people are joined, the agenda is not read)."""
    with uow:
        query = (
            select(Conversation)
            .where(Conversation.tenant_id == actor.tenant_id)
            .options(lazyload(Conversation.agenda))
        )
        if role == "employee":
            query = query.where(Conversation.employee_id == actor.person_id)
        elif role == "manager":
            query = query.where(Conversation.manager_id == actor.person_id)
        else:
            query = query.where(
                or_(
                    Conversation.employee_id == actor.person_id,
                    Conversation.manager_id == actor.person_id,
                )
            )
        if kind is not None:
            query = query.where(Conversation.kind == kind.value)
        if status is not None:
            query = query.where(Conversation.status == status.value)
        if meeting_id is not None:
            query = query.where(Conversation.meeting_id == meeting_id)
        if cursor is not None:
            query = query.where(_after(cursor))
        query = query.order_by(Conversation.scheduled_at.desc().nulls_last(), Conversation.id.desc())
        rows = [summary_view(c) for c in uow.session.scalars(query.limit(limit + 1)).unique()]
        items, key = page_of(rows, limit, _cursor_key)
        # The page's follow-up dates in two statements (My MUS shows them beside each conversation).
        dates = follow_ups.views_by_conversation(uow, [item.id for item in items])
        items = [replace(item, follow_ups=dates[item.id]) for item in items]
        return Page(items, encode_cursor(LIST_NAME, key) if key else None)


def get_conversation(uow: UnitOfWork, actor: Actor, conversation_id: int) -> Conversation:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        audit_log.record_read(uow, actor, conversation, "conversation.read")
        return conversation


def do_update_conversation(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, version: int, changes: Mapping[str, Any]
) -> Conversation:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        check_version(conversation, version)
        if "title" in changes:
            conversation.title = changes["title"]
        if "scheduled_at" in changes:
            conversation.scheduled_at = changes["scheduled_at"]
        if "meeting" in changes:
            meeting = changes["meeting"] or {}
            conversation.meeting_id = meeting.get("meeting_id")
            conversation.chat_id = meeting.get("chat_id")
            conversation.join_url = meeting.get("join_url")
        uow.session.flush()
        uow.emit(actor.tenant_id, conversation.id, "conversation.updated", version=conversation.version)
        return conversation


def do_transition(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, status: Status, version: int
) -> Conversation:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        check_version(conversation, version)
        check_transition(Status(conversation.status), status)
        apply_status(uow, conversation, status)
        return conversation


def apply_status(uow: UnitOfWork, conversation: Conversation, status: Status) -> None:
    """Set a status the rules allow; the meeting's end is remembered for retention."""
    if Status(conversation.status) is Status.IN_MEETING and status is Status.REVIEWING:
        conversation.meeting_ended_at = uow.now()
    conversation.status = status.value
    uow.session.flush()
    uow.emit(conversation.tenant_id, conversation.id, "conversation.status", status=status.value)


def do_update_notes(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, version: int, notes: str
) -> AgendaItem:
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        document = shared_notes.lock_document(uow, item)  # the item is re-read under the note's lock
        check_version(item, version)
        # A CRDT change (the smallest edit), so that tabs typing in the same note converge with it.
        update = shared_notes.replace_text(uow, actor, item, document, notes)
        item.notes_removed_at = None
        item.updated_by_id = actor.person_id
        uow.session.flush()
        uow.emit(
            actor.tenant_id,
            conversation_id,
            "agenda_item.updated",
            id=item.id,
            version=item.version,
            update=update,
        )
        return item


def do_add_agenda_item(uow: UnitOfWork, actor: Actor, conversation_id: int, *, title: str) -> AgendaItem:
    with uow:
        conversation = lookups.conversation_for(uow, actor, conversation_id)
        position = max((i.position for i in conversation.agenda), default=-1) + 1
        lang = actor.language
        item = AgendaItem(
            conversation_id=conversation.id,
            position=position,
            section_key=f"custom_{position}",
            title={lang: title},
            tools=[],
            updated_by_id=actor.person_id,
        )
        uow.session.add(item)
        uow.session.flush()
        uow.emit(actor.tenant_id, conversation.id, "agenda_item.added", id=item.id)
        return item


def do_add_talking_point(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    item_id: int,
    *,
    text: str,
) -> AgendaItem:
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        add_talking_point(uow, actor, item, text=text)
        return item


def add_talking_point(
    uow: UnitOfWork, actor: Actor, item: AgendaItem, *, text: str, preparation_id: int | None = None
) -> TalkingPoint:
    point = TalkingPoint(
        agenda_item_id=item.id, author_id=actor.person_id, text=text, preparation_id=preparation_id
    )
    uow.session.add(point)
    uow.session.flush()
    uow.session.refresh(item)
    uow.emit(actor.tenant_id, item.conversation_id, "talking_point.added", item_id=item.id, id=point.id)
    return point


def do_remove_talking_point(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, point_id: int
) -> None:
    """Take back one's own talking point (the undo of adding it). A point that came from private
    preparation makes that preparation item available to share again."""
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        point = uow.session.get(TalkingPoint, point_id)
        if point is None or point.agenda_item_id != item.id:
            raise NotFound()
        if point.author_id != actor.person_id:
            raise Forbidden("not_the_author")
        if point.preparation_id is not None:
            preparation = uow.session.get(PreparationItem, point.preparation_id)
            if preparation is not None and preparation.author_id == actor.person_id:
                preparation.promoted_item_id = None
                preparation.updated_at = uow.now()
        item.talking_points.remove(point)
        uow.session.flush()
        uow.emit(actor.tenant_id, conversation_id, "talking_point.removed", item_id=item.id, id=point_id)
