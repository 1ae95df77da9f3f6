"""Live collaboration: the live channel (server-sent events), CRDT notes, presence and the shared
position. The protocol for the tab is described in docs/live.md."""

from __future__ import annotations

from flask import Blueprint, current_app, request

from ..live import stream as live_streams
from ..live.hub import LiveHub
from ..live.presence import PresenceStore
from ..services import live as live_svc
from ..services import notes as notes_svc
from ..services import presence as presence_svc
from ..storage.db import db
from .endpoint import endpoint
from .schemas.live import (
    LiveQuery,
    NotesOut,
    NotesQuery,
    NoteUpdateAck,
    NoteUpdateIn,
    PositionIn,
    PositionOut,
    PresenceIn,
    PresenceList,
    decode_base64,
    encode_base64,
)

bp = Blueprint("live", __name__, url_prefix="/api")
TAG = "Live"
CONVERSATION = "/conversations/<int:conversation_id>"


def _hub() -> LiveHub:
    return current_app.extensions["mus.live"]


def _presence() -> PresenceStore:
    return current_app.extensions["mus.presence"]


@bp.get(f"{CONVERSATION}/live")
@endpoint(
    summary="The live channel: server-sent events of the conversation",
    tags=TAG,
    query=LiveQuery,
    stream="text/event-stream",
    headers=(("Last-Event-ID", "Resume after this event seq (the `id` of the last event received)."),),
    errors=(403, 503),
    description="A stream of server-sent events (read it with fetch(); the bearer header as for every "
    "call). Each event has `id` (the conversation's event seq), `event` (the kind) and `data` (JSON "
    "with seq, kind, conversation_id, data). Resuming from Last-Event-ID replays what was missed; an id "
    "older than the kept log gives a `refresh` event. A comment every 15 s keeps the connection open.",
)
def live_stream(actor, conversation_id: int, query: LiveQuery, uow):
    after = live_streams.parse_last_event_id(request.headers.get("Last-Event-ID"), query.after)
    tenant_id = live_svc.check_open_stream(uow, actor, conversation_id)
    hub = _hub()
    start = live_streams.open_stream(
        db.session, hub, tenant_id, conversation_id, actor.person_id, after=after
    )
    db.session.remove()  # no database connection is held while the stream is open
    config = current_app.config
    body = live_streams.run_stream(
        hub,
        start,
        keepalive=config.get("MUS_LIVE_KEEPALIVE_SECONDS", live_streams.KEEPALIVE_SECONDS),
        max_seconds=config.get("MUS_LIVE_MAX_SECONDS", live_streams.MAX_STREAM_SECONDS),
    )
    return current_app.response_class(
        body,
        mimetype="text/event-stream",
        headers={
            "Cache-Control": "no-cache, no-store",
            "X-Accel-Buffering": "no",
        },
    )


@bp.get(f"{CONVERSATION}/agenda/<int:item_id>/notes")
@endpoint(
    summary="The shared notes of an agenda item as a Yjs document",
    tags=TAG,
    query=NotesQuery,
    response=NotesOut,
    errors=(403,),
)
def get_notes(actor, conversation_id: int, item_id: int, query: NotesQuery, uow):
    vector = decode_base64(query.state_vector, "state_vector") if query.state_vector is not None else None
    view = notes_svc.get_notes(uow, actor, conversation_id, item_id, state_vector=vector)
    return NotesOut(
        item_id=view.item_id,
        state=encode_base64(view.state),
        state_vector=encode_base64(view.state_vector),
        text=view.text,
        version=view.version,
        seq=view.seq,
    )


@bp.post(f"{CONVERSATION}/agenda/<int:item_id>/notes/updates")
@endpoint(
    summary="Apply a Yjs update to the shared notes of an agenda item",
    tags=TAG,
    body=NoteUpdateIn,
    response=NoteUpdateAck,
    status=201,
    idempotent=True,
    errors=(403, 409),
    description="Answered only after the merged note is committed. With an Idempotency-Key a retry "
    "is answered as the first time and applied once. 409 notes_update_missing_history: the update "
    "builds on changes the server lacks; send the document's state against the server's state vector.",
)
def post_note_update(actor, conversation_id: int, item_id: int, body: NoteUpdateIn, uow):
    update = decode_base64(body.update, "update")
    return notes_svc.do_apply_update(uow, actor, conversation_id, item_id, update=update)


@bp.get(f"{CONVERSATION}/presence")
@endpoint(summary="Who is in the conversation now", tags=TAG, response=PresenceList, errors=(403, 503))
def get_presence(actor, conversation_id: int, uow):
    items = presence_svc.list_presence(uow, actor, conversation_id, _presence())
    return {"items": items, "ttl_seconds": int(presence_svc.TTL_SECONDS)}


@bp.put(f"{CONVERSATION}/presence")
@endpoint(
    summary="I am here (refresh every ~15 s): my agenda item and whether I follow",
    tags=TAG,
    body=PresenceIn,
    response=PresenceList,
    errors=(403, 503),
)
def put_presence(actor, conversation_id: int, body: PresenceIn, uow):
    items = presence_svc.do_set_presence(
        uow,
        actor,
        conversation_id,
        agenda_item_id=body.agenda_item_id,
        following=body.following,
        store=_presence(),
    )
    return {"items": items, "ttl_seconds": int(presence_svc.TTL_SECONDS)}


@bp.delete(f"{CONVERSATION}/presence")
@endpoint(summary="I left the conversation", tags=TAG, status=204, errors=(403, 503))
def delete_presence(actor, conversation_id: int, uow):
    presence_svc.do_leave(uow, actor, conversation_id, _presence())


@bp.get(f"{CONVERSATION}/position")
@endpoint(summary="The agenda item both parties follow", tags=TAG, response=PositionOut, errors=(403,))
def get_position(actor, conversation_id: int, uow):
    return live_svc.get_position(uow, actor, conversation_id)


@bp.put(f"{CONVERSATION}/position")
@endpoint(
    summary="Move the shared position (the item both follow)",
    tags=TAG,
    body=PositionIn,
    response=PositionOut,
    errors=(403,),
)
def put_position(actor, conversation_id: int, body: PositionIn, uow):
    return live_svc.do_set_position(uow, actor, conversation_id, agenda_item_id=body.agenda_item_id)
