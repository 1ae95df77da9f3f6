"""Private preparation: each party's own notes, the guided questions, and promotion of an item to a
shared talking point. Someone else's preparation is 404, whoever asks."""

from __future__ import annotations

from flask import Blueprint

from ..domain.agreement import Party
from ..domain.lifecycle import ConversationKind
from ..i18n import translate
from ..services import preparation as svc
from .endpoint import endpoint
from .schemas.preparation import (
    PreparationCreate,
    PreparationList,
    PreparationOut,
    PreparationPatch,
    PromoteIn,
    PromoteOut,
    PromptList,
    PromptQuery,
)

bp = Blueprint("preparation", __name__, url_prefix="/api")
TAG = "Preparation"
ITEMS = "/conversations/<int:conversation_id>/preparation"


@bp.get("/preparation/prompts")
@endpoint(
    summary="The guided preparation questions for a role and a kind of conversation, in my language",
    tags=TAG,
    query=PromptQuery,
    response=PromptList,
)
def prompts(actor, query: PromptQuery, uow):
    return {
        "role": query.role,
        "kind": query.kind,
        "items": [
            {"key": key, "text": translate(svc.prompt_message_key(key), actor.locale)}
            for key in svc.list_prompts(Party(query.role), ConversationKind(query.kind))
        ],
    }


@bp.get(ITEMS)
@endpoint(
    summary="My private preparation for a conversation", tags=TAG, response=PreparationList, errors=(403,)
)
def list_mine(actor, conversation_id: int, uow):
    return {"items": svc.list_preparation(uow, actor, conversation_id)}


@bp.post(ITEMS)
@endpoint(
    summary="Add a private preparation item",
    tags=TAG,
    body=PreparationCreate,
    response=PreparationOut,
    status=201,
    idempotent=True,
    errors=(403,),
)
def add(actor, conversation_id: int, body: PreparationCreate, uow):
    return svc.do_add_preparation(uow, actor, conversation_id, prompt_key=body.prompt_key, text=body.text)


@bp.patch(f"{ITEMS}/<int:item_id>")
@endpoint(
    summary="Change a private preparation item",
    tags=TAG,
    body=PreparationPatch,
    response=PreparationOut,
    errors=(403, 409),
)
def update(actor, conversation_id: int, item_id: int, body: PreparationPatch, uow):
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    return svc.do_update_preparation(
        uow, actor, conversation_id, item_id, version=body.version, changes=changes
    )


@bp.delete(f"{ITEMS}/<int:item_id>")
@endpoint(
    summary="Delete a private preparation item",
    tags=TAG,
    response=None,
    status=204,
    errors=(403,),
)
def delete(actor, conversation_id: int, item_id: int, uow):
    svc.do_delete_preparation(uow, actor, conversation_id, item_id)


@bp.post(f"{ITEMS}/<int:item_id>/promote")
@endpoint(
    summary="Share a preparation item as a talking point on the agenda",
    tags=TAG,
    body=PromoteIn,
    response=PromoteOut,
    status=201,
    idempotent=True,
    errors=(403, 409),
)
def promote(actor, conversation_id: int, item_id: int, body: PromoteIn, uow):
    prep, item = svc.do_promote(uow, actor, conversation_id, item_id, agenda_item_id=body.agenda_item_id)
    return {"preparation": prep, "agenda_item": item}
