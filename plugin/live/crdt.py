"""The shared notes as a CRDT: a Yjs document (pycrdt here, Yjs in the tab) with one Text named
"notes". Updates merge whatever order they arrive in, and applying one twice changes nothing, so two
people typing in the same note at once both keep their words. This module knows the document format
only: where the documents are stored and who may change them is the notes use case's business."""

from __future__ import annotations

from dataclasses import dataclass

from pycrdt import Doc, Text, get_update

from ..domain.errors import Conflict, InvalidInput

ROOT = "notes"


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


def _replace_in(text_type: Text, new: str) -> None:
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


def text_of(state: bytes) -> str:
    return str(_load(state)[1])


def document_for(text: str) -> bytes:
    """A document holding `text` (a note written before it had a document)."""
    doc, text_type = _load(b"")
    if text:
        text_type += text
    return doc.get_update()


@dataclass(frozen=True)
class Snapshot:
    diff: bytes  # the document, or the part a reader lacks given its state vector
    state_vector: bytes
    text: str


def snapshot(state: bytes, state_vector: bytes | None = None) -> Snapshot:
    doc, text_type = _load(state)
    if state_vector is None:
        diff = doc.get_update()
    else:
        try:
            state_vector_map(state_vector)
            diff = doc.get_update(state_vector)
        except ValueError as exc:
            raise InvalidInput("notes_state_vector_invalid", field="state_vector") from exc
    return Snapshot(diff, doc.get_state(), str(text_type))


@dataclass(frozen=True)
class Change:
    state: bytes  # the merged document
    update: bytes  # what changed, for the other party
    text: str
    applied: bool  # False: the update was in the document already (a retry, or an echo)


def replace_text(state: bytes, new: str) -> Change:
    """The document with its text replaced by `new` as a CRDT change (a whole-text write)."""
    doc, text_type = _load(state)
    before = doc.get_state()
    _replace_in(text_type, new)
    return Change(doc.get_update(), doc.get_update(before), str(text_type), doc.get_state() != before)


def merge(state: bytes, update: bytes) -> Change:
    """Apply a Yjs update from a tab. Refused: an update that is not a notes document's update, or
    one that builds on changes the document lacks (storing it would drop them: the tab sends what
    the server lacks, its state against the server's vector)."""
    doc, text_type = _load(state)
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
        raise Conflict("notes_update_missing_history")
    applied = state_vector_map(doc.get_state()) != before_vector or text != before_text
    return Change(doc.get_update(), update, text, applied)
