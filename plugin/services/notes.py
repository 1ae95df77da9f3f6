"""The shared notes of an agenda item: a CRDT document (see `plugin.live.crdt`) that both parties
change at once without losing a word.

A change is applied under the row lock of the note's document, the merged state is stored, the
text is copied to `agenda_items.notes` for every other reader (agreements, the agenda), and the
update is sent to the other party on the live channel, all in one transaction: the tab is answered
only after the commit. The versioned PATCH of the agenda item is applied as a CRDT change too (the
text is replaced by the smallest edit), so both ways of writing converge."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import lazyload

from ..domain.actor import Actor
from ..domain.errors import TooLarge
from ..domain.text import check_storable
from ..live import crdt
from ..live import log as event_log
from ..storage import AgendaItem, NoteDocument
from ..storage.locks import locked_note_document
from ..storage.unit_of_work import UnitOfWork
from . import lookups


@dataclass(frozen=True)
class NoteView:
    item_id: int
    state: bytes  # the full document (or the part the tab lacks, given its state vector)
    state_vector: bytes
    text: str
    version: int
    seq: int  # the live channel's position when this was read: resume the stream from here


@dataclass(frozen=True)
class NoteAck:
    item_id: int
    version: int
    applied: bool  # False: the update was in the document already (a retry, or an echo)
    text_length: int


def lock_document(uow: UnitOfWork, item: AgendaItem) -> NoteDocument:
    """The note's document, locked until commit, with the agenda item re-read under that lock (its
    current version). A note written before it had a document (older data) gets one from its text."""
    document = locked_note_document(uow.session, item.id, uow.now())
    uow.session.scalar(
        select(AgendaItem)
        .where(AgendaItem.id == item.id)
        .options(lazyload(AgendaItem.talking_points))
        .execution_options(populate_existing=True)
    )
    if not document.state:
        document.state = crdt.document_for(item.notes or "")
    return document


def _store(
    uow: UnitOfWork, actor: Actor, item: AgendaItem, document: NoteDocument, change: crdt.Change
) -> None:
    check_storable(change.text, "notes")  # a NUL typed into the note: PostgreSQL cannot hold it
    limit = uow.settings.max_text_bytes
    if len(change.text.encode("utf-8")) > limit:
        raise TooLarge("text_too_large", field="notes", params={"field": "notes", "limit": limit})
    document.state = change.state
    document.updated_at = uow.now()
    if item.notes != change.text or item.notes_removed_at is not None:
        item.notes = change.text
        item.notes_removed_at = None
        item.updated_by_id = actor.person_id
    uow.session.flush()


def replace_text(uow: UnitOfWork, actor: Actor, item: AgendaItem, document: NoteDocument, new: str) -> bytes:
    """Replace the note's text as a CRDT change (the versioned PATCH); returns the Yjs update."""
    change = crdt.replace_text(document.state, new)
    _store(uow, actor, item, document, change)
    return change.update


def clear_for_retention(uow: UnitOfWork, item: AgendaItem) -> bool:
    """Empty the note's document (the retention run, the agreement's lock): the deleted text does not
    stay in the stored state (Yjs keeps only the deleted lengths). True when it held text."""
    document = uow.session.scalar(
        select(NoteDocument)
        .where(NoteDocument.agenda_item_id == item.id)
        .with_for_update(of=NoteDocument)
        .execution_options(populate_existing=True)
    )
    if document is None or not document.state:
        return False
    change = crdt.replace_text(document.state, "")
    document.state = change.state
    document.updated_at = uow.now()
    return change.applied


def get_notes(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, state_vector: bytes | None = None
) -> NoteView:
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        # The seq first: every change numbered up to it is committed and in the state read next.
        seq = event_log.head_seq(uow.session, conversation_id)
        document = uow.session.get(NoteDocument, item.id, populate_existing=True)
        state = document.state if document is not None else b""
        if not state and item.notes:  # a note without a document yet: written by PATCH earlier
            state = lock_document(uow, item).state
        view = crdt.snapshot(state, state_vector)
        return NoteView(item.id, view.diff, view.state_vector, view.text, item.version, seq)


def do_apply_update(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, update: bytes
) -> NoteAck:
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        document = lock_document(uow, item)
        change = crdt.merge(document.state, update)
        if change.applied:
            _store(uow, actor, item, document, change)
            uow.emit(
                actor.tenant_id,
                conversation_id,
                "notes.update",
                item_id=item.id,
                update=update,
                version=item.version,
                by=actor.object_id,
            )
        return NoteAck(item.id, item.version, change.applied, len(change.text))
