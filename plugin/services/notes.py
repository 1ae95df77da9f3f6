"""The shared notes of an agenda item as a CRDT: a Yjs document (pycrdt on the server, Yjs in the tab)
with one Text named "notes". Two people typing in the same note at the same moment both keep their
text: updates merge, whatever order they arrive in, and applying one twice changes nothing.

An update is applied under the row lock of the note's document (SELECT … FOR UPDATE; on SQLite the
first statement takes the database's write lock), the merged state is stored, the text is copied to
`agenda_items.notes` for every other reader (agreements, the agenda), and the update is sent to the
other party on the live channel, all in one transaction: the tab is answered only after the commit.
The versioned PATCH of the agenda item is applied as a CRDT change too (the text is replaced by the
smallest edit), so both ways of writing converge."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import timedelta
from types import SimpleNamespace

from pycrdt import Doc, Text, get_update
from sqlalchemy import and_, select
from sqlalchemy.orm import lazyload

from ..domain.errors import Conflict, Forbidden, InvalidInput, NotFound, TooLarge
from ..domain.permissions import can_see_conversation
from ..storage import AgendaItem, Conversation, IdempotencyRecord, NoteDocument
from . import lookups
from .live import head_seq
from .unit_of_work import Actor, UnitOfWork

ROOT = "notes"
MAX_TEXT_BYTES = 64 * 1024
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,128}$")  # as for every Idempotency-Key
KEEP_KEYS_FOR = timedelta(days=1)


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


@dataclass(frozen=True)
class Replay:
    status_code: int
    response: dict


# --- encoding helpers --------------------------------------------------------------------------------


def decode_base64(value: str, field: str) -> bytes:
    """Standard base64 (with padding); the URL-safe alphabet is accepted too (for query strings)."""
    try:
        altchars = b"-_" if ("-" in value or "_" in value) else None
        return base64.b64decode(value.encode("ascii"), altchars=altchars, validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise InvalidInput("notes_update_not_base64", field=field, params={"field": field}) from exc


def encode_base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _varuint(data: bytes, pos: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        if pos >= len(data):
            raise ValueError("truncated")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def state_vector_map(vector: bytes) -> dict[int, int]:
    """A Yjs state vector (client id -> next clock)."""
    count, pos = _varuint(vector, 0)
    clocks = {}
    for _ in range(count):
        client, pos = _varuint(vector, pos)
        clock, pos = _varuint(vector, pos)
        clocks[client] = clock
    return clocks


def _load(state: bytes) -> tuple[Doc, Text]:
    doc = Doc()
    if state:
        doc.apply_update(state)
    return doc, doc.get(ROOT, type=Text)


def _text_offset(text: str, index: int) -> int:
    """pycrdt indexes text in UTF-8 bytes (Yjs in the tab in UTF-16 units; the updates carry no
    offsets, so both agree on the result)."""
    return len(text[:index].encode("utf-8"))


def replace_in(text_type: Text, new: str) -> None:
    """Turn the text into `new` with the smallest single edit (common prefix and suffix kept), so a
    concurrent edit elsewhere in the note survives a whole-text write."""
    old = str(text_type)
    if old == new:
        return
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    a, b = _text_offset(old, start), _text_offset(old, end_old)
    if b > a:
        del text_type[a:b]
    if end_new > start:
        text_type.insert(a, new[start:end_new])


# --- the locked document ---------------------------------------------------------------------------


def lock_document(uow: UnitOfWork, item: AgendaItem) -> NoteDocument:
    """The note's document, locked until commit; the agenda item re-read under that lock. A note
    written before it had a document (older data) gets one seeded from its text, once."""
    document = _locked_document(uow, item.id)
    uow.session.refresh(item)
    _seed(document, item)
    return document


def _locked_document(uow: UnitOfWork, item_id: int) -> NoteDocument:
    session = uow.session
    locked = (
        select(NoteDocument)
        .where(NoteDocument.agenda_item_id == item_id)
        .with_for_update(of=NoteDocument)
        .execution_options(populate_existing=True)
    )
    sqlite = session.get_bind().dialect.name == "sqlite"
    document = None if sqlite else session.scalar(locked)
    if document is None:
        if sqlite:
            from sqlalchemy.dialects.sqlite import insert
        else:
            from sqlalchemy.dialects.postgresql import insert
        # On SQLite this write comes first in the transaction and takes the database's write lock,
        # so nobody changes the note until commit (SQLite has no row locks).
        session.execute(
            insert(NoteDocument)
            .values(agenda_item_id=item_id, state=b"", updated_at=uow.now())
            .on_conflict_do_nothing(index_elements=["agenda_item_id"])
        )
        document = session.scalar(locked)
    return document


def _seed(document: NoteDocument, item: AgendaItem) -> None:
    if not document.state:
        doc, text = _load(b"")
        if item.notes:
            text += item.notes
        document.state = doc.get_update()


def _locked_item(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int
) -> tuple[AgendaItem, NoteDocument]:
    """The agenda item and its note's locked document, in few statements: the party check as in
    `lookups.agenda_item_for` (another tenant's or an unknown item 404, a non-party 403), then the
    lock, then the item read under it (without its talking points). On PostgreSQL the check and
    the lock of an existing note are one statement."""
    if uow.session.get_bind().dialect.name != "sqlite":
        found = uow.session.execute(
            select(NoteDocument, Conversation.tenant_id, Conversation.employee_id, Conversation.manager_id)
            .join(AgendaItem, AgendaItem.id == NoteDocument.agenda_item_id)
            .join(Conversation, Conversation.id == AgendaItem.conversation_id)
            .where(
                NoteDocument.agenda_item_id == item_id,
                Conversation.id == conversation_id,
                Conversation.tenant_id == actor.tenant_id,
            )
            .with_for_update(of=NoteDocument)
            .execution_options(populate_existing=True)
        ).first()
        if found is not None:
            document, tenant_id, employee_id, manager_id = found
            party = SimpleNamespace(tenant_id=tenant_id, employee_id=employee_id, manager_id=manager_id)
            if not can_see_conversation(party, actor):
                raise Forbidden("not_a_party")
            item = _fresh_item(uow, item_id)  # read after the lock: the current version
            _seed(document, item)
            return item, document
    row = uow.session.execute(
        select(Conversation.tenant_id, Conversation.employee_id, Conversation.manager_id, AgendaItem.id)
        .outerjoin(AgendaItem, and_(AgendaItem.conversation_id == Conversation.id, AgendaItem.id == item_id))
        .where(Conversation.id == conversation_id, Conversation.tenant_id == actor.tenant_id)
    ).first()
    if row is None:
        raise NotFound()
    if not can_see_conversation(
        SimpleNamespace(tenant_id=row[0], employee_id=row[1], manager_id=row[2]), actor
    ):
        raise Forbidden("not_a_party")
    if row[3] is None:
        raise NotFound()
    document = _locked_document(uow, item_id)
    item = _fresh_item(uow, item_id)
    _seed(document, item)
    return item, document


def _fresh_item(uow: UnitOfWork, item_id: int) -> AgendaItem:
    return uow.session.scalar(
        select(AgendaItem)
        .where(AgendaItem.id == item_id)
        .options(lazyload(AgendaItem.talking_points))
        .execution_options(populate_existing=True)
    )


def _store(
    uow: UnitOfWork, actor: Actor, item: AgendaItem, document: NoteDocument, doc: Doc, text: str
) -> None:
    document.state = doc.get_update()
    document.updated_at = uow.now()
    if item.notes != text or item.notes_removed_at is not None:
        item.notes = text
        item.notes_removed_at = None
        item.updated_by_id = actor.person_id
    uow.session.flush()


def replace_text(uow: UnitOfWork, actor: Actor, item: AgendaItem, document: NoteDocument, new: str) -> bytes:
    """Replace the note's text as a CRDT change (the versioned PATCH); returns the Yjs update."""
    doc, text_type = _load(document.state)
    before = doc.get_state()
    replace_in(text_type, new)
    update = doc.get_update(before)
    _store(uow, actor, item, document, doc, str(text_type))
    return update


def clear_for_retention(uow: UnitOfWork, item: AgendaItem) -> None:
    """Empty the note's document (the retention run): the deleted text does not stay in the stored
    state (Yjs keeps only the deleted lengths)."""
    document = uow.session.scalar(
        select(NoteDocument)
        .where(NoteDocument.agenda_item_id == item.id)
        .with_for_update(of=NoteDocument)
        .execution_options(populate_existing=True)
    )
    if document is None or not document.state:
        return
    doc, text_type = _load(document.state)
    replace_in(text_type, "")
    document.state = doc.get_update()
    document.updated_at = uow.now()


# --- use cases -----------------------------------------------------------------------------------------


def get_notes(
    uow: UnitOfWork, actor: Actor, conversation_id: int, item_id: int, *, state_vector: bytes | None = None
) -> NoteView:
    with uow:
        item = lookups.agenda_item_for(uow, actor, conversation_id, item_id)
        # The seq first: every change numbered up to it is committed and in the state read next.
        seq = head_seq(uow.session, conversation_id)
        document = uow.session.get(NoteDocument, item.id, populate_existing=True)
        state = document.state if document is not None else b""
        doc, text_type = _load(state)
        if not state and item.notes:  # a note without a document yet: written by PATCH earlier
            document = lock_document(uow, item)
            doc, text_type = _load(document.state)
        full_vector = doc.get_state()
        if state_vector is not None:
            try:
                state_vector_map(state_vector)
                diff = doc.get_update(state_vector)
            except ValueError as exc:
                raise InvalidInput("notes_state_vector_invalid", field="state_vector") from exc
        else:
            diff = doc.get_update()
        return NoteView(item.id, diff, full_vector, str(text_type), item.version, seq)


def do_apply_update(
    uow: UnitOfWork,
    actor: Actor,
    conversation_id: int,
    item_id: int,
    *,
    update: bytes,
    idempotency_key: str | None = None,
    fingerprint: str = "",
) -> NoteAck | Replay:
    if idempotency_key is not None and not KEY_PATTERN.match(idempotency_key):
        raise InvalidInput("idempotency_key_invalid", field="Idempotency-Key")
    with uow:
        item, document = _locked_item(uow, actor, conversation_id, item_id)
        if idempotency_key is not None:
            replay = _replay(uow, actor, idempotency_key, fingerprint)
            if replay is not None:
                return replay
        doc, text_type = _load(document.state)
        before_vector = state_vector_map(doc.get_state())
        before_text = str(text_type)
        try:
            doc.apply_update(update)
            missing = get_update(update, doc.get_state())
            text = str(text_type)
            roots = set(doc.keys())
        except Exception as exc:  # only decoding happens here: pycrdt says ValueError, or worse
            raise InvalidInput("notes_update_invalid", field="update") from exc
        if roots - {ROOT}:
            raise InvalidInput("notes_update_invalid", field="update")
        if _varuint(missing, 0)[0] > 0:
            # Parts of the update build on changes the server does not have: storing it would drop
            # them. The tab sends what the server lacks (its state against the server's vector).
            raise Conflict("notes_update_missing_history")
        if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
            raise TooLarge(
                "text_too_large", field="update", params={"field": "notes", "limit": MAX_TEXT_BYTES}
            )
        applied = state_vector_map(doc.get_state()) != before_vector or text != before_text
        if applied:
            _store(uow, actor, item, document, doc, text)
            uow.emit(
                actor.tenant_id,
                conversation_id,
                "notes.update",
                item_id=item.id,
                update=encode_base64(update),
                version=item.version,
                by=actor.object_id,
            )
        ack = NoteAck(item.id, item.version, applied, len(text))
        if idempotency_key is not None:
            uow.session.add(
                IdempotencyRecord(
                    person_id=actor.person_id,
                    key=idempotency_key,
                    request_hash=fingerprint,
                    status_code=201,
                    response={
                        "item_id": ack.item_id,
                        "version": ack.version,
                        "applied": ack.applied,
                        "text_length": ack.text_length,
                    },
                    created_at=uow.now(),
                )
            )
        return ack


def _replay(uow: UnitOfWork, actor: Actor, key: str, fingerprint: str) -> Replay | None:
    """The answer to an earlier request with this key (stored in the same transaction as its
    update, so an acknowledged update is never applied twice and a lost one is never reported)."""
    record = uow.session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.person_id == actor.person_id, IdempotencyRecord.key == key
        )
    )
    if record is None:
        return None
    if record.created_at + KEEP_KEYS_FOR < uow.now():
        uow.session.delete(record)
        uow.session.flush()
        return None
    if record.request_hash != fingerprint:
        raise InvalidInput("idempotency_key_reused", field="Idempotency-Key")
    if record.status_code is None:
        raise Conflict("idempotency_in_progress")
    return Replay(record.status_code, record.response or {})
