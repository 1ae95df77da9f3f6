"""Conversations: plan, list, read, change, move through the lifecycle; the shared agenda."""

from __future__ import annotations

from flask import Blueprint, Response

from ..services import conversations as svc
from ..services import ics, planning
from .endpoint import endpoint
from .schemas.conversations import (
    AgendaItemCreate,
    AgendaItemOut,
    AgendaItemPatch,
    ConversationCreate,
    ConversationList,
    ConversationOut,
    ConversationPatch,
    ConversationPlan,
    ConversationQuery,
    PlannedConversationOut,
    TalkingPointCreate,
    TransitionIn,
)

bp = Blueprint("conversations", __name__, url_prefix="/api/conversations")
TAG = "Conversations"


@bp.post("")
@endpoint(
    summary="Plan a MUS or check-in",
    tags=TAG,
    body=ConversationCreate,
    response=ConversationOut,
    status=201,
    idempotent=True,
    graph=True,
    errors=(403, 404, 409, 503),
)
def create(actor, body: ConversationCreate, uow, graph):
    data = body.model_dump(exclude_unset=True)
    return svc.do_create_conversation(
        uow,
        actor,
        kind=body.kind,
        employee=data.get("employee"),
        manager=data.get("manager"),
        template_key=body.template_key,
        title=body.title,
        scheduled_at=body.scheduled_at,
        meeting=data.get("meeting"),
        graph=graph,
        confirm_relationship=body.confirm_relationship,
    )


@bp.post("/plan")
@endpoint(
    summary="Plan a MUS or check-in ahead, with its Teams meeting in both calendars",
    tags=TAG,
    body=ConversationPlan,
    response=PlannedConversationOut,
    status=201,
    graph=True,
    errors=(403, 404, 409, 422, 503),
    description="From the personal tab or a browser: a manager plans with a report, an employee asks "
    "their manager for one (`created_by` records who). The conversation is saved first; then the "
    "Teams meeting is made in the planner's calendar with the other person invited (`calendar_status` "
    "`created`), and where permitted the app's tab is added to the meeting chat (`chat_tab`). Graph "
    "unavailable: still 201, `pending` (a job retries it, never twice); permission missing: "
    "`not_permitted`. Either way `invite.ics` has it. A second open conversation of the same kind for "
    "the pair: 409 `open_conversation_exists` (the existing one in `current`) unless `allow_another`. "
    "Not idempotent by key: a retry finds its first attempt as the open conversation (409).",
)
def plan(actor, body: ConversationPlan, uow, graph):
    data = body.model_dump(exclude_unset=True)
    return planning.do_plan_conversation(
        uow,
        actor,
        kind=body.kind,
        employee=data.get("employee"),
        manager=data.get("manager"),
        template_key=body.template_key,
        title=body.title,
        starts_at=body.starts_at,
        duration_minutes=body.duration_minutes,
        allow_another=body.allow_another,
        confirm_relationship=body.confirm_relationship,
        graph=graph,
    )


@bp.get("/<int:conversation_id>/invite.ics")
@endpoint(
    summary="The conversation as a calendar file (.ics)",
    tags=TAG,
    stream="text/calendar",
    errors=(403, 422),
    description="iCalendar (METHOD:PUBLISH) with a stable UID, the time in UTC, both parties and the "
    "link to the conversation; the file name is in the reader's language. 422 when it has no time.",
)
def invite(actor, conversation_id: int, uow):
    body, filename = ics.invite_ics(uow, actor, conversation_id)
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("")
@endpoint(
    summary="My conversations, newest first",
    tags=TAG,
    query=ConversationQuery,
    response=ConversationList,
    errors=(400,),
    description="A page at a time (`limit`, then `cursor` from `next_cursor`); scheduled ones newest "
    "first, then unscheduled ones, newest first.",
)
def list_mine(actor, query: ConversationQuery, uow):
    return svc.list_conversations(uow, actor, **query.model_dump())


@bp.get("/<int:conversation_id>")
@endpoint(summary="One conversation with its agenda", tags=TAG, response=ConversationOut, errors=(403,))
def show(actor, conversation_id: int, uow):
    return svc.get_conversation(uow, actor, conversation_id)


@bp.patch("/<int:conversation_id>")
@endpoint(
    summary="Change title, time or meeting",
    tags=TAG,
    body=ConversationPatch,
    response=ConversationOut,
    errors=(403, 409),
)
def update(actor, conversation_id: int, body: ConversationPatch, uow):
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return svc.do_update_conversation(uow, actor, conversation_id, version=body.version, changes=changes)


@bp.post("/<int:conversation_id>/transition")
@endpoint(
    summary="Move the conversation to another status",
    tags=TAG,
    body=TransitionIn,
    response=ConversationOut,
    errors=(403, 409),
)
def transition(actor, conversation_id: int, body: TransitionIn, uow):
    return svc.do_transition(uow, actor, conversation_id, status=body.status, version=body.version)


@bp.post("/<int:conversation_id>/agenda")
@endpoint(
    summary="Add an agenda item",
    tags=TAG,
    body=AgendaItemCreate,
    response=AgendaItemOut,
    status=201,
    idempotent=True,
    errors=(403,),
)
def add_item(actor, conversation_id: int, body: AgendaItemCreate, uow):
    return svc.do_add_agenda_item(uow, actor, conversation_id, title=body.title)


@bp.patch("/<int:conversation_id>/agenda/<int:item_id>")
@endpoint(
    summary="Write the shared notes of an agenda item",
    tags=TAG,
    body=AgendaItemPatch,
    response=AgendaItemOut,
    errors=(403, 409),
)
def update_notes(actor, conversation_id: int, item_id: int, body: AgendaItemPatch, uow):
    return svc.do_update_notes(uow, actor, conversation_id, item_id, version=body.version, notes=body.notes)


@bp.post("/<int:conversation_id>/agenda/<int:item_id>/talking-points")
@endpoint(
    summary="Add a talking point to an agenda item",
    tags=TAG,
    body=TalkingPointCreate,
    response=AgendaItemOut,
    status=201,
    idempotent=True,
    errors=(403,),
)
def add_talking_point(actor, conversation_id: int, item_id: int, body: TalkingPointCreate, uow):
    return svc.do_add_talking_point(uow, actor, conversation_id, item_id, text=body.text)


@bp.delete("/<int:conversation_id>/agenda/<int:item_id>/talking-points/<int:point_id>")
@endpoint(
    summary="Take back my talking point",
    tags=TAG,
    response=None,
    status=204,
    errors=(403,),
    description="Only its author removes a talking point (the undo of adding it). A point shared "
    "from preparation can be shared again afterwards.",
)
def remove_talking_point(actor, conversation_id: int, item_id: int, point_id: int, uow):
    svc.do_remove_talking_point(uow, actor, conversation_id, item_id, point_id)
