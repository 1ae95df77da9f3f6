"""Private preparation: each party's own notes before the meeting, guided by questions, visible to
their author only. An item can be promoted into a shared talking point on the agenda.

Nothing here emits a live event until an item is promoted: both parties listen to the same
conversation, and even the existence of the other's preparation is private."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update

from ..domain.actor import Actor
from ..domain.agreement import Party
from ..domain.errors import Conflict, InvalidInput
from ..domain.lifecycle import ConversationKind
from ..storage import AgendaItem, PreparationItem, TalkingPoint
from ..storage.unit_of_work import UnitOfWork
from . import lookups
from .conversations import add_talking_point, check_version

# The guided questions per kind of conversation and role; their texts are `preparation.<key>` in the
# message catalogues. A check-in asks its own: progress on goals, blockers, wellbeing, next steps.
PROMPTS_BY_KIND: dict[ConversationKind, dict[Party, tuple[str, ...]]] = {
    ConversationKind.MUS: {
        Party.EMPLOYEE: (
            "employee.past_period",
            "employee.goals_needs",
            "employee.examples",
            "employee.questions",
        ),
        Party.MANAGER: (
            "manager.contributions",
            "manager.ambitions",
            "manager.feedback",
            "manager.development",
        ),
    },
    ConversationKind.CHECKIN: {
        Party.EMPLOYEE: (
            "checkin.employee.progress",
            "checkin.employee.blockers",
            "checkin.employee.wellbeing",
            "checkin.employee.next_steps",
        ),
        Party.MANAGER: (
            "checkin.manager.progress",
            "checkin.manager.blockers",
            "checkin.manager.wellbeing",
            "checkin.manager.next_steps",
        ),
    },
}
# The yearly MUS's questions (kept under this name for the callers that know no kind).
PROMPTS: dict[Party, tuple[str, ...]] = PROMPTS_BY_KIND[ConversationKind.MUS]
PROMPT_KEYS = frozenset(
    key for by_role in PROMPTS_BY_KIND.values() for keys in by_role.values() for key in keys
)


def prompt_message_key(prompt_key: str) -> str:
    return f"preparation.{prompt_key}"


def list_prompts(role: Party, kind: ConversationKind = ConversationKind.MUS) -> tuple[str, ...]:
    return PROMPTS_BY_KIND[kind][role]


def check_prompt_key(prompt_key: str | None) -> None:
    if prompt_key is not None and prompt_key not in PROMPT_KEYS:
        raise InvalidInput("prompt_unknown", field="prompt_key", params={"key": prompt_key})


def list_preparation(uow: UnitOfWork, actor: Actor, conversation_id: int) -> list[PreparationItem]:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        query = (
            select(PreparationItem)
            .where(
                PreparationItem.conversation_id == conversation_id,
                PreparationItem.author_id == actor.person_id,
            )
            .order_by(PreparationItem.id)
        )
        return list(uow.session.scalars(query))


def do_add_preparation(
    uow: UnitOfWork, actor: Actor, conversation_id: int, *, prompt_key: str | None, text: str
) -> PreparationItem:
    with uow:
        lookups.conversation_for(uow, actor, conversation_id)
        check_prompt_key(prompt_key)
        now = uow.now()
        item = PreparationItem(
            conversation_id=conversation_id,
            author_id=actor.person_id,
            prompt_key=prompt_key,
            text=text,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(item)
        uow.session.flush()
        return item


def do_update_preparation(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    item_id: int,
    *,
    version: int,
    changes: Mapping[str, Any],
) -> PreparationItem:
    with uow:
        item = lookups.preparation_for(uow, actor, conversation_id, item_id)
        check_version(item, version)
        if "prompt_key" in changes:
            check_prompt_key(changes["prompt_key"])
            item.prompt_key = changes["prompt_key"]
        if "text" in changes:
            item.text = changes["text"]
        item.updated_at = uow.now()
        uow.session.flush()
        return item


def do_delete_preparation(uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int) -> None:
    with uow:
        item = lookups.preparation_for(uow, actor, conversation_id, item_id)
        # A promoted item lives on as a shared talking point; only the private original goes.
        uow.session.execute(
            update(TalkingPoint).where(TalkingPoint.preparation_id == item.id).values(preparation_id=None)
        )
        uow.session.delete(item)
        uow.session.flush()


def do_promote(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, agenda_item_id: int
) -> tuple[PreparationItem, AgendaItem]:
    """Turn a private item into a talking point on an agenda item of the same conversation."""
    with uow:
        prep = lookups.preparation_for(uow, actor, conversation_id, item_id)
        if prep.promoted_item_id is not None:
            raise Conflict("already_promoted")
        if not prep.text.strip():
            raise InvalidInput("empty_preparation", field="text")
        item = lookups.agenda_item_for(uow, actor, conversation_id, agenda_item_id)
        add_talking_point(uow, actor, item, text=prep.text, preparation_id=prep.id)
        prep.promoted_item_id = item.id
        prep.updated_at = uow.now()
        uow.session.flush()
        return prep, item
