from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Annotated

from pydantic import Field

from ...domain.errors import InvalidInput
from .common import ROW_ID_MAX, Input, Output, PersonOut, RowId


def decode_base64(value: str, field: str) -> bytes:
    """Standard base64 (with padding); the URL-safe alphabet is accepted too (for query strings)."""
    try:
        altchars = b"-_" if ("-" in value or "_" in value) else None
        return base64.b64decode(value.encode("ascii"), altchars=altchars, validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise InvalidInput("notes_update_not_base64", field=field, params={"field": field}) from exc


def encode_base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# A Yjs update in base64: at most what fits a 1 MB request.
Base64Update = Annotated[
    str,
    Field(
        min_length=4,
        max_length=1_000_000,
        description="A Yjs update (encoding v1), base64 (standard alphabet, with padding).",
    ),
]


class LiveQuery(Input):
    after: Annotated[
        int | None,
        Field(
            ge=0,
            le=ROW_ID_MAX,
            description="Resume after this event seq when the Last-Event-ID header cannot be sent.",
        ),
    ] = None


class NotesQuery(Input):
    state_vector: Annotated[
        str | None,
        Field(
            max_length=100_000,
            description="The tab's Yjs state vector (base64): only what the tab lacks is returned.",
        ),
    ] = None


class NotesOut(Output):
    item_id: int
    state: str = Field(description="Yjs update (base64): the whole document, or what the tab lacks.")
    state_vector: str = Field(description="The server document's Yjs state vector (base64).")
    text: str
    version: int = Field(description="The agenda item's version (for the versioned PATCH).")
    seq: int = Field(description="The live channel's seq when this was read: stream from here.")


class NoteUpdateIn(Input):
    update: Base64Update


class NoteUpdateAck(Output):
    item_id: int
    version: int
    applied: bool = Field(description="False when the document had the update already (a retry).")
    text_length: int


class PresenceIn(Input):
    agenda_item_id: RowId | None = Field(None, description="The agenda item this person is on.")
    following: bool = Field(True, description="Whether this person follows the shared position.")


class PresenceEntry(Output):
    object_id: str
    display_name: str
    agenda_item_id: int | None
    following: bool
    seen_at: datetime
    expires_at: datetime


class PresenceList(Output):
    items: list[PresenceEntry]
    ttl_seconds: int = Field(description="Refresh your entry well within this time (every ~15 s).")


class PositionIn(Input):
    agenda_item_id: RowId | None = Field(description="The agenda item both follow; null for none.")


class PositionOut(Output):
    agenda_item_id: int | None
    by: PersonOut | None
    at: datetime | None
    seq: int
